"""A place followed by the units that hold it ("Town (District, Province)", "Town, Region state") is read
inside them (issue 8): the readings of the town there are kept and the units' readings that hold none of them
dropped; a list of places of one kind, and a town with its own unit of the same name, are left as they are."""

from __future__ import annotations

import pytest

from conftest import resolved
from contested.pipeline import _place_mentions, extract_text


@pytest.mark.parametrize(
    "text, name, country, admin1",
    [
        # a town of one name in many countries and provinces: the one in the unit the bracket names
        ("Militias attacked San Jose (Lambayeque) on Monday.", "San Jose", "Peru", "Lambayeque"),
        # the town named like its region
        ("In El Campito, Merida, Merida state, residents burned tires.", "Merida", "Venezuela", "Merida"),
        ("A man was shot dead in Decatur, Georgia, on Sunday.", "Decatur", "United States", "Georgia"),
    ],
)
def test_place_is_read_inside_the_units_written_after_it(gaz, nlp, text, name, country, admin1):
    loc = dict(resolved(gaz, nlp, text))[name]
    assert loc is not None and loc.country == country and loc.admin1 == admin1


@pytest.mark.parametrize(
    "text, unit, country",
    [
        ("Militias attacked San Jose (Lambayeque) on Monday.", "Lambayeque", "Peru"),
        # Georgia the state that holds a Decatur, not the country
        ("A man was shot dead in Decatur, Georgia, on Sunday.", "Georgia", "United States"),
    ],
)
def test_the_unit_keeps_only_the_readings_that_hold_the_place(gaz, nlp, text, unit, country):
    ms = {m.text: m for m in _place_mentions(gaz, nlp(text), text)}
    assert {p.country for p in ms[unit].candidates} == {country}


def test_a_list_of_provinces_is_not_a_place_and_its_unit(gaz, nlp):
    text = "Fighting spread to Kunduz, Takhar and Baghlan on Monday."
    ms = {m.text: m for m in _place_mentions(gaz, nlp(text), text)}
    assert any(p.feature == "province" and p.name == "Kunduz" for p in ms["Kunduz"].candidates)
    assert dict(resolved(gaz, nlp, text))["Kunduz"].admin1 == "Kunduz"


def test_a_town_and_its_own_unit_of_one_name_stay(gaz, nlp):
    got = resolved(gaz, nlp, "Around Formosa (Formosa), dockers blocked national route 11.")
    assert [loc.country for _, loc in got if loc is not None] == ["Argentina", "Argentina"]


def test_a_place_not_in_the_unit_written_after_it_is_left_as_it_was(gaz, nlp):
    """The notes' units are sometimes wrong ("Gujba LGA, Borno" for a town of Yobe): the place is not dropped."""
    text = "Boko Haram claimed shelling attacks on army positions in Buni Yadi (Gujba LGA, Borno)."
    got = dict(resolved(gaz, nlp, text))
    assert got["Buni Yadi"] is not None and got["Buni Yadi"].country == "Nigeria"


def test_a_country_only_as_one_of_its_names(gaz, nlp):
    """The lossy key joins "Pella" to Palau: a country is read only where it is spelt so or close to it."""
    got = dict(resolved(gaz, nlp, "About 250 rioters in Arnissa of Pella set fires and blocked the road."))
    assert got["Pella"] is None or got["Pella"].feature != "country"
    assert got["Arnissa"] is not None and got["Arnissa"].country == "Greece"


def test_a_name_found_in_one_country_only_beside_a_country_of_origin(gaz, nlp):
    """"a rally in Kilkis ... migrants from Afghanistan": Kilkis is the Greek town; Afghanistan is where the
    migrants came from, not the event's place."""
    text = ("Local residents rallied outside a hotel in Kilkis blocking the entrance to 280 migrants "
            "(mostly from Afghanistan) that arrived in coaches.")
    got = dict(resolved(gaz, nlp, text))
    assert got["Kilkis"] is not None and got["Kilkis"].country == "Greece"
    places = {e.location.name for e in extract_text(text, published="2020-05-04") if e.location is not None}
    assert places == {"Kilkis"}


def test_a_village_abroad_is_not_taken_where_the_article_places_things_at_home(gaz, nlp):
    """The exception above holds only where the article names no place of its own countries: in a story set in
    Kunduz, a name no Afghan place has is not placed abroad for being spelt like a village there."""
    text = "The Taliban attacked Kunduz city and Khanabad district; fighting reached Kilkis."
    got = dict(resolved(gaz, nlp, text))
    assert got["Kilkis"] is None


def test_actors_of_one_country_point_to_it(gaz):
    assert gaz.text_hints("Houthi forces shelled the town.") == {"YE": 1.0}
    assert gaz.text_hints("FARDC soldiers and Mayi Mayi militiamen clashed.") == {"CD": 2.0}
    # an acronym is matched as written: "kia" in a word, or another meaning spelt otherwise, is not an actor
    assert gaz.text_hints("Police found the hash in the flat.") == {}


def test_the_scene_set_by_the_sentence_before_places_the_event():
    text = ("On 5 May 2020, villagers accidentally stepped on a landmine in Ta Tork commune of Samlout district, "
            "Battambang, Cambodia. The explosion killed one and injured 3 others.")
    locs = [e.location for e in extract_text(text, published="2020-05-05")]
    assert locs and all(loc is not None and loc.country == "Cambodia" for loc in locs)


def test_an_unspecified_location_is_no_town():
    text = ("On 29 April 2020, rebels fired grenade launchers at the governmental positions near Avdiivka, Donetsk. "
            "During the day, one Ukrainian soldier was injured at an unspecified location.")
    injured = [e for e in extract_text(text, published="2020-04-29") if e.trigger and "injur" in e.trigger]
    # not the town the sentence before names; only the level that is certain, the province the story is in
    assert injured and all(e.location is None or (e.location.feature == "province" and e.location.precision == 3
                                                   and e.location.admin1 == "Donetsk") for e in injured)


def test_a_name_unknown_inside_a_district_and_province_that_agree_is_dropped(gaz, nlp):
    """"Mand town (Kech district, Balochistan)": no Mand lies there (the gazetteer's Mand is a town of Punjab),
    and the district and province agree; the name is a place the gazetteer does not know, and the district
    places the event."""
    text = "Soldiers opened fire on a vehicle in Aapsikan area of Mand town (Kech district, Balochistan)."
    got = dict(resolved(gaz, nlp, text))
    assert "Mand" not in got
    locs = [e.location for e in extract_text(text, published="2020-05-02") if e.location is not None]
    assert locs and {loc.admin1 for loc in locs} == {"Balochistan"}
