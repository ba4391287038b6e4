"""Candidate triggers and the features the models see."""
from __future__ import annotations

from wirewatch.events.features import candidates, dep_path, party_features, trigger_features


def test_verbs_and_nouns_are_candidates_function_words_are_not(nlp) -> None:
    sent = next(nlp("Rebels attacked the convoy near the border.").sents)
    words = [t.text for t in candidates(sent)]
    assert "attacked" in words and "convoy" in words
    assert "the" not in words and "near" not in words


def test_trigger_features_name_the_word_its_object_and_the_lexicon_type(nlp) -> None:
    doc = nlp("Rebels attacked the convoy.")
    f = trigger_features(doc[1], {0: "group"})
    assert "l=attack" in f and "c=dobj:convoy" in f and "lex=ASSAULT" in f
    assert "ce=nsubj:group" in f              # an actor mention fills the subject


def test_rule_proposals_become_features(nlp) -> None:
    doc = nlp("Rebels attacked the convoy.")
    assert "rule=ASSAULT" in trigger_features(doc[1], {}, {1: frozenset({"ASSAULT"})})
    assert not any(x.startswith("rule=") for x in trigger_features(doc[1], {}, {}))


def test_dependency_path_goes_up_then_down_naming_prepositions(nlp) -> None:
    doc = nlp("Rebels fired on the convoy.")
    assert dep_path(doc[1], doc[0]) == "vnsubj"
    assert dep_path(doc[1], doc[4]) == "vprep:on vpobj"
    assert dep_path(doc[0], doc[4]) == "^nsubj vprep:on vpobj"


def test_party_features_carry_path_side_kind_and_preposition(nlp) -> None:
    doc = nlp("Rebels fired on the convoy in Kabul.")
    f = party_features(doc[1], "ASSAULT", doc[6], "place", True, False)
    assert "prep=in" in f and "kind=place" in f and "dep|side=pobj|R" in f
