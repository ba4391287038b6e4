"""Concurrent writers into one store lose and duplicate nothing.

Two processes open the same new database at the same moment (both migrate it) and store
overlapping batches of documents, in opposite orders; then both store changed texts of the same
documents, racing to replace them. Afterwards every document is stored once, and its events and
participants are the ones of the record stored with it, never a mix.
"""
import json
import subprocess
import sys
import time

from wirewatch.store import EventQuery, open_store

WRITER = """
import json, sys, time
from wirewatch.store import open_store
db, path, start, batch = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
records = json.load(open(path, encoding="utf-8"))
time.sleep(max(0.0, start - time.time()))
with open_store(db) as store:
    totals = [0, 0, 0]
    for i in range(0, len(records), batch):
        s = store.save(records[i:i + batch])
        totals = [totals[0] + s.added, totals[1] + s.replaced, totals[2] + s.unchanged]
print(json.dumps(totals))
"""


def _race(db, tmp_path, jobs, batches=(7, 7)):
    """Run one writer process per list of records, all starting at the same moment; their totals."""
    start = time.time() + 2.0
    procs = []
    for n, (records, batch) in enumerate(zip(jobs, batches)):
        path = tmp_path / f"job{n}.json"
        path.write_text(json.dumps(records), encoding="utf-8")
        procs.append(subprocess.Popen([sys.executable, "-c", WRITER, db, str(path), str(start), str(batch)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    return [json.loads(out) for out, _ in outs]


def _assert_consistent(store, ids):
    assert store.count() == len(ids)
    assert store.count("events") == sum(len(store.record(i)["events"]) for i in ids)
    for i in ids:
        rec = store.record(i)
        evs = list(store.events(EventQuery(doc_id=i)))
        assert [e["evidence"] for e in evs] == [v["evidence"]["text"] for v in rec["events"]], i
        assert [[a["id"] for a in e["actors"]] for e in evs] == [v["actors"] for v in rec["events"]], i


def test_overlapping_concurrent_ingests_store_each_document_once(db, tmp_path, make_record):
    first = [make_record(f"d{n:03d}", text=f"Russia attacked Ukraine, report {n}.") for n in range(0, 120)]
    second = [make_record(f"d{n:03d}", text=f"Russia attacked Ukraine, report {n}.") for n in range(60, 180)]
    totals = _race(db, tmp_path, [first, list(reversed(second))])
    added = sum(t[0] for t in totals)
    unchanged = sum(t[2] for t in totals)
    assert added == 180 and unchanged == 60 and sum(t[1] for t in totals) == 0
    with open_store(db) as store:
        _assert_consistent(store, [f"d{n:03d}" for n in range(180)])
        assert store.count("event_participants") == 2 * 180


def test_concurrent_replacements_leave_one_whole_version_of_each_document(db, tmp_path, make_record):
    ids = [f"d{n:03d}" for n in range(80)]
    with open_store(db) as store:
        store.save([make_record(i, text=f"Original {i}.") for i in ids])
    a = [make_record(i, text=f"Version A of {i}.", actors=("e1",)) for i in ids]
    b = [make_record(i, text=f"Version B of {i}.", actors=("e3", "e1")) for i in ids]
    totals = _race(db, tmp_path, [a, b], batches=(5, 3))  # the same documents at the same time
    assert sum(t[0] for t in totals) == 0 and sum(t[1] + t[2] for t in totals) == 160
    with open_store(db) as store:
        _assert_consistent(store, ids)
        texts = {store.record(i)["doc"]["text"].split(" of ")[0] for i in ids}
        assert texts <= {"Version A", "Version B"}
