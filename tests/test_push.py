"""``cislib push``: the store copied to a real Oxigraph server, and every way a push can fail.

The happy path runs against ``oxigraph serve`` (skipped when the program is not installed);
the faults run against small HTTP servers written here, each doing one wrong thing.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import socket
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pyoxigraph as ox
import pytest
import rdflib
from oxigraph_server import free_port, oxigraph_server
from rdflib.compare import isomorphic

from cislib.graph.export import to_ntriples
from cislib.graph.ingest import build
from cislib.graph.push import (
    ENV_PASSWORD,
    ENV_TOKEN,
    ENV_USER,
    GraphState,
    PushError,
    graph_store_url,
    push,
    push_order,
    scrub_url,
)
from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib
from cislib.identifiers import mint

#: Distinctive enough that finding it anywhere can only mean a leak.
SECRET = "Zq7-s3cr3t-ПАРОЛЬ-x9"
TOKEN = "tok-Zq7-bearer-4f1e"
RSL = mint("library", "russian-state-library")
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Tests talk to servers here directly, never through a proxy from the environment.
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


@pytest.fixture(scope="module", autouse=True)
def no_proxy():
    """Keep loopback requests off any proxy the environment names, and clear push credentials."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("no_proxy", "127.0.0.1,127.0.0.2,localhost")
        patch.setenv("NO_PROXY", "127.0.0.1,127.0.0.2,localhost")
        for name in (ENV_USER, ENV_PASSWORD, ENV_TOKEN):
            patch.delenv(name, raising=False)
        yield


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Iterator[GraphStore]:
    """The graph of the bundled reports, built once for the module."""
    with GraphStore.open(tmp_path_factory.mktemp("push") / "store", write=True) as store:
        summary = build(store)
        assert summary.ok, summary.failed
        yield store


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """A real Oxigraph server for the module."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(scope="module")
def pushed(built, oxigraph):
    """The first push of the built store to the Oxigraph server."""
    return push(built, oxigraph.query_url)


# -- talking to the server directly -----------------------------------------------------------


def remote_select(endpoint: str, query: str) -> list[tuple]:
    """Rows of a SELECT on a remote endpoint, each value as a comparable tuple."""
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        endpoint, data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with DIRECT.open(request, timeout=10) as response:
        answer = json.load(response)
    columns = answer["head"]["vars"]
    rows = []
    for binding in answer["results"]["bindings"]:
        row = []
        for column in columns:
            term = binding.get(column)
            if term is None:
                row.append(None)
            elif term["type"] == "uri":
                row.append(("uri", term["value"]))
            else:
                tag = term.get("xml:lang") or term.get("datatype") or XSD_STRING
                row.append(("literal", term["value"], tag))
        rows.append(tuple(row))
    return rows


def local_select(store: GraphStore, query: str) -> list[tuple]:
    """The same rows from the embedded store."""
    solutions = store.query(query)
    columns = [v.value for v in solutions.variables]
    rows = []
    for solution in solutions:
        row = []
        for column in columns:
            term = solution[column]
            if term is None:
                row.append(None)
            elif isinstance(term, ox.NamedNode):
                row.append(("uri", term.value))
            else:
                row.append(("literal", term.value, term.language or term.datatype.value))
        rows.append(tuple(row))
    return rows


def remote_count(endpoint: str, graph: ox.NamedNode) -> int:
    rows = remote_select(
        endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    )
    return int(rows[0][0][1])


def remote_graph(store_url: str, graph: ox.NamedNode) -> rdflib.Graph:
    """A graph fetched with a Graph Store Protocol GET."""
    url = f"{store_url}?{urllib.parse.urlencode({'graph': graph.value})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with DIRECT.open(request, timeout=10) as response:
        return rdflib.Graph().parse(data=response.read().decode("utf-8"), format="nt")


def local_graph(store: GraphStore, graph: ox.NamedNode) -> rdflib.Graph:
    result = rdflib.Graph()
    for q in store.quads(graph):
        result.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return result


# -- the real server ----------------------------------------------------------------------------


def test_every_graph_arrives_with_the_same_count(built, oxigraph, pushed):
    order = push_order(built)
    assert len(order) >= 4  # ontology, reference, reports, derived
    assert pushed.ok and pushed.error is None
    assert pushed.verified == [g.value for g in order]
    assert pushed.not_copied == [] and pushed.unverified == []
    assert pushed.endpoint == oxigraph.query_url and pushed.graph_store == oxigraph.store_url
    for graph in order:
        assert remote_count(oxigraph.query_url, graph) == built.count(graph), graph
    remote_graphs = remote_select(
        oxigraph.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    assert sorted(g[0][1] for g in remote_graphs) == sorted(g.value for g in order)
    assert pushed.triples == built.count()


def test_the_data_is_isomorphic_graph_by_graph(built, oxigraph, pushed):
    for graph in push_order(built):
        assert isomorphic(remote_graph(oxigraph.store_url, graph), local_graph(built, graph)), graph


@pytest.mark.parametrize("body_format", ["nt", "turtle"])
def test_pushing_again_converges(built, oxigraph, pushed, body_format):
    again = push(built, oxigraph.query_url, oxigraph.store_url, body_format=body_format)
    assert again.ok
    assert [(g.graph, g.remote_triples) for g in again.graphs] == [
        (g.graph, g.remote_triples) for g in pushed.graphs
    ]
    total = remote_select(
        oxigraph.query_url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    assert int(total[0][0][1]) == built.count()


@pytest.mark.parametrize(
    "query",
    [
        "PREFIX schema: <https://schema.org/>\n"
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a schema:Event } }",
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        f"SELECT ?label WHERE {{ GRAPH ?g {{ <{RSL}> skos:prefLabel ?label }} }} ORDER BY ?label",
    ],
    ids=["events", "rsl-labels"],
)
def test_queries_give_the_same_rows_on_the_server(built, oxigraph, pushed, query):
    local = local_select(built, query)
    assert local and local != [(("literal", "0", "http://www.w3.org/2001/XMLSchema#integer"),)]
    assert remote_select(oxigraph.query_url, query) == local


def test_progress_is_called_once_per_graph(built, oxigraph, pushed):
    calls = []
    push(built, oxigraph.query_url, progress=lambda *args: calls.append(args))
    order = [g.value for g in push_order(built)]
    assert calls == [(n, len(order), g) for n, g in enumerate(order, 1)]


# -- URLs ---------------------------------------------------------------------------------------


def test_the_graph_store_url_is_derived_from_an_oxigraph_endpoint():
    assert graph_store_url("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/store"
    assert graph_store_url("https://kg.example.org/sparql/query/") == (
        "https://kg.example.org/sparql/store"
    )
    with pytest.raises(PushError, match="give the graph store URL"):
        graph_store_url("http://example.org/ds/sparql")


def test_urls_lose_their_user_information_and_must_be_http(built):
    assert scrub_url(f"http://ann:{SECRET}@h:1/query") == "http://h:1/query"
    with pytest.raises(PushError, match="not an http") as caught:
        push(built, "file:///etc/passwd")
    assert caught.value.report is None
    with pytest.raises(PushError) as caught:
        push(built, f"http://ann:{SECRET}@127.0.0.1:notaport/query")
    assert SECRET not in str(caught.value)


# -- small servers that misbehave ---------------------------------------------------------------


def _decoded(auth: str | None) -> str:
    """What a Basic Authorization header says in clear ("user:password")."""
    if not auth or not auth.startswith("Basic "):
        return ""
    return base64.b64decode(auth.removeprefix("Basic ")).decode()


class FakeStore:
    """A Graph Store and count endpoint in a thread, with one fault switched on at a time."""

    def __init__(self, host: str = "127.0.0.1"):
        self.graphs: dict[str, set[str]] = {}
        self.requests: list[tuple[str, str, str | None]] = []
        self.fail_after: int | None = None  # answer PUT with 500 after this many good PUTs
        self.put_status: int | None = None  # answer every PUT with this status
        self.count_status = 200
        self.count_offset = 0
        self.redirect_to: str | None = None  # 307 every PUT to this base URL
        self.echo = False  # put the Authorization header into error bodies, as a bad server might
        self.server = ThreadingHTTPServer((host, 0), self._handler())
        self.server.daemon_threads = True
        self.base_url = f"http://{host}:{self.server.server_address[1]}"
        # A short poll interval: shutdown() waits for one, and the module has many servers.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def query_url(self) -> str:
        return f"{self.base_url}/query"

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep the test output quiet
                pass

            def _reply(self, status: int, body: bytes = b"", **headers: str) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name.replace("_", "-"), value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _body(self) -> bytes:
                return self.rfile.read(int(self.headers.get("Content-Length") or 0))

            def do_PUT(self):
                body = self._body()
                auth = self.headers.get("Authorization")
                fake.requests.append(("PUT", self.path, auth))
                error = (
                    f"refused; you sent {auth} ({_decoded(auth)})".encode() if fake.echo else b"no"
                )
                url = urllib.parse.urlsplit(self.path)
                if fake.redirect_to:
                    return self._reply(307, Location=f"{fake.redirect_to}{self.path}")
                if url.path == "/store" and fake.put_status == 307:
                    return self._reply(307, Location=f"/moved?{url.query}")
                if fake.put_status and url.path != "/moved":
                    return self._reply(fake.put_status, error, WWW_Authenticate="Basic")
                if fake.fail_after is not None and len(fake.graphs) >= fake.fail_after:
                    return self._reply(500, error if fake.echo else b"disk full")
                graph = urllib.parse.parse_qs(url.query)["graph"][0]
                existed = graph in fake.graphs
                fake.graphs[graph] = {line for line in body.decode().splitlines() if line}
                return self._reply(204 if existed else 201)

            def do_POST(self):
                form = urllib.parse.parse_qs(self._body().decode())
                fake.requests.append(("POST", self.path, self.headers.get("Authorization")))
                graph = re.search(r"GRAPH <([^>]*)>", form["query"][0]).group(1)
                n = len(fake.graphs.get(graph, ())) + fake.count_offset
                answer = {
                    "head": {"vars": ["n"]},
                    "results": {
                        "bindings": [
                            {
                                "n": {
                                    "type": "literal",
                                    "value": str(n),
                                    "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                                }
                            }
                        ]
                    },
                }
                body = json.dumps(answer).encode()
                self._reply(fake.count_status, body, Content_Type="application/sparql-results+json")

        return Handler

    def __enter__(self) -> FakeStore:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake():
    with FakeStore() as server:
        yield server


def closed_port() -> int:
    """A loopback port nobody listens on."""
    return free_port()


def test_connection_refused_names_the_endpoint(built):
    endpoint = f"http://127.0.0.1:{closed_port()}/query"
    with pytest.raises(PushError) as caught:
        push(built, endpoint, timeout_s=2)
    message, report = str(caught.value), caught.value.report
    assert endpoint in message and "connection refused" in message and "no HTTP status" in message
    assert report.verified == [] and report.http_status is None
    assert report.not_copied == [g.value for g in push_order(built)]
    assert report.graphs[0].state is GraphState.FAILED


def test_a_server_that_never_answers_times_out(built):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # accepted by the kernel, never answered by anyone
        endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}/query"
        started = time.monotonic()
        with pytest.raises(PushError, match="timed out") as caught:
            push(built, endpoint, timeout_s=1)
    assert time.monotonic() - started < 5
    assert caught.value.report.copied == []


def test_a_partial_count_is_refused(built, fake):
    fake.count_status = 206
    with pytest.raises(PushError, match="HTTP 206") as caught:
        push(built, fake.query_url)
    report, order = caught.value.report, [g.value for g in push_order(built)]
    assert fake.query_url in str(caught.value)
    assert report.http_status == 206
    assert report.verified == [] and report.unverified == order[:1]
    assert report.copied == order[:1] and report.not_copied == order[1:]


def test_a_count_mismatch_stops_the_push(built, fake):
    fake.count_offset = 1
    with pytest.raises(PushError, match="counts") as caught:
        push(built, fake.query_url)
    first = caught.value.report.graphs[0]
    assert first.state is GraphState.UNVERIFIED and first.remote_triples == first.triples + 1


def test_unauthorised(built, fake):
    fake.put_status = 401
    with pytest.raises(PushError, match="HTTP 401") as caught:
        push(built, fake.query_url)
    report = caught.value.report
    assert fake.query_url in str(caught.value)
    assert report.http_status == 401 and report.copied == []
    assert report.not_copied == [g.value for g in push_order(built)]


def test_a_server_error_midway_then_a_rerun_converges(built, fake):
    order = [g.value for g in push_order(built)]
    k = 2
    fake.fail_after = k
    with pytest.raises(PushError, match="HTTP 500") as caught:
        push(built, fake.query_url)
    report = caught.value.report
    assert report.verified == order[:k] and report.copied == order[:k]
    assert report.not_copied == order[k:]
    assert [g.state for g in report.graphs] == (
        [GraphState.VERIFIED] * k
        + [GraphState.FAILED]
        + [GraphState.PENDING] * (len(order) - k - 1)
    )
    assert f"stopped at graph {k + 1} of {len(order)}" in str(caught.value)
    assert "not copied" in report.to_text()

    fake.fail_after = None
    again = push(built, fake.query_url)
    assert again.ok and again.verified == order
    for graph in push_order(built):
        assert fake.graphs[graph.value] == set(to_ntriples(built.quads(graph)).splitlines())


def test_a_redirect_on_the_same_host_is_followed(built, fake):
    fake.put_status = 307  # /store answers 307 to /moved on the same host and port
    report = push(built, fake.query_url, user="ann", password=SECRET)
    assert report.ok
    moved = [r for r in fake.requests if r[0] == "PUT" and r[1].startswith("/moved")]
    assert len(moved) == len(report.graphs)
    assert all(auth and auth.startswith("Basic ") for _, _, auth in moved)


def _other_host_listener(host: str) -> FakeStore:
    try:
        return FakeStore(host)
    except OSError:
        pytest.skip(f"cannot listen on {host}")


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2"], ids=["other-port", "other-host"])
def test_a_redirect_to_another_host_is_not_followed(built, fake, host):
    with _other_host_listener(host) as other:
        fake.redirect_to = other.base_url
        with pytest.raises(PushError, match="another host") as caught:
            push(built, fake.query_url, user="ann", password=SECRET, timeout_s=2)
        time.sleep(0.05)  # a request that was sent would have arrived by now
        assert other.requests == []
    assert caught.value.report.http_status == 307 and caught.value.report.copied == []


# -- credentials ------------------------------------------------------------------------------


def _assert_hidden(texts: list[str]) -> None:
    basic = base64.b64encode(f"ann:{SECRET}".encode()).decode()
    for text in texts:
        for secret in (SECRET, urllib.parse.quote(SECRET), basic, TOKEN):
            assert secret not in text


@pytest.mark.parametrize("fault", ["401", "500", "refused", "redirect", "mismatch"])
@pytest.mark.parametrize("source", ["arguments", "url", "environment"])
def test_credentials_never_show(built, fake, caplog, capsys, monkeypatch, fault, source):
    caplog.set_level(logging.DEBUG, logger="cislib")
    fake.echo = True
    endpoint = fake.query_url
    if fault == "401":
        fake.put_status = 401
    elif fault == "500":
        fake.fail_after = 1
    elif fault == "refused":
        endpoint = f"http://127.0.0.1:{closed_port()}/query"
    elif fault == "redirect":
        fake.redirect_to = f"http://ann:{urllib.parse.quote(SECRET)}@127.0.0.2:9"
    else:
        fake.count_offset = 1
    kwargs = {}
    if source == "arguments":
        kwargs = {"user": "ann", "password": SECRET}
    elif source == "url":
        endpoint = endpoint.replace("http://", f"http://ann:{urllib.parse.quote(SECRET)}@")
    else:
        monkeypatch.setenv(ENV_USER, "ann")
        monkeypatch.setenv(ENV_PASSWORD, SECRET)
    with pytest.raises(PushError) as caught:
        push(built, endpoint, timeout_s=2, **kwargs)
    error = caught.value
    out, err = capsys.readouterr()
    _assert_hidden(
        [
            str(error),
            repr(error),
            repr(error.report),
            error.report.to_text(),
            str(error.report.error),
            caplog.text,
            out,
            err,
        ]
    )
    if fault != "refused":  # the credentials were really sent
        expected = "Basic " + base64.b64encode(f"ann:{SECRET}".encode()).decode()
        assert fake.requests and fake.requests[0][2] == expected


def test_a_token_is_sent_as_bearer_and_never_shows(built, fake, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG, logger="cislib")
    monkeypatch.setenv(ENV_TOKEN, TOKEN)
    fake.echo = True
    fake.fail_after = 1
    with pytest.raises(PushError) as caught:
        push(built, fake.query_url)
    assert {auth for _, _, auth in fake.requests} == {f"Bearer {TOKEN}"}
    _assert_hidden([str(caught.value), repr(caught.value.report), caplog.text])


def test_ambiguous_credentials_are_refused(built):
    with pytest.raises(PushError, match="not both"):
        push(built, "http://127.0.0.1:9/query", user="ann", password=SECRET, token=TOKEN)
    with pytest.raises(PushError, match="without a user"):
        push(built, "http://127.0.0.1:9/query", password=SECRET)
