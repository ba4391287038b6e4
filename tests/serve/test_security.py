"""Security: the bearer token, read-only mode, request limits, bound SQL parameters, escaped HTML."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import AUTH, TOKEN, client_for, make_record

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
DOC = {"id": "n1", "text": "A report."}


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer"}, {"Authorization": "Bearer wrong-token"},
                                     {"Authorization": f"Basic {TOKEN}"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Bearer {TOKEN[:-1]}"}])
def test_writes_without_the_right_token_are_401(client: Any, headers: dict[str, str]) -> None:
    resp = client.post("/api/documents", json=DOC, headers=headers)
    assert resp.status_code == 401
    assert resp.headers["www-authenticate"].startswith("Bearer")
    assert "token" in resp.json()["error"]
    assert client.get("/api/documents/n1").status_code == 404


def test_the_token_is_compared_in_constant_time(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import wirewatch.serve.api as api

    calls: list[tuple[bytes, bytes]] = []
    real = api.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(api.hmac, "compare_digest", spy)
    assert client.post("/api/documents", json=DOC, headers={"Authorization": "Bearer guess"}).status_code == 401
    assert client.post("/api/documents", json=DOC, headers=AUTH).status_code == 200
    assert calls == [(b"guess", TOKEN.encode()), (TOKEN.encode(), TOKEN.encode())]


def test_without_a_configured_token_the_server_is_read_only(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with client_for(db, monkeypatch, token=None) as c:
        resp = c.post("/api/documents", json=DOC, headers=AUTH)
        assert resp.status_code == 403 and "read-only" in resp.json()["error"]
        assert "WIREWATCH_TOKEN" in resp.json()["error"]
        assert c.get("/api/health").json()["writable"] is False
        assert "read-only" in c.get("/").text


def test_a_body_over_the_limit_is_413_by_its_declared_length(client: Any) -> None:
    big = {"id": "big", "text": "word " * 5000}
    resp = client.post("/api/documents", json=big, headers=AUTH)
    assert resp.status_code == 413 and "20,000-byte limit" in resp.json()["error"]
    assert client.get("/api/documents/big").status_code == 404


def test_a_chunked_body_over_the_limit_is_413_while_read(client: Any) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"id": "big", "text": "'
        for _ in range(100):
            yield b"x" * 1000
        yield b'"}'

    resp = client.post("/api/documents", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert resp.status_code == 413
    assert client.get("/api/documents/big").status_code == 404


def test_a_request_is_refused_before_its_body_is_read_without_a_token(client: Any) -> None:
    resp = client.post("/api/documents", content=b"x" * 50_000)
    assert resp.status_code == 401


INJECTIONS = ["' OR '1'='1", "x'; DROP TABLE events; --", "%", "_", "\\", "1) OR (1=1", "\" OR \"\"=\"",
              "doc-1' --", "%' OR 1=1 --"]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("field", ["actor", "recipient", "place", "doc"])
def test_filter_values_never_reach_sql_unbound(client: Any, field: str, value: str) -> None:
    resp = client.get("/api/events", params={field: value})
    assert resp.status_code == 200
    assert resp.json()["events"] == []
    health = client.get("/api/health").json()
    assert (health["documents"], health["events"]) == (3, 5)


@pytest.mark.parametrize("path", ["/api/documents/' OR '1'='1", "/api/events/x' OR 1=1 --/v1",
                                  "/api/documents/doc-1'; DROP TABLE documents; --"])
def test_path_values_never_reach_sql_unbound(client: Any, path: str) -> None:
    assert client.get(path).status_code == 404
    assert client.get("/api/health").json()["documents"] == 3


def _post_record(client: Any, rec: dict[str, Any]) -> None:
    client.app.state.wirewatch.pool.get().save([rec])


def test_html_in_a_document_is_shown_as_text(client: Any) -> None:
    rec = make_record("evil")
    rec["doc"]["title"] = "<img src=x onerror=alert(1)>Title"
    rec["doc"]["url"] = "javascript:alert(1)"
    rec["entities"][0]["name"] = "<b>Kim</b>"
    _post_record(client, rec)
    html = client.get("/doc/evil").text
    assert "<script>alert('x')</script>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;Title" in html
    assert "<b>Kim</b>" not in html and "&lt;b&gt;Kim&lt;/b&gt;" in html
    assert "javascript:" not in html


def test_pages_forbid_inline_and_foreign_scripts(client: Any) -> None:
    for path in ("/", "/doc/doc-1"):
        csp = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp
