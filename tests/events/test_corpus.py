"""Reading annotated sentences: the shared sets carry their text, ours point into shared texts."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.events.corpus import CorpusError, creation_date, read_sentences, source_text


def _shared(tmp_path: Path) -> Path:
    dev = tmp_path / "dev"
    (dev / "timeml" / "X").mkdir(parents=True)
    (dev / "timeml" / "X" / "d1.tml").write_text(
        "<TimeML><TEXT>\nRebels <EVENT>attacked</EVENT> the town &amp; fled.</TEXT></TimeML>", encoding="utf-8")
    return dev


def test_timeml_text_loses_its_markup_and_entities(tmp_path: Path) -> None:
    assert source_text(str(_shared(tmp_path)), "timeml/X/d1.tml") == "\nRebels attacked the town & fled."


def test_a_polnear_text_is_dated_by_its_name_and_read_as_it_is(tmp_path: Path) -> None:
    dev = tmp_path / "dev"
    (dev / "p").mkdir(parents=True)
    (dev / "p" / "politico_2016-03-10_trump-s-rivals.txt").write_text("Trump's rivals pull their punches.", encoding="utf-8")
    (dev / "p" / "undated.txt").write_text("No date here.", encoding="utf-8")
    assert creation_date(str(dev), "p/politico_2016-03-10_trump-s-rivals.txt") == "2016-03-10"
    assert creation_date(str(dev), "p/undated.txt") is None
    assert source_text(str(dev), "p/undated.txt") == "No date here."


def test_an_annotation_by_offsets_gets_its_sentence_text(tmp_path: Path) -> None:
    dev = _shared(tmp_path)
    row = {"id": "d1-s1", "doc": "d1", "source": "timeml/X/d1.tml", "start": 1, "end": 33,
           "events": [{"type": "ASSAULT", "actors": ["---"], "recipients": [], "status": "occurred", "trigger": "attacked"}]}
    f = tmp_path / "a.jsonl"
    f.write_text(json.dumps(row) + "\n", encoding="utf-8")
    (got,) = read_sentences(f, dev)
    assert got["text"] == "Rebels attacked the town & fled."


def test_a_trigger_outside_its_sentence_is_an_error_with_the_line(tmp_path: Path) -> None:
    dev = _shared(tmp_path)
    row = {"id": "d1-s1", "doc": "d1", "source": "timeml/X/d1.tml", "start": 1, "end": 7,
           "events": [{"type": "ASSAULT", "actors": [], "recipients": [], "status": "occurred", "trigger": "attacked"}]}
    f = tmp_path / "a.jsonl"
    f.write_text("\n" + json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="line 2.*attacked"):
        list(read_sentences(f, dev))


def test_the_projects_own_annotations_read_back_against_shared(root: Path, shared: Path) -> None:
    for f in sorted([*(root / "data" / "events").glob("*.jsonl"), *(root / "data" / "events").glob("heldout/*.jsonl")]):
        rows = list(read_sentences(f, shared / "data" / "dev"))
        assert rows and all(r["text"].strip() for r in rows)


def test_held_out_annotations_are_no_training_data(root: Path, shared: Path) -> None:
    from wirewatch.events.corpus import training_files

    files = training_files(shared, root / "data" / "events")
    assert files and not any("heldout" in f.parts for f in files)


def test_the_second_annotation_is_of_annotated_sentences_at_their_offsets(root: Path, shared: Path) -> None:
    own = root / "data" / "events"
    spans = {r["id"]: (r["source"], r["start"], r["end"])
             for f in [*own.glob("*.jsonl"), *own.glob("heldout/*.jsonl")] for r in read_sentences(f, shared / "data" / "dev")}
    for f in sorted((own / "agreement").glob("*.jsonl")):
        rows = list(read_sentences(f, shared / "data" / "dev"))
        assert rows and all(spans[r["id"]] == (r["source"], r["start"], r["end"]) for r in rows)


def test_unannotated_articles_are_those_no_annotation_uses(tmp_path: Path) -> None:
    from wirewatch.events.corpus import unannotated

    text = tmp_path / "attribution" / "polnear" / "train" / "text"
    text.mkdir(parents=True)
    (text / "nyt_2016-02-20_pope-and-trump.txt").write_text("The pope criticized Trump.", encoding="utf-8")
    (text / "politico_2016-03-10_used.txt").write_text("Annotated already.", encoding="utf-8")
    (tmp_path / "geo").mkdir()
    (tmp_path / "geo" / "lgl.xml").write_text(
        '<articles><article docid="7"><text>Police arrested a man.</text></article>'
        '<article docid="8"><text>Used too.</text></article></articles>', encoding="utf-8")
    got = unannotated(tmp_path, {"politico_2016-03-10_used", "lgl-8"})
    assert got == [("lgl-7", "Police arrested a man.", None),
                   ("nyt_2016-02-20_pope-and-trump", "The pope criticized Trump.", "2016-02-20")]
