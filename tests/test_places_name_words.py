"""Words around and inside place names (issue 8): "au" joins the words of a French name ("Port-au-Prince"), and a
country's name before its army ("the Myanmar military") says who, not where. Sentences written for these tests
(illustrative)."""

from __future__ import annotations

from contested.pipeline import _place_mentions


def resolved(gaz, nlp, text):
    ms = _place_mentions(gaz, nlp(text), text)
    return dict(zip([m.text for m in ms], gaz.resolve(ms, gaz.text_hints(text)), strict=True))


def test_a_french_name_joined_by_au_is_one_name(gaz, nlp):
    # "Port-au-Prince" is looked up whole, not as "Port" (Porto) and "Prince"
    got = resolved(gaz, nlp, "Gang members attacked a neighbourhood of Port-au-Prince overnight into Sunday.")
    assert list(got) == ["Port-au-Prince"]
    assert got["Port-au-Prince"] is not None and got["Port-au-Prince"].country == "Haiti"


def test_a_country_before_its_army_is_no_place_of_the_happening():
    # "the Myanmar military": who was hit, not where; the town the sentence names places the shelling
    from contested.pipeline import extract_text

    got = [e.location for e in extract_text(
        "On 5 May 2021, in Tanai township (Myitkyina District, Kachin State), the rebels fired 4 rounds of 82 mm "
        "mortars at the Myanmar military LIB 74 base.", published="2021-05-06")]
    assert got and got[0] is not None and got[0].feature != "country" and got[0].admin1 == "Kachin", got
