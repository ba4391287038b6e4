"""The JSON API through the ASGI test client: every endpoint, its filters, paging and errors."""
from __future__ import annotations

import re
from typing import Any

import pytest

from tests.serve.conftest import AUTH, make_record

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _ids(resp: Any) -> list[tuple[str, str]]:
    assert resp.status_code == 200, resp.text
    return [(e["doc"], e["id"]) for e in resp.json()["events"]]


def test_health_says_what_is_stored_and_whether_writes_are_possible(client: Any) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["documents"] == 3 and body["events"] == 5
    assert body["writable"] is True and body["stories"] is False


def test_openapi_lists_every_endpoint(client: Any) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/health", "/api/documents", "/api/documents/{doc_id}", "/api/events",
                 "/api/events/{doc_id}/{event_id}", "/api/stories", "/api/stories/{story_id}"):
        assert path in paths
    assert "requestBody" in paths["/api/documents"]["post"]


def test_docs_page_loads_its_assets_from_this_server_only(client: Any) -> None:
    html = client.get("/docs").text
    urls = re.findall(r'(?:src|href|url)\s*[:=]\s*[\'"]([^\'"]+)', html)
    assert urls and all(u.startswith("/") for u in urls), urls
    assert "cdn" not in html.lower()
    for url in ("/docs-assets/swagger-ui-bundle.js", "/docs-assets/swagger-ui.css"):
        assert client.get(url).status_code == 200


def test_events_filters_of_the_command_line(client: Any) -> None:
    assert len(_ids(client.get("/api/events"))) == 5
    assert _ids(client.get("/api/events?type=ASSAULT")) == [("doc-2", "v1")]
    assert {d for d, _ in _ids(client.get("/api/events?since=2023-01-01"))} == {"doc-1", "doc-3"}
    assert _ids(client.get("/api/events?until=2022-12-31")) == [("doc-2", "v1")]
    assert len(_ids(client.get("/api/events?actor=kim"))) == 5
    assert len(_ids(client.get("/api/events?actor=PRK&recipient=Putin&place=Vladivostok&status=occurred"))) == 5
    assert _ids(client.get("/api/events?recipient=PRK")) == []
    assert _ids(client.get("/api/events?status=planned")) == []
    assert [i for _, i in _ids(client.get("/api/events?doc=doc-3"))] == ["v1", "v2", "v3"]
    assert len(_ids(client.get("/api/events?min_confidence=0.8"))) == 5       # every event here is 0.8
    assert _ids(client.get("/api/events?min_confidence=0.81")) == []


def test_events_are_paged_with_limit_and_offset(client: Any) -> None:
    everything = _ids(client.get("/api/events"))
    first = client.get("/api/events?limit=2").json()
    assert first["next_offset"] == 2 and len(first["events"]) == 2
    second = client.get("/api/events?limit=2&offset=2").json()
    last = client.get("/api/events?limit=2&offset=4").json()
    assert last["next_offset"] is None
    paged = [(e["doc"], e["id"]) for page in (first, second, last) for e in page["events"]]
    assert paged == everything


def test_event_carries_place_coordinates_evidence_and_sources(client: Any) -> None:
    ev = client.get("/api/events?type=ASSAULT").json()["events"][0]
    assert ev["place"] == {"id": "e3", "name": "Vladivostok", "country": "RUS", "lat": 43.1056, "lon": 131.8735}
    assert ev["actors"][0]["name"] == "Kim Jong-un" and ev["recipients"][0]["country"] == "RUS"
    rec = make_record("doc-2")
    assert ev["evidence"] == rec["events"][0]["evidence"]
    assert ev["sources"] == ["state media"] and ev["reports"] == 1 and ev["story"] is None


@pytest.mark.parametrize("query", ["type=BOMB", "status=rumoured", "since=yesterday", "until=2023-13",
                                   "limit=0", "limit=100000", "offset=-1", "limit=ten", "min_confidence=2"])
def test_bad_filters_are_422_with_a_message(client: Any, query: str) -> None:
    resp = client.get("/api/events?" + query)
    assert resp.status_code == 422
    body = resp.json()
    assert body["status"] == 422 and body["error"].startswith("invalid request: query.")


def test_one_event_and_404(client: Any) -> None:
    ev = client.get("/api/events/doc-3/v2").json()
    assert (ev["doc"], ev["id"], ev["type"]) == ("doc-3", "v2", "AGREE")
    resp = client.get("/api/events/doc-3/v9")
    assert resp.status_code == 404 and "no event 'v9' in document 'doc-3'" in resp.json()["error"]


def test_document_is_the_stored_record(client: Any) -> None:
    assert client.get("/api/documents/doc-1").json() == make_record("doc-1")
    resp = client.get("/api/documents/nope")
    assert resp.status_code == 404 and resp.json() == {"error": "no document 'nope' is stored", "status": 404}


def test_stories_are_an_empty_list_without_a_story_store(client: Any) -> None:
    assert client.get("/api/stories").json() == {"stories": [], "available": False, "limit": 100, "offset": 0}
    resp = client.get("/api/stories/s1")
    assert resp.status_code == 404 and "no story store" in resp.json()["error"]


def test_post_one_document_extracts_and_stores_it(client: Any) -> None:
    resp = client.post("/api/documents", json={"id": "new-1", "text": "Some report.", "date": "2024-02-02"}, headers=AUTH)
    assert resp.status_code == 200, resp.text
    assert resp.json() == {"stored": ["new-1"], "added": 1, "replaced": 0, "unchanged": 0, "errors": []}
    assert client.get("/api/documents/new-1").json()["doc"]["id"] == "new-1"
    assert client.get("/api/health").json()["documents"] == 4


def test_post_a_list_reports_each_bad_document_and_stores_the_rest(client: Any) -> None:
    docs = [{"id": "a", "text": "One."}, {"id": "b"}, {"id": "c", "text": "Three.", "date": "not a date"},
            {"id": "doc-1", "text": make_record("doc-1")["doc"]["text"]}]
    body = client.post("/api/documents", json=docs, headers=AUTH).json()
    assert body["stored"] == ["a", "doc-1"]
    assert [(e["index"], e["id"]) for e in body["errors"]] == [(1, "b"), (2, "c")]
    assert "no 'text' field" in body["errors"][0]["error"] and "not an ISO 8601 date" in body["errors"][1]["error"]


def test_post_where_every_document_fails_is_422(client: Any) -> None:
    resp = client.post("/api/documents", json=[{"id": "x", "text": 3}, {"id": "y"}], headers=AUTH)
    assert resp.status_code == 422 and "'text' is not a string" in resp.json()["error"]
    assert "(and 1 more)" in resp.json()["error"]
    assert [(e["index"], e["id"]) for e in resp.json()["errors"]] == [(0, "x"), (1, "y")]


@pytest.mark.parametrize("body, message", [
    (b"{not json", "not JSON"), (b'"just a string"', "must be a document"), (b"[]", "no documents"),
    (b'[' + b",".join([b'{"text": "x"}'] * 6) + b']', "6 documents; at most 5 per request"),
])
def test_post_bad_bodies_are_422(client: Any, body: bytes, message: str) -> None:
    resp = client.post("/api/documents", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert resp.status_code == 422 and message in resp.json()["error"]


def test_unknown_path_and_method_answer_json(client: Any) -> None:
    resp = client.get("/api/nothing")
    assert resp.status_code == 404 and resp.json()["status"] == 404
    resp = client.delete("/api/events")
    assert resp.status_code == 405 and resp.json()["status"] == 405


def test_document_ids_with_slashes_reach_their_document(client: Any) -> None:
    client.app.state.wirewatch.pool.get().save([make_record("agency/2023/09/kim")])
    assert client.get("/api/documents/agency/2023/09/kim").json()["doc"]["id"] == "agency/2023/09/kim"
    assert client.get("/api/documents/agency%2F2023%2F09%2Fkim").status_code == 200
    assert client.get("/api/events/agency/2023/09/kim/v1").json()["doc"] == "agency/2023/09/kim"
    assert "Title of agency/2023/09/kim" in client.get("/doc/agency%2F2023%2F09%2Fkim").text
