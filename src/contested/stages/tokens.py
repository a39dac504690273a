"""The parse's token at a character offset: one helper for the stages that read the parse of a sentence."""

from __future__ import annotations

from bisect import bisect_right

_STARTS_KEY = "contested.stages.token_starts"  # Doc.user_data: (each token's first character, its end)


def token_bounds(doc) -> tuple[list[int], list[int]]:
    """Each token's first character and the end of its characters (without its trailing space), read once
    per document (as arrays: no Token made per token)."""
    hit = doc.user_data.get(_STARTS_KEY)
    if hit is None or len(hit[0]) != len(doc):
        from spacy.attrs import IDX, LENGTH

        arr = doc.to_array([IDX, LENGTH])
        starts = arr[:, 0].tolist() if len(doc) else []
        ends = (arr[:, 0] + arr[:, 1]).tolist() if len(doc) else []
        hit = doc.user_data[_STARTS_KEY] = (starts, ends)
    return hit


_ORTHS_KEY = "contested.stages.token_orths"  # Doc.user_data: each token's text as its number


def token_orths(doc) -> list[int]:
    """Each token's ``orth`` (its text's number), read once per document: a loop that skips most tokens by
    their text need not make a Token of each."""
    hit = doc.user_data.get(_ORTHS_KEY)
    if hit is None or len(hit) != len(doc):
        from spacy.attrs import ORTH

        hit = doc.user_data[_ORTHS_KEY] = doc.to_array(ORTH).tolist() if len(doc) else []
    return hit


_TEXT_KEY = "contested.stages.doc_text"  # Doc.user_data: the document's text


def doc_text(doc) -> str:
    """``doc.text``, joined once per document (spaCy joins the tokens again on every access)."""
    hit = doc.user_data.get(_TEXT_KEY)
    if hit is None or hit[0] != len(doc):
        hit = doc.user_data[_TEXT_KEY] = (len(doc), doc.text)
    return hit[1]


def token_at(span, offset: int):
    """The token of ``span`` (a spaCy sentence or doc) whose characters hold ``offset`` (in the document's
    text), or None (no parse, or the offset outside the span, or on a token's trailing space). What
    ``doc.char_span(offset, offset + 1, alignment_mode="expand")[0]`` gives, looked up in the document's
    token offsets (read once per document), not by walking the tokens."""
    if span is None or not hasattr(span, "doc"):
        return None
    doc = span.doc
    starts, ends = token_bounds(doc)
    i = bisect_right(starts, offset) - 1
    # (The tokens with their trailing spaces cover the text; a character past a token's end is its space.)
    if i < 0 or offset >= ends[i]:
        return None
    if not getattr(span, "start", 0) <= i < getattr(span, "end", len(doc)):
        return None
    return doc[i]


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
