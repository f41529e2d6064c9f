"""How nodes look in every drawing (GEXF viz data, DOT, pictures, the page): colour and size.

Colour is by community or by country (``COLOUR_BY``); categories are numbered by how many nodes
they hold (most first, ties by name) and take the colours of ``PALETTE`` in turn, the rest
sharing ``OTHER_COLOUR``. Size grows with the square root of the degree, so that a node with
four times the partners has twice the diameter.
"""

from __future__ import annotations

import math
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only graphs made elsewhere pass through here
    import networkx as nx

#: What nodes can be coloured by.
COLOUR_BY = ("community", "country")
#: Distinct colours for categories, most populous category first.
PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#d55e00",
    "#cc79a7",
    "#56b4e9",
    "#8c564b",
    "#6a3d9a",
    "#b2df8a",
    "#fb9a99",
    "#a6cee3",
    "#fdbf6f",
    "#cab2d6",
    "#b15928",
    "#17becf",
    "#bcbd22",
)
#: The colour of categories past the palette, and of nodes with no country.
OTHER_COLOUR = "#bdbdbd"
#: Smallest and largest node diameter, in the drawing's units (pixels on the page).
SIZE_RANGE = (8.0, 36.0)


def categories(graph: nx.Graph, by: str) -> list[tuple[object, str, int]]:
    """The categories nodes fall into: (key, name, node count), most populous first.

    ``by`` is ``community`` (key: the community number) or ``country`` (key: the country IRI,
    name: its label; nodes with no country are left out).
    """
    if by not in COLOUR_BY:
        raise ValueError(f"colour by one of {', '.join(COLOUR_BY)}, not {by!r}")
    counts: Counter = Counter()
    names: dict = {}
    for _, data in graph.nodes(data=True):
        if by == "community":
            key = data.get("community")
            names[key] = f"Community {key + 1}" if isinstance(key, int) else "none"
        else:
            key = data.get("country")
            names[key] = data.get("country_label") or data.get("country_code") or str(key)
        if key is not None:
            counts[key] += 1
    ordered = sorted(counts, key=lambda key: (-counts[key], str(names[key]), str(key)))
    return [(key, names[key], counts[key]) for key in ordered]


def category_colours(graph: nx.Graph, by: str) -> dict[object, str]:
    """The colour of each category key (see ``categories``)."""
    return {
        key: PALETTE[i] if i < len(PALETTE) else OTHER_COLOUR
        for i, (key, _, _) in enumerate(categories(graph, by))
    }


def node_colours(graph: nx.Graph, by: str) -> dict[str, str]:
    """The colour of every node, as ``#rrggbb``.

    Example:
        >>> import networkx as nx
        >>> graph = nx.Graph([("a", "b")])
        >>> nx.set_node_attributes(graph, {"a": 0, "b": 1}, "community")
        >>> node_colours(graph, "community")
        {'a': '#0072b2', 'b': '#e69f00'}
    """
    colours = category_colours(graph, by)
    key = "community" if by == "community" else "country"
    return {node: colours.get(data.get(key), OTHER_COLOUR) for node, data in graph.nodes(data=True)}


def node_sizes(graph: nx.Graph) -> dict[str, float]:
    """The diameter of every node, from ``SIZE_RANGE`` by the square root of its degree.

    Example:
        >>> import networkx as nx
        >>> node_sizes(nx.Graph([("a", "b"), ("a", "c")]))
        {'a': 36.0, 'b': 27.8, 'c': 27.8}
    """
    low, high = SIZE_RANGE
    degrees = dict(graph.degree())
    most = max(degrees.values(), default=0)
    if most == 0:
        return {node: low for node in graph}
    return {
        node: round(low + (high - low) * math.sqrt(degree / most), 1)
        for node, degree in degrees.items()
    }


def rgb(colour: str) -> tuple[int, int, int]:
    """``#rrggbb`` as three integers.

    Example:
        >>> rgb("#0072b2")
        (0, 114, 178)
    """
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
