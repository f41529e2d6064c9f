"""Spelling one Cyrillic name in the script and orthography of the report that mentions it.

People's names are kept in Cyrillic, in the spelling of their own country (Улуғбек, Шаҳло);
a report spells them its own way: Russian has no ғ or ҳ (Улугбек, Шахло), Turkmen writes them
in its Latin alphabet (Tatýana Iwanowna), English transliterates (Tatyana Ivanovna), Uzbek Latin
uses ``cislib.extract.lang.uz.script.to_latin``.
"""

from __future__ import annotations

from functools import cache

from cislib.extract.lang.uz.script import to_latin as uzbek_latin

#: Letters of the Turkic Cyrillic alphabets that Russian spelling replaces.
TURKIC_TO_RUSSIAN = {
    "ә": "а",
    "ғ": "г",
    "қ": "к",
    "ң": "н",
    "ө": "о",
    "ұ": "у",
    "ү": "у",
    "һ": "х",
    "і": "и",
    "ў": "у",
    "ҳ": "х",
}

#: Letters a Cyrillic report of each language replaces in names spelled elsewhere: Kazakh and
#: Kyrgyz have no ў or ҳ, Kyrgyz has no қ or ғ either.
FOREIGN_LETTERS = {
    "ru": TURKIC_TO_RUSSIAN,
    "kk": {"ў": "у", "ҳ": "х"},
    "ky": {"ў": "у", "ҳ": "х", "қ": "к", "ғ": "г", "ә": "а", "ұ": "у", "і": "и", "һ": "х"},
    "uz-Cyrl": {"ә": "а", "ң": "н", "ө": "ў", "ұ": "у", "ү": "у", "і": "и", "һ": "ҳ"},
}

#: Cyrillic to Turkmen Latin, the way Turkmen writes foreign names (Tatýana Iwanowna).
TO_TURKMEN = {
    "а": "a",
    "б": "b",
    "в": "w",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "ýo",
    "ж": "ž",
    "з": "z",
    "и": "i",
    "й": "ý",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "s",
    "ч": "ç",
    "ш": "ş",
    "щ": "şç",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "ýu",
    "я": "ýa",
    "ә": "ä",
    "ғ": "g",
    "қ": "k",
    "ң": "ň",
    "ө": "ö",
    "ұ": "u",
    "ү": "ü",
    "һ": "h",
    "і": "i",
    "ў": "o",
    "ҳ": "h",
}

#: Cyrillic to English (a common passport-style romanisation).
TO_ENGLISH = {
    **{k: v for k, v in TO_TURKMEN.items() if v.isascii()},
    "в": "v",
    "ё": "yo",
    "ж": "zh",
    "й": "y",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ю": "yu",
    "я": "ya",
    "ә": "a",
    "ғ": "gh",
    "қ": "q",
    "ң": "ng",
    "ө": "o",
    "ү": "u",
    "ҳ": "h",
}

_VOWELS = set("аеёиоуыэюяәөұүіў")
_SIGNS = set("ъь")


def _romanise(name: str, table: dict[str, str], iotated_e: str) -> str:
    out = []
    low = name.lower()
    i = 0
    while i < len(name):
        ch, lower = name[i], low[i]
        if low.startswith("дж", i):
            latin, step = "j", 2
        elif lower == "е" and (i == 0 or low[i - 1] in _VOWELS or low[i - 1] in _SIGNS):
            latin, step = iotated_e, 1
        elif lower in table:
            latin, step = table[lower], 1
        else:
            latin, step = ch, 1
        if ch.isupper() and latin:
            latin = latin[0].upper() + latin[1:]
        out.append(latin)
        i += step
    return "".join(out)


def _replace(name: str, letters: dict[str, str]) -> str:
    out = []
    for ch in name:
        new = letters.get(ch.lower())
        out.append(ch if new is None else (new.upper() if ch.isupper() else new))
    return "".join(out)


@cache
def spell(name: str, tag: str) -> str:
    """A Cyrillic name as a report in language ``tag`` writes it.

    Example:
        >>> spell("Улуғбек", "ru"), spell("Улуғбек", "uz-Latn"), spell("Татьяна", "tk")
        ('Улугбек', 'Ulugʻbek', 'Tatýana')
        >>> spell("Джамшед Андреевич", "en")
        'Jamshed Andreyevich'
    """
    if tag == "tk":
        return _romanise(name, TO_TURKMEN, "ýe")
    if tag == "en":
        return _romanise(name, TO_ENGLISH, "ye")
    if tag in ("uz-Cyrl", "uz-Latn"):
        # Uzbek writes the sound of Russian "дж" with one letter (Жамшид, Jamshid).
        name = name.replace("Дж", "Ж").replace("дж", "ж")
        name = _replace(name, FOREIGN_LETTERS["uz-Cyrl"])
        return uzbek_latin(name) if tag == "uz-Latn" else name
    return _replace(name, FOREIGN_LETTERS.get(tag, {}))
