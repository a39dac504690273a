"""Which reading of a name the story around it means (issue 8): the province of the names written just before a
name decides between its readings before the article as a whole; the place a later sentence goes on at is the
town, not the district named after it to say where the town lies. Sentences written for these tests
(illustrative)."""

from __future__ import annotations

from contested.pipeline import _place_mentions, extract_text


def resolved(gaz, nlp, text):
    ms = _place_mentions(gaz, nlp(text), text)
    return list(zip([m.text for m in ms], gaz.resolve(ms, gaz.text_hints(text)), strict=True))


def test_the_province_named_just_before_decides_between_readings(gaz, nlp):
    # Faizabad is a district of Jawzjan and of Badakhshan and a village of Faryab; the article names Faryab more,
    # but the part of the story it is told in is Jawzjan's (Mardyan, Sheberghan)
    text = ("Taliban fighters captured Qaramqol district in Faryab province on Tuesday and moved on Andkhoy, "
            "Faryab officials said. Families fled to Maimana.\n\n"
            "In neighbouring Mardyan district, soldiers gave themselves up, a police spokesman in Sheberghan said. "
            "On Wednesday, fighters ambushed a convoy of militiamen in Faizabad district.")
    got = dict(resolved(gaz, nlp, text))
    assert got["Faizabad"] is not None and got["Faizabad"].admin1 == "Jowzjan", got["Faizabad"]


def test_a_later_sentence_goes_on_at_the_town_not_its_district():
    text = ("On 8 May 2020, traders confronted the police in Binga (Lisala, Mongala) after officers had seized "
            "a mill from them. The police responded with live fire and shot and killed a demonstrator.")
    got = [e.location for e in extract_text(text, published="2020-05-09")]
    assert got and all(loc is not None and loc.name == "Binga" for loc in got), got


def test_the_place_people_are_taken_from_is_kept_beside_a_town_named_to_say_where_it_lies():
    # "from Chai" qualifies the people abducted; the only other place, Macomia, says where Chai lies
    text = ("On Tuesday night, gunmen abducted seven women and three children from Chai, a village on the main "
            "road north of Macomia town, residents said.")
    got = [e.location for e in extract_text(text, published="2021-08-11")]
    assert got and got[0] is not None and got[0].name == "Chai", got
