"""Ingest: documents in, events out, fused with what the store holds.

Each document is one transaction: the document, the events extracted from it (its mentions), and the fusion
of those mentions with the store's events are written together under the store's write lock, or not at all.
So a kill at any point leaves the store as it was before that document, a re-run takes up where it stopped,
and two processes ingesting at once cannot lose each other's claims (the second waits for the first's
commit, then reads what the first wrote).

Extraction (the expensive part) runs outside the transaction; only the fusion and the writes hold the lock.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from contested import fusion
from contested.clusters import Mention, cluster, corrections_map, fused_id, mention_id
from contested.codec import to_plain
from contested.records import Document, Event, InputProblem
from contested.store import Store, loads


def _window_days() -> int:
    """Candidates are the mentions dated within this many days of a new one: the largest date gap at which
    `fusion.same_event` may join two mentions, as fusion declares it."""
    return fusion.MAX_DATE_GAP_DAYS


@dataclass
class IngestSummary:
    new_documents: int = 0
    unchanged: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    new_events: int = 0  # fused events that did not exist before
    fused: int = 0  # mentions that joined an event told before
    empty_documents: int = 0

    def line(self, store: Store) -> str:
        return (
            f"documents: {self.new_documents} new, {self.unchanged} unchanged, {len(self.problems)} skipped or "
            f"failed; events: {self.new_events} new, {self.fused} fused into existing; "
            f"{self.empty_documents} documents with no event; store {store.display_url}"
        )

    def as_json(self) -> dict:
        return {**dataclasses.asdict(self), "problems": [list(p) for p in self.problems],
                "warnings": [list(w) for w in self.warnings]}


def document_warnings(doc: Document) -> list[str]:
    """What a document lacks that the record needs, and how to give it."""
    out = []
    if not doc.source:
        out.append("no source (the outlet): give it with --source NAME, or a `source` field in JSONL")
    if doc.published is None:
        out.append("no publication date found: give it with --published YYYY-MM-DD, or a `published` field "
                   "in JSONL; relative dates ('on Tuesday') stay unresolved")
    return out


# ---------------------------------------------------------------- fusion inside the write transaction


def _origins(ev: Event, members: list[Mention]) -> list[tuple[str, int]]:
    """For each claim of a fused event, the mention and index it came from (claims are rows of their own,
    keyed by their origin)."""
    pool = [(m.id, i, c) for m in members for i, c in enumerate(m.event.claims)]
    used: set[tuple[str, int]] = set()
    out = []
    for claim in ev.claims:
        hit = next(((mid, i) for mid, i, c in pool if (mid, i) not in used and c == claim), None)
        if hit is None:  # a claim the fusion rewrote: the first unused claim with the same sentence
            hit = next(((mid, i) for mid, i, c in pool if (mid, i) not in used
                        and (c.doc_id, c.span) == (claim.doc_id, claim.span)), None)
        if hit is None:
            hit = next(((mid, i) for mid, i, _ in pool if (mid, i) not in used), (members[0].id, len(out)))
        used.add(hit)
        out.append(hit)
    return out


# Mentions never change once stored (only the event they belong to does), so a process may keep the ones it
# has read: a long batch then decodes each candidate once. Fusion never changes the events it is given.
_DECODED: dict[str, Event] = {}
_DECODED_MAX = 50_000


def _mention(row: tuple) -> Mention:
    mid, event_id, doc_id, position, data = row
    ev = _DECODED.get(mid)
    if ev is None:
        if len(_DECODED) >= _DECODED_MAX:
            _DECODED.clear()
        ev = _DECODED[mid] = loads(data)
    return Mention(mid, doc_id, position, ev, event_id)


def _fusable_types(etype: str) -> list[str]:
    """The types a mention of this type may fuse with."""
    from contested.taxonomy import EVENT_TYPES

    return [t for t in EVENT_TYPES if fusion.compatible_types(etype, t) or fusion.compatible_types(t, etype)]


def refuse(store: Store, conn, seeds: list[Mention]) -> tuple[int, int]:
    """Fuse the mentions ``seeds`` (already stored) with the store's events they tell, and rewrite the
    events concerned. Returns (fused events that are new, seeds that joined an existing event)."""
    window = _window_days()
    pool: dict[str, Mention] = {m.id: m for m in seeds}
    affected: set[str] = {m.event_id for m in seeds if m.event_id}
    for m in seeds:
        ev = m.event
        rows = store.mention_candidates(conn, ev.date.start if ev.date else None, ev.date.end if ev.date else None,
                                        m.published, window, _fusable_types(ev.type))
        for row in rows:
            if row[0] in pool:
                continue
            cand = _mention(row)
            if fusion.same_event(ev, cand.event):  # symmetric
                pool[cand.id] = cand
                if cand.event_id:
                    affected.add(cand.event_id)
    # Whole events, and the events that the user's corrections tie to them.
    seen_events: set[str] = set()
    while affected - seen_events:
        todo = affected - seen_events
        seen_events |= todo
        for row in store.mentions_of_events(conn, todo):
            if row[0] not in pool:
                pool[row[0]] = _mention(row)
        tied = {x for _, a, b in store.corrections_touching(conn, set(pool)) for x in (a, b)}
        for row in store.mentions_by_id(conn, tied - set(pool)):
            pool[row[0]] = _mention(row)
            if row[1]:
                affected.add(row[1])
    fixes = corrections_map(store.corrections_touching(conn, set(pool)))
    groups = cluster(list(pool.values()), fusion.same_event, fixes)
    old_ids = {m.event_id for m in pool.values() if m.event_id}
    new = []
    for members in groups:
        ev = fusion.combine([m.event for m in members])  # never changes its inputs
        ev.id = fused_id(members)
        new.append((ev, _origins(ev, members)))
    store.replace_events(conn, old_ids, new)
    seed_ids = {m.id for m in seeds}
    new_events = sum(1 for members in groups if all(m.id in seed_ids for m in members))
    joined = sum(1 for members in groups if any(x.id not in seed_ids for x in members)
                 for m in members if m.id in seed_ids)
    return new_events, joined


def ingest_document(store: Store, doc: Document, events: list[Event]) -> tuple[str, int, int]:
    """Store one document with its extracted events and fuse them: all in one transaction.

    Returns ("new" | "unchanged", new fused events, mentions fused into events told before)."""
    with store.write() as conn:
        if store.has_document(doc.doc_id, conn):
            return "unchanged", 0, 0
        store.insert_document(conn, doc)
        seeds = []
        rows = []
        for pos, ev in enumerate(events):
            mid = mention_id(doc.doc_id, pos, ev)
            seeds.append(Mention(mid, doc.doc_id, pos, ev))
            rows.append({
                "id": mid, "doc_id": doc.doc_id, "position": pos, "type": ev.type,
                "date_start": ev.date.start if ev.date else None, "date_end": ev.date.end if ev.date else None,
                "published": doc.published, "event_id": None,
                "data": json.dumps(to_plain(ev), ensure_ascii=False, allow_nan=False),
            })
        store.insert_mentions(conn, rows)
        if not seeds:
            return "new", 0, 0
        new_events, joined = refuse(store, conn, seeds)
        return "new", new_events, joined


def ingest_documents(
    store: Store,
    items: Iterable[Document | InputProblem],
    *,
    extract: Callable | None = None,
    on_problem: Callable[[str, str], None] | None = None,
    on_warning: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_total: Callable[[int], None] | None = None,
) -> IngestSummary:
    """Ingest a batch: bad inputs and failing documents are reported (``on_problem``) and skipped, the rest
    goes on. ``extract`` maps documents to (document, events or None, problem or None) triples (default: the
    pipeline)."""
    summary = IngestSummary()

    def problem(origin: str, reason: str) -> None:
        summary.problems.append((origin, reason))
        if on_problem:
            on_problem(origin, reason)

    docs: list[Document] = []
    seen: set[str] = set()
    for item in items:
        if isinstance(item, InputProblem):
            problem(item.origin, item.reason)
            continue
        if item.doc_id in seen or store.has_document(item.doc_id):
            summary.unchanged += 1
            continue
        seen.add(item.doc_id)
        docs.append(item)
    if on_total:
        on_total(len(docs))
    for doc, evs, failure in (extract or _extract)(docs):
        label = getattr(doc, "origin", None) or getattr(doc, "doc_id", None) or str(doc)[:80]
        if failure is not None:
            problem(label, failure)
        else:
            try:
                status, new_events, joined = ingest_document(store, doc, evs)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                problem(label, f"could not be stored: {type(exc).__name__}: {exc}")
            else:
                if status == "unchanged":
                    summary.unchanged += 1
                else:
                    summary.new_documents += 1
                    summary.new_events += new_events
                    summary.fused += joined
                    summary.empty_documents += 0 if evs else 1
                    for w in document_warnings(doc):
                        summary.warnings.append((label, w))
                        if on_warning:
                            on_warning(label, w)
        if on_progress:
            on_progress(1)
    return summary


def _extract(docs: list[Document]):
    """(document, events, None) or (document, None, reason) for each document, from the pipeline."""
    from contested.pipeline import extract_results

    yield from extract_results(docs)


# ---------------------------------------------------------------- corrections and rebuild


def _seed_mentions(store: Store, conn, mention_ids: set[str]) -> list[Mention]:
    return [_mention(r) for r in store.mentions_by_id(conn, mention_ids)]


def merge_events(store: Store, event_a: str, event_b: str, note: str | None = None) -> str:
    """Record that two events are one and fuse them; returns the merged event's id. The correction is kept
    and applied whenever these mentions are fused again."""
    a, b = store.event(event_a), store.event(event_b)
    if a is None or b is None:
        raise LookupError(f"no event {event_a if a is None else event_b!r}")
    if a.id == b.id:
        return a.id
    with store.write() as conn:
        ma = [m for m, _ in store.mention_ids_of_event(a.id, conn)]
        mb = [m for m, _ in store.mention_ids_of_event(b.id, conn)]
        store.add_corrections(conn, "merge", [(x, y) for x in ma for y in mb], note)
        refuse(store, conn, _seed_mentions(store, conn, set(ma) | set(mb)))
        (row,) = [r for r in store.mentions_by_id(conn, {ma[0]})]
        return row[1]


def split_event(store: Store, event_id: str, doc_ids: list[str], note: str | None = None) -> list[str]:
    """Record that the claims of the documents ``doc_ids`` (ids or unique prefixes) tell another happening
    than the rest of the event, and split it; returns the ids of the resulting events."""
    ev = store.event(event_id)
    if ev is None:
        raise LookupError(f"no event {event_id!r}")
    with store.write() as conn:
        members = store.mention_ids_of_event(ev.id, conn)
        chosen = {m for m, d in members if any(d.startswith(p) for p in doc_ids)}
        rest = {m for m, _ in members} - chosen
        if not chosen or not rest:
            raise ValueError("a split needs some, but not all, of the event's documents "
                             f"(its documents: {', '.join(sorted({d for _, d in members}))})")
        store.add_corrections(conn, "split", [(a, b) for a in sorted(chosen) for b in sorted(rest)], note)
        refuse(store, conn, _seed_mentions(store, conn, chosen | rest))
        return sorted({r[1] for r in store.mentions_by_id(conn, chosen | rest)})


def rebuild(source_url: str, store_to: Store, **kwargs) -> IngestSummary:
    """Re-extract every document of a store (made by an earlier version, or before a change of model) into
    another: the documents are read with plain SQL, since the source's other tables may be of another
    version, and never changed."""
    from sqlalchemy import create_engine
    from sqlalchemy import text as sql

    engine = create_engine(source_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sql("SELECT doc_id, text, title, url, source, published, published_from, origin "
                                    "FROM documents ORDER BY doc_id")).all()
    finally:
        engine.dispose()
    docs = [Document(r[0], r[1], r[2], r[3], r[4],
                     r[5] if isinstance(r[5], date | None) else date.fromisoformat(str(r[5])[:10]), r[6], r[7])
            for r in rows]
    return ingest_documents(store_to, docs, **kwargs)


def fusion_reasons(store: Store, event_id: str, skip_links: bool = False) -> list[str]:
    """Why the mentions of an event were fused: for each mention after the first, the evidence that links it
    to an earlier one (or the user's merge), and the splits that keep others apart. ``skip_links`` leaves out
    the evidence lines (where the event states its own) but keeps the user's corrections."""
    with store.read() as conn:
        members = sorted((_mention(r) for r in store.mentions_of_events(conn, {event_id})), key=Mention.sort_key)
        fixes = corrections_map(store.corrections_touching(conn, {m.id for m in members}))
    if len(members) < 2:
        return []
    out = []
    for i, m in enumerate(members[1:], start=1):
        label = f"document {m.doc_id[:12]}"
        for prev in members[:i]:
            if fixes.get(frozenset((m.id, prev.id))) == "merge":
                out.append(f"{label}: merged by a user with document {prev.doc_id[:12]}")
                break
            if skip_links:
                continue
            reasons = fusion.fusion_evidence(prev.event, m.event)
            if reasons:
                out.append(f"{label} joins document {prev.doc_id[:12]}: " + "; ".join(reasons))
                break
        else:
            if not skip_links:
                out.append(f"{label}: linked through the other reports")
    splits = sum(1 for k in fixes.values() if k == "split")
    if splits:
        out.append(f"{splits} user split(s) keep other reports apart from this event")
    return out
