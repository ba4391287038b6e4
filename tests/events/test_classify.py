"""The trigger decision: detector times typer, the lexicon rules' prior, one event per act."""
from __future__ import annotations

import numpy as np
import pytest

from wirewatch.events.classify import Typed, one_per_act, typed_triggers
from wirewatch.events.model import LinearModel


def _models() -> tuple[LinearModel, LinearModel]:
    detect = LinearModel(("EVENT", "NONE"), {"l=attack": 0}, np.array([[5.0, 0.0]]), np.array([-3.0, 0.0]), {})
    types = LinearModel(("ASSAULT", "PROTEST"), {"l=attack": 0}, np.array([[2.0, 0.0]]), np.array([0.0, 0.0]), {})
    return detect, types


def test_a_candidate_the_detector_and_typer_agree_on_becomes_an_event(nlp) -> None:
    sent = next(nlp("Rebels attack the convoy.").sents)
    found = typed_triggers(sent, {}, *_models(), threshold=0.5)
    assert [(t.token.text, t.type) for t in found] == [("attack", "ASSAULT")]
    assert found[0].p == pytest.approx((1 / (1 + np.exp(-2))) * (1 / (1 + np.exp(-2))) , rel=0.2)


def test_nothing_passes_a_threshold_above_every_probability(nlp) -> None:
    sent = next(nlp("Rebels attack the convoy.").sents)
    assert typed_triggers(sent, {}, *_models(), threshold=0.99) == []


def test_the_rules_prior_moves_the_type_toward_the_rule(nlp) -> None:
    sent = next(nlp("Rebels attack the convoy.").sents)
    rules = {1: frozenset({"PROTEST"})}
    plain = typed_triggers(sent, {}, *_models(), threshold=0.0, rules=rules, prior=0.0)
    pushed = typed_triggers(sent, {}, *_models(), threshold=0.0, rules=rules, prior=0.9)
    at = lambda found: next(t.type for t in found if t.token.i == 1)  # noqa: E731
    assert at(plain) == "ASSAULT" and at(pushed) == "PROTEST"


def test_same_type_with_compatible_parties_is_one_act(nlp) -> None:
    doc = nlp("Rebels attacked and shelled the town.")
    a, b = Typed(doc[1], "ASSAULT", 0.9), Typed(doc[3], "ASSAULT", 0.6)
    assert one_per_act([(a, ("e1",), ()), (b, ("e1",), ("e2",))]) == [0]
    assert one_per_act([(a, ("e1",), ()), (b, ("e3",), ())]) == [0, 1]        # other actors: two acts
    assert one_per_act([(a, ("e1",), ()), (Typed(doc[3], "PROTEST", 0.6), ("e1",), ())]) == [0, 1]


def test_a_calibration_sets_the_confidence_the_threshold_is_compared_with(nlp) -> None:
    sent = next(nlp("Rebels attack the convoy.").sents)
    raw = typed_triggers(sent, {}, *_models(), threshold=0.0)
    halved = typed_triggers(sent, {}, *_models(), threshold=0.0, calibration=lambda p: p / 2)
    assert [t.p / 2 for t in raw] == pytest.approx([t.p for t in halved])
    top = max(t.p for t in raw)
    assert typed_triggers(sent, {}, *_models(), threshold=top * 0.75, calibration=lambda p: p / 2) == []


def test_the_encoder_blend_can_make_and_retype_an_event(nlp) -> None:
    from wirewatch.events.classify import Encoded

    sent = next(nlp("Rebels attack the convoy.").sents)
    classes = ("NONE", "ASSAULT", "PROTEST")
    rows = np.tile([1.0, 0.0, 0.0], (len(sent), 1))
    rows[1] = [0.0, 0.0, 1.0]                   # the encoder is sure "attack" is a PROTEST
    plain = typed_triggers(sent, {}, *_models(), threshold=0.0)
    blended = typed_triggers(sent, {}, *_models(), threshold=0.0, encoded=Encoded(rows, classes))
    at = lambda found: next(t for t in found if t.token.i == 1)  # noqa: E731
    assert at(plain).type == "ASSAULT" and at(blended).type == "PROTEST"
    s = 1 / (1 + np.exp(-2))                     # the detector's P(EVENT), the typer's P(ASSAULT)
    assert at(blended).p == pytest.approx((0.5 * 1 + 0.5 * s) * (0.5 * 1 + 0.5 * (1 - s)))


def test_an_encoder_saying_none_lowers_the_confidence(nlp) -> None:
    from wirewatch.events.classify import Encoded

    sent = next(nlp("Rebels attack the convoy.").sents)
    rows = np.tile([1.0, 0.0, 0.0], (len(sent), 1))
    plain = typed_triggers(sent, {}, *_models(), threshold=0.0)
    blended = typed_triggers(sent, {}, *_models(), threshold=0.0, encoded=Encoded(rows, ("NONE", "ASSAULT", "PROTEST")))
    assert next(t.p for t in blended if t.token.i == 1) < next(t.p for t in plain if t.token.i == 1)


def test_a_word_the_encoder_did_not_reach_is_left_to_the_linear_models(nlp) -> None:
    from wirewatch.events.classify import Encoded

    sent = next(nlp("Rebels attack the convoy.").sents)
    rows = np.full((len(sent), 3), np.nan)        # past the word-piece limit: no opinion
    plain = typed_triggers(sent, {}, *_models(), threshold=0.0)
    blended = typed_triggers(sent, {}, *_models(), threshold=0.0, encoded=Encoded(rows, ("NONE", "ASSAULT", "PROTEST")))
    assert [(t.type, t.p) for t in blended] == [(t.type, t.p) for t in plain]
