"""Order-free fusion of mentions into events.

A mention is one event as extracted from one document. Mentions of the same happening are the connected
components of the graph whose edges are ``fusion.same_event`` (a symmetric test), plus the merges a user asked
for, minus the splits a user asked for. Components do not depend on the order in which documents arrive, and
each fused event is built from its mentions in a canonical order (publication date, document, position), so
the fused store is the same whatever the order of ingestion.

Where a user's split separates mentions that other edges still connect, the component is partitioned
greedily in the canonical order: each mention joins the first group it is linked to and may share, else it
starts a group. That too depends only on the set of mentions and corrections.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from contested.records import Event


@dataclass(slots=True)
class Mention:
    id: str
    doc_id: str
    position: int
    event: Event
    event_id: str | None = None  # the fused event it belongs to in the store, if any

    @property
    def published(self) -> date | None:
        return min((c.published for c in self.event.claims if c.published), default=None)

    def sort_key(self) -> tuple:
        pub = self.published
        return (pub is None, pub or date.min, self.doc_id, self.position, self.id)


def mention_id(doc_id: str, position: int, ev: Event) -> str:
    """Stable: the same document and extraction give the same id."""
    return hashlib.sha1(f"{doc_id}:{position}:{ev.id}".encode()).hexdigest()[:20]


def fused_id(members: Sequence[Mention]) -> str:
    """A single mention keeps the id extraction gave it (so `contested extract` and the store agree);
    several take an id made of their mention ids, whatever the order they arrived in."""
    if len(members) == 1:
        return members[0].event.id
    ids = ",".join(sorted(m.id for m in members))
    return hashlib.sha1(ids.encode()).hexdigest()[:16]


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def corrections_map(rows: Sequence[tuple[str, str, str]]) -> dict[frozenset, str]:
    """(kind, a, b) rows in the order they were made -> the kind in force for each pair (the latest wins)."""
    out: dict[frozenset, str] = {}
    for kind, a, b in rows:
        if a != b:
            out[frozenset((a, b))] = kind
    return out


def cluster(mentions: Sequence[Mention], same: Callable[[Event, Event], bool],
            corrections: dict[frozenset, str] | None = None) -> list[list[Mention]]:
    """The groups of mentions that tell one happening, each in canonical order, the groups ordered by their
    first mention."""
    corrections = corrections or {}
    ms = sorted(mentions, key=Mention.sort_key)
    n = len(ms)
    linked: list[set[int]] = [set() for _ in range(n)]
    uf = _UnionFind(n)
    cannot: set[frozenset] = set()
    for i in range(n):
        for j in range(i + 1, n):
            kind = corrections.get(frozenset((ms[i].id, ms[j].id)))
            if kind == "split":
                cannot.add(frozenset((i, j)))
                continue
            if kind == "merge" or same(ms[i].event, ms[j].event):
                linked[i].add(j)
                linked[j].add(i)
                uf.union(i, j)
    components: dict[int, list[int]] = {}
    for i in range(n):
        components.setdefault(uf.find(i), []).append(i)
    groups: list[list[int]] = []
    for members in components.values():
        if not any(frozenset((a, b)) in cannot for a in members for b in members if a < b):
            groups.append(members)
            continue
        parts: list[list[int]] = []
        for i in members:  # canonical order
            home = next((p for p in parts if any(j in linked[i] for j in p)
                         and not any(frozenset((i, j)) in cannot for j in p)), None)
            if home is None:
                parts.append([i])
            else:
                home.append(i)
        groups.extend(parts)
    groups.sort(key=lambda g: g[0])
    return [[ms[i] for i in g] for g in groups]
