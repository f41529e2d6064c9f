"""Text as the recognisers see it: a same-length normalised copy, words with offsets, stems.

Normalisation never changes the length of the text, so an offset into the normalised copy is an
offset into the report: letters are lower-cased one by one (a letter whose lower case is longer
is left alone), apostrophe look-alikes become ``'`` and ``ё`` becomes ``е``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

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
    """A word of the report: ``text[start:end]``, its normalised form and its stems.

    ``stem`` is the greedy stem; ``variants`` are every stem an ending chain can leave
    (Türkmenistanyň: türkmenistanyň, türkmenistan, türkmenista, ...), because the greedy one
    can eat a letter of the word ("-nyň" where "-yň" was meant).
    """

    start: int
    end: int
    surface: str
    norm: str
    stem: str
    variants: frozenset = frozenset()

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
            sorted({normalise(s) for s in language.SUFFIXES if s}, key=len, reverse=True)
        )
        self.min_stem = int(language.MIN_STEM)
        self.repeat = bool(language.STRIP_REPEATEDLY)
        self._cache: dict[str, str] = {}
        self._variants: dict[str, frozenset[str]] = {}

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

    def variants(self, word: str) -> frozenset[str]:
        """Every stem reachable by removing endings (the word itself and its greedy stem too).

        Example:
            >>> from cislib.extract.lang import load
            >>> "türkmenistan" in Stemmer(load("tk")).variants("türkmenistanyň")
            True
        """
        cached = self._variants.get(word)
        if cached is not None:
            return cached
        found = {word, self.stem(word)}
        if not any(ch.isdigit() for ch in word):
            frontier = [word]
            for _ in range(3 if self.repeat else 1):
                nxt = []
                for form in frontier:
                    for suffix in self.suffixes:
                        if form.endswith(suffix) and len(form) - len(suffix) >= self.min_stem:
                            shorter = form[: -len(suffix)]
                            if shorter not in found:
                                found.add(shorter)
                                nxt.append(shorter)
                frontier = nxt
        result = frozenset(found)
        self._variants[word] = result
        return result


@cache
def stemmer_for(language: Language) -> Stemmer:
    """The stemmer of a language, built once."""
    return Stemmer(language)


def tokenize(text: str, norm: str, stemmer: Stemmer, start: int = 0, end: int | None = None):
    """The words of ``text[start:end]`` as tokens (``norm`` is ``normalise(text)``)."""
    end = len(text) if end is None else end
    return [
        Token(
            m.start(),
            m.end(),
            text[m.start() : m.end()],
            m.group(),
            stemmer.stem(m.group()),
            stemmer.variants(m.group()),
        )
        for m in WORD.finditer(norm, start, end)
    ]


def stems_of(phrase: str, stemmer: Stemmer) -> tuple[str, ...]:
    """The stems of the words of a phrase, e.g. a reference name or a table entry."""
    norm = normalise(phrase)
    return tuple(stemmer.stem(m.group()) for m in WORD.finditer(norm))


class PhraseTable:
    """Phrases (names, event words, titles) found in tokens by the stems of their words.

    A phrase's words are stemmed greedily once; a text word matches a phrase word when that
    stem is among the text word's variants, so inflected and possessive forms meet their
    dictionary form. The longest phrase wins.
    """

    def __init__(self, phrases, stemmer: Stemmer, prefer=None):
        """Index ``phrases`` (an iterable of (text, value)); ``prefer(old, new)`` breaks ties."""
        keyed: dict[tuple[str, ...], object] = {}
        for phrase, value in phrases:
            key = stems_of(phrase, stemmer)
            if not key:
                continue
            if key in keyed and prefer is not None:
                value = prefer(keyed[key], value)
            keyed[key] = value
        self.by_first: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for key, value in sorted(keyed.items(), key=lambda kv: (-len(kv[0]), kv[0])):
            self.by_first.setdefault(key[0], []).append((key, value))
        self.longest = max((len(k) for k in keyed), default=0)
        self.keys = keyed

    def match(self, tokens, i: int, joined=None):
        """The longest phrase starting at token ``i``: (last token index, value), or None.

        ``joined(a, b)`` may forbid a phrase to span what stands between two tokens.
        """
        candidates = []
        for variant in tokens[i].variants or (tokens[i].stem,):
            candidates.extend(self.by_first.get(variant, ()))
        candidates.sort(key=lambda kv: (-len(kv[0]), kv[0]))
        for key, value in candidates:
            last = i + len(key) - 1
            if last >= len(tokens):
                continue
            if all(
                key[k] in (tokens[i + k].variants or (tokens[i + k].stem,))
                for k in range(1, len(key))
            ) and (joined is None or all(joined(tokens[k], tokens[k + 1]) for k in range(i, last))):
                return last, value
        return None
