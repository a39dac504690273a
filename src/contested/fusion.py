"""Fusion: the same event told by several outlets (or twice in one article) becomes one event with several
claims. Figures stay side by side, each pointing at its claim; ACLED's fatality rule keeps the most
conservative; disagreement is flagged, never averaged.

Two events are the same when they have the same type, the same place (name, province, district; or, with no
place, the same destination, as for crossings into a neighbouring country) and dates that overlap or lie
within a day of each other. Undated events fuse only with undated events of the same type and place
reported within three days of each other.
"""

from __future__ import annotations

from datetime import timedelta

from contested.events import figures_differ, summarize
from contested.records import Event

DAY_TOLERANCE = timedelta(days=1)
PUBLISHED_TOLERANCE_DAYS = 3


def location_key(ev: Event) -> tuple | None:
    if ev.location is None:
        return None
    loc = ev.location
    return (loc.name, loc.admin1, loc.admin2, loc.country)


def _same_place(a: Event, b: Event) -> bool:
    """The same place; or, where one report names no place, the same destination ("to Tajikistan")."""
    ka, kb = location_key(a), location_key(b)
    if ka is not None and ka == kb:
        return True
    return (ka is None or kb is None) and a.detail is not None and a.detail == b.detail


def _published(ev: Event):
    return min((c.published for c in ev.claims if c.published), default=None)


def same_event(a: Event, b: Event) -> bool:
    if a.type != b.type:
        return False
    if a.date is None or b.date is None:
        # Undated reports of one kind of event at one place (or to one destination), published within a
        # few days of each other, tell the same event: "300 soldiers crossed into Tajikistan" in one
        # outlet and "up to 600" in another the next day.
        if a.date is not None or b.date is not None:
            # An undated report fits a dated one when it was published within that event's dates (or a
            # few days after).
            dated, undated = (a, b) if a.date is not None else (b, a)
            pu = _published(undated)
            return (pu is not None and dated.date.start - DAY_TOLERANCE <= pu
                    and (pu - dated.date.end).days <= PUBLISHED_TOLERANCE_DAYS and _same_place(a, b))
        pa, pb = _published(a), _published(b)
        if pa is None or pb is None or abs((pa - pb).days) > PUBLISHED_TOLERANCE_DAYS:
            return False
        return _same_place(a, b)
    if not _same_place(a, b):
        return False
    if a.date.start > b.date.end + DAY_TOLERANCE or b.date.start > a.date.end + DAY_TOLERANCE:
        return False
    a1 = {x.name for x in a.actors if x.role == "actor1"}
    b1 = {x.name for x in b.actors if x.role == "actor1"}
    return not (a1 and b1 and not a1 & b1)


def merge_into(target: Event, other: Event) -> None:
    """Add other's claims, figures and flags to target (in place)."""
    have = {(c.doc_id, c.span[0], c.span[1], c.attributed_to) for c in target.claims}
    offset = len(target.claims)
    added = 0
    for i, claim in enumerate(other.claims):
        key = (claim.doc_id, claim.span[0], claim.span[1], claim.attributed_to)
        if key in have:
            continue
        target.claims.append(claim)
        target.evidence.append(other.evidence[i] if i < len(other.evidence) else type(target.evidence[0])())
        for q in other.quantities:
            if q.claim == i:
                q2 = type(q)(q.value, q.qualifier, q.unit, q.low, q.high, q.text, q.start, q.end, offset + added, q.killed)
                target.quantities.append(q2)
        added += 1
    if not added:
        return
    if other.fatalities is not None:
        target.fatalities = other.fatalities if target.fatalities is None else min(target.fatalities, other.fatalities)
    names = {a.name for a in target.actors}
    for a in other.actors:
        if a.name not in names and a.role in ("actor1", "actor2") and not any(x.role == a.role for x in target.actors):
            target.actors.append(a)
    for flag in other.flags:
        if flag == "undated" and target.date is not None:
            continue
        if flag not in target.flags:
            target.flags.append(flag)
    if target.date is None and other.date is not None:
        # One report dates what another did not: the event has that date (the claim that gives it is kept).
        target.date = other.date
        if "undated" in target.flags:
            target.flags.remove("undated")
    elif target.date and other.date and (target.date.start, target.date.end) != (other.date.start, other.date.end):
        if "date_conflict" not in target.flags:
            target.flags.append("date_conflict")
        # Keep the more precise date.
        order = ["day", "week", "month", "year"]
        if order.index(other.date.precision) < order.index(target.date.precision):
            target.date = other.date
    if figures_differ(target.quantities) and "contested_figures" not in target.flags:
        target.flags.append("contested_figures")
    if any(c.stance != "asserts" for c in target.claims) and any(c.stance == "asserts" for c in target.claims):
        if "contested_claims" not in target.flags:
            target.flags.append("contested_claims")
    target.summary = summarize(target)
    sources = {c.source or c.doc_id for c in target.claims}
    target.confidence = min(0.95, max(target.confidence, other.confidence) + 0.05 * (len(sources) - 1))


TERRITORY = ("territory_captured", "territory_regained")


def absorb_fighting(events: list[Event]) -> list[Event]:
    """ACLED's rule: fighting that ends in a place changing hands is coded as the change of hands. In one
    article, a clash at the same place and date as a capture or recapture becomes part of it (its claims,
    figures and deaths join the capture)."""
    territory = [e for e in events if e.type in TERRITORY and e.date is not None and e.location is not None]
    if not territory:
        return events
    out = []
    for ev in events:
        target = None
        if ev.type == "armed_clash" and ev.date is not None and ev.location is not None:
            target = next((t for t in territory if location_key(t) == location_key(ev)
                           and not (ev.date.start > t.date.end or t.date.start > ev.date.end)), None)
        if target is None:
            out.append(ev)
            continue
        if ev.fatalities is not None:
            target.fatalities = ev.fatalities if target.fatalities is None else target.fatalities + ev.fatalities
            ev.fatalities = None
        saved = target.fatalities
        merge_into(target, ev)
        target.fatalities = saved  # deaths of the fighting add to the capture's (different claims, same event)
    return out


def fuse(events: list[Event], existing: list[Event] | None = None) -> tuple[list[Event], list[Event]]:
    """Fuse ``events`` among themselves and into ``existing``.

    Returns (changed existing events, new events). Events are modified in place."""
    existing = list(existing or [])
    changed: dict[str, Event] = {}
    new: list[Event] = []
    for ev in events:
        match = next((x for x in existing if same_event(x, ev)), None) or next(
            (x for x in new if same_event(x, ev)), None
        )
        if match is None:
            new.append(ev)
            continue
        merge_into(match, ev)
        if match in existing:
            changed[match.id] = match
    return list(changed.values()), new
