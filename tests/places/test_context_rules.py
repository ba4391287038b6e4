"""Context rules of resolution: division lists, division seats, namesake towns, candidate nearness,
and the hand-listed division points."""
from __future__ import annotations

import pytest
import spacy

from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.geoparser import PlaceMatch, geoparse
from wirewatch.places.lists import division_lists
from wirewatch.places.names import key
from wirewatch.places.recognize import SURE, Mention, Tokens
from wirewatch.places.resolve import _division_cue, km


def _tokens(text: str) -> tuple[Tokens, str]:
    doc = spacy.blank("en")(text)
    return Tokens(doc), doc.text


def _mention(tok: Tokens, text: str, word: str) -> Mention:
    start = text.index(word)
    i = next(t for t, c in enumerate(tok.idx) if c == start)
    return Mention(i, i + 1, start, start + len(word), key(word), True)


def test_list_of_counties_reads_each_name_as_a_county(gazetteer: Gazetteer) -> None:
    tok, text = _tokens("Storms hit Becker, Clay, Douglas, Grant and Otter Tail counties on Monday.")
    given = [_mention(tok, text, "Douglas")]
    out = division_lists(tok, text, gazetteer, given)
    assert [m.key for m in out] == ["becker county", "clay county", "douglas county", "grant county",
                                    "otter tail county"]
    assert all(m.weak == SURE and m.cue for m in out)
    assert text[out[-1].start_char:out[-1].end_char] == "Otter Tail"


def test_one_name_before_counties_is_no_list(gazetteer: Gazetteer) -> None:
    tok, text = _tokens("Voters in Barrow counties cast ballots.")
    assert division_lists(tok, text, gazetteer, []) == []


def test_names_that_are_no_county_are_left_alone(gazetteer: Gazetteer) -> None:
    tok, text = _tokens("Schools in Zzyzxton and Qwertyville counties closed.")
    assert division_lists(tok, text, gazetteer, []) == []


@pytest.mark.parametrize(("text", "word", "cue"), [
    ("Fighting went on in the Kharkiv region.", "Kharkiv", True),
    ("Shelling hit northern Kharkiv overnight.", "Kharkiv", True),
    ("Kharkiv oblast was shelled.", "Kharkiv", True),
    ("Missiles hit Kharkiv on Monday.", "Kharkiv", False),
    ("The Kharkiv mayor spoke.", "Kharkiv", False),
])
def test_division_cue(text: str, word: str, cue: bool) -> None:
    tok, t = _tokens(text)
    assert _division_cue(t, _mention(tok, t, word)) is cue


def test_division_points_lie_inside_big_divisions(gazetteer: Gazetteer) -> None:
    ontario = gazetteer.admin("CAN", "Ontario")
    assert ontario is not None and ontario.lat > 48.5  # not among the southern towns
    alaska = gazetteer.admin("USA", "Alaska")
    anchorage = gazetteer.lookup("Anchorage")[0]
    assert alaska is not None and km(alaska, anchorage) > 250


def _found(nlp, gaz: Gazetteer, text: str) -> dict[str, PlaceMatch]:
    return {m.text: m for m in geoparse(nlp(text), gaz)}


@pytest.mark.slow
def test_seat_city_before_its_division(nlp, gazetteer: Gazetteer) -> None:
    city = _found(nlp, gazetteer, "Russian missiles hit Kharkiv on Monday, officials said.")["Kharkiv"]
    assert (city.place.feature, city.place.country) == ("city", "UKR")
    region = _found(nlp, gazetteer, "Fighting went on in the Kharkiv region, officials said.")["Kharkiv"]
    assert (region.place.feature, region.place.country) == ("admin", "UKR")


@pytest.mark.slow
def test_quebec_stays_the_province(nlp, gazetteer: Gazetteer) -> None:
    m = _found(nlp, gazetteer, "Quebec will hold an election next year.")["Quebec"]
    assert m.place.feature == "admin"


@pytest.mark.slow
def test_state_name_is_not_a_small_namesake_town(nlp, gazetteer: Gazetteer) -> None:
    text = ("Farmers from Peoria, Bloomington and Champaign in Illinois sold corn to buyers in Kansas "
            "and Nevada this year.")
    found = _found(nlp, gazetteer, text)
    for name in ("Kansas", "Nevada"):
        assert found[name].place.feature == "admin" and found[name].place.admin1 is None


@pytest.mark.slow
def test_explicit_container_still_names_the_namesake_town(nlp, gazetteer: Gazetteer) -> None:
    m = _found(nlp, gazetteer, "She grew up in Nevada, Iowa, and moved to Chicago.")["Nevada"]
    assert (m.place.feature, m.place.admin1) == ("city", "Iowa")


@pytest.mark.slow
def test_county_list_in_context(nlp, gazetteer: Gazetteer) -> None:
    text = ("Snow closed roads near Fergus Falls, Minnesota. The advisory covers parts of Becker, Clay, "
            "Douglas, Grant and Otter Tail counties.")
    found = _found(nlp, gazetteer, text)
    for name in ("Douglas", "Grant", "Otter Tail"):
        assert (found[name].place.feature, found[name].place.admin1) == ("admin", "Minnesota")


@pytest.mark.slow
def test_stray_small_town_is_read_in_the_home_division(nlp, gazetteer: Gazetteer) -> None:
    text = ("Officers from Omaha, Grand Island and North Platte in Nebraska met on Monday. A man from Howland "
            "was charged.")
    m = _found(nlp, gazetteer, text)["Howland"]  # the gazetteer's only Howland is a Maine village
    assert (m.place.feature, m.place.name, m.place.admin1) == ("admin", "Nebraska", None)
    assert m.confidence < 0.5


@pytest.mark.slow
def test_stray_town_with_a_container_stays(nlp, gazetteer: Gazetteer) -> None:
    text = ("Officers from Omaha, Lincoln, Grand Island and Kearney met on Monday. A man from Howland, Maine, "
            "was charged.")
    m = _found(nlp, gazetteer, text)["Howland"]
    assert (m.place.feature, m.place.admin1) == ("city", "Maine")


@pytest.mark.slow
def test_foreign_town_is_no_stray(nlp, gazetteer: Gazetteer) -> None:
    text = "Officers from Louisville, Lexington and Frankfort met on Monday. A man from Fallujah was charged."
    m = _found(nlp, gazetteer, text)["Fallujah"]
    assert (m.place.feature, m.place.country) == ("city", "IRQ")


def test_a_name_read_as_a_country_vouches_for_no_town_near_its_namesake() -> None:
    from wirewatch.places.gazetteer import Place
    from wirewatch.places.resolve import _cell, _Context

    town = Place(None, "Geneva", 41.8, -80.9, "city", "USA", 6051, "Ohio")     # Russia, Ohio lies near
    country = Place(None, "Russia", 60.0, 100.0, "country", "RUS", 140_000_000, None)
    ctx = _Context([])
    ctx.grid[_cell(town)] = {"geneva", "russia"}
    unsettled = ctx._candidate_bonus("geneva", town)
    ctx.set("russia", country, 1.0, True)
    assert unsettled > 0 and ctx._candidate_bonus("geneva", town) == 0
