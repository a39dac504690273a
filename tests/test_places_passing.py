"""Places named in passing, the story going on, and names that only a lossy spelling makes towns.

Sentences invented for these tests."""
from __future__ import annotations

import pytest

from contested import extract


def _places(text: str, published: str = "2024-05-10") -> list[tuple[str, str | None, str | None]]:
    events = extract(text, published=published)
    events = events if isinstance(events, list) else events.get("events", [])
    return [(e["type"], (e.get("location") or {}).get("name"), ((e.get("date") or {}).get("start"))) for e in events]


def test_country_as_the_agent_of_a_participle_is_no_place() -> None:
    got = _places("Gunmen backed by Tanzania raided the village of Kiwanja in Rutshuru territory on Tuesday, "
                  "killing four farmers.")
    names = {n for _, n, _ in got}
    assert "Tanzania" not in names
    assert any(n is not None and "Kiwanja" in n for n in names)


def test_an_arrest_after_an_event_sentence_goes_on_at_its_place_and_day() -> None:
    got = _places("Police used tear gas to break up a protest by traders in Bukavu on Wednesday. "
                  "Dozens of traders were detained.")
    arrests = [(n, d) for t, n, d in got if t == "arrest"]
    assert arrests and arrests[0][0] == "Bukavu"
    assert arrests[0][1] is not None and str(arrests[0][1]).startswith("2024-05-08")


def test_an_arrest_in_another_paragraph_takes_no_place() -> None:
    got = _places("Police used tear gas to break up a protest by traders in Bukavu on Wednesday.\n\n"
                  "Dozens of traders were detained.")
    assert all(n is None for t, n, _ in got if t == "arrest")


@pytest.mark.parametrize("text", [
    "The uncle of Melina Vargas was charged on Monday after the shooting near Dayton.",
    "A sergeant from Fort Riley was charged on Monday after the shooting near Dayton.",
    "Two soldiers based at Fort Riley were shot outside a bar in Dayton on Saturday.",
])
def test_first_word_of_an_unknown_name_is_no_town(text: str) -> None:
    from contested.gazetteer import Gazetteer
    from contested.nlp import load_nlp
    from contested.pipeline import _place_mentions

    sdoc = load_nlp()(text)
    found = [m.text for m in _place_mentions(Gazetteer.load(), sdoc, text, sdoc.ents)]
    assert found == ["Dayton"], found


def test_what_a_crowd_demands_is_no_place() -> None:
    got = _places("Several hundred farmers marched through Butembo on Thursday to demand that Burundi recall its "
                  "troops.")
    names = {n for _, n, _ in got}
    assert "Burundi" not in names
    assert "Butembo" in names


def test_a_name_followed_by_a_word_of_place_stays() -> None:
    got = _places("Gunmen killed three traders in Butembo town on Thursday.")
    assert any(n == "Butembo" for _, n, _ in got), got


def _loc(name: str) -> object:
    from contested.records import Location

    return Location(name=name, text=None, country="United States", admin1=None, admin2=None, lat=None, lon=None)


@pytest.mark.parametrize(("text", "word", "reading", "lossy"), [
    ("The gunman also shot his aunt Noreen at the house.", "Noreen", "Norwin", True),
    ("Gunmen attacked a checkpoint in Noreen on Friday.", "Noreen", "Norwin", False),  # used as a place
    ("The gunman also shot his aunt Noreen at the house.", "Noreen", "Norene", False),  # a spelling of it
])
def test_a_reading_only_the_lossy_key_joins(text: str, word: str, reading: str, lossy: bool) -> None:
    from contested.pipeline import _lossy_reading
    from contested.records import PlaceMention

    start = text.index(word)
    m = PlaceMention(start, start + len(word), word, [])
    assert _lossy_reading(text, m, _loc(reading), [m]) is lossy
