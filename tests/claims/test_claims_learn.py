"""The offline learner: brat parsing and the logistic-regression fit (no model needed)."""
from __future__ import annotations

from pathlib import Path

from wirewatch.claims.learn import parse_brat, parse_relations, train_classifier


def test_parse_brat_reads_cue_spans_only(tmp_path: Path) -> None:
    ann = tmp_path / "doc_1.ann"
    ann.write_text("T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 20;25 30\tit rained\n"
                   "T4\tCue 40 45;50 52\tsplit cue\nbroken line without tabs\n", encoding="utf-8")
    assert parse_brat(ann) == [(4, 8), (40, 52)]


def test_classifier_learns_to_separate_features() -> None:
    examples = [(["bias", "l=say"], True)] * 30 + [(["bias", "l=eat"], False)] * 30
    weights = train_classifier(examples, epochs=3)
    assert weights["l=say"] > 0 > weights["l=eat"]


def test_classifier_drops_rare_features() -> None:
    examples = [(["bias", "l=say"], True)] * 10 + [(["bias", "rare"], False)]
    assert "rare" not in train_classifier(examples, epochs=1)


def test_parse_relations_pairs_each_cue_with_its_content(tmp_path: Path) -> None:
    ann = tmp_path / "doc_1.ann"
    ann.write_text("T1\tSource 0 3\tShe\nT2\tCue 4 8\tsaid\nT3\tContent 9 20;25 30\tit rained\n"
                   "T4\tCue 40 45\tadded\nE1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\n"
                   "broken line without tabs\n", encoding="utf-8")
    assert parse_relations(ann) == [((4, 8), (9, 30)), ((40, 45), None)]
