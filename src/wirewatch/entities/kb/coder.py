"""Coding a mention text ("the North Korean leader", "Israeli police", "KCNA") into country, sector and role."""

from __future__ import annotations

import re
from typing import NamedTuple

from .base import KnowledgeBase
from .model import Actor, Agent, Coding, Country
from .normalize import fold, strip_possessive

_SPLIT = re.compile(r"[\s\u2010-\u2015\u2212-]+")
_PUNCT = ' ,;:"()[]{}“”«»!?'
_MAX_NGRAM = 6


class _Token(NamedTuple):
    raw: str  # as written, edge punctuation removed
    bare: str  # without a possessive ending


def _tokens(text: str) -> list[_Token]:
    """Split a mention into word tokens, dropping a leading article and edge punctuation."""
    out = []
    for piece in _SPLIT.split(fold(text)):
        raw = piece.strip(_PUNCT)
        if raw:
            out.append(_Token(raw, strip_possessive(raw)))
    while out and out[0].raw.casefold() in ("the", "a", "an"):
        out.pop(0)
    return out


def _span(toks: list[_Token], i: int, j: int) -> str:
    """The text of tokens ``i..j``, with a possessive removed from the last one only."""
    return " ".join([t.raw for t in toks[i : j - 1]] + [toks[j - 1].bare])


def _is_descriptor(tok: _Token, kb: KnowledgeBase) -> bool:
    return (
        tok.bare.casefold().rstrip(".") in kb.words.honorifics
        or bool(kb.country(tok.bare))
        or bool(kb.agent(tok.bare))
    )


def _prefer_country(actors: list[Actor], country: Country | None) -> Actor | None:
    """Pick the best actor, preferring one of the country named in the mention."""
    if country is not None:
        for actor in actors:
            if actor.country == country.iso3:
                return actor
    return actors[0] if actors else None


def _named_actor(
    toks: list[_Token], kb: KnowledgeBase, year: int | None
) -> Actor | None:
    """Find a known actor named by the whole mention or by its tail ("Russian president Vladimir Putin")."""
    n = len(toks)
    for i in range(n):
        if i > 0 and toks[i - 1].raw.casefold() in kb.words.prepositions:
            break
        found = kb.actors(_span(toks, i, n), year)
        if found and (n - i > 1 or i == 0 or found[0].kind != "person"):
            return _prefer_country(found, _find_country(toks[:i], kb))
    if toks[-1].bare.casefold().rstrip(".") in kb.words.honorifics:
        return None  # "Sen." before a name is a title, not Hun Sen
    if n == 1 or all(_is_descriptor(t, kb) for t in toks[:-1]):
        found = kb.actors_by_surname(toks[-1].bare, year)
        if found:
            return _prefer_country(found, _find_country(toks[:-1], kb))
    return None


def _find_country(toks: list[_Token], kb: KnowledgeBase) -> Country | None:
    """Find the leftmost-longest country name, alias or adjective among the tokens."""
    found = _find_country_at(toks, kb)
    return found[2] if found else None


# A country after one of these is where an office is sent, not whose it is: "a former
# ambassador to Spain", "the special representative for North Korea" ("the North Korean
# ambassador to Spain" still reads North Korean first). Not "in": "security forces in Guinea"
# are Guinea's.
_POSTED_TO = frozenset({"to", "for", "toward", "towards"})


def _find_country_at(
    toks: list[_Token], kb: KnowledgeBase
) -> tuple[int, int, Country] | None:
    """Find the leftmost-longest country name among the tokens, with its token span; a country
    the mention is posted to (``_POSTED_TO``) does not count."""
    i = 0
    while i < len(toks):
        for j in range(min(len(toks), i + _MAX_NGRAM), i, -1):
            found = kb.country(_span(toks, i, j))
            if found is not None:
                break
        else:
            i += 1
            continue
        before = toks[i - 1].raw if i else ""
        if before != "New" and before.casefold() not in _POSTED_TO:
            return i, j, found
        # "for North Korea": neither "North Korea" nor "Korea" codes the mention; "New Jersey",
        # "New Mexico" are states, not Jersey or Mexico ("New Zealand" is found whole, before)
        i = j
    return None


def _find_organization(
    toks: list[_Token], kb: KnowledgeBase, year: int | None
) -> tuple[int, Actor] | None:
    """Find the leftmost-longest known organization inside the mention ("NATO" in "NATO troops")."""
    for i in range(len(toks)):
        for j in range(min(len(toks), i + _MAX_NGRAM), i, -1):
            found = [
                a for a in kb.actors(_span(toks, i, j), year) if a.kind != "person"
            ]
            if found:
                return i, found[0]
    return None


def _head_start(toks: list[_Token]) -> int:
    """Position after the last possessive that is not the final token ("the leader's train" -> 3).

    Tokens before it name a possessor, not the mention's head.
    """
    start = 0
    for k, tok in enumerate(toks[:-1]):
        if tok.raw != tok.bare:
            start = k + 1
    return start


def _agent_ending_at(
    toks: list[_Token], kb: KnowledgeBase, j: int, lo: int, skip: range
) -> tuple[int, Agent] | None:
    """The longest agent noun (up to three tokens) ending just before position ``j``, not before ``lo``."""
    for i in range(max(lo, j - 3), j):
        if any(k in skip for k in range(i, j)):
            continue
        found = kb.agent(_span(toks, i, j))
        if found is not None:
            return i, found
    return None


def _find_agent(
    toks: list[_Token], kb: KnowledgeBase, skip: range = range(0)
) -> tuple[Agent, str | None] | None:
    """Find the agent noun that heads the mention, and the modifier written before it.

    The head is the last noun of the mention, or the last noun before a prepositional phrase
    ("rebels in Darfur"), and never inside a possessor ("the leader's train"). A sector noun
    just before a generic government noun qualifies it ("rebel leader" -> REB, "military
    officials" -> MIL).

    Args:
        toks: The mention's tokens.
        kb: The knowledge base.
        skip: Token positions that belong to a name (a country name such as "Democratic
            People's Republic of Korea") and cannot hold an agent noun.

    Returns:
        The agent (re-sectored by a qualifying sector noun, without office) and the nearest
        time or rank modifier written before it ("Vice", "Former"), or None.
    """
    lo = _head_start(toks)
    ends = [len(toks)] + [
        k
        for k in range(len(toks) - 1, lo, -1)
        if toks[k].raw.casefold() in kb.words.prepositions
    ]
    for j in ends:
        found = _agent_ending_at(toks, kb, j, lo, skip)
        if found is None:
            continue
        i, agent = found
        before = _agent_ending_at(toks, kb, i, lo, skip)
        if before is not None and agent.sector == "GOV" and before[1].sector != "GOV":
            qualifier = before[1]
            role = (
                f"{qualifier.noun.capitalize()} {agent.role.lower()}"
                if agent.role
                else None
            )
            return Agent(agent.noun, agent.plural, qualifier.sector, role, None), None
        shifts = kb.words.modifiers
        found_shifts = [
            shifts[w]
            for w in (t.raw.casefold().rstrip(".") for t in toks[:i])
            if w in shifts
        ]
        return agent, (found_shifts[-1] if found_shifts else None)
    return None


def _role(agent: Agent, country: Country | None, modifier: str | None) -> str | None:
    if agent.role is None:
        return None
    role = f"{modifier} {agent.role}" if modifier else agent.role
    return f"{role} of {country.name}" if country is not None else role


def _holder(
    agent: Agent, country: Country | None, kb: KnowledgeBase, year: int | None
) -> Actor | None:
    """Resolve "the Russian president" to the person in that office in ``year``, if unique."""
    if agent.office is None or country is None or year is None:
        return None
    people = {a.name: a for a in kb.holders(country.iso3, agent.office, year)}
    return next(iter(people.values())) if len(people) == 1 else None


def _possessor_country(
    toks: list[_Token], kb: KnowledgeBase, year: int | None
) -> str | None:
    """Country of a known actor named as possessor ("Putin's government" -> RUS)."""
    start = _head_start(toks)
    if start == 0:
        return None
    owner = _named_actor(toks[:start], kb, year)
    return owner.country if owner is not None else None


def _from_parts(
    toks: list[_Token], kb: KnowledgeBase, year: int | None
) -> Coding | None:
    """Combine a country word, an organization named inside the mention and an agent noun.

    Of a country word and an organization, the one written first qualifies the mention
    ("NATO troops in Kosovo" is NATO's, "Russian UN envoy" is Russia's).
    """
    at_country = _find_country_at(toks, kb)
    at_org = _find_organization(toks, kb, year)
    country = at_country[2] if at_country else None
    org = at_org[1] if at_org else None
    if at_country and at_org:
        if at_org[0] < at_country[0]:
            country = None
        elif org is not None and country is not None and org.country != country.iso3:
            org = None
    iso3 = (
        country.iso3
        if country is not None
        else (org.country if org is not None else _possessor_country(toks, kb, year))
    )
    found = _find_agent(
        toks, kb, range(at_country[0], at_country[1]) if at_country else range(0)
    )
    if found is None:
        if org is not None:
            return Coding(country=iso3, sector=org.sector, role=None, affiliation=org)
        return (
            Coding(country=iso3, sector=None, role=None) if iso3 is not None else None
        )
    agent, modifier = found
    holder = None if modifier or org is not None else _holder(agent, country, kb, year)
    if holder is not None:
        return Coding(
            country=holder.country, sector=holder.sector, role=holder.role, actor=holder
        )
    sector = org.sector if org is not None and org.sector else agent.sector
    return Coding(
        country=iso3,
        sector=sector,
        role=_role(agent, country, modifier),
        affiliation=org,
    )


def code_mention(
    text: str, kb: KnowledgeBase, year: int | None = None
) -> Coding | None:
    """Code a mention into country, sector, role and (when known) knowledge-base actor.

    A mention naming a known actor ("KCNA", "the Kremlin", "Comrade Putin", "Russian president
    Vladimir Putin") takes that actor's coding. Otherwise the country comes from a country
    name, alias or adjective and the sector from an agent noun ("South Korea officials" ->
    KOR GOV, "Israeli police" -> ISR COP), or from an organization named inside the mention
    ("NATO peacekeeping troops" -> IGO, "Hamas militants" -> PSE REB); with a year, an office
    noun ("the Russian president", "the North Korean leader") is resolved to the office
    holder of that year.

    Args:
        text: The mention text as written.
        kb: The knowledge base.
        year: The document year, used to choose among office holders.

    Returns:
        The coding, or None if nothing in the mention is known.
    """
    toks = _tokens(text)
    if not toks:
        return None
    named = _named_actor(toks, kb, year)
    if named is not None:
        return Coding(
            country=named.country, sector=named.sector, role=named.role, actor=named
        )
    return _from_parts(toks, kb, year)


__all__ = ["code_mention"]
