"""Everything known about one node, each fact with the report and quote behind it."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from cislib.errors import QueryError
from cislib.graph.export import PREFIXES
from cislib.graph.store import GraphStore
from cislib.queries import load_query, select


def shorten(value) -> str:
    """An IRI as a prefixed name where a known prefix covers it."""
    text = str(value)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if text.startswith(namespace) and "/" not in text[len(namespace) :]:
            return f"{prefix}:{text[len(namespace) :]}"
    return text


@dataclass
class Explanation:
    """The statements about a node and the facts it takes part in."""

    node: str
    statements: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)

    def to_text(self) -> str:
        """A readable account, grouped by graph and by kind of fact."""
        lines = [f"<{self.node}>"]
        graph = None
        for row in self.statements:
            if row["graph"] != graph:
                graph = row["graph"]
                source = f" (report {row['file']})" if row["file"] else ""
                lines.append(f"\n  in <{graph}>{source}:")
            lines.append(f"    {shorten(row['predicate'])}  {shorten(row['object'])}")
            if row["quote"]:
                lines.append(f"        \u201c{row['quote']}\u201d")
        kind = None
        for row in self.links:
            if row["kind"] != kind:
                kind = row["kind"]
                lines.append(f"\n  {kind}s:")
            lines.append(
                f"    {shorten(row['fact'])}\n        {row['file']} [{row['start']}:{row['end']}] "
                f"\u201c{row['quote']}\u201d"
            )
        return "\n".join(lines)


def resolve_node(store: GraphStore, name_or_iri: str) -> str:
    """Find the node an IRI or a label names.

    Raises:
        QueryError: nothing has that label, or several nodes do (they are listed).
    """
    if name_or_iri.startswith(("http://", "https://", "urn:")):
        return name_or_iri
    rows = select(store, load_query("find-node"), name=name_or_iri)
    nodes = sorted({row["node"] for row in rows})
    if not nodes:
        raise QueryError(f"nothing in the graph is called {name_or_iri!r}")
    if len(nodes) > 1:
        listed = "\n  ".join(nodes)
        raise QueryError(f"{name_or_iri!r} names several nodes; give one IRI:\n  {listed}")
    return nodes[0]


def explain(store: GraphStore, name_or_iri: str) -> Explanation:
    """Everything the store knows about a node named by IRI or label."""
    iri = resolve_node(store, name_or_iri)
    node = ox.NamedNode(iri)
    statements = select(store, load_query("node-facts"), node=node)
    links = select(store, load_query("node-links"), node=node)
    if not statements and not links:
        raise QueryError(f"nothing is known about <{iri}>")
    return Explanation(node=iri, statements=statements, links=links)
