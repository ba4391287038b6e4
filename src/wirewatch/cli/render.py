"""Rendering stored events and records for people (table, show) and programs (jsonl, csv)."""
from __future__ import annotations

import csv
import json
import textwrap
from collections.abc import Iterable
from typing import Any, TextIO

EVENT_FORMATS = ("table", "jsonl", "csv")
COLUMNS = ("date", "type", "status", "actors", "recipients", "place", "doc_id", "evidence")


def _names(people: list[dict[str, Any]]) -> str:
    return "; ".join(f"{p['name']} ({p['country']})" if p.get("country") else p["name"] for p in people)


def event_row(ev: dict[str, Any]) -> dict[str, str]:
    """One stored event as flat strings, by column."""
    return {
        "date": ev.get("date_value") or "", "type": ev["type"] + (f"/{ev['mode']}" if ev.get("mode") else ""),
        "status": ev["status"], "actors": _names(ev["actors"]), "recipients": _names(ev["recipients"]),
        "place": ev.get("place_name") or "", "doc_id": ev["doc_id"], "evidence": " ".join(ev["evidence"].split()),
    }


def render_events(events: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write events in ``fmt``; return how many."""
    n = 0
    if fmt == "jsonl":
        for ev in events:
            out.write(json.dumps(ev, ensure_ascii=False) + "\n")
            n += 1
        return n
    rows = [event_row(ev) for ev in events]
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=COLUMNS)
        w.writeheader()
        w.writerows(rows)
        return len(rows)
    widths = {"date": 14, "type": 20, "status": 9, "actors": 28, "recipients": 28, "place": 16, "doc_id": 20, "evidence": 60}
    out.write("  ".join(c.upper().ljust(widths[c]) for c in COLUMNS).rstrip() + "\n")
    for r in rows:
        out.write("  ".join(_cut(r[c], widths[c]).ljust(widths[c]) for c in COLUMNS).rstrip() + "\n")
    out.write(f"({len(rows)} event{'s' if len(rows) != 1 else ''})\n")
    return len(rows)


def _cut(s: str, width: int) -> str:
    return s if len(s) <= width else s[: width - 1] + "…"


def render_show(rec: dict[str, Any]) -> str:
    """A record as text for a person: the document, then each event with who, when, where and on whose word."""
    d = rec["doc"]
    ents = {e["id"]: e for e in rec["entities"]}
    claims = {c["id"]: c for c in rec["claims"]}
    lines = [d.get("title") or d["id"], f"  id {d['id']}  date {d.get('date') or '?'} ({d.get('date_source') or 'unknown'})"
             f"  agency {d.get('agency') or '?'}"]
    if d.get("dateline"):
        lines.append(f"  dateline {d['dateline']['text']!r}")
    lines.append(f"  {len(rec['entities'])} entities, {len(rec['times'])} times, {len(rec['claims'])} claims, "
                 f"{len(rec['events'])} events")
    for v in rec["events"]:
        lines.append("")
        lines.append(f"{v['id']}  {v['type']}{'/' + v['mode'] if v.get('mode') else ''}  [{v['status']}]"
                     f"  confidence {v['confidence']:.2f}")
        lines.append(f"    who:    {_ent_names(v['actors'], ents) or '(unnamed)'}")
        if v["recipients"]:
            lines.append(f"    whom:   {_ent_names(v['recipients'], ents)}")
        date = v.get("date") or {}
        if date:
            lines.append(f"    when:   {date['value']} ({date.get('start')} .. {date.get('end')})")
        if v.get("place"):
            lines.append(f"    where:  {_ent_names([v['place']], ents)}")
        if v.get("contexts"):
            lines.append(f"    context: {', '.join(v['contexts'])}")
        for cid in v.get("claims", []):
            lines.append(f"    says:   {_claim_text(claims[cid], ents)}")
        if not v.get("claims"):
            lines.append("    says:   the report itself")
        lines.extend(textwrap.wrap(v["evidence"]["text"], 96, initial_indent="    text:   “", subsequent_indent="            ")
                     or ["    text:   “"])
        lines[-1] += "”"
    return "\n".join(lines)


def _ent_names(ids: list[str], ents: dict[str, Any]) -> str:
    out = []
    for i in ids:
        e = ents.get(i)
        if e:
            out.append(f"{e['name']} ({e['country']}{'/' + e['sector'] if e.get('sector') else ''})" if e.get("country") else e["name"])
    return ", ".join(out)


def _claim_text(c: dict[str, Any], ents: dict[str, Any]) -> str:
    who = ents[c["source"]]["name"] if c.get("source") in ents else (c.get("source_text") or "unnamed source")
    via = f" via {_ent_names(c['via'], ents)}" if c.get("via") else ""
    anon = " (anonymous)" if c.get("anonymous") else ""
    cue = f" — “{c['cue']}”" if c.get("cue") else ""
    return f"{who}{anon}{via}, {c['stance']}{cue}"
