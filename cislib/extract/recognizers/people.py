"""People: full names with patronymics, initials in every order, Central Asian name forms.

Shapes recognised (over words not already claimed by an institution or place):

* ``В.В.Дуда``, ``В.В. Дуда``, ``В. Дуда``  -- initials, then a surname;
* ``Дуда В.В.``                             -- a surname, then initials;
* ``Вадим Валериевич Дуда``, ``Дуда Вадим Валериевич`` -- with a patronymic;
* ``Бахтиёр Исмоил ўғли``                   -- a patronymic word (ўғли, qizi, uulu, ...);
* ``Илхомжон Мухтаров``, ``Евгением Примаковым`` -- a first name and a surname-shaped word.

Every form of one person in a report is one entity, keyed by surname and first initial; the
label is the fullest form, in the nominative (Russian forms through pymorphy3).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from cislib.extract.lang import Language, load, word_list
from cislib.extract.reading import Reading, Section
from cislib.extract.text import Token, stemmer_for
from cislib.identifiers import mint, slugify

#: Surname endings that are already the nominative (masculine and feminine).
NOMINATIVE_SURNAME_ENDINGS = (
    "ов",
    "ев",
    "ёв",
    "ин",
    "ын",
    "ова",
    "ева",
    "ёва",
    "ина",
    "ына",
    "ский",
    "ская",
    "цкий",
    "цкая",
    "ko",
    "ов",
    "ov",
    "ev",
    "ova",
    "eva",
    "in",
    "ina",
)
_SPACE = re.compile(r"[ \t]*\n?[ \t]*")
_INITIAL_GAP = re.compile(r"\.[ \t]*\n?[ \t]*")


@dataclass
class NameParts:
    """A person's name as read: any part may be missing."""

    first: str | None = None
    patronymic: str | None = None
    surname: str | None = None
    initials: tuple[str, ...] = ()

    @property
    def first_initial(self) -> str | None:
        """The first letter of the first name, from the name or the initials."""
        if self.first:
            return self.first[0].upper()
        return self.initials[0].upper() if self.initials else None

    def display(self) -> str:
        """The name written out: "Вадим Валериевич Дуда" or "В.В. Дуда"."""
        if self.first:
            return " ".join(p for p in (self.first, self.patronymic, self.surname) if p)
        initials = "".join(f"{i}." for i in self.initials)
        return f"{initials} {self.surname}" if initials else (self.surname or "")

    def fullness(self) -> int:
        """How much of the name is known (to choose the label)."""
        return 3 * bool(self.first) + 2 * bool(self.patronymic) + 4 * bool(self.surname)


@dataclass
class PersonMention:
    """A name found at ``start:end`` in a paragraph of language ``tag``."""

    start: int
    end: int
    parts: NameParts
    tag: str


@dataclass
class _Cluster:
    parts: NameParts
    tag: str
    mentions: list[PersonMention] = field(default_factory=list)


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _ends(word: str, endings) -> bool:
    low = word.lower()
    return any(low.endswith(e) for e in endings if e)


def _is_initial(tok: Token, text: str) -> bool:
    return len(tok.surface) == 1 and tok.surface.isupper() and text[tok.end : tok.end + 1] == "."


def _is_word(tok: Token) -> bool:
    return tok.capitalised and len(tok.surface) >= 2 and tok.surface.isalpha()


def _russian_nominative(word: str, kinds: tuple[str, ...]) -> str:
    """Nominative of a Russian name part (kinds: Name, Surn, Patr), keeping its case style."""
    parses = [p for p in _morph().parse(word) if any(k in p.tag for k in kinds)]
    if not parses:
        return word
    best = parses[0].inflect({"nomn"})
    if best is None:
        return word
    value = best.word
    return value[:1].upper() + value[1:] if word[:1].isupper() else value


def _russian_kind(word: str) -> set[str]:
    kinds = set()
    for parse in _morph().parse(word)[:3]:
        for kind in ("Name", "Surn", "Patr"):
            if kind in parse.tag:
                kinds.add(kind)
    return kinds


def _turkic_surname(word: str, language: Language) -> str:
    """A surname without the case or plural ending a Turkic sentence adds (Райкинлар)."""
    stem = stemmer_for(language).stem(word.lower())
    if stem != word.lower() and _ends(stem, language.SURNAME_ENDINGS):
        return word[: len(stem)]
    return word


class _Scanner:
    """Finds name shapes in one paragraph."""

    def __init__(self, reading: Reading, section: Section):
        self.text = reading.text
        self.reading = reading
        self.section = section
        self.language = section.language
        self.tokens = section.tokens
        self.russian = section.tag == "ru"
        # Russian names appear in every Cyrillic report, so Russian endings count everywhere.
        russian = load("ru")
        cyrillic = section.tag in ("ru", "uz-Cyrl", "kk", "ky")
        self.patronymic_endings = tuple(self.language.PATRONYMIC_ENDINGS) + (
            tuple(russian.PATRONYMIC_ENDINGS) if cyrillic else ()
        )
        self.surname_endings = tuple(self.language.SURNAME_ENDINGS) + (
            tuple(russian.SURNAME_ENDINGS) if cyrillic else ()
        )
        self.patronymic_words = {
            e for e in self.language.PATRONYMIC_ENDINGS if " " not in e and len(e) >= 3
        }

    def free(self, i: int) -> bool:
        tok = self.tokens[i]
        return not self.reading.is_claimed(tok.start, tok.end)

    def gap(self, a: int, b: int, pattern=_SPACE) -> bool:
        return bool(pattern.fullmatch(self.text, self.tokens[a].end, self.tokens[b].start))

    def is_patronymic(self, tok: Token) -> bool:
        return _ends(tok.surface, self.patronymic_endings) and len(tok.surface) >= 5

    def is_surname(self, tok: Token) -> bool:
        if self.russian and "Surn" in _russian_kind(tok.surface):
            return True
        return _ends(self.surname_form(tok.surface), self.surname_endings)

    def is_first_name(self, tok: Token) -> bool:
        if tok.norm in word_list("first_names"):
            return True
        return self.russian and "Name" in _russian_kind(tok.surface)

    def surname_form(self, word: str) -> str:
        if _ends(word, NOMINATIVE_SURNAME_ENDINGS) or (
            not self.russian and _ends(word, self.surname_endings)
        ):
            return word  # already nominative: Примаков, Гусева, Orazowa
        if self.russian:
            return _russian_nominative(word, ("Surn", "Name", "NOUN"))
        return _turkic_surname(word, self.language)

    def surface_surname(self, word: str) -> str:
        """A surname as written, without a Turkic case ending."""
        return word if self.russian else _turkic_surname(word, self.language)

    def nominative(self, word: str, kind: str) -> str:
        if self.russian:
            return _russian_nominative(word, (kind,))
        return word

    def followed_by_named_after(self, j: int) -> bool:
        if j + 1 >= len(self.tokens):
            return False
        nxt = self.tokens[j + 1].norm
        return any(nxt == w.rstrip(".") for w in self.language.NAMED_AFTER)

    def scan(self) -> list[PersonMention]:
        found = []
        i = 0
        n = len(self.tokens)
        while i < n:
            match = self.at(i) if self.free(i) else None
            if match is None:
                i += 1
                continue
            last, parts = match
            if not self.followed_by_named_after(last) and all(
                self.free(k) for k in range(i, last + 1)
            ):
                found.append(
                    PersonMention(
                        self.tokens[i].start, self.tokens[last].end, parts, self.section.tag
                    )
                )
            i = last + 1
        return found

    def at(self, i: int) -> tuple[int, NameParts] | None:
        return self.initials_first(i) or self.surname_initials(i) or self.full_name(i)

    def initials_first(self, i):
        toks, n = self.tokens, len(self.tokens)
        initials = []
        j = i
        while j < n and _is_initial(toks[j], self.text) and len(initials) < 2:
            if j + 1 < n and self.gap(j, j + 1, _INITIAL_GAP):
                initials.append(toks[j].surface)
                j += 1
            else:
                break
        if not initials or j >= n or not _is_word(toks[j]):
            return None
        return j, NameParts(surname=self.surname_form(toks[j].surface), initials=tuple(initials))

    def surname_initials(self, i):
        toks, n = self.tokens, len(self.tokens)
        if not _is_word(toks[i]) or i + 1 >= n or not _is_initial(toks[i + 1], self.text):
            return None
        if not self.gap(i, i + 1):
            return None
        initials = [toks[i + 1].surface]
        last = i + 1
        if (
            i + 2 < n
            and _is_initial(toks[i + 2], self.text)
            and self.gap(i + 1, i + 2, _INITIAL_GAP)
        ):
            initials.append(toks[i + 2].surface)
            last = i + 2
        # "Семинарда Ф.Кочарли": the initials open the next name, they do not close this one.
        if last + 1 < n and _is_word(toks[last + 1]) and self.gap(last, last + 1, _INITIAL_GAP):
            return None
        return last, NameParts(surname=self.surname_form(toks[i].surface), initials=tuple(initials))

    def full_name(self, i):
        toks, n = self.tokens, len(self.tokens)
        run = [i]
        while (
            len(run) < 3
            and run[-1] + 1 < n
            and _is_word(toks[run[-1] + 1])
            and self.gap(run[-1], run[-1] + 1)
            and self.free(run[-1] + 1)
        ):
            run.append(run[-1] + 1)
        if not _is_word(toks[i]) or len(run) < 2:
            return None
        words = [toks[k] for k in run]
        # Central Asian patronymic word after two names: "Бахтиёр Исмоил ўғли".
        after = run[-1] + 1
        if (
            len(run) == 2
            and after < n
            and toks[after].norm in self.patronymic_words
            and self.gap(run[-1], after)
        ):
            return after, NameParts(
                first=words[0].surface, patronymic=f"{words[1].surface} {toks[after].surface}"
            )
        # "Тўлқинова Гулноза Шавкат қизи": surname, first name, father's name and the word.
        if (
            len(run) == 3
            and after < n
            and toks[after].norm in self.patronymic_words
            and self.gap(run[-1], after)
        ):
            return after, NameParts(
                first=words[1].surface,
                patronymic=f"{words[2].surface} {toks[after].surface}",
                surname=self.surface_surname(words[0].surface),
            )
        if len(words) == 3 and self.is_patronymic(words[1]):
            return run[-1], NameParts(
                first=self.nominative(words[0].surface, "Name"),
                patronymic=self.nominative(words[1].surface, "Patr"),
                surname=self.surname_form(words[2].surface),
            )
        if len(words) == 3 and self.is_patronymic(words[2]):
            return run[-1], NameParts(
                first=self.nominative(words[1].surface, "Name"),
                patronymic=self.nominative(words[2].surface, "Patr"),
                surname=self.surname_form(words[0].surface),
            )
        first, second = words[0], words[1]
        if self.is_patronymic(second):
            return run[1], NameParts(
                first=self.nominative(first.surface, "Name"),
                patronymic=self.nominative(second.surface, "Patr"),
            )
        if self.is_surname(second) and not self.is_patronymic(first):
            return run[1], NameParts(
                first=self.nominative(first.surface, "Name"),
                surname=self.surname_form(second.surface),
            )
        if self.is_first_name(first) and not self.is_patronymic(second):
            return run[1], NameParts(
                first=self.nominative(first.surface, "Name"),
                surname=self.surname_form(second.surface),
            )
        if self.is_first_name(second) and self.is_surname(first):
            return run[1], NameParts(
                first=self.nominative(second.surface, "Name"),
                surname=self.surname_form(first.surface),
            )
        return None


def _same_person(a: NameParts, b: NameParts) -> bool:
    if a.surname and b.surname:
        if slugify(a.surname) != slugify(b.surname):
            return False
        return (
            a.first_initial is None
            or b.first_initial is None
            or (a.first_initial == b.first_initial)
        )
    # No surname on one side: "Ирина Владимировна" is the Ирина Владимировна Гайшун named
    # elsewhere in the report.
    return bool(a.first and b.first and a.first == b.first and a.patronymic == b.patronymic)


def person_key(parts: NameParts) -> str:
    """The IRI key of a person: surname and first initial ("duda-v"), stable across reports."""
    base = slugify(parts.surname or parts.first or "person")
    initial = slugify(parts.first_initial or "") if parts.first_initial else ""
    return f"{base}-{initial}" if initial and initial != "unnamed" else base


def recognise_people(reading: Reading) -> None:
    """Add every person named in the report, one entity per person."""
    clusters: list[_Cluster] = []
    for section in reading.sections:
        for mention in _Scanner(reading, section).scan():
            for cluster in clusters:
                if _same_person(cluster.parts, mention.parts):
                    cluster.mentions.append(mention)
                    if mention.parts.fullness() > cluster.parts.fullness():
                        cluster.parts, cluster.tag = mention.parts, mention.tag
                    break
            else:
                clusters.append(_Cluster(mention.parts, mention.tag, [mention]))
    for cluster in clusters:
        label = cluster.parts.display()
        iri = mint("person", person_key(cluster.parts))
        for mention in cluster.mentions:
            reading.add_entity(
                iri,
                "Person",
                label,
                mention.start,
                mention.end,
                from_reference=False,
                language=cluster.tag,
            )
