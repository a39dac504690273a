"""Stages: event or not, then triggers -> drafts. A trigger word in a clause that tells no event is left out
(a negated control word and a retelling are kept for the claim they may be on an event told before; a
happening named only as a landmark, "south of the fighting", joins no draft beside words that tell one); a
capture word may name an arrest, a clash at posts or a seizure of things; background ("the latest in a
string of districts to fall") is left out; then every control word is a draft of its own, violence words
join the nearest one or make one together, and a weak word makes one only where nothing stronger is; a clause
introduced by "as" or "while", joined by "and" or hung on a place by "where", with a doer of its own ("..., as
Russian forces pushed deeper and fought their way into the town", "..., and bombs struck a camp") is grouped
apart, another happening. A bare "take" is a capture only where it took a named place; an evacuation of
civilians is a displacement."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from contested.config import ExtractionSettings
from contested.eventness import ASSERTED, LANDMARK, NEGATED, REFERENCE, governing_verb, load_words
from contested.families import (
    CROWD_FAMILIES,
    OTHER_TYPE,
    VIOLENCE_PRIORITY,
    VIOLENCE_TYPE,
    WEAK_FAMILIES,
    WEAPON_FAMILIES,
)
from contested.stages.distribute import nearest
from contested.stages.places import PLACE_NOUNS
from contested.stages.records import Draft, SentenceMentions
from contested.stages.tokens import token_at
from contested.textnorm import name_key
from contested.triggers import CONTROL_FAMILIES, Trigger

# Background, not news: "the latest in a string of districts to fall since foreign forces began their
# withdrawal".
_BACKGROUND = re.compile(r"\b(since|the latest in|in a string of|a series of|as part of|ever since|"
                         r"bringing the (?:total|number|tally|toll))\b[^,.;]*$",
                         re.IGNORECASE)
_THINGS = re.compile(
    r"\b(weapons?|rifles?|guns?|ammunition|vehicles?|motorcycles?|motorbikes?|tanks?|equipment|launchers?|pistols?|"
    r"radios?|kalashnikovs?|AK-47s?|uniforms?|explosives|rounds|humvees?|trucks?|cars?|arms|munitions|"
    r"machine guns?|RPGs?|materials?|supplies|drugs|narcotics|opium|heroin|cash|money)\b",
    re.IGNORECASE,
)
# A person named first, before whatever place follows ("seized a member of the city council", "took him to an
# unknown location"): people, not a place.
_PERSON_FIRST = re.compile(
    r"\s*(?:(?:a|an|the|one|two|three|four|five|\d+|several|some|its|their|his|her)\s+)?(?:[\w-]+\s+)?"
    r"(members?|heads?|leaders?|chiefs?|officials?|governors?|mayors?|councillors?|councilors?|journalists?|"
    r"employees?|staff|residents?|villagers?|relatives?|sons?|daughters?|wives|wife|husbands?|him|her)\b"
    r"(?!\s+(?:district|town|city|village|province|base))",
    re.IGNORECASE,
)
# Checkpoints and posts overrun in fighting: ACLED codes the fighting (an armed clash), not territory.
_POSTS = re.compile(r"\b(check ?posts?|checkpoints?|check points?|posts?|outposts?|points?|security posts?|positions?)\b",
                    re.IGNORECASE)
_INCLUDED = re.compile(r"(includ\w*|with air support|backed by|supported by|as well as)\W+(\w+\W+){0,4}$", re.IGNORECASE)
# Capture words that say a place changed hands whatever follows ("fell", "came under").
_PLACE_CAPTURE = re.compile(r"(fell|fall|falling|collapsed|entered|swept|under|came|come|now|was|were|is|are)",
                            re.IGNORECASE)


def may_be_about_told(sent: SentenceMentions, t: Trigger) -> bool:
    """Whether the trigger's clause tells an event, or may be a claim on one told before."""
    reason = sent.reasons.get(t.start, ASSERTED)
    return reason == ASSERTED or reason.startswith(REFERENCE) or (reason == NEGATED and t.family in CONTROL_FAMILIES)


def admitted(sent: SentenceMentions) -> list[Trigger]:
    """Event or not (eventness.py): only asserted clauses make events; a negated control word is kept for
    the denial it may be of an event told before, a retelling for the claim it may be (a denial of nothing is
    dropped by ``asserted``; a retelling of nothing told is the article's first telling)."""
    return [t for t in sent.triggers if may_be_about_told(sent, t)]


def capture_object(sent: SentenceMentions, t: Trigger, config: ExtractionSettings) -> str | None:
    """What a capture word captured: "place", "people" (an arrest), "things" (weapons) or "posts", from the
    words that follow it (active) or come before "were/was" (passive)."""
    rel = t.start - sent.start
    before = sent.text[max(0, rel - config.capture_before_chars): rel]
    passive = re.search(r"\b(were|was|been|be|are|is)\s+(\w+\s+)?$", before, re.IGNORECASE)
    if passive:
        region = re.split(r"[,;]|\band\b", before[: passive.start()])[-1]
    else:
        after = sent.text[t.end - sent.start: t.end - sent.start + config.capture_after_chars]
        region = re.split(r"[,;]|\b(in|on|at|near|after|during|by|from)\b", after)[0]
    if _POSTS.search(region) and not re.search(r"\b(district|town|city|centre|center|headquarters|crossing|base)\b",
                                               region, re.IGNORECASE):
        return "posts"
    if passive and re.fullmatch(r"\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*", region, re.IGNORECASE):
        return "people"  # "9 were killed, 1 was captured"
    if not passive and _PERSON_FIRST.match(region):
        return "people"  # "seized a member of the city council at a checkpoint", "took him to ..."
    if PLACE_NOUNS.search(region) or any(
            p[0] >= 0 and t.start - config.capture_place_before_chars <= p[0] <= t.end + config.capture_place_after_chars
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


# What may stand between a bare "take" and the named place taken: "had taken Kaina", "took the town of Hsenwi",
# "took the key border town of X" (the words before "of" end in a place noun).
_TAKEN_GAP = re.compile(r"\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:" + PLACE_NOUNS.pattern.removeprefix(r"\b(").removesuffix(r")\b") + r")s?\s+of\s+)?",
                        re.IGNORECASE)


def _takes_place(sent: SentenceMentions, t: Trigger, config: ExtractionSettings) -> bool:
    """Whether a bare "take" (the family "take", listed last in data/families.json) took a place the
    gazetteer knows: the place right after it ("the rebels had taken Kaina", "took the town of Hsenwi"), or,
    in the passive, the place it is said of ("Kaina was taken on Wednesday"). "Took two doctors", "took
    place", "taken to hospital" take no place."""
    after = sent.text[t.end - sent.start:]
    for p in sent.places:
        if p[0] >= t.end and _TAKEN_GAP.fullmatch(after[: p[0] - t.end]):
            return True
    rel = t.start - sent.start
    passive = re.search(r"\b(?:were|was|been|be|are|is)\s+(?:\w+\s+)?$", sent.text[:rel], re.IGNORECASE)
    return passive is not None and capture_object(sent, t, config) == "place"


def _many_left(sent: SentenceMentions, t: Trigger) -> str | None:
    """The words of the subject of a bare "leave" where it is many people or a group ("thousands of residents
    left", "they left", "the Taliban left"), not one person ("the governor left the city", "he left Kabul
    for talks"): a plural noun, a plural pronoun, or a name that is no person; else None."""
    if sent.span is None:
        return None
    tok = token_at(sent.span.doc, t.start)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return None
    if tok.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") for c in tok.children):
        return None  # "took six herders with them when they left the village": when, not what happened
    for c in tok.children:
        if c.dep_ != "nsubj":
            continue
        if c.tag_ in ("NNS", "NNPS") or c.lower_ in ("they", "we") or (
                c.pos_ == "PROPN" and c.ent_type_ in ("ORG", "NORP")):
            return " ".join(w.text for w in c.subtree)
    return None


@lru_cache(maxsize=1)
def target_words() -> dict[str, frozenset[str]]:
    """The word lists of data/targets.json (whom or what violence was done to, who is moved), read once."""
    data = json.loads(resources.files("contested").joinpath("data/targets.json").read_text(encoding="utf-8"))
    return {k: frozenset(v) for k, v in data.items() if not k.startswith("_")}


@lru_cache(maxsize=1)
def _moved_people() -> re.Pattern[str]:
    """People whom an evacuation or a leaving moves from their homes (targets.json moved_people): "police evacuated
    23 civilians" is a displacement, not a retreat of the evacuating side."""
    words = sorted(target_words()["moved_people"], key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _moves_people(sent: SentenceMentions, t: Trigger, config: ExtractionSettings) -> bool:
    """Whether a retreat word that evacuates ("evacuated", "evacuating") moves civilians out: "Police
    evacuated 23 civilians from the town" is a displacement; "troops evacuated the base" a retreat."""
    if not t.text.lower().startswith("evacuat") or capture_object(sent, t, config) != "people":
        return False
    after = sent.text[t.end - sent.start: t.end - sent.start + config.capture_after_chars]
    return _moved_people().search(re.split(r"[,;]|\b(?:in|on|at|near|from|to)\b", after)[0]) is not None


def refine_families(triggers: list[Trigger], sent: SentenceMentions, config: ExtractionSettings) -> list[Trigger]:
    """A trigger's family from what its words act on: "captured three militants" is an arrest, "overran
    checkpoints" a clash, "seized weapons" a seizure; a weapon named as a thing seized, destroyed or found
    ("1 RPG launcher was seized") is no attack with it; air strikes or mines named as part of an operation
    ("operations that included airstrikes") are part of the clash (ACLED codes the operation)."""
    out = []
    for t in triggers:
        if t.family == "take":
            if not _takes_place(sent, t, config):
                continue
            t = Trigger("capture", t.start, t.end, t.text)
        elif t.family == "leave":
            left_by = _many_left(sent, t)
            if not _takes_place(sent, t, config) or left_by is None:
                continue
            # "thousands of residents left the town" fled it; "the insurgents left the town" withdrew from it.
            t = Trigger("flee" if _moved_people().search(left_by) else "retreat", t.start, t.end, t.text)
        elif t.family == "retreat" and _moves_people(sent, t, config):
            t = Trigger("displacement", t.start, t.end, t.text)
        elif t.family == "capture" and not _PLACE_CAPTURE.match(t.text):
            obj = capture_object(sent, t, config)
            if obj == "people":
                t = Trigger("arrest", t.start, t.end, t.text)
            elif obj == "posts":
                t = Trigger("clash", t.start, t.end, t.text)
            elif obj == "things":
                t = Trigger("weapons", t.start, t.end, t.text)
        out.append(t)
    out = [t for t in out if not (t.family in WEAPON_FAMILIES and t.start in sent.seized_words)]
    out = _without_losers_side(out, sent)
    if any(t.family == "clash" for t in out):
        out = [
            Trigger("clash", t.start, t.end, t.text)
            if t.family in ("air", "explosive", "shelling") and _INCLUDED.search(sent.text[: t.start - sent.start])
            else t
            for t in out
        ]
    return out


@lru_cache(maxsize=1)
def _time_marks() -> frozenset[str]:
    """Conjunctions of a clause of time (data/typing_rules.json time_marks)."""
    data = json.loads(resources.files("contested").joinpath("data/typing_rules.json").read_text(encoding="utf-8"))
    return frozenset(w.lower() for w in data["time_marks"])


_TAKING = frozenset({"capture", "regain", "take", "surrender_place"})
_GIVING_WAY = frozenset({"retreat", "surrender"})


def _without_losers_side(triggers: list[Trigger], sent: SentenceMentions) -> list[Trigger]:
    """A withdrawal or surrender told in a clause of time hung on a capture ("the army took the town after
    rebels pulled out overnight", "entered the city after a local group switched sides and handed it over"):
    how the place changed hands, the losing side of the same happening, not an event of its own."""
    if sent.span is None or not any(t.family in _TAKING for t in triggers):
        return triggers
    doc = sent.span.doc
    taking = {tok.i for t in triggers if t.family in _TAKING and (tok := token_at(doc, t.start)) is not None}
    marks = _time_marks()
    out = []
    for t in triggers:
        tok = token_at(doc, t.start) if t.family in _GIVING_WAY else None
        while tok is not None and tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head  # "switched sides and handed over the city": the first verb's clause
        if (tok is not None and tok.pos_ == "VERB" and tok.dep_ == "advcl" and tok.head.i in taking
                and any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)):
            continue
        out.append(t)
    return out


def drop_background(triggers: list[Trigger], sent: SentenceMentions, config: ExtractionSettings) -> list[Trigger]:
    """Background, not news: a trigger after "since", "the latest in a string of", "as part of"."""
    window = config.background_chars
    return [t for t in triggers
            if not _BACKGROUND.search(sent.text[max(0, t.start - sent.start - window): t.start - sent.start])]


def _clause_verb(tok):
    """The verb of a trigger's clause, up through verbs joined by "and" to the first of them (the one that
    has the subject they share), or None where no verb governs it."""
    verb = governing_verb(tok)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(4):
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    return verb


def _has_doer(tok) -> bool:
    """Whether the trigger's clause names who or what did it, or at least is no passive tally: an active
    subject ("a missile struck", "the missile" itself as the subject), or an active verb whose subject the
    parse hangs elsewhere ("Insurgents linked to the group beheaded four men"); not a passive ("four were
    killed", "casualties were inflicted") nor a death ("three died")."""
    undergoers = load_words().undergoer_verbs
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() not in undergoers:
        return True
    verb = _clause_verb(tok)
    if verb is None or verb.lemma_.lower() in undergoers:
        return False
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ in ("advcl", "conj", "xcomp", "ccomp")


def _doer_of_its_own(verb, families: dict[int, str]) -> bool:
    """Whether a clause's verb has a subject that does what the clause tells: a name or noun, not a pronoun
    ("as they fought back" is most often the main clause's own doer); an event word as the subject ("as
    fighting raged", "and fighting spread") names the happening as a setting, unless the clause's verb is an
    event word itself; a weapon ("jets bombed", "a missile struck") is a doer."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
            verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)):
        return False  # "..., and three policemen were killed", "... and six injured": figures of the same happening
    verb_is_trigger = verb.i in families
    if verb_is_trigger and verb.dep_ == "advcl" and verb.tag_ == "VBD" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return True  # "..., while in the west gunmen killed dozens": a finite verb has a subject, the parse lost it
    for c in verb.children:
        if c.dep_ != "nsubj" or c.pos_ in ("PRON", "DET", "NUM"):
            continue
        family = families.get(c.i)
        if family is None or verb_is_trigger or family in WEAPON_FAMILIES:
            return True
    return False


def _own_clause(tok, marks: frozenset[str], families: dict[int, str]) -> int | None:
    """The verb of the nearest clause above a trigger (the trigger's own clause first) that tells a happening
    of its own, or None: an "as"/"while" clause (eventness.json ``simultaneous_marks``: "..., as Russian
    forces pushed deeper and fought their way into the town"), a clause joined by "and" ("..., and junta
    troops left the town"), a "where" clause ("..., where the rebels attacked the port") or a clause on a time
    ("..., in a week in which separatist fighters killed three gendarmes": eventness.json ``time_clause_nouns``), each with a doer
    of its own (``_doer_of_its_own``). A participle rides with the clause it hangs from ("jets bombed
    positions, killing 27"). A passive ("..., while a second man was shot in the neck") or a death ("...,
    while a fourth died in hospital": eventness.json ``undergoer_verbs``) is a figure of the same happening:
    neither makes a clause of its own. ``families``: the sentence's trigger tokens and their families."""
    verb = governing_verb(tok)
    undergoers = load_words().undergoer_verbs
    time_nouns = load_words().time_clause_nouns  # "in a week in which fighters killed three gendarmes"
    for _ in range(12):
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() not in undergoers and (
                (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children))
                or (verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"))
                or (verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where"
                                                 for c in verb.children))
                or (verb.dep_ == "relcl" and verb.head.lemma_.lower() in time_nouns)) \
                and _doer_of_its_own(verb, families):
            return verb.i
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def clause_groups(triggers: list[Trigger], sent: SentenceMentions) -> list[list[Trigger]]:
    """The sentence's triggers by happening: a clause with a doer of its own (``_own_clause``: "A missile
    struck a printing works, killing four, as Russian forces pushed deeper into the border area and fought
    their way into the town"; "..., while Air Force jets bombed positions in the next district, killing 27";
    "..., and bombs struck a camp") tells another happening than the clause it hangs from, where each has a
    control or violence word of its own and no crowd is in the sentence (a crowd is one event with what was
    done to it or by it), and where the clause it hangs from is no passive tally. One group where the parse
    is not at hand."""
    if len(triggers) < 2 or sent.span is None or any(t.family in CROWD_FAMILIES for t in triggers):
        return [triggers]
    marks = load_words().simultaneous_marks
    tokens = {t.start: token_at(sent.span, t.start) for t in triggers}
    families = {tok.i: t.family for t in triggers if (tok := tokens[t.start]) is not None}
    keys = {start: (_own_clause(tok, marks, families) if tok is not None else None)
            for start, tok in tokens.items()}
    groups: dict[int | None, list[Trigger]] = {}
    for t in triggers:
        groups.setdefault(keys[t.start], []).append(t)
    strong = CONTROL_FAMILIES | set(VIOLENCE_TYPE)
    if len(groups) < 2 or not any(t.family in strong for t in groups.get(None, ())):
        return [triggers]
    for key in [k for k, g in groups.items() if k is not None and not any(t.family in strong for t in g)]:
        groups[None].extend(groups.pop(key))  # a clause with only a weak word ("under a deal") adds to the main one
    if len(groups) < 2:
        return [triggers]
    if not any(tokens[t.start] is not None and _has_doer(tokens[t.start]) for t in groups[None]):
        # "Civilian casualties were inflicted as the army fired a rocket": the "as" clause says who did what
        # the clause it hangs from tells (one happening).
        return [triggers]
    return [sorted(g, key=lambda t: t.start) for g in groups.values()]


def told_apart(draft: Draft, sent: SentenceMentions) -> set[int]:
    """The starts of the sentence's trigger words that ``clause_groups`` puts in another happening than the
    draft's: "fought" in "a missile struck ..., as Russian forces ... fought their way into the town" is no
    reply to the missile."""
    groups = clause_groups(admitted(sent), sent)
    if len(groups) < 2:
        return set()
    return {t.start for g in groups if all(t.start != draft.trigger.start for t in g) for t in g}


def group_triggers(triggers: list[Trigger], sent: SentenceMentions, config: ExtractionSettings) -> list[Draft]:
    """Triggers -> drafts, in text order: one per control trigger, violence words joined to one event (or to
    the nearest control event), a weak word's event only where nothing stronger is; a demonstration is one
    event with what was done to it or by it. An "as"/"while" clause with a subject of its own is grouped
    apart (``clause_groups``)."""
    groups = clause_groups(triggers, sent)
    if len(groups) > 1:
        drafts = [d for g in groups for d in group_triggers(g, sent, config)]
        drafts.sort(key=lambda d: d.trigger.start)
        return drafts
    control = [t for t in triggers if t.family in CONTROL_FAMILIES]
    violence = [t for t in triggers if t.family in VIOLENCE_TYPE]
    weak = [t for t in triggers if t.family in OTHER_TYPE]
    crowd = [t for t in weak if t.family in CROWD_FAMILIES]
    if crowd and not control and not any(t.family in WEAPON_FAMILIES | {"suicide", "disrupted"} for t in violence):
        # "police shot dead two protesters" (excessive force), "rioters looted shops" (a violent
        # demonstration), "a mob beat a man to death".
        kind = "riot" if any(t.family == "riot" for t in crowd) else "protest"
        main = next(t for t in crowd if t.family == kind)
        others = [t for t in violence + weak if t is not main]
        return [Draft(main, kind, others)]
    drafts: list[Draft] = []
    for t in control:
        prev = drafts[-1] if drafts else None
        if (prev is not None and prev.family == t.family and t.text.lower().endswith("ing")
                and re.search(r",\s*$", sent.text[: t.start - sent.start])):
            # "entered Qala-i-Naw on Wednesday, seizing the police headquarters": one capture.
            prev.extra.append(t)
            continue
        drafts.append(Draft(t, t.family))
    # (A control word that names a happening told before, "The recapture came a day after the joint force
    # fought the insurgents at Awasse on Saturday", takes no violence word its sentence asserts of its own.)
    told_again = bool(drafts) and all(sent.reasons.get(d.trigger.start, ASSERTED).startswith(REFERENCE)
                                      for d in drafts) and any(
        sent.reasons.get(t.start, ASSERTED) == ASSERTED for t in violence)
    if violence:
        if drafts and not told_again:
            apart = _fought_elsewhere(violence, drafts, sent)
            for ts in apart:
                main = next(t for t in ts if t.family == min((t.family for t in ts), key=VIOLENCE_PRIORITY.index))
                drafts.append(Draft(main, main.family, [t for t in ts if t is not main]))
            rest = [t for t in violence if not any(t in ts for ts in apart)]
            # Violence words join the nearest control event (its fatalities come with them).
            joined = nearest(rest, lambda t: (t.start, t.end), drafts[: len(drafts) - len(apart)],
                             config.violence_before_weight)
            for i, ts in joined.items():
                drafts[i].extra.extend(ts)
        else:
            # The event is told by the words that assert it: "South of the fighting, insurgents beheaded four
            # men" is a killing; the fighting told before is its landmark (a reference), not its type.
            told = [t for t in violence if not sent.reasons.get(t.start, ASSERTED).startswith(LANDMARK)] or violence
            fam = min((t.family for t in told), key=VIOLENCE_PRIORITY.index)
            main = next(t for t in told if t.family == fam)
            drafts.append(Draft(main, fam, [t for t in told if t is not main]))
    if weak and all(sent.reasons.get(d.trigger.start, ASSERTED).startswith(REFERENCE) for d in drafts):
        # Nothing stronger, or only a reference to a happening ("arrested a man in the shooting"): the arrest
        # is news of its own.
        fam = min((t.family for t in weak), key=WEAK_FAMILIES.index)
        main = next(t for t in weak if t.family == fam)
        drafts.append(Draft(main, fam, [t for t in weak if t is not main]))
    drafts.sort(key=lambda d: d.trigger.start)
    return drafts


def _fought_elsewhere(violence: list[Trigger], drafts: list[Draft], sent: SentenceMentions) -> list[list[Trigger]]:
    """The violence words of a clause joined by "and" to a control word's clause, sharing its subject, that
    names a place of its own where the control word's clause names another ("overran the centre of Eshkamesh
    district on Wednesday ... and fought government forces through the night on the edge of Pul-e Khumri"):
    the fight is a happening of its own at its own place, not a part of the capture (nor a capture at the
    second place). One list of words per such clause."""
    if sent.span is None or not sent.places:
        return []
    control_at = {d.trigger.start for d in drafts}
    clauses: dict[int, tuple] = {}
    for t in violence:
        tok = token_at(sent.span, t.start)
        if tok is None:
            continue
        verb = governing_verb(tok)
        if verb.dep_ != "conj" or verb.pos_ not in ("VERB", "AUX") or verb.head.idx not in control_at:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue  # (a clause with its own subject is ``clause_groups``'s)
        clauses.setdefault(verb.i, (verb, []))[1].append(t)
    out = []
    for verb, _words in clauses.values():
        sub = list(verb.subtree)
        lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        head = verb.head
        hsub = list(head.subtree)
        hlo, hhi = hsub[0].idx, hsub[-1].idx + len(hsub[-1].text)
        own = {name_key(p[2].name) for p in sent.places if lo <= p[0] < hi}
        other = {name_key(p[2].name) for p in sent.places if hlo <= p[0] < hhi and not lo <= p[0] < hi}
        if own and other and not own & other:
            out.append([t for t in violence if lo <= t.start < hi])
    return out


def drafts_of(sent: SentenceMentions, config: ExtractionSettings) -> list[Draft]:
    """Event or not, then grouping: the sentence's drafts."""
    triggers = drop_background(refine_families(admitted(sent), sent, config), sent, config)
    return group_triggers(triggers, sent, config)


def asserted(drafts: list[Draft], sent: SentenceMentions) -> list[Draft]:
    """A denial of nothing told before asserts nothing. A reference that ``claims.claims_on_told`` found no
    event of the article for ("police arrested a man Monday in the shooting that killed two", the article's
    first word on it) is the article's telling of that happening: an event, with its figures."""
    return [d for d in drafts if (reason := sent.reasons.get(d.trigger.start, ASSERTED)) == ASSERTED
            or reason.startswith(REFERENCE)]
