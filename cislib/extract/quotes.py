"""Quoted stretches of text: event titles and names written in quotation marks."""

from __future__ import annotations

from cislib.extract.lang.base import QUOTE_PAIRS

#: Quotes longer than this are speech, not titles.
TITLE_MAX = 200


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted stretches (without their marks) between ``start`` and ``end``."""
    out = []
    i = start
    while i < end:
        ch = text[i]
        if ch in QUOTE_PAIRS:
            close = text.find(QUOTE_PAIRS[ch], i + 1, end)
            if close > i + 1 and close - i <= TITLE_MAX and "\n\n" not in text[i:close]:
                out.append((i + 1, close))
                i = close + 1
                continue
        i += 1
    return out
