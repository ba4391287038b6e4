"""The two backends have the same schema and answer every query the same way."""
import pytest

from wirewatch.store import EventQuery, open_store


def _sqlite_columns(store):
    out = {}
    for (table,) in store._fetchall("SELECT name FROM sqlite_master WHERE type = 'table'"):
        out[table] = [(r[1], bool(r[3]) or bool(r[5])) for r in store._fetchall(f"PRAGMA table_info({table})")]
    return out


def _postgres_columns(store):
    out: dict = {}
    rows = store._fetchall(
        "SELECT c.table_name, c.column_name, c.is_nullable = 'NO' FROM information_schema.columns c "
        "WHERE c.table_schema = current_schema() AND c.table_name <> 'wirewatch_schema' "
        "ORDER BY c.table_name, c.ordinal_position")
    for table, column, not_null in rows:
        out.setdefault(table, []).append((column, not_null))
    return out


def test_same_tables_columns_and_not_null_constraints(tmp_path, pg_db):
    with open_store(tmp_path / "w.db") as lite, open_store(pg_db) as pg:
        assert _sqlite_columns(lite) == _postgres_columns(pg)


QUERIES = [EventQuery(), EventQuery(actor="rus"), EventQuery(actor="wagner"), EventQuery(recipient="UKR"),
           EventQuery(since="2022-06-01"), EventQuery(until="2022-06-01", type="assault"), EventQuery(place="Ukr"),
           EventQuery(status="occurred", limit=3), EventQuery(doc_id="doc-07"), EventQuery(actor="%"),
           EventQuery(min_confidence=0.5)]


@pytest.mark.parametrize("q", QUERIES, ids=[str(i) for i in range(len(QUERIES))])
def test_same_answers_to_the_same_queries(tmp_path, pg_db, make_record, q):
    recs = []
    for n in range(12):
        date = None if n % 5 == 0 else f"202{n % 4}-0{n % 9 + 1}-1{n % 10}"
        actors = ("e3", "e1") if n % 3 == 0 else ("e1",)
        recs.append(make_record(f"doc-{n:02d}", text=f"Report {n}.", date=date, actors=actors))
    with open_store(tmp_path / "w.db") as lite, open_store(pg_db) as pg:
        lite.save(recs)
        pg.save(reversed(recs))
        assert list(lite.events(q)) == list(pg.events(q))
