"""Event or not, and one event per happening, on long news prose: a modal above a complement, a happening named
only as a topic or a landmark, a figure given again, what is left described, a place named in passing, and a
happening told again later in the article.

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.eventness import ASSERTED, LANDMARK, clause_reasons, governing_verb, load_words
from contested.nlp import load_nlp
from contested.pipeline import extract_text
from contested.records import Event, Location
from contested.stages.dedup import _in_passing, _retelling, _token_at, merge_retellings
from contested.triggers import find_triggers

PUBLISHED = date(2021, 7, 13)


def reasons(sentence: str) -> dict[str, str]:
    return clause_reasons_of(sentence, PUBLISHED)


@pytest.mark.parametrize(
    ("sentence", "word", "reason"),
    [
        # A modal on the verb whose complement the clause is, through a preposition: not yet happened.
        ("Eventually the defenders will have to choose between retreating and being encircled.", "retreating",
         "modal"),
        # ... but not the modal of a verb about someone else ("motivated the gunman to shoot"): it happened.
        ("Police revealed what may have motivated the gunman to shoot three people before killing himself.",
         "killing", ASSERTED),
        # A happening named as a topic or a landmark is the one told before, not a new one.
        ("The mayor said on Monday that he was worried about the fighting.", "fighting", LANDMARK),
        ("North of the fighting, gunmen killed three farmers in a village on Monday.", "fighting", LANDMARK),
        ("North of the fighting, gunmen killed three farmers in a village on Monday.", "killed", ASSERTED),
        # A figure given again: a past perfect whose subject is the happening told before.
        ("A medic said the blasts at the market had killed nine people, not seven.", "killed", "reference"),
        # A toll of a happening told before, whatever date the toll gives.
        ("The death toll from Tuesday's attack on the base rose to 14 on Thursday.", "death", "reference"),
        # What is left, described, is no happening.
        ("Residents who came back on Tuesday described burnt houses and a police station with its roof caved in.",
         "burnt houses", "description"),
        # The offensive by which a share of a territory was retaken is that tally too, not a clash.
        ("The army retook large parts of the province last week in a sweeping offensive.", "offensive",
         "aggregate"),
        # A clause that goes on from a sentence of background ("then") shares its date.
        ("The army seized the capital on 3 March 2019, ousting the government. Thousands of students then went "
         "to the hills to take up arms.", "take up arms", "background"),
        ("The army seized the capital on Sunday, ousting the government. Thousands of students then went "
         "to the hills to take up arms.", "take up arms", ASSERTED),
        # Still events: a new happening told with an indefinite noun, a dated past toll.
        ("Gunmen killed three farmers in a village near the border on Monday.", "killed", ASSERTED),
        ("The strike killed nine people at the market on Tuesday.", "killed", ASSERTED),
    ],
)
def test_clause_reason(sentence, word, reason):
    got = reasons(sentence)
    assert word in got, got
    assert got[word] == reason or got[word].startswith(reason + ":") or got[word].startswith(reason + " ("), got


def test_the_place_of_a_thing_or_of_another_clause_is_named_in_passing():
    nlp, words = load_nlp(), load_words()
    cases = [
        # (sentence, trigger word, place word, in passing?)
        ("On the main road linking Herat with the west, a bomb struck a bus in Ghoryan district.", "struck",
         "Herat", True),
        ("On the main road linking Herat with the west, a bomb struck a bus in Ghoryan district.", "struck",
         "Ghoryan", False),
        ("Russian forces shelled Nikopol with Grad rockets on Tuesday.", "shelled", "Grad", True),
        ("Russian forces shelled Nikopol with Grad rockets on Tuesday.", "shelled", "Nikopol", False),
        ("Fighters backed by the Kachin Independence Army overran a police station in Hpakant.", "overran",
         "Kachin", True),
        # The rest of a longer place name, and a relative clause on the happening itself, are its place.
        ("Airstrikes killed six militants in the Kanda Sokhata and Zhalagak villages of Ab Kamari district.",
         "killed", "Kanda", False),
        ("Police are investigating a shooting that killed three people on Tuesday night in Mid City.",
         "shooting", "Mid", False),
        # Where a person is from.
        ("Adam Smith of Appleton was killed on Sunday on a bridge in Menasha.", "killed", "Appleton", True),
        ("Adam Smith of Appleton was killed on Sunday on a bridge in Menasha.", "killed", "Menasha", False),
        # In the clause of another happening: "as fighting spread across the Amhara region".
        ("Jets struck Mekelle on Monday, a doctor said, as fighting spread across the neighbouring Amhara region.",
         "struck", "Amhara", True),
    ]
    for sentence, trigger_word, place_word, passing in cases:
        doc = nlp(sentence)
        trigger = next(t for t in doc if t.text == trigger_word)
        start = sentence.index(place_word)
        place = _token_at(doc[:], start, start + len(place_word))
        why = _in_passing(place, governing_verb(trigger), words, trigger)
        assert (why is not None) == passing, (sentence, place_word, why)


def test_a_place_named_in_passing_makes_no_second_event():
    events = extract_text("On the main road linking Herat with the west, a roadside bomb struck a bus in Ghoryan "
                          "district on Tuesday, killing four passengers, police said.", published="2021-07-13")
    assert len(events) == 1 and events[0].location is not None and events[0].location.admin2 != "Herat", \
        [(e.type, e.location and e.location.name) for e in events]
    assert any("Herat named in passing" in why for why in events[0].fused_because), events[0].fused_because
    events = extract_text("Russian forces shelled Nikopol with Grad rockets on Tuesday, damaging a school, the "
                          "governor said.", published="2022-10-05")
    assert [e.location.name for e in events if e.location] == ["Nikopol"], [(e.type, e.location) for e in events]


def test_a_happening_told_again_later_in_the_article_is_one_event():
    text = ("Government forces retook the centre of Ghoryan district in Herat province on Sunday, two days after "
            "Taliban fighters had overrun it, officials said.\n\n"
            "The Taliban captured the district centre on Friday evening after a long assault on the police "
            "headquarters, a police spokesman said.")
    events = extract_text(text, published="2021-07-13")
    captures = [e for e in events if e.type == "territory_captured"]
    assert len(captures) == 1 and len(captures[0].claims) == 2, [(e.type, e.date, len(e.claims)) for e in events]
    assert any(e.type == "territory_regained" for e in events)


def test_what_happened_at_a_demonstration_joins_it():
    text = ("Hundreds of people demonstrated in Dakar on Friday against rising fuel prices.\n\n"
            "Police fired tear gas at protesters who tried to reach the parliament, and several people were hurt, "
            "witnesses said.")
    events = extract_text(text, published="2021-07-13")
    assert len(events) == 1, [(e.type, e.detail, e.location) for e in events]
    ev = events[0]
    assert ev.type == "protest" and ev.detail == "with_intervention" and len(ev.claims) == 2
    assert ev.acled_sub_event_type == "Protest with intervention"
    assert any("retelling" in why for why in ev.fused_because)


def _ev(id_: str, type_: str, place: str | None, day: date | None, sentence: str = "x") -> Event:
    from contested.records import Claim, DateSpan

    loc = None if place is None else Location(name=place, text=place, country="Afghanistan", admin1="Herat",
                                              admin2=place, lat=None, lon=None, feature="district")
    when = None if day is None else DateSpan(start=day, end=day, precision="day", text=day.isoformat())
    ev = Event(id=id_, type=type_, acled_event_type="", acled_sub_event_type="", location=loc, date=when)
    ev.claims = [Claim(doc_id="d", source=None, published=None, attributed_to=None, attribution_text=None,
                       stance="asserts", hedged=False, sentence=sentence, span=(0, len(sentence)))]
    return ev


def test_what_counts_as_a_retelling():
    friday = date(2021, 7, 9)
    undated = _ev("a", "territory_captured", "Ghoryan", None)
    dated = _ev("b", "territory_captured", "Ghoryan", friday)
    assert _retelling(undated, dated, [undated])
    # Two dated events at one place, another place, another type, or a sentence that says it is another one:
    # kept apart.
    assert not _retelling(dated, _ev("c", "territory_captured", "Ghoryan", date(2021, 7, 11)), [dated])
    assert not _retelling(undated, _ev("d", "territory_captured", "Kohsan", friday), [undated])
    assert not _retelling(undated, _ev("e", "territory_regained", "Ghoryan", friday), [undated])
    assert not _retelling(undated, _ev("f", "territory_captured", "Ghoryan", friday,
                                       "In a separate attack, insurgents captured another post."), [undated])
    # An unplaced, undated killing is not taken for the article's one killing (only a demonstration's
    # aftermath is).
    killing = _ev("g", "killing", "Ghoryan", friday)
    assert not _retelling(killing, _ev("h", "killing", None, None), [killing])
    # A change of hands told again: the losers' retreat (at no place, no date of its own), the same day's
    # capture; not an undated capture, which is more often the fall before the retaking.
    sunday = date(2021, 7, 11)
    retaken = _ev("j", "territory_regained", "Ghoryan", sunday)
    assert _retelling(retaken, _ev("k", "retreat", None, None), [retaken])
    assert _retelling(retaken, _ev("l", "territory_captured", "Ghoryan", sunday), [retaken])
    assert not _retelling(retaken, _ev("m", "territory_captured", "Ghoryan", None), [retaken])
    assert not _retelling(retaken, _ev("n", "retreat", None, friday), [retaken])
    assert len(merge_retellings([undated, dated])) == 1
    assert len(merge_retellings([dated, _ev("i", "territory_captured", "Kohsan", friday)])) == 2


def test_the_mentions_own_reasons_survive_fusion():
    from contested.fusion import combine

    friday = date(2021, 7, 9)
    a = _ev("a", "territory_captured", "Ghoryan", friday, "Taliban fighters captured Ghoryan on Friday.")
    b = _ev("b", "territory_captured", "Ghoryan", friday, "The Taliban took Ghoryan district on Friday.")
    a.fused_because = ["Herat named in passing (names a road), not a second place of the happening"]
    b.fused_because = ["Kohsan named in passing (where Ghoryan is), not a second place of the happening",
                       "mention 1 with mention 0: an earlier fusion's link"]
    fused = combine([a, b])
    # The fusion's own reason first, then each mention's reasons once; an earlier fusion's links are dropped.
    assert fused.fused_because[0].startswith("mention 1"), fused.fused_because
    assert fused.fused_because[1:] == [*a.fused_because, b.fused_because[0]], fused.fused_because
    assert combine([fused, b]).fused_because.count(b.fused_because[0]) == 1
    # In an article, a retelling keeps the reasons of both tellings after its own.
    merged = merge_retellings([_ev("u", "territory_captured", "Ghoryan", None), a])
    assert len(merged) == 1 and merged[0].fused_because[0].startswith("a retelling in the same article")
    assert merged[0].fused_because[1:] == a.fused_because, merged[0].fused_because


def test_a_clause_reads_its_date_from_the_mention_the_sentence_found():
    from contested.records import DateMention, DateSpan

    sentence = "Gunmen killed three farmers in a village on Friday."
    doc = load_nlp()(sentence)
    triggers = find_triggers(sentence, 0)
    spans = {t.start: doc.char_span(t.start, t.end, alignment_mode="expand") for t in triggers}
    killed = next(t.start for t in triggers if t.text == "killed")
    # Parsed again, "on Friday" is the Friday before publication: news.
    assert clause_reasons(spans, published=PUBLISHED, has_date=True)[killed] == ASSERTED
    # The sentence's own mention is reused, not parsed again: here it says the Friday of two years before.
    start = sentence.index("Friday")
    old = DateSpan(start=date(2019, 3, 1), end=date(2019, 3, 1), precision="day", text="Friday, 1 March 2019")
    doc = load_nlp()(sentence)
    spans = {t.start: doc.char_span(t.start, t.end, alignment_mode="expand") for t in triggers}
    got = clause_reasons(spans, published=PUBLISHED, has_date=True,
                         dates=[DateMention(start=start, end=start + len("Friday"), text="Friday", span=old)])
    assert got[killed] == "background: dated Friday, 1 March 2019", got
