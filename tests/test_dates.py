from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contested.dates import find_dates, parse_date, resolve_anaphoric
from contested.records import DateMention, DateSpan

REF = date(2021, 8, 2)  # a Monday
D = date


def span(text: str, ref: date | None = REF) -> tuple[date, date, str] | None:
    s = parse_date(text, ref)
    return None if s is None else (s.start, s.end, s.precision)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("July 12", (D(2021, 7, 12), D(2021, 7, 12), "day")),
        ("The attack on July 12, 2021 killed five.", (D(2021, 7, 12), D(2021, 7, 12), "day")),
        ("on 12 July", (D(2021, 7, 12), D(2021, 7, 12), "day")),
        ("12 July 2021", (D(2021, 7, 12), D(2021, 7, 12), "day")),
        ("on the 12th of July", (D(2021, 7, 12), D(2021, 7, 12), "day")),
        ("Aug. 2", (D(2021, 8, 2), D(2021, 8, 2), "day")),
        ("Sept 3, 2020", (D(2020, 9, 3), D(2020, 9, 3), "day")),
        ("August 9", (D(2021, 8, 9), D(2021, 8, 9), "day")),  # within reference + 7 days
        ("August 10", (D(2020, 8, 10), D(2020, 8, 10), "day")),  # beyond: last year
        ("2021-07-12", (D(2021, 7, 12), D(2021, 7, 12), "day")),
        ("17-April-2019", (D(2019, 4, 17), D(2019, 4, 17), "day")),
        ("24 04 2019", (D(2019, 4, 24), D(2019, 4, 24), "day")),
        ("24/04/2019", (D(2019, 4, 24), D(2019, 4, 24), "day")),
        ("in July", (D(2021, 7, 1), D(2021, 7, 31), "month")),
        ("in July 2020", (D(2020, 7, 1), D(2020, 7, 31), "month")),
        ("early July", (D(2021, 7, 1), D(2021, 7, 10), "month")),
        ("mid-July", (D(2021, 7, 11), D(2021, 7, 20), "month")),
        ("late July", (D(2021, 7, 21), D(2021, 7, 31), "month")),
        ("in December", (D(2020, 12, 1), D(2020, 12, 31), "month")),
        ("in 2020", (D(2020, 1, 1), D(2020, 12, 31), "year")),
        ("since 2019", (D(2019, 1, 1), D(2019, 12, 31), "year")),
        ("today", (REF, REF, "day")),
        ("this morning", (REF, REF, "day")),
        ("tonight", (REF, REF, "day")),
        ("yesterday", (D(2021, 8, 1), D(2021, 8, 1), "day")),
        ("last night", (D(2021, 8, 1), D(2021, 8, 1), "day")),
        ("the day before yesterday", (D(2021, 7, 31), D(2021, 7, 31), "day")),
        ("on Tuesday", (D(2021, 7, 27), D(2021, 7, 27), "day")),
        ("Tuesday night", (D(2021, 7, 27), D(2021, 7, 27), "day")),
        ("on Monday", (REF, REF, "day")),  # the reference itself is a Monday
        ("last Monday", (D(2021, 7, 26), D(2021, 7, 26), "day")),  # strictly before the reference
        ("last Tuesday", (D(2021, 7, 27), D(2021, 7, 27), "day")),
        ("on Sunday", (D(2021, 8, 1), D(2021, 8, 1), "day")),
        ("last week", (D(2021, 7, 26), D(2021, 8, 1), "week")),
        ("earlier this week", (REF, REF, "week")),
        ("last month", (D(2021, 7, 1), D(2021, 7, 31), "month")),
        ("this month", (D(2021, 8, 1), REF, "month")),
        ("last year", (D(2020, 1, 1), D(2020, 12, 31), "year")),
        ("over the weekend", (D(2021, 7, 31), D(2021, 8, 1), "week")),
        ("at the weekend", (D(2021, 7, 31), D(2021, 8, 1), "week")),
        ("last weekend", (D(2021, 7, 31), D(2021, 8, 1), "week")),
        ("over the past 24 hours", (D(2021, 8, 1), D(2021, 8, 1), "day")),
        ("in the past 24 hours", (D(2021, 8, 1), D(2021, 8, 1), "day")),
        ("overnight", (D(2021, 8, 1), D(2021, 8, 1), "day")),
        ("three days ago", (D(2021, 7, 30), D(2021, 7, 30), "day")),
        ("two weeks ago", (D(2021, 7, 19), D(2021, 7, 25), "week")),
        ("recently", (D(2021, 7, 26), REF, "week")),
        ("in recent days", (D(2021, 7, 26), REF, "week")),
        ("in recent weeks", (D(2021, 7, 12), REF, "week")),
    ],
)
def test_parse_date(text: str, expected: tuple[date, date, str]) -> None:
    assert span(text) == expected


def test_year_inference_across_new_year() -> None:
    assert span("December 30", D(2021, 1, 3)) == (D(2020, 12, 30), D(2020, 12, 30), "day")
    assert span("January 2", D(2021, 1, 3)) == (D(2021, 1, 2), D(2021, 1, 2), "day")


def test_weekend_on_a_sunday() -> None:
    sunday = D(2021, 8, 8)
    assert span("over the weekend", sunday) == (D(2021, 8, 7), D(2021, 8, 8), "week")
    assert span("last weekend", sunday) == (D(2021, 7, 31), D(2021, 8, 1), "week")


def test_weekday_on_the_same_weekday() -> None:
    tuesday = D(2021, 8, 3)
    assert span("on Tuesday", tuesday) == (tuesday, tuesday, "day")
    assert span("last Tuesday", tuesday) == (D(2021, 7, 27), D(2021, 7, 27), "day")


def test_relative_without_reference_is_reported_unresolved() -> None:
    mentions = find_dates("Taliban attacked yesterday and on July 12.", None)
    assert [m.text for m in mentions] == ["yesterday", "July 12"]
    assert all(m.span is None for m in mentions)
    assert span("12 July 2021", None) == (D(2021, 7, 12), D(2021, 7, 12), "day")


def test_words_and_offsets() -> None:
    text = "On Tuesday night, in mid-July 2021 and on 3 August, fighters moved."
    mentions = find_dates(text, REF, offset=100)
    assert [m.text for m in mentions] == ["Tuesday night", "mid-July 2021", "3 August"]
    for m in mentions:
        assert text[m.start - 100 : m.end - 100] == m.text
        assert m.span is not None and m.span.text == m.text


@pytest.mark.parametrize(
    "text, shift",
    [
        ("the next day", 1),
        ("The following day, the Taliban retreated.", 1),
        ("a day later", 1),
        ("two days later", 2),
        ("3 days later", 3),
        ("a week later", 7),
        ("the day before", -1),
        ("the previous day", -1),
        ("hours later", 0),
        ("the same day", 0),
        ("later that day", 0),
        ("the next morning", 1),
        ("that night", 0),
    ],
)
def test_anaphoric(text: str, shift: int) -> None:
    mentions = find_dates(text, REF)
    assert len(mentions) == 1
    m = mentions[0]
    assert m.anaphoric and m.span is None and m.shift_days == shift


def test_resolve_anaphoric() -> None:
    (m,) = find_dates("the next day", REF)
    resolved = resolve_anaphoric(m, DateSpan(D(2021, 7, 12), D(2021, 7, 12), "day"))
    assert (resolved.start, resolved.end, resolved.precision) == (D(2021, 7, 13), D(2021, 7, 13), "day")
    coarse = resolve_anaphoric(
        DateMention(0, 3, "the day before", None, anaphoric=True, shift_days=-1),
        DateSpan(D(2021, 7, 26), D(2021, 8, 1), "week"),
    )
    assert (coarse.start, coarse.end, coarse.precision) == (D(2021, 7, 25), D(2021, 7, 31), "week")


@pytest.mark.parametrize(
    "text",
    [
        "The attack began at 7 am.",
        "The fighting went on for three days.",
        "A 20 years old man was shot.",
        "after the 2001 invasion",
        "UN Resolution 2021 was adopted.",
        "He may leave.",
        "Troops march on.",
        "killed 1,200 people",
        "February 30",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


# ---------------------------------------------------------------- properties

_dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2099, 12, 31))
_refs = st.one_of(st.none(), st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)))


@given(d=_dates, ref=_refs)
def test_month_day_year_round_trip(d: date, ref: date | None) -> None:
    abbr = f"{d:%b}" + ("" if d.month == 5 else ".")
    for text in (
        f"{d:%B} {d.day}, {d.year}",
        f"{d.day} {d:%B} {d.year}",
        f"on {abbr} {d.day}, {d.year} there",
    ):
        s = parse_date(text, ref)
        assert s is not None and (s.start, s.end, s.precision) == (d, d, "day"), text


@given(d=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)), back=st.integers(0, 300))
def test_year_inference(d: date, back: int) -> None:
    ref = d + timedelta(days=back)
    s = parse_date(f"On {d:%B} {d.day} the fighting stopped.", ref)
    if (d.month, d.day) == (2, 29) and back >= 300:
        return
    assert s is not None and s.start == d


@given(ref=st.dates(min_value=D(1950, 1, 1), max_value=D(2090, 12, 31)))
def test_relative_spans_are_consistent(ref: date) -> None:
    text = (
        "Yesterday, on Tuesday, last week, over the weekend, three days ago, in recent weeks, last month, "
        "this week, this month, two weeks ago, last Friday, in July, early March, late 2020 and today."
    )
    mentions = find_dates(text, ref)
    assert len(mentions) == 15
    for m in mentions:
        assert m.span is not None
        assert m.span.start <= m.span.end
        if m.text != "late 2020":
            assert m.span.start <= ref + timedelta(days=7)
        if m.span.precision == "day":
            assert m.span.start == m.span.end
        if m.span.precision == "week":
            assert (m.span.end - m.span.start).days <= 21


@settings(max_examples=300)
@given(text=st.text(), ref=_refs, offset=st.integers(0, 10_000))
def test_find_dates_never_raises(text: str, ref: date | None, offset: int) -> None:
    for m in find_dates(text, ref, offset):
        assert text[m.start - offset : m.end - offset] == m.text
        if m.span is not None:
            assert m.span.start <= m.span.end
            if m.span.precision == "day":
                assert m.span.start == m.span.end


_words = st.sampled_from(
    ["on", "Tuesday", "July", "12", "2021", "in", "last", "week", "the", "next", "day", "-", "/", ",", "early",
     "mid", "2019", "24", "04", "ago", "days", "three", "weekend", "yesterday", "Sept.", "of", "past", "hours"]
)  # fmt: skip


@settings(max_examples=300)
@given(words=st.lists(_words, max_size=12), sep=st.sampled_from([" ", "", "-"]), ref=_refs)
def test_date_like_text(words: list[str], sep: str, ref: date | None) -> None:
    text = sep.join(words)
    for m in find_dates(text, ref):
        assert text[m.start : m.end] == m.text
        if m.span is not None:
            assert m.span.start <= m.span.end
            assert m.span.precision in ("day", "week", "month", "year")
            if m.span.precision == "day":
                assert m.span.start == m.span.end
        else:
            assert ref is None or m.anaphoric


@pytest.mark.parametrize(
    "text, expected, words",
    [
        ("A shooting on the night of Thursday, July 8, killed a man.", D(2021, 7, 8), "Thursday, July 8"),
        ("He was shot Thursday (July 8) outside a bar.", D(2021, 7, 8), "Thursday (July 8"),
        ("police said late Thursday night, July 8, 2021, that", D(2021, 7, 8), "late Thursday night, July 8, 2021"),
    ],
)
def test_weekday_written_with_its_date_is_the_date(text: str, expected: date, words: str) -> None:
    """A weekday followed by its calendar date is one expression: the explicit date wins over the weekday's
    reading against the publication date (which would give the Thursday before the reference)."""
    found = find_dates(text, REF)
    assert len(found) == 1
    assert found[0].span.start == expected and found[0].text == words


def test_weekday_and_a_separate_date_stay_two() -> None:
    found = find_dates("He was seen Thursday and on July 8 he left. Friday. On July 3 it began.", REF)
    assert [m.text for m in found] == ["Thursday", "July 8", "Friday", "July 3"]


# ---------------------------------------------------------------- the date of a later happening (stages.dates)

FOLLOWUP_PUBLISHED = "2024-03-20"  # a Wednesday


def _main_dates(text: str) -> list[tuple[DateSpan | None, list[str]]]:
    from contested.pipeline import extract_text

    return [(e.date, e.flags) for e in extract_text(text, published=FOLLOWUP_PUBLISHED)]


@pytest.mark.parametrize(
    "text, day",
    [
        ("A vigil was held Sunday for the victims of the shooting at the park.", D(2024, 3, 17)),
        ("The suspect appeared in court on Friday, charged with murder in the shooting death of his neighbor.",
         D(2024, 3, 15)),
        ("Police arrested a man Tuesday who shot and killed a woman at an apartment complex.", D(2024, 3, 19)),
        ("Two people were arrested Tuesday after a toddler accidentally shot herself in the hand.", D(2024, 3, 19)),
    ],
)
def test_a_followup_date_bounds_the_event(text: str, day: date) -> None:
    """The day of the arrest, hearing or vigil is not the shooting's: the shooting happened on or before it."""
    from contested.config import ExtractionSettings

    got = _main_dates(text)
    assert got, text
    when, flags = got[0]
    assert when is not None and "date_before_followup" in flags
    assert when.end == day and when.start == day - timedelta(days=ExtractionSettings().followup_span_days)
    assert when.precision in ("week", "month", "year")
    assert "on or before" in (when.text or "")


@pytest.mark.parametrize(
    "text, day",
    [
        ("A man was shot and killed on Saturday night outside a bar, police said.", D(2024, 3, 16)),
        ("Gunmen shot dead two guards on Monday and the police arrested a suspect on Tuesday.", D(2024, 3, 18)),
        ("Two people were killed Sunday in a shooting at a party, and a vigil was planned.", D(2024, 3, 17)),
    ],
)
def test_the_events_own_date_stays(text: str, day: date) -> None:
    """A date that the event's own word governs stays the event's day, a later arrest in the sentence aside."""
    got = _main_dates(text)
    assert got, text
    when, flags = got[0]
    assert when is not None and "date_before_followup" not in flags
    assert (when.start, when.end, when.precision) == (day, day, "day")


def test_followup_heads_are_data() -> None:
    """The words live in data/dates.json, and settings carry the span's length."""
    from contested.stages.dates import _followup_heads

    heads = _followup_heads()
    assert {"arrest", "vigil", "hearing", "funeral"} <= heads


def test_a_date_that_is_the_sentences_root_heads_nothing() -> None:
    """A date phrase holding the sentence's root (a dateline, a bad parse) ends the walk up the tree at once."""
    import signal
    from types import SimpleNamespace

    from contested.nlp import load_nlp
    from contested.stages.dates import followup_head

    text = "Police arrested a man Monday in the shooting."
    sent = SimpleNamespace(span=next(load_nlp()(text).sents))
    at = text.index("shooting")
    draft = SimpleNamespace(trigger=SimpleNamespace(start=at, end=at + len("shooting")))
    whole = DateMention(0, len(text), text, DateSpan(D(2024, 3, 18), D(2024, 3, 18), "day"))
    monday = DateMention(text.index("Monday"), text.index("Monday") + 6, "Monday",
                         DateSpan(D(2024, 3, 18), D(2024, 3, 18), "day"))

    def _stuck(*_: object) -> None:
        raise TimeoutError("the walk up the parse did not end")

    old = signal.signal(signal.SIGALRM, _stuck)
    signal.alarm(10)
    try:
        assert followup_head(whole, draft, sent) is None
        assert followup_head(monday, draft, sent) == "arrest"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_a_day_before_what_an_arrest_is_about_is_the_arrest_s():
    """ "detained ... on Tuesday in connection with the bombing": Tuesday and the place written before the
    words that name what the arrest is about are the arrest's, even where a noun of violence ("raids") was
    joined to that happening."""
    from contested.pipeline import extract_text

    text = ("Police detained nine men in raids in the Dasht-e-Barchi area of Kabul on Tuesday in connection "
            "with the bombing, a police spokesman said.")
    arrests = [e for e in extract_text(text, published="2021-06-10") if e.type == "arrest"]
    assert arrests, "no arrest"
    assert all(e.date is not None and e.date.start.isoformat() == "2021-06-08" for e in arrests), arrests
    assert all(e.location is not None and e.location.country == "Afghanistan" for e in arrests), arrests
