"""Named SPARQL queries (``*.rq`` files in this package) and the runner.

Each file opens with comment lines ``# purpose:``, ``# parameters:`` and ``# columns:``.
Parameters are bound by the engine, never pasted into query text: a user's query through
SEP-0007 substitutions, a bundled one through a ``VALUES`` block of pyoxigraph terms opening
its WHERE clause (as for remote endpoints), so that its lateral blocks see them bound.

The queries read the union of all graphs as their default graph, and a fact about a node that
many reports name (a person's type, a post, a library's country) is stated once in each of those
reports' graphs. The engines keep every copy in the union, so a join of k such patterns would
grow as the k-th power of the number of reports; the queries therefore match those facts with
``{ SELECT DISTINCT ?s ?o WHERE { ?s p ?o } }`` subqueries of one pattern, and test types with
``FILTER EXISTS`` rather than a join.

Oxigraph answers a join or an OPTIONAL with a hash join: it evaluates the right-hand pattern
over the whole store, then joins. When the left-hand side is a handful of rows (one event's
parts, one library) that makes a lookup cost as much as a scan, so the bundled queries put such
lookups in ``LATERAL { ... }`` (SPARQL 1.2, SEP-0006), which Oxigraph evaluates once per
left-hand row with its bindings substituted. They use it only where the right-hand side's
shared variables are bound on the left, so putting each block's content back in the enclosing
group gives the same answers: ``NamedQuery.portable`` is that SPARQL 1.1 text, sent to remote
endpoints and other engines.

A listing query (events, event involvements, participants by country, node places, library
cooperation pairs, people, reports and their class counts: answers that grow with the store) answers
a page of its rows: it picks, filters and sorts them in a first subquery, closed by the comment line
``# PAGE`` after its ``ORDER BY`` (``PAGE_MARK``), and looks their labels up afterwards, so that a
page of a hundred rows costs a hundred label lookups rather than one for every row in the store. The
runner puts the page's ``LIMIT`` and ``OFFSET`` at that line, and the parameters' ``VALUES`` block
at the start of that subquery's WHERE clause, which projects them for the outer query, and of every
subquery within it that projects one of them (a subquery sees nothing of the group around it). A
subquery inside it that picks and sorts the items the rows come from (people, events, reports), in
the rows' order, may end with the line ``# PAGE END`` (``PAGE_END_MARK``), where the runner puts
``LIMIT offset + limit``: when each item gives at least one row, the page's rows come from those
first items, and only theirs are looked up (with ``LATERAL``). An item may give none (an event
nobody took part in): a page that comes back short is asked for again over every item
(``formats.short_page``).

A listing sorts on keys Oxigraph compares cheaply: dates, numbers (the derived
``cis:sortKey``, ``cis:kindKey`` and ``cis:pairKey``), and strings the query computes
(``CONCAT(STR(?node), " ")``), which it compares in memory, where it would read the text of a
stored IRI or literal from disk at every comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pyoxigraph as ox

from cislib.errors import QueryError
from cislib.graph.store import GraphStore

_HEADER = re.compile(r"^#\s*(purpose|parameters|columns)\s*:\s*(.*)$")
_LATERAL = re.compile(r"\bLATERAL\s*(?=\{)")
#: The comment line that closes a listing query's rows subquery (see the module's docstring).
PAGE_MARK = re.compile(r"^[ \t]*# PAGE[ \t]*$", re.MULTILINE)
#: The comment line closing a subquery of the rows subquery that picks the items the rows come
#: from: when each gives at least one row, no more of them than the page's end (offset + limit)
#: are needed.
PAGE_END_MARK = re.compile(r"^[ \t]*# PAGE END[ \t]*$", re.MULTILINE)


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its documented purpose, parameters and columns."""

    name: str
    text: str
    purpose: str
    parameters: tuple[str, ...]
    columns: tuple[str, ...]
    #: A query of this package (its ``LATERAL`` blocks may be dropped, see ``portable``).
    bundled: bool = False

    @property
    def portable(self) -> str:
        """The text for engines without ``LATERAL``: plain SPARQL 1.1 with the same answers.

        A bundled query has each ``LATERAL { ... }`` block's content put in its place, so the
        block's patterns join the enclosing group again (as in ``X OPTIONAL { ... }``, whose
        filter sees ``X``'s bindings); a user's query is returned as written.

        Example:
            >>> NamedQuery("q", "SELECT * { ?s ?p ?o LATERAL { OPTIONAL { ?o ?q ?r } } }", "",
            ...            (), (), bundled=True).portable
            'SELECT * { ?s ?p ?o   OPTIONAL { ?o ?q ?r }   }'
        """
        return _inline_lateral(self.text) if self.bundled else self.text

    @property
    def paged(self) -> bool:
        """Whether the query marks its rows subquery with ``PAGE_MARK`` (a listing query)."""
        return PAGE_MARK.search(self.text) is not None


def _inline_lateral(text: str) -> str:
    # The bundled queries hold no brace inside a string, an IRI or a comment, so counting
    # braces finds each block's end.
    chars = list(text)
    for match in reversed(list(_LATERAL.finditer(text))):
        opening = match.end()
        depth = 0
        for index in range(opening, len(chars)):
            depth += {"{": 1, "}": -1}.get(chars[index], 0)
            if depth == 0:
                chars[index] = " "
                break
        else:
            raise QueryError("a LATERAL block is not closed")
        chars[match.start() : opening + 1] = " "
    return "".join(chars)


def without_lateral(text: str) -> str:
    """``text`` with each ``LATERAL`` keyword blanked out (same length, so a parser's line and
    column still point into the original): each lateral block becomes a plain group.

    Example:
        >>> without_lateral("SELECT * { ?s ?p ?o LATERAL { ?o ?q ?r } }")
        'SELECT * { ?s ?p ?o         { ?o ?q ?r } }'
    """
    return _LATERAL.sub(lambda match: " " * len(match.group()), text)


def _split(value: str) -> tuple[str, ...]:
    value = value.strip()
    if value in ("", "none", "-"):
        return ()
    return tuple(part.split("(")[0].strip() for part in value.split(","))


def parse_query_file(name: str, text: str, bundled: bool = False) -> NamedQuery:
    """Read the header comments of a query file (``bundled``: one of this package's)."""
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            header[match.group(1)] = match.group(2)
    if "purpose" not in header:
        raise QueryError(f"query {name}: the file must open with a '# purpose:' comment")
    return NamedQuery(
        name=name,
        text=text,
        purpose=header["purpose"].strip(),
        parameters=_split(header.get("parameters", "")),
        columns=_split(header.get("columns", "")),
        bundled=bundled,
    )


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every named query of the package by name (``checks/...`` included), sorted."""
    root = resources.files("cislib.queries")
    found = {}
    for folder, prefix in ((root, ""), (root.joinpath("checks"), "checks/")):
        if not folder.is_dir():
            continue
        for file in folder.iterdir():
            if file.name.endswith(".rq"):
                name = prefix + file.name[:-3]
                found[name] = parse_query_file(name, file.read_text(encoding="utf-8"), bundled=True)
    return dict(sorted(found.items()))


def load_query(name: str) -> NamedQuery:
    """One named query.

    Raises:
        QueryError: no query has that name.
    """
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; 'cislib query --list' shows them")
    return queries[name]


def _term_value(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype.endswith("#integer"):
            return int(term.value)
        return term.value
    return term.value


def select(store: GraphStore, query: NamedQuery | str, **params) -> list[dict[str, object]]:
    """Run a SELECT query and return its rows as dicts of plain Python values.

    ``params`` are bound by the engine: strings become literals unless they are wrapped in
    ``ox.NamedNode``; any pyoxigraph term is passed through. A bound variable must be in the
    query's projection (Oxigraph substitutes only projected variables).
    """
    text = query.text if isinstance(query, NamedQuery) else query
    bindings = {
        key: value if isinstance(value, ox.NamedNode | ox.Literal) else ox.Literal(str(value))
        for key, value in params.items()
        if value is not None
    }
    try:
        solutions = store.query(text, bindings)
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {exc}") from None
    names = [v.value for v in solutions.variables]
    return [{name: _term_value(row[name]) for name in names} for row in solutions]


def run_checks(store: GraphStore) -> dict[str, list[dict[str, object]]]:
    """Run every ``checks/*-violation`` query; each must return no rows on a sound graph.

    Returns the rows of the checks that found something, by query name.
    """
    found = {}
    for name, query in named_queries().items():
        if name.startswith("checks/"):
            rows = select(store, query)
            if rows:
                found[name] = rows
    return found
