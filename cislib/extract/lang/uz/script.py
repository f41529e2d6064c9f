"""Uzbek (uz): the Cyrillic to Latin transliteration the Latin tables are derived with.

Uzbek is written in Cyrillic and in the Latin alphabet of 1995 (as amended). The tables of this
folder are written in Cyrillic only; the loader derives the ``uz-Latn`` tables with
``to_latin``. ``CYRILLIC_TO_LATIN`` gives each lower-case letter's usual Latin form; ``to_latin``
adds the rules that depend on position: е is "ye" at the start of a word and after a vowel or a
sign, ц is "ts" after a vowel and "s" elsewhere, ъ is dropped before е, ё, ю, я. The modifier
letters are U+02BB (oʻ, gʻ) and U+02BC (the tutuq belgisi for ъ).
"""

CYRILLIC_TO_LATIN = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "yo",
    "ж": "j",
    "з": "z",
    "и": "i",
    "й": "y",
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
    "х": "x",
    "ц": "s",
    "ч": "ch",
    "ш": "sh",
    "щ": "sh",
    "ъ": "\u02bc",
    "ы": "i",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ў": "o\u02bb",
    "қ": "q",
    "ғ": "g\u02bb",
    "ҳ": "h",
}

_VOWELS = set("аеёиоуўэюяы")
_SIGNS = set("ъь")
_IOTATED = set("еёюя")


def _latin_of(prev: str, ch: str, nxt: str) -> str:
    low = ch.lower()
    if low == "е":
        after_vowel = prev.lower() in _VOWELS or prev.lower() in _SIGNS
        return "ye" if not prev.isalpha() or after_vowel else "e"
    if low == "ц":
        return "ts" if prev.lower() in _VOWELS else "s"
    if low == "ъ" and nxt.lower() in _IOTATED:
        return ""
    return CYRILLIC_TO_LATIN[low]


def to_latin(text: str) -> str:
    """Transliterate Uzbek Cyrillic into the Latin alphabet; other characters pass unchanged.

    Capitals stay capitals: a letter written with two Latin letters is spelled with one capital
    in a capitalised word (Шаҳар -> Shahar) and with two in a word in capitals (ШАҲАР -> SHAHAR).

    Args:
        text: Uzbek text in Cyrillic (Latin letters, digits and punctuation are kept as they are).

    Returns:
        The text in the Uzbek Latin alphabet.

    Example:
        >>> to_latin("Ўзбекистон Миллий кутубхонасининг ахборот-ресурс маркази")
        'Oʻzbekiston Milliy kutubxonasining axborot-resurs markazi'
        >>> to_latin("Евроосиё кутубхоналар ассоциацияси ЁШЛАР бўлими")
        'Yevroosiyo kutubxonalar assotsiatsiyasi YOSHLAR boʻlimi'
        >>> to_latin("маъруза, конференция, съезд")
        'maʼruza, konferensiya, syezd'
    """
    out = []
    for i, ch in enumerate(text):
        if ch.lower() not in CYRILLIC_TO_LATIN:
            out.append(ch)
            continue
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        latin = _latin_of(prev, ch, nxt)
        if ch.isupper() and latin:
            in_capitals = nxt.isupper() or (prev.isupper() and not nxt.islower())
            latin = latin.upper() if in_capitals else latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)
