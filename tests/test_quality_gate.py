"""The quality gate: the referee's figures on the dev gold sets stay at or above their floors.

Floors live in ``quality_floors.json`` as dotted paths into each scorer's figures. A change
that lowers a figure fails here; lowering a floor is a decision stated in a commit message.
"""
import importlib.util
import json
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.gate]
FLOORS = json.loads((Path(__file__).with_name("quality_floors.json")).read_text(encoding="utf-8"))


def _evaluate_module(root: Path):
    spec = importlib.util.spec_from_file_location("ww_evaluate", root / "bench" / "evaluate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _get(figures: dict, dotted: str) -> float:
    for part in dotted.split("."):
        figures = figures[part]
    return float(figures)


@pytest.mark.parametrize("scorer", sorted(k for k in FLOORS if not k.startswith("_")))
def test_dev_figures_hold_their_floors(scorer, root, shared):
    figures = _evaluate_module(root).run_scorer(shared, scorer)
    below = {k: (_get(figures, k), floor) for k, floor in FLOORS[scorer].items() if _get(figures, k) < floor}
    assert not below, f"{scorer}: figures below their floors (got, floor): {below}"
