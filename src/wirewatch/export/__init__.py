"""Exports of stored events for other tools: CSV, Parquet, GeoJSON and JSON Lines.

``export_events(store, query, fmt, output)`` writes the events ``Store.events(query)`` yields
(the filters of ``wirewatch events``) in one of ``FORMATS``:

- ``csv``: one row per event, the columns of ``COLUMNS`` (date, type, mode, actor and recipient
  name/country/sector, place name/country/latitude/longitude/GeoNames id, status, confidence,
  document id, title and URL, evidence);
- ``parquet``: the same columns, typed (``date_start``/``date_end`` as date32, coordinates and
  confidence as float64, the GeoNames id as int64); needs a file;
- ``geojson``: a FeatureCollection of the events that have a place with coordinates, each a
  Point ``[lon, lat]`` whose properties are the CSV columns;
- ``jsonl``: one stored event per line, as ``wirewatch events --format jsonl`` prints it.

A file is replaced only when the export is complete; without a file the export goes to stdout.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wirewatch.export.rows import COLUMNS, flat_row
from wirewatch.export.writers import ExportError, text_output, write_csv, write_geojson, write_jsonl, write_parquet
from wirewatch.store import EventQuery, Store

FORMATS = ("csv", "parquet", "geojson", "jsonl")

__all__ = ["COLUMNS", "ExportError", "ExportStats", "FORMATS", "export_events", "flat_row"]


@dataclass(frozen=True)
class ExportStats:
    """What an export wrote: events written, and events left out (GeoJSON: no coordinates)."""

    written: int
    skipped: int = 0


def export_events(store: Store, query: EventQuery, fmt: str, output: str | Path | None = None) -> ExportStats:
    """Write the stored events matching ``query`` in format ``fmt`` to ``output`` (None or "-": stdout).

    Raises:
        ExportError: an unknown format, Parquet without a file, or a target that cannot be written.
        StoreError: the database could not be read.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    events = store.events(query)
    if fmt == "parquet":
        if output is None or str(output) == "-":
            raise ExportError("parquet is a binary format: give a file with -o FILE")
        return ExportStats(write_parquet(events, output))
    with text_output(output) as out:
        if fmt == "csv":
            return ExportStats(write_csv(events, out))
        if fmt == "jsonl":
            return ExportStats(write_jsonl(events, out))
        written, skipped = write_geojson(events, out)
        return ExportStats(written, skipped)
