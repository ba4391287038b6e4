"""The entities stage: actors with all their mentions, coded by country and sector.

People and organizations come from spaCy's NER (and, where NER missed them, the proper-noun
runs that are a known actor's full name), clustered into one entity per actor
(``cluster``), linked to the knowledge base (``kb``), and coded from their titles and
appositions; definite descriptions of leaders become further mentions of the leader they
describe, and group descriptions (``South Korea officials``) become group actors
(``describe``). Places and countries are added by the places stage.
"""
from __future__ import annotations

from typing import Any

from wirewatch.document import Document, Entity, Mention, Span
from wirewatch.entities.cluster import Cluster, cluster_mentions, key_of, repeated_names
from wirewatch.entities.kb import code_mention
from wirewatch.entities.describe import Description, apposition_after, described_before, descriptions, is_leader, title_before
from wirewatch.entities.mentions import NameMention, ner_mentions, trim
from wirewatch.pipeline.registry import stage

KIND_OF_SECTOR = {"MED": "media"}
# Singular nouns that name a body of people ("an Israeli army unit", "a Russian delegation").
COLLECTIVE = {"army", "military", "government", "regime", "police", "navy", "air force", "delegation", "ministry",
              "opposition", "parliament", "cabinet", "administration", "press", "media", "team", "side", "forces",
              "security forces", "coalition", "junta", "authorities", "leadership", "court", "guard", "militia"}


@stage("entities", requires=("spacy_doc", "headings", "furniture", "dateline"), provides=("entities",))
def run(doc: Document, ctx) -> None:  # type: ignore[no-untyped-def]
    """Find, cluster, link and code the actors of the document (none on headings or wire furniture)."""
    kb, sdoc = ctx.kb, doc.spacy_doc
    year = doc.date.year if doc.date else None
    skip = doc.unreported
    mentions = (ner_mentions(sdoc, skip) + kb_mentions(sdoc, kb, skip) + agency_mentions(doc)
                + missed_countries(sdoc, kb, skip) + missed_actors(sdoc, kb, skip))
    clusters = cluster_mentions(_dedupe(mentions), lambda c: link(c, kb, year))
    for c, m in repeated_names(sdoc, clusters, skip):
        c.mentions.append(m)
    for c in clusters:
        doc.entities.append(to_entity(doc, c, kb, year))
    add_descriptions(doc, [d for d in descriptions(sdoc, kb, year) if not doc.in_furniture(d.span.start)])
    add_nationalities(doc, kb)


def _dedupe(mentions: list[NameMention]) -> list[NameMention]:
    seen: set[tuple[int, int]] = set()
    out: list[NameMention] = []
    for m in sorted(mentions, key=lambda m: (m.span.start, -m.span.end)):
        if any(s <= m.span.start and m.span.end <= e for s, e in seen):
            continue
        seen.add((m.span.start, m.span.end))
        out.append(m)
    return out


def kb_mentions(sdoc: Any, kb: Any, skip: list[Span]) -> list[NameMention]:
    """Known actors that NER labels otherwise (``Yonhap`` as NORP, ``the Kremlin`` as FAC)."""
    out, text = [], sdoc.text
    for ent in sdoc.ents:
        if ent.label_ not in ("NORP", "FAC", "GPE", "LOC", "WORK_OF_ART", "PRODUCT"):
            continue
        if any(s.start <= ent.start_char < s.end for s in skip):
            continue
        start, end = trim(text, ent.start_char, ent.end_char)
        actors = kb.actors(text[start:end])
        if actors and actors[0].kind != "person":
            label = "organization"
            out.append(NameMention(Span(start, end), text[start:end], label, ent.sent.start_char))
    return out


def _free_proper_nouns(sdoc: Any) -> Any:
    """Per token: whether it is a proper noun outside NER's entities (a NumPy boolean array)."""
    from spacy.attrs import ENT_IOB, POS

    arr = sdoc.to_array([POS, ENT_IOB])
    return (arr[:, 0] == sdoc.vocab.strings["PROPN"]) & (arr[:, 1] == 2)


def missed_countries(sdoc: Any, kb: Any, skip: list[Span]) -> list[NameMention]:
    """Proper nouns outside NER's entities that name a country ("The PRC demanded ...")."""
    import numpy as np

    out = []
    for i in np.nonzero(_free_proper_nouns(sdoc))[0]:
        tok = sdoc[int(i)]
        if any(s.start <= tok.idx < s.end for s in skip):
            continue
        country = kb.country(tok.text)
        if country is not None and not is_adjective_of(country, tok.text):
            out.append(NameMention(Span(tok.idx, tok.idx + len(tok.text)), tok.text, "organization", tok.sent.start_char))
    return out


def missed_actors(sdoc: Any, kb: Any, skip: list[Span]) -> list[NameMention]:
    """Runs of two or more proper nouns outside NER's entities, within one sentence, that are the
    full name or an alias of a known actor ("on the same day that Xi Jinping sat down": NER saw
    no entity there)."""
    from spacy.attrs import SENT_START

    free = _free_proper_nouns(sdoc)
    starts = sdoc.to_array([SENT_START])
    out, i, n = [], 0, len(sdoc)
    while i < n:
        if not free[i]:
            i += 1
            continue
        j = i + 1
        while j < n and free[j] and starts[j] != 1:
            j += 1
        span = sdoc[i:j]
        if j - i >= 2 and not any(s.start <= span.start_char < s.end for s in skip):
            actors = kb.actors(span.text)
            if actors:
                label = "person" if actors[0].kind == "person" else "organization"
                out.append(NameMention(Span(span.start_char, span.end_char), span.text, label, span.sent.start_char))
        i = j
    return out


def is_adjective_of(country: Any, word: str) -> bool:
    """Whether ``word`` is one of the country's nationality adjectives or demonyms ("Bosnian")."""
    return key_of(word) in {key_of(a) for a in country.adjectives}


def agency_mentions(doc: Document) -> list[NameMention]:
    """The agency credited in the dateline, as a mention of that agency."""
    dl = doc.dateline
    if dl is None or not dl.agency:
        return []
    name = dl.agency.strip(" .")
    at = doc.text.find(name, dl.start, dl.end)
    return [NameMention(Span(at, at + len(name)), name, "organization", dl.start)] if at >= 0 else []


def link(c: Cluster, kb: Any, year: int | None) -> Any:
    """The knowledge-base actor a cluster names, or None."""
    for name in sorted(set(c.names), key=lambda n: -len(n)):
        found = [a for a in kb.actors(name, year) if _compatible(a.kind, c.label)]
        if found:
            return found[0]
    if c.label == "person" and all(len(key_of(n).split()) == 1 for n in c.names):
        found = kb.actors_by_surname(c.names[0], year)
        return found[0] if len(found) == 1 or (found and found[0].leader) else None
    return None


def _compatible(kind: str, label: str) -> bool:
    return (kind == "person") == (label == "person")


def to_entity(doc: Document, c: Cluster, kb: Any, year: int | None) -> Entity:
    """An entity for a cluster, coded from the knowledge base or its titles and appositions."""
    ent = Entity(id=doc.new_entity_id(), name=c.best_name, kind=c.label)
    for m in c.mentions:  # "KB": the knowledge base knows this actor; places must not take its name
        ent.add(Mention(m.span.start, m.span.end, doc.text[m.span.start:m.span.end], "KB" if c.actor else "NER"))
    a = c.actor
    if a is not None:
        ent.name, ent.kind, ent.country, ent.sector = a.name, a.kind, a.country, a.sector
        ent.role, ent.wikidata = a.role, a.wikidata
        ent.country = titled_country(doc, c, kb, year) or ent.country
        return ent
    if country_named(ent, c, kb) or nationality_led(ent, kb):
        return ent
    shared_coding(ent, c, kb, year)
    if c.label != "person":
        coding = code_mention(ent.name, kb, year)
        if coding is not None and not _may_name_organization(coding, ent.name, year):
            coding = None
        if coding is not None:
            ent.country, ent.sector = coding.country, coding.sector
    for m in c.mentions:
        for phrase in (title_before(doc.spacy_doc, m.span.start), described_before(doc.spacy_doc, m.span.start, m.span.end),
                       apposition_after(doc.text, m.span.end)):
            coding = code_mention(phrase, kb, year) if phrase else None
            if coding is not None and (coding.country or coding.sector):
                ent.country = ent.country or coding.country
                ent.sector = ent.sector or coding.sector
                ent.role = ent.role or coding.role
        if ent.country and ent.sector:
            break
    if ent.sector in KIND_OF_SECTOR and ent.kind == "organization":
        ent.kind = KIND_OF_SECTOR[ent.sector]
    return ent


def _may_name_organization(coding: Any, name: str, year: int | None) -> bool:
    """Whether an organization's name may take this coding. A one-word name that is a known
    person's surname names that person only if he led his country that year (NER takes "Hollande"
    or "Nieto" for an organization): "Fox" (a network, not Liam Fox) or "the Hill" (not Robert
    Hill) are no British or Australian ministers."""
    actor = coding.actor
    if actor is None or actor.kind != "person" or len(name.split()) > 1:
        return True
    return bool(actor.leader) and (year is None or actor.active(year))


def titled_country(doc: Document, c: Cluster, kb: Any, year: int | None) -> str | None:
    """The country a person's title in the text gives ("Serbian President Vojislav Kostunica"):
    the text's own word wins over the knowledge base's row (which may name a state since gone)."""
    if c.label != "person":
        return None
    for m in c.mentions:
        phrase = title_before(doc.spacy_doc, m.span.start)
        coding = code_mention(phrase, kb, year) if phrase else None
        if coding is not None and coding.country and coding.actor is None:
            return str(coding.country)
    return None


def country_named(ent: Entity, c: Cluster, kb: Any) -> bool:
    """A "person" or "organization" that NER found but that is a country ("Sri Lanka", "the
    Democratic People's Republic of Korea") or a nationality ("Ugandan"): recode it as such."""
    found = {kb.country(n) for n in c.names}
    if len(found) != 1 or None in found:
        return False
    country = found.pop()
    ent.country = country.iso3
    names = {key_of(x) for x in (country.name, country.iso3, country.iso2, *country.aliases)}
    if all(key_of(n) in names for n in c.names):
        ent.kind, ent.name = "country", country.name
    else:  # "Ugandan", "Young Algerians", "Radical French": people of that country
        ent.kind = "group"
    return True


def nationality_led(ent: Entity, kb: Any) -> bool:
    """A name NER took for a person or organization that opens with a nationality word and ends
    in a plural ("Bosnian Serbs", "Iraqi Kurds"): a group of that country."""
    words = ent.name.split()
    if len(words) < 2 or not words[-1].endswith("s") or words[-1][0].islower():
        return False
    country = kb.country(words[0])
    if country is None or not is_adjective_of(country, words[0]):
        return False
    ent.kind, ent.country = "group", country.iso3
    return True


def shared_coding(ent: Entity, c: Cluster, kb: Any, year: int | None) -> None:
    """Code a person the knowledge base cannot pin down ("Bush": three Bushes) with what all
    the candidates share: their country, and their sector if it is the same. A name with a given
    name counts only the candidates that have it too."""
    if c.label != "person":
        return
    words = ent.name.split()
    found = kb.actors_by_surname(words[-1], year) if words else []
    if len(words) > 1:  # "Armando Gutierrez" is not Lucio Gutierrez of Ecuador
        found = [a for a in found if _given_name_fits(words[0], a)]
    if len({a.country for a in found}) == 1:
        ent.country = found[0].country
        if len({a.sector for a in found}) == 1:
            ent.sector = found[0].sector


def _given_name_fits(given: str, actor: Any) -> bool:
    """Whether a name's first word is also the first word of one of the actor's names."""
    return any(key_of(n.split()[0]) == key_of(given) for n in (actor.name, *actor.aliases) if n.split())


def add_descriptions(doc: Document, descs: list[Description]) -> None:
    """Leader descriptions join their person; other descriptions become group actors (plural or
    collective nouns: "South Korea officials", "the Israeli army", "the police") or person actors
    ("a Russian diplomat", "a federal judge"), one entity per distinct description. A description
    with a sector but no country keeps none here: the places stage gives it the country the
    text is set in."""
    for d in descs:
        if doc.entity_at(d.span.start, d.span.end) is not None or d.country is None and not _new_body(doc, d):
            continue
        text = doc.text[d.span.start:d.span.end]
        if is_leader(d) and d.definite and d.country is not None:
            person = _leader_of(doc, d.country)
            if person is not None:
                person.add(Mention(d.span.start, d.span.end, text, "DESC"))
                continue
        kind = "group" if d.plural or d.head in COLLECTIVE else "person"
        name = d.actor.name if kind == "person" and d.actor is not None else text
        ent = next((e for e in doc.entities if e.kind == kind and key_of(e.name) == key_of(name)), None)
        if ent is None:
            ent = Entity(id=doc.new_entity_id(), name=name, kind=kind, country=d.country, sector=d.sector, role=d.role)
            if kind == "person" and d.actor is not None:
                ent.wikidata, ent.role = d.actor.wikidata, d.actor.role
            doc.entities.append(ent)
        ent.add(Mention(d.span.start, d.span.end, text, "DESC" if d.country is not None else "BODY"))


def _new_body(doc: Document, d: Description) -> bool:
    """Whether an uncoded description names a body of its own ("the police", "a federal appeals
    court", "county supervisors"), not one named before ("that newspaper", "these officials")
    nor a medium, which the claims stage reads as a source, nor one with a place in its name
    ("an Arlington woman", "the Ohio church"), which the place codes."""
    words = doc.text[max(0, d.span.start - 8):d.span.start].lower().split()
    if d.sector in (None, "MED") or (words and words[-1] in ("this", "that", "these", "those")):
        return False
    span = doc.spacy_doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    return span is not None and not any(t.ent_type_ in ("GPE", "LOC", "FAC", "NORP") for t in span)


def add_nationalities(doc: Document, kb: Any) -> None:
    """Nationality words that act on their own ("Palestinians blamed Israel", "an Indian
    proposal") become a group actor of their country; those inside an actor's title or
    description ("Russian president Vladimir Putin") are left to that actor."""
    sdoc = doc.spacy_doc
    for ent in sdoc.ents:
        if ent.label_ != "NORP" or doc.entity_at(ent.start_char, ent.end_char) is not None:
            continue
        if doc.in_furniture(ent.start_char):
            continue
        if _modifies_entity(doc, ent.root):
            continue
        start, end = trim(doc.text, ent.start_char, ent.end_char)
        country = kb.country(doc.text[start:end])
        if country is None:
            continue
        group = next((e for e in doc.entities if e.kind == "group" and e.country == country.iso3
                      and any(m.label == "NORP" for m in e.mentions)), None)
        if group is None:
            group = Entity(id=doc.new_entity_id(), name=doc.text[start:end], kind="group", country=country.iso3)
            doc.entities.append(group)
        group.add(Mention(start, end, doc.text[start:end], "NORP"))


def _modifies_entity(doc: Document, tok: Any) -> bool:
    """Whether a modifier's chain of heads (amod, compound, poss, nmod) reaches an entity mention."""
    for _ in range(4):
        if tok.dep_ not in ("amod", "compound", "nmod", "poss", "npadvmod") or tok.head is tok:
            return False
        tok = tok.head
        if doc.entity_at(tok.idx, tok.idx + len(tok.text)) is not None:
            return True
    return False


def _leader_of(doc: Document, country: str) -> Entity | None:
    people = [e for e in doc.entities if e.kind == "person" and e.country == country]
    people.sort(key=lambda e: (e.sector != "GOV", -len(e.mentions)))
    return people[0] if people else None
