"""Trigger words: which tokens of a sentence name a PLOVER event, of which type and mode.

A token is looked up by its most specific key first: a phrasal verb ("pull out", "call for"),
a verb with its object ("open fire"), a noun with its modifier ("hunger strike") or complement
("state of emergency"), then its lemma. Entries that need a particular object ("lift" a curfew
-> CONCEDE, "lift" a blockade -> RETREAT) win over entries without that condition.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.events.lexicon import TriggerEntry, base_forms, lemma_of, lexicon

_VERBAL = {"VERB"}
_NOMINAL = {"NOUN", "PROPN"}
_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "dative", "pobj", "oprd", "nsubj")


@dataclass(frozen=True)
class Candidate:
    """A token that names an event, with the lexicon entry that matched."""

    token: Token
    entry: TriggerEntry
    start: int          # first token of the trigger words
    end: int            # one past the last token

    @property
    def nominal(self) -> bool:
        """Whether the trigger is a noun."""
        return self.token.pos_ in _NOMINAL


def _verb_keys(t: Token, lemma: str) -> Iterator[tuple[str, Token | None]]:
    for c in t.children:
        if c.dep_ == "prt":
            yield f"{lemma} {c.lower_}", c
    for c in t.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            yield f"{lemma} {lemma_of(c)}", c
    for c in t.children:
        if c.dep_ == "prep":
            yield f"{lemma} {c.lower_}", c
    yield lemma, None


def _noun_keys(t: Token, lemma: str) -> Iterator[tuple[str, Token | None]]:
    for c in t.children:
        if c.dep_ in ("compound", "amod") and c.i < t.i:
            yield f"{lemma_of(c)} {lemma}", c
            yield f"{c.lower_} {lemma}", c
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    yield f"{lemma} of {lemma_of(g)}", g
    yield lemma, None


def object_lemmas(t: Token) -> set[str]:
    """Lemmas of the words a trigger acts on or is modified by (for conditional entries)."""
    out: set[str] = set()
    deps = _OBJECT_DEPS + ("prep", "compound", "amod", "nmod", "prt", "xcomp")
    frontier = [c for c in t.children if c.dep_ in deps]
    if t.dep_ in ("amod", "compound") and t.head.i != t.i:
        frontier.append(t.head)
    depth = 0
    while frontier and depth < 4:
        nxt: list[Token] = []
        for c in frontier:
            out.add(lemma_of(c))
            out.add(c.lower_)
            nxt += [g for g in c.children if g.dep_ in ("compound", "amod", "pobj", "prep", "nmod", "conj", "dobj", "xcomp")]
        frontier = nxt
        depth += 1
    return out


def _pick(entries: tuple[TriggerEntry, ...], t: Token, verbal: bool) -> list[TriggerEntry]:
    entries = tuple(e for e in entries if e.pos == "*" or e.pos == ("V" if verbal else "N"))
    if not entries:
        return []
    conditional = [e for e in entries if e.objects]
    if conditional:
        objs = object_lemmas(t)
        matched = [e for e in conditional if e.objects & objs]
        if matched:
            return matched
    return [e for e in entries if not e.objects]


def _predicative(t: Token) -> bool:
    """An adjective like "willing" in "is willing to withdraw"."""
    return t.pos_ == "ADJ" and t.dep_ in ("acomp", "amod", "ROOT") and any(c.dep_ == "xcomp" for c in t.children)


def find_triggers(sent: SpacySpan, covered: list[int | None], lemmas: Sequence[str],
                  lowers: Sequence[str]) -> list[Candidate]:
    """All trigger candidates of a sentence, in token order.

    Args:
        sent: a sentence of the parsed document.
        covered: per document token, the index of the actor mention covering it, or None.
        lemmas: lower-case lemma of every token of the document.
        lowers: lower-case form of every token of the document.

    Returns:
        One candidate per matching lexicon entry (a token may name events of several types).
    """
    lex = lexicon()
    out: list[Candidate] = []
    doc = sent.doc
    for i in range(sent.start, sent.end):
        if covered[i] is not None or not any(f in lex.key_words for f in base_forms(lemmas[i], lowers[i])):
            continue                      # inside a name, or no trigger key uses the word
        t = doc[i]
        verbal = t.pos_ in _VERBAL or _predicative(t)
        if not verbal and t.pos_ not in _NOMINAL:
            continue
        if t.dep_ == "amod" and t.pos_ == "VERB":
            continue                      # a participle used as adjective
        lemma = lemma_of(t)
        if not verbal and t.dep_ in ("compound", "amod") and t.head.pos_ in _NOMINAL \
                and f"{lemma} {lemma_of(t.head)}" in lex.triggers:
            continue                      # first word of a compound trigger ("war games")
        keys = _verb_keys(t, lemma) if verbal else _noun_keys(t, lemma)
        for key, extra in keys:
            entries = lex.triggers.get(key)
            if not entries:
                continue
            picked = _pick(entries, t, verbal)
            if not picked:
                continue
            lo, hi = t.i, t.i + 1
            if extra is not None and key != lemma and abs(extra.i - t.i) <= 3:
                lo, hi = min(lo, extra.i), max(hi, extra.i + 1)
            best: dict[str, TriggerEntry] = {}
            for e in picked:
                if e.type not in best or e.weight > best[e.type].weight:
                    best[e.type] = e
            out += [Candidate(t, e, lo, hi) for e in best.values()]
            break
    return out
