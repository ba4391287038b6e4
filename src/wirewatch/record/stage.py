"""The record stage: drop what only the stages needed, so finished documents are light."""
from __future__ import annotations

from wirewatch.document import Document
from wirewatch.pipeline.registry import stage


@stage("record", requires=("entities",), provides=("record",))
def run(doc: Document, ctx) -> None:  # type: ignore[no-untyped-def]
    """Release the parsed spaCy document: the record holds everything it needs."""
    doc.spacy_doc = None
