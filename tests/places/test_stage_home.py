"""The places stage gives actors nothing codes the country a text is set in (EVENT-GOLD.md:
domestic bodies and local people take the country where the article places them)."""
from wirewatch.document import Document, Entity, Geo, Mention
from wirewatch.places.stage import assign_home_country


def _doc(*entities):
    d = Document(id="d", text="x" * 200)
    d.entities.extend(entities)
    return d


def _place(eid, country):
    return Entity(id=eid, name=eid, kind="place", country=country, geo=Geo(1, 0.0, 0.0, "city"),
                  mentions=[Mention(0, 1, "x")])


def test_titled_official_takes_the_one_country_of_the_text():
    official = Entity(id="p", name="Abdelaziz Bouteflicka", kind="person", sector="GOV")
    party = Entity(id="o", name="Umma party", kind="organization")
    assign_home_country(_doc(official, party, _place("a", "DZA"), _place("b", "DZA")))
    assert official.country == "DZA" and party.country == "DZA"


def test_no_home_country_when_places_lie_in_two_countries():
    official = Entity(id="p", name="X", kind="person", sector="GOV")
    assign_home_country(_doc(official, _place("a", "DZA"), _place("b", "MAR")))
    assert official.country is None


def test_person_the_text_does_not_place_takes_the_home_country():
    person = Entity(id="p", name="Jane Roe", kind="person")
    assign_home_country(_doc(person, _place("a", "DZA")))
    assert person.country == "DZA"


def test_home_country_is_the_one_most_places_lie_in():
    body = Entity(id="g", name="the police", kind="group", sector="COP")
    doc = _doc(body, _place("a", "USA"), _place("b", "USA"), _place("c", "USA"), _place("d", "CUB"))
    assign_home_country(doc)
    assert body.country == "USA"


def test_international_bodies_and_places_keep_their_coding():
    igo = Entity(id="u", name="the UN", kind="organization", sector="IGO")
    assign_home_country(_doc(igo, _place("a", "DZA"), _place("b", "DZA")))
    assert igo.country is None
