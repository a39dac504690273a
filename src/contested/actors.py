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

import csv
import dataclasses
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from contested import config
from contested.records import ActorMention

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
        for i in range(first, last):
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
                        found.append((start, end, actor))
                        pos = end
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[ActorMention] = []
        last_end = -1
        for start, end, (name, kind) in found:
            if start < last_end:
                continue
            out.append(ActorMention(name, kind, text[start:end], start + off, end + off))
            last_end = end
        return out

    def kind_of(self, name: str) -> str | None:
        entry = self.by_name.get(name)
        return entry.kind if entry else None

    def country_of(self, name: str) -> str | None:
        entry = self.by_name.get(name)
        return entry.country if entry else None


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
