"""The fallback frame, fitting parts to a tagged cue span, and source/content boundary rules.

The frames are tested on hand-built parses (heads are absolute token indices); one end-to-end
check on a sentence parsed by the model is marked slow.
"""
from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from wirewatch.claims.contents import after_cue, extend_over_adjuncts
from wirewatch.claims.frames import Parts, according_to, fit_to_cue, generic
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.roles import find_source, source_span
from wirewatch.claims.spans import Span, outside


def _doc(words: list[str], pos: list[str], deps: list[str], heads: list[int], spaces: list[bool] | None = None,
         tags: list[str] | None = None) -> Doc:
    """Build a parsed Doc by hand."""
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, pos=pos, deps=deps, heads=heads,
               tags=tags, lemmas=[w.lower() for w in words])


def _text(doc: Doc, span: Span | None) -> str | None:
    return doc.text[span[0]:span[1]] if span is not None else None


def _chars(doc: Doc, first: int, last: int) -> Span:
    """Character span of tokens ``first..last`` (inclusive)."""
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _quotes(doc: Doc) -> QuoteIndex:
    return QuoteIndex(doc.text, [len(doc.text)] * len(doc))


# --- the fallback frame --------------------------------------------------------------------------


def test_noun_cue_takes_its_prepositional_object_as_content() -> None:
    # Demand for a ban grew .
    doc = _doc(["Demand", "for", "a", "ban", "grew", "."], ["NOUN", "ADP", "DET", "NOUN", "VERB", "PUNCT"],
               ["nsubj", "prep", "det", "pobj", "ROOT", "punct"], [4, 0, 3, 1, 4, 4],
               spaces=[True, True, True, True, False, False])
    parts = generic(doc[0])
    assert _text(doc, parts.content) == "a ban"
    assert parts.source is None
    assert parts.frame == "generic"


def test_viewpoint_preposition_names_the_source_and_its_clause_the_content() -> None:
    # For Republicans , it is a scandal .
    doc = _doc(["For", "Republicans", ",", "it", "is", "a", "scandal", "."],
               ["ADP", "PROPN", "PUNCT", "PRON", "AUX", "DET", "NOUN", "PUNCT"],
               ["prep", "pobj", "punct", "nsubj", "ROOT", "det", "attr", "punct"], [4, 0, 4, 4, 4, 6, 4, 4],
               spaces=[True, False, True, True, True, True, False, False])
    parts = generic(doc[0])
    assert _text(doc, parts.source) == "Republicans"
    assert _text(doc, parts.content) == "it is a scandal"


def test_topic_preposition_takes_its_object_as_content() -> None:
    # He was asked about the loan .
    doc = _doc(["He", "was", "asked", "about", "the", "loan", "."],
               ["PRON", "AUX", "VERB", "ADP", "DET", "NOUN", "PUNCT"],
               ["nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "punct"], [2, 2, 2, 2, 5, 3, 2],
               spaces=[True, True, True, True, True, False, False])
    parts = generic(doc[3])
    assert _text(doc, parts.content) == "the loan"


def test_passive_participle_cue_attributes_the_noun_phrase_it_modifies() -> None:
    # firms sued by the NAACP paid .
    doc = _doc(["firms", "sued", "by", "the", "NAACP", "paid", "."],
               ["NOUN", "VERB", "ADP", "DET", "PROPN", "VERB", "PUNCT"],
               ["nsubj", "acl", "agent", "det", "pobj", "ROOT", "punct"], [5, 0, 1, 4, 2, 5, 5],
               spaces=[True, True, True, True, True, False, False],
               tags=["NNS", "VBN", "IN", "DT", "NNP", "VBD", "."])
    parts = generic(doc[1])
    assert _text(doc, parts.content) == "firms sued by the NAACP"
    assert _text(doc, parts.source) == "the NAACP"


def test_mid_line_colon_splits_source_and_quotation() -> None:
    # Kerry : “ We will act . ”
    doc = _doc(["Kerry", ":", "“", "We", "will", "act", ".", "”"],
               ["PROPN", "PUNCT", "PUNCT", "PRON", "AUX", "VERB", "PUNCT", "PUNCT"],
               ["ROOT", "punct", "punct", "nsubj", "aux", "appos", "punct", "punct"], [0, 0, 5, 5, 5, 0, 5, 5],
               spaces=[False, True, False, True, True, False, False, False])
    parts = generic(doc[1], _quotes(doc))
    assert _text(doc, parts.source) == "Kerry"
    assert _text(doc, parts.content) == "“We will act.”"


def test_fallback_without_any_complement_returns_none() -> None:
    # They waited .
    doc = _doc(["They", "waited", "."], ["PRON", "VERB", "PUNCT"], ["nsubj", "ROOT", "punct"], [1, 1, 1],
               spaces=[True, False, False])
    assert generic(doc[1]) is None


# --- fitting parts to a tagged cue span -------------------------------------------------------------


def _fire() -> Doc:
    # Bush held his fire on Carson .
    return _doc(["Bush", "held", "his", "fire", "on", "Carson", "."],
                ["PROPN", "VERB", "PRON", "NOUN", "ADP", "PROPN", "PUNCT"],
                ["nsubj", "ROOT", "poss", "dobj", "prep", "pobj", "punct"], [1, 1, 3, 1, 1, 4, 1],
                spaces=[True, True, True, True, True, False, False])


def test_content_starting_inside_the_tagged_cue_starts_after_it() -> None:
    doc = _fire()
    parts = Parts(cue=_chars(doc, 1, 1), content=_chars(doc, 2, 5), source=_chars(doc, 0, 0))
    fitted = fit_to_cue(parts, _chars(doc, 1, 4), doc)
    assert _text(doc, fitted.cue) == "held his fire on"
    assert _text(doc, fitted.content) == "Carson"
    assert _text(doc, fitted.source) == "Bush"


def test_content_inside_the_tagged_cue_is_replaced_by_the_constituent_after_it() -> None:
    doc = _fire()
    parts = Parts(cue=_chars(doc, 1, 1), content=_chars(doc, 2, 3))
    fitted = fit_to_cue(parts, _chars(doc, 1, 4), doc)
    assert _text(doc, fitted.content) == "Carson"


def test_fit_without_a_cue_span_keeps_the_parts() -> None:
    doc = _fire()
    parts = Parts(cue=_chars(doc, 1, 1), content=_chars(doc, 2, 5))
    assert fit_to_cue(parts, None, doc) is parts
    assert fit_to_cue(None, _chars(doc, 1, 4), doc) is None


def test_a_later_verb_of_a_long_cue_gives_the_content() -> None:
    # Trump shot back , saying he won .
    doc = _doc(["Trump", "shot", "back", ",", "saying", "he", "won", "."],
               ["PROPN", "VERB", "ADV", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"],
               ["nsubj", "ROOT", "prt", "punct", "advcl", "nsubj", "ccomp", "punct"], [1, 1, 1, 1, 1, 6, 4, 1],
               spaces=[True, True, False, True, True, True, False, False])
    parts = Parts(cue=_chars(doc, 1, 2), content=None, source=_chars(doc, 0, 0))
    fitted = fit_to_cue(parts, _chars(doc, 1, 4), doc)
    assert _text(doc, fitted.content) == "he won"


def test_after_cue_stops_at_a_conjunction() -> None:
    # a Clinton supporter and donor
    doc = _doc(["a", "Clinton", "supporter", "and", "donor"], ["DET", "PROPN", "NOUN", "CCONJ", "NOUN"],
               ["det", "compound", "ROOT", "cc", "conj"], [2, 2, 2, 2, 2])
    assert after_cue(doc, _chars(doc, 2, 2)) is None


def test_generic_with_a_cue_span_skips_a_mark_inside_the_cue() -> None:
    # Trump called for Ginsburg to resign .
    doc = _doc(["Trump", "called", "for", "Ginsburg", "to", "resign", "."],
               ["PROPN", "VERB", "SCONJ", "PROPN", "PART", "VERB", "PUNCT"],
               ["nsubj", "ROOT", "mark", "nsubj", "aux", "advcl", "punct"], [1, 1, 5, 5, 5, 1, 1],
               spaces=[True, True, True, True, True, False, False])
    parts = generic(doc[1], cue=_chars(doc, 1, 2))
    assert _text(doc, parts.content) == "Ginsburg to resign"
    assert _text(doc, parts.source) == "Trump"


# --- boundaries -------------------------------------------------------------------------------------


def test_clausal_content_runs_over_adjuncts_hung_on_the_cue() -> None:
    # He said it was done , something many doubted , but denied it .
    words = ["He", "said", "it", "was", "done", ",", "something", "many", "doubted", ",", "but", "denied", "it", "."]
    doc = _doc(words, ["PRON", "VERB", "PRON", "AUX", "VERB", "PUNCT", "PRON", "ADJ", "VERB", "PUNCT", "CCONJ",
                       "VERB", "PRON", "PUNCT"],
               ["nsubj", "ROOT", "nsubjpass", "auxpass", "ccomp", "punct", "npadvmod", "nsubj", "relcl", "punct",
                "cc", "conj", "dobj", "punct"], [1, 1, 4, 4, 1, 1, 1, 8, 6, 1, 1, 1, 11, 1],
               spaces=[True, True, True, True, False, True, True, True, False, True, True, True, False, False])
    content = extend_over_adjuncts(doc[1], _chars(doc, 2, 4))
    assert _text(doc, content) == "it was done, something many doubted"


def test_clausal_content_runs_over_a_second_that_clause() -> None:
    # He said they won , but that they lost , and left .
    words = ["He", "said", "they", "won", ",", "but", "that", "they", "lost", ",", "and", "left", "."]
    doc = _doc(words, ["PRON", "VERB", "PRON", "VERB", "PUNCT", "CCONJ", "SCONJ", "PRON", "VERB", "PUNCT", "CCONJ",
                       "VERB", "PUNCT"],
               ["nsubj", "ROOT", "nsubj", "ccomp", "punct", "cc", "mark", "nsubj", "conj", "punct", "cc", "conj",
                "punct"], [1, 1, 3, 1, 1, 1, 8, 8, 1, 1, 1, 1, 1],
               spaces=[True, True, True, False, True, True, True, True, False, True, True, False, False])
    assert _text(doc, extend_over_adjuncts(doc[1], _chars(doc, 2, 3))) == "they won, but that they lost"


def test_clausal_content_stops_before_a_contrast() -> None:
    # Most said yes , while few said no .
    doc = _doc(["Most", "said", "yes", ",", "while", "few", "said", "no", "."],
               ["ADJ", "VERB", "INTJ", "PUNCT", "SCONJ", "ADJ", "VERB", "INTJ", "PUNCT"],
               ["nsubj", "ROOT", "ccomp", "punct", "mark", "nsubj", "advcl", "dobj", "punct"], [1, 1, 1, 1, 6, 6, 1, 6, 1],
               spaces=[True, True, False, True, True, True, True, False, False])
    assert _text(doc, extend_over_adjuncts(doc[1], _chars(doc, 2, 2))) == "yes"


def test_source_drops_a_comma_led_participle_but_keeps_an_apposition() -> None:
    # Mary Susan , clad in red , said so .
    doc = _doc(["Mary", "Susan", ",", "clad", "in", "red", ",", "said", "so", "."],
               ["PROPN", "PROPN", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT"],
               ["compound", "nsubj", "punct", "acl", "prep", "pobj", "punct", "ROOT", "advmod", "punct"],
               [1, 7, 1, 1, 3, 4, 1, 7, 7, 7],
               spaces=[True, False, True, True, True, False, True, True, False, False])
    assert _text(doc, source_span(find_source(doc[7]), doc[7])) == "Mary Susan"
    # Erin Brockovich , the activist , said so .
    doc = _doc(["Erin", "Brockovich", ",", "the", "activist", ",", "said", "so", "."],
               ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "ADV", "PUNCT"],
               ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT", "advmod", "punct"],
               [1, 6, 1, 4, 1, 1, 6, 6, 6],
               spaces=[True, False, True, True, False, True, True, False, False])
    assert _text(doc, source_span(find_source(doc[6]), doc[6])) == "Erin Brockovich, the activist"


def test_source_of_a_gerund_after_a_preposition_is_the_main_subject() -> None:
    # After saying no , the man left .
    doc = _doc(["After", "saying", "no", ",", "the", "man", "left", "."],
               ["ADP", "VERB", "INTJ", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
               ["prep", "pcomp", "dobj", "punct", "det", "nsubj", "ROOT", "punct"], [6, 0, 1, 6, 5, 6, 6, 6],
               spaces=[True, True, False, True, True, True, False, False])
    assert find_source(doc[1]).text == "man"


def test_noun_cue_ending_in_from_reads_the_source_after_it() -> None:
    # The plan drew criticism from critics .
    doc = _doc(["The", "plan", "drew", "criticism", "from", "critics", "."],
               ["DET", "NOUN", "VERB", "NOUN", "ADP", "NOUN", "PUNCT"],
               ["det", "nsubj", "ROOT", "dobj", "prep", "pobj", "punct"], [1, 2, 2, 2, 3, 4, 2],
               spaces=[True, True, True, True, True, False, False])
    parts = Parts(cue=_chars(doc, 2, 2), content=_chars(doc, 3, 5), source=_chars(doc, 0, 1))
    fitted = fit_to_cue(parts, _chars(doc, 2, 4), doc)
    assert _text(doc, fitted.source) == "critics"
    assert _text(doc, fitted.content) == "The plan"


def test_outside_cuts_a_span_at_the_cue() -> None:
    text = "He held his fire on Carson, then left"
    cue = (text.index("held"), text.index(" Carson"))
    assert text.__getitem__(slice(*outside((text.index("his"), text.index(", then")), cue, text))) == "Carson"
    assert outside((0, 2), cue, text) == (0, 2)
    around = (0, len(text))
    assert outside(around, cue, text) == around
    assert outside(cue, cue, text) == cue


# --- according to -----------------------------------------------------------------------------------


def test_according_to_recovers_a_subject_hung_on_the_source() -> None:
    # According to polls by Edison , majorities want change .
    doc = _doc(["According", "to", "polls", "by", "Edison", ",", "majorities", "want", "change", "."],
               ["VERB", "ADP", "NOUN", "ADP", "PROPN", "PUNCT", "NOUN", "VERB", "NOUN", "PUNCT"],
               ["prep", "prep", "pobj", "prep", "pobj", "punct", "appos", "ROOT", "dobj", "punct"],
               [7, 0, 1, 2, 3, 4, 4, 7, 7, 7],
               spaces=[True, True, True, True, False, True, True, True, False, False])
    parts = according_to(doc[0])
    assert _text(doc, parts.source) == "polls by Edison"
    assert _text(doc, parts.content) == "majorities want change"


def test_according_to_content_leaves_out_an_opening_conjunction() -> None:
    # But sales fell , according to data .
    doc = _doc(["But", "sales", "fell", ",", "according", "to", "data", "."],
               ["CCONJ", "NOUN", "VERB", "PUNCT", "VERB", "ADP", "NOUN", "PUNCT"],
               ["cc", "nsubj", "ROOT", "punct", "prep", "prep", "pobj", "punct"], [2, 2, 2, 2, 2, 4, 5, 2],
               spaces=[True, True, False, True, True, True, False, False])
    parts = according_to(doc[4])
    assert _text(doc, parts.content) == "sales fell"
    assert _text(doc, parts.source) == "data"


@pytest.mark.slow
def test_quotation_ending_in_a_comma_is_not_taken_over_by_the_previous_cue(nlp: Language) -> None:
    from wirewatch.claims.frames import verbal

    doc = nlp("“We won,” she said. “They lost badly,” he said.")
    ends = [0] * len(doc)
    for sent in doc.sents:
        for t in sent:
            ends[t.i] = sent.end_char
    said = next(t for t in doc if t.text == "said")
    parts = verbal(said, QuoteIndex(doc.text, ends))
    assert _text(doc, parts.content) == "“We won,”"


@pytest.mark.slow
def test_generic_frame_on_a_parsed_sentence(nlp: Language) -> None:
    doc = nlp("Trump called Wednesday for Justice Ruth Bader Ginsburg to resign.")
    cue = (doc.text.index("called"), doc.text.index(" Justice"))
    head = doc.char_span(cue[0], cue[1], alignment_mode="expand").root
    parts = fit_to_cue(generic(head, _quotes(doc), cue=cue), cue, doc)
    assert _text(doc, parts.content) == "Justice Ruth Bader Ginsburg to resign"
    assert _text(doc, parts.source) == "Trump"
