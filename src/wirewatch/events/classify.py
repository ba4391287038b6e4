"""Which candidate tokens name an event, and of which PLOVER type: the trigger model's decision.

Each candidate (``features.candidates``) gets a probability of naming an event from the
detector (``model/detect.npz``) and a probability for every type from the typer
(``model/types.npz``); their product for the likeliest type, calibrated into the share of such
events that are right (``model/calibration.npz``), is the event's confidence, and a candidate
whose confidence reaches the threshold becomes an event of that type. Within one sentence, one act is one event: two
triggers of the same type whose parties do not differ (the same or no actors and recipients)
are one event, kept at the likelier trigger (``one_per_act``, after the parties are known).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Span, Token

from wirewatch.events.features import candidates, trigger_features
from wirewatch.events.model import LinearModel

PRIOR_WEIGHT = 0.3
# The encoder's share when it is on (``events.model = "encoder"``): 0.5 and 0.7 were tried on
# the dev sets (type F1 AQUAINT 61.7 / 62.4, TimeBank 52.8 / 54.8, GSR 65.8 / 64.6 at their
# best thresholds); the encoder alone is weak on the GSR's rarer types (GSR type 41.6).
ENCODER_WEIGHT = 0.5
# The encoder reads only the sentences where the linear models already see an event with at
# least this probability: on the dev sets, 0.08 leaves a fifth of the sentences unread and every
# figure within 0.4 points; 0.15 leaves a third and costs up to 1.7 points of type F1.
ENCODER_GATE = 0.08


@dataclass(frozen=True)
class Encoded:
    """The encoder's class probabilities for a sentence's tokens (one row per token, from the
    sentence's first token; classes in ``classes`` order, NONE first)."""

    rows: np.ndarray
    classes: tuple[str, ...]


@dataclass(frozen=True)
class Typed:
    """A candidate the model accepts: its token, type and probability."""

    token: Token
    type: str
    p: float


@dataclass(frozen=True)
class Scored:
    """A sentence's candidate tokens, their features and the linear models' probabilities:
    P(event) from the detector, P(type | event) from the typer (one row per candidate)."""

    tokens: list[Token]
    feats: list[list[str]]
    p_event: np.ndarray
    p_type: np.ndarray

    def best(self, types: LinearModel, prior: float = PRIOR_WEIGHT) -> float:
        """The linear models' probability of the sentence's likeliest event (0 without candidates)."""
        return max((p for _, p in _pick(self.feats, self.p_event, self.p_type, types, prior)), default=0.0)


def score(sent: Span, kinds: Mapping[int, str], detect: LinearModel, types: LinearModel,
          rules: Mapping[int, frozenset[str]] | None = None) -> Scored:
    """The sentence's candidates scored by the linear models."""
    cands = candidates(sent)
    feats = [trigger_features(t, kinds, rules) for t in cands]
    if not feats:
        return Scored([], [], np.zeros(0), np.zeros((0, len(types.classes))))
    return Scored(cands, feats, *_linear(feats, detect, types))


def _linear(feats: Sequence[list[str]], detect: LinearModel, types: LinearModel) -> tuple[np.ndarray, np.ndarray]:
    """The detector's P(event) and the typer's P(type | event) for each candidate's features."""
    return detect.proba_many(feats)[:, detect.classes.index("EVENT")], types.proba_many(feats)


def typed_triggers(sent: Span, kinds: Mapping[int, str], detect: LinearModel, types: LinearModel,
                   threshold: float, rules: Mapping[int, frozenset[str]] | None = None,
                   prior: float = PRIOR_WEIGHT, calibration: Callable[[float], float] | None = None,
                   encoded: Encoded | None = None) -> list[Typed]:
    """The sentence's candidates whose likeliest event type reaches ``threshold``, in order.

    ``calibration`` maps the model's probability to the confidence reported and compared with
    ``threshold`` (``model.Calibration``); without it the probability is the confidence.
    ``encoded``: the encoder's probabilities for the sentence's tokens, blended in when given.
    """
    return accepted(score(sent, kinds, detect, types, rules), types, threshold, prior, calibration, encoded)


def accepted(scored: Scored, types: LinearModel, threshold: float, prior: float = PRIOR_WEIGHT,
             calibration: Callable[[float], float] | None = None, encoded: Encoded | None = None) -> list[Typed]:
    """The scored candidates whose likeliest type's confidence reaches ``threshold`` (see
    ``typed_triggers``), blended with the encoder's rows for the sentence when given."""
    if not scored.tokens:
        return []
    p_event, p_type = scored.p_event, scored.p_type
    if encoded is not None:
        sent_start = scored.tokens[0].sent.start
        rows = Encoded(encoded.rows[[t.i - sent_start for t in scored.tokens]], encoded.classes)
        p_event, p_type = blend(p_event, p_type, types, rows)
    out = []
    for tok, (typ, p) in zip(scored.tokens, _pick(scored.feats, p_event, p_type, types, prior)):
        conf = calibration(p) if calibration is not None else p
        if conf >= threshold:
            out.append(Typed(tok, typ, conf))
    return out


def best_types(feats: Sequence[list[str]], detect: LinearModel, types: LinearModel,
               prior: float = PRIOR_WEIGHT, encoded: Encoded | None = None,
               encoder_weight: float = ENCODER_WEIGHT) -> list[tuple[str, float]]:
    """The likeliest type of each candidate (given by its features) and its probability.

    The probability of type T at a token is P(event) x P(T | event): the detector says whether
    the token names an event at all (it learns from every annotated event, whatever its type);
    the typer which type, mixed (weight ``prior``) with the types the lexicon rules give the
    token (its ``rule=T`` features), so that a type with few training examples still has its
    PLOVER words. With ``encoded`` (the encoder's rows for the same candidates) both
    probabilities are first blended with the encoder's (``blend``).
    """
    if not feats:
        return []
    p_event, p_type = _linear(feats, detect, types)
    if encoded is not None:
        p_event, p_type = blend(p_event, p_type, types, encoded, encoder_weight)
    return _pick(feats, p_event, p_type, types, prior)


def blend(p_event: np.ndarray, p_type: np.ndarray, types: LinearModel, encoded: Encoded,
          encoder_weight: float = ENCODER_WEIGHT) -> tuple[np.ndarray, np.ndarray]:
    """The linear models' probabilities averaged with the encoder's (weight ``encoder_weight``):
    its P(event) is one minus its P(NONE), its P(T | event) its probability of T renormalized
    over the typer's types; a row of NaN (no opinion) leaves that candidate to the linear models."""
    cols = [encoded.classes.index(c) if c in encoded.classes else -1 for c in types.classes]
    enc_type = np.where(np.array(cols) >= 0, encoded.rows[:, cols], 0.0)
    enc_type /= np.maximum(enc_type.sum(axis=1, keepdims=True), 1e-9)
    # a row of NaN (a word past the encoder's word-piece limit) leaves the linear models alone
    w = np.where(np.isnan(encoded.rows[:, 0]), 0.0, encoder_weight)
    p_event = w * np.nan_to_num(1.0 - encoded.rows[:, 0]) + (1 - w) * p_event
    p_type = w[:, None] * np.nan_to_num(enc_type) + (1 - w[:, None]) * p_type
    return p_event, p_type


def _pick(feats: Sequence[list[str]], p_event: np.ndarray, p_type: np.ndarray, types: LinearModel,
          prior: float) -> list[tuple[str, float]]:
    """Each candidate's likeliest type, its P(T | event) mixed with the lexicon rules' types."""
    out = []
    for f, pe, pt in zip(feats, p_event, p_type):
        ruled = [types.classes.index(x[5:]) for x in f if x.startswith("rule=") and x[5:] in types.classes]
        if ruled and prior:
            pt = (1 - prior) * pt
            for k in ruled:
                pt[k] += prior / len(ruled)
        best = int(pt.argmax())
        out.append((types.classes[best], float(pe * pt[best])))
    return out


def one_per_act(found: Sequence[tuple[Typed, tuple[str, ...], tuple[str, ...]]]) -> list[int]:
    """Indices of the events to keep: of several of one type in a sentence whose parties do not
    conflict (each side of one is empty or equal to the other's), the likeliest."""
    keep: list[int] = []
    for i, (t, actors, recips) in sorted(enumerate(found), key=lambda x: -x[1][0].p):
        same = any(found[k][0].type == t.type and _compatible(actors, found[k][1]) and _compatible(recips, found[k][2])
                   for k in keep)
        if not same:
            keep.append(i)
    return sorted(keep)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return not a or not b or set(a) == set(b)
