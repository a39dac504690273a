"""The plain records the extraction stages pass to one another.

``SentenceMentions`` is what the mention finders found in one sentence (the stages' input); a ``Draft`` is
one event in the making (a trigger, the words joined to it and the mentions given to it); a
``DiscourseState`` is what the article has told so far, the one thing carried from sentence to sentence;
``DateChoice`` and ``PlaceChoice`` are a draft's date and place with where they came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from contested.records import ActorMention, Attribution, DateMention, DateSpan, Event, Location, Quantity
from contested.triggers import Trigger

PlaceMention = tuple[int, int, Location]  # (start, end, place); (-1, -1, place) for a place not in the words


@dataclass(slots=True)
class SentenceMentions:
    """What the mention finders found in one sentence; offsets are in the document's text."""

    start: int
    end: int
    text: str
    triggers: list[Trigger]
    places: list[tuple[int, int, Location]]
    dates: list[DateMention]
    quantities: list[Quantity]
    actors: list[ActorMention]
    attribution: Attribution
    agent_spans: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = field(default_factory=dict)
    paragraph: int = 0
    weak_places: list[tuple[int, int, Location]] = field(default_factory=list)
    report_dates: list[DateMention] = field(default_factory=list)  # "officials said on Friday"
    source_places: list[tuple[int, int, Location]] = field(default_factory=list)  # "officials in Dushanbe"
    seized_words: set[int] = field(default_factory=set)  # weapon words that name things seized, not attacks
    # Event or not, per trigger (its start offset): "asserted" or why its clause tells no event (eventness.py).
    reasons: dict[int, str] = field(default_factory=dict)
    span: object | None = None  # the spaCy sentence, for stages that read the parse
    home_country: str | None = None  # the country the article is about (gazetteer focus), for "foreign"
    # the first-level unit the story is at here (every place named around the sentence lies in it), for an
    # event that names no place and takes none from the story: the level that is certain
    story_unit: Location | None = None


@dataclass(slots=True)
class Draft:
    """One event in the making: its main trigger, the trigger words joined to it, the mentions given to it."""

    trigger: Trigger
    family: str
    extra: list[Trigger] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


@dataclass(slots=True)
class DiscourseState:
    """What the article has told up to the sentence being read: the state the stages read and
    ``stages.discourse`` updates, instead of loop variables.

    ``told``: the events so far, in order; ``events_of_sentence``: them by sentence index;
    ``last_event_sentence``: the latest sentence that told one. ``last_dated``: the latest date of an event
    (for "the next day"). ``last_place`` with its sentence and paragraph: the latest place named or of an
    event (for "the district", "it"). ``sources``: the sources named so far (for "he said").
    """

    told: list[Event] = field(default_factory=list)
    events_of_sentence: dict[int, list[Event]] = field(default_factory=dict)
    last_event_sentence: int = -10
    last_dated: DateSpan | None = None
    last_place: PlaceMention | None = None
    last_place_sentence: int = -10
    last_place_paragraph: int = -1
    sources: list[Attribution] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DateChoice:
    """A draft's date: the span, the words it was read from (None where it came from elsewhere), and
    whether it is the statement's date (``from_report``) or the day of the event told just before
    (``from_context``)."""

    span: DateSpan | None = None
    mention: DateMention | None = None
    from_report: bool = False
    from_context: bool = False
    before_followup: bool = False  # a span ending on the date of a later happening (the arrest, the funeral)


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    """A draft's places (one event each) and whether they came from the story told before."""

    places: list[PlaceMention]
    from_context: bool = False
