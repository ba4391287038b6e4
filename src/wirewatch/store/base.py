"""The store interface: records and their events in a database, queryable, on SQLite or PostgreSQL.

``open_store(db)`` (or ``Store(db)``) opens the SQLite backend for a file path and the
PostgreSQL backend for a ``postgresql://user@host:port/dbname`` URL. Both backends share this
class's code: the same schema (numbered migrations, one list per dialect in ``schema.py``),
the same SQL with every value bound as a parameter, and the same guarantees:

- a document is identified by its id; storing it again with the same text changes nothing,
  with a changed text replaces it;
- every batch is written in one transaction, so an interrupted run leaves the database as it
  was after the last whole batch;
- concurrent writers lose and duplicate nothing: a new document is inserted with
  ``INSERT ... ON CONFLICT DO NOTHING``, a stored one is locked (``FOR UPDATE`` on PostgreSQL,
  the database write lock on SQLite) before it is compared and replaced, and the documents of a
  batch are written in id order, so two batches never wait on each other in a cycle.

A subclass supplies the connection and a handful of primitives (``_fetchall``, ``_execute``,
``_executemany``, ``_pages``, ``_write``, ``version``, ``migrate``) and its SQL dialect.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, TypeVar
from urllib.parse import urlsplit, urlunsplit

from wirewatch.errors import StoreError

URL_SCHEMES = ("postgresql", "postgres")
TABLES = ("documents", "entities", "events", "event_participants")
PAGE = 500          # events read per round trip; their participants are read in one query per page
SETTLE_TRIES = 5    # how often a document is re-read when another writer changes it meanwhile
CHUNK = 500         # documents per multi-row statement (bound parameters stay far below both limits)


@dataclass(frozen=True)
class EventQuery:
    """Filters on stored events; None means no filter."""

    actor: str | None = None      # entity name (substring, any case) or ISO3 country of an actor
    recipient: str | None = None  # same, for a recipient
    type: str | None = None       # PLOVER type
    since: str | None = None      # ISO date: events whose interval ends on or after it
    until: str | None = None      # ISO date: events whose interval starts on or before it
    place: str | None = None      # place name (substring) or ISO3 country of the place
    status: str | None = None
    doc_id: str | None = None
    min_confidence: float | None = None   # events whose (calibrated) confidence is at least this
    limit: int | None = None      # at most this many events
    offset: int | None = None     # skip this many first (for paging, with limit)


@dataclass(frozen=True)
class SaveStats:
    """What a save did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0


def content_hash(record: dict[str, Any]) -> str:
    """A hash of what makes a document the same document: its text and metadata."""
    d = record["doc"]
    key = json.dumps([d["text"], d.get("title"), d.get("date"), d.get("url")], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def is_url(db: str | Path) -> bool:
    """Whether ``db`` is a database URL (``scheme://...``) rather than a SQLite file path."""
    return "://" in str(db)


def display_name(db: str | Path) -> str:
    """``db`` as it may be shown in messages: a URL without its password (in the user part or the query)."""
    text = str(db)
    if not is_url(text):
        return text
    parts = urlsplit(text)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        netloc = (user.split(":", 1)[0] + ":***" if ":" in user else user) + "@" + host
    query = re.sub(r"(?i)(^|&)(password=)[^&]*", r"\1\2***", parts.query)
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def open_store(db: str | Path, create: bool = True) -> Store:
    """Open the store at ``db``: a SQLite file path, or a ``postgresql://user@host:port/dbname`` URL.

    Args:
        db: where the store is.
        create: whether a missing SQLite file may be created; when False a missing file is an
            error that says how to create it (for commands that only read).

    Raises:
        StoreError: unknown URL scheme, no such file, the server cannot be reached, or the
            database has a schema this wirewatch does not know.
    """
    if not create and not is_url(db) and not Path(db).exists():
        raise StoreError(f"no database at {db} (run `wirewatch ingest FILE... --db {db}` first)")
    return Store(db)


def _backend(db: str | Path) -> type[Store]:
    if not is_url(db):
        from wirewatch.store.sqlite import SQLiteStore

        return SQLiteStore
    scheme = str(db).split("://", 1)[0].lower()
    if scheme in URL_SCHEMES:
        from wirewatch.store.postgres import PostgresStore

        return PostgresStore
    raise StoreError(f"database {display_name(db)}: unknown kind of database {scheme!r} "
                     "(give a SQLite file path or a postgresql://user@host:port/dbname URL)")


class Store:
    """A database of wirewatch records: ``Store(db)`` opens the backend that ``db`` names.

    Attributes:
        path: the database as given (file path or URL).
        name: the same, safe to show (no password).
    """

    dialect: ClassVar[str] = ""
    migrations: ClassVar[Sequence[str]] = ()
    like: ClassVar[str] = "LIKE"      # case-insensitive LIKE of the dialect
    lock_row: ClassVar[str] = ""      # suffix locking the selected row until the transaction ends
    event_order: ClassVar[str] = ""   # ORDER BY of events: date, document, event number
    no_limit: ClassVar[str] = ""      # a LIMIT clause meaning "all rows", for an OFFSET without a limit
    path: str
    name: str

    def __new__(cls, db: str | Path, *args: Any, **kwargs: Any) -> Store:  # noqa: D102
        return super().__new__(_backend(db) if cls is Store else cls)

    def __init__(self, db: str | Path) -> None:
        """Open the database (each backend's ``__init__``); ``Store`` itself only dispatches."""
        raise StoreError(f"database {display_name(db)}: no backend opened it")

    # -- what a backend supplies ------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        raise NotImplementedError

    @property
    def version(self) -> int:
        """The schema version of the database (0 for an empty one)."""
        raise NotImplementedError

    def migrate(self) -> None:
        """Apply the migrations the database does not have yet; refuse a newer schema."""
        raise NotImplementedError

    def _fetchall(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        raise NotImplementedError

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _pages(self, sql: str, args: Sequence[Any], size: int) -> Iterator[list[dict[str, Any]]]:
        raise NotImplementedError

    def _write(self) -> AbstractContextManager[None]:
        """A write transaction: committed when the block ends, rolled back when it raises."""
        raise NotImplementedError

    def _retryable(self, exc: BaseException) -> bool:
        """Whether a failed batch may be tried again (a deadlock or serialization failure)."""
        return False

    _errors: ClassVar[tuple[type[BaseException], ...]] = ()

    # -- shared behaviour -------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_version(self, current: int) -> None:
        known = len(self.migrations)
        if current > known:
            raise StoreError(f"database {self.name} has schema version {current}, this wirewatch knows "
                             f"1..{known}: upgrade wirewatch")

    def save(self, records: Iterable[dict[str, Any]]) -> SaveStats:
        """Store a batch of records in one transaction.

        Raises:
            StoreError: the batch could not be written; nothing of it was.
        """
        batch = list(records)
        errors = self._errors + (KeyError, TypeError)
        for attempt in range(1, 4):
            try:
                ordered = sorted(batch, key=lambda rec: str(rec["doc"]["id"]))
                with self._write():
                    outcomes = self._save_all(ordered)
                return SaveStats(outcomes.count("added"), outcomes.count("replaced"), outcomes.count("unchanged"))
            except errors as exc:
                if attempt < 3 and self._retryable(exc):
                    continue
                raise StoreError(f"database {self.name}: batch not stored ({exc}); nothing of it was written") from exc
        raise AssertionError("unreachable")

    def _save_all(self, ordered: list[dict[str, Any]]) -> list[str]:
        """Store records sorted by id, a few statements per batch; the outcome of each, in order."""
        ids = [rec["doc"]["id"] for rec in ordered]
        if len(set(ids)) < len(ids):  # the same document twice in one batch: one at a time, in order
            return [self._save_one(rec) for rec in ordered]
        now = _now()
        stored = self._stored_hashes(ids)
        outcome: dict[str, str] = {}
        new, changed = [], []
        for rec in ordered:
            doc_id, h = rec["doc"]["id"], content_hash(rec)
            if doc_id not in stored:
                new.append(rec)
            elif stored[doc_id] == h:
                outcome[doc_id] = "unchanged"
            else:
                changed.append(rec)
                outcome[doc_id] = "replaced"
        self._replace_documents(changed, now)
        inserted = self._insert_documents(new, now)
        for rec in new:  # another writer stored those not inserted since we looked: settle them one by one
            outcome[rec["doc"]["id"]] = "added" if rec["doc"]["id"] in inserted else self._save_one(rec)
        self._insert_parts(changed + [rec for rec in new if rec["doc"]["id"] in inserted])
        return [outcome[i] for i in ids]

    def _stored_hashes(self, ids: list[str]) -> dict[str, str]:
        """Content hashes of the stored documents among ``ids``, their rows locked in id order."""
        out: dict[str, str] = {}
        for chunk in _chunks(ids, CHUNK):
            rows = self._fetchall(f"SELECT id, content_hash FROM documents WHERE id IN ({_marks(len(chunk))}) "
                                  f"ORDER BY id{self.lock_row}", chunk)
            out.update((r[0], r[1]) for r in rows)
        return out

    def _replace_documents(self, recs: list[dict[str, Any]], now: str) -> None:
        """Drop the parts of stored documents whose content changed and update their rows."""
        ids = [rec["doc"]["id"] for rec in recs]
        for chunk in _chunks(ids, CHUNK):
            for table in ("event_participants", "events", "entities"):
                self._execute(f"DELETE FROM {table} WHERE doc_id IN ({_marks(len(chunk))})", chunk)
        self._executemany("UPDATE documents SET content_hash = ?, title = ?, date = ?, agency = ?, url = ?, "
                          "record = ?, ingested_at = ? WHERE id = ?",
                          [(*_doc_fields(rec, now), rec["doc"]["id"]) for rec in recs])

    def _insert_documents(self, recs: list[dict[str, Any]], now: str) -> set[str]:
        """Insert new documents' rows, skipping any another writer has inserted since; the ids inserted."""
        inserted: set[str] = set()
        for chunk in _chunks(recs, CHUNK):
            args = [v for rec in chunk for v in (rec["doc"]["id"], *_doc_fields(rec, now))]
            rows = self._fetchall(
                "INSERT INTO documents (id, content_hash, title, date, agency, url, record, ingested_at) VALUES "
                + ",".join(["(?,?,?,?,?,?,?,?)"] * len(chunk)) + " ON CONFLICT (id) DO NOTHING RETURNING id", args)
            inserted.update(r[0] for r in rows)
        return inserted

    def _save_one(self, rec: dict[str, Any]) -> str:
        """Store one record, re-reading it under a lock when another writer changes it meanwhile."""
        doc_id, h = rec["doc"]["id"], content_hash(rec)
        now = _now()
        for _ in range(SETTLE_TRIES):
            rows = self._fetchall(f"SELECT content_hash FROM documents WHERE id = ?{self.lock_row}", (doc_id,))
            if rows and rows[0][0] == h:
                return "unchanged"
            if rows:
                self._replace_documents([rec], now)
                self._insert_parts([rec])
                return "replaced"
            if self._insert_documents([rec], now):
                self._insert_parts([rec])
                return "added"
        raise StoreError(f"database {self.name}: document {doc_id} kept changing under another writer; run again")

    def _insert_parts(self, recs: list[dict[str, Any]]) -> None:
        """Insert the entities, events and participants of documents whose rows are written."""
        entities, events, participants = [], [], []
        for rec in recs:
            doc_id = rec["doc"]["id"]
            for e in rec["entities"]:
                geo = e.get("geo") or {}
                entities.append((doc_id, e["id"], e["name"], e["kind"], e.get("country"), e.get("sector"),
                                 e.get("wikidata"), geo.get("geonames"), geo.get("lat"), geo.get("lon")))
            for v in rec["events"]:
                date = v.get("date") or {}
                events.append((doc_id, v["id"], v["type"], v.get("mode"), v["status"], date.get("value"),
                               date.get("start"), date.get("end"), v.get("place"), v["evidence"]["text"],
                               v["confidence"]))
                for role, key in (("actor", "actors"), ("recipient", "recipients")):
                    participants += [(doc_id, v["id"], e, role, i) for i, e in enumerate(v[key])]
        self._executemany(
            "INSERT INTO entities (doc_id, id, name, kind, country, sector, wikidata, geonames, lat, lon) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)", entities)
        self._executemany(
            "INSERT INTO events (doc_id, id, type, mode, status, date_value, date_start, date_end, place_id, "
            "evidence, confidence) VALUES (?,?,?,?,?,?,?,?,?,?,?)", events)
        self._executemany(
            "INSERT INTO event_participants (doc_id, event_id, entity_id, role, position) VALUES (?,?,?,?,?)",
            participants)

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record of a document, or None."""
        rows = self._fetchall("SELECT record FROM documents WHERE id = ?", (doc_id,))
        return json.loads(rows[0][0]) if rows else None

    def count(self, table: str = "documents") -> int:
        """Number of rows in a table (documents, entities, events, event_participants)."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r} (choose from {', '.join(TABLES)})")
        return int(self._fetchall(f"SELECT COUNT(*) FROM {table}")[0][0])

    def events(self, q: EventQuery) -> Iterator[dict[str, Any]]:
        """Stored events matching the query, by date then document, with participant names.

        Each event is a dict of its stored columns (``doc_id``, ``id``, ``type``, ``mode``,
        ``status``, ``date_value``, ``date_start``, ``date_end``, ``place_id``, ``evidence``,
        ``confidence``), the document's ``title`` and ``url``, the place's ``place_name``,
        ``place_country``, ``place_geonames``, ``place_lat``, ``place_lon``, and ``actors`` and
        ``recipients``: lists of ``{id, name, country, sector}`` in the record's order.
        """
        where, args = _conditions(q, self.like)
        sql = (
            "SELECT v.doc_id, v.id, v.type, v.mode, v.status, v.date_value, v.date_start, v.date_end, v.place_id, "
            "v.evidence, v.confidence, d.title, p.name AS place_name, p.country AS place_country, d.url, "
            "p.geonames AS place_geonames, p.lat AS place_lat, p.lon AS place_lon FROM events v "
            "JOIN documents d ON d.id = v.doc_id "
            "LEFT JOIN entities p ON p.doc_id = v.doc_id AND p.id = v.place_id "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {self.event_order}"
        )
        if q.limit is not None:
            sql += " LIMIT ?"
            args.append(max(int(q.limit), 0))
        if q.offset:
            sql += ("" if q.limit is not None else f" {self.no_limit}") + " OFFSET ?"
            args.append(max(int(q.offset), 0))
        for page in self._pages(sql, args, PAGE):
            people = self._participants({ev["doc_id"] for ev in page})
            for ev in page:
                ev["actors"] = people.get((ev["doc_id"], ev["id"], "actor"), [])
                ev["recipients"] = people.get((ev["doc_id"], ev["id"], "recipient"), [])
                yield ev

    def _participants(self, doc_ids: set[str]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
        """Actors and recipients of every event of these documents, by (document, event, role)."""
        ids = sorted(doc_ids)
        rows = self._fetchall(
            "SELECT ep.doc_id, ep.event_id, ep.role, e.id, e.name, e.country, e.sector FROM event_participants ep "
            "JOIN entities e ON e.doc_id = ep.doc_id AND e.id = ep.entity_id "
            f"WHERE ep.doc_id IN ({_marks(len(ids))}) ORDER BY ep.position", ids) if ids else []
        out: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
        for doc_id, event_id, role, eid, name, country, sector in rows:
            out.setdefault((doc_id, event_id, role), []).append(
                {"id": eid, "name": name, "country": country, "sector": sector})
        return out


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _doc_fields(rec: dict[str, Any], now: str) -> tuple[Any, ...]:
    """The documents row of a record after its id: hash, title, date, agency, URL, record JSON, time stored."""
    d = rec["doc"]
    return (content_hash(rec), d.get("title"), d.get("date"), d.get("agency"), d.get("url"),
            json.dumps(rec, ensure_ascii=False), now)


T = TypeVar("T")


def _chunks(items: list[T], size: int) -> Iterator[list[T]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _who(role: str, value: str, like: str) -> tuple[str, list[str]]:
    sql = ("EXISTS (SELECT 1 FROM event_participants ep JOIN entities e ON e.doc_id = ep.doc_id AND e.id = ep.entity_id "
           "WHERE ep.doc_id = v.doc_id AND ep.event_id = v.id AND ep.role = ? AND "
           f"(e.name {like} ? ESCAPE '\\' OR upper(e.country) = ?))")
    return sql, [role, f"%{_escape_like(value)}%", value.upper()]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(q: EventQuery, like: str) -> tuple[list[str], list[Any]]:
    """The WHERE conditions of a query and their bound values."""
    where: list[str] = []
    args: list[Any] = []
    for role, value in (("actor", q.actor), ("recipient", q.recipient)):
        if value:
            sql, a = _who(role, value, like)
            where.append(sql)
            args += a
    simple = (("v.type = ?", q.type and q.type.upper()), ("v.status = ?", q.status and q.status.lower()),
              ("v.date_end >= ?", q.since), ("v.date_start <= ?", q.until), ("v.doc_id = ?", q.doc_id))
    for sql, value in simple:
        if value:
            where.append(sql)
            args.append(value)
    if q.min_confidence is not None:
        where.append("v.confidence >= ?")
        args.append(float(q.min_confidence))
    if q.place:
        where.append(f"(p.name {like} ? ESCAPE '\\' OR upper(p.country) = ?)")
        args += [f"%{_escape_like(q.place)}%", q.place.upper()]
    return where, args
