"""Normalization of place names into lookup keys (case, diacritics, punctuation and "the" insensitive)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_DROP = str.maketrans({".": " ", "’": "'", "‘": "'", "`": "'", "-": " ", "–": " ", "‐": " ", ",": " "})
_ABBREVIATIONS = (("saint ", "st "), ("sainte ", "ste "), ("fort ", "ft "), ("mount ", "mt "), ("port ", "pt "))


@lru_cache(maxsize=200_000)
def key(name: str) -> str:
    """Return the lookup key of a place name.

    Lower-cases, strips diacritics, treats periods, hyphens and commas as spaces (so "L.A." is "l a"
    and differs from "La."), drops a leading "the" and a trailing possessive "'s".

    Args:
        name: a surface form such as "the Côte d'Ivoire" or "Russia's".

    Returns:
        The key, e.g. "cote d'ivoire" or "russia"; empty when nothing is left.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = _SPACE.sub(" ", s.casefold().translate(_DROP)).strip()
    if s.startswith("the "):
        s = s[4:]
    if s.endswith("'s") and len(s) > 3:
        s = s[:-2]
    elif s.endswith("s'") and len(s) > 3:
        s = s[:-1]
    return s.replace("'", "'")


def variants(name: str) -> list[str]:
    """Return the keys under which a name is indexed: its key and common abbreviation forms.

    "Saint Louis" is also indexed as "st louis", "Fort Worth" as "ft worth" and the reverse.

    Args:
        name: a canonical or alternate name.

    Returns:
        Distinct non-empty keys, the plain key first.
    """
    k = key(name)
    if not k:
        return []
    out = [k]
    for full, short in _ABBREVIATIONS:
        if k.startswith(full):
            out.append(short + k[len(full):])
        elif k.startswith(short):
            out.append(full + k[len(short):])
    return out
