"""Which reading of a name the story around it means (issue 8): the place a later sentence goes on at is the
town, not the district named after it to say where the town lies. Sentences written for these tests
(illustrative)."""

from __future__ import annotations

from contested.pipeline import extract_text


def test_a_later_sentence_goes_on_at_the_town_not_its_district():
    text = ("On 8 May 2020, traders confronted the police in Binga (Lisala, Mongala) after officers had seized "
            "a mill from them. The police responded with live fire and shot and killed a demonstrator.")
    got = [e.location for e in extract_text(text, published="2020-05-09")]
    assert got and all(loc is not None and loc.name == "Binga" for loc in got), got
