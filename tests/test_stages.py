"""The extraction stages (contested.stages) one at a time, on hand-made records: no parse, no gazetteer.

Each test builds the records a stage reads (a ``SentenceMentions``, drafts, a ``DiscourseState``) from a
sentence written here, runs that one stage and checks what it decided; the last ones run the driver
(``build_events``) on hand-made sentences, and show that the numbers come from ``ExtractionSettings``.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from contested.config import ExtractionSettings, settings
from contested.events import build_events
from contested.records import (
    ActorMention,
    Attribution,
    DateMention,
    DateSpan,
    Document,
    Event,
    Location,
    Quantity,
)
from contested.stages import (
    assemble,
    claims,
    dates,
    dedup,
    discourse,
    distribute,
    event_types,
    grouping,
    places,
    roles,
)
from contested.stages.records import DateChoice, DiscourseState, Draft, PlaceChoice, SentenceMentions
from contested.triggers import Trigger

CONFIG = ExtractionSettings()
DOC = Document(doc_id="d1", text="", source="Example Wire", published=date(2021, 7, 10))


def said(stance: str = "asserts", who: str | None = None) -> Attribution:
    return Attribution(attributed_to=who, text=None, stance=stance, hedged=False)


def at(text: str, words: str, base: int = 0, nth: int = 0) -> tuple[int, int]:
    """The document offsets of the nth occurrence of ``words`` in a sentence starting at ``base``."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(words, i + 1)
    return base + i, base + i + len(words)


def trig(text: str, family: str, words: str, base: int = 0, nth: int = 0) -> Trigger:
    s, e = at(text, words, base, nth)
    return Trigger(family, s, e, words)


def loc(name: str, feature: str = "district", country: str | None = "Afghanistan", admin1: str | None = "Kunduz",
        admin2: str | None = None) -> Location:
    return Location(name, name, country, admin1, admin2, 36.7, 68.8, feature=feature)


def place(text: str, name: str, feature: str = "district", base: int = 0, **kw) -> tuple[int, int, Location]:
    s, e = at(text, name, base)
    return (s, e, loc(name, feature, **kw))


def actor(text: str, words: str, name: str, kind: str, base: int = 0) -> ActorMention:
    s, e = at(text, words, base)
    return ActorMention(name, kind, words, s, e)


def day(text: str, words: str, d: date, base: int = 0) -> DateMention:
    s, e = at(text, words, base)
    return DateMention(s, e, words, DateSpan(d, d, "day", words))


def sentence(text: str, base: int = 0, **kw) -> SentenceMentions:
    fields = {"triggers": [], "places": [], "dates": [], "quantities": [], "actors": [], "attribution": said()}
    fields.update(kw)
    return SentenceMentions(start=base, end=base + len(text), text=text, **fields)


def event(etype: str, where: Location | None = None, when: DateSpan | None = None, **kw) -> Event:
    return Event(id=etype, type=etype, acled_event_type="x", acled_sub_event_type="x", location=where, date=when,
                 **kw)


# ------------------------------------------------------------------------------------------- settings

def test_settings_carry_the_extraction_numbers():
    assert settings().extraction == ExtractionSettings()
    assert (CONFIG.place_before_weight, CONFIG.quantity_before_weight, CONFIG.violence_before_weight) == (4.0, 1.2, 1.6)
    with pytest.raises(dataclasses.FrozenInstanceError):
        CONFIG.lookback_sentences = 5  # type: ignore[misc]


# ------------------------------------------------------------------------------------------- distribute

def test_nearest_prefers_the_trigger_before_a_word():
    text = "The Taliban captured Kunduz and government forces retook Baghlan."
    drafts = [Draft(trig(text, "capture", "captured"), "capture"), Draft(trig(text, "regain", "retook"), "regain")]
    got = distribute.nearest([at(text, "Kunduz"), at(text, "Baghlan")], lambda s: s, drafts, 4.0, text, 0)
    assert got == {0: [at(text, "Kunduz")], 1: [at(text, "Baghlan")]}


def test_a_comma_sends_a_place_to_the_trigger_before_it():
    text = "Troops entered Qala on Wednesday, seizing the headquarters."
    drafts = [Draft(trig(text, "capture", "entered"), "capture"), Draft(trig(text, "capture", "seizing"), "capture")]
    wednesday = at(text, "Wednesday")
    # "Wednesday" is nearer to "seizing" in characters, but before it and behind a comma.
    assert distribute.nearest([wednesday], lambda s: s, drafts, 4.0, text, 0) == {0: [wednesday], 1: []}
    # Without the text no boundary is seen, and it goes to "seizing"; so it does with a lighter penalty.
    assert distribute.nearest([wednesday], lambda s: s, drafts, 4.0) == {0: [], 1: [wednesday]}
    assert distribute.nearest([wednesday], lambda s: s, drafts, 4.0, text, 0, boundary_penalty=1.0) == {
        0: [], 1: [wednesday]}


def test_distribute_mentions_reads_its_weights_from_the_settings():
    text = "Forces retook Imam Sahib and the Taliban captured Khan Abad."
    sent = sentence(text, places=[place(text, "Imam Sahib"), place(text, "Khan Abad")],
                    quantities=[Quantity(3, "exact", "soldiers", start=at(text, "the Taliban")[0],
                                         end=at(text, "the Taliban")[1])])
    drafts = [Draft(trig(text, "regain", "retook"), "regain"), Draft(trig(text, "capture", "captured"), "capture")]
    distribute.distribute_mentions(drafts, sent, CONFIG)
    assert [p[2].name for p in drafts[0].places] == ["Imam Sahib"]
    assert [p[2].name for p in drafts[1].places] == ["Khan Abad"]
    assert drafts[1].quantities and not drafts[0].quantities  # just before "captured", far after "retook"
    drafts = [Draft(trig(text, "regain", "retook"), "regain"), Draft(trig(text, "capture", "captured"), "capture")]
    distribute.distribute_mentions(drafts, sent, dataclasses.replace(CONFIG, quantity_before_weight=20.0))
    assert drafts[0].quantities and not drafts[1].quantities


# ------------------------------------------------------------------------------------------- grouping

def test_event_or_not_keeps_asserted_negated_control_and_retellings():
    text = "They did not capture the town, did not kill anyone, and condemned the attack."
    cap, kill, attack = (trig(text, "capture", "capture"), trig(text, "kill", "kill"),
                         trig(text, "clash", "attack"))
    sent = sentence(text, triggers=[cap, kill, attack],
                    reasons={cap.start: "negated", kill.start: "negated", attack.start: "reference: the"})
    assert grouping.admitted(sent) == [cap, attack]
    drafts = [Draft(cap, "capture"), Draft(attack, "clash")]
    # The denial of nothing told asserts nothing; a retelling left over by claims_on_told (no event of the
    # article to attach it to) is the article's first telling of the happening.
    assert grouping.asserted(drafts, sent) == [drafts[1]]


@pytest.mark.parametrize(("text", "words", "family"), [
    ("Police captured three militants in a raid.", "captured", "arrest"),
    ("The Taliban captured several checkpoints in the area.", "captured", "clash"),
    ("Security forces seized weapons and ammunition.", "seized", "weapons"),
    ("The Taliban captured the district headquarters.", "captured", "capture"),
])
def test_a_capture_word_is_read_by_what_it_captured(text, words, family):
    sent = sentence(text, triggers=[trig(text, "capture", words)])
    assert [t.family for t in grouping.refine_families(sent.triggers, sent, CONFIG)] == [family]


def test_weapons_named_as_things_seized_and_strikes_inside_an_operation():
    text = "Operations that included airstrikes left militants dead; two mines were seized."
    strike, mine, clash = (trig(text, "air", "airstrikes"), trig(text, "explosive", "mines"),
                           trig(text, "clash", "Operations"))
    sent = sentence(text, triggers=[clash, strike, mine], seized_words={mine.start})
    assert [t.family for t in grouping.refine_families(sent.triggers, sent, CONFIG)] == ["clash", "clash"]


def test_background_is_dropped_within_its_window():
    text = "Kunduz is the latest in a string of districts to fall to the insurgents."
    sent = sentence(text, triggers=[trig(text, "capture", "fall")])
    assert grouping.drop_background(sent.triggers, sent, CONFIG) == []
    assert grouping.drop_background(sent.triggers, sent, dataclasses.replace(CONFIG, background_chars=10)) \
        == sent.triggers


def test_grouping_makes_one_draft_per_control_word_and_joins_violence():
    text = "Forces retook the town after heavy clashes on Tuesday, only to lose it again the next day."
    retook, clashes, lose = (trig(text, "regain", "retook"), trig(text, "clash", "clashes"),
                             trig(text, "lose", "lose"))
    drafts = grouping.group_triggers([retook, clashes, lose], sentence(text), CONFIG)
    assert [(d.family, d.extra) for d in drafts] == [("regain", [clashes]), ("lose", [])]


def test_a_second_control_word_after_a_comma_goes_on_with_the_first():
    text = "Troops entered Qala on Wednesday, seizing the police headquarters."
    entered, seizing = trig(text, "capture", "entered"), trig(text, "capture", "seizing")
    drafts = grouping.group_triggers([entered, seizing], sentence(text), CONFIG)
    assert [(d.trigger, d.extra) for d in drafts] == [(entered, [seizing])]
    text = "Troops entered Qala and seized the police headquarters."
    entered, seized = trig(text, "capture", "entered"), trig(text, "capture", "seized")
    assert len(grouping.group_triggers([entered, seized], sentence(text), CONFIG)) == 2


def test_violence_alone_takes_the_most_specific_type_and_weak_words_yield():
    text = "An airstrike killed five people and destroyed houses."
    strike, killed, destroyed = (trig(text, "air", "airstrike"), trig(text, "kill", "killed"),
                                 trig(text, "property", "destroyed"))
    drafts = grouping.group_triggers([strike, killed, destroyed], sentence(text), CONFIG)
    assert [(d.family, d.trigger, d.extra) for d in drafts] == [("air", strike, [killed])]
    drafts = grouping.group_triggers([destroyed], sentence(text), CONFIG)
    assert [d.family for d in drafts] == ["property"]


def test_a_demonstration_is_one_event_with_what_was_done_to_it():
    text = "Police shot dead two protesters at the rally."
    shot, protesters = trig(text, "kill", "shot dead"), trig(text, "protest", "protesters")
    drafts = grouping.group_triggers([shot, protesters], sentence(text), CONFIG)
    assert [(d.family, d.trigger, d.extra) for d in drafts] == [("protest", protesters, [shot])]


# ------------------------------------------------------------------------------------------- places

def test_a_foreign_country_after_into_is_a_destination():
    text = "Soldiers fled from Khan Abad into Tajikistan."
    khan_abad = place(text, "Khan Abad")
    tajikistan = place(text, "Tajikistan", "country", country="Tajikistan", admin1=None)
    draft = Draft(trig(text, "flee", "fled"), "flee", places=[khan_abad, tajikistan])
    sent = sentence(text, home_country="Afghanistan")
    dest, own = places.split_destinations(draft, sent, CONFIG)
    assert (dest, own) == ([tajikistan], [khan_abad])
    assert places.cross_border("cross_border_flight", None, dest, own, sent) == ("to Tajikistan", [khan_abad])
    # With no window before a place, nothing says where they went.
    assert places.split_destinations(draft, sent, dataclasses.replace(CONFIG, destination_chars=0))[0] == []


def test_drop_parents_keeps_the_place_inside():
    text = "Khwaja Ghar district of Takhar province"
    district = place(text, "Khwaja Ghar", admin1="Takhar")
    province = place(text, "Takhar", "province", admin1="Takhar")
    assert places.drop_parents([district, province]) == [district]
    assert places.drop_parents([district, province], distance=5) == [district, province]


def test_the_district_points_at_the_place_named_recently():
    text = "Government forces later retook the district."
    draft = Draft(trig(text, "regain", "retook", base=100), "regain")
    sent = sentence(text, base=100, paragraph=0)
    kunduz = loc("Kunduz")
    state = DiscourseState(last_place=(0, 6, kunduz), last_place_sentence=1, last_place_paragraph=0)
    got = places.from_context([], draft, sent, 3, None, None, state, CONFIG)
    assert got == PlaceChoice([(-1, -1, kunduz)], True)
    too_far = dataclasses.replace(CONFIG, anaphor_place_sentences=1)
    assert places.from_context([], draft, sent, 3, None, None, state, too_far) == PlaceChoice([])


def test_the_story_goes_on_at_the_same_place_in_the_next_sentence():
    text = "A day later, government forces pushed them back."
    draft = Draft(trig(text, "regain", "pushed them back", base=50), "regain")
    sent = sentence(text, base=50, paragraph=2)
    state = DiscourseState(last_place=(0, 6, loc("Kunduz")), last_place_sentence=4, last_place_paragraph=2)
    assert places.from_context([], draft, sent, 5, None, None, state, CONFIG).from_context
    assert not places.from_context([], draft, sent, 6, None, None, state, CONFIG).places  # two sentences on


def test_a_draft_without_place_takes_the_place_of_last_resort():
    weak = [(0, 6, loc("Kunduz"))]
    sent = sentence("Kunduz residents fled.", weak_places=weak)
    assert places.or_weak([], sent) == weak
    assert places.or_weak([(1, 2, loc("Baghlan"))], sent) == [(1, 2, loc("Baghlan"))]


# ------------------------------------------------------------------------------------------- dates

def test_the_nearest_absolute_date_and_the_next_day():
    text = "Forces retook the town on Tuesday, only to lose it the next day."
    tuesday = day(text, "Tuesday", date(2021, 7, 6))
    s, e = at(text, "the next day")
    next_day = DateMention(s, e, "the next day", None, anaphoric=True, shift_days=1)
    first = Draft(trig(text, "regain", "retook"), "regain", dates=[tuesday])
    second = Draft(trig(text, "lose", "lose"), "lose", dates=[next_day])
    sent = sentence(text)
    when = dates.choose_date(first, sent, None, 0, None, CONFIG)
    assert when == DateChoice(tuesday.span, tuesday)
    previous = event("territory_regained", when=when.span)
    when = dates.choose_date(second, sent, previous, first.trigger.end, None, CONFIG)
    assert when.span.start == date(2021, 7, 7) and when.mention is next_day


def test_a_draft_without_date_takes_the_sentence_event_before_unless_another_time_is_said():
    text = "Forces retook Kunduz and captured Baghlan days after it fell."
    sent = sentence(text)
    previous = event("territory_regained", when=DateSpan(date(2021, 7, 6), date(2021, 7, 6), "day"))
    second = Draft(trig(text, "capture", "captured"), "capture")
    fell = Draft(trig(text, "capture", "fell"), "capture")
    assert dates.choose_date(second, sent, previous, at(text, "retook")[1], None, CONFIG).span == previous.date
    assert dates.choose_date(fell, sent, previous, at(text, "captured")[1], None, CONFIG).span is None


def test_the_date_of_a_statement_is_the_week_up_to_it():
    text = "The Taliban have taken control of Islam Qala, officials said on Friday."
    friday = day(text, "Friday", date(2021, 7, 9))
    sent = sentence(text, report_dates=[friday])
    draft = Draft(trig(text, "capture", "taken control"), "capture")
    when = dates.choose_date(draft, sent, None, 0, None, CONFIG)
    assert (when.span.start, when.span.end, when.span.precision, when.from_report) == (
        date(2021, 7, 3), date(2021, 7, 9), "week", True)
    when = dates.choose_date(draft, sent, None, 0, None, dataclasses.replace(CONFIG, report_span_days=2))
    assert when.span.start == date(2021, 7, 7)


def test_the_date_of_the_story_told_one_sentence_before():
    kunduz = loc("Kunduz")
    tuesday = DateSpan(date(2021, 7, 6), date(2021, 7, 6), "day")
    state = DiscourseState(told=[event("territory_captured", kunduz, tuesday)], last_event_sentence=0,
                           last_place_paragraph=0)
    sent = sentence("Taliban overtook the district center.", paragraph=0)
    where = PlaceChoice([(-1, -1, kunduz)], True)
    assert dates.from_context(DateChoice(), where, sent, 1, state, CONFIG) == DateChoice(tuesday, from_context=True)
    assert dates.from_context(DateChoice(), where, sent, 2, state, CONFIG) == DateChoice()
    assert dates.from_context(DateChoice(), PlaceChoice(where.places), sent, 1, state, CONFIG) == DateChoice()


def test_note_dates_keeps_the_latest_day():
    state = DiscourseState()
    text = "on Monday"
    monday = day(text, "Monday", date(2021, 7, 5))
    dates.note_dates(state, Draft(Trigger("clash", 0, 1, "x"), "clash", dates=[monday]), None)
    assert state.last_dated == monday.span
    week = DateSpan(date(2021, 7, 1), date(2021, 7, 7), "week")
    dates.note_dates(state, Draft(Trigger("clash", 0, 1, "x"), "clash"), week)
    assert state.last_dated == week


# ------------------------------------------------------------------------------------------- discourse

def test_a_pronoun_source_is_the_source_named_before():
    state = DiscourseState()
    named = said(who="the governor")
    assert discourse.resolve_source(named, state) is named and state.sources == [named]
    pronoun = dataclasses.replace(said(who="he"), source_kind="pronoun")
    assert discourse.resolve_source(pronoun, state).attributed_to == "the governor"


def test_recent_events_look_back_a_set_number_of_sentences():
    a, b, c = event("armed_clash"), event("air_strike"), event("territory_captured")
    state = DiscourseState()
    discourse.note_events(state, 1, [a])
    discourse.note_events(state, 4, [b, c])
    assert state.told == [a, b, c] and state.last_event_sentence == 4
    assert discourse.recent_events(state, 5, CONFIG) == [c, b]  # sentence 1 is four back
    assert discourse.recent_events(state, 5, dataclasses.replace(CONFIG, lookback_sentences=4)) == [c, b, a]


def test_note_place_takes_the_last_event_place_else_a_named_district():
    state = DiscourseState()
    text = "Fighting went on in Khan Abad district."
    sent = sentence(text, paragraph=3, places=[place(text, "Khan Abad")])
    discourse.note_place(state, 7, sent, [])
    assert state.last_place[2].name == "Khan Abad" and (state.last_place_sentence, state.last_place_paragraph) == (7, 3)
    discourse.note_place(state, 8, sent, [event("armed_clash", loc("Baghlan"))])
    assert state.last_place == (-1, -1, loc("Baghlan"))
    discourse.note_place(state, 9, sentence("Nothing here."), [])
    assert state.last_place_sentence == 8


# ------------------------------------------------------------------------------------------- roles

def test_agents_and_patients_by_position_and_by_parse():
    text = "The Taliban attacked Afghan forces in Kunduz."
    taliban = actor(text, "The Taliban", "Taliban", "rebels")
    forces = actor(text, "Afghan forces", "Military Forces of Afghanistan", "state_forces")
    draft = Draft(trig(text, "clash", "attacked"), "clash")
    sent = sentence(text, actors=[taliban, forces])
    assert roles.agents_and_patients(draft, sent) == ([taliban], [forces])
    # The parse says otherwise (a passive read): it wins over position.
    parsed = sentence(text, actors=[taliban, forces],
                      agent_spans={draft.trigger.start: ([(forces.start, forces.end)], [(taliban.start, taliban.end)])})
    assert roles.agents_and_patients(draft, parsed) == ([forces], [taliban])


def test_sides_are_distinct_and_an_associate_fights_on_the_same_side():
    army = ActorMention("Army", "state_forces", "army", 0, 4)
    militia = ActorMention("Militia", "political_militia", "militia", 10, 17)
    rebels = ActorMention("Rebels", "rebels", "rebels", 20, 26)
    a1, a2 = roles.distinct_sides([army, militia, army], [army, rebels])
    assert (a1, a2) == ([army, militia], [rebels])
    assert [(a.name, a.role) for a in roles.event_actors(a1, a2)] == [
        ("Army", "actor1"), ("Rebels", "actor2"), ("Militia", "assoc_actor_1")]


def test_who_took_a_place_back_is_who_held_the_other_side_there():
    kunduz = loc("Kunduz")
    army = ActorMention("Army", "state_forces", "army", 0, 4, "actor1")
    rebels = ActorMention("Rebels", "rebels", "rebels", 20, 26, "actor2")
    earlier = [event("territory_regained", kunduz, actors=[army, rebels])]
    assert roles.holder_from_context("territory_captured", [], (-1, -1, kunduz), earlier) == [rebels]
    assert roles.holder_from_context("territory_captured", [], (-1, -1, loc("Baghlan")), earlier) == []
    assert roles.holder_from_context("armed_clash", [], (-1, -1, kunduz), earlier) == []


# ------------------------------------------------------------------------------------------- types

def _typed(text: str, family: str, words: str, agents=(), patients=(), draft_places=(), **kw):
    draft = Draft(trig(text, family, words), family, places=list(draft_places), **kw)
    sent = sentence(text, home_country="Afghanistan", actors=[*agents, *patients])
    return event_types.decide_type(draft, sent, list(agents), list(patients), list(draft_places), CONFIG)


def test_a_capture_is_typed_by_who_captured():
    text = "Afghan forces captured the district of Khan Abad."
    forces = actor(text, "Afghan forces", "Army", "state_forces")
    assert _typed(text, "capture", "captured", [forces])[0] == "territory_regained"
    text = "The Taliban captured the district of Khan Abad."
    taliban = actor(text, "The Taliban", "Taliban", "rebels")
    assert _typed(text, "capture", "captured", [taliban])[0] == "territory_captured"


def test_losing_a_place_is_a_capture_by_the_other_side():
    text = "Afghan forces lost the district to the Taliban."
    forces = actor(text, "Afghan forces", "Army", "state_forces")
    taliban = actor(text, "the Taliban", "Taliban", "rebels")
    etype, _, a1, a2 = _typed(text, "lose", "lost", [forces], [taliban])
    assert (etype, a1, a2) == ("territory_captured", [taliban], [forces])


def test_capturing_people_is_an_arrest():
    text = "Police captured three militants overnight."
    q = Quantity(3, "exact", "militants", start=at(text, "three")[0], end=at(text, "militants")[1])
    assert _typed(text, "capture", "captured", quantities=[q])[0] == "arrest"


def test_a_flight_into_a_foreign_country_crosses_the_border():
    text = "Soldiers fled into Tajikistan."
    tajikistan = place(text, "Tajikistan", "country", country="Tajikistan", admin1=None)
    assert _typed(text, "flee", "fled", draft_places=[tajikistan])[0] == "cross_border_flight"
    assert _typed("Soldiers fled the fighting.", "flee", "fled")[0] == "retreat"


def test_a_violence_family_gives_its_type():
    assert _typed("An airstrike hit the compound.", "air", "airstrike")[:2] == ("air_strike", None)


# ------------------------------------------------------------------------------------------- claims

def test_a_negated_capture_in_an_assertion_is_a_denial():
    text = "Officials said the Taliban had not captured the city after clashes."
    cap, clash = trig(text, "capture", "captured"), trig(text, "clash", "clashes")
    sent = sentence(text, triggers=[cap, clash], reasons={cap.start: "negated"})
    attribution, drafts = claims.negation_as_denial(sent, said(), [Draft(cap, "capture"), Draft(clash, "clash")])
    assert attribution.stance == "denies" and [d.family for d in drafts] == ["capture"]


def test_a_denial_is_a_claim_on_the_event_told_not_a_new_event():
    kunduz = loc("Kunduz")
    told = event("territory_captured", kunduz, claims=[], evidence=[])
    text = "The government denied that Kunduz had fallen."
    fallen = trig(text, "capture", "fallen")
    draft = Draft(fallen, "capture", places=[place(text, "Kunduz")])
    sent = sentence(text, triggers=[fallen])
    kept = claims.claims_on_told(DOC, sent, said("denies", "the government"), [draft], [told], [told])
    assert kept == [] and "denied" in told.flags and told.claims[-1].stance == "denies"
    # Asserted, with a date of its own: a new event.
    dated = Draft(fallen, "capture", dates=[day(text, "Kunduz", date(2021, 7, 1))])
    assert claims.claims_on_told(DOC, sent, said(), [dated], [told], [told]) == [dated]


def test_a_figure_given_later_is_a_claim_on_the_event_with_that_unit():
    text = "An official put the number at about 300 soldiers."
    s, e = at(text, "about 300 soldiers")
    figure = Quantity(300, "about", "soldiers", start=s, end=e)
    first = event("cross_border_flight", quantities=[Quantity(100, "exact", "soldiers", claim=0)], claims=[],
                  evidence=[])
    first.claims.append(claims.make_claim(DOC, sentence("x"), said()))
    other = event("armed_clash", claims=[], evidence=[])
    state = DiscourseState()
    discourse.note_events(state, 0, [first, other])
    sent = sentence(text, quantities=[figure])
    claims.claim_without_event(DOC, sent, said(who="an official"), discourse.recent_events(state, 1, CONFIG),
                               state, 1, CONFIG)
    assert len(first.claims) == 2 and not other.claims
    assert "contested_figures" in first.flags and first.quantities[-1].claim == 1


def test_a_claim_chain_starts_with_the_outlet():
    claim = claims.make_claim(DOC, sentence("x"), said(who="officials"))
    assert claim.chain[0]["name"] == "Example Wire" and claim.attributed_to == "officials"


# ------------------------------------------------------------------------------------------- assemble, dedup

def test_several_places_share_the_killed_count():
    text = "Clashes in Khan Abad and Imam Sahib killed 7 people."
    s, e = at(text, "7 people")
    draft = Draft(trig(text, "clash", "Clashes"), "clash", quantities=[Quantity(7, "exact", "people", start=s, end=e,
                                                                                   killed=True)])
    where = PlaceChoice([place(text, "Khan Abad"), place(text, "Imam Sahib")])
    made = assemble.make_events(DOC, sentence(text), draft, "armed_clash", None, ([], []), DateChoice(), where,
                                said(), (None, 0.5))
    assert [(ev.location.name, ev.fatalities) for ev in made] == [("Khan Abad", 4), ("Imam Sahib", 3)]
    assert all({"fatalities_split", "undated"} <= set(ev.flags) for ev in made)
    assert made[0].evidence[0].marks["location"] == [at(text, "Khan Abad")]


def test_twins_in_one_sentence_are_one_event():
    a = event("retreat", loc("Kohistan"), evidence=[])
    b = event("retreat", loc("Kohistan"), evidence=[])
    c = event("retreat", loc("Baghlan"), evidence=[])
    for ev, span in ((a, (0, 5)), (b, (10, 15)), (c, (20, 25))):
        ev.evidence.append(assemble.draft_evidence(Draft(Trigger("retreat", *span, "x"), "retreat"), None, None, [],
                                                   said()))
    assert dedup.merge_twins([a, b, c]) == [a, c]
    assert a.evidence[0].marks["type"] == [(0, 5), (10, 15)]


# ------------------------------------------------------------------------------------------- the driver

def _two_sentences() -> list[SentenceMentions]:
    one = "The Taliban captured Kunduz on Tuesday."
    two = "Government forces retook the district the next day."
    b = len(one) + 1
    s, e = at(two, "the next day", b)
    return [
        sentence(one, triggers=[trig(one, "capture", "captured")], places=[place(one, "Kunduz")],
                 dates=[day(one, "Tuesday", date(2021, 7, 6))],
                 actors=[actor(one, "The Taliban", "Taliban", "rebels")]),
        sentence(two, b, triggers=[trig(two, "regain", "retook", b)],
                 dates=[DateMention(s, e, "the next day", None, anaphoric=True, shift_days=1)],
                 actors=[actor(two, "Government forces", "Army", "state_forces", b)]),
    ]


def test_build_events_runs_the_stages_over_an_article():
    first, second = build_events(DOC, _two_sentences())
    assert (first.type, first.location.name, first.date.start) == ("territory_captured", "Kunduz", date(2021, 7, 6))
    assert (second.type, second.location.name, second.date.start) == ("territory_regained", "Kunduz",
                                                                       date(2021, 7, 7))
    assert "place_from_context" in second.flags  # "the district", the sentence after Kunduz was named
    assert [(a.name, a.role) for a in first.actors] == [("Taliban", "actor1")]
    assert [(a.name, a.role) for a in second.actors] == [("Army", "actor1")]


def test_build_events_takes_its_numbers_from_the_settings():
    # With no look-back for "the district" and no story going on into the next sentence, no place.
    config = dataclasses.replace(CONFIG, anaphor_place_sentences=0, continuation_sentences=0)
    _, second = build_events(DOC, _two_sentences(), config)
    assert second.location is None and "place_from_context" not in second.flags
