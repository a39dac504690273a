"""The actor dictionary: words in the text -> a canonical actor (ACLED's names) with its kind.

Built in (data/actors.json): the parties to the Afghan conflict and its neighbours, and the generic words
("police", "government forces", "civilians", "gunmen") that name the forces and people of whatever country the
article is about. Users extend it with a CSV
(name, kind, aliases '|'-separated, inter) added by `contested actors add FILE`, stored in the contested home.
Matching is longest-first, so "Tajik border guards" beats "border guards" and "Afghan Local Police" beats
"police". Acronyms are matched case-sensitively (ANA, ALP, NDS, IS), other words case-insensitively. The aliases
are matched on spaCy tokens by two PhraseMatchers (lower case; exact for acronyms).
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contested import config
from contested.records import ActorMention
from contested.stages.tokens import token_orths

# ACLED interaction codes by kind.
INTER_CODES = {
    "state_forces": 1,
    "rebels": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
}


@dataclass(frozen=True, slots=True)
class ActorEntry:
    name: str
    kind: str
    aliases: tuple[str, ...]
    country: str | None = None
    # Words that name this actor only in an article about ``local_to`` (else its ``country``): "police" is
    # the Afghan police in an Afghan story, another country's police elsewhere.
    local_aliases: tuple[str, ...] = ()
    local_to: str | None = None

    @property
    def home(self) -> str | None:
        return self.local_to or self.country


@dataclass(frozen=True, slots=True)
class GenericActor:
    """Words that name a force or group only by what it is ("police", "government forces", "civilians"):
    the actor of the country the article is about (``of_country``), else ``name`` with no country."""

    name: str
    of_country: str
    kind: str
    aliases: tuple[str, ...]


@lru_cache(maxsize=1)
def _data() -> dict:
    """data/actors.json, read once."""
    return json.loads((Path(__file__).with_name("data") / "actors.json").read_text(encoding="utf-8"))


def _builtin() -> tuple[ActorEntry, ...]:
    """The built-in dictionary, from data/actors.json (no conflict's actors are written into the code)."""
    return tuple(
        ActorEntry(e["name"], e["kind"], tuple(e.get("aliases") or ()), e.get("country"),
                   tuple(e.get("local_aliases") or ()), e.get("local_to"))
        for e in _data()["actors"]
    )


def _generic() -> tuple[GenericActor, ...]:
    return tuple(GenericActor(g["name"], g["of_country"], g["kind"], tuple(g["aliases"]))
                 for g in _data().get("generic", ()))


BUILTIN: tuple[ActorEntry, ...] = _builtin()
GENERIC: tuple[GenericActor, ...] = _generic()
_WITH_THE: frozenset[str] = frozenset(_data().get("countries_with_the", ()))
_GENERIC_WORDS: dict[str, str] = {a.lower(): g.name for g in GENERIC for a in g.aliases}


@dataclass(frozen=True, slots=True)
class ForceWords:
    """How the words before a force word name it (data/actors.json ``named_forces``)."""

    heads: dict[str, str | None]  # force word -> the generic actor a country's name before it makes
    name_heads: frozenset[str]  # force words that end a proper name when capitalised ("Arakan Army")
    state_words: frozenset[str]  # words of a state's own forces ("Somali National Army", "Armed Forces")
    militia_heads: frozenset[str]
    rebel_words: frozenset[str]  # words that make a named force a rebel one ("Sudan Liberation Army")
    rebel_heads: frozenset[str]  # "M23 rebels", "Al-Shabaab fighters"
    country_acronyms: dict[str, str]  # "US", "DRC" -> alpha-2 (never a bare ISO code: "GNB", "Al")


def _force_words() -> ForceWords:
    d = _data()["named_forces"]
    return ForceWords({k: v for k, v in d["heads"].items()}, frozenset(d["name_heads"]),
                      frozenset(d["state_words"]), frozenset(d["militia_heads"]), frozenset(d["rebel_words"]),
                      frozenset(d["rebel_heads"]), dict(d["country_acronyms"]))


FORCE_WORDS = _force_words()


@lru_cache(maxsize=1)
def _nationality() -> dict[str, str]:
    """Word of nationality -> ISO alpha-2 code (data/demonyms.json, the gazetteer's too)."""
    data = json.loads((Path(__file__).with_name("data") / "demonyms.json").read_text(encoding="utf-8"))
    return {w: cc for cc, ws in data.items() if not cc.startswith("_") for w in ws}


def generic_group(words: str) -> str | None:
    """The generic actor ("Police Forces", "Civilians") that words name only by what it is ("police",
    "villagers"), else None (a name: "Afghan forces", "the Taliban")."""
    return _GENERIC_WORDS.get(words.strip().lower())

# Words that are acronyms: matched case-sensitively so that "ana" or "is" never match.
_CASE_SENSITIVE = re.compile(r"^[A-Z][A-Z.\-]+$|^IS$")
# A character that glues a name to the word beside it.
_GLUE = re.compile(r"[\w-]")
_WORD = re.compile(r"\w+")


class ActorDictionary:
    def __init__(self, entries: tuple[ActorEntry, ...] | list[ActorEntry],
                 generic: tuple[GenericActor, ...] | list[GenericActor] | None = None):
        self.entries = list(entries)
        self.by_name = {e.name: e for e in self.entries}
        alias_to_entry: dict[str, ActorEntry] = {}
        self._spelling: dict[str, str] = {}
        cs_alias_to_entry: dict[str, ActorEntry] = {}

        def key(alias: str) -> str:
            if _CASE_SENSITIVE.match(alias):
                return alias
            self._spelling[alias.lower()] = alias  # tokenized as written ("U.S." is one token, "u.s." not)
            return alias.lower()

        for entry in self.entries:  # later entries (user entries) override built-ins
            for alias in (entry.name, *entry.aliases):
                (cs_alias_to_entry if _CASE_SENSITIVE.match(alias) else alias_to_entry)[key(alias)] = entry
        # Words that name an actor by what it is: the country's own (local) actor, else the generic one.
        self._local: dict[tuple[str, str], ActorEntry] = {}
        for entry in self.entries:
            for alias in entry.local_aliases:
                if entry.home:
                    self._local[(entry.home, key(alias))] = entry
        self._generic: dict[str, GenericActor] = {}
        for g in GENERIC if generic is None else generic:
            for alias in g.aliases:
                self._generic[key(alias)] = g
        self._ci = alias_to_entry
        self._cs = cs_alias_to_entry
        self._ci_all = set(alias_to_entry) | {
            a for _, a in self._local if not _CASE_SENSITIVE.match(a)} | {
            a for a in self._generic if not _CASE_SENSITIVE.match(a)}
        self._cs_all = set(cs_alias_to_entry) | {a for _, a in self._local if _CASE_SENSITIVE.match(a)} | {
            a for a in self._generic if _CASE_SENSITIVE.match(a)}
        self._named: dict[tuple[str, str], tuple[str, str]] = {}
        self._matchers: tuple[object, object, dict[int, tuple[str, bool]]] | None = None
        # (doc, positions of its force words, whether it is parsed): read once per document
        self._lowers: tuple[object, list[int], bool] | None = None
        self._head_ids = None  # the force words' string ids
        # One-word aliases, for the words inside a token that is not one plain word ('"Police', 'police,[9]').
        self._ci_words = {a for a in self._ci_all if _WORD.fullmatch(a)}
        self._cs_words = {a for a in self._cs_all if _WORD.fullmatch(a)}
        self._inside: dict[int, tuple[tuple[int, int, str, bool], ...]] = {}

    def resolve(self, alias: str, country: str | None = None) -> tuple[str, str] | None:
        """The actor (name, kind) a matched alias names in an article about ``country``: an entry that has
        it as a name of its own; else the country's own actor that has it as a local word; else the generic
        actor of that country ("Police Forces of Kenya"; with the name of an entry of the dictionary that
        begins so, "Police Forces of Afghanistan (2014-)"), or without a country the generic name alone."""
        entry = self._ci.get(alias) or self._cs.get(alias)
        if entry is not None:
            return entry.name, entry.kind
        if country:
            local = self._local.get((country, alias))
            if local is not None:
                return local.name, local.kind
        g = self._generic.get(alias)
        if g is None:
            return None
        return self._generic_of(g, country)

    def _generic_of(self, g: GenericActor, country: str | None) -> tuple[str, str]:
        """The generic actor of a country ("Police Forces of Kenya"; with the name of an entry of the
        dictionary that begins so, "Police Forces of Afghanistan (2014-)"), or without one its name alone."""
        if not country:
            return g.name, g.kind
        hit = self._named.get((g.of_country, country))
        if hit is None:
            name = g.of_country.format(country=country,
                                       the_country=f"the {country}" if country in _WITH_THE else country)
            listed = sorted((e.name for e in self.entries if e.name == name or e.name.startswith(name + " (")),
                            key=len)
            hit = (listed[0] if listed else name, g.kind)
            self._named[(g.of_country, country)] = hit
        return hit

    def _compiled(self):
        """Two spaCy PhraseMatchers (lower case, and exact for acronyms), built on first use."""
        if self._matchers is None:
            from spacy.matcher import PhraseMatcher

            from contested.nlp import load_nlp

            nlp = load_nlp()
            ci, cs = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
            keys: dict[int, tuple[str, bool]] = {}
            for matcher, aliases, exact in ((ci, self._ci_all, False), (cs, self._cs_all, True)):
                for alias in aliases:
                    key = ("actor=" if exact else "actor~") + alias
                    keys[nlp.vocab.strings.add(key)] = (alias, exact)
                    written = self._spelling.get(alias, alias)
                    matcher.add(key, [nlp.make_doc(w) for w in dict.fromkeys((written, alias))])
            self._matchers = (ci, cs, keys)
        return self._matchers

    def _inside_token(self, tok) -> tuple[tuple[int, int, str, bool], ...]:
        """One-word aliases inside a token that is not one plain word, where nothing glues them to the rest
        of it: (start, end) within the token, the alias, whether it is an acronym. Read once per token text."""
        hit = self._inside.get(tok.orth)
        if hit is None:
            text, out = tok.text, []
            if not _WORD.fullmatch(text):
                for m in _WORD.finditer(text):
                    s, e = m.span()
                    if (s and _GLUE.match(text[s - 1])) or (e < len(text) and _GLUE.match(text[e])):
                        continue
                    if m.group(0).lower() in self._ci_words:
                        out.append((s, e, m.group(0).lower(), False))
                    if m.group(0) in self._cs_words:
                        out.append((s, e, m.group(0), True))
            hit = tuple(out)
            if len(self._inside) > 500_000:
                self._inside.clear()
            self._inside[tok.orth] = hit
        return hit

    def find(self, text: str, offset: int = 0, country: str | None = None) -> list[ActorMention]:
        """The actors named in a text (tokenized here), offsets shifted by ``offset``; ``country``: the
        country the article is about (for "police", "government forces")."""
        from contested.nlp import load_nlp

        doc = load_nlp().make_doc(text)
        return [dataclasses.replace(a, start=a.start + offset, end=a.end + offset)
                for a in self.find_in(doc[:], country=country)]

    def find_in(self, span, text: str | None = None, country: str | None = None) -> list[ActorMention]:
        """The actors named in a sentence of a parsed document (offsets in the document). An alias is a whole
        word sequence: not glued to a word or hyphen on either side ("pro-Taliban" names no Taliban); at one
        position the longest alias wins, and names do not overlap. ``text``: the span's text where the caller
        has it (spaCy joins the tokens again for ``span.text``). ``country``: the country the article is
        about, whose forces and people words like "police", "soldiers" or "civilians" name (``resolve``)."""
        ci, cs, keys = self._compiled()
        doc, first, last = span.doc, span.start, span.end
        text, off = span.text if text is None else text, span.start_char
        inside: list[tuple[int, int, str, bool]] = []
        known = self._inside  # a token text known to hold no alias is passed by its number (no Token made)
        orths = token_orths(doc)
        for i in range(first, last):
            if known.get(orths[i]) == ():
                continue
            tok = doc[i]
            for s, e, alias, exact in self._inside_token(tok):
                if s == 0 and i > first and not doc[i - 1].whitespace_ and _GLUE.match(doc[i - 1].text[-1]):
                    continue
                if e == len(tok) and i + 1 < last and not tok.whitespace_ and _GLUE.match(doc[i + 1].text[0]):
                    continue
                inside.append((tok.idx - off + s, tok.idx - off + e, alias, exact))
        found: list[tuple[int, int, tuple[str, str]]] = []
        for matcher, exact_table in ((ci, False), (cs, True)):
            spans: list[tuple[int, int, str]] = []
            for match_id, s, e in matcher(span):
                alias, exact = keys[match_id]
                cs_, ce = doc[s].idx - off, doc[e - 1].idx + len(doc[e - 1]) - off
                got = text[cs_:ce]
                if (got if exact else got.lower()) != alias:
                    continue  # other spacing
                if s > first and not doc[s - 1].whitespace_ and _GLUE.match(doc[s - 1].text[-1]):
                    continue
                if e < last and not doc[e - 1].whitespace_ and _GLUE.match(doc[e].text[0]):
                    continue
                spans.append((cs_, ce, alias))
            spans.extend((s, e, alias) for s, e, alias, exact in inside if exact is exact_table)
            # As a regular expression would search: leftmost, then the longest, then on after its end.
            spans.sort(key=lambda f: (f[0], -(f[1] - f[0])))
            pos = -1
            for start, end, alias in spans:
                if start >= pos:
                    actor = self.resolve(alias, country)
                    if actor is not None:
                        named = (self._ci.get(alias) or self._cs.get(alias)) is not None
                        found.append((start, end, actor, named))
                        pos = end
        # "Rwandan troops", "Arakan Army", "M23 rebels": the words before a force word say whose it is. A name
        # of the dictionary that overlaps one wins, and so does an alias over both those words and the force
        # word ("Islamic State militants"); an alias of either alone gives way ("troops", "People's").
        for start, end, head_start, actor in self._modified(span, off, country):
            if any(f[0] < end and start < f[1] and (f[3] or f[0] < head_start < f[1]) for f in found):
                continue
            found = [f for f in found if not (f[0] < end and start < f[1])]
            found.append((start, end, actor, True))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[ActorMention] = []
        last_end = -1
        for start, end, (name, kind), _named in found:
            if start < last_end:
                continue
            out.append(ActorMention(name, kind, text[start:end], start + off, end + off))
            last_end = end
        return out

    def _modified(self, span, off: int, country: str | None) -> list[tuple[int, int, int, tuple[str, str | None]]]:
        """Forces named by the words before a force word (data/actors.json ``named_forces``), as (start, end)
        in the span's text and (name, kind):

        * a word of nationality or a country's name: that country's force or people ("Rwandan troops",
          "Somali National Army", "Ukrainian Armed Forces", "Afghan civilians"); another country's state
          forces than the article's are external;
        * proper names that are no place: an armed group of its own, named by them ("Arakan Army", "Kachin
          Independence Army", "Rapid Support Forces", "Sudan Liberation Army", "M23 rebels" -> "M23",
          "Houthi forces" -> "Houthi"): rebels where its words or the force word say so ("Liberation",
          "fighters"), a militia where it is one, else of a kind the text does not say (None). A place's or a
          person's police or forces ("Chicago Police", "Assad militia") are not named so.

        Each as (start, end, start of the force word) in the span's text, and (name, kind). The words are read
        from the parse where there is one (proper nouns, entities), else from their case.
        """
        fw = FORCE_WORDS
        doc, first = span.doc, span.start
        positions = self._head_positions(doc, first + 1, span.end)
        parsed = self._lowers[2] if self._lowers is not None else doc.has_annotation("TAG")
        out: list[tuple[int, int, int, tuple[str, str | None]]] = []
        for i in positions:
            head = doc[i]
            low = head.lower_
            mods = _name_before(doc, first, i, parsed)
            if not mods:
                continue
            words = [t.text for t in mods if t.text not in ("-", "'s", "’s")]
            if not words:
                continue
            cc, n = _country_words(words)
            rest = [w.lower() for w in words[n:]]
            capital_head = head.is_title or head.is_upper
            if cc is None and all(w.lower() in fw.state_words for w in words):
                continue  # "Army troops", "Security forces": by what they are (the generic words)
            if any(w in self._cs or w.lower() in self._ci for w in words):
                continue  # "ANDSF-NATO forces": names of the dictionary
            start, end, head_start = mods[0].idx - off, head.idx + len(head) - off, head.idx - off
            people = _people(words) if cc is None else None
            if people is not None and low in fw.militia_heads and country:
                out.append((start, end, head_start, (f"{people} Ethnic Militia ({country})", "identity_militia")))
                continue
            if cc is not None and all(w in fw.state_words for w in rest):
                generic = fw.heads.get(low)
                if generic is None and capital_head and low in fw.name_heads:
                    generic = "Police Forces" if "police" in rest or low == "police" else "Military Forces"
                if generic is None:
                    continue  # "Syrian rebels": no name of their own
                name, kind = self._of_country(generic, _country_name(cc) or "", country)
            elif fw.heads.get(low) == "Police Forces" or (parsed and any(t.ent_type_ == "PERSON" for t in mods)):
                continue  # "Chicago Police", "Assad militia": a city's police, a man's men
            elif cc is None and not (capital_head and low in fw.name_heads) and _a_place(mods, parsed):
                continue  # "Kandahar police", "Tigray forces": a place's, not a name of their own
            elif people is not None or (cc is None and not any(_proper(t, parsed) for t in mods)):
                continue
            elif cc is None and all(_describes(w) for w in words):
                continue  # "Jihadist fighters", "Islamist militants": what they are, not who
            else:
                if capital_head and low in fw.name_heads:
                    name = _as_written([*mods, head])  # "Sudan Liberation Army": as written
                elif words[n:]:
                    rest_toks = [t for t in mods if t.text not in _NAME_GLUE][n:]
                    name = _as_written(mods[mods.index(rest_toks[0]):])  # "Russian Wagner" -> "Wagner"
                else:
                    continue
                if low in fw.militia_heads:
                    kind = "political_militia"
                elif low in fw.rebel_heads or any(w.lower() in fw.rebel_words for w in words):
                    kind = "rebels"
                else:
                    kind = None  # "Arakan Army", "Rapid Support Forces": the text does not say
            out.append((start, end, head_start, (name, kind)))
        return out

    def _head_positions(self, doc, start: int, end: int) -> list[int]:
        """The positions of force words in ``doc[start:end]``, read from the document's array of lower-case
        forms (made once per document) rather than token by token."""
        import numpy as np

        cached = self._lowers
        if cached is None or cached[0] is not doc:
            from spacy.attrs import LOWER

            if self._head_ids is None:
                self._head_ids = np.array([doc.vocab.strings.add(w) for w in FORCE_WORDS.heads], dtype=np.uint64)
            lowers = doc.to_array(LOWER).astype(np.uint64, copy=False)
            cached = self._lowers = (doc, np.flatnonzero(np.isin(lowers, self._head_ids)).tolist(),
                                     doc.has_annotation("TAG"))
        at = cached[1]
        return at[bisect.bisect_left(at, start):bisect.bisect_left(at, end)]

    def _of_country(self, generic: str, named: str, home: str | None) -> tuple[str, str]:
        """The generic actor (``generic``: "Military Forces", "Civilians") of the country ``named``; another
        country's state forces than the article's (``home``) are external to its conflict."""
        g = next((g for g in self._generic.values() if g.name == generic), None)
        if g is None:
            return generic, "state_forces"
        name, kind = self._generic_of(g, named)
        if kind == "state_forces" and home and named != home:
            kind = "external"
        return name, kind

    def kind_of(self, name: str) -> str | None:
        entry = self.by_name.get(name)
        return entry.kind if entry else None

    def country_of(self, name: str) -> str | None:
        entry = self.by_name.get(name)
        return entry.country if entry else None


_NAME_GLUE = frozenset({"-", "'s", "’s"})


def _proper(tok, parsed: bool) -> bool:
    """A word of a proper name: written with a capital anywhere but first in the sentence; there, a proper
    noun or a word of a named entity of the parse."""
    if not tok.is_sent_start:
        return tok.text[:1].isupper()
    return parsed and (tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "NORP", "PERSON"))


def _as_written(tokens: list) -> str:
    """The words of consecutive tokens as the text spells them (spaces kept, none after the last)."""
    return "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text


def _describes(word: str) -> bool:
    """A word that says what kind of group it is, not which: "Jihadist", "Islamist", "Maoist", "Separatist"
    (English words of a creed or cause end so)."""
    return word.lower().endswith(("ist", "ists"))


def _a_place(mods: list, parsed: bool) -> bool:
    """Words that the parse calls a place and the gazetteer knows ("Kandahar", "Tigray"; not "M23")."""
    if not parsed or not any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in mods):
        return False
    from contested.gazetteer import Gazetteer

    words = " ".join(t.text for t in mods if t.text not in _NAME_GLUE)
    return bool(Gazetteer.load().lookup(words))


@lru_cache(maxsize=1)
def _peoples() -> dict[str, str]:
    """Names of peoples (data/peoples.json), in lower case and as plurals -> as written."""
    data = json.loads((Path(__file__).with_name("data") / "peoples.json").read_text(encoding="utf-8"))
    out = {}
    for w in data["peoples"]:
        out[w.lower()] = w
        out[w.lower() + "s"] = w
    return out


def _people(words: list[str]) -> str | None:
    """The people that words name ("Arab", "Fulani"), where they are one name of data/peoples.json."""
    return _peoples().get(" ".join(words).lower())


def _name_before(doc, first: int, i: int, parsed: bool) -> list:
    """The capitalised words right before token ``i`` (not before ``first``): "Kachin Independence",
    "Lord's Resistance", "Al-Shabaab", "M23"; empty where there are none."""
    j = i - 1
    while j >= first:
        tok = doc[j]
        if tok.text in _NAME_GLUE and j > first and not doc[j - 1].whitespace_:
            j -= 1
            continue
        if not (tok.text[:1].isupper() and tok.text[:1].isalpha()) or tok.is_stop:
            break  # a lower-case word, or "The", "In", "A"
        if tok.is_sent_start and not _proper(tok, parsed) and tok.text not in _nationality():
            break  # "Suspected militants", "Army troops" at the start of a sentence
        j -= 1
    mods = [doc[k] for k in range(j + 1, i)]
    while mods and mods[0].text in _NAME_GLUE:
        mods.pop(0)
    return mods


def _country_words(words: list[str]) -> tuple[str | None, int]:
    """The country the first words name (a word of nationality or a country's name, of up to three words:
    "South Sudanese", "United States") and how many words that takes."""
    return _country_of_words(tuple(words[:3]))


@lru_cache(maxsize=8192)
def _country_of_words(words: tuple[str, ...]) -> tuple[str | None, int]:
    from contested.gazetteer import Gazetteer

    gaz = Gazetteer.load()  # countries come from the installed packages: the same for every home
    nat = _nationality()
    for n in (3, 2, 1):
        if len(words) < n:
            continue
        phrase = " ".join(words[:n])
        # A country's name or a known acronym ("US", "DRC"), never a code that a word spells ("Al", "GNB").
        cc = nat.get(phrase) or FORCE_WORDS.country_acronyms.get(phrase) or (
            not phrase.replace(".", "").isupper() and len(phrase) > 3 and gaz.country_code(phrase)) or None
        if cc:
            return cc, n
    return None, 0


@lru_cache(maxsize=512)
def _country_name(cc: str) -> str | None:
    from contested.gazetteer import Gazetteer

    return Gazetteer.load().countries.get(cc)


def user_actor_file(home: Path | None = None) -> Path:
    return (home or config.home()) / "actors.csv"


def read_actor_csv(path: Path) -> list[ActorEntry]:
    entries = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            kind = (row.get("kind") or "").strip() or "political_militia"
            if kind not in INTER_CODES:
                raise ValueError(f"{path}: actor {name!r} has unknown kind {kind!r}; one of {sorted(INTER_CODES)}")
            aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
            entries.append(ActorEntry(name, kind, aliases, (row.get("country") or "").strip() or None))
    return entries


def add_actor_csv(path: Path, home: Path | None = None) -> int:
    """Validate a user's actor CSV and append it to the home's actor file. Returns the number of entries."""
    entries = read_actor_csv(path)
    target = user_actor_file(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    exists = target.exists()
    with open(target, "a", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        if not exists:
            writer.writerow(["name", "kind", "aliases", "country"])
        for e in entries:
            writer.writerow([e.name, e.kind, "|".join(e.aliases), e.country or ""])
    _load_actors.cache_clear()
    return len(entries)


def load_actors(home: Path | None = None) -> ActorDictionary:
    """The built-in dictionary plus the user's entries in the contested home (cached per home)."""
    return _load_actors(Path(home or config.home()))


@lru_cache(maxsize=8)
def _load_actors(home: Path) -> ActorDictionary:
    entries = list(BUILTIN)
    path = user_actor_file(home)
    if path.exists():
        entries.extend(read_actor_csv(path))
    return ActorDictionary(entries)
