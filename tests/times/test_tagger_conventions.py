"""TimeBank conventions and anaphora the tagger follows (hand-built sentences, no spaCy model).

Each test names the convention: how TimeBank/TempEval-3 annotate the expression, or which
reference time an anaphoric expression follows.
"""
from __future__ import annotations

import datetime as dt

from wirewatch.times.tagger import TimexMatch, tag_times

THU_1989 = dt.date(1989, 10, 26)  # a Thursday, in 1989-Q4
MON_1989 = dt.date(1989, 10, 30)


def pairs(text: str, anchor: dt.date | None) -> list[tuple[str, str]]:
    """(text, value) of every match."""
    return [(m.text, m.value) for m in tag_times(text, anchor)]


def only(text: str, anchor: dt.date | None, needle: str) -> TimexMatch:
    """The single match whose text contains ``needle``."""
    found = [m for m in tag_times(text, anchor) if needle in m.text]
    assert len(found) == 1, found
    return found[0]


# --- "the past year": the previous calendar unit --------------------------------------------

def test_the_past_year_is_the_previous_calendar_year() -> None:
    m = only("Hate groups grew sharply over the past year.", dt.date(1998, 3, 3), "year")
    assert (m.text, m.type, m.value) == ("the past year", "DATE", "1997")


def test_the_last_decade_is_the_previous_decade() -> None:
    m = only("Workers lost earning power to inflation in the last decade.", dt.date(1998, 2, 6), "decade")
    assert (m.type, m.value) == ("DATE", "198")


def test_the_next_year_is_the_following_calendar_year() -> None:
    assert only("The plants will be closed over the next year.", MON_1989, "year").value == "1990"


def test_the_past_century_stays_a_duration() -> None:
    m = only("It was one of the great events of the past century.", MON_1989, "century")
    assert (m.type, m.value) == ("DURATION", "P100Y")


def test_the_past_two_years_stays_a_duration() -> None:
    assert only("Prices fell over the past two years.", MON_1989, "years").value == "P2Y"


# --- financial reporting periods ------------------------------------------------------------

def test_year_earlier_after_nine_month_results_is_the_previous_year() -> None:
    text = ("Net rose in the third quarter to $2 million from $1 million a year earlier. "
            "For the nine months, net was $5 million, compared with $4 million a year earlier.")
    assert pairs(text, THU_1989) == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3"),
                                     ("the nine months", "P9M"), ("a year earlier", "1988")]


def test_year_ago_period_after_nine_months_is_the_previous_year() -> None:
    text = "In the first nine months, net was $306 million, compared with a loss in the 1988 period."
    assert pairs(text, dt.date(1989, 11, 2)) == [("the first nine months", "P9M"), ("the 1988 period", "1988")]


def test_the_quarter_a_year_ago_is_one_expression() -> None:
    text = "The thrift lost money in the third quarter. For the quarter a year ago, it earned $16 million."
    m = only(text, THU_1989, "a year ago")
    assert (m.text, m.value) == ("the quarter a year ago", "1988-Q3")


def test_year_earlier_nine_months_is_one_duration() -> None:
    text = "Net for the year-earlier nine months included a gain of $9.7 million."
    m = only(text, THU_1989, "months")
    assert (m.text, m.type, m.value) == ("the year-earlier nine months", "DURATION", "P9M")


def test_the_quarter_after_a_fiscal_quarter_has_unknown_calendar_quarter() -> None:
    text = ("Delta's earnings soared in the fiscal first quarter. During the quarter, Delta issued "
            "2.5 million shares.")
    assert pairs(text, THU_1989) == [("the fiscal first quarter", "1989-Q1"), ("the quarter", "1989-QX")]


def test_the_latest_period_is_the_completed_reported_quarter() -> None:
    text = "Sales rose in the fiscal second quarter. Sales in the latest period were $1.7 billion."
    assert only(text, THU_1989, "latest").value == "1989-Q2"


def test_the_latest_quarter_ignores_a_quarter_not_yet_ended() -> None:
    text = "Analysts expect fourth-quarter profit to fall. Profit fell 59% in the latest quarter."
    assert only(text, dt.date(1989, 11, 2), "latest").value == "1989-Q3"


def test_year_earlier_after_a_named_day_is_that_day_a_year_back() -> None:
    text = "For the quarter ended Sept. 30, Delta earned $133 million, up from $100 million a year earlier."
    assert only(text, THU_1989, "year").value == "1988-09-30"


def test_the_last_half_of_a_decade_takes_the_decade() -> None:
    m = only("Sales followed the trend of the last half of the '80s, with volume flat.", THU_1989, "half")
    assert (m.text, m.value) == ("the last half of the '80s", "198")


# --- "N units later/earlier" -----------------------------------------------------------------

def test_days_later_is_a_duration_without_the_signal() -> None:
    m = only("The gap closes slowly. Three days later, the index recovered.", MON_1989, "days")
    assert (m.text, m.type, m.value) == ("Three days", "DURATION", "P3D")


def test_few_days_later_is_an_unspecified_duration() -> None:
    assert only("A few days later, the rival bid was raised.", MON_1989, "days").value == "PXD"


def test_days_later_still_moves_the_reference_day() -> None:
    text = "The market fell on Oct. 12. Three days later it recovered, and the next day it rose again."
    assert only(text, MON_1989, "next day").value == "1989-10-16"


def test_a_year_earlier_stays_a_date() -> None:
    assert only("Net rose to $5 million from $4 million a year earlier.", MON_1989, "year").type == "DATE"


# --- anaphoric and deadline weekdays --------------------------------------------------------

def test_the_previous_weekday_is_before_the_reference_day() -> None:
    text = ("London shares closed sharply lower Friday. The index shed 47 points, down 4.5% from "
            "the previous Friday.")
    assert pairs(text, MON_1989) == [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]


def test_weekday_after_until_is_an_upcoming_deadline() -> None:
    text = "Officials postponed until Tuesday any action on the case."
    assert only(text, dt.date(2000, 3, 30), "Tuesday").value == "2000-04-04"


def test_clock_and_weekday_after_until_is_an_upcoming_deadline() -> None:
    text = "The agency has given the relatives until 9 a.m. Tuesday to sign a paper."
    assert only(text, dt.date(2000, 4, 3), "Tuesday").value == "2000-04-04T09:00"


def test_fronted_until_weekday_follows_the_past_tense() -> None:
    text = "Until Thursday, they had not called him a suspect."
    assert only(text, dt.date(1999, 5, 7), "Thursday").value == "1999-05-06"


def test_since_places_an_unyeared_date_before_the_document_date() -> None:
    text = "Investigators have been searching for him since shortly after the Oct. 23 slaying."
    assert only(text, dt.date(1999, 5, 6), "Oct").value == "1998-10-23"


# --- week, parts of day, coordinated dates --------------------------------------------------

def test_the_week_under_discussion_is_unresolved_in_its_year() -> None:
    assert only("For the week, the index dropped 3.8%.", MON_1989, "week").value == "1989-WXX"


def test_in_the_morning_is_part_of_the_reference_day() -> None:
    text = "Hopes were dashed Friday. Dealers placed heavy buy orders in the morning."
    m = only(text, MON_1989, "morning")
    assert (m.text, m.type, m.value) == ("the morning", "TIME", "1989-10-27TMO")


def test_mid_afternoon_is_a_time() -> None:
    m = only("By mid afternoon, official sources were saying the attack was over.", dt.date(1998, 3, 6), "mid")
    assert (m.type, m.value) == ("TIME", "1998-03-06TAF")


def test_hour_in_the_morning_is_a_clock_time() -> None:
    m = only("This father will leave at 4 in the morning, Castro said.", dt.date(2000, 4, 5), "morning")
    assert (m.text, m.value) == ("4 in the morning", "2000-04-05T04:00")


def test_second_day_of_coordinated_dates_is_its_own_date() -> None:
    assert pairs("The summit will be held on April 24 and 25.", dt.date(1999, 3, 12)) == [
        ("April 24", "1999-04-24"), ("25", "1999-04-25")]


def test_count_after_a_date_and_is_not_a_second_day() -> None:
    assert pairs("Fighting raged on April 24 and 25 people died.", dt.date(1999, 3, 12)) == [
        ("April 24", "1999-04-24")]


def test_year_after_a_prefix_is_a_year() -> None:
    assert only("The post-1959 politics split families.", dt.date(2000, 1, 7), "1959").value == "1959"


# --- durations and vague references ---------------------------------------------------------

def test_approximated_month_after_a_verb_is_not_a_rate() -> None:
    m = only("This move comes barely a month after Qantas suspended flights.", dt.date(1998, 2, 13), "month")
    assert (m.type, m.value) == ("DURATION", "P1M")


def test_trading_days_are_a_duration() -> None:
    m = only("Eight trading days after Oct. 12, the index was still lower.", MON_1989, "days")
    assert (m.text, m.value) == ("Eight trading days", "P8D")


def test_couple_of_years_without_article() -> None:
    m = only("Over the next couple of years we expect growth.", MON_1989, "years")
    assert (m.text, m.value) == ("the next couple of years", "P2Y")


def test_one_day_after_a_modal_is_an_indefinite_future() -> None:
    m = only("Islam will one day be the second religion of the country.", dt.date(1998, 3, 3), "day")
    assert (m.type, m.value) == ("DATE", "FUTURE_REF")


def test_one_day_as_a_measure_stays_a_duration() -> None:
    assert only("The strike lasted one day.", MON_1989, "day").value == "P1D"


def test_as_soon_as_possible_is_future_ref() -> None:
    assert only('It will liquidate the maker "as soon as possible," it said.', MON_1989, "soon").value == "FUTURE_REF"


def test_season_after_into() -> None:
    assert only("Sun struggled to meet demand well into the summer.", MON_1989, "summer").value == "1989-SU"


# --- which quarter is the reporting period ---------------------------------------------------

def test_backdrop_quarter_does_not_become_the_reporting_period() -> None:
    text = ("Net income rose 20% in the third quarter. After a flat second quarter, the company "
            "cited higher prices. In the 1989 period, interest expense was lower than a year ago.")
    assert pairs(text, dt.date(1989, 11, 1))[-2:] == [("the 1989 period", "1989-Q3"), ("a year ago", "1988-Q3")]


def test_outlook_quarter_does_not_replace_the_reporting_period() -> None:
    text = ("Third-quarter net fell to $33 million. The company expects the trend to continue into "
            "the fourth quarter. In the year-ago period, it earned $36 million.")
    assert only(text, THU_1989, "year-ago").value == "1988-Q3"


def test_first_quarter_mention_becomes_the_period_even_if_not_ended() -> None:
    text = "Fourth-quarter sales rose. The quarter was strong."
    assert only(text, THU_1989, "The quarter").value == "1989-Q4"


# --- clock times and weeks anchored on a date --------------------------------------------------

def test_clock_time_without_a_day_takes_the_reference_day() -> None:
    text = "The doctor was shot on Oct. 23, 1998. He was standing in his kitchen at 10 p.m. when it happened."
    assert only(text, dt.date(1999, 4, 19), "p.m.").value == "1998-10-23T22:00"


def test_the_week_of_a_date_is_its_iso_week() -> None:
    text = "The case may be resolved in a hearing the week of March 6, a relative said."
    m = only(text, dt.date(2000, 2, 24), "week")
    assert (m.text, m.value) == ("the week of March 6", "2000-W10")


# --- possessive weekdays name known events ----------------------------------------------------

def test_possessive_weekday_is_on_or_before_anchor_in_a_future_clause() -> None:
    # "Wednesday's ruling" is the ruling already made, even in "they would fight ...".
    fri = dt.date(2000, 1, 7)
    m = only("Relatives said they would look for ways to get around Wednesday's ruling.", fri, "Wednesday")
    assert m.value == "2000-01-05"


def test_possessive_weekday_awaited_is_the_coming_day() -> None:
    fri = dt.date(2000, 1, 7)
    m = only("Protesters gathered ahead of Sunday's vote.", fri, "Sunday")
    assert m.value == "2000-01-09"
