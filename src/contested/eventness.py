"""Event or not, per clause: does the clause of a trigger word report that a specific thing happened?

Read from spaCy's dependency parse of the sentence and word lists (data/eventness.json), never from character
windows. A trigger's clause is the verb that governs it (the trigger itself where it is a verb, else the verb
it hangs from: "clashes erupted", "an attack on the base"). The clause is not an event where it is:

- ``negated``: "did not capture", "never fell", "no clashes" (a denial is a claim on the event it denies:
  events.py may still attach it to an earlier event of the article);
- ``modal``: a modal or future auxiliary on the clause ("could fall", "will attack", "would retake");
- ``conditional``: the clause or one above it is introduced by "if", "unless", "whether";
- ``plan``: the clause is the infinitive of a verb or noun of intent ("threatened to attack", "plans to
  retake", "a bid to capture", "failed to capture", "is expected to fall");
- ``opinion``: the clause is what someone thinks, fears or predicts ("analysts believe the city will fall"),
  or a source the article quotes as an analyst says it with no date given;
- ``question``: the sentence asks;
- ``generic``: present simple with a habitual word or a bare plural subject ("in a war, armies advance and
  fall back", "both sides lose men every week");
- ``background``: the clause is dated long before publication ("in 1996", "a quarter of a century ago");
- ``figurative``: "fall" or "collapse" whose subject is no place ("resistance had apparently collapsed").

Everything else is ``asserted``. The reason is kept with each trigger so that ``explain`` can show why a
clause was kept or left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources

ASSERTED = "asserted"
NEGATED = "negated"
REFERENCE = "reference"


@dataclass(frozen=True, slots=True)
class EventnessSettings:
    """How old a dated clause must be, in days before publication, to be background rather than news."""

    background_days: int = 365
    # Present simple verbs are generic only with a habitual word or a bare plural subject.
    generic_present: bool = True


@dataclass(frozen=True, slots=True)
class Words:
    modal_aux: frozenset[str]
    plan_governors: frozenset[str]
    plan_nouns: frozenset[str]
    opinion_governors: frozenset[str]
    conditional_marks: frozenset[str]
    habitual_words: frozenset[str]
    ago_units: frozenset[str]
    opinion_sources: frozenset[str]
    place_subject_nouns: frozenset[str]
    intransitive_capture_words: frozenset[str]
    reference_preps: frozenset[str]
    instrument_nouns: frozenset[str]
    attack_verbs: frozenset[str]
    reaction_verbs: frozenset[str]
    reference_determiners: frozenset[str]
    unrealised_modifiers: frozenset[str]
    non_violent_causes: frozenset[str]
    event_head_nouns: frozenset[str]
    enter_object_required: frozenset[str]
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_words() -> Words:
    data = json.loads(resources.files("contested").joinpath("data/eventness.json").read_text(encoding="utf-8"))
    names = [f for f in Words.__dataclass_fields__ if f != "extra"]
    return Words(**{n: frozenset(w.lower() for w in data[n]) for n in names})


_CLAUSE_UP = ("xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp")


def governing_verb(token):
    """The verb of a trigger's clause: the token itself where it is a verb, else the first verb above it."""
    t = token
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head is t:
            return t
        t = t.head
    return t


def _year(tok) -> int | None:
    """1996 in "in 1996", 1990 in "in the 1990s"."""
    text = tok.text[:-1] if tok.text.endswith("s") and len(tok.text) == 5 else tok.text
    if len(text) == 4 and text.isdigit():
        y = int(text)
        if 1900 <= y <= 2100:
            return y
    return None


def _background(verb, published: date | None, settings: EventnessSettings, words: Words) -> str | None:
    """'in 1996', 'a quarter of a century ago', 'two decades ago': the clause is dated long before."""
    for child in verb.children:
        if child.lower_ == "ago":
            units = {t.lemma_.lower() for t in child.subtree} | {t.lemma_.lower() for c in verb.children
                                                                if c.dep_ == "npadvmod" for t in c.subtree}
            if units & words.ago_units:
                return "background: dated years ago"
        if child.dep_ == "npadvmod":
            sub = list(child.subtree)
            if any(t.lower_ == "ago" for t in sub) and {t.lemma_.lower() for t in sub} & words.ago_units:
                return "background: dated years ago"
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "since", "by", "until") and published:
            for g in child.children:
                y = _year(g) if g.dep_ == "pobj" else None
                if y is not None and (published.year - y) * 365 > settings.background_days:
                    return f"background: dated {y}"
                for gg in g.children:  # "in July 1996"
                    y = _year(gg)
                    if y is not None and (published.year - y) * 365 > settings.background_days:
                        return f"background: dated {y}"
    return None


def _is_place_like(tok, words: Words, places: tuple[tuple[int, int], ...] = ()) -> bool:
    if tok.ent_type_ in ("GPE", "LOC", "FAC") or any(s <= tok.idx < e for s, e in places):
        return True
    if tok.lemma_.lower() in words.place_subject_nouns or tok.lower_ in words.place_subject_nouns:
        return True
    # "Kunduz", "Imam Sahib": a proper name, unknown to NER, may still be a place.
    return tok.pos_ == "PROPN" and tok.ent_type_ not in ("PERSON", "NORP", "ORG", "DATE", "CARDINAL")


def clause_reason(token, *, published: date | None = None, settings: EventnessSettings | None = None,
                  source: str | None = None, has_date: bool = False, family: str | None = None,
                  places: tuple[tuple[int, int], ...] = ()) -> str:
    """``asserted`` or the reason a trigger's clause tells no event (see the module's docstring)."""
    settings = settings or EventnessSettings()
    words = load_words()
    sent = token.sent
    last = next((t for t in reversed(sent) if not t.is_space and t.text not in ('"', "\u201d", "'", "\u2019", ")")),
                None)
    if last is not None and last.text == "?":
        return "question"
    verb = governing_verb(token)
    # A noun trigger with "no" ("no clashes were reported") or a verb with a negation.
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
        return NEGATED
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "pobj" and token.head.lower_ in words.reference_preps and any(
            c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in token.children):
        return f"{REFERENCE}: {token.head.lower_} {token.lower_}"  # "after the arrests": an event told before
    if token.pos_ in ("NOUN", "PROPN"):
        # "this cowardly attack", "Saturday's attack", "condemned the bombing": an event told before.
        if any((c.dep_ == "det" and c.lower_ in words.reference_determiners) or (c.dep_ == "poss"
               and any(t.ent_type_ == "DATE" for t in c.subtree)) for c in token.children):
            return f"{REFERENCE}: " + " ".join(c.lower_ for c in token.children if c.dep_ in ("det", "poss"))
        head = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in words.reaction_verbs:
            return f"{REFERENCE}: {head.lower_}"
        unrealised = [c for c in token.children if c.dep_ in ("compound", "amod")
                      and (c.lower_ in words.unrealised_modifiers or c.lemma_.lower() in words.unrealised_modifiers)]
        if unrealised:
            return f"plan: {unrealised[0].lower_}"  # "a planned attack", "planning attacks", "a foiled bombing"
        if token.dep_ == "dobj" and head.lemma_.lower() in words.plan_governors | {"plan", "prepare", "plot"}:
            return f"plan: {head.lower_}"  # "planning attacks", "prepared an offensive"
        if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN") and (
                token.lower_ in words.instrument_nouns or family in ("protest", "riot")) and (
                token.head.lemma_.lower() not in words.event_head_nouns and token.head.lower_ not in words.event_head_nouns):
            return f"modifier: {token.lower_} {token.head.lower_}"  # "drone warfare", "protest movement"
        if token.lower_ in words.instrument_nouns and token.dep_ not in ("compound", "amod"):
            # "drones", "rockets", "bombs": a weapon is an event only where the clause uses it.
            verb = governing_verb(token)
            if verb.lemma_.lower() not in words.attack_verbs:
                return f"not an attack: {token.lower_} ({verb.lemma_.lower()})"
    if token.pos_ in ("NOUN", "PROPN"):
        # "a bid to capture" is the verb's clause; "plans for an offensive": the noun hangs from a plan noun.
        head = token.head
        if token.dep_ == "pobj" and head.head.lemma_.lower() in words.plan_nouns and head.lower_ in ("for", "of"):
            return f"plan: {head.head.lower_}"
    # Walk up from the clause's verb: its own auxiliaries, marks and how it hangs from the clause above.
    v = verb
    for depth in range(4):
        kids = list(v.children)
        if any(c.dep_ == "neg" for c in kids) and depth == 0:
            return NEGATED
        if depth == 0 or v.dep_ == "conj":
            pass
        for c in kids:
            if c.dep_ == "aux" and c.lower_ in words.modal_aux and (depth == 0 or verb.dep_ == "conj"):
                return f"modal: {c.lower_}"
            if c.dep_ == "mark" and c.lower_ in words.conditional_marks:
                return f"conditional: {c.lower_}"
        if v.tag_ == "VB" and depth == 0 and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids):
            head = v.head
            if v.dep_ in ("acl", "relcl") and head.lemma_.lower() in words.plan_nouns:
                return f"plan: {head.lower_}"  # "a bid to capture", "plans to retake"
        if v.dep_ == "xcomp" or (v.dep_ == "ccomp" and v.tag_ == "VB"):
            head = v.head
            lemma = head.lemma_.lower()
            if lemma in words.plan_governors:
                if lemma == "go" and head.tag_ != "VBG":
                    pass  # "went on to capture": it happened
                elif lemma in ("set", "poise", "expect") and head.tag_ != "VBN":
                    pass
                else:
                    return f"plan: {head.lower_}"
            if head.pos_ in ("ADJ",) and head.lemma_.lower() in ("likely", "unlikely", "poised", "ready", "able",
                                                                  "set", "due", "about"):
                if head.lemma_.lower() != "able":
                    return f"plan: {head.lower_}"
        if v.dep_ == "ccomp" and v.head.lemma_.lower() in words.opinion_governors and any(
                c.dep_ == "nsubj" for c in v.head.children):
            return f"opinion: {v.head.lower_}"
        if v.dep_ == "conj" and depth == 0:
            # "could advance and capture": the conjoined verb shares the first verb's auxiliaries.
            for c in v.head.children:
                if c.dep_ == "aux" and c.lower_ in words.modal_aux:
                    return f"modal: {c.lower_}"
        if v.dep_ not in _CLAUSE_UP or v.head is v:
            break
        v = v.head
    bg = _background(verb, published, settings, words)
    if bg is None and verb.dep_ in ("conj", "advcl", "relcl") and verb.head is not verb:
        # "seized Bama in 2014, ... before the army drove the group out": the dependent clause shares the date.
        head = governing_verb(verb.head) if verb.dep_ == "relcl" else verb.head
        bg = _background(head, published, settings, words)
    if bg:
        return bg
    lemma = token.lower_
    if lemma in words.intransitive_capture_words or token.lemma_.lower() in ("fall", "collapse"):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if token.dep_ == "amod" and not _is_place_like(token.head, words, places):
            return f"figurative: {token.lower_} {token.head.lower_}"  # "collapsed ceasefire"
        if subj and not _is_place_like(subj[0], words, places):
            return f"figurative: {subj[0].lower_} {token.lower_}"
    if token.lower_ in words.enter_object_required and token.pos_ == "VERB":
        obj = [c for c in token.children if c.dep_ == "dobj"]
        if obj and not _is_place_like(obj[0], words, places):
            return f"not a capture: entered {obj[0].lower_}"  # "entered his shop"
    if token.lemma_.lower() in ("die", "dead", "death"):
        # "died of the disease", "deaths from cholera": no violence.
        for c in list(token.children) + list(verb.children):
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                if {t.lemma_.lower() for t in c.subtree} & words.non_violent_causes:
                    return "not violence: died of " + " ".join(t.lower_ for t in c.subtree if t is not c)[:40]
    kids = list(verb.children)
    finite_present = verb.tag_ in ("VBP", "VBZ") or (verb.tag_ == "VB" and any(c.dep_ == "nsubj" for c in kids))
    if settings.generic_present and finite_present and verb.pos_ == "VERB":
        perfect_or_progressive = any(c.dep_ in ("aux", "auxpass") for c in kids)
        if not perfect_or_progressive:
            habitual = any(t.lemma_.lower() in words.habitual_words for c in kids for t in c.subtree
                           if c.dep_ in ("advmod", "npadvmod", "prep"))
            subj = [c for c in kids if c.dep_ == "nsubj"]
            bare_plural = bool(subj) and subj[0].tag_ == "NNS" and not any(
                c.dep_ in ("det", "poss", "nummod", "compound", "amod") for c in subj[0].children)
            if (habitual or bare_plural) and not has_date:
                return "generic: habitual present"
    if source and not has_date and set(source.lower().replace("-", " ").split()) & words.opinion_sources:
        return f"opinion: {source}"
    return ASSERTED


def clause_reasons(spans: dict[int, object], *, published: date | None = None,
                   settings: EventnessSettings | None = None, source: str | None = None,
                   has_date: bool = False, families: dict[int, str] | None = None,
                   places: list[tuple[int, int]] | None = None) -> dict[int, str]:
    """The reason for each trigger (keyed by the trigger's start offset), from its tokens."""
    out = {}
    families = families or {}
    known = tuple(places or ())
    for start, span in spans.items():
        out[start] = clause_reason(span.root, published=published, settings=settings, source=source,
                                   has_date=has_date, family=families.get(start), places=known)
    return out
