"""Stance, kind and anonymity of an attribution, from the cue's verb class and hedges."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from wirewatch.claims.lexicon import word_class

if TYPE_CHECKING:
    from wirewatch.claims.roles import Parts

_PERSON_LABELS = frozenset({"PERSON"})


def _is_media(head: Token | None) -> bool:
    """Return True when the source head names a news medium ("media reports", "that newspaper")."""
    if head is None:
        return False
    media = word_class("media")
    if head.lemma_.lower() in media or head.lower_ in media:
        return True
    return any(c.dep_ == "compound" and c.lower_ in media for c in head.children)


def anonymous_source(head: Token | None) -> bool:
    """Return True when the source is unnamed: an anonymous head noun with no person named."""
    if head is None:
        return False
    if head.lemma_.lower() not in word_class("anonymous") and head.lower_ not in word_class("anonymous"):
        return False
    return not any(t.ent_type_ in _PERSON_LABELS for t in head.subtree)


def _hedge_in_content(parts: Parts, tok: Token) -> str | None:
    """Return the stance of a hedge adverb inside the content span, if any."""
    if parts.content is None:
        return None
    hedges = word_class("adverb")
    s, e = parts.content
    span = tok.doc.char_span(s, e, alignment_mode="expand")
    for t in span or []:
        if t.lower_ in hedges and t.dep_ == "advmod":
            return hedges[t.lower_]
    return None


def _verb_stance(parts: Parts, tok: Token) -> str:
    """Return the stance given by the cue itself: its verb class, a hedge on it, or a medium as source."""
    base = word_class("stance").get(tok.lemma_.lower(), "asserted")
    hedged = [c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in word_class("adverb")]
    if hedged and base == "asserted":
        return word_class("adverb")[hedged[0]]
    if parts.frame == "according_to":
        return "reported" if _is_media(parts.source_head) or parts.via else "asserted"
    if base == "asserted" and _is_media(parts.source_head):
        return "reported"
    return base


def _modal_stance(tok: Token) -> str | None:
    """Return the stance of a modal auxiliary on the cue ("could say", "may believe"), if any."""
    modals = word_class("modal")
    return next((modals[c.lower_] for c in tok.children if c.dep_ == "aux" and c.lower_ in modals), None)


def claim_stance(parts: Parts, tok: Token) -> str:
    """Return the stance of the attribution whose cue head is ``tok``.

    The cue's verb class gives confirmed, reported, alleged, expected, speculated or denied; a
    negated confirmation is a denial; a plain assertion takes the stance of a hedge adverb in its
    content ("allegedly") or of a modal on its cue ("could").
    """
    if parts.frame == "adverbial":
        return word_class("adverb").get(tok.lower_, "alleged")
    base = _verb_stance(parts, tok)
    if base == "confirmed" and any(c.dep_ == "neg" for c in tok.children):
        return "denied"
    if base == "asserted":
        return _hedge_in_content(parts, tok) or _modal_stance(tok) or base
    return base


def claim_kind(parts: Parts, tok: Token) -> str:
    """Return the kind of the attribution (direct_quote, according_to, adverbial, ...)."""
    if parts.frame in ("according_to", "adverbial", "headline"):
        return parts.frame
    if parts.quoted:
        return "direct_quote"
    if _is_media(parts.source_head):
        return "media_report"
    if tok.lemma_.lower() in word_class("belief") and parts.source_head is not None:
        return "belief"
    return "indirect"
