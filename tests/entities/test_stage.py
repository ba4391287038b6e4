"""The entities stage inside the whole pipeline (loads the model)."""
import pytest

from wirewatch.document import Document

pytestmark = pytest.mark.slow
TEXT = ("North Korean leader Kim Jong-un met Russian President Vladimir Putin in Vladivostok on Wednesday. "
        "The Russian leader said the talks were useful. Kim left on Thursday, South Korean officials said, "
        "and the North Korean leader's train crossed the border.")


@pytest.fixture(scope="module")
def doc(pipe):
    return pipe.process(Document(id="t", text=TEXT))


def _by_name(doc, name):
    return next(e for e in doc.entities if e.name == name)


def test_person_is_coded_by_country_and_sector(doc):
    kim = _by_name(doc, "Kim Jong Un") if any(e.name == "Kim Jong Un" for e in doc.entities) else _by_name(doc, "Kim Jong-un")
    assert (kim.kind, kim.country, kim.sector) == ("person", "PRK", "GOV")
    texts = [m.text for m in kim.mentions]
    assert "Kim" in texts and any("North Korean leader" in t for t in texts)


def test_leader_description_joins_the_leader(doc):
    putin = _by_name(doc, "Vladimir Putin")
    assert any("Russian leader" in m.text for m in putin.mentions)


def test_group_description_becomes_a_group_actor(doc):
    groups = [e for e in doc.entities if e.kind == "group"]
    assert any(g.country == "KOR" and g.sector == "GOV" and "officials" in g.name for g in groups)


def test_every_mention_points_into_the_text(doc):
    for e in doc.entities:
        for m in e.mentions:
            assert TEXT[m.start:m.end] == m.text


def test_nationality_led_name_is_a_group_of_that_country(pipe):
    d = pipe.process(Document(id="g", text="Bosnian Serbs demanded a truce with Moslem forces in east Bosnia."))
    groups = [e for e in d.entities if e.kind == "group" and e.country == "BIH"]
    assert groups and any("Bosnian Serbs" in m.text for g in groups for m in g.mentions)


def test_a_bare_surname_ner_missed_is_a_mention_of_the_named_person(pipe):
    text = ("Dr. Barnett Slepian was killed by a sniper at his home in Amherst, New York. "
            "Slepian, 52, was shot with a rifle.")
    doc = pipe.process(Document(id="s", text=text))
    slepian = next(e for e in doc.entities if e.kind == "person" and "Slepian" in e.name)
    later = text.index("Slepian, 52")
    assert any(m.start == later and m.text == "Slepian" for m in slepian.mentions)



def test_a_known_actors_full_name_ner_missed_is_a_mention_of_that_actor(pipe):
    text = ("He spoke at a news conference in Kyiv on Tuesday with Japanese Prime Minister Fumio Kishida, who made "
            "a surprise visit to the Ukrainian capital on the same day that Xi Jinping sat down for formal talks "
            "with Vladimir Putin in the Kremlin.")
    doc = pipe.process(Document(id="x", text=text))
    xi = next(e for e in doc.entities if e.kind == "person" and "Xi" in e.name)
    assert xi.country == "CHN" and any(m.text == "Xi Jinping" for m in xi.mentions)


def test_a_possessive_title_codes_the_person_by_its_owner(pipe):
    d = pipe.process(Document(id="p", text="Russia's top negotiator Ivan Petrovsky met Iran's deputy foreign "
                                           "minister Ali Karimi in Vienna on Friday."))
    by_name = {e.name: e for e in d.entities if e.kind == "person"}
    assert by_name["Ivan Petrovsky"].country == "RUS" and by_name["Ali Karimi"].country == "IRN"


def test_a_description_set_before_a_name_codes_it_and_a_posting_does_not(pipe):
    d = pipe.process(Document(id="a", text="Biegun held talks with his North Korean counterpart, Ivan Hyok Dol, a "
                                           "former ambassador to Spain, in Pyongyang on Wednesday."))
    person = next(e for e in d.entities if e.kind == "person" and "Dol" in e.name)
    assert person.country == "PRK"


def test_a_full_name_is_not_coded_by_a_known_person_of_its_surname_alone(pipe):
    d = pipe.process(Document(id="g", text="Armando Gutierrez spoke to reporters. Lucio Gutierrez did not."))
    people = {e.name: e for e in d.entities if e.kind == "person"}
    armando = next(e for n, e in people.items() if n.startswith("Armando"))
    assert armando.country != "ECU"


def test_a_network_named_like_a_minister_is_not_that_minister(pipe):
    d = pipe.process(Document(id="f", text="Cruz said in an interview on Fox that he would win.", date=None))
    fox = [e for e in d.entities if e.name == "Fox"]
    assert all(e.country != "GBR" for e in fox)


def test_a_plural_noun_before_a_name_is_no_title(pipe):
    d = pipe.process(Document(id="s", text="The number of Syrian refugees Barack Obama plans to admit is small."))
    obama = next(e for e in d.entities if e.name == "Barack Obama")
    assert obama.country == "USA"


def test_an_office_of_a_named_person_is_no_actor_of_its_own(pipe):
    d = pipe.process(Document(id="o", text="Trump was joined by Secretary of State Mike Pompeo in Hanoi."))
    assert not any(e.name == "Secretary" for e in d.entities)
