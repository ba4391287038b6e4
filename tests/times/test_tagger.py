"""Behaviour of the rule-based TIMEX3 tagger on hand-built sentences (no spaCy model)."""
from __future__ import annotations

import datetime as dt

import pytest

from wirewatch.times.tagger import TimexMatch, tag_times

MON = dt.date(2023, 9, 11)  # a Monday


def one(text: str, anchor: dt.date | None = MON, needle: str | None = None) -> TimexMatch:
    """The single match (or the one whose text contains ``needle``)."""
    found = tag_times(text, anchor)
    if needle is not None:
        found = [m for m in found if needle in m.text]
    assert len(found) == 1, found
    return found[0]


def values(text: str, anchor: dt.date | None = MON) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in tag_times(text, anchor)]


def test_match_text_equals_span_and_results_sorted() -> None:
    text = "On Monday officials said the talks of April 2019 lasted 20 hours."
    found = tag_times(text, MON)
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert text[m.start:m.end] == m.text


def test_empty_text_gives_no_matches() -> None:
    assert tag_times("", MON) == []


# --- explicit dates -----------------------------------------------------------------

def test_month_day_year_is_a_full_date() -> None:
    m = one("The accord was signed on Aug. 7, 1998, in Nairobi.")
    assert (m.text, m.type, m.value) == ("Aug. 7, 1998", "DATE", "1998-08-07")


def test_dateline_month_day_takes_anchor_year() -> None:
    assert one("Moscow/Seoul, Sep 11 (EFE).- Kim left.", needle="Sep").value == "2023-09-11"


def test_day_month_year_order() -> None:
    assert one("It happened on 11 September 2001 in New York.").value == "2001-09-11"


def test_weekday_prefix_joins_the_date() -> None:
    m = one("The paper said in an editorial on Saturday, April 25, that it agreed.", dt.date(1998, 4, 24))
    assert (m.text, m.value) == ("Saturday, April 25", "1998-04-25")


def test_month_year() -> None:
    assert one("He visited Vladivostok in April 2019 by train.").value == "2019-04"


def test_month_near_anchor_is_nearest_instance() -> None:
    assert one("The rights expire Jan. 2, the company said.", dt.date(1989, 11, 2)).value == "1990-01-02"


def test_month_alone_in_past_tense_is_last_instance() -> None:
    assert one("In April, the firm was sold to a rival.", dt.date(1989, 11, 2)).value == "1989-04"


def test_lowercase_may_is_not_a_month() -> None:
    assert tag_times("Officials may decide to leave.", MON) == []


def test_iso_date() -> None:
    assert one("The file is dated 2021-03-04.").value == "2021-03-04"


# --- years, decades, centuries --------------------------------------------------------

def test_since_year_span_excludes_since() -> None:
    m = one("It is his first trip abroad since 2019.")
    assert (m.text, m.value) == ("2019", "2019")


def test_early_year_keeps_base_value() -> None:
    m = one("The borders closed in early 2020 after the outbreak.")
    assert (m.text, m.value) == ("early 2020", "2020")


def test_mid_year() -> None:
    assert one("Prices rose until mid-1996.").value == "1996"


def test_decade() -> None:
    m = one("Hate groups declined through the 1990s.")
    assert (m.text, m.value) == ("the 1990s", "199")


def test_decade_word() -> None:
    assert one("Hate groups declined through the nineties.", dt.date(1998, 3, 3)).value == "199"


def test_century() -> None:
    assert one("It was the bloodiest war of the 20th century.").value == "19"


def test_spelled_year() -> None:
    assert one("He was elected in nineteen ninety-six.").value == "1996"


def test_fiscal_year() -> None:
    assert one("In fiscal 1989, Elco earned $7.8 million.", dt.date(1989, 11, 2)).value == "1989"


# --- rejections -------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Pyongyang has spare parts for Soviet-made T-54 and T-62 tanks.",
    "It has millions of 122 and 151 millimeter howitzers.",
    "The final score was 3-1 after extra time.",
    "Call 555-1953 for details.",
    "The phone costs $1,990 in stores.",
    "Police said 1500 people marched.",
    "The population reached 1,990,000.",
    "He wore jersey No. 1985 in the parade.",
])
def test_things_that_only_look_like_dates_are_rejected(text: str) -> None:
    assert tag_times(text, MON) == []


def test_ages_are_not_durations() -> None:
    assert tag_times("Mr. Reupke, 52 years old, resigned.", MON) == []


def test_rates_are_not_durations() -> None:
    assert tag_times("The plan saves $500 million a year in costs.", MON) == []


# --- weekdays and relative days -------------------------------------------------------

def test_weekday_in_past_sentence_is_previous_or_same_day() -> None:
    assert one("Kim boarded a train on Monday.").value == "2023-09-11"
    assert one("The minister resigned on Friday.").value == "2023-09-08"


def test_weekday_in_future_sentence_is_coming_day() -> None:
    assert one("Putin will meet Kim on Wednesday.").value == "2023-09-13"


def test_last_and_next_weekday() -> None:
    assert one("They met last Monday.").value == "2023-09-04"
    assert one("They meet next Monday.").value == "2023-09-18"


def test_weekday_with_part_of_day_is_time() -> None:
    m = one("Putin traveled Monday morning to Vladivostok.")
    assert (m.text, m.type, m.value) == ("Monday morning", "TIME", "2023-09-11TMO")


def test_plural_weekday_is_a_set() -> None:
    m = one("Flights leave Bombay on Tuesday nights.")
    assert (m.type, m.value) == ("SET", "XXXX-WXX-2TNI")


def test_today_yesterday_tomorrow() -> None:
    assert values("Today he rests; yesterday he flew; tomorrow he returns.") == [
        ("Today", "2023-09-11"), ("yesterday", "2023-09-10"), ("tomorrow", "2023-09-12")]


def test_tonight_and_last_night() -> None:
    assert one("The summit opens tonight.").value == "2023-09-11TNI"
    assert one("Shelling resumed last night.").value == "2023-09-10TNI"


def test_clock_time_with_zone() -> None:
    m = one("The deadline is 3 p.m. EDT.")
    assert (m.type, m.value) == ("TIME", "2023-09-11T15:00")


def test_clock_time_with_weekday() -> None:
    assert one("The offer will expire at noon Thursday.", needle="noon").value == "2023-09-14T12:00"


# --- weeks, months, years, seasons, quarters ------------------------------------------

def test_this_last_next_week_are_iso_weeks() -> None:
    assert values("This week he chairs the forum. Last week papers reported it. Next week he leaves.") == [
        ("This week", "2023-W37"), ("Last week", "2023-W36"), ("Next week", "2023-W38")]


def test_this_last_next_month_and_year() -> None:
    assert values("Sales rose this month, fell last month, and will rise next year.") == [
        ("this month", "2023-09"), ("last month", "2023-08"), ("next year", "2024")]


def test_this_summer_is_season_of_anchor_year() -> None:
    m = one("Visitors were allowed in again this summer.")
    assert (m.text, m.value) == ("this summer", "2023-SU")


def test_last_season_is_previous_instance() -> None:
    assert one("The strike began last spring.", dt.date(1989, 10, 26)).value == "1989-SP"
    assert one("The strike began last fall.", dt.date(1989, 10, 26)).value == "1988-FA"


def test_ordinal_quarter_in_anchor_year() -> None:
    m = one("Net income in the third quarter jumped 63%.", dt.date(1989, 11, 2))
    assert (m.text, m.value) == ("the third quarter", "1989-Q3")


def test_future_quarter_in_past_report_is_last_year() -> None:
    assert one("Profits fell in the fourth quarter.", dt.date(1998, 1, 26)).value == "1997-Q4"


def test_quarter_code_and_half() -> None:
    assert one("Revenue in Q1 2020 fell.").value == "2020-Q1"
    assert one("Output grew in the first half of 2022.").value == "2022-H1"


def test_the_quarter_is_last_completed_quarter() -> None:
    assert one("Revenue inched up 3.7% in the quarter.", dt.date(1989, 10, 30)).value == "1989-Q3"


def test_weekend() -> None:
    assert one("Officials met over the weekend.", dt.date(1989, 10, 30)).value == "1989-W43-WE"


# --- relative to anchor or reference time ---------------------------------------------

def test_weeks_ago() -> None:
    assert one("The talks began two weeks ago.").value == "2023-W35"


def test_years_ago_is_a_year() -> None:
    assert one("Castro came to power 42 years ago.", dt.date(2000, 2, 16)).value == "1958"


def test_years_earlier_follows_reference_time() -> None:
    found = values("The war ended in 1953. Three years earlier it had begun.")
    assert found == [("1953", "1953"), ("Three years earlier", "1950")]


def test_the_day_before_follows_reference_date() -> None:
    assert values("He was last seen Nov. 3, the day before police issued a warrant.", dt.date(1998, 11, 20))[1] \
        == ("the day before", "1998-11-02")


def test_year_ago_in_quarterly_report_is_same_quarter_last_year() -> None:
    found = values("Net rose in the third quarter from $3 million a year ago.", dt.date(1989, 11, 2))
    assert found[-1] == ("a year ago", "1988-Q3")


# --- durations and sets --------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("The train took around 20 hours.", "PT20H"),
    ("They have been at war for 70 years.", "P70Y"),
    ("It lasted a decade.", "P10Y"),
    ("Talks lasted three months.", "P3M"),
    ("Prices fell over the past two years.", "P2Y"),
    ("It took 2 1/2 years.", "P2Y6M"),
    ("It took a minute and a half.", "PT1M30S"),
    ("He waited half an hour.", "PT30M"),
    ("It is a two-year program.", "P2Y"),
    ("The past few weeks were hard.", "PXW"),
])
def test_durations(text: str, expected: str) -> None:
    found = [m for m in tag_times(text, MON) if m.type == "DURATION"]
    assert [m.value for m in found] == [expected]


def test_past_two_years_span_includes_determiner() -> None:
    assert one("Prices fell over the past two years.").text == "the past two years"


@pytest.mark.parametrize("text,expected", [
    ("The paper is published daily.", "P1D"),
    ("Rates are reviewed every week.", "P1W"),
    ("Interest is paid annually.", "P1Y"),
    ("They meet every Thursday.", "XXXX-WXX-4"),
])
def test_sets(text: str, expected: str) -> None:
    m = one(text)
    assert (m.type, m.value) == ("SET", expected)


def test_quarterly_as_adjective_is_not_a_set() -> None:
    assert tag_times("The company cut its quarterly dividend.", MON) == []


# --- vague references -------------------------------------------------------------------

@pytest.mark.parametrize("text,expected", [
    ("The country is now at war.", "PRESENT_REF"),
    ("He currently lives abroad.", "PRESENT_REF"),
    ("Tensions rose recently.", "PAST_REF"),
    ("Such visits happened in the past.", "PAST_REF"),
    ("He will visit soon.", "FUTURE_REF"),
    ("Prices may rise in the future.", "FUTURE_REF"),
])
def test_vague_references(text: str, expected: str) -> None:
    assert one(text).value == expected


def test_in_the_coming_days_is_future_ref() -> None:
    m = one("Kim will visit Russia in the coming days.")
    assert (m.text, m.value) == ("the coming days", "FUTURE_REF")


def test_as_soon_as_is_not_a_time() -> None:
    assert tag_times("He left as soon as the talks ended.", MON) == []


# --- no anchor -----------------------------------------------------------------------------

def test_no_anchor_gives_underspecified_values() -> None:
    assert one("They met on Monday.", None).value == "XXXX-WXX-1"
    assert one("Talks resume tomorrow.", None).value == "XXXX-XX-XX"
    assert one("It happened on Sept. 30.", None).value == "XXXX-09-30"
    assert one("It happened in April 2019.", None).value == "2019-04"


# --- further expression kinds --------------------------------------------------------------

def test_holiday_takes_nearest_year() -> None:
    assert one("Shops close on Christmas Day.", dt.date(1998, 12, 1)).value == "1998-12-25"


def test_floating_holidays_follow_their_weekday_rule() -> None:
    # US Election Day: the Tuesday after the first Monday in November; Thanksgiving: the
    # fourth Thursday of November; Labor Day: the first Monday of September.
    anchor = dt.date(1998, 10, 26)
    assert one("The campaign runs from now until Election Day.", anchor, "Election").value == "1998-11-03"
    assert one("Stores will open on Thanksgiving.", anchor).value == "1998-11-26"
    assert one("Parades are planned for Labor Day.", dt.date(1999, 8, 20)).value == "1999-09-06"


def test_lower_case_holiday_phrase_is_not_tagged() -> None:
    assert tag_times("The election day passed quietly.", dt.date(1998, 10, 26)) == []


def test_season_with_year() -> None:
    m = one("It snowed heavily in the winter of 1994.")
    assert (m.text, m.value) == ("the winter of 1994", "1994-WI")


def test_year_end() -> None:
    assert one("The deal should close by year-end.", dt.date(1989, 11, 2)).value == "1989"


def test_year_ended_is_a_duration_as_in_timebank() -> None:
    m = one("For the year ended Sept. 30, Ralston earned $422.5 million.", dt.date(1989, 11, 2), needle="year")
    assert (m.type, m.value) == ("DURATION", "P1Y")


def test_coming_months_without_determiner() -> None:
    m = one("The economy is expected to slow in coming months.")
    assert (m.text, m.value) == ("coming months", "FUTURE_REF")


def test_this_morning_is_time_of_anchor_day() -> None:
    m = one("The minister arrived this morning.")
    assert (m.type, m.value) == ("TIME", "2023-09-11TMO")


def test_tv_show_title_is_not_a_date() -> None:
    assert tag_times('Baker said on ABC\'s "This Week" that talks failed.', MON) == []


def test_earlier_this_year_keeps_year_value() -> None:
    assert one("Problems that hurt sales earlier this year are gone.").value == "2023"


def test_datetime_anchor_is_used_as_its_date() -> None:
    assert one("Kim boarded a train on Monday.", dt.datetime(2023, 9, 11, 8, 30)).value == "2023-09-11"


def test_holiday_name_must_be_title_cased() -> None:
    anchor = dt.date(1998, 10, 26)
    assert tag_times("They marched on a May day long ago.", anchor) == []
    assert one("Shops shut on Christmas day.", anchor).value == "1998-12-25"
