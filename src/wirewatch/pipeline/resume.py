"""Resuming an interrupted ingest: documents the store already holds, unchanged, are not redone.

The store knows a document by its id and the hash of what makes it the same document (its
text, title, date and URL; see ``content_hash`` in the store). The title and date may come
from the text itself (a headline, a dateline), so the key of an input document is computed
after the ``ingest`` stage alone, which is cheap (no model). A document stored with the same
key would be stored "unchanged" again; skipping it saves the whole pipeline.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from types import SimpleNamespace
from typing import Any, Protocol

from wirewatch.config import Config
from wirewatch.document import Document
from wirewatch.errors import InputError
from wirewatch.store.sqlite import content_hash

Item = Document | InputError


class RecordStore(Protocol):
    """What resuming needs of a store."""

    def count(self, table: str = "documents") -> int:
        """Number of stored documents."""

    def record(self, doc_id: str) -> dict[str, Any] | None:
        """The stored record of a document, or None."""


def document_key(doc: Document, config: Config) -> str | None:
    """The content hash the record of ``doc`` will have, or None if the document fails its checks."""
    from wirewatch.ingest.stage import run as ingest_stage

    probe = dataclasses.replace(doc)
    try:
        ingest_stage(probe, SimpleNamespace(config=config))
    except InputError:
        return None
    head = {"text": probe.text, "title": probe.title, "url": probe.url,
            "date": probe.date.isoformat() if probe.date else None}
    return content_hash({"doc": head})


class SkipStored:
    """Filters out documents already stored unchanged; counts them in ``skipped``.

    Example:
        >>> skip = SkipStored(store, config)                  # doctest: +SKIP
        >>> for outcome in process(skip(read_inputs(paths)), config): ...  # doctest: +SKIP
    """

    def __init__(self, store: RecordStore, config: Config) -> None:
        self.store, self.config = store, config
        self.skipped = 0

    def __call__(self, items: Iterable[Item]) -> Iterator[Item]:
        """``items`` less the documents the store holds with the same content."""
        if self.store.count() == 0:
            yield from items
            return
        for item in items:
            if isinstance(item, Document) and self.stored(item):
                self.skipped += 1
                continue
            yield item

    def stored(self, doc: Document) -> bool:
        """Whether the store holds ``doc`` with the content it has now."""
        rec = self.store.record(doc.id)
        return rec is not None and content_hash(rec) == document_key(doc, self.config)
