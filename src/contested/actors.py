"""The actor dictionary: words in the text -> a canonical actor (ACLED's names) with its kind.

Built in (data/actors.json): the parties to the Afghan conflict and its neighbours. Users extend it with a CSV
(name, kind, aliases '|'-separated, inter) added by `contested actors add FILE`, stored in the contested home.
Matching is longest-first, so "Tajik border guards" beats "border guards" and "Afghan Local Police" beats
"police". Acronyms are matched case-sensitively (ANA, ALP, NDS, IS), other words case-insensitively.
"""

from __future__ import annotations

import csv
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


class ActorDictionary:
    def __init__(self, entries: tuple[ActorEntry, ...] | list[ActorEntry]):
        self.entries = list(entries)
        self.by_name = {e.name: e for e in self.entries}
        alias_to_entry: dict[str, ActorEntry] = {}
        cs_alias_to_entry: dict[str, ActorEntry] = {}
        for entry in self.entries:  # later entries (user entries) override built-ins
            for alias in (entry.name, *entry.aliases):
                if _CASE_SENSITIVE.match(alias):
                    cs_alias_to_entry[alias] = entry
                else:
                    alias_to_entry[alias.lower()] = entry
        self._ci = alias_to_entry
        self._cs = cs_alias_to_entry

        def alternation(words):
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

        self._ci_re = re.compile(r"(?<![\w-])(?:" + alternation(self._ci) + r")(?![\w-])", re.IGNORECASE)
        self._cs_re = re.compile(r"(?<![\w-])(?:" + alternation(self._cs) + r")(?![\w-])")

    def find(self, text: str, offset: int = 0) -> list[ActorMention]:
        found: list[tuple[int, int, ActorEntry]] = []
        for m in self._ci_re.finditer(text):
            found.append((m.start(), m.end(), self._ci[m.group(0).lower()]))
        for m in self._cs_re.finditer(text):
            found.append((m.start(), m.end(), self._cs[m.group(0)]))
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        out: list[ActorMention] = []
        last_end = -1
        for start, end, entry in found:
            if start < last_end:
                continue
            out.append(ActorMention(entry.name, entry.kind, text[start:end], start + offset, end + offset))
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
