"""Stage: a draft's actors. Who acted and who was acted on, from the parse where it says, else by position;
each side named once; a capture with no one named taking it is by whoever held the other side there."""

from __future__ import annotations

from contested.actors import load_actors
from contested.families import CONTROL_FAMILIES
from contested.records import ActorMention, Event
from contested.stages.records import Draft, PlaceMention, SentenceMentions
from contested.stages.tokens import token_at


def is_state(a: ActorMention | None) -> bool:
    """State forces, the country's or foreign."""
    return a is not None and a.kind in ("state_forces", "external")


def agents_and_patients(draft: Draft, sent: SentenceMentions) -> tuple[list[ActorMention], list[ActorMention]]:
    """Agent and patient actors of a draft: from the parse where it says (agent_spans), else by position."""
    actors = sent.actors
    agents: list[ActorMention] = []
    patients: list[ActorMention] = []
    agent_spans: list[tuple[int, int]] = []
    patient_spans: list[tuple[int, int]] = []
    for t in [draft.trigger, *draft.extra]:
        a_sp, p_sp = sent.agent_spans.get(t.start, ([], []))
        agent_spans.extend(a_sp)
        patient_spans.extend(p_sp)
    doers = agent_spans
    own = sent.agent_spans.get(draft.trigger.start, ([], []))[0]
    if own and draft.family in CONTROL_FAMILIES:
        # A control word with a subject of its own: that subject is who took, lost or left the place, not the
        # subject of a violence word joined to it from another clause ("armed groups captured the towns ...,
        # the latest blows in an offensive").
        doers = own
    if agent_spans or patient_spans:
        for a in actors:
            if any(s <= a.start and a.end <= e for s, e in doers):
                agents.append(a)
            elif any(s <= a.start and a.end <= e for s, e in patient_spans):
                patients.append(a)
    if not agents and not patients:
        # By position; but where the parse names the draft's own subject and it is no known actor ("a week
        # after rebels seized it"), the actor named before belongs to another clause: who acted stays unknown.
        named = _own_subject_unknown(draft, sent, agent_spans)
        for a in actors:
            if a.end > draft.trigger.start:
                patients.append(a)
            elif not named:
                agents.append(a)
    if not agents and agent_spans and sent.attribution.attributed_to:
        # "The Taliban said they captured ...": a pronoun subject is the source that speaks.
        words = [sent.text[s - sent.start: e - sent.start].lower() for s, e in agent_spans]
        if any(w in ("they", "it", "we", "the group", "the militants", "the insurgents") for w in words):
            speaker = load_actors().find(sent.attribution.attributed_to, country=sent.home_country)
            if speaker:
                a = speaker[0]
                agents = [ActorMention(a.name, a.kind, a.text, sent.attribution.start or 0,
                                       (sent.attribution.start or 0) + len(a.text))]
    main_sp = sent.agent_spans.get(draft.trigger.start, ([], []))[0]
    if not agents and patients and not (_own_subject_unknown(draft, sent, main_sp) and not any(
            a.start < draft.trigger.start for a in actors)):
        # The parse found the victims but not who acted: another armed actor named in the sentence (not where
        # the parse names the draft's own subject, no known actor, and every actor comes after the word: "an
        # alliance of armed groups captured the town, and junta troops left ...": who acted is that subject).
        agents = [a for a in actors if a not in patients and a.kind != "civilians"
                  and a.name not in {p.name for p in patients}][:1]
    if len(agents) > 1:
        # The main word's own subject first ("insurgents beheaded four men ..., while troops drove the fighters
        # out": the troops drove them out).
        agents.sort(key=lambda a: not any(s <= a.start and a.end <= e for s, e in main_sp))
    return agents, patients


def _own_subject_unknown(draft: Draft, sent: SentenceMentions, agent_spans: list[tuple[int, int]]) -> bool:
    """Whether the parse gives the draft's verb a subject of its own that names no known actor and is not a
    pronoun ("a week after rebels seized it"): then the actors named before it belong to another clause."""
    span = sent.span
    if span is None or not agent_spans or not hasattr(span, "__iter__"):
        return False
    token = token_at(span, draft.trigger.start)
    if token is None or token.pos_ != "VERB":
        return False
    if token.tag_ == "VBN" and not any(c.dep_ == "aux" for c in token.children):
        return False  # "left one student injured": a participle's subject is who it happened to
    for child in token.children:
        if child.dep_ == "nsubj" and child.pos_ != "PRON":
            left, right = child.left_edge, child.right_edge
            if (left.idx, right.idx + len(right.text)) in agent_spans:
                return True
    return False


def unique(actors: list[ActorMention]) -> list[ActorMention]:
    """Each actor once, by name, first mention kept."""
    seen, out = set(), []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


def distinct_sides(actor1s: list[ActorMention],
                   actor2s: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
    """Each side's actors once, and no actor on both sides (actor1 keeps it)."""
    actor1s = unique(actor1s)
    return actor1s, unique([a for a in unique(actor2s) if a.name not in {x.name for x in actor1s}])


def holder_from_context(etype: str, actor1s: list[ActorMention], place: PlaceMention | None,
                        earlier: list[Event]) -> list[ActorMention]:
    """"...only to lose it again": a capture with no one named taking it is by whoever held the other side
    at that place in the latest ``earlier`` event there."""
    if etype not in ("territory_captured", "territory_regained") or actor1s:
        return actor1s
    want_state = etype == "territory_regained"
    here = place[2] if place else None
    for old in reversed(earlier):
        if here is None or old.location is None or old.location.name != here.name:
            continue
        side = [a for a in old.actors if is_state(a) == want_state and a.kind != "civilians"]
        if side:
            return [side[0]]
    return actor1s


def event_actors(actor1s: list[ActorMention], actor2s: list[ActorMention]) -> list[ActorMention]:
    """The event's actors with their roles: the first of each side, and an associate that fights on the same
    side ("Afghan forces and pro-government militias")."""
    out = []
    for a in actor1s[:1]:
        out.append(ActorMention(a.name, a.kind, a.text, a.start, a.end, "actor1"))
    for a in actor2s[:1]:
        out.append(ActorMention(a.name, a.kind, a.text, a.start, a.end, "actor2"))
    for role, group in (("assoc_actor_1", actor1s), ("assoc_actor_2", actor2s)):
        for a in group[1:2]:
            if is_state(a) == is_state(group[0]) or a.kind == "political_militia":
                out.append(ActorMention(a.name, a.kind, a.text, a.start, a.end, role))
    return out
