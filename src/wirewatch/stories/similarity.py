"""Pairwise similarity of two reports: could they state the same real-world act, and how likely.

Two kinds of signal. *Vetoes* say two reports cannot be the same act: different types,
parties of different countries with no person or body in common, acts a day or more apart,
an act done by one side versus the other for a directed type. *Scores* weigh the rest: how
far the parties agree (countries and identities), how precisely the dates agree, the place,
the wording of the evidence and the mode. The weights are reasoned, not fitted (see
:data:`WEIGHTS`): the parties and the date carry most, the evidence breaks ties between
acts of one day.
"""
from __future__ import annotations

import math
from collections.abc import Set
from dataclasses import dataclass
from typing import Protocol

from wirewatch.stories.reports import PLANNED, Place, Report

# Types where who acts on whom can be told either way round (guest/host, joint statements).
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})

# Weights of the scores (sum 1). Parties and date identify an act; the evidence wording
# separates acts of one day between the same parties; place and mode only confirm.
WEIGHTS = {"parties": 0.35, "date": 0.30, "evidence": 0.20, "place": 0.10, "mode": 0.05}
# A report joins a story when its mean score with the story's reports reaches this.
# Reasoned: same parties and same day, nothing else known (0.35 + 0.30 + 0.5*0.10 +
# 0.5*0.05 = 0.725) joins; same parties within a planned window of weeks and no shared
# wording (0.35 + 0.3*0.25 + 0.075 = 0.50) is on the edge; a one-day disagreement needs
# the wording to agree.
THRESHOLD = 0.5
# Evidence overlap (Dice on content words) a report without parties needs to join anything.
PARTYLESS_EVIDENCE = 0.25
# Places closer than this are the same place (km); farther and in another country, a clash.
NEAR_KM, FAR_KM = 60.0, 400.0


@dataclass(frozen=True)
class Scores:
    """The component scores of a pair, each in [0, 1], and their weighted sum."""

    parties: float
    date: float
    evidence: float
    place: float
    mode: float

    @property
    def total(self) -> float:
        """The weighted sum."""
        return sum(WEIGHTS[k] * getattr(self, k) for k in WEIGHTS)


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice overlap of two word sets (0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def day_gap(a: Report, b: Report) -> int | None:
    """Days between the two acts' windows (0 when they overlap, None when either is unknown)."""
    if a.window is None or b.window is None:
        return None
    (s1, e1), (s2, e2) = a.window, b.window
    if s1 <= e2 and s2 <= e1:
        return 0
    return (s2 - e1).days if s2 > e1 else (s1 - e2).days


class Parties(Protocol):
    """The parties of a report, or united over a story's reports."""

    @property
    def countries(self) -> Set[str]: ...
    @property
    def keys(self) -> Set[str]: ...
    @property
    def words(self) -> Set[str]: ...
    @property
    def roles(self) -> Set[str]: ...
    @property
    def body_roles(self) -> Set[str]: ...


def same_party(a: Parties, b: Parties) -> bool:
    """A person or body named by both (by id or name, or a one-word name a word of the other's)."""
    return bool(a.keys & b.keys) or bool(a.keys & b.words) or bool(b.keys & a.words)


def parties_clash(a: Parties, b: Parties) -> bool:
    """Parties that cannot be the same act's: disjoint countries and no person or body in common."""
    ca, cb = a.countries, b.countries
    if not ca or not cb or ca & cb:
        return False
    return not same_party(a, b)


def direction_clash(a: Report, b: Report) -> bool:
    """For a directed type, one report's actors are only the other's recipients and vice versa."""
    if a.type in SYMMETRIC:
        return False
    aa, ab, ra, rb = a.actor_countries, b.actor_countries, a.recipient_countries, b.recipient_countries
    if not aa or not ab or aa & ab:
        return False
    return bool(aa & rb) and bool(ab & ra)


def compatible(a: Report, b: Report, parties: bool = True) -> bool:
    """Whether two reports of different documents could state the same act (the vetoes).

    ``parties=False`` is the pair's part of the vetoes when a story judges the parties of a
    report against all of its own: two reports that each name one side (one country each)
    may be the two sides of one act, which a third report naming both shows; a report naming
    both sides of an act still cannot be the act of a party it leaves out (see
    :func:`one_side_each`); and a report naming no party needs the wording or place of one of
    the story's reports, not of all.
    """
    if a.type != b.type or a.doc == b.doc:
        return False
    gap = day_gap(a, b)
    if gap is not None and gap > 1:
        return False
    if gap == 1 and not (a.day_precise and b.day_precise):
        return False
    if parties_clash(a, b) and (parties or not one_side_each(a, b)):
        return False
    if direction_clash(a, b) or counterpart_clash(a, b) or not status_order(a, b):
        return False
    if parties and not (a.countries and b.countries) and not same_party(a, b):
        return anchored(a, b)
    return True


def counterpart_clash(a: Report, b: Report) -> bool:
    """Both name two sides or more and each names a country the other does not: Leader A meeting
    B and Leader A meeting C on one day are two acts."""
    ca, cb = a.side_countries, b.side_countries
    return len(ca) >= 2 and len(cb) >= 2 and bool(ca - cb) and bool(cb - ca)


def one_side_each(a: Report, b: Report) -> bool:
    """Each report names the parties of one country only: they may tell the two sides of one act."""
    return len(a.countries) == 1 and len(b.countries) == 1


def anchored(a: Report, b: Report) -> bool:
    """Without parties to compare, the same act needs the same wording or the same place."""
    return dice(a.tokens, b.tokens) >= PARTYLESS_EVIDENCE or same_place(a.place, b.place)


def country_agreement(ca: Set[str], cb: Set[str]) -> float:
    """How far two sets of party countries agree: the mean of their Jaccard and overlap coefficients.

    A report often names one side of an act ("Putin said his talks were constructive"): its
    countries a part of the other's are no disagreement (overlap coefficient 1), though
    naming the same parties agrees more (Jaccard 1 as well).
    """
    shared = len(ca & cb)
    return 0.5 * (shared / len(ca | cb) + shared / min(len(ca), len(cb)))


def stands_in(a: Parties, b: Parties) -> bool:
    """A body or group of one side may speak for a named party of the other: same country and sector.

    "The Kremlin" for Putin, "U.S. officials" for Biden: another name for the same side, not
    another party. Two different people, or a body of another sector (the FSB and Wagner's
    chief), are not stand-ins.
    """
    return bool(a.body_roles & b.roles) or bool(b.body_roles & a.roles)


def party_agreement(a: Parties, b: Parties) -> float:
    """Agreement of two sets of parties: countries (:func:`country_agreement`) and shared identities.

    Identities: the same person or body counts for; none in common counts a little against,
    unless a body of one side may stand in for a party of the other (:func:`stands_in`), which
    says nothing either way.
    """
    ca, cb = a.countries, b.countries
    shared = same_party(a, b)
    if not ca and not cb:
        return 0.3
    if not ca or not cb:
        return 0.7 if shared else 0.4
    ident = 1.0 if shared else (0.5 if not a.keys or not b.keys or stands_in(a, b) else 0.25)
    return 0.6 * country_agreement(ca, cb) + 0.4 * ident


def party_score(a: Report, b: Report) -> float:
    """Agreement of the parties of two reports (see :func:`party_agreement`)."""
    return party_agreement(a, b)


def date_score(a: Report, b: Report) -> float:
    """Agreement of the dates: 1 for the same day, less the wider the windows, 0 a day apart."""
    gap = day_gap(a, b)
    if gap is None:
        return 0.3
    if gap > 0:
        return 0.0
    assert a.window is not None and b.window is not None
    width = max((a.window[1] - a.window[0]).days, (b.window[1] - b.window[0]).days) + 1
    if width <= 1:
        return 1.0
    return max(0.25, 1.0 - 0.25 * math.log2(width))


def distance_km(p: Place, q: Place) -> float | None:
    """Great-circle distance between two places with coordinates."""
    if p.lat is None or p.lon is None or q.lat is None or q.lon is None:
        return None
    la1, lo1, la2, lo2 = map(math.radians, (p.lat, p.lon, q.lat, q.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def same_place(p: Place | None, q: Place | None) -> bool:
    """The same place by gazetteer id, name, or a few kilometres (countries only by id or name)."""
    if p is None or q is None:
        return False
    if (p.geonames and p.geonames == q.geonames) or p.name.lower() == q.name.lower():
        return True
    if "country" in (p.feature, q.feature):
        return False
    d = distance_km(p, q)
    return d is not None and d <= NEAR_KM


def place_score(a: Report, b: Report) -> float:
    """1 the same place, 0.6 the same country, 0.5 unknown, 0 far apart in other countries."""
    p, q = a.place, b.place
    if p is None or q is None:
        return 0.5
    if same_place(p, q):
        return 1.0
    if p.country and p.country == q.country:
        return 0.6
    d = distance_km(p, q)
    if d is not None and d >= FAR_KM and p.country and q.country:
        return 0.0
    return 0.4


def mode_score(a: Report, b: Report) -> float:
    """1 the same PLOVER mode, 0.5 either unknown, 0 different."""
    if not a.mode or not b.mode:
        return 0.5
    return 1.0 if a.mode == b.mode else 0.0


def scores(a: Report, b: Report) -> Scores:
    """The component scores of two compatible reports."""
    return Scores(party_score(a, b), date_score(a, b), dice(a.tokens, b.tokens), place_score(a, b), mode_score(a, b))


_W_PARTIES, _W_DATE, _W_EVIDENCE, _W_PLACE, _W_MODE = (WEIGHTS[k] for k in ("parties", "date", "evidence", "place",
                                                                             "mode"))


def weighted(a: Report, b: Report) -> float:
    """``scores(a, b).total`` without building the components (the clustering's inner loop)."""
    return _W_PARTIES * party_score(a, b) + weighted_act(a, b)


def weighted_act(a: Report, b: Report) -> float:
    """The weighted scores of the act itself (date, evidence, place, mode): ``weighted`` without the parties."""
    return (_W_DATE * date_score(a, b) + _W_EVIDENCE * dice(a.tokens, b.tokens) + _W_PLACE * place_score(a, b)
            + _W_MODE * mode_score(a, b))


def similarity(a: Report, b: Report) -> float:
    """The weighted score of two reports, or 0 when a veto applies."""
    return scores(a, b).total if compatible(a, b) else 0.0


def status_order(a: Report, b: Report) -> bool:
    """A planned report published after an occurred one dated before it cannot be announcing it."""
    for p, o in ((a, b), (b, a)):
        if p.status in PLANNED and o.status == "occurred" and p.published and o.start and p.published > o.start:
            return False
    return True
