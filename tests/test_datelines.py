"""The place of a dateline is where the report was filed from: the place of last resort, never a second event."""

from __future__ import annotations

from contested.pipeline import extract_text


def places(text: str) -> list[str | None]:
    return [e.location.name if e.location else None for e in extract_text(text, published="2022-04-02")]


def test_a_dateline_does_not_make_a_second_event_beside_the_named_place():
    text = ("Soldiers kill dozens in central Mali\n\n"
            "BAMAKO, April 2 (Example Wire) - Malian soldiers killed dozens of civilians in the village of Moura in "
            "Mali's Mopti region last week, residents said.")
    assert places(text) == ["Moura"]


def test_a_dateline_alone_places_nothing_and_its_agency_is_no_place():
    # Where the reporter filed from is not where the bomb went off: unknown stays unknown. ("Example" is also
    # no place, though a gazetteer spells a quarter of Barcelona close to it.)
    assert places("KABUL (Example Wire) - A roadside bomb killed four soldiers on Friday, officials said.") == [None]
