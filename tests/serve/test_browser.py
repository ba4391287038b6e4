"""End to end: the real server (uvicorn, subprocess) driven in Debian's Chromium through Playwright.

Posts the bundled samples (one through the page's form, the rest through the API), filters the
table, opens a document and checks its evidence is highlighted, checks that HTML in a document
stays text, that the page asks nothing of any other host, and saves screenshots to
``artifacts/`` (kept by CI).
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.serve.conftest import ROOT, TOKEN, LiveServer

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
ARTIFACTS = ROOT / "artifacts"
XSS_TEXT = ("Russian forces struck the port of Odesa with missiles on Saturday, Ukraine's military said, "
            "and officials in Kyiv said the attack damaged grain silos near the harbour.\n"
            "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\"> <b>not bold</b>")


def _need_browser() -> None:
    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "the playwright Python package is not installed (pip install -e '.[test]')"
    if reason is None and not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing (apt-get update && apt-get install -y chromium)"
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but the browser test cannot run: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A fresh Chromium profile, headless, with no background networking."""
    _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("profile")), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1400, "height": 1000})
        try:
            yield ctx
        finally:
            ctx.close()


def _sample_docs() -> list[dict[str, Any]]:
    """The bundled samples as API documents, read with the library's own readers (no model needed)."""
    from wirewatch.document import Document
    from wirewatch.ingest.sources import read_inputs

    docs = []
    for item in read_inputs([str(ROOT / "samples")]):
        assert isinstance(item, Document), item
        doc = {"id": item.id, "text": item.text, "title": item.title, "date": item.date.isoformat() if item.date else None}
        docs.append({k: v for k, v in doc.items() if v is not None})
    return docs


def _watch(page: Any, server: LiveServer) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: None if req.url.startswith((server.url, "data:")) else foreign.append(req.url))
    return errors, foreign


def test_browser_post_filter_open_document(live_server: LiveServer, context: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page = context.new_page()
    errors, foreign = _watch(page, live_server)
    docs = _sample_docs()
    assert len(docs) >= 3

    # One sample through the page's form, with the token.
    page.goto(live_server.url + "/")
    first = docs[0]
    page.fill("#post-text", first["text"])
    page.fill("#post-id", first["id"])
    page.fill("#post-title", first.get("title", ""))
    page.fill("#post-date", first.get("date", ""))
    page.fill("#post-token", TOKEN)
    page.click("#post-submit")
    page.wait_for_selector("#post-result a", timeout=120_000)
    assert page.text_content("#post-result a") == first["id"]

    # The rest through the API.
    resp = httpx.post(live_server.url + "/api/documents", json=docs[1:], timeout=300,
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 200, resp.text
    assert sorted(resp.json()["stored"]) == sorted(d["id"] for d in docs[1:])

    page.goto(live_server.url + "/")
    page.wait_for_selector("#events tbody tr")
    rows = page.locator("#events tbody tr")
    total = rows.count()
    assert total >= 5
    assert page.locator("#map path.land").count() > 100
    assert page.locator("#map circle.place").count() >= 1
    assert page.locator("#timeline rect.bar").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "serve-index.png"), full_page=True)

    # Filter by the type of the first row: every row left has it, fewer rows than before.
    types = [rows.nth(i).get_attribute("data-type") for i in range(total)]
    rare = min(set(types), key=types.count)
    page.select_option("#f-type", rare)
    page.click("#apply")
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=types.count(rare))
    assert all(rows.nth(i).get_attribute("data-type") == rare for i in range(rows.count()))
    assert "type=" + rare in page.url

    # Filter by an actor's name: every row left names it among the actors.
    page.click("#clear")
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=total)
    actor = page.locator("#events tbody tr td:nth-child(2)").first.text_content().split(" → ")[0].split(", ")[0]
    page.fill("#f-actor", actor)
    page.click("#apply")
    page.wait_for_function("() => new URLSearchParams(location.search).has('actor')")
    page.wait_for_function("""name => { const rows = [...document.querySelectorAll('#events tbody tr td:nth-child(2)')];
        return rows.length > 0 && rows.every(td => td.textContent.split(' → ')[0].includes(name)); }""", arg=actor)

    # Open a document: its evidence is highlighted.
    page.locator("#events tbody a.doclink").first.click()
    page.wait_for_selector("#doc-text")
    ev_spans = page.locator("#doc-text span.ev")
    assert ev_spans.count() >= 1
    assert page.eval_on_selector("#doc-text span.ev", "n => getComputedStyle(n).backgroundColor") != "rgba(0, 0, 0, 0)"
    evidence = page.locator("#doc-events blockquote.evidence").first.text_content().strip()
    highlighted = "".join(ev_spans.all_text_contents())
    assert evidence[:40] in highlighted
    page.locator("#doc-events li[data-event]").first.click()
    assert page.locator("#doc-text span.ev.focus").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "serve-document.png"), full_page=True)

    assert not errors, errors
    assert not foreign, f"the page asked other hosts: {foreign}"


def test_browser_api_docs_work_offline(live_server: LiveServer, context: Any) -> None:
    page = context.new_page()
    errors, foreign = _watch(page, live_server)
    page.goto(live_server.url + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=60_000)
    assert page.locator(".swagger-ui .opblock").count() >= 7
    assert "/api/events" in page.text_content(".swagger-ui")
    assert not errors and not foreign, (errors, foreign)


def test_browser_html_in_a_document_stays_text(live_server: LiveServer, context: Any) -> None:
    doc = {"id": "xss-<img src=x onerror=alert(1)>", "title": "<img src=x onerror=\"window.__pwned=3\">Odesa",
           "date": "2022-07-23", "text": XSS_TEXT}
    resp = httpx.post(live_server.url + "/api/documents", json=doc, timeout=300,
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 200, resp.text
    page = context.new_page()
    errors, foreign = _watch(page, live_server)
    events = httpx.get(live_server.url + "/api/events", params={"doc": doc["id"]}, timeout=60).json()["events"]
    if events:  # the title is shown in the table's document column
        page.goto(live_server.url + "/?" + str(httpx.QueryParams({"doc": doc["id"]})))
        page.wait_for_selector("#events tbody tr")
        assert page.locator("#events tbody img").count() == 0
        assert doc["title"] in page.locator("#events tbody a.doclink").first.text_content()
    page.goto(live_server.url + "/doc/" + quote(doc["id"], safe=""))
    page.wait_for_selector("#doc-text")
    assert "<script>window.__pwned = 1</script>" in page.text_content("#doc-text")
    assert doc["title"] == page.text_content("#doc-title")
    assert page.locator("#doc-text script, #doc-text img, #doc-text b, h1 img").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    assert not errors and not foreign
