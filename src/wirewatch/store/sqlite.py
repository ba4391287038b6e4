"""The SQLite backend: an embedded file, the zero-setup default.

Writers take the database's write lock at the start of a batch (``BEGIN IMMEDIATE``), so
concurrent ingests into one file wait for each other (up to ``TIMEOUT`` seconds) rather than
interleave. The schema version is ``PRAGMA user_version``.
"""
from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar

from wirewatch.errors import StoreError
from wirewatch.store.base import EventQuery, SaveStats, Store, content_hash, display_name
from wirewatch.store.schema import MIGRATIONS

__all__ = ["EventQuery", "SQLiteStore", "SaveStats", "Store", "content_hash"]

TIMEOUT = 30.0  # seconds a writer waits for another writer's batch to end


class SQLiteStore(Store):
    """An embedded SQLite database of wirewatch records."""

    dialect = "sqlite"
    migrations = MIGRATIONS
    like = "LIKE"  # case-insensitive for ASCII in SQLite
    lock_row = ""  # BEGIN IMMEDIATE already holds the write lock
    event_order = "v.date_start IS NULL, v.date_start, v.doc_id, CAST(substr(v.id, 2) AS INTEGER), v.id"
    no_limit = "LIMIT -1"
    _errors: ClassVar[tuple[type[BaseException], ...]] = (sqlite3.Error,)

    def __init__(self, db: str | Path) -> None:
        """Open (and create or upgrade) the database file ``db``.

        Raises:
            StoreError: the file cannot be opened or has a schema this wirewatch does not know.
        """
        self.path = str(db)
        self.name = display_name(db)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=TIMEOUT)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            self._write_ahead_log()
            self.migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"database {self.name}: {exc}") from exc

    def _write_ahead_log(self) -> None:
        """Switch the file to WAL. The switch needs the file to itself and SQLite does not wait
        for it there (another process opening the new file at the same moment makes it fail at
        once with "database is locked"), so it is retried for up to ``TIMEOUT`` seconds."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                self.conn.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @property
    def version(self) -> int:
        """The schema version of the database (``PRAGMA user_version``)."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Apply the migrations the database does not have yet, each in its own transaction.

        When another process applies the same migration first, its version is taken as it is.
        """
        self._check_version(self.version)
        for n in range(self.version + 1, len(MIGRATIONS) + 1):
            try:
                self.conn.executescript(f"BEGIN IMMEDIATE;\n{MIGRATIONS[n - 1]}\nPRAGMA user_version = {n};\nCOMMIT;")
            except sqlite3.Error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                if self.version < n:
                    raise

    def _fetchall(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(r) for r in self.conn.execute(sql, tuple(args)).fetchall()]

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        self.conn.execute(sql, tuple(args))

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            self.conn.executemany(sql, rows)

    def _pages(self, sql: str, args: Sequence[Any], size: int) -> Iterator[list[dict[str, Any]]]:
        cur = self.conn.execute(sql, tuple(args))
        while rows := cur.fetchmany(size):
            yield [dict(r) for r in rows]

    @contextmanager
    def _write(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
