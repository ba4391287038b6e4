"""Token features shared by the cue learner (``learn.py``) and the extractor.

The same functions compute a candidate cue's frame, its classifier features and the keys of the
cue-span convention at training time and at run time, so the learned tables and the extractor
agree on what they mean.
"""
from __future__ import annotations

from spacy.tokens import Token

#: Coarse parts of speech a cue head may have.
CUE_POS = frozenset({"VERB", "AUX", "NOUN", "ADP", "ADJ", "ADV", "PROPN"})

#: Children of a cue head whose word (not only their dependency) decides whether they join the cue.
SPAN_DEPS_WITH_WORD = frozenset({"aux", "auxpass", "advmod", "prep", "neg", "prt", "punct"})
#: Children whose cue-span share is also learned per head lemma ("refer|to", "seem|*").
SPAN_DEPS_BY_LEMMA = frozenset({"prep", "xcomp"})

_QUOTE_CHARS = frozenset('"“”‘’\'`')
_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})


def is_quote_token(tok: Token) -> bool:
    """Return True when the token is a quotation mark (straight, curly or doubled)."""
    text = tok.text
    return bool(text) and all(ch in _QUOTE_CHARS for ch in text)


def near_quote(tok: Token, window: int = 3) -> bool:
    """Return True when a quotation mark lies within ``window`` tokens of ``tok``."""
    doc = tok.doc
    lo = max(0, tok.i - window)
    hi = min(len(doc), tok.i + window + 1)
    return any(is_quote_token(doc[i]) for i in range(lo, hi) if i != tok.i)


def frame(tok: Token) -> str:
    """Classify the syntactic frame of a candidate cue token.

    Args:
        tok: The candidate cue head.

    Returns:
        ``clause`` when it governs a clausal complement (or is a parenthetical inside one),
        ``quote`` when a quotation mark is next to it, ``obj`` when it takes a direct or
        prepositional object, else ``bare``.
    """
    deps = {c.dep_ for c in tok.children}
    if deps & _CLAUSE_DEPS or tok.dep_ in _CLAUSE_DEPS:
        return "clause"
    if near_quote(tok):
        return "quote"
    if deps & {"dobj", "xcomp", "prep", "dative"}:
        return "obj"
    return "bare"


def copula_adjective(tok: Token) -> Token | None:
    """Return the adjective complement of a copula ("were *unanimous* in", "is *clear* that"), if any."""
    if tok.lemma_ != "be":
        return None
    return next((c for c in tok.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)


#: Prepositions whose object after a noun cue is its source, not its content ("fears *among* economists").
SOURCE_PREPS = frozenset({"among", "from", "by"})


def noun_complement(noun: Token) -> Token | None:
    """Return the first complement after a noun that can hold its content: a clause or a prepositional object.

    "claim *that* ..." and "warning *not to* ..." give the clause (``acl``); "support *for* X" gives
    the preposition, when it has an object.
    """
    for child in noun.children:
        if child.i <= noun.i:
            continue
        if child.dep_ == "acl" and any(g.dep_ in ("mark", "aux") for g in child.children if g.i < child.i):
            return child
        if child.dep_ == "prep" and child.lower_ not in SOURCE_PREPS and any(
                g.dep_ in ("pobj", "pcomp") for g in child.children):
            return child
    return None


def is_candidate(tok: Token) -> bool:
    """Return True when the cue classifier scores ``tok``: a verb, a content auxiliary, a copula
    with an adjective complement ("are sensitive about", "it is clear that"), or a noun with a
    complement that can be its content ("his claim that ...", "support for X").
    """
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "NOUN":
        return noun_complement(tok) is not None
    if tok.pos_ != "AUX":
        return False
    return not tok.is_stop or copula_adjective(tok) is not None


def lemma_key(tok: Token) -> str:
    """Return the lower-cased lemma used to look a token up in the cue lexicon."""
    return (tok.lemma_ or tok.text).lower()


def child_keys(child: Token, head: Token, content: tuple[int, int] | None = None) -> list[tuple[str, str, str]]:
    """Return the (dep, word, side) keys of a cue head's child, most specific first.

    The side is "L" for a left child; with the attribution's content span, a right child is
    looked up first by where the content lies (``right_side``), then as any right child ("R").

    For prepositions and open complements the key with the head's lemma ("refer|to", "seem|*")
    comes first, since whether "said of" or "seemed to confirm" joins the cue depends on the verb;
    then the key by word ("has", "also") or by dependency alone ("*").
    """
    if child.i < head.i:
        sides = ["L"]
    else:
        sides = ["R"] if content is None else [right_side(child, head, content), "R"]
    word = child.lower_ if child.dep_ in SPAN_DEPS_WITH_WORD else "*"
    keys = []
    for side in sides:
        if child.dep_ in SPAN_DEPS_BY_LEMMA:
            keys.append((child.dep_, f"{lemma_key(head)}|{word}", side))
        keys.append((child.dep_, word, side))
        if word != "*":
            keys.append((child.dep_, "*", side))
    return keys


def right_side(child: Token, head: Token, content: tuple[int, int]) -> str:
    """Return where the attribution's content lies from a right child of the cue head.

    "R>": the content follows the child ("said Thursday that ..."), where annotators mostly keep
    the child in the cue; "R<": the content precedes the cue ("..., she said Thursday."); "R~":
    the child sits inside or after the content.
    """
    edge = child.right_edge
    if content[0] >= edge.idx + len(edge):
        return "R>"
    if content[1] <= head.idx:
        return "R<"
    return "R~"


_REL_PRONOUNS = frozenset({"who", "which", "that", "whom"})


def subject_type(tok: Token) -> str:
    """Classify the subject of a candidate cue: none, pron, rel, propn, noun or other."""
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
    if subj is None:
        return "none"
    if subj.lower_ in _REL_PRONOUNS:
        return "rel"
    if subj.pos_ in ("PRON", "PROPN", "NOUN"):
        return subj.pos_.lower()
    return "other"


def cue_features(tok: Token) -> list[str]:
    """Return the features the cue classifier scores for a candidate cue head.

    Args:
        tok: A token outside quotations whose coarse POS is in ``CUE_POS``.

    Returns:
        Feature strings (the learned weights are looked up by these names).
    """
    lemma, pos, fr = lemma_key(tok), tok.pos_, frame(tok)
    subj = subject_type(tok)
    deps = sorted({c.dep_ for c in tok.children if c.dep_ in ("ccomp", "dobj", "xcomp", "prep", "neg", "agent", "dative")})
    head = tok.head
    feats = [
        "bias", f"p={pos}", f"l={lemma}|{pos}", f"lf={lemma}|{pos}|{fr}", f"pf={pos}|{fr}",
        f"dep={tok.dep_}", f"ldep={lemma}|{tok.dep_}", f"tag={tok.tag_}", f"subj={subj}",
        f"lsubj={lemma}|{subj}", f"psubj={pos}|{subj}", f"hp={head.pos_}|{tok.dep_}",
    ]
    feats += [f"c={d}" for d in deps]
    feats += [f"lc={lemma}|{d}" for d in deps]
    if tok.dep_ in ("xcomp", "advcl", "conj", "ccomp", "acl", "relcl"):
        feats.append(f"hl={lemma_key(head)}|{tok.dep_}")
    adj = copula_adjective(tok)
    if adj is not None:
        feats += adjective_features(adj)
    if pos == "NOUN":
        feats += noun_features(tok, lemma)
    return feats


def noun_features(noun: Token, lemma: str) -> list[str]:
    """Return the features of a candidate noun cue: its complement, possessor and governor."""
    comp = noun_complement(noun)
    kind = comp.lower_ if comp is not None and comp.dep_ == "prep" else "clause"
    poss = any(c.dep_ == "poss" for c in noun.children)
    return [f"nc={kind}", f"lnc={lemma}|{kind}", f"poss={poss}", f"lposs={lemma}|{poss}",
            f"gov={lemma_key(noun.head)}|{noun.dep_}"]


def adjective_features(adj: Token) -> list[str]:
    """Return the features of a copula's adjective: its lemma, alone and with its complements."""
    comps = sorted({c.lower_ if c.dep_ == "prep" else c.dep_ for c in adj.children
                    if c.dep_ in ("prep", "ccomp", "xcomp") and c.i > adj.i})
    lemma = lemma_key(adj)
    return [f"adj={lemma}", f"adjc={'+'.join(comps) or '-'}"] + [f"adjl={lemma}|{c}" for c in comps]
