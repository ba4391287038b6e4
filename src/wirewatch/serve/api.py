"""The JSON API under ``/api``: health, documents (read and post), events, stories."""
from __future__ import annotations

import hmac
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel

import wirewatch
from wirewatch.serve.access import Records, event_view, one_event, page_of_events
from wirewatch.serve.errors import ApiError
from wirewatch.serve.intake import parse_documents, read_body
from wirewatch.serve.state import ServerState

EVENT_TYPES = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                      "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
STATUSES = Literal["occurred", "ongoing", "planned", "expected", "possible", "negated"]
ISO_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
MAX_LIMIT = 1000

router = APIRouter(prefix="/api")


def state(request: Request) -> ServerState:
    """The server's state (settings, stores, extractor)."""
    return request.app.state.wirewatch  # type: ignore[no-any-return]


State = Annotated[ServerState, Depends(state)]


def require_writer(request: Request, st: State) -> None:
    """Allow a write only with the configured bearer token (compared in constant time).

    Raises:
        ApiError: 403 when the server is read-only, 401 when the token is missing or wrong.
    """
    if not st.settings.token:
        raise ApiError(403, "this server is read-only: start it with WIREWATCH_TOKEN set or --token-file "
                            "to accept documents")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    challenge = {"WWW-Authenticate": 'Bearer realm="wirewatch"'}
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(401, "missing bearer token: send 'Authorization: Bearer <token>'", challenge)
    if not hmac.compare_digest(given.strip().encode("utf-8"), st.settings.token.encode("utf-8")):
        raise ApiError(401, "wrong bearer token", challenge)


class Health(BaseModel):
    """The server is up; what it serves."""

    status: str
    version: str
    documents: int | None
    events: int | None
    writable: bool
    stories: bool


class PostResult(BaseModel):
    """The outcome of a POST: stored record ids, save counts, one error per refused document."""

    stored: list[str]
    added: int
    replaced: int
    unchanged: int
    errors: list[dict[str, Any]]


class EventsPage(BaseModel):
    """A page of events with its paging."""

    events: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None


class StoriesPage(BaseModel):
    """A page of stories (wirewatch-story/1); empty while no story store exists."""

    stories: list[dict[str, Any]]
    available: bool
    limit: int
    offset: int


@router.get("/health", response_model=Health)
def health(st: State) -> Health:
    """The server is up: version, what is stored, whether writes and stories are available."""
    store = st.pool.get()
    counts = {t: _count(store, t) for t in ("documents", "events")}
    return Health(status="ok", version=wirewatch.__version__, documents=counts["documents"], events=counts["events"],
                  writable=st.settings.writable, stories=st.stories is not None)


def _count(store: Any, table: str) -> int | None:
    count = getattr(store, "count", None)
    return int(count(table)) if callable(count) else None


DOC_SCHEMA = {"type": "object", "required": ["text"], "properties": {
    "id": {"type": "string"}, "text": {"type": "string"}, "date": {"type": "string", "format": "date"},
    "title": {"type": "string"}, "url": {"type": "string"}}}
POST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "oneOf": [DOC_SCHEMA, {"type": "array", "items": DOC_SCHEMA}]}}}}}


@router.post("/documents", response_model=PostResult, dependencies=[Depends(require_writer)],
             openapi_extra=POST_BODY,
             responses={401: {"description": "missing or wrong token"}, 403: {"description": "read-only server"},
                        413: {"description": "request too large"}, 422: {"description": "bad body or too many documents"}})
async def post_documents(request: Request, st: State) -> Any:
    """Extract, store (and merge into stories) one document ``{id, text, date?, title?, url?}`` or a list.

    Answers the stored ids and, for each refused document, its index, id and what was wrong.
    """
    body = await read_body(request, st.settings.max_request_bytes)
    items = parse_documents(body, st.settings.max_documents)
    outcome = await st.extractor.run(items)
    if not outcome.stored and outcome.errors:
        more = f" (and {len(outcome.errors) - 1} more)" if len(outcome.errors) > 1 else ""
        raise ApiError(422, f"no document could be stored: {outcome.errors[0]['error']}{more}",
                       extra={"stored": [], "errors": outcome.errors})
    return PostResult(**outcome.__dict__)


@router.get("/documents/{doc_id:path}")
def get_document(doc_id: str, st: State) -> dict[str, Any]:
    """The stored wirewatch/1 record of a document."""
    rec = st.pool.get().record(doc_id)
    if rec is None:
        raise ApiError(404, f"no document {doc_id!r} is stored")
    return rec


@router.get("/events", response_model=EventsPage)
def list_events(
    st: State,
    type: EVENT_TYPES | None = None,  # noqa: A002 - the filter's public name
    actor: Annotated[str | None, Query(max_length=200, description="actor name (part) or ISO3 country")] = None,
    recipient: Annotated[str | None, Query(max_length=200, description="recipient name (part) or ISO3")] = None,
    place: Annotated[str | None, Query(max_length=200, description="place name (part) or ISO3 country")] = None,
    status: STATUSES | None = None,
    since: Annotated[str | None, Query(pattern=ISO_DATE, description="interval ends on or after")] = None,
    until: Annotated[str | None, Query(pattern=ISO_DATE, description="interval starts on or before")] = None,
    doc: Annotated[str | None, Query(max_length=500)] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description="calibrated confidence at least")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> EventsPage:
    """Stored events with the filters of ``wirewatch events``, by date, a page at a time."""
    filters = {"type": type, "actor": actor, "recipient": recipient, "place": place, "status": status,
               "since": since, "until": until, "doc_id": doc, "min_confidence": min_confidence}
    store = st.pool.get()
    rows, more = page_of_events(store, filters, limit, offset)
    records = Records(store)
    story_of = st.story_lookup(store, [(ev["doc_id"], ev["id"]) for ev in rows])
    events = [st.with_story(event_view(ev, records.get(ev["doc_id"])), story_of) for ev in rows]
    return EventsPage(events=events, limit=limit, offset=offset, next_offset=offset + limit if more else None)


@router.get("/events/{doc_id:path}/{event_id}")
def get_event(doc_id: str, event_id: str, st: State) -> dict[str, Any]:
    """One stored event, with its story when stories exist."""
    store = st.pool.get()
    ev = one_event(store, doc_id, event_id)
    if ev is None:
        raise ApiError(404, f"no event {event_id!r} in document {doc_id!r}")
    return st.with_story(event_view(ev, store.record(doc_id)), st.story_lookup(store), full=True)


@router.get("/stories", response_model=StoriesPage)
def list_stories(st: State, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
                 offset: Annotated[int, Query(ge=0)] = 0) -> StoriesPage:
    """Stored stories (wirewatch-story/1); an empty list while wirewatch has no story store."""
    if st.stories is None:
        return StoriesPage(stories=[], available=False, limit=limit, offset=offset)
    stories = st.stories.list_stories(st.pool.get(), limit=limit, offset=offset)
    return StoriesPage(stories=list(stories), available=True, limit=limit, offset=offset)


@router.get("/stories/{story_id}")
def get_story(story_id: str, st: State) -> dict[str, Any]:
    """One stored story (wirewatch-story/1)."""
    story = st.stories.get_story(st.pool.get(), story_id) if st.stories is not None else None
    if story is None:
        raise ApiError(404, f"no story {story_id!r}" + ("" if st.stories else " (this wirewatch has no story store yet)"))
    return story
