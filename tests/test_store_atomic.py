"""Nothing lost: ingest is one transaction per document, safe with two writers, resumable after a kill, and
the fused store does not depend on the order documents arrive in.

The articles are written here from templates (illustrative: they report no real events). Many of them tell the
same happening with different figures and sources, so that fusion has claims to lose if it could.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from contested.cli import main
from contested.store import Store

OUTLETS = ["Example Wire", "Sample Times", "Illustrative Post", "Demo Daily", "Test Radio", "Mock Herald"]
SPEAKERS = ["a local official", "the provincial governor's spokesman", "residents", "a police commander",
            "a member of the provincial council", "security sources"]


def _articles(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        outlet = OUTLETS[i % len(OUTLETS)]
        speaker = SPEAKERS[(i // len(OUTLETS)) % len(SPEAKERS)]
        killed = 3 + rnd.randrange(12)
        if i % 5 == 4:  # another happening: a clash elsewhere on another day
            text = (f"Illustrative report {i}. Heavy clashes broke out between Taliban fighters and Afghan forces "
                    f"in Baghlan-e Jadid district of Baghlan province on Sunday, {speaker} said. "
                    f"At least {killed} fighters were killed in the fighting, {speaker} added.")
        else:
            text = (f"Illustrative report {i}. Taliban fighters captured Khwaja Ghar district of Takhar province "
                    f"on Tuesday after heavy fighting, {speaker} told {outlet}. "
                    f"{killed} soldiers were killed, according to {speaker}.")
        out.append({"text": text, "source": outlet, "published": "2021-07-08"})
    return out


def _write(path: Path, articles: list[dict]) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def _ingest_cmd(db: str, *files: Path) -> list[str]:
    return [sys.executable, "-c", "import sys; from contested.cli import main; sys.exit(main(sys.argv[1:]))",
            "ingest", *map(str, files), "--db", db]


PG_URL = os.environ.get("CONTESTED_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request, tmp_path):
    """A factory of empty stores on one backend; PostgreSQL where CONTESTED_TEST_POSTGRES names a server."""
    if request.param == "sqlite":
        yield lambda name: str(tmp_path / f"{name}.db")
        return
    if not PG_URL:
        pytest.skip("no PostgreSQL server named in CONTESTED_TEST_POSTGRES")
    import uuid

    import sqlalchemy

    admin = sqlalchemy.create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://"),
                                     isolation_level="AUTOCOMMIT")
    made = []

    def make(name: str) -> str:
        db = f"contested_atomic_{name}_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f"CREATE DATABASE {db}")
        made.append(db)
        return PG_URL.rsplit("/", 1)[0] + "/" + db

    yield make
    with admin.connect() as conn:
        for db in made:
            conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
    admin.dispose()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("atomic")
    arts = _articles(24)
    whole = _write(root / "all.jsonl", arts)
    clean_db = str(root / "clean.db")
    assert main(["ingest", str(whole), "--db", clean_db]) == 0
    snap = Store(clean_db).snapshot()
    assert len(snap["documents"]) == 24
    return {"root": root, "articles": arts, "whole": whole, "clean": snap}


def test_clean_run_fuses_the_retellings(corpus):
    snap = corpus["clean"]
    events = [json.loads(e) for e in snap["events"]]
    capture = [e for e in events if e["type"] == "territory_captured"]
    assert len(capture) == 1, [e["type"] for e in events]
    # Every article that tells the capture gives it a claim, each kept as its own row.
    n_capture_docs = sum(1 for i in range(24) if i % 5 != 4)
    assert len({c["doc_id"] for c in capture[0]["claims"]}) == n_capture_docs
    assert len(snap["claims"]) == sum(len(e["claims"]) for e in events)


def test_order_of_arrival_does_not_change_the_store(corpus, tmp_path, new_db):
    arts = list(corpus["articles"])
    for seed in (1, 2):
        random.Random(seed).shuffle(arts)
        db = new_db(f"order{seed}")
        # in three batches, in another order
        for k in range(3):
            part = _write(tmp_path / f"part{seed}{k}.jsonl", arts[k::3])
            assert main(["ingest", str(part), "--db", db]) == 0
        assert Store(db).snapshot() == corpus["clean"]


def test_two_writers_at_once_lose_nothing(corpus, tmp_path, new_db):
    """Two processes ingest overlapping halves into one store at the same time: both succeed, and the store
    is the one a clean sequential run gives (the articles in both are stored once)."""
    arts = corpus["articles"]
    a = _write(tmp_path / "a.jsonl", arts[:16])  # overlapping halves: 8 articles in both
    b = _write(tmp_path / "b.jsonl", arts[8:])
    db = new_db("two")
    procs = [subprocess.Popen(_ingest_cmd(db, f), stdout=subprocess.PIPE, stderr=subprocess.PIPE) for f in (a, b)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1].decode()[-2000:] for o in outs]
    assert Store(db).snapshot() == corpus["clean"]


def test_killed_ingests_resume_to_the_clean_store(corpus, tmp_path, new_db):
    db = new_db("killed")
    rnd = random.Random(11)
    for _ in range(4):
        p = subprocess.Popen(_ingest_cmd(db, corpus["whole"]), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             start_new_session=True)
        time.sleep(rnd.uniform(2.0, 8.0))
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
        p.wait()
    assert main(["ingest", str(corpus["whole"]), "--db", db]) == 0
    assert Store(db).snapshot() == corpus["clean"]


def test_merge_and_split_are_kept_and_survive_reingest(corpus, tmp_path, new_db):
    db = new_db("fix")
    assert main(["ingest", str(corpus["whole"]), "--db", db]) == 0
    store = Store(db)
    capture = store.events(type="territory_captured")[0]
    docs = sorted({c.doc_id for c in capture.claims})
    from contested.service import merge_events, split_event

    ids = split_event(store, capture.id, docs[:2])
    assert len(ids) == 2
    parts = store.events(type="territory_captured")
    assert sorted(len({c.doc_id for c in e.claims}) for e in parts) == [2, len(docs) - 2]
    # Re-ingesting changes nothing; the split stands.
    assert main(["ingest", str(corpus["whole"]), "--db", db]) == 0
    assert len(store.events(type="territory_captured")) == 2
    merged = merge_events(store, parts[0].id, parts[1].id)
    (again,) = store.events(type="territory_captured")
    assert again.id == merged and len({c.doc_id for c in again.claims}) == len(docs)
