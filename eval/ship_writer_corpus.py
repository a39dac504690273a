"""Put the writers' typing corpus in the package: src/contested/data/typing_writers.jsonl.

    python eval/ship_writer_corpus.py --from DIR --writers A B C D   # DIR/A.jsonl ... (one file per writer)

Each writer wrote, for the project, short news-style passages that tell one event of a taxonomy type (a third of
them hard near-misses of a neighbouring type) and passages that tell no event (opinion, plan, tally ...), each in
their own regions and styles, from taxonomy.md's definitions alone. This script checks every row against the
taxonomy (a row whose type, detail and sub-event type disagree is left out and named), drops texts written twice,
counts each writer's items per type (a writer is complete with at least ``--min-per-type`` items of every type) and
writes one file with a ``writer`` field and an ``_about`` header.

``--fixes`` (default eval/writer_corpus_fixes.json) corrects labels that disagree with taxonomy.md's definitions, in
the shipped copy only (the writers' files stay as written): each fix names the writer, the passage's first words,
the label it takes and why. A fix that matches no passage, or more than one, is an error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from contested import typing_model as tm
from contested.taxonomy import EVENT_TYPES

OUT = Path(tm.DATA_DIR) / tm.WRITERS_FILE
FIXES = Path(__file__).resolve().parent / "writer_corpus_fixes.json"
ABOUT = ("Passages written for the contested project by {n} writers ({writers}), each in their own regions and "
         "styles, from the taxonomy's definitions alone: events of every taxonomy type (a third of them hard "
         "near-misses of a neighbouring type, `hard`) and passages that tell no event (`event` false, `reason`). "
         "Places and armed groups may be real; every event, person, quote and figure is invented, and no text "
         "is taken from any article or data set. Used to train and to score, leaving one writer out "
         "(eval/typing_lowo.py), the default sub-event type model. Licence: the project's own.")


def check_rows(path: Path) -> tuple[list[dict], list[str]]:
    """The rows of one writer's file that agree with the taxonomy, and a line for each that does not."""
    good, bad = [], []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append(f"{path.name}:{n}: not JSON ({exc})")
            continue
        try:
            item = tm.parse_item(row, writer=path.stem)
        except (ValueError, KeyError, TypeError) as exc:
            bad.append(f"{path.name}:{n}: {exc}")
            continue
        if item.event:
            row.update(type=item.type, detail=item.detail, sub_event_type=item.sub_event_type)
        good.append(row)
    return good, bad


def read_fixes(path: Path | None) -> list[dict]:
    """The label fixes of a fixes file (its ``fixes`` list); none where there is no file."""
    if path is None or not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["fixes"]


def apply_fixes(rows: list[dict], fixes: list[dict]) -> int:
    """Give each passage a fix names (``writer``, ``starts``: its first words) the fix's ``type`` and ``detail``
    (and their sub-event type); the number of passages fixed. A fix matching no passage or several raises."""
    from contested.taxonomy import acled_type

    for fix in fixes:
        hits = [r for r in rows if r.get("writer") == fix["writer"] and r["text"].startswith(fix["starts"])]
        if len(hits) != 1:
            raise ValueError(f"fix {fix['writer']}: {fix['starts']!r} matches {len(hits)} passages, not one")
        if fix["type"] not in EVENT_TYPES:
            raise ValueError(f"fix {fix['writer']}: {fix['starts']!r}: unknown type {fix['type']!r}")
        detail = fix.get("detail")
        hits[0].update(event=True, type=fix["type"], detail=detail,
                       sub_event_type=acled_type(fix["type"], detail).sub_event_type)
        tm.parse_item(hits[0])  # the fixed label agrees with the taxonomy
    return len(fixes)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--from", dest="source", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--writers", nargs="+", required=True, help="the writers to ship (DIR/<writer>.jsonl each)")
    ap.add_argument("--min-per-type", type=int, default=12)
    ap.add_argument("--fixes", type=Path, default=FIXES, help="label fixes (JSON); --fixes '' for none")
    args = ap.parse_args(argv)
    fixes = read_fixes(args.fixes if str(args.fixes) not in ("", ".") else None)
    rows, seen = [], set()
    writers = []
    for path in (args.source / f"{w}.jsonl" for w in args.writers):
        good, bad = check_rows(path)
        for row in good:
            row["writer"] = path.stem
        fixed = apply_fixes(good, [f for f in fixes if f["writer"] == path.stem])
        for line in bad:
            print("left out:", line, file=sys.stderr)
        kept = 0
        for row in good:
            key = " ".join(row["text"].split()).lower()
            if key in seen:
                continue
            seen.add(key)
            rows.append(row)
            kept += 1
        counts = Counter(r["type"] for r in good if r.get("event", True))
        short = {t: counts.get(t, 0) for t in EVENT_TYPES if counts.get(t, 0) < args.min_per_type}
        nots = sum(1 for r in good if not r.get("event", True))
        state = "complete" if not short else f"INCOMPLETE ({len(short)} types under {args.min_per_type})"
        print(f"{path.stem}: {kept} kept, {sum(counts.values())} events, {nots} not events, {fixed} labels fixed, "
              f"{state}")
        writers.append(path.stem)
    header = {"_about": ABOUT.format(n=len(writers), writers=", ".join(writers)), "project_written": True,
              "writers": writers}
    keys = ("text", "event", "type", "detail", "sub_event_type", "writer", "hard", "reason")
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(header, ensure_ascii=False) + "\n")
        for row in rows:
            fh.write(json.dumps({k: row[k] for k in keys if k in row}, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} items to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
