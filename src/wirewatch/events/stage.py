"""The events stage: PLOVER events with actors, status, date, place, claims and evidence.

One step per module, data flowing one way:

1. ``features``: candidate trigger tokens of each sentence and their features;
2. ``classify``: the trigger model accepts and types them (with ``events.model = "encoder"``,
   blended with the fine-tuned MiniLM tagger of ``encoder``);
3. ``parties``: the party model picks actors and recipients among the sentence's actor mentions;
4. ``status``: modality, negation, tense and aspect of the trigger's clause, and the sentence's
   dates, weighed by the status model;
5. ``dates``: the event's date, place and the claims that carry it.

The models are trained by ``train.py`` (``make train``) and shipped in ``model/`` with their
card (``model/README.md``).
"""
from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from wirewatch.document import Document, Entity, Event, Span
from wirewatch.events.actors import MentionIndex
from wirewatch.events.classify import ENCODER_GATE, Encoded, Typed, accepted, one_per_act, score
from wirewatch.events.contexts import contexts_of
from wirewatch.events.dates import _sentence, event_date, event_place, inherit_places, link_claims
from wirewatch.events.model import packaged, packaged_calibration
from wirewatch.events.parties import ActorMention, Parties, choose_parties, party_candidates, speakers_of
from wirewatch.events.rules.build import clause_span, nominal_frame
from wirewatch.events.status import clause_status, learned_status, nominal_status, status_features, time_relation
from wirewatch.pipeline.registry import stage

@stage("events", requires=("spacy_doc", "furniture", "entities", "places", "times", "date"), provides=("events",))
def run(doc: Document, ctx: Any) -> None:
    """Code the document's events and attach parties, status, dates, places and claims."""
    cfg = ctx.config
    for ev in code_events(doc, cfg.event_threshold, cfg.party_threshold, cfg.event_model):
        sentence = _sentence(doc, ev.trigger) if ev.trigger else ev.evidence
        ev.date = event_date(doc, ev, sentence)
        ev.place = event_place(doc, ev, sentence)
        link_claims(ev, doc.claims)
        doc.events.append(ev)
    inherit_places(doc.events)


def mention_index(doc: Document) -> MentionIndex:
    """The document's actor mentions indexed by token (the dateline credits, it does not act)."""
    credit = doc.dateline
    mentions = [ActorMention(m.start, m.end, e.id, e.country, e.kind, e.sector, is_site(e))
                for e in doc.entities for m in e.mentions if credit is None or not credit.start <= m.start < credit.end]
    return MentionIndex(doc.spacy_doc, mentions)


def kinds_by_token(index: MentionIndex) -> dict[int, str]:
    """Token index -> kind of the actor mention covering it."""
    return {i: index.mentions[k].kind for i, k in enumerate(index.by_token) if k is not None}


def rule_types(doc: Document, index: MentionIndex) -> dict[int, frozenset[str]]:
    """Token index -> the types the lexicon rules (``rules.py``) give the trigger there."""
    from wirewatch.events.rules.coder import code_events as rule_events

    sdoc = doc.spacy_doc
    out: dict[int, set[str]] = {}
    for m in rule_events(sdoc, index.mentions):  # type: ignore[arg-type]
        span = sdoc.char_span(m.trigger[0], m.trigger[1], alignment_mode="expand")
        for tok in span or ():
            out.setdefault(tok.i, set()).add(m.type)
    return {k: frozenset(v) for k, v in out.items()}


def code_events(doc: Document, threshold: float, party_threshold: float, model: str = "linear") -> list[Event]:
    """The document's events, in text order, with ids ``v1``, ``v2``...

    ``model``: ``linear`` (the linear trigger models alone) or ``encoder`` (blended with the
    fine-tuned MiniLM tagger, ``encoder.py``: more accurate, several times slower).
    """
    sdoc = doc.spacy_doc
    detect, types, parties = packaged("detect"), packaged("types"), packaged("parties")
    calibration = _calibration(model)
    index = mention_index(doc)
    kinds = kinds_by_token(index)
    rules = rule_types(doc, index)
    # a section heading ("MEETING IN VLADIVOSTOK") labels, it does not report, nor a caption or
    # credit; the headline restates the report's lead in headline form ("Kim arrives in Russia"),
    # so its act is coded once, from the report's own sentences
    unreported = doc.unreported + ([doc.title_span] if doc.title_span is not None else [])
    sents = [s for s in sdoc.sents if not any(h.start <= s.start_char < h.end for h in unreported)]
    scored = [score(s, kinds, detect, types, rules) for s in sents]
    encoded: list[Encoded | None] = [None] * len(sents)
    if model == "encoder":
        read = [k for k, sc in enumerate(scored) if sc.best(types) >= ENCODER_GATE]
        for k, rows in zip(read, encoded_sentences([sents[k] for k in read])):
            encoded[k] = rows
    out: list[Event] = []
    for sent, sc, enc in zip(sents, scored, encoded):
        found: list[tuple[Typed, tuple[str, ...], tuple[str, ...]]] = []
        cands = None
        for t in accepted(sc, types, threshold, calibration=calibration, encoded=enc):
            cands = cands if cands is not None else party_candidates(sent, index, doc.claims)
            chosen = choose_parties(t.token, t.type, cands, parties, party_threshold,
                                    speakers_of(t.token, doc.claims))
            found.append((t, chosen.actors, chosen.recipients))
        for k in one_per_act(found):
            t, actors, recips = found[k]
            out.append(_event(doc, t, Parties(actors, recips, {})))
    for i, ev in enumerate(out, start=1):
        ev.id = f"v{i}"
    return out


def load_models(model: str = "linear") -> tuple[Any, ...]:
    """The packaged models the events stage uses with the trigger ``model`` setting, loaded now.

    Raises:
        ModelError: a trained model file is missing or unreadable.
        EncoderError: with ``encoder``, the base package or the tuned layers are missing.
    """
    names = ("detect", "types", "parties", "status")
    loaded: tuple[Any, ...] = tuple(packaged(n) for n in names)
    loaded += (_calibration(model),)
    if model == "encoder":
        from wirewatch.events.encoder import packaged_encoder

        loaded += (packaged_encoder(),)
    return loaded


def _calibration(model: str) -> Any:
    """The confidence calibration of the trigger ``model`` setting (the blend has its own)."""
    return packaged_calibration("calibration_encoder" if model == "encoder" else "calibration")


def encoded_sentences(sents: list[Any]) -> list[Encoded]:
    """The packaged encoder's class probabilities for each sentence's tokens."""
    from wirewatch.events.encoder import packaged_encoder, token_spans

    enc = packaged_encoder()
    return [Encoded(r, enc.classes) for r in enc.token_probs([(s.text, token_spans(s)) for s in sents])]


def _event(doc: Document, t: Typed, parties: Parties) -> Event:
    tok = t.token
    anchor = tok.head if tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("VERB", "AUX") else tok
    lo, hi = clause_span(anchor)
    sdoc = doc.spacy_doc
    lemmas = [x.lemma_.lower() for x in sdoc[lo:hi]]
    lowers = [x.lower_ for x in sdoc[lo:hi]]
    return Event(
        id="", type=t.type, evidence=Span(sdoc[lo].idx, sdoc[hi - 1].idx + len(sdoc[hi - 1].text)),
        status=learned_status(packaged("status"), status_inputs(doc, tok, t.type)), contexts=list(contexts_of(lemmas, lowers, 0, hi - lo)),
        actors=list(parties.actors), recipients=list(parties.recipients), confidence=round(t.p, 2),
        trigger=Span(tok.idx, tok.idx + len(tok.text)),
    )


def status_inputs(doc: Document, tok: Token, typ: str) -> list[str]:
    """The status model's features of the event a trigger names: what the rules read in its
    clause (a noun's from its governing verb) and how the sentence's dates lie from the report's."""
    frame = nominal_frame(tok) if tok.pos_ in ("NOUN", "PROPN") else None
    if frame is not None:
        gov, _, light, topic = frame
        rule = nominal_status(tok, gov, light, topic)
    else:
        rule = clause_status(tok)
    sent = tok.sent
    times = []
    if doc.date is not None:
        for t in doc.times:
            rel = time_relation(t.value, doc.date) if sent.start_char <= t.start < sent.end_char else None
            if rel is not None:
                times.append((t.start, rel))
    return status_features(tok, typ, rule, frame, times)


SITES = frozenset({"city", "landmark", "water", "other"})


def is_site(e: Entity) -> bool:
    """A place that is only where things happen: a town, a landmark, a sea, but not a national
    capital. A country, a region or a state may act ("Texas sued"; the Gaza Strip and Crimea are
    regions in GeoNames), and a capital may stand for its government ("Moscow said", "pressure on
    Washington"); "talks in Vladivostok" or "Kim traveled to that same city" name no party (the
    event-coding issue)."""
    return e.geo is not None and e.geo.feature in SITES and not e.geo.seat
