"""The nlp stage: tokens, sentences, tags, dependencies and named entities for a batch."""
from __future__ import annotations

from wirewatch.document import Document
from wirewatch.pipeline.registry import stage


@stage("nlp", requires=("text", "headings"), provides=("spacy_doc",), batch=True)
def run(docs: list[Document], ctx) -> None:  # type: ignore[no-untyped-def]
    """Parse every document of the batch with one ``nlp.pipe`` call."""
    for doc, parsed in zip(docs, ctx.nlp.pipe([d.text for d in docs], batch_size=ctx.config.batch_size)):
        doc.spacy_doc = parsed

