"""Event families, from one table (data/families.json): per family its trigger patterns, its kind, the event type
it makes and its rank among the families of its kind, the event types a denial with it may be about, and
whether it is a weapon or a crowd word.

Everything else keeps derived views of this one table, under the names it used before
(``CONTROL_FAMILIES``, ``VIOLENCE_TYPE``, ``OTHER_TYPE``, ``WEAK_FAMILIES``, ``VIOLENCE_PRIORITY``,
``COMPATIBLE``, ``WEAPON_FAMILIES``), so adding a violence or weak family is one entry in one file.
A new control family also needs its rule in ``events._decide_type`` (who took what from whom is decided
there, not by a table).

The pattern language is described in the file's ``_about``; ``contested.triggers`` compiles it to spaCy
matchers.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from contested.taxonomy import EVENT_TYPES

Kind = Literal["control", "violence", "other"]
KINDS: tuple[str, ...] = ("control", "violence", "other")


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One trigger pattern as written in the table, with the words that cancel it just before it."""

    pattern: str
    not_after: frozenset[str] = frozenset()
    # "person": the words tell the event only where what the verb acts on is a person (its object, or in the
    # passive its subject, with an armed doer after "by"): "took away two rangers", not "took away the goods".
    acts_on: str | None = None


@dataclass(frozen=True, slots=True)
class ContextRule:
    """Words (matched in full, lower case) that count only where the sentence also has a word beginning
    with one of ``prefixes``."""

    words: frozenset[str]
    prefixes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    kind: Kind
    patterns: tuple[PatternSpec, ...]
    event_type: str | None = None  # violence and other families: the type they make
    rank: int | None = None  # among families of its kind in one clause, the lowest rank wins
    weak: bool = False  # kind "other": an event only when nothing stronger is in the sentence
    weapon: bool = False
    crowd: bool = False
    compatible: tuple[str, ...] = ()  # event types a denial with this family may be about
    context: ContextRule | None = None


@dataclass(frozen=True, slots=True)
class FamilyTable:
    """The families in matching order (a span matched by an earlier family is not matched again)."""

    families: tuple[Family, ...]
    person_nouns: frozenset[str] = frozenset()  # lemmas of nouns for people, for patterns that act on a person
    armed_nouns: frozenset[str] = frozenset()  # lemmas of nouns for armed people, the doers of such a passive
    needs_doer: frozenset[str] = frozenset()  # verbs whose passive acts on a person only with an armed doer

    def by_name(self, name: str) -> Family:
        for f in self.families:
            if f.name == name:
                return f
        raise KeyError(name)

    def names(self, kind: str | None = None) -> tuple[str, ...]:
        return tuple(f.name for f in self.families if kind is None or f.kind == kind)

    @property
    def control(self) -> frozenset[str]:
        return frozenset(self.names("control"))

    @property
    def violence(self) -> frozenset[str]:
        return frozenset(self.names("violence"))

    @property
    def violence_type(self) -> dict[str, str]:
        return {f.name: f.event_type for f in self._ranked("violence") if f.event_type}

    @property
    def other_type(self) -> dict[str, str]:
        return {f.name: f.event_type for f in self._ranked("other") if f.event_type}

    @property
    def violence_priority(self) -> tuple[str, ...]:
        return tuple(f.name for f in self._ranked("violence"))

    @property
    def weak(self) -> tuple[str, ...]:
        return tuple(f.name for f in self._ranked("other") if f.weak)

    @property
    def compatible(self) -> dict[str, tuple[str, ...]]:
        return {f.name: f.compatible for f in self.families if f.compatible}

    @property
    def weapon(self) -> frozenset[str]:
        return frozenset(f.name for f in self.families if f.weapon)

    @property
    def crowd(self) -> frozenset[str]:
        return frozenset(f.name for f in self.families if f.crowd)

    def _ranked(self, kind: str) -> list[Family]:
        fams = [f for f in self.families if f.kind == kind]
        return sorted(fams, key=lambda f: (f.rank is None, f.rank or 0))


class FamilyTableError(ValueError):
    """The table is malformed; the message names the family and the field."""


def _strs(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise FamilyTableError(f"{where}: expected a list of non-empty strings")
    return tuple(value)


_ACTOR_CLASS = re.compile(r"@([a-z_]+(?:\|[a-z_]+)*)")


def actor_class_names(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Every name of the built-in actors (data/actors.json) of these classes ("rebels": the non-state armed
    groups that fight the state), longest first; the lower-case words a pattern's '@rebels' stands for."""
    from contested.actors import BUILTIN, GENERIC

    words = [a for e in BUILTIN if e.kind in kinds for a in (e.name, *e.aliases, *e.local_aliases)]
    words += [a for g in GENERIC if g.kind in kinds for a in g.aliases]  # "insurgents", "Islamic State"
    names = {a.lower() for a in words if re.fullmatch(r"[\w' .-]+", a) and not a.lower().startswith("the ")}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


def _expand_actor_classes(pattern: str, where: str) -> str:
    """'@rebels' (or '@rebels|political_militia') in a pattern: a group of the names of the actors of those
    classes, so that a pattern names a class of actor, never one group."""
    def group(m: re.Match[str]) -> str:
        names = actor_class_names(tuple(m.group(1).split("|")))
        if not names:
            raise FamilyTableError(f"{where}: no actor of class {m.group(1)!r} in the actor dictionary")
        return "(" + ", ".join(names) + ")"

    return _ACTOR_CLASS.sub(group, pattern)


def _pattern(raw, where: str) -> PatternSpec:
    if isinstance(raw, str) and raw.strip():
        return PatternSpec(_expand_actor_classes(raw, where))
    if isinstance(raw, dict) and isinstance(raw.get("pattern"), str):
        unknown = set(raw) - {"pattern", "not_after", "acts_on"}
        if unknown:
            raise FamilyTableError(f"{where}: unknown keys {sorted(unknown)}")
        acts_on = raw.get("acts_on")
        if acts_on not in (None, "person"):
            raise FamilyTableError(f"{where}: acts_on must be 'person'")
        return PatternSpec(_expand_actor_classes(raw["pattern"], where),
                           frozenset(w.lower() for w in _strs(raw.get("not_after", []), where)), acts_on)
    raise FamilyTableError(f"{where}: a pattern is a string or {{'pattern': ..., 'not_after': [...], 'acts_on': ...}}")


_FIELDS = {"name", "kind", "type", "rank", "weapon", "crowd", "compatible", "patterns", "context", "_note"}


def parse_table(data: dict) -> FamilyTable:
    """The table from its JSON form, checked: unknown kinds, types or fields, duplicate names or ranks, and
    families without patterns are errors, not silently ignored."""
    raw = data.get("families") if isinstance(data, dict) else None
    if not isinstance(raw, list) or not raw:
        raise FamilyTableError("the table needs a non-empty 'families' list")
    families: list[Family] = []
    seen: set[str] = set()
    ranks: dict[tuple[str, int], str] = {}
    for i, entry in enumerate(raw):
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not re.fullmatch(r"[a-z_][a-z0-9_]*", name):
            raise FamilyTableError(f"family #{i}: 'name' must be a lower-case identifier")
        where = f"family {name!r}"
        unknown = set(entry) - _FIELDS
        if unknown:
            raise FamilyTableError(f"{where}: unknown fields {sorted(unknown)}")
        if name in seen:
            raise FamilyTableError(f"{where}: listed twice")
        seen.add(name)
        kind = entry.get("kind")
        if kind not in KINDS:
            raise FamilyTableError(f"{where}: kind must be one of {KINDS}")
        etype = entry.get("type")
        if kind == "control":
            if etype is not None:
                raise FamilyTableError(f"{where}: a control family's type is decided by events.py, not the table")
        elif etype not in EVENT_TYPES:
            raise FamilyTableError(f"{where}: type {etype!r} is not an event type of the taxonomy")
        rank = entry.get("rank")
        if kind != "control":
            if not isinstance(rank, int) or isinstance(rank, bool):
                raise FamilyTableError(f"{where}: a {kind} family needs an integer rank")
            if (kind, rank) in ranks:
                raise FamilyTableError(f"{where}: rank {rank} already taken by {ranks[(kind, rank)]!r}")
            ranks[(kind, rank)] = name
        compatible = _strs(entry.get("compatible", []), f"{where}.compatible") if "compatible" in entry else ()
        for t in compatible:
            if t not in EVENT_TYPES:
                raise FamilyTableError(f"{where}.compatible: {t!r} is not an event type of the taxonomy")
        pats = entry.get("patterns")
        if not isinstance(pats, list) or not pats:
            raise FamilyTableError(f"{where}: needs a non-empty 'patterns' list")
        context = None
        if "context" in entry:
            ctx = entry["context"]
            if not isinstance(ctx, dict):
                raise FamilyTableError(f"{where}.context: expected an object")
            context = ContextRule(frozenset(w.lower() for w in _strs(ctx.get("words"), f"{where}.context.words")),
                                  tuple(p.lower() for p in _strs(ctx.get("prefixes"), f"{where}.context.prefixes")))
        families.append(Family(
            name=name,
            kind=kind,
            patterns=tuple(_pattern(p, f"{where}.patterns[{j}]") for j, p in enumerate(pats)),
            event_type=etype,
            rank=rank if kind != "control" else None,
            weak=kind == "other",
            weapon=bool(entry.get("weapon", False)),
            crowd=bool(entry.get("crowd", False)),
            compatible=compatible,
            context=context,
        ))
    people = data.get("people", {})
    if not isinstance(people, dict):
        raise FamilyTableError("'people': expected an object")
    return FamilyTable(tuple(families),
                       frozenset(w.lower() for w in _strs(people.get("persons", ["person"]), "people.persons")),
                       frozenset(w.lower() for w in _strs(people.get("armed", ["fighter"]), "people.armed")),
                       frozenset(w.lower() for w in _strs(people.get("needs_doer", ["take"]), "people.needs_doer")))


def load_families(path: str | Path | None = None) -> FamilyTable:
    """The table at ``path``, or the built-in one (read once per process)."""
    if path is None:
        return _builtin()
    return parse_table(json.loads(Path(path).read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def _builtin() -> FamilyTable:
    text = resources.files("contested").joinpath("data/families.json").read_text(encoding="utf-8")
    return parse_table(json.loads(text))


FAMILY_TABLE: FamilyTable = _builtin()

# Views of the table under the names the rest of the code has always used.
CONTROL_FAMILIES: frozenset[str] = FAMILY_TABLE.control
VIOLENCE_FAMILIES: frozenset[str] = FAMILY_TABLE.violence
VIOLENCE_TYPE: dict[str, str] = FAMILY_TABLE.violence_type
OTHER_TYPE: dict[str, str] = FAMILY_TABLE.other_type
# Among violence words of one clause, the more specific type wins (ACLED codes "IED blast killed 3" as IED).
VIOLENCE_PRIORITY: tuple[str, ...] = FAMILY_TABLE.violence_priority
# Weak families make an event only when nothing stronger is in the sentence; the earlier one wins.
WEAK_FAMILIES: tuple[str, ...] = FAMILY_TABLE.weak
# Which earlier event types a denial or doubt using a given trigger family may be about.
COMPATIBLE: dict[str, tuple[str, ...]] = FAMILY_TABLE.compatible
WEAPON_FAMILIES: frozenset[str] = FAMILY_TABLE.weapon
CROWD_FAMILIES: frozenset[str] = FAMILY_TABLE.crowd
