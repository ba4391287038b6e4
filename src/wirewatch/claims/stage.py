"""The claims stage: attributions with their sources linked to entities."""
from __future__ import annotations

import re

from wirewatch.document import Claim, Document, Entity, Span
from wirewatch.pipeline.registry import stage

_MEDIA_ANAPHOR = re.compile(r"^(?:that|the|this)\s+(?:newspaper|paper|daily|agency|news agency|outlet|broadcaster|"
                            r"network|channel|magazine|publication|report)$", re.I)
_PERSON_PRONOUN = re.compile(r"^(?:he|she|him|her)$", re.I)


@stage("claims", requires=("spacy_doc", "entities", "places"), provides=("claims",))
def run(doc: Document, ctx) -> None:  # type: ignore[no-untyped-def]
    """Extract the attributions and link their sources and relays to entities."""
    from wirewatch.claims.extractor import extract_claims

    for i, c in enumerate(extract_claims(doc.spacy_doc), start=1):
        src = Span(*c.source) if c.source else None
        claim = Claim(
            id=f"c{i}", content=Span(*c.content), stance=c.stance,
            cue=doc.text[c.cue[0]:c.cue[1]] if c.cue else None, cue_span=Span(*c.cue) if c.cue else None,
            source_span=src, source_text=src.text_of(doc.text) if src else None, anonymous=c.anonymous,
        )
        if src is not None:
            ent = source_entity(doc, src)
            claim.source = ent.id if ent else None
        for v in c.via:
            ent = source_entity(doc, Span(*v))
            if ent is not None and ent.id != claim.source and ent.id not in claim.via:
                claim.via.append(ent.id)
        doc.claims.append(claim)


def source_entity(doc: Document, span: Span) -> Entity | None:
    """The entity a source span names: by mention overlap, else an anaphor ("that newspaper",
    "he") resolved to the nearest earlier entity of the right kind."""
    ent = _covering(doc, span)
    if ent is not None:
        return ent
    text = span.text_of(doc.text).strip()
    if _MEDIA_ANAPHOR.match(text):
        return _nearest_before(doc, span.start, {"media"})
    if _PERSON_PRONOUN.match(text):
        return _nearest_before(doc, span.start, {"person"})
    return None


def _covering(doc: Document, span: Span) -> Entity | None:
    """The entity whose mention covers most of the span's head (its last words)."""
    best, best_key = None, (0, 0)
    for e in doc.entities:
        for m in e.mentions:
            ov = min(span.end, m.end) - max(span.start, m.start)
            if ov <= 0:
                continue
            key = (m.end == span.end or e.kind == "group", ov)
            if key > best_key:
                best, best_key = e, key
    return best


def _nearest_before(doc: Document, pos: int, kinds: set[str]) -> Entity | None:
    best, best_at = None, -1
    for e in doc.entities:
        if e.kind not in kinds:
            continue
        for m in e.mentions:
            if best_at < m.start < pos:
                best, best_at = e, m.start
    return best
