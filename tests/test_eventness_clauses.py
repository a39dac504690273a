"""Event or not, read from the parse, for the kinds of clause long news articles wrap their news in: history
dated by a noun, a relative date or a date deep in a phrase; habits told in the perfect; people described by
what was done to them; what a thing is for; a speaker's topic; a figure given again (a later death, a toll
raised, a tally across a country or since a happening began); a happening told before named as a subject or an
object; a unit named by an event word. Then one event per happening: a retreat that goes on into a flight, a
place that says where the one who did it was, and a violence word beside a control word that is only a
reference.

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.eventness import ASSERTED, REFERENCE
from contested.pipeline import extract_text

PUBLISHED = date(2021, 7, 13)


def reasons(text: str) -> dict[str, str]:
    return clause_reasons_of(text, PUBLISHED)


def reasons_in_article(text: str) -> dict[str, str]:
    """Each trigger word's reason as the pipeline reads it, one sentence at a time (its own dates and places)."""
    from contested.gazetteer import Gazetteer
    from contested.nlp import load_nlp
    from contested.pipeline import analyse, make_document

    doc = make_document(text, published=PUBLISHED.isoformat(), source="Example Wire", title="t")
    out = {}
    for sent in analyse(doc, load_nlp()(doc.text), Gazetteer.load(), text=doc.text):
        out.update({t.text: sent.reasons.get(t.start, ASSERTED) for t in sent.triggers})
    return out


def _is(got: str, reason: str) -> bool:
    return got == reason or got.startswith(reason + ":") or got.startswith(reason + " (")


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        # History dated by the happening's own noun, or by the clause's subject.
        ("Demonstrations against the dam in May 2012 were dispersed by soldiers.", "Demonstrations", "background"),
        ("Protests organised by the unions in 2016 left nine people dead.", "dead", "background"),
        ("Tensions rose after the peace deal signed in Nairobi in October 2019.", "peace deal", "background"),
        # A relative date ("two months later") counts from the clause it goes on from.
        ("Chadian troops arrived in the region in May 2019, and they recaptured Bosso two months later.",
         "recaptured", "background"),
        # A date deep in the phrase ("in the first weeks of the uprising in April 2015").
        ("Bosso was overrun by insurgents in the first weeks of the uprising in April 2015.", "overrun",
         "background"),
        # ... while news keeps its own date.
        ("Chadian troops recaptured Bosso on Sunday, two months after insurgents overran it.", "recaptured",
         ASSERTED),
        # A habit told in the perfect.
        ("The rebels have shelled the town almost every week since the winter.", "shelled", "generic"),
        # People described by what was done to them.
        ("The camp is home to some 20,000 displaced people.", "displaced", "state"),
        # What a thing is for.
        ("The decree gave the army powers to detain suspects without a warrant.", "detain", "unrealised"),
        ("The Taliban went on to capture three more districts.", "capture", ASSERTED),
        # A speaker's topic, and people described by what they did.
        ("Many of those who fled told of looting on the road.", "fled", "description"),
        ("Many of those who fled told of looting on the road.", "looting", "topic"),
        # A happening named as what another act was about, beside this sentence's own happening.
        ("A reporter was detained by police in Mopti on Tuesday while he was covering the protests.", "protests",
         "topic"),
        ("A reporter was detained by police in Mopti on Tuesday while he was covering the protests.", "detained",
         ASSERTED),
        # A happening told before, as the subject of what it has done since.
        ("The fighting has closed the main road to the north.", "fighting", REFERENCE),
        # A tally across a country is no one event.
        ("Officials said 40 people had been killed across the country.", "killed", "aggregate"),
        ("Officials said 40 people had been killed since the protests began.", "killed", "aggregate"),
        # A happening told before as the subject of a copula.
        ("The bombing was the deadliest the city had seen.", "bombing", REFERENCE),
        # An event word that names a kind of unit tells no happening.
        ("Russian assault groups reached the edge of the town.", "assault", "modifier"),
        # A tally in the perfect: counted happenings, places taken by the dozen, a period rather than a day.
        ("The rebels have carried out dozens of raids in the province.", "raids", "aggregate"),
        ("The insurgents have captured dozens of villages in recent weeks.", "captured", "aggregate"),
        ("Hundreds of people have been killed in the fighting this year.", "killed", "aggregate"),
        ("Some 21 bombs had gone off in the city by the evening.", "bombs", ASSERTED),
        # A habit told as a state, a kind, a trend, a clause on "every".
        ("The militias are known to abduct travellers on the road.", "abduct", "generic"),
        ("Such raids are common in the border districts.", "raids", "generic"),
        ("Violence has surged since the elections.", "Violence", "generic"),
        ("The conflict has displaced more than two million people.", "displaced", "aggregate"),
        ("It was the second attack on the base this week.", "attack", REFERENCE),
        ("The army has promised to retake every town lost to the rebels.", "lost", "generic"),
        # A date deep in the phrase of another preposition.
        ("Bosso fell to the insurgents for the first time in 2015.", "fell", "background"),
    ],
)
def test_clause_reason(text, word, reason):
    got = reasons(text)
    assert word in got, got
    assert _is(got[word], reason), got


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        # A later death from a happening told before, a toll raised, a figure with neither place nor date.
        ("A car bomb exploded in the market on Monday, killing four people. On Wednesday a fifth victim died of "
         "his wounds in hospital.", "died", REFERENCE),
        ("A car bomb exploded in the market on Monday. Officials raised the toll to nine on Thursday after two "
         "more people died in hospital.", "died", REFERENCE),
        ("A mortar round hit a market in Gao on Monday. Officials said seven other people had been wounded.",
         "wounded", REFERENCE),
        # The doers of a happening told before, with no day of their own.
        ("Gunmen stormed the village of Nanga on Sunday, killing five men. The attackers arrived on foot shortly "
         "after dawn, a resident said.", "attackers", REFERENCE),
        ("The attackers stormed the village of Nanga on Sunday, a resident said.", "attackers", ASSERTED),
        # "since then" counts from the sentence before.
        ("The uprising began in April 2015 with an attack on an army post. Some 2,000 people have been killed "
         "since then.", "killed", "background"),
    ],
)
def test_clause_reason_after_a_sentence(text, word, reason):
    got = reasons_in_article(text)
    assert word in got, got
    assert _is(got[word], reason), got


def test_a_figure_with_a_place_of_its_own_or_in_the_first_sentence_is_news():
    assert reasons_in_article("Seven people had been wounded, officials said.")["wounded"] == ASSERTED
    got = reasons_in_article("A mortar round hit a market in Gao on Monday. Officials said seven people had been "
                             "wounded in Kidal.")
    assert got["wounded"] == ASSERTED, got


def _events(text: str):
    return extract_text(text, published="2024-05-15", source="Example Wire")


def test_a_place_in_the_phrase_of_who_did_it_is_not_a_second_place():
    events = _events("Russian artillery on the east bank of the Dnipro shelled Nikopol on Monday evening, "
                     "damaging a school, the regional governor said.")
    assert len(events) == 1, [(e.type, e.location and e.location.name) for e in events]
    assert events[0].location is not None and events[0].location.name == "Nikopol"


def test_a_place_in_a_happenings_own_subject_is_its_place():
    events = _events("In Kunduz province, an air strike on a Taliban gathering in Imam Sahib district killed 12 "
                     "insurgents on Monday, the governor's office said.")
    assert [e.location.name for e in events if e.location] == ["Imam Sahib"], events


def test_a_retreat_that_goes_on_into_a_flight_is_the_flight():
    events = _events("The soldiers retreated to the river and crossed the border into Uzbekistan on Monday night, "
                     "officials said.")
    assert [e.type for e in events] == ["cross_border_flight"], [e.type for e in events]


def test_a_violence_word_beside_a_reference_is_its_own_happening():
    events = _events("Troops recaptured the town of Bosso on Sunday, the army said. The recapture came a day after "
                     "the troops fought insurgents for several hours near the lake on Saturday.")
    clashes = [e for e in events if e.type == "armed_clash"]
    assert len(clashes) == 1, [(e.type, e.date) for e in events]
    assert clashes[0].date is not None and clashes[0].date.start == date(2024, 5, 11)
