"""The parse's token at a character offset: one helper for the stages that read the parse of a sentence."""

from __future__ import annotations


def token_at(span, offset: int):
    """The token of ``span`` (a spaCy sentence or doc) whose characters hold ``offset`` (in the document's
    text), or None (no parse, or the offset outside the span). Looked up through the document's own
    character index, not by walking the tokens."""
    if span is None or not hasattr(span, "doc"):
        return None
    hit = span.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if hit is None or not len(hit):
        return None
    tok = hit[0]
    start = getattr(span, "start", 0)
    end = getattr(span, "end", len(span.doc))
    return tok if start <= tok.i < end else None
