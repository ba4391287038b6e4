"""Running the pipeline on a Dask distributed cluster: batches of documents are tasks.

The parent (``wirewatch extract|ingest --cluster tcp://HOST:PORT``) reads the inputs, submits
each batch as one task and keeps at most two tasks per worker thread in flight. Every worker
process loads the pipeline once (a worker plugin loads it when the run starts, and a cached
global keeps it for every later task and run). Outcomes stream back as tasks finish: in input
order for ``extract``, as they come for ``ingest``. A task whose function raised is run again
(``retries``); a task on a worker that died is moved to another worker by the scheduler; a
batch that still fails is reported document by document, and the run goes on.

Every machine of the cluster needs wirewatch (with the same model package) installed; see
docs/SCALE.md.
"""
from __future__ import annotations

import hashlib
import itertools
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from distributed import Client, WorkerPlugin, as_completed

from wirewatch.config import Config
from wirewatch.document import Document
from wirewatch.errors import ConfigError, InputError
from wirewatch.pipeline.parallel import (
    Batch,
    BatchRun,
    Outcome,
    Runner,
    RunStats,
    check_address,
    lost,
    peak_rss_mib,
    run_batch,
)
from wirewatch.pipeline.runner import Pipeline

RETRIES = 2              # further runs of a task whose function raised
CONNECT_TIMEOUT = 10     # seconds to reach the scheduler
WORKERS_TIMEOUT = 120    # seconds to wait for a first worker to join

Task = Callable[[list[Document], Config], BatchRun]

# ---- the workers' side -------------------------------------------------------------------------

_PIPELINES: dict[Config, Pipeline] = {}
_LOCK = threading.Lock()  # a pipeline runs one batch at a time, whatever the worker's thread count


def worker_pipeline(config: Config) -> Pipeline:
    """This worker process's pipeline for ``config``, built and loaded on first use."""
    with _LOCK:
        if config not in _PIPELINES:
            pipe = Pipeline(config)
            pipe.ctx.load_all()
            _PIPELINES[config] = pipe
        return _PIPELINES[config]


def run_on_worker(docs: list[Document], config: Config) -> BatchRun:
    """The task: one batch run through this worker's pipeline."""
    pipe = worker_pipeline(config)
    with _LOCK:
        return run_batch(pipe, docs, worker=_worker_name())


def _worker_name() -> str:
    try:
        from distributed import get_worker

        return str(get_worker().address)
    except ValueError:  # not running on a worker
        return "local"


class PipelineLoader(WorkerPlugin):  # type: ignore[misc]
    """A Dask worker plugin that loads the pipeline when a worker joins (or the run starts)."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def setup(self, worker: Any) -> None:
        """Load the pipeline in this worker process."""
        worker_pipeline(self.config)

    def teardown(self, worker: Any) -> None:
        """Nothing to release: the pipeline stays cached for the next run."""


# ---- the client's side -------------------------------------------------------------------------

class ClusterRunner(Runner):
    """Batches run as tasks on a Dask scheduler's workers."""

    def __init__(self, config: Config, address: str, *, ordered: bool = True, task: Task = run_on_worker,
                 retries: int = RETRIES) -> None:
        self.config, self.address, self.ordered = config, check_address(address), ordered
        self.task, self.retries = task, retries
        self.client: Any = None
        self.stats = RunStats()
        self.run_id = uuid.uuid4().hex[:8]

    def __enter__(self) -> ClusterRunner:
        t0 = time.perf_counter()
        try:
            self.client = Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {self.address} ({exc}); "
                              "start one with `dask scheduler` (see docs/SCALE.md)") from exc
        try:
            self.client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
        except TimeoutError as exc:
            self.__exit__()
            raise ConfigError(f"no Dask worker joined the scheduler at {self.address} within "
                              f"{WORKERS_TIMEOUT} s; start some with `dask worker {self.address}`") from exc
        name = "wirewatch-pipeline-" + hashlib.sha1(repr(self.config).encode()).hexdigest()[:12]
        self.client.register_plugin(PipelineLoader(self.config), name=name)
        self.stats.startup_seconds = time.perf_counter() - t0
        self.stats.workers = len(self.client.scheduler_info().get("workers", {}))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None

    @property
    def window(self) -> int:
        """Tasks in flight at most: two per worker thread."""
        workers = self.client.scheduler_info().get("workers", {})
        return 2 * max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        """Each batch's outcomes as its task finishes (in input order if ``ordered``)."""
        todo = enumerate(batches)
        running: dict[str, tuple[int, Batch]] = {}
        done: dict[int, list[Outcome]] = {}
        ac = as_completed(loop=self.client.loop)
        window, next_out = self.window, 0
        for n, batch in itertools.islice(todo, window):
            ac.add(self._submit(n, batch, running))
        for future in ac:
            n, batch = running.pop(future.key)
            outcomes = self._outcomes(future, batch)
            if not self.ordered:
                yield outcomes
            else:
                done[n] = outcomes
                while next_out in done:
                    yield done.pop(next_out)
                    next_out += 1
            in_flight = len(running) + len(done)
            for n, batch in itertools.islice(todo, max(0, window - in_flight)):
                ac.add(self._submit(n, batch, running))

    def _submit(self, n: int, batch: Batch, running: dict[str, tuple[int, Batch]]) -> Any:
        docs = [i for i in batch if isinstance(i, Document)]
        key = f"wirewatch-batch-{self.run_id}-{n}"
        running[key] = (n, batch)
        return self.client.submit(self.task, docs, self.config, key=key, retries=self.retries, pure=False)

    def _outcomes(self, future: Any, batch: Batch) -> list[Outcome]:
        """A finished task's outcomes with the batch's input errors back in place."""
        try:
            run: BatchRun = future.result()
        except Exception as exc:  # noqa: BLE001 - the task failed on every try: fail its documents, go on
            return lost(batch, f"failed on the cluster after {self.retries + 1} tries: {type(exc).__name__}: {exc}")
        finally:
            future.release()
        it = iter(self.stats.add(run))
        return [Outcome(i.origin, error=i) if isinstance(i, InputError) else next(it) for i in batch]

    def fill(self, stats: RunStats) -> None:
        """Start-up time (connecting and loading every worker's pipeline), stage seconds, worker memory."""
        stats.workers = self.stats.workers
        stats.startup_seconds = self.stats.startup_seconds
        stats.cpu_seconds = self.stats.cpu_seconds
        stats.add_timings(self.stats.stage_seconds)
        stats.peak_rss_mib.update(self.stats.peak_rss_mib)
        stats.peak_rss_mib["parent"] = peak_rss_mib()
