"""Every named query gives the same rows on the embedded store and on a real Oxigraph server.

The graph of the bundled reports is pushed to ``oxigraph serve`` on loopback, then each named
query runs locally and through ``--endpoint`` (SPARQLWrapper).
"""

from __future__ import annotations

import pytest
from conftest import comparable
from oxigraph_server import oxigraph_server

from cislib.graph.ingest import build
from cislib.graph.push import push
from cislib.graph.store import GraphStore
from cislib.queries import named_queries
from cislib.queries.formats import run_query
from cislib.queries.remote import run_remote

RSL = "https://w3id.org/cislib/id/library/russian-state-library"

#: Values for the queries that need a parameter.
PARAMETERS = {"library": {"library": RSL}, "provenance": {"node": RSL}}


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    with GraphStore.open(tmp_path_factory.mktemp("remote") / "store", write=True) as store:
        assert build(store).ok
        with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as server:
            assert push(store, server.query_url).ok
            yield store, server.query_url


def _rows(result) -> set[tuple]:
    return {tuple(sorted((k, comparable(k, v)) for k, v in row.items())) for row in result.values()}


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_same_rows_on_oxigraph_server(stores, name):
    store, endpoint = stores
    params = dict(PARAMETERS.get(name, {}))
    if name == "event":
        first = run_query(store, "events").values()[0]
        params = {"event": str(first["event"])}
    local = run_query(store, name, params)
    remote = run_remote(endpoint, name, params)
    assert _rows(local) == _rows(remote)
    if not name.startswith("checks/") and name not in ("find-node", "node-facts", "node-links"):
        assert local.rows, f"{name} returned nothing on the bundled graph"
