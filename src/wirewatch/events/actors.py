"""Who acts and who is acted on: actor mentions attached to triggers through the parse.

Rules (general English syntax, no word lists beyond ``cues.tsv``, ``anaphors.tsv`` and ``pairs.tsv``):

* the actor of a verb is its subject; of a passive, the ``by`` agent; an infinitive or participle
  without a subject takes it from the verb it depends on (the object of control verbs such as
  "led the regime to close");
* the mentions of a noun phrase are those nearest its head in the tree (conjuncts count as
  near: "Hungarian and Romanian officials" gives both); a head whose own mention has no country
  also takes the nearest modifier mention with one ("Palestinian leader Yasser Arafat");
* pronouns and definite descriptions ("its", "the isolated regime") resolve to the nearest
  preceding mention of a compatible kind within a few sentences; a plural description counted
  as two ("the two leaders", "both countries") to the two compatible actors named just before
  it (the two named most often when there are more); the subject pronoun of reported
  speech ("farmers said they would ...") to the speaker's noun phrase;
* a mention without a country also takes its possessor's ("the Ivory Coast's Supreme Court");
* parse repairs: a participle parsed as a subject gives its own subject ("The Red Cross operating
  in Iraq said"), a finite main verb left without a subject takes the noun phrase right before
  it, and a stranded preposition in a coordination ("ties with and an embassy in Tehran") takes
  the last object of the conjoined phrase.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.tokens import Doc, Token

from wirewatch.events.lexicon import lemma_of, lexicon

if TYPE_CHECKING:
    from wirewatch.events.parties import ActorMention

SUBJECTS = ("nsubj", "csubj", "expl")
OBJECTS = ("dobj", "dative", "iobj", "obj")
_FREE_EDGES = {"conj": 0, "cc": 0, "appos": 0, "pobj": 0, "compound": 1, "amod": 1, "poss": 1, "nmod": 1,
               "prep": 1, "npadvmod": 1, "nummod": 2, "det": 1, "case": 0, "acl": 2, "relcl": 3, "pcomp": 1,
               "dobj": 2, "agent": 1}
_MODIFIER_EDGES = {"compound", "amod", "poss", "nmod", "appos", "conj", "cc"}
_WINDOW_SENTS = 3
_MAX_COST = 4
_RELATIVE = {"who", "which", "that", "whom", "whose"}
_PLURAL = {"they", "them", "their"}


@dataclass(frozen=True)
class Attachment:
    """Entities attached to one role of an event."""

    entities: tuple[str, ...]
    anaphoric: bool = False        # found through a pronoun or definite description

    def __bool__(self) -> bool:
        return bool(self.entities)

    def plus(self, other: "Attachment") -> "Attachment":
        """Both attachments, without repeated entities."""
        ents = tuple(dict.fromkeys(self.entities + other.entities))
        return Attachment(ents, self.anaphoric or other.anaphoric)


EMPTY = Attachment(())


class MentionIndex:
    """Actor mentions of one document, indexed by token."""

    def __init__(self, doc: Doc, mentions: Sequence["ActorMention"]) -> None:
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        cols = doc.to_array([IDX, LENGTH, SENT_START]).tolist() if len(doc) else []
        starts = [c[0] for c in cols]
        ends = [c[0] + c[1] for c in cols]
        self.by_token: list[int | None] = [None] * len(doc)
        j = 0
        for k, m in enumerate(self.mentions):
            while j < len(doc) and ends[j] <= m.start:
                j += 1
            i = j
            while i < len(doc) and starts[i] < m.end:
                if self.by_token[i] is None:
                    self.by_token[i] = k
                i += 1
        self.info = {m.entity: (m.country, m.kind) for m in self.mentions}   # entity -> (country, kind)
        self.sent_of = []
        n = -1
        for i, c in enumerate(cols):
            n += 1 if (c[2] == 1 or i == 0) else 0
            self.sent_of.append(n)

    def at(self, token: Token) -> "ActorMention | None":
        """The mention covering ``token``, if any."""
        k = self.by_token[token.i]
        return None if k is None else self.mentions[k]

    def antecedent(self, token: Token, kinds: frozenset[str]) -> "ActorMention | None":
        """The nearest mention before ``token`` of a compatible kind, within a few sentences."""
        sent = self.sent_of[token.i]
        for i in range(token.i - 1, -1, -1):
            if sent - self.sent_of[i] > _WINDOW_SENTS:
                return None
            m = self.at(self.doc[i])
            if m is not None and _compatible(m.kind, kinds) and not _is_modifier(self.doc[i], m):
                return m
        return None

    def country_entity(self, iso3: str) -> "ActorMention | None":
        """The first mention of a country-kind entity of the given country, anywhere in the text."""
        for m in self.mentions:
            if m.kind == "country" and m.country == iso3:
                return m
        return None


def _is_modifier(token: Token, m: "ActorMention") -> bool:
    """Whether the mention only modifies another noun ("Russian" in "Russian agencies"): such a
    word names no discourse entity a later pronoun or "the regime" could point back to.

    The test is made on the mention's root (its word whose head lies outside it), so that a
    multi-word modifier ("al-Qaeda" in "al-Qaeda frontman") counts as one.
    """
    root = token
    for _ in range(8):
        if root.head.i == root.i or not m.start <= root.head.idx < m.end:
            break
        root = root.head
    head = root.head
    return root.dep_ in ("amod", "compound") and head.pos_ in ("NOUN", "PROPN") and not m.start <= head.idx < m.end


def _compatible(kind: str, kinds: frozenset[str]) -> bool:
    if "nonperson" in kinds:
        return kind != "person"
    return kind in kinds


def _anaphor(token: Token, index: MentionIndex) -> "ActorMention | None":
    """The antecedent of a pronoun or of a definite description headed by ``token``."""
    kinds = lexicon().anaphors.get(token.lower_) or lexicon().anaphors.get(lemma_of(token))
    if kinds is None:
        return None
    if token.tag_ in ("PRP", "PRP$"):
        return _reported_speaker(token, kinds, index) or index.antecedent(token, kinds)
    if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        found = index.antecedent(token, kinds)
        if found is None and "country" in kinds:
            found = _leaders_country(token, index)
        return found
    return None


def pair_behind(mention: ActorMention, index: MentionIndex) -> "tuple[ActorMention, ActorMention] | None":
    """The two actors a mention stands for when it is itself a pair description ("After a
    private conversation, the two men sat down ... joined by them": "them" points back to "the
    two men", which is Trump and Kim, not a group of its own)."""
    span = index.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return None if span is None else pair_antecedents(span.root, index)


def pair_antecedents(token: Token, index: MentionIndex) -> "tuple[ActorMention, ActorMention] | None":
    """The two actors a plural description counted as two points back to: "the two leaders",
    "both countries", "the two sides" (nouns, kinds and sectors in ``pairs.tsv``).

    They are the two compatible actors, named or coded, that the sentence and the one before it
    name before it; when these name more, the two named most often in the text so far (ties: the
    nearer); when fewer, the same choice among those of the few sentences before, then of the
    whole text before. A description whose own words name
    an actor ("the two leaders, Kim and Putin", "the two Koreas") is left to those names.
    """
    if token.tag_ != "NNS":
        return None
    entry = lexicon().pairs.get(token.lower_) or lexicon().pairs.get(lemma_of(token))
    if entry is None:
        return None
    kinds, sectors = entry
    own = index.at(token)            # the entity stage may have made the description a group of its own
    counted = any((c.dep_ == "nummod" and c.lower_ == "two") or (c.dep_ in ("det", "predet", "preconj") and c.lower_ == "both")
                  for c in token.children)
    if not counted or any(index.at(t) not in (None, own) for t in token.subtree if t.i != token.i):
        return None
    sent = index.sent_of[token.i]
    seen: dict[str, list] = {}        # entity -> [mentions before, sentences back, words back, mention]
    for i in range(token.i - 1, -1, -1):
        m = index.at(index.doc[i])
        if m is None or m is own or m.site or not _compatible(m.kind, kinds) or sectors and m.sector not in sectors:
            continue
        if not m.coded and index.doc[i].pos_ != "PROPN":
            continue                  # another description ("a former ambassador"), not a name
        if m.entity not in seen:
            seen[m.entity] = [0, sent - index.sent_of[i], token.i - i, m]
        elif index.at(index.doc[i + 1]) is m:
            continue                  # another word of a mention already counted
        seen[m.entity][0] += 1
    for window in (1, _WINDOW_SENTS, len(index.doc)):
        pool = [e for e in seen.values() if e[1] <= window]
        if len(pool) >= 2:
            first, second = sorted(pool, key=lambda e: (-e[0], e[2]))[:2]
            return first[3], second[3]
    return None


def joined_antecedents(token: Token, index: MentionIndex) -> "tuple[ActorMention, ...] | None":
    """The actors a plural pronoun points back to when the nearest subject before it joins them:
    "Trump and Kim first met in Singapore last June, when they signed a statement" (they = Trump
    and Kim, not Singapore). The subject is looked for in the pronoun's sentence and the one
    before it, passing over pronouns and singular nouns that name no actor ("he", "the
    meeting"); when the nearest other subject does not join two actors (one actor, a plural
    noun such as "the talks") the pronoun is left to the nearest-mention search."""
    if token.pos_ != "PRON" or token.lower_ not in _PLURAL:
        return None
    sent = index.sent_of[token.i]
    for i in range(token.i - 1, -1, -1):
        if sent - index.sent_of[i] > 1:
            return None
        subj = index.doc[i]
        if subj.dep_ not in ("nsubj", "nsubjpass") or subj.tag_ in ("PRP", "NN", "NNP") and index.at(subj) is None:
            continue            # not a subject, or one "they" cannot mean ("he", "the meeting")
        joined = [m for m in (index.at(t) for t in (subj, *subj.conjuncts)) if m is not None and not m.site]
        ents = list({m.entity: m for m in joined}.values())
        return tuple(ents[:2]) if len(ents) >= 2 and len(subj.conjuncts) >= 1 else None
    return None


def _reported_speaker(token: Token, kinds: frozenset[str], index: MentionIndex) -> "ActorMention | None":
    """A subject pronoun of reported speech refers to the speaker: "French farmers said they would
    blockade Paris" (they = the farmers), "the ministry said it will ..." (it = the ministry).

    The speaker's noun phrase gives the entity even when its only mention is a modifier
    ("French"), which the nearest-mention search skips.
    """
    if token.dep_ not in SUBJECTS:
        return None
    clause = token.head
    for _ in range(3):
        if clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return None
        report = clause.head
        if lexicon().cue(lemma_of(report), "report"):
            break
        clause = report
    else:
        return None
    speakers = [s for s in report.children if s.dep_ in ("nsubj",) and s.i < token.i and s.tag_ not in ("PRP",)]
    for s in speakers:
        group = token.lower_ in _PLURAL and s.tag_ in ("NNS", "NNPS") and index.at(s) is None
        for ent in np_entities(s, index).entities:
            m = next((x for x in index.mentions if x.entity == ent), None)
            if m is not None and (group or _compatible(m.kind, kinds)):
                return m    # "militants loyal to X said they ...": a described group, known by whom it names
    return None


def _leaders_country(token: Token, index: MentionIndex) -> "ActorMention | None":
    """"the regime", "the government" with no country in reach: the country of the nearest person
    named before it (a leader stands for his regime), as a country entity when the text names one."""
    person = index.antecedent(token, frozenset({"person"}))
    if person is None or person.country is None:
        return None
    return index.country_entity(person.country) or person


def np_entities(head: Token | None, index: MentionIndex) -> Attachment:
    """Entities of the noun phrase headed by ``head`` (its nearest mentions)."""
    if head is None:
        return EMPTY
    pair = pair_antecedents(head, index) if head.pos_ == "NOUN" else None
    if pair is not None:
        return Attachment((pair[0].entity, pair[1].entity), True)
    if head.lower_ in _RELATIVE and head.dep_ in SUBJECTS + OBJECTS and head.head.dep_ == "relcl":
        head = head.head.head
    if head.pos_ == "VERB" and head.dep_ in SUBJECTS:
        inner = [c for c in head.children if c.dep_ == "nsubj"]
        if inner:               # "The Red Cross operating in Iraq said": a participle parsed as the subject
            head = inner[0]
    found: dict[int, tuple[int, bool]] = {}       # mention index -> (cost, reached through modifiers only)
    stack: list[tuple[Token, int, bool]] = [(head, 0, True)]
    seen: set[int] = set()
    while stack:
        tok, cost, mod_only = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        k = index.by_token[tok.i]
        if k is not None:
            old = found.get(k)
            if old is None or cost < old[0]:
                found[k] = (cost, mod_only)
            stack += [(c, cost, mod_only) for c in tok.children if c.dep_ in ("conj", "cc", "compound")]
            stack += [(c, cost + 1, mod_only) for c in tok.children if c.dep_ == "poss"]   # "the Ivory Coast's Supreme Court"
            continue
        for child in tok.children:
            step = _FREE_EDGES.get(child.dep_)
            if step is None or cost + step > _MAX_COST:
                continue
            stack.append((child, cost + step, mod_only and child.dep_ in _MODIFIER_EDGES))
            if child.dep_ == "prep":
                raised = _raised_object(child)
                if raised is not None and cost + step <= _MAX_COST:
                    stack.append((raised, cost + step, False))
    if not found:
        ante = _anaphor(head, index)
        return Attachment((ante.entity,), True) if ante else EMPTY
    best = min(c for c, _ in found.values())
    chosen = [k for k, (c, _) in found.items() if c == best]
    ments = index.mentions
    if all(ments[k].country is None for k in chosen):
        extra = [(c, k) for k, (c, mod) in found.items()
                 if mod and k not in chosen and (ments[k].country or ments[k].kind != "person")]
        if extra:
            c0 = min(c for c, _ in extra)
            chosen += [k for c, k in extra if c == c0]
    chosen.sort(key=lambda k: ments[k].start)
    return Attachment(tuple(dict.fromkeys(ments[k].entity for k in chosen)))


def _raised_object(prep: Token) -> Token | None:
    """The shared object of a stranded preposition in a coordination ("ties with and an embassy
    in Tehran": the object of "with" is "Tehran", the last object of the conjoined phrase)."""
    doc = prep.doc
    if any(c.dep_ == "pobj" for c in prep.children) or prep.i + 1 >= len(doc) or doc[prep.i + 1].dep_ != "cc":
        return None
    last = None
    for t in doc[prep.i + 2:prep.sent.end]:
        if t.is_punct:
            break
        if t.dep_ == "pobj":
            last = t
    return last


def entities_of(tokens: Iterable[Token], index: MentionIndex) -> Attachment:
    """Entities of several noun phrases together."""
    out = EMPTY
    for t in tokens:
        out = out.plus(np_entities(t, index))
    return out


def _children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") for c in verb.children)


def agent_of(verb: Token) -> list[Token]:
    """The ``by`` agents of a passive verb."""
    return [g for a in _children(verb, ("agent",)) for g in a.children if g.dep_ == "pobj"]


def subject_tokens(verb: Token, depth: int = 0, stative: bool = False) -> list[Token]:
    """Heads of the noun phrases that act as the subject of ``verb`` (possibly inherited).

    Args:
        verb: the verb (or predicative word).
        depth: recursion guard.
        stative: read an agentless passive as a state of its subject ("is committed to").
    """
    if depth > 6:
        return []
    if is_passive(verb):
        agents = agent_of(verb)
        if agents or not stative:
            return agents
        return _children(verb, ("nsubjpass",))
    subj = _children(verb, SUBJECTS)
    if subj:
        return subj
    if verb.pos_ in ("ADJ", "NOUN") and verb.dep_ in ("acomp", "attr", "oprd"):
        return subject_tokens(verb.head, depth + 1)
    dep, head = verb.dep_, verb.head
    if head.i == verb.i:
        return _stranded_subject(verb)
    if dep in ("xcomp", "advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            or dep == "xcomp":
        objs = _children(head, OBJECTS)
        if objs and lexicon().cue(lemma_of(head), "control"):
            return objs
        return subject_tokens(head, depth + 1, stative=True)     # "are expected to meet": raising
    if dep == "conj":
        return subject_tokens(head, depth + 1)
    if dep in ("relcl", "acl"):
        if head.dep_ in OBJECTS and _is_light_object(head):
            return subject_tokens(head.head, depth + 1)     # "issued a statement demanding ..."
        return [head]
    if dep == "advcl" and verb.tag_ == "VBG":
        return subject_tokens(head, depth + 1)
    if dep == "pcomp" and head.head.i != head.i:
        return subject_tokens(head.head, depth + 1)
    return []


_FINITE = ("VBD", "VBZ", "VBP")
_CLAUSE_STOP = {",", ";", ":", "--", "(", ")"}


def _stranded_subject(verb: Token) -> list[Token]:
    """The subject of a finite main verb the parser left without one.

    A long fronted phrase ("With the signing of ..., the government and the rebels have
    agreed") can make the parser attach the real subject to that phrase. In English a finite
    main clause has a subject, and it is the noun phrase right before the verb and its
    auxiliaries: the words back to the nearest comma or other verb.
    """
    finite = verb.tag_ in _FINITE or any(a.dep_ == "aux" and a.tag_ in _FINITE + ("MD",) for a in verb.children)
    if not finite or verb.pos_ != "VERB":
        return []
    doc = verb.doc
    i = verb.i - 1
    while i >= verb.sent.start and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    hi = i + 1
    while i >= verb.sent.start and doc[i].lower_ not in _CLAUSE_STOP and doc[i].pos_ not in ("VERB", "AUX"):
        i -= 1
    span = doc[i + 1:hi]
    return [t for t in span if t.pos_ in ("NOUN", "PROPN") and not span.start <= t.head.i < span.end]


def _is_light_object(noun: Token) -> bool:
    """A noun that is the object of a light verb and names no one ("issued a declaration")."""
    return lexicon().cue(lemma_of(noun.head), "light") and not any(
        c.pos_ == "PROPN" or c.dep_ == "poss" for c in noun.subtree if c.i < noun.i)


def object_tokens(verb: Token) -> list[Token]:
    """Direct and indirect objects of ``verb``; for a passive, its grammatical subject."""
    objs = _children(verb, OBJECTS)
    if is_passive(verb):
        objs = _children(verb, ("nsubjpass",)) + objs
    return objs


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    """Objects of the given prepositions attached to ``token`` ("talks *with* X")."""
    wanted = set(preps)
    out = []
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ in wanted:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out
