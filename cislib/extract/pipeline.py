"""The reader: a report in, its extraction record out.

The report is split into paragraphs, each paragraph's language detected (or given), and the
recognisers run in order over a shared ``Reading``: reference names first (gazetteer), then
institutions known only from the shape of their names, people, dates and events, posts and
quantities. Each recogniser is a small function that reads the paragraphs and adds plain
objects with offsets to the record being built.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from cislib.errors import ReportError
from cislib.extract.document import (
    Document,
    document_from_bytes,
    read_report,
    split_paragraphs,
)
from cislib.extract.lang import SUPPORTED_TAGS, load
from cislib.extract.language import score_languages
from cislib.extract.reading import Reading, Section
from cislib.extract.recognizers import RECOGNIZERS
from cislib.extract.record import ExtractionRecord
from cislib.extract.text import normalise, stemmer_for, tokenize

_HEADING_NOISE = re.compile(r"[\W_]+")


def _is_heading(text: str, headings) -> bool:
    words = _HEADING_NOISE.sub(" ", normalise(text)).strip()
    return bool(words) and words in {normalise(h) for h in headings}


def read_sections(document: Document, language: str | None = None) -> tuple[list[Section], str]:
    """Paragraphs with their language, up to a reference list; and the report's language.

    Everything after a bibliography heading ("Фойдаланилган адабиётлар", "References", ...) is
    citation, not news, and is left out.
    """
    if language is not None and language not in SUPPORTED_TAGS:
        raise ReportError(
            f"unsupported language {language!r}; supported: {', '.join(SUPPORTED_TAGS)}"
        )
    norm = normalise(document.text)
    paragraphs = []
    for paragraph in document.paragraphs or split_paragraphs(document.text):
        chunk = document.text[paragraph.start : paragraph.end]
        if any(_is_heading(chunk, load(t).REFERENCE_HEADINGS) for t in SUPPORTED_TAGS):
            break
        paragraphs.append((paragraph, None if language else score_languages(chunk)))
    # The report's language: the tag with most text; a paragraph whose own scores are close
    # (a short line, a list of names) is read in it rather than in a look-alike language.
    weight: Counter = Counter()
    for paragraph, scores in paragraphs:
        if scores:
            weight[_best(scores)] += paragraph.end - paragraph.start
    main = language or (weight.most_common(1)[0][0] if weight else "en")
    sections: list[Section] = []
    for paragraph, scores in paragraphs:
        tag = language or _paragraph_tag(scores, main)
        tokens = tokenize(
            document.text, norm, stemmer_for(load(tag)), paragraph.start, paragraph.end
        )
        if tokens:
            sections.append(Section(paragraph.start, paragraph.end, tag, tokens))
    return sections, main


#: A paragraph takes its own best language over the report's only when it scores this much
#: higher.
CLEAR_MARGIN = 1.5


def _best(scores: dict[str, float]) -> str:
    best = max(scores.values())
    if best <= 0:
        return "ru" if "ru" in scores else "en"
    return min((t for t, s in scores.items() if s == best), key=SUPPORTED_TAGS.index)


def _paragraph_tag(scores: dict[str, float], main: str) -> str:
    own = _best(scores)
    if own != main and main in scores and scores[own] < CLEAR_MARGIN * scores[main]:
        return main
    return own


def extract_document(document: Document, language: str | None = None) -> ExtractionRecord:
    """Read a decoded report into its extraction record.

    Args:
        document: the report, from ``read_report`` or ``document_from_text``.
        language: a BCP 47 tag to force; detected per paragraph when None.
    """
    sections, main = read_sections(document, language)
    reading = Reading(
        document=document,
        text=document.text,
        norm=normalise(document.text),
        sections=sections,
        language=main,
    )
    for recognise in RECOGNIZERS:
        recognise(reading)
    return reading.record()


def extract_file(file, language: str | None = None) -> ExtractionRecord:
    """Read a report file (a path, or a packaged resource) into its extraction record."""
    if isinstance(file, str | Path):
        document = read_report(file)
    else:  # an importlib.resources Traversable
        document = document_from_bytes(file.read_bytes(), file.name)
    return extract_document(document, language)
