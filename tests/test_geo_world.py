"""Places anywhere: the world gazetteer, resolution by the whole article, places no package knows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from contested.gazetteer import Gazetteer
from contested.pipeline import extract_text

SRC = Path(__file__).resolve().parents[1] / "src" / "contested"


@pytest.fixture(scope="module")
def gaz(tmp_path_factory) -> Gazetteer:
    return Gazetteer.load(tmp_path_factory.mktemp("world_home"))


def resolved(g: Gazetteer, text: str) -> dict[str, object]:
    ms = g.find(text)
    return {m.text: loc for m, loc in zip(ms, g.resolve(ms, g.text_hints(text)), strict=True)}


@pytest.mark.parametrize(
    "text, name, country, admin1",
    [
        ("Insurgents attacked the town of Mocimboa da Praia in Cabo Delgado province on Tuesday.",
         "Mocimboa da Praia", "Mozambique", "Cabo Delgado"),
        ("Russian forces captured the city of Kherson in southern Ukraine on Wednesday.",
         "Kherson", "Ukraine", "Kherson"),
        ("Tigrayan forces retook the city of Mekelle in northern Ethiopia on Monday.",
         "Mekelle", "Ethiopia", "Tigray"),
        ("Gunmen killed four soldiers near Maiduguri, the capital of Borno state, Nigerian officials said.",
         "Maiduguri", "Nigeria", "Borno"),
        ("Clashes in Imam Sahib district of Kunduz on Monday.", "Imam Sahib", "Afghanistan", "Kunduz"),
    ],
)
def test_places_anywhere(gaz, text, name, country, admin1):
    got = resolved(gaz, text)
    loc = got[name]
    assert loc is not None and loc.country == country and loc.admin1 == admin1
    assert loc.lat is not None and loc.precision in (1, 2)


def test_an_article_about_one_country_does_not_resolve_to_villages_elsewhere(gaz):
    text = ("Insurgents attacked Mocimboa da Praia on Tuesday. Residents fled to Pemba and Montepuez, "
            "Mozambican officials said. Fighting continued near Macomia.")
    got = resolved(gaz, text)
    countries = {loc.country for loc in got.values() if loc is not None}
    assert countries == {"Mozambique"}, got


def test_a_country_named_is_the_country(gaz):
    got = resolved(gaz, "Militants crossed from Tajikistan into Afghanistan's Kunduz province.")
    assert got["Tajikistan"].feature == "country" and got["Tajikistan"].lat is None
    assert got["Kunduz"].feature == "province" and got["Kunduz"].precision == 3


def test_x_province_is_the_province_not_its_town(gaz):
    got = resolved(gaz, "The Taliban attacked checkpoints in Kunduz, Takhar and Baghlan provinces.")
    (loc,) = [v for k, v in got.items() if k == "Baghlan"]
    assert loc.feature == "province" and loc.admin1 == "Baghlan"
    got = resolved(gaz, "Fighting in Cabo Delgado province.")
    assert got["Cabo Delgado"].feature == "province" and got["Cabo Delgado"].lat is not None


def test_nationality_words_point_to_the_country(gaz):
    assert gaz.text_hints("Afghan forces and Pakistani troops; Afghan police.") == {"AF": 1.0, "PK": 1.0}


def test_acronyms_and_ordinary_words_are_not_places(gaz):
    assert gaz.not_a_name("NATO") and gaz.not_a_name("Taliban") and gaz.not_a_name("Police")
    assert not gaz.not_a_name("UAE") and not gaz.not_a_name("Kunduz")


def test_unknown_place_is_placed_in_the_district_the_sentence_names():
    (ev,) = extract_text("The Taliban seized the Aqina border crossing in Andkhoy district of Faryab province "
                         "on Monday.", published="2021-07-06")
    loc = ev.location
    assert loc.name == "Aqina" and loc.feature == "border_crossing"
    assert loc.country == "Afghanistan" and loc.admin1 == "Faryab" and loc.admin2 == "Andkhoy"
    assert loc.lat is not None and loc.precision == 2


def test_unknown_place_in_a_province_only_gets_precision_3():
    (ev,) = extract_text("Insurgents overran the Nangade military base in Cabo Delgado province on Friday.",
                         published="2021-07-06")
    loc = ev.location
    assert loc.country == "Mozambique" and loc.admin1 == "Cabo Delgado" and loc.lat is not None
    assert loc.precision in (2, 3)


def test_world_gazetteer_has_every_country(gaz):
    assert len(gaz.countries) >= 240
    for name in ("Mozambique", "Ukraine", "Ethiopia", "Myanmar", "Colombia", "Yemen"):
        assert any(p.feature == "country" for p in gaz.lookup(name)), name
    assert sum(1 for _ in gaz.places.rows()) > 280_000


def test_no_country_written_into_the_place_code():
    for path in (SRC / "gazetteer.py", SRC / "boundaries.py", SRC / "textnorm.py"):
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"[\"'](AF|AFG|Afghanistan)[\"']", code), path.name
