"""Event or not on long news articles (issue 6): kinds of clause that long articles hold and that are no event
an analyst would code, read from the parse with a publication date; and one happening told in one sentence at
a place and at the district or province that holds it is one event.

The sentences are written for these tests; each stands for a kind of clause (none is a sentence of the gold
articles in tests/fixtures).
"""

from __future__ import annotations

from datetime import date

import pytest

from contested.dates import find_dates
from contested.eventness import ASSERTED, EventnessSettings, clause_reasons
from contested.nlp import load_nlp
from contested.pipeline import extract_text
from contested.records import Claim, Event, Evidence, Location
from contested.stages.dedup import holds, merge_twins
from contested.triggers import find_triggers


def reasons(sentence: str, published: date | None, settings: EventnessSettings | None = None) -> dict[str, str]:
    doc = load_nlp()(sentence)
    triggers = find_triggers(sentence, 0)
    spans = {t.start: doc.char_span(t.start, t.end, alignment_mode="expand") for t in triggers}
    got = clause_reasons(spans, published=published, settings=settings,
                         families={t.start: t.family for t in triggers},
                         has_date=bool(find_dates(sentence, published, 0)))
    return {t.text: got[t.start] for t in triggers}


OCT = date(2021, 10, 22)


@pytest.mark.parametrize(
    ("published", "sentence", "word", "reason"),
    [
        # History told around the news: a date that resolves to more than a month before publication.
        (OCT, "Rebels seized the town in June and then moved south.", "seized", "background"),
        (OCT, "In March, gunmen stormed a hotel in the port, killing 12 guests.", "stormed", "background"),
        (OCT, "More than 2,000 people have been killed since 2015.", "killed", "background"),
        (OCT, "The market, which militants looted last year, reopened on Monday.", "looted", "background"),
        (OCT, "The rebels withdrew from the town and handed it to the army in May.", "withdrew", "background"),
        (date(2023, 11, 9), "The army took power on 3 March 2020, dissolving parliament and crushing the protests "
                            "that followed.", "protests", "background"),
        (OCT, "Troops retook the port on Sunday, a year after rebels seized it.", "seized", "background"),
        (OCT, "Troops retook the port on Sunday, a year after rebels seized it.", "retook", ASSERTED),
        # ... but the news itself, and a clause whose only old date belongs to a clause under it, are kept.
        (date(2021, 7, 13), "Rebels seized the town on July 4, officials said.", "seized", ASSERTED),
        (OCT, "In Gondar, which the army has held since May, militiamen attacked a market on Tuesday.",
         "attacked", ASSERTED),
        # No news of it, nothing to do it with.
        (OCT, "There were no reports of casualties.", "casualties", "negated"),
        (OCT, '"We had nothing to fight with," one soldier said.', "fight", "unrealised"),
        (OCT, "No one was reported injured.", "injured", "negated"),
        (OCT, "None of the guards were wounded, the ministry said.", "wounded", "negated"),
        (OCT, "Nobody claimed the attack on the convoy on Monday.", "attack", ASSERTED),
        # Who speaks, not what happened.
        (OCT, "Villagers who fled the fighting say they cannot go home.", "fled", "description"),
        (OCT, '"We ran," said a farmer who fled the valley at night.', "fled", "description"),
        # A tally of territory is no place anything happened at.
        (OCT, "The government has lost control of a third of the country, according to estimates.", "lost",
         "aggregate"),
        # A habit, even beside a verb of saying in the past.
        (OCT, '"On this front they advance and attack," the officer said.', "attack", "generic"),
        (OCT, "The militia has always relied on ambushes when it loses a town, she said.", "loses", "generic"),
        (OCT, "The militia has always relied on ambushes when it loses a town, she said.", "ambushes", "generic"),
        (OCT, "Villagers who fled the fighting say they cannot go home.", "fighting", "description"),
        (OCT, "Jets struck a convoy of militants fleeing towards the border on Sunday.", "fleeing", "description"),
        (OCT, "Soldiers fleeing the fighting crossed the border on Sunday.", "fleeing", ASSERTED),
        (OCT, "Jets launched strikes killing two militants on Sunday.", "killing", ASSERTED),
        # The happening told before, named by a definite noun.
        (OCT, "The recapture came a day after heavy fighting near the river.", "recapture", "reference"),
        (OCT, "Nurses said eight people had died in Monday's bombing.", "died", "reference"),
        (OCT, "By Thursday the toll from Tuesday's raid had risen to nine dead.", "dead", "reference"),
        (OCT, "Eight people died in an attack on the market on Monday.", "died", ASSERTED),
        # A state, not a happening.
        (OCT, "Soldiers patrol the streets of occupied Kherson.", "occupied", "state"),
        (OCT, "Russian troops occupied the town on Monday.", "occupied", ASSERTED),
    ],
)
def test_clause_reason_in_news(published, sentence, word, reason):
    got = reasons(sentence, published)
    assert word in got, got
    assert got[word].startswith(reason), (sentence, got)


def test_how_old_is_background_is_a_setting():
    sentence = "Rebels seized the town in June and then moved south."
    assert reasons(sentence, OCT)["seized"].startswith("background")
    assert reasons(sentence, OCT, EventnessSettings(recent_days=200))["seized"] == ASSERTED


def test_without_a_publication_date_a_month_alone_is_not_background():
    # Nothing to measure "in June" against: only years far from the text's latest are background.
    assert reasons("Rebels seized the town in June.", None)["seized"] == ASSERTED


def test_a_person_seized_is_an_arrest_not_a_place_taken():
    events = extract_text("Soldiers seized a member of the village council at a checkpoint in Kharkiv on Sunday, "
                          "his family said.", published="2022-10-05")
    assert events and all(e.type not in ("territory_captured", "territory_regained") for e in events), \
        [e.type for e in events]


def _event(type_: str, loc: Location, mark: tuple[int, int]) -> Event:
    ev = Event(id=f"{type_}{loc.name}", type=type_, acled_event_type="", acled_sub_event_type="", location=loc)
    ev.evidence = [Evidence()]
    ev.evidence[0].add("type", *mark)
    return ev


def _loc(name: str, feature: str, admin1: str | None, admin2: str | None = None, country: str = "Mozambique"):
    return Location(name=name, text=name, country=country, admin1=admin1, admin2=admin2, lat=None, lon=None,
                    feature=feature)


def test_the_unit_that_holds_a_place_is_no_second_happening():
    village = _loc("Chai", "populated_place", "Cabo Delgado", "Macomia")
    district = _loc("Macomia", "district", "Cabo Delgado", "Macomia")
    province = _loc("Cabo Delgado", "province", "Cabo Delgado")
    other = _loc("Mueda", "populated_place", "Cabo Delgado", "Mueda")
    assert holds(district, village) and holds(province, village) and holds(province, district)
    assert not holds(village, district) and not holds(other, village) and not holds(district, other)
    abroad = _loc("Macomia", "district", "Elsewhere", country="Tanzania")
    assert not holds(abroad, village)
    # A district that shares its province's name holds only its own towns.
    namesake = _loc("Cabo Delgado", "district", "Cabo Delgado", "Cabo Delgado")
    assert not holds(namesake, village) and holds(namesake, _loc("Sede", "populated_place", "Cabo Delgado",
                                                                  "Cabo Delgado"))
    # The coarse one told first: the event stays at the village, with both words marked.
    merged = merge_twins([_event("killing", district, (10, 15)), _event("killing", village, (20, 25))])
    assert len(merged) == 1 and merged[0].location is village
    assert sorted(merged[0].evidence[0].marks["type"]) == [(10, 15), (20, 25)]
    # Two villages, or two types, stay two events.
    assert len(merge_twins([_event("killing", village, (1, 2)), _event("killing", other, (3, 4))])) == 2
    assert len(merge_twins([_event("killing", district, (1, 2)), _event("abduction", village, (3, 4))])) == 2


def _told(type_: str, loc: Location, sentence: str, name: str) -> Event:
    at = sentence.index(name)
    ev = _event(type_, loc, (0, 5))
    ev.evidence[0].add("location", at, at + len(name))
    ev.claims = [Claim(doc_id="d", source=None, published=None, attributed_to=None, attribution_text=None,
                       stance="asserts", hedged=False, sentence=sentence, span=(0, len(sentence)))]
    return ev


def test_the_two_ends_of_a_road_are_one_happening():
    road = "Gunmen abducted a teacher on the road between Alpha and Beta on Tuesday."
    alpha, beta = _loc("Alpha", "populated_place", "Est"), _loc("Beta", "populated_place", "Est")
    merged = merge_twins([_told("abduction", alpha, road, "Alpha"), _told("abduction", beta, road, "Beta")])
    assert len(merged) == 1 and merged[0].location is alpha
    both = "Gunmen abducted a teacher in Alpha and a nurse in Beta on Tuesday."
    assert len(merge_twins([_told("abduction", alpha, both, "Alpha"), _told("abduction", beta, both, "Beta")])) == 2
