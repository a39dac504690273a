"""Counts of things in a sentence: "more than 300 government soldiers", "dozens of troops", "between 50 and 60".

``find_quantities`` reports each count as a :class:`Quantity` with its qualifier, bounds, unit and offsets, and
marks counts of people killed (``killed``), which become ACLED fatalities.

Conventions:

* qualifiers: exact | about | at_least | more_than | up_to | fewer_than | range | vague. For a range and for a
  vague count, ``value`` is the low bound; ``low``/``high`` are set for ranges and vague counts only.
* vague counts (value = low): "a few" / "a handful" 2-5, "several" 3-9, "dozens" 24-99, "scores" 40-99,
  "hundreds" 200-999, "thousands" 2000-9999, "tens of thousands" 20000-99999, "hundreds of thousands"
  200000-999999, "millions" 2000000-9999999. "a dozen" is 12 (about), "a couple of" 2 (about).
* unit: the head noun (the last word) of the noun phrase after the number, lowercased and made plural
  ("1 policeman" -> "policemen", "a civilian" -> "civilians", "one person" -> "people"); adjectives and modifiers
  before it are dropped ("300 government soldiers" -> "soldiers"). When no noun follows ("3 killed",
  "up to 320"), the unit of the closest preceding count in the sentence is used, else "people".
* not counts: years (a plain 4-digit 1900-2100), dates and other date expressions (see ``contested.dates``),
  times ("7 am", "0700 hours"), money, percentages, durations, ages and distances ("24 hours", "3 days",
  "20 years", "a 20-year-old", "10 km", "$5 million", "40 percent"), ordinals, decimals without a scale word,
  numbers inside names ("Resolution 2593", "Route 1", "COVID-19"), hyphenated compounds ("a three-day
  offensive"), and "one" as a pronoun ("one of them", "no one").
* killed: the count is of people killed when a killing verb governs it ("killing 3 civilians", "killed at least
  12"), when the noun phrase is followed by killed/dead/died ("12 militants were killed", "3 killed",
  "leaving 5 dead"), when it is a death toll ("the death toll rose to 10", "bodies of 4 soldiers", "10 deaths"),
  or when it is joined by "and" to a count governed by a killing verb ("killed 5 soldiers and 3 policemen").
  Mixed counts ("killed or wounded 20", "20 killed and wounded") are not killed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from contested.dates import find_dates
from contested.records import Quantity

__all__ = ["find_quantities", "parse_number"]

_F = re.IGNORECASE | re.ASCII

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}


def _alt(words) -> str:
    return "(?:" + "|".join(sorted(words, key=len, reverse=True)) + ")"


_UNIT_RE = _alt(_UNITS)
_TENS_RE = _alt(_TENS)
_SCALE_RE = _alt(_SCALES)
_NUMWORD = rf"(?:{_TENS_RE}|{_UNIT_RE}|{_SCALE_RE})"
_SEP = r"(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+|(?<=million)\s+and\s+)"
# a number in words starts with a unit or a tens ("twenty-five", "two hundred") or is "a hundred", "a dozen"...
WORD_NUMBER = (
    rf"(?:an?[\s-]+(?={_SCALE_RE}\b)|(?={_TENS_RE}\b|{_UNIT_RE}\b)){_NUMWORD}(?:{_SEP}{_NUMWORD})*(?![\w-])"
)
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|thousand|billion|hundred))?(?![\w%:])"
NUMBER = rf"(?:{DIGIT_NUMBER}|{WORD_NUMBER})"

_VAGUE = {
    "a few": (2, 5), "a handful": (2, 5), "several": (3, 9), "dozens": (24, 99), "scores": (40, 99),
    "hundreds": (200, 999), "thousands": (2000, 9999), "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999), "millions": (2000000, 9999999),
}  # fmt: skip
_VAGUE_RE = r"(?:a\s+few|a\s+handful|several|dozens|scores|tens\s+of\s+thousands|hundreds\s+of\s+thousands|hundreds|thousands|millions)"

_QUALIFIERS = {
    "about": ["some", "around", "about", "nearly", "almost", "approximately", "roughly", "an estimated",
              "estimated", "close to", "approx.", "approx", "an approximate", "just over", "just under"],
    "at_least": ["at least", "no fewer than", "no less than", "a minimum of", "not less than", "not fewer than"],
    "more_than": ["more than", "over", "upwards of", "in excess of", "above", "greater than", "well over"],
    "up_to": ["up to", "as many as", "a maximum of", "as much as"],
    "fewer_than": ["fewer than", "less than", "under", "below"],
}  # fmt: skip
_QUAL_OF = {w: q for q, words in _QUALIFIERS.items() for w in words}
_QUAL_RE = _alt(re.escape(w).replace(r"\ ", r"\s+") for w in _QUAL_OF)

_QTY = re.compile(
    rf"""(?<![\w$£€.,/:#-])
    (?:(?P<qual>{_QUAL_RE})\s+)?
    (?:
        (?P<btw>between)\s+(?P<b1>{NUMBER})\s+and\s+(?P<b2>{NUMBER})
      | (?P<r1>{NUMBER})\s*(?:-|–|—|\s+to\s+)\s*(?P<r2>{NUMBER})
      | (?P<vague>{_VAGUE_RE})(?:\s+of(?=\s))?(?![\w-])
      | (?P<couple>a\s+couple)(?:\s+of(?=\s))?(?![\w-])
      | (?P<n>{NUMBER})
    )""",
    _F | re.VERBOSE,
)

# ---------------------------------------------------------------- the noun phrase after a number

_WORD = re.compile(r"\s*([A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z])", re.ASCII)
_STOP = frozenset(
    """
    a an the this that these those their his her its our your my who whom which whose what where when while
    and or but nor so yet as of in on at from with by during near to for after before since into onto across
    among between through throughout including include includes included within without against over under
    toward towards via per than then there here also reportedly allegedly all both each either neither only
    just still even later earlier were was is are be been being have has had will would could can may might
    must shall should do did does got get gets say said says told tell claim claimed claims according
    died die dies dying killed kill kills killing wounded wound wounding injured injuring dead
    arrested captured detained missing martyred slain hurt lost remain remained remains
    yesterday today tonight monday tuesday wednesday thursday friday saturday sunday morning evening night
    afternoon last next early late recently ago later again not no more less other another
    """.split()
)
# participles that are modifiers when a noun follows ("3 wounded soldiers"), the end of the phrase otherwise
_PARTICIPLES = frozenset("wounded injured killed dead armed suspected unidentified unarmed missing".split())
# words that modify a noun ("87 more soldiers") but are no noun themselves
_MODIFIERS = frozenset("more other additional new extra fresh further such same few".split())
_NOT_UNITS = frozenset(
    """
    hour hours minute minutes second seconds day days week weeks month months year years decade decades century
    centuries km kms kilometer kilometers kilometre kilometres mile miles meter meters metre metres m ft feet foot
    kg kilogram kilograms ton tons tonne tonnes percent per pc percentage points point degrees dollars dollar usd
    afghanis afghani afs euros euro pounds pound rupees rupee times am pm gmt o'clock hrs local inch inches acres
    hectares litres liters gallons round rounds
    """.split()
)
_INVARIANT = frozenset(
    "people police personnel staff militia infantry crew aircraft taliban troops forces deer sheep".split()
)
_PLURALS = frozenset("people police personnel men women children troops staff".split())
_PLURAL_END = re.compile(r"(?<![su])s$|men$")
_IRREGULAR = {"person": "people", "man": "men", "woman": "women", "child": "children", "policeman": "policemen",
              "body": "bodies", "casualty": "casualties", "militiaman": "militiamen", "gunman": "gunmen",
              "tribesman": "tribesmen", "serviceman": "servicemen", "servicewoman": "servicewomen"}  # fmt: skip
# a name, route or id before a number: "Resolution 2593", "Route 1", "District 9", "No. 5"
_NAME_BEFORE = re.compile(
    r"\b(?:resolution|route|highway|article|section|flight|unit|district|camp|number|no\.|nos\.|gate|zone|block|"
    r"sector|phase|chapter|level|room|box|station|pd|police\s+district|covid|ak|m|f|b|mi|c|cell|ward|paragraph|"
    r"version|page|line|plot|building|house|apartment|kilometre|km|mile|grade|class|battalion|brigade|corps|"
    r"division|squadron|regiment|team|group|operation|vol\.|volume|tower|terminal|hall|checkpoint|base|post)\s*$",
    _F,
)
_MONEY_BEFORE = re.compile(r"(?:[$£€]|\b(?:usd|us\$|rs\.?|afs?\.?|afn|eur)\s?)$", _F)
_TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt|hrs\b|hours\s+(?:local|gmt))", _F)
_HYPHEN_AFTER = re.compile(r"^-[A-Za-z]")
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|any|every|some|each|the|this|that|which|another|only)\s*$", _F)

# ---------------------------------------------------------------- killed

_KILL_WORD = (
    r"(?:killed|dead|slain|martyred|died|executed|shot\s+dead|beheaded|massacred|perished|"
    r"lost\s+(?:their|his|her)\s+lives?)"
)
_KILL_AFTER = re.compile(
    rf"^\s*(?:,\s*including\s[^,;]{{1,80}},)?\s*,?\s*(?:of\s+(?:them|whom|those)\s+)?(?:(?:who|that)\s+)?(?:(?:were|was|have|has|had|are|is|been|being|got|reportedly|also|allegedly|all|"
    rf"later|were\s+all|confirmed|now|initially)\s+){{0,3}}{_KILL_WORD}\b"
    rf"(?!\s+(?:or|and|and/or)\s+(?:\w+ly\s+)?(?:wounded|injured|captured|missing|arrested|hurt))",
    _F,
)
_OTHER_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:who|that)\s+)?(?:(?:were|was|have|has|had|are|is|been|being|got|reportedly|also|allegedly|all|"
    r"later)\s+){0,3}(?:wounded|injured|hurt|arrested|captured|detained|missing|abducted|kidnapped|surrendered)\b",
    _F,
)
_KILL_BEFORE = re.compile(
    r"(?:\b(?:killing|killed|kill|kills|slaying|slew|slaughtered|massacred|executed|executing|beheaded|"
    r"shot\s+dead|shooting\s+dead|claimed\s+the\s+lives\s+of|claiming\s+the\s+lives\s+of|"
    r"lives\s+of|bodies\s+of|deaths\s+of|death\s+of|killing\s+of|murder\s+of|murdered|"
    r"(?:death|casualty|fatality)\s+toll(?:\s+\w+){0,4}?\s+(?:to|at|of|reached|is|was|stood\s+at|stands\s+at|hit|"
    r"rose\s+to|risen\s+to|climbed\s+to|now)|(?:fatalities|deaths|dead|killed)\s+(?:rose|rises|risen|climbed|"
    r"reached|stood|stands|were|was|is|are|at|to)(?:\s+(?:to|at))?)"
    r"|\bkilled\s+(?:a\s+total\s+of))\s*$",
    _F,
)
_KILL_UNITS = frozenset("deaths fatalities dead bodies corpses martyrs".split())
_JOINED = re.compile(r"^\s*(?:,\s*)?(?:and|as\s+well\s+as|plus|,)\s*$", _F)
_PERCENT_AFTER = re.compile(r"^\s*(?:per\s*cent|percent|percentage)\b", _F)
_FROM_BEFORE = re.compile(
    r"\b(?:rose|risen|rises|increased|climbed|jumped|grew|up|down|fell|dropped)\s+from\s*$", _F
)


_DIGIT = re.compile(r"[0-9]")
# a quick test: does the text hold anything that may start a count at all?
_CANDIDATE = re.compile(
    rf"[0-9]|\b(?:{_UNIT_RE}|{_TENS_RE}|an?\s+(?:dozen|hundred|thousand|million|couple)|few|handful|several|"
    r"dozens|scores|hundreds|thousands|millions)\b",
    _F,
)


@lru_cache(maxsize=4096)  # the same few numbers ("two", "12") come again and again
def parse_number(words: str) -> int | None:
    """The integer a number written in digits or words stands for: "twenty-five" -> 25, "1,200" -> 1200,
    "1.5 million" -> 1500000, "a dozen" -> 12, "two hundred and fifty" -> 250. None if it is none."""
    s = re.sub(r"\s+", " ", words.strip().lower())
    if not s:
        return None
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?: (hundred|thousand|million|billion))?", s, re.ASCII)
    if m:
        digits = m[1].replace(",", "")
        if m[3]:
            whole = int(digits) * _SCALES[m[3]]
            if m[2]:
                frac = m[2][1:]
                whole += int(frac) * _SCALES[m[3]] // 10 ** len(frac)
            return whole
        if m[2]:
            return None  # a decimal: no count
        return int(digits)
    tokens = [t for t in re.split(r"[\s-]+", s) if t]
    if tokens and tokens[0] in ("a", "an"):
        if len(tokens) < 2 or tokens[1] not in _SCALES:
            return None
        tokens[0] = "one"
    total, current = 0, 0
    big = 0  # the last scale of thousands seen: they must decrease ("one million two thousand")
    last = ""  # kind of the previous token: unit | tens | scale | and
    for t in tokens:
        if t == "and":
            if last != "scale":
                return None
            last = "and"
        elif t in _UNITS:
            v = _UNITS[t]
            if last == "unit" or (last == "tens" and not 0 < v < 10):
                return None
            current += v
            last = "unit"
        elif t in _TENS:
            if last in ("unit", "tens") or current % 100:
                return None
            current += _TENS[t]
            last = "tens"
        elif t in _SCALES:
            scale = _SCALES[t]
            if scale in (12, 100):
                if last not in ("unit", "tens") or (scale == 100 and current >= 100):
                    return None
                current *= scale
            else:
                if not current or (big and scale >= big):
                    return None
                total += current * scale
                current, big = 0, scale
            last = "scale"
        else:
            return None
    if not last or last == "and":
        return None
    return total + current


def _plural(word: str) -> str:
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if w in _INVARIANT or w in _IRREGULAR.values():
        return w
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("man"):
        return w[:-3] + "men"
    if w.endswith("s") and not w.endswith("ss"):
        return w
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    if re.search(r"(?:ss|x|ch|sh)$", w):
        return w + "es"
    return w + "s"


def _noun_phrase(text: str, pos: int) -> tuple[str | None, int, bool]:
    """The head noun of the phrase starting at ``pos``, the end of the phrase (``pos`` if there is none), and
    whether the phrase holds a word that makes the number no count ("20 years old", "10 km away")."""
    words: list[tuple[str, int]] = []
    p = pos
    while len(words) < 6:
        m = _WORD.match(text, p)
        if not m:
            break
        w = m[1]
        lw = w.lower()
        if lw in _PARTICIPLES:
            nxt = _WORD.match(text, m.end())
            if not nxt or nxt[1].lower() in _STOP or nxt[1].lower() in _PARTICIPLES:
                break
        elif lw in _STOP and lw not in _MODIFIERS:
            break
        elif w.endswith("ly") and len(w) > 4 and w.islower():
            break  # an adverb
        words.append((w, m.end()))
        p = m.end()
        if text.startswith("'s", p):
            break
        if w.islower() and lw not in _MODIFIERS and (_PLURAL_END.search(lw) or lw in _PLURALS):
            break  # a plural noun ends the phrase: "300 soldiers surrendered", "dozens of troops fled"
    not_count = any(w.lower().strip("'") in _NOT_UNITS for w, _ in words[:2])
    # the head noun is the last word that is not a bare modifier or participle
    while words and (words[-1][0].lower() in _MODIFIERS or words[-1][0].lower() in _PARTICIPLES):
        words.pop()
    if not words:
        return None, pos, not_count
    return words[-1][0], words[-1][1], not_count


_YEAR_WORDS = re.compile(r"(?:19|20)\d\d|2100")


def _is_year(words: str) -> bool:
    return _YEAR_WORDS.fullmatch(words.strip()) is not None


def find_quantities(
    text: str, offset: int = 0, date_marks: list[tuple[int, int]] | None = None
) -> list[Quantity]:
    """Every count in ``text`` (a sentence), in order; offsets are positions in ``text`` plus ``offset``.

    ``date_marks``: where the caller already found dates (positions in ``text``), so that they are not
    searched for twice."""
    if not _CANDIDATE.search(text):
        return []
    # numbers that are part of a date expression ("July 12", "the past 24 hours") are no counts
    if date_marks is None:
        date_marks = [(d.start, d.end) for d in find_dates(text, None)] if _DIGIT.search(text) else []
    out: list[Quantity] = []
    killed_by_verb: list[bool] = []
    pos = 0
    while True:
        m = _QTY.search(text, pos)
        if not m:
            break
        pos = m.end()
        qual_word = re.sub(r"\s+", " ", m["qual"].lower()) if m["qual"] else None
        qualifier = _QUAL_OF.get(qual_word, "exact") if qual_word else "exact"
        low = high = None
        start, num_end = m.start(), m.end()
        if m["btw"] or m["r1"]:
            a, b = (m["b1"], m["b2"]) if m["btw"] else (m["r1"], m["r2"])
            va, vb = parse_number(a), parse_number(b)
            from_before = m["r1"] and _FROM_BEFORE.search(text, 0, m.start("r1"))
            if va is None or vb is None or _is_year(a) or _is_year(b) or vb <= va or from_before:
                # no range: take the first number alone (if it is a count) and look again after it
                if m["btw"] or va is None or _is_year(a):
                    pos = m.start("b1") if m["btw"] else m.end("r1")
                    continue
                value, first_words = va, a
                num_end = pos = m.end("r1")
            else:
                value, low, high, first_words = va, va, vb, a
                qualifier = "range"
        elif m["vague"]:
            first_words = m["vague"]
            low, high = _VAGUE[re.sub(r"\s+", " ", first_words.lower())]
            value, qualifier = low, "vague"
        elif m["couple"]:
            first_words = m["couple"]
            value = 2
            if qualifier == "exact":
                qualifier = "about"
        else:
            first_words = m["n"]
            v = parse_number(first_words)
            if v is None or _is_year(first_words):
                pos = m.end("n")
                continue
            value = v
            if qualifier == "exact" and "dozen" in first_words.lower():
                qualifier = "about"

        before = text[max(0, start - 40) : start]
        after_num = text[num_end:]
        # things that are no counts
        if any(s < num_end and start < e for s, e in date_marks):
            continue
        if _MONEY_BEFORE.search(before) or _TIME_AFTER.match(after_num) or _HYPHEN_AFTER.match(after_num):
            continue
        if after_num.startswith(("%", "$")) or _PERCENT_AFTER.match(after_num):
            continue
        if _NAME_BEFORE.search(before) and not m["qual"]:
            continue
        head, phrase_end, not_count = _noun_phrase(text, num_end)
        if not_count:
            continue
        lw = first_words.strip().lower()
        is_one = lw in ("one", "a", "an")
        if is_one:
            if (
                head is None
                or _PRONOUN_ONE_BEFORE.search(before)
                or re.match(r"\s+(?:of|another)\b", after_num, _F)
            ):
                continue
        if head is not None:
            unit = _plural(head)
            end = phrase_end
        else:
            unit = out[-1].unit if out else "people"
            end = num_end
        # killed?
        after = text[end:]
        by_verb = bool(_KILL_BEFORE.search(before)) and not re.search(
            r"\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing))\s+(?:or|and|and/or)\s+(?:wound(?:ed|ing)|injur(?:ed|ing)|kill(?:ed|ing))\s*$",
            before,
            _F,
        )
        killed = (
            by_verb
            or bool(_KILL_AFTER.match(after))
            or unit in _KILL_UNITS
            or bool(
                out
                and killed_by_verb[-1]
                and _JOINED.match(text[out[-1].end - offset : start])
                and not _OTHER_AFTER.match(after)
            )
        )
        out.append(
            Quantity(
                value=value,
                qualifier=qualifier,
                unit=unit,
                low=low,
                high=high,
                text=text[start:end],
                start=start + offset,
                end=end + offset,
                killed=killed,
            )
        )
        killed_by_verb.append(by_verb)
        pos = max(pos, end)
    # "10 Taliban militants and 2 militia fighters were killed": a count joined by "and" to a later count
    # that the killing verb follows is killed too.
    for i in range(len(out) - 2, -1, -1):
        nxt = out[i + 1]
        if (nxt.killed and not killed_by_verb[i + 1] and not out[i].killed
                and _JOINED.match(text[out[i].end - offset : nxt.start - offset])):
            out[i].killed = True
    return out
