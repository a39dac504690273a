"""Control over time: from captures, recaptures, retreats, surrenders, handovers and withdrawals, who holds
each place (district, town, border crossing, base) from when to when.

A place's timeline (``control_timeline``) is a list of periods, each with its holder, its first and last day,
and the events it rests on. The events that change hands are read in date order (then publication, document,
position); each gives a holder:

- a capture, recapture or handover: its first actor;
- a retreat, withdrawal or surrender: the other side, when the text names it (else ``contested``: those who
  left no longer hold it, and nobody is known to);
- any of them asserted by one source and denied by another: the holder it asserts, the period ``contested``
  and the change listed as ``disputed``; denied by every source that tells it: no change (the place stays
  with its holder; the denial is listed with the period as ``denied``).

An event giving another holder ends the period before it ("lost it again the next day" ends the period that
began with the recapture). A period is ``contested`` where its holder is unknown, where a change it rests on
is disputed, or where fighting is reported at the place while it lasts (the fighting is listed). Two changes of hands on one day with no fighting
reported there are flagged (``contradictions.control_conflicts``).

``control_at`` (who holds each place on a date) reads the same timelines: the period the date falls in; its
controller is ``contested`` where that period's change is disputed, where changes of its last day disagree,
or where fighting was reported there within ``fighting_days`` before the date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta

from contested.contradictions import control_conflicts
from contested.records import Event
from contested.taxonomy import CONTROL_TYPES

CONTESTED = "contested"
# Types whose events say who holds a place (control events) and those that say it is being fought over.
CHANGE_TYPES = CONTROL_TYPES | {"surrender"}
FIGHTING_TYPES = frozenset({"armed_clash", "shelling", "air_strike"})


@dataclass(frozen=True, slots=True)
class ControlSettings:
    fighting_days: int = 2  # fighting this many days before a date still makes the place contested on it


SETTINGS = ControlSettings()


def _disputed(ev: Event) -> bool:
    """One source asserts the change, another denies it."""
    stances = {c.stance for c in ev.claims}
    return "denies" in stances and "asserts" in stances


def _holder(ev: Event) -> str:
    """Who holds the place after ``ev``, as its asserting claims tell it (``contested`` where they name nobody)."""
    a1 = next((a for a in ev.actors if a.role == "actor1"), None)
    a2 = next((a for a in ev.actors if a.role == "actor2"), None)
    if ev.type in ("territory_captured", "territory_regained"):
        return a1.name if a1 else CONTESTED
    if ev.type in ("retreat", "withdrawal", "surrender"):
        # Those who left no longer hold it; who holds it then is only known when the text names the other side.
        return a2.name if a2 else CONTESTED
    return CONTESTED


def _denied(ev: Event) -> bool:
    return bool(ev.claims) and all(c.stance == "denies" for c in ev.claims)


def _key(ev: Event) -> tuple:
    loc = ev.location
    return (loc.name, loc.admin1, loc.admin2, loc.country)


def _order(ev: Event) -> tuple:
    c = ev.claims[0] if ev.claims else None
    return (ev.date.start, ev.date.end, (c.published or date.min) if c else date.min, c.doc_id if c else "",
            c.span[0] if c else 0, ev.id)


def _matches(ev: Event, place: str) -> bool:
    loc = ev.location
    want = place.casefold().strip()
    return loc is not None and any(x and x.casefold() == want for x in (loc.name, loc.text))


def _periods(changes: list[Event], fighting: list[Event]) -> list[dict]:
    periods: list[dict] = []
    transitions: list[tuple[Event, str, str]] = []
    for ev in sorted(changes, key=_order):
        if _denied(ev):
            if periods:
                periods[-1]["denied"].append(ev.id)
            continue
        holder = _holder(ev)
        current = periods[-1] if periods else None
        if current is not None and current["holder"] == holder:
            current["events"].append(ev.id)
            if _disputed(ev):
                current["disputed"].append(ev.id)
            continue
        if current is not None:
            current["end"] = ev.date.start
            transitions.append((ev, current["holder"], holder))
        periods.append({"holder": holder, "start": ev.date.start, "end": None, "events": [ev.id], "fighting": [],
                        "denied": [], "disputed": [ev.id] if _disputed(ev) else [],
                        "why": f"{ev.type} {ev.date.start.isoformat()} ({ev.id})"})
    for f in sorted(fighting, key=_order):
        for p in periods:
            if f.date.end >= p["start"] and (p["end"] is None or f.date.start < p["end"]):
                p["fighting"].append(f.id)
    for p in periods:
        p["status"] = CONTESTED if p["holder"] == CONTESTED or p["fighting"] or p["disputed"] else "held"
    conflicts = control_conflicts(transitions, fighting)
    for p in periods:
        p["conflicts"] = [x for x in conflicts if set(x["events"]) & set(p["events"])]
    return periods


def _is_aggregate(ev: Event) -> bool:
    """A statement counting places over an area ("seven of Kunduz's districts"): not a change at that area."""
    from contested.events import PLACE_NOUNS

    return (ev.location is not None and ev.location.feature in ("province", "region", "country")
            and any(PLACE_NOUNS.search(q.unit or "") for q in ev.quantities))


def _split(events: list[Event]) -> dict[tuple, tuple[list[Event], list[Event], Event]]:
    """Per place: (its control events, its fighting, an event that carries the place's fields)."""
    out: dict[tuple, tuple[list[Event], list[Event], Event]] = {}
    for ev in events:
        if ev.location is None or ev.date is None or _is_aggregate(ev):
            continue
        if ev.type in CHANGE_TYPES:
            entry = out.setdefault(_key(ev), ([], [], ev))
            entry[0].append(ev)
    for ev in events:
        if ev.location is None or ev.date is None or ev.type not in FIGHTING_TYPES:
            continue
        if _key(ev) in out:
            out[_key(ev)][1].append(ev)
    return out


def _place_fields(ev: Event) -> dict:
    loc = ev.location
    return {"place": loc.name, "admin1": loc.admin1, "admin2": loc.admin2, "country": loc.country,
            "lat": loc.lat, "lon": loc.lon}


def control_timeline(events: list[Event], place: str) -> list[dict]:
    """The periods of control of the place(s) called ``place`` (its name or the words the text wrote), in
    order: place fields, ``holder``, ``status`` (held | contested), ``start``, ``end`` (the day the next
    period began; None while it lasts), ``events`` (the control events it rests on), ``fighting`` (fighting
    reported there meanwhile), ``disputed`` (its changes that one source asserts and another denies),
    ``denied`` (changes that every source denies), ``conflicts``."""
    wanted = [ev for ev in events if _matches(ev, place)]
    rows = []
    for _, (changes, fighting, sample) in sorted(_split(wanted).items(),
                                                  key=lambda kv: tuple(x or "" for x in kv[0])):
        for p in _periods(changes, fighting):
            rows.append({**_place_fields(sample), **p, "start": p["start"].isoformat(),
                         "end": p["end"].isoformat() if p["end"] else None})
    return rows


def control_at(events: list[Event], at: date) -> list[dict]:
    """Who holds each place on ``at``: rows of place fields, ``controller`` (a name or ``contested``),
    ``since`` (the first day of the period ``at`` falls in) and ``events`` (the control events up to ``at``)."""
    upto = [ev for ev in events if ev.date is not None and ev.date.start <= at]
    rows = []
    for _, (changes, fighting, sample) in sorted(_split(upto).items(),
                                                key=lambda kv: tuple(x or "" for x in kv[0])):
        periods = _periods(changes, fighting)
        if not periods:
            continue
        current = periods[-1]
        holder = CONTESTED if current["disputed"] else current["holder"]
        # Changes of the same last day that disagree: nobody can say which came last.
        last_day = max(ev.date.end for ev in changes if not _denied(ev))
        same_day = {_holder(ev) for ev in changes if ev.date.end == last_day and not _denied(ev)}
        same_day |= {CONTESTED for ev in changes if ev.date.end == last_day and _disputed(ev)}
        if len(same_day) > 1:
            holder = CONTESTED
        recent = at - timedelta(days=SETTINGS.fighting_days)
        if any(f.date.end >= max(recent, current["start"]) for f in fighting):
            holder = CONTESTED
        rows.append({
            **_place_fields(sample),
            "controller": holder,
            "since": current["start"].isoformat(),
            "events": [ev.id for ev in sorted(changes, key=_order)],
        })
    return rows


def aggregate_claims(events: list[Event], at: date | None = None) -> list[dict]:
    """Statements that count places changing hands ("seven of the province's 14 districts", "at least 80
    districts in the past two months"), each kept as a claim about the province or country it was made about
    (the event's place where that is a province, region or country; null where the text names none), with its
    figure, qualifier, holder (null where the text names none), dates and source; beside it, ``recorded``: how
    many places in that province or country the record itself has on the statement's last day, and how many of
    them that holder held then. Only statements dated on or before ``at`` when it is given."""
    from contested.events import PLACE_NOUNS

    out = []
    for ev in events:
        if ev.type not in CHANGE_TYPES or ev.date is None or (at is not None and ev.date.start > at):
            continue
        counts = [q for q in ev.quantities if PLACE_NOUNS.search(q.unit or "")]
        if not counts:
            continue
        loc = ev.location
        if loc is not None and loc.feature not in ("province", "region", "country"):
            continue  # a count of posts or checkpoints at one place: not a statement about an area
        holder = _holder(ev)
        holder = None if holder == CONTESTED else holder
        day = min(ev.date.end, at) if at is not None else ev.date.end
        rows = control_at(events, day)
        if loc is not None and loc.feature == "country":
            rows = [r for r in rows if r["country"] == loc.name]
        elif loc is not None:
            rows = [r for r in rows if r["admin1"] == (loc.admin1 or loc.name)]
        for q in counts:
            c = ev.claims[q.claim] if q.claim is not None and q.claim < len(ev.claims) else ev.claims[0]
            out.append({
                "about": loc.name if loc is not None else None,
                "feature": loc.feature if loc is not None else None,
                "holder": holder,
                "value": q.value, "qualifier": q.qualifier, "unit": q.unit, "text": q.text,
                "start": ev.date.start.isoformat(), "end": ev.date.end.isoformat(),
                "source": c.source, "attributed_to": c.attributed_to, "stance": c.stance, "event": ev.id,
                "recorded": {"places": len(rows),
                             "held_by_holder": sum(1 for r in rows if holder and r["controller"] == holder)},
            })
    return out


def to_geojson(rows: list[dict]) -> str:
    feats = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]} if r["lat"] is not None else None,
            "properties": r,
        }
        for r in rows
    ]
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)


def to_table(rows: list[dict]):
    from rich.table import Table

    t = Table()
    for col in ("place", "admin1", "controller", "since", "events"):
        t.add_column(col)
    for r in rows:
        t.add_row(r["place"], r["admin1"] or "", r["controller"], r["since"], str(len(r["events"])))
    return t


def timeline_table(rows: list[dict]):
    from rich.table import Table

    t = Table()
    for col in ("place", "holder", "status", "from", "until", "events", "fighting", "notes"):
        t.add_column(col)
    for r in rows:
        notes = "; ".join([x["note"] for x in r["conflicts"]]
                          + ([f"disputed (asserted and denied): {', '.join(r['disputed'])}"] if r["disputed"] else [])
                          + ([f"denied: {', '.join(r['denied'])}"] if r["denied"] else []))
        t.add_row(r["place"], r["holder"], r["status"], r["start"], r["end"] or "", ", ".join(r["events"]),
                  ", ".join(r["fighting"]), notes)
    return t


def aggregates_table(rows: list[dict]):
    from rich.table import Table

    t = Table(title="statements about areas (claims), beside what the record holds there")
    for col in ("about", "holder", "figure", "from", "until", "source", "recorded places", "held by holder"):
        t.add_column(col)
    for r in rows:
        source = r["source"] or ""
        if r["attributed_to"]:
            source += f" citing {r['attributed_to']}"
        t.add_row(r["about"] or "(unnamed)", r["holder"] or "?", f"{r['value']} {r['unit']} [{r['qualifier']}]",
                  r["start"], r["end"], source, str(r["recorded"]["places"]), str(r["recorded"]["held_by_holder"]))
    return t
