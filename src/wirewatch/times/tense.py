"""Sentence splitting and tense detection around a time expression.

With a parsed spaCy ``Doc`` the tense comes from the verb that governs the expression
(its tag and auxiliaries); without one, from surface cues in the clause.
"""
from __future__ import annotations

import bisect
import re
from typing import Any

PAST, PRESENT, FUTURE = "past", "present", "future"

_SENT_RE = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"(])|\n+")
_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|is to|are to|to be held|expected to|due to|plans? to|planned to"
    r"|scheduled to|set to|intends? to|would|next|coming|upcoming)\b",
    re.I,
)
_PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|last|earlier|yesterday|[a-z]{3,}ed)\b", re.I
)
_FUTURE_HEADS = frozenset({"expect", "due", "plan", "schedule", "intend", "going", "hope", "aim", "want", "ready"})
# Participles that schedule the infinitive after them ("set to resume Monday", "slated to open").
_SCHEDULE_HEADS = frozenset({"set", "slate", "poise"})
_PLAN_VERBS = frozenset({"plan", "schedule", "expect", "intend"})
_MODALS = frozenset({"will", "shall", "'ll", "wo", "might", "may", "should", "must", "would"})
# A modal perfect ("may have been", "would have left") speaks of the past; "will have" does not.
_PAST_MODALS = frozenset({"might", "may", "should", "must", "would", "could"})


def sentence_bounds(text: str, doc: Any | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (from ``doc`` when given)."""
    if doc is not None:
        return [(s.start_char, s.end_char) for s in doc.sents]
    out, pos = [], 0
    for m in _SENT_RE.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _clause(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> str:
    i = max(0, bisect.bisect_right([b[0] for b in bounds], start) - 1)
    s, e = bounds[i] if bounds else (0, len(text))
    return text[s:start] + " " + text[end:e]


def surface_tense(text: str, start: int, end: int, bounds: list[tuple[int, int]]) -> str | None:
    """Tense from surface cues of the sentence around [start, end), without a parser."""
    clause = _clause(text, start, end, bounds)
    fut = len(_FUTURE_CUES.findall(clause))
    past = len(_PAST_CUES.findall(clause))
    if fut and fut >= past:
        return FUTURE
    if past:
        return PAST
    return None


def governing_verb(tok: Any) -> Any | None:
    """The nearest verb or auxiliary at or above ``tok`` in the parse (None beyond 12 hops)."""
    seen = 0
    while seen < 12:
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        seen += 1
    return None


def _verb_tense(verb: Any, depth: int = 0) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "cop")]
    lower = {a.lower_ for a in auxes}
    if lower & _PAST_MODALS and "have" in lower:
        return PAST
    if lower & _MODALS:
        return FUTURE
    if verb.lemma_ in _PLAN_VERBS and "had" not in lower:
        return _plan_tense(verb, depth)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes if a.lower_ != "would"):
        return PAST
    if verb.tag_ == "VBN" and lower & {"has", "have", "had"}:
        return PAST
    if verb.tag_ == "VB" and "to" in lower:
        return _infinitive_tense(verb, depth)
    if verb.lemma_ in _FUTURE_HEADS:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") or lower & {"is", "are", "am"}:
        return PRESENT
    if verb.tag_ == "VBN":
        return PAST
    return None


def _plan_tense(verb: Any, depth: int) -> str | None:
    """Tense of a time governed by a plan verb ("plan", "schedule", "expect", "intend").

    What is planned lies ahead ("plans to open Monday", "planned a rally on Saturday"),
    except that a plan participle modifying a noun ("a service planned for Saturday was
    canceled") takes the tense of the clause around that noun.
    """
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and depth < 4:
        gov = governing_verb(verb.head) if verb.head.i != verb.i else None
        if gov is not None and gov.i != verb.i:
            return _verb_tense(gov, depth + 1) or FUTURE
    return FUTURE


def token_starts(doc: Any) -> list[int]:
    """Char offsets of the tokens of a spaCy Doc (for bisecting an offset to a token)."""
    return [t.idx for t in doc]


def token_at(doc: Any, starts: list[int], pos: int) -> Any:
    """The token of ``doc`` that holds char offset ``pos`` (``starts`` from ``token_starts``)."""
    return doc[max(0, bisect.bisect_right(starts, pos) - 1)]


def _infinitive_tense(verb: Any, depth: int) -> str | None:
    """Tense of an infinitive ("to leave"): after a plan verb it is future; under a past
    perfect ("had been due to expire") past; under a simple past it is future relative to
    a past time, so unknown relative to the document date."""
    head = verb.head
    gov = head.head if head.pos_ == "ADJ" and head.head.i != head.i else head
    if head.i == verb.i or depth >= 4 or gov.pos_ not in ("VERB", "AUX"):
        return FUTURE
    gov_aux = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
    if "had" in gov_aux or gov.lower_ == "had":
        return PAST
    if head.lemma_ in _FUTURE_HEADS or gov.lemma_ in _FUTURE_HEADS or head.lemma_ in _SCHEDULE_HEADS:
        return FUTURE
    return None if _verb_tense(gov, depth + 1) == PAST else FUTURE


def parsed_tense(doc: Any, start: int, starts: list[int] | None = None) -> str | None:
    """Tense of the verb governing the token at char offset ``start`` in a spaCy Doc.

    Args:
        doc: the parsed Doc.
        start: char offset of the time expression.
        starts: ``token_starts(doc)``, passed in to avoid recomputing it per expression.
    """
    starts = starts if starts is not None else token_starts(doc)
    verb = governing_verb(token_at(doc, starts, start))
    return _verb_tense(verb) if verb is not None else None
