"""From records to story events: read, collapse each document's repeats, cluster, build records.

Two methods: ``merge`` (wirewatch's, see :mod:`wirewatch.stories.cluster`) and ``gdelt`` (the
baseline: one story per type, actor countries, recipient countries and day, as GDELT
de-duplicates events).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from wirewatch.stories.cluster import cluster_reports, collapse_document
from wirewatch.stories.errors import RecordError
from wirewatch.stories.reports import Report, read_reports
from wirewatch.stories.similarity import THRESHOLD
from wirewatch.stories.story import story_record

METHODS = ("merge", "gdelt")


def gdelt_groups(reports: Iterable[Report]) -> list[list[Report]]:
    """The GDELT-style baseline: same type, actor countries, recipient countries and day."""
    groups: dict[tuple[Any, ...], list[Report]] = defaultdict(list)
    for r in reports:
        day = r.start.isoformat() if r.day_precise and r.start else (r.published.isoformat() if r.published else None)
        key = (r.type, frozenset(p.country for p in r.actors if p.country),
               frozenset(p.country for p in r.recipients if p.country), day)
        groups[key].append(r)
    return list(groups.values())


def _story_sort_key(reports: list[Report]) -> tuple[str, str, str]:
    starts = [r.start.isoformat() for r in reports if r.start]
    first = min(reports, key=lambda r: (r.doc, r.event))
    return (min(starts) if starts else "9999", first.doc, first.event)


def stories_of_reports(reports: list[Report], method: str = "merge", threshold: float = THRESHOLD) -> list[dict[str, Any]]:
    """Story records of reports (already one per act per document for ``merge``), ids s1, s2, ... by date."""
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r} (choose from {', '.join(METHODS)})")
    groups = gdelt_groups(reports) if method == "gdelt" else cluster_reports(reports, threshold)
    groups.sort(key=_story_sort_key)
    return [story_record(f"s{i}", g) for i, g in enumerate(groups, start=1)]


def document_reports(record: Any, origin: str, collapse: bool = True) -> list[Report]:
    """The reports of one record, one per act when ``collapse``.

    Raises:
        RecordError: the record is of another schema or references what it lacks.
    """
    reports = read_reports(record, origin)
    return collapse_document(reports) if collapse else reports


def build_stories(records: Iterable[tuple[Any, str]], method: str = "merge", threshold: float = THRESHOLD,
                  on_error: Callable[[RecordError], None] | None = None) -> list[dict[str, Any]]:
    """Story events of (record, origin) pairs.

    A bad record is passed to ``on_error`` and left out (raised when no handler is given).
    """
    reports: list[Report] = []
    for record, origin in records:
        try:
            reports += document_reports(record, origin, collapse=method == "merge")
        except RecordError as err:
            if on_error is None:
                raise
            on_error(err)
    return stories_of_reports(reports, method, threshold)
