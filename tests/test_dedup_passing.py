"""One event per happening within a sentence: the places a sentence names only in passing are set aside where a
place of the happening is left: the two ends of a route in a phrase of a noun ("a bus carrying pilgrims from X
to Y"), a direction ("on the road west towards X"), and the unit a named unit lies in, where the gazetteer
agrees ("the Seattle neighbourhood of Mukilteo" names the neighbourhood, not where Seattle is).

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from contested.pipeline import extract_text


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
