"""Publication dates: from metadata strings, and from a byline or dateline at the head of a text.

``parse_published`` reads the strings that page metadata and JSONL records carry ("2021-08-02",
"2021-08-02T10:31:00Z", "Aug 2, 2021", "Mon, 02 Aug 2021 10:31:00 GMT").

``byline_date`` looks only at the first ~600 characters, and only at lines shaped like a byline or a
dateline ("By Jane Doe in Kabul, August 2, 2021", "KABUL, Aug 2 (Reuters) -", "Published: 2 August 2021",
"Updated 2021-08-02 10:31", "August 2, 2021 — ...", "Monday, 2 August 2021"). A date mentioned inside
a story sentence is never taken; when unsure it returns None (unknown is null).

``published_problem`` says why a publication date cannot be right (before 1900, or more than two days
after today; see ``config.Settings``); a byline or dateline with such a date is not taken.
"""

from __future__ import annotations

import email.utils
import re
from datetime import date, datetime, timedelta

from .config import settings

__all__ = ["HEAD_CHARS", "byline_date", "parse_published", "published_problem"]

HEAD_CHARS = 600  # how far into a text a byline or dateline may start

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"

# Full dates (with a year) and partial ones (day and month only); uncompiled forms are reused inside
# the dateline pattern.
_MDY = rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD}(?:,\s*|\s+)(?P<y>{_YEAR})\b"
_DMY = rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>{_YEAR})\b"
_YMD = rf"\b(?P<y>{_YEAR})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})(?!\d)"
_MD = rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}}){_ORD}\b"
_DM = rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MON})(?!\w)"

_FULL = [re.compile(p, re.IGNORECASE) for p in (_MDY, _DMY, _YMD)]
_PARTIAL = [re.compile(p, re.IGNORECASE) for p in (_MD, _DM)]


def _strip_groups(pattern: str) -> str:
    pattern = pattern.replace("(?P=sep)", "[-/.]")
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


_ANY_DATE = "(?:" + "|".join(_strip_groups(p) for p in (_MDY, _DMY, _YMD, _MD, _DM)) + ")"

_TIME = r"(?:T?\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)"
_TZ = r"(?:GMT|UTC|Z|AFT|IST|PKT|EST|EDT|CET|CEST|BST|PST|PDT|ET|[+-]\d{2}:?\d{2})"
# What may stand beside a date on a line that is only a date: weekday, time, time zone, punctuation.
_RESIDUE = re.compile(
    rf"^(?:[\s,|·•/()\[\]:;.\-–—]+|\b{_WEEKDAY}(?!\w)|{_TIME}|\b{_TZ}\b|\bat\b|\bon\b)*$", re.IGNORECASE
)

_LABEL = re.compile(
    r"(?:^|[|•·—–]\s*|\s-\s*)(?:first\s+published|published|last\s+updated|updated|last\s+modified"
    r"|modified|posted|dated|date|filed)\b\s*(?:on\b|at\b)?\s*:?\s*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'’-]*")
# A place in a dateline: capitalized words ("KABUL", "Lashkar Gah", "MAZAR-I-SHARIF, Afghanistan").
_PLACE_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PLACE = rf"{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,3}}(?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})?"
_DATELINE = re.compile(
    rf"^(?:(?P<place>{_PLACE}),?\s+)?(?:(?i:{_WEEKDAY}),?\s+)?(?P<date>(?i:{_ANY_DATE}))"
    rf"\s*(?:\((?P<agency>[^()\n]{{1,40}})\)\s*)?(?:--|[-–—])\s*\S"
)
_YEAR_RE = re.compile(rf"\b({_YEAR})\b")
# A dateline without a date: the place in capitals ("WESTPORT --", "KABUL (Reuters) -", "MOGADISHU, Somalia
# (AP) —"), then the agency, then a dash.
_CAPS_WORD = r"[A-Z][A-Z'’.\-]{2,}"
_UNDATED_DATELINE = re.compile(
    rf"^(?P<place>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}}(?:,\s{_PLACE_WORD}(?:\s{_PLACE_WORD}){{0,2}})?)"
    rf"\s*(?:\((?P<agency>[^()\n]{{1,40}})\)\s*)?(?:--|[-–—])\s*\S"
)


def published_problem(value: date, field: str = "published") -> str | None:
    """Why ``value`` cannot be a publication date, naming ``field``; None when it can."""
    limits = settings()
    if isinstance(value, datetime):
        value = value.date()
    if value < limits.earliest_published:
        return f"{field}: {value.isoformat()} is before {limits.earliest_published.isoformat()}"
    today = date.today()
    latest = today + timedelta(days=limits.future_days)
    if value > latest:
        return (f"{field}: {value.isoformat()} is in the future (more than {limits.future_days} days after "
                f"today, {today.isoformat()})")
    return None


def _make_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month(m: re.Match[str]) -> int:
    if "m" in m.groupdict() and m.group("m"):
        return int(m.group("m"))
    return _MONTHS[m.group("mon").lower().rstrip(".")]


def _first(patterns: list[re.Pattern[str]], s: str) -> re.Match[str] | None:
    found = [m for p in patterns if (m := p.search(s))]
    return min(found, key=lambda m: m.start()) if found else None


def _full_date(s: str) -> tuple[date | None, re.Match[str] | None]:
    m = _first(_FULL, s)
    if m is None:
        return None, None
    return _make_date(int(m.group("y")), _month(m), int(m.group("d"))), m


def _only_date(s: str) -> date | None:
    """The date when ``s`` holds one full date and nothing else but weekday, time, zone, punctuation."""
    d, m = _full_date(s)
    if d is None or m is None:
        return None
    if _RESIDUE.match(s[: m.start()]) and _RESIDUE.match(s[m.end() :]):
        return d
    return None


def parse_published(value: str | None) -> date | None:
    """A publication date from a metadata string; None when it cannot be read safely."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    if not v:
        return None
    if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])", v):
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", v):
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return datetime.fromisoformat(v).date()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(v)
        if parsed is not None:
            return parsed.date()
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    return _only_date(v)


def _head_lines(text: str) -> list[str]:
    lines, pos = [], 0
    for line in text.split("\n"):
        if pos >= HEAD_CHARS:
            break
        lines.append(line.strip())
        pos += len(line) + 1
    return lines


def _year_for(month: int, day: int, header: list[str], reference: date | None) -> date | None:
    """Complete a dateline without a year: the one year named in the lines above it, else the year that
    puts the date closest to ``reference``; else None."""
    years = {int(y) for line in header for y in _YEAR_RE.findall(line)}
    if len(years) == 1:
        return _make_date(years.pop(), month, day)
    if reference is not None:
        options = [d for y in (reference.year - 1, reference.year, reference.year + 1)
                   if (d := _make_date(y, month, day))]  # fmt: skip
        if options:
            return min(options, key=lambda d: abs((d - reference).days))
    return None


def _from_dateline(line: str, header: list[str], reference: date | None) -> date | None:
    m = _DATELINE.match(line)
    if m is None:
        return None
    chunk = m.group("date")
    d, full = _full_date(chunk)
    if full is not None:
        return d
    if not m.group("place"):
        return None  # a bare "Aug 2 -" is too weak
    pm = _first(_PARTIAL, chunk)
    if pm is None:
        return None
    return _year_for(_month(pm), int(pm.group("d")), header, reference)


def dateline_place(text: str) -> tuple[int, int] | None:
    """Where the place of a dateline is in the text ("KABUL, Aug 2 (Reuters) - ...", "WESTPORT -- ..."): the
    place the report was filed from, at the head of a line in the first ~600 characters; None if there is
    none. It says where the reporter was, not where anything happened."""
    found = dateline(text)
    return found[0] if found else None


def dateline(text: str) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """Where a dateline's place and its agency ("Reuters" in "KABUL, Aug 2 (Reuters) -"; None where it names
    none) are in the text, or None if there is no dateline."""
    pos = 0
    for line in text[:HEAD_CHARS].split("\n"):
        stripped = line.lstrip()
        at = pos + len(line) - len(stripped)
        m = _DATELINE.match(stripped[:300])
        if m is None or m.group("place") is None:
            m = _UNDATED_DATELINE.match(stripped[:300])
        if m is not None and m.group("place"):
            agency = (at + m.start("agency"), at + m.end("agency")) if m.group("agency") else None
            return (at + m.start("place"), at + m.end("place")), agency
        pos += len(line) + 1
    return None


def byline_date(text: str, *, reference: date | None = None) -> date | None:
    """The publication date from a byline or dateline in the first ~600 characters, or None.

    ``reference`` (optional, e.g. a date given by the user) only completes a dateline that has no year,
    choosing the year that puts the date closest to it.
    """
    found = _byline_date(text, reference)
    return found if found is not None and published_problem(found) is None else None


def _byline_date(text: str, reference: date | None) -> date | None:
    if not text:
        return None
    lines = _head_lines(text)
    for i, line in enumerate(lines):
        if not line:
            continue
        if len(line) <= 200:
            label = _LABEL.search(line)
            if label is not None:
                rest = line[label.end() :]
                d, m = _full_date(rest)
                if d is not None and m is not None and _RESIDUE.match(rest[: m.start()]) and m.start() <= 30:
                    return d
            if _BYLINE.match(line):
                d, m = _full_date(line)
                if d is not None and m is not None and _RESIDUE.match(line[m.end() :]):
                    return d
            if len(line) <= 80 and (d := _only_date(line)) is not None:
                return d
        d = _from_dateline(line[:300], lines[:i], reference)
        if d is not None:
            return d
    return None
