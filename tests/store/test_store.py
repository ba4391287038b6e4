"""The store's behaviour, the same on both backends (SQLite file, PostgreSQL database)."""
import sqlite3

import pytest

from wirewatch.errors import StoreError
from wirewatch.store import EventQuery, Store, open_store
from wirewatch.store.schema import MIGRATIONS, POSTGRES_MIGRATIONS
from wirewatch.store.sqlite import SQLiteStore


def test_a_path_opens_sqlite_and_a_url_postgresql(db):
    with open_store(db) as s:
        assert s.dialect == ("postgresql" if db.startswith("postgresql://") else "sqlite")
    with Store(db) as s:  # the old spelling opens the same backend
        assert type(s).__name__ == ("PostgresStore" if db.startswith("postgresql://") else "SQLiteStore")
        assert isinstance(s, Store)


def test_new_database_gets_the_latest_schema(db):
    with open_store(db) as s:
        assert s.version == len(MIGRATIONS) == len(POSTGRES_MIGRATIONS)
    with open_store(db) as s:  # opening again changes nothing
        assert s.version == len(MIGRATIONS) and s.count() == 0


def test_same_document_twice_is_stored_once(db, make_record):
    with open_store(db) as s:
        assert s.save([make_record()]).added == 1
        assert s.save([make_record()]).unchanged == 1
        assert s.count() == 1 and s.count("events") == 1 and s.count("event_participants") == 2


def test_changed_text_replaces_the_document(db, make_record):
    with open_store(db) as s:
        s.save([make_record()])
        stats = s.save([make_record(text="Russia shelled Ukraine.")])
        assert (stats.added, stats.replaced, stats.unchanged) == (0, 1, 0)
        assert s.count("events") == 1 and s.count("entities") == 3 and s.count("event_participants") == 2
        assert s.record("d1")["doc"]["text"] == "Russia shelled Ukraine."
        assert next(s.events(EventQuery()))["evidence"] == "Russia shelled Ukraine."


def test_record_round_trips_exactly(db, make_record):
    rec = make_record("ü-1", text="Zelenskyy met Putin in Kyiv — «quoted».")
    with open_store(db) as s:
        s.save([rec])
        assert s.record("ü-1") == rec
        assert s.record("nope") is None


def test_failed_batch_writes_nothing(db, make_record):
    with open_store(db) as s:
        s.save([make_record("keep")])
        broken = make_record("d2")
        del broken["events"][0]["status"]
        with pytest.raises(StoreError, match="nothing of it was written"):
            s.save([make_record("d3"), broken])
        assert s.count() == 1 and s.record("d3") is None and s.count("events") == 1
        s.save([make_record("d3")])  # the store is usable afterwards
        assert s.count() == 2


def test_a_database_error_mid_batch_rolls_the_batch_back(db, make_record):
    dup = make_record("d2")
    dup["entities"].append(dict(dup["entities"][0]))  # the same entity id twice: a primary key violation
    with open_store(db) as s:
        with pytest.raises(StoreError, match="d2|UNIQUE|unique|duplicate"):
            s.save([make_record("d1"), dup, make_record("d3")])
        assert s.count() == 0 and s.count("entities") == 0


def test_event_queries_filter_by_actor_country_type_dates_place_and_status(db, make_record):
    with open_store(db) as s:
        s.save([make_record("a", date="2023-09-11"), make_record("b", date="2022-02-24")])
        assert len(list(s.events(EventQuery(actor="RUS")))) == 2
        assert len(list(s.events(EventQuery(actor="russ")))) == 2
        assert list(s.events(EventQuery(actor="UKR"))) == []
        assert len(list(s.events(EventQuery(recipient="Ukraine")))) == 2
        assert [e["doc_id"] for e in s.events(EventQuery(since="2023-01-01"))] == ["a"]
        assert [e["doc_id"] for e in s.events(EventQuery(until="2022-12-31"))] == ["b"]
        assert len(list(s.events(EventQuery(type="assault", place="UKR", status="occurred")))) == 2
        assert len(list(s.events(EventQuery(place="ukr")))) == 2
        assert list(s.events(EventQuery(type="CONSULT"))) == []
        assert [e["doc_id"] for e in s.events(EventQuery(limit=1))] == ["b"]
        ev = next(s.events(EventQuery(doc_id="a")))
        assert ev["actors"][0]["name"] == "Russia" and ev["place_name"] == "Ukraine"
        assert (ev["place_geonames"], ev["place_lat"], ev["place_lon"]) == (690791, 49.0, 32.0)
        assert ev["url"] == "https://example.org/a" and ev["confidence"] == 0.8


def test_limit_and_offset_page_through_the_events(db, make_record):
    with open_store(db) as s:
        s.save([make_record(f"d{n}", date=f"2023-01-0{n + 1}") for n in range(5)])
        every = [e["doc_id"] for e in s.events(EventQuery())]
        assert every == [f"d{n}" for n in range(5)]
        assert [e["doc_id"] for e in s.events(EventQuery(limit=2, offset=1))] == ["d1", "d2"]
        assert [e["doc_id"] for e in s.events(EventQuery(offset=3))] == ["d3", "d4"]
        assert list(s.events(EventQuery(limit=0))) == []


def test_events_are_ordered_by_date_then_document_then_event_number(db, make_record):
    recs = [make_record(i, date=d) for i, d in (("b", "2023-01-02"), ("a", "2023-01-02"), ("c", None), ("z", "2020-05-05"))]
    many = make_record("m", date="2021-01-01")
    many["events"] = [dict(many["events"][0], id=f"v{n}") for n in (10, 2, 1)]
    with open_store(db) as s:
        s.save(recs + [many])
        got = [(e["doc_id"], e["id"]) for e in s.events(EventQuery())]
    assert got == [("z", "v1"), ("m", "v1"), ("m", "v2"), ("m", "v10"), ("a", "v1"), ("b", "v1"), ("c", "v1")]


def test_participants_keep_the_record_order(db, make_record):
    with open_store(db) as s:
        s.save([make_record(actors=("e3", "e1"), recipients=("e2",))])
        ev = next(s.events(EventQuery()))
    assert [a["id"] for a in ev["actors"]] == ["e3", "e1"]
    assert ev["actors"][0] == {"id": "e3", "name": "Wagner Group", "country": "RUS", "sector": "MIL"}


def test_values_are_bound_never_spliced_into_sql(db, make_record):
    with open_store(db) as s:
        s.save([make_record("a")])
        for evil in ("x' OR '1'='1", "'; DROP TABLE events; --", "%", "_", "\\"):
            for q in (EventQuery(actor=evil), EventQuery(place=evil), EventQuery(doc_id=evil), EventQuery(type=evil)):
                assert list(s.events(q)) == [], (evil, q)
        assert s.record("a' OR '1'='1") is None
        assert s.count("events") == 1
        with pytest.raises(StoreError, match="no table"):
            s.count("events; DROP TABLE events")


def test_many_events_are_read_in_pages(db, make_record):
    recs = [make_record(f"d{n:04d}", date=f"2023-01-{n % 28 + 1:02d}") for n in range(1203)]
    with open_store(db) as s:
        s.save(recs)
        got = list(s.events(EventQuery()))
    assert len(got) == 1203 and all(len(e["actors"]) == 1 and len(e["recipients"]) == 1 for e in got)
    assert len({e["doc_id"] for e in got}) == 1203


def test_newer_schema_is_refused_with_what_to_do(db):
    with open_store(db) as s:
        if s.dialect == "sqlite":
            s.conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 3}")
        else:
            s.conn.execute("UPDATE wirewatch_schema SET version = %s", (len(MIGRATIONS) + 3,))
    with pytest.raises(StoreError, match=rf"has schema version {len(MIGRATIONS) + 3}, this wirewatch knows "
                                         rf"1\.\.{len(MIGRATIONS)}: upgrade wirewatch"):
        open_store(db)


def test_sqlite_database_of_schema_1_is_upgraded_keeping_participant_order(tmp_path, make_record):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    conn.execute("INSERT INTO documents VALUES ('d1', 'h', NULL, '2023-01-01', NULL, NULL, '{}', 'now')")
    conn.execute("INSERT INTO entities (doc_id, id, name, kind) VALUES ('d1','e1','Russia','country'),"
                 "('d1','e3','Wagner Group','organization')")
    conn.execute("INSERT INTO events VALUES ('d1','v1','ASSAULT',NULL,'occurred',NULL,NULL,NULL,NULL,'x',0.5)")
    conn.execute("INSERT INTO event_participants VALUES ('d1','v1','e3','actor'), ('d1','v1','e1','actor')")
    conn.commit()
    conn.close()
    with SQLiteStore(path) as s:
        assert s.version == len(MIGRATIONS)
        assert [a["id"] for a in next(s.events(EventQuery()))["actors"]] == ["e3", "e1"]


def test_missing_sqlite_file_is_not_created_by_a_reader(tmp_path):
    with pytest.raises(StoreError, match="no database at .*wirewatch ingest"):
        open_store(tmp_path / "none.db", create=False)
    assert not (tmp_path / "none.db").exists()


def test_unknown_url_scheme_is_refused():
    with pytest.raises(StoreError, match="unknown kind of database 'mysql'"):
        open_store("mysql://root:secret@localhost/db")


def test_unreachable_server_names_the_url_without_its_password():
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match="cannot connect") as err:
        open_store(f"postgresql://ww:s3cret@127.0.0.1:{port}/x")
    assert "s3cret" not in str(err.value) and f"ww:***@127.0.0.1:{port}/x" in str(err.value)


def test_a_document_stored_by_another_writer_since_we_looked_is_settled_one_by_one(db, make_record, monkeypatch):
    with open_store(db) as s:
        s.save([make_record("a"), make_record("b")])
        # as if another writer had stored "a" and "b" between our look and our insert
        monkeypatch.setattr(s, "_stored_hashes", lambda ids: {})
        stats = s.save([make_record("a"), make_record("b", text="Changed."), make_record("c")])
        assert (stats.added, stats.replaced, stats.unchanged) == (1, 1, 1)
        assert s.count() == 3 and s.count("events") == 3 and s.count("event_participants") == 6
        assert s.record("b")["doc"]["text"] == "Changed."


def test_passwords_are_never_shown():
    from wirewatch.store import display_name

    assert display_name("postgresql://ww:s3cret@db.example:5432/news") == "postgresql://ww:***@db.example:5432/news"
    assert display_name("postgresql://ww@h/news?sslmode=require&password=s3cret") == \
        "postgresql://ww@h/news?sslmode=require&password=***"
    assert display_name("postgresql://ww:p@ss:w@rd@h:notaport/db") == "postgresql://ww:***@h:notaport/db"
    assert display_name("data/w.db") == "data/w.db"


def test_events_can_be_asked_for_at_least_a_confidence(db, make_record):
    sure, unsure = make_record("a", date="2023-09-11"), make_record("b", date="2022-02-24")
    unsure["events"][0]["confidence"] = 0.3
    with open_store(db) as s:
        s.save([sure, unsure])
        assert [e["doc_id"] for e in s.events(EventQuery(min_confidence=0.5))] == ["a"]
        assert [e["doc_id"] for e in s.events(EventQuery(min_confidence=0.3))] == ["b", "a"]
        assert list(s.events(EventQuery(min_confidence=0.9))) == []


class _BusyAtFirst:
    """A SQLite connection whose switch to WAL fails as a racing process makes it fail, twice."""

    def __init__(self, conn, failures=2):
        self._conn, self.failures = conn, failures

    def __getattr__(self, name):
        return getattr(self._conn, name)

    def __setattr__(self, name, value):
        if name in ("_conn", "failures"):
            object.__setattr__(self, name, value)
        else:
            setattr(self._conn, name, value)

    def execute(self, sql, *args):
        if "journal_mode" in sql and self.failures:
            self.failures -= 1
            raise sqlite3.OperationalError("database is locked")
        return self._conn.execute(sql, *args)


def test_a_new_sqlite_file_another_process_is_switching_to_wal_is_waited_for(tmp_path, monkeypatch):
    from wirewatch.store import sqlite as backend

    real = sqlite3.connect
    monkeypatch.setattr(backend.sqlite3, "connect", lambda *a, **k: _BusyAtFirst(real(*a, **k)))
    with open_store(tmp_path / "w.db") as s:
        assert s.conn.failures == 0 and s.count() == 0
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
