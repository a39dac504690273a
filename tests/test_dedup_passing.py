"""One event per happening within a sentence: the places a sentence names only in passing are set aside where a
place of the happening is left: the two ends of a route in a phrase of a noun ("a bus carrying pilgrims from X
to Y"), a direction ("on the road west towards X"), and the unit a named unit lies in, where the gazetteer
agrees ("the Seattle neighbourhood of Mukilteo" names the neighbourhood, not where Seattle is).

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from datetime import date

from contested.pipeline import extract_text
from contested.records import DateSpan, Event, Location
from contested.stages.dedup import merge_retellings


def _events(text: str) -> list[tuple[str, str | None]]:
    events = extract_text(text, published="2024-05-15", source="Example Wire")
    return [(e.type, e.location.name if e.location else None) for e in events]


def test_the_ends_of_a_route_are_no_places_of_the_happening():
    got = _events("Gunmen opened fire on a bus carrying pilgrims from Quetta to Karachi near the town of Khuzdar "
                  "on Friday, killing six people, police said.")
    assert got == [("killing", "Khuzdar")], got


def test_a_move_keeps_its_own_from_and_to():
    # The flight's own phrase: where they fled from is the happening's place (not an end of a route in passing).
    got = _events("Thousands of families fled Kalehe to Goma on Tuesday, aid workers said.")
    assert got and got[0][1] == "Kalehe", got


def test_a_direction_is_no_place_of_the_happening():
    got = _events("Rebels seized Sake, a market town on the road west towards Goma, on Wednesday, residents said.")
    assert got == [("territory_captured", "Sake")], got


def test_a_direction_alone_is_kept_as_the_only_place_named():
    # Nothing else is named: the direction is not set aside (the happening keeps a place).
    got = _events("Troops pushed the rebels back towards Goma on Wednesday, the army said.")
    assert len(got) == 1, got


def test_a_lead_at_a_province_on_the_detail_day_is_the_detail_told():
    # The lead summarises at the province on Sunday; the detail tells the village (in that province) on Sunday.
    text = ("Gunmen killed 14 villagers in an attack in central Burkina Faso's Centre-Nord region on Sunday, "
            "officials said.\n\n"
            "Armed men on motorbikes surrounded the village of Kaya on Sunday afternoon and opened fire on "
            "people at the market, killing 14 of them, a local official said.")
    got = _events(text)
    assert len([t for t, _ in got if t == "killing"]) == 1, got
    assert ("killing", "Kaya") in got, got



def _event(i: str, place: str, feature: str, admin1: str, day: int) -> Event:
    when = date(2024, 5, day)
    return Event(id=i, type="killing", acled_event_type="Violence against civilians",
                 acled_sub_event_type="Attack", date=DateSpan(when, when, "day", "Sunday"),
                 location=Location(name=place, text=place, country="Burkina Faso", admin1=admin1, admin2=None,
                                   lat=None, lon=None, feature=feature))


def test_merge_retellings_joins_a_dated_lead_at_the_province_to_its_one_detail():
    lead = _event("a", "Centre-Nord", "province", "Centre-Nord", 12)
    detail = _event("b", "Kaya", "populated_place", "Centre-Nord", 12)
    got = merge_retellings([lead, detail])
    assert len(got) == 1 and got[0].location.name == "Kaya", got


def test_merge_retellings_keeps_a_lead_apart_from_two_details_or_another_day():
    lead = _event("a", "Centre-Nord", "province", "Centre-Nord", 12)
    one = _event("b", "Kaya", "populated_place", "Centre-Nord", 12)
    two = _event("c", "Kongoussi", "populated_place", "Centre-Nord", 12)
    assert len(merge_retellings([lead, one, two])) == 3
    other_day = _event("d", "Kaya", "populated_place", "Centre-Nord", 13)
    assert len(merge_retellings([lead, other_day])) == 2


def test_a_place_measured_from_another_is_a_landmark():
    # "across X from Y" says where the happening's own place lies.
    got = _events("In Omdurman, across the White Nile from the centre of Khartoum, gunmen shot dead two traders "
                  "on Monday evening, residents said.")
    assert got == [("killing", "Omdurman")], got
