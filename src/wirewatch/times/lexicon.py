"""Temporal vocabulary for the TIMEX3 tagger, loaded lazily from ``data/lexicon.json``.

The JSON file holds the hand-written word lists (months, weekdays, number words, units,
seasons, parts of day, vague references); this module exposes them as a cached frozen view.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

_DATA = Path(__file__).resolve().parent / "data" / "lexicon.json"


class LexiconError(RuntimeError):
    """Raised when the lexicon data file is missing or malformed."""


@dataclass(frozen=True)
class Lexicon:
    """Lookup tables of the temporal vocabulary (all keys lower-case)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    sets: dict[str, str | None]
    seasons: dict[str, str]
    season_bounds: dict[str, tuple[tuple[int, int], tuple[int, int]]]
    parts_of_day: dict[str, str]
    time_zones: tuple[str, ...]
    holidays: dict[str, tuple[int, int]]
    floating_holidays: dict[str, tuple[int, int, int]]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    speech_verbs: frozenset[str]
    non_year_followers: frozenset[str]
    year_prepositions: frozenset[str]
    non_year_preceders: frozenset[str]
    trigger_words: dict[str, frozenset[str]]


def _build(raw: dict[str, Any]) -> Lexicon:
    return Lexicon(
        months=dict(raw["months"]),
        weekdays=dict(raw["weekdays"]),
        numbers=dict(raw["numbers"]),
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=dict(raw["ordinals"]),
        units=dict(raw["units"]),
        sets=dict(raw["sets"]),
        seasons=dict(raw["seasons"]),
        season_bounds={k: (tuple(v[0]), tuple(v[1])) for k, v in raw["season_bounds"].items()},
        parts_of_day=dict(raw["parts_of_day"]),
        time_zones=tuple(raw["time_zones"]),
        holidays={k: (v[0], v[1]) for k, v in raw["holidays"].items()},
        floating_holidays={k: (v[0], v[1], v[2]) for k, v in raw["floating_holidays"].items()},
        present_ref=tuple(raw["present_ref"]),
        past_ref=tuple(raw["past_ref"]),
        future_ref=tuple(raw["future_ref"]),
        speech_verbs=frozenset(raw["speech_verbs"]),
        non_year_followers=frozenset(raw["non_year_followers"]),
        year_prepositions=frozenset(raw["year_prepositions"]),
        non_year_preceders=frozenset(raw["non_year_preceders"]),
        trigger_words={k: frozenset(v) for k, v in raw["trigger_words"].items()},
    )


@cache
def lexicon() -> Lexicon:
    """Return the temporal lexicon, reading the data file on first use.

    Raises:
        LexiconError: if the file cannot be read or lacks a required table.
    """
    try:
        raw = json.loads(_DATA.read_text(encoding="utf-8"))
        return _build(raw)
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise LexiconError(f"cannot load temporal lexicon {_DATA}: {exc}") from exc


def number_value(word: str) -> float | None:
    """Value of a cardinal written in digits or words ("3", "2 1/2", "twenty-four", "a").

    Args:
        word: the number phrase, any case.

    Returns:
        The numeric value, or None when the phrase is not a known number.
    """
    w = " ".join(word.lower().replace("-", " ").split())
    lex = lexicon()
    if w in lex.numbers:
        return lex.numbers[w]
    frac = 0.0
    if w.endswith(" 1/2") or w.endswith(" and a half"):
        frac = 0.5
        w = w.rsplit(" 1/2", 1)[0] if w.endswith(" 1/2") else w[: -len(" and a half")]
    w = w.replace(",", "")
    try:
        return float(w) + frac
    except ValueError:
        pass
    total = 0.0
    for part in w.split():
        if part == "and":
            continue
        val = lex.numbers.get(part)
        if val is None:
            return None
        if val == 100 and total:
            total *= 100
        else:
            total += val
    return total + frac if total else None
