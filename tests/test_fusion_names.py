"""Names that tell two reports apart: words written with a capital that any report of another happening may
write too (an agency, a holiday, a kind of place) are no evidence that two reports tell one happening."""

from __future__ import annotations

from datetime import date

from contested import fusion
from contested.records import Claim, DateSpan, Event, Location
from contested.taxonomy import acled_type

D0 = date(2016, 7, 7)
TOWN = Location("Springfield", "Springfield", "United States", "Illinois", "Sangamon", 39.8, -89.6,
                feature="populated_place")


def _event(sentence: str, doc: str, place: Location | None = None) -> Event:
    t = acled_type("killing")
    claim = Claim(doc, f"outlet-{doc}", D0, None, None, "asserts", False, sentence, (0, len(sentence)))
    return Event(id=f"killing-{doc}", type="killing", acled_event_type=t.event_type,
                 acled_sub_event_type=t.sub_event_type, detail=None, summary="",
                 date=DateSpan(D0, D0, "day", "Thursday"), actors=[], location=place, quantities=[],
                 fatalities=None, claims=[claim], flags=[], confidence=0.5)


def test_agency_and_holiday_words_are_not_names() -> None:
    names = fusion.sentence_names("Agents of the Federal Bureau of Investigation joined the Homicide Unit on "
                                  "Christmas Day, police in the Northwest District said.")
    assert not names & {"bureau", "investigation", "homicide", "unit", "christmas", "day", "northwest"}
    assert "federal" not in names


def test_a_person_named_in_both_is_still_a_name() -> None:
    a = _event("Jaquise Lewis, 17, was shot at a skate park on Thursday.", "a")
    b = _event("Friends of Jaquise Lewis gathered where he was shot.", "b")
    assert fusion.same_event(a, b)


def test_shared_generic_words_do_not_join_two_shootings_of_one_day() -> None:
    # Two unplaced reports of the same day whose only capitalised words in common are an agency's.
    a = _event("A man was shot dead at a gas station, the Federal Bureau of Investigation said.", "a")
    b = _event("The Bureau of Investigation is looking into a killing at a farm.", "b")
    assert fusion.fusion_evidence(a, b) is None
    # The same two with a victim's name in both are one happening.
    c = _event("Ray Ortiz was shot dead at a gas station, the Federal Bureau of Investigation said.", "c")
    d = _event("The Bureau of Investigation is looking into the killing of Ray Ortiz.", "d")
    assert fusion.same_event(c, d)
