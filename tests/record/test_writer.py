import json

import pytest

from wirewatch.record.writer import RecordWriter


def test_jsonl_file_is_complete_after_close(tmp_path):
    out = tmp_path / "out.jsonl"
    with RecordWriter(out, "jsonl") as w:
        w.write({"a": 1})
        w.write({"a": 2})
        assert not out.exists(), "the target appears only when complete"
    assert [json.loads(line) for line in out.read_text().splitlines()] == [{"a": 1}, {"a": 2}]


def test_interrupted_write_keeps_the_previous_file(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("previous\n")
    with pytest.raises(RuntimeError):
        with RecordWriter(out, "jsonl") as w:
            w.write({"a": 1})
            raise RuntimeError("interrupted")
    assert out.read_text() == "previous\n"
    assert list(tmp_path.iterdir()) == [out], "no temporary file is left behind"


def test_json_format_is_one_array(tmp_path):
    out = tmp_path / "out.json"
    with RecordWriter(out, "json") as w:
        w.write({"a": 1})
        w.write({"b": 2})
    assert json.loads(out.read_text()) == [{"a": 1}, {"b": 2}]
