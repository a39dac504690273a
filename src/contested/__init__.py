"""contested: news reports about an armed conflict into sourced, geocoded, time-resolved events."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "ingest_texts", "__version__"]


def extract(text: str, published=None, source: str | None = None, title: str | None = None) -> list[dict]:
    """Extract events from one text; returns event dicts as the contract's event.schema.json describes.

    ``published`` is a date, a datetime or a string ("2021-07-08", "2021-07-08T10:31:00Z", "Aug 8, 2021");
    relative dates ("last week") are resolved against it. Without it, a byline or dateline at the head of
    the text gives the date, else relative dates stay unresolved.

    Raises ValueError, with the field named, for input that cannot be read: a text that is not a string or
    is longer than the limit (5,000,000 characters; CONTESTED_MAX_TEXT_CHARS), a ``published`` that is not a
    date or lies before 1900 or more than two days after today. Texts longer than 100,000 characters are
    read in pieces cut at paragraph ends, with the offsets of the whole text.
    """
    from contested.pipeline import extract_text

    return [event.as_json() for event in extract_text(text, published=published, source=source, title=title)]


def ingest_texts(documents, db: str | None = None, source: str | None = None, published=None):
    """Store documents in a store (SQLite file or PostgreSQL URL; default ./contested.db or $CONTESTED_DB),
    extract their events and fuse them with the store's: the same use case as `contested ingest`. Each item is
    a text, a dict with the JSONL fields (text, title, url, source, published), or a Document. Returns the
    summary (``.problems`` lists the documents that were skipped, with the reason)."""
    from contested.pipeline import make_document
    from contested.records import Document, InputProblem
    from contested.service import ingest_documents
    from contested.store import Store

    items: list = []
    for i, item in enumerate([documents] if isinstance(documents, str | dict | Document) else documents):
        if isinstance(item, Document):
            items.append(item)
            continue
        fields = {"text": item} if isinstance(item, str) else dict(item)
        try:
            items.append(make_document(fields.get("text") or "", fields.get("published") or published,
                                       fields.get("source") or source, fields.get("title")))
        except (TypeError, ValueError) as exc:
            items.append(InputProblem(f"item {i}", str(exc)))
    return ingest_documents(Store(db), items)
