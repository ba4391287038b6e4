"""A stored record's text cut into segments, each tagged with the annotations that cover it.

The document page renders each segment as one ``<span>`` whose classes say what covers it
(entity mention, time, claim cue / source / content, event evidence); the text itself is only
ever inserted by the template engine, escaped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Mark:
    """One annotated span of the text."""

    start: int
    end: int
    cls: str
    label: str
    event: str | None = None


@dataclass
class Segment:
    """A run of text covered by the same marks."""

    text: str
    classes: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


def marks_of(rec: dict[str, Any]) -> list[Mark]:
    """Every span of a wirewatch/1 record worth highlighting."""
    marks: list[Mark] = []
    for e in rec.get("entities", []):
        label = f"{e.get('name')} ({e.get('kind')}{', ' + e['country'] if e.get('country') else ''})"
        marks += [Mark(m["start"], m["end"], f"ent ent-{e.get('kind', 'other')}", label) for m in e.get("mentions", [])]
    marks += [Mark(t["start"], t["end"], "time", f"{t.get('type')} {t.get('value')}") for t in rec.get("times", [])]
    for c in rec.get("claims", []):
        for key, cls in (("cue_span", "cue"), ("source_span", "src"), ("content_span", "content")):
            if c.get(key):
                marks.append(Mark(c[key][0], c[key][1], cls, f"claim {c.get('id')}: {cls} ({c.get('stance')})"))
    for v in rec.get("events", []):
        ev = v.get("evidence") or {}
        if ev.get("start") is not None and ev.get("end") is not None:
            marks.append(Mark(ev["start"], ev["end"], "ev", f"event {v.get('id')}: {v.get('type')}", v.get("id")))
    return marks


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; each piece lists the marks covering it."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in valid} | {m.end for m in valid})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        seg = Segment(text[a:b])
        for m in valid:
            if m.start <= a and b <= m.end:
                seg.classes += [c for c in m.cls.split() if c not in seg.classes]
                seg.labels.append(m.label)
                if m.event and m.event not in seg.events:
                    seg.events.append(m.event)
        out.append(seg)
    return out
