"""Coordinated lists of divisions that share one plural head noun: "Becker, Clay and Otter Tail counties",
"Orleans and Jefferson parishes". Each name of such a list names "<name> County" (or Parish), whether or
not the recognizer read it as a place, and whatever town it would name alone ("Douglas", "Grant").
"""
from __future__ import annotations

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.names import key
from wirewatch.places.recognize import SURE, Mention, Tokens

PLURAL_HEADS = {"counties": "county", "parishes": "parish", "boroughs": "borough"}
LIST_GLUE = frozenset({",", "and", "or", "&"})
MAX_NAME_TOKENS = 4  # a list item is a run of at most this many capitalized tokens
MAX_ITEMS = 20


def _items(tok: Tokens, head: int) -> list[tuple[int, int]]:
    """Token ranges of the names listed before a plural head, last first; empty unless there are two
    or more ("Jackson and Barrow counties"), as a single "Barrow counties" is no list."""
    out: list[tuple[int, int]] = []
    j = head - 1
    while j >= 0 and len(out) < MAX_ITEMS:
        end = j + 1
        while j >= 0 and tok.cap(j) and not tok.punct[j] and end - j <= MAX_NAME_TOKENS:
            j -= 1
        if j + 1 == end:
            break
        out.append((j + 1, end))
        if j < 0 or tok.lower[j] not in LIST_GLUE:
            break
        while j >= 0 and tok.lower[j] in LIST_GLUE:
            j -= 1
    return out if len(out) >= 2 else []


def division_lists(tok: Tokens, text: str, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Return the mentions with every name of a "<names> counties" list read as "<name> County".

    Mentions inside a listed name ("Otter" of "Otter Tail") are replaced by the division's; a listed name
    the recognizer missed is added. Names that are no such division in the gazetteer, or that a mention
    runs across, are left as they were.

    Args:
        tok: the document's tokens.
        text: the document text.
        gaz: the gazetteer.
        mentions: recognized mentions in text order.

    Returns:
        Mentions in text order, not overlapping.
    """
    out = list(mentions)
    changed = False
    for h, low in enumerate(tok.lower):
        singular = PLURAL_HEADS.get(low)
        if singular is None:
            continue
        for s, e in _items(tok, h):
            k = f"{key(text[tok.idx[s]:tok.end_char(e - 1)])} {singular}"
            inside = [m for m in out if m.start < e and s < m.end]
            if not gaz.has(k) or any(m.start < s or m.end > e for m in inside):
                continue
            new = Mention(s, e, tok.idx[s], tok.end_char(e - 1), k, any(m.ner for m in inside), SURE, True)
            out = [m for m in out if m not in inside] + [new]
            changed = True
    return sorted(out, key=lambda m: m.start) if changed else mentions
