"""The whole path on text: events, claims, dates, figures, places; every event valid against the contract.

The article in fixtures/ is illustrative (written for these tests, marked as such in its text): real places,
invented events, in the way the 2021 offensive was reported.
"""

from __future__ import annotations

from datetime import date

import pytest

import contested
from conftest import FIXTURES
from contested.pipeline import extract_text
from contested.taxonomy import EVENT_TYPES, acled_type

ARTICLE = (FIXTURES / "offensive_2021_illustrative.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article_events():
    return extract_text(ARTICLE, source="Example Wire")


def by(events, type_, place=None):
    return [e for e in events if e.type == type_ and (place is None or (e.location and e.location.name == place))]


def test_every_event_validates_against_the_schema(article_events, event_validator):
    assert article_events
    for ev in article_events:
        data = ev.as_json()
        errors = sorted(event_validator.iter_errors(data), key=str)
        assert not errors, (data, errors[0])
        assert data["type"] in EVENT_TYPES
        assert (data["acled"]["event_type"], data["acled"]["sub_event_type"]) == tuple(
            acled_type(data["type"], data["detail"])
        )


def test_publication_date_from_the_byline_resolves_relative_dates(article_events):
    # "By ... in Kabul, July 6, 2021" (a Tuesday): "on Sunday" is July 4.
    capture = by(article_events, "territory_captured", "Imam Sahib")[0]
    assert capture.date.start == date(2021, 7, 4) and capture.date.precision == "day"
    assert capture.claims[0].published == date(2021, 7, 6)
    assert any(a.name == "Taliban" and a.role == "actor1" for a in capture.actors)
    assert capture.location.admin1 == "Kunduz" and capture.location.lat is not None


def test_one_sentence_several_events_with_an_anaphoric_date(article_events):
    # "Government forces retook the district centre on Monday, only to lose it again the next day"
    regained = by(article_events, "territory_regained", "Imam Sahib")
    assert [e.date.start for e in regained] == [date(2021, 7, 5)]
    assert regained[0].actors[0].name.startswith("Military Forces of Afghanistan")
    lost = [e for e in by(article_events, "territory_captured", "Imam Sahib") if e.date.start == date(2021, 7, 6)]
    assert len(lost) == 1
    roles = {a.role: a.name for a in lost[0].actors}
    assert roles["actor1"] == "Taliban" and roles["actor2"].startswith("Military Forces of Afghanistan")
    # the source of "he added" is the council member named in the sentence before
    assert "Amruddin Wali" in lost[0].claims[0].attributed_to


def test_a_denial_is_a_claim_on_the_event_it_denies(article_events):
    denied = [e for e in article_events if any(c.stance == "denies" for c in e.claims)]
    assert denied and all(e.type == "territory_captured" for e in denied)
    claim = next(c for c in denied[0].claims if c.stance == "denies")
    assert claim.attributed_to == "Ministry of Defense"
    assert "denied" in denied[0].flags


def test_troop_crossing_keeps_each_figure_with_its_source(article_events):
    (crossing,) = by(article_events, "cross_border_flight")
    assert crossing.detail == "to Tajikistan"
    assert crossing.location is not None and crossing.location.country == "Afghanistan"
    figures = {(q.value, q.qualifier, q.unit): crossing.claims[q.claim].attributed_to for q in crossing.quantities}
    assert "State Committee for National Security" in figures[(1000, "more_than", "soldiers")]
    assert figures[(300, "about", "soldiers")] == "Afghan official"
    assert [c.stance for c in crossing.claims].count("doubts") == 1
    assert "contested_figures" in crossing.flags


def test_border_crossing_no_package_knows_is_kept_by_name(article_events):
    (ev,) = by(article_events, "territory_captured", "Sher Khan Bandar")
    assert ev.location.feature == "border_crossing"
    assert ev.location.lat is None  # unknown is null: no coordinates invented
    assert ev.date.precision == "week" and ev.date.start == date(2021, 6, 28)
    assert ev.claims[0].attributed_to == "two border police officers"


def test_diacritics_and_two_districts_in_one_sentence(article_events):
    takhar = [e for e in by(article_events, "territory_captured") if e.location and e.location.admin1 == "Takhar"]
    assert {e.location.admin2 for e in takhar} == {"Khwajah Ghar", "Dasht-e Qalah"}
    assert all(e.date.start == date(2021, 7, 3) for e in takhar)
    assert all(e.claims[0].attributed_to == "residents" for e in takhar)


def test_hedged_figure_from_a_retelling_sentence(article_events):
    (recapture,) = by(article_events, "territory_regained", "Qalah-ye Now")
    assert recapture.location.admin1 == "Badghis"
    assert recapture.date.start == date(2021, 7, 1)
    up_to = [q for q in recapture.quantities if q.qualifier == "up_to"]
    assert up_to and up_to[0].value == 320
    claim = recapture.claims[up_to[0].claim]
    assert claim.hedged and claim.stance == "doubts"
    assert recapture.fatalities == 320


def test_headline_and_byline_make_no_event(article_events):
    first_line_end = ARTICLE.index("\n")
    assert all(c.span[0] > first_line_end for e in article_events for c in e.claims)


def test_ids_are_stable():
    a = [e.id for e in extract_text(ARTICLE)]
    b = [e.id for e in extract_text(ARTICLE)]
    assert a == b and len(set(a)) == len(a)


def test_python_api_on_a_string(event_validator):
    events = contested.extract(
        "Taliban fighters overran Khwaja Ghar district of Takhar province on Tuesday, local officials said.",
        published="2021-07-08",
        source="Example",
    )
    assert len(events) == 1
    ev = events[0]
    assert not list(event_validator.iter_errors(ev))
    assert ev["type"] == "territory_captured"
    assert ev["date"]["start"] == "2021-07-06"
    assert ev["location"]["admin1"] == "Takhar"
    assert ev["claims"][0]["attributed_to"] == "local officials"
    assert ev["claims"][0]["source"] == "Example"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("An IED blast killed three policemen in Nad Ali district of Helmand on Monday.", "explosive_device"),
        ("Afghan air forces carried out airstrikes in Kunduz province on Monday, killing 12 Taliban.", "air_strike"),
        ("A suicide bomber struck a police headquarters in Kabul on Monday.", "suicide_bombing"),
        ("Taliban militants shelled Lashkar Gah with mortars on Monday.", "shelling"),
        ("Heavy clashes between Taliban and Afghan forces continued in Ghazni on Monday.", "armed_clash"),
        ("Afghan forces arrested five Taliban suspects in Herat on Monday.", "arrest"),
        ("Taliban gunmen abducted 20 passengers on the highway in Takhar on Monday.", "abduction"),
        ("Afghan soldiers abandoned their posts in Badakhshan on Monday.", "retreat"),
        ("Forty soldiers surrendered to the Taliban in Kunduz on Monday.", "surrender"),
        ("Security forces defused a roadside bomb in Khost on Monday.", "weapons_seized"),
    ],
)
def test_event_types(sentence, expected):
    events = extract_text(sentence, published="2021-07-08")
    assert events and events[0].type == expected, [(e.type, e.trigger) for e in events]


def test_a_sentence_without_an_event_gives_none():
    assert extract_text("The weather in Kabul was mild and markets were busy.", published="2021-07-08") == []


@pytest.fixture(scope="module")
def crossings():
    text = (FIXTURES / "border_crossings_illustrative.txt").read_text(encoding="utf-8")
    return extract_text(text, published="2021-07-10", source="Example Wire")


def test_statement_date_bounds_an_undated_capture(crossings):
    (islam_qala,) = [e for e in crossings if e.location and e.location.name == "Eslam Qaleh"]
    assert islam_qala.type == "territory_captured" and islam_qala.location.admin1 == "Herat"
    # "..., government officials said on Friday": within the week up to Friday July 9, flagged.
    assert (islam_qala.date.start, islam_qala.date.end) == (date(2021, 7, 3), date(2021, 7, 9))
    assert islam_qala.date.precision == "week" and "date_from_report" in islam_qala.flags


def test_a_claim_by_a_party_and_its_denial(crossings):
    (spin,) = [e for e in crossings if e.location and e.location.name == "Spin Boldak"]
    assert [c.stance for c in spin.claims] == ["asserts", "denies"]
    assert spin.claims[0].attributed_to == "The Taliban" and spin.claims[1].attributed_to == "Afghan officials"


def test_crossings_into_two_neighbours(crossings):
    flights = {e.detail: e for e in crossings if e.type == "cross_border_flight"}
    assert set(flights) == {"to Tajikistan", "to Uzbekistan"}
    uz = flights["to Uzbekistan"]
    assert uz.date.start == date(2021, 7, 4)
    assert [(q.value, q.qualifier) for q in uz.quantities] == [(300, "about")]
    assert uz.claims[0].attributed_to == "Uzbek officials"


def test_earlier_fall_and_later_recapture_in_one_sentence(crossings):
    kohistanat = [e for e in crossings if e.location and e.location.name == "Kohistanat"]
    assert {e.type for e in kohistanat} == {"territory_regained", "territory_captured"}
    fall = next(e for e in kohistanat if e.type == "territory_captured")
    assert fall.date is None  # "days after it fell": not Saturday


def test_the_story_goes_on_at_the_same_place(crossings):
    badghis = [e for e in crossings if e.location and e.location.name == "Qalah-ye Now"]
    assert [(e.type, e.date.start) for e in badghis] == [
        ("territory_captured", date(2021, 7, 7)),
        ("territory_regained", date(2021, 7, 8)),
    ]
    assert "place_from_context" in badghis[1].flags


def test_a_crossing_no_gazetteer_knows_dated_in_its_sentence(crossings):
    (shir,) = [e for e in crossings if e.location and e.location.name == "Shir Khan Bandar"]
    assert shir.type == "territory_captured" and shir.date.start == date(2021, 6, 22)
    assert shir.location.feature == "border_crossing" and shir.location.lat is None


def test_a_one_line_dispatch_without_a_full_stop_is_not_a_headline():
    (ev,) = extract_text("Taliban militants captured Khwaja Ghar district of Takhar province on Sunday", published="2021-07-06")
    assert ev.type == "territory_captured" and ev.date.start == date(2021, 7, 4)


@pytest.fixture(scope="module")
def district_reports():
    text = (FIXTURES / "district_reports_illustrative.txt").read_text(encoding="utf-8")
    return extract_text(text, published="2021-07-08", source="Example Wire")


@pytest.mark.parametrize(
    "place, admin1, type_, day",
    [
        ("Dand Patan", "Paktia", "territory_captured", date(2021, 7, 6)),  # "on Tuesday seized the district of"
        ("Dasht-e Archi", "Kunduz", "territory_captured", date(2021, 7, 5)),  # "had overrun ... late on Monday"
        ("Murghab", "Badghis", "territory_captured", date(2021, 7, 3)),  # "Bala Murghab ... fell to the Taliban"
        ("Doshi", "Baghlan", "territory_regained", date(2021, 7, 2)),
        ("Aqina", "Faryab", "territory_captured", date(2021, 7, 8)),  # a crossing no package knows, "in Faryab"
        ("Kohistan", "Faryab", "retreat", date(2021, 7, 7)),
    ],
)
def test_dated_captures_and_recaptures(district_reports, place, admin1, type_, day):
    (ev,) = [e for e in district_reports if e.location and e.location.name == place]
    assert (ev.type, ev.location.admin1, ev.date.start) == (type_, admin1, day)


def test_a_figure_and_its_rejection_after_a_semicolon(district_reports):
    (ev,) = [e for e in district_reports if e.fatalities == 262]
    assert [(c.attributed_to, c.stance) for c in ev.claims] == [("Ministry of Defense", "asserts"),
                                                                 ("the Taliban", "denies")]


def test_a_running_total_is_not_another_crossing(district_reports):
    flights = [e for e in district_reports if e.type == "cross_border_flight"]
    assert sorted(e.detail for e in flights) == ["to Tajikistan", "to Uzbekistan"]
    tj = next(e for e in flights if e.detail == "to Tajikistan")
    assert tj.date.start == date(2021, 7, 5) and tj.quantities[0].value == 134
    uz = next(e for e in flights if e.detail == "to Uzbekistan")  # "crossed into its territory"
    assert uz.quantities[0].value == 84 and uz.claims[0].attributed_to == "Uzbekistan"


def test_recapture_denied_by_the_other_side(district_reports):
    (ev,) = [e for e in district_reports if e.location and e.location.name == "Kalafgan"]
    assert ev.type == "territory_regained"
    assert [c.stance for c in ev.claims][:2] == ["asserts", "denies"] and "denied" in ev.flags
    # "..., officials said, but the Taliban say fighting continues": the Taliban's word on the town retaken is a
    # claim on it too (carried by its event word, ``stages.claims.carry_found``)
    assert [(c.attributed_to, c.stance) for c in ev.claims[2:]] == [("the Taliban", "asserts")]


@pytest.fixture(scope="module")
def claims_and_retreats():
    text = (FIXTURES / "claims_and_retreats_illustrative.txt").read_text(encoding="utf-8")
    return extract_text(text, published="2021-07-08", source="Example Wire")


def test_a_partys_claim_denied_by_negation(claims_and_retreats):
    (ev,) = [e for e in claims_and_retreats if e.location and e.location.admin1 == "Baghlan" and e.date]
    assert ev.type == "territory_captured" and ev.date.start == date(2021, 7, 6)
    assert ev.actors[0].name == "Taliban"  # "The Taliban said they captured"
    assert [(c.attributed_to, c.stance) for c in ev.claims] == [("The Taliban", "asserts"),
                                                                 ("Local officials", "denies")]


def test_in_control_of_by_a_day(claims_and_retreats):
    (ev,) = [e for e in claims_and_retreats if e.location and e.location.name == "Ishkamish"]
    assert ev.type == "territory_captured" and ev.date.start == date(2021, 7, 2)


def test_a_retreat_happens_where_they_left_not_where_they_went(claims_and_retreats):
    retreats = [e for e in claims_and_retreats if e.type == "retreat"]
    assert [(e.location.name, e.date.start) for e in retreats] == [("Shor Tepah", date(2021, 7, 8))]


def test_exact_spelling_wins_over_a_variant(claims_and_retreats):
    (ev,) = [e for e in claims_and_retreats if e.type == "withdrawal"]
    assert ev.location.name == "Bagram" and ev.location.admin1 == "Parwan"
    assert ev.actors[0].name == "Military Forces of the United States"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # weapons seized or destroyed are things taken, not the attack that names them
        ("On Monday, 5 Afghan soldiers were killed and 1 RPG launcher and 2 rifles were seized by Taliban militants "
         "in Nad Ali district of Helmand.", "armed_clash"),
        ("Afghan special forces killed 20 Taliban militants and destroyed 7 IEDs in Khogyani district on Monday.",
         "armed_clash"),
        # fighting for checkpoints is an armed clash; a district centre taken is territory
        ("Taliban militants overran two checkpoints in Murghab district of Badghis on Monday.", "armed_clash"),
        ("Taliban militants overran the Murghab district centre in Badghis on Monday.", "territory_captured"),
        ("A Taliban commander was killed by his own bomb in Dangam district of Kunar on Monday.", "weapons_seized"),
    ],
)
def test_acled_coding_conventions(sentence, expected):
    events = extract_text(sentence, published="2021-07-08")
    assert events and events[0].type == expected, [(e.type, e.trigger) for e in events]


def test_the_text_says_what_an_unknown_name_is():
    (ev,) = extract_text("Taliban fighters seized the river port of Sher Khan Bandar in Kunduz province on Tuesday.",
                         published="2021-07-08")
    assert (ev.location.name, ev.location.feature, ev.location.admin1) == ("Sher Khan Bandar", "border_crossing", "Kunduz")
    # placed in the province the sentence names: its point, and geo precision 3 (only the province is certain)
    assert ev.location.lat is not None and ev.location.precision == 3
