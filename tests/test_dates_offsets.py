"""Offsets that tie two happenings of one sentence ("on Sunday, two days after fighters had overrun it"), and
who acted where the parse names a subject no dictionary knows ("a week after rebels seized it")."""

from __future__ import annotations

import pytest

import contested


def _events(text: str, published: str = "2021-07-13") -> list[dict]:
    return contested.extract(text, published=published)


def _dates(text: str) -> dict[str, str | None]:
    return {e["type"]: (e["date"] or {}).get("start") for e in _events(text)}


@pytest.mark.parametrize("text, expected", [
    # The clause "after" opens is counted back from the day of the event that governs it.
    ("Afghan commandos retook the centre of Dahana-i-Ghori district in Baghlan province on Sunday, two days "
     "after Taliban fighters had overrun it, provincial officials said.",
     {"territory_regained": "2021-07-11", "territory_captured": "2021-07-09"}),
    # "before" with the day in the counted-from clause: the governing event is that many days earlier.
    ("The rebels seized the town of Kurmuk three days before troops retook it on Friday.",
     {"territory_captured": "2021-07-06", "territory_regained": "2021-07-09"}),
    # A noun after "after": the attack lies three days before Monday's arrests.
    ("Police arrested two men in Kunduz on Monday, three days after the attack on the market.",
     {"arrest": "2021-07-12", "killing": "2021-07-09"}),
    # The parser hangs the "after" clause on the verb of saying beside the event it counts from.
    ("Afghan commandos retook the centre of Dahana-i-Ghori district in Baghlan province on Sunday, ten days after "
     "it fell to the Taliban, the Ministry of Defence said in a statement.",
     {"territory_regained": "2021-07-11", "territory_captured": "2021-07-01"}),
])
def test_offsets_between_the_happenings_of_a_sentence(text, expected):
    got = _dates(text)
    for etype, day in expected.items():
        assert got.get(etype) == day, (etype, got)


def test_a_clause_with_its_own_day_keeps_it():
    got = _dates("Afghan commandos retook Dahana-i-Ghori district in Baghlan province on Sunday, two days after "
                 "Taliban fighters had overrun it on Thursday.")
    assert got["territory_regained"] == "2021-07-11"
    assert got.get("territory_captured") in ("2021-07-08", None)


def test_no_offset_no_invented_day():
    # "later" ties to nothing in the sentence: the retaking is not dated from the capture.
    got = _dates("Taliban fighters captured the district centre of Dahana-i-Ghori in Baghlan province on Friday.")
    assert got == {"territory_captured": "2021-07-09"}


def test_a_subject_no_dictionary_knows_takes_no_actor_from_another_clause():
    events = _events("Government forces recaptured the town of Kurmuk on Tuesday, a week after rebels seized it.")
    by_type = {e["type"]: e for e in events}
    assert [a["name"] for a in by_type["territory_regained"]["actors"]] == ["Military Forces of Sudan"]
    # The capture is the rebels', not the government's: no actor is better than the wrong one.
    assert "Military Forces of Sudan" not in [a["name"] for a in by_type["territory_captured"]["actors"]]
    assert by_type["territory_captured"]["date"]["start"] == "2021-07-06"


def test_a_pronoun_subject_still_takes_the_actor_named_before():
    events = _events("Taliban fighters stormed the district centre of Dahana-i-Ghori in Baghlan province on Friday "
                     "and they captured it within hours.")
    assert any(a["name"] == "Taliban" for e in events for a in e["actors"])


def test_a_counted_from_clause_under_no_event_counts_from_the_day_the_sentence_names():
    # "pushed ... out of" is no event word here: the entering still lies four days before Sunday.
    got = _dates("Afghan troops pushed Taliban fighters out of the village of Qala-i-Zal on Sunday, four days after "
                 "a Taliban unit had entered it, officials said.")
    assert got.get("territory_captured") == "2021-07-07"


def test_since_in_a_relative_clause_dates_the_state_it_tells_not_the_event():
    events = _events("The army said on Tuesday that it had regained control of Pul-i-Khumri after operations "
                     "against militants who had controlled parts of the city since Saturday.")
    regained = next(e for e in events if e["type"] == "territory_regained")
    assert regained["date"] is None or regained["date"]["text"] != "Saturday"


def test_the_next_step_of_the_story_told_just_before_happened_there_that_day():
    events = _events("On Tuesday, a bus hit a landmine on the road between Kunduz and Khanabad, killing four "
                     "passengers, a police source said. Soldiers later found and defused a second mine nearby.",
                     published="2021-07-15")
    assert [((e["location"] or {}).get("name"), (e["date"] or {}).get("start")) for e in events] == [
        ("Kunduz", "2021-07-13"), ("Kunduz", "2021-07-13")]


def test_a_clause_set_off_by_commas_before_the_event_tells_another_time():
    # 2021-07-13 is a Tuesday: Friday is 2021-07-09; "in June" is the town's history.
    got = _dates("In Maimana, which hosted a regional trade fair in June, artillery fire killed three civilians "
                 "on Friday afternoon, a provincial official said.")
    assert got["shelling"] == "2021-07-09", got


def test_a_trailing_day_in_a_clause_the_parser_closes_late_stays_the_event_s():
    # The day at the end is the sentence's, though the parse may hang it on the nearest verb.
    got = _dates("A policeman shot a man in Maimana who had stolen a car on Friday.")
    assert got["killing"] == "2021-07-09", got


@pytest.mark.parametrize("text", [
    "Police in Kunduz arrested at least 30 people in raids on two markets on Friday night, a spokesman said.",
    "A 19-year-old was arrested for an armed robbery in Kunduz on Friday.",
])
def test_an_arrest_dated_by_its_own_verb_is_that_day(text):
    # "arrested" is no later happening than the event when the event is the arrest itself.
    got = _dates(text)
    assert got["arrest"] == "2021-07-09", got


def test_what_led_to_an_arrest_lies_before_it():
    # The killing the arrest is for came on or before Friday, not on it.
    events = _events("A teenager was arrested in Kunduz on Friday after he shot dead a shopkeeper.")
    killing = next(e for e in events if e["type"] == "killing")
    assert killing["date"] is None or killing["date"]["precision"] != "day", killing["date"]
