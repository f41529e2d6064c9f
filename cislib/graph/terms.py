"""RDF terms for the store: rdflib namespace members turned into pyoxigraph terms.

The closed namespaces in ``cislib.ontology`` are the single source of IRIs; this module only
converts them to the term types of the embedded store.
"""

from __future__ import annotations

import pyoxigraph as ox
import rdflib
from rdflib import XSD

from cislib.identifiers import mint

XSD_DATE = ox.NamedNode(str(XSD.date))
XSD_INTEGER = ox.NamedNode(str(XSD.integer))
XSD_DECIMAL = ox.NamedNode(str(XSD.decimal))
XSD_STRING = ox.NamedNode(str(XSD.string))

REFERENCE_GRAPH = ox.NamedNode(mint("graph", "reference"))
ONTOLOGY_GRAPH = ox.NamedNode(mint("graph", "ontology"))
DERIVED_GRAPH = ox.NamedNode(mint("graph", "derived"))
#: Graphs that are not report graphs.
SYSTEM_GRAPHS = (REFERENCE_GRAPH, ONTOLOGY_GRAPH, DERIVED_GRAPH)


def node(iri: str) -> ox.NamedNode:
    """A named node for an IRI (a namespace member or a minted IRI)."""
    return ox.NamedNode(str(iri))


def text(value: str, language: str | None = None) -> ox.Literal:
    """A string literal, language-tagged when ``language`` is given."""
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value)


def typed(value: object, datatype: ox.NamedNode) -> ox.Literal:
    """A typed literal such as an ``xsd:date`` or ``xsd:integer``."""
    return ox.Literal(str(value), datatype=datatype)


def to_rdflib(term):
    """Convert a pyoxigraph term to the equivalent rdflib term (for pyshacl and rdflib I/O)."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype == XSD_STRING:
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    raise TypeError(f"cannot convert {term!r}")
