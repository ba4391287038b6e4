import json

from wirewatch.document import Document
from wirewatch.errors import (
    BinaryInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    MalformedInputError,
)
from wirewatch.ingest.sources import read_inputs


def _read(*paths, **kw):
    return list(read_inputs([str(p) for p in paths], **kw))


def test_text_file_gives_one_document_with_file_stem_id(tmp_path):
    p = tmp_path / "story-1.txt"
    p.write_text("Officials said on Monday that talks would resume.", encoding="utf-8")
    (doc,) = _read(p)
    assert isinstance(doc, Document) and doc.id == "story-1" and doc.text.startswith("Officials")


def test_jsonl_lines_keep_id_date_and_title(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "One.", "date": "2023-09-11", "title": "T"}) + "\n"
                 + json.dumps({"id": 7, "text": "Two."}) + "\n", encoding="utf-8")
    a, b = _read(p)
    assert (a.id, str(a.date), a.date_source, a.title) == ("a", "2023-09-11", "metadata", "T")
    assert b.id == "7" and b.date is None


def test_bad_jsonl_lines_are_reported_with_line_numbers_and_the_rest_read(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "ok", "text": "Fine."}\n{not json}\n{"id": "x"}\n{"id": "d", "text": "t", "date": "soon"}\n'
                 '{"id": "last", "text": "Also fine."}\n', encoding="utf-8")
    items = _read(p)
    assert [type(i).__name__ for i in items] == ["Document", "MalformedInputError", "MalformedInputError",
                                                "MalformedInputError", "Document"]
    assert "line 2" in str(items[1]) and "invalid JSON" in str(items[1])
    assert "line 3" in str(items[2]) and "no 'text' field" in str(items[2]) and "id x" in str(items[2])
    assert "not an ISO 8601 date" in str(items[3])


def test_binary_file_is_refused(tmp_path):
    p = tmp_path / "x.txt"
    p.write_bytes(b"\x00\x01\x02PNG\x00\x00" * 50)
    (err,) = _read(p)
    assert isinstance(err, BinaryInputError) and str(p) in str(err)


def test_non_utf8_bytes_are_refused_with_offset(tmp_path):
    p = tmp_path / "latin1.txt"
    p.write_bytes("Caf\u00e9 owners said prices rose.".encode("latin-1"))
    (err,) = _read(p)
    assert isinstance(err, EncodingError) and "byte 3" in str(err)


def test_huge_file_is_refused(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text("word " * 1000, encoding="utf-8")
    (err,) = _read(p, max_bytes=1000)
    assert isinstance(err, InputTooLargeError)


def test_missing_path_is_reported(tmp_path):
    (err,) = _read(tmp_path / "nope.txt")
    assert isinstance(err, InputError) and "no such file" in str(err)


def test_folders_and_globs_expand_to_their_files(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha said so.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Beta said so.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    assert sorted(d.id for d in _read(tmp_path)) == ["a", "b"]
    assert [d.id for d in list(read_inputs([str(tmp_path / "*.txt")]))] == ["a"]


def test_html_page_gives_article_text_and_metadata(tmp_path, root):
    (doc,) = _read(root / "samples" / "2018-06-12-singapore-summit.html")
    assert isinstance(doc, Document)
    assert "joint statement" in doc.text and "Home" not in doc.text
    assert doc.title == "Trump and Kim sign statement in Singapore" and str(doc.date) == "2018-06-12"


def test_html_without_article_is_refused(tmp_path):
    p = tmp_path / "empty.html"
    p.write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (err,) = _read(p)
    assert isinstance(err, MalformedInputError) and "no article" in str(err)


def test_json_array_file_gives_one_document_per_object(tmp_path):
    p = tmp_path / "docs.json"
    p.write_text(json.dumps([{"id": "a", "text": "One said so."}, {"id": "b"}, {"id": "c", "text": "Three."}]),
                 encoding="utf-8")
    items = _read(p)
    assert [getattr(i, "id", None) for i in items] == ["a", None, "c"]
    assert isinstance(items[1], MalformedInputError) and "item 1" in str(items[1])


def test_broken_json_file_is_reported(tmp_path):
    p = tmp_path / "docs.json"
    p.write_text('[{"id": "a", "text": "x"', encoding="utf-8")
    (err,) = _read(p)
    assert isinstance(err, MalformedInputError) and "invalid JSON" in str(err)
