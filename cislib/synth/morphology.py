"""Inflecting names and nouns for generated sentences: the generating side of the morphology.

The reader's tables (``cislib/extract/lang/<lang>/morphology.py``) list the endings it strips;
this module puts them on. Russian uses the pymorphy3 dictionary the reader also uses (noun
phrases agree with their head noun: "Национальной библиотеке Беларуси"; people's names follow
the rules of their endings). The Turkic languages add case endings to the last word of a
phrase, chosen by vowel harmony and by the sound the word ends in, after the possessive
ending where the phrase has one (кітапхана -> кітапхананың, кітапханасы -> кітапханасының).
English needs none.

Cases: ``nom``, ``gen``, ``dat``, ``loc``, ``abl``, ``acc``, ``ins``; Turkic also ``poss`` (the
third-person possessive: директор -> директоры) and ``poss-<case>``.
"""

from __future__ import annotations

from functools import cache, lru_cache

from cislib.extract.lang.uz.script import to_latin

#: pymorphy3 grammemes of the cases; Russian says "from" with a preposition and the genitive.
RUSSIAN_CASES = {
    "nom": "nomn",
    "gen": "gent",
    "abl": "gent",
    "dat": "datv",
    "acc": "accs",
    "ins": "ablt",
    "loc": "loct",
}


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _keep_case(model: str, word: str) -> str:
    """``word`` written with the capitals of ``model`` (first letter or all, per hyphenated
    part: Санкт-Петербурга)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    models, parts = model.split("-"), word.split("-")
    if len(models) != len(parts):
        models, parts = [model], [word]
    return "-".join(
        p[:1].upper() + p[1:] if m[:1].isupper() else p for m, p in zip(models, parts, strict=True)
    )


@cache
def _can_be_adjective(word: str) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") for p in _morph().parse(word))


@cache
def _russian_parse(word: str, pos: tuple[str, ...]):
    parses = [p for p in _morph().parse(word) if p.tag.POS in pos]
    nominative = [p for p in parses if p.tag.case == "nomn"]
    places = [p for p in nominative if "Geox" in p.tag]
    for group in (places, nominative, parses):
        if group:
            return group[0]
    return None


def _russian_word(word: str, grammemes: set[str]) -> str:
    return _russian_word_cached(word, frozenset(grammemes))


@cache
def _russian_word_cached(word: str, grammemes: frozenset[str]) -> str:
    if "-" in word and not word.lower().startswith(("санкт", "нур", "ust", "усть")):
        # "научно-практическая", "информационно-библиотечный": only the last part inflects.
        head, _, tail = word.rpartition("-")
        return f"{head}-{_russian_word(tail, grammemes)}"
    parse = _russian_parse(word.lower(), ("NOUN", "ADJF", "PRTF"))
    if parse is None:
        return word
    inflected = parse.inflect(grammemes)
    return _keep_case(word, inflected.word) if inflected else word


def _russian_head(words: list[str]):
    return _russian_head_cached(tuple(words))


@cache
def _russian_head_cached(words: tuple[str, ...]):
    """The index and parse of a phrase's head noun: the first noun that is not also an
    adjective standing before another word ("рабочий визит": визит), or None."""
    for i, word in enumerate(words):
        if _abbreviation(word):
            return None
        core = word.rpartition("-")[2].lower()
        if i < len(words) - 1 and _can_be_adjective(core):
            continue
        parse = _russian_parse(core, ("NOUN",))
        if parse is not None:
            return i, parse
    return None


@cache
def russian_phrase(phrase: str, case: str, number: str = "sing") -> str:
    """A Russian noun phrase in ``case``: adjectives agree with the first noun, which inflects;
    what follows the noun (a genitive complement, "имени ...") stays as it is.

    Example:
        >>> russian_phrase("Национальная библиотека Беларуси", "loc")
        'Национальной библиотеке Беларуси'
        >>> russian_phrase("научно-практическая конференция", "gen")
        'научно-практической конференции'
        >>> russian_phrase("рабочий визит", "gen"), russian_phrase("круглый стол", "acc")
        ('рабочего визита', 'круглый стол')
    """
    if case == "nom" and number == "sing":
        return phrase
    words = phrase.split(" ")
    head = _russian_head(words)
    if head is None:
        return phrase
    index, parse = head
    grammemes = {RUSSIAN_CASES[case], number}
    gender = parse.tag.gender or "masc"
    out = list(words)
    out[index] = _russian_word(words[index], grammemes)
    agree = grammemes | ({gender} if number == "sing" else set())
    if case == "acc" and gender == "masc" and number == "sing":
        agree |= {"anim" if parse.tag.animacy == "anim" else "inan"}
    for i in range(index):
        out[i] = _russian_word(words[i], agree)
    return " ".join(out)


@cache
def russian_agreeing(adjectives: tuple[str, ...], head: str) -> str:
    """Adjectives (dictionary form) before a head phrase, agreeing with its noun.

    Example:
        >>> russian_agreeing(("международный",), "научно-практическая конференция")
        'международная научно-практическая конференция'
        >>> russian_agreeing(("городской",), "централизованная библиотечная система")
        'городская централизованная библиотечная система'
    """
    found = _russian_head(head.split(" "))
    noun = found[1] if found else None
    gender = (noun.tag.gender if noun else None) or "masc"
    number = noun.tag.number if noun else "sing"
    grammemes = {"nomn", number} | ({gender} if number == "sing" else set())
    return " ".join((*(_russian_word(a, grammemes) for a in adjectives), head))


@cache
def russian_gender(phrase: str) -> str:
    """The grammatical gender of a Russian phrase's first noun: "m", "f" or "n" ("pl" for a
    plural noun), for the verbs that agree with it.

    Example:
        >>> russian_gender("Национальная библиотека Беларуси"), russian_gender("круглый стол")
        ('f', 'm')
    """
    words = phrase.split(" ")
    if _abbreviation(words[0]):
        return "f"  # an abbreviation stands for a "библиотека" or an "организация"
    found = _russian_head(words)
    if found is None:
        return "m"
    parse = found[1]
    if parse.tag.number == "plur":
        return "pl"
    return {"masc": "m", "femn": "f", "neut": "n"}.get(parse.tag.gender, "m")


def _abbreviation(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@cache
def russian_count(value: int, noun: str, case: str = "nom") -> str:
    """A counted Russian noun phrase: 230 специалистов, 72 академических часа, из 21 страны.

    Example:
        >>> russian_count(72, "академический час"), russian_count(21, "страна", "gen")
        ('72 академических часа', '21 страны')
    """
    if noun == "человек" and case == "nom":
        # After a number "человек" keeps its own counted form (230 человек, 3 человека).
        few = value % 10 in (2, 3, 4) and value % 100 not in (12, 13, 14)
        return f"{value} {'человека' if few else 'человек'}"
    words = []
    for word in noun.split(" "):
        parse = _russian_parse(word, ("NOUN", "ADJF"))
        if parse is None:
            words.append(word)
            continue
        if case == "nom":
            agreed = parse.make_agree_with_number(value)
        else:
            # In the oblique cases a number ending in 1 (not 11) takes the singular.
            one = value % 10 == 1 and value % 100 != 11
            agreed = parse.inflect({RUSSIAN_CASES[case], "sing" if one else "plur"})
        words.append(agreed.word if agreed else word)
    return f"{value} {' '.join(words)}"


# --- Russian names of people ------------------------------------------------------------------

_HUSHING = "жшчщц"
_VELAR = "гкх"


def _russian_first_name(name: str, case: str, female: bool) -> str:
    low = name.lower()
    if female:
        if low.endswith("ия"):
            ends = {"gen": "ии", "dat": "ии", "loc": "ии", "ins": "ией", "acc": "ию"}
            return name[:-1] + ends[case][1:] if case != "nom" else name
        if low.endswith("я"):
            return name[:-1] + {"gen": "и", "dat": "е", "loc": "е", "ins": "ей", "acc": "ю"}[case]
        if low.endswith("а"):
            gen = "и" if low[-2:-1] in _VELAR + _HUSHING else "ы"
            ins = "ей" if low[-2:-1] in _HUSHING else "ой"
            return name[:-1] + {"gen": gen, "dat": "е", "loc": "е", "ins": ins, "acc": "у"}[case]
        # Айгуль, Айгерим: women's names ending in a consonant or ь are not declined.
        return name
    if low.endswith(("й", "ь")):
        return name[:-1] + {"gen": "я", "dat": "ю", "loc": "е", "ins": "ем", "acc": "я"}[case]
    if low.endswith("а"):
        return _russian_first_name(name, case, True)
    if low[-1:] in "еиоуыэюя":
        return name
    ins = "ем" if low[-1:] in _HUSHING else "ом"
    return name + {"gen": "а", "dat": "у", "loc": "е", "ins": ins, "acc": "а"}[case]


def _russian_patronymic(name: str, case: str, female: bool) -> str:
    if female:
        return name[:-1] + {"gen": "ы", "dat": "е", "loc": "е", "ins": "ой", "acc": "у"}[case]
    return name + {"gen": "а", "dat": "у", "loc": "е", "ins": "ем", "acc": "а"}[case]


def _russian_surname(name: str, case: str, female: bool) -> str:
    low = name.lower()
    if female and low.endswith(("ова", "ева", "ина", "ына")):
        return name[:-1] + {"gen": "ой", "dat": "ой", "loc": "ой", "ins": "ой", "acc": "у"}[case]
    if not female and low.endswith(("ов", "ев", "ин", "ын")):
        return name + {"gen": "а", "dat": "у", "loc": "е", "ins": "ым", "acc": "а"}[case]
    if not female and low[-1:] not in "аеиоуыэюяь":
        # Armenian -ян and other consonant endings of men's surnames decline as nouns.
        return name + {"gen": "а", "dat": "у", "loc": "е", "ins": "ом", "acc": "а"}[case]
    return name


def russian_name_part(word: str, part: str, case: str, female: bool) -> str:
    """One part of a person's name (``first``, ``patronymic``, ``surname``) in a Russian case.

    Example:
        >>> russian_name_part("Жумабаева", "surname", "gen", True)
        'Жумабаевой'
        >>> russian_name_part("Андреевич", "patronymic", "ins", False)
        'Андреевичем'
    """
    if case == "nom" or not word:
        return word
    if part == "first":
        return _russian_first_name(word, case, female)
    if part == "patronymic":
        if " " in word or not word.lower().endswith(("вич", "вна", "ична", "ьич")):
            return word  # "Бахтиёр угли" does not decline
        return _russian_patronymic(word, case, female)
    return _russian_surname(word, case, female)


# --- Turkic case endings ----------------------------------------------------------------------

#: Vowels by harmony class, Cyrillic and Latin.
_BACK = set("аоұыяуёюaouy")
_FRONT = set("әеөүіиэeäiöü")
_ROUNDED = set("оөуүёюoöuü")
_VOWELS = _BACK | _FRONT | set("ўo")
_VOICELESS = set("кқпстфхцчшщkpstfhçş")
_NASAL = set("мнңmnň")


@cache
def _last_vowel(word: str) -> str:
    for ch in reversed(word.lower()):
        if ch in _VOWELS:
            return ch
    return "а"


def _back(word: str, tag: str) -> bool:
    if tag == "kk" and word.endswith("ь"):
        return False  # Беларусьтің: the soft sign makes the ending front
    vowel = _last_vowel(word)
    if tag == "kk" and vowel in "уи":
        # Kazakh у and и follow the vowel before them.
        for ch in reversed(word.lower()[: word.lower().rfind(vowel)]):
            if ch in _BACK - {"у"} or ch in _FRONT - {"и"}:
                return ch in _BACK
        return vowel == "у"
    return vowel in _BACK


def _final(word: str) -> str:
    """The last sound of a word: its last letter, the soft sign left aside."""
    low = word.lower().rstrip("ьъʼ'")
    return low[-1:] if low else ""


def _ends_in_vowel(word: str) -> bool:
    low = word.lower()
    if low.endswith("oʻ"):
        return True
    return _final(word) in _VOWELS


def _kyrgyz_high(word: str) -> str:
    vowel = _last_vowel(word)
    if vowel in "оуёю":
        return "у"
    if vowel in "өү":
        return "ү"
    if vowel in "еиэ":
        return "и"
    return "ы"


def _kyrgyz_low(word: str) -> str:
    vowel = _last_vowel(word)
    if vowel in "оё":
        return "о"
    if vowel in "өү":
        return "ө"
    if vowel in "еиэ":
        return "е"
    return "а"


#: Endings after the third-person possessive (the "pronominal n" where the language has one).
_AFTER_POSSESSIVE = {
    "kk": {"gen": ("ның", "нің"), "dat": ("на", "не"), "loc": ("нда", "нде"),
           "abl": ("нан", "нен"), "acc": ("н", "н"), "ins": ("мен", "мен")},
    "tk": {"gen": ("nyň", "niň"), "dat": ("na", "ne"), "loc": ("nda", "nde"),
           "abl": ("ndan", "nden"), "acc": ("ny", "ni"), "ins": ("", "")},
    "uz": {"gen": ("нинг", "нинг"), "dat": ("га", "га"), "loc": ("да", "да"),
           "abl": ("дан", "дан"), "acc": ("ни", "ни"), "ins": ("", "")},
}  # fmt: skip


def _kazakh_ending(word: str, case: str) -> str:
    back = _back(word, "kk")
    pick = lambda pair: pair[0] if back else pair[1]  # noqa: E731
    if _ends_in_vowel(word):
        kind = "vowel"
    elif _final(word) in "мнң":
        kind = "nasal"
    elif _final(word) in _VOICELESS or _final(word) in "бвгд":
        kind = "voiceless"
    else:
        kind = "voiced"
    table = {
        "gen": {"vowel": ("ның", "нің"), "nasal": ("ның", "нің"), "voiced": ("дың", "дің"),
                "voiceless": ("тың", "тің")},
        "dat": {"vowel": ("ға", "ге"), "nasal": ("ға", "ге"), "voiced": ("ға", "ге"),
                "voiceless": ("қа", "ке")},
        "loc": {"vowel": ("да", "де"), "nasal": ("да", "де"), "voiced": ("да", "де"),
                "voiceless": ("та", "те")},
        "abl": {"vowel": ("дан", "ден"), "nasal": ("нан", "нен"), "voiced": ("дан", "ден"),
                "voiceless": ("тан", "тен")},
        "acc": {"vowel": ("ны", "ні"), "nasal": ("ды", "ді"), "voiced": ("ды", "ді"),
                "voiceless": ("ты", "ті")},
        "ins": {"vowel": ("мен", "мен"), "nasal": ("бен", "бен"), "voiced": ("мен", "мен"),
                "voiceless": ("пен", "пен")},
    }  # fmt: skip
    return pick(table[case][kind])


def _kyrgyz_ending(word: str, case: str, possessed: bool) -> str:
    high, low = _kyrgyz_high(word), _kyrgyz_low(word)
    if possessed:
        return {"gen": f"н{high}н", "dat": f"н{low}", "loc": f"нд{low}", "abl": f"н{low}н",
                "acc": "н", "ins": ""}[case]  # fmt: skip
    if _ends_in_vowel(word):
        d, g, n = "д", "г", "н"
    elif _final(word) in _VOICELESS:
        d, g, n = "т", "к", "т"
    else:
        d, g, n = "д", "г", "д"
    endings = {
        "gen": f"{n}{high}н",
        "dat": f"{g}{low}",
        "loc": f"{d}{low}",
        "abl": f"{d}{low}н",
        "acc": f"{n}{high}",
        "ins": "",
    }
    return endings[case]


def _turkmen_ending(word: str, case: str) -> str:
    back = _back(word, "tk")
    vowel = _ends_in_vowel(word)
    table = {
        "gen": ("nyň", "niň") if vowel else ("yň", "iň"),
        "dat": ("a", "e") if not vowel else ("", ""),
        "loc": ("da", "de"),
        "abl": ("dan", "den"),
        "acc": ("ny", "ni") if vowel else ("y", "i"),
        "ins": ("", ""),
    }
    return table[case][0 if back else 1]


def _uzbek_ending(word: str, case: str) -> str:
    final = _final(word)
    if case == "dat":
        ending = "ка" if final in "кk" else "қа" if final in "қq" else "га"
    else:
        ending = {"gen": "нинг", "loc": "да", "abl": "дан", "acc": "ни", "ins": ""}[case]
    return to_latin(ending) if _latin(word) else ending


def _latin(word: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in word)


#: Agent-noun endings (кітапханашы, kitaphanaçy, кутубхоначи): a last vowel that is not a
#: possessive ending.
_AGENT_ENDINGS = ("шы", "ші", "чы", "чи", "чу", "чү", "çy", "çi", "chi")

#: Voiceless final consonants that turn voiced before a vowel in common nouns.
_VOICING = {"қ": "ғ", "к": "г", "п": "б", "q": "gʻ", "k": "g", "p": "b", "ç": "j"}
#: Turkmen voices k, p and ç (t only in some words: sagat -> sagady, but maslahat -> maslahaty).
_TURKMEN_VOICING = {"k": "g", "p": "b", "ç": "j"}


def _possessive_vowel(tag: str, word: str) -> str:
    if tag == "kk":
        return "ы" if _back(word, "kk") else "і"
    if tag == "ky":
        return _kyrgyz_high(word)
    if tag == "tk":
        return "y" if _back(word, "tk") else "i"
    return "i" if _latin(word) else "и"


def is_possessive(phrase: str, tag: str) -> bool:
    """True when the last word of a phrase of two or more words carries the third-person
    possessive ending ("кітапханасы", "kutubxonasi", "kitaphanasy", "маркази").

    Example:
        >>> is_possessive("Ұлттық академиялық кітапханасы", "kk")
        True
        >>> is_possessive("Президенттік кітапхана", "kk"), is_possessive("бас кітапханашы", "kk")
        (False, False)
    """
    words = phrase.split()
    if len(words) < 2:
        return False
    last = words[-1].lower().rpartition("-")[2]
    if last.endswith(_AGENT_ENDINGS) or len(last) < 3:
        return False
    vowel = _possessive_vowel(tag, last[:-1])
    if not last.endswith(vowel) and not (tag == "ky" and last[-1] in "ыиуү"):
        return False
    before = last[:-1]
    if not _ends_in_vowel(before):
        return True
    return before.endswith(("с", "s")) and _ends_in_vowel(before[:-1])


def possessive(word: str, tag: str, common: bool = True) -> str:
    """The third-person possessive of a word: директор -> директоры, кітапхана -> кітапханасы,
    бошлиқ -> бошлиғи (a common noun's voiceless final consonant turns voiced).

    Example:
        >>> possessive("орталық", "kk"), possessive("kitaphana", "tk"), possessive("борбор", "ky")
        ('орталығы', 'kitaphanasy', 'борбору')
    """
    base = word.rstrip("ь")
    vowel = _possessive_vowel(tag, base)
    if _ends_in_vowel(base):
        return base + ("s" if _latin(base) else "с") + vowel
    voicing = _TURKMEN_VOICING if tag == "tk" else _VOICING
    final = base[-1].lower()
    if common and final in voicing and sum(ch.lower() in _VOWELS for ch in base) > 1:
        base = base[:-1] + voicing[final]
    return base + vowel


def _syllables(word: str) -> int:
    return sum(ch in _VOWELS for ch in word.lower())


def _folder(tag: str) -> str:
    return "uz" if tag.startswith("uz") else tag


@cache
def turkic_phrase(phrase: str, case: str, tag: str) -> str:
    """A Turkic phrase with a case ending on its last word (``poss-<case>`` makes the last
    word possessive first).

    Example:
        >>> turkic_phrase("Қазақстан", "abl", "kk"), turkic_phrase("Ресей", "gen", "kk")
        ('Қазақстаннан', 'Ресейдің')
        >>> turkic_phrase("Ош облустук китепканасы", "loc", "ky")
        'Ош облустук китепканасында'
        >>> turkic_phrase("Oʻzbekiston Milliy kutubxonasi", "gen", "uz-Latn")
        'Oʻzbekiston Milliy kutubxonasining'
        >>> turkic_phrase("direktor", "poss-gen", "tk")
        'direktorynyň'
    """
    if case == "nom":
        return phrase
    head, _, last = phrase.rpartition(" ")
    lead = head + " " if head else ""
    if case.startswith("poss"):
        last = possessive(last, tag)
        case = case.partition("-")[2] or "nom"
        if case == "nom":
            return lead + last
        possessed = True
    else:
        possessed = is_possessive(phrase, tag)
    folder = _folder(tag)
    if possessed and folder != "ky":
        ending = _AFTER_POSSESSIVE[folder][case]
        if folder == "uz":
            ending = _uzbek_ending(last, case) if case == "dat" else ending[0]
            ending = to_latin(ending) if _latin(last) else ending
        else:
            ending = ending[0] if _back(last, tag) else ending[1]
        return lead + last + ending
    if folder == "kk":
        ending = _kazakh_ending(last, case)
    elif folder == "ky":
        ending = _kyrgyz_ending(last, case, possessed)
        last = last if possessed else last.rstrip("ь")
    elif folder == "tk":
        ending = _turkmen_ending(last, case)
        if ending[:1] in _VOWELS and last.islower() and _syllables(last) > 1:
            # ylalaşyk -> ylalaşyga: a common noun's final k, p, ç voice before a vowel
            final = last[-1]
            last = last[:-1] + _TURKMEN_VOICING.get(final, final)
    else:
        ending = _uzbek_ending(last, case)
        if last.endswith("ь"):
            last = last[:-1]
    return lead + last + ending


def inflect(phrase: str, case: str, tag: str) -> str:
    """A phrase of language ``tag`` in a case (English and the nominative stay as they are).

    Example:
        >>> inflect("Российская государственная библиотека", "gen", "ru")
        'Российской государственной библиотеки'
        >>> inflect("Кыргызстан", "abl", "ky")
        'Кыргызстандан'
    """
    if case == "nom" or tag == "en":
        return phrase
    if tag == "ru":
        return russian_phrase(phrase, case)
    return turkic_phrase(phrase, case, tag)
