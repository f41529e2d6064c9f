"""Running a query (named, from a file, or inline) on the store, and rendering its result.

``run_query`` decides the query form from what the engine returns (solutions, a boolean or
triples) and gives back a ``QueryResult``; ``render`` turns it into text in one of ``FORMATS``.
The same ``QueryResult`` comes back from a remote endpoint (``cislib.queries.remote``), so both
render alike.

Parameters are bound by the engine (bundled queries: as a ``VALUES`` block of terms that
pyoxigraph serialises, see ``cislib.queries``), never pasted into the query text as written
by a user. A value given as a string
becomes an IRI when it looks like an absolute IRI (``http:``, ``https:``, ``urn:``), an
``xsd:integer`` when it is all digits, and a plain literal otherwise. A query accepts only the
parameters its ``# parameters:`` header names; one whose description starts with "IRI" (as in
"IRI of the event", unlike "IRI or name") accepts only IRIs. ``lang`` is bound to the language
asked for (default ``en``) whenever the query takes it and it was not given.

Conventions of the named queries that this runner relies on:

- Oxigraph substitutes a variable only when it is in the SELECT projection, so every parameter
  is projected; the runner leaves a parameter's echo out of the result unless the query's
  ``# columns:`` header lists it.
- An unbound parameter means "no filter", written
  ``FILTER(IF(sameTerm(COALESCE(?p, false), false), true, <test>))``. ``!BOUND(?p) || <test>``
  does not work: Oxigraph folds ``BOUND(?p)`` of a variable the pattern never binds to false
  before substituting ``?p``, so the filter would never apply.
- Parameters appear in triple patterns anywhere, but in expressions (FILTER, BIND) only at the
  top level of the WHERE clause, in an OPTIONAL's own filter, or inside EXISTS; never in a
  subquery. A remote endpoint gets them as a VALUES block at the start of the WHERE clause, and
  under SPARQL's bottom-up evaluation a nested group or subquery would not see them. A listing
  query (``NamedQuery.paged``) uses them in its rows subquery instead, which that block opens
  and which projects them for the rest of the query.
- An optional node whose label is looked up gets a key that is always bound
  (``BIND(COALESCE(?node, "") AS ?node_key)``): an OPTIONAL joined on an unbound variable would
  match the labels of every node in the store.

Example:
    >>> result = run_query(store, "events", {"year": "2021"}, lang="ru")  # doctest: +SKIP
    >>> print(render(result, "csv"))  # doctest: +SKIP
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from cislib.errors import QueryError
from cislib.graph.export import PREFIXES, to_trig, to_turtle
from cislib.graph.store import GraphStore
from cislib.queries import PAGE_END_MARK, PAGE_MARK, NamedQuery, load_query, parse_query_file

FORMATS = ("table", "csv", "tsv", "json", "jsonl", "turtle", "trig")
#: Rows a page holds unless asked otherwise (``cislib query`` shows a table's first page).
DEFAULT_PAGE = 100
#: Formats for rows (SELECT; ASK and graph results are shown as rows too).
ROW_FORMATS = ("table", "csv", "tsv", "json", "jsonl")
#: Formats for graphs (CONSTRUCT and DESCRIBE only).
GRAPH_FORMATS = ("turtle", "trig")
#: The query forms, as ``QueryResult.form``.
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

_XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER = ox.NamedNode(_XSD + "integer")
_INTEGER_TYPES = {
    _XSD + name
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
}
_PLAIN_TYPES = {_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_IRI_VALUE = re.compile(r"^(?:https?|urn):", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")
_PARAMETERS_LINE = re.compile(r"^#\s*parameters\s*:\s*(.*)$")
_VARIABLE = re.compile(r"[?$]([A-Za-z_0-9\u00B7\u00C0-\uFFFF]+)")
_IRI_REF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
#: A parameter description that admits only IRIs: "IRI", "IRI of the event" (not "IRI or name").
_IRI_ONLY = re.compile(r"IRI\b(?!\s+or\b)")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$](\w+)")
_AS_VARIABLE = re.compile(r"\bAS\s+[?$](\w+)", re.IGNORECASE)


# -- the result -------------------------------------------------------------------------------


@dataclass
class QueryResult:
    """What a query returned: rows (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE).

    Attributes:
        form: one of ``FORMS``.
        columns: the result columns in order (SELECT), parameter echoes left out.
        rows: one dict per solution, column -> pyoxigraph term, or None when unbound.
        boolean: the answer of an ASK query.
        quads: the triples of a CONSTRUCT or DESCRIBE query, as quads in the default graph.
        query: the name of the query that ran (``<inline>`` for query text).
    """

    form: str
    columns: tuple[str, ...] = ()
    rows: list[dict[str, object]] = field(default_factory=list)
    boolean: bool | None = None
    quads: list[ox.Quad] = field(default_factory=list)
    query: str = "<inline>"

    def values(self) -> list[dict[str, object]]:
        """The rows as plain Python values (int for integers, bool for booleans, else str)."""
        columns, rows = _tabular(self)
        return [{c: term_value(row.get(c)) for c in columns} for row in rows]


def term_value(term) -> object:
    """A term as a plain Python value: int for integer literals, bool for booleans, else str."""
    if term is None or isinstance(term, bool | int | float | str):
        return term
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGER_TYPES:
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


# -- finding and preparing a query ------------------------------------------------------------


def resolve_query(text_or_named: NamedQuery | str | Path) -> NamedQuery:
    """The query meant by a ``NamedQuery``, a query name, a ``.rq`` file, or SPARQL text.

    A ``Path``, or a string ending in ``.rq``, is a file; a string with no white space and no
    ``{`` is a name (``events``, ``checks/...``); anything else is SPARQL text.

    Raises:
        QueryError: no query has that name, or the file cannot be read.
    """
    if isinstance(text_or_named, NamedQuery):
        return text_or_named
    if isinstance(text_or_named, Path) or text_or_named.endswith(".rq"):
        path = Path(text_or_named)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read the query file: {exc}") from None
        return _from_text(path.stem, text)
    if not re.search(r"[\s{]", text_or_named):
        return load_query(text_or_named)
    return _from_text("<inline>", text_or_named)


def _from_text(name: str, text: str) -> NamedQuery:
    if any(re.match(r"#\s*purpose\s*:", line) for line in _header_lines(text)):
        return parse_query_file(name, text)
    return NamedQuery(name=name, text=text, purpose="", parameters=(), columns=())


def _header_lines(text: str) -> list[str]:
    lines = []
    for line in text.lstrip("\ufeff").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def parameter_descriptions(query: NamedQuery) -> dict[str, str] | None:
    """The parameters the query's header declares, name -> description (None: no header).

    Descriptions may hold commas inside their parentheses.
    """
    for line in _header_lines(query.text):
        match = _PARAMETERS_LINE.match(line)
        if not match:
            continue
        value = match.group(1).strip()
        if value in ("", "none", "-"):
            return {}
        found: dict[str, str] = {}
        for part in _split_outside_parentheses(value):
            name, _, rest = part.partition("(")
            found[name.strip()] = rest.rsplit(")", 1)[0].strip()
        return found
    return None


def _split_outside_parentheses(value: str) -> list[str]:
    parts, depth, current = [], 0, []
    for char in value:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        parts.append("".join(current).strip())
    return parts


def parameter_term(value) -> ox.NamedNode | ox.Literal:
    """The term a parameter value is bound to.

    Strings that look like absolute IRIs (``http:``, ``https:``, ``urn:``) become IRIs, strings
    of digits ``xsd:integer`` literals, other strings plain literals; ints become integers;
    pyoxigraph terms pass through.

    Raises:
        QueryError: the value looks like an IRI but is not a valid one.

    Example:
        >>> parameter_term("2024")
        <Literal value=2024 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#integer>>
    """
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD_INTEGER)
    value = str(value)
    if _IRI_VALUE.match(value):
        try:
            return ox.NamedNode(value)
        except ValueError as exc:
            raise QueryError(f"{value!r} is not a valid IRI: {exc}") from None
    if _DIGITS.fullmatch(value):
        return ox.Literal(value, datatype=XSD_INTEGER)
    return ox.Literal(value)


def bind_parameters(
    query: NamedQuery, params: Mapping[str, object] | None, lang: str | None = "en"
) -> dict[str, ox.NamedNode | ox.Literal]:
    """Check the parameters against the query's header and turn them into terms.

    ``lang`` is added when the query's header declares a ``lang`` parameter and ``params`` has
    none. A query without a ``# parameters:`` header accepts any variable that occurs in its
    text (and gets no ``lang`` unless given).

    Raises:
        QueryError: a parameter the query does not take (all such are named), or a non-IRI
            value for a parameter described as an IRI.
    """
    params = {k: v for k, v in (params or {}).items() if v is not None}
    declared = parameter_descriptions(query)
    if declared is None:
        allowed = set(_VARIABLE.findall(_mask(query.text)))
    else:
        allowed = set(declared)
    unknown = sorted(set(params) - allowed)
    if unknown:
        takes = ", ".join(sorted(allowed)) if allowed else "none"
        plural = "s" if len(unknown) > 1 else ""
        raise QueryError(
            f"query {query.name}: unknown parameter{plural} {', '.join(unknown)} "
            f"(it takes: {takes})"
        )
    if declared is not None and "lang" in declared and "lang" not in params and lang:
        params["lang"] = lang
    bindings = {name: parameter_term(value) for name, value in params.items()}
    for name, term in bindings.items():
        description = (declared or {}).get(name, "")
        if _IRI_ONLY.match(description) and not isinstance(term, ox.NamedNode):
            raise QueryError(
                f"query {query.name}: parameter {name} takes an IRI "
                f"(http:, https: or urn:), not {term_value(term)!r}"
            )
    return bindings


def visible_columns(query: NamedQuery, variables: Iterable[str]) -> tuple[str, ...]:
    """The projected variables minus the parameter echoes the ``# columns:`` header omits."""
    hidden = set(query.parameters) - set(query.columns)
    return tuple(v for v in variables if v not in hidden)


# -- the shape of query text ------------------------------------------------------------------


def _mask(text: str) -> str:
    """The text with comments, string literals and IRIs blanked (same length, same offsets)."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            out[i:end] = " " * (end - i)
            i = end
        elif char in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] == char * 3 else char
            j = i + len(quote)
            while j < n and text[j : j + len(quote)] != quote:
                j += 2 if text[j] == "\\" else 1
            end = min(j + len(quote), n)
            out[i:end] = " " * (end - i)
            i = end
        elif char == "<":
            match = _IRI_REF.match(text, i)
            if match:
                out[i : match.end()] = " " * (match.end() - i)
                i = match.end()
            else:
                i += 1
        else:
            i += 1
    return "".join(out)


def query_form(text: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the form of a query, read past its prologue.

    Raises:
        QueryError: the text has none of these keywords.
    """
    match = _FORM.search(_mask(text))
    if not match:
        raise QueryError("the text is not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")
    return match.group(1).upper()


def where_clause_start(text: str) -> int:
    """The offset just after the ``{`` that opens the query's WHERE clause (SELECT and ASK).

    Raises:
        QueryError: there is no WHERE clause.
    """
    masked = _mask(text)
    match = _FORM.search(masked)
    if not match:
        raise QueryError("the text is not a SPARQL query (no SELECT, ASK, CONSTRUCT or DESCRIBE)")
    depth = 0
    for i in range(match.end(), len(masked)):
        char = masked[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "{" and depth == 0:
            return i + 1
    raise QueryError("the query has no WHERE clause")


# -- running on the store ---------------------------------------------------------------------


def values_block(bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """A one-row ``VALUES`` block binding each variable to its term ('' for no bindings).

    Example:
        >>> values_block({"year": ox.Literal("2024")})
        'VALUES (?year) { ("2024") }'
    """
    if not bindings:
        return ""
    for name, term in bindings.items():
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise QueryError(f"parameter {name}: only IRIs and literals can be sent to an endpoint")
        try:
            ox.Variable(name)
        except ValueError:
            raise QueryError(f"{name!r} is not a SPARQL variable name") from None
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(str(term) for term in bindings.values())
    return f"VALUES ({names}) {{ ({terms}) }}"


def rows_subquery_start(text: str) -> int | None:
    """The offset of the ``{`` that opens a listing query's rows subquery: the group holding
    its ``PAGE_MARK`` line (see ``cislib.queries``); None for a query without one.

    Example:
        >>> rows_subquery_start("SELECT * { { SELECT ?s { ?s ?p ?o } ORDER BY ?s\\n# PAGE\\n} }")
        11

    Raises:
        QueryError: the mark is outside any group.
    """
    mark = PAGE_MARK.search(text)
    if mark is None:
        return None
    masked = _mask(text)
    depth = 0
    for i in range(mark.start() - 1, -1, -1):
        if masked[i] == "}":
            depth += 1
        elif masked[i] == "{":
            if depth == 0:
                return i
            depth -= 1
    raise QueryError("the '# PAGE' line is outside any subquery")


def projected_variables(select_clause: str) -> set[str]:
    """The names of the variables a SELECT clause (the text between ``SELECT`` and its WHERE
    clause, comments and strings masked) projects: bare ones and the targets of ``AS``.

    Example:
        >>> sorted(projected_variables(" DISTINCT ?lang ?country (COUNT(?b) AS ?rank) WHERE "))
        ['country', 'lang', 'rank']
    """
    bare, depth = [], 0
    for char in select_clause:
        depth += {"(": 1, ")": -1}.get(char, 0)
        bare.append(char if depth == 0 and char != ")" else " ")
    return set(_VARIABLE.findall("".join(bare))) | set(_AS_VARIABLE.findall(select_clause))


def with_values(text: str, bindings: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    """The query text with a ``VALUES`` block for ``bindings`` opening its WHERE clause (a
    listing query's: that of its rows subquery), and that of every subquery within it that
    projects one of the bound variables: a subquery sees nothing of the group around it, so a
    rows subquery's items ranked by a label in ``?lang`` get ``?lang`` that way."""
    block = values_block(bindings)
    if not block:
        return text
    masked = _mask(text)
    start = rows_subquery_start(text) or 0
    at = {start + where_clause_start(text[start:])}
    outer = _SELECT.search(masked, start)
    for select in _SELECT.finditer(masked, outer.end() if outer else start):
        opening = select.start() + where_clause_start(text[select.start() :])
        if projected_variables(masked[select.end() : opening - 1]) & set(bindings):
            at.add(opening)
    for offset in sorted(at, reverse=True):
        text = f"{text[:offset]}\n  {block}\n{text[offset:]}"
    return text


def page_clause(limit: int | None, offset: int = 0) -> str:
    """``LIMIT`` and ``OFFSET`` for a page ('' for every row).

    Example:
        >>> page_clause(100, 200)
        'LIMIT 100 OFFSET 200'
    """
    parts = []
    if limit is not None:
        parts.append(f"LIMIT {int(limit)}")
    if offset:
        parts.append(f"OFFSET {int(offset)}")
    return " ".join(parts)


def with_page(text: str, limit: int | None, offset: int = 0, cut_items: bool = True) -> str:
    """A listing query's text with its page cut at its ``PAGE_MARK`` line, and its items
    limited to the page's end at a ``PAGE_END_MARK`` line unless ``cut_items`` is false (see
    ``cislib.queries``); any other text as it is."""
    end = None if limit is None or not cut_items else offset + limit
    text = PAGE_END_MARK.sub(lambda _: page_clause(end), text)
    return PAGE_MARK.sub(lambda _: page_clause(limit, offset), text, count=1)


def short_page(query: NamedQuery, limit: int | None, rows: list) -> bool:
    """Whether a listing's page came back short while its items were cut at the page's end
    (``PAGE_END_MARK``): items that gave no row may have taken the places of others, so the
    runners ask for it again with ``cut_items=False``."""
    return (
        query.paged
        and limit is not None
        and len(rows) < limit
        and PAGE_END_MARK.search(query.text) is not None
    )


def bound_text(
    query: NamedQuery,
    bindings: Mapping[str, ox.NamedNode | ox.Literal],
    limit: int | None = None,
    offset: int = 0,
    cut_items: bool = True,
):
    """The text to run and the bindings left for the engine to substitute.

    A bundled or listing query gets its parameters as a ``VALUES`` block opening its WHERE
    clause (a listing query's rows subquery): a pattern its lateral blocks run with (see
    ``cislib.queries``), where the engine's substitutions would leave them unbound. A listing
    query gets its page (``limit`` rows after the first ``offset``) cut in its text. Any other
    query is run as written, its parameters substituted by the engine. ``cut_items`` as in
    ``with_page``.
    """
    if query.paged:
        return with_page(with_values(query.text, bindings), limit, offset, cut_items), {}
    if query.bundled and bindings:
        return with_values(query.text, bindings), {}
    return query.text, dict(bindings)


def page_of(rows: Iterable, limit: int | None, offset: int = 0) -> Iterable:
    """The page of ``rows`` (an iterable, read no further than the page's end).

    Example:
        >>> list(page_of(range(10), 3, 4))
        [4, 5, 6]
    """
    return itertools.islice(rows, offset, None if limit is None else offset + limit)


def run_query(
    store: GraphStore,
    text_or_named: NamedQuery | str | Path,
    params: Mapping[str, object] | None = None,
    lang: str | None = "en",
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run a query on the store, its parameters bound by the engine (see ``cislib.queries``).

    Args:
        store: an open store (the union of its graphs is the default graph).
        text_or_named: a ``NamedQuery``, a query name, a ``.rq`` file or SPARQL text.
        params: parameter name -> value (strings are typed as ``parameter_term`` says).
        lang: the language of labels, for queries that take ``lang``.
        limit: at most this many rows (None: every row).
        offset: the rows to skip before them. A listing query cuts the page in its rows
            subquery, before looking labels up (``cislib.queries``), and asks again for a
            page that came back short from items cut at its end (``short_page``); any other
            query is read up to the page's end.

    Raises:
        QueryError: unknown query or parameters, a query that does not parse or cannot run.
    """
    query = resolve_query(text_or_named)
    bindings = bind_parameters(query, params, lang)
    check_page(limit, offset)
    result = _run_bound(store, query, bindings, limit, offset)
    if short_page(query, limit, result.rows):
        result = _run_bound(store, query, bindings, limit, offset, cut_items=False)
    return result


def _run_bound(
    store: GraphStore,
    query: NamedQuery,
    bindings: Mapping[str, ox.NamedNode | ox.Literal],
    limit: int | None,
    offset: int,
    cut_items: bool = True,
) -> QueryResult:
    try:
        result = store.query(*bound_text(query, bindings, limit, offset, cut_items))
    except SyntaxError as exc:
        raise QueryError(f"query {query.name} does not parse: {_first_line(exc)}") from None
    except (RuntimeError, ValueError, OSError) as exc:
        message = _first_line(exc)
        if "SELECT projection" in message:
            message += " (Oxigraph binds a parameter only when the query projects it)"
        raise QueryError(f"query {query.name} failed: {message}") from None
    try:
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(form="ASK", boolean=bool(result), query=query.name)
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            columns = visible_columns(query, variables)
            solutions = result if query.paged else page_of(result, limit, offset)
            rows = [{c: row[c] for c in columns} for row in solutions]
            return QueryResult(form="SELECT", columns=columns, rows=rows, query=query.name)
        quads = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in result]
        return QueryResult(form=query_form(query.text), quads=quads, query=query.name)
    except (RuntimeError, ValueError, OSError) as exc:
        raise QueryError(f"query {query.name} failed: {_first_line(exc)}") from None


def check_page(limit: int | None, offset: int) -> None:
    """Refuse a negative limit or offset.

    Raises:
        QueryError: naming both.
    """
    if limit is not None and limit < 0 or offset < 0:
        raise QueryError(f"a page needs a limit and an offset of 0 or more, not {limit}, {offset}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    return line if len(line) <= 300 else line[:297] + "..."


# -- rendering --------------------------------------------------------------------------------


def render(rows_or_result, fmt: str, compact: bool = False) -> str:
    """A query result as text in ``fmt`` (one of ``FORMATS``).

    Args:
        rows_or_result: a ``QueryResult``, or rows as dicts (of terms or plain values, as
            ``cislib.queries.select`` returns them).
        fmt: table, csv, tsv (a header row, then one row per solution), json (SPARQL 1.1 Query
            Results JSON), jsonl (one JSON object per row), turtle or trig (CONSTRUCT and
            DESCRIBE results only).
        compact: in a table, write IRIs with the export prefixes (``id:country/kz``).

    Raises:
        QueryError: an unknown format, or a graph format for rows.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    result = _as_result(rows_or_result)
    if fmt in GRAPH_FORMATS:
        if result.form not in ("CONSTRUCT", "DESCRIBE"):
            raise QueryError(
                f"the {fmt} format is for CONSTRUCT and DESCRIBE queries; "
                f"for {result.form} use one of {', '.join(ROW_FORMATS)}"
            )
        return to_turtle(result.quads) if fmt == "turtle" else to_trig(result.quads)
    if fmt == "json":
        return _sparql_json(result)
    columns, rows = _tabular(result)
    if fmt == "jsonl":
        return "".join(
            json.dumps({c: term_value(row.get(c)) for c in columns}, ensure_ascii=False) + "\n"
            for row in rows
        )
    text_rows = [[_text(row.get(c), compact and fmt == "table") for c in columns] for row in rows]
    if fmt == "table":
        return _table(columns, text_rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(text_rows)
    return buffer.getvalue()


def _as_result(rows_or_result) -> QueryResult:
    if isinstance(rows_or_result, QueryResult):
        return rows_or_result
    rows = [dict(row) for row in rows_or_result]
    columns: list[str] = []
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    return QueryResult(form="SELECT", columns=tuple(columns), rows=rows)


def _tabular(result: QueryResult) -> tuple[Sequence[str], list[dict]]:
    """Rows for any form: ASK gives one ``boolean`` column, graphs subject/predicate/object."""
    if result.form == "ASK":
        return ("boolean",), [{"boolean": _boolean(bool(result.boolean))}]
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        columns = ("subject", "predicate", "object")
        quads = sorted(
            result.quads, key=lambda q: (str(q.subject), str(q.predicate), str(q.object))
        )
        return columns, [
            dict(zip(columns, (q.subject, q.predicate, q.object), strict=True)) for q in quads
        ]
    return result.columns, result.rows


def _boolean(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=ox.NamedNode(_XSD + "boolean"))


def _text(value, compact: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, ox.NamedNode):
        return _compact(value.value) if compact else value.value
    if isinstance(value, ox.Literal | ox.BlankNode):
        return value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


def _compact(iri: str) -> str:
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _table(columns: Sequence[str], rows: list[list[str]]) -> str:
    """An aligned plain-text table: header, a rule, then the rows (line breaks as spaces)."""
    rows = [[cell.replace("\r", " ").replace("\n", " ") for cell in row] for row in rows]
    widths = [max([len(c)] + [len(row[i]) for row in rows]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths).rstrip())
    lines.extend(
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in rows
    )
    return "\n".join(lines) + "\n"


def _json_term(value) -> dict | None:
    if value is None:
        return None
    if isinstance(value, ox.NamedNode):
        return {"type": "uri", "value": value.value}
    if isinstance(value, ox.BlankNode):
        return {"type": "bnode", "value": value.value}
    if isinstance(value, ox.Literal):
        out = {"type": "literal", "value": value.value}
        if value.language:
            out["xml:lang"] = value.language
        elif value.datatype.value not in _PLAIN_TYPES:
            out["datatype"] = value.datatype.value
        return out
    # plain Python values (rows from cislib.queries.select)
    if isinstance(value, bool):
        return {
            "type": "literal",
            "value": "true" if value else "false",
            "datatype": _XSD + "boolean",
        }
    if isinstance(value, int):
        return {"type": "literal", "value": str(value), "datatype": _XSD + "integer"}
    if isinstance(value, str) and _IRI_VALUE.match(value):
        return {"type": "uri", "value": value}
    return {"type": "literal", "value": str(value)}


def _sparql_json(result: QueryResult) -> str:
    """SPARQL 1.1 Query Results JSON (graph results as subject/predicate/object rows)."""
    if result.form == "ASK":
        data: dict = {"head": {}, "boolean": bool(result.boolean)}
    else:
        columns, rows = _tabular(result)
        bindings = []
        for row in rows:
            terms = {c: _json_term(row.get(c)) for c in columns}
            bindings.append({c: t for c, t in terms.items() if t is not None})
        data = {"head": {"vars": list(columns)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
