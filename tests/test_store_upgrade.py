"""A store made by contested 0.1 (events kept whole as JSON, no mentions) is never read as if it were of this
version, and never changed in place: the user is told to rebuild, and rebuild re-extracts its documents."""

from __future__ import annotations

import sqlite3
from datetime import date

from contested.cli import main
from contested.store import Store

TEXT = ("Illustrative: Taliban fighters captured Khwaja Ghar district of Takhar province on Tuesday, "
        "a local official said.")


def _old_store(path) -> None:
    con = sqlite3.connect(path)
    con.executescript("""
        CREATE TABLE documents (doc_id VARCHAR(40) PRIMARY KEY, source TEXT, title TEXT, url TEXT, origin TEXT,
            published DATE, published_from VARCHAR(16), text TEXT NOT NULL, ingested_at DATETIME);
        CREATE TABLE events (id VARCHAR(40) PRIMARY KEY, type VARCHAR(40), date_start DATE, date_end DATE,
            place TEXT, admin1 TEXT, admin2 TEXT, lat FLOAT, lon FLOAT, actors TEXT, data TEXT NOT NULL);
    """)
    con.execute("INSERT INTO documents VALUES ('abc123', 'Example', NULL, NULL, 'a.txt', ?, 'given', ?, NULL)",
                (date(2021, 7, 8).isoformat(), TEXT))
    con.execute("INSERT INTO events VALUES ('e1', 'territory_captured', NULL, NULL, NULL, NULL, NULL, NULL, NULL,"
                " '', '{}')")
    con.commit()
    con.close()


def test_old_store_is_named_and_rebuilt(tmp_path, capsys):
    db = tmp_path / "old.db"
    _old_store(db)
    assert main(["events", "--db", str(db)]) == 2
    assert "contested rebuild" in capsys.readouterr().err
    assert main(["rebuild", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "1 new" in out and "old.db.v1" in out
    (ev,) = Store(str(db)).events()
    assert ev.type == "territory_captured" and ev.claims[0].source == "Example"
    assert (tmp_path / "old.db.v1").exists()  # the earlier store is kept, unchanged
