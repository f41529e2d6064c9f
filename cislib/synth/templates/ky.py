"""Kyrgyz (ky): how a generated report is written, sentence by sentence.

The sentences follow Kyrgyz library news: "2023-жылдын 26-апрелинде Бишкек шаарында ...
китепканасында «...» аттуу эл аралык форум болуп өттү", the organisation before a post title
in the genitive ("китепкананын директору"), numbers with case endings ("70тен ашык адис").
"""

from __future__ import annotations

from datetime import date

from cislib.synth.language import Turkic
from cislib.synth.morphology import inflect

THEMES = (
    ("Китепкана жана санариптик доордогу окуу", "Libraries and reading in the digital age"),
    (
        "Жазма мурасты сактоо: тажрыйба жана келечек",
        "Preserving the written heritage: experience and prospects",
    ),
    ("Чек арасыз окуу", "Reading without borders"),
    ("Балдар окуусу: жаңы ыкмалар", "Children's reading: new approaches"),
    (
        "Сейрек китептерди жана кол жазмаларды санариптештирүү",
        "Digitisation of rare books and manuscripts",
    ),
    (
        "Улуттук библиография: стандарттар жана алмашуу",
        "National bibliography: standards and exchange",
    ),
    ("Жаш китепканачылар: келечектин көндүмдөрү", "Young librarians: skills for the future"),
    ("Китеп жалпы гуманитардык мейкиндикте", "The book in the common humanitarian space"),
)
EXHIBITION_TITLES = (
    ("Достуктун барактары", "Pages of friendship"),
    ("Элдерди бириктирген сөз", "The word that unites peoples"),
    ("Чыгыш классикасы котормолордо", "Classics of the East in translation"),
    ("Сейрек басылмалар дүйнөсү", "The world of rare editions"),
)
ROUND_TABLE_TITLES = (
    (
        "Чек ара аймактарындагы китепканалардын кызматташтыгы",
        "Cooperation of libraries in border regions",
    ),
    ("Китепкана жана жаштар", "Libraries and youth"),
    ("Китепканалардагы санариптик кызматтар", "Digital services in libraries"),
)
TOPICS = (
    "сейрек басылмаларды санариптештирүү долбоорлору тууралуу",
    "жаш окурмандар менен иштөө тууралуу",
    "жалпы каталог түзүү тажрыйбасы тууралуу",
    "китепкананын жаңы электрондук ресурстары тууралуу",
    "басылмалар менен алмашуу программалары тууралуу",
)
THOUGHTS = (
    "өлкөлөрдүн китепканалары ортосундагы байланыштар акыркы жылдары бир топ чыңдалганын белгиледи",
    "биргелешкен долбоорлор жалпы маданий мурасты сактоого жардам берерин айтты",
    "тажрыйба алмашуу аймактык китепканалар үчүн өзгөчө маанилүү экенин белгиледи",
)


class Kyrgyz(Turkic):
    """Reports in Kyrgyz."""

    tag = "ky"
    THEMES = THEMES
    EXHIBITION_TITLES = EXHIBITION_TITLES
    ROUND_TABLE_TITLES = ROUND_TABLE_TITLES
    ROUND_TABLE = "тегерек стол"
    NAMED = "аттуу"
    INTERNATIONAL = "эл аралык"
    MORE = "ашык"
    NUMBER_HYPHEN = False
    AVOID_EVENT_WORDS = (
        "квалификацияны жогорулатуу",
        "окутуу",
        "сүйлөшүү",
        "жыйналыш",
        "жарманке",
        "кеңешме",
        "макулдашуу",
        "симпозиум",
    )

    def month(self, number: int, case: str) -> str:
        return inflect(self.months[number], case, self.tag)

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """2023-жылдын 26-апрелинде; 3–5-октябрда; 10-июндан 14-июнга чейин."""
        if end is None or end == start:
            if year:
                return f"{start.year}-жылдын {start.day}-{self.month(start.month, 'poss-loc')}"
            return f"{start.day}-{self.month(start.month, 'loc')}"
        lead = f"{start.year}-жылы " if year else ""
        if end.month == start.month:
            return f"{lead}{start.day}–{end.day}-{self.month(start.month, 'loc')}"
        return (
            f"{lead}{start.day}-{self.month(start.month, 'abl')} "
            f"{end.day}-{self.month(end.month, 'dat')} чейин"
        )

    def compose(self, story, w) -> None:
        rng = w.rng
        main = story.main
        w.paragraph(
            w.pick(
                "{city:loc} {ev::full} өттү",
                "{venue:loc} {ev::full} болуп өттү",
            )
        )
        if rng.random() < 0.4:
            day = main.end
            w.paragraph(
                w.render("{city}, ")
                + f"{day.year}-жылдын {day.day}-{self.month(day.month, 'poss')}"
            )
        w.bind(when=self.when(main.start, main.end))
        lead = [
            w.pick(
                "{when} {city} шаарында {venue:loc} {ev::full} болуп өттү.",
                "{when} {venue} {city} шаарында {ev:acc:full} өткөрдү.",
            )
        ]
        if story.org is not None:
            lead.append(w.render("{ev:acc} {venue::short} {org:gen} колдоосу менен уюштурду."))
        if story.ministry is not None:
            lead.append(w.render("{ev} {ministry:gen} колдоосу менен өткөрүлдү."))
        lead.append(
            w.pick(
                "{ev:dat} {guests:abl} {q_part} катышты.",
                "{ev:dat} {q_countries:abl} {q_part} катышты.",
                "{ev:dat} {guests} китепканаларынын өкүлдөрү катышты. Бардыгы {q_part} катышты.",
            )
        )
        if main.online:
            lead.append("Катышуучулардын бир бөлүгү онлайн түрүндө катышты.")
        w.paragraph(*lead)

        w.bind(thought=rng.choice(THOUGHTS))
        w.paragraph(
            w.pick(
                "{ev:acc} {venue:gen} {opener.post:poss} {opener} ачып, {thought}.",
                "{ev:acc} {venue:gen:short} {opener.post:poss} {opener} куттуктоо сөз менен ачты.",
            )
        )
        talks = []
        templates = w.shuffled(
            "Андан кийин {s.org:gen} {s.post:poss} {s} сөз сүйлөдү.",
            "{s.org:gen} {s.post:poss} {s} {topic} баяндама жасады.",
            "{s::reversed}, {s.org:gen} {s.post:poss}, {topic} айтып берди.",
        )
        for i, speaker in enumerate(story.speakers, 1):
            w.bind(s=speaker, topic=rng.choice(TOPICS))
            talks.append(w.render(templates[(i - 1) % len(templates)]))
            if i == 1 and rng.random() < 0.6:
                talks.append(
                    w.pick(
                        "{s:gen:initials} айтымында, китепканалар жаңы биргелешкен долбоорлорго "
                        "даяр.",
                        "{s::initials} өз китепканасынын тажрыйбасы менен бөлүштү.",
                    )
                )
        w.paragraph(*talks)

        if story.agreement is not None:
            w.bind(when_agr=self.when(story.agreement.start, year=False))
            w.paragraph(
                w.pick(
                    "{ev:gen} алкагында {venue::short} менен {partner:gen} ортосунда {agr:dat} "
                    "кол коюлду.",
                    "{when_agr} {venue::short} менен {partner:gen} ортосунда {agr:dat} кол коюлду.",
                ),
                w.render("Документке {partner:gen} {signer.post:poss} {signer} кол койду."),
                "Документте басылмалар менен алмашуу жана биргелешкен көргөзмөлөрдү өткөрүү "
                "каралган.",
            )
        if story.exhibition is not None:
            exhibition = story.exhibition
            w.bind(
                when_exh=self.when(exhibition.start, year=False),
                until=f"{exhibition.end.day}-{self.month(exhibition.end.month, 'dat')}",
            )
            w.paragraph(
                w.render("{when_exh} китепкананын көргөзмө залында {exh::titled} уюштурулду."),
                w.render("Көргөзмөдө {q_books} коюлду."),
                w.render("Көргөзмө {until} чейин уланат."),
            )
        if story.round_table is not None:
            w.bind(when_rt=self.when(story.round_table.start, year=False))
            w.paragraph(
                w.render("{when_rt} {rt::titled} өттү."),
                w.render("Аны {venue:gen} {moderator.post:poss} {moderator} алып барды."),
                w.render("{rt:dat} {q_rt} катышты."),
            )
        if story.visit is not None:
            visit = story.visit
            w.bind(when_visit=self.when(visit.start, year=False))
            if visit.city is story.city:
                w.paragraph(w.render("{when_visit} коноктор {vlib:dat} {visit} менен барышты."))
            else:
                w.paragraph(
                    w.render(
                        "{when_visit} коноктор {vcity} шаарына {visit} менен барып, "
                        "{vlib:gen} фонду менен таанышышты."
                    )
                )
        if rng.random() < 0.6:
            w.paragraph(w.render("{venue:gen} маалымат кызматы"))
