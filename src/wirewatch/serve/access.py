"""The server's view of the store: one connection per worker thread, paged and enriched events.

SQLite connections belong to the thread that opened them, and the route handlers run in a
thread pool, so each thread opens its own store once and keeps it. Every query goes through
the store's own methods (``Store.events``, ``Store.record``), whose SQL binds every value as a
parameter.
"""
from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from itertools import islice
from typing import Any

import wirewatch.store as store_pkg
from wirewatch.store import EventQuery, Store


def open_store(db: str) -> Store:
    """A store for ``db``: through the store package's factory when it has one, else SQLite."""
    factory = getattr(store_pkg, "open_store", None)
    return factory(db) if callable(factory) else Store(db)


class StorePool:
    """One open store per thread, for one database."""

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []

    def get(self) -> Store:
        """This thread's store, opened on first use."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.db)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close_all(self) -> None:
        """Close every store opened (at shutdown; a store owned by a live thread may refuse)."""
        with self._lock:
            stores, self._opened = self._opened, []
        for store in stores:
            try:
                store.close()
            except Exception:  # noqa: BLE001 - sqlite refuses a close from another thread; the process ends anyway
                pass


_HAS_OFFSET = "offset" in {f.name for f in dataclasses.fields(EventQuery)}


def page_of_events(store: Store, filters: dict[str, Any], limit: int, offset: int) -> tuple[list[dict[str, Any]], bool]:
    """Events ``offset .. offset+limit`` matching ``filters`` (EventQuery fields), and whether more follow."""
    if _HAS_OFFSET:
        rows: Iterator[dict[str, Any]] = store.events(EventQuery(**filters, limit=limit + 1, offset=offset))  # type: ignore[call-arg]
    else:  # the store pages by limit only: skip the first rows here
        rows = islice(store.events(EventQuery(**filters, limit=offset + limit + 1)), offset, None)
    page = list(islice(rows, limit + 1))
    return page[:limit], len(page) > limit


def one_event(store: Store, doc_id: str, event_id: str) -> dict[str, Any] | None:
    """The stored event ``event_id`` of document ``doc_id``, or None."""
    for ev in store.events(EventQuery(doc_id=doc_id)):
        if ev["id"] == event_id:
            return ev
    return None


class Records:
    """Stored records read once per request, to add what the event rows lack (coordinates, sources)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cache: dict[str, dict[str, Any] | None] = {}

    def get(self, doc_id: str) -> dict[str, Any] | None:
        """The record of ``doc_id`` (cached), or None."""
        if doc_id not in self._cache:
            self._cache[doc_id] = self.store.record(doc_id)
        return self._cache[doc_id]


def event_view(ev: dict[str, Any], rec: dict[str, Any] | None) -> dict[str, Any]:
    """The API's form of a stored event: nested date, place with coordinates, evidence span, sources."""
    rec_ev = _record_event(rec, ev["id"])
    ents = {e["id"]: e for e in (rec or {}).get("entities", [])}
    has_date = ev.get("date_value") or ev.get("date_start")
    return {
        "doc": ev["doc_id"], "id": ev["id"], "type": ev["type"], "mode": ev.get("mode"), "status": ev["status"],
        "date": {"value": ev.get("date_value"), "start": ev.get("date_start"), "end": ev.get("date_end")} if has_date else None,
        "place": _place(ev, ents),
        "actors": ev.get("actors", []), "recipients": ev.get("recipients", []),
        "evidence": (rec_ev or {}).get("evidence") or {"text": ev.get("evidence"), "start": None, "end": None},
        "confidence": ev.get("confidence"),
        "title": ev.get("title"),
        "published": ((rec or {}).get("doc") or {}).get("date"),
        "sources": event_sources(rec, rec_ev),
        "reports": 1, "story": None,
    }


def _record_event(rec: dict[str, Any] | None, event_id: str) -> dict[str, Any] | None:
    return next((v for v in (rec or {}).get("events", []) if v.get("id") == event_id), None)


def _place(ev: dict[str, Any], ents: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if not ev.get("place_id"):
        return None
    geo = (ents.get(ev["place_id"]) or {}).get("geo") or {}
    lat, lon = ev.get("place_lat"), ev.get("place_lon")  # the store's columns, else the record's
    return {"id": ev["place_id"], "name": ev.get("place_name"), "country": ev.get("place_country"),
            "lat": geo.get("lat") if lat is None else lat, "lon": geo.get("lon") if lon is None else lon}


def event_sources(rec: dict[str, Any] | None, rec_ev: dict[str, Any] | None) -> list[str]:
    """Who an event rests on: its claims' named sources, else the document's agency, else the document itself."""
    if rec is None or rec_ev is None:
        return []
    ents = {e["id"]: e for e in rec.get("entities", [])}
    claims = {c["id"]: c for c in rec.get("claims", [])}
    names: list[str] = []
    for cid in rec_ev.get("claims", []):
        c = claims.get(cid) or {}
        name = (ents.get(c.get("source") or "") or {}).get("name") or c.get("source_text") or "unnamed source"
        if name not in names:
            names.append(name)
    doc = rec.get("doc") or {}
    return names or [doc.get("agency") or doc.get("title") or doc.get("id") or "the document"]
