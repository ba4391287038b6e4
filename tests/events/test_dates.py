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


def _parsed(nlp, text: str, values: dict[str, str], trigger: str) -> tuple[Document, Event]:
    """A parsed one-sentence document dated 2021-12-08, its time expressions at the given words."""
    times = [Timex(f"t{k}", text.index(w), text.index(w) + len(w), w, "DATE", v) for k, (w, v) in enumerate(values.items())]
    doc = Document(id="d", text=text, date=dt.date(2021, 12, 8), times=times, spacy_doc=nlp(text))
    at = text.index(trigger)
    return doc, Event(id="v1", type="AGREE", evidence=Span(at, at + len(trigger)), status="occurred",
                      trigger=Span(at, at + len(trigger)))


def test_a_date_in_a_relative_clause_dates_that_clause_not_the_act(nlp) -> None:
    text = "The two presidents, who last met in June, agreed to hold further talks."
    doc, ev = _parsed(nlp, text, {"June": "2021-06"}, "agreed")
    got = event_date(doc, ev, Span(0, len(text)))
    assert got is not None and got.value == "2021-12-08"


def test_a_date_of_the_main_clause_still_dates_an_act_inside_a_clause_below_it(nlp) -> None:
    text = "On Tuesday, the fighters seized the town before their leader agreed to a deal."
    doc, ev = _parsed(nlp, text, {"Tuesday": "2021-12-07"}, "agreed")
    got = event_date(doc, ev, Span(0, len(text)))
    assert got is not None and got.value == "2021-12-07"


def test_a_clause_on_the_trigger_that_says_when_it_took_place_dates_it(nlp) -> None:
    text = "The first summit between the two leaders, held in Singapore last June, produced a statement."
    doc, ev = _parsed(nlp, text, {"last June": "2021-06"}, "summit")
    got = event_date(doc, ev, Span(0, len(text)))
    assert got is not None and got.value == "2021-06"


def test_a_clause_on_the_trigger_that_dates_another_act_does_not(nlp) -> None:
    text = "The summit, criticised by Democrats in June, will bring the two leaders together."
    doc, ev = _parsed(nlp, text, {"June": "2021-06"}, "summit")
    got = event_date(doc, ev, Span(0, len(text)))
    assert got is not None and got.value == "2021-12-08"


def test_an_undated_act_takes_the_day_the_narrative_has_reached(nlp) -> None:
    text = ("The rebel leader accused the army of shelling his camps late on Tuesday. "
            "He warned that anyone who stood in his way would be destroyed.")
    doc, ev = _parsed(nlp, text, {"late on Tuesday": "2021-12-07"}, "warned")
    got = event_date(doc, ev, Span(text.index("He"), len(text)))
    assert got is not None and got.value == "2021-12-07"


def test_the_storys_background_is_not_where_the_narrative_stands(nlp) -> None:
    text = "The two leaders first met in Geneva in 2019. They agreed to hold further talks."
    doc, ev = _parsed(nlp, text, {"2019": "2019"}, "agreed")
    got = event_date(doc, ev, Span(text.index("They"), len(text)))
    assert got is not None and got.value == "2021-12-08"


def test_a_day_three_sentences_back_no_longer_dates_the_act(nlp) -> None:
    text = ("The rebels seized the airfield on Tuesday. Their leader spoke on the radio. Shops were closed. "
            "Crowds gathered in the square. Officials agreed to hold further talks.")
    doc, ev = _parsed(nlp, text, {"Tuesday": "2021-12-07"}, "agreed")
    got = event_date(doc, ev, Span(text.index("Officials"), len(text)))
    assert got is not None and got.value == "2021-12-08"


def test_a_clause_saying_the_act_is_to_follow_dates_it(nlp) -> None:
    text = "The leaders would meet on Wednesday evening, with more substantive talks to follow on Thursday."
    doc, ev = _parsed(nlp, text, {"Wednesday evening": "2021-12-08TEV", "Thursday": "2021-12-09"}, "talks")
    got = event_date(doc, ev, Span(0, len(text)))
    assert got is not None and got.value == "2021-12-09"
