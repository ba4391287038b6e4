"""The linear model format: save, load, score; a missing file names itself."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from wirewatch.events.model import Calibration, LinearModel, ModelError, load, load_calibration, packaged, packaged_calibration


def _model() -> LinearModel:
    w = np.array([[0.0, 2.0], [0.0, -3.0]])
    return LinearModel(("NONE", "EVENT"), {"l=attack": 0, "l=say": 1}, w, np.array([0.0, -1.0]), {"C": 1.0})


def test_features_add_their_weights_and_softmax_gives_probabilities() -> None:
    p = _model().proba(["l=attack", "unknown"])
    assert p.sum() == pytest.approx(1.0)
    assert p[1] == pytest.approx(1 / (1 + np.exp(-1.0)))      # sigmoid(2 - 1)
    assert _model().proba(["l=say"])[1] < 0.05


def test_saved_model_loads_back_identical(tmp_path: Path) -> None:
    m = _model()
    m.save(tmp_path / "m.npz")
    back = load(tmp_path / "m.npz")
    assert back.classes == m.classes and back.index == m.index and back.meta == m.meta
    assert np.allclose(back.proba_many([["l=attack"], ["l=say"]]), m.proba_many([["l=attack"], ["l=say"]]))


def test_missing_model_file_is_a_model_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="nothing.npz.*make train"):
        load(tmp_path / "nothing.npz")


def test_packaged_models_cover_every_plover_type_and_the_party_roles() -> None:
    from wirewatch.events.lexicon import PLOVER_TYPES

    assert set(packaged("types").classes) == set(PLOVER_TYPES)
    assert set(packaged("detect").classes) == {"EVENT", "NONE"}
    assert set(packaged("parties").classes) == {"actor", "recipient", "none"}


def test_a_calibration_maps_probabilities_monotonically_and_loads_back(tmp_path: Path) -> None:
    cal = Calibration(np.array([0.0, 0.5, 1.0]), np.array([0.0, 0.3, 0.9]), {"method": "test"})
    assert cal(0.25) == pytest.approx(0.15) and cal(1.0) == pytest.approx(0.9)
    cal.save(tmp_path / "c.npz")
    back = load_calibration(tmp_path / "c.npz")
    assert back(0.75) == pytest.approx(cal(0.75)) and back.meta == {"method": "test"}


def test_a_calibration_that_is_not_monotone_is_refused(tmp_path: Path) -> None:
    Calibration(np.array([0.0, 0.6, 0.5]), np.array([0.0, 0.3, 0.9]), {}).save(tmp_path / "c.npz")
    with pytest.raises(ModelError, match="monotone"):
        load_calibration(tmp_path / "c.npz")


def test_the_packaged_calibration_lowers_no_probability_to_nonsense() -> None:
    cal = packaged_calibration()
    values = [cal(p) for p in np.linspace(0, 1, 21)]
    assert values == sorted(values) and 0.0 <= values[0] and values[-1] <= 1.0
    assert set(packaged("status").classes) == {"occurred", "ongoing", "planned", "expected", "possible", "negated"}
