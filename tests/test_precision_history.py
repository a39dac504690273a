"""Event or not, and one event per happening, for the clauses long articles use to tell history and tallies
(issue 6): a happening older than the war the article tells of, a range of years, a happening told as the time
of an older one, a subject told by a happening long before, a war's tally in a second verb, a tally across a
country inside a period; and a place the parse hangs in another clause of the sentence is that clause's.

The sentences are written for these tests (illustrative); each stands for a kind of clause, not for a sentence
of any gold article.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.eventness import ASSERTED
from contested.pipeline import extract_text

PUBLISHED = date(2022, 9, 20)


@pytest.mark.parametrize(
    ("text", "word", "kind"),
    [
        # Older than the war the article tells of: history.
        ("The two clans fought over the wells long before the current war.", "fought", "background"),
        # A range of years long before publication.
        ("Some 300 police officers were killed between 2004 and 2011 in the valley.", "killed", "background"),
        # A happening told as the time of one long before is as old.
        ("The militia has since become the largest group in the hills, after the death of its leader in June 2018 "
         "during clashes with the army.", "clashes", "background"),
        # A subject told by a happening long before tells of that time.
        ("Most of the 200 soldiers killed in the region between 2003 and 2010 died on the coast road.", "died",
         "background"),
        # A war's tally, in the second verb of the perfect too.
        ("Officials estimate that the insurgency has killed 9,000 people and displaced half a million.", "displaced",
         "aggregate"),
        # A tally across a country, inside the period the verb is counted over.
        ("The ministry said 12 people had died in three days of protests across the country.", "died",
         "aggregate"),
        # A move counted since a date weeks before publication is a tally.
        ("Aid agencies say 40,000 people have been displaced in the province since late August.", "displaced",
         "aggregate"),
        # An appeal to someone is not yet done, however the parse hangs its infinitive or its phrase.
        ('The provincial authorities had urged villagers on Sunday to "evacuate" to the coast.', "evacuate", "plan"),
        ("The opposition condemned the verdict and urged its supporters onto the streets.", "onto the streets",
         "plan"),
        # The name a speaker gives a happening named in the clause is that happening.
        ('His lawyers called the detention "a kidnapping".', "kidnapping", "reference"),
    ],
)
def test_history_and_tallies_are_not_events(text: str, word: str, kind: str) -> None:
    got = clause_reasons_of(text, PUBLISHED)
    assert got[word].startswith(kind), got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The two clans fought over the wells near the market on Monday.", "fought"),
        ("Rebels have seized the town and killed three soldiers on Monday.", "killed"),
        ("The army said 12 people had died in the attack on the market on Saturday.", "died"),
        ("Fighting broke out on Sunday during talks between the two sides.", "Fighting"),
        ("Villagers fled to the coast on Sunday, officials said.", "fled"),
        ("About 3,000 people have fled the town since Monday, officials said.", "fled"),
    ],
)
def test_news_stays_news(text: str, word: str) -> None:
    assert clause_reasons_of(text, PUBLISHED)[word] == ASSERTED


def test_a_place_in_another_clause_is_that_clause_s() -> None:
    text = ("Rebel fighters stormed the town of Kidal on Tuesday and fought soldiers for its airport, while across "
            "the border in Niger, troops pulled out of two posts in Tillaberi region, officials said.")
    events = extract_text(text, published="2022-09-21", source="Example Wire")
    by_trigger: dict[str, set[str]] = {}
    for ev in events:
        by_trigger.setdefault(ev.trigger or "", set()).add(ev.location.name if ev.location else "")
    stormed = next(places for trig, places in by_trigger.items() if trig.startswith("stormed"))
    assert stormed == {"Kidal"}, by_trigger


def test_a_country_as_the_subject_that_acts_is_who_did_it_not_where() -> None:
    text = ("Russia struck back on Sunday evening with missiles that set a power station on the edge of Kharkiv on "
            "fire, the mayor said.")
    events = extract_text(text, published="2022-09-12", source="Example Wire")
    assert [ev.location.name if ev.location else None for ev in events] == ["Kharkiv"]


def test_places_of_a_campaign_s_clause_are_not_a_second_place() -> None:
    text = ("Rebels captured the centre of Kidal on Tuesday, officials said, as the rebels' dry-season offensive swept "
            "through the regions of Gao, Timbuktu and Menaka.")
    events = extract_text(text, published="2022-09-21", source="Example Wire")
    assert [ev.location.name if ev.location else None for ev in events] == ["Kidal"]
