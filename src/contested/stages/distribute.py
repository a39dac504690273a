"""Stage: mentions -> drafts. Each place, date and figure of a sentence goes to the event word nearest it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from contested.config import ExtractionSettings
from contested.eventness import REFERENCE
from contested.stages.records import Draft, SentenceMentions

T = TypeVar("T")


def nearest(items: Sequence[T], key_span: Callable[[T], tuple[int, int]], drafts: list[Draft],
            before_weight: float, text: str = "", base: int = 0,
            boundary_penalty: float = 3.0, after_only: frozenset[int] = frozenset(),
            sentence=None) -> dict[int, list[T]]:
    """Assign each item to the draft (by index) whose trigger words are nearest; words after a trigger belong
    to it more readily than words before it (``before_weight``), and words before a trigger and a comma
    ("...Qala-i-Naw on Wednesday, seizing") belong to the trigger before them (``boundary_penalty``, where
    ``text``, the sentence starting at document offset ``base``, is given). The drafts numbered in
    ``after_only`` take no word before their trigger word (whatever words were joined to it) while another
    draft may take it, unless the parsed ``sentence`` puts the word in the trigger's own phrase ("the March 4
    shooting": no preposition, verb or comma between)."""
    out: dict[int, list[T]] = {i: [] for i in range(len(drafts))}

    def before(e: int, ts: int) -> float:
        between = text[e - base: ts - base] if text else ""
        boundary = "," in between or ";" in between or " and " in between
        return (ts - e) * before_weight * (boundary_penalty if boundary else 1)

    for item in items:
        s, e = key_span(item)
        best, best_d = None, None
        for i, d in enumerate(drafts):
            spans = [(d.trigger.start, d.trigger.end)] + [(t.start, t.end) for t in d.extra]
            if (i in after_only and len(drafts) > len(after_only) and e <= d.trigger.start
                    and not _same_phrase(sentence, e, d.trigger.start)):
                continue
            dist = min((s - te) if s >= te else (before(e, ts) if e <= ts else 0) for ts, te in spans)
            if best_d is None or dist < best_d:
                best, best_d = i, dist
        if best is not None:
            out[best].append(item)
    return out


def _same_phrase(sentence, end: int, start: int) -> bool:
    """Whether the words between document offsets ``end`` and ``start`` of the parsed ``sentence`` leave
    what ends at ``end`` in the phrase of the word at ``start`` (no preposition, verb or punctuation between).
    False without a parse."""
    if sentence is None or not hasattr(sentence, "doc"):
        return False
    gap = sentence.doc.char_span(end, start, alignment_mode="contract") if start > end else None
    if gap is None:
        return start - end <= 1
    return not any(t.pos_ in ("ADP", "VERB", "AUX", "PUNCT", "SCONJ", "CCONJ") for t in gap)


def distribute_mentions(drafts: list[Draft], sent: SentenceMentions, config: ExtractionSettings) -> None:
    """Give each draft its places, dates and figures (in place). Places and dates mostly follow their verb
    ("retook the town on Tuesday, only to lose it the next day"): a word goes to the trigger before it
    unless it is much nearer to the one after it. A word that names a happening only as what the event is
    about ("arrested 14 people on Monday in connection with the bombing") takes no place or date written
    before it: those are the clause's own."""
    referred = frozenset(i for i, d in enumerate(drafts)
                         if sent.reasons.get(d.trigger.start, "").startswith(REFERENCE))
    for i, places in nearest(sent.places, lambda p: (p[0], p[1]), drafts, config.place_before_weight,
                             sent.text, sent.start, config.boundary_penalty, referred, sent.span).items():
        drafts[i].places = places
    _places_to_their_word(drafts, sent, referred)
    for i, dates in nearest(sent.dates, lambda d: (d.start, d.end), drafts, config.date_before_weight,
                            sent.text, sent.start, config.boundary_penalty, referred, sent.span).items():
        drafts[i].dates = dates
    _dates_to_their_word(drafts, sent)
    for i, quantities in nearest(sent.quantities, lambda q: (q.start, q.end), drafts,
                                 config.quantity_before_weight).items():
        drafts[i].quantities = quantities


def _places_to_their_word(drafts: list[Draft], sent: SentenceMentions, referred: frozenset[int] = frozenset()) -> None:
    """A place the parse hangs in another draft's clause goes to that draft, however near this draft's word it
    stands ("pushed into Lashkar Gah and battled commandos, while across the line in Kandahar soldiers pulled
    out": Kandahar is where they pulled out, not a second place of the battle). The parse is followed up from
    the place's word to the first word of a draft's own; a verb of no draft on the way stops it (the place is
    then the nearest draft's, as before). Only a draft's own word counts, not the words joined to it, and a
    draft that only names what another is about ("detained nine men in raids in Kabul in connection with the
    bombing", ``referred``) takes no place this way."""
    if len(drafts) < 2 or sent.span is None or not hasattr(sent.span, "__iter__"):
        return
    owner: dict[int, int] = {}
    for i, d in enumerate(drafts):
        if i not in referred:
            owner.setdefault(d.trigger.start, i)
    span = sent.span
    for i, d in enumerate(drafts):
        for p in list(d.places):
            tok = next((t for t in span if p[0] <= t.idx < p[1]), None)
            j = _owning_draft(tok, owner)
            if j is not None and j != i:
                d.places.remove(p)
                drafts[j].places.append(p)
                drafts[j].places.sort(key=lambda q: q[0])


def _owning_draft(tok, owner: dict[int, int]) -> int | None:
    """The draft whose word the parse hangs ``tok`` under, walking up its heads: None where a verb of no draft,
    or the sentence's root, comes first."""
    node = tok
    for _ in range(12):
        if node is None or node.head.i == node.i:
            return None
        node = node.head
        if node.idx in owner:
            return owner[node.idx]
        if node.pos_ in ("VERB", "AUX"):
            return None
    return None


def _dates_to_their_word(drafts: list[Draft], sent: SentenceMentions) -> None:
    """A date the parse hangs on one draft's own word goes to that draft, however near another draft's word
    it stands ("sending residents fleeing, while troops said on Thursday they had retaken Marte": Thursday is
    the retaking's, not the flight's)."""
    if len(drafts) < 2 or sent.span is None or not hasattr(sent.span, "__iter__"):
        return
    from contested.stages.dates import _date_head

    owner: dict[int, int] = {}
    for i, d in enumerate(drafts):
        for t in (d.trigger, *d.extra):
            owner.setdefault(t.start, i)
    for i, d in enumerate(drafts):
        for dm in list(d.dates):
            if dm.anaphoric:
                continue  # ("came a day after the joint force fought": the phrase counts from the word it hangs on)
            head = _date_head(dm, d, sent)
            if head is None:
                continue
            j = owner.get(head.idx)
            if j is not None and j != i and all(o == j for s, o in owner.items() if head.idx <= s < head.idx + len(head.text)):
                d.dates.remove(dm)
                drafts[j].dates.append(dm)
