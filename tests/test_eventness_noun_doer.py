"""Whose happening a noun trigger names: the governing verb's subject, unless the noun hangs from another noun."""

from contested.nlp import load_spacy_model
from contested.pipeline import _inside_other_noun, _verb_of, extract_text


def _nested(text: str, noun: str) -> bool:
    doc = load_spacy_model()(text)
    tok = next(t for t in doc if t.text == noun)
    return _inside_other_noun(tok, _verb_of(tok))


def test_a_noun_in_another_nouns_phrase_is_not_the_subjects_doing():
    assert _nested("Police officers arrested two traders on Monday, the first arrests in a long campaign.",
                   "campaign")


def test_a_noun_the_verb_takes_keeps_its_subject_as_doer():
    assert not _nested("Rebel fighters launched a wave of attacks on the garrison.", "attacks")
    assert not _nested("Rebel fighters killed three guards in an ambush near the garrison.", "ambush")


def test_a_launched_attack_still_has_its_doer():
    got = extract_text("On Monday, Taliban fighters launched an attack on police posts in Kunduz, officials said.",
                       published="2021-06-14")
    assert any(a.role == "actor1" and "Taliban" in a.text for e in got for a in e.actors)
