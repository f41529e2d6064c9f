"""Exports: deterministic bytes, and files that rdflib, pyoxigraph and rapper all read."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from conftest import make_record
from rdflib.compare import isomorphic

from cislib.cli import cli
from cislib.graph.export import (
    FORMATS,
    WRITERS,
    export,
    export_chunks,
    jsonld_context,
    write_atomically,
    write_export,
)
from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib

RDFLIB_FORMATS = {
    "turtle": "turtle",
    "trig": "trig",
    "nt": "nt",
    "nq": "nquads",
    "jsonld": "json-ld",
}
OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
}
RAPPER_FORMATS = {"turtle": "turtle", "trig": "trig", "nt": "ntriples", "nq": "nquads"}


@pytest.fixture
def filled(store):
    store.ingest(make_record("a.txt"))
    store.ingest(make_record("b.txt", person='Anna "Q" Ivanova\\ <x>\n{y}'))
    return store


def _expected_triples(store) -> rdflib.Graph:
    graph = rdflib.Graph()
    for q in store.quads():
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_is_deterministic(filled, fmt):
    assert export(filled, fmt) == export(filled, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_parses_with_rdflib_to_the_same_graph(filled, fmt):
    data = export(filled, fmt)
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    union = rdflib.Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, _expected_triples(filled))


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_parses_with_pyoxigraph(filled, fmt):
    data = export(filled, fmt).encode("utf-8")
    quads = list(ox.parse(data, format=OXIGRAPH_FORMATS[fmt]))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert triples == {(q.subject, q.predicate, q.object) for q in filled.quads()}


@pytest.mark.parametrize("fmt", ["trig", "nq"])
def test_quad_formats_keep_one_graph_per_report(filled, fmt):
    quads = ox.parse(export(filled, fmt).encode("utf-8"), format=OXIGRAPH_FORMATS[fmt])
    graphs = {q.graph_name for q in quads}
    assert set(filled.report_graphs()) <= graphs


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", list(RAPPER_FORMATS))
def test_export_parses_with_rapper(filled, fmt, tmp_path):
    path = tmp_path / f"export.{fmt}"
    path.write_text(export(filled, fmt), encoding="utf-8")
    proc = subprocess.run(
        ["rapper", "-q", "-i", RAPPER_FORMATS[fmt], "-c", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "error" not in proc.stderr.lower()


def test_write_atomically_replaces_whole_file(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_text("old")
    write_atomically(target, "new content")
    assert target.read_text() == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.ttl"]


# -- hostile names -------------------------------------------------------------------------

#: Everything that breaks a hand-rolled writer: quotes of every Turtle string form, backslashes
#: and text that looks like an escape, every C0 control character but NUL, DEL, CR LF, the
#: bidirectional overrides and isolates, and the punctuation of Turtle, TriG and N-Quads.
HOSTILE = (
    'Анна "Q" O\'Brien \\ \\u0041 \\" """ \'\'\' '
    + "".join(chr(c) for c in range(0x01, 0x20))
    + "\x7f \r\n \u202eevil\u202c \u2066isolated\u2069 \u200f"
    + ' } { > . ; , # @en ^^xsd:string _:b0 <http://x/> "@context": '
)
#: The file name carries its own mix, as the report's cis:fileName.
HOSTILE_FILE = 'report "v2"\\draft\t\u202e.txt'
#: NUL: readers of report files refuse it (it is no text), yet a record may still carry one.
NUL_NAME = "before\x00after \x01"


def _hostile_store(path, person: str, file: str):
    store = GraphStore.open(path, write=True)
    store.load_base()
    store.ingest(make_record(file, person=person))
    return store


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    with _hostile_store(tmp_path_factory.mktemp("hostile") / "store", HOSTILE, HOSTILE_FILE) as s:
        yield s


@pytest.fixture(scope="module")
def with_nul(tmp_path_factory):
    with _hostile_store(tmp_path_factory.mktemp("nul") / "store", NUL_NAME, "nul.txt") as s:
        yield s


def _stored(store) -> set[tuple]:
    """The store's quads as (s, p, o, g) of pyoxigraph terms; g is None in triple formats."""
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in store.quads()}


def _triples(quads) -> set[tuple]:
    return {q[:3] for q in quads}


def _from_rdflib(term):
    if isinstance(term, rdflib.URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _read_rdflib(data: str, fmt: str) -> tuple[rdflib.Graph, set[tuple]]:
    """What rdflib reads: the union graph, and the quads as pyoxigraph terms."""
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    union = rdflib.Graph()
    quads = set()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
        quads.add((*(_from_rdflib(t) for t in (s, p, o)), ox.NamedNode(str(g))))
    return union, quads


def _read_oxigraph(data: str, fmt: str) -> set[tuple]:
    parsed = ox.parse(data.encode("utf-8"), format=OXIGRAPH_FORMATS[fmt])
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in parsed}


def _read_rapper(data: str, fmt: str, tmp_path) -> set[tuple]:
    """What rapper reads, written back as N-Quads by rapper and parsed by pyoxigraph."""
    path = tmp_path / f"in.{fmt}"
    path.write_text(data, encoding="utf-8")
    proc = subprocess.run(
        ["rapper", "-q", "-i", RAPPER_FORMATS[fmt], "-o", "nquads", str(path)],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert b"error" not in proc.stderr.lower(), proc.stderr
    parsed = ox.parse(proc.stdout, format=ox.RdfFormat.N_QUADS)
    return {(q.subject, q.predicate, q.object, q.graph_name) for q in parsed}


def _same_quads(got: set[tuple], store, fmt: str) -> None:
    """Quad formats keep every graph name; triple formats are compared as the union."""
    if fmt in ("trig", "nq", "jsonld"):
        assert got == _stored(store)
    else:
        assert _triples(got) == _triples(_stored(store))


def _names(quads: set[tuple], predicate: str) -> set[str]:
    return {q[2].value for q in quads if q[1].value == predicate}


ALT_LABEL = "http://www.w3.org/2004/02/skos/core#altLabel"
FILE_NAME = "https://w3id.org/cislib/def#fileName"


def test_hostile_names_are_stored_as_given(hostile):
    assert HOSTILE in _names(_stored(hostile), ALT_LABEL)
    assert HOSTILE_FILE in _names(_stored(hostile), FILE_NAME)


@pytest.mark.parametrize("fmt", FORMATS)
def test_hostile_names_survive_rdflib_and_pyoxigraph(hostile, fmt):
    data = export(hostile, fmt)
    union, from_rdflib = _read_rdflib(data, fmt)
    assert isomorphic(union, _expected_triples(hostile))
    from_oxigraph = _read_oxigraph(data, fmt)
    for got in (from_rdflib, from_oxigraph):
        _same_quads(got, hostile, fmt)
        assert HOSTILE in _names(got, ALT_LABEL)
        assert HOSTILE_FILE in _names(got, FILE_NAME)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", list(RAPPER_FORMATS))
def test_hostile_names_survive_rapper(hostile, fmt, tmp_path):
    got = _read_rapper(export(hostile, fmt), fmt, tmp_path)
    _same_quads(got, hostile, fmt)
    assert HOSTILE in _names(got, ALT_LABEL)
    expected = rdflib.Graph()
    for s, p, o, _ in got:
        expected.add(tuple(to_rdflib(t) for t in (s, p, o)))
    assert isomorphic(expected, _expected_triples(hostile))


@pytest.mark.parametrize("fmt", FORMATS)
def test_nul_survives_rdflib_and_pyoxigraph(with_nul, fmt):
    data = export(with_nul, fmt)
    for got in (_read_rdflib(data, fmt)[1], _read_oxigraph(data, fmt)):
        _same_quads(got, with_nul, fmt)
        assert NUL_NAME in _names(got, ALT_LABEL)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) not installed")
@pytest.mark.parametrize("fmt", list(RAPPER_FORMATS))
def test_nul_is_escaped_so_rapper_reads_the_file(with_nul, fmt, tmp_path):
    """The file is valid for rapper too; raptor keeps strings NUL-terminated, so the one value
    with a NUL reads cut short there (a limit of raptor, not of the file), all else exactly."""
    data = export(with_nul, fmt)
    assert "\x00" not in data and "\\u0000" in data
    got = _read_rapper(data, fmt, tmp_path)
    expected = _stored(with_nul)
    if fmt in ("turtle", "nt"):
        got, expected = _triples(got), _triples(expected)
    differing = {q for q in got ^ expected if "\x00" not in str(q[2].value)}
    assert {q for q in differing if not NUL_NAME.startswith(q[2].value)} == set()


# -- bytes depend on the graph alone -------------------------------------------------------


def test_export_bytes_do_not_depend_on_ingest_order(tmp_path):
    records = [make_record("a.txt"), make_record("b.txt", person="Анна Иванова")]
    exports = []
    for name, order in (("forward", records), ("backward", records[::-1])):
        with GraphStore.open(tmp_path / name, write=True) as store:
            store.load_base()
            for record in order:
                store.ingest(record)
            exports.append({fmt: export(store, fmt) for fmt in FORMATS})
    assert exports[0] == exports[1]


# -- JSON-LD: the context travels with the data --------------------------------------------


def _contexts(value) -> list:
    if isinstance(value, dict):
        found = [value["@context"]] if "@context" in value else []
        return found + [c for v in value.values() for c in _contexts(v)]
    if isinstance(value, list):
        return [c for v in value for c in _contexts(v)]
    return []


def test_jsonld_embeds_the_shipped_context(filled):
    document = json.loads(export(filled, "jsonld"))
    assert _contexts(document) == [jsonld_context()["@context"]]
    assert all(isinstance(c, dict) for c in _contexts(document))


def test_jsonld_parses_without_network(filled, monkeypatch):
    """A reader that tried to fetch a remote context would hit these walls."""

    def no_network(*args, **kwargs):
        raise AssertionError("the JSON-LD reader tried to reach the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    data = export(filled, "jsonld")
    union, _ = _read_rdflib(data, "jsonld")
    assert isomorphic(union, _expected_triples(filled))
    # pyoxigraph has no document loader unless given one: a remote context would fail here.
    assert _triples(_read_oxigraph(data, "jsonld")) == _triples(_stored(filled))


# -- streaming: the export of a large store never sits in memory whole ----------------------

#: Formats written graph by graph; the others (Turtle, N-Triples) go subject by subject.
BY_GRAPH = ("trig", "nq", "jsonld")


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_export_is_the_in_memory_writers_output(filled, fmt):
    """The same code writes a store chunk by chunk and a list of quads at once."""
    chunks = list(export_chunks(filled, fmt))
    assert len(chunks) > 1
    assert "".join(chunks) == export(filled, fmt) == WRITERS[fmt](list(filled.quads()))
    tiny = list(export_chunks(filled, fmt, chunk_chars=1))
    assert "".join(tiny) == "".join(chunks)
    assert len(tiny) > len(chunks)


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_file_reads_back_to_the_store(filled, fmt, tmp_path):
    path = tmp_path / f"export.{fmt}"
    size = write_export(filled, fmt, path)
    data = path.read_bytes()
    assert size == len(data) and data == export(filled, fmt).encode("utf-8")
    text = data.decode("utf-8")
    _same_quads(_read_oxigraph(text, fmt), filled, fmt)
    union, from_rdflib = _read_rdflib(text, fmt)
    assert isomorphic(union, _expected_triples(filled))
    _same_quads(from_rdflib, filled, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_streamed_file_is_deterministic(filled, fmt, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    write_export(filled, fmt, first)
    write_export(filled, fmt, second)
    assert first.read_bytes() == second.read_bytes()


def test_turtle_declares_each_prefix_once_and_uses_it(filled):
    data = export(filled, "turtle")
    header, _, body = data.partition("\n\n")
    assert header.splitlines() == [line for line in data.splitlines() if line.startswith("@")]
    assert all(header.count(f"@prefix {p}: ") == 1 for p in ("cis", "id", "schema", "xsd"))
    assert "\n    a schema:" in body and "\ncis:" in body  # subjects and objects shortened


class _CountingOxigraph:
    """A pyoxigraph store that counts the quads read from it and notes each pattern asked."""

    def __init__(self, inner: ox.Store, fail_after: int | None = None):
        self._inner = inner
        self.read = 0
        self.patterns: list[tuple] = []
        self.fail_after = fail_after

    def quads_for_pattern(self, *pattern):
        self.patterns.append(pattern)
        for quad in self._inner.quads_for_pattern(*pattern):
            if self.fail_after is not None and self.read >= self.fail_after:
                raise OSError("the store went away")
            self.read += 1
            yield quad

    def __getattr__(self, name):
        return getattr(self._inner, name)


class _CountingStore:
    """What ``export_chunks`` needs of a GraphStore: its pyoxigraph store (counted)."""

    def __init__(self, store: GraphStore, fail_after: int | None = None):
        self.oxigraph = _CountingOxigraph(store.oxigraph, fail_after)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_chunks_reads_one_graph_or_subject_per_chunk(filled, fmt):
    """A generator: nothing is read before the first chunk is asked for, the whole store is
    never asked for at once, and between two chunks at most one graph (TriG, N-Quads,
    JSON-LD) or one subject (Turtle, N-Triples) is read."""
    quads = list(filled.quads())
    by_group = Counter(q.graph_name if fmt in BY_GRAPH else q.subject for q in quads)
    counting = _CountingStore(filled)
    chunks = export_chunks(counting, fmt, chunk_chars=1)
    assert isinstance(chunks, Iterator)
    assert counting.oxigraph.read == 0
    read_at = [0]
    pieces = []
    for chunk in chunks:
        pieces.append(chunk)
        read_at.append(counting.oxigraph.read)
        if len(pieces) == 1:
            assert read_at[-1] < len(quads)  # the first chunk came before the whole store
    assert read_at[-1] == len(quads) and len(pieces) >= len(by_group)
    steps = [after - before for before, after in zip(read_at, read_at[1:], strict=False)]
    assert max(steps) == max(by_group.values())
    assert (None, None, None, None) not in counting.oxigraph.patterns
    assert "".join(pieces) == export(filled, fmt)


def test_unknown_format_is_refused_before_reading(filled):
    with pytest.raises(ValueError, match="rdfxml"):
        export_chunks(filled, "rdfxml")


@pytest.mark.parametrize("fmt", FORMATS)
def test_default_graph_is_exported_too(store, fmt):
    """Quads outside any named graph (none are stored today) are kept, in every format."""
    subject = ox.NamedNode("https://example.org/default-subject")
    extra = ox.Quad(subject, ox.NamedNode("https://example.org/p"), ox.Literal("in default"))
    store.oxigraph.add(extra)
    store.ingest(make_record("a.txt"))
    data = export(store, fmt)
    assert data == WRITERS[fmt](list(store.quads()))
    from_oxigraph = _read_oxigraph(data, fmt)
    _same_quads(from_oxigraph, store, fmt)
    assert (extra.subject, extra.predicate, extra.object) in _triples(from_oxigraph)
    if fmt in BY_GRAPH:
        assert (extra.subject, extra.predicate, extra.object, ox.DefaultGraph()) in from_oxigraph
    union, _ = _read_rdflib(data, fmt)
    assert isomorphic(union, _expected_triples(store))


def test_written_files_get_the_usual_mode_not_a_private_one(tmp_path):
    """A temporary file is private; the file put in its place is as readable as any other
    file this process creates."""
    target = tmp_path / "shared.ttl"
    write_atomically(target, "data")
    plain = tmp_path / "plain.txt"
    plain.write_text("data")
    assert target.stat().st_mode & 0o777 == plain.stat().st_mode & 0o777


def test_write_atomically_streams_chunks(tmp_path):
    target = tmp_path / "out.nt"
    size = write_atomically(target, iter(["a", "б", "", "c\n"]))
    assert target.read_text(encoding="utf-8") == "aбc\n" and size == len("aбc\n".encode())
    assert write_atomically(target, "plain") == 5 and target.read_text() == "plain"
    assert [p.name for p in tmp_path.iterdir()] == ["out.nt"]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_write_atomically_keeps_the_old_file_when_the_chunks_fail(tmp_path, error):
    target = tmp_path / "out.trig"
    target.write_text("old")

    def chunks():
        yield "new "
        yield "x" * 200_000  # past any buffer: bytes reach the temporary file
        raise error("cut off")

    with pytest.raises(error):
        write_atomically(target, chunks())
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.trig"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_failing_midway_keeps_the_old_file(filled, fmt, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out"
    target.write_text("old")
    with pytest.raises(OSError, match="went away"):
        write_export(_CountingStore(filled, fail_after=filled.count() // 2), fmt, target)
    assert target.read_text() == "old"
    assert [p.name for p in folder.iterdir()] == ["out"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_streams_to_stdout_and_file(filled, fmt, tmp_path):
    expected = export(filled, fmt)
    filled.close()  # the command opens the store as a reader
    store = str(filled.path)
    shown = CliRunner().invoke(cli, ["--store", store, "export", "--format", fmt])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout == expected
    target = tmp_path / f"out.{fmt}"
    written = CliRunner().invoke(cli, ["--store", store, "export", "--format", fmt, "-o", target])
    assert written.exit_code == 0, written.output
    assert target.read_text(encoding="utf-8") == expected
    assert f"({len(expected.encode('utf-8'))} bytes)" in written.stderr


def test_cli_export_stops_quietly_when_the_reader_goes_away(filled):
    """``cislib export | head``: the export stops at the closed pipe, with status 0."""
    assert len(export(filled, "nt").encode("utf-8")) > 4 * 65536  # more than a pipe holds
    filled.close()
    command = [sys.executable, "-c", "from cislib.cli import main; main()"]
    args = ["--store", str(filled.path), "export", "--format", "nt"]
    with subprocess.Popen(
        [*command, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout.read(100).startswith(b"<")
        proc.stdout.close()
        stderr = proc.stderr.read()
        assert proc.wait(timeout=120) == 0, stderr
    assert stderr == b""
