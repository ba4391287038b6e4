"""PLOVER event coder: events with actors, recipients, status, evidence and confidence.

``code_events`` reads a parsed spaCy ``Doc`` and the document's actor mentions (from the entity
stage) and returns every event it finds, in text order. The method is a lexicon of trigger words
(``data/triggers.tsv``) applied to the dependency parse:

1. triggers: verbs, nouns and predicative adjectives that name an event (``triggers.py``);
2. roles: actors and recipients from subjects, objects, prepositions, possessives and
   compounds, resolving pronouns and definite descriptions (``actors.py``);
3. framing: verbs that take an event as complement ("threatened to ban", "refused to deploy",
   "demanded that X cancel") give it their type and take its recipients and mode (``framing.py``);
4. status from modality, negation, tense and aspect (``status.py``);
5. contexts from keywords in the evidence (``contexts.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from spacy.attrs import LEMMA, LOWER

from wirewatch.events.actors import MentionIndex
from wirewatch.events.parties import ActorMention
from wirewatch.events.rules.build import Draft, build_draft
from wirewatch.events.contexts import contexts_of
from wirewatch.events.rules.framing import derive_events, frame_governors
from wirewatch.events.rules.triggers import find_triggers

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ActorMention", "EventMatch", "code_events"]


@dataclass(frozen=True)
class EventMatch:
    """One PLOVER event found in the document."""

    type: str                     # one of the 16 PLOVER types
    mode: str | None
    contexts: tuple[str, ...]
    actors: tuple[str, ...]       # entity ids (who acts); may be empty
    recipients: tuple[str, ...]   # entity ids (to / against whom); may be empty
    trigger: tuple[int, int]      # char span of the trigger word(s)
    evidence: tuple[int, int]     # char span of the clause that states it
    status: str                   # occurred | ongoing | planned | expected | possible | negated
    confidence: float             # 0..1


def code_events(doc: "Doc", mentions: Sequence[ActorMention]) -> list[EventMatch]:
    """All events in the document, in text order; several per sentence are possible.

    Args:
        doc: the document parsed by spaCy (tagger, parser, lemmatizer).
        mentions: actor mentions (char spans into ``doc.text``) with their entity ids.

    Returns:
        The events, sorted by trigger position.
    """
    index = MentionIndex(doc, mentions)
    strings = doc.vocab.strings
    cols = doc.to_array([LEMMA, LOWER]).tolist() if len(doc) else []
    lemmas = [strings[c[0]].lower() for c in cols]
    lowers = [strings[c[1]] for c in cols]
    drafts: list[Draft] = []
    for sent in doc.sents:
        cands = find_triggers(sent, index.by_token, lemmas, lowers)
        trig = frozenset(c.token.i for c in cands)
        found = [build_draft(c, index, trig) for c in cands]
        sent_drafts = [d for d in found if d is not None]
        frame_governors(sent_drafts, index)
        sent_drafts += derive_events(sent, sent_drafts, index)
        drafts += _dedupe(sent_drafts)
    drafts.sort(key=lambda d: (d.trigger[0], d.type))
    return [_finish(d, doc, lemmas, lowers) for d in drafts]


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    """One event per type, actors and recipients in a sentence: the most confident; and no
    restatement of an event by a weaker copy (see ``_restates``)."""
    best: dict[tuple, Draft] = {}
    for d in drafts:
        key = (d.type, d.actors, d.recipients, d.status == "negated")
        if key not in best or d.confidence > best[key].confidence:
            best[key] = d
    kept = list(best.values())
    return [d for d in kept if not any(o is not d and _restates(d, o) for o in kept)]


def _restates(d: Draft, o: Draft) -> bool:
    """Whether ``d`` only restates ``o``: an implied (derived) event, or one without any
    participant, of the same type and polarity whose trigger lies in ``o``'s clause and whose
    participants ``o`` already has ("declined to resign": the refusal implied by the negated
    resignation restates the refusal "declined"; "a bombing killed a soldier": the bombing is
    the killing)."""
    if d.type != o.type or (d.status == "negated") != (o.status == "negated") or o.derived:
        return False
    if not (d.derived or not (d.actors or d.recipients)) or not (o.actors or o.recipients):
        return False
    covered = o.evidence[0] <= d.trigger[0] and d.trigger[1] <= o.evidence[1]
    return covered and set(d.actors) <= set(o.actors) and set(d.recipients) <= set(o.recipients)


def _finish(d: Draft, doc: "Doc", lemmas: list[str], lowers: list[str]) -> EventMatch:
    sent = d.token.sent
    lo = max(min(d.evidence[0], d.trigger[0]), sent.start)     # the evidence always holds the trigger
    hi = min(max(d.evidence[1], d.trigger[1]), sent.end)
    span = doc[lo:hi]
    return EventMatch(
        type=d.type, mode=d.mode, contexts=contexts_of(lemmas, lowers, lo, hi), actors=d.actors,
        recipients=d.recipients,
        trigger=(doc[d.trigger[0]].idx, doc[d.trigger[1] - 1].idx + len(doc[d.trigger[1] - 1].text)),
        evidence=(span.start_char, span.end_char), status=d.status, confidence=round(d.confidence, 2),
    )
