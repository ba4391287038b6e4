"""Recognition on hand-built spaCy documents (no model): what the gazetteer scan takes and drops."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.recognize import SURE, Recognizer, vague

VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], pos: list[str], ents: list[str] | None = None, tags: list[str] | None = None) -> Doc:
    spaces = [True] * len(words)
    for i, w in enumerate(words[1:], 1):
        if w in (",", ".", "'s", "/"):
            spaces[i - 1] = False
        if words[i - 1] == "/":
            spaces[i - 1] = False
    return Doc(VOCAB, words=words, spaces=spaces, pos=pos, tags=tags or ["NN"] * len(words),
               ents=ents or ["O"] * len(words))


def _texts(doc: Doc, gaz: Gazetteer) -> list[tuple[str, int]]:
    return [(doc.text[m.start_char:m.end_char], m.weak) for m in Recognizer(doc, gaz).mentions()]


def test_dateline_with_slash_and_caps_heading(gazetteer: Gazetteer) -> None:
    doc = _doc(["Moscow", "/", "Seoul", ",", "Sep", "11", ".", "MEETING", "IN", "VLADIVOSTOK"],
               ["PROPN", "SYM", "PROPN", "PUNCT", "PROPN", "NUM", "PUNCT", "NOUN", "ADP", "PROPN"])
    mentions = Recognizer(doc, gazetteer).mentions()
    assert [doc.text[m.start_char:m.end_char] for m in mentions] == ["Moscow", "Seoul", "VLADIVOSTOK"]
    assert mentions[0].weak == mentions[1].weak == SURE
    assert mentions[2].cue  # "IN VLADIVOSTOK": a weak all-caps match with a locative cue


def test_person_names_are_not_places(gazetteer: Gazetteer) -> None:
    words = ["Kim", "Jong", "-", "un", "met", "Putin", ".", "Kim", "left", "."]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "O", "B-PERSON", "O", "O"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "VERB", "PROPN", "PUNCT", "PROPN", "VERB", "PUNCT"]
    assert _texts(_doc(words, pos, ents), gazetteer) == []


def test_common_words_need_proper_noun_tags(gazetteer: Gazetteer) -> None:
    doc = _doc(["Mobile", "phones", "Of", "course", "Reading", "helps", "in", "March"],
               ["ADJ", "NOUN", "ADP", "NOUN", "VERB", "VERB", "ADP", "PROPN"],
               ["O"] * 7 + ["B-DATE"])
    assert _texts(doc, gazetteer) == []


def test_possessive_and_demonym(gazetteer: Gazetteer) -> None:
    doc = _doc(["Russia", "'s", "Russian", "troops"], ["PROPN", "PART", "ADJ", "NOUN"],
               ["B-GPE", "O", "B-NORP", "O"], ["NNP", "POS", "JJ", "NNS"])
    assert _texts(doc, gazetteer) == [("Russia", SURE)]


def test_longest_name_wins(gazetteer: Gazetteer) -> None:
    doc = _doc(["the", "Russian", "Far", "East", "region"], ["DET", "ADJ", "PROPN", "PROPN", "NOUN"],
               ["O", "B-NORP", "B-LOC", "I-LOC", "O"])
    assert _texts(doc, gazetteer) == [("Russian Far East", SURE)]


def test_generic_head_of_a_facility_name_is_dropped(gazetteer: Gazetteer) -> None:
    doc = _doc(["at", "the", "Webb", "Center", "."], ["ADP", "DET", "PROPN", "PROPN", "PUNCT"],
               ["O", "O", "B-FAC", "I-FAC", "O"])
    assert [t for t, _ in _texts(doc, gazetteer)] in ([], ["Webb"])  # "Webb" at most weak, never "Center"
    assert all(weak != SURE for _, weak in _texts(doc, gazetteer))


def test_vague_words() -> None:
    assert vague("center") and vague("northeast") and vague("north central")
    assert not vague("paris") and not vague("grand rapids")
