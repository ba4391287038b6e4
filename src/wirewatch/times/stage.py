"""The times stage: every time expression normalized to a TIMEX3 value on the document date."""
from __future__ import annotations

from wirewatch.document import Document, Timex
from wirewatch.pipeline.registry import stage


@stage("times", requires=("spacy_doc", "date"), provides=("times",))
def run(doc: Document, ctx) -> None:  # type: ignore[no-untyped-def]
    """Tag and normalize the document's time expressions, anchored on its date."""
    from wirewatch.times.tagger import tag_times

    for i, t in enumerate(tag_times(doc.text, doc.date, doc.spacy_doc), start=1):
        doc.times.append(Timex(f"t{i}", t.start, t.end, t.text, t.type, t.value))
