"""The ingest stage: check the document, find its layout, agency, dateline and date."""
from __future__ import annotations

import datetime as dt
import re

from wirewatch.document import Document, Span
from wirewatch.ingest.checks import check_document
from wirewatch.ingest.structure import MONTHS, analyse_layout
from wirewatch.pipeline.registry import stage

_FULL_DATE = re.compile(
    r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>(?:19|20)\d\d)"
    r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<y2>(?:19|20)\d\d)"
    r"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\b"
)


@stage("ingest", requires=("id", "text"), provides=("title", "headings", "furniture", "dateline", "agency", "date"))
def run(doc: Document, ctx) -> None:  # type: ignore[no-untyped-def]
    """Check the text, then find headline, headings, wire furniture, dateline, agency and publication date."""
    cfg = ctx.config
    check_document(doc, cfg.max_bytes, cfg.min_words_for_language, cfg.min_english_ratio)
    layout = analyse_layout(doc.text, has_title=doc.title is not None)
    if layout.title is not None:
        doc.title_span = layout.title
        doc.title = layout.title.text_of(doc.text)
    elif doc.title:
        doc.title_span = _find_title(doc.text, doc.title)
    doc.headings = layout.headings
    doc.furniture = layout.furniture
    doc.dateline = layout.dateline
    if doc.dateline and doc.dateline.agency and not doc.agency:
        doc.agency = doc.dateline.agency.strip(" .")
    if doc.date is None:
        doc.date, doc.date_source = document_date(doc)


def _find_title(text: str, title: str) -> Span | None:
    start = text.find(title.strip())
    return Span(start, start + len(title.strip())) if start >= 0 and start < 400 else None


def document_date(doc: Document) -> tuple[dt.date | None, str | None]:
    """The publication date from the dateline (year inferred from the text when missing), else the text."""
    dl = doc.dateline
    if dl and dl.month and dl.day:
        year = dl.year
        if year is None:
            from wirewatch.times.tagger import infer_year

            year = infer_year(doc.text, dl.month, dl.day)
        if year is not None:
            try:
                return dt.date(year, dl.month, dl.day), "dateline"
            except ValueError:
                pass
    return date_in_text(doc.text[:600])


def date_in_text(head: str) -> tuple[dt.date | None, str | None]:
    """The first full calendar date written near the top of the text ("Sept. 11, 2023"), if any."""
    for m in _FULL_DATE.finditer(head):
        if m.group("y3"):
            y, mo, d = int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
        else:
            name = (m.group("m1") or m.group("m2")).lower()
            if name not in MONTHS:
                continue
            y, mo, d = int(m.group("y1") or m.group("y2")), MONTHS[name], int(m.group("d1") or m.group("d2"))
        try:
            return dt.date(y, mo, d), "text"
        except ValueError:
            continue
    return None, None
