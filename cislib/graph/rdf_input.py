"""RDF files from users, read without surprises: no network, no entity expansion, a size cap.

``cislib load`` stores curated additions (a partner's corrections, extra links) in a named
graph of their own. Files come from anywhere, so reading one must never reach outside the
machine or blow up:

* the format comes from the suffix (``SUFFIX_FORMATS``) and the size is checked before reading;
* RDF/XML with a DOCTYPE or an ENTITY declaration is refused before it is parsed, so neither an
  entity bomb nor an external entity is ever expanded;
* JSON-LD may name no remote context: a context given by IRI or brought in by ``@import`` is
  refused, except the package's own (``PACKAGE_CONTEXT_IRI``), which is put in from the package;
* Turtle, TriG, N-Triples and N-Quads have no way to fetch anything, and nothing in cislib acts
  on ``owl:imports`` or on shapes found in data (validation uses the package's shapes only);
* every problem is an ``RDFInputError`` naming the file and, where the parser knows it, the line.

Every triple of the files goes into the one target graph (the graphs a TriG, N-Quads or
JSON-LD file puts them in are not kept), blank nodes become stable skolem IRIs of that graph,
and the graph is replaced in one transaction: all the files are stored, or none.

Example:
    >>> with GraphStore.open(path, write=True) as store:  # doctest: +SKIP
    ...     print(load_files(store, ["curated.ttl"]).to_text())
    curated.ttl: 12 triples
    Stored 12 triples in https://w3id.org/cislib/id/graph/curated (replacing 0).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from cislib.errors import RDFInputError
from cislib.graph.export import jsonld_context
from cislib.graph.store import GraphStore
from cislib.graph.terms import SYSTEM_GRAPHS, node
from cislib.identifiers import mint
from cislib.ontology import SCHEMA

#: The format of each file suffix ``cislib load`` reads.
SUFFIX_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".trig": ox.RdfFormat.TRIG,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}

#: Larger files are refused before they are read.
MAX_RDF_BYTES = 32 * 1024 * 1024

#: The IRI by which a JSON-LD file may name the package's own context (never fetched).
PACKAGE_CONTEXT_IRI = "https://w3id.org/cislib/context.jsonld"

#: Where ``cislib load`` stores triples unless told otherwise.
CURATED_GRAPH = mint("graph", "curated")

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# A DTD is the only way RDF/XML can declare entities; with none, nothing is expanded.
_XML_DECLARATIONS = re.compile(r"<!(?:DOCTYPE|ENTITY)\b")


@dataclass
class LoadResult:
    """What ``load_files`` stored: the graph, triples per file, and the size it replaced."""

    graph: str
    files: list[tuple[str, int]] = field(default_factory=list)
    triples: int = 0
    replaced: int = 0

    def to_text(self) -> str:
        """One line per file, then a summary line."""
        lines = [f"{name}: {count} triples" for name, count in self.files]
        lines.append(f"Stored {self.triples} triples in {self.graph} (replacing {self.replaced}).")
        return "\n".join(lines)


def _shown(path: Path) -> str:
    text = str(path)
    return text if text.isprintable() else repr(text)


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, max(index, 0)) + 1


def read_bytes(path: str | Path) -> bytes:
    """The bytes of an RDF file, its size checked before it is read.

    Raises:
        RDFInputError: missing, not a file, unreadable, or over ``MAX_RDF_BYTES``.
    """
    path = Path(path)
    shown = _shown(path)
    try:
        if not path.is_file():
            path.stat()  # a missing path raises FileNotFoundError here
            raise RDFInputError(f"{shown}: not a file")
        size = path.stat().st_size
        if size > MAX_RDF_BYTES:
            raise RDFInputError(f"{shown}: {size} bytes is over the {MAX_RDF_BYTES} byte limit")
        with path.open("rb") as handle:
            data = handle.read(MAX_RDF_BYTES + 1)
    except FileNotFoundError:
        raise RDFInputError(f"{shown}: no such file") from None
    except PermissionError:
        raise RDFInputError(f"{shown}: permission denied") from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL character in the path
        reason = getattr(exc, "strerror", None) or exc
        raise RDFInputError(f"{shown}: cannot be read ({reason})") from None
    if len(data) > MAX_RDF_BYTES:
        raise RDFInputError(f"{shown}: over the {MAX_RDF_BYTES} byte limit")
    return data


def format_of(path: str | Path) -> ox.RdfFormat:
    """The RDF format of a file, from its suffix.

    Raises:
        RDFInputError: the suffix is not one of ``SUFFIX_FORMATS``.
    """
    path = Path(path)
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(SUFFIX_FORMATS)
        raise RDFInputError(f"{_shown(path)}: unknown RDF file type; use one of {known}")
    return fmt


def _decode(data: bytes, shown: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RDFInputError(
            f"{shown}: line {line}: not valid UTF-8 (byte {exc.start}); RDF files must be UTF-8"
        ) from None


def _refuse_xml_declarations(text: str, shown: str) -> None:
    found = _XML_DECLARATIONS.search(text)
    if found:
        raise RDFInputError(
            f"{shown}: line {_line_of(text, found.start())}: a {found.group()[2:]} declaration; "
            "RDF/XML with a DTD is not accepted (entities could expand without bound or "
            "reach outside); write the file without one"
        )


def _jsonld_with_package_context(text: str, shown: str) -> str:
    """The JSON-LD text with every context checked, and the package's own put in by value.

    Raises:
        RDFInputError: malformed JSON, or a remote context (by IRI, or by ``@import``).
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RDFInputError(f"{shown}: line {exc.lineno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise RDFInputError(f"{shown}: the JSON is nested too deeply") from None
    package = jsonld_context()["@context"]
    changed = False

    def refuse(what: str, needle: str) -> None:
        index = text.find(json.dumps(needle)[1:-1]) if needle else -1
        where = f"line {_line_of(text, index)}: " if index >= 0 else ""
        raise RDFInputError(
            f"{shown}: {where}{what}; remote contexts are never fetched: put the context in "
            f"the file, or name the package's own as {PACKAGE_CONTEXT_IRI}"
        )

    def checked(context):
        nonlocal changed
        if isinstance(context, list):
            return [checked(item) for item in context]
        if isinstance(context, str):
            if context != PACKAGE_CONTEXT_IRI:
                refuse(f"the context {context!r} is remote", context)
            changed = True
            return package
        if isinstance(context, dict) and "@import" in context:
            refuse(f"the context imports {context['@import']!r}", str(context["@import"]))
        return context

    # Walk without recursion: a hostile file can nest deeper than Python's stack.
    stack = [document]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            if "@context" in value:
                value["@context"] = checked(value["@context"])
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return json.dumps(document, ensure_ascii=False) if changed else text


def _syntax_error(exc: Exception, shown: str) -> RDFInputError:
    message = str(exc)
    if message.startswith("Parser error") and ": " in message:
        message = message.split(": ", 1)[1]  # the position is given below, once
    message = re.sub(r" \(line \d+\)$", "", message)
    line, column = getattr(exc, "lineno", None), getattr(exc, "offset", None)
    where = f"line {line}, column {column}: " if line and column else ""
    return RDFInputError(f"{shown}: {where}{message}")


def _refuse_unsupported(quad: ox.Quad, text: str, shown: str) -> None:
    for term in (quad.subject, quad.object):
        if isinstance(term, ox.Triple):
            index = text.find("<<")
            where = f"line {_line_of(text, index)}: " if index >= 0 else ""
            raise RDFInputError(
                f"{shown}: {where}a triple term (RDF 1.2); cislib stores RDF 1.1 only"
            )
        if isinstance(term, ox.Literal) and term.direction:
            raise RDFInputError(
                f"{shown}: the literal {term} has a base direction (RDF 1.2); "
                "cislib stores RDF 1.1 only"
            )


def read_rdf(path: str | Path) -> list[ox.Triple]:
    """Every triple of a user's RDF file, read safely (see the module's description).

    Blank nodes keep the parser's labels here; ``load_files`` turns them into IRIs.

    Raises:
        RDFInputError: naming the file and, where known, the line.
    """
    path = Path(path)
    shown = _shown(path)
    fmt = format_of(path)
    text = _decode(read_bytes(path), shown)
    if fmt == ox.RdfFormat.RDF_XML:
        _refuse_xml_declarations(text, shown)
    elif fmt == ox.RdfFormat.JSON_LD:
        text = _jsonld_with_package_context(text, shown)
    try:
        quads = list(ox.parse(text, fmt))
    except (SyntaxError, ValueError, OSError) as exc:
        raise _syntax_error(exc, shown) from None
    triples = []
    for quad in quads:
        _refuse_unsupported(quad, text, shown)
        triples.append(ox.Triple(quad.subject, quad.predicate, quad.object))
    return triples


def target_graph(store: GraphStore, graph: str | None) -> ox.NamedNode:
    """The named graph ``cislib load`` may write: any absolute IRI but the store's own graphs.

    Raises:
        RDFInputError: the IRI is invalid, or names the ontology, reference or derived graph
            or a report's graph.
    """
    iri = graph or CURATED_GRAPH
    try:
        target = ox.NamedNode(iri)
    except ValueError as exc:
        raise RDFInputError(f"--graph {iri!r} is not a valid absolute IRI: {exc}") from None
    if ":" not in iri:
        raise RDFInputError(f"--graph {iri!r} is not an absolute IRI")
    if target in SYSTEM_GRAPHS:
        raise RDFInputError(f"--graph {iri}: that graph is cislib's own; choose another")
    report = node(str(SCHEMA.Report))
    if any(store.oxigraph.quads_for_pattern(target, _RDF_TYPE, report, target)):
        raise RDFInputError(f"--graph {iri}: that graph holds a report; choose another")
    return target


def skolemised(triples: Iterable[ox.Triple], graph: ox.NamedNode, scope: str) -> list[ox.Triple]:
    """The triples with each blank node replaced by an IRI of its own, the same for the same
    input (numbered in order of appearance, per ``scope`` and graph), so that exports stay
    deterministic and blank nodes of different files or graphs never meet."""
    names: dict[str, ox.NamedNode] = {}
    digest = hashlib.sha256(f"{graph.value}\n{scope}".encode()).hexdigest()[:16]

    def named(term):
        if not isinstance(term, ox.BlankNode):
            return term
        if term.value not in names:
            names[term.value] = ox.NamedNode(
                f"https://w3id.org/cislib/.well-known/genid/{digest}-{len(names) + 1}"
            )
        return names[term.value]

    return [ox.Triple(named(t.subject), t.predicate, named(t.object)) for t in triples]


def load_files(
    store: GraphStore, paths: Iterable[str | Path], graph: str | None = None
) -> LoadResult:
    """Replace a named graph with the triples of RDF files, all or nothing.

    Every file is read and checked before anything is written; then the graph's old content
    is dropped and the new stored in one transaction (with the derived labels recomputed).

    Args:
        store: a store open for writing.
        paths: RDF files (``SUFFIX_FORMATS``).
        graph: the named graph's IRI (default ``CURATED_GRAPH``).

    Raises:
        RDFInputError: a file cannot be read or parsed, or the graph may not be written.
    """
    target = target_graph(store, graph)
    result = LoadResult(graph=target.value)
    triples: dict[ox.Triple, None] = {}
    for number, path in enumerate(paths):
        read = skolemised(read_rdf(path), target, str(number))
        result.files.append((Path(path).name, len(read)))
        triples.update(dict.fromkeys(read))
    if not store.report_graphs() and store.count() == 0:
        store.load_base()
    result.replaced = store.count(target)
    ordered = sorted(triples, key=str)
    store.replace_graph(target, ordered)
    result.triples = len(ordered)
    return result
