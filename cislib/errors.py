"""The error types cislib raises for problems a user can fix.

Every error a user can cause (a bad file, a busy store, a wrong option) is a ``CislibError`` with
a message that names the file, line or field. The command line prints the message and exits
non-zero; it never shows a traceback for these.
"""


class CislibError(Exception):
    """Base class for errors with a message meant for the user."""

    exit_code = 2


class ReportError(CislibError):
    """A report file cannot be read: missing, too large, not text, or badly encoded."""


class StoreError(CislibError):
    """The store cannot be opened or written."""


class StoreInUseError(StoreError):
    """Another process holds the store open for writing."""

    exit_code = 3


class RDFInputError(CislibError):
    """An RDF file is malformed; the message names the file and line."""


class QueryError(CislibError):
    """A named query is unknown, or a query or its parameters are malformed."""


class GoldError(CislibError):
    """A gold annotation file is malformed."""
