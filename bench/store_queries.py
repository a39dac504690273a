#!/usr/bin/env python
"""Read-side speed on a large store: 100,000 synthetic events, the queries `contested serve` answers most.

This is a benchmark, not a test. It fills a store (SQLite by default; ``--db postgresql://...`` for
PostgreSQL) with synthetic events written directly through the store's API (``Store.write``,
``insert_document``, ``replace_events``: no extraction), then times, each ``--repeat`` times with random
arguments drawn from a fixed seed:

* ``week``: the events of one week (``query.events_page``: the first page of 100 and the total), as
  ``GET /api/events?since=..&until=..`` answers;
* ``week_all``: every event of that week (``store.events(since, until)``, about 950 at 100,000 events);
* ``event``: one event with its claims, their sentences and marked words (``query.event_detail``, as
  ``GET /api/events/{id}``);
* ``control``: control at a date (``query.control_geojson`` without polygons, as the page asks for it);
* ``timeline``: the control timeline of one place (``query.control_timeline``).

It reports p50 and p95 in milliseconds, as a table and (``--json FILE``) as JSON. The store is kept
(``--keep``) or reused when it already holds the asked number of events (``--reuse``).

    python bench/store_queries.py                      # SQLite in a temporary folder, 100,000 events
    python bench/store_queries.py --events 20000 --repeat 50
    python bench/store_queries.py --db postgresql://contested:contested@127.0.0.1:5432/contested_bench
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from contested.records import ActorMention, Claim, DateSpan, Document, Event, Evidence, Location, Quantity
from contested.service import query
from contested.store import Store
from contested.taxonomy import EVENT_TYPES

START = date(2020, 1, 1)
DAYS = 730
# Event types with weights close to a conflict-event dataset's: control changes are a minority.
TYPE_WEIGHTS = {
    "armed_clash": 30, "air_strike": 8, "shelling": 6, "explosive_device": 10, "suicide_bombing": 2,
    "killing": 10, "abduction": 3, "arrest": 4, "protest": 4, "territory_captured": 6, "territory_regained": 4,
    "retreat": 1, "withdrawal": 1, "displacement": 3, "mobilization": 2, "weapons_seized": 2, "agreement": 1,
    "property_destruction": 3,
}
ACTORS = [
    ("Taliban", "rebel_group"), ("Military Forces of Afghanistan (2014-)", "state_forces"),
    ("Police Forces of Afghanistan (2014-)", "state_forces"), ("Islamic State (Khorasan Province)", "rebel_group"),
    ("Civilians (Afghanistan)", "civilians"), ("Unidentified Armed Group (Afghanistan)", "political_militia"),
    ("Military Forces of the United States", "external_forces"), ("Protesters (Afghanistan)", "protesters"),
]
SOURCES = [f"Outlet {i:02d}" for i in range(30)]
SPEAKERS = [None, "local officials", "a Taliban spokesman", "the Ministry of Defense", "residents", "police"]


def synthetic_places(rng: random.Random, n_provinces: int = 34, per_province: int = 12) -> list[Location]:
    out = []
    for p in range(n_provinces):
        plat, plon = rng.uniform(30, 38), rng.uniform(61, 71)
        for d in range(per_province):
            name = f"District {p:02d}-{d:02d}"
            out.append(Location(name, name, "Afghanistan", f"Province {p:02d}", name,
                                round(plat + rng.uniform(-0.8, 0.8), 5), round(plon + rng.uniform(-0.8, 0.8), 5),
                                None, "district", 2))
    return out


def make_documents(rng: random.Random, n: int) -> list[Document]:
    docs = []
    for i in range(n):
        published = START + timedelta(days=rng.randrange(DAYS))
        sentences = [f"Sentence {j} of synthetic report {i}: fighters clashed with forces in the district on "
                     f"Monday, officials said, and {rng.randint(2, 90)} people were killed." for j in range(8)]
        text = "\n\n".join(sentences)
        doc_id = hashlib.sha1(text.encode()).hexdigest()[:20]
        docs.append(Document(doc_id, text, f"Report {i}", None, rng.choice(SOURCES), published, "metadata",
                             f"synthetic:{i}"))
    return docs


def make_event(rng: random.Random, i: int, places: list[Location], docs: list[Document]) -> tuple[Event, list]:
    etype = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    acled = EVENT_TYPES[etype]
    day = START + timedelta(days=rng.randrange(DAYS))
    span = rng.choice([0, 0, 0, 0, 0, 0, 1, 6])
    loc = rng.choice(places) if rng.random() > 0.08 else None
    a1, a2 = rng.sample(ACTORS, 2)
    actors = [ActorMention(a1[0], a1[1], a1[0], 0, 0, "actor1")]
    if rng.random() < 0.6:
        actors.append(ActorMention(a2[0], a2[1], a2[0], 0, 0, "actor2"))
    claims, evidence, origins, quantities = [], [], [], []
    for k in range(rng.choice([1, 1, 1, 2, 2, 3])):
        doc = rng.choice(docs)
        s = rng.randrange(0, 7) * (len(doc.text) // 8)
        sentence_end = doc.text.find("\n\n", s)
        e = sentence_end if sentence_end > 0 else len(doc.text)
        stance = rng.choices(["asserts", "denies", "doubts"], weights=[90, 6, 4])[0]
        claims.append(Claim(doc.doc_id, doc.source, doc.published, rng.choice(SPEAKERS), None, stance,
                            rng.random() < 0.1, doc.text[s:e], (s, e)))
        evidence.append(Evidence({"trigger": [(s + 25, s + 32)], "date": [(s + 75, s + 81)],
                                  "attribution": [(s + 83, s + 96)]}))
        origins.append((f"m{i:07d}-{k}", 0))
        if rng.random() < 0.4:
            v = rng.randint(1, 90)
            quantities.append(Quantity(v, "exact", "people", None, None, f"{v} people", 0, 0, k, True))
    ev = Event(
        id=hashlib.sha1(f"event {i}".encode()).hexdigest()[:16], type=etype, acled_event_type=acled.event_type,
        acled_sub_event_type=acled.sub_event_type, summary=f"Synthetic event {i}.",
        date=DateSpan(day, day + timedelta(days=span), "day" if span == 0 else "week", "on Monday"),
        actors=actors, location=loc, quantities=quantities,
        fatalities=max((q.value for q in quantities), default=None), claims=claims,
        flags=["contested_claims"] if any(c.stance == "denies" for c in claims) else [],
        confidence=round(rng.uniform(0.3, 0.95), 3), evidence=evidence,
    )
    return ev, origins


def fill(store: Store, n_events: int, seed: int, batch: int = 1000) -> tuple[list[Location], list[str]]:
    rng = random.Random(seed)
    places = synthetic_places(rng)
    docs = make_documents(rng, max(100, n_events // 5))
    t0 = time.perf_counter()
    for i in range(0, len(docs), batch):
        with store.write() as conn:
            for doc in docs[i:i + batch]:
                store.insert_document(conn, doc)
    ids = []
    for i in range(0, n_events, batch):
        pairs = [make_event(rng, j, places, docs) for j in range(i, min(n_events, i + batch))]
        with store.write() as conn:
            store.replace_events(conn, set(), pairs)
        ids.extend(ev.id for ev, _ in pairs)
        if (i // batch) % 10 == 0:
            print(f"  {i + len(pairs):>7} events written ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    print(f"filled: {len(docs)} documents, {n_events} events in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return places, ids


def timed(fn, args_list) -> list[float]:
    out = []
    for args in args_list:
        t = time.perf_counter()
        fn(*args)
        out.append((time.perf_counter() - t) * 1000)
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, round(p / 100 * len(xs) + 0.5) - 1))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="SQLite file or postgresql:// URL (default: a new SQLite file in a temp folder)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=100, help="timed calls per query (default 100)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reuse", action="store_true", help="use the store as it is when it holds --events events")
    ap.add_argument("--keep", action="store_true", help="keep the temporary SQLite store")
    ap.add_argument("--json", help="write the result here")
    args = ap.parse_args(argv)

    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.mkdtemp(prefix="contested-bench-")
        db = os.path.join(tmp, "bench.db")
    store = Store(db)
    rng = random.Random(args.seed)
    if args.reuse and store.count_events() == args.events:
        places = synthetic_places(random.Random(args.seed))
        print(f"reusing {store.display_url} ({args.events} events)", file=sys.stderr)
    else:
        if store.count_events():
            print(f"{store.display_url} is not empty: give an empty store (or --reuse)", file=sys.stderr)
            return 2
        places, _ids = fill(store, args.events, args.seed)
    with store.read() as conn:
        from sqlalchemy import select

        from contested.store import events as events_table

        all_ids = [r[0] for r in conn.execute(select(events_table.c.id))]

    n = args.repeat
    weeks = []
    for _ in range(n):
        d = START + timedelta(days=rng.randrange(DAYS - 7))
        weeks.append((d, d + timedelta(days=6)))
    dates = [(START + timedelta(days=rng.randrange(DAYS)),) for _ in range(n)]
    picks = [(rng.choice(all_ids),) for _ in range(n)]
    place_names = [(rng.choice(places).name,) for _ in range(max(10, n // 5))]

    def week_page(a, b):
        return query.events_page(store, query.EventFilter(since=a, until=b), 100, 0)

    def week_all(a, b):
        return store.events(since=a, until=b)

    def one_event(i):
        assert query.event_detail(store, i) is not None

    def control(d):
        return query.control_geojson(store, d, geometry=False)

    def timeline(p):
        return query.control_timeline(store, p)

    # The control index is built once per state of the store (then kept until the store changes): timed apart.
    t0 = time.perf_counter()
    query.control_index(store)
    index_build_s = round(time.perf_counter() - t0, 2)
    # one untimed call of each first (connection pool, caches of the database itself)
    week_page(*weeks[0]), week_all(*weeks[0]), one_event(*picks[0]), control(*dates[0]), timeline(*place_names[0])
    results = {}
    for name, fn, arglist in (("week", week_page, weeks), ("week_all", week_all, weeks), ("event", one_event, picks),
                              ("control", control, dates), ("timeline", timeline, place_names)):
        ms = timed(fn, arglist)
        results[name] = {"calls": len(ms), "p50_ms": round(statistics.median(ms), 2), "p95_ms": round(pct(ms, 95), 2),
                         "max_ms": round(max(ms), 2)}
    sizes = {"control_index_build_s": index_build_s, "week_all_events_mean": round(statistics.mean(len(week_all(*w)) for w in weeks[:10]), 1),
             "control_places_mean": round(statistics.mean(len(control(*d)["features"]) for d in dates[:10]), 1)}
    report = {"store": store.display_url.split("?")[0], "events": args.events, "repeat": n, "results": results,
              "sizes": sizes, "python": platform.python_version(), "cpus": os.cpu_count(),
              "machine": platform.machine()}
    print(f"{report['store']}: {args.events} events, {n} calls each ({os.cpu_count()} CPUs)")
    print(f"{'query':<10} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for name, r in results.items():
        print(f"{name:<10} {r['p50_ms']:>8.1f} {r['p95_ms']:>8.1f} {r['max_ms']:>8.1f}")
    print(json.dumps(sizes))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    store.close()
    if tmp and not args.keep:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    elif tmp:
        print(f"kept {db}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
