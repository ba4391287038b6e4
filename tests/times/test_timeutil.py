"""Calendar intervals of TIMEX3 values."""
from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.times.tagger import value_interval

D = dt.date


@pytest.mark.parametrize("value,expected", [
    ("2023-09-11", (D(2023, 9, 11), D(2023, 9, 11))),
    ("2023-09-11TMO", (D(2023, 9, 11), D(2023, 9, 11))),
    ("2023-09-11T15:00", (D(2023, 9, 11), D(2023, 9, 11))),
    ("2023-W37", (D(2023, 9, 11), D(2023, 9, 17))),
    ("2023-W37-WE", (D(2023, 9, 16), D(2023, 9, 17))),
    ("2019-04", (D(2019, 4, 1), D(2019, 4, 30))),
    ("2020-02", (D(2020, 2, 1), D(2020, 2, 29))),
    ("2020-Q1", (D(2020, 1, 1), D(2020, 3, 31))),
    ("2020-Q4", (D(2020, 10, 1), D(2020, 12, 31))),
    ("2022-H2", (D(2022, 7, 1), D(2022, 12, 31))),
    ("2023-SU", (D(2023, 6, 21), D(2023, 9, 22))),
    ("2023-WI", (D(2023, 12, 21), D(2024, 3, 19))),
    ("2020", (D(2020, 1, 1), D(2020, 12, 31))),
    ("199", (D(1990, 1, 1), D(1999, 12, 31))),
    ("19", (D(1900, 1, 1), D(1999, 12, 31))),
])
def test_calendar_values_have_intervals(value: str, expected: tuple[dt.date, dt.date]) -> None:
    assert value_interval(value) == expected


@pytest.mark.parametrize("value", ["P70Y", "PT20H", "P1W", "FUTURE_REF", "PAST_REF", "PRESENT_REF",
                                   "XXXX-XX-XX", "XXXX-WXX-1", "2023-13", "2023-02-30", ""])
def test_durations_sets_vague_and_invalid_values_have_no_interval(value: str) -> None:
    assert value_interval(value) is None
