"""The web page and the document view, rendered on the server."""
from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.serve.conftest import ROOT, make_record
from wirewatch.serve.highlight import Mark, marks_of, segments
from wirewatch.serve.stories import StoryAPI

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
STATIC = ROOT / "src" / "wirewatch" / "serve" / "static"


def test_index_has_the_filters_table_charts_and_form(client: Any) -> None:
    html = client.get("/").text
    for marker in ('id="filters"', 'id="events"', 'id="timeline"', 'id="map"', 'id="post"', 'id="post-token"',
                   'src="/static/app.js"'):
        assert marker in html
    assert "read-only" not in html


def test_page_assets_are_served_and_ask_no_other_host(client: Any) -> None:
    for name in ("app.js", "doc.js", "style.css", "world-110m.json"):
        resp = client.get(f"/static/{name}")
        assert resp.status_code == 200
        if name.endswith((".js", ".css")):
            assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", resp.text), name
    html = client.get("/").text
    assert not re.search(r'(src|href)="https?://', html)


def test_scripts_insert_text_only_as_text() -> None:
    for name in ("app.js", "doc.js"):
        source = (STATIC / name).read_text(encoding="utf-8")
        assert "innerHTML" not in source and "insertAdjacentHTML" not in source and "document.write" not in source


def test_world_outlines_are_natural_earth_countries_with_their_source() -> None:
    world = json.loads((STATIC / "world-110m.json").read_text(encoding="utf-8"))
    assert "Natural Earth" in world["source"] and "public domain" in world["source"]
    codes = {c["iso3"] for c in world["countries"]}
    assert len(world["countries"]) > 170 and {"RUS", "PRK", "UKR", "USA", "SGP"} - codes <= {"SGP"}
    lon, lat = world["countries"][0]["rings"][0][0]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_document_view_highlights_evidence_entities_times_and_claims(client: Any) -> None:
    html = client.get("/doc/doc-3").text
    rec = make_record("doc-3", n_events=3)
    for cls in ("ev", "ent ent-person", "ent ent-place", "time", "cue", "src", "content"):
        assert re.search(rf'<span class="[^"]*\b{cls}\b', html), cls
    assert 'data-events="v1 v2 v3"' in html
    assert rec["events"][0]["evidence"]["text"].split("\n")[0][:30] in html
    assert "Events (3)" in html and "state media" in html


def test_document_view_of_a_missing_document_is_404(client: Any) -> None:
    resp = client.get("/doc/absent")
    assert resp.status_code == 404 and "No such document" in resp.text


def test_segments_cover_the_text_exactly_and_skip_bad_spans() -> None:
    text = "Kim met Putin on Monday."
    marks = [Mark(0, 3, "ent", "Kim"), Mark(0, 23, "ev", "v1", "v1"), Mark(17, 23, "time", "t1"),
             Mark(20, 99, "ent", "bad"), Mark(5, 5, "ent", "empty")]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    assert segs[0].text == "Kim" and segs[0].classes == ["ent", "ev"] and segs[0].events == ["v1"]
    assert [s.text for s in segs if "time" in s.classes] == ["Monday"]


def test_marks_of_a_record_cover_every_kind() -> None:
    kinds = {m.cls.split()[0] for m in marks_of(make_record())}
    assert kinds == {"ent", "time", "cue", "src", "content", "ev"}


class FakeStories:
    """A story store over two stories, as ``wirewatch.stories`` would give."""

    STORIES = [{"schema": "wirewatch-story/1", "id": "s1", "type": "CONSULT", "sources": ["KCNA", "TASS"],
                "reports": [{"doc": "doc-1", "event": "v1", "status": "occurred", "evidence": "met"},
                            {"doc": "doc-3", "event": "v2", "status": "planned", "agency": "Yonhap",
                             "evidence": "will <meet>"}]},
               {"schema": "wirewatch-story/1", "id": "s2", "type": "ASSAULT", "sources": ["Army"],
                "reports": [{"doc": "doc-2", "event": "v1"}]}]

    def __init__(self) -> None:
        self.updated: list[list[str]] = []

    def list_stories(self, store: Any, *, limit: int, offset: int) -> list[dict[str, Any]]:
        return self.STORIES[offset:offset + limit]

    def get_story(self, store: Any, story_id: str) -> dict[str, Any] | None:
        return next((s for s in self.STORIES if s["id"] == story_id), None)

    def update_stories(self, store: Any, doc_ids: list[str]) -> None:
        self.updated.append(doc_ids)


@pytest.fixture
def story_client(db: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    from tests.serve.conftest import TOKEN, client_for

    fake = FakeStories()
    api = StoryAPI(list_stories=fake.list_stories, get_story=fake.get_story, update_stories=fake.update_stories)
    with client_for(db, monkeypatch, token=TOKEN, stories=api) as c:
        c.fake = fake
        yield c


def test_stories_are_served_when_a_story_store_exists(story_client: Any) -> None:
    body = story_client.get("/api/stories?limit=1").json()
    assert body["available"] is True and [s["id"] for s in body["stories"]] == ["s1"]
    assert story_client.get("/api/stories/s2").json()["type"] == "ASSAULT"
    assert story_client.get("/api/stories/s9").status_code == 404
    assert story_client.get("/api/health").json()["stories"] is True


def test_events_carry_their_story_reports_and_sources(story_client: Any) -> None:
    ev = story_client.get("/api/events/doc-1/v1").json()
    assert (ev["story"], ev["reports"], ev["sources"]) == ("s1", 2, ["KCNA", "TASS"])
    assert ev["story_detail"]["id"] == "s1"
    listed = {(e["doc"], e["id"]): e for e in story_client.get("/api/events").json()["events"]}
    assert listed[("doc-3", "v2")]["story"] == "s1" and listed[("doc-3", "v1")]["story"] is None


def test_document_view_lists_the_other_reports_of_an_events_story(story_client: Any) -> None:
    html = story_client.get("/doc/doc-1").text
    assert 'href="/doc/doc-3#v2"' in html and "Yonhap" in html and "will &lt;meet&gt;" in html


def test_posting_updates_the_stories(story_client: Any) -> None:
    from tests.serve.conftest import AUTH

    assert story_client.post("/api/documents", json={"id": "z", "text": "Z."}, headers=AUTH).status_code == 200
    assert story_client.fake.updated == [["z"]]
