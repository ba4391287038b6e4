"""The document being built as it passes through the pipeline.

Each stage reads some fields of a :class:`Document` and fills others (see
``wirewatch.pipeline.registry`` for who needs and provides what). ``wirewatch.record``
turns a finished document into a wirewatch/1 record.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Span:
    """A ``[start, end)`` character span of the document text."""

    start: int
    end: int

    def text_of(self, text: str) -> str:
        """The covered text."""
        return text[self.start:self.end]


@dataclass(frozen=True)
class Furniture:
    """A line of wire copy that is not the report: a photo caption, the staff credits, the
    byline, a related-coverage link or a notice (``kind``: caption | credit | byline | link |
    notice; ``ingest.structure.furniture_kind``)."""

    span: Span
    kind: str


@dataclass
class Mention:
    """One mention of an entity."""

    start: int
    end: int
    text: str
    label: str | None = None  # what found it: PERSON, ORG, GPE, KB, DESC, ...


@dataclass
class Geo:
    """Where a place entity is, in GeoNames terms."""

    geonames: int | None
    lat: float
    lon: float
    feature: str  # country | admin | region | city | water | landmark | other
    # a national capital, which may stand for its government ("Moscow said"); known where the
    # places stage resolved it, not written to the record
    seat: bool = False


@dataclass
class Entity:
    """A real-world actor, organization or place with all its mentions in the document."""

    id: str
    name: str
    kind: str  # person | organization | media | country | place | group | facility | other
    mentions: list[Mention] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    wikidata: str | None = None
    geo: Geo | None = None

    def add(self, mention: Mention) -> None:
        """Add a mention unless an identical span is already there."""
        if not any(m.start == mention.start and m.end == mention.end for m in self.mentions):
            self.mentions.append(mention)
            self.mentions.sort(key=lambda m: m.start)


@dataclass
class Timex:
    """A normalized time expression (TimeML TIMEX3)."""

    id: str
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Claim:
    """An attribution: who says what, through whom, how sure."""

    id: str
    content: Span
    stance: str
    cue: str | None = None
    cue_span: Span | None = None
    source: str | None = None  # entity id
    source_text: str | None = None
    source_span: Span | None = None
    via: list[str] = field(default_factory=list)
    anonymous: bool = False


@dataclass
class EventDate:
    """A TIMEX3 value and the calendar interval it covers."""

    value: str
    start: str | None
    end: str | None


@dataclass
class Event:
    """A PLOVER event."""

    id: str
    type: str
    evidence: Span
    status: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    place: str | None = None
    date: EventDate | None = None
    claims: list[str] = field(default_factory=list)
    confidence: float = 0.5
    trigger: Span | None = None


@dataclass
class Dateline:
    """The wire dateline, e.g. ``Moscow/Seoul, Sep 11 (EFE).-``."""

    text: str
    start: int
    end: int
    place_spans: list[Span] = field(default_factory=list)
    agency: str | None = None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    places: list[str] = field(default_factory=list)  # entity ids, filled by the places stage


@dataclass
class Document:
    """A news document and everything the pipeline has found in it so far."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | None = None
    date_source: str | None = None
    url: str | None = None
    author: str | None = None
    language: str = "en"
    origin: str = ""  # where it came from, for messages: "in.jsonl line 12"
    agency: str | None = None
    dateline: Dateline | None = None
    headings: list[Span] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    title_span: Span | None = None
    spacy_doc: Any = None
    entities: list[Entity] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    done: list[str] = field(default_factory=list)  # names of the stages that ran

    @property
    def unreported(self) -> list[Span]:
        """The lines no entity or event is read from: section headings and wire furniture."""
        return self.headings + [f.span for f in self.furniture]

    def in_furniture(self, pos: int) -> bool:
        """Whether the character at ``pos`` lies on a line of wire furniture."""
        return any(f.span.start <= pos < f.span.end for f in self.furniture)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def new_entity_id(self) -> str:
        """A fresh entity id (``e1``, ``e2``, ...)."""
        used = {e.id for e in self.entities}
        n = len(used) + 1
        while f"e{n}" in used:
            n += 1
        return f"e{n}"

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)`` most, or None."""
        best, best_overlap = None, 0
        for e in self.entities:
            for m in e.mentions:
                ov = min(end, m.end) - max(start, m.start)
                if ov > best_overlap:
                    best, best_overlap = e, ov
        return best
