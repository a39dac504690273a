"""The day of a death told after the attack is not the attack's day ("died Saturday, a week after she was
wounded"): ACLED dates the attack. Sentences written for the test; published on a Tuesday."""

from __future__ import annotations

from datetime import date

import pytest

from contested.pipeline import extract_text

PUBLISHED = "2015-03-10"  # Tuesday: Saturday is 2015-03-07, Sunday 2015-03-08


def _killing(text: str):
    (ev,) = [e for e in extract_text(text, PUBLISHED, source="Outlet") if e.date is not None]
    return ev.date


@pytest.mark.parametrize(("text", "day"), [
    ("A woman died Saturday, a week after she was critically wounded in a drive-by shooting.", date(2015, 2, 28)),
    ("A boy shot in the head near the campus died Saturday, three days after the incident.", date(2015, 3, 4)),
])
def test_a_death_days_after_the_attack_dates_the_attack_that_many_days_before(text: str, day: date) -> None:
    span = _killing(text)
    assert (span.start, span.end, span.precision) == (day, day, "day")


def test_a_death_after_the_attack_puts_the_attack_on_or_before_that_day() -> None:
    span = _killing("The girl died on Sunday afternoon after she was shot in the head by her father.")
    assert span.end == date(2015, 3, 8) and span.start < date(2015, 3, 8)


def test_a_death_when_the_attack_happened_keeps_the_day() -> None:
    span = _killing("Three soldiers died on Sunday when a roadside bomb hit their vehicle.")
    assert (span.start, span.end, span.precision) == (date(2015, 3, 8), date(2015, 3, 8), "day")
