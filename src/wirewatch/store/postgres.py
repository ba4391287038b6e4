"""The PostgreSQL backend, through psycopg 3: one store shared by a team or by many ingests.

Opened with a URL such as ``postgresql://user@host:5432/dbname`` (any libpq URL; a password is
never shown in messages). The connection runs in autocommit mode and every batch is one
explicit transaction. Concurrent writers are safe (see ``wirewatch.store.base``): a stored
document is locked with ``SELECT ... FOR UPDATE`` before it is compared and replaced, a new one
is inserted with ``ON CONFLICT DO NOTHING`` and re-read when another writer got there first,
and a batch that loses a deadlock is tried again. Migrations run under an advisory lock, so
two processes opening a new database at once apply each migration once. The schema version
is the one row of table ``wirewatch_schema``.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import psycopg
from psycopg.rows import dict_row

from wirewatch.errors import StoreError
from wirewatch.store.base import Store, display_name
from wirewatch.store.schema import POSTGRES_MIGRATIONS

CONNECT_TIMEOUT = 10      # seconds
MIGRATION_LOCK = 0x77697265  # pg_advisory_xact_lock key held while migrating ("wire")
_cursor_ids = itertools.count(1)


class PostgresStore(Store):
    """A PostgreSQL database of wirewatch records."""

    dialect = "postgresql"
    migrations = POSTGRES_MIGRATIONS
    like = "ILIKE"
    lock_row = " FOR UPDATE"
    event_order = ("v.date_start IS NULL, v.date_start, v.doc_id, "
                   "COALESCE(CAST(substring(v.id FROM '^.([0-9]+)') AS BIGINT), 0), v.id")
    no_limit = "LIMIT ALL"
    _errors: ClassVar[tuple[type[BaseException], ...]] = (psycopg.Error,)

    def __init__(self, db: str) -> None:
        """Connect to the database at URL ``db`` and create or upgrade its schema.

        Raises:
            StoreError: the server cannot be reached or refuses us, or the database has a
                schema this wirewatch does not know.
        """
        self.path = str(db)
        self.name = display_name(db)
        try:
            self.conn = psycopg.connect(self.path, autocommit=True, connect_timeout=CONNECT_TIMEOUT,
                                        application_name="wirewatch")
        except psycopg.Error as exc:
            raise StoreError(f"database {self.name}: cannot connect ({str(exc).strip()}); "
                             "is the server running and the URL right?") from exc
        try:
            self.migrate()
        except psycopg.Error as exc:
            self.conn.close()
            raise StoreError(f"database {self.name}: {str(exc).strip()}") from exc
        except StoreError:
            self.conn.close()
            raise

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @property
    def version(self) -> int:
        """The schema version of the database (0 when it has no wirewatch tables)."""
        if not self._fetchall("SELECT to_regclass('wirewatch_schema') IS NOT NULL")[0][0]:
            return 0
        rows = self._fetchall("SELECT version FROM wirewatch_schema")
        return int(rows[0][0]) if rows else 0

    def migrate(self) -> None:
        """Apply the migrations the database does not have yet, in one transaction, under a lock."""
        with self.conn.transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            current = self.version
            self._check_version(current)
            if current == len(POSTGRES_MIGRATIONS):
                return
            self._execute("CREATE TABLE IF NOT EXISTS wirewatch_schema (version INTEGER NOT NULL)")
            if not self._fetchall("SELECT 1 FROM wirewatch_schema"):
                self._execute("INSERT INTO wirewatch_schema (version) VALUES (0)")
            for n in range(current + 1, len(POSTGRES_MIGRATIONS) + 1):
                self.conn.execute(POSTGRES_MIGRATIONS[n - 1])  # no parameters: several statements
                self._execute("UPDATE wirewatch_schema SET version = ?", (n,))

    @staticmethod
    def _sql(sql: str) -> str:
        """Our SQL (``?`` placeholders) in psycopg's paramstyle."""
        return sql.replace("%", "%%").replace("?", "%s")

    def _fetchall(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(self._sql(sql), tuple(args)).fetchall()

    def _execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        self.conn.execute(self._sql(sql), tuple(args))

    def _executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def _pages(self, sql: str, args: Sequence[Any], size: int) -> Iterator[list[dict[str, Any]]]:
        """Rows through a server-side cursor, so a large result is never held whole in memory."""
        with self.conn.transaction():
            with self.conn.cursor(name=f"wirewatch_{next(_cursor_ids)}", row_factory=dict_row) as cur:
                cur.execute(self._sql(sql), tuple(args))
                while rows := cur.fetchmany(size):
                    yield rows

    @contextmanager
    def _write(self) -> Iterator[None]:
        with self.conn.transaction():
            yield

    def _retryable(self, exc: BaseException) -> bool:
        return isinstance(exc, (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure))
