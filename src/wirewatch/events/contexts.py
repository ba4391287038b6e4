"""PLOVER contexts of an event from keywords in the text that states it."""
from __future__ import annotations

from typing import Sequence

from wirewatch.events.lexicon import lexicon


def contexts_of(lemmas: Sequence[str], lowers: Sequence[str], start: int, end: int) -> tuple[str, ...]:
    """The PLOVER contexts signalled by keywords in tokens ``start:end``, in order of appearance.

    Args:
        lemmas: lower-case lemma of every token of the document.
        lowers: lower-case form of every token of the document.
        start: first token of the evidence of an event.
        end: one past its last token.

    Returns:
        Context names from the PLOVER manual's general context table, without repeats.
    """
    lex = lexicon()
    found: list[str] = []
    for i in range(start, end):
        lemma, low = lemmas[i], lowers[i]
        ctx = lex.contexts.get(lemma) or lex.contexts.get(low)
        if ctx is None:
            for phrase, pctx in lex.context_phrases.get(lemma, ()) + lex.context_phrases.get(low, ()):
                n = len(phrase)
                if tuple(lemmas[i:i + n]) == phrase or tuple(lowers[i:i + n]) == phrase:
                    ctx = pctx
                    break
        if ctx is not None and ctx not in found:
            found.append(ctx)
    return tuple(found)
