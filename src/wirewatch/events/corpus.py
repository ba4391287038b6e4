"""The annotated sentences the event model learns from, read from ``../shared`` and ``data/events/``.

Two kinds of files hold sentences with every PLOVER event annotated (``shared/docs/EVENT-GOLD.md``):

* the shared training sets (``shared/data/dev/events/train/*.jsonl``), which carry their text;
* this project's own annotations (``data/events/*.jsonl`` in the repository), which point into the
  texts of ``../shared`` by path and character offsets instead of copying them:
  ``{"id", "doc", "source": "timeml/TimeBank/X.tml", "start", "end", "date", "events": [...]}``.

``python -m wirewatch.events.corpus sentences PATH`` prints a shared text's sentences with the
offsets an annotation points to.
"""
from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")
_DCT = re.compile(r'functionInDocument="CREATION_TIME"[^>]*>|value="([^"]+)"[^>]*functionInDocument="CREATION_TIME"')


class CorpusError(ValueError):
    """An annotation file is malformed or points at text that is not there.

    Attributes:
        file: the annotation file.
        line: its 1-based line number.
    """

    def __init__(self, file: str, line: int, problem: str) -> None:
        super().__init__(f"{file} line {line}: {problem}")
        self.file = file
        self.line = line


@lru_cache(maxsize=512)
def source_text(shared_dev: str, source: str) -> str:
    """The plain text of a shared document: a TimeML file's ``<TEXT>`` without its markup, or a
    plain-text file as it is."""
    raw = (Path(shared_dev) / source).read_text(encoding="utf-8")
    if not source.endswith(".tml"):
        return raw
    m = _TEXT.search(raw)
    return html.unescape(_TAG.sub("", m.group(1) if m else raw))


def creation_date(shared_dev: str, source: str) -> str | None:
    """The document creation date (``YYYY-MM-DD``) of a TimeML file, or of a PolNeAR text from
    its name (``politico_2016-03-10_...``); None if it has none."""
    named = re.search(r"_(\d{4}-\d{2}-\d{2})_", Path(source).name)
    if not source.endswith(".tml"):
        return named.group(1) if named else None
    raw = (Path(shared_dev) / source).read_text(encoding="utf-8")
    for tag in re.findall(r"<TIMEX3[^>]*CREATION_TIME[^>]*>", raw):
        v = re.search(r'value="(\d{4}-\d{2}-\d{2})', tag)
        if v:
            return v.group(1)
    return None


def read_sentences(path: Path, shared_dev: Path) -> Iterator[dict[str, Any]]:
    """The annotated sentences of one file, each with its ``text`` (resolved from ``source`` and
    offsets for the project's own annotations).

    Raises:
        CorpusError: a line is not JSON, or its offsets or triggers do not fit its text.
    """
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(str(path), n, f"not JSON ({exc.msg})") from exc
        if "text" not in row:
            try:
                text = source_text(str(shared_dev), row["source"])
            except (KeyError, OSError) as exc:
                raise CorpusError(str(path), n, f"source text not found ({exc})") from exc
            row["text"] = text[row["start"]:row["end"]]
        for ev in row.get("events", []):
            if ev.get("trigger") and ev["trigger"] not in row["text"]:
                raise CorpusError(str(path), n, f"trigger {ev['trigger']!r} is not in the sentence")
        yield row


def training_files(shared: Path, own: Path | None) -> list[Path]:
    """The training files: the shared training sets, then the project's own annotations."""
    files = sorted((shared / "data" / "dev" / "events" / "train").glob("*.jsonl"))
    if own is not None and own.is_dir():
        files += sorted(own.glob("*.jsonl"))
    return files


def unannotated(shared_dev: Path, annotated: set[str]) -> list[tuple[str, str, str | None]]:
    """The training corpora's articles that no annotation uses, as ``(id, text, date)`` sorted by
    id: PolNeAR's training texts (``attribution/polnear/train/text/``) and the LGL local news
    (``geo/lgl.xml``), the two corpora the training sentences sample. ``annotated``: the ids of
    every annotated document (training and dev sets), left out."""
    import xml.etree.ElementTree as ET

    out: list[tuple[str, str, str | None]] = []
    for path in sorted((shared_dev / "attribution" / "polnear" / "train" / "text").glob("*.txt")):
        if path.stem not in annotated:
            out.append((path.stem, path.read_text(encoding="utf-8"), creation_date(str(shared_dev), str(path))))
    lgl = shared_dev / "geo" / "lgl.xml"
    if lgl.exists():
        for art in ET.parse(lgl).getroot().iter("article"):
            doc = f"lgl-{art.get('docid')}"
            if doc not in annotated:
                out.append((doc, art.findtext("text") or "", None))
    return sorted(out)


def _print_sentences(path: str) -> None:
    """Print the sentences of a shared text (``timeml/TimeBank/X.tml``) with their offsets."""
    import spacy

    from wirewatch.config import load_config

    shared_dev = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "dev"
    text = source_text(str(shared_dev.resolve()), path)
    nlp = spacy.load(load_config().model, disable=["ner"])
    print(json.dumps({"source": path, "date": creation_date(str(shared_dev.resolve()), path)}))
    for i, sent in enumerate(nlp(text).sents, start=1):
        s = sent.text.strip()
        if s:
            start = text.index(s, sent.start_char)
            print(json.dumps({"n": i, "start": start, "end": start + len(s), "text": s}, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "sentences":
        sys.exit("usage: python -m wirewatch.events.corpus sentences timeml/TimeBank/X.tml")
    _print_sentences(sys.argv[2])
