"""The rules' sub-event type of events told in one or two sentences (written for these tests): who did the
violence (a crowd, armed men, the police), what a demonstration was about against what happened at it, and what
the sentences after a demonstration say was done to it. The default model is switched off: these are the rules."""

from __future__ import annotations

import pytest

from contested.pipeline import extract_text
from contested.typing_model import DEFAULT_ENV


def first_type(text: str) -> str:
    events = extract_text(text, published="2020-05-10")
    return events[0].acled_sub_event_type if events else "(none)"


@pytest.fixture(autouse=True)
def _rules_only(monkeypatch):
    monkeypatch.setenv(DEFAULT_ENV, "off")


@pytest.mark.parametrize("text, expected", [
    # A crowd's violence with no demonstration told is mob violence; armed men's is an attack or a clash.
    ("On Monday, villagers pelted stones at police officers who were enforcing the curfew in Herat.", "Mob violence"),
    ("On Monday, villagers attacked a police team in Herat.", "Mob violence"),
    ("On Monday, members of two rival parties clashed in Herat.", "Mob violence"),
    ("On Monday, a clash between two groups of villagers over water left five injured in Herat.", "Mob violence"),
    ("On Monday, residents beat up a suspected thief in Herat.", "Mob violence"),
    ("On Monday, police beat a street vendor in Herat for breaking the curfew.", "Attack"),
    ("On Monday, gunmen tortured a shopkeeper in Herat.", "Attack"),
    ("On Monday, gunmen shot dead the owner of a shop in Herat.", "Attack"),
    # Civilians killed in fighting between armed sides: still the fight.
    ("On Monday, army troops and rebels exchanged fire in Herat, and two civilians were wounded.", "Armed clash"),
    # Heavy weapons fired while both sides fight, or answered: the fight.
    ("On Monday, rebels shelled army positions near Herat. Soldiers fired back.", "Armed clash"),
    ("On Monday, rebels shelled army positions near Herat.", "Shelling/artillery/missile attack"),
])
def test_who_did_the_violence(text, expected):
    assert first_type(text) == expected


@pytest.mark.parametrize("text, expected", [
    # What the crowd protests about is not what happened at the protest.
    ("On Monday, students protested in Herat against the arrest of their teacher.", "Peaceful protest"),
    ("On Monday, students protested in Herat against the attack on their school.", "Peaceful protest"),
    ("On Monday, protesters gathered in Herat against the detention of people involved in riots.",
     "Peaceful protest"),
    # What the sentences after it say was done to it, or by it.
    ("On Monday, traders protested in Herat against new taxes. Police dispersed them with a baton charge.",
     "Protest with intervention"),
    ("On Monday, traders protested in Herat against new taxes. Rioters burned tyres and threw stones.",
     "Violent demonstration"),
    ("On Monday, traders protested in Herat, demanding the release of a colleague. He was arrested last week.",
     "Peaceful protest"),
    # Words that make a demonstration only with a demand in the sentence.
    ("On Monday, hundreds of workers gathered outside the governor's office in Herat, demanding unpaid wages.",
     "Peaceful protest"),
    ("On Monday, hundreds of migrant workers blocked the highway near Herat, demanding to go home.",
     "Peaceful protest"),
])
def test_what_happened_at_a_demonstration(text, expected):
    assert first_type(text) == expected


def test_patrols_and_decrees_are_changes_of_activity():
    assert first_type("On Monday, foreign troops conducted a joint patrol near Herat.") == "Change to group/activity"
    assert first_type("On Monday, the governor imposed a 24-hour curfew on Herat.") == "Change to group/activity"


@pytest.mark.parametrize("text, expected", [
    # A retreat or flight told with the fighting is part of the fight; alone, a transfer.
    ("On Monday, soldiers repelled an attack on their post in Herat, and the attackers fled.", "Armed clash"),
    ("On Monday, the attackers fled from Herat.", "Non-violent transfer of territory"),
    # A seizure of things that are no weapons is looting; of weapons, disrupted weapons use.
    ("On Monday, gunmen seized a truck carrying food near Herat.", "Looting/property destruction"),
    ("On Monday, soldiers seized a large quantity of weapons near Herat.", "Disrupted weapons use"),
    # People captured, wherever: no capture of territory.
    ("On Monday, soldiers captured 2 rebels on the front near Herat.", "Arrests"),
    # Excessive force is lethal force on a crowd that did no violence.
    ("On Monday, police shot dead two protesters during a peaceful march in Herat.",
     "Excessive force against protesters"),
    ("On Monday, two protesters were injured when police dispersed a march in Herat.", "Protest with intervention"),
    ("On Monday, police shot dead two protesters who were throwing stones in Herat.", "Violent demonstration"),
])
def test_strategic_and_lethal_neighbours(text, expected):
    assert first_type(text) == expected
