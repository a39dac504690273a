"""The event-family table (data/families.json -> contested.families) and the trigger matcher built from it."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contested import families
from contested.families import FamilyTableError, load_families, parse_table
from contested.nlp import load_nlp
from contested.triggers import find_triggers, triggers_in


def _builtin_json() -> dict:
    return json.loads(resources.files("contested").joinpath("data/families.json").read_text(encoding="utf-8"))


def found(text: str, table=None) -> list[tuple[str, str]]:
    return [(t.family, t.text) for t in find_triggers(text, 0, table)]


# ---------------------------------------------------------------- the views keep their old meaning


def test_views_of_the_table():
    assert families.VIOLENCE_PRIORITY == ("chemical", "disrupted", "suicide", "air", "explosive", "grenade", "shelling", "sexual",
                                          "clash", "kill", "abduction", "beat")  # killed and abducted: the killing
    assert families.WEAK_FAMILIES == ("release", "weapons", "property", "displacement", "camp", "mobilization", "agreement",
                                      "protest", "riot", "diplomacy", "arrest")
    assert families.CONTROL_FAMILIES == {"regain", "lose", "surrender_place", "capture", "flee", "retreat",
                                         "surrender", "take", "leave"}
    assert families.VIOLENCE_TYPE["kill"] == families.VIOLENCE_TYPE["clash"] == "armed_clash"
    assert families.VIOLENCE_TYPE["disrupted"] == "weapons_seized"
    assert families.OTHER_TYPE["camp"] == "camp_established"
    assert set(families.OTHER_TYPE) == set(families.WEAK_FAMILIES)
    assert families.COMPATIBLE["surrender_place"] == ("territory_captured",)
    assert "air" not in families.COMPATIBLE  # a violence family without a list: its own type (claims stage)
    assert families.WEAPON_FAMILIES == {"shelling", "explosive", "air", "grenade", "chemical", "suicide"}
    assert families.CROWD_FAMILIES == {"protest", "riot"}


def test_events_keeps_the_names():
    from contested import events

    assert events.VIOLENCE_TYPE is families.VIOLENCE_TYPE
    assert events.WEAK_FAMILIES is families.WEAK_FAMILIES
    assert events._COMPATIBLE is families.COMPATIBLE


# ---------------------------------------------------------------- adding a family is one entry


def test_a_new_family_is_one_entry(tmp_path):
    data = _builtin_json()
    data["families"].insert(0, {
        "name": "poisoning", "kind": "violence", "type": "chemical_weapon", "rank": 20,
        "patterns": ["chlorine*", "nerve agent|agents", "(poison, toxic) gas"],
    })
    path = tmp_path / "families.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    table = load_families(path)
    assert table.violence_type["poisoning"] == "chemical_weapon"
    assert table.violence_priority[-1] == "poisoning"
    assert "poisoning" in table.violence and "poisoning" not in table.control
    text = "Regime aircraft dropped chlorine bombs and toxic gas on the town, killing 12."
    assert found(text, table) == [("air", "aircraft"), ("poisoning", "chlorine"), ("explosive", "bombs"),
                                  ("poisoning", "toxic gas"), ("kill", "killing")]
    # The built-in table is untouched.
    assert ("poisoning", "chlorine") not in found(text)


@pytest.mark.parametrize("change, message", [
    (lambda f: f[0].update(kind="battle"), "kind"),
    (lambda f: f[-1].update(type="skirmish"), "not an event type"),
    (lambda f: f.append(dict(f[-1])), "listed twice"),
    (lambda f: f[-1].update(rank=f[-2]["rank"]), "already taken"),
    (lambda f: f[-1].update(patterns=[]), "patterns"),
    (lambda f: f[-1].update(colour="red"), "unknown fields"),
    (lambda f: f[0].update(type="armed_clash"), "control family"),
])
def test_a_malformed_table_is_refused(change, message):
    data = _builtin_json()
    change(data["families"])
    with pytest.raises(FamilyTableError, match=message):
        parse_table(data)


@pytest.mark.parametrize("pattern", ["(a, b", "a) b", "x (, y)"])
def test_a_malformed_pattern_is_refused(pattern):
    data = {"families": [{"name": "x", "kind": "other", "type": "other", "rank": 0, "patterns": [pattern]}]}
    with pytest.raises(FamilyTableError):
        find_triggers("a b", 0, parse_table(data))


# ---------------------------------------------------------------- what the matcher finds


@pytest.mark.parametrize("text, expected", [
    # The first pattern that matches at a position wins, as in the regular expression it replaces.
    ("The district had fallen to the Taliban.", [("capture", "fallen")]),
    ("The district falls to the Taliban.", [("capture", "falls to")]),
    # A grenade fired from a launcher is no hand grenade: only the heavy weapon is a trigger.
    ("They fired a rocket-propelled grenade.", [("shelling", "rocket")]),
    ("They threw a grenade.", [("grenade", "grenade")]),
    # A span matched by an earlier family is not matched again by a later one.
    ("A suicide bomber struck.", [("suicide", "suicide bomber")]),
    # A bare "suicide" is no attack: "a murder-suicide", "died by suicide".
    ("Police called it a murder-suicide.", []),
    # Stems, hyphenated words and phrases with a wildcard (Matcher).
    ("Troops re-captured the town and pushed the militants out.",
     [("regain", "re-captured"), ("regain", "pushed the militants out")]),
    ("A booby-trapped car exploded.", [("explosive", "booby-trapped"), ("explosive", "exploded")]),
    ("Fighters handed over the district centre.", [("surrender_place", "handed over the district")]),
    ("Police destroyed 12 vehicles.", [("property", "destroyed 12 vehicles")]),
    ("Killers were arrested.", [("arrest", "arrested")]),
    # Words that cancel a match just before it.
    ("The crossing into Tajikistan was closed.", []),
    ("They fled, crossing into Tajikistan.", [("flee", "fled"), ("flee", "crossing into")]),
    # "mines" is a weapon only with an explosive context in the sentence.
    ("The mines closed after the strike.", []),
    ("Mines planted on the road killed two.", [("explosive", "Mines"), ("kill", "killed")]),
    # A token that is not one plain word is searched word by word.
    ("Worshippers heard gunfire.[21][22]", [("clash", "gunfire")]),
    # Spacing counts: "came under the group's control" is one phrase.
    ("Kunduz came under the group's control.", [("capture", "came under the group's control")]),
    # Violence by hand, stones thrown, heavy weapons, patrols and decrees.
    ("Police beat up a street vendor.", [("beat", "beat")]),
    ("The prisoner was tortured.", [("beat", "tortured")]),
    ("Youths pelted stones at the police.", [("riot", "pelted")]),
    ("They fired heavy machine guns at the village.", [("shelling", "heavy machine guns")]),
    ("Foreign troops conducted a joint patrol near the border.", [("mobilization", "conducted a joint patrol")]),
    ("The governor declared a two-week curfew.", [("mobilization", "declared a two-week curfew")]),
    ("Workers took to the streets.", [("protest", "took to the streets")]),
    # "gathered" and road blocks are a demonstration only where the sentence says what was demanded.
    ("Farmers gathered outside the office, demanding seeds.", [("protest", "gathered")]),
    ("Mourners gathered at the cemetery.", []),
    ("Traders blocked the road to demand lower taxes.", [("protest", "blocked the road")]),
    ("A landslide blocked the road.", []),
    # Chemical weapons, whatever delivered them; robbery; ransom.
    ("Helicopters dropped chlorine barrels on the town.", [("air", "Helicopters"), ("chemical", "chlorine barrels")]),
    ("Gunmen robbed travellers.", [("property", "robbed")]),
    ("They held him for ransom.", [("abduction", "for ransom")]),
])
def test_triggers(text, expected):
    assert sorted(found(text)) == sorted(expected)


def test_offsets_in_a_parsed_document():
    """The pipeline's call: sentences of a parsed document, not the first one, keep the document's offsets
    (the PhraseMatcher and the Matcher count tokens differently on a Span)."""
    text = ("Officials spoke on Monday. The army pushed them back and retook the town. "
            "A roadside bomb killed two.")
    doc = load_nlp()(text)
    sents = list(doc.sents)
    assert len(sents) == 3
    for sent in sents:
        got = triggers_in(sent)
        assert got == find_triggers(sent.text, sent.start_char)
        assert all(text[t.start:t.end] == t.text for t in got)
    assert [t.text for t in triggers_in(sents[1])] == ["pushed them back", "retook"]


_WORDS = ["the", "Taliban", "captured", "fell", "to", "retook", "district", "town", "pushed", "them", "out",
          "IED", "mines", "exploded", "killed", "suicide", "bomber", "clashes", "crossing", "into", "fled", ",",
          "gunfire.[3]", "air", "strikes", "handed", "over", "destroyed", "3", "homes", "re-captured"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.integers(min_value=0, max_value=500))
def test_triggers_are_ordered_disjoint_and_point_at_their_text(words, offset):
    text = " ".join(words)
    got = find_triggers(text, offset)
    assert all(text[t.start - offset:t.end - offset] == t.text for t in got)
    assert all(a.end <= b.start for a, b in zip(got, got[1:], strict=False))
    assert all(t.family in families.FAMILY_TABLE.names() for t in got)
