"""Inference of the year of a dateline that gives only month and day ("Sep 11 (EFE)").

Evidence, from strongest to weakest:

1. durations anchored on a year in the same sentence ("at war for 70 years ... since 1953",
   "70 years after the 1953 armistice") give the year directly (1953 + 70);
2. the document cannot predate the latest year the text mentions as past ("since 2019",
   "in early 2020"), which gives a lower bound;
3. weekday consistency: if the weekday of the dateline day is known (the hint, or else the
   first weekday the text names in its first 1,200 characters, which in wire copy is the
   dateline day), the date must fall on that weekday; the smallest year >= the lower bound
   that satisfies it is chosen.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache

from wirewatch.times.lexicon import lexicon, number_value

_PAST_YEAR_CUES = r"(?:since|in|during|of|from|by|early|late|mid-?|until|through|before|after|back\s+to|end\s+of|spring|summer|autumn|fall|winter|\w+\s+\d{1,2},?)"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    num = r"(?:\d{1,4}|" + "|".join(sorted((k for k in lexicon().numbers if " " not in k and k not in ("a", "an")),
                                            key=len, reverse=True)) + r"(?:[\s-]\w+)?)"
    past_year = re.compile(rf"\b{_PAST_YEAR_CUES}[\s-]+((?:1[89]|20)\d\d)\b(?!\s*(?:people|troops|km|miles))", re.I)
    dur_since = re.compile(rf"\b(?:for|of|over|after|than|nearly|almost|some|about|around)\s+({num})\s+years?\b"
                           rf"[^.!?\n]{{0,160}}?\b(?:since|in|from|of|after|to)\s+(?:the\s+[\w\s-]{{0,40}}?)?((?:1[89]|20)\d\d)\b", re.I)
    since_dur = re.compile(rf"\b(?:since|in|from)\s+((?:1[89]|20)\d\d)\b[^.!?\n]{{0,120}}?\b({num})\s+years?\b", re.I)
    weekday = re.compile(r"\b(?:on\s+)?(" + "|".join(w for w in lexicon().weekdays if w.endswith("day")) + r")\b", re.I)
    return past_year, dur_since, since_dur, weekday


def _duration_estimates(text: str) -> Counter[int]:
    _, dur_since, since_dur, _ = _patterns()
    est: Counter[int] = Counter()
    for m in dur_since.finditer(text):
        n = number_value(m.group(1))
        if n and n == int(n) and n < 300:
            est[int(m.group(2)) + int(n)] += 1
    for m in since_dur.finditer(text):
        n = number_value(m.group(2))
        if n and n == int(n) and n < 300:
            est[int(m.group(1)) + int(n)] += 1
    return est


def _weekday_from_text(text: str) -> int | None:
    m = _patterns()[3].search(text[:1200])
    if not m:
        return None
    return lexicon().weekdays[m.group(1).lower()]


def _weekday_ok(year: int, month: int, day: int, wd: int | None) -> bool:
    if wd is None:
        return True
    try:
        return dt.date(year, month, day).isoweekday() == wd
    except ValueError:
        return False


def infer_year(text: str, month: int, day: int, weekday_hint: int | None = None) -> int | None:
    """The year of a dateline date that gives month and day only, inferred from the text.

    Args:
        text: the document text.
        month: dateline month (1-12).
        day: dateline day (1-31).
        weekday_hint: ISO weekday (1 = Monday) known for the dateline day, if any; otherwise
            the first weekday the text names is used as a consistency check.

    Returns:
        The inferred year, or None when nothing in the text supports one.
    """
    past_year = _patterns()[0]
    mentioned = [int(m.group(1)) for m in past_year.finditer(text)]
    floor = max(mentioned) if mentioned else None
    wd = weekday_hint if weekday_hint is not None else _weekday_from_text(text)
    estimates = _duration_estimates(text)
    for year, _ in estimates.most_common():
        if (floor is None or year >= floor) and _weekday_ok(year, month, day, wd):
            return year
    if floor is None:
        return None
    if wd is not None:
        for year in range(floor, floor + 7):
            if _weekday_ok(year, month, day, wd):
                return year
    return floor
