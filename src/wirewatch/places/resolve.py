"""Resolution of recognized mentions to gazetteer places in the context of the whole document.

Each distinct name is resolved once (one sense per document). A candidate's score is its prior (log
population plus a feature bonus) plus evidence from the document: an explicit container right after the
name ("Paris, Texas"), the share of the document's other places in the same country and first-level
division, places given by the caller (`focus`), and nearness to the other places. Two prior rules settle
names that a division shares with a town: a city that is the seat of its same-named division is read
before it unless the text says division ("Kharkiv" vs "the Kharkiv region"), and a small town is not read
under the name of its own country's division ("Kansas", "Nevada") without a container. A small town read
far outside the document's home division is read as a place of that division (see ``home``).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from wirewatch.places.gazetteer import Entry, Gazetteer, Place
from wirewatch.places.home import HOME_CONFIDENCE, stray_town
from wirewatch.places.recognize import ENTITY, PERSON, STRONG_PRIOR, Mention

MAX_CANDIDATES = 40  # candidates considered per name, best prior first
COUNTRY_WEIGHT = 2.5  # bonus for the share of the other names read in the same country
ADMIN_WEIGHT = 2.0  # ... and in the same first-level division
CONTAINER_BONUS = 6.0  # "Paris, Texas"
FOCUS_WEIGHT = 2.0  # weight of each caller-given focus place in the shares
NEAR = ((50.0, 1.5), (150.0, 1.0), (400.0, 0.5))  # (km, bonus) to the nearest confidently read place
CANDIDATE_NEAR = 1.0  # bonus per other name with some candidate within about 100 km ...
MAX_NEAR_NAMES = 3  # ... counting at most this many names
GRID_DEGREES = 0.5  # cell size of the candidate grid
CONFIDENT_MARGIN = 1.5  # score margin over the runner-up that makes a reading confident
UNSURE_WEIGHT = 0.3  # weight of an unconfident reading in the shares
COUNT_EXPONENT = 0.5  # a name said n times weighs n ** 0.5 in the shares
ROUNDS = 2  # rounds of re-reading every name against the others
WEAK_NEAR_KM = 120.0  # a weak mention is kept when its place lies this close to a confident one ...
WEAK_ADMIN_SHARE = 0.5  # ... or in the division of at least this share of the other names
NAMESAKE_PENALTY = 3.0  # a small town read under the name of its own country's first-level division ...
NAMESAKE_SHARE = 0.02  # ... with less than this share of the division's population
BIG_CITY_PRIOR = STRONG_PRIOR + 0.7  # a city of 500,000 people
SPREAD_FEATURES = frozenset({"country", "region", "water"})
_STATE_CODE = re.compile(r",\s*([A-Z]{2})\b")
SEAT_SHARE = 0.1  # a city holding this share of its same-named division's population is its seat ...
SEAT_EDGE = 0.2  # ... and is read before it by this margin of prior ...
DIVISION_CUE_BONUS = 2.0  # ... unless the text says division ("Kharkiv region", "northern Kharkiv")
_DIVISION_AFTER = re.compile(r"\s+(?:state|province|oblast|region|prefecture|governorate|krai|district)\b", re.I)
_DIVISION_BEFORE = re.compile(r"\b(?:(?:north|south|east|west)(?:ern)?|central|(?:state|province|region) of)\s+$",
                              re.I)


@dataclass
class _Name:
    """All mentions of one normalized name and its candidates."""

    key: str
    entries: list[Entry]
    weak: int = 99
    count: int = 0
    cue: bool = False
    division_cue: bool = False
    boost: dict[int, float] = field(default_factory=dict)
    container: Place | None = None
    standalone: bool = False   # named alone in a wire dateline
    choice: Entry | None = None
    margin: float = 0.0


def km(a: Place, b: Place) -> float:
    """Great-circle distance between two places in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _inside(p: Place, container: Place) -> bool:
    """Whether p lies in a country or first-level division."""
    if container.feature == "country":
        return p.country == container.country and p.feature != "country"
    if container.feature == "admin":
        return p.country == container.country and p.admin1 is not None and p.admin1 == container.name
    return False


def _containers(text: str, mentions: list[Mention], names: dict[str, _Name], gaz: Gazetteer) -> None:
    """Apply "A, B" where B is a division or country holding a candidate of A, and "A, ST" where ST is
    the postal code of a US state ("Dublin, GA")."""
    for m in mentions:
        code = _STATE_CODE.match(text, m.end_char)
        state = gaz.admin("USA", "#" + code.group(1)) if code else None
        if state is not None and any(_inside(gaz.place(e.row), state) for e in names[m.key].entries):
            names[m.key].container = state
    for a, b in zip(mentions, mentions[1:]):
        if text[a.end_char:b.start_char].strip() != ",":
            continue
        na, nb = names[a.key], names[b.key]
        for eb in nb.entries:
            pb = gaz.place(eb.row)
            if pb.feature in ("admin", "country") and any(_inside(gaz.place(e.row), pb) for e in na.entries):
                na.container = pb
                nb.entries = [eb]
                break


class Resolver:
    """Resolves the names of one document."""

    def __init__(self, gaz: Gazetteer, focus: list[Place] | None) -> None:
        """Start with the caller's focus places as context."""
        self.gaz = gaz
        self.focus = list(focus or [])

    def resolve(self, text: str, mentions: list[Mention],
                standalone: Sequence[tuple[int, int]] = ()) -> dict[str, tuple[Place, float]]:
        """Return, per mention key, the chosen place and a confidence in [0, 1].

        Names are first resolved by prior alone; then, for a few rounds, each name in turn (surest
        first) is re-resolved against the others' current readings (coordinate ascent on the
        document's coherence), and the context is updated at once.

        ``standalone``: character spans of a wire dateline's places. A name that a dateline gives
        alone, with no state or country after it, keeps its reading by prior (the agencies'
        style: a dateline city written alone is the one known by that name, "GENEVA"; a namesake
        takes its state or country, "GENEVA, Ill."), and is context for the others.
        """
        names: dict[str, _Name] = {}
        for m in mentions:
            n = names.get(m.key)
            if n is None:
                n = names[m.key] = _Name(m.key, self.gaz.entries(m.key)[:MAX_CANDIDATES])
            n.weak = min(n.weak, m.weak)
            n.count += 1
            n.cue = n.cue or m.cue
            n.division_cue = n.division_cue or _division_cue(text, m)
            n.standalone = n.standalone or any(a <= m.start_char and m.end_char <= b for a, b in standalone)
        _containers(text, mentions, names, self.gaz)
        for n in names.values():
            n.boost = _seat_boost(self.gaz, n)
        strong = {k: n for k, n in names.items() if not n.weak or n.container is not None or self._broad(n)}
        context = _Context(self.focus)
        context.add_candidates(self.gaz, names)
        for n in strong.values():
            self._choose(n, None)
            self._record(context, n)
        for _ in range(ROUNDS):
            for n in sorted(strong.values(), key=lambda x: -x.margin):
                self._choose(n, context)
                self._record(context, n)
        for n in names.values():
            if n.key not in strong:
                self._choose(n, context)
        out = {}
        for k, n in names.items():
            if n.choice and (k in strong or self._fits(n, context)):
                home = stray_town(self.gaz, n, context)
                out[k] = (home, HOME_CONFIDENCE) if home else (self.gaz.place(n.choice.row), _confidence(n))
        return out

    def _record(self, context: "_Context", n: _Name) -> None:
        """Make the name's current reading part of the context."""
        if n.choice is not None:
            confident = n.margin >= CONFIDENT_MARGIN or n.container is not None
            context.set(n.key, self.gaz.place(n.choice.row), n.count ** COUNT_EXPONENT, confident)

    def _broad(self, n: _Name) -> bool:
        """A name inside an organization's name whose likeliest reading is a country, division, region or big
        city ("Kansas" of "Kansas State University", "Laurel County" of "Laurel County Clerk"), or a name
        tagged as a person whose likeliest reading is a country, state or big city."""
        if n.weak not in (ENTITY, PERSON) or not n.entries or n.key.startswith(("st ", "saint ")):
            return False  # "St. Patrick" of "St. Patrick's Church" is no Caribbean parish
        p = self.gaz.place(n.entries[0].row)
        if p.feature == "landmark":  # "the Kremlin" tagged as an organization is the organization
            return False
        if n.weak == PERSON:  # "Sri Lanka", "Kyiv" tagged as a person: countries, states, big cities
            return (p.feature == "country" or (p.feature == "admin" and p.admin1 is None)
                    or n.entries[0].prior >= BIG_CITY_PRIOR)
        return p.feature in SPREAD_FEATURES or p.feature == "admin" or n.entries[0].prior >= BIG_CITY_PRIOR

    def _fits(self, n: _Name, context: "_Context") -> bool:
        """Whether a weak name's place fits the document: a locative cue, a division that holds much of
        the document's places, or a confident place nearby."""
        if n.choice is None:
            return False
        p = self.gaz.place(n.choice.row)
        if p.feature == "landmark":
            return False
        if n.cue or context.admin_share(n.key, p) >= WEAK_ADMIN_SHARE:
            return True
        return p.feature not in SPREAD_FEATURES and context.nearest(n.key, p) <= WEAK_NEAR_KM

    def _choose(self, n: _Name, context: "_Context | None") -> None:
        """Pick the name's best-scoring candidate (prior, container, context) and its margin."""
        scored = []
        divisions = _division_countries(self.gaz, n.entries)
        for e in n.entries:
            p = self.gaz.place(e.row)
            s = e.prior + n.boost.get(e.row, 0.0)
            if n.container is not None and _inside(p, n.container):
                s += CONTAINER_BONUS
            elif p.feature == "city" and p.population < NAMESAKE_SHARE * divisions.get(p.country or "", 0):
                s -= NAMESAKE_PENALTY
            if context is not None and not (n.standalone and n.container is None):
                s += context.bonus(n.key, p)
            scored.append((s, e))
        if not scored:
            return
        scored.sort(key=lambda x: -x[0])
        n.choice = scored[0][1]
        n.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 10.0


def _division_cue(text: str, m: Mention) -> bool:
    """Whether the words around a mention say it is a division: "Kharkiv region", "Donetsk oblast",
    "state of Kharkiv" or a compass adjective, as in "northern Kharkiv"."""
    return bool(_DIVISION_AFTER.match(text, m.end_char)
                or _DIVISION_BEFORE.search(text, max(0, m.start_char - 20), m.start_char))


def _seat_boost(gaz: Gazetteer, n: _Name) -> dict[int, float]:
    """Prior adjustments between a first-level division and the city of the same name inside it.

    Divisions are ranked by the summed population of their towns, which overstates them; news names a
    division after its seat mostly to mean the city ("Kharkiv", "São Paulo", "Osaka"). So a city with a
    good share of the division's people takes the division's prior plus a small edge, and the division
    gets a bonus when the text says division. Cities whose name only is an alternate ("New York" of New
    York City) are no seat here.
    """
    out: dict[int, float] = {}
    divisions = [e for e in n.entries if not e.alternate and _is_division(gaz.place(e.row))]
    for d in divisions:
        dp = gaz.place(d.row)
        if n.division_cue:
            out[d.row] = DIVISION_CUE_BONUS
            continue
        for e in n.entries:
            p = gaz.place(e.row)
            if (not e.alternate and p.feature == "city" and p.country == dp.country and p.admin1 == dp.name
                    and p.population >= SEAT_SHARE * dp.population and e.prior < d.prior + SEAT_EDGE):
                out[e.row] = d.prior + SEAT_EDGE - e.prior
    return out


def _is_division(p: Place) -> bool:
    """Whether a place is a first-level division (not a county inside one)."""
    return p.feature == "admin" and p.admin1 is None


def _division_countries(gaz: Gazetteer, entries: list[Entry]) -> dict[str, int]:
    """Population of the first-level division that a name names under its own name, by country: there
    the name means the division ("Kansas", "Nevada"), not a small town named after it, unless a
    container says so ("Nevada, Iowa"). Cities as big as the division shadow it in the index."""
    out: dict[str, int] = {}
    for e in entries:
        p = gaz.place(e.row)
        if _is_division(p) and p.country and not e.alternate:
            out[p.country] = max(out.get(p.country, 0), p.population)
    return out


def _admin_of(p: Place) -> str | None:
    """Name of the first-level division p is, or lies in."""
    return p.name if p.feature == "admin" and p.admin1 is None else p.admin1


def _admin_key(p: Place) -> tuple[str, str] | None:
    """(country, first-level division) of p, when both are known."""
    division = _admin_of(p)
    return (p.country, division) if p.country and division else None


class _Context:
    """Country and division shares and positions of the document's resolved places, one reading per name
    (uncertain readings count less), plus a grid of every name's candidates."""

    def __init__(self, focus: list[Place]) -> None:
        """Start with the caller's focus places."""
        self.countries: defaultdict[str, float] = defaultdict(float)
        self.admins: defaultdict[tuple[str, str], float] = defaultdict(float)
        self.points: dict[str, Place] = {}
        self.settled: set[str] = set()    # names read confidently (as anything, a country too)
        self.own: dict[str, tuple[str | None, tuple[str, str] | None, float]] = {}
        self.grid: dict[tuple[int, int], set[str]] = {}
        for i, p in enumerate(focus):
            self.set(f"\0focus{i}", p, FOCUS_WEIGHT, True)

    def add_candidates(self, gaz: Gazetteer, names: dict[str, "_Name"]) -> None:
        """Index every candidate of every name by grid cell, for the nearness of candidates."""
        for k, n in names.items():
            for e in n.entries:
                p = gaz.place(e.row)
                if p.feature not in SPREAD_FEATURES:
                    self.grid.setdefault(_cell(p), set()).add(k)

    def set(self, k: str, p: Place, weight: float, confident: bool) -> None:
        """Make p the reading of name k (replacing its earlier one)."""
        old = self.own.pop(k, None)
        if old is not None:
            country, admin, w = old
            if country:
                self.countries[country] -= w
            if admin:
                self.admins[admin] -= w
        self.points.pop(k, None)
        self.settled.discard(k)
        if confident:
            self.settled.add(k)
        else:
            weight *= UNSURE_WEIGHT
        admin = _admin_key(p)
        if p.country:
            self.countries[p.country] += weight
        if admin:
            self.admins[admin] += weight
        self.own[k] = (p.country, admin, weight)
        if confident and p.feature not in SPREAD_FEATURES:
            self.points[k] = p

    def admin_share(self, k: str, p: Place) -> float:
        """Share of the other names' weight that lies in p's first-level division."""
        admin = _admin_key(p)
        own_country, own_admin, own_w = self.own.get(k, (None, None, 0.0))
        total = sum(self.admins.values()) - (own_w if own_admin else 0.0)
        if admin is None or total <= 1e-9:
            return 0.0
        return (self.admins[admin] - (own_w if own_admin == admin else 0.0)) / total

    def nearest(self, k: str, p: Place) -> float:
        """Distance in km from p to the nearest confidently resolved place of another name."""
        return min((km(p, q) for kk, q in self.points.items() if kk != k), default=1e9)

    def _candidate_bonus(self, k: str, p: Place) -> float:
        """Bonus for a candidate by how many other names have a candidate in its grid cell or next to it
        (names that fit together, within about 100 km). A name already read confidently as a town or
        division counts only through that reading: "Louisville" read as the Kentucky city no longer
        vouches for Illinois; one read confidently as a country vouches for no town ("Russia" for
        Geneva, Indiana, through Russia, Ohio)."""
        la, lo = _cell(p)
        near: set[str] = set()
        for dla in (-1, 0, 1):
            for dlo in (-1, 0, 1):
                near.update(self.grid.get((la + dla, lo + dlo), ()))
        near.discard(k)
        count = sum(1 for kk in near if kk not in self.settled or kk in self.points and _adjacent(self.points[kk], la, lo))
        return CANDIDATE_NEAR * min(count, MAX_NEAR_NAMES)

    def bonus(self, k: str, p: Place) -> float:
        """Context score of reading name k as place p (k's own current reading left out)."""
        own_country, own_admin, own_w = self.own.get(k, (None, None, 0.0))
        b = 0.0
        total_c = sum(self.countries.values()) - (own_w if own_country else 0.0)
        if p.country and total_c > 1e-9:
            have = self.countries[p.country] - (own_w if own_country == p.country else 0.0)
            b += COUNTRY_WEIGHT * have / total_c
        admin = _admin_key(p)
        total_a = sum(self.admins.values()) - (own_w if own_admin else 0.0)
        if admin and total_a > 1e-9:
            have = self.admins[admin] - (own_w if own_admin == admin else 0.0)
            b += ADMIN_WEIGHT * have / total_a
        if p.feature not in SPREAD_FEATURES:
            if self.points:
                d = self.nearest(k, p)
                b += next((v for lim, v in NEAR if d <= lim), 0.0)
            if self.grid:
                b += self._candidate_bonus(k, p)
        return b


def _cell(p: Place) -> tuple[int, int]:
    """Grid cell of a place."""
    return int(p.lat // GRID_DEGREES), int(p.lon // GRID_DEGREES)


def _adjacent(p: Place | None, la: int, lo: int) -> bool:
    """Whether p lies in grid cell (la, lo) or one next to it (False for no place)."""
    if p is None:
        return False
    pla, plo = _cell(p)
    return abs(pla - la) <= 1 and abs(plo - lo) <= 1


def _confidence(n: _Name) -> float:
    """Confidence of a name's reading: high when it had no rival, else a logistic of its margin."""
    if len(n.entries) == 1:
        return 0.95
    return round(1.0 / (1.0 + math.exp(-n.margin)), 3)
