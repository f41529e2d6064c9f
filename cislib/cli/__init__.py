"""The ``cislib`` command line: thin commands over the library."""

from cislib.cli.app import cli, main

__all__ = ["cli", "main"]
