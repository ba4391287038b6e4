#!/usr/bin/env python3
"""The event coder's figures on its training sentences: fitted, and held out by k-fold.

The training sentences (``wirewatch.events.corpus``, never the dev sets) are joined into their
articles and run through the pipeline once. Then:

* **fitted**: the models trained on all of them, scored on them (how well the model fits);
* **held out**: the articles split into k folds; each fold scored by models trained on the
  other folds (what to expect on news like the training sentences it has never seen); also
  the status of each gold trigger, by the held-out status model and by the clause rules alone.

Scoring is the referee's (``score_event_sentences.py``: its ``match``, ``agree`` and
``sys_codes``), on the same settings as ``wirewatch extract``. Set beside the dev figures of
``docs/EVALUATION.md``, these give the train/dev gap.

With ``--encoder-held HELD --encoder-rows ROWS`` (``make train-encoder`` writes both under
``build/encoder/``) it also scores the held-out fold the encoder was not tuned on, with the
linear models alone and with the encoder blended in (``events.model = "encoder"``), both trained
on the other folds: the encoder's train/dev gap.

The linear models distil the encoder as ``make train`` has them do (``--no-distill``: not).

Usage: python bench/events_gap.py [--shared ../shared] [--folds 5] [--no-distill] [--encoder-held build/encoder/held0.json --encoder-rows build/encoder/rows.json]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def score(pairs: list[tuple[Any, Any]], models: dict[str, Any], model: str = "linear") -> dict[str, float]:
    """Type and full P/R/F1 of the coder with ``models`` on analysed articles, as the referee counts."""
    from score_event_sentences import agree, match, sys_codes  # type: ignore[import-not-found]

    import wirewatch.events.stage as stage
    from wirewatch.config import load_config

    cfg = load_config()
    real = stage.packaged
    stage.packaged = models.__getitem__  # type: ignore[assignment]
    try:
        n_gold = n_sys = tp = full = 0
        for doc, art in pairs:
            events = stage.code_events(doc, cfg.event_threshold, cfg.party_threshold, model)
            ents = {e.id: {"country": e.country, "sector": e.sector} for e in doc.entities}
            for start, end, row in art.sentences:
                found = [{"type": e.type, "_actors": sys_codes(e.actors, ents), "_recipients": sys_codes(e.recipients, ents)}
                         for e in events if start <= e.evidence.start < end + 1]
                gold = row.get("events", [])
                n_gold, n_sys = n_gold + len(gold), n_sys + len(found)
                for i, j in match(gold, found):
                    tp += 1
                    a = agree(gold[i].get("actors", []), found[j]["_actors"])
                    r = agree(gold[i].get("recipients", []), found[j]["_recipients"])
                    full += a is not False and r is not False
    finally:
        stage.packaged = real  # type: ignore[assignment]
    f1 = lambda k: 2 * k / (n_sys + n_gold) if n_sys + n_gold else 0.0  # noqa: E731
    return {"type_p": tp / n_sys if n_sys else 0.0, "type_r": tp / n_gold, "type_f": f1(tp), "full_f": f1(full)}


def train_models(pairs: list[tuple[Any, Any]], pseudo: Any = None) -> dict[str, Any]:
    """The four models trained on these articles (and the encoder's examples), as ``make train`` trains them."""
    from wirewatch.events import train as T

    ex = T.examples(pairs)
    ex.pseudo = pseudo
    return T.train_models(ex, calibrate=False)   # the shipped calibration maps their probabilities


def status_right(pairs: list[tuple[Any, Any]], model: Any) -> tuple[int, int, int, int]:
    """On the gold triggers of these articles: how many statuses the status model gets right,
    how many the clause rules alone (its ``rule=`` feature), how many "occurred" would, and
    how many there are."""
    from wirewatch.events import train as T
    from wirewatch.events.status import learned_status

    ex = T.examples(pairs)
    rule = [next(x[5:] for x in f if x.startswith("rule=")) for f in ex.status]
    return (sum(learned_status(model, f) == y for f, y in zip(ex.status, ex.status_labels)),
            sum(r == y for r, y in zip(rule, ex.status_labels)),
            sum(y == "occurred" for y in ex.status_labels), len(ex.status_labels))


def encoder_fold(pairs: list[tuple[Any, Any]], held_path: Path, rows_path: Path, pseudo: Any = None) -> None:
    """Score the encoder's held-out fold with the linear models alone and with the encoder blended in."""
    import json

    import numpy as np

    import wirewatch.events.stage as stage
    from wirewatch.events.classify import Encoded

    held = json.loads(held_path.read_text())
    k, folds, classes = int(held["holdout"]), int(held["folds"]), tuple(held["classes"])
    text = {int(r["key"]): r["text"] for r in json.loads(rows_path.read_text())}
    unknown = [float("nan")] * len(classes)      # no opinion: the linear models decide
    by_text = {text[int(r["key"])]: np.array([p or unknown for p in r["probs"]]) for r in held["rows"]}
    missing = [0, 0]

    def encoded(sents: list[Any]) -> list[Encoded]:
        missing[0] += sum(s.text not in by_text for s in sents)
        missing[1] += len(sents)
        return [Encoded(by_text.get(s.text, np.tile(unknown, (len(s), 1))), classes) for s in sents]

    test = [p for i, p in enumerate(pairs) if i % folds == k]
    models = train_models([p for i, p in enumerate(pairs) if i % folds != k], pseudo)
    real = stage.encoded_sentences
    stage.encoded_sentences = encoded  # type: ignore[assignment]
    try:
        for name in ("linear", "encoder"):
            m = score(test, models, name)
            print(f"fold {k + 1} held out, events.model = {name}: type P/R/F1 {100 * m['type_p']:.1f}/"
                  f"{100 * m['type_r']:.1f}/{100 * m['type_f']:.1f}  full F1 {100 * m['full_f']:.1f}")
    finally:
        stage.encoded_sentences = real  # type: ignore[assignment]
    print(f"({missing[0]} of {missing[1]} sentences not in the held-out file: left to the linear models)")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--own", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "events")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--encoder-held", type=Path, help="the encoder's held-out probabilities (train_encoder.py --holdout)")
    ap.add_argument("--encoder-rows", type=Path, help="the encoder's training rows (train.py --encoder-rows)")
    ap.add_argument("--encoder-only", action="store_true", help="score only the encoder's held-out fold")
    ap.add_argument("--no-distill", action="store_true", help="train without the encoder's examples (make train distils them)")
    args = ap.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    from wirewatch.events import train as T
    from wirewatch.events.corpus import read_sentences, training_files

    files = training_files(args.shared, args.own)
    rows = [r for f in files for r in read_sentences(f, args.shared / "data" / "dev")]
    pairs = list(T.analysed(T.articles(rows)))
    # The encoder the linear models distil was tuned on every training article, held-out folds
    # included, so with distillation the held-out figures lean a little toward the fitted ones.
    pseudo = None if args.no_distill else T.distilled(args.shared / "data" / "dev", T.annotated_documents(args.shared, rows))
    if args.encoder_held:
        encoder_fold(pairs, args.encoder_held, args.encoder_rows or args.encoder_held.with_name("rows.json"), pseudo)
        if args.encoder_only:
            return
    fitted = score(pairs, train_models(pairs, pseudo))
    held: list[dict[str, float]] = []
    status = [0, 0, 0, 0]
    for k in range(args.folds):
        test = [p for i, p in enumerate(pairs) if i % args.folds == k]
        rest = [p for i, p in enumerate(pairs) if i % args.folds != k]
        models = train_models(rest, pseudo)
        held.append(score(test, models))
        status = [a + b for a, b in zip(status, status_right(test, models["status"]))]
        print(f"fold {k + 1}: type F1 {100 * held[-1]['type_f']:.1f}  full F1 {100 * held[-1]['full_f']:.1f}", flush=True)
    mean = {key: sum(h[key] for h in held) / len(held) for key in held[0]}
    for name, m in (("fitted (trained and scored on all)", fitted), (f"held out ({args.folds}-fold mean)", mean)):
        print(f"{name}: type P/R/F1 {100 * m['type_p']:.1f}/{100 * m['type_r']:.1f}/{100 * m['type_f']:.1f}"
              f"  full F1 {100 * m['full_f']:.1f}")
    model, rules, occurred, _ = (100 * x / status[3] for x in status)
    print(f"status of the {status[3]} gold triggers, held out: model {model:.1f}%, clause rules {rules:.1f}%, "
          f"always 'occurred' {occurred:.1f}%")


if __name__ == "__main__":
    main()
