"""The layout of a plain-text news report: headline, section headings, dateline.

Wire copy arrives as lines: an optional headline, a dateline opening the first paragraph
(``Moscow/Seoul, Sep 11 (EFE).-``, ``SEOUL, Sept 11 (Reuters) -``, ``WASHINGTON (AP) —``,
``MOSCOW-``), paragraphs, and ALL-CAPS section headings. Offsets always refer to the
document text, which is never changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirewatch.document import Dateline, Furniture, Span

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_PLACE = r"[A-Z][A-Za-z'’.\-]*(?:[ \-][A-Z][A-Za-z'’.\-]*){0,3}"
DATELINE = re.compile(
    rf"""(?P<places>{_PLACE}(?:\s*/\s*{_PLACE})*(?:,\s*(?!{_MONTH}\b){_PLACE})?)   # Moscow/Seoul | SEOUL | Paris, Texas
    (?:,\s*(?P<date>(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?))?   # , Sep 11 [, 2023]
    \s*(?:\((?P<agency>[^()\n]{{2,40}})\))?                                  # (EFE)
    \s*(?P<sep>\.-|\.—|[-—–]{{1,2}}|:)\s?""",
    re.X,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")


@dataclass(frozen=True)
class Layout:
    """Where the headline, the headings, the dateline and the wire furniture are."""

    title: Span | None
    headings: list[Span]
    dateline: Dateline | None
    furniture: list[Furniture] = field(default_factory=list)


# Wire furniture: lines that frame a report without reporting, as Reuters, AP and AFP copy and
# news pages carry them. A photo caption ("FILE PHOTO: ...", "FILE - ...", or a line ending in
# the photographer's credit "REUTERS/Name", "(AP Photo/Name)"); the staff credits ("(Reporting by
# ...; Editing by ...)"); the byline ("By Josh Smith"); a related-coverage marker and the link
# headlines under it; a notice ("Our Standards: ...", "Copyright ...", "3 min read", "Updated 2
# hours ago", a line holding only a date). Nothing on them is an actor or an event of the
# report; a byline, a reading time or a date may stand between the headline and the dateline.
_CAPTION_START = re.compile(r"^\(?(?:FILE\s+)?PHOTOS?\s*[:\-–—]|^FILE\s*[-–—]\s", re.I)
_CAPTION_END = re.compile(r"\b(?:REUTERS|AFP|EPA(?:-EFE)?|AP Photo|XINHUA|Getty Images|SPUTNIK|ANADOLU)\s*/\s*[^()\n]{1,60}\)?\s*$")
_CREDIT = re.compile(r"^\(?\s*(?:Additional\s+)?(?:reporting|writing|editing|compiled|edited|produced|graphics)\s+by\s+\S", re.I)
_BYLINE = re.compile(r"^By\s+[A-Z]")
_LINKS = re.compile(r"^(?:related coverage|related stories|related articles|related:|read more\b|see also\b|more on this\b)", re.I)
_NOTICE = re.compile(r"^(?:our standards\s*:|copyright\b|©|\(c\)\s|all rights reserved|sign up here)", re.I)
_STAMP = re.compile(r"^(?:\d+\s*min(?:ute)?s?\s+read\b|(?:last\s+)?(?:updated|published|posted)\b)", re.I)
_DATE_ONLY = re.compile(
    rf"^(?:[A-Z][a-z]+day,?\s+)?(?:\d{{1,2}}\s+{_MONTH}\.?,?\s+\d{{4}}|{_MONTH}\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d)"
    r"(?:[\s,|·\-–—]+\d{1,2}[:.]\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}(?:[+\-]\d{1,2})?)?)?\s*$")
CAPTION_WORDS = 80            # a longer line is a paragraph of the report (or a whole report on one line)
BYLINE_WORDS = 16             # "By Josh Smith and Guy Faulconbridge, Reuters"
STAMP_WORDS = 12              # "Updated 2 hours ago", "Published September 12, 2023 5:40 AM GMT+9"
LINK_WORDS = 30               # a linked headline under a related-coverage marker
_FINAL = tuple(".!?\"”’")
_SENTENCE_END = _FINAL[:3]


def furniture_kind(line: str) -> str | None:
    """``caption``, ``credit``, ``byline``, ``link`` (a related-coverage marker) or ``notice`` (a
    copyright or standards line, a reading time, a publication timestamp, a line holding only a
    date) for a line of wire furniture, else None. A credit, a byline or a stamp is a short line
    without a final period, or a credit one set in parentheses ("Reporting by the BBC showed ..."
    and "By Tuesday, the troops had left." are sentences of the report)."""
    text = line.strip()
    if (_CAPTION_START.match(text) or _CAPTION_END.search(text)) and len(_WORD.findall(text)) <= CAPTION_WORDS:
        return "caption"
    if _CREDIT.match(text) and (text.startswith("(") and text.endswith(")") or not text.endswith(_FINAL)):
        return "credit"
    if _BYLINE.match(text) and len(_WORD.findall(text)) <= BYLINE_WORDS and not text.endswith(_SENTENCE_END):
        return "byline"
    if _LINKS.match(text):
        return "link"
    if _NOTICE.match(text) or _DATE_ONLY.match(text) or (
            _STAMP.match(text) and len(_WORD.findall(text)) <= STAMP_WORDS and not text.endswith(_SENTENCE_END)):
        return "notice"
    return None


def _link_headline(line: str) -> bool:
    """A line under a related-coverage marker that reads as a linked headline: short, no final
    punctuation."""
    return len(_WORD.findall(line)) <= LINK_WORDS and not line.rstrip().endswith(_FINAL)


def lines_of(text: str) -> list[Span]:
    """The non-blank lines of ``text`` as spans without surrounding spaces."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = pos + line.index(stripped[0])
            out.append(Span(start, start + len(stripped)))
        pos += len(line)
    return out


def is_heading(line: str) -> bool:
    """An ALL-CAPS line of a few words without final punctuation: a section heading."""
    words = _WORD.findall(line)
    if not words or len(words) > 12 or line.rstrip()[-1:] in ".,;:":
        return False
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def looks_like_title(line: str, next_line: str | None, blank_after: bool) -> bool:
    """A first line that reads as a headline: short, no final period, set off from the body."""
    words = _WORD.findall(line)
    if not 2 <= len(words) <= 30 or len(line) > 250 or line.rstrip()[-1:] in ".:;,":
        return False
    if parse_dateline(line, Span(0, len(line))) is not None:
        return False
    return blank_after or (next_line is not None and parse_dateline(next_line, Span(0, len(next_line))) is not None)


def parse_dateline(text: str, line: Span) -> Dateline | None:
    """The dateline opening ``line``, if there is one."""
    m = DATELINE.match(text, line.start, line.end)
    if not m or not (m.group("date") or m.group("agency") or _caps_places(m.group("places"))):
        return None
    places = _place_spans(m, "places")
    month = MONTHS.get(m.group("month").lower().rstrip(".")) if m.group("month") else None
    return Dateline(
        text=text[m.start():m.end()].rstrip(), start=m.start(), end=m.start() + len(text[m.start():m.end()].rstrip()),
        place_spans=places, agency=(m.group("agency") or "").strip() or None, month=month,
        day=int(m.group("day")) if m.group("day") else None, year=int(m.group("year")) if m.group("year") else None,
    )


def _caps_places(places: str) -> bool:
    """Without a date or an agency, only an upper-case place name makes a dateline (``MOSCOW-``)."""
    letters = [c for c in places if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _place_spans(m: re.Match[str], group: str) -> list[Span]:
    out, base = [], m.start(group)
    for part in re.finditer(r"[^/,]+", m.group(group)):
        s, e = part.start(), part.end()
        chunk = part.group()
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        if e > s:
            out.append(Span(base + s, base + e))
    return out


def analyse_layout(text: str, has_title: bool = False) -> Layout:
    """Find the headline (unless the caller gave one), the headings, the dateline and the wire
    furniture. A byline or a reading time may stand between the headline and the dateline."""
    lines = lines_of(text)
    kinds = [furniture_kind(line.text_of(text)) for line in lines]
    title, headings, dateline = None, [], None
    body_from = 0
    if lines and not has_title:
        first = lines[0].text_of(text)
        k = 1
        while k < len(lines) and kinds[k] in ("byline", "notice"):
            k += 1                  # "By Josh Smith", "3 min read" under the headline
        nxt = lines[k].text_of(text) if k < len(lines) else None
        blank_after = "\n\n" in text[lines[0].end:lines[1].start].replace("\r", "") if len(lines) > 1 else False
        if len(lines) > 1 and kinds[0] is None and looks_like_title(first, nxt, blank_after) and not is_heading(first):
            title, body_from = lines[0], 1
    furniture: list[Furniture] = []
    links = False                   # under a related-coverage marker
    body = 0                        # lines of the report read so far
    for i, line in enumerate(lines[body_from:], start=body_from):
        kind = kinds[i]
        if kind is None and links and _link_headline(line.text_of(text)):
            kind = "link"
        if kind is None and body <= 1 and dateline is None:
            dateline = parse_dateline(text, line)
            if dateline:
                links, body = False, body + 1
                continue
        links = kind == "link"
        if kind is not None:
            furniture.append(Furniture(line, kind))
            continue
        body += 1
        if is_heading(line.text_of(text)) and not (dateline is None and i == body_from and parse_dateline(text, line)):
            headings.append(line)
    return Layout(title=title, headings=headings, dateline=dateline, furniture=furniture)
