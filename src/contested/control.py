"""Control over time: from the store's captures, recaptures and withdrawals, who holds each place at a date.

The latest dated control event on or before the date decides. It says "contested" instead of a name when
the event does not say who took the place, when its claims disagree (one asserts, another denies), or when
events of the same latest day point at different holders.
"""

from __future__ import annotations

import json
from datetime import date

from contested.records import Event
from contested.taxonomy import CONTROL_TYPES

CONTESTED = "contested"


def _holder(ev: Event) -> str:
    if any(c.stance == "denies" for c in ev.claims):
        return CONTESTED
    a1 = next((a for a in ev.actors if a.role == "actor1"), None)
    a2 = next((a for a in ev.actors if a.role == "actor2"), None)
    if ev.type in ("territory_captured", "territory_regained"):
        return a1.name if a1 else CONTESTED
    if ev.type in ("retreat", "withdrawal"):
        # Those who left no longer hold it; who holds it then is only known when the text names the other side.
        return a2.name if a2 else CONTESTED
    return CONTESTED


def control_at(events: list[Event], at: date) -> list[dict]:
    by_place: dict[tuple, list[Event]] = {}
    for ev in events:
        if ev.type not in CONTROL_TYPES:
            continue
        if ev.location is None or ev.date is None or ev.date.start > at:
            continue
        loc = ev.location
        by_place.setdefault((loc.name, loc.admin1, loc.admin2, loc.country), []).append(ev)
    rows = []
    for (name, admin1, admin2, country), evs in sorted(by_place.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        evs.sort(key=lambda e: (e.date.end, e.date.start))
        latest = evs[-1]
        same_day = [e for e in evs if e.date.end == latest.date.end]
        holders = {_holder(e) for e in same_day}
        holder = holders.pop() if len(holders) == 1 else CONTESTED
        since = latest.date.start
        # Since when: walk back over earlier events that gave the same holder.
        for e in reversed(evs[:-1]):
            if _holder(e) != holder:
                break
            since = e.date.start
        loc = latest.location
        rows.append({
            "place": name,
            "admin1": admin1,
            "admin2": admin2,
            "country": country,
            "lat": loc.lat,
            "lon": loc.lon,
            "controller": holder,
            "since": since.isoformat(),
            "events": [e.id for e in evs],
        })
    return rows


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
