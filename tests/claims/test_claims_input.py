"""Inputs the extractor refuses or passes through (no model needed)."""
from __future__ import annotations

import pytest
import spacy

from wirewatch.claims.extractor import UnparsedDocError, extract_claims


def test_unparsed_doc_raises_named_error() -> None:
    doc = spacy.blank("en")("The minister said that talks would resume.")
    with pytest.raises(UnparsedDocError, match="dependency-parsed"):
        extract_claims(doc)


def test_empty_doc_has_no_claims() -> None:
    assert extract_claims(spacy.blank("en")("")) == []
