#!/usr/bin/env python3
"""Run every referee scorer in ../shared/eval on its dev set and collect the figures.

The scorers are the yardstick (never modified); this script only calls them, each with
``--cmd "<python> -m wirewatch extract"`` and ``--json``, and gathers their figures into one
table (printed) and one JSON file. ``tests/test_quality_gate.py`` uses it to hold the figures
above the floors pinned in ``tests/quality_floors.json``.

The ``encoder_*`` scorers are the event scorers again, with the encoder setting
(``--config bench/encoder.cfg``: ``events.model = "encoder"``).

Usage: python bench/evaluate.py [--shared ../shared] [--only seed,timex,...] [--json OUT.json]
"""
from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CMD = f"{sys.executable} -m wirewatch extract"
ENCODER = "encoder_"          # prefix of a scorer run with the encoder setting


def scorers(shared: Path) -> dict[str, list[str]]:
    """Each scorer's command line (after the script path), by name."""
    dev = shared / "data" / "dev"
    events = _event_scorers(dev)
    return {
        "seed": ["score_seed.py"],
        "timex": ["score_timex.py", str(dev / "timeml" / "TimeBank"), str(dev / "timeml" / "AQUAINT")],
        "geo": ["score_geo.py", str(dev / "geo" / "lgl.xml")],
        "attribution": ["score_attribution.py", str(dev / "attribution" / "polnear" / "dev")],
        **events,
        "stories": ["score_stories.py", str(dev / "stories" / "docs.jsonl"), str(dev / "stories" / "gold.json")],
        **{ENCODER + name: cmd for name, cmd in events.items()},
    }


def _event_scorers(dev: Path) -> dict[str, list[str]]:
    return {"events": ["score_events.py", str(dev / "events" / "plover_gsr_dev.json")],
            "event_sentences_aquaint": ["score_event_sentences.py", str(dev / "events" / "aquaint_sentences.jsonl")],
            "event_sentences_timebank": ["score_event_sentences.py", str(dev / "events" / "timebank_sentences.jsonl")]}


def run_scorer(shared: Path, name: str, cmd: str = CMD) -> dict:
    """Run one scorer; return its figures (the seed scorer's pass count is parsed from its output)."""
    script, *args = scorers(shared)[name]
    with tempfile.TemporaryDirectory() as tmp:
        out_json = Path(tmp, "m.json")
        if name == "stories":       # the stories scorer runs `wirewatch stories`, not `extract`
            cmd = cmd.replace(" extract", " stories")
        if name.startswith(ENCODER):
            cmd = f"{cmd} --config {HERE / 'encoder.cfg'}"
        argv = [sys.executable, str(shared / "eval" / script), *args, "--cmd", cmd]
        if name != "seed":
            argv += ["--json", str(out_json)]
        proc = subprocess.run(argv, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"scorer {script} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}")
        if name == "seed":
            m = re.search(r"(\d+) passed, (\d+) failed", proc.stdout)
            assert m, proc.stdout
            passed, failed = int(m.group(1)), int(m.group(2))
            sections = dict((k, v) for k, v in re.findall(r"^(\w+)\s+(\d+/\d+)$", proc.stdout, re.M))
            return {"passed": passed, "total": passed + failed, "share": passed / (passed + failed), "sections": sections}
        return json.loads(out_json.read_text())


def headline(name: str, m: dict) -> str:
    """The figures of one scorer in one line."""
    pct = lambda x: f"{100 * x:.1f}"  # noqa: E731
    if name == "seed":
        return f"{m['passed']}/{m['total']} checks ({pct(m['share'])}%)  " + "  ".join(f"{k} {v}" for k, v in m["sections"].items())
    if name == "timex":
        return (f"strict F1 {pct(m['strict']['f'])}  relaxed F1 {pct(m['relaxed']['f'])}  value F1 {pct(m['value']['f'])}"
                f"  type acc {pct(m['type_accuracy'])}")
    if name == "geo":
        return (f"detection P/R/F1 {pct(m['detection']['p'])}/{pct(m['detection']['r'])}/{pct(m['detection']['f'])}"
                f"  acc@161 matched {pct(m['acc161_matched'])}  exact id {pct(m['exact_geonames_matched'])}"
                f"  end-to-end acc@161 {pct(m['acc161_end_to_end'])}")
    if name == "attribution":
        return "  ".join(f"{p} exact/partial F1 {pct(m[p]['exact']['f'])}/{pct(m[p]['partial']['f'])}"
                         for p in ("cue", "source", "content"))
    if name == "stories":
        return (f"B-cubed P/R/F1 {pct(m['bcubed']['p'])}/{pct(m['bcubed']['r'])}/{pct(m['bcubed']['f'])}"
                f"  found {pct(m['found'])}  held together {pct(m['held_together'])} of {m['big_world_events']}")
    name = name.removeprefix(ENCODER)
    if name.startswith("event_sentences"):
        return (f"type P/R/F1 {pct(m['type']['p'])}/{pct(m['type']['r'])}/{pct(m['type']['f'])}"
                f"  actor {pct(m['actor_agreement'])}  recipient {pct(m['recipient_agreement'])}"
                f"  status {pct(m['status_accuracy'])}  full P/R/F1 {pct(m['full']['p'])}/{pct(m['full']['r'])}/{pct(m['full']['f'])}")
    return (f"detected {pct(m['detected'])}  type {pct(m['type'])}  source {pct(m['source'])}  target {pct(m['target'])}"
            f"  full {pct(m['full'])}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(HERE.parent.parent / "shared"))
    ap.add_argument("--only", help="comma-separated scorer names (seed,timex,geo,attribution,events,event_sentences_aquaint,...)")
    ap.add_argument("--cmd", default=CMD)
    ap.add_argument("--json")
    ap.add_argument("--write-floors", metavar="FLOORS_JSON",
                    help="set the floors in this file (tests/quality_floors.json) to the figures just measured, "
                         "rounded down to 0.1 point; lowering a floor must be stated in the commit message")
    args = ap.parse_args()
    shared = Path(args.shared)
    names = args.only.split(",") if args.only else list(scorers(shared))
    results = {}
    for name in names:
        results[name] = run_scorer(shared, name, args.cmd)
        print(f"{name:12s} {headline(name, results[name])}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n")
    if args.write_floors:
        write_floors(Path(args.write_floors), results)


def write_floors(path: Path, results: dict) -> None:
    """Set each floor named in ``path`` that was measured now to the measured figure, rounded down."""
    floors = json.loads(path.read_text(encoding="utf-8"))
    for name, figures in results.items():
        for dotted in floors.get(name, {}):
            value = figures
            for part in dotted.split("."):
                value = value[part]
            old, new = floors[name][dotted], math.floor(float(value) * 1000) / 1000
            if new < old:
                print(f"  LOWERING {name} {dotted}: {old} -> {new} (say why in the commit message)")
            floors[name][dotted] = new
    path.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
