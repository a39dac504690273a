"""Plain typed records that flow between the pipeline's stages.

documents -> sentences -> mentions (places, dates, quantities, actors, attributions) -> claims -> events.
Every mention keeps the character offsets of the words it came from, in the document's text, so that
any field of an event can be traced back (provenance first).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# ---------------------------------------------------------------- documents


@dataclass(slots=True)
class Document:
    """One article as ingested. ``doc_id`` is a hash of the normalized text (see ingest.document_id)."""

    doc_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the outlet
    published: date | None = None
    published_from: str | None = None  # metadata | byline | given | None
    origin: str | None = None  # file path or URL it was read from


@dataclass(slots=True)
class InputProblem:
    """Bad input: reported and skipped, never fatal for the rest of a batch."""

    origin: str
    reason: str


# ---------------------------------------------------------------- mentions


@dataclass(slots=True)
class DateSpan:
    start: date
    end: date
    precision: str  # day | week | month | year
    text: str | None = None


@dataclass(slots=True)
class DateMention:
    """A date expression found in a text. ``anaphoric`` marks expressions resolved against an earlier
    event's date rather than the publication date ("the next day", "a day later")."""

    start: int
    end: int
    text: str
    span: DateSpan | None
    anaphoric: bool = False
    shift_days: int | None = None  # for anaphoric mentions: days after (+) or before (-) the anchor event


@dataclass(slots=True)
class Quantity:
    value: int
    qualifier: str  # exact | about | at_least | more_than | up_to | fewer_than | range | vague
    unit: str
    low: int | None = None
    high: int | None = None
    text: str | None = None
    start: int = 0
    end: int = 0
    claim: int | None = None
    killed: bool = False  # the count is of people killed (used for ACLED fatalities)


@dataclass(slots=True)
class Place:
    """A gazetteer entry."""

    key: str  # stable id inside the gazetteer, e.g. "adm2:AF.01.1109" or "gn:1138958"
    name: str
    feature: str  # country | province | district | populated_place | border_crossing | base | river | region
    country: str | None = None  # country name, e.g. Afghanistan
    country_code: str | None = None  # ISO alpha-2
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0


@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    text: str
    candidates: list[Place] = field(default_factory=list)
    from_ner: bool = False


@dataclass(slots=True)
class Location:
    name: str
    text: str | None
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    feature: str | None = None
    precision: int | None = None  # ACLED geo_precision 1/2/3
    start: int | None = None
    end: int | None = None

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "text": self.text,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "precision": self.precision,
        }


@dataclass(slots=True)
class ActorMention:
    name: str  # canonical
    kind: str | None
    text: str
    start: int
    end: int
    role: str | None = None  # filled when an event is assembled


@dataclass(slots=True)
class Attribution:
    """One statement a sentence reports (see attribution.py): who (``attributed_to``, the immediate speaker;
    ``chain`` from the first intermediary to the speaker), through which cue, about which content.
    ``start``/``end`` cover the source and the cue. Offsets are in the document's text."""

    attributed_to: str | None
    text: str | None
    stance: str  # asserts | denies | doubts
    hedged: bool
    start: int | None = None
    end: int | None = None
    cue: str | None = None  # "said", "could not confirm", "according to"
    cue_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None
    # Sources of sources, outermost first, the speaker last (the publishing outlet is added by the claim):
    # {"name", "link": intermediary|speaker, "kind", "title", "organisation", "via", "start", "end"}.
    chain: list[dict] = field(default_factory=list)
    source_kind: str | None = None  # person | organisation | outlet | unnamed | document | pronoun
    # What the stance is about: event (that it happened) | figure (a number of it: "doubted the officials'
    # figure") | perpetrator (who did it: "claimed responsibility for", "denied any involvement in").
    about: str = "event"
    # Stances on figures: {"text", "start", "end", "owner" (whose figure), "value", "stance", "by" (who takes
    # the stance; null: the outlet)}.
    figure_stances: list[dict] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)  # the hedging words found ("reportedly", "appears to")
    negated: list[tuple[int, int]] = field(default_factory=list)  # predicates the parse says are negated
    relations: list[Attribution] = field(default_factory=list)  # every attribution of the sentence


# ---------------------------------------------------------------- claims and events


@dataclass(slots=True)
class Claim:
    doc_id: str
    source: str | None
    published: date | None
    attributed_to: str | None
    attribution_text: str | None
    stance: str
    hedged: bool
    sentence: str
    span: tuple[int, int]
    cue: str | None = None  # the words of the cue: "said", "denied", "could not confirm", "according to"
    cue_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None  # the words the source is reported to have said
    # Who says so, link by link: the publishing outlet first, the speaker (attributed_to) last;
    # {"name", "link": outlet|intermediary|speaker, "kind", "title", "organisation", "via", "start", "end"}.
    chain: list[dict] = field(default_factory=list)
    source_kind: str | None = None  # person | organisation | outlet | unnamed | document | pronoun
    # event | figure | perpetrator: a doubt about a number is a doubt on the figure, not the event; a claim of
    # responsibility or a denial of involvement ("claimed responsibility for the attack", "denied any
    # involvement in the killings") is a stance on who did it, not on whether it happened.
    about: str = "event"
    figure_stances: list[dict] = field(default_factory=list)  # {"text", "owner", "value", "stance", ...}
    hedges: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "attributed_to": self.attributed_to,
            "attribution_text": self.attribution_text,
            "stance": self.stance,
            "hedged": self.hedged,
            "sentence": self.sentence,
            "span": list(self.span),
            "cue": self.cue,
            "content_span": list(self.content_span) if self.content_span else None,
            "chain": [dict(link) for link in self.chain],
            "source_kind": self.source_kind,
            "about": self.about,
            "figure_stances": [dict(f) for f in self.figure_stances],
            "hedges": list(self.hedges),
        }


@dataclass(slots=True)
class Evidence:
    """Where in the document each field came from: field name -> list of (start, end) offsets."""

    marks: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # Why the clause was taken for an event ("asserted"), from contested.eventness.
    reason: str | None = None

    def add(self, name: str, start: int | None, end: int | None) -> None:
        if start is None or end is None or end <= start:
            return
        self.marks.setdefault(name, []).append((start, end))


@dataclass(slots=True)
class Rejection:
    """A trigger word whose clause tells no event, and why (contested.eventness): kept for ``explain``."""

    doc_id: str
    trigger: str
    family: str
    start: int
    end: int
    reason: str  # negated | modal: could | plan: threatened | question | background: dated 1996 | ...
    sentence: str


@dataclass(slots=True)
class Event:
    id: str
    type: str
    acled_event_type: str
    acled_sub_event_type: str
    detail: str | None = None
    summary: str | None = None
    date: DateSpan | None = None
    actors: list[ActorMention] = field(default_factory=list)
    location: Location | None = None
    quantities: list[Quantity] = field(default_factory=list)
    fatalities: int | None = None
    claims: list[Claim] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)  # one per claim, same order
    trigger: str | None = None
    # Filled by fusion (contested.fusion) and the contradiction checks (contested.contradictions):
    fused_because: list[str] = field(default_factory=list)  # why mentions were merged, one line per link
    figure_ranges: list[dict] = field(default_factory=list)  # contested figures: unit, low, high, who holds each end
    contradictions: list[dict] = field(default_factory=list)  # {"kind", "claims": [claim indices], "note"}
    confidence_basis: str | None = None  # how the confidence was reached (the rule, applied), for explain

    def as_json(self) -> dict:
        """The event as the contract's event.schema.json describes it."""
        return {
            "id": self.id,
            "type": self.type,
            "detail": self.detail,
            "summary": self.summary,
            "acled": {"event_type": self.acled_event_type, "sub_event_type": self.acled_sub_event_type},
            "date": None
            if self.date is None
            else {
                "start": self.date.start.isoformat(),
                "end": self.date.end.isoformat(),
                "precision": self.date.precision,
                "text": self.date.text,
            },
            "actors": [
                {"name": a.name, "text": a.text, "role": a.role or "actor1", "kind": a.kind} for a in self.actors
            ],
            "location": self.location.as_json() if self.location else None,
            "quantities": [
                {
                    "value": q.value,
                    "low": q.low,
                    "high": q.high,
                    "qualifier": q.qualifier,
                    "unit": q.unit,
                    "text": q.text,
                    "claim": q.claim,
                }
                for q in self.quantities
            ],
            "fatalities": self.fatalities,
            "claims": [c.as_json() for c in self.claims],
            "flags": list(self.flags),
            "confidence": round(float(self.confidence), 3),
            "fused_because": list(self.fused_because),
            "figure_ranges": list(self.figure_ranges),
            "contradictions": list(self.contradictions),
            "confidence_basis": self.confidence_basis,
        }
