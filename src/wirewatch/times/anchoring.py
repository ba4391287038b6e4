"""Re-anchoring in reported speech: the time a reporting verb is dated with.

News reports speech with its own date: "the minister said on Tuesday that talks would
resume next week". "Next week" is then the week after that Tuesday, which differs from the
week after the document date when the speech was made in an earlier week. TimeML lets a
relative expression anchor on a time other than the document creation time (the
``anchorTimeID`` of TIMEX3), and the nearest reference time here is the speech's date.

With a spaCy parse, ``speech_date`` finds the reporting verb whose complement clause holds
an expression (``said`` -ccomp-> ``resume``) and returns the date of the day-valued time
expression that verb governs, when one was tagged before the expression.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from wirewatch.times.lexicon import lexicon
from wirewatch.times.tense import governing_verb, token_at

# How far up the complement chain to look ("said ... it expected to resume talks next week":
# resume -xcomp-> expected -ccomp-> said).
_MAX_HOPS = 3
_CHAIN_DEPS = frozenset({"xcomp", "conj", "advcl"})
# Dependencies by which a time expression dates a verb directly, and the prepositions that do.
_DIRECT_DEPS = frozenset({"npadvmod", "tmod", "advmod", "obl"})
_DATE_PREPS = frozenset({"on", "in", "at"})


def reporting_verb(doc: Any, starts: list[int], pos: int) -> Any | None:
    """The reporting verb ("said", "told") whose complement clause contains char ``pos``."""
    verb = governing_verb(token_at(doc, starts, pos))
    speech = lexicon().speech_verbs
    for _ in range(_MAX_HOPS):
        if verb is None or verb.head.i == verb.i:
            return None
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech:
            return verb.head
        if verb.dep_ not in _CHAIN_DEPS:
            return None
        verb = verb.head
    return None


def _dates_verb(doc: Any, start: int, end: int, verb: Any) -> bool:
    """Whether the expression at [start, end) directly dates ``verb`` ("said Tuesday",
    "said on Tuesday"), not an adjunct of it ("with the finding of a rifle 11 days ago")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.head.i == verb.i:
        return root.dep_ in _DIRECT_DEPS
    prep = root.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in _DATE_PREPS and prep.head.i == verb.i


def speech_date(doc: Any, starts: list[int], pos: int, days: list[tuple[int, int, dt.date]]) -> dt.date | None:
    """The date of the speech that reports the clause at char ``pos``.

    Args:
        doc: the parsed spaCy Doc.
        starts: char offsets of the Doc's tokens.
        pos: char offset of the relative expression.
        days: (start, end, date) of the day-valued expressions tagged so far, in text order.

    Returns:
        The date the reporting verb is dated with ("said on Tuesday"), or None when the
        expression is not in reported speech or the speech carries no date of its own.
    """
    verb = reporting_verb(doc, starts, pos)
    if verb is None:
        return None
    for start, end, day in reversed(days):
        if start >= pos:
            continue
        if start < verb.sent.start_char:
            break
        if _dates_verb(doc, start, end, verb):
            return day
    return None
