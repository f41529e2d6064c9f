"""What generated reports talk about: countries, cities, libraries and organisations.

Reference entities come from the bundled reference data (``cislib.seeds.reference_entities``)
with their labels in every language. Libraries and organisations that the reference data does
not know are made here, shaped like real ones out of the reader's own name tables
(``NAME_MODIFIERS``, ``LIBRARY_HEADS``, ``ORGANIZATION_HEADS``, ``NAMED_AFTER`` of each
language): "Ош облустук универсалдуу илимий китепканасы", "Lebap welaýat kitaphanasy",
"Областная детская библиотека имени А.К. Турсунова", "Ministry of Culture of the Republic of
Uzbekistan".
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from cislib.extract.lang import SUPPORTED_TAGS, load
from cislib.extract.lang.uz.script import to_latin
from cislib.identifiers import slugify
from cislib.seeds import reference_entities
from cislib.synth.morphology import (
    inflect,
    is_possessive,
    possessive,
    russian_agreeing,
    russian_phrase,
)
from cislib.synth.people import Person, make_person, name_pools

#: Countries whose libraries host and visit in generated reports (ISO codes).
ACTIVE_COUNTRIES = ("ru", "by", "kz", "kg", "uz", "tm", "tj", "am", "az", "md")

#: The country whose language each report language is, where there is one.
HOME_COUNTRY = {"ru": "ru", "uz-Cyrl": "uz", "uz-Latn": "uz", "tk": "tm", "kk": "kz", "ky": "kg"}

#: Kinds of library the generator makes up, and (per language) the modifiers before the head
#: and the head, all taken from the reader's tables and checked against them at import.
#: English names are built like this too, for the gold files.
LIBRARY_SHAPES: dict[str, dict[str, tuple[tuple[str, ...], str]]] = {
    "regional": {
        "ru": (("областной", "универсальный", "научный"), "библиотека"),
        "kk": (("облыстық", "әмбебап", "ғылыми"), "кітапхана"),
        "ky": (("облустук", "универсалдуу", "илимий"), "китепкана"),
        "uz": (("вилоят",), "ахборот-кутубхона маркази"),
        "tk": (("welaýat",), "kitaphana"),
        "en": (("regional", "universal", "scientific"), "library"),
    },
    "children": {
        "ru": (("областной", "детский"), "библиотека"),
        "kk": (("облыстық", "балалар"), "кітапхана"),
        "ky": (("облустук", "балдар"), "китепкана"),
        "uz": (("вилоят", "болалар"), "кутубхона"),
        "tk": (("welaýat", "çagalar"), "kitaphana"),
        "en": (("regional", "children's"), "library"),
    },
    "city-system": {
        "ru": (("городской",), "централизованная библиотечная система"),
        "kk": (("қалалық",), "орталықтандырылған кітапхана жүйесі"),
        "ky": (("шаардык",), "борборлоштурулган китепкана системасы"),
        "uz": (("шаҳар",), "марказлаштирилган кутубхона тизими"),
        "tk": (("şäher",), "merkezleşdirilen kitaphana ulgamy"),
        "en": (("city",), "centralized library system"),
    },
}

#: English names for made-up libraries whose kind is told another way in some language (an
#: Uzbek regional library is an "information and library centre").
ENGLISH_SHAPES = {("regional", "uz"): (("regional",), "information and library centre")}

#: The ministry of culture: the head and the word for culture, from the same tables.
MINISTRY_SHAPE = {
    "ru": ("министерство", "культура"),
    "kk": ("министрлігі", "мәдениет"),
    "ky": ("министрлиги", "маданият"),
    "uz": ("вазирлик", "маданият"),
    "tk": ("ministrligi", "medeniýet"),
    "en": ("ministry", "culture"),
}

#: Reference organisations that co-organise or support events.
PARTNER_ORGANIZATIONS = (
    "library-assembly-of-eurasia",
    "rossotrudnichestvo",
    "interstate-fund-for-humanitarian-cooperation",
    "gorchakov-public-diplomacy-support-fund",
    "cis-executive-committee",
)


def _check_shapes() -> None:
    """Every word the generator builds names from is a word of the reader's tables."""
    for shapes in LIBRARY_SHAPES.values():
        for folder, (modifiers, head) in shapes.items():
            language = load("uz-Cyrl" if folder == "uz" else folder)
            for word in modifiers:
                assert word in language.NAME_MODIFIERS, (folder, word)
            assert head in language.LIBRARY_HEADS, (folder, head)
    for modifiers, head in ENGLISH_SHAPES.values():
        assert head in load("en").LIBRARY_HEADS and set(modifiers) <= set(load("en").NAME_MODIFIERS)
    for folder, (head, culture) in MINISTRY_SHAPE.items():
        language = load("uz-Cyrl" if folder == "uz" else folder)
        assert head in language.ORGANIZATION_HEADS, (folder, head)
        assert culture in language.NAME_MODIFIERS or folder == "en", (folder, culture)


_check_shapes()


@dataclass(eq=False)
class Thing:
    """An entity a report names: a country, city, library, organisation or person.

    ``labels`` holds the names per language tag (the preferred one first); a thing made up for
    one report only has its labels in that report's language (and English).
    """

    type: str
    key: str
    name_en: str
    labels: dict[str, tuple[str, ...]] = field(default_factory=dict)
    country: Thing | None = None
    city: Thing | None = None
    person: Person | None = None
    reference: bool = False
    iso: str | None = None
    #: a post title for people, set when the story gives them one
    post: object | None = None
    #: the organisation a person works for
    org: Thing | None = None

    def label(self, tag: str) -> str:
        """The preferred name in language ``tag``."""
        return self.labels[tag][0]

    def short(self, tag: str) -> str:
        """A shorter name the same language uses for it, or the preferred one.

        The short name is one the full name begins or ends with ("Национальная библиотека
        Узбекистана" for "... имени Алишера Навои"), or an abbreviation (РГБ, NLB).
        """
        full = self.label(tag)
        shorter = [
            name
            for name in self.labels[tag][1:]
            if len(name) < len(full) and (full.startswith(name) or full.endswith(name))
        ]
        return min(shorter, key=len) if shorter else full

    def abbreviation(self, tag: str) -> str | None:
        """An abbreviation of the name in ``tag`` (РГБ, НББ, LAE), if the data has one."""
        for name in self.labels[tag][1:]:
            if _is_abbreviation(name):
                return name
        return None


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """The identifier slug of a name: as ``cislib.identifiers.slugify`` makes it, quicker for
    plain ASCII names (most English names are).

    Example:
        >>> slug("Osh Regional Children's Library"), slug("Bălți")
        ('osh-regional-childrens-library', 'balti')
    """
    if name.isascii():
        return _NOT_SLUG.sub("-", name.lower().replace("'", "")).strip("-")
    return slugify(name)


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return " " not in name and 2 <= len(letters) <= 6 and all(c.isupper() for c in letters)


def _labels(entity, tag: str) -> tuple[str, ...]:
    names = entity.labels.get(tag) or ()
    if not names and tag == "uz-Latn":
        names = tuple(to_latin(n) for n in entity.labels.get("uz-Cyrl", ()))
    # Abbreviations stay available for later mentions, but never as the preferred name.
    full = [n for n in names if not _is_abbreviation(n)]
    return tuple(full[:1] + [n for n in names if n not in full[:1]])


@dataclass
class World:
    """The reference entities as things, indexed for choosing."""

    countries: dict[str, Thing]
    cities: dict[str, list[Thing]]
    libraries: dict[str, list[Thing]]
    by_key: dict[str, Thing]

    def country_things(self) -> list[Thing]:
        """The active countries, in a fixed order."""
        return [self.countries[c] for c in ACTIVE_COUNTRIES]


@cache
def world() -> World:
    """The reference data as things, built once per process."""
    things: dict[str, Thing] = {}
    entities = reference_entities()
    for entity in entities:
        key = entity.iri.rsplit("/", 1)[1]
        things[entity.iri] = Thing(
            type=entity.type,
            key=key,
            name_en=entity.labels["en"][0],
            labels={tag: _labels(entity, tag) for tag in (*SUPPORTED_TAGS,)},
            reference=True,
            iso=key.upper() if entity.type == "Country" else None,
        )
    for entity in entities:
        thing = things[entity.iri]
        thing.country = things.get(entity.country) if entity.country else None
        if entity.type != "City" and entity.city:
            thing.city = things.get(entity.city)
    countries = {t.key: t for t in things.values() if t.type == "Country"}
    cities: dict[str, list[Thing]] = defaultdict(list)
    libraries: dict[str, list[Thing]] = defaultdict(list)
    for thing in things.values():
        if thing.type == "City" and thing.country:
            cities[thing.country.key].append(thing)
        if thing.type == "Library" and thing.city:
            libraries[thing.city.key].append(thing)
    return World(countries, dict(cities), dict(libraries), {t.key: t for t in things.values()})


def long_country_name(country: Thing, tag: str) -> str:
    """The formal name of a country in ``tag`` (Республика Казахстан, Кыргыз Республикасы),
    or its usual name when the data has no longer one.

    Example:
        >>> long_country_name(world().countries["kg"], "ru")
        'Кыргызская Республика'
    """
    short = country.label(tag)
    candidates = [
        n
        for n in country.labels[tag]
        if not _is_abbreviation(n) and (short in n or n[:4] == short[:4])
    ]
    return max(candidates, key=lambda n: (len(n), n)) if candidates else short


@cache
def country_forms(tag: str):
    """Every way a report in ``tag`` may write a country inside another name (nominative and
    genitive of each label): the forms, and one pattern finding any of them, longest first."""
    forms: dict[str, Thing] = {}
    for country in world().countries.values():
        for name in country.labels[tag]:
            if _is_abbreviation(name):
                continue
            for case in ("nom", "gen"):
                forms.setdefault(inflect(name, case, tag), country)
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in ordered) + r")(?!\w)")
    return forms, pattern


@cache
def countries_inside(name: str, tag: str) -> tuple[tuple[str, Thing], ...]:
    """The countries a name names inside it, with the words that name them.

    Example:
        >>> inside = countries_inside("Национальная библиотека Беларуси", "ru")
        >>> [(form, country.key) for form, country in inside]
        [('Беларуси', 'by')]
    """
    forms, pattern = country_forms(tag)
    return tuple((m.group(), forms[m.group()]) for m in pattern.finditer(name))


# --- made-up institutions ---------------------------------------------------------------------


def _folder(tag: str) -> str:
    return "uz" if tag.startswith("uz") else tag


def honoree_name(person: Person, tag: str) -> str:
    """``person`` as the name of a library named after them gives them in ``tag`` (initials;
    genitive in Russian: "Библиотека имени А. С. Пушкина")."""
    return person.render(tag, "initials", "gen" if tag == "ru" else "nom")


@cache
def library_name(
    shape: str, city: Thing, honoree: Person | None, tag: str, english_for: str | None = None
) -> str:
    """The name of a made-up library of a given shape in a city, in language ``tag``.

    Example:
        >>> osh = next(c for c in world().cities["kg"] if c.key == "osh")
        >>> library_name("regional", osh, None, "ky")
        'Ош облустук универсалдуу илимий китепканасы'
        >>> library_name("children", osh, None, "en")
        "Osh Regional Children's Library"
    """
    modifiers, head = LIBRARY_SHAPES[shape][_folder(tag)]
    if tag == "en" and english_for is not None:
        modifiers, head = ENGLISH_SHAPES.get((shape, english_for), (modifiers, head))
    if tag == "uz-Latn":
        modifiers = tuple(to_latin(m) for m in modifiers)
        head = to_latin(head)
    named_after = load(tag).NAMED_AFTER[0]
    if tag == "ru":
        base = russian_agreeing(modifiers, head)
        base = base[0].upper() + base[1:]
        return f"{base} {named_after} {honoree_name(honoree, tag)}" if honoree else base
    if tag == "en":
        words = " ".join(w if w == "and" else w[0].upper() + w[1:] for w in (*modifiers,))
        head_words = " ".join(w if w == "and" else w[0].upper() + w[1:] for w in head.split())
        base = f"{city.label('en')} {words} {head_words}"
        return f"{base} {named_after} {honoree_name(honoree, tag)}" if honoree else base
    head_words = head.split(" ")
    last = head_words[-1]
    if not is_possessive(head, tag):
        last = possessive(last, tag)
    base = " ".join((city.label(tag), *modifiers, *head_words[:-1], last))
    return f"{honoree_name(honoree, tag)} {named_after} {base}" if honoree else base


@cache
def ministry_name(country: Thing, tag: str) -> str:
    """The ministry of culture of a country, in language ``tag``.

    Example:
        >>> ministry_name(world().countries["uz"], "ru")
        'Министерство культуры Республики Узбекистан'
        >>> ministry_name(world().countries["tm"], "tk")
        'Türkmenistanyň Medeniýet ministrligi'
    """
    folder = _folder(tag)
    head, culture = MINISTRY_SHAPE[folder]
    formal = long_country_name(country, tag)
    if tag == "ru":
        return f"Министерство {russian_phrase(culture, 'gen')} {inflect(formal, 'gen', tag)}"
    if tag == "en":
        the = "the " if " " in formal else ""
        return f"Ministry of Culture of {the}{formal}"
    if folder == "uz":
        head = possessive(head, tag)
        culture = culture[0].upper() + culture[1:]
        if tag == "uz-Latn":
            head, culture = to_latin(head), to_latin(culture)
        return f"{formal} {culture} {head}"
    culture = culture[0].upper() + culture[1:]
    owner = inflect(formal, "gen", tag) if tag in ("ky", "tk") else formal
    return f"{owner} {culture} {head}"


@cache
def honorees() -> dict[tuple[str, str], Person]:
    """The person each made-up library is named after, by city key and shape.

    One library of a shape in a city is always named after the same person, and no two
    libraries after the same one: a Russian name does not say the city ("Областная детская
    библиотека имени ..."), so the person is what tells two such libraries apart, and the
    reader mints one node per name.
    """
    table: dict[tuple[str, str], Person] = {}
    used: set[str] = set()
    # the countries whose people the first-name list can name (those stories are set in)
    for country in sorted(set(world().cities) & set(name_pools())):
        for city in sorted(world().cities[country], key=lambda c: c.key):
            for shape in sorted(LIBRARY_SHAPES):
                rng = random.Random(f"honoree {city.key} {shape}")
                person = make_person(rng, country, "ru", female=False)
                while honoree_name(person, "ru") in used:
                    person = make_person(rng, country, "ru", female=False)
                used.add(honoree_name(person, "ru"))
                table[(city.key, shape)] = person
    return table


def made_up_library(
    rng: random.Random, city: Thing, tag: str, honoree: Person | None, shape: str | None = None
) -> Thing:
    """A library the reference data does not know, in ``city``, named for a report in
    ``tag`` (and in English for the gold file), after ``honoree`` when given (for a Russian
    report always: see ``honorees``)."""
    shape = shape or rng.choice(sorted(LIBRARY_SHAPES))
    if tag == "ru" and honoree is None:
        raise ValueError("a Russian library name needs someone it is named after")
    name = library_name(shape, city, honoree, tag)
    name_en = library_name(shape, city, honoree, "en", english_for=_folder(tag))
    return Thing(
        type="Library",
        key=slug(name_en),
        name_en=name_en,
        labels={tag: (name,), "en": (name_en,)},
        country=city.country,
        city=city,
    )


def made_up_ministry(country: Thing, tag: str) -> Thing:
    """The ministry of culture of ``country`` (not in the reference data)."""
    name = ministry_name(country, tag)
    name_en = ministry_name(country, "en")
    return Thing(
        type="Organization",
        key=slug(name_en),
        name_en=name_en,
        labels={tag: (name,), "en": (name_en,)},
        country=country,
    )
