"""Cooperation networks: what they hold, their metrics, filters, every file format, the CLI.

Three sources of networks: the store built from the bundled reports (the seed graph), a store
with a hand-made report whose four events and their dates, types and countries are known, and
query rows made by hand (for metrics on a known small graph and for hostile names).

The GEXF checks: no PyPI, npm or Debian package was found that ships the GEXF 1.2 XSD, so
``assert_gexf_1_2`` checks the structure that schema (gexf.xsd, data.xsd, viz.xsd of 1.2draft)
requires, element by element, plus two things the schema cannot check (edge ends name nodes;
values parse as their declared types); and networkx reads every file back.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import networkx as nx
import pydot
import pytest
from click.testing import CliRunner

from cislib.cli import cli
from cislib.extract.record import Entity, Event, ExtractionRecord, Participant, ReportInfo, Span
from cislib.graph.ingest import build
from cislib.graph.store import GraphStore
from cislib.identifiers import mint
from cislib.network import FORMATS, NetworkError, NetworkRequest, network, render, write_output
from cislib.network import build as network_build
from cislib.network.build import build_network
from cislib.network.formats import (
    CSV_COLUMNS,
    EDGE_FIELDS,
    GEXF_NAMESPACE,
    GEXF_VIZ_NAMESPACE,
    NODE_FIELDS,
    flat_graph,
    xml_text,
)
from cislib.network.layout import map_layout
from cislib.network.page import script_json
from cislib.network.picture import picture_text
from cislib.network.source import EventRow, Involvement, NetworkRows, NodeRow
from cislib.network.style import node_colours, node_sizes, rgb
from cislib.queries.formats import run_query

UZ, KZ, TM, RU = (mint("country", code) for code in ("uz", "kz", "tm", "ru"))
RSL = mint("library", "russian-state-library")
NLUZ = mint("library", "alisher-navoi-national-library-of-uzbekistan")
MOSCOW = mint("city", "moscow")

#: A name made to break files and pages: quotes, markup, a closing script tag, line breaks,
#: control characters (one XML cannot hold), a right-to-left override, a dollar sign
#: (mathematics for matplotlib), backslashes and a line separator.
HOSTILE = (
    "Q\"uote' & <b>bold</b> </script><script>alert(1)</script><!-- line\nbreak\r\ncr "
    "\x01\x0b\x1f ctrl \u202eevil\u202c $x^2$ \\back\\slash\\ \u2028sep"
)


# -- stores -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    """The store built from the bundled reports (once for the module)."""
    path = tmp_path_factory.mktemp("network") / "store"
    with GraphStore.open(path, write=True) as store:
        assert build(store).ok
    return path


def report(file: str, events: list[Event], people: dict[str, str]) -> ExtractionRecord:
    """A record of a report with these events; ``people`` maps person IRIs to names."""
    text = f"Report {file}. " + " ".join(f"{e.title}." for e in events)
    text += " " + " ".join(f"{name}." for name in people.values())
    sha = hashlib.sha256(text.encode()).hexdigest()

    def span(fragment: str) -> Span:
        start = text.index(fragment)
        return Span(start, start + len(fragment), fragment)

    entities = [
        Entity(iri, "Person", name, False, [span(name)], "en") for iri, name in people.items()
    ]
    for event in events:
        event.mentions = [span(event.title)]
        entities.append(Entity(event.iri, "Event", event.title, False, [span(event.title)], "en"))
    return ExtractionRecord(
        report=ReportInfo(
            iri=mint("report", sha[:16]),
            file=file,
            language="en",
            title=f"Report {file}",
            sha256=sha,
            characters=len(text),
        ),
        entities=entities,
        events=events,
    )


PERSON = mint("person", "hostile-p")
EVENTS = {
    # e1: a conference of Uzbekistan and Kazakhstan in 2021
    "e1": Event(
        mint("event", "known-e1"),
        "Conference",
        "Conference of 2021",
        "2021-03-11",
        "2021-03-12",
        participants=[Participant(UZ, "participant"), Participant(KZ, "participant")],
    ),
    # e2: a seminar at the Russian State Library in Moscow in 2022 (Russia as the host's
    # country), with the National Library of Uzbekistan (Uzbekistan through its library)
    "e2": Event(
        mint("event", "known-e2"),
        "Seminar",
        "Seminar of 2022",
        "2022-06-16",
        city=MOSCOW,
        venue=RSL,
        participants=[Participant(NLUZ, "participant")],
    ),
    # e3: a seminar of Turkmenistan and Kazakhstan in 2024, with a person for Turkmenistan
    "e3": Event(
        mint("event", "known-e3"),
        "Seminar",
        "Seminar of 2024",
        "2024-05-21",
        "2024-05-21",
        participants=[
            Participant(TM, "organizer"),
            Participant(KZ, "participant"),
            Participant(PERSON, "speaker", TM),
        ],
    ),
    # e4: an undated training of Uzbekistan and Turkmenistan
    "e4": Event(
        mint("event", "known-e4"),
        "Training",
        "Training with no date",
        participants=[Participant(UZ, "participant"), Participant(TM, "participant")],
    ),
}
EVENT_IRI = {key: event.iri for key, event in EVENTS.items()}


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    """A store with the reference data and one report of the four events of ``EVENTS``; the
    person who speaks at e3 has a hostile name."""
    path = tmp_path_factory.mktemp("known") / "store"
    with GraphStore.open(path, write=True) as store:
        store.load_base()
        store.ingest(report("known.txt", list(EVENTS.values()), {PERSON: HOSTILE}))
    return path


def build_from(path, kind: str, **filters):
    request = NetworkRequest.parse(kind, **filters)
    with GraphStore.open(path) as store:
        return network(store, request)


def pairs(graph: nx.Graph) -> dict[frozenset, list[str]]:
    """Edges as {frozenset of ends: [event IRIs]}."""
    return {
        frozenset((u, v)): [e["iri"] for e in data["events"]]
        for u, v, data in graph.edges(data=True)
    }


# -- what a network holds ---------------------------------------------------------------------


def test_countries_network_of_the_known_events(known):
    graph = build_from(known, "countries")
    assert set(graph) == {UZ, KZ, TM, RU}
    assert pairs(graph) == {
        frozenset((UZ, KZ)): [EVENT_IRI["e1"]],
        frozenset((RU, UZ)): [EVENT_IRI["e2"]],
        frozenset((KZ, TM)): [EVENT_IRI["e3"]],
        frozenset((UZ, TM)): [EVENT_IRI["e4"]],
    }
    edge = graph.edges[UZ, KZ]
    assert edge["weight"] == 1 and edge["first_year"] == edge["last_year"] == 2021
    assert edge["events"] == [
        {
            "iri": EVENT_IRI["e1"],
            "title": "Conference of 2021",
            "start": "2021-03-11",
            "end": "2021-03-12",
            "type": "Conference",
        }
    ]
    kz = graph.nodes[KZ]
    assert kz["label"] == "Kazakhstan" and kz["type"] == "Country" and kz["country_code"] == "KZ"
    # a country is drawn at its capital: Astana
    assert kz["city"] == mint("city", "astana") and kz["latitude"] == pytest.approx(51.18, 0.01)
    assert kz["events"] == [EVENT_IRI["e1"], EVENT_IRI["e3"]] and kz["event_count"] == 2
    # the graph lists its events in date order, undated last
    assert [e["iri"] for e in graph.graph["events"]] == [EVENT_IRI[k] for k in EVENTS]


def test_filters(known):
    def edges(**filters):
        return pairs(build_from(known, "countries", **filters))

    def events(**filters):
        return {iri for found in edges(**filters).values() for iri in found}

    assert events(since="2022") == {EVENT_IRI["e2"], EVENT_IRI["e3"]}  # undated e4 left out
    assert events(until="2021") == {EVENT_IRI["e1"]}
    assert events(since="2021-03-12", until="2022-06-16") == {EVENT_IRI["e1"], EVENT_IRI["e2"]}
    assert events(since="2021-03-13", until="2022-06-15") == set()
    assert events(event_type="Seminar") == {EVENT_IRI["e2"], EVENT_IRI["e3"]}
    assert events(event_type="семинар") == events(event_type="https://w3id.org/cislib/def#Seminar")
    assert events(event_type="seminar") == events(event_type="Seminar")
    assert events(country="KZ") == {EVENT_IRI["e1"], EVENT_IRI["e3"]}
    assert events(country=KZ) == events(country="kz") == events(country="Kazakhstan")
    assert events(country="RU") == {EVENT_IRI["e2"]}  # as the host's country
    assert events(country="KZ", since="2022") == {EVENT_IRI["e3"]}
    filtered = build_from(known, "countries", country="kz", since="2022", event_type="Seminar")
    assert filtered.graph["filters"] == "Seminar events; involving Kazakhstan; from 2022-01-01"
    assert filtered.graph["country"] == KZ and filtered.graph["since"] == "2022-01-01"
    assert edges(country="UZ", event_type="Training") == {frozenset((UZ, TM)): [EVENT_IRI["e4"]]}
    # no event matches: an empty network, not an error
    assert len(build_from(known, "countries", event_type="Exhibition")) == 0


def test_libraries_and_people_networks(known):
    libraries = build_from(known, "libraries")
    assert pairs(libraries) == {frozenset((RSL, NLUZ)): [EVENT_IRI["e2"]]}
    assert libraries.nodes[RSL]["city"] == MOSCOW and libraries.nodes[RSL]["country"] == RU
    people = build_from(known, "people-events")
    assert pairs(people) == {frozenset((PERSON, EVENT_IRI["e3"])): [EVENT_IRI["e3"]]}
    assert people.edges[PERSON, EVENT_IRI["e3"]]["roles"] == "speaker"
    assert people.nodes[PERSON]["label"] == HOSTILE and people.nodes[PERSON]["type"] == "Person"
    assert people.nodes[PERSON]["country"] == TM  # took part on behalf of Turkmenistan
    event = people.nodes[EVENT_IRI["e3"]]
    assert event["type"] == "Event" and event["start_date"] == "2024-05-21"
    assert event["event_type"] == "Seminar"


def test_networks_agree_with_the_cooperation_queries(seed):
    with GraphStore.open(seed) as store:
        for kind, query, a, b in [
            ("countries", "country-cooperation", "country_a", "country_b"),
            ("libraries", "library-cooperation", "library_a", "library_b"),
        ]:
            graph = network(store, NetworkRequest(kind))
            expected = {
                frozenset((row[a], row[b])): row["events"]
                for row in run_query(store, query).values()
            }
            found = {frozenset((u, v)): d["weight"] for u, v, d in graph.edges(data=True)}
            assert found == expected and expected, kind
            for u, v, data in graph.edges(data=True):
                assert len(data["events"]) == data["weight"]
                for end in (u, v):
                    assert all(e["iri"] in graph.nodes[end]["events"] for e in data["events"])
        in_2021 = {
            frozenset((row["country_a"], row["country_b"])): row["events"]
            for row in run_query(store, "country-cooperation", {"year": 2021}).values()
        }
        graph = network(store, NetworkRequest.parse("countries", since="2021", until="2021"))
        assert {frozenset(e): d["weight"] for *e, d in graph.edges(data=True)} == in_2021


def test_labels_in_the_language_asked_for(seed):
    assert build_from(seed, "countries", lang="ru").nodes[KZ]["label"] == "Казахстан"
    assert build_from(seed, "countries", lang="ru").nodes[KZ]["country_label"] == "Казахстан"
    # no label in that language: English
    assert build_from(seed, "countries", lang="xx").nodes[KZ]["label"] == "Kazakhstan"


# -- metrics ----------------------------------------------------------------------------------


def rows_for(groups: dict[str, list[str]], kind: str = "country") -> NetworkRows:
    """Rows of events (by key, dated 2020 + position) and the nodes involved in each."""
    events = {
        key: EventRow(key, f"Event {key}", f"{2020 + i}-01-01", None, "Meeting")
        for i, key in enumerate(groups)
    }
    involvements = [Involvement(key, node, kind) for key, nodes in groups.items() for node in nodes]
    names = sorted({node for nodes in groups.values() for node in nodes})
    return NetworkRows(
        events=events,
        involvements=involvements,
        nodes={node: NodeRow(node, kind, node.upper()) for node in names},
    )


def test_metrics_on_two_triangles_and_a_bridge():
    # a, b, c met twice (two events), d, e, f once; c and d once
    groups = {"t1": ["a", "b", "c"], "t2": ["d", "e", "f"], "b": ["c", "d"], "t3": ["b", "a", "c"]}
    graph = build_network(rows_for(groups), NetworkRequest("countries"))
    metric = {node: graph.nodes[node] for node in graph}
    assert {n: m["degree"] for n, m in metric.items()} == dict(a=2, b=2, c=3, d=3, e=2, f=2)
    assert {n: m["weighted_degree"] for n, m in metric.items()} == dict(
        a=4, b=4, c=5, d=3, e=2, f=2
    )
    assert graph.edges["a", "b"]["weight"] == 2 and graph.edges["c", "d"]["weight"] == 1
    # every path from {a, b} to {d, e, f} passes c: 6 of the 10 pairs not involving c
    assert metric["c"]["betweenness"] == metric["d"]["betweenness"] == 0.6
    assert metric["a"]["betweenness"] == 0.0
    # two communities of three; the one with the smaller IRI first
    assert {n: m["community"] for n, m in metric.items()} == dict(a=0, b=0, c=0, d=1, e=1, f=1)
    assert graph.graph["betweenness"] == "exact"
    assert (
        graph.edges["a", "b"]["first_year"] == 2020 and graph.edges["a", "b"]["last_year"] == 2023
    )
    assert [e["iri"] for e in graph.edges["a", "b"]["events"]] == ["t1", "t3"]


def test_a_node_alone_at_its_event_stays_in_the_network():
    graph = build_network(
        rows_for({"solo": ["a"], "pair": ["b", "c"]}), NetworkRequest("countries")
    )
    assert set(graph) == {"a", "b", "c"} and graph.degree("a") == 0
    assert graph.nodes["a"]["events"] == ["solo"] and graph.nodes["a"]["community"] == 1


def test_betweenness_is_sampled_above_the_limit(monkeypatch):
    monkeypatch.setattr(network_build, "BETWEENNESS_EXACT_LIMIT", 5)
    monkeypatch.setattr(network_build, "BETWEENNESS_SAMPLES", 3)
    rows = rows_for({f"e{i}": [f"n{i}", f"n{i + 1}"] for i in range(9)})  # a path of 10
    first = build_network(rows, NetworkRequest("countries"))
    second = build_network(rows, NetworkRequest("countries"))
    assert first.graph["betweenness"] == "estimated from 3 sampled source nodes"
    assert nx.get_node_attributes(first, "betweenness") == nx.get_node_attributes(
        second, "betweenness"
    )


# -- file formats -----------------------------------------------------------------------------


def hostile_graph() -> nx.Graph:
    """A network whose node labels, country labels, event titles and roles are ``HOSTILE``."""
    rows = NetworkRows(
        events={
            "urn:e:1": EventRow("urn:e:1", HOSTILE, "2024-05-21", "2024-05-22", "Seminar"),
            "urn:e:2": EventRow("urn:e:2", "Plain \x00 title", None, None, "Forum"),
        },
        involvements=[
            Involvement("urn:e:1", "urn:n:a", "library", ("host",)),
            Involvement("urn:e:1", "urn:n:b", "library"),
            Involvement("urn:e:2", "urn:n:a", "library"),
            Involvement("urn:e:2", "urn:n:c", "library"),
        ],
        nodes={
            "urn:n:a": NodeRow(
                "urn:n:a", "library", HOSTILE, "urn:c:x", "XX", HOSTILE, None, 41.3, 69.2
            ),
            "urn:n:b": NodeRow("urn:n:b", "library", "B\x00\ufffe\uffff", None),
            "urn:n:c": NodeRow("urn:n:c", "library", 'Ç <&> "c"', "urn:c:x", "XX", HOSTILE),
        },
    )
    return build_network(rows, NetworkRequest("libraries"))


@pytest.fixture(scope="module")
def countries(seed):
    return build_from(seed, "countries")


@pytest.fixture(params=["countries", "hostile"])
def graph(request, countries):
    return countries if request.param == "countries" else hostile_graph()


def children(element: ET.Element) -> list[str]:
    return [child.tag for child in element]


def assert_gexf_1_2(text: str) -> None:
    """The structure the GEXF 1.2 schema (1.2draft XSD files) requires, element by element."""
    g, viz = f"{{{GEXF_NAMESPACE}}}", f"{{{GEXF_VIZ_NAMESPACE}}}"
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == g + "gexf" and root.get("version") == "1.2"
    assert set(root.attrib) <= {"version", "variant"}
    assert children(root) in ([g + "meta", g + "graph"], [g + "graph"])
    meta = root.find(g + "meta")
    if meta is not None:
        assert set(meta.attrib) <= {"lastmodifieddate"}
        assert set(children(meta)) <= {g + "creator", g + "keywords", g + "description"}
        assert all(len(child) == 0 for child in meta)
    body = root.find(g + "graph")
    assert set(body.attrib) <= {"mode", "defaultedgetype", "idtype", "timeformat", "start", "end"}
    assert body.get("mode", "static") in ("static", "dynamic")
    assert body.get("defaultedgetype", "directed") in ("directed", "undirected", "mutual")
    tags = children(body)
    # attributes first, then nodes and edges
    attribute_blocks = [t for t in tags if t == g + "attributes"]
    assert tags[: len(attribute_blocks)] == attribute_blocks
    assert tags[len(attribute_blocks) :] == [g + "nodes", g + "edges"]
    types = {"integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI"}
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in body.findall(g + "attributes"):
        assert block.get("class") in ("node", "edge")
        assert block.get("mode", "static") in ("static", "dynamic")
        for attribute in block:
            assert attribute.tag == g + "attribute"
            assert attribute.get("id") and attribute.get("title")
            assert attribute.get("type") in types
            assert set(children(attribute)) <= {g + "default", g + "options"}
            declared[block.get("class")][attribute.get("id")] = attribute.get("type")
    parse = {"integer": int, "long": int, "double": float, "float": float, "string": str}

    def check_attvalues(element: ET.Element, cls: str) -> None:
        holders = element.findall(g + "attvalues")
        assert len(holders) <= 1
        for holder in holders:
            assert len(holder) >= 1 and children(holder) == [g + "attvalue"] * len(holder)
            for value in holder:
                assert set(value.attrib) <= {"for", "value", "start", "end"}
                kind = declared[cls][value.get("for")]  # refers to a declared attribute
                parse[kind](value.get("value"))  # and its value is of that type

    nodes, edges = body.find(g + "nodes"), body.find(g + "edges")
    assert int(nodes.get("count")) == len(nodes)
    ids = set()
    node_children = {g + "attvalues", g + "spells", g + "parents", g + "nodes", g + "edges"}
    node_children |= {viz + name for name in ("color", "position", "size", "shape")}
    for node in nodes:
        assert node.tag == g + "node" and node.get("id") and node.get("id") not in ids
        ids.add(node.get("id"))
        assert set(node.attrib) <= {"id", "label", "pid", "start", "end"}
        assert set(children(node)) <= node_children
        check_attvalues(node, "node")
        for colour in node.findall(viz + "color"):
            assert all(0 <= int(colour.get(c)) <= 255 for c in "rgb")
        for size in node.findall(viz + "size"):
            assert float(size.get("value")) >= 0
    assert int(edges.get("count")) == len(edges)
    edge_ids = set()
    for edge in edges:
        assert edge.tag == g + "edge"
        assert set(edge.attrib) <= {"id", "source", "target", "weight", "type", "label"}
        assert edge.get("id") and edge.get("id") not in edge_ids
        edge_ids.add(edge.get("id"))
        assert edge.get("source") in ids and edge.get("target") in ids
        float(edge.get("weight", "1"))
        assert set(children(edge)) <= {
            g + "attvalues",
            g + "spells",
            viz + "color",
            viz + "thickness",
            viz + "shape",
        }
        check_attvalues(edge, "edge")


def test_gexf_is_gexf_1_2_and_reads_back_as_written(graph, tmp_path):
    text = render(graph, "gexf")
    assert_gexf_1_2(text)
    path = tmp_path / "network.gexf"
    write_output(path, text)
    read = nx.read_gexf(path)
    flat = flat_graph(graph, xml=True)
    assert set(read) == set(flat) and read.number_of_nodes() == graph.number_of_nodes()
    colours, sizes = node_colours(graph, "community"), node_sizes(graph)
    for node, data in flat.nodes(data=True):
        got = dict(read.nodes[node])
        viz = got.pop("viz")
        assert got == data
        assert viz["size"] == sizes[node]
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == rgb(colours[node])
    assert {frozenset(e) for e in read.edges()} == {frozenset(e) for e in flat.edges()}
    for u, v, data in flat.edges(data=True):
        got = dict(read.edges[u, v])
        got.pop("id")
        assert got == data  # weight comes back as a float: 2.0 == 2


def test_graphml_reads_back_as_written(graph, tmp_path):
    path = tmp_path / "network.graphml"
    write_output(path, render(graph, "graphml"))
    read = nx.read_graphml(path)
    flat = flat_graph(graph, xml=True)
    assert dict(read.nodes(data=True)) == dict(flat.nodes(data=True))
    assert {frozenset((u, v)): d for u, v, d in read.edges(data=True)} == {
        frozenset((u, v)): d for u, v, d in flat.edges(data=True)
    }
    assert {k: v for k, v in read.graph.items() if k in flat.graph} == flat.graph
    # every attribute a node has in the network is there, lists as JSON text
    node = next(iter(graph))
    assert set(read.nodes[node]) == {"label"} | {
        name for name, _ in NODE_FIELDS if graph.nodes[node].get(name) is not None
    }
    assert json.loads(read.nodes[node]["events"]) == graph.nodes[node]["events"]


def test_json_is_node_link_with_every_attribute(graph):
    data = json.loads(render(graph, "json"))
    read = nx.node_link_graph(data, edges="links")
    assert dict(read.nodes(data=True)) == dict(graph.nodes(data=True))
    assert {frozenset((u, v)): d for u, v, d in read.edges(data=True)} == {
        frozenset((u, v)): d for u, v, d in graph.edges(data=True)
    }
    assert data["graph"]["events"] == graph.graph["events"]


def test_csv_edge_list(graph):
    text = render(graph, "csv")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS and len(rows) == graph.number_of_edges() + 1
    for row in rows[1:]:
        found = dict(zip(CSV_COLUMNS, row, strict=True))
        data = graph.edges[found["source"], found["target"]]
        assert found["source"] < found["target"]
        assert found["source_label"] == graph.nodes[found["source"]]["label"]  # as it is
        assert int(found["weight"]) == data["weight"]
        assert found["event_iris"].split() == [e["iri"] for e in data["events"]]
        assert found["event_titles"].startswith(data["events"][0]["title"])


def dot_string(quoted: str) -> str:
    """The text of a DOT quoted string as Graphviz reads it in a label."""
    assert quoted[0] == quoted[-1] == '"'
    escapes = {"\\": "\\", '"': '"', "n": "\n"}
    return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), quoted[1:-1])


# pydot's grammar still calls pyparsing's old method names
@pytest.mark.filterwarnings("ignore::DeprecationWarning:pydot.*")
def test_dot_parses_and_keeps_the_labels(graph):
    text = render(graph, "dot")
    (parsed,) = pydot.graph_from_dot_data(text)
    # (the unquoted "graph" and "node" entries are the default attribute statements)
    nodes = {
        dot_string(n.get_name()): n.get_attributes()
        for n in parsed.get_nodes()
        if n.get_name().startswith('"')
    }
    assert set(nodes) == set(graph)
    for node, attributes in nodes.items():
        data = graph.nodes[node]
        assert dot_string(attributes["label"]) == xml_text(data["label"])
        assert dot_string(attributes["degree"]) == str(data["degree"])
    edges = {
        frozenset((dot_string(e.get_source()), dot_string(e.get_destination())))
        for e in parsed.get_edges()
    }
    assert edges == {frozenset(e) for e in graph.edges()}


def test_pictures(graph):
    png = render(graph, "png")
    assert isinstance(png, bytes) and png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 20_000
    svg = render(graph, "svg")
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_picture_labels_are_one_plain_line():
    label = picture_text(HOSTILE, limit=1000)
    assert "\n" not in label and "\u202e" not in label and "\x01" not in label
    assert "$x^2$" in label and label.startswith("Q\"uote' & <b>")


class Tags(HTMLParser):
    """The start tags of a page, in order, as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__()
        self.seen: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append((tag, dict(attrs)))


#: The elements of page.html.
PAGE_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "p",
    "main",
    "div",
    "aside",
    "h2",
    "fieldset",
    "legend",
    "label",
    "input",
    "span",
    "output",
    "ul",
    "ol",
    "script",
}


def test_html_page_is_self_contained_and_holds_the_data(graph):
    page = render(graph, "html")
    # no external resource: no src or href attribute, no link element, nothing over http
    assert not re.search(r"\s(src|href)\s*=", page) and "<link" not in page
    assert "default-src 'none'" in page and not re.search(r"@@(TITLE|CSP|DATA|VIS_JS)@@", page)
    tags = Tags()
    tags.feed(page)
    tags.close()
    # three scripts (data, vis-network, the page's own), no element a name could have opened
    assert [tag for tag, _ in tags.seen if tag == "script"] == ["script"] * 3
    assert {tag for tag, _ in tags.seen} <= PAGE_TAGS
    assert page.lower().count("</script") == 3
    assert "vis-network" in page  # inlined from the installed pyvis
    match = re.search(
        r'<script type="application/json" id="network-data">(.*?)</script>', page, re.DOTALL
    )
    data = json.loads(match.group(1))
    assert [n["iri"] for n in data["nodes"]] == sorted(graph)
    assert [n["label"] for n in data["nodes"]] == [graph.nodes[n]["label"] for n in sorted(graph)]
    assert len(data["edges"]) == graph.number_of_edges()
    for edge in data["edges"]:
        u, v = data["nodes"][edge["source"]]["iri"], data["nodes"][edge["target"]]["iri"]
        expected = [e["iri"] for e in graph.edges[u, v]["events"]]
        assert [data["events"][i]["iri"] for i in edge["events"]] == expected
    assert match.group(1).isascii()


def test_hostile_names_survive_every_format():
    graph = hostile_graph()
    assert graph.nodes["urn:n:a"]["label"] == HOSTILE
    for fmt in FORMATS:
        first, second = render(graph, fmt), render(graph, fmt)
        assert first == second, fmt
    assert json.loads(render(graph, "json"))["nodes"][0]["label"] == HOSTILE
    gexf = nx.read_gexf(io.BytesIO(render(graph, "gexf").encode("utf-8")))
    assert gexf.nodes["urn:n:a"]["label"] == xml_text(HOSTILE)
    assert gexf.nodes["urn:n:b"]["label"] == "B\ufffd\ufffd\ufffd"
    # lists are JSON text, whose escapes keep even what XML cannot hold
    events = json.loads(gexf.edges["urn:n:a", "urn:n:b"]["events"])
    assert events[0]["title"] == HOSTILE
    assert xml_text(HOSTILE) == HOSTILE.replace("\r\n", "\n").replace("\x01", "\ufffd").replace(
        "\x0b", "\ufffd"
    ).replace("\x1f", "\ufffd")


def test_script_json_cannot_end_the_script():
    text = script_json({"name": HOSTILE})
    assert "<" not in text and ">" not in text and "&" not in text and text.isascii()
    assert json.loads(text) == {"name": HOSTILE}


def test_map_layout_places_nodes_by_their_coordinates(countries):
    layout = map_layout(countries)
    x = {code: layout.positions[mint("country", code)][0] for code in ("by", "kz", "cn")}
    y = {code: layout.positions[mint("country", code)][1] for code in ("by", "ir")}
    assert x["by"] < x["kz"] < x["cn"]  # Minsk, Astana, Beijing from west to east
    assert y["by"] < y["ir"]  # Minsk north of Tehran (screens count y downwards)
    assert layout.graticule and all(line["label"][-1] in "NSEW" for line in layout.graticule)


# -- determinism and the command line --------------------------------------------------------


def run(*args, store=None):
    prefix = ["--store", str(store)] if store else []
    return CliRunner().invoke(cli, [*prefix, "network", *args])


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_store_same_bytes(seed, tmp_path, fmt):
    first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    for path in (first, second):
        result = run("countries", "--format", fmt, "-o", str(path), store=seed)
        assert result.exit_code == 0, result.output
        assert f"Wrote {path}" in result.output
    assert first.read_bytes() == second.read_bytes() and first.stat().st_size > 1000
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_same_bytes_whatever_the_hash_seed(seed, tmp_path):
    # Python randomises the order of sets of strings per process (PYTHONHASHSEED): nothing of
    # the output may depend on it.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from cislib.graph.store import GraphStore\n"
        "from cislib.network import FORMATS, NetworkRequest, network, render, write_output\n"
        "with GraphStore.open(sys.argv[1]) as store:\n"
        "    for kind in ('countries', 'people-events'):\n"
        "        graph = network(store, NetworkRequest(kind))\n"
        "        for fmt in FORMATS:\n"
        "            write_output(Path(sys.argv[2]) / f'{kind}.{fmt}', render(graph, fmt))\n"
    )
    for hash_seed in ("1", "2"):
        (tmp_path / hash_seed).mkdir()
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(seed), str(tmp_path / hash_seed)],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
    first = sorted(p.name for p in (tmp_path / "1").iterdir())
    assert len(first) == 2 * len(FORMATS)
    for name in first:
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_text_formats_go_to_standard_output(seed):
    result = run("libraries", "--format", "json", "--lang", "ru", store=seed)
    assert result.exit_code == 0
    data = json.loads(result.output)
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[RSL] == "Российская государственная библиотека"
    result = run("countries", "--from", "2021", "--to", "2021", "--format", "csv", store=seed)
    assert result.exit_code == 0 and result.output.startswith("source,source_label")


def test_format_from_the_output_file_name(seed, tmp_path):
    path = tmp_path / "net.graphml"
    assert run("organisations", "-o", str(path), store=seed).exit_code == 0
    assert nx.read_graphml(path).number_of_nodes() > 0


@pytest.mark.parametrize(
    "args,message",
    [
        (["nations"], "Invalid value for 'KIND'"),
        (["countries", "--from", "2021-02-30"], "--from: '2021-02-30' is not a day"),
        (["countries", "--to", "21"], "--to: '21' is not a date; give YYYY or YYYY-MM-DD"),
        (["countries", "--from", "2024", "--to", "2021"], "--from 2024 is after --to 2021"),
        (["countries", "--format", "png"], "the png format is binary: give a file with --output"),
        (["countries", "--format", "pdf"], "Invalid value for '--format'"),
        (["countries", "--country", "Atlantis"], "--country: no country 'Atlantis'"),
        (["countries", "--event-type", "Party"], "--event-type: no event type 'Party'; choose"),
        (["countries", "--lang", "e n"], "--lang: 'e n' is not a language tag"),
    ],
)
def test_bad_input_gives_one_clean_line(seed, args, message):
    result = run(*args, store=seed)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_writing_where_one_cannot_loses_nothing(seed, tmp_path):
    result = run("countries", "-o", str(tmp_path / "missing" / "c.json"), store=seed)
    assert result.exit_code == 2 and "cannot write there" in result.output
    kept = tmp_path / "c.json"
    kept.write_text("old")
    with pytest.raises(NetworkError):
        write_output(tmp_path / "missing" / "x.json", "new")
    assert kept.read_text() == "old"


def test_no_store_is_a_clean_error(tmp_path):
    result = run("countries", store=tmp_path / "nothing")
    assert result.exit_code == 2 and "cislib build" in result.output


def test_node_and_edge_fields_name_every_attribute(countries):
    node_names = {name for name, _ in NODE_FIELDS}
    edge_names = {name for name, _ in EDGE_FIELDS}
    for _, data in countries.nodes(data=True):
        assert set(data) - {"label"} <= node_names
    for _, _, data in countries.edges(data=True):
        assert set(data) <= edge_names
