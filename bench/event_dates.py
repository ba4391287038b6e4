#!/usr/bin/env python3
"""Are events dated to their act? The dates of the coder's events against the stories gold.

The stories gold (``../shared/data/dev/stories/gold.json``) gives every coded event of its 33
reports a type, evidence and the date of the act (``null`` where the text gives none). This
script runs ``wirewatch extract`` on the reports and pairs each gold event with the event of its
type in the same report whose evidence holds the most of the gold evidence's words (at least
half, the referee's ``words_shared``). A pair's date is **right** when the gold gives a date and
the event's interval meets it (the referee's ``dates_fit``), **undated** when the event has no
date, **wrong** otherwise; gold events without a date are left out. The figures concern dating
alone: events the coder misses or types otherwise are not counted.

Usage: python bench/event_dates.py [--shared ../shared] [--cmd "wirewatch extract"] [--json OUT] [-v]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def dated_pairs(gold: dict[str, list[dict[str, Any]]], records: dict[str, dict[str, Any]], scorer: Any) -> list[dict[str, Any]]:
    """Each gold event with a date, paired with the report's event that states it, and the verdict."""
    out = []
    for doc, events in gold.items():
        rec = records.get(doc) or {}
        for g in events:
            if not g.get("date"):
                continue
            best, share = None, 0.5
            for e in rec.get("events", []):
                if e.get("type") != g["type"]:
                    continue
                s = scorer.words_shared((e.get("evidence") or {}).get("text"), g.get("evidence"))
                if s >= share:
                    best, share = e, s
            if best is None:
                continue
            value = (best.get("date") or {}).get("value")
            verdict = "undated" if value is None else "right" if scorer.dates_fit(g["date"], value) else "wrong"
            out.append({"doc": doc, "type": g["type"], "gold": g["date"], "value": value, "status": best.get("status"),
                        "verdict": verdict, "evidence": (best.get("evidence") or {}).get("text", "")[:100]})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cmd", default=f"{sys.executable} -m wirewatch extract")
    ap.add_argument("--json", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true", help="list the wrong dates")
    a = ap.parse_args()
    sys.path.insert(0, str(a.shared / "eval"))
    import score_stories  # the referee's matching helpers and runner, unchanged
    from common import run_extract

    folder = a.shared / "data" / "dev" / "stories"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["docs"]
    docs = [json.loads(line) for line in (folder / "docs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    records, _ = run_extract(docs, a.cmd)
    pairs = dated_pairs(gold, records, score_stories)
    n = len(pairs)
    counts = {v: sum(p["verdict"] == v for p in pairs) for v in ("right", "wrong", "undated")}
    figures = {"pairs": n, **counts, "right_share": counts["right"] / n if n else 0.0}
    print(f"event dates on the stories gold: {n} gold events found with their type and evidence; "
          f"dated right {counts['right']} ({100 * figures['right_share']:.1f}%), wrong {counts['wrong']}, undated {counts['undated']}")
    if a.verbose:
        for p in pairs:
            if p["verdict"] == "wrong":
                print(f"  {p['doc']} {p['type']} gold {p['gold']} got {p['value']} ({p['status']}): {p['evidence']}")
    if a.json:
        a.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
