"""contested.attribute_match gives the matches spaCy's AttributeRuler.match gives, so every token's part of speech,
morphology and lemma are spaCy's own. Texts written for this test (illustrative)."""

from __future__ import annotations

import pytest

from contested.attribute_match import AttributeMatch, FastLemmas, speed_up, speed_up_lemmas

# Sentences written for this test: ordinary news prose, and the shapes the shipped rules of more than one token
# read ("gon na", "got ta", "let 's", "ai n't", "there is" after an expletive), spaces and line breaks.
TEXTS = [
    "Gunmen attacked a checkpoint in the north of the province on Tuesday, killing three police officers.",
    "\"We're gonna hold the bridge,\" a commander said. \"Let's see if they ain't scared.\"",
    "There were clashes overnight; there is no word on casualties.\n\nOfficials gotta wait, he said.",
    "  The   army's   spokesman   denied   it.  \n  Residents fled.\t",
    "DRONE STRIKE HITS DEPOT\nA drone struck a fuel depot near the airport, witnesses told reporters.",
]


@pytest.fixture(scope="module")
def shipped():
    """The English pipeline as it ships (spaCy's matching) and the same pipeline sped up."""
    from contested.nlp import load_spacy_model

    plain = load_spacy_model()
    fast = load_spacy_model()
    speed_up(fast)
    speed_up_lemmas(fast)
    return plain, fast


@pytest.mark.parametrize("text", TEXTS)
def test_matches_are_spacys(shipped, text):
    plain, _ = shipped
    ruler = plain.get_pipe("attribute_ruler")
    doc = plain(text, disable=["attribute_ruler", "lemmatizer"])
    assert AttributeMatch(ruler)(doc) == ruler.match(doc)


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_read_the_same(shipped, text):
    plain, fast = shipped
    assert isinstance(fast.get_pipe("attribute_ruler").match, AttributeMatch)
    assert not isinstance(plain.get_pipe("attribute_ruler").match, AttributeMatch)
    a, b = plain(text), fast(text)
    assert [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in a] == [
        (t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in b]


def test_streams_read_the_same(shipped):
    """Through ``nlp.pipe`` (where the lemmas are written per distinct word) every token's analysis is spaCy's,
    a lemma the ruler set included ("gon na": go, to)."""
    plain, fast = shipped
    assert isinstance(fast.get_pipe("lemmatizer").pipe.__self__, FastLemmas)
    texts = TEXTS + ["", "a"]
    read = [[(t.lemma_, t.pos_, str(t.morph)) for t in d] for d in plain.pipe(texts, batch_size=2)]
    assert read == [[(t.lemma_, t.pos_, str(t.morph)) for t in d] for d in fast.pipe(texts, batch_size=2)]
    # twice: the second time from what the first kept
    assert read == [[(t.lemma_, t.pos_, str(t.morph)) for t in d] for d in fast.pipe(texts, batch_size=2)]
    assert ("go", "VERB") in [(lemma, pos) for d in read for lemma, pos, _ in d]


def test_rules_of_every_form(shipped):
    """A rule with two patterns that fit one token matches it once; longer patterns, a wildcard, a negative
    index and an operator (left to spaCy's Matcher) give what spaCy gives."""
    from spacy.pipeline import AttributeRuler

    plain, _ = shipped
    ruler = AttributeRuler(plain.vocab)
    ruler.add([[{"LOWER": "a"}], [{"LOWER": {"IN": ["a", "b"]}}]], {"POS": "X"})
    ruler.add([[{"LOWER": "b"}, {"LOWER": "a"}], [{"LOWER": "b"}, {"TAG": "DT"}]], {"LEMMA": "q"}, index=1)
    ruler.add([[{"LOWER": "b"}, {"LOWER": "b", "OP": "+"}]], {"LEMMA": "r"})
    ruler.add([[{}, {"LOWER": {"REGEX": "^a$"}}]], {"LEMMA": "s"}, index=-1)
    ruler.add([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"POS": "SPACE"})
    doc = plain("a b a b b a  b")
    fast = AttributeMatch(ruler)
    assert fast.has_rest and len(fast.single) == 3 and len(fast.multi) == 3
    assert fast(doc) == ruler.match(doc)
    assert fast(plain("")) == ruler.match(plain("")) == []
    ruler.add([[{"LOWER": "b"}]], {"LEMMA": "t"})  # a rule added later is read
    assert fast(doc) == ruler.match(doc) and len(fast.single) == 4


def test_speed_up_once_and_only_for_spacys_ruler(shipped):
    _, fast = shipped
    ruler = fast.get_pipe("attribute_ruler")
    first = ruler.match
    speed_up(fast)
    assert ruler.match is first
    speed_up(fast, "no_such_component")  # nothing to do
    lemmas = fast.get_pipe("lemmatizer").pipe
    speed_up_lemmas(fast)
    assert fast.get_pipe("lemmatizer").pipe.__self__ is lemmas.__self__


def test_contested_pipeline_uses_it():
    from contested.nlp import load_nlp

    assert isinstance(load_nlp().get_pipe("attribute_ruler").match, AttributeMatch)
