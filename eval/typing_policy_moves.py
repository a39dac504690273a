"""Choose the default type model's moves (data/typing_policy.json ``moves``) from two kinds of held-out evidence.

    python eval/typing_policy_moves.py                 # print each move's wins and losses and the moves kept
    python eval/typing_policy_moves.py --write         # and write them into src/contested/data/typing_policy.json

The rules run once (the default model off) on (1) the writers' corpus (data/typing_writers.jsonl: each passage's
first event) and (2) the ACLED notes of the tune half of eval/typing_eval.py, sub-halves A and B (each note's first
event). For every event the model may then move from the rules' taxonomy label to a likelier one (``ratio``,
``min_probability`` and the actor bars of the policy); a move wins where it gives the gold label (the writers) or the
gold sub-event type (ACLED), and loses where the rules had it right. A writer's passages are read by a model trained
without that writer (eval/typing_lowo.py's folds); ACLED notes by the model trained on all writers. A move (rules'
label -> model's label) is kept where a gain is shown (three quarters of the writers gain, by at least four passages
together, or both ACLED sub-halves gain) and neither the writers together nor the ACLED tune half together lose by
it (``keep_move``); a move of the policy in place stays unless contradicted, and the policy's ``barred_moves`` are
never kept. With ``--outright`` the model decides outright from a rules' label (its moves ``["*"]``,
``keep_outright``) where the sum of all its moves gains for more than half of the writers and on the ACLED check
sub-half B, and loses on neither sub-half (not shipped: it undoes what the rules know of the actors). Only the tune
half is read; the report half and the news gold sets are never used to choose moves (they
showed why the barred ones are barred).

Needs scikit-learn and ../shared/data (the ACLED sample); without it, the writers alone decide (three quarters of them).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

from contested import typing_model as tm  # noqa: E402

WRITER_SPLITS = ("A", "B", "C", "D")  # the writers a move is scored on where none are named (the first four)
MIN_WRITER_GAIN = 4  # one passage more per writer is what a single odd passage gives: not enough


def rules_first_events(texts: list[tuple[str, str | None]]) -> list[dict | None]:
    """For each (text, coded date): its first event as the rules alone type it, with the sentence and the paragraph
    text the default model reads; None where no event is found."""
    from contested.evaluate import coded_document
    from contested.pipeline import extract_documents
    from contested.stages import assemble

    seen: dict[str, dict] = {}

    def record(ev, text, model, threshold, context=None):
        seen[ev.id] = {"label": tm.taxonomy_label(ev.type, ev.detail), "sub": ev.acled_sub_event_type,
                       "actors": [(a.role, a.kind) for a in ev.actors], "trigger": ev.trigger, "text": text,
                       "context": context}

    keep, env = assemble.retype, os.environ.get(tm.DEFAULT_ENV)
    assemble.retype, os.environ[tm.DEFAULT_ENV] = record, "on"  # the paragraph is only gathered for a model
    try:
        docs = [coded_document(t, when) for t, when in texts]
        got = {doc.doc_id: evs for doc, evs in extract_documents(docs)}
    finally:
        assemble.retype = keep
        if env is None:
            os.environ.pop(tm.DEFAULT_ENV, None)
        else:
            os.environ[tm.DEFAULT_ENV] = env
    return [seen.get(got[d.doc_id][0].id) if got.get(d.doc_id) else None for d in docs]


def moved_label(first: dict, model: tm.TypeModel, labels: list[str], settings: tm.DefaultTypingSettings) -> str:
    """The label the default model's retyping gives the event where any move were allowed."""
    from contested.taxonomy import acled_type

    etype, _, detail = first["label"].partition("/")
    acled = acled_type(etype, detail or None)
    event = SimpleNamespace(type=etype, detail=detail or None, acled_sub_event_type=acled.sub_event_type,
                            acled_event_type=acled.event_type, trigger=first["trigger"], flags=[],
                            actors=[SimpleNamespace(role=r, kind=k) for r, k in first["actors"]])
    model.is_default = True
    tm.retype(event, first["text"], model, 0.0, context=first["context"],
              settings=replace(settings, moves={first["label"]: tuple(labels)}))
    return tm.taxonomy_label(event.type, event.detail)


def count_moves(cases: list[tuple[str, dict, str, tm.TypeModel]], settings: tm.DefaultTypingSettings,
                by_sub: set[str]) -> dict[tuple[str, str], dict[str, list[int]]]:
    """Wins and losses of each (rules' label, model's label) move per split. ``cases``: (split, first event, gold
    label or sub-event type, model); splits in ``by_sub`` are scored on the ACLED sub-event type."""
    table: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for split, first, gold, model in cases:
        after = moved_label(first, model, model.labels, settings)
        before = first["label"]
        if after == before:
            continue
        if split in by_sub:
            new, old = tm.label_sub_event_type(after), first["sub"]
            if new == old:
                continue
        else:
            new, old = after, before
        if gold == new:
            table[(before, after)][split][0] += 1
        elif gold == old:
            table[(before, after)][split][1] += 1
    return table


def keep_move(splits: dict[str, list[int]], acled: tuple[str, ...] = ("tune:A", "tune:B"),
              previous: bool = False, writers: tuple[str, ...] = WRITER_SPLITS) -> bool:
    """A gain shown (three quarters of the writers gain, three of four, five of six, by at least
    ``MIN_WRITER_GAIN`` passages together, or both ACLED sub-halves gain) and contradicted by neither kind of
    evidence (the writers together do not lose more than one passage, the ACLED tune half together does not lose).
    A move of the policy in place
    (``previous``) stays unless contradicted (by more than one note on the ACLED tune half: one note is what a
    single odd note gives, as one passage is for the writers)."""
    def net(names) -> int:
        return sum(splits.get(s, [0, 0])[0] - splits.get(s, [0, 0])[1] for s in names)

    writers_gaining = sum(net([w]) > 0 for w in writers)
    shown = previous or (writers_gaining >= math.ceil(0.75 * len(writers)) and net(writers) >= MIN_WRITER_GAIN) or (
        bool(acled) and all(net([s]) > 0 for s in acled))
    # one passage lost is what a single odd passage gives: no more a contradiction than one gained is a gain; the
    # same of one ACLED note against a move in place
    return shown and net(writers) >= -1 and net(acled) >= (-1 if previous else 0)


def keep_outright(splits: dict[str, int], acled: tuple[str, ...] = ("tune:A", "tune:B"),
                  writers: tuple[str, ...] = WRITER_SPLITS) -> bool:
    """Whether the model may decide outright (any move, ``tm.ANY``) from a rules' label, given the net gain of every
    move from it per split (``splits``): more than half of the writers gain, by at least ``MIN_WRITER_GAIN`` passages
    together, and the ACLED check sub-half (the last of ``acled``, whose errors are never read) gains while no
    ACLED sub-half loses. Without ACLED notes the writers alone decide."""
    gaining = sum(splits.get(w, 0) > 0 for w in writers)
    shown = gaining > len(writers) / 2 and sum(splits.get(w, 0) for w in writers) >= MIN_WRITER_GAIN
    if not acled:
        return shown
    return shown and splits.get(acled[-1], 0) > 0 and all(splits.get(s, 0) >= 0 for s in acled)


def outright_nets(table: dict[tuple[str, str], dict[str, list[int]]], barred: set[tuple[str, str]]) -> dict[
        str, dict[str, int]]:
    """Per rules' label, the net gain per split of all its moves (the barred ones left out)."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for (src, dst), splits in table.items():
        if (src, dst) in barred:
            continue
        for split, (won, lost) in splits.items():
            out[src][split] += won - lost
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--outright", action="store_true",
                    help="let the model decide outright (moves [\"*\"]) from the rules' labels keep_outright picks "
                         "(tried on ten writers and not shipped: the rules' knowledge of actors is lost, see README)")
    args = ap.parse_args(argv)
    import typing_eval
    import typing_lowo

    settings = tm._policy()
    items = tm.corpus_items()
    writer_events = [it for it in tm.read_items(tm.DATA_DIR / tm.WRITERS_FILE) if it.event]
    writers = tuple(sorted({it.writer for it in writer_events}))
    firsts = rules_first_events([(it.text, None) for it in writer_events])
    cases: list[tuple[str, dict, str, tm.TypeModel]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for held, train, _ in typing_lowo.splits(items, tm.DEFAULT_WITH_TEMPLATE, tm.DEFAULT_LABELS):
            tm.train([it.text for it in train], [typing_lowo.target(it, tm.DEFAULT_LABELS) for it in train],
                     Path(tmp) / held, tm.DEFAULT_TRAIN, label_kind=tm.DEFAULT_LABELS)
            model = tm.TypeModel(Path(tmp) / held)
            cases += [(held, f, it.label or "", model) for it, f in zip(writer_events, firsts, strict=True)
                      if it.writer == held and f is not None]
        acled: tuple[str, ...] = ()
        if typing_eval.DEFAULT_FILE.exists():
            full = tm.default_model()
            rows = [r for r in typing_eval.read_rows(typing_eval.DEFAULT_FILE) if typing_eval.half(r[3]) == "tune"]
            notes = rules_first_events([(r[0], r[2]) for r in rows])
            for r, f in zip(rows, notes, strict=True):
                if f is not None:
                    cases.append((f"tune:{typing_eval.sub_half(r[3])}", f, r[1], full))
            acled = ("tune:A", "tune:B")
        table = count_moves(cases, settings, set(acled))
    moves: dict[str, list[str]] = {}
    barred = {tuple(pair) for pair in json.loads((tm.DATA_DIR / tm.POLICY_FILE).read_text(encoding="utf-8")).get(
        "barred_moves", [])}
    for (src, dst), splits in sorted(table.items(), key=lambda kv: -sum(w - lo for w, lo in kv[1].values())):
        kept = (src, dst) not in barred and keep_move(splits, acled, previous=dst in settings.moves.get(src, ()),
                                                      writers=writers)
        if kept:
            moves.setdefault(src, []).append(dst)
        shown = " ".join(f"{s}:+{v[0]}-{v[1]}" for s, v in sorted(splits.items()) if v != [0, 0])
        if kept or sum(w + lo for w, lo in splits.values()) >= 3:
            print(f"{'*' if kept else ' '} {src:32s} -> {dst:32s} {shown}")
    for src, nets in sorted(outright_nets(table, barred).items()) if args.outright else ():
        if keep_outright(nets, acled, writers):
            moves[src] = [tm.ANY]
        shown = " ".join(f"{s}:{v:+d}" for s, v in sorted(nets.items()) if v)
        print(f"{'*' if moves.get(src) == [tm.ANY] else ' '} {src:32s} -> (any) {shown}")
    print(json.dumps(moves, indent=1))
    if args.write:
        path = tm.DATA_DIR / tm.POLICY_FILE
        data = json.loads(path.read_text(encoding="utf-8"))
        data["moves"] = {k: sorted(v) for k, v in sorted(moves.items())}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
