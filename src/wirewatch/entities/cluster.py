"""Clustering name mentions into entities: one entity per real-world actor in a document.

Full names come first; a shorter mention joins the entity whose name contains it as first or
last word (``Putin`` -> ``Vladimir Putin``, ``Kim`` -> ``Kim Jong-un``), a person's surname even
when NER labels it an organization; an acronym joins the
organization it abbreviates (``KCNA`` -> ``Korean Central News Agency``); two names that the
knowledge base knows as one actor are one entity.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirewatch.document import Span
from wirewatch.entities.kb.normalize import fold
from wirewatch.entities.mentions import NameMention


def key_of(name: str) -> str:
    """The comparison key of a name: folded, lower-case, hyphens as spaces, no leading 'the'."""
    k = fold(name).lower().replace("-", " ").replace(".", "")
    k = " ".join(k.split())
    return k[4:] if k.startswith("the ") else k


@dataclass
class Cluster:
    """Mentions believed to name one actor."""

    label: str
    names: list[str] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)
    actor: Any = None  # the knowledge-base Actor, if linked

    @property
    def best_name(self) -> str:
        """The longest name among the mentions."""
        return max(self.names, key=lambda n: (len(n.split()), len(n)))

    def words(self) -> set[str]:
        """The first and last words of each full name (the parts a short mention may use)."""
        out: set[str] = set()
        for n in self.names:
            parts = key_of(n).split()
            if len(parts) > 1:
                out.update({parts[0], parts[-1]})
                if len(parts) > 2:
                    out.add(" ".join(parts[:-1]))
        return out

    def surnames(self) -> set[str]:
        """The last words of the multi-word names."""
        return {key_of(n).split()[-1] for n in self.names if len(key_of(n).split()) > 1}

    def initials(self) -> set[str]:
        """Acronyms of the multi-word names (``Korean Central News Agency`` -> ``kcna``)."""
        out = set()
        for n in self.names:
            parts = [p for p in key_of(n).split() if p not in {"of", "the", "and", "for"}]
            if len(parts) > 1:
                out.add("".join(p[0] for p in parts))
        return out


def _find(clusters: list[Cluster], m: NameMention) -> Cluster | None:
    key = key_of(m.name)
    for c in clusters:
        if key in {key_of(n) for n in c.names}:
            return c
    short = len(key.split()) == 1
    for c in clusters:
        if c.label != m.label:
            continue
        if m.label == "person" and key in c.words():
            return c
        if m.label == "organization" and short and key in c.initials():
            return c
    for c in clusters:
        if short and m.label == "organization" and c.label == "person" and key in c.surnames():
            return c            # NER takes a surname for an organization at times ("Trump said")
    return None


def cluster_mentions(mentions: list[NameMention], link: Any) -> list[Cluster]:
    """Group mentions into clusters, then link each to the knowledge base and merge those that
    name the same actor; ``link(cluster)`` returns a knowledge-base actor or None."""
    order = sorted(mentions, key=lambda m: (-len(key_of(m.name).split()), m.span.start))
    clusters: list[Cluster] = []
    for m in order:
        c = _find(clusters, m)
        if c is None:
            c = Cluster(label=m.label)
            clusters.append(c)
        c.names.append(m.name)
        c.mentions.append(m)
    merged: list[Cluster] = []
    for c in clusters:
        c.actor = link(c)
        same = next((x for x in merged if c.actor is not None and x.actor is not None
                     and (x.actor.name, x.actor.wikidata) == (c.actor.name, c.actor.wikidata)), None)
        if same is None:
            merged.append(c)
        else:
            same.names += c.names
            same.mentions += c.mentions
    merged.sort(key=lambda c: min(x.span.start for x in c.mentions))
    return merged


def repeated_names(sdoc: Any, clusters: list[Cluster], skip: list[Any]) -> list[tuple[Cluster, NameMention]]:
    """Later bare surnames of named people that NER missed (``Slepian, 52, was shot``).

    A person's last name, once the full name is in the text, names that person wherever it
    stands as a proper noun that no entity covers: exact string match of a name part, the
    first step of rule-based coreference. A surname two people of the text share is left alone.
    """
    owners: dict[str, list[Cluster]] = {}
    for c in clusters:
        if c.label != "person":
            continue
        for n in c.surnames():
            owners.setdefault(n, []).append(c)
    owned = {n: cs[0] for n, cs in owners.items() if len(cs) == 1 and len(n) > 2}
    if not owned:
        return []
    covered = {i for c in clusters for m in c.mentions for i in range(m.span.start, m.span.end)}
    named = {t.i for e in sdoc.ents if e.label_ != "NORP" for t in e}   # NER takes surnames for NORP at times
    out = []
    for tok in sdoc:
        owner = owned.get(key_of(tok.text)) if tok.pos_ == "PROPN" and tok.is_title else None
        if owner is None or tok.i in named or tok.idx in covered:
            continue
        if any(s.start <= tok.idx < s.end for s in skip):
            continue
        if (tok.i > 0 and tok.nbor(-1).pos_ == "PROPN") or (tok.i + 1 < len(sdoc) and tok.nbor(1).pos_ == "PROPN"):
            continue            # part of a longer name NER did not see ("Slepian Foundation")
        if min(m.span.start for m in owner.mentions) > tok.idx:
            continue            # before the full name, a bare surname may be someone else
        out.append((owner, NameMention(Span(tok.idx, tok.idx + len(tok.text)), tok.text, "person", tok.sent.start_char)))
    return out
