"""The date of the act, not of the report: time expressions near the trigger, else by status."""
from __future__ import annotations

import datetime as dt

from wirewatch.document import Document, Event, Span, Timex
from wirewatch.events.dates import event_date

TEXT = "Kim will visit Russia next week, the Kremlin said on Monday."


def _event(status: str) -> Event:
    return Event(id="v1", type="CONSULT", evidence=Span(0, 31), status=status, trigger=Span(9, 14))


def _doc(times: list[Timex]) -> Document:
    return Document(id="d", text=TEXT, date=dt.date(2023, 9, 11), times=times)


def test_a_time_expression_in_the_evidence_dates_the_act() -> None:
    week = Timex("t1", 22, 31, "next week", "DATE", "2023-W38")
    monday = Timex("t2", 53, 59, "Monday", "DATE", "2023-09-11")
    got = event_date(_doc([week, monday]), _event("planned"), Span(0, len(TEXT)))
    assert got is not None and got.value == "2023-W38" and got.start == "2023-09-18"


def test_a_planned_act_without_a_date_is_after_the_report_not_on_its_day() -> None:
    got = event_date(_doc([]), _event("planned"), Span(0, len(TEXT)))
    assert got is not None and got.start == "2023-09-11" and got.end is None


def test_an_act_that_happened_without_a_date_takes_the_document_date() -> None:
    got = event_date(_doc([]), _event("occurred"), Span(0, len(TEXT)))
    assert got is not None and (got.value, got.start, got.end) == ("2023-09-11",) * 3


def test_a_possible_or_negated_act_without_a_date_has_none() -> None:
    assert event_date(_doc([]), _event("possible"), Span(0, len(TEXT))) is None
    assert event_date(_doc([]), _event("negated"), Span(0, len(TEXT))) is None
