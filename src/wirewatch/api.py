"""The library's entry points: turn texts or files into wirewatch/1 records."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from wirewatch.config import Config
from wirewatch.document import Document
from wirewatch.ingest.sources import content_id, read_inputs
from wirewatch.pipeline.runner import Pipeline, Result
from wirewatch.record.serialize import to_record

_PIPELINES: dict[Config | None, Pipeline] = {}


def get_pipeline(config: Config | None = None) -> Pipeline:
    """A pipeline for ``config`` (the default one if None), built once and reused."""
    if config not in _PIPELINES:
        _PIPELINES[config] = Pipeline(config)
    return _PIPELINES[config]


def extract_text(text: str, *, id: str | None = None, date: dt.date | str | None = None,  # noqa: A002
                 title: str | None = None, url: str | None = None, config: Config | None = None) -> dict[str, Any]:
    """The wirewatch/1 record of one text.

    Raises:
        wirewatch.errors.WirewatchError: the text could not be analysed (empty, not English, ...).
    """
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    doc = Document(id=id or content_id(text), text=text, title=title, date=date,
                   date_source="metadata" if date else None, url=url, origin=id or "<text>")
    return to_record(get_pipeline(config).process(doc))


def extract_files(paths: Iterable[str], fmt: str = "auto", config: Config | None = None) -> Iterator[Result]:
    """Results (record or error) for every document in files, folders, globs or ``-`` (stdin)."""
    pipe = get_pipeline(config)
    return pipe.run(read_inputs(paths, fmt, pipe.config.max_bytes))
