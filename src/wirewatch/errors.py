"""The exceptions wirewatch raises.

::

    WirewatchError                      base of everything below
    ├── ConfigError                     a bad setting or stage order
    ├── InputError                      a document could not be read (file, line, id, reason)
    │   ├── EmptyInputError
    │   ├── BinaryInputError
    │   ├── EncodingError
    │   ├── MalformedInputError         invalid JSON line, a line without text, HTML without article
    │   ├── InputTooLargeError
    │   └── LanguageError               not English
    ├── StageError                      a stage failed on one document (document id, stage)
    └── StoreError                      the database could not be opened, migrated or written

Every error carries its context as attributes, and its message names the input and says what
to do, e.g. ``in.jsonl line 12: no 'text' field (expected {id, text, date?})``.
"""
from __future__ import annotations


class WirewatchError(Exception):
    """Base class of wirewatch's errors."""


class ConfigError(WirewatchError):
    """A setting or the stage order is wrong."""


class InputError(WirewatchError):
    """A document could not be read.

    Attributes:
        origin: where the document came from ("in.jsonl line 12", "page.html", "<stdin>").
        doc_id: the document's id when known.
        reason: what was wrong and what to do.
    """

    def __init__(self, origin: str, reason: str, doc_id: str | None = None) -> None:
        self.origin, self.reason, self.doc_id = origin, reason, doc_id
        where = origin if not doc_id or doc_id in origin else f"{origin} (id {doc_id})"
        super().__init__(f"{where}: {reason}")


class EmptyInputError(InputError):
    """The document has no text."""


class BinaryInputError(InputError):
    """The input is binary data, not text."""


class EncodingError(InputError):
    """The input is not valid UTF-8."""


class MalformedInputError(InputError):
    """The input is structurally wrong: invalid JSON, no text field, HTML without an article."""


class InputTooLargeError(InputError):
    """The document is larger than the configured limit."""


class LanguageError(InputError):
    """The document is not in English."""


class StageError(WirewatchError):
    """A pipeline stage failed on one document.

    Attributes:
        doc_id: the document's id.
        origin: where the document came from.
        stage: the stage's name.
    """

    def __init__(self, doc_id: str, origin: str, stage: str, cause: BaseException) -> None:
        self.doc_id, self.origin, self.stage = doc_id, origin, stage
        where = origin or doc_id
        super().__init__(f"{where} (id {doc_id}): stage '{stage}' failed: {type(cause).__name__}: {cause}")


class StoreError(WirewatchError):
    """The database could not be opened, migrated or written."""
