import json

import pytest

from wirewatch.store import Store
from wirewatch.stories.store import StoryStore, update_stories

from .conftest import meeting


@pytest.fixture()
def store(db):
    with Store(db) as s:
        yield s


def test_stories_are_built_from_the_stored_documents(store, summit_records):
    store.save(summit_records)
    stats = update_stories(store)
    assert stats.documents == 6 and not stats.errors
    stories = list(StoryStore(store).stories())
    assert sorted(len(s["reports"]) for s in stories) == [1, 5]


def test_a_late_report_joins_its_story_without_a_rebuild(store, summit_records):
    store.save(summit_records[:3])
    update_stories(store)
    ss = StoryStore(store)
    [before] = list(ss.stories())
    store.save([meeting("late", "2023-09-20", "Kyodo", "2023-09-13", evidence="Kim met Putin at the cosmodrome")])
    stats = update_stories(store)
    assert stats.documents == 1 and stats.reports == 1
    [after] = list(ss.stories())
    assert after["id"] == before["id"] and "late" in [r["doc"] for r in after["reports"]]
    assert update_stories(store).documents == 0   # nothing new: nothing done


def test_a_replaced_document_leaves_its_old_story(store, summit_records):
    store.save(summit_records[:2])
    update_stories(store)
    moved = meeting("a", "2024-06-19", "Reuters", "2024-06-19", evidence="Putin met Kim Jong-un in Pyongyang")
    store.save([moved])
    update_stories(store)
    stories = list(StoryStore(store).stories())
    assert sorted([r["doc"] for r in s["reports"]] for s in stories) == [["a"], ["plan"]]


def test_a_damaged_stored_record_is_named_and_the_rest_go_on(store, summit_records):
    store.save(summit_records[:3])
    bad = store.record("a")
    bad["events"][0]["actors"] = ["e42"]
    with store._write():
        store._execute("UPDATE documents SET record = ? WHERE id = 'a'", (json.dumps(bad),))
    seen = []
    stats = update_stories(store, on_error=seen.append)
    assert len(seen) == 1 and "document a" in str(seen[0]) and "e42" in str(seen[0])
    assert stats.reports == 2


def test_a_story_is_read_by_its_id(store, summit_records):
    store.save(summit_records)
    update_stories(store)
    ss = StoryStore(store)
    first = next(iter(ss.stories()))
    assert ss.story(first["id"]) == first
    assert ss.story("s999") is None and ss.story("doc-1") is None


def test_concurrent_updates_merge_each_report_once(db, summit_records):
    import threading

    with Store(db) as s:
        s.save(summit_records)
    errors = []

    def run():
        try:
            with Store(db) as s:
                update_stories(s)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with Store(db) as s:
        stories = list(StoryStore(s).stories())
    assert sorted(len(x["reports"]) for x in stories) == [1, 5]


def test_a_late_report_naming_both_sides_joins_two_stories_of_one_side_each(store):
    from .conftest import make_record

    def one_side(doc, who, text):
        return make_record(doc, "2023-09-13", "AP", [{"type": "CONSULT", "actors": [who], "date": "2023-09-13",
                                                       "evidence": text}])
    store.save([one_side("a", "Putin", "Putin called the talks useful"),
                one_side("b", "Kim", "Kim called the talks useful")])
    update_stories(store)
    assert len(list(StoryStore(store).stories())) == 2
    store.save([meeting("c", "2023-09-14", "AFP", "2023-09-13", evidence="Kim met Putin for talks")])
    update_stories(store)
    [story] = list(StoryStore(store).stories())
    assert sorted(r["doc"] for r in story["reports"]) == ["a", "b", "c"]
    rows = store._fetchall("SELECT DISTINCT story_id FROM story_reports")
    assert [f"s{r[0]}" for r in rows] == [story["id"]]
