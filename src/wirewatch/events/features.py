"""Features of event-trigger candidates, computed by the same code at training and at run time.

A candidate is one token of the parse (a verb, noun or adjective, or a word the lexicon
knows). Its features are strings: the word itself, its part of speech and dependency, its
head and dependents, the lexicon's types for it and for the words around it, the reporting
and control cues of its governor, and whether actor mentions fill its subject and object.
The trigger model (``model.py``) weighs them; it learned the weights from the annotated
training sentences (``train.py``).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from wirewatch.events.lexicon import lemma_of, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CANDIDATE_POS = ("VERB", "NOUN")
OPTIONAL_POS = ("ADJ", "PROPN", "AUX", "ADP")   # candidates only when the lexicon knows the word
CHILD_DEPS = ("dobj", "nsubj", "nsubjpass", "prt", "neg", "aux", "auxpass", "xcomp", "ccomp", "agent",
              "dative", "amod", "compound", "poss", "advmod", "acomp", "attr", "oprd", "pcomp")
CUE_CLASSES = ("report", "topic", "light", "expect", "plan", "want", "negate", "continue", "control", "compel",
               "media_report", "speculative")


def is_candidate(tok: "Token") -> bool:
    """Whether a token can name an event: a content verb or noun, or a word the lexicon lists."""
    if tok.pos_ in CANDIDATE_POS:
        return tok.is_alpha and len(tok.text) > 1
    return tok.pos_ in OPTIONAL_POS and lemma_of(tok) in lexicon().triggers


def candidates(sent: "Span") -> list["Token"]:
    """The candidate trigger tokens of a sentence, in order."""
    return [t for t in sent if is_candidate(t)]


def _lex_types(lemma: str, pos: str) -> set[str]:
    """Types the lexicon gives a lemma for this part of speech (V for verbs and predicates)."""
    want = "N" if pos in ("NOUN", "PROPN") else "V"
    return {e.type for e in lexicon().triggers.get(lemma, ()) if e.pos in (want, "*")}


def _cues(lemma: str) -> list[str]:
    lex = lexicon()
    return [c for c in CUE_CLASSES if lex.cue(lemma, c)]


def trigger_features(tok: "Token", kinds: Mapping[int, str], rules: Mapping[int, frozenset[str]] | None = None) -> list[str]:
    """The features of one candidate token.

    Args:
        tok: the candidate.
        kinds: token index -> kind of the actor entity a mention there belongs to
            (person, organization, country, group, place, ...).
    """
    lemma, pos, dep = lemma_of(tok), tok.pos_, tok.dep_
    head = tok.head
    hlemma = lemma_of(head) if head.i != tok.i else "<root>"
    f = [
        "bias", f"l={lemma}", f"w={tok.lower_}", f"p={pos}", f"t={tok.tag_}", f"d={dep}", f"l|p={lemma}|{pos}",
        f"l|d={lemma}|{dep}", f"s3={tok.lower_[-3:]}", f"h={hlemma}", f"h|d={hlemma}|{dep}", f"hp={head.pos_}|{dep}",
    ]
    for typ in _lex_types(lemma, pos):
        f += [f"lex={typ}", f"lex|p={typ}|{pos}", "lex"]
    for typ in _lex_types(hlemma, head.pos_):
        f.append(f"hlex={typ}|{dep}")
    f += [f"cue={cue}" for cue in _cues(lemma)]
    f += [f"hcue={cue}|{dep}" for cue in _cues(hlemma)]
    if tok.i > 0:
        f.append(f"prev={tok.nbor(-1).lower_}")
    if tok.i + 1 < len(tok.doc):
        f.append(f"next={tok.nbor(1).lower_}")
    for c in tok.children:
        cdep = c.dep_
        if cdep in CHILD_DEPS:
            clemma = c.lemma_.lower()
            f += [f"c={cdep}", f"c={cdep}:{clemma}", f"l|c={lemma}|{cdep}"]
            for typ in _lex_types(lemma_of(c), c.pos_):
                f.append(f"clex={typ}|{cdep}")
            kind = kinds.get(c.i) or _np_kind(c, kinds)
            if kind:
                f += [f"ce={cdep}:{kind}", f"l|ce={lemma}|{cdep}"]
        elif cdep == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            f.append(f"pp={c.lower_}")
            f.append(f"l|pp={lemma}|{c.lower_}")
            for o in objs:
                f.append(f"pp={c.lower_}:{o.lemma_.lower()}")
                kind = kinds.get(o.i) or _np_kind(o, kinds)
                if kind:
                    f += [f"ppe={c.lower_}:{kind}", f"l|ppe={lemma}|{c.lower_}"]
    if tok.i in kinds:
        f.append(f"self={kinds[tok.i]}")
    for typ in (rules or {}).get(tok.i, ()):
        f += [f"rule={typ}", "rule"]
    return f


def _np_kind(tok: "Token", kinds: Mapping[int, str]) -> str | None:
    """The kind of an actor mention inside the noun phrase headed by ``tok`` (one level down)."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in kinds:
            return kinds[c.i]
    return None


def dep_path(a: "Token", b: "Token", limit: int = 4) -> str:
    """The dependency path from ``a`` to ``b``: ``^`` steps up to a head, ``v`` steps down,
    prepositions named (``v prep:against v pobj``); ``far`` beyond ``limit`` steps."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    ids_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in ids_b:
            m = ids_b[t.i]
            if k + m > limit:
                return "far"
            ups = [f"^{x.dep_}" for x in up_a[:k]]
            downs = [f"v{x.dep_}" + (f":{x.lower_}" if x.dep_ in ("prep", "agent") else "") for x in reversed(up_b[:m])]
            return " ".join(ups + downs) or "self"
    return "far"


def _bucket(n: int) -> str:
    return str(n) if n <= 3 else "4-6" if n <= 6 else "7-12" if n <= 12 else "far"


def party_features(trigger: "Token", typ: str, cand: "Token", kind: str, coded: bool, anaphor: bool) -> list[str]:
    """The features of one candidate party (an actor mention's root token, or a pronoun standing
    for one) of the event named by ``trigger`` with type ``typ``."""
    path = dep_path(trigger, cand)
    side = "L" if cand.i < trigger.i else "R"
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
    prep = cand.head.lower_ if cand.dep_ == "pobj" else "-"
    f = [
        "bias", f"path={path}", f"path|p={path}|{trigger.pos_}", f"path|T={path}|{typ}", f"dep={cand.dep_}",
        f"dep|side={cand.dep_}|{side}", f"side|p={side}|{trigger.pos_}", f"dist={_bucket(abs(cand.i - trigger.i))}",
        f"kind={kind}", f"kind|path={kind}|{path}", f"coded={coded}", f"prep={prep}", f"prep|kind={prep}|{kind}",
        f"prep|T={prep}|{typ}", f"T={typ}", f"T|side={typ}|{side}", f"pass|side|dep={passive}|{side}|{cand.dep_}",
        f"l|path={lemma_of(trigger)}|{path}",
    ]
    if anaphor:
        f.append("anaphor")
    if cand.sent.start != trigger.sent.start:
        f.append("other_sentence")
    return f
