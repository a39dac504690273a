"""Who says so, measured on real news with every attribution annotated: PolNeAR (Newell, Margolin and Ruths,
LREC 2018), read in place from ../shared/data/news_polnear_attribution (never copied).

    python eval/polnear_eval.py                  # dev/ (84; its wrong sources were looked at for issue 7)
    python eval/polnear_eval.py --split train --every 4     # the part the rules were developed on (210)
    python eval/polnear_eval.py --split train --every 4 --offset 2   # a part of train never looked at
    python eval/polnear_eval.py --show 20        # and print 20 wrong sources (to the terminal only)

Each article is parsed with contested's spaCy pipeline and ``contested.attribution.find_relations`` is run
on every sentence. Each relation contested finds has a cue, a source (the speaker: the last link of its
chain) and a content. Matching, as defined here:

- an extracted relation is *matched* to the annotated relation whose cue span overlaps its cue span (any
  character in common); where no annotated cue overlaps, to the annotated relation whose content overlaps its
  content the most; where neither, it is unmatched;
- its source is *right* when the head token of contested's source phrase (the syntactic head from the parse)
  lies inside the annotated Source span of the relation it is matched to. A pronoun is judged as written
  ("he" is right where the annotators marked "he");
- **source precision** = relations with a right source / relations contested attaches a source to (matched
  or not: an attribution the annotators did not mark counts as wrong). Relations with no source (the outlet's
  own "could not be verified") are not counted. **matched precision** is the same over matched relations only;
- PolNeAR is univocal (a token is in at most one attribution): a statement reported inside another's content
  ("Clinton says many doubted her") or inside a quotation ("'I think we will win,' he said") is part of the
  outer content and is never marked. Relations contested finds inside the content of another relation it
  finds in the same sentence, or inside quotation marks, are therefore *nested* and left out of **source
  precision** (they are counted, and **source precision (all)** counts them too, as right only where an
  annotated cue overlaps theirs and the source matches);
- **source recall** = annotated relations (with a Source) that some extracted relation is matched to with a
  right source / all annotated relations with a Source. PolNeAR marks every attribution, including thoughts,
  wishes and descriptions ("he thinks", "she wants", "mocked"), which contested does not try to find; recall is
  also given over annotated relations whose cue contains a verb of saying, denying or doubting (``speech``);
- **stance**: PolNeAR does not label stance; where the annotated cue decides it (a verb of denying -> denies;
  doubting or an unconfirmed verification -> doubts; any other cue -> asserts, with the word lists below, kept
  apart from contested's), contested's stance of each matched relation with a right source is compared with
  it: accuracy, and precision/recall of denies and doubts.

Articles annotated by several annotators are scored against one annotation (the first file in name order).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CONTESTED_SHARED", REPO.parent / "shared"))
POLNEAR = SHARED / "data" / "news_polnear_attribution"

# The stance a cue decides, for scoring only (independent of contested's data/attribution.json).
_GOLD_DENY = re.compile(r"\b(den(y|ies|ied|ying|ial)|reject\w*|dismiss\w*|refut\w*|rebut\w*)\b", re.IGNORECASE)
_GOLD_DOUBT = re.compile(
    r"\b(doubt\w*|question(ed|s|ing)|disput\w*|skeptic\w*|sceptic\w*|"
    r"(not|n't|unable to|declined to|refused to)\s+(\w+\s+)?(confirm|verify|corroborate)\w*)\b",
    re.IGNORECASE,
)
_GOLD_SPEECH = re.compile(
    r"\b(sa(y|ys|id|ying)|t(ell|ells|old|elling)|according|confirm\w*|report\w*|add(s|ed|ing)?|stat(e|es|ed|ing)|"
    r"claim\w*|announc\w*|not(e|es|ed|ing)|declar\w*|wr(ite|ites|ote|itten|iting)|tweet\w*|post(s|ed|ing)?|"
    r"insist\w*|alleg\w*|inform\w*|assert\w*|acknowledg\w*|warn\w*|explain\w*|argu\w*|quot\w*|show\w*|"
    r"reveal\w*|testif\w*|maintain\w*|stress\w*|admit\w*|den(y|ies|ied|ying)|reject\w*|dismiss\w*|refut\w*|"
    r"doubt\w*|question\w*|disput\w*|repl(y|ied|ies)|respond\w*)\b",
    re.IGNORECASE,
)


@dataclass
class Gold:
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]
    cue_text: str


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for part in field.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path) -> list[Gold]:
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    rels = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            if "\t" not in line:
                continue  # a line of a span's text broken by a newline inside it
            tid, meta, text = (line.split("\t") + [""])[:3]
            kind, rest = meta.split(" ", 1)
            spans[tid] = (kind, _spans(rest), text)
        elif line.startswith("E"):
            args = dict(a.split(":", 1) for a in line.split("\t")[1].split() if ":" in a)
            rels.append(args)
    out = []
    for args in rels:
        def get(role: str, args=args) -> tuple[list[tuple[int, int]], str]:
            tid = args.get(role)
            return (spans[tid][1], spans[tid][2]) if tid in spans else ([], "")

        src, _ = get("Source")
        cue, cue_text = get("Cue")
        content, _ = get("Content")
        out.append(Gold(src, cue, content, cue_text))
    return out


def articles(split: str) -> list[tuple[str, Path, Path]]:
    base = POLNEAR / split
    if not base.is_dir():
        sys.exit(f"PolNeAR is not at {base} (set CONTESTED_SHARED to the folder that holds data/)")
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)  # the first annotator in name order
    out = []
    for txt in sorted((base / "text").glob("*.txt")):
        if txt.stem in anns:
            out.append((txt.stem, txt, anns[txt.stem]))
    return out


def _overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], e) - max(a[0], s)) for s, e in spans)


def _inside(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= a[0] and a[1] <= e for s, e in spans)


def _head_span(sdoc, rel) -> tuple[int, int]:
    """The syntactic head of contested's source phrase, as a character span."""
    span = sdoc.char_span(rel.source_span[0], rel.source_span[1], alignment_mode="expand")
    if span is None or not len(span):
        return rel.source_span
    head = span.root
    return head.idx, head.idx + len(head.text)


def gold_stance(cue_text: str) -> str:
    if _GOLD_DENY.search(cue_text):
        return "denies"
    if _GOLD_DOUBT.search(cue_text):
        return "doubts"
    return "asserts"


def evaluate(split: str, limit: int | None, show: int, every: int = 1, offset: int = 0) -> dict:
    from contested.attribution import _outer, _quoted, find_relations
    from contested.nlp import load_nlp

    nlp = load_nlp()
    items = articles(split)[offset::every]
    if limit:
        items = items[:limit]
    texts = [(p.read_text(encoding="utf-8"), (name, ann)) for name, p, ann in items]
    n = Counter()
    stance_pairs = Counter()
    wrong: list[str] = []
    t0 = time.perf_counter()
    words = 0
    for sdoc, (_name, ann) in nlp.pipe(texts, as_tuples=True, batch_size=16):
        gold = read_ann(ann)
        words += len(sdoc)
        with_source = [g for g in gold if g.source]
        n["gold"] += len(with_source)
        n["gold_speech"] += sum(1 for g in with_source if _GOLD_SPEECH.search(g.cue_text))
        found: set[int] = set()
        for sent in sdoc.sents:
            relations = find_relations(sent)
            for rel in relations:
                if rel.source_span is None:
                    continue
                nested = _outer(rel, relations) is not None or _quoted(sent, rel.cue_span[0])
                n["extracted_all"] += 1
                if nested:
                    # Inside the content of another relation found in the sentence, or inside a quotation: PolNeAR
                    # is univocal (a token is in one attribution at most), so it marks the quote's speaker as the
                    # source of all of it and cannot mark these; scored apart.
                    n["nested"] += 1
                    g_cands = [g for g in gold if rel.cue_span and _overlap(rel.cue_span, g.cue)]
                    if g_cands and _inside(_head_span(sdoc, rel), g_cands[0].source):
                        n["nested_right"] += 1
                    continue
                n["extracted"] += 1
                match = None
                if rel.cue_span is not None:
                    cands = [i for i, g in enumerate(gold) if _overlap(rel.cue_span, g.cue)]
                    match = cands[0] if cands else None
                if match is None and rel.content_span is not None:
                    best = max(range(len(gold)), key=lambda i: _overlap(rel.content_span, gold[i].content),
                               default=None)
                    if best is not None and _overlap(rel.content_span, gold[best].content):
                        match = best
                head_span = _head_span(sdoc, rel)
                head = sdoc.text[head_span[0]: head_span[1]]
                if match is None:
                    if len(wrong) < show:
                        wrong.append(f"UNMATCHED [{rel.attributed_to}] cue={rel.cue!r}: {sent.text.strip()[:300]}")
                    continue
                n["matched"] += 1
                g = gold[match]
                if _inside(head_span, g.source):
                    n["right"] += 1
                    if match not in found:
                        found.add(match)
                        n["found"] += 1
                        n["found_speech"] += 1 if _GOLD_SPEECH.search(g.cue_text) else 0
                    stance_pairs[(gold_stance(g.cue_text), rel.stance)] += 1
                elif len(wrong) < show:
                    gsrc = " | ".join(sdoc.text[s:e] for s, e in g.source)
                    wrong.append(f"WRONG [{rel.attributed_to}] (head {head}) vs gold [{gsrc}] cue={rel.cue!r}: "
                                 f"{sent.text.strip()[:300]}")
    elapsed = time.perf_counter() - t0
    total = sum(stance_pairs.values())
    agree = sum(v for (g, p), v in stance_pairs.items() if g == p)

    def pr(label: str) -> tuple[float | None, float | None, int]:
        tp = stance_pairs[(label, label)]
        pred = sum(v for (g, p), v in stance_pairs.items() if p == label)
        gold_n = sum(v for (g, p), v in stance_pairs.items() if g == label)
        return (tp / pred if pred else None, tp / gold_n if gold_n else None, gold_n)

    return {
        "split": split,
        "articles": len(items),
        "tokens": words,
        "seconds": round(elapsed, 1),
        "extracted_with_source": n["extracted_all"],
        "nested_not_scored": n["nested"],
        "nested_with_annotated_cue_and_right_source": n["nested_right"],
        "source_precision_all": ((n["right"] + n["nested_right"]) / n["extracted_all"]
                                 if n["extracted_all"] else None),
        "top_level": n["extracted"],
        "matched": n["matched"],
        "source_precision": n["right"] / n["extracted"] if n["extracted"] else None,
        "matched_precision": n["right"] / n["matched"] if n["matched"] else None,
        "gold_with_source": n["gold"],
        "source_recall": n["found"] / n["gold"] if n["gold"] else None,
        "gold_speech": n["gold_speech"],
        "source_recall_speech": n["found_speech"] / n["gold_speech"] if n["gold_speech"] else None,
        "stance_pairs": total,
        "stance_accuracy": agree / total if total else None,
        "denies_precision_recall_n": pr("denies"),
        "doubts_precision_recall_n": pr("doubts"),
        "stance_confusion": {f"{g}->{p}": v for (g, p), v in sorted(stance_pairs.items())},
        "examples": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="dev", choices=("train", "dev"))
    ap.add_argument("--limit", type=int, default=None, help="the first N articles (after --every)")
    ap.add_argument("--every", type=int, default=1, help="every K-th article")
    ap.add_argument("--offset", type=int, default=0, help="starting from the N-th article (with --every)")
    ap.add_argument("--show", type=int, default=0, help="print N wrong or unmatched sources")
    args = ap.parse_args(argv)
    res = evaluate(args.split, args.limit, args.show, args.every, args.offset)
    for ex in res.pop("examples"):
        print(ex)
    for k, v in res.items():
        if isinstance(v, float):
            v = f"{v:.3f}"
        elif isinstance(v, tuple):
            v = tuple(f"{x:.3f}" if isinstance(x, float) else x for x in v)
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
