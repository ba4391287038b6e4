"""What is attributed: the content span of a reporting verb.

The content is a quotation the reporting clause follows or introduces (extended over the clause
when the quotation resumes after it), else the verb's clausal complement, its object with the
dependents that follow ("accused X of Y"), the "that"-clause of a noun object ("expressed concern
that ..."), or, for raising verbs, the subject and complement around the cue ("Kim is expected to
visit").
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from wirewatch.claims.features import SOURCE_PREPS, is_quote_token
from wirewatch.claims.lexicon import word_class
from wirewatch.claims.quotes import QuoteIndex
from wirewatch.claims.roles import child_with, joins_cue
from wirewatch.claims.spans import Span, subtree_span, token_range_span

_CONTENT_PREPS = frozenset({"about", "on", "for", "of", "against", "with", "to", "at", "as", "over", "into", "from"})
#: Dependents that, after a comma at the end of a content span, are commentary, not content.
_TAIL_DEPS = frozenset({"relcl"})
_OBJECT_DEPS = ("dobj", "xcomp", "attr", "oprd")


def clause_edges(tok: Token, source: Token | None) -> tuple[int, int]:
    """Return the first and last character offsets of the reporting clause (cue + source)."""
    toks = [tok] + ([t for t in source.subtree] if source is not None and source.head.i == tok.i else [])
    toks += [c for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "advmod", "prt") and c.i < tok.i]
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("prep", "npadvmod", "agent", "dobj", "dative", "prt", "advmod"):
            if not any(is_quote_token(t) for t in child.subtree):
                last = max(last, child.right_edge, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _sentence_end(tok: Token, quotes: QuoteIndex) -> int:
    """Return the character offset just after the sentence of ``tok``."""
    ends = quotes.sentence_ends
    return ends[tok.i] if tok.i < len(ends) else len(quotes.text)


def quote_content(tok: Token, source: Token | None, quotes: QuoteIndex) -> tuple[Span | None, bool]:
    """Return the quotation the reporting clause follows or introduces, and whether it follows.

    A quotation that ends just before the clause ("'...,' he said.") is extended over the clause
    to the end of a quotation that resumes right after it ("'...,' he said. '...'"), the way
    annotators mark a quotation interrupted by its reporting clause.
    """
    text = quotes.text
    start, end = clause_edges(tok, source)
    if quotes.containing(tok.idx) is not None:
        return None, False
    before = quotes.ending_before(start, text)
    if before is not None and _closes_utterance(text, before, start):
        resumed = quotes.starting_after(end, text, gap=" ,.\t")
        if resumed is None:
            resumed = quotes.starting_after(_sentence_end(tok, quotes), text, gap=" \t\n")
        if resumed is not None and (text[end:resumed[0]].count("\n") > 2 or _awaits_own_cue(text, resumed)):
            resumed = None
        first = lead_in_start(tok.doc, text, before[0])
        return ((first, resumed[1]) if resumed is not None else (first, before[1])), True
    after = quotes.starting_after(end, text)
    if after is not None and after[0] - end <= 3:
        return after, False
    return None, False


#: Characters that end a lead-in which introduces a quotation rather than opening its sentence.
_LEAD_IN_STOPS = frozenset(':;"“”\'‘’`.?!\n')
#: Longest lead-in (characters) taken into a quotation's content (the parser's sentence
#: boundaries are unreliable around quotations; a long lead-in is usually a previous sentence).
MAX_LEAD_IN = 100


def lead_in_start(doc: Doc, text: str, quote_start: int) -> int:
    """Return where the content of a quotation that opens mid-sentence starts: at its sentence's start.

    PolNeAR counts the writer's lead-in as part of the quoted content ("Sooner or later, 'I think
    we will have a consumption tax,' he said"); a lead-in that is long, holds a quotation mark,
    a colon or a sentence-final mark, or crosses a line is left out.
    """
    span = doc.char_span(quote_start, quote_start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return quote_start
    first = span[0]
    while not first.is_sent_start and first.i > 0 and quote_start - first.idx <= MAX_LEAD_IN:
        first = doc[first.i - 1]
    sent_start = first.idx
    lead = text[sent_start:quote_start]
    if not lead.strip() or len(lead) > MAX_LEAD_IN or any(ch in _LEAD_IN_STOPS for ch in lead):
        return quote_start
    return sent_start


def _awaits_own_cue(text: str, quote: Span) -> bool:
    """Return True when a quotation ends with a comma inside its marks ("...,” she said"), so that
    it belongs to the reporting clause that follows it, not to the one before it."""
    return _inner_text(text, quote).endswith(",")


def _inner_text(text: str, quote: Span) -> str:
    """Return a quotation's text without its closing marks."""
    return text[quote[0]:quote[1]].rstrip("\"'”’»` ")


def _closes_utterance(text: str, quote: Span, clause_start: int) -> bool:
    """Return True when a quotation ends as an utterance ("...,” he said"), not as a name ("“X” was")."""
    inner = _inner_text(text, quote)
    return inner[-1:] in (",", ".", "?", "!", "…", "-", "—") or "," in text[quote[1]:clause_start]


def object_content(tok: Token, obj: Token) -> Span | None:
    """Return the object's span extended over the dependents that follow it ("accused X of Y")."""
    last = obj.right_edge.i
    for sib in tok.children:
        if sib.i > obj.i and _continues_content(sib):
            last = max(last, sib.right_edge.i)
    return cut_tail(tok.doc, obj.left_edge.i, last, obj.i)


def _continues_content(sib: Token) -> bool:
    """Return True when a later dependent of the cue verb belongs to its content ("of X", "to Y")."""
    if sib.dep_ in ("xcomp", "ccomp", "oprd", "dative"):
        return True
    if sib.dep_ != "prep" or sib.lower_ not in _CONTENT_PREPS:
        return False
    pobj = child_with(sib, "pobj")
    return pobj is None or pobj.ent_type_ not in ("DATE", "TIME")


def cut_tail(doc: Doc, first: int, last: int, anchor: int) -> Span | None:
    """Return tokens ``first..last`` without a trailing comma-led adjunct (", who ...", ", saying ...")."""
    last = _trim_tail(doc, first, last)
    return token_range_span(doc, first, last, anchor)


def _trim_tail(doc: Doc, first: int, last: int) -> int:
    """Move ``last`` before a comma that opens a non-restrictive adjunct reaching the end."""
    for _ in range(3):
        i = last
        while i > first:
            tok = doc[i]
            if tok.right_edge.i >= last and tok.left_edge.i > first and tok.dep_ in _TAIL_DEPS:
                prev = doc[tok.left_edge.i - 1]
                if prev.text in (",", "—", "–", ";"):
                    last = prev.i - 1
                    break
            i -= 1
        else:
            return last
    return last


def clause_content(tok: Token) -> tuple[Span | None, Token | None]:
    """Return the content span of a cue verb from its complements, and the preposition used."""
    comps = [c for c in tok.children if c.dep_ == "ccomp"]
    if comps:
        comp = ([c for c in comps if c.i > tok.i] or comps)[0]
        if comp.i > tok.i:
            return cut_tail(tok.doc, comp.left_edge.i, comp.right_edge.i, comp.i), None
        return subtree_span(comp), None
    head = tok.head
    if head.i != tok.i and head.pos_ in ("VERB", "AUX") and (
        tok.dep_ == "parataxis" or tok.dep_ == "ccomp" and head.i < tok.i
        or tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children)
    ):
        return subtree_span(head, [tok]), None
    prep = cue_prep(tok)
    if prep is not None:
        pobj = child_with(prep, "pobj", "pcomp")
        if pobj is not None:
            return object_content(tok, pobj), prep
    for dep in _OBJECT_DEPS:
        obj = child_with(tok, dep)
        if obj is not None and obj.i > tok.i:
            if dep == "dobj" and _is_recipient(tok, obj):
                continue
            clause = _that_clause(obj)
            if clause is not None:
                return cut_tail(tok.doc, clause.left_edge.i, clause.right_edge.i, clause.i), None
            return object_content(tok, obj), None
    subj = child_with(tok, "nsubjpass")
    if subj is not None and child_with(tok, "agent") is not None:
        return subtree_span(subj), None
    return None, None


def adjective_content(adj: Token) -> tuple[Span | None, Token | None]:
    """Return the content of a copula's adjective and the preposition that joins the cue.

    "are sensitive about X" -> X (with "about"), "is clear that X" -> the clause, "were hesitant
    to commission X" -> the open complement.
    """
    for child in adj.children:
        if child.i > adj.i and child.dep_ in ("ccomp", "xcomp"):
            return cut_tail(adj.doc, child.left_edge.i, child.right_edge.i, child.i), None
    for child in adj.children:
        if child.i > adj.i and child.dep_ == "prep":
            pobj = child_with(child, "pobj", "pcomp")
            if pobj is not None:
                return cut_tail(adj.doc, pobj.left_edge.i, pobj.right_edge.i, pobj.i), child
            break
    return None, None


def _that_clause(noun: Token) -> Token | None:
    """Return the "that"-clause of a noun object ("expressed concern that ..."), if any."""
    if noun.pos_ != "NOUN":
        return None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and child.i > noun.i:
            mark = child_with(child, "mark")
            if mark is not None and mark.lower_ == "that" and mark.i == child.left_edge.i == noun.i + 1:
                return child
    return None


def cue_prep(tok: Token) -> Token | None:
    """Return the preposition right after the cue verb that joins the cue ("called on", "talked about")."""
    for prep in tok.children:
        if prep.dep_ == "prep" and 0 < prep.i - tok.i <= 2 and joins_cue(prep, tok):
            if all(t.dep_ in ("prt", "advmod") for t in tok.doc[tok.i + 1:prep.i]):
                return prep
    return None


def _is_recipient(tok: Token, obj: Token) -> bool:
    """Return True when the object of "tell"/"inform" names who was told, not what."""
    return tok.lemma_ in ("tell", "inform", "assure", "warn", "remind", "urge") and obj.pos_ in ("PROPN", "PRON", "NOUN")


def recipient_relay(tok: Token) -> list[Span]:
    """Return the media recipient of "told" ("told Russian agencies") as a relay."""
    if tok.lemma_ != "tell":
        return []
    obj = child_with(tok, "dobj", "dative")
    if obj is not None and obj.lemma_.lower() in word_class("media"):
        span = subtree_span(obj)
        return [span] if span else []
    return []


def raising_content(tok: Token) -> Span | None:
    """Return "X ... Y" for raising verbs whose subject belongs to the content.

    Passives without an agent ("Kim is expected to visit", "he is said to be ill") and verbs of
    appearance ("he appears uneasy", "the state seems stable") attribute the whole proposition,
    subject included, to an unnamed source.
    """
    lemma = tok.lemma_.lower()
    if lemma in word_class("raising"):
        subj = child_with(tok, "nsubjpass")
        comps: tuple[str, ...] = ("xcomp", "ccomp")
    elif lemma in word_class("appearance"):
        subj = child_with(tok, "nsubj")
        comps = ("xcomp", "ccomp", "acomp", "attr", "oprd")
    else:
        return None
    comp = child_with(tok, *comps)
    if subj is None or comp is None or child_with(tok, "agent") is not None or comp.i < tok.i or subj.i > tok.i:
        return None
    return token_range_span(tok.doc, subj.left_edge.i, comp.right_edge.i)


#: How far a content cut short inside its sentence is extended ("sentence" or "clause": to the next comma).
RUN_ON_MODE = "clause"
_RUN_ON_STOPS = frozenset({",", ";", "—", "–", "--", ":", "(", ")"})


def extend_run_on(doc: Doc, content: Span, sentence_end: int) -> Span:
    """Extend a content span that stops mid-clause, just before a word, over the rest of the sentence.

    The parser often attaches the end of a reported clause ("... in 1987", "... so he would not be
    accused") to the reporting verb; PolNeAR's content runs on to the end of the clause. A content
    followed by punctuation, a line break or a coordinating conjunction is left as it is.
    """
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or not len(span):
        return content
    j = span.end
    if j >= len(doc) or doc[j].idx >= sentence_end:
        return content
    nxt = doc[j]
    if nxt.is_punct or _ends_run_on(nxt) or nxt.pos_ == "CCONJ" or "\n" in span[-1].whitespace_:
        return content
    last = j
    while last + 1 < len(doc) and doc[last + 1].idx < sentence_end and not _ends_run_on(doc[last + 1]):
        last += 1
    while last > j and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return content[0], doc[last].idx + len(doc[last].text)


def _ends_run_on(tok: Token) -> bool:
    """Return True when ``tok`` ends a run-on content: a clause break, a line break, a quotation
    mark, or the start of another attribution ("according to")."""
    if tok.is_space or is_quote_token(tok) or tok.lower_ == "according":
        return True
    return tok.is_punct and (RUN_ON_MODE == "sentence" or tok.text in _RUN_ON_STOPS)


def crosses_line(text: str, span: Span, cue_at: int) -> bool:
    """Return True when a line break separates ``span`` from the cue at ``cue_at``."""
    lo, hi = (span[1], cue_at) if span[1] <= cue_at else (cue_at, span[0])
    return "\n" in text[lo:hi]


def complete_quote(content: Span, quotes: QuoteIndex) -> Span:
    """Extend a content span that stops inside a quotation it opened to the quotation's end."""
    last = quotes.containing(content[1] - 1)
    if last is not None and content[0] <= last[0] + 1 and last[1] > content[1]:
        return content[0], last[1]
    return content


def prefer_quote(tok: Token, content: Span | None, quote: Span, follows: bool) -> bool:
    """Decide between the syntactic complement and an adjacent quotation as the content."""
    if content is None:
        return True
    if quote[0] - 2 <= content[0] and content[1] <= quote[1] + 2:
        return True
    right_of_cue = content[0] > tok.idx
    return follows and not right_of_cue


#: Dependents of a cue verb that, after its clausal complement, end the content (another predicate).
_STOP_DEPS = frozenset({"conj", "cc", "parataxis"})
_DASHES = frozenset({"—", "–", "--", "-", ";", ":", "("})


def extend_over_adjuncts(tok: Token, content: Span) -> Span:
    """Extend a clausal content over the cue verb's later dependents that the parser misattached.

    "said he met Trump, something many doubted" or "said it was done in 1987" often hang the
    end of the reported clause on the reporting verb; PolNeAR's content runs on over them, and
    over a second reported clause ("said X, but that Y"). Another predicate of the cue verb
    (", but did not recommend ..."), a contrast (", while 13 percent ..."), a dash or a line
    break ends the content.
    """
    doc = tok.doc
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or not len(span):
        return content
    last = span[-1].i
    later = [c for c in tok.children if c.i > last]
    for k, child in enumerate(later):
        if child.dep_ == "punct" and child.text not in _DASHES:
            continue
        if child.dep_ == "cc" and any(_that_clause_conj(c) for c in later[k + 1:]):
            continue
        if child.dep_ in _STOP_DEPS and not _that_clause_conj(child) or child.dep_ == "punct" or _contrast(child):
            break
        if any("\n" in t.whitespace_ or t.is_space for t in doc[last:child.right_edge.i + 1]):
            break
        last = child.right_edge.i
    return token_range_span(doc, span[0].i, last) or content


def _that_clause_conj(tok: Token) -> bool:
    """Return True when ``tok`` is a coordinated clause opened by "that" ("..., and that Y")."""
    return tok.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children)


#: Words opening an adjunct that contrasts another group or view with the content ("while 13 percent ...").
_CONTRAST_WORDS = frozenset({"while", "whereas", "however", "compared", "unlike", "meanwhile"})


def _contrast(child: Token) -> bool:
    """Return True when a dependent after the content opens a contrast ("while ...", "compared with ...")."""
    return child.left_edge.lower_ in _CONTRAST_WORDS or child.lower_ in _CONTRAST_WORDS


# --- contents of tagged cues and fallback frames -------------------------------------------------

#: Complements of a cue word that hold its content, in order of preference.
_COMPLEMENTS = ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "advcl")
#: Complements read as objects, extended over the dependents that follow them ("call X *a liar*").
_OBJECTS = frozenset({"dobj", "attr", "oprd"})
#: Parts of speech of the cue words whose complements may hold the content.
_ANCHOR_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "ADP", "PROPN"})
#: Named-entity types of a prepositional object that is a setting, not a content ("spoke *at the White House*").
_SETTING_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})


def cue_anchors(tok: Token, cue: Span | None) -> list[Token]:
    """Return the cue words whose complements may hold the content: the cue's words from last to
    first ("shot back, *saying*", "called *for*"), then the head ``tok``; just ``tok`` without a cue span."""
    if cue is None:
        return [tok]
    words = tok.doc.char_span(cue[0], cue[1], alignment_mode="expand")
    found = [t for t in reversed(list(words or [])) if t.pos_ in _ANCHOR_POS]
    return found + ([tok] if tok not in found else [])


def _outside_cue(tok: Token, cue: Span | None) -> bool:
    """Return True when ``tok``'s subtree starts after the cue (or no cue span is known)."""
    return cue is None or tok.left_edge.idx >= cue[1]


def complement_content(tok: Token, cue: Span | None = None) -> Span | None:
    """Return the span of the first complement of ``tok`` after the cue that can hold a content.

    A preposition gives its object (extended like a verb's object); another word its clause, open
    complement or object, then the object of a preposition that is not a setting ("spoke at the
    White House *about X*"), then its passive subject before the cue.

    Args:
        tok: A word of the cue.
        cue: The cue's character span; complements starting inside it are skipped, but for a mark
            ("called *for* X to resign").
    """
    doc = tok.doc
    if tok.pos_ == "ADP":
        obj = child_with(tok, "pobj", "pcomp")
        if obj is None or not _outside_cue(obj, cue):
            return None
        return object_content(tok.head, obj) if tok.dep_ == "prep" else subtree_span(obj)
    for dep in _COMPLEMENTS:
        comp = next((c for c in tok.children if c.dep_ == dep and c.i > tok.i and (cue is None or c.idx >= cue[1])), None)
        if comp is not None:
            if dep in _OBJECTS and comp.left_edge.idx >= (cue[1] if cue is not None else 0):
                return object_content(tok, comp)  # "describing *their meeting as* ..."
            first = comp.left_edge.i
            while cue is not None and doc[first].idx < cue[1]:
                first += 1  # a complement's mark inside the cue ("called *for* X to resign")
            return cut_tail(doc, first, comp.right_edge.i, comp.i)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.i > tok.i and c.lower_ not in SOURCE_PREPS):
        obj = child_with(prep, "pobj", "pcomp")
        if obj is not None and obj.ent_type_ not in _SETTING_ENTS and _outside_cue(obj, cue):
            return cut_tail(doc, obj.left_edge.i, obj.right_edge.i, obj.i)
    subj = child_with(tok, "nsubjpass")
    if subj is not None and (cue is None or subj.right_edge.idx < cue[0]):
        return subtree_span(subj)
    return None


def modifier_content(tok: Token) -> Span | None:
    """Return the content of a modifier cue.

    That is the noun phrase a participle with an agent modifies ("firms *sued* by the NAACP"),
    the relative pronoun a relative clause takes ("which he *shares*"), or the noun an adjective
    or compound cue modifies ("*self-described* socialist").
    """
    head = tok.head
    if head.i == tok.i or tok.dep_ not in ("relcl", "acl", "amod", "compound"):
        return None
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and child_with(tok, "agent") is not None:
        return subtree_span(head)
    if tok.dep_ in ("relcl", "acl"):
        rel = next((c for c in tok.children if c.dep_ in ("dobj", "pobj", "nsubjpass") and c.tag_ in ("WDT", "WP")), None)
        return subtree_span(rel) if rel is not None else None
    return subtree_span(head, [tok] + [c for c in head.children if c.dep_ == "relcl" and c.i > head.i])


def after_cue(doc: Doc, cue: Span) -> Span | None:
    """Return the largest constituent that starts right after a cue span ("mum on *the topic*").

    Separating punctuation after the cue is skipped; an opening quotation mark is kept. Nothing
    is returned when a conjunction or a closing mark follows, or the next line starts.
    """
    toks = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    if toks is None or not len(toks) or toks.end >= len(doc):
        return None
    inside = {t.i for t in toks}
    first = doc[toks.end]
    while first.i + 1 < len(doc) and (first.is_punct and not is_quote_token(first) or first.is_space):
        first = doc[first.i + 1]
    if first.pos_ == "CCONJ" or first.is_punct and not is_quote_token(first):
        return None
    if is_quote_token(first) and first.i + 1 < len(doc):
        span = after_cue(doc, (cue[0], first.idx + len(first.text)))
        return (first.idx, span[1]) if span is not None else None
    if first.sent.start != toks[-1].sent.start and "\n" in doc[first.i - 1].whitespace_ + doc[first.i - 1].text:
        return None
    top = first
    while top.head.i != top.i and top.head.i not in inside and top.head.left_edge.i >= first.i:
        top = top.head
    return subtree_span(top)
