"""Normalisation of names into lookup keys (case, diacritics, hyphens and dots)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = re.compile(r"[\u2010-\u2015\u2212-]")
_QUOTES = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "Đ": "D",
        "đ": "d",
        "Ø": "O",
        "ø": "o",
        "Ł": "L",
        "ł": "l",
        "ß": "ss",
        "ı": "i",
        "Æ": "AE",
        "æ": "ae",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
        "Ð": "D",
        "ð": "d",
    }
)
_SPACE = re.compile(r"\s+")
_PARTS = re.compile(r"[\s\-\u2010-\u2015']+")
_COMBINING = re.compile(
    r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")


def fold(text: str) -> str:
    """Strip diacritics and unify quotes, keeping case.

    Args:
        text: Any text.

    Returns:
        The text with combining marks removed and typographic apostrophes made plain.
    """
    if text.isascii():
        return text.replace("`", "'")
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_QUOTES)))


@lru_cache(maxsize=65536)
def key(text: str, drop_article: bool = True) -> str:
    """Turn a name into its lookup key.

    The key is case-folded, without diacritics, with hyphens as spaces and without dots,
    so "Kim Jong-un", "Kim Jong Un" and "KIM JONG-UN" share one key, as do "U.S." and "US".

    Args:
        text: A name or mention.
        drop_article: Remove a leading "the".

    Returns:
        The normalised key (possibly empty).
    """
    out = fold(text).casefold().replace(".", "")
    out = _DASHES.sub(" ", out)
    out = _SPACE.sub(" ", out).strip(' ,;:"()[]')
    if drop_article:
        out = _LEADING_THE.sub("", out)
    return out


def strip_possessive(text: str) -> str:
    """Remove a trailing possessive ("Russia's" -> "Russia", "Kim Jong-un’s" -> "Kim Jong-un").

    Args:
        text: A name, possibly possessive.

    Returns:
        The name without its possessive ending.
    """
    folded = text.translate(_QUOTES)
    if folded.endswith("'s") or (folded.endswith("s'") and len(folded) > 2):
        return _POSSESSIVE.sub("", folded)
    return text


def is_capitalised(text: str) -> bool:
    """Tell whether a name is written as a proper noun (some word part starts with a capital).

    Args:
        text: A name as written ("Amnesty", "al-Assad").

    Returns:
        True if a part of it, split at spaces, hyphens and apostrophes, starts with a capital.
    """
    return any(part[:1].isupper() for part in _PARTS.split(fold(text)))


@lru_cache(maxsize=65536)
def is_acronym(text: str) -> bool:
    """Tell whether a name is a short all-capitals code such as "US", "U.K." or "DRC".

    Such names are matched case-sensitively, so the pronoun "us" is not the United States.

    Args:
        text: A name as written.

    Returns:
        True for names of at most five letters, all capitals once dots are removed.
    """
    bare = fold(text).replace(".", "").replace(" ", "")
    return 1 < len(bare) <= 5 and bare.isalpha() and bare.isupper()
