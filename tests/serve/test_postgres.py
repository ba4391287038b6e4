"""The API over a PostgreSQL store (``--db postgresql://...``): reads, a POST, bound filter values.

Uses the server named by ``WIREWATCH_TEST_PG`` (``.ci/run`` starts one); skips locally without
it, fails in CI without it (the store tests' ``pg_db`` fixture).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.serve.conftest import AUTH, TOKEN, client_for, make_record
from tests.store.conftest import pg_db  # noqa: F401 - the fixture

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def pg_client(pg_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:  # noqa: F811
    from wirewatch.store import open_store

    store = open_store(pg_db)
    try:
        store.save([make_record("doc-1"), make_record("doc-2", event_type="ASSAULT", date="2022-07-23")])
    finally:
        store.close()
    with client_for(pg_db, monkeypatch, token=TOKEN, find_stories=True) as c:
        yield c


def test_api_reads_and_writes_a_postgresql_store(pg_client: Any) -> None:
    assert pg_client.get("/api/health").json()["documents"] == 2
    assert [e["doc"] for e in pg_client.get("/api/events?type=ASSAULT").json()["events"]] == ["doc-2"]
    assert pg_client.get("/api/documents/doc-1").json() == make_record("doc-1")
    resp = pg_client.post("/api/documents", json={"id": "pg-new", "text": make_record()["doc"]["text"]}, headers=AUTH)
    assert resp.status_code == 200 and resp.json()["stored"] == ["pg-new"]
    assert pg_client.get("/api/events?doc=pg-new").json()["events"][0]["doc"] == "pg-new"
    assert "Title of pg-new" in pg_client.get("/doc/pg-new").text


@pytest.mark.parametrize("value", ["' OR '1'='1", "x'; DROP TABLE events; --", "%", "_", "\\"])
def test_filter_values_stay_bound_on_postgresql(pg_client: Any, value: str) -> None:
    for field in ("actor", "recipient", "place", "doc"):
        assert pg_client.get("/api/events", params={field: value}).json()["events"] == []
    assert pg_client.get("/api/health").json()["events"] == 2
