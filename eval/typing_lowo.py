"""How the default type model generalises to a new way of writing: leave one writer out.

    python eval/typing_lowo.py                         # the shipped settings, template corpus in training
    python eval/typing_lowo.py --labels sub --char 0 0 --c 4 --no-template

The corpus the project wrote for typing (src/contested/data/typing_writers.jsonl, one ``writer`` per passage, and
the template corpus typing_corpus.jsonl as writer "T") is split by writer: for each writer of the writers' corpus
the model is trained on every other writer (and, unless --no-template, the templates) and scored on the held-out
writer's event passages. Printed per writer and over all held-out passages together: accuracy and weighted F1 of
the ACLED sub-event type and of the taxonomy label (the type with the detail that chooses its sub-event type, as
``CorpusItem.label``). A model of sub-event types names a taxonomy label through ``type_for_sub_event`` (which
cannot tell a retreat from a withdrawal); a model of labels names a sub-event type through the taxonomy.

Model settings are chosen on these figures alone, never on ACLED notes or news gold sets. Training needs
scikit-learn; the held-out passages are scored by the numpy code that applies the shipped model.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from contested import typing_model as tm


def splits(items: list[tm.CorpusItem], with_template: bool = True, labels: str = "sub") -> list[
        tuple[str, list[tm.CorpusItem], list[tm.CorpusItem]]]:
    """(held-out writer, training events, held-out events) for each writer other than the template one. Only event
    passages take part; the template writer is only ever trained on (``with_template``; see
    ``typing_model.training_items``), never held out."""
    events = [it for it in items if it.event]
    writers = sorted({it.writer for it in events} - {tm.TEMPLATE_WRITER})
    out = []
    for held in writers:
        train = tm.training_items([it for it in events if it.writer != held], labels, with_template)
        test = [it for it in events if it.writer == held]
        out.append((held, train, test))
    return out


def target(item: tm.CorpusItem, labels: str) -> str:
    return item.label if labels == "taxonomy" else item.sub_event_type  # type: ignore[return-value]


def predicted_pair(model: tm.TypeModel, text: str, labels: str) -> tuple[str, str]:
    """(sub-event type, taxonomy label) the model names for a text."""
    guess = model.predict_label(text).sub_event_type
    if labels == "taxonomy":
        return tm.label_sub_event_type(guess), guess
    mapped = tm.type_for_sub_event(guess)
    etype, detail = mapped if mapped else ("other", None)
    return guess, tm.CorpusItem("", "", True, guess, etype, detail).label or etype


def score(gold: list[str], pred: list[str]) -> tuple[float, float]:
    from contested.evaluate import weighted_f1

    f1, _ = weighted_f1(gold, pred)
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold)), f1


def run(items: list[tm.CorpusItem], settings: tm.TrainSettings, labels: str = "sub", with_template: bool = True,
        confusion: int = 0) -> dict:
    results: dict[str, dict] = {}
    pooled: dict[str, list[str]] = {"sub": [], "sub_pred": [], "label": [], "label_pred": []}
    pairs: Counter = Counter()
    for held, train, test in splits(items, with_template, labels):
        with tempfile.TemporaryDirectory() as tmp:
            tm.train([it.text for it in train], [target(it, labels) for it in train], tmp, settings,
                     label_kind=labels)
            model = tm.TypeModel(tmp)
            guesses = [predicted_pair(model, it.text, labels) for it in test]
        subs, labs = [it.sub_event_type or "" for it in test], [it.label or "" for it in test]
        sub_pred, lab_pred = [g[0] for g in guesses], [g[1] for g in guesses]
        pooled["sub"] += subs
        pooled["sub_pred"] += sub_pred
        pooled["label"] += labs
        pooled["label_pred"] += lab_pred
        pairs.update((g, p) for g, p in zip(labs, lab_pred, strict=True) if g != p)
        hard = [i for i, it in enumerate(test) if it.hard]
        results[held] = {"n": len(test), "train": len(train), "sub": score(subs, sub_pred),
                         "label": score(labs, lab_pred),
                         "sub_hard": score([subs[i] for i in hard], [sub_pred[i] for i in hard])}
    results["all"] = {"n": len(pooled["sub"]), "sub": score(pooled["sub"], pooled["sub_pred"]),
                      "label": score(pooled["label"], pooled["label_pred"])}
    results["_confusion"] = pairs.most_common(confusion)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=tm.DATA_DIR, help="folder with typing_corpus.jsonl and "
                    "typing_writers.jsonl")
    ap.add_argument("--writers", type=Path, default=None, help="another writers' corpus file")
    ap.add_argument("--labels", choices=("sub", "taxonomy"), default=None,
                    help="what the model learns (default: as the shipped model)")
    ap.add_argument("--no-template", action="store_true", help="leave the template corpus out of training")
    ap.add_argument("--ngram-max", type=int, default=None)
    ap.add_argument("--char", type=int, nargs=2, default=None, metavar=("MIN", "MAX"))
    ap.add_argument("--c", type=float, default=None)
    ap.add_argument("--min-df", type=int, default=None)
    ap.add_argument("--digits", choices=("on", "off"), default=None)
    ap.add_argument("--class-weight", choices=("balanced", "none"), default=None)
    ap.add_argument("--confusion", type=int, default=0, help="the most frequent (gold, predicted) label pairs")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    items = tm.read_items(args.data / tm.CORPUS_FILE, writer=tm.TEMPLATE_WRITER)
    writers_file = args.writers or args.data / tm.WRITERS_FILE
    if not writers_file.exists():
        print(f"{writers_file}: not found; nothing to leave out", file=sys.stderr)
        return 2
    items += tm.read_items(writers_file)
    s = tm.DEFAULT_TRAIN
    if args.ngram_max is not None:
        s = replace(s, ngram_max=args.ngram_max)
    if args.char is not None:
        s = replace(s, char_min=args.char[0], char_max=args.char[1])
    if args.c is not None:
        s = replace(s, c=args.c)
    if args.min_df is not None:
        s = replace(s, min_df=args.min_df)
    if args.digits is not None:
        s = replace(s, digits=args.digits == "on")
    if args.class_weight is not None:
        s = replace(s, class_weight=None if args.class_weight == "none" else "balanced")
    labels = args.labels or tm.DEFAULT_LABELS
    with_template = False if args.no_template else tm.DEFAULT_WITH_TEMPLATE
    res = run(items, s, labels, with_template, args.confusion)
    if args.json:
        print(json.dumps(res))
        return 0
    print(f"labels={labels} template={'on' if with_template else 'off'} {s}")
    for held, r in res.items():
        if held.startswith("_"):
            continue
        extra = f" hard: acc={r['sub_hard'][0]:.3f} f1={r['sub_hard'][1]:.3f}" if "sub_hard" in r else ""
        print(f"  {held:4s} n={r['n']:4d} sub: acc={r['sub'][0]:.3f} f1={r['sub'][1]:.3f}   "
              f"type: acc={r['label'][0]:.3f} f1={r['label'][1]:.3f}{extra}")
    for (g, p), n in res["_confusion"]:
        print(f"    {n:4d}  {g:34s} -> {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
