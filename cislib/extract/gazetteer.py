"""Recognising reference entities (countries, cities, libraries, organisations) in text.

Every name of every reference entity, in every language and script, is indexed by the stems of
its words under the stemmer of the paragraph's language; a run of words matches when its stems
do. The longest match wins, so "Россия Давлат кутубхонасининг" is the library, not the country.
Abbreviations (РГБ, БАЕ) match case-sensitively, with any inflection ending after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cislib.extract.lang import load
from cislib.extract.text import PhraseTable, Token, stemmer_for
from cislib.seeds import ReferenceEntity, reference_entities

#: When two reference entities share a name, the first type here wins.
TYPE_PRIORITY = ("Country", "City", "Library", "Organization")
#: What may stand between the words of one name.
_GAP = re.compile(r"[\s\-–]*")
#: A name written in capitals and this short is an abbreviation.
ABBREVIATION_MAX = 8


_INITIAL_DOT = re.compile(r"\.\s*")


def _joined(text: str, a: Token, b: Token) -> bool:
    """True when two words may belong to one name ("Ф.Кочарли" joins at the dot)."""
    if _GAP.fullmatch(text, a.end, b.start):
        return True
    return (
        len(a.surface) == 1
        and a.surface.isupper()
        and bool(_INITIAL_DOT.fullmatch(text, a.end, b.start))
    )


@dataclass(frozen=True)
class GazetteerMatch:
    """A reference entity found at tokens ``[first, last]`` of a paragraph."""

    entity: ReferenceEntity
    first: int
    last: int
    start: int
    end: int


def _better(a: ReferenceEntity, b: ReferenceEntity) -> ReferenceEntity:
    key = lambda e: (TYPE_PRIORITY.index(e.type), e.iri)  # noqa: E731
    return min(a, b, key=key)


def is_abbreviation(name: str) -> bool:
    """True for names like РГБ, БАЕ, IFLA: capitals only, one word, short."""
    letters = [c for c in name if c.isalpha()]
    return (
        " " not in name
        and 2 <= len(letters) <= ABBREVIATION_MAX
        and all(c.isupper() for c in letters)
    )


class Gazetteer:
    """Reference names indexed for one language's stemmer."""

    def __init__(self, tag: str, entities: tuple[ReferenceEntity, ...]):
        language = load(tag)
        self.stemmer = stemmer_for(language)
        self.abbreviations: dict[str, ReferenceEntity] = {}
        names = []
        for entity in entities:
            for labels in entity.labels.values():
                for name in labels:
                    if is_abbreviation(name):
                        old = self.abbreviations.get(name)
                        self.abbreviations[name] = _better(old, entity) if old else entity
                    else:
                        names.append((name, entity))
        self.table = PhraseTable(names, self.stemmer, prefer=_better)

    def _abbreviation(self, token: Token) -> ReferenceEntity | None:
        surface = token.surface
        for size in range(min(len(surface), ABBREVIATION_MAX), 1, -1):
            head, tail = surface[:size], surface[size:]
            if head in self.abbreviations and (not tail or tail.islower()):
                return self.abbreviations[head]
        return None

    def find(self, text: str, tokens: list[Token]) -> list[GazetteerMatch]:
        """Reference entities in a run of tokens, left to right, longest first."""
        matches = []
        joined = lambda a, b: _joined(text, a, b)  # noqa: E731
        i = 0
        while i < len(tokens):
            found = None
            if tokens[i].capitalised:
                hit = self.table.match(tokens, i, joined)
                if hit is not None:
                    last, entity = hit
                    found = GazetteerMatch(entity, i, last, tokens[i].start, tokens[last].end)
                else:
                    entity = self._abbreviation(tokens[i])
                    if entity is not None:
                        found = GazetteerMatch(entity, i, i, tokens[i].start, tokens[i].end)
            if found:
                matches.append(found)
                i = found.last + 1
            else:
                i += 1
        return matches


@cache
def gazetteer_for(tag: str) -> Gazetteer:
    """The gazetteer of a language tag over the bundled reference data, built once."""
    return Gazetteer(tag, reference_entities())
