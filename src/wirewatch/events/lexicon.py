"""Hand-written word lists of the event coder, loaded once from ``data/`` on first use.

The TSV files are documented in their header comments and in ``data/README.md``:
``triggers.tsv`` (PLOVER trigger words per type and mode), ``cues.tsv`` (status, control and
light-verb classes), ``contexts.tsv`` (PLOVER context keywords), ``anaphors.tsv`` and ``pairs.tsv``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
# PLOVER's quad categories (verbal / material x cooperation / conflict), from the PLOVER README
# (github.com/openeventdata/PLOVER, "PLOVER quad categories"; DEMAND is REQUEST here,
# DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is ASSAULT, as in the GSR mapping).
QUAD = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}


DATA_DIR = Path(__file__).resolve().parent / "data"


class LexiconError(ValueError):
    """A data file of the event coder is missing or malformed.

    Attributes:
        file: the data file's name.
        line: the 1-based line number, or 0 for the whole file.
    """

    def __init__(self, file: str, line: int, problem: str) -> None:
        super().__init__(f"events/data/{file}" + (f" line {line}" if line else "") + f": {problem}")
        self.file = file
        self.line = line


@dataclass(frozen=True)
class TriggerEntry:
    """One way a word (or short phrase) can signal a PLOVER event."""

    key: str
    pos: str                  # "V" (verb or predicative adjective), "N" (noun) or "*" (both)
    type: str
    mode: str | None
    weight: float
    objects: frozenset[str]   # object lemmas the entry needs; empty = no condition
    governor: bool            # takes a complement clause whose event it frames


@dataclass(frozen=True)
class Lexicon:
    """All word lists, indexed for constant-time look-up."""

    triggers: dict[str, tuple[TriggerEntry, ...]]
    cues: dict[str, frozenset[str]]
    contexts: dict[str, str]
    context_phrases: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    anaphors: dict[str, frozenset[str]]
    pairs: dict[str, tuple[frozenset[str], frozenset[str]]]   # "the two leaders": lemma -> (kinds, sectors or empty)
    frame_modes: dict[tuple[str, str, str], str]
    instruments: dict[str, str]
    key_words: frozenset[str]      # every word of every trigger key (a quick filter)

    def cue(self, lemma: str, name: str) -> bool:
        """Whether ``lemma`` belongs to the cue class ``name``."""
        return name in self.cues.get(lemma, ())

    def frame_mode(self, frame: str, typ: str, mode: str | None) -> str | None:
        """Mode of a THREATEN or ASK (REQUEST, REJECT) frame around an event of ``typ``/``mode``."""
        fm = self.frame_modes
        return fm.get((frame, typ, mode or "*")) or fm.get((frame, typ, "*")) or fm.get((frame, "*", "*"))

    def known(self, lemma: str) -> bool:
        """Whether any list knows ``lemma``."""
        return lemma in self.triggers or lemma in self.cues


def base_forms(lemma: str, lower: str) -> tuple[str, ...]:
    """The lemma and the regular base forms of an inflected word ("staged" -> "stage", "stag")."""
    return (lemma, lower, lower[:-1], lower[:-2], lower[:-3] + "e", lower[:-3])


def lemma_of(token: "Token") -> str:
    """The token's lemma, repaired when the lemmatizer gives an unknown form for a known verb.

    The statistical lemmatizer sometimes strips too much ("staged" -> "stag"); for inflected
    verbs whose lemma no list knows, the regular base forms of the word are tried instead.
    """
    lemma = token.lemma_.lower()
    lex = lexicon()
    if lex.known(lemma) or token.tag_ not in ("VBD", "VBN", "VBG", "VBZ"):
        return lemma
    low = token.lower_
    for form in (low[:-1], low[:-2], low[:-3] + "e" if low.endswith("ing") else "", low[:-3]):
        if form and lex.known(form):
            return form
    return lemma


def _rows(name: str, ncols: int) -> list[tuple[int, list[str]]]:
    """Numbered rows of a tab-separated data file, without comments and blank lines."""
    try:
        text = (DATA_DIR / name).read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(name, 0, "cannot be read (is the package installed with its data?)") from exc
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < ncols:
            raise LexiconError(name, n, f"expected {ncols} tab-separated columns, got {len(cols)}")
        rows.append((n, cols))
    return rows


def _trigger(cols: list[str], line: int) -> TriggerEntry:
    """One row of ``triggers.tsv``."""
    key, pos, typ, mode, weight = cols[:5]
    if typ not in PLOVER_TYPES:
        raise LexiconError("triggers.tsv", line, f"unknown PLOVER type {typ!r}")
    if pos not in ("V", "N", "*"):
        raise LexiconError("triggers.tsv", line, f"part of speech {pos!r} is not V, N or *")
    try:
        strength = float(weight)
    except ValueError as exc:
        raise LexiconError("triggers.tsv", line, f"weight {weight!r} is not a number") from exc
    objects = frozenset(o for o in (cols[5].split("|") if len(cols) > 5 else []) if o)
    governor = len(cols) > 6 and cols[6] == "gov"
    return TriggerEntry(key.lower(), pos, typ, mode or None, strength, objects, governor)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The coder's lexicon, read from the package data on first call."""
    triggers: dict[str, list[TriggerEntry]] = defaultdict(list)
    for n, cols in _rows("triggers.tsv", 5):
        entry = _trigger(cols, n)
        triggers[entry.key].append(entry)
    cues: dict[str, set[str]] = defaultdict(set)
    for _, (lemma, cls, *_rest) in _rows("cues.tsv", 2):
        cues[lemma.lower()].add(cls)
    contexts: dict[str, str] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = defaultdict(list)
    for _, (key, ctx, *_rest) in _rows("contexts.tsv", 2):
        words = tuple(key.lower().split())
        if len(words) == 1:
            contexts[words[0]] = ctx
        else:
            phrases[words[0]].append((words, ctx))
    anaphors = {c[0].lower(): frozenset(c[1].split("|")) for _, c in _rows("anaphors.tsv", 2)}
    pairs = {c[0].lower(): (frozenset(c[1].split("|")), frozenset(c[2].split("|")) if len(c) > 2 and c[2] else frozenset())
             for _, c in _rows("pairs.tsv", 2)}
    frame_modes = {(c[0], c[1], c[2]): c[3] for _, c in _rows("frame_modes.tsv", 4)}
    return Lexicon(
        triggers={k: tuple(v) for k, v in triggers.items()},
        cues={k: frozenset(v) for k, v in cues.items()},
        contexts=contexts,
        context_phrases={k: tuple(v) for k, v in phrases.items()},
        anaphors=anaphors,
        pairs=pairs,
        frame_modes=frame_modes,
        instruments={c[0].lower(): c[1] for _, c in _rows("instruments.tsv", 2)},
        key_words=frozenset(w for k in triggers for w in k.split()),
    )
