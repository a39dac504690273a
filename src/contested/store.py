"""The store: documents and events, through SQLAlchemy Core so that SQLite (the default) and PostgreSQL run
the same code. Events are kept whole as JSON (the contract's shape, plus the evidence offsets that `explain`
marks) with indexed columns for the filters.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    insert,
    select,
    update,
)

from contested.records import (
    ActorMention,
    Claim,
    DateSpan,
    Document,
    Event,
    Evidence,
    Location,
    Quantity,
)

DEFAULT_DB = "contested.db"

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("source", Text),
    Column("title", Text),
    Column("url", Text),
    Column("origin", Text),
    Column("published", Date),
    Column("published_from", String(16)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True)),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(40), index=True),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("place", Text, index=True),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("actors", Text),
    Column("data", Text, nullable=False),
)


def database_url(db: str | None = None) -> str:
    db = db or os.environ.get("CONTESTED_DB") or DEFAULT_DB
    if "://" in db:
        if db.startswith("postgresql://"):
            db = "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return "sqlite:///" + str(Path(db))


# ---------------------------------------------------------------- (de)serialization


def event_to_row(ev: Event) -> dict:
    data = ev.as_json()
    data["_evidence"] = [{k: [list(s) for s in v] for k, v in e.marks.items()} for e in ev.evidence]
    data["_killed"] = [q.killed for q in ev.quantities]
    loc = ev.location
    return {
        "id": ev.id,
        "type": ev.type,
        "date_start": ev.date.start if ev.date else None,
        "date_end": ev.date.end if ev.date else None,
        "place": loc.name if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "actors": "|".join(a.name for a in ev.actors),
        "data": json.dumps(data, ensure_ascii=False),
    }


def event_from_json(data: dict) -> Event:
    d = data.get("date")
    loc = data.get("location")
    killed = data.get("_killed") or []
    ev = Event(
        id=data["id"],
        type=data["type"],
        acled_event_type=data["acled"]["event_type"],
        acled_sub_event_type=data["acled"]["sub_event_type"],
        detail=data.get("detail"),
        summary=data.get("summary"),
        date=DateSpan(date.fromisoformat(d["start"]), date.fromisoformat(d["end"]), d["precision"], d.get("text"))
        if d
        else None,
        actors=[ActorMention(a["name"], a.get("kind"), a.get("text") or "", 0, 0, a["role"]) for a in data["actors"]],
        location=Location(
            loc["name"], loc.get("text"), loc.get("country"), loc.get("admin1"), loc.get("admin2"), loc.get("lat"),
            loc.get("lon"), loc.get("geonameid"), loc.get("feature"), loc.get("precision"),
        )
        if loc
        else None,
        quantities=[
            Quantity(q["value"], q["qualifier"], q["unit"], q.get("low"), q.get("high"), q.get("text"), 0, 0,
                     q.get("claim"), bool(killed[i]) if i < len(killed) else False)
            for i, q in enumerate(data["quantities"])
        ],
        fatalities=data.get("fatalities"),
        claims=[
            Claim(c["doc_id"], c.get("source"), date.fromisoformat(c["published"]) if c.get("published") else None,
                  c.get("attributed_to"), c.get("attribution_text"), c["stance"], c["hedged"], c["sentence"],
                  (c["span"][0], c["span"][1]))
            for c in data["claims"]
        ],
        flags=list(data.get("flags") or []),
        confidence=data.get("confidence", 0.5),
        evidence=[Evidence({k: [tuple(s) for s in v] for k, v in e.items()}) for e in data.get("_evidence") or []],
    )
    while len(ev.evidence) < len(ev.claims):
        ev.evidence.append(Evidence())
    return ev


# ---------------------------------------------------------------- the store


class Store:
    def __init__(self, db: str | None = None):
        self.url = database_url(db)
        self.engine = create_engine(self.url, future=True)
        metadata.create_all(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # documents
    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(select(documents.c.doc_id).where(documents.c.doc_id == doc_id)).first() is not None

    def add_document(self, doc: Document) -> bool:
        """Store a document; False when the same text is already stored (nothing changes)."""
        with self.engine.begin() as conn:
            if conn.execute(select(documents.c.doc_id).where(documents.c.doc_id == doc.doc_id)).first():
                return False
            conn.execute(
                insert(documents).values(
                    doc_id=doc.doc_id, source=doc.source, title=doc.title, url=doc.url, origin=doc.origin,
                    published=doc.published, published_from=doc.published_from, text=doc.text,
                    ingested_at=datetime.now(UTC),
                )
            )
        return True

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).mappings().first()
        if r is None:
            return None
        return Document(r["doc_id"], r["text"], r["title"], r["url"], r["source"], r["published"],
                        r["published_from"], r["origin"])

    # events
    def save_events(self, changed: Iterable[Event], new: Iterable[Event]) -> None:
        with self.engine.begin() as conn:
            for ev in changed:
                row = event_to_row(ev)
                conn.execute(update(events).where(events.c.id == ev.id).values(**row))
            for ev in new:
                row = event_to_row(ev)
                conn.execute(delete(events).where(events.c.id == ev.id))
                conn.execute(insert(events).values(**row))

    def candidates_for(self, evs: list[Event]) -> list[Event]:
        """Stored events that could be fused with these: same type and the same place (or both placeless)."""
        keys = {(e.type, e.location.name if e.location else None) for e in evs}
        out = []
        with self.engine.connect() as conn:
            for etype, place in keys:
                # A placeless event may be the same as a placed one (a crossing "to Tajikistan" told with and
                # without the district it left from).
                q = select(events.c.data).where(events.c.type == etype)
                if place is not None:
                    q = q.where((events.c.place == place) | events.c.place.is_(None))
                rows = conn.execute(q.order_by(events.c.date_start.desc()).limit(5000))
                out.extend(event_from_json(json.loads(r[0])) for r in rows)
        return out

    def event(self, event_id: str) -> Event | None:
        with self.engine.connect() as conn:
            r = conn.execute(select(events.c.data).where(events.c.id == event_id)).first()
            if r is None:  # allow a unique prefix
                rows = conn.execute(select(events.c.data).where(events.c.id.like(event_id + "%"))).all()
                r = rows[0] if len(rows) == 1 else None
        return event_from_json(json.loads(r[0])) if r else None

    def events(self, *, type: str | None = None, place: str | None = None, actor: str | None = None,
               since: date | None = None, until: date | None = None) -> list[Event]:
        q = select(events.c.data).order_by(events.c.date_start, events.c.id)
        if type:
            q = q.where(events.c.type == type)
        if since:
            q = q.where(events.c.date_end >= since)
        if until:
            q = q.where(events.c.date_start <= until)
        with self.engine.connect() as conn:
            rows = [json.loads(r[0]) for r in conn.execute(q)]
        out = []
        for data in rows:
            ev = event_from_json(data)
            if place and not _place_matches(ev, place):
                continue
            if actor and not any(actor.lower() in a.name.lower() or actor.lower() in (a.text or "").lower()
                                 for a in ev.actors):
                continue
            out.append(ev)
        return out


def _place_matches(ev: Event, place: str) -> bool:
    from contested.textnorm import name_key

    if ev.location is None:
        return False
    want = name_key(place)
    loc = ev.location
    return any(v and name_key(v) == want for v in (loc.name, loc.text, loc.admin1, loc.admin2, loc.country))
