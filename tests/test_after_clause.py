"""A past clause introduced by "after" tells something that happened, whatever the clause above it says of
the future ("is expected to survive after someone shot him"). Sentences written for the test."""

from __future__ import annotations

from contested.pipeline import extract_text


def test_a_shooting_after_which_someone_is_expected_to_survive_happened() -> None:
    events = extract_text("A police officer is conscious and expected to survive after someone shot him "
                          "overnight Monday.", "2015-03-10", source="Outlet")
    assert len(events) == 1


def test_a_future_clause_after_after_is_still_no_event() -> None:
    assert extract_text("He is expected to attack the base after he arrives.", "2015-03-10", source="Outlet") == []
