"""From a trigger candidate to a draft event: roles, status, evidence and confidence."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from wirewatch.events.actors import (
    EMPTY, Attachment, MentionIndex, agent_of, entities_of, is_passive, np_entities, object_tokens,
    prep_objects, subject_tokens,
)
from wirewatch.events.lexicon import TriggerEntry, lemma_of, lexicon
from wirewatch.events.status import clause_status, nominal_status
from wirewatch.events.rules.triggers import Candidate

RECIPIENT_PREPS = ("with", "to", "against", "on", "at", "into", "from", "toward", "towards", "upon")
NOMINAL_RECIPIENT_PREPS = ("of", "with", "to", "against", "on", "into", "toward", "towards", "at", "upon")
NEEDS_RECIPIENT = {"COOPERATE", "AID", "SANCTION"}       # PLOVER: "Requires recipient: Yes"
# where the event happens names whom it concerns for these (protests are directed at the
# government of the place, troops and aid go to it, refuge is sought in it, a visit is to it)
LOCATIVE_RECIPIENT = {"PROTEST": ("in", "throughout", "across", "outside"), "MOBILIZE": ("in", "for", "into"),
                      "AID": ("in",), "REQUEST": ("in",), "COERCE": ("in",), "CONCEDE": ("in",), "visit": ("in",)}
_CLIMB = ("xcomp", "acomp", "auxpass", "aux")


@dataclass
class Draft:
    """An event being assembled (mutable until it becomes an ``EventMatch``)."""

    type: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    trigger: tuple[int, int]          # token span
    evidence: tuple[int, int]         # token span
    status: str
    confidence: float
    token: Token
    anchor: Token                     # the verb whose clause states the event
    entry: TriggerEntry | None = None
    weight: float = 0.5
    anaphoric: bool = False
    derived: bool = False

    def rescore(self) -> None:
        """Recompute the confidence from the trigger strength and the role attachment."""
        c = 0.35 + 0.6 * self.weight
        c *= 1.0 if self.actors else 0.7
        if self.type in NEEDS_RECIPIENT and not self.recipients:
            c *= 0.85
        if self.anaphoric:
            c *= 0.9
        if self.derived:
            c *= 0.85
        self.confidence = max(0.05, min(0.98, c))


def _is_trigger_word(t: Token) -> bool:
    """Whether the word can name an event as a noun."""
    return any(e.pos in ("N", "*") for e in lexicon().triggers.get(lemma_of(t), ()))


def governor_of(noun: Token) -> tuple[Token | None, str]:
    """The verb a noun phrase depends on and the relation that links them."""
    cur, rel = noun, noun.dep_
    for _ in range(5):
        head = cur.head
        if head.i == cur.i:
            return None, rel
        if head.pos_ in ("VERB", "AUX") or head.pos_ == "ADJ" and head.dep_ == "acomp":
            return head, (rel if cur.i == noun.i or rel != "pobj" else "prep")
        if head.pos_ == "ADP" or cur.dep_ in ("conj", "appos"):
            if cur.dep_ == "pobj":
                rel = "pobj"
                if head.lower_ == "of" and head.head.pos_ == "NOUN" and not _is_trigger_word(head.head):
                    cur, rel = head.head, head.head.dep_      # "10 days of war games": a measure noun
                    continue
            cur = head
            continue
        return None, rel
    return None, rel


def nominal_frame(noun: Token) -> tuple[Token | None, str, bool, bool]:
    """The verb an event noun depends on, the relation, and whether that verb is a light verb
    whose object is the event ("hold talks") or a topic verb ("discuss the supply")."""
    gov, rel = governor_of(noun)
    lemma = lemma_of(gov) if gov is not None else ""
    lex = lexicon()
    light = gov is not None and lex.cue(lemma, "light") and rel in ("dobj", "attr", "oprd", "nsubjpass")
    topic = gov is not None and lex.cue(lemma, "topic") and rel in ("dobj", "prep", "pobj", "nsubjpass")
    return gov, rel, light, topic


def clause_span(anchor: Token) -> tuple[int, int]:
    """Token span of the clause stating an event anchored at ``anchor``."""
    top = anchor
    for _ in range(4):
        if top.dep_ in _CLIMB and top.head.i != top.i:
            top = top.head
        else:
            break
    lo, hi = top.left_edge.i, top.right_edge.i + 1
    sent = anchor.sent
    if hi - lo < 4:
        return sent.start, sent.end
    return max(lo, sent.start), min(hi, sent.end)


def _locative(e: TriggerEntry) -> tuple[str, ...]:
    return LOCATIVE_RECIPIENT.get(e.mode or "", ()) + LOCATIVE_RECIPIENT.get(e.type, ())


def _object_entities(objs: list[Token], index: MentionIndex) -> Attachment:
    """Entities of objects; an object with a possessor is that possessor's ("support its invasion")."""
    out = EMPTY
    for o in objs:
        poss = [c for c in o.children if c.dep_ == "poss"] if _is_trigger_word(o) else []
        found = entities_of(poss, index) if poss else EMPTY
        out = out.plus(found or np_entities(o, index))
    return out


def _verbal_roles(t: Token, e: TriggerEntry, index: MentionIndex) -> tuple[Attachment, Attachment]:
    """Actors (subject or agent) and recipients (objects, else prepositional objects, else the
    place for the types in ``LOCATIVE_RECIPIENT``) of a verb trigger."""
    actors = entities_of(subject_tokens(t, stative=e.governor), index)
    objs = object_tokens(t) if not e.governor or not is_passive(t) else []
    for found in (lambda: _object_entities(objs, index),
                  lambda: entities_of(prep_objects(t, RECIPIENT_PREPS), index),
                  lambda: entities_of(prep_objects(t, _locative(e)), index)):
        recips = found()
        if any(r not in actors.entities for r in recips.entities):
            return actors, recips
    return actors, EMPTY


def _nominal_roles(n: Token, e: TriggerEntry, gov: Token | None, inherit: bool, light: bool,
                   index: MentionIndex) -> tuple[Attachment, Attachment]:
    """Actors (possessor, national modifier, "by"/"from" phrase, else the subject of a light or
    topic verb) and recipients ("of"/"against"/"with"... phrases) of a noun trigger; "between X
    and Y" gives X as actor and Y as recipient unless a light verb's subject acts."""
    actors = EMPTY
    for c in n.children:
        m = index.at(c)
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and m is not None and m.kind != "place"):
            actors = actors.plus(np_entities(c, index))     # "Russia's invasion", "Israeli raids" (not "Gaza fighting")
    actors = actors.plus(entities_of(prep_objects(n, ("by", "from")), index))
    recips = entities_of(prep_objects(n, NOMINAL_RECIPIENT_PREPS), index)
    between = entities_of(prep_objects(n, ("between", "among")), index)
    if between and not actors and gov is not None and light:
        actors = entities_of(subject_tokens(gov), index)        # "X launched a mediation between Y and Z"
    if between:
        if actors:
            recips = recips.plus(between)
        else:
            actors = Attachment(between.entities[:1], between.anaphoric)
            recips = Attachment(between.entities[1:], between.anaphoric).plus(recips)
    if not actors and gov is not None and inherit:
        actors = entities_of(subject_tokens(gov), index)
    if gov is not None and inherit and not recips:
        recips = entities_of([c for c in gov.children if c.dep_ in ("dative", "iobj")], index)
        if not recips:
            recips = entities_of(prep_objects(gov, RECIPIENT_PREPS), index)
    if not recips and _locative(e):
        recips = entities_of(prep_objects(n, _locative(e)) + (prep_objects(gov, _locative(e)) if gov else []), index)
    return actors, recips


def _under_roles(n: Token, index: MentionIndex) -> tuple[Attachment, Attachment]:
    """Roles of an event noun after "under": who undergoes it is the verb's object ("placed him
    under arrest"), its passive subject ("was put under investigation") or, with no object,
    its subject ("came under attack", "is under investigation"); who does it is the subject of
    a transitive verb or the "by" agent of a passive."""
    prep = n.head
    if n.dep_ != "pobj" or prep.lower_ != "under" or prep.head.pos_ not in ("VERB", "AUX"):
        return EMPTY, EMPTY
    verb = prep.head
    undergoers = object_tokens(verb)
    if is_passive(verb):
        return entities_of(agent_of(verb), index), entities_of(undergoers, index)
    subjects = subject_tokens(verb)
    if undergoers:
        return entities_of(subjects, index), entities_of(undergoers, index)
    return EMPTY, entities_of(subjects, index)


def _too_weak(d: Draft, e: TriggerEntry, bare_noun: bool, index: MentionIndex) -> bool:
    """Drop what a weak trigger cannot carry on its own: a consultation needs two parties (and a
    journey one abroad or to someone), a transfer (PLOVER "requires recipient") a recipient, and
    a bare event noun a participant."""
    if e.weight >= 0.85:
        return False
    if e.type == "CONSULT" and len(d.actors) + len(d.recipients) < 2:
        return True
    if e.mode == "visit" and e.weight < 0.7 and _journey_at_home(d, index):
        return True
    mutual = e.type == "COOPERATE" and len(d.actors) >= 2
    generic = not e.objects and " " not in e.key          # no object condition, not a phrase
    if e.weight < 0.7 and generic and e.type in NEEDS_RECIPIENT and not d.recipients and not mutual:
        return True
    return e.weight < 0.7 and bare_noun and not d.actors and not d.recipients


def _journey_at_home(d: Draft, index: MentionIndex) -> bool:
    """A trip whose destinations are all places in a traveller's own country."""
    home = {index.info[a][0] for a in d.actors if a in index.info} - {None}
    dests = [index.info.get(r, (None, "")) for r in d.recipients]
    return bool(home) and all(kind in ("place", "country") and country in home for country, kind in dests)


def build_draft(c: Candidate, index: MentionIndex, triggers: frozenset[int] = frozenset()) -> Draft | None:
    """A draft event for one trigger candidate, or None when the candidate is not an event here.

    Args:
        c: the trigger candidate.
        index: the document's actor mentions.
        triggers: token indices of all triggers of the sentence (a noun governed by another
            trigger does not inherit that trigger's subject: "condemned the invasion").
    """
    t, e = c.token, c.entry
    lex = lexicon()
    if c.nominal and t.dep_ == "compound" and t.head.pos_ == "NOUN":
        t = t.head                              # "a mediation effort": roles are the head noun's
    if c.nominal:
        gov, rel, light, topic = nominal_frame(t)
        glemma = lemma_of(gov) if gov is not None else ""
        ordered = gov is not None and lex.cue(glemma, "compel") and rel == "dobj"   # "ordered patrols": the orderer's act
        inherit = gov is not None and rel not in ("nsubj",) and (light or topic or ordered or gov.i not in triggers)
        actors, recips = _nominal_roles(t, e, gov, inherit, light, index)
        under_actors, under_recips = _under_roles(t, index)
        actors, recips = actors or under_actors, recips or under_recips
        status = nominal_status(t, gov, light, topic)
        anchor = gov if gov is not None and (light or topic) else t
        evidence = clause_span(gov) if gov is not None else (t.sent.start, t.sent.end)
        weight = e.weight * (1.0 if light else 0.9)
    else:
        actors, recips = _verbal_roles(t, e, index)
        status = clause_status(t)
        anchor = t
        evidence = clause_span(t)
        weight = e.weight
    recipients = tuple(r for r in recips.entities if r not in actors.entities)
    d = Draft(type=e.type, mode=e.mode, actors=actors.entities, recipients=recipients, trigger=(c.start, c.end),
              evidence=evidence, status=status, confidence=0.0, token=t, anchor=anchor, entry=e, weight=weight,
              anaphoric=actors.anaphoric or recips.anaphoric)
    if _too_weak(d, e, c.nominal and anchor.i == t.i, index):
        return None
    if d.type == "ASSAULT" and d.mode is None:
        d.mode = instrument_mode(t)
    d.rescore()
    return d


def instrument_mode(trigger: Token) -> str | None:
    """ASSAULT mode from a weapon named with the trigger ("a bomb attack", "fired shells", "with
    machetes"): words in the trigger's phrase first, then in the clause it belongs to."""
    lex = lexicon()
    head = trigger.head if trigger.dep_ not in ("ROOT",) else trigger
    seen: set[int] = set()
    for tok in list(trigger.subtree) + list(head.subtree):
        if tok.i in seen:
            continue
        seen.add(tok.i)
        mode = lex.instruments.get(tok.lemma_.lower()) or lex.instruments.get(tok.lower_)
        if mode == "assassinate" and not (tok.dep_ in ("dobj", "nsubjpass") and tok.head.i == trigger.i):
            continue                                  # an office holder counts only as the victim
        if mode is not None:
            return mode
    return None
