"""Running a query on any SPARQL 1.1 endpoint, with the same result as on the local store.

SPARQLWrapper has no engine binding, so parameters travel as a ``VALUES`` block placed at the
start of the query's WHERE clause; its terms are written by pyoxigraph (N-Triples syntax, with
escaping), never pasted from user text. The block opens the WHERE clause rather than trailing
the query because a trailing ``VALUES`` is joined after the WHERE clause is evaluated, when its
filters have already run without the parameters.

The named queries read the union of all graphs as the default graph (as the local store does):
point this at an endpoint that does the same (Fuseki with ``tdb2:unionDefaultGraph true``,
GraphDB, Virtuoso), or results will miss what is in named graphs.

Example:
    >>> result = run_remote("https://example.org/sparql", "countries", lang="ru")  # doctest: +SKIP
"""

from __future__ import annotations

import ast
import http.client
import json
import urllib.error
from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from cislib.errors import QueryError
from cislib.queries import NamedQuery
from cislib.queries.formats import (
    QueryResult,
    bind_parameters,
    check_page,
    page_of,
    query_form,
    resolve_query,
    short_page,
    values_block,  # noqa: F401 - part of this module's interface
    visible_columns,
    with_page,
    with_values,
)

#: Seconds to wait for an endpoint's answer.
DEFAULT_TIMEOUT = 30.0

_STATUS = {
    QueryBadFormed: 400,
    Unauthorized: 401,
    EndPointNotFound: 404,
    URITooLong: 414,
    EndPointInternalError: 500,
}


def run_remote(
    endpoint: str,
    text_or_named: NamedQuery | str | Path,
    params: Mapping[str, object] | None = None,
    lang: str | None = "en",
    timeout: float = DEFAULT_TIMEOUT,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run a SELECT (or ASK) query on a SPARQL 1.1 endpoint.

    Parameters are checked and typed as for ``run_query``; the result has the same columns
    (parameter echoes left out) and rows of pyoxigraph terms, so ``render`` treats it alike.
    ``limit`` and ``offset`` give a page of the rows as for ``run_query``.

    Raises:
        QueryError: unknown query or parameters, a CONSTRUCT or DESCRIBE query, an endpoint
            that cannot be reached, answers with an HTTP error or a partial result (206), does
            not answer within ``timeout`` seconds, or does not answer in SPARQL JSON. The message
            names the endpoint and, when there is one, the HTTP status.
    """
    query = resolve_query(text_or_named)
    bindings = bind_parameters(query, params, lang)
    form = query_form(query.text)
    if form not in ("SELECT", "ASK"):
        raise QueryError(
            f"query {query.name}: endpoints run SELECT and ASK queries here, not {form}"
        )
    check_page(limit, offset)
    text = with_values(query.portable, bindings)
    result = _run_text(query, form, with_page(text, limit, offset), endpoint, timeout)
    if short_page(query, limit, result.rows):
        whole = with_page(text, limit, offset, cut_items=False)
        result = _run_text(query, form, whole, endpoint, timeout)
    if not query.paged:
        result.rows = list(page_of(result.rows, limit, offset))
    return result


def _run_text(query: NamedQuery, form: str, text: str, endpoint: str, timeout: float):
    wrapper = SPARQLWrapper(endpoint)
    wrapper.setQuery(text)
    # SPARQLWrapper guesses the form with a regex that misses every other comment line (and
    # then may take a "describe" in a comment for the form); we know it.
    wrapper.queryType = form
    wrapper.setMethod(POST)
    wrapper.setReturnFormat(JSON)
    # setTimeout() keeps whole seconds only; the attribute takes any number.
    wrapper.timeout = timeout
    data = _fetch(wrapper, endpoint, timeout)
    return _result(query, form, data, endpoint)


def _fetch(wrapper: SPARQLWrapper, endpoint: str, timeout: float) -> dict:
    try:
        response = wrapper.query().response
        status = getattr(response, "status", None) or response.getcode()
        if status == 206:
            raise QueryError(
                f"{endpoint}: HTTP 206: the endpoint returned a partial result "
                "(it hit a time or size limit); refusing incomplete rows"
            )
        body = response.read()
    except QueryError:
        raise
    except SPARQLWrapperException as exc:
        status = _STATUS.get(type(exc))
        code = f"HTTP {status}" if status else "error"
        raise QueryError(f"{endpoint}: {code}: {_server_message(exc)}") from None
    except urllib.error.HTTPError as exc:
        raise QueryError(f"{endpoint}: HTTP {exc.code}: {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise QueryError(f"{endpoint}: no answer within {timeout:g} s") from None
        raise QueryError(f"{endpoint}: cannot reach the endpoint: {reason}") from None
    except TimeoutError:
        raise QueryError(f"{endpoint}: no answer within {timeout:g} s") from None
    except (http.client.HTTPException, OSError) as exc:
        raise QueryError(
            f"{endpoint}: the connection failed: {exc or type(exc).__name__}"
        ) from None
    except ValueError as exc:
        raise QueryError(f"{endpoint}: not a usable endpoint URL: {exc}") from None
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise QueryError(
            f"{endpoint}: HTTP {status}: the answer is not SPARQL JSON results"
        ) from None
    if not isinstance(data, dict):
        raise QueryError(f"{endpoint}: HTTP {status}: the answer is not SPARQL JSON results")
    return data


def _server_message(exc: SPARQLWrapperException) -> str:
    """The first line of what the server said, when SPARQLWrapper kept it."""
    text = str(exc)
    message = text.split(":", 1)[-1].split("\n", 1)[0].strip()
    if "Response:\n" in text:
        raw = text.split("Response:\n", 1)[1].strip()
        try:
            said = ast.literal_eval(raw)
            said = said.decode("utf-8", "replace") if isinstance(said, bytes) else str(said)
        except (ValueError, SyntaxError):
            said = raw
        first = next((line.strip() for line in said.splitlines() if line.strip()), "")
        if first:
            message = first if len(first) <= 300 else first[:297] + "..."
    return message


def _term(binding: dict, endpoint: str):
    kind = binding.get("type")
    value = binding.get("value", "")
    try:
        if kind == "uri":
            return ox.NamedNode(value)
        if kind == "bnode":
            return ox.BlankNode(value) if value else ox.BlankNode()
        if kind in ("literal", "typed-literal"):
            if binding.get("xml:lang"):
                return ox.Literal(value, language=binding["xml:lang"])
            if binding.get("datatype"):
                return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
            return ox.Literal(value)
    except (ValueError, TypeError) as exc:
        raise QueryError(f"{endpoint}: the answer holds a malformed term: {exc}") from None
    return None


def _result(query: NamedQuery, form: str, data: dict, endpoint: str) -> QueryResult:
    if form == "ASK":
        if not isinstance(data.get("boolean"), bool):
            raise QueryError(f"{endpoint}: the answer to an ASK query holds no boolean")
        return QueryResult(form="ASK", boolean=data["boolean"], query=query.name)
    try:
        variables = list(data["head"]["vars"])
        bindings = list(data["results"]["bindings"])
    except (KeyError, TypeError):
        raise QueryError(f"{endpoint}: the answer is not SPARQL JSON results") from None
    columns = visible_columns(query, variables)
    rows = [
        {c: _term(row[c], endpoint) if isinstance(row.get(c), dict) else None for c in columns}
        for row in bindings
    ]
    return QueryResult(form="SELECT", columns=columns, rows=rows, query=query.name)
