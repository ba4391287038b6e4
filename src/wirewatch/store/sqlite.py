"""The SQLite store: one transaction per batch, the same document stored once, queries on events.

A document is identified by its id; storing it again with the same text changes nothing,
with a changed text replaces it. Every batch is written in one transaction, so an
interrupted run leaves the database as it was after the last whole batch.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.store.schema import MIGRATIONS


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
    limit: int | None = None


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


class Store:
    """An embedded SQLite database of wirewatch records."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"database {self.path}: {exc}") from exc

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        """The schema version of the database."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply the migrations the database does not have yet, each in its own transaction."""
        current = self.version
        if current > len(MIGRATIONS):
            raise StoreError(f"database {self.path} has schema version {current}, newer than this wirewatch "
                             f"({len(MIGRATIONS)}); upgrade wirewatch")
        for n, script in enumerate(MIGRATIONS[current:], start=current + 1):
            self.conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {n};\nCOMMIT;")

    def save(self, records: Iterable[dict[str, Any]]) -> SaveStats:
        """Store a batch of records in one transaction.

        Raises:
            StoreError: the batch could not be written; nothing of it was.
        """
        added = replaced = unchanged = 0
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            for rec in records:
                outcome = self._save_one(rec)
                added += outcome == "added"
                replaced += outcome == "replaced"
                unchanged += outcome == "unchanged"
            self.conn.execute("COMMIT")
        except (sqlite3.Error, KeyError, TypeError) as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"database {self.path}: batch not stored ({exc}); nothing of it was written") from exc
        return SaveStats(added, replaced, unchanged)

    def _save_one(self, rec: dict[str, Any]) -> str:
        d, h = rec["doc"], content_hash(rec)
        row = self.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (d["id"],)).fetchone()
        if row is not None and row[0] == h:
            return "unchanged"
        if row is not None:
            self.conn.execute("DELETE FROM event_participants WHERE doc_id = ?", (d["id"],))
            self.conn.execute("DELETE FROM documents WHERE id = ?", (d["id"],))
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.conn.execute(
            "INSERT INTO documents (id, content_hash, title, date, agency, url, record, ingested_at) VALUES (?,?,?,?,?,?,?,?)",
            (d["id"], h, d.get("title"), d.get("date"), d.get("agency"), d.get("url"),
             json.dumps(rec, ensure_ascii=False), now))
        self.conn.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?)",
            [(d["id"], e["id"], e["name"], e["kind"], e.get("country"), e.get("sector"), e.get("wikidata"),
              (e.get("geo") or {}).get("geonames"), (e.get("geo") or {}).get("lat"), (e.get("geo") or {}).get("lon"))
             for e in rec["entities"]])
        for v in rec["events"]:
            date = v.get("date") or {}
            self.conn.execute(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (d["id"], v["id"], v["type"], v.get("mode"), v["status"], date.get("value"), date.get("start"),
                 date.get("end"), v.get("place"), v["evidence"]["text"], v["confidence"]))
            self.conn.executemany(
                "INSERT INTO event_participants VALUES (?,?,?,?)",
                [(d["id"], v["id"], e, "actor") for e in v["actors"]]
                + [(d["id"], v["id"], e, "recipient") for e in v["recipients"]])
        return "replaced" if row is not None else "added"

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record of a document, or None."""
        row = self.conn.execute("SELECT record FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def count(self, table: str = "documents") -> int:
        """Number of rows in a table (documents, entities, events)."""
        if table not in ("documents", "entities", "events", "event_participants"):
            raise StoreError(f"no table {table!r}")
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def events(self, q: EventQuery) -> Iterator[dict[str, Any]]:
        """Stored events matching the query, by date then document, with participant names."""
        where, args = _conditions(q)
        sql = (
            "SELECT v.*, d.title, p.name AS place_name, p.country AS place_country FROM events v "
            "JOIN documents d ON d.id = v.doc_id "
            "LEFT JOIN entities p ON p.doc_id = v.doc_id AND p.id = v.place_id "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} "
            "ORDER BY v.date_start IS NULL, v.date_start, v.doc_id, CAST(substr(v.id, 2) AS INTEGER)"
        )
        if q.limit:
            sql += f" LIMIT {int(q.limit)}"
        for row in self.conn.execute(sql, args):
            ev = dict(row)
            ev["actors"] = self._participants(ev["doc_id"], ev["id"], "actor")
            ev["recipients"] = self._participants(ev["doc_id"], ev["id"], "recipient")
            yield ev

    def _participants(self, doc_id: str, event_id: str, role: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(
            "SELECT e.id, e.name, e.country, e.sector FROM event_participants ep JOIN entities e "
            "ON e.doc_id = ep.doc_id AND e.id = ep.entity_id WHERE ep.doc_id = ? AND ep.event_id = ? AND ep.role = ?",
            (doc_id, event_id, role))
        return [dict(r) for r in rows]


def _who(column_role: str, value: str) -> tuple[str, list[str]]:
    sql = ("EXISTS (SELECT 1 FROM event_participants ep JOIN entities e ON e.doc_id = ep.doc_id AND e.id = ep.entity_id "
           "WHERE ep.doc_id = v.doc_id AND ep.event_id = v.id AND ep.role = ? AND "
           "(e.name LIKE ? ESCAPE '\\' OR upper(e.country) = ?))")
    return sql, [column_role, f"%{_like(value)}%", value.upper()]


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _conditions(q: EventQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    for role, value in (("actor", q.actor), ("recipient", q.recipient)):
        if value:
            sql, a = _who(role, value)
            where.append(sql)
            args += a
    if q.type:
        where.append("v.type = ?")
        args.append(q.type.upper())
    if q.status:
        where.append("v.status = ?")
        args.append(q.status.lower())
    if q.since:
        where.append("v.date_end >= ?")
        args.append(q.since)
    if q.until:
        where.append("v.date_start <= ?")
        args.append(q.until)
    if q.place:
        where.append("(p.name LIKE ? ESCAPE '\\' OR upper(p.country) = ?)")
        args += [f"%{_like(q.place)}%", q.place.upper()]
    if q.doc_id:
        where.append("v.doc_id = ?")
        args.append(q.doc_id)
    return where, args
