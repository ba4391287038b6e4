"""Copula-adjective and noun cue candidates, quotation lead-ins and run-on contents.

The feature and span helpers are tested on hand-built parses; the end-to-end behaviour on
sentences parsed by the model (marked slow).
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from wirewatch.claims.contents import extend_run_on, lead_in_start
from wirewatch.claims.features import copula_adjective, cue_features, is_candidate, noun_complement

Claims = Callable[[str], list[dict]]


def _doc(words: list[str], pos: list[str], deps: list[str], heads: list[int], lemmas: list[str] | None = None,
         spaces: list[bool] | None = None) -> Doc:
    """Build a parsed Doc by hand (heads are absolute token indices)."""
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads,
               lemmas=lemmas or [w.lower() for w in words])


def _uneasy() -> Doc:
    # Lawmakers are uneasy about the plan .
    return _doc(["Lawmakers", "are", "uneasy", "about", "the", "plan", "."],
                ["NOUN", "AUX", "ADJ", "ADP", "DET", "NOUN", "PUNCT"],
                ["nsubj", "ROOT", "acomp", "prep", "det", "pobj", "punct"],
                [1, 1, 1, 2, 5, 3, 1], ["lawmaker", "be", "uneasy", "about", "the", "plan", "."])


def test_copula_with_adjective_is_a_candidate() -> None:
    doc = _uneasy()
    assert copula_adjective(doc[1]).i == 2
    assert is_candidate(doc[1])
    feats = cue_features(doc[1])
    assert "adj=uneasy" in feats and "adjl=uneasy|about" in feats


def test_copula_without_adjective_is_not_a_candidate() -> None:
    # The plan is a failure .
    doc = _doc(["The", "plan", "is", "a", "failure", "."], ["DET", "NOUN", "AUX", "DET", "NOUN", "PUNCT"],
               ["det", "nsubj", "ROOT", "det", "attr", "punct"], [1, 2, 2, 4, 2, 2],
               ["the", "plan", "be", "a", "failure", "."])
    assert copula_adjective(doc[2]) is None
    assert not is_candidate(doc[2])


def test_noun_needs_a_complement_to_be_a_candidate() -> None:
    # his call for a ban drew fire
    doc = _doc(["his", "call", "for", "a", "ban", "drew", "fire"],
               ["PRON", "NOUN", "ADP", "DET", "NOUN", "VERB", "NOUN"],
               ["poss", "nsubj", "prep", "det", "pobj", "ROOT", "dobj"], [1, 5, 1, 4, 2, 5, 5])
    assert noun_complement(doc[1]).i == 2
    assert is_candidate(doc[1])
    assert noun_complement(doc[6]) is None and not is_candidate(doc[6])
    assert "poss=True" in cue_features(doc[1])


def test_lead_in_joins_a_quotation_opened_mid_sentence() -> None:
    words = ["Sooner", "or", "later", ",", "“", "we", "will", "win", ",", "”", "he", "said", "."]
    spaces = [True, True, False, True, False, True, True, False, False, True, True, False, False]
    doc = _doc(words, ["ADV", "CCONJ", "ADV", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT", "PRON",
                       "VERB", "PUNCT"],
               ["advmod", "cc", "conj", "punct", "punct", "nsubj", "aux", "ccomp", "punct", "punct", "nsubj",
                "ROOT", "punct"], [7, 0, 0, 7, 7, 7, 7, 11, 7, 11, 11, 11, 11], spaces=spaces)
    quote_start = doc[4].idx
    assert lead_in_start(doc, doc.text, quote_start) == 0


def test_lead_in_with_a_colon_or_a_full_stop_is_left_out() -> None:
    words = ["He", "warned", ":", "“", "we", "will", "win", "”"]
    doc = _doc(words, ["PRON", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
               ["nsubj", "ROOT", "punct", "punct", "nsubj", "aux", "ccomp", "punct"], [1, 1, 1, 6, 6, 6, 1, 6],
               spaces=[True, False, True, False, True, True, False, False])
    assert lead_in_start(doc, doc.text, doc[3].idx) == doc[3].idx


def _collapsed() -> Doc:
    # Officials said the bridge collapsed in 1987 , sources added .   ("in 1987" hung on "said")
    words = ["Officials", "said", "the", "bridge", "collapsed", "in", "1987", ",", "sources", "added", "."]
    return _doc(words, ["NOUN", "VERB", "DET", "NOUN", "VERB", "ADP", "NUM", "PUNCT", "NOUN", "VERB", "PUNCT"],
                ["nsubj", "ccomp", "det", "nsubj", "ccomp", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"],
                [1, 9, 3, 4, 1, 1, 5, 9, 9, 9, 9],
                spaces=[True, True, True, True, True, True, False, True, True, False, False])


def test_run_on_content_extends_to_the_clause_break() -> None:
    doc = _collapsed()
    content = (doc[2].idx, doc[4].idx + len(doc[4].text))
    start, end = extend_run_on(doc, content, len(doc.text))
    assert doc.text[start:end] == "the bridge collapsed in 1987"


def test_run_on_content_followed_by_punctuation_is_kept() -> None:
    doc = _collapsed()
    content = (doc[2].idx, doc[6].idx + len(doc[6].text))
    assert extend_run_on(doc, content, len(doc.text)) == content


@pytest.mark.slow
def test_copula_adjective_cue_end_to_end(claims_of: Claims) -> None:
    claims = claims_of("Lawmakers are still uneasy about the new tariff plan.")
    c = next(c for c in claims if c["cue"] and "uneasy" in c["cue"])
    assert c["cue"] == "are still uneasy about"
    assert c["source"] == "Lawmakers"
    assert c["content"] == "the new tariff plan"


@pytest.mark.slow
def test_noun_cue_with_possessor_and_that_clause(claims_of: Claims) -> None:
    claims = claims_of("Critics pointed to his assertion that the vote was rigged.")
    c = next(c for c in claims if c["cue"] == "assertion")
    assert c["source"] == "his"
    assert c["content"] == "that the vote was rigged"


@pytest.mark.slow
def test_quotation_opened_mid_sentence_keeps_its_lead_in(claims_of: Claims) -> None:
    claims = claims_of("Sooner or later, “we will have a consumption tax,” he said.")
    c = next(c for c in claims if c["cue"] == "said")
    assert c["content"] == "Sooner or later, “we will have a consumption tax,”"
    assert c["kind"] == "direct_quote"


def test_among_introduces_a_source_not_a_content() -> None:
    # fears among economists
    doc = _doc(["fears", "among", "economists"], ["NOUN", "ADP", "NOUN"], ["ROOT", "prep", "pobj"], [0, 0, 1])
    assert noun_complement(doc[0]) is None
    assert not is_candidate(doc[0])
