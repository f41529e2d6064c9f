"""Kazakh (kk): how a generated report is written, sentence by sentence.

The sentences follow Kazakh library news: "2024 жылғы 12 наурызда Астана қаласында ...
кітапханасында «...» атты халықаралық конференция өтті", the organisation before a post title
in the genitive ("кітапхананың директоры"), numbers with case endings ("150-ден астам маман").
"""

from __future__ import annotations

from datetime import date

from cislib.synth.language import Turkic
from cislib.synth.morphology import inflect

THEMES = (
    ("Кітапхана және цифрлық дәуірдегі оқу", "Libraries and reading in the digital age"),
    (
        "Жазба мұраны сақтау: тәжірибе және болашақ",
        "Preserving the written heritage: experience and prospects",
    ),
    ("Шекарасыз оқу", "Reading without borders"),
    ("Балалар оқуы: жаңа тәсілдер", "Children's reading: new approaches"),
    (
        "Сирек кітаптар мен қолжазбаларды цифрландыру",
        "Digitisation of rare books and manuscripts",
    ),
    (
        "Ұлттық библиография: стандарттар мен алмасу",
        "National bibliography: standards and exchange",
    ),
    ("Жас кітапханашылар: болашақ дағдылары", "Young librarians: skills for the future"),
    ("Кітап ортақ гуманитарлық кеңістікте", "The book in the common humanitarian space"),
)
EXHIBITION_TITLES = (
    ("Достық беттері", "Pages of friendship"),
    ("Халықтарды біріктіретін сөз", "The word that unites peoples"),
    ("Шығыс классикасы аудармаларда", "Classics of the East in translation"),
    ("Сирек басылымдар әлемі", "The world of rare editions"),
)
ROUND_TABLE_TITLES = (
    (
        "Шекаралас өңірлер кітапханаларының ынтымақтастығы",
        "Cooperation of libraries in border regions",
    ),
    ("Кітапхана және жастар", "Libraries and youth"),
    ("Кітапханалардағы цифрлық қызметтер", "Digital services in libraries"),
)
TOPICS = (
    "сирек басылымдарды цифрландыру жобалары туралы",
    "жас оқырмандармен жұмыс туралы",
    "жиынтық каталог құру тәжірибесі туралы",
    "кітапхананың жаңа электрондық ресурстары туралы",
    "басылымдармен алмасу бағдарламалары туралы",
)
THOUGHTS = (
    "кітапханалардың бірлескен жобаларының маңызына тоқталды",
    "кәсіби байланыстардың жыл сайын нығайып келе жатқанын атап өтті",
    "тәжірибе алмасу өңірлік кітапханалар үшін ерекше маңызды екенін айтты",
)


class Kazakh(Turkic):
    """Reports in Kazakh."""

    tag = "kk"
    THEMES = THEMES
    EXHIBITION_TITLES = EXHIBITION_TITLES
    ROUND_TABLE_TITLES = ROUND_TABLE_TITLES
    ROUND_TABLE = "дөңгелек үстел"
    NAMED = "атты"
    INTERNATIONAL = "халықаралық"
    MORE = "астам"
    AVOID_EVENT_WORDS = (
        "біліктілікті арттыру",
        "оқыту",
        "келіссөз",
        "отырыс",
        "жиналыс",
        "кеңес отырысы",
        "жәрмеңке",
        "іссапар",
        "симпозиум",
    )

    def month(self, number: int, case: str) -> str:
        return inflect(self.months[number], case, self.tag)

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """2024 жылғы 12 наурызда; 25–27 сәуірде; 28 ақпаннан 3 наурызға дейін."""
        lead = f"{start.year} жылғы " if year else ""
        if end is None or end == start:
            return f"{lead}{start.day} {self.month(start.month, 'loc')}"
        if end.month == start.month:
            return f"{lead}{start.day}–{end.day} {self.month(start.month, 'loc')}"
        return (
            f"{lead}{start.day} {self.month(start.month, 'abl')} "
            f"{end.day} {self.month(end.month, 'dat')} дейін"
        )

    def compose(self, story, w) -> None:
        rng = w.rng
        main = story.main
        w.paragraph(
            w.pick(
                "{venue:loc} {ev::headline} өтті",
                "{city} қаласында {ev::headline} өтті",
                "{venue} {ev:acc:headline} өткізді",
            )
        )
        w.bind(when=self.when(main.start, main.end))
        lead = [
            w.pick(
                "{when} {city} қаласында {venue:loc} {ev::full} өтті.",
                "{when} {venue} {city} қаласында {ev:acc:full} өткізді.",
            )
        ]
        if story.org is not None:
            support = "{ministry:gen} қолдауымен " if story.ministry is not None else ""
            lead.append(
                w.render(
                    f"Іс-шараны {support}{{venue:nom:short}} және {{org}} бірлесіп ұйымдастырды."
                )
            )
        elif story.ministry is not None:
            lead.append(w.render("{ev} {ministry:gen} қолдауымен өткізілді."))
        lead.append(
            w.pick(
                "{ev:dat} {guests} кітапханаларының өкілдері қатысты. Барлығы {q_part} қатысты.",
                "{ev:dat} {guests:abl} {q_part} қатысты.",
                "{ev:dat} {q_countries:abl} {q_part} келді.",
            )
        )
        if main.online:
            lead.append("Қатысушылардың бір бөлігі онлайн режимде қосылды.")
        w.paragraph(*lead)

        w.bind(thought=rng.choice(THOUGHTS))
        w.paragraph(
            w.pick(
                "{ev:acc} {venue:gen} {opener.post:poss} {opener} ашып, {thought}.",
                "{ev:acc} {venue:gen:short} {opener.post:poss} {opener} құттықтау сөзбен ашты.",
            )
        )
        talks = []
        templates = w.shuffled(
            "{s.org:gen} {s.post:poss} {s} {topic} баяндама жасады.",
            "Пленарлық отырыста {s.org:gen} {s.post:poss} {s} сөз сөйледі.",
            "{s::reversed}, {s.org:gen} {s.post:poss}, {topic} айтып берді.",
        )
        for i, speaker in enumerate(story.speakers, 1):
            w.bind(s=speaker, topic=rng.choice(TOPICS))
            talks.append(w.render(templates[(i - 1) % len(templates)]))
            if i == 1 and rng.random() < 0.6:
                talks.append(
                    w.pick(
                        "{s:gen:initials} айтуынша, кітапханалар жаңа бірлескен жобаларға дайын.",
                        "{s::initials} өз кітапханасының тәжірибесімен бөлісті.",
                    )
                )
        w.paragraph(*talks)

        if story.agreement is not None:
            w.bind(when_agr=self.when(story.agreement.start, year=False))
            w.paragraph(
                w.pick(
                    "{ev} аясында {venue::short} және {partner} арасында {agr:dat} қол қойылды.",
                    "{when_agr} {venue::short} және {partner} арасында {agr:dat} қол қойылды.",
                ),
                w.render("Құжатқа {partner:gen} {signer.post:poss} {signer} қол қойды."),
                "Құжат электрондық ресурстармен алмасуды және бірлескен көрмелер өткізуді "
                "көздейді.",
            )
        if story.exhibition is not None:
            exhibition = story.exhibition
            w.bind(
                when_exh=self.when(exhibition.start, year=False),
                until=f"{exhibition.end.day} {self.month(exhibition.end.month, 'dat')}",
            )
            w.paragraph(
                w.render("{when_exh} кітапхананың көрме залында {exh::titled} ашылды."),
                w.render("Көрмеде {q_books} ұсынылды."),
                w.render("Көрме {until} дейін жалғасады."),
            )
        if story.round_table is not None:
            w.bind(when_rt=self.when(story.round_table.start, year=False))
            w.paragraph(
                w.render("{when_rt} {rt::titled} өтті."),
                w.render("Оны {venue:gen} {moderator.post:poss} {moderator} жүргізді."),
                w.render("{rt:dat} {q_rt} қатысты."),
            )
        if story.visit is not None:
            visit = story.visit
            w.bind(when_visit=self.when(visit.start, year=False))
            if visit.city is story.city:
                w.paragraph(w.render("{when_visit} {ev} қонақтары {vlib:dat} {visit:ins} барды."))
            else:
                w.paragraph(
                    w.render(
                        "{when_visit} қонақтар {vcity} қаласына {visit:ins} барып, "
                        "{vlib:gen} қорымен танысты."
                    )
                )
        if rng.random() < 0.6:
            w.paragraph(w.render("{venue:gen} баспасөз қызметі"))
