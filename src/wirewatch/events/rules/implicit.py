"""Participants an event's own phrase leaves unnamed, from the rest of its sentence.

* Recipients: what the event prepares or enables ("prepared to resume shelling X", "opened the
  bridge to allow deliveries to X"); for a refusal, who pressed for what it refuses ("despite
  pressure by X": PLOVER REJECT answers a demand); for a protest, whom its demands address, else
  the place where it happens, else the protesters' own country (CAMEO/PLOVER PROTEST: collective
  dissent against a target actor, by default the authorities where it happens); for a
  concession, the actor's own country.
* Actors: for acts only a state's authorities perform (investigations, arrests, curfews) and for
  protests by people the text does not name, the country where the event happens; the PLOVER
  gold standard records likewise infer an actor's country from the event's location
  (openeventdata/PLOVER, gold_standard_records/PLOVER_GSR_CAMEO_readme).
"""
from __future__ import annotations

from spacy.tokens import Token

from wirewatch.events.actors import MentionIndex, entities_of, object_tokens, prep_objects
from wirewatch.events.rules.build import Draft

def _purpose_clauses(anchor: Token) -> list[Token]:
    """Heads of the infinitive clauses that complete or state the purpose of ``anchor``
    ("prepared [to resume shelling X]", "opened the bridge [to allow deliveries to X]")."""
    out = []
    for c in anchor.children:
        if c.i < anchor.i or c.pos_ not in ("VERB", "AUX"):
            continue
        to_inf = any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        if c.dep_ == "xcomp" or c.dep_ == "advcl" and to_inf:
            out.append(c)
    return out


def purpose_recipients(drafts: list[Draft]) -> None:
    """An event with no recipient of its own is directed at whom the act it prepares or enables
    is directed at: the recipients of the nearest event inside its infinitive complement or
    purpose clause (in place)."""
    for d in drafts:
        if d.recipients or d.derived or (d.entry is not None and d.entry.governor):
            continue                # a governor's complement names what it asks or refuses, done above
        for clause in _purpose_clauses(d.anchor):
            lo, hi = clause.left_edge.i, clause.right_edge.i
            inner = sorted((x for x in drafts if x is not d and lo <= x.token.i <= hi and x.recipients),
                           key=lambda x: x.token.i)
            found = next((tuple(e for e in x.recipients if e not in d.actors) for x in inner
                          if any(e not in d.actors for e in x.recipients)), ())
            if found:
                d.recipients = found
                d.rescore()
                break


def pressing_parties(heads: tuple[Token, ...], d: Draft, index: MentionIndex) -> tuple[str, ...]:
    """Who presses for what is refused "despite" it ("declined to resign despite pressure by the
    commission"): a refusal answers a demand (PLOVER REJECT), and its recipient is who made it."""
    for h in heads:
        found = tuple(e for e in entities_of(prep_objects(h, ("despite",)), index).entities if e not in d.actors)
        if found:
            return found
    return ()


_ADJUNCT_LINKS = ("advcl", "xcomp", "acl", "conj", "prep", "pcomp")


def _depends_on(clause: Token, heads: tuple[int, ...]) -> bool:
    """Whether a subjectless clause hangs from one of ``heads`` as an adjunct, directly or
    through a preposition ("rioted ..., joining demonstrators in demanding a referendum")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    cur = clause
    for _ in range(4):
        if cur.dep_ not in _ADJUNCT_LINKS or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in heads:
            return True
    return False


def _object_named(d: Draft, index: MentionIndex) -> bool:
    """Whether a recipient is the direct object of the trigger ("blockade Paris"): a target, not
    just the place of the event."""
    for o in object_tokens(d.token):
        m = index.at(o)
        if m is not None and m.entity in d.recipients:
            return True
    return False


def protest_targets(drafts: list[Draft], index: MentionIndex) -> None:
    """A protest with no named target (or only the town where it happens) is directed at whom
    its demands are addressed to, else at the authorities of the country where it takes place."""
    for d in drafts:
        if d.type != "PROTEST" or any(index.info.get(r, (None, ""))[1] != "place" for r in d.recipients) \
                or _object_named(d, index):
            continue
        places = d.recipients
        d.recipients = ()
        for x in drafts:
            if x.type == "REQUEST" and x.recipients and _depends_on(x.anchor, (d.anchor.i, d.token.i)):
                d.recipients = tuple(e for e in x.recipients if e not in d.actors)
                break
        if not d.recipients:
            d.recipients = places or _place_of(d, index) or _home_country(d, index)
        d.rescore()


def domestic_concessions(drafts: list[Draft], index: MentionIndex) -> None:
    """A concession addressed to no one named ("took steps to enhance political freedoms") is
    made at home, to the actor's own country (CAMEO 081, "ease restrictions on political
    freedoms", and its kin concern the actor's own population)."""
    for d in drafts:
        if d.type == "CONCEDE" and not d.recipients and d.actors and not _abroad(d, index):
            d.recipients = _home_country(d, index)
            d.rescore()


def _abroad(d: Draft, index: MentionIndex) -> bool:
    """Whether the event's sentence names a country or place of another country than its
    actors' ("forces must allow supplies to reach the needy" in a sentence about Iraq)."""
    home = {index.info.get(a, (None, ""))[0] for a in d.actors} - {None}
    sent = d.token.sent
    for t in sent:
        m = index.at(t)
        if m is not None and m.kind in ("country", "place") and m.country not in home:
            return True
    return False


# acts only a state's authorities perform on its territory: investigation and accusation, and
# the coercions of the police and the courts (PLOVER ACCUSE; COERCE modes)
AUTHORITY_ACTS = {("ACCUSE", None), ("COERCE", "arrest"), ("COERCE", "deport"), ("COERCE", "curfew"),
                  ("COERCE", "martial-law"), ("COERCE", "ban"), ("COERCE", "censor")}


def _local_actor(d: Draft) -> bool:
    """Whether an event without a named actor is done by the country where it happens: an act
    of state authority, or a protest (protesters not otherwise named are the place's people)."""
    return (d.type, d.mode) in AUTHORITY_ACTS or d.type == "PROTEST"


def authorities_of_place(drafts: list[Draft], index: MentionIndex) -> None:
    """An agentless act of state authority ("was put under investigation in Italy", "a curfew
    was imposed in Sudan") is the act of the country where it happens, and a protest by people
    the text does not name ("prisoners rioted at a jail in Dili") one by that country's people.
    The PLOVER gold standard records likewise infer an actor's country from the event's
    location (openeventdata/PLOVER, PLOVER_GSR_CAMEO_readme)."""
    for d in drafts:
        if d.actors or not _local_actor(d):
            continue
        for place in _place_of(d, index):
            country, kind = index.info.get(place, (None, ""))
            found = index.country_entity(country) if country else None
            actor = found.entity if found is not None else (place if kind == "country" else None)
            if actor is not None and actor not in d.recipients:
                d.actors = (actor,)
                d.rescore()


def _home_country(d: Draft, index: MentionIndex) -> tuple[str, ...]:
    """The actors' own country, as a country entity the text names: with no target and no place
    named, a protest by a national group ("Serbian workers") is taken to happen at home, directed
    at the authorities of the protesters' own country."""
    for a in d.actors:
        iso3 = index.info.get(a, (None, ""))[0]
        found = index.country_entity(iso3) if iso3 else None
        if found is not None and found.entity not in d.actors:
            return (found.entity,)
    return ()


def _place_of(d: Draft, index: MentionIndex) -> tuple[str, ...]:
    """Countries or places named after a locative preposition in the event's clause."""
    doc = d.token.doc
    for t in doc[d.evidence[0]:d.evidence[1]]:
        if t.dep_ == "prep" and t.lower_ in ("in", "throughout", "across", "outside", "at"):
            for g in t.children:
                m = index.at(g) if g.dep_ == "pobj" else None
                if m is not None and m.kind in ("country", "place") and m.entity not in d.actors:
                    return (m.entity,)
    return ()
