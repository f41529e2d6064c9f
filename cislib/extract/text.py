"""Text as the recognisers see it: a same-length normalised copy, words with offsets, stems.

Normalisation never changes the length of the text, so an offset into the normalised copy is an
offset into the report: letters are lower-cased one by one (a letter whose lower case is longer
is left alone), apostrophe look-alikes become ``'`` and ``ё`` becomes ``е``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cislib.extract.lang import Language
from cislib.extract.lang.base import APOSTROPHES

_FOLD = {**{a: "'" for a in APOSTROPHES}, "ё": "е", "Ё": "е"}
#: A word: letters with apostrophes inside (Uzbek Latin oʻ, gʻ, tutuq belgisi), or a number.
#: Letters and digits are split ("geçirildi2021" is two words).
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+")


def _fold_char(ch: str) -> str:
    if ch in _FOLD:
        return _FOLD[ch]
    low = ch.lower()
    return low if len(low) == 1 else ch


def normalise(text: str) -> str:
    """A copy of ``text`` of the same length, for comparing words.

    Example:
        >>> normalise("Oʻzbekiston Ё")
        "o'zbekiston е"
    """
    return "".join(_fold_char(ch) for ch in text)


@dataclass(frozen=True)
class Token:
    """A word of the report: ``text[start:end]``, its normalised form and its stem."""

    start: int
    end: int
    surface: str
    norm: str
    stem: str

    @property
    def capitalised(self) -> bool:
        """True when the word starts with an upper-case letter (or is all digits)."""
        return self.surface[:1].isupper()


class Stemmer:
    """Strips inflection endings as a language's morphology tables say.

    The same stemmer is applied to reference names and to report text; names match when their
    stems do, so Ўзбекистондан, Ўзбекистон and Ўзбекистонга all meet at ``ўзбекистон``.
    """

    def __init__(self, language: Language):
        self.suffixes = tuple(
            sorted({s.lower() for s in language.SUFFIXES if s}, key=len, reverse=True)
        )
        self.min_stem = int(language.MIN_STEM)
        self.repeat = bool(language.STRIP_REPEATEDLY)
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """The stem of a normalised word.

        Example:
            >>> from cislib.extract.lang import load
            >>> Stemmer(load("uz-Cyrl")).stem("кутубхонасининг")
            'кутубхона'
        """
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        stem = word
        if not any(ch.isdigit() for ch in word):
            changed = True
            while changed:
                changed = False
                for suffix in self.suffixes:
                    if stem.endswith(suffix) and len(stem) - len(suffix) >= self.min_stem:
                        stem = stem[: -len(suffix)]
                        changed = self.repeat
                        break
        self._cache[word] = stem
        return stem


@lru_cache(maxsize=None)
def stemmer_for(language: Language) -> Stemmer:
    """The stemmer of a language, built once."""
    return Stemmer(language)


def tokenize(text: str, norm: str, stemmer: Stemmer, start: int = 0, end: int | None = None):
    """The words of ``text[start:end]`` as tokens (``norm`` is ``normalise(text)``)."""
    end = len(text) if end is None else end
    return [
        Token(m.start(), m.end(), text[m.start():m.end()], m.group(), stemmer.stem(m.group()))
        for m in WORD.finditer(norm, start, end)
    ]


def stems_of(phrase: str, stemmer: Stemmer) -> tuple[str, ...]:
    """The stems of the words of a phrase, e.g. a reference name or a table entry."""
    norm = normalise(phrase)
    return tuple(stemmer.stem(m.group()) for m in WORD.finditer(norm))
