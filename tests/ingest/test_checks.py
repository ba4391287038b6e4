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
