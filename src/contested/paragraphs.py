"""A spaCy component, registered by name: a line break (or a semicolon) ends a sentence.

Headlines, bylines and paragraphs have no closing full stop, and the parser would otherwise run a headline
into the byline and the first paragraph, so that the byline's date and place join the story's first event.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "contested_paragraphs"


@Language.component(NAME)
def paragraph_boundaries(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text_with_ws or (token.is_space and "\n" in token.text) or token.text == ";":
            # A semicolon joins two statements that may have two sources: "the ministry claimed ...; the
            # Taliban rejected the figures" is a claim and its denial.
            doc[token.i + 1].is_sent_start = True
    return doc
