"""Exports: the flat CSV layout, typed Parquet, GeoJSON of placed events, JSON Lines; atomic files."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from wirewatch.cli.main import cli
from wirewatch.export import COLUMNS, ExportError, export_events
from wirewatch.store import EventQuery, open_store


def _export(path, fmt, output=None, **filters):
    with open_store(path) as store:
        return export_events(store, EventQuery(**filters), fmt, output)


def test_csv_has_one_row_per_event_in_the_event_data_layout(store_path, tmp_path):
    out = tmp_path / "e.csv"
    assert _export(store_path, "csv", out).written == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert list(rows[0]) == list(COLUMNS)
    summit = next(r for r in rows if r["doc_id"] == "summit")
    assert summit["date"] == summit["date_start"] == summit["date_end"] == "2023-09-13"
    assert (summit["type"], summit["mode"], summit["status"]) == ("CONSULT", "visit", "occurred")
    assert summit["actor_name"] == "Kim Jong-un;Vladimir Putin" and summit["actor_country"] == "PRK;RUS"
    assert summit["recipient_name"] == "Vladimir Putin" and summit["recipient_sector"] == "GOV"
    assert (summit["place_name"], summit["place_country"], summit["geonames_id"]) == ("Vostochny Cosmodrome", "RUS", "7732460")
    assert (float(summit["latitude"]), float(summit["longitude"]), float(summit["confidence"])) == (51.88, 128.33, 0.75)
    assert summit["url"] == "https://example.org/summit" and summit["doc_title"] == "Kim meets Putin"
    assert summit["evidence"] == "Kim Jong-un met Vladimir Putin at the Vostochny Cosmodrome on Wednesday."
    clash = next(r for r in rows if r["doc_id"] == "clash" and r["event_id"] == "v1")
    # several actors stay aligned: a missing country is an empty slot
    assert clash["actor_name"] == "unnamed militants;Vladimir Putin" and clash["actor_country"] == ";RUS"
    assert clash["actor_sector"] == "REB;GOV" and clash["recipient_name"] == ""
    assert clash["date"] == "2023-W38" and (clash["date_start"], clash["date_end"]) == ("2023-09-18", "2023-09-24")
    assert clash["latitude"] == "" and clash["geonames_id"] == ""


def test_filters_are_those_of_wirewatch_events(store_path, tmp_path):
    out = tmp_path / "e.csv"
    assert _export(store_path, "csv", out, actor="PRK").written == 1
    assert _export(store_path, "csv", out, status="planned").written == 1
    assert _export(store_path, "csv", out, since="2023-09-15").written == 1  # v2 has no date
    assert _export(store_path, "csv", out, type="CONSULT", place="Vostochny").written == 1
    assert _export(store_path, "csv", out, actor="nobody").written == 0
    assert out.read_text(encoding="utf-8").splitlines() == [",".join(COLUMNS)]


def test_parquet_columns_are_typed(store_path, tmp_path):
    import datetime as dt

    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    assert _export(store_path, "parquet", out).written == 3
    table = pq.read_table(out)
    assert table.column_names == list(COLUMNS) and table.num_rows == 3
    types = {f.name: f.type for f in table.schema}
    assert types["date_start"] == pa.date32() and types["date_end"] == pa.date32()
    assert types["latitude"] == types["longitude"] == types["confidence"] == pa.float64()
    assert types["geonames_id"] == pa.int64() and types["date"] == pa.string()
    rows = {(r["doc_id"], r["event_id"]): r for r in table.to_pylist()}
    assert rows[("summit", "v1")]["date_start"] == dt.date(2023, 9, 13)
    assert rows[("summit", "v1")]["geonames_id"] == 7732460 and rows[("summit", "v1")]["latitude"] == 51.88
    assert rows[("clash", "v1")]["date_end"] == dt.date(2023, 9, 24) and rows[("clash", "v1")]["latitude"] is None
    assert rows[("clash", "v2")]["date_start"] is None


def test_parquet_of_no_events_still_has_the_schema(store_path, tmp_path):
    import pyarrow.parquet as pq

    out = tmp_path / "e.parquet"
    assert _export(store_path, "parquet", out, actor="nobody").written == 0
    table = pq.read_table(out)
    assert table.num_rows == 0 and table.column_names == list(COLUMNS)


def test_parquet_needs_a_file(store_path):
    with pytest.raises(ExportError, match="binary format: give a file with -o"):
        _export(store_path, "parquet", None)


def test_geojson_has_a_point_feature_per_placed_event(store_path, tmp_path):
    out = tmp_path / "e.geojson"
    stats = _export(store_path, "geojson", out)
    assert (stats.written, stats.skipped) == (1, 2)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 1
    f = doc["features"][0]
    assert f["type"] == "Feature" and f["geometry"] == {"type": "Point", "coordinates": [128.33, 51.88]}
    assert list(f["properties"]) == list(COLUMNS) and f["properties"]["geonames_id"] == 7732460
    assert f["id"] == "summit/v1"


def test_jsonl_is_one_stored_event_per_line(store_path, tmp_path):
    out = tmp_path / "e.jsonl"
    assert _export(store_path, "jsonl", out).written == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    with open_store(store_path) as store:
        assert lines == list(store.events(EventQuery()))
    assert lines[0]["actors"][0]["name"] == "Kim Jong-un"


def test_a_failed_export_leaves_the_old_file_and_no_temporary_file(store_path, tmp_path):
    out = tmp_path / "e.csv"
    out.write_text("old\n", encoding="utf-8")

    def broken(q):
        with open_store(store_path) as store:
            yield next(store.events(q))
        raise RuntimeError("disk gone")

    with open_store(store_path) as store:
        store.events = broken
        for fmt in ("csv", "geojson", "jsonl", "parquet"):
            with pytest.raises(RuntimeError, match="disk gone"):
                export_events(store, EventQuery(), fmt, out)
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_format_and_folder_target_are_refused(store_path, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'xls'"):
        _export(store_path, "xls", tmp_path / "x")
    with pytest.raises(ExportError, match="is a folder"):
        _export(store_path, "csv", tmp_path)


def test_cli_export_to_stdout_and_to_a_file(store_path, tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "--db", store_path, "--format", "csv", "--actor", "Kim"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(row["doc_id"], row["event_id"]) for row in rows] == [("summit", "v1")]
    out = tmp_path / "sub" / "e.geojson"
    r = runner.invoke(cli, ["export", "--db", store_path, "--format", "geojson", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "1 event(s) written" in r.stderr and "2 without coordinates" in r.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1


def test_cli_export_errors_are_one_clear_line(store_path, tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["export", "--db", store_path, "--format", "parquet"])
    assert r.exit_code != 0 and "give a file with -o" in r.output
    r = runner.invoke(cli, ["export", "--db", str(tmp_path / "none.db")])
    assert r.exit_code != 0 and "no database at" in r.output
    assert not (tmp_path / "none.db").exists()
