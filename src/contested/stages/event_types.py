"""Stage: a draft's event type, its detail and which actors are actor1 and actor2 (a capture by the state
is a recapture; "lost the district" is a capture by the other side; "killed" is a clash or an attack on
civilians, by the victims; a demonstration is a protest or a riot, by the crowd words)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from contested.config import ExtractionSettings
from contested.eventness import ASSERTED
from contested.families import (
    CROWD_FAMILIES,
    OTHER_TYPE,
    VIOLENCE_PRIORITY,
    VIOLENCE_TYPE,
    WEAK_FAMILIES,
    WEAPON_FAMILIES,
)
from contested.records import ActorMention
from contested.stages.grouping import target_words, told_apart
from contested.stages.places import ANAPHOR_PLACE, INTO_ITS_TERRITORY, PLACE_NOUNS
from contested.stages.records import Draft, PlaceMention, SentenceMentions

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from contested.triggers import Trigger
from contested.stages.roles import is_state
from contested.stages.tokens import span_root

# Units of figures that count people: "captured three militants" is an arrest.
PEOPLE_UNITS = re.compile(
    r"^(soldiers|troops|militants|fighters|insurgents|policemen|police|officers|members|people|civilians|men|"
    r"guards|commandos|personnel|servicemen|rebels|prisoners|suspects|individuals|persons|terrorists|"
    r"commanders|women|children|militiamen|workers|employees)$"
)
_TWO_SIDED = re.compile(r"(clash|fight|fought|battl|gunfight|firefight|skirmish|exchange|hostilit|gun ?battle)",
                        re.IGNORECASE)
# Families whose words say violence was done to someone (who it was done to decides attack or clash).
_ONE_SIDED_FAMILIES = frozenset({"kill", "beat"})
_ONE_SIDED = re.compile(r"(attack|raid|target|shot|shoot|open|storm|assault|fired|firing|gunfire|ambush)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _typing_rules() -> dict[str, list[str]]:
    """data/typing_rules.json, read once: the word lists that ``_cues`` and ``_instrument_words`` are made of."""
    return json.loads(resources.files("contested").joinpath("data/typing_rules.json").read_text(encoding="utf-8"))


def _root(t: Trigger, doc: Doc) -> Token | None:
    """The parse's head word of the tokens under a trigger word's characters, or None where they make no
    tokens (``span_root``: worked out once per span of a document)."""
    return span_root(doc, t.start, t.end)


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern[str]]:
    """The word lists of data/typing_rules.json, each as one whole-word regular expression."""
    data = _typing_rules()
    out = {}
    for key, words in data.items():
        if key.startswith("_"):
            continue
        alts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else (w if w.startswith(("[", "(")) else re.escape(w))
                for w in words]
        out[key] = re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)
    return out


def decide_type(draft: Draft, sent: SentenceMentions, agents: list[ActorMention], patients: list[ActorMention],
                places: list[PlaceMention], config: ExtractionSettings
                ) -> tuple[str, str | None, list[ActorMention], list[ActorMention]]:
    """The event type, its detail, and actor1/actor2 lists (possibly swapped for 'lose' / 'fell to')."""
    etype, detail, actor1s, actor2s = _decide_type(draft, sent, agents, patients, places, config)
    if etype == "arrest" and _cues()["disappearance"].search(sent.text):
        # "seized a councillor and took him to an unknown location": a detention whose whereabouts are not
        # told is a forced disappearance (ACLED's abduction/forced disappearance), whoever detained.
        return "abduction", None, actor1s, actor2s
    return etype, detail, actor1s, actor2s


def _decide_type(draft: Draft, sent: SentenceMentions, agents: list[ActorMention], patients: list[ActorMention],
                 places: list[PlaceMention], config: ExtractionSettings
                 ) -> tuple[str, str | None, list[ActorMention], list[ActorMention]]:
    """``decide_type`` before the checks that apply to every type it may give."""
    fam = draft.family
    a1 = agents[0] if agents else None
    detail = None
    text_after = sent.text[draft.trigger.end - sent.start: draft.trigger.end - sent.start + config.type_after_chars]
    if fam in ("capture", "regain", "lose", "surrender_place") and _control_as_time(draft, sent):
        # "jets bombed the town a day after it fell, killing four": the control word only dates the violence.
        instead = _violence_instead(draft, sent, agents, patients, places, config)
        if instead is not None:
            return instead
    if fam == "capture" and _seized_weapons(draft, sent):
        # "weapons and a boat seized", "seized rifles and ammunition": things taken, no place (weapons seized).
        return "weapons_seized", None, agents, patients
    if fam in ("capture", "regain", "lose", "surrender_place"):
        # "captured three militants" is an arrest, not a capture of territory.
        if (fam == "capture" and not places and not PLACE_NOUNS.search(text_after)
                and not re.match(r"(fell|fall|fallen|falling|collapsed|entered)", draft.trigger.text, re.IGNORECASE)
                and not _cues()["control_words"].search(draft.trigger.text) and not _took_place(draft, sent)):
            # ("had taken control after days of fighting and killed 55 soldiers": control is of a place, named or
            # not; the soldiers are the toll, not people taken.)
            people = [q for q in draft.quantities if PEOPLE_UNITS.match(q.unit)]
            if people or (patients and not is_state(patients[0]) and patients[0].start > draft.trigger.start):
                return "arrest", None, agents, patients
            if re.match(r"\s+(?:\w+\s+){0,2}(militants?|fighters?|insurgents?|members?|commanders?|suspects?)",
                        text_after, re.IGNORECASE):
                return "arrest", None, agents, patients
        if fam == "capture" and _cues()["captured_people"].match(text_after.strip()) and re.match(
                r"captur|seiz|abduct|took|taken", draft.trigger.text, re.IGNORECASE):
            # "captured 2 rebels on the eastern front": people taken, wherever it was.
            return "arrest", None, agents, patients
        if re.match(r"(?:fall|fell|falling|fallen)", draft.trigger.text, re.IGNORECASE):
            # "X fell to the Taliban": the actor follows the trigger.
            agents, patients = [p for p in patients if not is_state(p)] or agents, [
                a for a in agents if is_state(a)
            ]
            a1 = agents[0] if agents else None
        if fam == "lose" and _regained_thing(draft, sent, places, text_after) is not None:
            # "lost three soldiers in an ambush": people or things lost, no place.
            return _violence_instead(draft, sent, agents, patients, places, config) or (
                "other", None, agents, patients)
        if fam == "lose":
            # The loser is the subject: government forces losing a place is a capture by the other side.
            losers = agents
            winners = [p for p in patients if p.kind not in (losers[0].kind if losers else None,)]
            if losers and not is_state(losers[0]):
                return "territory_regained", None, winners, losers
            if not losers and not winners and not places and not PLACE_NOUNS.search(text_after) and not ANAPHOR_PLACE.match(text_after.strip()):
                # "lost three soldiers": no place lost; the violence words joined to it are the event.
                return _violence_instead(draft, sent, agents, patients, places, config) or (
                    "other", None, agents, patients)
            return "territory_captured", None, winners, losers
        if fam == "surrender_place":
            detail = "non_violent"
            # The ones who hand over are the losers; the ones it is handed to capture it.
            winners = [p for p in patients if not is_state(p)]
            return ("territory_captured", detail, winners, agents)
        if fam == "capture" and _taken_back(draft, sent):
            fam = "regain"  # "took the town back": take with the particle back is a regain
        if fam == "regain":
            taken = _regained_thing(draft, sent, places, text_after)
            if taken is not None:
                # "took back the bodies", "recovered the weapons": a thing taken back, no place; violence words
                # joined to it are an event of their own.
                return _violence_instead(draft, sent, agents, patients, places, config) or (
                    taken, None, agents, patients)
        if fam == "regain":
            if a1 is not None and not is_state(a1):
                return "territory_captured", None, agents, patients
            return "territory_regained", None, agents, patients
        if is_state(a1):
            return "territory_regained", None, agents, patients
        return "territory_captured", None, agents, patients
    if fam in ("flee", "retreat"):
        main = _main_verb_instead(draft, sent)
        if main is not None:
            # "retreating soldiers looted shops", "set fire to houses in a village that had been abandoned": the
            # flight only describes who did it or where; the clause's own verb says what happened.
            main.quantities, main.places = draft.quantities, draft.places
            return decide_type(main, sent, agents, patients, places, config)
    if fam == "retreat" and _moved_civilians(draft, sent):
        # "police evacuated 23 civilians", "residents were evacuated": civilians moved out are displaced.
        return "displacement", None, agents, patients
    if fam in ("flee", "retreat") and _caused_flight(draft, sent):
        # "fired artillery at the villages and forced locals to flee": the flight is what the violence caused.
        return _violence_instead(draft, sent, agents, patients, places, config) or (
            "displacement", None, agents, patients)
    if fam == "flee":
        foreign = [loc for _, _, loc in draft.places if loc.country and loc.country != sent.home_country and loc.feature == "country"]
        if foreign or re.search(r"\b(across|neighbou?ring|(into|to|onto) (its|their) (territory|soil|side))\b",
                                sent.text, re.IGNORECASE) or _crossed_border(
                                    sent.text, draft.trigger.text.lower().startswith("cross")):
            return "cross_border_flight", None, agents, patients
        if agents and agents[0].kind == "civilians" or re.search(r"\b(families|residents|villagers|civilians|homes)\b",
                                                                   sent.text, re.IGNORECASE):
            return "displacement", None, agents, patients
        if _fought_in(sent):
            return "armed_clash", None, agents, patients  # "repelled the attack, and the attackers fled"
        return "retreat", None, agents, patients
    if fam == "retreat":
        foreign_dest = [loc for _, _, loc in draft.places if loc.feature == "country" and loc.country != sent.home_country]
        if a1 is not None and a1.kind == "external":
            return "withdrawal", None, agents, patients
        if foreign_dest and re.search(r"\b(into|to|across)\b", sent.text) or INTO_ITS_TERRITORY.search(sent.text):
            return "cross_border_flight", None, agents, patients
        if _fought_in(sent):
            return "armed_clash", None, agents, patients  # "thwarted the attack, forcing their retreat"
        return "retreat", None, agents, patients
    if fam == "surrender":
        return "surrender", None, agents, patients
    if fam == "abduction" and a1 is not None and a1.kind == "state_forces" and _cues()["taking_words"].match(
            draft.trigger.text):
        # "soldiers took six men from their homes": people taken by a state's own forces, told with no word of
        # abduction, are detained (ACLED's arrests); by anyone else, or where they were taken is not told
        # (decide_type), abducted.
        return "arrest", None, agents, patients
    if fam in VIOLENCE_TYPE:
        fam = _weapon_that_went_off(draft, sent)
        etype = VIOLENCE_TYPE[fam]
        words = [draft.trigger, *draft.extra]
        told = _told_by_main_verb(draft, sent)
        if told is not None:
            # "police detained traders in raids on the market", "the fighting displaced families": the violence
            # words hang on an arrest or displacement verb (its subject, its object's clause, its 'in'/'for'
            # phrase); that verb says what happened.
            return told, None, agents, patients
        taken = _entered_to_detain(draft, sent, a1)
        if taken is not None:
            # "stormed the town and arrested four youths", "raided a house, kidnapping five brothers"
            return taken, None, agents, patients
        if any(_cues()["mob_acts"].search(t.text) and t.text[:1].islower() for t in words):
            return "riot", "mob_violence", agents, patients  # "a man was lynched by residents"
        # "clashes", "fought", "exchanged fire": both sides armed, whoever died.
        two_sided = any(_TWO_SIDED.match(t.text) for t in words)
        if etype == "air_strike" and draft.trigger.text.lower().startswith("bombard") and any(
                t.family == "shelling" for t in sent.triggers) and not any(
                t.family == "air" and t is not draft.trigger for t in sent.triggers):
            # "artillery bombardment", "used artillery to bombard": the weapon the sentence names (as a word
            # of the weapon, not an attack of its own) says it was fired from the ground.
            return "shelling", None, agents, patients
        if etype == "explosive_device" and (a1 is None or is_state(a1)) and sent.span is not None and any(
                tok.lemma_.lower() == "bomb" and tok.pos_ == "VERB" and _state_subject(tok, a1)
                for tok in _trigger_roots(draft, sent)):
            # "the military bombed militant bases": state forces bomb from the air; nobody plants a device.
            return "air_strike", None, agents, patients
        if etype == "explosive_device" and sent.span is not None:
            sent_from = _delivered(draft, sent)
            if sent_from is not None:
                # "bombs struck a camp", "a bomb fell on houses": sent from afar, not planted; aircraft named in
                # the paragraph make it an air strike, else it was fired from the ground.
                return sent_from, None, agents, patients
        if etype == "armed_clash" and not two_sided and sent.span is not None and _air_subject(draft, sent):
            # "the air force targeted a hideout", "helicopters attacked the convoy": done from the air.
            return "air_strike", None, agents, patients
        if etype == "armed_clash" and not two_sided:
            weapon = _instrument(sent) or _delivered_with(draft, sent)
            if weapon is not None:
                # "targeted a vehicle with an IED", "suffered casualties by a bomb": the explosive is how it
                # was done (ACLED codes the explosive, not a fight), even where it is no attack word of its own.
                return weapon, None, agents, patients
        if etype == "shelling" and (two_sided or _replied_in(draft, sent) or _replied_after(sent)):
            # Heavy weapons fired by both sides, or fired while the sides fight: ACLED codes the fight.
            return "armed_clash", None, agents, patients
        # Shooting is done by armed people: a group that shoots is no mob (ACLED's mob violence is a crowd's).
        gunfire = any(_cues()["firearm"].search(t.text) for t in words)
        if etype == "armed_clash" and sent.span is not None:
            doers = _active_subjects(draft, sent) | _between(draft, sent)
            near = sent.text[: draft.trigger.end - sent.start + 30]
            if "crowd" in doers and "armed" not in doers and not _cues()["armed_crowd"].search(near) and not gunfire:
                # "villagers attacked police", "migrant workers clashed with police", "residents beat up a thief":
                # violence by a crowd, not by an armed group (ACLED's mob violence).
                return "riot", "mob_violence", agents, patients
        if fam in _ONE_SIDED_FAMILIES and not two_sided and any(_cues()["one_sided_killing"].search(t.text)
                                                                for t in words):
            # "beheaded four men", "executed two prisoners": killing someone already in one's hands is
            # one-sided violence (an attack), whoever the victims were.
            return "killing", None, agents, patients
        if fam == "beat" and not two_sided:
            # Violence by hand is one-sided: on people, an attack (the armed ones hit are still people held).
            victims = [a for a in patients if a.kind == "civilians"] or [a for a in agents if a.kind == "civilians"]
            return "killing", None, [a for a in agents + patients if a not in victims], victims
        if etype == "armed_clash" and (fam in _ONE_SIDED_FAMILIES or any(
                t.family in _ONE_SIDED_FAMILIES for t in draft.extra) or any(_ONE_SIDED.match(t.text) for t in words)):
            victims = [a for a in patients if a.kind == "civilians"] or [a for a in agents if a.kind == "civilians"]
            armed = [a for a in agents + patients if a.kind != "civilians"]
            if victims and not two_sided and not [a for a in patients
                                                  if a.kind != "civilians" and a.start > draft.trigger.start]:
                # An attack on unarmed people: the perpetrator is actor1, the civilians actor2 (civilians
                # caught in an exchange of fire stay in the clash).
                return "killing", None, [a for a in armed if a not in victims], victims
            targets, attackers = _targets(draft, sent)
            unarmed = "civilian" in targets and "armed" not in targets
            if not targets and not sent.actors and "armed" not in attackers and sent.span is not None:
                # "a man was shot dead": nobody armed is named on either side.
                unarmed = True
            if unarmed and not two_sided:
                if "crowd" in attackers and "armed" not in attackers and not gunfire:
                    # "villagers beat a man accused of theft": violence by a crowd (ACLED's mob violence).
                    return "riot", "mob_violence", agents, patients
                # "gunmen shot dead a trader", "a woman was found dead": violence against unarmed people.
                return "killing", None, agents, patients
        return etype, None, agents, patients
    if fam in OTHER_TYPE and fam not in CROWD_FAMILIES:
        told = _told_by_main_verb(draft, sent)
        if told is not None:
            # "detained reporters who had been filming the burned houses", "... filming displaced families":
            # the arrest, not the burning or the displacement.
            return told, None, agents, patients
    if fam in CROWD_FAMILIES and _crowd_under_rejected(draft, sent):
        # "a crowd beat two men to death after accusing them of firing on protesters": the crowd word is told
        # inside a clause that tells no event (what they were accused of); the asserted violence is the event.
        violence = [t for t in draft.extra if t.family in VIOLENCE_TYPE and sent.reasons.get(t.start, ASSERTED) == ASSERTED]
        if violence:
            main = min(violence, key=lambda t: VIOLENCE_PRIORITY.index(t.family))
            alone = Draft(main, main.family, [t for t in violence if t is not main])
            alone.quantities, alone.places = draft.quantities, draft.places
            return decide_type(alone, sent, agents, patients, places, config)
    if fam in CROWD_FAMILIES:
        taken = _crowd_told_by_taking(draft, sent, a1)
        if taken is not None:
            # "was detained while he was covering the protests", "activists who had helped organise the
            # protests were abducted": the demonstration says who was taken, the taking is the event.
            return taken, None, agents, patients
        etype, detail = _crowd_type(draft, sent)
        return etype, detail, agents, patients
    if fam == "arrest" and a1 is not None and a1.kind in ("rebels", "political_militia"):
        # Detained by an armed group that is no state: ACLED's abduction or forced disappearance.
        return "abduction", None, agents, patients
    if fam == "weapons" and _cues()["seize_words"].fullmatch(draft.trigger.text) and not _cues()[
            "weapon_things"].search(text_after):
        # "seized a vehicle", "confiscated the mall": property taken, not weapons (looting).
        return "property_destruction", None, agents, patients
    return OTHER_TYPE.get(fam, "other"), None, agents, patients


def _main_verb_instead(draft: Draft, sent: SentenceMentions) -> Draft | None:
    """A draft of the asserted weak trigger (a looting, an arrest: families.json kind 'other') whose verb is the
    clause's own, where the draft's flight or retreat word only describes one of that verb's people or places: a
    participle beside a noun ("retreating soldiers looted shops", "soldiers retreating from the front looted")
    or a relative clause ("a village that had been abandoned"). None where the flight word is a verb of its own
    or no such verb is told."""
    if sent.span is None:
        return None
    doc = sent.span.doc
    tok = _root(draft.trigger, doc)
    if tok is None:
        return None
    noun = None
    above: set[int] = set()
    after = doc[tok.i + 1: tok.i + 3]
    if tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        noun = tok.head
    elif tok.tag_ == "VBG" and len(after) == 2 and after[0].pos_ == "NOUN" and after[0].tag_ == "NNS" and (
            after[1].pos_ == "VERB" and after[1].tag_ in ("VBD", "VBZ", "VBP")):
        # "retreating soldiers looted shops" parsed as "retreating (the) soldiers": a participle before a
        # plural noun that a finite verb follows describes that noun, the verb's subject.
        noun, above = after[0], {after[1].i}
    else:
        cur = tok
        for _ in range(6):
            if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                noun = cur.head
                break
            if cur.head.i == cur.i or cur.dep_ not in ("aux", "auxpass", "advmod", "xcomp", "conj", "relcl"):
                break
            cur = cur.head
    if noun is None:
        return None
    above |= {a.i for a in noun.ancestors}
    for t in sent.triggers:
        if t.family not in OTHER_TYPE or t.family in ("flee", "retreat") or sent.reasons.get(
                t.start, ASSERTED) != ASSERTED:
            continue
        verb = _root(t, doc)
        if verb is None:
            continue
        verb = verb if verb.pos_ == "VERB" else verb.head
        if verb.pos_ == "VERB" and verb.i in above and verb.dep_ not in ("amod", "acl", "relcl"):
            return Draft(t, t.family, [])
    return None


def _moved_civilians(draft: Draft, sent: SentenceMentions) -> bool:
    """The retreat word is a verb whose object (or passive subject) is civilians ("evacuated 23 civilians",
    "residents were evacuated": the actors found there are all civilians), not armed people or places."""
    if sent.span is None:
        return False
    tok = _root(draft.trigger, sent.span.doc)
    if tok is None or tok.pos_ != "VERB":
        return False
    # The people are what the actor dictionary read as civilians in the object ("abandoned 20 villages": places,
    # not people moved).
    for c in tok.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            inside = [a for a in sent.actors if lo <= a.start and a.end <= hi]
            if inside and all(a.kind == "civilians" for a in inside):
                return True
    return False


def _crossed_border(text: str, crossing: bool = False) -> bool:
    """A border the people went over, not one they went towards or lived near ("fled towards the Kenyan border",
    "villages near the border": data/typing_rules.json border_approach, the words just before it) nor a place
    described by it ("the border town of Moyale": border_compounds). With ``crossing`` (the flight word is "crossed"),
    any border the sentence names was crossed ("crossed at several points along the border")."""
    approach, compounds = _cues()["border_approach"], _cues()["border_compounds"]
    for m in re.finditer(r"\bborders?\b", text, re.IGNORECASE):
        if not crossing and approach.search(text[max(0, m.start() - 40):m.start()].rstrip()):
            continue
        if compounds.match(text[m.end():m.end() + 20].lstrip()):
            continue  # "the border town of Moyale": where, not a border crossed
        return True
    return False


# Weapon families whose word, beside an explosive word that names no weapon ("exploded"), says what went off
# (not aircraft: "an explosion at the helicopter base" names where, not what).
_NAMED_WEAPONS = ("grenade", "shelling")


def _weapon_that_went_off(draft: Draft, sent: SentenceMentions | None = None) -> str:
    """The draft's family, or, where its explosive words only say something went off ("a hand grenade exploded",
    "a mortar shell exploded", "explosions assessed as artillery rounds": data/typing_rules.json blast_words),
    the family of the weapon the draft names beside them."""
    if draft.family != "explosive":
        return draft.family
    if sent is not None and sent.span is not None and _thrown(draft, sent):
        return "grenade"
    blast = _cues()["blast_words"]
    if any(t.family == "explosive" and not blast.fullmatch(t.text) for t in [draft.trigger, *draft.extra]):
        return draft.family  # "an IED exploded": the device is named
    named = [t.family for t in draft.extra if t.family in _NAMED_WEAPONS]
    return min(named, key=VIOLENCE_PRIORITY.index) if named else draft.family


def _delivered(draft: Draft, sent: SentenceMentions) -> str | None:
    """"air_strike" or "shelling" where a bare bomb word of the draft (data/typing_rules.json delivered_devices)
    is the subject of a verb of arriving ("bombs struck a camp", "a bomb fell on houses": delivered_verbs) or
    the object of "drop": sent from afar, not planted. Aircraft or an air raid named in the sentence or its
    paragraph (air_context) make it an air strike; else it was fired from the ground. None where no bomb word
    is told so, or a word before it says what device it was ("a roadside bomb hit a bus")."""
    devices = _instrument_words("delivered_devices")
    verbs = _instrument_words("delivered_verbs")
    planted = _instrument_words("planted_words")
    doc = sent.span.doc
    for t in [draft.trigger, *draft.extra]:
        if t.family != "explosive" or t.text.lower() not in devices:
            continue
        tok = _trigger_noun(doc, t)
        if tok is None or any(c.dep_ in ("compound", "amod") and not (t.start <= c.idx < t.end)
                              for c in tok.children if c.i < tok.i):
            continue
        if any(w.lower_ in planted for w in doc[tok.left_edge.i: tok.right_edge.i + 1]):
            continue  # "a bomb hidden in the road struck a truck": put there, a device
        head = tok.head
        if (tok.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in verbs) or (
                tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() == "drop"):
            return "air_strike" if _air_in_paragraph(sent) else "shelling"
    return None


def _delivered_with(draft: Draft, sent: SentenceMentions) -> str | None:
    """``_delivered`` for a bomb the sentence names in a clause that hangs on one of the draft's violence words
    ("17 people were killed when a bomb fell on houses", "bombs landed on the camp, killing nine"): the bomb is
    how it was done, whatever the event-or-not rules made of the bomb word on its own."""
    if sent.span is None:
        return None
    doc = sent.span.doc
    roots = {r.i for r in _trigger_roots(draft, sent)}
    for t in sent.triggers:
        if t.family != "explosive" or any(t is w for w in [draft.trigger, *draft.extra]):
            continue
        tok = _trigger_noun(doc, t)
        if tok is None:
            continue
        verb = tok.head
        if verb.i in roots or (verb.dep_ in ("advcl", "conj") and verb.head.i in roots) or any(
                doc[r].dep_ in ("advcl", "conj") and doc[r].head.i == verb.i for r in roots):
            got = _delivered(Draft(t, "explosive", []), sent)
            if got is not None:
                return got
    return None


def _air_in_paragraph(sent: SentenceMentions) -> bool:
    """Aircraft or an air raid named in the sentence or elsewhere in its paragraph (data/typing_rules.json
    air_context)."""
    air = _cues()["air_context"]
    if air.search(sent.text):
        return True
    return any(span is not None and air.search(span.text)
               for span in (_paragraph_before(sent), _rest_of_paragraph(sent)))


def _paragraph_before(sent: SentenceMentions, max_chars: int = 600):
    """The tokens before a sentence back to its paragraph's start (a line break), at most about ``max_chars``
    characters back, as a span of the parsed document; None where there is none."""
    span = sent.span
    if span is None:
        return None
    doc = span.doc
    i = span.start
    if i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text:
        return None  # the sentence opens its paragraph
    limit = doc[i].idx - max_chars
    j = i
    while j > 0 and doc[j - 1].idx > limit and "\n" not in doc[j - 1].text and "\n" not in doc[j - 1].whitespace_:
        j -= 1
    return doc[j:i] if j < i else None


def _thrown(draft: Draft, sent: SentenceMentions) -> bool:
    """An explosive word of the draft is the object of a verb of throwing ("threw a bomb", "a bomb was thrown",
    "hurled an explosive device"; data/typing_rules.json thrown_verbs): thrown by hand, ACLED's grenade. A fire
    bomb ("petrol bomb", thrown_not) is not one."""
    verbs = _instrument_words("thrown_verbs")
    nots = _instrument_words("thrown_not")
    doc = sent.span.doc
    for t in [draft.trigger, *draft.extra]:
        if t.family != "explosive":
            continue
        tok = _trigger_noun(doc, t)
        if tok is None:
            continue
        if any(w.lower_ in nots for w in doc[tok.left_edge.i: tok.i + 1]):
            continue
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in verbs:
            return True
    return False


def _caused_flight(draft: Draft, sent: SentenceMentions) -> bool:
    """A flight word told as the complement of a verb that makes people flee ("forced locals to flee": data/
    typing_rules.json causative_verbs), in a draft with weapon words of its own ("fired artillery rounds at the
    villages and forced locals to flee"), whose subject is no violence word ("the shelling forced ...")."""
    if sent.span is None or not any(t.family in WEAPON_FAMILIES for t in draft.extra):
        return False  # a fight beside a flight ("clashes ... forced families to flee") may be the flight's news
    causes = _instrument_words("causative_verbs")
    tok = _root(draft.trigger, sent.span.doc)
    if tok is None:
        return False
    if tok.dep_ not in ("xcomp", "ccomp", "oprd") or tok.head.lemma_.lower() not in causes:
        return False
    # "the fighting forced thousands to flee": the violence only as the cause named, the flight is the news.
    cause = tok.head
    subjects = [c for c in cause.children if c.dep_ in ("nsubj", "csubj")] or [
        c for c in cause.head.children if cause.dep_ == "conj" and c.dep_ in ("nsubj", "csubj")]
    violence = {(t.start, t.end) for t in draft.extra if t.family in VIOLENCE_TYPE}
    return not any(lo <= s.idx < hi or s.idx <= lo < s.idx + len(s.text) for s in subjects for lo, hi in violence)


def _entered_to_detain(draft: Draft, sent: SentenceMentions, a1: ActorMention | None) -> str | None:
    """"abduction" or "arrest" where the draft's violence words only say a place was entered by force (data/
    typing_rules.json entry_words) and the sentence asserts that people were taken: an abduction word of the
    draft, or an arrest verb joined to the entering verb (an abduction where an armed group that is no state's
    forces took them)."""
    entry = _cues()["entry_words"]
    words = [draft.trigger, *draft.extra]
    if not all(t.family == "abduction" or (t.family == "clash" and entry.fullmatch(t.text)) for t in words):
        return None
    if any(t.family == "abduction" for t in words):
        return "abduction"
    if sent.span is None:
        return None
    entered = {r.i for r in _trigger_roots(draft, sent)}
    doc = sent.span.doc
    for t in sent.triggers:
        if t.family != "arrest" or sent.reasons.get(t.start, ASSERTED) != ASSERTED:
            continue
        tok = _root(t, doc)
        if tok is None:
            continue
        # The taking is told by the entering verb's own clause ("stormed the town and arrested four", "raided
        # a house, detaining two"), not by a clause of its own ("stormed the station after he was arrested").
        if tok.pos_ == "VERB" and (tok.head.i in entered and tok.dep_ in ("conj", "advcl", "xcomp") and not any(
                c.dep_ in ("mark", "nsubjpass", "auxpass") for c in tok.children)):
            return "abduction" if a1 is not None and a1.kind in ("rebels", "political_militia", "identity_militia") else "arrest"
    return None


def _crowd_under_rejected(draft: Draft, sent: SentenceMentions) -> bool:
    """The draft's demonstration word hangs, in the parse, on a trigger word whose clause tells no event (a
    reference, a hypothesis: "accusing them of firing on protesters")."""
    if sent.span is None:
        return False
    doc = sent.span.doc
    rejected = set()
    for t in sent.triggers:
        if sent.reasons.get(t.start, ASSERTED) != ASSERTED:
            root = _root(t, doc)
            if root is not None:
                rejected.add(root.i)
    if not rejected:
        return False
    cur = _root(draft.trigger, doc)
    for _ in range(4):
        if cur is None or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in rejected:
            return True
    return False


def _crowd_told_by_taking(draft: Draft, sent: SentenceMentions, a1: ActorMention | None) -> str | None:
    """"arrest" or "abduction" where every demonstration word of the draft is told inside a clause of an asserted
    arrest or abduction verb that has a verb of its own on the way ("detained while he was covering the
    protests", "arrested for participating in protests", "activists who had helped organise the protests were
    abducted"): the demonstration describes the people taken. Protesters taken, or taken during a protest
    ("arrested 20 protesters", "arrested five during the march"), stay the demonstration's."""
    if sent.span is None:
        return None
    doc = sent.span.doc
    takers: dict[int, str] = {}
    for t in sent.triggers:
        if t.family in ("arrest", "abduction") and sent.reasons.get(t.start, ASSERTED) == ASSERTED:
            root = _root(t, doc)
            if root is not None and root.pos_ == "VERB":
                takers[root.i] = t.family
    if not takers:
        return None
    found = None
    for t in [draft.trigger, *draft.extra]:
        if t.family not in CROWD_FAMILIES:
            continue
        root = _root(t, doc)
        if root is None or root.pos_ != "NOUN":
            return None  # "detained people who tried to march": the crowd's own verb, people taken protesting
        cur, through = root, False
        for _ in range(12):
            if cur.i in takers:
                break
            if cur.head.i == cur.i:
                return None  # the demonstration is told on its own, not under the taking
            cur = cur.head
            through = through or (cur.pos_ == "VERB" and cur.i not in takers)
        else:
            return None
        if not through:
            return None
        found = takers[cur.i]
    if found is None:
        return None
    if found == "abduction" or (a1 is not None and a1.kind in ("rebels", "political_militia", "identity_militia")):
        return "abduction"
    return "arrest"


def _violence_instead(draft: Draft, sent: SentenceMentions, agents: list[ActorMention], patients: list[ActorMention],
                      places: list[PlaceMention], config: ExtractionSettings
                      ) -> tuple[str, str | None, list[ActorMention], list[ActorMention]] | None:
    """What a sentence tells where its control word turned out to take no place ("lost three soldiers in an
    ambush", "shot a man and took back the motorcycle", "protesters took back their banners"): the violence
    words joined to it, or else the sentence's weak words, as if the control word were not there."""
    violence = [t for t in draft.extra if t.family in VIOLENCE_TYPE]
    if violence:
        fam = min((t.family for t in violence), key=VIOLENCE_PRIORITY.index)
        main = next(t for t in violence if t.family == fam)
        alone = Draft(main, fam, [t for t in violence if t is not main])
    else:
        # No violence words: the sentence's weak words (a protest, an arrest), which the control word had kept
        # from being an event, tell it.
        weak = [t for t in sent.triggers if t.family in WEAK_FAMILIES and sent.reasons.get(t.start, ASSERTED) == ASSERTED]
        if not weak:
            return None
        crowd = [t for t in weak if t.family in CROWD_FAMILIES]
        if crowd:
            fam = "riot" if any(t.family == "riot" for t in crowd) else "protest"
        else:
            fam = min((t.family for t in weak), key=WEAK_FAMILIES.index)
        main = next(t for t in weak if t.family == fam)
        alone = Draft(main, fam, [t for t in weak if t is not main])
    alone.quantities = draft.quantities
    alone.places = draft.places
    return decide_type(alone, sent, agents, patients, places, config)


# Relations by which a violence word hangs on a verb and is still part of what that verb tells (its subject as the
# cause, its object's relative clause, a phrase of how or why); a joined verb ("killed two and arrested five") or a
# clause of its own is another event.
_PART_OF_VERB = frozenset({"nsubj", "dobj", "pobj", "prep", "pcomp", "relcl", "acl", "advcl", "xcomp", "compound",
                           "amod", "nmod", "poss", "npadvmod", "appos", "agent"})


def _told_by_main_verb(draft: Draft, sent: SentenceMentions) -> str | None:
    """The type of an asserted arrest or displacement verb (data/targets.json governing_families) on which every
    violence word of the draft hangs ("police detained dozens in raids on shops", "arrested 14 people for
    posting messages about the offensive", "the fighting has displaced 4,000 families"); None where there is
    none, or where a violence word is joined to it as a verb of its own or told as what came before ("after
    clashes")."""
    if sent.span is None or sent.reasons.get(draft.trigger.start, ASSERTED) != ASSERTED:
        return None
    words = target_words()
    families = words.get("governing_families", frozenset())
    doc = sent.span.doc
    roots = list(_trigger_roots(draft, sent))
    if not roots:
        return None
    for t in sent.triggers:
        if t.family not in families or t.family == draft.family or sent.reasons.get(t.start, ASSERTED) != ASSERTED:
            continue
        verb = _root(t, doc)
        if verb is None:
            continue
        if verb.pos_ != "VERB":
            continue
        if t.family in OTHER_TYPE and any(
                r.lemma_.lower() in words.get("operation_words", ()) and r.dep_ == "pobj" and r.head.dep_ == "prep"
                and r.head.head.i == verb.i and not _search_operation(r, words) for r in roots):
            continue  # "arrested during ground operations": ACLED codes the operation (a fight), the arrests its toll
        if all(_hangs_on(r, verb, words.get("before_words", frozenset())) for r in roots):
            # "abducted five civilians during an incursion": the abduction, what the incursion was for.
            return OTHER_TYPE.get(t.family) or VIOLENCE_TYPE.get(t.family)
    return None


def _search_operation(tok: Token, words: dict[str, frozenset[str]]) -> bool:
    """An operation noun named as a search ("a cordon-and-search operation", "a house-to-house search
    operation": data/targets.json search_words): no fight, so people arrested in it are the arrest."""
    search = words.get("search_words", frozenset())
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
    mods += [g for c in mods for g in c.children if g.dep_ == "conj"]
    return any(m.lemma_.lower() in search or m.lower_ in search for m in mods)


def _hangs_on(tok: Token, verb: Token, before: frozenset[str]) -> bool:
    """``tok`` is below ``verb`` in the parse by relations that keep it part of what the verb tells."""
    cur = tok
    for _ in range(12):
        if cur.i == verb.i:
            return True
        if cur.head.i == cur.i or cur.dep_ not in _PART_OF_VERB:
            return False
        if cur.dep_ == "prep" and cur.lower_ in before:
            return False  # "arrested five after clashes": the clash came first, an event of its own
        if cur.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in before for c in cur.children):
            return False
        if cur.pos_ == "VERB" and cur.i != tok.i and cur.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "nsubj" for c in cur.children):
            return False  # a clause with a subject of its own
        cur = cur.head
    return False


def _control_as_time(draft: Draft, sent: SentenceMentions) -> bool:
    """The draft's control word is the verb of a clause of time ("a day after it fell", "two days before they
    lost it": data/typing_rules.json time_marks) that hangs on a violence word of the same draft ("jets bombed
    the town a day after it fell"): the violence is what the sentence tells, the control only when."""
    if sent.span is None or not draft.extra:
        return False
    roots = list(_trigger_roots(draft, sent))
    if not roots:
        return False
    verb = roots[0] if roots[0].pos_ in ("VERB", "AUX") else roots[0].head
    marks = _instrument_words("time_marks")
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return False
    above = {a.i for a in verb.ancestors}
    doc = sent.span.doc
    for t in draft.extra:
        if t.family not in VIOLENCE_TYPE:
            continue
        root = _root(t, doc)
        if root is not None and root.i in above:
            return True
    return False


def _seized_weapons(draft: Draft, sent: SentenceMentions) -> bool:
    """A seizure word (data/typing_rules.json seize_words, the whole trigger) whose things taken, read from the
    parse, name weapons (weapon_things) and no place or people: its object or passive subject, or the nouns it
    follows as a participle ("weapons and a boat seized")."""
    if sent.span is None or not _cues()["seize_words"].fullmatch(draft.trigger.text):
        return False
    tok = _root(draft.trigger, sent.span.doc)
    if tok is None or tok.pos_ != "VERB":
        return False
    things = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if not things and tok.dep_ == "acl":
        things = [tok.head]
    nouns: list[Token] = []
    for n in things:
        while n.dep_ == "conj" and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head  # "weapons and a boat seized": the chain from its first noun
        nouns.extend([n, *n.conjuncts])
    if not nouns:
        return False
    words = target_words()
    place_words = words.get("place_objects", frozenset())
    if any(n.pos_ == "PROPN" or n.ent_type_ in ("GPE", "LOC", "FAC") or n.lemma_.lower() in place_words
           or "armed" in _noun_kind(n, words) or n.lower_ in ("it", "them")
           or PEOPLE_UNITS.match(n.lower_) for n in nouns):
        return False
    return any(_cues()["weapon_things"].fullmatch(n.text) for n in nouns)


def _took_place(draft: Draft, sent: SentenceMentions) -> bool:
    """The capture verb's object (or passive subject), read from the parse, is a place: a place word (data/
    targets.json place_objects: "had taken the town to protect civilians"), whatever people are named after it."""
    if sent.span is None:
        return False
    place_words = target_words().get("place_objects", frozenset())
    for tok in _trigger_roots(draft, sent):
        verb = tok if tok.pos_ == "VERB" else tok.head
        if verb.pos_ != "VERB":
            continue
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN" and c.lemma_.lower() in place_words:
                return True
    return False


def _taken_back(draft: Draft, sent: SentenceMentions) -> bool:
    """A capture told with "take" and the particle "back" ("took the town back")."""
    if sent.span is None:
        return False
    for tok in _trigger_roots(draft, sent):
        verb = tok if tok.pos_ == "VERB" else tok.head
        if verb.lemma_.lower() == "take" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                                 for c in verb.children):
            return True
    return False


def _regained_thing(draft: Draft, sent: SentenceMentions, places: list[PlaceMention], text_after: str) -> str | None:
    """What a regain or loss verb that takes things as well as places ("took back", "recovered", "lost":
    data/typing_rules.json place_or_thing_verbs) took where it is no place: "weapons_seized" for weapons
    ("recovered the weapons"), "other" for anything else ("took back the bodies", "lost three soldiers"); None
    where a place (or nothing said) was taken. The thing taken is the verb's object, or its subject where it is
    passive; a name, a place word (data/targets.json place_objects), a place found there, or "it"/"them" is a
    place."""
    cues = _cues()
    if sent.span is None:
        if cues["place_or_thing_verbs"].match(draft.trigger.text) and not places and not PLACE_NOUNS.search(
                text_after) and not ANAPHOR_PLACE.match(text_after.strip()):
            return "other"
        return None
    place_words = target_words().get("place_objects", frozenset())
    for tok in _trigger_roots(draft, sent):
        verb = tok if tok.pos_ == "VERB" else tok.head
        if verb.pos_ != "VERB" or not cues["place_or_thing_verbs"].fullmatch(verb.text):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects:
            if draft.trigger.text.lower().endswith(" back") and not places:
                return "other"  # "were taken back": "take back" names a place only with one
            continue
        obj = objects[0]
        nouns = [obj, *obj.conjuncts]
        if any(n.pos_ == "PROPN" or n.ent_type_ in ("GPE", "LOC", "FAC") or n.lemma_.lower() in place_words
               or n.lower_ in ("it", "them") for n in nouns):
            return None
        # The noun phrases up to their head nouns ("the weapons in Herat": Herat is where, not what).
        spans = [(n.left_edge.idx, n.idx + len(n)) for n in nouns]
        if any(lo <= p[0] < hi for p in places if p[0] >= 0 for lo, hi in spans):
            return None
        lo, hi = spans[0]
        return "weapons_seized" if cues["weapon_things"].search(sent.text[lo - sent.start: hi - sent.start]) else "other"
    return None


# Weapons that, named as what violence was done with, decide its type (heavy weapons and aircraft do not: a
# ground attack "with heavy weapons" is still a fight).
_INSTRUMENT_FAMILIES = ("explosive", "grenade")


def _instrument(sent: SentenceMentions) -> str | None:
    """The type of an explosive or grenade the sentence names as the means ("with an IED", "by a roadside
    bomb"), from the parse: the weapon word, or the noun it modifies, is the object of "with" or "by"."""
    if sent.span is None:
        return None
    doc = sent.span.doc
    uses = _instrument_words("instrument_verbs")
    for t in sent.triggers:
        if t.family not in _INSTRUMENT_FAMILIES:
            continue
        tok = _trigger_noun(doc, t)
        if tok is None:
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in ("with", "by"):
            return VIOLENCE_TYPE[t.family]
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if tok.dep_ in ("dobj", "pobj") and verb.pos_ == "VERB" and verb.lemma_.lower() in uses:
            return VIOLENCE_TYPE[t.family]  # "ambushed the patrol using landmines", "stepped on a mine"
    return None


@lru_cache(maxsize=16)
def _instrument_words(key: str) -> frozenset[str]:
    """A list of data/typing_rules.json taken as plain lower-case words (lemmas), made once per list."""
    return frozenset(w.lower() for w in _typing_rules().get(key, ()))


def _air_subject(draft: Draft, sent: SentenceMentions) -> bool:
    """The subject of an active violence verb of the draft is an air force or aircraft (data/typing_rules.json
    air_subjects), read from the parse: the subject's own words up to its head noun."""
    air = _cues()["air_subjects"]
    for tok in _trigger_roots(draft, sent):
        if tok.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            continue
        for c in tok.children:
            if c.dep_ == "nsubj":
                words = sent.text[c.left_edge.idx - sent.start: c.idx + len(c) - sent.start]
                if air.search(words):
                    return True
    return False


def _state_subject(verb, a1: ActorMention | None) -> bool:
    """An active verb whose subject is state forces: the actor found there, or, where no actor was found, a
    subject like "the army", "the military", "aircraft" ("forces" alone may be anyone's)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    if a1 is not None:
        return is_state(a1)
    heads = target_words()["state_subjects"]
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in heads for c in verb.children)


def _fought_in(sent: SentenceMentions) -> bool:
    """The sentence tells fighting as its news (an asserted clash or killing verb: "repelled the attack, and
    the attackers fled"): a retreat or flight in it is part of the fight, which ACLED codes. Fighting named
    as a noun is background ("after two days of clashes, the forces retreated")."""
    if sent.span is None:
        return False
    doc = sent.span.doc
    for t in sent.triggers:
        if t.family in ("clash", "kill") and sent.reasons.get(t.start, "asserted") == "asserted":
            root = _root(t, doc)
            if root is not None and root.pos_ == "VERB":
                return True
    return False


def _noun_kind(tok, words: dict[str, frozenset[str]], key_armed: str = "armed") -> set[str]:
    """'civilian' / 'armed' / 'crowd' for a noun phrase's head and the nouns joined to it ("a man and his son")."""
    out = set()
    nouns, todo = [], [tok]
    while todo and len(nouns) < 12:  # "4 militants, 1 civilian, and 3 soldiers": conj chains
        t = todo.pop()
        nouns.append(t)
        # ("an attack on Nanduli, a farming village": a name's apposition says what it is)
        todo.extend(c for c in t.children if c.dep_ == "conj" or (c.dep_ == "appos" and t.pos_ == "PROPN"))
    for t in nouns:
        lemma = t.lemma_.lower()
        if _of_crowd_body(t, words):
            out |= {"crowd", "civilian"}  # "members of the opposition party", "of a community": no armed group
            continue
        if t.i > t.left_edge.i and any(w.lower_ in words.get("unarmed_modifiers", ()) for w in t.doc[t.left_edge.i:t.i]):
            out.add("civilian")  # "an off-duty police officer", "a retired soldier": not under arms when hit
            continue
        if lemma in words["armed"] or t.lower_ in words["armed"] or any(
                c.dep_ in ("compound", "amod") and (c.lemma_.lower() in words["armed"] or c.lower_ in words["armed"])
                and not any(g.lower_ == "with" for g in c.children)  # "villagers armed with sticks": a crowd
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


def _of_crowd_body(tok, words: dict[str, frozenset[str]]) -> bool:
    """A noun named as belonging to a party, a union, a community ("members of the ruling party")."""
    bodies = words.get("crowd_bodies", frozenset())
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj" and (g.lemma_.lower() in bodies or any(
                        k.dep_ == "compound" and k.lemma_.lower() in bodies for k in g.children)):
                    return True
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in bodies for c in tok.children)


def _trigger_roots(draft: Draft, sent: SentenceMentions) -> Iterator[Token]:
    """The parse's head word of each trigger word of a draft (its main one first)."""
    doc = sent.span.doc
    for t in [draft.trigger, *draft.extra]:
        root = _root(t, doc)
        if root is not None:
            yield root


def _active_subjects(draft: Draft, sent: SentenceMentions) -> set[str]:
    """What kind of people are the subjects of the draft's violence words used as active verbs ("villagers
    attacked", "workers clashed"); a participle's subject is who it was done to ("left a student injured")."""
    words = target_words()
    out: set[str] = set()
    for tok in _trigger_roots(draft, sent):
        if tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBP", "VBZ", "VB", "VBG") or any(
                c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            continue
        for c in tok.children:
            if c.dep_ == "nsubj":
                if c.lemma_.lower() in words.get("police", ()) and not any(n.lemma_.lower() not in words.get(
                        "police", ()) for n in c.conjuncts):
                    continue  # "police slapped a shopkeeper": the police are who a crowd fights, no armed group
                kinds = _noun_kind(c, words)
                if kinds == {"civilian"} and c.tag_ in ("NNS", "NNPS"):
                    kinds.add("crowd")  # "fruit sellers clashed with the police": unarmed people, many of them
                out |= kinds
    return out - {"civilian"} if "armed" in out else out


def _between(draft: Draft, sent: SentenceMentions) -> set[str]:
    """What kind of people a fight named as a noun is between ("a clash between two groups of villagers");
    the police there count as no armed group (a crowd fighting the police is a riot, not a battle)."""
    words = target_words()
    out: set[str] = set()
    for root in _trigger_roots(draft, sent):
        if root.pos_ != "NOUN":
            continue
        # "a clash between ...", and "a clash erupted / took place between ...": the phrase may hang on the verb.
        heads = [root, root.head] if root.dep_ == "nsubj" and root.head.pos_ == "VERB" else [root]
        for c in (c for h in heads for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        out |= _noun_kind(g, words, key_armed="armed")
                        police = [n for n in [g, *g.conjuncts] if n.lemma_.lower() in words.get("police", ())]
                        if police and len(police) < 1 + len(g.conjuncts):
                            out.discard("armed")
    return out


def _replied_in(draft: Draft, sent: SentenceMentions) -> bool:
    """The sentence says the other side fired back, not in a clause that tells another happening
    (grouping.told_apart: "..., as Russian forces pushed deeper and fought their way into the town")."""
    apart = told_apart(draft, sent)
    return any(sent.start + m.start() not in apart for m in _cues()["reply"].finditer(sent.text))


def _replied_after(sent: SentenceMentions) -> bool:
    """The sentences after this one in its paragraph say the other side fired back."""
    rest = _rest_of_paragraph(sent)
    return rest is not None and bool(_cues()["reply"].search(rest.text))


def _targets(draft: Draft, sent: SentenceMentions) -> tuple[set[str], set[str]]:
    """What kind of people or things the violence words of a draft were done to, and who did it, from the
    parse: objects and passive subjects of the verbs, "on"/"at"/"against" phrases."""
    if sent.span is None:
        return set(), set()
    words = target_words()
    targets: set[str] = set()
    attackers: set[str] = set()
    for tok in _trigger_roots(draft, sent):
        verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
        # A verb whose object says whom it was done to ("killed a man at a checkpoint") has its "at"/"on"
        # phrases for where it happened; only a verb with no such object ("fired at a post") has its target there.
        direct: set[str] = set()
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                direct |= _noun_kind(_antecedent(c, verb), words)
            elif c.dep_ in ("advcl", "conj") and c.tag_ == "VBG" and c.lemma_.lower() in words["harm_verbs"]:
                # "opened fire on the area, injuring a child": who the participle harmed was the target.
                for g in c.children:
                    if g.dep_ == "dobj":
                        direct |= _noun_kind(g, words)
        targets |= direct
        if not direct and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB":
            # "fired live rounds at students, killing two": whom the participle harmed is whom the verb it
            # tells the outcome of was aimed at.
            for c in verb.head.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "at", "against"):
                    for g in c.children:
                        if g.dep_ == "pobj":
                            targets |= _noun_kind(g, words)
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "at", "against") and not direct:
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
    if not targets:
        targets = _noun_after(draft, sent, words)
    return targets, attackers - {"civilian"} if "armed" in attackers else attackers


def _antecedent(tok: Token, verb: Token) -> Token:
    """The noun a pronoun object stands for where its verb is joined by "and" to a verb with an object of its
    own ("dragged two former officers from their homes and shot them dead": them, the officers); else the
    object itself."""
    if tok.pos_ != "PRON" or tok.dep_ != "dobj" or verb.dep_ != "conj":
        return tok
    first = verb.head
    objects = [c for c in first.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
    return objects[0] if first.pos_ == "VERB" and objects else tok


_BEFORE_HEAD = frozenset({"DET", "NUM", "ADJ", "ADV", "PUNCT"})


def _noun_after(draft: Draft, sent: SentenceMentions, words: dict[str, frozenset[str]]) -> set[str]:
    """What kind of people the noun right after a violence word is ("shot dead two employees of the
    department", "gunned down a prosecutor"), where the parse gave the verb no object (it took "shot" for a
    noun): the first noun within a few words, past only articles, numbers and adjectives."""
    doc = sent.span.doc
    for t in [draft.trigger, *draft.extra]:
        tok = _root(t, doc)
        if tok is None:
            continue
        end = max(w.i for w in doc[tok.i: tok.i + 1]) + 1
        while end < len(doc) and doc[end].idx < t.end:
            end += 1
        for w in doc[end: min(end + 5, sent.span.end)]:
            if w.pos_ in ("NOUN", "PROPN"):
                while w.dep_ == "compound" and w.head.i > w.i:
                    w = w.head  # "a district prosecutor": the head noun says who
                return _noun_kind(w, words)
            if w.pos_ not in _BEFORE_HEAD or w.text in (",", ";", ":"):
                break
    return set()


@lru_cache(maxsize=1)
def _crowd_words() -> dict[str, list[str]]:
    data = json.loads(resources.files("contested").joinpath("data/crowds.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


_CROWD_MATCHERS: dict[int, object] = {}


def _crowd_cues(sent: SentenceMentions, following: bool = False) -> set[str]:
    """Which kinds of crowd words (intervention, lethal, violence_by_crowd, mob) the sentence holds; with
    ``following``, those of the sentences after it in its paragraph instead (what was done to a crowd, or by
    it, is often told after the sentence that says it gathered)."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    if following:
        span = _rest_of_paragraph(sent)
        if span is None:
            return set()
    else:
        span = sent.span if sent.span is not None else _blank().make_doc(sent.text)
    vocab = span.doc.vocab if hasattr(span, "doc") else span.vocab
    matcher = _CROWD_MATCHERS.get(id(vocab))
    if matcher is None:
        tokenizer = _blank().tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for kind, phrases in _crowd_words().items():
            if kind.startswith("grievance_") or kind in ("crowd_counts", "crowd_named", "self_verbs"):
                continue
            matcher.add(kind, [Doc(vocab, words=[t.text for t in tokenizer(p)]) for p in phrases])
        _CROWD_MATCHERS[id(vocab)] = matcher
    doc = span.doc if hasattr(span, "doc") else span
    out = set()
    for m_id, s, e in matcher(span):  # offsets in the document
        root = doc[s:e].root
        if root.lemma_.lower() in ("arrest", "detain") and root.pos_ != "VERB":
            continue  # "protested against the arrest of an editor": no arrest of the protesters
        if following and root.lemma_.lower() in ("arrest", "detain", "arrests") and not _cues()["the_crowd"].search(
                root.sent.text):
            continue  # "He was arrested last week" after a protest: the grievance, not what was done to it
        kind = vocab.strings[m_id]
        if following and kind == "lethal" and not _crowd_named().search(root.sent.text):
            continue  # "Gunmen killed two soldiers" after a protest: no force used on the crowd
        if _grievance(root):
            continue  # "demanded the release of activists who were detained": what they protest about
        if root.pos_ == "VERB" and root.lemma_.lower() in _crowd_words().get("self_verbs", ()) and not any(
                c.dep_ in ("dobj", "nsubjpass", "auxpass", "agent") for c in root.children):
            continue  # "marched for an hour before dispersing": the crowd went home, nobody broke it up
        out.add(kind)
    return out


@lru_cache(maxsize=1)
def _grievance_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words = _crowd_words()
    return (frozenset(words.get("grievance_preps", ())), frozenset(words.get("grievance_verbs", ())),
            frozenset(words.get("grievance_nouns", ())))


@lru_cache(maxsize=1)
def _crowd_named() -> re.Pattern[str]:
    """Words that name a demonstration's crowd (a lethal word in a later sentence counts only beside one)."""
    words = _crowd_words().get("crowd_named", [])
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE) if words else re.compile(r"(?!)")


@lru_cache(maxsize=1)
def _crowd_counts() -> frozenset[str]:
    return frozenset(_crowd_words().get("crowd_counts", ()))


def _grievance(tok) -> bool:
    """A word told as what a crowd protests about, not as what happened at the protest: under "against",
    "over", "following", "fearing", "demanding", "condemning" ... ("protested against the attack on their
    leader", "demanded the release of activists who were detained")."""
    preps, verbs, nouns = _grievance_words()
    counts = _crowd_counts()
    cur = tok
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ == "conj" and cur.pos_ == "VERB":
            return False  # "protested against taxes and were dispersed": a verb of its own, what happened next
        if head.pos_ == "ADP" and head.lower_ in preps and not (
                head.lower_ == "of" and head.head.lemma_.lower() in counts):
            return True  # ("dozens of rioters", "a group of protesters": how many, not what about)
        if head.lemma_.lower() in verbs or (head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in nouns):
            return True
        if cur.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
            cur = head  # "activists who were detained": go on from the noun
            continue
        if head.pos_ == "VERB" and cur.dep_ not in ("pobj", "dobj", "prep", "relcl", "acl", "xcomp", "advcl"):
            return False
        cur = head
    return False


def _extra_is_grievance(t, sent: SentenceMentions) -> bool:
    """A trigger joined to a demonstration that names what it is about ("against the attack")."""
    if sent.span is None:
        return False
    root = _root(t, sent.span.doc)
    return root is not None and _grievance(root)


def _rest_of_paragraph(sent: SentenceMentions, max_chars: int = 600):
    """The tokens after a sentence up to its paragraph's end (a line break), at most about ``max_chars``
    characters on, as a span of the parsed document; None where there is none. Walks the tokens (the
    document's whole text is never built)."""
    span = sent.span
    if span is None:
        return None
    doc = span.doc
    i = span.end
    if i == 0 or i >= len(doc) or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text:
        return None  # the sentence ends its paragraph (a line break after it, or as its last token)
    limit = doc[i].idx + max_chars
    j = i
    while j < len(doc) and doc[j].idx < limit and "\n" not in doc[j].text:
        j += 1
        if "\n" in doc[j - 1].whitespace_:
            break
    return doc[i:j] if j > i else None


@lru_cache(maxsize=1)
def _blank():
    import spacy

    return spacy.blank("en")


def _crowd_type(draft: Draft, sent: SentenceMentions) -> tuple[str, str]:
    """Protest or riot, and its ACLED sub-kind, from the crowd words and the other triggers of the sentence."""
    cues = _crowd_cues(sent)
    later = _crowd_cues(sent, following=True) & {"intervention", "violence_by_crowd", "lethal"}
    families = {t.family for t in draft.extra if not _extra_is_grievance(t, sent)}
    if draft.family == "riot" and "protest" in families and _extra_is_grievance(draft.trigger, sent):
        # "protested against the detention of people involved in riots": a protest about a riot
        draft = Draft(next(t for t in draft.extra if t.family == "protest"), "protest", [])
    if "mob" in cues and draft.family == "riot" and re.search(r"\b(mobs?|lynch\w*|vigilantes?)\b", draft.trigger.text,
                                                             re.IGNORECASE):
        return "riot", "mob_violence"
    if draft.family == "riot":
        if (_cues()["stones"].search(draft.trigger.text) and "protest" not in families
                and not _cues()["demands"].search(sent.text)):
            # Stones thrown at police or at a house with no demonstration told: violence by a crowd (mob).
            return "riot", "mob_violence"
        return "riot", "violent_demonstration"
    if "violence_by_crowd" in cues or "property" in families or "riot" in families:
        # A crowd that throws stones or burns is a riot, whatever was done to it.
        return "riot", "violent_demonstration"
    deaths = [t for t in draft.extra if t.family == "kill" and _cues()["deaths"].search(t.text)
              and not _extra_is_grievance(t, sent)]
    if deaths or "lethal" in cues:
        return "protest", "excessive_force"
    if "intervention" in cues or "clash" in families or "beat" in families:
        return "protest", "with_intervention"
    if "violence_by_crowd" in later:
        return "riot", "violent_demonstration"
    if "lethal" in later:
        return "protest", "excessive_force"  # "Security forces then opened fire on the protesters."
    if "intervention" in later:
        return "protest", "with_intervention"
    return "protest", "peaceful"


def _trigger_noun(doc, t):
    """The noun a trigger's words head, read from the parse: the trigger's root, or the noun it modifies
    ("grenade" in "grenade attack"); None where the trigger's characters make no tokens."""
    tok = _root(t, doc)
    if tok is None:
        return None
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head
    return tok
