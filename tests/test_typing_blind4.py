"""Typing and actors of news about any country (issue 6): the trigger patterns of data/families.json, the rules
of stages/event_types.py and the named groups of data/actors.json. Every sentence is invented for these tests
(places are real, events are not). The default model is switched off: these are the rules and the patterns."""

from __future__ import annotations

import pytest

from contested.actors import BUILTIN, ActorDictionary
from contested.pipeline import extract_text
from contested.triggers import find_triggers
from contested.typing_model import DEFAULT_ENV


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setenv(DEFAULT_ENV, "off")


def events(text: str, published: str = "2024-03-07"):
    return extract_text(text, published=published)


def types(text: str, published: str = "2024-03-07") -> list[str]:
    return [e.type for e in events(text, published)]


def families(text: str) -> list[str]:
    return [t.family for t in find_triggers(text)]


# ---------------------------------------------------------------- territory


@pytest.mark.parametrize("text, expected", [
    # "pushed X out of <place>": the expelled force is the verb's object, not what was taken (eventness reads
    # "forces" as people, so the clause is no figure of speech).
    ("Ukrainian troops pushed Russian forces out of Bakhmut on Sunday.", "territory_regained"),
    ("The army drove the rebel fighters out of Rutshuru on Sunday.", "territory_regained"),
    # A base handed over by "its" garrison is a non-violent transfer to the ones it is handed to.
    ("The garrison handed over its base to the rebels in Lashio on Friday.", "territory_captured"),
    # Holding most of a town.
    ("The rebels controlled most of the town of Bunia by Friday evening, residents said.", "territory_captured"),
])
def test_territory(text, expected):
    assert expected in types(text)


def test_taken_control_is_no_arrest_even_with_people_counted():
    # "had taken control ... and killed 30 soldiers": the soldiers are the toll, control is of a place.
    got = types("Fighters of the group said on Monday that they had taken control of the town after days of "
                "fighting and had killed 30 soldiers.")
    assert "arrest" not in got
    assert "territory_captured" in got


def test_control_word_in_a_clause_of_time_only_dates_the_violence():
    # "two days after it fell ..., the town was bombed": the bombing is told; the fall only says when.
    got = types("Two days after it fell to the resistance, Mogaung was bombed by warplanes on Sunday, killing six "
                "people.")
    assert got[:1] == ["air_strike"]
    assert "territory_captured" not in got
    # Without the clause of time, the capture is an event of its own.
    assert "territory_captured" in types("Resistance forces seized the town of Mogaung in Kachin State on Friday.")


# ---------------------------------------------------------------- weapons


@pytest.mark.parametrize("text, expected", [
    ("A shell landed in the central market of Kramatorsk on Monday, killing three people.", "shelling"),
    ("Two children were killed by an artillery shell in Avdiivka on Monday.", "shelling"),
    ("Israeli strikes hit Khan Younis on Friday, killing 12 people.", "air_strike"),
    ("Government forces fired 14.5mm machine guns at villages near Hodeidah on Monday.", "shelling"),
])
def test_weapon_words(text, expected):
    assert types(text)[:1] == [expected]


@pytest.mark.parametrize("text", [
    "Investigators found 14 shell casings in the street in Detroit on Monday.",
    "Teachers went on a general strike in Nairobi on Monday.",
])
def test_no_weapon_where_there_is_none(text):
    assert not {"shelling", "air_strike"} & set(types(text))


def test_a_prison_is_guarded():
    # Storming a prison is a fight with its armed guards (data/targets.json armed), not an attack on civilians.
    assert types("The central prison in Herat was stormed on Sunday night.")[:1] == ["armed_clash"]


def test_missile_strikes_stay_missile_fire():
    # "missile strikes hit": the missile decides (ACLED's shelling/missile attack), not the word "strikes".
    assert types("Russian missile strikes hit Kharkiv on Friday, killing 12 people.")[:1] == ["shelling"]


def test_calibres_count_only_beside_a_machine_gun():
    assert "shelling" not in families("Police seized 300 rounds of 12.7mm ammunition and two rifles in Kandahar.")
    assert "shelling" in families("Troops fired 12.7mm machine guns at the village.")


# ---------------------------------------------------------------- people taken, looting, mobilization, flight


def test_people_taken_from_their_homes():
    # By gunmen: an abduction; by the state's own soldiers: a detention, unless where they are is not known.
    assert types("Masked gunmen took a local teacher from his home in Gao on Wednesday night.")[:1] == ["abduction"]
    assert types("Soldiers took six herders with them when they left the village of Ndaki on Friday.")[:1] == [
        "arrest"]
    assert types("Soldiers took six herders with them when they left the village of Ndaki on Friday, and their "
                 "families do not know where they are.")[:1] == ["abduction"]


@pytest.mark.parametrize("text, expected", [
    ("Gunmen broke into a clinic in Kidal and carried off medicines and fuel on Sunday.", "property_destruction"),
    ("Fighters broke into a depot in Kidal and carried off more than 1,200 tonnes of grain on Sunday.",
     "property_destruction"),
    ("Hundreds of volunteers were handed rifles at the governor's compound in Bamako on Saturday.", "mobilization"),
])
def test_looting_and_arming(text, expected):
    assert types(text)[:1] == [expected]


def test_carried_off_the_wounded_is_no_looting():
    assert "property" not in families("Villagers carried off the wounded after the attack.")


@pytest.mark.parametrize("text, expected", [
    ("Thousands of residents fled towards the Kenyan border after clashes in Mandera on Monday.", "displacement"),
    ("Some 2,000 villagers fled to the border town of Moyale on Monday.", "displacement"),
    ("Thousands of residents fled across the border into Kenya after clashes in Mandera on Monday.",
     "cross_border_flight"),
    ("Some 200 Somali soldiers crossed at two points along the border overnight, Kenyan officials said on Monday.",
     "cross_border_flight"),
])
def test_a_border_crossed_or_only_approached(text, expected):
    assert types(text)[:1] == [expected]


# ---------------------------------------------------------------- actors named on their own


@pytest.mark.parametrize("text, name, kind", [
    ("Hamas fired rockets at Ashkelon on Monday, killing two people.", "Hamas", None),
    ("The RSF shelled neighbourhoods of El Fasher on Sunday, killing five civilians.", "RSF: Rapid Support Forces",
     None),
    ("Al-Shabaab fighters stormed a police station in Mogadishu on Tuesday.", "Al Shabaab", "rebels"),
    ("M23 rebels captured the town of Rubaya on Tuesday.", "M23: March 23 Movement", "rebels"),
    ("The Tatmadaw shelled the village of Kyauk Pyin in Sagaing region on Monday, killing three civilians.",
     "Military Forces of Myanmar", "state_forces"),
])
def test_named_groups_are_actors(text, name, kind):
    evs = events(text)
    assert evs
    actor1 = [a for a in evs[0].actors if a.role == "actor1"]
    assert [(a.name, a.kind) for a in actor1] == [(name, kind)]


def test_ambiguous_acronyms_name_a_group_only_in_its_country():
    d = ActorDictionary(BUILTIN)
    assert d.resolve("RSF", "Sudan") == ("RSF: Rapid Support Forces", None)
    assert d.resolve("RSF", "France") is None
    assert d.resolve("ADF", "Australia") is None


def test_kinds_come_from_the_data():
    # A named group is rebels only where the dictionary says so; a group whose family ACLED decides case by
    # case stays without one (null is allowed by the contract).
    kinds = {e.name: e.kind for e in BUILTIN}
    assert kinds["Al Shabaab"] == "rebels"
    assert kinds["Hamas"] is None
    assert all(k in (None, "state_forces", "rebels", "political_militia", "identity_militia", "rioters",
                     "protesters", "civilians", "external") for k in kinds.values())
