"""Trigger words and constructions added for recall across ways of writing (data/families.json): diplomacy by
telephone and with a counterpart, a pause in fighting agreed, stones thrown at a post, arms received and groups
formed, positions left or pulled back from, poisons named by their substance. Sentences written for these tests
(illustrative)."""

from __future__ import annotations

import pytest

from contested.triggers import find_triggers


def families(text: str) -> set[str]:
    return {t.family for t in find_triggers(text)}


@pytest.mark.parametrize("text, family", [
    ("The president spoke by telephone with his Kenyan counterpart on Wednesday.", "diplomacy"),
    ("The minister met his Kenyan counterpart in Nairobi.", "diplomacy"),
    ("The envoy met rebel leaders in the capital on Sunday to discuss a roadmap.", "diplomacy"),
    ("The government summoned the French ambassador on Monday.", "diplomacy"),
    ("Commanders agreed a three-hour pause in fighting to collect the dead.", "agreement"),
    ("Both sides observed a humanitarian pause on Friday.", "agreement"),
    ("Young men stoned the police post on Friday.", "riot"),
    ("Village guards received a shipment of rifles from the army.", "mobilization"),
    ("Residents took up hunting rifles and formed a self-defence group.", "mobilization"),
    ("The army paraded newly trained recruits in the square.", "mobilization"),
    ("Police officers left their station after months of threats.", "retreat"),
    ("Troops were accused of using chloropicrin-filled munitions.", "chemical"),
    ("A shell containing a mustard agent landed in the town.", "chemical"),
    ("A drone released a canister of irritant gas over the trench.", "chemical"),
])
def test_new_words(text, family):
    assert family in families(text)


@pytest.mark.parametrize("text, family", [
    ("Police fired tear gas at the crowd.", "chemical"),  # tear gas at a crowd is no chemical weapon
    ("The minister spoke to reporters on Monday.", "diplomacy"),
    # a source who speaks by telephone tells of events; no talks between two parties
    ('"We held for two days," said an officer who escaped, speaking by telephone.', "diplomacy"),
    ("The town opened a new school.", "mobilization"),
])
def test_not_these(text, family):
    assert family not in families(text)
