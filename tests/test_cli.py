"""The command line as the contract describes it: ingest, extract, events, explain, export, control, geo."""

from __future__ import annotations

import csv
import io
import json
import sys

import pytest

from conftest import REPO
from contested.cli import main

DISPATCHES = REPO / "examples" / "dispatches.jsonl"


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(tmp_path):
    return tmp_path / "store.db"


def events_jsonl(capsys, db, *filters):
    code, out, _ = run(capsys, "events", "--db", db, "--format", "jsonl", *filters)
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_ingest_then_events_fuses_outlets_and_validates(capsys, db, event_validator):
    code, out, err = run(capsys, "ingest", DISPATCHES, "--db", db)
    assert code == 0, err
    assert "3 new" in out
    events = events_jsonl(capsys, db)
    assert events
    for ev in events:
        assert not list(event_validator.iter_errors(ev)), ev
    # Two outlets tell the crossing into Tajikistan with different figures: one event, figures side by side.
    (crossing,) = [e for e in events if e["type"] == "cross_border_flight"]
    assert {c["source"] for c in crossing["claims"]} == {"Example Wire (illustrative)", "Another Outlet (illustrative)"}
    assert sorted(q["value"] for q in crossing["quantities"]) == [300, 600]
    assert "contested_figures" in crossing["flags"]
    assert {c["stance"] for c in crossing["claims"]} == {"asserts", "denies", "doubts"}
    # The capture of Khwaja Ghar on Sunday, told by two outlets, is one event with two claims.
    sunday = [e for e in events if e["type"] == "territory_captured" and e["date"] and e["date"]["start"] == "2021-07-04"]
    assert len(sunday) == 1 and len(sunday[0]["claims"]) == 2


def test_reingest_changes_nothing(capsys, db):
    run(capsys, "ingest", DISPATCHES, "--db", db)
    before = events_jsonl(capsys, db)
    code, out, _ = run(capsys, "ingest", DISPATCHES, "--db", db)
    assert code == 0 and "0 new, 3 unchanged" in out
    assert events_jsonl(capsys, db) == before


def test_bad_input_is_reported_and_the_rest_is_stored(capsys, db, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Taliban fighters captured Khwaja Ghar district of Takhar province on Sunday, officials said.\n")
    (tmp_path / "binary.txt").write_bytes(b"%PDF-1.4\n\x00\x01\x02")
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "latin1.txt").write_bytes("Les talibans ont pris le district \xe9".encode("latin-1"))
    (tmp_path / "french.txt").write_text(
        "Les talibans ont pris le contrôle du district de Khwaja Ghar dimanche, selon des responsables locaux "
        "qui ont parlé à la presse. Les forces gouvernementales ont repris le centre du district lundi."
    )
    code, out, err = run(capsys, "ingest", tmp_path, "--db", db, "--published", "2021-07-06", "--source", "Test")
    assert code == 1  # something failed, and the exit status says so
    assert "binary" in err and "empty" in err and "undecodable" in err and "not English" in err
    assert "1 new" in out
    (ev,) = events_jsonl(capsys, db)
    assert ev["location"]["admin2"] == "Khwajah Ghar" and ev["date"]["start"] == "2021-07-04"
    assert ev["claims"][0]["source"] == "Test"


def test_extract_reads_jsonl_from_stdin_and_stores_nothing(capsys, monkeypatch, db, event_validator):
    line = json.dumps({"text": "Afghan commandos recaptured Qala-i-Naw on Thursday, the governor said.",
                       "source": "Wire", "published": "2021-07-08"})
    monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n"))
    code, out, _ = run(capsys, "extract", "-")
    assert code == 0
    (doc,) = [json.loads(x) for x in out.splitlines()]
    assert set(doc) == {"doc_id", "source", "published", "published_from", "events"}
    assert doc["published_from"] == "metadata" and doc["source"] == "Wire"
    (ev,) = doc["events"]
    assert not list(event_validator.iter_errors(ev))
    assert ev["type"] == "territory_regained" and ev["location"]["admin1"] == "Badghis"
    assert not db.exists()


def test_events_filters(capsys, db):
    run(capsys, "ingest", DISPATCHES, "--db", db)
    assert {e["type"] for e in events_jsonl(capsys, db, "--type", "territory_regained")} == {"territory_regained"}
    takhar = events_jsonl(capsys, db, "--place", "Takhar")
    assert takhar and all(e["location"]["admin1"] == "Takhar" for e in takhar)
    assert all(e["date"]["end"] >= "2021-07-06" for e in events_jsonl(capsys, db, "--since", "2021-07-06"))
    assert all(any(a["name"] == "Taliban" for a in e["actors"]) for e in events_jsonl(capsys, db, "--actor", "taliban"))
    code, out, _ = run(capsys, "events", "--db", db, "--format", "geojson")
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    code, out, _ = run(capsys, "events", "--db", db, "--format", "csv")
    assert next(csv.reader(io.StringIO(out)))[:3] == ["id", "type", "acled_event_type"]
    code, out, _ = run(capsys, "events", "--db", db)
    assert code == 0 and "territory_captured" in out


def test_explain_marks_the_words_of_each_field(capsys, db):
    run(capsys, "ingest", DISPATCHES, "--db", db)
    ev = next(e for e in events_jsonl(capsys, db) if e["type"] == "territory_regained" and len(e["claims"]) == 2)
    code, out, _ = run(capsys, "explain", ev["id"][:10], "--db", db)
    assert code == 0
    assert "[[recaptured]]{type}" in out
    assert "[[Khwaja Ghar]]{location}" in out
    assert "[[Wednesday]]{date}" in out
    assert "denies" in out and "hedged" in out
    assert run(capsys, "explain", "nosuchevent", "--db", db)[0] == 2


def test_export_acled(capsys, db, tmp_path):
    run(capsys, "ingest", DISPATCHES, "--db", db)
    out_file = tmp_path / "acled.csv"
    assert run(capsys, "export", "--format", "acled", "--db", db, "--out", out_file)[0] == 0
    rows = list(csv.DictReader(out_file.open()))
    assert rows
    for col in ("event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2", "inter1",
                "admin1", "admin2", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities"):
        assert col in rows[0]
    regained = [r for r in rows if r["sub_event_type"] == "Government regains territory"]
    assert regained and all(r["inter1"] == "1" for r in regained)
    week = [r for r in rows if r["location"] == "Sher Khan Bandar"]
    assert week and week[0]["time_precision"] == "2"


def test_control_at_a_date(capsys, db):
    run(capsys, "ingest", DISPATCHES, "--db", db)
    code, out, _ = run(capsys, "control", "--at", "2021-07-06", "--db", db, "--format", "jsonl")
    rows = {r["place"]: r for r in map(json.loads, out.splitlines())}
    assert rows["Khwajah Ghar"]["controller"] == "Taliban" and rows["Khwajah Ghar"]["since"] == "2021-07-06"
    code, out, _ = run(capsys, "control", "--at", "2021-07-05", "--db", db, "--format", "jsonl")
    rows = {r["place"]: r for r in map(json.loads, out.splitlines())}
    assert rows["Khwajah Ghar"]["controller"].startswith("Military Forces of Afghanistan")
    # The recapture on Wednesday is denied by the Taliban: control is contested.
    code, out, _ = run(capsys, "control", "--at", "2021-07-08", "--db", db, "--format", "jsonl")
    rows = {r["place"]: r for r in map(json.loads, out.splitlines())}
    assert rows["Khwajah Ghar"]["controller"] == "contested"


def test_geo_add_user_places(capsys, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("CONTESTED_HOME", str(home))
    places = tmp_path / "places.csv"
    places.write_text(
        "name,feature,country,admin1,admin2,lat,lon,aliases\n"
        "Sher Khan Bandar,border_crossing,Afghanistan,Kunduz,Imam Sahib,37.16,68.65,Shir Khan Bandar\n"
    )
    code, out, _ = run(capsys, "geo", "add", places)
    assert code == 0 and json.loads(out)["added"] == 1
    from contested.pipeline import extract_text

    (ev,) = extract_text("The Taliban seized the Shir Khan Bandar crossing on Monday.", published="2021-07-06")
    assert ev.location.name == "Sher Khan Bandar" and ev.location.lat == pytest.approx(37.16)
    assert ev.location.admin1 == "Kunduz"
    assert run(capsys, "geo", "add", tmp_path / "missing.geojson")[0] == 2


def test_actors_add(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CONTESTED_HOME", str(tmp_path / "home"))
    actors = tmp_path / "actors.csv"
    actors.write_text("name,kind,aliases,country\nAndarab Resistance,political_militia,Andarab fighters,Afghanistan\n")
    try:
        assert run(capsys, "actors", "add", actors)[0] == 0
        assert "Andarab Resistance" in run(capsys, "actors", "list")[1]
        from contested.pipeline import extract_text

        (ev,) = extract_text("Andarab fighters retook Deh Salah district of Baghlan on Monday.", published="2021-08-24")
        assert ev.actors[0].name == "Andarab Resistance"
    finally:
        monkeypatch.undo()


def test_actors_list_shows_the_words_that_name_the_articles_own_forces(capsys):
    code, out, _ = run(capsys, "actors", "list")
    assert code == 0
    assert "Police Forces of <country>\tstate_forces\t" in out
    assert "(in an article about Afghanistan: " in out
