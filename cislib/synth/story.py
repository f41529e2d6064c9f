"""What one generated report is about: a main event and what happened around it.

A story is drawn at random (from one ``random.Random``, so the same seed tells the same story):
a library in a city hosts a conference, forum, seminar, training or meeting with guests from
other countries; its director opens it; guests from libraries at home and abroad speak; and
there may be a cooperation agreement, a book exhibition, a round table and a visit to another
library. Names, posts and event words come in the report's language (``Language``); the story
itself is the same in any language.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from cislib.synth.language import HEAD_ROLES, MAIN_EVENT_TYPES, SPEAKER_ROLES, Language
from cislib.synth.people import Person, make_person
from cislib.synth.world import (
    ACTIVE_COUNTRIES,
    HOME_COUNTRY,
    LIBRARY_SHAPES,
    PARTNER_ORGANIZATIONS,
    Thing,
    honorees,
    made_up_library,
    made_up_ministry,
    slug,
    world,
)
from cislib.synth.writer import Cast, Count, EventPlan, Names

#: Years the events of generated reports fall in.
YEARS = (2019, 2025)


@dataclass(eq=False)
class Story:
    """The facts of one report, before they are put in words."""

    language: Language
    country: Thing
    city: Thing
    venue: Thing
    main: EventPlan
    countries: list[Thing]
    opener: Cast
    speakers: list[Cast]
    counts: dict[str, Count]
    org: Thing | None = None
    ministry: Thing | None = None
    agreement: EventPlan | None = None
    partner: Thing | None = None
    signer: Cast | None = None
    exhibition: EventPlan | None = None
    round_table: EventPlan | None = None
    moderator: Cast | None = None
    visit: EventPlan | None = None
    #: every library or organisation made up for this story (not in the reference data)
    made_up: list[Thing] = field(default_factory=list)

    def slots(self) -> dict[str, object]:
        """The story's parts by the names the templates use."""
        out: dict[str, object] = {
            "city": self.city,
            "country": self.country,
            "venue": self.venue,
            "ev": self.main,
            "guests": Names([c for c in self.countries if c is not self.country]),
            "countries": Names(self.countries),
            "opener": self.opener,
            "org": self.org,
            "ministry": self.ministry,
            "agr": self.agreement,
            "partner": self.partner,
            "signer": self.signer,
            "exh": self.exhibition,
            "rt": self.round_table,
            "moderator": self.moderator,
            "visit": self.visit,
        }
        for i, speaker in enumerate(self.speakers, 1):
            out[f"s{i}"] = speaker
        out.update(self.counts)
        if self.visit is not None:
            out["vlib"] = self.visit.venue
            out["vcity"] = self.visit.city
        return out


class _Names:
    """Hands out people with surnames not yet used in the story (so no name is part of
    another: "А. Каримов" would be inside "А. Каримова")."""

    def __init__(self, rng: random.Random, tag: str):
        self.rng = rng
        self.tag = tag
        self.roots: set[str] = set()

    def taken(self, person: Person) -> bool:
        """Whether ``person``'s surname or first name is used in the story already."""
        return person.root in self.roots or person.first in self.roots

    def take(self, person: Person) -> None:
        """Note ``person``'s names as used in the story."""
        self.roots.update((person.root, person.first, person.father))

    def person(self, country: str, female: bool | None = None) -> Thing:
        for _ in range(50):
            person = make_person(self.rng, country, self.tag, female)
            if not self.taken(person):
                break
        self.take(person)
        name_en = person.name_en()
        return Thing(
            type="Person",
            key=slug(f"{person.render('en', 'name')}"),
            name_en=name_en,
            person=person,
        )


def _date(rng: random.Random) -> date:
    return date(rng.randint(*YEARS), rng.randint(1, 12), rng.randint(1, 25))


def _library_in(rng: random.Random, city: Thing, tag: str, names: _Names, made_up: list) -> Thing:
    """A library of ``city``: from the reference data when it has one (often), else made up.

    A made-up library is named after its person from ``honorees`` (in a Russian report always,
    else now and then); a shape whose person shares a name with someone of the story is passed
    over, so that no name is part of another.
    """
    known = world().libraries.get(city.key, [])
    if known and rng.random() < 0.6:
        return rng.choice(known)
    named = tag == "ru" or rng.random() < 0.4
    shapes = sorted(LIBRARY_SHAPES)
    rng.shuffle(shapes)
    choices = [(shape, honorees()[(city.key, shape)] if named else None) for shape in shapes]
    free = [(s, h) for s, h in choices if h is None or not names.taken(h)]
    if not free and known:
        return rng.choice(known)
    shape, honoree = (free or choices)[0]
    if honoree is not None:
        names.take(honoree)
    library = made_up_library(rng, city, tag, honoree, shape)
    made_up.append(library)
    return library


def _any_library(rng, country: Thing, tag: str, names: _Names, made_up: list, avoid=()) -> Thing:
    for _ in range(20):
        city = rng.choice(world().cities[country.key])
        library = _library_in(rng, city, tag, names, made_up)
        if library not in avoid and library.key not in {a.key for a in avoid}:
            return library
    return library


def _cast(rng, language: Language, person: Thing, org: Thing, roles) -> Cast:
    role = rng.choice(roles)
    post = language.post_title(rng, role, person.person.female)
    person.org = org
    return Cast(person, post, role, org)


def _title(rng, titles) -> tuple[str, str]:
    return rng.choice(titles)


def _count(rng, language: Language, what: str, value: int, event, more: bool = False) -> Count:
    noun = rng.choice(language.quantity_nouns(what))
    return Count(value, noun, what, event, more_than=more)


def _part(main: EventPlan, language, key: str, noun: str, name_en: str, start, **fields):
    """A part of the ``main`` event, named by ``noun`` (which gives its type), one day long
    and at the main event's city and venue unless ``fields`` say otherwise."""
    fields.setdefault("end", start)
    fields.setdefault("city", main.city)
    fields.setdefault("venue", main.venue)
    fields.setdefault("title", None)
    fields.setdefault("title_en", "")
    return EventPlan(
        key=key,
        type=language.tables.EVENT_WORDS[noun],
        noun=noun,
        name_en=name_en,
        start=start,
        part_of=main,
        **fields,
    )


def plan_story(rng: random.Random, language: Language) -> Story:
    """Draw a story for a report in ``language``."""
    tag = language.tag
    w = world()
    names = _Names(rng, tag)
    made_up: list[Thing] = []
    home = HOME_COUNTRY.get(tag)
    if home is None or rng.random() < 0.2:
        home = rng.choice(ACTIVE_COUNTRIES)
    country = w.countries[home]
    cities = w.cities[home]
    with_library = [c for c in cities if c.key in w.libraries]
    city = rng.choice(with_library) if with_library and rng.random() < 0.5 else rng.choice(cities)
    venue = _library_in(rng, city, tag, names, made_up)

    kind = rng.choice(MAIN_EVENT_TYPES)
    noun = language.event_noun(rng, kind)
    title, title_en = _title(rng, language.THEMES)
    start = _date(rng)
    days = rng.choice((0, 0, 1, 1, 2)) if kind != "Training" else rng.randint(2, 9)
    end = start + timedelta(days=days)
    main = EventPlan(
        key="main",
        type=language.tables.EVENT_WORDS[noun],
        noun=noun,
        title=title,
        title_en=title_en,
        name_en=f"{language.tables.EVENT_WORDS[noun]}: {title_en}",
        start=start,
        end=end,
        city=city,
        venue=venue,
        online=rng.random() < 0.2,
    )

    guests = rng.sample([c for c in ACTIVE_COUNTRIES if c != home], rng.randint(2, 5))
    countries = [country] + [w.countries[g] for g in guests]

    org = None
    if rng.random() < 0.5:
        org = w.by_key[rng.choice(PARTNER_ORGANIZATIONS)]
    ministry = made_up_ministry(country, tag) if rng.random() < 0.5 else None
    if ministry is not None:
        made_up.append(ministry)
    main.organizers = [venue] + ([org] if org else [])

    opener = _cast(rng, language, names.person(home), venue, HEAD_ROLES)
    speakers = []
    for guest in rng.sample(countries[1:], min(len(countries) - 1, rng.randint(1, 3))):
        library = _any_library(rng, guest, tag, names, made_up, avoid=(venue,))
        speakers.append(_cast(rng, language, names.person(guest.key), library, SPEAKER_ROLES))
    if rng.random() < 0.4:
        library = _any_library(rng, country, tag, names, made_up, avoid=(venue,))
        speakers.append(_cast(rng, language, names.person(home), library, SPEAKER_ROLES))

    participants_what = rng.choice(("participants", "specialists", "people", "guests"))
    counts = {
        "q_part": _count(rng, language, participants_what, rng.randint(3, 30) * 10, main, True),
        "q_countries": _count(rng, language, "countries", len(countries), main),
    }
    story = Story(
        language=language,
        country=country,
        city=city,
        venue=venue,
        main=main,
        countries=countries,
        opener=opener,
        speakers=speakers,
        counts=counts,
        org=org,
        ministry=ministry,
        made_up=made_up,
    )
    main.participants = [*countries[1:], opener.thing]
    for speaker in speakers:
        main.participants += [speaker.thing, speaker.org]

    if rng.random() < 0.55:
        first = speakers[0]
        partner = first.org
        signer_person = names.person(first.org.country.key)
        signer = _cast(rng, language, signer_person, partner, HEAD_ROLES)
        noun = language.event_noun(rng, "Agreement")
        story.agreement = _part(
            main,
            language,
            "agreement",
            noun,
            f"Cooperation agreement between the {venue.name_en} and the {partner.name_en}",
            start,
            participants=[venue, partner, opener.thing, signer_person],
        )
        story.partner, story.signer = partner, signer
    if rng.random() < 0.45:
        noun = language.event_noun(rng, "Exhibition")
        title, title_en = _title(rng, language.EXHIBITION_TITLES)
        story.exhibition = _part(
            main,
            language,
            "exhibition",
            noun,
            f"Book exhibition: {title_en}",
            start,
            end=start + timedelta(days=rng.randint(10, 30)),
            title=title,
            title_en=title_en,
            organizers=[venue],
        )
        counts["q_books"] = _count(
            rng, language, "books", rng.randint(5, 40) * 10, story.exhibition
        )
        counts["q_books"].more_than = rng.random() < 0.6
    if end > start and rng.random() < 0.4:
        nouns = language.event_nouns("Meeting")
        noun = next((n for n in nouns if language.ROUND_TABLE in n), rng.choice(nouns))
        title, title_en = _title(rng, language.ROUND_TABLE_TITLES)
        moderator = _cast(
            rng, language, names.person(home), venue, ("Chief Librarian", "Researcher")
        )
        story.round_table = _part(
            main,
            language,
            "round-table",
            noun,
            f"Round table: {title_en}",
            start + timedelta(days=1),
            title=title,
            title_en=title_en,
            organizers=[venue],
            participants=[moderator.thing],
        )
        story.moderator = moderator
        counts["q_rt"] = _count(rng, language, "people", rng.randint(15, 60), story.round_table)
    if rng.random() < 0.4:
        other = [c for c in cities if c is not city]
        vcity = rng.choice(other) if other and rng.random() < 0.6 else city
        vlib = _any_library(rng, country, tag, names, made_up, avoid=(venue,))
        if vlib.city is not vcity:
            vcity = vlib.city
        noun = language.event_noun(rng, "Visit")
        day = end + timedelta(days=1)
        story.visit = _part(
            main,
            language,
            "visit",
            noun,
            f"Visit of the guests to the {vlib.name_en}",
            day,
            city=vcity,
            venue=vlib,
        )
    return story
