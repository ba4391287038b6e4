"""The coder's word lists: well-formed, PLOVER types only, malformed rows rejected."""
from __future__ import annotations

import pytest

from wirewatch.events.actors import Attachment
from wirewatch.events.lexicon import PLOVER_TYPES, LexiconError, _trigger, lexicon


def test_every_trigger_entry_has_a_plover_type_and_a_weight_in_range() -> None:
    lex = lexicon()
    entries = [e for es in lex.triggers.values() for e in es]
    assert entries
    assert {e.type for e in entries} == set(PLOVER_TYPES)
    assert all(0.0 < e.weight <= 1.0 for e in entries)


def test_conditional_entries_keep_their_object_lemmas() -> None:
    lift = {e.type: e for e in lexicon().triggers["lift"]}
    assert "curfew" in lift["CONCEDE"].objects
    assert "blockade" in lift["RETREAT"].objects


def test_unknown_event_type_in_a_row_raises_with_the_line_number() -> None:
    with pytest.raises(LexiconError) as err:
        _trigger(["attack", "V", "FIGHTING", "", "0.9"], 12)
    assert err.value.line == 12 and err.value.file == "triggers.tsv"
    assert "line 12" in str(err.value) and "FIGHTING" in str(err.value)


def test_bad_part_of_speech_in_a_row_raises() -> None:
    with pytest.raises(LexiconError):
        _trigger(["attack", "X", "ASSAULT", "", "0.9"], 3)


def test_weight_that_is_not_a_number_raises() -> None:
    with pytest.raises(LexiconError):
        _trigger(["attack", "V", "ASSAULT", "", "high"], 3)


def test_cue_classes_cover_status_and_control_words() -> None:
    lex = lexicon()
    assert lex.cue("expect", "expect")
    assert lex.cue("plan", "plan")
    assert lex.cue("want", "want")
    assert lex.cue("refuse", "negate")
    assert lex.cue("lead", "control")
    assert lex.cue("hold", "light")
    assert not lex.cue("attack", "light")


def test_attachment_plus_keeps_order_and_drops_repeats() -> None:
    a = Attachment(("e1", "e2")).plus(Attachment(("e2", "e3"), anaphoric=True))
    assert a.entities == ("e1", "e2", "e3")
    assert a.anaphoric
    assert not Attachment(())
