#!/usr/bin/env python3
"""How many events wirewatch gives per sentence, how many are right, and whether its confidence means it.

Two figures the referee's scorers do not print, computed from the same runs of
``wirewatch extract`` (through the referee's own ``run_extract``):

* PLOVER GSR (one coded event per sentence): system events per sentence, and the share of them
  whose type is the gold type (the issue asks for at most 1.3 and at least 70%);
* calibration on the all-events sentence sets: events binned by their ``confidence``; in each
  bin, the share whose type matches a gold event of their sentence (matched one-to-one as the
  referee matches them). A calibrated coder has about 80% right among events given 0.8.

Usage: python bench/events_precision.py [--shared ../shared] [--cmd "wirewatch extract"] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def gsr_figures(path: Path, cmd: str) -> dict[str, float]:
    """Events per sentence and the share of the gold type on PLOVER GSR records."""
    from common import run_extract  # type: ignore[import-not-found]
    from score_events import load  # type: ignore[import-not-found]

    gold = load(path, "all")
    recs, _ = run_extract([{"id": g["id"], "text": g["text"], "date": "2000-01-01"} for g in gold], cmd)
    n_events = right = 0
    for g in gold:
        types = [e["type"] for e in (recs.get(g["id"]) or {}).get("events", [])]
        n_events += len(types)
        right += sum(t == g["type"] for t in types)
    return {"sentences": len(gold), "events_per_sentence": n_events / len(gold),
            "share_of_gold_type": right / n_events if n_events else 0.0}


def calibration(paths: list[Path], cmd: str) -> list[dict[str, float]]:
    """Per confidence bin: events, and the share that match a gold event of their sentence by type."""
    from common import run_extract  # type: ignore[import-not-found]

    counts: Counter[tuple[int, bool]] = Counter()
    for path in paths:
        gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        docs: dict[str, dict] = {}
        spans: dict[str, list[tuple[int, int, dict]]] = {}
        for g in gold:
            d = docs.setdefault(g["doc"], {"id": g["doc"], "text": "", "date": g.get("date")})
            if d["text"]:
                d["text"] += " "
            spans.setdefault(g["doc"], []).append((len(d["text"]), len(d["text"]) + len(g["text"]), g))
            d["text"] += g["text"]
        recs, _ = run_extract(list(docs.values()), cmd)
        for doc_id, sents in spans.items():
            events = (recs.get(doc_id) or {}).get("events", [])
            for start, end, g in sents:
                mine = [e for e in events if start <= e["evidence"]["start"] < end + 1]
                left = Counter(e["type"] for e in g["events"])
                for e in sorted(mine, key=lambda e: -e["confidence"]):
                    ok = left[e["type"]] > 0
                    left[e["type"]] -= ok
                    b = next(i for i in range(len(BINS) - 1) if e["confidence"] < BINS[i + 1])
                    counts[(b, ok)] += 1
    out = []
    for i in range(len(BINS) - 1):
        n = counts[(i, True)] + counts[(i, False)]
        out.append({"from": BINS[i], "to": min(BINS[i + 1], 1.0), "events": n,
                    "right": counts[(i, True)] / n if n else 0.0})
    return out


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--cmd", default="wirewatch extract")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    dev = args.shared / "data" / "dev" / "events"
    gsr = gsr_figures(dev / "plover_gsr_dev.json", args.cmd)
    cal = calibration([dev / "aquaint_sentences.jsonl", dev / "timebank_sentences.jsonl"], args.cmd)
    print(f"PLOVER GSR dev: {gsr['events_per_sentence']:.2f} events per sentence, "
          f"{100 * gsr['share_of_gold_type']:.1f}% of them of the gold type")
    print("calibration on aquaint + timebank sentences (confidence bin: events, share right):")
    for row in cal:
        print(f"  {row['from']:.1f}-{row['to']:.1f}: {row['events']:4d} events, {100 * row['right']:.1f}% right")
    if args.json:
        args.json.write_text(json.dumps({"gsr": gsr, "calibration": cal}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
