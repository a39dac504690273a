"""Shared by the tests of `contested serve` (tests/test_web_*.py); holds no test itself.

The store is built the way a user builds one (README set-up): the district and province boundaries from
../shared/data added with `contested geo add` into a contested home of the test's own, then the illustrative
fixtures ingested with `contested ingest`. Built once per test session.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from conftest import FIXTURES, SHARED_DATA
from contested.cli import main

BOUNDARIES = SHARED_DATA / "geoboundaries_afg"
BOUNDARY_FILES = ("geoBoundaries-AFG-ADM1.geojson", "geoBoundaries-AFG-ADM2_simplified.topojson")


@dataclass(frozen=True)
class WebStore:
    db: Path
    home: Path
    boundaries: bool  # whether the shared boundaries were there to add


def build_web_store(tmp_path_factory) -> WebStore:
    base = tmp_path_factory.getbasetemp() / "web_store"
    done = base / "built"
    db, home = base / "store.db", base / "home"
    with_boundaries = all((BOUNDARIES / f).exists() for f in BOUNDARY_FILES)
    if not done.exists():
        home.mkdir(parents=True, exist_ok=True)
        old = os.environ.get("CONTESTED_HOME")
        os.environ["CONTESTED_HOME"] = str(home)
        try:
            if with_boundaries:
                for f in BOUNDARY_FILES:
                    assert main(["geo", "add", str(BOUNDARIES / f)]) == 0
            files = sorted(str(p) for p in FIXTURES.glob("*_illustrative.txt"))
            assert main(["ingest", *files, "--db", str(db), "--published", "2021-07-10",
                         "--source", "Illustrative Wire"]) == 0
        finally:
            if old is None:
                os.environ.pop("CONTESTED_HOME", None)
            else:
                os.environ["CONTESTED_HOME"] = old
        done.write_text("ok")
    return WebStore(db, home, with_boundaries)
