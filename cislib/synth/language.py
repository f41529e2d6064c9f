"""How a language puts the parts of a story in words: names in a case, posts, events, counts,
dates. Each report language has a subclass in ``cislib.synth.templates`` that adds its sentence
templates; what the subclasses share is here.

The words come from the reader's tables (``cislib.extract.lang.load(tag)``): event nouns from
``EVENT_WORDS``, post titles from ``POST_WORDS``, counted nouns from ``QUANTITY_WORDS``, month
names from ``MONTHS``, number words from ``NUMBER_WORDS``, counters from ``COUNTER_WORDS``.
"""

from __future__ import annotations

import random
import re
from datetime import date
from functools import cached_property

from cislib.extract.lang import load
from cislib.synth.morphology import inflect, is_possessive, possessive, russian_gender
from cislib.synth.world import Thing

#: Event types a story's main event can have, and the sub-events it may include.
MAIN_EVENT_TYPES = ("Conference", "Forum", "Seminar", "Training", "Meeting")

#: Roles of the people a story gives posts to (English role names of ``POST_WORDS``).
SPEAKER_ROLES = (
    "Director",
    "Deputy Director",
    "Chief Librarian",
    "Leading Specialist",
    "Chief Specialist",
    "Researcher",
)
HEAD_ROLES = ("Director",)


def _possessive_duplicate(key: str, keys) -> bool:
    """True for a table entry that is another entry with an ending (деканы beside декан,
    duşuşygy beside duşuşyk, жетекші маманы beside жетекші маман, елден beside ел): the
    generator uses the base word and adds endings itself."""
    head, _, last = key.rpartition(" ")
    for other in keys:
        other_head, _, other_last = other.rpartition(" ")
        if other == key or other_head != head or len(other_last) >= len(last):
            continue
        if last.startswith(other_last) or (
            len(other_last) >= 3 and last.startswith(other_last[:-1])
        ):
            return True
    return False


class Language:
    """The words of one report language; subclasses add templates (``compose``)."""

    #: BCP 47 tag, set by subclasses.
    tag = ""
    #: Themes of events: (title in this language, title in English).
    THEMES: tuple[tuple[str, str], ...] = ()
    #: Titles of exhibitions and of round tables, likewise.
    EXHIBITION_TITLES: tuple[tuple[str, str], ...] = ()
    ROUND_TABLE_TITLES: tuple[tuple[str, str], ...] = ()
    #: Opening and closing quotation marks around titles.
    QUOTES = ("«", "»")
    #: The word that tells a round table among the meeting nouns.
    ROUND_TABLE = ""
    #: Event nouns that read unnaturally in the generated sentences (plural or phrasal ones).
    AVOID_EVENT_WORDS: tuple[str, ...] = ()

    @cached_property
    def tables(self):
        """The reader's tables of this language."""
        return load(self.tag)

    # --- vocabulary ------------------------------------------------------------------------

    @cached_property
    def _memo(self) -> dict:
        return {}

    def _remember(self, key, compute):
        memo = self._memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def event_nouns(self, kind: str) -> list[str]:
        """The nouns of ``EVENT_WORDS`` naming events of a type, as the generator uses them."""
        return self._remember(("event", kind), lambda: self._event_nouns(kind))

    def _event_nouns(self, kind: str) -> list[str]:
        words = self.tables.EVENT_WORDS
        online = set(self.tables.ONLINE_WORDS)
        return sorted(
            key
            for key, value in words.items()
            if value == kind
            and not online & {key, *re.split(r"[ -]", key)}
            and key not in self.AVOID_EVENT_WORDS
            and not _possessive_duplicate(key, words)
        )

    def event_noun(self, rng: random.Random, kind: str) -> str:
        """One noun for an event of type ``kind``."""
        return rng.choice(self.event_nouns(kind))

    def post_titles(self, role: str, female: bool) -> list[str]:
        """The titles of ``POST_WORDS`` with a given English role."""
        return self._remember(("post", role), lambda: self._post_titles(role))

    def _post_titles(self, role: str) -> list[str]:
        words = self.tables.POST_WORDS
        return sorted(
            key
            for key, value in words.items()
            if value == role and not _possessive_duplicate(key, words)
        )

    def post_title(self, rng: random.Random, role: str, female: bool) -> str:
        """One title for a post with ``role``."""
        return rng.choice(self.post_titles(role, female))

    def quantity_nouns(self, what: str) -> list[str]:
        """The counted nouns of ``QUANTITY_WORDS`` that measure ``what``."""
        return self._remember(("quantity", what), lambda: self._quantity_nouns(what))

    def _quantity_nouns(self, what: str) -> list[str]:
        words = self.tables.QUANTITY_WORDS
        return sorted(
            k for k, v in words.items() if v == what and not _possessive_duplicate(k, words)
        )

    @cached_property
    def number_words(self) -> dict[int, str]:
        """Number words by value (one word each: units, tens, hundred, thousand)."""
        out: dict[int, str] = {}
        for word, value in self.tables.NUMBER_WORDS.items():
            if " " not in word and value not in out:
                out[value] = word
        return out

    def spoken_last(self, value: int) -> str:
        """The last word said when reading the number out (150 -> "fifty"): the one a case
        ending after the digits agrees with."""
        if value % 10:
            return self.number_words[value % 10]
        if value % 100:
            return self.number_words[value % 100]
        if value % 1000:
            return self.number_words[100]
        return self.number_words[1000]

    @cached_property
    def months(self) -> dict[int, str]:
        """Month names (or stems) by number: the first entry of each month in ``MONTHS``,
        where the tables put the common modern name."""
        out: dict[int, str] = {}
        for name, number in self.tables.MONTHS.items():
            if " " not in name and number not in out:
                out[number] = name
        return out

    # --- words for the parts of a story ----------------------------------------------------

    def name(self, thing: Thing, case: str = "nom", form: str | None = None) -> str:
        """A thing's name in a case; forms: ``full`` (default), ``short``, ``abbr``."""
        text = self.label(thing, form)
        return inflect(text, case, self.tag)

    def label(self, thing: Thing, form: str | None) -> str:
        """The label chosen for a form (``short`` and ``abbr`` fall back to the full name)."""
        if thing.type == "Person":
            raise TypeError("people are named with person()")
        if form == "short":
            return thing.short(self.tag)
        if form == "abbr":
            return thing.abbreviation(self.tag) or thing.label(self.tag)
        return thing.label(self.tag)

    def placing(self, thing: Thing, rng: random.Random) -> list[Thing]:
        """The places to give in parentheses after an institution's name: city and country
        for a made-up one whose name does not say where it is, the city now and then for one
        of the reference data."""
        if thing.type not in ("Library", "Organization") or thing.city is None:
            return []
        if not thing.reference:
            return [thing.country] if rng.random() < 0.3 else []
        return [thing.city] if rng.random() < 0.4 else []

    def bare(self, text: str, thing: Thing) -> str:
        """The part of a written name that names the thing (without an article)."""
        return text

    def person(self, thing: Thing, case: str = "nom", form: str = "full") -> str:
        """A person's name in a case and form (see ``Person.render``)."""
        return thing.person.render(self.tag, form, case)

    def post(self, cast, case: str = "nom") -> str:
        """A post title; ``poss`` gives the Turkic possessive (директоры, kitaphanaçysy)."""
        title = cast.post
        if case.startswith("poss"):
            if is_possessive(title, self.tag):
                rest = case.partition("-")[2]
                return inflect(title, rest, self.tag) if rest else title
            return inflect(title, case, self.tag)
        return inflect(title, case, self.tag)

    def event(self, event, case: str = "nom", form: str = "noun") -> str:
        """An event named by its noun (``noun``) or by its full name (``full``)."""
        return inflect(event.noun, case, self.tag)

    def count(self, count, case: str = "nom") -> str:
        """A count: number and noun."""
        return f"{count.value} {count.noun}"

    def names(self, things: list[Thing], case: str, form: str | None) -> list[str]:
        """The names of a list, each in ``case`` (Turkic lists override where only the last
        item takes the ending)."""
        return [self.name(t, case, form) for t in things]

    def join(self, parts: list[str]) -> str:
        """A list joined with commas and the language's "and"."""
        conjunction = self.tables.CONJUNCTIONS[0]
        if len(parts) == 1:
            return parts[0]
        return f"{', '.join(parts[:-1])} {conjunction} {parts[-1]}"

    def agree(self, value, forms: list[str]) -> str:
        """The form agreeing with a value: by sex for people, by grammatical gender (Russian)."""
        thing = value.thing if hasattr(value, "thing") else value
        if isinstance(thing, Thing) and thing.person is not None:
            return forms[1] if thing.person.female and len(forms) > 1 else forms[0]
        if self.tag == "ru":
            text = value.noun if hasattr(value, "noun") else thing.label(self.tag)
            index = {"m": 0, "f": 1, "n": 2, "pl": 3}[russian_gender(text)]
            return forms[min(index, len(forms) - 1)]
        return forms[0]

    # --- dates -----------------------------------------------------------------------------

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """When something happened, as an adverbial phrase."""
        raise NotImplementedError

    def localise(self, text: str) -> str:
        """Template text in the report's script (Uzbek Latin transliterates its templates)."""
        return text

    def quoted(self, title: str) -> str:
        """A title in the language's quotation marks."""
        return f"{self.QUOTES[0]}{title}{self.QUOTES[1]}"

    def compose(self, story, writer) -> None:
        """Write the story (subclasses hold the templates)."""
        raise NotImplementedError


def possessive_title(title: str, tag: str) -> str:
    """A Turkic title in the possessive (директор -> директоры), unless it already is one
    (бөлім меңгерушісі)."""
    if is_possessive(title, tag):
        return title
    head, _, last = title.rpartition(" ")
    return (head + " " if head else "") + possessive(last, tag)


class Turkic(Language):
    """What the Turkic report languages share: titles before the event noun, the possessive
    of post titles, case endings on numbers written in digits."""

    #: The word between a quoted title and its event noun ("атты", "аттуу", "atly").
    NAMED = ""
    #: The adjective "international" (one of the language's ``NAME_MODIFIERS``).
    INTERNATIONAL = ""
    #: "more than" after a number in the ablative ("астам", "ашык", "ортиқ", "gowrak"), and
    #: whether a hyphen joins the ending to the digits.
    MORE = ""
    NUMBER_HYPHEN = True

    def title_phrase(self, event) -> str:
        return self.quoted(event.title)

    def event(self, event, case: str = "nom", form: str = "noun") -> str:
        noun = inflect(event.noun, case, self.tag)
        if form == "noun" or not event.title:
            return noun
        adjective = f"{self.INTERNATIONAL} " if event.international else ""
        if form == "full":
            return f"{self.title_phrase(event)} {self.NAMED} {adjective}{noun}"
        if form == "headline":
            poss = "poss" if case == "nom" else f"poss-{case}"
            noun = self.post_like(event.noun, poss)
            return f"{self.title_phrase(event)} {adjective}{noun}"
        return f"{self.title_phrase(event)} {self.NAMED} {noun}"

    def post_like(self, phrase: str, case: str) -> str:
        """A phrase in a possessive case, leaving an ending already there."""
        if (
            is_possessive(phrase, self.tag)
            or " " not in phrase
            and phrase.endswith(("сы", "сі", "си", "sy", "si", "су", "сү"))
        ):
            rest = case.partition("-")[2]
            return inflect(phrase, rest, self.tag) if rest else phrase
        return inflect(phrase, case, self.tag)

    def post(self, cast, case: str = "nom") -> str:
        if case.startswith("poss"):
            return self.post_like(self._after_owner(cast.post), case)
        return inflect(cast.post, case, self.tag)

    def _after_owner(self, title: str) -> str:
        """A title as it reads after its organisation in the genitive: a genitive inside the
        title takes the possessive too ("директордың орынбасары" -> "кітапхананың
        директорының орынбасары")."""
        first, _, rest = title.partition(" ")
        if not rest:
            return title
        for cut in (3, 4, 2):
            base = first[:-cut]
            if len(base) >= 3 and inflect(base, "gen", self.tag) == first:
                return f"{inflect(base, 'poss-gen', self.tag)} {rest}"
        return title

    def number_ending(self, value: int, case: str) -> str:
        """The case ending written after a number in digits (150-ден, 70тен, 60-dan)."""
        word = self.spoken_last(value)
        ending = inflect(word, case, self.tag)[len(word) :]
        return ("-" if self.NUMBER_HYPHEN else "") + ending

    def count(self, count, case: str = "nom") -> str:
        noun = inflect(count.noun, case, self.tag)
        if count.more_than:
            return f"{count.value}{self.number_ending(count.value, 'abl')} {self.MORE} {noun}"
        return f"{count.value} {noun}"
