"""Exports: deterministic bytes, and files that rdflib, pyoxigraph and rapper all read."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess

import pyoxigraph as ox
import pytest
import rdflib
from conftest import make_record
from rdflib.compare import isomorphic

from cislib.graph.export import FORMATS, export, jsonld_context, write_atomically
from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib

RDFLIB_FORMATS = {
    "turtle": "turtle",
    "trig": "trig",
    "nt": "nt",
    "nq": "nquads",
    "jsonld": "json-ld",
}
OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
RAPPER_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "ntriples", "nq": "nquads"}


@pytest.fixture
def filled(store):
    store.ingest(make_record("a.txt"))
    store.ingest(make_record("b.txt", person='Anna "Q" Ivanova\\ <x>\n{y}'))
    return store


def _expected_triples(store) -> rdflib.Graph:
    graph = rdflib.Graph()
    for q in store.quads():
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_deterministic(filled, fmt):
    assert export(filled, fmt) == export(filled, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_parses_with_rdflib_to_the_same_graph(filled, fmt):
    data = export(filled, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, _expected_triples(filled))


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_parses_with_pyoxigraph(filled, fmt):
    data = export(filled, fmt).encode("utf-8")
    quads = list(ox.parse(data, format=OXIGRAPH_FORMATS[fmt]))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert triples == {(q.subject, q.predicate, q.object) for q in filled.quads()}


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_quad_formats_keep_one_graph_per_report(filled, fmt):
    quads = ox.parse(export(filled, fmt).encode("utf-8"), format=OXIGRAPH_FORMATS[fmt])
    graphs = {q.graph_name for q in quads}
    assert set(filled.report_graphs()) <= graphs


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", list(RAPPER_FORMATS))
def test_export_parses_with_rapper(filled, fmt, tmp_path):
    path = tmp_path / f"export.{fmt}"
    path.write_text(export(filled, fmt), encoding="utf-8")
    proc = subprocess.run(
        ["rapper", "-q", "-i", RAPPER_FORMATS[fmt], "-c", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "error" not in proc.stderr.lower()


def test_write_atomically_replaces_whole_file(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("old")
    write_atomically(target, "new content")
    assert target.read_text() == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


# -- hostile names -------------------------------------------------------------------------

#: Everything that breaks a hand-rolled writer: quotes of every Turtle string form, backslashes
#: and text that looks like an escape, every C0 control character but NUL, DEL, CR LF, the
#: bidirectional overrides and isolates, and the punctuation of Turtle, TriG and N-Quads.
HOSTILE = (
    'Анна "Q" O\'Brien \\ \\u0041 \\" """ \'\'\' '
    + "".join(chr(c) for c in range(0x01, 0x20))
    + "\x7f \r\n \u202eevil\u202c \u2066isolated\u2069 \u200f"
    + ' } { > . ; , # @en ^^xsd:string _:b0 <http://x/> "@context": '
)
#: The file name carries its own mix, as the report's cis:fileName.
HOSTILE_FILE = 'report "v2"\\draft\t\u202e.txt'
#: NUL: readers of report files refuse it (it is no text), yet a record may still carry one.
NUL_NAME = "before\x00after \x01"


def _hostile_store(path, person: str, file: str):
    store = GraphStore.open(path, write=True)
    store.load_base()
    store.ingest(make_record(file, person=person))
    return store


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    with _hostile_store(tmp_path_factory.mktemp("hostile") / "store", HOSTILE, HOSTILE_FILE) as s:
        yield s


@pytest.fixture(scope="module")
def with_nul(tmp_path_factory):
    with _hostile_store(tmp_path_factory.mktemp("nul") / "store", NUL_NAME, "nul.txt") as s:
        yield s


def _stored(store) -> set[tuple]:
    """The store's quads as (s, p, o, g) of pyoxigraph terms; g is None in triple formats."""
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store.quads()}


def _triples(quads) -> set[tuple]:
    return {q[:3] for q in quads}


def _from_rdflib(term):
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _read_rdflib(data: str, fmt: str) -> tuple[rdflib.Graph, set[tuple]]:
    """What rdflib reads: the union graph, and the quads as pyoxigraph terms."""
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    union = rdflib.Graph()
    quads = set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
        quads.add((*(_from_rdflib(t) for t in (s, p, o)), ox.NamedNode(str(g))))
    return union, quads


def _read_oxigraph(data: str, fmt: str) -> set[tuple]:
    parsed = ox.parse(data.encode("utf-8"), format=OXIGRAPH_FORMATS[fmt])
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in parsed}


def _read_rapper(data: str, fmt: str, tmp_path) -> set[tuple]:
    """What rapper reads, written back as N-Quads by rapper and parsed by pyoxigraph."""
    path = tmp_path / f"in.{fmt}"
    path.write_text(data, encoding="utf-8")
    proc = subprocess.run(
        ["rapper", "-q", "-i", RAPPER_FORMATS[fmt], "-o", "nquads", str(path)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert b"error" not in proc.stderr.lower(), proc.stderr
    parsed = ox.parse(proc.stdout, format=ox.RdfFormat.N_QUADS)
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in parsed}


def _same_quads(got: set[tuple], store, fmt: str) -> None:
    """Quad formats keep every graph name; triple formats are compared as the union."""
    if fmt in ("trig", "nq", "jsonld"):
        assert got == _stored(store)
    else:
        assert _triples(got) == _triples(_stored(store))


def _names(quads: set[tuple], predicate: str) -> set[str]:
    return {q[2].value for q in quads if q[1].value == predicate}


ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
FILE_NAME = "https://w3id.org/cislib/def#fileName"


def test_hostile_names_are_stored_as_given(hostile):
    assert HOSTILE in _names(_stored(hostile), ALT_LABEL)
    assert HOSTILE_FILE in _names(_stored(hostile), FILE_NAME)


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_names_survive_rdflib_and_pyoxigraph(hostile, fmt):
    data = export(hostile, fmt)
    union, from_rdflib = _read_rdflib(data, fmt)
    assert isomorphic(union, _expected_triples(hostile))
    from_oxigraph = _read_oxigraph(data, fmt)
    for got in (from_rdflib, from_oxigraph):
        _same_quads(got, hostile, fmt)
        assert HOSTILE in _names(got, ALT_LABEL)
        assert HOSTILE_FILE in _names(got, FILE_NAME)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", list(RAPPER_FORMATS))
def test_hostile_names_survive_rapper(hostile, fmt, tmp_path):
    got = _read_rapper(export(hostile, fmt), fmt, tmp_path)
    _same_quads(got, hostile, fmt)
    assert HOSTILE in _names(got, ALT_LABEL)
    expected = rdflib.Graph()
    for s, p, o, _ in got:
        expected.add(tuple(to_rdflib(t) for t in (s, p, o)))
    assert isomorphic(expected, _expected_triples(hostile))


@pytest.mark.parametrize("fmt", FORMATS)
def test_nul_survives_rdflib_and_pyoxigraph(with_nul, fmt):
    data = export(with_nul, fmt)
    for got in (_read_rdflib(data, fmt)[1], _read_oxigraph(data, fmt)):
        _same_quads(got, with_nul, fmt)
        assert NUL_NAME in _names(got, ALT_LABEL)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", list(RAPPER_FORMATS))
def test_nul_is_escaped_so_rapper_reads_the_file(with_nul, fmt, tmp_path):
    """The file is valid for rapper too; raptor keeps strings NUL-terminated, so the one value
    with a NUL reads cut short there (a limit of raptor, not of the file), all else exactly."""
    data = export(with_nul, fmt)
    assert "\x00" not in data and "\\u0000" in data
    got = _read_rapper(data, fmt, tmp_path)
    expected = _stored(with_nul)
    if fmt in ("turtle", "nt"):
        got, expected = _triples(got), _triples(expected)
    differing = {q for q in got ^ expected if "\x00" not in str(q[2].value)}
    assert {q for q in differing if not NUL_NAME.startswith(q[2].value)} == set()


# -- bytes depend on the graph alone -------------------------------------------------------


def test_export_bytes_do_not_depend_on_ingest_order(tmp_path):
    records = [make_record("a.txt"), make_record("b.txt", person="Анна Иванова")]
    exports = []
    for name, order in (("forward", records), ("backward", records[::-1])):
        with GraphStore.open(tmp_path / name, write=True) as store:
            store.load_base()
            for record in order:
                store.ingest(record)
            exports.append({fmt: export(store, fmt) for fmt in FORMATS})
    assert exports[0] == exports[1]


# -- JSON-LD: the context travels with the data --------------------------------------------


def _contexts(value) -> list:
    if isinstance(value, dict):
        found = [value["@context"]] if "@context" in value else []
        return found + [c for v in value.values() for c in _contexts(v)]
    if isinstance(value, list):
        return [c for v in value for c in _contexts(v)]
    return []


def test_jsonld_embeds_the_shipped_context(filled):
    document = json.loads(export(filled, "jsonld"))
    assert _contexts(document) == [jsonld_context()["@context"]]
    assert all(isinstance(c, dict) for c in _contexts(document))


def test_jsonld_parses_without_network(filled, monkeypatch):
    """A reader that tried to fetch a remote context would hit these walls."""

    def no_network(*args, **kwargs):
        raise AssertionError("the JSON-LD reader tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    data = export(filled, "jsonld")
    union, _ = _read_rdflib(data, "jsonld")
    assert isomorphic(union, _expected_triples(filled))
    # pyoxigraph has no document loader unless given one: a remote context would fail here.
    assert _triples(_read_oxigraph(data, "jsonld")) == _triples(_stored(filled))
