"""Quotation finding: curly, straight and doubled marks, paragraphs, unclosed quotes."""
from __future__ import annotations

from wirewatch.claims.quotes import QuoteIndex, find_quotes


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_curly_quotes_are_found_with_their_marks() -> None:
    assert _texts("He said: “We are ready.” Then he left.") == ["“We are ready.”"]


def test_straight_quotes_alternate_open_and_close() -> None:
    assert _texts('"One," she said. "Two."') == ['"One,"', '"Two."']


def test_ptb_doubled_quotes_are_found() -> None:
    assert _texts("``We won,'' he said.") == ["``We won,''"]


def test_quote_continued_in_next_paragraph_is_one_span() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” she added."
    assert _texts(text) == ["“First paragraph of the quote.\n\n“Second paragraph,”"]


def test_unclosed_quote_ends_at_paragraph_end() -> None:
    text = "He said: “This never closes\n\nNext paragraph is narration."
    assert _texts(text) == ["“This never closes"]


def test_quote_index_finds_quote_before_reporting_clause() -> None:
    text = "“We are ready,” the minister said."
    index = QuoteIndex(text)
    assert index.ending_before(text.index("the"), text) == (0, text.index(" the"))
    assert index.containing(3) == (0, text.index(" the"))
    assert index.containing(text.index("minister")) is None


def test_quote_index_finds_quote_after_colon() -> None:
    text = "The minister said: “We are ready.”"
    index = QuoteIndex(text)
    assert index.starting_after(text.index(":"), text) == (text.index("“"), len(text))
