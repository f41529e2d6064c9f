"""Deterministic exports: the same graph always gives the same bytes.

N-Triples and N-Quads are sorted lines; Turtle and TriG are written here (subjects, predicates
and objects sorted, common prefixes abbreviated) rather than by a serializer whose order depends
on insertion; JSON-LD goes through rdflib and is then normalised (sorted nodes and keys).
Files are written to a temporary name and renamed into place, so a crash mid-export leaves the
old file intact.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
import rdflib

from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib
from cislib.identifiers import ID_BASE
from cislib.ontology import CIS, DCTERMS, FOAF, OA, ORG, PROV, SCHEMA, SKOS, WD

FORMATS = ("turtle", "trig", "nt", "nq", "jsonld")

#: Prefixes written at the top of Turtle and TriG files, in this order.
PREFIXES = {
    "cis": str(CIS),
    "id": ID_BASE,
    "schema": str(SCHEMA),
    "org": str(ORG),
    "prov": str(PROV),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "oa": str(OA),
    "wd": str(WD),
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "sh": "http://www.w3.org/ns/shacl#",
}
_RDF_TYPE = PREFIXES["rdf"] + "type"
#: A local name that is safe in every Turtle parser (stricter than the grammar on purpose).
_SAFE_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Prefixes are tried longest namespace first, so id: never hides a more specific one.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def _by_length(prefixes: Mapping[str, str]) -> list[tuple[str, str]]:
    return sorted(prefixes.items(), key=lambda item: -len(item[1]))


def _iri(term: ox.NamedNode, by_length: list[tuple[str, str]] = _BY_LENGTH) -> str:
    value = term.value
    for prefix, namespace in by_length:
        if value.startswith(namespace) and _SAFE_LOCAL.fullmatch(value[len(namespace) :]):
            return f"{prefix}:{value[len(namespace) :]}"
    return str(term)


def _term(term, by_length: list[tuple[str, str]] = _BY_LENGTH) -> str:
    if isinstance(term, ox.NamedNode):
        return _iri(term, by_length)
    if isinstance(term, ox.Literal):
        # pyoxigraph's N-Triples form of the bare string: quotes, backslashes and every
        # control character (U+0000-U+001F, U+007F) escaped, which Turtle reads the same way.
        lexical = str(ox.Literal(term.value))
        if term.language:
            return f"{lexical}@{term.language}"
        if term.datatype.value == PREFIXES["xsd"] + "string":
            return lexical
        return f"{lexical}^^{_iri(term.datatype, by_length)}"
    return str(term)


def _block(
    triples: Iterable[tuple],
    indent: str = "",
    by_length: list[tuple[str, str]] = _BY_LENGTH,
    first: ox.NamedNode | None = None,
) -> list[str]:
    by_subject: dict = defaultdict(lambda: defaultdict(set))
    for s, p, o in triples:
        by_subject[_term(s, by_length)][p.value].add(_term(o, by_length))
    lines = []
    lead = _term(first, by_length) if first is not None else None
    for subject in sorted(by_subject, key=lambda subject: (subject != lead, subject)):
        predicates = by_subject[subject]
        # rdf:type first, then the rest by IRI: the usual Turtle reading order.
        order = sorted(predicates, key=lambda p: (p != _RDF_TYPE, p))
        parts = []
        for predicate in order:
            name = "a" if predicate == _RDF_TYPE else _iri(ox.NamedNode(predicate), by_length)
            objects = sorted(predicates[predicate])
            parts.append(f"{name} " + f" ,\n{indent}        ".join(objects))
        lines.append(f"{indent}{subject}\n{indent}    " + f" ;\n{indent}    ".join(parts) + " .")
    return lines


def _prefix_lines(prefixes: Mapping[str, str] = PREFIXES) -> list[str]:
    return [f"@prefix {p}: <{ns}> ." for p, ns in prefixes.items()]


def to_turtle(
    quads: Iterable[ox.Quad | ox.Triple],
    prefixes: Mapping[str, str] = PREFIXES,
    first: ox.NamedNode | None = None,
) -> str:
    """Turtle of the union of the quads' graphs (duplicates across graphs merged).

    ``prefixes`` are declared in their order; the default is ``PREFIXES``. Triples are
    accepted too (everything is written as one graph). Subjects are sorted, except that
    ``first``, when given, leads (the node a document is about, for its human readers).

    Example:
        >>> s, p = ox.NamedNode(ID_BASE + "country/uz"), ox.NamedNode(PREFIXES["cis"] + "isoCode")
        >>> print(to_turtle([ox.Triple(s, p, ox.Literal("UZ"))], {"cis": PREFIXES["cis"]}))
        @prefix cis: <https://w3id.org/cislib/def#> .
        <BLANKLINE>
        <https://w3id.org/cislib/id/country/uz>
            cis:isoCode "UZ" .
        <BLANKLINE>
    """
    by_length = _by_length(prefixes)
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    body = "\n\n".join(_block(triples, by_length=by_length, first=first))
    return "\n".join(_prefix_lines(prefixes)) + "\n\n" + body + "\n"


def to_trig(quads: Iterable[ox.Quad]) -> str:
    """TriG with one block per named graph, graphs sorted by name."""
    graphs: dict = defaultdict(list)
    for q in quads:
        graphs[q.graph_name].append((q.subject, q.predicate, q.object))
    out = ["\n".join(_prefix_lines())]
    for graph in sorted(graphs, key=str):
        body = "\n\n".join(_block(graphs[graph], indent="  "))
        name = _term(graph) if isinstance(graph, ox.NamedNode) else ""
        out.append(f"{name} {{\n{body}\n}}" if name else body)
    return "\n\n".join(out) + "\n"


def to_ntriples(quads: Iterable[ox.Quad]) -> str:
    """Sorted N-Triples of the union of all graphs."""
    lines = {f"{q.subject} {q.predicate} {q.object} ." for q in quads}
    return "".join(line + "\n" for line in sorted(lines))


def to_nquads(quads: Iterable[ox.Quad]) -> str:
    """Sorted N-Quads."""
    lines = {f"{q.subject} {q.predicate} {q.object} {q.graph_name} ." for q in quads}
    return "".join(line + "\n" for line in sorted(lines))


def jsonld_context() -> dict:
    """The JSON-LD context shipped with the package."""
    text = resources.files("cislib.ontology").joinpath("context.jsonld").read_text("utf-8")
    return json.loads(text)


def _sorted_json(value):
    if isinstance(value, dict):
        return {k: _sorted_json(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sorted_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def to_jsonld(quads: Iterable[ox.Quad]) -> str:
    """JSON-LD (one named graph per report) compacted with the shipped context."""
    dataset = rdflib.Dataset()
    for q in sorted(quads, key=str):
        graph = dataset.graph(to_rdflib(q.graph_name))
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    context = jsonld_context()
    data = json.loads(dataset.serialize(format="json-ld", context=context["@context"]))
    data = _sorted_json(data)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


WRITERS = {
    "turtle": to_turtle,
    "trig": to_trig,
    "nt": to_ntriples,
    "nq": to_nquads,
    "jsonld": to_jsonld,
}


def export(store: GraphStore, fmt: str) -> str:
    """Serialise the whole store in ``fmt`` (one of ``FORMATS``)."""
    if fmt not in WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return WRITERS[fmt](list(store.quads()))


def write_atomically(path: str | Path, content: str) -> None:
    """Write a file so that readers see the old content or the new, never a part."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
