"""Train the event models from annotated sentences: ``python -m wirewatch.events.train`` (``make train``).

The training sentences (``corpus.py``: the shared training sets and the project's own
annotations, never the dev sets) are joined back into their articles, as the referee does,
and run through the pipeline up to the claims stage. Then:

* every candidate token (``features.candidates``) is an example for the detector, labelled
  ``EVENT`` when it heads a gold event's trigger, else ``NONE``; the heads alone are the examples
  of the typer, labelled with their event's type, the rarer types weighted up (``type_weights``);
* every candidate party (``parties.party_candidates``) of a gold event is an example for the
  party model, labelled ``actor`` or ``recipient`` when its entity's country (or IGO / NGO
  sector) is among the gold actors or recipients, else ``none``;
* every gold event's trigger head is an example for the status model, labelled with its status.

The detector and the typer also learn from the encoder (``encoder.py``), distilled: the leading
sentences of every article of the training corpora that no annotation uses (``corpus.unannotated``)
are run through the pipeline, and each candidate there is an example weighted by the encoder's
probabilities (``Pseudo``): for the detector, EVENT with weight ``DISTILL_WEIGHT`` x P(event) and
NONE with ``DISTILL_WEIGHT`` x P(NONE); for the typer, each type the encoder gives at least a tenth
of an event's probability, weighted by its probability. The fast linear models so learn words and
contexts the annotated sentences lack (``--no-distill`` trains on the annotations alone).

All four are logistic regressions (scikit-learn, fixed seed and solver, so the same
data gives the same model), saved with their feature names as NumPy archives in ``model/``.
The confidence calibration (``model/calibration.npz``) maps the trigger models' probability to
the share of events right (Platt scaling: a logistic regression on the probability's logit),
fitted on held-out predictions: the articles split into five folds, each scored by a detector
and typer trained on the other four.

The encoder (``events.model = "encoder"``) is fine-tuned apart, in an environment with PyTorch
(``make train-encoder``): ``--encoder-rows FILE`` writes its training rows (``encoder_rows``),
``train_encoder.py`` tunes it on them, and ``--encoder-calibration HELD`` also fits the calibration
of the blended confidence (``model/calibration_encoder.npz``) on one held-out fold: it depends on
the linear models, so it is refitted whenever they are (``make train`` does when the held-out
fold is there).
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from wirewatch.document import Document
from wirewatch.events.classify import Encoded, best_types
from wirewatch.events.corpus import read_sentences, training_files, unannotated
from wirewatch.events.encoder import packaged_encoder, token_spans
from wirewatch.events.features import candidates, is_candidate, trigger_features
from wirewatch.events.model import MODEL_DIR, Calibration, LinearModel
from wirewatch.events.parties import PartyCandidate, candidate_features, party_candidates, speakers_of
from wirewatch.events.stage import encoded_sentences, kinds_by_token, mention_index, rule_types, status_inputs

PRE_EVENT_STAGES = ("ingest", "nlp", "entities", "places", "times", "claims")


@dataclass
class Article:
    """Annotated sentences joined back into one article, and their character spans in it."""

    id: str
    date: str | None
    text: str = ""
    sentences: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)


def articles(rows: list[dict[str, Any]]) -> list[Article]:
    """Sentences grouped by document, in order, joined by one space (as the referee joins them)."""
    out: dict[str, Article] = {}
    for row in rows:
        a = out.setdefault(row["doc"], Article(row["doc"], row.get("date")))
        if a.text:
            a.text += " "
        a.sentences.append((len(a.text), len(a.text) + len(row["text"]), row))
        a.text += row["text"]
    return list(out.values())


def analysed(arts: list[Article]) -> Iterator[tuple[Document, Article]]:
    """Each article run through the pipeline up to the claims stage."""
    from wirewatch.config import load_config
    from wirewatch.pipeline.runner import Pipeline

    pipe = Pipeline(dataclasses.replace(load_config(), stages=PRE_EVENT_STAGES))
    docs = [Document(id=a.id, text=a.text, date=dt.date.fromisoformat(a.date) if a.date else None,
                     date_source="metadata" if a.date else None, origin=a.id) for a in arts]
    for a, result in zip(arts, pipe.run(docs)):
        if result.ok and result.doc is not None:
            yield result.doc, a


def trigger_head(sdoc: Any, start: int, end: int, trigger: str) -> Any:
    """The candidate token that heads a gold trigger inside the sentence ``[start, end)``: the
    root of the trigger's span, else its first candidate token; None if it has none."""
    at = sdoc.text.find(trigger, start, end)
    if at < 0:
        return None
    span = sdoc.char_span(at, at + len(trigger), alignment_mode="expand")
    if span is None:
        return None
    if is_candidate(span.root):
        return span.root
    return next((t for t in span if is_candidate(t)), None)


def entity_codes(doc: Document) -> dict[str, set[str]]:
    """Entity id -> the codes the referee compares: its country and an IGO / NGO sector."""
    out = {}
    for e in doc.entities:
        codes = {e.country} if e.country else set()
        if e.sector in ("IGO", "NGO"):
            codes.add(e.sector)
        out[e.id] = codes
    return out


def party_label(codes: set[str], gold: dict[str, Any], before: bool) -> str:
    """``actor``, ``recipient`` or ``none`` for a candidate whose entity has ``codes``; a country on
    both sides (a domestic act) goes by side: before the trigger acts, after it is acted on."""
    actor = bool(codes & set(gold.get("actors", [])))
    recip = bool(codes & set(gold.get("recipients", [])))
    if actor and recip:
        return "actor" if before else "recipient"
    return "actor" if actor else "recipient" if recip else "none"


LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "outside", "inside", "around", "within"})


def is_location(c: PartyCandidate) -> bool:
    """A place named as where something happens ("talks in Vladivostok"): never a party, by the
    guideline, though the distant label would make it one when its country is a party's."""
    tok = c.token
    return c.kind == "place" and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS


@dataclass
class Examples:
    """Features and labels of the four models' training examples."""

    triggers: list[list[str]] = field(default_factory=list)
    trigger_labels: list[str] = field(default_factory=list)       # a type, or NONE
    trigger_articles: list[int] = field(default_factory=list)     # which article each comes from
    parties: list[list[str]] = field(default_factory=list)
    party_labels: list[str] = field(default_factory=list)         # actor | recipient | none
    status: list[list[str]] = field(default_factory=list)
    status_labels: list[str] = field(default_factory=list)
    pseudo: Pseudo | None = None                                  # the encoder's examples, distilled


@dataclass
class Pseudo:
    """Candidates of unannotated sentences and the encoder's class probabilities for each (its
    rows in ``classes`` order, NONE first): the examples the linear trigger models distil."""

    triggers: list[list[str]]
    probs: np.ndarray
    classes: tuple[str, ...]

    def detector_examples(self, weight: float) -> tuple[list[list[str]], list[str], np.ndarray]:
        """Each candidate twice, EVENT and NONE, weighted by the encoder's probability of each."""
        none = self.probs[:, 0]
        return (self.triggers + self.triggers, ["EVENT"] * len(self.triggers) + ["NONE"] * len(self.triggers),
                weight * np.concatenate([1.0 - none, none]))

    def typer_examples(self, weight: float) -> tuple[list[list[str]], list[str], np.ndarray]:
        """The candidates the encoder holds events (P(event) >= 0.5), once for each type it gives at
        least a tenth of the event's probability, weighted by that type's probability."""
        xs, ys, ws = [], [], []
        for feats, p in zip(self.triggers, self.probs):
            event = 1.0 - p[0]
            if event < 0.5:
                continue
            for k in range(1, len(self.classes)):
                if p[k] >= 0.1 * event:
                    xs.append(feats)
                    ys.append(self.classes[k])
                    ws.append(weight * p[k])
        return xs, ys, np.asarray(ws)


def examples(pairs: list[tuple[Document, Article]]) -> Examples:
    """The training examples of the trigger, party and status models."""
    ex = Examples()
    for k, (doc, art) in enumerate(pairs):
        sdoc = doc.spacy_doc
        index = mention_index(doc)
        kinds = kinds_by_token(index)
        rules = rule_types(doc, index)
        codes = entity_codes(doc)
        for start, end, row in art.sentences:
            gold = gold_heads(sdoc, start, end, row)
            for sent in _sentences(sdoc, start, end):
                for tok in candidates(sent):
                    ex.triggers.append(trigger_features(tok, kinds, rules))
                    ex.trigger_labels.append(gold[tok.i][1]["type"] if tok.i in gold else "NONE")
                    ex.trigger_articles.append(k)
            for head, ev in gold.values():
                cands, speakers, labels = gold_parties(doc, index, codes, head, ev)
                ex.parties += candidate_features(head, ev["type"], cands, speakers)
                ex.party_labels += labels
                if ev.get("status"):
                    ex.status.append(status_inputs(doc, head, ev["type"]))
                    ex.status_labels.append(ev["status"])
    return ex


def gold_parties(doc: Document, index: Any, codes: dict[str, set[str]], head: Any,
                 ev: dict[str, Any]) -> tuple[list[PartyCandidate], frozenset[str], list[str]]:
    """The party candidates of a gold event at its trigger ``head``, the speakers of claims holding
    it, and each candidate's distant label (``party_label``; a place named as a location: none)."""
    cands = [c for c in party_candidates(head.sent, index, doc.claims) if c.token.i != head.i]
    labels = ["none" if is_location(c) else party_label(codes.get(c.entity, set()), ev, c.token.i < head.i)
              for c in cands]
    return cands, speakers_of(head, doc.claims), labels


def gold_heads(sdoc: Any, start: int, end: int, row: dict[str, Any]) -> dict[int, tuple[Any, dict[str, Any]]]:
    """The gold events of one annotated sentence by the token that heads their trigger (the
    first event at a head; a trigger the parse cannot place is left out)."""
    gold: dict[int, tuple[Any, dict[str, Any]]] = {}
    for ev in row.get("events", []):
        head = trigger_head(sdoc, start, end, ev["trigger"])
        if head is not None:
            gold.setdefault(head.i, (head, ev))
    return gold


def encoder_rows(pairs: list[tuple[Document, Article]]) -> tuple[list[dict[str, Any]], list[tuple[int, int]]]:
    """The encoder's training rows and, in the order of ``examples``' trigger examples, each
    candidate's (row, token) place in them.

    A row is one training sentence: its article's number, the whole spaCy sentence's text and
    its tokens' character spans, which tokens are candidates inside the annotated part, and
    each token's gold type or NONE.
    """
    rows: list[dict[str, Any]] = []
    places: list[tuple[int, int]] = []
    for k, (doc, art) in enumerate(pairs):
        sdoc = doc.spacy_doc
        for start, end, row in art.sentences:
            gold = gold_heads(sdoc, start, end, row)
            for sent in _sentences(sdoc, start, end):
                full = sent[0].sent
                inside = range(sent.start, sent.end)
                places += [(len(rows), tok.i - full.start) for tok in candidates(sent)]
                rows.append({"key": len(rows), "art": k, "text": full.text,
                             "spans": token_spans(full),
                             "cand": [t.i in inside and is_candidate(t) for t in full],
                             "labels": [gold[t.i][1]["type"] if t.i in gold and t.i in inside else "NONE" for t in full]})
    return rows, places


def encoder_calibration(ex: Examples, places: list[tuple[int, int]], held: dict[str, Any]) -> Calibration:
    """The calibration of the blended confidence, fitted on the held-out fold the encoder was
    not tuned on (``held``: train_encoder.py --holdout K), scored by trigger models trained
    on the other folds."""
    k, folds = int(held["holdout"]), int(held["folds"])
    probs_by_row = {int(r["key"]): r["probs"] for r in held["rows"]}
    classes = tuple(held["classes"])
    unknown = [float("nan")] * len(classes)      # a word past the word-piece limit: no opinion
    test, detect, types = held_out(ex, k, folds)
    rows = np.array([probs_by_row[places[i][0]][places[i][1]] or unknown for i in test], dtype=np.float64)
    scored = best_types([ex.triggers[i] for i in test], detect, types, encoded=Encoded(rows, classes))
    probs = np.array([p for _, p in scored])
    right = [float(typ == ex.trigger_labels[i]) for i, (typ, _) in zip(test, scored)]
    return platt(probs, right, {"method": "Platt scaling on a held-out fold of articles (the encoder blended in)",
                                "fold": k, "folds": folds})


def annotated_documents(shared: Path, rows: list[dict[str, Any]]) -> set[str]:
    """The ids of every annotated document: the training sentences' and the dev sets'."""
    docs = {r["doc"] for r in rows}
    for name in ("aquaint_sentences.jsonl", "timebank_sentences.jsonl"):
        path = shared / "data" / "dev" / "events" / name
        if path.exists():
            docs.update(json.loads(line)["doc"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return docs


def distilled(shared_dev: Path, annotated: set[str]) -> Pseudo:
    """The encoder's examples: the candidates of the first ``DISTILL_SENTENCES`` sentences of every
    unannotated article of the training corpora (``corpus.unannotated``), with the packaged
    encoder's probabilities for each (a word past its word-piece limit is left out)."""
    classes = packaged_encoder().classes        # loaded before the long run: a missing encoder fails now
    arts = [Article(doc, date, text[:DISTILL_CHARS]) for doc, text, date in unannotated(shared_dev, annotated)]
    triggers: list[list[str]] = []
    probs: list[np.ndarray] = []
    for doc, _ in analysed(arts):
        index = mention_index(doc)
        kinds = kinds_by_token(index)
        rules = rule_types(doc, index)
        sents = list(doc.spacy_doc.sents)[:DISTILL_SENTENCES]
        for sent, enc in zip(sents, encoded_sentences(sents)):
            for tok in candidates(sent):
                p = enc.rows[tok.i - sent.start]
                if not np.isnan(p[0]):
                    triggers.append(trigger_features(tok, kinds, rules))
                    probs.append(p)
    return Pseudo(triggers, np.asarray(probs, dtype=np.float64).reshape(-1, len(classes)), classes)


def _sentences(sdoc: Any, start: int, end: int) -> list[Any]:
    """spaCy's sentences that begin inside ``[start, end)``, cut to it."""
    out = []
    for s in sdoc.sents:
        if start <= s.start_char < end:
            span = sdoc.char_span(s.start_char, min(s.end_char, end), alignment_mode="contract")
            out.append(span if span is not None else s)
    return out


def fit(xs: list[list[str]], ys: list[str], c: float, weights: dict[str, float] | None = None,
        sample_weight: np.ndarray | None = None) -> LinearModel:
    """A multinomial logistic regression on binary string features (``weights`` per class,
    ``sample_weight`` per example)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    matrix = vec.fit_transform([dict.fromkeys(x, 1) for x in xs])
    clf = LogisticRegression(C=c, max_iter=3000, class_weight=weights, random_state=0)
    clf.fit(matrix, ys, sample_weight=sample_weight)
    names = list(vec.get_feature_names_out())
    coef, bias = clf.coef_, clf.intercept_
    if len(clf.classes_) == 2:      # one row for the second class: softmax over [0, z] is its sigmoid
        coef, bias = np.vstack([np.zeros_like(coef), coef]), np.concatenate([[0.0], bias])
    keep = [i for i in range(len(names)) if abs(coef[:, i]).max() > 1e-4]
    return LinearModel(
        classes=tuple(str(x) for x in clf.classes_), index={names[i]: k for k, i in enumerate(keep)},
        weights=coef.T[keep], bias=bias,
        meta={"C": c, "examples": len(ys), "class_weight": weights or {}, "trained": dt.date.today().isoformat()},
    )


DETECT_C = 0.5
EVENT_WEIGHT = 2.0
TYPES_C = 1.0
# The typer's class weights: (examples of the commonest type / examples of the type) ** TYPE_BALANCE.
# The training sentences hold 992 ACCUSE and 36 RETREAT, so unweighted the typer rarely names
# the rare types, which PLOVER's record sets hold about as often as the common ones. Tried: 0,
# 0.25, 0.5, 1. At 0.5, five-fold held out on the training articles, macro F1 over the types
# 32.6 -> 33.5 and micro F1 43.3 -> 43.4; on the dev sets type F1 GSR 70.2 -> 71.4, AQUAINT
# 55.3 -> 56.2, TimeBank 49.0 -> 50.0. At 1, GSR full fell 48.4 -> 46.6.
TYPE_BALANCE = 0.5
PARTY_C = 0.5


STATUS_C = 0.5
# Calling an act that did not happen "occurred" misleads more than the reverse, and the rarer
# statuses have few examples (negated 36 of 2,374): weighted up, they are found more often
# (held-out macro F1 over the six statuses 40.8 -> 44.4, accuracy 74.7 -> 74.1).
STATUS_WEIGHTS = {"occurred": 1.0, "ongoing": 1.5, "planned": 2.0, "expected": 2.0, "possible": 2.0, "negated": 3.0}
CALIBRATION_FOLDS = 5
# Distillation from the encoder: the weight of its examples against an annotated one, and how
# many leading sentences of each unannotated article it labels. Tried on the dev sets (raw
# thresholds, 1,000 articles): 0.1, 0.3, 0.5 and 1.0; 0.3 and 0.5 gave AQUAINT / TimeBank type
# F1 57.1 / 50.5 and 57.7 / 52.0 against 54.1 / 46.3 without, GSR type about even; 1.0 lost
# precision. The lower weight leans less on the teacher.
DISTILL_WEIGHT = 0.3
DISTILL_SENTENCES = 12
DISTILL_CHARS = 6000


def trigger_models(tx: list[list[str]], ty: list[str], pseudo: Pseudo | None = None,
                   weight: float = DISTILL_WEIGHT) -> tuple[LinearModel, LinearModel]:
    """The detector and the typer fitted on trigger examples, and on the encoder's (``pseudo``)
    weighted by ``weight``."""
    positive = [i for i, y in enumerate(ty) if y != "NONE"]
    dx, dy = list(tx), ["NONE" if y == "NONE" else "EVENT" for y in ty]
    tx_, ty_ = [tx[i] for i in positive], [ty[i] for i in positive]
    dw, tw = np.ones(len(dx)), np.ones(len(tx_))
    if pseudo is not None:
        px, py, pw = pseudo.detector_examples(weight)
        dx, dy, dw = dx + px, dy + py, np.concatenate([dw, pw])
        px, py, pw = pseudo.typer_examples(weight)
        tx_, ty_, tw = tx_ + px, ty_ + py, np.concatenate([tw, pw])
    return (fit(dx, dy, DETECT_C, {"NONE": 1.0, "EVENT": EVENT_WEIGHT}, dw),
            fit(tx_, ty_, TYPES_C, type_weights(ty), tw))


def type_weights(labels: list[str], balance: float = TYPE_BALANCE) -> dict[str, float]:
    """The typer's class weight of each type, from its count among the annotated events of
    ``labels``: (count of the commonest / its count) ** ``balance`` (1 for the commonest)."""
    counts = Counter(y for y in labels if y != "NONE")
    top = max(counts.values(), default=1)
    return {t: (top / n) ** balance for t, n in counts.items()}


def held_out(ex: Examples, k: int, folds: int) -> tuple[list[int], LinearModel, LinearModel]:
    """Fold ``k`` of ``folds`` (the trigger examples of articles numbered k modulo folds) and
    the detector and typer trained on the other folds (and on all the encoder's examples)."""
    rest = [i for i, a in enumerate(ex.trigger_articles) if a % folds != k]
    held = [i for i, a in enumerate(ex.trigger_articles) if a % folds == k]
    return (held, *trigger_models([ex.triggers[i] for i in rest], [ex.trigger_labels[i] for i in rest], ex.pseudo))


def calibration(ex: Examples, folds: int = CALIBRATION_FOLDS) -> Calibration:
    """The map from an event's probability to the share right, fitted on held-out folds of articles."""
    probs: list[float] = []
    right: list[float] = []
    for k in range(folds):
        held, detect, types = held_out(ex, k, folds)
        for i, (typ, p) in zip(held, best_types([ex.triggers[i] for i in held], detect, types)):
            probs.append(p)
            right.append(float(typ == ex.trigger_labels[i]))
    return platt(np.asarray(probs), right, {"method": "Platt scaling on held-out folds", "folds": folds})


def platt(probs: np.ndarray, right: list[float], meta: dict[str, Any]) -> Calibration:
    """The logistic map from the logit of a probability to the share right, on a grid."""
    from sklearn.linear_model import LogisticRegression

    fitted = LogisticRegression(C=1e6, random_state=0).fit(_logit(probs), right)
    grid = np.linspace(0.0, 1.0, 201)
    values = fitted.predict_proba(_logit(grid))[:, 1]
    return Calibration(grid, values, {**meta, "slope": float(fitted.coef_[0][0]), "intercept": float(fitted.intercept_[0]),
                                      "examples": len(probs), "trained": dt.date.today().isoformat()})


def _logit(p: np.ndarray) -> np.ndarray:
    """log(p / (1 - p)) of probabilities kept off 0 and 1, as one column."""
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(q / (1 - q)).reshape(-1, 1)


def train_models(ex: Examples, calibrate: bool = True) -> dict[str, LinearModel | Calibration]:
    """The detector, the typer, the party model and the status model, by name, and (with
    ``calibrate``) the confidence calibration."""
    detect, types = trigger_models(ex.triggers, ex.trigger_labels, ex.pseudo)
    models: dict[str, LinearModel | Calibration] = {
        "detect": detect, "types": types,
        "parties": fit(ex.parties, ex.party_labels, PARTY_C),
        "status": fit(ex.status, ex.status_labels, STATUS_C, STATUS_WEIGHTS),
    }
    if calibrate:
        models["calibration"] = calibration(ex)
    return models


def main(argv: list[str] | None = None) -> None:
    """Build the trigger and party models from the training sentences."""
    ap = argparse.ArgumentParser(description="Train wirewatch's event models on annotated sentences.")
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="The shared folder (default ../shared).")
    ap.add_argument("--own", type=Path, default=Path("data/events"), help="The project's own annotations.")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="Where to write the models.")
    ap.add_argument("--encoder-rows", type=Path, help="Write the encoder's training rows to this file and stop.")
    ap.add_argument("--encoder-calibration", type=Path, metavar="HELD",
                    help="Also fit the blended confidence's calibration on the encoder's held-out fold (train_encoder.py --holdout).")
    ap.add_argument("--no-distill", action="store_true",
                    help="Train the trigger models on the annotated sentences alone, without the encoder's examples.")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    files = training_files(args.shared, args.own)
    rows = [r for f in files for r in read_sentences(f, args.shared / "data" / "dev")]
    pairs = list(analysed(articles(rows)))
    if args.encoder_rows:
        enc_rows, _ = encoder_rows(pairs)
        args.encoder_rows.parent.mkdir(parents=True, exist_ok=True)
        args.encoder_rows.write_text(json.dumps(enc_rows))
        print(json.dumps({"encoder_rows": len(enc_rows), "articles": len(pairs)}))
        return
    ex = examples(pairs)
    if not args.no_distill:
        ex.pseudo = distilled(args.shared / "data" / "dev", annotated_documents(args.shared, rows))
    for name, model in train_models(ex).items():
        model.meta.update({"files": [f.name for f in files], "sentences": len(rows)})
        if ex.pseudo is not None and name in ("detect", "types", "calibration"):
            model.meta.update({"distilled_examples": len(ex.pseudo.triggers), "distill_weight": DISTILL_WEIGHT})
        model.save(args.out / f"{name}.npz")
    if args.encoder_calibration:
        _, places = encoder_rows(pairs)
        cal = encoder_calibration(ex, places, json.loads(args.encoder_calibration.read_text()))
        cal.meta.update({"files": [f.name for f in files], "sentences": len(rows)})
        cal.save(args.out / "calibration_encoder.npz")
    summary = {"files": [str(f) for f in files], "sentences": len(rows), "articles": len(pairs),
               "trigger_examples": len(ex.trigger_labels), "events": sum(t != "NONE" for t in ex.trigger_labels),
               "party_examples": len(ex.party_labels), "status_examples": len(ex.status_labels),
               "distilled_examples": len(ex.pseudo.triggers) if ex.pseudo else 0,
               "seconds": round(time.perf_counter() - t0, 1)}
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
