"""Stage: a learned event-or-not gate after the clause rules (``contested.eventness``).

The rules decide, per clause, whether a trigger word tells an event and give the reason; what they let
through is scored here by a logistic regression over cheap, general features of the draft, its sentence and
the parse spaCy already made (no extra model runs): the trigger's family and lemma, the tense, aspect and
mood of its clause, modal, negation, conditional and question marks, quotation marks, first and second
person, the sentence's own date, place, figure and named actor, its attribution, its position in the article
and paragraph, its length, heading cues and the lemmas of its common words. Proper names, numbers and
the words of place, person and organisation names are never features (no country or article is learned); the
trainer leaves the word families (words, the trigger's lemma, the governing verb's lemma) out of the shipped
weights, which learned the training text's topics with them.

A draft scoring under the threshold is dropped as a rule rejection is: its reason (``gate: 0.21 < 0.35``) is
kept in ``SentenceMentions.reasons`` for ``explain``/``rejections``; a kept event's evidence says its score.

The weights are ``data/eventness_gate.json`` (its ``_about`` says what they were trained on; the project's
own text only), rebuilt by ``eval/train_eventness_gate.py``. Settings: ``config.GateSettings``
(``settings().gate``; off by default: CONTESTED_GATE=1 turns the gate on, CONTESTED_GATE_THRESHOLD sets the
threshold, CONTESTED_GATE_MODEL reads other weights). Off, the stage hands the drafts on untouched.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from contested.stages.records import Draft, SentenceMentions
from contested.stages.tokens import token_at

GATE_PREFIX = "gate"
MODEL_FILE = "eventness_gate.json"

_MODALS = frozenset({"will", "would", "could", "can", "may", "might", "should", "must", "shall", "ought"})
_CONDITIONAL = frozenset({"if", "unless", "whether", "should", "once", "until", "lest"})
_PERSON_12 = frozenset({"i", "we", "you", "me", "us", "my", "our", "your", "ours", "yours", "myself", "ourselves"})
_QUOTES = "\"\u201c\u201d"
# Entity labels whose words are names (of places, people, groups): never features.
_NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "PERSON", "ORG", "FAC", "DATE", "TIME", "CARDINAL",
                          "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "EVENT", "WORK_OF_ART", "LANGUAGE", "LAW"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "pcomp", "csubj"})


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _clause_head(tok):
    """The verb heading the trigger's clause: the trigger itself where it is a verb, else the verb it hangs from."""
    head = tok
    for _ in range(8):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT" or head.head.i == head.i:
            return head
        head = head.head
    return head


def _word_ok(tok) -> bool:
    return (tok.is_alpha and not tok.is_stop and tok.pos_ not in ("PROPN", "NUM", "X", "SYM")
            and tok.ent_type_ not in _NAME_LABELS and len(tok.text) > 2)


def _paragraph_position(sentences: list[SentenceMentions], si: int) -> int:
    para, k = sentences[si].paragraph, 0
    while si - k - 1 >= 0 and sentences[si - k - 1].paragraph == para:
        k += 1
    return k


def features(draft: Draft, sent: SentenceMentions, sentences: list[SentenceMentions], si: int,
             published=None) -> dict[str, float]:
    """The gate's features of one draft: name -> value (1.0 for the features that are there)."""
    f: dict[str, float] = {"bias": 1.0}
    trig = draft.trigger
    f[f"fam={draft.family}"] = 1.0
    reason = sent.reasons.get(trig.start, "asserted")
    f[f"rule={reason.split(':')[0].split(' (')[0]}"] = 1.0
    if any(r != "asserted" for s, r in sent.reasons.items() if s != trig.start):
        f["other_trigger_rejected"] = 1.0
    text = sent.text
    rel = trig.start - sent.start
    stripped = text.strip()
    # the sentence's shape: length, ending, heading and caption cues
    words = stripped.split()
    if len(words) <= 6:
        f["very_short"] = 1.0
    if stripped and stripped[-1] not in ".!?\"'\u201d\u2019)":
        f["no_final_stop"] = 1.0
    if "?" in text:
        f["question_mark"] = 1.0
    if stripped.endswith("?"):
        f["ends_question"] = 1.0
    caps = [w for w in words if w[:1].isalpha()]
    if caps and sum(w[0].isupper() for w in caps) / len(caps) > 0.6 and len(caps) > 2:
        f["title_case"] = 1.0
    if text[:rel].count('"') % 2 == 1 or text[:rel].count("\u201c") > text[:rel].count("\u201d"):
        f["in_quotes"] = 1.0
    elif any(q in text for q in _QUOTES):
        f["quotes_in_sentence"] = 1.0
    # where it lies: in the article and in its paragraph
    # (only the lead and the paragraph's first sentence: how deep in an article a sentence lies, or how long
    # the article is, told the gold articles from the one-line notes rather than events from the rest)
    if si == 0:
        f["first_sentence"] = 1.0
    ppos = _paragraph_position(sentences, si)
    f[f"para_pos={_bucket(ppos, (0, 1, 3))}"] = 1.0
    # what the sentence and the draft have of their own
    if sent.dates:
        f["sent_date"] = 1.0
    if draft.dates:
        f["draft_date"] = 1.0
    if published is not None:
        for d in sent.dates:
            if d.span is not None:
                if d.span.end.year < published.year:
                    f["date_earlier_year"] = 1.0
                elif d.span.start > published:
                    f["date_after_published"] = 1.0
    if sent.places or sent.weak_places:
        f["sent_place"] = 1.0
    if draft.places:
        f["draft_place"] = 1.0
    if sent.quantities:
        f["sent_figure"] = 1.0
    if draft.quantities:
        f["draft_figure"] = 1.0
    if any(a.name for a in sent.actors):
        f["named_actor"] = 1.0
    if len(draft.extra):
        f["extra_triggers"] = 1.0
    att = sent.attribution
    if att is not None:
        if att.attributed_to:
            f["attributed"] = 1.0
            f[f"source_kind={att.source_kind or 'none'}"] = 1.0
        if att.hedged:
            f["hedged"] = 1.0
        if att.stance != "asserts":
            f[f"stance={att.stance}"] = 1.0
    # the parse: the trigger's word and its clause
    tok = token_at(sent.span, trig.start)
    if tok is not None:
        f[f"lemma={tok.lemma_.lower()}"] = 1.0
        f[f"tag={tok.tag_}"] = 1.0
        f[f"dep={tok.dep_}"] = 1.0
        head = _clause_head(tok)
        f[f"head_tag={head.tag_}"] = 1.0
        if head.dep_ in _CLAUSE_DEPS:
            f[f"head_dep={head.dep_}"] = 1.0
        if head.dep_ == "ROOT":
            f["head_is_root"] = 1.0
        for child in head.children:
            low = child.lower_
            if child.dep_ in ("aux", "auxpass"):
                if low in _MODALS:
                    f["modal"] = 1.0
                    f[f"modal={low}"] = 1.0
                elif child.lemma_ == "have":
                    f["perfect"] = 1.0
                elif child.lemma_ == "be" and head.tag_ == "VBG":
                    f["progressive"] = 1.0
                elif child.lemma_ == "to":
                    f["infinitive"] = 1.0
            elif child.dep_ == "neg":
                f["negated"] = 1.0
            elif child.dep_ == "mark" and low in _CONDITIONAL:
                f["conditional"] = 1.0
            elif child.dep_ in ("nsubj", "nsubjpass") and low in _PERSON_12:
                f["subject_person12"] = 1.0
        if head.tag_ in ("VB", "VBP", "VBZ") and "modal" not in f:
            f["present_or_base"] = 1.0
        # the clauses above it: said, might, if ...
        anc = head.head
        for _ in range(4):
            if anc.i == anc.head.i:
                break
            if anc.pos_ in ("VERB", "AUX"):
                f[f"gov_lemma={anc.lemma_.lower()}"] = 1.0
                break
            anc = anc.head
    span = sent.span
    if span is not None and hasattr(span, "__iter__"):
        seen: set[str] = set()
        for t in span:
            if t.lower_ in _PERSON_12:
                f["person12"] = 1.0
            if _word_ok(t):
                lemma = t.lemma_.lower()
                if lemma not in seen:
                    seen.add(lemma)
                    f[f"w={lemma}"] = 1.0
    return f


@dataclass(frozen=True, slots=True)
class GateModel:
    """Weights by feature name; a feature not in the table weighs nothing."""

    weights: dict[str, float]
    threshold: float
    about: str = ""

    def score(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def as_json(self) -> dict:
        return {"_about": self.about, "threshold": self.threshold,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())}}


def read_model(path: str | Path | None = None) -> GateModel:
    """The gate model of ``path``, else the one shipped in ``contested/data``."""
    if path is None:
        raw = resources.files("contested.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    data = json.loads(raw)
    return GateModel({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]),
                     data.get("_about", ""))


@lru_cache(maxsize=1)
def shipped_model() -> GateModel | None:
    try:
        return read_model()
    except (FileNotFoundError, KeyError, ValueError):
        return None


# Training reads the features of every draft the rules let through (gate off): set by
# eval/train_eventness_gate.py through ``recording``.
_recorder: list[Callable[[Draft, SentenceMentions, dict[str, float]], None]] = []


class recording:  # noqa: N801 - used as a context manager
    """``with recording(fn):`` calls ``fn(draft, sentence, features)`` for each draft the gate sees."""

    def __init__(self, fn: Callable[[Draft, SentenceMentions, dict[str, float]], None]) -> None:
        self.fn = fn

    def __enter__(self) -> recording:
        _recorder.append(self.fn)
        return self

    def __exit__(self, *exc) -> None:
        _recorder.remove(self.fn)


def gate_drafts(drafts: list[Draft], sent: SentenceMentions, sentences: list[SentenceMentions], si: int,
                published=None, model: GateModel | None = None, threshold: float | None = None,
                enabled: bool = True) -> tuple[list[Draft], dict[int, float]]:
    """The drafts the gate keeps, and every scored draft's score by its trigger's start. A dropped draft's
    reason (``gate: SCORE < THRESHOLD``) is written into ``sent.reasons``."""
    if not drafts or (not enabled and not _recorder):
        return drafts, {}
    model = model if model is not None else shipped_model()
    if model is None and not _recorder:
        return drafts, {}
    kept, scores = [], {}
    for d in drafts:
        feats = features(d, sent, sentences, si, published)
        for fn in _recorder:
            fn(d, sent, feats)
        if model is None or not enabled:
            kept.append(d)
            continue
        score = model.score(feats)
        scores[d.trigger.start] = score
        limit = model.threshold if threshold is None else threshold
        if score < limit:
            sent.reasons[d.trigger.start] = f"{GATE_PREFIX}: {score:.2f} < {limit:.2f}"
        else:
            kept.append(d)
    return kept, scores
