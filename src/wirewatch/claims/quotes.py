"""Find quotations in a text with one linear scan.

Handles curly (“…”) and straight ("…") double quotes and PTB-style doubled marks (``…'' and
''…''), quotes left open at the end of a paragraph when the next paragraph opens another quote
(the newswire convention for quotes that run over several paragraphs), and quotes never closed.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_OPEN = frozenset("“„«")
_CLOSE = frozenset("”»")
_STRAIGHT = '"'
_MIN_LEN = 2


@dataclass
class _Scan:
    """Mutable state of the quotation scanner."""

    text: str
    spans: list[tuple[int, int]] = field(default_factory=list)
    open_at: int | None = None

    def open(self, i: int) -> None:
        if self.open_at is None:
            self.open_at = i

    def close(self, end: int) -> None:
        if self.open_at is not None and end - self.open_at > _MIN_LEN:
            self.spans.append((self.open_at, end))
        self.open_at = None


def _mark_at(text: str, i: int) -> tuple[str, int]:
    """Classify the character(s) at ``i``: ('open'|'close'|'straight'|'', length)."""
    ch = text[i]
    if ch in _OPEN:
        return "open", 1
    if ch in _CLOSE:
        return "close", 1
    if ch == _STRAIGHT:
        return "straight", 1
    pair = text[i:i + 2]
    if pair == "``":
        return "open", 2
    if pair == "''":
        return "straight", 2
    return "", 1


def _next_paragraph_opens(text: str, i: int) -> bool:
    """Return True when the first non-space character after position ``i`` opens a quote."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i < n and _mark_at(text, i)[0] in ("open", "straight")


#: Characters that matter to the scanner: quote marks and line breaks (one C-level pass finds them).
_EVENTS = re.compile(r"[“„«”»\"\n]|``|''")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return the character spans of the quotations in ``text``, quote marks included.

    Args:
        text: The document text.

    Returns:
        Sorted, non-overlapping (start, end) spans; a quotation that runs over several
        paragraphs is one span.
    """
    scan = _Scan(text)
    skip_to = -1
    for m in _EVENTS.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        if text[i] == "\n":
            if scan.open_at is not None:
                if _next_paragraph_opens(text, i):
                    skip_to = _skip_reopen(text, i)
                else:
                    scan.close(_rstrip(text, i))
            continue
        kind, size = _mark_at(text, i)
        if kind == "open" or (kind == "straight" and scan.open_at is None):
            scan.open(i)
        elif kind in ("close", "straight"):
            scan.close(i + size)
    if scan.open_at is not None:
        scan.close(_rstrip(text, len(text)))
    return scan.spans


def _rstrip(text: str, end: int) -> int:
    """Move ``end`` left over trailing whitespace."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _skip_reopen(text: str, i: int) -> int:
    """Skip the whitespace and the re-opening quote mark of a continued paragraph."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    return i + _mark_at(text, i)[1]


class QuoteIndex:
    """Quotation spans of a document with lookup by character offset."""

    def __init__(self, text: str, sentence_ends: list[int] | None = None) -> None:
        self.text = text
        self.spans = find_quotes(text)
        self._starts = [s for s, _ in self.spans]
        #: For each token index, the character offset where its sentence ends.
        self.sentence_ends = sentence_ends or []

    def containing(self, pos: int) -> tuple[int, int] | None:
        """Return the quotation span containing character offset ``pos``, if any."""
        k = bisect.bisect_right(self._starts, pos) - 1
        if k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]:
            return self.spans[k]
        return None

    def ending_before(self, pos: int, text: str, gap: str = " ,\t—–-") -> tuple[int, int] | None:
        """Return the quotation that ends at ``pos`` with only ``gap`` characters between."""
        k = bisect.bisect_right(self._starts, pos) - 1
        if k < 0:
            return None
        s, e = self.spans[k]
        if e <= pos and all(c in gap for c in text[e:pos]):
            return s, e
        return None

    def starting_after(self, pos: int, text: str, gap: str = " ,:\n\t—–-") -> tuple[int, int] | None:
        """Return the quotation that starts at or after ``pos`` with only ``gap`` characters between."""
        k = bisect.bisect_left(self._starts, pos)
        if k >= len(self.spans):
            return None
        s, e = self.spans[k]
        if all(c in gap for c in text[pos:s]):
            return s, e
        return None
