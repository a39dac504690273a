"""Sentences -> events: triggers decide how many events a sentence tells and of which type; the mentions
(places, dates, quantities, actors) around each trigger fill it; the sentence's attribution makes its claim.

Rules, each from how ACLED codes and how news is written:
- every control trigger (capture, retake, lose, flee, retreat, surrender) is its own event, so "retook the
  town on Tuesday, only to lose it again the next day" gives two; violence words of one sentence (clashes,
  airstrikes, killed) make one event, of the most specific type, or join the control event they accompany;
- an event naming several districts becomes one event per district (ACLED's convention);
- a date, place or actor is taken from the words nearest its trigger; an event with none takes its
  sentence's earlier event's, and "it" / "the district" take the place of the article's latest event;
- an anaphoric date ("the next day") is resolved against the previous dated event of the article.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import lru_cache
from importlib import resources

from contested.actors import load_actors
from contested.attribution import PRONOUN_SOURCES as _PRONOUN_SOURCES
from contested.attribution import owner_matches, resolve_pronoun
from contested.dates import resolve_anaphoric
from contested.eventness import ASSERTED, NEGATED, REFERENCE
from contested.records import (
    ActorMention,
    Attribution,
    Claim,
    DateMention,
    DateSpan,
    Document,
    Event,
    Evidence,
    Location,
    Quantity,
    Rejection,
)
from contested.taxonomy import acled_type
from contested.textnorm import name_key
from contested.triggers import CONTROL_FAMILIES, Trigger
from contested.typing_model import active_model, retype

# Among violence words of one clause, the more specific type wins (ACLED codes "IED blast killed 3" as IED).
VIOLENCE_PRIORITY = ("disrupted", "suicide", "air", "explosive", "grenade", "shelling", "sexual", "clash", "abduction",
                     "kill")
VIOLENCE_TYPE = {
    "disrupted": "weapons_seized",
    "suicide": "suicide_bombing",
    "air": "air_strike",
    "explosive": "explosive_device",
    "grenade": "grenade",
    "shelling": "shelling",
    "abduction": "abduction",
    "sexual": "sexual_violence",
    "clash": "armed_clash",
    "kill": "armed_clash",
}
OTHER_TYPE = {
    "arrest": "arrest",
    "weapons": "weapons_seized",
    "property": "property_destruction",
    "displacement": "displacement",
    "camp": "camp_established",
    "mobilization": "mobilization",
    "agreement": "agreement",
    "diplomacy": "diplomacy",
    "protest": "protest",
    "riot": "riot",
}
# Weak families make an event only when nothing stronger is in the sentence.
WEAK_FAMILIES = ("weapons", "property", "displacement", "camp", "mobilization", "agreement", "protest", "riot",
                 "diplomacy", "arrest")

PEOPLE_UNITS = re.compile(
    r"^(soldiers|troops|militants|fighters|insurgents|policemen|police|officers|members|people|civilians|men|"
    r"guards|commandos|personnel|servicemen|rebels|prisoners|suspects|individuals|persons|terrorists|"
    r"commanders|women|children|militiamen|workers|employees)$"
)
PLACE_NOUNS = re.compile(
    r"\b(district|districts|town|city|village|base|checkpoints?|outposts?|posts?|area|centre|center|"
    r"headquarters|crossing|port|province|capital|territory|control|compound|garrison|airport|bazaar|highway)\b",
    re.IGNORECASE,
)
_ANAPHOR_PLACE = re.compile(
    r"\b(it|the (district|town|city|area|village|base|crossing|port|centre|center|province|capital|compound))\b",
    re.IGNORECASE,
)
_TOWARD_BEFORE = re.compile(r"\b(to|towards?|into|for)\s+(the\s+)?(city\s+of\s+|town\s+of\s+)?$", re.IGNORECASE)
_INTO_ITS_TERRITORY = re.compile(r"\b(into|to|onto) (its|their) (territory|soil|side)\b", re.IGNORECASE)
_DEST_BEFORE = re.compile(r"\b(into|to|with|toward|towards|across|neighbou?ring)\s+(the\s+)?$", re.IGNORECASE)
# Which earlier event types a denial or doubt using a given trigger family may be about.
_COMPATIBLE = {
    "capture": ("territory_captured", "territory_regained"),
    "regain": ("territory_regained", "territory_captured"),
    "lose": ("territory_captured", "territory_regained"),
    "surrender_place": ("territory_captured",),
    "flee": ("cross_border_flight", "retreat", "displacement"),
    "retreat": ("cross_border_flight", "retreat", "withdrawal"),
    "surrender": ("surrender",),
    "kill": ("armed_clash", "killing", "air_strike", "shelling", "explosive_device", "suicide_bombing",
             "territory_regained", "territory_captured"),
    "clash": ("armed_clash", "killing", "territory_regained", "territory_captured"),
}
# Background, not news: "the latest in a string of districts to fall since foreign forces began their
# withdrawal".
_BACKGROUND = re.compile(r"\b(since|the latest in|in a string of|a series of|as part of|ever since|"
                         r"bringing the (?:total|number|tally|toll))\b[^,.;]*$",
                         re.IGNORECASE)
# "in the fighting", "the attack", "the clashes": a definite article points back at an event already told.
_DEFINITE_BEFORE = re.compile(r"\b(the|these|those)\s+(\w+\s+)?$", re.IGNORECASE)
# "put the number at about 300": a figure about an event already told.
_FIGURE_CLAIM = re.compile(
    r"\b(put|puts|putting|placed|gave|estimated|estimates)\s+(the|their|its)\s+(number|figure|toll|death toll|"
    r"count|tally)\b|\b(number|figure|toll|tally)\s+(was|is|stood|stands)\s+(at|closer to)\b|\b(closer to|nearer to)\s+\d",
    re.IGNORECASE,
)
# "days after it fell": another time than the event before it in the sentence.
_SUBORDINATE_TIME = re.compile(r"\b(after|before|since|earlier|ago|previously|later|until|when)\b", re.IGNORECASE)


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


@dataclass(slots=True)
class _Draft:
    trigger: Trigger
    family: str
    extra: list[Trigger] = field(default_factory=list)
    places: list[tuple[int, int, Location]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)


def _nearest(items, key_span, drafts: list[_Draft], before_weight: float = 1.6, text: str = "", base: int = 0):
    """Assign each item (with .start/.end or a (start, end, ...) tuple) to the draft whose trigger is
    nearest; words after a trigger belong to it more readily than words before it, and words before a
    trigger and a comma ("...Qala-i-Naw on Wednesday, seizing") belong to the trigger before them."""
    out: dict[int, list] = {i: [] for i in range(len(drafts))}

    def before(e: int, ts: int) -> float:
        between = text[e - base: ts - base] if text else ""
        boundary = "," in between or ";" in between or " and " in between
        return (ts - e) * before_weight * (3 if boundary else 1)

    for item in items:
        s, e = key_span(item)
        best, best_d = None, None
        for i, d in enumerate(drafts):
            spans = [(d.trigger.start, d.trigger.end)] + [(t.start, t.end) for t in d.extra]
            dist = min((s - te) if s >= te else (before(e, ts) if e <= ts else 0) for ts, te in spans)
            if best_d is None or dist < best_d:
                best, best_d = i, dist
        if best is not None:
            out[best].append(item)
    return out


_THINGS = re.compile(
    r"\b(weapons?|rifles?|guns?|ammunition|vehicles?|motorcycles?|motorbikes?|tanks?|equipment|launchers?|pistols?|"
    r"radios?|kalashnikovs?|AK-47s?|uniforms?|explosives|rounds|humvees?|trucks?|cars?|arms|munitions|"
    r"machine guns?|RPGs?|materials?|supplies|drugs|narcotics|opium|heroin|cash|money)\b",
    re.IGNORECASE,
)
# Checkpoints and posts overrun in fighting: ACLED codes the fighting (an armed clash), not territory.
_POSTS = re.compile(r"\b(check ?posts?|checkpoints?|check points?|posts?|outposts?|points?|security posts?|positions?)\b",
                    re.IGNORECASE)
_INCLUDED = re.compile(r"(includ\w*|with air support|backed by|supported by|as well as)\W+(\w+\W+){0,4}$", re.IGNORECASE)


_WEAPON_FAMILIES = frozenset({"shelling", "explosive", "air", "grenade"})


def _weapon_as_object(sent: SentenceMentions, t: Trigger) -> bool:
    return t.start in sent.seized_words


def _capture_object(sent: SentenceMentions, t: Trigger) -> str | None:
    """What a capture word captured: a place, people (an arrest) or things (weapons), from the words
    that follow it (active) or come before "were/was" (passive)."""
    rel = t.start - sent.start
    before = sent.text[max(0, rel - 60): rel]
    passive = re.search(r"\b(were|was|been|be|are|is)\s+(\w+\s+)?$", before, re.IGNORECASE)
    if passive:
        region = re.split(r"[,;]|\band\b", before[: passive.start()])[-1]
    else:
        after = sent.text[t.end - sent.start: t.end - sent.start + 50]
        region = re.split(r"[,;]|\b(in|on|at|near|after|during|by|from)\b", after)[0]
    if _POSTS.search(region) and not re.search(r"\b(district|town|city|centre|center|headquarters|crossing|base)\b",
                                               region, re.IGNORECASE):
        return "posts"
    if passive and re.fullmatch(r"\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*", region, re.IGNORECASE):
        return "people"  # "9 were killed, 1 was captured"
    if PLACE_NOUNS.search(region) or any(p[0] >= 0 and t.start - 70 <= p[0] <= t.end + 50
                                         and (p[0] < t.start) == bool(passive) for p in sent.places
                                         if re.search(re.escape(p[2].text or p[2].name), region)):
        return "place"
    if _THINGS.search(region):
        return "things"
    if re.search(r"\b(\d+|one|two|three|four|five|several|dozens?|\w+ of)\b", region) and re.search(
        r"\b(\w*men|\w+ers|militants?|soldiers?|troops|police\w*|civilians?|commanders?|members?|people|suspects?|"
        r"personnel|prisoners?|guards?|officers?)\b", region, re.IGNORECASE
    ):
        return "people"
    return None


def _group(sent: SentenceMentions) -> list[_Draft]:
    """Triggers -> drafts: one per control trigger, violence words joined to one event."""
    triggers = []
    for t in sent.triggers:
        reason = sent.reasons.get(t.start, ASSERTED)
        # Event or not (eventness.py): only asserted clauses make events; a negated control word is kept for
        # the denial it may be of an event told before (build_events drops it where there is none).
        if reason != ASSERTED and not (reason == NEGATED and t.family in CONTROL_FAMILIES) and not (
                reason.startswith(REFERENCE)):
            continue
        if t.family == "capture" and not re.match(r"(fell|fall|falling|collapsed|entered|swept|under|came|come|now|was|were|is|are)", t.text, re.IGNORECASE):
            obj = _capture_object(sent, t)
            if obj == "people":
                t = Trigger("arrest", t.start, t.end, t.text)
            elif obj == "posts":
                t = Trigger("clash", t.start, t.end, t.text)
            elif obj == "things":
                t = Trigger("weapons", t.start, t.end, t.text)
        triggers.append(t)
    # A weapon named as a thing seized, destroyed or found ("1 RPG launcher was seized", "IEDs were
    # destroyed") is no attack with it.
    triggers = [t for t in triggers if not (t.family in _WEAPON_FAMILIES and _weapon_as_object(sent, t))]
    # Air strikes or mines named as part of an operation ("operations that included airstrikes") are part
    # of the clash (ACLED codes the operation).
    has_clash = any(t.family == "clash" for t in triggers)
    if has_clash:
        triggers = [
            Trigger("clash", t.start, t.end, t.text)
            if t.family in ("air", "explosive", "shelling") and _INCLUDED.search(sent.text[: t.start - sent.start])
            else t
            for t in triggers
        ]
    sent = dataclasses.replace(sent, triggers=triggers)
    control = [t for t in sent.triggers if t.family in CONTROL_FAMILIES]
    violence = [t for t in sent.triggers if t.family in VIOLENCE_TYPE]
    weak = [t for t in sent.triggers if t.family in OTHER_TYPE]
    control = [t for t in control
               if not _BACKGROUND.search(sent.text[max(0, t.start - sent.start - 60): t.start - sent.start])]
    violence = [t for t in violence
                if not _BACKGROUND.search(sent.text[max(0, t.start - sent.start - 60): t.start - sent.start])]
    weak = [t for t in weak if not _BACKGROUND.search(sent.text[max(0, t.start - sent.start - 60): t.start - sent.start])]
    crowd = [t for t in weak if t.family in ("protest", "riot")]
    if crowd and not control and not any(t.family in _WEAPON_FAMILIES | {"suicide", "disrupted"} for t in violence):
        # A demonstration is one event with what was done to it or by it: "police shot dead two protesters"
        # (excessive force), "rioters looted shops" (a violent demonstration), "a mob beat a man to death".
        kind = "riot" if any(t.family == "riot" for t in crowd) else "protest"
        main = next(t for t in crowd if t.family == kind)
        others = [t for t in violence + weak if t is not main]
        return [_Draft(main, kind, others)]
    drafts: list[_Draft] = []
    for t in control:
        prev = drafts[-1] if drafts else None
        if (prev is not None and prev.family == t.family and t.text.lower().endswith("ing")
                and re.search(r",\s*$", sent.text[: t.start - sent.start])):
            # "entered Qala-i-Naw on Wednesday, seizing the police headquarters": one capture.
            prev.extra.append(t)
            continue
        drafts.append(_Draft(t, t.family))
    if violence:
        if drafts:
            # Violence words join the nearest control event (its fatalities come with them).
            joined = _nearest(violence, lambda t: (t.start, t.end), drafts)
            for i, ts in joined.items():
                drafts[i].extra.extend(ts)
        else:
            fam = min((t.family for t in violence), key=VIOLENCE_PRIORITY.index)
            main = next(t for t in violence if t.family == fam)
            drafts.append(_Draft(main, fam, [t for t in violence if t is not main]))
    if not drafts and weak:
        fam = min((t.family for t in weak), key=WEAK_FAMILIES.index)
        main = next(t for t in weak if t.family == fam)
        drafts.append(_Draft(main, fam, [t for t in weak if t is not main]))
    drafts.sort(key=lambda d: d.trigger.start)
    return drafts


def _roles(draft: _Draft, sent: SentenceMentions, actors: list[ActorMention]) -> tuple[list, list]:
    """Agent and patient actors of a draft: from the parse where it says (agent_spans), else by position."""
    agents, patients = [], []
    agent_spans, patient_spans = [], []
    for t in [draft.trigger, *draft.extra]:
        a_sp, p_sp = sent.agent_spans.get(t.start, ([], []))
        agent_spans.extend(a_sp)
        patient_spans.extend(p_sp)
    if agent_spans or patient_spans:
        for a in actors:
            if any(s <= a.start and a.end <= e for s, e in agent_spans):
                agents.append(a)
            elif any(s <= a.start and a.end <= e for s, e in patient_spans):
                patients.append(a)
    if not agents and not patients:
        for a in actors:
            (agents if a.end <= draft.trigger.start else patients).append(a)
    if not agents and agent_spans and sent.attribution.attributed_to:
        # "The Taliban said they captured ...": a pronoun subject is the source that speaks.
        words = [sent.text[s - sent.start: e - sent.start].lower() for s, e in agent_spans]
        if any(w in ("they", "it", "we", "the group", "the militants", "the insurgents") for w in words):
            speaker = load_actors().find(sent.attribution.attributed_to)
            if speaker:
                a = speaker[0]
                agents = [ActorMention(a.name, a.kind, a.text, sent.attribution.start or 0,
                                       (sent.attribution.start or 0) + len(a.text))]
    if not agents and patients:
        # The parse found the victims but not who acted: another armed actor named in the sentence.
        agents = [a for a in actors if a not in patients and a.kind != "civilians"
                  and a.name not in {p.name for p in patients}][:1]
    return agents, patients


def _unique(actors: list[ActorMention]) -> list[ActorMention]:
    seen, out = set(), []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


def _is_state(a: ActorMention | None) -> bool:
    return a is not None and a.kind in ("state_forces", "external")


_TWO_SIDED = re.compile(r"(clash|fight|fought|battl|gunfight|firefight|skirmish|exchange|hostilit|gun ?battle)",
                        re.IGNORECASE)
_ONE_SIDED = re.compile(r"(attack|raid|target|shot|shoot|open|storm|assault|fired|firing|gunfire|ambush)", re.IGNORECASE)


def _decide_type(draft: _Draft, sent: SentenceMentions, agents, patients, places) -> tuple[str, str | None, list, list]:
    """The event type, its detail, and actor1/actor2 lists (possibly swapped for 'lose' / 'fell to')."""
    fam = draft.family
    a1 = agents[0] if agents else None
    detail = None
    text_after = sent.text[draft.trigger.end - sent.start: draft.trigger.end - sent.start + 60]
    if fam in ("capture", "regain", "lose", "surrender_place"):
        # "captured three militants" is an arrest, not a capture of territory.
        if (fam == "capture" and not places and not PLACE_NOUNS.search(text_after)
                and not re.match(r"(fell|fall|fallen|falling|collapsed|entered)", draft.trigger.text, re.IGNORECASE)):
            people = [q for q in draft.quantities if PEOPLE_UNITS.match(q.unit)]
            if people or (patients and not _is_state(patients[0]) and patients[0].start > draft.trigger.start):
                return "arrest", None, agents, patients
            if re.match(r"\s+(?:\w+\s+){0,2}(militants?|fighters?|insurgents?|members?|commanders?|suspects?)",
                        text_after, re.IGNORECASE):
                return "arrest", None, agents, patients
        if re.match(r"(?:fall|fell|falling|fallen)", draft.trigger.text, re.IGNORECASE):
            # "X fell to the Taliban": the actor follows the trigger.
            agents, patients = [p for p in patients if not _is_state(p)] or agents, [
                a for a in agents if _is_state(a)
            ]
            a1 = agents[0] if agents else None
        if fam == "lose":
            # The loser is the subject: government forces losing a place is a capture by the other side.
            losers = agents
            winners = [p for p in patients if p.kind not in (losers[0].kind if losers else None,)]
            if losers and not _is_state(losers[0]):
                return "territory_regained", None, winners, losers
            if not losers and not winners and not places and not PLACE_NOUNS.search(text_after) and not _ANAPHOR_PLACE.match(text_after.strip()):
                return "other", None, agents, patients  # "lost three soldiers"
            return "territory_captured", None, winners, losers
        if fam == "surrender_place":
            detail = "non_violent"
            # The ones who hand over are the losers; the ones it is handed to capture it.
            winners = [p for p in patients if not _is_state(p)]
            return ("territory_captured", detail, winners, agents)
        if fam == "regain":
            if a1 is not None and not _is_state(a1):
                return "territory_captured", None, agents, patients
            return "territory_regained", None, agents, patients
        if _is_state(a1):
            return "territory_regained", None, agents, patients
        return "territory_captured", None, agents, patients
    if fam == "flee":
        foreign = [loc for _, _, loc in draft.places if loc.country and loc.country != sent.home_country and loc.feature == "country"]
        if foreign or re.search(r"\b(border|across|neighbou?ring|(into|to|onto) (its|their) (territory|soil|side))\b",
                                sent.text, re.IGNORECASE):
            return "cross_border_flight", None, agents, patients
        if agents and agents[0].kind == "civilians" or re.search(r"\b(families|residents|villagers|civilians|homes)\b",
                                                                   sent.text, re.IGNORECASE):
            return "displacement", None, agents, patients
        return "retreat", None, agents, patients
    if fam == "retreat":
        foreign_dest = [loc for _, _, loc in draft.places if loc.feature == "country" and loc.country != sent.home_country]
        if a1 is not None and a1.kind == "external":
            return "withdrawal", None, agents, patients
        if foreign_dest and re.search(r"\b(into|to|across)\b", sent.text) or _INTO_ITS_TERRITORY.search(sent.text):
            return "cross_border_flight", None, agents, patients
        return "retreat", None, agents, patients
    if fam == "surrender":
        return "surrender", None, agents, patients
    if fam in VIOLENCE_TYPE:
        etype = VIOLENCE_TYPE[fam]
        words = [draft.trigger, *draft.extra]
        # "clashes", "fought", "exchanged fire": both sides armed, whoever died.
        two_sided = any(_TWO_SIDED.match(t.text) for t in words)
        if etype == "armed_clash" and (fam == "kill" or any(t.family == "kill" for t in draft.extra) or any(
                _ONE_SIDED.match(t.text) for t in words)):
            victims = [a for a in patients if a.kind == "civilians"] or [a for a in agents if a.kind == "civilians"]
            armed = [a for a in agents + patients if a.kind != "civilians"]
            if victims and not [a for a in patients if a.kind != "civilians" and a.start > draft.trigger.start]:
                # An attack on unarmed people: the perpetrator is actor1, the civilians actor2.
                return "killing", None, [a for a in armed if a not in victims], victims
            targets, attackers = _targets(draft, sent)
            unarmed = "civilian" in targets and "armed" not in targets
            if not targets and not sent.actors and "armed" not in attackers and sent.span is not None:
                # "a man was shot dead": nobody armed is named on either side.
                unarmed = True
            if unarmed and not two_sided:
                if "crowd" in attackers and "armed" not in attackers:
                    # "villagers beat a man accused of theft": violence by a crowd (ACLED's mob violence).
                    return "riot", "mob_violence", agents, patients
                # "gunmen shot dead a trader", "a woman was found dead": violence against unarmed people.
                return "killing", None, agents, patients
        return etype, None, agents, patients
    if fam in ("protest", "riot"):
        etype, detail = _crowd_type(draft, sent)
        return etype, detail, agents, patients
    return OTHER_TYPE.get(fam, "other"), None, agents, patients


@lru_cache(maxsize=1)
def _target_words() -> dict[str, frozenset[str]]:
    data = json.loads(resources.files("contested").joinpath("data/targets.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


def _noun_kind(tok, words: dict[str, frozenset[str]], key_armed: str = "armed") -> set[str]:
    """'civilian' / 'armed' / 'crowd' for a noun phrase's head and the nouns joined to it ("a man and his son")."""
    out = set()
    nouns, todo = [], [tok]
    while todo and len(nouns) < 12:  # "4 militants, 1 civilian, and 3 soldiers": conj chains
        t = todo.pop()
        nouns.append(t)
        todo.extend(c for c in t.children if c.dep_ == "conj")
    for t in nouns:
        lemma = t.lemma_.lower()
        if lemma in words["armed"] or t.lower_ in words["armed"] or any(
                c.dep_ in ("compound", "amod") and (c.lemma_.lower() in words["armed"] or c.lower_ in words["armed"])
                for c in t.children):
            out.add(key_armed)  # "police chief", "NDS employee", "Taliban camps" are armed
        elif lemma in words["civilian"] or t.lower_ in words["civilian"]:
            out.add("civilian")
        if lemma in words["crowd_agents"]:
            out.add("crowd")
        # "members of the Taliban", "a group of villagers": the noun after "of" says who.
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        out |= _noun_kind(g, words, key_armed) - {"crowd"} if lemma != "group" else _noun_kind(
                            g, words, key_armed)
    return out


def _targets(draft: _Draft, sent: SentenceMentions) -> tuple[set[str], set[str]]:
    """What kind of people or things the violence words of a draft were done to, and who did it, from the
    parse: objects and passive subjects of the verbs, "on"/"at"/"against" phrases."""
    if sent.span is None:
        return set(), set()
    words = _target_words()
    doc = sent.span.doc
    targets: set[str] = set()
    attackers: set[str] = set()
    for t in [draft.trigger, *draft.extra]:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        tok = span.root
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                targets |= _noun_kind(c, words)
            elif c.dep_ == "prep" and c.lower_ in ("on", "at", "against"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        targets |= _noun_kind(g, words)
            elif c.dep_ == "nsubj":
                attackers |= _noun_kind(c, words)
            elif c.dep_ == "agent":
                for g in c.children:
                    attackers |= _noun_kind(g, words)
        if tok.pos_ in ("NOUN", "PROPN"):
            for c in tok.children:  # "an attack on a village"
                if c.dep_ == "prep" and c.lower_ in ("on", "against"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            targets |= _noun_kind(g, words)
    return targets, attackers - {"civilian"} if "armed" in attackers else attackers


@lru_cache(maxsize=1)
def _crowd_words() -> dict[str, list[str]]:
    data = json.loads(resources.files("contested").joinpath("data/crowds.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


_CROWD_MATCHERS: dict[int, object] = {}


def _crowd_cues(sent: SentenceMentions) -> set[str]:
    """Which kinds of crowd words (intervention, lethal, violence_by_crowd, mob) the sentence holds."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    span = sent.span if sent.span is not None else _blank().make_doc(sent.text)
    vocab = span.doc.vocab if hasattr(span, "doc") else span.vocab
    matcher = _CROWD_MATCHERS.get(id(vocab))
    if matcher is None:
        tokenizer = _blank().tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for kind, phrases in _crowd_words().items():
            matcher.add(kind, [Doc(vocab, words=[t.text for t in tokenizer(p)]) for p in phrases])
        _CROWD_MATCHERS[id(vocab)] = matcher
    doc = span.doc if hasattr(span, "doc") else span
    out = set()
    for m_id, s, e in matcher(span):  # offsets in the document
        root = doc[s:e].root
        if root.lemma_.lower() in ("arrest", "detain") and root.pos_ != "VERB":
            continue  # "protested against the arrest of an editor": no arrest of the protesters
        out.add(vocab.strings[m_id])
    return out


@lru_cache(maxsize=1)
def _blank():
    import spacy

    return spacy.blank("en")


def _crowd_type(draft: _Draft, sent: SentenceMentions) -> tuple[str, str]:
    """Protest or riot, and its ACLED sub-kind, from the crowd words and the other triggers of the sentence."""
    cues = _crowd_cues(sent)
    families = {t.family for t in draft.extra}
    if "mob" in cues and draft.family == "riot" and re.search(r"\b(mobs?|lynch\w*|vigilantes?)\b", draft.trigger.text,
                                                             re.IGNORECASE):
        return "riot", "mob_violence"
    if draft.family == "riot":
        return "riot", "violent_demonstration"
    if "kill" in families or "lethal" in cues:
        return "protest", "excessive_force"
    if "violence_by_crowd" in cues or "property" in families:
        return "riot", "violent_demonstration"
    if "intervention" in cues or "clash" in families:
        return "protest", "with_intervention"
    return "protest", "peaceful"


def _drop_parents(places: list[tuple[int, int, Location]]) -> list[tuple[int, int, Location]]:
    """Drop a province or country when a place inside it is also named ("Khwaja Ghar district of Takhar")."""
    provinces = [p for p in places if p[2].feature == "province"]
    if provinces:
        # "the Aqina border crossing ... in Faryab province": a place known only by name is in the province
        # the sentence puts it in.
        merged = []
        for p in places:
            loc = p[2]
            if loc.country is None and loc.admin1 is None and p[0] >= 0:
                prov = min(provinces, key=lambda q: abs(q[0] - p[0]))[2]
                loc = dataclasses.replace(loc, country=prov.country, admin1=prov.admin1)
                p = (p[0], p[1], loc)
            merged.append(p)
        places = merged
    out = []
    for p in places:
        loc = p[2]
        inner = False
        for q in places:
            if q is p or (p[0] >= 0 and q[0] >= 0 and abs(p[0] - q[0]) > 60):
                continue
            other = q[2]
            if loc.feature == "country" and other.country == loc.country and other.feature != "country":
                inner = True
            elif loc.feature == "province" and other.admin1 == loc.admin1 and other.feature not in ("province", "country"):
                inner = True
            elif (
                loc.feature == "district" and other.admin2 == loc.admin2 and other.admin1 == loc.admin1
                and other.feature not in ("province", "country", "district")
            ):
                inner = True
            elif (
                # "Deh Salah district of Baghlan": the town named like the province stands for the province.
                loc.feature == "populated_place" and loc.admin1 and name_key(loc.name) == name_key(loc.admin1)
                and other.admin1 == loc.admin1 and other.feature in ("district", "populated_place")
                and name_key(other.name) != name_key(loc.name) and q[0] < p[0]
            ):
                inner = True
        if not inner:
            out.append(p)
    # The same place named twice counts once.
    seen, uniq = set(), []
    for p in out:
        k = (p[2].name, p[2].admin1, p[2].admin2)
        if k not in seen:
            seen.add(k)
            uniq.append(p)
    return uniq


def _event_id(doc_id: str, *parts) -> str:
    h = hashlib.sha1("|".join([doc_id, *map(str, parts)]).encode()).hexdigest()
    return h[:16]


# What actor1 did, in ACLED's note style; "{a2}" is filled with the other side where the text names it.
_TYPE_PHRASE = {
    "territory_captured": "took control of {where}{from_a2}",
    "territory_regained": "regained control of {where}{from_a2}",
    "armed_clash": "clashed with {a2}{in_where}",
    "air_strike": "carried out an air strike{on_a2}{in_where}",
    "shelling": "shelled{on_a2}{in_where}",
    "explosive_device": "an explosive device went off{in_where}",
    "suicide_bombing": "a suicide bombing took place{in_where}",
    "grenade": "a grenade attack took place{in_where}",
    "killing": "attacked {a2}{in_where}",
    "abduction": "abducted {a2}{in_where}",
    "arrest": "arrested {a2}{in_where}",
    "surrender": "surrendered{in_where}",
    "retreat": "withdrew{from_where}",
    "withdrawal": "withdrew{from_where}",
    "cross_border_flight": "crossed the border{from_where}",
    "displacement": "were displaced{in_where}",
    "weapons_seized": "weapons were seized or defused{in_where}",
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _when(d: DateSpan | None) -> str:
    if d is None:
        return "On an unknown date"
    if d.precision == "day":
        return f"On {d.start.day} {_MONTHS[d.start.month - 1]} {d.start.year}"
    if d.precision == "month" and (d.start.year, d.start.month) == (d.end.year, d.end.month):
        return f"In {_MONTHS[d.start.month - 1]} {d.start.year}"
    if d.precision == "month":
        return f"Between {_MONTHS[d.start.month - 1]} and {_MONTHS[d.end.month - 1]} {d.end.year}"
    if d.precision == "year":
        return f"In {d.start.year}"
    return f"Between {d.start.day} {_MONTHS[d.start.month - 1]} and {d.end.day} {_MONTHS[d.end.month - 1]} {d.end.year}"


def summarize(event: Event) -> str:
    """One sentence in the style of ACLED's notes, from the event's fields only (nothing added)."""
    a1 = next((a.name for a in event.actors if a.role == "actor1"), None)
    a2 = next((a.name for a in event.actors if a.role == "actor2"), None)
    loc = event.location
    where = "an unnamed place"
    if loc is not None:
        where = loc.name + (f" ({loc.admin1})" if loc.admin1 and loc.admin1 != loc.name else "")
    phrase = _TYPE_PHRASE.get(event.type, event.type.replace("_", " ") + "{in_where}").format(
        where=where,
        from_a2=f" from {a2}" if a2 else "",
        a2=a2 or "an unidentified side",
        on_a2=f" on {a2}" if a2 else "",
        in_where=f" in {where}" if loc else "",
        from_where=f" from {where}" if loc else "",
    )
    if event.type == "cross_border_flight" and event.detail:
        phrase += f" {event.detail}"
    subject = a1 or ("" if phrase[0].islower() and phrase.startswith(("an ", "a ", "weapons")) else "unidentified actors")
    text = f"{_when(event.date)}, {subject + ' ' if subject else ''}{phrase}."
    for stance, words in (("asserts", "According to"), ("denies", "Denied by"), ("doubts", "Doubted by")):
        sources = sorted({c.attributed_to for c in event.claims if c.attributed_to and c.stance == stance})
        if sources:
            text += f" {words} " + "; ".join(sources) + "."
    if event.quantities:
        text += " Figures: " + "; ".join(q.text or f"{q.value} {q.unit}" for q in event.quantities) + "."
    if event.fatalities is not None:
        text += f" Fatalities: {event.fatalities}."
    return text


def build_events(doc: Document, sentences: list[SentenceMentions]) -> list[Event]:
    events: list[Event] = []
    last_dated: DateSpan | None = None
    last_place: tuple[int, int, Location] | None = None
    last_place_sentence = -10
    last_place_paragraph = -1
    last_sources: list[Attribution] = []  # the sources named so far, for "he said", "they added"
    last_event_sentence = -10
    events_of_sentence: dict[int, list[Event]] = {}
    type_model, type_threshold = active_model()  # a user's trained classifier (--model DIR), else None

    for si, sent in enumerate(sentences):
        attribution = sent.attribution
        if attribution.source_kind == "pronoun" or attribution.attributed_to in _PRONOUN_SOURCES:
            attribution = resolve_pronoun(attribution, last_sources)
        elif attribution.attributed_to:
            last_sources.append(attribution)

        drafts = _group(sent)
        if attribution.stance == "asserts" and any(
            t.family in CONTROL_FAMILIES and sent.reasons.get(t.start) == NEGATED for t in sent.triggers
        ):
            # "Local officials said the Taliban had not captured the city": a denial of the capture told.
            attribution = dataclasses.replace(attribution, stance="denies")
            drafts = [d for d in drafts if d.family not in VIOLENCE_TYPE]
        recent = [ev for k in sorted(events_of_sentence, reverse=True)[:3] if si - k <= 3
                  for ev in reversed(events_of_sentence[k])]
        if not drafts:
            # "The Taliban denied the claim", "An official put the number at about 300": a claim about the
            # events just told.
            figure = _FIGURE_CLAIM.search(sent.text) and sent.quantities
            if sent.triggers and not any(_may_be_about_told(sent, t) for t in sent.triggers):
                # Every event word of the sentence is in a clause that tells no event ("would not negotiate
                # with the kidnappers"): a statement about what may come, not a claim on what was told.
                continue
            if (attribution.stance in ("denies", "doubts") or figure) and recent:
                targets = events_of_sentence.get(last_event_sentence, []) if si - last_event_sentence <= 2 else []
                if figure:
                    units = {q.unit for q in sent.quantities}
                    targets = [ev for ev in recent if {q.unit for q in ev.quantities} & units][:1] or targets[:1]
                for ev in targets:
                    _add_claim(ev, doc, sent, attribution, None, sent.quantities)
            continue

        # Distribute mentions to drafts.        # Distribute mentions to drafts.
        # Places and dates mostly follow their verb ("retook the town on Tuesday, only to lose it the next
        # day"): a word goes to the trigger before it unless it is much nearer to the one after it.
        for i, items in _nearest(sent.places, lambda p: (p[0], p[1]), drafts, 4.0, sent.text, sent.start).items():
            drafts[i].places = items
        for i, items in _nearest(sent.dates, lambda d: (d.start, d.end), drafts, 4.0, sent.text, sent.start).items():
            drafts[i].dates = items
        for i, items in _nearest(sent.quantities, lambda q: (q.start, q.end), drafts, before_weight=1.2).items():
            drafts[i].quantities = items

        sentence_events: list[Event] = []
        prev_in_sentence: Event | None = None
        prev_trigger_end = 0  # where the previous event's word ends, in the sentence
        if recent or any(sent.reasons.get(d.trigger.start, "").startswith(REFERENCE) for d in drafts):
            # A denial ("denied that Imam Sahib had fallen") or a retelling ("were killed in the fighting")
            # that names no new date is a claim about an event already told: the latest of a compatible type
            # at the same place.
            kept = []
            for draft in drafts:
                own_date = [d for d in draft.dates if not d.anaphoric]
                definite = _DEFINITE_BEFORE.search(sent.text[: draft.trigger.start - sent.start]) and not draft.places
                # "after the attacks", "condemned this attack": a retelling of an event of the article.
                reference = sent.reasons.get(draft.trigger.start, "").startswith(REFERENCE)
                if reference:
                    definite, own_date = True, []
                if own_date or not (attribution.stance in ("denies", "doubts") or definite):
                    kept.append(draft)
                    continue
                prefs = _COMPATIBLE.get(draft.family) or (VIOLENCE_TYPE.get(draft.family),)
                names = {p[2].name for p in draft.places}
                target = None
                pool = recent + [ev for ev in reversed(events) if ev not in recent] if reference else recent
                for etype in prefs:
                    target = next((ev for ev in pool if ev.type == etype and (
                        not names or (ev.location is not None and ev.location.name in names))), None)
                    if target is not None:
                        break
                if target is None and definite and draft.family in VIOLENCE_TYPE:
                    target = next((ev for ev in pool if ev.location is not None), None)
                if target is None:
                    kept.append(draft)
                    continue
                _add_claim(target, doc, sent, attribution, draft, draft.quantities)
            drafts = kept
        # A denial of nothing told before asserts nothing, and a reference to nothing told is no new event.
        drafts = [d for d in drafts if sent.reasons.get(d.trigger.start, ASSERTED) == ASSERTED]
        for draft in drafts:
            agents, patients = _roles(draft, sent, sent.actors)
            # A foreign country named after "into", "to", "with" is where people went or whom a border is
            # shared with, not where the event happened.
            dest = [p for p in draft.places if p[2].feature == "country" and p[2].country != sent.home_country
                    and _DEST_BEFORE.search(sent.text[max(0, p[0] - sent.start - 25): p[0] - sent.start])]
            if draft.family in ("flee", "retreat"):
                # "retreated to Mazar-i-Sharif": where they went is not where it happened.
                dest += [p for p in draft.places if p not in dest and p[2].feature != "country"
                         and _TOWARD_BEFORE.search(sent.text[max(0, p[0] - sent.start - 25): p[0] - sent.start])]
            places = _drop_parents([p for p in draft.places if p not in dest])
            etype, detail, actor1s, actor2s = _decide_type(draft, sent, agents, patients, places)
            if etype == "other" and draft.family == "lose":
                continue
            actor1s, actor2s = _unique(actor1s), _unique([a for a in _unique(actor2s) if a.name not in {x.name for x in actor1s}])
            if etype == "cross_border_flight" and not dest and _INTO_ITS_TERRITORY.search(sent.text):
                # "Uzbekistan said 84 Afghan troops had crossed into its territory": the source's country.
                dest = [p for p in sent.source_places if p[2].feature == "country" and p[2].country != sent.home_country]
            dest = [p for p in dest if p[2].feature == "country"] or dest
            if etype == "cross_border_flight" and dest:
                # The event happened where they fled from; the destination is the detail.
                detail = f"to {dest[0][2].name}"
                places = [p for p in places if p[2].country != dest[0][2].country]
            # Dates: the nearest absolute one, else an anaphoric one resolved against the last dated event.
            date_span, date_mention = None, None
            for dm in sorted(draft.dates, key=lambda d: abs(d.start - draft.trigger.start)):
                if dm.span is not None:
                    date_span, date_mention = dm.span, dm
                    break
                if dm.anaphoric:
                    anchor = (prev_in_sentence.date if prev_in_sentence and prev_in_sentence.date else last_dated)
                    if anchor is not None:
                        date_span, date_mention = resolve_anaphoric(dm, anchor), dm
                        break
            if date_span is None and prev_in_sentence is not None and not _SUBORDINATE_TIME.search(
                sent.text[prev_trigger_end: draft.trigger.start - sent.start]
            ):
                date_span = prev_in_sentence.date
            if not places and sent.weak_places:
                places = sent.weak_places[:1]
            date_from_report = False
            if date_span is None and sent.report_dates and draft.family in CONTROL_FAMILIES | set(VIOLENCE_TYPE):
                # "have taken control of Islam Qala, officials said on Friday": it happened in the days up to
                # the statement. A week's span says no more than that.
                said = sent.report_dates[0]
                date_span = DateSpan(said.span.start - timedelta(days=6), said.span.end, "week",
                                     f"{said.text} (date of the statement)")
                date_mention, date_from_report = said, True
            context_place = False
            if (not places and prev_in_sentence is None and last_place is not None and si - last_place_sentence == 1
                    and sent.paragraph == last_place_paragraph and draft.family in CONTROL_FAMILIES
                    and not sent.places and (date_span is None or date_span.precision == "day")
                    and not any(PLACE_NOUNS.search(q.unit) for q in draft.quantities)):
                # "A day later, government forces pushed them back": the story goes on at the same place.
                places = [(-1, -1, last_place[2])]
                context_place = True
            if not places:
                if prev_in_sentence is not None and prev_in_sentence.location is not None:
                    places = [(-1, -1, prev_in_sentence.location)]
                elif last_place is not None and si - last_place_sentence <= 3 and _ANAPHOR_PLACE.search(
                    sent.text[draft.trigger.end - sent.start:]
                ):
                    places = [(-1, -1, last_place[2])]
                    context_place = True
            if (date_span is None and context_place and events and events[-1].date is not None
                    and si - last_event_sentence == 1 and sent.paragraph == last_place_paragraph
                    and events[-1].location is not None and events[-1].location.name == places[0][2].name):
                # "Taliban overtook the district center": the story told one sentence before goes on, same
                # place and, with no other date given, the same day.
                date_span = events[-1].date
                date_from_context = True
            else:
                date_from_context = False
            target_places = places or [None]
            if etype in ("territory_captured", "territory_regained") and not actor1s:
                # "...only to lose it again": who took it is whoever held the other side at that place before.
                want_state = etype == "territory_regained"
                here = target_places[0][2] if target_places[0] else None
                for old in reversed(events + sentence_events):
                    if here is None or old.location is None or old.location.name != here.name:
                        continue
                    side = [a for a in old.actors if _is_state(a) == want_state and a.kind != "civilians"]
                    if side:
                        actor1s = [side[0]]
                        break
            # Quantities: the killed count is ACLED's fatalities; several places share it (ACLED splits).
            killed = sum(q.value for q in draft.quantities if q.killed)
            fatalities = killed if any(q.killed for q in draft.quantities) else None
            split = len(target_places) if fatalities is not None and len(target_places) > 1 else 1
            for pi, place in enumerate(target_places):
                ev_fatalities = None
                if fatalities is not None:
                    ev_fatalities = fatalities // split + (1 if pi < fatalities % split else 0)
                claim = _claim(doc, sent, attribution)
                ev = Event(
                    id=_event_id(doc.doc_id, sent.start, draft.trigger.start, place[2].name if place else ""),
                    type=etype,
                    acled_event_type=acled_type(etype, detail).event_type,
                    acled_sub_event_type=acled_type(etype, detail).sub_event_type,
                    detail=detail,
                    date=date_span,
                    location=place[2] if place else None,
                    quantities=[_copy_q(q, 0) for q in draft.quantities],
                    fatalities=ev_fatalities,
                    claims=[claim],
                    trigger=draft.trigger.text,
                )
                for a in actor1s[:1]:
                    ev.actors.append(ActorMention(a.name, a.kind, a.text, a.start, a.end, "actor1"))
                for a in actor2s[:1]:
                    ev.actors.append(ActorMention(a.name, a.kind, a.text, a.start, a.end, "actor2"))
                # An associate fights on the same side ("Afghan forces and pro-government militias").
                for role, group in (("assoc_actor_1", actor1s), ("assoc_actor_2", actor2s)):
                    for a in group[1:2]:
                        if _is_state(a) == _is_state(group[0]) or a.kind == "political_militia":
                            ev.actors.append(ActorMention(a.name, a.kind, a.text, a.start, a.end, role))
                if split > 1:
                    ev.flags.append("fatalities_split")
                if date_from_report:
                    ev.flags.append("date_from_report")
                if context_place:
                    ev.flags.append("place_from_context")
                if date_from_context:
                    ev.flags.append("date_from_context")
                if date_span is None:
                    ev.flags.append("undated")
                elif doc.published and date_span.start > doc.published:
                    ev.flags.append("future_date")
                if date_mention is not None and date_mention.span is None and not date_mention.anaphoric:
                    ev.flags.append("no_reference_date")
                if attribution.hedged:
                    ev.flags.append("hedged")
                if attribution.stance == "denies":
                    ev.flags.append("denied")
                ev.evidence.append(_evidence(draft, date_mention, place, ev.actors, attribution))
                ev.evidence[-1].reason = sent.reasons.get(draft.trigger.start, ASSERTED)
                if type_model is not None:
                    retype(ev, sent.text, type_model, type_threshold)
                ev.confidence = _confidence(ev, attribution)
                ev.summary = summarize(ev)
                sentence_events.append(ev)
                prev_in_sentence = ev
                prev_trigger_end = draft.trigger.end - sent.start
            for dm in draft.dates:
                if dm.span is not None and dm.span.precision == "day":
                    last_dated = dm.span
            if date_span is not None:
                last_dated = date_span
        # Sentences without triggers still name places that "the district" may refer to later.
        named = [p for p in sent.places if p[2].feature in ("district", "populated_place", "border_crossing", "base")]
        if sentence_events and sentence_events[-1].location is not None:
            last_place = (-1, -1, sentence_events[-1].location)
            last_place_sentence, last_place_paragraph = si, sent.paragraph
        elif named:
            last_place = named[-1]
            last_place_sentence, last_place_paragraph = si, sent.paragraph
        if len(sentence_events) > 1:
            # "pulled out of Kohistan on Wednesday in what officials called a tactical retreat": two words,
            # one event (same type, place and date in one sentence).
            unique: list[Event] = []
            for ev in sentence_events:
                twin = next((u for u in unique if u.type == ev.type and u.date == ev.date
                             and (u.location and u.location.name) == (ev.location and ev.location.name)), None)
                if twin is None:
                    unique.append(ev)
                else:
                    for name, spans in ev.evidence[0].marks.items():
                        for span in spans:
                            if span not in twin.evidence[0].marks.get(name, []):
                                twin.evidence[0].add(name, *span)
            sentence_events = unique
        if sentence_events:
            events.extend(sentence_events)
            events_of_sentence[si] = sentence_events
            last_event_sentence = si
    return events


def _add_claim(ev: Event, doc: Document, sent: SentenceMentions, attribution: Attribution, draft, quantities) -> None:
    """Another claim about an existing event: its figures point at the claim of whoever gives them (a figure
    called "the officials' figure" in an analyst's doubt is the officials'); ACLED's rule keeps the most
    conservative death toll; disagreement is flagged. A denial or doubt of a figure flags the figure
    (figure_denied, figure_doubted), not the event."""
    ev.claims.append(_claim(doc, sent, attribution))
    ev.evidence.append(_evidence(draft, None, None, [], attribution) if draft else Evidence())
    index = len(ev.claims) - 1
    if not draft:
        for q in quantities:
            ev.evidence[-1].add("quantities", q.start, q.end)
        ev.evidence[-1].add("attribution", attribution.start, attribution.end)
    claim = ev.claims[-1]
    for fig in claim.figure_stances:
        owner = next((i for i, c in enumerate(ev.claims[:-1]) if owner_matches(fig.get("owner"), c.attributed_to)
                      or any(owner_matches(fig.get("owner"), link.get("organisation")) for link in c.chain)), None)
        fig["owner_claim"] = owner
    for q in quantities:
        # A figure inside "the officials' figure of 300" belongs to the officials' claim where there is one.
        fig = next((f for f in claim.figure_stances if f.get("owner_claim") is not None
                    and f.get("start", -1) <= q.start < f.get("end", -1)), None)
        ev.quantities.append(_copy_q(q, fig["owner_claim"] if fig else index))
    killed = [q.value for q in quantities if q.killed]
    if killed:
        ev.fatalities = sum(killed) if ev.fatalities is None else min(ev.fatalities, sum(killed))
    ev.summary = summarize(ev)
    flag = {"denies": "denied", "doubts": "doubted"}.get(attribution.stance)
    if flag and attribution.about == "figure":
        flag = f"figure_{flag}"
    if flag and flag not in ev.flags:
        ev.flags.append(flag)
    for fig in claim.figure_stances:  # "..., though the figure could not be verified": the outlet's own doubt
        fig_flag = {"denies": "figure_denied", "doubts": "figure_doubted"}.get(fig.get("stance"))
        if fig_flag and fig_flag not in ev.flags:
            ev.flags.append(fig_flag)
    if attribution.hedged and "hedged" not in ev.flags:
        ev.flags.append("hedged")
    if figures_differ(ev.quantities) and "contested_figures" not in ev.flags:
        ev.flags.append("contested_figures")


# Words for the same people, so that "300 soldiers" and "600 troops" are seen as differing figures.
UNIT_GROUPS = {
    "troops": "soldiers", "servicemen": "soldiers", "personnel": "soldiers", "forces": "soldiers",
    "army soldiers": "soldiers", "commandos": "soldiers", "fighters": "militants", "insurgents": "militants",
    "policemen": "police", "officers": "police", "persons": "people", "individuals": "people",
}


def figures_differ(quantities: list[Quantity]) -> bool:
    """Different claims giving different figures for the same thing."""
    by_unit: dict[str, set[tuple[int, int | None]]] = {}
    for q in quantities:
        by_unit.setdefault(UNIT_GROUPS.get(q.unit, q.unit), set()).add((q.value, q.claim))
    for values in by_unit.values():
        claims = {c for _, c in values}
        if len(claims) > 1 and len({v for v, _ in values}) > 1:
            return True
    return False


def _copy_q(q: Quantity, claim_index: int) -> Quantity:
    return Quantity(q.value, q.qualifier, q.unit, q.low, q.high, q.text, q.start, q.end, claim_index, q.killed)


def _claim(doc: Document, sent: SentenceMentions, attribution: Attribution) -> Claim:
    """The claim a sentence makes through its attribution: who (the chain from the publishing outlet to the
    speaker), the cue, the content, the stance on the event and on figures, the hedges."""
    outlet = {"name": doc.source, "link": "outlet", "kind": "outlet", "title": None, "organisation": None,
              "via": None, "start": None, "end": None}
    chain = [outlet]
    for link in attribution.chain:
        if link.get("link") == "intermediary" and doc.source and name_key(link.get("name") or "") == name_key(doc.source):
            continue  # "told Example Wire" in Example Wire's own article: the outlet is the first link already
        chain.append({k: v for k, v in link.items() if k != "plural"})
    return Claim(
        doc_id=doc.doc_id,
        source=doc.source,
        published=doc.published,
        attributed_to=attribution.attributed_to,
        attribution_text=attribution.text,
        stance=attribution.stance,
        hedged=attribution.hedged,
        sentence=sent.text,
        span=(sent.start, sent.end),
        cue=attribution.cue,
        cue_span=attribution.cue_span,
        source_span=attribution.source_span,
        content_span=attribution.content_span,
        chain=chain,
        source_kind=attribution.source_kind,
        about=attribution.about,
        figure_stances=[dict(f) for f in attribution.figure_stances],
        hedges=list(attribution.hedges),
    )


def _evidence(draft: _Draft, date_mention, place, actors, attribution: Attribution) -> Evidence:
    ev = Evidence()
    ev.add("type", draft.trigger.start, draft.trigger.end)
    for t in draft.extra:
        ev.add("type", t.start, t.end)
    if date_mention is not None:
        ev.add("date", date_mention.start, date_mention.end)
    if place is not None and place[0] >= 0:
        ev.add("location", place[0], place[1])
    for a in actors:
        ev.add(a.role or "actor", a.start, a.end)
    for q in draft.quantities:
        ev.add("quantities", q.start, q.end)
    ev.add("attribution", attribution.start, attribution.end)
    return ev


def _confidence(ev: Event, attribution: Attribution) -> float:
    """How complete and how firmly stated the event is: not a probability, a ranking aid."""
    c = 0.4
    if ev.location is not None:
        c += 0.15 if ev.location.lat is not None else 0.05
    if ev.date is not None:
        c += 0.15 if ev.date.precision == "day" else 0.08
    if any(a.role == "actor1" for a in ev.actors):
        c += 0.1
    if attribution.attributed_to:
        c += 0.05
    if attribution.hedged:
        c -= 0.15
    if attribution.stance != "asserts" and attribution.about == "event":
        c -= 0.15  # a doubt on a figure is no doubt that the event happened
    return max(0.05, min(0.95, c))


def _may_be_about_told(sent: SentenceMentions, t: Trigger) -> bool:
    reason = sent.reasons.get(t.start, ASSERTED)
    return reason == ASSERTED or reason.startswith(REFERENCE) or (reason == NEGATED and t.family in CONTROL_FAMILIES)


def rejections(doc: Document, sentences: list[SentenceMentions]) -> list[Rejection]:
    """The trigger words whose clause tells no event, each with its reason (for explain and evaluate)."""
    out = []
    for sent in sentences:
        for t in sent.triggers:
            reason = sent.reasons.get(t.start, ASSERTED)
            if reason != ASSERTED:
                out.append(Rejection(doc.doc_id, t.text, t.family, t.start, t.end, reason, sent.text))
    return out
