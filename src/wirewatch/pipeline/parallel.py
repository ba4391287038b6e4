"""Running the pipeline over many documents: in this process, or in a pool of worker processes.

Documents are cut into batches of ``batch_size`` in input order. With one worker the batches
run here, through :class:`~wirewatch.pipeline.runner.Pipeline` as always. With more, each
worker process loads the pipeline once and runs whole batches; the parent reads the inputs,
keeps at most two batches per worker in flight (so a million documents never sit in memory)
and gets the outcomes back in input order, so the records are the ones one worker writes.
With ``cluster=`` the batches go to a Dask scheduler instead (see
:mod:`wirewatch.pipeline.cluster`).

A document that fails is one failed :class:`Outcome`, as in a one-process run. A worker
process that dies (killed, out of memory) loses only the batches in flight: they run again on
a fresh pool, one at a time, and a batch that kills its worker even alone is split into its
documents, so only a document that kills a worker by itself is reported as failed.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import re
import resource
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from wirewatch.config import Config
from wirewatch.document import Document
from wirewatch.errors import ConfigError, InputError, StageError, WirewatchError
from wirewatch.pipeline.runner import Pipeline, Result

Item = Document | InputError
Batch = list[Item]
BatchCallback = Callable[[list["Outcome"]], None]

STARTUP_TIMEOUT = 900  # seconds for every worker to load the pipeline
CLUSTER_ADDRESS = re.compile(r"^(tcp|tls)://[^\s/]+:\d{1,5}$")


@dataclass
class Outcome:
    """One document's outcome: its wirewatch/1 record, or the error that stopped it.

    Unlike :class:`~wirewatch.pipeline.runner.Result` it holds the finished record, not the
    document, so it is small and travels between processes (errors included).
    """

    origin: str
    record: dict[str, Any] | None = None
    error: WirewatchError | None = None

    @property
    def ok(self) -> bool:
        """Whether the document went through every stage."""
        return self.error is None

    @classmethod
    def of(cls, result: Result) -> Outcome:
        """The outcome of a pipeline result."""
        from wirewatch.record.serialize import to_record

        if result.doc is None:
            return cls(result.origin, error=result.error)
        return cls(result.origin, record=to_record(result.doc))

    def __reduce__(self) -> tuple[Any, ...]:
        # wirewatch's errors take (origin, reason, ...) and cannot be unpickled the default way.
        return (_outcome, (self.origin, self.record, _packed(self.error)))


def _packed(err: WirewatchError | None) -> tuple[type[WirewatchError], str, dict[str, Any]] | None:
    if err is None:
        return None
    attrs = {k: v for k, v in vars(err).items() if isinstance(v, str | int | float | type(None))}
    return type(err), str(err), attrs


def _outcome(origin: str, record: dict[str, Any] | None,
             packed: tuple[type[WirewatchError], str, dict[str, Any]] | None) -> Outcome:
    error = None
    if packed is not None:
        cls, message, attrs = packed
        error = cls.__new__(cls)
        Exception.__init__(error, message)
        error.__dict__.update(attrs)
    return Outcome(origin, record, error)


def lost(batch: Iterable[Item], why: str) -> list[Outcome]:
    """Failed outcomes for every document of a batch that could not be run (``why`` says how)."""
    out = []
    for item in batch:
        if isinstance(item, InputError):
            out.append(Outcome(item.origin, error=item))
        else:
            out.append(Outcome(item.origin, error=StageError(item.id, item.origin, "worker", RuntimeError(why))))
    return out


@dataclass
class RunStats:
    """What a run did: documents, start-up and stage seconds, and each worker's peak memory."""

    workers: int = 1
    documents: int = 0
    failed: int = 0
    startup_seconds: float = 0.0
    cpu_seconds: float = 0.0  # CPU time the batches took, summed over workers (start-up excluded)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    peak_rss_mib: dict[str, float] = field(default_factory=dict)  # process -> peak resident MiB ("main", "parent", a worker)

    def add_timings(self, timings: dict[str, float]) -> None:
        """Add stage seconds (summed over workers: CPU time, not wall time)."""
        for name, seconds in timings.items():
            self.stage_seconds[name] = self.stage_seconds.get(name, 0.0) + seconds

    def add(self, run: BatchRun) -> list[Outcome]:
        """Count a batch run's stage and CPU seconds and its worker's peak memory; its outcomes."""
        self.add_timings(run.timings)
        self.cpu_seconds += run.cpu_seconds
        self.peak_rss_mib[run.worker] = max(run.rss_mib, self.peak_rss_mib.get(run.worker, 0.0))
        return run.outcomes

    def count(self, outcomes: list[Outcome]) -> None:
        """Count a batch's outcomes."""
        self.documents += sum(o.ok for o in outcomes)
        self.failed += sum(not o.ok for o in outcomes)


def batched(items: Iterable[Item], size: int) -> Iterator[Batch]:
    """``items`` in lists of ``size`` (the last may be shorter), in order."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def default_workers(config: Config) -> int:
    """The configured number of workers; 0 in the configuration means one per CPU core."""
    if config.workers > 0:
        return config.workers
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_address(address: str) -> str:
    """``address`` if it is a Dask scheduler address (``tcp://HOST:PORT``).

    Raises:
        ConfigError: it is not.
    """
    if not CLUSTER_ADDRESS.match(address):
        raise ConfigError(f"{address!r} is not a Dask scheduler address (expected tcp://HOST:PORT)")
    return address


def peak_rss_mib() -> float:
    """This process's peak resident memory in MiB (``ru_maxrss``)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def process(items: Iterable[Item], config: Config, *, workers: int | None = None, cluster: str | None = None,
            ordered: bool = True, on_batch: BatchCallback | None = None,
            stats: RunStats | None = None) -> Iterator[Outcome]:
    """Outcomes for ``items``, run in this process, a pool of ``workers`` processes, or a Dask cluster.

    Args:
        items: documents and input errors (as :func:`wirewatch.ingest.sources.read_inputs` gives).
        config: the settings; ``batch_size`` is the unit of work.
        workers: worker processes (default from the configuration: one per core); 1 runs here.
            An input of one batch or less always runs here.
        cluster: a Dask scheduler address (``tcp://HOST:PORT``); overrides ``workers``.
        ordered: outcomes in input order (else, with a cluster, in the order batches finish).
        on_batch: called with each batch's outcomes when the batch is done, before they are yielded.
        stats: filled in with what the run did.

    Raises:
        ConfigError: the workers or the cluster could not be started or reached.
    """
    stats = stats if stats is not None else RunStats()
    batches = batched(items, config.batch_size)
    if cluster:
        from wirewatch.pipeline.cluster import ClusterRunner

        runner: Runner = ClusterRunner(config, cluster, ordered=ordered)
    else:
        first = list(itertools.islice(batches, 2))
        batches = itertools.chain(first, batches)
        n = default_workers(config) if workers is None else workers
        runner = PoolRunner(config, n) if n > 1 and len(first) > 1 else LocalRunner(config)
    with runner:
        for outcomes in runner.map(batches):
            stats.count(outcomes)
            if on_batch is not None:
                on_batch(outcomes)
            yield from outcomes
        runner.fill(stats)


class Runner:
    """Runs batches somewhere and gives back their outcomes (a context manager)."""

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        """Each batch's outcomes, one list per batch."""
        raise NotImplementedError

    def fill(self, stats: RunStats) -> None:
        """Put start-up time, stage time and memory figures into ``stats``."""
        raise NotImplementedError


class LocalRunner(Runner):
    """Batches run in this process, through the shared pipeline (the one-worker path)."""

    def __init__(self, config: Config) -> None:
        from wirewatch.api import get_pipeline

        self.pipe = get_pipeline(config)
        self.stats = RunStats()

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        """Load the pipeline, then run each batch here."""
        self.pipe.ctx.load_all()
        self.stats = RunStats(startup_seconds=self.pipe.ctx.startup_seconds)
        for batch in batches:
            yield self.stats.add(run_batch(self.pipe, batch, worker="main"))

    def fill(self, stats: RunStats) -> None:
        """The pipeline's own timings."""
        stats.workers = 1
        stats.startup_seconds = self.stats.startup_seconds
        stats.cpu_seconds = self.stats.cpu_seconds
        stats.add_timings(self.stats.stage_seconds)
        stats.peak_rss_mib["main"] = peak_rss_mib()


# ---- the worker processes' side --------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, barrier: Any, parent: int) -> None:
    """Load the pipeline once in a new worker process, and die with the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="wirewatch-parent-watch").start()
    pipe = Pipeline(config)
    pipe.ctx.load_all()
    _WORKER.update(pipe=pipe, barrier=barrier)


def _watch_parent(parent: int) -> None:
    """Exit when the parent process is gone (killed with -9, say), so no worker is left behind."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _ready() -> tuple[int, float]:
    """Wait until every worker has loaded the pipeline; this worker's pid and start-up seconds."""
    _WORKER["barrier"].wait(STARTUP_TIMEOUT)
    return os.getpid(), _WORKER["pipe"].ctx.startup_seconds


@dataclass
class BatchRun:
    """What running one batch gave: outcomes, stage and CPU seconds, the worker and its peak memory."""

    outcomes: list[Outcome]
    timings: dict[str, float]
    cpu_seconds: float
    worker: str
    rss_mib: float


def run_batch(pipe: Pipeline, batch: Iterable[Item], worker: str) -> BatchRun:
    """Run one batch through ``pipe`` (in the process of ``worker``)."""
    before, cpu = dict(pipe.timings), time.process_time()
    outcomes = [Outcome.of(r) for r in pipe.run(batch)]
    timings = {k: v - before.get(k, 0.0) for k, v in pipe.timings.items()}
    return BatchRun(outcomes, timings, time.process_time() - cpu, worker, peak_rss_mib())


def _work(docs: list[Document]) -> BatchRun:
    """A worker's task: one batch run through this worker's pipeline."""
    return run_batch(_WORKER["pipe"], list(docs), worker=str(os.getpid()))


# ---- the parent's side -----------------------------------------------------------------------


@dataclass
class _InFlight:
    batch: Batch
    future: Future[BatchRun]
    outcomes: list[Outcome] | None = None  # set when the batch was run again after a worker died


class PoolRunner(Runner):
    """Batches run in worker processes, each with its own pipeline; outcomes in input order."""

    def __init__(self, config: Config, workers: int) -> None:
        self.config, self.workers = config, workers
        self.window = 2 * workers
        self.pool: ProcessPoolExecutor | None = None
        self.pids: list[int] = []
        self.stats = RunStats(workers=workers)

    def __enter__(self) -> PoolRunner:
        self._start()
        return self

    def __exit__(self, exc_type: object = None, *exc: object) -> None:
        self._stop(now=exc_type is not None)

    def _stop(self, now: bool) -> None:
        """Shut the pool down: after the running batches, or ``now`` (interrupted: stop the workers)."""
        if self.pool is None:
            return
        started = list(getattr(self.pool, "_processes", None) or {})  # workers still loading have no pid in self.pids
        self.pool.shutdown(wait=not now, cancel_futures=True)
        if now:
            for pid in set(self.pids) | set(started):
                try:
                    os.kill(pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        self.pool = None

    def _start(self) -> None:
        """A fresh pool whose workers have all loaded the pipeline."""
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(self.workers)
        self.pool = ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                        initargs=(self.config, barrier, os.getpid()))
        t0 = time.perf_counter()
        try:
            self.pids = [f.result()[0] for f in [self.pool.submit(_ready) for _ in range(self.workers)]]
        except (BrokenProcessPool, threading.BrokenBarrierError) as exc:
            self._stop(now=True)
            raise ConfigError(f"the {self.workers} worker processes could not load the pipeline ({exc}); "
                              "try fewer --workers (each needs about 750 MiB)") from exc
        except BaseException:  # interrupted while the workers load
            self._stop(now=True)
            raise
        self.stats.startup_seconds += time.perf_counter() - t0

    def _restart(self) -> None:
        self._stop(now=True)
        self._start()

    def map(self, batches: Iterable[Batch]) -> Iterator[list[Outcome]]:
        """Keep ``window`` batches in flight; yield each batch's outcomes in input order."""
        pending: deque[_InFlight] = deque()
        for batch in batches:
            pending.append(_InFlight(batch, self._submit(batch)))
            if len(pending) >= self.window:
                yield self._collect(pending)
        while pending:
            yield self._collect(pending)

    def _submit(self, batch: Batch) -> Future[BatchRun]:
        assert self.pool is not None
        try:
            return self.pool.submit(_work, [i for i in batch if isinstance(i, Document)])
        except BrokenProcessPool as exc:
            broken: Future[BatchRun] = Future()
            broken.set_exception(exc)
            return broken

    def _collect(self, pending: deque[_InFlight]) -> list[Outcome]:
        """The oldest batch's outcomes, with its input errors back in place."""
        head = pending[0]
        if head.outcomes is None:
            try:
                head.outcomes = self.stats.add(head.future.result())
            except BrokenProcessPool:
                self._recover(pending)
        pending.popleft()
        assert head.outcomes is not None
        done = iter(head.outcomes)
        return [Outcome(i.origin, error=i) if isinstance(i, InputError) else next(done) for i in head.batch]


    def _recover(self, pending: deque[_InFlight]) -> None:
        """A worker died: on a fresh pool, run each batch in flight again, alone, to find what kills."""
        self._restart()
        for entry in pending:
            entry.outcomes = self._alone([i for i in entry.batch if isinstance(i, Document)])

    def _alone(self, docs: list[Document]) -> list[Outcome]:
        """Outcomes of ``docs`` run with nothing else in flight; a document that kills its worker is failed."""
        try:
            return self.stats.add(self._submit(list(docs)).result())
        except BrokenProcessPool:
            self._restart()
        if len(docs) == 1:
            return lost(docs, "its worker process died while running it (crash or out of memory)")
        return [o for d in docs for o in self._alone([d])]

    def fill(self, stats: RunStats) -> None:
        """Start-up time of the pool, stage seconds summed over workers, each worker's peak memory."""
        stats.workers = self.workers
        stats.startup_seconds = self.stats.startup_seconds
        stats.cpu_seconds = self.stats.cpu_seconds
        stats.add_timings(self.stats.stage_seconds)
        stats.peak_rss_mib.update(self.stats.peak_rss_mib)
        stats.peak_rss_mib["parent"] = peak_rss_mib()
