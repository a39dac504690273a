"""Stage: a draft, typed and placed, becomes its events (one per place, ACLED's convention: several places
share the killed count), each with its claim, evidence, flags, confidence and summary."""

from __future__ import annotations

import hashlib

from contested.eventness import ASSERTED
from contested.records import ActorMention, Attribution, Document, Event
from contested.stages.claims import make_claim
from contested.stages.evidence import draft_evidence
from contested.stages.figures import copy_quantity
from contested.stages.records import DateChoice, Draft, PlaceChoice, SentenceMentions
from contested.stages.roles import event_actors
from contested.stages.summary import summarize
from contested.taxonomy import acled_type
from contested.typing_model import TypeModel, retype


def event_id(doc_id: str, *parts: object) -> str:
    h = hashlib.sha1("|".join([doc_id, *map(str, parts)]).encode()).hexdigest()
    return h[:16]


def confidence(ev: Event, attribution: Attribution) -> float:
    """How complete and how firmly stated the event is: not a probability, a ranking aid."""
    c = 0.4
    if ev.location is not None:
        c += 0.15 if ev.location.lat is not None else 0.05
    if ev.date is not None:
        c += 0.15 if ev.date.precision == "day" else 0.08
    if any(a.role == "actor1" for a in ev.actors):
        c += 0.1
    if attribution.attributed_to:
        c += 0.05
    if attribution.hedged:
        c -= 0.15
    if attribution.stance != "asserts" and attribution.about == "event":
        c -= 0.15  # a doubt on a figure is no doubt that the event happened
    return max(0.05, min(0.95, c))


def flags(ev: Event, doc: Document, when: DateChoice, where: PlaceChoice, split: bool,
          attribution: Attribution) -> list[str]:
    """How the event's fields were come by, where not plainly from its own words."""
    out = []
    if split:
        out.append("fatalities_split")
    if when.from_report:
        out.append("date_from_report")
    if where.from_context:
        out.append("place_from_context")
    if when.from_context:
        out.append("date_from_context")
    if when.before_followup:
        out.append("date_before_followup")
    if when.span is None:
        out.append("undated")
    elif doc.published and when.span.start > doc.published:
        out.append("future_date")
    if when.mention is not None and when.mention.span is None and not when.mention.anaphoric:
        out.append("no_reference_date")
    if attribution.hedged:
        out.append("hedged")
    if attribution.stance == "denies":
        out.append("denied")
    return out


def make_events(doc: Document, sent: SentenceMentions, draft: Draft, etype: str, detail: str | None,
                actors: tuple[list[ActorMention], list[ActorMention]], when: DateChoice, where: PlaceChoice,
                attribution: Attribution, type_model: tuple[TypeModel | None, float],
                context: str | None = None) -> list[Event]:
    """The draft's events, one per place (one with no place where none is known). ``actors``: actor1s and
    actor2s; ``type_model``: a trained classifier and its threshold, which may retype the event; ``context``:
    the sentence's paragraph, which the default model reads (a protest's sentence rarely says it was
    dispersed; the next one does)."""
    target_places = where.places or [None]
    # Quantities: the killed count is ACLED's fatalities; several places share it (ACLED splits).
    killed = sum(q.value for q in draft.quantities if q.killed)
    fatalities = killed if any(q.killed for q in draft.quantities) else None
    split = len(target_places) if fatalities is not None and len(target_places) > 1 else 1
    model, threshold = type_model
    out = []
    for pi, place in enumerate(target_places):
        ev_fatalities = None
        if fatalities is not None:
            ev_fatalities = fatalities // split + (1 if pi < fatalities % split else 0)
        claim = make_claim(doc, sent, attribution)
        acled = acled_type(etype, detail)
        ev = Event(
            id=event_id(doc.doc_id, sent.start, draft.trigger.start, place[2].name if place else ""),
            type=etype,
            acled_event_type=acled.event_type,
            acled_sub_event_type=acled.sub_event_type,
            detail=detail,
            date=when.span,
            location=place[2] if place else None,
            quantities=[copy_quantity(q, 0) for q in draft.quantities],
            fatalities=ev_fatalities,
            claims=[claim],
            trigger=draft.trigger.text,
        )
        ev.actors.extend(event_actors(*actors))
        ev.flags.extend(flags(ev, doc, when, where, split > 1, attribution))
        ev.evidence.append(draft_evidence(draft, when.mention, place, ev.actors, attribution))
        ev.evidence[-1].reason = sent.reasons.get(draft.trigger.start, ASSERTED)
        if model is not None:
            retype(ev, sent.text, model, threshold, context=context)
        ev.confidence = confidence(ev, attribution)
        ev.summary = summarize(ev)
        out.append(ev)
    return out
