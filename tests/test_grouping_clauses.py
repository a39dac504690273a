"""One event per happening within a sentence, read from the parse: a clause introduced by "as" or "while"
with a doer of its own tells another happening than the clause it hangs from; a passive tally, a death or a
clause whose doer is the only one the sentence names is the same happening. And a habitual present ("reports
of air strikes often take days to reach ...") tells no happening, whatever date another clause of the
sentence has.

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.pipeline import extract_text


def _events(text: str) -> list[tuple[str, str | None]]:
    events = extract_text(text, published="2024-05-15", source="Example Wire")
    return [(e.type, e.location.name if e.location else None) for e in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The strike and the fighting: two happenings, each at its own place.
        ("A rocket struck a market in Kramatorsk on Tuesday, killing two people and wounding nine, officials "
         "said, as Russian troops pushed into the outskirts of Chasiv Yar and fought Ukrainian units in its "
         "streets.", [("shelling", "Kramatorskyi"), ("armed_clash", "Chasiv Yar")]),
        ("A drone hit a fuel depot in Omdurman on Monday, killing three workers, the army said, while paramilitary "
         "fighters attacked army positions in El Fasher.", [("air_strike", "Omdurman"), ("armed_clash", "Al Fasher")]),
    ],
)
def test_an_as_clause_with_a_doer_of_its_own_is_another_happening(text, expected):
    assert sorted(_events(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # A passive figure of the same happening.
        "Two soldiers were killed in the ambush near Gao on Monday, while a third soldier was wounded, the army said.",
        # A death: its subject is who it happened to.
        "Three of the victims died at the scene in Gao on Monday, while a fourth died in hospital, officials said.",
        # The "as" clause names the only doer of what the clause above tells.
        "Civilian casualties were inflicted in Gao on Monday as the army fired a rocket at a house.",
        # A happening as the subject of the "as" clause is the setting, not a second event.
        "Air strikes hit Mekelle on Monday, killing three civilians, as fighting spread across the region.",
    ],
)
def test_a_figure_or_setting_in_an_as_clause_is_the_same_happening(text):
    assert len(_events(text)) == 1, _events(text)


def test_a_habitual_present_is_no_happening_whatever_date_another_clause_has():
    got = clause_reasons_of("Roads into the region have been closed for most of the past year, so reports of "
                            "killings often take weeks to reach the capital.", date(2021, 7, 13))
    assert got["killings"].startswith("generic"), got
    # Its own date makes it news (a headline's present).
    got = clause_reasons_of("On Monday, gunmen often attack convoys on the road to Gao.", date(2021, 7, 13))
    assert not got["attack"].startswith("generic"), got


def test_where_people_are_from_named_with_its_unit_is_no_place_of_the_happening():
    events = extract_text("Police in Kabul detained at least 30 people, most of them young men from the Panjshir "
                          "province, in searches in the Khair Khana district on Tuesday night, relatives said.",
                          published="2021-10-22", source="Example Wire")
    assert [e.location.name for e in events if e.location] == ["Kabul"], events
