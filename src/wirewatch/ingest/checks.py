"""Checks that a document can be analysed: not empty, not too large, in English."""
from __future__ import annotations

import re
from functools import lru_cache

from wirewatch.document import Document
from wirewatch.errors import EmptyInputError, InputTooLargeError, LanguageError

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


OTHER_LANGUAGES = {"es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}


@lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """A language's function words: spaCy's stop-word list for it (spacy/lang/<lang>/stop_words.py).

    The file is loaded on its own: importing ``spacy.lang.<lang>`` would load that language's
    whole tokenizer data, about two seconds per language.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("spacy")
    assert spec is not None and spec.submodule_search_locations
    path = Path(list(spec.submodule_search_locations)[0], "lang", lang, "stop_words.py")
    file_spec = importlib.util.spec_from_file_location(f"_wirewatch_stop_words_{lang}", path)
    assert file_spec is not None and file_spec.loader is not None
    module = importlib.util.module_from_spec(file_spec)
    file_spec.loader.exec_module(module)
    return frozenset(w.lower() for w in module.STOP_WORDS)


def english_ratio(text: str, sample_chars: int = 5000, lang: str = "en") -> tuple[float, int]:
    """Share of a language's function words (English by default) among the words of (the start of)
    ``text``, and the word count."""
    words = [w.lower() for w in _WORD.findall(text[:sample_chars])]
    if not words:
        return 0.0, 0
    stop = function_words(lang)
    return sum(w in stop for w in words) / len(words), len(words)


def latin_share(text: str, sample_chars: int = 5000) -> float:
    """Share of Latin-script letters among the letters of (the start of) ``text``."""
    letters = [c for c in text[:sample_chars] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(c < "\u0250" for c in letters) / len(letters)


def likely_language(text: str, min_ratio: float) -> str | None:
    """The name of the language the text seems to be in, if it is clearly not English, else None.

    Non-Latin script is not English; a Latin-script text is not English when it has fewer
    English function words than ``min_ratio`` and more of another language's.
    """
    return _other_language(text, latin_share(text), english_ratio(text)[0], min_ratio)


def _other_language(text: str, latin: float, en: float, min_ratio: float) -> str | None:
    if latin < 0.5:
        return "a non-Latin script"
    if en >= min_ratio:
        return None
    ratios = {lang: english_ratio(text, lang=lang)[0] for lang in OTHER_LANGUAGES}
    best = max(ratios, key=ratios.__getitem__)
    return OTHER_LANGUAGES[best] if ratios[best] > en else None


def check_document(doc: Document, max_bytes: int, min_words: int, min_ratio: float) -> None:
    """Raise an :class:`~wirewatch.errors.InputError` if the document cannot be analysed."""
    if not doc.text.strip():
        raise EmptyInputError(doc.origin or doc.id, "empty document (no text)", doc.id)
    size = len(doc.text.encode("utf-8"))
    if size > max_bytes:
        raise InputTooLargeError(doc.origin or doc.id, f"{size:,} bytes, over the {max_bytes:,}-byte limit "
                                 "(split it or raise [ingest] max_bytes)", doc.id)
    ratio, n = english_ratio(doc.text)
    latin = latin_share(doc.text)
    if n == 0 and latin >= 0.5:
        raise EmptyInputError(doc.origin or doc.id, "no words in the text", doc.id)
    lang = _other_language(doc.text, latin, ratio, min_ratio) if n >= min_words or latin < 0.5 else None
    if lang is not None:
        raise LanguageError(doc.origin or doc.id, f"not English (looks like {lang}; {ratio:.0%} English function "
                            "words); wirewatch analyses English text only", doc.id)
