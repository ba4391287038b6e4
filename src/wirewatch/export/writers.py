"""Writers of exported events: CSV, JSON Lines, GeoJSON and Parquet, to a file (atomically) or stdout.

A file is written to a temporary file beside it and renamed over the target only when the
export is complete, so an interrupted or failed export never leaves a half-written file.
"""
from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from wirewatch.errors import WirewatchError
from wirewatch.export.rows import COLUMNS, DATE_COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, calendar_date, flat_row

PARQUET_ROWS = 10_000  # rows per Parquet row group, and held in memory at once


class ExportError(WirewatchError):
    """An export could not be written (bad target, a format that needs a file)."""


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """A temporary path beside ``path`` that replaces it when the block ends without error."""
    target = Path(path)
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name with -o")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    os.close(fd)
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)  # the permissions a new file gets, not mkstemp's owner-only ones
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def text_output(path: str | Path | None) -> Iterator[IO[str]]:
    """A text stream to ``path`` (atomically) or, when None or "-", to stdout."""
    if path is None or str(path) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        yield fh


def _csv_value(value: Any) -> str:
    return "" if value is None else str(value)


def write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One header line, then one row per event; returns the number of events."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    n = 0
    for ev in events:
        row = flat_row(ev)
        writer.writerow([_csv_value(row[c]) for c in COLUMNS])
        n += 1
    return n


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One stored event (with its actors and recipients as lists) per line."""
    n = 0
    for ev in events:
        out.write(json.dumps(ev, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> tuple[int, int]:
    """A FeatureCollection of the events that have a place with coordinates.

    Each feature is a Point ``[longitude, latitude]`` whose properties are the CSV columns.
    Returns (features written, events left out for want of coordinates).
    """
    out.write('{"type": "FeatureCollection", "features": [')
    written = skipped = 0
    for ev in events:
        row = flat_row(ev)
        if row["latitude"] is None or row["longitude"] is None:
            skipped += 1
            continue
        feature = {"type": "Feature", "id": f"{row['doc_id']}/{row['event_id']}",
                   "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                   "properties": row}
        out.write(("," if written else "") + "\n" + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, skipped


def parquet_schema() -> Any:
    """The Arrow schema of the Parquet export: dates as date32, floats, ints, the rest strings."""
    import pyarrow as pa

    def kind(column: str) -> Any:
        if column in DATE_COLUMNS:
            return pa.date32()
        if column in FLOAT_COLUMNS:
            return pa.float64()
        if column in INT_COLUMNS:
            return pa.int64()
        return pa.string()

    return pa.schema([pa.field(c, kind(c)) for c in COLUMNS])


def write_parquet(events: Iterable[dict[str, Any]], path: str | Path) -> int:
    """The events as a Parquet file (atomically), one row group per ``PARQUET_ROWS`` events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    with atomic_path(path) as tmp:
        with pq.ParquetWriter(str(tmp), schema) as writer:
            columns: dict[str, list[Any]] = {c: [] for c in COLUMNS}
            for ev in events:
                row = flat_row(ev)
                for c in COLUMNS:
                    columns[c].append(calendar_date(row[c]) if c in DATE_COLUMNS else row[c])
                n += 1
                if n % PARQUET_ROWS == 0:
                    writer.write_table(pa.table(columns, schema=schema))
                    columns = {c: [] for c in COLUMNS}
            if columns[COLUMNS[0]] or n == 0:
                writer.write_table(pa.table(columns, schema=schema))
    return n
