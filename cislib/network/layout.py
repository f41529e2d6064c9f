"""Where nodes are drawn: a force-directed layout, or a map from the nodes' coordinates.

``network_layout`` uses networkx's spring layout (Fruchterman-Reingold, seeded) below
``SPRING_LAYOUT_LIMIT`` nodes (about 2 s at 500 nodes). From 500 nodes networkx switches to an
algorithm whose every step compares all pairs of nodes (17 s at a thousand nodes, over a minute
for ten steps at ten thousand), so larger networks get pivot MDS (Brandes and Pich, 2006):
hop distances from ``PIVOTS`` pivot nodes, chosen each farthest from those before, projected to
the plane by classical multidimensional scaling; it keeps the distances of the network roughly
and takes seconds at ten thousand nodes. (networkx's spectral layout, the other fast one,
squeezes nearly all nodes of a large sparse network into one spot.)

``map_layout`` projects latitude and longitude (Web Mercator), spreads nodes that share a place
on a small circle around it, lines up the nodes with no known place in a column left of the
map, and draws a grid of meridians and parallels. Both return positions in a square of side
``EXTENT`` centred on 0 (y grows downwards, as on screens), rounded to 0.1, so the same network
always gets the same picture.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import networkx as nx

from cislib.network.build import SEED

#: From this many nodes on, the spectral layout replaces the spring layout.
SPRING_LAYOUT_LIMIT = 500
#: Iterations of the spring layout.
SPRING_ITERATIONS = 100
#: Pivot nodes of pivot MDS (the layout of large networks).
PIVOTS = 50
#: Space between packed components, as a share of the side of the one before.
COMPONENT_GAP = 0.15
#: Side of the square the layouts fill.
EXTENT = 1000.0


def _frame(points, extent: float = EXTENT) -> tuple[float, float, float]:
    """Centre and scale that fit the points into a square of side ``extent``."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2, extent / span


def _place(
    x: float, y: float, frame: tuple[float, float, float], rounded: bool = True
) -> tuple[float, float]:
    cx, cy, scale = frame
    if not rounded:
        return (x - cx) * scale, (y - cy) * scale
    # + 0.0 turns -0.0 into 0.0, which prints the same everywhere
    return round((x - cx) * scale, 1) + 0.0, round((y - cy) * scale, 1) + 0.0


def _fit(
    positions: dict, extent: float = EXTENT, rounded: bool = True
) -> dict[str, tuple[float, float]]:
    """Positions scaled and centred into a square of side ``extent`` (rounded to 0.1)."""
    if not positions:
        return {}
    frame = _frame(list(positions.values()), extent)
    return {node: _place(x, y, frame, rounded) for node, (x, y) in positions.items()}


def network_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """A force-directed layout, each connected component on its own, packed in rows.

    A component is laid out by the spring layout below ``SPRING_LAYOUT_LIMIT`` nodes and by
    pivot MDS from there on, into a square whose side grows with the square root of its node
    count; the squares go in rows, largest first (ties by their first IRI). Laid out as one,
    small components would be pushed far out and the rest shrunk to a corner.

    Example:
        >>> layout = network_layout(nx.Graph([("a", "b"), ("b", "c"), ("x", "y")]))
        >>> layout["x"][1] > max(layout[n][1] for n in "abc")  # the smaller one below
        True
    """
    if graph.number_of_nodes() == 0:
        return {}
    components = sorted(
        (sorted(component) for component in nx.connected_components(graph)),
        key=lambda component: (-len(component), component[0]),
    )
    sides = [math.sqrt(len(component)) for component in components]
    row_width = max(sides[0], math.sqrt(sum(side * side for side in sides)) * 1.3)
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component, side in zip(components, sides, strict=True):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height * (1 + COMPONENT_GAP), 0.0
        for node, (px, py) in _component_layout(graph, component).items():
            placed[node] = (x + (px + 0.5) * side, y + (py + 0.5) * side)
        x += side * (1 + COMPONENT_GAP)
        row_height = max(row_height, side)
    return _fit(placed)


def _component_layout(graph: nx.Graph, nodes: list[str]) -> dict[str, tuple[float, float]]:
    """One connected component laid out in the square from -0.5 to 0.5, y downwards."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    # A graph of its own, built in sorted order: a subgraph view would iterate its nodes in
    # the order of a set, which changes from run to run, and so would the layout.
    component = nx.Graph()
    component.add_nodes_from(nodes)
    component.add_edges_from(
        sorted(
            (min(u, v), max(u, v), {"weight": data.get("weight", 1)})
            for u, v, data in graph.edges(nodes, data=True)
        )
    )
    if len(nodes) < SPRING_LAYOUT_LIMIT:
        raw = nx.spring_layout(component, weight="weight", seed=SEED, iterations=SPRING_ITERATIONS)
    else:
        raw = pivot_mds(component)
    # The mathematical y axis points up; screens count down.
    flipped = {node: (float(x), -float(y)) for node, (x, y) in raw.items()}
    return _fit(flipped, extent=1.0, rounded=False)


def pivot_mds(graph: nx.Graph, pivots: int = PIVOTS) -> dict[str, tuple[float, float]]:
    """Pivot MDS: classical scaling of the hop distances from a few pivot nodes.

    The first pivot is the first node in sorted order, each next one the node farthest from
    all pivots so far (nodes of other components first); unreachable nodes count as one hop
    beyond the farthest. Each axis is oriented so that its largest coordinate is positive, so
    the result does not depend on the signs the eigensolver happens to return.

    Example:
        >>> layout = pivot_mds(nx.path_graph(["a", "b", "c", "d"]), pivots=2)
        >>> sorted("abcd", key=lambda node: layout[node][0])  # a path stays a line, in order
        ['d', 'c', 'b', 'a']
    """
    import numpy as np
    from scipy.sparse import csgraph

    nodes = sorted(graph)
    adjacency = nx.to_scipy_sparse_array(graph, nodelist=nodes, weight=None, format="csr")

    def hops(source: int):
        return csgraph.shortest_path(adjacency, directed=False, unweighted=True, indices=source)

    chosen = [0]
    rows = [hops(0)]
    nearest = rows[0].copy()
    while len(chosen) < min(pivots, len(nodes)):
        farthest = int(np.argmax(nearest))  # inf (another component) beats any distance
        if farthest in chosen:
            break
        chosen.append(farthest)
        rows.append(hops(farthest))
        nearest = np.minimum(nearest, rows[-1])
    distances = np.array(rows).T
    finite = np.isfinite(distances)
    distances[~finite] = distances[finite].max() + 1
    squared = distances**2
    centred = -0.5 * (
        squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None] + squared.mean()
    )
    # The two leading singular directions, from the small pivot-by-pivot Gram matrix (its
    # eigenvectors are the right singular vectors; numpy's SVD of the tall matrix itself can
    # take seconds where this takes a millisecond).
    _, vectors = np.linalg.eigh(centred.T @ centred)
    coordinates = np.zeros((len(nodes), 2))
    for axis in range(min(2, vectors.shape[1])):
        column = centred @ vectors[:, -1 - axis]
        if column[np.argmax(np.abs(column))] < 0:
            column = -column
        coordinates[:, axis] = column
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, coordinates, strict=True)}


def _mercator(latitude: float, longitude: float) -> tuple[float, float]:
    latitude = max(min(latitude, 85.0), -85.0)
    y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2)))
    return longitude, -y


@dataclass
class MapLayout:
    """Nodes placed by their coordinates, and the grid of meridians and parallels behind them.

    Attributes:
        positions: node -> (x, y).
        graticule: lines every ``GRATICULE_STEP`` degrees over the placed nodes, as
            ``{"x1", "y1", "x2", "y2", "label"}`` in the same coordinates.
    """

    positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    graticule: list[dict] = field(default_factory=list)


#: Degrees between the lines of the map's grid.
GRATICULE_STEP = 10


def map_layout(graph: nx.Graph) -> MapLayout:
    """Nodes at their coordinates (Web Mercator), those without any in a column on the left.

    Example:
        >>> graph = nx.Graph()
        >>> graph.add_node("a", latitude=41.3, longitude=69.2)
        >>> graph.add_node("b", latitude=55.8, longitude=37.6)
        >>> graph.add_node("c")
        >>> layout = map_layout(graph).positions
        >>> layout["c"][0] < layout["b"][0] < layout["a"][0]
        True
    """
    placed: dict[tuple[float, float], list[str]] = defaultdict(list)
    coordinates: list[tuple[float, float]] = []
    unplaced = []
    for node in sorted(graph):
        data = graph.nodes[node]
        if data.get("latitude") is None or data.get("longitude") is None:
            unplaced.append(node)
        else:
            coordinates.append((data["latitude"], data["longitude"]))
            placed[_mercator(data["latitude"], data["longitude"])].append(node)
    raw: dict[str, tuple[float, float]] = {}
    if placed:
        xs = [x for x, _ in placed]
        ys = [y for _, y in placed]
        span = max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
        for (x, y), nodes in placed.items():
            if len(nodes) == 1:
                raw[nodes[0]] = (x, y)
                continue
            # Several nodes in one city: a small circle around it, growing with their number.
            radius = span * 0.012 * math.sqrt(len(nodes))
            for i, node in enumerate(nodes):
                angle = 2 * math.pi * i / len(nodes)
                raw[node] = (x + radius * math.cos(angle), y + radius * math.sin(angle))
        left, top = min(xs) - span * 0.15, min(ys)
        step = span / max(len(unplaced), 12)
    else:
        left, top, step = 0.0, 0.0, 1.0
    for i, node in enumerate(unplaced):
        raw[node] = (left, top + i * step)
    if not raw:
        return MapLayout()
    frame = _frame(list(raw.values()))
    positions = {node: _place(x, y, frame) for node, (x, y) in raw.items()}
    return MapLayout(positions, _graticule(coordinates, frame))


def _graticule(coordinates: list[tuple[float, float]], frame) -> list[dict]:
    if not coordinates:
        return []
    step = GRATICULE_STEP
    south = math.floor(min(lat for lat, _ in coordinates) / step) * step
    north = math.ceil(max(lat for lat, _ in coordinates) / step) * step
    west = math.floor(min(lon for _, lon in coordinates) / step) * step
    east = math.ceil(max(lon for _, lon in coordinates) / step) * step
    if north == south:
        north += step
    if east == west:
        east += step
    lines = []
    for lon in range(west, east + 1, step):
        x1, y1 = _place(*_mercator(south, lon), frame)
        x2, y2 = _place(*_mercator(north, lon), frame)
        label = f"{abs(lon)}°{'E' if lon >= 0 else 'W'}"
        lines.append({"x1": x1, "y1": y1, "x2": x2, "y2": y2, "label": label})
    for lat in range(south, north + 1, step):
        x1, y1 = _place(*_mercator(lat, west), frame)
        x2, y2 = _place(*_mercator(lat, east), frame)
        label = f"{abs(lat)}°{'N' if lat >= 0 else 'S'}"
        lines.append({"x1": x1, "y1": y1, "x2": x2, "y2": y2, "label": label})
    return lines


def geographic_layout(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """The positions of ``map_layout``."""
    return map_layout(graph).positions
