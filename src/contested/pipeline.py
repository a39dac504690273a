"""The whole path for documents: spaCy once per document, then the mention finders, then events.

Each finder is its own module (gazetteer, dates, quantities, actors, attribution, triggers) and is called
here; spaCy runs once per document through ``nlp.pipe`` so that batches stream.
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import json
import logging
import operator
import re
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from itertools import accumulate, repeat
from pathlib import Path

from contested.actors import load_actors
from contested.attribution import find_attribution, lexicon
from contested.config import PlaceSettings, settings
from contested.contradictions import check_document
from contested.dates import find_dates
from contested.eventness import clause_reasons
from contested.events import SentenceMentions, build_events
from contested.families import WEAPON_FAMILIES
from contested.fusion import absorb_fighting, fuse_article
from contested.gazetteer import (
    APPOSITION_AFTER,
    APPOSITION_NOUNS,
    AREA_WORDS,
    GENERIC_FIRST,
    GOVERNMENT_VERBS,
    HARD_STOP,
    LANDMARK_WORDS,
    LOCATIVE,
    NAME_ABBREVIATIONS,
    NAME_PARTICLES,
    NAME_UNIT_WORDS,
    NEGOTIATION,
    NOT_NAME,
    ORGANISATION,
    PEOPLE_AFTER_WORDS,
    PLACE_AFTER,
    SAYING_VERBS,
    SEA_WORDS,
    SPEAKING_VERBS,
    STREET_NAME_ENDS,
    STREET_WORDS,
    STRONG_LOCATIVE,
    TARGET_LOCATIVE,
    UNIT_WORDS,
    WATER_BEFORE,
    WATER_WORDS,
    WEAPON_NAMES,
    WEAPON_NOUNS,
    Gazetteer,
    GazetteerMention,
    bare_name,
    close_spelling,
    names_actor,
    word_alternation,
)
from contested.metadata import dateline
from contested.nlp import load_nlp
from contested.quantities import find_quantities
from contested.records import Document, Event, Location, Place, PlaceMention
from contested.stages.claims import carry_found
from contested.stages.places import in_story_unit
from contested.stages.tokens import token_at
from contested.textnorm import fold, name_key
from contested.triggers import triggers_in

# NER labels that may name a place; the small model tags some district names as PERSON or ORG.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"})
# "Sher Khan Bandar border crossing", "Bagram airbase": a named facility, kept by name even where no
# gazetteer knows it (its other fields stay null: unknown is null).
# ("the Bab al-Hawa crossing": a word after the first may begin with a particle of ``name_particles``)
FACILITY = re.compile(
    r"\b([A-Z][\w'\u2018\u2019-]+\s(?:(?:(?:" + "|".join(sorted(NAME_PARTICLES[0] | NAME_PARTICLES[1], key=len, reverse=True))
    + r")[-\u2010\u2011])?[A-Z][\w'\u2018\u2019-]+\s){0,3}?)(border crossing|border post|crossing point|crossing|"
    r"dry port|port|air ?base|airfield|airport|military base|base|dam|bridge|checkpoint|border town)\b"
)
FACILITY_FEATURE = {"border crossing": "border_crossing", "border post": "border_crossing", "crossing": "border_crossing",
                    "crossing point": "border_crossing", "dry port": "border_crossing", "port": "border_crossing",
                    "border town": "populated_place"}
# "the Sambisa Forest", "the Nuba Mountains": a natural area named by a name and a capitalised word of ``area_words``
AREA = re.compile(r"\b((?:[A-Z][\w'\u2018\u2019-]+\s){1,3}?)(" + "|".join(
    sorted((w.capitalize() for w in AREA_WORDS), key=len, reverse=True)) + r")\b")
# "the Burshtyn thermal power plant": a word of ``landmark_words`` written in lower case after a name (up to two
# words between), which makes the name a place's
_LANDMARK_NOUN_AFTER = re.compile(r"(?:[ \t]+(?!(?:the|a|an|his|her|their|its|to|of|in|at|on|and|or|was|is|were|are|said|told)\b)"
                                  r"[a-z]+){0,2}?[ \t]+(" + "|".join(sorted(LANDMARK_WORDS, key=len, reverse=True))
                                  + r")\b")
# "the Friendship Bridge at Hairatan": a capitalised word of ``landmark_words`` then "at", before a name
_LANDMARK_AT_BEFORE = re.compile(r"\b[A-Z][\w'\u2019-]*[ \t]+(?:" + "|".join(
    sorted((w.capitalize() for w in LANDMARK_WORDS), key=len, reverse=True)) + r")[ \t]+at[ \t]+\Z")
# "the Friendship Bridge": a capitalised word of ``landmark_words`` after a name
_LANDMARK_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
# "Kunduz police", "the Myanmar military": a place name that says who people are (data/place_words.json people_after)
PEOPLE_AFTER = re.compile(
    r"(?:'s)?\s+(?:provincial\s+|district\s+|local\s+)?(" + word_alternation(PEOPLE_AFTER_WORDS) + r")\b"
)
# "John Smith, 34, of Iowa", "Smith, of Iowa": where a person lives, written after the person's name or
# age, is no event's place.
HOME_BEFORE = re.compile(r"(?:\b\d{1,3}|(?P<name>\w))\s*,\s*(?:of|from)\s+(?:the\s+)?\Z")
# "Naish district", "Mughab district": a name the text says is a district, looked up by its consonants when
# no spelling in the gazetteer matches, then among the districts of the province the sentence names
# (Gazetteer.unit_like).
ADMIN_NAMED = re.compile(
    r"\b((?:[A-Z][\w'\u2018\u2019]+[\s-](?:(?:wa|e|i|ye|al|el|ul)[\s-])?){0,3}[A-Z][\w'\u2018\u2019]+)"
    r"\s+(district|province)\b"
)
# What may stand between "X district" and the province that holds it: "Naish district, Kandahar",
# "the Naish district of Kandahar province".
UNIT_GAP = re.compile(r"[\s,]*(?:\(\w[\w\s]*\)[\s,]*)?(?:of|in)?\s*(?:the\s+)?")
# "the border town of Hairatan", "the port of Sher Khan Bandar": the text says what the name is.
NAMED_OF = re.compile(
    r"\b(border town|border crossing|border post|crossing point|dry port|river port|port|town|village|locality|"
    r"city|district centre|district center|crossing) of ((?:[A-Z][\w'\u2018\u2019]+)"
    r"(?:\s[A-Z][\w'\u2018\u2019]+|[-\u2010\u2011][A-Z][\w'\u2018\u2019]*){0,3})"  # "the town of Ye-U"
)
OF_FEATURE = {"crossing": "border_crossing", "port": "border_crossing", "border post": "border_crossing",
              "border town": "populated_place", "district": "populated_place"}
_NOT_NAMES = frozenset({"The", "A", "An", "Its", "Their", "This", "That", "Taliban", "Afghan", "Government",
                        "Military", "Army", "Police", "Key", "Main", "Strategic", "Important", "Major"})
SPACY_BATCH = 32
# What a name the NER model tags PERSON, ORG or NORP may still be (the small model tags some district names so).
NER_OTHER_FEATURES = frozenset({"district", "province", "border_crossing", "base", "river_port", "airport"})


def _as_date(value, name: str = "published") -> date | None:
    """A publication date from a date, a datetime (its date) or a string (ISO, or as page metadata writes
    dates); None for None or an empty string. ValueError naming ``name`` where it is not a date, or lies
    before 1900 or more than two days after today (metadata.published_problem)."""
    from contested.metadata import parse_published, published_problem

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        value = value.date()
    elif isinstance(value, date):
        value = date(value.year, value.month, value.day)  # a plain date, whatever subclass came in
    elif isinstance(value, str):
        parsed = parse_published(value)
        if parsed is None:
            raise ValueError(f"{name}: not a date: {value[:40]!r} (give a date, a datetime or YYYY-MM-DD)")
        value = parsed
    else:
        raise ValueError(f"{name}: not a date: {type(value).__name__} {str(value)[:40]!r} (give a date, a datetime or YYYY-MM-DD)")
    if (problem := published_problem(value, name)) is not None:
        raise ValueError(problem)
    return value


@lru_cache(maxsize=1)
def _peoples() -> frozenset[str]:
    """Names of peoples that are not words of nationality (data/peoples.json), folded."""
    data = json.loads((Path(__file__).with_name("data") / "peoples.json").read_text(encoding="utf-8"))
    return frozenset(fold(w) for w in data["peoples"])


def _names_people(gaz: Gazetteer, text: str) -> bool:
    """A word that names forces or people, not a place: a word of nationality ("Afghan troops", data/demonyms.json)
    or the name of a people ("Pashtun elders", data/peoples.json), singular or plural ("Tajiks", "Hazaras")."""
    folded = fold(text)
    if folded in _peoples() or gaz.is_demonym(text) or names_actor(text):
        return True
    return folded.endswith("s") and len(folded) > 3 and (folded[:-1] in _peoples() or gaz.is_demonym(text[:-1]))


def _place_mentions(gaz: Gazetteer, sdoc, text: str, ents: tuple | None = None) -> list[PlaceMention]:
    """Gazetteer matches in the text, plus NER entities the gazetteer knows under another spelling. ``ents``:
    ``sdoc.ents`` where the caller has them (spaCy builds them again on every access)."""
    ents = sdoc.ents if ents is None else ents
    mentions = [m for m in gaz.find(text) if not _names_people(gaz, m.text)]
    mentions = _with_particles(gaz, text, mentions)
    mentions = _with_abbreviations(gaz, text, mentions)
    covered = bytearray(len(text) + 1)  # characters already inside a found name
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    for ent in ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        if any(covered[ent.start_char:ent.end_char]) or _names_people(gaz, ent.text):
            continue
        if gaz.not_a_name(ent.text):
            continue
        candidates = gaz.lookup(ent.text)
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            # a name the model calls a person or an organisation is a place only as a district or province
            candidates = [p for p in candidates if p.feature in NER_OTHER_FEATURES]
        if candidates:
            mentions.append(PlaceMention(ent.start_char, ent.end_char, ent.text, candidates, from_ner=True))
            covered[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
    for m in ADMIN_NAMED.finditer(text):
        # the longest run of name words first ("Keran wa Menjan district"), then shorter ones ("In Naish"); not
        # one that begins with a preposition or an ordinary word ("In Chiúre district": "In Chiúre" is no
        # district that sounds like it)
        e = m.end(1)
        starts = [m.start(1)]
        for w in re.finditer(r"\S+", m.group(1)):  # "In Naish district": words that are never names go
            folded = fold(w.group())
            if folded not in NOT_NAME:
                break
            if folded in LOCATIVE or folded in HARD_STOP:
                starts = [st for st in starts if st > m.start(1) + w.start()]
            starts.append(m.start(1) + w.end() + 1)
        for s in starts:
            inside = [x for x in mentions if s <= x.start and x.end <= e]
            if any(x.start == s and x.end == e for x in inside) or any(
                covered[k] for k in range(s, e) if not any(x.start <= k < x.end for x in inside)
            ):
                break  # known under this spelling, or part of a longer name
            name = text[s:e]
            candidates = gaz.sounds_like(name, m.group(2))
            if not candidates:
                # a spelling nobody lists: the closest unit of the province (or country) the text puts it in
                unit = gaz.unit_like(name, m.group(2), _units_around(text, mentions, m.end(), m.group(2)))
                candidates = [unit] if unit is not None else []
            if candidates:
                mentions = [x for x in mentions if x not in inside]
                mentions.append(GazetteerMention(s, e, name, candidates, hint=m.group(2).lower()))
                covered[s:e] = b"\x01" * (e - s)
                break
    mentions.sort(key=lambda m: m.start)
    mentions = _region_after(gaz, text, mentions)
    return _not_places(gaz, sdoc, text, mentions, ents)


@lru_cache(maxsize=1)
def _region_abbreviations() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """data/region_abbreviations.json: the abbreviations of first-level regions written after a town."""
    data = json.loads((Path(__file__).with_name("data") / "region_abbreviations.json").read_text("utf-8"))
    table = {a: (cc, name) for cc, rows in data.items() if not cc.startswith("_") for a, name in rows.items()}
    words = sorted(table, key=len, reverse=True)
    pattern = re.compile(r",[ \t\u00a0]*(" + "|".join(re.escape(w) for w in words) + r")(?![\w.])")
    return pattern, table


def _take_region(gaz: Gazetteer, hit: re.Match, table: dict[str, tuple[str, str]],
                 out: list[PlaceMention]) -> tuple[Place | None, list[PlaceMention]]:
    """The region an abbreviation names ("Pa."), and the mentions with it in place of what overlapped it."""
    cc, name = table[hit.group(1)]
    region = gaz.match_province(name, cc)
    if region is None:
        return None, out
    s, e = hit.start(1), hit.end(1)
    out = [x for x in out if x.end <= s or x.start >= e]
    out.append(GazetteerMention(s, e, hit.group(1), [region], hint="province"))
    return region, out


def _region_after(gaz: Gazetteer, text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "Tyrone, Pa.", "Houston, Texas", "St. Louis, MO": a place name followed by a comma and its region
    (written out or abbreviated) is read inside that region; the abbreviation is the region, not a town that
    sounds like it."""
    pattern, table = _region_abbreviations()
    out = list(mentions)
    ends = {m.end for m in mentions}
    for hit in pattern.finditer(text):
        # after a town the gazetteer does not know ("Bokoshe, Ark."): still the region
        if hit.start() in ends or not re.search(r"[A-Z][\w.'’-]*\Z", text[max(0, hit.start() - 30):hit.start()]):
            continue
        _, out = _take_region(gaz, hit, table, out)
    for m in sorted(out, key=lambda x: x.start):
        # (by identity first: the mentions' own equality compares every field, readings included)
        if not any(map(operator.is_, out, repeat(m))) and m not in out:
            continue
        region = None
        hit = pattern.match(text, m.end)
        if hit is None:
            out = _within_units(text, m, out, gaz)  # "Houston, Texas", "Mand town (Kech district, Balochistan)"
            continue
        region, out = _take_region(gaz, hit, table, out)
        if region is None:
            continue
        inside = [p for p in m.candidates if p.country_code == region.country_code
                  and p.feature != "province" and fold(p.admin1 or "") == fold(region.name)]
        if inside:
            k = out.index(m)
            out[k] = dataclasses.replace(m, candidates=inside)
    out.sort(key=lambda x: x.start)
    return out


# What stands between a place and the unit written after it to say where it lies: "Mand town (Kech district,
# Balochistan)", "Tudun Wada (Kaduna North LGA, Kaduna)", "Jalawla district of Kirkuk province", "Luhei of the
# Maramures county", "El Callao, Bolivar state".
_UNITS = word_alternation(UNIT_WORDS)  # data/place_words.json unit_words
_UNIT_AFTER = re.compile(
    r"(?:[ \t]+(?:" + _UNITS + r"))?[ \t]*(?:\(|[ \t]of[ \t]+(?:the[ \t]+)?|,)[ \t]*",
    re.IGNORECASE,
)
# "Piatykhatky in the Zaporizhzhia region", "Kingi, in Masisi territory": the unit put after "in", taken only for
# the place itself (``_within_units``), not for the next link of a chain of units
_UNIT_IN_AFTER = re.compile(r"(?:[ \t]+(?:" + _UNITS + r"))?[ \t]*,?[ \t]in[ \t]+(?:the[ \t]+)?[ \t]*", re.IGNORECASE)
_UNIT_NEXT = re.compile(r"(?:[ \t]+(?:district|province|state|region|county|LGA|governorate|department|territory))?"
                        r"[ \t]*,[ \t]*", re.IGNORECASE)
_UNIT_FEATURES = {"country": 0, "province": 1, "district": 2}
# the words a package's unit name may add after the name as written (data/place_words.json unit_words and
# name_unit_words, folded): "Masisi Territory", not "Masisi Bay"
_UNIT_NAME_WORDS = frozenset(fold(w) for w in UNIT_WORDS | NAME_UNIT_WORDS)


def _unit_readings(m: PlaceMention) -> list[Place]:
    """The readings of a mention as a unit that holds places (a country, province or district), spelt close to
    the text; only the kind the text calls it where it says ("Kirkuk province")."""
    written = fold(bare_name(m.text))
    hint = getattr(m, "hint", None)
    units = [p for p in m.candidates if p.feature in _UNIT_FEATURES
             and (p.feature == "country" or close_spelling(fold(p.name), written)
                  # "Masisi" for the unit the package calls "Masisi Territory": the one word more is a unit word
                  or (fold(p.name).startswith(written + " ") and len(fold(p.name).split()) == len(written.split()) + 1
                      and fold(p.name).rsplit(" ", 1)[-1] in _UNIT_NAME_WORDS))]
    if hint in _UNIT_FEATURES:
        units = [p for p in units if p.feature == hint] or units
    return units


def _holds(unit: Place, p: Place) -> bool:
    if p.key == unit.key or p.country_code != unit.country_code or not p.country_code:
        return False
    if unit.feature == "country":
        return p.feature != "country"
    if unit.feature == "province":
        return p.feature not in ("country", "province") and fold(p.admin1 or "") == fold(unit.name)
    return p.feature not in ("country", "province", "district") and fold(p.admin1 or "") == fold(unit.admin1 or "")


_LAST_IN_BRACKETS = re.compile(r"[^()\n]{1,80}?,[ \t]*")
_BRACKET_END = re.compile(r"(?:[ \t]+(?:district|province|state|region|county|LGA|governorate|department|"
                          r"territory|prefecture))?[ \t]*\)", re.IGNORECASE)


def _last_unit_in_brackets(text: str, start: int, out: list[PlaceMention]) -> PlaceMention | None:
    """The last name inside brackets that open at ``start`` where what comes first is no name found
    ("(Awutu Efutu Senya, Central)": Central), else None."""
    gap = _LAST_IN_BRACKETS.match(text, start)
    if gap is None:
        return None
    last = next((x for x in out if x.start == gap.end()), None)
    while last is None and (gap := _LAST_IN_BRACKETS.match(text, gap.end())) is not None:
        last = next((x for x in out if x.start == gap.end()), None)
    if last is None or _BRACKET_END.match(text, last.end) is None:
        return None
    if any(start <= x.start < last.start for x in out):
        return None  # a name found before it: the chain as written decides
    return last


def _within_units(text: str, m: PlaceMention, out: list[PlaceMention],
                  gaz: Gazetteer | None = None) -> list[PlaceMention]:
    """A place followed by the units that hold it ("Mand town (Kech district, Balochistan)", "Tudun Wada (Kaduna
    North LGA, Kaduna)", "El Callao, Bolivar state", "Luhei of the Maramures county") is read inside them: its
    readings there are kept, and the units' readings that hold none of them dropped (Bolivar: the Venezuelan
    state, not the Colombian department). A district none of whose readings lies in the province written after
    it gives way to the province. Where no reading lies inside, nothing changes (the notes' units are sometimes
    wrong). A list of places of one kind ("Kunduz, Takhar") and a place and its own unit ("Formosa (Formosa)")
    are left as they are."""
    gap = _UNIT_IN_AFTER.match(text, m.end) or _UNIT_AFTER.match(text, m.end)
    if gap is None:
        return out
    nxt = next((x for x in out if x.start == gap.end()), None)
    if nxt is None and text[gap.start():gap.end()].strip() == "(":
        # "Kasoa (Awutu Efutu Senya, Central)": a district no package knows, then its province: the province
        nxt = _last_unit_in_brackets(text, gap.end(), out)
    hint = getattr(nxt, "hint", None)
    if nxt is not None and hint and hint not in _UNIT_FEATURES and name_key(bare_name(nxt.text)) == name_key(m.text):
        # "Muse town (Muse township, Muse district, Shan State)": the town's own township, named like it, then
        # the units that hold both: those decide
        more = _UNIT_AFTER.match(text, nxt.end)
        nxt = next((x for x in out if x.start == more.end()), None) if more is not None else None
        hint = getattr(nxt, "hint", None)
    if nxt is None or not (units := _unit_readings(nxt)):
        return out
    if (name_key(nxt.text) == name_key(m.text) and hint is None) or (hint and hint not in _UNIT_FEATURES):
        # "Formosa (Formosa)": the town and the unit named after it, each read as it is; "Kalaw town (Kalaw
        # township, ...)": what the text calls a town is not a unit
        return out
    chain = [(nxt, units)]
    more = _UNIT_NEXT.match(text, nxt.end)
    if more is not None and (n2 := next((x for x in out if x.start == more.end()), None)) is not None:
        if u2 := _unit_readings(n2):
            chain.append((n2, u2))
    # the same unit named twice ("Merida, Merida state": the town named like its region) is not a list
    unit_keys = {u.key for _, us in chain for u in us}
    unit_countries = {u.country_code for u in units}
    levels = {p.feature for p in m.candidates if p.key not in unit_keys and p.country_code in unit_countries}
    if len(chain) == 1 and text[gap.start():gap.end()].strip() == "," and any(
            _UNIT_FEATURES.get(f, 9) <= min(_UNIT_FEATURES[u.feature] for u in units) for f in levels):
        return out  # a place of the same kind or larger in that country: "Kunduz, Takhar" (a list)
    if len(chain) == 2:
        # "(Kech district, Balochistan)": the district's readings inside the province's
        outer = chain[1][1]
        inner = [u for u in chain[0][1] if any(_holds(o, u) for o in outer)]
        if inner:
            chain = [(chain[0][0], inner), (chain[1][0], [o for o in outer if any(_holds(o, u) for u in inner)])]
        else:
            chain = chain[1:]  # a district no reading of which lies in the province: the province alone
    inside = [p for p in m.candidates if all(any(_holds(u, p) for u in us) for _, us in chain)]
    if not inside and len(chain) == 2 and len({u.country_code for u in chain[0][1]}) == 1:
        # "Mand town (Kech district, Balochistan)": a district and the province that holds it agree, and no
        # reading of the name lies there: a place the gazetteer does not know, inside them (the district
        # places the event), not a same-named town elsewhere
        return [x for x in out if x is not m]
    outer_m = chain[-1][0]
    outer_any = [u for u in outer_m.candidates if u.feature in _UNIT_FEATURES]
    if getattr(outer_m, "hint", None) in _UNIT_FEATURES:
        outer_any = [u for u in outer_any if u.feature == outer_m.hint] or outer_any
    last = {u.country_code for u in outer_any}
    written = fold(bare_name(m.text))
    if not inside and len(last) == 1 and getattr(outer_m, "hint", None) in _UNIT_FEATURES and not any(
            p.country_code in last or (fold(p.name) == written and p.population >= 5_000) for p in m.candidates):
        # "Muse town (Muse Township, Muse District, Shan State)": no reading of the name lies even in the
        # country of the unit that holds it (one the text calls a unit, of one country under any spelling; not
        # "Tani (Ismail Khel)", a reading of which is Ismailia in Egypt), nor is a town of
        # some size spelt as written: a place the gazetteer does not know there, not Mus in Turkey
        return [x for x in out if x is not m]
    gap_word = text[gap.start():gap.end()].strip(" \t,").lower()
    if (not inside and len(chain) == 1 and gaz is not None and hint == "province"
            and (short := gaz.district_starting(bare_name(m.text), units)) is not None):
        # "Nawa district of Helmand province": the Nawa the packages know is Ghazni's; the text's is the
        # district of Helmand whose name it shortens (Nawah-ye Barakzai)
        out[out.index(m)] = dataclasses.replace(m, candidates=[short])
        return out
    if (not inside and len(chain) == 1 and gap_word.startswith("in") and hint in ("province", "district")
            and (own := [p for p in m.candidates if p.country_code in unit_countries])
            # (a district in a district is a place the text means inside it: "near Kibumba, in Nyiragongo
            # territory" is not the Kibombo territory; a province in a province is another story)
            and all(_UNIT_FEATURES.get(p.feature, 9) > _UNIT_FEATURES[hint] or p.feature == hint == "district"
                    for p in own)):
        # "the village of Piatykhatky in the Zaporizhzhia region": the text puts the place in a unit it calls
        # one, and no reading of the name lies there, only a namesake in another unit of that country: a place
        # the gazetteer does not know, in the unit the text names, not the namesake; named again later with
        # no other reading, it is that place again (``_named_again``), not the namesake either
        ruled_out = {p.key for p in m.candidates}
        return [x for x in out if x is not m and not (
            x.start > m.start and name_key(x.text) == name_key(m.text) and getattr(x, "hint", None) is None
            and {p.key for p in x.candidates} <= ruled_out)]
    if inside:
        k = out.index(m)
        out[k] = dataclasses.replace(m, candidates=inside)
        for unit_m, us in chain:
            kept = [u for u in us if any(_holds(u, p) for p in inside)]
            if kept and len(kept) < len(unit_m.candidates) and unit_m in out:
                out[out.index(unit_m)] = dataclasses.replace(unit_m, candidates=kept)
        return out
    return out


_STREET_AFTER = re.compile(r"[ \t]+([A-Za-z]+)\.?")
# the words before a name that say it is a place, more surely than "of" or "from" ("in memory of Alex")
_STRONG_LOCATIVE = re.compile(r"\b(?:" + word_alternation(STRONG_LOCATIVE) + r")[ \t]+$")  # data/place_words.json
_BRIDGE_AFTER = re.compile(r"[ \t]+bridge\b", re.IGNORECASE)
_FACILITY_AFTER = re.compile(r"[ \t]+(?:road[ \t]+|railway[ \t]+)?(?:bridge|airport|airfield|dam|checkpoint)\b",
                             re.IGNORECASE)
_STREET_AFTER_WORD = re.compile(r"[ \t]+([A-Z][a-z]+)[ \t]+([A-Za-z]+)\.?")  # "Turkey Run Road"
# a particle inside a name: "al-", "ez-"; those that are not English words also before a space ("Wadi al Washka"),
# the others only before a hyphen ("Tall at-Tamr", not "Detroit at East 7 Mile Road")
_PARTICLE = (r"(?:(?:" + "|".join(sorted(NAME_PARTICLES[0] | NAME_PARTICLES[1], key=len, reverse=True))
             + r")[-\u2010\u2011]|(?:" + "|".join(sorted(NAME_PARTICLES[0], key=len, reverse=True)) + r") )")
# "Wadi al-Rabi", "Ain Issa", "Jabal al-Zawiya": what follows a name when the name goes on
_GLUE = r"(?:[ \t]|[ \t]?[-\u2010\u2011][ \t]?)"
_NAME_GOES_ON = re.compile(_GLUE + r"(?:" + _PARTICLE + r")?[A-Z]")
# "Deir ez-Zor": a name's last word after a particle; the name written with its particles
_PARTICLE_NAME = re.compile(r"\b[A-Z][\w'\u2019]*(?:" + _GLUE + _PARTICLE + r"[A-Z][\w'\u2019]*)+")
_PARTICLE_BEFORE = re.compile(r"\b[A-Z][\w'\u2019]*" + _GLUE + _PARTICLE + r"$")
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _with_particles(gaz: Gazetteer, text: str, mentions: list) -> list:
    """A name written with a particle the name finder does not join ("Deir ez-Zor") is looked up whole; where
    the gazetteer knows it, it replaces the parts found inside it ("Deir", "Zor")."""
    for hit in _PARTICLE_NAME.finditer(text):
        s, e = hit.span()
        if any(m.start == s and m.end == e for m in mentions):
            continue
        candidates = gaz.lookup(hit.group())
        if candidates:
            mentions = [m for m in mentions if m.end <= s or m.start >= e]
            mentions.append(GazetteerMention(s, e, hit.group(), candidates))
    mentions.sort(key=lambda m: m.start)
    return mentions


_ABBREVIATION_BEFORE = re.compile(r"(?<![\w.])(" + "|".join(sorted(NAME_ABBREVIATIONS, key=len, reverse=True))
                                  + r")\.?[ \t]+$", re.IGNORECASE)


def _with_abbreviations(gaz: Gazetteer, text: str, mentions: list) -> list:
    """"St. Louis County", "Ft. Worth": a name after a shortened first word is the longer name, looked up with
    the word written out (data/place_words.json, name_abbreviations); where no package knows it whole, the part
    is no place of its own (not Louisa County, which the lossy key joins to "Louis County")."""
    out = []
    for m in mentions:
        hit = _ABBREVIATION_BEFORE.search(text, max(0, m.start - 6), m.start)
        if hit is None:
            out.append(m)
            continue
        full = NAME_ABBREVIATIONS[hit.group(1).lower()] + " " + m.text
        written = fold(bare_name(full))
        candidates = [p for p in gaz.lookup(full) if close_spelling(fold(p.name), written)]
        if candidates:
            out.append(GazetteerMention(hit.start(1), m.end, text[hit.start(1):m.end], candidates,
                                        hint=getattr(m, "hint", None)))
    return out


def _part_of_longer_name(text: str, m: PlaceMention) -> bool:
    """A name that is only a part of a longer one no package knows: a word that begins many names ("Wadi",
    "Ain", "Deir": data/place_words.json ``generic_first``) followed by more of the name ("Wadi al-Rabi",
    "Ain Issa", "Jabal al-Zawiya"); the word after a particle ("Deir ez-Zor"). A town followed by a particle
    and a word stays ("Daraa al-Balad": a part of the town, which ACLED codes at the town)."""
    if fold(m.text) in GENERIC_FIRST and _NAME_GOES_ON.match(text, m.end):
        return True
    generic = _WORD_BEFORE.search(text, max(0, m.start - 20), m.start)
    if generic is not None and fold(generic.group(1)) in GENERIC_FIRST:
        return True  # "the Souq Libya market", "Bab Tripoli": the later word of a name begun by a generic word
    return _PARTICLE_BEFORE.search(text[max(0, m.start - 30):m.start]) is not None


_WORD_BEFORE = re.compile(r"\b([A-Z][\w'\u2019]*)[ \t]+$")
# "the Tigray People's Liberation Front": capitalised words after a name up to a word of ``organisation``
_ORGANISATION_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'\u2019-]*){1,4}[ \t]+(" + "|".join(
    sorted((w.capitalize() for w in ORGANISATION), key=len, reverse=True)) + r")\b")


def _heads_organisation_name(text: str, m: PlaceMention) -> bool:
    """The name begins an organisation's name of several words ending in a word of ``organisation``, whatever the
    parser calls it ("the Tigray People's Liberation Front", "Kachin Independence Army"): the name is part of the
    organisation's, not the place of anything (not one word of organisation alone: "Pakistan Army")."""
    return _ORGANISATION_AFTER.match(text, m.end) is not None


_NAME_WORD_AFTER = re.compile(r"[ \t\u00a0]+([A-Z][a-z]+)\b(?![-'’])")


def _first_of_unknown_name(text: str, m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """A one-word name with no reading spelt as written, followed by a capitalised word that goes on with the
    name ("Melina Torres", "Fort Riley"): the first word of a name no package knows (a person's, a post's),
    not a place another spelling of the word names (Millen, Forto); not one followed by a word of place
    ("Kabol Province") or by another place ("Kandahar Herat highway")."""
    if " " in m.text.strip() or getattr(m, "from_ner", False):
        return False
    written = fold(bare_name(m.text))
    if any(fold(p.name) == written or fold(bare_name(p.name)) == written for p in m.candidates):
        return False
    return _name_goes_on(text, m, mentions)


def _name_goes_on(text: str, m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """A capitalised word that goes on with the name follows it ("Melina Torres", "Boko Haram"): not a word of
    place ("Kabol Province"), nor another place ("Kandahar Herat highway")."""
    nxt = _NAME_WORD_AFTER.match(text, m.end)
    if nxt is None:
        return False
    word = fold(nxt.group(1))
    if word in PLACE_AFTER or word in NOT_NAME or word in HARD_STOP or word in NAME_UNIT_WORDS:
        return False
    return not any(x.start == nxt.start(1) for x in mentions)


def _lossy_reading(text: str, m: PlaceMention, loc: Location | None, mentions: list[PlaceMention]) -> bool:
    """The reading of a one-word name is no spelling of it, only a name the lossy key joins to it ("his mother
    Lori": Luray, Virginia), and nothing in the text uses the word as a place ("in", "near", a place beside it,
    a hint such as "district"). (The caller drops only a word the parser tags a person: a reading may be
    reached through another spelling of the package's that its name does not show, "Ghorband" / Siyahgird
    Ghorband.)"""
    if loc is None or " " in m.text.strip() or getattr(m, "hint", None) or getattr(m, "from_ner", False):
        return False
    written = fold(bare_name(m.text))
    if close_spelling(fold(bare_name(loc.name)), written) or close_spelling(fold(loc.name), written):
        return False
    return not _used_as_place(text, m, mentions)


def _lossy_first_word(text: str, m: PlaceMention, loc: Location | None, mentions: list[PlaceMention]) -> bool:
    """A one-word name read only through another spelling (not as written: Boki for "Boko"), and followed by a
    capitalised word that goes on with the name ("a gathering of Boko Haram commanders": Boki, Nigeria): the
    first word of a longer name no package knows, not that place, even after "of" or "in"."""
    if loc is None or " " in m.text.strip() or getattr(m, "hint", None) or getattr(m, "from_ner", False):
        return False
    written = fold(bare_name(m.text)).lower()
    if fold(bare_name(loc.name)).lower() == written or fold(loc.name).lower() == written:
        return False
    return _name_goes_on(text, m, mentions)


def _inside_organisation(text: str, m: PlaceMention, ents: tuple, written: str) -> bool:
    """A name inside an organisation's or a building's name, not the place of anything: a later word of it that
    no reading spells as written ("National Guard", "Ministry of Labor", "Donbass People's Militia": lossy
    readings Guarda, Laborie, Milicia), or the first word of an organisation named by a word of
    ``organisation`` ("the Papa Group", "Badr Organization")."""
    for e in ents:
        if e.label_ not in ("ORG", "FAC") or not (e.start_char <= m.start and m.end <= e.end_char) or (
                (e.start_char, e.end_char) == (m.start, m.end)):
            continue
        lead = text[e.start_char:m.start]
        if any(c in lead for c in ",;()/&"):
            continue  # an entity that runs over a list of names ("Khwaja Umar, Muqur, Gelan districts")
        first = e.start_char == m.start or lead.strip().lower() in ("the", "")
        if not first and not any(fold(p.name) == written for p in m.candidates):
            return True
        if e.label_ == "ORG" and first:
            nxt = _NEXT_WORD.match(text, m.end)
            if nxt is not None and nxt.end() <= e.end_char and nxt.group(1).lower() in ORGANISATION:
                return True
            last = text[m.end:e.end_char].split()
            if len(last) >= 2 and last[-1].lower() in ORGANISATION:
                return True  # "the Kachin Independence Army": an organisation named after the place
    return False


def _not_places(gaz: Gazetteer, sdoc, text: str, mentions: list[PlaceMention],
                ents: tuple | None = None) -> list[PlaceMention]:
    """Names that are not the place of anything, or not this place:
    - part of a person's name as the parser reads it ("Kevin McDonald"), or a one-word person with nothing
      saying it is a place (no "X district", no "in X", no district or province of that spelling);
    - a street ("Edwards Street");
    - a capital or a country that stands for its government: the subject of a verb of saying or deciding
      ("Kabul said", "Moscow denied") or a party to talks ("talks between Kabul and the Taliban"): that
      country, as a country (not a town, not the event's place)."""
    ents = sdoc.ents if ents is None else ents
    persons = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
    org_ents = tuple(e for e in ents if e.label_ in ("ORG", "FAC"))  # the only ones _inside_organisation reads
    # words of the people the text names in full ("Keith Williams"): alone elsewhere ("Williams said") they
    # are that person, not a town of that name
    person_words = {
        fold(re.sub(r"['’]s?$", "", w))
        for e in ents
        if e.label_ == "PERSON" and sum(w[:1].isupper() for w in e.text.split()) >= 2
        for w in e.text.split()
        if w[:1].isupper()
    }
    out: list[PlaceMention] = []
    rivers = _river_keys(text, mentions)
    # names the text uses as places somewhere ("around Sake", "Sake, the last large town"): a word the parser
    # reads as a common noun elsewhere ("had fled Sake") is still that place there
    as_place = {name_key(n.text) for n in mentions if " " not in n.text.strip() and (
        getattr(n, "hint", None) or _APPOSITION.match(text, n.end)
        or _STRONG_LOCATIVE.search(text, max(0, n.start - 10), n.start))}
    for m in mentions:
        hint = getattr(m, "hint", None)
        if _water_or_weapon(sdoc, text, m, mentions, rivers):
            continue
        if " " not in m.text.strip() and (
            _part_of_longer_name(text, m) or (not hint and _inside_organisation(text, m, org_ents, fold(m.text)))
        ):
            continue
        if not hint and _heads_organisation_name(text, m):
            continue
        if not hint and _first_of_unknown_name(text, m, mentions):
            continue  # "Melina Torres", "Fort Riley": only another spelling of its first word is a place
        after = _STREET_AFTER.match(text, m.end)
        if after and after.group(1).lower() in STREET_WORDS and not hint and not _BRIDGE_AFTER.match(text, after.end()):
            continue  # "Edwards Street"; not "the Chonhar road bridge", the bridge at Chonhar
        after = _STREET_AFTER_WORD.match(text, m.end)
        if (after and after.group(2).lower() in STREET_NAME_ENDS and not hint and " " not in m.text.strip()
                and not any(fold(p.name) == fold(after.group(1)) for p in gaz.lookup(after.group(1)))):
            continue  # "Turkey Run Road": the first word of a street's name (not "Kandahar Herat highway")
        if not hint and " " not in m.text.strip() and _person_word(gaz, sdoc, text, m, mentions, person_words) and (
                name_key(m.text) not in as_place or fold(bare_name(m.text)) in person_words):
            continue
        person = next(((s, e) for s, e in persons if s <= m.start and m.end <= e), None)
        if person is not None and not hint and not getattr(m, "from_ner", False):
            # a country, province or district spelt as written stays (the small model tags some of them
            # PERSON, and they tell which country the article is about)
            written = name_key(bare_name(m.text))
            admin = any(p.feature in ("country", "province", "district") and name_key(p.name) == written
                        for p in m.candidates)
            rest = text[person[0]:m.start] + " " + text[m.end:person[1]]
            part = any(w[:1].isupper() for w in rest.split())  # other capitalised words: "Kevin McDonald"
            # (a name the text uses as a place elsewhere, "in Sake", is that place here too: "had fled Sake")
            if not admin and (part or not (_placed_as_place(gaz, text, m, mentions)
                                           or name_key(m.text) in as_place)):
                continue  # a part of a person's name, or a person with nothing saying it is a place
        country = _government(gaz, sdoc, text, m)
        if country is not None:
            m = PlaceMention(m.start, m.end, m.text, [country], from_ner=getattr(m, "from_ner", False))
        out.append(m)
    return out


_WATER_AFTER = re.compile(r"[ \t\u00a0]+(?:" + "|".join(re.escape(w) for w in sorted(WATER_WORDS, key=len, reverse=True))
                          + r")(?![\w'’])", re.IGNORECASE)
_WATER_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(WATER_WORDS, key=len, reverse=True))
                           + r")[ \t\u00a0]+$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\bthe[ \t\u00a0]+$", re.IGNORECASE)
_BANK_BEFORE = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(WATER_BEFORE, key=len, reverse=True))
                          + r")[ \t\u00a0]+$", re.IGNORECASE)


def _on_the_bank(text: str, m: PlaceMention) -> bool:
    """ "on the far bank of the Dnipro": a river, where the text does not call the name a unit ("the left bank
    of the Kherson region": that region's mention has a hint)."""
    return getattr(m, "hint", None) is None and _BANK_BEFORE.search(text, max(0, m.start - 25), m.start) is not None


def _river_keys(text: str, mentions: list[PlaceMention]) -> set[str]:
    """The names the text calls a river ("the Dnipro river", "along the Inhulets river", "the river Niger")."""
    return {name_key(m.text) for m in mentions
            if _WATER_AFTER.match(text, m.end) or _WATER_BEFORE.search(text, max(0, m.start - 20), m.start)
            or _on_the_bank(text, m)}


def _water_or_weapon(sdoc, text: str, m: PlaceMention, mentions: list[PlaceMention], rivers: set[str]) -> bool:
    """A name that is not a place here: a river ("the Dnipro river"; "across the Dnipro" where the text calls
    the Dnipro a river), or a weapon (a name that qualifies a weapon noun, "Grad rockets", "Grad multiple rocket
    launchers", read from the parse; a weapon's name, "Himars", unless the text uses it as a place). Word lists:
    ``water_words``, ``weapon_nouns``, ``weapon_names`` in data/place_words.json. A reading the user added as a
    river stays."""
    if any(p.feature == "river" for p in m.candidates):
        return False
    hint = getattr(m, "hint", None)
    if hint == "river" or _WATER_AFTER.match(text, m.end) or _WATER_BEFORE.search(text, max(0, m.start - 20), m.start):
        return True
    if _on_the_bank(text, m):
        return True
    words = fold(m.text).split()
    if hint is None and words and (words[0] in SEA_WORDS or words[-1] in SEA_WORDS) and (
            _THE_BEFORE.search(text, max(0, m.start - 8), m.start)):
        return True  # "in the Red Sea", "the Gulf of Aden": the water, not a unit named after it
    if hint is None and name_key(m.text) in rivers and _THE_BEFORE.search(text, max(0, m.start - 8), m.start):
        return True  # "across the Dnipro": the river the text names elsewhere
    if hint is None and fold(m.text) in WEAPON_NAMES and not _used_as_place(text, m, mentions):
        return True
    if hint is not None:
        return False
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    for _ in range(4):  # up through the words the name qualifies: "Grad multiple rocket launchers"
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.head.i == tok.i or tok.head.i < tok.i:
            break
        tok = tok.head
    return tok.i != span.root.i and tok.lower_ in WEAPON_NOUNS


_BESIDE = re.compile(r"\s*(?:,|\(|\)\s*,?|/)\s*")
_NEXT_NAME = re.compile(r"[ \t\u00a0]([A-Z][\w'’.-]*)")
_PLACE_ENTS = ("GPE", "LOC", "FAC", "ORG", "NORP")


def _taken_place(tok) -> str | None:
    """The parse makes the word what a capture takes: the object of overrunning, storming, retaking
    (``TAKE_PLACE_LEMMAS``: "place"), or of capturing, seizing (``TAKE_LEMMAS``, which a person undergoes too:
    "person or place"), or the subject of the passive ("Jalalabad was overrun"), or of falling ("Jalalabad
    fell"). None otherwise."""
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    if not (tok.dep_ in ("dobj", "nsubjpass") or (tok.dep_ == "nsubj" and lemma == "fall")):
        return None
    return "place" if lemma in TAKE_PLACE_LEMMAS else "person or place" if lemma in TAKE_LEMMAS else None


def _person_word(gaz: Gazetteer, sdoc, text: str, m: PlaceMention, mentions: list[PlaceMention],
                 person_words: set[str]) -> bool:
    """A one-word name that is a word of a person's name here, not a place: a word of a person the text
    names in full ("Williams" after "Keith Williams"), a first name followed by a capitalised word the
    parser does not take for part of a place or organisation ("Curtis Peterson"), or a word the parser
    does not read as a proper noun at all ("Once outside", "Early Saturday"). Not where the text uses it
    as a place ("in Tyrone", "Tyrone, Pa.") or names a country or province so spelt."""
    if _used_as_place(text, m, mentions):
        return False
    written = fold(bare_name(m.text))
    if any(p.feature in ("country", "province") and fold(p.name) == written for p in m.candidates):
        return False
    if written in person_words:
        return True
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    taken = _taken_place(tok)
    if taken and any(p.feature in ("populated_place", "district") and fold(p.name) == written
                     and (taken == "place" or p.population >= settings().places.taken_town_population)
                     for p in m.candidates):
        return False  # "Rebels overran Jalalabad": what a capture takes is a place (a person too is captured:
        # there, a large town only)
    if tok.ent_type_ in _PLACE_ENTS or getattr(m, "from_ner", False):
        return False
    if tok.pos_ not in ("PROPN", "X") or tok.ent_type_ == "PERSON":
        return True
    nxt = _NEXT_NAME.match(text, m.end)
    return nxt is not None and nxt.group(1).lower().rstrip(".") not in NOT_NAME and (
        not tok.ent_type_ or tok.ent_type_ == "PERSON"
    ) and fold(nxt.group(1).rstrip(".")) not in PLACE_AFTER


# "Mekelle, the capital of ...", "Djibo, a besieged town in ...": what the text says the name is (a place noun
# after the article and at most three words, then a word that goes on with where it lies).
_APPOSITION = re.compile(
    r",[ \t\u00a0]+(?:the|a|an)[ \t\u00a0]+(?:[\w-]+[ \t\u00a0]+){0,3}?(?:"
    + "|".join(sorted(APPOSITION_NOUNS, key=len, reverse=True)) + r")[ \t\u00a0]*(?:[,.;)]|(?:"
    + "|".join(sorted(APPOSITION_AFTER, key=len, reverse=True)) + r")\b)", re.IGNORECASE)


def _used_as_place(text: str, m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """After "in", "near", "of" ...; written beside another place ("Rutshuru, Nord-Kivu"); or described as one
    ("Mekelle, the capital of the Tigray region", "Kobo, a town in North Wollo")."""
    before = text[max(0, m.start - 12):m.start].split()
    if before and (before[-1].lower() in LOCATIVE or before[-1].lower() in TARGET_LOCATIVE):
        return True
    if _FACILITY_AFTER.match(text, m.end):
        return True  # "the Chonhar road bridge", "Kunduz airport": a place's bridge or airport
    if _LANDMARK_NOUN_AFTER.match(text, m.end):
        return True  # "the Burshtyn thermal power plant", "the Kostiantynivka market": a place's landmark
    if _APPOSITION.match(text, m.end):
        return True  # "Mekelle, the capital of the Tigray region", "Wegeltena, a town in South Wollo zone"
    for n in mentions:
        if n is m:
            continue
        if (n.start >= m.end and _BESIDE.fullmatch(text, m.end, n.start)) or (
            n.end <= m.start and _BESIDE.fullmatch(text, n.end, m.start)
        ):
            return True
    return False


def _placed_as_place(gaz: Gazetteer, text: str, m: PlaceMention, mentions: list[PlaceMention]) -> bool:
    """A one-word name the parser calls a person is still a place where the text uses it as one: after "in",
    "near", "of" ...; written beside another place ("Rutshuru, Nord-Kivu", "Ndjamena (N'Djamena)",
    "Hulu Rening, Batang Kali"); or a capital or a city of 100,000 people spelt as written."""
    if _used_as_place(text, m, mentions):
        return True
    written = name_key(m.text)
    return any(
        p.feature == "populated_place" and name_key(p.name) == written
        and (p.population >= 100_000 or gaz.capitals.get(p.country_code or "") == p.key)
        for p in m.candidates
    )


def _government(gaz: Gazetteer, sdoc, text: str, m: PlaceMention):
    """The country whose government a capital or country name stands for here, else None."""
    written = fold(m.text)
    country = None
    for p in m.candidates:
        if fold(p.name) != written or not p.country_code:
            continue
        if p.feature == "country" or gaz.capitals.get(p.country_code) == p.key:
            country = gaz.get(f"country:{p.country_code}")
            break
    if country is None:
        return None
    span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in GOVERNMENT_VERBS:
        return country
    # "talks between Kabul and the Taliban": X (or the Y joined to it) is the object of "between" after a
    # word of negotiation
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "between" and tok.head.head.lower_ in NEGOTIATION:
        return country
    return None


def _units_around(text: str, mentions: list[PlaceMention], end: int, feature: str) -> list:
    """The provinces (for a district) or countries (for a province) that hold a name the text calls
    ``feature``: the one written right after it ("Naish district, Kandahar", "the Obe district of Herat
    province"), else those the text calls provinces anywhere (countries it names, for a province); spelt as
    written where one is."""
    want = "province" if feature == "district" else "country"

    def units(m: PlaceMention) -> list:
        cands = [p for p in m.candidates if p.feature == want]
        exact = [p for p in cands if fold(p.name) == fold(m.text)]
        return exact or cands

    for m in mentions:
        if end <= m.start <= end + 40 and UNIT_GAP.fullmatch(text, end, m.start) and units(m):
            return units(m)
    found = []
    for m in mentions:
        if want == "country" or getattr(m, "hint", None) == "province":
            found.extend(units(m))
    return found


def _home_country(gaz: Gazetteer, locations: list, hints: dict[str, float]) -> str | None:
    """The country the article is about: where most of its places lie (a mention spelt as its place counts
    fully, one that only the lossy key joins to it half; on a tie, the country of more distinct names spelt as
    their places: "Mir Agha" twice read as Miraguai does not outvote Farah), else the one its words of
    nationality name most, else the one country it names."""
    placed: Counter = Counter()
    exact_names: dict[str, set[str]] = {}
    for loc in locations:
        if loc is None or not loc.country or loc.feature == "country":
            continue
        written = fold(bare_name(loc.text or loc.name))
        spelt = fold(bare_name(loc.name)) == written
        placed[loc.country] += 1.0 if spelt else 0.5
        if spelt:
            exact_names.setdefault(loc.country, set()).add(written)
    if placed:
        return max(placed, key=lambda cc: (placed[cc], len(exact_names.get(cc, ()))))
    if hints:
        return gaz.countries.get(max(hints, key=lambda cc: hints[cc]))
    named = {loc.country for loc in locations if loc is not None and loc.feature == "country"}
    return next(iter(named)) if len(named) == 1 else None


def _landmark_abroad(gaz: Gazetteer, text: str, mentions: list, locations: list, hints: dict[str, float],
                     home: str | None) -> tuple[list, str | None]:
    """A name written before a capitalised word of ``landmark_words`` ("the Friendship Bridge", "Liberation
    Square") read as a town outside the country the story's other places lie in (Friendship, Maine, in a story
    about the Afghan border), not a capital or a city of ``large_city_population``: the landmark's own name, not a
    namesake abroad (no place). The story's country is then read again without it. (locations, home country)"""
    large = settings().places.large_city_population

    def small_town(m: PlaceMention, loc: Location) -> bool:
        reading = next((p for p in m.candidates if p.geonameid is not None and p.geonameid == loc.geonameid), None)
        return loc.feature not in ("country", "province") and not (
            reading is not None and (reading.population >= large or gaz.capitals.get(reading.country_code or "")
                                     == reading.key))

    marked = [k for k, (m, loc) in enumerate(zip(mentions, locations, strict=True))
              if loc is not None and small_town(m, loc)
              and (after := _LANDMARK_AFTER.match(text, m.end)) is not None
              and after.group(1).lower() in LANDMARK_WORDS]
    if not marked:
        return locations, home
    others = [None if k in marked else loc for k, loc in enumerate(locations)]
    home_others = _home_country(gaz, others, hints)
    out = list(locations)
    for k in marked:
        if home_others is not None and out[k].country != home_others:
            out[k] = None
    return out, (_home_country(gaz, out, hints) if out != locations else home)


def _one_country(locations: list, home: str | None, cfg: PlaceSettings) -> bool:
    """Whether nearly all the places a story names lie in its country (``cfg.home_share`` of
    ``cfg.home_least`` or more places found in a gazetteer)."""
    placed = [loc.country for loc in locations if loc is not None and loc.country and loc.feature != "country"]
    return home is not None and len(placed) >= cfg.home_least and placed.count(home) >= cfg.home_share * len(placed)


_INTO_BEFORE = re.compile(r"\b(?:into|to|towards)[ \t]+(?:the[ \t]+)?\Z", re.IGNORECASE)


def _in_country(gaz: Gazetteer, text: str, p: tuple[int, int, Location], home: str,
                others: list[tuple[int, str]], near: int) -> tuple[int, int, Location]:
    """A place known by name only, put in the story's country where no other country is named within ``near``
    characters of it, by name or by a word of nationality ("the Tajik town of ..."), and it is a town, village
    or named place of the text (not a base or crossing, which often lie on the other side)."""
    s, e, loc = p
    if loc.country is not None:
        return p
    close = [at for at, _ in others if abs(at - s) <= near]
    if loc.feature in ("border_crossing", "base"):
        # "Torghundi, the main crossing into Turkmenistan": a crossing named with the country it leads into lies on
        # the story's side; with no such word it may lie on either
        if not close or not all(_INTO_BEFORE.search(text, max(0, at - 12), at) for at in close):
            return p
        return (s, e, dataclasses.replace(loc, country=home))
    elif loc.feature not in ("populated_place", "area", None) or close:
        return p
    code = gaz.country_code(home)
    if any(cc != code for cc in gaz.text_hints(text[max(0, s - near):e + near])):
        return p
    return (s, e, dataclasses.replace(loc, country=home))


# "In Rakhine, fighters attacked ...": a province that frames the sentence, written first after "In"
_FRAME_BEFORE = re.compile(r"(?:\A|[.!?][\"'\u201d\u2019)]*\s+|\n)\s*In[ \t]+(?:the[ \t]+)?\Z")


def _framed_elsewhere(text: str, mentions: list, locations: list, large: int) -> list:
    """A town read as a namesake in another province of the same country than the province that frames its
    sentence ("In Rakhine, fighters attacked posts in Pauk Taw", and the only Pauk Taw listed lies elsewhere)
    is a place the gazetteer does not know, inside the framing province: kept by its written name, with
    that province's country, admin1 and point, ACLED geo precision 3; every mention of the article read as the
    same namesake goes with it. A city of ``large`` people or more, or a capital, keeps its reading."""
    out = list(locations)
    moved: dict[int, Location] = {}
    for k, (m, loc) in enumerate(zip(mentions, locations, strict=True)):
        if loc is None or loc.feature != "populated_place" or loc.geonameid is None or loc.geonameid in moved:
            continue
        chosen = next((p for p in m.candidates if p.geonameid == loc.geonameid), None)
        if chosen is None or chosen.population >= large:
            continue
        for j in range(k - 1, -1, -1):
            q, qloc = mentions[j], locations[j]
            if _SENTENCE_END.search(text, q.end, m.start):
                break
            if (qloc is None or qloc.feature != "province" or qloc.country != loc.country
                    or qloc.admin1 == loc.admin1 or qloc.lat is None
                    or not _FRAME_BEFORE.search(text[max(0, q.start - 12):q.start])):
                continue
            if any(p is not None and p.country == loc.country and p.admin1 == loc.admin1
                   and p.feature in ("province", "district") and j < i < k
                   for i, p in enumerate(locations)):
                break  # the sentence also names a unit of the namesake's province
            moved[loc.geonameid] = dataclasses.replace(
                loc, name=bare_name(m.text), country=qloc.country, admin1=qloc.admin1, admin2=None,
                lat=qloc.lat, lon=qloc.lon, geonameid=None, precision=3)
            break
    if not moved:
        return out
    for k, loc in enumerate(out):
        if loc is not None and loc.geonameid in moved:
            out[k] = dataclasses.replace(moved[loc.geonameid], text=loc.text, start=loc.start, end=loc.end)
    return out


def _in_story_unit(text: str, p: tuple[int, int, Location], placed: list[tuple[int, int, Location]],
                   others: list[tuple[int, str]] = (), near: int = 0, gaz: Gazetteer | None = None,
                   least: int = 2) -> tuple[int, int, Location]:
    """A town known by name only, put in the story's country, lies in the first-level unit the story is at
    there: the one that every place named around it lies in (those before it in its paragraph and the
    paragraph before, or the ``least`` named last before it where those name fewer, and those after it in its
    own sentence), where the text names that unit itself among them ("In Nimroz province, police surrendered
    ... / A bomb hit a truck near Mazar Kalay"), or where ``least`` places or more lie in it and ``gaz`` gives
    the unit's point ("fled towns of the province ... / insurgents burned houses in Meza"): its admin1 and
    point, ACLED geo precision 3. None where the places around it lie in several units."""
    s, e, loc = p
    if loc.admin1 is not None or loc.lat is not None or loc.feature not in ("populated_place", "area"):
        return p
    par = text.rfind("\n\n", 0, s)
    par = text.rfind("\n\n", 0, par) if par > 0 else 0

    def counts(q: Location) -> bool:
        return (q.feature != "country" and q.admin1 is not None and q.country is not None
                and q.country == (loc.country or q.country))

    earlier = [(qs, q) for qs, _qe, q in placed if qs < s and counts(q)]
    before = [q for qs, q in earlier if qs >= max(par, 0)]
    if len(before) < least:
        # a heading or a quotation between: the places named last before it
        before = [q for _qs, q in earlier[-least:]]
    end = _SENTENCE_END.search(text, e)
    after = [q for qs, _qe, q in placed if e <= qs < (end.start() if end else len(text)) and counts(q)]
    around = before + after
    units = {(q.country, q.admin1) for q in around}
    if len(units) != 1:
        return p
    unit = next((q for q in [*reversed(before), *after] if q.feature == "province"), None)
    point: tuple[float | None, float | None] | None = None
    if unit is not None and unit.lat is not None:
        point = (unit.lat, unit.lon)
    elif len(around) >= least and gaz is not None:
        country, admin1 = next(iter(units))
        province = gaz.match_province(admin1, gaz.country_code(country))
        point = gaz.province_point(province) if province is not None else None
    if point is None:
        return p
    country, admin1 = next(iter(units))
    if loc.country is None and any(abs(at - s) <= near and cc != country for at, cc in others):
        # a name the story's country was not given to for another country named near it ("the crossing
        # into Tajikistan"): a word of nationality alone ("Russian forces repelled ...") does not stop it
        return p
    return (s, e, dataclasses.replace(loc, country=country, admin1=admin1, lat=point[0], lon=point[1],
                                      precision=3))


_POSSESSIVE_AFTER = re.compile(r"['\u2019]s[ \t]+\w")


def _story_unit(text: str, at: int, placed: list[tuple[int, int, Location]], others: list[tuple[int, str]],
                near: int, gaz: Gazetteer, least: int) -> Location | None:
    """The first-level unit the story is at where a sentence begins at ``at`` (as ``_in_story_unit`` finds it
    for a town known by name only: every place named around it lies in it), as that province: the place of
    last resort of an event there that names no place and takes none from the story ("recaptured Ewa" after
    "the town of Gulina in Ethiopia's Afar region", where no package knows Ewa): the level that is certain,
    ACLED geo precision 3. None where the places around lie in several units."""
    probe = Location(name="", text=None, country=None, admin1=None, admin2=None, lat=None, lon=None,
                     feature="populated_place")
    unit = _in_story_unit(text, (at, at, probe), placed, others, near, gaz, least)[2]
    if unit.admin1 is None or unit.lat is None:
        return None
    return dataclasses.replace(unit, name=unit.admin1, text=None, feature="province", start=None, end=None)


def _foreign_unnamed(locations: list, mentions) -> list:
    """A place abroad is kept only where its country is part of the story (named in the text), so that a
    village across the border that shares a name with a town of the story's country does not win over it.
    The story's country is the one most of its places lie in."""
    countries_named = {loc.country for loc in locations if loc is not None and loc.feature == "country"}
    placed = Counter(loc.country for loc in locations
                     if loc is not None and loc.country and loc.feature != "country")
    if not placed:
        return list(locations)
    home, n_home = placed.most_common(1)[0]
    out = []
    for m, loc in zip(mentions, locations, strict=True):
        if (loc is not None and loc.country not in (home, None) and loc.feature != "country"
                and 2 * placed[loc.country] < n_home):
            hint = getattr(m, "hint", None)
            if loc.country not in countries_named or (
                    # "the Kara district of the capital": what the text calls a unit is no town abroad, even
                    # in a country the story names
                    hint in _UNIT_FEATURES and loc.feature != hint):
                loc = None
        out.append(loc)
    return out


_CONTAINERS = {"district": 2, "populated_place": 2, "province": 3}  # ACLED geo precision inside each
_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z\u201c\"]|\n")


def _place_unknown(text: str, placed: list[tuple[int, int, Location]],
                   cfg: PlaceSettings) -> list[tuple[int, int, Location]]:
    """A place no gazetteer knows (a border crossing, a base, a village) is placed in the district, town or
    province the sentence puts it in ("the Aqina border crossing in Faryab province"): that unit's country,
    admin1, admin2 and point, with ACLED geo precision 2 (part of a district, or near a town) or 3 (somewhere
    in the province). The unit written after the name is preferred; none outside the sentence is used."""
    out = []
    for start, end, loc in placed:
        if loc.feature == "populated_place" and loc.admin2 is None and loc.admin1:
            # "Hpakant township (Mohnyin district, Kachin state)": a town no package puts in a district lies in
            # the district of its province that the same sentence names right after it
            for qs, _qe, q in placed:
                if (q.feature == "district" and q.admin1 == loc.admin1 and q.country == loc.country
                        and 0 <= qs - end <= 60 and not _SENTENCE_END.search(text[end:qs])):
                    loc = dataclasses.replace(loc, admin2=q.admin2 or q.name)
                    break
        if loc.lat is None and loc.country is None and loc.feature not in ("country", "province", "district"):
            best = None
            for qs, qe, q in placed:
                if q.feature not in _CONTAINERS or q.lat is None or (qs, qe) == (start, end):
                    continue
                gap = text[end:qs] if qs >= end else text[qe:start]
                # a unit named before it may frame the whole sentence ("In Beni territory, fighters ... killed 11
                # civilians ... in the village of Mayimoya")
                if len(gap) > (cfg.unit_after_chars if qs >= end else cfg.unit_before_chars) \
                        or _SENTENCE_END.search(gap):
                    continue
                # the unit written after the name, the nearest first; else the finest unit the sentence names
                # before it, the first named first ("near Hopin (Mohnyin township, Kachin State), a bomb exploded
                # at the X bridge": Hopin, not Kachin State)
                rank = (0, 0, len(gap)) if qs >= end else (1, _CONTAINERS[q.feature], qs)
                if best is None or rank < best[0]:
                    best = (rank, q)
            if best is not None:
                q = best[1]
                loc = dataclasses.replace(
                    loc, country=q.country, admin1=q.admin1,
                    admin2=q.admin2 if q.feature != "province" else None,
                    # a district known only by its province's point leaves the place as uncertain as that
                    lat=q.lat, lon=q.lon, precision=max(_CONTAINERS[q.feature], q.precision or 1),
                )
        out.append((start, end, loc))
    return out


def _unknown_districts(text: str, placed: list[tuple[int, int, Location]]) -> list[tuple[int, int, Location]]:
    """A district no package knows, written with the province that holds it ("in Karo district of Tigray",
    "Karo district, Tigray"): kept by name inside that province, with its country, admin1 and point, ACLED
    geo precision 3 (somewhere in the province)."""
    out = []
    for m in ADMIN_NAMED.finditer(text):
        if m.group(2) != "district":
            continue
        words = list(re.finditer(r"\S+", m.group(1)))
        while words and fold(words[0].group()) in NOT_NAME:
            words.pop(0)
        if not words:
            continue
        start, end = m.start(1) + words[0].start(), m.end(1)
        if any(p[0] < m.end() and start < p[1] for p in placed):
            continue
        gap = UNIT_GAP.match(text, m.end())
        unit = next((q for qs, _qe, q in placed if qs == gap.end()), None) if gap is not None else None
        if unit is None or unit.feature != "province" or unit.lat is None or "\n" in text[m.end():gap.end()]:
            continue
        name = text[start:end]
        out.append((start, m.end(), Location(
            name=name, text=text[start:m.end()], country=unit.country, admin1=unit.admin1, admin2=name,
            lat=unit.lat, lon=unit.lon, feature="district", precision=3, start=start, end=m.end(),
        )))
    return out


_DEMONYM_BEFORE = re.compile(r"\b([A-Z][\w'’-]+)[ \t]+$")


def _facilities(text: str, placed, gaz: Gazetteer | None = None) -> list[tuple[int, int, Location]]:
    out = []
    for m in FACILITY.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if not words:
            continue
        name = " ".join(words)
        start = m.start(1) + m.group(1).index(words[0])
        if any(p[0] <= start < p[1] or start <= p[0] < m.end(1) for p in placed):
            continue
        kind = m.group(2).lower()
        if kind == "crossing" and len(words) < 2:
            # "the Bab al-Hawa crossing": a crossing's own name of several words; one word before "crossing" is
            # mostly the town it is named after ("the Torghundi crossing"), kept as the text's other words say
            continue
        out.append((start, m.end(2), Location(
            name=f"{name} {kind}" if kind in ("dam", "bridge", "checkpoint") else name,
            text=text[start: m.end(2)], country=None, admin1=None, admin2=None, lat=None, lon=None,
            feature=FACILITY_FEATURE.get(kind, "base"), precision=None, start=start, end=m.end(2),
        )))
    for m in AREA.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if not words:
            continue
        start = m.start(1) + m.group(1).index(words[0])
        if any(p[0] < m.end(2) and start < p[1] for p in placed + out):
            continue
        out.append((start, m.end(2), Location(
            name=text[start:m.end(2)], text=text[start:m.end(2)], country=None, admin1=None, admin2=None, lat=None,
            lon=None, feature="area", precision=None, start=start, end=m.end(2),
        )))
    taken = placed + out
    for m in NAMED_OF.finditer(text):
        start, end = m.span(2)
        if any(p[0] < end and start < p[1] for p in taken):
            continue
        kind = m.group(1).lower()
        feature = next((f for k, f in OF_FEATURE.items() if k in kind), "populated_place")
        # "the Tajik town of Kalai Khumb": the word of nationality before the kind says the country
        nation = _DEMONYM_BEFORE.search(text, max(0, m.start() - 30), m.start())
        country = gaz.demonym_country(nation.group(1)) if gaz is not None and nation else None
        out.append((start, end, Location(
            name=m.group(2), text=m.group(2), country=country, admin1=None, admin2=None, lat=None, lon=None,
            feature=feature, precision=None, start=start, end=end,
        )))
    return out


_BYLINE = re.compile(r"^\s*(By\s+[A-Z]|Published|Updated|Posted|(?:Photo(?:s|graph)?|Image)\s*(?::|by\b|credit|\d+\s+of\b)|"
                     r"Read more|Share|Follow|"
                     r"(?i:related:|see also|watch:|listen:|caption:|file photo|image copyright|image caption|"
                     r"media caption|copyright))", re.MULTILINE)
# A sentence that is a link to another story ("[How a new kind of protest movement has arisen]"), an item of a
# list ("* 2007 Bagram Airfield bombing") or a photo credit, wherever it stands in a line.
_NOT_PROSE = re.compile(r"^\s*(\[[^\]]+\]\s*$|([*\u2022])\s|(Read more|Related|See also|Watch|image copyright|"
                        r"image caption|media caption|Photo(graph)?|Caption)\b)", re.IGNORECASE)


def _is_heading(text: str, start: int, end: int) -> bool:
    """A headline or byline line: it stands alone on its line and has no closing punctuation, or it is a
    byline. Headlines retell the story that follows (ACLED codes the story, not the headline)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    if _BYLINE.match(line):
        return True
    if (m := _NOT_PROSE.match(text[start:end])) is not None:
        # an item of a list told as a sentence ("• 14/03 - Djugu: militia seized the trading centre.", a
        # situation report's line) is prose; a link or a title in a list ("* 2007 Bagram Airfield bombing") is not
        return not (m.group(2) is not None and line.endswith((".", "!", "?")) and len(line.split()) > 6)

    # A line with nothing after it is the text itself (a one-line dispatch without a full stop), not a heading.
    return (start - line_start <= 1 and len(line) < 200 and bool(text[line_end:].strip())
            and not line.endswith((".", "!", "?", '"', "\u201d", ":")))


# ", in Masisi territory", " in the Zaporizhzhia region": the unit a name is put in, called a unit
# (also after "also", and with a short particle inside the unit's name: ", also in Masisi", "in Mocimboa da Praia")
_IN_UNIT_AFTER = re.compile(r",?[ \t]+(?:also[ \t]+)?in[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*"
                            r"(?:[ \t]+(?:[a-z]{1,3}[ \t]+)?[A-Z][\w'’-]*){0,3}[ \t]+(?:" + _UNITS + r")\b")
_IN_NAME_AFTER = re.compile(r",[ \t]+(?:also[ \t]+)?in[ \t]+(?:the[ \t]+)?(?=[A-Z])")
# what only a place undergoes (a person is "captured" or "taken", not "overrun"), and what both do
TAKE_PLACE_LEMMAS = frozenset({"overrun", "retake", "recapture", "storm", "fall", "besiege", "enter", "regain"})
TAKE_LEMMAS = frozenset({"capture", "seize", "take"})
CAPTURE_LEMMAS = frozenset({"capture", "seize", "overrun", "take", "enter", "retake", "recapture", "regain", "storm",
                            "fall", "surround", "besiege", "attack", "control", "lose", "reach", "flee", "cross"})
FACILITY_WORDS = {"crossing": "border_crossing", "port": "border_crossing", "post": "border_crossing",
                  "base": "base", "airport": "base", "town": "populated_place", "village": "populated_place",
                  "settlement": "populated_place",
                  "city": "populated_place", "district": "district"}


def _overlap_test(spans) -> Callable[[int, int], bool]:
    """Whether characters ``start``..``end`` overlap one of ``spans`` (``(start, end)`` pairs): what
    ``any(start < e and s < end for s, e in spans)`` says, by bisection (the spans by start, each with the
    furthest end among those up to it)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # the spans that start before ``end``
        return k > 0 and reach[k - 1] > start  # one of them ends after ``start``

    return overlaps


def _unknown_named_places(sdoc, gaz: Gazetteer, covered, ents: tuple | None = None,
                          described: list | None = None,
                          named_by_word: set[int] | None = None, text: str | None = None,
                          ) -> list[tuple[int, int, Location]]:
    """Names the gazetteer does not know but the sentence says are a place: the object of a capture ("The
    Taliban overran Shir Khan Bandar, the main crossing into Tajikistan"). Kept by name only; a place of
    last resort. Those the text describes as a town or village in so many words ("Wegeltena, a town in South
    Wollo zone") go to ``described`` instead, where one is given: places of their own, to be put in the unit
    the sentence names. Those it calls so only by the word next to the name ("Kan Pauk village", "the village
    of Zibane") go there too, their starts noted in ``named_by_word``."""
    out = []
    text = sdoc.text if text is None else text
    overlaps = _overlap_test(covered)
    for ent in sdoc.ents if ents is None else ents:
        if ent.label_ not in ("GPE", "LOC", "FAC", "PERSON", "ORG") or len(ent.text) < 3:
            continue
        if overlaps(ent.start_char, ent.end_char):
            continue
        known = gaz.lookup(ent.text)
        written = fold(bare_name(ent.text))
        if known and (ent.label_ in ("PERSON", "ORG") or any(fold(p.name) == written for p in known)):
            # a place the gazetteer knows under this spelling, not placed here for a reason of its own; a
            # name the model calls a person or organisation that some reading joins, not a place no one knows
            # (a place name the text spells otherwise, "Awasse", is: Awasa, Ethiopia, is not it)
            continue
        root = ent.root
        head = root.head
        feature = None
        appos = False
        for child in root.children:
            if child.dep_ == "appos" and child.lemma_.lower() in FACILITY_WORDS:
                feature = FACILITY_WORDS[child.lemma_.lower()]
                appos = feature == "populated_place"
        if root.dep_ == "pobj" and head.lower_ in ("of", "into", "to", "in", "near") and head.head.lemma_.lower() in FACILITY_WORDS:
            feature = feature or FACILITY_WORDS[head.head.lemma_.lower()]
            # "the village of Zibane": what the text calls a town or village is a place of its own where the
            # sentence puts it in a unit (``_place_unknown``), else a place of last resort
            if head.lower_ == "of" and feature == "populated_place" and not appos:
                appos = named_by_word is not None
                if named_by_word is not None:
                    named_by_word.add(ent.start_char)
            head = head.head
        name_end = ent.end_char
        if len(ent) > 1 and FACILITY_WORDS.get(ent[-1].lemma_.lower()) == "populated_place" and (
                ent[-1].text.islower() and ent[-2].text[:1].isupper()):
            # "near Ngwom village in Mafa": the parser took the word of settlement into the name; the name is the
            # words before it, a place of its own where the sentence puts it in a unit (as "Kan Pauk village")
            feature, appos = "populated_place", named_by_word is not None
            name_end = ent[-2].idx + len(ent[-2].text)
            if named_by_word is not None:
                named_by_word.add(ent.start_char)
        elif root.dep_ == "compound" and FACILITY_WORDS.get(head.lemma_.lower()) == "populated_place" and (
                head.i == root.i + 1):
            # "Kan Pauk village (Yebyu township, Dawei district)", "Kolofata town": the same, named before the word
            feature, appos = "populated_place", named_by_word is not None
            if named_by_word is not None:
                named_by_word.add(ent.start_char)
        if feature is None and _LANDMARK_AT_BEFORE.search(text, max(0, ent.start_char - 40), ent.start_char):
            # "fled across the Friendship Bridge at Hairatan": the town a landmark is at, whatever the parser calls
            # the name; kept by name (a place of last resort, put in the story's country)
            feature = "populated_place"
        before = text[max(0, ent.start_char - 12):ent.start_char].split()
        after_in = _IN_NAME_AFTER.match(text, ent.end_char)
        if (feature is None and ent.label_ != "PERSON" and described is not None
                and (_IN_UNIT_AFTER.match(text, ent.end_char)
                     or (after_in is not None and any(cs == after_in.end() for cs, _ in covered)))
                and before and before[-1].lower() in LOCATIVE):
            # "near Mushaki, in Masisi territory", "near Kabati, also in Rutshuru" (a place found there): a name
            # after "near", "in", put in a unit: a place of its own there (``_place_unknown``)
            feature, appos = "populated_place", True
        if (feature is None and ent.label_ in ("GPE", "LOC") and root.dep_ == "pobj" and ent.text[:1].isupper()
                and head.lower_ in STRONG_LOCATIVE and before and before[-1].lower() == head.lower_
                and fold(ent.text.split()[-1].rstrip(".")) not in STREET_WORDS
                and not ((nxt := _STREET_AFTER.match(text, ent.end_char)) and nxt.group(1).lower() in STREET_WORDS)):
            # "a bomb hit a truck near Mazar Kalay": a name the model calls a place, right after "near", "in",
            # that no package knows (not a street): kept by name, a place of last resort (its country from the
            # story)
            feature = "populated_place"
        verb = head if root.dep_ in ("dobj", "nsubjpass") else None
        if feature is None and (verb is None or verb.lemma_.lower() not in CAPTURE_LEMMAS):
            continue
        if fold(ent.text) in WEAPON_NAMES:
            continue
        name = text[ent.start_char:name_end]
        (described if appos and described is not None else out).append((ent.start_char, name_end, Location(
            name=name, text=name, country=None, admin1=None, admin2=None, lat=None, lon=None,
            feature=feature, precision=None, start=ent.start_char, end=name_end,
        )))
    return out


def _home_of_person(text: str, start: int, person_ends: set[int]) -> bool:
    """The name at ``start`` is where a person lives: "John Smith, 34, of Iowa", "John Smith, of Iowa"
    (a person's name as the parser reads it, or an age, then a comma and "of"/"from")."""
    m = HOME_BEFORE.search(text, max(0, start - 16), start)
    if m is None:
        return False
    if m.group("name") is None:  # ", 34, of": the age, itself after a comma ("Smith, 34, of")
        return re.search(r",\s*\d{1,3}\s*,\s*(?:of|from)\s+(?:the\s+)?\Z", text[max(0, start - 24):start]) is not None
    return m.end("name") in person_ends


def _named_again(text: str, placed: list[tuple[int, int, Location]],
                 weak: list[tuple[int, int, Location]]) -> list[tuple[int, int, Location]]:
    """A place no gazetteer knows that the text has put in a unit ("the town of Kawlin in Sagaing region"),
    named again later by its name alone ("jets bombed Kawlin"): the same place, where nothing else was found
    at that name."""
    known = {}
    for s, e, loc in placed:
        if loc.geonameid is None and loc.lat is not None and loc.feature not in ("country", "province", "district") \
                and loc.name == text[s:e] and len(loc.name) >= 4 and loc.name[:1].isupper():
            known.setdefault(loc.name, (e, loc))
    if not known:
        return placed
    taken = [(s, e) for s, e, _ in placed] + [(s, e) for s, e, _ in weak]
    more = []
    for name, (after, loc) in known.items():
        for hit in re.finditer(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])", text):
            s, e = hit.span()
            if s < after or any(a < e and s < b for a, b in taken):
                continue
            more.append((s, e, dataclasses.replace(loc, start=s, end=e)))
    return sorted(placed + more, key=lambda p: p[0]) if more else placed


SEIZE_LEMMAS = frozenset({"seize", "destroy", "discover", "confiscate", "recover", "find", "defuse", "capture",
                          "dismantle", "collect", "burn", "contain"})


def _trigger_spans(sdoc, triggers) -> dict[int, object]:
    """The tokens of each trigger word, looked up once for the parse-based readings below."""
    out = {}
    for trig in triggers:
        span = sdoc.char_span(trig.start, trig.end, alignment_mode="expand")
        if span is not None and len(span):
            out[trig.start] = span
    return out


def _seized_words(triggers, spans) -> set[int]:
    """Weapon words that the parse makes the object of seizing, destroying or finding ("1 RPG launcher
    ... were seized", "destroyed 7 IEDs"): things taken, not attacks made."""
    out = set()
    for trig in triggers:
        if trig.family not in WEAPON_FAMILIES or trig.start not in spans:
            continue
        tok = spans[trig.start].root
        for _ in range(8):  # up through compounds, modifiers and the items of a list
            if tok.dep_ in ("compound", "amod", "nmod", "conj", "appos", "nummod") and tok.head.i != tok.i:
                tok = tok.head
            else:
                break
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ in ("of", "with") and head.head.i != head.i:
            tok, head = head.head, head.head.head  # "a cache of weapons", "a vehicle with explosives"
        if tok.dep_ in ("dobj", "nsubjpass", "conj", "pobj") and head.lemma_.lower() in SEIZE_LEMMAS:
            out.add(trig.start)
    return out


def _token_at(sent, start: int):
    """The token at character offset ``start`` of the sentence's document, or None."""
    return token_at(sent.doc, start)


def _said_when(sent, start: int) -> bool:
    """A date that dates the saying ("officials said on Tuesday"), not the event."""
    token = _token_at(sent, start)
    for _ in range(3):
        if token is None or token.head.i == token.i:
            return False
        token = token.head
        if token.pos_ == "VERB":
            # "said on Friday" dates the saying; "..., on June 22, an official told Reuters" the event.
            return token.lemma_.lower() in lexicon().cue_lemmas and start > token.idx
    return False


def _said_where(sent, start: int, cues: list[tuple[int, int]]) -> bool:
    """A place where the words were said ("told reporters in Maputo that ...", "said in Kabul on Tuesday that
    ...", "Speaking in Geneva, the envoy said ..."), not where the event happened: the place is the object of
    "in"/"at" hung on a verb of saying (or on its listeners, "reporters in Maputo"), or on a verb of a speech
    setting (data/place_words.json ``speaking_verbs``) hung on one, and comes after that verb. The verb of saying
    must be the cue of one of the sentence's attributions (``cues``): "responded ... in X district" is fighting."""
    token = _token_at(sent, start)
    if token is None:
        return False
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
        return False
    head = prep.head
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "dative"):
        head = head.head  # "told reporters in Maputo"
    if head.pos_ != "VERB" or start < head.idx:
        return False

    def is_cue(token) -> bool:
        return any(c0 <= token.idx < c1 for c0, c1 in cues)

    if is_cue(head):
        return True
    return head.lemma_.lower() in SPEAKING_VERBS and head.dep_ == "advcl" and is_cue(head.head)


def _said_at(sdoc, mentions: list[PlaceMention]) -> set[int]:
    """The mentions that name where someone spoke ("said in Geneva on Tuesday", "told reporters in Maputo",
    "speaking in Kabul, the envoy said"), read from the parse before the claims are found: the object of
    "in"/"at" hung, after it, on a verb of saying (data/place_words.json ``saying_verbs``) that has a speaker
    for subject, or on a verb of a speech setting. They do not vote for the country the article is about (an
    envoy in Geneva does not make a story from Goma Swiss); ``_said_where`` decides, with the claims, which of
    them are no event's place."""
    out = set()
    for k, m in enumerate(mentions):
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        while token.dep_ == "compound" and token.head.i != token.i:
            token = token.head
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in ("in", "at"):
            continue
        head = prep.head
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("dobj", "dative"):
            head = head.head  # "told reporters in Maputo"
        if head.pos_ != "VERB" or prep.i < head.i:
            continue
        lemma = head.lemma_.lower()
        if lemma in SPEAKING_VERBS or (
                lemma in SAYING_VERBS and any(c.dep_ == "nsubj" for c in head.children)):
            out.add(k)
    return out


def _verb_of(token):
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _subtree_span(token) -> tuple[int, int]:
    right = token.right_edge
    return token.left_edge.idx, right.idx + len(right.text)


def _inside_other_noun(token, verb) -> bool:
    """Whether ``token`` hangs from ``verb`` through another noun's prepositional phrase ("blows in an offensive",
    not "a wave of attacks", "an attack on the base")."""
    t = token
    for _ in range(6):
        if t.i == verb.i or t.head.i == t.i:
            return False
        head = t.head
        if head.pos_ == "ADP" and head.lower_ != "of" and head.head.i != verb.i and head.head.pos_ in ("NOUN", "PROPN"):
            return True
        t = head
    return False


def _roles_from_parse(triggers, spans) -> dict[int, tuple[list, list]]:
    """Agent and patient character spans for each trigger, from the dependency parse."""
    out = {}
    for trig in triggers:
        if trig.start not in spans:
            continue
        token = spans[trig.start][0]
        verb = _verb_of(token)
        agents, patients = [], []
        if token.pos_ in ("NOUN", "PROPN"):
            # "an attack by Taliban militants", "airstrikes conducted by NATO", "Afghan forces operations",
            # "a Taliban-planted IED".
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    agents.extend(_subtree_span(g) for g in child.children if g.dep_ == "pobj")
                elif child.dep_ in ("acl", "amod") and child.pos_ == "VERB":
                    for g in child.children:
                        if g.dep_ == "agent":
                            agents.extend(_subtree_span(x) for x in g.children)
                        elif g.dep_ in ("npadvmod", "compound"):
                            agents.append(_subtree_span(g))
                elif child.dep_ in ("poss", "compound", "nmod") and child.i < token.i:
                    agents.append(_subtree_span(child))
                elif child.dep_ == "prep" and child.lower_ in ("on", "against", "with"):
                    patients.extend(_subtree_span(g) for g in child.children if g.dep_ == "pobj")
        # "the latest blows in a month-long offensive": a noun trigger inside another noun's phrase (other than
        # "a wave of attacks") is no part of what the governing verb's subject did: it does not take that subject
        subject_is_doer = token.pos_ not in ("NOUN", "PROPN") or not _inside_other_noun(token, verb)
        v = verb
        for _ in range(3):  # "retook it ..., only to lose it": the subject of the governing verb
            verbs = [v] + [c for c in v.children if c.dep_ == "conj" and c.pos_ == "VERB"]
            for vv in verbs:
                for child in vv.children:
                    if child.dep_ in ("nsubj",) and vv.i == v.i and subject_is_doer:
                        agents.append(_subtree_span(child))
                    elif child.dep_ == "agent":
                        agents.extend(_subtree_span(g) for g in child.children)
                    elif child.dep_ in ("dobj", "nsubjpass", "attr"):
                        if v.i == verb.i:
                            patients.append(_subtree_span(child))
                    elif (child.dep_ == "prep" and child.lower_ in ("with", "against", "on", "to", "between")
                          and v.i == verb.i):
                        patients.extend(_subtree_span(g) for g in child.children if g.dep_ == "pobj")
            if agents or v.dep_ not in ("xcomp", "advcl", "conj", "ccomp", "relcl", "acl") or v.head.i == v.i:
                break
            v = v.head
        out[trig.start] = (agents, patients)
    return out


def analyse(doc: Document, sdoc, gaz: Gazetteer | None = None, *, text: str | None = None) -> list[SentenceMentions]:
    """The mentions of each sentence of ``sdoc`` (the spaCy doc of ``doc``). ``text``: ``sdoc.text`` where the
    caller has it (the string spaCy was given; spaCy rebuilds it from the tokens on every access)."""
    gaz = gaz or Gazetteer.load()
    actors = load_actors()
    if text is None or len(text) != (sdoc[-1].idx + len(sdoc[-1].text_with_ws) if len(sdoc) else 0):
        text = sdoc.text  # read once
    ents = sdoc.ents  # read once: spaCy builds the spans again on every access
    mentions = _place_mentions(gaz, sdoc, text, ents)
    dateline_at = dateline(text)
    agency = dateline_at[1] if dateline_at else None
    if agency is not None:  # "KABUL (Example Wire) -": the agency's name is no place
        mentions = [m for m in mentions if not agency[0] <= m.start < agency[1]]
    hints = gaz.text_hints(text)
    locations = _foreign_unnamed(gaz.resolve(mentions, hints, _said_at(sdoc, mentions)), mentions)
    persons = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
    locations = [None if (_lossy_reading(text, m, loc, mentions) and any(
                     s <= m.start and m.end <= e for s, e in persons)) or _lossy_first_word(text, m, loc, mentions)
                 else loc for m, loc in zip(mentions, locations, strict=True)]
    home_country = _home_country(gaz, locations, hints)
    locations, home_country = _landmark_abroad(gaz, text, mentions, locations, hints, home_country)
    locations = _framed_elsewhere(text, mentions, locations, settings().places.large_city_population)
    # "Andarab fighters", "Kunduz police", "Helmand officials": a place name that qualifies people names
    # who they are, not where something happened.
    # They are kept apart, as the place of last resort.
    # The place of a dateline ("KABUL, Aug 2 (Reuters) -") is where the report was filed from: the place of
    # last resort too, for a first sentence that names no other ("WESTPORT -- A man was shot on Sunday").
    filed_from = dateline_at[0] if dateline_at else (-1, -1)
    # "John Smith, 34, of Iowa": where a person lives is no event's place, not even the last resort
    person_ends = {e.end_char for e in ents if e.label_ == "PERSON"}
    locations = [None if loc is not None and _home_of_person(text, m.start, person_ends) else loc
                 for m, loc in zip(mentions, locations, strict=True)]
    # "Fighters of Russia's Wagner group seized ...", "Rwanda's army": another country than the story's, named
    # in the possessive, says whose, not where (a place of last resort, as "Kunduz police")
    last_resort = [loc is not None and (PEOPLE_AFTER.match(text, m.end) is not None
                                        or filed_from[0] <= m.start < filed_from[1]
                                        or (loc.feature == "country" and loc.country != home_country
                                            and _POSSESSIVE_AFTER.match(text, m.end) is not None))
                   for m, loc in zip(mentions, locations, strict=True)]
    weak = [(m.start, m.end, loc) for m, loc, lr in zip(mentions, locations, last_resort, strict=True) if lr]
    placed = [(m.start, m.end, loc) for m, loc, lr in zip(mentions, locations, last_resort, strict=True)
              if loc is not None and not lr]
    placed.extend(_facilities(text, placed, gaz))
    placed.extend(_unknown_districts(text, placed))
    described: list[tuple[int, int, Location]] = []
    by_word: set[int] = set()
    unknown = _unknown_named_places(sdoc, gaz, [(p[0], p[1]) for p in placed], ents, described, by_word, text)
    placed.extend(described)
    placed.sort(key=lambda p: p[0])
    place_cfg = settings().places
    placed = _place_unknown(text, placed, place_cfg)
    if by_word:
        # a town or village the sentence puts in no unit is a place of last resort, as any name kept by name only
        unplaced = [p for p in placed if p[0] in by_word and p[2].country is None]
        placed = [p for p in placed if p not in unplaced]
        unknown.extend(unplaced)
    weak.extend(unknown)
    placed = _named_again(text, placed, weak)
    # countries named by name, for the places known by name only below
    others = [(m.start, loc.country) for m, loc in zip(mentions, locations, strict=True)
              if loc is not None and loc.feature == "country"]
    near = place_cfg.other_country_chars
    if _one_country(locations, home_country, place_cfg):
        # "near the town of Ye-U": a place no package knows, in a story whose places nearly all lie in one
        # country, is in that country, unless another country is named near it (its unit and point stay unknown)
        abroad = [(at, cc) for at, cc in others if cc != home_country]
        placed = [_in_country(gaz, text, p, home_country, abroad, near) for p in placed]
        weak = [_in_country(gaz, text, p, home_country, abroad, near) for p in weak]
    least = place_cfg.story_unit_least
    placed = [_in_story_unit(text, p, placed, others, near, gaz, least) for p in placed]
    weak = [_in_story_unit(text, p, placed, others, near, gaz, least) for p in weak]
    sentences: list[SentenceMentions] = []
    paragraph = 0
    previous_start = 0
    for sent in sdoc.sents:
        s, e = sent.start_char, sent.end_char
        stext = text[s:e]
        paragraph += text[previous_start:s].rstrip(" ").count("\n\n")
        previous_start = s
        if not stext.strip() or _is_heading(text, s, e):
            continue
        triggers = triggers_in(sent, text=stext)
        attribution = find_attribution(sent, stext, triggers)
        # Words inside the attribution ("officials in Dushanbe said on Tuesday") are about the source.
        a0, a1 = (attribution.start, attribution.end) if attribution.start is not None else (-1, -1)

        def outside(start: int, a0=a0, a1=a1) -> bool:
            return not a0 <= start < a1

        cue_spans = [r.cue_span for r in (attribution.relations or [attribution]) if r.cue_span is not None]

        def not_said_at(start: int, a0=a0, a1=a1, sent=sent, cue_spans=cue_spans) -> bool:
            return not a0 <= start < a1 and not (cue_spans and _said_where(sent, start, cue_spans))

        all_dates = find_dates(stext, doc.published, s)
        said = [_said_when(sent, d.start) for d in all_dates]  # read once for both lists below
        here = [p for p in placed if s <= p[0] < e]  # the places of this sentence, for both lists below
        sm = SentenceMentions(
            start=s,
            end=e,
            text=stext,
            triggers=[t for t in triggers if outside(t.start)],
            places=[p for p in here if not_said_at(p[0])],
            dates=[d for d, by in zip(all_dates, said, strict=True) if outside(d.start) and not by],
            quantities=[q for q in find_quantities(stext, s, [(d.start - s, d.end - s) for d in all_dates])
                        if outside(q.start)],
            actors=[a for a in actors.find_in(sent, stext, home_country) if outside(a.start)],
            attribution=attribution,
            paragraph=paragraph,
            weak_places=[p for p in weak if s <= p[0] < e and outside(p[0])],
            report_dates=[d for d, by in zip(all_dates, said, strict=True) if d.span is not None and by],
            source_places=[p for p in here if not not_said_at(p[0])],
            home_country=home_country,
            story_unit=_story_unit(text, s, placed, others, near, gaz, least),
        )
        triggers = sm.triggers
        if triggers:
            spans = _trigger_spans(sdoc, triggers)
            sm.agent_spans = _roles_from_parse(triggers, spans)
            sm.seized_words = _seized_words(triggers, spans)
            # Event or not, per clause, from the parse: the reason is kept for explain.
            sm.reasons = clause_reasons(spans, published=doc.published, source=attribution.attributed_to,
                                        has_date=bool(sm.dates), families={t.start: t.family for t in triggers},
                                        places=[(p[0], p[1]) for p in sm.places + sm.weak_places],
                                        sentence=(s, stext), dates=all_dates)
        sm.span = sent
        sentences.append(sm)
    return sentences


# ---------------------------------------------------------------- documents in, events out

ProblemHandler = Callable[[object, str], None]
# Cuts between pieces of a long text, best first: a paragraph break, a line break, a sentence's end, a space.
_PIECE_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+")
# Padding that stands for the text before a piece: a few tokens from a small fixed set (a new string per
# length would stay in spaCy's vocabulary for good), each block one heading-like line that analyse skips.
_PAD_MARK = "\u2063"
_PAD_BLOCKS = (100_000, 10_000, 1_000, 100, 10)
_MIN_PIECE_CHARS = 1_000


def _pieces(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of ``text``, each at most ``size`` characters, cut at a paragraph
    break where there is one in the piece's second half, else at a line break, a sentence's end, a space,
    or (a single 'word' longer than half a piece) anywhere. The pieces cover the text exactly."""
    out, pos, n = [], 0, len(text)
    while n - pos > size:
        lo, hi = pos + size // 2, pos + size
        cut = text.rfind("\n\n", lo, hi - 1)
        cut = cut + 2 if cut >= 0 else -1
        if cut < 0 and (nl := text.rfind("\n", lo, hi)) >= 0:
            cut = nl + 1
        if cut < 0:
            ends = [m.end() for m in _PIECE_SENTENCE_END.finditer(text, lo, hi)]
            cut = ends[-1] if ends else -1
        if cut < 0 and (sp := text.rfind(" ", lo, hi)) >= 0:
            cut = sp + 1
        if cut <= pos:
            cut = hi
        out.append((pos, cut))
        pos = cut
    out.append((pos, n))
    return out


def _padding(n: int) -> str:
    """``n`` characters that put a piece of a text at its offset in the whole: offsets in the piece's spaCy
    doc are then offsets in the document, so every span of every mention, claim and event is right."""
    if n < _PAD_BLOCKS[-1]:
        return "\n" * n
    parts = []
    rest = n
    for size in _PAD_BLOCKS:
        count, rest = divmod(rest, size)
        parts.append((_PAD_MARK + "\n" * (size - 1)) * count)
    parts.append("\n" * rest)
    return "".join(parts)


def _as_document(item: object) -> Document:
    """A Document from a Document (checked), a dict (``text``, ``published``, ``source``, ``title``, ``url``)
    or a plain string; ValueError with the reason where it cannot be one."""
    from contested.ingest import _SURROGATE, text_problem

    if isinstance(item, Document):
        doc = item
        if not isinstance(doc.text, str):
            raise ValueError(f"text: expected a string, got {type(doc.text).__name__}")
        if (problem := text_problem(doc.text)) is not None:
            raise ValueError(problem)
        if _SURROGATE.search(doc.text):  # same length, so that the caller's offsets stay right
            doc = replace(doc, text=_SURROGATE.sub("\ufffd", doc.text))
        if doc.published is not None:
            published = _as_date(doc.published)  # ValueError where out of range
            if type(doc.published) is not date:
                doc = replace(doc, published=published)
        return doc
    if isinstance(item, str):
        return make_document(item)
    if isinstance(item, Mapping):
        text = next((item[k] for k in ("text", "body", "content") if k in item), None)
        if not isinstance(text, str):
            raise ValueError("text: the record has no 'text' string")
        fields = {k: item.get(k) for k in ("source", "title", "url")}
        for name, value in fields.items():
            if value is not None and not isinstance(value, str):
                raise ValueError(f"{name}: expected a string, got {type(value).__name__}")
        doc = make_document(text, item.get("published"), source=fields["source"], title=fields["title"])
        if fields["url"]:
            doc.url = fields["url"]
        return doc
    raise ValueError(f"not a document: {type(item).__name__} (give a Document, a dict with 'text', or a string)")


@dataclass(slots=True)
class _Work:
    """One input on its way through spaCy: its Document (or the reason there is none) and, for a long
    text, its pieces."""

    item: object
    doc: Document | None
    problem: str | None = None
    cuts: list[tuple[int, int]] = field(default_factory=list)  # the pieces of a long text: (start, end)


def _warn_problem(item: object, reason: str) -> None:
    origin = getattr(item, "origin", None) or getattr(item, "doc_id", None) or type(item).__name__
    logging.getLogger("contested.pipeline").warning("skipped %s: %s", origin, reason)


def warm_up() -> None:
    """Load and build, once per process, what every extraction needs: the spaCy pipeline, the gazetteer, the
    compiled trigger matcher and the actor dictionary's matchers. Each is otherwise built on first use, which
    makes a process's first document (or an HTTP server's first request) pay about a second for all of them;
    callers that time extraction, or serve it, call this first. What it loaded is then frozen out of the
    cycle collector's passes (``gc.freeze``): it lives as long as the process."""
    load_nlp()
    Gazetteer.load().prepare()
    from contested.triggers import matcher_for

    matcher_for()
    load_actors()._compiled()
    # What was just loaded lives as long as the process: kept out of the cycle collector's full passes, which
    # would otherwise walk all of it (the gazetteer's and the matchers' objects) again and again.
    gc.freeze()


def extract_documents(
    docs: Iterable[Document | Mapping | str],
    n_process: int = 1,
    *,
    on_problem: ProblemHandler | None = None,
) -> Iterator[tuple[Document, list[Event]]]:
    """Events for each document, streaming, in input order; spaCy batches the texts.

    Each item of ``docs`` is a ``Document``, a dict (``text``; optional ``published`` as a date, datetime or
    string, ``source``, ``title``, ``url``) or a plain string. Yields ``(document, events)`` for each item
    that could be read: ``document`` is the item itself where it was a ``Document``, else the ``Document``
    made from it (``make_document``).

    An item that cannot be read or extracted is never raised and never ends the stream: instead
    ``on_problem(item, reason)`` is called (with the item as given, and a one-line reason such as "too long:
    ... characters, over the limit of ..." or "published: 9999-12-31 is in the future ...") and nothing is
    yielded for it; the stream goes on with the next item. Without ``on_problem`` the reason is logged as a
    warning on the ``contested.pipeline`` logger. ``on_problem`` is called in input order, between the
    yields of the items before and after it. (An exception raised by the ``docs`` iterable itself is the
    caller's: it is raised again once the items before it are done.)

    A text longer than ``settings().piece_chars`` is read in pieces cut at paragraph or sentence ends (up
    to ``settings().max_text_chars``, above which it is refused), a few pieces at a time; offsets stay
    those of the whole text, and the events of all pieces are fused as one document's.
    """
    from contested.config import settings

    report = on_problem or _warn_problem
    limits = settings()
    nlp = load_nlp()
    gaz = Gazetteer.load()
    piece_chars = max(_MIN_PIECE_CHARS, min(limits.piece_chars, nlp.max_length - 1))
    pending: deque[_Work] = deque()  # handed to spaCy, not yet back
    input_error: list[BaseException] = []

    def feed() -> Iterator[tuple[str, _Work]]:
        items = iter(docs)
        while True:
            try:
                item = next(items)
            except StopIteration:
                return
            except Exception as exc:  # noqa: BLE001 - the caller's; raised again after the items before it
                input_error.append(exc)
                return
            try:
                work = _Work(item, _as_document(item))
            except ValueError as exc:
                work = _Work(item, None, str(exc))
            except Exception as exc:  # noqa: BLE001 - one bad item must not end the stream
                work = _Work(item, None, f"error: {type(exc).__name__}: {exc}")
            text = work.doc.text if work.doc is not None else ""
            if len(text) > piece_chars:
                work.cuts = _pieces(text, piece_chars)
                text = ""  # read in pieces when its turn comes, not in the shared batch
            pending.append(work)
            yield text, work

    def in_pieces(work: _Work, found: list, sentences: list[SentenceMentions]) -> list[Event]:
        """A long text, a few pieces at a time; each piece padded to its place in the whole, so that the
        offsets of its spaCy doc (a Doc made by the tokenizer: spaCy's length check is for whole texts)
        are the document's. The sentences read are added to ``sentences``."""
        text = work.doc.text
        padded = (nlp.tokenizer(_padding(start) + text[start:end]) for start, end in work.cuts)
        events: list[Event] = []
        for sdoc in nlp.pipe(padded, batch_size=2):
            piece = analyse(work.doc, sdoc, gaz)
            sentences.extend(piece)
            events.extend(build_events(work.doc, piece, found=found))
        return events

    def take(sdoc, work: _Work) -> tuple[Document, list[Event]] | None:
        """The document's result, or None where it has a problem (which is reported)."""
        if work.problem is None and work.doc is not None:
            try:
                found: list = []  # the claims found that no event carries, carried once the events are fused
                sentences: list[SentenceMentions] = []
                if work.cuts:
                    events = in_pieces(work, found, sentences)
                else:
                    sentences = analyse(work.doc, sdoc, gaz, text=work.doc.text)  # spaCy's doc of it
                    events = build_events(work.doc, sentences, found=found)
                # The same event told twice in one article (lead and body) is one event with two claims;
                # a date that disagrees with its paragraph's own frame is flagged.
                events = fuse_article(absorb_fighting(events))
                # an event still placed nowhere: the unit the story is at there (after fusion, which it changes
                # not: an unplaced retelling still joins the article's placed event)
                in_story_unit(events, sentences)
                carry_found(work.doc, found, events)
                check_document(work.doc.text, work.doc.published, events)
                return work.doc, events
            except Exception as exc:  # noqa: BLE001 - this document's problem, not the batch's
                work.problem = f"extraction failed: {type(exc).__name__}: {exc}"
        report(work.item, work.problem or "extraction failed")
        return None

    stream = feed()
    while True:
        try:
            for sdoc, work in nlp.pipe(stream, as_tuples=True, batch_size=SPACY_BATCH, n_process=n_process):
                pending.popleft()
                if (result := take(sdoc, work)) is not None:
                    yield result
            break
        except Exception as exc:  # noqa: BLE001 - spaCy failed on a batch: find the text, go on
            failure = f"{type(exc).__name__}: {exc}"
        # The texts handed over but not returned, one at a time; then a fresh pipe for the rest.
        while pending:
            work = pending.popleft()
            sdoc = None
            if work.problem is None and work.doc is not None and not work.cuts:
                try:
                    sdoc = nlp(work.doc.text)
                except Exception as exc:  # noqa: BLE001
                    work.problem = f"language analysis failed: {type(exc).__name__}: {exc}"
                if sdoc is None and work.problem is None:
                    work.problem = f"language analysis failed: {failure}"
            if (result := take(sdoc, work)) is not None:
                yield result
    if input_error:
        raise input_error[0]


def extract_results(
    docs: Iterable[Document | Mapping | str], n_process: int = 1
) -> Iterator[tuple[object, list[Event] | None, str | None]]:
    """``extract_documents`` as one stream of triples, in input order: ``(document, events, None)`` for an
    item that was read, ``(item, None, reason)`` for one that could not be (the item as given: for a
    ``Document`` input, that ``Document``)."""
    failed: deque[tuple[object, str]] = deque()
    for doc, events in extract_documents(docs, n_process, on_problem=lambda item, reason: failed.append((item, reason))):
        while failed:
            item, reason = failed.popleft()
            yield item, None, reason
        yield doc, events, None
    while failed:
        item, reason = failed.popleft()
        yield item, None, reason


def extract_document(doc: Document | Mapping | str) -> list[Event]:
    """The events of one document; ValueError with the reason where it is refused (see extract_documents)."""
    problems: list[str] = []
    for _, events in extract_documents([doc], on_problem=lambda _item, reason: problems.append(reason)):
        return events
    raise ValueError(problems[0] if problems else "no result")


def make_document(text: str, published=None, source: str | None = None, title: str | None = None) -> Document:
    """A Document from a text: normalized (ingest.normalize_text), identified by its content; ``published``
    a date, datetime or string (ISO, or as page metadata writes dates), else the byline's date.

    ValueError, with the field named, where the text is not a string or is over the length limit
    (``settings().max_text_chars``), or ``published`` is not a date or lies before 1900 or more than two days
    after today.
    """
    from contested.config import settings
    from contested.ingest import clean_text, document_id, normalize_text, text_problem
    from contested.metadata import byline_date

    if not isinstance(text, str):
        raise ValueError(f"text: expected a string, got {type(text).__name__}")
    if len(text) > 2 * settings().max_text_chars:  # refused before the work of normalizing it
        raise ValueError(text_problem(text) or "too long")
    text = normalize_text(text)
    if (problem := text_problem(text)) is not None:
        raise ValueError(problem)
    pub = _as_date(published)
    published_from = "given" if pub else None
    if pub is None:
        pub = byline_date(text)
        published_from = "byline" if pub else None
    source = " ".join(clean_text(source).split()) or None if isinstance(source, str) else None
    title = " ".join(clean_text(title).split()) or None if isinstance(title, str) else None
    return Document(document_id(text), text, title=title, source=source, published=pub, published_from=published_from)


def extract_text(text: str, published=None, source: str | None = None, title: str | None = None) -> list[Event]:
    """The events of one text (see make_document); ValueError with the reason where it is refused."""
    return extract_document(make_document(text, published, source, title))
