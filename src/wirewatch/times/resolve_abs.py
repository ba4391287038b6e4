"""Resolvers for calendar expressions: explicit dates, years, decades, quarters, clock times."""
from __future__ import annotations

import datetime as dt
import re

from wirewatch.times.context import Ctx, Result, pick_year_for, tense_mode
from wirewatch.times.lexicon import Lexicon, lexicon, number_value
from wirewatch.times.timeutil import fmt_gran, quarter_of, shift

Date = dt.date
Match = re.Match

_WORD_MONTHS = frozenset({"may", "march", "mar", "jan", "sep", "oct", "dec", "aug", "jun", "jul", "apr", "feb", "nov"})
_MONTH_CONTEXT = frozenset({"in", "since", "by", "until", "till", "through", "from", "during", "last", "this", "next",
                            "early", "late", "mid", "of", "to", "before", "after", "between", "and", "on", "or",
                            "throughout", "around", "end", "beginning", "start", "middle", "that", "each", "every",
                            "-", "mid-", "as", "for", ","})


def month_num(word: str) -> int | None:
    """Month number of a month name or abbreviation (with or without a period)."""
    return lexicon().months.get(word.lower().rstrip("."))


def _capitalized(word: str) -> bool:
    return word[:1].isupper()


def _month_ok(word: str) -> bool:
    return _capitalized(word) or word.lower().rstrip(".") not in _WORD_MONTHS


def year_value(word: str) -> int | None:
    """Year of digits ("1996") or spelled words ("nineteen ninety-six", "two thousand")."""
    w = word.lower().strip()
    if w.isdigit():
        return int(w)
    w = " ".join(w.replace("-", " ").split())
    if w.startswith("two thousand"):
        rest = w[len("two thousand"):].replace("and", "").strip()
        return 2000 + int(number_value(rest) or 0) if rest else 2000
    parts = w.split(" ", 1)
    head = number_value(parts[0])
    if head is None or len(parts) < 2:
        return None
    rest = parts[1].replace("hundred", "").replace("and", "").strip()
    rest = rest[3:] if rest.startswith("oh ") else rest
    tail = number_value(rest) if rest else 0
    return int(head * 100 + (tail or 0)) if tail is not None else None


def _day_of(m: Match) -> int | None:
    day = m.group("day")
    if day and day.isdigit():
        return int(day)
    word = day or (m.groupdict().get("dayw") or "")
    return lexicon().ordinals.get(word.lower())


_DEADLINE_PREPS = frozenset({"until", "till", "through", "by", "effective", "payable", "before"})


_SINCE = re.compile(r"\bsince(?:\s+[\w.'-]+){0,3}\s*$", re.I)


def _deadline_mode(ctx: Ctx, start: int, mode: str | None) -> str | None:
    """A date introduced as a deadline ("until", "by", "payable") may lie after the document
    date even in a past-tense clause, so the past tense is not used to place it; a date
    introduced by "since" ("since the Oct. 23 slaying") lies before it whatever the tense."""
    if _SINCE.search(ctx.text, max(0, start - 40), start):
        return "past"
    if mode == "past" and ctx.word_before(start) in _DEADLINE_PREPS:
        return None
    return mode


def _full_date(ctx: Ctx, m: Match, month: int, day: int, year_txt: str | None) -> Result | None:
    if not 1 <= day <= 31:
        return None
    if year_txt:
        year = year_value(year_txt)
        if year is None:
            return None
        relative = False
    else:
        mode = _deadline_mode(ctx, m.start(), tense_mode(ctx.tense(m.start(), m.end()), None))
        year = pick_year_for(ctx.base, month, day, mode)
        relative = True
    try:
        d = Date(year, month, day)
    except ValueError:
        return None
    value = ctx.fmt(d, "D") if not relative or ctx.anchor else f"XXXX-{month:02d}-{day:02d}"
    return Result("DATE", value, ref=(d, "D"))


def r_iso_date(m: Match, ctx: Ctx) -> Result | None:
    """``2023-09-11``."""
    try:
        d = Date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Result("DATE", d.isoformat(), ref=(d, "D"))


def r_us_date(m: Match, ctx: Ctx) -> Result | None:
    """``9/11/2023`` (US month/day/year)."""
    y = int(m["y"])
    y = y + (1900 if y >= 30 else 2000) if y < 100 else y
    try:
        d = Date(y, int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    return Result("DATE", d.isoformat(), ref=(d, "D"))


def r_mdy(m: Match, ctx: Ctx) -> Result | None:
    """``Sept. 11``, ``Aug. 7, 1998``, ``Saturday, April 25``, ``March eighth``."""
    if not _month_ok(m["mon"]):
        return None
    day = _day_of(m)
    return _full_date(ctx, m, month_num(m["mon"]) or 0, day or 0, m["year"])


def r_dmy(m: Match, ctx: Ctx) -> Result | None:
    """``11 September 2023``, ``the 5th of May``."""
    if not _month_ok(m["mon"]) or (m["mon"].lower().rstrip(".") in _WORD_MONTHS and not m["day"].isdigit()):
        return None
    day = _day_of(m)
    return _full_date(ctx, m, month_num(m["mon"]) or 0, day or 0, m["year"])


def r_month_year(m: Match, ctx: Ctx) -> Result | None:
    """``April 2019``, ``early January 1998``, ``June last year``."""
    if not _capitalized(m["mon"]):
        return None
    month = month_num(m["mon"]) or 0
    rel = (m["rel"] or "").lower()
    if rel:
        year = ctx.base.year + {"this": 0, "last": -1, "next": 1}[rel]
        d = Date(year, month, 1)
        return Result("DATE", ctx.fmt(d, "M"), ref=(d, "M"))
    explicit = year_value(m["year"])
    if explicit is None or not 1000 <= explicit <= 2200:
        return None
    d = Date(explicit, month, 1)
    return Result("DATE", fmt_gran(d, "M"), ref=(d, "M"))


def r_month(m: Match, ctx: Ctx) -> Result | None:
    """A month name alone: ``in April``, ``last November`` (year from tense)."""
    word = m["mon"]
    if not _capitalized(word):
        return None
    if word.lower().rstrip(".") in _WORD_MONTHS and not m["mod"]:
        if ctx.word_before(m.start()) not in _MONTH_CONTEXT:
            return None
    month = month_num(word) or 0
    mode = _deadline_mode(ctx, m.start(), tense_mode(ctx.tense(m.start(), m.end()), None))
    if mode == "future" and not m["mod"] and _attributive(ctx, m.start(), m.end()):
        mode = None
    year = pick_year_for(ctx.base, month, 0, mode)
    d = Date(year, month, 1)
    value = ctx.fmt(d, "M") if ctx.anchor else f"XXXX-{month:02d}"
    return Result("DATE", value, ref=(d, "M"))


_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this", "that"})
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|in|on|at|of|for|by|from|with|as|than|when|while|the|a|an)\b)[a-z]{3,}\b")


def _attributive(ctx: Ctx, start: int, end: int) -> bool:
    """Whether a month name modifies a noun ("under a June agreement", "the October
    slaying"): it then names an event already placed, which a future-tense clause around it
    ("is trying to sell itself under a June agreement") does not move into the future."""
    return ctx.word_before(start) in _DETERMINERS and bool(_NOUN_AFTER.match(ctx.text, end))


def _year_plausible(ctx: Ctx, year: int) -> bool:
    top = (ctx.anchor.year + 60) if ctx.anchor else 2100
    return 1000 <= year <= top


def r_year(m: Match, ctx: Ctx) -> Result | None:
    """A four-digit year, accepted only in year-like context."""
    year = int(m["year"])
    lex = lexicon()
    before, after = ctx.word_before(m.start()), ctx.word_after(m.end()).lower()
    if not _year_plausible(ctx, year) or before in lex.non_year_preceders:
        return None
    if after in lex.non_year_followers or after in ("gmt", "utc", "hours", "hrs", "local"):
        return None
    if year < 1800 and before not in lex.year_prepositions:
        return None
    if ctx.doc is not None and _is_count(ctx, m.start()):
        return None
    d = Date(year, 1, 1)
    return Result("DATE", str(year), ref=(d, "Y"))


_TIME_NOUNS = frozenset({"year", "years", "season", "period", "quarter", "half", "budget", "election", "elections",
                         "level", "levels", "figure", "figures", "census", "war", "games", "olympics", "law"})


def _is_count(ctx: Ctx, start: int) -> bool:
    """True when the parser attaches the number as a count of a non-time noun."""
    if ctx.doc is None:
        return False
    try:
        span = ctx.doc.char_span(start, start + 4)
    except (AttributeError, ValueError):
        return False
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.i > 0 and (tok.doc[tok.i - 1].lower_ in ("the", "its", "their", "his", "her", "'s", "in", "of", "since")
                      or tok.doc[tok.i - 1].tag_ == "POS"):
        return False
    return tok.dep_ == "nummod" and tok.head.i == tok.i + 1 and tok.head.tag_ == "NNS" \
        and tok.head.lower_ not in _TIME_NOUNS


def r_week_of(m: Match, ctx: Ctx) -> Result | None:
    """``the week of March 6``: the ISO week containing the date."""
    if not _month_ok(m["mon"]):
        return None
    res = _full_date(ctx, m, month_num(m["mon"]) or 0, int(m["day"]), m["year"])
    if res is None or res.ref is None:
        return None
    d = res.ref[0]
    relative = not m["year"]
    return Result("DATE", ctx.fmt(d, "W", relative=relative), ref=(d, "W"))


def r_year_prefix(m: Match, ctx: Ctx) -> Result | None:
    """``post-1959``, ``pre-1990``: the year the prefix attaches to."""
    year = int(m["year"])
    if not _year_plausible(ctx, year):
        return None
    return Result("DATE", str(year), ref=(Date(year, 1, 1), "Y"))


def r_and_day(m: Match, ctx: Ctx) -> Result | None:
    """The second day of ``April 24 and 25``: a date of its own, in the first one's month."""
    if not _month_ok(m["mon"]) or not 1 <= int(m["d1"]) <= 31:
        return None
    res = _full_date(ctx, m, month_num(m["mon"]) or 0, int(m["day"]), m["year"])
    if res is None:
        return None
    return Result(res.type, res.value, start=m.start("day"), end=m.end("day"), ref=res.ref)


def r_year_mod(m: Match, ctx: Ctx) -> Result | None:
    """``early 2020``, ``mid-1996``, ``the end of 1990`` (value of the base year)."""
    year = int(m["year"])
    if not _year_plausible(ctx, year):
        return None
    return Result("DATE", str(year), ref=(Date(year, 1, 1), "Y"))


def r_spelled_year(m: Match, ctx: Ctx) -> Result | None:
    """``nineteen ninety-six``; ``two thousand`` only as ``the year two thousand`` or after a preposition."""
    txt = m.group(0)
    year = year_value(m["year"])
    if year is None or not 1100 <= year <= 2100:
        return None
    if m["year"].lower().startswith("two thousand") and not txt.lower().startswith("the year"):
        if ctx.word_before(m.start()) not in ("in", "by", "since", "until", "of", "before", "after"):
            return None
    return Result("DATE", str(year), ref=(Date(year, 1, 1), "Y"))


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


def r_decade(m: Match, ctx: Ctx) -> Result | None:
    """``the 1990s`` -> 199, ``the '80s`` -> 198, ``the nineties`` -> 199."""
    if m["dec"]:
        return Result("DATE", m["dec"][:3])
    digit = int(m["dec2"][0]) if m["dec2"] else _DECADE_WORDS[m["word"].lower()]
    if m["word"] and not m.group(0).lower().startswith(("the", "early", "mid", "late")):
        return None
    century = ctx.base.year // 100 if ctx.anchor else 19
    if digit * 10 > ctx.base.year % 100 + 5:
        century -= 1
    return Result("DATE", f"{century}{digit}")


def r_century(m: Match, ctx: Ctx) -> Result | None:
    """``the 20th century`` -> 19."""
    word = m["ord"].lower()
    n = lexicon().ordinals.get(word)
    if n is None:
        digits = re.match(r"\d+", word)
        n = int(digits.group(0)) if digits else None
    if not n or n > 30:
        return None
    return Result("DATE", f"{n - 1:02d}")


def r_season_year(m: Match, ctx: Ctx) -> Result | None:
    """``summer 2020``, ``the winter of nineteen ninety-four``."""
    year = year_value(m["year"])
    if year is None or not 1000 <= year <= 2200:
        return None
    code = lexicon().seasons[m["season"].lower()]
    return Result("DATE", f"{year}-{code}", ref=(Date(year, 1, 1), "Y"))


def r_fiscal(m: Match, ctx: Ctx) -> Result | None:
    """``fiscal 1989``, ``the current fiscal year``, ``FY2020``."""
    y = m["y"] or m["y2"]
    if y:
        y = y.lstrip("'")
        year = int(y) if len(y) == 4 else (1900 + int(y) if int(y) > 30 else 2000 + int(y))
        return Result("DATE", str(year), ref=(Date(year, 1, 1), "Y"))
    if not m["rel"]:
        return Result("DURATION", "P1Y")
    rel = m["rel"].lower()
    off = {"last": -1, "previous": -1, "prior": -1, "latest": -1, "next": 1}.get(rel, 0)
    d = shift(ctx.base, "Y", off)
    return Result("DATE", ctx.fmt(d, "Y"), ref=(d, "Y"))


def r_holiday(m: Match, ctx: Ctx) -> Result | None:
    """Holidays: fixed-date ones and floating ones (Thanksgiving, Election Day), year from tense."""
    name = " ".join(m["hol"].lower().split())
    lex = lexicon()
    if not _title_cased(m["hol"].split(), lex):
        return None
    mode = tense_mode(ctx.tense(m.start(), m.end()), None)
    if name in lex.floating_holidays:
        month, weekday, first = lex.floating_holidays[name]
        year = pick_year_for(ctx.base, month, first + 3, mode)
        d = floating_date(year, month, weekday, first)
    else:
        month, day = lex.holidays[name]
        year = pick_year_for(ctx.base, month, day, mode)
        d = Date(year, month, day)
    value = ctx.fmt(d, "D") if ctx.anchor else f"XXXX-{d.month:02d}-{d.day:02d}"
    return Result("DATE", value, ref=(d, "D"))


def _title_cased(words: list[str], lex: Lexicon) -> bool:
    """Whether a holiday phrase is written as a name: every word capitalized ("Election
    Day", not "election day" or "a May day"), except after a word that names a holiday by
    itself ("Christmas day")."""
    if not words or not _capitalized(words[0]):
        return False
    first = words[0].lower()
    if first in lex.holidays or first in lex.floating_holidays:
        return True
    return all(_capitalized(w) or w.lower() in ("of", "'s") for w in words[1:])


def floating_date(year: int, month: int, weekday: int, first: int) -> Date:
    """The first ISO ``weekday`` on or after day ``first`` of ``month`` (Thanksgiving: the
    Thursday on or after Nov. 22; US Election Day: the Tuesday on or after Nov. 2)."""
    start = Date(year, month, first)
    return start + dt.timedelta(days=(weekday - start.isoweekday()) % 7)


def last_completed_quarter(base: Date) -> Date:
    """First day of the quarter before the one containing ``base``."""
    return shift(Date(base.year, 3 * quarter_of(base) - 2, 1), "Q", -1)
