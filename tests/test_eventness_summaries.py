"""Event or not, for the kinds of clause that tell of a happening without telling one: a happening that did not
come about ("without agreement", "no intention of storming"), the name a speaker gives in what a reaction is
about, a tally over several units or a summary over a front, the start of a campaign, a thing described by a
participle, a date that counts from the sentence before.

The sentences are written for these tests (illustrative); each stands for a kind of clause, not for a sentence
seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.eventness import ASSERTED

PUBLISHED = date(2023, 3, 14)


def reasons(text: str) -> dict[str, str]:
    return clause_reasons_of(text, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # An event noun after "without" did not happen.
        ("The meeting of the two delegations in the capital on Monday closed without agreement.", "agreement",
         "negated"),
        # A plan noun's gerund: meant, not done; with "no", denied.
        ("The commander said his men had no intention of storming the airport.", "storming", "negated"),
        ("The aim of capturing the bridge was plain to everyone.", "capturing", "plan"),
        # The name a speaker gives to a happening, in what a reaction verb is about: told elsewhere.
        ("The envoy denounced what he called a cowardly attack on the convoy.", "attack", "reference"),
        # A perfect with no date over several units in the plural: a tally.
        ("Some 90,000 people have been displaced in the eastern and northern provinces.", "displaced",
         "aggregate"),
        # A summary of a side's fighting over a front.
        ("The ministry said its units had repelled attacks in the southern direction.", "attacks", "aggregate"),
        # A gapped second clause shares the first's perfect and its "since".
        ("Officials say 300 soldiers have been killed and 20,000 people displaced since the offensive began.",
         "displaced", "aggregate"),
        # The start of a campaign, with no place of its own; a campaign noun given as a name.
        ("The rebel coalition launched the offensive on March 2, naming it Operation Dawn.", "offensive",
         "aggregate"),
        ("The rebel coalition launched the offensive on March 2, naming it Operation Dawn.", "Operation", "name"),
        # A participle read as an adjective describes a thing.
        ("The brigade holds several heavily fortified outposts along the ridge.", "fortified", "state"),
        # A participle on what an aftermath verb describes: what is left.
        ("Returning farmers describe a village emptied of its people and looted by gunmen.", "looted",
         "description"),
        # A happening noun as the subject of an expectation: not yet done.
        ("The ministry said the retreat from the base is due to be completed next month.", "retreat", "plan"),
        ("The withdrawal of the brigade is expected to be finished by June.", "withdrawal", "plan"),
        # A deployment in the present perfect with no date: forces that are there.
        ("Police units have been deployed in the port city.", "deployed", "state"),
        # A relative clause on "any": no particular happening.
        ("The militia warned it would strike any village that lets its land be used for raids on its camps.",
         "raids", "generic"),
        # The purpose of a thing formed in the perfect is not done.
        ("The farmers had formed a vigilante group to fight the bandits.", "fight", "unrealised"),
    ],
)
def test_clauses_that_tell_no_happening(text, word, kind):
    got = reasons(text)
    assert got[word].startswith(kind), got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # A dated move, a clause with a place of its own, a count of people: happenings.
        ("Hundreds of families fled in the direction of the border on Monday.", "fled"),
        ("The army launched an offensive on rebel positions near Goma on Monday.", "offensive"),
        ("Gunmen killed 3 of the 5 hostages in a village near Goma on Monday.", "killed"),
        ("Police detained the men without charge on Friday.", "detained"),
        ("About 2,000 people were displaced in the eastern provinces on Sunday.", "displaced"),
        ("Police units were deployed in the port city on Sunday.", "deployed"),
        ("The attack was meant to intimidate voters in the town on Sunday.", "attack"),
    ],
)
def test_happenings_stay_events(text, word):
    got = reasons(text)
    assert got[word] == ASSERTED, got


def test_a_date_that_counts_from_the_sentence_before_is_background():
    text = ("The war began in November 2020, when the army crossed into the region. "
            "Federal troops then shelled the city later that month.")
    assert reasons(text)["shelled"].startswith("background"), reasons(text)


def test_a_past_date_on_a_present_relative_clause_dates_the_coordinated_verb():
    text = ("A crackdown on the demonstrations pushed some students into armed struggle, and militants proclaimed a "
            "republic they call Westland in May 2017.")
    assert reasons(text)["demonstrations"].startswith("background"), reasons(text)


def test_firefighting_is_no_fighting():
    assert reasons("Volunteers were fighting a fire in the market on Sunday.")["fighting"] != ASSERTED
