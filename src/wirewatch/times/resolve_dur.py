"""Resolvers for durations, sets and vague references (PRESENT_REF, PAST_REF, FUTURE_REF)."""
from __future__ import annotations

import datetime as dt
import re

from wirewatch.times.context import Ctx, Result
from wirewatch.times.lexicon import lexicon, number_value
from wirewatch.times.resolve_abs import month_num

Match = re.Match

_TIME_UNITS = {"second": "S", "minute": "M", "hour": "H"}
_SCALE = {"DE": ("Y", 10), "CE": ("Y", 100), "ML": ("Y", 1000), "2W": ("W", 2)}
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "Q": ("M", 3)}


def _unit(word: str) -> tuple[str, bool]:
    """(TIMEX3 unit letter, is a time-of-day unit) for a unit word."""
    w = word.lower()
    for stem, code in _TIME_UNITS.items():
        if w.startswith(stem):
            return code, True
    return lexicon().units[w], False


def duration_value(n: float | None, unit_word: str) -> str:
    """ISO 8601 duration for n units (``None`` n gives ``PX<unit>``).

    Quarters are written in months (P3M), decades and centuries in years (P10Y, P100Y), and
    fractions as mixed units (2.5 years -> P2Y6M, 1.5 minutes -> PT1M30S).
    """
    code, is_time = _unit(unit_word)
    t = "T" if is_time else ""
    if code == "Q":
        code, n = "M", None if n is None else n * 3
    if n is None:
        return f"P{t}X{'C' if code == 'CE' else 'DE' if code == 'DE' else _SCALE.get(code, (code, 1))[0]}"
    letter, k = _SCALE.get(code, (code, 1))
    n = n * k
    if n == int(n):
        return f"P{t}{int(n)}{letter}"
    whole, frac = int(n), n - int(n)
    if letter in _SMALLER:
        small, f = _SMALLER[letter]
        part = frac * f
        if part == int(part):
            t2 = "T" if letter in ("D", "H") or is_time else ""
            small = "S" if is_time and letter == "M" else small
            part = frac * 60 if is_time and letter == "M" else part
            head = f"{whole}{letter}" if whole else ""
            if t and head:
                return f"PT{head}{int(part)}{small}"
            if t2 and not t:
                return f"P{head}T{int(part)}{small}" if head else f"PT{int(part)}{small}"
            return f"P{t}{head}{int(part)}{small}"
    return f"P{t}{n:g}{letter}"


def r_duration(m: Match, ctx: Ctx) -> Result | None:
    """``20 hours``, ``the past two years``, ``a decade``, ``two-year``, ``8-month-old``, ``several weeks``."""
    num, unit = m["num"], m["unit"]
    low = num.lower()
    if low in ("a", "an") and unit.lower() in ("second", "quarter"):
        return None
    if unit.lower().startswith("quarter") and ctx.text[m.end():m.end() + 3] == " of":
        return None
    if low in ("a", "an", "one") and not m["approx"] and _rate_before(ctx, m.start()):
        return None
    if _one_day_adverb(m, ctx):
        return Result("DATE", "PAST_REF" if ctx.tense(m.start(), m.end()) == "past" else "FUTURE_REF")
    vague = " ".join(low.split()) in lexicon().vague_numbers
    n = None if vague else number_value(num)
    if n is None and not vague:
        return None
    if n is not None and n > 10000:
        return None
    txt = m.group(0)
    if m["old"] and not vague and unit.lower().startswith("year"):
        return None
    if ctx.text[m.end():m.end() + 4].lower() == " old":
        return None
    if n is not None and re.search(r"and\s+a\s+half", txt, re.I):
        n += 0.5
    value = duration_value(n, unit)
    period = _reporting_span(m, ctx, n)
    if period is not None:
        return Result("DURATION", value, period=period)
    if m["approx"] and m["the"]:
        return Result("DURATION", value, start=m.start("the"))
    if m["the"] and (m["dir"] or "").lower() in ("past", "last", "recent") and vague:
        return Result("DURATION", value)
    if " or " in txt.lower() and not txt.lower().rstrip().endswith(("or so", "or two")):
        return None
    return Result("DURATION", value)


_ADVERB_HOSTS = frozenset({"will", "would", "could", "might", "may", "can", "shall", "should", "must", "'ll",
                           "he", "she", "they", "we", "i", "you", "it", "who", "that"})


def _one_day_adverb(m: Match, ctx: Ctx) -> bool:
    """"one day" as an adverb of indefinite time ("Islam will one day ...", "he one day
    hopes ..."): after a modal or a subject pronoun it is no duration."""
    words = " ".join(m.group(0).lower().split())
    return words == "one day" and ctx.word_before(m.start()) in _ADVERB_HOSTS


def _reporting_span(m: Match, ctx: Ctx, n: float | None) -> tuple[dt.date, str] | None:
    """A results span such as "the nine months" or "the first six months" (of the reporting
    year): comparisons that follow ("a year earlier") then refer to a year, not a quarter."""
    if not m["the"] or m["approx"] or n not in (6, 9) or not m["unit"].lower().startswith("month"):
        return None
    if (m["dir"] or "first").lower() != "first":
        return None
    quarter = ctx.reporting_period(m.start())
    year = quarter[0].year if quarter is not None else ctx.base.year
    return dt.date(year, 1, 1), "Y"


def r_dur_half(m: Match, ctx: Ctx) -> Result | None:
    """``half an hour``, ``a half day``, ``half a century``."""
    return Result("DURATION", duration_value(0.5, m["unit"]))


_RATE_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|trillion|thousand|hundred|percent|dollars|cents|times|twice|once)"
                          r"|\b(?!(?:years|months|weeks|days|hours|this|was|has|is|its|his|as|us|less|does|various)\b)[a-z]{3,}s)\s+$")


def _rate_before(ctx: Ctx, pos: int) -> bool:
    """Whether the words before ``pos`` make "a day"/"one year" a rate ("$5 a day")."""
    return bool(_RATE_BEFORE.search(ctx.text, max(0, pos - 30), pos))


_PLURAL_CONTEXT = frozenset({"for", "within", "in", "over", "after", "take", "takes", "took", "taken", "last",
                             "lasted", "spent", "spend", "wait", "waited", "than", "nearly", "almost", "about"})


def r_dur_plural(m: Match, ctx: Ctx) -> Result | None:
    """Bare plural units as vague durations: ``for years``, ``in recent months``, ``the past weeks``."""
    if not (m["the"] or m["recent"]) and ctx.word_before(m.start()) not in _PLURAL_CONTEXT:
        return None
    nxt = ctx.text[m.end():m.end() + 4].lower()
    if nxt.startswith((" of", "-", "'")):
        return None
    if m["recent"] and m["unit"].lower() == "years":
        return Result("DATE", "PAST_REF")
    return Result("DURATION", duration_value(None, m["unit"][:-1] if m["unit"].lower() != "centuries" else "century"))


_ADVERB_NEXT = re.compile(r"\s*(?:$|[^\w\s]|(?:and|or|to|in|on|at|for|since|through|by|from|until|with|over|as|than|but|"
                          r"the|a|an|thereafter)\b)", re.I)


def r_set_word(m: Match, ctx: Ctx) -> Result | None:
    """``daily``, ``weekly``, ``annually`` used as adverbs (not ``quarterly dividend``)."""
    if m["word"].lower() in ("quarterly", "annually", "yearly", "monthly") and not _ADVERB_NEXT.match(ctx.text, m.end()):
        return None
    value = lexicon().sets.get(m["word"].lower())
    return Result("SET", value) if value else None


def r_each(m: Match, ctx: Ctx) -> Result | None:
    """``every day``, ``each year``, ``every Thursday``, ``each July``."""
    unit = m["unit"].lower()
    lex = lexicon()
    if unit in lex.weekdays:
        return Result("SET", f"XXXX-WXX-{lex.weekdays[unit]}")
    if month_num(unit) and len(unit) > 3:
        return Result("SET", f"XXXX-{month_num(unit):02d}")
    if unit in lex.seasons:
        return Result("SET", f"XXXX-{lex.seasons[unit]}")
    if unit == "weekend":
        return Result("SET", "XXXX-WXX-WE")
    if unit in ("morning", "afternoon", "evening", "night"):
        return Result("SET", "XXXX-XX-XXT" + lex.parts_of_day[unit])
    n = 2 if " other " in f" {m.group(0).lower()} " else 1
    return Result("SET", duration_value(n, unit))


def r_per_unit(m: Match, ctx: Ctx) -> Result | None:
    """Rates: ``$5 a year``, ``twice a day``, ``10 flights per week``."""
    if ctx.word_before(m.start()) not in ("once", "twice", "thrice", "times"):
        return None
    unit = m["unit"].lower()
    return Result("SET", duration_value(1, "day" if unit == "night" else unit))


def r_vague(m: Match, ctx: Ctx) -> Result | None:
    """``now``, ``currently``, ``recently``, ``the past``, ``the future``, ``soon``, ``in the coming days``."""
    w = " ".join(m.group(0).lower().split())
    lex = lexicon()
    nxt = ctx.text[m.end():m.end() + 12].lower()
    if w in ("future", "current", "recent") and not re.match(r"\s+[a-z]", nxt):
        return None
    if w in ("the past", "the future") and re.match(r"\s+(?:tense|perfect|participle)", nxt):
        return None
    if w == "soon" and (ctx.word_before(m.start()) == "as" or re.match(r"\s+(?:after|before|as)\b", nxt)):
        return None
    if w == "shortly" and re.match(r"\s+(?:after|before)\b", nxt):
        return None
    if w in lex.present_ref:
        return Result("DATE", "PRESENT_REF")
    if w in lex.past_ref:
        return Result("DATE", "PAST_REF")
    return Result("DATE", "FUTURE_REF")


def r_coming(m: Match, ctx: Ctx) -> Result | None:
    """``the coming days``, ``coming months``, ``the weeks ahead``: future references."""
    return Result("DATE", "FUTURE_REF")
