"""People of generated reports: names made from the first-name list, written in any language.

A person has a first name, a father's name and a surname root, all first names of their
country (``first_names.txt`` beside this module, a gender-annotated selection of the reader's
list ``cislib/extract/lang/first_names.txt``). The surname is the root with a surname ending of
the language tables (Карим -> Каримов, Каримова; Арам -> Арамян); the patronymic is Russian in
style (Каримович, Каримовна) or Central Asian (Карим ўғли, Карим уулу, Карімұлы), as the
report's language and the person's country make natural. Every form is spelled for the report
(``scripts.spell``) and, in Russian, declined (``morphology.russian_name_part``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from cislib.extract.lang import load
from cislib.synth.morphology import inflect, russian_name_part
from cislib.synth.scripts import spell

#: Where a Central Asian patronymic ("Карим ўғли") is written, the language whose tables hold
#: the words for "son" and "daughter" (the first two ``PATRONYMIC_ENDINGS`` of each), and the
#: people it is used for.
TURKIC_PATRONYMIC = {"uz-Cyrl": "uz", "uz-Latn": "uz", "kk": "kz", "ky": "kg"}

#: Kazakh writes the word for "son" or "daughter" joined to the father's name (Ерланқызы).
JOINED_PATRONYMIC = ("kk",)


@dataclass(frozen=True)
class NamePool:
    """The first names of one country: men's, women's, and the men's that make surnames."""

    male: tuple[str, ...]
    female: tuple[str, ...]
    roots: tuple[str, ...]


@cache
def name_pools() -> dict[str, NamePool]:
    """The name pools by country, read from ``first_names.txt`` once."""
    text = resources.files(__package__).joinpath("first_names.txt").read_text(encoding="utf-8")
    male: dict[str, list[str]] = {}
    female: dict[str, list[str]] = {}
    roots: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        country, gender, *names = line.split()
        target = male if gender == "m" else female
        for name in names:
            target.setdefault(country, []).append(name.lstrip("*"))
            if name.startswith("*"):
                roots.setdefault(country, []).append(name[1:])
    pools = {c: NamePool(tuple(male[c]), tuple(female[c]), tuple(roots[c])) for c in sorted(male)}
    # Belarusian and Moldovan colleagues are named, in these reports, with Russian names.
    pools["by"] = pools["md"] = pools["ru"]
    return pools


def surname_from(root: str, female: bool, country: str) -> str:
    """A surname made from a man's first name, as surnames of the region are made.

    Example:
        >>> surname_from("Карим", False, "uz"), surname_from("Андрей", True, "ru")
        ('Каримов', 'Андреева')
        >>> surname_from("Тигран", True, "am"), surname_from("Чарыяр", False, "tm")
        ('Тигранян', 'Чарыяров')
    """
    if country == "am":
        return root + "ян"
    low = root.lower()
    if low.endswith("й"):
        base = root[:-1] + "ев"
    elif low.endswith(("а", "я")):
        base = root[:-1] + "ин"
    elif low[-1] in "еиоуыэюё" or low[-1] in "жшчщц":
        base = root + "ев"
    else:
        base = root + "ов"
    return base + "а" if female else base


def russian_patronymic(father: str, female: bool) -> str | None:
    """The Russian-style patronymic from a father's name, or None for names that make none.

    Example:
        >>> russian_patronymic("Серик", True), russian_patronymic("Николай", False)
        ('Сериковна', 'Николаевич')
    """
    low = father.lower()
    if low.endswith("ий"):
        stem, soft = father[:-1], True
    elif low.endswith("й"):
        stem, soft = father[:-1], True
    elif low[-1] in "аеиоуыэюяьё":
        return None
    else:
        stem, soft = father, low[-1] in "жшчщц"
    if soft:
        return stem + ("евна" if female else "евич")
    return stem + ("овна" if female else "ович")


@dataclass(frozen=True)
class Person:
    """A generated person: name parts in Cyrillic, the spelling of their own country."""

    first: str
    father: str
    root: str
    female: bool
    country: str
    patronymic_style: str  # "russian", "turkic" or "none"

    @property
    def surname(self) -> str:
        """The surname, in Cyrillic."""
        return surname_from(self.root, self.female, self.country)

    def patronymic(self, tag: str) -> str | None:
        """The patronymic as a report in ``tag`` writes it, or None."""
        if self.patronymic_style == "none":
            return None
        if self.patronymic_style == "turkic" and TURKIC_PATRONYMIC.get(tag) == self.country:
            son, daughter = load(tag).PATRONYMIC_ENDINGS[:2]
            word = daughter if self.female else son
            if tag in JOINED_PATRONYMIC:
                return spell(self.father, tag) + word
            return f"{spell(self.father, tag)} {word}"
        russian = russian_patronymic(self.father, self.female)
        return spell(russian, tag) if russian else None

    def parts(self, tag: str) -> tuple[str, str | None, str]:
        """First name, patronymic (or None) and surname, spelled for ``tag``."""
        return _parts(self, tag)

    def name_en(self) -> str:
        """The full name in English, for gold files."""
        first, patronymic, surname = self.parts("en")
        return " ".join(p for p in (first, patronymic, surname) if p)

    def render(self, tag: str, form: str = "full", case: str = "nom") -> str:
        """The name in a report of language ``tag``.

        Forms: ``full`` (first name, patronymic, surname; a Central Asian patronymic comes
        after the first name), ``name`` (first name and surname), ``initials`` ("А.С.
        Жумабаева"), ``initial`` ("А. Жумабаева"), ``reversed`` ("Жумабаева А.С."),
        ``formal`` (surname, first name, patronymic: Тўлқинова Гулноза Шавкат қизи),
        ``title`` (English "Ms Zhumabayeva").

        Example:
            >>> p = Person("Айгуль", "Серик", "Жумабай", True, "kz", "russian")
            >>> p.render("ru", "full", "gen")
            'Айгуль Сериковны Жумабаевой'
            >>> p.render("kk", "initials", "gen")
            'А.С. Жумабаеваның'
        """
        first, patronymic, surname = self.parts(tag)
        if tag == "ru" and case != "nom":
            first = russian_name_part(first, "first", case, self.female)
            if patronymic:
                patronymic = russian_name_part(patronymic, "patronymic", case, self.female)
            surname = russian_name_part(surname, "surname", case, self.female)
        initials = first[:1] + "." + (patronymic[:1] + "." if patronymic else "")
        if form == "full" and self.patronymic_style == "turkic" and tag.startswith("uz"):
            # Uzbek writes a name with "ўғли"/"қизи" surname first: Тўлқинова Гулноза Шавкат
            # қизи.
            form = "formal"
        if form == "full":
            text = " ".join(p for p in (first, patronymic, surname) if p)
        elif form == "name":
            text = f"{first} {surname}"
        elif form == "initials":
            text = f"{initials} {surname}"
        elif form == "initial":
            text = f"{first[:1]}. {surname}"
        elif form == "reversed":
            text = f"{surname} {initials}"
        elif form == "formal":
            text = " ".join(p for p in (surname, first, patronymic) if p)
        elif form == "title":
            text = f"{'Ms' if self.female else 'Mr'} {surname}"
        else:
            raise ValueError(f"unknown name form {form!r}")
        if tag not in ("ru", "en") and case != "nom" and form not in ("reversed", "formal"):
            text = inflect(text, case, tag)
        return text


@lru_cache(maxsize=65536)
def _parts(person: Person, tag: str) -> tuple[str, str | None, str]:
    return spell(person.first, tag), person.patronymic(tag), spell(person.surname, tag)


@cache
def _fathers(country: str) -> tuple[str, ...]:
    # Fathers' names are among the surname roots: names like Павел (Павлович) or Илья (Ильич)
    # make patronymics that no rule of endings gets right.
    return tuple(n for n in name_pools()[country].roots if russian_patronymic(n, False))


def make_person(rng: random.Random, country: str, tag: str, female: bool | None = None) -> Person:
    """A new person from ``country`` for a report in ``tag``, with a patronymic style that the
    language and the country make natural."""
    pool = name_pools()[country]
    if female is None:
        female = rng.random() < 0.5
    first = rng.choice(pool.female if female else pool.male)
    father = rng.choice(_fathers(country))
    root = rng.choice([r for r in pool.roots if r not in (first, father)] or pool.roots)
    if TURKIC_PATRONYMIC.get(tag) == country and rng.random() < 0.45:
        style = "turkic"
    elif tag == "en" or tag == "tk":
        style = "russian" if rng.random() < 0.35 else "none"
    else:
        style = "russian" if rng.random() < 0.75 else "none"
    return Person(first, father, root, female, country, style)
