"""A static picture of a network for reports (PNG or SVG), drawn with matplotlib.

Nodes sit where ``network_layout`` puts them, sized by degree and coloured by community or
country (legend at the side), events as squares; edge width follows the number of shared
events. Labels are in the
language asked for, on one line (line breaks and control characters become spaces, bidi
controls are dropped, ``$`` is plain text); past ``LABEL_LIMIT`` nodes only the best connected
are labelled. The same network always gives the same bytes: fixed layout seed, a fixed
``svg.hashsalt``, text drawn as paths, no date and no software version in the file.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import warnings

import networkx as nx

from cislib.network.formats import sorted_edges
from cislib.network.layout import network_layout
from cislib.network.style import OTHER_COLOUR, categories, category_colours, node_colours
from cislib.network.style import node_sizes as diameters

#: Past this many nodes only this many (the highest degrees) are labelled.
LABEL_LIMIT = 30
#: Past this many nodes, nodes are drawn smaller (down to a quarter) and lines fainter.
CROWD = 150
#: Longest label drawn, in characters (longer ones end with an ellipsis).
LABEL_LENGTH = 42
#: Most legend entries; further categories are summed up as "other".
LEGEND_LIMIT = 12
#: Size of the picture in inches, and resolution of the PNG.
FIGURE_SIZE = (12.0, 8.5)
DPI = 150

_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def picture_text(value: str, limit: int = LABEL_LENGTH) -> str:
    """A label fit to draw: one line, no control or bidi control characters, no noncharacters
    (which SVG, being XML, cannot hold), at most ``limit`` characters.

    Example:
        >>> picture_text("Line one\\nline\\u202etwo\\x00!")
        'Line one linetwo !'
    """
    text = _BIDI_CONTROLS.sub("", value)
    text = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
        for c in text
        if unicodedata.category(c) not in ("Cn", "Cs")
    )
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _labelled(graph: nx.Graph) -> list[str]:
    if graph.number_of_nodes() <= LABEL_LIMIT:
        return sorted(graph)
    ranked = sorted(graph, key=lambda node: (-graph.degree(node), node))
    return sorted(ranked[:LABEL_LIMIT])


def to_picture(graph: nx.Graph, fmt: str, colour_by: str = "community") -> bytes | str:
    """The network drawn as PNG (bytes) or SVG (text)."""
    import matplotlib
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    settings = {
        "svg.hashsalt": "cislib",
        "svg.fonttype": "path",
        "font.family": "DejaVu Sans",
        "path.simplify": False,
    }
    with matplotlib.rc_context(settings), warnings.catch_warnings():
        # A name in a script the font lacks draws boxes; that is no reason to stop.
        warnings.filterwarnings("ignore", message=".*missing from font.*")
        warnings.filterwarnings("ignore", message=".*Glyph.*")
        figure = Figure(figsize=FIGURE_SIZE, dpi=DPI)
        axes = figure.add_axes((0.02, 0.04, 0.74, 0.84))
        axes.set_axis_off()
        positions = network_layout(graph)
        colours = node_colours(graph, colour_by)
        sizes = diameters(graph)
        edges = sorted_edges(graph)
        # Crowded pictures get smaller nodes and fainter lines, so that structure still shows.
        shrink = min(1.0, max(0.25, math.sqrt(CROWD / max(graph.number_of_nodes(), 1))))
        fade = min(1.0, math.sqrt(CROWD * 4 / max(len(edges), 1)))
        if edges:
            heaviest = max(data.get("weight", 1) for _, _, data in edges)
            segments = [(positions[u], positions[v]) for u, v, _ in edges]
            widths = [0.4 + 3.0 * data.get("weight", 1) / heaviest for _, _, data in edges]
            axes.add_collection(
                LineCollection(
                    segments,
                    linewidths=widths,
                    colors="#8c8c8c",
                    alpha=max(0.05, 0.45 * fade),
                    zorder=1,
                )
            )
        nodes = sorted(graph)
        if nodes:
            # Events (in the people-events network) are squares, everything else is round.
            for marker, group in (
                ("o", [n for n in nodes if graph.nodes[n].get("type") != "Event"]),
                ("s", [n for n in nodes if graph.nodes[n].get("type") == "Event"]),
            ):
                if not group:
                    continue
                axes.scatter(
                    [positions[n][0] for n in group],
                    [positions[n][1] for n in group],
                    s=[(sizes[n] * 0.9 * shrink) ** 2 for n in group],
                    c=[colours[n] for n in group],
                    marker=marker,
                    edgecolors="white",
                    linewidths=0.8,
                    zorder=2,
                )
            for node in _labelled(graph):
                x, y = positions[node]
                axes.annotate(
                    picture_text(str(graph.nodes[node].get("label", node))),
                    (x, y),
                    xytext=(0, -(sizes[node] * 0.45 * shrink + 2)),
                    textcoords="offset points",
                    ha="center",
                    va="top",
                    fontsize=7.5,
                    color="#222222",
                    parse_math=False,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.7},
                    zorder=3,
                )
            axes.invert_yaxis()  # layouts count y downwards, as screens do
            axes.margins(0.08)
        else:
            axes.text(
                0.5,
                0.5,
                "No event matches the filters.",
                ha="center",
                va="center",
                transform=axes.transAxes,
                fontsize=12,
                parse_math=False,
            )
        title = picture_text(str(graph.graph.get("title", "Network")), 100)
        figure.text(0.02, 0.955, title, fontsize=15, weight="bold", parse_math=False)
        subtitle = [
            picture_text(str(graph.graph.get("filters") or "all events"), 100),
            f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} links",
            "size: degree; line width: shared events",
        ]
        figure.text(
            0.02, 0.915, " · ".join(subtitle), fontsize=9.5, color="#444444", parse_math=False
        )
        handles, names = [], []
        found = categories(graph, colour_by)
        palette = category_colours(graph, colour_by)
        for key, name, count in found[:LEGEND_LIMIT]:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="",
                    markersize=8,
                    markerfacecolor=palette[key],
                    markeredgecolor="white",
                )
            )
            names.append(f"{picture_text(str(name), 28)} ({count})")
        rest = sum(count for _, _, count in found[LEGEND_LIMIT:])
        if rest:
            handles.append(
                Line2D(
                    [],
                    [],
                    marker="o",
                    linestyle="",
                    markersize=8,
                    markerfacecolor=OTHER_COLOUR,
                    markeredgecolor="white",
                )
            )
            names.append(f"other ({rest})")
        if handles:
            legend = figure.legend(
                handles,
                names,
                loc="upper left",
                bbox_to_anchor=(0.77, 0.88),
                frameon=False,
                fontsize=8.5,
                title="Community" if colour_by == "community" else "Country",
                title_fontsize=9.5,
                alignment="left",
            )
            for text in legend.get_texts():
                text.set_parse_math(False)
        buffer = io.BytesIO()
        if fmt == "png":
            metadata = {"Software": "cislib", "Title": title}
        else:
            metadata = {"Creator": "cislib", "Date": None, "Title": title}
        figure.savefig(buffer, format=fmt, metadata=metadata, facecolor="white")
    data = buffer.getvalue()
    return data if fmt == "png" else data.decode("utf-8")
