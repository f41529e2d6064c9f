"""The SHACL shapes accept good graphs and reject bad ones for the right reason.

Each file in ``fixtures/shapes/`` is a small, realistic TriG (or Turtle) graph named after the
node shape it exercises: ``<Shape>-good.trig`` must conform to all the shapes, and
``<Shape>-bad[-<case>].trig`` breaks one rule of that shape. A bad fixture names the rules it
breaks in header comments, ``# violates: cissh:<rule>``, where a rule is a property shape or a
SPARQL constraint; the test checks that exactly those rules, and no others, report a problem.

Validation is done the way cislib does it: the data graph is the union of the fixture's named
graphs, the ontology is passed as ``ont_graph``, and no inference is run.
"""

import re
from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from cislib.ontology import SH_NS, load_ontology, load_shapes

FIXTURES = Path(__file__).parent / "fixtures" / "shapes"
SUFFIXES = (".trig", ".ttl")
_VIOLATES = re.compile(r"^#\s*violates:\s*cissh:(\S+)\s*$", re.MULTILINE)


def _fixtures(kind: str) -> list[Path]:
    pattern = re.compile(rf"^[A-Za-z]+Shape-{kind}(-[a-z0-9-]+)?$")
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in SUFFIXES and pattern.match(p.stem))


GOOD = _fixtures("good")
BAD = _fixtures("bad")


def _node_shape(path: Path) -> URIRef:
    return SH_NS[path.stem.split("-", 1)[0]]


def _union(path: Path) -> Graph:
    # The builder validates the union of all named graphs; TriG's parser also reads Turtle.
    dataset = Dataset()
    dataset.parse(path, format="trig")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


def _validate(path: Path, shapes: Graph, ontology: Graph) -> tuple[bool, Graph, str]:
    conforms, report, text = pyshacl.validate(
        _union(path),
        shacl_graph=shapes,
        ont_graph=ontology,
        advanced=True,
        inference="none",
    )
    return conforms, report, text


def _rule(report: Graph, result: Node, shapes: Graph) -> Node:
    # A SPARQL constraint is reported with its node shape as sh:sourceShape and itself as
    # sh:sourceConstraint; any other rule is the property (or node) shape itself.
    constraint = report.value(result, SH.sourceConstraint)
    if constraint is not None and (constraint, RDF.type, SH.SPARQLConstraint) in shapes:
        return constraint
    return report.value(result, SH.sourceShape)


def _belongs_to(rule: Node, node_shape: URIRef, shapes: Graph) -> bool:
    return (
        rule == node_shape
        or (node_shape, SH.property, rule) in shapes
        or (node_shape, SH.sparql, rule) in shapes
    )


def test_fixtures_cover_every_node_shape(shapes: Graph) -> None:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert {_node_shape(p) for p in GOOD} == node_shapes
    assert {_node_shape(p) for p in BAD} == node_shapes


def test_fixture_names_are_understood() -> None:
    named = {p for p in FIXTURES.iterdir() if p.suffix in SUFFIXES}
    assert named == set(GOOD) | set(BAD), "fixture not named <Shape>-good or <Shape>-bad-<case>"


@pytest.mark.parametrize("path", GOOD, ids=[p.stem for p in GOOD])
def test_good_fixture_conforms(path: Path, shapes: Graph, ontology: Graph) -> None:
    conforms, _, text = _validate(path, shapes, ontology)
    assert conforms, text


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_fixture_breaks_exactly_its_rules(path: Path, shapes: Graph, ontology: Graph) -> None:
    declared = {SH_NS[name] for name in _VIOLATES.findall(path.read_text(encoding="utf-8"))}
    assert declared, f"{path.name} does not say which rule it breaks (# violates: cissh:...)"
    node_shape = _node_shape(path)
    for rule in declared:
        assert _belongs_to(rule, node_shape, shapes), f"{rule} is not a rule of {node_shape}"

    conforms, report, text = _validate(path, shapes, ontology)
    assert not conforms, f"{path.name} was expected to fail validation"
    results = list(report.subjects(RDF.type, SH.ValidationResult))
    assert results
    for result in results:
        source = report.value(result, SH.sourceShape)
        assert _belongs_to(source, node_shape, shapes), f"unexpected {source}:\n{text}"
    assert {_rule(report, r, shapes) for r in results} == declared, text


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_violations_speak_english_and_russian(path: Path, shapes: Graph, ontology: Graph) -> None:
    _, report, _ = _validate(path, shapes, ontology)
    for result in report.subjects(RDF.type, SH.ValidationResult):
        rule = _rule(report, result, shapes)
        # Compared as text: pyshacl 0.40 drops the language tags of SPARQL constraints'
        # messages when it copies them into the report, so the tags are read from the shapes.
        said = {str(m) for m in report.objects(result, SH.resultMessage)}
        for language in ("en", "ru"):
            wanted = [
                str(m)
                for m in shapes.objects(rule, SH.message)
                if isinstance(m, Literal) and m.language == language
            ]
            assert wanted and set(wanted) <= said, (rule, language)
