"""Names of peoples and words of nationality name people or forces, never a place (data/peoples.json,
data/demonyms.json), in the singular and the plural."""

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
