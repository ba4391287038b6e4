"""Features shared by the learner and the extractor: the cue-span keys of a cue head's children."""
from __future__ import annotations

import pytest
from spacy.language import Language

from wirewatch.claims.features import child_keys, right_side

pytestmark = pytest.mark.slow


def _child(doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


def test_right_child_side_follows_the_content(nlp: Language) -> None:
    text = "The senator said Thursday that the bill would pass."
    doc = nlp(text)
    said, thursday = _child(doc, "said"), _child(doc, "Thursday")
    assert thursday.head.i == said.i
    after = (text.index("the bill"), len(text) - 1)
    assert right_side(thursday, said, after) == "R>"
    assert right_side(thursday, said, (0, 3)) == "R<"
    keys = child_keys(thursday, said, after)
    assert keys[0][2] == "R>" and keys[-1][2] == "R"  # contextual keys first, then any right child


def test_without_content_only_the_plain_side_is_used(nlp: Language) -> None:
    doc = nlp("The senator also said Thursday that the bill would pass.")
    said = _child(doc, "said")
    assert {k[2] for k in child_keys(_child(doc, "Thursday"), said)} == {"R"}
    assert {k[2] for k in child_keys(_child(doc, "also"), said)} == {"L"}
