"""The errors of story merging: a record that cannot be read as wirewatch/1.

::

    InputError (wirewatch.errors)
    └── RecordError               a record of another schema version, or one whose events
                                  reference entities or claims it does not have
"""
from __future__ import annotations

from wirewatch.errors import InputError


class RecordError(InputError):
    """A record cannot be merged into stories: wrong schema or dangling references.

    Attributes:
        origin: where the record came from ("records.jsonl line 3", "database w.db").
        doc_id: the record's document id when known.
        reason: what was wrong and what to do.
    """
