"""Regular-expression grammar of English time expressions.

Each rule is a compiled pattern plus the name of the resolver that turns a match into a
TIMEX3 type and value (see ``resolve.py``). Patterns are built from the lexicon once, on
first use, and cached.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from wirewatch.times.lexicon import lexicon


@dataclass(frozen=True)
class Rule:
    """A grammar rule: ``name`` selects the resolver; lower ``priority`` wins ties.

    ``triggers`` are the keyword classes (see ``trigger_pattern``) of which at least one
    occurs in every match; the tagger runs the rule only near such keywords.
    """

    name: str
    pattern: re.Pattern[str]
    priority: int
    triggers: frozenset[str]


# Rule -> keyword classes (``trigger_words`` in the lexicon, plus YEAR/DATEN/CLOCK for digits).
_RULE_TRIGGERS = {
    "iso_date": "DATEN", "us_date": "DATEN", "clock": "CLOCK REL", "mdy": "MON", "dmy": "MON",
    "month_year": "MON", "month": "MON", "quarter": "QTR", "quarter_code": "FISCAL", "quarter_rel": "QTR",
    "the_period": "QTR", "year_adj": "DIR", "fiscal": "FISCAL", "century": "CENT", "decade": "YEAR SPELLED",
    "season_year": "SEASON", "season": "SEASON", "year_mod": "YEAR", "spelled_year": "SPELLED", "year": "YEAR",
    "rel_day": "REL", "this_pod": "REL", "weekday": "WD", "each": "SET", "set_word": "SET", "per_unit": "UNIT REL",
    "rel_period": "UNIT SEASON MON", "mod_the": "UNIT", "the_unit": "UNIT", "holiday": "HOL UNIT", "ago": "UNIT",
    "ago_bare": "DIR", "day_rel": "UNIT REL", "duration": "UNIT", "dur_half": "QTR", "dur_plural": "UNIT",
    "week_of": "MON", "year_prefix": "YEAR", "and_day": "MON", "day_part": "REL",
    "vague": "VAGUE", "coming": "VAGUE DIR", "year_end": "UNIT",
}


_TOKEN = re.compile(r"[A-Za-z]+\d*|\d+")
_DIGIT_CLASS = re.compile(r"(?P<DATEN>[-/]\d)|(?P<CLOCK>\s?[AaPp]\.?[Mm]\b|[:.]\d\d)")


@cache
def _word_classes() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for cls, words in lexicon().trigger_words.items():
        for w in words:
            table.setdefault(w, []).append(cls)
    return {w: tuple(c) for w, c in table.items()}


def trigger_hits(text: str) -> Iterator[tuple[str, int, int]]:
    """(class, start, end) of every keyword in ``text`` that can gate a rule."""
    classes = _word_classes()
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        if tok[0].isdigit():
            if len(tok) == 4 or (len(tok) == 2 and tok[1] == "0"):
                yield "YEAR", m.start(), m.end()
            d = _DIGIT_CLASS.match(text, m.end())
            if d:
                yield d.lastgroup or "CLOCK", m.start(), d.end()
            continue
        for cls in classes.get(tok.lower(), ()):
            yield cls, m.start(), m.end()


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation of words, longest first, with spaces/hyphens matching either."""
    parts = sorted({re.escape(w).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?") for w in words},
                   key=len, reverse=True)
    return "(?:" + "|".join(parts) + ")"


@cache
def macros() -> dict[str, str]:
    """Named sub-patterns shared by the rules."""
    lex = lexicon()
    full_months = [m for m in lex.months if (len(m) > 3 and m != "sept") or m == "may"]
    abbr = [m for m in lex.months if len(m) <= 4 and m not in full_months]
    mon = rf"(?:{_alt(full_months)}|{_alt(abbr)}\.?)"
    wd = "(?:" + _alt([w for w in lex.weekdays if w.endswith("day")]) + "|" + \
        _alt([w for w in lex.weekdays if not w.endswith("day")]) + r"\.?)"
    wd_full = _alt([w for w in lex.weekdays if w.endswith("day")])
    ones = "one|two|three|four|five|six|seven|eight|nine"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    numword = (rf"(?:(?:{tens})(?:[\s-](?:{ones}))?|{teens}|{ones}|a\s+dozen|dozen|a\s+couple\s+of|a\s+couple|couple\s+of"
               rf"|a\s+hundred|one\s+hundred|hundreds\s+of|a|an|half\s+an?)")
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s+1/2)?"
    vague = _alt(lex.vague_numbers)
    units = [u for u in lex.units]
    spelled_year = (rf"(?:(?:nineteen|eighteen|twenty)\s+(?:hundred(?:\s+and)?\s+)?"
                    rf"(?:(?:{tens})(?:[\s-](?:{ones}))?|{teens}|oh\s+(?:{ones}))"
                    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:(?:{tens})(?:[\s-](?:{ones}))?|{teens}|{ones}))?)")
    return {
        "MON": mon,
        "MONFULL": _alt(full_months),
        "WD": wd,
        "WDFULL": wd_full,
        "NUM": rf"(?:{digits}|{numword})",
        "NUMW": numword,
        "VAGUE": vague,
        "UNIT": _alt(units),
        "UNITSG": r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|millennium)",
        "ORD": _alt(list(lex.ordinals)),
        "SEASON": _alt(list(lex.seasons)),
        "POD": r"(?:morning|afternoon|evening|night|midday)",
        "TZ": _alt(list(lex.time_zones)) + r"|\((?:\d{4}|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)\s+(?:GMT|UTC)\)|local\s+time",
        "APPROX": (r"(?:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than|fewer\s+than"
                   r"|at\s+least|up\s+to|no\s+more\s+than|no\s+less\s+than|close\s+to|just\s+over|just\s+under"
                   r"|well\s+over|upwards\s+of|over|under|barely|only|almost|the\s+better\s+part\s+of)"),
        "SPELLEDYEAR": spelled_year,
        "MOD": r"(?:early|late|mid-?|the\s+(?:end|beginning|start|middle|rest|remainder|close)\s+of|earlier|later)",
        "DECADEWORD": r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
        "HOLIDAY": _alt(list(lex.holidays) + list(lex.floating_holidays)),
    }


def _rule_specs() -> list[tuple[str, str]]:
    """(resolver name, pattern template) in priority order; {MACRO}s are substituted."""
    return [
        ("iso_date", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b"),
        ("us_date", r"(?<![\d/])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])"),
        ("clock", r"(?:(?P<approx>about|around|approximately|shortly\s+(?:after|before)|just\s+(?:after|before))\s+)?"
                  r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b|[AP]M\b)"
                  r"|(?P<h24>[0-2]?\d)[:.](?P<mi24>[0-5]\d)(?=\s*(?:{TZ}|hours?\b|hrs\b))"
                  r"|(?P<noon>noon|midnight|midday)|(?P<hoc>\d{1,2}|{NUMW})\s+o'clock"
                  r"|(?P<hin>\d{1,2})\s+in\s+the\s+(?P<inpod>morning|afternoon|evening|night))"
                  r"(?:\s+(?P<tz>{TZ}))?"
                  r"(?:,?\s+(?:on\s+)?(?P<wd>{WD}|today|yesterday|tomorrow|tonight))?"
                  r"(?:,?\s+(?P<mon>{MON})\s+(?P<day>\d{1,2})\b)?"),
        ("week_of", r"\bthe\s+week\s+of\s+(?P<mon>{MON})\s+(?P<day>\d{1,2})\b(?:,?\s+(?P<year>\d{4})\b)?"),
        ("mdy", r"(?:(?P<rel>this\s+coming|this\s+past|last|next|this)\s+)?(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MON})\s+"
                r"(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?\b|(?:the\s+)?(?P<dayw>{ORD})\b)"
                r"(?:,?\s+(?P<year>\d{4}|{SPELLEDYEAR})\b)?"),
        ("dmy", r"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>\d{1,2}|{ORD})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<mon>{MON})"
                r"(?:,?\s+(?P<year>\d{4}))?\b"),
        ("month_year", r"(?:(?P<mod>{MOD})\s*)?(?P<mon>{MON}),?\s+(?:of\s+)?(?P<year>\d{4}\b|{SPELLEDYEAR}"
                       r"|(?P<rel>this|last|next)\s+year)"),
        ("quarter", r"(?:the\s+)?(?:(?P<yrel>this|last|next)\s+year's\s+|(?P<y1>\d{4})\s+|(?:(?:fiscal|calendar|same|comparable|flat|strong|weak|disappointing|current|latest|year-ago|year-earlier)\s+)*)"
                    r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-](?P<unit>quarter|half|half-year)\b"
                    r"(?:\s+of\s+(?:(?:fiscal|the\s+fiscal\s+year|the\s+year)\s*)?(?P<y2>\d{4}|this\s+year|last\s+year|next\s+year)"
                    r"|\s+of\s+the\s+(?:(?P<dec>\d{3})0'?s|'(?P<dec2>\d)0s))?"
                    r"(?:\s+(?P<y3>\d{4})\b)?"),
        ("quarter_code", r"\b(?P<code>[QH][1-4])(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b|\b(?P<y0>\d{4})\s*(?P<code2>[QH][1-4])\b"),
        ("quarter_rel", r"(?:the\s+)?(?P<rel>this|last|next|the\s+(?:comparable\s+|corresponding\s+)?(?:current|latest|previous|prior|same|year-ago|year-earlier)"
                        r"|(?:this|last|next)\s+year's|year-ago|year-earlier|current|latest)\s+(?:comparable\s+|corresponding\s+)?(?P<unit>quarter|period)"
                        r"(?:\s+a\s+year\s+(?:ago|earlier))?"),
        ("the_period", r"\bthe\s+(?:(?P<y>\d{4})\s+)?(?P<unit>quarter|period)\b(?:\s+(?P<ago>a\s+year\s+(?:ago|earlier)))?(?!\s+of\b|-)|\bthe\s+(?P<y2>\d{4})\s+(?P<unit2>quarter|period)\b"),
        ("year_adj", r"\b(?P<rel>year-ago|year-earlier|a-year-ago|year-before)\b"),
        ("fiscal", r"(?:the\s+|(?=(?:current|this|last|next|previous|prior)\s))(?:(?P<rel>current|this|last|next|previous|prior|latest)\s+)?fiscal\s+year(?:\s+(?P<y>\d{4}))?"
                   r"|\b(?:fiscal(?:\s+year)?\s+|FY\s*)(?P<y2>\d{4}|'?\d\d)\b"),
        ("century", r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)\s*)?(?P<ord>{ORD}|\d{1,2}(?:st|nd|rd|th))[\s-]century\b"),
        ("decade", r"(?:the\s+)?(?:(?P<mod>early|mid-?|late)[\s-]*)?(?:(?P<dec>\d{3}0)'?s|'(?P<dec2>\d0)s|(?P<word>{DECADEWORD}))\b"),
        ("season_year", r"(?:(?P<mod>early|late|mid-?)\s*)?(?:the\s+)?(?P<season>{SEASON})\s+(?:of\s+)?(?P<year>\d{4}\b|{SPELLEDYEAR})"),
        ("year_mod", r"(?P<mod>{MOD})[\s-]*(?P<year>\d{4})\b(?!s)"),
        ("spelled_year", r"(?:the\s+year\s+)?(?P<year>{SPELLEDYEAR})\b"),
        ("year", r"(?<![\d$€£,.#/:-])(?P<year>1[0-9]\d\d|20\d\d)(?!\d|%|,\d|\.\d|-\d|/\d)"),
        ("year_prefix", r"(?:post|pre)-(?P<year>1[0-9]\d\d|20\d\d)\b"),
        ("and_day", r"(?P<mon>{MON})\s+(?P<d1>\d{1,2})\s+(?:and|or|&)\s+(?P<day>\d{1,2})\b(?!\s*(?:%|percent|[ap]\.?m\b))"
                    r"(?!\s+(?!(?:in|at|on|to|and|or|of|for|from|with|when|while|as|by|the)\b)[a-z])"
                    r"(?:,?\s+(?P<year>\d{4})\b)?"),
        ("day_part", r"(?P<mid>mid[\s-]?(?:morning|afternoon|day))\b"
                     r"|\bin\s+(?P<the>the\s+(?P<pod>morning|afternoon|evening))\b(?!\s+of\b|-)"),
        ("rel_day", r"(?:(?P<mod>early|late|earlier|later|mid-?afternoon|mid-?morning)\s+)?"
                    r"(?P<day>today|yesterday|tomorrow|tonight|overnight)(?:\s+(?P<pod>{POD}))?"),
        ("this_pod", r"(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>morning|afternoon|evening|night)"),
        ("weekday", r"(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|early|late|earlier|later|(?:early|late)\s+on"
                    r"|the\s+(?:previous|preceding|prior|following|next))\s+)?"
                    r"(?P<wd>{WDFULL})(?P<pl>s)?(?:\s+(?P<pod>{POD})(?P<pl2>s)?)?\b"),
        ("each", r"\b(?:every|each)\s+(?:other\s+)?(?P<unit>{UNITSG}|{WDFULL}|{MONFULL}|{POD}|{SEASON}|weekend)\b"),
        ("set_word", r"\b(?P<word>hourly|daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly)\b"),
        ("per_unit", r"(?<=[\w%]\s)(?P<art>a|an|per)\s+(?P<unit>day|week|month|year|hour|night)\b(?!\s+(?:ago|earlier|later|before|after))"),
        ("rel_period", r"(?:(?P<mod>{MOD})\s+)?(?P<rel>this\s+past|this\s+coming|this|last|next|the\s+current|the\s+previous"
                       r"|the\s+following|the\s+same|the\s+preceding|the\s+prior|that|the\s+past|the\s+coming|the\s+last|the\s+next)\s+"
                       r"(?P<unit>week|weekend|month|year|decade|century|{SEASON}|{MONFULL})\b"),
        ("mod_the", r"(?P<mod>{MOD})\s+(?:the|this)\s+(?P<unit>week|weekend|month|year)\b"),
        ("the_unit", r"\bthe\s+(?P<full>full\s+)?(?P<unit>weekend|year|week|month)\b(?!\s+(?:before|after|earlier|later|of|in|to)\b)(?!-)"),
        ("season", r"(?:(?P<mod>early|late|mid-?)\s*)?(?:(?P<the>the)\s+)?(?P<season>{SEASON})\b"),
        ("month", r"(?:(?P<mod>{MOD})\s*)?(?P<mon>{MONFULL}|(?:sept|jan|feb|aug|oct|nov|dec)\.)(?!\w)"),
        ("holiday", r"(?P<hol>{HOLIDAY})\b"),
        ("ago", r"(?:(?P<approx>{APPROX})\s+)?(?P<num>{NUM}|{VAGUE})\s+(?P<unit>{UNIT})\s+(?:or\s+so\s+)?"
                r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|back)\b"),
        ("ago_bare", r"(?P<unit>days|weeks|months|years|decades)\s+(?P<dir>ago|earlier|later)\b"),
        ("day_rel", r"\bthe\s+(?P<unit>day|week|month|year|night)\s+(?P<dir>before|after|earlier|later)\b(?!\s+(?:the|a|an|his|her|its|their|last|this|next|(?-i:[A-Z]\w*)|\w+ing)\b)"
                    r"|\bthe\s+(?P<dir2>next|following|previous|preceding|prior|same)\s+(?P<unit2>day|morning|night|evening|afternoon)\b"
                    r"|\bthat\s+(?:same\s+)?(?P<unit3>day|morning|night|evening|afternoon)\b"),
        ("duration", r"(?:(?P<approx>{APPROX})\s+)?(?:(?P<the>the)\s+(?:(?P<dir>past|last|next|first|coming|previous|following|final|latest|ensuing|remaining|last|initial|preceding|other|year-earlier|year-ago)\s+)?)?"
                     r"(?P<num>{NUM}|{VAGUE})(?:\s+(?:more|additional|full|straight|consecutive|long|whole|or\s+so|trading|business|working))?[\s-]+(?P<unit>{UNIT})(?P<old>-old)?"
                     r"(?:\s+and\s+a\s+half)?(?:\s+or\s+(?:two|so|more))?\b"),
        ("dur_half", r"(?:(?P<approx>{APPROX})\s+)?(?P<num>half\s+an?|a\s+half)[\s-]+(?P<unit>{UNITSG})\b"),
        ("dur_plural", r"(?:(?P<the>the)\s+(?P<dir>past|last|next|previous|recent)\s+|(?P<recent>recent)\s+)?(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)\b"),
        ("vague", r"\b(?:{VAGUEREF})\b"),
        ("coming", r"(?:(?P<the>the)\s+)?(?P<dir>coming|upcoming)\s+(?P<unit>days|weeks|months|years|quarters)\b"
                   r"|(?:the\s+)?(?P<unit2>days|weeks|months|years)\s+(?P<dir2>ahead|to\s+come)\b"),
        ("year_end", r"(?:(?P<rel>this|last|next)\s+)?(?:year[\s-]end|year's\s+end)\b"),
    ]


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rule set (built once)."""
    lex = lexicon()
    mac = dict(macros())
    mac["VAGUEREF"] = _alt(list(lex.present_ref) + list(lex.past_ref) + list(lex.future_ref))
    out = []
    for prio, (name, tpl) in enumerate(_rule_specs()):
        pat = tpl
        for key in sorted(mac, key=len, reverse=True):
            pat = pat.replace("{" + key + "}", mac[key])
        out.append(Rule(name, re.compile(r"(?<![\w'])" + "(?:" + pat + ")", re.I), prio,
                        frozenset(_RULE_TRIGGERS[name].split())))
    return tuple(out)
