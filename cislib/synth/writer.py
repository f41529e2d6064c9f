"""Writing a report from sentence templates, keeping note of everything it names.

A template is text with slots: ``{venue:loc}`` puts the venue in the locative, ``{s1:gen:initials}``
a speaker's initials and surname in the genitive, ``{s1.post}`` the speaker's post title (and
notes the post), ``{q_part}`` a count (and notes the number), ``{s1?выступил|выступила}`` the
word agreeing with the speaker (men's form first; for Russian nouns and institutions: masculine,
feminine, neuter, plural). Every name written is recorded with the exact text written, so the
gold file lists what a careful reader finds (``Writer.mentions``), and so are the posts and
numbers. Slot values are ``Thing``, ``Cast``, ``EventPlan``, ``Count``, ``Names`` or plain text;
the language module (``Language``) says how each is put in words.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from cislib.synth.world import Thing, countries_inside

_SLOT = re.compile(r"\{([^{}]+)\}")


@dataclass(eq=False)
class Cast:
    """A person in a story, with the post the story gives them and their organisation."""

    thing: Thing
    post: str  # the title in the report's language, dictionary form
    role: str  # the normalised English role of the post
    org: Thing


@dataclass(eq=False)
class EventPlan:
    """An event in a story: type, the word naming it, title, dates, place and people."""

    key: str
    type: str
    noun: str
    title: str | None
    title_en: str
    name_en: str
    start: object
    end: object
    city: Thing
    venue: Thing
    organizers: list[Thing] = field(default_factory=list)
    participants: list[Thing] = field(default_factory=list)
    part_of: EventPlan | None = None
    international: bool = True
    online: bool = False


@dataclass
class Count:
    """A number the report gives: its value, the noun counted (dictionary form) and what it
    measures (``participants``, ``countries``, ``books`` ...), and the event it belongs to."""

    value: int
    noun: str
    what: str
    event: EventPlan | None
    more_than: bool = False
    case: str = "nom"


@dataclass
class Names:
    """Several things written as a list ("A, B и C")."""

    things: list[Thing]


@dataclass
class Post:
    """The post of a cast member, as a slot (``{s1.post}``)."""

    cast: Cast


class Writer:
    """Builds a report's text paragraph by paragraph and records what it names."""

    def __init__(self, language, rng: random.Random):
        self.language = language
        self.tag = language.tag
        self.rng = rng
        self.paragraphs: list[str] = []
        self.mentions: dict[int, list[str]] = {}
        self.things: dict[int, Thing] = {}
        self.posts: list[Cast] = []
        self.numbers: list[Count] = []
        self.events: list[EventPlan] = []
        self.slots: dict[str, object] = {}
        self.placed: set[int] = set()

    # --- recording -------------------------------------------------------------------------

    def mention(self, thing: Thing, text: str) -> None:
        """Note that ``text`` names ``thing`` (and any country named inside it)."""
        self.things[id(thing)] = thing
        forms = self.mentions.setdefault(id(thing), [])
        if text not in forms:
            forms.append(text)
        if thing.type in ("Library", "Organization"):
            for form, country in countries_inside(text, self.tag):
                self.mention(country, form)

    # --- rendering -------------------------------------------------------------------------

    def bind(self, **slots) -> None:
        """Make values available to the templates under these names."""
        self.slots.update(slots)

    def render(self, template: str) -> str:
        """The template with its slots filled in (and what they name recorded)."""
        template = self.language.localise(template)
        return _SLOT.sub(lambda m: self._fill(m.group(1)), template)

    def pick(self, *templates: str) -> str:
        """One of the templates, chosen at random, rendered."""
        return self.render(self.rng.choice(templates))

    def shuffled(self, *templates: str) -> list[str]:
        """The templates in a random order, for a run of sentences that should not repeat
        one pattern."""
        return self.rng.sample(templates, len(templates))

    def paragraph(self, *sentences: str) -> None:
        """Add a paragraph of rendered sentences (empty ones left out), each starting with a
        capital letter."""
        text = " ".join(_capitalised(self.language.localise(s)) for s in sentences if s)
        if text:
            self.paragraphs.append(text)

    def text(self) -> str:
        """The report text: paragraphs separated by blank lines, ending in a newline."""
        return "\n\n".join(self.paragraphs) + "\n"

    def _value(self, path: str):
        name, *attrs = path.split(".")
        if name not in self.slots:
            raise KeyError(f"no slot {name!r}")
        value = self.slots[name]
        for attr in attrs:
            value = Post(value) if attr == "post" else getattr(value, attr)
        return value

    def _fill(self, spec: str) -> str:
        if "?" in spec:
            path, _, forms = spec.partition("?")
            return self.language.agree(self._value(path), forms.split("|"))
        path, *rest = spec.split(":")
        case = rest[0] if rest and rest[0] else "nom"
        form = rest[1] if len(rest) > 1 else None
        value = self._value(path)
        lang = self.language
        if isinstance(value, Thing):
            text = lang.name(value, case, None if form == "placed" else form)
            self.mention(value, lang.bare(text, value))
            if form == "placed" and id(value) not in self.placed:
                self.placed.add(id(value))
                places = lang.placing(value, self.rng)
                if places:
                    written = [lang.name(place) for place in places]
                    for place, name in zip(places, written, strict=True):
                        self.mention(place, lang.bare(name, place))
                    text += " (" + ", ".join(written) + ")"
            return text
        if isinstance(value, Cast):
            text = lang.person(value.thing, case, form or "full")
            self.mention(value.thing, text)
            return text
        if isinstance(value, Post):
            self.posts.append(value.cast)
            return lang.post(value.cast, case)
        if isinstance(value, EventPlan):
            if value not in self.events:
                self.events.append(value)
            return lang.event(value, case, form or "noun")
        if isinstance(value, Count):
            self.numbers.append(value)
            return lang.count(value, case)
        if isinstance(value, Names):
            parts = lang.names(value.things, case, form)
            for thing, text in zip(value.things, parts, strict=True):
                self.mention(thing, lang.bare(text, thing))
            return lang.join(parts)
        return str(value)


def _capitalised(sentence: str) -> str:
    for i, ch in enumerate(sentence):
        if ch.isalpha():
            return sentence[:i] + ch.upper() + sentence[i + 1 :] if ch.islower() else sentence
        if ch.isdigit():
            return sentence
    return sentence
