"""The cislib ontology, its SHACL shapes, and the namespaces the rest of cislib uses.

The ontology (``cislib.ttl``) and the shapes (``shapes.ttl``) are package data, read with
:mod:`importlib.resources` so they are found the same way from a source checkout, a wheel or a
zip. Every IRI the code needs comes from here, so none is spelled as a string elsewhere:
ontology terms from the closed namespace :class:`CIS` (an unknown term is an error, not a
silently minted IRI), external vocabularies and the instance base from the constants below.

Example:
    >>> from cislib.ontology import CIS, SCHEMA, ID
    >>> str(CIS.Participation)
    'https://w3id.org/cislib/def#Participation'
    >>> str(SCHEMA.Event)
    'https://schema.org/Event'
    >>> str(ID["country/uz"])
    'https://w3id.org/cislib/id/country/uz'
"""

from functools import cache
from importlib.resources import files

from rdflib import Graph, Namespace, URIRef

from cislib.ontology.namespace import CIS

__all__ = [
    "CIS",
    "DCTERMS",
    "FOAF",
    "ID",
    "OA",
    "ONTOLOGY_IRI",
    "ONTOLOGY_VERSION_IRI",
    "ORG",
    "PROV",
    "SCHEMA",
    "SHAPES_IRI",
    "SH_NS",
    "SKOS",
    "WD",
    "load_ontology",
    "load_shapes",
    "ontology_text",
    "shapes_text",
]

#: The ontology itself (the subject of its owl:Ontology triple); terms are ``CIS``.
ONTOLOGY_IRI = URIRef("https://w3id.org/cislib/def")
#: The IRI of this version of the ontology (owl:versionIRI).
ONTOLOGY_VERSION_IRI = URIRef("https://w3id.org/cislib/def/0.1.0")
#: The shapes graph (the subject of its owl:Ontology triple, holding its sh:declare prefixes).
SHAPES_IRI = URIRef("https://w3id.org/cislib/shapes")
#: The namespace of SHACL shapes, e.g. ``SH_NS.CountryShape``; kept apart from ``CIS``
#: because shapes are rules about the data, not terms of the vocabulary.
SH_NS = Namespace("https://w3id.org/cislib/shapes#")

#: Instances: ``ID["country/uz"]``; see ``cislib.identifiers`` for the key scheme.
ID = Namespace("https://w3id.org/cislib/id/")

# External vocabularies, as docs/model.md spells them. These are open namespaces (plain
# rdflib Namespace) on purpose: rdflib's bundled closed versions lag behind the vocabularies
# and, for schema.org, disagree on http vs https.
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")


@cache
def ontology_text() -> str:
    """Return the ontology as Turtle text, exactly as shipped.

    Returns:
        The content of ``cislib/ontology/cislib.ttl``.
    """
    return files(__name__).joinpath("cislib.ttl").read_text(encoding="utf-8")


@cache
def shapes_text() -> str:
    """Return the SHACL shapes as Turtle text, exactly as shipped.

    Returns:
        The content of ``cislib/ontology/shapes.ttl``.
    """
    return files(__name__).joinpath("shapes.ttl").read_text(encoding="utf-8")


def load_ontology() -> Graph:
    """Parse the ontology into a new graph.

    A fresh graph on every call, so callers may add to it without affecting one another.

    Returns:
        The ontology's triples, with its prefixes bound.

    Example:
        >>> from rdflib.namespace import OWL, RDF
        >>> (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in load_ontology()
        True
    """
    return Graph().parse(data=ontology_text(), format="turtle")


def load_shapes() -> Graph:
    """Parse the SHACL shapes into a new graph, ready to pass to ``pyshacl.validate``.

    Returns:
        The shapes' triples, with their prefixes bound.

    Example:
        >>> from rdflib.namespace import RDF, SH
        >>> (SH_NS.CountryShape, RDF.type, SH.NodeShape) in load_shapes()
        True
    """
    return Graph().parse(data=shapes_text(), format="turtle")
