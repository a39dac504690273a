"""Stage: the article's state from sentence to sentence (``DiscourseState``): who spoke, which events were
told in which sentence, the latest place named. The other stages read it; only this module and
``dates.note_dates`` change it."""

from __future__ import annotations

from contested.attribution import refers_back, resolve_outlets, resolve_pronoun
from contested.config import ExtractionSettings
from contested.records import Attribution, Event
from contested.stages.places import NAMED_FEATURES, destinations, drop_parents
from contested.stages.records import DiscourseState, SentenceMentions


def resolve_source(attribution: Attribution, state: DiscourseState) -> Attribution:
    """"he said", "they added", "The statement denied": the source named before; a source named here is kept
    for later ones."""
    if refers_back(attribution):
        # ("Its spokesman, X, said ..., and he denied ...": a voice named before the pronoun in its own sentence
        # is the latest source it can stand for)
        named = [r for r in attribution.relations or [] if r.attributed_to and not refers_back(r)
                 and r.cue_span is not None and attribution.cue_span is not None
                 and r.cue_span[0] < attribution.cue_span[0]]
        resolved = resolve_pronoun(attribution, [*state.sources, *named])
        if resolved is attribution and attribution.attributed_to and attribution.chain[-1].get("back"):
            state.sources.append(attribution)  # "The statement" no one made before: it speaks, and is kept
        return resolved
    attribution = resolve_outlets(attribution, state.sources)  # "told the station": the outlet named before
    # Every named voice of the sentence, in order, is one a later "he said" may stand for ("Blaise K., a teacher
    # who hid during the raid, told Example Wire that ...", whose sentence is the outlet's: the raid is told in
    # the teacher's name; then '"They set the roof on fire," he said.').
    main = attribution.cue_span
    for rel in attribution.relations or []:
        if rel.attributed_to and rel.cue_span != main and not refers_back(rel):
            state.sources.append(rel)
    if attribution.attributed_to:
        state.sources.append(attribution)
    return attribution


def recent_events(state: DiscourseState, si: int, config: ExtractionSettings) -> list[Event]:
    """The events of the last ``lookback_sentences`` sentences before sentence ``si``, latest first."""
    return [ev for k in sorted(state.events_of_sentence, reverse=True)[: config.lookback_sentences]
            if si - k <= config.lookback_sentences for ev in reversed(state.events_of_sentence[k])]


def note_place(state: DiscourseState, si: int, sent: SentenceMentions, sentence_events: list[Event]) -> None:
    """The place "the district" or "it" points at from now on: the sentence's last event's, else the last
    district, town, crossing or base it names (a sentence without events still names places)."""
    named = [p for p in sent.places if p[2].feature in NAMED_FEATURES]
    if sentence_events and sentence_events[-1].location is not None:
        state.last_place = (-1, -1, sentence_events[-1].location)
        state.last_place_sentence, state.last_place_paragraph = si, sent.paragraph
    elif named:
        # "families left Sheberghan towards Khwaja Du Koh and Mardyan": where they went is not the place the
        # story is at, where the sentence names one that is not a destination
        staying = [p for p in named if p not in destinations(named, sent)] or named
        # "in Binga (Lisala, Mongala)": the town, not the district named after it to say where it lies
        state.last_place = (drop_parents(staying) or staying)[-1]
        state.last_place_sentence, state.last_place_paragraph = si, sent.paragraph


def note_events(state: DiscourseState, si: int, sentence_events: list[Event]) -> None:
    """The events sentence ``si`` told join the article's."""
    if sentence_events:
        state.told.extend(sentence_events)
        state.events_of_sentence[si] = sentence_events
        state.last_event_sentence = si
