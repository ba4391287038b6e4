"""wirewatch: news reports in, verifiable event records out (wirewatch/1).

Public API::

    import wirewatch
    record = wirewatch.extract_text(text, date="2023-09-11")
    for result in wirewatch.extract_files(["news/"]):
        ...
"""
from wirewatch.api import extract_files, extract_text, get_pipeline
from wirewatch.config import Config, load_config
from wirewatch.document import Document
from wirewatch.errors import (
    ConfigError,
    InputError,
    StageError,
    StoreError,
    WirewatchError,
)
from wirewatch.pipeline import Pipeline, Result, stage
from wirewatch.record import SCHEMA, to_record
from wirewatch.store import EventQuery, Store

__version__ = "0.1.0"

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "EventQuery",
    "InputError",
    "Pipeline",
    "Result",
    "SCHEMA",
    "StageError",
    "Store",
    "StoreError",
    "WirewatchError",
    "extract_files",
    "extract_text",
    "get_pipeline",
    "load_config",
    "stage",
    "to_record",
]
