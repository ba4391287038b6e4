"""The command line end to end, on the bundled samples (loads the model)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
WW = [sys.executable, "-m", "wirewatch"]


def ww(*args, input=None, cwd=None):
    return subprocess.run([*WW, *map(str, args)], capture_output=True, text=True, input=input, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_extract_jsonl_keeps_ids_and_text(tmp_path, root):
    src = root / "samples" / "grain-deal.jsonl"
    out = tmp_path / "out.jsonl"
    r = ww("extract", src, "-o", out)
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    inputs = [json.loads(line) for line in src.read_text().splitlines()]
    assert [x["doc"]["id"] for x in recs] == [x["id"] for x in inputs]
    assert [x["doc"]["text"] for x in recs] == [x["text"] for x in inputs]
    assert all(x["schema"] == "wirewatch/1" for x in recs)


def test_spans_point_into_the_text(tmp_path, root):
    r = ww("extract", root / "samples" / "2019-04-25-vladivostok-summit.txt")
    rec = json.loads(r.stdout)
    text = rec["doc"]["text"]
    for e in rec["entities"]:
        for m in e["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for t in rec["times"]:
        assert text[t["start"]:t["end"]] == t["text"]
    for v in rec["events"]:
        assert text[v["evidence"]["start"]:v["evidence"]["end"]] == v["evidence"]["text"]
    assert rec["doc"]["agency"] == "WW Sample Desk" and rec["doc"]["date"] == "2019-04-25"


def test_bad_documents_are_reported_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "mixed.jsonl"
    src.write_text('{"id": "good", "text": "Russian troops shelled the city of Kharkiv on Monday, officials said."}\n'
                   '{"id": "broken"\n'
                   '{"id": "notext"}\n'
                   '{"id": "es", "text": "El presidente del gobierno dijo el lunes que las negociaciones con los '
                   'sindicatos se reanudarán la próxima semana en la capital del país."}\n'
                   '{"id": "empty", "text": "  "}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    r = ww("extract", src, "-o", out)
    assert r.returncode == 1
    assert [json.loads(line)["doc"]["id"] for line in out.read_text().splitlines()] == ["good"]
    for needle in ("line 2: invalid JSON", "line 3 (id notext): no 'text' field", "English", "empty document"):
        assert needle in r.stderr, (needle, r.stderr)


def test_ingest_is_idempotent_and_events_can_be_queried(tmp_path, root):
    db = tmp_path / "w.db"
    first = ww("ingest", root / "samples", "--db", db)
    assert first.returncode == 0, first.stderr
    assert "4 added" in first.stderr
    again = ww("ingest", root / "samples", "--db", db)
    assert "0 added, 0 replaced, 4 unchanged" in again.stderr
    table = ww("events", "--db", db)
    assert table.returncode == 0 and "EVIDENCE" in table.stdout
    csv_out = ww("events", "--db", db, "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("date,type,status")
    everything = ww("events", "--db", db, "--format", "jsonl").stdout.splitlines()
    sure = ww("events", "--db", db, "--format", "jsonl", "--min-confidence", "0.6").stdout.splitlines()
    assert len(sure) < len(everything) and all(json.loads(line)["confidence"] >= 0.6 for line in sure)
    bad = ww("events", "--db", db, "--min-confidence", "1.5")
    assert bad.returncode == 2 and "min-confidence" in bad.stderr
    shown = ww("show", "2019-04-25-vladivostok-summit", "--db", db)
    assert shown.returncode == 0 and "Kim and Putin hold first summit" in shown.stdout


def test_show_unknown_document_says_what_to_do(tmp_path, root):
    db = tmp_path / "w.db"
    ww("ingest", root / "samples" / "grain-deal.jsonl", "--db", db)
    r = ww("show", "nope", "--db", db)
    assert r.returncode == 3 and "no document 'nope'" in r.stderr


def test_stdin_input(root):
    text = (root / "samples" / "2019-04-25-vladivostok-summit.txt").read_text()
    r = ww("extract", "-", input=text)
    assert r.returncode == 0 and json.loads(r.stdout)["doc"]["text"] == text
