"""Fusion: the same happening told by several outlets (or twice in one article) becomes one event with several
claims. Figures stay side by side, each pointing at its claim; ACLED's fatality rule keeps the most
conservative; disagreement is flagged and shown as a range, never averaged.

When two mentions tell one happening (``fusion_evidence``; ``same_event`` is "there is evidence"). The test is
symmetric and looks at nothing but the two mentions, so that the store can cluster mentions as the connected
components of it whatever order they arrive in. Each step either rules the pair out or adds a reason:

1. Types: the same type, or two types declared compatible in ``data/fusion.json`` (a shooting told as a clash
   by one outlet and as a killing by another).
2. Places: the same place, or one inside the other (a town and its district), is evidence; the same province or
   a town inside it counts as one name; the same country is no evidence. One name resolved to two places
   ("homonym": a gazetteer's two Springfields) counts as the same place. Two different known places rule the pair
   out, unless two articles' tellings share ``place_override_names`` names besides their actors' and their
   provinces' and countries', or one names the other's place (not as its own province or district): one of the
   two places is then more likely misplaced than the happenings different. One article's two places stay two. Two different destinations
   of a flight rule the pair out.
3. Actors: two different named first actors rule the pair out.
4. Dates: both dated, their spans must overlap within ``day_tolerance`` days. An undated mention stands for
   "shortly before it was published": it fits a dated one published between a day before that event's start
   and ``published_tolerance_days`` after its end, and another undated one published within
   ``published_tolerance_days`` of it. Anything else rules the pair out.
5. Then there must be positive evidence besides type and time: the same place (or one inside the other, or the
   same destination); or names written in both (the capitalized words of the claims' sentences that are not
   common words: a victim's, a street's, a town's the gazetteer does not know), ``min_shared_names`` when both
   are dated to the day, ``min_shared_names_loose`` when one is undated or dated to the week,
   ``min_shared_names_coarse`` when one is dated only to the month or year; ``min_shared_words`` content words
   in both count as one name, and a shared figure (``min_figure`` or more) as one more beside a name; a figure
   of ``tight_figure`` or more alone links two reports of the same day. Dates further apart than step 4 allows
   are bridged only by ``strong_names`` names in both within ``strong_gap_days`` (later reports of the same
   happening). Two unplaced mentions of one article that pass steps 1-4 are one (the lead and the body).
   A mention with no place, name or words in common never fuses with another article's: one that says little must
   not bridge two happenings.

In one article (``fuse_article``), after the components of ``same_event``: an unplaced retelling joins the
article's one placed event it could be (nothing in steps 1-4 rules them out), unless its sentence announces
another happening ("separate", "elsewhere": ``separate_cues`` in data/fusion.json) or two placed events fit.

Confidence (``confidence``): the best completeness score of the mentions (events._confidence), plus
``independent_step`` for each independent asserting voice beyond the first (a hedged voice counts
``hedged_weight``), minus ``denial_step`` per denying voice and ``doubt_step`` per doubting voice. Claims are
grouped into voices by ``voices``: the same cited source (the governor quoted by three outlets), an outlet
citing another outlet, and near-identical sentences (syndicated copy, ``near_identical`` word overlap) are
each one voice. The explanation string is ``Event.confidence_basis``.

``combine`` builds one event from the mentions of a cluster given in a canonical order (the store sorts them
by publication, document, position) and never changes its inputs. See its docstring and ``confidence`` for
the rules of figures and confidence.
"""

from __future__ import annotations

import copy
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources

from contested.actors import generic_group
from contested.events import UNIT_GROUPS, summarize
from contested.records import ActorMention, Event, Quantity

# ---------------------------------------------------------------- settings and word lists


@dataclass(frozen=True, slots=True)
class FusionSettings:
    day_tolerance: int = 1  # dated spans this many days apart still tell one happening
    published_tolerance_days: int = 3  # undated reports published this close tell one happening
    min_shared_names: int = 1  # names both mentions write, when both are dated to the day
    min_shared_names_loose: int = 1  # ... when one is undated or dated only to the week
    min_shared_names_coarse: int = 2  # ... when one is dated only to the month or year
    min_name_length: int = 3
    min_shared_words: int = 5  # this many content words in both count as one name
    min_figure: int = 2  # a shared figure below this (one man, one soldier) is no evidence
    independent_step: float = 0.1  # confidence added per independent voice beyond the first
    hedged_weight: float = 0.5  # a hedged claim counts this much of a voice
    denial_step: float = 0.15  # confidence taken away per denying voice
    doubt_step: float = 0.08  # ... per doubting voice
    about_share: float = 0.15  # "about 300" allows 255..345
    open_share: float = 1 / 3  # "more than 300" is read as 300..400, "up to 600" as 400..600
    near_identical: float = 0.8  # word overlap (Jaccard) above which two sentences are one copy
    strong_names: int = 4  # this many names in both make a strong link ...
    strong_gap_days: int = 30  # ... that spans dates or publications this many days apart (later reports)
    tight_figure: int = 5  # a figure at least this large shared by two reports of the same day is evidence
    same_article_unplaced: bool = True  # two unplaced mentions of one article, compatible in type and time, fuse
    attach_unplaced: bool = True  # in one article, an unplaced retelling joins the one placed event it fits
    place_override_names: int = 2  # this many names in both outweigh two different places (a town misplaced)
    near_km: float = 8.0  # two towns this close (a neighbourhood and its city: Mid-City, New Orleans) may be one place


SETTINGS = FusionSettings()
# The widest date gap at which two mentions can fuse (the store looks for candidates within it).
MAX_DATE_GAP_DAYS = max(SETTINGS.day_tolerance, SETTINGS.published_tolerance_days, SETTINGS.strong_gap_days) + 1


@cache
def _data() -> dict:
    return json.loads(resources.files("contested").joinpath("data", "fusion.json").read_text(encoding="utf-8"))


@cache
def _compatible() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for group in _data()["compatible_types"]:
        for t in group:
            out.setdefault(t, {t}).update(group)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _not_names() -> frozenset[str]:
    return frozenset(_data()["not_names"])


def compatible_types(a: str, b: str) -> bool:
    return a == b or b in _compatible().get(a, ())


# ---------------------------------------------------------------- what a mention says


def location_key(ev: Event) -> tuple | None:
    if ev.location is None:
        return None
    loc = ev.location
    return (loc.name, loc.admin1, loc.admin2, loc.country)


def _inside(inner, outer) -> bool:
    """``inner`` lies in ``outer`` (a town in its district or province, a district in its province)."""
    if outer.feature not in ("province", "district", "country", "region") or inner.name == outer.name:
        return False
    if outer.country and inner.country and outer.country != inner.country:
        return False
    if outer.feature == "country":
        return inner.country == outer.name
    if outer.feature == "province":
        return inner.admin1 is not None and inner.admin1 == (outer.admin1 or outer.name)
    if outer.feature == "district":
        return inner.admin2 is not None and inner.admin2 == (outer.admin2 or outer.name) and (
            not outer.admin1 or inner.admin1 == outer.admin1)
    return False


@lru_cache(maxsize=65536)
def _words_of(text: str | None) -> frozenset[str]:
    return frozenset(re.findall(r"[\w'-]+", (text or "").casefold()))


def _background_names(ev: Event) -> set[str]:
    """The words of a mention's actors and of its place's larger units (province, district, country): names
    that reports of other happenings in the same region or war share too."""
    out: set[str] = set()
    for x in ev.actors:
        out |= _words_of(x.name) | _words_of(getattr(x, "text", None))
    loc = ev.location
    if loc is not None:
        for field in (loc.admin1, loc.admin2, loc.country):
            out |= _words_of(field)
    return out


def _names_place_of(names: frozenset[str], own: Event, other: Event) -> bool:
    """``own``'s sentences name ``other``'s place, and not as ``own``'s own province or district."""
    name = (other.location.name or "").casefold()
    if not name or name not in names:
        return False
    loc = own.location
    return loc is None or name not in {(x or "").casefold() for x in (loc.name, loc.admin1, loc.admin2, loc.country)}


def place_relation(a: Event, b: Event) -> str | None:
    """"same", "inside" (one within the other), "homonym" (the same name resolved to two places: one of the
    two resolutions is likely wrong, the text names one place), "near" (two towns a few kilometres apart: a
    neighbourhood and its city), "different" (two known places apart), or None (unknown)."""
    la, lb = a.location, b.location
    if la is None or lb is None:
        return None
    if location_key(a) == location_key(b):
        return "same"
    if _inside(la, lb) or _inside(lb, la):
        return "inside"
    if la.name and la.name.casefold() == (lb.name or "").casefold():
        return "homonym"
    if _near(la, lb):
        return "near"
    return "different"


def _near(la, lb) -> bool:
    """Two towns of one country a few kilometres apart (``near_km``): a neighbourhood and its city ("Mid City",
    "New Orleans"), a suburb and the town a dateline names; reports may name either."""
    towns = ("populated_place", None)
    if la.feature not in towns or lb.feature not in towns or la.country != lb.country:
        return False
    if None in (la.lat, la.lon, lb.lat, lb.lon):
        return False
    dlat = math.radians(lb.lat - la.lat)
    dlon = math.radians(lb.lon - la.lon) * math.cos(math.radians((la.lat + lb.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon) <= SETTINGS.near_km


def _same_place(a: Event, b: Event) -> bool:
    """The same place (or one inside the other); or, where one report names no place, the same destination
    ("to Tajikistan")."""
    rel = place_relation(a, b)
    if rel in ("same", "inside"):
        return True
    return (a.location is None or b.location is None) and a.detail is not None and a.detail == b.detail


def _published(ev: Event) -> date | None:
    return min((c.published for c in ev.claims if c.published), default=None)


_CAP = re.compile(r"[A-Z][\w'\u2019.-]*\w|[A-Z]")
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=65536)
def sentence_names(sentence: str) -> frozenset[str]:
    """The words of a sentence written with a capital that are not common words, casefolded: names of
    people, streets, towns, units. A sentence's first word counts only when the next is capitalized too."""
    stop = _not_names()
    out = set()
    words = _WORD.findall(sentence)
    for i, raw in enumerate(words):
        w = raw.strip("\"'()[],.;:!?\u201c\u201d\u2018\u2019-\u2013\u2014")
        if w.endswith(("'s", "\u2019s")):
            w = w[:-2]
        if not w or not w[0].isupper() or len(w) < SETTINGS.min_name_length or not any(c.isalpha() for c in w):
            continue
        prev = words[i - 1] if i else ""
        sentence_start = i == 0 or prev.endswith((".", "!", "?", ":", "\u201c", '"', "\u2014", "\u2013", "-"))
        if sentence_start and not (w.isupper() and len(w) > 2):  # a dateline in capitals is a name
            nxt = words[i + 1].strip("\"'(),.;:") if i + 1 < len(words) else ""
            if not nxt[:1].isupper():
                continue
        key = w.casefold()
        if key in stop or key.rstrip(".") in stop:
            continue
        out.add(key)
    return frozenset(out)


@cache
def _common_words() -> frozenset[str]:
    return frozenset(_data()["common_words"]) | _not_names()


_LOWER = re.compile(r"[a-z][a-z'-]+[a-z]")


@lru_cache(maxsize=65536)
def sentence_words(sentence: str) -> frozenset[str]:
    """The content words of a sentence (lowercase, four letters or more, not common words): what two tellings
    of one happening tend to share ("toddler", "nightstand", "checkpoint")."""
    common = _common_words()
    return frozenset(w for w in _LOWER.findall(sentence.lower()) if len(w) >= 4 and w not in common)


def event_words(ev: Event) -> frozenset[str]:
    words: set[str] = set()
    for c in ev.claims:
        words |= sentence_words(c.sentence)
    return frozenset(words)


def event_names(ev: Event) -> frozenset[str]:
    names: set[str] = set()
    for c in ev.claims:
        names |= sentence_names(c.sentence)
    return frozenset(names)


def _figures(ev: Event) -> set[tuple[int, str, bool]]:
    return {(q.value, UNIT_GROUPS.get(q.unit, q.unit), q.killed) for q in ev.quantities
            if q.value >= SETTINGS.min_figure and q.qualifier != "vague"}


def _date_relation(a: Event, b: Event) -> tuple[str, str] | None:
    """("tight" | "loose", reason), or None when the dates rule the pair out."""
    s = SETTINGS
    tol = timedelta(days=s.day_tolerance)
    if a.date is not None and b.date is not None:
        if a.date.start > b.date.end + tol or b.date.start > a.date.end + tol:
            return None
        tight = a.date.precision == "day" and b.date.precision == "day"
        coarse = {a.date.precision, b.date.precision} & {"month", "year"}
        lo, hi = min(a.date.start, b.date.start), max(a.date.end, b.date.end)
        return ("tight" if tight else "coarse" if coarse else "loose"), \
            f"dates overlap {lo.isoformat()}..{hi.isoformat()}"
    if a.date is not None or b.date is not None:
        dated, undated = (a, b) if a.date is not None else (b, a)
        pu = _published(undated)
        if pu is None or not (dated.date.start - tol <= pu
                              and (pu - dated.date.end).days <= s.published_tolerance_days):
            return None
        return "coarse" if dated.date.precision in ("month", "year") else "loose", f"undated report published {pu.isoformat()}, just after {dated.date.start.isoformat()}"
    pa, pb = _published(a), _published(b)
    if pa is None or pb is None or abs((pa - pb).days) > s.published_tolerance_days:
        return None
    return "loose", f"both undated, published {min(pa, pb).isoformat()}..{max(pa, pb).isoformat()}"


def _within(a: Event, b: Event, days: int) -> bool:
    """The two mentions' dates (or, undated, their publications) lie within ``days`` of each other."""
    pa, pb = _published(a), _published(b)
    sa = (a.date.start, a.date.end) if a.date else ((pa, pa) if pa else None)
    sb = (b.date.start, b.date.end) if b.date else ((pb, pb) if pb else None)
    if sa is None or sb is None:
        return False
    return (sa[0] - sb[1]).days <= days and (sb[0] - sa[1]).days <= days


def _same_actor(x: ActorMention, y: ActorMention) -> bool:
    """One actor named twice: the same name; one the other's name with more said (a force and its unit);
    or words that name it only by what it is ("police", "gunmen"), whose country each article's places decide
    and two articles may read differently ("Police Forces" where one names no place)."""
    if x.name == y.name or x.name.startswith(y.name + " ") or y.name.startswith(x.name + " "):
        return True
    group = generic_group(x.text)
    return group is not None and group == generic_group(y.text)


def _rival_first_actors(a: Event, b: Event) -> bool:
    """Both tellings name who acted first, and no actor of one is an actor of the other."""
    a1 = [x for x in a.actors if x.role == "actor1"]
    b1 = [x for x in b.actors if x.role == "actor1"]
    return bool(a1 and b1) and not any(_same_actor(x, y) for x in a1 for y in b1)


def fusion_evidence(a: Event, b: Event) -> list[str] | None:
    """Why ``a`` and ``b`` tell one happening, one reason a line; None when they do not (see the module's
    docstring for the rule). Symmetric: the answer does not depend on the order of the arguments."""
    s = SETTINGS
    if not compatible_types(a.type, b.type):
        return None
    reasons = [f"same type {a.type}" if a.type == b.type else f"compatible types {min(a.type, b.type)}/"
               f"{max(a.type, b.type)}"]
    rel = place_relation(a, b)
    if rel == "different":
        # Two different places rule the pair out, unless the two tellings share so many names (victims,
        # streets, officials) that one of the places is more likely misplaced than the happenings different.
        # Names that every report of a region or a war shares (the actors, the provinces, the country) do not
        # count; the other's place named in a report counts unless it is that report's own province or district.
        if {c.doc_id for c in a.claims} & {c.doc_id for c in b.claims}:
            return None  # one article telling of two places tells two happenings (and may name both in one sentence)
        names_a, names_b = event_names(a), event_names(b)
        common = _background_names(a) | _background_names(b)
        crossed = _names_place_of(names_b, b, a) or _names_place_of(names_a, a, b)
        if not crossed and len(names_a & names_b - common) < s.place_override_names:
            return None
    if a.detail and b.detail and a.detail != b.detail and a.detail.startswith("to ") and b.detail.startswith("to "):
        return None  # fled to two different countries
    if _rival_first_actors(a, b):
        return None
    if (a.date is not None and b.date is not None and a.date.precision == b.date.precision == "day"
            and (a.date.start, a.date.end) != (b.date.start, b.date.end)
            and {c.doc_id for c in a.claims} & {c.doc_id for c in b.claims}):
        return None  # one article dating two reports to different days tells two happenings
    when = _date_relation(a, b)
    shared = sorted(event_names(a) & event_names(b))
    if when is None:
        # Two reports dated to different days tell two happenings (the town lost on Sunday and lost again on
        # Tuesday); a later report that dates nothing precisely may still name the same people.
        both_days = a.date is not None and b.date is not None and a.date.precision == b.date.precision == "day"
        if both_days or len(shared) < s.strong_names or not _within(a, b, s.strong_gap_days):
            return None
        when = ("strong", f"{len(shared)} names in both, reported within {s.strong_gap_days} days")
    tightness, date_reason = when
    reasons.append(date_reason)
    place = regional = False
    if rel == "different":
        la, lb = sorted((a.location, b.location), key=lambda loc: (loc.name, loc.feature or ""))
        reasons.append(f"places differ ({la.name} / {lb.name}) but {len(shared)} names in both"
                       + (" and one report names the other's place" if crossed else ""))
    elif rel == "near":
        # Not ruled out, but no evidence either: two shootings in one city on one day are told apart, or
        # joined, by what the reports say.
        la, lb = sorted((a.location, b.location), key=lambda loc: (loc.name, loc.feature or ""))
        reasons.append(f"places near each other: {la.name} / {lb.name}")
    elif rel is not None:
        la, lb = sorted((a.location, b.location), key=lambda loc: (loc.name, loc.feature or ""))
        # A country, or a province, holds too many happenings to tell them apart: the same country is no
        # evidence, the same province (or a town inside it) counts as one name.
        coarse = max((_FEATURE_RANK.get(loc.feature or "", 1) for loc in (la, lb)), default=1)
        if coarse < _FEATURE_RANK["province"]:
            place = True
        elif coarse < _FEATURE_RANK["country"]:
            regional = True
        if place or regional:
            reasons.append(f"same place {la.name} ({la.feature or 'place'})" if rel == "same"
                           else f"same place name {la.name}, resolved to two places ({la.admin1 or la.country} / "
                           f"{lb.admin1 or lb.country})" if rel == "homonym"
                           else f"one place inside the other: {la.name} / {lb.name}")
    elif a.location is None and b.location is None and a.detail and a.detail == b.detail:
        reasons.append(f"same destination {a.detail}")
        place = True
    if shared:
        reasons.append("names in both: " + ", ".join(shared[:6]))
    figures = sorted(_figures(a) & _figures(b))
    if figures:
        reasons.append("shared figure " + ", ".join(f"{v} {u}{' killed' if k else ''}" for v, u, k in figures))
    words = sorted(event_words(a) & event_words(b) - set(shared))
    wordy = len(words) >= s.min_shared_words
    if wordy:
        reasons.append("words in both: " + ", ".join(words[:8]))
    need = {"tight": s.min_shared_names, "loose": s.min_shared_names_loose, "coarse": s.min_shared_names_coarse,
            "strong": s.strong_names}[tightness]
    named = len(shared) + wordy + regional
    if place or named >= need or (shared and figures and named + 1 >= need):
        return reasons
    if tightness == "tight" and any(v >= s.tight_figure for v, _, _ in figures):
        return reasons
    if a.location is None and b.location is None and s.same_article_unplaced:
        docs = {c.doc_id for c in a.claims} & {c.doc_id for c in b.claims}
        if docs:
            # One article telling one happening twice (the lead and the body) and placing neither: no other
            # happening with a place can be bridged by it.
            reasons.append("told in the same article, neither placed")
            return reasons
    return None


def same_event(a: Event, b: Event) -> bool:
    return fusion_evidence(a, b) is not None


# ---------------------------------------------------------------- one event from many mentions

_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}
_FEATURE_RANK = {"populated_place": 0, "border_crossing": 0, "base": 0, "district": 1, "river": 1, "region": 2,
                 "province": 2, "country": 3}


def _interval(q: Quantity) -> tuple[float, float]:
    """The values a figure allows, given its qualifier. "About" allows ``about_share`` either side; an
    open-ended figure is read as the order of magnitude its source gives: "more than 300" and "at least 300"
    as up to ``open_share`` above, "up to 600" as down to ``open_share`` below (so "more than 300" and
    "up to 600" disagree, "at least 300" and "up to 350" do not)."""
    v = q.value
    s = SETTINGS
    if q.qualifier == "exact":
        return v, v
    if q.qualifier == "about":
        return v * (1 - s.about_share) - 1, v * (1 + s.about_share) + 1
    if q.qualifier in ("at_least", "more_than"):
        return v, v * (1 + s.open_share)
    if q.qualifier in ("up_to", "fewer_than"):
        return v * (1 - s.open_share), v
    lo = q.low if q.low is not None else v
    hi = q.high if q.high is not None else v
    return lo, hi


def _holder(ev: Event, i: int | None) -> str:
    if i is None or i >= len(ev.claims):
        return "?"
    c = ev.claims[i]
    who = c.source or c.doc_id[:8]
    return f"{who} citing {c.attributed_to}" if c.attributed_to else who


def figure_ranges(ev: Event) -> list[dict]:
    """For each thing counted (soldiers, people killed, ...) that different claims count differently beyond what
    their qualifiers allow: the lowest and highest figures and who holds each end."""
    by_unit: dict[tuple[str, bool], list[Quantity]] = {}
    for q in ev.quantities:
        if q.claim is None:
            continue
        if q.claim < len(ev.claims) and ev.claims[q.claim].stance == "denies":
            continue
        by_unit.setdefault((UNIT_GROUPS.get(q.unit, q.unit), q.killed), []).append(q)
    out = []
    for (unit, killed), qs in sorted(by_unit.items()):
        if len({q.claim for q in qs}) < 2:
            continue
        lows = [_interval(q)[0] for q in qs]
        highs = [_interval(q)[1] for q in qs]
        if max(lows) <= min(highs):
            continue  # some value fits every claim's figure
        low = min(q.value for q in qs)
        high = max(q.value for q in qs)
        out.append({
            "unit": unit + (" killed" if killed else ""),
            "low": low,
            "high": high,
            "low_claims": sorted({q.claim for q in qs if q.value == low}),
            "high_claims": sorted({q.claim for q in qs if q.value == high}),
            "low_by": sorted({_holder(ev, q.claim) for q in qs if q.value == low}),
            "high_by": sorted({_holder(ev, q.claim) for q in qs if q.value == high}),
            "figures": [{"claim": q.claim, "value": q.value, "qualifier": q.qualifier, "text": q.text}
                        for q in sorted(qs, key=lambda q: (q.claim, q.start))],
        })
    return out


def describe_ranges(ranges: list[dict]) -> list[str]:
    """One line a contested figure: "soldiers: 300 (Tolo News citing ...) to 600 (Reuters)"."""
    return [f"{r['unit']}: {r['low']} ({'; '.join(r['low_by'])}) to {r['high']} ({'; '.join(r['high_by'])})"
            for r in ranges]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"\w+", text))


def voices(ev: Event) -> list[dict]:
    """The independent voices behind an event's claims: each claim goes to the voice of whoever it cites (the
    same official quoted by several outlets is one voice), of the outlet it cites (an outlet quoting another
    outlet's reporting), or of a near-identical sentence already heard (syndicated copy); an outlet speaking in
    its own voice is a voice of its own. The chain of who-says-so (``Claim.chain``) names the other outlet
    where a claim passes through one. Returns [{"voice", "claims", "stance", "weight"}]."""
    s = SETTINGS
    sources = {(c.source or "").casefold() for c in ev.claims if c.source}
    groups: list[dict] = []
    for i, c in enumerate(ev.claims):
        own = (c.source or "").casefold()
        cited = (c.attributed_to or "").casefold().strip()
        # Another outlet along the chain of who-says-so (its reporting, its journalist): that outlet's voice.
        via = None
        for link in getattr(c, "chain", [])[1:]:
            is_outlet = link.get("kind") == "outlet"
            for name in (link.get("name") if is_outlet else None, link.get("organisation")):
                n = str(name or "").casefold()
                if via is None and n and n != own and (
                        is_outlet or any(src and (src in n or n in src) for src in sources)):
                    via = n
        if via:
            key = "outlet:" + next((src for src in sources if src and (src in via or via in src)), via)
        elif cited and any(src and (src in cited or cited in src) for src in sources if src != own):
            key = "outlet:" + next(src for src in sources if src and (src in cited or cited in src))
        elif cited:
            key = "cites:" + cited
        else:
            key = "outlet:" + (c.source or c.doc_id).casefold()
        words = _words(c.sentence)
        home = None
        for g in groups:
            if g["key"] == key and g["stance"] == c.stance:
                home = g
                break
        if home is None:
            for g in groups:
                if g["stance"] == c.stance and any(
                        len(words & w) / max(1, len(words | w)) >= s.near_identical for w in g["texts"]):
                    home = g
                    break
        if home is None:
            shown = next((x for x in (c.source or "", c.attributed_to or "") if x and x.casefold() in key), None)
            home = {"key": key, "voice": shown or c.attributed_to or c.source or c.doc_id[:8], "claims": [],
                    "stance": c.stance, "texts": [],
                    "hedged": True}
            groups.append(home)
        home["claims"].append(i)
        home["texts"].append(words)
        home["hedged"] = home["hedged"] and c.hedged
    out = []
    for g in groups:
        out.append({"voice": g["voice"], "claims": g["claims"], "stance": g["stance"],
                    "weight": s.hedged_weight if g["hedged"] else 1.0})
    return out


def confidence(ev: Event, base: float) -> tuple[float, str]:
    """The event's confidence and how it was reached. ``base`` is the best confidence of its mentions (how
    complete and firmly stated the event is, events._confidence). Then: each asserting independent voice
    beyond the first adds ``independent_step`` (a hedged one half of it); each denying voice takes away
    ``denial_step``, each doubting voice ``doubt_step``. Clipped to 0.05..0.95."""
    s = SETTINGS
    vs = voices(ev)
    on_figure = {i for i, c in enumerate(ev.claims) if getattr(c, "about", "event") == "figure"}
    asserting = [v for v in vs if v["stance"] == "asserts"]
    denying = [v for v in vs if v["stance"] == "denies" and not set(v["claims"]) <= on_figure]
    doubting = [v for v in vs if v["stance"] == "doubts" and not set(v["claims"]) <= on_figure]
    figure_only = [v for v in vs if v["stance"] != "asserts" and set(v["claims"]) <= on_figure]
    support = sum(v["weight"] for v in asserting)
    c = base + s.independent_step * max(0.0, support - 1) - s.denial_step * len(denying) - s.doubt_step * len(doubting)
    c = max(0.05, min(0.95, c))
    parts = [f"base {base:.2f} (completeness of the best mention)"]
    if asserting:
        parts.append(f"{len(asserting)} independent asserting voice(s) worth {support:g} "
                     f"({'; '.join(v['voice'] for v in asserting)}): +{s.independent_step * max(0, support - 1):.2f}")
    if denying:
        parts.append(f"{len(denying)} denying ({'; '.join(v['voice'] for v in denying)}): "
                     f"-{s.denial_step * len(denying):.2f}")
    if doubting:
        parts.append(f"{len(doubting)} doubting ({'; '.join(v['voice'] for v in doubting)}): "
                     f"-{s.doubt_step * len(doubting):.2f}")
    if figure_only:
        parts.append(f"{len(figure_only)} voice(s) dispute a figure, not the event "
                     f"({'; '.join(v['voice'] for v in figure_only)}): no change")
    repeated = len(ev.claims) - len(vs)
    if repeated:
        parts.append(f"{repeated} claim(s) repeat a voice already counted (same source cited, an outlet quoting "
                     "another, or near-identical text)")
    return c, "; ".join(parts) + f" -> {c:.2f}"


def _claim_key(c) -> tuple:
    # (one claim told by two mentions is one; two of one speaker in one sentence, with their own cues or on
    # different things, "rejected that figure, saying two soldiers had died", are two)
    return (c.doc_id, c.span[0], c.span[1], c.attributed_to, c.stance, c.cue_span, c.about)


def _append(target: Event, other: Event) -> dict[int, int]:
    """Add ``other``'s claims (those not already there), with their figures and evidence, to ``target``.
    Returns other's claim index -> target's."""
    from contested.records import Evidence

    while len(target.evidence) < len(target.claims):
        target.evidence.append(Evidence())
    have = {_claim_key(c): i for i, c in enumerate(target.claims)}
    index: dict[int, int] = {}
    for i, claim in enumerate(other.claims):
        key = _claim_key(claim)
        if key in have:
            index[i] = have[key]
            continue
        have[key] = index[i] = len(target.claims)
        target.claims.append(claim)
        target.evidence.append(other.evidence[i] if i < len(other.evidence) else Evidence())
        for q in other.quantities:
            if q.claim == i:
                q2 = copy.copy(q)
                q2.claim = index[i]
                target.quantities.append(q2)
    return index


def _best_date(mentions: list[Event]):
    dated = [m.date for m in mentions if m.date is not None]
    if not dated:
        return None
    counts = Counter((d.start, d.end, d.precision) for d in dated)
    return min(dated, key=lambda d: (_PRECISION.get(d.precision, 9), -counts[(d.start, d.end, d.precision)],
                                     d.start, d.end))


def _best_location(mentions: list[Event]):
    placed = [m.location for m in mentions if m.location is not None]
    if not placed:
        return None
    counts = Counter((p.name, p.admin1, p.admin2, p.country) for p in placed)
    return min(placed, key=lambda p: (_FEATURE_RANK.get(p.feature or "", 1), p.lat is None,
                                      -counts[(p.name, p.admin1, p.admin2, p.country)]))


def _fatalities(mentions: list[Event]) -> int | None:
    """ACLED's rule: the most conservative figure of deaths any (not denying) mention gives."""
    tolls = [m.fatalities for m in mentions if m.fatalities is not None
             and any(c.stance != "denies" for c in m.claims)]
    return min(tolls) if tolls else None


def _plain(value):
    """A copy of plain data (dicts, lists, tuples of scalars) that shares nothing mutable with ``value``."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def clone(ev: Event) -> Event:
    """A copy of an event that shares nothing mutable with it: ``copy.deepcopy`` for the records of
    ``contested.records``, several times faster (no memo; the structure is known). Fusion copies every
    mention it combines, so this is on the hot path."""
    out = copy.copy(ev)
    out.actors = [copy.copy(a) for a in ev.actors]
    out.location = copy.copy(ev.location) if ev.location is not None else None
    out.date = copy.copy(ev.date) if ev.date is not None else None
    out.quantities = [copy.copy(q) for q in ev.quantities]
    claims = []
    for c in ev.claims:
        c2 = copy.copy(c)
        c2.chain = _plain(c.chain)
        c2.figure_stances = _plain(c.figure_stances)
        c2.hedges = list(c.hedges)
        claims.append(c2)
    out.claims = claims
    evidence = []
    for e in ev.evidence:
        e2 = copy.copy(e)
        e2.marks = {k: list(v) for k, v in e.marks.items()}
        evidence.append(e2)
    out.evidence = evidence
    out.flags = list(ev.flags)
    out.fused_because = list(ev.fused_because)
    out.figure_ranges = _plain(ev.figure_ranges)
    out.contradictions = _plain(ev.contradictions)
    return out


_MENTION_LINK = re.compile(r"mention \d+(?: with mention \d+)?: ")  # combine's own lines, below


def combine(mentions: list[Event]) -> Event:
    """One event from the mentions of one happening, given in canonical order; the inputs are not changed.

    - claims: the union of the mentions' claims (a claim told by two mentions once), each figure pointing at its
      claim with its qualifier, unit and text; evidence follows its claim.
    - type: the one most mentions give (the first in order on a tie); date: the most precise, then the most
      often given; place: the most precise (a town before its district), then the most often given.
    - actors: those of the first mention, plus any role it lacks from the others.
    - fatalities: ACLED's rule, the most conservative figure of deaths (``fatalities_rule`` in ``explain``).
    - figure_ranges / flag ``contested_figures``: where claims count the same thing differently beyond what
      their qualifiers allow (``figure_ranges``).
    - contradictions (contested.contradictions.check_event): dates that disagree, a date after publication, a
      denied event; each names its claims.
    - confidence: from the sources (``confidence``), explained in ``confidence_basis``.
    - fused_because: for each mention after the first, why it joined (``fusion_evidence`` with one it links to),
      then the mentions' own reasons (places named in passing, retellings merged), each once.
    """
    from contested.contradictions import check_event

    if not mentions:
        raise ValueError("combine needs at least one mention")
    copies = [clone(m) for m in mentions]
    ev = clone(copies[0])
    ev.evidence = ev.evidence[: len(ev.claims)]
    reasons: list[str] = []
    for k, m in enumerate(copies[1:], 1):
        link = next(((j, r) for j in range(k) if (r := fusion_evidence(copies[j], m)) is not None), None)
        if link is not None:
            reasons.append(f"mention {k} with mention {link[0]}: " + "; ".join(link[1]))
        else:
            reasons.append(f"mention {k}: joined through other mentions or a user's merge")
    # Each mention's claims in the fused event: for the dates each claim gives and the contradictions found
    # inside one article.
    indexes = [{i: i for i in range(len(copies[0].claims))}] + [_append(ev, m) for m in copies[1:]]
    claim_dates: dict[int, object] = {}
    for m, index in zip(copies, indexes, strict=True):
        for i in index.values():
            if m.date is not None and i not in claim_dates:
                claim_dates[i] = m.date
    types = Counter(m.type for m in copies)
    top = max(types.values())
    chosen = next(m for m in copies if types[m.type] == top)
    ev.type, ev.acled_event_type, ev.acled_sub_event_type = (chosen.type, chosen.acled_event_type,
                                                             chosen.acled_sub_event_type)
    ev.detail = ev.detail or next((m.detail for m in copies if m.detail), None)
    ev.date = _best_date(copies)
    ev.location = _best_location(copies)
    roles = {a.role for a in ev.actors}
    for m in copies[1:]:
        for a in m.actors:
            if a.role not in roles:
                ev.actors.append(a)
                roles.add(a.role)
    ev.fatalities = _fatalities(copies)
    flags: list[str] = []
    for m in copies:
        for f in m.flags:
            if f not in flags:
                flags.append(f)
    if ev.date is not None and "undated" in flags:
        flags.remove("undated")
    decided = {"contested_figures", "future_date", "date_conflict", "denial", "perpetrator"}
    flags = [f for f in flags if f not in decided]  # decided again below, for the whole event
    ev.figure_ranges = figure_ranges(ev)
    if ev.figure_ranges:
        flags.append("contested_figures")
    found: list[dict] = []
    for m, index in zip(copies, indexes, strict=True):
        for x in m.contradictions:
            if x.get("scope") != "article":
                continue  # event-wide ones are found again below
            y = dict(x, claims=sorted(index[i] for i in x.get("claims", []) if i in index))
            if y not in found:
                found.append(y)
    found += check_event(ev, claim_dates)
    ev.contradictions = found
    for x in found:
        if x["kind"] not in flags:
            flags.append(x["kind"])
    ev.flags = flags
    if len(copies) > 1:
        # The mentions' own reasons (places named in passing, retellings merged) follow the fusion's; an
        # earlier fusion's mention links are not kept, as its mentions are numbered afresh here.
        kept = [r for m in copies for r in m.fused_because if not _MENTION_LINK.match(r)]
        reasons += [r for i, r in enumerate(kept) if r not in kept[:i] and r not in reasons]
    ev.fused_because = reasons if len(copies) > 1 else list(copies[0].fused_because)
    ev.confidence, ev.confidence_basis = confidence(ev, max(m.confidence for m in copies))
    ev.summary = summarize(ev)
    return ev


def fatalities_rule(ev: Event) -> str | None:
    """How ``fatalities`` was chosen, for explain: ACLED's most conservative figure, and the others given."""
    if ev.fatalities is None:
        return None
    tolls = sorted({q.value for q in ev.quantities if q.killed and q.claim is not None
                    and q.claim < len(ev.claims) and ev.claims[q.claim].stance != "denies"})
    others = [v for v in tolls if v != ev.fatalities]
    return (f"fatalities {ev.fatalities}: ACLED's rule, the most conservative figure reported"
            + (f" (others: {', '.join(map(str, others))})" if others else ""))


def explain_lines(ev: Event) -> list[str]:
    """What fusion decided about an event, one line each: why its mentions are one event, the contested
    figures with who holds each end, the contradictions with their claims, the fatalities rule, and how the
    confidence was reached."""
    lines = [f"fused: {r}" for r in ev.fused_because]
    lines += [f"contested figure: {r}" for r in describe_ranges(ev.figure_ranges)]
    lines += [f"{x['kind']} (claims {', '.join(map(str, x.get('claims', [])))}): {x.get('note', '')}"
              for x in ev.contradictions]
    rule = fatalities_rule(ev)
    if rule:
        lines.append(rule)
    if ev.confidence_basis:
        lines.append(f"confidence: {ev.confidence_basis}")
    return lines


def merge_into(target: Event, other: Event) -> None:
    """Add other's claims, figures and flags to target (in place): ``combine`` of the two, written back."""
    fused = combine([target, other])
    for name in target.__slots__:
        setattr(target, name, getattr(fused, name))


TERRITORY = ("territory_captured", "territory_regained")


def absorb_fighting(events: list[Event]) -> list[Event]:
    """ACLED's rule: fighting that ends in a place changing hands is coded as the change of hands. In one
    article, a clash at the same place and date as a capture or recapture becomes part of it (its claims,
    figures and deaths join the capture)."""
    territory = [e for e in events if e.type in TERRITORY and e.date is not None and e.location is not None]
    if not territory:
        return events
    out = []
    for ev in events:
        target = None
        if ev.type == "armed_clash" and ev.date is not None and ev.location is not None:
            target = next((t for t in territory if location_key(t) == location_key(ev)
                           and not (ev.date.start > t.date.end or t.date.start > ev.date.end)), None)
        if target is None:
            out.append(ev)
            continue
        deaths = None
        if ev.fatalities is not None or target.fatalities is not None:
            deaths = (target.fatalities or 0) + (ev.fatalities or 0)
        kind = (target.type, target.acled_event_type, target.acled_sub_event_type, target.date, target.location)
        merge_into(target, ev)
        # The capture stays a capture at its own date and place; deaths of the fighting add to it (different
        # claims, one event).
        target.type, target.acled_event_type, target.acled_sub_event_type, target.date, target.location = kind
        target.fatalities = deaths
        target.fused_because = [f"fighting at {target.location.name} absorbed into the change of hands (ACLED rule)"]
        target.summary = summarize(target)
    return out


def fuse_article(events: list[Event]) -> list[Event]:
    """The events of one article, its retellings fused (a summary in the lead, the details later): the same
    rule as across articles, the connected components of ``same_event`` each built by ``combine``, so that
    the events of `contested extract` are those the store makes of one article alone. A fused event keeps
    the id of its first mention."""
    from contested.clusters import Mention, cluster

    mentions = [Mention(ev.id, ev.claims[0].doc_id if ev.claims else "", i, ev) for i, ev in enumerate(events)]
    groups = [(list(g), False) for g in cluster(mentions, same_event)]
    # combine of a group, built once: _attach_unplaced builds every group, and most come out of it unchanged.
    combined: dict[tuple[int, ...], Event] = {}

    def build(group: list) -> Event:
        key = tuple(id(m) for m in group)
        if key not in combined:
            combined[key] = combine([m.event for m in group])
        return combined[key]

    if SETTINGS.attach_unplaced:
        groups = _attach_unplaced(groups, build)
    out = []
    for group, attached in groups:
        if len(group) == 1:
            out.append(group[0].event)
            continue
        ev = build(group)
        ev.id = group[0].event.id
        if attached:
            ev.fused_because = [*ev.fused_because, "an unplaced retelling in the same article joined the "
                                "article's one placed event of its kind and time"]
        out.append(ev)
    return out


@cache
def _separate_cues() -> frozenset[str]:
    return frozenset(_data().get("separate_cues", ()))


def _says_separate(ev: Event) -> bool:
    """A mention whose sentences announce another happening ("in a separate attack", "elsewhere")."""
    cues = _separate_cues()
    return any(w in cues for c in ev.claims for w in re.findall(r"[a-z]+", c.sentence.lower()))


def _attach_unplaced(groups: list[tuple[list, bool]], build=None) -> list[tuple[list, bool]]:
    """In one article, an unplaced retelling ("the victim died in hospital", "two men were wounded Saturday")
    joins the article's placed event it can be one with (compatible type and time, no rival actor) when there
    is exactly one such placed event and the retelling does not announce another happening ("in a separate
    attack": ``separate_cues`` in data/fusion.json). Depends only on the set of the article's mentions (each
    group is tested against the groups as clustered, not as they grow). Returns (group, whether it took in an
    unplaced retelling). ``build``: how a group of several mentions becomes one event (``combine`` of their
    events by default; fuse_article's keeps what it built for the groups that come out unchanged)."""
    build = build or (lambda g: combine([m.event for m in g]))
    built = [g[0].event if len(g) == 1 else build(g) for g, _ in groups]
    placed = [k for k, ev in enumerate(built) if ev.location is not None]
    moves: dict[int, int] = {}
    for k, ev in enumerate(built):
        if ev.location is not None or _says_separate(ev):
            continue
        hosts = [j for j in placed if _could_be_one(ev, built[j])]
        if len(hosts) == 1:
            moves[k] = hosts[0]
    if not moves:
        return groups
    out = [list(g) for g, _ in groups]
    for k, j in moves.items():
        out[j].extend(groups[k][0])
        out[k] = []
    hosts = set(moves.values())
    result = [(sorted(g, key=lambda m: m.position), k in hosts) for k, g in enumerate(out) if g]
    return sorted(result, key=lambda x: x[0][0].position)


def _could_be_one(a: Event, b: Event) -> bool:
    """Nothing rules ``a`` and ``b`` out as one happening: compatible types and times, no different places,
    actors or destinations (the first steps of ``fusion_evidence``, without asking for positive evidence)."""
    if not compatible_types(a.type, b.type) or place_relation(a, b) == "different":
        return False
    if a.detail and b.detail and a.detail != b.detail:
        return False
    if _rival_first_actors(a, b):
        return False
    if (a.date is not None and b.date is not None and a.date.precision == b.date.precision == "day"
            and (a.date.start, a.date.end) != (b.date.start, b.date.end)):
        return False
    return _date_relation(a, b) is not None


def fuse(events: list[Event], existing: list[Event] | None = None) -> tuple[list[Event], list[Event]]:
    """Deprecated shape kept for callers of 0.1: (changed existing events, new events). The store fuses
    across articles itself (contested.service); ``existing`` is no longer read."""
    return [], fuse_article(events)


