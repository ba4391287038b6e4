"""bench/event_dates.py: gold events paired with the coder's by type and evidence, their dates judged."""
import importlib.util
import sys
from pathlib import Path


def test_pairs_are_judged_by_the_referees_date_fit(root: Path, shared: Path) -> None:
    spec = importlib.util.spec_from_file_location("event_dates", root / "bench" / "event_dates.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    sys.path.insert(0, str(shared / "eval"))
    import score_stories

    gold = {"d": [{"type": "CONSULT", "date": "2019-02-28", "evidence": "the summit in Hanoi broke down"},
                  {"type": "AGREE", "date": "2019-02-28", "evidence": "they agreed to talk again"},
                  {"type": "ACCUSE", "date": None, "evidence": "he blamed Washington"},
                  {"type": "REJECT", "date": "2019-02-27", "evidence": "Kim refused the offer"}]}
    ev = lambda t, text, value: {"type": t, "evidence": {"text": text}, "date": value and {"value": value}}  # noqa: E731
    records = {"d": {"events": [ev("CONSULT", "their summit in Hanoi broke down", "2019-02"),
                                ev("AGREE", "they agreed to talk again", "2019-03-01"),
                                ev("ACCUSE", "he blamed Washington", "2019-03-01"),
                                ev("REJECT", "Kim refused the offer", None)]}}
    pairs = mod.dated_pairs(gold, records, score_stories)
    assert [(p["type"], p["verdict"]) for p in pairs] == [("CONSULT", "right"), ("AGREE", "wrong"), ("REJECT", "undated")]
