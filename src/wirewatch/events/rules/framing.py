"""Events framed by other words: governors and derived (implied) events.

* A governor ("threatened to", "refused to", "demanded that", "promised to") takes the mode and,
  when it has no object of its own, the recipients of the event in its complement; a promise or
  vow to do something hostile is a THREATEN, not an AGREE (PLOVER: AGREE is a commitment to
  cooperate, THREATEN a warning of hostile action).
* Derived events follow PLOVER's definitions: a reported future cooperative act is an AGREE
  ("X said it will release ..."), a reported future hostile act a THREATEN, a reported refusal
  ("will not accept", "failed to reach agreement") a REJECT, "X said Y must ..." a REQUEST
  by X of Y, and an arrest "for" a deed an ACCUSE (a charge).
* Participants an event's own phrase leaves unnamed come from the rest of its sentence
  (``implicit.py``).
"""
from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from wirewatch.events.actors import MentionIndex, entities_of, object_tokens, prep_objects, subject_tokens
from wirewatch.events.rules.build import RECIPIENT_PREPS, Draft, clause_span, governor_of
from wirewatch.events.rules.implicit import (
    authorities_of_place, domestic_concessions, pressing_parties, protest_targets, purpose_recipients,
)
from wirewatch.events.lexicon import lemma_of, lexicon
from wirewatch.events.status import NEGATED, clause_status

COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTILE_MATERIAL = {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
_COMPLEMENT = ("xcomp", "ccomp", "acl", "advcl")


def _threat_mode(d: Draft) -> str | None:
    return lexicon().frame_mode("THREATEN", d.type, d.mode)


def _ask_mode(d: Draft) -> str | None:
    return lexicon().frame_mode("ASK", d.type, d.mode)


def _complements(gov: Token | None) -> list[Token]:
    """Complement clauses (or, failing those, prepositional objects) of a governor word."""
    if gov is None:
        return []
    out = []
    for c in gov.children:
        if c.dep_ in _COMPLEMENT and c.pos_ in ("VERB", "AUX", "ADJ") and c.i > gov.i:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                continue
            out.append(c)
    if not out:                     # "call for X", "demand for X": the nominal object
        out = [g for p in gov.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    return out


def _mode_for(gov: Draft, inner: Draft) -> str | None:
    if gov.type == "THREATEN":
        return _threat_mode(inner)
    if gov.type in ("REQUEST", "REJECT"):
        return _ask_mode(inner)
    return gov.mode


def frame_governors(drafts: list[Draft], index: MentionIndex) -> None:
    """Give governor events the mode and recipients of their complement events (in place)."""
    by_anchor: dict[int, list[Draft]] = {}
    for d in drafts:
        by_anchor.setdefault(d.anchor.i, []).append(d)
        by_anchor.setdefault(d.token.i, []).append(d)
    for d in drafts:
        if d.entry is None or not d.entry.governor:
            continue
        comps = _complements(d.token)
        if not comps and d.token.pos_ in ("NOUN", "PROPN"):
            comps = _complements(governor_of(d.token)[0])   # "reiterated its demand today that Israel ease"
        if not comps:
            continue
        with_events = [c for c in comps if any(x is not d for x in by_anchor.get(c.i, []))]
        comp = (with_events or comps)[0]
        inner = [x for x in by_anchor.get(comp.i, []) if x is not d]
        if not d.recipients:
            d.recipients = _complement_recipients(comp, d, inner, index)
        if not d.recipients and d.type == "THREATEN":
            d.recipients = _condition_subjects((d.token, comp), d, index)
        if not d.recipients and d.type == "REJECT":
            d.recipients = pressing_parties((d.token, comp), d, index)
        if inner:
            main = max(inner, key=lambda x: x.weight)
            if d.type == "AGREE" and main.type in HOSTILE_MATERIAL and main.status != NEGATED:
                d.type = "THREATEN"
            d.mode = _mode_for(d, main) or d.mode
            if d.type == "REQUEST" and lexicon().cue(lemma_of(d.token), "compel"):
                _imposed(d, inner)
        d.rescore()
    purpose_recipients(drafts)
    protest_targets(drafts, index)
    domestic_concessions(drafts, index)
    authorities_of_place(drafts, index)


def _imposed(order: Draft, inner: list[Draft]) -> None:
    """"ordered the newspaper to suspend publication": the one who orders imposes the coercion."""
    for x in inner:
        if x.type in ("COERCE", "SANCTION") and order.actors:
            x.recipients = tuple(e for e in x.actors + x.recipients if e not in order.actors)
            x.actors = order.actors
            x.rescore()


def _condition_subjects(heads: tuple[Token, ...], d: Draft, index: MentionIndex) -> tuple[str, ...]:
    """Subjects of "if" / "unless" clauses: the party a threat is meant to move."""
    for h in heads:
        for c in h.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                found = tuple(e for e in entities_of(subject_tokens(c), index).entities if e not in d.actors)
                if found:
                    return found
    return ()


def _complement_recipients(comp: Token, gov: Draft, inner: list[Draft], index: MentionIndex) -> tuple[str, ...]:
    own = set(gov.actors)
    subj = entities_of(subject_tokens(comp), index).entities if comp.dep_ == "ccomp" else ()
    for cand in (subj, *(x.recipients for x in inner)):
        found = tuple(e for e in cand if e not in own)
        if found:
            return found
    objs = entities_of(object_tokens(comp), index).plus(entities_of(prep_objects(comp, RECIPIENT_PREPS), index))
    return tuple(e for e in objs.entities if e not in own)


def _reporting_head(anchor: Token) -> Token | None:
    """The reporting verb whose content clause holds ``anchor`` ("said [it will release]").

    A sentence-final attribution ("X will do Y, the ministry said") is often parsed with the
    reporting verb hanging below the main verb; such a verb after a comma counts as well.
    """
    cur = anchor
    for _ in range(4):
        head = cur.head
        if head.i == cur.i:
            break
        if cur.dep_ == "ccomp" and lexicon().cue(lemma_of(head), "report"):
            return head
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "acomp"):
            return None
        cur = head
    for c in cur.children:
        if c.dep_ in ("conj", "parataxis", "ccomp", "advcl") and c.i > anchor.i and c.i > 0 \
                and lexicon().cue(lemma_of(c), "report") \
                and any(t.lower_ == "," for t in c.doc[max(cur.i, c.i - 12):c.i]):
            return c
    return None


def _has_future(verb: Token) -> bool:
    lex = lexicon()
    for a in verb.children:
        if a.dep_ == "aux" and (lex.cue(a.lower_, "modal_planned") or a.lower_ == "would"):
            return True
    return False


def _derived(base: Draft, typ: str, mode: str | None, status: str) -> Draft:
    d = Draft(type=typ, mode=mode, actors=base.actors, recipients=base.recipients, trigger=base.trigger,
              evidence=base.evidence, status=status, confidence=0.0, token=base.token, anchor=base.anchor,
              weight=base.weight, anaphoric=base.anaphoric, derived=True)
    d.rescore()
    return d


def _party_speaks(report: Token, index: MentionIndex) -> bool:
    """Whether the reporting verb's speaker can commit to the act (not the press relaying it)."""
    if lexicon().cue(lemma_of(report), "media_report"):
        return False
    for s in subject_tokens(report):
        for t in s.subtree:
            m = index.at(t)
            if m is not None and m.kind == "media":
                return False
    return True


def _intent(d: Draft, index: MentionIndex) -> Draft | None:
    """AGREE / THREATEN / REJECT implied by a reported future act or a refusal."""
    if d.derived or (d.entry is not None and d.entry.governor):
        return None
    anchor = d.anchor
    report = _reporting_head(anchor)
    future = _has_future(anchor)
    if d.status == NEGATED and d.type in COOPERATIVE:
        refusal = future or (anchor.dep_ == "xcomp" and lexicon().cue(lemma_of(anchor.head), "negate"))
        if refusal:
            st = clause_status(report) if report is not None else "occurred"
            return _derived(d, "REJECT", _ask_mode(d), "occurred" if st == NEGATED else st)
        return None
    if report is None or not future or not _party_speaks(report, index):
        return None
    st = clause_status(report)
    if any(c.dep_ == "advcl" and any(m.lower_ == "unless" for m in c.children) for c in anchor.children):
        return _derived(d, "THREATEN", _threat_mode(d) or "relations", st)     # an ultimatum
    if d.type in COOPERATIVE and d.type != "AGREE":
        return _derived(d, "AGREE", None, st)
    if d.type in HOSTILE_MATERIAL:
        return _derived(d, "THREATEN", _threat_mode(d), st)
    return None


def _must_requests(sent: SpacySpan, index: MentionIndex, drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    if "must" not in sent.text_with_ws.lower():
        return out
    for t in sent:
        if t.lower_ != "must" or t.dep_ != "aux":
            continue
        verb = t.head
        report = _reporting_head(verb)
        if report is None:
            continue
        speaker = entities_of(subject_tokens(report), index)
        addressee = entities_of(subject_tokens(verb), index)
        rec = tuple(e for e in addressee.entities if e not in speaker.entities)
        if not speaker or not rec:
            continue
        inner = [d for d in drafts if d.anchor.i == verb.i]
        mode = _ask_mode(inner[0]) if inner else None
        d = Draft(type="REQUEST", mode=mode, actors=speaker.entities, recipients=rec, trigger=(t.i, t.i + 1),
                  evidence=clause_span(report), status=clause_status(report), confidence=0.0, token=t,
                  anchor=report, weight=0.7, anaphoric=speaker.anaphoric or addressee.anaphoric, derived=True)
        d.rescore()
        out.append(d)
    return out


_MEASURES = ("DATE", "TIME", "CARDINAL", "QUANTITY")


def _charge(d: Draft) -> Draft | None:
    """An arrest "for" a deed ("arrested in Lebanon for collaborating with Israel", "jailed for
    two years for spying") charges the arrested with it: an ACCUSE by the same actors of the same
    recipients (PLOVER ACCUSE covers charging and alleging wrongdoing)."""
    if d.type != "COERCE" or d.mode != "arrest" or d.derived or d.token.pos_ != "VERB":
        return None
    heads = [d.token]
    for _ in range(2):
        nxt: list[Token] = []
        for h in heads:
            for p in h.children:
                if p.dep_ != "prep" or p.lower_ != "for":
                    continue
                for g in p.children:
                    if g.dep_ not in ("pobj", "pcomp"):
                        continue
                    if g.ent_type_ in _MEASURES or any(c.dep_ == "nummod" for c in g.children):
                        nxt.append(g)           # a duration: the charge may follow it
                    elif not lexicon().cue(lemma_of(g), "custody_purpose") \
                            and not lexicon().cue(g.lower_, "custody_purpose"):
                        return _derived(d, "ACCUSE", None, d.status)
        heads = nxt
    return None


def derive_events(sent: SpacySpan, drafts: list[Draft], index: MentionIndex) -> list[Draft]:
    """Events implied by the sentence's events and its "X said Y must ..." clauses."""
    out = [x for x in (_intent(d, index) for d in drafts) if x is not None]
    out += [x for x in (_charge(d) for d in drafts) if x is not None]
    return out + _must_requests(sent, index, drafts)
