import pytest

from wirewatch.document import Document
from wirewatch.errors import EmptyInputError, LanguageError
from wirewatch.ingest.checks import check_document


def _check(text: str) -> None:
    check_document(Document(id="d", text=text, origin="in.jsonl line 3"), 1_000_000, 12, 0.12)


def test_english_news_passes():
    _check("The minister said on Monday that the talks with the rebels would resume in the capital next week.")


def test_empty_text_is_refused_naming_the_input():
    with pytest.raises(EmptyInputError, match="in.jsonl line 3"):
        _check("   \n ")


def test_spanish_text_is_refused_as_not_english():
    with pytest.raises(LanguageError, match="English"):
        _check("El líder norcoreano Kim Jong-un subió a un tren el lunes con destino a Rusia, donde se reunirá "
               "con el presidente ruso Vladímir Putin, según informaron los medios de comunicación.")


def test_short_texts_are_not_language_checked():
    _check("Kim Jong-un in Vladivostok")


def test_short_english_caption_with_few_function_words_passes():
    _check("Springfield school nurses, bus drivers vote to unionize. Bus attendant Barbara Gray wears a T-shirt "
           "supportive of unionization. (Greg Trotter / News-Leader) Jim Avery, State Board of Mediation chairman, "
           "announced Friday that Springfield school transportation workers approved unionization.")


def test_russian_text_is_refused_as_non_latin_script():
    with pytest.raises(LanguageError, match="non-Latin"):
        _check("Лидер КНДР Ким Чен Ын в понедельник отправился на поезде в Россию, где встретится с Путиным.")


def test_french_text_names_the_language():
    with pytest.raises(LanguageError, match="French"):
        _check("Le dirigeant nord-coréen Kim Jong-un est parti lundi en train pour la Russie, où il doit "
               "rencontrer le président russe Vladimir Poutine, selon les médias de la région.")
