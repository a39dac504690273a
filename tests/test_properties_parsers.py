"""Property tests (hypothesis) of every parser: any input gives a well-formed answer or a documented refusal,
never another exception."""

from __future__ import annotations

import functools
import json
import string
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from contested.dates import find_dates, parse_date, resolve_anaphoric
from contested.ingest import _Bad, _decode, _from_html, _from_jsonl, _Raw, clean_text, normalize_text
from contested.metadata import byline_date, dateline_place, parse_published, published_problem
from contested.quantities import find_quantities, parse_number
from contested.records import DateSpan, InputProblem

PRECISIONS = {"day", "week", "month", "year"}
# Words the parsers look for, so that random text reaches their patterns, not only their gates.
WORDS = [
    "on", "in", "the", "last", "next", "this", "past", "early", "late", "mid", "of", "since", "until", "by",
    "ago", "earlier", "later", "before", "after", "that", "same", "day", "days", "week", "weeks", "weekend",
    "month", "months", "year", "years", "hours", "night", "morning", "yesterday", "today", "tonight",
    "Monday", "Tuesday", "Sunday", "Friday", "January", "Feb", "March", "July", "Jul.", "August", "Sept",
    "December", "Dec", "1", "2", "12", "12th", "31", "31st", "0", "00", "24", "99", "1900", "1999", "2021", "9999",
    "10000", "2021-07-08", "9999-12-31", "0001-01-01", "07/08/2021", "31/12/9999", "2021/13/45", "two", "three",
    "dozen", "dozens", "hundreds", "thousand", "million", "at", "least", "more", "than", "up", "to", "about",
    "nearly", "some", "around", "over", "fewer", "between", "and", "-", ",", ".", "killed", "wounded",
    "soldiers", "civilians", "people", "fighters", "Taliban", "police", "officials", "said", "KABUL",
    "By", "Published:", "Updated", "(Reuters)", "—", "A.D.", "BC", "1e9", "٣", "２０２１", "\u00a0", "\n", "\n\n",
]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=40).map(" ".join)
any_date = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ---------------------------------------------------------------- dates

@FAST
@given(text=texts, reference=st.one_of(st.none(), any_date), offset=st.integers(0, 10**6))
def test_find_dates_is_well_formed(text, reference, offset):
    mentions = find_dates(text, reference, offset)
    last_end = -1
    for m in mentions:
        assert offset <= m.start < m.end <= offset + len(text)
        assert m.start >= last_end
        last_end = m.end
        assert text[m.start - offset:m.end - offset] == m.text
        if m.span is not None:
            assert m.span.start <= m.span.end
            assert m.span.precision in PRECISIONS


@FAST
@given(text=texts, reference=st.one_of(st.none(), any_date))
def test_parse_date_never_raises(text, reference):
    span = parse_date(text, reference)
    assert span is None or span.start <= span.end


@FAST
@given(text=texts, reference=any_date, anchor=any_date, length=st.integers(0, 400))
def test_resolve_anaphoric_never_raises(text, reference, anchor, length):
    end = min(anchor + timedelta(days=length), date(9999, 12, 31)) if anchor.year < 9999 else anchor
    for m in find_dates(text, reference):
        if m.anaphoric:
            span = resolve_anaphoric(m, DateSpan(anchor, end, "day"))
            assert span.start <= span.end


# ---------------------------------------------------------------- quantities

@FAST
@given(text=texts, offset=st.integers(0, 10**6))
def test_find_quantities_is_well_formed(text, offset):
    for q in find_quantities(text, offset):
        assert offset <= q.start <= q.end <= offset + len(text)
        if q.text is not None and q.end > q.start:
            assert text[q.start - offset:q.end - offset] == q.text
        assert isinstance(q.value, int)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@FAST
@given(words=texts)
def test_parse_number_never_raises(words):
    n = parse_number(words)
    assert n is None or isinstance(n, int)


# ---------------------------------------------------------------- publication dates

@FAST
@given(value=st.one_of(texts, st.text(), st.sampled_from(
    ["9999-12-31", "9999-12-31T23:59:59+14:00", "0001-01-01", "2021-13-45", "Fri, 31 Dec 9999 23:59:59 +1400",
     "Mon, 01 Jan 0001 00:00:00 -1400", "99991231", "2021-07-08T10:31:00Z", "yesterday", "  "])))
def test_parse_published_never_raises(value):
    d = parse_published(value)
    assert d is None or isinstance(d, date)


@FAST
@given(text=texts, reference=st.one_of(st.none(), any_date))
def test_byline_date_is_none_or_a_sensible_date(text, reference):
    d = byline_date(text, reference=reference)
    assert d is None or published_problem(d) is None


@FAST
@given(text=texts)
def test_dateline_place_is_none_or_capitalised_words_at_the_head_of_a_line(text):
    found = dateline_place(text)
    if found is not None:
        start, end = found
        assert 0 <= start < end <= len(text) and start < 600
        assert text[start].isupper() and (start == 0 or text[:start].endswith(("\n", " ", "\t")))
        assert text[:start].strip(" \t") == "" or text[:start].rstrip(" \t").endswith("\n")


@pytest.mark.parametrize("text, place", [
    ("Headline\n\nBAMAKO, April 2 (Example Wire) - Soldiers killed", "BAMAKO"),
    ("WESTPORT -- A man was shot", "WESTPORT"),
    ("MOGADISHU, Somalia (AP) — A bomb went off", "MOGADISHU, Somalia"),
    ("Kabul, Aug 2 (Reuters) - The Taliban", "Kabul"),
    ("Officials - said", None),
    ("US - China talks", None),
    ("By Example Correspondent, Kabul, July 7, 2021\n\nMore than 300 soldiers fled", None),
])
def test_dateline_place(text, place):
    found = dateline_place(text)
    assert (text[found[0]:found[1]] if found else None) == place


@FAST
@given(when=st.one_of(any_date, st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))))
def test_published_problem_names_the_field(when):
    problem = published_problem(when, "published")
    plain = when.date() if isinstance(when, datetime) else when
    sensible = date(1900, 1, 1) <= plain <= date.today() + timedelta(days=2)
    assert (problem is None) == sensible
    assert problem is None or problem.startswith("published: ")


# ---------------------------------------------------------------- ingest

@FAST
@given(text=st.text(alphabet=st.characters(codec=None), max_size=300))
def test_normalize_text_is_clean_and_idempotent(text):
    out = normalize_text(text)
    out.encode("utf-8")
    assert normalize_text(out) == out
    assert "\r" not in out and "\n\n\n" not in out and "\x00" not in out
    assert not out.startswith("\n") and not out.endswith("\n")
    assert clean_text(out) == out


@FAST
@given(data=st.binary(max_size=300), html=st.booleans(), declared=st.sampled_from([None, "latin-1", "utf-8", "nope",
                                                                                  "utf-16", "cp1256"]))
def test_decode_gives_text_or_a_reason(data, html, declared):
    try:
        text = _decode(data, html=html, declared=declared)
    except _Bad as bad:
        assert str(bad).startswith("undecodable")
    else:
        assert isinstance(text, str)


jsonl_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts, st.text()),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
    max_leaves=6,
)
records = st.fixed_dictionaries({}, optional={
    "text": st.one_of(texts, st.text(), jsonl_values), "published": st.one_of(texts, jsonl_values, st.sampled_from(
        ["9999-12-31", "2021-07-08", "yesterday", "2021-13-45", "0001-01-01"])),
    "source": jsonl_values, "title": jsonl_values, "url": jsonl_values, "date": jsonl_values})


@FAST
@given(lines=st.lists(st.one_of(records.map(json.dumps), st.binary(max_size=40).map(lambda b: b.decode("latin-1")),
                                st.text(max_size=40)), max_size=6))
def test_from_jsonl_yields_records_or_problems(lines):
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    for item in _from_jsonl(data, "x.jsonl"):
        assert isinstance(item, _Raw | InputProblem)
        if isinstance(item, InputProblem):
            assert item.origin.startswith("x.jsonl") and item.reason


html_parts = st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<html>", "<body>", "<script>", "</script>",
                              "<nav>", "</nav>", "<title>", "</title>", "<meta charset='latin-1'>", "<!--", "-->",
                              "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xd800;", "<br/>", "<", ">", "\"", "'"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(html_parts, texts, st.text(max_size=10)), max_size=30))
def test_from_html_gives_text_or_a_reason(parts):
    html = "".join(parts)
    try:
        raws = list(_from_html(html, "x.html"))
    except _Bad as bad:
        assert str(bad) == "empty: no text"
    else:
        assert len(raws) == 1 and len(raws[0].text.split()) >= 5


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace"))),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", ".json", ".md"]))
def test_iter_documents_never_raises(tmp_path_factory, content, suffix):
    from contested.ingest import iter_documents
    from contested.records import Document

    path = tmp_path_factory.mktemp("in") / ("f" + suffix)
    path.write_bytes(content)
    for item in iter_documents([str(path)]):
        assert isinstance(item, Document | InputProblem)
        if isinstance(item, Document):
            item.text.encode("utf-8")


# ---------------------------------------------------------------- contested.extract

EVENTS = [
    "Taliban fighters captured Khwaja Ghar district of Takhar province on Sunday, officials said.",
    "A roadside bomb killed three civilians in Qala-i-Naw on Monday, police said.",
    "More than 300 Afghan soldiers crossed the border into Tajikistan last week.",
    "Afghan forces retook the district centre the next day, the ministry said, but the Taliban denied it.",
]
event_texts = st.lists(st.one_of(st.sampled_from(EVENTS), texts, st.text(max_size=30)), max_size=8).map(
    lambda parts: " ".join(parts))
published_values = st.one_of(
    st.none(), any_date, st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    any_date.map(date.isoformat), texts, st.sampled_from(["9999-12-31", "2021-07-08T10:31:00Z", "Jul 8, 2021", ""]),
    st.integers(), st.floats())


@functools.cache
def schema_validator():
    """The contract's event schema, or None where ../shared is absent (the schema check is then skipped;
    the rest still runs)."""
    from conftest import SCHEMA_PATH

    if not SCHEMA_PATH.exists():
        return None
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text())
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def validator():
    return schema_validator()


def check_extract(text, published, validator) -> None:
    import contested

    try:
        events = contested.extract(text, published=published, source="Wire")
    except ValueError as exc:  # the documented refusal: a published that is not a sensible date
        assert str(exc).startswith("published") or str(exc).startswith("too long"), exc
        return
    for ev in events:
        json.dumps(ev, ensure_ascii=False, allow_nan=False).encode("utf-8")
        if validator is not None:
            assert not list(validator.iter_errors(ev)), ev


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=event_texts, published=published_values)
def test_extract_on_any_text_and_date(validator, text, published):
    check_extract(text, published, validator)


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(repeat=st.integers(1, 60), separator=st.sampled_from(["\n\n", " ", "\n", ""]),
       alphabet=st.sampled_from([string.ascii_letters, "ab \n", "\u0628\u0627 "]))
def test_extract_on_any_size(validator, repeat, separator, alphabet):
    assume(repeat > 0)
    text = separator.join(EVENTS * repeat) + alphabet * repeat
    check_extract(text, "2021-07-08", validator)
