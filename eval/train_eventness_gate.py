"""Train the learned event-or-not gate (``contested.stages.gate``) and measure it, leave one set out.

Training data, all written by the project (illustrative; never ``../shared/data``):
- the gold articles ``tests/fixtures/news_gold_*_illustrative.jsonl`` and the training corpora
  ``src/contested/data/eventness_corpus/*.jsonl``: every draft the clause rules let through (gate off) is
  labelled by its sentence: positive where the sentence holds a mention of a gold event (the rule
  ``evaluate.match_article`` matches stored events by), else negative. A second draft of a sentence that tells
  one gold event (a duplicate) is labelled positive too: the sentence does tell an event; one event per
  happening is the dedup stage's work, not the gate's.
- ``src/contested/data/typing_corpus.jsonl``: one-line event notes, every draft positive (weight
  ``NOTE_WEIGHT``), so that short ACLED-like notes are kept.

Model: L2-regularised logistic regression (numpy, full-batch gradient descent, fixed iterations: the same
data give the same weights). Features seen at least ``MIN_COUNT`` times. The threshold is the one that
maximises the F1 of stored events summed over the leave-one-set-out folds (each set scored by a model
trained on the others), never picked on one set.

    python eval/train_eventness_gate.py            # CV figures, then writes src/contested/data/eventness_gate.json
    python eval/train_eventness_gate.py --no-write  # CV figures only
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "illustrative": ROOT / "tests/fixtures/news_gold_illustrative.jsonl",
    "unseen": ROOT / "tests/fixtures/news_gold_unseen_illustrative.jsonl",
    "blind3": ROOT / "tests/fixtures/news_gold_blind3_illustrative.jsonl",
    "blind4": ROOT / "tests/fixtures/news_gold_blind4_illustrative.jsonl",
    "blind5": ROOT / "tests/fixtures/news_gold_blind5_illustrative.jsonl",
    "train_t1": ROOT / "src/contested/data/eventness_corpus/eventness_train_t1_illustrative.jsonl",
    "train_t2": ROOT / "src/contested/data/eventness_corpus/eventness_train_t2_illustrative.jsonl",
}
NOTES = ROOT / "src/contested/data/typing_corpus.jsonl"
OUT = ROOT / "src/contested/data/eventness_gate.json"
NOTE_WEIGHT = 0.3
MIN_COUNT = 2
L2 = 1e-3
ITERATIONS = 400
LEARNING_RATE = 0.5
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 15)]


def _records(texts: list[tuple[str, str | None]]):
    """For each text: (recorded drafts [(sent_start, sent_end, trigger_start, features)], events with gate off)."""
    os.environ["CONTESTED_GATE"] = "0"
    from contested.pipeline import extract_documents, make_document
    from contested.stages.gate import recording

    current: list = []
    out = []
    with recording(lambda d, s, f: current.append((s.start, s.end, d.trigger.start, f))):
        for _doc, events in extract_documents([make_document(t, p) for t, p in texts]):
            out.append((list(current), events))
            current.clear()
    return out


def _spans(text: str, words: str) -> list[tuple[int, int]]:
    from contested.evaluate import _spans as spans

    return spans(text, words)


def collect(cache: Path | None = None) -> dict:
    """Per set: articles with their drafts (labelled) and gate-off events; and the notes' drafts."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from contested.evaluate import read_gold

    data: dict = {"sets": {}, "notes": []}
    for name, path in SETS.items():
        articles = read_gold(path)
        results = _records([(a["text"], a.get("published")) for a in articles])
        rows = []
        for a, (drafts, events) in zip(articles, results, strict=True):
            mentions = [s for g in a.get("events", []) for m in g.get("mentions", []) for s in _spans(a["text"], m)]
            labelled = [(ss, ts, f, int(any(ss <= ms < se or ms <= ss < me for ms, me in mentions)))
                        for ss, se, ts, f in drafts]
            rows.append({"article": a, "drafts": labelled, "events": events})
        data["sets"][name] = rows
        print(f"{name}: {len(rows)} articles, {sum(len(r['drafts']) for r in rows)} drafts", file=sys.stderr)
    notes = [json.loads(line) for line in NOTES.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    for drafts, _events in _records([(n["text"], None) for n in notes]):
        data["notes"].extend(f for _ss, _se, _ts, f in drafts)
    print(f"notes: {len(notes)} notes, {len(data['notes'])} drafts", file=sys.stderr)
    if cache is not None:
        cache.write_bytes(pickle.dumps(data))
    return data


def train(examples: list[tuple[dict[str, float], int, float]]) -> dict[str, float]:
    """Weights by feature name from (features, label, weight); deterministic."""
    counts = Counter(k for f, _y, _w in examples for k in f)
    vocab = sorted(k for k, c in counts.items() if c >= MIN_COUNT or k == "bias")
    index = {k: i for i, k in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)), dtype=np.float64)
    for r, (f, _y, _w) in enumerate(examples):
        for k, v in f.items():
            if k in index:
                x[r, index[k]] = v
    y = np.array([e[1] for e in examples], dtype=np.float64)
    w = np.array([e[2] for e in examples], dtype=np.float64)
    w /= w.sum()  # the classes as they come: no rebalancing (the prior of a draft the rules let through)
    beta = np.zeros(len(vocab))
    reg = np.full(len(vocab), L2)
    reg[index["bias"]] = 0.0
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w * (p - y)) + reg * beta
        beta -= LEARNING_RATE * grad * 8.0
    return {k: float(beta[i]) for k, i in index.items() if abs(beta[i]) > 1e-4 or k == "bias"}


def examples_of(data: dict, names: list[str]) -> list[tuple[dict[str, float], int, float]]:
    out = [(f, y, 1.0) for n in names for row in data["sets"][n] for _ss, _ts, f, y in row["drafts"]]
    out += [(f, 1, NOTE_WEIGHT) for f in data["notes"]]
    return out


def gated_events(row: dict, model, threshold: float):
    """The gate-off events of an article with the claims of the drafts the gate drops taken out (an
    approximation of a run with the gate on: the discourse state is not rebuilt)."""
    dropped = {ts for _ss, ts, f, _y in row["drafts"] if model.score(f) < threshold}
    out = []
    for ev in row["events"]:
        keep = [i for i, e in enumerate(ev.evidence)
                if not (e.marks.get("type") and e.marks["type"][0][0] in dropped)]
        if len(keep) == len(ev.claims):
            out.append(ev)
        elif keep:
            ev2 = type(ev)(**{s: getattr(ev, s) for s in ev.__slots__})
            ev2.claims = [ev.claims[i] for i in keep if i < len(ev.claims)]
            ev2.evidence = [ev.evidence[i] for i in keep]
            out.append(ev2)
    return out


def score_rows(rows: list[dict], model, threshold: float | None) -> Counter:
    from contested.evaluate import match_article

    c = Counter()
    for row in rows:
        events = row["events"] if threshold is None else gated_events(row, model, threshold)
        m = match_article(row["article"], events)
        c["stored"] += m["stored"]
        c["gold"] += m["gold"]
        c["matched"] += m["matched"]
        c["detected"] += m["detected"]
    return c


def figures(c: Counter) -> dict[str, float]:
    def div(a, b):
        return round(a / b, 3) if b else 0.0

    p, r = div(c["matched"], c["stored"]), div(c["matched"], c["gold"])
    return {"P": p, "R": r, "F1": div(2 * p * r, p + r) if p + r else 0.0,
            "dP": div(c["detected"], c["stored"]), "dR": div(c["detected"], c["gold"]), "stored": c["stored"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the gate-off runs, to iterate faster")
    args = ap.parse_args()
    from contested.stages.gate import GateModel

    data = collect(args.cache)
    names = list(SETS)
    folds = {}
    for held in names:
        weights = train(examples_of(data, [n for n in names if n != held]))
        folds[held] = GateModel(weights, 0.5)
    totals = {t: Counter() for t in THRESHOLDS}
    base = Counter()
    for held, model in folds.items():
        base += score_rows(data["sets"][held], model, None)
        for t in THRESHOLDS:
            totals[t] += score_rows(data["sets"][held], model, t)
    best = max(THRESHOLDS, key=lambda t: (figures(totals[t])["F1"], -t))
    print(f"all sets, gate off: {figures(base)}")
    for t in THRESHOLDS:
        print(f"  threshold {t:.2f}: {figures(totals[t])}{'  <- chosen' if t == best else ''}")
    print(f"leave-one-set-out at threshold {best}:")
    for held, model in folds.items():
        off = figures(score_rows(data["sets"][held], model, None))
        on = figures(score_rows(data["sets"][held], model, best))
        print(f"  {held:13s} off P {off['P']:.3f} R {off['R']:.3f} dP {off['dP']:.3f} dR {off['dR']:.3f} "
              f"| on P {on['P']:.3f} R {on['R']:.3f} dP {on['dP']:.3f} dR {on['dR']:.3f} ({off['stored']}->{on['stored']})")
    if not args.no_write:
        weights = train(examples_of(data, names))
        about = ("Learned event-or-not gate (contested.stages.gate): logistic regression trained by "
                 "eval/train_eventness_gate.py on project-written text only: the gold articles "
                 "tests/fixtures/news_gold_{illustrative,unseen_illustrative,blind3,blind4,blind5}_illustrative.jsonl, "
                 "the training corpora data/eventness_corpus/ (t1, t2) and the one-line notes of "
                 f"data/typing_corpus.jsonl (all positive, weight {NOTE_WEIGHT}). Threshold {best}: the best F1 of "
                 "stored events over leave-one-set-out folds.")
        OUT.write_text(json.dumps(GateModel(weights, best, about).as_json(), indent=0, ensure_ascii=False) + "\n",
                       encoding="utf-8")
        print(f"wrote {OUT} ({len(weights)} weights, threshold {best})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
