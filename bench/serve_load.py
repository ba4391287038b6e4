"""Load benchmark of ``wirewatch serve`` on loopback: GET /api/events under 8 clients, POST documents/s.

    .venv/bin/python bench/serve_load.py                  # 20,000 stored events, 8 clients, bounded
    .venv/bin/python bench/serve_load.py --json out.json  # the figures as JSON too

What it does, all on 127.0.0.1 and bounded in count and time:

1. builds a temporary SQLite store of ``--events`` synthetic events (``--events-per-doc`` per
   record, inserted through ``Store.save``, so the same tables and indexes as real use);
2. starts the real server (``python -m wirewatch serve``, uvicorn, one process) on a free port with
   a write token, and waits until it answers (the model is loaded at start-up);
3. GET /api/events: ``--clients`` concurrent clients (httpx, asyncio), a mix of queries (first
   pages of 100, deep pages, type / actor / place / date filters), ``--requests`` requests in all or
   ``--seconds`` at most; reports requests/s, events/s and p50/p95/max latency;
4. POST /api/documents: ``--post-docs`` report texts (the bundled samples with fresh ids) posted one
   per request and then ``--batch`` per request; reports documents/s of each.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "bench-token"
TYPES = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
         "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
PEOPLE = [("Kim Jong-un", "PRK"), ("Vladimir Putin", "RUS"), ("Volodymyr Zelenskyy", "UKR"), ("Joe Biden", "USA"),
          ("Xi Jinping", "CHN"), ("Recep Tayyip Erdogan", "TUR"), ("Emmanuel Macron", "FRA"), ("Olaf Scholz", "DEU")]
PLACES = [("Vladivostok", "RUS", 43.11, 131.87), ("Odesa", "UKR", 46.48, 30.73), ("Seoul", "KOR", 37.57, 126.98),
          ("Istanbul", "TUR", 41.01, 28.98), ("Washington", "USA", 38.9, -77.04), ("Beijing", "CHN", 39.9, 116.4)]
QUERIES = ["limit=100", "limit=100&offset={deep}", "type={type}&limit=100", "actor={actor}&limit=50",
           "place={place}&limit=50", "since=2021-01-01&until=2021-06-30&limit=100", "status=planned&limit=100"]


def synthetic_record(n: int, per_doc: int, rng: random.Random) -> dict[str, Any]:
    """A valid wirewatch/1 record with ``per_doc`` events among two people and a place."""
    (a, ac), (b, bc) = rng.sample(PEOPLE, 2)
    place, pc, lat, lon = rng.choice(PLACES)
    day = f"20{rng.randint(18, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    sentence = f"{a} met {b} in {place} and they talked about trade and security. "
    text = sentence * per_doc
    ents = [{"id": "e1", "name": a, "kind": "person", "country": ac, "sector": "GOV", "role": None, "wikidata": None,
             "geo": None, "mentions": [{"start": 0, "end": len(a), "text": a}]},
            {"id": "e2", "name": b, "kind": "person", "country": bc, "sector": "GOV", "role": None, "wikidata": None,
             "geo": None, "mentions": [{"start": len(a) + 5, "end": len(a) + 5 + len(b), "text": b}]},
            {"id": "e3", "name": place, "kind": "place", "country": pc, "sector": None, "role": None, "wikidata": None,
             "geo": {"geonames": 1000 + n % 7, "lat": lat, "lon": lon, "feature": "city"}, "mentions": []}]
    events = []
    for i in range(per_doc):
        start = i * len(sentence)
        events.append({"id": f"v{i + 1}", "type": rng.choice(TYPES), "mode": None, "contexts": [], "actors": ["e1"],
                       "recipients": ["e2"], "place": "e3", "date": {"value": day, "start": day, "end": day},
                       "status": rng.choice(["occurred", "occurred", "planned", "ongoing"]), "claims": [],
                       "evidence": {"start": start, "end": start + len(sentence) - 1,
                                    "text": sentence[:-1]}, "confidence": 0.7})
    return {"schema": "wirewatch/1", "doc": {"id": f"synthetic-{n:06d}", "title": f"Synthetic report {n}", "text": text,
                                             "language": "en", "date": day, "date_source": "metadata", "agency": None,
                                             "dateline": None, "url": None},
            "entities": ents, "times": [], "claims": [], "events": events}


def build_store(path: Path, n_events: int, per_doc: int) -> float:
    """Fill a new store with synthetic records; the seconds it took."""
    from wirewatch.store import Store

    rng, t0 = random.Random(13), time.perf_counter()
    with Store(path) as store:
        batch = []
        for n in range(n_events // per_doc):
            batch.append(synthetic_record(n, per_doc, rng))
            if len(batch) == 200:
                store.save(batch)
                batch = []
        if batch:
            store.save(batch)
        assert store.count("events") == n_events, store.count("events")
    return time.perf_counter() - t0


def merge_stories(path: Path) -> float | None:
    """Bring the store's stories up to date, as ``wirewatch ingest`` does; the seconds it took (None: no stories)."""
    try:
        from wirewatch.stories.store import update_stories
    except ImportError:
        return None
    from wirewatch.store import Store

    t0 = time.perf_counter()
    with Store(path) as store:
        update_stories(store)
    return time.perf_counter() - t0


def free_port() -> int:
    """A port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The server on a free loopback port, once it answers."""
    port = free_port()
    env = dict(os.environ, WIREWATCH_TOKEN=TOKEN)
    proc = subprocess.Popen([sys.executable, "-m", "wirewatch", "serve", "--db", str(db), "--port", str(port),
                             "--max-documents", "100"], env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.3)
    proc.kill()
    raise SystemExit("server did not start within 300 s")


def query(rng: random.Random, n_events: int) -> tuple[str, str]:
    """One query of the mix: its kind (the template) and the query string."""
    kind = rng.choice(QUERIES)
    return kind, kind.format(deep=rng.randrange(0, max(1, n_events - 100)), type=rng.choice(TYPES),
                             actor=rng.choice(PEOPLE)[0].split()[-1], place=rng.choice(PLACES)[0])


async def get_load(url: str, clients: int, total: int, seconds: float, n_events: int) -> dict[str, Any]:
    """``clients`` concurrent clients sending ``total`` GET /api/events (or for ``seconds`` at most)."""
    latencies: list[float] = []
    by_kind: dict[str, list[float]] = {}
    returned, errors, sent = 0, 0, 0
    deadline = time.monotonic() + seconds

    async def client(seed: int) -> None:
        nonlocal returned, errors, sent
        rng = random.Random(seed)
        async with httpx.AsyncClient(base_url=url, timeout=60) as http:
            while sent < total and time.monotonic() < deadline:
                sent += 1
                kind, qs = query(rng, n_events)
                t0 = time.perf_counter()
                resp = await http.get("/api/events?" + qs)
                latencies.append(time.perf_counter() - t0)
                by_kind.setdefault(kind, []).append(latencies[-1])
                if resp.status_code == 200:
                    returned += len(resp.json()["events"])
                else:
                    errors += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(clients)))
    wall = time.perf_counter() - t0
    latencies.sort()
    return {"clients": clients, "requests": len(latencies), "errors": errors, "seconds": round(wall, 2),
            "requests_per_s": round(len(latencies) / wall, 1), "events_per_s": round(returned / wall),
            "p50_ms": round(1000 * statistics.median(latencies), 1),
            "p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1),
            "max_ms": round(1000 * latencies[-1], 1),
            "p50_ms_by_query": {k: round(1000 * statistics.median(v), 1) for k, v in sorted(by_kind.items())}}


def sample_texts() -> list[dict[str, Any]]:
    """The bundled samples as documents (read with the library's readers)."""
    from wirewatch.document import Document
    from wirewatch.ingest.sources import read_inputs

    return [{"text": d.text, "title": d.title, "date": d.date.isoformat() if d.date else None}
            for d in read_inputs([str(ROOT / "samples")]) if isinstance(d, Document)]


def post_load(url: str, n_docs: int, batch: int) -> dict[str, Any]:
    """Documents per second posted one per request, then ``batch`` per request."""
    base, out = sample_texts(), {}
    headers = {"Authorization": f"Bearer {TOKEN}"}
    with httpx.Client(base_url=url, timeout=600, headers=headers) as http:
        for label, size in (("single", 1), (f"batch_{batch}", batch)):
            docs = [dict(base[i % len(base)], id=f"post-{label}-{i}") for i in range(n_docs)]
            t0 = time.perf_counter()
            stored = 0
            for i in range(0, n_docs, size):
                resp = http.post("/api/documents", json=docs[i:i + size] if size > 1 else docs[i])
                resp.raise_for_status()
                stored += len(resp.json()["stored"])
            wall = time.perf_counter() - t0
            out[label] = {"documents": stored, "seconds": round(wall, 2), "docs_per_s": round(stored / wall, 2)}
    return out


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=20_000)
    ap.add_argument("--events-per-doc", type=int, default=10)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=3000, help="GET requests in all (bound)")
    ap.add_argument("--seconds", type=float, default=90, help="GET phase time bound")
    ap.add_argument("--post-docs", type=int, default=40, help="documents posted in each POST mode (bound)")
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        fill = build_store(db, args.events, args.events_per_doc)
        print(f"store: {args.events:,} events in {args.events // args.events_per_doc:,} documents, filled in {fill:.1f} s")
        merged = merge_stories(db)
        print("stories: " + ("none (no story store)" if merged is None else f"merged in {merged:.1f} s"))
        proc, url = start_server(db, Path(tmp) / "server.log")
        try:
            asyncio.run(get_load(url, 2, 50, 30, args.events))  # warm-up
            get = asyncio.run(get_load(url, args.clients, args.requests, args.seconds, args.events))
            print("GET /api/events:", json.dumps(get))
            post = post_load(url, args.post_docs, args.batch)
            print("POST /api/documents:", json.dumps(post))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    figures = {"events": args.events, "cpus": os.cpu_count(), "get": get, "post": post}
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
