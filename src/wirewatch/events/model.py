"""Linear models over string features, saved as NumPy archives in the package's ``model/`` folder.

A model is a weight matrix (features x classes), a bias per class and the feature names, in
``model/NAME.npz`` (written by ``train.py``, read here with ``allow_pickle=False``). Scoring
adds the weights of the features present and takes a softmax over the classes, as the
multinomial logistic regression it was trained as (scikit-learn at training time; only NumPy here).
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from wirewatch.errors import ConfigError

MODEL_DIR = Path(__file__).resolve().parent / "model"


class ModelError(ConfigError):
    """A trained model file is missing or unreadable.

    Attributes:
        path: the model file.
    """

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"event model {path}: {problem}; rebuild it with `make train` or reinstall wirewatch")
        self.path = path


@dataclass(frozen=True)
class LinearModel:
    """A multinomial logistic regression over sparse binary string features."""

    classes: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray          # (features, classes)
    bias: np.ndarray             # (classes,)
    meta: dict[str, object]

    def proba(self, features: Iterable[str]) -> np.ndarray:
        """Class probabilities for one item's features (unknown features are ignored)."""
        return self.proba_many([list(features)])[0]

    def proba_many(self, items: Sequence[Iterable[str]]) -> np.ndarray:
        """Class probabilities for several items at once, one row each."""
        index = self.index
        rows = [[index[f] for f in feats if f in index] for feats in items]
        z = np.tile(self.bias, (len(items), 1))
        flat = [k for r in rows for k in r]
        if flat:
            owner = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
            np.add.at(z, owner, self.weights[flat])      # every item's weights summed in one pass
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def save(self, path: Path) -> None:
        """Write the model to ``path`` (a ``.npz`` archive, no pickled objects)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        names = sorted(self.index, key=self.index.__getitem__)
        np.savez_compressed(
            path, weights=self.weights.astype(np.float32), bias=self.bias.astype(np.float32),
            classes=np.array(self.classes), features=np.array(names), meta=np.array(json.dumps(self.meta)),
        )


@dataclass(frozen=True)
class Calibration:
    """A monotone map from the trigger model's probability to the share of events right.

    Fitted on held-out predictions (``train.py``: each fold of the training articles scored by
    models trained on the others), so that of the events given 0.8, about 80% name an
    annotated event of that type. Stored as breakpoints, read by linear interpolation.
    """

    breaks: np.ndarray           # raw probabilities, increasing
    values: np.ndarray           # share right at each
    meta: dict[str, object]

    def __call__(self, p: float) -> float:
        """The calibrated confidence of an event of raw probability ``p``."""
        return float(np.interp(p, self.breaks, self.values))

    def save(self, path: Path) -> None:
        """Write the map to ``path`` (a ``.npz`` archive, no pickled objects)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path, breaks=self.breaks.astype(np.float64), values=self.values.astype(np.float64),
                            meta=np.array(json.dumps(self.meta)))


def load(path: Path) -> LinearModel:
    """Read a model written by :meth:`LinearModel.save`.

    Raises:
        ModelError: the file is missing or not a model archive.
    """
    try:
        with np.load(path, allow_pickle=False) as z:
            names = [str(f) for f in z["features"]]
            return LinearModel(
                classes=tuple(str(c) for c in z["classes"]), index={f: i for i, f in enumerate(names)},
                weights=z["weights"].astype(np.float64), bias=z["bias"].astype(np.float64),
                meta=json.loads(str(z["meta"])),
            )
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(path, f"cannot be read ({exc})") from exc


def load_calibration(path: Path) -> Calibration:
    """Read a map written by :meth:`Calibration.save`.

    Raises:
        ModelError: the file is missing or not a calibration archive.
    """
    try:
        with np.load(path, allow_pickle=False) as z:
            breaks, values = z["breaks"].astype(np.float64), z["values"].astype(np.float64)
            meta = json.loads(str(z["meta"]))
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(path, f"cannot be read ({exc})") from exc
    if breaks.ndim != 1 or breaks.shape != values.shape or len(breaks) < 2 or (np.diff(breaks) < 0).any():
        raise ModelError(path, "is not a monotone map")
    return Calibration(breaks, values, meta)


@lru_cache(maxsize=None)
def packaged(name: str) -> LinearModel:
    """A model shipped in the package (``model/NAME.npz``), loaded once."""
    return load(MODEL_DIR / f"{name}.npz")


@lru_cache(maxsize=None)
def packaged_calibration(name: str = "calibration") -> Calibration:
    """A confidence calibration shipped in the package (``model/NAME.npz``), loaded once:
    ``calibration`` for the linear models, ``calibration_encoder`` for their blend with the encoder."""
    return load_calibration(MODEL_DIR / f"{name}.npz")
