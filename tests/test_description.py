"""The VoID and DCAT description: counts that match the store, and Turtle every reader takes.

The expected figures are computed here in Python from the store's quads, independently of the
SPARQL queries the description runs.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, XSD, Literal, URIRef

from cislib.cli import cli
from cislib.errors import CislibError
from cislib.graph.description import DATASET, DCAT, DUMPS, SD, VOID, describe
from cislib.graph.ingest import build
from cislib.graph.store import GraphStore
from cislib.graph.terms import SYSTEM_GRAPHS
from cislib.identifiers import ID_BASE
from cislib.ontology import DCTERMS, ONTOLOGY_IRI, SCHEMA, load_ontology

V = rdflib.Namespace(VOID)
DC = rdflib.Namespace(DCAT)
DATASET_NODE = URIRef(str(DATASET))
ENDPOINT = "https://kg.example.org/sparql"
DOWNLOADS = "https://kg.example.org/dumps/"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The bundled reports, built, then opened read-only (so the CLI can open it too)."""
    path = tmp_path_factory.mktemp("describe") / "store"
    with GraphStore.open(path, write=True) as built:
        assert build(built).ok
    with GraphStore.open(path) as opened:
        yield opened


@pytest.fixture(scope="module")
def turtle(store):
    return describe(store, endpoint=ENDPOINT, download_base=DOWNLOADS)


@pytest.fixture(scope="module")
def graph(turtle):
    return rdflib.Graph().parse(data=turtle, format="turtle")


def _int(graph, subject, predicate) -> int:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    assert values[0].datatype == XSD.integer
    return int(values[0])


@pytest.fixture(scope="module")
def held(store):
    """What the store holds, counted in Python."""
    triples = {(q.subject, q.predicate, q.object) for q in store.quads()}
    per_class = defaultdict(set)
    per_property = defaultdict(int)
    for s, p, o in triples:
        per_property[p.value] += 1
        if p.value == str(RDF.type):
            per_class[o.value].add(s)
    entities = {s for s, _, _ in triples if s.value.startswith(ID_BASE)}
    per_graph = defaultdict(int)
    for q in store.quads():
        per_graph[q.graph_name.value] += 1
    return {
        "triples": len(triples),
        "subjects": len({t[0] for t in triples}),
        "objects": len({t[2] for t in triples}),
        "classes": {c: len(n) for c, n in per_class.items()},
        "properties": dict(per_property),
        "entities": len(entities),
        "graphs": dict(per_graph),
    }


def test_describes_one_void_and_dcat_dataset(graph):
    assert set(graph.subjects(RDF.type, DC.Dataset)) == {DATASET_NODE}
    assert (DATASET_NODE, RDF.type, V.Dataset) in graph


def test_counts_equal_what_the_store_holds(graph, held):
    assert _int(graph, DATASET_NODE, V.triples) == held["triples"]
    assert _int(graph, DATASET_NODE, V.entities) == held["entities"]
    assert _int(graph, DATASET_NODE, V.classes) == len(held["classes"])
    assert _int(graph, DATASET_NODE, V.properties) == len(held["properties"])
    assert _int(graph, DATASET_NODE, V.distinctSubjects) == held["subjects"]
    assert _int(graph, DATASET_NODE, V.distinctObjects) == held["objects"]


def test_every_class_used_has_a_partition_with_its_count(graph, held):
    partitions = {
        str(graph.value(p, V["class"])): _int(graph, p, V.entities)
        for p in graph.objects(DATASET_NODE, V.classPartition)
    }
    assert partitions == held["classes"]
    for used in (SCHEMA.Event, SCHEMA.Library, SCHEMA.Country, SCHEMA.Person, SCHEMA.Report):
        assert partitions[str(used)] > 0


def test_every_property_used_has_a_partition_with_its_count(graph, held):
    partitions = {
        str(graph.value(p, V.property)): _int(graph, p, V.triples)
        for p in graph.objects(DATASET_NODE, V.propertyPartition)
    }
    assert partitions == held["properties"]
    assert sum(partitions.values()) == held["triples"]


def test_vocabularies_cover_every_class_and_property(graph, held):
    vocabularies = {str(v) for v in graph.objects(DATASET_NODE, V.vocabulary)}
    for term in [*held["classes"], *held["properties"]]:
        assert any(term.startswith(v) for v in vocabularies), term
    for expected in (str(SCHEMA), "https://w3id.org/cislib/def#", "http://www.w3.org/ns/prov#"):
        assert expected in vocabularies


def test_one_subset_per_named_graph(graph, held, store):
    subsets = {
        str(graph.value(s, URIRef(SD + "name"))): _int(graph, s, V.triples)
        for s in graph.objects(DATASET_NODE, V.subset)
    }
    assert subsets == held["graphs"]
    assert {g.value for g in store.report_graphs()} <= set(subsets)
    for report in store.report_graphs():
        subset = next(s for s in graph.subjects(URIRef(SD + "name"), URIRef(report.value)))
        assert graph.value(subset, DCTERMS.source) == URIRef(report.value)


def test_licence_and_creators_are_the_ontologys(graph):
    ontology = load_ontology()
    assert set(graph.objects(DATASET_NODE, DCTERMS.license)) == set(
        ontology.objects(ONTOLOGY_IRI, DCTERMS.license)
    )
    assert set(graph.objects(DATASET_NODE, DCTERMS.creator)) == set(
        ontology.objects(ONTOLOGY_IRI, DCTERMS.creator)
    )
    assert graph.value(DATASET_NODE, DCTERMS.license) is not None


def test_modified_is_the_newest_date_in_the_reports(graph, store):
    dates = {
        q.object.value
        for q in store.quads()
        if q.graph_name not in SYSTEM_GRAPHS
        and q.predicate.value in (str(SCHEMA.startDate), str(SCHEMA.endDate))
    }
    assert graph.value(DATASET_NODE, DCTERMS.modified) == Literal(max(dates), datatype=XSD.date)
    period = graph.value(DATASET_NODE, DCTERMS.temporal)
    assert str(graph.value(period, DC.endDate)) == max(dates)


def test_example_resources_are_typed_nodes_of_the_store(graph, store):
    examples = set(graph.objects(DATASET_NODE, V.exampleResource))
    assert 1 <= len(examples) <= 4
    typed = {q.subject.value for q in store.quads() if q.predicate.value == str(RDF.type)}
    assert {str(e) for e in examples} <= typed
    assert URIRef("https://w3id.org/cislib/id/library/russian-state-library") in examples


def test_distributions_name_their_media_types_and_files(graph):
    by_type = {}
    for distribution in graph.objects(DATASET_NODE, DC.distribution):
        media = graph.value(distribution, DC.mediaType)
        if media is not None:
            by_type[str(media).rsplit("media-types/", 1)[1]] = distribution
    assert {"text/turtle", "application/trig", "application/ld+json"} <= set(by_type)
    trig = by_type["application/trig"]
    assert graph.value(trig, DC.downloadURL) == URIRef(DOWNLOADS + "cislib.trig")
    dumps = {str(d) for d in graph.objects(DATASET_NODE, V.dataDump)}
    assert dumps == {DOWNLOADS + dump.file_name for dump in DUMPS}


def test_endpoint_only_when_given(store, graph):
    assert graph.value(DATASET_NODE, V.sparqlEndpoint) == URIRef(ENDPOINT)
    service = next(graph.subjects(DC.endpointURL, URIRef(ENDPOINT)))
    assert graph.value(service, DC.servesDataset) == DATASET_NODE
    plain = rdflib.Graph().parse(data=describe(store), format="turtle")
    assert plain.value(DATASET_NODE, V.sparqlEndpoint) is None
    assert not list(plain.subjects(RDF.type, DC.DataService))
    assert not list(plain.objects(None, DC.downloadURL))


@pytest.mark.parametrize("option", ["endpoint", "download_base"])
@pytest.mark.parametrize("url", ["ftp://example.org/x", "not a url", "http://bad host/"])
def test_bad_urls_are_refused_with_the_option_named(store, option, url):
    with pytest.raises(CislibError, match="--" + option.replace("_", "-")):
        describe(store, **{option: url})


def test_deterministic_and_clock_free(store, turtle, tmp_path):
    assert describe(store, endpoint=ENDPOINT, download_base=DOWNLOADS) == turtle
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    for target in (first, second):
        result = CliRunner().invoke(
            cli, ["--store", str(store.path), "describe", "-o", str(target)]
        )
        assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    assert first.read_text("utf-8") == describe(store)


def test_parses_with_pyoxigraph_and_rapper(turtle, graph, tmp_path):
    parsed = list(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert len(parsed) == len(graph)
    if shutil.which("rapper") is None:
        pytest.skip("rapper (raptor2-utils) not installed")
    path = tmp_path / "void.ttl"
    path.write_text(turtle, encoding="utf-8")
    proc = subprocess.run(
        ["rapper", "-i", "turtle", "-c", str(path)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0 and f"returned {len(graph)} triples" in proc.stderr, proc.stderr


def test_the_dataset_leads_the_file(turtle):
    body = [line for line in turtle.splitlines() if line and not line.startswith("@prefix")]
    assert body[0] == f"<{DATASET}>"
