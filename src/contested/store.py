"""The store: documents, the events extracted from each (mentions), the fused events and their claims.

SQLAlchemy Core, so that SQLite (the default) and PostgreSQL run the same code.

- ``documents``: each article as ingested (its text is kept: every claim points into it).
- ``mentions``: the events extracted from one document, kept whole, one row each. They are the record's
  ground truth: fused events are derived from them and can always be rebuilt.
- ``events``: fused events (one happening told by one or more documents), with indexed columns for the
  filters, and ``event_keys`` (place and actor keys) so that filtering happens in SQL.
- ``claims``: one row per claim of a fused event (who says so), never rewritten in place: a claim belongs to
  the mention it came from.
- ``corrections``: a user's merges and splits, applied each time the events they touch are fused again.

Writes go through :meth:`Store.write`: one transaction that holds the store's write lock for its whole
duration (``BEGIN IMMEDIATE`` on SQLite; a transaction-scoped advisory lock on PostgreSQL), so that two
processes ingesting at once are serialised and neither can overwrite what the other wrote.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    cast,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import IntegrityError, OperationalError

from contested.codec import from_plain, to_plain
from contested.records import Document, Event
from contested.textnorm import name_key

DEFAULT_DB = "contested.db"
SCHEMA_VERSION = 2
# The advisory lock that serialises writers on PostgreSQL (any constant; shared by every contested process).
PG_WRITE_LOCK = 0x636F6E74  # "cont"

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("doc_id", String(40), primary_key=True),
    Column("source", Text, index=True),
    Column("title", Text),
    Column("url", Text),
    Column("origin", Text),
    Column("published", Date),
    Column("published_from", String(16)),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True)),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("doc_id", String(40), nullable=False, index=True),
    Column("position", Integer, nullable=False),
    Column("type", String(40), nullable=False, index=True),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("published", Date),
    Column("event_id", String(40), index=True),
    Column("data", Text, nullable=False),
    Index("ix_mentions_dates", "date_start", "date_end"),
    Index("ix_mentions_published", "published"),
)

events = Table(
    "events",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(40), nullable=False),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("place", Text),
    Column("country", Text),
    Column("admin1", Text),
    Column("admin2", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("actors", Text),
    Column("n_claims", Integer),
    Column("fatalities", Integer),
    Column("confidence", Float),
    Column("flags", Text),
    Column("data", Text, nullable=False),
    Index("ix_events_date", "date_start", "date_end"),
    Index("ix_events_type_date", "type", "date_start"),
)

event_keys = Table(
    "event_keys",
    metadata,
    Column("event_id", String(40), nullable=False, index=True),
    Column("kind", String(8), nullable=False),  # place | source
    Column("key", Text, nullable=False),
    Index("ix_event_keys_key", "kind", "key"),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(60), primary_key=True),  # mention id + ":" + the claim's index in it
    Column("event_id", String(40), nullable=False, index=True),
    Column("mention_id", String(40), nullable=False, index=True),
    Column("position", Integer, nullable=False),  # the claim's index in the fused event
    Column("doc_id", String(40), nullable=False, index=True),
    Column("source", Text),
    Column("attributed_to", Text),
    Column("stance", String(8)),
    Column("hedged", Boolean),
    Column("sentence", Text),
    Column("span_start", Integer),
    Column("span_end", Integer),
    Column("data", Text, nullable=False),
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(8), nullable=False),  # merge (must be one event) | split (must not)
    Column("mention_a", String(40), nullable=False, index=True),
    Column("mention_b", String(40), nullable=False, index=True),
    Column("note", Text),
    Column("created_at", DateTime(timezone=True)),
)

store_info = Table(
    "store_info",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text),
)


_MENTION_COLS = (mentions.c.id, mentions.c.event_id, mentions.c.doc_id, mentions.c.position, mentions.c.data)


def database_url(db: str | None = None) -> str:
    db = db or os.environ.get("CONTESTED_DB") or DEFAULT_DB
    if "://" in db:
        if db.startswith("postgresql://"):
            db = "postgresql+psycopg://" + db[len("postgresql://"):]
        return db
    return "sqlite:///" + str(Path(db))


def display_url(url: str) -> str:
    """The store's URL with any password masked: safe to print."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - a URL we cannot parse is shown without its credentials at all
        return url.split("@")[-1]


# ---------------------------------------------------------------- (de)serialization


def dumps(ev: Event) -> str:
    return json.dumps(to_plain(ev), ensure_ascii=False, allow_nan=False)


def loads(data: str) -> Event:
    return from_plain(Event, json.loads(data))


def place_keys(ev: Event) -> set[str]:
    """The keys under which ``--place`` finds an event: its place, district, province and country, as
    written and as resolved, each in its folded form."""
    loc = ev.location
    if loc is None:
        return set()
    return {name_key(v) for v in (loc.name, loc.text, loc.admin1, loc.admin2, loc.country) if v} - {""}


def event_row(ev: Event) -> dict:
    loc = ev.location
    return {
        "id": ev.id,
        "type": ev.type,
        "date_start": ev.date.start if ev.date else None,
        "date_end": ev.date.end if ev.date else None,
        "place": loc.name if loc else None,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "admin2": loc.admin2 if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "actors": "|".join(f"{a.name}|{a.text or ''}" for a in ev.actors).lower(),
        "n_claims": len(ev.claims),
        "fatalities": ev.fatalities,
        "confidence": ev.confidence,
        "flags": "|".join(ev.flags),
        "data": dumps(ev),
    }


# ---------------------------------------------------------------- the store


class StoreError(RuntimeError):
    """A store that cannot be used as it is (made by another version, unreachable): a message for users."""


def _sqlite_setup(engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # pragma: no cover - exercised through every SQLite test
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves (below)
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA busy_timeout = 60000")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn):  # pragma: no cover - exercised through every SQLite test
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("contested_write") else "BEGIN")


class Store:
    def __init__(self, db: str | None = None):
        self.url = database_url(db)
        self.display_url = display_url(self.url)
        self.is_sqlite = self.url.startswith("sqlite")
        if self.is_sqlite:
            path = self.url[len("sqlite:///"):]
            if path and path != ":memory:" and Path(path).is_dir():
                raise StoreError(f"the store {path} is a folder, not a database file")
        try:
            self.engine = create_engine(self.url, future=True)
        except Exception as exc:  # noqa: BLE001 - a bad URL is a message, not a traceback
            raise StoreError(f"cannot open the store {self.display_url}: {exc}") from exc
        if self.is_sqlite:
            _sqlite_setup(self.engine)
        self._ready = False
        self._create()

    def _create(self) -> None:
        for attempt in range(5):
            try:
                with self.write() as conn:
                    names = set(inspect(conn).get_table_names())
                    if "events" in names and "mentions" not in names:
                        raise StoreError(
                            f"{self.display_url} was made by an earlier version of contested; run "
                            "`contested rebuild` to re-extract its documents into this version's store"
                        )
                    metadata.create_all(conn)
                    have = {r[0] for r in conn.execute(select(store_info.c.key))}
                    for key, value in (("schema", str(SCHEMA_VERSION)), ("revision", "0"), ("max_span_days", None)):
                        if key not in have:
                            if value is None:  # from the events already stored (none in a new store)
                                spans = conn.execute(select(events.c.date_start, events.c.date_end).where(
                                    events.c.date_start.is_not(None)))
                                value = str(max(((e - b).days for b, e in spans), default=0))
                            conn.execute(insert(store_info).values(key=key, value=value))
                self._ready = True
                return
            except (IntegrityError, OperationalError) as exc:
                # Another process is creating the same tables at this moment: try again.
                if attempt == 4:
                    raise StoreError(f"cannot open the store {self.display_url}: {exc}") from exc
                time.sleep(0.2 * (attempt + 1))

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ transactions

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction holding the store's write lock from its first statement to its commit."""
        with self.engine.connect() as conn:
            if self.is_sqlite:
                conn = conn.execution_options(contested_write=True)
            with conn.begin():
                if self.engine.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")
                yield conn
                if self._ready:
                    conn.execute(update(store_info).where(store_info.c.key == "revision").values(
                        value=cast(cast(store_info.c.value, Integer) + 1, Text)))

    def _info(self, conn: Connection, key: str) -> str | None:
        r = conn.execute(select(store_info.c.value).where(store_info.c.key == key)).first()
        return r[0] if r else None

    def revision(self) -> int:
        """A number that changes with every write: a cache of anything derived from the store is valid while
        it does not change."""
        with self.read() as conn:
            return int(self._info(conn, "revision") or 0)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    # ------------------------------------------------------------ documents

    def has_document(self, doc_id: str, conn: Connection | None = None) -> bool:
        q = select(documents.c.doc_id).where(documents.c.doc_id == doc_id)
        if conn is not None:
            return conn.execute(q).first() is not None
        with self.read() as c:
            return c.execute(q).first() is not None

    def insert_document(self, conn: Connection, doc: Document) -> None:
        conn.execute(
            insert(documents).values(
                doc_id=doc.doc_id, source=doc.source, title=doc.title, url=doc.url, origin=doc.origin,
                published=doc.published, published_from=doc.published_from, text=doc.text,
                ingested_at=datetime.now(UTC),
            )
        )

    def document(self, doc_id: str) -> Document | None:
        with self.read() as conn:
            r = conn.execute(select(documents).where(documents.c.doc_id == doc_id)).mappings().first()
        if r is None:
            return None
        return Document(r["doc_id"], r["text"], r["title"], r["url"], r["source"], r["published"],
                        r["published_from"], r["origin"])

    def documents(self, limit: int | None = None, offset: int = 0, source: str | None = None) -> list[dict]:
        """Documents without their text: doc_id, source, title, url, origin, published, published_from,
        ingested_at, and the number of events they give claims to."""
        cols = [documents.c[n] for n in ("doc_id", "source", "title", "url", "origin", "published",
                                         "published_from", "ingested_at")]
        q = select(*cols).order_by(documents.c.published, documents.c.doc_id)
        if source is not None:
            q = q.where(documents.c.source == source)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self.read() as conn:
            return [dict(r) for r in conn.execute(q).mappings()]

    def count_documents(self) -> int:
        with self.read() as conn:
            return conn.execute(select(func.count()).select_from(documents)).scalar_one()

    def sources(self) -> list[tuple[str | None, int]]:
        """Each outlet with the number of its documents."""
        q = select(documents.c.source, func.count()).group_by(documents.c.source).order_by(documents.c.source)
        with self.read() as conn:
            return [(r[0], r[1]) for r in conn.execute(q)]

    # ------------------------------------------------------------ mentions (the extracted events)

    def insert_mentions(self, conn: Connection, rows: list[dict]) -> None:
        if rows:
            conn.execute(insert(mentions), rows)

    def mention_candidates(self, conn: Connection, start: date | None, end: date | None,
                           published: date | None, window_days: int,
                           types: list[str] | None = None) -> list[tuple]:
        """(mention id, event id, doc id, position, data) of the mentions of these types whose dates (or,
        undated, publication dates) lie within ``window_days`` of the given dates: the only ones fusion may
        join. Found through the date and type indexes, never by scanning the store."""
        w = timedelta(days=window_days)
        conds = []
        lo, hi = (start, end) if start is not None else (published, published)
        if lo is None:
            return []
        conds.append(and_(mentions.c.date_start <= hi + w, mentions.c.date_end >= lo - w))
        conds.append(and_(mentions.c.date_start.is_(None), mentions.c.published >= lo - w,
                          mentions.c.published <= hi + w))
        q = select(*_MENTION_COLS).where(or_(*conds))
        if types is not None:
            q = q.where(mentions.c.type.in_(sorted(types)))
        return [tuple(r) for r in conn.execute(q)]

    def mentions_of_events(self, conn: Connection, event_ids: set[str]) -> list[tuple]:
        if not event_ids:
            return []
        q = select(*_MENTION_COLS).where(mentions.c.event_id.in_(sorted(event_ids)))
        return [tuple(r) for r in conn.execute(q)]

    def mentions_by_id(self, conn: Connection, ids: set[str]) -> list[tuple]:
        if not ids:
            return []
        q = select(*_MENTION_COLS).where(mentions.c.id.in_(sorted(ids)))
        return [tuple(r) for r in conn.execute(q)]

    def mention_ids_of_event(self, event_id: str, conn: Connection | None = None) -> list[tuple[str, str]]:
        """(mention id, doc id) of the mentions fused into an event."""
        q = select(mentions.c.id, mentions.c.doc_id).where(mentions.c.event_id == event_id).order_by(mentions.c.id)
        if conn is not None:
            return [(r[0], r[1]) for r in conn.execute(q)]
        with self.read() as c:
            return [(r[0], r[1]) for r in c.execute(q)]

    def count_mentions(self) -> int:
        with self.read() as conn:
            return conn.execute(select(func.count()).select_from(mentions)).scalar_one()

    # ------------------------------------------------------------ corrections

    def corrections_touching(self, conn: Connection, mention_ids: set[str]) -> list[tuple[str, str, str]]:
        """(kind, mention a, mention b) of every correction that names one of these mentions."""
        if not mention_ids:
            return []
        ids = sorted(mention_ids)
        q = select(corrections.c.kind, corrections.c.mention_a, corrections.c.mention_b).where(
            or_(corrections.c.mention_a.in_(ids), corrections.c.mention_b.in_(ids))
        ).order_by(corrections.c.id)
        return [tuple(r) for r in conn.execute(q)]

    def add_corrections(self, conn: Connection, kind: str, pairs: list[tuple[str, str]], note: str | None) -> None:
        now = datetime.now(UTC)
        rows = [{"kind": kind, "mention_a": a, "mention_b": b, "note": note, "created_at": now} for a, b in pairs]
        if rows:
            conn.execute(insert(corrections), rows)

    # ------------------------------------------------------------ fused events

    def replace_events(self, conn: Connection, old_ids: set[str], new: list[tuple[Event, list[tuple[str, int]]]]) -> None:
        """Delete the fused events ``old_ids`` and write ``new``: each fused event with, for each of its
        claims in order, the (mention id, index in that mention) it came from."""
        if old_ids:
            ids = sorted(old_ids)
            conn.execute(delete(claims).where(claims.c.event_id.in_(ids)))
            conn.execute(delete(event_keys).where(event_keys.c.event_id.in_(ids)))
            conn.execute(delete(events).where(events.c.id.in_(ids)))
        longest = max(((ev.date.end - ev.date.start).days for ev, _ in new if ev.date), default=0)
        if longest > int(self._info(conn, "max_span_days") or 0):
            conn.execute(update(store_info).where(store_info.c.key == "max_span_days").values(value=str(longest)))
        for ev, origins in new:
            conn.execute(insert(events).values(**event_row(ev)))
            keys = [{"event_id": ev.id, "kind": "place", "key": k} for k in sorted(place_keys(ev))]
            keys += [{"event_id": ev.id, "kind": "source", "key": s}
                     for s in sorted({c.source for c in ev.claims if c.source})]
            if keys:
                conn.execute(insert(event_keys), keys)
            claim_rows = []
            for pos, (claim, (mention_id, idx)) in enumerate(zip(ev.claims, origins, strict=True)):
                claim_rows.append({
                    "id": f"{mention_id}:{idx}", "event_id": ev.id, "mention_id": mention_id, "position": pos,
                    "doc_id": claim.doc_id, "source": claim.source, "attributed_to": claim.attributed_to,
                    "stance": claim.stance, "hedged": bool(claim.hedged), "sentence": claim.sentence,
                    "span_start": claim.span[0], "span_end": claim.span[1],
                    "data": json.dumps(to_plain(claim), ensure_ascii=False, allow_nan=False),
                })
            if claim_rows:
                conn.execute(insert(claims), claim_rows)
            member_ids = sorted({m for m, _ in origins})
            conn.execute(update(mentions).where(mentions.c.id.in_(member_ids)).values(event_id=ev.id))

    def _filtered(self, q, *, type=None, place=None, actor=None, since=None, until=None, source=None):
        if type:
            types = [type] if isinstance(type, str) else list(type)
            q = q.where(events.c.type.in_(types))
        if since:
            # An event that ends after `since` starts at most the store's longest span before it: a bound
            # that lets the date index start near `since` instead of at the first event.
            with self.read() as conn:
                span = int(self._info(conn, "max_span_days") or 0)
            q = q.where(events.c.date_end >= since, events.c.date_start >= since - timedelta(days=span))
        if until:
            q = q.where(events.c.date_start <= until)
        if place:
            q = q.where(events.c.id.in_(
                select(event_keys.c.event_id).where(event_keys.c.kind == "place", event_keys.c.key == name_key(place))
            ))
        if source:
            q = q.where(events.c.id.in_(
                select(event_keys.c.event_id).where(event_keys.c.kind == "source", event_keys.c.key == source)
            ))
        if actor:
            q = q.where(events.c.actors.contains(actor.lower(), autoescape=True))
        return q

    def events(self, *, type: str | list[str] | None = None, place: str | None = None, actor: str | None = None,
               since: date | None = None, until: date | None = None, source: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[Event]:
        """Fused events, ordered by date (undated last) and id, filtered in SQL."""
        q = self._filtered(select(events.c.data), type=type, place=place, actor=actor, since=since, until=until,
                           source=source)
        if since or until:  # undated events are out anyway: the date index gives the order
            q = q.order_by(events.c.date_start, events.c.id)
        else:
            q = q.order_by(events.c.date_start.is_(None), events.c.date_start, events.c.id)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self.read() as conn:
            rows = [r[0] for r in conn.execute(q)]
        return [loads(r) for r in rows]

    def count_events(self, *, type=None, place=None, actor=None, since=None, until=None, source=None) -> int:
        q = self._filtered(select(func.count()).select_from(events), type=type, place=place, actor=actor,
                           since=since, until=until, source=source)
        with self.read() as conn:
            return conn.execute(q).scalar_one()

    def event_ids_with_prefix(self, prefix: str, limit: int = 20) -> list[str]:
        like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        q = select(events.c.id).where(events.c.id.like(like, escape="\\")).order_by(events.c.id).limit(limit)
        with self.read() as conn:
            return [r[0] for r in conn.execute(q)]

    def event(self, event_id: str) -> Event | None:
        """The event with this id, or with this unique id prefix."""
        with self.read() as conn:
            r = conn.execute(select(events.c.data).where(events.c.id == event_id)).first()
        if r is not None:
            return loads(r[0])
        ids = self.event_ids_with_prefix(event_id, limit=2)
        if len(ids) == 1:
            return self.event(ids[0])
        return None

    def count_claims(self) -> int:
        with self.read() as conn:
            return conn.execute(select(func.count()).select_from(claims)).scalar_one()

    def snapshot(self) -> dict:
        """Everything the store holds that ingest derives (documents, events, claims), in a canonical form
        that does not depend on the order or time of ingestion: for tests of atomicity and order."""
        with self.read() as conn:
            docs = sorted(r[0] for r in conn.execute(select(documents.c.doc_id)))
            evs = sorted(r[0] for r in conn.execute(select(events.c.data)))
            cl = sorted(tuple(r) for r in conn.execute(select(claims.c.id, claims.c.event_id, claims.c.data)))
            ms = sorted(tuple(r) for r in conn.execute(select(mentions.c.id, mentions.c.event_id)))
        return {"documents": docs, "events": evs, "claims": cl, "mentions": ms}
