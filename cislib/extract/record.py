"""The extraction record: what was read from one report, before it enters the graph.

It is the contract between ``extract`` and ``graph`` (see docs/model.md): plain dataclasses with
character offsets, serialisable to and from the JSON that ``cislib extract --format json``
prints. Offsets are code-point indices into the report text as decoded (a BOM removed), so
``text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ENTITY_TYPES = ("Country", "City", "Library", "Organization", "Person", "Event")
EVENT_TYPES = (
    "Conference",
    "Congress",
    "Seminar",
    "Training",
    "Forum",
    "Meeting",
    "Exhibition",
    "Visit",
    "Agreement",
    "Project",
    "Programme",
    "Other",
)
ROLES = ("participant", "speaker", "organizer", "host", "guest", "signatory", "trainee", "other")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the report text: ``text == report_text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class ReportInfo:
    """The report itself: where it came from and what language it is in."""

    iri: str
    file: str
    language: str
    title: str
    sha256: str
    characters: int = 0


@dataclass
class Entity:
    """A country, city, library, organisation, person or event named in the report.

    ``label`` is the name in the nominative; ``language`` is the tag of that label.
    ``country`` and ``city`` are IRIs taken from context, for entities not in the reference data.
    """

    iri: str
    type: str
    label: str
    from_reference: bool
    mentions: list[Span] = field(default_factory=list)
    language: str | None = None
    country: str | None = None
    city: str | None = None


@dataclass
class Participant:
    """Who took part in an event, in which role, on whose behalf, and the quote saying so."""

    agent: str
    role: str
    on_behalf_of: str | None = None
    evidence: Span | None = None


@dataclass
class Event:
    """An event with its date, place, organisers, parts and participants."""

    iri: str
    type: str
    title: str
    start: str | None = None
    end: str | None = None
    online: bool = False
    city: str | None = None
    venue: str | None = None
    organizers: list[str] = field(default_factory=list)
    part_of: str | None = None
    participants: list[Participant] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    language: str | None = None


@dataclass
class Post:
    """A person's post: the title as written and a normalised English role."""

    person: str
    title: str
    role: str | None
    organization: str | None
    evidence: Span
    language: str | None = None


@dataclass
class Quantity:
    """A number the report gives: participants, countries, hours and so on."""

    event: str | None
    what: str
    value: int
    evidence: Span


@dataclass
class ExtractionRecord:
    """Everything read from one report."""

    report: ReportInfo
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def entity(self, iri: str) -> Entity | None:
        """Return the entity with this IRI, or None."""
        for entity in self.entities:
            if entity.iri == iri:
                return entity
        return None

    def to_dict(self) -> dict:
        """Return the record as the JSON-ready dict of docs/model.md."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> ExtractionRecord:
        """Rebuild a record from ``to_dict`` output (or its JSON)."""

        def spans(items):
            return [Span(**s) for s in items or []]

        def span(item):
            return Span(**item) if item else None

        return cls(
            report=ReportInfo(**data["report"]),
            entities=[
                Entity(**{**e, "mentions": spans(e.get("mentions"))})
                for e in data.get("entities", [])
            ],
            events=[
                Event(
                    **{
                        **e,
                        "mentions": spans(e.get("mentions")),
                        "participants": [
                            Participant(**{**p, "evidence": span(p.get("evidence"))})
                            for p in e.get("participants", [])
                        ],
                    }
                )
                for e in data.get("events", [])
            ],
            posts=[Post(**{**p, "evidence": span(p["evidence"])}) for p in data.get("posts", [])],
            quantities=[
                Quantity(**{**q, "evidence": span(q["evidence"])})
                for q in data.get("quantities", [])
            ],
        )
