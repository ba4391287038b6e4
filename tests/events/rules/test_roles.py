"""Who acts and who is acted on: actor and recipient rules of the coder (loads the spaCy model)."""
from __future__ import annotations

import pytest

from wirewatch.events.rules.coder import EventMatch

pytestmark = pytest.mark.slow


RUS = ("Russia", "rus", "RUS", "country")


def one(events: list[EventMatch], typ: str) -> EventMatch:
    found = [e for e in events if e.type == typ]
    assert found, f"no {typ} in {[e.type for e in events]}"
    return max(found, key=lambda e: e.confidence)


def test_possessor_country_completes_an_actor_without_one(code) -> None:
    text = "The Ivory Coast's Supreme Court banned the party."
    ev = one(code(text, [("Supreme Court", "court", None, "organization"), ("Ivory Coast", "civ", "CIV", "country")]),
             "COERCE")
    assert set(ev.actors) == {"court", "civ"}


def test_possessor_is_not_added_to_an_actor_with_a_country(code) -> None:
    text = "Russia's Wagner Group attacked Ukraine."
    ev = one(code(text, [("Wagner Group", "wagner", "RUS", "group"), ("Russia", "rus", "RUS", "country"),
                         ("Ukraine", "ukr", "UKR", "country")]), "ASSAULT")
    assert ev.actors == ("wagner",) and ev.recipients == ("ukr",)


def test_participle_parsed_as_subject_gives_its_own_subject(code) -> None:
    text = "The Red Cross operating in Iraq said US forces must ensure security."
    ev = one(code(text, [("Red Cross", "icrc", None, "organization"), ("Iraq", "irq", "IRQ", "country"),
                         ("US forces", "usf", "USA", "group")]), "REQUEST")
    assert ev.actors == ("icrc",) and ev.recipients == ("usf",)


def test_subject_pronoun_of_reported_speech_refers_to_the_speaker(code) -> None:
    text = "Radical French farmers said on Friday they would blockade Paris."
    ev = one(code(text, [("French", "fra", "FRA", "country"), ("Paris", "paris", "FRA", "place")]), "THREATEN")
    assert ev.actors == ("fra",)


def test_multiword_modifier_mention_is_not_an_antecedent(code) -> None:
    text = "Iraq condemned the al-Qaeda attacks. It also accused Syria of arming the group."
    evs = code(text, [("Iraq", "irq", "IRQ", "country"), ("al-Qaeda", "aq", None, "group"),
                      ("Syria", "syr", "SYR", "country")])
    ev = next(e for e in evs if e.type == "ACCUSE" and text[e.trigger[0]:e.trigger[1]] == "accused")
    assert ev.actors == ("irq",) and ev.recipients == ("syr",)


def test_finite_verb_without_parsed_subject_takes_the_phrase_before_it(code) -> None:
    text = ("With the signing of a Memorandum of Understanding on Border Security, the Chadian government and "
            "FUC/RD have agreed to exchange prisoners.")
    ev = one(code(text, [("Chadian government", "tcd", "TCD", "group")]), "AGREE")
    assert ev.actors == ("tcd",)


def test_domestic_protest_without_target_is_directed_at_home_country(code) -> None:
    text = "Serbian workers went on strike on Monday over wages, a year after Serbia cut pensions."
    ev = one(code(text, [("Serbian workers", "workers", "SRB", "group"), ("Serbia", "srb", "SRB", "country")]),
             "PROTEST")
    assert ev.actors == ("workers",) and ev.recipients == ("srb",)


def test_protest_at_a_named_place_is_not_redirected_home(code) -> None:
    text = "Serbian workers protested in Hungary on Monday, a year after Serbia cut pensions."
    ev = one(code(text, [("Serbian workers", "workers", "SRB", "group"), ("Serbia", "srb", "SRB", "country"),
                         ("Hungary", "hun", "HUN", "country")]), "PROTEST")
    assert ev.recipients == ("hun",)


def test_event_takes_recipients_of_its_purpose_clause(code) -> None:
    text = "Uzbekistan opened the bridge to allow the delivery of grain to Afghanistan."
    ev = one(code(text, [("Uzbekistan", "uzb", "UZB", "country"), ("Afghanistan", "afg", "AFG", "country")]),
             "RETREAT")
    assert ev.actors == ("uzb",) and ev.recipients == ("afg",)


def test_preparation_takes_recipients_of_the_prepared_attack(code) -> None:
    text = "The Macedonian army prepared to resume shelling Albanian rebel-held territory."
    ev = one(code(text, [("Macedonian army", "mkd", "MKD", "group"), ("Albanian", "alb", "ALB", "country")]),
             "MOBILIZE")
    assert ev.actors == ("mkd",) and ev.recipients == ("alb",)


def test_under_investigation_passive_subject_is_recipient_and_place_gives_authority(code) -> None:
    text = "A US national has been put under investigation in Italy for her role in rioting."
    ev = one(code(text, [("US national", "nat", "USA", "person"), ("Italy", "ita", "ITA", "country")]), "ACCUSE")
    assert ev.recipients == ("nat",) and ev.actors == ("ita",)


def test_under_arrest_object_is_recipient_and_subject_is_actor(code) -> None:
    text = "Russian police placed Navalny under arrest."
    ev = one(code(text, [("Russian police", "police", "RUS", "group"), ("Navalny", "nav", "RUS", "person")]),
             "COERCE")
    assert ev.actors == ("police",) and ev.recipients == ("nav",)


def test_agentless_act_of_authority_without_place_has_no_actor(code) -> None:
    text = "A US national has been put under investigation for her role in rioting."
    ev = one(code(text, [("US national", "nat", "USA", "person")]), "ACCUSE")
    assert ev.actors == () and ev.recipients == ("nat",)


def test_plural_pronoun_of_reported_speech_refers_to_a_described_group(code) -> None:
    text = "Militants loyal to the rebel leader Abu Hamza said they attacked Baghdad."
    ev = one(code(text, [("Abu Hamza", "hamza", "IRQ", "person"), ("Baghdad", "bgd", "IRQ", "place")]), "ASSAULT")
    assert ev.actors == ("hamza",)


def test_refusal_despite_pressure_is_addressed_to_who_presses(code) -> None:
    text = "Vice-President Awori has declined to resign despite growing pressure by the Kenyan parliament."
    ev = one(code(text, [("Awori", "awori", "KEN", "person"), ("Kenyan parliament", "parl", "KEN", "organization")]),
             "REJECT")
    assert ev.actors == ("awori",) and ev.recipients == ("parl",)


def test_implied_refusal_restating_an_explicit_one_is_dropped(code) -> None:
    text = "Vice-President Awori has declined to resign despite growing pressure by the Kenyan parliament."
    evs = code(text, [("Awori", "awori", "KEN", "person"), ("Kenyan parliament", "parl", "KEN", "organization")])
    assert len([e for e in evs if e.type == "REJECT"]) == 1


def test_event_without_participants_restating_another_is_dropped(code) -> None:
    text = "A roadside bombing near Samarra killed one U.S. soldier on Sunday."
    evs = code(text, [("U.S. soldier", "soldier", "USA", "person")])
    assaults = [e for e in evs if e.type == "ASSAULT"]
    assert len(assaults) == 1 and assaults[0].recipients == ("soldier",)


def test_distinct_events_of_one_type_with_other_participants_are_kept(code) -> None:
    text = "Russia shelled Kharkiv on Monday, and Georgia bombed Sukhumi on Tuesday."
    evs = code(text, [RUS, ("Kharkiv", "kh", "UKR", "place"), ("Georgia", "geo", "GEO", "country"),
                      ("Sukhumi", "su", "GEO", "place")])
    assert {(e.actors, e.recipients) for e in evs if e.type == "ASSAULT"} == {(("rus",), ("kh",)), (("geo",), ("su",))}


def test_stranded_preposition_takes_the_object_of_the_conjoined_phrase(code) -> None:
    text = "Sri Lanka has established diplomatic ties with and opened an embassy in Tehran."
    ev = one(code(text, [("Sri Lanka", "lka", "LKA", "country"), ("Tehran", "thr", "IRN", "place")]), "SUPPORT")
    assert ev.actors == ("lka",) and ev.recipients == ("thr",)


def test_protest_demands_outrank_the_town_it_happens_in(code) -> None:
    text = ("Prisoners rioted at a jail in Dili on Monday, joining thousands of demonstrators in demanding "
            "independence from Indonesia.")
    ev = one(code(text, [("Dili", "dili", "TLS", "place"), ("Indonesia", "idn", "IDN", "country")]), "PROTEST")
    assert ev.recipients == ("idn",)


def test_protest_by_unnamed_people_is_by_the_country_where_it_happens(code) -> None:
    text = "Students protested on Monday in Caracas, the capital of Venezuela."
    ev = one(code(text, [("Caracas", "ccs", "VEN", "place"), ("Venezuela", "ven", "VEN", "country")]), "PROTEST")
    assert ev.actors == ("ven",) and ev.recipients == ("ccs",)


def test_request_addressee_is_not_taken_from_its_complement_purpose(code) -> None:
    text = "A Syrian newspaper called on Arabs to unite and mobilize against Sharon."
    ev = one(code(text, [("Syrian newspaper", "paper", "SYR", "media"), ("Sharon", "sharon", "ISR", "person")]),
             "REQUEST")
    assert "sharon" not in ev.recipients


def test_arrest_for_a_deed_charges_the_arrested(code) -> None:
    text = "Russia jailed Navalny for two years for fraud."
    ev = one(code(text, [RUS, ("Navalny", "nav", "RUS", "person")]), "ACCUSE")
    assert ev.actors == ("rus",) and ev.recipients == ("nav",)


def test_arrest_in_a_country_for_a_deed_is_charged_by_that_country(code) -> None:
    text = "A missionary from Canada was arrested in Lebanon for collaborating with Israel."
    ev = one(code(text, [("missionary", "miss", "CAN", "person"), ("Lebanon", "lbn", "LBN", "country"),
                         ("Israel", "isr", "ISR", "country")]), "ACCUSE")
    assert ev.actors == ("lbn",) and ev.recipients == ("miss",)


def test_detention_for_questioning_is_no_charge(code) -> None:
    text = "Russia detained Navalny for questioning."
    evs = code(text, [RUS, ("Navalny", "nav", "RUS", "person")])
    assert [e.type for e in evs] == ["COERCE"]


def test_enhancing_political_freedoms_is_a_concession_to_the_actors_own_country(code) -> None:
    text = "President Bashir has taken several steps to enhance political freedoms, a year after Sudan's coup."
    ev = one(code(text, [("Bashir", "bashir", "SDN", "person"), ("Sudan", "sdn", "SDN", "country")]), "CONCEDE")
    assert ev.actors == ("bashir",) and ev.recipients == ("sdn",)


def test_concession_in_a_sentence_about_another_country_is_not_sent_home(code) -> None:
    text = "British forces must allow supplies to reach the needy, Britain said of the war in Iraq."
    ev = one(code(text, [("British forces", "bf", "GBR", "group"), ("Iraq", "irq", "IRQ", "country"),
                         ("Britain", "gbr", "GBR", "country")]), "CONCEDE")
    assert ev.actors == ("bf",) and ev.recipients == ()


def test_ordered_event_noun_is_the_orderers_act(code) -> None:
    text = "NATO ordered the deployment of four battalions to Estonia."
    ev = one(code(text, [("NATO", "nato", None, "organization"), ("Estonia", "est", "EST", "country")]), "MOBILIZE")
    assert ev.actors == ("nato",) and ev.recipients == ("est",)
