"""An ingest killed with SIGKILL mid-run leaves the store consistent, and the next run completes it.

Both backends: a real ``wirewatch ingest`` of many small documents, in batches of 4, is killed
(the whole process group, workers included) once some batches are stored; the store then holds
whole documents only (each with all its events and participants), and a second run stores the
rest.
"""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from wirewatch.store import EventQuery, open_store

N_DOCS = 160
PLACES = ["Kharkiv", "Odesa", "Kherson", "Donetsk", "Mariupol", "Zaporizhzhia", "Mykolaiv", "Sumy"]


def _documents(path):
    with path.open("w", encoding="utf-8") as fh:
        for n in range(N_DOCS):
            place = PLACES[n % len(PLACES)]
            text = (f"Russian forces shelled the Ukrainian city of {place} on Monday, killing {n % 7 + 2} civilians, "
                    f"the regional governor said.\nUkraine's foreign minister condemned the attack and called on "
                    f"the United Nations to act. Report number {n}.")
            fh.write(json.dumps({"id": f"doc-{n:03d}", "date": "2023-03-0" + str(n % 9 + 1), "text": text}) + "\n")


def _ingest(inputs, db, cfg):
    return subprocess.Popen([sys.executable, "-m", "wirewatch", "ingest", str(inputs), "--db", db, "--config", str(cfg),
                             "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _assert_consistent(db):
    with open_store(db) as store:
        ids = [r[0] for r in store._fetchall("SELECT id FROM documents")]
        n_events = 0
        for doc_id in ids:
            rec = store.record(doc_id)
            stored = list(store.events(EventQuery(doc_id=doc_id)))
            assert sorted(e["id"] for e in stored) == sorted(v["id"] for v in rec["events"]), doc_id
            for ev in stored:
                v = next(v for v in rec["events"] if v["id"] == ev["id"])
                assert [a["id"] for a in ev["actors"]] == v["actors"] and [r["id"] for r in ev["recipients"]] == v["recipients"]
            n_events += len(stored)
        assert store.count("events") == n_events
        assert store.count("entities") == sum(len(store.record(i)["entities"]) for i in ids)
        if store.dialect == "sqlite":
            assert store._fetchall("PRAGMA integrity_check") == [("ok",)]
        return set(ids)


@pytest.mark.slow
def test_killed_ingest_leaves_whole_batches_and_a_second_run_completes_it(db, tmp_path):
    inputs, cfg = tmp_path / "in.jsonl", tmp_path / "small-batches.cfg"
    _documents(inputs)
    cfg.write_text("[pipeline]\nbatch_size = 4\n", encoding="utf-8")
    open_store(db).close()  # the schema exists before the run, so the test can watch the count
    proc = _ingest(inputs, db, cfg)
    stored = 0
    deadline = time.monotonic() + 300
    with open_store(db) as store:
        while proc.poll() is None and time.monotonic() < deadline:
            stored = store.count()
            if stored >= 12:
                break
            time.sleep(0.05)
    assert proc.poll() is None, f"the ingest ended before it could be killed ({stored} stored): {proc.stderr.read()}"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()

    first = _assert_consistent(db)
    assert 12 <= len(first) < N_DOCS

    again = _ingest(inputs, db, cfg)
    out, err = again.communicate(timeout=900)
    assert again.returncode == 0, err
    assert _assert_consistent(db) == {f"doc-{n:03d}" for n in range(N_DOCS)}
