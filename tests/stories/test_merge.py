from wirewatch.stories import build_stories
from wirewatch.stories.cluster import Clusterer, block_keys
from wirewatch.stories.reports import read_reports
from wirewatch.stories.story import independent_sources
from wirewatch.stories.synthetic import bcubed, records

from .conftest import make_record, meeting


def stories_of(recs, **kw):
    return build_stories(((r, f"t{i}") for i, r in enumerate(recs)), **kw)


def test_reports_of_one_summit_make_one_story_and_another_meeting_another(summit_records):
    stories = stories_of(summit_records)
    assert [sorted(r["doc"] for r in s["reports"]) for s in stories] == [["a", "b", "c", "d", "plan"], ["other"]]
    s = stories[0]
    assert s["schema"] == "wirewatch-story/1" and s["id"] == "s1" and s["type"] == "CONSULT"
    assert s["date"]["value"] == "2023-09-13" and s["status"] == "occurred"
    assert s["first_reported"] == "2023-09-11"
    assert all(r["evidence"] for r in s["reports"])
    assert {p["country"] for p in s["actors"]} == {"PRK"} and {p["country"] for p in s["recipients"]} == {"RUS"}


def test_relays_of_one_dispatch_count_as_one_source(summit_records):
    s = stories_of(summit_records)[0]
    assert sorted(s["sources"]) == ["Korean Central News Agency", "Kremlin", "TASS"]


def test_spellings_of_one_agency_are_one_source():
    assert independent_sources(["KCNA", "Korean Central News Agency", "KCNA news agency", "the Kremlin",
                                "Kremlin"]) == ["KCNA", "the Kremlin"]


def test_disagreeing_dates_are_listed_as_a_conflict():
    recs = [meeting("a", "2019-02-28", "AP", "2019-02-28", evidence="the summit talks collapsed at the hotel"),
            meeting("b", "2019-03-01", "AFP", "2019-03-01", evidence="the summit talks collapsed at the hotel"),
            meeting("c", "2019-03-01", "EFE", "2019-02-28", evidence="the summit talks collapsed")]
    [s] = stories_of(recs)
    [c] = [c for c in s["conflicts"] if c["field"] == "date"]
    assert c["values"] == {"2019-02-28": ["a", "c"], "2019-03-01": ["b"]}


def test_status_follows_the_latest_reports():
    recs = [meeting("a", "2023-06-25", "AP", "2023-06-25", "planned", "the case will be closed"),
            meeting("b", "2023-06-27", "AFP", "2023-06-25", "occurred", "the case was closed")]
    [s] = stories_of(recs)
    assert s["status"] == "occurred"


def test_one_story_holds_one_report_per_document():
    rec = make_record("x", "2023-09-15", "AP", [
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "date": "2023-09-13",
         "evidence": "Kim met Putin at the cosmodrome"},
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "date": "2023-09-14",
         "evidence": "Kim met Putin in Vladivostok"}])
    for s in stories_of([rec, meeting("y", "2023-09-15", "AFP", "2023-09-13")]):
        docs = [r["doc"] for r in s["reports"]]
        assert len(docs) == len(set(docs))


def test_blocks_are_by_type_party_country_and_week():
    [r] = read_reports(meeting("a", "2023-09-13", "AP", "2023-09-13"), "t")
    keys = set(block_keys(r))
    assert {k[0] for k in keys} == {"CONSULT"} and {k[1] for k in keys} == {"PRK", "RUS"}
    assert 1 <= len({k[2] for k in keys}) <= 2


def test_a_report_only_meets_stories_of_its_blocks():
    c = Clusterer()
    [a] = read_reports(meeting("a", "2023-09-13", "AP", "2023-09-13"), "t")
    [far] = read_reports(meeting("f", "2021-01-13", "AP", "2021-01-13"), "t")
    c.assign(far)
    assert c.candidates(a) == []


def test_merging_beats_the_gdelt_grouping_on_synthetic_reports():
    recs, gold = records(2000, seed=3)
    _, _, f_merge = bcubed(stories_of(recs), gold)
    p_gdelt, r_gdelt, f_gdelt = bcubed(stories_of(recs, method="gdelt"), gold)
    assert p_gdelt > 0.97 and r_gdelt < 0.7
    assert f_merge >= 0.8 and f_merge > f_gdelt + 0.08


def test_a_short_name_is_the_full_name_of_the_same_country():
    from wirewatch.stories.reports import Party
    from wirewatch.stories.story import merged_parties

    short, full = Party("Trump", "person", "USA", "GOV", None), Party("Donald Trump", "person", "USA", "GOV", "Q22686")
    other = Party("Trump", "person", "GBR", "GOV", None)
    assert [p["name"] for p in merged_parties([(short,), (full,), (full,)])] == ["Donald Trump"]
    assert len(merged_parties([(other,), (full,)])) == 2


def _one_side(doc, who, text="called the talks useful", day="2023-09-13"):
    return make_record(doc, day, "AP", [{"type": "CONSULT", "actors": [who], "date": day, "evidence": text}])


def test_reports_naming_one_side_each_join_the_story_that_names_both():
    recs = [meeting("both", "2023-09-13", "AP", "2023-09-13"), _one_side("putin", "Putin"), _one_side("kim", "Kim")]
    [s] = stories_of(recs)
    assert sorted(r["doc"] for r in s["reports"]) == ["both", "kim", "putin"]


def test_reports_of_one_side_each_and_nothing_to_bridge_them_stay_apart():
    assert len(stories_of([_one_side("putin", "Putin"), _one_side("kim", "Kim")])) == 2


def test_two_stories_of_one_act_are_joined_and_of_two_days_are_not():
    from wirewatch.stories.cluster import Cluster

    c = Clusterer()
    days = ["2023-09-13", "2023-09-13", "2023-09-16"]
    for i, day in enumerate(days, start=1):
        cl = Cluster(i)
        [r] = read_reports(meeting(f"d{i}", day, "AP", day), "t")
        cl.add(r)
        c.add_cluster(cl)
    assert c.remerge() == {2: 1}
    assert sorted(len(cl.reports) for cl in c.clusters.values()) == [1, 2]


def test_a_body_speaking_for_a_leader_is_the_same_act_in_one_document():
    from wirewatch.stories.merge import document_reports

    rec = make_record("x", "2023-09-13", "AP", [
        {"type": "CONSULT", "actors": ["Kim"], "recipients": ["Putin"], "date": "2023-09-13",
         "evidence": "Kim met Putin at the cosmodrome"},
        {"type": "CONSULT", "actors": ["Kremlin"], "date": "2023-09-13", "evidence": "the talks lasted five hours"}])
    [r] = document_reports(rec, "t")
    assert r.countries == {"PRK", "RUS"}


def test_one_leader_meeting_two_counterparts_on_one_day_makes_two_stories():
    recs = [meeting("a", "2023-09-13", "AP", "2023-09-13"),
            make_record("b", "2023-09-13", "AFP", [{"type": "CONSULT", "actors": ["Xi"], "recipients": ["Putin"],
                                                     "date": "2023-09-13",
                                                     "evidence": "Xi Jinping met Vladimir Putin at the cosmodrome"}])]
    assert len(stories_of(recs)) == 2


def test_one_miscoded_report_does_not_split_a_story_that_outvotes_it():
    """Four reports of a summit, one of them a preview miscoded as an act of its own day, and a
    same-day preview that this one report vetoes (planned, published after the act it dates):
    the other three outvote it and the preview joins."""
    recs = [meeting(d, "2023-09-13", "AP", "2023-09-13") for d in ("a", "b", "c")]
    recs.append(meeting("early", "2023-09-12", "AFP", "2023-09-12"))     # the act dated a day early
    recs.append(meeting("late", "2023-09-13", "EFE", "2023-09-13", "planned"))
    from wirewatch.stories.similarity import compatible
    reps = {r.doc: r for rec in recs for r in read_reports(rec, "t")}
    assert not compatible(reps["late"], reps["early"])                    # the one objection
    assert all(compatible(reps["late"], reps[d]) for d in "abc")
    [s] = stories_of(recs)
    assert len(s["reports"]) == 5


def test_a_report_two_of_three_reports_veto_starts_its_own_story():
    recs = [meeting("a", "2023-09-13", "AP", "2023-09-13"),
            meeting("b", "2023-09-12", "AFP", "2023-09-12"), meeting("c", "2023-09-12", "EFE", "2023-09-12"),
            meeting("late", "2023-09-13", "DPA", "2023-09-13", "planned")]
    assert sorted(len(s["reports"]) for s in stories_of(recs)) == [1, 3]
