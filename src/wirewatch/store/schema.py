"""The database schema, as numbered migrations applied in order (``PRAGMA user_version``)."""
from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: documents with their full record, entities, events and event participants.
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title TEXT,
        date TEXT,
        agency TEXT,
        url TEXT,
        record TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        wikidata TEXT,
        geonames INTEGER,
        lat REAL,
        lon REAL,
        PRIMARY KEY (doc_id, id)
    );
    CREATE TABLE events (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT NOT NULL,
        date_value TEXT,
        date_start TEXT,
        date_end TEXT,
        place_id TEXT,
        evidence TEXT NOT NULL,
        confidence REAL NOT NULL,
        PRIMARY KEY (doc_id, id)
    );
    CREATE TABLE event_participants (
        doc_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_dates ON events(date_start, date_end);
    CREATE INDEX entities_country ON entities(country);
    CREATE INDEX participants_entity ON event_participants(doc_id, entity_id);
    """,
]
