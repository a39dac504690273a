"""Stage: one event per happening within a sentence. "pulled out of Kohistan on Wednesday in what officials
called a tactical retreat": two words, one event (same type, place and date in one sentence)."""

from __future__ import annotations

from contested.records import Event


def merge_twins(sentence_events: list[Event]) -> list[Event]:
    """The sentence's events, each twin (same type, date and place as an earlier one) merged into the first:
    its marked words join the first's evidence."""
    if len(sentence_events) <= 1:
        return sentence_events
    unique: list[Event] = []
    for ev in sentence_events:
        twin = next((u for u in unique if u.type == ev.type and u.date == ev.date
                     and (u.location and u.location.name) == (ev.location and ev.location.name)), None)
        if twin is None:
            unique.append(ev)
        else:
            for name, spans in ev.evidence[0].marks.items():
                for span in spans:
                    if span not in twin.evidence[0].marks.get(name, []):
                        twin.evidence[0].add(name, *span)
    return unique
