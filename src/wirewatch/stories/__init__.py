"""Stories: one real-world event, every report of it, every source and every disagreement.

Merges the events of many wirewatch/1 records that state the same real-world event into
story events (wirewatch-story/1, ``../shared/docs/STORIES.md``)::

    from wirewatch.stories import build_stories
    stories = build_stories((rec, "records.jsonl") for rec in records)
"""
from wirewatch.stories.errors import RecordError
from wirewatch.stories.merge import METHODS, build_stories, document_reports, stories_of_reports
from wirewatch.stories.story import SCHEMA

__all__ = ["METHODS", "SCHEMA", "RecordError", "build_stories", "document_reports", "stories_of_reports"]
