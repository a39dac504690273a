"""Recall across ways of writing: the one-event passages of the project-written writers' corpus that give NO event.

    python eval/writer_recall.py CORPUS.jsonl [CORPUS2.jsonl ...]          # per writer, per type, per cause
    python eval/writer_recall.py CORPUS.jsonl --writers A B C --misses 40   # read the misses of some writers only
    python eval/writer_recall.py CORPUS.jsonl --json OUT.json               # the figures as JSON, to compare runs

The corpus is the project-written typing corpus (one JSON object a line: ``text``, ``event`` true/false,
``type``, ``writer``; see eval/make_typing_corpus.py), read from the path(s) given. Every event item reports
exactly one happening, so an item that gives no event is a miss; every not-event item that gives an event is a
stored not-event. Each miss gets one cause, the first that holds:

- ``no_trigger``: no event word was found in any sentence (data/families.json, triggers.py);
- ``clause_rule``: event words were found, but the clause rules (eventness.py) said none tells an event;
- ``gate``: what the clause rules kept, the learned event-or-not gate (stages.gate) dropped;
- ``dropped_later``: a clause was kept as an event, but no event came out (typing, dedup, fusion).

Errors are meant to be read on some writers only (``--writers``) and changes kept only where the others gain
too. A fixed publication date (``--published``, 2024-01-01) is given to every item.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

CAUSES = ("no_trigger", "clause_rule", "gate", "dropped_later")


def read_items(paths: list[Path]) -> list[dict]:
    items = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            items.extend(json.loads(line) for line in fh if line.strip())
    return [it for it in items if "text" in it]  # the shipped corpus opens with a description line


def run_item(nlp, gaz, text: str, published: str):
    """(the events, the cause of a miss or None, the reasons and words of the triggers found)."""
    from contested.eventness import ASSERTED, REFERENCE
    from contested.events import build_events
    from contested.fusion import absorb_fighting, fuse_article
    from contested.pipeline import analyse, make_document
    from contested.stages.gate import GATE_PREFIX

    doc = make_document(text, published)
    sentences = analyse(doc, nlp(doc.text), gaz, text=doc.text)
    events = fuse_article(absorb_fighting(build_events(doc, sentences)))
    found = [(t.text, t.family, s.reasons.get(t.start, ASSERTED)) for s in sentences for t in s.triggers]
    if events:
        return events, None, found
    if not found:
        return events, "no_trigger", found
    reasons = [r for _, _, r in found]
    if any(r == ASSERTED or r.startswith(REFERENCE) for r in reasons):
        return events, "dropped_later", found
    if any(r.startswith(GATE_PREFIX) for r in reasons):
        return events, "gate", found
    return events, "clause_rule", found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="+", type=Path, help="the writers' corpus, JSONL")
    ap.add_argument("--published", default="2024-01-01")
    ap.add_argument("--writers", nargs="*", help="print the misses of these writers only (default: none)")
    ap.add_argument("--misses", type=int, default=0, help="how many misses (and stored not-events) to print")
    ap.add_argument("--json", type=Path, help="write the figures and each item's outcome here")
    args = ap.parse_args(argv)
    missing = [p for p in args.corpus if not p.exists()]
    if missing:
        print(f"no such file: {missing[0]}", file=sys.stderr)
        return 2

    from contested.gazetteer import Gazetteer
    from contested.nlp import load_nlp

    items = read_items(args.corpus)
    nlp, gaz = load_nlp(), Gazetteer.load()
    writers = sorted({it.get("writer", "?") for it in items})
    total: Counter = Counter()
    missed: Counter = Counter()
    by_cause: dict[str, Counter] = defaultdict(Counter)
    by_type: dict[str, Counter] = defaultdict(Counter)  # type -> writer -> misses
    type_total: Counter = Counter()
    not_events: Counter = Counter()
    stored: Counter = Counter()
    rejected_reasons: Counter = Counter()
    shown: list[str] = []
    outcomes = []
    for it in items:
        w = it.get("writer", "?")
        events, cause, found = run_item(nlp, gaz, it["text"], args.published)
        read = args.writers is not None and w in args.writers
        if it.get("event"):
            total[w] += 1
            type_total[it["type"]] += 1
            if cause is not None:
                missed[w] += 1
                by_cause[w][cause] += 1
                by_type[it["type"]][w] += 1
                if read:
                    rejected_reasons.update(r.split(":")[0].split(" (")[0] for _, _, r in found)
                    shown.append(f"  [{w} {cause}] {it['type']}{'/' + it['detail'] if it.get('detail') else ''}: "
                                 f"{it['text']}\n      triggers: {found}")
        else:
            not_events[w] += 1
            if events:
                stored[w] += 1
                if read:
                    shown.append(f"  [{w} stored not-event {it.get('reason')}] -> "
                                 f"{', '.join(e.type for e in events)}: {it['text']}")
        outcomes.append({"writer": w, "event": bool(it.get("event")), "type": it.get("type"),
                         "cause": cause, "types": [e.type for e in events], "text": it["text"]})

    print("event items that give no event, per writer (misses / items; causes):")
    for w in writers:
        if total[w]:
            causes = ", ".join(f"{c} {by_cause[w][c]}" for c in CAUSES)
            print(f"  {w}: {missed[w]:4d} / {total[w]:4d}  recall {1 - missed[w] / total[w]:.3f}   ({causes})")
    all_missed, all_total = sum(missed.values()), sum(total.values())
    if all_total:
        print(f"  all: {all_missed:4d} / {all_total:4d}  recall {1 - all_missed / all_total:.3f}")
    print("not-event items that give an event (stored), per writer:")
    for w in writers:
        if not_events[w]:
            print(f"  {w}: {stored[w]:4d} / {not_events[w]:4d}")
    print(f"  all: {sum(stored.values()):4d} / {sum(not_events.values()):4d}")
    print("misses per type (all writers; then per writer):")
    for t, _ in sorted(type_total.items(), key=lambda kv: -sum(by_type[kv[0]].values())):
        per = " ".join(f"{w}{by_type[t][w]}" for w in writers if by_type[t][w])
        print(f"  {sum(by_type[t].values()):4d} / {type_total[t]:4d}  {t:32s} {per}")
    if args.writers:
        print(f"clause-rule reasons among the triggers of the misses of {' '.join(args.writers)}:")
        for r, n in rejected_reasons.most_common(15):
            print(f"  {n:4d}  {r}")
    if args.misses and shown:
        print(f"misses and stored not-events of {' '.join(args.writers or [])} (first {args.misses} of {len(shown)}):")
        print("\n".join(shown[: args.misses]))
    if args.json:
        args.json.write_text(json.dumps({"missed": dict(missed), "total": dict(total), "stored": dict(stored),
                                         "not_events": dict(not_events), "causes": {w: dict(c) for w, c in by_cause.items()},
                                         "items": outcomes}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
