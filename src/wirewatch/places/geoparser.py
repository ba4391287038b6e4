"""Geoparser: every place mention of a parsed document, resolved to a gazetteer place in context.

Public API: :func:`geoparse`, :class:`PlaceMatch`, and re-exports :class:`Place`, :class:`Gazetteer` and
:func:`country_of_adjective`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from wirewatch.places.demonyms import country_of_adjective
from wirewatch.places.gazetteer import Gazetteer, Place
from wirewatch.places.lists import division_lists
from wirewatch.places.recognize import ENTITY, PERSON, SCAN, SURE, Mention, Recognizer, Tokens
from wirewatch.places.resolve import Resolver

__all__ = ["Gazetteer", "Place", "PlaceMatch", "country_of_adjective", "geoparse"]

CAPITAL_WORDS = frozenset({"capital"})
DESCRIPTION_CONFIDENCE = 0.8
RECOGNITION_CONFIDENCE = {SURE: 1.0, ENTITY: 0.8, PERSON: 0.7, SCAN: 0.7}


@dataclass(frozen=True)
class PlaceMatch:
    """A place mention: character span in the document text, the place, and a confidence in [0, 1]."""

    start: int
    end: int
    text: str
    place: Place
    confidence: float


def geoparse(doc: Doc, gazetteer: Gazetteer, *, focus: list[Place] | None = None,
             demonyms: bool = False, dateline: Sequence[tuple[int, int]] = ()) -> list[PlaceMatch]:
    """Return every place mention in the document, resolved in context.

    Nationality adjectives ("North Korean") are not places (see :func:`country_of_adjective`) unless
    ``demonyms`` is set; a description "the <adjective> capital" is resolved to that country's capital.

    Args:
        doc: a spaCy document with tags and entities.
        gazetteer: the loaded gazetteer.
        focus: places the caller already knows (e.g. the dateline's), used as context.
        demonyms: also return nationality adjectives and demonyms that spaCy tags as entities ("Russian",
            "Palestinians") as mentions of their country, as some geoparsing corpora (LGL) annotate them.
        dateline: character spans of the wire dateline's places: a name given there alone is read as
            the place best known by it (see ``Resolver.resolve``).

    Returns:
        Matches in text order.
    """
    text = doc.text
    recognizer = Recognizer(doc, gazetteer, text, dateline)
    mentions = division_lists(recognizer.tok, text, gazetteer, recognizer.mentions())
    chosen = Resolver(gazetteer, focus).resolve(text, mentions, dateline)
    out = [_match(text, m, *chosen[m.key]) for m in mentions if m.key in chosen]
    out.extend(_capital_descriptions(recognizer.tok, text, gazetteer, mentions))
    if demonyms:
        out.extend(_demonym_matches(doc, gazetteer, out))
    out.sort(key=lambda m: m.start)
    return out


def _match(text: str, m: Mention, place: Place, confidence: float) -> PlaceMatch:
    """The match of a mention; weakly recognized mentions get a lower confidence."""
    conf = round(confidence * RECOGNITION_CONFIDENCE[m.weak], 3)
    return PlaceMatch(m.start_char, m.end_char, text[m.start_char:m.end_char], place, conf)


def _capital_descriptions(tok: Tokens, text: str, gaz: Gazetteer, mentions: list[Mention]) -> list[PlaceMatch]:
    """Matches for "the <adjective> capital" ("the North Korean capital" -> Pyongyang)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    out = []
    for i, low in enumerate(tok.lower):
        if low not in CAPITAL_WORDS or i in taken or i < 2:
            continue
        for width in (2, 1):
            s = i - width
            if s < 1 or tok.lower[s - 1] != "the":
                continue
            iso3 = country_of_adjective(text[tok.idx[s]:tok.end_char(i - 1)])
            place = gaz.capital(iso3) if iso3 else None
            if place is not None:
                start, end = tok.idx[s - 1], tok.end_char(i)
                out.append(PlaceMatch(start, end, text[start:end], place, DESCRIPTION_CONFIDENCE))
                break
    return out


def _demonym_matches(doc: Doc, gaz: Gazetteer, taken: list[PlaceMatch]) -> list[PlaceMatch]:
    """Country matches for NORP (or mis-tagged GPE) entities that are nationality adjectives or demonyms."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("NORP", "GPE") or any(m.start < ent.end_char and ent.start_char < m.end for m in taken):
            continue
        iso3 = country_of_adjective(ent.text)
        place = gaz.country(iso3) if iso3 else None
        if place is not None:
            out.append(PlaceMatch(ent.start_char, ent.end_char, ent.text, place, DESCRIPTION_CONFIDENCE))
    return out
