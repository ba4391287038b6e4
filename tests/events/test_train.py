"""Training examples: sentences joined as the referee joins them, labels from the gold events."""
from __future__ import annotations

from wirewatch.events.train import articles, is_location, party_label, trigger_head


def test_sentences_are_joined_by_one_space_with_their_spans() -> None:
    rows = [{"doc": "d", "date": "2000-01-01", "text": "A b."}, {"doc": "d", "text": "C d."},
            {"doc": "e", "text": "E."}]
    (d, e) = articles(rows)
    assert d.text == "A b. C d." and [s[:2] for s in d.sentences] == [(0, 4), (5, 9)]
    assert d.date == "2000-01-01" and e.text == "E."


def test_party_labels_follow_the_gold_codes_and_a_domestic_act_goes_by_side() -> None:
    gold = {"actors": ["USA"], "recipients": ["IRQ"]}
    assert party_label({"USA"}, gold, before=False) == "actor"
    assert party_label({"IRQ"}, gold, before=True) == "recipient"
    assert party_label({"FRA"}, gold, before=True) == "none"
    both = {"actors": ["USA"], "recipients": ["USA"]}
    assert party_label({"USA"}, both, before=True) == "actor"
    assert party_label({"USA"}, both, before=False) == "recipient"


def test_the_trigger_head_is_the_root_of_the_gold_phrase(nlp) -> None:
    doc = nlp("Exiles vowed they would block any attempt.")
    head = trigger_head(doc, 0, len(doc.text), "vowed they would block")
    assert head is not None and head.text == "vowed"
    assert trigger_head(doc, 0, len(doc.text), "not there") is None


def test_a_place_named_as_where_the_act_happens_is_never_a_party(nlp) -> None:
    from wirewatch.events.parties import PartyCandidate

    doc = nlp("Putin held talks with Kim in Vladivostok, and Moscow said they went well.")
    at = {t.text: t for t in doc}
    assert is_location(PartyCandidate(at["Vladivostok"], "e1", "place", True, False))
    assert not is_location(PartyCandidate(at["Moscow"], "e2", "place", True, False))      # metonymy: Moscow said
    assert not is_location(PartyCandidate(at["Kim"], "e3", "person", True, False))
