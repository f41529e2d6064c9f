"""Validation of the store: readable problems, the verdict pyshacl gives, at the store's speed."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from dataclasses import asdict, replace
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from conftest import make_record
from rdflib.namespace import RDF, SH

from cislib import __version__
from cislib.graph import validation
from cislib.graph.ingest import build
from cislib.graph.shape_queries import compile_shapes
from cislib.graph.store import GraphStore
from cislib.graph.validation import data_graph, validate_graph, validate_nodes, validate_store
from cislib.identifiers import mint
from cislib.ontology import load_shapes


def test_a_good_store_conforms(store):
    store.ingest(make_record())
    result = validate_store(store)
    assert result.conforms, result.to_text()
    assert "conforms" in result.to_text()


def test_end_before_start_is_reported_with_label_report_and_quote(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    result = validate_store(store)
    assert not result.conforms
    problem = next(p for p in result.problems if "end date" in p.message.lower())
    assert problem.label == "seminar"  # the event's name, not an IRI or a blank node
    assert problem.reports == ["late.txt"]
    assert problem.quotes == ["seminar"]
    text = result.to_text()
    assert "seminar" in text and "late.txt" in text and "_:" not in text


def test_messages_in_russian(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    result = validate_store(store, language="ru")
    assert any(any("\u0400" <= ch <= "\u04ff" for ch in p.message) for p in result.problems)


def test_store_and_pyshacl_agree_on_sparql_rules(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    data = data_graph(store)

    def sparql_results(result):
        report = result.report_graph
        return {
            (report.value(r, SH.focusNode), report.value(r, SH.sourceConstraint))
            for r in report.subjects(SH.sourceConstraintComponent, SH.SPARQLConstraintComponent)
        }

    fast = sparql_results(validate_graph(data, store=store))
    slow = sparql_results(validate_graph(data))
    assert fast == slow and fast


def test_json_and_turtle_formats(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    result = validate_store(store)
    payload = json.loads(result.to_json())
    assert payload["conforms"] is False and payload["problems"]
    report = rdflib.Graph().parse(data=result.to_turtle(), format="turtle")
    assert [c.toPython() for c in report.objects(None, SH.conforms)] == [False]


# -- the store's validation says what pyshacl says -------------------------------------------

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"


def _load(store: GraphStore, path: Path, name: str) -> list[ox.Quad]:
    """A fixture's quads into the store, its default graph as a named graph of its own."""
    own = ox.NamedNode(f"urn:fixture:{name}")
    quads = [
        ox.Quad(
            q.subject,
            q.predicate,
            q.object,
            own if q.graph_name == ox.DefaultGraph() else q.graph_name,
        )
        for q in ox.parse(path.read_bytes(), format=ox.RdfFormat.TRIG)
    ]
    store.oxigraph.extend(quads)
    return quads


def _results(result) -> list[tuple]:
    """The results of a validation report, as comparable tuples."""
    report = result.report_graph
    return sorted(
        tuple(
            str(report.value(r, predicate))
            for predicate in (
                SH.focusNode,
                SH.sourceShape,
                SH.sourceConstraint,
                SH.sourceConstraintComponent,
                SH.value,
                SH.resultSeverity,
            )
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    )


def _same(fast, slow) -> None:
    assert fast.conforms == slow.conforms
    assert [asdict(p) for p in fast.problems] == [asdict(p) for p in slow.problems]
    assert _results(fast) == _results(slow)


@pytest.mark.parametrize(
    "path", sorted(FIXTURES.iterdir()), ids=[p.stem for p in sorted(FIXTURES.iterdir())]
)
def test_store_validation_equals_pyshacl_on_each_fixture(path, store_path):
    with GraphStore.open(store_path, write=True) as store:
        quads = _load(store, path, "0")
        fast = validate_store(store)
        _same(fast, validate_graph(data_graph(store)))  # pyshacl alone, SPARQL rules too
        subjects = {q.subject for q in quads if isinstance(q.subject, ox.NamedNode)}
        assert [asdict(p) for p in validate_nodes(store, subjects).problems] == [
            asdict(p) for p in fast.problems
        ]
    if "-bad" in path.stem:
        assert not fast.conforms


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """The seed graph built from the bundled reports, and pyshacl's verdict on it."""
    path = tmp_path_factory.mktemp("seed") / "store"
    with GraphStore.open(path, write=True) as store:
        build(store)
    with GraphStore.open(path) as store:
        slow = validate_graph(data_graph(store), store=store)
    return path, slow


def test_store_validation_equals_pyshacl_on_the_seed_graph(seeded):
    path, slow = seeded
    with GraphStore.open(path) as store:
        fast = validate_store(store)
    assert fast.conforms
    _same(fast, slow)


def test_store_validation_equals_pyshacl_with_every_bad_fixture_in_the_seed_graph(
    seeded, tmp_path, monkeypatch
):
    path, _ = seeded
    copy = tmp_path / "store"
    shutil.copytree(path, copy)
    with GraphStore.open(copy, write=True) as store:
        for number, fixture in enumerate(sorted(FIXTURES.glob("*-bad*"))):
            _load(store, fixture, str(number))
        fast = validate_store(store)
        # pyshacl for the core constraints; the SHACL-SPARQL ones run on the store's engine
        # here (pyshacl takes minutes on them over the seed graph), and are compared with
        # pyshacl's own run fixture by fixture above.
        slow = validate_graph(data_graph(store), store=store)
        assert len(fast.problems) > 40
        _same(fast, slow)
        ru = validate_store(store, language="ru")
        assert [p.message for p in ru.problems] != [p.message for p in fast.problems]
        # A large store is validated by worker processes reading it: the same result.
        monkeypatch.setattr(validation, "PARALLEL_FROM_REPORTS", 1)
        spread = validate_store(store, jobs=2)
        _same(spread, fast)
        assert not multiprocessing.active_children()


def test_cislib_shapes_need_no_pyshacl_fallback():
    plan = compile_shapes(load_shapes())
    assert plan.residual is None
    assert {o.shape for o in plan.origins} == set(load_shapes().subjects(RDF.type, SH.NodeShape))


EXTRA_SHAPES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
@prefix cissh: <https://w3id.org/cislib/shapes#> .
@prefix ex: <https://example.org/shapes#> .

# sh:lessThan and sh:closed are not translated to SPARQL: pyshacl checks these shapes.
ex:DatesShape a sh:NodeShape ;
    sh:targetClass schema:Event ;
    sh:property [ sh:path schema:startDate ; sh:lessThan schema:endDate ;
                  sh:message "starts before it ends"@en ] .
ex:ClosedRunShape a sh:NodeShape ;
    sh:targetClass <https://w3id.org/cislib/def#ExtractionRun> ;
    sh:closed true ;
    sh:ignoredProperties ( <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ) ;
    sh:message "a run says nothing but its version"@en .
"""


def test_untranslated_constraints_fall_back_to_pyshacl(store):
    record = make_record("late.txt")
    record.events[0] = replace(record.events[0], start="2022-06-16", end="2022-06-01")
    store.ingest(record)
    shapes = load_shapes()
    shapes.parse(data=EXTRA_SHAPES, format="turtle")
    plan = compile_shapes(shapes)
    assert plan.residual is not None and len(plan.residual) < len(shapes) / 10
    fast = validate_store(store, shapes=shapes)
    _same(fast, validate_graph(data_graph(store), store=store, shapes=shapes))
    components = {c for *_, c, _v, _s in _results(fast)}
    assert str(SH.LessThanConstraintComponent) in components
    assert str(SH.ClosedConstraintComponent) in components
    run = mint("run", f"{record.report.iri.rsplit('/', 1)[1]}-{__version__}")
    touched = validate_nodes(store, [run, record.events[0].iri], shapes=shapes)
    assert [asdict(p) for p in touched.problems] == [
        asdict(p) for p in fast.problems if p.node in {run, record.events[0].iri}
    ]


ODD_SPARQL = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
@prefix ex: <https://example.org/shapes#> .

# A braced expression before WHERE: the focus nodes put in at the first brace land in it, not
# in the WHERE clause; the answers must not change.
ex:UndatedShape a sh:NodeShape ;
    sh:targetClass schema:Event ;
    sh:sparql [
        sh:message "an event with a date of its own"@en ;
        sh:select \"\"\"SELECT $this (EXISTS { $this ?p ?o } AS ?value)
            WHERE { $this <https://schema.org/endDate> ?end }\"\"\"
    ] .
"""


def test_a_constraint_with_braces_before_where_gives_the_same_answers(store):
    record = make_record("a.txt")
    store.ingest(record)
    shapes = load_shapes()
    shapes.parse(data=ODD_SPARQL, format="turtle")
    full = validate_store(store, shapes=shapes)
    odd = [p for p in full.problems if p.message == "an event with a date of its own"]
    assert [p.node for p in odd] == [record.events[0].iri]
    touched = validate_nodes(store, [record.events[0].iri], shapes=shapes)
    assert [asdict(p) for p in touched.problems] == [
        asdict(p) for p in full.problems if p.node == record.events[0].iri
    ]
