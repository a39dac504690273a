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


_ROOTS_KEY = "contested.stages.span_roots"  # Doc.user_data: (start, end) -> the position of the span's root


def span_root(doc, start: int, end: int):
    """The head word of the tokens that hold the characters ``start``..``end`` of ``doc`` (the root of
    ``doc.char_span(start, end, alignment_mode="expand")``), or None where they make no tokens. Worked out once
    per span of a document: the stages ask it of the same trigger words for every draft."""
    cache = doc.user_data.setdefault(_ROOTS_KEY, {})
    i = cache.get((start, end))
    if i is None:
        span = doc.char_span(start, end, alignment_mode="expand")
        i = cache[(start, end)] = span.root.i if span is not None and len(span) else -1
    return doc[i] if i >= 0 else None
