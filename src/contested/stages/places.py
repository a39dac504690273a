"""Stage: a draft's places. Where people went is not where it happened; a province or country named beside
a place inside it is dropped; a draft naming no place takes one from the sentence or the story told before."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re

from contested.config import ExtractionSettings
from contested.gazetteer import ROUTE_WORDS, TOWN_NOUNS, word_alternation
from contested.gazetteer import UNKNOWN_PLACE as _UNKNOWN_WORDS
from contested.records import DateSpan, Event, Location
from contested.stages.records import DiscourseState, Draft, PlaceChoice, PlaceMention, SentenceMentions
from contested.stages.tokens import token_at
from contested.textnorm import name_key
from contested.triggers import CONTROL_FAMILIES

PLACE_NOUNS = re.compile(
    r"\b(district|districts|town|city|village|base|checkpoints?|outposts?|posts?|area|centre|center|"
    r"headquarters|crossing|port|province|capital|territory|control|compound|garrison|airport|bazaar|highway)\b",
    re.IGNORECASE,
)
ANAPHOR_PLACE = re.compile(
    r"\b(it|the (district|town|city|area|village|base|crossing|port|centre|center|province|capital|compound))\b",
    re.IGNORECASE,
)
_TOWARD_BEFORE = re.compile(r"\b(to|towards?|into|for)\s+(the\s+)?(city\s+of\s+|town\s+of\s+)?$", re.IGNORECASE)
INTO_ITS_TERRITORY = re.compile(r"\b(into|to|onto) (its|their) (territory|soil|side)\b", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+(the\s+)?$", re.IGNORECASE)
_DEST_BEFORE = re.compile(r"\b(into|to|with|toward|towards|across|neighbou?ring)\s+(the\s+)?$", re.IGNORECASE)
# "Sake, a town west of Goma", "20 km north of Kabul": a place named to say where another lies
# "a village on the road south from Orikhiv", "Shasha, on the road between Sake and Minova": the same
_REFERENCE_BEFORE = re.compile(
    r"\b(?:(?i:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+(?:of|from)\s+)"
    r"|(?i:(?:" + word_alternation(ROUTE_WORDS) + r")\s+(?:\w+\s+)?(?:between|from|to)\s+(?:the\s+)?)"
    r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:and|to)\s+)?)(?i:the\s+)?$")
# "the Maiduguri-Monguno road", "the Kandahar-Herat highway": a name inside a route's name says where the road
# runs, not where the event happened (a reference, as "the road between Sake and Minova")
_ROUTE_NAME_AFTER = re.compile(r"(?:[-\u2010\u2011\u2013][A-Z][\w'’]*)+[ \t]+(?i:" + word_alternation(ROUTE_WORDS) + r")\b")
_ROUTE_NAME_BEFORE = re.compile(r"[A-Z][\w'’]*[-\u2010\u2011\u2013]$")
_ROUTE_WORD_AFTER = re.compile(r"(?:[-\u2010\u2011\u2013][A-Z][\w'’]*)*[ \t]+(?i:" + word_alternation(ROUTE_WORDS) + r")\b")
# "In Kunduz, soldiers surrendered ... in Imam Sahib district": a unit written first after "In" frames the sentence
_FRAME_BEFORE = re.compile(r"^\s*(?:[A-Z]\w*\s+)?[Ii]n\s+(?:the\s+)?$")
# "at an unspecified location": the text says the place is not known
UNKNOWN_PLACE = re.compile(
    r"\b(" + "|".join(sorted(_UNKNOWN_WORDS[0])) + r")\s+(" + "|".join(sorted(_UNKNOWN_WORDS[1]))
    + r")\b", re.IGNORECASE)
# Features of a place named in a sentence that "the district" or "it" may point back at later.
NAMED_FEATURES = ("district", "populated_place", "border_crossing", "base")


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+(?:the\s+)?")


def destinations(named: list[PlaceMention], sent: SentenceMentions) -> list[PlaceMention]:
    """The places of ``named`` (in text order) written after "to", "towards", "into", "for", and those listed
    right after one ("towards Khwaja Du Koh and Mardyan")."""
    out: list[PlaceMention] = []
    prev: PlaceMention | None = None
    for p in named:
        if p[0] < sent.start:
            prev = None
            continue
        at = p[0] - sent.start
        if _TOWARD_BEFORE.search(sent.text[max(0, at - 30):at]) or (
                prev is not None and prev in out and _LIST_GAP.fullmatch(sent.text, prev[1] - sent.start, at)):
            out.append(p)
        prev = p
    return out


def split_destinations(draft: Draft, sent: SentenceMentions,
                       config: ExtractionSettings) -> tuple[list[PlaceMention], list[PlaceMention]]:
    """(destinations, places): a foreign country named after "into", "to", "with" is where people went or
    whom a border is shared with, not where the event happened; so is any place after "to", "towards" in
    a flight, retreat or displacement ("retreated to Mazar-i-Sharif"). The rest, parents dropped, are the event's."""
    window = config.destination_chars

    def before(p: PlaceMention) -> str:
        return sent.text[max(0, p[0] - sent.start - window): p[0] - sent.start]

    dest = [p for p in draft.places if p[2].feature == "country" and p[2].country != sent.home_country
            and _DEST_BEFORE.search(before(p))]
    if draft.family in ("flee", "retreat", "displacement"):
        # "driven 30,000 people from Wegeltena ..., most of them towards Dessie": where they went
        dest += [p for p in draft.places if p not in dest and p[2].feature != "country"
                 and _TOWARD_BEFORE.search(before(p))]
    own = [p for p in draft.places if p not in dest]
    if draft.family not in ("flee", "retreat", "displacement"):
        # "migrants (mostly from Afghanistan)", "trucks that transport goods from Turkey": where people or
        # things came from, not where it happened, once the sentence names a place of its own; so is any place
        # the parse makes the origin of a noun ("houses belonging to families from Misrata")
        origins = [p for p in own if (p[2].feature == "country" and _FROM_BEFORE.search(before(p)))
                   or _origin_of_noun(sent, p)]
        # (not where the only other place is the unit that holds it: "citizens from Redeyef (Gafsa) protested",
        # or one named to say where it lies: "abducted seven women from Chai, a village north of Macomia town")
        if origins and any(p not in origins and not any(_holds(p[2], o[2]) for o in origins)
                           and not (p[0] >= 0 and p[2].feature != "country" and _REFERENCE_BEFORE.search(before(p)))
                           for p in own):
            own = [p for p in own if p not in origins]
        elif sent.home_country is not None:
            # "has turned away from France and towards Russia": a foreign country named only as where something
            # came from is no place of what the story tells, even alone (its place is then read from the story)
            own = [p for p in own if not (p in origins and p[2].feature == "country"
                                          and p[2].country != sent.home_country)]
    # "shelled Sake, a town west of Goma": the place named to say where the other lies is not a second place of
    # the event; alone ("20 km north of Kabul") it places the event near it (ACLED geo precision 2)
    refs = [p for p in own if p[0] >= 0 and p[2].feature != "country" and _REFERENCE_BEFORE.search(before(p))]
    # the ends of a route's name, where a place of its own placed finer than its province is left ("the
    # Kandahar-Herat highway in Zhari district"; not beside a township known only by its region's point)
    route = [p for p in own if p[0] >= 0 and p not in refs and p[2].feature != "country" and _in_route_name(sent, p)]
    if route and any(p not in route and p not in refs and p[2].feature not in ("province", "country")
                     and (p[2].precision or 1) < 3 for p in own):
        refs += route
    if refs and any(p not in refs and p[2].feature not in ("province", "country") for p in own):
        # only where a town or district of its own is left: "a village west of Mizdah (Al Jabal Al Gharbi)"
        # is placed at Mizdah, not at the province
        own = [p for p in own if p not in refs]
    elif refs:
        # "in Kenya, a bomb hit a truck on the road between Mandera and Rhamu": near the town named, not the
        # country or province that holds it (at ACLED geo precision 2)
        own = [p for p in own if p in refs or not any(
            r[2].country == p[2].country and (p[2].feature == "country" or r[2].admin1 == p[2].admin1)
            for r in refs)]
        own = [(p[0], p[1], dataclasses.replace(p[2], precision=max(2, p[2].precision or 2)))
               if p in refs and p[2].lat is not None else p for p in own]
    frames = {p[0] for p in own if p[0] >= sent.start and _FRAME_BEFORE.match(sent.text[:p[0] - sent.start])}
    return dest, drop_parents(own, config.parent_place_chars, frames)


def _holds(unit: Location, place: Location) -> bool:
    """Whether ``unit`` is the province or country that ``place`` lies in."""
    if unit.feature == "country":
        return unit.country == place.country and place.feature != "country"
    return unit.feature == "province" and unit.admin1 == place.admin1 and place.feature not in ("province", "country")


def _origin_of_noun(sent: SentenceMentions, p: PlaceMention) -> bool:
    """The parse makes the place the object of "from" that qualifies a noun, not a verb ("families from
    Misrata", "fighters from Kunduz"): where people or things came from."""
    if p[0] < 0:
        return False
    tok = token_at(sent.span, p[0])
    if tok is None:
        return False
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ == "from" and prep.dep_ == "prep"
            and prep.head.pos_ in ("NOUN", "PROPN") and prep.head.i != prep.i)


def _in_route_name(sent: SentenceMentions, p: PlaceMention) -> bool:
    """A name inside a route's name ("the Maiduguri-Monguno road", "the Kandahar-Herat highway")."""
    if p[0] < sent.start or p[1] > sent.end:
        return False
    at, end = p[0] - sent.start, p[1] - sent.start
    if _ROUTE_NAME_AFTER.match(sent.text, end):
        return True
    return bool(_ROUTE_NAME_BEFORE.search(sent.text[:at])) and bool(_ROUTE_WORD_AFTER.match(sent.text, end))


def cross_border(etype: str, detail: str | None, dest: list[PlaceMention], places: list[PlaceMention],
                 sent: SentenceMentions) -> tuple[str | None, list[PlaceMention]]:
    """(detail, places) of an event once its type is known: a flight across a border happened where they
    fled from, and the destination country is its detail ("to Tajikistan")."""
    if etype == "cross_border_flight" and not dest and INTO_ITS_TERRITORY.search(sent.text):
        # "Uzbekistan said 84 Afghan troops had crossed into its territory": the source's country.
        dest = [p for p in sent.source_places if p[2].feature == "country" and p[2].country != sent.home_country]
    dest = [p for p in dest if p[2].feature == "country"] or dest
    if etype == "cross_border_flight" and dest:
        detail = f"to {dest[0][2].name}"
        places = [p for p in places if p[2].country != dest[0][2].country]
    return detail, places


def drop_parents(places: list[PlaceMention], distance: int = 60,
                 frames: set[int] | frozenset[int] = frozenset()) -> list[PlaceMention]:
    """Drop a province or country when a place inside it is also named within ``distance`` characters
    ("Khwaja Ghar district of Takhar"), or anywhere in the sentence where the unit frames it (its start in
    ``frames``: "In Kunduz, soldiers surrendered ... in Imam Sahib district"; the town named like its province
    stands for the province there), and a place named twice."""
    provinces = [p for p in places if p[2].feature == "province"]
    if provinces:
        # "the Aqina border crossing ... in Faryab province": a place known only by name is in the province
        # the sentence puts it in.
        merged = []
        for p in places:
            loc = p[2]
            if loc.country is None and loc.admin1 is None and p[0] >= 0:
                prov = min(provinces, key=lambda q: abs(q[0] - p[0]))[2]
                loc = dataclasses.replace(loc, country=prov.country, admin1=prov.admin1)
                p = (p[0], p[1], loc)
            merged.append(p)
        places = merged
    out = []
    for p in places:
        loc = p[2]
        inner = False
        framing = p[0] in frames
        for q in places:
            if q is p or (p[0] >= 0 and q[0] >= 0 and abs(p[0] - q[0]) > distance and not framing):
                continue
            other = q[2]
            if loc.feature == "country" and other.country == loc.country and other.feature != "country":
                inner = True
            elif loc.feature == "province" and other.admin1 == loc.admin1 and other.feature not in ("province", "country"):
                inner = True
            elif (
                loc.feature == "district" and other.admin2 == loc.admin2 and other.admin1 == loc.admin1
                and other.feature not in ("province", "country", "district")
            ):
                inner = True
            elif (
                # "the Mosazai village in Tarinkot city", "Kala Baja village of Tarnak district": a place known
                # only by name, put at the point of the town or district named to say where it lies
                loc.feature in ("populated_place", "district") and loc.geonameid is not None
                and other.geonameid is None and other.lat is not None and (other.lat, other.lon) == (loc.lat, loc.lon)
                and other.admin1 == loc.admin1 and name_key(other.name) != name_key(loc.name)
            ):
                inner = True
            elif (
                # "Deh Salah district of Baghlan": the town named like the province stands for the province.
                loc.feature == "populated_place" and loc.admin1 and name_key(loc.name) == name_key(loc.admin1)
                and other.admin1 == loc.admin1 and other.feature in ("district", "populated_place")
                and name_key(other.name) != name_key(loc.name) and (q[0] < p[0] or framing)
            ):
                inner = True
        if not inner:
            out.append(p)
    # The same place named twice counts once.
    seen, uniq = set(), []
    for p in out:
        k = (p[2].name, p[2].admin1, p[2].admin2)
        if k not in seen:
            seen.add(k)
            uniq.append(p)
    return uniq


def or_weak(places: list[PlaceMention], sent: SentenceMentions) -> list[PlaceMention]:
    """A draft with no place takes the sentence's place of last resort ("Kunduz residents")."""
    if not places and sent.weak_places:
        return sent.weak_places[:1]
    return places


@functools.cache
def _continuation() -> re.Pattern[str]:
    """Words that tell the next step of the story told one sentence before (data/dates.json)."""
    from contested.stages.dates import _dates_data

    alts = sorted(_dates_data()["continuation_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in alts) + r")\b", re.IGNORECASE)




def _of_kind(noun: str | None, last: Location, state: DiscourseState) -> Location:
    """The place "the city" points at: the latest place named, unless that is a district or province only
    named so far (no event told there) and one of the last few events told was in a town ("families fled the
    city" after "left Lashkar Gah ... towards Nawa": Lashkar Gah, not the district Nawa; but "the town" after
    events at Palma, which only its district stands for, is Palma)."""
    if noun is None or noun.lower() not in TOWN_NOUNS or last.feature not in ("district", "province"):
        return last
    if any(ev.location is not None and ev.location.name == last.name for ev in state.told):
        return last
    return next((ev.location for ev in reversed(state.told[-5:])
                 if ev.location is not None and ev.location.feature == "populated_place"), last)


def from_context(places: list[PlaceMention], draft: Draft, sent: SentenceMentions, si: int, date: DateSpan | None,
                 previous: Event | None, state: DiscourseState, config: ExtractionSettings) -> PlaceChoice:
    """A draft with no place of its own: the place of the event before it in the sentence, or of the story
    told just before ("A day later, government forces pushed them back"; "the district", "it"), or of the
    sentence just before that named a place and told no event ("Villagers stepped on a landmine in X. The
    explosion killed one"), unless the text says the place is not known ("at an unspecified location")."""
    last = state.last_place
    if (not places and previous is None and last is not None
            and si - state.last_place_sentence == config.continuation_sentences
            and sent.paragraph == state.last_place_paragraph and draft.family in CONTROL_FAMILIES
            and not sent.places and (date is None or date.precision == "day")
            and not any(PLACE_NOUNS.search(q.unit) for q in draft.quantities)):
        # "A day later, government forces pushed them back": the story goes on at the same place.
        anaphor = ANAPHOR_PLACE.search(sent.text)
        return PlaceChoice([(-1, -1, _of_kind(anaphor.group(2) if anaphor else None, last[2], state))], True)
    if not places:
        if previous is not None and previous.location is not None:
            return PlaceChoice([(-1, -1, previous.location)])
        if last is not None and si - state.last_place_sentence <= config.anaphor_place_sentences and (
                anaphor := ANAPHOR_PLACE.search(sent.text[draft.trigger.end - sent.start:])):
            return PlaceChoice([(-1, -1, _of_kind(anaphor.group(2), last[2], state))], True)
        if (last is not None and si - state.last_place_sentence == 1 and si - state.last_event_sentence == 1
                and sent.paragraph == state.last_place_paragraph and not sent.places and (date is None or
                date.precision == "day") and not UNKNOWN_PLACE.search(sent.text)
                and (_continuation().search(sent.text[:draft.trigger.start - sent.start])
                     or (draft.family in config.follow_on_families and date is None))):
            # "A truck hit a landmine on the road to Mueda. Troops later defused a second device": the next
            # step of the story told just before, at its place; so is a happening of a family that follows one
            # with no date of its own ("... broke up the protest. Several students were detained":
            # ``follow_on_families``; not a figure or a detail, "six soldiers were killed in the fighting", which
            # belongs to the event told and would stand apart with a place)
            told = state.told[-1].location if state.told and state.told[-1].location is not None else last[2]
            return PlaceChoice([(-1, -1, told)], True)
        if (last is not None and si - state.last_place_sentence == 1 and sent.paragraph == state.last_place_paragraph
                and state.last_event_sentence < state.last_place_sentence and not sent.places
                and not UNKNOWN_PLACE.search(sent.text)):
            # "Villagers stepped on a landmine in Ta Tork commune of Samlout district. The explosion killed
            # one": the sentence before set the scene (a place and no event of its own); the story goes on there
            # ("fled the city": its town, where the scene named a district after it)
            anaphor = ANAPHOR_PLACE.search(sent.text)
            return PlaceChoice([(-1, -1, _of_kind(anaphor.group(2) if anaphor else None, last[2], state))], True)
    return PlaceChoice(places)



def in_story_unit(events: list[Event], sentences: list[SentenceMentions]) -> None:
    """An event left with no place (it names none, takes none from the story told before, and no retelling
    gave one) is placed in the first-level unit the story is at around its first claim's sentence
    (``SentenceMentions.story_unit``), where there is one: the level that is certain, not a town, and not
    nothing ("recaptured Ewa", a town no package knows, in a story told in Afar region; "soldiers were wounded
    at unspecified locations" after "near Marinka, Donetsk"). Done once the events are fused, so that it
    changes no fusion."""
    starts = [s.start for s in sentences]
    for ev in events:
        if ev.location is not None or not ev.claims:
            continue
        k = bisect.bisect_right(starts, ev.claims[0].span[0]) - 1
        if k >= 0 and sentences[k].story_unit is not None:
            ev.location = sentences[k].story_unit
