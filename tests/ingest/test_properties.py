"""Property-based tests of the readers: any bytes give a Document or a named InputError, never a crash.

Every bad input must come back as one :class:`~wirewatch.errors.InputError` whose message
starts with the input it is about (file, line, item), and a document far over the size limit
(50 MB) is refused with a message that names it and the limit.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirewatch.config import load_config
from wirewatch.document import Document
from wirewatch.errors import InputError, InputTooLargeError
from wirewatch.ingest.checks import check_document
from wirewatch.ingest.sources import read_inputs

SETTINGS = settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
MAX_BYTES = 20_000  # small limit so the generated inputs also cross it

json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12)
doc_object = st.fixed_dictionaries(
    {}, optional={"id": json_value, "text": st.text(max_size=300) | json_value, "date": st.text(max_size=12) | json_value,
                  "title": json_value, "url": json_value})
html_page = st.builds(
    lambda title, body, junk: f"<html><head><title>{title}</title></head><body><article><p>{body}</p>{junk}</article></body></html>",
    st.text(max_size=40), st.text(max_size=400), st.sampled_from(["", "<div>", "</p></p>", "<script>x</script>", "&#0;", "<!--"]))


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def _read(path: Path, fmt: str = "auto") -> list[Document | InputError]:
    return list(read_inputs([str(path)], fmt, MAX_BYTES))


def _check_items(items: list[Document | InputError], path: Path) -> None:
    assert items, "every input gives at least one document or error"
    for item in items:
        assert isinstance(item, Document | InputError), type(item)
        if isinstance(item, InputError):
            assert str(item).startswith(str(path)), f"message does not name the input: {item}"
            assert item.reason.strip()
        else:
            assert isinstance(item.text, str) and isinstance(item.id, str) and item.id


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", "", ".html", ".jsonl", ".json", ".htm"]),
       fmt=st.sampled_from(["auto", "text", "html", "jsonl"]))
def test_any_bytes_give_documents_or_named_input_errors(folder: Path, data: bytes, suffix: str, fmt: str) -> None:
    path = folder / f"any{suffix}"
    path.write_bytes(data)
    _check_items(_read(path, fmt), path)


@SETTINGS
@given(text=st.text(max_size=2000), suffix=st.sampled_from([".txt", ".html", ".jsonl"]))
def test_any_unicode_text_gives_documents_or_named_input_errors(folder: Path, text: str, suffix: str) -> None:
    path = folder / f"text{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    _check_items(_read(path), path)


@SETTINGS
@given(lines=st.lists(doc_object | json_value, max_size=6))
def test_any_json_lines_give_one_item_per_line_each_named(folder: Path, lines: list[object]) -> None:
    path = folder / "lines.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    items = _read(path)
    _check_items(items, path)
    assert len(items) == max(1, len(lines))
    for n, item in enumerate(items if lines else [], start=1):
        if isinstance(item, InputError):
            assert str(item).startswith(f"{path} line {n}"), item


@SETTINGS
@given(objs=st.lists(doc_object, max_size=5))
def test_any_json_array_gives_one_item_per_object(folder: Path, objs: list[object]) -> None:
    path = folder / "array.json"
    path.write_text(json.dumps(objs), encoding="utf-8")
    items = _read(path)
    _check_items(items, path)
    assert len(items) == max(1, len(objs))
    for n, item in enumerate(items if objs else []):
        if isinstance(item, InputError):
            assert str(item).startswith(f"{path} item {n}"), item


@SETTINGS
@given(page=html_page)
def test_any_html_page_gives_a_document_or_a_named_input_error(folder: Path, page: str) -> None:
    path = folder / "page.html"
    path.write_bytes(page.encode("utf-8", "surrogatepass"))
    _check_items(_read(path), path)


@SETTINGS
@given(text=st.text(max_size=3000))
def test_document_checks_accept_or_raise_a_named_input_error(text: str) -> None:
    cfg = load_config()
    doc = Document(id="d1", text=text, origin="in.jsonl line 3")
    try:
        check_document(doc, MAX_BYTES, cfg.min_words_for_language, cfg.min_english_ratio)
    except InputError as err:
        assert str(err).startswith("in.jsonl line 3") and err.doc_id == "d1"


# ---- a 50 MB document --------------------------------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024


def _huge_text() -> str:
    line = "Officials said on Monday that the talks in Geneva would resume next week.\n"
    return line * (FIFTY_MB // len(line) + 1)


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_a_50_mb_file_is_refused_with_a_message_naming_it(tmp_path: Path, suffix: str) -> None:
    big = tmp_path / f"huge{suffix}"
    big.write_text(_huge_text(), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Officials said on Monday that talks would resume.", encoding="utf-8")
    items = list(read_inputs([str(big), str(small)], "auto", load_config().max_bytes))
    assert isinstance(items[0], InputTooLargeError) and isinstance(items[1], Document)
    message = str(items[0])
    assert message.startswith(str(big)) and "1,000,000-byte limit" in message and "split it" in message


def test_a_50_mb_json_line_or_item_is_refused_and_the_others_read(tmp_path: Path) -> None:
    huge = {"id": "huge", "text": _huge_text()}
    ok = {"id": "ok", "text": "Officials said on Monday that talks would resume."}
    lines = tmp_path / "in.jsonl"
    lines.write_text(json.dumps(huge) + "\n" + json.dumps(ok) + "\n", encoding="utf-8")
    first, second = read_inputs([str(lines)], "auto", load_config().max_bytes)
    assert isinstance(first, InputTooLargeError) and str(first).startswith(f"{lines} line 1")
    assert isinstance(second, Document) and second.id == "ok"
    array = tmp_path / "in.json"
    array.write_text(json.dumps([huge, ok]), encoding="utf-8")
    cfg = load_config()
    doc, second = read_inputs([str(array)], "auto", cfg.max_bytes)
    assert isinstance(doc, Document)  # a .json array is read whole; the size check refuses the document
    with pytest.raises(InputTooLargeError, match=r"in\.json item 0 \(id huge\): 52,428,\d+ bytes, over the 1,000,000"):
        check_document(doc, cfg.max_bytes, cfg.min_words_for_language, cfg.min_english_ratio)


def test_an_empty_json_lines_file_or_array_is_reported_not_silently_skipped(tmp_path: Path) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n  \n", encoding="utf-8")
    empty = tmp_path / "empty.json"
    empty.write_text("[]", encoding="utf-8")
    (a,), (b,) = _read(blank), _read(empty)
    assert str(a) == f"{blank}: no documents (the file is empty or holds only blank lines)"
    assert str(b) == f"{empty}: no documents (an empty JSON array)"
