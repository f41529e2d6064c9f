"""The state the recognisers share while one report is read."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cislib.extract.document import Document
from cislib.extract.lang import Language, load
from cislib.extract.lang.base import APOSTROPHES
from cislib.extract.record import Entity, Event, ExtractionRecord, Post, Quantity, ReportInfo, Span
from cislib.extract.text import Token

#: Order of entity types in the record.
TYPE_ORDER = ("Country", "City", "Library", "Organization", "Person", "Event")

#: Uzbek Latin writes oʻ and gʻ with U+02BB and the tutuq belgisi (maʼruza) with U+02BC; both
#: are letters to Unicode, so a name written with them reads as one word of letters.
UZBEK_OKINA = "\u02bb"
UZBEK_TUTUQ = "\u02bc"


@dataclass
class Section:
    """A paragraph as the recognisers see it."""

    start: int
    end: int
    tag: str
    tokens: list[Token]

    @property
    def language(self) -> Language:
        """The tables of this paragraph's language."""
        return load(self.tag)


@dataclass
class Reading:
    """The state shared by the recognisers while one report is read."""

    document: Document
    text: str
    norm: str
    sections: list[Section]
    language: str
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    #: Character ranges already claimed by an entity mention: (start, end) -> entity IRI.
    claimed: dict[tuple[int, int], str] = field(default_factory=dict)
    #: Mentions that only say where an institution is ("(Бишкек, Қирғизистон)"): not agents.
    context_spans: set[tuple[int, int]] = field(default_factory=set)
    #: The report's dates, read once when first asked for (``recognizers.dates.dates_of``).
    dates: list | None = None

    def __post_init__(self) -> None:
        # Uzbek Latin is typed with any of several apostrophes (oʻ, o', o’, o‘, o`); the
        # recognisers see the one the orthography prescribes, so that a name resolves to one
        # entity and one label however it was typed. The text and its quotes stay as written.
        for section in self.sections:
            if section.tag == "uz-Latn":
                section.tokens = [uzbek_apostrophes(token) for token in section.tokens]

    def span(self, start: int, end: int) -> Span:
        """A span of the report text."""
        return Span(start, end, self.text[start:end])

    def is_claimed(self, start: int, end: int) -> bool:
        """True when the range overlaps a mention already recognised."""
        return any(s < end and start < e for s, e in self.claimed)

    def owner(self, start: int, end: int) -> str | None:
        """The IRI of the entity whose mention overlaps the range, if any."""
        for (s, e), iri in self.claimed.items():
            if s < end and start < e:
                return iri
        return None

    def add_entity(
        self,
        iri: str,
        type_: str,
        label: str,
        start: int,
        end: int,
        *,
        from_reference: bool,
        language: str | None = None,
        country: str | None = None,
        city: str | None = None,
    ) -> Entity:
        """Record a mention of an entity, creating the entity on its first mention."""
        entity = self.entities.get(iri)
        if entity is None:
            entity = Entity(
                iri=iri,
                type=type_,
                label=label,
                from_reference=from_reference,
                language=language,
                country=country,
                city=city,
            )
            self.entities[iri] = entity
        else:
            entity.country = entity.country or country
            entity.city = entity.city or city
        span = self.span(start, end)
        if span not in entity.mentions:
            entity.mentions.append(span)
        self.claimed[(start, end)] = iri
        return entity

    def record(self) -> ExtractionRecord:
        """The finished extraction record, in a stable order."""
        for entity in self.entities.values():
            entity.mentions.sort()
        entities = sorted(self.entities.values(), key=lambda e: (TYPE_ORDER.index(e.type), e.iri))
        doc = self.document
        return ExtractionRecord(
            report=ReportInfo(
                iri=doc.iri,
                file=doc.file,
                language=self.language,
                title=doc.title,
                sha256=doc.sha256,
                characters=len(doc.text),
            ),
            entities=entities,
            events=sorted(self.events, key=lambda e: (e.start or "9999", e.iri)),
            posts=sorted(self.posts, key=lambda p: (p.evidence.start, p.person)),
            quantities=sorted(self.quantities, key=lambda q: q.evidence.start),
        )

    def remove_mention(self, start: int, end: int) -> None:
        """Forget the mention at exactly ``start:end`` (and its entity if it has no other)."""
        iri = self.claimed.pop((start, end), None)
        if iri is None:
            return
        entity = self.entities[iri]
        entity.mentions = [m for m in entity.mentions if (m.start, m.end) != (start, end)]
        if not entity.mentions:
            del self.entities[iri]

    def mention_at(self, start: int, end: int) -> tuple[tuple[int, int], Entity] | None:
        """The claimed mention overlapping ``start:end`` and its entity, if any."""
        for (s, e), iri in self.claimed.items():
            if s < end and start < e:
                return (s, e), self.entities[iri]
        return None


def uzbek_apostrophes(token: Token) -> Token:
    """The token with its apostrophes written as Uzbek Latin prescribes: ʻ after o and g, ʼ
    elsewhere.

    Example:
        >>> from cislib.extract.text import Token
        >>> uzbek_apostrophes(Token(0, 12, "G'ayrat Ne’m", "", "")).surface
        'Gʻayrat Neʼm'
    """
    if not any(ch in APOSTROPHES for ch in token.surface):
        return token
    letters = list(token.surface)
    for i, ch in enumerate(letters):
        if ch in APOSTROPHES and i > 0:
            letters[i] = UZBEK_OKINA if letters[i - 1] in "oOgG" else UZBEK_TUTUQ
    return replace(token, surface="".join(letters))
