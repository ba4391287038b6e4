"""Behaviour of the event coder on hand-written sentences (loads the spaCy model)."""
from __future__ import annotations

import pytest

from wirewatch.events.rules.coder import EventMatch

pytestmark = pytest.mark.slow

RUS = ("Russia", "rus", "RUS", "country")
UKR = ("Ukraine", "ukr", "UKR", "country")
PRK = ("North Korea", "prk", "PRK", "country")
KIM = ("Kim", "kim", "PRK", "person")
PUTIN = ("Putin", "putin", "RUS", "person")
MOSCOW = ("Moscow", "rus", "RUS", "place")


def of_type(events: list[EventMatch], typ: str) -> list[EventMatch]:
    return [e for e in events if e.type == typ]


def one(events: list[EventMatch], typ: str) -> EventMatch:
    found = of_type(events, typ)
    assert found, f"no {typ} in {[e.type for e in events]}"
    return max(found, key=lambda e: e.confidence)


def test_expected_to_gives_expected_status(code) -> None:
    evs = code("Kim and Putin are expected to meet in Vladivostok next week.", [KIM, PUTIN])
    ev = one(evs, "CONSULT")
    assert ev.status == "expected"
    assert set(ev.actors) == {"kim", "putin"}


def test_will_meet_gives_planned_consult_with_recipient(code) -> None:
    ev = one(code("Kim will meet with Putin on Wednesday.", [KIM, PUTIN]), "CONSULT")
    assert ev.status == "planned"
    assert ev.actors == ("kim",) and ev.recipients == ("putin",)


def test_past_tense_gives_occurred(code) -> None:
    ev = one(code("Russia attacked Ukraine on Monday.", [RUS, UKR]), "ASSAULT")
    assert (ev.status, ev.actors, ev.recipients) == ("occurred", ("rus",), ("ukr",))


def test_did_not_gives_negated(code) -> None:
    ev = one(code("Russia did not attack Ukraine on Monday.", [RUS, UKR]), "ASSAULT")
    assert ev.status == "negated"


def test_wants_to_buy_gives_possible_exchange_with_seller_as_recipient(code) -> None:
    text = "Putin wants to buy artillery ammunition from North Korea."
    ev = one(code(text, [PUTIN, PRK]), "COOPERATE")
    assert ev.status == "possible"
    assert ev.actors == ("putin",) and ev.recipients == ("prk",)
    assert "military" in ev.contexts


def test_possessive_nominal_trigger_gives_actor_and_object_recipient(code) -> None:
    ev = one(code("Russia's invasion of Ukraine continues.", [RUS, UKR]), "ASSAULT")
    assert ev.actors == ("rus",) and ev.recipients == ("ukr",)
    text = "Russia's invasion of Ukraine continues."
    assert text[ev.trigger[0]:ev.trigger[1]] == "invasion"


def test_its_refers_to_the_nearest_preceding_non_person_actor(code) -> None:
    text = "Kim and Putin discussed arms supplies to Moscow to support its invasion of Ukraine."
    ev = one(code(text, [KIM, PUTIN, MOSCOW, UKR]), "ASSAULT")
    assert ev.actors == ("rus",) and ev.recipients == ("ukr",)
    assert ev.status == "ongoing"


def test_definite_description_refers_back_to_a_country(code) -> None:
    text = ("Kim lives in North Korea. The pandemic led the isolated regime to close its borders "
            "in early 2020.")
    ev = one(code(text, [KIM, PRK]), "COERCE")
    assert ev.actors == ("prk",)
    assert ev.status == "occurred"


def test_compound_subject_gives_both_actors(code) -> None:
    text = "Hungary and Romania agreed on Wednesday to cooperate on refugees."
    evs = code(text, [("Hungary", "hun", "HUN", "country"), ("Romania", "rou", "ROU", "country")])
    ev = one(evs, "AGREE")
    assert set(ev.actors) == {"hun", "rou"}
    assert "migration" in ev.contexts


def test_passive_agent_is_the_actor_and_subject_the_recipient(code) -> None:
    text = "A camp in Ukraine was attacked by Russian troops."
    ev = one(code(text, [UKR, ("Russian", "rus", "RUS", "group")]), "ASSAULT")
    assert ev.actors == ("rus",) and ev.recipients == ("ukr",)


def test_threatened_to_ban_gives_threaten_with_ban_mode(code) -> None:
    text = "Museveni threatened to ban Ugandan opposition parties."
    ev = one(code(text, [("Museveni", "m", "UGA", "person"), ("Ugandan", "uga", "UGA", "group")]), "THREATEN")
    assert ev.mode == "ban"
    assert ev.actors == ("m",) and ev.recipients == ("uga",)


def test_refused_to_gives_reject_and_negates_the_refused_act(code) -> None:
    text = "Pakistan refused to deploy peacekeepers in Iraq."
    evs = code(text, [("Pakistan", "pak", "PAK", "country"), ("Iraq", "irq", "IRQ", "country")])
    rej = one(evs, "REJECT")
    assert rej.actors == ("pak",)
    assert all(e.status == "negated" for e in evs if e.type in ("AID", "MOBILIZE"))


def test_demanded_that_gives_request_to_the_complement_subject(code) -> None:
    text = "China demanded that the United States cancel the arms sale."
    evs = code(text, [("China", "chn", "CHN", "country"), ("the United States", "usa", "USA", "country")])
    ev = one(evs, "REQUEST")
    assert ev.actors == ("chn",) and ev.recipients == ("usa",)


def test_meeting_between_gives_first_as_actor_and_second_as_recipient(code) -> None:
    ev = one(code("The meeting between Kim and Putin was confirmed.", [KIM, PUTIN]), "CONSULT")
    assert ev.actors == ("kim",) and ev.recipients == ("putin",)


def test_is_due_to_gives_planned(code) -> None:
    text = "Putin is due to chair the forum, where he will meet with Zhang."
    ev = one(code(text, [PUTIN, ("Zhang", "zhang", "CHN", "person")]), "CONSULT")
    assert ev.status == "planned"
    assert ev.actors == ("putin",) and ev.recipients == ("zhang",)


def test_reported_future_cooperation_also_gives_agree(code) -> None:
    text = "Finland said it will give Tanzania a grant of 5 million dollars."
    evs = code(text, [("Finland", "fin", "FIN", "country"), ("Tanzania", "tza", "TZA", "country")])
    aid = one(evs, "AID")
    assert aid.status == "planned" and aid.recipients == ("tza",)
    assert one(evs, "AGREE").actors == ("fin",)


def test_no_trigger_gives_no_event(code) -> None:
    assert code("The weather in Moscow was mild on Monday.", [MOSCOW]) == []


def test_events_come_in_text_order_with_spans_inside_the_text(code) -> None:
    text = "Russia attacked Ukraine. Later, Kim visited Russia and met Putin."
    evs = code(text, [RUS, UKR, KIM, PUTIN])
    starts = [e.trigger[0] for e in evs]
    assert starts == sorted(starts) and len(evs) >= 3
    for e in evs:
        assert 0 <= e.evidence[0] <= e.trigger[0] < e.trigger[1] <= e.evidence[1] <= len(text)
        assert 0.0 <= e.confidence <= 1.0


def test_sentence_final_attribution_makes_a_reported_promise_an_agree(code) -> None:
    text = "Israel will evacuate all settlements in Gaza, a spokesman said."
    evs = code(text, [("Israel", "isr", "ISR", "country"), ("Gaza", "pse", "PSE", "place")])
    assert one(evs, "RETREAT").status == "planned"
    assert one(evs, "AGREE").actors == ("isr",)


def test_media_reporting_a_future_meeting_is_not_a_promise(code) -> None:
    text = "The New York Times reported that Kim would meet with Putin."
    evs = code(text, [("The New York Times", "nyt", "USA", "media"), KIM, PUTIN])
    assert one(evs, "CONSULT").status == "planned"
    assert not of_type(evs, "AGREE")


def test_unless_clause_turns_a_reported_future_act_into_a_threat(code) -> None:
    text = "Nigeria said it will withdraw its troops from Chad unless Chad holds elections."
    evs = code(text, [("Nigeria", "nga", "NGA", "country"), ("Chad", "tcd", "TCD", "country")])
    ev = one(evs, "THREATEN")
    assert ev.actors == ("nga",) and ev.recipients == ("tcd",)


def test_x_said_y_must_gives_a_request_from_x_to_y(code) -> None:
    text = "Russia said on Tuesday that Sudan must return the helicopter."
    ev = one(code(text, [RUS, ("Sudan", "sdn", "SDN", "country")]), "REQUEST")
    assert ev.actors == ("rus",) and ev.recipients == ("sdn",)


def test_protest_without_target_is_directed_at_the_country_where_it_happens(code) -> None:
    text = "Thousands of Kurds demonstrated in Iraq on Sunday."
    ev = one(code(text, [("Iraq", "irq", "IRQ", "country")]), "PROTEST")
    assert ev.recipients == ("irq",) and ev.mode == "demo"


def test_light_verb_with_nominal_trigger_takes_the_verb_subject_and_status(code) -> None:
    text = "Qatar launched a mediation effort between Egypt and Jordan on Saturday."
    evs = code(text, [("Qatar", "qat", "QAT", "country"), ("Egypt", "egy", "EGY", "country"),
                      ("Jordan", "jor", "JOR", "country")])
    ev = one(evs, "CONSULT")
    assert ev.actors == ("qat",) and set(ev.recipients) == {"egy", "jor"}
    assert ev.mode == "third-party" and ev.status == "occurred"


def test_negative_subject_negates_the_event(code) -> None:
    text = "No peace treaty with South Korea has been signed by North Korea."
    evs = code(text, [PRK, ("South Korea", "kor", "KOR", "country")])
    assert all(e.status == "negated" for e in of_type(evs, "SUPPORT"))
    assert of_type(evs, "SUPPORT")


def test_perfect_with_a_duration_is_ongoing(code) -> None:
    text = "North Korea has been at war with South Korea for 70 years."
    ev = one(code(text, [PRK, ("South Korea", "kor", "KOR", "country")]), "ASSAULT")
    assert ev.status == "ongoing"
    assert ev.actors == ("prk",) and ev.recipients == ("kor",)


def test_object_condition_picks_the_type_lift_curfew_versus_lift_blockade(code) -> None:
    a = one(code("Sudan lifted the curfew in Khartoum.", [("Sudan", "sdn", "SDN", "country")]), "CONCEDE")
    b = one(code("Israel lifted the blockade on Gaza.", [("Israel", "isr", "ISR", "country"),
                                                        ("Gaza", "pse", "PSE", "place")]), "RETREAT")
    assert a.actors == ("sdn",) and b.recipients == ("pse",) and b.mode == "access"


def test_regime_with_no_country_in_reach_is_the_country_of_the_leader_named_before(code) -> None:
    text = ("This is Kim's first trip since 2019, when the pandemic led the isolated regime to close "
            "its borders. North Korea reopened them this summer.")
    ev = one(code(text, [KIM, PRK]), "COERCE")
    assert ev.actors == ("prk",)


def test_generic_transfer_verb_without_recipient_is_not_aid(code) -> None:
    evs = code("Trump delivered a speech and provided few details in Ohio.", [("Trump", "t", "USA", "person")])
    assert not of_type(evs, "AID")


def test_bare_event_noun_without_participants_is_dropped(code) -> None:
    assert not code("The explosion went off around 8:30 p.m.", [])


def test_mutual_cooperation_needs_no_recipient_when_two_parties_act(code) -> None:
    text = "French and Egyptian warships launched ten days of war games on Monday."
    evs = code(text, [("French", "fra", "FRA", "group"), ("Egyptian", "egy", "EGY", "group")])
    ev = one(evs, "COOPERATE")
    assert set(ev.actors) == {"fra", "egy"} and ev.status == "occurred"


def test_will_not_accept_refugees_is_a_rejection(code) -> None:
    evs = code("Syria says it will not accept any more refugees.", [("Syria", "syr", "SYR", "country")])
    assert one(evs, "REJECT").actors == ("syr",)
    assert one(evs, "AID").status == "negated"


def test_weapon_named_in_the_clause_gives_the_assault_mode(code) -> None:
    israeli = ("Israeli", "isr", "ISR", "group")
    jericho = ("Jericho", "pse", "PSE", "place")
    shells = one(code("Israeli tanks fired four shells at targets in Jericho.", [israeli, jericho]), "ASSAULT")
    assert shells.mode == "heavy-weapons" and shells.actors == ("isr",) and shells.recipients == ("pse",)
    bomb = one(code("Irish guerrillas wounded two British soldiers in a bomb attack.",
                    [("Irish", "irl", "IRL", "group"), ("British", "gbr", "GBR", "group")]), "ASSAULT")
    assert bomb.mode == "explosives" and bomb.recipients == ("gbr",)


def test_journey_within_ones_own_country_is_not_a_visit(code) -> None:
    vladivostok = ("Vladivostok", "vvo", "RUS", "place")
    assert not of_type(code("Putin traveled on Monday to Vladivostok.", [PUTIN, vladivostok]), "CONSULT")
    abroad = one(code("Kim traveled on Monday to Vladivostok.", [KIM, vladivostok]), "CONSULT")
    assert abroad.mode == "visit" and abroad.recipients == ("vvo",)
