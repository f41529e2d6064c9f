"""The worker process: opens the store read-only itself, checks and runs one query at a time.

Queries run here rather than in the server because an Oxigraph query cannot be interrupted
from inside the process that runs it: the server enforces the time limit by killing the worker
and starting another. The full guard (``check_query``, whose rdflib parse can itself take
seconds on a crafted text) runs here too, so it is under the same time limit.

Workers are forked from a forkserver that has imported this module (and with it pyoxigraph,
rdflib's SPARQL grammar and cislib's store), so a replacement is ready in milliseconds.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import logging
import os
import resource
import signal
from dataclasses import dataclass

import pyoxigraph as ox

from cislib.errors import CislibError
from cislib.graph.export import PREFIXES
from cislib.graph.store import GraphStore
from cislib.queries.formats import query_form
from cislib.serve.formats import negotiate, write_boolean, write_graph, write_table
from cislib.serve.guard import QueryKind, Refused, check_query, prescreen

logger = logging.getLogger(__name__)

_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000


@dataclass(frozen=True)
class Job:
    """One query for a worker.

    Attributes:
        text: the query text.
        accept: the request's Accept header.
        formats: the values of the request's ``format`` parameter.
        bindings: ``(variable, term)`` pairs the engine substitutes (named-query parameters).
        hidden: projected variables to leave out of a SELECT answer (named queries project
            their parameters, and their echoes are not columns).
        named: the text is a named query of the package. Those are checked by the test suite
            (every one passes ``check_query``), so here they get only the lexical belt: the
            rdflib parse of a large named query costs a second.
        row_cap: the most rows (or triples) to return.
        skip: rows to pass over before the first returned (a page of a named query that is
            no listing; a listing's page is cut in its text).
        whole: the text to run instead when the answer comes back within ``row_cap``: a
            listing's page cut at its items' end, which may have lost rows to items that gave
            none (``cislib.queries.formats.short_page``).
    """

    text: str
    accept: str | None = None
    formats: tuple[str, ...] = ()
    bindings: tuple[tuple[str, ox.NamedNode | ox.Literal], ...] = ()
    hidden: tuple[str, ...] = ()
    named: bool = False
    row_cap: int = 10_000
    skip: int = 0
    whole: str | None = None


@dataclass(frozen=True)
class Answer:
    """What the server sends back: status, content type, body and the truncation flag."""

    status: int
    content_type: str
    body: bytes
    truncated: bool | None = None

    @classmethod
    def text(cls, status: int, message: str) -> Answer:
        """A plain-text answer, for errors."""
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


def isolate_network() -> bool:
    """Move this process into a new, empty network namespace, if the system allows it.

    A second wall behind the guard: with no network interface but a down loopback, no query
    this process runs can reach any host, whatever the guard missed. Tried first as is (works
    for root) and then inside a new user namespace (works for ordinary users where
    unprivileged user namespaces are enabled); must run before the process starts threads.

    Returns:
        True when the process now has no network.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return False
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True
    return False


def _warm_up() -> None:
    # The first parse with rdflib's grammar costs ~50 ms of one-off setup; paid here, at import
    # in the forkserver, every worker forked from it starts warm.
    try:
        check_query("ASK { ?s ?p ?o }")
    except Refused:
        pass


_warm_up()


# A worker answers the same texts again and again (a page, a dashboard, a partner's script);
# the check is pure, so its verdict on a text can be kept.
_checked = functools.lru_cache(maxsize=512)(check_query)


def _kind(job: Job) -> QueryKind:
    if job.named:
        prescreen(job.text)
        return QueryKind(query_form(job.text))
    return _checked(job.text)


def run_job(store: GraphStore, job: Job) -> Answer:
    """Check a query, run it, and write the answer; every failure becomes an error answer.

    Args:
        store: the store, opened read-only.
        job: the query and how to answer it.

    Returns:
        The answer (never raises for a bad query: the message goes to the client).
    """
    try:
        kind = _kind(job)
        fmt = negotiate(kind, job.accept, job.formats)
    except Refused as refused:
        return Answer.text(refused.status, refused.message)
    bindings = dict(job.bindings)
    try:
        result = store.query(job.text, bindings)
        if kind is QueryKind.ASK:
            return Answer(200, fmt.content_type, write_boolean(fmt, result), False)
        if kind.returns_graph:
            triples = []
            for triple in result:
                if len(triples) == job.row_cap:
                    return Answer(200, fmt.content_type, write_graph(fmt, triples, PREFIXES), True)
                triples.append(triple)
            return Answer(200, fmt.content_type, write_graph(fmt, triples, PREFIXES), False)
        variables = [v.value for v in result.variables]
        variables = [v for v in variables if v not in job.hidden]
        rows, truncated = _read_rows(result, variables, job)
        if job.whole and not truncated:
            rows, truncated = _read_rows(store.query(job.whole, bindings), variables, job)
        body = write_table(fmt, variables, rows, truncated)
        return Answer(200, fmt.content_type, body, truncated)
    except SyntaxError as exc:
        # rdflib accepted what Oxigraph does not: Oxigraph's message is precise and safe.
        return Answer.text(400, f"the query does not parse: {exc}")
    except Exception as exc:  # noqa: BLE001 - the client gets a message, never a traceback
        logger.exception("query failed")
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return Answer.text(500, f"the query failed: {message}")


def _read_rows(result, variables: list[str], job: Job) -> tuple[list[list], bool]:
    """The rows of a SELECT answer after ``job.skip``, at most ``job.row_cap`` of them, and
    whether more followed."""
    rows = []
    for solution in itertools.islice(result, job.skip, None):
        if len(rows) == job.row_cap:
            return rows, True
        rows.append([solution[name] for name in variables])
    return rows, False


def worker_main(
    connection, store_path: str, isolate: bool = True, memory_mb: int | None = None
) -> None:
    """The body of a worker process: open the store, then answer jobs until the pipe closes.

    Sends ``("ready", isolated)`` once the store is open, or ``("error", message)`` when it
    cannot be opened, then one ``Answer`` per ``Job`` received.

    Args:
        connection: this end of a ``multiprocessing.Pipe``.
        store_path: the store folder.
        isolate: try to drop network access first (see ``isolate_network``).
        memory_mb: the address space this process may use, or None for no limit. A query
            can build huge strings fast (CONCAT doubling a value in a chain of BINDs reaches
            gigabytes within the time limit); with the limit the allocation fails, the worker
            dies, and the server answers 503 and starts another.
    """
    # Ctrl-C in the terminal reaches the whole process group; the server decides when
    # workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    isolated = isolate_network() if isolate else False
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        # Running out is expected here: one line on stderr, not a Rust backtrace per query.
        os.environ["RUST_BACKTRACE"] = "0"
    try:
        store = GraphStore.open(store_path)
    except CislibError as exc:
        connection.send(("error", str(exc)))
        return
    connection.send(("ready", isolated))
    try:
        while True:
            try:
                job = connection.recv()
            except (EOFError, OSError):
                break
            if job is None:
                break
            connection.send(run_job(store, job))
    finally:
        store.close()
        os._exit(0)  # skip interpreter teardown: nothing to flush, and it is faster
