#!/usr/bin/env python
"""Throughput benchmark: contested's extraction vs bare spaCy ``nlp.pipe`` on the same texts.

This is a benchmark, not a test. It prints

* words/second of bare ``nlp.pipe(texts, batch_size=32)``,
* words/second of ``contested.pipeline.extract_documents`` (spaCy + contested's own stages),
* their ratio (contested / bare; issue 6's target is >= 0.8),
* the peak RSS of the contested worker (target < 1024 MiB for 1,000 articles),
* the number of events extracted.

Each mode runs in its own fresh subprocess (``--worker bare|contested``), so model loading and memory are
separated cleanly. Loading the model, the gazetteer, compiling the trigger and actor matchers
(``contested.pipeline.warm_up``) and building the Documents are not timed.

Texts: "articles" of about ``--words`` words, built by joining consecutive unique ``Notes`` of the ACLED
Afghanistan 2019 export in ``../shared/data/acled_afg_2019_*/*.csv`` (relative to the repository root; read
in place, never copied). If that data is absent, a synthetic dispatch generator is used instead, and the
report says so.

    CONTESTED_CACHE=... python bench/throughput.py --articles 1000 --repeat 1 --json /tmp/result.json
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ACLED_GLOB = str(REPO.parent / "shared" / "data" / "acled_afg_2019_*" / "*.csv")
BATCH = 32


# --------------------------------------------------------------------------- texts


def _acled_notes() -> list[tuple[str, date | None]]:
    """Unique ACLED notes in file order, each with its event date (None where unparseable)."""
    files = sorted(glob.glob(ACLED_GLOB))
    seen: set[str] = set()
    out: list[tuple[str, date | None]] = []
    for path in files:
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                note = " ".join((row.get("Notes") or "").split())
                if not note or note in seen:
                    continue
                seen.add(note)
                try:
                    d = date.fromisoformat((row.get("Date") or "")[:10])
                except ValueError:
                    d = None
                out.append((note, d))
    return out


def _join(notes: list[tuple[str, date | None]], n_articles: int, words: int) -> list[tuple[str, str]]:
    """Consecutive notes joined into paragraphs of articles of about ``words`` words (0.8x-1.2x).

    When the notes run out, the next pass starts at a shifted offset, so later articles are different
    combinations of the same notes (the corpus holds ~100k unique words; 1,000 x 500 words needs ~5 passes).
    """
    lo, hi = int(words * 0.8), int(words * 1.2)
    rng = random.Random(20190401)
    articles: list[tuple[str, str]] = []
    i, passes, n = 0, 0, len(notes)
    while len(articles) < n_articles:
        target = rng.randint(lo, hi)
        paras, count, published = [], 0, None
        while count < target:
            if i >= n:
                passes += 1
                i = (passes * 7) % n
            note, d = notes[i]
            i += 1
            published = published or d
            paras.append(note)
            count += len(note.split())
        articles.append(("\n\n".join(paras), (published or date(2019, 8, 1)).isoformat()))
    return articles


_PROVINCES = ["Kunduz", "Helmand", "Ghazni", "Faryab", "Badakhshan", "Kandahar", "Baghlan", "Wardak", "Farah",
              "Zabul", "Uruzgan", "Takhar", "Logar", "Nangarhar", "Herat", "Balkh", "Paktia", "Jawzjan"]
_DISTRICTS = ["Imam Sahib", "Nad Ali", "Andar", "Qaisar", "Jurm", "Arghandab", "Dand-e-Ghori", "Jalrez", "Bala Buluk",
              "Shah Joi", "Chora", "Khwaja Ghar", "Baraki Barak", "Achin", "Shindand", "Chimtal", "Zurmat", "Qarqin"]
_MONTHS = ["April", "May", "June", "July"]
_ACTORS = ["Taliban militants", "Afghan forces", "ANA soldiers", "Afghan police", "suspected IS-K fighters",
           "pro-government militiamen", "NDS special forces"]
_TEMPLATES = [
    "On {month} {day}, {actor} attacked a checkpoint in {district} district, {province}, killing {n} people.",
    "{n2} {actor} were killed and {n} were wounded during clashes with {actor2} in {district} district, {province}.",
    "As reported on {month} {day} 2019, an IED planted by {actor} exploded in {district} district, {province}.",
    "Officials in {province} said on {month} {day} that {actor} had captured {district} district centre.",
    "Airstrikes by {actor} in {district} district, {province} killed {n2} militants on {month} {day}.",
    "{actor} abducted {n} civilians on the road between {district} and the provincial capital of {province}.",
]


def _synthetic(n_articles: int, words: int) -> list[tuple[str, str]]:
    """SYNTHETIC dispatch-like articles (used only when the ACLED data is absent)."""
    rng = random.Random(7)
    lo, hi = int(words * 0.8), int(words * 1.2)
    out = []
    for _ in range(n_articles):
        target = rng.randint(lo, hi)
        paras, count = [], 0
        month = rng.randrange(len(_MONTHS))
        while count < target:
            sents = []
            for _ in range(rng.randint(2, 4)):
                pi = rng.randrange(len(_PROVINCES))
                s = rng.choice(_TEMPLATES).format(
                    month=_MONTHS[month], day=rng.randint(1, 28), actor=rng.choice(_ACTORS),
                    actor2=rng.choice(_ACTORS), district=_DISTRICTS[pi], province=_PROVINCES[pi],
                    n=rng.randint(1, 12), n2=rng.choice(["Two", "Three", "Five", "12", "20"]))
                sents.append(s[0].upper() + s[1:])
            para = " ".join(sents)
            paras.append(para)
            count += len(para.split())
        out.append(("\n\n".join(paras), f"2019-{month + 4:02d}-28"))
    return out


def build_articles(n_articles: int, words: int) -> tuple[list[tuple[str, str]], str]:
    notes = _acled_notes()
    if notes:
        return _join(notes, n_articles, words), f"ACLED notes ({len(notes)} unique) from {ACLED_GLOB}"
    return _synthetic(n_articles, words), "SYNTHETIC dispatches (ACLED data not found at " + ACLED_GLOB + ")"


# --------------------------------------------------------------------------- workers


def _peak_rss_mib() -> float:
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux (bytes on macOS)
    return kib / (1024 * 1024) if sys.platform == "darwin" else kib / 1024


def worker(mode: str, texts_file: str, profile: str | None) -> dict:
    with open(texts_file, encoding="utf-8") as fh:
        articles = json.load(fh)
    texts = [t for t, _ in articles]
    n_words = sum(len(t.split()) for t in texts)

    from contested.nlp import load_nlp, load_spacy_model

    # The baseline is the pipeline as it ships; contested's own run adds its components to it.
    nlp = load_spacy_model() if mode == "bare" else load_nlp()
    n_events = None
    if mode == "bare":
        rss_loaded = _peak_rss_mib()
        t0 = time.perf_counter()
        for _d in nlp.pipe(texts, batch_size=BATCH):
            pass
        wall = time.perf_counter() - t0
    elif mode == "contested":
        from contested.pipeline import extract_documents, make_document, warm_up

        warm_up()  # spaCy, the gazetteer, the trigger and actor matchers: loading, not extraction
        docs = [make_document(t, published=date.fromisoformat(p), source="bench") for t, p in articles]
        rss_loaded = _peak_rss_mib()
        n_events = 0
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        t0 = time.perf_counter()
        for _doc, evs in extract_documents(docs):
            n_events += len(evs)
        wall = time.perf_counter() - t0
        if prof is not None:
            prof.disable()
            prof.dump_stats(profile)
    else:
        raise SystemExit(f"unknown worker mode {mode!r}")
    return {
        "mode": mode,
        "articles": len(texts),
        "words": n_words,
        "wall_s": wall,
        "words_per_s": n_words / wall if wall else None,
        "peak_rss_mib": _peak_rss_mib(),
        "rss_after_load_mib": rss_loaded,
        "events": n_events,
    }


def run_worker(mode: str, texts_file: str, profile: str | None = None) -> dict:
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", mode, "--texts-file", texts_file]
    if profile:
        cmd += ["--profile", profile]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{mode} worker failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--words", type=int, default=500, help="target article length in words (default 500)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per mode, best time kept (default 1)")
    ap.add_argument("--json", metavar="FILE", help="also write the result as JSON to FILE")
    ap.add_argument("--profile", metavar="FILE",
                    help="cProfile the timed part of the contested worker into FILE (slows it; ratio not comparable)")
    ap.add_argument("--worker", choices=["bare", "contested"], help=argparse.SUPPRESS)
    ap.add_argument("--texts-file", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        print(json.dumps(worker(args.worker, args.texts_file, args.profile)))
        return 0

    articles, source = build_articles(args.articles, args.words)
    synthetic = source.startswith("SYNTHETIC")
    with tempfile.TemporaryDirectory(prefix="contested-bench-") as tmp:
        texts_file = os.path.join(tmp, "texts.json")
        with open(texts_file, "w", encoding="utf-8") as fh:
            json.dump(articles, fh)
        runs: dict[str, list[dict]] = {"bare": [], "contested": []}
        for r in range(max(1, args.repeat)):
            for mode in ("bare", "contested"):
                res = run_worker(mode, texts_file, args.profile if (mode == "contested" and r == 0) else None)
                runs[mode].append(res)
                print(f"  run {r + 1} {mode:<9} {res['wall_s']:8.2f} s  {res['words_per_s']:9.0f} words/s  "
                      f"peak RSS {res['peak_rss_mib']:7.1f} MiB", flush=True)
    bare = min(runs["bare"], key=lambda x: x["wall_s"])
    cont = min(runs["contested"], key=lambda x: x["wall_s"])
    ratio = cont["words_per_s"] / bare["words_per_s"]
    peak = max(x["peak_rss_mib"] for x in runs["contested"])
    result = {
        "texts": source,
        "synthetic": synthetic,
        "articles": bare["articles"],
        "total_words": bare["words"],
        "target_words": args.words,
        "repeat": args.repeat,
        "bare_wall_s": bare["wall_s"],
        "bare_words_per_s": bare["words_per_s"],
        "contested_wall_s": cont["wall_s"],
        "contested_words_per_s": cont["words_per_s"],
        "ratio": ratio,
        "ratio_target": 0.8,
        "contested_peak_rss_mib": peak,
        "contested_rss_after_load_mib": cont["rss_after_load_mib"],
        "bare_peak_rss_mib": max(x["peak_rss_mib"] for x in runs["bare"]),
        "rss_target_mib": 1024,
        "events": cont["events"],
        "profiled": bool(args.profile),
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }
    try:
        import spacy

        result["spacy"] = spacy.__version__
    except ImportError:
        pass

    label = "  [SYNTHETIC TEXT]" if synthetic else ""
    print(f"contested throughput benchmark{label}")
    print(f"  texts            {source}")
    print(f"  machine          {os.cpu_count()} cores, Python {result['python']}, spaCy {result.get('spacy', '?')}"
          f" ({result['platform']}); timings depend on the machine")
    print(f"  articles         {result['articles']}  ({result['total_words']} words, target {args.words}/article)")
    print(f"  repeat           {args.repeat} (best time kept)")
    print(f"  bare nlp.pipe    {bare['wall_s']:8.2f} s  {bare['words_per_s']:9.0f} words/s")
    print(f"  contested        {cont['wall_s']:8.2f} s  {cont['words_per_s']:9.0f} words/s")
    print(f"  ratio            {ratio:.3f}  (target >= 0.8: {'met' if ratio >= 0.8 else 'NOT met'})"
          + ("  [profiled: not comparable]" if args.profile else ""))
    print(f"  peak RSS         {peak:.1f} MiB contested worker (after loading {cont['rss_after_load_mib']:.1f} MiB;"
          f" target < 1024 MiB: {'met' if peak < 1024 else 'NOT met'}); bare worker {result['bare_peak_rss_mib']:.1f} MiB")
    print(f"  events           {cont['events']}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
