"""Which language and script a paragraph is written in.

Scores each supported tag of the paragraph's script by its distinctive letters and its
stopwords (both from the language tables); reports often mix languages, so this runs per
paragraph.
"""

from __future__ import annotations

import re
from collections import Counter

from cislib.extract.lang import SUPPORTED_TAGS, load
from cislib.extract.text import WORD, normalise

_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
CYRILLIC_TAGS = ("ru", "uz-Cyrl", "kk", "ky")
LATIN_TAGS = ("en", "uz-Latn", "tk")
#: What to answer when nothing distinguishes the candidates.
DEFAULT_TAG = {"cyrillic": "ru", "latin": "en"}


def script_of(text: str) -> str:
    """``"cyrillic"`` or ``"latin"``, by which letters are more frequent."""
    return "cyrillic" if len(_CYRILLIC.findall(text)) >= len(_LATIN.findall(text)) else "latin"


def score_languages(text: str) -> dict[str, float]:
    """A score per candidate tag of the text's script; higher is likelier."""
    script = script_of(text)
    candidates = CYRILLIC_TAGS if script == "cyrillic" else LATIN_TAGS
    norm = normalise(text)
    words = Counter(m.group() for m in WORD.finditer(norm))
    letters = Counter(norm)
    total_words = max(1, sum(words.values()))
    scores = {}
    for tag in candidates:
        language = load(tag)
        stop = sum(words[w] for w in {normalise(w) for w in language.STOPWORDS})
        distinctive = sum(letters[ch] for ch in set(normalise(language.LETTERS)))
        scores[tag] = (2.0 * stop + distinctive) / total_words
    return scores


def detect_language(text: str) -> str:
    """The BCP 47 tag a text is most likely written in.

    Example:
        >>> detect_language("Лойиҳада 50 нафар ёш мутахассислар иштирок этдилар.")
        'uz-Cyrl'
    """
    scores = score_languages(text)
    best = max(scores.values())
    if best <= 0:
        return DEFAULT_TAG[script_of(text)]
    return min((tag for tag, s in scores.items() if s == best), key=SUPPORTED_TAGS.index)
