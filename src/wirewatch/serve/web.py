"""The web page (``/``) and the document view (``/doc/{id}``), rendered by Jinja with autoescape on.

All untrusted text (document text, names, titles) reaches the page either through the template
engine, escaped, or through the page's scripts with ``textContent``; a Content-Security-Policy
allows scripts, styles and data from this server only.
"""
from __future__ import annotations

from typing import Any

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from wirewatch.serve.access import event_sources
from wirewatch.serve.highlight import marks_of, segments
from wirewatch.serve.state import ServerState

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}

router = APIRouter(include_in_schema=False)
_env = jinja2.Environment(loader=jinja2.PackageLoader("wirewatch.serve", "templates"), autoescape=True,
                          undefined=jinja2.StrictUndefined)


def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A template rendered with autoescape, served with the page security headers."""
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status, headers=HEADERS)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    """The event table, timeline, map and the form to post a report."""
    st: ServerState = request.app.state.wirewatch
    return render("index.html", writable=st.settings.writable, stories=st.stories is not None)


@router.get("/doc/{doc_id:path}", response_class=HTMLResponse)
def document(doc_id: str, request: Request) -> HTMLResponse:
    """A stored document: its text with entities, times, claims and evidence highlighted, and its events."""
    st: ServerState = request.app.state.wirewatch
    store = st.pool.get()
    rec = store.record(doc_id)
    if rec is None:
        return render("missing.html", 404, doc_id=doc_id)
    story_of = st.story_lookup(store, [(doc_id, v["id"]) for v in rec.get("events", [])])
    return render("document.html", rec=rec, doc=rec["doc"], safe_url=safe_url(rec["doc"].get("url")), segments=segments(rec["doc"]["text"], marks_of(rec)),
                  events=[_event_row(rec, v, story_of(rec["doc"]["id"], v["id"])) for v in rec.get("events", [])],
                  claims=[_claim_row(rec, c) for c in rec.get("claims", [])])


def safe_url(url: str | None) -> str | None:
    """``url`` when it is a web address (http or https), else None: no ``javascript:`` links."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def _names(rec: dict[str, Any], ids: list[str]) -> str:
    ents = {e["id"]: e for e in rec.get("entities", [])}
    return ", ".join(ents[i]["name"] for i in ids if i in ents) or "-"


def _event_row(rec: dict[str, Any], v: dict[str, Any], story: dict[str, Any] | None) -> dict[str, Any]:
    doc_id = rec["doc"]["id"]
    others = [r for r in (story or {}).get("reports", []) if r.get("doc") != doc_id]
    return {"id": v["id"], "type": v["type"], "mode": v.get("mode"), "status": v["status"],
            "actors": _names(rec, v.get("actors", [])), "recipients": _names(rec, v.get("recipients", [])),
            "place": _names(rec, [v["place"]]) if v.get("place") else "-",
            "date": (v.get("date") or {}).get("value") or "-", "evidence": (v.get("evidence") or {}).get("text", ""),
            "sources": event_sources(rec, v), "story": (story or {}).get("id"), "others": others}


def _claim_row(rec: dict[str, Any], c: dict[str, Any]) -> dict[str, Any]:
    text = rec["doc"]["text"]
    span = c.get("content_span") or [0, 0]
    return {"id": c["id"], "source": _names(rec, [c["source"]]) if c.get("source") else c.get("source_text") or "unnamed",
            "cue": c.get("cue") or "-", "stance": c.get("stance"), "content": text[span[0]:span[1]]}
