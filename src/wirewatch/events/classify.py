"""Which candidate tokens name an event, and of which PLOVER type: the trigger model's decision.

Each candidate (``features.candidates``) gets a probability of naming an event from the
detector (``model/detect.npz``) and a probability for every type from the typer
(``model/types.npz``); a candidate whose likeliest type reaches the threshold becomes an event
of that type. Within one sentence, one act is one event: two
triggers of the same type whose parties do not differ (the same or no actors and recipients)
are one event, kept at the likelier trigger (``one_per_act``, after the parties are known).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from wirewatch.events.features import candidates, trigger_features
from wirewatch.events.model import LinearModel

PRIOR_WEIGHT = 0.3


@dataclass(frozen=True)
class Typed:
    """A candidate the model accepts: its token, type and probability."""

    token: Token
    type: str
    p: float


def typed_triggers(sent: Span, kinds: Mapping[int, str], detect: LinearModel, types: LinearModel,
                   threshold: float, rules: Mapping[int, frozenset[str]] | None = None,
                   prior: float = PRIOR_WEIGHT) -> list[Typed]:
    """The sentence's candidates whose likeliest event type reaches ``threshold``, in order.

    The probability of type T at a token is P(event) x P(T | event): the detector says whether
    the token names an event at all (it learns from every annotated event, whatever its type);
    the typer which type, mixed (weight ``prior``) with the types the lexicon rules give the
    token, so that a type with few training examples still has its PLOVER words.
    """
    cands = candidates(sent)
    if not cands:
        return []
    feats = [trigger_features(t, kinds, rules) for t in cands]
    p_event = detect.proba_many(feats)[:, detect.classes.index("EVENT")]
    p_type = types.proba_many(feats)
    out = []
    for tok, pe, pt in zip(cands, p_event, p_type):
        ruled = [types.classes.index(t) for t in (rules or {}).get(tok.i, ()) if t in types.classes]
        if ruled and prior:
            pt = (1 - prior) * pt
            for k in ruled:
                pt[k] += prior / len(ruled)
        best = int(pt.argmax())
        p = float(pe * pt[best])
        if p >= threshold:
            out.append(Typed(tok, types.classes[best], p))
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
