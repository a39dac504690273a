"""The rules' event type where it is read from what a verb took, who did it and what came after (sentences
written for these tests, with invented places and people where a name matters). The default model is off:
these are the rules."""

from __future__ import annotations

import pytest

from contested.pipeline import extract_text
from contested.typing_model import DEFAULT_ENV


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setenv(DEFAULT_ENV, "off")


def kinds(text: str) -> list[tuple[str, str | None]]:
    return [(e.type, e.detail) for e in extract_text(text, published="2020-05-10")]


def first_kind(text: str) -> str:
    got = kinds(text)
    return got[0][0] if got else "(none)"


@pytest.mark.parametrize("text, expected", [
    # "take back" is a regain where a place is what was taken back: a name, a place word, in either voice.
    ("On Monday, government troops took back Zolotovka and Brenivka.", "territory_regained"),
    ("On Monday, Gereshk was taken back by the army.", "territory_regained"),
    ("On Monday, government forces took back the district centre of Gereshk.", "territory_regained"),
    # Things taken back are no territory: nothing, or what the things were.
    ("On Monday, the bodies were taken back to Herat.", "(none)"),
    ("On Monday, Afghan forces recovered the weapons in Herat.", "weapons_seized"),
    # People lost are no place lost: the violence told with them is the event.
    ("On Monday, the army lost three soldiers in an ambush in Herat.", "armed_clash"),
    ("On Monday, the army lost Gereshk district to the Taliban.", "territory_captured"),
])
def test_what_was_taken(text, expected):
    assert first_kind(text) == expected


def test_a_thing_taken_back_leaves_the_protest_its_event():
    assert kinds("On Monday, students protested in Herat and took back their banners from the police.") == [
        ("protest", "peaceful")]


@pytest.mark.parametrize("text, expected", [
    # Killing and abducting in one clause: the killing decides (the graver act).
    ("On Monday, gunmen killed a policeman and abducted three civilians in Herat.", "armed_clash"),
    ("On Monday, three civilians were kidnapped and killed by gunmen in Herat.", "killing"),
    # An abduction verb on which the incursion or ambush hangs: the abduction.
    ("On Monday, militiamen abducted five civilians from a village near Herat during an incursion.", "abduction"),
    ("On Monday, gunmen kidnapped a driver and his assistant during an ambush near Herat.", "abduction"),
    # A detention whose whereabouts are not told is a forced disappearance, whoever detained.
    ("On Monday, soldiers seized a member of the city council in Herat and took him to an unknown location.",
     "abduction"),
    ("On Monday, soldiers detained a member of the city council in Herat.", "arrest"),
])
def test_abductions(text, expected):
    assert first_kind(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Intercepted or downed missiles and drones: weapons destroyed before use (the contract's weapons_seized,
    # ACLED's disrupted weapons use), not an air strike.
    ("On Monday, air defences intercepted two missiles over Herat.", "weapons_seized"),
    ("On Monday, two rockets were intercepted over Herat.", "weapons_seized"),
    ("On Monday, the air force shot down six drones over Herat.", "weapons_seized"),
    # An air force or aircraft doing the violence: from the air.
    ("On Monday, the air force targeted a rebel hideout near Herat and killed one rebel.", "air_strike"),
    ("On Monday, army helicopters attacked rebel positions near Herat.", "air_strike"),
    ("On Monday, soldiers attacked rebel positions near Herat.", "armed_clash"),
])
def test_weapons_from_the_air(text, expected):
    assert first_kind(text) == expected


@pytest.mark.parametrize("text, expected", [
    # A crowd that disperses by itself was not broken up; one dispersed by police was.
    ("On Monday, a few dozen students staged a protest in Herat, marching for an hour before dispersing.",
     ("protest", "peaceful")),
    ("On Monday, traders protested in Herat against new taxes and were dispersed by police.",
     ("protest", "with_intervention")),
    ("On Monday, traders protested in Herat against new taxes. Police dispersed them with tear gas.",
     ("protest", "with_intervention")),
    # Force told in the next sentence counts where that sentence names the crowd.
    ("On Monday, traders protested in Herat against new taxes. Security forces then opened fire on the "
     "protesters.", ("protest", "excessive_force")),
    ("On Monday, traders protested in Herat against new taxes. At least one protester was arrested.",
     ("protest", "with_intervention")),
    # A killing told after a protest that does not name its crowd is no force used on it.
    ("On Monday, traders protested in Herat against new taxes. Gunmen killed two soldiers in a village nearby.",
     ("protest", "peaceful")),
    # Burning tyres or barricades is a crowd's violence (a riot), not arson.
    ("On Monday, protesters torched tyres on the main road in Herat.", ("riot", "violent_demonstration")),
    ("On Monday, a group of residents set on fire barricades across the streets of Herat.",
     ("riot", "violent_demonstration")),
])
def test_what_happened_to_a_crowd(text, expected):
    assert kinds(text)[0] == expected


def test_the_next_paragraph_is_not_what_happened_to_the_protest():
    text = ("On Monday, thousands of people marched peacefully through Herat against fuel prices.\n\n"
            "In Farah, police shot dead two protesters on Tuesday.")
    assert kinds(text)[0] == ("protest", "peaceful")


@pytest.mark.parametrize("text, expected", [
    # Armed people not under arms when hit: violence on unarmed people (an attack), not a fight.
    ("On Monday, gunmen shot dead an off-duty police officer in Herat.", "killing"),
    ("On Monday, gunmen shot dead a retired army colonel in Herat.", "killing"),
    ("On Monday, gunmen shot dead an army colonel in Herat.", "armed_clash"),
])
def test_armed_people_off_duty(text, expected):
    assert first_kind(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Forces advancing is fighting; advancing a process is not.
    ("On Monday, the government released 67 prisoners from a prison in Herat to advance the peace process.",
     "other"),
    ("On Monday, rebels advanced on Gereshk.", "armed_clash"),
])
def test_advance(text, expected):
    assert first_kind(text) == expected


def test_weapons_exchanged_are_a_clash_not_weapons_named_in_passing():
    import contested

    types = [e["type"] for e in contested.extract(
        "On June 3 2019, Afghan forces and Taliban exchanged rockets in Khanabad district, Kunduz.")]
    assert types == ["armed_clash"]
