"""Hand-built wirewatch/1 records for the story tests."""
from __future__ import annotations

from typing import Any

import pytest

PEOPLE = {
    "Kim": ("Kim Jong-un", "person", "PRK", "Q56226"),
    "Putin": ("Vladimir Putin", "person", "RUS", "Q7747"),
    "Trump": ("Donald Trump", "person", "USA", "Q22686"),
    "Xi": ("Xi Jinping", "person", "CHN", "Q15031"),
    "KCNA": ("Korean Central News Agency", "media", "PRK", None),
    "Kremlin": ("Kremlin", "organization", "RUS", None),
    "Yonhap": ("Yonhap", "media", "KOR", None),
    "officials": ("officials", "other", None, None),
    "Vladivostok": ("Vladivostok", "place", "RUS", None),
    "Moscow": ("Moscow", "place", "RUS", None),
}
GEO = {"Vladivostok": (2013348, 43.1, 131.9), "Moscow": (524901, 55.75, 37.6)}


def make_record(doc_id: str, published: str, agency: str | None, events: list[dict[str, Any]],
                title: str | None = None) -> dict[str, Any]:
    """A record whose events are given as {type, actors, recipients, status, date, evidence, place?, source?, via?}."""
    names: dict[str, str] = {}
    entities: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []

    def ent(key: str) -> str:
        if key not in names:
            name, kind, country, qid = PEOPLE[key]
            names[key] = f"e{len(names) + 1}"
            geo = None
            if key in GEO:
                g, lat, lon = GEO[key]
                geo = {"geonames": g, "lat": lat, "lon": lon, "feature": "city"}
            entities.append({"id": names[key], "name": name, "kind": kind, "country": country,
                             "sector": "GOV" if kind != "place" else None, "role": None, "wikidata": qid,
                             "geo": geo, "mentions": []})
        return names[key]

    text = (title + "\n\n" if title else "") + " ".join(e["evidence"] for e in events)
    out_events = []
    for i, e in enumerate(events, start=1):
        cl = []
        if e.get("source") or e.get("via"):
            cid = f"c{len(claims) + 1}"
            claims.append({"id": cid, "source": ent(e["source"]) if e.get("source") else None, "source_text": None,
                           "source_span": None, "via": [ent(v) for v in e.get("via", [])],
                           "anonymous": e.get("source") == "officials", "cue": "said", "cue_span": None,
                           "content_span": None, "stance": e.get("stance", "asserted")})
            cl.append(cid)
        date = e.get("date")
        start = text.find(e["evidence"])
        out_events.append({
            "id": f"v{i}", "type": e["type"], "mode": e.get("mode"), "contexts": [],
            "actors": [ent(a) for a in e.get("actors", [])], "recipients": [ent(a) for a in e.get("recipients", [])],
            "place": ent(e["place"]) if e.get("place") else None,
            "date": {"value": date, "start": date, "end": date} if date else None,
            "status": e.get("status", "occurred"), "claims": cl,
            "evidence": {"start": start, "end": start + len(e["evidence"]), "text": e["evidence"]},
            "confidence": e.get("confidence", 0.8)})
    return {"schema": "wirewatch/1",
            "doc": {"id": doc_id, "title": title, "text": text, "language": "en", "date": published,
                    "date_source": "metadata", "agency": agency, "dateline": None, "url": None},
            "entities": entities, "times": [], "claims": claims, "events": out_events}


def meeting(doc_id: str, published: str, agency: str, day: str | None, status: str = "occurred",
            evidence: str = "Kim Jong-un met Vladimir Putin at the cosmodrome", **kw: Any) -> dict[str, Any]:
    """A record of one CONSULT Kim -> Putin."""
    ev = {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "status": status, "date": day,
          "evidence": evidence, **kw}
    return make_record(doc_id, published, agency, [ev])


@pytest.fixture()
def summit_records() -> list[dict[str, Any]]:
    """Five reports of one summit (planned before, occurred after, relays of KCNA) and one of another meeting."""
    return [
        meeting("plan", "2023-09-11", "EFE", "2023-09-13", "planned",
                "Kim Jong-un will meet Vladimir Putin in Vladivostok", source="Kremlin"),
        meeting("a", "2023-09-13", "Reuters", "2023-09-13", source="KCNA",
                evidence="Kim Jong-un met Vladimir Putin at the Vostochny cosmodrome, KCNA said"),
        meeting("b", "2023-09-14", "AFP", "2023-09-13", source="KCNA", via=["Yonhap"],
                evidence="Kim met Putin at the cosmodrome, Yonhap reported citing KCNA"),
        meeting("c", "2023-09-14", "AP", "2023-09-13", source="KCNA",
                evidence="the leaders met at the cosmodrome on Wednesday, state media KCNA said"),
        meeting("d", "2023-09-14", "TASS", None, evidence="Putin hosted Kim at the cosmodrome"),
        meeting("other", "2024-06-19", "EFE", "2024-06-19", evidence="Putin met Kim Jong-un in Pyongyang"),
    ]


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Any) -> Any:
    """A new database of each backend (PostgreSQL as tests/store/conftest.py gets it: skipped locally without
    WIREWATCH_TEST_PG, failing in CI)."""
    if request.param == "sqlite":
        yield str(tmp_path / "w.db")
        return
    import os
    import uuid
    from urllib.parse import urlsplit, urlunsplit

    url = os.environ.get("WIREWATCH_TEST_PG")
    if not url:
        reason = "WIREWATCH_TEST_PG is not set (a postgresql:// URL of a server the tests may create databases on)"
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {reason}: .ci/run should start PostgreSQL", pytrace=False)
        pytest.skip(reason)
    import psycopg

    name = f"wwstories_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True, connect_timeout=10) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        parts = urlsplit(url)
        yield urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
