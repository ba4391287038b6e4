#!/usr/bin/env python3
"""Inter-annotator agreement on PolNeAR: how well two human annotators match each other.

PolNeAR annotates some texts more than once (one ``.ann`` file per annotator). This script takes
every text with at least two annotation files, treats the first (the one the referee scores
against) as gold and the second as a system, and scores them exactly as
``../shared/eval/score_attribution.py`` does (same pairing by cue overlap, same trimming, exact
F1 of cue, source and content). It gives the ceiling a tagger trained on one annotator's
conventions can be expected to approach.

Usage: python bench/agreement.py [--shared ../shared] [--split train|dev|both]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

PARTS = ("cue", "source", "content")


def tolerant_parse(path: Path, parse_ann) -> list[dict]:  # type: ignore[no-untyped-def]
    """The referee's brat parser, skipping the few malformed lines of the train split."""
    lines = path.read_text(encoding="utf-8").splitlines()
    good = [ln for ln in lines if not ln.startswith("T") or len(ln.split("\t")) >= 3]
    with tempfile.TemporaryDirectory() as tmp:
        clean = Path(tmp) / path.name
        clean.write_text("\n".join(good), encoding="utf-8")
        return parse_ann(clean)


def agreement(split: Path, shared: Path) -> tuple[int, dict[str, tuple[float, float, float]]]:
    """Return the number of doubly annotated texts and (P, R, F1) of cue, source and content."""
    sys.path.insert(0, str(shared / "eval"))
    from common import match_spans, overlaps, prf  # type: ignore[import-not-found]
    from score_attribution import parse_ann, trim  # type: ignore[import-not-found]

    n_texts = 0
    n_a = dict.fromkeys(PARTS, 0)
    n_b = dict.fromkeys(PARTS, 0)
    exact = dict.fromkeys(PARTS, 0)
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if len(anns) < 2:
            continue
        n_texts += 1
        text = txt.read_text(encoding="utf-8")
        a, b = (tolerant_parse(p, parse_ann) for p in anns[:2])
        for p in PARTS:
            n_a[p] += sum(x[p] is not None for x in a)
            n_b[p] += sum(x[p] is not None for x in b)
        key = lambda x: x["cue"] or x["content"] or (0, 0)  # noqa: E731
        for i, j in match_spans([key(x) for x in a], [key(x) for x in b]):
            for p in PARTS:
                if a[i][p] and b[j][p] and overlaps(a[i][p], b[j][p]):
                    exact[p] += trim(text, *a[i][p]) == trim(text, *b[j][p])
    return n_texts, {p: prf(exact[p], n_b[p], n_a[p]) for p in PARTS}


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--split", choices=("train", "dev", "both"), default="both")
    args = ap.parse_args()
    root = args.shared / "data" / "dev" / "attribution" / "polnear"
    for name in ("train", "dev") if args.split == "both" else (args.split,):
        n, figs = agreement(root / name, args.shared)
        shown = "  ".join(f"{p} {100 * figs[p][2]:.1f}" for p in PARTS)
        print(f"PolNeAR {name}: {n} texts annotated twice; annotator 2 against annotator 1, exact F1: {shown}")


if __name__ == "__main__":
    main()
