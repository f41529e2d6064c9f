"""Cities missing from the reference data, from the word for "city" beside them.

"Хива шаҳрида", "Daşoguz şäherinde", "Қарағанды қаласында", "Каракол шаарында" (the name, then
the city word: Turkic), "г. Екатеринбург", "городе Пскове" (the city word, then the name:
Russian), "the city of Turkmenabat", "Khiva city" (English, both orders).
"""

from __future__ import annotations

from functools import cache

from cislib.extract.lang import Language
from cislib.extract.reading import Reading
from cislib.extract.recognizers.people import _russian_nominative
from cislib.extract.text import stemmer_for, stems_of
from cislib.identifiers import mint, slugify


@cache
def city_words(language: Language) -> frozenset[str]:
    """The stems of a language's words for "city"."""
    stemmer = stemmer_for(language)
    # "city of" is the word "city" followed by "of"; only the head word marks a city.
    return frozenset(
        stems_of(w.rstrip("."), stemmer)[0]
        for w in language.CITY_WORDS
        if stems_of(w.rstrip("."), stemmer)
    )


def _city_name(token, tag: str) -> str:
    if tag == "ru":
        return _russian_nominative(token.surface, ("Geox", "NOUN"))
    return token.surface


def recognise_places(reading: Reading) -> None:
    """Add cities named with the word for "city" that the reference data does not know."""
    for section in reading.sections:
        words = city_words(section.language)
        toks = section.tokens
        name_first = section.language.HEAD_POSITION != "first"
        for i, tok in enumerate(toks):
            if not tok.variants & words:
                continue
            candidates = []
            if name_first or section.tag == "en":
                candidates.append(i - 1)
            if not name_first or section.tag == "en":
                candidates.append(
                    i + 2
                    if section.tag == "en" and toks[i + 1 : i + 2] and toks[i + 1].norm == "of"
                    else i + 1
                )
            for k in candidates:
                if not 0 <= k < len(toks):
                    continue
                name = toks[k]
                if (
                    not name.capitalised
                    or len(name.surface) < 3
                    or not name.surface.isalpha()
                    or reading.is_claimed(name.start, name.end)
                ):
                    continue
                label = _city_name(name, section.tag)
                reading.add_entity(
                    mint("city", slugify(label)),
                    "City",
                    label,
                    name.start,
                    name.end,
                    from_reference=False,
                    language=section.tag,
                )
                break
