"""A story event (wirewatch-story/1) from its reports: parties, date, status, sources, conflicts."""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from wirewatch.stories.reports import PLANNED, Party, Report
from wirewatch.stories.similarity import day_gap, same_place

SCHEMA = "wirewatch-story/1"
_ACRONYM_WORDS = frozenset({"of", "the", "and", "for"})


def _party_dict(p: Party) -> dict[str, Any]:
    out: dict[str, Any] = {"name": p.name, "country": p.country, "sector": p.sector}
    if p.wikidata:
        out["wikidata"] = p.wikidata
    return out


def merged_parties(groups: Iterable[tuple[Party, ...]]) -> list[dict[str, Any]]:
    """The parties of all reports, one per identity, most often named first."""
    count: Counter[str] = Counter()
    first: dict[str, Party] = {}
    for parties in groups:
        for p in parties:
            count[p.key] += 1
            first.setdefault(p.key, p)
    same: dict[str, str] = {}
    for k, p in first.items():   # "Trump" is "Donald Trump" of the same country when no knowledge-base id says
        words = set(_key(p.name).split())
        fuller = [q for q in first.values() if q.key != k and q.country == p.country and not p.wikidata
                  and words < set(_key(q.name).split())]
        if words and fuller:
            same[k] = max(fuller, key=lambda q: count[q.key]).key
    for k, target in same.items():
        count[same.get(target, target)] += count.pop(k)
    return [_party_dict(first[k]) for k, _ in count.most_common()]


def _key(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", name.lower())
    return " ".join(w for w in words if w not in ("the", "state", "official", "news", "agency", "media"))


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in _ACRONYM_WORDS]
    return "".join(w[0] for w in words).lower() if len(words) > 1 else ""


def independent_sources(names: Iterable[str]) -> list[str]:
    """Originators with relays and spellings of one source counted once ("KCNA" = "Korean Central News Agency")."""
    out: list[str] = []
    keys: list[set[str]] = []
    for name in names:
        k = {_key(name)} | ({_acronym(name)} if _acronym(name) else set())
        k |= {w.lower() for w in re.findall(r"\b[A-Z]{3,}\b", name)}
        hit = next((i for i, ks in enumerate(keys) if ks & k), None)
        if hit is None:
            out.append(name)
            keys.append(k)
        else:
            keys[hit] |= k
    return out


def story_status(reports: list[Report]) -> str:
    """What the reports support now: latest first, then best-sourced, then most independent originators."""
    support: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        support[r.status].update(r.originators)

    def rank(r: Report) -> tuple[str, int, int, float]:
        return (str(r.published or ""), r.stance, len(support[r.status]), r.confidence)
    return max(reports, key=rank).status


def story_date(reports: list[Report]) -> dict[str, Any] | None:
    """The date most reports give, those of the act as done (not announced) first, day-precise first."""
    dated = [r for r in reports if r.date and r.start and r.end]
    if not dated:
        return None
    done = [r for r in dated if r.status not in PLANNED] or dated
    votes: Counter[tuple[dt.date, dt.date]] = Counter((r.start, r.end) for r in done if r.start and r.end)
    (start, end), _ = max(votes.items(), key=lambda kv: (kv[1], kv[0][0] == kv[0][1], -(kv[0][1] - kv[0][0]).days))
    value = next(r.date.get("value") for r in done if (r.start, r.end) == (start, end) and r.date)
    return {"value": value, "start": start.isoformat(), "end": end.isoformat()}


def story_place(reports: list[Report]) -> dict[str, Any] | None:
    """The place most reports give (finer features first among equals)."""
    places = [r.place for r in reports if r.place]
    if not places:
        return None
    votes = Counter(p.geonames or p.name for p in places)
    best = max(places, key=lambda p: (votes[p.geonames or p.name], p.feature not in ("country", "admin")))
    return {"name": best.name, "geonames": best.geonames, "lat": best.lat, "lon": best.lon, "country": best.country}


def conflicts(reports: list[Report]) -> list[dict[str, Any]]:
    """Where reports disagree: date, place, status and parties, each with which documents say what."""
    out = []
    dated = [r for r in reports if r.date and r.window and r.status not in PLANNED]
    if any(day_gap(a, b) for a in dated for b in dated):
        out.append(_values("date", ((str((r.date or {}).get("value")), r.doc) for r in dated)))
    placed = [r for r in reports if r.place]
    if any(not same_place(a.place, b.place) and a.place and b.place and a.place.country != b.place.country
           for a in placed for b in placed):
        out.append(_values("place", ((r.place.name, r.doc) for r in placed if r.place)))
    out += _status_conflict(reports)
    actors = [r for r in reports if r.actors]
    if len({frozenset(p.country for p in r.actors if p.country) - {None} for r in actors} - {frozenset()}) > 1:
        out.append(_values("actors", ((", ".join(sorted({p.country or p.name for p in r.actors})), r.doc)
                                      for r in actors)))
    return out


def _status_conflict(reports: list[Report]) -> list[dict[str, Any]]:
    """Reports that, knowing the same (published on or after the act), say different things happened."""
    starts = [r.start for r in reports if r.start and r.status not in PLANNED]
    act = min(starts) if starts else None
    told = [r for r in reports if act is None or (r.published and r.published >= act)]
    said = {"occurred" if r.status == "ongoing" else r.status for r in told}
    if len(said) < 2 or said <= {"planned", "expected", "possible"}:
        return []
    return [_values("status", ((r.status, r.doc) for r in told))]


def _values(name: str, pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    values: dict[str, list[str]] = defaultdict(list)
    for value, doc in pairs:
        if doc not in values[value]:
            values[value].append(doc)
    return {"field": name, "values": dict(sorted(values.items()))}


def report_dict(r: Report) -> dict[str, Any]:
    """One report of a story, as the contract lists it."""
    return {"doc": r.doc, "event": r.event, "published": r.published.isoformat() if r.published else None,
            "status": r.status, "date": r.date, "agency": r.agency, "claims": list(r.claims),
            "originators": list(r.originators), "evidence": r.evidence}


def story_record(story_id: str, reports: list[Report]) -> dict[str, Any]:
    """The wirewatch-story/1 record of a story's reports."""
    reports = sorted(reports, key=lambda r: (str(r.published or ""), r.doc, r.event))
    modes = Counter(r.mode for r in reports if r.mode)
    published = [r.published for r in reports if r.published]
    return {
        "schema": SCHEMA, "id": story_id, "type": reports[0].type,
        "mode": modes.most_common(1)[0][0] if modes else None,
        "contexts": sorted({c for r in reports for c in r.contexts}),
        "actors": merged_parties(r.actors for r in reports),
        "recipients": merged_parties(r.recipients for r in reports),
        "place": story_place(reports), "date": story_date(reports), "status": story_status(reports),
        "reports": [report_dict(r) for r in reports],
        "sources": independent_sources(o for r in reports for o in r.originators),
        "first_reported": min(published).isoformat() if published else None,
        "conflicts": conflicts(reports),
    }
