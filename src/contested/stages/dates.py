"""Stage: a draft's date. The nearest absolute date; else an anaphoric one ("the next day") resolved against
the event before it; else the date of the sentence's event before it, of the statement, or of the story
told one sentence before."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from contested.config import ExtractionSettings
from contested.dates import resolve_anaphoric
from contested.eventness import REFERENCE
from contested.families import OTHER_TYPE, VIOLENCE_TYPE
from contested.records import DateMention, DateSpan, Event
from contested.stages.records import DateChoice, DiscourseState, Draft, PlaceChoice, SentenceMentions
from contested.stages.tokens import token_at
from contested.triggers import CONTROL_FAMILIES

if TYPE_CHECKING:
    from spacy.tokens import Token

# "days after it fell": another time than the event before it in the sentence.
_SUBORDINATE_TIME = re.compile(r"\b(after|before|since|earlier|ago|previously|later|until|when)\b", re.IGNORECASE)
# The event type a trigger family makes (an arrest word makes an arrest), to compare with a draft's type.
_FAMILY_TYPE = {**VIOLENCE_TYPE, **OTHER_TYPE}
# The dependents of a date's head that may name the happening it dates ("a vigil was held Sunday").
_HAPPENING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def choose_date(draft: Draft, sent: SentenceMentions, previous: Event | None, previous_end: int,
                last_dated: DateSpan | None, config: ExtractionSettings, etype: str | None = None) -> DateChoice:
    """The draft's own date, else the date of ``previous`` (the sentence's event before it, whose word ends at
    ``previous_end`` in the sentence) where no subordinate time word lies between, else the date of the
    statement ("officials said on Friday") as the week up to it. A day the parse gives to a later happening
    that governs the event's word ("arrested Monday in the shooting", ``followup_head``) is not the event's:
    where nothing else dates it, the event lies in the ``followup_span_days`` up to that day (flag
    ``date_before_followup``)."""
    told_before = _inside_offset(draft, sent, previous, sent.start + previous_end - 1)
    if told_before is not None:
        return told_before
    followup: DateMention | None = None
    for dm in sorted(draft.dates, key=lambda d: abs(d.start - draft.trigger.start)):
        if dm.span is not None and _in_another_relative_clause(dm, draft, sent):
            continue  # "... against militiamen who had held the town since Saturday": the holding's time
        if dm.span is not None and _in_another_doers_clause(dm, draft, sent):
            continue  # "..., sending residents fleeing, while troops said on Thursday they had retaken Marte"
        if dm.span is not None:
            if dm.span.precision == "day" and followup_head(dm, draft, sent, etype) is not None:
                # "was arrested Monday in the shooting": Monday is the arrest's day; the shooting came before.
                followup = followup or dm
                continue
            death = _before_death(dm, draft, sent, config)
            if death is not None:
                return death
            return _or_report(DateChoice(dm.span, dm), draft, sent, config)
        if dm.anaphoric:
            anchor = _offset_anchor(dm, sent) or (previous.date if previous and previous.date else last_dated)
            if anchor is not None:
                return _or_report(DateChoice(resolve_anaphoric(dm, anchor), dm), draft, sent, config)
    if followup is None and (previous is None or previous.date is None):
        joined = _date_of_joined_verb(draft, sent)
        if joined is not None:
            # "soldiers entered several quarters of Bafut on Saturday and set fire to about 40 houses": the day
            # of the verb the draft's verb is joined to by "and" (the draft that took the day told nothing).
            return _or_report(DateChoice(joined.span, joined), draft, sent, config)
    if previous is not None and _in_time_clause(draft, sent):
        # "shot dead five men on Monday night, in a week in which fighters killed three gendarmes in Ndop": the
        # clause on the week tells another happening of that week, not of Monday night.
        previous = None
    if previous is not None and previous.date is not None and not _SUBORDINATE_TIME.search(
            sent.text[previous_end: draft.trigger.start - sent.start]):
        if (sent.reasons.get(draft.trigger.start, "").startswith(REFERENCE) and previous.date.precision == "day"
                and followup is None):
            # "Police arrested a man Monday in the shooting": the shooting the arrest refers to came before it.
            return _before_span(previous.date, config)
        return DateChoice(previous.date)
    if followup is not None and followup.span is not None:
        return _before(followup, config)
    if previous is not None and not _SUBORDINATE_TIME.search(sent.text[previous_end: draft.trigger.start - sent.start]):
        return _or_report(DateChoice(previous.date), draft, sent, config)
    return _or_report(DateChoice(), draft, sent, config)


# The last word of an offset phrase that ties two happenings ("two days after", "a week before").
_OFFSET_WORDS = frozenset({"after", "before"})


def _offset_clause(dm: DateMention, sent: SentenceMentions):
    """The head of the happening that an offset phrase ("two days after", "three days before") is counted
    from, read from the parse: the verb "after" introduces ("two days after fighters had overrun it") or the
    noun it governs ("three days after the attack"). None without a parse or where the phrase ends no clause."""
    if not dm.anaphoric or not dm.shift_days or dm.text.split()[-1].lower() not in _OFFSET_WORDS:
        return None
    span = sent.span
    if span is None or not hasattr(span, "__iter__"):
        return None
    word = token_at(span, dm.end - len(dm.text.split()[-1]))
    if word is None:
        return None
    if word.dep_ == "mark":
        return word.head
    return next((c for c in word.children if c.dep_ in ("pobj", "pcomp")), None)


def _in_subtree(head, offset: int) -> bool:
    return any(tok.idx <= offset < tok.idx + max(len(tok.text), 1) for tok in head.subtree)


def _offset_anchor(dm: DateMention, sent: SentenceMentions) -> DateSpan | None:
    """"seized the town three days before troops retook it on Friday": the day the offset is counted from is
    the one the counted-from clause names (Friday), not the event told before."""
    inner = _offset_clause(dm, sent)
    if inner is None:
        return None
    days = [d for d in sent.dates if d.span is not None and not d.anaphoric and d.span.precision == "day"
            and _in_subtree(inner, d.start)]
    return days[0].span if days else None


def _offset_from_named_day(draft: Draft, sent: SentenceMentions) -> DateChoice | None:
    for dm in sent.dates:
        inner = _offset_clause(dm, sent)
        if inner is None or not _in_subtree(inner, draft.trigger.start):
            continue
        days = [d for d in sent.dates if d.span is not None and not d.anaphoric and d.start < dm.start]
        if any(_in_subtree(inner, d.start) for d in days) or not days or days[-1].span.precision != "day":
            return None  # the clause names its own day, or nothing before it names one
        day = days[-1].span
        back = timedelta(days=dm.shift_days or 0)
        return DateChoice(DateSpan(day.start - back, day.end - back, "day", f"{dm.text} ({day.text})"), dm)
    return None


def _governs(inner, previous_at: int) -> bool:
    """Whether the event word at ``previous_at`` governs the counted-from clause headed by ``inner``: is one of
    its heads, or is the statement that the clause's head introduces, the two side by side under it ("retook
    X on Tuesday, ten days after it fell, the ministry said": the parser hangs both clauses on "said")."""
    word = token_at(inner.doc, previous_at)
    for _ in range(3):  # "pushed them out": from the event's last word up to its verb
        if word is None or word.pos_ in ("VERB", "AUX") or word.head.i == word.i:
            break
        word = word.head
    if word is None:
        return False
    if any(a.i == word.i for a in inner.ancestors):
        return True
    head = inner.head
    return head.i != inner.i and word.head.i == head.i and word.dep_ in ("ccomp", "parataxis") and word.i < inner.i


def _inside_offset(draft: Draft, sent: SentenceMentions, previous: Event | None,
                   previous_at: int) -> DateChoice | None:
    """"retook the district on Sunday, two days after fighters had overrun it": the happening the offset is
    counted from (the capture) lies that many days before the day of the event it is told against (Sunday's
    retaking, ``previous``, whose word, at ``previous_at``, governs the clause). None where the draft is not such a happening, has
    its own day in the clause, or the governing event has no day. Where no event was told before (the
    governing happening is no event of the table: "pushed them out of the village on Tuesday, four days after
    a unit had entered it"), the day is the one the sentence names before the offset, outside the clause."""
    if previous is None or previous.date is None or previous.date.precision != "day":
        return _offset_from_named_day(draft, sent) if previous is None else None
    for dm in sent.dates:
        inner = _offset_clause(dm, sent)
        if inner is None or not _in_subtree(inner, draft.trigger.start) or _in_subtree(inner, previous_at):
            continue
        if not _governs(inner, previous_at):
            continue  # the event told before does not govern the counted-from clause
        if any(d.span is not None and not d.anaphoric and _in_subtree(inner, d.start) for d in sent.dates):
            return None  # the clause names its own day
        back = timedelta(days=dm.shift_days or 0)
        span = DateSpan(previous.date.start - back, previous.date.end - back, "day",
                        f"{dm.text} ({previous.date.text})")
        return DateChoice(span, dm)
    return None


@cache
def _dates_data() -> dict:
    return json.loads(resources.files("contested").joinpath("data", "dates.json").read_text(encoding="utf-8"))


@cache
def _followup_heads() -> frozenset[str]:
    return frozenset(_dates_data()["followup_heads"])


@cache
def _death_heads() -> frozenset[str]:
    return frozenset(_dates_data()["death_heads"])


_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)


def _before_death(dm: DateMention, draft: Draft, sent: SentenceMentions,
                  config: ExtractionSettings) -> DateChoice | None:
    """A day that dates a death told after the attack ("died Saturday, a week after she was wounded", "died
    Friday, three days after the shooting", "died Sunday after she was shot"; ``death_heads`` in dates.json):
    the attack is the event, ``N`` days before the death where the sentence says how long, else in the
    ``followup_span_days`` up to it. None where the day is not such a death's."""
    if dm.span is None or dm.span.precision != "day":
        return None
    head = _date_head(dm, draft, sent)
    if head is None or head.lemma_.lower() not in _death_heads():
        return None
    for later in draft.dates:
        if (later.anaphoric and (later.shift_days or 0) > 0 and later.text.lower().endswith("after")
                and 0 <= later.start - dm.end <= 3):
            back = timedelta(days=later.shift_days or 0)
            span = DateSpan(dm.span.start - back, dm.span.end - back, "day",
                            f"{later.text} (before {dm.text}, the day of the death)")
            return DateChoice(span, dm)
    words = [t for t in (draft.trigger, *draft.extra) if t.start >= dm.end]
    if any(_AFTER.search(sent.text[dm.end - sent.start: t.start - sent.start]) for t in words):
        return _before(dm, config)
    return None


def _date_head(dm: DateMention, draft: Draft, sent: SentenceMentions):
    """The word the parse attaches the date to ("on Monday", "at a hearing on Friday": the word the
    preposition hangs from; a bare time noun's head), or None (no parse, or the date is the sentence's root)."""
    span = sent.span
    if span is None or not hasattr(span, "__iter__"):
        return None
    date_tok = next((tok for tok in span if dm.start <= tok.idx < dm.end), None)
    if date_tok is None:
        return None
    # The date phrase's root: its first token's ancestor still inside the phrase.
    root = date_tok
    while root.head.i != root.i and dm.start <= root.head.idx < dm.end:
        root = root.head
    head = root.head
    if head.i == root.i:  # the date is the sentence's root (a dateline): it heads nothing
        return None
    if head.dep_ in ("prep", "agent") or head.pos_ == "ADP":
        head = head.head
    return head


_OWN_DOER = frozenset({"nsubj", "nsubjpass"})


def _draft_verb(draft: Draft, sent: SentenceMentions) -> Token | None:
    """The verb that governs the draft's trigger word in the parse, or None without a parsed sentence."""
    if sent.span is None or not hasattr(sent.span, "__iter__"):
        return None
    from contested.eventness import governing_verb

    tok = token_at(sent.span, draft.trigger.start)
    return None if tok is None else governing_verb(tok)


def _date_of_joined_verb(draft: Draft, sent: SentenceMentions) -> DateMention | None:
    """A day of the sentence (not an offset) that the parse hangs on the verb the draft's verb is joined to by
    "and" (they share a subject and, unless either names its own, a time)."""
    verb = _draft_verb(draft, sent)
    if verb is None or verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    first = verb.head
    for dm in sent.dates:
        if dm.span is None or dm.anaphoric:
            continue
        head = _date_head(dm, draft, sent)
        if head is not None and head.i == first.i:
            return dm
    return None


def _in_time_clause(draft: Draft, sent: SentenceMentions) -> bool:
    """Whether the draft's word stands in a relative clause on a time ("in a week in which fighters killed three
    gendarmes", eventness.json ``time_clause_nouns``), through the verbs joined to the clause's first."""
    from contested.eventness import load_words

    verb = _draft_verb(draft, sent)
    if verb is None:
        return False
    for _ in range(4):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb.dep_ == "relcl" and verb.head.lemma_.lower() in load_words().time_clause_nouns


def _in_another_doers_clause(dm: DateMention, draft: Draft, sent: SentenceMentions) -> bool:
    """Whether the date is the time of a clause with a doer of its own that holds none of the draft's words and
    governs none of them ("stormed the base on Tuesday, sending residents fleeing, while troops said on Thursday
    they had retaken Marte": Thursday is the retaking's, not the flight's): a time clause about another
    happening does not date this one. (A clause that tells the draft's own happening, "were killed when
    gunmen attacked a market on Monday", holds one of its words.)"""
    head = _date_head(dm, draft, sent)
    if head is None or head.pos_ not in ("VERB", "AUX") or not any(c.dep_ in _OWN_DOER for c in head.children):
        return False
    if head.dep_ == "relcl":
        return False  # (a relative clause's time is ``_in_another_relative_clause``'s to read)
    words = [draft.trigger, *draft.extra]
    sub = list(head.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    if any(lo <= t.start < hi for t in words):
        return False  # the clause holds a word of the draft (or governs it)
    mine = {t.start for t in words}
    if not any(lo <= t.start < hi and t.start not in mine for t in sent.triggers):
        return False  # ("shot dead a prosecutor as he left his home on Saturday": no other happening's word)
    trig = token_at(sent.span, draft.trigger.start)
    if trig is None:
        return False
    # The date's clause must hang off the sentence apart from the draft's: not the draft's own clause nor one
    # of its ancestors (a report verb above the event, "police said on Monday that gunmen killed five").
    return not any(a.i == head.i for a in trig.ancestors)


def _in_another_relative_clause(dm: DateMention, draft: Draft, sent: SentenceMentions) -> bool:
    """Whether the date is the start of a state that a relative clause tells of someone other than the event
    ("regained the town from militiamen who had held it since Saturday"), or the time of a clause set off by
    commas before the event's word ("In Kherson, which troops retook in November, shells killed two on
    Friday"): a relative clause that neither holds the event's word nor tells of it ("a shooting that
    occurred Tuesday" is the shooting's)."""
    head = _date_head(dm, draft, sent)
    if head is None:
        return False

    since = sent.text[:dm.start - sent.start].rstrip().lower().endswith("since")

    def holds(tok) -> bool:
        return tok.idx <= draft.trigger.start < tok.idx + max(len(tok.text), 1)

    for tok in (head, *head.ancestors):
        if tok.dep_ == "relcl":
            if holds(tok.head) or any(holds(t) for t in tok.subtree):
                return False
            # "In Kherson city, which Ukrainian forces retook in November, artillery fire killed two on
            # Friday": a clause set off by commas, closed before the event's word, tells another time. (A
            # trailing date is often hung on the nearest verb by the parser: "a gun he took from a car
            # early Thursday" is kept.)
            left, right = tok.left_edge, tok.right_edge
            aside = (left.i > 0 and left.nbor(-1).text == "," and right.i + 1 < len(right.doc)
                     and right.nbor(1).text == "," and right.idx < draft.trigger.start)
            return since or aside
    return False


def followup_head(dm: DateMention, draft: Draft, sent: SentenceMentions, etype: str | None = None) -> str | None:
    """The lemma of the later happening ``dm`` dates ("arrested", "hearing", "vigil"), where the parse
    attaches the date to a word of ``dates.json``'s ``followup_heads`` other than the event's word, and that
    word governs the event's word ("arrested Monday in the shooting", "a vigil Saturday for the victims of
    the shooting"); else None (the date is the event's, or there is no parse to read). Where the event is of
    the later happening's own type (``etype``: an arrest dated by "arrested"), the day is the event's."""
    head = _date_head(dm, draft, sent)
    if head is None:
        return None
    trig = token_at(sent.span, draft.trigger.start)
    if trig is None:
        return None
    if head.i == trig.i or draft.trigger.start <= head.idx < draft.trigger.end:
        return None
    # The later happening governs the event's word: the event is told inside it.
    if not any(a.i == head.i for a in trig.ancestors):
        return None
    if etype is not None and any(t.start == head.idx and _FAMILY_TYPE.get(t.family) == etype for t in sent.triggers):
        # "arrested 30 people in raids on Wednesday night", "was arrested for a robbery on July 26": the event
        # is the arrest itself, and the day is its own.
        return None
    heads = _followup_heads()
    # "a vigil was held Sunday": the verb's subject or object may be the word that tells the happening.
    words = [head, *(c for c in head.children if c.dep_ in _HAPPENING_DEPS and c.i != trig.i)]
    return next((w.lemma_.lower() for w in words if w.lemma_.lower() in heads), None)


def _before(dm: DateMention, config: ExtractionSettings) -> DateChoice:
    """The event happened on or before the follow-up's day: a span of ``followup_span_days`` ending there."""
    assert dm.span is not None
    return DateChoice(_span_before(dm.span, dm.text, config), dm, before_followup=True)


def _before_span(later: DateSpan, config: ExtractionSettings) -> DateChoice:
    """A happening the sentence refers to, before the sentence's event dated ``later``: the days up to it."""
    return DateChoice(_span_before(later, later.text, config), None, before_followup=True)


def _span_before(later: DateSpan, words: str, config: ExtractionSettings) -> DateSpan:
    days = config.followup_span_days
    precision = "week" if days <= 7 else "month" if days <= 31 else "year"
    return DateSpan(later.end - timedelta(days=days), later.end, precision,
                    f"on or before {words} (date of a later happening)")


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
                 config: ExtractionSettings, draft: Draft | None = None) -> DateChoice:
    """"Taliban overtook the district center": the story told one sentence before goes on, same place and,
    with no other date given, the same day. "Hundreds of villagers fled into the bush as the houses burned":
    a clause of "as" whose subject the text has told of ("the houses") sets the event at the time of the
    happening told one sentence before, in the same paragraph, where the sentence names no date."""
    told = state.told
    if (choice.span is None and draft is not None and not sent.dates and told and told[-1].date is not None
            and si - state.last_event_sentence == config.continuation_sentences
            and sent.paragraph == state.last_place_paragraph and _as_the_told(draft, sent)):
        return DateChoice(told[-1].date, choice.mention, choice.from_report, from_context=True)
    if (choice.span is None and where.from_context and told and told[-1].date is not None
            and si - state.last_event_sentence == config.continuation_sentences
            and sent.paragraph == state.last_place_paragraph
            and told[-1].location is not None and told[-1].location.name == where.places[0][2].name):
        return DateChoice(told[-1].date, choice.mention, choice.from_report, from_context=True)
    return choice


def _as_the_told(draft: Draft, sent: SentenceMentions) -> bool:
    """The draft's clause has a clause of "as"/"while" (eventness.json ``simultaneous_marks``) whose subject is
    a definite noun ("as the houses burned", "as the fighting closed in"): a setting the text has told of."""
    if sent.span is None or not hasattr(sent.span, "__iter__"):
        return False
    from contested.eventness import governing_verb, load_words

    tok = token_at(sent.span, draft.trigger.start)
    if tok is None:
        return False
    marks = load_words().simultaneous_marks
    verb = governing_verb(tok)
    for c in verb.children:
        if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
            continue
        if any(n.dep_ in ("nsubj", "nsubjpass") and n.pos_ == "NOUN" and any(
                d.dep_ == "det" and d.lower_ == "the" for d in n.children) for n in c.children):
            return True
    return False


def note_dates(state: DiscourseState, draft: Draft, date: DateSpan | None) -> None:
    """The latest date the article gave (for "the next day" later): the draft's, else a day it named."""
    for dm in draft.dates:
        if dm.span is not None and dm.span.precision == "day":
            state.last_dated = dm.span
    if date is not None:
        state.last_dated = date
