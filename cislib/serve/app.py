"""The HTTP side of ``cislib serve``: routes, the SPARQL 1.1 Protocol, limits and error answers.

Routes:

* ``GET /`` the query page (``page.html``: no external resources, a strict CSP);
* ``GET|POST /sparql`` the SPARQL 1.1 Protocol query operation; ``GET /sparql`` without a
  query is the service description (Turtle, ``sd:`` vocabulary);
* ``GET /query`` the named queries (JSON); ``GET /query/<name>?param=value`` runs one;
* ``GET`` the path of the ontology's IRI (``/cislib/def``, and of its version IRI) the
  ontology, negotiated on Accept (or ``?format=``): its documentation page for browsers,
  Turtle (as shipped), JSON-LD, N-Triples or RDF/XML for RDF clients, with ``Vary: Accept``.
  The terms' IRIs (``.../def#Participation``) reach the server as this path, and the
  fragment then picks the term's entry on the page.

Every answer that is not a result is a one-line plain-text message with the right status
(400, 403, 404, 405, 406, 411, 413, 415, 503); tracebacks go to the server log only.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

import pyoxigraph as ox

from cislib.errors import CislibError, QueryError
from cislib.graph.store import GraphStore, default_store_path
from cislib.ontology import ONTOLOGY_IRI, ONTOLOGY_VERSION_IRI, ontology_text
from cislib.ontology.documentation import ontology_html
from cislib.queries import load_query, named_queries
from cislib.queries.formats import bind_parameters, bound_text, parameter_descriptions
from cislib.serve.formats import (
    GRAPH_FORMATS,
    HTML,
    ONTOLOGY_FORMATS,
    RESULT_FORMATS,
    TURTLE,
    Format,
    choose_format,
    negotiate,
    write_graph,
)
from cislib.serve.guard import QueryKind, Refused, check_parameters, prescreen
from cislib.serve.pool import Unavailable, WorkerPool
from cislib.serve.worker import Answer, Job

logger = logging.getLogger("cislib.serve")

#: The most bytes read (and thrown away) from a refused oversized body, so that the client
#: sees the 413 instead of a reset connection, without reading an endless upload.
DRAIN_LIMIT = 64 * 1024 * 1024
#: Seconds an idle keep-alive connection (or a slow request) may hold a server thread.
CONNECTION_TIMEOUT_S = 30

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}
_HOST = re.compile(r"^(?:[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")
#: Where the ontology answers: the paths of its IRI and of its version IRI, as they arrive
#: through a redirect or proxy that keeps the path (https://w3id.org/cislib/def -> /cislib/def).
ONTOLOGY_PATHS = (urlsplit(str(ONTOLOGY_IRI)).path, urlsplit(str(ONTOLOGY_VERSION_IRI)).path)


@dataclass(frozen=True)
class Settings:
    """The limits and static content a server answers with."""

    timeout_s: float
    row_cap: int
    max_body: int
    page: bytes
    page_policy: str


def _inline_hashes(text: str, tag: str) -> str:
    """CSP source expressions ('sha256-...') for every inline block of ``tag`` in a page."""
    blocks = re.findall(rf"<{tag}>(.*?)</{tag}>", text, flags=re.DOTALL)
    return " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
        for b in blocks
    )


def _load_page() -> tuple[bytes, str]:
    """page.html and a Content-Security-Policy that allows exactly its inline script and style.

    The hashes pin the one script and style block of the page, so the browser runs nothing
    else and loads nothing from anywhere but this server.
    """
    page = resources.files("cislib.serve").joinpath("page.html").read_bytes()
    text = page.decode("utf-8")
    policy = (
        f"default-src 'none'; script-src {_inline_hashes(text, 'script')}; "
        f"style-src {_inline_hashes(text, 'style')}; "
        "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )
    return page, policy


@cache
def ontology_document(fmt: Format) -> tuple[bytes, dict[str, str]]:
    """The body and extra headers of the ontology in one of ``ONTOLOGY_FORMATS``.

    Turtle is the shipped file byte for byte; the page is the generated documentation with a
    Content-Security-Policy allowing only its inline style (it has no script); the other RDF
    formats are written by pyoxigraph from the shipped file.
    """
    if fmt is HTML:
        text = ontology_html()
        policy = (
            f"default-src 'none'; style-src {_inline_hashes(text, 'style')}; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
        return text.encode("utf-8"), {
            "Content-Security-Policy": policy,
            "Referrer-Policy": "no-referrer",
        }
    if fmt is TURTLE:
        return ontology_text().encode("utf-8"), {}
    quads = ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)
    return write_graph(fmt, [ox.Triple(q.subject, q.predicate, q.object) for q in quads], {}), {}


class _Refused(Refused):
    """A refusal with extra response headers (``Allow`` for a 405)."""

    def __init__(self, status: int, message: str, headers: dict[str, str]):
        super().__init__(status, message)
        self.headers = headers


class SparqlServer(ThreadingHTTPServer):
    """A threading HTTP server with a worker pool behind it.

    Attributes:
        pool: the query workers.
        settings: limits and the page.
    """

    daemon_threads = True
    # 50 clients connecting at once must not overflow the listen backlog (a dropped SYN is
    # retried only after a second).
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], settings: Settings):
        # Set before binding: socketserver calls server_close() when the bind fails.
        self.settings = settings
        self.pool: WorkerPool | None = None
        super().__init__(address, SparqlHandler)

    @property
    def url(self) -> str:
        """The base URL, e.g. ``http://127.0.0.1:8000/``."""
        host, port = self.server_address[:2]
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{port}/"

    def server_close(self) -> None:
        """Close the listening socket and stop the workers."""
        super().server_close()
        if self.pool is not None:
            self.pool.close()


class SparqlHandler(BaseHTTPRequestHandler):
    """One HTTP exchange (or several, on a kept-alive connection)."""

    server: SparqlServer
    server_version = "cislib-serve"
    protocol_version = "HTTP/1.1"
    timeout = CONNECTION_TIMEOUT_S

    # -- plumbing ---------------------------------------------------------------------------

    def version_string(self) -> str:
        """The Server header: the product alone, not the Python version."""
        return self.server_version

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        """Send the access log to logging rather than to stderr."""
        logger.info("%s %s", self.address_string(), format % args)

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _send_text(self, status: int, message: str, headers: dict[str, str] | None = None):
        self._send(status, "text/plain; charset=utf-8", (message + "\n").encode(), headers)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        """Plain-text errors for what http.server itself refuses (bad request line, 414...)."""
        self.close_connection = True
        text = message or self.responses.get(code, ("error",))[0]
        try:
            self._send_text(code, text)
        except OSError:
            pass

    def handle_expect_100(self) -> bool:
        """Refuse an oversized body before the client sends it (curl waits for this)."""
        length = self.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.server.settings.max_body:
            self.close_connection = True
            self._send_text(413, self._too_large(int(length)))
            return False
        return super().handle_expect_100()

    def _too_large(self, length: int) -> str:
        return (
            f"the request body is {length} bytes; this endpoint accepts at most "
            f"{self.server.settings.max_body} bytes"
        )

    def _drain(self, length: int) -> None:
        """Read and drop an unwanted body, within limits, then close the connection."""
        self.close_connection = True
        remaining = min(length, DRAIN_LIMIT)
        deadline = time.monotonic() + 2
        try:
            self.connection.settimeout(1)
            while remaining > 0 and time.monotonic() < deadline:
                chunk = self.rfile.read1(min(remaining, 1 << 16))
                if not chunk:
                    break
                remaining -= len(chunk)
        except OSError:
            pass

    def _content_length(self) -> int:
        value = self.headers.get("Content-Length", "").strip()
        return int(value) if value.isdigit() else 0

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            self.close_connection = True
            raise Refused(411, "send the body with a Content-Length (chunked bodies are refused)")
        length_header = self.headers.get("Content-Length")
        if length_header is None:
            self.close_connection = True
            raise Refused(411, "a POST request needs a Content-Length header")
        if not length_header.strip().isdigit():
            self.close_connection = True
            raise Refused(400, "the Content-Length header is not a number")
        length = int(length_header)
        if length > self.server.settings.max_body:
            self._drain(length)
            raise Refused(413, self._too_large(length))
        body = self.rfile.read(length)
        self._body_read = True
        if len(body) < length:
            self.close_connection = True
            raise Refused(400, "the request body ended before its Content-Length")
        return body

    # -- dispatch ---------------------------------------------------------------------------

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        """Answer GET."""
        self._dispatch()

    def do_HEAD(self) -> None:  # noqa: N802
        """Answer HEAD as GET without the body."""
        self._dispatch()

    def do_POST(self) -> None:  # noqa: N802
        """Answer POST (only /sparql takes it)."""
        self._dispatch()

    def _method_not_allowed(self) -> None:
        self.close_connection = True
        self._send_text(
            405,
            f"{self.command} is not allowed: this endpoint is read-only",
            {"Allow": "GET, HEAD, POST"},
        )

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _method_not_allowed

    def _dispatch(self) -> None:
        started = time.monotonic()
        self._body_read = False
        try:
            url = urlsplit(self.path)
            path = url.path
            if path in ("/", "/index.html"):
                self._allow("GET", "HEAD")
                self._send(
                    200,
                    "text/html; charset=utf-8",
                    self.server.settings.page,
                    {
                        "Content-Security-Policy": self.server.settings.page_policy,
                        "Referrer-Policy": "no-referrer",
                    },
                )
            elif path == "/sparql":
                self._allow("GET", "HEAD", "POST")
                self._sparql(url.query)
            elif path in ("/query", "/query/"):
                self._allow("GET", "HEAD")
                self._list_queries()
            elif path.startswith("/query/"):
                self._allow("GET", "HEAD")
                self._named_query(unquote(path[len("/query/") :]), url.query)
            elif path in ONTOLOGY_PATHS:
                self._allow("GET", "HEAD")
                self._ontology(path, url.query)
            else:
                raise Refused(404, f"nothing at {path}; the endpoint is /sparql")
        except Refused as refused:
            if self.command == "POST" and not self._body_read:
                # The unread body would be taken for the next request on this connection.
                self.close_connection = True
            self._send_text(refused.status, refused.message, getattr(refused, "headers", None))
        except Unavailable as unavailable:
            retry = unavailable.retry_after
            self._send_text(503, str(unavailable), {"Retry-After": str(retry)} if retry else None)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # noqa: BLE001 - the client gets a message, the log the traceback
            logger.exception("error answering %s %s", self.command, self.path)
            self.close_connection = True
            try:
                self._send_text(500, "internal error; the server log has the details")
            except OSError:
                pass
        finally:
            logger.debug("%s %s took %.3f s", self.command, self.path, time.monotonic() - started)

    def _allow(self, *methods: str) -> None:
        if self.command not in methods:
            self.close_connection = True
            path = urlsplit(self.path).path
            raise _Refused(
                405, f"{self.command} is not allowed on {path}", {"Allow": ", ".join(methods)}
            )

    @staticmethod
    def _parse_parameters(text: str) -> dict[str, list[str]]:
        try:
            return parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=200)
        except UnicodeDecodeError:
            raise Refused(400, "the parameters are not valid UTF-8") from None
        except ValueError:
            raise Refused(400, "too many parameters") from None

    # -- SPARQL protocol --------------------------------------------------------------------

    def _sparql(self, url_query: str) -> None:
        parameters = self._parse_parameters(url_query)
        text = None
        if self.command == "POST":
            media = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
            charset = re.search(r"charset\s*=\s*\"?([\w-]+)", self.headers.get("Content-Type", ""))
            if charset and charset.group(1).lower() not in ("utf-8", "utf8", "us-ascii"):
                self._drain(self._content_length())
                raise Refused(415, "send the body as UTF-8")
            if media == "application/sparql-update":
                self._drain(self._content_length())
                raise Refused(403, "this endpoint is read-only: SPARQL Update is not accepted")
            if media not in ("application/x-www-form-urlencoded", "application/sparql-query"):
                self._drain(self._content_length())
                raise Refused(
                    415,
                    "POST a query as application/sparql-query, or as "
                    "application/x-www-form-urlencoded with a query parameter",
                )
            body = self._read_body()
            if media == "application/sparql-query":
                text = self._decode(body)
                if "query" in parameters:
                    raise Refused(400, "give the query either in the body or in the URL, not both")
            else:
                form = self._parse_parameters(self._decode(body))
                for name, values in form.items():
                    parameters.setdefault(name, []).extend(values)
        check_parameters(parameters)
        if text is None:
            queries = parameters.get("query", [])
            if len(queries) > 1:
                raise Refused(400, "give one query parameter, not several")
            if not queries:
                if self.command == "POST":
                    raise Refused(400, "no query: send a query parameter or a query body")
                self._service_description()
                return
            text = queries[0]
        self._answer(Job(text, self.headers.get("Accept"), tuple(parameters.get("format", ()))))

    @staticmethod
    def _decode(body: bytes) -> str:
        try:
            return body.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError:
            raise Refused(400, "the request body is not valid UTF-8") from None

    def _answer(self, job: Job, page: int | None = None) -> None:
        """Refuse what the prescreen catches at once; send the rest to a worker, which returns
        at most ``page`` rows when given, else at most the row cap."""
        prescreen(job.text)
        settings = self.server.settings
        job = dataclasses.replace(job, row_cap=page or settings.row_cap)
        answer: Answer = self.server.pool.submit(job)
        headers = {"Vary": "Accept"}
        if answer.truncated is not None:
            headers["X-Cislib-Truncated"] = "true" if answer.truncated else "false"
            if answer.truncated and page is None:
                headers["X-Cislib-Row-Cap"] = str(settings.row_cap)
        self._send(answer.status, answer.content_type, answer.body, headers)

    def _service_description(self) -> None:
        fmt = negotiate(QueryKind.CONSTRUCT, self.headers.get("Accept"))
        host = self.headers.get("Host", "")
        base = f"http://{host}/" if _HOST.match(host) else self.server.url
        settings = self.server.settings
        service = ox.BlankNode("service")
        dataset = ox.BlankNode("dataset")
        default_graph = ox.BlankNode("defaultGraph")
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

        def sd(name: str) -> ox.NamedNode:
            return ox.NamedNode(SD + name)

        note = (
            "Read-only SPARQL 1.1 endpoint of cislib, the knowledge graph of library cooperation "
            "across the CIS. The default graph is the union of all graphs. SERVICE, FROM, "
            f"FROM NAMED and updates are refused; a query runs at most {settings.timeout_s:g} s "
            f"and returns at most {settings.row_cap} rows (X-Cislib-Truncated: true when cut)."
        )
        triples = [
            ox.Triple(service, rdf_type, sd("Service")),
            ox.Triple(service, sd("endpoint"), ox.NamedNode(base + "sparql")),
            ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
            ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")),
            ox.Triple(service, sd("defaultDataset"), dataset),
            ox.Triple(dataset, rdf_type, sd("Dataset")),
            ox.Triple(dataset, sd("defaultGraph"), default_graph),
            ox.Triple(default_graph, rdf_type, sd("Graph")),
            ox.Triple(
                service,
                ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
                ox.Literal(note, language="en"),
            ),
        ]
        triples.extend(
            ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS_NS + _FORMAT_IRIS[f.name]))
            for f in (*RESULT_FORMATS, *GRAPH_FORMATS)
        )
        prefixes = {"sd": SD, "formats": FORMATS_NS}
        self._send(200, fmt.content_type, write_graph(fmt, triples, prefixes), {"Vary": "Accept"})

    # -- the ontology -----------------------------------------------------------------------

    def _ontology(self, path: str, url_query: str) -> None:
        """The ontology as a page or as RDF, chosen by ``format`` or the Accept header."""
        parameters = self._parse_parameters(url_query)
        accept = self.headers.get("Accept")
        try:
            fmt = choose_format(
                ONTOLOGY_FORMATS, "the ontology", accept, parameters.get("format", ())
            )
        except Refused as refused:
            # A 406 depends on the Accept header as much as a 200 does.
            raise _Refused(refused.status, refused.message, {"Vary": "Accept"}) from None
        body, headers = ontology_document(fmt)
        alternates = ", ".join(
            f'<{path}?format={f.name}>; rel="alternate"; type="{f.media_type}"'
            for f in ONTOLOGY_FORMATS
            if f is not fmt
        )
        headers = {**headers, "Vary": "Accept", "Link": alternates}
        self._send(200, fmt.content_type, body, headers)

    # -- named queries ----------------------------------------------------------------------

    def _list_queries(self) -> None:
        listing = [
            {
                "name": query.name,
                "purpose": query.purpose,
                "parameters": list(query.parameters),
                "columns": list(query.columns),
                "url": "/query/" + quote(query.name),
            }
            for query in named_queries().values()
        ]
        body = json.dumps({"queries": listing}, ensure_ascii=False, indent=1).encode("utf-8")
        self._send(200, "application/json; charset=utf-8", body)

    def _named_query(self, name: str, url_query: str) -> None:
        """Run a named query; URL parameters are bound as ``cislib query --param`` binds them.

        ``lang`` is the language of labels (as ``cislib query --lang``): bound when the query
        takes it, English by default, ignored by queries without labels. ``format`` chooses
        the answer format. ``limit`` and ``offset`` ask for a page (as ``cislib query
        --limit/--offset``): at most ``limit`` rows (up to the row cap) after the first
        ``offset``, with ``X-Cislib-Truncated: true`` when more follow. Every other parameter
        must be one the query's header declares; declared parameters left out stay unbound,
        which the named queries read as "no filter".
        """
        try:
            query = load_query(name)
        except QueryError:
            raise Refused(404, f"no named query {name!r}; /query lists them") from None
        parameters = self._parse_parameters(url_query)
        check_parameters(parameters)
        formats = tuple(parameters.pop("format", ()))
        page = self._page(parameters)
        values = {}
        for parameter, given in parameters.items():
            if len(given) != 1:
                raise Refused(400, f"give the parameter {parameter!r} once")
            values[parameter] = given[0]
        if "lang" not in (parameter_descriptions(query) or {}):
            values.pop("lang", None)  # the language of labels: nothing to do without labels
        try:
            bindings = bind_parameters(query, values, lang="en")
        except QueryError as exc:
            raise Refused(400, str(exc)) from None
        if page is None:
            # a listing looks labels up for no more rows than the answer can hold (one more,
            # so that the worker still sees when it cuts); its items stay whole, as the page
            # is cut by the row cap only
            limit, offset, row_cap = self.server.settings.row_cap + 1, 0, None
            text, substituted = bound_text(query, bindings, limit, cut_items=False)
            whole = None
        else:
            limit, offset = page
            row_cap = limit
            # one row more than the page, so that the worker sees whether more follow
            text, substituted = bound_text(query, bindings, limit + 1, offset)
            # a listing cut at its items' end that comes back short is asked for again
            # (formats.short_page): the worker gets that text too
            whole = bound_text(query, bindings, limit + 1, offset, cut_items=False)[0]
            whole = whole if whole != text else None
        job = Job(
            text,
            self.headers.get("Accept"),
            formats,
            tuple(substituted.items()),
            hidden=tuple(sorted(set(query.parameters) - set(query.columns))),
            named=True,
            skip=0 if query.paged else offset,
            whole=whole,
        )
        self._answer(job, row_cap)

    def _page(self, parameters: dict[str, list[str]]) -> tuple[int, int] | None:
        """``(limit, offset)`` taken out of a named query's URL parameters, or None when the
        request asks for no page."""
        given = {name: parameters.pop(name) for name in ("limit", "offset") if name in parameters}
        if not given:
            return None
        numbers = {}
        for name, values in given.items():
            if len(values) != 1 or not re.fullmatch(r"[0-9]{1,9}", values[0]):
                raise Refused(400, f"{name} takes one whole number of 0 or more")
            numbers[name] = int(values[0])
        cap = self.server.settings.row_cap
        limit = numbers.get("limit", cap)
        if not 1 <= limit <= cap:
            raise Refused(400, f"limit takes a whole number from 1 to the row cap, {cap}")
        return limit, numbers.get("offset", 0)


def make_server(
    store_path: str | Path | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    timeout_s: float = 10,
    row_cap: int = 10_000,
    max_body: int = 1_000_000,
    workers: int = 2,
    queue: int = 8,
    memory_mb: int | None = 2048,
    isolate_network: bool = True,
) -> SparqlServer:
    """Bind the endpoint and start its workers, without serving yet.

    Args:
        store_path: the store folder (as built by ``cislib build``); None for the default
            (``$CISLIB_STORE`` or ``~/.local/share/cislib/store``).
        host: the address to listen on; loopback by default.
        port: the port; 0 picks a free one (see ``server.url``).
        timeout_s: the most seconds one query may take (checking, running, writing).
        row_cap: the most rows (or triples) in one answer.
        max_body: the largest request body accepted, in bytes.
        workers: how many queries run at once (one process each).
        queue: how many more queries may wait for a worker before the server answers 503.
        memory_mb: the address space of each worker process (None: unlimited); a query that
            needs more is stopped with a 503.
        isolate_network: run workers in an empty network namespace where the system allows
            it, a second wall behind the guard (tests turn it off to show the guard alone
            keeps every query inside the store).

    Returns:
        The server: call ``serve_forever()`` (in a thread in tests), then ``shutdown()`` and
        ``server_close()``.

    Raises:
        StoreError: there is no store at ``store_path``, or it cannot be opened (another
            cislib process is writing to it).
        CislibError: the address cannot be bound (port in use, no such address), or a limit
            is not positive.

    Example:
        >>> server = make_server("cislib-store", port=0, timeout_s=2)  # doctest: +SKIP
        >>> threading.Thread(target=server.serve_forever, daemon=True).start()  # doctest: +SKIP
    """
    if row_cap < 1 or max_body < 1 or timeout_s <= 0:
        raise CislibError("--timeout, --row-cap and the body limit must be positive")
    store_path = Path(store_path) if store_path else default_store_path()
    # Fail here, with the store's own message, before binding or starting anything.
    GraphStore.open(store_path).close()
    page, policy = _load_page()
    for fmt in (HTML, TURTLE):  # built once now rather than during a first visitor's request
        ontology_document(fmt)
    settings = Settings(float(timeout_s), int(row_cap), int(max_body), page, policy)
    try:
        server = SparqlServer((host, port), settings)
    except OSError as exc:
        raise CislibError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        server.pool = WorkerPool(
            str(store_path),
            workers=workers,
            queue=queue,
            timeout_s=timeout_s,
            memory_mb=memory_mb,
            isolate=isolate_network,
        )
    except BaseException:
        server.server_close()
        raise
    if isolate_network and not server.pool.isolated:
        logger.info("query workers keep network access (no network namespace available)")
    return server


def serve(
    store_path: str | Path | None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    timeout_s: float = 10,
    row_cap: int = 10_000,
    max_body: int = 1_000_000,
    workers: int = 2,
    queue: int = 8,
    memory_mb: int | None = 2048,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol until interrupted.

    Arguments are those of ``make_server``; ``on_ready`` is called with the base URL once the
    server listens (the command line prints it). Ctrl-C stops the server cleanly.

    Example:
        >>> serve("cislib-store", port=8000, on_ready=print)  # doctest: +SKIP
        http://127.0.0.1:8000/
    """
    server = make_server(
        store_path,
        host,
        port,
        timeout_s=timeout_s,
        row_cap=row_cap,
        max_body=max_body,
        workers=workers,
        queue=queue,
        memory_mb=memory_mb,
    )
    try:
        if on_ready:
            on_ready(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
