"""Recognising reference entities (countries, cities, libraries, organisations) in text.

Every name of every reference entity, in every language and script, is indexed by the stems of
its words under the stemmer of the paragraph's language; a run of words matches when its stems
do. The longest match wins, so "Россия Давлат кутубхонасининг" is the library, not the country.
Abbreviations (РГБ, БАЕ) match case-sensitively, with any inflection ending after them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cislib.extract.lang import load
from cislib.extract.text import Token, stemmer_for, stems_of
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
    return len(a.surface) == 1 and a.surface.isupper() and bool(
        _INITIAL_DOT.fullmatch(text, a.end, b.start)
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
        " " not in name and 2 <= len(letters) <= ABBREVIATION_MAX
        and all(c.isupper() for c in letters)
    )


class Gazetteer:
    """Reference names indexed for one language's stemmer."""

    def __init__(self, tag: str, entities: tuple[ReferenceEntity, ...]):
        language = load(tag)
        self.stemmer = stemmer_for(language)
        self.index: dict[tuple[str, ...], ReferenceEntity] = {}
        self.abbreviations: dict[str, ReferenceEntity] = {}
        for entity in entities:
            for names in entity.labels.values():
                for name in names:
                    if is_abbreviation(name):
                        old = self.abbreviations.get(name)
                        self.abbreviations[name] = _better(old, entity) if old else entity
                        continue
                    key = stems_of(name, self.stemmer)
                    if not key:
                        continue
                    old = self.index.get(key)
                    self.index[key] = _better(old, entity) if old else entity
        self.longest = max((len(k) for k in self.index), default=1)

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
        i = 0
        while i < len(tokens):
            found = None
            if tokens[i].capitalised:
                for n in range(min(self.longest, len(tokens) - i), 0, -1):
                    window = tokens[i:i + n]
                    entity = self.index.get(tuple(t.stem for t in window))
                    if entity is None:
                        continue
                    if all(_joined(text, a, b) for a, b in zip(window, window[1:])):
                        found = GazetteerMatch(entity, i, i + n - 1, window[0].start, window[-1].end)
                        break
                if found is None:
                    entity = self._abbreviation(tokens[i])
                    if entity is not None:
                        found = GazetteerMatch(entity, i, i, tokens[i].start, tokens[i].end)
            if found:
                matches.append(found)
                i = found.last + 1
            else:
                i += 1
        return matches


@lru_cache(maxsize=None)
def gazetteer_for(tag: str) -> Gazetteer:
    """The gazetteer of a language tag over the bundled reference data, built once."""
    return Gazetteer(tag, reference_entities())
