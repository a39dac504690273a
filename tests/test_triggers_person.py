"""Trigger patterns that act on a person (data/families.json, acts_on "person"): "took away", "forced into a
car", "were taken by" tell an abduction only where the parse says the verb acts on people. Sentences written
for these tests (illustrative)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from contested.families import FamilyTableError, parse_table
from contested.nlp import load_nlp
from contested.pipeline import extract_text
from contested.triggers import find_triggers, triggers_in


def abductions(text: str) -> list[str]:
    doc = load_nlp()(text)
    return [t.text for s in doc.sents for t in triggers_in(s) if t.family == "abduction"]


@pytest.mark.parametrize("text", [
    "Gunmen stopped a bus near the river and took away six truck drivers.",
    "On Saturday, armed men took away two game rangers from a post near the park.",
    "Men in plain clothes forced him into an unmarked car outside his home.",
    "Eight of them were taken by militia fighters, residents said.",
    "Three fishermen were snatched from their boat by armed men.",
    "Soldiers picked up three young men at a roadblock on Friday.",
])
def test_taking_people_is_an_abduction(text):
    assert abductions(text)


@pytest.mark.parametrize("text", [
    "Looters took away the goods from the warehouse.",
    "The wounded were taken by ambulance to the hospital.",
    "The patient was taken to hospital on Monday.",
    "Trucks picked up the grain at the port.",
    "The flood took away the bridge.",
    # the parser joins the speakers to the goods: only a name is followed into a list
    "Young men broke into two shops and carried away goods, police and shopkeepers said.",
])
def test_taking_things_or_people_to_safety_is_not(text):
    assert not abductions(text)


def test_without_a_parse_they_match_nothing():
    assert not [t for t in find_triggers("Gunmen took away six drivers.") if t.family == "abduction"]


def test_an_abduction_event_comes_out():
    events = extract_text("On Saturday, armed men stopped a convoy near Berhale and took away six truck drivers, "
                          "the UN said.", published="2024-01-02")
    assert [e.type for e in events] == ["abduction"]


def test_acts_on_is_checked():
    data = json.loads(resources.files("contested").joinpath("data/families.json").read_text(encoding="utf-8"))
    data["families"][-1]["patterns"].append({"pattern": "took away", "acts_on": "thing"})
    with pytest.raises(FamilyTableError, match="acts_on"):
        parse_table(data)
    table = parse_table(json.loads(resources.files("contested").joinpath("data/families.json")
                                   .read_text(encoding="utf-8")))
    assert "driver" in table.person_nouns and "gunman" in table.armed_nouns and "take" in table.needs_doer
