"""The learned cue lexicon and the hand-written word classes load and behave sensibly."""
from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.claims.lexicon import CueLexicon, cue_lexicon, cue_span_rates, word_class


def test_reporting_verb_with_clause_is_likely_cue() -> None:
    lex = cue_lexicon()
    assert lex.prob("say", "VERB", "clause") > 0.8
    assert lex.prob("say", "VERB", "clause") > lex.prob("have", "VERB", "obj")


def test_unknown_lemma_has_zero_probability() -> None:
    assert cue_lexicon().prob("zzzunseen", "VERB", "clause") == 0.0


def test_frame_estimate_backs_off_to_lemma() -> None:
    lex = CueLexicon(by_frame={("tell", "VERB", "clause"): (9, 10)}, by_lemma={("tell", "VERB"): (9, 10)})
    seen = lex.prob("tell", "VERB", "clause")
    unseen = lex.prob("tell", "VERB", "bare")
    assert unseen == pytest.approx(9 / 12)  # the lemma's rate, shrunk towards zero
    assert unseen < seen < 0.9


def test_auxiliaries_join_the_cue_span_but_subjects_do_not() -> None:
    rates = cue_span_rates()
    assert rates[("aux", "has", "L")] > 0.9
    assert rates[("nsubj", "*", "L")] < 0.1


def test_word_classes_give_stances() -> None:
    assert word_class("stance")["confirm"] == "confirmed"
    assert word_class("stance")["deny"] == "denied"
    assert word_class("adverb")["reportedly"] == "reported"
    assert "official" in word_class("anonymous")


def test_missing_or_malformed_data_file_raises_named_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.claims import lexicon

    monkeypatch.setattr(lexicon, "DATA_DIR", tmp_path)
    lexicon.cue_model.cache_clear()
    try:
        with pytest.raises(lexicon.ClaimsDataError, match="cannot read"):
            lexicon.cue_model()
        (tmp_path / "cue_model.tsv").write_text("feature\tweight\nl=say|VERB\tnot-a-number\n", encoding="utf-8")
        with pytest.raises(lexicon.ClaimsDataError, match="malformed"):
            lexicon.cue_model()
    finally:
        lexicon.cue_model.cache_clear()
