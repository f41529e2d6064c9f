"""Quantities: "50 нафар иштирокчи", "1500 specialists", "12 та давлат", "32 академик соат".

A number (digits or a number word) followed, within a couple of words or classifier words
(нафар, та, sany), by a counted noun of ``QUANTITY_WORDS``. The quantity belongs to the event
told about nearest before it in the same paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from cislib.extract.reading import Reading
from cislib.extract.recognizers.dates import dates_of, is_year_word, month_of
from cislib.extract.record import Quantity
from cislib.extract.text import PhraseTable, stemmer_for, stems_of

#: Words that may stand between a number and its noun, classifiers not counted.
GAP_WORDS = 2

_QUANTITY_TABLES: dict[str, tuple] = {}


#: Number words below this are not counts: "the two libraries", "екі қаланың", "bir topar"
#: name a pair or an article, not a figure the report gives.
SMALLEST_NUMBER_WORD = 3
#: Words of the sentence looked at, each side, for what kind of books are counted.
CONTEXT_WORDS = 12


def _tables(language):
    if language.tag not in _QUANTITY_TABLES:
        stemmer = stemmer_for(language)

        def stems(words):
            return frozenset(s for w in words for s in stems_of(w, stemmer))

        _QUANTITY_TABLES[language.tag] = _Tables(
            nouns=PhraseTable(language.QUANTITY_WORDS.items(), stemmer),
            counters=stems(language.COUNTER_WORDS),
            numbers={w.lower(): n for w, n in language.NUMBER_WORDS.items()},
            donation=stems(language.DONATION_WORDS),
            exhibition=stems(language.EXHIBITION_WORDS),
            thousand=stems(language.THOUSAND_WORDS),
        )
    return _QUANTITY_TABLES[language.tag]


@dataclass
class _Tables:
    nouns: PhraseTable
    counters: frozenset[str]
    numbers: dict[str, int]
    donation: frozenset[str]
    exhibition: frozenset[str]
    thousand: frozenset[str]


def _books_kind(toks, i: int, tables: _Tables) -> str:
    """Books given ("передал в дар 300 книг") or shown ("на выставке 300 изданий")."""
    around = toks[max(0, i - CONTEXT_WORDS) : i + CONTEXT_WORDS]
    if any(t.variants & tables.donation for t in around):
        return "books donated"
    if any(t.variants & tables.exhibition for t in around):
        return "items exhibited"
    return "books"


def _value(token, numbers) -> int | None:
    surface = token.surface.replace("\u00a0", "")
    if surface.isdigit() and len(surface) <= 7:
        return int(surface)
    value = numbers.get(token.norm)
    return value if value is not None and value >= SMALLEST_NUMBER_WORD else None


def _is_year(token) -> bool:
    return (
        token.surface.isdigit() and len(token.surface) == 4 and 1900 <= int(token.surface) <= 2100
    )


def _is_calendar(reading: Reading, section, i: int, in_dates) -> bool:
    """A year, a day of a month or an ordinal, never a count: "2025 года библиотеки" (a year),
    "21 мамырда Алматы" (a day), "2021-nji ýylda" (an ordinal)."""
    toks = section.tokens
    tok = toks[i]
    if in_dates(tok.start):
        return True
    following = toks[i + 1] if i + 1 < len(toks) else None
    if following is None:
        return False
    if reading.text[tok.end : following.start] in "-–.":
        return True  # "15-26", "2021-nji", "12.04"
    if is_year_word(following, section.language):
        return True
    day = tok.surface.isdigit() and len(tok.surface) <= 2
    return day and month_of(following, section.language) is not None


def recognise_quantities(reading: Reading) -> None:
    """Add the numbers the report gives about its events."""
    dates = dates_of(reading)

    def in_dates(position: int) -> bool:
        return any(d.start <= position < d.end for d in dates)

    for section in reading.sections:
        tables = _tables(section.language)
        toks = section.tokens
        for i, tok in enumerate(toks):
            value = _value(tok, tables.numbers)
            if not value or _is_calendar(reading, section, i, in_dates):
                continue
            k, others = i + 1, 0
            if k < len(toks) and toks[k].variants & tables.thousand:
                value, k = value * 1000, k + 1  # "13 мыңнан астам кітап"
            while k < len(toks) and others <= GAP_WORDS:
                hit = tables.nouns.match(toks, k)
                if hit:
                    last, what = hit
                    if _is_year(tok) and k > i + 1:
                        break  # "In 2020 the libraries": a year, not 2,020 libraries
                    if what == "books":
                        what = _books_kind(toks, i, tables)
                    span = reading.span(tok.start, toks[last].end)
                    reading.quantities.append(Quantity(None, what, value, span))
                    break
                if _value(toks[k], tables.numbers) is not None:
                    break
                if not toks[k].variants & tables.counters:
                    others += 1
                k += 1
    for quantity in reading.quantities:
        quantity.event = event_near(reading, quantity.evidence.start)


def event_near(reading: Reading, position: int) -> str | None:
    """The event mentioned nearest before a position in its paragraph (or just after)."""
    section = next((s for s in reading.sections if s.start <= position < s.end), None)
    if section is None:
        return None
    best = None
    for event in reading.events:
        spans = list(event.mentions) + [p.evidence for p in event.participants if p.evidence]
        for span in spans:
            if section.start <= span.start <= position and (best is None or span.start > best[0]):
                best = (span.start, event.iri)
    if best:
        return best[1]
    after = [
        (m.start, e.iri)
        for e in reading.events
        for m in e.mentions
        if position < m.start < section.end
    ]
    return min(after)[1] if after else None
