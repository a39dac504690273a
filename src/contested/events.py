"""Sentences -> events: triggers decide how many events a sentence tells and of which type; the mentions
(places, dates, quantities, actors) around each trigger fill it; the sentence's attribution makes its claim.

``build_events`` runs the stages of ``contested.stages`` in order, one sentence at a time, with the
article's discourse state (``DiscourseState``) as the only thing carried between sentences:

1. the source: "he said" resolved against the sources named before (``discourse``);
2. event or not, then triggers -> drafts (``grouping``): every control trigger (capture, retake, lose, flee,
   retreat, surrender) is its own event, so "retook the town on Tuesday, only to lose it again the next
   day" gives two; violence words of one sentence (clashes, airstrikes, killed) make one event, of the most
   specific type, or join the control event they accompany;
3. claims on events told before (``claims``): a denial, a doubt, a figure or a retelling;
4. mentions -> drafts (``distribute``): a date, place or figure goes to the trigger nearest it;
5. per draft: roles (``roles``), places (``places``; an event naming several districts becomes one event per
   district, ACLED's convention), type (``event_types``), date (``dates``; "the next day" is resolved
   against the previous dated event), the place and date of the story told before where the draft has
   none, then the events (``assemble``);
6. one event per happening in the sentence (``dedup``), and the state moves on (``discourse``).

The numbers the stages work with are one settings object, ``config.ExtractionSettings``
(``settings().extraction``).
"""

from __future__ import annotations

from contested.config import ExtractionSettings, settings
from contested.eventness import ASSERTED
from contested.families import COMPATIBLE as _COMPATIBLE  # noqa: F401 (the family tables: data/families.json)
from contested.families import OTHER_TYPE, VIOLENCE_PRIORITY, VIOLENCE_TYPE, WEAK_FAMILIES
from contested.records import Document, Event, Rejection
from contested.stages import (
    assemble,
    claims,
    dates,
    dedup,
    discourse,
    distribute,
    event_types,
    gate,
    grouping,
    places,
    roles,
)
from contested.stages.event_types import PEOPLE_UNITS
from contested.stages.figures import UNIT_GROUPS, figures_differ
from contested.stages.places import PLACE_NOUNS
from contested.stages.records import DiscourseState, SentenceMentions
from contested.stages.summary import summarize
from contested.typing_model import active_model

__all__ = ["OTHER_TYPE", "PEOPLE_UNITS", "PLACE_NOUNS", "UNIT_GROUPS", "VIOLENCE_PRIORITY", "VIOLENCE_TYPE",
           "WEAK_FAMILIES", "SentenceMentions", "build_events", "figures_differ", "rejections", "summarize"]


def build_events(doc: Document, sentences: list[SentenceMentions],
                 config: ExtractionSettings | None = None, found: list | None = None) -> list[Event]:
    """The events the sentences of one document tell, by running the extraction stages in order. The claims
    found that no event carries after them go on the events their words point at (``claims.carry_found``);
    where ``found`` is given they are put there instead, for the caller to carry once the article's events
    are fused (what a carried claim's sentence names is then no evidence that two events are one)."""
    config = config or settings().extraction
    gate_cfg = settings().gate  # the learned event-or-not gate after the clause rules (stages.gate)
    gate_model = gate.read_model(gate_cfg.model) if gate_cfg.model else gate.shipped_model()
    state = DiscourseState()
    type_model = active_model()  # a user's trained classifier (--model DIR), else the default one
    # What the type model reads: the sentence and the rest of its paragraph (what happened to a crowd is told
    # after it: "Police fired tear gas to disperse them"), never the sentences before it.
    rest_of_paragraph: dict[int, str] = {}
    if type_model[0] is not None:
        following: list[str] = []  # the sentences after this one in its paragraph, collected from the end
        for i in range(len(sentences) - 1, -1, -1):
            if i + 1 < len(sentences) and sentences[i + 1].paragraph != sentences[i].paragraph:
                following = []
            following.insert(0, sentences[i].text)
            del following[8:]  # a paragraph's first sentences are context enough
            rest_of_paragraph[i] = " ".join(following)
    unheard: list = []  # per sentence, the claims the finder found that no event carried when it was read
    for si, sent in enumerate(sentences):
        attribution = discourse.resolve_source(sent.attribution, state)
        drafts = grouping.drafts_of(sent, config)
        attribution, drafts = claims.negation_as_denial(sent, attribution, drafts)
        recent = discourse.recent_events(state, si, config)
        if not drafts:
            claims.claim_without_event(doc, sent, attribution, recent, state, si, config)
            unheard.append((sent, claims.unheard(doc, sent, attribution, state)))
            discourse.note_place(state, si, sent, [])  # a sentence without events still names places
            continue
        distribute.distribute_mentions(drafts, sent, config)
        drafts = claims.claims_on_told(doc, sent, attribution, drafts, recent, state.told)
        sentence_events: list[Event] = []
        previous: Event | None = None  # the sentence's event before the draft, and where its word ends
        previous_end = 0
        kept, gate_scores = gate.gate_drafts(grouping.asserted(drafts, sent), sent, sentences, si, doc.published,
                                             gate_model, gate_cfg.threshold, gate_cfg.enabled)
        for draft in kept:
            agents, patients = roles.agents_and_patients(draft, sent)
            dest, own_places = places.split_destinations(draft, sent, config)
            etype, detail, actor1s, actor2s = event_types.decide_type(draft, sent, agents, patients, own_places,
                                                                      config)
            if etype == "other" and draft.family in ("lose", "regain"):
                continue  # "lost three soldiers", "took back the bodies"
            actor1s, actor2s = roles.distinct_sides(actor1s, actor2s)
            detail, own_places = places.cross_border(etype, detail, dest, own_places, sent)
            when = dates.choose_date(draft, sent, previous, previous_end, state.last_dated, config, etype)
            own_places = places.or_weak(own_places, sent)
            where = places.from_context(own_places, draft, sent, si, when.span, previous, state, config)
            where, passing = dedup.own_places(where, draft, sent)  # not a place named in passing
            when = dates.from_context(when, where, sent, si, state, config, draft)
            actor1s = roles.holder_from_context(etype, actor1s, where.places[0] if where.places else None,
                                                state.told + sentence_events)
            made = assemble.make_events(doc, sent, draft, etype, detail, (actor1s, actor2s), when, where,
                                        attribution, type_model, rest_of_paragraph.get(si))
            claims.other_voices(doc, sent, attribution, draft, made)
            if draft.trigger.start in gate_scores:  # for explain: the gate's score of the clause
                for ev in made:
                    ev.evidence[-1].reason = f"{ev.evidence[-1].reason}; gate {gate_scores[draft.trigger.start]:.2f}"
            for ev in made:
                ev.fused_because.extend(passing)  # for explain: the places named in passing
            sentence_events.extend(made)
            previous, previous_end = made[-1], draft.trigger.end - sent.start
            dates.note_dates(state, draft, when.span)
        discourse.note_place(state, si, sent, sentence_events)
        discourse.note_events(state, si, dedup.merge_twins(sentence_events, sent))
        unheard.append((sent, claims.unheard(doc, sent, attribution, state)))
    events = dedup.merge_retellings(state.told)  # one event per happening in the article
    if found is not None:
        found.extend(unheard)
    else:
        claims.carry_found(doc, unheard, events)  # the claims found that no event carries yet: by what they say
    return events


def rejections(doc: Document, sentences: list[SentenceMentions]) -> list[Rejection]:
    """The trigger words whose clause tells no event, each with its reason (for explain and evaluate)."""
    out = []
    for sent in sentences:
        for t in sent.triggers:
            reason = sent.reasons.get(t.start, ASSERTED)
            if reason != ASSERTED:
                out.append(Rejection(doc.doc_id, t.text, t.family, t.start, t.end, reason, sent.text))
    return out
