"""Figures of events: words for the same people, and whether claims give differing figures."""

from __future__ import annotations

from contested.records import Quantity

# Words for the same people, so that "300 soldiers" and "600 troops" are seen as differing figures.
UNIT_GROUPS = {
    "troops": "soldiers", "servicemen": "soldiers", "personnel": "soldiers", "forces": "soldiers",
    "army soldiers": "soldiers", "commandos": "soldiers", "fighters": "militants", "insurgents": "militants",
    "policemen": "police", "officers": "police", "persons": "people", "individuals": "people",
}


def figures_differ(quantities: list[Quantity]) -> bool:
    """Different claims giving different figures for the same thing."""
    by_unit: dict[str, set[tuple[int, int | None]]] = {}
    for q in quantities:
        by_unit.setdefault(UNIT_GROUPS.get(q.unit, q.unit), set()).add((q.value, q.claim))
    for values in by_unit.values():
        claims = {c for _, c in values}
        if len(claims) > 1 and len({v for v, _ in values}) > 1:
            return True
    return False


def copy_quantity(q: Quantity, claim_index: int) -> Quantity:
    """The figure, as given by the event's claim number ``claim_index``."""
    return Quantity(q.value, q.qualifier, q.unit, q.low, q.high, q.text, q.start, q.end, claim_index, q.killed)
