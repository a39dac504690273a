"""Sub-event typing on ACLED notes from many countries, with the countries split into a tune half and a report half.

    python eval/typing_eval.py                      # the default extractor, rules only and with the default model
    python eval/typing_eval.py --file ../shared/data/acled_world_sample_2020-05/acled.csv --per-type
    python eval/typing_eval.py --half tune --sub A --confusion --errors 40   # look at errors on sub-half A only

Each note is one document; its first extracted event's ACLED sub-event type is compared with the coders' (as
``contested evaluate`` does). Countries are assigned to a half by a hash of their name (sha1, first byte even:
tune, odd: report), so the split is fixed and does not depend on the data's order. Figures on the tune half may be
looked at while choosing how the default model combines with the rules; the report half's are the ones to quote.
The tune half is split again by the eighth byte of the same hash (even: A, odd: B, ``--sub``; of the bytes
tried, the one that puts the most war notes as well as protest notes on both sides, chosen from the coders' types
alone): errors are read on
A only, and a change is kept only where B (whose errors are not read) gains too.

"before" runs with the shipped default model switched off (CONTESTED_DEFAULT_TYPE_MODEL=off: the rules alone),
"after" with it on (the default). Reads the data from ../shared/data; exits with a message where it is absent.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT / ".." / "shared" / "data" / "acled_world_sample_2020-05" / "acled.csv"


def half(country: str) -> str:
    return "tune" if hashlib.sha1(country.encode("utf-8")).digest()[0] % 2 == 0 else "report"


def sub_half(country: str) -> str:
    """The tune half's own split: A (errors may be read) or B (the check)."""
    return "A" if hashlib.sha1(country.encode("utf-8")).digest()[7] % 2 == 0 else "B"


def read_rows(path: Path) -> list[tuple[str, str, str, str]]:
    """(notes, sub_event_type, iso date, country) of an ACLED export."""
    from contested.typing_model import _iso_date

    out = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            notes = (row.get("notes") or "").strip()
            sub = (row.get("sub_event_type") or "").strip()
            if notes and sub:
                out.append((notes, sub, _iso_date((row.get("event_date") or "").strip()), (row.get("country") or "").strip()))
    return out


def predict(rows: list[tuple[str, str, str, str]]) -> list[str]:
    """The first extracted event's sub-event type for each note, "(none)" where there is none."""
    from contested.evaluate import coded_document
    from contested.pipeline import extract_documents

    docs = [coded_document(text, when) for text, _, when, _ in rows]
    got = {doc.doc_id: evs for doc, evs in extract_documents(docs)}
    return [got[d.doc_id][0].acled_sub_event_type if got.get(d.doc_id) else "(none)" for d in docs]


def figures(gold: list[str], pred: list[str]) -> tuple[float, float, dict]:
    from contested.evaluate import weighted_f1

    f1, per = weighted_f1(gold, pred)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    return f1, acc, per


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=DEFAULT_FILE)
    ap.add_argument("--half", choices=("tune", "report", "both"), default="both")
    ap.add_argument("--only", choices=("before", "after", "both"), default="both")
    ap.add_argument("--sub", choices=("A", "B"), default=None,
                    help="only this sub-half of the tune countries (A: errors may be read; B: the check)")
    ap.add_argument("--per-type", action="store_true", help="per sub-event type precision and recall")
    ap.add_argument("--confusion", action="store_true", help="the most frequent (gold, predicted) pairs")
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong notes (tune sub-half A only)")
    args = ap.parse_args(argv)
    if args.sub and args.half not in ("tune",):
        ap.error("--sub splits the tune half: use it with --half tune")
    if args.errors and args.sub != "A":
        ap.error("--errors reads notes: only on --half tune --sub A (B and the report half are never read)")
    if not args.file.exists():
        print(f"{args.file}: not found (the shared data is not here); nothing to measure", file=sys.stderr)
        return 2
    from contested import typing_model

    rows = [r for r in read_rows(args.file) if args.half == "both" or half(r[3]) == args.half]
    if args.sub:
        rows = [r for r in rows if sub_half(r[3]) == args.sub]
    halves = ("tune", "report") if args.half == "both" else (args.half,)
    runs = ("before", "after") if args.only == "both" else (args.only,)
    preds: dict[str, list[str]] = {}
    for run in runs:
        os.environ[typing_model.DEFAULT_ENV] = "on" if run == "after" else "off"
        preds[run] = predict(rows)
    for h in halves:
        idx = [i for i, r in enumerate(rows) if half(r[3]) == h]
        countries = len({rows[i][3] for i in idx})
        gold = [rows[i][1] for i in idx]
        for run in runs:
            f1, acc, per = figures(gold, [preds[run][i] for i in idx])
            name = f"{h}:{args.sub}" if args.sub else h
            print(f"{name:6s} {run:6s} notes={len(idx)} countries={countries} weighted_f1={f1:.3f} accuracy={acc:.3f}")
            if args.per_type:
                for label, n in Counter(gold).most_common():
                    p = per[label]
                    print(f"    {label:40s} n={n:4d} P={p['precision']:.3f} R={p['recall']:.3f} F1={p['f1']:.3f}")
            if args.confusion:
                pairs = Counter((gold[k], preds[run][i]) for k, i in enumerate(idx) if gold[k] != preds[run][i])
                for (g, p), n in pairs.most_common(25):
                    print(f"    {n:4d}  {g:38s} -> {p}")
            if args.errors and run == runs[-1]:
                wrong = [i for i in idx if rows[i][1] != preds[run][i]]
                for i in wrong[: args.errors]:
                    print(f"  [{rows[i][1]} -> {preds[run][i]}] {rows[i][3]}: {rows[i][0][:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
