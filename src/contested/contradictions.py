"""Contradictions: where the record disagrees with itself. Each one names the claims (or, for control, the
events) that cause it, as ``{"kind", "claims", "note", "scope"}`` in ``Event.contradictions``, and its kind is
added to ``Event.flags``.

- ``date_conflict`` (scope ``article``): a stated exact date that falls outside the time frame the same
  paragraph gives ("in the last week", "in recent days", "this week"): one of the two is wrong. Found by
  ``check_document`` when the document's text is at hand (at extraction).
- ``date_conflict`` (scope ``event``): claims that date one event differently (their dates do not overlap,
  even allowing the fusion's day of tolerance).
- ``future_date``: the event dated after the publication of a claim that dates it.
- ``denial``: an event one source asserts and another denies (names the asserting and the denying claims).
- ``perpetrator``: who did it, disputed: one source claims responsibility, blames someone or tells the event
  with the denier as its doer, and another denies its part in it ("denied any involvement").
- ``rapid_change_of_hands`` (control, ``control_conflicts``): a place that changes hands twice within a day
  with no fighting reported there that day.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from contested.records import DateSpan, Event

# A frame: a relative stretch of time that ends about when the article was written.
_FRAME = re.compile(r"\b(?:last|past|recent|this|previous)\b", re.IGNORECASE)
FRAME_SLACK_DAYS = 3
_PARAGRAPH = re.compile(r"\n\s*\n|\n(?=\s*[A-Z\u201c\"])")


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph of ``text`` around [start, end): lines separated by breaks."""
    end = start + len(text[start:end].rstrip())
    lo = 0
    for m in _PARAGRAPH.finditer(text, 0, start):
        lo = m.end()
    m = _PARAGRAPH.search(text, end)
    return lo, (m.start() if m else len(text))


_ABSOLUTE = re.compile(r"\d")
# Without one of these words anywhere (in any case) no date mention of the paragraph can match _FRAME.
_FRAME_WORD = re.compile(r"last|past|recent|this|previous", re.IGNORECASE)


def _frame_conflicts(paragraph: str, published: date | None) -> list[tuple]:
    """(exact date mention, frame mention) pairs of one paragraph where the exact date lies outside the frame."""
    from contested.dates import find_dates

    # A pair needs a frame (a _FRAME word) and an exact date (a digit); both lie inside the paragraph's text,
    # so where it has either none the dates need not be read (most paragraphs).
    if not _ABSOLUTE.search(paragraph) or not _FRAME_WORD.search(paragraph):
        return []
    mentions = [dm for dm in find_dates(paragraph, published) if dm.span is not None and not dm.anaphoric]
    frames = [dm for dm in mentions if dm.span.precision in ("week", "month") and _FRAME.search(dm.text)
              and not _ABSOLUTE.search(dm.text)]
    exact = [dm for dm in mentions if dm.span.precision == "day" and _ABSOLUTE.search(dm.text)]
    slack = timedelta(days=FRAME_SLACK_DAYS)
    return [(x, f) for x in exact for f in frames
            if not (f.span.start - slack <= x.span.start and x.span.end <= f.span.end + slack)]


def check_document(text: str, published: date | None, events: Iterable[Event]) -> list[Event]:
    """Flag, in place, the events of one document told in a paragraph whose exact date disagrees with its own
    time frame ("in the last week" ... "on June 5", a month before). Returns the events flagged."""
    flagged = []
    cache: dict[tuple[int, int], list] = {}
    for ev in events:
        for ci, c in enumerate(ev.claims):
            para = _paragraph(text, c.span[0], c.span[1])
            if para not in cache:
                cache[para] = _frame_conflicts(text[para[0]:para[1]], published)
            found = None
            for x, f in cache[para]:
                # The claim's own sentence holds one of the two dates (or the event took one of them).
                in_sentence = any(c.span[0] <= para[0] + m.start < c.span[1] for m in (x, f))
                took = ev.date is not None and (ev.date.text in (x.text, f.text))
                if in_sentence or took:
                    found = (x, f)
                    break
            if found is None:
                continue
            x, f = found
            note = (f"{x.text!r} ({x.span.start.isoformat()}) lies outside {f.text!r} "
                    f"({f.span.start.isoformat()}..{f.span.end.isoformat()}) in the same paragraph")
            entry = {"kind": "date_conflict", "scope": "article", "claims": [ci], "note": note}
            if entry not in ev.contradictions:
                ev.contradictions.append(entry)
            if "date_conflict" not in ev.flags:
                ev.flags.append("date_conflict")
            if ev not in flagged:
                flagged.append(ev)
    return flagged


def check_event(ev: Event, claim_dates: Mapping[int, DateSpan | None], tolerance_days: int = 1) -> list[dict]:
    """Contradictions between the claims of one (fused) event. ``claim_dates`` gives, for a claim index, the date
    the mention that told it gave."""
    out: list[dict] = []
    tol = timedelta(days=tolerance_days)
    dated = sorted(((i, d) for i, d in claim_dates.items() if d is not None and d.precision in ("day", "week")),
                   key=lambda x: (x[1].start, x[0]))
    if dated:
        early_end = min(d.end for _, d in dated)
        late_start = max(d.start for _, d in dated)
        if late_start > early_end + tol:
            early = sorted(i for i, d in dated if d.end == early_end)
            late = sorted(i for i, d in dated if d.start == late_start)
            e0 = next(d for i, d in dated if d.end == early_end)
            out.append({"kind": "date_conflict", "scope": "event", "claims": early + late,
                        "note": f"claims {early} date it {e0.start.isoformat()}..{e0.end.isoformat()}, "
                                f"claims {late} from {late_start.isoformat()}"})
    future = []
    for i, d in claim_dates.items():
        c = ev.claims[i] if i < len(ev.claims) else None
        if d is not None and c is not None and c.published is not None and d.start > c.published:
            future.append(i)
    if future:
        out.append({"kind": "future_date", "scope": "event", "claims": sorted(future),
                    "note": "dated after the publication of the claim that dates it"})
    asserting = [i for i, c in enumerate(ev.claims) if c.stance == "asserts"]
    # A denial of a figure ("the toll was lower") or of who did it ("denied any involvement") is no denial of
    # the event.
    denying = [i for i, c in enumerate(ev.claims) if c.stance == "denies" and getattr(c, "about", "event") == "event"]
    if asserting and denying:
        who = sorted({ev.claims[i].attributed_to or ev.claims[i].source or "?" for i in denying})
        out.append({"kind": "denial", "scope": "event", "claims": asserting + denying,
                    "note": f"asserted by claims {asserting}, denied by {', '.join(who)} (claims {denying})"})
    perpetrator = perpetrator_conflict(ev)
    if perpetrator is not None:
        out.append(perpetrator)
    return out


def _speaker(c) -> str:
    return c.attributed_to or c.source or "?"


_NAME_WORD = re.compile(r"[a-z]+")
_NOT_DISTINCT = frozenset({"the", "a", "an", "its", "their", "of", "to", "linked", "and", "in", "on", "by"})


def _same_side(actor: str, speaker: str, owner_matches) -> bool:
    """Whether a speaker is the actor named: the one's words all begin words of the other ("the army", "Army
    troops"), or they share a word that is no head of a body or of a kind of person ("Paramilitary fighters"
    and "the paramilitary force"; not "Russian forces" and "Ukrainian forces")."""
    if owner_matches(actor, speaker) or owner_matches(speaker, actor):
        return True
    from contested.attribution import lexicon

    lex = lexicon()
    heads = lex.organisation_heads | lex.unnamed_heads | lex.role_nouns

    def distinct(name: str) -> set[str]:
        words = _NAME_WORD.findall(name.lower())
        return {w[:5] for w in words if w not in _NOT_DISTINCT and w not in heads and w.rstrip("s") not in heads
                and len(w) > 2}

    return bool(distinct(actor) & distinct(speaker))


def _answers_accusation(claim) -> bool:
    """A denial of who did it that rejects an accusation ("rejected the accusation", "dismissed the
    allegations"): its content's words (data/attribution.json ``accusation_nouns``)."""
    from contested.attribution import lexicon

    if claim.content_span is None:
        return False
    s, e = claim.content_span[0] - claim.span[0], claim.content_span[1] - claim.span[0]
    words = _NAME_WORD.findall(claim.sentence[max(s, 0):max(e, 0)].lower())
    nouns = lexicon().accusation_nouns
    return any(w in nouns or (w.endswith("s") and w[:-1] in nouns) for w in words)


def perpetrator_conflict(ev: Event) -> dict | None:
    """Who did it, disputed: one source says who did it (a claim of responsibility, a blame: ``about ==
    'perpetrator'`` asserted) or tells the event with its doer named (an actor of the event that a denier's
    name fits: "Paramilitary fighters shelled ..." and "the paramilitary force rejected the accusation"), and
    another source denies its part in it (``about == 'perpetrator'`` denied). Names the claims on both sides."""
    from contested.attribution import owner_matches

    denying = [i for i, c in enumerate(ev.claims) if c.stance == "denies" and c.about == "perpetrator"]
    if not denying:
        return None
    deniers = {_speaker(ev.claims[i]) for i in denying}
    # A claim of responsibility or a blame by someone other than the denier.
    naming = [i for i, c in enumerate(ev.claims) if c.stance == "asserts" and c.about == "perpetrator"
              and _speaker(c) not in deniers]
    doers = [a for a in ev.actors if (a.role or "actor1") == "actor1"]
    accused = [d for d in deniers if any(_same_side(a.name, d, owner_matches) for a in doers)]
    if accused or any(_answers_accusation(ev.claims[i]) for i in denying):
        # The event told with the denier as its doer, or the denier rejects "the accusation": every claim that
        # asserts the event names who did it.
        naming += [i for i, c in enumerate(ev.claims) if c.stance == "asserts" and c.about == "event"
                   and _speaker(c) not in deniers and i not in naming]
    if not naming:
        return None
    naming.sort()
    who = sorted({_speaker(ev.claims[i]) for i in naming})
    return {"kind": "perpetrator", "scope": "event", "claims": naming + denying,
            "note": f"who did it: named by {', '.join(who)} (claims {naming}), denied by "
                    f"{', '.join(sorted(deniers))} (claims {denying})"}


def control_conflicts(transitions: list[tuple[Event, str, str]], fighting: list[Event]) -> list[dict]:
    """``transitions``: the changes of hands at one place, in date order, as (event, holder before, holder
    after). Two of them on the same day with no fighting reported there that day are suspect: one of the
    reports is probably wrong (or misdated)."""
    out = []
    for (a, h0, h1), (b, _, h2) in zip(transitions, transitions[1:], strict=False):
        if a.date is None or b.date is None or a.date.precision != "day" or b.date.precision != "day":
            continue
        if b.date.start > a.date.end:
            continue
        day_lo, day_hi = a.date.start, b.date.end
        if any(f.date and not (f.date.start > day_hi or f.date.end < day_lo) for f in fighting):
            continue
        out.append({"kind": "rapid_change_of_hands", "scope": "control", "events": [a.id, b.id],
                    "note": f"{h0} -> {h1} -> {h2} on {day_lo.isoformat()} with no fighting reported there"})
    return out
