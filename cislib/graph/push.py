"""Copy the store to an external SPARQL store, named graph by named graph (``cislib push``).

Each named graph is sent with the SPARQL 1.1 Graph Store HTTP Protocol::

    PUT <graph store>?graph=<named graph IRI>      body: the graph as N-Triples (or Turtle)

PUT replaces the graph on the server, so running the push again converges on the same data
however often it ran, or stopped, before. After each PUT the triple count of that graph is read
back with a SPARQL query (POST, form-encoded) and compared with the store's; the push stops at
the first failure, and the :class:`PushReport` says which graphs were copied and verified, which
were copied but not verified, and which were not copied.

Where the graph store is: for Oxigraph server the SPARQL query endpoint is
``http://host:port/query`` and the graph store ``http://host:port/store``. When no graph store
URL is given it is derived from the endpoint by replacing the last path segment ``query`` with
``store`` (:func:`graph_store_url`); any other endpoint needs the graph store URL spelled out.

Credentials come from the arguments, else from user information in the endpoint URL
(``http://user:password@host/...``), else from ``CISLIB_PUSH_USER``/``CISLIB_PUSH_PASSWORD``
(HTTP Basic) or ``CISLIB_PUSH_TOKEN`` (Bearer). They are sent with every request and never
written into a message, exception, repr or log line: URLs are shown without their user
information, and every text that could echo a secret back is redacted.

Redirects are followed only to the same scheme, host and port (307 and 308, and 301 and 302,
re-sent with the same method and body); a redirect anywhere else stops the push, so neither the
data nor the credentials ever reach a host nobody named.

Only the standard library is used (urllib), so pushing adds no dependency.
"""

from __future__ import annotations

import base64
import enum
import http.client
import json
import logging
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from cislib import __version__
from cislib.errors import CislibError
from cislib.graph.export import to_ntriples, to_turtle
from cislib.graph.store import GraphStore
from cislib.graph.terms import DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH

log = logging.getLogger(__name__)

ENV_USER = "CISLIB_PUSH_USER"
ENV_PASSWORD = "CISLIB_PUSH_PASSWORD"
ENV_TOKEN = "CISLIB_PUSH_TOKEN"

#: Called after each graph is copied and verified with (done, total, graph IRI).
Progress = Callable[[int, int, str], None]

#: Body formats for the PUT requests: media type and writer (both deterministic).
BODY_FORMATS: dict[str, tuple[str, Callable[[Iterable[ox.Quad]], str]]] = {
    "nt": ("application/n-triples", to_ntriples),
    "turtle": ("text/turtle", to_turtle),
}

#: The count query. The graph IRI is pasted in because the protocol has no parameter binding;
#: it comes from a pyoxigraph ``NamedNode``, which only holds valid IRIs, so it cannot close the
#: ``<...>`` early and inject anything.
COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"

#: Statuses meaning a PUT was applied (201 created, 204 replaced; 200 from some servers).
#: 202 Accepted is not among them: the graph may not be there yet, so it cannot be verified.
PUT_OK = frozenset({200, 201, 204})
#: Redirects re-sent with the same method and body when they stay on the same origin.
REDIRECTS = frozenset({301, 302, 307, 308})
MAX_REDIRECTS = 5
#: How much of an error body goes into a message: enough for the server's reason.
DETAIL_CHARS = 200

_HINTS = {
    401: "the endpoint wants credentials, or refused the ones given",
    403: "the credentials given may not write there",
    404: "not found: check the endpoint and graph store URLs",
    405: "method not allowed: is the graph store URL right, and writable?",
    413: "the graph is too large for the server",
}


class PushError(CislibError):
    """A push stopped before every graph was copied and verified.

    Attributes:
        report: the :class:`PushReport` up to the failure: which graphs were copied and
            verified, which were copied but not verified, and which were not copied.
    """

    exit_code = 4

    def __init__(self, message: str, report: PushReport | None = None):
        super().__init__(message)
        self.report = report


class GraphState(enum.StrEnum):
    """Where one graph got to in a push."""

    VERIFIED = "verified"  # written, and the endpoint counts as many triples as the store
    UNVERIFIED = "unverified"  # written, but the count check failed or did not match
    FAILED = "failed"  # the write itself failed
    PENDING = "pending"  # not tried: the push stopped before it


@dataclass
class GraphPush:
    """One named graph in a push: its IRI, its size in the store, and where it got to."""

    graph: str
    triples: int
    state: GraphState = GraphState.PENDING
    remote_triples: int | None = None


@dataclass
class PushReport:
    """What a push did, graph by graph, in push order. Holds no credentials.

    Attributes:
        endpoint: the SPARQL query endpoint (without user information).
        graph_store: the Graph Store Protocol URL (without user information).
        graphs: every graph of the store, in the order they were (or would have been) pushed.
        error: why the push stopped, or None when every graph was copied and verified.
        http_status: the HTTP status of the failed request, when there was one.
        seconds: how long the push took.
    """

    endpoint: str
    graph_store: str
    graphs: list[GraphPush] = field(default_factory=list)
    error: str | None = None
    http_status: int | None = None
    seconds: float = 0.0

    def _in(self, *states: GraphState) -> list[str]:
        return [g.graph for g in self.graphs if g.state in states]

    @property
    def ok(self) -> bool:
        """True when every graph was copied and verified."""
        return self.error is None and all(g.state is GraphState.VERIFIED for g in self.graphs)

    @property
    def verified(self) -> list[str]:
        """Graphs copied and verified by their triple count."""
        return self._in(GraphState.VERIFIED)

    @property
    def copied(self) -> list[str]:
        """Graphs the server accepted, verified or not."""
        return self._in(GraphState.VERIFIED, GraphState.UNVERIFIED)

    @property
    def unverified(self) -> list[str]:
        """Graphs the server accepted whose triple count could not be confirmed."""
        return self._in(GraphState.UNVERIFIED)

    @property
    def not_copied(self) -> list[str]:
        """Graphs whose write failed or was never tried."""
        return self._in(GraphState.FAILED, GraphState.PENDING)

    @property
    def triples(self) -> int:
        """Triples in the verified graphs."""
        return sum(g.triples for g in self.graphs if g.state is GraphState.VERIFIED)

    def to_text(self) -> str:
        """A few lines for people: totals, the error, and the graphs not copied."""
        lines = [
            f"Pushed {len(self.verified)} of {len(self.graphs)} graphs ({self.triples} triples) "
            f"to {self.graph_store} in {self.seconds:.1f} s."
        ]
        if self.error:
            lines.append(f"Stopped: {self.error}")
        lines += [f"  copied, not verified: {g}" for g in self.unverified]
        lines += [f"  not copied: {g}" for g in self.not_copied]
        return "\n".join(lines)


# -- URLs and credentials ---------------------------------------------------------------------


def _without_userinfo(netloc: str) -> str:
    return netloc.rpartition("@")[2]


def scrub_url(url: str) -> str:
    """The URL with any ``user:password@`` removed, for messages.

    Example:
        >>> scrub_url("http://ann:secret@example.org:7878/query")
        'http://example.org:7878/query'
    """
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<an unreadable URL>"
    return urllib.parse.urlunsplit(parts._replace(netloc=_without_userinfo(parts.netloc)))


def _parse_url(url: str, what: str) -> tuple[str, str | None, str | None]:
    """Split an http(s) URL into the URL without user information, the user and the password."""
    clean = scrub_url(url)
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        raise PushError(f"the {what} {clean} is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        # Anything else would let urllib read local files (file:) or other protocols.
        raise PushError(f"the {what} {clean} is not an http:// or https:// URL")
    user = urllib.parse.unquote(parts.username) if parts.username is not None else None
    password = urllib.parse.unquote(parts.password) if parts.password is not None else None
    return clean, user, password


def graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL that goes with a SPARQL query endpoint.

    The rule is Oxigraph server's layout: the last path segment ``query`` becomes ``store``
    (``http://host:7878/query`` -> ``http://host:7878/store``). Other servers name their
    graph store differently (Fuseki ``/ds/data``, GraphDB ``.../rdf-graphs/service``), so for
    them the URL has to be given.

    Raises:
        PushError: the endpoint does not end in ``/query``, or has a query string.

    Example:
        >>> graph_store_url("http://127.0.0.1:7878/query")
        'http://127.0.0.1:7878/store'
    """
    clean, _, _ = _parse_url(endpoint, "endpoint")
    parts = urllib.parse.urlsplit(clean)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last != "query" or parts.query or parts.fragment:
        raise PushError(
            f"cannot tell the graph store URL from the endpoint {clean} (only .../query "
            "becomes .../store, as on Oxigraph server); give the graph store URL as well"
        )
    return urllib.parse.urlunsplit(parts._replace(path=f"{head}/store", query="", fragment=""))


class _Credentials:
    """The Authorization header, and the secrets to redact from any text shown to anyone."""

    __slots__ = ("header", "_secrets", "kind")

    def __init__(self, header: str | None, secrets: Iterable[str], kind: str):
        self.header = header
        self.kind = kind
        # Longest first, so a secret containing another is removed whole.
        forms = set()
        for secret in secrets:
            if secret:
                forms |= {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote(secret)}
        self._secrets = sorted(forms, key=len, reverse=True)

    def __repr__(self) -> str:
        return f"<credentials: {self.kind}>"

    def redact(self, text: str) -> str:
        """The text with every secret replaced by ``***``."""
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text


def _credentials(
    user: str | None,
    password: str | None,
    token: str | None,
    url_user: str | None,
    url_password: str | None,
) -> _Credentials:
    # One source wins whole: mixing a user from the arguments with a password from the
    # environment would send a pair nobody chose.
    if user is None and password is None and token is None:
        if url_user is not None or url_password is not None:
            user, password = url_user or "", url_password
        else:
            user = os.environ.get(ENV_USER) or None
            password = os.environ.get(ENV_PASSWORD) or None
            token = os.environ.get(ENV_TOKEN) or None
    if token and (user or password):
        raise PushError("give either a token or a user and password, not both")
    if token:
        return _Credentials(f"Bearer {token}", [token], "bearer")
    if password is not None and not user:
        raise PushError(f"a password was given without a user (set --user or {ENV_USER})")
    if user:
        if password is None:
            raise PushError(f"user {user!r} has no password (set --password or {ENV_PASSWORD})")
        basic = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
        return _Credentials(f"Basic {basic}", [password, basic], "basic")
    return _Credentials(None, [], "none")


# -- HTTP -------------------------------------------------------------------------------------


class _Failure(Exception):
    """One request failed: what happened (already redacted) and the HTTP status, if any."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.status = status


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Turn every redirect into an HTTPError, so the client decides whether to follow it."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _origin(url: str) -> tuple[str, str, int]:
    parts = urllib.parse.urlsplit(url)
    default = 443 if parts.scheme == "https" else 80
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


def _describe(reason: object) -> str:
    if isinstance(reason, TimeoutError):
        return "no answer (timed out)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "connection reset by the server"
    if isinstance(reason, socket.gaierror):
        return "unknown host"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


class _Client:
    def __init__(self, credentials: _Credentials, timeout_s: float):
        self.credentials = credentials
        self.timeout_s = timeout_s
        self.opener = urllib.request.build_opener(_NoRedirect)

    def _detail(self, body: bytes) -> str:
        text = " ".join(body.decode("utf-8", "replace").split())[:DETAIL_CHARS]
        return f": {self.credentials.redact(text)}" if text else ""

    def send(
        self, method: str, url: str, body: bytes, headers: dict[str, str]
    ) -> tuple[int, bytes]:
        """Send one request, following same-origin redirects; raise _Failure on any failure."""
        redact = self.credentials.redact
        headers = {"User-Agent": f"cislib/{__version__} (push)", **headers}
        if self.credentials.header:
            headers["Authorization"] = self.credentials.header
        origin = _origin(url)
        for _ in range(MAX_REDIRECTS + 1):
            shown = redact(scrub_url(url))
            request = urllib.request.Request(url, data=body, headers=headers, method=method)
            try:
                with self.opener.open(request, timeout=self.timeout_s) as response:
                    status, answer = response.status, response.read()
                log.debug("%s %s -> HTTP %s", method, shown, status)
                return status, answer
            except urllib.error.HTTPError as exc:
                status, location = exc.code, exc.headers.get("Location")
                detail = self._detail(exc.read(4 * DETAIL_CHARS) if exc.fp else b"")
                exc.close()
                log.debug("%s %s -> HTTP %s", method, shown, status)
                if status in REDIRECTS and location:
                    target = urllib.parse.urljoin(url, location)
                    target_parts = urllib.parse.urlsplit(target)
                    # Drop user information a server put in Location: ours travel in a header.
                    target = urllib.parse.urlunsplit(
                        target_parts._replace(netloc=_without_userinfo(target_parts.netloc))
                    )
                    if _origin(target) != origin:
                        raise _Failure(
                            f"{method} {shown}: HTTP {status} redirects to another host "
                            f"({redact(scrub_url(target))}); not followed",
                            status,
                        ) from None
                    url = target
                    continue
                hint = _HINTS.get(status) or ("server error" if status >= 500 else "")
                hint = f" ({hint})" if hint else ""
                raise _Failure(
                    redact(f"{method} {shown}: HTTP {status} {exc.reason}{hint}{detail}"), status
                ) from None
            except urllib.error.URLError as exc:
                raise _Failure(f"{method} {shown}: {redact(_describe(exc.reason))}") from None
            except (http.client.HTTPException, OSError, ValueError) as exc:
                # Timeouts and resets while reading the answer arrive here, not as URLError.
                raise _Failure(f"{method} {shown}: {redact(_describe(exc))}") from None
        raise _Failure(f"{method} {redact(scrub_url(url))}: more than {MAX_REDIRECTS} redirects")

    def count(self, endpoint: str, graph: ox.NamedNode) -> int:
        """The number of triples the endpoint holds in one named graph."""
        form = urllib.parse.urlencode({"query": COUNT_QUERY.format(graph=graph)}).encode()
        status, answer = self.send(
            "POST",
            endpoint,
            form,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
            },
        )
        shown = self.credentials.redact(scrub_url(endpoint))
        if status != 200:
            # 206 Partial Content (or any other 2xx) cannot prove a count.
            raise _Failure(f"POST {shown}: HTTP {status} to the count query, not 200", status)
        try:
            value = json.loads(answer)["results"]["bindings"][0]["n"]["value"]
            return int(value)
        except (ValueError, KeyError, IndexError, TypeError):
            raise _Failure(
                f"POST {shown}: the answer to the count query is not a SPARQL JSON result "
                "with one integer",
                status,
            ) from None


# -- the push ---------------------------------------------------------------------------------


def push_order(store: GraphStore) -> list[ox.NamedNode]:
    """The named graphs a push sends, in order: ontology, reference, reports, derived.

    The derived graph goes last because it is computed from the others; a push stopped
    midway then never leaves derived facts on the server without what they derive from
    having been sent first. Only graphs present in the store are listed; the default graph
    is not pushed (the store keeps nothing there).
    """
    present = set(store.oxigraph.named_graphs())
    order = [ONTOLOGY_GRAPH, REFERENCE_GRAPH, *store.report_graphs(), DERIVED_GRAPH]
    return [g for g in order if g in present]


def _with_graph(graph_store: str, graph: ox.NamedNode) -> str:
    joiner = "&" if urllib.parse.urlsplit(graph_store).query else "?"
    return f"{graph_store}{joiner}{urllib.parse.urlencode({'graph': graph.value})}"


def push(
    store: GraphStore,
    endpoint: str,
    graph_store: str | None = None,
    *,
    user: str | None = None,
    password: str | None = None,
    token: str | None = None,
    timeout_s: float = 30,
    progress: Progress | None = None,
    body_format: str = "nt",
) -> PushReport:
    """Copy every named graph of the store to an external SPARQL store and verify it.

    For each graph (in :func:`push_order`): ``PUT <graph_store>?graph=<IRI>`` with the graph
    as N-Triples, then ``SELECT (COUNT(*) AS ?n) WHERE { GRAPH <IRI> { ?s ?p ?o } }`` on the
    endpoint, which must equal the store's count. PUT replaces the graph, so pushing again
    converges. Graphs on the server that the store no longer has are left alone.

    Args:
        store: the store to copy (a reader is enough).
        endpoint: the SPARQL query endpoint, e.g. ``http://127.0.0.1:7878/query``.
        graph_store: the Graph Store Protocol URL; derived from ``endpoint`` when None
            (see :func:`graph_store_url`).
        user: user name for HTTP Basic authentication.
        password: password for HTTP Basic authentication.
        token: token for Bearer authentication (instead of a user and password).
            When none of the three is given, user information in the endpoint URL is used,
            else ``CISLIB_PUSH_USER``/``CISLIB_PUSH_PASSWORD`` or ``CISLIB_PUSH_TOKEN``.
        timeout_s: seconds to wait for each network operation (connect, each read).
        progress: called after each verified graph with (done, total, graph IRI).
        body_format: ``"nt"`` (N-Triples, the default) or ``"turtle"``.

    Returns:
        The report; ``report.ok`` is True.

    Raises:
        PushError: a URL or the credentials are unusable (``report`` is None), or the push
            stopped (connection refused, timeout, HTTP error, redirect to another host, a
            partial or unreadable count, a count mismatch); ``report`` then says which graphs
            were copied and verified and which were not. The message names the endpoint and
            the HTTP status; it never holds a credential.

    Example:
        >>> with GraphStore.open() as store:  # doctest: +SKIP
        ...     report = push(store, "http://127.0.0.1:7878/query")
        >>> report.verified  # doctest: +SKIP
        ['https://w3id.org/cislib/id/graph/ontology', ...]
    """
    started = time.monotonic()
    if body_format not in BODY_FORMATS:
        raise PushError(f"unknown body format {body_format!r}; choose one of nt, turtle")
    if not timeout_s or timeout_s <= 0:
        raise PushError("the timeout must be a positive number of seconds")
    endpoint_url, url_user, url_password = _parse_url(endpoint, "endpoint")
    if graph_store is None:
        store_url = graph_store_url(endpoint_url)
    else:
        store_url, store_user, store_password = _parse_url(graph_store, "graph store URL")
        if url_user is None and url_password is None:
            url_user, url_password = store_user, store_password
    credentials = _credentials(user, password, token, url_user, url_password)
    redact = credentials.redact
    media_type, writer = BODY_FORMATS[body_format]
    client = _Client(credentials, timeout_s)
    report = PushReport(
        endpoint=redact(endpoint_url),
        graph_store=redact(store_url),
        graphs=[GraphPush(g.value, store.count(g)) for g in push_order(store)],
    )
    total = len(report.graphs)
    log.info("pushing %d graphs to %s", total, report.graph_store)

    def stop(number: int, item: GraphPush, failure: _Failure) -> PushError:
        report.error, report.http_status = failure.message, failure.status
        report.seconds = time.monotonic() - started
        status = f"HTTP {failure.status}" if failure.status is not None else "no HTTP status"
        unverified = ", 1 copied but not verified" if item.state is GraphState.UNVERIFIED else ""
        message = redact(
            f"push to {report.endpoint} stopped at graph {number} of {total} <{item.graph}> "
            f"({status}): {failure.message}; {len(report.verified)} of {total} graphs copied "
            f"and verified{unverified}, {len(report.not_copied)} not copied"
        )
        log.warning("%s", message)
        return PushError(message, report)

    for number, item in enumerate(report.graphs, 1):
        graph = ox.NamedNode(item.graph)
        body = writer(store.quads(graph)).encode("utf-8")
        try:
            status, answer = client.send(
                "PUT", _with_graph(store_url, graph), body, {"Content-Type": media_type}
            )
        except _Failure as failure:
            item.state = GraphState.FAILED
            raise stop(number, item, failure) from None
        if status not in PUT_OK:
            item.state = GraphState.FAILED
            failure = _Failure(
                f"PUT {report.graph_store}: HTTP {status}, not one of 200, 201, 204; the graph "
                "may not be stored yet",
                status,
            )
            raise stop(number, item, failure) from None
        item.state = GraphState.UNVERIFIED
        try:
            item.remote_triples = client.count(endpoint_url, graph)
        except _Failure as failure:
            raise stop(number, item, failure) from None
        if item.remote_triples != item.triples:
            failure = _Failure(
                f"the endpoint counts {item.remote_triples} triples in <{item.graph}>, "
                f"the store {item.triples}",
                200,
            )
            raise stop(number, item, failure) from None
        item.state = GraphState.VERIFIED
        log.info("pushed <%s>: %d triples, verified", item.graph, item.triples)
        if progress:
            progress(number, total, item.graph)
    report.seconds = time.monotonic() - started
    log.info("pushed %d graphs (%d triples) in %.2f s", total, report.triples, report.seconds)
    return report
