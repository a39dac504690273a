"""Regression gate on real data nobody here wrote: ACLED's Afghanistan notes of the held-out months
(June-July 2019; the rules were tuned on April-May). The full figures come from `python eval/acled_eval.py`;
this gate runs a deterministic slice so that a change that breaks accuracy fails the tests."""

from __future__ import annotations

import sys

import pytest

from conftest import REPO, SHARED_DATA

sys.path.insert(0, str(REPO / "eval"))


@pytest.fixture(scope="module")
def held_out():
    if not list(SHARED_DATA.glob("acled_afg_2019_*/*.csv")):
        pytest.skip(f"ACLED evaluation notes absent under {SHARED_DATA} (internal evaluation data)")
    import acled_eval

    return acled_eval.evaluate(acled_eval.HELD_OUT_MONTHS, limit=600)


def test_sub_event_type(held_out):
    assert held_out["sub_event_weighted_f1"] >= 0.85


def test_locations_within_25_km(held_out):
    assert held_out["within_25km"] >= 0.80
    assert held_out["admin1_accuracy"] >= 0.90


def test_actors(held_out):
    assert held_out["actor1_agreement"] >= 0.65
