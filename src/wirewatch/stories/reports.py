"""Reports: the events of wirewatch/1 records, read into what story merging compares.

A :class:`Report` is one event of one document with its parties resolved to entities, its
date as a calendar interval, the window in which the act can lie, its originators and the
content words of its evidence. Only fields of the record contract (RECORD.md) are read.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from wirewatch.stories.errors import RecordError

SCHEMA = "wirewatch/1"
PLANNED = frozenset({"planned", "expected", "possible"})
# How far from the publication date an undated act can lie: back for what happened, ahead
# for what is announced. News reports acts of the last days and announces the next weeks.
PAST_DAYS, FUTURE_DAYS = 30, 90
# A date interval wider than this says too little to place the act (a year, a season).
VAGUE_DAYS = 31

# Claim stances ranked by how well they support an event (a principal confirming first).
STANCE_RANK = {"confirmed": 5, "asserted": 4, "reported": 3, "alleged": 2, "expected": 1, "speculated": 1, "denied": 0}
# The rank of an event the document asserts itself (no claim): the agency's own reporting.
OWN_RANK = 3

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""a an and are as at be been but by for from had has have he her his in into is it its
of on or said says say that the their them they this to was were which while who will with would after
before over than then there these those also about against not no more most other such""".split())


@dataclass(frozen=True)
class Party:
    """An actor or recipient: an entity of the record, reduced to what identifies it."""

    name: str
    kind: str
    country: str | None
    sector: str | None
    wikidata: str | None

    @property
    def key(self) -> str:
        """Identity across documents: the knowledge-base id, else the normalized name."""
        return self.wikidata or "n:" + " ".join(_WORD.findall(self.name.lower()))

    @property
    def role(self) -> str | None:
        """Country and sector ("RUS:GOV"), when both are known."""
        return f"{self.country}:{self.sector}" if self.country and self.sector else None

    @property
    def named(self) -> bool:
        """A person, body or group (not a bare country): its identity says more than its country."""
        return self.kind not in ("country", "place")


@dataclass(frozen=True)
class Place:
    """Where an event happens."""

    name: str
    geonames: int | None
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None


@dataclass
class Report:
    """One event of one document, ready to compare with events of other documents."""

    doc: str
    event: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    place: Place | None
    date: dict[str, Any] | None
    start: dt.date | None
    end: dt.date | None
    status: str
    published: dt.date | None
    agency: str | None
    claims: tuple[str, ...]
    evidence: str
    confidence: float
    originators: tuple[str, ...]
    stance: int
    headline: bool = False
    tokens: frozenset[str] = field(default_factory=frozenset)
    window: tuple[dt.date, dt.date] | None = None

    # What the parties say, derived once (compared many times by the clustering):
    # countries: country codes (and IGO/NGO) of all parties; side_countries: those of the parties
    # that are not places (a place may be the venue, not a side); actor_countries and
    # recipient_countries; keys and words: the identities of the named parties (see
    # identity_keys); roles: "RUS:GOV" of each named party, whom a body can speak for;
    # body_roles: those of the named bodies and groups ("the Kremlin" may stand for Putin).
    countries: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    side_countries: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    actor_countries: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    recipient_countries: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    keys: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    words: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    roles: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())
    body_roles: frozenset[str] = field(init=False, repr=False, compare=False, default=frozenset())

    def __post_init__(self) -> None:
        parties = self.actors + self.recipients
        self.countries = _shared(party_codes(parties))
        self.side_countries = _shared(party_codes(p for p in parties if p.kind != "place"))
        self.actor_countries = _shared(frozenset(p.country for p in self.actors if p.country))
        self.recipient_countries = _shared(frozenset(p.country for p in self.recipients if p.country))
        keys, words = identity_keys(parties)
        self.keys, self.words = _shared(keys), _shared(words)
        self.roles = _shared(frozenset(r for p in parties if p.named and (r := p.role)))
        self.body_roles = _shared(frozenset(r for p in parties if p.named and p.kind != "person" and (r := p.role)))
        if not self.tokens:
            self.tokens = evidence_tokens(self.evidence)
        if self.window is None:
            self.window = act_window(self.start, self.end, self.status, self.published)

    @property
    def day_precise(self) -> bool:
        """The report dates the act to one calendar day."""
        return self.start is not None and self.start == self.end

    @property
    def ref(self) -> tuple[str, str]:
        """(document id, event id)."""
        return self.doc, self.event


def identity_keys(parties: Iterable[Party]) -> tuple[frozenset[str], frozenset[str]]:
    """(keys, words) of the named parties, so that "Putin" is "Vladimir Putin" of the same country.

    ``keys``: each party's :attr:`Party.key`, and for a one-word name "w:RUS:putin"; ``words``:
    "w:RUS:vladimir", "w:RUS:putin" for a longer name. Two parties are one when their keys meet,
    or one's one-word alias is a word of the other's name (two longer names sharing a word, as
    "Kim Jong Un" and "Kim Yo Jong", are not).
    """
    keys: set[str] = set()
    words: set[str] = set()
    for p in parties:
        if not p.named:
            continue
        keys.add(p.key)
        toks = _name_words(p.name)
        if not p.country or not toks:
            continue
        if len(toks) == 1 and not p.wikidata:
            keys.add(f"w:{p.country}:{toks[0]}")
        else:
            words.update(f"w:{p.country}:{t}" for t in toks)
    return frozenset(keys), frozenset(words)


_SETS: dict[frozenset[str], frozenset[str]] = {}


def _shared(s: frozenset[str]) -> frozenset[str]:
    """One copy of each distinct set (most reports name the same few parties): memory at 100,000 reports."""
    if len(_SETS) > 1_000_000:
        _SETS.clear()
    return _SETS.setdefault(s, s)


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w for w in _WORD.findall(name.lower()) if len(w) > 2 and w not in _STOP)


def party_codes(parties: Iterable[Party]) -> frozenset[str]:
    """Country codes of parties, plus IGO/NGO for international bodies without a country."""
    out = set()
    for p in parties:
        if p.country:
            out.add(p.country.upper())
        elif p.sector in ("IGO", "NGO"):
            out.add(p.sector)
    return frozenset(out)


def evidence_tokens(text: str) -> frozenset[str]:
    """Content words of an evidence text, lower-cased, with a crude plural/past folding."""
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in _STOP or len(w) < 3:
            continue
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.add(w)
    return frozenset(out)


def parse_day(value: Any) -> dt.date | None:
    """The calendar day of an ISO date string (its first ten characters), or None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def value_interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The calendar interval of a TIMEX3 value: 2023-09-13, 2023-09, 2023, 2023-W37 (else None)."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(W\d\d|\d\d)(?:-(\d\d))?)?", value)
    if not m:
        return None
    try:
        y = int(m.group(1))
        if m.group(3):
            d = dt.date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2) and m.group(2).startswith("W"):
            s = dt.date.fromisocalendar(y, int(m.group(2)[1:]), 1)
            return s, s + dt.timedelta(days=6)
        if m.group(2):
            mo = int(m.group(2))
            nxt = dt.date(y + (mo == 12), mo % 12 + 1, 1)
            return dt.date(y, mo, 1), nxt - dt.timedelta(days=1)
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError:
        return None


def act_window(start: dt.date | None, end: dt.date | None, status: str,
               published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The interval in which the act can lie: its date when precise, else bounded by publication.

    What happened lies before publication, what is announced after it; a vague or missing
    date is narrowed to that span (and a vague date that misses it is ignored), and a week or
    a month to its part on that side of publication ("in June" published on 17 June: 1-17 June
    for what occurred, 17-30 June for what is planned).
    """
    if start and end and (end - start).days <= VAGUE_DAYS:
        return _clip(start, end, status, published)
    if published is None:
        return (start, end) if start and end else None
    if status in PLANNED:
        lo, hi = published, published + dt.timedelta(days=FUTURE_DAYS)
    else:
        lo, hi = published - dt.timedelta(days=PAST_DAYS), published
    if start and end and start <= hi and lo <= end:
        return max(lo, start), min(hi, end)
    return lo, hi


def _clip(start: dt.date, end: dt.date, status: str, published: dt.date | None) -> tuple[dt.date, dt.date]:
    if published is None or not start < published < end:
        return start, end
    if status in PLANNED:
        return published, end
    return (start, published) if status == "occurred" else (start, end)


class RecordReader:
    """Reads the events of one record into reports, checking the record as it goes."""

    def __init__(self, record: Any, origin: str) -> None:
        self.origin = origin
        if not isinstance(record, dict):
            raise RecordError(origin, "not a JSON object (expected a wirewatch/1 record)")
        doc = record.get("doc") if isinstance(record.get("doc"), dict) else None
        self.doc_id = str(doc.get("id")) if doc and doc.get("id") is not None else None
        schema = record.get("schema")
        if schema != SCHEMA:
            raise RecordError(origin, f"schema {schema!r} is not {SCHEMA!r}; re-extract it with this wirewatch "
                              "(`wirewatch extract`)", self.doc_id)
        if doc is None or self.doc_id is None:
            raise RecordError(origin, "no doc.id (expected a wirewatch/1 record)")
        self.rec, self.doc = record, doc
        self.entities = {e["id"]: e for e in record.get("entities") or [] if isinstance(e, dict) and "id" in e}
        self.claims = {c["id"]: c for c in record.get("claims") or [] if isinstance(c, dict) and "id" in c}
        self.published = parse_day(doc.get("date"))
        title = doc.get("title") or ""
        text = doc.get("text") or ""
        self.title_end = len(title) if title and text.startswith(title) else 0

    def _entity(self, eid: Any, event_id: str) -> dict[str, Any]:
        ent = self.entities.get(eid)
        if ent is None:
            raise RecordError(self.origin, f"event {event_id} references entity {eid!r}, which the record does not "
                              "have; the record is damaged (re-extract the document)", self.doc_id)
        return ent

    def _party(self, eid: Any, event_id: str) -> Party:
        e = self._entity(eid, event_id)
        return Party(str(e.get("name") or eid), str(e.get("kind") or "other"), e.get("country"), e.get("sector"),
                     e.get("wikidata"))

    def _place(self, eid: Any, event_id: str) -> Place | None:
        if eid is None:
            return None
        e = self._entity(eid, event_id)
        geo = e.get("geo") or {}
        return Place(str(e.get("name") or eid), geo.get("geonames"), geo.get("lat"), geo.get("lon"), e.get("country"),
                     geo.get("feature"))

    def _place_id(self, v: dict[str, Any]) -> Any:
        """The event's place; else a place it names as a party ("Hanoi will host the summit", a visit to
        Moscow): a place standing for its host is where the act happens."""
        if v.get("place") is not None:
            return v["place"]
        for eid in list(v.get("actors") or []) + list(v.get("recipients") or []):
            ent = self.entities.get(eid)
            if ent is not None and ent.get("kind") == "place":
                return eid
        return None

    def _claim(self, cid: Any, event_id: str) -> dict[str, Any]:
        c = self.claims.get(cid)
        if c is None:
            raise RecordError(self.origin, f"event {event_id} references claim {cid!r}, which the record does not "
                              "have; the record is damaged (re-extract the document)", self.doc_id)
        return c

    def originator(self, claim: dict[str, Any] | None, event_id: str) -> str:
        """Who originated what a claim carries: its named source, else its innermost relay, else the agency."""
        if claim is not None:
            src = claim.get("source")
            if src is not None and not claim.get("anonymous"):
                return str(self._entity(src, event_id).get("name") or src)
            via = claim.get("via") or []
            if via:
                return str(self._entity(via[-1], event_id).get("name") or via[-1])
        return str(self.doc.get("agency") or f"doc {self.doc_id}")

    def reports(self) -> Iterator[Report]:
        """The record's events as reports.

        Raises:
            RecordError: an event is malformed or references what the record lacks.
        """
        for v in self.rec.get("events") or []:
            try:
                yield self._report(v)
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                vid = v.get("id") if isinstance(v, dict) else "?"
                raise RecordError(self.origin, f"event {vid} is malformed ({type(exc).__name__}: {exc}); "
                                  "expected a wirewatch/1 event", self.doc_id) from exc

    def _report(self, v: dict[str, Any]) -> Report:
        vid = str(v["id"])
        claims = [self._claim(c, vid) for c in v.get("claims") or []]
        date = v.get("date") or None
        start = end = None
        if date:
            start, end = parse_day(date.get("start")), parse_day(date.get("end"))
            if start is None or end is None:
                start, end = value_interval(date.get("value")) or (None, None)
        stance = max((STANCE_RANK.get(str(c.get("stance")), 2) for c in claims), default=OWN_RANK)
        ev = v.get("evidence") or {}
        origins = tuple(dict.fromkeys(self.originator(c, vid) for c in claims)) or (self.originator(None, vid),)
        return Report(
            doc=self.doc_id or "", event=vid, type=str(v["type"]).upper(), mode=v.get("mode"),
            contexts=tuple(v.get("contexts") or ()),
            actors=tuple(self._party(e, vid) for e in v.get("actors") or []),
            recipients=tuple(self._party(e, vid) for e in v.get("recipients") or []),
            place=self._place(self._place_id(v), vid), date=date, start=start, end=end, status=str(v["status"]),
            published=self.published, agency=self.doc.get("agency"), claims=tuple(str(c["id"]) for c in claims),
            evidence=str(ev.get("text") or ""), confidence=float(v.get("confidence") or 0.0), originators=origins,
            stance=stance, headline=bool(self.title_end and int(ev.get("start", 10**9)) < self.title_end))


def read_reports(record: Any, origin: str) -> list[Report]:
    """All reports of one record, or a :class:`RecordError` naming it (nothing partial)."""
    return list(RecordReader(record, origin).reports())


def report_to_json(r: Report) -> dict[str, Any]:
    """A report as plain JSON (to keep it in the store beside its story)."""
    return {
        "doc": r.doc, "event": r.event, "type": r.type, "mode": r.mode, "contexts": list(r.contexts),
        "actors": [_party_json(p) for p in r.actors], "recipients": [_party_json(p) for p in r.recipients],
        "place": None if r.place is None else [r.place.name, r.place.geonames, r.place.lat, r.place.lon,
                                               r.place.country, r.place.feature],
        "date": r.date, "start": _iso(r.start), "end": _iso(r.end), "status": r.status, "published": _iso(r.published),
        "agency": r.agency, "claims": list(r.claims), "evidence": r.evidence, "confidence": r.confidence,
        "originators": list(r.originators), "stance": r.stance, "headline": r.headline, "tokens": sorted(r.tokens),
    }


def report_from_json(d: dict[str, Any]) -> Report:
    """The report that :func:`report_to_json` wrote."""
    place = d.get("place")
    return Report(
        doc=d["doc"], event=d["event"], type=d["type"], mode=d.get("mode"), contexts=tuple(d.get("contexts") or ()),
        actors=tuple(Party(*p) for p in d["actors"]), recipients=tuple(Party(*p) for p in d["recipients"]),
        place=Place(*place) if place else None, date=d.get("date"), start=parse_day(d.get("start")),
        end=parse_day(d.get("end")), status=d["status"], published=parse_day(d.get("published")),
        agency=d.get("agency"), claims=tuple(d.get("claims") or ()), evidence=d.get("evidence") or "",
        confidence=float(d.get("confidence") or 0.0), originators=tuple(d.get("originators") or ()),
        stance=int(d.get("stance") or 0), headline=bool(d.get("headline")),
        tokens=frozenset(d["tokens"]) if "tokens" in d else frozenset())


def _party_json(p: Party) -> list[Any]:
    return [p.name, p.kind, p.country, p.sector, p.wikidata]


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None
