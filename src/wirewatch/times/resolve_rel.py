"""Resolvers for expressions relative to the document date or the running reference time:
days, weekdays, parts of day, clock times, "this/last/next" periods, seasons, "N units ago"."""
from __future__ import annotations

import datetime as dt
import re

from wirewatch.times.context import Ctx, Result, pick_season, pick_weekday, tense_mode
from wirewatch.times.lexicon import lexicon, number_value
from wirewatch.times.resolve_abs import month_num, pick_year_for
from wirewatch.times.resolve_dur import duration_value
from wirewatch.times.timeutil import fmt_gran, season_of, shift

Date = dt.date
Match = re.Match

_UNIT_GRAN = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "Y", "CE": "Y", "2W": "W", "H": "D"}


def _day_value(ctx: Ctx, d: Date, pod: str | None = None) -> str:
    v = ctx.fmt(d, "D")
    return v + ("T" + pod if pod else "")


_ANAPHORIC_WEEKDAY = {"the previous": "last", "the preceding": "last", "the prior": "last",
                      "the following": "next", "the next": "next"}


def _weekday_date(ctx: Ctx, m: Match, wd: int, rel: str) -> Date:
    if rel in _ANAPHORIC_WEEKDAY:
        ref = ctx.reference(m.start(), 3000)
        base = ref[0] if ref is not None and ref[1] == "D" else ctx.base
        return pick_weekday(base, wd, _ANAPHORIC_WEEKDAY[rel])
    base = ctx.speech_base(m.start())
    if rel in ("last", "this past"):
        return pick_weekday(base, wd, "last")
    if rel == "next":
        return pick_weekday(base, wd, "next")
    if rel in ("this", "this coming", "coming"):
        return pick_weekday(base, wd, "future")
    return pick_weekday(base, wd, _day_mode(ctx, m))


_UNTIL = re.compile(r"(?<=[\w,]\s)(?<!\bup\s)(?<!\bnot\s)\b(?:until|till)\s+$", re.I)


_POSSESSIVE = re.compile(r"['’]s\b")
_AHEAD = re.compile(r"\b(?:ahead\s+of|until|till|upcoming|awaiting|await|preparing\s+for|prepare\s+for)\s+(?:the\s+)?$",
                    re.I)


def _day_mode(ctx: Ctx, m: Match) -> str | None:
    """Picker mode for a bare weekday: a deadline after the verb ("postponed until Tuesday",
    "given until 9 a.m. Tuesday") lies ahead whatever the tense; "up until", "not until" and a
    fronted "Until Thursday, they had ..." mean "up to then" and follow the tense.

    A possessive weekday ("Wednesday's ruling", "Friday's close") names an event already
    known, so the day is taken on or before the anchor whatever the clause tense ("relatives
    said they would fight Wednesday's ruling"), unless it is awaited ("ahead of Saturday's
    vote")."""
    if _UNTIL.search(ctx.text, max(0, m.start() - 12), m.start()):
        return "future"
    if _POSSESSIVE.match(ctx.text, m.end()):
        return "future" if _AHEAD.search(ctx.text, max(0, m.start() - 24), m.start()) else "past"
    return tense_mode(ctx.tense(m.start(), m.end()))


def r_weekday(m: Match, ctx: Ctx) -> Result | None:
    """``Monday``, ``last Friday``, ``Monday morning``, ``Tuesday nights`` (a set)."""
    word = m["wd"]
    if not word[:1].isupper():
        return None
    wd = lexicon().weekdays[word.lower()]
    pod = lexicon().parts_of_day.get((m["pod"] or "").lower())
    if m["pl"] or m["pl2"]:
        return Result("SET", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))
    rel = " ".join((m["rel"] or "").lower().split())
    d = _weekday_date(ctx, m, wd, rel)
    if ctx.anchor is None:
        return Result("TIME" if pod else "DATE", f"XXXX-WXX-{wd}" + (f"T{pod}" if pod else ""))
    return Result("TIME" if pod else "DATE", _day_value(ctx, d, pod), ref=(d, "D"))


def r_rel_day(m: Match, ctx: Ctx) -> Result | None:
    """``today``, ``yesterday``, ``tomorrow morning``, ``tonight``, ``overnight``."""
    day = m["day"].lower()
    if not m["mod"] and mid_sentence_capital(ctx, m.start()):
        return None
    pod = lexicon().parts_of_day.get((m["pod"] or "").lower())
    mod = (m["mod"] or "").lower()
    if mod.startswith("mid"):
        pod = "AF" if "afternoon" in mod else "MO"
    if day == "tonight":
        return Result("TIME", _day_value(ctx, ctx.base, "NI"), ref=(ctx.base, "D"))
    if day == "overnight":
        past = ctx.tense(m.start(), m.end()) == "past"
        d = ctx.base - dt.timedelta(days=1 if past else 0)
        return Result("TIME", _day_value(ctx, d, "NI"))
    d = ctx.base + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[day])
    return Result("TIME" if pod else "DATE", _day_value(ctx, d, pod), ref=(d, "D"))


def r_this_pod(m: Match, ctx: Ctx) -> Result | None:
    """``this morning``, ``last night``, ``later this afternoon``."""
    rel, pod = m["rel"].lower(), lexicon().parts_of_day[m["pod"].lower()]
    off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and pod != "NI":
        return None
    d = ctx.base + dt.timedelta(days=off)
    return Result("TIME", _day_value(ctx, d, pod), ref=(d, "D"))


def _clock_day(ctx: Ctx, m: Match) -> Date:
    """The day of a clock time that names none ("shot at 10 p.m."): the day under discussion
    (the reference day) when one was just mentioned, else the document date."""
    ref = ctx.reference(m.start())
    return ref[0] if ref is not None and ref[1] == "D" else ctx.base


def r_clock(m: Match, ctx: Ctx) -> Result | None:
    """``3 p.m. EDT``, ``10 p.m. Wednesday``, ``noon Thursday``, ``5 p.m. EST Nov. 9``."""
    if m["noon"] and ctx.word_before(m.start()) == "high":
        return None
    if m["noon"]:
        hh, mm = (12, 0) if m["noon"].lower() in ("noon", "midday") else (24, 0)
    elif m["hoc"]:
        hh, mm = int(number_value(m["hoc"]) or 0), 0
    elif m["hin"]:
        hh, mm = _hour_of_part(int(m["hin"]), m["inpod"].lower()), 0
    elif m["h24"]:
        hh, mm = int(m["h24"]), int(m["mi24"])
    else:
        hh, mm = int(m["h"]), int(m["mi"] or 0)
        if not 1 <= hh <= 12:
            return None
        pm = m["ampm"].lower().startswith("p")
        hh = (hh % 12) + (12 if pm else 0)
    if hh > 24 or mm > 59 or (m["hoc"] and not 1 <= hh <= 12) or hh < 0:
        return None
    d = _clock_day(ctx, m)
    anchored = ctx.anchor is not None
    if m["mon"] and m["day"]:
        month, day = month_num(m["mon"]) or 1, int(m["day"])
        try:
            d = Date(pick_year_for(ctx.base, month, day, tense_mode(ctx.tense(m.start(), m.end()), None)), month, day)
        except ValueError:
            return None
    elif m["wd"]:
        w = m["wd"].lower()
        if w in ("today", "yesterday", "tomorrow", "tonight"):
            d = ctx.base + dt.timedelta(days={"yesterday": -1, "tomorrow": 1}.get(w, 0))
        else:
            d = pick_weekday(ctx.base, lexicon().weekdays[w.rstrip(".")], _day_mode(ctx, m))
    day_txt = ctx.fmt(d, "D") if anchored else "XXXX-XX-XX"
    return Result("TIME", f"{day_txt}T{hh:02d}:{mm:02d}", ref=(d, "D"))


def _hour_of_part(hour: int, part: str) -> int:
    """24-hour clock hour of "4 in the morning", "9 in the evening" (-1 when impossible)."""
    if not 1 <= hour <= 12:
        return -1
    if part == "morning":
        return hour % 12
    if part == "night" and hour < 6:
        return hour
    return hour % 12 + 12


_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "day": "MI"}


def r_day_part(m: Match, ctx: Ctx) -> Result | None:
    """``mid-afternoon``, ``in the morning``: a part of the day under discussion (the
    reference day when one was just mentioned, else the document date)."""
    ref = ctx.reference(m.start(), 1200)
    day = ref[0] if ref is not None and ref[1] == "D" else ctx.base
    if m["mid"]:
        word = re.sub(r"^mid[\s-]?", "", m["mid"].lower())
        return Result("TIME", _day_value(ctx, day, _DAY_PARTS[word]))
    pod = _DAY_PARTS[m["pod"].lower()]
    return Result("TIME", _day_value(ctx, day, pod), start=m.start("the"))


_REL_OFF = {"this": 0, "the current": 0, "last": -1, "this past": -1, "next": 1, "this coming": 1}
_DUR_REL = frozenset({"the past", "the last", "the next", "the coming"})


def r_rel_period(m: Match, ctx: Ctx) -> Result | None:
    """``this week``, ``last year``, ``next month``, ``this summer``, ``last April``, ``the past decade``."""
    rel = " ".join(m["rel"].lower().split())
    unit = m["unit"].lower()
    lex = lexicon()
    if m["unit"][:1].isupper() and m["rel"][:1].isupper() and not month_num(unit) and not m["unit"].isupper():
        return None
    if unit in lex.seasons:
        return _rel_season(m, ctx, rel, lex.seasons[unit])
    if month_num(unit):
        return _rel_month(m, ctx, rel, month_num(unit) or 1)
    code = {"week": "W", "weekend": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE"}[unit]
    if rel in _DUR_REL:
        return _adjacent_unit(ctx, rel, code, unit)
    if rel in _REL_OFF:
        d = shift(ctx.speech_base(m.start()) if code in ("W", "M") else ctx.base, code, _REL_OFF[rel])
    else:
        ref = ctx.reference(m.start()) or (ctx.base, code)
        off = {"the previous": -1, "the preceding": -1, "the prior": -1, "the following": 1}.get(rel, 0)
        d = shift(ref[0], code, off)
    if unit == "weekend":
        return Result("DATE", ctx.fmt(d, "W") + "-WE", ref=(d, "W"))
    return Result("DATE", ctx.fmt(d, code), ref=(d, code))


def _adjacent_unit(ctx: Ctx, rel: str, code: str, unit: str) -> Result:
    """``the past year``, ``the last decade``, ``the next month``: TimeBank annotates these as
    the calendar unit just before (after) the document's, not as a duration ending now; a
    weekend stays a two-day duration, and "the past century" (the last hundred years, not
    the previous numbered century) a hundred-year one."""
    if unit == "weekend":
        return Result("DURATION", "P2D")
    if code == "CE":
        return Result("DURATION", "P100Y")
    d = shift(ctx.base, code, -1 if rel in ("the past", "the last") else 1)
    return Result("DATE", ctx.fmt(d, code), ref=(d, code))


def _rel_season(m: Match, ctx: Ctx, rel: str, code: str) -> Result | None:
    mode = {"this": None, "the current": None, "last": "last", "this past": "last", "next": "next",
            "this coming": "next", "the past": "last", "the last": "last", "the coming": "next",
            "the next": "next"}.get(rel)
    if rel in ("this", "the current"):
        year = ctx.base.year
        cur_year, cur_code = season_of(ctx.base)
        if cur_code == code:
            year = cur_year
    elif mode is None:
        ref = ctx.reference(m.start())
        year = ref[0].year if ref else ctx.base.year
    else:
        year = pick_season(ctx.base, code, mode)
    value = f"{year}-{code}" if ctx.anchor else f"XXXX-{code}"
    return Result("DATE", value, ref=(Date(year, 1, 1), "Y"))


def _rel_month(m: Match, ctx: Ctx, rel: str, month: int) -> Result | None:
    if not m["unit"][:1].isupper():
        return None
    b = ctx.base
    if rel in ("last", "this past", "the past", "the last"):
        year = b.year if month < b.month else b.year - 1
    elif rel in ("next", "this coming", "the coming", "the next"):
        year = b.year if month > b.month else b.year + 1
    else:
        year = b.year
    d = Date(year, month, 1)
    value = fmt_gran(d, "M") if ctx.anchor else f"XXXX-{month:02d}"
    return Result("DATE", value, ref=(d, "M"))


def r_mod_the(m: Match, ctx: Ctx) -> Result | None:
    """``the end of the month``, ``earlier this week``, ``the beginning of the year``."""
    unit = m["unit"].lower()
    code = {"week": "W", "weekend": "W", "month": "M", "year": "Y"}[unit]
    value = ctx.fmt(ctx.base, code) + ("-WE" if unit == "weekend" else "")
    return Result("DATE", value, ref=(ctx.base, code))


def r_the_unit(m: Match, ctx: Ctx) -> Result | None:
    """``the weekend`` (tense decides which), ``the year``, ``the week``, ``the month``.

    "The week" under discussion ("for the week, the index fell") is left unresolved within
    its year (``1989-WXX``), as TimeBank annotates it.
    """
    unit = m["unit"].lower()
    if unit == "weekend":
        mode = tense_mode(ctx.tense(m.start(), m.end()))
        sat = pick_weekday(ctx.base, 6, "future" if mode == "future" else "past")
        if mode != "future" and ctx.base.isoweekday() == 7:
            sat = ctx.base - dt.timedelta(days=1)
        return Result("DATE", ctx.fmt(sat, "W") + "-WE", ref=(sat, "W"))
    code = {"week": "W", "month": "M", "year": "Y"}[unit]
    if unit == "year" and re.match(r"\s+(?:ended|ending|through|to)\b", ctx.text[m.end():m.end() + 12]):
        return Result("DURATION", "P1Y")
    ref = ctx.reference(m.start(), 300)
    d = ref[0] if ref is not None and ref[1] in (code, "D") and code != "Y" else ctx.base
    if code == "W":
        return Result("DATE", ctx.fmt(d, "Y") + "-WXX")
    return Result("DATE", ctx.fmt(d, code))


_SEASON_CONTEXT = frozenset({"in", "this", "last", "next", "during", "since", "by", "until", "through", "early",
                             "late", "mid", "the", "of", "over", "throughout", "into"})


def r_season(m: Match, ctx: Ctx) -> Result | None:
    """A season without a year (``in the summer``, ``last fall`` is handled by rel_period)."""
    if ctx.text[m.end():m.end() + 4].lower() == " of ":
        return None
    before = ctx.word_before(m.start())
    if not (m["the"] or m["mod"]) and before not in _SEASON_CONTEXT:
        return None
    if m["the"] and before not in _SEASON_CONTEXT:
        return None
    code = lexicon().seasons[m["season"].lower()]
    mode = tense_mode(ctx.tense(m.start(), m.end()), None)
    year = pick_season(ctx.base, code, mode) if mode in ("past", "future") else ctx.base.year
    return Result("DATE", f"{year}-{code}" if ctx.anchor else f"XXXX-{code}")


def _unit_code(word: str) -> str:
    return lexicon().units[word.lower()]


def r_ago(m: Match, ctx: Ctx) -> Result | None:
    """``two weeks ago``, ``a year earlier``, ``three days later``, ``10 years before``."""
    direction = " ".join(m["dir"].lower().split())
    code = _unit_code(m["unit"])
    if m["unit"].lower().startswith(("minute", "second")):
        code = "S"
    n = number_value(m["num"]) if m["num"].lower() not in lexicon().vague_numbers else None
    if direction in ("before", "after") and not _clause_final(ctx, m.end()):
        return None
    past = direction in ("ago", "earlier", "before", "previously", "back")
    if direction in ("later", "earlier") and m["unit"].lower().startswith(_SHORT_UNITS):
        return _elapsed(m, ctx, n, -1 if past else 1)
    if n is None:
        return Result("DATE", "PAST_REF" if past else "FUTURE_REF")
    relative_to_ref = direction not in ("ago", "back", "from now", "hence")
    ref = ctx.reference(m.start()) if relative_to_ref else None
    base, gran = (ref[0], ref[1]) if ref else (ctx.base, "D")
    if code in ("S", "H"):
        return Result("DATE", ctx.fmt(base, "D", relative=ref is None))
    step = {"DE": ("Y", 10), "CE": ("Y", 100), "2W": ("W", 2)}.get(code, (code, 1))
    sign = -1 if past else 1
    if n != int(n):
        months = {"Y": 12, "M": 1}.get(step[0])
        if months is None:
            return Result("DATE", "PAST_REF" if past else "FUTURE_REF")
        d = shift(base, "M", sign * round(n * months * step[1]))
        return Result("DATE", ctx.fmt(d, "M", relative=ref is None), ref=(d, "M"))
    d = shift(base, step[0], sign * int(n) * step[1])
    out_gran = _UNIT_GRAN.get(code, "Y")
    if out_gran == "Y" and n == 1 and _date_after_period(ctx, ref):
        return Result("DATE", ctx.fmt(d, "D"), ref=(d, "D"))
    period = ctx.comparison_period(m.start())
    if out_gran == "Y" and n == 1 and period is not None:
        out_gran, d = period[1], shift(period[0], "Y", sign)
        return Result("DATE", ctx.fmt(d, out_gran), ref=None)
    value = ctx.fmt(d, out_gran, relative=ref is None)
    return Result("DATE", value, ref=(d, out_gran))


def _date_after_period(ctx: Ctx, ref: tuple[Date, str] | None) -> bool:
    """Whether "a year earlier" follows a day named after the reporting period ("for the
    quarter ended Sept. 30, ... a year earlier"): it is then that day, a year back."""
    return ref is not None and ref[1] == "D" and ctx.ref_pos > max(ctx.period_pos, ctx.span_period_pos)


_SHORT_UNITS = ("second", "minute", "hour", "day", "night", "week")


def _elapsed(m: Match, ctx: Ctx, n: float | None, sign: int) -> Result:
    """``three days later``, ``a few hours earlier``: TimeBank marks the elapsed time as a
    duration and leaves "later"/"earlier" out as a signal; the day it leads to still becomes
    the reference time of what follows."""
    value = duration_value(n, m["unit"])
    ref = ctx.reference(m.start())
    base = ref[0] if ref is not None and ref[1] == "D" else ctx.base
    unit = m["unit"].lower()
    after = None
    if n is not None and n == int(n) and unit.startswith(("day", "night", "week")):
        d = shift(base, "W" if unit.startswith("week") else "D", sign * int(n))
        after = (d, "D")
    return Result("DURATION", value, end=m.end("unit"), ref=after)


def _clause_final(ctx: Ctx, pos: int) -> bool:
    rest = ctx.text[pos:pos + 3]
    return not rest.strip() or rest.lstrip()[:1] in ",.;:!?)\"'”"


def r_ago_bare(m: Match, ctx: Ctx) -> Result | None:
    """``years ago``, ``months earlier``: vague past/future references."""
    later = m["dir"].lower() == "later"
    return Result("DATE", "FUTURE_REF" if later else "PAST_REF")


def r_day_rel(m: Match, ctx: Ctx) -> Result | None:
    """``the day before``, ``the next day``, ``the following morning``, ``that day``."""
    ref = ctx.reference(m.start(), 1200)
    base = ref[0] if ref and ref[1] == "D" else ctx.base
    if m["unit"]:
        code = {"day": "D", "night": "D", "week": "W", "month": "M", "year": "Y"}[m["unit"].lower()]
        sign = -1 if m["dir"].lower() in ("before", "earlier") else 1
        base = ref[0] if ref else ctx.base
        d = shift(base, code, sign)
        return Result("DATE", ctx.fmt(d, code), ref=(d, code))
    unit = (m["unit2"] or m["unit3"]).lower()
    off = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "prior": -1}.get((m["dir2"] or "").lower(), 0)
    d = base + dt.timedelta(days=off)
    pod = lexicon().parts_of_day.get(unit)
    return Result("TIME" if pod else "DATE", _day_value(ctx, d, pod), ref=(d, "D"))


def r_year_end(m: Match, ctx: Ctx) -> Result | None:
    """``year-end``, ``by year's end``: the end of the (this/last/next) year."""
    off = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    d = shift(ctx.base, "Y", off)
    return Result("DATE", ctx.fmt(d, "Y"))


def mid_sentence_capital(ctx: Ctx, start: int) -> bool:
    """True when the word at ``start`` is capitalized but does not open a sentence (a title)."""
    if not ctx.text[start:start + 1].isupper():
        return False
    before = ctx.text[max(0, start - 3):start].rstrip(" \t")
    return bool(before) and before[-1] not in ".!?\n:;\"'`“‘(-—_"
