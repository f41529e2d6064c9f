"""Deterministic exports: the same graph always gives the same bytes, streamed.

N-Triples and N-Quads are sorted lines; Turtle and TriG are written here (subjects, predicates
and objects sorted, common prefixes abbreviated) rather than by a serializer whose order depends
on insertion; JSON-LD is written here too (flattened, one node object per subject and graph,
every literal as a string with its datatype or language, so its lexical form survives).

An export of a store is streamed: ``export_chunks(store, fmt)`` yields the text in pieces and
never holds the whole store. TriG, N-Quads and JSON-LD are written one graph at a time (the
default graph first, then the named graphs by name), so memory is bounded by the largest
graph; Turtle and N-Triples, which merge the graphs, list the distinct subjects, sort them and
write one subject at a time, so memory is bounded by the number of subjects.
``write_export(store, fmt, path)`` streams to a file. The in-memory writers (``to_turtle``,
``to_trig``, ``to_ntriples``, ``to_nquads``, ``to_jsonld``, ``WRITERS``) write a list of quads
with the very same code, so ``export(store, fmt)``, the whole export as one string, equals
the writer of ``fmt`` applied to the store's quads.

Files are written to a temporary name and renamed into place (``write_atomically``, which
takes a string or an iterable of strings), so a crash or an interruption mid-export leaves the
old file intact.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from cislib.graph.store import GraphStore
from cislib.identifiers import ID_BASE
from cislib.ontology import CIS, DCTERMS, FOAF, OA, ORG, PROV, SCHEMA, SKOS, WD

FORMATS = ("turtle", "trig", "nt", "nq", "jsonld")
#: Streamed exports join their pieces into chunks of about this many characters.
CHUNK_CHARS = 1 << 16

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


# -- the order of graphs and subjects, shared by the in-memory and the streamed writers ---------

_Graph = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


def _graph_order(graph: _Graph) -> tuple[bool, str]:
    """The default graph first, then the named graphs by their N-Quads form."""
    return (not isinstance(graph, ox.DefaultGraph), str(graph))


def _quads_by_graph(quads: Iterable[ox.Quad]) -> Iterator[tuple[_Graph, list[ox.Quad]]]:
    """A list of quads grouped by graph, in graph order (the in-memory writers)."""
    graphs: dict = defaultdict(list)
    for q in quads:
        graphs[q.graph_name].append(q)
    for graph in sorted(graphs, key=_graph_order):
        yield graph, graphs[graph]


def _store_graphs(store: GraphStore) -> Iterator[tuple[_Graph, list[ox.Quad]]]:
    """The store's quads graph by graph, in graph order, one graph in memory at a time."""
    oxigraph = store.oxigraph
    graphs: list[_Graph] = [ox.DefaultGraph(), *oxigraph.named_graphs()]
    for graph in sorted(graphs, key=_graph_order):
        quads = list(oxigraph.quads_for_pattern(None, None, None, graph))
        if quads:  # a named graph may be declared yet empty: like the writers, skip it
            yield graph, quads


def _store_subjects(store: GraphStore, key: Callable) -> Iterator[list[ox.Quad]]:
    """The store's quads subject by subject (all graphs), subjects sorted by ``key``.

    Only the distinct subjects are held, and the quads of one subject at a time.
    """
    oxigraph = store.oxigraph
    rows = oxigraph.query("SELECT DISTINCT ?s WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    subjects = sorted((row[0] for row in rows), key=key)
    for subject in subjects:
        yield list(oxigraph.quads_for_pattern(subject, None, None, None))


def _coalesce(pieces: Iterable[str], size: int) -> Iterator[str]:
    """The pieces joined into chunks of at least ``size`` characters (the last may be less)."""
    held: list[str] = []
    length = 0
    for piece in pieces:
        held.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(held)
            held, length = [], 0
    if length:
        yield "".join(held)


# -- Turtle ---------------------------------------------------------------------------------


def _turtle_document(
    blocks: Iterable[str], prefixes: Mapping[str, str] = PREFIXES
) -> Iterator[str]:
    """A Turtle document in pieces: the prefixes, then the subject blocks."""
    yield "\n".join(_prefix_lines(prefixes)) + "\n\n"
    for i, block in enumerate(blocks):
        yield f"\n\n{block}" if i else block
    yield "\n"


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
    blocks = _block(triples, by_length=by_length, first=first)
    return "".join(_turtle_document(blocks, prefixes))


def _turtle_stream(store: GraphStore) -> Iterator[str]:
    """``to_turtle`` of the store, one subject block at a time (the same sorted order)."""
    blocks = (
        block
        for quads in _store_subjects(store, key=_term)
        for block in _block((q.subject, q.predicate, q.object) for q in quads)
    )
    return _turtle_document(blocks)


# -- TriG -----------------------------------------------------------------------------------


def _trig_graph(graph: _Graph, quads: Iterable[ox.Quad]) -> str:
    """One graph of a TriG document: ``name { blocks }``, or bare blocks for the default."""
    body = "\n\n".join(_block(((q.subject, q.predicate, q.object) for q in quads), indent="  "))
    if isinstance(graph, ox.DefaultGraph):
        return body
    return f"{_term(graph)} {{\n{body}\n}}"


def _trig_document(graphs: Iterable[tuple[_Graph, list[ox.Quad]]]) -> Iterator[str]:
    """A TriG document in pieces: the prefixes, then one graph at a time."""
    yield "\n".join(_prefix_lines())
    for graph, quads in graphs:
        yield "\n\n" + _trig_graph(graph, quads)
    yield "\n"


def to_trig(quads: Iterable[ox.Quad]) -> str:
    """TriG with one block per graph: the default graph (if any) first, then by name."""
    return "".join(_trig_document(_quads_by_graph(quads)))


def _trig_stream(store: GraphStore) -> Iterator[str]:
    return _trig_document(_store_graphs(store))


# -- N-Triples and N-Quads ----------------------------------------------------------------------


def _sorted_lines(lines: Iterable[str]) -> str:
    return "".join(line + "\n" for line in sorted(set(lines)))


def _ntriples(quads: Iterable[ox.Quad | ox.Triple]) -> str:
    return _sorted_lines(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def _nquads(quads: Iterable[ox.Quad]) -> str:
    # a quad's own text is its N-Quads line, with no graph term for the default graph
    return _sorted_lines(f"{q} ." for q in quads)


def to_ntriples(quads: Iterable[ox.Quad]) -> str:
    """Sorted N-Triples of the union of all graphs."""
    return _ntriples(quads)


def _ntriples_stream(store: GraphStore) -> Iterator[str]:
    """``to_ntriples`` of the store, subject by subject.

    Subjects in the order of their N-Triples form, then each subject's lines sorted: the same
    bytes as sorting all lines at once, since the space after a subject sorts below any
    character that could continue it into another subject.
    """
    return (_ntriples(quads) for quads in _store_subjects(store, key=str))


def to_nquads(quads: Iterable[ox.Quad]) -> str:
    """N-Quads graph by graph (the default graph first, then by name), lines sorted in each."""
    return "".join(_nquads(graph_quads) for _, graph_quads in _quads_by_graph(quads))


def _nquads_stream(store: GraphStore) -> Iterator[str]:
    return (_nquads(quads) for _, quads in _store_graphs(store))


# -- JSON-LD --------------------------------------------------------------------------------


def jsonld_context() -> dict:
    """The JSON-LD context shipped with the package."""
    text = resources.files("cislib.ontology").joinpath("context.jsonld").read_text("utf-8")
    return json.loads(text)


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


def _jsonld_graph(graph: _Graph, quads: Iterable[ox.Quad], compact) -> list[dict]:
    """The ``@graph`` entries of one graph: its node objects for the default graph, else one
    named graph object holding them. Nodes, keys and values sorted, each value once."""
    nodes: dict[str, dict[str, list]] = defaultdict(dict)
    for q in quads:
        node = nodes[_jsonld_id(q.subject)]
        if q.predicate.value == _RDF_TYPE and not isinstance(q.object, ox.Literal):
            node.setdefault("@type", []).append(compact(_jsonld_id(q.object)))
        else:
            key = compact(q.predicate.value)
            node.setdefault(key, []).append(_jsonld_object(q.object, compact))
    objects = []
    for subject in sorted(nodes):
        node = {"@id": compact(subject)}
        for key, items in sorted(nodes[subject].items()):
            if key == "@type":
                node[key] = sorted(set(items))
            else:  # one copy of each value, in a fixed order
                node[key] = [v for _, v in sorted({_json_key(i): i for i in items}.items())]
        objects.append(node)
    if isinstance(graph, ox.DefaultGraph):
        return objects
    return [{"@id": compact(_jsonld_id(graph)), "@graph": objects}]


def _json(value, indent: str) -> str:
    """``value`` as indented JSON, its lines after the first shifted right by ``indent``
    (JSON strings hold no raw line breaks, so only the layout's own lines move)."""
    text = json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)
    return text.replace("\n", "\n" + indent)


def _jsonld_document(graphs: Iterable[tuple[_Graph, list[ox.Quad]]]) -> Iterator[str]:
    """The JSON-LD document in pieces, one graph at a time: byte for byte what
    ``json.dumps({"@context": ..., "@graph": [...]}, indent=2, sort_keys=True)`` gives."""
    context = jsonld_context()["@context"]
    compact = _compactor(context)
    yield '{\n  "@context": ' + _json(context, "  ") + ',\n  "@graph": ['
    empty = True
    for graph, quads in graphs:
        entries = _jsonld_graph(graph, quads, compact)
        for entry in entries:
            yield ("\n    " if empty else ",\n    ") + _json(entry, "    ")
            empty = False
    yield "]\n}\n" if empty else "\n  ]\n}\n"


def to_jsonld(quads: Iterable[ox.Quad]) -> str:
    """JSON-LD: one named graph object per graph, the shipped context inline.

    Written directly rather than through rdflib, whose serializer turns typed literals into
    JSON numbers (``"01"^^xsd:integer`` would come back as ``1``, and an integer beyond 64
    bits cannot be written at all): here every literal keeps its lexical form. Nodes of the
    default graph (if any) come first, then the named graphs by name; nodes, keys and values
    are sorted, so the same graph gives the same bytes.
    """
    return "".join(_jsonld_document(_quads_by_graph(quads)))


def _jsonld_stream(store: GraphStore) -> Iterator[str]:
    return _jsonld_document(_store_graphs(store))


# -- the whole store -----------------------------------------------------------------------

WRITERS = {
    "turtle": to_turtle,
    "trig": to_trig,
    "nt": to_ntriples,
    "nq": to_nquads,
    "jsonld": to_jsonld,
}

#: The streamed writers: the same text as ``WRITERS`` applied to the store's quads, in pieces.
_STREAMS: dict[str, Callable[[GraphStore], Iterator[str]]] = {
    "turtle": _turtle_stream,
    "trig": _trig_stream,
    "nt": _ntriples_stream,
    "nq": _nquads_stream,
    "jsonld": _jsonld_stream,
}


def export_chunks(store: GraphStore, fmt: str, chunk_chars: int = CHUNK_CHARS) -> Iterator[str]:
    """Serialise the whole store in ``fmt`` (one of ``FORMATS``) as a stream of text chunks.

    The chunks, joined, are the export; each holds about ``chunk_chars`` characters (more when
    one graph or subject alone is larger). Nothing is read from the store before the first
    chunk is asked for, and the store must stay open until the last one. Memory is bounded by
    the largest graph (TriG, N-Quads, JSON-LD) or by the number of subjects (Turtle,
    N-Triples), never by the whole store.

    Raises:
        ValueError: an unknown format (at once, not when iterating).
    """
    if fmt not in _STREAMS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return _coalesce(_STREAMS[fmt](store), chunk_chars)


def export(store: GraphStore, fmt: str) -> str:
    """The whole store in ``fmt`` as one string (``export_chunks`` joined): for small stores.

    Larger stores go to a file with ``write_export``, or chunk by chunk with ``export_chunks``.
    """
    return "".join(export_chunks(store, fmt))


def write_export(store: GraphStore, fmt: str, path: str | Path) -> int:
    """Stream the whole store in ``fmt`` into the file ``path``, atomically.

    Returns:
        The number of bytes written.
    """
    return write_atomically(path, export_chunks(store, fmt))


def _umask() -> int:
    """This process's file-creation mask (reading it means setting it, so it is set back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomically(path: str | Path, content: str | Iterable[str]) -> int:
    """Write a file so that readers see the old content or the new, never a part.

    ``content`` is a string or an iterable of strings (chunks, written as they come) to be
    written as UTF-8. It goes to a temporary file beside ``path``, which is synced and then
    renamed over ``path``; on any failure, an interruption or an error raised by the iterable
    included, the temporary file is removed and ``path`` is left as it was.

    Returns:
        The number of bytes written.
    """
    path = Path(path)
    chunks = (content,) if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(dir=path.parent or ".", prefix=f".{path.name}.", suffix=".tmp")
    written = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                data = chunk.encode("utf-8")
                handle.write(data)
                written += len(data)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); an export is meant to be shared, so it gets
        # the mode any new file gets here
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written
