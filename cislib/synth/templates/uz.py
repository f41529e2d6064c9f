"""Uzbek (uz-Cyrl, uz-Latn): how a generated report is written, sentence by sentence.

The templates are written in Cyrillic; the Latin report passes them through the same
transliteration the reader's tables use (``cislib.extract.lang.uz.script.to_latin``) and names
things with their Latin labels. Sentences follow Uzbek library news: "2023 йил 12 октябрь куни
... кутубхонасида «...» мавзусида халқаро конференция бўлиб ўтди", the organisation before a
post title as an izafet ("Ўзбекистон Миллий кутубхонаси директори"), "120 нафардан ортиқ
мутахассис".
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from cislib.extract.lang.uz.script import to_latin
from cislib.synth.language import Turkic
from cislib.synth.morphology import inflect
from cislib.synth.writer import Names

THEMES = (
    ("Кутубхона ва рақамли даврда китобхонлик", "Libraries and reading in the digital age"),
    (
        "Ёзма меросни асраш: тажриба ва истиқболлар",
        "Preserving the written heritage: experience and prospects",
    ),
    ("Чегарасиз китобхонлик", "Reading without borders"),
    ("Болалар китобхонлиги: янги ёндашувлар", "Children's reading: new approaches"),
    ("Нодир китоблар ва қўлёзмаларни рақамлаштириш", "Digitisation of rare books and manuscripts"),
    (
        "Миллий библиография: стандартлар ва алмашинув",
        "National bibliography: standards and exchange",
    ),
    ("Ёш кутубхоначилар: келажак кўникмалари", "Young librarians: skills for the future"),
    ("Китоб умумий гуманитар маконда", "The book in the common humanitarian space"),
)
EXHIBITION_TITLES = (
    ("Дўстлик саҳифалари", "Pages of friendship"),
    ("Халқларни бирлаштирган сўз", "The word that unites peoples"),
    ("Шарқ мумтоз адабиёти таржималарда", "Classics of the East in translation"),
    ("Нодир нашрлар олами", "The world of rare editions"),
)
ROUND_TABLE_TITLES = (
    ("Чегарадош ҳудудлар кутубхоналари ҳамкорлиги", "Cooperation of libraries in border regions"),
    ("Кутубхона ва ёшлар", "Libraries and youth"),
    ("Кутубхоналарда рақамли хизматлар", "Digital services in libraries"),
)
TOPICS = (
    "нодир нашрларни рақамлаштириш лойиҳалари",
    "ёш китобхонлар билан ишлаш тажрибаси",
    "ягона электрон каталог яратиш",
    "кутубхонанинг янги электрон ресурслари",
    "нашрлар алмашинуви дастурлари",
)
THOUGHTS = (
    "кутубхоналарнинг қўшма лойиҳалари умумий маданий меросни асрашга ёрдам беришини таъкидлади",
    "касбий алоқалар йилдан йилга мустаҳкамланиб бораётганини қайд этди",
    "тажриба алмашиш вилоят кутубхоналари учун айниқса муҳим эканини таъкидлади",
)

_CYRILLIC = re.compile("[а-яёўқғҳ]", re.IGNORECASE)


@cache
def _latin(text: str) -> str:
    return to_latin(text)


#: Counted nouns of people take the counter for people (нафар); the rest the one for things.
PEOPLE = ("participants", "specialists", "people", "guests", "delegates")


class UzbekCyrillic(Turkic):
    """Reports in Uzbek, Cyrillic script."""

    tag = "uz-Cyrl"
    THEMES = THEMES
    EXHIBITION_TITLES = EXHIBITION_TITLES
    ROUND_TABLE_TITLES = ROUND_TABLE_TITLES
    ROUND_TABLE = "давра суҳбати"
    NAMED = "мавзусида"
    INTERNATIONAL = "халқаро"
    MORE = "ортиқ"
    NUMBER_HYPHEN = False
    AVOID_EVENT_WORDS = (
        "малака ошириш",
        "машғулот",
        "амалий машғулот",
        "музокара",
        "ярмарка",
        "йиғилиш",
        "мажлис",
        "битим",
        "келишув",
        "анжуман",
        "симпозиум",
    )

    def event(self, event, case: str = "nom", form: str = "noun") -> str:
        if form == "titled" and event.title:
            # "«Туркман адабиёти дурдоналари» китоб кўргазмаси": no word between.
            poss = "poss" if case == "nom" else f"poss-{case}"
            return f"{self.title_phrase(event)} {self.post_like(event.noun, poss)}"
        return super().event(event, case, form)

    def month(self, number: int, case: str = "nom") -> str:
        """The month: "октябрь" in the nominative, endings on the stem ("октябрдан")."""
        stem = self.months[number]
        if case == "nom":
            return stem + ("ь" if stem[-1] in "рлн" else "")
        return inflect(stem, case, self.tag)

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """2023 йил 12 октябрь куни; 14–15 ноябрь кунлари; 15 апрелдан 24 майга қадар."""
        lead = f"{start.year} йил " if year else ""
        if end is None or end == start:
            return f"{lead}{start.day} {self.month(start.month)} куни"
        if end.month == start.month:
            return f"{lead}{start.day}–{end.day} {self.month(start.month)} кунлари"
        return (
            f"{lead}{start.day} {self.month(start.month, 'abl')} "
            f"{end.day} {self.month(end.month, 'dat')} қадар"
        )

    def until(self, d: date) -> str:
        return f"{d.day} {self.month(d.month, 'dat')} қадар"

    def names(self, things, case, form):
        # "Қозоғистон, Қирғизистон ва Озарбайжондан": only the last item takes the ending.
        if case in ("abl", "loc", "dat") and len(things) > 1:
            return [self.name(t, "nom", form) for t in things[:-1]] + [
                self.name(things[-1], case, form)
            ]
        return super().names(things, case, form)

    def count(self, count, case: str = "nom") -> str:
        people, things = self.tables.COUNTER_WORDS[:2]
        counter = people if count.what in PEOPLE else things
        noun = inflect(count.noun, case, self.tag)
        if count.more_than:
            if count.what in PEOPLE:
                return f"{count.value} {inflect(counter, 'abl', self.tag)} {self.MORE} {noun}"
            return f"{count.value} {self.number_ending(count.value, 'abl')} {self.MORE} {noun}"
        return f"{count.value} {counter} {noun}"

    def compose(self, story, w) -> None:
        rng = w.rng
        main = story.main
        w.paragraph(
            w.pick(
                "{city:loc} {ev::headline} бўлиб ўтди",
                "{venue:loc} {ev::headline} бўлиб ўтди",
            )
        )
        w.bind(when=self.when(main.start, main.end))
        lead = [
            w.pick(
                "{when} {venue:loc} {ev::full} бўлиб ўтди.",
                "{when} {city} шаҳрида {venue} томонидан {ev::full} ташкил этилди.",
            )
        ]
        partners = [t for t in (story.org, story.ministry) if t is not None]
        if partners:
            w.bind(partners=Names([story.venue, *partners]))
            lead.append(w.render("{ev} {partners} ҳамкорлигида ташкил этилди."))
        lead.append(
            w.pick(
                "{ev:loc} {guests:abl} келган меҳмонлар – жами {q_part} иштирок этди.",
                "{ev:loc} {q_countries:abl} {q_part} иштирок этди.",
            )
        )
        if main.online:
            lead.append(w.render("{ev} онлайн тарзда ҳам эфирга узатилди."))
        w.paragraph(*lead)

        w.bind(thought=rng.choice(THOUGHTS))
        w.paragraph(
            w.pick(
                "{ev:acc} {venue} {opener.post:poss} {opener} очиб берди ва {thought}.",
                "{ev:acc} {venue::short} {opener.post:poss} {opener} табрик сўзи билан очди.",
            )
        )
        talks = []
        templates = w.shuffled(
            "Ялпи мажлисда {s.org} {s.post:poss} {s} маъруза қилди.",
            "{s.org} {s.post:poss} {s} {topic} ҳақида сўзлаб берди.",
            "{s::formal}, {s.org} {s.post:poss}, {topic} ҳақида маълумот берди.",
        )
        for i, speaker in enumerate(story.speakers, 1):
            w.bind(s=speaker, topic=rng.choice(TOPICS))
            talks.append(w.render(templates[(i - 1) % len(templates)]))
            if i == 1 and rng.random() < 0.6:
                talks.append(
                    w.pick(
                        "{s::initials} {topic} ҳақида гапириб берди.",
                        "{s:gen:initials} таъкидлашича, кутубхоналар янги қўшма лойиҳаларга тайёр.",
                    )
                )
        w.paragraph(*talks)

        if story.agreement is not None:
            w.bind(when_agr=self.when(story.agreement.start, year=False))
            w.paragraph(
                w.pick(
                    "{ev} доирасида {venue::short} ва {partner} ўртасида {agr} имзоланди.",
                    "{when_agr} {venue::short} ва {partner} ўртасида {agr} имзоланди.",
                ),
                w.render(
                    "Ҳужжатни {opener::initials} ҳамда {partner} {signer.post:poss} "
                    "{signer} имзоладилар."
                ),
                "Ҳужжатга кўра, томонлар нашрлар алмашинуви ва қўшма кўргазмалар ташкил этиш "
                "бўйича ҳамкорлик қиладилар.",
            )
        if story.exhibition is not None:
            exhibition = story.exhibition
            w.bind(
                when_exh=self.when(exhibition.start, year=False), until=self.until(exhibition.end)
            )
            w.paragraph(
                w.render("{when_exh} кутубхонанинг кўргазмалар залида {exh::titled} очилди."),
                w.render("Кўргазмада {q_books} намойиш этилди."),
                w.render("Кўргазма {until} давом этади."),
            )
        if story.round_table is not None:
            w.bind(when_rt=self.when(story.round_table.start, year=False))
            w.paragraph(
                w.render("{when_rt} {rt::full} бўлиб ўтди."),
                w.render("Уни {venue} {moderator.post:poss} {moderator} олиб борди."),
                w.render("{rt:loc} {q_rt} иштирок этди."),
            )
        if story.visit is not None:
            visit = story.visit
            w.bind(when_visit=self.when(visit.start, year=False))
            if visit.city is story.city:
                w.paragraph(
                    w.render(
                        "{visit} доирасида {when_visit} меҳмонлар {vlib} фаолияти билан танишдилар."
                    )
                )
            else:
                w.paragraph(
                    w.render(
                        "{visit} доирасида {when_visit} меҳмонлар {vcity} шаҳрига бориб, "
                        "{vlib} фаолияти билан танишдилар."
                    )
                )
        if rng.random() < 0.6:
            w.paragraph(w.render("{venue} матбуот хизмати"))


class UzbekLatin(UzbekCyrillic):
    """Reports in Uzbek, Latin script: the Cyrillic templates transliterated."""

    tag = "uz-Latn"
    QUOTES = ("“", "”")
    THEMES = tuple((to_latin(t), e) for t, e in THEMES)
    EXHIBITION_TITLES = tuple((to_latin(t), e) for t, e in EXHIBITION_TITLES)
    ROUND_TABLE_TITLES = tuple((to_latin(t), e) for t, e in ROUND_TABLE_TITLES)
    ROUND_TABLE = to_latin("давра суҳбати")
    NAMED = to_latin("мавзусида")
    INTERNATIONAL = to_latin("халқаро")
    MORE = to_latin("ортиқ")
    AVOID_EVENT_WORDS = tuple(to_latin(w) for w in UzbekCyrillic.AVOID_EVENT_WORDS)

    def localise(self, text: str) -> str:
        return _latin(text) if _CYRILLIC.search(text) else text

    @property
    def months(self) -> dict[int, str]:
        # The Latin alphabet spells the autumn months without the Russian "я" (sentabr,
        # oktabr): the tables list those spellings after the Cyrillic ones.
        out: dict[int, str] = {}
        for name, number in self.tables.MONTHS.items():
            out[number] = name
        return out

    def month(self, number: int, case: str = "nom") -> str:
        stem = self.months[number]
        return stem if case == "nom" else inflect(stem, case, self.tag)

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """2023-yil 12-oktabr kuni; 14–15-noyabr kunlari; 10-oktabrdan 3-noyabrgacha."""
        lead = f"{start.year}-yil " if year else ""
        if end is None or end == start:
            return f"{lead}{start.day}-{self.month(start.month)} kuni"
        if end.month == start.month:
            return f"{lead}{start.day}–{end.day}-{self.month(start.month)} kunlari"
        return (
            f"{lead}{start.day}-{self.month(start.month, 'abl')} {end.day}-{self.until_stem(end)}"
        )

    def until_stem(self, d: date) -> str:
        return f"{self.month(d.month)}gacha"

    def until(self, d: date) -> str:
        return f"{d.day}-{self.until_stem(d)}"
