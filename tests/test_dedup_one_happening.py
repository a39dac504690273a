"""One event per happening, and its own date: places a sentence names in passing (a town a road is named after,
where another verb sent someone, a clause of others with its own subject, where families are from, who called
for something), a town of the province's name told by the same word as a place in that province, a date hung
in another happening's clause, a relative clause on a time, and a fight at a place of its own joined by "and"
to a capture.

Illustrative sentences written for these tests; each stands for a kind of clause, not for a sentence seen
anywhere. They report no real events.
"""

from __future__ import annotations

from datetime import date

from contested.pipeline import extract_text


def _events(text: str) -> list[tuple[str, str | None, date | None]]:
    events = extract_text(text, published="2021-07-10", source="Example Wire")
    return [(e.type, e.location.name if e.location else None, e.date.start if e.date else None) for e in events]


def test_a_town_of_the_provinces_name_and_a_district_of_that_province_are_one_place():
    got = _events("In Herat, gunmen shot dead two shopkeepers in Shindand district on Friday, police said.")
    assert got == [("killing", "Shindand", date(2021, 7, 9))], got


def test_the_towns_a_road_is_named_after_are_no_places_of_the_happening():
    got = _events("A roadside bomb hit a police truck on the Kabul-Jalalabad highway near Sarobi on Tuesday, killing "
                  "three policemen, officials said.")
    assert [(t, p) for t, p, _ in got] == [("explosive_device", "Sarobi")], got


def test_where_another_verb_sent_someone_is_no_place_of_the_happening():
    got = _events("Rockets hit the airport in Kandahar on Sunday, forcing pilots to turn back to Herat.")
    assert [p for _, p, _ in got] == ["Kandahar"], got
    got = _events("At least four mortar rounds landed near the runway of Kandahar airport on Sunday, forcing the "
                  "authorities to close it and send the waiting planes to Herat.")
    assert "Herat" not in [p for _, p, _ in got], got


def test_a_place_in_a_clause_of_others_with_its_own_subject_is_not_the_strikes():
    got = _events("Jets struck positions near Gereshk on Monday, and militiamen loyal to a local commander tightened "
                  "their grip on Lashkar Gah, officials said.")
    assert [(t, p) for t, p, _ in got] == [("air_strike", "Gereshk")], got


def test_where_families_are_from_is_no_place_whatever_the_parser_hangs_it_on():
    got = _events("On Friday, gunmen looted and burned shops belonging to families from Kunduz in Taloqan, residents "
                  "said.")
    assert len(got) == 1 and got[0][1] != "Kunduz", got


def test_who_called_for_a_truce_is_no_place_of_the_fighting():
    got = _events("Heavy fighting broke out on the edge of the village on Sunday, hours before a truce brokered by "
                  "Qatar and Egypt was due to begin.")
    assert [(t, p) for t, p, _ in got] == [("armed_clash", None)], got


def test_a_date_in_another_happenings_clause_does_not_date_this_one():
    got = _events("Militants stormed a police post in Sangin on Tuesday, sending hundreds of residents fleeing, while "
                  "the army said on Thursday it had retaken Musa Qala, officials said.")
    by_type = {t: d for t, _, d in got}
    assert by_type.get("displacement") == date(2021, 7, 6), got
    assert by_type.get("territory_regained") == date(2021, 7, 8), got


def test_a_relative_clause_on_a_time_tells_another_happening_not_dated_by_the_main_clause():
    got = _events("Soldiers shot dead three men in a market in Kunduz on Monday night, residents said, in a week in "
                  "which insurgents killed four policemen in Khanabad.")
    assert ("killing", "Kunduz", date(2021, 7, 5)) in got, got
    other = [g for g in got if g[1] != "Kunduz"]
    assert len(other) == 1 and other[0][2] != date(2021, 7, 5), got


def test_a_fight_at_a_place_of_its_own_joined_to_a_capture_is_a_happening_of_its_own():
    got = _events("Taliban fighters overran the centre of Khwaja Ghar district on Friday and fought soldiers through "
                  "the night on the edge of Taloqan, officials said.")
    types = sorted(t for t, _, _ in got)
    assert types == ["armed_clash", "territory_captured"], got
    assert not any(t == "territory_captured" and p == "Taluqan" for t, p, _ in got), got


def test_a_verb_joined_by_and_takes_the_day_of_the_verb_it_is_joined_to():
    got = _events("A homemade bomb exploded under an army truck on Friday, the army said.\n\nAfter the attack on the "
                  "road, soldiers entered several quarters of Kibati on Saturday and set fire to about 30 houses, "
                  "residents said.")
    assert any(t == "property_destruction" and d == date(2021, 7, 10) for t, _, d in got), got


def test_an_as_clause_about_what_was_told_sets_the_time_of_the_flight():
    got = _events("Soldiers set fire to about 30 houses in Kumba on Saturday, residents said. Hundreds of villagers "
                  "fled into the bush as the houses burned.")
    assert any(t == "displacement" and d == date(2021, 7, 10) for t, _, d in got), got


def test_a_town_written_with_a_longer_name_is_not_taken_for_its_province():
    got = _events("On Sunday, in Heroica Puebla de Zaragoza, Puebla, a man was stabbed to death in colonia Lomas de "
                  "San Miguel, police said.")
    assert any(p == "Puebla" for _, p, _ in got), got


def test_a_detail_at_a_place_the_leads_sentence_named_is_the_lead_told_again():
    got = _events("Government forces captured Tal Hamra on the western edge of Aleppo on Monday, monitors said.\n\n"
                  "Troops and allied militias entered Tal Hamra after two days of fighting with rebel factions, state "
                  "media said, describing the town as liberated.")
    assert got == [("territory_regained", "Tal Hamra", date(2021, 7, 5))], got


def test_a_place_of_another_happening_of_the_leads_sentence_is_not_taken_for_the_lead():
    got = _events("Fighters overran the centre of Khwaja Ghar district on Friday and fought soldiers on the edge of "
                  "Taloqan, officials said. The fall of Khwaja Ghar came after a two-day siege, a councillor said.")
    assert not any(t == "armed_clash" and p == "Khwajah Ghar" and d is not None for t, p, d in got), got
