#!/usr/bin/env python3
"""The event coder on annotated sentences it was not trained on: ``data/events/heldout/``.

Those files point into ``../shared`` by offsets (no text is copied into the repository); this
script reads the sentences back (``wirewatch.events.corpus.read_sentences``), writes them with
their text to a temporary file in the sentence-set format (``shared/docs/EVENT-GOLD.md``), and
runs the referee's own scorer on it, ``score_event_sentences.py``, unchanged.

Usage: python bench/events_heldout.py [--shared ../shared] [--cmd "wirewatch extract"] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_sentences(files: list[Path], shared_dev: Path, out: Path) -> int:
    """Write the held-out sentences with their text; return how many."""
    from wirewatch.events.corpus import read_sentences

    n = 0
    with out.open("w", encoding="utf-8") as f:
        for path in files:
            for s in read_sentences(path, shared_dev):
                row = {k: s[k] for k in ("id", "doc", "date", "text", "events") if k in s}
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cmd", default=f"{sys.executable} -m wirewatch extract")
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    files = sorted((ROOT / "data" / "events" / "heldout").glob("*.jsonl"))
    if not files:
        sys.exit("no held-out annotations in data/events/heldout/")
    with tempfile.TemporaryDirectory() as tmp:
        sentences = Path(tmp, "heldout_sentences.jsonl")
        n = write_sentences(files, a.shared / "data" / "dev", sentences)
        print(f"{n} held-out sentences from {len(files)} files", flush=True)
        argv = [sys.executable, str(a.shared / "eval" / "score_event_sentences.py"), str(sentences), "--cmd", a.cmd]
        if a.json:
            argv += ["--json", str(a.json)]
        sys.exit(subprocess.run(argv).returncode)


if __name__ == "__main__":
    main()
