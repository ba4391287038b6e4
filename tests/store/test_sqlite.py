import sqlite3

import pytest

from wirewatch.errors import StoreError
from wirewatch.store import EventQuery, Store
from wirewatch.store.schema import MIGRATIONS


def _record(doc_id="d1", text="Russia attacked Ukraine.", date="2023-09-11"):
    return {
        "schema": "wirewatch/1",
        "doc": {"id": doc_id, "title": None, "text": text, "date": date, "agency": "EFE", "url": None},
        "entities": [
            {"id": "e1", "name": "Russia", "kind": "country", "country": "RUS", "sector": None, "wikidata": None,
             "geo": {"geonames": 2017370, "lat": 60.0, "lon": 100.0, "feature": "country"}, "mentions": []},
            {"id": "e2", "name": "Ukraine", "kind": "country", "country": "UKR", "sector": None, "wikidata": None,
             "geo": {"geonames": 690791, "lat": 49.0, "lon": 32.0, "feature": "country"}, "mentions": []},
        ],
        "times": [], "claims": [],
        "events": [{"id": "v1", "type": "ASSAULT", "mode": None, "contexts": [], "actors": ["e1"], "recipients": ["e2"],
                    "place": "e2", "date": {"value": date, "start": date, "end": date}, "status": "occurred",
                    "claims": [], "evidence": {"start": 0, "end": len(text), "text": text}, "confidence": 0.8}],
    }


def test_new_database_gets_the_latest_schema(tmp_path):
    with Store(tmp_path / "w.db") as s:
        assert s.version == len(MIGRATIONS)


def test_same_document_twice_is_stored_once(tmp_path):
    with Store(tmp_path / "w.db") as s:
        assert s.save([_record()]).added == 1
        assert s.save([_record()]).unchanged == 1
        assert s.count() == 1 and s.count("events") == 1


def test_changed_text_replaces_the_document(tmp_path):
    with Store(tmp_path / "w.db") as s:
        s.save([_record()])
        stats = s.save([_record(text="Russia shelled Ukraine.")])
        assert stats.replaced == 1 and s.count("events") == 1
        assert s.record("d1")["doc"]["text"] == "Russia shelled Ukraine."


def test_failed_batch_writes_nothing(tmp_path):
    with Store(tmp_path / "w.db") as s:
        s.save([_record("keep")])
        broken = _record("d2")
        del broken["events"][0]["status"]
        with pytest.raises(StoreError, match="nothing of it was written"):
            s.save([_record("d3"), broken])
        assert s.count() == 1 and s.record("d3") is None


def test_event_queries_filter_by_actor_country_type_dates_place_and_status(tmp_path):
    with Store(tmp_path / "w.db") as s:
        s.save([_record("a", date="2023-09-11"), _record("b", date="2022-02-24")])
        assert len(list(s.events(EventQuery(actor="RUS")))) == 2
        assert len(list(s.events(EventQuery(actor="russ")))) == 2
        assert list(s.events(EventQuery(actor="UKR"))) == []
        assert len(list(s.events(EventQuery(recipient="Ukraine")))) == 2
        assert [e["doc_id"] for e in s.events(EventQuery(since="2023-01-01"))] == ["a"]
        assert [e["doc_id"] for e in s.events(EventQuery(until="2022-12-31"))] == ["b"]
        assert len(list(s.events(EventQuery(type="assault", place="UKR", status="occurred")))) == 2
        assert list(s.events(EventQuery(type="CONSULT"))) == []
        ev = next(s.events(EventQuery(doc_id="a")))
        assert ev["actors"][0]["name"] == "Russia" and ev["place_name"] == "Ukraine"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "w.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer than this wirewatch"):
        Store(path)
