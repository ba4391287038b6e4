"""bench/annotation_agreement.py: one annotation scored against another as the referee scores a coder."""
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture
def agreement_module(root: Path, shared: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(shared / "eval"))            # the referee's match and agree
    spec = importlib.util.spec_from_file_location("annotation_agreement", root / "bench" / "annotation_agreement.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def ev(typ: str, actors: list[str], recipients: list[str], status: str = "occurred") -> dict:
    return {"type": typ, "actors": actors, "recipients": recipients, "status": status, "trigger": "x"}


def test_identical_annotations_agree_fully(agreement_module: ModuleType) -> None:
    a = {"s1": [ev("ACCUSE", ["USA"], ["IRQ"])], "s2": []}
    res = agreement_module.agreement(a, a)
    assert res["type_f1"] == res["full_f1"] == res["status"] == 100.0


def test_a_missed_event_a_wrong_party_and_a_status(agreement_module: ModuleType) -> None:
    first = {"s1": [ev("ACCUSE", ["USA"], ["IRQ"]), ev("CONSULT", ["USA"], ["RUS"], "planned")]}
    second = {"s1": [ev("CONSULT", ["USA"], ["CHN"], "occurred")], "s3": [ev("AID", ["USA"], [])]}
    res = agreement_module.agreement(first, second)
    assert res["sentences"] == 1                      # only the sentences both hold
    assert res["type_p"] == 100.0 and res["type_r"] == 50.0
    assert res["recipient"] == 0.0 and res["full_f1"] == 0.0 and res["status"] == 0.0


def test_unknown_reference_codes_do_not_count_against(agreement_module: ModuleType) -> None:
    res = agreement_module.agreement({"s1": [ev("ASSAULT", ["---"], [])]}, {"s1": [ev("ASSAULT", ["SYR"], ["TUR"])]})
    assert res["full_f1"] == 100.0 and res["actor"] == 0.0      # no known actor code: not scored
