"""Where events are placed, on ACLED notes of the whole world: share within 25 km of the coder's point, admin1
right, ACLED geo precision right, by region, on countries never tuned on.

    python eval/geo_eval.py                      # held-out countries of both samples, per region
    python eval/geo_eval.py --half tune          # the countries the rules may be tuned on
    python eval/geo_eval.py --failures out.tsv   # every row that is not within 25 km, for a profile
    python eval/geo_eval.py --gvc 300            # US local news: events placed in the US and the right state

The samples (read where they lie, never copied): ``../shared/data/acled_world_sample_2020-05/acled.csv``
(5,071 events of 1-9 May 2020 in 107 countries) and ``../shared/data/acled_mmr_2021_explosions`` (Myanmar
2021). The split is fixed here, before any result was seen: a country is held out when the first byte of the
SHA-256 of its ACLED name is odd (``held_out``). Only held-out countries may be reported as results; the
tuning half is for looking at failures.

Each note is one document (published on its event date, source "ACLED note"); a note ACLED split into several
rows is extracted once. For each row, the extracted event nearest to the row's point is compared (as
``acled_eval.py`` does): ``within_25km`` counts rows with an event within 25 km, ``admin1`` rows whose
nearest event (or first event with a place) names the row's admin1, ``precision`` rows whose event's geo
precision equals ACLED's. Rows with no extracted event count as wrong in the "all rows" figures; the
"rows with an event" figures isolate placing from event detection. No boundary files are added (a user's
first run); ``--boundaries`` adds the Afghan geoBoundaries files as ``acled_eval.py`` does.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sys
import tempfile
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from acled_eval import BOUNDARIES, SHARED, km  # noqa: E402

SAMPLES = {
    "world": "data/acled_world_sample_2020-05/acled.csv",
    "mmr": "data/acled_mmr_2021_explosions/explosions_remote_violence.csv",
}


def held_out(country: str) -> bool:
    """The split, fixed before looking: odd first byte of sha256(country name) -> held out."""
    return hashlib.sha256(country.encode("utf-8")).digest()[0] % 2 == 1


def _event_date(s: str) -> date:
    for fmt in ("%d-%b-%y", "%d %B %Y", "%Y-%m-%d", "%d-%B-%Y"):
        try:
            return datetime.strptime(s.strip()[:10] if s[:4].isdigit() else s.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unknown date {s!r}")


def sample_rows(half: str, samples: tuple[str, ...]) -> list[dict]:
    rows = []
    for name in samples:
        path = SHARED / SAMPLES[name]
        if not path.exists():
            raise FileNotFoundError(f"no ACLED sample at {path}")
        with open(path, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if not (r.get("notes") or "").strip() or not r.get("latitude") or not r.get("country"):
                    continue
                if (half == "held_out") != held_out(r["country"]):
                    continue
                r["_sample"] = name
                rows.append(r)
    return rows


def _key(s: str | None) -> str:
    from contested.textnorm import name_key

    return name_key(s or "")


def same_unit(a: str, b: str) -> bool:
    """One first-level unit under two names (ACLED's "Nord-Kivu", the gazetteer's English "North Kivu")."""
    from contested.evaluate import same_unit as one_unit

    return one_unit(a, b)


def evaluate(half: str, samples: tuple[str, ...], limit: int | None, boundaries: bool, failures: str | None) -> dict:
    from contested.gazetteer import add_boundaries
    from contested.pipeline import extract_documents, make_document

    rows = sample_rows(half, samples)
    notes: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        notes[r["notes"]].append(r)
    note_list = list(notes)
    if limit and limit < len(note_list):
        step = len(note_list) / limit  # spread over the samples and countries, not the first N
        note_list = [note_list[int(k * step)] for k in range(limit)]
    previous_home = os.environ.get("CONTESTED_HOME")
    with tempfile.TemporaryDirectory() as home:
        os.environ["CONTESTED_HOME"] = home
        if boundaries:
            for b in BOUNDARIES:
                if (SHARED / b).exists():
                    add_boundaries(SHARED / b, home=Path(home))
        docs = [make_document(n, published=_event_date(notes[n][0]["event_date"]), source="ACLED note")
                for n in note_list]
        extracted = {doc.text: evs for doc, evs in extract_documents(docs)}
    if previous_home is None:
        os.environ.pop("CONTESTED_HOME", None)
    else:
        os.environ["CONTESTED_HOME"] = previous_home

    def new() -> dict:
        return {"rows": 0, "with_event": 0, "within_25km": 0, "admin1": 0, "precision": 0, "country": 0}

    by_region: dict[str, dict] = defaultdict(new)
    total = new()
    fail_rows = []
    for note, doc in zip(note_list, docs, strict=True):
        evs = extracted.get(doc.text, [])
        for r in notes[note]:
            glat, glon = float(r["latitude"]), float(r["longitude"])
            best, best_d = None, None
            for e in evs:
                if e.location and e.location.lat is not None:
                    d = km(glat, glon, e.location.lat, e.location.lon)
                    if best_d is None or d < best_d:
                        best, best_d = e, d
            if best is None and evs:
                best = next((e for e in evs if e.location), evs[0])
            loc = best.location if best is not None else None
            ok = {
                "with_event": bool(evs),
                "within_25km": best_d is not None and best_d <= 25,
                "admin1": loc is not None and (_key(loc.admin1) == _key(r["admin1"]) or (
                    bool(loc.admin1) and same_unit(loc.admin1, r["admin1"]))),
                "precision": loc is not None and str(loc.precision or "") == r.get("geo_precision", ""),
                "country": loc is not None and _key(loc.country) == _key(r["country"]),
            }
            for acc in (by_region[r.get("region") or r["_sample"]], total):
                acc["rows"] += 1
                for k, v in ok.items():
                    acc[k] += bool(v)
            if failures and not ok["within_25km"]:
                fail_rows.append([
                    r["country"], r["location"], r["admin1"], r.get("geo_precision", ""),
                    "" if loc is None else loc.name, "" if loc is None else (loc.country or ""),
                    "" if loc is None else (loc.admin1 or ""), "" if loc is None else str(loc.precision),
                    "" if best_d is None else f"{best_d:.0f}", str(len(evs)), note.replace("\t", " ")[:400],
                ])
    if failures:
        with open(failures, "w", encoding="utf-8") as fh:
            fh.write("country\tlocation\tadmin1\tgeo_prec\tpred\tpred_country\tpred_admin1\tpred_prec\tkm\tevents\tnote\n")
            for fr in fail_rows:
                fh.write("\t".join(fr) + "\n")

    def shares(acc: dict) -> dict:
        n, ne = acc["rows"], acc["with_event"]
        out = {"rows": n, "event_found": round(ne / n, 3) if n else None}
        for k in ("within_25km", "admin1", "precision", "country"):
            out[k] = round(acc[k] / n, 3) if n else None
            out[k + "_given_event"] = round(acc[k] / ne, 3) if ne else None
        return out

    return {
        "half": half,
        "samples": list(samples),
        "countries": sorted({r["country"] for r in rows}),
        "notes": len(note_list),
        "all": shares(total),
        "by_region": {k: shares(v) for k, v in sorted(by_region.items(), key=lambda kv: -kv[1]["rows"])},
    }


GVC = "data/news_gvc_gun_violence"


def evaluate_gvc(half: str, limit: int) -> dict:
    """US local news (the Gun Violence Archive's articles, ``../shared/data/news_gvc_gun_violence``): of the
    events placed, the share placed in the United States and in the incident's state. Split by the first byte
    of the SHA-256 of the document id (odd: held out), as the ACLED countries are."""
    from contested.pipeline import extract_documents, make_document
    from contested.textnorm import name_key

    folder = SHARED / GVC
    if not (folder / "documents.jsonl").exists():
        raise FileNotFoundError(f"no GVC articles at {folder}")
    incidents = {}
    with open(folder / "incidents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            incidents[r["incident_id"]] = r
    docs = []
    with open(folder / "documents.jsonl", encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if (half == "held_out") != (hashlib.sha256(d["doc_id"].encode()).digest()[0] % 2 == 1):
                continue
            inc = incidents.get((d.get("incident_ids") or [""])[0])
            if inc and inc.get("state") and d.get("text"):
                docs.append((d, inc))
            if len(docs) >= limit:
                break
    made = [make_document(d["text"], published=d.get("dct") or None, source="GVC article") for d, _ in docs]
    n = located = us = state = 0
    for (_d, inc), (_doc, evs) in zip(docs, extract_documents(made), strict=True):
        n += 1
        for e in evs:
            if e.location is None or e.location.country is None:
                continue
            located += 1
            us += e.location.country == "United States"
            state += name_key(e.location.admin1 or "") == name_key(inc["state"])
    return {"half": half, "articles": n, "events_placed": located,
            "in_united_states": round(us / located, 3) if located else None,
            "in_incident_state": round(state / located, 3) if located else None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=["held_out", "tune"], default="held_out")
    ap.add_argument("--samples", nargs="+", choices=sorted(SAMPLES), default=sorted(SAMPLES))
    ap.add_argument("--limit", type=int, help="only N notes, spread evenly over the samples")
    ap.add_argument("--boundaries", action="store_true", help="add the Afghan geoBoundaries files first")
    ap.add_argument("--failures", help="write the rows not within 25 km to this TSV")
    ap.add_argument("--json", help="also write the result to this file")
    ap.add_argument("--gvc", type=int, metavar="N", help="instead: N US local news articles (GVC), share placed "
                    "in the United States and in the incident's state")
    args = ap.parse_args(argv)
    if args.gvc:
        try:
            print(json.dumps(evaluate_gvc(args.half, args.gvc)))
        except FileNotFoundError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            return 2
        return 0
    try:
        result = evaluate(args.half, tuple(args.samples), args.limit, args.boundaries, args.failures)
    except FileNotFoundError as exc:
        print(f"skipped: {exc} (the ACLED evaluation data is not on this machine)", file=sys.stderr)
        return 2
    print(f"half: {result['half']}  notes: {result['notes']}  countries: {len(result['countries'])}")
    cols = ("rows", "event_found", "within_25km", "within_25km_given_event", "admin1", "admin1_given_event",
            "precision_given_event", "country_given_event")
    print(f"{'region':28s} " + " ".join(f"{c[:22]:>22s}" for c in cols))
    for name, acc in [("ALL", result["all"]), *result["by_region"].items()]:
        print(f"{name[:28]:28s} " + " ".join(f"{str(acc[c]):>22s}" for c in cols))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
