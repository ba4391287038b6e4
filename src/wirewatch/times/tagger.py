"""Rule-based TIMEX3 tagger for English news.

``tag_times`` finds time expressions with a regular-expression grammar (``grammar.py``),
keeps the longest non-overlapping matches, and normalizes each to a TimeML TIMEX3 type and
value anchored on the document date, using clause tense (from a spaCy parse when given),
a running reference time for anaphoric expressions ("a year earlier", "the day before"),
and, in reported speech, the speech's own date ("said on Tuesday that next week ...",
see ``anchoring.py``).
Span conventions follow TimeBank: signals such as "in", "on", "since" are left out, while
determiners and modifiers that belong to the expression ("the past two years", "early 2020",
"around 20 hours") are kept.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Callable, Iterator

from wirewatch.times import resolve_abs as ra
from wirewatch.times import resolve_dur as rd
from wirewatch.times import resolve_quarter as rq
from wirewatch.times import resolve_rel as rr
from wirewatch.times.context import Ctx, Result
from wirewatch.times.grammar import Rule, rules, trigger_hits
from wirewatch.times.timeutil import shift, value_interval
from wirewatch.times.years import infer_year

__all__ = ["TimexMatch", "tag_times", "infer_year", "value_interval"]

Resolver = Callable[[Any, Ctx], "Result | None"]


@dataclass(frozen=True)
class TimexMatch:
    """A time expression: char span [start, end) of the text, TIMEX3 type and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@cache
def _resolvers() -> dict[str, Resolver]:
    table: dict[str, Resolver] = {}
    for mod in (ra, rq, rr, rd):
        for name in dir(mod):
            if name.startswith("r_"):
                table[name[2:]] = getattr(mod, name)
    return table


def _safe(fn: Resolver, m: Any, ctx: Ctx) -> Result | None:
    """Run a resolver; a match whose value cannot be computed (bad date, unknown word) is dropped."""
    try:
        return fn(m, ctx)
    except (KeyError, ValueError, OverflowError, IndexError, TypeError):
        return None


@dataclass
class _Cand:
    start: int
    end: int
    rule: Rule
    match: Any


_MARGIN = 60


def _trigger_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged windows of text around the keywords of each trigger class."""
    hits: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for cls, start, end in trigger_hits(text):
        s, e = max(0, start - _MARGIN), min(n, end + _MARGIN)
        spans = hits.setdefault(cls, [])
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return hits


def _rule_windows(rule: Rule, hits: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    spans = sorted(w for cls in rule.triggers for w in hits.get(cls, ()))
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _matches(rule: Rule, text: str, hits: dict[str, list[tuple[int, int]]]) -> Iterator[Any]:
    for s, e in _rule_windows(rule, hits):
        yield from rule.pattern.finditer(text, s, e)


def _candidates(text: str, ctx: Ctx) -> list[_Cand]:
    table = _resolvers()
    hits = _trigger_windows(text)
    out = []
    for rule in rules():
        fn = table[rule.name]
        for m in _matches(rule, text, hits):
            if m.end() == m.start():
                continue
            res = _safe(fn, m, ctx)
            if res is None:
                continue
            s = m.start() if res.start is None else res.start
            e = m.end() if res.end is None else res.end
            out.append(_Cand(s, e, rule, m))
    return out


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Greedy longest-first selection of non-overlapping candidates."""
    cands.sort(key=lambda c: (-(c.end - c.start), c.rule.priority, c.start))
    taken: list[_Cand] = []
    occupied = bytearray()
    for c in cands:
        if len(occupied) < c.end:
            occupied.extend(b"\0" * (c.end - len(occupied)))
        if any(occupied[c.start:c.end]):
            continue
        occupied[c.start:c.end] = b"\1" * (c.end - c.start)
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,-":
        end -= 1
    while start < end and text[start] in " \t\n,-":
        start += 1
    return start, end


# A quarter introduced as a backdrop ("After a flat second quarter, ...") is not the period
# the report is about, so it does not become the reporting period.
_BACKDROP = re.compile(r"\b(?:after|before|since|following)\s+(?:[\w-]+\s+){0,2}$", re.I)


def tag_times(text: str, anchor: dt.date | None, doc: Any | None = None) -> list[TimexMatch]:
    """All time expressions in ``text``, sorted by start.

    Args:
        text: the document text.
        anchor: the document date the relative expressions are resolved against; with None,
            relative values are underspecified (``XXXX-XX-XX``, ``XXXX-WXX-1``...).
        doc: optional spaCy ``Doc`` of the same text; its parse gives the tense of the verb
            governing each expression (past/future) and its sentences.

    Returns:
        The matches, in text order, each with a TIMEX3 type (DATE, TIME, DURATION, SET)
        and value.
    """
    if not text:
        return []
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = Ctx(text=text, anchor=anchor, doc=doc)
    chosen = _select(_candidates(text, ctx))
    table = _resolvers()
    out: list[TimexMatch] = []
    for c in chosen:
        res = _safe(table[c.rule.name], c.match, ctx)
        if res is None:
            continue
        s, e = _trim(text, c.start if res.start is None else res.start, c.end if res.end is None else res.end)
        if e <= s:
            continue
        out.append(TimexMatch(s, e, text[s:e], res.type, res.value))
        _remember(ctx, res, s, e)
    return out


def _remember(ctx: Ctx, res: Result, start: int, end: int) -> None:
    """Update the running reference time and reporting periods after a resolved match."""
    if res.period is not None:
        ctx.span_period, ctx.span_period_pos = res.period, end
    if res.ref is None:
        return
    if res.ref[1] == "D":
        ctx.days.append((start, end, res.ref[0]))
    ctx.ref, ctx.ref_pos = res.ref, end
    if res.ref[1] in ("Q", "H") and _reports_on(ctx, res.ref, start):
        ctx.period, ctx.period_pos = res.ref, end
        ctx.period_fiscal = "fiscal" in ctx.text[start:end].lower()


def _reports_on(ctx: Ctx, period: tuple[dt.date, str], start: int) -> bool:
    """Whether a quarter/half mention becomes the reporting period that later "the quarter"
    and "a year earlier" refer to: not when it is a backdrop ("after a flat second
    quarter"), nor a period not yet ended (an outlook) once a period is under discussion."""
    if _BACKDROP.search(ctx.text, max(0, start - 30), start):
        return False
    if ctx.period is None or ctx.anchor is None:
        return True
    return shift(period[0], period[1], 1) <= ctx.anchor
