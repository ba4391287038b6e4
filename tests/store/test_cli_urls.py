"""``--db`` takes a postgresql:// URL everywhere, and both backends give the same answers and exports."""
import subprocess
import sys

import pytest

from wirewatch.export import FORMATS, export_events
from wirewatch.store import EventQuery, open_store


def ww(*args):
    return subprocess.run([sys.executable, "-m", "wirewatch", *map(str, args)], capture_output=True, text=True,
                          timeout=900)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "parquet"])
def test_exports_are_the_same_from_both_backends(tmp_path, pg_db, make_record, fmt):
    recs = [make_record(f"d{n}", date=f"2023-0{n % 9 + 1}-01", actors=("e3", "e1") if n % 2 else ("e1",))
            for n in range(20)]
    outs = []
    for db in (str(tmp_path / "w.db"), pg_db):
        with open_store(db) as store:
            store.save(recs)
            out = tmp_path / f"{len(outs)}.{fmt}"
            export_events(store, EventQuery(actor="rus"), fmt, out)
            outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"d1") >= 1


@pytest.mark.slow
def test_ingest_events_show_export_with_a_postgresql_url(tmp_path, pg_db, root):
    lite = tmp_path / "w.db"
    sample = root / "samples" / "grain-deal.jsonl"
    for db in (lite, pg_db):
        r = ww("ingest", sample, "--db", db, "-q")
        assert r.returncode == 0, r.stderr
    outputs = []
    for db in (lite, pg_db):
        events = ww("events", "--db", db, "--format", "jsonl")
        show = ww("show", "2022-07-22-grain-deal", "--db", db)
        export = ww("export", "--db", db, "--format", "csv", "-q")
        assert events.returncode == show.returncode == export.returncode == 0, events.stderr + show.stderr + export.stderr
        outputs.append((events.stdout, show.stdout, export.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].count("\n") >= 2 and "grain" in outputs[0][1].lower()
    r = ww("events", "--db", pg_db.rsplit("/", 1)[0] + "/no_such_db")
    assert r.returncode == 3 and "cannot connect" in r.stderr and "Traceback" not in r.stderr
