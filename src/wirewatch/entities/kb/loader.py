"""Reading the knowledge-base tables shipped in the package's ``data/`` folder."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from .model import Actor, Agent, Country, Words

#: Columns every actor table (actors.tsv, organizations.tsv) must have, in order.
ACTOR_COLUMNS: tuple[str, ...] = (
    "name",
    "aliases",
    "kind",
    "country",
    "sector",
    "role",
    "wikidata",
    "start",
    "end",
    "office",
    "leader",
)
COUNTRY_COLUMNS: tuple[str, ...] = (
    "iso3",
    "iso2",
    "name",
    "aliases",
    "adjectives",
    "capital",
    "wikidata",
    "geonames",
    "successor",
    "naming",
)
WORD_COLUMNS: tuple[str, ...] = ("word", "kind", "label")
AGENT_COLUMNS: tuple[str, ...] = ("noun", "plural", "sector", "role", "office")

#: Actor tables, loaded in this order.
ACTOR_TABLES: tuple[str, ...] = ("actors.tsv", "organizations.tsv")


class KnowledgeBaseError(Exception):
    """Raised when a knowledge-base data file is missing or malformed."""


def rows(name: str, columns: tuple[str, ...]) -> Iterator[list[str]]:
    """Yield the data rows of one TSV data file as lists of cells, checking the header.

    Lines starting with "#" are comments. Cells are stripped of surrounding blanks.

    Args:
        name: File name inside the ``data`` folder.
        columns: The expected header.

    Yields:
        One list of cells per data row, in the order of ``columns``.

    Raises:
        KnowledgeBaseError: If the file is missing, its header differs or a row has the wrong width.
    """
    try:
        text = (
            resources.files(__package__)
            .joinpath("data", name)
            .read_text(encoding="utf-8")
        )
    except (FileNotFoundError, OSError) as exc:
        raise KnowledgeBaseError(f"knowledge-base file {name} not found") from exc
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise KnowledgeBaseError(f"{name}: header differs from {columns}")
    width = len(columns)
    for lineno, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != width:
            raise KnowledgeBaseError(
                f"{name}: data row {lineno} has {len(cells)} cells, expected {width}"
            )
        yield [cell.strip() for cell in cells]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _int(cell: str, name: str) -> int | None:
    if not cell:
        return None
    try:
        return int(cell)
    except ValueError as exc:
        raise KnowledgeBaseError(f"bad number {cell!r} for {name}") from exc


def load_countries() -> list[Country]:
    """Load countries.tsv.

    Returns:
        All country rows.
    """
    out = []
    for (
        iso3,
        iso2,
        name,
        aliases,
        adjectives,
        capital,
        wikidata,
        geonames,
        successor,
        naming,
    ) in rows("countries.tsv", COUNTRY_COLUMNS):
        out.append(
            Country(
                iso3=iso3,
                iso2=iso2,
                name=name,
                aliases=_split(aliases),
                adjectives=_split(adjectives),
                capital=capital or None,
                wikidata=wikidata or None,
                geonames=_int(geonames, name),
                successor=successor or None,
                naming=naming or None,
            )
        )
    return out


def load_actors() -> list[Actor]:
    """Load the actor tables (people, organizations, media, groups).

    Returns:
        All actor rows, in file order.
    """
    out = []
    for table in ACTOR_TABLES:
        for (
            name,
            aliases,
            kind,
            country,
            sector,
            role,
            wikidata,
            start,
            end,
            office,
            leader,
        ) in rows(table, ACTOR_COLUMNS):
            out.append(
                Actor(
                    name=name,
                    aliases=_split(aliases),
                    kind=kind,
                    country=country or None,
                    sector=sector or None,
                    role=role or None,
                    wikidata=wikidata or None,
                    start=_int(start, name),
                    end=_int(end, name),
                    office=office or None,
                    leader=leader == "1",
                )
            )
    return out


def load_agents() -> list[Agent]:
    """Load agents.tsv.

    Returns:
        All agent-noun rows.
    """
    return [
        Agent(
            noun=noun,
            plural=plural or None,
            sector=sector,
            role=role or None,
            office=office or None,
        )
        for noun, plural, sector, role, office in rows("agents.tsv", AGENT_COLUMNS)
    ]


def load_words() -> Words:
    """Load words.tsv.

    Returns:
        The function-word lists.

    Raises:
        KnowledgeBaseError: If a row has an unknown kind.
    """
    kinds: dict[str, dict[str, str]] = {
        k: {} for k in ("honorific", "modifier", "preposition", "particle", "suffix")
    }
    for word, kind, label in rows("words.tsv", WORD_COLUMNS):
        if kind not in kinds:
            raise KnowledgeBaseError(f"words.tsv: unknown kind {kind!r} for {word!r}")
        kinds[kind][word] = label
    return Words(
        honorifics=frozenset(kinds["honorific"]),
        modifiers=kinds["modifier"],
        prepositions=frozenset(kinds["preposition"]),
        particles=frozenset(kinds["particle"]),
        suffixes=frozenset(kinds["suffix"]),
    )
