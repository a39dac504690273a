"""Event or not, for denials the clause rules let through before: what a denial verb denies as an -ing clause
("denied kidnapping the councillor"), a clause on its object whatever label the parse gives it ("dismissed claims
that its forces had used ..."); and a happening named as the subject of a present that says how often it happens
("protests are frequently dispersed", "clashes are common in the dry season"); and happenings counted over a
period in any tense ("carried out over 300 bomb attacks in the first nine months"). The happenings told beside
them stay events.

The sentences are written for these tests (illustrative); each stands for a kind of clause, not for a sentence
seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.eventness import ASSERTED, NEGATED

PUBLISHED = date(2024, 5, 1)


def reasons(text: str) -> dict[str, str]:
    return clause_reasons_of(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The separatists denied kidnapping the councillor, saying they had nothing to do with it.", "kidnapping"),
        ("The militia denied carrying out the bombing at the hotel.", "bombing"),
        ("The army denied withdrawing from the town.", "withdrawing"),
        ("The ministry denied using chemical weapons near the town.", "chemical weapons"),
        ("The ministry dismissed claims that its forces had used chemical weapons in the north as baseless.",
         "chemical weapons"),
    ],
)
def test_denied_or_negated(text, word):
    assert reasons(text)[word] == NEGATED


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rebels killed five soldiers on Monday, and no civilians were hurt.", "killed"),
        ("Gunmen stormed a village on Sunday and killed 12 people, police said.", "killed"),
        ("The group claimed the bombing of a police station on Sunday.", "bombing"),
        ("The army denied responsibility for the attack on the market that killed 12 people on Monday.", "killed"),
        ("Residents rejected the new curfew after troops shot dead two men on Friday.", "shot"),
    ],
)
def test_told_beside_a_denial_stays_an_event(text, word):
    assert reasons(text)[word] == ASSERTED


def test_no_victims_is_a_figure_not_a_denial():
    """"no civilians had been killed" says how many died in a happening told before (a claim on it, see the
    attribution gold), not that nothing happened: it stays with the event."""
    got = reasons("The spokesman told reporters that no civilians had been killed in the strikes.")
    assert got["killed"] != NEGATED


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("Protests in the capital are frequently dispersed with tear gas.", "Protests", "generic"),
        ("Clashes between herders are common in the dry season.", "Clashes", "generic"),
        ("Protests were frequently dispersed with tear gas last week.", "Protests", ASSERTED),
        ("Protests are continuing in the capital.", "Protests", ASSERTED),
        ("Fighting is raging in the city, residents said.", "Fighting", ASSERTED),
    ],
)
def test_a_happening_as_the_subject_of_a_habit(text, word, kind):
    """A happening named as the subject of a present that says how often it happens is a kind, not one."""
    assert reasons(text)[word].startswith(kind)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        ("The militants carried out over 300 bomb attacks in the first nine months of the year, monitors said.",
         "attacks", "aggregate"),
        ("Altogether, the coalition carried out more than 25,000 air raids over seven years of war.", "air raids",
         "aggregate"),
        ("Two air strikes hit the market in the town on Monday, killing five people.", "air strikes", ASSERTED),
        ("Some 21 bombs had gone off in the city by the time it was all over.", "bombs", ASSERTED),
    ],
)
def test_happenings_counted_over_a_period_in_any_tense(text, word, kind):
    """Many happenings counted over a period are a tally in the past simple as in the perfect; a count with no
    period (or a period under a week) tells happenings."""
    assert reasons(text)[word].startswith(kind)
