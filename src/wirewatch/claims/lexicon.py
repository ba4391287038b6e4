"""Lazily loaded data tables of the claims stage (see ``data/README.md`` for their sources)."""
from __future__ import annotations

import csv
import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

DATA_DIR = Path(__file__).resolve().parent / "data"

#: Pseudo-counts of the back-off from (lemma, pos, frame) to (lemma, pos) and to the prior.
SMOOTH_FRAME = 3.0
SMOOTH_LEMMA = 2.0
PRIOR = 0.0


class ClaimsDataError(RuntimeError):
    """A data file of the claims stage is missing or malformed.

    Attributes:
        path: The offending file.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path


def _rows(name: str) -> list[dict[str, str]]:
    """Read a TSV data file, skipping '#' comment lines; the first other line is the header."""
    path = DATA_DIR / name
    try:
        with path.open(encoding="utf-8") as f:
            lines = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    except OSError as exc:
        raise ClaimsDataError(path, "cannot read") from exc
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _parse(name: str, build: Callable[[list[dict[str, str]]], T]) -> T:
    """Build a table from a data file's rows, turning a malformed row into ClaimsDataError."""
    try:
        return build(_rows(name))
    except (KeyError, ValueError, TypeError) as exc:
        raise ClaimsDataError(DATA_DIR / name, f"malformed row ({exc!r})") from exc


@dataclass(frozen=True)
class CueLexicon:
    """P(token heads a cue | lemma, coarse POS, frame), learned from PolNeAR train."""

    by_frame: dict[tuple[str, str, str], tuple[int, int]]
    by_lemma: dict[tuple[str, str], tuple[int, int]]

    def prob(self, lemma: str, pos: str, frame: str) -> float:
        """Return the smoothed probability that a token with these features is a cue head."""
        lc, ln = self.by_lemma.get((lemma, pos), (0, 0))
        p_lemma = (lc + SMOOTH_LEMMA * PRIOR) / (ln + SMOOTH_LEMMA)
        fc, fn = self.by_frame.get((lemma, pos, frame), (0, 0))
        return (fc + SMOOTH_FRAME * p_lemma) / (fn + SMOOTH_FRAME)


@functools.cache
def cue_lexicon() -> CueLexicon:
    """Load ``cue_lexicon.tsv`` once."""
    return _parse("cue_lexicon.tsv", _build_lexicon)


def _build_lexicon(rows: list[dict[str, str]]) -> CueLexicon:
    """Sum the (lemma, POS, frame) rows into the frame and lemma tables."""
    by_frame: dict[tuple[str, str, str], tuple[int, int]] = {}
    by_lemma: dict[tuple[str, str], list[int]] = {}
    for r in rows:
        n_cue, n_all = int(r["n_cue"]), int(r["n_all"])
        by_frame[(r["lemma"], r["pos"], r["frame"])] = (n_cue, n_all)
        acc = by_lemma.setdefault((r["lemma"], r["pos"]), [0, 0])
        acc[0] += n_cue
        acc[1] += n_all
    return CueLexicon(by_frame, {k: (v[0], v[1]) for k, v in by_lemma.items()})


@functools.cache
def cue_model() -> dict[str, float]:
    """Load ``cue_model.tsv``: feature -> logistic-regression weight of the cue classifier."""
    return _parse("cue_model.tsv", lambda rows: {r["feature"]: float(r["weight"]) for r in rows})


def cue_probability(features: list[str]) -> float:
    """Return the cue classifier's probability for a candidate described by ``features``."""
    weights = cue_model()
    z = sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def promising_noun(lemma: str) -> bool:
    """Return True when the classifier weighs the noun lemma towards a cue (a cheap gate before scoring)."""
    return cue_model().get(f"l={lemma}|NOUN", 0.0) > 0.0


@functools.cache
def cue_span_rates() -> dict[tuple[str, str, str], float]:
    """Load ``cue_span.tsv``: (dep, word, side) -> share of such children inside gold cue spans."""
    return _parse("cue_span.tsv", lambda rows: {
        (r["dep"], r["word"], r["side"]): int(r["n_in"]) / int(r["n_all"]) for r in rows})


@functools.cache
def word_classes() -> dict[str, dict[str, str]]:
    """Load ``words.tsv``: class -> {word: value} (stance verbs, media nouns, anonymous heads...)."""
    return _parse("words.tsv", _build_classes)


def _build_classes(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    """Group the (class, word, value) rows by class."""
    out: dict[str, dict[str, str]] = {}
    for r in rows:
        out.setdefault(r["class"], {})[r["word"]] = r["value"]
    return out


def word_class(name: str) -> dict[str, str]:
    """Return one class of ``words.tsv`` (empty when absent)."""
    return word_classes().get(name, {})
