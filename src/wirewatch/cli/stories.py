"""The ``wirewatch stories`` command and the story view of ``wirewatch show``: a thin layer over
:mod:`wirewatch.stories`."""
from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from wirewatch.errors import WirewatchError
from wirewatch.ingest.sources import FORMATS as INPUT_FORMATS
from wirewatch.stories import METHODS, RecordError, build_stories

STORY_FORMATS = ("jsonl", "table")
STATUSES = ["occurred", "ongoing", "planned", "expected", "possible", "negated"]


def is_record_file(path: str) -> bool:
    """A .jsonl file whose first line is a JSON object with a ``schema`` (records, not documents)."""
    p = Path(path)
    if p.suffix.lower() != ".jsonl" or not p.is_file():
        return False
    with p.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.strip():
                try:
                    first = json.loads(line)
                except ValueError:
                    return False
                return isinstance(first, dict) and "schema" in first
    return False


def read_record_file(path: str, failed: list[str]) -> Iterator[tuple[Any, str]]:
    """(record, origin) for every line of a records file; an unreadable line is reported and skipped."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line), f"{path} line {n}"
            except ValueError as exc:
                failed.append(f"{path} line {n}: invalid JSON ({exc}); expected one wirewatch/1 record per line")


def _matches(parties: list[dict[str, Any]], value: str) -> bool:
    v = value.casefold()
    return any(v in str(p.get("name") or "").casefold() or value.upper() == (p.get("country") or "") for p in parties)


def keep(story: dict[str, Any], f: dict[str, str | None]) -> bool:
    """Whether a story passes the filters of ``wirewatch events`` (type, actor, recipient, place, status, dates)."""
    date = story.get("date") or {}
    place = story.get("place") or {}
    checks = [
        not f["type"] or story["type"] == str(f["type"]).upper(),
        not f["status"] or story["status"] == f["status"],
        not f["actor"] or _matches(story["actors"], str(f["actor"])),
        not f["recipient"] or _matches(story["recipients"], str(f["recipient"])),
        not f["place"] or (bool(place) and _matches([place], str(f["place"]))),
        not f["since"] or bool(date.get("end")) and date["end"] >= str(f["since"]),
        not f["until"] or bool(date.get("start")) and date["start"] <= str(f["until"]),
    ]
    return all(checks)


def _names(parties: list[dict[str, Any]]) -> str:
    return "; ".join(f"{p['name']} ({p['country']})" if p.get("country") else str(p["name"]) for p in parties)


def _cut(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def render_table(stories: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Stories as a table for people, one line each; return how many."""
    cols = (("id", 6), ("date", 11), ("type", 16), ("status", 9), ("actors", 26), ("recipients", 26),
            ("place", 16), ("reports", 7), ("sources", 7), ("conflicts", 18), ("evidence", 50))
    out.write("  ".join(c.upper().ljust(w) for c, w in cols).rstrip() + "\n")
    n = 0
    for s in stories:
        row = {"id": s["id"], "date": (s.get("date") or {}).get("value") or "",
               "type": s["type"] + (f"/{s['mode']}" if s.get("mode") else ""), "status": s["status"],
               "actors": _names(s["actors"]), "recipients": _names(s["recipients"]),
               "place": (s.get("place") or {}).get("name") or "", "reports": str(len(s["reports"])),
               "sources": str(len(s["sources"])), "conflicts": ",".join(c["field"] for c in s["conflicts"]),
               "evidence": s["reports"][0]["evidence"] if s["reports"] else ""}
        out.write("  ".join(_cut(str(row[c]), w).ljust(w) for c, w in cols).rstrip() + "\n")
        n += 1
    out.write(f"({n} stor{'ies' if n != 1 else 'y'})\n")
    return n


def render_story(s: dict[str, Any]) -> str:
    """A story for a person: what, who, when, where, then its reports side by side with evidence and sources."""
    date = (s.get("date") or {}).get("value") or "?"
    lines = [f"{s['id']}  {s['type']}{'/' + s['mode'] if s.get('mode') else ''}  [{s['status']}]  {date}"
             f"  {(s.get('place') or {}).get('name') or ''}".rstrip(),
             f"    who:    {_names(s['actors']) or '(unnamed)'}"]
    if s["recipients"]:
        lines.append(f"    whom:   {_names(s['recipients'])}")
    lines.append(f"    first reported {s.get('first_reported') or '?'}; {len(s['reports'])} report(s); "
                 f"{len(s['sources'])} independent source(s): {', '.join(s['sources'])}")
    for c in s["conflicts"]:
        says = " | ".join(f"{v}: {', '.join(docs)}" for v, docs in c["values"].items())
        lines.append(f"    reports disagree on {c['field']}: {says}")
    lines += ["", f"    {'PUBLISHED':<11}{'DOCUMENT':<22}{'STATUS':<10}{'DATE':<16}{'AGENCY':<18}SOURCES"]
    for r in s["reports"]:
        lines.append(f"    {r.get('published') or '?':<11}{_cut(r['doc'], 21):<22}{r['status']:<10}"
                     f"{_cut((r.get('date') or {}).get('value') or '?', 15):<16}{_cut(r.get('agency') or '?', 17):<18}"
                     f"{', '.join(r.get('originators') or [])}")
        lines += textwrap.wrap(" ".join(r["evidence"].split()), width=96, initial_indent="        \u201c",
                               subsequent_indent="         ")
        lines[-1] += "\u201d"
    return "\n".join(lines)


def _write(stories: list[dict[str, Any]], output: str | None, fmt: str) -> None:
    from wirewatch.record.writer import RecordWriter

    if fmt == "jsonl":
        with RecordWriter(output, "jsonl") as w:
            for s in stories:
                w.write(s)
        return
    if output is None:
        render_table(stories, sys.stdout)
        return
    tmp = Path(output).with_name(f".{Path(output).name}.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        render_table(stories, fh)
    tmp.replace(output)


def _from_files(files: tuple[str, ...], input_format: str, config_path: str | None, quiet: bool,
                method: str, failed: list[str]) -> list[dict[str, Any]]:
    from wirewatch.api import extract_files
    from wirewatch.cli.progress import progress
    from wirewatch.config import load_config
    from wirewatch.record.serialize import to_record

    record_files = [f for f in files if is_record_file(f)]
    doc_paths = tuple(f for f in files if f not in record_files)

    def records() -> Iterator[tuple[Any, str]]:
        for path in record_files:
            yield from read_record_file(path, failed)
        if doc_paths:
            for r in progress(extract_files(doc_paths, input_format, load_config(config_path)), quiet):
                if r.ok and r.doc is not None:
                    yield to_record(r.doc), r.doc.origin or r.doc.id
                else:
                    failed.append(str(r.error))

    return build_stories(records(), method, on_error=lambda err: failed.append(str(err)))


def _from_db(db: str, method: str, failed: list[str], quiet: bool) -> list[dict[str, Any]]:
    from wirewatch.store import open_store
    from wirewatch.stories.store import StorySQL, StoryStore

    with open_store(db, create=False) as store:
        sql = StorySQL(store)
        if not sql.fetchall("SELECT COUNT(*) FROM documents")[0][0]:
            raise click.ClickException(f"database {db} holds no documents: nothing to merge "
                                       f"(run `wirewatch ingest FILE... --db {db}` first)")
        if method == "gdelt":
            rows = sql.fetchall("SELECT id, record FROM documents ORDER BY date, id")
            return build_stories(((json.loads(rec), f"database {db} document {i}") for i, rec in rows), method,
                                 on_error=lambda err: failed.append(str(err)))
        ss = StoryStore(store)
        stats = ss.update(on_error=lambda err: failed.append(str(err)))
        if not quiet and stats.documents:
            click.echo(f"wirewatch: stories updated from {stats.documents} new or changed document(s)", err=True)
        return list(ss.stories())


@click.command()
@click.argument("files", nargs=-1)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write stories here (atomically); default stdout.")
@click.option("--format", "fmt", type=click.Choice(STORY_FORMATS), default="jsonl", show_default=True,
              help="jsonl: one wirewatch-story/1 record per line; table: one line per story, for reading.")
@click.option("--db", type=click.Path(dir_okay=False),
              help="Read the stories kept in this database (updated from its documents first) instead of FILES.")
@click.option("--method", type=click.Choice(METHODS), default="merge", show_default=True,
              help="merge: wirewatch's merging; gdelt: the baseline (type + actor and recipient countries + day).")
@click.option("--actor", help="Actor name (part of it, any case) or ISO 3166 alpha-3 country.")
@click.option("--recipient", help="Recipient name (part of it) or ISO3 country.")
@click.option("--type", "type_", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", help="Stories whose date interval ends on or after this ISO date.")
@click.option("--until", help="Stories whose date interval starts on or before this ISO date.")
@click.option("--place", help="Place name (part of it) or ISO3 country where the story happens.")
@click.option("--status", type=click.Choice(STATUSES), help="The story's status (what its reports support now).")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS), default="auto",
              show_default=True, help="How to read document inputs (record files are recognised by their schema).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary on stderr.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
              help="INI file of settings layered over the defaults.")
def stories(files: tuple[str, ...], output: str | None, fmt: str, db: str | None, method: str, actor: str | None,
            recipient: str | None, type_: str | None, since: str | None, until: str | None, place: str | None,
            status: str | None, input_format: str, quiet: bool, config_path: str | None) -> None:
    """Merge the events of many documents into story events (wirewatch-story/1): one real-world event,
    every report of it, its independent sources and where the reports disagree.

    FILES are documents (as for extract) or wirewatch/1 records (.jsonl); --db reads a store.
    """
    if bool(files) == bool(db):
        raise click.UsageError("give either FILES (documents or wirewatch/1 records) or --db PATH")
    failed: list[str] = []
    try:
        merged = _from_db(db, method, failed, quiet) if db else _from_files(files, input_format, config_path, quiet,
                                                                           method, failed)
        for msg in failed:
            click.echo(f"wirewatch: skipped {msg}", err=True)
        if not merged and (failed or not db):
            raise click.ClickException("no events to merge: " + ("every input failed" if failed else
                                       "the inputs hold no events") + "; nothing written")
        filters = {"type": type_, "status": status, "actor": actor, "recipient": recipient, "place": place,
                   "since": since, "until": until}
        chosen = [s for s in merged if keep(s, filters)]
        _write(chosen, output, fmt)
    except RecordError as err:
        raise click.ClickException(str(err)) from err
    except WirewatchError as err:
        raise click.ClickException(str(err)) from err
    if not quiet:
        click.echo(f"wirewatch: {len(chosen)} stor{'ies' if len(chosen) != 1 else 'y'} written "
                   f"({sum(len(s['reports']) for s in chosen)} reports), {len(failed)} input(s) skipped", err=True)
    sys.exit(1 if failed else 0)


def show_story(story_id: str, db: str) -> str | None:
    """The text of a stored story for ``wirewatch show``, or None if there is no such story."""
    from wirewatch.store import open_store
    from wirewatch.stories.store import StoryStore

    with open_store(db, create=False) as store:
        ss = StoryStore(store)
        ss.update()
        story = ss.story(story_id)
    return render_story(story) if story else None
