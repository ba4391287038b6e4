"""Resolution context: the anchor, the running reference time, tense, and date pickers.

A resolver computes a TIMEX3 value from a grammar match. Calendar values relative to the
document date are computed against ``Ctx.base`` (the anchor, or a stand-in date when the
anchor is unknown) and formatted through ``Ctx.fmt`` which masks them TimeBank-style
(``XXXX-XX-XX``) when there is no anchor.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from wirewatch.times import anchoring
from wirewatch.times import tense as tense_mod
from wirewatch.times.timeutil import fmt_gran, season_interval

Date = dt.date
_STAND_IN = Date(2000, 1, 3)
_MASK = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "H": "XXXX-HX",
         "Y": "XXXX", "DE": "XXX", "CE": "XX"}


@dataclass(frozen=True)
class Result:
    """A resolved expression; ``start``/``end`` override the match span when set."""

    type: str
    value: str
    start: int | None = None
    end: int | None = None
    ref: tuple[Date, str] | None = None
    period: tuple[Date, str] | None = None


@dataclass
class Ctx:
    """Per-document resolution state."""

    text: str
    anchor: Date | None
    doc: Any | None = None
    bounds: list[tuple[int, int]] = field(default_factory=list)
    ref: tuple[Date, str] | None = None
    ref_pos: int = -10**9
    period: tuple[Date, str] | None = None
    period_pos: int = -10**9
    period_fiscal: bool = False
    span_period: tuple[Date, str] | None = None
    span_period_pos: int = -10**9
    days: list[tuple[int, int, Date]] = field(default_factory=list)
    _tense_cache: dict[int, str | None] = field(default_factory=dict)
    _starts: list[int] | None = None

    @property
    def base(self) -> Date:
        """The anchor date, or a stand-in when unknown (values are then masked)."""
        return self.anchor or _STAND_IN

    def fmt(self, d: Date, gran: str, relative: bool = True) -> str:
        """Format ``d`` at ``gran``; masked when relative to an unknown anchor."""
        if relative and self.anchor is None:
            return _MASK.get(gran, "XXXX")
        return fmt_gran(d, gran)

    def token_starts(self) -> list[int]:
        """Char offsets of the parsed Doc's tokens, computed once per document."""
        if self._starts is None:
            self._starts = tense_mod.token_starts(self.doc)
        return self._starts

    def tense(self, start: int, end: int) -> str | None:
        """Tense of the clause around [start, end) (parser first, surface cues as fallback)."""
        if start in self._tense_cache:
            return self._tense_cache[start]
        t = None
        if self.doc is not None:
            try:
                t = tense_mod.parsed_tense(self.doc, start, self.token_starts())
            except (IndexError, AttributeError, ValueError):
                t = None
        if t is None:
            if not self.bounds:
                self.bounds = tense_mod.sentence_bounds(self.text, None)
            t = tense_mod.surface_tense(self.text, start, end, self.bounds)
        self._tense_cache[start] = t
        return t

    def speech_base(self, pos: int) -> Date:
        """The date relative expressions at ``pos`` count from: the date of the reporting
        verb whose clause holds them ("said on Tuesday that next week ..."), else the anchor."""
        if self.doc is None or self.anchor is None or not self.days:
            return self.base
        try:
            day = anchoring.speech_date(self.doc, self.token_starts(), pos, self.days)
        except (IndexError, AttributeError, ValueError):
            day = None
        return day or self.base

    def reference(self, pos: int, window: int = 600) -> tuple[Date, str] | None:
        """The running reference time if it was set within ``window`` chars before pos."""
        if self.ref is not None and pos - self.ref_pos <= window:
            return self.ref
        return None

    def reporting_period(self, pos: int, window: int = 1500) -> tuple[Date, str] | None:
        """The quarter/half last discussed, if mentioned within ``window`` chars before pos."""
        if self.period is not None and pos - self.period_pos <= window:
            return self.period
        return None

    def comparison_period(self, pos: int, window: int = 1500) -> tuple[Date, str] | None:
        """The reporting period a "year-ago" comparison refers to: the latest of the quarter/half
        under discussion and a longer reporting span ("the nine months", "the year"), whichever
        was mentioned last within ``window`` chars before pos."""
        quarter = self.reporting_period(pos, window)
        if self.span_period is None or pos - self.span_period_pos > window:
            return quarter
        if quarter is None or self.span_period_pos > self.period_pos:
            return self.span_period
        return quarter

    def word_before(self, pos: int) -> str:
        """The lower-cased word just before char offset ``pos``."""
        m = _WORD_BEFORE.search(self.text, max(0, pos - 40), pos)
        return m.group(1).lower() if m else ""

    def word_after(self, pos: int) -> str:
        """The lower-cased word just after char offset ``pos``."""
        m = _WORD_AFTER.match(self.text, pos)
        return m.group(1) if m else ""


_WORD_BEFORE = re.compile(r"([\w$.'%-]+)\W*$")
_WORD_AFTER = re.compile(r"\W{0,3}([\w$.'-]+)")


def pick_weekday(base: Date, wd: int, mode: str | None) -> Date:
    """The date of ISO weekday ``wd`` near ``base``.

    Modes: ``past`` (0..6 days back), ``future`` (0..6 ahead), ``last`` (1..7 back),
    ``next`` (1..7 ahead), ``present`` (up to three days ahead, as a scheduled event, else back).
    """
    diff = (wd - base.isoweekday()) % 7
    if mode == "future":
        return base + dt.timedelta(days=diff)
    if mode == "next":
        return base + dt.timedelta(days=diff or 7)
    if mode == "last":
        return base - dt.timedelta(days=(7 - diff) if diff else 7)
    if mode == "present":
        return base + dt.timedelta(days=diff if diff <= 3 else diff - 7)
    return base - dt.timedelta(days=(7 - diff) % 7)


def pick_year_for(base: Date, month: int, day: int, mode: str | None, window: int = 75) -> int:
    """Year of a month/day (day 0 = whole month) meant relative to ``base``.

    News style gives the year only when it is not the current one, so the nearest instance
    is taken when it lies within ``window`` days of ``base``; farther dates follow the
    tense (past -> the last instance before ``base``, future -> the next one after it),
    and the nearest instance otherwise.
    """
    def key(y: int) -> Date:
        return Date(y, month, min(day or 1, 28))

    years = (base.year - 1, base.year, base.year + 1)
    nearest = min(years, key=lambda y: (abs((key(y) - base).days), y != base.year))
    if abs((key(nearest) - base).days) <= (window if day else 31):
        return nearest
    if mode in ("past", "last"):
        return base.year if key(base.year) <= base else base.year - 1
    if mode in ("future", "next"):
        return base.year if key(base.year) >= base else base.year + 1
    return nearest


def pick_season(base: Date, code: str, mode: str | None) -> int:
    """Year of the season instance ``code`` meant relative to ``base``."""
    if mode == "last":
        y = base.year
        while season_interval(y, code)[1] >= base:
            y -= 1
        return y
    if mode == "next":
        y = base.year - 1
        while season_interval(y, code)[0] <= base:
            y += 1
        return y
    if mode == "past":
        y = base.year
        while season_interval(y, code)[0] > base:
            y -= 1
        return y
    if mode == "future":
        y = base.year - 1
        while season_interval(y, code)[1] < base:
            y += 1
        return y
    return base.year


def tense_mode(t: str | None, default: str | None = "past") -> str | None:
    """Map a clause tense to a picker mode (present stays ``present``; unknown -> default)."""
    if t in ("past", "future", "present"):
        return t
    return default
