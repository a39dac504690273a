"""The words an event was read from (``Evidence``): its trigger words, date, place, actors, figures and
attribution, as character spans of the document."""

from __future__ import annotations

from contested.records import ActorMention, Attribution, DateMention, Evidence
from contested.stages.records import Draft, PlaceMention


def draft_evidence(draft: Draft, date_mention: DateMention | None, place: PlaceMention | None,
                   actors: list[ActorMention], attribution: Attribution) -> Evidence:
    ev = Evidence()
    ev.add("type", draft.trigger.start, draft.trigger.end)
    for t in draft.extra:
        ev.add("type", t.start, t.end)
    if date_mention is not None:
        ev.add("date", date_mention.start, date_mention.end)
    if place is not None and place[0] >= 0:
        ev.add("location", place[0], place[1])
    for a in actors:
        ev.add(a.role or "actor", a.start, a.end)
    for q in draft.quantities:
        ev.add("quantities", q.start, q.end)
    ev.add("attribution", attribution.start, attribution.end)
    return ev
