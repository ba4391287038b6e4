"""Agreement of two annotations of the same sentences by docs/EVENT-GOLD.md (shared guideline).

Usage: python bench/annotation_agreement.py [--shared ../shared] SECOND.jsonl FIRST.jsonl [FIRST.jsonl ...]

The FIRST files are the reference, SECOND scored against them as a system is scored by
``../shared/eval/score_event_sentences.py``, with that scorer's own ``match`` (one-to-one within a
sentence and type, pairs whose actors and recipients agree first) and ``agree`` (the second names
one of the reference's known codes): type P / R / F1; actor and recipient agreement on matched
pairs whose reference codes are known; full F1 (type, actors and known recipients agree); status
accuracy on matched pairs. Sentences pair by ``id``; only those both files hold are compared.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _rows(path: Path) -> dict[str, list[dict]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["id"]] = row.get("events", [])
    return out


def agreement(first: dict[str, list[dict]], second: dict[str, list[dict]]) -> dict[str, float]:
    """The figures of SECOND against FIRST over the sentences both hold (``../shared/eval`` on sys.path)."""
    from score_event_sentences import agree, match  # type: ignore[import-not-found]

    ids = sorted(set(first) & set(second))
    n_ref = sum(len(first[i]) for i in ids)
    n_sys = sum(len(second[i]) for i in ids)
    matched = actor_n = actor_ok = rec_n = rec_ok = full = status_ok = 0
    for i in ids:
        gold = first[i]
        found = [dict(s, _actors=set(s["actors"]), _recipients=set(s["recipients"])) for s in second[i]]
        for gi, sj in match(gold, found):
            g, s = gold[gi], found[sj]
            matched += 1
            a, r = agree(g["actors"], s["_actors"]), agree(g["recipients"], s["_recipients"])
            actor_n += a is not None
            actor_ok += a is True
            rec_n += r is not None
            rec_ok += r is True
            full += a is not False and r is not False
            status_ok += g["status"] == s["status"]

    def f1(k: int) -> float:
        p, rc = k / n_sys if n_sys else 0.0, k / n_ref if n_ref else 0.0
        return 200 * p * rc / (p + rc) if p + rc else 0.0
    return {"sentences": len(ids), "events_first": n_ref, "events_second": n_sys,
            "type_p": 100 * matched / n_sys if n_sys else 0.0, "type_r": 100 * matched / n_ref if n_ref else 0.0,
            "type_f1": f1(matched), "actor": 100 * actor_ok / actor_n if actor_n else 0.0,
            "recipient": 100 * rec_ok / rec_n if rec_n else 0.0, "full_f1": f1(full),
            "status": 100 * status_ok / matched if matched else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("second", type=Path, help="the annotation to score")
    ap.add_argument("first", type=Path, nargs="+", help="the reference annotation(s)")
    args = ap.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    first: dict[str, list[dict]] = {}
    for path in args.first:
        first.update(_rows(path))
    res = agreement(first, _rows(args.second))
    print(json.dumps({k: round(v, 1) if isinstance(v, float) else v for k, v in res.items()}))


if __name__ == "__main__":
    main()
