"""Stage: one event per happening within a sentence. "pulled out of Kohistan on Wednesday in what officials
called a tactical retreat": two words, one event (same type, place and date in one sentence). "in the village
of Chai, in Macomia district", "struck Mekelle, the capital of the Tigray region": the district or province
that holds the sentence's other place is where that place is, not a second happening; nor are the two ends of
"the road between Fada N'Gourma and Pama" two happenings."""

from __future__ import annotations

from contested.records import Event, Location
from contested.textnorm import name_key


def holds(unit: Location | None, place: Location | None) -> bool:
    """Whether ``unit`` is the district or province (of the same country) that ``place``, a town, a village
    or a district, lies in: its name is ``place``'s admin1 or admin2."""
    if unit is None or place is None or unit is place or place.feature in ("province", "region", "country"):
        return False
    if unit.country and place.country and unit.country != place.country:
        return False
    key = name_key(unit.name)
    if not key or key == name_key(place.name):
        return False
    if unit.feature in ("province", "region"):  # a town or a district in its province
        return key == name_key(place.admin1 or "")
    if place.feature == "district":
        return False
    # A district (or its seat, stored as a town of the district's name: "Circunscricao de Macomia") holds the
    # towns of its admin2; not those of a province of its name (Kunduz district is not Kunduz province).
    return key == name_key(place.admin2 or "")


def _between(a: Event, b: Event) -> bool:
    """The two events' places are the ends of one stretch the sentence names: "on the road between Fada
    N'Gourma and Pama" (one happening on the road, not one at each town)."""
    if not (a.claims and b.claims and a.evidence and b.evidence):
        return False
    marks_a, marks_b = a.evidence[0].marks.get("location"), b.evidence[0].marks.get("location")
    if not marks_a or not marks_b:
        return False
    (s1, e1), (s2, _) = sorted((marks_a[0], marks_b[0]))
    claim = a.claims[0]
    start = claim.span[0]
    if not (start <= s1 and e1 <= s2 <= claim.span[1]):
        return False
    text = claim.sentence
    return (text[e1 - start: s2 - start].strip().lower() == "and"
            and text[max(0, s1 - start - 9): s1 - start].rstrip().lower().endswith("between"))


def _absorb(kept: Event, other: Event) -> None:
    for name, spans in other.evidence[0].marks.items():
        for span in spans:
            if span not in kept.evidence[0].marks.get(name, []):
                kept.evidence[0].add(name, *span)


def merge_twins(sentence_events: list[Event]) -> list[Event]:
    """The sentence's events, each twin (same type and date as an earlier one, and the same place, or a
    district or province that holds the other's place) merged into one: its marked words join the evidence of
    the one at the finer place (the first where the places are the same)."""
    if len(sentence_events) <= 1:
        return sentence_events
    unique: list[Event] = []
    for ev in sentence_events:
        twin = next((u for u in unique if u.type == ev.type and u.date == ev.date
                     and (u.location and u.location.name) == (ev.location and ev.location.name)), None)
        if twin is not None:
            _absorb(twin, ev)
            continue
        coarse = next((u for u in unique if u.type == ev.type and u.date == ev.date
                       and holds(u.location, ev.location)), None)
        if coarse is not None:  # the earlier event is at the unit that holds this one's place
            _absorb(ev, coarse)
            unique[unique.index(coarse)] = ev
            continue
        fine = next((u for u in unique if u.type == ev.type and u.date == ev.date
                     and (holds(ev.location, u.location) or _between(u, ev))), None)
        if fine is not None:
            _absorb(fine, ev)
            continue
        unique.append(ev)
    return unique
