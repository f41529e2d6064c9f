"""Dates as each language writes them, with ranges and the year carried from context.

Handled: "2024 йил 15 апрелдан 24 майга қадар", "15-26 апрел кунлари", "17 май куни",
"2021-nji ýylyň 11-nji martynda", "с 15 по 24 мая 2024 г.", "16 June 2022", "June 16, 2022",
"2024 жылғы 12 наурызда". A date without a year takes the nearest explicit year before it in
the report (or after it, when none comes before).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from cislib.extract.lang import SUPPORTED_TAGS, Language, load
from cislib.extract.lang.base import RANGE_DASHES
from cislib.extract.reading import Reading, Section
from cislib.extract.text import Token

#: How many letters an inflected month may add to its stem (апрел + дан, mart + ynda).
MONTH_ENDING_MAX = 6
_DASH_GAP = re.compile(rf"\s*[{re.escape(RANGE_DASHES)}]\s*")
#: A date written in digits, day first: "17.06.2022", "17/06/2022" (the year is group 1).
_NUMERIC_DATE = re.compile(r"(?<![\d.])\d{1,2}[./]\d{1,2}[./](\d{4})(?![\d.])")
_JOIN_GAP = re.compile(rf"[\s{re.escape(RANGE_DASHES)}]*")


@dataclass
class DateMention:
    """A date or a date range found at ``start:end``; ``year_given`` if written out."""

    start: int
    end: int
    first: date
    last: date | None
    year_given: bool
    section: int

    @property
    def iso_start(self) -> str:
        """The first day as YYYY-MM-DD."""
        return self.first.isoformat()

    @property
    def iso_end(self) -> str | None:
        """The last day as YYYY-MM-DD, or None for a single day."""
        return self.last.isoformat() if self.last else None


@dataclass
class _Partial:
    first_token: int
    last_token: int
    day: int
    month: int
    year: int | None
    range_day: int | None = None


def month_of(token: Token, language: Language) -> int | None:
    """The month a word names (any case form), or None.

    Month names travel: Kyrgyz and Uzbek news write the Russian months too, so the months of
    every language in the same script are tried after the paragraph's own.
    """
    for tables in (language.MONTHS, _script_months(language.tag)):
        best = None
        for stem, number in tables.items():
            stem = stem.lower()
            if token.norm.startswith(stem) and len(token.norm) - len(stem) <= MONTH_ENDING_MAX:
                if best is None or len(stem) > best[0]:
                    best = (len(stem), number)
        if best:
            return best[1]
    return None


def _same_script(tag: str) -> list[str]:
    latin = tag in ("en", "tk", "uz-Latn")
    return [t for t in SUPPORTED_TAGS if (t in ("en", "tk", "uz-Latn")) == latin]


@cache
def _script_year_words(tag: str) -> tuple[str, ...]:
    """The words for "year" of the paragraph's language, then of its script's other ones."""
    words = list(load(tag).YEAR_WORDS)
    for other in _same_script(tag):
        words.extend(w for w in load(other).YEAR_WORDS if w not in words)
    return tuple(words)


@cache
def _script_months(tag: str) -> dict[str, int]:
    """The month stems of every supported language written in the same script as ``tag``."""
    months: dict[str, int] = {}
    for other in _same_script(tag):
        for stem, number in load(other).MONTHS.items():
            months.setdefault(stem.lower(), number)
    return months


def is_year_word(token: Token, language: Language) -> bool:
    """Whether a word is one of the words for "year" (года, жылы, ýylda, йил, ...) of the
    language or of another in its script."""
    norm = token.norm.rstrip(".")
    # An abbreviation ("г.", "ж.") is the whole word; a word covers its case forms by prefix.
    return any(
        norm == w or (len(w) > 2 and norm.startswith(w)) for w in _year_word_stems(language.tag)
    )


@cache
def _year_word_stems(tag: str) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in _script_year_words(tag)) - {""}


def _day(token: Token) -> int | None:
    if token.surface.isdigit() and len(token.surface) <= 2 and 1 <= int(token.surface) <= 31:
        return int(token.surface)
    return None


def _year(token: Token) -> int | None:
    if token.surface.isdigit() and len(token.surface) == 4 and 1900 <= int(token.surface) <= 2100:
        return int(token.surface)
    return None


class _DateScanner:
    def __init__(self, reading: Reading, section: Section):
        self.text = reading.text
        self.tokens = section.tokens
        self.language = section.language
        self.ordinals = {s.strip("-").lower() for s in self.language.ORDINAL_SUFFIXES}
        self.range_words = {w.lower() for w in self.language.RANGE_WORDS} | {"с", "from", "по"}
        self.day_words = {w.lower() for w in self.language.DAY_WORDS}

    def is_ordinal(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.tokens[i].norm in self.ordinals

    def is_year_word(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and is_year_word(self.tokens[i], self.language)

    def year_before(self, i: int) -> tuple[int, int] | None:
        """A year written just before token i: "2024 йил 15", "2021-nji ýylyň 11-nji"."""
        for k in range(i - 1, max(-1, i - 5), -1):
            year = _year(self.tokens[k])
            if year:
                between = range(k + 1, i)
                if all(self.is_ordinal(b) or self.is_year_word(b) for b in between):
                    return k, year
                return None
        return None

    def year_after(self, i: int) -> tuple[int, int] | None:
        """A year just after token i: "мая 2024 г.", "June 2022", "16, 2022"."""
        for k in range(i + 1, min(len(self.tokens), i + 3)):
            year = _year(self.tokens[k])
            if year:
                last = k + 1 if self.is_year_word(k + 1) else k
                return last, year
            if not self.is_ordinal(k):
                return None
        return None

    def partials(self) -> list[_Partial]:
        out = []
        toks = self.tokens
        for m, tok in enumerate(toks):
            month = month_of(tok, self.language)
            if month is None:
                continue
            day_at = None
            if m >= 1 and _day(toks[m - 1]):
                day_at = m - 1
            elif m >= 2 and _day(toks[m - 2]) and self.is_ordinal(m - 1):
                day_at = m - 2
            elif m + 1 < len(toks) and _day(toks[m + 1]) and self.language.tag == "en":
                day_at = m + 1
            if day_at is None:
                continue
            first, last = min(day_at, m), max(day_at, m)
            partial = _Partial(first, last, _day(toks[day_at]), month, None)
            # "15-26 апрел", "с 15 по 24 мая"
            if day_at < m:
                k = day_at - 1
                if k >= 1 and self.is_ordinal(k):
                    k -= 1
                if (
                    k >= 0
                    and _day(toks[k])
                    and _DASH_GAP.fullmatch(self.text, toks[k].end, toks[day_at].start)
                ):
                    partial.range_day, partial.first_token = _day(toks[k]), k
                elif k >= 1 and toks[k].norm in self.range_words and _day(toks[k - 1]):
                    partial.range_day, partial.first_token = _day(toks[k - 1]), k - 1
                    if k - 2 >= 0 and toks[k - 2].norm in self.range_words:
                        partial.first_token = k - 2
            before = self.year_before(partial.first_token)
            after = self.year_after(last)
            if before:
                partial.year, partial.first_token = before[1], before[0]
            elif after:
                partial.year, partial.last_token = after[1], after[0]
            if (
                partial.last_token + 1 < len(toks)
                and toks[partial.last_token + 1].norm in self.day_words
            ):
                partial.last_token += 1
            out.append(partial)
        return out


def _make(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def dates_of(reading: Reading) -> list[DateMention]:
    """``find_dates`` of the report, read once and kept on the reading for every recogniser."""
    if reading.dates is None:
        reading.dates = find_dates(reading)
    return reading.dates


def find_dates(reading: Reading) -> list[DateMention]:
    """Every date and date range in the report, in reading order."""
    found: list[tuple[int, _Partial, _DateScanner]] = []
    for index, section in enumerate(reading.sections):
        scanner = _DateScanner(reading, section)
        partials = scanner.partials()
        # Join "15 апрелдан 24 майга": two dates with nothing but range words between.
        merged: list[_Partial] = []
        for partial in partials:
            prev = merged[-1] if merged else None
            if prev and prev.range_day is None and partial.range_day is None:
                gap = range(prev.last_token + 1, partial.first_token)
                gap_ok = all(section.tokens[g].norm in scanner.range_words for g in gap)
                text_ok = (
                    _JOIN_GAP.fullmatch(
                        reading.text,
                        section.tokens[prev.last_token].end,
                        section.tokens[gap.start].start
                        if gap
                        else section.tokens[partial.first_token].start,
                    )
                    is not None
                )
                if gap_ok and text_ok and len(gap) <= 2:
                    prev.range_day = -1  # marks a two-month range; the end is `partial`
                    prev.last_token = partial.last_token
                    prev.end_partial = partial  # type: ignore[attr-defined]
                    if prev.year is None:
                        prev.year = partial.year
                    continue
            merged.append(partial)
        found.extend((index, p, scanner) for p in merged)

    explicit = [
        (reading.sections[i].tokens[p.first_token].start, p.year) for i, p, _ in found if p.year
    ]
    # A date line ("17.06.2022") gives the year of the days the text names without one.
    explicit += [
        (section.start + m.start(), int(m.group(1)))
        for section in reading.sections
        for m in _NUMERIC_DATE.finditer(reading.text[section.start : section.end])
        if 1900 <= int(m.group(1)) <= 2100
    ]
    explicit.sort()
    if not explicit:
        # No date gives its year: any year the report names ("2022-жылы", a date line) will do.
        explicit = [
            (tok.start, _year(tok))
            for section in reading.sections
            for tok in section.tokens
            if _year(tok)
        ]
    mentions = []
    for index, partial, _ in found:
        section = reading.sections[index]
        start = section.tokens[partial.first_token].start
        year = partial.year
        if year is None:
            before = [y for pos, y in explicit if pos <= start]
            after = [y for pos, y in explicit if pos > start]
            year = before[-1] if before else (after[0] if after else None)
        if year is None:
            continue
        end_partial = getattr(partial, "end_partial", None)
        if end_partial is not None:
            first = _make(year, partial.month, partial.day)
            last = _make(end_partial.year or year, end_partial.month, end_partial.day)
        elif partial.range_day:
            first = _make(year, partial.month, partial.range_day)
            last = _make(year, partial.month, partial.day)
        else:
            first, last = _make(year, partial.month, partial.day), None
        if first is None or (last is not None and last < first):
            continue
        mentions.append(
            DateMention(
                start,
                section.tokens[partial.last_token].end,
                first,
                last if last != first else None,
                partial.year is not None,
                index,
            )
        )
    return mentions
