"""Resolvers for quarters, halves and financial reporting periods.

Reporting convention: an ordinal quarter without a year ("the third quarter") is the one of
the anchor's year unless it has not started yet and the clause is not in the future tense,
in which case it is last year's; "the quarter" / "the latest period" is the quarter under
discussion (the running reference time when it is a quarter), otherwise the last completed
quarter; "year-ago"/"year-earlier" shift that period back one year. After a results span
("the nine months") the comparison period is that year instead, and after a fiscal quarter
the calendar quarter of "the quarter" is unknown (``YYYY-QX``). Which mentions become the
reporting period is decided in ``tagger._reports_on``.
"""
from __future__ import annotations

import datetime as dt
import re

from wirewatch.times.context import Ctx, Result
from wirewatch.times.resolve_abs import last_completed_quarter
from wirewatch.times.timeutil import fmt_gran, shift

Date = dt.date
Match = re.Match

_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
        "final": 4, "last": 4}


def _explicit_year(ctx: Ctx, m: Match) -> int | None:
    gd = m.groupdict()
    for key in ("y1", "y2", "y3"):
        txt = (gd.get(key) or "").lower()
        if txt.isdigit():
            return int(txt)
        if txt:
            return ctx.base.year + {"this year": 0, "last year": -1, "next year": 1}.get(" ".join(txt.split()), 0)
    if gd.get("yrel"):
        return ctx.base.year + {"this": 0, "last": -1, "next": 1}[gd["yrel"].lower()]
    return None


def r_quarter(m: Match, ctx: Ctx) -> Result | None:
    """``the third quarter``, ``third-quarter``, ``the first half of 2020``, ``next year's first quarter``."""
    unit = "H" if m["unit"].lower().startswith("half") else "Q"
    if unit == "H" and (m["dec"] or m["dec2"]):
        return _half_decade(m, ctx)
    n = _ORD[m["ord"].lower()]
    if unit == "H":
        n = 2 if n >= 2 else 1
    year = _explicit_year(ctx, m)
    explicit = year is not None
    back = 1 if re.search(r"year-(?:ago|earlier)", m.group(0), re.I) else 0
    if year is None:
        year = ctx.base.year
        start = Date(year, (n - 1) * (3 if unit == "Q" else 6) + 1, 1)
        if start > ctx.base and ctx.tense(m.start(), m.end()) != "future":
            year -= 1
    year -= back
    d = Date(year, (n - 1) * (3 if unit == "Q" else 6) + 1, 1)
    value = f"{year}-{unit}{n}" if explicit or ctx.anchor else f"XXXX-{unit}{n}"
    return Result("DATE", value, ref=(d, unit))


def _half_decade(m: Match, ctx: Ctx) -> Result:
    """``the last half of the '80s``: TimeML has no half-decade value, so the decade's."""
    if m["dec"]:
        return Result("DATE", m["dec"])
    digit = int(m["dec2"])
    century = ctx.base.year // 100 if ctx.anchor else 19
    if digit * 10 > ctx.base.year % 100 + 5:
        century -= 1
    return Result("DATE", f"{century}{digit}")


def r_quarter_code(m: Match, ctx: Ctx) -> Result | None:
    """``Q3 2020``, ``H1``, ``2020Q1`` (upper-case codes only)."""
    code = m["code"] or m["code2"]
    if not code[0].isupper() or (code[0] == "H" and code[1] not in "12"):
        return None
    y = m["y"] or m["y0"]
    unit, n = code[0], int(code[1])
    if y:
        year = int(y)
    else:
        if ctx.anchor is None:
            return Result("DATE", f"XXXX-{code}")
        year = ctx.base.year
        if Date(year, (n - 1) * (3 if unit == "Q" else 6) + 1, 1) > ctx.base and \
                ctx.tense(m.start(), m.end()) != "future":
            year -= 1
    d = Date(year, (n - 1) * (3 if unit == "Q" else 6) + 1, 1)
    return Result("DATE", f"{year}-{code}", ref=(d, unit))


def _current_period(ctx: Ctx, pos: int, spans: bool = False) -> tuple[Date, str]:
    """The period under discussion: the quarter/half (or, with ``spans``, also a longer
    reporting span such as "the nine months") last mentioned, else the last completed quarter."""
    period = ctx.comparison_period(pos) if spans else ctx.reporting_period(pos)
    if period is not None:
        return period
    return last_completed_quarter(ctx.base), "Q"


def _latest_period(ctx: Ctx, pos: int) -> tuple[Date, str]:
    """"The latest quarter": the period under discussion if it has ended by the document
    date (a fiscal quarter may carry another number), else the last completed quarter."""
    period = ctx.reporting_period(pos)
    if period is not None and shift(period[0], period[1], 1) <= ctx.base:
        return period
    return last_completed_quarter(ctx.base), "Q"


def r_quarter_rel(m: Match, ctx: Ctx) -> Result | None:
    """``this quarter``, ``last quarter``, ``the latest quarter``, ``the year-ago period``."""
    rel = re.sub(r"^(?:the )?(?:comparable |corresponding )?", "", " ".join(m["rel"].lower().split()))
    unit = m["unit"].lower()
    base_q = Date(ctx.base.year, 3 * ((ctx.base.month - 1) // 3) + 1, 1)
    if rel in ("this", "current") and unit == "quarter":
        d, g = base_q, "Q"
    elif rel == "last" and unit == "quarter":
        d, g = shift(base_q, "Q", -1), "Q"
    elif rel == "next" and unit == "quarter":
        d, g = shift(base_q, "Q", 1), "Q"
    elif rel in ("previous", "prior"):
        d, g = _current_period(ctx, m.start())
        d = shift(d, g, -1)
    elif rel in ("year-ago", "year-earlier", "last year's"):
        d, g = _current_period(ctx, m.start(), spans=unit == "period")
        d = shift(d, "Y", -1)
    elif rel == "latest":
        d, g = _latest_period(ctx, m.start())
    elif rel in ("this year's", "same"):
        d, g = _current_period(ctx, m.start())
    elif rel == "next year's":
        d, g = _current_period(ctx, m.start())
        d = shift(d, "Y", 1)
    else:
        return None
    if m.group(0).lower().rstrip().endswith(("ago", "earlier")):
        d = shift(d, "Y", -1)
    return Result("DATE", ctx.fmt(d, g), ref=(d, g) if rel in ("this", "current", "last", "next", "latest") else None)


def r_the_period(m: Match, ctx: Ctx) -> Result | None:
    """``the quarter`` (the quarter under discussion), ``the 1988 period``, ``the quarter a year ago``.

    After a fiscal quarter ("the fiscal first quarter") the calendar quarter meant by "the
    quarter" is unknown, so its value is ``YYYY-QX`` as in TimeBank.
    """
    unit = (m["unit"] or m["unit2"]).lower()
    y = m["y"] or m["y2"]
    d, g = _current_period(ctx, m.start(), spans=unit == "period")
    if y:
        year = int(y)
        if ctx.comparison_period(m.start()) is None:
            return Result("DATE", str(year))
        return Result("DATE", fmt_gran(Date(year, d.month, 1), g))
    if m["ago"]:
        d = shift(d, "Y", -1)
    elif unit == "period":
        return None
    elif g == "Q" and ctx.period_fiscal and ctx.reporting_period(m.start()) is not None:
        return Result("DATE", ctx.fmt(d, "Y") + "-QX")
    return Result("DATE", ctx.fmt(d, g))


def r_year_adj(m: Match, ctx: Ctx) -> Result | None:
    """``year-ago``/``year-earlier`` used as adjectives: the period under discussion, a year back."""
    period = ctx.comparison_period(m.start())
    if period is not None:
        d = shift(period[0], "Y", -1)
        return Result("DATE", ctx.fmt(d, period[1]))
    d = shift(ctx.base, "Y", -1)
    return Result("DATE", ctx.fmt(d, "Y"))
