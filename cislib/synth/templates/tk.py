"""Turkmen (tk): how a generated report is written, sentence by sentence.

The sentences follow Turkmen library news: "2023-nji ýylyň 5-nji oktýabrynda Türkmenabat
şäherindäki ... kitaphanasynda «...» atly halkara maslahat geçirildi", the organisation before
a post title in the genitive ("kitaphanasynyň direktory"), ordinal days (5-nji, 16-njy) and
"60-dan gowrak adam".
"""

from __future__ import annotations

from datetime import date

from cislib.synth.language import Turkic
from cislib.synth.morphology import inflect

THEMES = (
    ("Kitaphana we sanly döwürde okamak", "Libraries and reading in the digital age"),
    (
        "Ýazuw mirasyny gorap saklamak: tejribe we geljek",
        "Preserving the written heritage: experience and prospects",
    ),
    ("Serhetsiz okamak", "Reading without borders"),
    ("Çagalaryň okamagy: täze çemeleşmeler", "Children's reading: new approaches"),
    (
        "Seýrek kitaplary we golýazmalary sanlylaşdyrmak",
        "Digitisation of rare books and manuscripts",
    ),
    (
        "Milli bibliografiýa: standartlar we alyşmak",
        "National bibliography: standards and exchange",
    ),
    ("Ýaş kitaphanaçylar: geljegiň endikleri", "Young librarians: skills for the future"),
    ("Kitap umumy ynsanperwer giňişlikde", "The book in the common humanitarian space"),
)
EXHIBITION_TITLES = (
    ("Dostlugyň sahypalary", "Pages of friendship"),
    ("Halklary birleşdirýän söz", "The word that unites peoples"),
    ("Gündogar nusgawy edebiýaty terjimelerde", "Classics of the East in translation"),
    ("Seýrek neşirleriň dünýäsi", "The world of rare editions"),
)
ROUND_TABLE_TITLES = (
    (
        "Serhetýaka sebitleriň kitaphanalarynyň hyzmatdaşlygy",
        "Cooperation of libraries in border regions",
    ),
    ("Kitaphana we ýaşlar", "Libraries and youth"),
    ("Kitaphanalarda sanly hyzmatlar", "Digital services in libraries"),
)
TOPICS = (
    "seýrek neşirleri sanlylaşdyrmak taslamalary",
    "ýaş okyjylar bilen işlemegiň tejribesi",
    "bitewi elektron katalogy döretmek",
    "kitaphananyň täze elektron serişdeleri",
    "neşirleri alyşmak maksatnamalary",
)
THOUGHTS = (
    "kitaphanalaryň bilelikdäki taslamalarynyň ähmiýeti barada gürrüň berdi",
    "hünärmenleriň arasyndaky gatnaşyklaryň ýyl-ýyldan berkeýändigini belledi",
    "tejribe alyşmagyň welaýat kitaphanalary üçin aýratyn möhümdigini nygtady",
)


class Turkmen(Turkic):
    """Reports in Turkmen."""

    tag = "tk"
    THEMES = THEMES
    EXHIBITION_TITLES = EXHIBITION_TITLES
    ROUND_TABLE_TITLES = ROUND_TABLE_TITLES
    ROUND_TABLE = "tegelek stol"
    NAMED = "atly"
    INTERNATIONAL = "halkara"
    MORE = "gowrak"
    AVOID_EVENT_WORDS = (
        "hünär derejesini ýokarlandyrmak",
        "okuw",
        "gepleşik",
        "ýarmarka",
        "ýygnanyşyk",
        "şertnama",
        "simpozium",
        "konferensiýa",
    )

    def ordinal(self, value: int) -> str:
        """A number with its ordinal ending (5-nji, 16-njy), by the harmony of the last word
        said (alty: back vowels, -njy)."""
        front, back = self.tables.ORDINAL_SUFFIXES[:2]
        word = self.spoken_last(value)
        return f"{value}{back if inflect(word, 'loc', self.tag).endswith('da') else front}"

    def month(self, number: int, case: str) -> str:
        return inflect(self.months[number], case, self.tag)

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """2023-nji ýylyň 5-nji oktýabrynda; 5-7-nji iýunynda; 20-nji sentýabryndan 25-nji
        sentýabryna çenli; without the year 6-njy oktýabrda."""
        lead = f"{self.ordinal(start.year)} ýylyň " if year else ""
        loc = "poss-loc" if year else "loc"
        if end is None or end == start:
            return f"{lead}{self.ordinal(start.day)} {self.month(start.month, loc)}"
        if end.month == start.month:
            return f"{lead}{start.day}-{self.ordinal(end.day)} {self.month(start.month, loc)}"
        return (
            f"{lead}{self.ordinal(start.day)} {self.month(start.month, 'poss-abl')} "
            f"{self.ordinal(end.day)} {self.month(end.month, 'poss-dat')} çenli"
        )

    def compose(self, story, w) -> None:
        rng = w.rng
        main = story.main
        w.paragraph(
            w.pick(
                "{venue:loc} {ev::full} geçirildi",
                "{city} şäherinde {ev::full} geçirildi",
            )
        )
        if rng.random() < 0.4:
            day = main.end
            w.paragraph(
                w.render("{city}, ")
                + f"{self.ordinal(day.year)} ýylyň {self.ordinal(day.day)} "
                + self.month(day.month, "poss")
            )
        w.bind(when=self.when(main.start, main.end))
        lead = [
            w.pick(
                "{when} {city} şäherindäki {venue:loc} {ev::full} geçirildi.",
                "{when} {city} şäherinde {venue} tarapyndan {ev::full} guraldy.",
            )
        ]
        if story.ministry is not None:
            lead.append(w.render("{ev} {ministry:gen} goldamagynda geçirildi."))
        if story.org is not None:
            lead.append(w.render("{ev:acc} {venue::short} {org} bilen bilelikde gurady."))
        lead.append(
            w.pick(
                "{ev:dat} {guests:gen} kitaphanalarynyň wekilleri gatnaşdylar. "
                "Jemi {q_part} gatnaşdy.",
                "{ev:dat} {guests:abl} {q_part} gatnaşdy.",
                "{ev:dat} {q_countries:abl} {q_part} gatnaşdy.",
            )
        )
        if main.online:
            lead.append("Käbir gatnaşyjylar onlaýn görnüşde goşuldylar.")
        w.paragraph(*lead)

        w.bind(thought=rng.choice(THOUGHTS))
        w.paragraph(
            w.pick(
                "{ev:acc} {venue:gen} {opener.post:poss} {opener} açdy.",
                "{ev:acc} {venue:gen:short} {opener.post:poss} {opener} açyp, {thought}.",
            )
        )
        talks = []
        templates = w.shuffled(
            "{s.org:gen} {s.post:poss} {s} {topic} barada çykyş etdi.",
            "{s.org:gen} {s.post:poss} {s} hem çykyş etdi.",
            "{s::name} ({s.org:gen} {s.post:poss}) {topic} barada gürrüň berdi.",
        )
        for i, speaker in enumerate(story.speakers, 1):
            w.bind(s=speaker, topic=rng.choice(TOPICS))
            talks.append(w.render(templates[(i - 1) % len(templates)]))
            if i == 1 and rng.random() < 0.6:
                talks.append(w.render("{s::initial} {topic} barada giňişleýin gürrüň berdi."))
        w.paragraph(*talks)

        if story.agreement is not None:
            w.bind(when_agr=self.when(story.agreement.start, year=False))
            w.paragraph(
                w.pick(
                    "{ev:gen} ahyrynda {venue::short} bilen {partner:gen} arasynda "
                    "hyzmatdaşlyk hakynda {agr:dat} gol çekildi.",
                    "{when_agr} {venue::short} bilen {partner:gen} arasynda {agr:dat} gol çekildi.",
                ),
                w.render("{agr:dat} {opener::name} we {signer} gol çekdiler."),
                "Resminama laýyklykda, iki kitaphana neşirleri alyşar we bilelikdäki sergileri "
                "gurar.",
            )
        if story.exhibition is not None:
            exhibition = story.exhibition
            end = exhibition.end
            w.bind(
                when_exh=self.when(exhibition.start, year=False),
                until=f"{self.ordinal(end.day)} {self.month(end.month, 'dat')}",
            )
            w.paragraph(
                w.render("{when_exh} {exh::titled} guraldy."),
                w.render("Sergide {q_books} görkezildi."),
                w.render("Sergi {until} çenli dowam eder."),
            )
        if story.round_table is not None:
            w.bind(when_rt=self.when(story.round_table.start, year=False))
            w.paragraph(
                w.render("{when_rt} {rt::titled} geçirildi."),
                w.render("Ony {venue:gen} {moderator.post:poss} {moderator} alyp bardy."),
                w.render("{rt:dat} {q_rt} gatnaşdy."),
            )
        if story.visit is not None:
            visit = story.visit
            w.bind(when_visit=self.when(visit.start, year=False))
            if visit.city is story.city:
                w.paragraph(
                    w.render(
                        "{when_visit} {visit:gen} dowamynda myhmanlar {vlib:dat} baryp gördüler."
                    )
                )
            else:
                w.paragraph(
                    w.render(
                        "{when_visit} myhmanlar {vcity} şäherine {visit} bilen baryp, "
                        "{vlib:gen} işi bilen tanyşdylar."
                    )
                )
