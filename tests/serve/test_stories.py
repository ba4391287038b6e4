"""The story endpoints over the real story store of ``wirewatch.stories`` (issue 12)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.serve.conftest import AUTH, TOKEN, client_for, make_record
from wirewatch.serve.stories import find_story_api

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_the_real_story_store_is_found() -> None:
    api = find_story_api()
    assert api is not None and api.story_for_event is not None and api.update_stories is not None


def test_posted_reports_of_one_event_share_a_story(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with client_for(db, monkeypatch, token=TOKEN, find_stories=True) as c:
        assert c.get("/api/health").json()["stories"] is True
        text = make_record()["doc"]["text"]
        resp = c.post("/api/documents", json=[{"id": "again-1", "text": text}, {"id": "again-2", "text": text}],
                      headers=AUTH)
        assert resp.status_code == 200, resp.text
        body: dict[str, Any] = c.get("/api/stories").json()
        assert body["available"] is True and body["stories"]
        ev = c.get("/api/events/again-1/v1").json()
        assert ev["story"] is not None and ev["reports"] >= 2
        story = c.get(f"/api/stories/{ev['story']}").json()
        assert {"again-1", "again-2"} <= {r["doc"] for r in story["reports"]}
        listed = c.get("/api/events?doc=again-2").json()["events"]
        assert listed[0]["story"] == ev["story"] and listed[0]["reports"] == ev["reports"]
        html = c.get("/doc/again-1").text
        assert 'href="/doc/again-2#v1"' in html
        assert c.get("/api/stories/s99999").status_code == 404
