"""The embedded store: an on-disk Oxigraph database, one named graph per report.

Layout of a store folder::

    <store>/oxigraph/   the Oxigraph (RocksDB) database
    <store>/lock        taken exclusively by the one writer, shared by readers

Every write is one SPARQL Update request, which Oxigraph applies in a single transaction: a
report's graph is replaced (old version dropped, new quads inserted, derived labels and
shortcuts recomputed) completely or not at all.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from cislib.errors import StoreError, StoreInUseError
from cislib.extract.record import ExtractionRecord
from cislib.graph.build import build_report_quads
from cislib.graph.terms import (
    DERIVED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    SYSTEM_GRAPHS,
    node,
    text,
)
from cislib.ontology import CIS, PROV, SCHEMA, SKOS, ontology_text
from cislib.seeds import reference_files

STORE_ENV = "CISLIB_STORE"

#: Prefixes available to every update this module sends (a prologue may only open a request).
UPDATE_PREFIXES = {"skos": str(SKOS), "schema": str(SCHEMA), "cis": str(CIS), "prov": str(PROV)}

#: SPARQL Update that recomputes the derived graph: a preferred label per language for nodes
#: minted from reports (the longest name read, the smallest in code-point order on a tie), and
#: the schema.org shortcut triples implied by participations.
DERIVE_UPDATE = f"""
DROP SILENT GRAPH <{DERIVED_GRAPH.value}> ;
INSERT {{ GRAPH <{DERIVED_GRAPH.value}> {{ ?s skos:prefLabel ?label }} }}
WHERE {{
  {{ SELECT ?s ?lang (MAX(STRLEN(STR(?l))) AS ?longest)
     WHERE {{ GRAPH ?g {{ ?s skos:altLabel ?l }} FILTER(?g != <{REFERENCE_GRAPH.value}>)
             BIND(LANG(?l) AS ?lang) }}
     GROUP BY ?s ?lang }}
  {{ SELECT ?s ?lang ?length (MIN(STR(?l)) AS ?name)
     WHERE {{ GRAPH ?g {{ ?s skos:altLabel ?l }} FILTER(?g != <{REFERENCE_GRAPH.value}>)
             BIND(LANG(?l) AS ?lang) BIND(STRLEN(STR(?l)) AS ?length) }}
     GROUP BY ?s ?lang ?length }}
  FILTER(?length = ?longest && ?lang != "")
  FILTER NOT EXISTS {{ GRAPH <{REFERENCE_GRAPH.value}> {{ ?s skos:prefLabel ?any }} }}
  BIND(STRLANG(?name, ?lang) AS ?label)
}} ;
INSERT {{ GRAPH <{DERIVED_GRAPH.value}> {{ ?event schema:organizer ?agent }} }}
WHERE {{ GRAPH ?g {{ ?p cis:event ?event ; prov:agent ?agent ; cis:role cis:roleOrganizer }} }} ;
INSERT {{ GRAPH <{DERIVED_GRAPH.value}> {{ ?event schema:attendee ?agent }} }}
WHERE {{
  GRAPH ?g {{ ?p cis:event ?event ; prov:agent ?agent ; cis:role ?role }}
  FILTER(?role != cis:roleOrganizer && ?role != cis:roleHost)
  FILTER NOT EXISTS {{ GRAPH ?any {{ ?agent a schema:Country }} }}
}}
"""


def default_store_path() -> Path:
    """Where the store lives unless ``--store`` or ``CISLIB_STORE`` says otherwise.

    ``$XDG_DATA_HOME/cislib/store``, that is ``~/.local/share/cislib/store`` by default.
    """
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "cislib" / "store"


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did: the report graph written and the older versions it replaced."""

    report: str
    file: str
    triples: int
    replaced: tuple[str, ...]
    unchanged: bool


def _insert_data(graphs: dict[ox.NamedNode, Iterable[ox.Quad]]) -> str:
    lines = ["INSERT DATA {"]
    for graph, quads in graphs.items():
        lines.append(f"GRAPH {graph} {{")
        lines.extend(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        lines.append("}")
    lines.append("}")
    return "\n".join(lines)


class GraphStore:
    """The on-disk store. Open one writer, or any number of readers, at a time.

    Example:
        >>> with GraphStore.open(tmp_path, write=True) as store:  # doctest: +SKIP
        ...     store.load_base()
        ...     store.ingest(record)
    """

    def __init__(self, path: Path, store: ox.Store, lock_fd: int, write: bool):
        self.path = path
        self._store = store
        self._lock_fd = lock_fd
        self.write = write

    @classmethod
    def open(cls, path: str | Path | None = None, *, write: bool = False) -> GraphStore:
        """Open the store at ``path`` (default: ``default_store_path()``).

        Raises:
            StoreInUseError: another process is writing (or, for a writer, reading) it.
            StoreError: there is no store there (for a reader) or it cannot be opened.
        """
        path = Path(path) if path else default_store_path()
        data = path / "oxigraph"
        if not write and not data.is_dir():
            raise StoreError(f"no store at {path}: run 'cislib build' first")
        try:
            path.mkdir(parents=True, exist_ok=True)
            lock_fd = os.open(path / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc.strerror}") from None
        try:
            fcntl.flock(lock_fd, (fcntl.LOCK_EX if write else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock_fd)
            raise StoreInUseError(
                f"the store at {path} is in use by another cislib process; "
                "wait for it to finish, or use another --store"
            ) from None
        try:
            store = ox.Store(str(data)) if write else ox.Store.read_only(str(data))
        except OSError as exc:
            fcntl.flock(lock_fd, fcntl.LOCK_UN)
            os.close(lock_fd)
            raise StoreError(f"cannot open the store at {path}: {exc}") from None
        return cls(path, store, lock_fd, write)

    def close(self) -> None:
        """Flush and release the store."""
        if self._store is None:
            return
        if self.write:
            self._store.flush()
        self._store = None
        fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
        os.close(self._lock_fd)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------

    def _update(self, request: str) -> None:
        if not self.write:
            raise StoreError("the store was opened read-only")
        try:
            self._store.update(request, prefixes=UPDATE_PREFIXES)
        except OSError as exc:
            raise StoreError(f"writing to the store at {self.path} failed: {exc}") from None

    def load_base(self) -> None:
        """Load (or reload) the ontology and the reference data into their graphs."""
        ontology = ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)
        reference: list[ox.Quad] = []
        for file in reference_files():
            reference.extend(ox.parse(file.read_text(encoding="utf-8"), format=ox.RdfFormat.TURTLE))
        self._update(
            f"DROP SILENT GRAPH {ONTOLOGY_GRAPH} ; DROP SILENT GRAPH {REFERENCE_GRAPH} ;\n"
            + _insert_data({ONTOLOGY_GRAPH: ontology, REFERENCE_GRAPH: reference})
            + " ;\n"
            + DERIVE_UPDATE
        )

    def ingest(self, record: ExtractionRecord, derive: bool = True) -> IngestResult:
        """Store a record as its report's graph, replacing any earlier version of the report.

        An earlier version is a report graph with the same file name; it is dropped in the same
        transaction, so other reports are untouched and nothing is ever half-written. With
        ``derive=False`` the derived graph is left for one ``refresh_derived()`` after a batch
        (recomputing it after every report of a batch costs time in the size of the store).
        """
        graph = node(record.report.iri)
        quads = build_report_quads(record)
        older = [g for g in self.reports_by_file(record.report.file) if g != graph]
        unchanged = not older and sorted(self.quads(graph), key=str) == quads
        if not unchanged:
            drops = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in [*older, graph])
            derived = " ;\n" + DERIVE_UPDATE if derive else ""
            self._update(drops + _insert_data({graph: quads}) + derived)
        return IngestResult(
            report=record.report.iri,
            file=record.report.file,
            triples=len(quads),
            replaced=tuple(g.value for g in older),
            unchanged=unchanged,
        )

    def refresh_derived(self) -> None:
        """Recompute the derived graph (preferred labels, shortcut triples) from scratch."""
        self._update(DERIVE_UPDATE)

    def remove_report(self, report: str) -> bool:
        """Drop a report's graph; True when it was there."""
        graph = node(report)
        if not self._store.contains_named_graph(graph):
            return False
        self._update(f"DROP GRAPH {graph} ;\n" + DERIVE_UPDATE)
        return True

    # -- reading ------------------------------------------------------------------------

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for queries."""
        return self._store

    def query(self, sparql: str, bindings: dict[str, object] | None = None):
        """Run a SPARQL query over all graphs (their union is the default graph).

        ``bindings`` maps variable names to terms; the engine substitutes them, so values are
        never pasted into query text.
        """
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return self._store.query(
            sparql, use_default_graph_as_union=True, substitutions=substitutions or None
        )

    def report_graphs(self) -> list[ox.NamedNode]:
        """The named graphs that hold reports, sorted."""
        return sorted((g for g in self._store.named_graphs() if g not in SYSTEM_GRAPHS), key=str)

    def reports_by_file(self, file: str) -> list[ox.NamedNode]:
        """The report graphs whose report has this file name."""
        found = {
            quad.graph_name
            for quad in self._store.quads_for_pattern(None, node(CIS.fileName), text(file))
            if quad.graph_name not in SYSTEM_GRAPHS and quad.subject == quad.graph_name
        }
        return sorted(found, key=str)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one graph."""
        return self._store.quads_for_pattern(None, None, None, graph)

    def count(self, graph: ox.NamedNode | None = None) -> int:
        """The number of quads, in all graphs or in one."""
        return sum(1 for _ in self.quads(graph))

    def dump_nquads(self) -> bytes:
        """The whole store as N-Quads, in the store's own order."""
        return self._store.dump(format=ox.RdfFormat.N_QUADS)
