"""A partner loads the TriG export into their own Oxigraph and gets the answers cislib gives.

The bundled reports are built into the embedded store and exported as TriG, as a partner would
download it. The file then goes into the real Oxigraph server (the ``oxigraph`` program of the
PyPI package) two ways: over HTTP (``POST /store`` with ``Content-Type: application/trig``)
and with ``oxigraph load``. The cooperation queries run remotely (``run_remote``, as
``cislib query --endpoint``) and must return the rows the embedded store returns.

Every quad of the export is in a named graph (one per report, plus the ontology, reference and
derived graphs), and the named queries read the default graph: a store must present the union
of its graphs as the default graph. ``tests/oxigraph_server.py`` starts the server with
``--union-default-graph``; the last tests start one without it, as a partner's plain server
runs, and show what is then needed (the ``union-default-graph`` URL parameter).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from conftest import comparable
from oxigraph_server import find_oxigraph, free_port, oxigraph_server

from cislib.graph.export import export, write_atomically
from cislib.graph.ingest import build
from cislib.graph.store import GraphStore
from cislib.queries import load_query
from cislib.queries.formats import run_query
from cislib.queries.remote import run_remote

#: The questions partners ask first: who cooperates with whom, and the countries and events.
QUERIES = [
    ("country-cooperation", "en"),
    ("country-cooperation", "ru"),
    ("library-cooperation", "en"),
    ("countries", "en"),
    ("countries", "uz-Cyrl"),
    ("events", "en"),
]
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _program() -> str:
    """The oxigraph program, or a skip (a failure under CISLIB_REQUIRE_OXIGRAPH)."""
    program = find_oxigraph()
    if program is None:
        reason = "the Oxigraph server is not installed (pip install oxigraph)"
        if os.environ.get("CISLIB_REQUIRE_OXIGRAPH"):
            pytest.fail(reason)
        pytest.skip(reason)
    return program


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """The embedded store with the bundled reports, and its TriG export on disk."""
    folder = tmp_path_factory.mktemp("partner")
    with GraphStore.open(folder / "store", write=True) as store:
        assert build(store).ok
        trig = folder / "cislib.trig"
        write_atomically(trig, export(store, "trig"))
        yield store, trig


@pytest.fixture(scope="module")
def loaded_server(local, tmp_path_factory):
    """An Oxigraph server (union default graph on) into which the TriG was POSTed."""
    _, trig = local
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as server:
        request = urllib.request.Request(
            server.store_url,
            data=trig.read_bytes(),
            method="POST",
            headers={"Content-Type": "application/trig"},
        )
        with DIRECT.open(request, timeout=60) as response:
            assert response.status in (200, 201, 204)
        yield server


@pytest.fixture(scope="module")
def loaded_folder(local, tmp_path_factory):
    """An Oxigraph database folder filled by ``oxigraph load --file cislib.trig``."""
    _, trig = local
    location = tmp_path_factory.mktemp("oxigraph-load") / "data"
    done = subprocess.run(
        [_program(), "load", "--location", str(location), "--file", str(trig)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return location


def _rows(result) -> tuple[tuple, list[tuple]]:
    """Columns and rows, each term in N-Triples form (language tags and datatypes count)."""
    rows = sorted(tuple(comparable(c, row.get(c)) for c in result.columns) for row in result.rows)
    return result.columns, rows


def _count(endpoint: str, query: str) -> int:
    return run_remote(endpoint, query).values()[0]["n"]


def test_every_quad_arrives_in_its_graph(local, loaded_server):
    store, _ = local
    assert _count(loaded_server.query_url, COUNT_QUADS) == store.count()
    graphs = run_remote(loaded_server.query_url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
    assert {row["g"] for row in graphs.values()} == {q.graph_name.value for q in store.quads()}


@pytest.mark.parametrize("name,lang", QUERIES)
def test_cooperation_queries_give_the_same_rows(local, loaded_server, name, lang):
    store, _ = local
    embedded = run_query(store, name, {}, lang=lang)
    remote = run_remote(loaded_server.query_url, name, {}, lang=lang)
    assert embedded.rows, f"{name} returned nothing on the bundled graph"
    assert _rows(remote) == _rows(embedded)


def test_oxigraph_load_needs_the_union_default_graph(local, loaded_folder):
    """The same file loaded with the command line: the query finds nothing until the default
    graph is the union of the named graphs."""
    store, _ = local
    text = load_query("country-cooperation").text
    expected = len(run_query(store, "country-cooperation", {}).rows)

    def rows(*options: str) -> int:
        done = subprocess.run(
            [_program(), "query", "--location", str(loaded_folder), "--query", text,
             "--results-format", "tsv", *options],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return len(done.stdout.splitlines()) - 1  # the header line

    assert rows() == 0
    assert rows("--union-default-graph") == expected > 0


@contextlib.contextmanager
def _plain_server(location):
    """``oxigraph serve-read-only`` with its default settings (no union default graph)."""
    port = free_port()
    process = subprocess.Popen(
        [_program(), "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with DIRECT.open(f"{base}/query?query=ASK%7B%7D", timeout=1):
                    break
            except (urllib.error.URLError, OSError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph serve-read-only did not start")
                time.sleep(0.05)
        yield f"{base}/query"
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_plain_server_answers_with_the_union_parameter(local, loaded_folder):
    store, _ = local
    embedded = run_query(store, "country-cooperation", {})
    with _plain_server(loaded_folder) as endpoint:
        assert run_remote(endpoint, "country-cooperation").rows == []
        remote = run_remote(endpoint + "?union-default-graph", "country-cooperation")
        assert _rows(remote) == _rows(embedded)
