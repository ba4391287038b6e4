import datetime as dt

import pytest

from wirewatch.stories import RecordError, document_reports
from wirewatch.stories.reports import act_window, read_reports, report_from_json, report_to_json, value_interval

from .conftest import make_record, meeting


def test_reports_read_parties_date_and_window():
    [r] = read_reports(meeting("a", "2023-09-14", "AP", "2023-09-13"), "t")
    assert r.type == "CONSULT" and r.countries == {"PRK", "RUS"}
    assert r.keys == {"Q56226", "Q7747"}
    assert r.day_precise and r.window == (dt.date(2023, 9, 13), dt.date(2023, 9, 13))


def test_undated_act_lies_before_publication_and_planned_one_after():
    pub = dt.date(2023, 9, 14)
    lo, hi = act_window(None, None, "occurred", pub)
    assert hi == pub and lo < pub
    lo, hi = act_window(None, None, "planned", pub)
    assert lo == pub and hi > pub


def test_timex_values_become_intervals():
    assert value_interval("2023-09") == (dt.date(2023, 9, 1), dt.date(2023, 9, 30))
    assert value_interval("2023-W37") == (dt.date(2023, 9, 11), dt.date(2023, 9, 17))
    assert value_interval("2023-03-20TEV") == (dt.date(2023, 3, 20), dt.date(2023, 3, 20))
    assert value_interval("FUTURE_REF") is None


def test_originator_is_the_relayed_source_else_the_relay_else_the_agency():
    rec = make_record("x", "2023-09-14", "AFP", [
        {"type": "CONSULT", "actors": ["Kim"], "evidence": "one", "source": "KCNA", "via": ["Yonhap"]},
        {"type": "CONSULT", "actors": ["Kim"], "evidence": "two", "source": "officials", "via": ["Yonhap"]},
        {"type": "CONSULT", "actors": ["Kim"], "evidence": "three"},
    ])
    assert [r.originators for r in read_reports(rec, "t")] == [
        ("Korean Central News Agency",), ("Yonhap",), ("AFP",)]


def test_another_schema_version_is_refused_by_name():
    rec = meeting("old", "2023-09-14", "AP", "2023-09-13")
    rec["schema"] = "wirewatch/0"
    with pytest.raises(RecordError, match=r"in\.jsonl line 3 \(id old\): schema 'wirewatch/0'"):
        read_reports(rec, "in.jsonl line 3")


def test_event_with_a_missing_entity_is_refused_by_name():
    rec = meeting("dmg", "2023-09-14", "AP", "2023-09-13")
    rec["events"][0]["recipients"] = ["e99"]
    with pytest.raises(RecordError, match="event v1 references entity 'e99'"):
        read_reports(rec, "t")


def test_event_with_a_missing_claim_is_refused():
    rec = meeting("dmg", "2023-09-14", "AP", "2023-09-13")
    rec["events"][0]["claims"] = ["c7"]
    with pytest.raises(RecordError, match="claim 'c7'"):
        read_reports(rec, "t")


def test_report_survives_its_json_form():
    [r] = read_reports(meeting("a", "2023-09-14", "AP", "2023-09-13", source="KCNA", place="Vladivostok"), "t")
    back = report_from_json(report_to_json(r))
    assert back == r


def test_headline_and_lead_of_one_document_are_one_report():
    rec = make_record("h", "2023-09-14", "AP", [
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "status": "ongoing", "date": "2023-09-14",
         "evidence": "Kim meets Putin"},
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "status": "occurred", "date": "2023-09-13",
         "evidence": "Kim Jong-un met Vladimir Putin on Wednesday at the cosmodrome", "source": "KCNA"},
    ], title="Kim meets Putin")
    [r] = document_reports(rec, "t")
    assert r.event == "v2" and r.status == "occurred"


def test_two_meetings_of_one_document_on_different_days_stay_two():
    rec = make_record("two", "2023-09-15", "AP", [
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "date": "2023-09-13",
         "evidence": "Kim met Putin on Wednesday"},
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "date": "2023-09-14",
         "evidence": "they met again on Thursday"},
    ])
    assert len(document_reports(rec, "t")) == 2


def test_one_act_told_again_with_fewer_parties_is_one_report():
    rec = make_record("x", "2023-03-21", "AP", [
        {"type": "CONSULT", "actors": ["Xi"], "recipients": ["Putin"], "date": "2023-03-20",
         "evidence": "Xi Jinping held talks with Vladimir Putin in the Kremlin"},
        {"type": "CONSULT", "actors": ["Putin"], "date": "2023-03-20",
         "evidence": "the informal dinner lasted four and a half hours"}])
    [r] = document_reports(rec, "t")
    assert r.countries == {"CHN", "RUS"}


def test_meetings_of_one_day_with_other_parties_stay_apart():
    rec = make_record("x", "2023-03-21", "AP", [
        {"type": "CONSULT", "actors": ["Trump"], "recipients": ["Kim"], "date": "2023-03-20",
         "evidence": "Trump met Kim"},
        {"type": "CONSULT", "actors": ["Trump"], "recipients": ["Putin"], "date": "2023-03-20",
         "evidence": "earlier Trump spoke with Putin"}])
    assert len(document_reports(rec, "t")) == 2


def test_the_same_act_dated_by_its_month_in_one_document_is_one_report():
    rec = make_record("x", "2023-09-20", "AP", [
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "date": "2023-09-13",
         "evidence": "Kim met Putin at the cosmodrome on Wednesday"},
        {"type": "CONSULT", "actors": ["Putin"], "date": "2023-09",
         "evidence": "the summit would be judged by what follows"}])
    [r] = document_reports(rec, "t")
    assert r.countries == {"PRK", "RUS"}


def test_a_vague_date_is_cut_at_publication_by_status():
    june, end, pub = dt.date(2021, 6, 1), dt.date(2021, 6, 30), dt.date(2021, 6, 17)
    assert act_window(june, end, "occurred", pub) == (june, pub)
    assert act_window(june, end, "planned", pub) == (pub, end)
    assert act_window(june, end, "ongoing", pub) == (june, end)


def test_a_place_named_as_a_party_is_where_the_act_happens():
    rec = make_record("x", "2023-09-13", "AP", [
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Vladivostok"], "date": "2023-09-13",
         "evidence": "Kim arrived in Vladivostok"}])
    [r] = read_reports(rec, "t")
    assert r.place is not None and r.place.name == "Vladivostok" and r.countries == {"PRK", "RUS"}
