"""The interactive page: one self-contained HTML file that works with no network at all.

The page (``page.html``, this package's own template) gets three things inlined when it is
written: the network as JSON, the vis-network library read from the installed ``pyvis``
package (``pyvis/lib/vis-9.1.2/vis-network.min.js``; nothing of it is kept in this repository),
and its own script. It loads nothing: a Content-Security-Policy allows no source of any kind
(``default-src 'none'``) and runs only the two inline scripts, by their SHA-256 hashes.

It offers zoom and pan, details on hover (name, type, country, metrics, events), the events
behind a link on click (those of a node on a node), a year range with a switch for undated
events, colour by community or country with a legend, node size by degree, and a map layout
that places nodes at their coordinates (on a grid of meridians and parallels; nodes with no
known place line up on the left).

Safety of the embedded data: the JSON is written with every non-ASCII character escaped
(``\\uXXXX``, so line and paragraph separators and bidi overrides are inert) and ``<``, ``>``
and ``&`` escaped too, so no name can close the ``<script>`` element or open a comment; the
page's script puts every text on the page with ``textContent`` (never as markup) inside
``<bdi>`` elements, so a right-to-left override in one name cannot reorder the text around
it. The title is HTML-escaped.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from importlib import resources

import networkx as nx

from cislib.network.formats import description, sorted_edges
from cislib.network.layout import map_layout, network_layout
from cislib.network.request import NetworkError
from cislib.network.style import (
    COLOUR_BY,
    OTHER_COLOUR,
    categories,
    category_colours,
    node_colours,
    node_sizes,
)

#: The package that ships vis-network, and the script inside it.
VIS_PACKAGE = "pyvis"
VIS_SCRIPT = "lib/vis-9.1.2/vis-network.min.js"
#: Most legend entries per colouring; further categories are summed up as "other".
LEGEND_LIMIT = 16

_MARKER = re.compile(r"@@(TITLE|CSP|DATA|VIS_JS)@@")
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.MULTILINE)


def vis_network_script() -> str:
    """The vis-network script of the installed pyvis, fit to sit in an inline ``<script>``.

    The source-map comment is dropped (it names a file the page does not have) and any
    ``</script`` or ``<!--`` is escaped (``<\\/script``, ``<\\!--``), which the JavaScript
    strings and regular expressions they could sit in read the same.

    Raises:
        NetworkError: pyvis is not installed, or has no such script.
    """
    try:
        text = resources.files(VIS_PACKAGE).joinpath(VIS_SCRIPT).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError) as exc:
        raise NetworkError(
            f"the html format needs {VIS_SCRIPT} from the pyvis package "
            f"(pip install 'pyvis>=0.3.2'): {exc}"
        ) from None
    text = _SOURCE_MAP.sub("", text)
    text = re.sub(r"</(script)", r"<\\/\1", text, flags=re.IGNORECASE)
    return text.replace("<!--", "<\\!--")


def script_json(value) -> str:
    """JSON that is safe inside an HTML ``<script>`` element, whatever strings it holds.

    Example:
        >>> print(script_json({"name": "</script><b>\\u202e"}))
        {"name":"\\u003c/script\\u003e\\u003cb\\u003e\\u202e"}
    """
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _legend(graph: nx.Graph, by: str) -> list[dict]:
    colours = category_colours(graph, by)
    found = categories(graph, by)
    entries = [
        {"name": str(name), "colour": colours[key], "count": count}
        for key, name, count in found[:LEGEND_LIMIT]
    ]
    rest = sum(count for _, _, count in found[LEGEND_LIMIT:])
    if rest:
        entries.append({"name": "other", "colour": OTHER_COLOUR, "count": rest})
    return entries


def _year(date) -> int | None:
    return int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None


def page_data(graph: nx.Graph, colour_by: str = "community") -> dict:
    """What the page shows: nodes, links and events by index, both layouts, colours, legends."""
    order = sorted(graph)
    index = {node: i for i, node in enumerate(order)}
    records: dict[str, dict] = {}
    for record in graph.graph.get("events", []):
        records.setdefault(record["iri"], record)
    edges = sorted_edges(graph)
    for _, _, data in edges:
        for record in data.get("events", []):
            records.setdefault(record["iri"], record)
    events = sorted(
        records.values(), key=lambda e: (e.get("start") is None, e.get("start") or "", e["iri"])
    )
    event_index = {record["iri"]: i for i, record in enumerate(events)}
    positions = network_layout(graph)
    geography = map_layout(graph)
    sizes = node_sizes(graph)
    colours = {by: node_colours(graph, by) for by in COLOUR_BY}
    nodes = []
    for node in order:
        data = graph.nodes[node]
        entry = {
            "iri": node,
            "label": str(data.get("label", node)),
            "type": data.get("type", ""),
            "country": data.get("country"),
            "country_label": data.get("country_label"),
            "degree": data.get("degree", graph.degree(node)),
            "weighted_degree": data.get("weighted_degree", graph.degree(node, weight="weight")),
            "betweenness": data.get("betweenness", 0.0),
            "community": data.get("community", 0),
            "events": [event_index[iri] for iri in data.get("events", []) if iri in event_index],
            "x": positions[node][0],
            "y": positions[node][1],
            "gx": geography.positions[node][0],
            "gy": geography.positions[node][1],
            "size": sizes[node],
            "community_colour": colours["community"][node],
            "country_colour": colours["country"][node],
        }
        nodes.append(entry)
    links = []
    for u, v, data in edges:
        link = {
            "source": index[u],
            "target": index[v],
            "events": [event_index[record["iri"]] for record in data.get("events", [])],
        }
        if data.get("roles"):
            link["roles"] = data["roles"]
        links.append(link)
    return {
        "title": str(graph.graph.get("title", "Network")),
        "subtitle": (
            f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} links; "
            + description(graph, title=False)
        ),
        "kind": graph.graph.get("kind", ""),
        "lang": graph.graph.get("lang", "en"),
        "colour": colour_by,
        "heaviest": max((len(link["events"]) for link in links), default=1),
        "events": [
            {
                "iri": record["iri"],
                "title": str(record.get("title") or record["iri"]),
                "start": record.get("start"),
                "end": record.get("end"),
                "type": record.get("type"),
                "year": _year(record.get("start")),
            }
            for record in events
        ],
        "nodes": nodes,
        "edges": links,
        "legend": {by: _legend(graph, by) for by in COLOUR_BY},
        "graticule": geography.graticule,
    }


def _template() -> str:
    return resources.files("cislib.network").joinpath("page.html").read_text(encoding="utf-8")


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def to_html(graph: nx.Graph, colour_by: str = "community") -> str:
    """The network as one self-contained, offline HTML page."""
    template = _template()
    vis = vis_network_script()
    scripts = [vis if body == "@@VIS_JS@@" else body for body in _INLINE_SCRIPT.findall(template)]
    policy = (
        "default-src 'none'; "
        f"script-src {' '.join(_hash(script) for script in scripts)}; "
        "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
    )
    values = {
        "TITLE": html.escape(str(graph.graph.get("title", "Network"))),
        "CSP": policy,
        "DATA": script_json(page_data(graph, colour_by)),
        "VIS_JS": vis,
    }
    # One pass over the template only: a value is never searched for markers.
    return _MARKER.sub(lambda match: values[match.group(1)], template)
