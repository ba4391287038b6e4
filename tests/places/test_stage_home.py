"""The places stage gives uncoded officials and organizations the country a text is set in."""
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


def test_private_person_gets_no_country():
    person = Entity(id="p", name="Jane Roe", kind="person")
    assign_home_country(_doc(person, _place("a", "DZA")))
    assert person.country is None
