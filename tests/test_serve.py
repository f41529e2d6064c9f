"""``cislib serve``: the SPARQL 1.1 Protocol endpoint, its answers, and what it refuses.

One store is built from the bundled reports per module, and one server runs over it on a free
loopback port with ``timeout_s=2``. Its workers keep network access (``isolate_network=False``)
so that the loopback listener below shows the guard alone keeps every query inside the store:
a SERVICE or FROM that slipped through would connect to it.
"""

from __future__ import annotations

import csv
import dataclasses
import http.client
import io
import json
import multiprocessing
import shutil
import socket
import subprocess
import sys
import threading
import time
import xml.dom.minidom
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from urllib.parse import quote, urlencode

import pyoxigraph as ox
import pytest
import rdflib
from conftest import ITEM_LISTING, UNORDERED, add_items_one_with_a_row
from listener import Listener
from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from cislib.errors import CislibError, StoreError
from cislib.graph.ingest import build
from cislib.graph.store import GraphStore
from cislib.queries import named_queries
from cislib.queries.formats import run_query, with_page
from cislib.queries.remote import run_remote
from cislib.serve import QueryKind, Refused, check_query, make_server
from cislib.serve.guard import check_parse, prescreen
from cislib.serve.worker import Job, run_job

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

TIMEOUT_S = 2
RSL = "https://w3id.org/cislib/id/library/russian-state-library"
RSL_RU = "Российская государственная библиотека"
COUNTRIES = (
    "PREFIX schema: <https://schema.org/>\n"
    "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a schema:Country }"
)
RSL_LABELS = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    f"SELECT ?label WHERE {{ <{RSL}> skos:prefLabel ?label }} ORDER BY ?label"
)
RSL_GRAPH = (
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    f"CONSTRUCT {{ <{RSL}> skos:prefLabel ?label }} WHERE {{ <{RSL}> skos:prefLabel ?label }}"
)
CHEAP = "ASK { ?s ?p ?o }"
# Counting forces the whole product (7,000 quads cubed); SELECT * alone would stream and stop
# at the row cap.
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
# Catastrophic for a backtracking engine; Oxigraph's regex engine is linear, so what makes this
# slow is applying it to every pair of objects: the time limit must stop it all the same.
REGEX = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f "
    'FILTER(REGEX(CONCAT(STR(?c), STR(?f), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!"), "^(a+)+$")) }'
)


# -- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve") / "store"
    with GraphStore.open(path, write=True) as store:
        assert build(store).ok
    return path


def _start(store_dir, **options):
    server = make_server(store_dir, port=0, timeout_s=TIMEOUT_S, isolate_network=False, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def server(store_dir):
    server = _start(store_dir, workers=2, queue=8)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def listener():
    listener = Listener("/sparql")
    yield listener
    listener.close()


@pytest.fixture
def untouched(listener):
    """Fails the test when anything connected to the listener while it ran."""
    before = len(listener.connections)
    yield listener
    # A query runs to its end before its answer is sent, so any connection it made has been
    # accepted by now (the final check below catches a straggler).
    time.sleep(0.005)
    assert listener.connections[before:] == []


def request(server, method, path, body=None, headers=None, timeout=30):
    """(status, headers, body) of one HTTP exchange."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def get(server, path, **headers):
    return request(server, "GET", path, headers=headers)


def query_url(text, **params):
    return "/sparql?" + urlencode({"query": text, **params})


def send(server, transport, text, extra=None):
    """Send a query the three ways the protocol allows: GET, POST form, POST body."""
    extra = extra or {}
    if transport == "get":
        return request(server, "GET", query_url(text, **extra))
    if transport == "form":
        body = urlencode({"query": text, **extra}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return request(server, "POST", "/sparql", body, headers)
    path = "/sparql" + ("?" + urlencode(extra) if extra else "")
    headers = {"Content-Type": "application/sparql-query"}
    return request(server, "POST", path, text.encode(), headers)


def assert_plain_error(status, headers, body, expected):
    assert status in expected, body
    assert headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert text.strip() and "Traceback" not in text and 'File "' not in text


# -- answers in every format ---------------------------------------------------------------


def wrapper(server, text, fmt):
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(text)
    client.setReturnFormat(fmt)
    client.setMethod("POST")
    return client.queryAndConvert()


def test_sparqlwrapper_json(server):
    data = wrapper(server, COUNTRIES, JSON)
    assert data["results"]["bindings"][0]["n"]["value"] == "20"
    assert data["truncated"] is False


def test_sparqlwrapper_xml(server):
    document = wrapper(server, RSL_LABELS, XML)
    values = [n.firstChild.data for n in document.getElementsByTagName("literal")]
    assert "Russian State Library" in values and RSL_RU in values


@pytest.mark.parametrize("fmt,delimiter", [(CSV, ","), (TSV, "\t")])
def test_sparqlwrapper_csv_tsv(server, fmt, delimiter):
    text = wrapper(server, COUNTRIES, fmt).decode("utf-8")
    assert [line.split(delimiter) for line in text.splitlines()] == [
        ["n" if fmt == CSV else "?n"],
        ["20"],
    ]


def test_sparqlwrapper_ask(server):
    assert wrapper(server, CHEAP, JSON)["boolean"] is True


@pytest.mark.parametrize("fmt", [TURTLE, JSONLD, XML])
def test_sparqlwrapper_construct(server, fmt):
    result = wrapper(server, RSL_GRAPH, fmt)
    graph = (
        result
        if isinstance(result, rdflib.Graph)
        else rdflib.Graph().parse(data=result, format="turtle")
    )
    labels = set(graph.objects(rdflib.URIRef(RSL), rdflib.SKOS.prefLabel))
    assert rdflib.Literal(RSL_RU, lang="ru") in labels and len(labels) == 7


def test_sparqlwrapper_construct_ntriples(server):
    """SPARQLWrapper has no N-Triples format of its own: ask for it by content negotiation."""
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(RSL_GRAPH)
    client.setReturnFormat(N3)
    client.setOnlyConneg(True)
    client.addCustomHttpHeader("Accept", "application/n-triples")
    response = client.query()
    assert response.response.headers["Content-Type"].startswith("application/n-triples")
    graph = rdflib.Graph().parse(data=response.convert().decode("utf-8"), format="nt")
    assert (rdflib.URIRef(RSL), rdflib.SKOS.prefLabel, rdflib.Literal(RSL_RU, lang="ru")) in graph


def _table(media, body):
    """(variables, rows of plain values) from a results document."""
    text = body.decode("utf-8")
    if media == "application/sparql-results+json":
        data = json.loads(text)
        names = data["head"]["vars"]
        return names, [
            [b[n]["value"] for n in names if n in b] for b in data["results"]["bindings"]
        ]
    if media == "application/sparql-results+xml":
        document = xml.dom.minidom.parseString(body)
        names = [v.getAttribute("name") for v in document.getElementsByTagName("variable")]
        rows = [
            [
                b.getElementsByTagName("literal")[0].firstChild.data
                for b in r.getElementsByTagName("binding")
            ]
            for r in document.getElementsByTagName("result")
        ]
        return names, rows
    if media == "text/csv":
        lines = list(csv.reader(io.StringIO(text)))
    else:  # TSV: terms in Turtle syntax, no CSV quoting
        lines = [line.split("\t") for line in text.splitlines()]
    return [n.lstrip("?") for n in lines[0]], lines[1:]


SELECT_MEDIA = [
    ("application/sparql-results+json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]
GRAPH_MEDIA = [
    ("text/turtle", "turtle", "turtle"),
    ("application/n-triples", "nt", "nt"),
    ("application/ld+json", "jsonld", "json-ld"),
]


@pytest.mark.parametrize("media,name", SELECT_MEDIA)
@pytest.mark.parametrize("how", ["accept", "format"])
def test_select_formats(server, media, name, how):
    headers = {"Accept": media} if how == "accept" else {}
    params = {"format": name} if how == "format" else {}
    status, response_headers, body = request(
        server, "GET", query_url(RSL_LABELS, **params), headers=headers
    )
    assert status == 200, body
    assert response_headers["Content-Type"].split(";")[0] == media
    assert response_headers["X-Cislib-Truncated"] == "false"
    names, rows = _table(media, body)
    assert names == ["label"]
    values = {row[0].strip('"').split('"@')[0] for row in rows}
    assert {"Russian State Library", RSL_RU} <= values and len(rows) == 7


@pytest.mark.parametrize("media,name,rdflib_format", GRAPH_MEDIA)
@pytest.mark.parametrize("how", ["accept", "format"])
def test_construct_formats(server, media, name, rdflib_format, how):
    headers = {"Accept": media} if how == "accept" else {}
    params = {"format": name} if how == "format" else {}
    status, response_headers, body = request(
        server, "GET", query_url(RSL_GRAPH, **params), headers=headers
    )
    assert status == 200, body
    assert response_headers["Content-Type"].split(";")[0] == media
    graph = rdflib.Graph().parse(data=body.decode("utf-8"), format=rdflib_format)
    assert (rdflib.URIRef(RSL), rdflib.SKOS.prefLabel, rdflib.Literal(RSL_RU, lang="ru")) in graph
    assert len(graph) == 7


@pytest.mark.parametrize(
    "media,oxigraph_format",
    [
        ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
        ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
        ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
    ],
)
def test_results_read_back_exactly(server, store_dir, media, oxigraph_format):
    """Every term (IRIs, language tags, datatypes, unbound) survives the endpoint's writers."""
    text = (
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT ?node ?label ?lat WHERE { ?node skos:prefLabel ?label "
        "OPTIONAL { ?node schema:latitude ?lat } } ORDER BY ?node ?label LIMIT 400"
    )
    status, _, body = request(server, "GET", query_url(text), headers={"Accept": media})
    assert status == 200
    served = ox.parse_query_results(body, format=oxigraph_format)
    got = [[s[v] for v in ("node", "label", "lat")] for s in served]
    with GraphStore.open(store_dir) as store:
        expected = [[s[v] for v in ("node", "label", "lat")] for s in store.query(text)]
    assert got == expected and any(row[2] is None for row in got)


def test_ask_and_describe(server):
    status, _, body = request(
        server, "GET", query_url(CHEAP), headers={"Accept": "application/sparql-results+json"}
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    status, headers, body = request(server, "GET", query_url(f"DESCRIBE <{RSL}>"))
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert RSL_RU in body.decode()


def test_unavailable_format_is_406(server):
    status, headers, body = request(
        server, "GET", query_url(COUNTRIES), headers={"Accept": "image/png"}
    )
    assert_plain_error(status, headers, body, {406})
    status, headers, body = request(server, "GET", query_url(COUNTRIES, format="turtle"))
    assert_plain_error(status, headers, body, {406})


def test_row_cap_truncates_visibly(store_dir):
    server = _start(store_dir, workers=1, queue=1, row_cap=50)
    try:
        text = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # streams: stops at the cap
        status, headers, body = request(server, "GET", query_url(text))
        assert status == 200 and headers["X-Cislib-Truncated"] == "true"
        data = json.loads(body)
        assert data["truncated"] is True and len(data["results"]["bindings"]) == 50
        status, headers, body = request(
            server, "GET", query_url(text), headers={"Accept": "text/csv"}
        )
        assert headers["X-Cislib-Truncated"] == "true" and len(body.decode().splitlines()) == 51
        status, headers, body = request(server, "GET", query_url(COUNTRIES))
        assert headers["X-Cislib-Truncated"] == "false" and json.loads(body)["truncated"] is False
    finally:
        server.shutdown()
        server.server_close()


def test_a_listing_is_cut_at_the_row_cap_in_its_rows_subquery(store_dir):
    """A listing looks labels up for one row more than the cap: it is still marked as cut, and
    its rows are the first ones of the whole listing."""
    with GraphStore.open(store_dir) as store:
        every = run_query(store, "events").values()
    assert len(every) > 3
    for cap, cut in ((3, "true"), (len(every), "false")):
        server = _start(store_dir, workers=1, queue=1, row_cap=cap)
        try:
            status, headers, body = get(server, "/query/events", Accept="text/csv")
        finally:
            server.shutdown()
            server.server_close()
        assert status == 200 and headers["X-Cislib-Truncated"] == cut
        rows = list(csv.DictReader(io.StringIO(body.decode())))
        assert [row["event"] for row in rows] == [str(r["event"]) for r in every[:cap]]


@pytest.mark.parametrize("name", ["events", "people", "event-involvements", "countries"])
def test_a_named_query_answers_the_page_asked_for(server, store_dir, name):
    """limit and offset give that slice of every row, listing or not, and say whether more
    rows follow."""
    with GraphStore.open(store_dir) as store:
        every = run_query(store, name).values()
    assert len(every) > 3

    def plain(row):
        cells = (row[c] for c in sorted(row) if c not in UNORDERED)
        return tuple("" if cell is None else str(cell) for cell in cells)

    for limit, offset in ((2, 1), (len(every), 0), (5, len(every) - 2)):
        query = urlencode({"limit": limit, "offset": offset})
        status, headers, body = get(server, f"/query/{name}?{query}", Accept="text/csv")
        assert status == 200, body
        rows = [plain(row) for row in csv.DictReader(io.StringIO(body.decode()))]
        assert rows == [plain(row) for row in every[offset : offset + limit]]
        more = "true" if offset + limit < len(every) else "false"
        assert headers["X-Cislib-Truncated"] == more and "X-Cislib-Row-Cap" not in headers


@pytest.mark.parametrize(
    "query", ["limit=0", "limit=-1", "limit=x", "limit=1&limit=2", "offset=1.5", "limit=20000"]
)
def test_a_page_needs_whole_numbers_within_the_row_cap(server, query):
    status, headers, body = get(server, "/query/events?" + query)
    assert_plain_error(status, headers, body, {400})
    assert b"limit" in body or b"offset" in body


def test_a_worker_asks_again_for_a_page_that_came_back_short(tmp_path):
    """A listing's page cut at its items' end, whose first items give no row, is run again
    over every item."""
    with GraphStore.open(tmp_path / "store", write=True) as store:
        add_items_one_with_a_row(store)
        job = Job(with_page(ITEM_LISTING, 2), "text/csv", row_cap=1)
        assert run_job(store, job).body.decode().splitlines() == ["item,value"]
        job = dataclasses.replace(job, whole=with_page(ITEM_LISTING, 2, cut_items=False))
        answer = run_job(store, job)
    assert answer.body.decode().splitlines() == ["item,value", "urn:item:c,c"]
    assert answer.truncated is False


# -- curl ----------------------------------------------------------------------------------

curl = pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")


def run_curl(*args):
    done = subprocess.run(
        ["curl", "-sS", "--max-time", "20", "-w", "\n%{http_code}", *args],
        capture_output=True,
        check=True,
    )
    body, _, code = done.stdout.rpartition(b"\n")
    return int(code), body


@curl
@pytest.mark.parametrize("media,_name", SELECT_MEDIA)
def test_curl_select(server, media, _name):
    code, body = run_curl(
        "-H", f"Accept: {media}", "--data-urlencode", f"query={RSL_LABELS}", server.url + "sparql"
    )
    assert code == 200
    names, rows = _table(media, body)
    assert names == ["label"] and any(RSL_RU in row[0] for row in rows)


@curl
@pytest.mark.parametrize("media,_name,rdflib_format", GRAPH_MEDIA)
def test_curl_construct(server, media, _name, rdflib_format):
    code, body = run_curl(
        "-H",
        f"Accept: {media}",
        "-H",
        "Content-Type: application/sparql-query",
        "--data-binary",
        RSL_GRAPH,
        server.url + "sparql",
    )
    assert code == 200
    graph = rdflib.Graph().parse(data=body.decode("utf-8"), format=rdflib_format)
    assert (rdflib.URIRef(RSL), rdflib.SKOS.prefLabel, rdflib.Literal(RSL_RU, lang="ru")) in graph


@curl
def test_curl_get_and_named_query(server):
    code, body = run_curl(
        "-G",
        "--data-urlencode",
        f"query={COUNTRIES}",
        "-H",
        "Accept: text/csv",
        server.url + "sparql",
    )
    assert code == 200 and body.decode().splitlines() == ["n", "20"]
    code, body = run_curl(
        server.url + "query/find-node?name=" + quote("Российская государственная библиотека")
    )
    assert code == 200
    assert {b["node"]["value"] for b in json.loads(body)["results"]["bindings"]} == {RSL}


@curl
def test_curl_ten_megabyte_body_is_413(server, tmp_path):
    big = tmp_path / "big.rq"
    big.write_bytes(b"#" * 10_000_000)
    started = time.monotonic()
    code, body = run_curl(
        "-H",
        "Content-Type: application/sparql-query",
        "--data-binary",
        f"@{big}",
        server.url + "sparql",
    )
    assert code == 413 and b"1000000" in body
    assert time.monotonic() - started < 5


# -- service description, named queries, the page ------------------------------------------


def test_service_description(server):
    status, headers, body = get(server, "/sparql")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body.decode(), format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = graph.value(predicate=rdflib.RDF.type, object=sd.Service)
    assert service is not None
    assert graph.value(service, sd.endpoint) == rdflib.URIRef(server.url + "sparql")
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (service, sd.feature, sd.UnionDefaultGraph) in graph
    formats = set(graph.objects(service, sd.resultFormat))
    assert rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_JSON") in formats
    assert rdflib.URIRef("http://www.w3.org/ns/formats/Turtle") in formats


def test_named_query_by_label_and_iri(server):
    status, headers, body = get(
        server, "/query/find-node?name=Russian%20State%20Library", Accept="text/csv"
    )
    assert status == 200 and headers["X-Cislib-Truncated"] == "false"
    rows = list(csv.DictReader(io.StringIO(body.decode())))
    assert {row["node"] for row in rows} == {RSL}
    status, _, body = get(server, "/query/node-facts?" + urlencode({"node": RSL}))
    assert status == 200
    facts = json.loads(body)["results"]["bindings"]
    assert any(f["object"]["value"] == RSL_RU for f in facts)
    assert {f["node"]["value"] for f in facts} == {RSL}


def test_named_query_with_lang(server):
    """lang is the language of labels, as in ``cislib query countries --lang ru``."""
    status, _, body = get(server, "/query/countries?lang=ru", Accept="text/csv")
    assert status == 200
    rows = {row["code"]: row for row in csv.DictReader(io.StringIO(body.decode()))}
    assert rows["RU"]["label"] == "Россия" and len(rows) == 20
    assert "lang" not in rows["RU"]  # the parameter's echo is not a column
    status, _, body = get(server, "/query/countries", Accept="text/csv")
    assert {r["code"]: r["label"] for r in csv.DictReader(io.StringIO(body.decode()))}["RU"] == (
        "Russia"
    )
    # A query without labels takes no lang and ignores it, as the command line does.
    status, _, body = get(server, "/query/class-counts?lang=ru", Accept="text/csv")
    assert status == 200


@pytest.mark.parametrize(
    "name,params", [("countries", {"lang": "ru"}), ("provenance", {"node": RSL})]
)
def test_cislib_query_endpoint_gets_the_local_rows(server, store_dir, name, params):
    """``cislib query NAME --endpoint URL`` (a VALUES block, SPARQLWrapper) works against it."""
    lang = params.pop("lang", "en")
    remote = run_remote(server.url + "sparql", name, params, lang=lang)
    with GraphStore.open(store_dir) as store:
        local = run_query(store, name, params, lang=lang)
    assert remote.rows and remote.columns == local.columns
    assert sorted(map(str, remote.values())) == sorted(map(str, local.values()))


@pytest.mark.parametrize("name", ["node-links", "provenance", "mentions"])
def test_named_query_endpoint_gives_the_rows_of_cislib_query(server, store_dir, name):
    """/query/NAME binds parameters as ``cislib query`` does, lateral blocks included."""
    param = "entity" if name == "mentions" else "node"
    status, _, body = get(server, f"/query/{name}?" + urlencode({param: RSL}))
    assert status == 200
    answer = json.loads(body)
    with GraphStore.open(store_dir) as store:
        local = run_query(store, name, {param: RSL})
    rows = [{k: v["value"] for k, v in row.items()} for row in answer["results"]["bindings"]]
    assert local.rows and len(rows) == len(local.rows)
    expected = [{k: v.value for k, v in row.items() if v is not None} for row in local.rows]
    assert sorted(map(sorted, map(dict.items, rows))) == sorted(
        map(sorted, map(dict.items, expected))
    )


def test_named_query_without_parameters_and_listing(server):
    status, _, body = get(server, "/query/class-counts", Accept="text/csv")
    rows = {row["class"]: row["count"] for row in csv.DictReader(io.StringIO(body.decode()))}
    assert status == 200 and rows["https://schema.org/Country"] == "20"
    status, headers, body = get(server, "/query")
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    names = {q["name"] for q in json.loads(body)["queries"]}
    assert set(named_queries()) == names


@pytest.mark.parametrize(
    "path,expected",
    [
        ("/query/no-such-query", 404),
        ("/query/find-node?name=x&colour=red", 400),  # a parameter the query does not take
        ("/query/find-node?name=x&name=y", 400),
        ("/query/node-facts?node=not%20an%20iri", 400),
        ("/query/class-counts?default-graph-uri=file:///etc/passwd", 403),
        ("/nowhere", 404),
    ],
)
def test_named_query_errors(server, path, expected):
    assert_plain_error(*get(server, path), {expected})


def test_page_is_self_contained(server):
    status, headers, body = get(server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    page = body.decode()
    assert 'id="run"' in page and 'fetch("/sparql"' in page
    for attribute in ("src=", 'href="http', "href='http", "@import", "url("):
        assert attribute not in page


# -- the guard, function by function -------------------------------------------------------


# A non-empty left side, so that Oxigraph would really call a SERVICE joined to it.
COUNTRY = "?x a <https://schema.org/Country> ."
SPO = "{ ?s ?p ?o }"


def service_queries(t):
    """SERVICE written every way the brief lists (and a few more), aimed at ``t``."""
    where = "SELECT * WHERE"
    call = f"SERVICE <{t}> {SPO}"
    return {
        "plain": f"{where} {{ {COUNTRY} {call} }}",
        "lower case": f"select * where {{ {COUNTRY} service <{t}> {SPO} }}",
        "mixed case": f"{where} {{ {COUNTRY} SeRvIcE <{t}> {SPO} }}",
        "silent": f"{where} {{ {COUNTRY} SERVICE SILENT <{t}> {SPO} }}",
        "prefixed": f"PREFIX remote: <{t}#>\n{where} {{ {COUNTRY} SERVICE remote:x {SPO} }}",
        "variable": f"{where} {{ VALUES ?endpoint {{ <{t}> }} SERVICE ?endpoint {SPO} }}",
        "bound variable": f"{where} {{ {COUNTRY} BIND(<{t}> AS ?e) SERVICE ?e {SPO} }}",
        "optional": f"{where} {{ {COUNTRY} OPTIONAL {{ {call} }} }}",
        "union": f"{where} {{ {{ {COUNTRY} }} UNION {{ {call} }} }}",
        "filter exists": f"{where} {{ {COUNTRY} FILTER EXISTS {{ {call} }} }}",
        "filter not exists": f"{where} {{ {COUNTRY} FILTER NOT EXISTS {{ {call} }} }}",
        "subquery": f"{where} {{ {COUNTRY} {{ SELECT * WHERE {{ {call} }} }} }}",
        "minus": f"{where} {{ {COUNTRY} MINUS {{ {call} }} }}",
        "graph": f"{where} {{ GRAPH ?g {{ {COUNTRY} {call} }} }}",
        "no spaces": f"SELECT*WHERE{{{COUNTRY}SERVICE<{t}>{{?s ?p ?o}}}}",
        "comment between": f"{where} {{ {COUNTRY} SERVICE # here\n <{t}> {SPO} }}",
        "ask": f"ASK {{ {COUNTRY} {call} }}",
        "construct": f"CONSTRUCT {SPO} WHERE {{ {COUNTRY} {call} }}",
        "describe": f"DESCRIBE ?s WHERE {{ {COUNTRY} {call} }}",
    }


# Texts on which rdflib and Oxigraph disagree: a carriage return ends a comment for Oxigraph
# but not for rdflib; Oxigraph needs no word boundary after a keyword; \u escapes are expanded
# by rdflib alone. A parse-only guard would pass the first two.
def differential_queries(t):
    where = "SELECT * WHERE"
    return {
        "carriage return ends comment": f"{where} {{ {COUNTRY} # x\rSERVICE <{t}> {SPO}\n }}",
        "carriage return then dot": f"{where} {{ {COUNTRY} # x\r.SERVICE <{t}> {SPO}\n }}",
        "glued prefix": f"PREFIX ex: <{t}#>\n{where} {{ {COUNTRY} SERVICEex:x {SPO} }}",
        "glued silent": f"{where} {{ {COUNTRY} SERVICESILENT<{t}> {SPO} }}",
        "glued after boolean": f"{where} {{ ?x ?y trueSERVICE<{t}> {SPO} }}",
        "empty prefix glued": f"PREFIX : <{t}#>\n{where} {{ {COUNTRY} SERVICE:x {SPO} }}",
        "unicode escape": f'{where} {{ FILTER(?x != "\\u0022) }} SERVICE <{t}> {SPO} #") }}',
    }


FROM_QUERIES = {
    "from file": f"SELECT * FROM <file:///etc/passwd> WHERE {SPO}",
    "from named file": f"SELECT * FROM NAMED <file:///etc/passwd> WHERE {{ GRAPH ?g {SPO} }}",
    "from glued": f"SELECT * FROM<file:///etc/passwd> WHERE {SPO}",
    "from lower": f"select * from <file:///etc/passwd> where {SPO}",
    "construct from": f"CONSTRUCT {SPO} FROM <file:///etc/passwd> WHERE {SPO}",
    "ask from named": f"ASK FROM NAMED <file:///etc/passwd> {{ GRAPH ?g {SPO} }}",
}


def from_listener(t):
    return {
        "from listener": f"SELECT * FROM <{t}> WHERE {SPO}",
        "from named listener": f"SELECT * FROM NAMED <{t}> WHERE {{ GRAPH ?g {SPO} }}",
    }


UPDATES = {
    "insert data": "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }",
    "delete data": f"DELETE DATA {{ <{RSL}> a <https://schema.org/Library> }}",
    "delete where": "DELETE WHERE { ?s ?p ?o }",
    "insert where": "INSERT { ?s <urn:x:p> 1 } WHERE { ?s ?p ?o }",
    "delete insert where": "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "with": "WITH <urn:x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "using": "DELETE { ?s ?p ?o } USING <urn:x:g> WHERE { ?s ?p ?o }",
    "load": "LOAD <file:///etc/passwd>",
    "load silent into": "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:x:g>",
    "clear all": "CLEAR ALL",
    "clear graph": f"CLEAR GRAPH <{RSL}>",
    "drop all": "DROP ALL",
    "drop silent graph": "DROP SILENT GRAPH <https://w3id.org/cislib/id/graph/reference>",
    "create": "CREATE GRAPH <urn:x:g>",
    "add": "ADD DEFAULT TO <urn:x:g>",
    "move": "MOVE <https://w3id.org/cislib/id/graph/reference> TO DEFAULT",
    "copy": "COPY DEFAULT TO <urn:x:g>",
    "lower case": "drop all",
    "after a query": "SELECT * WHERE { ?s ?p ?o } ; DROP ALL",
    "prefixed": "PREFIX ex: <urn:x:> INSERT DATA { ex:a ex:b ex:c }",
}

HOSTILE = {
    **{f"service {k}": v for k, v in service_queries("http://127.0.0.1:9/sparql").items()},
    **{f"differential {k}": v for k, v in differential_queries("http://127.0.0.1:9/").items()},
    **FROM_QUERIES,
    **UPDATES,
}

# (None holds the word "service": the guard refuses it anywhere, see test_guard_*_service.)
LEGITIMATE = {
    "words in strings, IRIs, comments, variables and names": (
        "PREFIX ex: <http://example.org/served/from#>\n"
        "SELECT ?from ?served ?add WHERE {\n"
        '  ?from ex:served ?served ; ex:add.copy ?add ; <http://x/DROP> "FROM DROP" .\n'
        "  FILTER(LANG(?served) = 'from') # FROM <y> DROP\n"
        "}"
    ),
    "schema.org terms": (
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT * WHERE { ?s schema:areaServed ?t ; schema:fromLocation ?l ;\n"
        "  schema:additionalType ?a }"
    ),
    "long string": "SELECT * WHERE { ?s ?p '''served\nfrom\rdrop''' }",
    "less-than": "SELECT * WHERE { ?s ?p ?o FILTER(?o<3 && ?o>1) }",
}


def test_guard_refuses_the_word_service_anywhere():
    """Strings, IRIs and comments too: the guard does not guess how Oxigraph reads them."""
    for text in (
        "SELECT * WHERE { ?s ?p 'Library service' }",
        "SELECT * WHERE { ?s <http://x/service> ?o }",
        "SELECT * WHERE { ?s ?p ?o } # SERVICE",
    ):
        with pytest.raises(Refused) as refused:
            check_query(text)
        assert refused.value.status == 403 and "anywhere" in refused.value.message


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_check_query_refuses(name):
    with pytest.raises(Refused) as refused:
        check_query(HOSTILE[name])
    expected = {400, 403} if name.startswith("differential") else {403}
    assert refused.value.status in expected, refused.value.message


@pytest.mark.parametrize("name", sorted(k for k in HOSTILE if not k.startswith("differential")))
def test_each_layer_refuses_alone(name):
    """The parse and the lexical belt each refuse every ordinary hostile form by themselves."""
    with pytest.raises(Refused):
        check_parse(HOSTILE[name])
    with pytest.raises(Refused):
        prescreen(HOSTILE[name])


GLUED_TO_NAMES = ("differential glued prefix", "differential empty prefix glued")


@pytest.mark.parametrize(
    "name",
    sorted(k for k in HOSTILE if k.startswith("differential") and k not in GLUED_TO_NAMES),
)
def test_belt_catches_what_rdflib_misreads(name):
    with pytest.raises(Refused):
        prescreen(HOSTILE[name])


@pytest.mark.parametrize("name", GLUED_TO_NAMES)
def test_parse_refuses_keywords_glued_to_prefixed_names(name):
    """The belt drops prefixed names whole; rdflib wants a word boundary after SERVICE, so it
    either reads SERVICE (403) or cannot parse the text (400)."""
    with pytest.raises(Refused) as refused:
        check_parse(HOSTILE[name])
    assert refused.value.status in (400, 403)


def test_rdflib_alone_misses_the_carriage_return():
    """Why the belt exists: rdflib parses this as a query with no SERVICE in it."""
    text = HOSTILE["differential carriage return ends comment"]
    assert "ServiceGraphPattern" not in repr(parseQuery(text))
    with pytest.raises(Refused):
        check_query(text)


@pytest.mark.parametrize("name", sorted(LEGITIMATE))
def test_check_query_accepts(name):
    assert check_query(LEGITIMATE[name]) in set(QueryKind)


def test_every_named_query_passes_the_guard():
    """The endpoint spares named queries the rdflib parse (a second each) because of this."""
    texts = {name: query.text for name, query in named_queries().items()}
    # Two processes from the forkserver the servers use (the grammar is warm there).
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        kinds = dict(zip(texts, pool.map(check_query, texts.values()), strict=True))
    assert set(kinds.values()) <= set(QueryKind)
    assert kinds["countries"] is QueryKind.SELECT


@pytest.mark.parametrize(
    "text,kind",
    [
        ("SELECT * WHERE { ?s ?p ?o }", QueryKind.SELECT),
        ("ASK { ?s ?p ?o }", QueryKind.ASK),
        ("CONSTRUCT WHERE { ?s ?p ?o }", QueryKind.CONSTRUCT),
        ("DESCRIBE <urn:x:a>", QueryKind.DESCRIBE),
    ],
)
def test_query_kinds(text, kind):
    assert check_query(text) is kind


@pytest.mark.parametrize("text", ["", "  \n", "SELECT * WHERE {", "garbage", "PREFIX ex: <urn:x:>"])
def test_unparseable_is_400(text):
    with pytest.raises(Refused) as refused:
        check_query(text)
    assert refused.value.status == 400


def test_guard_is_fast_on_megabyte_inputs():
    """The lexical belt is linear: a 1 MB hostile text is refused well within a second."""
    size = 1_000_000
    texts = [
        "SELECT * WHERE { " + "?s ?p ?o . " * (size // 11) + "SERVICE <http://x/> { } }",
        '"a" ' * (size // 4) + " SERVICE",
        "'''" + "''x" * (size // 3) + "''' FROM <x>",
        "#\n" * (size // 2) + "DROP ALL",
        "<a" * (size // 2) + " FROM <x>",
        "a-" * (size // 2) + " SERVICE <x> {}",
        "SERVICE" * (size // 7),
        "ex:a." * (size // 5) + " DROP ALL",
    ]
    for text in texts:
        started = time.perf_counter()
        with pytest.raises(Refused):
            prescreen(text)
        assert time.perf_counter() - started < 1.0


def test_worker_network_isolation(listener):
    """The second wall: a process in its own network namespace cannot reach loopback."""
    port = listener.socket.getsockname()[1]
    code = (
        "import socket, sys\n"
        "from cislib.serve.worker import isolate_network\n"
        "if not isolate_network(): sys.exit(3)\n"
        f"try: socket.create_connection(('127.0.0.1', {port}), 1)\n"
        "except OSError: sys.exit(0)\n"
        "sys.exit(1)\n"
    )
    before = len(listener.connections)
    done = subprocess.run([sys.executable, "-c", code], timeout=60)
    if done.returncode == 3:
        pytest.skip("this system does not allow a private network namespace")
    assert done.returncode == 0 and listener.connections[before:] == []


# -- hostile requests over HTTP ------------------------------------------------------------


def test_listener_would_hear_an_unguarded_service_call(store_dir, listener):
    """The control: without the guard, Oxigraph does call the listener, so silence means
    something in the tests below."""
    before = len(listener.connections)
    with GraphStore.open(store_dir) as store:
        with pytest.raises(OSError):  # the listener hangs up without answering
            list(store.query(service_queries(listener.url)["plain"]))
    deadline = time.monotonic() + 5
    while len(listener.connections) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert b"POST /sparql" in listener.connections[before]
    del listener.connections[before:]  # later tests expect a silent listener


@pytest.mark.parametrize("transport", ["get", "form", "body"])
@pytest.mark.parametrize("name", sorted(service_queries("X")))
def test_service_refused(server, untouched, transport, name):
    text = service_queries(untouched.url)[name]
    started = time.monotonic()
    status, headers, body = send(server, transport, text)
    assert_plain_error(status, headers, body, {403})
    assert b"SERVICE" in body
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("transport", ["get", "form", "body"])
@pytest.mark.parametrize("name", sorted(differential_queries("X")))
def test_differential_refused(server, untouched, transport, name):
    status, headers, body = send(server, transport, differential_queries(untouched.url)[name])
    assert_plain_error(status, headers, body, {400, 403})


@pytest.mark.parametrize("transport", ["get", "form", "body"])
@pytest.mark.parametrize("name", sorted(FROM_QUERIES) + sorted(from_listener("X")))
def test_from_refused(server, untouched, transport, name):
    text = {**FROM_QUERIES, **from_listener(untouched.url)}[name]
    status, headers, body = send(server, transport, text)
    assert_plain_error(status, headers, body, {403})
    assert b"FROM" in body


@pytest.mark.parametrize("transport", ["get", "form", "body"])
@pytest.mark.parametrize("parameter", ["default-graph-uri", "named-graph-uri", "using-graph-uri"])
def test_dataset_parameters_refused(server, untouched, transport, parameter):
    for target in ("file:///etc/passwd", untouched.url):
        status, headers, body = send(server, transport, CHEAP, {parameter: target})
        assert_plain_error(status, headers, body, {403})
        assert parameter.encode() in body


@pytest.mark.parametrize(
    "transport", ["get query", "get update", "form query", "form update", "update body"]
)
@pytest.mark.parametrize("name", sorted(UPDATES))
def test_updates_refused(server, untouched, transport, name):
    text = UPDATES[name].replace("file:///etc/passwd", untouched.url)
    if transport == "get query":
        response = get(server, query_url(text))
    elif transport == "get update":
        response = get(server, "/sparql?" + urlencode({"update": text}))
    elif transport.startswith("form"):
        body = urlencode({transport.split()[1]: text}).encode()
        response = request(
            server, "POST", "/sparql", body, {"Content-Type": "application/x-www-form-urlencoded"}
        )
    else:
        response = request(
            server, "POST", "/sparql", text.encode(), {"Content-Type": "application/sparql-update"}
        )
    assert_plain_error(*response, {403})


def test_store_unchanged_after_hostile_requests(server, store_dir, listener):
    """Run last among the hostile tests (file order): the store still has every quad, and
    the listener never heard from anyone."""
    assert listener.connections == []
    status, _, body = get(server, "/query/class-counts", Accept="text/csv")
    rows = {row["class"]: row["count"] for row in csv.DictReader(io.StringIO(body.decode()))}
    assert rows["https://schema.org/Country"] == "20" and rows["https://schema.org/Library"] == "23"
    status, _, body = request(
        server,
        "GET",
        query_url("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        headers={"Accept": "text/csv"},
    )
    with GraphStore.open(store_dir) as store:
        assert int(body.decode().splitlines()[1]) == store.count() > 7000


@pytest.mark.parametrize(
    "method,path,body,headers,expected",
    [
        ("PUT", "/sparql", b"x", {"Content-Type": "text/turtle"}, 405),
        ("DELETE", "/sparql", None, {}, 405),
        ("PATCH", "/sparql", b"x", {}, 405),
        ("POST", "/", b"x", {"Content-Type": "application/sparql-query"}, 405),
        ("POST", "/query/class-counts", b"", {"Content-Type": "application/sparql-query"}, 405),
        ("POST", "/sparql", b"x", {"Content-Type": "text/plain"}, 415),
        (
            "POST",
            "/sparql",
            b"query=ASK%7B%7D",
            {"Content-Type": "application/x-www-form-urlencoded; charset=latin-1"},
            415,
        ),
        ("POST", "/sparql", b"", {"Content-Type": "application/x-www-form-urlencoded"}, 400),
        ("POST", "/sparql", b"\xff\xfe", {"Content-Type": "application/sparql-query"}, 400),
        ("GET", "/sparql?query=SELECT", None, {}, 400),
        ("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", None, {}, 400),
        ("GET", "/sparql?query=" + quote('SELECT * WHERE { ?s ?p "\\u0041" }'), None, {}, 400),
    ],
)
def test_protocol_errors(server, method, path, body, headers, expected):
    assert_plain_error(*request(server, method, path, body, headers), {expected})


def test_ten_megabyte_body_is_413(server):
    """Without Expect: 100-continue the body arrives anyway; the client still reads the 413."""
    started = time.monotonic()
    status, headers, body = request(
        server, "POST", "/sparql", b"a" * 10_000_000, {"Content-Type": "application/sparql-query"}
    )
    assert_plain_error(status, headers, body, {413})
    assert time.monotonic() - started < 5
    assert request(server, "GET", query_url(CHEAP))[0] == 200


# -- time limit, queue, memory -------------------------------------------------------------


def _timed(server, text):
    started = time.monotonic()
    status, headers, body = request(server, "GET", query_url(text))
    return status, body, time.monotonic() - started


@pytest.mark.parametrize("heavy", [CARTESIAN, REGEX], ids=["cartesian", "regex"])
def test_heavy_query_is_stopped_while_cheap_ones_answer(server, heavy):
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.update(heavy=_timed(server, heavy)))
    thread.start()
    time.sleep(0.3)
    status, body, elapsed = _timed(server, CHEAP)
    assert status == 200 and json.loads(body)["boolean"] is True and elapsed < 1
    thread.join(10)
    status, body, elapsed = outcome["heavy"]
    assert status == 503 and b"2 s limit" in body
    assert TIMEOUT_S - 0.1 < elapsed < TIMEOUT_S + 1.5
    # Both workers serve again (the stopped one was replaced).
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda _: _timed(server, CHEAP), range(2)))
    assert all(status == 200 and elapsed < 1 for status, _, elapsed in results)


def test_fifty_heavy_queries_get_503_and_the_server_recovers(server):
    started = time.monotonic()
    with ThreadPoolExecutor(50) as pool:
        results = list(pool.map(lambda _: _timed(server, CARTESIAN), range(50)))
    burst = time.monotonic() - started
    statuses = [status for status, _, _ in results]
    busy = [r for r in results if b"queue is full" in r[1]]
    assert statuses == [503] * 50
    # workers (2) + queue (8) admitted; the other 40 were turned away at once.
    assert len(busy) >= 40 and all(elapsed < 1 for _, _, elapsed in busy)
    assert burst < 2 * TIMEOUT_S + 3
    status, _, elapsed = _timed(server, CHEAP)
    assert status == 200 and elapsed < 1


def test_memory_hungry_query_is_stopped(store_dir):
    """A chain of BINDs doubling a string reaches gigabytes within the time limit."""
    server = make_server(store_dir, port=0, timeout_s=10, workers=1, queue=0, memory_mb=768)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        binds = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(34))
        text = f'SELECT (STRLEN(?x34) AS ?n) WHERE {{ BIND("ab" AS ?x0) {binds} }}'
        status, body, elapsed = _timed(server, text)
        assert status == 503 and b"memory allowance of 768 MB" in body and elapsed < 10
        time.sleep(0.2)
        status, _, elapsed = _timed(server, CHEAP)
        assert status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_missing_store_or_busy_port_fails_at_start(tmp_path, store_dir):
    with pytest.raises(StoreError):
        make_server(tmp_path / "nothing", port=0)
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    with pytest.raises(CislibError, match="cannot listen"):
        make_server(store_dir, port=taken.getsockname()[1])
    taken.close()


def test_keep_alive_survives_refusals(server):
    """A refused request leaves the connection usable (or closes it), never out of step."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        for path in (query_url("DROP ALL"), "/nowhere", query_url(CHEAP)):
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
        assert response.status == 200
        connection.request(
            "POST", "/nowhere", b"query=ASK%7B%7D", {"Content-Type": "application/sparql-query"}
        )
        response = connection.getresponse()
        assert response.status == 404 and response.getheader("Connection") == "close"
    finally:
        connection.close()


def test_unparsed_rdflib_errors_are_parse_exceptions():
    """check_query turns rdflib's exceptions into 400s; this is the type it catches."""
    with pytest.raises(ParseBaseException):
        parseQuery("SELECT")
