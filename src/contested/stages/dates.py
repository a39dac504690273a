"""Stage: a draft's date. The nearest absolute date; else an anaphoric one ("the next day") resolved against
the event before it; else the date of the sentence's event before it, of the statement, or of the story
told one sentence before."""

from __future__ import annotations

import re
from datetime import timedelta

from contested.config import ExtractionSettings
from contested.dates import resolve_anaphoric
from contested.families import VIOLENCE_TYPE
from contested.records import DateSpan, Event
from contested.stages.records import DateChoice, DiscourseState, Draft, PlaceChoice, SentenceMentions
from contested.triggers import CONTROL_FAMILIES

# "days after it fell": another time than the event before it in the sentence.
_SUBORDINATE_TIME = re.compile(r"\b(after|before|since|earlier|ago|previously|later|until|when)\b", re.IGNORECASE)


def choose_date(draft: Draft, sent: SentenceMentions, previous: Event | None, previous_end: int,
                last_dated: DateSpan | None, config: ExtractionSettings) -> DateChoice:
    """The draft's own date, else the date of ``previous`` (the sentence's event before it, whose word ends at
    ``previous_end`` in the sentence) where no subordinate time word lies between, else the date of the
    statement ("officials said on Friday") as the week up to it."""
    for dm in sorted(draft.dates, key=lambda d: abs(d.start - draft.trigger.start)):
        if dm.span is not None:
            return _or_report(DateChoice(dm.span, dm), draft, sent, config)
        if dm.anaphoric:
            anchor = previous.date if previous and previous.date else last_dated
            if anchor is not None:
                return _or_report(DateChoice(resolve_anaphoric(dm, anchor), dm), draft, sent, config)
    if previous is not None and not _SUBORDINATE_TIME.search(sent.text[previous_end: draft.trigger.start - sent.start]):
        return _or_report(DateChoice(previous.date), draft, sent, config)
    return _or_report(DateChoice(), draft, sent, config)


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
