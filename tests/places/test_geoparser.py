"""The geoparser end to end with the spaCy model (slow)."""
from __future__ import annotations

from pathlib import Path

import pytest

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.geoparser import PlaceMatch, geoparse

pytestmark = pytest.mark.slow

SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "efe-2023-09-11-kim-jong-un-russia.txt"


def _parse(nlp, gaz: Gazetteer, text: str, **kw) -> list[PlaceMatch]:
    return geoparse(nlp(text), gaz, **kw)


def _by_text(matches: list[PlaceMatch]) -> dict[str, PlaceMatch]:
    return {m.text: m for m in matches}


@pytest.mark.skipif(not SEED.exists(), reason="shared seed report not beside the checkout")
def test_seed_report(nlp, gazetteer: Gazetteer) -> None:
    text = SEED.read_text(encoding="utf-8")
    matches = geoparse(nlp(text), gazetteer)
    for m in matches:
        assert text[m.start:m.end] == m.text
    found = _by_text(matches)
    for name, gid in [("Vladivostok", 2013348), ("Pyongyang", 1871859), ("Moscow", 524901), ("Seoul", 1835848)]:
        assert found[name].place.geonames == gid
    for name, iso3 in [("Russia", "RUS"), ("Ukraine", "UKR"), ("China", "CHN"), ("North Korea", "PRK"),
                       ("South Korea", "KOR")]:
        assert (found[name].place.feature, found[name].place.country) == ("country", iso3)
    assert found["Russia"].place.geonames == 2017370
    assert (found["Russian Far East"].place.feature, found["Russian Far East"].place.country) == ("region", "RUS")
    heading = text.index("MEETING IN VLADIVOSTOK")
    assert any(m.start == heading + 11 and m.place.geonames == 2013348 for m in matches)
    texts = {m.text for m in matches}
    for not_place in ["Kim", "Putin", "Comrade Putin", "Covid-19", "T-54", "T-62", "NUCLEAR PRECEDENT",
                      "MEETING IN VLADIVOSTOK", "North Korean", "Russian", "Soviet"]:
        assert not_place not in texts
    assert found["the North Korean capital"].place.geonames == 1871859


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [("He grew up in Paris, Texas, and moved away.", "Paris", "Texas"),
     ("The University of Idaho is in Moscow, Idaho, near the state line.", "Moscow", "Idaho"),
     ("Police in Alexandria, Louisiana, arrested a man.", "Alexandria", "Louisiana")],
)
def test_explicit_container(nlp, gazetteer: Gazetteer, text: str, name: str, admin1: str) -> None:
    m = _by_text(_parse(nlp, gazetteer, text))[name]
    assert (m.place.country, m.place.admin1) == ("USA", admin1)


def test_without_context_the_big_place_wins(nlp, gazetteer: Gazetteer) -> None:
    m = _by_text(_parse(nlp, gazetteer, "Protesters gathered in Paris on Saturday."))["Paris"]
    assert m.place.geonames == 2988507


def test_document_context_picks_the_local_town(nlp, gazetteer: Gazetteer) -> None:
    text = ("Storms hit Manhattan on Monday. Kansas officials said roads near Topeka and Salina were closed, "
            "and Manhattan schools stayed shut.")
    m = _by_text(_parse(nlp, gazetteer, text))["Manhattan"]
    assert m.place.admin1 == "Kansas"


def test_focus_places_steer_resolution(nlp, gazetteer: Gazetteer) -> None:
    texas = gazetteer.lookup("Texas")[0]
    m = _by_text(_parse(nlp, gazetteer, "The fair in Paris drew big crowds.", focus=[texas]))["Paris"]
    assert m.place.admin1 == "Texas"


def test_common_words_and_products_are_not_places(nlp, gazetteer: Gazetteer) -> None:
    text = "Reading the report in March, she checked her Mobile phone and the T-54 manual. Of course."
    assert _parse(nlp, gazetteer, text) == []


def test_lower_case_is_not_matched(nlp, gazetteer: Gazetteer) -> None:
    assert _parse(nlp, gazetteer, "the paris of the east, said the china shop owner.") == []


def test_state_postal_code_as_container(nlp, gazetteer: Gazetteer) -> None:
    m = _by_text(_parse(nlp, gazetteer, "The plant in Dublin, GA employs 300 people."))["Dublin"]
    assert (m.place.country, m.place.admin1) == ("USA", "Georgia")


def test_demonyms_only_on_request(nlp, gazetteer: Gazetteer) -> None:
    text = "Russian troops crossed into Ukraine, Ukrainian officials said."
    assert [m.text for m in _parse(nlp, gazetteer, text)] == ["Ukraine"]
    found = _by_text(_parse(nlp, gazetteer, text, demonyms=True))
    assert found["Russian"].place.geonames == 2017370
    assert found["Ukrainian"].place.feature == "country"


def test_abbreviations(nlp, gazetteer: Gazetteer) -> None:
    found = _by_text(_parse(nlp, gazetteer, "He flew from L.A. to Washington, D.C., on Monday."))
    assert found["L.A."].place.geonames == 5368361
    assert found["D.C."].place.geonames == 4140963


def test_offsets_match_text(nlp, gazetteer: Gazetteer) -> None:
    text = "MOSCOW (AP) — Russia’s officials met in St. Petersburg and Kyiv's envoys waited in Minsk."
    matches = _parse(nlp, gazetteer, text)
    assert {m.text for m in matches} >= {"MOSCOW", "Russia", "St. Petersburg", "Kyiv", "Minsk"}
    for m in matches:
        assert text[m.start:m.end] == m.text and 0.0 <= m.confidence <= 1.0


def test_landmark_named_as_an_organization_is_left_to_it(nlp, gazetteer: Gazetteer) -> None:
    text = "The Kremlin has confirmed the visit. Crowds gathered in Red Square."
    found = _by_text(_parse(nlp, gazetteer, text))
    assert "Kremlin" not in found


def test_a_dateline_city_written_alone_is_the_one_known_by_that_name(nlp, gazetteer: Gazetteer) -> None:
    text = ("GENEVA, June 16 (Wire) - U.S. officials in Washington and Chicago said the United States "
            "would send a delegation from Illinois.")
    start = text.index("GENEVA")
    m = _by_text(_parse(nlp, gazetteer, text, dateline=[(start, start + 6)]))["GENEVA"]
    assert m.place.country == "CHE"


def test_a_dateline_namesake_with_its_state_stays_local(nlp, gazetteer: Gazetteer) -> None:
    text = "GENEVA, Ill., June 16 (Wire) - Officials said the county fair would open on Friday."
    spans = [(0, 6), (8, 12)]
    m = _by_text(_parse(nlp, gazetteer, text, dateline=spans))["GENEVA"]
    assert m.place.country == "USA"
