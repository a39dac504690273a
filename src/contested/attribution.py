"""Who says so: for each statement a sentence reports, its source, its cue and its content, from the parse.

A *relation* is one cue (a reporting verb such as said, told, denied, could not confirm, tweeted, showed; or
"according to") with the source that speaks through it and the content it reports:

- the source is the subject of the cue ("officials said", "..., said X, a spokesman"), the antecedent of a
  relative clause ("X, who said"), the subject of the verb a participle hangs on ("issued a statement
  saying"), the agent of a passive ("was confirmed by X") or the object of "according to";
- the content is the clause the cue governs (its ccomp/xcomp), the clause it is attached to ("The town fell,
  officials said"; "The rebels, the spokesman said, had fired first"; "As the Courier reported, ...";
  "according to X"), the clause hung on the medium ("said in a statement that ..."), the quotation next
  to the cue where the parse gives none ('"We will not retreat!" the commander said.' cut in two by the
  sentence splitter; 'She added: "..."'), what a document shows ("appeared to show tents on fire and people
  fleeing"), or, for verbs that take one (confirm, deny, doubt, report, announce, claim the attack), its
  object ("denied the report"); a judgement hung on a claim ("..., a claim the army dismissed as
  propaganda") is the judge's relation about what the claim names, not part of the first speaker's words;
- a noun can be the cue ("the ministry's claim that ...", "a claim by the group that ...", "the army's denial of
  the report"): its owner speaks, its "that" clause (or, for a denial or doubt, what it is "of") is the
  content; "reports that ..." with no owner is a hedge; a noun cue inside what its owner's opponent dismisses
  ("the army dismissed the ministry's claim that ...") is never the dismisser's own body named again;
- a share of people speaks ("some of the residents", "those interviewed", "many of the survivors"); no one
  does in "no group has claimed", "As reported on May 30, X attacked" (X is no speaker) or "it was reported
  that" (a hedge with no source);
- sources of sources make a chain: an addressee that is an outlet ("residents told a local radio station",
  "sources confirmed to Al Jazeera"), an interview ("in an interview with the BBC"), "speaking to the Daily
  Courier by phone", "citing"/"quoting" ("Tolo News, citing local sources, reported"; "X was quoted by state
  television as saying"); a source that is a document ("a statement on the ministry's
  website", "footage broadcast by Tolo News", "a message posted on a channel used by the group", "a statement
  issued by X", "X ... and issued a statement denying") is credited to its owner, the document kept as the way
  it was said (``via``); an outlet that carried it ("in a statement carried by state media") is an
  intermediary, and so is one that heard the speaker ("residents interviewed by the newspaper"; not "an
  administrator appointed by the military": data/attribution.json ``hearing_verbs``); the same speaker named
  once for two cues ("said ... and denied") is heard through the same intermediaries for both;
- the stance is the cue's (asserts, denies, doubts), turned by the parse: a negated or refused verification
  ("could not confirm", "declined to confirm", "could not be verified") doubts; content called false or
  baseless denies, called exaggerated doubts; a speaker who says he doubts doubts. A denial or doubt whose
  object is a figure ("doubted the officials' figure", "rejected the figures") or whose content is only that
  people were harmed ("denied that any civilians had been hit") is about the figure (``about='figure'``),
  recorded in ``figure_stances`` with the figure's owner, not about the event. A stance on who did it
  ("claimed responsibility for the bombing", "denied any involvement in the killings", "rejected the
  accusation", "claimed the attack", "blamed the rebels for the massacre") is about the perpetrator
  (``about='perpetrator'``), decided by the cue's object and the words of data/attribution.json; a speaker's own body named
  again inside its words ("a UN official said the organisation could not confirm") is the speaker;
- hedging is kept apart from stance: hedge adverbs (reportedly, apparently), "appears to", "seems to", "it
  seems", "is said to", "is believed to", "it was reported that", may/might on the reported predicate, a
  conditional clause, an unverifiable report. The outlet's own "..., though the toll could not be
  confirmed" inside another's words stays the outlet's doubt (on the figure) and hedges the claim; it is not
  the speaker's.

What is said inside another's words stays that speaker's: nothing inside quotation marks is split off as a
claim of its own (the quoted speaker says all of it); a pronoun, "people", "I think", a belief the speaker
describes ("she thinks ...") or a share of those polled inside another's content is part of that content.
Only a named source's statement reported (not quoted) inside another's content is its own relation, heard
through the outer speaker (``chain``). A cue inside a conditional ("if they confirm"), under a request or a
refusal ("asked to describe", "refused to explain"), or with a thing for its subject ("the impact
suggests") makes no relation.

Negated predicates ("had not captured", "never fell", "no longer ...") are read from the parse and returned
as character spans (``Attribution.negated``) so that the stance of a speaker on the event a trigger names is
decided by the trigger's own clause, not by a window of characters.

The words live in ``data/attribution.json``. The token loop runs on every sentence: a set lookup per token;
the parse is walked only where a cue word is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from contested.records import Attribution
from contested.stages.tokens import doc_text

_DATA = "attribution.json"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of data/attribution.json, as sets."""

    stance: dict[str, str]  # cue lemma -> asserts | denies | doubts
    hedged_cues: frozenset[str]
    needs_clause: frozenset[str]
    verify: frozenset[str]
    refuse: frozenset[str]
    hedge_words: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_passives: frozenset[str]
    hedge_modals: frozenset[str]
    conditional_marks: frozenset[str]
    figure_nouns: frozenset[str]
    doubt_predicates: frozenset[str]
    deny_predicates: frozenset[str]
    medium_nouns: frozenset[str]
    outlet_words: frozenset[str]
    unnamed_heads: frozenset[str]
    role_nouns: frozenset[str]
    organisation_heads: frozenset[str]
    citing: frozenset[str]
    pronouns: frozenset[str]
    figure_verbs: frozenset[str] = field(default=frozenset())
    needs_document: frozenset[str] = field(default=frozenset())
    first_person: frozenset[str] = field(default=frozenset())
    content_object_only: frozenset[str] = field(default=frozenset())
    claim_objects: frozenset[str] = field(default=frozenset())
    report_nouns: frozenset[str] = field(default=frozenset())
    generic_sources: frozenset[str] = field(default=frozenset())
    belief_cues: frozenset[str] = field(default=frozenset())
    unsaid_under: frozenset[str] = field(default=frozenset())
    quantity_heads: frozenset[str] = field(default=frozenset())
    weak_cues: frozenset[str] = field(default=frozenset())
    concessive_marks: frozenset[str] = field(default=frozenset())
    quantified_sources: frozenset[str] = field(default=frozenset())
    speaking: frozenset[str] = field(default=frozenset())
    noun_cues: dict[str, str] = field(default_factory=dict)  # noun lemma -> asserts | denies | doubts
    casualty_verbs: frozenset[str] = field(default=frozenset())
    victim_nouns: frozenset[str] = field(default=frozenset())
    responsibility_nouns: frozenset[str] = field(default=frozenset())
    claimed_acts: frozenset[str] = field(default=frozenset())
    blame_verbs: frozenset[str] = field(default=frozenset())
    accusation_nouns: frozenset[str] = field(default=frozenset())
    document_venues: frozenset[str] = field(default=frozenset())
    reporting_hedges: frozenset[str] = field(default=frozenset())
    hearing_verbs: frozenset[str] = field(default=frozenset())
    time_nouns: frozenset[str] = field(default=frozenset())
    perpetrated_acts: frozenset[str] = field(default=frozenset())
    additive_adverbs: frozenset[str] = field(default=frozenset())
    male_words: frozenset[str] = field(default=frozenset())
    female_words: frozenset[str] = field(default=frozenset())
    collective_nouns: frozenset[str] = field(default=frozenset())
    harm_nouns: frozenset[str] = field(default=frozenset())
    involvement_verbs: frozenset[str] = field(default=frozenset())
    none_denies: frozenset[str] = field(default=frozenset())
    no_one_words: frozenset[str] = field(default=frozenset())  # "none of", "no figure", "neither account"
    naming_again_determiners: frozenset[str] = field(default=frozenset())  # "the figure", "that count"
    victim_states: frozenset[str] = field(default=frozenset())
    self_naming_verbs: frozenset[str] = field(default=frozenset())
    picture_making_verbs: frozenset[str] = field(default=frozenset())
    hearer_nouns: frozenset[str] = field(default=frozenset())
    habitual_adverbs: frozenset[str] = field(default=frozenset())
    passing_verbs: frozenset[str] = field(default=frozenset())
    every_determiners: frozenset[str] = field(default=frozenset())
    force_nouns: frozenset[str] = field(default=frozenset())
    act_objects: frozenset[str] = field(default=frozenset())
    doer_nouns: frozenset[str] = field(default=frozenset())
    belonging_words: frozenset[str] = field(default=frozenset())
    continuing_adverbs: frozenset[str] = field(default=frozenset())
    additive_determiners: frozenset[str] = field(default=frozenset())
    cue_lemmas: frozenset[str] = field(default=frozenset())
    loop_lemmas: frozenset[str] = field(default=frozenset())
    trigger_words: frozenset[str] = field(default=frozenset())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("contested").joinpath("data", _DATA).read_text(encoding="utf-8"))
    cues = raw["cues"]
    stance = {w: s for s in ("asserts", "denies", "doubts") for w in cues[s]}
    stance.update({w: "asserts" for w in cues["hedged"]})

    def fs(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in raw[name])

    lex = Lexicon(
        stance=stance,
        hedged_cues=frozenset(cues["hedged"]),
        needs_clause=fs("needs_clause"),
        verify=fs("verify"),
        refuse=fs("refuse"),
        hedge_words=fs("hedge_words"),
        hedge_verbs=fs("hedge_verbs"),
        hedge_passives=fs("hedge_passives"),
        hedge_modals=fs("hedge_modals"),
        conditional_marks=fs("conditional_marks"),
        figure_nouns=fs("figure_nouns"),
        doubt_predicates=fs("doubt_predicates"),
        deny_predicates=fs("deny_predicates"),
        medium_nouns=fs("medium_nouns"),
        outlet_words=fs("outlet_words"),
        unnamed_heads=fs("unnamed_heads"),
        role_nouns=fs("role_nouns"),
        organisation_heads=fs("organisation_heads"),
        citing=fs("citing"),
        pronouns=fs("pronouns"),
        figure_verbs=fs("figure_verbs"),
        needs_document=fs("needs_source_document"),
        first_person=fs("first_person"),
        content_object_only=fs("content_object_only"),
        claim_objects=fs("claim_objects"),
        report_nouns=fs("report_nouns"),
        generic_sources=fs("generic_sources"),
        belief_cues=fs("belief_cues"),
        unsaid_under=fs("unsaid_under"),
        quantity_heads=fs("quantity_heads"),
        weak_cues=fs("weak_cues"),
        concessive_marks=fs("concessive_marks"),
        quantified_sources=fs("quantified_sources"),
        speaking=fs("speaking"),
        noun_cues={w: st for st, ws in raw.get("noun_cues", {}).items() for w in ws},
        casualty_verbs=fs("casualty_verbs"),
        victim_nouns=fs("victim_nouns"),
        responsibility_nouns=fs("responsibility_nouns"),
        claimed_acts=fs("claimed_acts"),
        blame_verbs=fs("blame_verbs"),
        accusation_nouns=fs("accusation_nouns"),
        document_venues=fs("document_venues"),
        reporting_hedges=fs("reporting_hedges"),
        hearing_verbs=fs("hearing_verbs"),
        time_nouns=fs("time_nouns"),
        perpetrated_acts=fs("perpetrated_acts"),
        additive_adverbs=fs("additive_adverbs"),
        male_words=fs("male_words"),
        female_words=fs("female_words"),
        collective_nouns=fs("collective_nouns"),
        harm_nouns=fs("harm_nouns"),
        involvement_verbs=fs("involvement_verbs"),
        none_denies=fs("none_denies"),
        no_one_words=fs("no_one_words"),
        naming_again_determiners=fs("naming_again_determiners"),
        victim_states=fs("victim_states"),
        self_naming_verbs=fs("self_naming_verbs"),
        picture_making_verbs=fs("picture_making_verbs"),
        hearer_nouns=fs("hearer_nouns"),
        habitual_adverbs=fs("habitual_adverbs"),
        passing_verbs=fs("passing_verbs"),
        every_determiners=fs("every_determiners"),
        force_nouns=fs("force_nouns"),
        act_objects=fs("act_objects"),
        doer_nouns=fs("doer_nouns"),
        belonging_words=fs("belonging_words"),
        continuing_adverbs=fs("continuing_adverbs"),
        additive_determiners=fs("additive_determiners"),
    )
    # Words that make the token loop look closer: cue lemmas, "according", hedges, negations.
    loop = set(stance) | lex.verify | lex.figure_verbs
    trigger_words = (loop | lex.hedge_words | lex.hedge_verbs | lex.hedge_modals | lex.hedge_passives
                     | set(lex.noun_cues)
                     | {"according", "not", "n't", "never", "no", "longer", "if", "unless", "whether"})
    derived = ("cue_lemmas", "loop_lemmas", "trigger_words")
    return Lexicon(**{**{f: getattr(lex, f) for f in lex.__slots__ if f not in derived},
                      "cue_lemmas": frozenset(stance), "loop_lemmas": frozenset(loop),
                      "trigger_words": frozenset(trigger_words)})


# ---------------------------------------------------------------- small parse helpers

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_CLAUSE = ("ccomp", "parataxis")
_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_EXPLETIVE = frozenset({"it", "there"})
_PUNCT_EDGE = frozenset({",", ";", ":", "--", "\u2014", "\u2013", "\u2015", "-", '"', "\u201c", "\u201d", "'", "\u2018",
                         "\u2019", "(", ")"})


def _slice(doc, start: int, end: int) -> str:
    """The document's characters start..end (token edges), without building the whole text (spaCy rebuilds
    ``Doc.text`` from its tokens on every access)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.text if span is not None else ""


def _edge(tokens) -> tuple[int, int] | None:
    """Character span of a token list, without punctuation at its edges."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and toks[0].text in _PUNCT_EDGE:
        toks.pop(0)
    while toks and toks[-1].text in _PUNCT_EDGE:
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _subtree_without(head, drop) -> list:
    """The subtree of ``head`` without the subtrees of the tokens in ``drop``."""
    dropped: set[int] = set()
    for d in drop:
        dropped.update(t.i for t in d.subtree)
    return [t for t in head.subtree if t.i not in dropped]


def _told_by_narrator(cue) -> bool:
    """Whether a cue joined to a verb of reported words is the narrator's, not the reported subject's: it has
    no subject or auxiliary of its own and is in the simple past, while the verb it is joined to is in the past
    perfect (or present perfect) of reported speech ("said its fighters had captured a post and denied ..."); or
    it is joined to the copula of a reported state ("denied that civilians were among the dead and accused
    ...", the tagger reading "accused" as a participle): a state and a speech act have no subject in common."""
    head = cue.head
    if head.i == cue.i or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in cue.children):
        return False
    if cue.tag_ in ("VBD", "VBN") and head.dep_ == "ccomp" and head.pos_ == "AUX" and head.lemma_ == "be":
        return True
    return (cue.tag_ == "VBD" and head.dep_ in ("ccomp", "conj")
            and any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have", "'d") for c in head.children))


def _is_negated(tok) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or c.lower_ == "never":
            return True
        if c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
            return True  # "no longer"
    return False


def _name_as_clause(c, cue) -> bool:
    """"The state news agency SANA, quoting a military source, said" parsed with the name for a clause (of the
    cue) whose subject is "agency": a proper noun before the cue, with a noun subject before it and no verb of
    its own. The name speaks (``_subject``); it is no content (``_content_tokens``)."""
    return (c.i < cue.i and c.dep_ in ("ccomp", "dep", "parataxis") and c.pos_ == "PROPN"
            and any(g.dep_ == "nsubj" and g.i < c.i and g.pos_ in ("NOUN", "PROPN") for g in c.children)
            and not any(g.pos_ in ("VERB", "AUX") and g.dep_ not in ("advcl", "acl") for g in c.children))


def _subject(tok, lex: Lexicon, depth: int = 4):
    """The subject of ``tok``'s clause, walking up through conjuncts, participles and control verbs
    ("said ... and added", "issued a statement saying", "declined to confirm", "was unable to confirm")."""
    if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "conj", "xcomp"):
        # "Trump insisted that he has ..., claiming that": the speaker of the nearest reporting verb above.
        up = tok.head
        for _ in range(depth):
            if up.lemma_.lower() in lex.cue_lemmas and up.pos_ == "VERB" and up.i != tok.i:
                subj = next((c for c in up.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    return subj
            if up.head.i == up.i:
                break
            up = up.head
    root = tok.sent.root
    if root.pos_ in ("NOUN", "PROPN") and root.i < tok.i and tok.pos_ == "VERB" and any(
            c.dep_ == "relcl" and c.i < tok.i and tok in c.subtree for c in root.children):
        # "A couple who said they know the family claimed ..." parsed with no verb for the sentence and the cue
        # deep in the relative clause: the noun the clause describes is the one whose verb the cue is.
        return root
    if tok.dep_ == "relcl" and tok.i > 0 and tok.doc[tok.i - 1].text == "," and any(
            c.dep_ == "dobj" and c.lower_ in _REL_PRONOUNS for c in tok.children):
        # "A spokesman for the group, which residents blamed, denied it" parsed with "denied" in the relative
        # clause: no relative clause has a comma before its verb; the phrase the clause hangs on speaks.
        up = tok.head
        while up.dep_ in ("pobj", "prep", "compound", "appos", "conj") and up.head.i != up.i:
            up = up.head
        return up if up.pos_ in ("NOUN", "PROPN") else None
    inherited = False
    for _ in range(depth):
        # (not a dash the tagger took for a noun)
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj") and any(ch.isalnum() for ch in c.text)),
                    None)
        if subj is None and not inherited:
            subj = next((c for c in tok.children if _name_as_clause(c, tok)), None)
        if subj is None and not inherited:
            subj = _stranded_name(tok)
        if subj is None and not inherited:
            subj = _named_before_participle(tok)
        if subj is not None and subj.dep_ == "csubj" and subj.tag_ == "VBN":
            # "Photos posted online by the group appeared to show" parsed with "posted" for the clause's
            # subject: the thing posted is the subject.
            subj = next((c for c in subj.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), subj)
        elif subj is not None and subj.dep_ == "csubj" and subj.tag_ == "VBD" and tok.lemma_.lower() in (
                lex.needs_document | lex.hedge_verbs):
            # "Images shared on social media on Monday showed" with "shared" tagged as a past tense: the
            # document shared is the subject.
            subj = next((c for c in subj.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"
                         and c.lemma_.lower() in lex.medium_nouns), subj)
        if subj is not None:
            if subj.lower_ in _REL_PRONOUNS and tok.dep_ == "relcl":
                return tok.head  # "X, who said": the antecedent
            if inherited and subj.lower_ in _EXPLETIVE:
                return None  # "it is worth noting", "it is hard to say": no one
            return subj
        if tok.dep_ == "relcl":
            return tok.head
        if tok.dep_ in ("conj", "xcomp", "advcl", "acomp") or (tok.dep_ == "acl" and tok.tag_ == "VBG") or (
                tok.dep_ == "dep" and tok.lemma_.lower() in lex.hedge_verbs | lex.needs_document):
            # "Video posted online appeared to", "Images shared online showed" parsed with the participle for the
            # main verb: the document is its subject
            head = tok.head
            if head.i == tok.i:
                return None
            if tok.dep_ == "xcomp" and head.pos_ == "VERB":
                obj = next((c for c in head.children if c.dep_ == "dobj"), None)
                if obj is not None and obj.pos_ in ("PROPN", "NOUN", "PRON"):
                    return obj  # "forced the manager to admit": the one made to speak
            inherited = True
            if head.pos_ in ("NOUN", "PROPN") and tok.dep_ == "acl":
                # "a statement saying": whoever issued the statement; "officials saying"; not "emailed
                # supporters saying", where the sender says.
                lemma = head.lemma_.lower()
                if head.pos_ == "PROPN" or lemma in lex.medium_nouns or lemma in lex.unnamed_heads or (
                        lemma in lex.organisation_heads or lemma in lex.outlet_words):
                    return head
                return None
            tok = head
            continue
        return None
    return None


def _stranded_name(cue):
    """"In a post on X, an RSF adviser, Ibrahim al-Tom, denied that ..." parsed with the name hung on a comma
    (or as an appositive of "X"), the cue left with no subject: a proper noun right before the cue (a comma
    between them), with no role a name has in a clause (subject, object, compound), is the cue's subject. None
    elsewhere."""
    if cue.i < 2 or not cue.tag_.startswith("VB") or cue.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    doc = cue.doc
    j = cue.i - 1
    if doc[j].text == ",":
        j -= 1
    name = doc[j]
    # (or an appositive the parse hung on the place of the post: "In a post on X, ..., Ibrahim al-Haddad, denied")
    if name.pos_ != "PROPN" or name.dep_ not in ("dep", "prep", "npadvmod", "punct", "appos") or name.i < cue.sent.start:
        return None
    return name


def _named_before_participle(cue):
    """"A woman in Kherson, reached through a messaging app, said ..." parsed with the woman as the subject of
    "reached", or "Back in the city, a shopkeeper who fled the town, speaking on condition of anonymity, said
    ..." with the shopkeeper hung on the place: a cue with no subject, with a participle set off by a comma
    before it: the noun phrase right before that comma (its head, up through its prepositions and relative
    clause) is the cue's subject, where the parse makes it a subject or an appositive. None elsewhere."""
    if not cue.tag_.startswith("VB") or cue.dep_ not in ("ROOT", "ccomp", "conj"):
        return None
    doc = cue.doc
    # (a participle the tagger took for a past tense, "reached", only where the clause ends right before the cue)
    part = next((c for c in cue.children if c.i < cue.i and c.dep_ in ("advcl", "ccomp", "acl")
                 and c.i >= cue.sent.start + 2 and doc[c.i - 1].text == "," and (c.tag_ in ("VBN", "VBG") or (
                     c.tag_ == "VBD" and c.right_edge.i in (cue.i - 2, cue.i - 1) and doc[cue.i - 1].text == ","))), None)
    if part is None:
        return None
    tok = doc[part.i - 2]
    for _ in range(8):
        if tok.dep_ not in ("pobj", "prep", "relcl", "dobj", "compound", "npadvmod") or tok.head.i >= part.i:
            break
        tok = tok.head
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "appos") or tok.i < cue.sent.start:
        return None
    return tok


# ---------------------------------------------------------------- the source phrase


def _source_tokens(head, cue) -> list:
    """The words that name the source: ``head``'s subtree without relative clauses, participles after a
    comma ("..., speaking on condition of anonymity") and without the cue."""
    drop = []
    for c in head.children:
        if c.dep_ == "case" and c.i > head.i and head.dep_ == "poss":
            drop.append(c)  # "the ministry's" -> "the ministry"
        elif c.dep_ == "acl" and c.tag_ == "VBN" and _agent(c) is not None:
            # "residents interviewed by the newspaper" (the newspaper is an intermediary), "footage aired by
            # Tolo News" (its owner), "an administrator appointed by the military"
            drop.append(c)
        elif c.dep_ == "relcl" and _names_self(c, lexicon()):
            continue  # "a man who gave his name as X and identified himself as a commander": who he is
        elif c.dep_ == "relcl" or c.dep_ in ("advcl", "acl") and c.i > head.i and any(
            t.text == "," for t in head.doc[head.i: c.left_edge.i]
        ):
            drop.append(c)
        elif c.i == cue.i or cue in c.subtree and c.i != head.i:
            drop.append(c)
    toks = _subtree_without(head, drop)
    # A bad parse hangs what comes before the source on it ("... after clashes in Badakhshan, Tajik
    # officials said"): keep only the words after the last comma before the head.
    commas = [t.i for t in toks if t.i < head.i and t.text in (",", ";", ":", "--", "\u2014", "\u2015")]
    if commas and toks[0].i < commas[-1] and not any(t.dep_ == "appos" for t in toks if t.i < head.i):
        toks = [t for t in toks if t.i > commas[-1]]
    dashes = [t.i for t in toks if t.i < head.i and t.text in ("--", "\u2014", "\u2013", "\u2015", ":")]
    if dashes:  # "CLEVELAND, July 19 (Agency) -- Former Attorney General X told": the dateline is no source
        toks = [t for t in toks if t.i > dashes[-1]]
    # Keep one contiguous run around the head.
    toks.sort(key=lambda t: t.i)
    run = [t for t in toks if t.i >= head.i]
    left = [t for t in toks if t.i < head.i]
    i = head.i - 1
    for t in reversed(left):
        if t.i != i:
            break
        run.insert(0, t)
        i -= 1
    out, last = [], None
    for t in run:
        if last is not None and t.i != last + 1:
            break
        out.append(t)
        last = t.i
    return out


def _names_self(clause, lex: Lexicon) -> bool:
    """Whether a relative clause says who the one it hangs on is, by the words he gave himself ("who gave his
    name as X", "who identified himself as a commander"; data/attribution.json ``self_naming_verbs``)."""
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj")]
    return any(v.lemma_.lower() in lex.self_naming_verbs and any(
        c.dep_ == "dobj" and (c.lower_ in ("himself", "herself", "themselves") or c.lemma_.lower() == "name")
        for c in v.children) for v in verbs) and any(
        c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in clause.children)


def _clean(text: str) -> str:
    text = text.strip(" ,.;:\"\u201c\u201d'\u2018\u2019")
    text = re.sub(r"[\s,]+(and|or|but)$", "", text).strip(" ,.;:\"\u201c\u201d'\u2018\u2019")  # "... and" a bad parse cut
    words = text.split()
    if len(words) > 2 and words[0].lower() in ("the", "a", "an"):
        text = text.split(None, 1)[1]
    return text


def _agent(verb):
    """The 'by X' of a passive participle."""
    for g in verb.children:
        if g.dep_ == "agent":
            return next((x for x in g.children if x.dep_ == "pobj"), None)
    return None


def _named_outlet(head, lex: Lexicon) -> bool:
    """'Tolo TV', 'Radio Liberty', 'Channel 4': a broadcaster's word with a name is the broadcaster."""
    return head.lower_ in lex.outlet_words and any(
        c.dep_ in ("compound", "nummod", "appos") and (c.pos_ in ("PROPN", "NUM") or c.is_title or c.is_upper)
        for c in head.children) or (
        head.pos_ == "PROPN" and head.lower_ in lex.outlet_words)


def _kind(head, toks, lex: Lexicon) -> str:
    """person | organisation | outlet | unnamed | document | pronoun."""
    low = head.lower_
    if low in lex.pronouns and len(toks) == 1:
        return "pronoun"
    lemma = head.lemma_.lower()
    ent = head.ent_type_
    words = " ".join(t.lower_ for t in toks)
    if _named_outlet(head, lex):
        return "outlet"
    if lemma in lex.medium_nouns and ent not in ("PERSON", "ORG"):
        return "document"
    if ent == "PERSON" or any(t.ent_type_ == "PERSON" for t in toks if t.i <= head.i) or any(
            c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in head.children):
        return "person"
    if head.pos_ == "PROPN" and (any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in lex.role_nouns for c in head.children)
            or any(t.dep_ == "compound" and t.i < head.i and t.lower_ in lex.role_nouns for t in toks)):
        # "Governor Mykola Hordiienko", "Mekdes Tilahun, a researcher at ...": a name with a person's office
        # is a person, whatever entity the tagger gave the name.
        return "person"
    if ent == "ORG" and (lemma in lex.outlet_words or any(w in words.split() for w in lex.outlet_words)):
        return "outlet"
    if lemma in lex.outlet_words and head.pos_ == "NOUN" and lemma in ("station", "newspaper", "broadcaster",
                                                                          "channel", "agency", "outlet"):
        return "outlet"
    if ent in ("ORG", "GPE", "NORP") or lemma in lex.organisation_heads:
        return "organisation"
    if lemma in lex.unnamed_heads or head.pos_ == "NOUN":
        return "unnamed"
    return "person" if head.pos_ == "PROPN" else "unnamed"


def _title_and_org(head, lex: Lexicon) -> tuple[str | None, str | None]:
    """'Zabiullah Mujahid, a Taliban spokesman' -> ('spokesman', 'Taliban'); 'a spokesman for the ministry'
    -> ('spokesman', 'the ministry')."""
    cands = [head] + [c for c in head.children if c.dep_ == "appos"]
    cands += [t for t in head.children if t.dep_ == "compound" and t.lemma_.lower() in lex.role_nouns]
    for c in cands:
        if c.lemma_.lower() not in lex.role_nouns:
            continue
        org = None
        for g in c.children:
            if g.dep_ == "prep" and g.lower_ in ("for", "of", "at", "with", "from"):
                obj = next((x for x in g.children if x.dep_ == "pobj"), None)
                if obj is not None:
                    toks = _subtree_without(obj, [x for x in obj.children if x.dep_ in ("relcl", "acl", "appos")
                                                  or x.text in _PUNCT_EDGE])
                    span = _edge(toks)
                    org = _slice(head.doc, span[0], span[1]) if span else obj.text
            elif g.dep_ in ("compound", "amod", "nmod", "poss") and g.i < c.i and (
                g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "NORP", "GPE")
            ):
                org = head.doc[g.left_edge.i: g.i + 1].text.removesuffix("'s").strip()
        return c.lemma_.lower(), org
    return None, None


def _link(head, toks, link: str, lex: Lexicon, via: str | None = None) -> dict:
    span = _edge(toks)
    title, org = _title_and_org(head, lex) if link == "speaker" else (None, None)
    name = _clean(_slice(head.doc, span[0], span[1])) if span else None
    plural = head.tag_ in ("NNS", "NNPS") or any(c.dep_ == "cc" for c in head.children)
    return {"name": name, "link": link, "kind": _kind(head, toks, lex), "title": title, "organisation": org,
            "via": via, "plural": plural, "start": span[0] if span else None, "end": span[1] if span else None}


def _owner_of_document(noun, depth: int = 0):
    """Who a statement, report, website or footage belongs to: 'the ministry's statement', 'a report by X',
    'a statement on the ministry's website', 'footage broadcast by Tolo News', 'a video from X', 'a message
    posted on a channel used by the group' (the owner of the medium it is on)."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        # "the IMF report", "a speech the minister gave": the name before it, the subject of its clause.
        if c.dep_ == "compound" and (c.ent_type_ in ("ORG", "PERSON", "NORP", "GPE") or c.pos_ == "PROPN") and (
                c.lower_ not in lexicon().medium_nouns):
            return c
        if c.dep_ == "relcl":
            subj = next((x for x in c.children if x.dep_ == "nsubj" and x.lower_ not in _REL_PRONOUNS), None)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                return subj
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "on", "in"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is None:
                continue
            if c.lower_ in ("on", "in"):
                poss = next((x for x in obj.children if x.dep_ == "poss"), None)
                if poss is not None:
                    return poss
                if depth < 2 and obj.lemma_.lower() in lexicon().document_venues:
                    owner = _owner_of_document(obj, depth + 1)  # "on a channel used by the group"
                    if owner is not None:
                        return owner
                continue
            if c.lower_ == "by" or _source_like(obj, lexicon()):  # not "a report of fighting", "from the front"
                return obj
        if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB":
            for g in c.children:
                # "footage filmed by residents and shared online": who took the picture does not say what it
                # shows (data/attribution.json ``picture_making_verbs``); who aired or posted it does.
                if g.dep_ == "agent" and c.lemma_.lower() not in lexicon().picture_making_verbs | lexicon().passing_verbs:
                    obj = next((x for x in g.children if x.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
            if depth < 2:
                # "a message posted on a channel used by the group": the medium it was put on is the owner's.
                for g in c.children:
                    obj = next((x for x in g.children if x.dep_ == "pobj"), None) if g.dep_ == "prep" and (
                        g.lower_ in ("on", "in")) else None
                    if obj is not None and obj.lemma_.lower() in lexicon().document_venues:
                        poss = next((x for x in obj.children if x.dep_ == "poss"), None)
                        owner = poss if poss is not None else _owner_of_document(obj, depth + 1)
                        if owner is not None:
                            return owner
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.tag_ == "VBN" and noun.head.dep_ == "csubj":
        agent = _agent(noun.head)  # "Photos posted online by the group appeared to show", parsed as a clause
        if agent is not None:
            return agent
    if noun.dep_ == "dobj":  # "quoting a tweet by X" with "by" hung on the verb
        for c in noun.head.children:
            if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > noun.i:
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    # "released a statement confirming", "wrote in a statement": whoever released or wrote it (not whoever
    # quotes or cites it).
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head if noun.dep_ == "pobj" else None
    if verb is not None and verb.pos_ == "VERB" and verb.lemma_.lower() not in lexicon().citing:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        # "The leadership was taken aback ... and issued a statement denying": the subject the conjuncts share.
        up = verb
        while subj is None and up.dep_ == "conj" and up.head.i != up.i and up.head.pos_ in ("VERB", "AUX"):
            up = up.head
            subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.lower_ not in _REL_PRONOUNS | _EXPLETIVE), None)
        if subj is not None:
            return subj
    return None


# ---------------------------------------------------------------- content, stance and hedges


def _content_tokens(cue, lex: Lexicon, exclude: set[int]) -> list:
    """The words a cue reports."""
    lemma = cue.lemma_.lower()
    misparsed = _that_clause_on_object(cue)
    if misparsed is not None:
        # "told reporters at the scene that the dead included ..." parsed with the clause for a relative clause
        # of "scene": the clause (a relative clause's "that" is its subject or object, never its marker) is what
        # is told, with the words the parse hangs on the cue after it.
        later = [c for c in cue.children if c.i > misparsed.i and c.dep_ in _CLAUSE]
        return [t for x in [misparsed, *later] for t in x.subtree if t.i not in exclude]
    for c in cue.children:
        if c.dep_ in _CLAUSE and (c.pos_ in ("VERB", "AUX") or any(g.dep_ in _SUBJ for g in c.children)) and not (
                _name_as_clause(c, cue)):  # "The agency SANA, ..., said" parsed as a clause: the source
            # Without ", a claim the army dismissed": another's judgement of what is said is not said.
            judged = [t for t in c.subtree if t.dep_ == "appos" and t.lemma_.lower() in lex.report_nouns
                      and any(g.dep_ == "relcl" for g in t.children)]
            # Without "... and accused X" joined to the clause by the parse but said by the speaker
            # (``_told_by_narrator``): the speaker's next statement, not part of this one.
            own = [g for g in c.children if g.dep_ == "conj" and g.lemma_.lower() in lex.cue_lemmas
                   and g.pos_ == "VERB" and _told_by_narrator(g)]
            own += [g for g in c.children if g.dep_ == "cc" and any(o.i == g.i + 1 for o in own)]
            drop = {x.i for t in judged + own for x in t.subtree}
            return [t for t in c.subtree if t.i not in exclude and t.i not in drop]
    for c in cue.children:
        if c.dep_ == "xcomp" and lemma not in ("tell", "warn", "ask", "urge", "order"):
            return [t for t in c.subtree if t.i not in exclude]
    for c in cue.children:
        # "reported on Thursday, citing an unnamed official, that commandos had retaken the town", the clause
        # parsed as a conjunct of the cue: a clause opened by "that", with a subject of its own, is no second
        # main clause; it is what is said.
        mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "that"), None)
        if c.dep_ == "conj" and c.i > cue.i and c.pos_ in ("VERB", "AUX") and mark is not None and any(
                g.dep_ in _SUBJ for g in c.children):
            return [t for t in c.subtree if t.i not in exclude and t.i >= mark.i]
    for c in cue.children:
        # "said in a statement that its forces had repelled the attack" with the clause hung on the statement.
        if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "via"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in lex.medium_nouns:
                clause = next((x for x in obj.children if x.dep_ in ("acl", "relcl", "ccomp") and x.i > obj.i and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in x.children)), None)
                if clause is not None:
                    return [t for t in clause.subtree if t.i not in exclude]
    if lemma in lex.figure_verbs:
        # "put the number at about 300": the figure and what it is put at.
        obj = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.figure_nouns), None)
        if obj is None:
            return []
        at = [c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("at", "to", "as")]
        return [t for x in [obj, *at] for t in x.subtree if t.i not in exclude]
    if lemma in lex.blame_verbs:
        # "blamed the rebels for the massacre", "accused the army of shelling the town": who is blamed and for
        # what.
        parts = [c for c in cue.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in ("for", "of")]
        if any(c.dep_ == "dobj" for c in parts):
            return [t for c in parts for t in c.subtree if t.i not in exclude]
    for c in cue.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in lex.claim_objects:
            # "claimed responsibility for the attack": the attack is what is claimed.
            return [t for t in c.subtree if t.i not in exclude]
    if lemma in lex.needs_document and any(c.dep_ == "dobj" for c in cue.children):
        # "appeared to show tents on fire and people fleeing across a field": all that is shown, the
        # object and what the parse hangs beside it.
        return [t for c in cue.children if c.i > cue.i and c.dep_ not in ("punct", "cc", "conj", "advcl", "npadvmod")
                for t in c.subtree if t.i not in exclude]
    if lemma not in lex.needs_clause:
        # "denied it", "rejected this": a pronoun is what is denied; "confirmed it" says nothing new.
        pronoun_ok = lex.stance.get(lemma) in ("denies", "doubts")
        for c in cue.children:
            if c.dep_ in ("dobj", "attr") and (pronoun_ok or c.lower_ not in lex.pronouns | {"so"}):
                return [t for t in c.subtree if t.i not in exclude]
    if (cue.dep_ in ("parataxis", "advcl", "ccomp", "conj") and cue.head.i != cue.i
            and any(c.dep_ == "nsubj" for c in cue.children)
            and not any(c.dep_ == "nsubjpass" for c in cue.children)
            and (cue.i > cue.head.i and cue.left_edge.i > 0 and cue.doc[cue.left_edge.i - 1].text in _PUNCT_EDGE
                 or cue.i < cue.head.i and _parenthetical(cue))):
        # "The town fell, officials said" parsed with "said" below "fell"; "The rebels, the spokesman said, had
        # fired first": the clause around the parenthetical cue.
        head = cue.head
        return [t for t in _subtree_without(head, [cue]) if t.i not in exclude]
    if cue.dep_ in ("advcl", "parataxis") and cue.head.i != cue.i and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        # "As the Daily Courier reported on Sunday, the rebels have withdrawn": the clause the cue hangs on.
        return [t for t in _subtree_without(cue.head, [cue]) if t.i not in exclude]
    if cue.dep_ == "relcl" and lex.stance.get(lemma) in ("denies", "doubts") and (
            cue.head.lemma_.lower() in lex.report_nouns) and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
        # "it had killed 30 soldiers, a claim the army dismissed": what the claim names is dismissed.
        noun = cue.head
        if noun.dep_ in ("appos", "npadvmod") and (
                noun.head.pos_ in ("VERB", "AUX") or noun.head.head.i != noun.head.i):
            # hung on a word of the clause told, or on its verb itself
            told = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun.head.head
            return [t for t in _subtree_without(told, [noun]) if t.i not in exclude]
        return [t for t in _subtree_without(noun, [cue]) if t.i not in exclude]
    return []


def _that_clause_on_object(cue):
    """A clause with its own subject and "that" for its marker, parsed as a relative clause of the cue's object
    or of the object of a preposition of the cue ("told reporters at the scene that the dead included ..."),
    where the cue has no clause of its own before it; None elsewhere."""
    if any(c.dep_ in _CLAUSE and c.i < cue.i for c in cue.children):
        return None
    lex = lexicon()
    # (the one told: "told reporters that"; not "would add so many layers that it would ...")
    nouns = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and (
        c.ent_type_ in ("PERSON", "ORG", "NORP") or c.lemma_.lower() in lex.unnamed_heads | lex.role_nouns
        | lex.outlet_words | lex.hearer_nouns)]
    nouns += [x for c in cue.children if c.dep_ == "prep" and c.i > cue.i for x in c.children if x.dep_ == "pobj"]
    for noun in nouns:
        for rc in noun.children:
            if rc.dep_ == "relcl" and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < rc.i for g in rc.children) and (
                    any(g.dep_ in _SUBJ for g in rc.children)):
                if any(c.dep_ in _CLAUSE and c.i < rc.i for c in cue.children):
                    return None
                return rc
    return None


def _governs_clause(cue) -> bool:
    """Whether a cue governs a clause of its own, with a subject or "that" ("denied that the town had fallen"),
    rather than a noun ("denied the claim") or nothing."""
    if any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i and any(
            g.dep_ in _SUBJ or g.dep_ == "mark" and g.lower_ == "that" for g in c.children) for c in cue.children):
        return True
    # "denied in a post on Facebook that the post had fallen", the clause hung on the medium
    lex = lexicon()
    return any(x.dep_ in ("acl", "relcl", "ccomp") and x.i > obj.i and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in x.children)
        for c in cue.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "during", "via")
        for obj in c.children if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.medium_nouns
        for x in obj.subtree if x.head.i == obj.i or x.head.head.i == obj.i)


def _parenthetical(cue) -> bool:
    """'The rebels, the spokesman said, had fired first': the cue's clause stands between commas inside
    the clause it hangs on."""
    doc = cue.doc
    toks = [t for t in cue.subtree if not t.is_punct]
    left, right = toks[0].i, toks[-1].i
    return (0 < left and right + 1 < len(doc) and doc[left - 1].text in (",", "\u2014", "--")
            and doc[right + 1].text in (",", "\u2014", "--") and left > cue.head.left_edge.i and right < cue.head.i)


_OPEN_QUOTES = frozenset({'"', "\u201c", "``"})
_CLOSE_QUOTES = frozenset({'"', "\u201d", "''"})


def _quote_content(cue, src) -> list:
    """The quotation a cue reports when the parse gives it none: '"We will not retreat!" the commander said.'
    split into two sentences (the quotation just before the sentence that holds only the source and the
    cue), or 'She added: "..."' (the quotation just after the cue)."""
    doc = cue.doc
    sent = cue.sent
    first = min([cue.i] + ([src.left_edge.i] if src is not None else []))
    j = first - 1
    while j >= 0 and doc[j].text in (",", ":", "\u2014", "--") and "\n" not in doc[j].whitespace_:
        j -= 1
    if j >= max(0, sent.start - 2) and doc[j].text in _CLOSE_QUOTES and "\n" not in doc[j].whitespace_:
        # The quotation ends just before the source and the cue (in this sentence or the one before).
        k = j - 1
        while k >= max(0, j - 300) and doc[k].text not in _OPEN_QUOTES and "\n" not in doc[k].whitespace_:
            k -= 1
        if k >= 0 and doc[k].text in _OPEN_QUOTES and k < j - 1:
            return list(doc[k + 1: j])
    last = max([cue.i] + ([src.right_edge.i] if src is not None else []))
    k = last + 1
    while k < len(doc) and doc[k].is_punct and doc[k].text not in _OPEN_QUOTES and doc[k].text in (",", ":"):
        k += 1
    if k < len(doc) and doc[k].text in _OPEN_QUOTES and k > last:
        e = k + 1
        while e < min(len(doc), k + 300) and doc[e].text not in _CLOSE_QUOTES and "\n" not in doc[e].whitespace_:
            e += 1
        if e > k + 1:
            return list(doc[k + 1: e])
    return []


_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM", "PART", "CCONJ", "ADP"})


def _inverted(cue):
    """'<clause>, <source> said' read from the words: the source phrase between the last comma and the cue
    (nouns, no verb, at most eight words) and the clause before the comma as the content."""
    sent = cue.sent
    doc = cue.doc
    i = cue.i - 1
    while i > sent.start and doc[i].pos_ in ("ADV", "AUX", "PART") and doc[i].text not in _PUNCT_EDGE:
        i -= 1
    j = i
    while j > sent.start and doc[j].text not in (",", ";", ":", "\u2014", "--", '"', "\u201d"):
        j -= 1
    if j <= sent.start or j >= i or i - j > 8:
        return None
    np = doc[j + 1: i + 1]
    if any(t.pos_ not in _NP_POS for t in np) or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in np):
        return None
    first = doc[sent.start]
    if first.dep_ == "prep" and first.head.i == cue.i and first.right_edge.i >= j - 1:
        # "In a statement posted on X and quoted by El Cauca Hoy, the front denied any role in the bombing",
        # parsed with the front hung on the outlet's name: the words before the comma say where it was said;
        # what is said follows the cue.
        content = [t for t in doc[cue.i + 1: sent.end] if not t.is_punct and not t.is_space]
        return (np.root, content) if content else None
    content = [t for t in doc[sent.start: j] if t.text not in _PUNCT_EDGE or t.i > sent.start]
    return (np.root, content) if content else None


def _trailing_conjunct(src, cue, lex: Lexicon):
    """'<clause> ... 60 people, most of them young men from the north, in raids on two districts on Tuesday night,
    a lawyer and two relatives said' parsed with the words after the clause's object (an apposition or list with
    commas of its own) for the cue's subject and the source for its conjunct: the conjunct after a comma, with no
    'and' before it, that runs up to the cue speaks; the words before it belong to what is said."""
    doc = cue.doc
    if src.head.i != cue.i or src.dep_ != "nsubj" or not src.i < cue.i:
        return None
    if not any(c.dep_ in _CLAUSE and c.i < src.left_edge.i for c in cue.children):
        return None  # what is said comes before the subject: "<clause>, <subject> said"
    i = cue.i - 1
    while i > src.i and doc[i].pos_ in ("ADV", "AUX", "PART") and doc[i].text not in _PUNCT_EDGE:
        i -= 1
    # The same words parsed as two subjects of the cue: the one right before it, after a comma, speaks.
    last = next((c for c in cue.children if c.dep_ == "nsubj" and src.i < c.i < cue.i and c.right_edge.i == i
                 and doc[c.left_edge.i - 1].text == "," and _source_like(c, lex)), None)
    if last is not None:
        return last
    for c in src.children:
        if c.dep_ != "conj" or c.i < src.i or c.right_edge.i != i or doc[c.left_edge.i - 1].text != ",":
            continue
        comma = c.left_edge.i - 1
        if any(g.dep_ == "cc" and src.i < g.i < c.i for g in src.children):
            return None  # "A, B and C said": a list of sources
        if not any(t.text in (",", ";") for t in doc[src.i + 1: comma]):
            return None  # "the army, police said": no apposition of its own before the comma
        if _source_like(c, lex) and (not _source_like(src, lex) or src.lower_ in lex.quantified_sources):
            return c  # not "the governor, Ahmed Ali, the police chief said": both name people
    return None


def _appositive_speaker(cue, lex: Lexicon):
    """'<clause>, a military analyst, Oleh Marchenko, told the Courier' parsed with the speaker as an
    appositive of the clause's last noun and the cue joined to its verb: the appositive right before the cue
    (between commas, naming a person or an office) speaks, and the clause without it is what is said."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].text != "," or any(c.dep_ in _SUBJ for c in cue.children):
        return None
    tok = doc[cue.i - 2]
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ != "appos":
        return None
    while tok.head.dep_ == "appos" and tok.head.i < tok.i:
        tok = tok.head  # "a military analyst, Oleh Marchenko": the first of the appositives
    if tok.right_edge.i != cue.i - 2 or tok.left_edge.i < 1 or doc[tok.left_edge.i - 1].text != ",":
        return None
    if not (_source_like(tok, lex) and (tok.lemma_.lower() in lex.role_nouns | lex.unnamed_heads
                                        or tok.ent_type_ == "PERSON")):
        return None
    clause = cue.head
    content = [t for t in _subtree_without(clause, [cue, tok]) if t.i < tok.left_edge.i - 1]
    return (tok, content) if content else None


def _predicate(tokens):
    """The highest verb (or root) among the content tokens."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return None


def _figure_of(noun, lex: Lexicon) -> dict | None:
    """A figure named by a noun phrase ('the officials' figure of 300', 'the Tajik figure', 'the death toll')."""
    if noun is None:
        return None
    is_figure = noun.lemma_.lower() in lex.figure_nouns or noun.pos_ == "NUM" or any(
        c.dep_ == "nummod" for c in noun.children)
    counted = _count_claimed(noun, lex) if not is_figure else None
    if not is_figure and counted is None:
        return None
    owner, value = None, counted.text if counted is not None and counted.like_num else None
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and (
                c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")
                or c.pos_ == "NOUN" and c.lemma_.lower() in lex.organisation_heads)):  # "the police figure"
            owner = noun.doc[c.left_edge.i: c.i + 1].text.removesuffix("'s").removesuffix("'").strip()
        elif c.dep_ == "prep" and c.lower_ in ("of", "from", "by"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None and (obj.like_num or obj.pos_ == "NUM"):
                value = obj.text
            elif obj is not None and c.lower_ == "of" and (num := next(
                    (x for x in obj.children if x.dep_ == "nummod" and x.like_num), None)) is not None:
                value = num.text  # "the army's figure of 47 militants killed"
            elif obj is not None and c.lower_ in ("from", "by"):
                owner = noun.doc[obj.left_edge.i: obj.right_edge.i + 1].text
        elif c.dep_ == "nummod":
            value = c.text
    span = _edge(list(noun.subtree))
    return {"text": _slice(noun.doc, span[0], span[1]) if span else noun.text, "start": span[0] if span else noun.idx,
            "end": span[1] if span else noun.idx + len(noun), "owner": owner, "value": value}


def _count_claimed(noun, lex: Lexicon):
    """The number of a claim that is a count of people harmed ("the ministry's claim that more than 30 attackers
    had been killed": 30): a report noun whose "that" clause has a counted subject of a verb of harm in the
    passive. None elsewhere."""
    if noun.lemma_.lower() not in lex.report_nouns:
        return None
    for clause in noun.children:
        if clause.dep_ not in ("acl", "ccomp", "relcl") or clause.lemma_.lower() not in lex.casualty_verbs or not any(
                g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
            continue
        deps = ("nsubjpass", "nsubj") if clause.lemma_.lower() == "die" else ("nsubjpass",)
        subj = next((g for g in clause.children if g.dep_ in deps), None)
        num = next((x for x in subj.children if x.dep_ == "nummod" and x.like_num), None) if subj is not None else None
        if num is not None:
            return num
        if subj is not None and (subj.lemma_.lower() in lex.victim_nouns or subj.lower_ in lex.victim_nouns) and any(
                x.dep_ == "det" and x.lower_ in ("no", "any") for x in subj.children):
            return subj  # "the government's claim that no civilians had died": a count of none
    return None


def _reports_before(pron, lex: Lexicon):
    """What "them" or "it" stands for when it is a report named just before in the sentence: the last report
    or figure noun before it ("reports of casualties ... could not confirm them"); a report of a figure ("of
    casualties", "of the dead") is that figure."""
    for t in reversed(pron.doc[pron.sent.start: pron.i]):
        if t.pos_ != "NOUN" or t.lemma_.lower() not in lex.report_nouns | lex.figure_nouns:
            continue
        if t.lemma_.lower() in lex.figure_nouns:
            return t
        of = next((x for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                   for x in c.children if x.dep_ == "pobj"), None)
        if of is not None and (of.lemma_.lower() in lex.figure_nouns | lex.harm_nouns
                               or of.lower_ in lex.harm_nouns):
            return of
        return None
    return None


def _victims_of(pred, lex: Lexicon) -> dict | None:
    """The people a content clause says were harmed, where that is all it says: "(that) any civilians had
    been hit", "no soldiers were killed", "its strikes had killed civilians" (the victims of a verb of harm,
    its passive subject, its object, or the subject of "died"). None for "its aircraft had struck the market"
    (no people harmed) or a clause whose harm has no people named."""
    if pred is not None and pred.lemma_.lower() == "be" and not _is_negated(pred):
        # "(denied that) civilians were among the dead": who the dead were
        subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
        among = next((x for c in pred.children if c.dep_ == "prep" and c.lower_ == "among"
                      for x in c.children if x.dep_ == "pobj"), None)
        if (subj is not None and among is not None and subj.lemma_.lower() in lex.victim_nouns
                and (among.lemma_.lower() in lex.harm_nouns or among.lower_ in lex.harm_nouns)):
            span = _edge(list(subj.subtree))
            return {"text": _slice(subj.doc, span[0], span[1]), "start": span[0], "end": span[1], "owner": None,
                    "value": None, "victims": True} if span else None
    if pred is None or pred.pos_ not in ("VERB", "AUX") or pred.lemma_.lower() not in lex.casualty_verbs:
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in pred.children)
    deps = ("nsubjpass",) if passive else ("nsubj",) if pred.lemma_.lower() == "die" else ("dobj",)
    victim = next((c for c in pred.children if c.dep_ in deps), None)
    if victim is None or victim.lemma_.lower() not in lex.victim_nouns and victim.lower_ not in lex.victim_nouns:
        return None
    span = _edge(list(victim.subtree))
    if span is None:
        return None
    return {"text": _slice(victim.doc, span[0], span[1]), "start": span[0], "end": span[1], "owner": None,
            "value": None, "victims": True}


def _copular_judgement(pred, lex: Lexicon) -> tuple[str | None, object]:
    """'the reports were false' -> ('denies', reports); 'the figure was exaggerated' -> ('doubts', figure)."""
    if pred is None:
        return None, None
    subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None, None
    about_report = subj.lemma_.lower() in lex.report_nouns  # "the reports were false", "the figure was inflated"
    if about_report and pred.pos_ == "VERB" and lex.stance.get(pred.lemma_.lower()) in ("denies", "doubts") and any(
            c.dep_ == "auxpass" for c in pred.children) and not _is_negated(pred):
        # "the government's claim ... was contradicted by every witness": a claim others deny or dispute is one
        # the speaker who says so doubts.
        return "doubts", subj
    words = [pred] + [c for c in pred.children if c.dep_ in ("acomp", "attr", "oprd")]
    for w in words:
        low = w.lower_
        if (low in lex.deny_predicates or w.lemma_.lower() in lex.deny_predicates) and (
                about_report or subj.lower_ in ("this", "that", "it", "these", "those")):
            return "denies", subj
        if low in lex.doubt_predicates and about_report:
            return "doubts", subj
        # "the claim was hard to believe": the adjective with the verb it takes
        phrases = {f"{low} to {x.lemma_.lower()}" for x in w.children if x.dep_ == "xcomp"}
        if phrases & lex.doubt_predicates and about_report:
            return "doubts", subj
    return None, None


def _nominal(tok) -> bool:
    """Whether ``tok`` is a noun, the parse overruling the tagger: a word in -s that is a clause's subject
    ("... on Monday. Reports that the army shelled the village were denied", tagged as a verb) is a plural
    noun, since no finite verb is a subject."""
    return tok.pos_ == "NOUN" or tok.tag_ == "VBZ" and tok.dep_ in ("nsubj", "nsubjpass")


def _hedges(tokens, lex: Lexicon) -> list[str]:
    """Hedging words among ``tokens``, read from the parse."""
    out = []
    for t in tokens:
        low, lemma = t.lower_, t.lemma_.lower()
        if low in lex.hedge_words:
            out.append(low)
        elif lemma in lex.hedge_verbs and t.pos_ in ("VERB", "AUX") and (
            any(c.dep_ in ("xcomp", "ccomp") for c in t.children)
            or any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in t.children)
        ):
            out.append(f"{low} to" if any(c.dep_ == "xcomp" for c in t.children) else f"it {low}")
        elif t.tag_ == "VBN" and lemma in lex.hedge_passives and any(c.dep_ == "auxpass" for c in t.children) and any(
            c.dep_ == "xcomp" for c in t.children
        ):
            out.append(f"{low} to")  # "is said to be", "are believed to have"
        elif t.tag_ == "VBN" and lemma in lex.hedge_passives and any(c.dep_ == "auxpass" for c in t.children) and any(
            c.dep_ in ("nsubjpass", "expl") and c.lower_ == "it" for c in t.children
        ) and any(c.dep_ == "ccomp" for c in t.children) and _agent(t) is None:
            out.append(f"it was {low}")  # "it was reported that", "it is believed that": no one named
        elif lemma == "report" and _nominal(t) and t.tag_ in ("NNS", "VBZ") and not any(
                c.dep_ in ("poss", "det", "compound") or c.dep_ == "prep" and c.lower_ in ("by", "from")
                or c.dep_ == "amod" and (c.ent_type_ or c.pos_ == "PROPN")  # "credible reports", not "Israeli"
                for c in t.children) and any(
                c.dep_ in ("acl", "ccomp", "appos") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                for c in t.children):
            out.append("reports that")  # "Reports that the town had fallen ...": no one named
        elif lemma == "report" and _nominal(t) and t.tag_ == "NNS" and not any(
                c.dep_ in ("poss", "det", "compound") or c.dep_ == "prep" and c.lower_ in ("by", "from")
                or c.dep_ == "amod" and (c.ent_type_ or c.pos_ == "PROPN") for c in t.children) and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    x.dep_ == "pobj" and any(n.dep_ == "nummod" for n in x.children) for x in c.children)
                for c in t.children):
            out.append("reports of")  # "had credible reports of at least 30 deaths": a count no one named gives
        elif low in lex.hedge_modals and t.dep_ == "aux" and not (t.head.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("because", "since", "lest") for c in t.head.children)):
            # (not a reason given: "we buried them at once because the planes might come back" is no hedge
            # on what is told)
            out.append(low)
        elif low in ("could", "would") and t.dep_ == "aux" and any(
            c.lower_ == "have" and c.dep_ == "aux" for c in t.head.children
        ):
            out.append(f"{low} have")
        elif low in lex.conditional_marks and t.dep_ == "mark":
            out.append(low)
    return out


# ---------------------------------------------------------------- relations


def _chain_from_cue(cue, lex: Lexicon) -> tuple[list, str | None]:
    """Intermediaries named around the cue (an addressee outlet, 'confirmed to', 'in an interview with') and
    the way it was said ('in a statement', 'on Twitter')."""
    links, via = [], None
    lemma = cue.lemma_.lower()
    joined: set[int] = set()
    # "claimed responsibility for the attack in a statement carried by its media arm": the parse hangs the way it
    # was said on the cue's object (or on what the object is for); it is the cue's all the same.
    hung = [p for o in cue.children if o.dep_ == "dobj"
            for x in [o, *(y for q in o.children if q.dep_ == "prep" for y in q.children if y.dep_ == "pobj")]
            for p in x.children if p.dep_ == "prep" and p.lower_ in ("in", "on", "via", "through") and any(
                y.dep_ == "pobj" and y.lemma_.lower() in lex.medium_nouns for y in p.children)]
    for c in [*cue.children, *hung]:
        if c.i in joined:
            continue
        if c.dep_ in ("dative", "dobj") and lemma in ("tell", "inform", "confirm") and c.pos_ in ("NOUN", "PROPN"):
            toks = list(c.subtree)
            venue = next((d for d in cue.children if c.dep_ == "dative" and d.dep_ == "dobj"
                          and d.left_edge.i == c.right_edge.i + 1
                          and d.lemma_.lower() in lex.document_venues | lex.outlet_words), None)
            if venue is not None:
                # "told the Syria Today website that ..." parsed as "told [the Syria] [Today website]": one
                # outlet, named by both.
                joined.add(venue.i)
                toks += [t for t in venue.subtree if t.i <= venue.i]
                links.append(dict(_link(venue, toks, "intermediary", lex), kind="outlet"))
                continue
            kind = _kind(c, toks, lex)
            if kind in ("outlet", "organisation") or c.lemma_.lower() in lex.outlet_words or (
                    c.pos_ == "PROPN" and any(t.lower_ in lex.outlet_words for t in toks)):  # "the Evening Star"
                links.append(_link(c, toks, "intermediary", lex))
            elif c.lemma_.lower() in lex.document_venues and any(
                    t.lower_ in lex.outlet_words and t.dep_ == "compound" for t in c.children):
                # "told a local news website": the site that heard it, an outlet
                links.append(dict(_link(c, toks, "intermediary", lex), kind="outlet"))
        elif c.dep_ == "prep" and c.lower_ in ("to", "in", "on", "via", "through", "during", "at"):
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is None:
                continue
            olemma = obj.lemma_.lower()
            if c.lower_ == "to" and lemma in ("confirm", "say", "speak", "report", "reveal", "describe", "explain"):
                toks = list(obj.subtree)
                if _kind(obj, toks, lex) in ("outlet", "organisation"):
                    links.append(_link(obj, toks, "intermediary", lex))
            elif olemma in lex.medium_nouns or obj.ent_type_ == "ORG" and c.lower_ in ("on", "via"):
                span = _edge(_before_speaker(obj, cue))
                via = _slice(cue.doc, span[0], span[1]) if span else obj.text
                # (and the participles joined to one: "a statement posted on X and quoted by El Cauca Hoy")
                joined_acl = [x for g in obj.children if g.dep_ == "acl" and g.tag_ == "VBN"
                              for x in g.children if x.dep_ == "conj" and x.tag_ == "VBN"]
                # ("a post on Facebook quoted by the Mountain Post", the participle hung on the venue)
                joined_acl += [g for p in obj.children if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"
                               for g in x.children if g.dep_ == "acl" and g.tag_ == "VBN"
                               and g.lemma_.lower() in lex.citing]
                for g in [*obj.children, *joined_acl]:  # "in an interview with the BBC"
                    if g.dep_ == "prep" and g.lower_ in ("with", "to", "on"):
                        o2 = next((x for x in g.children if x.dep_ == "pobj"), None)
                        if o2 is not None and _kind(o2, list(o2.subtree), lex) in ("outlet", "organisation"):
                            links.append(_link(o2, list(o2.subtree), "intermediary", lex))
                    elif g.dep_ in ("acl", "conj") and g.tag_ == "VBN" and not (
                            g.dep_ == "acl" and g.head.i != obj.i and g.lemma_.lower() not in lex.citing):
                        # "in a statement carried by state media": the outlet that carried it passed it on; so
                        # did any source that quoted it ("quoted by El Cauca Hoy").
                        agent = next((x for x in g.children if x.dep_ == "agent"), None)
                        o2 = next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
                        if o2 is not None and (_kind(o2, list(o2.subtree), lex) == "outlet"
                                               or o2.lower_ in lex.outlet_words  # "state media"
                                               or any(x.dep_ == "compound" and x.lower_ in lex.outlet_words
                                                      for x in o2.children)  # "its media arm"
                                               or g.lemma_.lower() in lex.citing and _source_like(o2, lex)):
                            links.append(_link(o2, _before_speaker(o2, cue), "intermediary", lex))
                        # "in a statement read on state television", "published in the state-run X Daily",
                        # "released through its az-Zallaqa propaganda outlet": the outlet it went out on.
                        for p in g.children:
                            o3 = next((x for x in p.children if x.dep_ == "pobj"), None) if p.dep_ == "prep" and (
                                p.lower_ in ("on", "in", "through", "via", "by")) else None
                            if o3 is not None and _is_outlet(o3, lex):
                                links.append(_link(o3, list(o3.subtree), "intermediary", lex))
    return links, via


def _before_speaker(tok, cue) -> list:
    """The words of a phrase before the cue, without an apposition that runs up to the cue ("quoted by El
    Cauca Hoy, the Jaime Martinez front denied", parsed with the front hung on the outlet: the front speaks)."""
    cut = {t.i for c in tok.subtree if c.i != tok.i and c.dep_ == "appos" and c.right_edge.i >= cue.i - 2
           and c.i < cue.i for t in c.subtree}
    return [t for t in tok.subtree if t.i not in cut and not (t.i == cue.i - 1 and t.is_punct)]


def _is_outlet(tok, lex: Lexicon) -> bool:
    """Whether a noun phrase names an outlet: 'state television', 'the state-run Pyidaungsu Daily newspaper',
    'its az-Zallaqa propaganda outlet'."""
    return (_kind(tok, list(tok.subtree), lex) == "outlet" or tok.lemma_.lower() in lex.outlet_words
            or any(x.dep_ == "compound" and x.lower_ in lex.outlet_words for x in tok.children))


def _source_like(tok, lex: Lexicon) -> bool:
    """A word that can name who speaks: a name, a pronoun, an office, people, a document."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.lower_ in lex.pronouns
            or lemma in lex.unnamed_heads or lemma in lex.organisation_heads or lemma in lex.outlet_words
            or lemma in lex.medium_nouns or lemma in lex.role_nouns)


def _citing(cue, lex: Lexicon):
    """'Tolo News, citing local sources, reported': the cited source."""
    for c in cue.children:
        if c.dep_ in ("advcl", "xcomp", "acl", "prep") and c.lemma_.lower() in lex.citing and c.tag_ == "VBG":
            obj = next((x for x in c.children if x.dep_ in ("dobj", "pobj")), None)
            if obj is not None and obj.lemma_.lower() in lex.medium_nouns and obj.pos_ == "NOUN" and any(
                    g.dep_ == "prep" and g.lower_ == "of" for g in obj.children):
                continue  # "citing the release of prisoners": a reason given, not a source
            if obj is not None and _source_like(obj, lex):
                return c, obj
    return None, None


def _quoting_verb(cue, lex: Lexicon):
    """'X quoted Y saying', 'X quoted Y as saying', 'X cited a report saying': the verb of quoting whose object
    speaks through ``cue``."""
    if cue.tag_ != "VBG":
        return None
    head = cue.head
    if cue.dep_ == "pcomp" and head.lower_ == "as":
        head = head.head
    elif cue.dep_ not in ("advcl", "xcomp", "acl", "oprd"):
        return None
    if head.i == cue.i or head.pos_ != "VERB" or head.lemma_.lower() not in lex.citing:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj"), None)
    if obj is None and any(c.dep_ == "auxpass" for c in head.children):
        obj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)  # "X was quoted as saying"
    return head if obj is not None and _source_like(obj, lex) else None


def _relation(cue, lex: Lexicon) -> Attribution | None:
    """The attribution one cue token makes, or None where it makes none."""
    doc = cue.doc
    lemma = cue.lemma_.lower()
    low = cue.lower_
    according = low == "according"
    quoted_by = quoter = misread_owner = None
    if lemma in lex.citing and cue.tag_ == "VBN" and any(
            c.dep_ == "prep" and c.lower_ == "as" and any(g.tag_ == "VBG" for g in c.children) for c in cue.children):
        return None  # "was quoted by state television as saying": the quoted speaks, through "saying"
    if according:
        to = next((c for c in cue.children if c.lower_ == "to"), None)
        src = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if src is None:
            return None
        cue_toks = [cue, to]
        head = cue.head
        if head.i == cue.i:
            content = []
        else:
            content = [t for t in _subtree_without(head, [cue]) if t.text not in _PUNCT_EDGE or t.i != cue.i - 1]
        stance, about = "asserts", "event"
        negated_cue, refused = False, False
    else:
        if cue.pos_ not in ("VERB", "AUX") or any(c.dep_ == "prt" for c in cue.children):
            return None  # "written off", "find out": another verb
        if cue.tag_ == "VBN" and cue.dep_ in ("acl", "amod"):
            return None  # "the reported details", "figures reported on Sunday": no one speaks
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in cue.children):
            return None  # "if they did not confirm", "unless officials say": nothing is said yet
        if (cue.dep_ == "xcomp" and lemma not in lex.verify and cue.head.pos_ in ("VERB", "AUX")
                and cue.head.lemma_.lower() in lex.unsaid_under):
            return None  # "asked to describe", "refused to explain", "plans to announce": not said
        stance = lex.stance[lemma] if lemma in lex.stance else "asserts"
        if (cue.dep_ == "acl" and cue.tag_ == "VBG" and stance == "asserts" and lemma not in lex.needs_document
                and lemma not in lex.figure_verbs and lemma not in lex.verify
                and not any(c.dep_ in _CLAUSE or c.dep_ == "xcomp" or c.dep_ == "punct" and c.text == ":"
                            for c in cue.children)):
            return None  # "taxpayers reporting capital gains": a noun described, no statement
        negated_cue = _is_negated(cue)
        refused = cue.head.i != cue.i and cue.dep_ in ("xcomp", "acomp") and (
            cue.head.lemma_.lower() in lex.refuse or cue.head.lower_ in lex.refuse)
        if not refused and cue.dep_ == "xcomp" and cue.head.dep_ == "acomp" and cue.head.lower_ in lex.refuse:
            refused = True
        passive = any(c.dep_ == "auxpass" for c in cue.children) or (
            cue.tag_ == "VBN" and any(c.dep_ == "nsubjpass" for c in cue.children))
        if passive and lemma in lex.verify and not negated_cue and any(
                c.dep_ == "nsubjpass" and (c.lower_ in lex.no_one_words or any(
                    d.dep_ in ("det", "preconj") and d.lower_ in lex.no_one_words
                    for d in [*c.children, *(x for p in c.children if p.dep_ == "poss" for x in p.children)]))
                for c in cue.children):
            # "None of the tolls could be verified", "no figure could be confirmed", "Neither account could be
            # confirmed", "Neither side's account could be verified"
            negated_cue = True
        cue_toks = [cue] + [c for c in cue.children if c.dep_ in ("neg", "prt") or (
            c.dep_ in ("aux", "auxpass") and (negated_cue or refused))]
        src = None
        if passive:
            agent = next((c for c in cue.children if c.dep_ == "agent"), None)
            src = next((x for x in agent.children if x.dep_ == "pobj"), None) if agent is not None else None
            if src is None and not (lemma in lex.verify and (negated_cue or refused)):
                return None  # "it was reported", "is said to be": no source (a hedge, found elsewhere)
        else:
            src = _subject(cue, lex)
            if src is not None and src.lower_ in _EXPLETIVE and src.dep_ == "expl":
                src = None
            if src is not None:
                src = _trailing_conjunct(src, cue, lex) or src
            if any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children) and not any(
                    c.dep_ == "nsubj" for c in cue.children):
                return None  # "As reported on May 30, X attacked": no one named, X is no speaker
            if cue.dep_ == "conj" and (src is not None and src.pos_ == "NOUN" and not src.ent_type_
                                       and not _source_like(src, lex) or _told_by_narrator(cue)):
                # "The ministry said its aircraft had targeted a camp and denied that civilians were hit" parsed
                # with "denied" joined to "targeted": aircraft do not deny; the reporting verb above speaks.
                # Likewise "said its fighters had captured a post and denied ...": the reported verb is in the
                # past perfect of reported speech, the cue in the narrator's simple past; so is "said it had
                # targeted a camp and denied ...", whose parse gives "denied" no subject at all.
                up = cue.head
                for _ in range(6):
                    if up.head.i == up.i:
                        break
                    up = up.head
                    if up.lemma_.lower() in lex.cue_lemmas and up.pos_ == "VERB":
                        src = next((c for c in up.children if c.dep_ == "nsubj"), src)
                        break
            quoted_by = _quoting_verb(cue, lex)
            if quoted_by is not None:
                # "The Courier quoted a tweet by X saying", "quoted X as saying": X (or the tweet's owner)
                # speaks, heard through whoever quotes; "X was quoted as saying (by Y)": X speaks.
                passive_quote = any(c.dep_ == "nsubjpass" for c in quoted_by.children)
                if passive_quote:
                    quoter = _agent(quoted_by)
                    src = next(c for c in quoted_by.children if c.dep_ == "nsubjpass")
                else:
                    quoter = next((c for c in quoted_by.children if c.dep_ == "nsubj"), None)
                    src = next(c for c in quoted_by.children if c.dep_ == "dobj")
                cue_toks.append(quoted_by)
        preset = None
        if src is None and not passive and lemma not in lex.figure_verbs:
            preset = _inverted(cue)
            if preset is not None:
                src = preset[0]
        elif not passive and cue.dep_ == "conj":
            preset = _appositive_speaker(cue, lex)
            if preset is not None:
                src = preset[0]
        if src is None and not (lemma in lex.verify and (negated_cue or refused)):
            return None
        if (src is not None and src.lemma_.lower() in lex.time_nouns and src.text.islower() and not passive
                and not any(t.pos_ == "PROPN" for t in src.subtree)):
            return None  # "after a few weeks passed and report them missing": a time says nothing
        if negated_cue and stance == "asserts" and lemma not in lex.verify:
            return None  # "did not say": no statement
        if src is not None and (src.lower_ in ("nobody", "none") or any(
                c.dep_ == "det" and c.lower_ == "no" for c in src.children)):
            return None  # "no group has claimed responsibility": no one speaks
        exclude = {t.i for t in cue_toks}
        if src is not None:
            own = {t.i for t in cue.subtree}
            exclude.update(t.i for t in src.subtree if t.i not in own)
        content = preset[1] if preset is not None else _content_tokens(cue, lex, exclude)
        if passive and not content:
            subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
            if subj is not None:
                content = list(subj.subtree)
        if not content and not passive and lemma in lex.cue_lemmas and lemma not in lex.needs_document:
            content = [t for t in _quote_content(cue, src) if t.i not in exclude]
        if not content and lemma not in lex.figure_verbs:
            inverted = _inverted(cue)
            if inverted is not None:
                # "The Taliban overran X on June 22, a district official told Reuters" with a parse that
                # does not say so: the words between the comma and the cue speak, the clause before is said.
                src, content = inverted
        if not content:
            return None  # "reported from Washington", "fear for their safety": nothing is reported
        if lemma in lex.figure_verbs and passive:
            return None
        if src is not None and src.lower_ == "you":
            return None  # "you said", "do you think": a question to someone, not a source
        obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
        if lemma in lex.content_object_only and obj is not None and (
                obj.pos_ == "PROPN" or obj.lower_ in ("him", "her", "me", "us", "you")
                or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                or obj.lemma_.lower() in lex.unnamed_heads or obj.lemma_.lower() in lex.role_nouns
                or obj.lemma_.lower() in lex.act_objects):
            # "questioned the spokesman", "voters reject candidates": people, not a statement; "rejected the
            # peace deal": an agreement refused
            return None
        if src is not None and src.tag_ == "VBN" and src.dep_ in _SUBJ and (agent := _agent(src)) is not None and (
                medium := next((c for c in src.children if c.dep_ == "compound"
                                and c.lemma_.lower() in lex.medium_nouns), None)) is not None and (
                _source_like(agent, lex)):
            # "Footage broadcast by Beacon TV showed ...", parsed as a compound "Footage broadcast": the footage
            # is the document, and whoever broadcast it owns it.
            src, misread_owner = medium, agent
        if lemma in lex.needs_document and (src is None or not (
                src.lemma_.lower() in lex.medium_nouns or _kind(src, [src], lex) in ("document", "outlet"))):
            return None  # "the data showed", "footage showed", "Tolo TV showed"; not "the attackers showed"
        about = "event"
        if lemma in lex.verify and (negated_cue or refused):
            stance = "doubts"
        elif stance == "denies" and negated_cue:
            stance = "asserts"  # "did not deny"

    # Who speaks, and through whom.
    chain: list[dict] = []
    via = None
    if not according:
        chain, via = _chain_from_cue(cue, lex)
        if quoted_by is not None and quoter is not None:
            chain.append(_link(quoter, _source_tokens(quoter, cue), "intermediary", lex))
        cited_verb, cited = _citing(cue, lex)
        if cited is None and src is not None:
            cited_verb, cited = _citing(src, lex)  # "The Courier, quoting a tweet by X, reported"
        if cited is None:
            # "reported on Thursday, citing an unnamed official, that ...", the participle hung on the clause
            # said: it names who speaks all the same, where it comes before the clause's "that".
            for clause in (c for c in cue.children if c.dep_ in ("ccomp", "conj") and c.i > cue.i):
                mark = next((g for g in clause.children if g.dep_ == "mark" and g.lower_ == "that"), None)
                verb, named = _citing(clause, lex)
                if mark is not None and named is not None and cue.i < verb.i < mark.i:
                    cited_verb, cited = verb, named
                    citing_words = {t.i for t in verb.subtree}
                    content = [t for t in content if t.i not in citing_words]
                    break
        if (cited is not None and cited.lemma_.lower() in lex.medium_nouns and not _named_outlet(cited, lex)
                and cited.ent_type_ not in ("ORG", "PERSON") and _owner_of_document(cited) is None
                and not (cited.lemma_.lower() in lex.outlet_words and any(c.dep_ in ("amod", "compound")
                                                                          for c in cited.children))):
            # "an analyst told the Courier, citing geolocated footage": the analyst speaks; not "citing
            # Israeli army radio", "citing state television": a broadcaster, who speaks through the citer
            cited = None
        if cited is not None and src is not None:
            chain.append(_link(src, _source_tokens(src, cue), "intermediary", lex))
            src = cited
            cue_toks.append(cited_verb)
    if src is not None:
        # "CLEVELAND, July 19 (Agency) -- Former Attorney General X told": the name after the dateline speaks.
        for c in src.children:
            if c.dep_ == "appos" and c.i > src.i and any(
                    t.text in ("--", "\u2014", "\u2013") for t in doc[src.i + 1: c.left_edge.i]):
                src = c
                break
    speaker = src
    if (speaker is not None and not according and speaker.pos_ == "NOUN"
            and (lemma in lex.belief_cues or lemma in lex.weak_cues) and not _source_like(speaker, lex)
            and not speaker.ent_type_):
        return None  # "the impact suggests", "deficits would add up": a thing, not a speaker
    document_span = None
    if (src is not None and src.lemma_.lower() in lex.medium_nouns and src.ent_type_ not in ("ORG", "PERSON")
            and not _named_outlet(src, lex)):
        owner = _owner_of_document(src) or misread_owner
        document_span = _edge(_source_tokens(src, cue))
        via = _slice(doc, document_span[0], document_span[1]) if document_span else src.text
        if owner is not None:
            speaker = owner
        else:
            # "Video footage shared by the PDF appeared to show": who shared it passed it on
            # (data/attribution.json ``passing_verbs``); the picture shows, heard through the one who shared it.
            passer = next((_agent(c) for c in src.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"
                           and c.lemma_.lower() in lex.passing_verbs and _agent(c) is not None), None)
            if passer is not None and _source_like(passer, lex):
                chain.append(_link(passer, list(passer.subtree), "intermediary", lex))
    source_toks = _source_tokens(speaker, cue) if speaker is not None else []
    if speaker is not None and src is not None and speaker.i == src.i and speaker.lower_ in _REL_PRONOUNS:
        return None
    quantified = speaker is not None and speaker.lower_ in lex.quantified_sources and speaker.dep_ in _SUBJ and (
        speaker.lower_ not in ("all", "both", "one") or any(c.dep_ == "prep" and c.lower_ == "of" for c in speaker.children))
    if speaker is not None and not quantified and (speaker.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or (
            speaker.pos_ == "PRON" and speaker.lower_ not in lex.pronouns | lex.first_person)):
        return None  # "All told", "what she said": no one named; "some of the residents said" names them
    if speaker is not None and not according:
        # "A commander, speaking to the Daily Courier by phone, denied"; "Speaking to Radio Azadi, the
        # governor said": the outlet spoken to is an intermediary.
        for c in [*speaker.children, *cue.children]:
            if c.tag_ == "VBG" and c.lemma_.lower() in lex.speaking and c.dep_ in ("acl", "advcl"):
                for g in c.children:
                    obj = next((x for x in g.children if x.dep_ == "pobj"), None) if g.dep_ == "prep" and (
                        g.lower_ in ("to", "with")) else None
                    if obj is not None and _kind(obj, list(obj.subtree), lex) == "outlet":
                        chain.append(_link(obj, list(obj.subtree), "intermediary", lex))
    if speaker is not None:
        for c in speaker.children:  # "residents interviewed by the newspaper"
            if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex.hearing_verbs:
                agent = _agent(c)
                if agent is not None and _source_like(agent, lex):
                    chain.append(_link(agent, list(agent.subtree), "intermediary", lex))
        chain.append(_link(speaker, source_toks, "speaker", lex, via))
        if src is not None and speaker.i == src.i and document_span is not None and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in speaker.children):
            # "The statement denied ...": the statement named before; whoever made it speaks (see
            # ``resolve_pronoun``).
            chain[-1]["back"] = speaker.lemma_.lower()

    # Stance from the content: "said the reports were false", "said the figure was exaggerated".
    pred = _predicate(content)
    judged, judged_subj = _copular_judgement(pred, lex)
    if judged and stance == "asserts":
        stance = judged
    figure_stances: list[dict] = []
    own_absence = not according and stance == "asserts" and _says_own_side_did_not(pred, chain, lex)
    if stance == "asserts" and _done_to_no_one(pred, lex):
        stance = "denies"  # "said that no worshipper had been taken": the abduction denied
    if own_absence:
        stance = "denies"  # "The brigade said its fighters were not in the area": its own part denied
    if not according and (own_absence or _on_perpetrator(cue, lex)
                          or stance == "asserts" and _says_own_side_did(pred, chain, lex)
                          or stance == "asserts" and _names_the_doers(content, lex)
                          or stance == "denies" and (_denies_own_act(cue, pred, chain, lex)
                                                     or _denies_own_part(pred, chain, lex))):
        about = "perpetrator"
    elif stance in ("denies", "doubts"):
        target = None
        if judged_subj is not None:
            target = judged_subj
        elif not according:
            target = next((c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if target is None and pred is not None and pred.pos_ in ("NOUN", "NUM"):
                target = pred
            if target is None and pred is not None:
                # "doubted that the police figure was complete", "doubted the group's figure of 63 dead"
                # parsed as a clause: the figure the clause is about
                target = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")
                               and c.lemma_.lower() in lex.figure_nouns), None)
            if target is not None and target.lower_ in ("none", "all", "both", "each", "any", "some"):
                # "None of the tolls could be verified": the tolls
                target = next((x for c in target.children if c.dep_ == "prep" and c.lower_ == "of"
                               for x in c.children if x.dep_ == "pobj"), target)
            if target is not None and target.lower_ in ("it", "them", "this", "these", "those"):
                target = _reports_before(target, lex) or target  # "aware of reports of casualties but
                # could not confirm them": the reports
        fig = _figure_of(target, lex)
        if fig is None:
            # "denied that any civilians had been hit": what is denied is who was harmed (a figure of victims),
            # not the event.
            fig = _victims_of(pred, lex)
        if fig is not None:
            fig["stance"] = stance
            fig["by"] = chain[-1]["name"] if chain and chain[-1]["link"] == "speaker" else None
            figure_stances.append(fig)
            about = "figure"
    # Negated predicates inside the content (for the stance on each event the content tells).
    negated = [(t.idx, t.idx + len(t.text)) for t in content if t.pos_ in ("VERB", "AUX", "ADJ") and _is_negated(t)]
    judging = cue.dep_ == "relcl" and cue.head.lemma_.lower() in lex.report_nouns and cue.head.dep_ in (
        "appos", "npadvmod")  # "..., a claim the army dismissed": the claim's hedges are not the judge's
    hedges = ([] if judging else _hedges(content, lex)) + ([lemma] if lemma in lex.hedged_cues else [])
    if stance in ("denies", "doubts"):
        hedges = [h for h in hedges if h != "reports that"]  # "Reports that ... were denied by X": X is sure
    if lemma in lex.verify and stance == "doubts":
        span = _edge(cue_toks)
        hedges.append(_slice(doc, span[0], span[1]) if span else cue.text)  # "could not be independently verified"
    hedges += [t.lower_ for t in cue.children if t.lower_ in lex.hedge_words]
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lex.hedge_verbs:
        hedges.append(f"{cue.head.lower_} to")  # "appeared to show"

    cue_span = _edge(cue_toks)
    src_span = _edge(source_toks) if source_toks else None
    rel_pronoun = next((c for c in cue.children if c.dep_ == "nsubj" and c.lower_ in _REL_PRONOUNS), None) if (
        not according and speaker is not None and src is not None and speaker.i == src.i
        and cue.dep_ == "relcl") else None
    if rel_pronoun is not None and speaker.pos_ == "NOUN" and not speaker.ent_type_ and not _source_like(speaker, lex):
        return None  # "an approach that would emphasise", "letters that accuse": a thing, not a speaker
    if rel_pronoun is not None:
        # "X, who said": the words that speak in the clause are "who"; the speaker named is X.
        src_span = (rel_pronoun.idx, rel_pronoun.idx + len(rel_pronoun.text))
    content_span = _edge(content) if content else None
    name = chain[-1]["name"] if chain and chain[-1]["link"] == "speaker" else None
    if name is not None and name.lower() in lex.pronouns:
        name = name.lower()
    # The attribution's words: the source and the cue (and what lies between), as the old finder gave.
    parts = [s for s in (src_span, cue_span, document_span) if s is not None]
    if according:
        whole = _edge(_source_tokens(src, cue))
        if whole:  # "according to X": from the cue to the end of the source, whichever comes first in the text
            parts = [(min(cue.idx, whole[0]),
                      max(cue.idx + len(cue.text), whole[1], src_span[1] if src_span else 0))]
    start = min(p[0] for p in parts) if parts else None
    end = max(p[1] for p in parts) if parts else None
    for link in chain:
        if link["link"] == "intermediary" and link["start"] is not None and start is not None:
            if abs(link["start"] - end) < 40 or abs(start - link["end"]) < 40:
                start, end = min(start, link["start"]), max(end, link["end"])
    text = _slice(doc, start, end) if start is not None else None
    return Attribution(
        attributed_to=name,
        text=text,
        stance=stance,
        hedged=bool(hedges),
        start=start,
        end=end,
        cue=_slice(doc, cue_span[0], cue_span[1]) if cue_span else cue.text,
        cue_span=cue_span,
        source_span=src_span,
        content_span=content_span,
        chain=chain,
        source_kind=chain[-1]["kind"] if chain and chain[-1]["link"] == "speaker" else None,
        about=about,
        figure_stances=figure_stances,
        hedges=hedges,
        negated=negated,
    )


def _on_perpetrator(cue, lex: Lexicon) -> bool:
    """Whether a verb cue's stance is on who did it rather than on whether it happened: its object is a
    responsibility noun ("claimed responsibility for the bombing", "denied any involvement in the killings",
    "rejected the accusation", "rejected accusations that its fighters killed civilians"), "claimed" takes an
    act as object ("claimed the attack"), or the cue blames someone ("blamed the rebels for the massacre",
    "accused the army of shelling the town"). From the parse and the words of data/attribution.json."""
    lemma = cue.lemma_.lower()
    objs = [c for c in cue.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objs:
        return False
    if lemma in lex.blame_verbs and any(c.dep_ == "dobj" for c in objs):
        return True
    return any(o.lemma_.lower() in lex.responsibility_nouns or o.lower_ in lex.responsibility_nouns
               or (lemma == "claim" and o.lemma_.lower() in lex.claimed_acts) for o in objs)


def _subject_up(verb):
    """The subject of a verb, or of the verbs it is the complement of ("were said to be still patrolling":
    those said to)."""
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None or v.dep_ not in ("xcomp", "ccomp") or v.head.i == v.i:
            return subj
        v = v.head
    return None


def _names_the_doers(tokens, lex: Lexicon) -> bool:
    """Whether the words say that those who did it belong to a group ("The attackers were believed to belong to
    the Sahel Front", "the gunmen were members of a militia"): a word of belonging (data/attribution.json
    ``belonging_words``) whose subject, up through "believed to", "said to be", is a noun of those who did the
    act (``doer_nouns``). A stance on who did it."""
    for t in tokens:
        if t.lemma_.lower() not in lex.belonging_words and t.lower_ not in lex.belonging_words:
            continue
        subj = _subject_up(t.head if t.dep_ in ("attr", "acomp") else t)
        if subj is not None and (subj.lemma_.lower() in lex.doer_nouns or subj.lower_ in lex.doer_nouns):
            return True
    return False


def _denies_own_act(cue, pred, chain: list[dict], lex: Lexicon) -> bool:
    """Whether a denial says the speaker did not do an act to others: its content is an act done to others
    (data/attribution.json ``perpetrated_acts``) with the speaker's own side for subject ("its forces", "we",
    "Houthi forces" said by a Houthi spokesman, "Russian forces" said by a Russian-installed administration),
    whether or not the speaker blames another: a side denying its own part disputes who did it, as an analyst
    codes it (ACLED: the event itself may still be told by others); or with no subject of its own ("denied
    planting the bomb"), done to a definite thing told before ("the bomb", "the market"). "Denied targeting
    residential areas" names nothing told before: a denial of the event as told, not of who did it; so is a
    denial of who was harmed ("denied that its strikes had killed civilians": a figure)."""
    if pred is None or pred.pos_ not in ("VERB", "AUX") or pred.lemma_.lower() not in lex.perpetrated_acts:
        return False
    if _is_negated(pred):
        return False  # "denied that it had not warned": no plain act
    if _victims_of(pred, lex) is not None:
        return False  # "denied that its strikes had killed civilians": who was harmed, a figure
    subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None:
        if not (pred.dep_ == "xcomp" and pred.head.i == cue.i and pred.tag_ == "VBG"):
            return False
    elif any(c.dep_ == "auxpass" for c in pred.children) or not _own_side(subj, chain):
        return False
    else:
        return True  # "The army denied that its aircraft had struck the market": its own part
    objs = [c for c in pred.children if c.dep_ == "dobj"]
    objs += [x for c in pred.children if c.dep_ == "prep" and c.lower_ in ("on", "at", "in", "against", "into")
             for x in c.children if x.dep_ == "pobj"]
    return any(any(c.dep_ in ("det", "poss") and c.lower_ in _BACK_DETS for c in o.children) for o in objs)


def _done_to_no_one(pred, lex: Lexicon) -> bool:
    """Whether the content says an act was done to no one or by no one ("no worshipper had been taken", "no
    shells struck the town"): the act denied (data/attribution.json ``none_denies``). Not a harm counted as none
    ("no civilians had been killed": a figure of zero, asserted), nor a clause negated by "not" (read
    elsewhere)."""
    if pred is None or pred.pos_ != "VERB" or pred.lemma_.lower() not in lex.none_denies or _is_negated(pred):
        return False
    # Only people done to, in the passive ("no worshipper had been taken"): "no shells struck the city centre"
    # says where the shells fell, not that the shelling did not happen.
    subj = next((c for c in pred.children if c.dep_ == "nsubjpass"), None)
    return subj is not None and (subj.lower_ in ("nobody", "none") or (
        subj.lemma_.lower() in lex.victim_nouns or subj.lower_ in lex.victim_nouns) and any(
        c.dep_ == "det" and c.lower_ == "no" for c in subj.children))


def _denies_own_part(pred, chain: list[dict], lex: Lexicon) -> bool:
    """Whether what a speaker denies is that its own side took part ("denied that its forces had taken part in
    the fighting", "denied that its men were involved"): a verb of taking part (data/attribution.json
    ``involvement_verbs``; "take part" is "take" with "part" for object) whose subject is the speaker's own
    side. A denial of who did it, not that it happened."""
    if pred is None or pred.pos_ not in ("VERB", "AUX") or _is_negated(pred):
        return False
    lemma = pred.lemma_.lower()
    objs = {c.lemma_.lower() for c in pred.children if c.dep_ == "dobj"}
    if lemma not in lex.involvement_verbs and not any(f"{lemma} {o}" in lex.involvement_verbs for o in objs):
        return False
    subj = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and _own_side(subj, chain)


def _says_own_side_did_not(pred, chain: list[dict], lex: Lexicon) -> bool:
    """Whether what a speaker says is that its own side was not there or did not do an act to others: "its
    fighters were not in the area", "we did not fire on the market" (not what will not be: "we will not
    attack")."""
    if pred is None or pred.pos_ not in ("VERB", "AUX") or not _is_negated(pred):
        return False
    if pred.lemma_.lower() != "be" and pred.lemma_.lower() not in lex.perpetrated_acts:
        return False
    if any(c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "shall") for c in pred.children):
        return False
    if pred.lemma_.lower() == "be" and not any(c.dep_ == "prep" or c.lower_ in ("there", "here")
                                                for c in pred.children):
        return False  # "its fighters were not terrorists": no place, no act
    subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    return subj is not None and _own_side(subj, chain)


def _says_own_side_did(pred, chain: list[dict], lex: Lexicon) -> bool:
    """Whether what a speaker asserts is that its own side did an act to others ("Russia's defence ministry said
    its forces had carried out a precision strike", "said its forces had fired a missile at ..."): the side's own
    account of what it did, a stance on who did it (the mirror of a denial of its own part). Not a count of
    those it killed ("said its fighters had killed 30 soldiers": a figure on what happened, data/attribution.json
    ``casualty_verbs``), nor what it will do."""
    if pred is None or pred.pos_ != "VERB" or _is_negated(pred):
        return False
    lemma = pred.lemma_.lower()
    if lemma not in lex.perpetrated_acts or lemma in lex.casualty_verbs:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") or c.dep_ == "aux" and c.lemma_.lower() in ("will", "would", "shall")
           for c in pred.children):
        return False
    subj = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ != "it" and _own_side(subj, chain)


def _own_side(subj, chain: list[dict]) -> bool:
    """Whether a subject inside a speaker's words is the speaker's own side: "we", "its fighters", "our
    troops", or forces named by words of the speaker's own name ("Houthi forces" in the words of "a Houthi
    military spokesman", "rebel forces" in those of "a rebel spokesman")."""
    if subj.lower_ == "we" or any(c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in subj.children):
        return True
    if any(c.dep_ == "poss" and c.lemma_.lower() in lexicon().organisation_heads
           and any(d.dep_ in ("det", "poss") and d.lower_ in ("the", "its", "his", "her", "their", "our")
                   for d in c.children) for c in subj.children):
        # "the group's fighters", "the movement's forces", "his group's fighters": the speaker's own, named again
        return True
    if subj.lower_ == "they" and subj.head.head.dep_ == "conj":
        # "denied that his group's fighters had killed the gendarmes, but said they had attacked a convoy":
        # "they" of the second cue are those of the first cue's words
        first = subj.head.head.head
        before = next((x for c in first.children if c.dep_ == "ccomp" for x in c.children
                       if x.dep_ in ("nsubj", "nsubjpass")), None)
        return before is not None and before.lower_ != "they" and _own_side(before, chain)
    if not chain or chain[-1].get("link") != "speaker":
        return False
    link = chain[-1]
    if subj.lower_ == "it" and subj.dep_ == "nsubj" and link.get("kind") == "organisation":
        return True  # "The brigade said it was not in the area": the organisation itself
    # (the words of a compound name apart too: "Russian" of "the Russian-installed administration")
    own = {w for n in (link.get("name"), link.get("organisation")) if n for w in _words(n.replace("-", " "))}
    # The words that say whose forces they are ("Houthi forces", "rebel fighters", "government troops"): each
    # a word of the speaker's name ("a Houthi military spokesman", "a rebel spokesman").
    # (forces, fighters, jets: not "a Madison boy" in the words of the Madison police)
    if subj.lemma_.lower() not in lexicon().force_nouns and subj.lower_ not in lexicon().force_nouns:
        return False
    names = [t for t in subj.children if t.i < subj.i and t.is_alpha and t.dep_ in ("amod", "compound", "nmod")]
    return bool(names) and all(_words(t.text)[:1] and _words(t.text)[0] in own for t in names)


def _noun_relation(noun, lex: Lexicon) -> Attribution | None:
    """The statement a noun reports: "the ministry's claim that ...", "a claim by the group that ...",
    "the army's denial of the report". The speaker is its owner (a possessive that is no pronoun, or "by" /
    "from" a source); the content the clause it governs with "that" or, for a denial or doubt, what it is
    "of". None without a named owner or content."""
    stance = lex.noun_cues[noun.lemma_.lower()]
    content: list = []
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "appos", "relcl") and any(g.dep_ == "mark" and g.lower_ == "that"
                                                                for g in c.children):
            content = list(c.subtree)
            break
        if c.dep_ == "prep" and c.lower_ in ("of", "about") and stance != "asserts":
            obj = next((x for x in c.children if x.dep_ == "pobj"), None)
            if obj is not None:
                content = list(obj.subtree)
                break
    if not content:
        return None
    src = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    if src is None:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                obj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if obj is not None and _source_like(obj, lex):
                    src = obj
                    break
    if src is None:
        if stance == "asserts" and "reports that" in _hedges([noun], lex):
            # "Reports that the gunmen had abducted several women were denied by the governor": no one named
            # reports it; the outlet tells it, hedged.
            cue_span = (noun.idx, noun.idx + len(noun.text))
            return Attribution(
                attributed_to=None, text=noun.text, stance="asserts", hedged=True, start=cue_span[0], end=cue_span[1],
                cue=noun.text, cue_span=cue_span, content_span=_edge(content), hedges=["reports that"],
                negated=[(t.idx, t.idx + len(t.text)) for t in content if t.pos_ in ("VERB", "AUX", "ADJ")
                         and _is_negated(t)])
        return None
    source_toks = _source_tokens(src, noun)
    link = _link(src, source_toks, "speaker", lex)
    about, figure_stances = "event", []
    pred = _predicate(content)
    if stance != "asserts" and pred is not None and pred.lemma_.lower() in lex.responsibility_nouns:
        about = "perpetrator"  # "the group's denial of any involvement in the attack"
    elif stance != "asserts":
        fig = _figure_of(_predicate(content), lex) or _victims_of(_predicate(content), lex)
        if fig is not None:
            figure_stances.append(dict(fig, stance=stance, by=link["name"]))
            about = "figure"
    cue_span = (noun.idx, noun.idx + len(noun.text))
    src_span = _edge(source_toks)
    hedges = _hedges(content, lex)
    parts = [p for p in (src_span, cue_span) if p is not None]
    start, end = min(p[0] for p in parts), max(p[1] for p in parts)
    return Attribution(
        attributed_to=link["name"], text=_slice(noun.doc, start, end), stance=stance, hedged=bool(hedges),
        start=start, end=end, cue=noun.text, cue_span=cue_span, source_span=src_span, content_span=_edge(content),
        chain=[link], source_kind=link["kind"], about=about, figure_stances=figure_stances, hedges=hedges,
        negated=[(t.idx, t.idx + len(t.text)) for t in content if t.pos_ in ("VERB", "AUX", "ADJ") and _is_negated(t)])


def _outer(rel: Attribution, relations: list[Attribution]) -> Attribution | None:
    """The relation whose content holds ``rel``'s cue (the innermost one), if any."""
    best = None
    for o in relations:
        if o is rel or o.content_span is None or rel.cue_span is None:
            continue
        s, e = o.content_span
        if s <= rel.cue_span[0] < e and (best is None or e - s < best.content_span[1] - best.content_span[0]):
            best = o
    return best


def find_relations(sent, lex: Lexicon | None = None, tokens=None) -> list[Attribution]:
    """Every attribution in one spaCy sentence span, in the order of their cues. ``tokens``: the tokens of the
    sentence that may be cues (all of them by default), in order."""
    lex = lex or lexicon()
    out = []
    by_token: dict[int, Attribution] = {}
    nouns: set[int] = set()  # relations whose cue is a noun ("the ministry's claim that")
    for tok in sent if tokens is None else tokens:
        if _nominal(tok) and tok.lemma_.lower() in lex.noun_cues:
            rel = _noun_relation(tok, lex)
            if rel is not None:
                out.append(rel)
                by_token[tok.i] = rel
                nouns.add(id(rel))
            continue
        if tok.lemma_.lower() in lex.loop_lemmas or tok.lower_ == "according":
            rel = _relation(tok, lex)
            if rel is not None:
                out.append(rel)
                by_token[tok.i] = rel
                head = by_token.get(tok.head.i)
                if (head is not None and head.stance == "denies" and rel.stance == "asserts" and tok.tag_ == "VBG"
                        and tok.dep_ in ("advcl", "xcomp", "conj") and not _governs_clause(tok.head)):
                    # "denied the claim, saying security forces were in control": the other account given
                    # against what is denied denies it. Not where the denial governs a clause of its own
                    # ("denied that the town had fallen, saying the attackers had fled"): the denial's scope is
                    # that clause; what the speaker says next is asserted.
                    rel.stance = "denies"
    # First-person words inside what another source says are that source's own ("'I think we will take the
    # city,' said X"): the outer relation holds them.
    if out:
        inside = [r for r in out if r.source_kind == "pronoun" and r.attributed_to in lex.first_person
                  and (_quoted(sent, r.cue_span[0]) or any(
                      o is not r and o.content_span and o.content_span[0] <= r.cue_span[0] < o.content_span[1]
                      for o in out))]
        out = [r for r in out if r not in inside]
    # "A UN official said the organisation could not confirm ...": "the organisation" is the speaker's own
    # body, named by a definite common noun; what it says is the speaker's own claim (as a pronoun's would be).
    # Not what a speaker dismisses or doubts ("Ukraine's military dismissed the ministry's claim that ..."): no
    # one denies its own words.
    own_body = {id(r) for r in out if (o := _outer(r, out)) is not None and o.stance == "asserts"
                and _speaks_for(r, o, sent, lex)}
    # A statement inside what another source says ("officials said the Taliban claimed ...") is heard through
    # that source: its speaker is an intermediary of the inner chain.
    for inner in out:
        outer = _outer(inner, out)
        if (outer is not None and outer.chain and inner.source_kind != "pronoun" and inner.chain
                and inner.attributed_to != outer.attributed_to  # "X said ... and denied": X twice, no chain
                and not (id(inner) in nouns and outer.stance != "asserts")):  # "dismissed the ministry's claim"
            link = dict(outer.chain[-1], link="intermediary")
            inner.chain = outer.chain[:-1] + [link] + inner.chain
    # One speaker named once for two cues ("In a statement carried by state media, the military said ... and
    # denied ..."): the second is heard through the same intermediaries as the first.
    for r in out:
        if r.source_span is None or not r.chain or any(link.get("link") == "intermediary" for link in r.chain):
            continue
        first = next((o for o in out if o is not r and o.source_span == r.source_span and o.chain
                      and o.chain[-1].get("link") == "speaker"
                      and any(link.get("link") == "intermediary" for link in o.chain)), None)
        if first is not None and r.chain[-1].get("link") == "speaker":
            r.chain = first.chain[:-1] + [dict(r.chain[-1], via=r.chain[-1].get("via") or first.chain[-1].get("via"))]
    # "X claimed the attack, in which it said 17 soldiers had been killed, in a statement carried by its media
    # arm": the pronoun is the speaker named once; the outlet that carried its words carried the claim too.
    for inner in out:
        outer = _outer(inner, out)
        if (outer is None or inner.source_kind != "pronoun" or not inner.chain or not outer.chain
                or outer.chain[-1].get("link") != "speaker" or outer.source_kind not in ("organisation", "person")
                or any(link.get("link") == "intermediary" for link in outer.chain)):
            continue
        inter = [link for link in inner.chain if link.get("link") == "intermediary"]
        if inter and _fits((inner.attributed_to or "").lower(), outer):
            outer.chain = inter + outer.chain
    # A speaker who says he doubts or denies ("an analyst said he doubted the figure") doubts or denies.
    cue_token = {id(r): sent.doc[i] for i, r in by_token.items()}
    for outer in out:
        if outer.stance != "asserts" or outer.content_span is None:
            continue
        for inner in out:
            if inner is outer or inner.cue_span is None or inner.stance == "asserts":
                continue
            s, e = outer.content_span
            if inner.attributed_to is None and _concessive(cue_token.get(id(inner)), lex):
                continue  # "..., though the toll could not be confirmed": the outlet's aside, not the speaker's
            within = s <= inner.cue_span[0] < e and (inner.source_kind == "pronoun" or inner.attributed_to is None
                                                     or id(inner) in own_body)
            if within or _but_then(cue_token.get(id(outer)), cue_token.get(id(inner)), outer, inner):
                outer.stance, outer.about = inner.stance, inner.about
                by = outer.chain[-1]["name"] if outer.chain and outer.chain[-1]["link"] == "speaker" else None
                outer.figure_stances = outer.figure_stances + [dict(f, by=by) for f in inner.figure_stances]
                outer.hedged = outer.hedged or inner.hedged
                outer.hedges = outer.hedges + inner.hedges
                if within and outer.cue_span is not None and inner.cue_span[1] > outer.cue_span[1]:
                    # The cue is both words: "said it had received reports ... but could not verify them", the
                    # second deciding the stance, inside the first's words (it makes no relation of its own).
                    outer.cue_span = (outer.cue_span[0], inner.cue_span[1])
                    outer.cue = f"{outer.cue} ... {inner.cue}"
    # What is told inside another's words is that speaker's: whatever is reported inside quotation marks
    # (the quoted speaker's own words), a pronoun or "people" inside another's content ("he said he believes",
    # "people say"), a belief the outer speaker describes ("Clinton thinks ..."), a share of those polled. Only
    # a named source's statement reported (not quoted) inside another's content stays, as its own claim heard
    # through the outer speaker (its chain says so).
    if len(out) > 1 or out and out[0].cue_span is not None and _quoted(sent, out[0].cue_span[0]):
        cues = {r.cue_span: t for t, r in by_token.items()}
        out = [r for r in out if id(r) not in own_body and _stands_alone(r, out, sent, lex, cues.get(r.cue_span))]
    # "I think", "we believe" said by whoever speaks: a hedge on their own words, not a source of its own.
    if any(r.source_kind == "pronoun" and (r.attributed_to or "") in lex.first_person for r in out):
        beliefs = _cues_of(by_token, sent, lex.belief_cues)
        out = [r for r in out if not (r.source_kind == "pronoun" and (r.attributed_to or "") in lex.first_person
                                      and r.cue_span in beliefs)]
    return out


def _but_then(outer_cue, inner_cue, outer: Attribution, inner: Attribution) -> bool:
    """"The UN said it was aware of reports of heavy casualties but could not confirm the figures": one speaker
    named once, its assertion joined by "but" to its own doubt or denial: what it says, in the end, doubts."""
    if outer_cue is None or inner_cue is None or outer.source_span is None or outer.source_span != inner.source_span:
        return False
    return inner_cue.dep_ == "conj" and inner_cue.head.i == outer_cue.i and any(
        c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in outer_cue.children)


def _speaks_for(inner: Attribution, outer: Attribution, sent, lex: Lexicon) -> bool:
    """Whether ``inner``'s source is ``outer``'s speaker's own body named again by a definite common noun ("A
    UN official said the organisation could not confirm", "The Front said the group had ..."): an office word
    with "the"/"its" and no name, where the outer speaker is an organisation or speaks for one."""
    if inner.source_span is None or not outer.chain or outer.chain[-1].get("link") != "speaker":
        return False
    if outer.content_span is None or not outer.content_span[0] <= inner.source_span[0] < outer.content_span[1]:
        return False  # the speaker named once, outside the words (" X said ... and denied ..."): X itself
    link = outer.chain[-1]
    if not (link.get("organisation") or link.get("kind") == "organisation"):
        return False
    span = sent.doc.char_span(inner.source_span[0], inner.source_span[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    # "the organisation", "this group": the speaker again; not "its forces", "their fighters" (what belongs
    # to the speaker is another body).
    return (head.pos_ == "NOUN" and head.lemma_.lower() in lex.organisation_heads
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
            and not any(c.dep_ == "poss" for c in head.children)
            and not any(t.pos_ == "PROPN" or t.ent_type_ for t in span))


def _concessive(tok, lex: Lexicon) -> bool:
    """Whether a cue stands in a clause of concession or contrast ("though it could not be confirmed", "but
    this could not be verified"): up its heads to the first reporting verb. Not a cue with no subject of its
    own joined to a clause whose subject is a pronoun ("said it was aware of reports of casualties but could
    not confirm the number"): who could not confirm is who was aware, the speaker, not the outlet."""
    if tok is not None and _shares_pronoun_subject(tok):
        return False
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return False
        if any(c.dep_ in ("mark", "cc") and c.lower_ in lex.concessive_marks for c in tok.children):
            return True
        tok = tok.head
        if tok.lemma_.lower() in lex.cue_lemmas and tok.pos_ == "VERB":
            return False
    return False


def _shares_pronoun_subject(tok) -> bool:
    """Whether an active verb with no subject of its own is joined ("but", "and") to a verb whose subject is a
    personal pronoun: "it was aware of ... but could not confirm"."""
    if tok.dep_ != "conj" or tok.head.i == tok.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "auxpass", "expl") for c in tok.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _PERSONAL for c in tok.head.children)


_PERSONAL = frozenset({"it", "they", "he", "she", "we"})


def _cues_of(by_token: dict, sent, lemmas: frozenset[str]) -> set:
    """The cue spans of the relations whose cue word has one of these lemmas."""
    doc = sent.doc
    return {r.cue_span for i, r in by_token.items() if doc[i].lemma_.lower() in lemmas}


def _stands_alone(rel: Attribution, relations: list[Attribution], sent, lex: Lexicon, cue_i: int | None) -> bool:
    """Whether a relation is kept as a claim of its own: not nested, or a named source's statement reported
    inside another relation's content of the same sentence."""
    outer = _outer(rel, relations)
    quoted = rel.cue_span is not None and _quoted(sent, rel.cue_span[0])
    if outer is None and not quoted:
        return True
    if (not quoted and rel.source_span is None and rel.stance == "doubts" and cue_i is not None
            and _concessive(sent.doc[cue_i], lex)):
        return True  # "..., though the toll could not be confirmed": the outlet's own doubt
    if not quoted and rel.attributed_to is None and "reports that" in rel.hedges and outer.stance in (
            "denies", "doubts"):
        return True  # "Reports that the gunmen had abducted women were denied by the governor": what was denied
    if quoted or rel.source_span is None:
        return False  # inside quotation marks: the quoted speaker's own words, not split into claims
    if rel.source_kind == "pronoun" or (rel.attributed_to or "").lower() in lex.generic_sources | lex.first_person:
        return False
    doc = sent.doc
    if cue_i is not None and doc[cue_i].lemma_.lower() in lex.belief_cues:
        return False
    if cue_i is not None and any(c.dep_ == "advmod" and c.lower_ in lex.habitual_adverbs for c in doc[cue_i].children):
        return False  # "saying the junta routinely announced large losses": a habit the speaker describes
    span = doc.char_span(rel.source_span[0], rel.source_span[1], alignment_mode="expand")
    if span is not None and len(span):
        head = span.root
        if any(c.dep_ == "det" and c.lower_ in lex.every_determiners for c in head.children):
            return False  # "contradicted by every witness her team had reached": no one named
        if head.lemma_.lower() in lex.quantity_heads | lex.generic_sources or head.lower_ in lex.first_person:
            return False
        if head.lower_ in _REL_PRONOUNS and head.head.dep_ == "relcl":
            head = head.head.head  # "those who doubt": who the clause is about
        if head.lower_ in lex.quantified_sources and not any(c.dep_ == "prep" and c.lower_ == "of"
                                                              for c in head.children):
            return False  # "the two governments, each claiming ...", "those who doubt ...": no one named
    return True


_QUOTES = frozenset({'"', "\u201c", "\u201d"})
_QUOTE_MARK = re.compile("``|''|[\"\u201c\u201d]")


def _quoted(sent, offset: int) -> bool:
    """Whether ``offset`` lies inside quotation marks opened earlier in the paragraph."""
    doc = sent.doc
    first = doc[sent.start]
    start = sent.start_char
    # The paragraph up to here: back over the sentences of this paragraph (a blank line ends it).
    while first.i > 0 and "\n" not in doc[first.i - 1].whitespace_ and "\n" not in doc[first.i - 1].text:
        first = doc[first.i - 1]
        start = first.idx
    before = _slice(doc, start, offset) if offset > start else ""
    # Curly marks and `` say which way they go; a straight one (and '') turns the state over.
    opened = False
    for m in _QUOTE_MARK.finditer(before):
        q = m.group()
        opened = True if q in ("\u201c", "``") else False if q == "\u201d" else not opened
    return opened


def _depth(rel: Attribution, sent) -> int:
    if rel.cue_span is None:
        return 99
    span = sent.doc.char_span(rel.cue_span[0], rel.cue_span[1], alignment_mode="expand")
    if span is None or not len(span):
        return 99
    tok, d = span.root, 0
    while tok.head.i != tok.i and d < 50:
        tok, d = tok.head, d + 1
    return d


def _sentence_hedges(sent, lex: Lexicon) -> list[str]:
    return _hedges(list(sent), lex)


_COVERS: dict[int, tuple[Lexicon, bool]] = {}


def _cues_are_trigger_words(lex: Lexicon) -> bool:
    """Whether the lexicon's trigger words hold every word that find_relations looks closer at (a loop lemma,
    "according"): then it need only read the tokens that are trigger words (as ``lexicon()`` builds the
    lexicon, they are). Worked out once per lexicon."""
    hit = _COVERS.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _COVERS[id(lex)] = (lex, lex.loop_lemmas <= lex.trigger_words and "according" in lex.trigger_words)
    return hit[1]


def _sentence_negated(sent, lex: Lexicon) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t.text)) for t in sent if t.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and _is_negated(t)]


def _judgement(rel: Attribution, sent, lex: Lexicon) -> bool:
    """A judgement hung on a claim ("..., a claim the army dismissed"): another voice on what the sentence
    tells, never the sentence's own attribution."""
    if rel.cue_span is None:
        return False
    cue = next((t for t in sent if t.idx == rel.cue_span[0]), None)
    return cue is not None and cue.dep_ == "relcl" and cue.head.lemma_.lower() in lex.report_nouns and (
        cue.head.dep_ in ("appos", "npadvmod"))


def _noun_cue(rel: Attribution, sent, lex: Lexicon) -> bool:
    """Whether a relation's cue is a noun ("the government's claim that ...")."""
    if rel.cue_span is None:
        return False
    cue = next((t for t in sent if t.idx == rel.cue_span[0]), None)
    return cue is not None and _nominal(cue) and cue.lemma_.lower() in lex.noun_cues


def find_attribution(sent, text: str | None = None, triggers=None) -> Attribution:
    """The attribution of one spaCy sentence span, with every relation in ``relations``
    (``_find_attribution``); a "he" or "she" that speaks keeps the person named nearest before it as the
    subject of a sentence of the same paragraph (``_person_before``), for ``resolve_pronoun``."""
    att = _find_attribution(sent, text, triggers)
    for rel in [att, *(att.relations or [])]:
        if rel.source_kind == "pronoun" and (rel.attributed_to or "").lower() in ("he", "she") and rel.chain and (
                rel.source_span is not None and "near" not in rel.chain[-1]):
            near = _person_before(sent, rel.source_span[0])
            if near is not None:
                rel.chain[-1] = {**rel.chain[-1], "near": near}
    return att


def _person_before(sent, offset: int) -> dict | None:
    """The person named latest before ``offset`` as the subject of a sentence's main clause ("Jacqueline
    Pierre, 54, fled with her grandchildren"), in this sentence or the two before it in the same paragraph: its
    name and where it starts. None where there is none."""
    doc = sent.doc
    first = sent.start
    for _ in range(2):
        if first == 0 or "\n\n" in doc[first - 1].whitespace_ + doc[first - 1].text:
            break
        first = doc[first - 1].sent.start
    best = None
    for ent in doc[first: sent.end].ents:
        if ent.label_ != "PERSON" or ent.start_char >= offset:
            continue
        if "\n\n" in doc_text(doc)[ent.end_char: offset]:
            best = None
            continue
        verb = ent.root.head
        # The subject of its sentence's main clause (not "X said Tamir was pulling the pistol": what X says).
        if ent.root.dep_ == "nsubj" and verb.pos_ in ("VERB", "AUX") and (
                verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"):
            best = {"name": ent.text, "start": ent.start_char}
    return best


_MARKS_KEY = "contested.attribution.trigger_word_marks"  # Doc.user_data: (word list, a mark per token)
# Whether a word (by the hash of its lower case) or a lemma (by the hash of the lemma as spaCy writes it) is one
# of a word list, kept across documents for the last word list asked about: a hash always names the same string,
# so the answer for it never changes; most documents' words were seen in earlier ones.
_MARK_MEMO: list = [None, {}, {}]
_MARK_MEMO_MAX = 200_000


def _marks_of(values, memo: dict, strings, test) -> list:
    """``test(strings[v])`` for each distinct value of ``values`` (a numpy array of string hashes), looked up in
    ``memo`` first; the answers in the order of ``numpy.unique``."""
    out = []
    for v in values.tolist():
        mark = memo.get(v)
        if mark is None:
            mark = memo[v] = test(strings[v])
        out.append(mark)
    return out


def _trigger_word_tokens(sent, trigger_words: frozenset[str]) -> list:
    """The tokens of ``sent`` whose lower case or lemma (in lower case) is one of ``trigger_words``: what
    ``[t for t in sent if t.lower_ in trigger_words or t.lemma_.lower() in trigger_words]`` gives, read once
    per document from its arrays, per distinct word and lemma (a sentence has few such words; no Token is made
    for the others)."""
    doc = sent.doc
    hit = doc.user_data.get(_MARKS_KEY)
    if hit is None or hit[0] is not trigger_words or len(hit[1]) != len(doc):
        import numpy
        from spacy.attrs import LEMMA, LOWER

        if _MARK_MEMO[0] is not trigger_words or len(_MARK_MEMO[1]) + len(_MARK_MEMO[2]) > _MARK_MEMO_MAX:
            _MARK_MEMO[:] = [trigger_words, {}, {}]
        marks: list = []
        if len(doc):
            strings = doc.vocab.strings
            arr = doc.to_array([LOWER, LEMMA])
            lowers, at_lower = numpy.unique(arr[:, 0], return_inverse=True)
            lemmas, at_lemma = numpy.unique(arr[:, 1], return_inverse=True)
            by_lower = numpy.array(_marks_of(lowers, _MARK_MEMO[1], strings, trigger_words.__contains__),
                                   dtype=bool)
            by_lemma = numpy.array(_marks_of(lemmas, _MARK_MEMO[2], strings,
                                             lambda lemma: lemma.lower() in trigger_words), dtype=bool)
            marks = (by_lower[at_lower.ravel()] | by_lemma[at_lemma.ravel()]).tolist()
        hit = doc.user_data[_MARKS_KEY] = (trigger_words, marks)
    marks = hit[1]
    return [doc[i] for i in range(getattr(sent, "start", 0), getattr(sent, "end", len(doc))) if marks[i]]


def _find_attribution(sent, text: str | None = None, triggers=None) -> Attribution:
    """The attribution of one spaCy sentence span (character offsets in the document), with every relation
    of the sentence in ``relations``.

    The sentence's attribution is the relation whose content holds the sentence's event words (``triggers``:
    anything with a ``start`` offset) where they are given, else the relation nearest the root of the parse.
    A sentence whose event words no relation reports is the outlet's own voice: ``attributed_to`` is null.
    """
    lex = lexicon()
    said_after = _said_after(sent, lex)
    if said_after is not None:
        return said_after
    words = _trigger_word_tokens(sent, lex.trigger_words)
    if not words:
        return Attribution(None, None, "asserts", False)
    relations = [r for r in find_relations(sent, lex, words if _cues_are_trigger_words(lex) else None)]
    negated = _sentence_negated(sent, lex) if any(t.lower_ in ("not", "n't", "never", "longer") for t in words) else []
    primary = None
    if relations:
        starts = sorted(t.start for t in triggers) if triggers else []
        if starts:
            # The relation reporting most event words; of equals, the one reporting the first of them; of
            # those, the innermost ("officials said the Taliban claimed ...": the Taliban's claim).
            best, best_key = None, None
            for rel in relations:
                if rel.content_span is None or _judgement(rel, sent, lex):
                    continue
                s, e = rel.content_span
                inside = [x for x in starts if s <= x < e]
                if not inside:
                    continue
                key = (-len(inside), inside[0], e - s)
                if best_key is None or key < best_key:
                    best, best_key = rel, key
            primary = best
            outer = _outer(best, relations) if best is not None and best.stance == "asserts" else None
            if (outer is not None and outer.stance in ("denies", "doubts") and outer.attributed_to
                    and best.attributed_to and _noun_cue(best, sent, lex)):
                # "But she said the government's claim that no civilians had died was contradicted by every
                # witness": the one who judges the claim speaks the sentence; the claim judged is a voice beside it
                # (not "Reports that ... were denied by the governor", reports no one owns: the outlet's, hedged).
                primary = outer
            if primary is None:
                # No relation reports the event words: where a root relation has no content of its own
                # but stands over the sentence ("..., officials said" with a bad parse), keep it.
                roots = [r for r in relations if _depth(r, sent) == 0 and r.content_span is None]
                primary = roots[0] if roots else None
                if primary is None:
                    # "A spokesman for the group, which residents blamed for the killings, denied the accusation":
                    # the event words name who speaks; what is said is a denial (or doubt) of what was told.
                    against = [r for r in relations if r.stance in ("denies", "doubts") and r.attributed_to
                               and r.source_span and any(r.source_span[0] <= x < r.source_span[1] or (
                                   r.start is not None and r.start <= x < r.end) for x in starts)]
                    primary = against[0] if against else None
        else:
            primary = min(relations, key=lambda r: _depth(r, sent))
    if primary is None:
        hedges = _sentence_hedges(sent, lex)
        stance = "asserts"
        verify = [r for r in relations if r.attributed_to is None and r.stance == "doubts"]
        if verify:
            stance = verify[0].stance
            hedges += verify[0].hedges
        about = verify[0].about if verify else "perpetrator" if hedges and _names_the_doers(sent, lex) else "event"
        return Attribution(None, None, stance, bool(hedges), relations=relations, negated=negated,
                           hedges=hedges, about=about,
                           figure_stances=list(verify[0].figure_stances) if verify else [])
    # Hedges anywhere in the sentence outside other relations' sources count for the primary relation.
    other_sources = [r.source_span for r in relations if r is not primary and r.source_span]
    # (nor those in what another relation says, outside the primary's own words: "doubted the figure, saying
    # some bodies had probably been counted twice" is no hedged doubt)
    own = primary.content_span or (-1, -1)
    other_sources += [r.content_span for r in relations if r is not primary and r.content_span
                      and not (own[0] <= r.content_span[0] < own[1])]
    extra = [h for h in _hedges([t for t in sent if not any(s <= t.idx < e for s, e in other_sources)], lex)
             if h not in primary.hedges]
    primary.hedges = primary.hedges + extra
    primary.hedged = bool(primary.hedges)
    if primary.attributed_to is not None:
        # The outlet's own doubt in the same sentence ("30 were killed, officials said, though the figure could
        # not be verified"): the officials still assert; the outlet's doubt is kept on the figure, by no one
        # but the outlet (``by``: null), and hedges the claim.
        for r in relations:
            if r is not primary and r.attributed_to is None and r.stance == "doubts":
                primary.figure_stances = primary.figure_stances + [dict(f, by=None) for f in r.figure_stances]
                primary.hedges = primary.hedges + [h for h in r.hedges if h not in primary.hedges]
                primary.hedged = True
    if triggers and primary.stance == "asserts" and primary.content_span is not None:
        s, e = primary.content_span
        covered = [t for t in triggers if s <= t.start < e]
        if covered and all(any(ns <= t.start < ne for ns, ne in primary.negated) for t in covered[:1]):
            primary.stance = "denies"  # "officials said the Taliban had not captured the city"
    primary.relations = relations
    primary.negated = sorted(set(primary.negated) | set(negated))
    return primary


def _said_after(sent, lex: Lexicon) -> Attribution | None:
    """'"They shelled us for two hours!" a surviving soldier said.': a quotation the sentence splitter cut
    from its cue; the relation of the next sentence whose content is this sentence's words, if any."""
    doc = sent.doc
    end = sent.end
    while end > sent.start and doc[end - 1].is_space:
        end -= 1
    if end >= len(doc) or end <= sent.start or doc[end - 1].text not in _CLOSE_QUOTES:
        return None
    nxt = doc[end].sent
    first = next((t for t in sent if not t.is_punct), None)
    if first is None:
        return None
    for tok in nxt:
        if tok.lemma_.lower() in lex.loop_lemmas and tok.i - nxt.start < 12:
            rel = _relation(tok, lex)
            if rel is not None and rel.content_span and rel.content_span[0] <= first.idx < rel.content_span[1]:
                rel.relations = [rel]
                return rel
    return None


def attribution_at(att: Attribution, start: int) -> Attribution:
    """The relation of a sentence whose content holds the character offset ``start`` (an event word), the
    innermost one; the sentence's own attribution where none does."""
    best = None
    for rel in att.relations or [att]:
        if rel.content_span is None:
            continue
        s, e = rel.content_span
        if s <= start < e and (best is None or e - s < best.content_span[1] - best.content_span[0]):
            best = rel
    return best or att


# ---------------------------------------------------------------- pronouns and figures across sentences

PRONOUN_SOURCES = frozenset({"he", "she", "they", "we", "i", "who", "it", "this", "that"})
_SINGULAR_PERSON = frozenset({"he", "she", "i"})
_PLURAL = frozenset({"they", "we"})


def _fits(word: str, prev: Attribution) -> bool:
    link = prev.chain[-1] if prev.chain else {}
    kind, plural = prev.source_kind, bool(link.get("plural"))
    if _clashes(word, prev):
        return False
    if word in _SINGULAR_PERSON:
        return kind in ("person", "unnamed") and not plural
    if word in _PLURAL:
        return plural or kind in ("organisation", "outlet", "unnamed")
    if word == "it":
        return kind in ("organisation", "outlet", "document") and not plural
    return True


def _gender(prev: Attribution) -> str | None:
    """"m" or "f" where the source's name or title says so ("the mother of ...", "spokeswoman", "Mr ...")."""
    lex = lexicon()
    link = prev.chain[-1] if prev.chain else {}
    # The words before any "of" ("the mother of Dumas' son": a mother, whoever the son is).
    words = {w.strip(".,'\u2019").lower() for n in (link.get("name"), link.get("title")) if n
             for w in re.split(r"\bof\b", n)[0].split()}
    male, female = bool(words & lex.male_words), bool(words & lex.female_words)
    return "m" if male and not female else "f" if female and not male else None


def _clashes(word: str, prev: Attribution) -> bool:
    """Whether a pronoun can never stand for this source: a document never is "he", "she", "they" or "we"; a
    person never "it"; an organisation or an outlet never "he" or "she"; one person (named or not) never
    "they" or "we"; a source named as a woman never "he", one named as a man never "she"."""
    kind = prev.source_kind
    if word == "it":
        return kind == "person"
    if kind == "document" and (word in _SINGULAR_PERSON or word in _PLURAL):
        return True
    link = prev.chain[-1] if prev.chain else {}
    if word in ("he", "she"):
        return kind in ("organisation", "outlet") or _gender(prev) == ("f" if word == "he" else "m")
    if word in _PLURAL:
        return kind in ("person", "unnamed") and not link.get("plural") and not (
            set(re.split(r"\bof\b", (link.get("name") or "").lower())[0].replace("'s", " ").split())
            & lexicon().collective_nouns)  # "Bentdahl's family" may be "they"
    return False


def refers_back(att: Attribution) -> bool:
    """Whether the source points back at one named before: a pronoun ("he added") or a definite document
    with no owner ("The statement denied ...")."""
    return att.source_kind == "pronoun" or (att.attributed_to or "").lower() in PRONOUN_SOURCES or bool(
        att.chain and att.chain[-1].get("back"))


def _made_document(att: Attribution, earlier: list[Attribution]) -> Attribution:
    """"Government spokesman X said in a statement that ... . The statement denied ...": the latest source
    before that spoke through a document of that kind (``via``) speaks; the document stays the way it was
    said. With none, the document speaks for itself."""
    word = att.chain[-1]["back"]
    recent = earlier[-8:]
    at = next((k for k in range(len(recent) - 1, -1, -1) if recent[k].attributed_to and recent[k].chain
               and (word in (w := re.findall(r"\w+", (recent[k].chain[-1].get("via") or "").lower()))
                    or f"{word}s" in w)), None)  # "in statements", "The statement"
    outlet = _outlet_named_again(att, word, recent, -1 if at is None else at)
    if outlet is not None:
        return outlet
    if at is None:
        return att
    prev = recent[at]

    def made(rel: Attribution) -> Attribution:
        last = dict(rel.chain[-1])
        pl = prev.chain[-1]
        last.update({k: pl.get(k) for k in ("name", "kind", "title", "organisation", "plural", "start", "end")})
        last["via"] = last.get("via") or pl.get("via")
        del last["back"]
        inter = [link for link in prev.chain[:-1] if link.get("link") == "intermediary"]
        return replace(rel, attributed_to=prev.attributed_to, source_kind=prev.source_kind,
                       chain=rel.chain[:-1] + (inter if len(rel.chain) == 1 else []) + [last])

    # The same document named once for two cues ("The statement denied ... and accused ..."): one maker.
    relations = att.relations and [made(r) if r.chain and r.chain[-1].get("back") and r.source_span == att.source_span
                                   else r for r in att.relations]
    return replace(made(att), relations=relations)


def resolve_pronoun(att: Attribution, earlier: list[Attribution]) -> Attribution:
    """See ``_resolve_pronoun``; an outlet named again by a definite word alone is resolved too
    (``resolve_outlets``). The sentence's other relations of the same pronoun ("He blamed government forces,
    saying ...": one "he" for both cues) are resolved with it."""
    resolved = resolve_outlets(_resolve_pronoun(att, earlier), earlier)
    if resolved is att or not resolved.relations or att.source_span is None or att.source_kind != "pronoun":
        return resolved
    # (the relation that is the sentence's own attribution stays as said: it tells that a pronoun spoke)
    relations = [resolve_outlets(_resolve_pronoun(r, earlier), earlier) if r is not att
                 and r.source_span == att.source_span and r.source_kind == "pronoun" else r
                 for r in resolved.relations]
    return replace(resolved, relations=relations)


def _resolve_pronoun(att: Attribution, earlier: list[Attribution]) -> Attribution:
    """'he added', 'they said': the latest source named before that a pronoun of this kind can stand for
    (he/she: one person; they/we: people or an organisation; it: an organisation, outlet or document),
    else the latest source unless it can never be (a document is no "he"); with none, the source is unknown
    (null). The pronoun's own words
    stay in the chain's last link (``text``). "The statement" with no owner: see ``_made_document``."""
    if att.chain and att.chain[-1].get("back"):
        return _made_document(att, earlier)
    word = (att.attributed_to or "").lower()
    recent = [p for p in earlier[-8:] if p.attributed_to]
    prev = next((p for p in reversed(recent) if _fits(word, p)), None) or (
        recent[-1] if recent and not _clashes(word, recent[-1]) else None)
    last = dict(att.chain[-1]) if att.chain else {"link": "speaker"}
    near = last.pop("near", None)
    if near is not None and (prev is None or prev.source_span is None or prev.source_span[0] < near["start"]) and not (
            prev is not None and near["name"] in (prev.attributed_to or "")):
        # '"Jacqueline Pierre, 54, fled ... . "They shot," she told Example Wire.': the person the paragraph
        # is about, named after the latest source, is the one who speaks.
        last.update(name=near["name"], kind="person", title=None, organisation=None, plural=False, text=word)
        return replace(att, attributed_to=near["name"], source_kind="person", chain=att.chain[:-1] + [last])
    if prev is None:
        last.update(name=None, text=word or None)
        return replace(att, attributed_to=None, source_kind=None, chain=att.chain[:-1] + [last])
    pl = prev.chain[-1] if prev.chain else {}
    last.update({k: pl.get(k) for k in ("name", "kind", "title", "organisation", "plural")})
    last["text"] = word
    inter = att.chain[:-1]
    if not any(link.get("link") == "intermediary" for link in inter) and prev is recent[-1]:
        # "A local official told Radio Gourma FM that ... . He said ...": the same speaker, with no other voice
        # between, goes on speaking to the same outlet.
        inter = inter + [dict(link) for link in prev.chain[:-1] if link.get("link") == "intermediary"]
    return replace(att, attributed_to=prev.attributed_to, source_kind=prev.source_kind, chain=inter + [last])


def _outlet_named_again(att: Attribution, word: str, recent: list[Attribution], after: int) -> Attribution | None:
    """"Sources confirmed to the Herat-based Jam TV channel that ... . The channel showed footage of ...": an
    outlet word alone ("The channel", "the station") names again the latest outlet named with a name of its
    own (an intermediary or a speaker), where it was named after the latest source that spoke through a
    document of that kind (``after``, an index into ``recent``): the outlet is the speaker. None elsewhere."""
    lex = lexicon()
    if word not in lex.outlet_words:
        return None
    for k in range(len(recent) - 1, after, -1):
        link = next((link for link in reversed(recent[k].chain) if link.get("name") and link.get("kind") == "outlet"
                     and not _generic_outlet(link.get("name"), lex)), None)
        if link is None:
            continue

        def spoken(rel: Attribution, link: dict = link) -> Attribution:
            last = dict(rel.chain[-1])
            last.update(name=link["name"], kind="outlet", title=None, organisation=None, plural=False,
                        text=last.get("name"))
            del last["back"]
            return replace(rel, attributed_to=link["name"], source_kind="outlet", chain=rel.chain[:-1] + [last])

        relations = att.relations and [spoken(r) if r.chain and r.chain[-1].get("back")
                                       and r.source_span == att.source_span else r for r in att.relations]
        return replace(spoken(att), relations=relations)
    return None


def _generic_outlet(name: str | None, lex: Lexicon) -> bool:
    """Whether an intermediary's name is only a definite outlet word ("the station", "the news site")."""
    words = (name or "").lower().split()
    if len(words) < 2 or words[0] not in ("the", "this", "that"):
        return False
    return all(w in lex.outlet_words or w in lex.document_venues for w in words[1:])


def resolve_outlets(att: Attribution, earlier: list[Attribution]) -> Attribution:
    """"A nurse told the station that ...": an outlet named again by a definite outlet word alone is the latest
    outlet named before as an intermediary (or as a speaker) with a name of its own ("told Radio Gourma FM"),
    among the last sources; with none, the words stay."""
    lex = lexicon()
    if not any(link.get("link") == "intermediary" and _generic_outlet(link.get("name"), lex) for link in att.chain):
        return att
    named = [link for p in reversed(earlier[-8:]) for link in reversed(p.chain)
             if link.get("name") and not _generic_outlet(link.get("name"), lex) and (
                 link.get("link") == "intermediary" or link.get("kind") == "outlet") and link.get("kind") == "outlet"]
    if not named:
        return att
    chain = [dict(link, name=named[0]["name"], text=link.get("name"))
             if link.get("link") == "intermediary" and _generic_outlet(link.get("name"), lex) else link
             for link in att.chain]
    return replace(att, chain=chain)


def _words(text: str) -> list[str]:
    return [w.strip(".,'\u2019s").lower() for w in text.replace("'s", " ").split() if len(w) > 2]


def owner_matches(owner: str | None, source: str | None) -> bool:
    """Whether the owner named for a figure ('the officials', 'Tajik') is this source ('Afghan officials',
    "Tajikistan's State Committee for National Security"): every word of the owner, but articles, begins a
    word of the source (or the other way round), by its first five letters."""
    if not owner or not source:
        return False
    ow = [w for w in _words(owner) if w not in ("the", "their", "its")]
    sw = _words(source)
    if not ow or not sw:
        return False

    def same(a: str, b: str) -> bool:
        n = min(5, len(a), len(b))
        return a[:n] == b[:n] and (a.startswith(b) or b.startswith(a) or n >= 5)

    return all(any(same(o, s) for s in sw) for o in ow)


# ---------------------------------------------------------------- what a statement with no event word is about

_BACK_DETS = frozenset({"the", "this", "these", "those", "that", "its", "their", "his", "her"})


@dataclass(frozen=True, slots=True)
class Reference:
    """What the content of a statement that names no event of its own points back at, read from the parse:
    ``report``: a report, claim or figure told before ("confirmed the figure", "denied the accusation",
    "denied it"); ``figure``: that report is a figure; ``nouns``: the lemmas of the definite noun phrases it
    names ("the fighters had left the village": fighter, village); ``own_denial``: it says that the speaker or
    its own people were not there or did not act ("its fighters were not in the area"); ``adds``: its verb says
    it adds to what was told ("a field clinic had also been damaged"); ``harm``: it names what an attack leaves
    ("I saw bodies everywhere"); ``goes_on``: it says that what was told goes on ("fighters were said to be
    still patrolling the streets")."""

    report: bool = False
    figure: bool = False
    nouns: frozenset[str] = frozenset()
    own_denial: bool = False
    adds: bool = False
    harm: bool = False
    goes_on: bool = False


def reporting_hedge(hedges: list[str], lex: Lexicon | None = None) -> bool:
    """Whether a hedge says the words are someone's report ("reportedly", "is said to", "it was reported that",
    "appears to", "reports that"), not a modal, a conditional or a likelihood ("may", "if", "probably")."""
    lex = lex or lexicon()
    return any(h in lex.reporting_hedges or h.endswith(" to") or h.startswith("it ") or h == "reports that"
               for h in hedges)


def content_refers(doc, rel: Attribution, lex: Lexicon | None = None) -> Reference:
    """``Reference`` of a relation's content (``rel.content_span`` in ``doc``, a spaCy Doc)."""
    lex = lex or lexicon()
    if rel.content_span is None:
        return Reference()
    span = doc.char_span(rel.content_span[0], rel.content_span[1], alignment_mode="expand")
    if span is None or not len(span):
        return Reference()
    toks = list(span)
    pred = _predicate(toks)
    report = figure = False
    if pred is not None and pred.pos_ in ("NOUN", "PRON", "PROPN"):
        lemma = pred.lemma_.lower()
        definite = any(c.dep_ in ("det", "poss") and c.lower_ in _BACK_DETS for c in pred.children)
        if lemma in lex.report_nouns | lex.figure_nouns and definite:
            report, figure = True, lemma in lex.figure_nouns
        elif pred.lower_ in ("it", "this", "that", "them", "these", "those") and rel.stance in ("denies", "doubts"):
            report = True  # "denied it"
    heads = [t for t in toks if t.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") and c.lower_ in _BACK_DETS
                                                          for c in t.children)]
    # "the market square": the head and the nouns that name it with it
    nouns = frozenset(x.lemma_.lower() for t in heads for x in [t, *t.children]
                      if x is t or x.dep_ == "compound" and x.pos_ == "NOUN")
    # "its fighters were not in the area", "we were not there": the same reading as the relation's own
    # (``_says_own_side_did_not``); not "they won't let me up there" (who "they" are is not the speaker's to
    # say, and what will not be is no denial of what was).
    own_denial = _says_own_side_did_not(pred, rel.chain, lex)
    adds = pred is not None and pred.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "advmod" and c.lower_ in lex.additive_adverbs for c in pred.children)
    # "bodies", "the dead", or a count of the harmed ("23 wounded soldiers")
    harm = any(t.pos_ in ("NOUN", "ADJ", "VERB") and (t.lemma_.lower() in lex.harm_nouns or t.lower_ in lex.harm_nouns)
               and (t.dep_ not in ("amod", "compound") or any(c.dep_ == "nummod" for c in t.head.children))
               for t in toks)
    # (said of those who fight: "fighters", "troops", "the gunmen"; not "prices were still rising")
    fighters = lex.force_nouns | lex.doer_nouns
    goes_on = any(t.dep_ == "advmod" and t.lower_ in lex.continuing_adverbs and t.head.pos_ in ("VERB", "AUX")
                  and (subj := _subject_up(t.head)) is not None
                  and (subj.lemma_.lower() in fighters or subj.lower_ in fighters) for t in toks)
    return Reference(report, figure, nouns, own_denial, adds, harm, goes_on)
