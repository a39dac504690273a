"""Who says so: the source a sentence cites, its stance (asserts, denies, doubts) and hedging.

Cues follow ../shared/contract/taxonomy.md. The source is read from the dependency parse: the subject of a
reporting verb ("X said", "X told Tolo News", "..., said X, a spokesman"), or the object of "according to".
A sentence with no such cue is the outlet's own voice: attributed_to is null.
"""

from __future__ import annotations

import re

from contested.records import Attribution

SAY_LEMMAS = frozenset(
    {
        "say", "tell", "confirm", "report", "add", "state", "claim", "announce", "note", "declare", "write",
        "tweet", "post", "insist", "allege", "inform", "assert", "acknowledge", "warn", "estimate", "quote",
        "explain", "argue", "put",
    }
)
DENY_LEMMAS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "contradict", "disown"})
DOUBT_LEMMAS = frozenset({"doubt", "question", "dispute", "challenge"})

_DOUBT_RE = re.compile(
    r"\b(could not|couldn't|cannot|can't|can not|was unable to|were unable to|has not been able to|did not|not)\s+"
    r"(be\s+)?(independently\s+)?(confirm|verif|corroborat)\w*"
    r"|\bunverified\b|\bnot (been )?(independently )?(confirmed|verified)\b|\bsceptical\b|\bskeptical\b"
    r"|\bcast doubts?\b|\bdoubtful\b|\bexaggerat\w*|\bdoubt(s|ed|ing)?\b(?! that the)|\bquestion(s|ed|ing) (the|this|that)\b"
    r"|\bdisput(e|es|ed|ing) (the|this|that)\b|\binflated\b",
    re.IGNORECASE,
)
_DENY_RE = re.compile(
    r"\b(denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|refutes|"
    r"called (the|these|those) (reports?|claims?) (false|baseless|untrue|propaganda)|"
    r"(is|are|was|were) (false|baseless|untrue)|no truth)\b",
    re.IGNORECASE,
)
_HEDGE_RE = re.compile(
    r"\b(reportedly|rumou?red|rumou?rs?|unconfirmed|possibly|allegedly|apparently|purportedly|"
    r"it seems|seemingly|likely|unlikely|may have|might have|could have|is said to|are said to|"
    r"was said to|were said to|believed to|thought to|suspected)\b",
    re.IGNORECASE,
)
_ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
_ACCORDING_END = re.compile(r"[,;.:()\"“”]|\s+(?:who|which|that|on|in|as|and said)\s", re.IGNORECASE)
_SOURCES_RE = re.compile(
    r"\b((?:local |security |military |government |provincial |district |informed |credible |multiple |"
    r"several |unnamed |official |Afghan |Tajik |Uzbek |border )*(?:sources|officials|residents|eyewitnesses|"
    r"witnesses|villagers))\s+(?:told|said|say|confirmed|reported)\b",
    re.IGNORECASE,
)

_VERB_FORMS = re.compile(
    r"\b(sa(id|ys|y)|t(old|ells?)|confirm|report|add|stat|claim|announc|not(ed|es|e)\b|declar|wr(ote|ite)|"
    r"tweet|post|insist|alleg|inform|assert|acknowledg|warn|estimat|quot|explain|argu|puts?\b|den(y|ie)|"
    r"reject|dismiss|refut|rebut|contradict|disown|doubt|question|disput|challeng)",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "this", "that", "who"})


_SOURCE_TAIL = re.compile(r",\s*(speaking|who|which|citing|requesting|asking|declining)\b.*$", re.IGNORECASE | re.DOTALL)


def _clean_source(text: str) -> str:
    text = _SOURCE_TAIL.sub("", text)
    text = text.strip(" ,.;:\"“”'")
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE) if len(text.split()) > 2 else text
    return text


def find_attribution(sent, text: str | None = None) -> Attribution:
    """Attribution of one spaCy sentence span. Offsets are character offsets in the document.
    ``text``: the sentence's text where the caller has it (spaCy rebuilds Span.text on each access)."""
    text = sent.text if text is None else text
    base = sent.start_char
    stance = "asserts"
    if _DENY_RE.search(text):
        stance = "denies"
    elif _DOUBT_RE.search(text):
        stance = "doubts"
    hedged = bool(_HEDGE_RE.search(text))

    # "according to X"
    m = _ACCORDING_RE.search(text)
    if m:
        rest = text[m.end():]
        end = _ACCORDING_END.search(rest)
        source = rest[: end.start()] if end else rest
        source = _clean_source(source)
        if source:
            s = base + m.end()
            return Attribution(source, text[m.start(): m.end() + len(source)], stance, hedged, base + m.start(), s + len(source))

    # "local sources told Tolo News"
    m = _SOURCES_RE.search(text)
    if m:
        return Attribution(_clean_source(m.group(1)), m.group(0), stance, hedged, base + m.start(), base + m.end())

    # Subject of a reporting, denying or doubting verb (the token loop only where such a verb may be).
    if not _VERB_FORMS.search(text):
        return Attribution(None, None, stance, hedged)
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ not in ("VERB", "AUX") or not (
            lemma in SAY_LEMMAS or lemma in DENY_LEMMAS or lemma in DOUBT_LEMMAS
        ):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        subj = subjects[0]
        if token.tag_ == "VBN" and subj.dep_ == "nsubjpass":  # "it was reported" has no source
            continue
        if lemma in DENY_LEMMAS:
            stance = "denies"
        elif lemma in DOUBT_LEMMAS:
            stance = "doubts"
        tokens = list(subj.subtree)
        # An appositive after the name stays in the source ("Zabiullah Mujahid, a Taliban spokesman"), but
        # what a bad parse hangs before it does not ("... after clashes in Badakhshan, Tajik officials said").
        first, last = tokens[0].i, tokens[-1].i + 1
        if last <= token.i:
            commas = [t.i for t in sent.doc[first: token.i] if t.text in (",", ";", ":", "--", "\u2014")]
            if commas:
                phrase = [t for t in sent.doc[commas[-1] + 1: token.i] if t.pos_ != "AUX" and t.dep_ != "neg"]
                if any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
                    first, last = phrase[0].i, phrase[-1].i + 1
        words = sent.doc[first:last]
        source = _clean_source(words.text)
        if source.lower() in _PRONOUNS:
            # A pronoun: the source is whoever the previous sentence named; keep the word, mark it.
            source = source.lower()
        start, end = words.start_char, words.end_char
        return Attribution(source, text[start - base: token.idx + len(token.text) - base] if token.idx > start
                           else text[token.idx - base: end - base], stance, hedged, min(start, token.idx),
                           max(end, token.idx + len(token.text)))
    return Attribution(None, None, stance, hedged)
