"""Recall and typing read from the main verb and its arguments (illustrative: sentences written for these tests,
with invented places): whom a pronoun object stands for, who the victims were, what an operation was for, what
was seized, who took a place from whom, and who left it."""

from __future__ import annotations

import pytest

from conftest import event_types_of
from contested.pipeline import extract_text

pytestmark = pytest.mark.usefixtures("rules_and_default_model")

types = event_types_of


@pytest.mark.parametrize("text, expected", [
    # "them" stands for the object of the verb it is joined to: former policemen are unarmed people.
    ("On Sunday night, fighters dragged two former police officers from their homes in Zolotovka and shot them "
     "dead, relatives said.", "killing"),
    # A headteacher is a civilian, as a teacher is.
    ("In Zolotovka, gunmen shot dead a headteacher outside his house on Thursday, his colleagues said.", "killing"),
])
def test_victims_decide_an_attack(text, expected):
    assert types(text) == [expected]


def test_people_arrested_in_a_search_are_an_arrest():
    # An operation named as a search is no fight: the arrest is what happened.
    assert types("In Zolotovka, soldiers arrested 23 young men during a cordon-and-search operation on Thursday, "
                 "relatives said.") == ["arrest"]


def test_suicide_vests_seized_are_no_suicide_bombing():
    got = types("In Zolotovka, police arrested six men on Monday and seized explosives and two suicide vests from "
                "a house where they were staying.")
    assert got and "suicide_bombing" not in got


@pytest.mark.parametrize("text", [
    "In Zolotovka, armed men took a member of the municipal council from his home on Wednesday night.",
    "In Zolotovka, gunmen took a local radio journalist, Ivan Petrenko, from his home on Tuesday night.",
    "In Zolotovka, armed men stormed a secondary school on Tuesday and took away the principal and six pupils.",
])
def test_people_taken_away_are_an_abduction(text):
    assert types(text)[:1] == ["abduction"]


def test_a_military_post_set_up_is_a_base():
    assert types("Foreign troops set up a new military post at Zolotovka on Sunday.") == ["camp_established"]


def test_a_withdrawal_in_a_clause_of_time_is_the_capture_told_from_the_losing_side():
    got = types("Afghan troops pushed into the city of Kunduz on Monday. On Tuesday, Afghan troops took Kunduz after "
                "the insurgents pulled out overnight, a monitor said.")
    assert "territory_regained" in got and "territory_captured" not in got and "retreat" not in got


def test_a_name_the_article_writes_as_a_place():
    from contested.nlp import load_nlp
    from contested.stages.places import PLACE_NOUNS
    from contested.triggers import _named_as_place

    doc = load_nlp()("Troops pushed into the town of Brenivka on Monday. On Tuesday, the army took Brenivka, and "
                     "the army took Petrenko to a base.")
    later = [t for t in doc if t.text == "Brenivka"][1]
    assert _named_as_place(doc, later, PLACE_NOUNS)
    person = next(t for t in doc if t.text == "Petrenko")
    assert not _named_as_place(doc, person, PLACE_NOUNS)


@pytest.mark.parametrize("text, expected", [
    # Many people leaving a named place: civilians flee it, armed people give it up.
    ("Thousands of residents left Kunduz on Wednesday, many on foot.", ["displacement"]),
    ("On Monday, government troops left Kunduz under an arrangement brokered by elders, residents said.",
     ["retreat"]),
    # One person leaving a place is no event.
    ("The governor left Kunduz on Tuesday morning.", []),
])
def test_who_left_a_place(text, expected):
    assert types(text) == expected


def test_forces_that_left_a_place_retreated_from_it():
    # The taxonomy's retreat ("forces abandon posts or withdraw from a place"), ACLED's non-violent transfer of
    # territory: no capture by anyone is made up where the text names no one who took the place.
    evs = extract_text("On Monday, government troops left Kunduz, residents said.", published="2023-03-14")
    assert [e.type for e in evs] == ["retreat"]
    assert evs[0].acled_sub_event_type == "Non-violent transfer of territory"
