"""Boundary files and places CSVs are validated before anything is stored; a bad file in a home never stops
the gazetteer from loading; ``geo add`` takes several files, ADM0 files, and names its flags."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHARED_DATA, need
from contested.boundaries import BoundaryError, Polygon, read_features
from contested.gazetteer import Gazetteer, GazetteerWarning, add_boundaries, add_places_csv

ADM0 = SHARED_DATA / "geoboundaries_afg" / "geoBoundaries-AFG-ADM0_simplified.geojson"
ADM1 = SHARED_DATA / "geoboundaries_afg" / "geoBoundaries-AFG-ADM1.geojson"


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("CONTESTED_HOME", str(h))
    return h


def _square(x0: float = 68.0, y0: float = 36.0, size: float = 1.0) -> list:
    return [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]]


def _fc(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def _feature(name: str, geometry: dict) -> dict:
    return {"type": "Feature", "properties": {"name": name}, "geometry": geometry}


GOOD = _feature("Kunduz", {"type": "Polygon", "coordinates": _square()})


@pytest.mark.parametrize(
    "bad, message",
    [
        ('{"type":"Polygon","coordinates":[[[68,36],[NaN,36],[69,37],[68,37],[68,36]]]}', "not valid JSON"),
        ('{"type":"Polygon","coordinates":[[[68,36],[Infinity,36],[69,37],[68,37],[68,36]]]}', "not valid JSON"),
        ('{"type":"Polygon","coordinates":[[[68,36],[1e400,36],[69,37],[68,37],[68,36]]]}', "not finite"),
        ('{"type":"Polygon","coordinates":[[[68,36],[200,36],[69,37],[68,37],[68,36]]]}', "out of range"),
        ('{"type":"Polygon","coordinates":[[[68,36],[69,-95],[69,37],[68,37],[68,36]]]}', "out of range"),
        ('{"type":"Polygon","coordinates":[[[68,36],[69,36]]]}', "at least 4 positions"),
        ('{"type":"Polygon","coordinates":[[[68,36],["x",36],[69,37],[68,36]]]}', "not a number"),
        ('{"type":"Polygonn","coordinates":[[[68,36],[69,36],[69,37],[68,36]]]}', "unknown geometry type"),
        ('{"type":"Polygon","coordinates":[[[68,36],[69,36],[68,36],[69,36]]]}', "fewer than 3 distinct"),
    ],
)
def test_bad_geojson_refused_whole_with_the_feature(home, tmp_path, bad, message):
    f = tmp_path / "bad.geojson"
    f.write_text(
        '{"type":"FeatureCollection","features":['
        + json.dumps(GOOD)
        + ',{"type":"Feature","properties":{"name":"Broken"},"geometry":'
        + bad
        + "}]}"
    )
    with pytest.raises(ValueError) as exc:
        add_boundaries(f, level="adm1")
    assert message in str(exc.value)
    if "JSON" not in message:
        assert "feature 2 ('Broken')" in str(exc.value)
    assert not list((home / "boundaries").glob("*.json")) if (home / "boundaries").exists() else True


def test_good_file_still_added_after_a_refusal(home, tmp_path):
    f = tmp_path / "one.geojson"
    f.write_text(_fc(GOOD))
    s = add_boundaries(f, level="adm1")
    assert s["matched"] == 1 and Gazetteer.load().admin_at(36.5, 68.5)[0] == "Kunduz"


def test_bad_stored_file_is_skipped_with_a_warning(home, tmp_path):
    f = tmp_path / "one.geojson"
    f.write_text(_fc(GOOD))
    add_boundaries(f, level="adm1")
    # a file written by hand, or by an older version that did not validate
    (home / "boundaries" / "ADM2-broken.json").write_text(
        '{"level":"ADM2","features":[{"name":"X","place":null,"parts":[[[[NaN,1],[2,2],[3,1],[NaN,1]]]]}]}'
    )
    (home / "boundaries" / "ADM2-garbage.json").write_text("{not json")
    (home / "places.json").write_text('[{"key":"user:x","name":"Xplace","lat":NaN,"lon":1}]')
    from contested.gazetteer import _forget

    _forget(home)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        g = Gazetteer.load()
    said = " ".join(str(w.message) for w in caught if issubclass(w.category, GazetteerWarning))
    assert "ADM2-broken.json skipped" in said and "ADM2-garbage.json skipped" in said and "places" in said
    assert g.admin_at(36.5, 68.5)[0] == "Kunduz"  # the good file still counts
    assert not g.lookup("Xplace")
    # and adding another file still works in that home
    f2 = tmp_path / "two.geojson"
    f2.write_text(_fc(_feature("Takhar", {"type": "Polygon", "coordinates": _square(69.5, 36.0)})))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert add_boundaries(f2, level="adm1")["matched"] == 1


@pytest.mark.parametrize(
    "row, message",
    [
        ("Bad Place,base,Afghanistan,,,nan,68.6", "line 3: latitude 'nan' is not a finite number"),
        ("Bad Place,base,Afghanistan,,,37.1,inf", "line 3: longitude 'inf' is not a finite number"),
        ("Bad Place,base,Afghanistan,,,137.1,68", "line 3: coordinates out of range"),
        ("Bad Place,base,Afghanistan,,,37.1,", "line 3: a latitude without a longitude"),
        ("Bad Place,base,Afghanistan,,,north,68", "line 3: latitude 'north' is not a number"),
        (",base,Afghanistan,,,37,68", "line 3: no name"),
        ("Bad Place,base,Atlantis,,,37,68", "line 3: unknown country 'Atlantis'"),
    ],
)
def test_bad_places_csv_refused_with_the_line(home, tmp_path, row, message):
    f = tmp_path / "p.csv"
    f.write_text("name,feature,country,admin1,admin2,lat,lon\nGood Place,base,Afghanistan,,,37.1,68.6\n" + row + "\n")
    with pytest.raises(ValueError) as exc:
        add_places_csv(f)
    assert message in str(exc.value)
    assert not (home / "places.json").exists()  # refused whole: not even the good row


def test_places_csv_without_country_takes_it_from_nothing_written_in_code(home, tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("name,feature,lat,lon\nSomewhere Camp,base,-12.97,40.51\n")
    add_places_csv(f)
    (p,) = [p for p in Gazetteer.load().lookup("Somewhere Camp")]
    assert p.country_code is None  # no boundaries, no country column: unknown, not a default country


def test_adm0_file_added(home):
    s = add_boundaries(need(ADM0))
    assert s["level"] == "ADM0" and s["matched"] == s["features"] >= 1
    g = Gazetteer.load()
    assert g.country_at(34.5, 69.2) == "AF" and g.country_at(-12.97, 40.51) is None


def test_level_message_names_the_flag(home, tmp_path):
    f = tmp_path / "mystery.geojson"
    f.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"label": "x"}, "geometry": {"type": "Polygon", "coordinates": _square()}}
    ]}))
    with pytest.raises(ValueError) as exc:
        add_boundaries(f)
    assert "--level adm0, adm1 or adm2" in str(exc.value) and "level=" not in str(exc.value)


def test_cli_geo_add_several_files(home, tmp_path, capsys):
    from contested.cli import main

    good = tmp_path / "good.geojson"
    good.write_text(_fc(GOOD))
    bad = tmp_path / "bad.geojson"
    bad.write_text(_fc(_feature("Bad", {"type": "Polygon", "coordinates": [[[68, 36], [999, 36], [69, 37], [68, 36]]]})))
    places = tmp_path / "p.csv"
    places.write_text("name,feature,country,lat,lon\nMy Crossing,border_crossing,Afghanistan,36.5,68.5\n")
    code = main(["geo", "add", "--level", "ADM1", str(good), str(bad), str(places)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "could not add" in err and "bad.geojson" in err and "out of range" in err
    lines = [json.loads(x) for x in out.splitlines()]
    assert [Path(x["file"]).name for x in lines] == ["good.geojson", "p.csv"]
    g = Gazetteer.load()
    assert g.admin_at(36.5, 68.5)[0] == "Kunduz" and g.lookup("My Crossing")[0].admin1 == "Kunduz"
    assert main(["geo", "add", str(good)]) == 1  # a file that does not say its level: the flag is named
    assert "give it with --level adm0, adm1 or adm2" in capsys.readouterr().err
    assert main(["geo", "add", str(tmp_path / "missing.geojson")]) == 2


def test_polygon_is_shapely_and_repairs_a_bow_tie():
    bow = Polygon([[[(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)]]])
    assert bow.geom.is_valid and bow.area == pytest.approx(2.0)
    assert bow.contains(1.9, 1.0) and not bow.contains(1.0, 1.9)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    coords=st.lists(
        st.lists(st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-400, 400), st.text(max_size=3)),
                 min_size=0, max_size=3),
        min_size=0,
        max_size=8,
    ),
    gtype=st.sampled_from(["Polygon", "MultiPolygon", "Point", "Blob", "GeometryCollection"]),
)
def test_read_features_never_crashes(tmp_path_factory, coords, gtype):
    f = tmp_path_factory.mktemp("h") / "x.geojson"
    geometry = {"type": gtype, "coordinates": [coords] if gtype != "MultiPolygon" else [[coords]]}
    f.write_text(json.dumps(_feature("x", geometry)))
    try:
        feats = read_features(f)
    except BoundaryError:
        return
    for _props, parts in feats:
        for part in parts:
            for ring in part:
                assert len(ring) >= 4
                for x, y in ring:
                    assert math.isfinite(x) and math.isfinite(y) and -180 <= x <= 180 and -90 <= y <= 90
