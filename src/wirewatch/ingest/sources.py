"""Reading documents from files, folders, globs and standard input.

Each input becomes a :class:`~wirewatch.document.Document` (text plus whatever metadata the
input carries) or an :class:`~wirewatch.errors.InputError` naming the input and the problem;
a bad input never stops the others.
"""
from __future__ import annotations

import glob
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from wirewatch.document import Document
from wirewatch.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)
from wirewatch.ingest.html import read_html
from wirewatch.ingest.metadata import parse_date

TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".json"}
FORMATS = ("auto", "text", "html", "jsonl")

Item = Document | InputError


def content_id(text: str) -> str:
    """A stable id for a text that came without one."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def expand(paths: Iterable[str]) -> Iterator[Path | str]:
    """Files named by ``paths``: files, folders (searched recursively), globs, or ``-`` for stdin.

    A name that matches nothing is yielded as a string so the reader reports it.
    """
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in KNOWN_SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            yield from found
        elif path.exists():
            yield path
        else:
            matches = sorted(glob.glob(p, recursive=True))
            if matches:
                yield from (Path(m) for m in matches if Path(m).is_file())
            else:
                yield p


def read_inputs(paths: Iterable[str], fmt: str = "auto", max_bytes: int = 1_000_000) -> Iterator[Item]:
    """Documents (or errors) from every input named by ``paths``, in order."""
    for target in expand(paths):
        if isinstance(target, str) and target != "-":
            yield InputError(target, "no such file, folder or glob match")
            continue
        if target == "-":
            yield from _read_stream(sys.stdin.buffer, "<stdin>", "stdin", fmt, max_bytes)
            continue
        assert isinstance(target, Path)
        try:
            with target.open("rb") as fh:
                yield from _read_stream(fh, str(target), target.stem, fmt, max_bytes, target.suffix.lower())
        except OSError as exc:
            yield InputError(str(target), f"cannot be read: {exc.strerror or exc}")


def _read_stream(fh: BinaryIO, origin: str, stem: str, fmt: str, max_bytes: int, suffix: str = "") -> Iterator[Item]:
    kind = fmt if fmt != "auto" else _kind_of(suffix)
    if suffix == ".json" and fmt == "auto":
        yield from read_json_array(fh.read(), origin)
        return
    if kind == "jsonl":
        yield from read_jsonl(fh, origin, max_bytes)
        return
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputTooLargeError(origin, f"larger than the {max_bytes:,}-byte limit (split it or raise [ingest] max_bytes)")
        return
    if kind == "auto":
        kind = _sniff(data)
    if kind == "jsonl":
        yield from read_jsonl(_Lines(data), origin, max_bytes)
        return
    try:
        text = decode(data, origin)
    except InputError as err:
        yield err
        return
    if kind == "html":
        try:
            yield read_html(text, origin, doc_id=stem)
        except InputError as err:
            yield err
        return
    yield Document(id=stem or content_id(text), text=text, origin=origin)


def _kind_of(suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES or suffix == ".json":
        return "jsonl"
    return "auto"


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


class _Lines:
    """A bytes buffer that iterates like a binary file, line by line."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.data.splitlines(keepends=True))


def decode(data: bytes, origin: str) -> str:
    """UTF-8 text of ``data``, or an error saying why it is not text.

    Raises:
        BinaryInputError: NUL bytes or many control characters.
        EncodingError: bytes that are not UTF-8.
    """
    sample = data[:8192]
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    if b"\x00" in sample or (sample and controls / len(sample) > 0.05):
        raise BinaryInputError(origin, "binary data, not text (expected UTF-8 text, HTML or JSON Lines)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(origin, f"not valid UTF-8 at byte {exc.start} (re-encode the file as UTF-8)") from exc
    return text[1:] if text.startswith("\ufeff") else text


def read_jsonl(lines: Iterable[bytes], origin: str, max_bytes: int) -> Iterator[Item]:
    """Documents from JSON Lines ``{id, text, date?, title?, url?}``, one error per bad line."""
    empty = True
    for n, raw in enumerate(lines, start=1):
        where = f"{origin} line {n}"
        if not raw.strip():
            continue
        empty = False
        if len(raw) > max_bytes + 1024:
            yield InputTooLargeError(where, f"larger than the {max_bytes:,}-byte limit")
            continue
        obj = _parse_json(raw, where, "column {col}", "{id, text, date?}")
        yield obj if isinstance(obj, InputError) else _from_json(obj, where)
    if empty:
        yield EmptyInputError(origin, "no documents (the file is empty or holds only blank lines)")


def read_json_array(data: bytes, origin: str) -> Iterator[Item]:
    """Documents from a ``.json`` file: one array of ``{id, text, ...}`` objects, or one object."""
    obj = _parse_json(data, origin, "line {line}, column {col}", "an array of {id, text, date?} objects")
    if isinstance(obj, InputError):
        yield obj
        return
    items = obj if isinstance(obj, list) else [obj]
    if not items:
        yield EmptyInputError(origin, "no documents (an empty JSON array)")
    for n, item in enumerate(items):
        yield _from_json(item, f"{origin} item {n}")


def _parse_json(data: bytes, where: str, position: str, expected: str) -> object:
    """The parsed JSON value of ``data``, or the error that says what is wrong where."""
    try:
        return json.loads(decode(data, where))
    except InputError as err:
        return err
    except json.JSONDecodeError as exc:
        at = position.format(line=exc.lineno, col=exc.colno)
        return MalformedInputError(where, f"invalid JSON ({exc.msg} at {at}); expected {expected}")


def _from_json(obj: object, where: str) -> Item:
    if not isinstance(obj, dict):
        return MalformedInputError(where, "not a JSON object (expected {id, text, date?, title?, url?})")
    doc_id = obj.get("id")
    doc_id = None if doc_id is None else str(doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        what = "no 'text' field" if text is None else "'text' is not a string"
        return MalformedInputError(where, f"{what} (expected {{id, text, date?}})", doc_id)
    date = None
    if obj.get("date"):
        date = parse_date(str(obj["date"]))
        if date is None:
            return MalformedInputError(where, f"'date' {obj['date']!r} is not an ISO 8601 date (YYYY-MM-DD)", doc_id)
    title = obj.get("title") if isinstance(obj.get("title"), str) else None
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    return Document(id=doc_id or content_id(text), text=text, title=title, date=date,
                    date_source="metadata" if date else None, url=url, origin=where)
