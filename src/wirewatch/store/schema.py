"""The database schema, as numbered migrations applied in order, one list per SQL dialect.

Migration N of ``MIGRATIONS`` (SQLite; the version is ``PRAGMA user_version``) and migration N
of ``POSTGRES_MIGRATIONS`` (PostgreSQL; the version is in table ``wirewatch_schema``) make the
same tables, columns and indexes, so a schema version means the same thing on both backends
(``tests/store`` checks it). To change the schema, append one migration to BOTH lists; never
edit one that has shipped.

PostgreSQL differences: floats are ``DOUBLE PRECISION`` (SQLite's REAL is 8 bytes too), and ids
and dates compare byte by byte (``COLLATE "C"``, as SQLite does), whatever the database's locale.
"""
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
    # 2: participants keep the order they have in the record (rows written before keep theirs).
    """
    ALTER TABLE event_participants ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
    UPDATE event_participants SET position = rowid;
    """,
    # 3: stories (wirewatch.stories.store): story records, each stored event's report and its
    # story, the blocks a story is indexed under, and the document versions they reflect.
    """
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        status TEXT NOT NULL,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_reports (
        doc_id TEXT NOT NULL,
        event_id TEXT NOT NULL,
        story_id INTEGER NOT NULL,
        report TEXT NOT NULL,
        PRIMARY KEY (doc_id, event_id)
    );
    CREATE TABLE story_blocks (
        type TEXT NOT NULL,
        party TEXT NOT NULL,
        week INTEGER NOT NULL,
        story_id INTEGER NOT NULL,
        PRIMARY KEY (type, week, party, story_id)
    );
    CREATE TABLE story_docs (
        doc_id TEXT PRIMARY KEY,
        content_hash TEXT NOT NULL
    );
    CREATE INDEX story_reports_story ON story_reports(story_id);
    CREATE INDEX story_blocks_story ON story_blocks(story_id);
    CREATE INDEX stories_type_dates ON stories(type, date_start, date_end);
    """,
]

_C = 'TEXT COLLATE "C"'

POSTGRES_MIGRATIONS: list[str] = [
    # 1: documents with their full record, entities, events and event participants.
    f"""
    CREATE TABLE documents (
        id {_C} PRIMARY KEY,
        content_hash TEXT NOT NULL,
        title TEXT,
        date {_C},
        agency TEXT,
        url TEXT,
        record TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE entities (
        doc_id {_C} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id {_C} NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        country TEXT,
        sector TEXT,
        wikidata TEXT,
        geonames INTEGER,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        PRIMARY KEY (doc_id, id)
    );
    CREATE TABLE events (
        doc_id {_C} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        id {_C} NOT NULL,
        type TEXT NOT NULL,
        mode TEXT,
        status TEXT NOT NULL,
        date_value {_C},
        date_start {_C},
        date_end {_C},
        place_id {_C},
        evidence TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (doc_id, id)
    );
    CREATE TABLE event_participants (
        doc_id {_C} NOT NULL,
        event_id {_C} NOT NULL,
        entity_id {_C} NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('actor', 'recipient')),
        FOREIGN KEY (doc_id, event_id) REFERENCES events(doc_id, id) ON DELETE CASCADE
    );
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_dates ON events(date_start, date_end);
    CREATE INDEX entities_country ON entities(country);
    CREATE INDEX participants_entity ON event_participants(doc_id, entity_id);
    """,
    # 2: participants keep the order they have in the record.
    """
    ALTER TABLE event_participants ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
    """,
    # 3: stories (see MIGRATIONS[2]).
    f"""
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        type {_C} NOT NULL,
        date_start {_C},
        date_end {_C},
        status TEXT NOT NULL,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_reports (
        doc_id {_C} NOT NULL,
        event_id {_C} NOT NULL,
        story_id INTEGER NOT NULL,
        report TEXT NOT NULL,
        PRIMARY KEY (doc_id, event_id)
    );
    CREATE TABLE story_blocks (
        type {_C} NOT NULL,
        party {_C} NOT NULL,
        week INTEGER NOT NULL,
        story_id INTEGER NOT NULL,
        PRIMARY KEY (type, week, party, story_id)
    );
    CREATE TABLE story_docs (
        doc_id {_C} PRIMARY KEY,
        content_hash TEXT NOT NULL
    );
    CREATE INDEX story_reports_story ON story_reports(story_id);
    CREATE INDEX story_blocks_story ON story_blocks(story_id);
    CREATE INDEX stories_type_dates ON stories(type, date_start, date_end);
    """,
]
