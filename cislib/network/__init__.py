"""Cooperation networks: who took part in the same events, as data files, pictures and a page.

``network(store, request)`` reads the events, involvements and places of nodes through the
named queries (``cislib.network.source``), builds a networkx graph with node metrics
(``cislib.network.build``), and ``render(graph, fmt)`` writes it as GEXF, GraphML, node-link
JSON, a CSV edge list, DOT, PNG, SVG or an offline HTML page (``cislib.network.formats``).

Use::

    request = NetworkRequest.parse("countries", since="2021", lang="ru")
    with GraphStore.open(path) as store:
        graph = network(store, request)
    write_output("countries.gexf", render(graph, "gexf"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cislib.network.formats import (
    BINARY_FORMATS,
    FORMATS,
    format_for,
    render,
    write_output,
)
from cislib.network.request import KINDS, NetworkError, NetworkRequest
from cislib.network.style import COLOUR_BY

if TYPE_CHECKING:  # networkx loads when a network is built, not when the CLI starts
    import networkx as nx

    from cislib.graph.store import GraphStore

__all__ = [
    "BINARY_FORMATS",
    "COLOUR_BY",
    "FORMATS",
    "KINDS",
    "NetworkError",
    "NetworkRequest",
    "format_for",
    "network",
    "render",
    "write_output",
]


def network(store: GraphStore, request: NetworkRequest) -> nx.Graph:
    """The network asked for, read from the store, with its node metrics.

    Raises:
        NetworkError: an unknown ``--country`` or ``--event-type``.
        QueryError: a query failed.
    """
    from cislib.network.build import build_network
    from cislib.network.source import read_rows

    return build_network(read_rows(store, request), request)
