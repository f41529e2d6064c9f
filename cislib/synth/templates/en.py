"""English (en): how a generated report is written, sentence by sentence.

The sentences follow the English news pages of national libraries: "On 16 June 2022 the
Alisher Navoi National Library of Uzbekistan hosted an international meeting ...", a person
named with their post after a comma ("Ainura Osmonalieva, Director of the National Library of
the Kyrgyz Republic"), "Ms Aubakirova" on a second mention.
"""

from __future__ import annotations

from datetime import date

from cislib.synth.language import Language

THEMES = (
    ("Libraries and reading in the digital age", "Libraries and reading in the digital age"),
    (
        "Preserving the written heritage: experience and prospects",
        "Preserving the written heritage: experience and prospects",
    ),
    ("Reading without borders", "Reading without borders"),
    ("Children's reading: new approaches", "Children's reading: new approaches"),
    ("Digitising rare books and manuscripts", "Digitisation of rare books and manuscripts"),
    (
        "National bibliography: standards and exchange",
        "National bibliography: standards and exchange",
    ),
    ("Young librarians: skills for the future", "Young librarians: skills for the future"),
    ("The book in a common humanitarian space", "The book in the common humanitarian space"),
)
EXHIBITION_TITLES = (
    ("Pages of friendship", "Pages of friendship"),
    ("The word that unites peoples", "The word that unites peoples"),
    ("Classics of the East in translation", "Classics of the East in translation"),
    ("The world of rare editions", "The world of rare editions"),
)
ROUND_TABLE_TITLES = (
    ("Cooperation of libraries in border regions", "Cooperation of libraries in border regions"),
    ("Libraries and young people", "Libraries and youth"),
    ("Digital services in libraries", "Digital services in libraries"),
)
TOPICS = (
    "projects for digitising rare editions",
    "work with young readers",
    "building a union catalogue",
    "the library's new electronic resources",
    "book exchange programmes",
)
THOUGHTS = (
    "joint projects help libraries preserve a common cultural heritage",
    "professional ties between librarians grow stronger every year",
    "sharing experience matters most to regional libraries",
)
#: Words left in lower case inside a post title.
SMALL_WORDS = ("of", "and", "for", "the")


def _plural(noun: str) -> str:
    head, _, last = noun.rpartition(" ")
    if last in ("people",):
        plural = last
    elif last == "person":
        plural = "people"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return f"{head} {plural}".strip()


def _article(phrase: str) -> str:
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


class English(Language):
    """Reports in English."""

    tag = "en"
    QUOTES = ("“", "”")
    THEMES = THEMES
    EXHIBITION_TITLES = EXHIBITION_TITLES
    ROUND_TABLE_TITLES = ROUND_TABLE_TITLES
    ROUND_TABLE = "round table"
    AVOID_EVENT_WORDS = (
        "talks",
        "summit",
        "fair",
        "book fair",
        "contract",
        "masterclass",
        "roundtable",
        "internship",
        "summer school",
        "training",
        "agreement",
        "memorandum",
        "symposium",
    )

    def name(self, thing, case: str = "nom", form: str | None = None) -> str:
        text = self.label(thing, form)
        if thing.type in ("Library", "Organization") and " " in text:
            return "the " + text
        return text

    def bare(self, text: str, thing) -> str:
        return text[4:] if text.startswith("the ") else text

    def post(self, cast, case: str = "nom") -> str:
        return " ".join(
            w if w in SMALL_WORDS else w[0].upper() + w[1:] for w in cast.post.split(" ")
        )

    def event(self, event, case: str = "nom", form: str = "noun") -> str:
        noun = event.noun
        quoted = f", {self.quoted(event.title)}" if event.title else ""
        adjective = "international " if event.international else ""
        if form == "full":
            return _article(f"{adjective}{noun}") + quoted
        if form == "headline":
            return f"{adjective}{noun} {self.quoted(event.title)}"
        if form == "titled":
            return _article(noun) + quoted
        if form == "indef":
            return _article(noun)
        return noun

    def count(self, count, case: str = "nom") -> str:
        noun = count.noun if count.value == 1 else _plural(count.noun)
        text = f"{count.value} {noun}"
        return f"more than {text}" if count.more_than else text

    def month(self, number: int) -> str:
        name = self.months[number]
        return name[0].upper() + name[1:]

    def day(self, d: date, year: bool = True) -> str:
        return f"{d.day} {self.month(d.month)}" + (f" {d.year}" if year else "")

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """on 16 June 2022; from 10 to 21 July 2023; from 26 June to 3 July 2023."""
        tail = f" {start.year}" if year else ""
        if end is None or end == start:
            return f"on {self.day(start, False)}{tail}"
        if end.month == start.month:
            return f"from {start.day} to {end.day} {self.month(start.month)}{tail}"
        return f"from {self.day(start, False)} to {self.day(end, False)}{tail}"

    def compose(self, story, w) -> None:
        rng = w.rng
        main = story.main
        w.paragraph(
            w.pick(
                "{city} hosts {ev::headline}",
                "Librarians from {q_countries} meet at {ev::headline} in {city}",
            )
        )
        if rng.random() < 0.4:
            w.paragraph(f"News | {self.day(main.end)}")
        w.bind(when=self.when(main.start, main.end))
        lead = [
            w.pick(
                "{when} {venue} in {city} hosted {ev::full}.",
                "{ev::full} took place {when} at {venue} in {city}.",
            )
        ]
        if story.org is not None:
            support = " with the support of {ministry}" if story.ministry is not None else ""
            lead.append(
                w.render(
                    f"The {{ev}} was organised by {{venue::short}} together with {{org}}{support}."
                )
            )
        elif story.ministry is not None:
            lead.append(w.render("The {ev} was supported by {ministry}."))
        lead.append(
            w.pick(
                "{q_part} from {q_countries} took part in the {ev}: {countries}.",
                "Delegations from {guests} attended the {ev}, {q_part} in all.",
            )
        )
        if main.online:
            lead.append("Some of the participants joined online.")
        w.paragraph(*lead)

        w.bind(thought=rng.choice(THOUGHTS))
        w.paragraph(
            w.pick(
                "The {ev} was opened by the {opener.post} of {venue}, {opener}.",
                "{opener}, {opener.post} of {venue::short}, welcomed the guests and noted that "
                "{thought}.",
            )
        )
        talks = []
        templates = w.shuffled(
            "{s}, {s.post} of {s.org:nom:placed}, spoke about {topic}.",
            "Among the speakers was {s}, {s.post} at {s.org:nom:placed}.",
            "{s.org:nom:placed} was represented by its {s.post}, {s}, who spoke about {topic}.",
        )
        for i, speaker in enumerate(story.speakers, 1):
            w.bind(s=speaker, topic=rng.choice(TOPICS))
            talks.append(w.render(templates[(i - 1) % len(templates)]))
            if i == 1 and rng.random() < 0.6:
                talks.append(
                    w.pick(
                        "{s::title} said that the libraries were ready for new joint projects.",
                        "{s::initials} also presented {topic}.",
                    )
                )
        w.paragraph(*talks)

        if story.agreement is not None:
            w.bind(when_agr=self.when(story.agreement.start, year=False))
            w.paragraph(
                w.render("{when_agr} {venue::short} and {partner} signed {agr::indef}."),
                w.render(
                    "The document was signed by {opener::initials} and {signer}, "
                    "{signer.post} of {partner::short}."
                ),
                "It provides for book exchange, joint exhibitions and staff internships.",
            )
        if story.exhibition is not None:
            exhibition = story.exhibition
            w.bind(
                when_exh=self.when(exhibition.start, year=False),
                until=self.day(exhibition.end, year=False),
            )
            w.paragraph(
                w.render("{when_exh} {venue::short} opened {exh::titled}, showing {q_books}."),
                w.render("The exhibition runs until {until}."),
            )
        if story.round_table is not None:
            w.bind(when_rt=self.when(story.round_table.start, year=False))
            w.paragraph(
                w.render(
                    "{when_rt} {venue::short} held {rt::titled}, moderated by {moderator}, "
                    "{moderator.post}."
                ),
                w.render("The {rt} was attended by {q_rt}."),
            )
        if story.visit is not None:
            w.bind(when_visit=self.when(story.visit.start, year=False))
            w.paragraph(
                w.render("{when_visit} the guests paid {visit::indef} to {vlib} in {vcity}.")
            )
        if rng.random() < 0.5:
            w.paragraph(w.render("Press service of {venue}"))
