"""Building a network from query rows: nodes, edges with the events behind them, node metrics.

The graph's ``events`` attribute lists every event behind the network, in date order.

The co-involvement networks (``countries``, ``libraries``, ``organisations``) tie two nodes
when both were involved in the same selected event; an edge's ``weight`` is the number of such
events and its ``events`` lists them (IRI, title, dates, type). ``people-events`` is bipartite:
a person is tied to each event they took part in as the agent of a participation, the edge
carrying that event and the roles taken. A node involved in a selected event but tied to no
other node stays in the network, alone.

Every node gets ``degree``, ``weighted_degree`` (sum of the weights of its edges),
``betweenness`` (normalised, hop count; rounded to 6 decimals) and ``community`` (Louvain on the
edge weights, numbered from 0 by size, largest first, ties by their smallest IRI). Betweenness is
exact up to ``BETWEENNESS_EXACT_LIMIT`` nodes; above that it is networkx's approximation from
``BETWEENNESS_SAMPLES`` sampled source nodes (exact betweenness costs one shortest-path search
per node: minutes at ten thousand nodes), and the graph says so in its ``betweenness``
attribute. Random choices use ``SEED``, and nodes and edges are added in sorted order, so the
same rows always give the same network.

Example:
    >>> from cislib.network.source import EventRow, Involvement, NetworkRows, NodeRow
    >>> rows = NetworkRows(
    ...     events={"e": EventRow("e", "Forum", "2024-05-20")},
    ...     involvements=[Involvement("e", "a", "country"), Involvement("e", "b", "country")],
    ...     nodes={"a": NodeRow("a", "country", "A"), "b": NodeRow("b", "country", "B")},
    ... )
    >>> graph = build_network(rows, NetworkRequest("countries"))
    >>> graph.edges["a", "b"]["weight"], graph.nodes["a"]["degree"]
    (1, 1)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from cislib.network.capitals import capital_iri
from cislib.network.request import NetworkRequest
from cislib.network.source import EventRow, NetworkRows, NodeRow

#: Seed of every random choice (community detection, sampled betweenness, layouts).
SEED = 20240521
#: Above this many nodes betweenness is estimated from sampled sources.
BETWEENNESS_EXACT_LIMIT = 1000
#: How many source nodes the betweenness estimate samples.
BETWEENNESS_SAMPLES = 100
#: Decimals kept of betweenness, so that floating-point noise never changes the output.
BETWEENNESS_DECIMALS = 6

#: The involvement kind (``event-involvements``) each network is made of.
INVOLVEMENT_KIND = {
    "countries": "country",
    "libraries": "library",
    "organisations": "organization",
    "people-events": "person",
}
#: The ``type`` attribute of a node, by the kind ``node-places`` gives it.
NODE_TYPES = {
    "country": "Country",
    "city": "City",
    "library": "Library",
    "organization": "Organization",
    "person": "Person",
    "event": "Event",
}
#: What each network shows, for titles.
TITLES = {
    "countries": "Countries that took part in the same events",
    "libraries": "Libraries that took part in the same events",
    "organisations": "Organisations that took part in the same events",
    "people-events": "People and the events they took part in",
}


def _event_order(event: EventRow) -> tuple:
    # Dated events first, in date order; then undated ones by IRI.
    return (event.start is None, event.start or "", event.iri)


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def event_record(event: EventRow) -> dict:
    """An event as edges carry it: IRI, title, start, end, type (None when unknown)."""
    return {
        "iri": event.iri,
        "title": event.title,
        "start": event.start,
        "end": event.end,
        "type": event.type,
    }


def _years(events: Iterable[EventRow]) -> dict:
    years = [y for y in (_year(e.start) for e in events) if y is not None]
    return {"first_year": min(years), "last_year": max(years)} if years else {}


def _node_attributes(
    iri: str, rows: NetworkRows, events: list[EventRow], fallback_kind: str
) -> dict:
    info = rows.nodes.get(iri) or NodeRow(iri, fallback_kind, iri)
    attributes: dict = {"label": info.label, "type": NODE_TYPES.get(info.kind, info.kind)}
    latitude, longitude, city = info.latitude, info.longitude, info.city
    if info.kind == "country" and latitude is None:
        capital = rows.nodes.get(capital_iri(info.country_code) or "")
        if capital is not None and capital.latitude is not None:
            latitude, longitude, city = capital.latitude, capital.longitude, capital.iri
    for name, value in (
        ("country", info.country),
        ("country_code", info.country_code),
        ("country_label", info.country_label),
        ("city", city),
        ("latitude", latitude),
        ("longitude", longitude),
    ):
        if value is not None:
            attributes[name] = value
    if info.kind == "event" and iri in rows.events:
        event = rows.events[iri]
        dates = (("start_date", event.start), ("end_date", event.end), ("event_type", event.type))
        for name, value in dates:
            if value is not None:
                attributes[name] = value
    ordered = sorted(events, key=_event_order)
    attributes["events"] = [e.iri for e in ordered]
    attributes["event_count"] = len(ordered)
    attributes.update(_years(ordered))
    return attributes


def build_network(rows: NetworkRows, request: NetworkRequest) -> nx.Graph:
    """The network of ``request.kind`` from the rows, with its node metrics.

    Only the involvements in the selected events (``rows.events``) count.
    """
    wanted = INVOLVEMENT_KIND[request.kind]
    members: dict[str, dict[str, tuple[str, ...]]] = defaultdict(dict)
    for involvement in rows.involvements:
        if involvement.kind == wanted and involvement.event in rows.events:
            members[involvement.event][involvement.node] = involvement.roles
    events_of: dict[str, list[EventRow]] = defaultdict(list)
    edge_events: dict[tuple[str, str], list[EventRow]] = defaultdict(list)
    edge_roles: dict[tuple[str, str], tuple[str, ...]] = {}
    for event_iri in sorted(members):
        event = rows.events[event_iri]
        nodes = sorted(members[event_iri])
        if request.kind == "people-events":
            events_of[event_iri].append(event)
            for person in nodes:
                events_of[person].append(event)
                pair = (min(person, event_iri), max(person, event_iri))
                edge_events[pair].append(event)
                edge_roles[pair] = members[event_iri][person]
            continue
        for i, a in enumerate(nodes):
            events_of[a].append(event)
            for b in nodes[i + 1 :]:
                edge_events[(a, b)].append(event)

    graph = nx.Graph()
    graph.graph.update(_graph_attributes(rows, request))
    involved = sorted((rows.events[iri] for iri in members), key=_event_order)
    graph.graph["events"] = [event_record(event) for event in involved]
    for iri in sorted(events_of):
        graph.add_node(iri, **_node_attributes(iri, rows, events_of[iri], wanted))
    for pair in sorted(edge_events):
        events = sorted(edge_events[pair], key=_event_order)
        attributes: dict = {"weight": len(events)}
        attributes.update(_years(events))
        if pair in edge_roles:
            attributes["roles"] = " ".join(edge_roles[pair])
        attributes["events"] = [event_record(e) for e in events]
        graph.add_edge(*pair, **attributes)
    add_metrics(graph)
    return graph


def _graph_attributes(rows: NetworkRows, request: NetworkRequest) -> dict:
    attributes = {
        "name": f"cislib {request.kind} network",
        "title": TITLES[request.kind],
        "kind": request.kind,
        "lang": request.lang,
    }
    for name, value in (
        ("since", request.since),
        ("until", request.until),
        ("country", rows.country or request.country),
        ("event_type", request.event_type),
    ):
        if value:
            attributes[name] = value
    attributes["filters"] = request.describe(rows.country_label)
    return attributes


def add_metrics(graph: nx.Graph) -> None:
    """Set ``degree``, ``weighted_degree``, ``betweenness`` and ``community`` on every node.

    Also sets the graph's ``betweenness`` attribute to ``exact`` or to how it was estimated.
    """
    count = graph.number_of_nodes()
    if count > BETWEENNESS_EXACT_LIMIT:
        samples = min(BETWEENNESS_SAMPLES, count)
        betweenness = nx.betweenness_centrality(graph, k=samples, seed=SEED)
        graph.graph["betweenness"] = f"estimated from {samples} sampled source nodes"
    else:
        betweenness = nx.betweenness_centrality(graph)
        graph.graph["betweenness"] = "exact"
    community = communities(graph)
    for node, data in graph.nodes(data=True):
        data["degree"] = graph.degree(node)
        data["weighted_degree"] = graph.degree(node, weight="weight")
        data["betweenness"] = round(betweenness[node], BETWEENNESS_DECIMALS) + 0.0
        data["community"] = community[node]


def communities(graph: nx.Graph) -> dict[str, int]:
    """Louvain communities on the edge weights, numbered by size (largest first, then by the
    smallest IRI of the community), seeded with ``SEED``.

    Example:
        >>> graph = nx.Graph([("a", "b"), ("c", "d"), ("d", "e")])
        >>> communities(graph)
        {'c': 0, 'd': 0, 'e': 0, 'a': 1, 'b': 1}
    """
    if graph.number_of_nodes() == 0:
        return {}
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    ordered = sorted(found, key=lambda members: (-len(members), min(members)))
    return {node: index for index, members in enumerate(ordered) for node in sorted(members)}
