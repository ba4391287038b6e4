"""Descriptions of actors: titles before names, appositions, and noun phrases such as
"the North Korean leader" or "South Korea officials".

A title before a name (``Russian president Vladimir Putin``) or an apposition after it
(``Zhang Guoqing, vice premier of China``) codes the named entity. A definite description of a
leader (``the Russian leader``) is a further mention of the person it describes; a plural or
collective description (``South Korea officials``, ``Russian agencies``) is a group actor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from wirewatch.document import Span
from wirewatch.entities.kb import code_mention

_NP_POS = {"PROPN", "ADJ", "NOUN"}
_WORDLIKE = re.compile(r"[^\W\d_][\w'’.\-]*")
LEADER_ROLES = {"leader", "president", "dictator", "premier", "ruler", "strongman", "head of state", "chancellor",
                "prime minister", "supreme leader", "king", "emir", "monarch", "autocrat"}


@dataclass(frozen=True)
class Description:
    """A descriptive noun phrase coded by country and sector."""

    span: Span
    country: str | None
    sector: str | None
    role: str | None
    head: str          # the head noun, lower case ("leader", "officials")
    plural: bool
    definite: bool
    actor: Any = None  # the knowledge-base actor it names, if any ("the Russian president" in 2023)


def title_before(sdoc: Any, start_char: int) -> str:
    """The words right before a name that form its title: ``North Korean leader``, and the
    owner of a possessive title (``Russia's top negotiator``, ``the State Department's envoy``),
    which names whom the title serves."""
    span = sdoc.char_span(start_char, start_char, alignment_mode="expand")
    i = span.start if span is not None else 0
    words: list[str] = []
    j = i - 1
    while j >= 0 and len(words) < 6 and not sdoc[j + 1].is_sent_start:
        tok = sdoc[j]
        if words and tok.tag_ == "POS" and j > 0 and not tok.is_sent_start:
            owner = _owner_before(sdoc, j)
            return " ".join([*owner[:-1], owner[-1] + tok.text, *words]) if owner else " ".join(words)
        if (tok.pos_ not in _NP_POS or tok.ent_type_ == "PERSON" or "\n" in tok.whitespace_
                or not _WORDLIKE.fullmatch(tok.text) or not words and tok.tag_ in ("NNS", "NNPS")):
            break   # a title ends in a singular noun: "the number of Syrian refugees Obama admits"
        words.insert(0, tok.text)
        j -= 1
    return " ".join(words)


def _owner_before(sdoc: Any, j: int) -> list[str]:
    """The proper name ending right before the possessive ending at token ``j`` (up to four words)."""
    owner: list[str] = []
    k = j - 1
    while k >= 0 and len(owner) < 4 and sdoc[k].pos_ == "PROPN" and _WORDLIKE.fullmatch(sdoc[k].text):
        owner.insert(0, sdoc[k].text)
        if sdoc[k].is_sent_start:
            break
        k -= 1
    return owner


def described_before(sdoc: Any, start_char: int, end_char: int) -> str:
    """The description a name is set beside, right before it and a comma: ``his North Korean
    counterpart`` in "his North Korean counterpart, Kim Hyok Chol", ``North Korea's foreign
    minister`` in "North Korea's foreign minister, Ri Yong Ho" (the parse makes the name an
    apposition of the description's noun)."""
    span = sdoc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or span.start < 2 or sdoc[span.start - 1].text != ",":
        return ""
    root, noun = span.root, sdoc[span.start - 2]
    if root.dep_ != "appos" or root.head.i != noun.i or noun.pos_ != "NOUN":
        return ""
    first = max(noun.left_edge.i, noun.i - 6)
    return sdoc[first:noun.i + 1].text


def apposition_after(text: str, end_char: int) -> str:
    """A short apposition after a name: ``, vice premier of China,`` -> ``vice premier of China``."""
    rest = text[end_char:end_char + 80]
    if not rest.startswith(", "):
        return ""
    piece = rest[2:].split(",")[0].split(".")[0]
    return piece if 0 < len(piece.split()) <= 7 and piece[:1].islower() else ""


def descriptions(sdoc: Any, kb: Any, year: int | None) -> list[Description]:
    """Noun phrases headed by an actor noun (``officials``, ``leader``), possessors included
    (``the North Korean leader’s train``), coded by the knowledge base."""
    out, text = [], sdoc.text
    for tok in _candidates(sdoc, kb.agent_heads()):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("PERSON", "ORG"):
            continue
        if tok.head.ent_type_ == "PERSON" and tok.dep_ in ("compound", "nmod"):
            continue  # a title before a name codes that name instead ("Secretary of State Mike Pompeo")
        if kb.agent_sector(tok.lemma_.lower()) is None and kb.agent_sector(tok.lower_) is None:
            continue
        left = [t for t in sdoc[tok.left_edge.i:tok.i] if t.head.i >= t.i]
        while left and (left[0].pos_ in ("DET", "PRON", "PUNCT", "ADP") or left[0].dep_ == "case"):
            left = left[1:]
        first = left[0] if left else tok
        start, end = first.idx, tok.idx + len(tok.text)
        coding = code_mention(text[start:end], kb, year)
        if coding is None:
            continue
        det = sdoc[first.i - 1].lower_ if first.i > 0 else ""
        out.append(Description(
            span=Span(start, end), country=coding.country, sector=coding.sector, role=coding.role,
            head=tok.lemma_.lower(), plural=tok.tag_ in ("NNS", "NNPS"),
            definite=det in ("the", "this", "that"), actor=coding.actor,
        ))
    return out


def _candidates(sdoc: Any, heads: frozenset[str]) -> list[Any]:
    """Tokens whose lower-case form or lemma is an agent head word, found on the token arrays
    (creating a Token object for every word of a long document is the slow part)."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    strings = sdoc.vocab.strings
    wanted = np.array(sorted(strings.add(h) for h in heads), dtype="uint64")
    arr = sdoc.to_array([LOWER, LEMMA])
    hits = np.nonzero(np.isin(arr[:, 0], wanted) | np.isin(arr[:, 1], wanted))[0]
    return [sdoc[int(i)] for i in hits]


def is_leader(desc: Description) -> bool:
    """Whether a description names one leader (``the Russian leader``), not a group."""
    if desc.plural:
        return False
    role = (desc.role or "").lower()
    return desc.head in LEADER_ROLES or any(r in role for r in ("leader", "president", "head of state"))
