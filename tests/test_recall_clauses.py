"""Recall on long articles: each clause that tells a happening of its own gets its event, and a few trigger
words that were missing find theirs, without events from words that only look like them.

- A clause joined by "and", an "as"/"while" clause or a "where" clause with a doer of its own tells another
  happening than the clause it hangs from; a weapon as its subject ("helicopters bombed") is a doer, and a
  participle ("..., killing 12") rides with the clause it hangs from. A passive figure ("and three soldiers
  were killed") or an elliptical one ("and six wounded") is the same happening.
- "Without firing a shot" tells that no shot was fired.
- A bare "take" is a capture only where a named place is what was taken.
- An evacuation of civilians is a displacement; of a base, a retreat.
- "Carrying off" goods is looting.

The sentences are written for these tests; each stands for a kind of clause, not for a sentence seen anywhere.
"""

from __future__ import annotations

from datetime import date

import pytest

from conftest import clause_reasons_of
from contested.pipeline import extract_text


def _events(text: str) -> list[tuple[str, str | None]]:
    events = extract_text(text, published="2021-08-20", source="Example Wire")
    return sorted((e.type, e.location.name if e.location else None) for e in events)


def _types(text: str) -> list[str]:
    return sorted(t for t, _ in _events(text))


# ---------------------------------------------------------------- clauses with a doer of their own


def test_a_while_clause_whose_subject_is_a_weapon_is_its_own_happening():
    text = ("Army commandos retook the centre of Nahr-e Saraj district on Friday, while air force helicopters "
            "bombed insurgent camps in Musa Qala district on Thursday, killing 12 fighters, officials said.")
    events = extract_text(text, published="2021-08-20", source="Example Wire")
    got = {e.type: e for e in events}
    assert set(got) == {"territory_regained", "air_strike"}, _events(text)
    assert got["air_strike"].location is not None and "Musa Qala" in got["air_strike"].location.name
    # The participle's dead belong to the strike, not to the retaking.
    assert got["air_strike"].fatalities == 12
    assert got["territory_regained"].fatalities is None


def test_a_clause_joined_by_and_with_its_own_doer_is_its_own_happening():
    text = ("Rebels shelled a market in Kramatorsk on Monday, and gunmen killed four farmers in a village near "
            "Izium, local officials said.")
    events = extract_text(text, published="2021-08-20", source="Example Wire")
    got = sorted((e.type, e.location.name if e.location else None, e.fatalities) for e in events)
    # Each clause its own event at its own place, the dead with the killing (not split between two shellings).
    assert got == [("killing", "Izyum", 4), ("shelling", "Kramatorskyi", None)], got


@pytest.mark.parametrize(
    "text",
    [
        # A passive figure of the same happening.
        "Insurgents attacked an army post near Gao on Monday, and three soldiers were killed, the army said.",
        # An elliptical figure ("and six wounded").
        "Militants clashed with soldiers near Gao on Monday, as a result four militants were killed and six "
        "wounded, and two soldiers were killed and one wounded.",
        # Two verbs of one doer.
        "Insurgents stormed a police post near Gao on Monday and killed three officers.",
    ],
)
def test_a_figure_or_a_second_verb_of_the_same_doer_is_the_same_happening(text):
    assert len(_events(text)) == 1, _events(text)


def test_without_firing_a_shot_tells_no_shot():
    text = ("Government soldiers left their posts in Kunduz before dawn on Sunday, and the insurgents walked into "
            "the city centre without firing a shot, residents said.")
    assert clause_reasons_of(text, date(2021, 8, 20))["shot"] == "negated"
    assert "armed_clash" not in _types(text), _events(text)


# ---------------------------------------------------------------- a bare "take"


@pytest.mark.parametrize(
    "text",
    [
        "The insurgents had taken Kunduz on Friday after a day of fighting, officials said.",
        "Fighters took the strategic town of Pul-e Khumri on Friday, residents said.",
    ],
)
def test_a_bare_take_of_a_named_place_is_a_capture(text):
    assert "territory_captured" in _types(text), _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "The meeting between the elders took place in Kunduz on Friday.",
        "Two of the wounded were taken to a hospital in Kunduz on Friday.",
        "Delegates from Kunduz took part in the talks on Friday.",
        "The march took three hours to reach the square in Kunduz on Friday.",
        "The fighters who took Kunduz marched through Baghlan on Friday.",
    ],
)
def test_take_without_a_place_taken_is_no_capture(text):
    types = _types(text)
    assert "territory_captured" not in types and "territory_regained" not in types, _events(text)


def test_take_is_read_after_the_families_with_longer_phrases_of_it():
    from contested.triggers import find_triggers

    families = {t.text.lower(): t.family for t in find_triggers(
        "They took back the town, took over the base, were taken hostage and taken into custody.")}
    assert families["took back"] == "regain"
    assert families["took over"] == "capture"
    assert "take" not in families.values()  # without a parse no bare "take" is kept


# ---------------------------------------------------------------- evacuations and looting


def test_an_evacuation_of_civilians_is_a_displacement_and_of_a_base_a_retreat():
    assert _types("Volunteers evacuated 40 civilians, most of them elderly, from Kramatorsk on Monday.") == [
        "displacement"]
    assert _types("Soldiers evacuated the base at Kramatorsk on Monday.") == ["retreat"]


def test_carrying_off_goods_is_looting():
    text = "Gunmen broke into the market in Gao on Sunday, carrying off cash, fuel and sacks of grain, traders said."
    assert _types(text) == ["property_destruction"], _events(text)


# ---------------------------------------------------------------- words that were missing, and their look-alikes


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # A crowd out in the streets or on the roofs is a demonstration where the sentence says what for.
        ("Hundreds of residents climbed onto the rooftops and poured into the streets of Herat on Tuesday night, "
         "chanting in support of the army.", "protest"),
        # People taken away, or taken from where they were: an abduction.
        ("Gunmen stopped a lorry near Mopti on Friday and took away five traders.", "abduction"),
        ("Militiamen took three nurses from a clinic in Mopti on Saturday.", "abduction"),
        # Fighters who hand themselves over: a surrender.
        ("Twelve militants handed themselves and their rifles over to the army in Mopti on Monday.", "surrender"),
        # Fire with a word that says it was fighting.
        ("Heavy firing went on all night on the edge of Mopti, residents said.", "clash"),
    ],
)
def test_missing_trigger_words_are_found(text, family):
    from contested.triggers import find_triggers

    assert family in {t.family for t in find_triggers(text)}, find_triggers(text)


@pytest.mark.parametrize(
    ("text", "family"),
    [
        # Fighting or fear in the streets, with nothing said of what a crowd wants: no demonstration.
        ("Fighting spilled into the streets of Herat on Tuesday night.", "protest"),
        ("Residents ran into the streets of Herat when the earthquake struck.", "protest"),
        # Things taken away are no abduction.
        ("Soldiers took away their rifles and radios in Mopti on Friday.", "abduction"),
        # A firing squad or a firing range is no fire in a fight.
        ("The firing range outside Mopti was closed on Friday.", "clash"),
    ],
)
def test_their_look_alikes_are_not(text, family):
    from contested.triggers import find_triggers

    assert family not in {t.family for t in find_triggers(text)}, find_triggers(text)
