"""Store fixtures: a fresh database of each backend, and wirewatch/1 records to put in it.

The PostgreSQL tests use the server named by ``WIREWATCH_TEST_PG`` (a URL such as
``postgresql://postgres@127.0.0.1:5432/postgres``; ``.ci/run`` starts one and sets it). Each test
gets a database of its own, dropped afterwards. Without the variable the PostgreSQL tests skip,
unless ``CI`` is set: then they fail, so CI never passes without having run them.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

PG_ENV = "WIREWATCH_TEST_PG"


def pg_server() -> str:
    """The test server's URL, or skip (locally) / fail (in CI) when there is none."""
    url = os.environ.get(PG_ENV)
    if not url:
        reason = f"{PG_ENV} is not set (a postgresql:// URL of a server the tests may create databases on)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}: .ci/run should start PostgreSQL", pytrace=False)
        pytest.skip(reason)
    return url


@pytest.fixture
def pg_db() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    import psycopg

    server = pg_server()
    name = f"wwtest_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=10)
    except psycopg.Error as exc:
        pytest.fail(f"{PG_ENV}={server} is set but the server cannot be reached: {exc}", pytrace=False)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(server)
        yield urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """A new database of each backend: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "w.db")
    return str(request.getfixturevalue("pg_db"))


def _record(doc_id: str = "d1", text: str = "Russia attacked Ukraine.", date: str | None = "2023-09-11",
            actors: tuple[str, ...] = ("e1",), recipients: tuple[str, ...] = ("e2",)) -> dict[str, Any]:
    return {
        "schema": "wirewatch/1",
        "doc": {"id": doc_id, "title": f"About {doc_id}", "text": text, "date": date, "agency": "EFE",
                "url": f"https://example.org/{doc_id}"},
        "entities": [
            {"id": "e1", "name": "Russia", "kind": "country", "country": "RUS", "sector": "GOV", "wikidata": None,
             "geo": {"geonames": 2017370, "lat": 60.0, "lon": 100.0, "feature": "country"}, "mentions": []},
            {"id": "e2", "name": "Ukraine", "kind": "country", "country": "UKR", "sector": None, "wikidata": None,
             "geo": {"geonames": 690791, "lat": 49.0, "lon": 32.0, "feature": "country"}, "mentions": []},
            {"id": "e3", "name": "Wagner Group", "kind": "organization", "country": "RUS", "sector": "MIL",
             "wikidata": None, "geo": None, "mentions": []},
        ],
        "times": [], "claims": [],
        "events": [{"id": "v1", "type": "ASSAULT", "mode": None, "contexts": [], "actors": list(actors),
                    "recipients": list(recipients), "place": "e2",
                    "date": {"value": date, "start": date, "end": date} if date else None, "status": "occurred",
                    "claims": [], "evidence": {"start": 0, "end": len(text), "text": text}, "confidence": 0.8}],
    }


@pytest.fixture
def make_record() -> Callable[..., dict[str, Any]]:
    """Build a small wirewatch/1 record: ``make_record(doc_id, text, date, actors, recipients)``."""
    return _record
