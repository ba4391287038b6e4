"""The attribution frames: each returns the located parts of one attribution (``roles.Parts``).

Five frames: a reporting verb ("X said (that) ...", "..., X said", "X said: '...'", "X told Y",
"X was quoted by Y", "X is expected to ..."), "according to X (citing Y), ...", a hedge adverb
("... is reportedly seeking ..."), a noun cue ("his claim that ...", "support for X"), and a
headline colon ("Lynch: No outside influence on probe"). A copula with an adjective complement
("are uneasy about X") is read as a reporting verb.
Sources and cue spans come from ``roles.py``, contents from ``contents.py``.
"""
from __future__ import annotations

from spacy.tokens import Token

from wirewatch.claims.contents import (
    adjective_content,
    clause_content,
    complete_quote,
    crosses_line,
    cut_tail,
    extend_run_on,
    prefer_quote,
    quote_content,
    raising_content,
    recipient_relay,
)
from wirewatch.claims.features import SOURCE_PREPS, copula_adjective, is_quote_token, noun_complement
from wirewatch.claims.lexicon import word_class
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.roles import Parts, chained_complement, chained_head, child_with, cue_tokens, find_source, source_span
from wirewatch.claims.spans import Span, subtree_span, token_range_span, tokens_span

__all__ = ["Parts", "according_to", "adverbial", "chained_head", "headline_colon", "nominal", "verbal"]


def verbal(tok: Token, quotes: QuoteIndex, outer: Token | None = None) -> Parts | None:
    """Return the parts of an attribution whose cue is the verb ``tok``.

    Args:
        tok: The cue verb.
        quotes: The document's quotation index.
        outer: A catenative verb before ``tok`` that belongs to the same cue ("tried to explain").
    """
    inner = chained_complement(tok)
    if inner is not None:
        return verbal(inner, quotes, outer=tok)
    src = find_source(tok)
    content, prep = clause_content(tok)
    adj = copula_adjective(tok)
    adj_cue: list[Token] = []
    if adj is not None and content is None:
        content, adj_prep = adjective_content(adj)
        adj_cue = adjective_cue(adj, adj_prep)
    if adj is not None and src is not None and src.lower_ == "it":
        src = None  # extraposition: "it is clear that ..." names no source
    quote, follows = quote_content(tok, src, quotes)
    quoted = False
    if quote is not None and prefer_quote(tok, content, quote, follows):
        content, prep, quoted = quote, None, True
    raised = raising_content(tok)
    if raised is not None:
        content, src = raised, None
    if not quoted and content is not None:
        if content[0] > tok.idx:
            content = extend_run_on(tok.doc, content, quotes.sentence_ends[tok.i])
        content = complete_quote(content, quotes)
        if crosses_line(quotes.text, content, tok.idx):
            return None
    if content is None:
        return None
    cue = cue_tokens(tok, prep) + adj_cue + (cue_tokens(outer) if outer is not None else [])
    return Parts(cue=tokens_span(cue), content=content, source=source_span(src, tok),
                 source_head=src, via=recipient_relay(tok), quoted=quoted)


def adjective_cue(adj: Token, prep: Token | None) -> list[Token]:
    """Return the cue tokens a copula's adjective adds: the adjective, its degree adverbs, its preposition."""
    toks = [adj] + [c for c in adj.children if c.dep_ in ("advmod", "neg") and c.i < adj.i]
    return toks + ([prep] if prep is not None else [])


#: Left dependents of a noun cue that PolNeAR puts in the cue ("a sharp attack", "overwhelming support").
_NOUN_CUE_DEPS = frozenset({"det", "amod", "compound", "advmod", "nummod"})


def nominal(tok: Token) -> Parts | None:
    """Return the parts of a noun cue: "his claim that X", "support for X", "a warning not to X".

    The content is the noun's clause or prepositional object, the source its possessor ("his",
    "Trump's") or the object of "among"/"from"/"by" ("fears among economists"); the cue spans the
    noun with its determiner and modifiers, and the preposition.
    """
    comp = noun_complement(tok)
    if comp is None:
        return None
    doc = tok.doc
    if comp.dep_ == "prep":
        obj = child_with(comp, "pobj", "pcomp")
        content = subtree_span(obj) if obj is not None else None
        cue = [tok, comp]
    else:
        content = cut_tail(doc, comp.left_edge.i, comp.right_edge.i, comp.i)
        cue = [tok]
    left = [c for c in tok.children if c.i < tok.i and c.dep_ in _NOUN_CUE_DEPS and c.pos_ != "PROPN"]
    cue += [t for c in left for t in c.subtree]
    src = child_with(tok, "poss")
    if src is None:
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in SOURCE_PREPS and c.i > tok.i), None)
        src = child_with(by, "pobj") if by is not None else None
    source = subtree_span(src) if src is not None else None
    return Parts(cue=tokens_span(cue), content=content, source=source, source_head=src, frame="nominal")


def according_to(tok: Token) -> Parts | None:
    """Return the parts of "according to X[, citing Y], CONTENT"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    pobj = child_with(nxt, "pobj")
    if pobj is None:
        return None
    src, via = pobj, []
    cite = next((c for c in pobj.children if c.dep_ == "acl" and c.lemma_ in word_class("relay")), None)
    cited = child_with(cite, "dobj") if cite is not None else None
    if cite is not None and cited is not None:
        via = [s for s in [subtree_span(pobj, [cite])] if s]
        src = cited
    content = _host_clause_content(tok)
    if content is None:
        return None
    return Parts(cue=tokens_span([tok, nxt]), content=content, source=subtree_span(src), source_head=src,
                 via=via, frame="according_to")


def _host_clause_content(tok: Token) -> Span | None:
    """Return the clause an "according to" phrase is attached to, without the phrase itself."""
    host, child = tok.head, tok
    for _ in range(4):
        if host.pos_ in ("VERB", "AUX") or host.dep_ == "ROOT":
            break
        host, child = host.head, host
    if host.i == tok.i:
        return None
    return subtree_span(host, [child])


def adverbial(tok: Token) -> Parts | None:
    """Return the parts of a hedge adverb ("reportedly") modifying a clause, with no source."""
    if tok.dep_ != "advmod" or tok.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return None
    head = tok.head
    content = subtree_span(head, [c for c in head.children if c.dep_ in ("punct", "cc", "conj") and c.i > head.i])
    return Parts(cue=tokens_span([tok]), content=content, frame="adverbial")


#: Parts of speech allowed in the source before a headline colon ("Trump: ...", "NY Daily News: ...").
_HEADLINE_SOURCE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT", "NUM"})
_HEADLINE_MAX_SOURCE = 6
_HEADLINE_MIN_CONTENT = 3


def _line_start(tok: Token, limit: int) -> int | None:
    """Return the index of the first token on ``tok``'s line, or None if more than ``limit`` back."""
    doc = tok.doc
    i = tok.i
    for _ in range(limit + 1):
        if i == 0 or "\n" in doc[i - 1].whitespace_ or "\n" in doc[i - 1].text:
            return i
        i -= 1
    return None


def headline_colon(tok: Token) -> Parts | None:
    """Return the parts of a headline-style attribution "Source: what they said" at a line start."""
    start = _line_start(tok, _HEADLINE_MAX_SOURCE)
    if start is None or start == tok.i:
        return None
    doc = tok.doc
    head_toks = doc[start:tok.i]
    if not all(t.pos_ in _HEADLINE_SOURCE_POS for t in head_toks) or not any(t.pos_ in ("PROPN", "NOUN") for t in head_toks):
        return None
    end = tok.i + 1
    while end < len(doc) and not ("\n" in doc[end].text or "\n" in doc[end - 1].whitespace_ and end > tok.i + 1):
        end += 1
    if end - tok.i - 1 < _HEADLINE_MIN_CONTENT:
        return None
    content = token_range_span(doc, tok.i + 1, end - 1)
    while start < tok.i and is_quote_token(doc[start]):
        start += 1
    source = token_range_span(doc, start, tok.i - 1)
    noun = next(t for t in reversed(head_toks) if t.pos_ in ("PROPN", "NOUN"))
    return Parts(cue=tokens_span([tok]), content=content, source=source, source_head=noun, frame="headline")
