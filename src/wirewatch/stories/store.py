"""Stories kept in the store, updated as documents are ingested (no full rebuild).

Tables (the store's migration 3, on SQLite and PostgreSQL): ``stories`` (one row per story event, its
wirewatch-story/1 record), ``story_reports`` (each stored event's report and its story),
``story_blocks`` (the blocks a story is indexed under: type, party country, week) and
``story_docs`` (which version of each document the stories reflect).

:func:`update_stories` brings the stories up to date with the stored documents: the reports
of new documents join their best story (or start one), those of replaced or deleted
documents leave theirs, and two stories that a new report shows to be one are joined. Only
the stories in the blocks of the new reports are read, so the cost follows the new
documents, not the store. Each page of documents is written in one
transaction: an interrupted update leaves whole pages and is resumed by the next one.
"""
from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from wirewatch.errors import StoreError
from wirewatch.store import Store
from wirewatch.stories.cluster import Cluster, Clusterer, assignment_order, block_keys
from wirewatch.stories.errors import RecordError
from wirewatch.stories.merge import document_reports
from wirewatch.stories.reports import Report, report_from_json, report_to_json
from wirewatch.stories.story import story_record

STORY_LOCK = 0x57575354  # PostgreSQL advisory lock key held by a story update ("WWST")
PAGE_DOCS = 10000  # documents per transaction of an update (its candidate stories are read once)
CHUNK = 500        # ids per IN (...) list


@dataclass
class UpdateStats:
    """What an update did."""

    documents: int = 0
    reports: int = 0
    stories_touched: int = 0
    errors: list[RecordError] = field(default_factory=list)


class StorySQL:
    """The SQL the story tables need, through the store backend's primitives (``?`` placeholders).

    The tables are made by the store's migration 3 (``wirewatch.store.schema``), on both backends.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.name = store.name

    def fetchall(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a query."""
        return self.store._fetchall(sql, args)

    def execute(self, sql: str, args: Sequence[Any] = ()) -> None:
        """Run one statement."""
        self.store._execute(sql, args)

    def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        """Run one statement for many rows."""
        if rows:
            self.store._executemany(sql, rows)

    def write(self) -> AbstractContextManager[None]:
        """One transaction: committed at the end of the block, rolled back if it raises."""
        return self.store._write()

    def lock(self) -> None:
        """Within a write transaction, wait for any other story update to end (SQLite's write lock does it)."""
        if self.store.dialect == "postgresql":
            self.fetchall("SELECT pg_advisory_xact_lock(?)", (STORY_LOCK,))


def _chunks(items: Sequence[Any], n: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


class StoryStore:
    """The stories of a store: update them from its documents, read and filter them."""

    def __init__(self, store: Store) -> None:
        self.sql = StorySQL(store)

    # -- update -------------------------------------------------------------------------------

    def pending(self) -> tuple[list[tuple[str, str]], list[str]]:
        """(documents whose stories are not up to date, by date: (id, hash)), (deleted documents)."""
        rows = self.sql.fetchall(
            "SELECT d.id, d.content_hash FROM documents d LEFT JOIN story_docs s ON s.doc_id = d.id "
            "WHERE s.doc_id IS NULL OR s.content_hash <> d.content_hash ORDER BY d.date, d.id")
        gone = self.sql.fetchall("SELECT s.doc_id FROM story_docs s LEFT JOIN documents d ON d.id = s.doc_id "
                                 "WHERE d.id IS NULL")
        return [(str(a), str(b)) for a, b in rows], [str(r[0]) for r in gone]

    def update(self, on_error: Callable[[RecordError], None] | None = None) -> UpdateStats:
        """Bring the stories up to date with the stored documents, one transaction per page.

        Raises:
            StoreError: the database could not be read or written (the current page is not).
        """
        stats = UpdateStats()
        try:
            docs, gone = self.pending()
            if gone:
                with self.sql.write():
                    self.sql.lock()
                    self._apply([], [], gone, stats)
            for page in _chunks(docs, PAGE_DOCS):
                with self.sql.write():
                    self._update_page(list(page), stats, on_error)
        except (RecordError, StoreError):
            raise
        except Exception as exc:
            raise StoreError(f"database {self.sql.name}: stories not updated ({type(exc).__name__}: {exc}); "
                             "the stories stay as they were after the last whole page") from exc
        return stats

    def _update_page(self, page: list[tuple[str, str]], stats: UpdateStats,
                     on_error: Callable[[RecordError], None] | None) -> None:
        self.sql.lock()
        done = self._done([d for d, _ in page])
        page = [(d, h) for d, h in page if done.get(d) != h]   # another writer may have merged some meanwhile
        records = self._records([d for d, _ in page])
        reports: list[Report] = []
        for doc_id, _ in page:
            try:
                reports += document_reports(records.get(doc_id), f"database {self.sql.name} document {doc_id}")
            except RecordError as err:
                stats.errors.append(err)
                if on_error:
                    on_error(err)
        self._apply(reports, page, [d for d, _ in page], stats)

    def _done(self, doc_ids: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for ids in _chunks(doc_ids):
            marks = ",".join("?" * len(ids))
            out.update((str(d), str(h)) for d, h in self.sql.fetchall(
                f"SELECT doc_id, content_hash FROM story_docs WHERE doc_id IN ({marks})", ids))
        return out

    def _records(self, doc_ids: list[str]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for ids in _chunks(doc_ids):
            marks = ",".join("?" * len(ids))
            for doc_id, rec in self.sql.fetchall(f"SELECT id, record FROM documents WHERE id IN ({marks})", ids):
                out[str(doc_id)] = json.loads(rec)
        return out

    def _apply(self, reports: list[Report], page: list[tuple[str, str]], stale_docs: list[str],
               stats: UpdateStats) -> None:
        """Remove the stale documents' reports, assign the new ones, write the touched stories."""
        touched = self._drop_docs(stale_docs)
        clusterer = Clusterer()
        top = self.sql.fetchall("SELECT MAX(id) FROM stories")[0][0]
        clusterer.reserve(int(top or 0) + 1)   # a new story never reuses an id, even a deleted one's
        for cluster in self._load(self._candidates(reports) | touched):
            clusterer.add_cluster(cluster)
        new_ids = {r.ref for r in reports}
        for r in assignment_order(reports):
            touched.add(clusterer.assign(r))
        joined = clusterer.remerge(touched)   # a late report may show two stories to be one
        touched |= set(joined) | set(joined.values())
        self._write(clusterer, touched, new_ids, joined)
        self.sql.executemany("INSERT INTO story_docs (doc_id, content_hash) VALUES (?, ?) "
                             "ON CONFLICT (doc_id) DO UPDATE SET content_hash = excluded.content_hash", page)
        kept = {d for d, _ in page}
        self.sql.executemany("DELETE FROM story_docs WHERE doc_id = ?", [(d,) for d in stale_docs if d not in kept])
        stats.documents += len(page)
        stats.reports += len(reports)
        stats.stories_touched += len(touched)

    def _drop_docs(self, doc_ids: list[str]) -> set[int]:
        touched: set[int] = set()
        for ids in _chunks(doc_ids):
            marks = ",".join("?" * len(ids))
            touched |= {int(r[0]) for r in self.sql.fetchall(
                f"SELECT DISTINCT story_id FROM story_reports WHERE doc_id IN ({marks})", ids)}
            self.sql.execute(f"DELETE FROM story_reports WHERE doc_id IN ({marks})", ids)
        return touched

    def _candidates(self, reports: list[Report]) -> set[int]:
        """Stories sharing a block with any of the reports."""
        keys: dict[tuple[str, int], set[str]] = defaultdict(set)
        for r in reports:
            for t, c, w in block_keys(r):
                keys[(t, w)].add(c)
        out: set[int] = set()
        for (t, w), parties in keys.items():
            rows = self.sql.fetchall("SELECT party, story_id FROM story_blocks WHERE type = ? AND week = ?", (t, w))
            out |= {int(sid) for party, sid in rows if "*" in parties or party in parties or party == "*"}
        return out

    def _load(self, story_ids: Iterable[int]) -> list[Cluster]:
        members: dict[int, list[Report]] = defaultdict(list)
        for ids in _chunks(sorted(story_ids)):
            marks = ",".join("?" * len(ids))
            for sid, rep in self.sql.fetchall(
                    f"SELECT story_id, report FROM story_reports WHERE story_id IN ({marks}) "
                    "ORDER BY story_id, doc_id, event_id", list(ids)):
                members[int(sid)].append(report_from_json(json.loads(rep)))
        out = []
        for sid in story_ids:
            c = Cluster(sid)
            for r in members.get(sid, []):
                c.add(r)
            out.append(c)
        return out

    def _write(self, clusterer: Clusterer, touched: set[int], new_ids: set[tuple[str, str]],
               joined: dict[int, int]) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        self.sql.executemany("UPDATE story_reports SET story_id = ? WHERE story_id = ?",
                             [(kept, gone) for gone, kept in sorted(joined.items())])
        for ids in _chunks(sorted(touched)):
            marks = ",".join("?" * len(ids))
            self.sql.execute(f"DELETE FROM story_blocks WHERE story_id IN ({marks})", list(ids))
        for sid in sorted(touched):
            reports = clusterer.clusters[sid].reports if sid in clusterer.clusters else []
            if not reports:
                self.sql.execute("DELETE FROM stories WHERE id = ?", (sid,))
                continue
            rec = story_record(f"s{sid}", reports)
            date = rec["date"] or {}
            self.sql.execute(
                "INSERT INTO stories (id, type, date_start, date_end, status, record, updated_at) VALUES (?,?,?,?,?,?,?) "
                "ON CONFLICT (id) DO UPDATE SET type = excluded.type, date_start = excluded.date_start, "
                "date_end = excluded.date_end, status = excluded.status, record = excluded.record, "
                "updated_at = excluded.updated_at",
                (sid, rec["type"], date.get("start"), date.get("end"), rec["status"],
                 json.dumps(rec, ensure_ascii=False), now))
            self.sql.executemany("INSERT INTO story_blocks (type, party, week, story_id) VALUES (?,?,?,?)",
                                 [(t, c, w, sid) for t, c, w in sorted({k for r in reports for k in block_keys(r)})])
            self.sql.executemany(
                "INSERT INTO story_reports (doc_id, event_id, story_id, report) VALUES (?,?,?,?)",
                [(r.doc, r.event, sid, json.dumps(report_to_json(r), ensure_ascii=False))
                 for r in reports if r.ref in new_ids])

    # -- reading ------------------------------------------------------------------------------

    def count(self) -> int:
        """Number of stored stories."""
        return int(self.sql.fetchall("SELECT COUNT(*) FROM stories")[0][0])

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story record by its id ("s12"), or None."""
        digits = story_id[1:] if story_id[:1] == "s" else ""
        if not digits.isdigit():
            return None
        rows = self.sql.fetchall("SELECT record FROM stories WHERE id = ?", (int(digits),))
        return json.loads(rows[0][0]) if rows else None

    def stories(self, type_: str | None = None, since: str | None = None,
                until: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored story records by date, filtered by type and date interval in the database."""
        where, args = [], []
        for sql, value in (("type = ?", type_ and type_.upper()), ("date_end >= ?", since), ("date_start <= ?", until)):
            if value:
                where.append(sql)
                args.append(value)
        last = -1
        while True:
            rows = self.sql.fetchall(
                f"SELECT id, record FROM stories WHERE id > ? {''.join(' AND ' + w for w in where)} ORDER BY id LIMIT ?",
                [last, *args, CHUNK])
            for sid, rec in rows:
                yield json.loads(rec)
            if len(rows) < CHUNK:
                return
            last = int(rows[-1][0])


def update_stories(store: Store, on_error: Callable[[RecordError], None] | None = None) -> UpdateStats:
    """Bring a store's stories up to date with its documents (see :class:`StoryStore`)."""
    return StoryStore(store).update(on_error)
