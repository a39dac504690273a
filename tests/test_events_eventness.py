"""Event or not, per clause (contested.eventness): each kind of clause that tells no event, read from the parse.

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from contested.dates import find_dates
from contested.eventness import ASSERTED, clause_reasons, load_words
from contested.nlp import load_nlp
from contested.pipeline import extract_text
from contested.triggers import find_triggers

PUBLISHED = date(2021, 7, 10)


def reasons(sentence: str) -> dict[str, str]:
    doc = load_nlp()(sentence)
    triggers = find_triggers(sentence, 0)
    spans = {t.start: doc.char_span(t.start, t.end, alignment_mode="expand") for t in triggers}
    got = clause_reasons(spans, published=PUBLISHED, families={t.start: t.family for t in triggers},
                         has_date=bool(find_dates(sentence, PUBLISHED, 0)))
    return {t.text: got[t.start] for t in triggers}


@pytest.mark.parametrize(
    ("sentence", "word", "reason"),
    [
        ("The Taliban captured the district of Imam Sahib on Sunday, officials said.", "captured", ASSERTED),
        ("Security forces arrested three suspects on Tuesday.", "arrested", ASSERTED),
        ("The Taliban went on to capture three more districts.", "capture", ASSERTED),
        ("Police did not arrest anyone.", "arrest", "negated"),
        ("No clashes were reported.", "clashes", "negated"),
        ("The Taliban threatened to attack the city.", "attack", "plan"),
        ("The army is expected to launch a counter-offensive next week.", "counter-offensive", "plan"),
        ("Officials fear the Taliban will launch an offensive on the city.", "offensive", "modal"),
        ("Will the army retake Kandahar?", "retake", "question"),
        ("In a war, armies advance and fall back.", "advance", "generic"),
        ("The Taliban first captured Kabul in 1996, a quarter of a century ago.", "captured", "background"),
        ("Rebels seized the town two decades ago.", "seized", "background"),
        ("Government resistance in the north had apparently collapsed.", "collapsed", "figurative"),
        ("Clashes erupted in the city after the arrests.", "arrests", "reference"),
        ("The ministry condemned the bombing.", "bombing", "reference"),
        ("Criminals fly drones over prisons.", "drones", "not an attack"),
        ("He is an expert in drone warfare.", "drone", "modifier"),
        ("Eight people died of the disease.", "died", "not violence"),
    ],
)
def test_clause_reason(sentence, word, reason):
    got = reasons(sentence)
    assert word in got, got
    assert got[word].startswith(reason), (sentence, got)


def test_a_bare_present_with_a_date_is_no_generic_statement():
    # ACLED's notes and headlines use the present tense for dated events.
    got = reasons("Reported on 14 July 2019, agents arrest 40 militants in Kandahar province.")
    assert got["arrest"] == ASSERTED


def test_word_lists_are_data():
    words = load_words()
    assert "threaten" in words.plan_governors and "could" in words.modal_aux


def test_events_of_a_text_carry_the_reason_and_rejected_clauses_none():
    text = ("The Taliban captured Khwahan district in Badakhshan province on Sunday, local officials said. "
            "The Taliban could attack Faizabad within days, a police spokesman warned. "
            "If the Taliban take Faizabad, the north-east will fall.")
    events = extract_text(text, published="2021-07-06")
    assert [e.type for e in events] == ["territory_captured"]
    assert events[0].evidence[0].reason == ASSERTED


def test_rejections_are_kept_with_their_reason():
    from contested.events import rejections
    from contested.gazetteer import Gazetteer
    from contested.pipeline import analyse, make_document

    doc = make_document("The Taliban threatened to attack the city. Police did not arrest anyone.",
                        published="2021-07-06")
    sentences = analyse(doc, load_nlp()(doc.text), Gazetteer.load())
    got = {(r.trigger, r.reason.split(":")[0]) for r in rejections(doc, sentences)}
    assert got == {("attack", "plan"), ("arrest", "negated")}
