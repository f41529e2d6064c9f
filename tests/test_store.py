"""The on-disk store: idempotent ingest, replacement of corrected reports, one writer."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
from conftest import make_record

from cislib.errors import StoreError, StoreInUseError
from cislib.graph.store import GraphStore


def test_ingest_twice_leaves_identical_nquads(store):
    record = make_record()
    store.ingest(record)
    first = store.dump_nquads()
    result = store.ingest(make_record())
    assert result.unchanged
    assert store.dump_nquads() == first


def test_reingest_after_other_reports_is_still_identical(store):
    store.ingest(make_record("a.txt"))
    store.ingest(make_record("b.txt", person="Anna Ivanova"))
    before = store.dump_nquads()
    store.ingest(make_record("a.txt"))
    assert store.dump_nquads() == before


def test_corrected_report_replaces_only_its_own_facts(store):
    store.ingest(make_record("a.txt"))
    store.ingest(make_record("b.txt", person="Anna Ivanova"))
    other = ox.NamedNode(make_record("b.txt", person="Anna Ivanova").report.iri)
    other_quads = sorted(map(str, store.quads(other)))

    corrected = make_record("a.txt", person="Ivan Sidorov")
    result = store.ingest(corrected)

    old = make_record("a.txt").report.iri
    assert result.replaced == (old,)
    graphs = {g.value for g in store.report_graphs()}
    assert old not in graphs and corrected.report.iri in graphs
    assert sorted(map(str, store.quads(other))) == other_quads
    names = {q.object.value for q in store.quads(ox.NamedNode(corrected.report.iri))}
    assert "Ivan Sidorov" in names and "Ivan Petrov" not in names


def test_no_blank_nodes_are_stored(store):
    store.ingest(make_record())
    assert not any(
        isinstance(term, ox.BlankNode)
        for quad in store.quads()
        for term in (quad.subject, quad.object)
    )


def test_derived_labels_and_shortcuts(store):
    record = make_record()
    store.ingest(record)
    rows = list(
        store.query(
            "SELECT ?label WHERE { GRAPH <https://w3id.org/cislib/id/graph/derived> "
            "{ ?p <http://www.w3.org/2004/02/skos/core#prefLabel> ?label } }"
        )
    )
    assert "Ivan Petrov" in {row["label"].value for row in rows}
    assert bool(
        store.query(
            "ASK { ?e <https://schema.org/organizer> "
            "<https://w3id.org/cislib/id/library/russian-state-library> }"
        )
    )
    assert not bool(
        store.query(
            "ASK { ?e <https://schema.org/attendee> <https://w3id.org/cislib/id/country/uz> }"
        )
    )


def test_removing_a_report(store):
    record = make_record()
    store.ingest(record)
    assert store.remove_report(record.report.iri)
    assert not store.report_graphs()
    assert not store.remove_report(record.report.iri)


def test_second_writer_gets_a_clear_message(store_path):
    with GraphStore.open(store_path, write=True):
        with pytest.raises(StoreInUseError, match="in use by another cislib process"):
            GraphStore.open(store_path, write=True)


def test_second_writer_process_gets_a_clear_message(store_path):
    with GraphStore.open(store_path, write=True) as held:
        held.load_base()
        proc = subprocess.run(
            [sys.executable, "-m", "cislib", "--store", str(store_path), "ingest", __file__],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode == StoreInUseError.exit_code
    assert "in use by another cislib process" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_reader_of_missing_store_is_told_to_build(tmp_path):
    with pytest.raises(StoreError, match="cislib build"):
        GraphStore.open(tmp_path / "nothing-here", write=False)


def test_readers_share_the_store(store_path):
    with GraphStore.open(store_path, write=True) as writer:
        writer.load_base()
        writer.ingest(make_record())
    with GraphStore.open(store_path) as one, GraphStore.open(store_path) as two:
        assert one.count() == two.count() > 0
