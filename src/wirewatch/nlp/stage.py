"""The nlp stage: tokens, sentences, tags, dependencies and named entities for a batch."""
from __future__ import annotations

from typing import Any

from wirewatch.document import Document
from wirewatch.pipeline.registry import stage


@stage("nlp", requires=("text", "headings", "dateline"), provides=("spacy_doc",), batch=True)
def run(docs: list[Document], ctx) -> None:  # type: ignore[no-untyped-def]
    """Parse every document of the batch with one ``nlp.pipe`` call; the dateline ends a sentence."""
    nlp = ctx.nlp
    tokenized = [mark_boundaries(nlp.make_doc(d.text), d) for d in docs]
    for doc, parsed in zip(docs, nlp.pipe(tokenized, batch_size=ctx.config.batch_size)):
        doc.spacy_doc = parsed


def mark_boundaries(sdoc: Any, doc: Document) -> Any:
    """Start a sentence right after the dateline, so that "(EFE).-" is not part of the first sentence."""
    if doc.dateline is not None:
        for tok in sdoc:
            if tok.idx >= doc.dateline.end:
                tok.is_sent_start = True
                break
    return sdoc
