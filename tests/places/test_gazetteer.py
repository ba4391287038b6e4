"""The gazetteer: a hand-built one for ranking, and the real one for coverage, ids, load time and size."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from wirewatch.places import _build
from wirewatch.places.gazetteer import Gazetteer, Place

Row = tuple[int, str, float, float, str, str, int, str]


def _small(rows: list[Row], names: dict[str, list[tuple[int, bool]]], capitals: dict[str, int] | None = None
           ) -> Gazetteer:
    cols: dict[str, list] = {c: [] for c in ("geonames", "name", "lat", "lon", "feature", "country",
                                             "population", "admin1")}
    for gid, name, lat, lon, feature, country, pop, admin1 in rows:
        for c, v in zip(cols, (gid, name, lat, lon, _build.FEATURES.index(feature), country, pop, admin1)):
            cols[c].append(v)
    index = {k: tuple(~r if alt else r for r, alt in rs) for k, rs in names.items()}
    capitals = capitals or {}
    return Gazetteer({"columns": cols, "index": index, "capitals": capitals, "countries": {},
                      "admins": {}, "capital_rows": set(capitals.values())})


def test_small_gazetteer_lookup_and_place_fields() -> None:
    g = _small([(2988507, "Paris", 48.85, 2.35, "city", "FRA", 2_138_551, "Ile-de-France"),
                (4717560, "Paris", 33.66, -95.55, "city", "USA", 24_782, "Texas")],
               {"paris": [(0, False), (1, False)]}, {"FRA": 0})
    places = g.lookup("PARIS")
    assert [p.geonames for p in places] == [2988507, 4717560]
    assert places[1] == Place(4717560, "Paris", 33.66, -95.55, "city", "USA", 24_782, "Texas")
    assert g.capital("FRA") == places[0]
    assert g.lookup("Lyon") == []


def test_alternate_names_rank_below_primary_ones() -> None:
    g = _small([(1, "Big", 0.0, 0.0, "city", "AAA", 100_000, ""),
                (2, "Small", 1.0, 1.0, "city", "BBB", 20_000, "")],
               {"x": [(0, True), (1, False)]})
    big, small = g.entries("x")
    assert (big.row, big.alternate, small.row, small.alternate) == (0, True, 1, False)
    assert small.prior > big.prior  # 20,000 people by name beat 100,000 by an alternate name


@pytest.mark.parametrize(
    ("name", "geonames", "feature", "country"),
    [("Vladivostok", 2013348, "city", "RUS"), ("Pyongyang", 1871859, "city", "PRK"),
     ("Moscow", 524901, "city", "RUS"), ("Seoul", 1835848, "city", "KOR"),
     ("Russia", 2017370, "country", "RUS"), ("Russia's", 2017370, "country", "RUS"),
     ("North Korea", 1873107, "country", "PRK"), ("Kiev", 703448, "city", "UKR"),
     ("Kyiv", 703448, "city", "UKR"), ("Burma", 1327865, "country", "MMR"),
     ("U.S.", 6252001, "country", "USA"), ("W.Va.", 4826850, "admin", "USA"),
     ("Calif.", 5332921, "admin", "USA"), ("Pacific Ocean", 2363254, "water", None)],
)
def test_real_gazetteer_best_candidate(gazetteer: Gazetteer, name: str, geonames: int, feature: str,
                                       country: str | None) -> None:
    best = gazetteer.lookup(name)[0]
    assert (best.geonames, best.feature, best.country) == (geonames, feature, country)


def test_real_gazetteer_regions_and_counties(gazetteer: Gazetteer) -> None:
    far_east = gazetteer.lookup("the Russian Far East")[0]
    assert (far_east.feature, far_east.country) == ("region", "RUS")
    laurel = gazetteer.lookup("Laurel County")[0]
    assert (laurel.feature, laurel.country, laurel.admin1) == ("admin", "USA", "Kentucky")
    assert 36.5 < laurel.lat < 37.5 and -84.5 < laurel.lon < -83.5


def test_real_gazetteer_has_ambiguous_towns(gazetteer: Gazetteer) -> None:
    countries = {(p.country, p.admin1) for p in gazetteer.lookup("Paris")}
    assert ("FRA", "Ile-de-France") in countries and ("USA", "Texas") in countries


def test_capital_of_country(gazetteer: Gazetteer) -> None:
    assert gazetteer.capital("PRK").geonames == 1871859
    assert gazetteer.country("RUS").geonames == 2017370


def test_cached_load_is_fast(gazetteer: Gazetteer) -> None:
    t0 = time.perf_counter()
    g = Gazetteer.load()
    assert time.perf_counter() - t0 < 3.0  # about 0.4 s on a quiet machine; slack for loaded CI
    assert len(g) == len(gazetteer) > 200_000


def test_lookups_take_microseconds(gazetteer: Gazetteer) -> None:
    names = ["Vladivostok", "Paris", "Alexandria", "Springfield", "Nowhere Land"] * 200
    t0 = time.perf_counter()
    for n in names:
        gazetteer.lookup(n)
    assert (time.perf_counter() - t0) / len(names) < 500e-6


def test_cache_in_given_folder_is_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = _build.build

    def fake_build() -> dict:
        calls.append(1)
        return {"columns": {c: [] for c in ("geonames", "name", "lat", "lon", "feature", "country",
                                            "population", "admin1")},
                "index": {}, "capitals": {}, "countries": {}, "admins": {}, "capital_rows": set()}

    monkeypatch.setattr(_build, "build", fake_build)
    Gazetteer.load(tmp_path)
    Gazetteer.load(tmp_path)
    assert calls == [1]
    assert list(tmp_path.glob("gazetteer-*.pickle"))
    monkeypatch.setattr(_build, "build", real)


def test_build_failure_is_a_named_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from wirewatch.places.gazetteer import GazetteerError

    def broken() -> dict:
        raise FileNotFoundError("countries.tsv")

    monkeypatch.setattr(_build, "build", broken)
    with pytest.raises(GazetteerError) as info:
        Gazetteer.load(tmp_path)
    assert "countries.tsv" in str(info.value) and info.value.path == _build.DATA


def test_a_national_capital_is_told_from_other_towns(gazetteer: Gazetteer) -> None:
    pyongyang = gazetteer.capital("PRK")
    assert pyongyang is not None and gazetteer.is_capital(pyongyang)
    vladivostok = gazetteer.lookup("Vladivostok")[0]
    assert vladivostok.feature == "city" and not gazetteer.is_capital(vladivostok)
