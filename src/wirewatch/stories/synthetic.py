"""Synthetic wirewatch/1 records of known real-world events, for the benchmark and the tests.

Each world event (type, actor and recipient, place, day) is told by one to eight documents
published from a week before to a week after it: before, as planned; after, as occurred. The
reports vary as wire copy does: the date given exactly, as a month or not at all, once in a
while a day off; the parties named as people, as countries, one side only, or the other way
round; the place as the city or its country; the wording of the evidence partly shared; the
news relayed from the actor's state agency or told by the outlet itself. Leaders meet again
on other days, so same-party, same-type acts on other dates are there to be kept apart.
Nothing here is taken from the dev stories.
"""
from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

TYPES = ("CONSULT", "AGREE", "ACCUSE", "THREATEN", "REQUEST", "SUPPORT", "SANCTION", "ASSAULT")
AGENCIES = tuple(f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST")
# Words any report may use, and the names and topics particular to one event (pseudo-words,
# as many as a year of news has proper names and topics).
_WORDS = ("talks summit border trade deal nuclear missile pact troops ceasefire envoy visit pledge warning sanctions "
          "grain energy pipeline embassy treaty port drill election rally strike convoy aid loan tariff").split()
_TOPICS = tuple(a + b + c for a in ("ba", "ko", "mi", "te", "ru", "sa", "lo", "ve", "di", "ne")
                for b in ("ran", "lek", "mor", "vin", "tas", "pul", "dor", "gem", "hal", "zun")
                for c in ("a", "o", "ik", "ev", "um", "is", "ar", "en", "ot", "ul"))


@dataclass(frozen=True)
class WorldEvent:
    """A real-world event that the synthetic documents report."""

    id: str
    type: str
    actor: int
    recipient: int
    day: dt.date
    words: tuple[str, ...]


def _country(i: int) -> dict[str, Any]:
    return {"code": f"C{i:02d}", "name": f"Country {i}", "leader": f"Leader {i}", "qid": f"Q{1000 + i}",
            "agency": f"State Agency {i}", "city": f"City {i}", "lat": -60 + (i * 37) % 120, "lon": -170 + (i * 53) % 340}


def world_events(n: int, rng: random.Random, countries: int = 40, start: dt.date = dt.date(2024, 1, 1)) -> list[WorldEvent]:
    """``n`` world events between a limited set of pairs (so the same leaders act again on other days)."""
    pairs = [(rng.randrange(countries), rng.randrange(countries)) for _ in range(max(1, n // 6))]
    out = []
    for i in range(n):
        a, b = rng.choice(pairs)
        if a == b:
            b = (b + 1) % countries
        out.append(WorldEvent(f"w{i}", rng.choice(TYPES), a, b, start + dt.timedelta(days=rng.randrange(365)),
                              tuple(rng.sample(_TOPICS, 3) + rng.sample(_WORDS, 3))))
    return out


class _Doc:
    """One synthetic record being built."""

    def __init__(self, doc_id: str, published: dt.date, agency: str) -> None:
        self.rec: dict[str, Any] = {
            "schema": "wirewatch/1",
            "doc": {"id": doc_id, "title": None, "text": "", "language": "en", "date": published.isoformat(),
                    "date_source": "metadata", "agency": agency, "dateline": None, "url": None},
            "entities": [], "times": [], "claims": [], "events": []}
        self._ents: dict[str, str] = {}

    def entity(self, name: str, kind: str, country: str, wikidata: str | None = None,
               geo: dict[str, Any] | None = None) -> str:
        if name not in self._ents:
            eid = f"e{len(self._ents) + 1}"
            self._ents[name] = eid
            self.rec["entities"].append({"id": eid, "name": name, "kind": kind, "country": country,
                                         "sector": "GOV" if kind != "place" else None, "role": None,
                                         "wikidata": wikidata, "geo": geo, "mentions": []})
        return self._ents[name]


def _party(doc: _Doc, c: dict[str, Any], rng: random.Random) -> str:
    if rng.random() < 0.6:
        return doc.entity(c["leader"], "person", c["code"], c["qid"])
    return doc.entity(c["name"], "country", c["code"])


def _report(doc: _Doc, w: WorldEvent, rng: random.Random) -> None:
    published = dt.date.fromisoformat(doc.rec["doc"]["date"])
    a, b = _country(w.actor), _country(w.recipient)
    actors, recipients = [_party(doc, a, rng)], [_party(doc, b, rng)]
    r = rng.random()
    if r < 0.12:
        recipients = []
    elif r < 0.2 and w.type in ("CONSULT", "AGREE"):
        actors, recipients = recipients, actors
    place = None
    if rng.random() < 0.6:
        geo = {"geonames": 500000 + w.recipient, "lat": b["lat"], "lon": b["lon"], "feature": "city"}
        place = doc.entity(b["city"], "place", b["code"], geo=geo)
    d = rng.random()
    day = w.day + dt.timedelta(days=1) if d < 0.04 else w.day
    if d < 0.75:
        date: dict[str, Any] | None = {"value": day.isoformat(), "start": day.isoformat(), "end": day.isoformat()}
    elif d < 0.87:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        date = {"value": day.isoformat()[:7], "start": first.isoformat(), "end": last.isoformat()}
    else:
        date = None
    claims = []
    if rng.random() < 0.4:
        src = doc.entity(a["agency"], "media", a["code"])
        cid = f"c{len(doc.rec['claims']) + 1}"
        doc.rec["claims"].append({"id": cid, "source": src, "source_text": a["agency"], "source_span": None,
                                  "via": [], "anonymous": False, "cue": "said", "cue_span": None,
                                  "content_span": None, "stance": "asserted"})
        claims.append(cid)
    words = list(rng.sample(w.words, 3)) + rng.sample(_WORDS, 3)
    text = f"{a['leader']} and {b['leader']} " + " ".join(words)
    doc.rec["events"].append({
        "id": f"v{len(doc.rec['events']) + 1}", "type": w.type, "mode": None, "contexts": [], "actors": actors,
        "recipients": recipients, "place": place, "date": date,
        "status": "planned" if published < w.day else "occurred", "claims": claims,
        "evidence": {"start": 0, "end": len(text), "text": text}, "confidence": round(rng.uniform(0.5, 0.95), 2)})


def records(n_events: int, seed: int = 7, events_per_doc: int = 4) -> tuple[list[dict[str, Any]], dict[tuple[str, str], str]]:
    """About ``n_events`` events in records of ``events_per_doc`` each; and the world id of every (doc, event)."""
    rng = random.Random(seed)
    worlds = world_events(max(1, n_events // 3), rng)
    tellings: list[tuple[WorldEvent, dt.date]] = []
    for w in worlds:
        for _ in range(min(8, 1 + int(rng.expovariate(1 / 3.0)))):
            tellings.append((w, w.day + dt.timedelta(days=rng.randint(-7, 7))))
        if len(tellings) >= n_events:
            break
    rng.shuffle(tellings)
    recs, gold = [], {}
    for i in range(0, min(len(tellings), n_events), events_per_doc):
        chunk = tellings[i:i + events_per_doc]
        doc = _Doc(f"syn-{i // events_per_doc}", max(p for _, p in chunk), rng.choice(AGENCIES))
        used: set[str] = set()
        for w, _ in chunk:
            if w.id in used:
                continue
            used.add(w.id)
            _report(doc, w, rng)
            gold[(doc.rec["doc"]["id"], doc.rec["events"][-1]["id"])] = w.id
        recs.append(doc.rec)
    return recs, gold


def bcubed(stories: list[dict[str, Any]], gold: dict[tuple[str, str], str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of stories against the world ids of their reports."""
    items = [(s["id"], gold[(r["doc"], r["event"])]) for s in stories for r in s["reports"] if (r["doc"], r["event"]) in gold]
    by_story: dict[str, list[str]] = {}
    by_world: dict[str, int] = {}
    for sid, w in items:
        by_story.setdefault(sid, []).append(w)
        by_world[w] = by_world.get(w, 0) + 1
    if not items:
        return 0.0, 0.0, 0.0
    p = sum(by_story[s].count(w) / len(by_story[s]) for s, w in items) / len(items)
    r = sum(by_story[s].count(w) / by_world[w] for s, w in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def iter_chunks(items: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    """Batches of records (for saving to a store)."""
    for i in range(0, len(items), size):
        yield items[i:i + size]
