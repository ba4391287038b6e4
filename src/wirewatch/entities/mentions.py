"""Name mentions of actors found by spaCy's NER, trimmed to the name itself.

A mention keeps the exact text it covers; possessive endings (``Kim’s``), leading titles
(``Comrade Putin`` stays a mention, but the name part is ``Putin``) and quotes are trimmed
from the name used for clustering, never from the document.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from wirewatch.document import Span

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE = " \t\n\"'“”‘’«»()[],.;:"
HONORIFICS = {
    "comrade", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "president", "premier",
    "prime", "minister", "chancellor", "king", "queen", "prince", "sheikh", "general", "gen.", "gen", "lt.",
    "colonel", "col.", "senator", "sen.", "rep.", "governor", "gov.", "mayor", "pope", "ayatollah", "emir",
    "secretary", "chairman", "leader", "marshal", "admiral", "judge", "justice", "rev.", "father", "lord",
}


@dataclass(frozen=True)
class NameMention:
    """A mention found by NER, with the name part used to cluster it."""

    span: Span          # what the record shows as the mention
    name: str           # the name, without possessive and honorifics
    label: str          # person | organization
    sent_start: int     # start of its sentence, for context


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, quotes, brackets and a possessive ending."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    m = _POSSESSIVE.search(text, start, end)
    if m and m.start() > start:
        end = m.start()
    return start, end


def name_part(text: str) -> str:
    """The name without leading honorifics: ``Comrade Putin`` -> ``Putin``."""
    words = text.split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def ner_mentions(sdoc, skip: list[Span]) -> list[NameMention]:  # type: ignore[no-untyped-def]
    """PERSON and ORG mentions of a parsed document, outside the ``skip`` spans (headings)."""
    text = sdoc.text
    out = []
    for ent in sdoc.ents:
        label = ACTOR_LABELS.get(ent.label_)
        if label is None or any(s.start <= ent.start_char < s.end for s in skip):
            continue
        start, end = trim(text, ent.start_char, ent.end_char)
        if end - start < 2 or not any(c.isupper() for c in text[start:end]):
            continue
        out.append(NameMention(Span(start, end), name_part(text[start:end]), label, ent.sent.start_char))
    return out
