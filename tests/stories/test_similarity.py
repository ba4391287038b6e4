from wirewatch.stories.reports import read_reports
from wirewatch.stories.similarity import THRESHOLD, compatible, similarity

from .conftest import make_record, meeting


def one(rec):
    [r] = read_reports(rec, "t")
    return r


def test_planned_before_and_occurred_after_are_one_act():
    plan = one(meeting("p", "2023-09-11", "EFE", "2023-09-13", "planned", "Kim will meet Putin"))
    done = one(meeting("d", "2023-09-13", "AP", "2023-09-13", "occurred", "Kim met Putin"))
    assert similarity(plan, done) >= THRESHOLD


def test_undated_announcement_joins_the_meeting_it_announces():
    plan = one(meeting("p", "2023-09-05", "EFE", None, "planned", "Kim will meet Putin"))
    done = one(meeting("d", "2023-09-13", "AP", "2023-09-13", "occurred", "Kim met Putin"))
    assert compatible(plan, done)


def test_meetings_on_different_days_are_not_one_act():
    day1 = one(meeting("a", "2023-09-13", "AP", "2023-09-13"))
    day3 = one(meeting("b", "2023-09-15", "AP", "2023-09-15"))
    assert not compatible(day1, day3) and similarity(day1, day3) == 0.0


def test_different_types_never_merge():
    a = one(meeting("a", "2023-09-13", "AP", "2023-09-13"))
    rec = meeting("b", "2023-09-13", "AP", "2023-09-13")
    rec["events"][0]["type"] = "AGREE"
    assert not compatible(a, one(rec))


def test_parties_of_other_countries_never_merge():
    a = one(meeting("a", "2023-09-13", "AP", "2023-09-13"))
    b = one(make_record("b", "2023-09-13", "AP", [{"type": "CONSULT", "actors": ["Xi"], "recipients": ["Trump"],
                                                     "date": "2023-09-13", "evidence": "Kim met Putin"}]))
    assert not compatible(a, b)


def test_an_accusation_the_other_way_round_is_another_act():
    a = one(make_record("a", "2023-09-13", "AP", [{"type": "ACCUSE", "actors": ["Putin"], "recipients": ["Trump"],
                                                     "date": "2023-09-13", "evidence": "Putin accused Trump"}]))
    b = one(make_record("b", "2023-09-13", "AP", [{"type": "ACCUSE", "actors": ["Trump"], "recipients": ["Putin"],
                                                     "date": "2023-09-13", "evidence": "Trump accused Putin"}]))
    assert not compatible(a, b)


def test_same_person_by_knowledge_base_id_counts_more_than_the_country():
    a = one(meeting("a", "2023-09-13", "AP", "2023-09-13"))
    b = one(meeting("b", "2023-09-13", "AFP", "2023-09-13"))
    c = one(make_record("c", "2023-09-13", "AP", [{"type": "CONSULT", "actors": ["KCNA"], "recipients": ["Kremlin"],
                                                     "date": "2023-09-13",
                                                     "evidence": "Kim Jong-un met Vladimir Putin at the cosmodrome"}]))
    assert similarity(a, b) > similarity(a, c) > 0


def test_a_one_word_name_is_the_person_of_that_name_and_country():
    from wirewatch.stories.reports import Party, identity_keys
    from wirewatch.stories.similarity import same_party

    class P:
        def __init__(self, *parties):
            self.keys, self.words = identity_keys(parties)

    putin = Party("Vladimir Putin", "person", "RUS", "GOV", "Q7747")
    assert same_party(P(Party("Putin", "person", "RUS", "GOV", None)), P(putin))
    assert not same_party(P(Party("Putin", "person", "USA", "GOV", None)), P(putin))
    assert not same_party(P(Party("Kim Yo Jong", "person", "PRK", "GOV", None)),
                          P(Party("Kim Jong Un", "person", "PRK", "GOV", None)))
