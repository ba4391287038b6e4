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

MODEL_DIR = Path(__file__).resolve().parent / "model"


class ModelError(RuntimeError):
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


@lru_cache(maxsize=None)
def packaged(name: str) -> LinearModel:
    """A model shipped in the package (``model/NAME.npz``), loaded once."""
    return load(MODEL_DIR / f"{name}.npz")
