"""Stories (wirewatch-story/1) for the server, through the store API of ``wirewatch.stories`` once it exists.

The check is explicit: :func:`find_story_api` imports ``wirewatch.stories`` and takes it as a
story store only when it offers the functions below, or the story store of issue 12
(``wirewatch.stories.store``: ``StoryStore`` and ``update_stories``), adapted to them; without
either the story endpoints answer an empty list (and 404 for one story), and events carry no story.

The functions, of ``wirewatch.stories`` or of the adapter:

- ``list_stories(store, *, limit, offset) -> list[dict]``: stored stories (wirewatch-story/1), a page;
- ``get_story(store, story_id) -> dict | None``: one stored story;
- optional ``story_for_event(store, doc_id, event_id) -> dict | None``: the story an event belongs to
  (without it the server looks through ``list_stories``);
- optional ``update_stories(store, doc_ids) -> None``: merge newly stored documents into stories.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from typing import Any

MODULE = "wirewatch.stories"
REQUIRED = ("list_stories", "get_story")
SCAN_LIMIT = 10_000  # stories looked through for an event's story when the module has no story_for_event


@dataclass(frozen=True)
class StoryAPI:
    """The story functions found in ``wirewatch.stories``."""

    list_stories: Callable[..., list[dict[str, Any]]]
    get_story: Callable[..., dict[str, Any] | None]
    story_for_event: Callable[..., dict[str, Any] | None] | None = None
    update_stories: Callable[..., Any] | None = None
    stories_for_events: Callable[..., dict[tuple[str, str], dict[str, Any]]] | None = None

    def for_event(self, store: Any, doc_id: str, event_id: str) -> dict[str, Any] | None:
        """The story holding event ``event_id`` of ``doc_id``, or None."""
        if self.story_for_event is not None:
            return self.story_for_event(store, doc_id, event_id)
        for story in self.list_stories(store, limit=SCAN_LIMIT, offset=0):
            if any(r.get("doc") == doc_id and r.get("event") == event_id for r in story.get("reports", [])):
                return story
        return None


def find_story_api(module: str = MODULE) -> StoryAPI | None:
    """The story store API of ``module``, or None when there is none.

    Either ``module`` itself offers ``list_stories`` and ``get_story`` (and optionally
    ``story_for_event``, ``update_stories``), or its ``store`` submodule offers the story store
    of issue 12 (``StoryStore(store)`` with ``stories()`` and ``story(id)``, and
    ``update_stories(store)``), which is adapted here.
    """
    mod = _import(module)
    if mod is None:
        return None
    if all(callable(getattr(mod, name, None)) for name in REQUIRED):
        return StoryAPI(list_stories=mod.list_stories, get_story=mod.get_story,
                        story_for_event=getattr(mod, "story_for_event", None),
                        update_stories=getattr(mod, "update_stories", None))
    sub = _import(f"{module}.store")
    kind = getattr(sub, "StoryStore", None)
    if sub is None or kind is None or not all(callable(getattr(kind, m, None)) for m in ("stories", "story")) \
            or not callable(getattr(sub, "update_stories", None)):
        return None
    return _adapt(kind, sub.update_stories)


def _import(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and name.startswith(exc.name):
            return None
        raise


def _adapt(story_store: Any, update: Callable[..., Any]) -> StoryAPI:
    """A :class:`StoryAPI` over ``wirewatch.stories.store``: stories read and updated in the same store."""
    def list_stories(store: Any, *, limit: int, offset: int) -> list[dict[str, Any]]:
        return list(islice(story_store(store).stories(), offset, offset + limit))

    def get_story(store: Any, story_id: str) -> dict[str, Any] | None:
        return story_store(store).story(story_id)  # type: ignore[no-any-return]

    def story_for_event(store: Any, doc_id: str, event_id: str) -> dict[str, Any] | None:
        ss = story_store(store)
        rows = ss.sql.fetchall("SELECT story_id FROM story_reports WHERE doc_id = ? AND event_id = ?",
                               (doc_id, event_id))
        return ss.story(f"s{rows[0][0]}") if rows else None  # type: ignore[no-any-return]

    def stories_for_events(store: Any, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Any]]:
        ss, wanted, found = story_store(store), set(keys), {}
        docs = sorted({d for d, _ in keys})
        for i in range(0, len(docs), 500):
            chunk = docs[i:i + 500]
            rows = ss.sql.fetchall("SELECT doc_id, event_id, story_id FROM story_reports WHERE doc_id IN "
                                   f"({','.join('?' * len(chunk))})", chunk)
            found.update({(str(d), str(e)): int(sid) for d, e, sid in rows if (d, e) in wanted})
        stories = {sid: ss.story(f"s{sid}") for sid in set(found.values())}
        return {key: stories[sid] for key, sid in found.items() if stories[sid] is not None}

    def update_stories(store: Any, doc_ids: list[str]) -> None:
        update(store)  # brings every pending document's reports into their stories

    return StoryAPI(list_stories=list_stories, get_story=get_story, story_for_event=story_for_event,
                    update_stories=update_stories, stories_for_events=stories_for_events)
