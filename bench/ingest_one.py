"""Ingesting one more article into a large store: the time of the whole path (extraction, then the one
transaction that stores the document and fuses its events with the store's) must not grow with the store.

The store is filled through the real ingest transaction (``service.ingest_document``) with events made from
a few articles written here (illustrative) and spread over two years and every place of the gazetteer's
first-level divisions (each made one of 400 places), so that fusion finds candidates as it would in a real
store. Then fresh articles are
ingested one at a time and timed.

    python bench/ingest_one.py --articles 10000 [--db FILE or postgresql://...]
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from contested.pipeline import extract_document, make_document
from contested.records import DateSpan
from contested.service import ingest_document
from contested.store import Store

TEMPLATES = [
    "Taliban fighters captured {place} district on Tuesday after two days of fighting, a local official said. "
    "{n} soldiers were killed and others fled, he added.",
    "An airstrike hit a compound in {place} on Monday, killing {n} militants, the defence ministry said.",
    "A roadside bomb struck a police vehicle in {place} on Sunday, killing {n} policemen, officials said.",
    "Heavy clashes broke out between government forces and insurgents in {place} on Wednesday, "
    "leaving {n} fighters dead, residents told reporters.",
    "Hundreds of people protested in {place} on Friday against rising prices; police fired tear gas, "
    "witnesses said.",
]
PLACES = ["Kunduz", "Takhar", "Baghlan", "Balkh", "Faryab", "Herat", "Kandahar", "Helmand", "Ghazni", "Paktia",
          "Nangarhar", "Badakhshan", "Jawzjan", "Sar-e Pol", "Samangan", "Uruzgan", "Zabul", "Farah", "Logar"]


def fill(store: Store, n: int, first: int = 0, seed: int = 1) -> float:
    rnd = random.Random(seed + first)
    base = []
    for i, tpl in enumerate(TEMPLATES):
        doc = make_document(tpl.format(place=PLACES[i], n=3), published="2021-07-08", source="Bench")
        base.append(extract_document(doc))
    t0 = time.perf_counter()
    start = date(2020, 1, 1)
    for k in range(first, first + n):
        text = f"bench article {k}"
        doc = make_document(text, published=start + timedelta(days=rnd.randrange(730)), source=f"Outlet {k % 40}")
        evs = []
        for ev in copy.deepcopy(base[k % len(base)]):
            day = start + timedelta(days=rnd.randrange(730))
            ev.date = DateSpan(day, day, "day", None)
            if ev.location is not None:  # one of 400 places, so that candidates are as sparse as in real data
                ev.location.name = f"{ev.location.name} {rnd.randrange(400)}"
            ev.id = f"{k:08d}{ev.id[:8]}"
            for c in ev.claims:
                c.doc_id, c.published = doc.doc_id, doc.published
            evs.append(ev)
        ingest_document(store, doc, evs)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--probes", type=int, default=20)
    ap.add_argument("--db")
    args = ap.parse_args()
    db = args.db or str(Path(tempfile.mkdtemp()) / "bench.db")
    store = Store(db)
    have = store.count_documents()
    if have < args.articles:
        took = fill(store, args.articles - have, first=have)
        print(f"filled {args.articles - have} articles in {took:.0f} s ({store.count_mentions()} mentions)")
    extract_document(make_document(TEMPLATES[0].format(place=PLACES[0], n=1), published="2020-06-01"))  # warm-up
    rnd = random.Random(99)
    extract_s, store_s = [], []
    for k in range(args.probes):
        tpl = TEMPLATES[k % len(TEMPLATES)]
        text = tpl.format(place=rnd.choice(PLACES), n=rnd.randrange(2, 40)) + f" (probe {k}, {time.time()})"
        t0 = time.perf_counter()
        doc = make_document(text, published=date(2020, 1, 1) + timedelta(days=rnd.randrange(730)), source="Probe")
        evs = extract_document(doc)
        t1 = time.perf_counter()
        ingest_document(store, doc, evs)
        t2 = time.perf_counter()
        extract_s.append(t1 - t0)
        store_s.append(t2 - t1)
    total = [a + b for a, b in zip(extract_s, store_s, strict=True)]
    q = statistics.quantiles(total, n=20)
    print(f"store: {store.display_url}, {store.count_documents()} documents, {store.count_events()} events")
    print(f"one more article: median {statistics.median(total) * 1000:.0f} ms, p95 {q[18] * 1000:.0f} ms "
          f"(extraction median {statistics.median(extract_s) * 1000:.0f} ms, "
          f"store transaction median {statistics.median(store_s) * 1000:.0f} ms, max {max(store_s) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
