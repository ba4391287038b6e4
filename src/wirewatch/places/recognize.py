"""Recognition of place mentions: spaCy's GPE/LOC/FAC entities joined with a gazetteer scan over
capitalized token runs, which catches places the tagger missed (headings, datelines, "Moscow/Seoul",
possessives) and drops what is not a place (people, demonyms, products, dates, common words)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from wirewatch.places._build import DATA
from wirewatch.places.demonyms import is_adjective
from wirewatch.places.gazetteer import Gazetteer
from wirewatch.places.names import key

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NEVER_PLACE_LABELS = frozenset({"NORP", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL",
                                "LANGUAGE"})
MAX_TOKENS = 6
STRONG_PRIOR = 5.0  # log10(population): a town of 100,000 people or a country/division/region
SURE, ENTITY, PERSON, SCAN = 0, 1, 2, 3


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, frozenset[str]]:
    """Word lists of ``data/generic_words.txt``: "generic" single words, and the "@name" lists (direction,
    head, locative, speech, title, connector)."""
    lists: dict[str, set[str]] = {"generic": set()}
    for line in (DATA / "generic_words.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("@"):
            name, *words = line[1:].split()
            lists.setdefault(name, set()).update(words)
        elif line and not line.startswith("#"):
            lists["generic"].add(line.strip())
    return {k: frozenset(v) for k, v in lists.items()}


def _generic_words() -> tuple[frozenset[str], frozenset[str]]:
    """(generic single words, compass words)."""
    lex = _lexicon()
    return lex["generic"], lex["direction"]


def vague(k: str) -> bool:
    """Whether a key is a single generic word or made only of compass words ("northeast", "central")."""
    words, directions = _generic_words()
    parts = k.split()
    return (len(parts) == 1 and parts[0] in words) or all(w in directions for w in parts)


@dataclass(frozen=True)
class Mention:
    """A recognized place mention before resolution.

    Attributes:
        start: first token index.
        end: token index after the last one.
        start_char: character offset of the start in the document.
        end_char: character offset of the end.
        key: normalized gazetteer key.
        ner: whether a spaCy GPE/LOC/FAC entity supports it.
        weak: 0 for a sure mention; else how it was found, kept only if the resolved place fits the
            document: ENTITY (inside an organization, product or event name), PERSON (tagged as a person),
            SCAN (a minor town found by the gazetteer scan alone).
        cue: whether the words around it mark it as a place (a locative preposition before it, a head
            noun such as "residents" after it, or "of X," as in "a man of Alexandria, ...").
    """

    start: int
    end: int
    start_char: int
    end_char: int
    key: str
    ner: bool
    weak: int = 0
    cue: bool = False


class Tokens:
    """Per-token attributes of a document as plain lists (cheaper than spaCy Token objects)."""

    def __init__(self, doc: Doc) -> None:
        """Read the attributes of every token once."""
        toks = list(doc)
        self.text: list[str] = [t.text for t in toks]
        self.lower: list[str] = [t.lower_ for t in toks]
        self.idx: list[int] = [t.idx for t in toks]
        self.newline_after: list[bool] = ["\n" in t.whitespace_ for t in toks]
        self.space: list[bool] = [t.is_space for t in toks]
        self.propn: list[bool] = [t.pos_ == "PROPN" for t in toks]
        self.possessive: list[bool] = [t.tag_ == "POS" for t in toks]
        self.punct: list[bool] = [t.is_punct for t in toks]
        self.stop: list[bool] = [t.is_stop for t in toks]
        self.like_num: list[bool] = [t.like_num for t in toks]
        self.label = [""] * len(doc)
        self.ent_bounds: dict[int, int] = {}
        for ent in doc.ents:
            self.ent_bounds[ent.start] = ent.end
            for i in range(ent.start, ent.end):
                self.label[i] = ent.label_

    def cap(self, i: int) -> bool:
        """Whether token i starts with a capital letter."""
        t = self.text[i]
        return t[:1].isupper()

    def end_char(self, i: int) -> int:
        """Character offset just after token i."""
        return self.idx[i] + len(self.text[i])


def _votes(doc: Doc) -> tuple[set[str], Counter, Counter]:
    """Words of multi-word PERSON names ("Kim" of "Kim Jong-un"), and per key how often the document
    tags it as a person (or as part of a person's name) and as a place."""
    words: set[str] = set()
    person: Counter = Counter()
    place: Counter = Counter()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            if len(ent) > 1:
                for t in ent:
                    if t.is_alpha:
                        words.add(t.text)
                        person[key(t.text)] += 1
        elif ent.label_ in PLACE_LABELS:
            place[key(ent.text)] += 1
    return words, person, place


class Recognizer:
    """Finds place mentions in one document."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, text: str | None = None,
                 dateline: Sequence[tuple[int, int]] = ()) -> None:
        """Prepare per-token information for the document; ``dateline``: the character spans of the
        wire dateline's places (found by the ingest step's layout analysis), sure places when the
        gazetteer knows them."""
        self.doc = doc
        self.dateline = frozenset(dateline)
        self.text = doc.text if text is None else text
        self.gaz = gazetteer
        self.tok = Tokens(doc)
        self.person_words, self.person_votes, self.place_votes = _votes(doc)
        self.ner_place_keys = set(self.place_votes)

    def mentions(self) -> list[Mention]:
        """Return the place mentions of the document, in text order, not overlapping."""
        tok, out, i, n = self.tok, [], 0, len(self.tok.text)
        consumed = -1
        while i < n:
            if not tok.cap(i) or tok.punct[i]:
                i += 1
                continue
            m = self._longest(i, mid_run=self._mid_run(i, consumed))
            if m is None:
                i += 1
                continue
            out.append(m)
            i = m.end
            consumed = m.end
        return out

    def _mid_run(self, i: int, consumed: int) -> bool:
        """Whether token i continues a capitalized name that began before it and was not a place."""
        tok = self.tok
        j = i - 1
        if j < 0 or j < consumed or tok.newline_after[j] or tok.space[j]:
            return False
        return tok.cap(j) and not tok.punct[j] and not tok.text[j].isupper() and not vague(tok.lower[j])

    def _runs(self, i: int) -> range:
        """Candidate end indexes for spans starting at token i, longest first.

        A run goes on over capitalized tokens and connectors ("of", "de", hyphens, periods) on one line
        and ends at the last capitalized token.
        """
        tok = self.tok
        n, last, j = len(tok.text), i, i + 1
        while j < n and j - i < MAX_TOKENS:
            if tok.space[j] or tok.newline_after[j - 1]:
                break
            if tok.cap(j):
                last = j
            elif tok.lower[j] not in _lexicon()["connector"]:
                break
            j += 1
        return range(last + 1, i, -1)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        """Drop trailing possessives and punctuation and a leading "the" from a token range."""
        tok = self.tok
        while end > start and (tok.possessive[end - 1] or tok.punct[end - 1]):
            end -= 1
        while start < end and (tok.lower[start] == "the" or tok.punct[start]):
            start += 1
        return start, end

    def _longest(self, i: int, mid_run: bool) -> Mention | None:
        """The longest acceptable place name starting at token i, if any."""
        tok = self.tok
        for end in self._runs(i):
            s, e = self._trim(i, end)
            if s >= e or not (tok.cap(e - 1) or tok.text[e - 1] == "."):
                continue
            k = key(self.text[tok.idx[s]:tok.end_char(e - 1)])
            if not k or not self.gaz.has(k) or (vague(k) and not self._names_region(k)):
                continue
            ner = self._ner_place(s, e)
            if (tok.idx[s], tok.end_char(e - 1)) in self.dateline:
                return Mention(s, e, tok.idx[s], tok.end_char(e - 1), k, ner, SURE, True)
            if mid_run and not ner:
                continue
            verdict = self._accept(s, e, k, ner)
            if verdict and (self._compound(s, e) or self._personal(s, e)):
                continue
            if verdict is not None:
                if verdict and self._dateline(s, e):
                    verdict = SURE
                return Mention(s, e, tok.idx[s], tok.end_char(e - 1), k, ner, verdict, self._cue(s, e))
        return None

    def _compound(self, s: int, e: int) -> bool:
        """Whether the span is glued by a hyphen or an ampersand to a neighbouring word that names no place
        ("Wal-Mart", "Stevens & Wilkinson"): then it is part of a larger name."""
        tok, n = self.tok, len(self.tok.text)
        after = e + 1 < n and tok.text[e] in ("-", "&") and tok.cap(e + 1)
        before = s >= 2 and tok.text[s - 1] in ("-", "&") and tok.cap(s - 2)
        if after and tok.text[e] == "-" and self._placelike(tok.text[e + 1]):
            after = False  # "Minneapolis-St. Paul", "Athens-Clarke County": two places
        if before and tok.text[s - 1] == "-" and self._placelike(tok.text[s - 2]):
            before = False
        return after or before

    def _personal(self, s: int, e: int) -> bool:
        """Whether a one-word span reads as a person: after a title ("coach Ripley") or next to a speech
        verb ("Bell said", "said Bell")."""
        tok = self.tok
        if e - s != 1:
            return False
        prev = tok.lower[s - 1] if s > 0 else ""
        nxt = tok.lower[e] if e < len(tok.lower) else ""
        return prev in _lexicon()["title"] or prev in _lexicon()["speech"] or nxt in _lexicon()["speech"]

    def _placelike(self, word: str) -> bool:
        """Whether a word is tagged as a place in the document or names a town of 10,000 people or more."""
        k = key(word)
        return k in self.ner_place_keys or self._best_prior(k) >= 4.0

    def _cue(self, s: int, e: int) -> bool:
        """Whether the words around a span mark it as a place: a locative preposition before it, a head
        noun after it ("Athens police"), or "of X," (where someone is from)."""
        tok, n = self.tok, len(self.tok.text)
        prev = tok.lower[s - 1] if s > 0 else ""
        nxt = tok.lower[e] if e < n else ""
        if prev in _lexicon()["locative"] or nxt in _lexicon()["head"]:
            return True
        return prev == "of" and nxt in (",", ".")

    def _dateline(self, s: int, e: int) -> bool:
        """An all-caps name at the start of a line or sentence followed by a dash or "(": a dateline."""
        tok, n = self.tok, len(self.tok.text)
        if not all(tok.text[t].isupper() or tok.lower[t] in _lexicon()["connector"] for t in range(s, e)):
            return False
        starts = s == 0 or tok.newline_after[s - 1] or tok.space[s - 1] or tok.text[s - 1] in (".", "!", "?")
        return starts and e < n and tok.text[e] in ("-", "--", "—", "–", "(")

    def _ner_place(self, s: int, e: int) -> bool:
        """Whether the span is, or wholly contains, a GPE/LOC/FAC entity."""
        tok = self.tok
        for t in range(s, e):
            end = tok.ent_bounds.get(t)
            if end is not None and end <= e and tok.label[t] in PLACE_LABELS:
                return True
        if tok.label[s] in PLACE_LABELS:
            start = s
            while start > 0 and tok.label[start - 1] == tok.label[s] and tok.ent_bounds.get(start) is None:
                start -= 1
            return start < s and tok.lower[start] == "the" and tok.ent_bounds.get(start) == e
        return False

    def _accept(self, s: int, e: int, k: str, ner: bool) -> int | None:
        """None to reject the span, else SURE or the kind of weak mention."""
        tok = self.tok
        if is_adjective(k) and self._best_feature(k) not in ("country", "admin", "region", "water"):
            return None
        labels = {tok.label[t] for t in range(s, e)}
        never = labels & NEVER_PLACE_LABELS
        if never == {"NORP"} and not is_adjective(k):
            never = set()  # spaCy tags some towns NORP ("the town of Samarra"); they stay weak mentions
        if never and not ner:
            return None
        if self.person_votes[k] >= max(1, self.place_votes[k]):
            return None
        if any(tok.text[t] in self.person_words for t in range(s, e)) and k not in self.ner_place_keys:
            return None
        if e - s == 1 and e < len(tok.text) and tok.like_num[e] and self._best_feature(k) == "city":
            return None
        if "PERSON" in labels:
            return self._person_is_place(s, e, k)
        if ner:
            return SURE
        if labels - {""}:
            return self._inside_entity(s, e, k)
        return self._standalone(s, e, k)

    def _inside_entity(self, s: int, e: int, k: str) -> int | None:
        """A place name that spaCy tagged as (part of) an organization, product or event ("Laurel County" of
        "Laurel County Sheriff's Office", "Georgia" of "University of Georgia"): weak; short all-caps
        words (acronyms) only when they name a country or the like."""
        tok = self.tok
        if e - s == 1 and tok.text[s].isupper() and len(tok.text[s]) <= 4 and self._best_prior(k) < 7:
            return None
        return ENTITY

    def _names_region(self, k: str) -> bool:
        """Whether one of the key's likeliest places is a region, water body or landmark."""
        entries = self.gaz.entries(k)
        return any(self.gaz.place(x.row).feature in ("region", "water", "landmark") for x in entries[:3])

    def _best_feature(self, k: str) -> str:
        """Feature of the key's likeliest place (empty when unknown)."""
        entries = self.gaz.entries(k)
        return self.gaz.place(entries[0].row).feature if entries else ""

    def _best_prior(self, k: str) -> float:
        """Best prior among the key's likeliest places."""
        return max((x.prior for x in self.gaz.entries(k)[:5]), default=0.0)

    def _person_is_place(self, s: int, e: int, k: str) -> int | None:
        """A whole PERSON entity that is no part of a person's name here: a strong mention when the
        document tags the same name as a place elsewhere, else weak."""
        if self.tok.ent_bounds.get(s) != e:
            return None
        return SURE if k in self.ner_place_keys else PERSON

    def _standalone(self, s: int, e: int, k: str) -> int | None:
        """A gazetteer match without any entity: proper nouns only, not a stop word; strong with a strong
        prior (all-caps heading words need a stronger one), else weak."""
        tok = self.tok
        words = [t for t in range(s, e) if tok.lower[t] not in _lexicon()["connector"]]
        if not words:
            return None
        if len(words) == 1 and (tok.stop[words[0]] or len(tok.text[words[0]]) < 3):
            return None
        caps = all(tok.text[t].isupper() for t in words)
        if not caps and not all(tok.propn[t] for t in words):
            return None
        threshold = STRONG_PRIOR + (1 if caps else 0) - (1 if len(words) > 1 else 0)
        return SURE if self._best_prior(k) >= threshold else SCAN
