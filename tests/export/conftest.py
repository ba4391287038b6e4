"""Export fixtures: a SQLite store holding a few events of known content."""
from __future__ import annotations

from typing import Any

import pytest

from wirewatch.store import open_store

ENTITIES = [
    {"id": "e1", "name": "Vladimir Putin", "kind": "person", "country": "RUS", "sector": "GOV", "wikidata": "Q7747",
     "geo": None, "mentions": []},
    {"id": "e2", "name": "Kim Jong-un", "kind": "person", "country": "PRK", "sector": "GOV", "wikidata": None,
     "geo": None, "mentions": []},
    {"id": "e3", "name": "Vostochny Cosmodrome", "kind": "place", "country": "RUS", "sector": None, "wikidata": None,
     "geo": {"geonames": 7732460, "lat": 51.88, "lon": 128.33, "feature": "facility"}, "mentions": []},
    {"id": "e4", "name": "unnamed militants", "kind": "group", "country": None, "sector": "REB", "wikidata": None,
     "geo": None, "mentions": []},
]


def _event(eid: str, etype: str, actors: list[str], recipients: list[str], place: str | None,
           date: dict[str, str] | None, text: str, status: str = "occurred") -> dict[str, Any]:
    return {"id": eid, "type": etype, "mode": "visit" if etype == "CONSULT" else None, "contexts": [],
            "actors": actors, "recipients": recipients, "place": place, "date": date, "status": status, "claims": [],
            "evidence": {"start": 0, "end": len(text), "text": text}, "confidence": 0.75}


def sample_records() -> list[dict[str, Any]]:
    """Two documents: a summit at a place with a date; an attack with no place and a week as its date."""
    summit = "Kim Jong-un met\n  Vladimir Putin at the Vostochny Cosmodrome on Wednesday."
    attack = "Militants; and Putin's forces clashed, officials said."
    return [
        {"schema": "wirewatch/1",
         "doc": {"id": "summit", "title": "Kim meets Putin", "text": summit, "date": "2023-09-13", "agency": "EFE",
                 "url": "https://example.org/summit"},
         "entities": ENTITIES, "times": [], "claims": [],
         "events": [_event("v1", "CONSULT", ["e2", "e1"], ["e1"], "e3",
                           {"value": "2023-09-13", "start": "2023-09-13", "end": "2023-09-13"}, summit)]},
        {"schema": "wirewatch/1",
         "doc": {"id": "clash", "title": None, "text": attack, "date": "2023-09-20", "agency": None, "url": None},
         "entities": ENTITIES, "times": [], "claims": [],
         "events": [_event("v1", "ASSAULT", ["e4", "e1"], [], None,
                           {"value": "2023-W38", "start": "2023-09-18", "end": "2023-09-24"}, attack, "possible"),
                    _event("v2", "THREATEN", ["e1"], ["e4"], None, None, attack, "planned")]},
    ]


@pytest.fixture
def store_path(tmp_path) -> str:
    """A SQLite store holding ``sample_records()``: three events, one with a place."""
    path = str(tmp_path / "w.db")
    with open_store(path) as store:
        store.save(sample_records())
    return path
