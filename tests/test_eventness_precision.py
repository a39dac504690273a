"""Event or not, for the clauses long articles use to talk around their news: a purpose of a plan ("will mount
an offensive to recapture"), a readiness ("was prepared to sacrifice ... to seize"), a warning to anyone ("any
fighter found stealing would be jailed"), a state or a comparison ("short of ammunition", "the largest of a
spring offensive"), a tally since then or since a year, a course of things told only by a year, a kind of
happening that has become routine, a tally across a country. And one event per happening: a "while" clause
whose subject is the weapon or the doer ("while helicopters bombed ...") is another happening, its participle
with it.

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.eventness import ASSERTED
from contested.pipeline import extract_text

PUBLISHED = date(2022, 4, 20)


def reasons(text: str) -> dict[str, str]:
    return clause_reasons_of(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # The purpose of what a side will do is not done.
        ("The rebels have said they will mount an offensive to recapture the border towns.", "recapture", "modal"),
        # An infinitive on a noun is read with the clause of that noun: a readiness is a plan.
        ("She said the general was prepared to sacrifice many soldiers to seize the port before winter.",
         "seize", "plan"),
        # A warning to anyone who might do it: no particular happening.
        ("A police spokeswoman said any militiaman found looting homes would face trial.", "looting",
         ("generic", "modal")),
        # A state or a comparison, not a happening.
        ("The officer said the garrison was tired and short of reinforcements.", "reinforcements", "state"),
        ("That push was the largest of a spring offensive that stalled before the river.", "offensive", "state"),
        # A tally since then, or since a year long ago.
        ("Tens of thousands of people have fled Marib for the coast since then.", "fled", "aggregate"),
        ("The movement has been fighting to overthrow the government in Sanaa since 2014.", "fighting", "aggregate"),
        # A course of things told only by a year, with no day.
        ("The mission, which started withdrawing from the province this year, is often criticised by farmers.",
         "withdrawing", "aggregate"),
        # A kind of happening that has become a habit.
        ("Rocket attacks on the port have become routine.", "attacks", "generic"),
        ("Kidnappings for ransom have become a common source of money for the gangs.", "Kidnappings", "generic"),
        # What a source says again and again: no particular happening.
        ("The ministry often says that its troops killed dozens of rebels in raids.", "raids", "generic"),
        # A tally across a country.
        ("The arrests set off demonstrations across the country.", "demonstrations", "aggregate"),
    ],
)
def test_clauses_around_the_news_are_not_events(text, word, kind):
    got = reasons(text)
    assert got[word].startswith(kind), got  # (str.startswith takes one prefix or a tuple of them)


def test_any_under_a_denial_is_the_denial_s():
    # "any" of a denial is a claim on the happening denied, not a warning to anyone.
    got = reasons("The governor denied that any prisoners had been killed in the raid.")
    assert got["killed"] == "negated", got


def test_a_word_that_modifies_a_habit_shares_its_reason():
    got = reasons("Rocket attacks on the port have become routine.")
    assert got["Rocket"].startswith("generic"), got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # What was done, with a day: still a happening.
        ("The rebels recaptured the border town of Kafr Nabl on Monday, a spokesman said.", "recaptured"),
        # One of the happenings as the subject: it happened.
        ("The worst of the shootings happened at about 2 a.m. on Sunday inside a bar in the town.", "shootings"),
        # A day of its own: a happening, whatever the year.
        ("Gunmen killed two men in the town on Saturday.", "killed"),
        # What a source said once, with a day: a happening.
        ("The ministry said on Monday that its troops killed 12 rebels in raids near Kidal.", "raids"),
        # A weapon that hit something, with a day: a happening.
        ("Three rockets hit the port on Sunday.", "rockets"),
    ],
)
def test_news_is_still_asserted(text, word):
    got = reasons(text)
    assert got[word] == ASSERTED, got


def _events(text: str) -> list[tuple[str, str | None]]:
    events = extract_text(text, published="2022-04-20", source="Example Wire")
    return [(e.type, e.location.name if e.location else None) for e in events]


def test_a_while_clause_whose_subject_is_the_weapon_is_another_happening():
    text = ("In Marib province, government troops retook the centre of Harib district on Tuesday, while coalition "
            "helicopters bombed rebel positions in Sirwah district on Monday, killing at least 12 fighters, the "
            "army said.")
    got = _events(text)
    types = sorted(t for t, _ in got)
    assert types == ["air_strike", "territory_regained"], got
    regained = [p for t, p in got if t == "territory_regained"]
    assert regained and "Sirwah" not in (regained[0] or ""), got


def test_a_while_clause_with_a_tally_only_is_the_same_happening():
    text = "Gunmen attacked a checkpoint near Marib on Tuesday, while two soldiers were killed, officials said."
    got = _events(text)
    assert len(got) == 1, got
