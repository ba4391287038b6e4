"""Who and which words: the source and the cue span of an attribution, read off the parse.

The source is the subject of the cue verb (the nearest one; through shared subjects of
coordinated, open-complement and adverbial clauses; the agent of a passive), without a trailing
non-restrictive relative clause or a dateline. The cue span follows PolNeAR's convention as
learned from train (``data/cue_span.tsv``): auxiliaries, negation, particles, "also", and the
preposition or catenative verb the annotators include ("talked about", "continued to say").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from wirewatch.claims.features import child_keys
from wirewatch.claims.lexicon import cue_span_rates
from wirewatch.claims.spans import Span, subtree_span, token_range_span

#: A cue head's child joins the cue span when at least this share of such children did in train.
CUE_CHILD_RATE = 0.5
_SUBJECTS = ("nsubj", "csubj")
#: Dependents after a comma at the end of a source that annotators leave out.
_SOURCE_TAIL_DEPS = frozenset({"relcl"})
_DATELINE_DASHES = frozenset({"—", "–", "--", "-"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "ccomp", "pcomp"})


@dataclass
class Parts:
    """The located pieces of an attribution."""

    cue: Span | None
    content: Span | None
    source: Span | None = None
    source_head: Token | None = None
    via: list[Span] = field(default_factory=list)
    quoted: bool = False
    frame: str = "verbal"


def child_with(tok: Token, *deps: str) -> Token | None:
    """Return the first child of ``tok`` with one of ``deps``."""
    return next((c for c in tok.children if c.dep_ in deps), None)


# --- sources -----------------------------------------------------------------------------------


def find_source(tok: Token, depth: int = 0) -> Token | None:
    """Return the head token of the source of a cue verb, climbing through shared subjects."""
    subjects = [c for c in tok.children if c.dep_ in _SUBJECTS and c.ent_type_ not in ("DATE", "TIME")]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - tok.i))
    if child_with(tok, "nsubjpass") is not None:
        agent = child_with(tok, "agent")
        return child_with(agent, "pobj") if agent is not None else None
    if depth < 3 and tok.dep_ in _CLIMB_DEPS and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        if tok.dep_ == "ccomp" and tok.i > tok.head.i:
            return None
        return find_source(tok.head, depth + 1)
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head
    return None


def source_span(head: Token | None, cue_head: Token) -> Span | None:
    """Return the span of the source noun phrase.

    The cue's own clause, a trailing non-restrictive relative clause (", who ...") and a
    dateline before a dash ("WASHINGTON — Sen. X") are left out.
    """
    if head is None:
        return None
    exclude = [c for c in head.children if c.dep_ in _SOURCE_TAIL_DEPS and c.i > head.i and _after_comma(c)]
    if head.i == cue_head.head.i and cue_head.dep_ in ("acl", "relcl"):
        exclude.append(cue_head)
    exclude += [c for c in head.children if c.dep_ == "relcl" and c.i > head.i and cue_head in c.subtree]
    span = subtree_span(head, exclude)
    return _after_dateline(head, span)


def _after_comma(child: Token) -> bool:
    """Return True when the subtree of ``child`` is set off by a comma before it."""
    left = child.left_edge.i
    return left > 0 and child.doc[left - 1].text == ","


def _after_dateline(head: Token, span: Span | None) -> Span | None:
    """Drop a dateline ("WASHINGTON —", "New York (AFP) –") that the parser hung on the source."""
    if span is None:
        return None
    doc = head.doc
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None:
        return span
    dashes = [t.i for t in toks if t.text in _DATELINE_DASHES and t.whitespace_]
    if not dashes or dashes[-1] >= toks[-1].i:
        return span
    return token_range_span(doc, dashes[-1] + 1, toks[-1].i) or span


# --- cue spans ---------------------------------------------------------------------------------


def joins_cue(child: Token, head: Token) -> bool:
    """Return True when PolNeAR's convention puts this child of the cue head inside the cue."""
    rates = cue_span_rates()
    for key in child_keys(child, head):
        if key in rates:
            return rates[key] >= CUE_CHILD_RATE
    return False


def cue_tokens(tok: Token, content_prep: Token | None = None) -> list[Token]:
    """Return the tokens of the cue headed by ``tok`` (aux, negation, particles, "also" ...)."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "prep":
            if content_prep is not None and child.i == content_prep.i:
                out.append(child)
            continue
        if child.dep_ in ("aux", "auxpass", "neg", "prt", "advmod") and joins_cue(child, tok):
            if abs(child.i - tok.i) <= 3:
                out.append(child)
    return out


def chained_complement(tok: Token) -> Token | None:
    """Return the open complement that PolNeAR puts in the cue with ``tok`` ("continued to say")."""
    for child in tok.children:
        if child.dep_ == "xcomp" and 0 < child.i - tok.i <= 3 and joins_cue(child, tok):
            return child
    return None


def chained_head(tok: Token) -> Token | None:
    """Return the verb whose cue ``tok`` continues as its open complement, if any."""
    head = tok.head
    if tok.dep_ == "xcomp" and head.i != tok.i and 0 < tok.i - head.i <= 3 and joins_cue(tok, head):
        return head
    return None


