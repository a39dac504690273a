"""Recall across ways of writing: event words and constructions that writers use and the trigger finder did not
read (eval/writer_recall.py counts them on the project-written writers' corpus).

- a surrender told as "gave themselves up" / "turned himself in"; weapons handed in;
- a base set up with words of its kind before the noun ("a new forward operating base");
- a militia formed, men conscripted or armed; a weapon count written "15 AK-47 rifles" or "2,000";
- people forced out of their homes or moved to relief camps; a round-up; a withdrawal's "pullout";
- forces deserting their positions, handing over their last base; the air force as the doer of strikes; an accord signed;
  people who left a town for another;
- a situation report's list item told as a sentence is prose, a title in a list is not.

The sentences are written for these tests (illustrative); each stands for a kind of sentence, not for one seen
anywhere. The last tests check that words near these do not make events.
"""

from __future__ import annotations

import pytest

from contested.nlp import load_nlp
from contested.pipeline import extract_text
from contested.triggers import triggers_in


def _types(text: str) -> list[str]:
    return sorted(e.type for e in extract_text(text, published="2024-01-01", source="Example Wire"))


def _families(text: str) -> list[tuple[str, str]]:
    doc = load_nlp()(text)
    return [(t.family, t.text) for s in doc.sents for t in triggers_in(s, text=s.text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 60 soldiers gave themselves up to the rebels near Kidal on Tuesday, a local official said.", "surrender"),
    ("A militant commander turned himself in to police in Kupwara on Sunday, officials said.", "surrender"),
    ("Security forces set up a new forward operating base in Gao on Thursday, the army said.", "camp_established"),
    ("The rebels established their administrative headquarters in Bunia on Monday, residents said.",
     "camp_established"),
    ("Villagers in Mopti formed a new village militia on Friday, a local leader said.", "mobilization"),
    ("The rebel group began conscripting young men in Kidal on Sunday, residents said.", "mobilization"),
    ("Troops recovered 15 AK-47 rifles from a hideout near Kaduna on Tuesday, the army said.", "weapons_seized"),
    ("Hundreds of families were forced out of their homes in Masisi on Monday by militiamen, officials said.",
     "displacement"),
    ("Police rounded up 40 men in Kano on Friday after the unrest, a spokesman said.", "arrest"),
    ("The army units deserted their positions south of Gao overnight, a commander said.", "retreat"),
    ("The air force carried out strikes on rebel positions near Kidal on Tuesday, a spokesman said.", "air_strike"),
    ("Farmer and herder leaders in Mopti signed a local peace accord on Friday, a mediator said.", "agreement"),
    ("More than 2,000 people left Ansongo for Gao on Wednesday, carrying what they could, officials said.",
     "displacement"),
])
def test_a_way_of_telling_the_happening_gives_its_event(text, expected):
    assert expected in _types(text)


def test_a_number_with_a_thousands_separator_and_a_hyphenated_word_are_words_of_a_pattern():
    assert ("weapons", "recovered 2,000 rifles") in _families("Troops recovered 2,000 rifles in Gao.")
    assert ("weapons", "recovered 15 AK-47 rifles") in _families("Troops recovered 15 AK-47 rifles in Gao.")


def test_a_base_handed_over_with_words_between_is_a_handover():
    # who hands over decides the type (a withdrawal, a capture without a fight): here only the words are tested
    assert _families("The peacekeepers handed over their last base in Gao to the army.")[0][0] == "surrender_place"
    assert _families("The mission completed the handover of its camp in Gao.")[0][0] == "surrender_place"


def test_a_list_item_told_as_a_sentence_is_read_but_a_title_in_a_list_is_not():
    item = "• 14/03 – Gao: armed men seized control of the town of Ansongo after a long battle with the army."
    assert extract_text(item, published="2024-01-01")
    titles = "* 2019 Ansongo attack\n* 2007 Gao bombing\n\nThe market reopened on Monday."
    assert extract_text(titles, published="2024-01-01") == []


@pytest.mark.parametrize("text", [
    "Troops destroyed enemy vehicles near the town, the army said.",  # battle damage, not looting or arson
    "The government said it would pull its police out of the district if the talks failed.",
    "The minister said the army had recruited more teachers for its schools than planned.",
    "Nobody was hurt in the market, because residents had left the day before, he said.",
])
def test_words_near_the_new_ones_make_no_property_or_retreat_event(text):
    types = _types(text)
    assert "property_destruction" not in types and "retreat" not in types and "withdrawal" not in types
