"""Words that are not the place of an event: names of peoples and words of nationality (data/peoples.json,
data/demonyms.json), in the singular and the plural; and the place where the words of a claim were said
("told reporters in Maputo that ...")."""

from __future__ import annotations

import pytest

from contested.gazetteer import Gazetteer
from contested.pipeline import _names_people, extract_text


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


@pytest.mark.parametrize("word", ["Oromo", "Hazara", "Hazaras", "Pashtun", "Tajiks", "Uzbeks", "Afghans", "Fulani"])
def test_people_words(gaz: Gazetteer, word: str) -> None:
    assert _names_people(gaz, word)


@pytest.mark.parametrize("word", ["Kabul", "Oromia", "Amhara", "Kunduz", "Mosul", "Paris"])
def test_place_names_are_not_people(gaz: Gazetteer, word: str) -> None:
    assert not _names_people(gaz, word)


def test_a_people_is_not_placed_on_a_town_of_similar_spelling() -> None:
    # the folded key of "Oromo" reaches a town in Armenia; the people's name must not place the event there
    (event,) = extract_text("Gunmen killed five Oromo farmers on Sunday, residents said.", published="2021-07-10")
    assert event.location is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The defence minister told reporters in Maputo on Monday that the joint force had entered Mocimboa da "
         "Praia.", "Mocimboa da Praia"),
        ("A police spokesman said in Kabul on Tuesday that Taliban fighters had captured Khwaja Ghar district.",
         "Khwajah Ghar"),
    ],
)
def test_the_place_where_words_were_said_is_not_the_events(text: str, place: str) -> None:
    events = extract_text(text, published="2021-08-10")
    assert [e.location.name for e in events if e.location] == [place]


def test_a_place_after_a_verb_that_is_no_cue_stays_the_events() -> None:
    # "responded" is a verb of saying elsewhere; here it is the fighting, and no attribution takes it as a cue
    events = extract_text("Afghan forces responded to the attacks with airstrikes in Dih Yak district of Ghazni "
                          "province on Monday.", published="2019-08-01")
    assert any(e.location and e.location.name == "Deh Yak" for e in events)
