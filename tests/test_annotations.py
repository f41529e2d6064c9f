"""Extraction cases written as annotations: ``[Қозон миллий кутубхонасида](LIB=...)``.

Each line of ``tests/data/annotations/<tag>.txt`` is one case: the sentence is read in that
language and every marked span must be found with its type and value. ``EVENT=Type@start/end``
checks an event's dates too, ``PART=Agreement<Visit`` that an event is part of another of the
given type, and ``NOQTY=`` that no count is read from a year, a day or an ordinal. A line
starting with ``!`` is a known gap: it is expected to fail (strictly, so a fix is noticed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from cislib.extract import extract_document
from cislib.extract.document import document_from_text
from cislib.extract.pipeline import read_sections
from cislib.extract.reading import Reading
from cislib.extract.recognizers.dates import find_dates
from cislib.extract.text import normalise
from cislib.identifiers import slugify

FOLDER = Path(__file__).parent / "data" / "annotations"
MARK = re.compile(r"\[([^\]]+)\]\(([A-Z]+)=([^)]*)\)")
ENTITY_TYPES = {
    "COUNTRY": "Country",
    "CITY": "City",
    "LIB": "Library",
    "ORG": "Organization",
    "PER": "Person",
}


@dataclass
class Mark:
    start: int
    end: int
    kind: str
    value: str


def parse_case(line: str) -> tuple[str, list[Mark]]:
    """Plain text and the marked spans of one annotated line."""
    text, marks, pos = [], [], 0
    length = 0
    for match in MARK.finditer(line):
        plain = line[pos : match.start()]
        text.append(plain)
        length += len(plain)
        surface = match.group(1)
        marks.append(Mark(length, length + len(surface), match.group(2), match.group(3)))
        text.append(surface)
        length += len(surface)
        pos = match.end()
    text.append(line[pos:])
    return "".join(text), marks


def load_cases():
    for path in sorted(FOLDER.glob("*.txt")):
        tag = path.stem
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            known_gap = line.startswith("!")
            marks = [pytest.mark.xfail(strict=True, reason="known gap")] if known_gap else []
            yield pytest.param(tag, line.lstrip("!"), id=f"{tag}:{number}", marks=marks)


def overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


def check(tag: str, line: str) -> list[str]:
    """What the reader misses in one case (empty when everything is found)."""
    text, marks = parse_case(line)
    record = extract_document(document_from_text(text), language=tag)
    document = document_from_text(text)
    sections, main = read_sections(document, tag)
    reading = Reading(document, text, normalise(text), sections, main)
    dates = find_dates(reading)
    misses = []
    for mark in marks:
        span = (mark.start, mark.end)
        if mark.kind in ENTITY_TYPES:
            found = [
                e
                for e in record.entities
                if e.type == ENTITY_TYPES[mark.kind]
                and any(overlaps(*span, m.start, m.end) for m in e.mentions)
            ]
            if mark.kind == "COUNTRY":
                found = [e for e in found if e.iri.endswith("/" + mark.value.lower())]
            if mark.kind == "PER":
                surname = slugify(mark.value.replace(".", ". ").split()[-1])
                if mark.value.split()[0].rstrip(".").isupper() and len(mark.value.split()[0]) > 2:
                    surname = slugify(mark.value.split()[0])
                found = [e for e in found if surname in slugify(e.label)]
        elif mark.kind == "DATE":
            first, _, last = mark.value.partition("/")
            found = [
                d
                for d in dates
                if overlaps(*span, d.start, d.end)
                and d.iso_start == first
                and (d.iso_end or d.iso_start) == (last or first)
            ]
        elif mark.kind == "QTY":
            what, _, value = mark.value.partition(":")
            found = [
                q
                for q in record.quantities
                if q.value == int(value)
                and q.what == what
                and overlaps(*span, q.evidence.start, q.evidence.end)
            ]
        elif mark.kind == "EVENT":
            # "EVENT=Seminar" or, with its dates, "EVENT=Seminar@2024-05-20/2024-05-21".
            kind, _, days = mark.value.partition("@")
            first, _, last = days.partition("/")
            found = [
                e
                for e in record.events
                if e.type == kind
                and any(overlaps(*span, m.start, m.end) for m in e.mentions)
                and (not first or (e.start, e.end or e.start) == (first, last or first))
            ]
        elif mark.kind == "PART":
            # "PART=Agreement<Visit": an event of the first type, part of one of the second.
            kind, _, holder = mark.value.partition("<")
            by_iri = {e.iri: e for e in record.events}
            found = [
                e
                for e in record.events
                if e.type == kind
                and any(overlaps(*span, m.start, m.end) for m in e.mentions)
                and e.part_of in by_iri
                and by_iri[e.part_of].type == holder
            ]
        elif mark.kind == "NOQTY":
            # A year, a day or an ordinal: no quantity may be read from it.
            wrong = [q for q in record.quantities if mark.start <= q.evidence.start < mark.end]
            misses.extend(f"NOQTY: {text[q.evidence.start : q.evidence.end]!r}" for q in wrong)
            continue
        elif mark.kind == "POST":
            found = [
                p
                for p in record.posts
                if p.role == mark.value and overlaps(*span, p.evidence.start, p.evidence.end)
            ]
        else:
            raise AssertionError(f"unknown annotation type {mark.kind}")
        if not found:
            misses.append(f"{mark.kind}={mark.value}: {text[mark.start : mark.end]!r}")
    return misses


@pytest.mark.parametrize("tag,line", list(load_cases()))
def test_annotated_case(tag, line):
    assert check(tag, line) == []


def test_every_language_has_fifteen_cases():
    from cislib.extract.lang import SUPPORTED_TAGS

    for tag in SUPPORTED_TAGS:
        path = FOLDER / f"{tag}.txt"
        cases = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        assert len(cases) >= 15, tag


def test_parse_case_offsets():
    text, marks = parse_case("В [Москве](CITY=Moscow) и [Казани](CITY=Kazan).")
    assert text == "В Москве и Казани."
    assert [text[m.start : m.end] for m in marks] == ["Москве", "Казани"]
