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


def _pseudo():
    import numpy as np

    from wirewatch.events.train import Pseudo

    probs = np.array([[0.9, 0.05, 0.05],      # mostly no event
                      [0.2, 0.7, 0.1],        # an ASSAULT, a little PROTEST
                      [0.4, 0.58, 0.02]])     # an ASSAULT; PROTEST under a tenth of the event
    return Pseudo([["w=a"], ["w=b"], ["w=c"]], probs, ("NONE", "ASSAULT", "PROTEST"))


def test_the_detector_learns_each_distilled_candidate_both_ways_by_the_encoders_odds() -> None:
    xs, ys, ws = _pseudo().detector_examples(0.5)
    assert ys == ["EVENT"] * 3 + ["NONE"] * 3 and xs[0] == xs[3] == ["w=a"]
    assert list(ws.round(3)) == [0.05, 0.4, 0.3, 0.45, 0.1, 0.2]


def test_the_typer_learns_the_types_the_encoder_gives_its_likely_events() -> None:
    xs, ys, ws = _pseudo().typer_examples(1.0)
    assert list(zip([x[0] for x in xs], ys)) == [("w=b", "ASSAULT"), ("w=b", "PROTEST"), ("w=c", "ASSAULT")]
    assert list(ws.round(2)) == [0.7, 0.1, 0.58]


def test_distilled_examples_move_the_trigger_models_toward_the_encoder() -> None:
    import numpy as np

    from wirewatch.events.train import Pseudo, trigger_models

    tx = [["w=attack"], ["w=said"], ["w=attack"], ["w=walk"], ["w=protest"], ["w=talk"]]
    ty = ["ASSAULT", "NONE", "ASSAULT", "NONE", "PROTEST", "NONE"]
    pseudo = Pseudo([["w=shell"]] * 5, np.tile([0.05, 0.9, 0.05], (5, 1)), ("NONE", "ASSAULT", "PROTEST"))
    plain, _ = trigger_models(tx, ty)
    taught, types = trigger_models(tx, ty, pseudo, weight=1.0)
    event = plain.classes.index("EVENT")
    assert taught.proba_many([["w=shell"]])[0, event] > plain.proba_many([["w=shell"]])[0, event] + 0.2
    assert types.classes[int(types.proba_many([["w=shell"]])[0].argmax())] == "ASSAULT"


def test_the_rarer_types_weigh_more_in_the_typer_and_none_not_at_all() -> None:
    from wirewatch.events.train import type_weights

    labels = ["ACCUSE"] * 16 + ["RETREAT"] * 4 + ["AID"] + ["NONE"] * 50
    assert type_weights(labels, 0.5) == {"ACCUSE": 1.0, "RETREAT": 2.0, "AID": 4.0}
    assert set(type_weights(labels, 0.0).values()) == {1.0}
    assert type_weights(["NONE"]) == {}


def test_weighting_the_rare_type_up_makes_the_typer_name_it_where_the_evidence_is_shared() -> None:
    from wirewatch.events.train import trigger_models

    tx = [["w=pull"]] * 7 + [["w=pull"]] * 3 + [["w=said"]] * 4
    ty = ["ACCUSE"] * 7 + ["RETREAT"] * 3 + ["NONE"] * 4
    _, types = trigger_models(tx, ty)
    p = types.proba_many([["w=pull"]])[0]
    # unweighted the odds would be 7 : 3; weighted by (7/3) ** 0.5 they close to about 7 : 4.6
    assert 0.36 < p[types.classes.index("RETREAT")] < 0.45
