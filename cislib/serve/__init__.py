"""``cislib serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, for partners.

The pieces: ``guard`` decides what may run (pure functions, no I/O); ``formats`` negotiates and
writes answers; ``worker`` runs one query at a time in a process of its own, which ``pool``
kills when the query overruns its time limit; ``app`` is the HTTP side.

Example:
    >>> from cislib.serve import serve
    >>> serve("cislib-store", port=8000, on_ready=print)  # doctest: +SKIP
    http://127.0.0.1:8000/
"""

from cislib.serve.app import SparqlServer, make_server, serve
from cislib.serve.guard import QueryKind, Refused, check_query

__all__ = ["QueryKind", "Refused", "SparqlServer", "check_query", "make_server", "serve"]
