"""The actor dictionary: words in the text -> a canonical actor (ACLED's names) with its kind.

Built in (data/actors.json): the parties to the Afghan conflict and its neighbours. Users extend it with a CSV
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


def _builtin() -> tuple[ActorEntry, ...]:
    """The built-in dictionary, from data/actors.json (no conflict's actors are written into the code)."""
    data = json.loads((Path(__file__).with_name("data") / "actors.json").read_text(encoding="utf-8"))
    return tuple(
        ActorEntry(e["name"], e["kind"], tuple(e.get("aliases") or ()), e.get("country")) for e in data["actors"]
    )


BUILTIN: tuple[ActorEntry, ...] = _builtin()

# Words that are acronyms: matched case-sensitively so that "ana" or "is" never match.
_CASE_SENSITIVE = re.compile(r"^[A-Z][A-Z.\-]+$|^IS$")
# A character that glues a name to the word beside it.
_GLUE = re.compile(r"[\w-]")
_WORD = re.compile(r"\w+")


class ActorDictionary:
    def __init__(self, entries: tuple[ActorEntry, ...] | list[ActorEntry]):
        self.entries = list(entries)
        self.by_name = {e.name: e for e in self.entries}
        alias_to_entry: dict[str, ActorEntry] = {}
        self._spelling: dict[str, str] = {}
        cs_alias_to_entry: dict[str, ActorEntry] = {}
        for entry in self.entries:  # later entries (user entries) override built-ins
            for alias in (entry.name, *entry.aliases):
                if _CASE_SENSITIVE.match(alias):
                    cs_alias_to_entry[alias] = entry
                else:
                    alias_to_entry[alias.lower()] = entry
                    self._spelling[alias.lower()] = alias  # tokenized as written ("U.S." is one token, "u.s." not)
        self._ci = alias_to_entry
        self._cs = cs_alias_to_entry
        self._matchers: tuple[object, object, dict[int, tuple[str, bool]]] | None = None
        # One-word aliases, for the words inside a token that is not one plain word ('"Police', 'police,[9]').
        self._ci_words = {a for a in self._ci if _WORD.fullmatch(a)}
        self._cs_words = {a for a in self._cs if _WORD.fullmatch(a)}
        self._inside: dict[int, tuple[tuple[int, int, str, bool], ...]] = {}

    def _compiled(self):
        """Two spaCy PhraseMatchers (lower case, and exact for acronyms), built on first use."""
        if self._matchers is None:
            from spacy.matcher import PhraseMatcher

            from contested.nlp import load_nlp

            nlp = load_nlp()
            ci, cs = PhraseMatcher(nlp.vocab, attr="LOWER"), PhraseMatcher(nlp.vocab, attr="ORTH")
            keys: dict[int, tuple[str, bool]] = {}
            for matcher, aliases, exact in ((ci, self._ci, False), (cs, self._cs, True)):
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

    def find(self, text: str, offset: int = 0) -> list[ActorMention]:
        """The actors named in a text (tokenized here), offsets shifted by ``offset``."""
        from contested.nlp import load_nlp

        doc = load_nlp().make_doc(text)
        return [dataclasses.replace(a, start=a.start + offset, end=a.end + offset) for a in self.find_in(doc[:])]

    def find_in(self, span, text: str | None = None) -> list[ActorMention]:
        """The actors named in a sentence of a parsed document (offsets in the document). An alias is a whole
        word sequence: not glued to a word or hyphen on either side ("pro-Taliban" names no Taliban); at one
        position the longest alias wins, and names do not overlap. ``text``: the span's text where the caller
        has it (spaCy joins the tokens again for ``span.text``)."""
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
        found: list[tuple[int, int, ActorEntry]] = []
        for matcher, table in ((ci, self._ci), (cs, self._cs)):
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
            spans.extend((s, e, alias) for s, e, alias, exact in inside if exact is (table is self._cs))
            # As a regular expression would search: leftmost, then the longest, then on after its end.
            spans.sort(key=lambda f: (f[0], -(f[1] - f[0])))
            pos = -1
            for start, end, alias in spans:
                if start >= pos:
                    found.append((start, end, table[alias]))
                    pos = end
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[ActorMention] = []
        last_end = -1
        for start, end, entry in found:
            if start < last_end:
                continue
            out.append(ActorMention(entry.name, entry.kind, text[start:end], start + off, end + off))
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
