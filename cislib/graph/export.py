"""Deterministic exports: the same graph always gives the same bytes.

N-Triples and N-Quads are sorted lines; Turtle and TriG are written here (subjects, predicates
and objects sorted, common prefixes abbreviated) rather than by a serializer whose order depends
on insertion; JSON-LD is written here too (flattened, one node object per subject and graph,
every literal as a string with its datatype or language, so its lexical form survives).
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

from cislib.graph.store import GraphStore
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


_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _compactor(context: Mapping[str, str]):
    """A function shortening an IRI to ``prefix:local`` with the context's prefixes.

    The longest matching namespace wins; an IRI whose local part would be empty or start with
    ``//`` stays whole, since JSON-LD would read such a compact IRI differently.
    """
    prefixes = sorted(
        ((ns, name) for name, ns in context.items() if isinstance(ns, str)),
        key=lambda item: -len(item[0]),
    )

    def compact(iri: str) -> str:
        for namespace, name in prefixes:
            local = iri[len(namespace) :]
            if iri.startswith(namespace) and local and not local.startswith("//"):
                return f"{name}:{local}"
        return iri

    return compact


def _jsonld_object(term, compact) -> dict:
    if isinstance(term, ox.Literal):
        if term.language:
            return {"@language": term.language, "@value": term.value}
        if term.datatype.value == _XSD_STRING:
            return {"@value": term.value}
        return {"@type": compact(term.datatype.value), "@value": term.value}
    return {"@id": compact(_jsonld_id(term))}


def _jsonld_id(term) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else term.value


def _json_key(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def to_jsonld(quads: Iterable[ox.Quad]) -> str:
    """JSON-LD: one named graph object per graph, the shipped context inline.

    Written directly rather than through rdflib, whose serializer turns typed literals into
    JSON numbers (``"01"^^xsd:integer`` would come back as ``1``, and an integer beyond 64
    bits cannot be written at all): here every literal keeps its lexical form. Nodes, keys and
    values are sorted, so the same graph gives the same bytes.
    """
    context = jsonld_context()["@context"]
    compact = _compactor(context)
    graphs: dict[str, dict[str, dict[str, list]]] = defaultdict(lambda: defaultdict(dict))
    for q in quads:
        graph = "" if isinstance(q.graph_name, ox.DefaultGraph) else _jsonld_id(q.graph_name)
        node = graphs[graph][_jsonld_id(q.subject)]
        if q.predicate.value == _RDF_TYPE and not isinstance(q.object, ox.Literal):
            node.setdefault("@type", []).append(compact(_jsonld_id(q.object)))
        else:
            key = compact(q.predicate.value)
            node.setdefault(key, []).append(_jsonld_object(q.object, compact))

    def node_objects(nodes: dict[str, dict[str, list]]) -> list[dict]:
        out = []
        for subject in sorted(nodes):
            node = {"@id": compact(subject)}
            for key, items in sorted(nodes[subject].items()):
                if key == "@type":
                    node[key] = sorted(set(items))
                else:  # one copy of each value, in a fixed order
                    node[key] = [v for _, v in sorted({_json_key(i): i for i in items}.items())]
            out.append(node)
        return out

    document: dict = {"@context": context}
    top = node_objects(graphs.pop("", {}))
    named = [{"@id": compact(g), "@graph": node_objects(graphs[g])} for g in sorted(graphs)]
    document["@graph"] = top + named
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


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
