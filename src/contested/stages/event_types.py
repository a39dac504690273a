"""Stage: a draft's event type, its detail and which actors are actor1 and actor2 (a capture by the state
is a recapture; "lost the district" is a capture by the other side; "killed" is a clash or an attack on
civilians, by the victims; a demonstration is a protest or a riot, by the crowd words)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from contested.config import ExtractionSettings
from contested.families import CROWD_FAMILIES, OTHER_TYPE, VIOLENCE_TYPE
from contested.records import ActorMention
from contested.stages.places import ANAPHOR_PLACE, INTO_ITS_TERRITORY, PLACE_NOUNS
from contested.stages.records import Draft, PlaceMention, SentenceMentions
from contested.stages.roles import is_state

# Units of figures that count people: "captured three militants" is an arrest.
PEOPLE_UNITS = re.compile(
    r"^(soldiers|troops|militants|fighters|insurgents|policemen|police|officers|members|people|civilians|men|"
    r"guards|commandos|personnel|servicemen|rebels|prisoners|suspects|individuals|persons|terrorists|"
    r"commanders|women|children|militiamen|workers|employees)$"
)
_TWO_SIDED = re.compile(r"(clash|fight|fought|battl|gunfight|firefight|skirmish|exchange|hostilit|gun ?battle)",
                        re.IGNORECASE)
_ONE_SIDED = re.compile(r"(attack|raid|target|shot|shoot|open|storm|assault|fired|firing|gunfire|ambush)", re.IGNORECASE)


def decide_type(draft: Draft, sent: SentenceMentions, agents: list[ActorMention], patients: list[ActorMention],
                places: list[PlaceMention], config: ExtractionSettings
                ) -> tuple[str, str | None, list[ActorMention], list[ActorMention]]:
    """The event type, its detail, and actor1/actor2 lists (possibly swapped for 'lose' / 'fell to')."""
    fam = draft.family
    a1 = agents[0] if agents else None
    detail = None
    text_after = sent.text[draft.trigger.end - sent.start: draft.trigger.end - sent.start + config.type_after_chars]
    if fam in ("capture", "regain", "lose", "surrender_place"):
        # "captured three militants" is an arrest, not a capture of territory.
        if (fam == "capture" and not places and not PLACE_NOUNS.search(text_after)
                and not re.match(r"(fell|fall|fallen|falling|collapsed|entered)", draft.trigger.text, re.IGNORECASE)):
            people = [q for q in draft.quantities if PEOPLE_UNITS.match(q.unit)]
            if people or (patients and not is_state(patients[0]) and patients[0].start > draft.trigger.start):
                return "arrest", None, agents, patients
            if re.match(r"\s+(?:\w+\s+){0,2}(militants?|fighters?|insurgents?|members?|commanders?|suspects?)",
                        text_after, re.IGNORECASE):
                return "arrest", None, agents, patients
        if re.match(r"(?:fall|fell|falling|fallen)", draft.trigger.text, re.IGNORECASE):
            # "X fell to the Taliban": the actor follows the trigger.
            agents, patients = [p for p in patients if not is_state(p)] or agents, [
                a for a in agents if is_state(a)
            ]
            a1 = agents[0] if agents else None
        if fam == "lose":
            # The loser is the subject: government forces losing a place is a capture by the other side.
            losers = agents
            winners = [p for p in patients if p.kind not in (losers[0].kind if losers else None,)]
            if losers and not is_state(losers[0]):
                return "territory_regained", None, winners, losers
            if not losers and not winners and not places and not PLACE_NOUNS.search(text_after) and not ANAPHOR_PLACE.match(text_after.strip()):
                return "other", None, agents, patients  # "lost three soldiers"
            return "territory_captured", None, winners, losers
        if fam == "surrender_place":
            detail = "non_violent"
            # The ones who hand over are the losers; the ones it is handed to capture it.
            winners = [p for p in patients if not is_state(p)]
            return ("territory_captured", detail, winners, agents)
        if fam == "regain":
            if a1 is not None and not is_state(a1):
                return "territory_captured", None, agents, patients
            return "territory_regained", None, agents, patients
        if is_state(a1):
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
        if foreign_dest and re.search(r"\b(into|to|across)\b", sent.text) or INTO_ITS_TERRITORY.search(sent.text):
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
    if fam in CROWD_FAMILIES:
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


def _targets(draft: Draft, sent: SentenceMentions) -> tuple[set[str], set[str]]:
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


def _crowd_type(draft: Draft, sent: SentenceMentions) -> tuple[str, str]:
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
