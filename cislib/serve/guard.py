"""What the endpoint refuses, decided before anything runs.

The endpoint answers read-only queries from partners, so a query is refused when it could reach
outside the store (``SERVICE``, ``FROM``/``FROM NAMED``, the protocol's dataset parameters), when
it would change the store (SPARQL Update in any form), or when it is not a query at all.

Two independent checks, both pure and both applied to every query:

* the parse: rdflib's SPARQL grammar reads the text into a tree; an update that parses is an
  update, a query that parses is walked for ``SERVICE`` patterns and dataset clauses anywhere
  (``OPTIONAL``, ``UNION``, ``MINUS``, ``GRAPH``, ``FILTER EXISTS``, subqueries);
* the belt: a lexical scan that follows Oxigraph's own rules for comments, strings and IRIs and
  refuses the forbidden keywords wherever Oxigraph would read them as keywords.

``SERVICE`` is decided more strictly than either: any query whose text holds the letters
S, E, R, V, I, C, E in a row, in any case, anywhere (in a string, an IRI or a comment too), is
refused. Oxigraph reads a keyword only from those ASCII letters written out (it expands no
escape outside strings and IRIs, and folds no other letter to them), so a text without them
cannot make it call another endpoint, however the two parsers disagree about the rest. The
word can still be asked for inside a string or an IRI with an escape (``"\\u0073ervice"``) by
``cislib query``.

The belt exists because rdflib and Oxigraph do not read every text alike. rdflib lets a ``#``
comment run on past a carriage return, Oxigraph ends it there, so ``# x\\rSERVICE <...> {...}``
hides a live ``SERVICE`` from rdflib alone; and rdflib expands ``\\u`` escapes before parsing
while Oxigraph does not, which can move string boundaries. Queries with ``\\u`` escapes are
therefore refused outright (write the character itself), and the scan catches the rest.

Example:
    >>> check_query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    <QueryKind.SELECT: 'SELECT'>
    >>> check_query("DROP ALL")
    Traceback (most recent call last):
    ...
    cislib.serve.guard.Refused: 403: this endpoint is read-only: DROP is part of SPARQL Update
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from cislib.errors import QueryError
from cislib.queries import without_lateral


class QueryKind(enum.Enum):
    """The four SPARQL query forms the endpoint answers."""

    SELECT = "SELECT"
    ASK = "ASK"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"

    @property
    def returns_graph(self) -> bool:
        """True for the forms whose answer is RDF triples rather than a results table."""
        return self in (QueryKind.CONSTRUCT, QueryKind.DESCRIBE)


class Refused(Exception):
    """A request the endpoint will not run, with the HTTP status and a message for the client.

    Attributes:
        status: 400 (malformed), 403 (forbidden), 406 (no acceptable format) and so on.
        message: one or two plain sentences, never a traceback.
    """

    def __init__(self, status: int, message: str):
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message

    def __reduce__(self):
        # Rebuilt from both fields when it crosses a process boundary.
        return (type(self), (self.status, self.message))


#: Protocol parameters that would choose the dataset or carry an update.
FORBIDDEN_PARAMETERS = {
    "default-graph-uri": "the default-graph-uri parameter is not accepted: "
    "the default graph is the union of the store's graphs",
    "named-graph-uri": "the named-graph-uri parameter is not accepted: "
    "every graph of the store is available by name",
    "using-graph-uri": "this endpoint is read-only: using-graph-uri belongs to SPARQL Update",
    "using-named-graph-uri": "this endpoint is read-only: "
    "using-named-graph-uri belongs to SPARQL Update",
    "update": "this endpoint is read-only: the update parameter is not accepted",
}

_UPDATE_WORDS = frozenset("INSERT DELETE LOAD CLEAR DROP CREATE ADD MOVE COPY WITH USING".split())

_KINDS = {
    "SelectQuery": QueryKind.SELECT,
    "AskQuery": QueryKind.ASK,
    "ConstructQuery": QueryKind.CONSTRUCT,
    "DescribeQuery": QueryKind.DESCRIBE,
}

# Any \u or \U escape that rdflib would expand before parsing (a superset of its pattern).
_ESCAPE = re.compile(r"\\[uU][0-9A-Fa-f]{4}")

# What Oxigraph does not read as code: comments (ending at a carriage return or a line feed),
# strings and IRIs. Each alternative matches whenever its opening character is there (an
# unterminated string runs to the end of its line or of the text, where Oxigraph fails to parse
# anyway) and the quantifiers are possessive, so one left-to-right pass never retries: the scan
# is linear in the text. Escapes other than the ECHARs make Oxigraph fail too, so "\\." agrees
# with it on every text it accepts. An IRIREF holds no spaces, braces, quotes or angle
# brackets, so a "<" operator can never swallow a "SERVICE <iri> {" clause by being taken for
# the start of an IRI. Every branch opens with a literal character, which lets the regex
# engine skip plain code quickly.
_NOT_CODE = re.compile(
    "|".join(
        [
            r"\#[^\r\n]*+",
            r'"""(?:[^"\\]++|\\.|"(?!""))*+(?:"""|\Z)',
            r"'''(?:[^'\\]++|\\.|'(?!''))*+(?:'''|\Z)",
            r'"(?:[^"\\\n\r]++|\\.)*+(?:"|(?=[\n\r])|\Z)',
            r"'(?:[^'\\\n\r]++|\\.)*+(?:'|(?=[\n\r])|\Z)",
            r'<[^<>"{}|^`\\\x00-\x20]*+>',
        ]
    ),
    re.DOTALL,
)
# The letters of SERVICE in a row, in ASCII upper or lower case, anywhere in the text.
_SERVICE_LETTERS = re.compile("service", re.IGNORECASE | re.ASCII)

# A cheap first look: code without any of these letters holds nothing to refuse. (Searched in
# the upper-cased text: the same search with re.IGNORECASE is several times slower.)
_SUSPECT = re.compile("SERVICE|FROM|INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH|USING")

_NAME = r"\w\u00B7\u0300-\u036F\u203F\u2040"
# The code is then read in upper case by a few passes, each linear (possessive quantifiers,
# no lookbehind). Variables, language tags and blank node labels are dropped first, so that
# ?from or "x"@add never count; then every prefixed name (local part, then label), so that
# schema:serviceType or service:x never count.
_NEUTRAL = re.compile(rf"[?$][{_NAME}]*+|@[A-Z]++(?:-[A-Z0-9]++)*+|_:[{_NAME}\-.]*+")
_LOCAL_PART = re.compile(rf":(?:[{_NAME}\-:%.]|\\.)*+")
_LABEL_BACKWARDS = re.compile(rf":[{_NAME}\-.]*+")
_UPDATE_WORD = re.compile(rf"\b(?:{'|'.join(sorted(_UPDATE_WORDS))})\b(?!:)")


def check_parameters(names: Iterable[str]) -> None:
    """Refuse the protocol parameters that choose a dataset or carry an update.

    Args:
        names: the names of every parameter of the request (URL and form body).

    Raises:
        Refused: 403 naming the first forbidden parameter.
    """
    for name in names:
        if name in FORBIDDEN_PARAMETERS:
            raise Refused(403, FORBIDDEN_PARAMETERS[name])


def code_skeleton(text: str) -> str:
    """The text with comments, strings and IRIs blanked out, as Oxigraph would tokenise it.

    A comment ends at a carriage return or a line feed (Oxigraph's rule, not rdflib's). Runs in
    time linear in the text.

    Example:
        >>> code_skeleton("SELECT * { ?s <http://x/from> 'from' } # FROM").split()
        ['SELECT', '*', '{', '?s', '}']
    """
    return _NOT_CODE.sub(" ", text)


def prescreen(text: str) -> None:
    """The cheap checks, linear in the text: emptiness, escapes, forbidden keywords.

    The server runs this in the request thread so that most hostile requests are refused at
    once, without waiting for a worker. ``check_query`` runs it too.

    Raises:
        Refused: 400 for an empty query or ``\\u`` escapes, 403 for a forbidden keyword.
    """
    if not text.strip():
        raise Refused(400, "the query is empty")
    if _ESCAPE.search(text):
        raise Refused(
            400,
            "\\u escapes are not accepted in queries sent to this endpoint; "
            "write the characters themselves (the query is read as UTF-8)",
        )
    if names_service(text):
        _refuse_word("SERVICE")
    code = code_skeleton(text).upper()
    if not _SUSPECT.search(code):
        return
    code = _LOCAL_PART.sub(":", _NEUTRAL.sub(" ", code))
    # Prefix labels go too: read backwards, each is a ":" followed by a run, which a
    # possessive pattern removes in one linear pass (forwards, every position of a long run
    # without a colon would be tried again).
    code = _LABEL_BACKWARDS.sub(" ", code[::-1])[::-1]
    # What is left of the code is keywords, function names and numbers. None holds FROM, and
    # Oxigraph's keywords need no word boundary ("trueFROM<x>" reads as true, FROM, <x>), so
    # any bare word that holds it is refused. (A keyword glued to a prefixed name, "FROMex:x",
    # is left to the parse: rdflib wants a word boundary there and refuses the text.)
    if "FROM" in code:
        _refuse_word("FROM")
    update = _UPDATE_WORD.search(code)
    if update:
        _refuse_word(update.group())


def names_service(text: str) -> bool:
    r"""Whether the text holds the word SERVICE (any case, anywhere): the one way Oxigraph can be
    made to open a network connection from a query.

    Sound whatever the text is: Oxigraph reads the keyword only from these ASCII letters
    written out, so a text for which this is False cannot call another endpoint, whichever way
    its comments, strings, IRIs and ``<`` operators are read.

    Example:
        >>> names_service("SELECT * { ?s <http://x/\\u0073ervice> ?o }")
        False
        >>> names_service("SELECT * { ?s ?p 'Library Service' }")
        True
    """
    return _SERVICE_LETTERS.search(text) is not None


def check_local_query(text: str) -> None:
    r"""Refuse a query that could make the store's own engine reach outside the machine.

    For ``cislib query`` on the local store. There the only way out is ``SERVICE``: Oxigraph
    sends the pattern to the endpoint it names (``FROM`` only picks graphs of the store, and an
    update is not a query). The check does not try to read the query as Oxigraph would (a
    ``<`` can be an operator or open an IRI, and a comment can end at a carriage return): it
    refuses every text that holds the word at all (``names_service``), which is sound.

    Raises:
        QueryError: naming what was refused, and how to write the word in a string or IRI.

    Example:
        >>> check_local_query("SELECT * WHERE { ?s <http://x/\\u0073ervice> '\\u0053ERVICE' }")
        >>> check_local_query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        Traceback (most recent call last):
        ...
        cislib.errors.QueryError: SERVICE (federated query) is not allowed: ...
    """
    if names_service(text):
        raise QueryError(
            "SERVICE (federated query) is not allowed: cislib query reads only the store, so "
            "a query may not hold the word 'service' anywhere, comments, strings and IRIs "
            "included (write it there as \\u0073ervice); ask another endpoint with --endpoint"
        )


def _refuse_word(word: str) -> None:
    if word == "SERVICE":
        raise Refused(
            403,
            "SERVICE (federated query) is not allowed: queries see only this store, so a query "
            "may not hold the word 'service' anywhere, comments, strings and IRIs included",
        )
    if word == "FROM":
        raise Refused(
            403,
            "FROM and FROM NAMED are not allowed: the default graph is the union of the store's "
            "graphs and every graph is available with GRAPH",
        )
    if word in _UPDATE_WORDS:
        raise Refused(403, f"this endpoint is read-only: {word} is part of SPARQL Update")


def _walk(tree) -> Iterable[CompValue]:
    """Every CompValue node in an rdflib parse tree, without recursion (trees can be deep)."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            yield node
            stack.extend(dict.values(node))
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(node)


def _is_update(text: str) -> bool:
    try:
        update = parseUpdate(text)
    except (ParseBaseException, RecursionError, ValueError):
        return False
    # A text of prefixes alone parses as an empty update; that is not an update.
    return "request" in update and bool(dict.__getitem__(update, "request"))


def check_query(text: str) -> QueryKind:
    """Decide whether the endpoint may run a query, and which form it is.

    Pure: reads only its argument. Every query goes through it before execution.

    Args:
        text: the query as received (already decoded from UTF-8).

    Returns:
        The query form.

    Raises:
        Refused: 400 when the text is empty, uses ``\\u`` escapes, or does not parse; 403 for
            SPARQL Update (any form), ``SERVICE`` anywhere, ``FROM`` or ``FROM NAMED``.

    Example:
        >>> check_query("ASK { ?s a <https://schema.org/Library> }").returns_graph
        False
    """
    prescreen(text)
    return check_parse(text)


def check_parse(text: str) -> QueryKind:
    """The parse-based half of ``check_query`` alone (no lexical belt); see there.

    Kept separate so that tests can show each half refusing every hostile form on its own.

    Raises:
        Refused: 400 when the text does not parse, 403 for an update, ``SERVICE`` or ``FROM``.
    """
    try:
        # rdflib's grammar predates LATERAL (SPARQL 1.2), which Oxigraph and the bundled
        # queries use; the keyword only joins two groups, hiding or adding no pattern, so the
        # tree is walked without it.
        tree = parseQuery(without_lateral(text))
    except RecursionError:
        raise Refused(400, "the query is nested too deeply to be checked") from None
    except (ParseBaseException, ValueError) as exc:
        if _is_update(text):
            raise Refused(
                403, "this endpoint is read-only: SPARQL Update is not accepted"
            ) from None
        where = ""
        if isinstance(exc, ParseBaseException):
            where = f" at line {exc.lineno}, column {exc.col}"
            detail = exc.msg
        else:
            detail = str(exc)
        raise Refused(400, f"the query does not parse{where}: {detail}") from None
    query = tree[1]
    kind = _KINDS.get(query.name)
    if kind is None:
        raise Refused(400, "only SELECT, ASK, CONSTRUCT and DESCRIBE queries are accepted")
    for node in _walk(tree):
        if node.name == "ServiceGraphPattern":
            _refuse_word("SERVICE")
        # CompValue.get returns the key itself when it is missing, hence the membership test.
        if "datasetClause" in node and dict.__getitem__(node, "datasetClause"):
            _refuse_word("FROM")
    return kind
