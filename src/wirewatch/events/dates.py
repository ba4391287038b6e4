"""Where and when an event happens, and the claims that carry it.

Its date is the time expression nearest its trigger in its evidence, then in its sentence,
else, for an act that took place, the recent day the narrative of the sentences just before has
reached, else the document date; its place a place named after a locative preposition in its
sentence; its claims those whose content holds its trigger, whose stance can change its status.
"""
from __future__ import annotations

import re
from typing import Any

from wirewatch.document import Claim, Document, Event, EventDate, Span, Timex
from wirewatch.events.lexicon import lemma_of, lexicon

_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|into|near|outside|inside|across|bound for|off)\s+(?:the\s+)?$", re.I)
STANCE_STATUS = {"expected": "expected", "denied": "negated"}


def _sentence(doc: Document, trigger: Span) -> Span:
    tok = _token(doc, trigger)
    if tok is None:
        return trigger
    s = tok.sent
    return Span(s.start_char, s.end_char)


def event_date(doc: Document, ev: Event, sentence: Span) -> EventDate | None:
    """The event's date: the time expression nearest its trigger, in its evidence first, then in
    its sentence, but not one that dates another clause's act (``_elsewhere``); else, for an act
    that took place, the day the narrative has reached (``narrative_date``); else, for an act
    that took place or is under way, the document date, and for one planned or expected, the open
    interval from the document date on (no date at all for a possible or negated act).

    A vague reference (``in the coming days``: FUTURE_REF) gives the document date's month as
    the calendar value, with the interval opening at the document date (PRESENT_REF and
    FUTURE_REF) or closing there (PAST_REF).
    """
    from wirewatch.times.tagger import value_interval

    assert ev.trigger is not None
    trigger = _token(doc, ev.trigger)
    for scope in (ev.evidence, sentence):
        near = [t for t in doc.times if scope.start <= t.start < scope.end and t.type in ("DATE", "TIME")
                and (value_interval(t.value) or t.value in VAGUE) and not _elsewhere(doc, t, trigger)]
        if near:
            t = min(near, key=lambda x: abs(x.start - ev.trigger.start))  # type: ignore[union-attr]
            if t.value in VAGUE:
                return vague_date(doc, t.value)
            start, end = value_interval(t.value)  # type: ignore[misc]
            return EventDate(t.value, start.isoformat(), end.isoformat())
    if doc.date is None or ev.status in ("possible", "negated"):
        return None                 # no act took place on any day the text gives
    if ev.status in ("planned", "expected"):
        return vague_date(doc, "FUTURE_REF")   # after the report, not on the day it was announced
    if ev.status == "occurred" and trigger is not None:
        told = narrative_date(doc, trigger.sent)
        if told is not None:
            return told
    d = doc.date.isoformat()
    return EventDate(d, d, d)


NARRATIVE_SENTENCES = 2
NARRATIVE_DAYS = 7


def narrative_date(doc: Document, sent: Any) -> EventDate | None:
    """The date the narrative has reached before a sentence that dates nothing: the last time
    expression of the ``NARRATIVE_SENTENCES`` sentences before it, if it says when the main clause
    of its own sentence took place and names one day of the ``NARRATIVE_DAYS`` before the report's.
    A year or a month further back is the story's background ("they first met in 2019"), not
    where the narrative stands. "Putin urged fighters late on Friday to detain him. He
    warned that anyone in his way would be destroyed": the warning is Friday's too, not the
    report's (Saturday's)."""
    from wirewatch.times.tagger import value_interval

    assert doc.date is not None
    sdoc = doc.spacy_doc
    if sdoc is None or sent.start == 0:
        return None
    first = sent.start
    for _ in range(NARRATIVE_SENTENCES):
        if first == 0:
            break
        first = sdoc[first - 1].sent.start
    lo, hi = sdoc[first].idx, sent.start_char
    told = [t for t in doc.times if lo <= t.start < hi and t.type in ("DATE", "TIME")]
    if not told:
        return None
    t = max(told, key=lambda t: t.start)
    interval = value_interval(t.value)
    tok = _token(doc, Span(t.start, t.end))
    if interval is None or tok is None or tok.dep_ not in WHEN_DEPS or _elsewhere(doc, t, tok.sent.root):
        return None
    start, end = interval
    if start != end or not 0 < (doc.date - end).days <= NARRATIVE_DAYS:
        return None
    return EventDate(t.value, start.isoformat(), end.isoformat())


# a time expression that says when ("on Friday", "Tuesday", "overnight"), not one that is talked
# about ("declared Monday a non-working day")
WHEN_DEPS = frozenset({"npadvmod", "pobj", "prep", "advmod", "tmod"})


VAGUE = ("PRESENT_REF", "FUTURE_REF", "PAST_REF")
# Clauses that date their own act: a relative ("who last met in June"), adverbial ("telling
# reporters shortly after midnight") or participial one ("a video released the same day").
_OWN_TIME = ("relcl", "advcl", "acl")


def _token(doc: Document, span: Span) -> Any:
    """The head token of a character span (None without a parse)."""
    if doc.spacy_doc is None:
        return None
    found = doc.spacy_doc.char_span(span.start, span.end, alignment_mode="expand")
    return None if found is None else found.root


def _elsewhere(doc: Document, t: Timex, trigger: Any) -> bool:
    """Whether the time expression stands in a relative, adverbial or participial clause that
    does not hold the trigger: it dates that clause's act, not the event's ("The two presidents,
    who last met in June, agreed to talk": not June). Same-sentence dates elsewhere count, as
    news prose dates a chain of acts once ("On June 24 fighters seized ... before he called off
    the march under a deal")."""
    if trigger is None:
        return False
    tok = _token(doc, Span(t.start, t.end))
    while tok is not None and tok.head.i != tok.i:
        if tok.dep_ in _OWN_TIME and not tok.left_edge.i <= trigger.i <= tok.right_edge.i:
            return not _holds(tok, trigger)
        tok = tok.head
    return False


def _holds(clause: Any, trigger: Any) -> bool:
    """Whether a clause on the trigger states when the trigger's own act takes place: "the first
    summit, held in Singapore last June", "talks, scheduled for Wednesday", "the visit, which
    began on Monday" (a light or planning verb), "talks to follow on Thursday" (``TAKES_PLACE``);
    not "the meeting, announced on Tuesday"."""
    if clause.dep_ not in ("acl", "relcl") or clause.head.i != trigger.i:
        return False
    lemma = lemma_of(clause)
    return lemma in TAKES_PLACE or bool(lexicon().cue(lemma, "light") or lexicon().cue(lemma, "plan"))


# verbs whose clause on an event noun says when that event happens ("more substantive talks to
# follow on Thursday", "a meeting to take place on Monday", "the visit, which occurred in May")
TAKES_PLACE = frozenset({"follow", "occur", "happen", "come"})


def vague_date(doc: Document, value: str) -> EventDate | None:
    """The calendar reading of a vague reference, relative to the document date."""
    if doc.date is None:
        return EventDate(value, None, None)
    d = doc.date.isoformat()
    if value == "PAST_REF":
        return EventDate(d[:7], None, d)
    return EventDate(d[:7], d, None if value == "FUTURE_REF" else d)


def event_place(doc: Document, ev: Event, sentence: Span) -> str | None:
    """A place named after a locative preposition in the event's sentence, nearest the trigger
    (a city before a country; a destination may also be the recipient: "a visit to Russia");
    else the only place or country named in the evidence that is not a participant."""
    assert ev.trigger is not None
    best, best_d = None, None
    in_evidence: set[str] = set()
    for e in doc.entities:
        if e.geo is None:
            continue
        for m in e.mentions:
            if not sentence.start <= m.start < sentence.end or m.label == "DEMONYM":
                continue  # "the North Korean agency" says nothing of where an event happens
            if ev.evidence.start <= m.start < ev.evidence.end:
                in_evidence.add(e.id)
            before = doc.text[max(sentence.start, m.start - 16):m.start]
            if _PLACE_BEFORE.search(before) and e.id not in ev.actors:
                d = abs(m.start - ev.trigger.start) + (1000 if e.kind == "country" else 0)
                if best_d is None or d < best_d:
                    best, best_d = e.id, d
    if best is None and len(in_evidence - set(ev.actors) - set(ev.recipients)) == 1:
        best = next(iter(in_evidence - set(ev.actors) - set(ev.recipients)))
    return best


def link_claims(ev: Event, claims: list[Claim]) -> None:
    """Claims whose content holds the event's trigger carry it; their stance may set its status."""
    assert ev.trigger is not None
    for c in claims:
        if c.content.start <= ev.trigger.start and ev.trigger.end <= c.content.end:
            ev.claims.append(c.id)
            if ev.status == "occurred" and c.stance in STANCE_STATUS:
                ev.status = STANCE_STATUS[c.stance]
def inherit_places(events: list[Event]) -> None:
    """A later mention of the same event ("the meeting between Kim and Putin") takes the place
    of an earlier one with the same type and participants, when its own sentence names none."""
    for i, ev in enumerate(events):
        if ev.place is not None:
            continue
        people = set(ev.actors) | set(ev.recipients)
        for prior in reversed(events[:i]):
            if prior.type == ev.type and prior.place and len(people & (set(prior.actors) | set(prior.recipients))) >= 2:
                ev.place = prior.place
                break


