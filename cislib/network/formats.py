"""Writing a network as a file: GEXF, GraphML, node-link JSON, CSV edge list, DOT, PNG, SVG,
and an offline HTML page.

Every writer is deterministic: nodes sorted by IRI, edges by their (smaller, larger) IRI pair,
attributes in a fixed order, no dates or versions in the output.

What each format does with awkward text (quotes, line breaks, control characters, ``</script>``,
right-to-left overrides in names):

- GEXF and GraphML (XML 1.0): XML cannot hold the C0 control characters other than tab, line
  feed and carriage return, nor U+FFFE and U+FFFF, not even as character references; each is
  replaced by U+FFFD REPLACEMENT CHARACTER, so a reader sees that something was there. Line
  breaks are written as line feeds (an XML parser turns a carriage return in element text into
  a line feed anyway). Everything else, right-to-left overrides included, is kept; quotes and
  ``<&>`` are escaped by the XML writer, line breaks inside attribute values as ``&#10;``.
- DOT: the same replacements, then ``\\``, ``"`` and line breaks are escaped as Graphviz reads
  them in labels (``\\\\``, ``\\"``, ``\\n``); every ID and value is a quoted string.
- CSV: RFC 4180 (CRLF line ends; a field holding a comma, quote or line break is quoted, quotes
  doubled), text kept as it is. Cells are not altered to defuse spreadsheet formulas (a name
  starting with ``=``): the file is data for tools, not a spreadsheet.
- JSON: JSON escaping (``json.dumps``), text kept as it is.
- PNG and SVG: labels on one line (line breaks and control characters become spaces, bidi
  controls are dropped); ``$`` is not read as mathematics.
- HTML: see ``cislib.network.page``.

Lists (the events of a node or an edge) become JSON text in GEXF, GraphML and DOT, whose
attributes hold single values; JSON escapes every control character, so the titles inside come
back unchanged.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

from cislib.network.request import NetworkError
from cislib.network.style import node_colours, node_sizes, rgb

if TYPE_CHECKING:  # networkx is imported where a graph is made, not when the CLI starts
    import networkx as nx

#: Every output format.
FORMATS = ("gexf", "graphml", "json", "csv", "dot", "png", "svg", "html")
#: Formats that are not text: they need a file to go to.
BINARY_FORMATS = ("png",)
#: The format a file name ending stands for (``--output`` without ``--format``).
SUFFIXES = {
    ".gexf": "gexf",
    ".graphml": "graphml",
    ".json": "json",
    ".csv": "csv",
    ".dot": "dot",
    ".gv": "dot",
    ".png": "png",
    ".svg": "svg",
    ".html": "html",
    ".htm": "html",
}

#: Node attributes written to the attribute-table formats, in order, with their GEXF type.
NODE_FIELDS = (
    ("type", "string"),
    ("country", "string"),
    ("country_code", "string"),
    ("country_label", "string"),
    ("city", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("start_date", "string"),
    ("end_date", "string"),
    ("event_type", "string"),
    ("event_count", "integer"),
    ("first_year", "integer"),
    ("last_year", "integer"),
    ("degree", "integer"),
    ("weighted_degree", "integer"),
    ("betweenness", "double"),
    ("community", "integer"),
    ("events", "string"),
)
#: Edge attributes written to the attribute-table formats, in order, with their GEXF type.
EDGE_FIELDS = (
    ("weight", "integer"),
    ("first_year", "integer"),
    ("last_year", "integer"),
    ("roles", "string"),
    ("events", "string"),
)
#: Graph attributes written where a format has room for them, in order.
GRAPH_FIELDS = (
    "name",
    "title",
    "kind",
    "lang",
    "since",
    "until",
    "country",
    "event_type",
    "filters",
    "betweenness",
)

GEXF_NAMESPACE = "http://www.gexf.net/1.2draft"
GEXF_VIZ_NAMESPACE = "http://www.gexf.net/1.2draft/viz"

# Characters XML 1.0 cannot hold at all (lone surrogates cannot reach a str decoded from UTF-8).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(value: str) -> str:
    """Text XML 1.0 can hold: line breaks as line feeds, characters it cannot hold as U+FFFD.

    Example:
        >>> xml_text("a\\x00b\\r\\nc")
        'a\\ufffdb\\nc'
    """
    return _NOT_XML.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def flat_values(data: dict, fields) -> dict:
    """The attributes named by ``fields`` that are set, as single values (lists as JSON text)."""
    flat = {}
    for name, _ in fields:
        value = data.get(name)
        if value is None:
            continue
        flat[name] = _json_text(value) if isinstance(value, list | dict | tuple) else value
    return flat


def sorted_edges(graph: nx.Graph) -> list[tuple[str, str, dict]]:
    """The edges as (smaller IRI, larger IRI, attributes), sorted."""
    edges = [(min(u, v), max(u, v), data) for u, v, data in graph.edges(data=True)]
    return sorted(edges, key=lambda edge: (edge[0], edge[1]))


def graph_values(graph: nx.Graph) -> dict:
    """The graph attributes of ``GRAPH_FIELDS`` that are set, in that order."""
    return {name: graph.graph[name] for name in GRAPH_FIELDS if graph.graph.get(name)}


def description(graph: nx.Graph, title: bool = True) -> str:
    """One line saying what the network is (its title first, unless ``title`` is false), its
    filters, the language of its labels and how betweenness was computed."""
    parts = [graph.graph.get("title") or graph.graph.get("name", "network")] if title else []
    if graph.graph.get("filters"):
        parts.append(graph.graph["filters"])
    parts.append(f"labels: {graph.graph.get('lang', 'en')}")
    if graph.graph.get("betweenness"):
        parts.append(f"betweenness {graph.graph['betweenness']}")
    return "; ".join(parts)


# -- GEXF -------------------------------------------------------------------------------------


def _text_value(value) -> str:
    if isinstance(value, float):
        return repr(value)
    return xml_text(str(value))


def to_gexf(graph: nx.Graph, colour_by: str = "community") -> str:
    """GEXF 1.2 (namespace ``http://www.gexf.net/1.2draft``, as Gephi and networkx read it).

    Attributes are declared once per class (node, edge) with their types; a node's label is its
    ``label``; ``viz:size`` follows the degree and ``viz:color`` the community (or country).
    """
    colours = node_colours(graph, colour_by)
    sizes = node_sizes(graph)
    root = ET.Element(
        "gexf", {"xmlns": GEXF_NAMESPACE, "xmlns:viz": GEXF_VIZ_NAMESPACE, "version": "1.2"}
    )
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = "cislib"
    ET.SubElement(meta, "keywords").text = xml_text(str(graph.graph.get("kind", "")))
    ET.SubElement(meta, "description").text = xml_text(description(graph))
    body = ET.SubElement(root, "graph", {"mode": "static", "defaultedgetype": "undirected"})
    edge_fields = tuple(field for field in EDGE_FIELDS if field[0] != "weight")
    for cls, fields in (("node", NODE_FIELDS), ("edge", edge_fields)):
        declared = ET.SubElement(body, "attributes", {"class": cls, "mode": "static"})
        for name, kind in fields:
            ET.SubElement(declared, "attribute", {"id": name, "title": name, "type": kind})
    nodes = ET.SubElement(body, "nodes", {"count": str(graph.number_of_nodes())})
    for node in sorted(graph):
        data = graph.nodes[node]
        element = ET.SubElement(
            nodes, "node", {"id": xml_text(node), "label": xml_text(str(data.get("label", node)))}
        )
        _attvalues(element, flat_values(data, NODE_FIELDS))
        ET.SubElement(element, "viz:size", {"value": repr(float(sizes[node]))})
        red, green, blue = rgb(colours[node])
        ET.SubElement(element, "viz:color", {"r": str(red), "g": str(green), "b": str(blue)})
    edges = ET.SubElement(body, "edges", {"count": str(graph.number_of_edges())})
    for index, (u, v, data) in enumerate(sorted_edges(graph)):
        element = ET.SubElement(
            edges,
            "edge",
            {
                "id": str(index),
                "source": xml_text(u),
                "target": xml_text(v),
                "weight": str(data.get("weight", 1)),
            },
        )
        _attvalues(element, flat_values(data, edge_fields))
    ET.indent(root, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _attvalues(element: ET.Element, values: dict) -> None:
    if not values:
        return
    holder = ET.SubElement(element, "attvalues")
    for name, value in values.items():
        ET.SubElement(holder, "attvalue", {"for": name, "value": _text_value(value)})


# -- GraphML ----------------------------------------------------------------------------------


def _xml_safe(value):
    return xml_text(value) if isinstance(value, str) else value


def flat_graph(graph: nx.Graph, xml: bool = False) -> nx.Graph:
    """A copy of the network with single-valued attributes only, as the table formats hold it.

    Nodes keep ``label`` and ``NODE_FIELDS``, edges ``EDGE_FIELDS``, the graph ``GRAPH_FIELDS``;
    with ``xml`` every text is made fit for XML (``xml_text``).
    """
    import networkx as nx

    clean = _xml_safe if xml else (lambda value: value)
    flat = nx.Graph()
    flat.graph.update({k: clean(v) for k, v in graph_values(graph).items()})
    for node in sorted(graph):
        data = graph.nodes[node]
        values = {"label": data.get("label", node), **flat_values(data, NODE_FIELDS)}
        flat.add_node(clean(node), **{k: clean(v) for k, v in values.items()})
    for u, v, data in sorted_edges(graph):
        values = flat_values(data, EDGE_FIELDS)
        flat.add_edge(clean(u), clean(v), **{k: clean(val) for k, val in values.items()})
    return flat


def to_graphml(graph: nx.Graph) -> str:
    """GraphML (as Cytoscape, yEd and networkx read it), typed keys for every attribute."""
    import networkx as nx

    lines = list(nx.generate_graphml(flat_graph(graph, xml=True), prettyprint=True))
    text = "\n".join(lines)
    if not text.startswith("<?xml"):
        text = '<?xml version="1.0" encoding="UTF-8"?>\n' + text
    return text + "\n"


# -- JSON, CSV, DOT ---------------------------------------------------------------------------


def node_link(graph: nx.Graph) -> dict:
    """The node-link form (as d3 and ``networkx.node_link_graph(data, edges="links")`` read it),
    with every attribute, lists included, and the network's events under ``graph.events``."""
    return {
        "directed": False,
        "multigraph": False,
        "graph": {**graph_values(graph), "events": graph.graph.get("events", [])},
        "nodes": [{"id": node, **graph.nodes[node]} for node in sorted(graph)],
        "links": [{"source": u, "target": v, **data} for u, v, data in sorted_edges(graph)],
    }


def to_json(graph: nx.Graph) -> str:
    """Node-link JSON, indented, UTF-8 text kept as it is."""
    return json.dumps(node_link(graph), ensure_ascii=False, indent=2) + "\n"


#: The columns of the CSV edge list.
CSV_COLUMNS = (
    "source",
    "source_label",
    "target",
    "target_label",
    "weight",
    "first_year",
    "last_year",
    "roles",
    "event_iris",
    "event_titles",
)


def to_csv(graph: nx.Graph) -> str:
    """The edge list as RFC 4180 CSV, one row per edge.

    ``event_iris`` lists the events behind the edge separated by spaces; ``event_titles``
    their titles with the start date, separated by `` | ``, for reading.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for u, v, data in sorted_edges(graph):
        events = data.get("events", [])
        titles = [
            f"{event['title']} ({event['start']})" if event.get("start") else event["title"]
            for event in events
        ]
        writer.writerow(
            [
                u,
                graph.nodes[u].get("label", u),
                v,
                graph.nodes[v].get("label", v),
                data.get("weight", 1),
                data.get("first_year", ""),
                data.get("last_year", ""),
                data.get("roles", ""),
                " ".join(event["iri"] for event in events),
                " | ".join(titles),
            ]
        )
    return buffer.getvalue()


def dot_quote(value) -> str:
    """A DOT quoted string: XML-unfit characters replaced as in ``xml_text``, then backslashes,
    quotes and line breaks escaped as Graphviz reads them in labels.

    Example:
        >>> print(dot_quote('say "hi"\\nback\\\\slash'))
        "say \\"hi\\"\\nback\\\\slash"
    """
    text = xml_text(str(value)).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def _dot_attributes(values: dict) -> str:
    return ", ".join(f"{name}={dot_quote(value)}" for name, value in values.items())


def to_dot(graph: nx.Graph, colour_by: str = "community") -> str:
    """Graphviz DOT: an undirected graph, nodes filled with their colour and sized by degree,
    edge pen width by weight, every attribute kept as a quoted string."""
    colours = node_colours(graph, colour_by)
    sizes = node_sizes(graph)
    lines = [f"graph {dot_quote(graph.graph.get('name', 'network'))} {{"]
    # "name" is the graph's ID already (and a keyword of some DOT readers as an attribute).
    values = {k: v for k, v in graph_values(graph).items() if k != "name"}
    graph_attributes = {"label": description(graph), "labelloc": "t", **values}
    lines.append(f"  graph [{_dot_attributes(graph_attributes)}];")
    lines.append('  node [shape="circle", style="filled", fixedsize="true", fontsize="9"];')
    for node in sorted(graph):
        data = graph.nodes[node]
        values = {
            "label": data.get("label", node),
            "fillcolor": colours[node],
            "width": f"{sizes[node] / 72:.3f}",
            **flat_values(data, NODE_FIELDS),
        }
        lines.append(f"  {dot_quote(node)} [{_dot_attributes(values)}];")
    for u, v, data in sorted_edges(graph):
        values = flat_values(data, EDGE_FIELDS)
        values["penwidth"] = f"{1 + min(data.get('weight', 1), 10) / 2:.1f}"
        lines.append(f"  {dot_quote(u)} -- {dot_quote(v)} [{_dot_attributes(values)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


# -- every format -----------------------------------------------------------------------------


def format_for(fmt: str | None, output: str | Path | None) -> str:
    """The format asked for, or the one the output file's ending names, or ``json``.

    Raises:
        NetworkError: an unknown format, or a binary format without an output file.
    """
    if fmt is None and output is not None:
        fmt = SUFFIXES.get(Path(output).suffix.lower(), "json")
    fmt = fmt or "json"
    if fmt not in FORMATS:
        raise NetworkError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in BINARY_FORMATS and output is None:
        raise NetworkError(f"the {fmt} format is binary: give a file with --output")
    return fmt


def render(graph: nx.Graph, fmt: str, colour_by: str = "community") -> str | bytes:
    """The network in ``fmt`` (one of ``FORMATS``): text, or bytes for ``BINARY_FORMATS``.

    Raises:
        NetworkError: an unknown format.
    """
    if fmt == "gexf":
        return to_gexf(graph, colour_by)
    if fmt == "graphml":
        return to_graphml(graph)
    if fmt == "json":
        return to_json(graph)
    if fmt == "csv":
        return to_csv(graph)
    if fmt == "dot":
        return to_dot(graph, colour_by)
    if fmt in ("png", "svg"):
        from cislib.network.picture import to_picture  # matplotlib only when drawing

        return to_picture(graph, fmt, colour_by)
    if fmt == "html":
        from cislib.network.page import to_html

        return to_html(graph, colour_by)
    raise NetworkError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_output(path: str | Path, content: str | bytes) -> int:
    """Write a file so that readers see the old content or the new, never a part; return its
    size in bytes.

    Raises:
        NetworkError: the file cannot be written (the message names it).
    """
    path = Path(path)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(
            dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise NetworkError(f"{path}: cannot write there: {exc.strerror or exc}") from None
    try:
        # mkstemp makes the file private (0600); give it the usual permissions of a new file.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise NetworkError(f"{path}: cannot write the file: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(data)
