"""RDF in and out under hostile input: names become valid IRIs and exact literals, user RDF is
read without reaching outside, and nothing a query or a file says makes cislib fetch anything.

A real loopback listener stands in for "outside": every test that could reach it checks that it
received no connection at all. A control test shows that the store's engine does connect to it
when nothing stands in the way, so that silence means something.
"""

from __future__ import annotations

import http.client
import json
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from conftest import make_record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listener import Listener

from cislib.cli import cli
from cislib.errors import QueryError, RDFInputError
from cislib.graph.export import FORMATS, WRITERS, export
from cislib.graph.rdf_input import CURATED_GRAPH, MAX_RDF_BYTES, load_files, read_rdf
from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib
from cislib.graph.validation import validate_store
from cislib.identifiers import KINDS, mint, slugify
from cislib.serve import make_server
from cislib.serve.guard import check_local_query, names_service

OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
RDFLIB_FORMATS = {
    "turtle": "turtle",
    "trig": "trig",
    "nt": "nt",
    "nq": "nquads",
    "jsonld": "json-ld",
}
QUAD_FORMATS = {"trig", "nq", "jsonld"}
XSD = "http://www.w3.org/2001/XMLSchema#"
#: Characters that break naive IRI and literal writers, and the ones that spoof text direction.
NASTY = "\"\\<>{}|^`\n\r\t\x00\x0b\x7f\u202e\u202d\u2066\u200f\u2028\ufeff' #%@:/?."
NAMES = st.text(alphabet=st.one_of(st.sampled_from(NASTY), st.characters()), max_size=40)
PROPERTY = settings(
    max_examples=150,
    deadline=2000,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

timings: dict[str, float] = {}
counts: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def figures():
    """Prints inputs tried and refusal times, when the module is done (shown with -s)."""
    yield
    print("\nRDF inputs tried:", json.dumps(counts, sort_keys=True))
    if timings:
        print("Slowest refusal of a hostile input:", max(timings.items(), key=lambda kv: kv[1]))
    print("Refusal times (s):", json.dumps({k: round(v, 4) for k, v in sorted(timings.items())}))


def count(family: str, n: int = 1) -> None:
    counts[family] = counts.get(family, 0) + n


# -- the listener ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def listener():
    opened = Listener()
    yield opened
    opened.close()


@pytest.fixture
def silent(listener):
    """The listener, and a check after the test that nobody connected to it meanwhile."""
    before = len(listener.connections)
    yield listener
    time.sleep(0.05)  # a connection made at the very end is accepted by now
    assert listener.connections[before:] == [], listener.connections[before:]


@pytest.fixture(scope="module")
def template_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "store"
    with GraphStore.open(path, write=True) as store:
        store.load_base()
        store.ingest(make_record())
    return path


@pytest.fixture
def store_path(template_store, tmp_path):
    """A store of its own for each test (a copy: building one takes longer)."""
    path = tmp_path / "store"
    shutil.copytree(template_store, path)
    return path


def dump(path: Path) -> bytes:
    with GraphStore.open(path) as store:
        return store.dump_nquads()


def cli_run(*args, store=None):
    prefix = ["--store", str(store)] if store else []
    return CliRunner().invoke(cli, [*prefix, *args])


def clean(result) -> str:
    assert "Traceback" not in result.output and "Internal error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.output


# -- names to IRIs ----------------------------------------------------------------------------


@PROPERTY
@given(name=NAMES, kind=st.sampled_from(KINDS))
def test_minted_iris_are_always_valid_and_survive_every_format(name, kind):
    iri = mint(kind, slugify(name))
    term = ox.NamedNode(iri)  # raises on an invalid IRI
    assert rdflib.URIRef(iri) == rdflib.URIRef(term.value)
    quad = ox.Quad(term, term, ox.Literal(name), ox.NamedNode(mint("graph", "g")))
    for fmt in FORMATS:
        back = list(ox.parse(WRITERS[fmt]([quad]).encode(), OXIGRAPH_FORMATS[fmt]))
        assert [(q.subject, q.predicate) for q in back] == [(term, term)]
    count("names to IRIs")


@PROPERTY
@given(key=st.one_of(NAMES, st.text(alphabet="az09./-_", max_size=12)))
def test_mint_refuses_what_it_cannot_keep(key):
    try:
        iri = mint("person", key)
    except ValueError:
        count("keys refused")
        return
    # What is accepted is kept exactly by both parsers, with no segment to be rewritten.
    assert ox.NamedNode(iri).value == iri
    assert all(segment not in ("", ".", "..") for segment in key.split("/"))
    count("keys accepted")


@pytest.mark.parametrize(
    "key", ["a/../b", "a/./b", "a//b", "a/", ".", "..", "a b", "a\nb", "a>b", "", "-a", "a/.."]
)
def test_mint_refuses_keys_that_would_change_in_transit(key):
    with pytest.raises(ValueError):
        mint("person", key)


def test_the_three_uzbek_apostrophes_mint_one_key():
    keys = {slugify(f"G{a}ayrat To{a}lqinov") for a in "'ʻ’‘`ʼ"}
    assert keys == {"gayrat-tolqinov"}


# -- literals through the store and every export format ----------------------------------------


@pytest.fixture(scope="module")
def literal_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("literals") / "store"
    with GraphStore.open(path, write=True) as store:
        yield store


def _parsed(fmt: str, data: str) -> set:
    quads = ox.parse(data.encode("utf-8"), OXIGRAPH_FORMATS[fmt])
    if fmt in QUAD_FORMATS:
        return {(q.subject, q.predicate, q.object, q.graph_name) for q in quads}
    return {(q.subject, q.predicate, q.object) for q in quads}


@settings(PROPERTY, max_examples=30)
@given(name=NAMES, file=NAMES)
def test_every_literal_round_trips_exactly_through_the_store_and_every_format(
    literal_store, name, file
):
    """A person's name and a file name, whatever they hold, are stored as given and come back
    from every export format (read by pyoxigraph, and by rdflib) exactly."""
    record = make_record(file=file or "x.txt", person=name)
    literal_store.ingest(record, derive=False)
    graph = ox.NamedNode(record.report.iri)
    stored = list(literal_store.quads(graph))
    values = {q.object.value for q in stored if isinstance(q.object, ox.Literal)}
    assert name in values and (file or "x.txt") in values
    for fmt in FORMATS:
        data = WRITERS[fmt](stored)
        expected = (
            {(q.subject, q.predicate, q.object, q.graph_name) for q in stored}
            if fmt in QUAD_FORMATS
            else {(q.subject, q.predicate, q.object) for q in stored}
        )
        assert _parsed(fmt, data) == expected, fmt
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
        back = {str(o) for _, _, o, _ in dataset.quads((None, None, None, None))}
        assert name in back and (file or "x.txt") in back, fmt
    count("literals through the store", len(FORMATS))


@PROPERTY
@given(
    value=NAMES,
    language=st.sampled_from([None, "ru", "uz-Latn", "uz-Cyrl", "tk", "kk", "ky", "en"]),
)
def test_every_string_literal_round_trips_through_every_writer(value, language):
    literal = ox.Literal(value, language=language) if language else ox.Literal(value)
    subject = ox.NamedNode(mint("person", "x"))
    predicate = ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    quad = ox.Quad(subject, predicate, literal, ox.NamedNode(mint("graph", "g")))
    for fmt in FORMATS:
        (back,) = ox.parse(WRITERS[fmt]([quad]).encode(), OXIGRAPH_FORMATS[fmt])
        assert back.object == literal, fmt
        assert to_rdflib(back.object) == to_rdflib(literal)
    count("literals through the writers", len(FORMATS))


@PROPERTY
@given(
    literal=st.one_of(
        st.integers(-(2**63), 2**63 - 1).map(
            lambda i: ox.Literal(str(i), datatype=ox.NamedNode(XSD + "integer"))
        ),
        st.dates().map(lambda d: ox.Literal(d.isoformat(), datatype=ox.NamedNode(XSD + "date"))),
        st.decimals(allow_nan=False, allow_infinity=False, places=3).map(
            lambda d: ox.Literal(str(d), datatype=ox.NamedNode(XSD + "decimal"))
        ),
    )
)
def test_typed_literals_in_canonical_form_round_trip_through_every_writer(literal):
    subject = ox.NamedNode(mint("quantity", "x"))
    predicate = ox.NamedNode("https://w3id.org/cislib/def#value")
    quad = ox.Quad(subject, predicate, literal, ox.NamedNode(mint("graph", "g")))
    for fmt in FORMATS:
        (back,) = ox.parse(WRITERS[fmt]([quad]).encode(), OXIGRAPH_FORMATS[fmt])
        assert back.object == literal, (fmt, back.object)
    count("typed literals through the writers", len(FORMATS))


def _jsonld_object(literal: ox.Literal) -> ox.Literal:
    subject = ox.NamedNode("http://example.org/a")
    quad = ox.Quad(subject, subject, literal, ox.NamedNode(CURATED_GRAPH))
    (back,) = ox.parse(WRITERS["jsonld"]([quad]).encode(), ox.RdfFormat.JSON_LD)
    return back.object


@pytest.mark.parametrize("lexical", ["01", "+5", ""])
def test_jsonld_keeps_the_lexical_form_of_typed_literals(lexical):
    literal = ox.Literal(lexical, datatype=ox.NamedNode(XSD + "integer"))
    assert _jsonld_object(literal) == literal


def test_jsonld_exports_integers_beyond_64_bits():
    literal = ox.Literal(str(2**64), datatype=ox.NamedNode(XSD + "integer"))
    assert _jsonld_object(literal) == literal


# -- user RDF: malformed files -----------------------------------------------------------------

MALFORMED = {
    "turtle, missing dot": (
        "bad.ttl",
        '@prefix ex: <http://e.org/> .\nex:a ex:b "c" .\nex:a ex:b ex:c ex:d .\n',
        3,
    ),
    "turtle, broken string": ("bad.ttl", 'PREFIX ex: <http://e.org/>\nex:a ex:b "c .\n', 2),
    "turtle, unknown prefix": ("bad.ttl", "\n\nex:a ex:b ex:c .\n", 3),
    "turtle, relative IRI": ("bad.ttl", '<a> <http://e.org/b> "c" .', 1),
    "turtle, bad IRI": ("bad.ttl", "<http://e.org/a> <http://e.org/b> <http://e .org/> .", 1),
    "trig, unclosed graph": (
        "bad.trig",
        '<http://e.org/g> {\n <http://e.org/a> <http://e.org/b> "c" .\n',
        3,
    ),
    "n-triples, literal subject": (
        "bad.nt",
        '<http://e.org/a> <http://e.org/b> "c" .\n"x" <http://e.org/b> "c" .\n',
        2,
    ),
    "n-quads, five terms": (
        "bad.nq",
        "<http://e.org/a> <http://e.org/b> <http://e.org/c> <http://e.org/g> <http://e.org/h> .\n",
        1,
    ),
    "json-ld, not json": ("bad.jsonld", '{\n "@id": "http://e.org/a",\n "http://e.org/b": \n}', 4),
    "json-ld, bad value": (
        "bad.jsonld",
        '{"@id": "http://e.org/a", "http://e.org/b": {"@value": "x", "@type": 5}}',
        None,
    ),
    "rdf/xml, ill-formed": (
        "bad.rdf",
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n<rdf:Description rdf:about="http://e.org/a">\n</rdf:RDF>',
        None,
    ),
    "not utf-8": ("bad.ttl", b'<http://e.org/a> <http://e.org/b> "\xff" .', 1),
    "unknown suffix": ("bad.owl", "<http://e.org/a> <http://e.org/b> <http://e.org/c> .", None),
    "triple term": (
        "bad.ttl",
        "<http://e.org/a> <http://e.org/b> "
        "<<( <http://e.org/a> <http://e.org/b> <http://e.org/c> )>> .",
        1,
    ),
    "directional literal": ("bad.ttl", '<http://e.org/a> <http://e.org/b> "x"@ar--rtl .', None),
}
GOOD_TURTLE = '@prefix ex: <http://e.org/> .\nex:good ex:is "stored only with the rest" .\n'


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_malformed_rdf_is_one_error_with_file_and_line_and_writes_nothing(
    case, tmp_path, store_path
):
    name, content, line = MALFORMED[case]
    good = tmp_path / "good.ttl"
    good.write_text(GOOD_TURTLE)
    bad = tmp_path / name
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(RDFInputError) as caught:
        read_rdf(bad)
    message = str(caught.value)
    assert message.startswith(str(bad)) and "\n" not in message
    if line is not None:
        assert f"line {line}" in message, message
    before = dump(store_path)
    result = cli_run("load", str(good), str(bad), store=store_path)
    assert result.exit_code == 2 and message in clean(result)
    assert dump(store_path) == before  # the good file was not stored either
    count("malformed RDF")


def test_a_huge_rdf_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.ttl"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024**3)
    started = time.perf_counter()
    with pytest.raises(RDFInputError, match=f"{MAX_RDF_BYTES} byte limit"):
        read_rdf(path)
    timings["huge RDF file"] = time.perf_counter() - started
    assert timings["huge RDF file"] < 1


def test_deeply_nested_json_is_refused(tmp_path):
    path = tmp_path / "deep.jsonld"
    path.write_text("[" * 200_000 + "]" * 200_000)
    started = time.perf_counter()
    with pytest.raises(RDFInputError, match="nested too deeply"):
        read_rdf(path)
    timings["nested JSON"] = time.perf_counter() - started


# -- user RDF: hostile files -------------------------------------------------------------------

RDF_XML = (
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.org/">'
    '<rdf:Description rdf:about="http://e.org/a"><ex:p>{body}</ex:p></rdf:Description></rdf:RDF>'
)


def _laughs(levels: int) -> str:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)
    ]
    return f'<?xml version="1.0"?>\n<!DOCTYPE r [\n{chr(10).join(entities)}\n]>\n' + RDF_XML.format(
        body=f"&lol{levels};"
    )


def hostile_xml(url: str) -> dict[str, str]:
    return {
        "billion laughs": _laughs(10),
        "quadratic blowup": (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "{"x" * 100_000}">]>'
            + RDF_XML.format(body="&a;" * 10_000)
        ),
        "external entity over http": (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "{url}entity">]>'
            + RDF_XML.format(body="&e;")
        ),
        "external entity from a file": (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            + RDF_XML.format(body="&e;")
        ),
        "parameter entity": (
            f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "{url}dtd"> %p;]>'
            + RDF_XML.format(body="x")
        ),
        "external DTD": (
            f'<?xml version="1.0"?><!DOCTYPE rdf:RDF SYSTEM "{url}dtd">' + RDF_XML.format(body="x")
        ),
        "DOCTYPE late in the file": "\n" * 5
        + '<!DOCTYPE r [<!ENTITY a "b">]>'
        + RDF_XML.format(body="&a;"),
    }


HOSTILE_XML = sorted(hostile_xml("http://x/"))


@pytest.mark.parametrize("case", HOSTILE_XML)
@pytest.mark.parametrize("suffix", [".rdf", ".xml"])
def test_xml_entities_and_dtds_are_refused_at_once(case, suffix, tmp_path, silent, store_path):
    path = tmp_path / f"hostile{suffix}"
    path.write_text(hostile_xml(silent.url)[case])
    before = dump(store_path)
    started = time.perf_counter()
    with pytest.raises(RDFInputError, match="DTD") as caught:
        read_rdf(path)
    elapsed = time.perf_counter() - started
    timings[f"xml: {case}"] = max(elapsed, timings.get(f"xml: {case}", 0))
    assert elapsed < 1, elapsed
    assert "line " in str(caught.value)
    result = cli_run("load", str(path), store=store_path)
    assert result.exit_code == 2 and "DTD" in clean(result)
    assert dump(store_path) == before
    count("hostile XML")


def test_plain_rdf_xml_loads_and_its_iris_are_data(tmp_path, silent, store_path):
    path = tmp_path / "plain.rdf"
    body = f'<ex:q rdf:resource="{silent.url}resource"/>'
    path.write_text(
        RDF_XML.format(body="x").replace("</rdf:Description>", body + "</rdf:Description>")
    )
    result = cli_run("load", str(path), store=store_path)
    assert result.exit_code == 0, clean(result)
    with GraphStore.open(store_path) as store:
        assert store.count(ox.NamedNode(CURATED_GRAPH)) == 2


def hostile_jsonld(url: str) -> dict[str, object]:
    return {
        "remote context": {"@context": f"{url}context", "@id": "http://e.org/a"},
        "remote context in a list": {
            "@context": [{"ex": "http://e.org/"}, f"{url}context"],
            "@id": "http://e.org/a",
        },
        "imported context": {"@context": {"@import": f"{url}context"}, "@id": "http://e.org/a"},
        "scoped remote context": {
            "@context": {"p": {"@id": "http://e.org/p", "@context": f"{url}context"}},
            "@id": "http://e.org/a",
            "p": {"@id": "http://e.org/b"},
        },
        "nested node context": {
            "@id": "http://e.org/a",
            "http://e.org/p": {"@context": f"{url}context", "@id": "http://e.org/b"},
        },
        "context under a graph": {"@graph": [{"@context": f"{url}c", "@id": "http://e.org/a"}]},
    }


@pytest.mark.parametrize("case", sorted(hostile_jsonld("http://x/")))
def test_remote_jsonld_contexts_are_refused_and_never_fetched(case, tmp_path, silent, store_path):
    path = tmp_path / "hostile.jsonld"
    path.write_text(json.dumps(hostile_jsonld(silent.url)[case], indent=1))
    before = dump(store_path)
    started = time.perf_counter()
    with pytest.raises(RDFInputError, match="never fetched"):
        read_rdf(path)
    timings[f"json-ld: {case}"] = time.perf_counter() - started
    result = cli_run("load", str(path), store=store_path)
    assert result.exit_code == 2 and "never fetched" in clean(result)
    assert dump(store_path) == before
    count("hostile JSON-LD")


def test_the_package_context_is_used_by_name_without_a_fetch(tmp_path, silent, store_path):
    path = tmp_path / "curated.jsonld"
    path.write_text(
        json.dumps(
            {
                "@context": "https://w3id.org/cislib/context.jsonld",
                "@id": "id:library/new-one",
                "skos:altLabel": {"@value": "Новая библиотека", "@language": "ru"},
            }
        )
    )
    result = cli_run("load", str(path), store=store_path)
    assert result.exit_code == 0, clean(result)
    with GraphStore.open(store_path) as store:
        (quad,) = store.quads(ox.NamedNode(CURATED_GRAPH))
    assert quad.subject.value == mint("library", "new-one")
    assert quad.object == ox.Literal("Новая библиотека", language="ru")


def _imports_and_shapes(url: str) -> str:
    return f"""@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix schema: <https://schema.org/> .
@prefix ex: <http://e.org/> .
<http://e.org/curated> a owl:Ontology ; owl:imports <{url}ontology> ;
    sh:shapesGraph <{url}shapes> .
ex:CountryShape a sh:NodeShape ;
    sh:targetClass schema:Country ;
    sh:property [ sh:path ex:mustHave ; sh:minCount 99 ] ;
    sh:sparql [ a sh:SPARQLConstraint ;
        sh:select "SELECT $this WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}" ] .
ex:LibraryShape a sh:NodeShape ; sh:targetClass schema:Library ;
    sh:sparql [ sh:select "SELECT $this WHERE {{ $this ?p ?o }}" ] .
"""


def test_imports_and_shapes_in_loaded_rdf_are_data_never_followed(tmp_path, silent, store_path):
    """A loaded file's owl:imports, sh:shapesGraph and SHACL-SPARQL shapes (one calling a
    SERVICE, one failing every library) change nothing: validation uses the package's shapes,
    and no command sends anything to the listener."""
    path = tmp_path / "shapes.ttl"
    path.write_text(_imports_and_shapes(silent.url))
    assert cli_run("load", str(path), store=store_path).exit_code == 0
    with GraphStore.open(store_path) as store:
        result = validate_store(store)
        assert result.conforms, result.to_text()
        for fmt in FORMATS:
            assert silent.url in export(store, fmt)
    for args in (["validate"], ["stats"], ["reports"], ["query", "countries"]):
        assert cli_run(*args, store=store_path).exit_code == 0
    for fmt in FORMATS:
        assert cli_run("export", "--format", fmt, store=store_path).exit_code == 0
    count("files with imports and shapes")


# -- cislib load: all or nothing, converging, only its own graph --------------------------------


def test_load_replaces_its_graph_and_converges(tmp_path, store_path):
    first, second = tmp_path / "first.ttl", tmp_path / "second.nt"
    first.write_text('@prefix ex: <http://e.org/> .\nex:a ex:p [ ex:q "blank" ] .\n')
    second.write_text('<http://e.org/b> <http://e.org/p> _:x .\n_:x <http://e.org/q> "x" .\n')
    assert cli_run("load", str(first), str(second), store=store_path).exit_code == 0
    once = dump(store_path)
    assert cli_run("load", str(first), str(second), store=store_path).exit_code == 0
    assert dump(store_path) == once  # the same files, the same bytes
    with GraphStore.open(store_path) as store:
        quads = list(store.quads(ox.NamedNode(CURATED_GRAPH)))
    assert len(quads) == 4
    assert not any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))
    assert len({q.object for q in quads if isinstance(q.object, ox.NamedNode)}) == 2
    assert cli_run("load", str(second), store=store_path).exit_code == 0
    with GraphStore.open(store_path) as store:
        assert store.count(ox.NamedNode(CURATED_GRAPH)) == 2


def test_named_graphs_of_a_file_go_into_the_target_graph(tmp_path, store_path):
    path = tmp_path / "graphs.trig"
    path.write_text(
        "<http://e.org/g1> { <http://e.org/a> <http://e.org/p> 1 . }\n"
        "<http://e.org/g2> { <http://e.org/b> <http://e.org/p> 2 . }\n"
    )
    target = "https://example.org/graph/partner"
    assert cli_run("load", str(path), "--graph", target, store=store_path).exit_code == 0
    with GraphStore.open(store_path) as store:
        assert store.count(ox.NamedNode(target)) == 2
        assert not store.oxigraph.contains_named_graph(ox.NamedNode("http://e.org/g1"))


@pytest.mark.parametrize(
    "graph",
    [
        "https://w3id.org/cislib/id/graph/ontology",
        "https://w3id.org/cislib/id/graph/reference",
        "https://w3id.org/cislib/id/graph/derived",
        "report",
        "not an iri",
        "relative/path",
    ],
)
def test_load_never_writes_the_stores_own_graphs(graph, tmp_path, store_path):
    if graph == "report":
        graph = make_record().report.iri
    path = tmp_path / "x.ttl"
    path.write_text(GOOD_TURTLE)
    before = dump(store_path)
    result = cli_run("load", str(path), "--graph", graph, store=store_path)
    assert result.exit_code == 2 and "--graph" in clean(result)
    assert dump(store_path) == before


def test_a_failed_write_keeps_the_old_graph(tmp_path, store_path):
    path = tmp_path / "x.ttl"
    path.write_text(GOOD_TURTLE)
    assert cli_run("load", str(path), store=store_path).exit_code == 0
    before = dump(store_path)
    with GraphStore.open(store_path, write=True) as store:
        with pytest.raises(RDFInputError):
            load_files(store, [path, tmp_path / "missing.ttl"])
    assert dump(store_path) == before


# -- queries never reach outside -------------------------------------------------------------


def service_queries(url: str) -> dict[str, str]:
    country = "?x a <https://schema.org/Country> ."
    spo = "{ ?s ?p ?o }"
    where = f"SELECT * WHERE {{ {country}"
    return {
        "plain": f"SELECT * WHERE {{ {country} SERVICE <{url}sparql> {spo} }}",
        "lower case silent": f"select * where {{ {country} service silent <{url}> {spo} }}",
        "variable": f"SELECT * WHERE {{ VALUES ?e {{ <{url}> }} SERVICE ?e {spo} }}",
        "prefixed": f"PREFIX r: <{url}>\nSELECT * WHERE {{ {country} SERVICE r:x {spo} }}",
        "prefix named service": f"PREFIX service: <{url}>\n{where} SERVICE service:x {spo} }}",
        "glued prefix": f"PREFIX ex: <{url}>\nSELECT * WHERE {{ {country} SERVICEex:x {spo} }}",
        "glued after a boolean": f"SELECT * WHERE {{ ?x ?y trueSERVICE<{url}> {spo} }}",
        "carriage return ends a comment": f"{where} # x\rSERVICE <{url}> {spo}\n }}",
        "optional": f"SELECT * WHERE {{ {country} OPTIONAL {{ SERVICE <{url}> {spo} }} }}",
        "filter exists": f"ASK {{ {country} FILTER EXISTS {{ SERVICE <{url}> {spo} }} }}",
        "subquery": f"{where} {{ SELECT * WHERE {{ SERVICE <{url}> {spo} }} }} }}",
        "construct": f"CONSTRUCT {spo} WHERE {{ {country} SERVICE <{url}> {spo} }}",
        "escape outside strings": f"SELECT * WHERE {{ {country} SERV\\u0049CE <{url}> {spo} }}",
    }


def test_control_the_engine_does_call_the_listener(listener, store_path):
    """Without a guard, Oxigraph connects to a SERVICE's endpoint: silence below is real."""
    before = len(listener.connections)
    with GraphStore.open(store_path) as store:
        with pytest.raises(OSError):
            list(store.query(service_queries(listener.url)["plain"]))
    deadline = time.monotonic() + 5
    while len(listener.connections) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(listener.connections) == before + 1
    del listener.connections[before:]  # later tests expect a silent listener


@pytest.mark.parametrize("case", sorted(service_queries("http://x/")))
def test_cislib_query_never_sends_a_service_request(case, tmp_path, silent, store_path):
    text = service_queries(silent.url)[case]
    started = time.perf_counter()
    if names_service(text):
        with pytest.raises(QueryError):
            check_local_query(text)
    else:
        # An escape outside strings: Oxigraph reads no keyword there, and fails to parse.
        check_local_query(text)
    timings[f"query: {case}"] = time.perf_counter() - started
    result = cli_run("query", "-e", text, store=store_path)
    assert result.exit_code == 2 and "Error" in clean(result)
    file = tmp_path / "q.rq"
    file.write_text(text)
    result = cli_run("query", str(file), store=store_path)
    assert result.exit_code == 2 and "Error" in clean(result)
    count("SERVICE queries to cislib query", 2)


def test_the_word_service_in_strings_and_iris_is_written_with_an_escape(store_path):
    text = (
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?x WHERE { ?x <https://schema.org/\\u0073erviceType> '\\u0053ERVICE' }"
    )
    check_local_query(text)
    assert cli_run("query", "-e", text, store=store_path).exit_code == 0


def test_the_word_service_anywhere_is_refused_with_the_way_round(store_path):
    """Comments, strings and IRIs included: the check does not guess how Oxigraph reads them."""
    for text in (
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <x>",
        "SELECT * WHERE { ?s ?p 'Library service' }",
        "PREFIX schema: <https://schema.org/>\nSELECT * WHERE { ?s schema:serviceType ?o }",
    ):
        result = cli_run("query", "-e", text, store=store_path)
        assert result.exit_code == 2, text
        assert "\\u0073ervice" in clean(result), clean(result)


@pytest.fixture
def server(store_path):
    running = make_server(store_path, port=0, timeout_s=5, isolate_network=False, workers=1)
    threading.Thread(target=running.serve_forever, daemon=True).start()
    yield running
    running.shutdown()
    running.server_close()


@pytest.mark.parametrize("case", ["plain", "variable", "carriage return ends a comment"])
def test_the_endpoint_never_sends_a_service_request(case, server, silent):
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=30)
    query = urlencode({"query": service_queries(silent.url)[case]})
    connection.request("GET", f"/sparql?{query}", headers={"Connection": "close"})
    response = connection.getresponse()
    assert response.status in (400, 403), response.read()
    connection.close()
    count("SERVICE queries to the endpoint")


def test_zz_the_listener_heard_nothing_at_all(listener):
    """Last in the file: not one connection during the whole module (the control test removes
    its own)."""
    assert listener.connections == []
