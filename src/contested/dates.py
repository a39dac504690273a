"""Date expressions in a sentence, resolved against the publication date (the reference).

``find_dates`` reports every date expression with its character offsets; ``span`` is the resolved
:class:`DateSpan`, or None where it cannot be resolved (a relative expression and no reference).
Anaphoric expressions ("the next day", "two days later") are relative to an earlier event's date, not to the
publication date: they come with ``anaphoric=True``, ``span=None`` and ``shift_days``; use
:func:`resolve_anaphoric` once the anchor event's date is known.

Conventions (all relative to the reference date ``r``):

* A date without a year ("July 12", "in December") is the latest such date on or before ``r + 7 days``.
* "Tuesday", "on Tuesday", "this Tuesday": the most recent Tuesday on or before ``r`` (``r`` itself if it is a
  Tuesday). "last Tuesday": the most recent Tuesday strictly before ``r``. "next Tuesday": the first after ``r``.
* "last night", "yesterday", "overnight", "in the past 24 hours": ``r - 1`` (day precision; "the past 24 hours" and
  "overnight" follow the ACLED convention of the day before the report).
* "last week": Monday..Sunday of the previous calendar week; "this week", "earlier this week": Monday of this week
  ..``r``; "last month": the previous calendar month; "this month": the 1st..``r``; "last year" / "this year" alike.
* "the weekend", "over the weekend", "this weekend": the most recent Saturday on or before ``r`` .. the Sunday after
  it, clipped to ``r`` (precision week); "last weekend": the same, but strictly before ``r``'s own weekend when
  ``r`` is a Saturday or Sunday.
* "N days ago": ``r - N`` (day); "N weeks ago": the Monday..Sunday week holding ``r - 7N`` (week); "N months ago":
  that calendar month; "recently" / "in recent days": ``r - 7``..``r``; "in recent weeks": ``r - 21``..``r``
  (week); "in recent months": ``r - 90``..``r`` (month).
* "early/mid/late July" narrow the span to days 1-10 / 11-20 / 21-end but keep precision month; "early/mid/late
  2020" narrow to Jan-Apr / May-Aug / Sep-Dec and keep precision year.
* Reported words leave out a leading preposition ("on", "in", "since", "over"...): "in July 2021" is reported
  as "July 2021", "on Tuesday night" as "Tuesday night", "over the weekend" as "the weekend".
* Numeric dates are day first ("24/04/2019"); month first is only tried when day first is impossible.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from contested.records import DateMention, DateSpan

__all__ = ["find_dates", "parse_date", "resolve_anaphoric"]

_F = re.IGNORECASE | re.ASCII

_MONTH_FULL = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"]
_MONTH_NUM = {name[:3].lower(): i + 1 for i, name in enumerate(_MONTH_FULL)}


def _month_alternation() -> str:
    alts: list[str] = []
    for name in _MONTH_FULL:
        alts += [name, name.upper()]
    for name in _MONTH_ABBR:
        alts += [name + r"\.?", name.upper() + r"\.?"]
    # month names are case-sensitive (Title or UPPER) so that "may" and "march" stay verbs
    return r"(?-i:" + "|".join(alts) + r")(?![A-Za-z])"


MONTH = _month_alternation()
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAY = "|".join(_WEEKDAYS)

_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "twenty-four": 24, "forty-eight": 48, "seventy-two": 72, "a couple of": 2, "a few": 3, "several": 3,
}  # fmt: skip
_SMALL_RE = r"(?:\d{1,3}|" + "|".join(sorted((re.escape(k) for k in _SMALL), key=len, reverse=True)) + r")"

_YEAR = r"(?:19|20)\d\d"
_PREP = r"(?:in|since|during|until|till|by|from|through|throughout|before|after|of|on)"


def _small(word: str) -> int | None:
    word = re.sub(r"\s+", " ", word.lower())
    if word.isdigit():
        return int(word)
    return _SMALL.get(word)


def _month(word: str) -> int:
    return _MONTH_NUM[word.rstrip(".").lower()[:3]]


def _day_span(d: date, words: str) -> DateSpan:
    return DateSpan(d, d, "day", words)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _infer_year(month: int, day: int, ref: date) -> date | None:
    """The latest valid date with this month and day on or before ref + 7 days."""
    limit = ref + timedelta(days=7)
    for y in range(ref.year + 1, ref.year - 9, -1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if d <= limit:
            return d
    return None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


# A handler gets the match, the reference and the words' text; it returns (start, end, span, anaphoric, shift)
# with start/end relative to the text, or None to drop the match.
_Result = tuple[int, int, DateSpan | None, bool, int | None]
_Handler = Callable[[re.Match[str], date | None], _Result | None]


def _absolute(m: re.Match[str], ref: date | None, month: int, day: int, year: str | None) -> _Result | None:
    s, e = m.start("w"), m.end("w")
    words = m.string[s:e]
    if year:
        try:
            d = date(int(year), month, day)
        except ValueError:
            return None
        return s, e, _day_span(d, words), False, None
    try:
        date(2000, month, day)  # a leap year: is this month/day possible at all?
    except ValueError:
        return None
    if ref is None:
        return s, e, None, False, None
    d = _infer_year(month, day, ref)
    return s, e, (_day_span(d, words) if d else None), False, None


def _h_mdy(m: re.Match[str], ref: date | None) -> _Result | None:
    return _absolute(m, ref, _month(m["m"]), int(m["d"]), m["y"])


def _h_iso(m: re.Match[str], ref: date | None) -> _Result | None:
    return _absolute(m, ref, int(m["mo"]), int(m["d"]), m["y"])


def _h_numeric(m: re.Match[str], ref: date | None) -> _Result | None:
    a, b, y = int(m["d"]), int(m["mo"]), int(m["y"])
    for day, month in ((a, b), (b, a)):  # day first; month first only when day first is impossible
        try:
            date(y, month, day)
        except ValueError:
            continue
        return _absolute(m, ref, month, day, m["y"])
    return None


_MOD_THIRDS = {
    "early": 0, "beginning of": 0, "the beginning of": 0, "start of": 0, "the start of": 0,
    "mid": 1, "middle of": 1, "the middle of": 1,
    "late": 2, "end of": 2, "the end of": 2,
}  # fmt: skip


def _norm_mod(mod: str | None) -> str | None:
    return re.sub(r"\s+", " ", mod.lower()) if mod else None


def _h_month(m: re.Match[str], ref: date | None) -> _Result | None:
    mod = _norm_mod(m["mod"])
    if not (m["prep"] or mod or m["y"]):
        return None  # a bare month name: too often something else ("May", "March")
    s, e = m.start("w"), m.end("w")
    words = m.string[s:e]
    month = _month(m["m"])
    if m["y"]:
        y = int(m["y"])
    elif ref is None:
        return s, e, None, False, None
    elif mod == "last":
        y = ref.year if month < ref.month else ref.year - 1
    elif mod == "this":
        y = ref.year
    else:
        limit = ref + timedelta(days=7)
        y = ref.year + 1
        while date(y, month, 1) > limit:
            y -= 1
    start, end = date(y, month, 1), _month_end(y, month)
    third = _MOD_THIRDS.get(mod or "")
    if third == 0:
        end = date(y, month, 10)
    elif third == 1:
        start, end = date(y, month, 11), date(y, month, 20)
    elif third == 2:
        start = date(y, month, 21)
    return s, e, DateSpan(start, end, "month", words), False, None


def _h_year(m: re.Match[str], ref: date | None) -> _Result | None:
    s, e = m.start("w"), m.end("w")
    y = int(m["y"])
    start, end = date(y, 1, 1), date(y, 12, 31)
    third = _MOD_THIRDS.get(_norm_mod(m["mod"]) or "")
    if third == 0:
        end = date(y, 4, 30)
    elif third == 1:
        start, end = date(y, 5, 1), date(y, 8, 31)
    elif third == 2:
        start = date(y, 9, 1)
    return s, e, DateSpan(start, end, "year", m.string[s:e]), False, None


def _relative(
    m: re.Match[str], ref: date | None, fn: Callable[[date, str], DateSpan | None]
) -> _Result | None:
    s, e = m.start("w"), m.end("w")
    words = m.string[s:e]
    return s, e, (fn(ref, words) if ref is not None else None), False, None


def _fixed(days_back: int) -> _Handler:
    def handler(m: re.Match[str], ref: date | None) -> _Result | None:
        return _relative(m, ref, lambda r, w: _day_span(r - timedelta(days=days_back), w))

    return handler


def _h_weekday(m: re.Match[str], ref: date | None) -> _Result | None:
    wd = _WEEKDAYS.index(m["wd"].lower())
    mod = (m["mod"] or "").lower()

    def fn(r: date, w: str) -> DateSpan:
        back = (r.weekday() - wd) % 7
        if mod == "next":
            return _day_span(r + timedelta(days=(wd - r.weekday()) % 7 or 7), w)
        if mod == "last" and back == 0:
            back = 7
        return _day_span(r - timedelta(days=back), w)

    return _relative(m, ref, fn)


def _h_calendar(m: re.Match[str], ref: date | None) -> _Result | None:
    which = re.sub(r"\s+", " ", m["which"].lower())
    unit = m["u"].lower()

    def fn(r: date, w: str) -> DateSpan:
        if which in ("the past", "past"):  # a rolling period ending at the reference
            if unit == "week":
                return DateSpan(r - timedelta(days=7), r, "week", w)
            if unit == "month":
                return DateSpan(r - timedelta(days=30), r, "month", w)
            return DateSpan(r - timedelta(days=365), r, "year", w)
        if which == "last":
            if unit == "week":
                mon = _monday(r) - timedelta(days=7)
                return DateSpan(mon, mon + timedelta(days=6), "week", w)
            if unit == "month":
                y, mo = _add_months(r.year, r.month, -1)
                return DateSpan(date(y, mo, 1), _month_end(y, mo), "month", w)
            return DateSpan(date(r.year - 1, 1, 1), date(r.year - 1, 12, 31), "year", w)
        # this / earlier this / ...: from the start of the period to the reference
        if unit == "week":
            return DateSpan(_monday(r), r, "week", w)
        if unit == "month":
            return DateSpan(r.replace(day=1), r, "month", w)
        return DateSpan(date(r.year, 1, 1), r, "year", w)

    return _relative(m, ref, fn)


def _h_weekend(m: re.Match[str], ref: date | None) -> _Result | None:
    last = m["which"].lower() == "last"

    def fn(r: date, w: str) -> DateSpan:
        sat = r - timedelta(days=(r.weekday() - 5) % 7)
        if last and r.weekday() >= 5:
            sat -= timedelta(days=7)
        return DateSpan(sat, min(sat + timedelta(days=1), r), "week", w)

    return _relative(m, ref, fn)


def _h_past_n(m: re.Match[str], ref: date | None) -> _Result | None:
    n = _small(m["n"])
    if not n:
        return None
    unit = m["u"].lower().rstrip("s")

    def fn(r: date, w: str) -> DateSpan:
        if unit == "hour":
            days = max(1, -(-n // 24))
            if days == 1:
                return _day_span(r - timedelta(days=1), w)
            return DateSpan(r - timedelta(days=days), r - timedelta(days=1), "week", w)
        days = n * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]
        precision = "week" if days <= 21 else "month" if days <= 366 else "year"
        return DateSpan(r - timedelta(days=days), r, precision, w)

    return _relative(m, ref, fn)


def _h_ago(m: re.Match[str], ref: date | None) -> _Result | None:
    n = _small(m["n"])
    if n is None:
        return None
    unit = m["u"].lower().rstrip("s")

    def fn(r: date, w: str) -> DateSpan | None:
        if unit == "day":
            return _day_span(r - timedelta(days=n), w)
        if unit == "week":
            mon = _monday(r - timedelta(days=7 * n))
            return DateSpan(mon, mon + timedelta(days=6), "week", w)
        if unit == "month":
            y, mo = _add_months(r.year, r.month, -n)
            return DateSpan(date(y, mo, 1), _month_end(y, mo), "month", w)
        y = r.year - n
        return DateSpan(date(y, 1, 1), date(y, 12, 31), "year", w) if y >= 1 else None

    return _relative(m, ref, fn)


def _recent(days: int, precision: str) -> _Handler:
    def handler(m: re.Match[str], ref: date | None) -> _Result | None:
        return _relative(m, ref, lambda r, w: DateSpan(r - timedelta(days=days), r, precision, w))

    return handler


def _h_recent(m: re.Match[str], ref: date | None) -> _Result | None:
    unit = m["u"].lower()
    days, precision = {"days": (7, "week"), "weeks": (21, "week"), "months": (90, "month")}[unit]
    return _recent(days, precision)(m, ref)


def _anaphoric(shift: int | None = None, per: int = 1, sign: int = 1) -> _Handler:
    def handler(m: re.Match[str], ref: date | None) -> _Result | None:
        n = shift
        if n is None:
            k = _small(m["n"])
            if k is None:
                return None
            n = sign * per * k
        return m.start("w"), m.end("w"), None, True, n

    return handler


def _h_anaphoric_n(m: re.Match[str], ref: date | None) -> _Result | None:
    k = _small(m["n"])
    if k is None:
        return None
    per = 7 if m["u"].lower().startswith("week") else 1
    sign = -1 if m["dir"].lower() in ("earlier", "before") else 1
    return m.start("w"), m.end("w"), None, True, sign * per * k


_PARTS = r"(?:morning|afternoon|evening|night)"
_MOD = r"(?:early|mid|late|(?:the\s+)?end\s+of|(?:the\s+)?beginning\s+of|(?:the\s+)?start\s+of|(?:the\s+)?middle\s+of)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"

_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    # ---- absolute
    (re.compile(rf"(?P<w>(?<![\w.])(?P<m>{MONTH})\s*{_DAY}(?:,?\s+(?P<y>{_YEAR})(?!\d))?)", _F), _h_mdy),
    (
        re.compile(
            rf"(?P<w>(?<![\w.,$])(?:the\s+)?{_DAY}\s+(?:of\s+)?(?P<m>{MONTH})(?:,?\s+(?P<y>{_YEAR})(?!\d))?)",
            _F,
        ),
        _h_mdy,
    ),
    (re.compile(rf"(?P<w>(?<![\w.,-]){_DAY}-(?P<m>{MONTH})-(?P<y>{_YEAR})(?!\d))", _F), _h_mdy),
    (
        re.compile(rf"(?P<w>(?<![\w.,/:-])(?P<y>{_YEAR})-(?P<mo>[01]?\d)-(?P<d>[0-3]?\d)(?![\w/-]))", _F),
        _h_iso,
    ),
    (
        re.compile(
            rf"(?P<w>(?<![\w.,/:-])(?P<d>[0-3]?\d)(?P<sep>[/.]|\s)(?P<mo>[01]?\d)(?P=sep)(?P<y>{_YEAR})(?![\w/]|\.\d))",
            _F,
        ),
        _h_numeric,
    ),
    (
        re.compile(
            rf"(?<![\w.])(?:(?P<prep>{_PREP})\s+)?(?P<w>(?:(?P<mod>{_MOD}|last|this)[\s-]+)?(?P<m>{MONTH})"
            rf"(?:,?\s+(?P<y>{_YEAR})(?![\w-]))?)",
            _F,
        ),
        _h_month,
    ),
    (
        re.compile(
            rf"(?<![\w.])(?:{_PREP})\s+(?P<w>(?:(?P<mod>{_MOD})[\s-]+)?(?P<y>{_YEAR}))(?![\w,]|-?\d|\.\d)", _F
        ),
        _h_year,
    ),
    (re.compile(rf"(?<![\w.])(?P<w>(?P<mod>{_MOD})[\s-]+(?P<y>{_YEAR}))(?![\w,]|-?\d|\.\d)", _F), _h_year),
    # ---- relative to the reference
    (re.compile(r"\b(?P<w>(?:(?:earlier|later)\s+)?today|tonight)\b", _F), _fixed(0)),
    (re.compile(rf"\b(?P<w>(?:(?:early|late|earlier|later)\s+)?this\s+{_PARTS})\b", _F), _fixed(0)),
    (re.compile(r"\b(?P<w>the\s+day\s+before\s+yesterday)\b", _F), _fixed(2)),
    (re.compile(rf"\b(?P<w>(?:(?:early|late)\s+)?yesterday(?:\s+{_PARTS})?)\b", _F), _fixed(1)),
    (re.compile(r"\b(?P<w>last\s+(?:night|evening))\b", _F), _fixed(1)),
    (re.compile(r"\b(?P<w>overnight)\b", _F), _fixed(1)),
    (
        re.compile(
            rf"\b(?P<w>(?:(?P<mod>last|this|past|next|early|late)\s+)?(?P<wd>{WEEKDAY})(?:\s+{_PARTS})?)\b",
            _F,
        ),
        _h_weekday,
    ),
    (
        re.compile(
            r"\b(?P<w>(?P<which>last|this|(?:earlier|later|early|late)\s+this|(?:the\s+)?past)\s+(?P<u>week|month|year))\b",
            _F,
        ),
        _h_calendar,
    ),
    (re.compile(r"\b(?P<w>(?P<which>the|this|last|past)\s+weekend)\b", _F), _h_weekend),
    (
        re.compile(
            rf"\b(?P<w>(?:the\s+)?(?:past|last)\s+(?P<n>{_SMALL_RE})\s+(?P<u>hours|days|weeks|months|years))\b",
            _F,
        ),
        _h_past_n,
    ),
    (re.compile(rf"\b(?P<w>(?P<n>{_SMALL_RE})\s+(?P<u>days?|weeks?|months?|years?)\s+ago)\b", _F), _h_ago),
    (re.compile(r"\b(?P<w>recently)\b", _F), _recent(7, "week")),
    (re.compile(r"\b(?P<w>recent\s+(?P<u>days|weeks|months))\b", _F), _h_recent),
    # ---- anaphoric: relative to an earlier event
    (re.compile(rf"\b(?P<w>(?:the\s+)?(?:next|following)\s+(?:day|{_PARTS}))\b", _F), _anaphoric(1)),
    (
        re.compile(
            rf"\b(?P<w>(?P<n>{_SMALL_RE})\s+(?P<u>days?|weeks?)\s+(?P<dir>later|earlier|after(?:wards)?|before))\b(?!\s+\w+ing)",
            _F,
        ),
        _h_anaphoric_n,
    ),
    (re.compile(rf"\b(?P<w>the\s+(?:day|{_PARTS})\s+before)\b(?!\s+yesterday)", _F), _anaphoric(-1)),
    (re.compile(rf"\b(?P<w>the\s+previous\s+(?:day|{_PARTS}))\b", _F), _anaphoric(-1)),
    (re.compile(r"\b(?P<w>(?:hours|minutes|moments)\s+(?:later|earlier|afterwards))\b", _F), _anaphoric(0)),
    (
        re.compile(rf"\b(?P<w>(?:(?:later|earlier)\s+)?(?:that|the\s+same)\s+(?:day|{_PARTS}))\b", _F),
        _anaphoric(0),
    ),
]


# Cheap tests that must hold for a pattern to have any chance: (lowercased text, has a digit, has a month name).
_Gate = Callable[[str, bool, bool], bool]
_GATES: list[_Gate] = [
    lambda low, digit, month: digit and month,  # Month D
    lambda low, digit, month: digit and month,  # D Month
    lambda low, digit, month: digit and month,  # D-Month-YYYY
    lambda low, digit, month: digit and _YEAR_GATE.search(low) is not None,  # YYYY-MM-DD
    lambda low, digit, month: digit and _YEAR_GATE.search(low) is not None,  # DD/MM/YYYY
    lambda low, digit, month: month,  # in July
    lambda low, digit, month: digit and _YEAR_GATE.search(low) is not None,  # in 2020
    lambda low, digit, month: digit and _YEAR_GATE.search(low) is not None,  # early 2020
    lambda low, digit, month: "today" in low or "tonight" in low,
    lambda low, digit, month: "this" in low,
    lambda low, digit, month: "yesterday" in low,
    lambda low, digit, month: "yesterday" in low,
    lambda low, digit, month: "last" in low,
    lambda low, digit, month: "overnight" in low,
    lambda low, digit, month: "day" in low,  # weekday names
    lambda low, digit, month: "week" in low or "month" in low or "year" in low,
    lambda low, digit, month: "weekend" in low,
    lambda low, digit, month: "past" in low or "last" in low,
    lambda low, digit, month: "ago" in low,
    lambda low, digit, month: "recently" in low,
    lambda low, digit, month: "recent" in low,
    lambda low, digit, month: "next" in low or "following" in low,
    lambda low, digit, month: "later" in low or "earlier" in low or "after" in low or "before" in low,
    lambda low, digit, month: "before" in low,
    lambda low, digit, month: "previous" in low,
    lambda low, digit, month: "later" in low or "earlier" in low or "afterwards" in low,
    lambda low, digit, month: "that" in low or "same" in low,
]
assert len(_GATES) == len(_PATTERNS)
_DIGIT = re.compile(r"[0-9]")
_YEAR_GATE = re.compile(r"(?:19|20)[0-9][0-9]")  # the year that four of the patterns cannot do without
_MONTH_GATE = re.compile("|".join(n[:3] + "|" + n[:3].upper() for n in _MONTH_FULL))


_JOIN = re.compile(r"\s*(?:,|\(|,?\s+the)?\s*$")
_WEEKDAY_ONLY = re.compile(rf"^(?:(?:last|this|past|early|late)\s+)?(?:{WEEKDAY})(?:\s+\w+)?$", _F)


def _weekday_then_date(text: str, first: _Result, second: _Result) -> bool:
    """``first`` is a bare weekday ("Thursday", "late Thursday night") and ``second``, right after it, an explicit
    calendar date of one day ("January 8", "Jan. 8, 2015"): together one date, written twice."""
    if first[2] is None or second[2] is None or second[3] or second[2].precision != "day":
        return False
    if not _WEEKDAY_ONLY.match(text[first[0]:first[1]]) or not any(c.isdigit() for c in text[second[0]:second[1]]):
        return False
    return _JOIN.match(text[first[1]:second[0]]) is not None and second[0] - first[1] <= 6


def find_dates(text: str, reference: date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in ``text``, in order, without overlaps (the earliest, then the longest, wins)."""
    found: list[_Result] = []
    low = text.lower()
    digit = _DIGIT.search(text) is not None
    month = _MONTH_GATE.search(text) is not None
    for (pattern, handler), gate in zip(_PATTERNS, _GATES, strict=True):
        if not gate(low, digit, month):
            continue
        for m in pattern.finditer(text):
            try:
                result = handler(m, reference)
            except (ValueError, OverflowError):  # dates outside datetime's range
                result = None
            if result is not None and result[1] > result[0]:
                found.append(result)
    found.sort(key=lambda r: (r[0], -(r[1] - r[0])))
    kept: list[_Result] = []
    last_end = -1
    for result in found:
        if result[0] < last_end:
            continue
        last_end = result[1]
        kept.append(result)
    out: list[DateMention] = []
    for k, (start, end, span, anaphoric, shift) in enumerate(kept):
        if k and out and _weekday_then_date(text, kept[k - 1], (start, end, span, anaphoric, shift)):
            # "Thursday, January 8" / "Thursday (Jan. 8)": one expression; the explicit date wins.
            prev = out.pop()
            start = prev.start - offset
        out.append(
            DateMention(
                start=start + offset,
                end=end + offset,
                text=text[start:end],
                span=span,
                anaphoric=anaphoric,
                shift_days=shift,
            )
        )
    return out


def parse_date(text: str, reference: date | None) -> DateSpan | None:
    """The resolved span of the first date expression in ``text`` (None if none, or if it cannot be resolved)."""
    for mention in find_dates(text, reference):
        return mention.span
    return None


def resolve_anaphoric(mention: DateMention, anchor: DateSpan) -> DateSpan:
    """Shift the anchor's span by the mention's ``shift_days``; the anchor's precision is kept."""
    shift = timedelta(days=mention.shift_days or 0)
    return DateSpan(anchor.start + shift, anchor.end + shift, anchor.precision, mention.text)
