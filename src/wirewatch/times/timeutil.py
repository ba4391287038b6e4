"""Calendar arithmetic and TIMEX3 value formatting/parsing.

Values follow TimeML TIMEX3 conventions: ``2023-09-11`` (day), ``2023-W37`` (ISO week),
``2023-W37-WE`` (weekend), ``2023-09`` (month), ``2023-Q1`` (quarter), ``2023-H1`` (half),
``2023-SU`` (season), ``2023`` (year), ``199`` (decade), ``19`` (century), and a day
followed by ``TMO``/``TAF``/``TEV``/``TNI`` or ``Thh:mm`` for times.

Season convention (astronomical, northern hemisphere, as in the lexicon):
spring Mar 20 - Jun 20, summer Jun 21 - Sep 22, fall Sep 23 - Dec 20,
winter Dec 21 - Mar 19 of the following year (``2023-WI`` starts in December 2023).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from wirewatch.times.lexicon import lexicon

Date = dt.date

_DAY_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_WEEK_RE = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d\d)$")
_PART_RE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_YEAR_RE = re.compile(r"^(\d{2,4})$")


def add_months(d: Date, n: int) -> Date:
    """Shift a date by n calendar months, clamping the day to the month's length."""
    m0 = d.year * 12 + d.month - 1 + n
    y, m = divmod(m0, 12)
    return Date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def shift(d: Date, unit: str, n: int) -> Date:
    """Shift a date by n units (D, W, M, Q, H, Y, DE, CE)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "H": 6, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return d
    try:
        return add_months(d, months * n)
    except ValueError:
        return d


def fmt_day(d: Date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def fmt_week(d: Date) -> str:
    """ISO week of a date, ``YYYY-Www``."""
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def fmt_month(d: Date) -> str:
    """``YYYY-MM``."""
    return f"{d.year:04d}-{d.month:02d}"


def quarter_of(d: Date) -> int:
    """Calendar quarter (1-4) of a date."""
    return (d.month - 1) // 3 + 1


def fmt_gran(d: Date, gran: str) -> str:
    """Format a date at a granularity: D, W, M, Q, H, Y, DE (decade), CE (century)."""
    if gran == "D":
        return fmt_day(d)
    if gran == "W":
        return fmt_week(d)
    if gran == "M":
        return fmt_month(d)
    if gran == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if gran == "H":
        return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
    if gran == "DE":
        return f"{d.year // 10:03d}"
    if gran == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def season_interval(year: int, code: str) -> tuple[Date, Date]:
    """Inclusive dates of a season instance (see the module docstring)."""
    (m1, d1), (m2, d2) = lexicon().season_bounds[code]
    start = Date(year, m1, d1)
    end = Date(year + (1 if m2 < m1 else 0), m2, d2)
    return start, end


def season_of(d: Date) -> tuple[int, str]:
    """The season instance (year, code) that contains a date."""
    for year in (d.year, d.year - 1):
        for code in ("SP", "SU", "FA", "WI"):
            s, e = season_interval(year, code)
            if s <= d <= e:
                return year, code
    return d.year, "WI"


def week_monday(year: int, week: int) -> Date:
    """Monday of ISO week ``week`` of ``year``."""
    return Date.fromisocalendar(year, week, 1)


def value_interval(value: str) -> tuple[Date, Date] | None:
    """The calendar interval [start, end] (inclusive) a TIMEX3 DATE/TIME value covers.

    Args:
        value: a TIMEX3 value such as ``2023-09-11``, ``2023-W37``, ``2023-SU``, ``2020-Q1``,
            ``199`` (decade) or ``2023-09-11TMO``.

    Returns:
        (start, end) dates, or None for durations, sets, vague references and
        underspecified values.
    """
    v = value.strip().upper()
    try:
        return _interval(v)
    except (ValueError, OverflowError):
        return None


def _interval(v: str) -> tuple[Date, Date] | None:
    if m := _DAY_RE.match(v):
        d = Date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    if m := _WEEK_RE.match(v):
        mon = week_monday(int(m[1]), int(m[2]))
        start = mon + dt.timedelta(days=5) if m[3] else mon
        return start, mon + dt.timedelta(days=6)
    if m := _MONTH_RE.match(v):
        y, mo = int(m[1]), int(m[2])
        return Date(y, mo, 1), Date(y, mo, calendar.monthrange(y, mo)[1])
    if m := _PART_RE.match(v):
        return _part_interval(int(m[1]), m[2])
    if m := _YEAR_RE.match(v):
        n, k = int(m[1]), len(m[1])
        span = {4: 1, 3: 10, 2: 100}[k]
        y0 = n * span
        return Date(max(y0, 1), 1, 1), Date(y0 + span - 1, 12, 31)
    return None


def _part_interval(y: int, part: str) -> tuple[Date, Date]:
    if part[0] == "Q":
        q = int(part[1])
        start = Date(y, 3 * q - 2, 1)
        return start, add_months(start, 3) - dt.timedelta(days=1)
    if part[0] == "H":
        return (Date(y, 1, 1), Date(y, 6, 30)) if part == "H1" else (Date(y, 7, 1), Date(y, 12, 31))
    return season_interval(y, part)
