"""Nationality adjectives and demonyms ("North Korean", "Russians", "Soviet") to ISO 3166-1 alpha-3 codes.

Data: the demonym column of ``data/countries.tsv`` (from countryinfo, REST Countries data) and the hand
table ``data/demonyms.tsv``. "Soviet" maps to ``SUN`` (the Soviet Union's former alpha-3 code).
"""
from __future__ import annotations

from functools import lru_cache

from wirewatch.places._build import read_tsv
from wirewatch.places.names import key


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    """Adjective key -> ISO alpha-3; the hand table wins; among countries sharing a demonym the most
    populous (e.g. "Chinese" -> CHN, not Hong Kong or Macau)."""
    out: dict[str, tuple[int, str]] = {}
    for r in read_tsv("countries.tsv"):
        for adj in filter(None, (r["demonym"],)):
            k = key(adj)
            pop = int(r["population"])
            if k not in out or out[k][0] < pop:
                out[k] = (pop, r["iso3"])
    table = {k: v[1] for k, v in out.items()}
    for r in read_tsv("demonyms.tsv"):
        table[key(r["adjective"])] = r["iso3"]
    return table


def country_of_adjective(text: str) -> str | None:
    """Return the country a nationality adjective or demonym refers to.

    Case- and diacritics-insensitive; also accepts the plural demonym ("Russians", "Israelis") and a
    leading "the" ("the British").

    Args:
        text: e.g. "North Korean", "Russian", "Soviet", "Palestinians".

    Returns:
        ISO 3166-1 alpha-3 code ("PRK", "RUS", "SUN", "PSE"), or None when it is no known adjective.
    """
    table = _table()
    k = key(text)
    if k in table:
        return table[k]
    if k.endswith("s") and k[:-1] in table:
        return table[k[:-1]]
    return None


def is_adjective(text: str) -> bool:
    """Whether the text is a known nationality adjective or demonym."""
    return country_of_adjective(text) is not None
