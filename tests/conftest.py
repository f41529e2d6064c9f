"""Shared fixtures: small hand-made extraction records and throw-away stores."""

from __future__ import annotations

import hashlib

import pyoxigraph as ox
import pytest

from cislib.extract.record import (
    Entity,
    Event,
    ExtractionRecord,
    Participant,
    Post,
    Quantity,
    ReportInfo,
    Span,
)
from cislib.graph.store import GraphStore
from cislib.identifiers import mint

RSL = mint("library", "russian-state-library")
UZ = mint("country", "uz")
MOSCOW = mint("city", "moscow")


#: Result columns joined by GROUP_CONCAT "in no fixed order" (their queries' headers say so),
#: with their separators: tests compare them as sorted lists.
UNORDERED = {"organizers": "; ", "roles": " "}


#: A listing over items (urn:Item) that cuts them at the page's end, each item giving a row per
#: urn:value: with ``add_items_one_with_a_row``, the first items give none.
ITEM_LISTING = (
    "SELECT ?item ?value WHERE {\n  { SELECT ?item ?value WHERE {\n"
    "    { SELECT ?item WHERE { ?item a <urn:Item> } ORDER BY ?item\n    # PAGE END\n    }\n"
    "    LATERAL { ?item <urn:value> ?value }\n  } ORDER BY ?item\n  # PAGE\n  }\n}"
)


def add_items_one_with_a_row(store: GraphStore) -> None:
    """Add the items urn:item:a, b and c for ``ITEM_LISTING``; only c has a value ("c")."""
    graph = ox.NamedNode("urn:graph")
    kind = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for item in "abc":
        store.oxigraph.add(
            ox.Quad(ox.NamedNode(f"urn:item:{item}"), kind, ox.NamedNode("urn:Item"), graph)
        )
    store.oxigraph.add(
        ox.Quad(ox.NamedNode("urn:item:c"), ox.NamedNode("urn:value"), ox.Literal("c"), graph)
    )


def comparable(column: str, cell) -> object:
    """A result cell as tests compare it: a joined list (``UNORDERED``) as its sorted items,
    any other term (or plain value) as its string, N-Triples form for terms."""
    if column in UNORDERED and cell is not None:
        text = cell.value if hasattr(cell, "value") else cell
        return tuple(sorted(text.split(UNORDERED[column])))
    return str(cell)


def make_record(file: str = "news.txt", text: str | None = None, person: str = "Ivan Petrov"):
    """A small, complete record: a report naming a library, a country, a person and an event."""
    text = text or (
        f"On 16 June 2022 the Russian State Library in Moscow hosted a seminar. "
        f"{person}, director, spoke for Uzbekistan. 50 participants attended."
    )
    sha = hashlib.sha256(text.encode()).hexdigest()
    report = mint("report", sha[:16])

    def span(fragment: str) -> Span:
        start = text.index(fragment)
        return Span(start, start + len(fragment), fragment)

    person_iri = mint("person", "petrov-i")
    event_iri = mint("event", f"{sha[:16]}-seminar")
    return ExtractionRecord(
        report=ReportInfo(
            iri=report,
            file=file,
            language="en",
            title=text.split(".")[0],
            sha256=sha,
            characters=len(text),
        ),
        entities=[
            Entity(UZ, "Country", "Uzbekistan", True, [span("Uzbekistan")], "en"),
            Entity(MOSCOW, "City", "Moscow", True, [span("Moscow")], "en"),
            Entity(
                RSL,
                "Library",
                "Russian State Library",
                True,
                [span("Russian State Library")],
                "en",
                country=mint("country", "ru"),
            ),
            Entity(person_iri, "Person", person, False, [span(person)], "en"),
            Entity(event_iri, "Event", "seminar", False, [span("seminar")], "en"),
        ],
        events=[
            Event(
                iri=event_iri,
                type="Seminar",
                title="seminar",
                start="2022-06-16",
                end="2022-06-16",
                city=MOSCOW,
                venue=RSL,
                organizers=[RSL],
                participants=[
                    Participant(person_iri, "speaker", UZ, span(f"{person}, director, spoke")),
                    Participant(RSL, "host", None, span("hosted")),
                ],
                mentions=[span("seminar")],
                language="en",
            )
        ],
        posts=[Post(person_iri, "director", "Director", RSL, span(f"{person}, director"), "en")],
        quantities=[Quantity(event_iri, "participants", 50, span("50 participants"))],
    )


@pytest.fixture
def store_path(tmp_path):
    """A path for a store that does not exist yet."""
    return tmp_path / "store"


@pytest.fixture
def store(store_path):
    """A writable store with the ontology and the reference data loaded."""
    with GraphStore.open(store_path, write=True) as opened:
        opened.load_base()
        yield opened
