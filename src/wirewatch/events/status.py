"""Status of an event (occurred, ongoing, planned, expected, possible, negated) from its clause.

The status comes from the verb that anchors the event: negation on it; its auxiliaries ("will"
-> planned, "would", "could" -> possible); the verb it depends on ("is expected to" -> expected,
"plans to" / "is due to" -> planned, "wants to" / "hopes to" / "seeks to" -> possible, "refused
to" / "failed to" -> negated, "continues to" -> ongoing); a condition ("if", "unless") ->
possible; else its tense and aspect (past or perfect -> occurred, progressive or simple present
-> ongoing).

These rules are one input of the decision, not the decision: the status model weighs their
answer with the words they read and the dates the sentence gives (``learned_status`` below).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Token

from wirewatch.events.features import CUE_CLASSES
from wirewatch.events.lexicon import QUAD, lemma_of, lexicon
from wirewatch.events.model import LinearModel

OCCURRED, ONGOING, PLANNED, EXPECTED, POSSIBLE, NEGATED = (
    "occurred", "ongoing", "planned", "expected", "possible", "negated")
_GOVERNOR_STATUS = {"expect": EXPECTED, "plan": PLANNED, "want": POSSIBLE, "continue": ONGOING, "negate": NEGATED}
_IRREALIS = (PLANNED, EXPECTED, POSSIBLE)
_PAST_AUX = {"was", "were", "had", "did", "'d"}
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def is_negated(verb: Token) -> bool:
    """Whether ``verb`` (or the copula of a predicative word) carries a negation, or has a
    negative subject ("no treaty has been signed", "nobody was hurt")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and (lexicon().cue(c.lower_, "negative_subject") or any(
                d.dep_ == "det" and d.lower_ in ("no", "neither") for d in c.children)):
            return True
    return verb.dep_ in ("acomp", "attr") and any(c.dep_ == "neg" for c in verb.head.children)


def _aux(verb: Token) -> list[Token]:
    own = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.dep_ in ("acomp", "attr") and verb.head.i != verb.i:
        own += [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")] + [verb.head]
    return own


def _modal(verb: Token) -> str | None:
    lex = lexicon()
    for a in _aux(verb):
        low = a.lower_
        if lex.cue(low, "modal_planned"):
            return PLANNED
        if lex.cue(low, "modal_possible"):
            if low == "would" and _reported_plainly(verb):
                return PLANNED
            return POSSIBLE
    return None


def _reported_plainly(verb: Token) -> bool:
    """A clause reported by a plain (not speculative) reporting verb: "said X would meet"."""
    head = verb.head
    return verb.dep_ == "ccomp" and lexicon().cue(lemma_of(head), "report") \
        and not lexicon().cue(lemma_of(head), "speculative")


def _lasting(verb: Token) -> bool:
    """A perfect that still holds: "has been at war for 70 years", "has ruled since 2011"."""
    for c in list(verb.children) + (list(verb.head.children) if verb.dep_ in ("acomp", "attr") else []):
        if c.dep_ == "prep" and c.lower_ in ("for", "since"):
            if c.lower_ == "since" or any(g.ent_type_ in ("DATE", "TIME") for g in c.subtree):
                return True
    return False


def _tense(verb: Token) -> str:
    aux = _aux(verb)
    tag = verb.tag_
    if tag == "VBD" or (tag == "VBN" and not aux and verb.dep_ in ("ROOT", "conj", "ccomp")):
        return OCCURRED
    if any(a.lemma_ == "have" for a in aux if a.dep_ == "aux"):
        return ONGOING if _lasting(verb) else OCCURRED
    if any(a.lower_ in _PAST_AUX or a.tag_ == "VBD" for a in aux):
        return OCCURRED
    return ONGOING


def _governed(verb: Token, depth: int) -> str | None:
    """Status imposed by the word ``verb`` depends on, if it imposes one."""
    head, dep = verb.head, verb.dep_
    if head.i == verb.i:
        return None
    lex = lexicon()
    if dep in ("xcomp", "ccomp", "advcl", "acomp"):
        lemma = lemma_of(head)
        for cls, st in _GOVERNOR_STATUS.items():
            if lex.cue(lemma, cls) and (dep != "ccomp" or (cls == "negate" and lemma == "deny")):
                if dep == "advcl" and cls not in ("expect",):
                    continue
                return st
        if dep == "xcomp" and (head.pos_ == "AUX" or lemma_of(head) == "be"):
            return PLANNED                       # "is to meet"
    if dep == "advcl":
        if any(c.dep_ == "mark" and lex.cue(c.lower_, "condition") for c in verb.children):
            return POSSIBLE
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):      # purpose clause
            parent = clause_status(head, depth + 1)
            return parent          # "traveled to meet", "led the regime to close", "expected to ... to support"
    if dep == "xcomp" and verb.tag_ == "VB":
        return clause_status(head, depth + 1)
    if dep == "conj":
        return clause_status(head, depth + 1)
    return None


def clause_status(verb: Token, depth: int = 0) -> str:
    """Status of the situation that ``verb`` (a verb or predicative word) describes.

    Args:
        verb: the anchor of an event.
        depth: recursion guard.

    Returns:
        One of occurred, ongoing, planned, expected, possible, negated.
    """
    if is_negated(verb):
        return NEGATED
    if depth > 6:
        return _tense(verb)
    modal = _modal(verb)
    if modal is not None:
        return modal
    governed = _governed(verb, depth)
    if governed is not None:
        return governed
    if verb.tag_ == "VBG" and not _aux(verb) and verb.head.i != verb.i:
        return clause_status(verb.head, depth + 1)
    return _tense(verb)


def nominal_status(noun: Token, governor: Token | None, light: bool, topic: bool) -> str:
    """Status of an event named by a noun ("the invasion", "talks").

    Args:
        noun: the trigger noun.
        governor: the verb the noun phrase depends on, if any.
        light: whether the governor is a light verb ("hold talks"): the verb's status holds.
        topic: whether the governor takes the event as a topic ("discuss the supply").

    Returns:
        The status.
    """
    for c in noun.children:
        if c.dep_ in ("amod", "compound"):
            low = c.lower_
            if lexicon().cue(low, "nominal_planned"):
                return PLANNED
            if lexicon().cue(low, "nominal_possible"):
                return POSSIBLE
        if c.dep_ == "neg" or c.lower_ == "no" and c.dep_ == "det":
            return NEGATED
    if governor is None:
        return ONGOING
    if not light and not topic:
        # a presupposed (background) event: past only if the clause naming it is itself in the past
        return OCCURRED if governor.tag_ in ("VBD", "VBN") and _tense(governor) == OCCURRED else ONGOING
    st = clause_status(governor)
    if light or st in _IRREALIS + (NEGATED,):
        return st
    return PLANNED if lexicon().cue(lemma_of(governor), "plan") else POSSIBLE   # "preparing for the visit"


# --- the learned decision -------------------------------------------------------------------
# The rules above read the clause; the status model (``model/status.npz``, trained by
# ``train.py`` on the statuses of the annotated training events) weighs what they say together
# with the words they read (auxiliaries, the governing verb and its cues, negation, modifiers of
# an event noun) and with the dates the sentence states, relative to the report's date. On the
# annotated training events, 5-fold held out by article, the rules alone were right on 56% (most
# often missed: a past act reported in the present), the model on 75% (``bench/events_gap.py``).

STATUS_CUES = tuple(c for c in CUE_CLASSES if c != "media_report")   # the trigger features' cues of the governor
CLAUSE_DEPS = ("xcomp", "ccomp", "advcl", "acomp", "conj")


def time_relation(value: str, date: dt.date) -> str | None:
    """Whether a normalized time value lies before, on or after the report's ``date``
    (``past`` / ``same`` / ``future``), compared at the value's own precision; None if unknown."""
    if value in ("FUTURE_REF", "PAST_REF"):
        return value[:-4].lower()
    m = _DATE_VALUE.match(value)
    if m is None:
        return None
    parts = [int(p) for p in m.groups() if p is not None]
    ref = [date.year, date.month, date.day][:len(parts)]
    return "future" if parts > ref else "past" if parts < ref else "same"


def status_features(tok: Token, typ: str, rule: str, frame: tuple[Token | None, str, bool, bool] | None,
                    times: Sequence[tuple[int, str]]) -> list[str]:
    """The features of an event's status.

    Args:
        tok: the trigger.
        typ: the event's type (and its PLOVER quad category): a negation inside a refusal or a
            rebuke ("I won't cooperate") states the act, it does not deny it as it denies a meeting.
        rule: the status the rules give it (``clause_status`` / ``nominal_status``).
        frame: for an event noun, its governing verb, their relation, and whether the verb is
            light or takes it as a topic (``rules.build.nominal_frame``); None for a verb.
        times: (character offset, relation to the report's date) of the sentence's time expressions.
    """
    f = ["bias", f"rule={rule}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"rule|pos={rule}|{tok.pos_}",
         f"T={typ}", f"T|rule={typ}|{rule}", f"Q|rule={QUAD.get(typ)}|{rule}"]
    anchor: Token | None = tok
    kind = "verb"           # whose clause the anchor features describe: the act's own, or a noun's governor
    if frame is not None:
        anchor, rel, light, topic = frame
        kind = "light" if light else "topic" if topic else "governor"
        f += [f"rel={rel}", f"kind={kind}", f"kind|rule={kind}|{rule}"]
        if anchor is not None:
            f += [f"atag={anchor.tag_}", f"alemma={lemma_of(anchor)}"]
    if anchor is None:
        f.append("noanchor")
    else:
        # one weight per kind: "will hold talks" makes the talks planned, "will support its
        # invasion" does not make the invasion so
        head, dep = anchor.head, anchor.dep_
        g = [f"aux={c.lower_}" for c in anchor.children if c.dep_ in ("aux", "auxpass", "neg", "mark")]
        g += [f"adep={dep}", f"ahead={lemma_of(head)}|{dep}", f"ahtag={head.tag_}|{dep}"]
        g += [f"hcue={cls}|{dep}" for cls in STATUS_CUES if lexicon().cue(lemma_of(head), cls)]
        if dep in CLAUSE_DEPS:
            g += [f"haux={c.lower_}" for c in head.children if c.dep_ in ("aux", "neg")]
        f += g + [f"{kind}:{x}" for x in g]
    f += [f"mod={c.lower_}" for c in tok.children if c.dep_ in ("amod", "compound", "neg", "det")]
    for at, rel in times:
        f.append(f"tx={rel}")
        if abs(at - tok.idx) < 40:
            f.append(f"txnear={rel}")
    return f


def learned_status(model: LinearModel, features: list[str]) -> str:
    """The likeliest status under the status model."""
    p = model.proba(features)
    return model.classes[int(p.argmax())]
