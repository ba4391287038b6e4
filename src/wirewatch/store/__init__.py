"""The store: records and their events in a database, queryable; SQLite or PostgreSQL.

``open_store("wirewatch.db")`` opens (or creates) an embedded SQLite file;
``open_store("postgresql://user@host:5432/dbname")`` a PostgreSQL database. Both give the
same ``Store`` interface: ``save(records)``, ``record(doc_id)``, ``events(EventQuery)``,
``count(table)``, ``version``, ``close()``. ``Store(db)`` does the same as ``open_store(db)``.
"""
from wirewatch.store.base import EventQuery, SaveStats, Store, display_name, is_url, open_store

__all__ = ["EventQuery", "SaveStats", "Store", "display_name", "is_url", "open_store"]
