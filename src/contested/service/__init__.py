"""The use cases of contested, called by every edge (command line, HTTP API, Python API) so that they cannot
drift apart: ingest (store documents, extract, fuse, save: one transaction per document), corrections (merge,
split), rebuild; and the read side in ``query``."""

from contested.service.ingest import (
    IngestSummary,
    document_warnings,
    fusion_reasons,
    ingest_document,
    ingest_documents,
    merge_events,
    rebuild,
    split_event,
)

__all__ = [
    "IngestSummary",
    "document_warnings",
    "fusion_reasons",
    "ingest_document",
    "ingest_documents",
    "merge_events",
    "rebuild",
    "split_event",
]
