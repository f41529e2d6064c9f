"""Printing rows for people: aligned plain-text tables."""

from __future__ import annotations

from collections.abc import Sequence

import click


def format_table(rows: Sequence[dict], columns: Sequence[str]) -> str:
    """Rows as an aligned text table with a header line.

    Example:
        >>> print(format_table([{"a": 1, "b": "x"}], ["a", "b"]))
        a  b
        -  -
        1  x
    """
    cells = [[("" if row.get(c) is None else str(row.get(c))) for c in columns] for row in rows]
    cells = [[value.replace("\n", " ") for value in line] for line in cells]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(columns)]
    out = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in widths).rstrip())
    for line in cells:
        out.append("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip())
    return "\n".join(out)


def echo_table(rows: Sequence[dict], columns: Sequence[str]) -> None:
    """Print a table to standard output."""
    click.echo(format_table(rows, columns))
