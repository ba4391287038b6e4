"""POST /api/documents: a request body read within limits, extracted off the event loop, stored.

Extraction runs in one worker thread at a time (the pipeline and its model are loaded once
per process and are not shared between threads), so the event loop keeps answering reads.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import anyio
from starlette.requests import Request

from wirewatch.api import get_pipeline
from wirewatch.config import Config
from wirewatch.document import Document
from wirewatch.errors import InputError, WirewatchError
from wirewatch.ingest.sources import read_json_array
from wirewatch.record.serialize import to_record
from wirewatch.serve.access import StorePool
from wirewatch.serve.errors import ApiError
from wirewatch.serve.stories import StoryAPI

ORIGIN = "request"


@dataclass
class Outcome:
    """What a POST did: the stored ids, the save counts and one error per refused document."""

    stored: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    added: int = 0
    replaced: int = 0
    unchanged: int = 0


async def read_body(request: Request, max_bytes: int) -> bytes:
    """The request body, refused with 413 as soon as it is known to exceed ``max_bytes``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise ApiError(413, f"request body of {int(declared):,} bytes is over the {max_bytes:,}-byte limit; "
                            "send fewer or shorter documents per request")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise ApiError(413, f"request body is over the {max_bytes:,}-byte limit; "
                                "send fewer or shorter documents per request")
        chunks.append(chunk)
    return b"".join(chunks)


def parse_documents(body: bytes, max_documents: int) -> list[Document | InputError]:
    """The documents of a body holding one ``{id, text, ...}`` object or a list of them.

    Raises:
        ApiError: 422 when the body is not JSON, not an object or list, empty, or has too many documents.
    """
    try:
        value = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ApiError(422, f"request body is not JSON ({exc}); expected {{id, text, date?, title?, url?}} "
                            "or a list of them") from exc
    if not isinstance(value, dict | list):
        raise ApiError(422, "request body must be a document {id, text, date?, title?, url?} or a list of them")
    n = len(value) if isinstance(value, list) else 1
    if n == 0:
        raise ApiError(422, "request holds no documents")
    if n > max_documents:
        raise ApiError(422, f"request holds {n} documents; at most {max_documents} per request")
    return list(read_json_array(body, ORIGIN))


def extract_records(items: list[Document | InputError], config: Config | None) -> list[dict[str, Any] | WirewatchError]:
    """For each item, in order, its wirewatch/1 record or the error that stopped it."""
    return [to_record(r.doc) if r.ok else r.error  # type: ignore[arg-type, misc]
            for r in get_pipeline(config).run(items)]


def extract_and_store(items: list[Document | InputError], pool: StorePool, config: Config | None,
                      stories: StoryAPI | None) -> Outcome:
    """Extract every document, store the records in one transaction, update stories (blocking)."""
    out, records = Outcome(), []
    for n, result in enumerate(extract_records(items, config)):
        if isinstance(result, dict):
            records.append(result)
            out.stored.append(result["doc"]["id"])
        else:
            out.errors.append({"index": n, "id": _doc_id(items[n]), "error": str(result)})
    if records:
        store = pool.get()
        stats = store.save(records)
        out.added, out.replaced, out.unchanged = stats.added, stats.replaced, stats.unchanged
        if stories is not None and stories.update_stories is not None:
            stories.update_stories(store, out.stored)
    return out


def _doc_id(item: Document | InputError) -> str | None:
    return item.id if isinstance(item, Document) else item.doc_id


class Extractor:
    """Runs extractions one at a time in a worker thread."""

    def __init__(self, pool: StorePool, config: Config | None, stories: StoryAPI | None) -> None:
        self.pool, self.config, self.stories = pool, config, stories
        self._limiter: anyio.CapacityLimiter | None = None

    async def run(self, items: list[Document | InputError]) -> Outcome:
        """Extract and store ``items`` off the event loop."""
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(1)
        return await anyio.to_thread.run_sync(extract_and_store, items, self.pool, self.config, self.stories,
                                              limiter=self._limiter)

    async def preload(self) -> None:
        """Load the pipeline's model and data now, in the worker thread."""
        def load() -> None:
            get_pipeline(self.config).ctx.load_all()
        if self._limiter is None:
            self._limiter = anyio.CapacityLimiter(1)
        await anyio.to_thread.run_sync(load, limiter=self._limiter)
