"""The ``wirewatch`` command: a thin layer over the library.

Exit codes: 0 every document went through; 1 some documents failed (each is reported on
stderr, the others are written); 2 wrong usage; 3 nothing could be done (bad configuration,
unusable database).
"""
from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from wirewatch.cli.progress import progress
from wirewatch.cli.render import EVENT_FORMATS, render_events, render_show
from wirewatch.cli.stories import stories as _stories_command
from wirewatch.export import FORMATS as EXPORT_FORMATS
from wirewatch.config import Config, load_config
from wirewatch.errors import WirewatchError
from wirewatch.ingest.sources import FORMATS as INPUT_FORMATS
from wirewatch.pipeline.parallel import Item, Outcome, RunStats
from wirewatch.record.writer import FORMATS as OUTPUT_FORMATS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3


class Failures:
    """Counts and reports documents that failed, one clear line each on stderr."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, result: Outcome) -> None:
        self.count += 1
        click.echo(f"wirewatch: skipped {result.error}", err=True)


def _config(path: str | None) -> Config:
    try:
        return load_config(path)
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err


def write_stats(path: str, run: RunStats, seconds: float) -> None:
    """Run statistics as JSON: counts, wall time, start-up time, seconds per stage, workers' peak memory."""
    stats = {"documents": run.documents, "failed": run.failed, "seconds": round(seconds, 4),
             "startup_seconds": round(run.startup_seconds, 4), "workers": run.workers,
             "cpu_seconds": round(run.cpu_seconds, 4),
             "stage_seconds": {k: round(v, 4) for k, v in run.stage_seconds.items()},
             "peak_rss_mib": {k: round(v, 1) for k, v in run.peak_rss_mib.items()}}
    Path(path).write_text(json.dumps(stats, indent=2) + "\n", encoding="utf-8")


def _outcomes(files: tuple[str, ...], input_format: str, cfg: Config, quiet: bool, workers: int | None,
              cluster: str | None, run: RunStats, keep: Callable[[Iterable[Item]], Iterable[Item]] = iter,
              on_batch: Callable[[list[Outcome]], None] | None = None) -> Iterator[Outcome]:
    from wirewatch.ingest.sources import read_inputs
    from wirewatch.pipeline.parallel import process

    if workers is not None and cluster is not None:
        raise click.UsageError("give --workers or --cluster, not both")
    items = keep(read_inputs(files, input_format, cfg.max_bytes))
    yield from progress(process(items, cfg, workers=workers, cluster=cluster, ordered=on_batch is None,
                                on_batch=on_batch, stats=run), quiet)


def _check_cluster(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from wirewatch.pipeline.parallel import check_address

    try:
        return None if value is None else check_address(value)
    except WirewatchError as err:
        raise click.BadParameter(str(err)) from err


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirewatch")
def cli() -> None:
    """wirewatch: news reports in, verifiable event records out (wirewatch/1)."""


_files = click.argument("files", nargs=-1, required=True)
_input = click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto", show_default=True,
                      help="How to read inputs: by file extension and content (auto), or force one.")
_quiet = click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
_cfgopt = click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                       help="INI file of settings layered over the defaults.")
_workers = click.option("--workers", type=click.IntRange(min=1),
                        help="Worker processes, each loading the pipeline once (default: [pipeline] workers, "
                             "one per core); 1 runs in this process.")
_cluster = click.option("--cluster", metavar="tcp://HOST:PORT", callback=_check_cluster,
                        help="Run the batches on the workers of this Dask scheduler (see docs/SCALE.md).")

_db = click.option("--db", metavar="PATH|URL",
                   help="SQLite file or postgresql://user@host:port/dbname URL (default from config: ./wirewatch.db).")
_STATUSES = ["occurred", "ongoing", "planned", "expected", "possible", "negated"]
_FILTERS = [  # the filters of `events` and `export`, named as the fields of wirewatch.store.EventQuery
    click.option("--actor", help="Actor name (part of it, any case) or ISO 3166 alpha-3 country."),
    click.option("--recipient", help="Recipient name (part of it) or ISO3 country."),
    click.option("--type", "type", help="PLOVER event type, e.g. CONSULT."),
    click.option("--since", help="Events whose date interval ends on or after this ISO date."),
    click.option("--until", help="Events whose date interval starts on or before this ISO date."),
    click.option("--place", help="Place name (part of it) or ISO3 country where events happen."),
    click.option("--status", type=click.Choice(_STATUSES)),
    click.option("--doc", "doc_id", help="Only events of this document."),
    click.option("--min-confidence", "min_confidence", type=click.FloatRange(0.0, 1.0),
                 help="Only events at least this sure: the confidence is calibrated, so of events at 0.8 about 80% are right."),
    click.option("--limit", type=int, help="At most this many events."),
]


def _event_filters(f: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_FILTERS):
        f = option(f)
    return f


@cli.command()
@_files
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write records here (atomically); default stdout.")
@click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="jsonl", show_default=True,
              help="jsonl: one record per line; json: one array; pretty: indented, for reading.")
@_input
@_quiet
@_cfgopt
@click.option("--stats", "stats_path", type=click.Path(dir_okay=False),
              help="Write run statistics (documents, seconds per stage, start-up time) to this JSON file.")
@_workers
@_cluster
def extract(files: tuple[str, ...], output: str | None, fmt: str, input_format: str, quiet: bool,
            config_path: str | None, stats_path: str | None, workers: int | None, cluster: str | None) -> None:
    """Extract one wirewatch/1 record per document in FILES (files, folders, globs, - for stdin)."""
    from wirewatch.record.writer import RecordWriter

    cfg, failed, run = _config(config_path), Failures(), RunStats()
    t0 = time.perf_counter()
    try:
        with RecordWriter(output, fmt) as out:
            for r in _outcomes(files, input_format, cfg, quiet, workers, cluster, run):
                if r.ok:
                    out.write(r.record)  # type: ignore[arg-type]
                else:
                    failed.report(r)
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err
    if stats_path:
        write_stats(stats_path, run, time.perf_counter() - t0)
    if not quiet:
        click.echo(f"wirewatch: {out.count} record(s) written, {failed.count} document(s) failed", err=True)
    sys.exit(EXIT_SOME_FAILED if failed.count else EXIT_OK)


@cli.command()
@_files
@_db
@_input
@_quiet
@_cfgopt
@_workers
@_cluster
def ingest(files: tuple[str, ...], db: str | None, input_format: str, quiet: bool, config_path: str | None,
           workers: int | None, cluster: str | None) -> None:
    """Extract FILES and store the records in the embedded database, one transaction per batch."""
    from wirewatch.pipeline.resume import SkipStored
    from wirewatch.store import Store

    cfg, failed, run = _config(config_path), Failures(), RunStats()
    added = replaced = unchanged = 0
    try:
        with Store(db or cfg.db) as store:
            skip = SkipStored(store, cfg)  # documents stored unchanged by an earlier (interrupted) run

            def save(batch: list[Outcome]) -> None:
                nonlocal added, replaced, unchanged
                if records := [o.record for o in batch if o.record is not None]:
                    s = store.save(records)
                    added, replaced, unchanged = added + s.added, replaced + s.replaced, unchanged + s.unchanged

            for r in _outcomes(files, input_format, cfg, quiet, workers, cluster, run, skip, save):
                if not r.ok:
                    failed.report(r)
            unchanged += skip.skipped
            from wirewatch.stories.store import update_stories

            update_stories(store, on_error=lambda err: click.echo(f"wirewatch: stories: skipped {err}", err=True))
    except WirewatchError as err:
        click.echo(f"wirewatch: error: {err}", err=True)
        sys.exit(EXIT_FATAL)
    if not quiet:
        click.echo(f"wirewatch: {added} added, {replaced} replaced, {unchanged} unchanged, "
                   f"{failed.count} failed -> {db or cfg.db}", err=True)
    sys.exit(EXIT_SOME_FAILED if failed.count else EXIT_OK)


@cli.command()
@_db
@_event_filters
@click.option("--format", "fmt", type=click.Choice(EVENT_FORMATS), default="table", show_default=True)
@_cfgopt
def events(db: str | None, fmt: str, config_path: str | None, **filters: Any) -> None:
    """Query the stored events."""
    from wirewatch.store import EventQuery, open_store

    try:
        with open_store(db or _config(config_path).db, create=False) as store:
            render_events(store.events(EventQuery(**filters)), fmt, sys.stdout)
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err


@cli.command()
@_db
@_event_filters
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="csv", show_default=True,
              help="csv: one row per event; parquet: the same columns, typed (needs -o); geojson: events with "
                   "a place, as points; jsonl: one stored event per line.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically); default stdout.")
@_quiet
@_cfgopt
def export(db: str | None, fmt: str, output: str | None, quiet: bool, config_path: str | None, **filters: Any) -> None:
    """Export stored events (with the filters of `events`) as CSV, Parquet, GeoJSON or JSON Lines."""
    from wirewatch.export import export_events
    from wirewatch.store import EventQuery, open_store

    try:
        with open_store(db or _config(config_path).db, create=False) as store:
            stats = export_events(store, EventQuery(**filters), fmt, output)
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err
    if not quiet:
        left = f", {stats.skipped} without coordinates left out" if stats.skipped else ""
        click.echo(f"wirewatch: {stats.written} event(s) written{left} -> {output or 'stdout'}", err=True)


@cli.command()
@click.argument("doc_id")
@_db
@_cfgopt
def show(doc_id: str, db: str | None, config_path: str | None) -> None:
    """Show a stored document for a person to read: each event with who, when, where, on whose word."""
    from wirewatch.store import open_store

    path = db or _config(config_path).db
    try:
        with open_store(path, create=False) as store:
            rec = store.record(doc_id)
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err
    if rec is None:
        from wirewatch.cli.stories import show_story

        story = show_story(doc_id, path)  # a story id ("s12", listed by `wirewatch stories --db`)
        if story is None:
            raise click.ClickException(f"no document {doc_id!r} and no story of that id in {path} (list them with "
                                       "`wirewatch events` or `wirewatch stories --db`)")
        click.echo(story)
        return
    click.echo(render_show(rec))


cli.add_command(_stories_command)


@cli.command()
@click.option("--db", help="Database to serve: a SQLite path (default from config: ./wirewatch.db) or a URL the store accepts.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it loopback unless behind a proxy).")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--token-file", type=click.Path(dir_okay=False),
              help="File whose first line is the bearer token for writes (else $WIREWATCH_TOKEN; neither: read-only).")
@click.option("--max-request-bytes", type=click.IntRange(1), default=5_000_000, show_default=True,
              help="Largest POST body accepted (413 above it).")
@click.option("--max-documents", type=click.IntRange(1), default=100, show_default=True,
              help="Most documents in one POST (422 above it).")
@_cfgopt
def serve(db: str | None, host: str, port: int, token_file: str | None, max_request_bytes: int, max_documents: int,
          config_path: str | None) -> None:
    """Serve the HTTP API (/api, docs at /docs) and the web page (/) over the store."""
    from wirewatch.serve.run import serve as run_server
    from wirewatch.serve.settings import ServeSettings, load_token

    cfg = _config(config_path)
    try:
        settings = ServeSettings(db=db or cfg.db, token=load_token(token_file), max_request_bytes=max_request_bytes,
                                 max_documents=max_documents, preload=True, config=cfg)
        run_server(settings, host, port)
    except WirewatchError as err:
        click.echo(f"wirewatch: error: {err}", err=True)
        sys.exit(EXIT_FATAL)


def main() -> None:
    """Console entry point."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as e:
        sys.exit(e.exit_code)
    except click.UsageError as e:
        e.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as e:
        e.show()
        sys.exit(EXIT_FATAL)
    except click.Abort:
        click.echo("wirewatch: interrupted; files already written are intact", err=True)
        sys.exit(130)
