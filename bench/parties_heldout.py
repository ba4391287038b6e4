#!/usr/bin/env python3
"""Held-out accuracy of the party model alone: who acts and who is acted on, given the right trigger.

The training articles (shared training sentences and ``data/events/``) are split in five folds
by article; for each fold the party model is trained on the other four (``train.examples``'
distant labels, ``train.gold_parties``, and ``train.PARTY_C``) and ``parties.choose_parties`` picks the parties of every
gold event of the fold at its gold trigger head, with the configured party threshold. Scored as
the referee scores matched events (``score_event_sentences.py``: by country, IGO / NGO by
sector): actor and recipient agreement where the gold knows a code, the share of events whose
known parties both agree, and how often a role is filled where the gold names no party (which
the referee does not count). Also: how often the sentence offers a candidate of the right code
at all (the ceiling of the choice).

Usage: python bench/parties_heldout.py [--shared ../shared] [--threshold 0.4] [--folds 5]
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from wirewatch.config import load_config
from wirewatch.events import train
from wirewatch.events.parties import candidate_features, choose_parties
from wirewatch.events.stage import mention_index


def known(codes: list[str]) -> set[str]:
    return {c for c in codes if c and c != "---"}


def gold_events(shared: Path, own: Path) -> list[dict]:
    """Every gold event of the training articles with its candidates, their features and labels."""
    files = train.training_files(shared, own)
    rows = [r for f in files for r in train.read_sentences(f, shared / "data" / "dev")]
    out = []
    for k, (doc, art) in enumerate(train.analysed(train.articles(rows))):
        index, codes = mention_index(doc), train.entity_codes(doc)
        for start, end, row in art.sentences:
            for head, ev in train.gold_heads(doc.spacy_doc, start, end, row).values():
                cands, speakers, labels = train.gold_parties(doc, index, codes, head, ev)
                out.append({"article": k, "head": head, "event": ev, "cands": cands, "speakers": speakers,
                            "features": candidate_features(head, ev["type"], cands, speakers),
                            "labels": labels, "codes": codes})
    return out


def evaluate(events: list[dict], folds: int, threshold: float) -> dict:
    """Agreement figures of the party choice, each fold's model trained on the other folds."""
    n = {"actor": [0, 0], "recipient": [0, 0], "both": [0, 0], "ceiling_actor": [0, 0], "ceiling_recipient": [0, 0],
         "filled_unknown": [0, 0]}
    for k in range(folds):
        xs = [f for e in events if e["article"] % folds != k for f in e["features"]]
        ys = [y for e in events if e["article"] % folds != k for y in e["labels"]]
        model = train.fit(xs, ys, train.PARTY_C)
        for e in (e for e in events if e["article"] % folds == k):
            got = choose_parties(e["head"], e["event"]["type"], e["cands"], model, threshold, e["speakers"])
            offered = set().union(set(), *(e["codes"].get(c.entity, set()) for c in e["cands"]))
            ok = True
            for role, ids in (("actor", got.actors), ("recipient", got.recipients)):
                gold = known(e["event"].get(role + "s", []))
                if not gold:
                    n["filled_unknown"][0] += bool(ids)
                    n["filled_unknown"][1] += 1
                    continue
                chosen = set().union(set(), *(e["codes"].get(i, set()) for i in ids))
                n[role][0] += bool(gold & chosen)
                n[role][1] += 1
                n["ceiling_" + role][0] += bool(gold & offered)
                n["ceiling_" + role][1] += 1
                ok = ok and bool(gold & chosen)
            n["both"][0] += ok
            n["both"][1] += 1
    return {k: {"share": round(100 * a / b, 1) if b else 0.0, "of": b} for k, (a, b) in n.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--own", type=Path, default=Path("data/events"))
    ap.add_argument("--threshold", type=float, help="party threshold (default: the configured events.party_threshold)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--json", type=Path)
    a = ap.parse_args()
    threshold = a.threshold if a.threshold is not None else load_config().party_threshold
    figures = {"threshold": threshold, "folds": a.folds, **evaluate(gold_events(a.shared, a.own), a.folds, threshold)}
    text = json.dumps(figures, indent=1)
    print(text)
    if a.json:
        a.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
