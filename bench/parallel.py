#!/usr/bin/env python3
"""Parallel benchmark: documents per second for 1 and 2 worker processes and a 2-worker Dask cluster.

All three run the real command on the same texts, the news documents of bench/throughput.py
(read by its own ``corpus``: LGL local news articles, PolNeAR dev articles and the seed):

- ``wirewatch extract IN.jsonl -o OUT.jsonl --workers 1`` (the in-process path);
- ``wirewatch extract IN.jsonl -o OUT.jsonl --workers 2`` (a pool of two worker processes);
- ``wirewatch extract IN.jsonl -o OUT.jsonl --cluster tcp://127.0.0.1:PORT``, with a Dask
  scheduler and two one-thread workers started here on loopback (and stopped afterwards).

Reported for each: documents/s over the processing time (the command's ``--stats``: wall time
less start-up, where start-up is loading the pipeline, in every worker), the whole command's
wall time, the start-up time, the CPU seconds per document the batches took (summed over the
workers: what parallel running costs in total, whatever the load), the peak resident memory of each worker process and of the
parent (each its own ``ru_maxrss``; with one worker the one process does everything), and the speed-up over one worker. The records of the
three runs are compared: they must be identical. The machine's load average is printed before
and after each run: on a shared machine the figures are only as good as the load allows, and
where Linux shares the CPU between sessions (``/proc/sys/kernel/sched_autogroup_enabled``), the
processes of one session together get one session's share of a busy machine, so two workers
can only show their speed-up on an otherwise idle one.

Usage: python bench/parallel.py [--shared ../shared] [--docs 300] [--modes 1,2,cluster] [--repeat 1] [--json OUT.json]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from throughput import corpus, run_child  # noqa: E402  (the same texts, read the same way)

TIMEOUT = 1800  # seconds for one run at most


def load() -> str:
    """The load averages over 1, 5 and 15 minutes."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LoopbackCluster:
    """A Dask scheduler and two one-thread workers on 127.0.0.1, as subprocesses.

    They stay in the benchmark's session, like the worker processes of ``--workers 2``: where
    the kernel shares the CPU between sessions (autogroup), every mode then gets the same share.
    """

    def __init__(self, dask: Path, logs: Path, workers: int = 2) -> None:
        self.dask, self.logs, self.workers = dask, logs, workers
        self.address = f"tcp://127.0.0.1:{free_port()}"
        self.procs: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> LoopbackCluster:
        port = self.address.rsplit(":", 1)[1]
        self._start([str(self.dask), "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard"], "scheduler")
        for n in range(self.workers):
            self._start([str(self.dask), "worker", self.address, "--nworkers", "1", "--nthreads", "1",
                         "--host", "127.0.0.1", "--no-dashboard", "--death-timeout", "60",
                         "--local-directory", str(self.logs)], f"worker{n + 1}")
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(self.workers, timeout=300)
        return self

    def _start(self, argv: list[str], name: str) -> None:
        log = (self.logs / f"{name}.log").open("wb")
        self.procs.append(subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT))

    def __exit__(self, *exc: object) -> None:
        for p in reversed(self.procs):  # a worker's nanny stops its worker process on SIGTERM
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()


def run(wirewatch: str, src: Path, out: Path, extra: list[str], n_docs: int) -> dict[str, Any]:
    """One ``wirewatch extract`` run and its figures."""
    stats_path = out.with_suffix(".stats.json")
    before = load()
    argv = [wirewatch, "extract", str(src), "-o", str(out), "-q", "--stats", str(stats_path), *extra]
    wall, _, _ = run_child(["timeout", str(TIMEOUT), *argv])
    st = json.loads(stats_path.read_text())
    busy = st["seconds"] - st["startup_seconds"]
    rss = st["peak_rss_mib"]
    parent = rss.pop("parent", None)
    return {"command": " ".join(argv), "documents": st["documents"], "failed": st["failed"], "workers": st["workers"],
            "docs_per_s": n_docs / busy, "seconds": busy, "startup_seconds": st["startup_seconds"],
            "cpu_seconds_per_doc": st["cpu_seconds"] / n_docs,
            "wall_seconds": wall, "parent_peak_rss_mib": parent,
            "worker_peak_rss_mib": sorted(rss.values()), "load_before": before, "load_after": load()}


def compare(paths: list[Path]) -> tuple[bool, list[str]]:
    """Whether the runs wrote the same records, and the ids of the documents whose records differ."""
    runs = [path.read_text(encoding="utf-8").splitlines() for path in paths]
    differing: set[str] = set()
    for lines in runs[1:]:
        differing.update(json.loads(first)["doc"]["id"] for first, line in zip(runs[0], lines) if line != first)
    return not differing and len({len(lines) for lines in runs}) == 1, sorted(differing)


def show(mode: str, r: dict[str, Any]) -> None:
    """One run's line."""
    print(f"  {mode:>7}: {r['docs_per_s']:6.2f} docs/s  ({r['seconds']:.1f} s + start-up {r['startup_seconds']:.1f} s,"
          f" wall {r['wall_seconds']:.1f} s)  {r['cpu_seconds_per_doc']:.3f} CPU s/doc  worker peak RSS " + ", ".join(f"{m:.0f}" for m in r["worker_peak_rss_mib"])
          + " MiB" + (f", parent {r['parent_peak_rss_mib']:.0f} MiB" if r["parent_peak_rss_mib"] else "")
          + f"; load {r['load_before']} -> {r['load_after']}", flush=True)


def rounds(args: argparse.Namespace, src: Path, tmp: Path, n_docs: int) -> dict[str, list[dict[str, Any]]]:
    """Every mode, ``--repeat`` times in turn (so that a change of load hits them alike)."""
    modes = args.modes.split(",")
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    with contextlib.ExitStack() as stack:
        cluster = (stack.enter_context(LoopbackCluster(Path(args.wirewatch).with_name("dask"), tmp))
                   if "cluster" in modes else None)
        for _ in range(args.repeat):
            for mode in modes:
                extra = ["--cluster", cluster.address] if mode == "cluster" and cluster else ["--workers", mode]
                runs[mode].append(run(args.wirewatch, src, tmp / f"out-{mode}.jsonl", extra, n_docs))
                show(mode, runs[mode][-1])
    return runs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--modes", default="1,2,cluster", help="comma-separated: 1, 2 (workers) and/or cluster")
    ap.add_argument("--repeat", type=int, default=1, help="run every mode this many times; the best run counts")
    ap.add_argument("--wirewatch", default=str(Path(sys.executable).with_name("wirewatch")))
    ap.add_argument("--json", help="also write the figures to this JSON file")
    args = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the loopback cluster on the way out

    docs = corpus(Path(args.shared), args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    print(f"{len(docs)} documents, {words:,} words; {os.cpu_count()} CPUs; load average {load()}", flush=True)
    res: dict[str, Any] = {"documents": len(docs), "words": words}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.jsonl")
        src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        res["runs"] = rounds(args, src, Path(tmp), len(docs))
        res["identical_records"], res["differing_ids"] = compare([Path(tmp, f"out-{m}.jsonl") for m in res["runs"]])
    res["best"] = {m: max(rs, key=lambda r: r["docs_per_s"]) for m, rs in res["runs"].items()}
    base = res["best"].get("1")
    print("best of each (docs/s, speed-up over one worker): " + ", ".join(
        f"{m} {r['docs_per_s']:.2f}" + (f" ({r['docs_per_s'] / base['docs_per_s']:.2f}x)" if base else "")
        for m, r in res["best"].items()))
    print(f"records identical in every run: {res['identical_records']}"
          + (f" (they differ for {', '.join(res['differing_ids'][:10])})" if res["differing_ids"] else ""))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
