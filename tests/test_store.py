"""The on-disk store: idempotent ingest, replacement of corrected reports, one writer, and
reports read in worker processes stored exactly as one process stores them."""

from __future__ import annotations

import multiprocessing
import pickle
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import make_record

from cislib.errors import StoreError, StoreInUseError
from cislib.extract import extract_file
from cislib.graph.ingest import ingest_files
from cislib.graph.store import GraphStore
from cislib.graph.terms import DERIVED_GRAPH


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


# -- reading in worker processes -------------------------------------------------------------

HELD_OUT = sorted((Path(__file__).parent / "data" / "reports").rglob("*.txt"))


@pytest.fixture
def reports(tmp_path):
    """The held-out test reports and, among them, one file that cannot be read."""
    broken = tmp_path / "m-broken.txt"
    broken.write_bytes(b"\x00\x01binary\x00\xff" * 40)
    return [*HELD_OUT[:7], broken, *HELD_OUT[7:]]


def _ingest(path: Path, files, jobs: int):
    with GraphStore.open(path, write=True) as store:
        store.load_base()
        summary = ingest_files(store, files, jobs=jobs)
        return summary, store.dump_nquads()


def test_records_survive_the_trip_between_processes():
    record = extract_file(HELD_OUT[0])
    assert pickle.loads(pickle.dumps(record)) == record


def test_parallel_reading_stores_exactly_what_one_process_stores(tmp_path, reports):
    one, one_dump = _ingest(tmp_path / "one", reports, jobs=1)
    two, two_dump = _ingest(tmp_path / "two", reports, jobs=2)
    assert len(one.ingested) == len(HELD_OUT) and len(one.failed) == 1
    assert [r.file for r in two.ingested] == [r.file for r in one.ingested]
    assert two.failed == one.failed
    failed_file, message = two.failed[0]
    assert failed_file.endswith("m-broken.txt") and "m-broken.txt" in message
    assert two_dump == one_dump
    graphs = [ox.Dataset(ox.parse(d, format=ox.RdfFormat.N_QUADS)) for d in (one_dump, two_dump)]
    assert len(graphs[0]) == len(graphs[1]) > 1000


def test_an_interrupt_stops_the_workers_and_keeps_what_was_stored(tmp_path):
    seen = []

    def progress(done, total, name):
        seen.append(name)
        if done == 3:
            raise KeyboardInterrupt

    with GraphStore.open(tmp_path / "store", write=True) as store:
        store.load_base()
        with pytest.raises(KeyboardInterrupt):
            ingest_files(store, HELD_OUT, progress=progress, jobs=2)
        assert not multiprocessing.active_children()
        assert len(store.report_graphs()) == 3 and len(seen) == 3
        derived = sorted(map(str, store.quads(DERIVED_GRAPH)))
        store.refresh_derived()  # the batch's one recomputation ran despite the interrupt
        assert sorted(map(str, store.quads(DERIVED_GRAPH))) == derived


def test_cli_reads_with_jobs(tmp_path, reports):
    from click.testing import CliRunner

    from cislib.cli import cli

    result = CliRunner().invoke(
        cli,
        ["--store", str(tmp_path / "store"), "ingest", "--jobs", "2", *map(str, reports)],
    )
    assert result.exit_code == 2, result.output  # one file could not be read
    assert "m-broken.txt" in result.output
    assert sum("triples, stored" in line for line in result.output.splitlines()) == len(HELD_OUT)
    _, expected = _ingest(tmp_path / "one", reports, jobs=1)
    with GraphStore.open(tmp_path / "store") as store:
        assert store.dump_nquads() == expected
