"""A reference to a happening the article has not told ("Police arrested a man Monday in the shooting that
killed two people") is the article's telling of it: an event with its figures, dated on or before the later
happening; the arrest is an event of its own. Where the article told the happening before, the reference is
a claim on that event. Sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from contested.pipeline import extract_text

PUBLISHED = "2015-03-10"  # a Tuesday: "Monday" is 2015-03-09


@pytest.fixture(scope="module")
def first_telling():
    return extract_text("Police arrested a man Monday in the shooting that killed two people.", PUBLISHED,
                        source="Outlet")


def test_the_reference_is_an_event_with_its_figures(first_telling) -> None:
    killing = [e for e in first_telling if e.type == "killing"]
    assert len(killing) == 1
    assert killing[0].fatalities == 2
    # The shooting came before the arrest: a span ending on the arrest's day, not the arrest's day.
    assert killing[0].date is not None
    assert killing[0].date.end == date(2015, 3, 9) and killing[0].date.start < date(2015, 3, 9)
    assert killing[0].date.precision != "day"


def test_the_arrest_is_an_event(first_telling) -> None:
    arrests = [e for e in first_telling if e.type == "arrest"]
    assert len(arrests) == 1
    assert arrests[0].date is not None and arrests[0].date.start == date(2015, 3, 9)


def test_a_reference_to_a_happening_told_before_is_a_claim_on_it() -> None:
    events = extract_text("Gunmen shot dead two people in Springfield on Saturday. Police arrested a man Monday "
                          "in the shooting.", PUBLISHED, source="Outlet")
    killings = [e for e in events if e.type == "killing"]
    assert len(killings) == 1
    assert len(killings[0].claims) == 2
    assert killings[0].date is not None and killings[0].date.start == date(2015, 3, 7)
    assert [e.type for e in events].count("arrest") == 1
