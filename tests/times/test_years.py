"""Year inference for datelines that give month and day only."""
from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.times.tagger import infer_year

SEED = Path("/work/shared/seed/efe-2023-09-11-kim-jong-un-russia.txt")


def test_duration_anchored_on_a_year_gives_the_year() -> None:
    text = "The two Koreas have been at war for 70 years since the armistice of 1953."
    assert infer_year(text, 9, 11) == 2023


def test_weekday_and_latest_past_year_pick_the_year() -> None:
    text = "The leader left on Monday. It is his first trip since 2019 and the borders closed in early 2020."
    # Sep 11 fell on a Monday in 2023 (the first such year from 2020 on).
    assert infer_year(text, 9, 11) == 2023


def test_weekday_hint_selects_first_matching_year_from_lower_bound() -> None:
    text = "It is his first trip since 2019."
    # Sep 11: 2019 Wednesday, 2020 Friday, ..., 2024 Wednesday, 2025 Thursday.
    assert infer_year(text, 9, 11, weekday_hint=3) == 2019
    assert infer_year(text, 9, 11, weekday_hint=4) == 2025


def test_latest_past_year_alone_is_the_lower_bound() -> None:
    assert infer_year("Exports have grown since 2015.", 3, 2) == 2015


def test_nothing_supports_a_year() -> None:
    assert infer_year("The minister arrived and talks began.", 9, 11) is None


@pytest.mark.skipif(not SEED.exists(), reason="seed text not available")
def test_seed_report_year() -> None:
    assert infer_year(SEED.read_text(encoding="utf-8"), 9, 11) == 2023
