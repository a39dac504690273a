"""A spaCy component, registered by name: a line break (or a semicolon) ends a sentence.

Headlines, bylines and paragraphs have no closing full stop, and the parser would otherwise run a headline
into the byline and the first paragraph, so that the byline's date and place join the story's first event.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

NAME = "contested_paragraphs"


def _ends_sentence(word: str) -> bool:
    """A token after which a sentence starts: one that holds a line break, or a semicolon. (A token's trailing
    whitespace is at most one space, so a line break in ``text_with_ws`` is one in the text.)"""
    # A semicolon joins two statements that may have two sources: "the ministry claimed ...; the Taliban
    # rejected the figures" is a claim and its denial.
    return "\n" in word or word == ";"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    if len(doc) < 2:
        return doc
    # Read per distinct word, not per token: the token objects of a whole document cost more than the rule.
    orths, where = numpy.unique(doc.to_array(ORTH)[:-1], return_inverse=True)
    strings = doc.vocab.strings
    ends = numpy.fromiter((_ends_sentence(strings[int(o)]) for o in orths), dtype=bool, count=len(orths))
    for i in numpy.flatnonzero(ends[where]).tolist():
        doc[i + 1].is_sent_start = True
    return doc
