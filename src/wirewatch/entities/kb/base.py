"""The in-memory knowledge base: dict indexes over countries, actors and agent nouns."""

from __future__ import annotations

import threading
from collections import defaultdict

from .loader import load_actors, load_agents, load_countries, load_words
from .model import Actor, Agent, Country, Words
from .normalize import fold, is_acronym, is_capitalised, key, strip_possessive

_OFFICE_RANK = {"hos": 0, "hog": 1, "fm": 2, "dm": 3}
_LOCK = threading.Lock()
_CACHE: dict[str, KnowledgeBase] = {}


def _name_key(name: str) -> str:
    """Index key of a full name: acronyms keep their capitals behind a "#" marker."""
    return (
        "#" + fold(name).replace(".", "").replace(" ", "")
        if is_acronym(name)
        else key(name)
    )


def surname_keys(actor: Actor, words: Words, naming: str | None) -> set[str]:
    """Compute the keys under which a person can be named by surname alone.

    Args:
        actor: A person row.
        words: Function words (surname particles and name suffixes).
        naming: The naming convention of the person's country ("family-first",
            "two-surnames" or None).

    Returns:
        Lookup keys: the family name (the first token of three-token family-first names,
        either token of two-token ones, else the last token), with and without surname
        particles, both surnames for Iberian names, and one-word names and aliases ("Lula",
        "Suharto").
    """
    out: set[str] = set()
    for name in (actor.name, *actor.aliases):
        toks = [t for t in key(name).split() if t not in words.suffixes]
        if len(toks) <= 1:
            out.update(toks)
            continue
        if naming == "family-first" and len(toks) <= 3:
            out.add(toks[0])
            if len(toks) == 3:  # "Kim Jong Un": the rest is the given name
                continue
        out.add(toks[-1])
        i = len(toks) - 1
        while i > 1 and toks[i - 1] in words.particles:
            i -= 1
        out.add(" ".join(toks[i:]))
        if (
            naming == "two-surnames"
            and len(toks) >= 3
            and toks[-2] not in words.particles
        ):
            out.add(" ".join(toks[-2:]))
            out.add(toks[-2])
    return out


class KnowledgeBase:
    """Countries, named actors and agent nouns, indexed for fast lookup.

    Build it with :meth:`load`, which reads the package data once and caches the result.
    """

    def __init__(
        self,
        countries: list[Country],
        actors: list[Actor],
        agents: list[Agent],
        words: Words | None = None,
    ) -> None:
        """Index the given rows.

        Args:
            countries: Country rows.
            actors: Actor rows (people, organizations, media, groups).
            agents: Agent-noun rows.
            words: Function words; read from the package's ``words.tsv`` if None.
        """
        self.words = words if words is not None else load_words()
        self._countries = {c.iso3: c for c in countries}
        self._country_keys: dict[str, str] = {}
        self._country_codes: dict[str, str] = {}
        self._capitals: dict[str, str] = {}
        self._actors = list(actors)
        self._by_name: dict[str, list[Actor]] = defaultdict(list)
        self._by_surname: dict[str, list[Actor]] = defaultdict(list)
        self._by_office: dict[tuple[str, str], list[Actor]] = defaultdict(list)
        self._agents: dict[str, Agent] = {}
        for c in countries:
            self._index_country(c)
        for a in self._actors:
            self._index_actor(a)
        for g in agents:
            for form in (g.noun, g.plural):
                if form:
                    self._agents.setdefault(key(form), g)

    @classmethod
    def load(cls) -> KnowledgeBase:
        """Load the knowledge base from the package data files, once per process.

        Returns:
            The shared, cached knowledge base.

        Raises:
            KnowledgeBaseError: If a data file is missing or malformed.
        """
        with _LOCK:
            kb = _CACHE.get("default")
            if kb is None:
                kb = cls(load_countries(), load_actors(), load_agents(), load_words())
                _CACHE["default"] = kb
            return kb

    # ----------------------------------------------------------------- indexing
    def _index_country(self, c: Country) -> None:
        if c.capital and c.successor is None:
            self._capitals.setdefault(key(c.capital), c.iso3)
        # its ISO3 code ("PRK"); not its bare ISO2 code, which news writes for other things
        # ("TV" is no Tuvalu, "IT" no Italy, "PM" no Saint Pierre): only where an alias lists it
        self._country_codes.setdefault(c.iso3, c.iso3)
        for name in (c.name, *c.aliases, *c.adjectives):
            if is_acronym(name):
                written = fold(name).replace(" ", "")   # "US", or "U.S." and "U.S" as listed
                for form in {written, written.rstrip(".")}:
                    self._country_codes.setdefault(form, c.iso3)
            else:
                self._country_keys.setdefault(key(name), c.iso3)

    def _index_actor(self, a: Actor) -> None:
        for k in {_name_key(name) for name in (a.name, *a.aliases)}:
            self._by_name[k].append(a)
        if a.kind == "person":
            country = self._countries.get(a.country or "")
            for k in surname_keys(a, self.words, country.naming if country else None):
                self._by_surname[k].append(a)
        if a.country and a.office:
            self._by_office[(a.country, a.office)].append(a)
        if a.country and a.leader:
            self._by_office[(a.country, "leader")].append(a)

    # ----------------------------------------------------------------- ranking
    @staticmethod
    def _rank(actors: list[Actor], year: int | None) -> list[Actor]:
        def score(a: Actor) -> tuple[int, int, int, int]:
            if year is None:
                distance = 0
                recency = -(a.end if a.end is not None else 10_000)
            else:
                distance = (
                    0
                    if a.active(year)
                    else min(
                        abs(year - a.start) if a.start is not None else 10_000,
                        abs(year - a.end) if a.end is not None else 10_000,
                    )
                )
                recency = 0
            prominence = 0 if a.leader else 1 + _OFFICE_RANK.get(a.office or "", 4)
            return (distance, recency, prominence, 0 if a.kind != "person" else 1)

        return sorted(actors, key=score)

    # ----------------------------------------------------------------- lookups
    def actors(self, name: str, year: int | None = None) -> list[Actor]:
        """Find actors by full name or alias.

        Matching ignores case, diacritics, hyphens, dots, a leading "the" and a possessive;
        short all-capital names ("AP", "UN") match only when written in capitals, and a
        one-word name only when capitalised ("Amnesty", not "amnesty").

        Args:
            name: The name as written.
            year: If given, actors in office that year come first, then the nearest terms.

        Returns:
            Matching actors, best first (empty if none).
        """
        bare = strip_possessive(name.strip())
        k = key(bare)
        if not k or (" " not in k and not is_capitalised(bare.split()[-1])):
            return []
        found = list(self._by_name.get(k, ()))
        if is_acronym(bare):
            found += self._by_name.get(_name_key(bare), [])
        return self._rank(list({id(a): a for a in found}.values()), year)

    def actors_by_surname(self, surname: str, year: int | None = None) -> list[Actor]:
        """Find people by family name alone ("Putin", "Kim", "al-Assad", "Assad").

        Args:
            surname: The family name as written.
            year: If given, people in office that year come first.

        Returns:
            Matching people, best first (paramount leaders before other office holders).
        """
        bare = strip_possessive(surname.strip())
        if not is_capitalised(bare.split()[-1] if bare.split() else ""):
            return []
        return self._rank(list(self._by_surname.get(key(bare), ())), year)

    def country(self, text: str) -> Country | None:
        """Find a country by name, alias, ISO code, adjective or demonym.

        Matching ignores case except that codes ("US", "PRK") must be in capitals and a
        one-word name must be capitalised ("Poles", not "poles"; "Chad", not "chad").

        Args:
            text: E.g. "North Korean", "Russians", "U.S.", "Burma", "PRK", "Russia's".

        Returns:
            The country, or None.
        """
        bare = strip_possessive(text.strip())
        code = fold(bare).replace(" ", "")
        # a code is written bare ("US", "PRK"); dotted capitals are abbreviations, of a country
        # only where its aliases list them ("U.S.", "U.K."): "N.C." is North Carolina, "Pa."
        # Pennsylvania, "S.A." a company, not New Caledonia, Panama or Saudi Arabia
        if code.isupper() and code in self._country_codes:
            return self._countries[self._country_codes[code]]
        k = key(bare)
        if not k or (" " not in k and not is_capitalised(bare)):
            return None
        iso3 = self._country_keys.get(k)
        return self._countries[iso3] if iso3 else None

    def country_by_capital(self, city: str) -> Country | None:
        """Find the country whose capital a city is (for "Moscow said" metonyms).

        Args:
            city: A city name as written, e.g. "Pyongyang" or "Moscow's".

        Returns:
            The (current) country with that capital, or None.
        """
        iso3 = self._capitals.get(key(strip_possessive(city.strip())))
        return self._countries[iso3] if iso3 else None

    def country_by_code(self, iso3: str) -> Country | None:
        """Get a country by its ISO3 code.

        Args:
            iso3: ISO 3166-1 alpha-3 (or ISO 3166-3) code.

        Returns:
            The country, or None.
        """
        return self._countries.get(iso3.upper())

    def countries(self) -> list[Country]:
        """List all countries.

        Returns:
            Every country row, including historical states and territories.
        """
        return list(self._countries.values())

    def all_actors(self) -> list[Actor]:
        """List all actor rows.

        Returns:
            Every actor row in file order.
        """
        return list(self._actors)

    def agent(self, noun: str) -> Agent | None:
        """Find an agent noun (singular or plural).

        Args:
            noun: E.g. "officials", "news agency", "Defence Minister".

        Returns:
            The agent row, or None.
        """
        return self._agents.get(key(noun))

    def agent_heads(self) -> frozenset[str]:
        """The last words of all agent nouns, lower case ("officials", "agency"): a quick prefilter.

        Returns:
            The set of head words.
        """
        heads = getattr(self, "_agent_heads", None)
        if heads is None:
            heads = frozenset(k.split()[-1].lower() for k in self._agents if k.split())
            self._agent_heads = heads
        return heads

    def agent_sector(self, noun: str) -> str | None:
        """Give the sector an agent noun names ("officials" -> "GOV", "troops" -> "MIL").

        Args:
            noun: A common noun, singular or plural.

        Returns:
            The sector code, or None if the noun is not an agent noun.
        """
        found = self.agent(noun)
        return found.sector if found else None

    def holders(
        self, country: str, office: str, year: int | None = None
    ) -> list[Actor]:
        """List who held an office of a country.

        Args:
            country: ISO3 code.
            office: hos, hog, fm, dm, or "leader" (paramount leader).
            year: If given, only holders in office that year.

        Returns:
            Matching rows, best first.
        """
        found = self._by_office.get((country.upper(), office), [])
        if year is not None:
            found = [a for a in found if a.active(year)]
        return self._rank(list(found), year)
