#!/usr/bin/env python3
"""Benchmark: merge 100,000 stored events into stories; seconds and peak memory of each phase.

Usage: bench/stories_scale.py [--events 100000] [--late 1000] [--seed 7] [--keep DB]

Synthetic wirewatch/1 records (``wirewatch.stories.synthetic``: known world events told by
1-8 documents each, with the variations of wire copy) are saved to a fresh SQLite store; then,
each in its own process so that its peak resident memory is its own:

- ``store``:     saving the records (for scale, not part of the merge);
- ``merge-db``:  ``update_stories`` building every story of the store from scratch, in pages;
- ``late``:      ``--late`` more documents ingested afterwards, merged incrementally (no rebuild);
- ``merge-mem``: ``build_stories`` over the same records in memory (``wirewatch stories FILE``);
- ``gdelt``:     the GDELT-style baseline over the same records.

Each line reports wall and CPU seconds (CPU is what the machine's load does not inflate), peak RSS and, against the synthetic world ids, B-cubed P/R/F1.
The target is under 2 minutes for ``merge-db`` on the project machine.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def _data(events: int, seed: int, late: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[Any, str]]:
    from wirewatch.stories.synthetic import records

    recs, gold = records(events + late, seed=seed)
    n_late = max(0, round(len(recs) * late / (events + late)))
    # the late documents are the last published: the store has the earlier ones already
    recs.sort(key=lambda r: (r["doc"]["date"], r["doc"]["id"]))
    return recs[: len(recs) - n_late], recs[len(recs) - n_late:], gold


def _load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _gold(work: Path) -> dict[tuple[str, str], str]:
    return {tuple(k.split("\t")): w for k, w in json.loads((work / "gold.json").read_text()).items()}  # type: ignore[misc]


def phase(name: str, db: str, events: int, seed: int, late: int) -> dict[str, Any]:
    """Run one phase in this process; return its figures."""
    from wirewatch.store import Store
    from wirewatch.stories import build_stories
    from wirewatch.stories.store import StoryStore
    from wirewatch.stories.synthetic import bcubed, iter_chunks

    work = Path(db).parent
    out: dict[str, Any] = {"phase": name}
    t0, c0 = time.perf_counter(), _cpu()
    if name == "store":
        first, later, gold = _data(events, seed, late)
        t0, c0 = time.perf_counter(), _cpu()
        with Store(db) as s:
            for chunk in iter_chunks(first, 500):
                s.save(chunk)
        out["seconds"], out["cpu_seconds"] = time.perf_counter() - t0, _cpu() - c0
        out["events"] = sum(len(r["events"]) for r in first)
        for fname, recs in (("first.jsonl", first), ("late.jsonl", later)):
            (work / fname).write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
        (work / "gold.json").write_text(json.dumps({f"{d}\t{v}": w for (d, v), w in gold.items()}))
    elif name in ("merge-db", "late"):
        with Store(db) as s:
            if name == "late":
                for chunk in iter_chunks(_load(work / "late.jsonl"), 500):
                    s.save(chunk)
                t0, c0 = time.perf_counter(), _cpu()
            stats = StoryStore(s).update()
            out["seconds"], out["cpu_seconds"] = time.perf_counter() - t0, _cpu() - c0
            out["documents"], out["reports"] = stats.documents, stats.reports
            peak = _peak_mib()
            stories = list(StoryStore(s).stories())
        out["stories"], out["bcubed"], out["peak_rss_mib"] = len(stories), bcubed(stories, _gold(work)), peak
    else:
        first = _load(work / "first.jsonl")
        t0, c0 = time.perf_counter(), _cpu()
        stories = build_stories(((r, "synthetic") for r in first), method="gdelt" if name == "gdelt" else "merge")
        out["seconds"], out["cpu_seconds"] = time.perf_counter() - t0, _cpu() - c0
        out["stories"], out["bcubed"] = len(stories), bcubed(stories, _gold(work))
    out.setdefault("peak_rss_mib", _peak_mib())
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000, help="stored events to merge (at most 1,000,000)")
    ap.add_argument("--late", type=int, default=1000, help="events of documents ingested after the first merge")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", help="keep the database at this path (default: a temporary file)")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if not 0 < a.events <= 1_000_000:
        raise SystemExit("--events must be between 1 and 1,000,000")
    if a.phase:
        print(json.dumps(phase(a.phase, a.db, a.events, a.seed, a.late)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(a.keep).resolve()) if a.keep else str(Path(tmp, "bench.db"))
        print(f"stories_scale: {a.events:,} synthetic events (+{a.late:,} late), seed {a.seed}")
        for name in ("store", "merge-db", "late", "merge-mem", "gdelt"):
            proc = subprocess.run([sys.executable, __file__, "--phase", name, "--db", db, "--events", str(a.events),
                                   "--seed", str(a.seed), "--late", str(a.late)], capture_output=True, text=True,
                                  timeout=1800)
            if proc.returncode != 0:
                sys.stderr.write(proc.stderr[-3000:])
                raise SystemExit(f"phase {name} failed")
            r = json.loads(proc.stdout.splitlines()[-1])
            extra = ""
            if "bcubed" in r:
                p, rc, f = r["bcubed"]
                extra = f"  {r['stories']:,} stories  B-cubed P {100 * p:.1f} R {100 * rc:.1f} F1 {100 * f:.1f}"
            if "documents" in r:
                extra += f"  ({r['documents']:,} documents, {r['reports']:,} reports merged)"
            if "events" in r:
                extra += f"  ({r['events']:,} events)"
            print(f"  {name:<10} {r['seconds']:8.1f} s wall {r['cpu_seconds']:8.1f} s CPU  peak RSS {r['peak_rss_mib']:7.0f} MiB{extra}", flush=True)


if __name__ == "__main__":
    main()
