"""Fixtures for the server's tests: small hand-made records, an app over a temporary store, a live server."""
from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

TOKEN = "s3cret-token-for-tests"
ROOT = Path(__file__).resolve().parents[2]

TEXT = ("SEOUL, Sept 11 (Test Desk) - North Korean leader Kim Jong-un met Russian President Vladimir Putin "
        "in Vladivostok on Monday, state media said.\n<script>alert('x')</script> and <b>bold</b> stay text.")


def make_record(doc_id: str = "doc-1", text: str = TEXT, event_type: str = "CONSULT", date: str = "2023-09-11",
                n_events: int = 1) -> dict[str, Any]:
    """A valid wirewatch/1 record built by hand: two people, a city, a time, a claim, ``n_events`` events."""
    kim, putin, city = text.find("Kim Jong-un"), text.find("Vladimir Putin"), text.find("Vladivostok")
    cue = text.find("said")
    ev_end = text.find("said") + 4
    entities = [
        {"id": "e1", "name": "Kim Jong-un", "kind": "person", "country": "PRK", "sector": "GOV", "role": None,
         "wikidata": None, "geo": None, "mentions": [{"start": kim, "end": kim + 11, "text": "Kim Jong-un"}]},
        {"id": "e2", "name": "Vladimir Putin", "kind": "person", "country": "RUS", "sector": "GOV", "role": None,
         "wikidata": None, "geo": None, "mentions": [{"start": putin, "end": putin + 14, "text": "Vladimir Putin"}]},
        {"id": "e3", "name": "Vladivostok", "kind": "place", "country": "RUS", "sector": None, "role": None,
         "wikidata": None, "geo": {"geonames": 2013348, "lat": 43.1056, "lon": 131.8735, "feature": "city"},
         "mentions": [{"start": city, "end": city + 11, "text": "Vladivostok"}]},
    ]
    day = text.find("Monday")
    times = [{"id": "t1", "start": day, "end": day + 6, "text": "Monday", "type": "DATE", "value": date}]
    claims = [{"id": "c1", "source": None, "source_text": "state media", "source_span": [cue - 12, cue - 1],
               "via": [], "anonymous": False, "cue": "said", "cue_span": [cue, cue + 4],
               "content_span": [text.find("North"), cue - 14], "stance": "reported"}]
    event = {"type": event_type, "mode": "visit", "contexts": [], "actors": ["e1"], "recipients": ["e2"],
             "place": "e3", "date": {"value": date, "start": date, "end": date}, "status": "occurred",
             "claims": ["c1"], "evidence": {"start": text.find("North"), "end": ev_end,
                                            "text": text[text.find("North"):ev_end]}, "confidence": 0.8}
    events = [dict(copy.deepcopy(event), id=f"v{i + 1}") for i in range(n_events)]
    return {"schema": "wirewatch/1",
            "doc": {"id": doc_id, "title": f"Title of {doc_id}", "text": text, "language": "en", "date": date,
                    "date_source": "metadata", "agency": "Test Desk", "dateline": None, "url": None},
            "entities": entities, "times": times, "claims": claims, "events": events}


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``wirewatch serve`` in a subprocess on a loopback port, with a temporary database."""

    def __init__(self, db: Path, token: str | None, log: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "WIREWATCH_TOKEN"}
        if token:
            env["WIREWATCH_TOKEN"] = token
        self.log = log
        self._log_fh = log.open("wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--db", str(db),
                                      "--port", str(self.port)], env=env, cwd=ROOT,
                                     stdout=self._log_fh, stderr=subprocess.STDOUT)

    def wait(self, seconds: float = 180) -> None:
        """Wait until /api/health answers (the model is loaded at start-up)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited with {self.proc.returncode}: {self.log.read_text()[-2000:]}")
            try:
                if httpx.get(self.url + "/api/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"server did not answer within {seconds}s: {self.log.read_text()[-2000:]}")

    def stop(self) -> None:
        """Stop the server and wait for it."""
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log_fh.close()


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A real server (uvicorn, subprocess) with a fresh database and the test token."""
    tmp = tmp_path_factory.mktemp("live")
    server = LiveServer(tmp / "live.db", TOKEN, tmp / "server.log")
    try:
        server.wait()
        yield server
    finally:
        server.stop()


def fake_extract(items: list[Any], config: Any) -> list[Any]:
    """Stand-in for the pipeline in unit tests: a hand-made record per document, input errors passed on."""
    from wirewatch.document import Document

    return [make_record(i.id, i.text) if isinstance(i, Document) else i for i in items]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with three documents: CONSULT in Russia on 2023-09-11, ASSAULT on 2022-07-23, AGREE with 3 events."""
    from wirewatch.store import Store

    path = tmp_path / "serve.db"
    with Store(path) as store:
        store.save([make_record("doc-1"), make_record("doc-2", event_type="ASSAULT", date="2022-07-23"),
                    make_record("doc-3", event_type="AGREE", date="2024-01-05", n_events=3)])
    return path


def client_for(db: Path | str, monkeypatch: pytest.MonkeyPatch, **settings: Any) -> Any:
    """A test client over ``db`` whose extraction is :func:`fake_extract` (no model)."""
    from fastapi.testclient import TestClient

    from wirewatch.serve import ServeSettings, create_app
    from wirewatch.serve import intake

    monkeypatch.setattr(intake, "extract_records", fake_extract)
    stories = settings.pop("stories", None)
    find = settings.pop("find_stories", False)
    app = create_app(ServeSettings(db=str(db), **settings), stories=stories, find_stories=find)
    return TestClient(app)


@pytest.fixture
def client(db: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A client of a writable server (token :data:`TOKEN`)."""
    with client_for(db, monkeypatch, token=TOKEN, max_request_bytes=20_000, max_documents=5) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}
