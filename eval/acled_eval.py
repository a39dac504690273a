"""Accuracy on ACLED's own notes: run contested over the notes of ../shared/data/acled_afg_2019_* and compare
with what ACLED's coders coded.

    python eval/acled_eval.py                 # held-out months (June, July 2019)
    python eval/acled_eval.py --months 2019-04 2019-05   # the months the rules were tuned on

How events are aligned (ACLED splits a note that names several districts into one row per district, and so
does contested): for each ACLED row, the note's first extracted event gives the sub-event type; among the
note's extracted events, the one nearest to the row's coordinates gives admin1, the distance and the actors.
A note with no extracted event counts as wrong on every measure. Fatalities are compared per note (sum of
rows against sum of events), since ACLED distributes a note's deaths over its rows.

The ACLED rows are read where they lie and never copied; the script exits with a clear message if they are
not there. Boundary files are added to a temporary contested home exactly as a user adds them.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONTESTED_SHARED", REPO.parent / "shared"))
ACLED_GLOB = "data/acled_afg_2019_*/*.csv"
BOUNDARIES = [
    "data/geoboundaries_afg/geoBoundaries-AFG-ADM1.geojson",
    "data/geoboundaries_afg/geoBoundaries-AFG-ADM2_simplified.geojson",
]
TUNE_MONTHS = ("2019-04", "2019-05")
HELD_OUT_MONTHS = ("2019-06", "2019-07")

_REPORTED = re.compile(r"As reported on\s+([^,]+?\d{4})", re.IGNORECASE)


def acled_rows(months) -> list[dict]:
    files = sorted(SHARED.glob(ACLED_GLOB))
    if not files:
        raise FileNotFoundError(f"no ACLED notes under {SHARED / ACLED_GLOB}")
    rows = []
    for f in files:
        with open(f, newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                if r["Date"][:7] in months and r["Notes"].strip():
                    rows.append(r)
    return rows


def reported_date(note: str, event_date: str) -> date:
    """The note's own 'As reported on' date is its publication date; else the event date."""
    from contested.metadata import parse_published

    m = _REPORTED.search(note)
    if m:
        d = parse_published(m.group(1).replace("-", " "))
        if d:
            return d
    return datetime.strptime(event_date, "%Y-%m-%d").date()


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


def weighted_f1(gold: list[str], pred: list[str]) -> tuple[float, dict]:
    support = Counter(gold)
    per = {}
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != label and p == label)
        fn = n - tp
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[label] = {"support": n, "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}
        total += f1 * n
    return total / len(gold), per


def _key(s: str | None) -> str:
    from contested.textnorm import name_key

    return name_key(s or "")


def _actor_base(name: str) -> str:
    """ACLED's actor names with sub-units folded to the force: 'Military Forces of Afghanistan (2014-)
    Special Forces' -> 'Military Forces of Afghanistan (2014-)'."""
    name = name.strip()
    for base in ("Military Forces of Afghanistan (2014-)", "Police Forces of Afghanistan (2014-)"):
        if name.startswith(base):
            return base
    if name.startswith("Taliban"):
        return "Taliban"
    return name


def evaluate(months, limit: int | None = None, verbose: bool = False) -> dict:
    from contested.gazetteer import add_boundaries
    from contested.pipeline import extract_documents, make_document

    rows = acled_rows(months)
    notes: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        notes[r["Notes"]].append(r)
    note_list = list(notes)
    if limit:
        note_list = note_list[:limit]

    previous_home = os.environ.get("CONTESTED_HOME")
    with tempfile.TemporaryDirectory() as home:
        os.environ["CONTESTED_HOME"] = home
        for b in BOUNDARIES:
            path = SHARED / b
            if path.exists():
                add_boundaries(path, home=Path(home))
        docs = [make_document(n, published=reported_date(n, notes[n][0]["Date"]), source="ACLED note")
                for n in note_list]
        t0 = time.perf_counter()
        extracted = {doc.text: evs for doc, evs in extract_documents(docs)}
        elapsed = time.perf_counter() - t0
    if previous_home is None:
        os.environ.pop("CONTESTED_HOME", None)
    else:
        os.environ["CONTESTED_HOME"] = previous_home

    gold_sub, pred_sub = [], []
    admin1_ok = within25 = located = actor1_ok = actor_pair_ok = 0
    n_rows = 0
    fat_ok = fat_n = 0
    confusion = Counter()
    for note, doc in zip(note_list, docs, strict=True):
        evs = extracted.get(doc.text, [])
        primary = evs[0] if evs else None
        gold_fat = sum(int(r["Fatalities"] or 0) for r in notes[note])
        pred_fat = sum(e.fatalities or 0 for e in evs)
        fat_n += 1
        fat_ok += gold_fat == pred_fat
        for r in notes[note]:
            n_rows += 1
            gold_sub.append(r["Sub_type"])
            pred = primary.acled_sub_event_type if primary else "(none)"
            pred_sub.append(pred)
            if pred != r["Sub_type"]:
                confusion[(r["Sub_type"], pred)] += 1
            glat, glon = float(r["latitude"]), float(r["longitude"])
            best, best_d = None, None
            for e in evs:
                if e.location and e.location.lat is not None:
                    d = km(glat, glon, e.location.lat, e.location.lon)
                    if best_d is None or d < best_d:
                        best, best_d = e, d
            if best is None and evs:
                best = next((e for e in evs if e.location), primary)
            if best_d is not None:
                located += 1
                within25 += best_d <= 25
            if best is not None and best.location and _key(best.location.admin1) == _key(r["admin1"]):
                admin1_ok += 1
            if best is not None:
                a1 = next((a.name for a in best.actors if a.role == "actor1"), "")
                a2 = next((a.name for a in best.actors if a.role == "actor2"), "")
                g1, g2 = _actor_base(r["Actor1"]), _actor_base(r["Actor2"])
                actor1_ok += _actor_base(a1) == g1
                actor_pair_ok += {_actor_base(a1), _actor_base(a2)} == {g1, g2}
    f1, per = weighted_f1(gold_sub, pred_sub)
    acc = sum(g == p for g, p in zip(gold_sub, pred_sub, strict=True)) / len(gold_sub)
    result = {
        "months": list(months),
        "notes": len(note_list),
        "rows": n_rows,
        "sub_event_accuracy": round(acc, 3),
        "sub_event_weighted_f1": round(f1, 3),
        "admin1_accuracy": round(admin1_ok / n_rows, 3),
        "within_25km": round(within25 / n_rows, 3),
        "located_share": round(located / n_rows, 3),
        "actor1_agreement": round(actor1_ok / n_rows, 3),
        "actor_pair_agreement": round(actor_pair_ok / n_rows, 3),
        "fatalities_exact_per_note": round(fat_ok / fat_n, 3),
        "seconds": round(elapsed, 1),
        "per_class": per,
        "top_confusions": [f"{g} -> {p}: {n}" for (g, p), n in confusion.most_common(10)],
    }
    return result


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--months", nargs="+", default=list(HELD_OUT_MONTHS))
    ap.add_argument("--limit", type=int, help="only the first N notes")
    ap.add_argument("--json", help="also write the result to this file")
    args = ap.parse_args(argv)
    try:
        result = evaluate(tuple(args.months), args.limit)
    except FileNotFoundError as exc:
        print(f"skipped: {exc} (the ACLED evaluation data is not on this machine)", file=sys.stderr)
        return 2
    for k, v in result.items():
        if k == "per_class":
            print("per class:")
            for label, m in sorted(v.items(), key=lambda kv: -kv[1]["support"]):
                print(f"  {label:40s} n={m['support']:5d}  P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")
        elif k == "top_confusions":
            print("top confusions (gold -> predicted):")
            for c in v:
                print("  " + c)
        else:
            print(f"{k:28s} {v}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
