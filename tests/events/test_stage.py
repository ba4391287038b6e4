"""The events stage end to end on short texts (loads the spaCy model and the trained models)."""
from __future__ import annotations

import pytest

import wirewatch

pytestmark = pytest.mark.slow


def _events(text: str, date: str = "2023-09-11") -> tuple[list[dict], dict[str, dict]]:
    rec = wirewatch.extract_text(text, id="t", date=date)
    return rec["events"], {e["id"]: e for e in rec["entities"]}


def test_a_clear_attack_is_one_assault_by_its_subject_on_its_object() -> None:
    events, ents = _events("Russian troops attacked the Ukrainian city of Kharkiv on Monday.")
    assaults = [e for e in events if e["type"] == "ASSAULT"]
    assert len(assaults) == 1
    ev = assaults[0]
    assert {ents[a]["country"] for a in ev["actors"]} == {"RUS"}
    assert ev["status"] == "occurred" and ev["date"]["value"] == "2023-09-11"
    assert 0.0 < ev["confidence"] <= 1.0


def test_an_announced_meeting_is_consult_planned() -> None:
    events, ents = _events("Kim Jong-un will meet Vladimir Putin in Vladivostok next week.")
    consult = [e for e in events if e["type"] == "CONSULT"]
    assert consult and consult[0]["status"] == "planned"
    assert all(ents[a]["kind"] != "place" for e in consult for a in e["actors"])   # Vladivostok is where


def test_every_event_lies_inside_the_text_with_its_evidence() -> None:
    text = "Police arrested three protesters in Lagos. The government condemned the violence."
    events, _ = _events(text)
    for e in events:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_a_text_without_acts_gives_no_events() -> None:
    events, _ = _events("The weather in Paris was mild and the markets were quiet on Tuesday.")
    assert events == []


def test_a_section_heading_states_no_event() -> None:
    text = ("Kim Jong-un arrived in Vladivostok on Monday.\n\nMEETING IN VLADIVOSTOK\n\n"
            "The Kremlin said the two leaders would hold talks on Tuesday.")
    rec = wirewatch.extract_text(text, id="h", date="2023-09-11")
    heading = (text.index("MEETING"), text.index("MEETING") + len("MEETING IN VLADIVOSTOK"))
    assert not any(heading[0] <= e["evidence"]["start"] < heading[1] for e in rec["events"])


def test_a_town_travelled_to_or_demonstrated_in_is_where_not_who_and_a_capital_may_act() -> None:
    events, ents = _events("Putin traveled Monday morning to Khabarovsk, the largest city of the region, "
                           "for the talks with Kim. Thousands of Kurds demonstrated in the northern city of "
                           "Kirkuk on Sunday. Pyongyang rejected the sanctions.")
    parties = {ents[p]["name"] for e in events for p in e["actors"] + e["recipients"]}
    assert events and not parties & {"Khabarovsk", "Kirkuk"}
    assert any(ents[a]["name"] == "Pyongyang" for e in events for a in e["actors"])


def test_wire_furniture_gives_no_event_and_no_actor() -> None:
    text = ("MOSCOW, June 24 (Reuters) - Russian President Vladimir Putin vowed on Saturday to crush a mutiny.\n\n"
            "FILE PHOTO: Wagner fighters stand guard in Rostov-on-Don, Russia, June 24, 2023. REUTERS/Stringer\n\n"
            "(Reporting by Guy Faulconbridge; Editing by Mark Trevelyan)")
    events, ents = _events(text, "2023-06-24")
    caption = text.index("FILE PHOTO")
    assert events and all(e["evidence"]["start"] < caption for e in events)
    assert not any("Faulconbridge" in e["name"] or e["name"] == "Rostov" for e in ents.values())


def test_the_headline_is_not_coded_again_beside_the_lead() -> None:
    text = ("Kim arrives in Russia for summit with Putin\n\n"
            "VLADIVOSTOK, Sept 12 (Reuters) - North Korean leader Kim Jong Un arrived in Russia on Tuesday "
            "for a summit with President Vladimir Putin.")
    events, _ = _events(text, "2023-09-12")
    lead = text.index("VLADIVOSTOK")
    assert any(e["type"] == "CONSULT" for e in events) and all(e["evidence"]["start"] > lead for e in events)
