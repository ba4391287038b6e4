"""bench/events_heldout.py: the held-out annotations read back into the referee's sentence format."""
import importlib.util
import json
from pathlib import Path


def test_held_out_sentences_carry_their_text_and_gold(root: Path, shared: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("events_heldout", root / "bench" / "events_heldout.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    files = sorted((root / "data" / "events" / "heldout").glob("*.jsonl"))
    out = tmp_path / "s.jsonl"
    n = mod.write_sentences(files, shared / "data" / "dev", out)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(rows) == sum(1 for f in files for _ in f.open(encoding="utf-8"))
    assert all(r["text"] and all(e["trigger"] in r["text"] for e in r["events"]) for r in rows)
    assert {"id", "doc", "text", "events"} <= set(rows[0])
