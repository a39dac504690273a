"""The shortcuts taken for speed read what the long way reads: the trigger Matcher run on a window per word that
may begin a rule finds what it finds on the whole sentence; a span's cached root is ``char_span(...).root``."""

from __future__ import annotations

import pytest

# Sentences written for this test, each with a word that begins a Matcher rule (several words, some optional).
SENTENCES = [
    "An improvised explosive device planted by insurgents exploded near the market on Monday.",
    "Police baton charged the protesters and a lathi charge followed, officials said.",
    "The soldiers handed over the town to the militia and drove out the remaining fighters.",
    "Rioters burned tyres on the highway, and the army intercepted a drone near the base.",
    "Security forces dispatched troops to the district after the attack.",
    "A booby trap killed a farmer, and the army declared a state of emergency in the district.",
]


@pytest.fixture(scope="module")
def matcher():
    from contested.triggers import matcher_for

    return matcher_for()


@pytest.mark.parametrize("text", SENTENCES)
def test_windowed_matcher_finds_what_the_whole_sentence_gives(nlp, matcher, text):
    doc = nlp(text)
    sent = doc[:]
    assert not matcher._first_any  # the windows are used for the built-in table
    assert matcher._matcher(sent), "the sentence should exercise a Matcher rule"
    windowed = matcher(sent)
    matcher._first_any = True  # the long way: the whole Matcher over the whole sentence
    try:
        whole = matcher(sent)
    finally:
        matcher._first_any = False
    assert windowed == whole
    assert windowed


def test_span_root_is_the_char_span_root(nlp):
    from contested.stages.tokens import span_root

    doc = nlp("Taliban militants attacked a checkpoint in Kunduz city on Tuesday.")
    for start, end in [(0, 7), (0, 17), (18, 26), (29, 39), (40, 55), (19, 24)]:
        expected = doc.char_span(start, end, alignment_mode="expand").root.i
        assert span_root(doc, start, end).i == expected
        assert span_root(doc, start, end).i == expected  # read again, from the document's cache
    spaced = nlp("Clashes  erupted.")
    assert span_root(spaced, 8, 9) is None or span_root(spaced, 8, 9).i == spaced.char_span(
        8, 9, alignment_mode="expand").root.i


# Written for this test: double spaces, a line break, punctuation glued to words, a hyphenated word.
SPACED = [
    "Gunmen  stormed a police post in the hill town of Vellore, killing two guards.\n\nResidents fled.",
    'He said: "Six shells hit the old market" - and the mayor (a former colonel) left town  on foot.',
    "Self-styled vigilantes burned three shops; nobody was hurt.",
]


def _token_at_long_way(span, offset):
    """What ``token_at`` gave before it read the document's token offsets: spaCy's own char_span."""
    hit = span.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if hit is None or not len(hit):
        return None
    tok = hit[0]
    return tok if getattr(span, "start", 0) <= tok.i < getattr(span, "end", len(span.doc)) else None


@pytest.mark.parametrize("text", SPACED)
def test_token_at_is_the_char_span_token_at_every_offset(nlp, text):
    from contested.stages.tokens import token_at

    doc = nlp(text)
    for span in [doc, doc[:], *doc.sents]:
        for offset in range(-2, len(text) + 3):
            got, expected = token_at(span, offset), _token_at_long_way(span, offset)
            assert (got.i if got is not None else None) == (expected.i if expected is not None else None), offset


@pytest.mark.parametrize("text", SPACED)
def test_words_between_offsets_are_those_of_the_walk(nlp, text):
    from contested.stages.dedup import _token_at

    doc = nlp(text)
    for sent in doc.sents:
        for start in range(sent.start_char - 1, sent.end_char + 1, 3):
            for end in range(start + 1, min(start + 30, sent.end_char + 2), 2):
                walk = [t for t in sent if t.idx < end and start < t.idx + len(t.text)]
                inside = {t.i for t in walk}
                expected = next((t for t in walk if t.head.i not in inside or t.head.i == t.i), walk[-1]) if walk \
                    else None
                got = _token_at(sent, start, end)
                assert (got.i if got is not None else None) == (expected.i if expected is not None else None)


# Written for this test: sentences with speech and event words, a lemma that differs from the word ("said",
# "clashed"), capitals ("Officials"), and an empty line between paragraphs.
ATTRIBUTED = (
    "Officials said gunmen clashed with police near the bridge. The army denied reports of shelling.\n\n"
    "Witnesses told reporters that three houses were burned; a spokesman claimed the strike hit a depot. "
    "Nobody confirmed it."
)


def test_trigger_word_tokens_are_those_of_the_token_loop(nlp):
    from contested.attribution import _trigger_word_tokens, lexicon

    words = lexicon().trigger_words
    doc = nlp(ATTRIBUTED)
    for span in [*doc.sents, doc[:], doc[2:9]]:
        expected = [t.i for t in span if t.lower_ in words or t.lemma_.lower() in words]
        assert [t.i for t in _trigger_word_tokens(span, words)] == expected
        assert [t.i for t in _trigger_word_tokens(span, words)] == expected  # from the document's cache
    assert any(_trigger_word_tokens(s, words) for s in doc.sents), "the text should hold trigger words"
    other = frozenset({"police", "houses"})  # another word list: marked again, not read from the cache
    assert [t.i for t in _trigger_word_tokens(doc[:], other)] == [t.i for t in doc if t.lower_ in other]


def test_doc_text_is_the_joined_text(nlp):
    from contested.stages.tokens import doc_text

    doc = nlp(ATTRIBUTED)
    assert doc_text(doc) == doc.text == ATTRIBUTED
    assert doc_text(doc) is doc_text(doc)


def test_overlap_test_is_the_any_over_the_spans():
    import random

    from contested.pipeline import _overlap_test

    rng = random.Random(6)
    for _ in range(300):
        spans = [(s, s + rng.randint(0, 12)) for s in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        overlaps = _overlap_test(spans)
        for start in range(-2, 75, 3):
            for end in range(start, start + 15, 2):
                assert overlaps(start, end) == any(start < e and s < end for s, e in spans), (spans, start, end)


def test_trigger_word_marks_kept_across_documents_and_lists(nlp):
    from contested.attribution import _trigger_word_tokens

    words = frozenset({"said", "say", "told", "claim"})
    other = frozenset({"police", "house"})
    for text in (ATTRIBUTED, "Police said the houses were searched; a witness told reporters so."):
        doc = nlp(text)
        for word_list in (words, other, words):  # the kept answers start again with each list
            expected = [t.i for t in doc if t.lower_ in word_list or t.lemma_.lower() in word_list]
            doc.user_data.clear()
            assert [t.i for t in _trigger_word_tokens(doc[:], word_list)] == expected


def test_type_model_features_and_last_text():
    import math
    from collections import Counter

    import numpy as np

    from contested.typing_model import _ngrams, default_model

    model = default_model()
    if model is None:
        return
    text = "Gunmen attacked a police post and killed two officers; gunmen fled."  # written for this test
    grams = _ngrams(text, model.ngram_max, model.char_min, model.char_max, model.digits)
    counts = Counter(i for g in grams if (i := model.index.get(g)) is not None)
    idx, w = model._features(text)
    assert idx.tolist() == list(counts)
    tf = np.array([1.0 + math.log(c) for c in counts.values()], dtype=np.float32) * model.idf[idx]
    assert np.array_equal(w, tf / np.float32(np.sqrt(tf.dot(tf))))
    first = model.label_proba(text)
    assert model.label_proba(text) is first and not first.flags.writeable  # the last text's answer, read-only
    other = model.label_proba("Protesters marched peacefully to the parliament.")
    assert not np.array_equal(other, first)
    assert np.array_equal(model.label_proba(text), first)  # worked out again, the same


def test_idiom_gate_finds_any_idiom():
    from contested.eventness import _idiom_gate, load_words

    idioms = load_words().idioms
    gate = _idiom_gate(idioms)
    sentences = ["firefighters fought the fire for hours", "the army gave advance warning of the strike",
                 "gunmen attacked a convoy", ""] + [f"x {idiom} y" for idiom in sorted(idioms)]
    for low in sentences:
        assert (gate.search(low) is not None) == any(idiom in low for idiom in idioms), low
