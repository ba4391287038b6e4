"""Checks that a document can be analysed: not empty, not too large, in English."""
from __future__ import annotations

import re
from functools import lru_cache

from wirewatch.document import Document
from wirewatch.errors import EmptyInputError, InputTooLargeError, LanguageError

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@lru_cache(maxsize=1)
def english_function_words() -> frozenset[str]:
    """English function words: spaCy's English stop-word list (spacy/lang/en/stop_words.py)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def english_ratio(text: str, sample_chars: int = 5000) -> tuple[float, int]:
    """Share of English function words among the words of (the start of) ``text``, and the word count."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if not words:
        return 0.0, 0
    stop = english_function_words()
    return sum(w in stop for w in words) / len(words), len(words)


def check_document(doc: Document, max_bytes: int, min_words: int, min_ratio: float) -> None:
    """Raise an :class:`~wirewatch.errors.InputError` if the document cannot be analysed."""
    if not doc.text.strip():
        raise EmptyInputError(doc.origin or doc.id, "empty document (no text)", doc.id)
    size = len(doc.text.encode("utf-8"))
    if size > max_bytes:
        raise InputTooLargeError(doc.origin or doc.id, f"{size:,} bytes, over the {max_bytes:,}-byte limit "
                                 "(split it or raise [ingest] max_bytes)", doc.id)
    ratio, n = english_ratio(doc.text)
    if n == 0:
        raise EmptyInputError(doc.origin or doc.id, "no words in the text", doc.id)
    if n >= min_words and ratio < min_ratio:
        raise LanguageError(doc.origin or doc.id, f"does not look like English ({ratio:.0%} English function words; "
                            "wirewatch analyses English text only)", doc.id)
