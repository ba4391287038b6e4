"""The status of an act: the rules' reading of its clause and the dates of its sentence, weighed
by the status model."""
from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from wirewatch.events.model import packaged
from wirewatch.events.status import clause_status, learned_status, status_features, time_relation

DAY = dt.date(2023, 9, 11)


@pytest.mark.parametrize("value, relation", [
    ("2023-09-13", "future"), ("2023-09-08", "past"), ("2023-09-11", "same"),
    ("2023-09", "same"), ("2023-10", "future"), ("2022", "past"), ("FUTURE_REF", "future"),
    ("PAST_REF", "past"), ("P3D", None), ("2023-W37", None),
])
def test_a_date_lies_before_on_or_after_the_report_at_its_own_precision(value: str, relation: str | None) -> None:
    assert time_relation(value, DAY) == relation


def _verb(nlp: Language, text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in nlp(text) if t.text == word)


def test_the_features_carry_the_rules_answer_the_auxiliaries_and_the_dates(nlp: Language) -> None:
    tok = _verb(nlp, "Kim will visit Russia next week.", "visit")
    f = status_features(tok, "CONSULT", clause_status(tok), None, [(tok.idx + 14, "future")])
    assert "rule=planned" in f and "T|rule=CONSULT|planned" in f and "aux=will" in f and "tx=future" in f and "txnear=future" in f


@pytest.mark.parametrize("text, word, typ, status", [
    ("Kim met Putin on Wednesday.", "met", "CONSULT", "occurred"),
    ("Kim will visit Russia next month.", "visit", "CONSULT", "planned"),
    ("The minister did not meet the delegation.", "meet", "CONSULT", "negated"),
    ("Rebels could attack the capital if talks fail.", "attack", "ASSAULT", "possible"),
    ("The mayor said he won't cooperate with federal agents.", "cooperate", "REJECT", "occurred"),
])
def test_the_shipped_model_reads_plain_statuses(nlp: Language, text: str, word: str, typ: str, status: str) -> None:
    tok = _verb(nlp, text, word)
    assert learned_status(packaged("status"), status_features(tok, typ, clause_status(tok), None, [])) == status
