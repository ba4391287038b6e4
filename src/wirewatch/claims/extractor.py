"""Attribution extraction: who says what, through whom, and how sure.

``extract_claims`` walks a parsed spaCy ``Doc`` once. A token opens an attribution when it is

* a verb outside quotations whose probability of heading a cue reaches ``CUE_THRESHOLD``
  ("said", "told", "confirmed", "wants", "is expected"); the probability comes from a logistic
  regression learned from PolNeAR train (``data/cue_model.tsv``) over the lemma, its syntactic
  frame, dependency, subject and complements (or, with ``CUE_SCORER = "lexicon"``, from the
  smoothed lemma x frame rates of ``data/cue_lexicon.tsv``); a copula with an adjective
  complement ("are uneasy about") is scored as a verb,
* a noun with a clause or prepositional complement ("his claim that ...", "support for X")
  whose probability reaches ``NOUN_THRESHOLD`` (the same classifier, noun features),
* "according" followed by "to", or
* a hedge adverb ("reportedly", "allegedly") with no explicit source.

For each cue the source, relays, content, stance and kind are read off the dependency tree and
the quotation index (``quotes.py``); the pieces live in ``frames.py`` and ``stance.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from wirewatch.claims import frames
from wirewatch.claims.features import cue_features, frame, is_candidate, lemma_key
from wirewatch.claims.lexicon import cue_lexicon, cue_probability, promising_noun, word_class
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.spans import Span, span_heads
from wirewatch.claims.stance import anonymous_source, claim_kind, claim_stance

#: Minimum estimated probability for a verb to open an attribution (tuned on held-out PolNeAR train).
CUE_THRESHOLD = 0.45
#: The same for noun cues ("his claim that", "support for"), which the classifier scores separately.
NOUN_THRESHOLD = 0.5
#: "classifier" (logistic regression, ``cue_model.tsv``) or "lexicon" (``cue_lexicon.tsv``).
CUE_SCORER = "classifier"

__all__ = ["ClaimSpan", "UnparsedDocError", "claim_for_cue", "extract_claims", "CUE_THRESHOLD", "CUE_SCORER",
           "NOUN_THRESHOLD"]


class UnparsedDocError(ValueError):
    """``extract_claims`` was given a Doc without a dependency parse.

    Attributes:
        excerpt: The beginning of the document's text.
    """

    def __init__(self, excerpt: str) -> None:
        super().__init__(f"claims need a dependency-parsed spaCy Doc (tagger, lemmatizer, parser); "
                         f"got an unparsed one starting {excerpt!r}")
        self.excerpt = excerpt


@dataclass
class ClaimSpan:
    """One attribution found in a document (all spans are [start, end) character offsets).

    Attributes:
        content: What is attributed.
        cue: The attribution cue as written ("said", "according to", "reportedly").
        source: The source as written ("the Kremlin", "he"), None when unnamed or absent.
        via: Relays between the source and the writer, outermost first.
        anonymous: True when the source is unnamed ("a government source", "experts").
        stance: asserted | confirmed | reported | alleged | expected | speculated | denied.
        kind: direct_quote | indirect | according_to | media_report | adverbial | belief.
    """

    content: Span
    cue: Span | None
    source: Span | None
    via: list[Span] = field(default_factory=list)
    anonymous: bool = False
    stance: str = "asserted"
    kind: str = "indirect"


def extract_claims(doc: Doc) -> list[ClaimSpan]:
    """Return every attribution in the document, sorted by content start.

    Args:
        doc: A spaCy ``Doc`` parsed by a pipeline with tagger, lemmatizer and dependency parser.

    Returns:
        The claims, one per cue, sorted by the start of their content span.

    Raises:
        UnparsedDocError: The document has tokens but no dependency parse.
    """
    if len(doc) == 0:
        return []
    if not doc.has_annotation("DEP"):
        raise UnparsedDocError(doc.text[:60])
    text = doc.text
    quotes = QuoteIndex(text, _sentence_ends(doc, len(text)))
    claims = []
    for tok in doc:
        found = _claim_at(tok, quotes)
        if found is not None:
            claims.append(found)
    claims.sort(key=lambda c: (c.content[0], c.content[1]))
    return claims


def claim_for_cue(doc: Doc, cue: Span, quotes: QuoteIndex | None = None) -> ClaimSpan | None:
    """Read the attribution whose cue span is already known (from an annotator or another tagger).

    No learned gate decides whether the words are a cue: the cue's head word is read by the frame
    for its kind (reporting verb, noun, "according to", hedge adverb, headline colon), else by the
    generic frame, and the parts are fitted around the given span.

    Args:
        doc: A dependency-parsed spaCy ``Doc``.
        cue: The cue's [start, end) character span.
        quotes: The document's quotation index (built here when not given).

    Returns:
        The claim with the given cue, or None when no content can be read for it.
    """
    if quotes is None:
        quotes = QuoteIndex(doc.text, _sentence_ends(doc, len(doc.text)))
    toks = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if toks is None or not len(toks):
        return None
    tok = _cue_head(toks)
    parts = _ungated_frame(tok, quotes)
    if parts is None or parts.content is None:
        parts = frames.generic(tok, quotes, cue)
    return _finish(frames.fit_to_cue(parts, cue, doc, quotes), tok)


def _cue_head(toks: SpacySpan) -> Token:
    """The word of a cue span whose head lies outside it, verbs first, then nouns."""
    heads = span_heads(toks) or [toks[0]]
    for pos in (("VERB", "AUX"), ("NOUN",)):
        for t in heads:
            if t.pos_ in pos:
                return t
    return heads[0]


def _ungated_frame(tok: Token, quotes: QuoteIndex) -> frames.Parts | None:
    """The frame of ``tok``'s kind, as ``_claim_at`` dispatches it but without the learned cue gate."""
    lower = tok.lower_
    if lower == "according":
        return frames.according_to(tok)
    if lower in word_class("adverb"):
        return frames.adverbial(tok)
    if lower == ":":
        return frames.headline_colon(tok)
    if tok.pos_ == "NOUN":
        return frames.nominal(tok)
    if tok.pos_ in ("VERB", "AUX"):
        outer = frames.chained_head(tok)
        return frames.verbal(tok, quotes, outer=outer) if outer is not None else frames.verbal(tok, quotes)
    return None


def _sentence_ends(doc: Doc, n_chars: int) -> list[int]:
    """Return, for each token, the character offset at which its sentence ends (one pass)."""
    ends = [n_chars] * len(doc)
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            ends[i] = sent.end_char
    return ends


def _claim_at(tok: Token, quotes: QuoteIndex) -> ClaimSpan | None:
    """Return the claim whose cue is headed by ``tok``, if it heads one."""
    if not _opens_claim(tok, quotes):
        return None
    return _finish(_ungated_frame(tok, quotes), tok)


def _opens_claim(tok: Token, quotes: QuoteIndex) -> bool:
    """Return True when ``tok`` heads a cue: "according", a hedge adverb, a headline colon, or a
    candidate outside quotations that the learned scorer accepts and no other cue covers."""
    lower = tok.lower_
    if lower in ("according", ":") or lower in word_class("adverb"):
        return True
    if tok.pos_ == "NOUN" and not promising_noun(lemma_key(tok)):
        return False
    if not is_candidate(tok) or quotes.containing(tok.idx) is not None or not is_cue_head(tok):
        return False
    if tok.pos_ == "NOUN":
        head = tok.head  # the object of a verb cue is covered by the verb's claim ("expressed concern that")
        return not (tok.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX") and is_candidate(head)
                    and is_cue_head(head))
    outer = frames.chained_head(tok)
    return outer is None or not is_cue_head(outer)  # else the outer verb's claim covers this one


def is_cue_head(tok: Token) -> bool:
    """Return True when the learned scorer makes ``tok`` likely enough to head a cue."""
    threshold = NOUN_THRESHOLD if tok.pos_ == "NOUN" else CUE_THRESHOLD
    if CUE_SCORER == "lexicon":
        return cue_lexicon().prob(lemma_key(tok), tok.pos_, frame(tok)) >= threshold
    return cue_probability(cue_features(tok)) >= threshold


def _finish(parts: frames.Parts | None, tok: Token) -> ClaimSpan | None:
    """Turn the frame's parts into a ClaimSpan with stance, kind and anonymity."""
    if parts is None or parts.content is None:
        return None
    return ClaimSpan(
        content=parts.content,
        cue=parts.cue,
        source=parts.source,
        via=parts.via,
        anonymous=anonymous_source(parts.source_head),
        stance=claim_stance(parts, tok),
        kind=claim_kind(parts, tok),
    )
