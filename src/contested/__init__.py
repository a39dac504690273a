"""contested: news reports about an armed conflict into sourced, geocoded, time-resolved events."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["extract", "__version__"]


def extract(text: str, published=None, source: str | None = None, title: str | None = None) -> list[dict]:
    """Extract events from one text; returns event dicts as the contract's event.schema.json describes.

    ``published`` is a date or an ISO string; relative dates ("last week") are resolved against it.
    """
    from contested.pipeline import extract_text

    return [event.as_json() for event in extract_text(text, published=published, source=source, title=title)]
