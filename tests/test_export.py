"""Exports: deterministic bytes, and files that rdflib, pyoxigraph and rapper all read."""

from __future__ import annotations

import shutil
import subprocess

import pyoxigraph as ox
import pytest
import rdflib
from conftest import make_record
from rdflib.compare import isomorphic

from cislib.graph.export import FORMATS, export, write_atomically
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
