"""Stage: a draft's date. The nearest absolute date; else an anaphoric one ("the next day") resolved against
the event before it; else the date of the sentence's event before it, of the statement, or of the story
told one sentence before."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from functools import cache
from importlib import resources

from contested.config import ExtractionSettings
from contested.dates import resolve_anaphoric
from contested.families import VIOLENCE_TYPE
from contested.records import DateMention, DateSpan, Event
from contested.stages.records import DateChoice, DiscourseState, Draft, PlaceChoice, SentenceMentions
from contested.triggers import CONTROL_FAMILIES

# "days after it fell": another time than the event before it in the sentence.
_SUBORDINATE_TIME = re.compile(r"\b(after|before|since|earlier|ago|previously|later|until|when)\b", re.IGNORECASE)
# The dependents of a date's head that may name the happening it dates ("a vigil was held Sunday").
_HAPPENING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def choose_date(draft: Draft, sent: SentenceMentions, previous: Event | None, previous_end: int,
                last_dated: DateSpan | None, config: ExtractionSettings) -> DateChoice:
    """The draft's own date, else the date of ``previous`` (the sentence's event before it, whose word ends at
    ``previous_end`` in the sentence) where no subordinate time word lies between, else the date of the
    statement ("officials said on Friday") as the week up to it. A day the parse gives to a later happening
    that governs the event's word ("arrested Monday in the shooting", ``followup_head``) is not the event's:
    where nothing else dates it, the event lies in the ``followup_span_days`` up to that day (flag
    ``date_before_followup``)."""
    followup: DateMention | None = None
    for dm in sorted(draft.dates, key=lambda d: abs(d.start - draft.trigger.start)):
        if dm.span is not None:
            if dm.span.precision == "day" and followup_head(dm, draft, sent) is not None:
                # "was arrested Monday in the shooting": Monday is the arrest's day; the shooting came before.
                followup = followup or dm
                continue
            return _or_report(DateChoice(dm.span, dm), draft, sent, config)
        if dm.anaphoric:
            anchor = previous.date if previous and previous.date else last_dated
            if anchor is not None:
                return _or_report(DateChoice(resolve_anaphoric(dm, anchor), dm), draft, sent, config)
    if previous is not None and previous.date is not None and not _SUBORDINATE_TIME.search(
            sent.text[previous_end: draft.trigger.start - sent.start]):
        return DateChoice(previous.date)
    if followup is not None and followup.span is not None:
        return _before(followup, config)
    if previous is not None and not _SUBORDINATE_TIME.search(sent.text[previous_end: draft.trigger.start - sent.start]):
        return _or_report(DateChoice(previous.date), draft, sent, config)
    return _or_report(DateChoice(), draft, sent, config)


@cache
def _followup_heads() -> frozenset[str]:
    data = json.loads(resources.files("contested").joinpath("data", "dates.json").read_text(encoding="utf-8"))
    return frozenset(data["followup_heads"])


def followup_head(dm: DateMention, draft: Draft, sent: SentenceMentions) -> str | None:
    """The lemma of the later happening ``dm`` dates ("arrested", "hearing", "vigil"), where the parse
    attaches the date to a word of ``dates.json``'s ``followup_heads`` other than the event's word, and that
    word governs the event's word ("arrested Monday in the shooting", "a vigil Saturday for the victims of
    the shooting"); else None (the date is the event's, or there is no parse to read)."""
    span = sent.span
    if span is None or not hasattr(span, "__iter__"):
        return None
    trig = date_tok = None
    for tok in span:
        if trig is None and tok.idx <= draft.trigger.start < tok.idx + max(len(tok.text), 1):
            trig = tok
        if date_tok is None and dm.start <= tok.idx < dm.end:
            date_tok = tok
    if trig is None or date_tok is None:
        return None
    # The date phrase's root: its first token's ancestor still inside the phrase.
    root = date_tok
    while root.head.i != root.i and dm.start <= root.head.idx < dm.end:
        root = root.head
    head = root.head
    if head.i == root.i:  # the date is the sentence's root (a dateline): it heads nothing
        return None
    if head.dep_ in ("prep", "agent") or head.pos_ == "ADP":  # "on Monday", "at a hearing on Friday"
        head = head.head
    if head.i == trig.i or draft.trigger.start <= head.idx < draft.trigger.end:
        return None
    # The later happening governs the event's word: the event is told inside it.
    if not any(a.i == head.i for a in trig.ancestors):
        return None
    heads = _followup_heads()
    # "a vigil was held Sunday": the verb's subject or object may be the word that tells the happening.
    words = [head, *(c for c in head.children if c.dep_ in _HAPPENING_DEPS and c.i != trig.i)]
    return next((w.lemma_.lower() for w in words if w.lemma_.lower() in heads), None)


def _before(dm: DateMention, config: ExtractionSettings) -> DateChoice:
    """The event happened on or before the follow-up's day: a span of ``followup_span_days`` ending there."""
    assert dm.span is not None
    days = config.followup_span_days
    precision = "week" if days <= 7 else "month" if days <= 31 else "year"
    span = DateSpan(dm.span.end - timedelta(days=days), dm.span.end, precision,
                    f"on or before {dm.text} (date of a later happening)")
    return DateChoice(span, dm, before_followup=True)


def _or_report(choice: DateChoice, draft: Draft, sent: SentenceMentions, config: ExtractionSettings) -> DateChoice:
    if choice.span is None and sent.report_dates and draft.family in CONTROL_FAMILIES | set(VIOLENCE_TYPE):
        # "have taken control of Islam Qala, officials said on Friday": it happened in the days up to the
        # statement. A week's span says no more than that.
        said = sent.report_dates[0]
        span = DateSpan(said.span.start - timedelta(days=config.report_span_days), said.span.end, "week",
                        f"{said.text} (date of the statement)")
        return DateChoice(span, said, from_report=True)
    return choice


def from_context(choice: DateChoice, where: PlaceChoice, sent: SentenceMentions, si: int, state: DiscourseState,
                 config: ExtractionSettings) -> DateChoice:
    """"Taliban overtook the district center": the story told one sentence before goes on, same place and,
    with no other date given, the same day."""
    told = state.told
    if (choice.span is None and where.from_context and told and told[-1].date is not None
            and si - state.last_event_sentence == config.continuation_sentences
            and sent.paragraph == state.last_place_paragraph
            and told[-1].location is not None and told[-1].location.name == where.places[0][2].name):
        return DateChoice(told[-1].date, choice.mention, choice.from_report, from_context=True)
    return choice


def note_dates(state: DiscourseState, draft: Draft, date: DateSpan | None) -> None:
    """The latest date the article gave (for "the next day" later): the draft's, else a day it named."""
    for dm in draft.dates:
        if dm.span is not None and dm.span.precision == "day":
            state.last_dated = dm.span
    if date is not None:
        state.last_dated = date
