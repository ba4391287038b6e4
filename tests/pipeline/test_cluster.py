"""The Dask cluster: a scheduler and two workers on loopback, started here as subprocesses.

The records must be those of a local run, in input order for ``extract``; an ingest resumes
without redoing stored documents; a task that raises is retried; a batch whose worker dies is
run again on another worker; a batch that fails every try fails its documents, by name.
"""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from wirewatch.config import Config, load_config
from wirewatch.document import Document
from wirewatch.errors import StageError
from wirewatch.ingest.sources import read_inputs
from wirewatch.pipeline.parallel import Outcome, RunStats, batched, process
from wirewatch.pipeline.resume import SkipStored
from wirewatch.store import Store

pytestmark = pytest.mark.slow
DASK = Path(sys.executable).with_name("dask")
BATCH = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(argv: list[str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(argv, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)


def _stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGTERM)
    for p in procs:
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(10)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``tcp://127.0.0.1:PORT`` of a scheduler with two one-thread workers, stopped afterwards."""
    if not DASK.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{DASK} is missing: `make install` installs dask[distributed]")
        pytest.skip(f"{DASK} is missing (pip install 'dask[distributed]')")
    from distributed import Client

    logs, port = tmp_path_factory.mktemp("dask"), _free_port()
    address = f"tcp://127.0.0.1:{port}"
    procs = [_start([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                    logs / "scheduler.log")]
    try:
        procs += [_start([str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1", "--host", "127.0.0.1",
                          "--no-dashboard", "--death-timeout", "60", "--local-directory", str(logs)],
                         logs / f"worker{n}.log") for n in (1, 2)]
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=180)
        yield address
    finally:
        _stop(procs[::-1])


def _corpus(path: Path, n: int) -> Path:
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    lines = [json.dumps({"id": f"doc-{i:03d}", "date": f"2023-05-0{1 + i % 9}",
                         "text": f"Russian troops shelled the port of Odesa on {days[i % 5]}, Ukrainian officials said. "
                                 f"The mayor said {i + 3} people were wounded and talks would not resume."})
             for i in range(n)]
    lines.insert(3, '{"id": "broken"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def config() -> Config:
    return dataclasses.replace(load_config(), batch_size=BATCH)


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus(tmp_path_factory.mktemp("in") / "in.jsonl", 7)


@pytest.fixture(scope="module")
def local(source: Path, config: Config) -> list[tuple[str, Any, str | None]]:
    """The outcomes of a run in this process: what the cluster must give."""
    return _flat(process(read_inputs([str(source)]), config, workers=1))


def _flat(outcomes: Any) -> list[tuple[str, Any, str | None]]:
    return [(o.origin, o.record, None if o.error is None else str(o.error)) for o in outcomes]


def _on_cluster(source: Path, config: Config, address: str, task: Any = None, retries: int = 2) -> list[Outcome]:
    from wirewatch.pipeline.cluster import ClusterRunner, run_on_worker

    with ClusterRunner(config, address, task=task or run_on_worker, retries=retries) as runner:
        return [o for batch in runner.map(batched(read_inputs([str(source)]), config.batch_size)) for o in batch]


def test_extract_on_the_cluster_writes_a_local_runs_records_in_input_order(cluster, source, local, tmp_path):
    cfg = tmp_path / "b.cfg"
    cfg.write_text(f"[pipeline]\nbatch_size = {BATCH}\n", encoding="utf-8")
    out, stats = tmp_path / "out.jsonl", tmp_path / "stats.json"
    r = subprocess.run([sys.executable, "-m", "wirewatch", "extract", str(source), "-o", str(out), "--config", str(cfg),
                        "--cluster", cluster, "--stats", str(stats)], capture_output=True, text=True)
    assert r.returncode == 1, r.stderr  # one bad line
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == [x for _, x, _ in local if x]
    assert "line 4: invalid JSON" in r.stderr
    figures = json.loads(stats.read_text())
    assert figures["workers"] == 2 and figures["documents"] == 7 and len(figures["peak_rss_mib"]) >= 1


def test_an_interrupted_ingest_resumes_without_redoing_stored_documents(cluster, source, config, local, tmp_path):
    db = tmp_path / "w.db"
    with Store(str(db)) as store:  # an earlier run stored the first three documents, then was killed
        store.save([record for _, record, _ in local if record][:3])
        skip, stats = SkipStored(store, config), RunStats()
        outcomes = list(process(skip(read_inputs([str(source)])), config, cluster=cluster, ordered=False,
                                on_batch=lambda batch: store.save([o.record for o in batch if o.ok]), stats=stats))
        assert skip.skipped == 3 and stats.documents == 4 and stats.failed == 1
        assert {o.record["doc"]["id"] for o in outcomes if o.ok} == {f"doc-{i:03d}" for i in range(3, 7)}
        assert store.count() == 7


def test_a_task_that_raises_is_retried(cluster, source, config, local, tmp_path):
    marker = tmp_path / "failed-once"

    def flaky(docs: list[Document], cfg: Config) -> Any:
        from wirewatch.pipeline.cluster import run_on_worker

        if any(d.id == "doc-002" for d in docs) and not marker.exists():
            marker.touch()
            raise RuntimeError("transient failure")
        return run_on_worker(docs, cfg)

    assert _flat(_on_cluster(source, config, cluster, task=flaky)) == local and marker.exists()


def test_a_batch_failing_every_try_fails_its_documents_by_name_and_the_run_goes_on(cluster, source, config, local):
    def broken(docs: list[Document], cfg: Config) -> Any:
        from wirewatch.pipeline.cluster import run_on_worker

        if any(d.id == "doc-005" for d in docs):
            raise RuntimeError("this batch cannot be run")
        return run_on_worker(docs, cfg)

    got = _on_cluster(source, config, cluster, task=broken, retries=1)
    failed = {o.origin: o.error for o in got if not o.ok}
    assert [o.origin for o in got] == [origin for origin, _, _ in local]
    lost = [e for e in failed.values() if isinstance(e, StageError)]
    assert {e.doc_id for e in lost} == {"doc-005", "doc-006"}  # the batch holding doc-005
    assert all("failed on the cluster after 2 tries: RuntimeError: this batch cannot be run" in str(e) for e in lost)
    assert all(str(e).startswith(f"{source} line ") for e in lost)
    assert sum(o.ok for o in got) == 5


def test_a_batch_whose_worker_dies_is_run_again_on_another(cluster, source, config, local, tmp_path):
    marker = tmp_path / "killed-once"

    def deadly(docs: list[Document], cfg: Config) -> Any:
        from wirewatch.pipeline.cluster import run_on_worker

        if any(d.id == "doc-001" for d in docs) and not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)  # the worker process dies mid-task
            time.sleep(10)
        return run_on_worker(docs, cfg)

    assert _flat(_on_cluster(source, config, cluster, task=deadly)) == local and marker.exists()
