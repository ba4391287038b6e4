"""One stored event as one flat row, in the layout event-data users know (ACLED, GDELT, PLOVER).

One row per event; several actors (or recipients) in one cell each, joined with ``;`` and
aligned across the name, country and sector columns (a missing country or sector is an empty
slot, so the n-th name goes with the n-th country). Values keep their types (floats, ints,
``None``); each writer renders them its way.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

JOIN = ";"

COLUMNS: tuple[str, ...] = (
    "event_id", "date", "date_start", "date_end", "type", "mode",
    "actor_name", "actor_country", "actor_sector", "recipient_name", "recipient_country", "recipient_sector",
    "place_name", "place_country", "latitude", "longitude", "geonames_id",
    "status", "confidence", "doc_id", "doc_title", "url", "evidence",
)
DATE_COLUMNS = ("date_start", "date_end")     # calendar dates (ISO); ``date`` is the TIMEX3 value ("2023-W37")
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")
INT_COLUMNS = ("geonames_id",)


def _joined(people: list[dict[str, Any]], key: str) -> str | None:
    if not people:
        return None
    return JOIN.join((p.get(key) or "").replace(JOIN, ",") for p in people)


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def flat_row(ev: dict[str, Any]) -> dict[str, Any]:
    """A stored event (as ``Store.events`` yields it) as a flat row keyed by ``COLUMNS``."""
    row: dict[str, Any] = {
        "event_id": ev["id"], "date": ev.get("date_value"), "date_start": ev.get("date_start"),
        "date_end": ev.get("date_end"), "type": ev["type"], "mode": ev.get("mode"),
    }
    for role, people in (("actor", ev.get("actors") or []), ("recipient", ev.get("recipients") or [])):
        for field in ("name", "country", "sector"):
            row[f"{role}_{field}"] = _joined(people, field)
    geonames = ev.get("place_geonames")
    row.update({
        "place_name": ev.get("place_name"), "place_country": ev.get("place_country"),
        "latitude": _float(ev.get("place_lat")), "longitude": _float(ev.get("place_lon")),
        "geonames_id": None if geonames is None else int(geonames),
        "status": ev["status"], "confidence": _float(ev.get("confidence")), "doc_id": ev["doc_id"],
        "doc_title": ev.get("title"), "url": ev.get("url"), "evidence": " ".join((ev.get("evidence") or "").split()),
    })
    return row


def calendar_date(value: Any) -> dt.date | None:
    """An ISO calendar date (``YYYY-MM-DD``) as a date; anything else (None, "2023-09") as None."""
    if not isinstance(value, str) or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
