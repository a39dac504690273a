"""The HTTP API of `contested serve`, through Starlette's test client, on a store built from the fixtures."""

from __future__ import annotations

import csv
import io
import json

import pytest
from test_web_support import build_web_store

from contested.cli import build_parser
from contested.export import ACLED_COLUMNS

fastapi = pytest.importorskip("fastapi", reason="the web application's packages are not installed")
from fastapi.testclient import TestClient  # noqa: E402

from contested.web.app import WebSettings, create_app  # noqa: E402

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    return build_web_store(tmp_path_factory)


@pytest.fixture(scope="module")
def client(web):
    return TestClient(create_app(WebSettings(db=str(web.db), home=web.home)))


def test_events_page_is_the_contract_and_pages(client, event_validator):
    r = client.get("/api/events", params={"limit": 5})
    assert r.status_code == 200
    page = r.json()
    assert page["total"] > 5 and len(page["events"]) == 5
    for ev in page["events"]:
        event_validator.validate(ev)
    nxt = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert not {e["id"] for e in page["events"]} & {e["id"] for e in nxt["events"]}
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assert len(everything["events"]) == everything["total"] == page["total"]


def test_events_filters_match_the_command_line(client):
    captured = client.get("/api/events", params={"type": "territory_captured", "limit": 1000}).json()
    assert captured["events"] and all(e["type"] == "territory_captured" for e in captured["events"])
    week = client.get("/api/events", params={"since": "2021-07-05", "until": "2021-07-07", "limit": 1000}).json()
    assert week["events"]
    for e in week["events"]:
        assert e["date"]["end"] >= "2021-07-05" and e["date"]["start"] <= "2021-07-07"
    kunduz = client.get("/api/events", params={"place": "Kunduz", "limit": 1000}).json()
    assert kunduz["events"] and all(e["location"]["admin1"] == "Kunduz" for e in kunduz["events"])
    taliban = client.get("/api/events", params={"actor": "taliban", "limit": 1000}).json()
    assert taliban["events"] and all(any("Taliban" in a["name"] for a in e["actors"]) for e in taliban["events"])
    wire = client.get("/api/events", params={"source": "Illustrative Wire", "limit": 1}).json()
    assert wire["total"] == client.get("/api/events", params={"limit": 1}).json()["total"]
    assert client.get("/api/events", params={"source": "Nobody"}).json()["total"] == 0


def test_events_as_geojson(client):
    r = client.get("/api/events.geojson", params={"limit": 1000})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == len(fc["features"])
    pts = [f for f in fc["features"] if f["geometry"]]
    assert pts and all(f["geometry"]["type"] == "Point" and len(f["geometry"]["coordinates"]) == 2 for f in pts)
    assert all(f["id"] == f["properties"]["id"] for f in fc["features"])


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/api/events", {"limit": 0}, 422),
        ("/api/events", {"limit": 1001}, 422),
        ("/api/events", {"offset": -1}, 422),
        ("/api/events", {"since": "2021-13-01"}, 422),
        ("/api/events", {"type": "picnic"}, 422),
        ("/api/events", {"place": "a\x00b"}, 422),
        ("/api/events", {"since": "2021-08-01", "until": "2021-07-01"}, 400),
        ("/api/control", {}, 422),
        ("/api/control", {"at": "yesterday"}, 422),
        ("/api/control/timeline", {}, 422),
        ("/api/boundaries", {"level": "ADM9"}, 422),
        ("/api/events/zz", {}, 422),
        ("/api/events/ffffffffffff", {}, 404),
        ("/api/documents/0000000000", {}, 404),
        ("/api/regions/adm2-nothing-1", {}, 404),
        ("/api/nothing", {}, 404),
    ],
)
def test_bad_requests_get_a_4xx_with_a_reason(client, path, params, status):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_one_event_with_claims_sentences_and_marked_words(client):
    evs = client.get("/api/events", params={"limit": 1000}).json()["events"]
    ev = max(evs, key=lambda e: len(e["claims"]))
    r = client.get(f"/api/events/{ev['id'][:10]}")  # a unique prefix, as `contested explain` takes
    assert r.status_code == 200
    d = r.json()
    assert d["event"]["id"] == ev["id"] and len(d["claims"]) == len(ev["claims"]) > 1
    marked = 0
    for c in d["claims"]:
        assert c["stance"] in ("asserts", "denies", "doubts") and isinstance(c["hedged"], bool)
        assert "".join(s["text"] for s in c["segments"]) == c["sentence"]
        for m in c["marks"]:
            assert c["sentence"][m["start"]:m["end"]] == m["text"] and m["field"]
            marked += 1
    assert marked


def test_differing_figures_side_by_side_with_who_gives_each(client):
    evs = client.get("/api/events", params={"limit": 1000}).json()["events"]
    flagged = [e for e in evs if "contested_figures" in e["flags"]]
    assert flagged, "the fixtures tell one crossing with differing figures"
    d = client.get(f"/api/events/{flagged[0]['id']}").json()
    differ = [g for g in d["figures"] if g["differ"]]
    assert differ
    for g in differ:
        assert len({f["value"] for f in g["figures"]}) > 1
        assert all(f["source"] == "Illustrative Wire" for f in g["figures"] if f["claim"] is not None)


def test_control_at_a_date_polygons_where_added_points_otherwise(client, web):
    r = client.get("/api/control", params={"at": "2021-07-10"})
    assert r.status_code == 200
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["features"]
    kinds = {f["properties"]["kind"] for f in fc["features"]}
    if not web.boundaries:
        assert kinds == {"point"}
        pytest.skip("../shared/data/geoboundaries_afg is absent: only points could be checked")
    regions = [f for f in fc["features"] if f["properties"]["kind"] == "region"]
    assert regions and all(f["geometry"]["type"] == "MultiPolygon" for f in regions)
    imam = [f for f in regions if f["properties"]["name"] == "Imam Sahib"]
    assert imam and imam[0]["properties"]["admin1"] == "Kunduz"
    # earlier than every event: nothing is known
    assert client.get("/api/control", params={"at": "2000-01-01"}).json()["features"] == []
    light = client.get("/api/control", params={"at": "2021-07-10", "geometry": "false"}).json()
    assert all(f["geometry"] is None for f in light["features"] if f["properties"]["kind"] == "region")


def test_control_timeline_of_one_place(client):
    r = client.get("/api/control/timeline", params={"place": "Imam Sahib"})
    tl = r.json()["timeline"]
    # the fixtures: captured on the Sunday, retaken on the Monday, captured again the next day
    assert len(tl) >= 2 and tl[0]["holder"] == "Taliban" and tl[0]["start"] == "2021-07-04"
    assert [t["start"] for t in tl] == sorted(t["start"] for t in tl)
    for t in tl:  # the timeline agrees with control at the first day of each period
        at = client.get("/api/control", params={"at": t["start"], "geometry": "false"}).json()
        mine = [p for f in at["features"] for p in f["properties"].get("places", [f["properties"]])
                if p["place"] == "Imam Sahib"]
        assert len(mine) == 1 and mine[0]["controller"] in (t["holder"], "contested")
    assert client.get("/api/control/timeline", params={"place": "Nowhere At All"}).json()["timeline"] == []


def test_control_index_is_control_at_on_every_day(web):
    """The index the API answers from gives what control.control_at gives over all the store's events."""
    from datetime import timedelta

    from contested.control import control_at
    from contested.service import query
    from contested.store import Store

    store = Store(str(web.db))
    evs = store.events()
    index = query.control_index(store)
    dated = [e.date for e in evs if e.date is not None]
    day, last = min(d.start for d in dated) - timedelta(days=1), max(d.end for d in dated) + timedelta(days=5)
    checked = 0
    while day <= last:
        want = control_at(evs, day)
        got = [{k: v for k, v in r.items() if k != "latest"} for r in index.at(day)]
        assert got == want, day
        checked += bool(want)
        day += timedelta(days=1)
    assert checked > 5
    assert query.control_index(store) is index  # kept while the store does not change


def test_region_detail(client, web):
    if not web.boundaries:
        pytest.skip("../shared/data/geoboundaries_afg is absent")
    fc = client.get("/api/control", params={"at": "2021-07-10", "geometry": "false"}).json()
    rid = next(f["properties"]["region"] for f in fc["features"] if f["properties"].get("name") == "Imam Sahib")
    d = client.get(f"/api/regions/{rid}").json()
    assert d["region"]["name"] == "Imam Sahib" and d["timeline"] and d["events"]
    assert all(e["location"]["admin2"] == "Imam Sahib" for e in d["events"])
    bounds = client.get("/api/boundaries", params={"level": "ADM2"}).json()
    assert rid in {f["id"] for f in bounds["features"]} and len(bounds["features"]) > 300


def test_documents_and_sources(client):
    docs = client.get("/api/documents").json()
    assert docs["total"] == len(docs["documents"]) == 4
    one = client.get(f"/api/documents/{docs['documents'][0]['doc_id']}").json()
    assert one["text"] and one["source"] == "Illustrative Wire"
    assert client.get("/api/sources").json() == [{"source": "Illustrative Wire", "documents": 4}]


def test_exports(client):
    r = client.get("/api/export/acled.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0].keys()) == ACLED_COLUMNS
    assert len(rows) == client.get("/api/events", params={"limit": 1}).json()["total"]
    gj = client.get("/api/export/events.geojson", params={"type": "territory_captured"}).json()
    assert gj["features"] and all(f["properties"]["type"] == "territory_captured" for f in gj["features"])


def test_openapi_schema_documents_every_route(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events.geojson", "/api/events/{event_id}", "/api/control",
                 "/api/control/timeline", "/api/documents", "/api/sources", "/api/export/acled.csv",
                 "/api/export/events.geojson"):
        assert path in schema["paths"], path
    assert "post" in schema["paths"]["/api/documents"]


def test_page_and_static_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    js = client.get("/static/app.js").text
    assert "http://" not in js.replace("http://www.w3.org/2000/svg", "") and "https://" not in js
    assert client.get("/static/../app.py").status_code == 404


def test_read_only_by_default(client):
    r = client.post("/api/documents", json={"text": "x"})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_no_cors_unless_configured(client, web):
    r = client.get("/api/sources", headers={"Origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in r.headers
    allowed = TestClient(create_app(WebSettings(db=str(web.db), home=web.home,
                                                cors_origins=["http://elsewhere.example"])))
    r = allowed.get("/api/sources", headers={"Origin": "http://elsewhere.example"})
    assert r.headers["access-control-allow-origin"] == "http://elsewhere.example"


def test_posting_documents_needs_the_token_and_respects_the_size_limit(web, tmp_path):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(web.db, db)
    c = TestClient(create_app(WebSettings(db=str(db), home=web.home, token=TOKEN, max_upload_bytes=20_000)))
    doc = {"text": "Taliban fighters captured the district centre of Khan Abad in Kunduz province on Monday, "
                   "local officials said.", "source": "Posted Wire", "published": "2021-07-12"}
    assert c.post("/api/documents", json=doc).status_code == 401
    assert c.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"}).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = c.post("/api/documents", content=json.dumps({"text": "word " * 10_000}), headers=auth)
    assert big.status_code == 413 and big.json()["detail"]
    bad = c.post("/api/documents", content=b"{not json", headers={**auth, "Content-Type": "application/json"})
    assert bad.status_code == 400 and bad.json()["detail"]
    ok = c.post("/api/documents", json=doc, headers=auth)
    assert ok.status_code == 200, ok.text
    summary = ok.json()
    assert summary["new_documents"] == 1 and summary["new_events"] >= 1
    assert c.get("/api/sources").json()[0] in ({"source": "Posted Wire", "documents": 1},
                                               {"source": "Illustrative Wire", "documents": 4})
    assert c.get("/api/events", params={"source": "Posted Wire"}).json()["total"] >= 1
    again = c.post("/api/documents", json=doc, headers=auth).json()
    assert again["new_documents"] == 0 and again["unchanged"] == 1


def test_serve_binds_to_loopback_unless_told():
    args = build_parser().parse_args(["serve"])
    assert args.host == "127.0.0.1" and args.token_file is None and args.cors_origin is None
