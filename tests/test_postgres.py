"""The same store code on PostgreSQL. Runs where CONTESTED_TEST_POSTGRES names a server (CI starts one on
loopback); skips otherwise."""

from __future__ import annotations

import json
import os
import uuid

import pytest

from conftest import REPO
from contested.cli import main

URL = os.environ.get("CONTESTED_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(not URL, reason="no PostgreSQL server named in CONTESTED_TEST_POSTGRES")


@pytest.fixture
def pg_url():
    """A fresh schema-less database per test: tables are created by the store itself."""
    import sqlalchemy

    name = "contested_test_" + uuid.uuid4().hex[:8]
    admin = sqlalchemy.create_engine(URL.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    base = URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    admin.dispose()


def test_ingest_events_and_reingest_on_postgresql(pg_url, capsys, event_validator):
    dispatches = REPO / "examples" / "dispatches.jsonl"
    assert main(["ingest", str(dispatches), "--db", pg_url]) == 0
    assert "3 new" in capsys.readouterr().out
    assert main(["ingest", str(dispatches), "--db", pg_url]) == 0
    assert "0 new, 3 unchanged" in capsys.readouterr().out
    assert main(["events", "--db", pg_url, "--format", "jsonl"]) == 0
    events = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert events and all(not list(event_validator.iter_errors(e)) for e in events)
    (crossing,) = [e for e in events if e["type"] == "cross_border_flight"]
    assert sorted(q["value"] for q in crossing["quantities"]) == [300, 600]
