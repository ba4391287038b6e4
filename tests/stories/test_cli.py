"""``wirewatch stories`` and the story view of ``wirewatch show``, end to end (records need no model)."""
import json
import os
import subprocess
import sys

import pytest

from wirewatch.store import Store

from .conftest import meeting

WW = [sys.executable, "-m", "wirewatch"]


def ww(*args):
    return subprocess.run([*WW, *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def write_records(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_stories_of_a_records_file(tmp_path, summit_records):
    src, out = write_records(tmp_path / "recs.jsonl", summit_records), tmp_path / "stories.jsonl"
    r = ww("stories", src, "-o", out)
    assert r.returncode == 0, r.stderr
    stories = [json.loads(line) for line in out.read_text().splitlines()]
    assert [len(s["reports"]) for s in stories] == [5, 1]
    assert all(s["schema"] == "wirewatch-story/1" for s in stories)


def test_filters_and_table(tmp_path, summit_records):
    src = write_records(tmp_path / "recs.jsonl", summit_records)
    r = ww("stories", src, "--format", "table", "--since", "2024-01-01", "--actor", "PRK")
    assert r.returncode == 0, r.stderr
    assert "(1 story)" in r.stdout and "Pyongyang" in r.stdout
    r = ww("stories", src, "--format", "table", "--recipient", "putin", "--status", "planned")
    assert "(0 stories)" in r.stdout


def test_gdelt_baseline_keeps_days_apart(tmp_path, summit_records):
    src, out = write_records(tmp_path / "recs.jsonl", summit_records), tmp_path / "g.jsonl"
    assert ww("stories", src, "-o", out, "--method", "gdelt").returncode == 0
    assert len(out.read_text().splitlines()) > 2


def test_a_record_of_another_schema_is_named_and_the_rest_merged(tmp_path, summit_records):
    old = dict(summit_records[0], schema="wirewatch/0")
    src, out = write_records(tmp_path / "recs.jsonl", [old, *summit_records[1:]]), tmp_path / "s.jsonl"
    r = ww("stories", src, "-o", out)
    assert r.returncode == 1
    assert "recs.jsonl line 1 (id plan): schema 'wirewatch/0' is not 'wirewatch/1'" in r.stderr
    assert sum(len(json.loads(x)["reports"]) for x in out.read_text().splitlines()) == 5


def test_nothing_mergeable_writes_nothing(tmp_path, summit_records):
    bad = dict(summit_records[0])
    bad["events"] = [dict(bad["events"][0], actors=["e77"])]
    src, out = write_records(tmp_path / "recs.jsonl", [bad]), tmp_path / "s.jsonl"
    r = ww("stories", src, "-o", out)
    assert r.returncode == 3 and "references entity 'e77'" in r.stderr and "nothing written" in r.stderr
    assert not out.exists()


def test_empty_store_says_so_and_writes_nothing(tmp_path):
    db, out = tmp_path / "w.db", tmp_path / "s.jsonl"
    Store(db).close()
    r = ww("stories", "--db", db, "-o", out)
    assert r.returncode == 3 and "holds no documents" in r.stderr
    assert not out.exists()
    assert ww("stories", "--db", tmp_path / "none.db").returncode == 3


def test_files_and_db_together_is_a_usage_error(tmp_path):
    assert ww("stories", "x.jsonl", "--db", tmp_path / "w.db").returncode == 2
    assert ww("stories").returncode == 2


def test_stored_stories_and_show(tmp_path, summit_records):
    db = tmp_path / "w.db"
    with Store(db) as s:
        s.save(summit_records)
    r = ww("stories", "--db", db, "--format", "table", "--type", "consult")
    assert r.returncode == 0, r.stderr
    assert "(2 stories)" in r.stdout
    out = tmp_path / "s.jsonl"
    ww("stories", "--db", db, "-o", out)
    big = max((json.loads(x) for x in out.read_text().splitlines()), key=lambda s: len(s["reports"]))
    r = ww("show", big["id"], "--db", db)
    assert r.returncode == 0, r.stderr
    assert "5 report(s)" in r.stdout and "Korean Central News Agency" in r.stdout
    assert "cosmodrome" in r.stdout and "2023-09-11" in r.stdout
    assert ww("show", "s999", "--db", db).returncode == 3


@pytest.mark.slow
def test_stories_of_documents_run_the_pipeline(tmp_path, shared):
    docs = (shared / "data" / "dev" / "stories" / "docs.jsonl").read_text(encoding="utf-8").splitlines()[:4]
    src, out = tmp_path / "docs.jsonl", tmp_path / "s.jsonl"
    src.write_text("\n".join(docs) + "\n", encoding="utf-8")
    r = ww("stories", src, "-o", out, "-q")
    assert r.returncode == 0, r.stderr
    stories = [json.loads(x) for x in out.read_text().splitlines()]
    assert stories and all(rep["evidence"] for s in stories for rep in s["reports"])


@pytest.mark.slow
def test_ingest_keeps_the_stories_up_to_date(tmp_path, shared):
    from wirewatch.stories.store import StoryStore

    docs = (shared / "data" / "dev" / "stories" / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    first, late = tmp_path / "first.jsonl", tmp_path / "late.jsonl"
    first.write_text("\n".join(docs[:3]) + "\n", encoding="utf-8")
    late.write_text(docs[3] + "\n", encoding="utf-8")
    db = tmp_path / "w.db"
    assert ww("ingest", first, "--db", db, "-q").returncode == 0
    with Store(db) as s:
        before = {x["id"] for x in StoryStore(s).stories()}
    assert before
    assert ww("ingest", late, "--db", db, "-q").returncode == 0
    with Store(db) as s:
        stories = list(StoryStore(s).stories())
    docs_in = {r["doc"] for x in stories for r in x["reports"]}
    assert json.loads(docs[3])["id"] in docs_in and before <= {x["id"] for x in stories} | before
