"""Turning a :class:`~wirewatch.document.Document` into a wirewatch/1 record (a plain dict)."""
from __future__ import annotations

from typing import Any

from wirewatch.document import Claim, Document, Entity, Event, Span

SCHEMA = "wirewatch/1"


def _span(s: Span | None) -> list[int] | None:
    return [s.start, s.end] if s else None


def entity_record(e: Entity) -> dict[str, Any]:
    """The record of one entity."""
    geo = None
    if e.geo is not None:
        geo = {"geonames": e.geo.geonames, "lat": round(e.geo.lat, 5), "lon": round(e.geo.lon, 5), "feature": e.geo.feature}
    return {
        "id": e.id, "name": e.name, "kind": e.kind, "country": e.country, "sector": e.sector, "role": e.role,
        "wikidata": e.wikidata, "geo": geo,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
    }


def claim_record(c: Claim) -> dict[str, Any]:
    """The record of one claim."""
    return {
        "id": c.id, "source": c.source, "source_text": c.source_text, "source_span": _span(c.source_span),
        "via": list(c.via), "anonymous": c.anonymous, "cue": c.cue, "cue_span": _span(c.cue_span),
        "content_span": _span(c.content), "stance": c.stance,
    }


def event_record(v: Event, text: str) -> dict[str, Any]:
    """The record of one event."""
    date = None if v.date is None else {"value": v.date.value, "start": v.date.start, "end": v.date.end}
    return {
        "id": v.id, "type": v.type, "mode": v.mode, "contexts": list(v.contexts), "actors": list(v.actors),
        "recipients": list(v.recipients), "place": v.place, "date": date, "status": v.status,
        "claims": list(v.claims),
        "evidence": {"start": v.evidence.start, "end": v.evidence.end, "text": v.evidence.text_of(text)},
        "confidence": round(v.confidence, 3),
    }


def to_record(doc: Document) -> dict[str, Any]:
    """The wirewatch/1 record of a processed document."""
    dl = doc.dateline
    return {
        "schema": SCHEMA,
        "doc": {
            "id": doc.id, "title": doc.title, "text": doc.text, "language": doc.language,
            "date": doc.date.isoformat() if doc.date else None, "date_source": doc.date_source,
            "agency": doc.agency,
            "dateline": None if dl is None else {"text": dl.text, "start": dl.start, "end": dl.end, "places": list(dl.places)},
            "url": doc.url,
            "author": doc.author,
            "headings": [{"start": h.start, "end": h.end, "text": h.text_of(doc.text)} for h in doc.headings],
            "furniture": [{"start": f.span.start, "end": f.span.end, "kind": f.kind, "text": f.span.text_of(doc.text)}
                          for f in doc.furniture],
        },
        "entities": [entity_record(e) for e in doc.entities],
        "times": [{"id": t.id, "start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                  for t in doc.times],
        "claims": [claim_record(c) for c in doc.claims],
        "events": [event_record(v, doc.text) for v in doc.events],
    }
