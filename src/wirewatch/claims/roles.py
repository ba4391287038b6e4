"""Who and which words: the source and the cue span of an attribution, read off the parse.

The source is the subject of the cue verb (the nearest one; through shared subjects of
coordinated, open-complement and adverbial clauses; the agent of a passive), without a trailing
non-restrictive relative clause or a dateline. The cue span follows PolNeAR's convention as
learned from train (``data/cue_span.tsv``): auxiliaries, negation, particles, "also", and the
preposition or catenative verb the annotators include ("talked about", "continued to say").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from wirewatch.claims.features import SOURCE_PREPS, child_keys
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
    if tok.tag_ == "VBN" and (tok.dep_ == "advcl" or tok.dep_ == "acl" and _passive_modifier(tok)):
        return None  # "when asked ...", "a group called X": the noun or subject is the addressee or the thing named
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _after_comma(tok) and _reported(tok.head):
        return find_source(tok.head.head, depth + 1)  # "X said that Y did Z, adding ...": X adds
    if depth < 3 and tok.dep_ in _CLIMB_DEPS and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        if tok.dep_ == "ccomp" and tok.i > tok.head.i:
            return None
        return find_source(tok.head, depth + 1)
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head
    prep = tok.head
    if depth < 3 and tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.pos_ in ("VERB", "AUX"):
        return find_source(prep.head, depth + 1)  # "after saying X, the man ...", "by echoing X"
    return None


def _reported(verb: Token) -> bool:
    """Return True when ``verb`` heads a clause reported by an earlier verb ("said *that he won*")."""
    gov = verb.head
    return verb.dep_ == "ccomp" and gov.i < verb.i and gov.pos_ in ("VERB", "AUX")


def _passive_modifier(tok: Token) -> bool:
    """Return True for a participle right after its noun that names or describes it ("a group *called*
    X", "contests *known as* Y"); a finite verb mis-tagged as a participle ("Trump *called* for X to
    resign", "the poll *found* that ...") takes a clause or an object instead."""
    if tok.i != tok.head.i + 1:
        return False
    return any(c.dep_ in ("oprd", "attr", "agent") or c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)


def fallback_source(tok: Token) -> Token | None:
    """Return the source head of a fallback cue: agent, subject, or for a noun its ``noun_source``."""
    agent = child_with(tok, "agent")
    if agent is not None and child_with(agent, "pobj") is not None:
        return child_with(agent, "pobj")
    if tok.pos_ == "NOUN":
        return noun_source(tok)
    src = find_source(tok)
    if src is not None:
        return src
    if tok.dep_ == "relcl":
        return None
    return _name_before(tok)


def _name_before(tok: Token) -> Token | None:
    """Return the last proper name compounded before ``tok`` ("the *DOJ* demand"), if any."""
    names = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "PROPN"]
    return names[-1] if names else None


#: Verbs that hand their subject to a noun cue they take as object ("Trump *made* a call for X").
_LIGHT_DEPS = frozenset({"dobj"})


def noun_source(tok: Token) -> Token | None:
    """Return the source head of a noun cue.

    In order: its possessor ("*his* claim"), a name compounded before it ("the *DOJ* demand"), the
    object of "from"/"by"/"among" after it ("endorsements from *unions*"), and for a noun that
    is a verb's object, that verb's subject ("*Calderon* intimated disappointment that ...").
    """
    poss = child_with(tok, "poss")
    if poss is not None:
        return poss
    name = _name_before(tok)
    if name is not None:
        return name
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in SOURCE_PREPS and c.i > tok.i), None)
    obj = child_with(prep, "pobj") if prep is not None else None
    if obj is not None:
        return obj
    if tok.dep_ in _LIGHT_DEPS and tok.head.pos_ in ("VERB", "AUX"):
        return find_source(tok.head)
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
    span = _cut_source_tail(head, subtree_span(head, exclude))
    return _after_dateline(head, span)


#: Comma-led modifiers at the right edge of a source that annotators leave out
#: ("Renee Gold, 83, of Sarasota", "Marco Rubio, speaking at a rally", "Mary Susan, clad in red").
#: Appositions stay: PolNeAR keeps "Erin Brockovich, the environmental activist," in the source.
SOURCE_TAIL_DEPS = frozenset({"relcl", "acl", "advcl", "amod", "nummod", "npadvmod"})


def _cut_source_tail(head: Token, span: Span | None) -> Span | None:
    """Drop comma-led modifiers (age, residence, participle, relative clause) from the end of a source."""
    if span is None:
        return None
    doc = head.doc
    toks = doc.char_span(span[0], span[1], alignment_mode="expand")
    if toks is None or not len(toks):
        return span
    first, last = toks[0].i, toks[-1].i
    for _ in range(3):
        cut = _tail_cut(doc, first, last, head)
        if cut is None:
            break
        last = cut
    return token_range_span(doc, first, last) or span


def _tail_cut(doc: Doc, first: int, last: int, head: Token) -> int | None:
    """Return the index before the comma of a tail modifier ending at ``last``, if there is one."""
    for i in range(first + 1, last + 1):
        tok = doc[i]
        if tok.right_edge.i < last or tok.i == head.i or tok.dep_ not in SOURCE_TAIL_DEPS:
            continue
        left = tok.left_edge.i
        if left > first + 1 and doc[left - 1].text == ",":
            return left - 2
    return None


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


#: Children of a cue head that may join the cue span, each as learned from train.
_CUE_CHILD_DEPS = frozenset({"aux", "auxpass", "neg", "prt", "advmod", "npadvmod"})


def joins_cue(child: Token, head: Token, content: Span | None = None) -> bool:
    """Return True when PolNeAR's convention puts this child of the cue head inside the cue
    (looked up by where the content lies, when it is known)."""
    rates = cue_span_rates()
    for key in child_keys(child, head, content):
        if key in rates:
            return rates[key] >= CUE_CHILD_RATE
    return False


def cue_tokens(tok: Token, content_prep: Token | None = None, content: Span | None = None) -> list[Token]:
    """Return the tokens of the cue headed by ``tok`` (aux, negation, particles, "also", and a
    time adjunct between the verb and its content: "said Thursday that")."""
    out = [tok]
    for child in tok.children:
        if child.dep_ == "prep":
            if content_prep is not None and child.i == content_prep.i:
                out.append(child)
            continue
        if child.dep_ in _CUE_CHILD_DEPS and abs(child.i - tok.i) <= 3 and joins_cue(child, tok, content):
            out.extend(child.subtree if child.dep_ == "npadvmod" else [child])
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


