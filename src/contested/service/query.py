"""Read-side use cases: what the command line and the HTTP API both ask of the store.

Each function takes a :class:`~contested.store.Store` and plain arguments and returns plain JSON-ready values
(dicts, lists, strings), so that ``contested events`` and ``GET /api/events`` cannot drift apart. Nothing here
writes.

Control maps: boundary polygons are the files the user added under the contested home (``contested geo add``
writes a compact copy to ``home/boundaries/``); a place whose control the store has evidence about is drawn
as the district (or province) polygon that holds it, and as a point where no polygon was added.
"""

from __future__ import annotations

import json
import threading
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from contested import config
from contested.control import CONTESTED, control_at
from contested.records import Event
from contested.taxonomy import CONTROL_TYPES, EVENT_TYPES
from contested.textnorm import name_key


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The command line's filters (``contested events --type --place --actor --since --until``) plus source."""

    type: str | None = None
    place: str | None = None
    actor: str | None = None
    since: date | None = None
    until: date | None = None
    source: str | None = None

    def kwargs(self) -> dict:
        out: dict = {"type": self.type, "place": self.place, "actor": self.actor, "since": self.since,
                     "until": self.until}
        if self.source is not None:
            out["source"] = self.source
        return out


# ---------------------------------------------------------------- events


def _events(store, flt: EventFilter, limit: int | None = None, offset: int = 0) -> list[Event]:
    return store.events(**flt.kwargs(), limit=limit, offset=offset)


def _count(store, flt: EventFilter) -> int:
    return store.count_events(**flt.kwargs())


def events_page(store, flt: EventFilter, limit: int = 100, offset: int = 0) -> dict:
    """One page of events (the contract's shape) with the total that match."""
    evs = _events(store, flt, limit, offset)
    return {"total": _count(store, flt), "limit": limit, "offset": offset, "events": [e.as_json() for e in evs]}


def event_feature(ev: Event) -> dict:
    loc = ev.location
    geom = None
    if loc is not None and loc.lat is not None and loc.lon is not None:
        geom = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
    return {"type": "Feature", "id": ev.id, "geometry": geom, "properties": ev.as_json()}


def events_geojson(store, flt: EventFilter, limit: int | None = 100, offset: int = 0) -> dict:
    evs = _events(store, flt, limit, offset)
    out: dict = {"type": "FeatureCollection", "features": [event_feature(e) for e in evs]}
    if limit is not None:
        out.update(total=_count(store, flt), limit=limit, offset=offset)
    return out


def events_per_day(store, flt: EventFilter) -> list[dict]:
    """How many events start on each day (undated events left out), for the page's chart; counted in SQL."""
    per_day = getattr(store, "events_per_day", None)
    if per_day is not None:
        return [{"date": d.isoformat(), "count": n} for d, n in per_day(**flt.kwargs())]
    from sqlalchemy import func, select

    from contested.store import events as t

    q = store._filtered(select(t.c.date_start, func.count()).where(t.c.date_start.is_not(None)), **flt.kwargs())
    with store.read() as conn:
        rows = conn.execute(q.group_by(t.c.date_start).order_by(t.c.date_start)).all()
    return [{"date": (d if isinstance(d, date) else date.fromisoformat(str(d))).isoformat(), "count": n}
            for d, n in rows]


_FACETS: dict[str, tuple[object, dict]] = {}


def _actor_counts(store) -> Counter:
    """Events per actor (canonical names), read from the stored events' actors only (not whole events)."""
    fn = getattr(store, "actor_counts", None)
    if fn is not None:
        return Counter(dict(fn()))
    from sqlalchemy import JSON, cast, func, select

    from contested.store import events as t

    if store.engine.dialect.name == "sqlite":
        col = func.json_extract(t.c.data, "$.actors")
    else:
        col = cast(t.c.data, JSON)["actors"]
    counts: Counter = Counter()
    with store.read() as conn:
        for (actors,) in conn.execute(select(col)):
            if isinstance(actors, str):
                actors = json.loads(actors)
            counts.update({a.get("name") for a in actors or [] if isinstance(a, dict) and a.get("name")})
    return counts


def facets(store) -> dict:
    """What the page's filters offer: event types, actors and sources, and the store's date range (kept
    until the store changes)."""
    rev = store_revision(store)
    cached = _FACETS.get(store.url)
    if cached is not None and cached[0] == rev:
        return cached[1]
    from sqlalchemy import func, select

    from contested.store import events as t

    with store.read() as conn:
        first, last, n = conn.execute(
            select(func.min(t.c.date_start), func.max(t.c.date_end), func.count()).select_from(t)).one()
    actors = _actor_counts(store)
    out = {
        "types": sorted(EVENT_TYPES),
        "control_types": sorted(_control_types()[0]),
        "actors": [{"name": k, "events": c} for k, c in sorted(actors.items(), key=lambda kv: (-kv[1], kv[0]))],
        "sources": sources(store),
        "first": _iso(first),
        "last": _iso(last),
        "events": n,
    }
    _FACETS[store.url] = (rev, out)
    return out


def _iso(d) -> str | None:
    if d is None:
        return None
    return d.isoformat() if isinstance(d, date) else str(d)[:10]


# ---------------------------------------------------------------- one event, its claims and marks


def _segments(sentence: str, s: int, marks: list[tuple[int, int, str]]) -> list[dict]:
    """The sentence cut into plain and marked pieces (overlapping marks: the first wins, as in explain)."""
    out: list[dict] = []
    pos = s
    for ms, me, name in sorted(marks, key=lambda m: (m[0], -m[1])):
        if ms < pos:
            continue
        if ms > pos:
            out.append({"text": sentence[pos - s: ms - s], "field": None})
        out.append({"text": sentence[ms - s: me - s], "field": name})
        pos = me
    if pos - s < len(sentence):
        out.append({"text": sentence[pos - s:], "field": None})
    return out


def event_detail(store, event_id: str) -> dict | None:
    """The event with every claim: its sentence, the words each field came from (offsets in the sentence and
    the sentence cut into marked segments), who says it, stance and hedging; and the figures side by side,
    grouped by unit, with who gives each."""
    ev = store.event(event_id)
    if ev is None:
        return None
    docs: dict[str, object] = {}
    claims = []
    for i, c in enumerate(ev.claims):
        if c.doc_id not in docs:
            docs[c.doc_id] = store.document(c.doc_id)
        doc = docs[c.doc_id]
        s, e = c.span
        text = getattr(doc, "text", None)
        sentence = text[s:e] if text and 0 <= s <= e <= len(text) else c.sentence
        marks = ev.evidence[i].marks if i < len(ev.evidence) else {}
        inside = [(ms, me, name) for name, lst in marks.items() for ms, me in lst if s <= ms and me <= e]
        claims.append({
            **c.as_json(),
            "index": i,
            "title": getattr(doc, "title", None),
            "url": getattr(doc, "url", None),
            "sentence": sentence,
            "marks": [{"field": name, "start": ms - s, "end": me - s, "text": sentence[ms - s: me - s]}
                      for ms, me, name in sorted(inside)],
            "segments": _segments(sentence, s, inside),
        })
    figures: dict[str, list[dict]] = {}
    for q in ev.quantities:
        c = ev.claims[q.claim] if q.claim is not None and 0 <= q.claim < len(ev.claims) else None
        figures.setdefault(q.unit, []).append({
            "value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier, "text": q.text,
            "claim": q.claim, "source": c.source if c else None, "attributed_to": c.attributed_to if c else None,
        })
    return {
        "event": ev.as_json(),
        "claims": claims,
        "figures": [{"unit": u, "differ": len({(f["value"], f["low"], f["high"]) for f in fs}) > 1, "figures": fs}
                    for u, fs in figures.items()],
    }


# ---------------------------------------------------------------- documents and sources


def _doc_json(d, with_text: bool = False) -> dict:
    get = d.get if isinstance(d, dict) else (lambda k, default=None: getattr(d, k, default))
    pub = get("published")
    out = {
        "doc_id": get("doc_id"), "title": get("title"), "url": get("url"), "source": get("source"),
        "published": pub.isoformat() if isinstance(pub, date) else pub, "published_from": get("published_from"),
    }
    if with_text:
        out["text"] = get("text")
    return out


def documents_page(store, limit: int = 100, offset: int = 0) -> dict:
    docs = store.documents(limit=limit, offset=offset)
    total = store.count_documents() if hasattr(store, "count_documents") else None
    return {"total": total, "limit": limit, "offset": offset, "documents": [_doc_json(d) for d in docs]}


def document(store, doc_id: str) -> dict | None:
    d = store.document(doc_id)
    return None if d is None else _doc_json(d, with_text=True)


def sources(store) -> list[dict]:
    return [{"source": s, "documents": n} for s, n in store.sources()]


# ---------------------------------------------------------------- exports


def export_acled_csv(store, flt: EventFilter = EventFilter()) -> str:
    from contested.export import to_acled_csv

    return to_acled_csv(_events(store, flt))


def export_geojson(store, flt: EventFilter = EventFilter()) -> dict:
    return events_geojson(store, flt, limit=None)


# ---------------------------------------------------------------- boundaries (the user's added files)


@dataclass(slots=True)
class Region:
    """One added boundary polygon: a district (ADM2) or a province (ADM1)."""

    id: str
    level: str  # ADM1 | ADM2
    name: str  # the gazetteer's name where the feature was matched to a place, else the file's
    admin1: str | None
    parts: list  # [[ring [lon, lat]...]...] per polygon
    centroid: list | None


def _gazetteer_name(key: str | None, home: Path) -> str | None:
    if not key:
        return None
    try:
        from contested.gazetteer import Gazetteer

        place = Gazetteer.load(home).get(key)
    except Exception:  # noqa: BLE001 - the gazetteer is an optional refinement of the file's own name
        return None
    return place.name if place is not None else None


def _features_of(data: dict) -> Iterable[tuple[dict, list]]:
    """(properties, parts) of a stored boundary file: the compact form `geo add` writes, or plain GeoJSON."""
    if data.get("type") == "FeatureCollection":
        for f in data.get("features", []):
            g = f.get("geometry") or {}
            coords = g.get("coordinates") or []
            parts = [coords] if g.get("type") == "Polygon" else coords if g.get("type") == "MultiPolygon" else []
            props = dict(f.get("properties") or {})
            props.setdefault("name", props.get("shapeName"))
            yield props, parts
        return
    for f in data.get("features", []):
        yield f, f.get("parts") or []


@lru_cache(maxsize=4)
def _regions_cached(bdir: str, stamp: tuple) -> tuple[Region, ...]:
    out: list[Region] = []
    for f in sorted(Path(bdir).glob("*.json")) + sorted(Path(bdir).glob("*.geojson")):
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(data, dict):
            continue
        level = str(data.get("level") or ("ADM1" if f.name.upper().startswith("ADM1") else "ADM2")).upper()
        for i, (props, parts) in enumerate(_features_of(data)):
            if not parts:
                continue
            key = props.get("place")
            name = _gazetteer_name(key, Path(bdir).parent) or props.get("name") or ""
            out.append(Region(
                id=f"{level.lower()}-{f.stem}-{i}", level=level, name=name, admin1=props.get("admin1"),
                parts=parts, centroid=props.get("centroid"),
            ))
    return tuple(out)


def regions(home: Path | None = None) -> tuple[Region, ...]:
    """Every added boundary polygon, read from ``home/boundaries`` (re-read when a file there changes)."""
    bdir = (home or config.home()) / "boundaries"
    if not bdir.is_dir():
        return ()
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in bdir.iterdir()))
    return _regions_cached(str(bdir), stamp)


def boundaries_geojson(level: str = "ADM2", home: Path | None = None) -> dict:
    """The added polygons of one level (ADM1 provinces or ADM2 districts) as GeoJSON, for drawing."""
    feats = [
        {"type": "Feature", "id": r.id,
         "geometry": {"type": "MultiPolygon", "coordinates": r.parts},
         "properties": {"id": r.id, "level": r.level, "name": r.name, "admin1": r.admin1}}
        for r in regions(home) if r.level == level.upper()
    ]
    return {"type": "FeatureCollection", "features": feats}


def _region_index(home: Path | None) -> tuple[dict, dict]:
    """(admin1, district) name keys -> ADM2 region; province name key -> ADM1 region."""
    adm2: dict[tuple[str, str], Region] = {}
    adm1: dict[str, Region] = {}
    for r in regions(home):
        if r.level == "ADM2":
            adm2.setdefault((name_key(r.admin1 or ""), name_key(r.name)), r)
            adm2.setdefault(("", name_key(r.name)), r)
        elif r.level == "ADM1":
            adm1.setdefault(name_key(r.name), r)
    return adm2, adm1


def _region_of(row: dict, adm2: dict, adm1: dict) -> Region | None:
    """The polygon that holds a control row's place: its district, or the province when the place is one."""
    a1 = name_key(row.get("admin1") or "")
    if row.get("admin2"):
        k2 = name_key(row["admin2"])
        r = adm2.get((a1, k2)) or (adm2.get(("", k2)) if not a1 else None)
        if r is not None:
            return r
    if row.get("admin1") and not row.get("admin2") and name_key(row["place"]) == a1:
        return adm1.get(a1)
    return None


# ---------------------------------------------------------------- control


def _control_types() -> tuple[frozenset, frozenset, int]:
    """(types that change hands, types that say a place is fought over, days fighting keeps it contested)."""
    from contested import control

    change = getattr(control, "CHANGE_TYPES", CONTROL_TYPES)
    fighting = getattr(control, "FIGHTING_TYPES", frozenset())
    days = getattr(getattr(control, "SETTINGS", None), "fighting_days", 0)
    return frozenset(change), frozenset(fighting), int(days)


def _place_key(ev: Event) -> tuple:
    loc = ev.location
    return (loc.name, loc.admin1, loc.admin2, loc.country)


class ControlIndex:
    """``control_at`` for every date, computed once per state of the store.

    ``control_at(events, at)`` gives, for one place, a result that changes only on the days an event of the
    place starts, and on the day after fighting there stops counting (``fighting_days`` after it ended). For
    each place the index calls ``control_at`` on that place's events at each of those days and keeps the
    rows; control at any date is then a binary search per place. ``control_at`` stays the one definition
    (tests compare the index with it, day by day)."""

    def __init__(self, events: list[Event]) -> None:
        change, fighting, days = _control_types()
        by_place: dict[tuple, list[Event]] = {}
        for ev in events:
            if ev.location is not None and ev.date is not None and ev.type in change:
                by_place.setdefault(_place_key(ev), []).append(ev)
        for ev in events:
            if ev.location is not None and ev.date is not None and ev.type in fighting:
                if (k := _place_key(ev)) in by_place:
                    by_place[k].append(ev)
        self.places: list[tuple[tuple, list[date], list[dict | None]]] = []
        for key in sorted(by_place, key=lambda k: tuple(x or "" for x in k)):
            evs = by_place[key]
            days_ = {e.date.start for e in evs}
            days_ |= {e.date.end + timedelta(days=days + 1) for e in evs if e.type in fighting}
            steps = sorted(days_)
            rows: list[dict | None] = []
            for d in steps:
                got = control_at(evs, d)
                row = got[0] if got else None
                if row is not None:
                    ends = [e.date.end for e in evs if e.type in change and e.date.start <= d]
                    row = {**row, "latest": max(ends).isoformat() if ends else None}
                rows.append(row)
            self.places.append((key, steps, rows))

    def at(self, at: date) -> list[dict]:
        out = []
        for _key, steps, rows in self.places:
            i = bisect_right(steps, at) - 1
            if i >= 0 and rows[i] is not None:
                out.append(rows[i])
        return out


_INDEXES: dict[str, tuple[object, ControlIndex]] = {}
_INDEX_LOCK = threading.Lock()


def store_revision(store) -> object:
    """Something that changes whenever the store's events change (``store.revision()`` where the store has
    one; else the counts of documents, events and claims)."""
    rev = getattr(store, "revision", None)
    if callable(rev):
        return rev()
    return (store.count_documents(), store.count_events(), store.count_claims())


def control_index(store) -> ControlIndex:
    """The store's control index, rebuilt when the store has changed since it was built."""
    rev = store_revision(store)
    with _INDEX_LOCK:
        cached = _INDEXES.get(store.url)
        if cached is not None and cached[0] == rev:
            return cached[1]
        change, fighting, _ = _control_types()
        index = ControlIndex(store.events(type=sorted(change | fighting)))
        _INDEXES[store.url] = (rev, index)
        return index


def control_rows(store, at: date) -> list[dict]:
    """``control_at`` for the store at ``at``: one row per place whose control the store has evidence about."""
    return control_index(store).at(at)


def control_geojson(store, at: date, home: Path | None = None, geometry: bool = True) -> dict:
    """Who controls what at ``at`` as GeoJSON. A place inside an added district (or a province itself) is
    drawn as that polygon: the polygon's controller is the one the latest evidence among its places gives
    (disagreeing evidence of the same day: ``contested``), and ``places`` lists every place it summarises.
    A place with no polygon is a point (no geometry where even its coordinates are unknown). ``geometry=False``
    leaves the polygons out (their ``region`` id names them: the page draws them once)."""
    rows = control_rows(store, at)
    adm2, adm1 = _region_index(home)
    grouped: dict[str, tuple[Region, list[dict]]] = {}
    feats = []
    for row in rows:
        region = _region_of(row, adm2, adm1)
        if region is not None:
            grouped.setdefault(region.id, (region, []))[1].append(row)
            continue
        geom = ({"type": "Point", "coordinates": [row["lon"], row["lat"]]}
                if row["lat"] is not None and row["lon"] is not None else None)
        feats.append({"type": "Feature", "geometry": geom,
                      "properties": {**row, "kind": "point", "region": None}})
    for region, rs in grouped.values():
        latest = max(r["latest"] or "" for r in rs)
        holders = {r["controller"] for r in rs if (r["latest"] or "") == latest}
        controller = holders.pop() if len(holders) == 1 else CONTESTED
        since = min(r["since"] for r in rs if (r["latest"] or "") == latest)
        props = {
            "kind": "region", "region": region.id, "level": region.level, "name": region.name,
            "admin1": region.admin1, "controller": controller, "since": since, "latest": latest or None,
            "places": rs, "events": sorted({i for r in rs for i in r["events"]}),
        }
        geom = {"type": "MultiPolygon", "coordinates": region.parts} if geometry else None
        feats.append({"type": "Feature", "id": region.id, "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "at": at.isoformat(), "features": feats}


def _timeline(evs: list[Event], place: str) -> list[dict]:
    from contested import control

    fn = getattr(control, "control_timeline", None)
    if fn is None:  # pragma: no cover - an older control module: control at each date an event starts
        out = []
        for d in sorted({e.date.start for e in evs if e.date is not None}):
            for r in control_at(evs, d):
                if not out or out[-1]["holder"] != r["controller"]:
                    out.append({**r, "holder": r["controller"], "start": r["since"], "end": None})
        return out
    return fn(evs, place)


def control_timeline(store, place: str, admin1: str | None = None) -> list[dict]:
    """Who held ``place`` over time: ``control.control_timeline``'s periods (holder, status, start, end,
    events, fighting, denied), over the store's events at that place (read from the store by place)."""
    change, fighting, _ = _control_types()
    evs = store.events(type=sorted(change | fighting), place=place)
    if admin1:
        want1 = name_key(admin1)
        evs = [e for e in evs if e.location is not None and name_key(e.location.admin1 or "") == want1]
    return _timeline(evs, place)


def region_detail(store, region_id: str, home: Path | None = None, limit: int = 200) -> dict | None:
    """An added polygon: the control timelines of the places inside it, and its events."""
    region = next((r for r in regions(home) if r.id == region_id), None)
    if region is None:
        return None
    adm2, adm1 = _region_index(home)

    def inside(e: Event) -> bool:
        loc = e.location
        if loc is None:
            return False
        r = _region_of({"place": loc.name, "admin1": loc.admin1, "admin2": loc.admin2}, adm2, adm1)
        return r is not None and r.id == region.id

    evs = [e for e in _events(store, EventFilter(place=region.name)) if inside(e)]
    change, fighting, _ = _control_types()
    timeline: list[dict] = []
    for name in sorted({e.location.name for e in evs if e.type in change}):
        timeline.extend(_timeline([e for e in evs if e.type in change | fighting], name))
    timeline.sort(key=lambda p: (p["start"], p.get("place") or ""))
    return {
        "region": {"id": region.id, "level": region.level, "name": region.name, "admin1": region.admin1},
        "timeline": timeline,
        "events": [e.as_json() for e in evs[:limit]],
        "total": len(evs),
    }
