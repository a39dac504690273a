"""Event or not, and one happening once, on long news articles (issue 6): the kinds of clause behind the false
events and the duplicates of the long-article development sets, each read from the parse and the word lists
(data/eventness.json), and the one-happening rules of stages/dedup.py.

The sentences are written for these tests; each stands for a kind of clause (none is a sentence of the gold
articles in tests/fixtures).
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.eventness import ASSERTED, REFERENCE
from contested.pipeline import extract_text
from contested.records import Claim, DateSpan, Event, Evidence, Location
from contested.stages.dedup import merge_retellings

PUB = date(2023, 3, 10)


def reasons(text: str, published: date | None = PUB) -> dict[str, str]:
    return clause_reasons_of(text, published)


@pytest.mark.parametrize(
    ("text", "word", "reason"),
    [
        # A tally over a period, or how often: many happenings, not one.
        ("The militia has killed hundreds of villagers in the two provinces over the past decade.", "killed",
         "aggregate"),
        ('"My family has fled four times in three years," she said.', "fled", "aggregate"),
        ("Gunmen have attacked the convoy route repeatedly.", "attacked", "aggregate"),
        # ... but a perfect with a day, or a count of hours, is news.
        ("Gunmen have attacked a police post in the town on Tuesday.", "attacked", ASSERTED),
        # A tally, or a state, since a happening began, in the present or the past perfect.
        ("Aid agencies said 20,000 people had been displaced in the valley since the siege began.", "displaced",
         "aggregate"),
        ("Negotiations in Geneva have produced nothing since they opened in the spring.", "Negotiations",
         "aggregate"),
        ("Militias have detained hundreds of men in the east since the start of the war.", "detained",
         "aggregate"),
        # How a campaign is going, not a happening; "going on" is one.
        ("The general said the offensive was going well.", "offensive", "generic"),
        ("Fighting was going on in the village on Monday night, residents said.", "Fighting", ASSERTED),
        # People described by what they did, the object of an act that is no happening.
        ("The teacher said the boys had been working to support cousins who had fled the valley.", "fled",
         "description"),
        # A move from a flood is no violence.
        ("Hundreds of families were evacuated from the flooded villages.", "evacuated", "not violence"),
        # "anti-" names what a thing is against, not a happening.
        ("Engineers dug anti-tank trenches along the river.", "anti-tank", "modifier"),
        # One of the happenings told before.
        ("Witnesses said one of the raids destroyed a pharmacy.", "raids", REFERENCE),
        # What a court says of a happening told before: "face two counts ... for shooting".
        ("The brothers also face three counts of assault, a felony, for shooting at the bar.", "shooting",
         REFERENCE),
    ],
)
def test_clause_kinds(text: str, word: str, reason: str) -> None:
    got = reasons(text)
    assert got[word].startswith(reason), got


def test_quotation_of_an_analyst_spoken_after_it_closes() -> None:
    """A quotation opened in one sentence and closed in the next, followed by who says it: an analyst's words
    with no date are an opinion, a resident's are not."""
    text = ('"The army is fighting in too many places. Nobody can say how this ends," said Jane Roe, a defence '
            "analyst in Nairobi.")
    assert reasons(text)["fighting"].startswith("opinion"), reasons(text)
    text = ('"The army is fighting in the streets. Nobody can say how this ends," said Jane Roe, a shopkeeper '
            "in the town.")
    assert not reasons(text)["fighting"].startswith("opinion"), reasons(text)


def test_the_happening_told_before_as_the_doer() -> None:
    """"The capture cut the road" and "closed by the fighting": what a happening told before did, a reference
    (a claim on it), not a new happening; "the shooting happened at ..." tells the happening."""
    text = "Rebels took the town of Ofu on Sunday. The capture cut the only road to the coast."
    assert reasons(text)["capture"].startswith(REFERENCE), reasons(text)
    text = "Militiamen raided a market near the lake at dawn. Two ferries were sunk by the raid."
    assert reasons(text)["raid"].startswith(REFERENCE), reasons(text)
    text = "Police were called on Sunday. The shooting happened at a petrol station."
    assert reasons(text)["shooting"] == ASSERTED, reasons(text)


def test_a_definite_happening_at_a_place_of_its_own_is_told() -> None:
    """"The airstrike hit a hospital in Kandahar" after a killing in Kabul: a definite happening that names a
    place of its own tells a happening (not a retelling of the one before); the same for "one of the strikes"."""
    text = "Gunmen killed two shopkeepers in Kabul on Monday. The airstrike hit a hospital in Kandahar, a doctor said."
    assert reasons(text)["airstrike"] == ASSERTED, reasons(text)
    text = "Fighters stormed a checkpoint in Kunduz on Monday. The attack destroyed a school in Herat."
    assert reasons(text)["attack"] == ASSERTED, reasons(text)
    text = "Drones struck the port on Friday. One of the strikes destroyed a clinic in Hodeidah."
    assert reasons(text)["strikes destroyed"] == ASSERTED, reasons(text)
    text = "Drones struck the port on Friday. One of the strikes destroyed a clinic."
    assert reasons(text)["strikes destroyed"].startswith(REFERENCE), reasons(text)


def _event(eid: str, etype: str, where: Location | None, when: date | None, sentence: str, span: tuple[int, int],
           reason: str = ASSERTED, marks: dict | None = None, fatalities: int | None = None) -> Event:
    ev = Event(eid, etype, "Battles", "Armed clash", date=None if when is None else DateSpan(when, when, "day", ""),
               location=where, fatalities=fatalities,
               claims=[Claim(doc_id="d", source=None, published=None, attributed_to=None, attribution_text=None,
                             stance="asserts", hedged=False, sentence=sentence, span=span)],
               evidence=[Evidence(marks=marks or {}, reason=reason)])
    return ev


def _place(name: str, admin1: str | None, feature: str = "populated_place", country: str = "Myanmar") -> Location:
    return Location(name, name, country, admin1, None, None, None, feature=feature)


def test_retellings_joined() -> None:
    """A reference with no host at its places, the next sentence of a paragraph with neither place, date nor
    toll, and a lead told at a place of the detail's province's name, each join the happening told."""
    first = _event("a", "territory_captured", _place("Ofu", "Kivu"), date(2023, 3, 5), "Rebels took Ofu on Sunday.",
                   (0, 26))
    ref = _event("b", "territory_captured", _place("Goma", "Kivu"), None, "The capture cut the road to Goma.",
                 (27, 60), reason=f"{REFERENCE}: the capture cut")
    assert len(merge_retellings([first, ref])) == 1

    lead = _event("c", "shelling", _place("Kabul", "Kabul"), date(2023, 3, 5),
                  "Three rockets hit the airport on Sunday.", (0, 40))
    more = _event("d", "shelling", None, None, "Two rockets damaged the runway.", (41, 72))
    assert len(merge_retellings([lead, more])) == 1
    far = _event("e", "shelling", None, None, "Two rockets damaged the runway.", (41, 72), fatalities=2)
    assert len(merge_retellings([lead, far])) == 2  # a toll of its own: maybe another happening

    summary = _event("f", "air_strike", _place("Sagaing", "Sagaing"), None,
                     "Jets bombed a school elsewhere in the region.", (0, 45))
    detail = _event("g", "air_strike", _place("Kyun", "Sagaing"), date(2023, 3, 8),
                    "On Wednesday a jet bombed a school in Kyun.", (46, 90))
    assert len(merge_retellings([summary, detail])) == 1
    elsewhere = _event("h", "air_strike", _place("Kyun", "Magway"), date(2023, 3, 8),
                       "On Wednesday a jet bombed a school in Kyun.", (46, 90))
    assert len(merge_retellings([summary, elsewhere])) == 2


def test_a_day_lent_by_the_main_clause() -> None:
    """A happening in an "as" clause takes its main clause's day: the details a day from it at its place are
    the same happening; two dated days of their own are two."""
    s1 = "A missile struck a depot on Monday, as troops fought their way into Ofu."
    lead = _event("a", "armed_clash", _place("Ofu", "Kharkiv", country="Ukraine"), date(2023, 3, 6), s1,
                  (0, len(s1)), marks={"type": [(s1.index("fought"), s1.index("fought") + 6)]})
    s2 = "In Ofu, troops fought street by street on Tuesday."
    start = len(s1) + 1
    detail = _event("b", "armed_clash", _place("Ofu", "Kharkiv", country="Ukraine"), date(2023, 3, 7), s2,
                    (start, start + len(s2)), marks={"type": [(start + s2.index("fought"), start + s2.index("fought") + 6)],
                                                     "date": [(start + s2.index("on Tuesday"), start + len(s2) - 1)]})
    assert len(merge_retellings([lead, detail])) == 1
    s3 = "Troops fought in Ofu on Monday."
    own = _event("c", "armed_clash", _place("Ofu", "Kharkiv", country="Ukraine"), date(2023, 3, 6), s3,
                 (0, len(s3)), marks={"type": [(7, 13)], "date": [(21, 30)]})
    assert len(merge_retellings([own, detail])) == 2


def test_one_protest_outside_embassies_of_two_countries() -> None:
    """"outside the embassies of Germany and Japan": whose embassies, not two more places of the protest."""
    text = ("In Lusaka, police fired tear gas on Friday to break up a protest by about 200 students outside the "
            "embassies of Germany and Japan, a witness said.")
    events = [e for e in extract_text(text, published="2023-03-11") if e.type == "protest"]
    assert len(events) == 1, [(e.type, e.location and e.location.name) for e in events]
    assert events[0].location is not None and events[0].location.name == "Lusaka"


def test_a_unit_named_as_one_holds_a_village_of_no_known_unit() -> None:
    """"in Lubero territory, ... in the village of Kasindi-Yo": one killing, at the village; not where the
    village's unit is known to be another."""
    from contested.stages.dedup import merge_twins

    text = "Further north, in Lubero territory, gunmen killed nine civilians in the village of Kasindi-Yo on Sunday."
    congo = "Democratic Republic of the Congo"
    unit = Location("Lubero", "Lubero", congo, "North Kivu", "Lubero", None, None, feature="populated_place",
                    start=text.index("Lubero"), end=text.index("Lubero") + 6)
    village = Location("Kasindi-Yo", "Kasindi-Yo", congo, None, None, None, None, feature="populated_place",
                       start=text.index("Kasindi"), end=text.index("Kasindi") + 10)
    a = _event("a", "killing", unit, date(2023, 3, 5), text, (0, len(text)))
    b = _event("b", "killing", village, date(2023, 3, 5), text, (0, len(text)))
    merged = merge_twins([a, b])
    assert len(merged) == 1 and merged[0].location is village
    placed = Location("Kasindi-Yo", "Kasindi-Yo", congo, "Ituri", "Irumu", None, None, feature="populated_place",
                      start=village.start, end=village.end)
    c = _event("c", "killing", placed, date(2023, 3, 5), text, (0, len(text)))
    assert len(merge_twins([a, c])) == 2


def test_a_place_from_another_sentence_is_not_named_here() -> None:
    """A place taken from context (its offsets outside the claim's sentence) is no unit named in the sentence,
    and a word of the event outside the sentence is in no "as" clause of it (no slice at a negative offset)."""
    from contested.stages.dedup import _main_clause_dated, _named_unit

    text = "Gunmen burned the market, the district said."
    start = 100
    ev = _event("a", "arson", Location("Ofu", "Ofu", "Myanmar", "Kivu", None, None, None, start=start - 26,
                                        end=start - 14), None, text, (start, start + len(text)))
    assert not _named_unit(ev)  # (its end minus the sentence's start is -14: "district said." before the guard)
    inside = _event("b", "arson", Location("Ofu", "Ofu", "Myanmar", "Kivu", None, None, None, start=start + 10,
                                           end=start + 13), None, "Gunmen in Ofu district burned the market.",
                    (start, start + 41))
    assert _named_unit(inside)
    s1 = "A missile struck a depot on Monday, as troops fought their way into the town."
    elsewhere = _event("c", "armed_clash", _place("Ofu", "Kharkiv"), date(2023, 3, 6), s1, (0, len(s1)),
                       marks={"type": [(len(s1) + 20, len(s1) + 26)], "date": [(28, 34)]})
    assert not _main_clause_dated(elsewhere)
    here = _event("d", "armed_clash", _place("Ofu", "Kharkiv"), date(2023, 3, 6), s1, (0, len(s1)),
                  marks={"type": [(s1.index("fought"), s1.index("fought") + 6)], "date": [(28, 34)]})
    assert _main_clause_dated(here)


def test_a_lead_joins_only_the_one_detail_of_its_province() -> None:
    """The article's dated events per province are counted once: a lead at a province's name joins its one
    detail there, and neither of two."""
    lead = _event("a", "armed_clash", _place("Lanao", "Lanao"), None, "Soldiers clashed with rebels in Lanao.",
                  (0, 38))
    one = _event("b", "armed_clash", _place("Pualas", "Lanao"), date(2023, 3, 4),
                 "On Saturday soldiers fought rebels near Pualas.", (39, 86))
    two = _event("c", "armed_clash", _place("Tamparan", "Lanao"), date(2023, 3, 6),
                 "Two days later troops fought rebels at Tamparan.", (87, 135))
    assert len(merge_retellings([lead, one])) == 1
    assert len(merge_retellings([lead, one, two])) == 3


def test_told_of_words_are_their_own_list() -> None:
    """Whom a verb tells of ("accusing Kigali of backing the rebels") is read from telling_verbs
    (data/eventness.json), not from the words of a capital that stands for its government."""
    from contested.eventness import load_words

    words = load_words()
    assert {"accuse", "demand"} <= words.telling_verbs
