"""What one server process holds: its settings, its stores, its extractor and the story API."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wirewatch.serve.access import StorePool
from wirewatch.serve.intake import Extractor
from wirewatch.serve.settings import ServeSettings
from wirewatch.serve.stories import SCAN_LIMIT, StoryAPI, find_story_api

StoryLookup = Callable[[str, str], dict[str, Any] | None]


class ServerState:
    """Shared by every request of one app."""

    def __init__(self, settings: ServeSettings, stories: StoryAPI | None = None, find_stories: bool = True) -> None:
        self.settings = settings
        self.pool = StorePool(settings.db)
        self.stories = stories if stories is not None or not find_stories else find_story_api()
        self.extractor = Extractor(self.pool, settings.config, self.stories)

    def story_lookup(self, store: Any, keys: list[tuple[str, str]] | None = None) -> StoryLookup:
        """A function from (document id, event id) to the event's story, for one request.

        Args:
            store: this thread's store.
            keys: the events the request will ask about, fetched together when the API can.
        """
        api = self.stories
        if api is None:
            return lambda doc_id, event_id: None
        if keys is not None and api.stories_for_events is not None:
            found = api.stories_for_events(store, keys)
            return lambda doc_id, event_id: found.get((doc_id, event_id))
        if api.story_for_event is not None:
            return lambda doc_id, event_id: api.for_event(store, doc_id, event_id)
        index: dict[tuple[str, str], dict[str, Any]] | None = None

        def lookup(doc_id: str, event_id: str) -> dict[str, Any] | None:
            nonlocal index
            if index is None:  # built once per request, on the first event
                index = {(r.get("doc"), r.get("event")): s
                         for s in api.list_stories(store, limit=SCAN_LIMIT, offset=0) for r in s.get("reports", [])}
            return index.get((doc_id, event_id))
        return lookup

    @staticmethod
    def with_story(event: dict[str, Any], story_of: StoryLookup, full: bool = False) -> dict[str, Any]:
        """``event`` with its story's id, report count and sources (and the story itself if ``full``)."""
        story = story_of(event["doc"], event["id"])
        if story is not None:
            event["story"] = story.get("id")
            event["reports"] = len(story.get("reports", [])) or 1
            event["sources"] = list(story.get("sources", [])) or event["sources"]
            if full:
                event["story_detail"] = story
        return event
