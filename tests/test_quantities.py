from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contested.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    "words, value",
    [
        ("300", 300),
        ("1,200", 1200),
        ("1.5 million", 1_500_000),
        ("three", 3),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a hundred", 100),
        ("two hundred", 200),
        ("one hundred and fifty", 150),
        ("two thousand three hundred", 2300),
        ("three hundred thousand", 300_000),
        ("five twenty", None),
        ("thousand", None),
        ("a", None),
        ("2.5", None),
        ("soldiers", None),
        ("", None),
    ],
)
def test_parse_number(words: str, value: int | None) -> None:
    assert parse_number(words) == value


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


@pytest.mark.parametrize(
    "text, words, value, qualifier, unit, low, high",
    [
        ("more than 300 government soldiers surrendered", "more than 300 government soldiers", 300, "more_than",
         "soldiers", None, None),
        ("The army sent 87 more soldiers.", "87 more soldiers", 87, "exact", "soldiers", None, None),
        ("They hold at least 80 districts.", "at least 80 districts", 80, "at_least", "districts", None, None),
        ("dozens of troops fled", "dozens of troops", 24, "vague", "troops", 24, 99),
        ("hundreds of Taliban fighters", "hundreds of Taliban fighters", 200, "vague", "fighters", 200, 999),
        ("thousands of families fled", "thousands of families", 2000, "vague", "families", 2000, 9999),
        ("several attacks", "several attacks", 3, "vague", "attacks", 3, 9),
        ("up to 320 were held", "up to 320", 320, "up_to", "people", None, None),
        ("12 Taliban militants were killed", "12 Taliban militants", 12, "exact", "militants", None, None),
        ("1 policeman was hurt", "1 policeman", 1, "exact", "policemen", None, None),
        ("one civilian was hurt", "one civilian", 1, "exact", "civilians", None, None),
        ("some 1.5 million refugees", "some 1.5 million refugees", 1_500_000, "about", "refugees", None, None),
        ("around 1,200 members", "around 1,200 members", 1200, "about", "members", None, None),
        ("nearly twenty-five civilians", "nearly twenty-five civilians", 25, "about", "civilians", None, None),
        ("an estimated 5,000 fighters", "an estimated 5,000 fighters", 5000, "about", "fighters", None, None),
        ("a dozen soldiers", "a dozen soldiers", 12, "about", "soldiers", None, None),
        ("no fewer than 40 prisoners", "no fewer than 40 prisoners", 40, "at_least", "prisoners", None, None),
        ("upwards of 100 vehicles", "upwards of 100 vehicles", 100, "more_than", "vehicles", None, None),
        ("as many as 70 insurgents", "as many as 70 insurgents", 70, "up_to", "insurgents", None, None),
        ("fewer than 10 people", "fewer than 10 people", 10, "fewer_than", "people", None, None),
        ("between 50 and 60 fighters", "between 50 and 60 fighters", 50, "range", "fighters", 50, 60),
        ("50-60 fighters", "50-60 fighters", 50, "range", "fighters", 50, 60),
        ("50 to 60 fighters", "50 to 60 fighters", 50, "range", "fighters", 50, 60),
        ("25 Afghan National Army soldiers", "25 Afghan National Army soldiers", 25, "exact", "soldiers", None, None),
        ("two hundred people", "two hundred people", 200, "exact", "people", None, None),
        ("3 wounded soldiers", "3 wounded soldiers", 3, "exact", "soldiers", None, None),
    ],
)  # fmt: skip
def test_quantity(text, words, value, qualifier, unit, low, high) -> None:
    q = one(text)
    assert (q.text, q.value, q.qualifier, q.unit, q.low, q.high) == (words, value, qualifier, unit, low, high)
    assert text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text, killed",
    [
        ("12 Taliban militants were killed in Kunduz.", [True]),
        ("The airstrike killed 3 civilians.", [True]),
        ("The blast, killing 3 civilians, shook the city.", [True]),
        ("Officials said 3 killed.", [True]),
        ("The death toll rose to 10.", [True]),
        ("The attack left 5 dead.", [True]),
        ("The bodies of 4 soldiers were found.", [True]),
        ("5 soldiers were killed and 3 wounded.", [True, False]),
        ("The clashes killed or wounded 20 people.", [False]),
        ("20 soldiers were killed or wounded.", [False]),
        ("The Taliban killed 5 soldiers and 3 policemen.", [True, True]),
        ("The Taliban killed 12 and wounded 5.", [True, False]),
        ("5 soldiers were wounded.", [False]),
        ("The Taliban captured 12 districts.", [False]),
        ("10 civilian deaths were recorded.", [True]),
        ("300 of them were killed.", [True]),
    ],
)
def test_killed(text: str, killed: list[bool]) -> None:
    assert [q.killed for q in find_quantities(text)] == killed


def test_unit_from_preceding_count() -> None:
    qs = find_quantities("5 soldiers were killed and 3 wounded")
    assert [(q.value, q.unit) for q in qs] == [(5, "soldiers"), (3, "soldiers")]


@pytest.mark.parametrize(
    "text",
    [
        "after the 2001 invasion",
        "On July 12 the convoy left.",
        "at 7 am",
        "at 0700 hours local time",
        "for three days",
        "in the past 24 hours",
        "a 20-year-old man",
        "he was 20 years old",
        "10 km from the city",
        "$5 million in aid",
        "40 percent of the district",
        "40% of the district",
        "the 3rd battalion",
        "UN Resolution 2593",
        "on Route 1",
        "one of them escaped",
        "no one was hurt",
        "a three-day offensive",
        "COVID-19 spread",
        "a few days ago",
        "a 2.5 magnitude quake",
    ],
)
def test_not_counts(text: str) -> None:
    assert find_quantities(text) == []


def test_offsets_with_offset() -> None:
    text = "Officials said at least 12 civilians and 3 soldiers died."
    qs = find_quantities(text, offset=1000)
    assert [q.text for q in qs] == ["at least 12 civilians", "3 soldiers"]
    for q in qs:
        assert text[q.start - 1000 : q.end - 1000] == q.text


# ---------------------------------------------------------------- properties

_units = st.sampled_from(["soldiers", "civilians", "militants", "people", "districts", "fighters"])


@given(n=st.integers(1, 100_000), unit=_units)
def test_comma_numbers(n: int, unit: str) -> None:
    words = f"{n:,}"
    assert parse_number(words) == n
    q = one(f"Officials said {words} {unit} were there.")
    assert (q.value, q.qualifier, q.unit) == (n, "exact", unit)


@given(a=st.integers(1, 50_000), d=st.integers(1, 50_000), unit=_units)
def test_between_range(a: int, d: int, unit: str) -> None:
    b = a + d
    q = one(f"between {a:,} and {b:,} {unit} fled")
    assert (q.value, q.qualifier, q.low, q.high, q.unit) == (a, "range", a, b, unit)


_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    parts = []
    if n >= 1000:
        parts.append(_words(n // 1000) + " thousand")
        n %= 1000
    if n >= 100:
        parts.append(_ONES[n // 100] + " hundred")
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else ""))
    elif n >= 10:
        parts.append(_TEENS[n - 10])
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


@given(n=st.integers(1, 999_999))
def test_number_words(n: int) -> None:
    assert parse_number(_words(n)) == n


@given(n=st.integers(2, 999_999), unit=_units)
def test_number_words_in_text(n: int, unit: str) -> None:
    q = one(f"Officials said {_words(n)} {unit} were killed.")
    assert (q.value, q.unit, q.killed) == (n, unit, True)


@settings(max_examples=300)
@given(text=st.text(), offset=st.integers(0, 10_000))
def test_never_raises(text: str, offset: int) -> None:
    for q in find_quantities(text, offset):
        assert text[q.start - offset : q.end - offset] == q.text
        assert q.value >= 0
        if q.qualifier in ("range", "vague"):
            assert q.low is not None and q.high is not None and q.low <= q.high and q.value == q.low


_tokens = st.sampled_from(
    ["at least", "more than", "between", "and", "to", "-", "12", "1,200", "three", "hundred", "dozens", "of",
     "soldiers", "killed", "were", "wounded", "or", "the", "death toll", "rose", "2021", "July", "a", "one",
     "twenty-five", "several", ",", "people"]
)  # fmt: skip


@settings(max_examples=300)
@given(words=st.lists(_tokens, max_size=14))
def test_count_like_text(words: list[str]) -> None:
    text = " ".join(words)
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.unit and q.unit == q.unit.lower()
        if q.qualifier == "range":
            assert q.low is not None and q.high is not None and q.low < q.high
