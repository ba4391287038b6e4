"""Clustering reports into stories: one document's repeats collapsed, then greedy assignment in blocks.

1. Within one document, the same act stated twice (the headline and the lead, a recap) is
   one report: the best-stated one is kept and takes the others' claims (and their place
   when it gives none).
2. Reports are taken most precisely dated first; each joins the story it scores best with
   (its parties against the story's united parties, the act on average over the story's
   reports) if that reaches the threshold and no more than a quarter of the story's reports
   veto it (complete linkage on the vetoes, but that a clear majority outvotes one miscoded
   report) and the story has no report of the same document; otherwise it
   starts a story. Candidates come from blocks keyed by type, week and party country, so the
   cost grows with the size of a block, not of the store.
3. Stories that score as one story are joined, best pair first (:meth:`Clusterer.remerge`):
   after the day-dated reports, and at the end.

The same assignment serves a batch and the incremental store (a late report joins its story,
and joins two stories it shows to be one).
"""
from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from wirewatch.stories.reports import VAGUE_DAYS, Party, Report, identity_keys, party_codes
from wirewatch.stories.similarity import (
    SYMMETRIC,
    THRESHOLD,
    WEIGHTS,
    anchored,
    compatible,
    day_gap,
    dice,
    parties_clash,
    party_agreement,
    same_party,
    stands_in,
    weighted_act,
)

_W_PARTIES = WEIGHTS["parties"]
BLOCK_DAYS = 7
# A report whose two best stories score within this of each other (both above the threshold)
# joins neither: record linkage's ratio test against chance merges in crowded blocks.
AMBIGUITY_MARGIN = 0.05
# Candidate stories examined per report at most (the most recent in its blocks): bounds the
# cost where a block is crowded (a party-less report of a busy type and week).
MAX_CANDIDATES = 400
# Share of a story's reports (of the pairs, when two stories meet) whose vetoes a report may
# override: the vetoes come from coded events, and one report with a wrong status or date (a
# preview's "for his summit" dated to its flight, a "had been constructive" read as planned)
# would otherwise keep a story split for good. A quarter: a story of four reports outvotes one
# objector; one of three or fewer, none. Chosen on synthetic reports (3 seeds of 3,000 events:
# B-cubed F1 90.1 -> 91.0 at 0.25; 0.20 gave 90.8, 0.34 91.1, precision 98.3-98.4 throughout),
# the dev stories (75.1 -> 76.0 at any share from 0.2 to 0.5) only checked.
VETO_SHARE = 0.25


@dataclass
class Cluster:
    """A story being built: its reports, and summaries that rule out most reports at once.

    ``lo``..``hi`` is the intersection of the reports' windows (a report must come within a
    day of every one of them); ``countries`` and ``keys`` unite the reports' parties.
    """

    id: int
    reports: list[Report] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    lo: dt.date | None = None
    hi: dt.date | None = None
    countries: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    words: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    body_roles: set[str] = field(default_factory=set)

    def add(self, r: Report) -> None:
        """Add a report."""
        self.reports.append(r)
        self.docs.add(r.doc)
        if r.window is not None:
            self.lo = r.window[0] if self.lo is None else max(self.lo, r.window[0])
            self.hi = r.window[1] if self.hi is None else min(self.hi, r.window[1])
        self.countries |= r.countries
        self.keys |= r.keys
        self.words |= r.words
        self.roles |= r.roles
        self.body_roles |= r.body_roles

    def could_take(self, r: Report) -> bool:
        """False when some report of the story surely vetoes ``r`` (its document, its dates), or its parties
        are none of the story's (no country and no person or body in common)."""
        if r.doc in self.docs:
            return False
        if r.window is not None and self.lo is not None and self.hi is not None:
            if (r.window[0] - self.hi).days > 1 or (self.lo - r.window[1]).days > 1:
                return False
        if r.countries and self.countries:
            return bool(r.countries & self.countries) or same_party(r, self)
        return True

    def could_join(self, other: Cluster) -> bool:
        """False when the two stories surely cannot be one (a document in both, their dates, their parties)."""
        if self.docs & other.docs:
            return False
        if self.lo is not None and self.hi is not None and other.lo is not None and other.hi is not None:
            if (other.lo - self.hi).days > 1 or (self.lo - other.hi).days > 1:
                return False
        if self.countries and other.countries:
            return bool(self.countries & other.countries) or same_party(self, other)
        return True

    def party_score(self, other: Report | Cluster) -> float:
        """Agreement of a report's or story's parties with this story's parties (all its reports name, united)."""
        return party_agreement(other, self)


def _act_sum(pairs: Iterable[tuple[Report, Report]], n: int) -> float | None:
    """The act scores (``weighted_act``) summed over ``n`` pairs of reports, a vetoing pair adding 0;
    None when more than :data:`VETO_SHARE` of the pairs veto (the rest cannot outvote them)."""
    total = 0.0
    vetoes = 0
    for x, y in pairs:
        if not compatible(x, y, parties=False):
            vetoes += 1
            if vetoes > VETO_SHARE * n:
                return None
            continue
        total += weighted_act(x, y)
    return total


def _partied(a: Report | Cluster, b: Cluster) -> bool:
    """Both name party countries, or share a person or body: the parties can be compared."""
    return bool(a.countries and b.countries) or same_party(a, b)


def _best_key(r: Report) -> tuple[int, int, int, int, float, int]:
    return (int(not r.headline), int(r.day_precise), len(r.countries), len(r.claims), r.confidence, len(r.evidence))


def _named_clash(a: Report, b: Report) -> bool:
    """Both name who acts and no one is named by both (either role for a symmetric type), nor does a body
    of one stand in for a party of the other (:func:`~wirewatch.stories.similarity.stands_in`)."""
    sym = a.type in SYMMETRIC
    named_a = _Named([p for p in (a.actors + a.recipients if sym else a.actors) if p.named])
    named_b = _Named([p for p in (b.actors + b.recipients if sym else b.actors) if p.named])
    if not named_a.keys or not named_b.keys:
        return False
    return not same_party(named_a, named_b) and not stands_in(named_a, named_b)


class _Named:
    """The parties of one role of a report, as :class:`~wirewatch.stories.similarity.Parties`."""

    def __init__(self, parties: list[Party]) -> None:
        self.countries = party_codes(parties)
        self.keys, self.words = identity_keys(parties)
        self.roles = frozenset(r for p in parties if (r := p.role))
        self.body_roles = frozenset(r for p in parties if p.kind != "person" and (r := p.role))


def same_act_in_doc(a: Report, b: Report) -> bool:
    """Two events of one document that state the same act (a headline and its lead, a restatement)."""
    if a.type != b.type or parties_clash(a, b):
        return False
    if _named_clash(a, b):
        return False
    if a.headline or b.headline:
        gap = day_gap(a, b)
        return gap is None or gap <= 3 or not (a.day_precise and b.day_precise)
    if day_gap(a, b) not in (0, None):
        return False
    # the same day, or a stated week or month holding the other's day, and the parties of one a part of
    # the other's: one act told again with fewer details ("Wednesday's summit" and "the summit in June")
    nested = bool(a.countries and b.countries) and (a.countries <= b.countries or b.countries <= a.countries)
    return dice(a.tokens, b.tokens) >= 0.4 or (nested and _one_day_within(a, b))


def _one_day_within(a: Report, b: Report) -> bool:
    """One report dates the act to a day and the other to a stated interval of a month at most that holds it."""
    if not (a.day_precise or b.day_precise) or a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    wide = max((a.end - a.start).days, (b.end - b.start).days)
    return wide <= VAGUE_DAYS and a.start <= b.end and b.start <= a.end


def collapse_document(reports: list[Report]) -> list[Report]:
    """One report per act of a document: repeats merged into the best-stated one (claims united)."""
    kept: list[Report] = []
    for r in sorted(reports, key=_best_key, reverse=True):
        twin = next((k for k in kept if same_act_in_doc(k, r)), None)
        if twin is None:
            kept.append(r)
            continue
        if twin.place is None:   # the act told again may say where it happened
            twin.place = r.place
        twin.claims = tuple(dict.fromkeys(twin.claims + r.claims))
        twin.originators = tuple(dict.fromkeys(twin.originators + r.originators))
        twin.stance = max(twin.stance, r.stance)
    return sorted(kept, key=lambda r: _event_number(r.event))


def _event_number(event_id: str) -> tuple[int, str]:
    digits = "".join(ch for ch in event_id if ch.isdigit())
    return (int(digits) if digits else 0, event_id)


def block_keys(r: Report) -> tuple[tuple[str, str, int], ...]:
    """The blocks of a report: (type, party country or '*', week number), for each week its window spans."""
    cached = r.__dict__.get("_blocks")
    if cached is None:
        cached = r.__dict__["_blocks"] = tuple(_block_keys(r))
    return cached


def _block_keys(r: Report) -> Iterator[tuple[str, str, int]]:
    if r.window is None:
        weeks: Iterable[int] = (-1,)
    else:
        lo = (r.window[0] - dt.timedelta(days=1)).toordinal() // BLOCK_DAYS
        hi = (r.window[1] + dt.timedelta(days=1)).toordinal() // BLOCK_DAYS
        weeks = range(lo, hi + 1)
    codes = sorted(r.countries) or ["*"]
    for w in weeks:
        for c in codes:
            yield r.type, c, w


class Clusterer:
    """Greedy, block-indexed assignment of reports to stories."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.clusters: dict[int, Cluster] = {}
        self._blocks: dict[tuple[str, str, int], list[int]] = defaultdict(list)
        self._by_week: dict[tuple[str, int], list[int]] = defaultdict(list)
        self._next = 1
        self.changed: set[int] = set()   # stories given a report since the last remerge

    def add_cluster(self, cluster: Cluster) -> None:
        """Index an existing story (from the store) so new reports can join it."""
        self.clusters[cluster.id] = cluster
        self._next = max(self._next, cluster.id + 1)
        for r in cluster.reports:
            self._index(cluster.id, r)

    def reserve(self, next_id: int) -> None:
        """New stories get ids from ``next_id`` on."""
        self._next = max(self._next, next_id)

    def _index(self, cid: int, r: Report) -> None:
        for key in block_keys(r):
            lst = self._blocks[key]
            if not lst or lst[-1] != cid:
                lst.append(cid)
            wk = self._by_week[(key[0], key[2])]
            if not wk or wk[-1] != cid:
                wk.append(cid)

    def candidates(self, r: Report) -> list[int]:
        """Stories sharing a block with the report (all of its type and weeks if it has no parties)."""
        seen: dict[int, None] = {}
        for t, c, w in block_keys(r):
            src = self._by_week[(t, w)] if c == "*" else self._blocks[(t, c, w)] + self._blocks[(t, "*", w)]
            for cid in src[-MAX_CANDIDATES:]:
                seen[cid] = None
        return [cid for cid in seen if cid in self.clusters]   # a story joined to another is gone

    def score(self, r: Report, cluster: Cluster) -> float:
        """Similarity of a report to a story; 0 if its document is there or its reports veto it.

        The parties are weighed against the story's parties (a report naming one side of a
        meeting agrees with a story of both); the act (date, wording, place, mode) is the mean
        over the story's reports (average linkage, a vetoing report counting 0), and the reports'
        vetoes apply (complete linkage) but the party veto, which the story's parties as a whole
        decide, and but the vetoes of at most a quarter of them (:data:`VETO_SHARE`), which the
        rest outvote.
        """
        if not cluster.could_take(r):
            return 0.0
        total = _act_sum(((r, m) for m in cluster.reports), len(cluster.reports))
        if total is None:
            return 0.0
        if not _partied(r, cluster) and not any(anchored(r, m) for m in cluster.reports):
            return 0.0
        return _W_PARTIES * cluster.party_score(r) + total / len(cluster.reports)

    def join_score(self, a: Cluster, b: Cluster) -> float:
        """Similarity of two stories, as :meth:`score` of a report: parties united, act mean over all pairs."""
        if not a.could_join(b):
            return 0.0
        total = _act_sum(((x, y) for x in a.reports for y in b.reports), len(a.reports) * len(b.reports))
        if total is None:
            return 0.0
        if not _partied(a, b) and not any(anchored(x, y) for x in a.reports for y in b.reports):
            return 0.0
        return _W_PARTIES * a.party_score(b) + total / (len(a.reports) * len(b.reports))

    def neighbours(self, cluster: Cluster) -> set[int]:
        """Other stories sharing a block with one of the story's reports."""
        out: set[int] = set()
        for t, c, w in {k for r in cluster.reports for k in block_keys(r)}:
            src = self._by_week[(t, w)] if c == "*" else self._blocks[(t, c, w)] + self._blocks[(t, "*", w)]
            out.update(src[-MAX_CANDIDATES:])
        out.discard(cluster.id)
        return {cid for cid in out if cid in self.clusters}

    def remerge(self, ids: Iterable[int] | None = None) -> dict[int, int]:
        """Join stories that score as one story (a late report bridging two), best pair first.

        Greedy assignment depends on the order of the reports: a story's first reports may
        each name one side, or be dated vaguely, and start two stories that later reports
        show to be one. This is average-linkage agglomeration over the stories sharing a
        block with ``ids`` (default: all; two stories unchanged since they were last compared
        stay apart), stopped at the threshold a report needs to join a story. Returns the
        joined stories: {absorbed id: kept id}.
        """
        heap: list[tuple[float, int, int, int, int]] = []
        seeds = list(self.clusters) if ids is None else [i for i in ids if i in self.clusters]
        self.changed = set()
        seeded = set(seeds)
        for cid in seeds:
            self._push_pairs(heap, self.clusters[cid], seeded)
        joined: dict[int, int] = {}
        while heap:
            neg, a_id, b_id, na, nb = heapq.heappop(heap)
            a, b = self.clusters.get(a_id), self.clusters.get(b_id)
            if a is None or b is None or (len(a.reports), len(b.reports)) != (na, nb):
                continue   # a stale pair: one of them has changed since it was scored
            keep, gone = (a, b) if (len(a.reports), -a.id) >= (len(b.reports), -b.id) else (b, a)
            for r in gone.reports:
                keep.add(r)
                self._index(keep.id, r)
            del self.clusters[gone.id]
            joined[gone.id] = keep.id
            self._push_pairs(heap, keep, set())
        return {gone: _final(joined, gone) for gone in joined}

    def _push_pairs(self, heap: list[tuple[float, int, int, int, int]], a: Cluster, seeded: set[int]) -> None:
        for oid in self.neighbours(a):
            if oid < a.id and oid in seeded:
                continue   # scored from the other side, which is a seed too
            b = self.clusters[oid]
            s = self.join_score(a, b)
            if s >= self.threshold:
                heapq.heappush(heap, (-s, a.id, b.id, len(a.reports), len(b.reports)))

    def assign(self, r: Report) -> int:
        """Put a report in its best story (or a new one); return the story's id.

        A report that fits two stories about equally well (a vague date, one party named) is
        ambiguous: it starts its own story rather than join one of them by chance.
        """
        best, best_score, second = None, self.threshold, 0.0
        for cid in self.candidates(r):
            s = self.score(r, self.clusters[cid])
            if s >= best_score:
                best, best_score, second = cid, s, best_score if best is not None else second
            elif s > second:
                second = s
        if best is not None and second >= self.threshold and best_score - second < AMBIGUITY_MARGIN:
            best = None
        if best is None:
            best = self._next
            self._next += 1
            self.clusters[best] = Cluster(best)
        self.clusters[best].add(r)
        self.changed.add(best)
        self._index(best, r)
        return best


def precision_class(r: Report) -> int:
    """How precisely a report dates its act: 0 a day, 1 wider or undated."""
    return int(not r.day_precise)


def assignment_order(reports: Iterable[Report]) -> list[Report]:
    """Most precisely dated and best-partied first, then by date and document: strong cores form first."""
    def key(r: Report) -> tuple[int, int, str, str, tuple[int, str]]:
        width = (r.window[1] - r.window[0]).days if r.window else 10**6
        return (min(width, 10**6), -len(r.countries), str(r.window[0] if r.window else ""), r.doc,
                _event_number(r.event))
    return sorted(reports, key=key)


def _final(joined: dict[int, int], cid: int) -> int:
    while cid in joined:
        cid = joined[cid]
    return cid


def cluster_reports(reports: Iterable[Report], threshold: float = THRESHOLD) -> list[list[Report]]:
    """Group reports (already one per act per document) into stories."""
    c = Clusterer(threshold)
    stage = None
    for r in assignment_order(reports):
        if precision_class(r) != stage:
            c.remerge(c.changed)   # the cores of better-dated reports join before vaguer reports attach to one
            stage = precision_class(r)
        c.assign(r)
    c.remerge(c.changed)
    return [cl.reports for cl in c.clusters.values()]
