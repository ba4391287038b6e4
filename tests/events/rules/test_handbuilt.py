"""The coder on parses built by hand (no model): roles, status and framing from dependencies."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from wirewatch.events.rules.coder import ActorMention, EventMatch, code_events

# (word, tag, pos, dep, head index, lemma)
Row = tuple[str, str, str, str, int, str]


def parse(rows: list[Row]) -> Doc:
    """A one-sentence Doc with the given tags, dependencies and lemmas (blank English vocabulary,
    so lexical attributes such as ``lower_`` are set; no model is loaded)."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][3] != "punct" for i in range(len(rows))]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=[r[1] for r in rows], pos=[r[2] for r in rows],
               deps=[r[3] for r in rows], heads=[r[4] for r in rows], lemmas=[r[5] for r in rows])


def mention(doc: Doc, i: int, entity: str, country: str, kind: str = "country") -> ActorMention:
    tok = doc[i]
    return ActorMention(tok.idx, tok.idx + len(tok.text), entity, country, kind)


def only(events: list[EventMatch], typ: str) -> EventMatch:
    found = [e for e in events if e.type == typ]
    assert len(found) == 1, [e.type for e in events]
    return found[0]


def test_will_auxiliary_gives_planned_and_object_gives_recipient() -> None:
    doc = parse([("Russia", "NNP", "PROPN", "nsubj", 2, "Russia"), ("will", "MD", "AUX", "aux", 2, "will"),
                 ("attack", "VB", "VERB", "ROOT", 2, "attack"), ("Ukraine", "NNP", "PROPN", "dobj", 2, "Ukraine"),
                 (".", ".", "PUNCT", "punct", 2, ".")])
    ev = only(code_events(doc, [mention(doc, 0, "rus", "RUS"), mention(doc, 3, "ukr", "UKR")]), "ASSAULT")
    assert (ev.actors, ev.recipients, ev.status) == (("rus",), ("ukr",), "planned")
    assert doc.text[ev.trigger[0]:ev.trigger[1]] == "attack"


def test_negation_child_gives_negated() -> None:
    doc = parse([("Iran", "NNP", "PROPN", "nsubj", 3, "Iran"), ("did", "VBD", "AUX", "aux", 3, "do"),
                 ("not", "RB", "PART", "neg", 3, "not"), ("attack", "VB", "VERB", "ROOT", 3, "attack"),
                 ("Iraq", "NNP", "PROPN", "dobj", 3, "Iraq")])
    ev = only(code_events(doc, [mention(doc, 0, "irn", "IRN"), mention(doc, 4, "irq", "IRQ")]), "ASSAULT")
    assert ev.status == "negated"


def test_threaten_governor_takes_mode_and_recipient_of_its_complement() -> None:
    doc = parse([("Israel", "NNP", "PROPN", "nsubj", 1, "Israel"), ("threatened", "VBD", "VERB", "ROOT", 1, "threaten"),
                 ("to", "TO", "PART", "aux", 3, "to"), ("arrest", "VB", "VERB", "xcomp", 1, "arrest"),
                 ("Palestinian", "JJ", "ADJ", "amod", 5, "palestinian"),
                 ("leaders", "NNS", "NOUN", "dobj", 3, "leader")])
    evs = code_events(doc, [mention(doc, 0, "isr", "ISR"), mention(doc, 4, "pse", "PSE", "group")])
    threat = only(evs, "THREATEN")
    assert (threat.mode, threat.actors, threat.recipients) == ("arrest", ("isr",), ("pse",))
    coerce = only(evs, "COERCE")
    assert coerce.status == "possible" and coerce.actors == ("isr",)


def test_possessive_pronoun_resolves_to_the_preceding_country() -> None:
    doc = parse([("Russia", "NNP", "PROPN", "nsubj", 1, "Russia"), ("continued", "VBD", "VERB", "ROOT", 1, "continue"),
                 ("its", "PRP$", "PRON", "poss", 3, "its"), ("invasion", "NN", "NOUN", "dobj", 1, "invasion"),
                 ("of", "IN", "ADP", "prep", 3, "of"), ("Ukraine", "NNP", "PROPN", "pobj", 4, "Ukraine")])
    ev = only(code_events(doc, [mention(doc, 0, "rus", "RUS"), mention(doc, 5, "ukr", "UKR")]), "ASSAULT")
    assert (ev.actors, ev.recipients) == (("rus",), ("ukr",))


def test_words_inside_an_actor_name_are_not_triggers() -> None:
    doc = parse([("Protest", "NNP", "PROPN", "compound", 1, "Protest"), ("Party", "NNP", "PROPN", "nsubj", 2, "Party"),
                 ("won", "VBD", "VERB", "ROOT", 2, "win")])
    party = ActorMention(0, len("Protest Party"), "p", None, "organization")
    assert code_events(doc, [party]) == []


def test_empty_document_and_stray_mentions_give_no_error() -> None:
    empty = Doc(spacy.blank("en").vocab, words=[])
    assert code_events(empty, []) == []
    doc = parse([("Russia", "NNP", "PROPN", "nsubj", 1, "Russia"), ("attacked", "VBD", "VERB", "ROOT", 1, "attack"),
                 ("Ukraine", "NNP", "PROPN", "dobj", 1, "Ukraine")])
    stray = ActorMention(500, 510, "far", None, "group")        # beyond the text: ignored
    ev = only(code_events(doc, [mention(doc, 0, "rus", "RUS"), stray]), "ASSAULT")
    assert ev.actors == ("rus",) and ev.status == "occurred"
