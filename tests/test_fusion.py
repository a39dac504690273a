"""Fusion of mentions into one event: when (fusion_evidence, symmetric), and how (combine): figures side by side,
contested ranges with who holds each end, ACLED's fatalities, confidence from independent voices.

The events here are written by hand (invented sentences): they test the rules, not extraction."""

from __future__ import annotations

import copy
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from contested import fusion
from contested.contradictions import check_document
from contested.records import ActorMention, Claim, DateSpan, Event, Evidence, Location, Quantity
from contested.taxonomy import acled_type

KUNDUZ = Location("Kunduz", "Kunduz", "Afghanistan", "Kunduz", "Kunduz", 36.7, 68.9, feature="district")
KUNDUZ_PROVINCE = Location("Kunduz", "Kunduz province", "Afghanistan", "Kunduz", None, 36.7, 68.9,
                           feature="province")
IMAM_SAHIB = Location("Imam Sahib", "Imam Sahib", "Afghanistan", "Kunduz", "Imam Sahib", 37.2, 68.9,
                      feature="district")
SHER_KHAN = Location("Sher Khan Bandar", "Sher Khan Bandar", "Afghanistan", "Kunduz", "Imam Sahib", 37.2, 68.6,
                     feature="border_crossing")
D0 = date(2021, 7, 5)


def claim(doc="d1", source="Outlet A", sentence="Something happened.", stance="asserts", who=None, hedged=False,
          published=D0 + timedelta(days=1), start=0):
    return Claim(doc, source, published, who, who, stance, hedged, sentence, (start, start + len(sentence)))


def event(etype="armed_clash", day=D0, place=KUNDUZ, claims=None, quantities=(), actor1=None, fatalities=None,
          detail=None, precision="day", days=1):
    claims = claims or [claim()]
    t = acled_type(etype)
    ev = Event(
        id=f"{etype}-{day}-{place.name if place else ''}-{claims[0].doc_id}-{claims[0].span[0]}",
        type=etype, acled_event_type=t.event_type, acled_sub_event_type=t.sub_event_type, detail=detail,
        date=DateSpan(day, day + timedelta(days=days - 1), precision, str(day)) if day else None,
        location=place, quantities=list(quantities), fatalities=fatalities, claims=claims,
        evidence=[Evidence() for _ in claims], confidence=0.6,
    )
    if actor1:
        ev.actors.append(ActorMention(actor1, None, actor1, 0, len(actor1), "actor1"))
    return ev


def q(value, unit="soldiers", qualifier="exact", claim_index=0, killed=False, low=None, high=None):
    return Quantity(value, qualifier, unit, low, high, f"{value} {unit}", 0, 0, claim_index, killed)


# ---------------------------------------------------------------- when


def test_same_place_same_day_fuse_with_the_evidence_given():
    a = event(claims=[claim("d1", "Outlet A")])
    b = event(claims=[claim("d2", "Outlet B")])
    why = fusion.fusion_evidence(a, b)
    assert why is not None and fusion.same_event(a, b)
    assert why[0] == "same type armed_clash"
    assert any(r.startswith("dates overlap 2021-07-05") for r in why)
    assert any(r.startswith("same place Kunduz") for r in why)


def test_different_happenings_that_share_a_day_or_a_place_stay_apart():
    a = event(claims=[claim("d1")])
    assert not fusion.same_event(a, event(place=IMAM_SAHIB, claims=[claim("d2")]))  # same day, elsewhere
    assert not fusion.same_event(a, event(day=D0 + timedelta(days=5), claims=[claim("d2")]))  # same place, later
    assert not fusion.same_event(a, event(etype="arrest", claims=[claim("d2")]))  # same place and day, other kind
    assert not fusion.same_event(event(actor1="Taliban"), event(actor1="Islamic State", claims=[claim("d2")]))


def test_the_same_place_taken_twice_on_different_days_is_two_events():
    text = "The Taliban captured Imam Sahib district of Kunduz from Afghan forces, Amruddin Wali said."
    sunday = event("territory_captured", day=D0, place=IMAM_SAHIB, actor1="Taliban", claims=[claim("d1", sentence=text)])
    tuesday = event("territory_captured", day=D0 + timedelta(days=2), place=IMAM_SAHIB, actor1="Taliban",
                    claims=[claim("d2", "Outlet B", sentence=text)])
    assert not fusion.same_event(sunday, tuesday)
    # In one article, two days are two happenings even a day apart; across outlets a day's difference is
    # tolerated (time zones, "overnight").
    monday_here = event("territory_captured", day=D0 + timedelta(days=1), place=IMAM_SAHIB, actor1="Taliban",
                        claims=[claim("d1", sentence=text, start=200)])
    monday_there = event("territory_captured", day=D0 + timedelta(days=1), place=IMAM_SAHIB, actor1="Taliban",
                         claims=[claim("d3", "Outlet C", sentence=text)])
    assert not fusion.same_event(sunday, monday_here)
    assert fusion.same_event(sunday, monday_there)


def test_one_place_inside_the_other_fuses():
    a = event(place=SHER_KHAN, claims=[claim("d1")])
    b = event(place=IMAM_SAHIB, claims=[claim("d2")])
    c = event(place=KUNDUZ_PROVINCE, claims=[claim("d3")])
    assert fusion.place_relation(a, b) == "inside" and fusion.same_event(a, b)
    assert fusion.same_event(a, c) and fusion.same_event(b, c)
    assert any("inside" in r for r in fusion.fusion_evidence(b, a))


MID_CITY = Location("Mid-City", "Mid City", "United States", "Louisiana", None, 29.969, -90.097,
                    feature="populated_place")
NEW_ORLEANS = Location("New Orleans", "New Orleans", "United States", "Louisiana", None, 29.955, -90.075,
                       feature="populated_place")
METAIRIE = Location("Metairie", "Metairie", "United States", "Louisiana", None, 29.984, -90.153,
                    feature="populated_place")
BATON_ROUGE = Location("Baton Rouge", "Baton Rouge", "United States", "Louisiana", None, 30.451, -91.154,
                       feature="populated_place")


def test_a_neighbourhood_and_its_city_are_not_two_places_but_no_evidence_either():
    text = "Police said Jamal Carter was shot on Canal Street."
    a = event("killing", place=MID_CITY, claims=[claim("d1", sentence=text)])
    b = event("killing", place=NEW_ORLEANS, claims=[claim("d2", "Outlet B", sentence=text)])
    assert fusion.place_relation(a, b) == "near"
    why = fusion.fusion_evidence(a, b)
    assert why is not None and any(r.startswith("places near each other") for r in why)
    # Near, with nothing else in common, is not enough; far apart, the two places rule the pair out.
    assert not fusion.same_event(event("killing", place=MID_CITY, claims=[claim("d1")]),
                                 event("killing", place=METAIRIE, claims=[claim("d2", "Outlet B")]))
    assert fusion.place_relation(a, event("killing", place=BATON_ROUGE)) == "different"


def test_compatible_types_fuse_other_types_do_not():
    assert fusion.same_event(event("armed_clash"), event("killing", claims=[claim("d2")]))
    assert not fusion.same_event(event("armed_clash"), event("territory_captured", claims=[claim("d2")]))


def test_unplaced_reports_need_names_in_both():
    s1 = "Gunmen shot Jamal Farouqi near the Qala Bridge on Monday."
    s2 = "Relatives of Jamal Farouqi said he was shot on his way home."
    s3 = "Two men were shot on Monday, police said."
    a = event(place=None, claims=[claim("d1", "Outlet A", s1)])
    b = event(place=None, day=None, claims=[claim("d2", "Outlet B", s2)])
    c = event(place=None, claims=[claim("d3", "Outlet C", s3)])
    why = fusion.fusion_evidence(a, b)
    assert why is not None and any("farouqi" in r and "jamal" in r for r in why)
    assert not fusion.same_event(a, c) and not fusion.same_event(b, c)


def test_an_unplaced_mention_does_not_bridge_two_placed_happenings():
    x = event(place=None, claims=[claim("d1", sentence="Fighting went on.", start=100)])
    a = event(place=KUNDUZ, claims=[claim("d1", sentence="Clashes in Kunduz.", start=0)])
    b = event(place=IMAM_SAHIB, claims=[claim("d1", sentence="Clashes in Imam Sahib.", start=50)])
    assert not fusion.same_event(a, b)
    assert not fusion.same_event(x, a) and not fusion.same_event(x, b)


def test_undated_reports_fuse_when_published_close():
    a = event("cross_border_flight", day=None, place=None, detail="to Tajikistan",
              claims=[claim("d1", published=D0)])
    b = event("cross_border_flight", day=None, place=None, detail="to Tajikistan",
              claims=[claim("d2", published=D0 + timedelta(days=1))])
    c = event("cross_border_flight", day=None, place=None, detail="to Uzbekistan",
              claims=[claim("d3", published=D0)])
    assert fusion.same_event(a, b)
    assert not fusion.same_event(a, c)


_places = st.sampled_from([KUNDUZ, KUNDUZ_PROVINCE, IMAM_SAHIB, SHER_KHAN, None])
_types = st.sampled_from(["armed_clash", "killing", "territory_captured", "cross_border_flight"])
_days = st.one_of(st.none(), st.integers(0, 6).map(lambda n: D0 + timedelta(days=n)))
_sentences = st.sampled_from(["Gunmen shot Jamal Farouqi.", "Farouqi was buried in Kunduz.", "Two men died.",
                              "Qala Bridge was closed after the Farouqi killing.", "It happened."])


@st.composite
def _events(draw):
    doc = draw(st.sampled_from(["d1", "d2", "d3"]))
    pub = D0 + timedelta(days=draw(st.integers(0, 6)))
    ev = event(draw(_types), day=draw(_days), place=draw(_places),
               claims=[claim(doc, sentence=draw(_sentences), published=pub, start=draw(st.integers(0, 3)) * 40)],
               quantities=[q(draw(st.sampled_from([2, 3, 300])), claim_index=0)],
               actor1=draw(st.sampled_from([None, "Taliban", "Military Forces of Afghanistan"])),
               detail=draw(st.sampled_from([None, "to Tajikistan"])),
               precision=draw(st.sampled_from(["day", "week"])), days=draw(st.integers(1, 3)))
    return ev


@settings(max_examples=300, deadline=None)
@given(_events(), _events())
def test_same_event_is_symmetric_and_deterministic(a, b):
    ab = fusion.same_event(a, b)
    assert ab == fusion.same_event(b, a) == fusion.same_event(copy.deepcopy(a), copy.deepcopy(b))
    assert fusion.fusion_evidence(a, b) == fusion.fusion_evidence(b, a)  # the same reasons, too
    assert fusion.same_event(a, a) or a.date is None and not a.claims[0].published


# ---------------------------------------------------------------- how


def _flight(doc, source, value, qualifier="exact", who=None, published=D0):
    c = claim(doc, source, f"{value} soldiers crossed into Tajikistan.", who=who, published=published)
    return event("cross_border_flight", day=None, place=None, detail="to Tajikistan", claims=[c],
                 quantities=[q(value, "soldiers", qualifier)])


def test_combine_keeps_every_figure_with_its_claim_and_shows_the_range():
    a = _flight("d1", "Outlet A", 300, who="the border guards")
    b = _flight("d2", "Outlet B", 600, "about", published=D0 + timedelta(days=1))
    before = (copy.deepcopy(a), copy.deepcopy(b))
    ev = fusion.combine([a, b])
    assert (a, b) == before  # inputs untouched
    assert [c.doc_id for c in ev.claims] == ["d1", "d2"]
    assert [(x.value, x.qualifier, x.claim) for x in ev.quantities] == [(300, "exact", 0), (600, "about", 1)]
    assert "contested_figures" in ev.flags
    (r,) = ev.figure_ranges
    assert (r["unit"], r["low"], r["high"]) == ("soldiers", 300, 600)
    assert r["low_claims"] == [0] and r["high_claims"] == [1]
    assert r["low_by"] == ["Outlet A citing the border guards"] and r["high_by"] == ["Outlet B"]
    assert ev.fused_because and "same destination to Tajikistan" in ev.fused_because[0]
    assert fusion.describe_ranges(ev.figure_ranges) == [
        "soldiers: 300 (Outlet A citing the border guards) to 600 (Outlet B)"]
    lines = fusion.explain_lines(ev)
    assert lines[0].startswith("fused: mention 1 with mention 0: same type cross_border_flight")
    assert "contested figure: soldiers: 300 (Outlet A citing the border guards) to 600 (Outlet B)" in lines
    assert lines[-1].startswith("confidence: base 0.60") and "2 independent asserting voice(s)" in lines[-1]


def test_figures_that_their_qualifiers_allow_are_not_contested():
    ev = fusion.combine([_flight("d1", "Outlet A", 300, "at_least"), _flight("d2", "Outlet B", 350, "up_to")])
    assert ev.figure_ranges == [] and "contested_figures" not in ev.flags
    ev = fusion.combine([_flight("d1", "Outlet A", 300, "more_than"), _flight("d2", "Outlet B", 600, "up_to")])
    assert ev.figure_ranges[0]["low"] == 300 and ev.figure_ranges[0]["high"] == 600
    ev = fusion.combine([_flight("d1", "Outlet A", 300, "about"), _flight("d2", "Outlet B", 320)])
    assert "contested_figures" not in ev.flags


def test_fatalities_follow_acleds_most_conservative_figure():
    a = event(claims=[claim("d1")], quantities=[q(12, "soldiers", killed=True)], fatalities=12)
    b = event(claims=[claim("d2", "Outlet B")], quantities=[q(7, "soldiers", killed=True)], fatalities=7)
    denial = event(claims=[claim("d3", "Outlet C", stance="denies", who="the ministry")], fatalities=0,
                   quantities=[q(0, "soldiers", killed=True)])
    ev = fusion.combine([a, b, denial])
    assert ev.fatalities == 7
    assert fusion.fatalities_rule(ev) == "fatalities 7: ACLED's rule, the most conservative figure reported (others: 12)"
    assert ev.figure_ranges[0]["low"] == 7 and ev.figure_ranges[0]["high"] == 12  # the denial's 0 is not a figure


def test_confidence_counts_independent_voices_once_and_denials_lower_it():
    one = fusion.combine([event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz.")])])
    two = fusion.combine([event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz.")]),
                          event(claims=[claim("d2", "Outlet B", "Heavy fighting raged around Kunduz city.")])])
    assert two.confidence > one.confidence
    # The same official quoted by two outlets is one voice.
    quoted = fusion.combine([
        event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz, the governor said.", who="governor")]),
        event(claims=[claim("d2", "Outlet B", "The governor said fighting raged in the city.", who="governor")]),
    ])
    assert quoted.confidence == one.confidence
    # Syndicated copy: the same words in two outlets count once.
    wire = "Taliban fighters attacked checkpoints on the edge of Kunduz city overnight, officials said."
    copies = fusion.combine([event(claims=[claim("d1", "Outlet A", wire)]),
                             event(claims=[claim("d2", "Outlet B", wire + " ")])])
    assert copies.confidence == one.confidence
    assert "repeat a voice" in copies.confidence_basis
    # An outlet citing another outlet's reporting adds nothing either.
    citing = fusion.combine([event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz.")]),
                             event(claims=[claim("d2", "Outlet B", "Fighting raged, Outlet A reported.",
                                                 who="Outlet A")])])
    assert citing.confidence == one.confidence
    # ... also where the chain of who-says-so names that outlet's journalist.
    journalist = claim("d2", "Outlet B", "Fighting raged, a reporter said.", who="Jane Roe")
    journalist.chain = [{"name": "Outlet B", "link": "outlet", "kind": "outlet"},
                        {"name": "Jane Roe", "link": "speaker", "kind": "person", "organisation": "Outlet A"}]
    via = fusion.combine([event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz.")]),
                          event(claims=[journalist])])
    assert via.confidence == one.confidence and len(fusion.voices(via)) == 1
    # A doubt about a figure is no doubt about the event.
    figure_doubt = claim("d2", "Outlet B", "An analyst doubted the toll.", stance="doubts", who="analyst")
    figure_doubt.about = "figure"
    doubted = fusion.combine([event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz.")]),
                              event(claims=[figure_doubt])])
    assert doubted.confidence == one.confidence and "dispute a figure" in doubted.confidence_basis
    denied = fusion.combine([event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz.")]),
                             event(claims=[claim("d2", "Outlet B", "The Taliban denied any fighting in Kunduz.",
                                                 stance="denies", who="Taliban spokesman")])])
    assert denied.confidence < one.confidence
    assert "denial" in denied.flags
    (x,) = [c for c in denied.contradictions if c["kind"] == "denial"]
    assert x["claims"] == [0, 1] and "Taliban spokesman" in x["note"]
    hedged = fusion.combine([event(claims=[claim("d1", "Outlet A", "Clashes broke out in Kunduz.")]),
                             event(claims=[claim("d2", "Outlet B", "Fighting reportedly raged near the city.",
                                                 hedged=True)])])
    assert one.confidence < hedged.confidence < two.confidence


def test_claims_that_date_one_event_differently_are_a_date_conflict():
    a = event(day=D0, place=SHER_KHAN, claims=[claim("d1", published=D0 + timedelta(days=9))])
    b = event(day=D0 + timedelta(days=1), place=IMAM_SAHIB, claims=[claim("d2")])
    c = event(day=D0 + timedelta(days=2), place=KUNDUZ_PROVINCE, claims=[claim("d3", published=D0 + timedelta(9))])
    assert fusion.same_event(a, b) and fusion.same_event(b, c) and not fusion.same_event(a, c)
    ev = fusion.combine([a, b, c])  # a chain: a and c two days apart
    assert "date_conflict" in ev.flags
    (x,) = [y for y in ev.contradictions if y["kind"] == "date_conflict"]
    assert x["claims"] == [0, 2]


def test_a_date_after_publication_is_flagged_with_its_claim():
    ev = fusion.combine([event(day=D0 + timedelta(days=3), claims=[claim("d1", published=D0)])])
    assert "future_date" in ev.flags
    assert [x["claims"] for x in ev.contradictions if x["kind"] == "future_date"] == [[0]]


def test_an_exact_date_outside_the_paragraphs_frame_is_a_date_conflict():
    text = ("KABUL - In the last week the Taliban took Imam Sahib, officials said.\n\n"
            "The Taliban captured Imam Sahib on June 5 after a long siege.\n\n"
            "Elsewhere, fighting went on.")
    published = date(2021, 7, 10)
    s = text.index("The Taliban captured")
    e = text.index("siege.") + len("siege.")
    para2 = event("territory_captured", day=date(2021, 6, 5), place=IMAM_SAHIB,
                  claims=[claim("d1", sentence=text[s:e], published=published, start=s)])
    assert check_document(text, published, [para2]) == []  # its own paragraph has no frame
    s1 = text.index("In the last")
    e1 = text.index("said.") + len("said.")
    text2 = text[:e1] + " They captured it on June 5." + text[e1:]
    both = event("territory_captured", day=date(2021, 6, 5), place=IMAM_SAHIB,
                 claims=[claim("d1", sentence=text2[s1:e1 + 28], published=published, start=s1)])
    assert check_document(text2, published, [both]) == [both]
    assert "date_conflict" in both.flags
    (x,) = both.contradictions
    assert x["claims"] == [0] and "last week" in x["note"] and x["scope"] == "article"
    # Carried into the fused event with the fused event's claim index.
    other = event("territory_captured", day=date(2021, 6, 5), place=IMAM_SAHIB, claims=[claim("d0", "Outlet Z")])
    fused = fusion.combine([other, both])
    assert [y["claims"] for y in fused.contradictions if y["scope"] == "article"] == [[1]]


def test_merge_into_and_absorb_fighting_keep_working():
    cap = event("territory_captured", actor1="Taliban", claims=[claim("d1", start=0)], fatalities=3)
    clash = event("armed_clash", claims=[claim("d1", start=40)], fatalities=2)
    out = fusion.absorb_fighting([cap, clash])
    assert out == [cap] and cap.type == "territory_captured" and cap.fatalities == 5 and len(cap.claims) == 2


def test_extracted_article_with_a_date_outside_its_frame():
    from contested.pipeline import extract_document, make_document

    text = ("Kabul, July 20, 2021\n\nIn the last week the Taliban captured Imam Sahib district on June 5, "
            "local officials said.\n\nFighting went on in Kunduz province on Monday.")
    doc = make_document(text, published=date(2021, 7, 20), source="Example Wire")
    events = extract_document(doc)
    flagged = check_document(doc.text, doc.published, events)
    assert [e.type for e in flagged] == ["territory_captured"]
    assert "date_conflict" in flagged[0].flags and "June 5" in flagged[0].contradictions[0]["note"]


# ---------------------------------------------------------------- places told wrongly, retellings in one article

SPRINGFIELD_IL = Location("Springfield", "Springfield", "United States", "Illinois", None, 39.8, -89.6,
                          feature="populated_place")
SPRINGFIELD_MO = Location("Springfield", "Springfield", "United States", "Missouri", None, 37.2, -93.3,
                          feature="populated_place")
DECATUR = Location("Decatur", "Decatur", "United States", "Illinois", None, 39.8, -88.9, feature="populated_place")
USA = Location("United States", "United States", "United States", None, None, 39.8, -98.6, feature="country")


def test_one_place_name_resolved_to_two_places_is_not_two_happenings():
    """The gazetteer may resolve one town's name to two places: the same name is evidence, not a rule-out."""
    a = event("killing", place=SPRINGFIELD_IL, claims=[claim("d1", sentence="A man was shot in Springfield.")])
    b = event("killing", place=SPRINGFIELD_MO, claims=[claim("d2", "Outlet B", sentence="Shots in Springfield.")])
    why = fusion.fusion_evidence(a, b)
    assert fusion.place_relation(a, b) == "homonym" and why is not None
    assert any("same place name Springfield" in r for r in why)


def test_two_places_are_outweighed_only_by_names_in_both():
    s1 = "Keisha Morrow and Dante Okafor were shot outside a store on Tuesday."
    s2 = "Police named the victims as Keisha Morrow and Dante Okafor."
    a = event("killing", place=SPRINGFIELD_IL, claims=[claim("d1", sentence=s1)])
    b = event("killing", place=DECATUR, claims=[claim("d2", "Outlet B", sentence=s2)])
    why = fusion.fusion_evidence(a, b)
    assert why is not None and any(r.startswith("places differ (Decatur / Springfield)") for r in why)
    c = event("killing", place=DECATUR, claims=[claim("d3", "Outlet C", sentence="A cousin of Okafor was shot.")])
    assert not fusion.same_event(a, c)  # one name is not enough against two places


def test_the_same_country_is_no_evidence():
    a = event("killing", place=USA, claims=[claim("d1", sentence="A man was shot on Tuesday.")])
    b = event("killing", place=USA, claims=[claim("d2", "Outlet B", sentence="Two women were wounded.")])
    c = event("killing", place=SPRINGFIELD_IL, claims=[claim("d3", "Outlet C", sentence="Shots were fired.")])
    assert not fusion.same_event(a, b) and not fusion.same_event(a, c)


def test_an_unplaced_retelling_joins_the_articles_one_placed_event():
    lead = event("killing", place=SPRINGFIELD_IL, claims=[claim("d1", sentence="A man was shot dead in a park.")])
    later = event("killing", place=None, claims=[claim("d1", sentence="He died at the scene.", start=200)])
    other_doc = event("killing", place=None, claims=[claim("d2", "Outlet B", sentence="He died at the scene.")])
    assert not fusion.same_event(lead, later)  # no evidence between the two alone
    assert len(fusion.fuse_article([lead, later])) == 1
    assert len(fusion.fuse_article([later, lead])) == 1
    fused = fusion.fuse_article([lead, later])[0]
    assert fused.location == SPRINGFIELD_IL and len(fused.claims) == 2
    assert any("unplaced retelling" in r for r in fused.fused_because)
    assert not fusion.same_event(lead, other_doc)  # across articles, nothing links them


def test_an_unplaced_mention_stays_apart_where_it_could_join_two_placed_ones_or_says_separate():
    a = event("killing", place=SPRINGFIELD_IL, claims=[claim("d1", sentence="A man was shot dead.")])
    b = event("killing", place=DECATUR, claims=[claim("d1", sentence="A woman was shot dead.", start=100)])
    x = event("killing", place=None, claims=[claim("d1", sentence="He died at the scene.", start=200)])
    assert len(fusion.fuse_article([a, b, x])) == 3
    y = event("killing", place=None, claims=[claim("d1", sentence="In a separate shooting, a boy died.", start=300)])
    assert len(fusion.fuse_article([a, y])) == 2
    later_day = event("killing", day=D0 + timedelta(days=3), place=None,
                      claims=[claim("d1", sentence="A boy died.", start=400)])
    assert len(fusion.fuse_article([a, later_day])) == 2


def test_names_every_report_of_a_war_shares_do_not_join_two_places():
    """Two districts of one province taken the same day: the group, the province and the country named in both
    reports are no evidence that the two places are one."""
    s1 = "The Taliban captured Imam Sahib district of Kunduz province, Afghan officials said."
    s2 = "The Taliban also took Kunduz city on Monday, Afghan officials in Kunduz said."
    a = event("territory_captured", place=IMAM_SAHIB, actor1="Taliban", claims=[claim("d1", sentence=s1)])
    b = event("territory_captured", place=KUNDUZ, actor1="Taliban", claims=[claim("d2", "Outlet B", sentence=s2)])
    assert fusion.place_relation(a, b) == "different"
    assert not fusion.same_event(a, b)


def test_one_article_telling_of_two_places_tells_two_happenings_whatever_names_it_shares():
    s = "Keisha Morrow and Dante Okafor were shot in Springfield and in Decatur on Tuesday."
    a = event("killing", place=SPRINGFIELD_IL, claims=[claim("d1", sentence=s)])
    b = event("killing", place=DECATUR, claims=[claim("d1", sentence=s)])
    assert not fusion.same_event(a, b)
    assert len(fusion.fuse_article([a, b])) == 2


def test_clone_equals_the_event_and_shares_nothing_mutable():
    """fusion.clone replaces copy.deepcopy on the hot path: the copy must be equal and independent."""
    import copy as _copy

    from contested.fusion import clone
    from contested.pipeline import extract_text

    events = extract_text(
        "Taliban fighters captured Khwaja Ghar district in Takhar on Monday, killing 5 soldiers, officials said. "
        "The Taliban denied that any civilians were killed, but a resident put the number at about 12.",
        published="2021-07-10",
    )
    assert events

    def mutables(value, seen):
        if isinstance(value, (list, dict)) or hasattr(value, "__slots__"):
            if id(value) in seen:
                return
            seen.add(id(value))
            if isinstance(value, dict):
                items = list(value.values())
            elif isinstance(value, list):
                items = value
            else:
                items = [getattr(value, s) for s in value.__slots__ if hasattr(value, s)]
            for item in items:
                mutables(item, seen)

    for ev in events:
        twin = clone(ev)
        assert twin == ev == _copy.deepcopy(ev)
        mine, theirs = set(), set()
        mutables(ev, mine)
        mutables(twin, theirs)
        assert not (mine & theirs - {id(None)})


def _with_actor1(ev: Event, name: str, text: str) -> Event:
    ev.actors.append(ActorMention(name, "state_forces", text, 0, len(text), "actor1"))
    return ev


def test_words_that_name_a_force_by_what_it_is_are_one_actor_whatever_country_each_article_read():
    # One article's places gave it its country, the other's named none: "police" in both.
    a = _with_actor1(event(claims=[claim("d1", "Outlet A")]), "Police Forces of the United States", "police")
    b = _with_actor1(event(claims=[claim("d2", "Outlet B")]), "Police Forces", "Police")
    assert fusion.same_event(a, b)
    # A force and its unit are one actor.
    c = _with_actor1(event(claims=[claim("d3", "Outlet C")]), "Military Forces of Afghanistan (2014-)", "Afghan forces")
    d = _with_actor1(event(claims=[claim("d4", "Outlet D")]), "Military Forces of Afghanistan (2014-) Special Forces",
                     "Afghan commandos")
    assert fusion.same_event(c, d)


def test_forces_named_by_their_country_stay_rivals():
    a = _with_actor1(event(claims=[claim("d1", "Outlet A")]), "Military Forces of Afghanistan (2014-)", "Afghan forces")
    b = _with_actor1(event(claims=[claim("d2", "Outlet B")]), "Military Forces of Pakistan", "Pakistani troops")
    assert not fusion.same_event(a, b)
