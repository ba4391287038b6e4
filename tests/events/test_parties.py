"""Choosing actors and recipients among the sentence's actor mentions."""
from __future__ import annotations

import numpy as np

from wirewatch.document import Claim, Span
from wirewatch.events.actors import MentionIndex
from wirewatch.events.model import LinearModel
from wirewatch.events.parties import (
    ActorMention, PartyCandidate, choose_parties, coordinated, party_candidates, speakers_of,
)


def _index(doc, spans: list[tuple[str, str, str]]) -> MentionIndex:
    """Mentions by their text: (text, entity id, kind)."""
    out = []
    for text, ent, kind in spans:
        start = doc.text.index(text)
        out.append(ActorMention(start, start + len(text), ent, "XXX", kind))
    return MentionIndex(doc, out)


def _subject_acts() -> LinearModel:
    """A hand-made party model: a subject acts, a direct object is acted on."""
    feats = {"dep=nsubj": 0, "dep=dobj": 1}
    w = np.array([[3.0, 0.0, 0.0], [0.0, 3.0, 0.0]])
    return LinearModel(("actor", "recipient", "none"), feats, w, np.array([0.0, 0.0, 1.0]), {})


def test_mentions_and_resolved_pronouns_are_candidates(nlp) -> None:
    doc = nlp("Russia issued a warning. It said it would respond.")
    index = _index(doc, [("Russia", "e1", "country")])
    second = list(doc.sents)[1]
    cands = party_candidates(second, index)
    assert {c.entity for c in cands} == {"e1"} and all(c.anaphor for c in cands)


def test_subject_is_actor_and_object_recipient(nlp) -> None:
    doc = nlp("Russia attacked Ukraine.")
    index = _index(doc, [("Russia", "e1", "country"), ("Ukraine", "e2", "country")])
    cands = party_candidates(doc[:], index)
    got = choose_parties(doc[1], "ASSAULT", cands, _subject_acts(), 0.5)
    assert got.actors == ("e1",) and got.recipients == ("e2",)


def test_nothing_above_the_threshold_leaves_the_roles_empty(nlp) -> None:
    doc = nlp("Russia attacked Ukraine.")
    index = _index(doc, [("Russia", "e1", "country"), ("Ukraine", "e2", "country")])
    got = choose_parties(doc[1], "ASSAULT", party_candidates(doc[:], index), _subject_acts(), 0.99)
    assert got.actors == () and got.recipients == ()


def _subjects_lean_to_act() -> LinearModel:
    """A hand-made party model under which a subject and a prepositional object both lean to the
    actor role, the object still likely enough a recipient."""
    feats = {"dep=nsubj": 0, "dep=pobj": 1}
    w = np.array([[4.0, 0.0, 0.0], [1.3, 1.2, 0.0]])
    return LinearModel(("actor", "recipient", "none"), feats, w, np.array([0.0, 0.0, -0.5]), {})


def test_the_roles_are_assigned_jointly_so_a_second_entity_takes_the_free_role(nlp) -> None:
    doc = nlp("Lawyers filed a brief in court.")
    index = _index(doc, [("Lawyers", "e1", "group"), ("court", "e2", "organization")])
    cands = party_candidates(doc[:], index)
    model = _subjects_lean_to_act()
    court = model.proba_many([[f"dep={doc[5].dep_}"]])[0]
    assert court[0] > court[1] >= 0.4          # the court leans to acting, yet ...
    got = choose_parties(doc[1], "ACCUSE", cands, model, 0.4)
    assert got.actors == ("e1",) and got.recipients == ("e2",)   # ... the actor role is taken
    assert choose_parties(doc[1], "ACCUSE", cands, model, 0.9).recipients == ()


def test_a_second_party_of_a_role_must_be_coordinated_with_the_first(nlp) -> None:
    doc = nlp("Hungary and Romania signed a treaty in Vienna.")
    assert coordinated(doc[0], doc[2])
    assert not coordinated(doc[0], doc[7])


def test_speakers_are_the_sources_and_relays_of_claims_holding_the_trigger(nlp) -> None:
    doc = nlp("The Kremlin said Kim will visit Russia.")
    claim = Claim(id="c1", content=Span(17, 38), stance="asserted", source="e1", via=["e9"])
    assert speakers_of(doc[5], [claim]) == frozenset({"e1", "e9"})
    assert speakers_of(doc[2], [claim]) == frozenset()


def test_candidate_fields(nlp) -> None:
    doc = nlp("Russia attacked Ukraine.")
    index = _index(doc, [("Russia", "e1", "country")])
    (c,) = party_candidates(doc[:], index)
    assert c == PartyCandidate(doc[0], "e1", "country", True, False)


def test_an_intergovernmental_body_without_a_country_is_a_coded_candidate(nlp) -> None:
    doc = nlp("NATO warned Russia.")
    nato = ActorMention(0, 4, "e1", None, "organization", "IGO")
    party = ActorMention(doc.text.index("Russia"), doc.text.index("Russia") + 6, "e2", "RUS", "country")
    plain = ActorMention(0, 4, "e3", None, "organization", "GOV")
    assert nato.coded and party.coded and not plain.coded
    cands = party_candidates(next(doc.sents), MentionIndex(doc, [nato, party]))
    assert all(c.coded for c in cands)


def test_a_first_person_pronoun_in_a_quote_stands_for_the_claims_source(nlp) -> None:
    text = "\u201cWe will not withdraw,\u201d the minister said."
    doc = nlp(text)
    minister = ActorMention(text.index("the minister"), text.index(" said"), "e1", "XXX", "person")
    claim = Claim("c1", Span(0, text.index(",") + 1), "asserted", source="e1")
    cands = party_candidates(next(doc.sents), MentionIndex(doc, [minister]), [claim])
    we = [c for c in cands if c.token.lower_ == "we"]
    assert [(c.entity, c.anaphor) for c in we] == [("e1", True)]
    assert not [c for c in party_candidates(next(doc.sents), MentionIndex(doc, [minister])) if c.token.lower_ == "we"]


def _mention(text: str, name: str, ent: str, country: str, kind: str, site: bool = False) -> ActorMention:
    start = text.index(name)
    return ActorMention(start, start + len(name), ent, country, kind, None, site)


def test_a_town_named_for_itself_is_no_party_but_a_town_qualifying_people_is(nlp) -> None:
    text = "Putin traveled to Vladivostok. The Vladivostok council met the governor."
    doc = nlp(text)
    first, second = doc.sents
    at = [text.index("Vladivostok"), text.rindex("Vladivostok")]
    index = MentionIndex(doc, [_mention(text, "Putin", "e1", "RUS", "person")]
                         + [ActorMention(i, i + 11, "e2", "RUS", "place", None, True) for i in at])
    assert {c.entity for c in party_candidates(first, index)} == {"e1"}          # "to Vladivostok": where
    assert "e2" in {c.entity for c in party_candidates(second, index)}           # "the Vladivostok council"


def test_a_capital_may_stand_for_its_government(nlp) -> None:
    text = "Moscow rejected the proposal."
    doc = nlp(text)
    capital = _mention(text, "Moscow", "e1", "RUS", "place")                    # a seat: not a site
    assert [c.entity for c in party_candidates(next(doc.sents), MentionIndex(doc, [capital]))] == ["e1"]


def test_a_town_word_inside_a_longer_place_name_is_no_party(nlp) -> None:
    text = "The talks at Villa La Grange ended. The Miami relatives sued."
    doc = nlp(text)
    first, second = doc.sents
    index = MentionIndex(doc, [ActorMention(text.index("Villa"), text.index("Villa") + 5, "e1", "ITA", "place", None, True),
                               ActorMention(text.index("Miami"), text.index("Miami") + 5, "e2", "USA", "place", None, True)])
    assert not party_candidates(first, index)                                  # part of a name: where
    assert [c.entity for c in party_candidates(second, index)] == ["e2"]       # qualifies people: who


def _coded_index(doc, spans: list[tuple[str, str, str, str | None, str | None]]) -> MentionIndex:
    """Mentions by their text: (text, entity id, kind, country, sector), first occurrence each."""
    out = []
    for text, ent, kind, country, sector in spans:
        start = doc.text.index(text)
        out.append(ActorMention(start, start + len(text), ent, country, kind, sector))
    return MentionIndex(doc, out)


def test_the_two_leaders_stand_for_the_two_leaders_named_before(nlp) -> None:
    doc = nlp("Joe Biden warned Vladimir Putin on Tuesday. The two leaders spoke for two hours.")
    index = _coded_index(doc, [("Joe Biden", "e1", "person", "USA", "GOV"), ("Vladimir Putin", "e2", "person", "RUS", "GOV")])
    second = list(doc.sents)[1]
    cands = party_candidates(second, index)
    assert {c.entity for c in cands if c.token.text == "leaders"} == {"e1", "e2"} and all(c.anaphor for c in cands)


def test_a_pair_is_the_two_most_named_when_more_are_near(nlp) -> None:
    doc = nlp("Putin met Xi in Moscow. Putin praised Xi, and Peskov said the talks were good. "
              "The two leaders signed a statement.")
    index = MentionIndex(doc, [ActorMention(m.start(), m.end(), ent, c, "person", "GOV")
                               for name, ent, c in (("Putin", "e1", "RUS"), ("Xi", "e2", "CHN"), ("Peskov", "e3", "RUS"))
                               for m in __import__("re").finditer(name, doc.text)])
    last = list(doc.sents)[-1]
    assert {c.entity for c in party_candidates(last, index)} == {"e1", "e2"}


def test_an_office_pair_takes_only_office_holders(nlp) -> None:
    doc = nlp("Vladimir Putin met Joe Biden. Asked about Alexei Navalny, Putin defended his jailing. "
              "The two presidents spoke the same language.")
    index = _coded_index(doc, [("Vladimir Putin", "e1", "person", "RUS", "GOV"), ("Joe Biden", "e2", "person", "USA", "GOV"),
                               ("Alexei Navalny", "e3", "person", "RUS", "OPP")])
    last = list(doc.sents)[-1]
    assert {c.entity for c in party_candidates(last, index)} == {"e1", "e2"}


def test_a_pair_that_names_its_members_is_left_to_the_names(nlp) -> None:
    doc = nlp("Joe Biden met Vladimir Putin. The two leaders, Kim and Moon, spoke.")
    index = _coded_index(doc, [("Joe Biden", "e1", "person", "USA", "GOV"), ("Vladimir Putin", "e2", "person", "RUS", "GOV"),
                               ("Kim", "e3", "person", "PRK", "GOV"), ("Moon", "e4", "person", "KOR", "GOV")])
    last = list(doc.sents)[-1]
    assert {c.entity for c in party_candidates(last, index)} == {"e3", "e4"}


def test_they_after_a_joined_subject_stands_for_its_members_not_the_nearer_place(nlp) -> None:
    doc = nlp("Trump and Kim first met in Singapore last June, when they signed a brief statement.")
    index = _coded_index(doc, [("Trump", "e1", "person", "USA", "GOV"), ("Kim", "e2", "person", "PRK", "GOV"),
                               ("Singapore", "e3", "country", "SGP", None)])
    they = next(t for t in doc if t.lower_ == "they")
    assert {c.entity for c in party_candidates(doc[:], index) if c.token.i == they.i} == {"e1", "e2"}


def test_they_after_a_single_subject_is_left_to_the_nearest_mention(nlp) -> None:
    doc = nlp("Russia warned Ukraine on Monday. They said the talks had failed.")
    index = _coded_index(doc, [("Russia", "e1", "country", "RUS", None), ("Ukraine", "e2", "country", "UKR", None)])
    they = next(t for t in doc if t.lower_ == "they")
    assert {c.entity for c in party_candidates(list(doc.sents)[1], index) if c.token.i == they.i} == {"e2"}


def test_a_pronoun_pointing_back_to_a_pair_description_stands_for_the_pair(nlp) -> None:
    doc = nlp("Trump met Kim in Hanoi on Wednesday. The two men talked for an hour, and aides later joined them.")
    index = _coded_index(doc, [("Trump", "e1", "person", "USA", "GOV"), ("Kim", "e2", "person", "PRK", "GOV"),
                               ("two men", "e3", "group", "VNM", "CVL")])
    them = next(t for t in doc if t.lower_ == "them")
    assert {c.entity for c in party_candidates(list(doc.sents)[1], index) if c.token.i == them.i} == {"e1", "e2"}
