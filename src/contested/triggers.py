"""Event triggers: the words that say something happened, each with the family of events it can start.

A family is not yet a type: "captured" is a capture whose type depends on who captured (the Taliban:
territory_captured; government forces: territory_regained; "three militants": an arrest), and "killed" is an
armed clash or an attack on civilians depending on the victims. events.py decides the type.

The patterns are data (data/families.json, read by contested.families), matched on spaCy tokens:
words and phrases by a ``PhraseMatcher`` on the lower-case form, one-word stems ("captur*") by a lookup
cached per vocabulary entry, and patterns with a stem, a number or a wildcard among other words by a
``Matcher``. As with the regular expressions they replace, at one position the first pattern of a family
that matches wins, a family's matches do not overlap, and a span matched by a family listed earlier is not
matched again by a later one (so "suicide bomber" is not also an explosive).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from contested.families import (
    CONTROL_FAMILIES,
    FAMILY_TABLE,
    VIOLENCE_FAMILIES,
    FamilyTable,
    FamilyTableError,
)
from contested.stages.tokens import token_orths

if TYPE_CHECKING:
    from spacy.tokens import Span

__all__ = ["CONTROL_FAMILIES", "VIOLENCE_FAMILIES", "Trigger", "TriggerMatcher", "find_triggers", "triggers_in"]


@dataclass(frozen=True, slots=True)
class Trigger:
    family: str
    start: int  # character offsets in the document
    end: int
    text: str


# ---------------------------------------------------------------- the pattern language (see families.json)


@dataclass(frozen=True, slots=True)
class _Tok:
    """One word position: its alternatives and whether it may be left out."""

    alts: tuple[str, ...]
    optional: bool = False

    @property
    def literal(self) -> bool:
        return all(_is_literal(a) for a in self.alts)


@dataclass(frozen=True, slots=True)
class _Group:
    options: tuple[tuple[_Tok | _Group, ...], ...]
    optional: bool = False


def _is_literal(alt: str) -> bool:
    return not (alt in ("#", "_") or alt.startswith("~") or alt.endswith(("*", "+")))


def _lex(pattern: str) -> list[str]:
    """Words and the signs '(' ')' ')?' ','; a '~regex' word runs to the next space."""
    out: list[str] = []
    pos = 0
    while pos < len(pattern):
        c = pattern[pos]
        if c == " ":
            pos += 1
        elif c in "(,":
            out.append(c)
            pos += 1
        elif c == ")":
            optional = pattern.startswith("?", pos + 1)
            out.append(")?" if optional else ")")
            pos += 1 + optional
        elif c == "~":
            end = pattern.find(" ", pos)
            end = len(pattern) if end < 0 else end
            out.append(pattern[pos:end])
            pos = end
        else:
            m = re.compile(r"[^\s(),]+").match(pattern, pos)
            assert m is not None
            out.append(m.group(0))
            pos = m.end()
    return out


def _parse(pattern: str) -> tuple[_Tok | _Group, ...]:
    """'a|b c? (d e, f)?' -> items; raises FamilyTableError on unbalanced parentheses or empty words."""
    lexemes = _lex(pattern)
    pos = 0

    def options(depth: int) -> list[tuple[_Tok | _Group, ...]]:
        nonlocal pos
        opts: list[tuple[_Tok | _Group, ...]] = []
        items: list[_Tok | _Group] = []
        while pos < len(lexemes):
            lx = lexemes[pos]
            pos += 1
            if lx == "(":
                inner = options(depth + 1)
                items.append(_Group(tuple(inner), lexemes[pos - 1] == ")?"))
            elif lx in (")", ")?"):
                if depth == 0:
                    raise FamilyTableError(f"unbalanced ')' in pattern {pattern!r}")
                opts.append(tuple(items))
                return opts
            elif lx == ",":
                if depth == 0:
                    raise FamilyTableError(f"',' outside a group in pattern {pattern!r}")
                opts.append(tuple(items))
                items = []
            else:
                optional = lx.endswith("?") and not lx.startswith("~")
                word = lx[:-1] if optional else lx
                alts = (word,) if word.startswith("~") else tuple(word.lower().split("|"))
                if not all(alts):
                    raise FamilyTableError(f"an empty word in pattern {pattern!r}")
                items.append(_Tok(alts, optional))
        if depth:
            raise FamilyTableError(f"unbalanced '(' in pattern {pattern!r}")
        opts.append(tuple(items))
        return opts

    top = options(0)
    if not top[0] or any(not o for g in top[0] if isinstance(g, _Group) for o in g.options):
        raise FamilyTableError(f"an empty pattern or group in {pattern!r}")
    return top[0]


def _sequences(items: tuple[_Tok | _Group, ...]) -> Iterator[tuple[_Tok, ...]]:
    """The groups spelled out, in the order a regular expression prefers them (the first alternative first, an
    optional group present before absent); optional words stay optional."""
    if not items:
        yield ()
        return
    head, rest = items[0], items[1:]
    if isinstance(head, _Tok):
        heads: list[tuple[_Tok, ...]] = [(head,)]
    else:
        heads = [s for option in head.options for s in _sequences(option)]
        if head.optional:
            heads.append(())
    for h in heads:
        for r in _sequences(rest):
            yield h + r


def _phrases(seq: tuple[_Tok, ...]) -> Iterator[tuple[str, ...]]:
    """Every phrase a sequence of literal words spells, in order of preference (an optional word present first)."""
    choices = [list(t.alts) + ([""] if t.optional else []) for t in seq]
    for combo in itertools.product(*choices):
        words = tuple(w for w in combo if w)
        if words:
            yield words


def _token_regex(alts: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for a in alts:
        if a == "#":
            parts.append(r"\d+(?:[,.]\d+)*")  # "15", "2,000", "1.5"
        elif a == "_":
            parts.append(r"\w+(?:[-'\u2019]\w+)*")  # a word, also hyphenated ("AK-47", "pump-action")
        elif a.startswith("~"):
            parts.append("(?:" + a[1:] + ")")
        elif a.endswith("*"):
            parts.append(re.escape(a[:-1]) + r"\w*")
        elif a.endswith("+"):
            parts.append(re.escape(a[:-1]) + r"\w+")
        else:
            parts.append(re.escape(a))
    return re.compile("(?:" + "|".join(parts) + ")")


# ---------------------------------------------------------------- the compiled matcher


@dataclass(slots=True)
class _Rule:
    family: int  # index in the table
    rank: int  # lower wins at one position
    canonical: str | None = None  # phrase rules: the text a match must read (spacing included)
    not_after: frozenset[str] = frozenset()
    acts_on: str | None = None  # "person": kept only where the parse says the verb acts on a person


class TriggerMatcher:
    """A family table compiled for one spaCy vocabulary."""

    def __init__(self, table: FamilyTable, nlp) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        self.table = table
        self.nlp = nlp
        self.names = table.names()
        self._phrase = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._matcher = Matcher(nlp.vocab)
        self._n_matcher_rules = 0
        self._longest_rule = 0  # the most tokens a Matcher rule can match
        self._rules: dict[int, _Rule] = {}  # match id -> rule
        self._stems: list[tuple[re.Pattern[str], int, int, frozenset[str]]] = []  # (regex, family, rank, not_after)
        # One-word phrases, for the words inside a token that is not one plain word.
        self._words: dict[str, list[tuple[int, int, frozenset[str]]]] = {}
        self._word_cache: dict[int, tuple[tuple[tuple[int, int, int, int, frozenset[str]], ...], bool]] = {}
        self._first_words: set[str] = set()
        self._first_regex: list[re.Pattern[str]] = []
        self._first_any = False
        self._patterns: list[tuple[str, list[dict]]] = []  # the Matcher's rules: (key, pattern)
        self._starting: dict[str, object] = {}  # a word -> a Matcher of the rules that may begin with it
        self._context: dict[int, tuple[frozenset[str], re.Pattern[str]]] = {}
        for fi, fam in enumerate(table.families):
            if fam.context is not None:
                prefixes = "|".join(re.escape(p) for p in fam.context.prefixes)
                self._context[fi] = (fam.context.words, re.compile(r"\b(?:" + prefixes + ")", re.IGNORECASE))
            rank = 0
            for spec in fam.patterns:
                for seq in _sequences(_parse(spec.pattern)):
                    rank = self._add(fi, rank, seq, spec.not_after, spec.acts_on)

    def _key(self, fi: int, rank: int, canonical: str | None, not_after: frozenset[str],
             acts_on: str | None = None) -> str:
        key = f"{self.names[fi]}#{rank}"
        self._rules[self.nlp.vocab.strings.add(key)] = _Rule(fi, rank, canonical, not_after, acts_on)
        return key

    def _add(self, fi: int, rank: int, seq: tuple[_Tok, ...], not_after: frozenset[str],
             acts_on: str | None = None) -> int:
        if acts_on is not None and len(seq) < 2:
            raise FamilyTableError(f"{self.names[fi]}: a pattern that acts on a person needs two words or more")
        if all(t.literal for t in seq):
            for words in _phrases(seq):
                canonical = " ".join(words)
                key = self._key(fi, rank, canonical, not_after, acts_on)
                self._phrase.add(key, [self.nlp.make_doc(canonical)])
                if _WORD.fullmatch(canonical) and acts_on is None:
                    self._words.setdefault(canonical, []).append((fi, rank, not_after))
                rank += 1
            return rank
        if len(seq) == 1 and not seq[0].optional and all(
                a.startswith("~") or len(self.nlp.make_doc(a.rstrip("*+") or "x")) == 1 for a in seq[0].alts):
            self._stems.append((_token_regex(seq[0].alts), fi, rank, not_after))
            return rank + 1
        pattern: list[dict] = []
        for t in seq:
            if t.literal and len(t.alts) == 1:
                words = [w.lower_ for w in self.nlp.make_doc(t.alts[0])]
                if len(words) > 1 and t.optional:
                    raise FamilyTableError(f"{t.alts[0]!r}: an optional word must be one token")
                pattern.extend({"LOWER": w, "OP": "?"} if t.optional else {"LOWER": w} for w in words)
                continue
            if not t.literal:
                # A stem written with a hyphen ("self-detonat*"): the words before the last are literal.
                alts = t.alts
                if len(alts) == 1 and not alts[0].startswith("~"):
                    toks = [w.lower_ for w in self.nlp.make_doc(alts[0].rstrip("*+"))]
                    if len(toks) > 1:
                        if t.optional:
                            raise FamilyTableError(f"{alts[0]!r}: an optional word must be one token")
                        pattern.extend({"LOWER": w} for w in toks[:-1])
                        alts = (toks[-1] + alts[0][-1],)
                spec: dict = {"LOWER": {"REGEX": "^" + _token_regex(alts).pattern + "$"}}
            else:
                for a in t.alts:
                    if len(self.nlp.make_doc(a)) != 1:
                        raise FamilyTableError(f"{a!r}: each of several alternatives must be one token")
                spec = {"LOWER": {"IN": list(t.alts)}}
            if t.optional:
                spec["OP"] = "?"
            pattern.append(spec)
        key = self._key(fi, rank, None, not_after, acts_on)
        self._matcher.add(key, [pattern])
        self._patterns.append((key, pattern))
        self._n_matcher_rules += 1
        self._longest_rule = max(self._longest_rule, len(pattern))
        # The Matcher runs only on sentences with a word that can begin one of its rules.
        first = pattern[0]
        if first.get("OP") == "?":
            self._first_any = True
        elif isinstance(first["LOWER"], str):
            self._first_words.add(first["LOWER"])
        elif "IN" in first["LOWER"]:
            self._first_words.update(first["LOWER"]["IN"])
        else:
            self._first_regex.append(re.compile(first["LOWER"]["REGEX"]))
        return rank + 1

    def _word_rules(self, tok) -> tuple[tuple[tuple[int, int, int, int, frozenset[str]], ...], bool]:
        """The one-word rules a token meets, as (start, end) within the token, family, rank, not_after, and
        whether it may begin a Matcher rule; read once per distinct token text. A token that is not one plain
        word ("gunfire.[21", "22)—shot", a URL) is searched word by word, as a regular expression would."""
        key = tok.orth
        hit = self._word_cache.get(key)
        if hit is None:
            text = tok.text
            lower = tok.lower_
            starts = lower in self._first_words or any(rx.search(lower) for rx in self._first_regex)
            if _WORD.fullmatch(text):
                pieces = [(0, len(text), text.lower(), False)]
            else:
                pieces = [(m.start(), m.end(), m.group(0).lower(), True) for m in _WORD.finditer(text)]
            out = []
            for s, e, word, odd in pieces:
                if odd:
                    out.extend((s, e, fi, rank, na) for fi, rank, na in self._words.get(word, ()))
                out.extend((s, e, fi, rank, na) for rx, fi, rank, na in self._stems if rx.fullmatch(word))
            hit = (tuple(out), starts)
            if len(self._word_cache) > 500_000:  # a long-running service meets ever new words
                self._word_cache.clear()
            self._word_cache[key] = hit
        return hit

    def _starting_with(self, lower: str):
        """A Matcher of the rules whose first word may be ``lower`` (a token's lower-case form), the same keys
        as the whole Matcher's; None where no rule may begin with it. Built once per word."""
        hit = self._starting.get(lower, False)
        if hit is False:
            from spacy.matcher import Matcher

            rules = []
            for key, pattern in self._patterns:
                first = pattern[0]["LOWER"]
                if (first == lower if isinstance(first, str) else
                        lower in first["IN"] if "IN" in first else re.search(first["REGEX"], lower) is not None):
                    rules.append((key, pattern))
            hit = None
            if rules:
                hit = Matcher(self.nlp.vocab)
                for key, pattern in rules:
                    hit.add(key, [pattern])
            if len(self._starting) > 50_000:  # a long-running service meets ever new words
                self._starting.clear()
            self._starting[lower] = hit
        return hit

    def __call__(self, span, text: str | None = None) -> list[Trigger]:
        """The triggers in one sentence (a spaCy Span or Doc), earliest first, with the document's offsets.
        ``text``: the sentence's text (``span.text``) where the caller has it."""
        doc = span.doc if hasattr(span, "doc") else span
        base = span.start if hasattr(span, "doc") else 0
        end_tok = span.end if hasattr(span, "doc") else len(doc)
        if text is None:
            text = span.text  # the sentence's own text (the document's would be joined again on every access)
        off = doc[base].idx if end_tok > base else 0
        # family -> (start char, -rank, end char)
        by_family: dict[int, list[tuple[int, int, int]]] = {}
        begins: list[tuple[int, str]] = []  # the tokens that may begin a Matcher rule, with their lower case
        known, orths = self._word_cache, token_orths(doc)
        for i in range(base, end_tok):
            if known.get(orths[i]) == ((), False):
                continue  # a word known to meet no rule (no Token made for it)
            tok = doc[i]
            hits, starts = self._word_rules(tok)
            if starts:
                begins.append((i, tok.lower_))
            for s, e, fi, rank, na in hits:
                if na and i > base and doc[i - 1].whitespace_ and doc[i - 1].lower_ in na:
                    continue
                by_family.setdefault(fi, []).append((tok.idx + s, -rank, tok.idx + e))
        # On a Span, the PhraseMatcher gives the document's token positions and the Matcher the span's.
        matches = self._phrase(span)
        if self._first_any:
            matches += [(m, s + base, e + base) for m, s, e in self._matcher(span)]
        else:
            # A rule's match begins at a word that may begin it and is at most its length long (its words are
            # one token each, some optional): the rules that may begin with the word run on that window only,
            # for the matches that begin at its first token (the Matcher tries every rule at every token).
            longest = self._longest_rule
            for i, lower in begins:
                matcher = self._starting_with(lower)
                if matcher is not None:
                    matches += [(m, s + i, e + i) for m, s, e in matcher(doc[i:min(i + longest, end_tok)]) if s == 0]
        for match_id, s, e in matches:
            rule = self._rules[match_id]
            cs, ce = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            if rule.canonical is not None and text[cs - off:ce - off].lower() != rule.canonical:
                continue  # "detonation :" is not "detonation:"
            if rule.not_after and s > base and doc[s - 1].whitespace_ and doc[s - 1].lower_ in rule.not_after:
                continue  # "the crossing into", not a crossing
            if rule.acts_on is not None and not _acts_on_person(doc, s, e, self.table):
                continue  # "took away the goods", "was taken by ambulance"
            by_family.setdefault(rule.family, []).append((cs, -rule.rank, ce))
        if not by_family:
            return []
        taken: list[tuple[int, int]] = []
        out: list[Trigger] = []
        for fi in sorted(by_family):
            context = self._context.get(fi)
            for cs, ce in _leftmost(by_family[fi]):
                if any(cs < te and ts < ce for ts, te in taken):
                    continue
                word = text[cs - off:ce - off]
                if context and word.lower() in context[0] and not context[1].search(text):
                    continue
                if self.names[fi] in PLACE_OBJECT_FAMILIES and not _takes_a_name(doc, base, end_tok, cs):
                    continue
                if self.names[fi] in NAME_OBJECT_FAMILIES and not _takes_a_name(doc, base, end_tok, cs, True):
                    continue
                taken.append((cs, ce))
                out.append(Trigger(self.names[fi], cs, ce, word))
        out.sort(key=lambda t: t.start)
        return out


# Families whose word is an event only where what it acts on is named ("the rebels had taken Kaina", "took the
# town of Hsenwi"; not "took part", "took two hours", "was taken to hospital"): read on the parse here, and
# against the gazetteer by contested.stages.grouping.
PLACE_OBJECT_FAMILIES = frozenset({"take"})
# Families whose word is an event only where its object is a name of any kind ("residents left Lashkar Gah",
# which the parser may take for a person's name; not "the fighters had left by evening"): whether the name is a
# place is asked of the gazetteer by contested.stages.grouping.
NAME_OBJECT_FAMILIES = frozenset({"leave"})


def _takes_a_name(doc, base: int, end_tok: int, char: int, any_name: bool = False) -> bool:
    """Whether the verb at character ``char`` acts on a place's name: its object (or, in the passive, its
    subject) is a name the parser takes for a place ("had taken Kaina"), or a place noun with "of" and a name
    ("the key town of Hsenwi"); not a person or an organisation ("took Jordan Clay into custody", "Parker
    was taken to hospital"), and not in a clause that describes people by what they did before ("the
    fighters who took Kawlin") unless the clause has a date of its own. False without a parse."""
    from contested.stages.places import PLACE_NOUNS  # (here: the stages import this module)

    if not doc.has_annotation("DEP"):
        return False
    tok = next((doc[i] for i in range(base, end_tok) if doc[i].idx == char), None)
    if tok is None:
        return False
    if tok.dep_ == "relcl" and not any(t.ent_type_ == "DATE" for t in tok.subtree):
        return False
    for c in tok.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        if c.pos_ == "PROPN" and (any_name or c.ent_type_ in ("GPE", "LOC", "FAC") or _named_as_place(doc, c, PLACE_NOUNS)):
            return True
        if PLACE_NOUNS.fullmatch(c.lower_) and any(
                g.dep_ == "prep" and g.lower_ == "of" and any(h.dep_ == "pobj" and h.pos_ == "PROPN" for h in g.children)
                for g in c.children):
            return True
    return False


_PERSON_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "we", "me", "i"})


def _is_person(tok, persons: frozenset[str], depth: int = 0) -> bool:
    """Whether a noun phrase's head names people: a person's name, a personal pronoun, a noun for people
    (``persons``), a number or quantifier "of" such ("eight of them"), or a name listed with a person ("Baryalai
    and his driver"; not "goods, police and shopkeepers said", where the parser joins the speakers to the
    goods)."""
    if tok.ent_type_ == "PERSON" or (tok.pos_ == "PRON" and tok.lower_ in _PERSON_PRONOUNS):
        return True
    if tok.pos_ in ("NOUN", "PROPN") and (tok.lemma_.lower() in persons or tok.lower_ in persons):
        return True
    if depth > 2:
        return False
    for c in tok.children:
        if c.dep_ == "conj" and tok.pos_ == "PROPN" and _is_person(c, persons, depth + 1):
            return True  # a name the parser did not label, and a person ("Baryalai and his driver")
        if c.dep_ == "prep" and c.lower_ == "of" and tok.pos_ in ("NUM", "PRON", "ADJ", "NOUN", "DET") and any(
                g.dep_ == "pobj" and _is_person(g, persons, depth + 1) for g in c.children):
            return True  # "eight of them", "dozens of villagers"
    return False


def _is_armed(tok, armed: frozenset[str]) -> bool:
    """Whether a doer is armed: a noun for armed people ("fighters", "Russian forces"), people described as
    armed ("armed men", "masked men": an adjective of ``armed``), or a named group."""
    if tok.lemma_.lower() in armed or tok.lower_ in armed or tok.ent_type_ in ("ORG", "NORP"):
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in armed for c in tok.children)


def _acts_on_person(doc, s: int, e: int, table: FamilyTable) -> bool:
    """Whether the verb of a match (tokens ``s``..``e``) acts on people: in the active, its object is a person
    ("took away two game rangers", "forced him into a car"); in the passive, its subject is, and the doer after
    "by" is armed ("eight of them were taken by fighters"; not "was taken by ambulance"). False without a
    parse."""
    if not doc.has_annotation("DEP"):
        return False
    verb = next((doc[i] for i in range(s, e) if doc[i].pos_ == "VERB"), doc[s])
    kids = list(verb.children)
    agents = [g for c in kids if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    passive = bool(agents) or any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    if passive:
        subjects = [c for c in kids if c.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ in ("acl", "relcl"):
            subjects = [verb.head]  # "eight women taken by gunmen"
        if agents:
            doer = any(_is_armed(g, table.armed_nouns) for g in agents)
        else:  # "was snatched at a checkpoint"; not "was taken to hospital", "were led away to safety"
            doer = verb.lemma_.lower() not in table.needs_doer
        return doer and any(_is_person(t, table.person_nouns) for t in subjects)
    return any(_is_person(c, table.person_nouns) for c in kids if c.dep_ == "dobj")


def _named_as_place(doc, name, place_nouns) -> bool:
    """Whether the document calls this name (a name the parser gave no place label: "the army took Hayan")
    a place where it writes it elsewhere: as a place entity, or after a place noun and "of" ("pushed into the
    town of Hayan"). A person or an organisation is never written so, whatever label the parser gave here."""
    words = _name_words(name)
    for t in doc:
        if t.i == name.i or t.text != name.text or _name_words(t) != words:
            continue
        if t.ent_type_ in ("GPE", "LOC", "FAC"):
            return True
        if (t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i != t.head.i
                and place_nouns.fullmatch(t.head.head.lower_)):
            return True
    return False


def _name_words(tok) -> tuple[str, ...]:
    """A name's words: the head and the words compounded before it ("Lashkar Gah")."""
    return (*(c.text for c in tok.children if c.dep_ == "compound" and c.i < tok.i), tok.text)


_WORD = re.compile(r"\w+")


def _leftmost(matches: list[tuple[int, int, int]]) -> Iterator[tuple[int, int]]:
    """A regular expression's search through a sentence: at each position the best match (the lowest rank,
    then the longest), then on after its end."""
    best: dict[int, tuple[int, int]] = {}
    for s, neg_rank, e in matches:
        cur = best.get(s)
        if cur is None or (neg_rank, e) > cur:
            best[s] = (neg_rank, e)
    pos = -1
    for s in sorted(best):
        if s >= pos:
            e = best[s][1]
            yield s, e
            pos = e


_COMPILED: dict[int, tuple[FamilyTable, object, TriggerMatcher]] = {}


def matcher_for(table: FamilyTable | None = None, nlp=None) -> TriggerMatcher:
    """The compiled matcher of a table (the built-in one by default) for a pipeline, built once."""
    from contested.nlp import load_nlp

    table = table or FAMILY_TABLE
    nlp = nlp or load_nlp()
    key = id(table) ^ id(nlp.vocab)
    hit = _COMPILED.get(key)
    if hit is None or hit[0] is not table or hit[1] is not nlp.vocab:
        hit = (table, nlp.vocab, TriggerMatcher(table, nlp))
        _COMPILED[key] = hit
    return hit[2]


def triggers_in(span: Span, table: FamilyTable | None = None, text: str | None = None) -> list[Trigger]:
    """The triggers of one parsed sentence, with the document's character offsets. ``text``: the sentence's
    text where the caller has it (spaCy joins the tokens again for ``span.text``)."""
    return matcher_for(table)(span, text)


def find_triggers(text: str, offset: int = 0, table: FamilyTable | None = None) -> list[Trigger]:
    """All trigger words in a sentence given as text (tokenized here), earliest first, offsets shifted by
    ``offset``."""
    m = matcher_for(table)
    doc = m.nlp.make_doc(text)
    return [Trigger(t.family, t.start + offset, t.end + offset, t.text) for t in m(doc[:])]
