"""The ontology is complete, documented in English and Russian, and in sync with its users.

Its users are the generated namespace ``cislib.ontology.CIS`` and the SHACL shapes; both must
name only terms the ontology defines. The list of terms below is the one docs/model.md gives.
"""

import re
from importlib.resources import files
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from cislib.ontology import (
    CIS,
    DCTERMS,
    ID,
    OA,
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION_IRI,
    ORG,
    PROV,
    SCHEMA,
    SH_NS,
    SHAPES_IRI,
    SKOS,
    WD,
    codegen,
    load_ontology,
    load_shapes,
    ontology_text,
    shapes_text,
)
from cislib.ontology.codegen import main as codegen_main
from cislib.ontology.codegen import render_namespace

CIS_NS = str(CIS._NS)
VANN = "http://purl.org/vocab/vann/"

EVENT_CLASSES = (
    "Conference Congress Seminar Training Forum Meeting Exhibition Visit AgreementSigning "
    "Project Programme OtherEvent"
).split()
ROLES = (
    "roleParticipant roleSpeaker roleOrganizer roleHost roleGuest roleSignatory roleTrainee "
    "roleOther"
).split()
OTHER_CLASSES = (
    "Participation Quote Mention Quantity ExtractionRun CooperationTally CountryCooperation "
    "LibraryCooperation"
).split()
SCHEMES = "EventTypeScheme RoleScheme".split()
PROPERTIES = (
    "event role onBehalfOf country venue isoCode wikidataId evidence postTitle quantityOf "
    "measure fileName sha256 characterCount softwareVersion involvesCountry associatedCountry "
    "partnerCountry partnerLibrary year eventCount nameKey nodeCount sortKey kindKey pairKey"
).split()
MODEL_TERMS = EVENT_CLASSES + ROLES + OTHER_CLASSES + SCHEMES + PROPERTIES


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes()


def _defined_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(CIS_NS)}


def _texts(graph: Graph, subject: URIRef, predicate: URIRef, language: str) -> list[str]:
    return [
        str(o)
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and o.language == language and str(o).strip()
    ]


# The ontology itself --------------------------------------------------------------------------


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionIRI) == ONTOLOGY_VERSION_IRI
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    licence = URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert ontology.value(ONTOLOGY_IRI, DCTERMS.license) == licence
    assert str(ontology.value(ONTOLOGY_IRI, DCTERMS.creator)) == "cislib contributors"
    for predicate in (DCTERMS.title, DCTERMS.description):
        for language in ("en", "ru"):
            assert _texts(ontology, ONTOLOGY_IRI, predicate, language), (predicate, language)
    prefix = ontology.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespacePrefix"))
    assert str(prefix) == "cis"
    namespace = ontology.value(ONTOLOGY_IRI, URIRef(VANN + "preferredNamespaceUri"))
    assert str(namespace) == CIS_NS


def test_ontology_defines_exactly_the_model_terms(ontology: Graph) -> None:
    assert {str(t).removeprefix(CIS_NS) for t in _defined_terms(ontology)} == set(MODEL_TERMS)


def test_ontology_has_no_blank_nodes(ontology: Graph) -> None:
    assert not [n for n in ontology.all_nodes() if isinstance(n, BNode)]


@pytest.mark.parametrize("name", sorted(MODEL_TERMS))
def test_term_is_documented_in_english_and_russian(ontology: Graph, name: str) -> None:
    term = CIS[name]
    assert (term, RDFS.isDefinedBy, ONTOLOGY_IRI) in ontology
    assert set(ontology.objects(term, RDF.type)) & {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        SKOS.Concept,
        SKOS.ConceptScheme,
    }
    for predicate in (RDFS.label, RDFS.comment):
        for language in ("en", "ru"):
            found = _texts(ontology, term, predicate, language)
            assert len(found) == 1, (name, predicate, language, found)


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_class_is_also_a_concept(ontology: Graph, name: str) -> None:
    term = CIS[name]
    assert (term, RDF.type, OWL.Class) in ontology
    assert (term, RDFS.subClassOf, SCHEMA.Event) in ontology
    assert (term, RDF.type, SKOS.Concept) in ontology
    assert (term, SKOS.inScheme, CIS.EventTypeScheme) in ontology
    for language in ("en", "ru"):
        assert len(_texts(ontology, term, SKOS.prefLabel, language)) == 1


@pytest.mark.parametrize("name", ROLES)
def test_role_is_a_concept_of_the_role_scheme(ontology: Graph, name: str) -> None:
    term = CIS[name]
    assert (term, RDF.type, SKOS.Concept) in ontology
    assert (term, SKOS.inScheme, CIS.RoleScheme) in ontology
    for language in ("en", "ru"):
        assert len(_texts(ontology, term, SKOS.prefLabel, language)) == 1
        assert len(_texts(ontology, term, SKOS.definition, language)) == 1


def test_classes_state_their_standard_superclasses(ontology: Graph) -> None:
    assert (CIS.Quote, RDFS.subClassOf, OA.SpecificResource) in ontology
    assert (CIS.Mention, RDFS.subClassOf, OA.Annotation) in ontology
    assert (CIS.ExtractionRun, RDFS.subClassOf, PROV.Activity) in ontology


def test_reused_terms_keep_their_own_vocabulary(ontology: Graph) -> None:
    # Declared so OWL tools can type them, but defined by their own vocabularies, never by
    # cislib, and never given new superclasses or superproperties.
    external = {
        s
        for s in ontology.subjects(RDF.type, None)
        if isinstance(s, URIRef) and not str(s).startswith(CIS_NS) and s != ONTOLOGY_IRI
    }
    assert {SCHEMA.Event, ORG.Membership, PROV.agent, OA.hasSelector} <= external
    for term in external:
        defined_by = ontology.value(term, RDFS.isDefinedBy)
        assert defined_by is not None and defined_by != ONTOLOGY_IRI, term
        assert ontology.value(term, RDFS.subClassOf) is None, term
        assert ontology.value(term, RDFS.subPropertyOf) is None, term


# The generated namespace ----------------------------------------------------------------------


def test_namespace_module_is_what_codegen_renders() -> None:
    generated = files("cislib.ontology").joinpath("namespace.py").read_text(encoding="utf-8")
    assert generated == render_namespace(ontology_text()), (
        "namespace.py is out of date: run python -m cislib.ontology.codegen"
    )


def test_codegen_check_passes() -> None:
    assert codegen_main(["--check"]) == 0


def test_codegen_rewrites_a_stale_namespace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "namespace.py"
    stale.write_text("# an old namespace\n", encoding="utf-8")
    monkeypatch.setattr(codegen, "NAMESPACE_FILE", stale)
    assert codegen_main(["--check"]) == 1
    assert "out of date" in capsys.readouterr().err
    assert codegen_main([]) == 0
    assert stale.read_text(encoding="utf-8") == render_namespace(ontology_text())
    assert codegen_main(["--check"]) == 0


def test_render_namespace_is_deterministic() -> None:
    # Reordering the Turtle must not change the output; the ontology's statements do.
    text = ontology_text()
    shuffled = Graph().parse(data=text, format="turtle").serialize(format="nt")
    reordered = "\n".join(sorted(shuffled.splitlines(), reverse=True))
    assert render_namespace(reordered) == render_namespace(text)


def test_namespace_is_closed(ontology: Graph) -> None:
    for term in _defined_terms(ontology):
        assert term in CIS
        assert CIS[str(term).removeprefix(CIS_NS)] == term
    with pytest.raises(AttributeError):
        _ = CIS.NoSuchTerm


def test_namespace_constants() -> None:
    assert str(SCHEMA.Event) == "https://schema.org/Event"
    assert str(ORG.Membership) == "http://www.w3.org/ns/org#Membership"
    assert str(PROV.agent) == "http://www.w3.org/ns/prov#agent"
    assert str(SKOS.prefLabel) == "http://www.w3.org/2004/02/skos/core#prefLabel"
    assert str(DCTERMS.language) == "http://purl.org/dc/terms/language"
    assert str(OA.hasSource) == "http://www.w3.org/ns/oa#hasSource"
    assert str(WD.Q265) == "http://www.wikidata.org/entity/Q265"
    assert str(ID["graph/reference"]) == "https://w3id.org/cislib/id/graph/reference"
    assert str(SH_NS.CountryShape) == "https://w3id.org/cislib/shapes#CountryShape"


# The shapes -----------------------------------------------------------------------------------


def _shape_nodes(shapes: Graph) -> set:
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    properties = {o for s in node_shapes for o in shapes.objects(s, SH.property)}
    constraints = {o for s in node_shapes for o in shapes.objects(s, SH.sparql)}
    return node_shapes | properties | constraints


def test_shapes_parse_and_are_named_in_their_own_namespace(shapes: Graph) -> None:
    assert shapes_text().strip()
    assert (SHAPES_IRI, RDF.type, OWL.Ontology) in shapes
    for node in _shape_nodes(shapes):
        assert isinstance(node, URIRef) and str(node).startswith(str(SH_NS)), node


def test_shapes_use_only_defined_terms(ontology: Graph, shapes: Graph) -> None:
    defined = _defined_terms(ontology)
    used = {n for n in shapes.all_nodes() if isinstance(n, URIRef) and str(n).startswith(CIS_NS)}
    # SPARQL constraints name terms inside their query text.
    for query in shapes.objects(None, SH.select):
        used |= {CIS[name] for name in re.findall(r"\bcis:(\w+)", str(query))}
    assert used, "the shapes should use cis: terms"
    assert used <= defined, sorted(used - defined)


def test_every_shape_has_english_and_russian_messages(shapes: Graph) -> None:
    for node in _shape_nodes(shapes):
        for language in ("en", "ru"):
            assert len(_texts(shapes, node, SH.message, language)) == 1, (node, language)


def test_every_property_shape_has_an_english_name(shapes: Graph) -> None:
    for node in set(shapes.subjects(RDF.type, SH.NodeShape)):
        for prop in shapes.objects(node, SH.property):
            assert _texts(shapes, prop, SH.name, "en"), prop


def test_every_node_shape_has_a_target(shapes: Graph) -> None:
    for node in shapes.subjects(RDF.type, SH.NodeShape):
        assert shapes.value(node, SH.targetClass) is not None, node


def test_sparql_constraints_declare_their_prefixes(shapes: Graph) -> None:
    declared = {str(shapes.value(d, SH.prefix)) for d in shapes.objects(SHAPES_IRI, SH.declare)}
    for constraint in shapes.subjects(RDF.type, SH.SPARQLConstraint):
        assert shapes.value(constraint, SH.prefixes) == SHAPES_IRI, constraint
        query = str(shapes.value(constraint, SH.select))
        assert "$this" in query, constraint
        used = set(re.findall(r"\b([a-z]+):\w", query))
        assert used <= declared, (constraint, used - declared)
