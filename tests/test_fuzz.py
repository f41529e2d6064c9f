"""Fuzzing, bounded and reproducible: the report reader and the endpoint's query guard.

Hypothesis generates inputs from a fixed seed (``derandomize``), a bounded number of them, each
under a deadline; an alarm stops a hang outright. The reader may only refuse a file with a
``ReportError``, and every record it returns must build into valid RDF with quotes that match
the text. The guard may only answer with a query form or ``Refused`` (``QueryError`` for the
local check), and whatever it lets through must not make the store's engine connect anywhere:
accepted queries are run on a small in-memory store next to a loopback listener that must stay
silent.
"""

from __future__ import annotations

import codecs
import json
import signal
import time
from datetime import timedelta

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from listener import Listener

from cislib.errors import QueryError, ReportError
from cislib.extract.document import document_from_bytes, document_from_text
from cislib.extract.pipeline import extract_document
from cislib.graph.build import build_report_quads
from cislib.serve.guard import QueryKind, Refused, check_local_query, check_query, names_service

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=timedelta(seconds=2),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
counts: dict[str, int] = {}
slowest: dict[str, float] = {}


@pytest.fixture(scope="module", autouse=True)
def figures():
    """Prints inputs tried per family and the slowest, when the module is done (-s)."""
    yield
    print("\nFuzz inputs tried:", json.dumps(counts, sort_keys=True))
    print("Slowest single input (s):", json.dumps({k: round(v, 4) for k, v in slowest.items()}))


def tally(family: str, started: float) -> None:
    counts[family] = counts.get(family, 0) + 1
    slowest[family] = max(slowest.get(family, 0.0), time.perf_counter() - started)


@pytest.fixture(autouse=True)
def no_hang():
    """Hypothesis's deadline is checked after an example returns; this stops one that never
    does."""

    def stop(signum, frame):
        raise TimeoutError("a fuzzed input hung")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# -- the report reader ------------------------------------------------------------------------

#: Pieces of reports: names the reader knows, words around them, dates and numbers, and the
#: characters that trouble readers (apostrophes, look-alikes, invisible and control characters).
PIECES = [
    "Российская государственная библиотека",
    "Национальной библиотеке Беларуси",
    "в Минске",
    "Oʻzbekiston Milliy kutubxonasi",
    "O'zbekiston",
    "Gʻayrat Toʻlqinov",
    "Türkmenistanyň Döwlet kitaphanasy",
    "Қазақстан Ұлттық кітапханасы",
    "Кыргыз Республикасынын Улуттук китепканасы",
    "Russian State Library",
    "директор",
    "direktori",
    "seminar",
    "семинар",
    "конференция",
    "Вадим Валериевич Дуда",
    "В. В. Дуда",
    "14 сентября 2023 года",
    "2023-yil 12-mayda",
    "16 June 2022",
    "15–26",
    "50 участников",
    "«",
    "»",
    "(",
    ")",
    ",",
    ".",
    ":",
    "—",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "Kазахстан",
    "Рoссия",
    "\u200b",
    "\u00ad",
    "\u202e",
    "\ufeff",
    "\x07",
    "\x0c",
    "e\u0301",
    "ʼ",
    "’",
    "`",
    "#",
    "**",
    "References",
    "Фойдаланилган адабиётлар",
]
REPORT_TEXT = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map(
    " ".join
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1251", "koi8_r", "latin-1"]


@pytest.fixture(scope="module", autouse=True)
def warm_reader():
    """Load the language tables once, so that no example pays for it within its deadline."""
    extract_document(document_from_text("Минск. Toshkent. Ashgabat. Moscow.", "warm.txt"))


def _read_all_the_way(data: bytes, family: str) -> None:
    started = time.perf_counter()
    try:
        document = document_from_bytes(data, "fuzz.txt")
    except ReportError as exc:
        assert str(exc).startswith("fuzz.txt: ") and "\n" not in str(exc)
        tally(family + " (refused)", started)
        return
    record = extract_document(document)
    text = document.text
    for entity in record.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    quads = build_report_quads(record)  # valid IRIs and literals, or this raises
    assert quads
    tally(family + " (read)", started)


@settings(FUZZ, max_examples=150)
@given(data=st.binary(max_size=3000))
def test_reader_on_arbitrary_bytes(data):
    _read_all_the_way(data, "reader: bytes")


@settings(FUZZ, max_examples=150)
@given(text=REPORT_TEXT, encoding=st.sampled_from(ENCODINGS))
def test_reader_on_report_like_text_in_any_encoding(text, encoding):
    data = text.encode(encoding, errors="replace")
    _read_all_the_way(data, "reader: report-like text")


@settings(FUZZ, max_examples=100)
@given(text=REPORT_TEXT, cut=st.integers(0, 50), noise=st.binary(max_size=6))
def test_reader_on_damaged_utf8(text, cut, noise):
    """UTF-8 with bytes cut off and noise spliced in, as a broken copy leaves it."""
    data = text.encode("utf-8")
    at = min(cut, len(data))
    _read_all_the_way(data[:at] + noise + data[at + 1 :], "reader: damaged UTF-8")


@settings(FUZZ, max_examples=60)
@given(text=REPORT_TEXT)
def test_reader_on_text_with_a_bom_of_another_encoding(text):
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE):
        _read_all_the_way(bom + text.encode("utf-8"), "reader: mismatched BOM")


# -- the query guard --------------------------------------------------------------------------


LISTENER = Listener("/sparql")
TARGET = LISTENER.url
#: Pieces of queries, hostile and harmless: every way of writing SERVICE, FROM and updates the
#: guard must see, next to the strings, comments and names that only look like them.
TOKENS = [
    "SELECT",
    "select",
    "*",
    "?s",
    "?p",
    "?o",
    "?service",
    "$from",
    "WHERE",
    "{",
    "}",
    "{ ?s ?p ?o }",
    ".",
    ";",
    ",",
    "(",
    ")",
    "ASK",
    "CONSTRUCT",
    "DESCRIBE",
    "OPTIONAL",
    "UNION",
    "MINUS",
    "FILTER",
    "EXISTS",
    "NOT",
    "GRAPH",
    "BIND",
    "AS",
    "VALUES",
    "LIMIT 1",
    "SERVICE",
    "service",
    "SeRvIcE",
    "SILENT",
    f"<{TARGET}>",
    "<http://x/service>",
    "FROM",
    "FROM NAMED",
    "INSERT DATA",
    "DELETE",
    "LOAD",
    "DROP ALL",
    "CLEAR",
    "WITH",
    "USING",
    f"PREFIX r: <{TARGET}#>",
    "PREFIX service: <http://x/>",
    "PREFIX : <http://x/>",
    "r:x",
    ":x",
    "service:x",
    "schema:serviceType",
    "'SERVICE'",
    '"FROM"',
    '"""multi\nline"""',
    "'unterminated",
    '"\\u0022"',
    "\\u0053ERVICE",
    "# comment\n",
    "# SERVICE <x>\r",
    "\r",
    "\n",
    " ",
    "true",
    "trueSERVICE",
    "SERVICEex:x",
    "@from",
    "_:b0",
    "1",
    "<",
    ">",
    "?x a <https://schema.org/Country> .",
]
QUERY_TEXT = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), min_size=1, max_size=40
).map(" ".join)


# Queries built from a small grammar, so that many parse: benign patterns with keywords hidden
# in strings, IRIs, comments and names, now and then a live SERVICE spliced in.
_SUBJECTS = st.sampled_from(["?s", "?x", "<http://x/a>", "r:a", ":a", "_:b"])
_PREDICATES = st.sampled_from(["?p", "a", "<http://x/service>", "schema:serviceType", "r:from"])
_OBJECTS = st.sampled_from(
    ["?o", "<https://schema.org/Country>", "'SERVICE'", '"FROM <x>"', "1", "true", '"""x\ny"""']
)
_TRIPLES = st.builds(lambda s, p, o: f"{s} {p} {o} .", _SUBJECTS, _PREDICATES, _OBJECTS)
_PATTERNS = st.recursive(
    _TRIPLES,
    lambda inner: st.one_of(
        st.builds("OPTIONAL {{ {} }}".format, inner),
        st.builds("{{ {} }} UNION {{ {} }}".format, inner, inner),
        st.builds("FILTER EXISTS {{ {} }}".format, inner),
        st.builds("FILTER NOT EXISTS {{ {} }}".format, inner),
        st.builds("MINUS {{ {} }}".format, inner),
        st.builds("GRAPH ?g {{ {} }}".format, inner),
        st.builds("{{ SELECT * WHERE {{ {} }} }}".format, inner),
        st.builds("{} {}".format, inner, inner),
    ),
    max_leaves=6,
)
_GAPS = st.sampled_from([" ", "\n", "\t", "# SERVICE <x> { }\n", "# FROM <x>\r\n", "\r\n"])
#: Spliced into the WHERE clause: mostly nothing, sometimes a live SERVICE.
LIVE_SERVICE = [
    f"SERVICE <{TARGET}> {{ ?s ?p ?o }}",
    f"SERVICE SILENT <{TARGET}> {{ ?s ?p ?o }}",
    f"VALUES ?e {{ <{TARGET}> }} SERVICE ?e {{ ?s ?p ?o }}",
    "SERVICE r:x { ?s ?p ?o }",
    f"# x\rSERVICE <{TARGET}> {{ ?s ?p ?o }}\n",
    "OPTIONAL { SERVICE :x { ?s ?p ?o } }",
]
_SPLICED = st.sampled_from([""] * 6 + LIVE_SERVICE)
GENERATED_QUERY = st.builds(
    lambda form, gap, patterns, spliced, tail: (
        f"PREFIX r: <{TARGET}#>{gap}PREFIX : <{TARGET}#>{gap}"
        "PREFIX schema: <https://schema.org/>\n"
        f"{form} WHERE {{{gap}?x a <https://schema.org/Country> .{gap}{patterns}{gap}{spliced} }}"
        f"{tail}"
    ),
    st.sampled_from(["SELECT *", "SELECT ?s", "ASK", "CONSTRUCT { ?s ?p ?o }", "DESCRIBE ?s"]),
    _GAPS,
    _PATTERNS,
    _SPLICED,
    st.sampled_from(["", " LIMIT 5", " # tail", "\n"]),
)


@pytest.fixture(scope="module")
def memory_store():
    store = ox.Store()
    store.add(
        ox.Quad(
            ox.NamedNode("http://x/c"),
            ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            ox.NamedNode("https://schema.org/Country"),
        )
    )
    return store


def _run_if_possible(store: ox.Store, text: str) -> None:
    """Run an accepted query as Oxigraph would; parse errors and the like do not matter, a
    connection to the listener does (checked by the caller)."""
    try:
        result = store.query(text, use_default_graph_as_union=True)
        if not isinstance(result, ox.QueryBoolean):
            for _ in zip(range(100), result, strict=False):
                pass
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass


@settings(FUZZ, max_examples=400)
@given(text=st.one_of(QUERY_TEXT, st.text(max_size=200)))
def test_guard_answers_with_a_form_or_a_refusal_and_lets_nothing_out(memory_store, text):
    before = len(LISTENER.connections)
    started = time.perf_counter()
    try:
        kind = check_query(text)
    except Refused as refused:
        assert (
            refused.status in (400, 403) and refused.message and "Traceback" not in refused.message
        )
        tally("guard: refused", started)
    else:
        assert isinstance(kind, QueryKind)
        tally("guard: accepted", started)
        _run_if_possible(memory_store, text)
    started = time.perf_counter()
    try:
        check_local_query(text)
    except QueryError:
        tally("local check: refused", started)
    else:
        tally("local check: accepted", started)
        _run_if_possible(memory_store, text)
    time.sleep(0.001)
    assert len(LISTENER.connections) == before, text


@settings(FUZZ, max_examples=300)
@given(text=GENERATED_QUERY)
def test_guard_on_generated_queries_lets_nothing_out(memory_store, text):
    """Most of these parse: what either check accepts runs on the store, and stays inside."""
    before = len(LISTENER.connections)
    live = any(piece in text for piece in LIVE_SERVICE)
    started = time.perf_counter()
    try:
        check_query(text)
    except Refused:
        tally("generated: refused by the guard", started)
    else:
        assert not live, text
        tally("generated: accepted by the guard", started)
        _run_if_possible(memory_store, text)
    started = time.perf_counter()
    try:
        check_local_query(text)
    except QueryError:
        # Nothing else in these queries reaches outside; decoys that hold the word are
        # refused too, since the check does not try to read the text as Oxigraph would.
        assert live or names_service(text), text
        tally("generated: refused by the local check", started)
    else:
        assert not live, text
        tally("generated: accepted by the local check", started)
        _run_if_possible(memory_store, text)
    time.sleep(0.001)
    assert len(LISTENER.connections) == before, text


@settings(FUZZ, max_examples=200)
@given(
    prefix=st.sampled_from(["SELECT * WHERE {", "ASK {", "CONSTRUCT { ?s ?p ?o } WHERE {"]),
    glue=st.lists(st.sampled_from([" ", "\n", "\r", "\t", "# c\n", "# c\r", ""]), max_size=3),
    case=st.sampled_from(["SERVICE", "service", "Service", "sErViCe"]),
    target=st.sampled_from([f"<{TARGET}>", "?e", "r:x", ":x", "service:x"]),
    wrap=st.sampled_from(
        [
            "{}",
            "OPTIONAL {{ {} }}",
            "{{ SELECT * WHERE {{ {} }} }}",
            "FILTER EXISTS {{ {} }}",
            "MINUS {{ {} }}",
            "GRAPH ?g {{ {} }}",
        ]
    ),
)
def test_every_spelling_of_service_is_refused(memory_store, prefix, glue, case, target, wrap):
    head = f"PREFIX r: <{TARGET}#>\nPREFIX : <{TARGET}#>\nPREFIX service: <{TARGET}#>\n"
    call = f"{case}{''.join(glue) or ' '}{target} {{ ?s ?p ?o }}"
    body = f"VALUES ?e {{ <{TARGET}> }} ?x a <https://schema.org/Country> . {wrap.format(call)}"
    text = f"{head}{prefix} {body} }}"
    before = len(LISTENER.connections)
    started = time.perf_counter()
    with pytest.raises(Refused):
        check_query(text)
    with pytest.raises(QueryError):
        check_local_query(text)
    tally("guard: SERVICE spellings", started)
    assert len(LISTENER.connections) == before


# The parsers' disagreements, mixed: comments ended by CR, LF or CRLF, "<" read as an operator
# or as the start of an IRI, escapes, look-alike letters, nesting. Each piece on its own is
# harmless or a live call; together they hide a live call from a lexer that guesses wrong.
_BYPASS_PIECES = st.sampled_from(
    [
        "BIND(1 AS ?a)",
        "# x\r",
        "# x\n",
        "# x\r\n",
        "FILTER(?a<2)",
        "FILTER(?a < 2)",
        "#>\r",
        "<",
        ">",
        f"<{TARGET}>",
        "'<'",
        '"#"',
        "{ ?s ?p ?o }",
        "OPTIONAL {",
        "}",
        "\r",
        "\n",
        " ",
        "SERVICE",
        "service",
        "SeRvIcE",
        "SERV\\u0049CE",
        "\\u0053ERVICE",
        "\u017fERVICE",
        "\uff33ERVICE",
        "SERVICE#>\r",
        "SILENT",
        "?svc",
        "BIND(IRI(CONCAT(STR(<http://127.0.0.1:1/>), ENCODE_FOR_URI(STR(?s)))) AS ?svc)",
    ]
)
BYPASS_QUERY = st.builds(
    lambda pieces: "SELECT * WHERE { ?x a <https://schema.org/Country> . "
    + "".join(pieces)
    + " }",
    st.lists(_BYPASS_PIECES, min_size=1, max_size=14),
)


def test_the_reported_bypass_is_refused(memory_store):
    """A comment ended by CR, and a "<" that a lexer takes for an IRI: Oxigraph reads a live
    SERVICE there. Refused by the local check and by the endpoint's."""
    text = (
        f"SELECT * WHERE {{ BIND(1 AS ?a) # x\rFILTER(?a<2)SERVICE#>\r<{TARGET}>\n"
        "{ ?s ?p ?o } }"
    )
    with pytest.raises(QueryError):
        check_local_query(text)
    with pytest.raises(Refused):
        check_query(text)


@settings(FUZZ, max_examples=600)
@given(text=BYPASS_QUERY)
def test_no_spelling_of_service_reaches_the_listener(memory_store, text):
    """Whatever the local check or the endpoint's guard accepts runs on the store, and the
    listener hears nothing; what the local check refuses holds the word."""
    before = len(LISTENER.connections)
    for name, check, refusal in (
        ("local check", check_local_query, QueryError),
        ("guard", check_query, Refused),
    ):
        started = time.perf_counter()
        try:
            check(text)
        except refusal:
            assert name == "guard" or names_service(text), text
            tally(f"bypass: refused by the {name}", started)
        else:
            tally(f"bypass: accepted by the {name}, run", started)
            _run_if_possible(memory_store, text)
    time.sleep(0.001)
    assert len(LISTENER.connections) == before, text


def test_control_the_listener_hears_an_unguarded_service_call(memory_store):
    before = len(LISTENER.connections)
    country = "?x a <https://schema.org/Country> ."
    _run_if_possible(
        memory_store, f"SELECT * WHERE {{ {country} SERVICE <{TARGET}> {{ ?s ?p ?o }} }}"
    )
    deadline = time.monotonic() + 5
    while len(LISTENER.connections) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(LISTENER.connections) == before + 1
    del LISTENER.connections[before:]  # the other tests count from here
