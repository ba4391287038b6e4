"""Parallel workers: the same records as one worker, in input order; durability when killed."""
from __future__ import annotations

import dataclasses
import json
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest

from wirewatch.config import load_config
from wirewatch.document import Document
from wirewatch.errors import ConfigError, EncodingError, InputError, InputTooLargeError, StageError
from wirewatch.ingest.sources import read_inputs
from wirewatch.pipeline.parallel import (
    Outcome,
    PoolRunner,
    RunStats,
    batched,
    check_address,
    default_workers,
    process,
)
from wirewatch.pipeline.resume import SkipStored, document_key
from wirewatch.store.sqlite import content_hash

CITIES = ["Kharkiv", "Odesa", "Kherson", "Donetsk", "Mariupol", "Lviv", "Kyiv", "Dnipro", "Sumy", "Mykolaiv"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


def news(n: int) -> dict[str, str]:
    """A short, distinct English news document."""
    city, day = CITIES[n % len(CITIES)], DAYS[n % len(DAYS)]
    return {"id": f"doc-{n:03d}", "date": "2023-03-0" + str(1 + n % 9),
            "text": f"Russian troops shelled the city of {city} on {day}, Ukrainian officials said. "
                    f"The governor said {n + 2} people were wounded and that talks with Moscow would not resume."}


def corpus(path: Path, n: int, bad: bool = False) -> Path:
    """``n`` documents as JSON Lines; with ``bad``, three bad lines among them."""
    lines = [json.dumps(news(i)) for i in range(n)]
    if bad:
        lines[1:1] = ['{"id": "broken"']
        lines[4:4] = [json.dumps({"id": "es", "text": "El presidente del gobierno dijo el lunes que las "
                                  "negociaciones con los sindicatos se reanudarán la próxima semana en la capital."})]
        lines[7:7] = [json.dumps({"id": "empty", "text": "   "})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def flat(outcomes: list[Outcome]) -> list[tuple[str, Any, str | None]]:
    return [(o.origin, o.record, None if o.error is None else f"{type(o.error).__name__}: {o.error}") for o in outcomes]


# ---- fast: no model --------------------------------------------------------------------------

def test_outcomes_travel_between_processes_with_their_errors():
    errors = [InputTooLargeError("in.jsonl line 3", "larger than the limit", "d3"), EncodingError("a.txt", "not UTF-8"),
              StageError("d1", "b.txt", "places", KeyError("x"))]
    for err in errors:
        back = pickle.loads(pickle.dumps(Outcome("o", error=err)))
        assert type(back.error) is type(err) and str(back.error) == str(err) and vars(back.error) == vars(err)
        assert not back.ok
    ok = pickle.loads(pickle.dumps(Outcome("o", record={"doc": {"id": "a"}})))
    assert ok.ok and ok.record == {"doc": {"id": "a"}}


def test_batches_keep_input_order_and_size():
    assert [len(b) for b in batched(range(7), 3)] == [3, 3, 1]  # type: ignore[arg-type]
    assert [x for b in batched(range(7), 3) for x in b] == list(range(7))  # type: ignore[arg-type]


def test_default_workers_is_one_per_core_unless_configured():
    cfg = load_config()
    assert cfg.workers == 0 and default_workers(cfg) == len(os.sched_getaffinity(0))
    assert default_workers(dataclasses.replace(cfg, workers=3)) == 3


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:8786", "tcp://scheduler.lan:8786", "tls://10.0.0.5:8786"])
def test_cluster_address_accepted(address):
    assert check_address(address) == address


@pytest.mark.parametrize("address", ["127.0.0.1:8786", "tcp://host", "http://host:80", "tcp://a b:1", ""])
def test_cluster_address_refused_with_the_expected_form(address):
    with pytest.raises(ConfigError, match="expected tcp://HOST:PORT"):
        check_address(address)


class FakeStore:
    def __init__(self, records: list[dict[str, Any]]) -> None:
        self.records = {r["doc"]["id"]: r for r in records}

    def count(self, table: str = "documents") -> int:
        return len(self.records)

    def record(self, doc_id: str) -> dict[str, Any] | None:
        return self.records.get(doc_id)


def _stored(doc_id: str, text: str, title: str | None, date: str | None) -> dict[str, Any]:
    return {"doc": {"id": doc_id, "text": text, "title": title, "date": date, "url": None}}


def test_resume_skips_documents_stored_unchanged_and_keeps_the_rest():
    cfg = load_config()
    body = "Russian troops shelled the city of Kharkiv on Monday, Ukrainian officials said on Tuesday."
    headline = "Kharkiv shelled again\n\n" + body  # the title comes from the headline, as in the record
    store = FakeStore([_stored("same", body, "T", "2023-03-01"), _stored("changed", body, None, None),
                       _stored("head", headline, "Kharkiv shelled again", "2023-03-01")])
    items = [Document(id="same", text=body, title="T", date=dt_date("2023-03-01")),
             Document(id="changed", text=body + " More.", origin="x"),
             Document(id="head", text=headline, date=dt_date("2023-03-01")),
             Document(id="new", text=body), InputError("bad.txt", "empty")]
    skip = SkipStored(store, cfg)
    kept = list(skip(items))
    assert [getattr(i, "id", None) for i in kept] == ["changed", "new", None] and skip.skipped == 2


def test_resume_key_is_the_stored_records_content_hash():
    doc = Document(id="a", text="Kharkiv shelled again\n\nRussian troops shelled Kharkiv on Monday, officials said.",
                   url="http://example.org/a")
    record = _stored("a", doc.text, "Kharkiv shelled again", None)
    record["doc"]["url"] = "http://example.org/a"
    assert document_key(doc, load_config()) == content_hash(record)
    assert document_key(Document(id="e", text="  "), load_config()) is None  # fails its checks: never skipped


def dt_date(iso: str):
    import datetime as dt

    return dt.date.fromisoformat(iso)


# ---- slow: the real pipeline in worker processes ----------------------------------------------

def _small_batches(tmp_path: Path, size: int) -> tuple[Any, Path]:
    cfg = dataclasses.replace(load_config(), batch_size=size)
    path = tmp_path / f"batch{size}.cfg"
    path.write_text(f"[pipeline]\nbatch_size = {size}\n", encoding="utf-8")
    return cfg, path


@pytest.mark.slow
def test_two_workers_give_one_workers_records_and_failures_in_input_order(tmp_path):
    cfg, _ = _small_batches(tmp_path, 2)
    src = corpus(tmp_path / "in.jsonl", 9, bad=True)
    one, two = RunStats(), RunStats()
    expected = flat(list(process(read_inputs([str(src)]), cfg, workers=1, stats=one)))
    got = flat(list(process(read_inputs([str(src)]), cfg, workers=2, stats=two)))
    assert got == expected
    assert [e for _, _, e in got if e] and sum(r is not None for _, r, _ in got) == 9
    workers = {k: v for k, v in two.peak_rss_mib.items() if k != "parent"}
    assert (two.workers, two.documents, two.failed) == (2, 9, 3) and len(workers) == 2 and "parent" in two.peak_rss_mib
    assert all(100 < mib < 2000 for mib in workers.values())
    assert set(two.stage_seconds) == set(one.stage_seconds)
    assert one.cpu_seconds > 0 and two.cpu_seconds > 0


@pytest.mark.slow
def test_one_batch_runs_in_this_process_whatever_the_workers(tmp_path):
    src = corpus(tmp_path / "in.jsonl", 3)
    stats = RunStats()
    assert all(o.ok for o in process(read_inputs([str(src)]), load_config(), workers=2, stats=stats))
    assert stats.workers == 1 and list(stats.peak_rss_mib) == ["main"]


def _pool_workers(parent: psutil.Process) -> list[psutil.Process]:
    return [p for p in parent.children() if "spawn_main" in " ".join(p.cmdline())]


@pytest.mark.slow
def test_a_killed_worker_process_loses_no_document(tmp_path):
    cfg, _ = _small_batches(tmp_path, 1)
    src = corpus(tmp_path / "in.jsonl", 8)
    expected = flat(list(process(read_inputs([str(src)]), cfg, workers=1)))
    with PoolRunner(cfg, 2) as runner:
        outcomes = runner.map(batched(read_inputs([str(src)]), 1))
        got = next(outcomes)
        victim = _pool_workers(psutil.Process())[0]
        victim.send_signal(signal.SIGKILL)
        got += [o for batch in outcomes for o in batch]
    assert flat(got) == expected


# ---- durability: kill -9 in the middle of an ingest ----------------------------------------------

def _count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _consistent(db: Path) -> int:
    """Check the store after a kill: intact, every document with all its entities and events."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = conn.execute("SELECT id, record FROM documents").fetchall()
        for doc_id, raw in docs:
            rec = json.loads(raw)
            n_events = conn.execute("SELECT COUNT(*) FROM events WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            n_entities = conn.execute("SELECT COUNT(*) FROM entities WHERE doc_id = ?", (doc_id,)).fetchone()[0]
            assert (n_events, n_entities) == (len(rec["events"]), len(rec["entities"])), doc_id
        orphans = conn.execute("SELECT COUNT(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)").fetchone()
        assert orphans[0] == 0
        return len(docs)
    finally:
        conn.close()


def _ingest(*args: Any) -> list[str]:
    return [sys.executable, "-m", "wirewatch", "ingest", *map(str, args)]


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_ingest_killed_with_sigkill_leaves_a_consistent_store_and_the_next_run_completes_it(tmp_path, workers):
    n = 60
    _, cfg_path = _small_batches(tmp_path, 2)
    src, db = corpus(tmp_path / "in.jsonl", n), tmp_path / "w.db"
    argv = _ingest(src, "--db", db, "--config", cfg_path, "--workers", workers, "-q")
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    workers_seen: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 300
        pool = workers if workers > 1 else 0     # one worker runs in the process itself
        while (_count(db) < 4 or len(workers_seen) < pool) and proc.poll() is None and time.monotonic() < deadline:
            if len(workers_seen) < pool:         # the pool may start its workers one by one under load
                workers_seen = _pool_workers(psutil.Process(proc.pid)) or workers_seen
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        if workers > 1:  # the pool's workers notice their parent is gone and exit
            assert len(workers_seen) == workers
            _, alive = psutil.wait_procs(workers_seen, timeout=15)
            assert not alive, f"worker processes left behind: {alive}"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        for p in workers_seen:
            if p.is_running():
                p.kill()
    stored = _consistent(db)
    assert 4 <= stored < n
    again = subprocess.run(argv[:-1], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{n - stored} added, 0 replaced, {stored} unchanged, 0 failed" in again.stderr
    assert _consistent(db) == n


@pytest.mark.slow
def test_ctrl_c_stops_the_workers_at_once_and_leaves_no_output(tmp_path):
    _, cfg_path = _small_batches(tmp_path, 2)
    # far more than two workers get through in the seconds before the interrupt, however fast the machine
    src, out = corpus(tmp_path / "in.jsonl", 2000), tmp_path / "out.jsonl"
    argv = [sys.executable, "-m", "wirewatch", "extract", str(src), "-o", str(out), "--config", str(cfg_path),
            "--workers", "2"]
    proc = subprocess.Popen(argv, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 300
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            workers = _pool_workers(psutil.Process(proc.pid))
            time.sleep(0.1)
        time.sleep(3)
        assert proc.poll() is None, "the run ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130 and "interrupted" in err
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive and not out.exists() and not list(tmp_path.glob(".out.jsonl.*"))
