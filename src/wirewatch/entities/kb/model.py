"""Value types of the actor knowledge base: countries, actors and mention codings."""

from __future__ import annotations

from dataclasses import dataclass

#: Actor sectors accepted in the data files (CAMEO/PLOVER-style three-letter codes).
SECTORS: frozenset[str] = frozenset(
    {
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CRM",
        "CVL",
        "IGO",
        "NGO",
        "REL",
        "LEG",
        "LAB",
        "AGR",
        "ELI",
        "REF",
        "HLH",
        "ENV",
        "IMG",
    }
)

#: Kinds of actor rows (a subset of the record's entity kinds).
KINDS: frozenset[str] = frozenset({"person", "organization", "media", "group"})

#: Offices that actor rows can hold: head of state, head of government, foreign and defence minister.
OFFICES: frozenset[str] = frozenset({"hos", "hog", "fm", "dm"})


@dataclass(frozen=True)
class Country:
    """A country (or historical state / territory) with the names used to refer to it.

    Attributes:
        iso3: ISO 3166-1 alpha-3 code (ISO 3166-3 for historical states, XKX for Kosovo).
        iso2: ISO 3166-1 alpha-2 code.
        name: Common English name.
        aliases: Other names, short forms and former names.
        adjectives: Nationality adjectives and demonyms, singular and plural.
        capital: Capital city name, or None.
        wikidata: Wikidata Q-id, or None.
        geonames: GeoNames id of the country, or None.
        successor: For a historical state, ISO3 of its main successor, else None.
        naming: Personal-name convention: "family-first" (family name written first, as in
            "Kim Jong-un"), "two-surnames" (Iberian double surnames), or None.
    """

    iso3: str
    iso2: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capital: str | None
    wikidata: str | None
    geonames: int | None
    successor: str | None = None
    naming: str | None = None


@dataclass(frozen=True)
class Actor:
    """A named actor: a person in a given role and term, or an organization.

    A person holding several offices over time has one Actor per office and term.

    Attributes:
        name: Canonical name.
        aliases: Other spellings and names.
        kind: person | organization | media | group.
        country: ISO3 of the actor's country, or None (international bodies).
        sector: Actor sector code (GOV, MIL, MED, IGO ...), or None.
        role: Role phrase, e.g. "President of Russia", or None.
        wikidata: Wikidata Q-id, or None.
        start: First year in the role, or None.
        end: Last year in the role, or None if still in it (or not applicable).
        office: hos | hog | fm | dm for office holders, else None.
        leader: True if the row is the country's paramount leader for that term.
    """

    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    wikidata: str | None
    start: int | None
    end: int | None
    office: str | None = None
    leader: bool = False

    def active(self, year: int) -> bool:
        """Tell whether the actor held its role in ``year``.

        Args:
            year: A calendar year.

        Returns:
            True if ``start <= year <= end`` (open ends count as unbounded).
        """
        return (self.start is None or self.start <= year) and (
            self.end is None or year <= self.end
        )


@dataclass(frozen=True)
class Agent:
    """A common noun that names an actor's sector ("officials" -> GOV).

    Attributes:
        noun: The noun phrase, singular (lemma).
        plural: Its plural form, or None.
        sector: Sector code.
        role: Role phrase for person nouns ("President"), or None.
        office: Office the noun refers to (hos, hog, fm, dm, leader), or None.
    """

    noun: str
    plural: str | None
    sector: str
    role: str | None
    office: str | None


@dataclass(frozen=True)
class Coding:
    """The actor coding of one mention.

    Attributes:
        country: ISO3 code, or None.
        sector: Sector code, or None.
        role: Role phrase, or None.
        actor: The knowledge-base actor the mention names, if known.
        affiliation: A known organization the mention's actor belongs to, if named in it
            ("NATO" in "NATO peacekeeping troops", "Hamas" in "Hamas militants").
    """

    country: str | None
    sector: str | None
    role: str | None
    actor: Actor | None = None
    affiliation: Actor | None = None


@dataclass(frozen=True)
class Words:
    """Function words used to read names and mentions (from ``data/words.tsv``).

    Attributes:
        honorifics: Titles that may stand before a bare surname ("comrade", "president").
        modifiers: Words that shift an office in rank or time, with their display form
            ("vice" -> "Vice", "ex" -> "Former").
        prepositions: Words after which a name is a complement, not the mention's head.
        particles: Lower-case surname particles ("al", "bin", "de", "van").
        suffixes: Name suffixes that are not surnames ("jr", "iii").
    """

    honorifics: frozenset[str]
    modifiers: dict[str, str]
    prepositions: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
