"""Writing records to a file or stdout, atomically: a file is replaced only when complete."""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import IO, Any

FORMATS = ("jsonl", "json", "pretty")


class RecordWriter:
    """Writes records as JSON Lines, one JSON array, or indented JSON for people.

    With a path, records go to a temporary file beside it, which replaces the target only when
    the writer closes without error: an interrupted run never leaves a half-written file.
    """

    def __init__(self, path: str | Path | None, fmt: str = "jsonl") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.path, self.fmt, self.count = (Path(path) if path and str(path) != "-" else None), fmt, 0
        self._tmp: str | None = None
        self._fh: IO[str]

    def __enter__(self) -> RecordWriter:
        if self.path is None:
            self._fh = sys.stdout
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent)
            self._fh = os.fdopen(fd, "w", encoding="utf-8")
        if self.fmt == "json":
            self._fh.write("[")
        return self

    def write(self, record: dict[str, Any]) -> None:
        """Write one record."""
        if self.fmt == "jsonl":
            self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "json":
            self._fh.write(("," if self.count else "") + "\n" + json.dumps(record, ensure_ascii=False))
        else:
            self._fh.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        self.count += 1

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self.fmt == "json":
            self._fh.write("\n]\n")
        if self.path is None:
            self._fh.flush()
            return
        self._fh.close()
        assert self._tmp is not None
        if exc_type is None:
            os.replace(self._tmp, self.path)
        else:
            os.unlink(self._tmp)
