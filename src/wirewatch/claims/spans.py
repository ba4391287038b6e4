"""Character spans from dependency subtrees, trimmed the way attribution annotators mark them."""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

Span = tuple[int, int]

#: Token texts never kept at the edge of a span.
_EDGE_PUNCT = frozenset(",;:.—–-()[]")


def _is_edge_junk(tok: Token) -> bool:
    """Return True for whitespace and separating punctuation at a span's edge."""
    return tok.is_space or tok.text in _EDGE_PUNCT or not tok.text.strip()


def token_range_span(doc: Doc, first: int, last: int, anchor: int | None = None) -> Span | None:
    """Return the character span of tokens ``first..last`` (inclusive) without junk at the edges.

    Args:
        doc: The document.
        first: Index of the first token.
        last: Index of the last token (inclusive).
        anchor: When given, the span is cut at line breaks so that it stays on this token's line.
    """
    if anchor is not None:
        first, last = _same_line(doc, first, last, anchor)
    while first <= last and _is_edge_junk(doc[first]):
        first += 1
    while last >= first and _is_edge_junk(doc[last]):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _same_line(doc: Doc, first: int, last: int, anchor: int) -> tuple[int, int]:
    """Shrink tokens ``first..last`` to those on the same line (paragraph) as token ``anchor``."""
    for i in range(anchor - 1, first - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            first = i + 1
            break
    for i in range(anchor, last):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            last = i
            break
    return first, last


def _trim_range(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Move ``first`` and ``last`` inwards over junk tokens."""
    while first <= last and _is_edge_junk(doc[first]):
        first += 1
    while last >= first and _is_edge_junk(doc[last]):
        last -= 1
    return first, last


def subtree_span(tok: Token, exclude: Iterable[Token] = (), same_line: bool = True) -> Span | None:
    """Return the span of ``tok``'s subtree, cutting off excluded child subtrees at either edge.

    Args:
        tok: The head token.
        exclude: Children whose subtrees are removed when they lie at the left or right edge
            of the subtree (a child in the middle cannot be removed from a contiguous span).
        same_line: Cut the span at line breaks around ``tok`` (headlines, datelines).

    Returns:
        The trimmed character span, or None when nothing is left.
    """
    doc = tok.doc
    first, last = tok.left_edge.i, tok.right_edge.i
    if same_line:
        first, last = _same_line(doc, first, last, tok.i)
    first, last = _trim_range(doc, first, last)
    for child in sorted(exclude, key=lambda c: c.i):
        lo, hi = child.left_edge.i, child.right_edge.i
        if child.i < tok.i and lo <= first <= hi:
            first = hi + 1
        elif child.i > tok.i and lo <= last <= hi:
            last = lo - 1
        first, last = _trim_range(doc, first, last)
    return token_range_span(doc, first, last)


def tokens_span(tokens: Iterable[Token]) -> Span | None:
    """Return the span from the first to the last of ``tokens``."""
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def span_heads(words: Iterable[Token]) -> list[Token]:
    """Return the words of a token span whose syntactic head lies outside it, in text order."""
    toks = list(words)
    inside = {t.i for t in toks}
    return [t for t in toks if t.head.i not in inside or t.head.i == t.i]


#: Characters trimmed from an edge that ``outside`` moves.
_SEPARATORS = frozenset(" \t\n,;:—–-")


def outside(span: Span | None, cue: Span, text: str) -> Span | None:
    """Return ``span`` without the part that overlaps ``cue`` at its start or end.

    A span that starts inside the cue starts after it and one that ends inside it ends before it;
    a span around the cue ("X, he said, Y") is kept. Separators left at a new edge are trimmed.
    """
    if span is None or span[1] <= cue[0] or span[0] >= cue[1]:
        return span
    start, end = span
    if start >= cue[0] and end > cue[1]:
        start = cue[1]
    elif start < cue[0] and end <= cue[1]:
        end = cue[0]
    else:
        return span  # around the cue ("X, he said, Y") or inside it: left as it is
    while start < end and text[start] in _SEPARATORS:
        start += 1
    while end > start and text[end - 1] in _SEPARATORS:
        end -= 1
    return (start, end) if end > start else None
