"""The data the graph starts from: the bundled reports and the reference data.

Reference data (countries, cities, libraries, organisations with multilingual labels) is
Turtle in ``reference/``; this module also offers it as plain Python records so that the
reader in ``extract`` can recognise names without knowing anything of RDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable

import rdflib
from rdflib.namespace import RDF

from cislib.ontology import CIS, ORG, SCHEMA, SKOS

#: The classes of reference entities, most specific first, as extraction-record types.
REFERENCE_TYPES = (
    (SCHEMA.Country, "Country"),
    (SCHEMA.City, "City"),
    (SCHEMA.Library, "Library"),
    (ORG.Organization, "Organization"),
)


@dataclass(frozen=True)
class ReferenceEntity:
    """A country, city, library or organisation of the reference data.

    ``labels`` maps a BCP 47 tag to that language's names, the preferred label first.
    """

    iri: str
    type: str
    labels: dict[str, tuple[str, ...]] = field(hash=False)
    country: str | None = None
    city: str | None = None

    def label(self, language: str = "en") -> str:
        """The preferred label in ``language``, else in English, else any."""
        for tag in (language, "en", *sorted(self.labels)):
            if self.labels.get(tag):
                return self.labels[tag][0]
        return self.iri


def _folder(name: str) -> Traversable:
    return resources.files("cislib.seeds").joinpath(name)


def bundled_reports() -> list[Traversable]:
    """The report files shipped with cislib, sorted by name."""
    return sorted(
        (f for f in _folder("reports").iterdir() if f.name.endswith(".txt")),
        key=lambda f: f.name,
    )


def reference_files() -> list[Traversable]:
    """The reference-data Turtle files, sorted by name."""
    return sorted(
        (f for f in _folder("reference").iterdir() if f.name.endswith(".ttl")),
        key=lambda f: f.name,
    )


@lru_cache(maxsize=1)
def reference_graph() -> rdflib.Graph:
    """All reference data as one rdflib graph (parsed once per process)."""
    graph = rdflib.Graph()
    for file in reference_files():
        graph.parse(data=file.read_text(encoding="utf-8"), format="turtle")
    return graph


@lru_cache(maxsize=1)
def reference_entities() -> tuple[ReferenceEntity, ...]:
    """Every reference entity as a plain record, sorted by IRI."""
    graph = reference_graph()
    out = []
    for subject in sorted(set(graph.subjects(RDF.type, None))):
        types = set(graph.objects(subject, RDF.type))
        kind = next((name for cls, name in REFERENCE_TYPES if cls in types), None)
        if kind is None:
            continue
        labels: dict[str, list[str]] = {}
        for predicate in (SKOS.prefLabel, SKOS.altLabel):
            for literal in sorted(graph.objects(subject, predicate)):
                tag = literal.language or ""
                labels.setdefault(tag, [])
                if str(literal) not in labels[tag]:
                    labels[tag].append(str(literal))
        country = graph.value(subject, CIS.country)
        city = graph.value(subject, SCHEMA.location) or (subject if kind == "City" else None)
        out.append(
            ReferenceEntity(
                iri=str(subject),
                type=kind,
                labels={tag: tuple(names) for tag, names in labels.items()},
                country=str(country) if country else None,
                city=str(city) if city else None,
            )
        )
    return tuple(out)
