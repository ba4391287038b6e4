from wirewatch.ingest.structure import analyse_layout, is_heading, parse_dateline, furniture_kind
from wirewatch.document import Span


def _dl(line: str):
    return parse_dateline(line, Span(0, len(line)))


def test_dateline_efe_form_gives_places_date_and_agency():
    dl = _dl("Moscow/Seoul, Sep 11 (EFE).- North Korean leader Kim Jong-un boarded a train.")
    assert dl is not None
    assert dl.text == "Moscow/Seoul, Sep 11 (EFE).-"
    assert [s.text_of("Moscow/Seoul, Sep 11 (EFE).-") for s in dl.place_spans] == ["Moscow", "Seoul"]
    assert (dl.month, dl.day, dl.year, dl.agency) == (9, 11, None, "EFE")


def test_dateline_reuters_form():
    dl = _dl("SEOUL, Sept 11 (Reuters) - North Korea said on Monday...")
    assert dl is not None and dl.agency == "Reuters" and (dl.month, dl.day) == (9, 11)


def test_dateline_ap_form_without_date():
    dl = _dl("WASHINGTON (AP) — The Senate voted on Tuesday.")
    assert dl is not None and dl.agency == "AP" and dl.month is None
    assert dl.place_spans[0].text_of("WASHINGTON (AP) —") == "WASHINGTON"


def test_dateline_bare_capitals_with_dash():
    dl = _dl("MOSCOW- Russia's foreign ministry said on Friday.")
    assert dl is not None and dl.agency is None and dl.text == "MOSCOW-"


def test_dateline_with_country_and_year():
    dl = _dl("VLADIVOSTOK, Russia, April 25, 2019 (WW Sample Desk) - Kim met Putin.")
    assert dl is not None and (dl.year, dl.month, dl.day) == (2019, 4, 25)
    assert len(dl.place_spans) == 2


def test_ordinary_sentence_is_not_a_dateline():
    assert _dl("Kim Jong-un travels to Russia at Putin's invitation.") is None
    assert _dl("North Korean leader Kim Jong-un boarded a train on Monday.") is None


def test_headings_are_all_caps_lines():
    assert is_heading("MEETING IN VLADIVOSTOK")
    assert not is_heading("Meeting in Vladivostok")
    assert not is_heading("NATO SAID IT WOULD RESPOND.")


def test_layout_finds_title_dateline_and_headings():
    text = ("Kim travels to Russia\n\nMoscow/Seoul, Sep 11 (EFE).- Kim boarded a train.\n"
            "MEETING IN VLADIVOSTOK\nPutin traveled to Vladivostok.\n")
    lay = analyse_layout(text)
    assert lay.title is not None and lay.title.text_of(text) == "Kim travels to Russia"
    assert lay.dateline is not None and lay.dateline.agency == "EFE"
    assert [h.text_of(text) for h in lay.headings] == ["MEETING IN VLADIVOSTOK"]


def test_layout_without_headline_when_first_line_is_a_sentence():
    text = "The minister resigned on Friday after weeks of protests.\nHe denied wrongdoing.\n"
    assert analyse_layout(text).title is None


def test_layout_keeps_given_title():
    text = "Short headline\n\nBody text follows here.\n"
    assert analyse_layout(text, has_title=True).title is None


def test_headline_with_hyphenated_name_is_a_title_not_a_dateline():
    text = "Kim Jong-un travels to Russia at Putin's invitation\n\nMoscow, Sep 11 (EFE).- Kim left.\n"
    lay = analyse_layout(text)
    assert lay.title is not None and lay.title.text_of(text).startswith("Kim Jong-un travels")


WIRE = """MOSCOW, June 24 (Reuters) - Russian President Vladimir Putin vowed on Saturday to crush a mutiny.

FILE PHOTO: Wagner fighters stand guard in Rostov-on-Don, Russia, June 24, 2023. REUTERS/Stringer

"Any internal revolt is a deadly threat," Putin said.

Related Coverage
Ukraine says it is watching events in Russia closely
Kremlin says Putin to address the nation

The mutiny is the biggest challenge to Putin's rule.

(Reporting by Guy Faulconbridge; Editing by Mark Trevelyan)

Our Standards: The Thomson Reuters Trust Principles."""


def test_wire_furniture_is_found_by_kind():
    layout = analyse_layout(WIRE)
    got = [(f.kind, f.span.text_of(WIRE)[:24]) for f in layout.furniture]
    assert got == [("caption", "FILE PHOTO: Wagner fight"), ("link", "Related Coverage"),
                   ("link", "Ukraine says it is watch"), ("link", "Kremlin says Putin to ad"),
                   ("credit", "(Reporting by Guy Faulco"), ("notice", "Our Standards: The Thoms")]


def test_report_sentences_are_not_furniture():
    for line in ("Reporting by the BBC showed that the talks had failed.",
                 "Photos showed the damage to the embassy.",
                 "The mutiny is the biggest challenge to Putin's rule."):
        assert furniture_kind(line) is None


def test_a_photo_credit_ends_a_caption_but_not_a_long_paragraph():
    caption = "Christoph Blocher reacts during a meeting on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)"
    assert furniture_kind(caption) == "caption"
    assert furniture_kind("word " * 100 + "(AP Photo/Oakland Police Department)") is None


def test_a_byline_and_a_reading_time_may_stand_between_headline_and_dateline():
    text = ("North Korea's Kim arrives in Russia for summit with Putin\nBy Josh Smith and Guy Faulconbridge\n"
            "3 min read\n\nSEOUL/MOSCOW, Sept 12 (Reuters) - North Korean leader Kim Jong Un arrived in Russia.\n")
    layout = analyse_layout(text)
    assert layout.title is not None and layout.title.text_of(text).startswith("North Korea's Kim")
    assert layout.dateline is not None and layout.dateline.agency == "Reuters"
    assert [f.kind for f in layout.furniture] == ["byline", "notice"]


def test_sentences_that_open_like_bylines_or_stamps_are_the_report():
    for line in ("By Tuesday, the troops had left the town.", "Published reports said the army had withdrawn.",
                 "Updated figures from the ministry showed 40 dead in the clashes on Monday."):
        assert furniture_kind(line) is None


def test_a_line_holding_only_a_date_is_a_stamp_between_headline_and_dateline():
    text = ("Putin and Kim meet at Russian spaceport\n13 September 2023\n\n"
            "VOSTOCHNY, Russia (AFP) - Russian President Vladimir Putin welcomed Kim Jong Un on Wednesday.\n")
    layout = analyse_layout(text)
    assert layout.title is not None and layout.dateline is not None and layout.dateline.agency == "AFP"
    assert [f.kind for f in layout.furniture] == ["notice"]
    assert furniture_kind("September 12, 2023, the talks ended.") is None
