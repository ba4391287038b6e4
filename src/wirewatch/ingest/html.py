"""HTML pages: the main text and its metadata (title, date, author), via trafilatura."""
from __future__ import annotations

from wirewatch.document import Document
from wirewatch.errors import MalformedInputError
from wirewatch.ingest.metadata import parse_date

MIN_ARTICLE_WORDS = 5  # less than this is navigation or boilerplate, not an article


def read_html(html: str, origin: str, doc_id: str) -> Document:
    """A document from an HTML page: its article text, title, date and author.

    Raises:
        MalformedInputError: the page has no article text trafilatura can find.
    """
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    try:
        found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise MalformedInputError(origin, f"HTML could not be parsed ({type(exc).__name__}: {exc})", doc_id) from exc
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise MalformedInputError(origin, "HTML page with no article text (is it an index or a login page?)", doc_id)
    raw_date = getattr(found, "date", None)
    date = parse_date(str(raw_date)) if raw_date else None
    return Document(id=doc_id, text=text, title=getattr(found, "title", None) or None, date=date,
                    date_source="metadata" if date else None, url=getattr(found, "url", None),
                    author=getattr(found, "author", None), origin=origin)
