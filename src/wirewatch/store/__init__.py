"""The embedded store: records and their events in SQLite, queryable."""
from wirewatch.store.sqlite import EventQuery, Store

__all__ = ["EventQuery", "Store"]
