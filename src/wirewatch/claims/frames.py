"""The attribution frames: each returns the located parts of one attribution (``roles.Parts``).

Five frames: a reporting verb ("X said (that) ...", "..., X said", "X said: '...'", "X told Y",
"X was quoted by Y", "X is expected to ..."), "according to X (citing Y), ...", a hedge adverb
("... is reportedly seeking ..."), a noun cue ("his claim that ...", "support for X"), and a
headline colon ("Lynch: No outside influence on probe"). A copula with an adjective complement
("are uneasy about X") is read as a reporting verb.

For cues proposed by a tagger, ``generic`` reads any cue token the five frames cannot ("advice",
"agreed with", "for Republicans, ...", "Kerry: ..."), and ``fit_to_cue`` fits any frame's parts
to the tagged cue span (the content starts after the cue, the source ends before it).
Sources and cue spans come from ``roles.py``, contents from ``contents.py``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.claims.contents import (
    adjective_content,
    after_cue,
    clause_content,
    complement_content,
    complete_quote,
    crosses_line,
    cue_anchors,
    cut_tail,
    extend_over_adjuncts,
    extend_run_on,
    modifier_content,
    prefer_quote,
    quote_content,
    raising_content,
    recipient_relay,
)
from wirewatch.claims.features import copula_adjective, is_quote_token, noun_complement
from wirewatch.claims.lexicon import word_class
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.roles import (
    Parts,
    chained_complement,
    chained_head,
    child_with,
    cue_tokens,
    fallback_source,
    find_source,
    noun_source,
    source_span,
)
from wirewatch.claims.spans import Span, outside, span_heads, subtree_span, token_range_span, tokens_span

__all__ = ["Parts", "according_to", "adverbial", "after_cue", "chained_head", "fit_to_cue", "generic", "headline_colon",
           "nominal", "verbal"]


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
    if src is not None and src.lower_ == "it" and (adj is not None or _extraposed(src.head)):
        src = None  # extraposition: "it is clear that ...", "it is hard to know ..." names no source
    quote, follows = quote_content(tok, src, quotes)
    quoted = False
    if quote is not None and prefer_quote(tok, content, quote, follows):
        content, prep, quoted = quote, None, True
    raised = raising_content(tok)
    if raised is not None:
        content, src = raised, None
    if not quoted and content is not None:
        if content[0] > tok.idx and any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
            # only a reported clause runs on: adjuncts after an object belong to the cue ("banned X in 2009")
            content = extend_over_adjuncts(tok, content)
            content = extend_run_on(tok.doc, content, quotes.sentence_ends[tok.i])
        content = complete_quote(content, quotes)
        if crosses_line(quotes.text, content, tok.idx):
            return None
    if content is None:
        return None
    cue = cue_tokens(tok, prep, content) + adj_cue + (cue_tokens(outer, content=content) if outer is not None else [])
    return Parts(cue=tokens_span(cue), content=content, source=source_span(src, tok),
                 source_head=src, via=recipient_relay(tok), quoted=quoted)


def _extraposed(verb: Token) -> bool:
    """Return True when the copula ``verb`` has a complement after which its real subject follows
    ("it is a shame that ...", "it's hard to know ...")."""
    return verb.lemma_ == "be" and any(c.dep_ in ("ccomp", "xcomp", "attr", "acomp") for c in verb.children)


def adjective_cue(adj: Token, prep: Token | None) -> list[Token]:
    """Return the cue tokens a copula's adjective adds: the adjective, its degree adverbs, its preposition."""
    toks = [adj] + [c for c in adj.children if c.dep_ in ("advmod", "neg") and c.i < adj.i]
    return toks + ([prep] if prep is not None else [])


#: Left dependents of a noun cue that PolNeAR puts in the cue ("a sharp attack", "overwhelming support").
_NOUN_CUE_DEPS = frozenset({"det", "amod", "compound", "advmod", "nummod"})


def nominal(tok: Token) -> Parts | None:
    """Return the parts of a noun cue: "his claim that X", "support for X", "a warning not to X".

    The content is the noun's clause or prepositional object, the source its possessor ("his",
    "Trump's"), a name before it, the object of "among"/"from"/"by" ("fears among economists") or
    the subject of the verb taking it as object (``roles.noun_source``); the cue spans the noun
    with its determiner and modifiers, and the preposition.
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
    src = noun_source(tok)
    source = subtree_span(src) if src is not None else None
    return Parts(cue=tokens_span(cue), content=content, source=source, source_head=src, frame="nominal")


def according_to(tok: Token) -> Parts | None:
    """Return the parts of "according to X[, citing Y], CONTENT" and "CONTENT, according to X"."""
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
    host = _host(tok)
    if host is None:
        return None
    content = _host_clause_content(tok, host)
    source = subtree_span(src)
    subject = _swallowed_subject(pobj, host)
    if subject is not None:  # "According to polls by X, majorities want ...": the subject hung on X
        source = token_range_span(tok.doc, src.left_edge.i, subject.left_edge.i - 1)
        content = token_range_span(tok.doc, subject.left_edge.i, host.right_edge.i)
    if content is None:
        return None
    return Parts(cue=tokens_span([tok, nxt]), content=content, source=source, source_head=src,
                 via=via, frame="according_to")


def _host(tok: Token) -> Token | None:
    """Return the verb (or root) of the clause an "according to" phrase is attached to."""
    host = tok.head
    for _ in range(4):
        if host.pos_ in ("VERB", "AUX") or host.dep_ == "ROOT":
            break
        host = host.head
    return None if host.i == tok.i else host


def _swallowed_subject(pobj: Token, host: Token) -> Token | None:
    """Return the subject of a subjectless host clause that the parser hung on the source as an
    apposition right before the host verb ("according to X, *majorities of voters* want ...")."""
    if pobj.i > host.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in host.children):
        return None
    doc = host.doc
    start = _first_own(host)
    for t in pobj.subtree:
        if t.dep_ == "appos" and t.right_edge.i + 1 == start and doc[t.left_edge.i - 1].text == ",":
            return t
    return None


def _first_own(host: Token) -> int:
    """Return the index of the first token of ``host``'s clause after its left-hand "according to" phrase."""
    left = [c for c in host.children if c.i < host.i and c.lower_ != "according"
            and not any(t.lower_ == "according" for t in c.subtree)]
    return min([c.left_edge.i for c in left] + [host.i])


#: Openers of a host clause that PolNeAR leaves out of the content ("But", "Still,"); openers
#: that carry content ("In 2014,", "Since clinching the nomination,") stay.
_OPENER_DEPS = frozenset({"advmod", "cc"})


def _host_clause_content(tok: Token, host: Token) -> Span | None:
    """Return the clause an "according to" phrase is attached to, without the phrase itself.

    A phrase inside the clause stays inside the content; a conjunction or a discourse adverb
    opening the content ("But", "Still,") is left out.
    """
    child = tok
    while child.head.i != host.i and child.head.i != child.i:
        child = child.head
    doc = tok.doc
    lo, hi = host.left_edge.i, host.right_edge.i
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    first, last = child.left_edge.i, child.right_edge.i
    if first > lo and last < hi:
        pass  # a phrase inside the clause stays inside its content
    elif first <= lo:
        lo = last + 1
    else:
        hi = first - 1
    lo = _skip_openers(doc, host, lo, hi)
    return token_range_span(doc, lo, hi, anchor=host.i if lo <= host.i <= hi else None)


def _skip_openers(doc: Doc, host: Token, lo: int, hi: int) -> int:
    """Move ``lo`` past a conjunction and comma-set adverbs opening the host clause ("But still, ...")."""
    for _ in range(3):
        while lo <= hi and (doc[lo].is_punct or doc[lo].is_space):
            lo += 1
        if lo > hi:
            return lo
        opener = next((c for c in host.children if c.left_edge.i == lo and c.dep_ in _OPENER_DEPS and c.i < host.i), None)
        if opener is None or opener.right_edge.i >= hi:
            return lo
        if opener.dep_ != "cc" and doc[opener.right_edge.i + 1].text != ",":
            return lo
        lo = opener.right_edge.i + 1
    return lo


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


# --- fallback ----------------------------------------------------------------------------------

#: Prepositions whose object, when a cue token is the preposition itself, is the source and not
#: the content ("*for* Republicans, it is a smoking gun", "headline *from* the Post").
_SOURCE_ADPS = frozenset({"for", "from", "by", "in", "to", "among", "per"})


def generic(tok: Token, quotes: QuoteIndex | None = None, cue: Span | None = None) -> Parts | None:
    """Return the parts of a cue token that the specific frames cannot read.

    A cue tagger may propose cues of any part of speech ("advice", "Demand for",
    "agreed with", "prohibited", "own admission", a headline's "Praises"). The content is read
    off the complements of the cue's words, the last word first ("shot back, *saying* X",
    "called *for* X"), skipping complements inside the cue; failing those, a participle or
    relative cue ("several firms sued by the NAACP", "which he shares") attributes the noun
    phrase it modifies, and with the tagger's cue span known, the constituent right after the
    cue. The source is the agent or the subject (for a noun, ``roles.noun_source``). A preposition
    cue's object is its source when the preposition introduces a viewpoint ("for Republicans,
    ..."), its content otherwise; a colon or dash cue splits its line ("Kerry: '...'").

    Args:
        tok: The cue's head token.
        quotes: The document's quotation index (colon and dash cues need it).
        cue: The cue's character span, when a tagger proposed one.
    """
    if tok.pos_ == "PUNCT":
        return _punct_frame(tok, quotes) if quotes is not None else None
    if tok.pos_ == "ADP":
        return _adposition_frame(tok)
    src = fallback_source(tok)
    content = modifier_content(tok)
    if content is not None and src is not None and src.i == tok.head.i:
        src = None
    if content is None:
        content = next((c for a in cue_anchors(tok, cue) if (c := complement_content(a, cue)) is not None), None)
    if content is None and cue is not None:
        content = after_cue(tok.doc, cue)
    if content is None:
        return None
    if quotes is not None and content[0] > tok.idx:
        content = complete_quote(content, quotes)
    return Parts(cue=tokens_span(cue_tokens(tok)), content=content, source=source_span(src, tok),
                 source_head=src, frame="generic")


def _adposition_frame(tok: Token) -> Parts | None:
    """Return the parts of a preposition cue: "for X, CONTENT" (X the source) or "about X" (X the content)."""
    obj = child_with(tok, "pobj", "pcomp")
    if obj is None:
        return None
    cue = tokens_span([tok])
    if tok.lower_ in _SOURCE_ADPS and obj.pos_ in ("PROPN", "NOUN", "PRON"):
        host = _host(tok)
        content = _host_clause_content(tok, host) if host is not None else None
        if content is None:
            return None
        return Parts(cue=cue, content=content, source=subtree_span(obj), source_head=obj, frame="generic")
    src = find_source(tok.head) if tok.head.pos_ in ("VERB", "AUX") else None
    return Parts(cue=cue, content=subtree_span(obj), source=source_span(src, tok.head) if src is not None else None,
                 source_head=src, frame="generic")


def _punct_frame(tok: Token, quotes: QuoteIndex) -> Parts | None:
    """Return the parts of a colon or dash introducing what a named source says ("Kerry: '...'")."""
    doc = tok.doc
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return None
    end = tok.i + 1
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and not doc[end].is_space:
        end += 1
    content = token_range_span(doc, tok.i + 1, end - 1)
    if content is not None:
        content = complete_quote(content, quotes)
    head = doc[tok.i - 1]
    while head.dep_ in ("compound", "flat", "appos") and head.i < head.head.i < tok.i and head.head.pos_ in ("PROPN", "NOUN"):
        head = head.head  # "Sen. Tim Kaine:" -> "Kaine"
    if head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return Parts(cue=tokens_span([tok]), content=content, frame="generic")
    source = token_range_span(doc, head.left_edge.i, tok.i - 1, anchor=tok.i - 1)
    return Parts(cue=tokens_span([tok]), content=content, source=source, source_head=head, frame="generic")


def fit_to_cue(parts: Parts | None, cue: Span | None, doc: Doc, quotes: QuoteIndex | None = None) -> Parts | None:
    """Fit a frame's parts to a cue span proposed by a tagger, when one is known.

    A cue tagger may mark more words than the frame's own cue ("has misled the public about",
    "held his fire on"); PolNeAR's content then starts after the cue and the source ends before
    it. The cue span replaces the frame's.

    Args:
        parts: The frame's parts (None passes through).
        cue: The cue's [start, end) character span, or None to keep the frame's.
        doc: The parsed document.
        quotes: The document's quotation index, to complete a quotation the content opens.
    """
    if parts is None or cue is None:
        return parts
    text = doc.text
    parts.cue = cue
    content = parts.content
    later = _last_word_content(doc, cue)
    if later is not None:
        content = later
    elif content is not None and cue[0] <= content[0] and content[1] <= cue[1]:
        content = after_cue(doc, cue)  # the frame's content is a word of the cue ("relatively mum on")
    if content is not None and quotes is not None and content != parts.content:
        content = complete_quote(content, quotes)
    parts.content = outside(content, cue, text)
    parts.source = outside(parts.source, cue, text)
    _source_after_cue(parts, doc, cue)
    return parts


#: A noun or passive cue ending in one of these prepositions names its source after it
#: ("drew criticism *from* X", "is not impressed *by* X").
_SOURCE_LAST = frozenset({"from", "by"})


def _source_after_cue(parts: Parts, doc: Doc, cue: Span) -> None:
    """Read "X drew criticism from Y" / "X was praised by Y": Y the source, X the content."""
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if words is None or not len(words) or words[-1].lower_ not in _SOURCE_LAST:
        return
    prep = words[-1]
    obj = child_with(prep, "pobj")
    if obj is None or obj.i < words.end:
        return
    if prep.head.pos_ != "NOUN" and child_with(prep.head, "auxpass") is None:
        return  # "stood by X", "distanced himself from X": X is what is talked about
    before = parts.source if parts.source is not None and parts.source[1] <= cue[0] else None
    parts.source, parts.source_head = subtree_span(obj), obj
    if before is not None:
        parts.content = before


def _last_word_content(doc: Doc, cue: Span) -> Span | None:
    """Return the complement of a later word of a long cue ("shot back, *saying* X", "called *for* X")."""
    words = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if words is None or len(words) < 2:
        return None
    head = next(iter(span_heads(words)), words[0])
    for anchor in cue_anchors(head, cue):
        if anchor.i <= head.i:
            break
        if anchor.pos_ != "VERB":
            continue
        content = complement_content(anchor, cue)
        if content is not None:
            return content
    return None


