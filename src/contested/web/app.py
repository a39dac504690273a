"""The HTTP API and the page, on FastAPI (Starlette) under uvicorn.

Read-only unless a token was given at start-up; then ``POST /api/documents`` (JSON Lines or JSON, the same
records ``contested ingest`` reads from a .jsonl file) ingests through the same service as the command line.
Every input is validated: a bad one gets a 4xx with a reason (``{"detail": ...}``), never a 500.
"""

from __future__ import annotations

import hmac
import importlib
import os
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from contested.service import query
from contested.taxonomy import EVENT_TYPES

MAX_PAGE = 1000


@dataclass(slots=True)
class WebSettings:
    """Everything `contested serve` can be told (command line options or environment)."""

    db: str | None = None  # as --db: SQLite file or postgresql:// URL
    home: Path | None = None  # contested home (added boundaries); default config.home()
    token: str | None = None  # POST /api/documents only when set
    max_upload_bytes: int = 5_000_000
    cors_origins: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- parameters (validated before any handler)

_TEXT = r"^[^\x00-\x1f\x7f]*$"  # printable: no control characters (PostgreSQL refuses NUL)
EventType = Literal[tuple(sorted(EVENT_TYPES))]  # type: ignore[valid-type]
TypeQ = Annotated[EventType | None, Query(description="event type (taxonomy.md)")]
PlaceQ = Annotated[str | None, Query(min_length=1, max_length=200, pattern=_TEXT,
                                     description="place, district, province or country name")]
ActorQ = Annotated[str | None, Query(min_length=1, max_length=200, pattern=_TEXT,
                                     description="part of an actor's name")]
SourceQ = Annotated[str | None, Query(min_length=1, max_length=200, pattern=_TEXT, description="the outlet")]
SinceQ = Annotated[date | None, Query(description="events ending on or after this date (YYYY-MM-DD)")]
UntilQ = Annotated[date | None, Query(description="events starting on or before this date (YYYY-MM-DD)")]
LimitQ = Annotated[int, Query(ge=1, le=MAX_PAGE, description="page size")]
OffsetQ = Annotated[int, Query(ge=0, le=10_000_000, description="events to skip")]
EventId = Annotated[str, Query(min_length=4, max_length=64, pattern=r"^[0-9a-zA-Z_-]+$")]


def _flt(type, place, actor, since, until, source) -> query.EventFilter:
    if since and until and since > until:
        raise HTTPException(400, f"since ({since}) is after until ({until})")
    return query.EventFilter(type=type, place=place, actor=actor, since=since, until=until, source=source)


class _Problem(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status, self.reason = status, reason


# ---------------------------------------------------------------- posted documents


def posted_documents(body: bytes, content_type: str) -> list:
    """Documents (or input problems) from a POST body, read by the same code as ``contested ingest``:
    ``application/json`` (one record or a list: text, title, url, source, published), ``application/x-ndjson``
    (JSON Lines, one record a line), ``text/html`` or ``text/plain`` (one article)."""
    # the module (the package's own ``contested.ingest`` name is the Python API's function)
    ingest = importlib.import_module("contested.ingest")

    media = content_type.split(";", 1)[0].strip().lower()
    kinds = {"application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
             "application/ndjson": "jsonl", "text/html": "html", "text/plain": "text"}
    if media not in kinds:
        raise _Problem(415, f"unsupported Content-Type {media or '(none)'!r}: one of {', '.join(sorted(kinds))}")
    kind = kinds[media]
    try:
        out = ingest.documents_from_bytes(body, kind, "http")
    except ValueError as bad:
        raise _Problem(400, str(bad)) from None
    if not out:
        raise _Problem(400, "no documents in the body")
    if all(isinstance(d, ingest.InputProblem) for d in out):
        raise _Problem(422, "; ".join(f"{d.origin}: {d.reason}" for d in out)[:2000])
    return out


def ingest_posted(store, documents: list) -> dict:
    """The one ingest path (the command line's): contested.service.ingest.ingest_documents."""
    from contested.service.ingest import ingest_documents

    return ingest_documents(store, documents).as_json()


# ---------------------------------------------------------------- the application


def create_app(settings: WebSettings | None = None) -> FastAPI:
    from contested.store import Store

    settings = settings or WebSettings()
    store = Store(settings.db)
    home = settings.home
    app = FastAPI(
        title="contested",
        summary="Conflict events from news reports: who did what, where, when, and who says so.",
        version=_version(),
        docs_url=None,  # the bundled docs pages load scripts from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store

    if settings.cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])

    @app.exception_handler(_Problem)
    async def _problem(_request: Request, exc: _Problem):
        return JSONResponse({"detail": exc.reason}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError):
        reasons = [
            {"where": ".".join(str(p) for p in e.get("loc", ())), "reason": e.get("msg"), "type": e.get("type")}
            for e in exc.errors()
        ]
        return JSONResponse({"detail": reasons}, status_code=422)

    # ------------------------------------------------------------ events

    @app.get("/api/events", tags=["events"], summary="Events (the contract's shape), filtered and paged")
    def events(type: TypeQ = None, place: PlaceQ = None, actor: ActorQ = None, since: SinceQ = None,
               until: UntilQ = None, source: SourceQ = None, limit: LimitQ = 100, offset: OffsetQ = 0) -> dict:
        return query.events_page(store, _flt(type, place, actor, since, until, source), limit, offset)

    @app.get("/api/events.geojson", tags=["events"], summary="Events as a GeoJSON FeatureCollection, paged",
             response_class=JSONResponse)
    def events_geojson(type: TypeQ = None, place: PlaceQ = None, actor: ActorQ = None, since: SinceQ = None,
                       until: UntilQ = None, source: SourceQ = None, limit: LimitQ = 100,
                       offset: OffsetQ = 0) -> JSONResponse:
        flt = _flt(type, place, actor, since, until, source)
        return JSONResponse(query.events_geojson(store, flt, limit, offset), media_type="application/geo+json")

    @app.get("/api/events/per-day", tags=["events"], summary="How many events start on each day")
    def per_day(type: TypeQ = None, place: PlaceQ = None, actor: ActorQ = None, since: SinceQ = None,
                until: UntilQ = None, source: SourceQ = None) -> list[dict]:
        return query.events_per_day(store, _flt(type, place, actor, since, until, source))

    @app.get("/api/events/{event_id}", tags=["events"],
             summary="One event with its claims: sentences, the words each field came from, stance, figures",
             responses={404: {"description": "no such event"}})
    def event(event_id: Annotated[str, _path_id()]) -> dict:
        out = query.event_detail(store, event_id)
        if out is None:
            raise HTTPException(404, f"no event {event_id!r} (an id or a unique prefix of one)")
        return out

    @app.get("/api/facets", tags=["events"], summary="What the filters offer: types, actors, sources, dates")
    def facets() -> dict:
        return query.facets(store)

    # ------------------------------------------------------------ control and boundaries

    @app.get("/api/control", tags=["control"], response_class=JSONResponse,
             summary="Who controls each place at a date, as GeoJSON (added polygons, points otherwise)")
    def control(at: Annotated[date, Query(description="the date (YYYY-MM-DD)")],
                geometry: Annotated[bool, Query(description="false: polygons left out (the region id names each)")] = True) -> JSONResponse:
        return JSONResponse(query.control_geojson(store, at, home, geometry=geometry),
                            media_type="application/geo+json")

    @app.get("/api/control/timeline", tags=["control"], summary="Who held one place over time")
    def control_timeline(place: Annotated[str, Query(min_length=1, max_length=200, pattern=_TEXT)],
                         admin1: PlaceQ = None) -> dict:
        return {"place": place, "admin1": admin1, "timeline": query.control_timeline(store, place, admin1)}

    @app.get("/api/boundaries", tags=["control"], response_class=JSONResponse,
             summary="The boundary polygons added with `contested geo add`, for drawing")
    def boundaries(level: Literal["ADM1", "ADM2"] = "ADM2") -> JSONResponse:
        return JSONResponse(query.boundaries_geojson(level, home), media_type="application/geo+json")

    @app.get("/api/regions/{region_id}", tags=["control"],
             summary="One added polygon: its control timeline and its events",
             responses={404: {"description": "no such polygon"}})
    def region(region_id: Annotated[str, _path_text()]) -> dict:
        out = query.region_detail(store, region_id, home)
        if out is None:
            raise HTTPException(404, f"no boundary polygon {region_id!r}")
        return out

    # ------------------------------------------------------------ documents and sources

    @app.get("/api/documents", tags=["documents"], summary="Stored documents (without their text), paged")
    def documents(limit: LimitQ = 100, offset: OffsetQ = 0) -> dict:
        return query.documents_page(store, limit, offset)

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="One stored document with its text",
             responses={404: {"description": "no such document"}})
    def document(doc_id: Annotated[str, _path_id()]) -> dict:
        out = query.document(store, doc_id)
        if out is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return out

    @app.get("/api/sources", tags=["documents"], summary="The outlets and how many documents each")
    def sources() -> list[dict]:
        return query.sources(store)

    @app.post(
        "/api/documents", tags=["documents"], status_code=200,
        summary="Ingest documents (only when the server was started with a token)",
        responses={400: {"description": "bad body"}, 401: {"description": "no or wrong token"},
                   403: {"description": "read-only server"}, 413: {"description": "body too large"},
                   415: {"description": "unsupported Content-Type"},
                   422: {"description": "no document could be read (each one's reason given)"}},
        openapi_extra={"requestBody": {"required": True, "content": {
            "application/json": {"schema": {"oneOf": [
                {"$ref": "#/components/schemas/PostedDocument"},
                {"type": "array", "items": {"$ref": "#/components/schemas/PostedDocument"}}]}},
            "application/x-ndjson": {"schema": {"type": "string"}},
            "text/plain": {"schema": {"type": "string"}},
        }}},
    )
    async def post_documents(request: Request) -> dict:
        if not settings.token:
            raise _Problem(403, "read-only: start the server with --token-file (or CONTESTED_TOKEN) to add documents")
        auth = request.headers.get("authorization", "")
        given = auth[7:] if auth.lower().startswith("bearer ") else ""
        if not given or not hmac.compare_digest(given.encode(), settings.token.encode()):
            raise _Problem(401, "a valid 'Authorization: Bearer TOKEN' header is needed")
        body = await _read_limited(request, settings.max_upload_bytes)
        docs = posted_documents(body, request.headers.get("content-type", ""))
        return await run_in_threadpool(ingest_posted, store, docs)

    # ------------------------------------------------------------ exports

    @app.get("/api/export/acled.csv", tags=["exports"], response_class=Response,
             summary="ACLED-style CSV with ACLED's column names",
             responses={200: {"content": {"text/csv": {"schema": {"type": "string"}}}}})
    def export_acled(type: TypeQ = None, place: PlaceQ = None, actor: ActorQ = None, since: SinceQ = None,
                     until: UntilQ = None, source: SourceQ = None) -> Response:
        text = query.export_acled_csv(store, _flt(type, place, actor, since, until, source))
        return Response(text, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="contested-acled.csv"'})

    @app.get("/api/export/events.geojson", tags=["exports"], response_class=JSONResponse,
             summary="Every matching event as one GeoJSON FeatureCollection")
    def export_geojson(type: TypeQ = None, place: PlaceQ = None, actor: ActorQ = None, since: SinceQ = None,
                       until: UntilQ = None, source: SourceQ = None) -> JSONResponse:
        out = query.export_geojson(store, _flt(type, place, actor, since, until, source))
        return JSONResponse(out, media_type="application/geo+json",
                            headers={"Content-Disposition": 'attachment; filename="contested-events.geojson"'})

    # ------------------------------------------------------------ the page

    static = resources.files("contested.web") / "static"

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(static / "index.html"), media_type="text/html; charset=utf-8")

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> FileResponse:
        files = {p.name: p for p in static.iterdir() if p.is_file()}
        if name not in files:
            raise HTTPException(404, f"no static file {name!r}")
        return FileResponse(str(files[name]))

    _add_schemas(app)
    return app


def _path_id():
    from fastapi import Path as PathParam

    return PathParam(min_length=4, max_length=64, pattern=r"^[0-9a-zA-Z_-]+$")


def _path_text():
    from fastapi import Path as PathParam

    return PathParam(min_length=1, max_length=300, pattern=r"^[0-9A-Za-z_.:-]+$")


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise _Problem(400, "Content-Length is not a number")
        if int(declared) > limit:
            raise _Problem(413, f"body over {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _Problem(413, f"body over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _add_schemas(app: FastAPI) -> None:
    base = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = base()
        schema.setdefault("components", {}).setdefault("schemas", {})["PostedDocument"] = {
            "type": "object", "required": ["text"],
            "properties": {"text": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"},
                           "source": {"type": "string"}, "published": {"type": "string", "format": "date"}},
        }
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def _version() -> str:
    from contested import __version__

    return __version__


def settings_from(args) -> WebSettings:
    """Settings from `contested serve`'s arguments and the environment (CONTESTED_TOKEN, CONTESTED_CORS)."""
    token = None
    if getattr(args, "token_file", None):
        token = Path(args.token_file).read_text(encoding="utf-8").strip() or None
        if token is None:
            raise ValueError(f"the token file {args.token_file} is empty")
    token = token or os.environ.get("CONTESTED_TOKEN") or None
    cors = list(getattr(args, "cors_origin", None) or [])
    if not cors and os.environ.get("CONTESTED_CORS"):
        cors = [o.strip() for o in os.environ["CONTESTED_CORS"].split(",") if o.strip()]
    return WebSettings(db=getattr(args, "db", None), token=token,
                       max_upload_bytes=int(getattr(args, "max_upload", None) or 5_000_000), cors_origins=cors)
