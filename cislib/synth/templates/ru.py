"""Russian (ru): how a generated report is written, sentence by sentence.

Sentences follow the news items of library websites: a headline, an optional dateline, a lead
with date, place, venue and event, organisers, participants, the opening speech, reports of
guests, and then an agreement, an exhibition, a round table or a visit, and a press-service
signature. Names decline (``cislib.synth.morphology``), verbs agree with their subject.
"""

from __future__ import annotations

from datetime import date, timedelta

from cislib.synth.language import Language
from cislib.synth.morphology import russian_agreeing, russian_count, russian_phrase

THEMES = (
    ("Библиотеки и чтение в цифровую эпоху", "Libraries and reading in the digital age"),
    (
        "Сохранение письменного наследия: опыт и перспективы",
        "Preserving the written heritage: experience and prospects",
    ),
    ("Чтение без границ", "Reading without borders"),
    ("Детское чтение: новые подходы", "Children's reading: new approaches"),
    ("Оцифровка редких книг и рукописей", "Digitisation of rare books and manuscripts"),
    (
        "Национальная библиография: стандарты и обмен",
        "National bibliography: standards and exchange",
    ),
    ("Молодые библиотекари: навыки будущего", "Young librarians: skills for the future"),
    ("Книга в общем гуманитарном пространстве", "The book in the common humanitarian space"),
    (
        "Краеведческие фонды в цифровой среде",
        "Local history collections in the digital environment",
    ),
)
EXHIBITION_TITLES = (
    ("Страницы дружбы", "Pages of friendship"),
    ("Слово, объединяющее народы", "The word that unites peoples"),
    ("Восточная классика в переводах", "Classics of the East in translation"),
    ("Мир редких изданий", "The world of rare editions"),
)
ROUND_TABLE_TITLES = (
    (
        "Сотрудничество библиотек приграничных регионов",
        "Cooperation of libraries in border regions",
    ),
    ("Библиотека и молодёжь", "Libraries and youth"),
    ("Цифровые сервисы в библиотеках", "Digital services in libraries"),
)
TOPICS = (
    "о проектах оцифровки редких изданий",
    "о работе с молодыми читателями",
    "об опыте создания сводного каталога",
    "о новых электронных ресурсах библиотеки",
    "о программах обмена изданиями",
    "о подготовке кадров для библиотек",
)
OPENING_THOUGHTS = (
    "совместные проекты библиотек помогают сохранять общее культурное наследие",
    "профессиональные связи библиотекарей с каждым годом становятся крепче",
    "обмен опытом особенно важен для региональных библиотек",
)


class Russian(Language):
    """Reports in Russian."""

    tag = "ru"
    THEMES = THEMES
    EXHIBITION_TITLES = EXHIBITION_TITLES
    ROUND_TABLE_TITLES = ROUND_TABLE_TITLES
    ROUND_TABLE = "круглый стол"
    AVOID_EVENT_WORDS = (
        "чтения",
        "переговоры",
        "курсы повышения квалификации",
        "повышение квалификации",
        "книжная ярмарка",
        "ярмарка",
        "заседание",
        "посещение",
        "симпозиум",
    )

    # --- words -----------------------------------------------------------------------------

    def placing(self, thing, rng):
        # A made-up Russian name says nothing of its place: "... имени А.К. Турсунова (Ош,
        # Кыргызстан)".
        if thing.type == "Library" and not thing.reference and thing.city is not None:
            return [thing.city, thing.country]
        return super().placing(thing, rng)

    def month(self, number: int) -> str:
        """The month in the genitive (сентября, мая), made from the stem in ``MONTHS``."""
        stem = self.months[number]
        if stem in ("май",):
            return "мая"
        return stem + ("я" if stem[-1] in "рлн" else "а")

    def day(self, d: date, year: bool = True) -> str:
        text = f"{d.day} {self.month(d.month)}"
        return f"{text} {d.year} года" if year else text

    def when(self, start: date, end: date | None = None, year: bool = True) -> str:
        """13 сентября 2023 года; 13–14 сентября 2023 года; с 28 февраля по 3 марта 2023 г."""
        suffix = f" {start.year} года" if year else ""
        if end is None or end == start:
            return self.day(start, False) + suffix
        if end.month == start.month:
            return f"{start.day}–{end.day} {self.month(start.month)}{suffix}"
        return f"с {self.day(start, False)} по {self.day(end, False)}{suffix}"

    def event(self, event, case: str = "nom", form: str = "noun") -> str:
        noun = event.noun
        if form == "full":
            phrase = russian_agreeing(("международный",), noun) if event.international else noun
            phrase = russian_phrase(phrase, case)
            phrase = phrase[0].upper() + phrase[1:]
            return f"{phrase} {self.quoted(event.title)}" if event.title else phrase
        if form == "titled":
            return f"{russian_phrase(noun, case)} {self.quoted(event.title)}"
        return russian_phrase(noun, case)

    def count(self, count, case: str = "nom") -> str:
        text = russian_count(count.value, count.noun, case)
        return f"более {text}" if count.more_than else text

    def post(self, cast, case: str = "nom") -> str:
        title = cast.post
        if cast.thing.person.female and title.startswith("заведующий"):
            title = "заведующая" + title[len("заведующий") :]
        return russian_phrase(title, case)

    # --- the report ------------------------------------------------------------------------

    def compose(self, story, w) -> None:
        rng = w.rng
        main = story.main
        w.paragraph(
            w.pick(
                "В {city:loc} {ev?прошёл|прошла|прошло|прошли} {ev::full}",
                "{venue} {venue?провёл|провела|провело|провели} {ev:acc:full}",
                "{ev::full} {ev?состоялся|состоялась|состоялось|состоялись} в {city:loc}",
            )
        )
        if rng.random() < 0.5:
            w.paragraph((main.end + timedelta(days=rng.randint(1, 3))).strftime("%d.%m.%Y"))
        w.bind(when=self.when(main.start, main.end))
        lead = [
            w.pick(
                "{when} в {venue:loc:placed} {ev?состоялся|состоялась|состоялось|состоялись} "
                "{ev::full}.",
                "{when} в {city:loc} на базе {venue:gen} {ev?прошёл|прошла|прошло|прошли} "
                "{ev::full}.",
            )
        ]
        if story.org is not None:
            lead.append(
                w.pick(
                    "Организаторами {ev:gen} выступили {venue:nom:short} и {org}",
                    "{ev} {ev?организован|организована|организовано|организованы} "
                    "{venue:ins:short} совместно с {org:ins}",
                )
                + (w.render(" при поддержке {ministry:gen}.") if story.ministry else ".")
            )
        elif story.ministry is not None:
            lead.append(
                w.render("{ev} {ev?прошёл|прошла|прошло|прошли} при поддержке {ministry:gen}.")
            )
        lead.append(
            w.pick(
                "В работе {ev:gen} приняли участие {q_part} из {q_countries:gen}: {countries:gen}.",
                "Участниками {ev:gen} стали {q_part} из {guests:gen}.",
                "В {ev:loc} участвовали библиотекари из {guests:gen}, всего {q_part}.",
            )
        )
        if main.online:
            lead.append("Часть участников подключилась к трансляции онлайн.")
        w.paragraph(*lead)

        w.bind(thought=rng.choice(OPENING_THOUGHTS))
        opening = [
            w.pick(
                "Открывая {ev:acc}, {opener.post} {venue:gen} {opener} "
                "{opener?подчеркнул|подчеркнула}, что {thought}.",
                "С приветственным словом к участникам {opener?обратился|обратилась} "
                "{opener.post} {venue:gen:short} {opener}.",
                "{ev:acc} {opener?открыл|открыла} {opener.post} {venue:gen} {opener}.",
            )
        ]
        w.paragraph(*opening)

        talks = []
        for i, speaker in enumerate(story.speakers, 1):
            w.bind(s=speaker, topic=rng.choice(TOPICS))
            talks.append(
                w.pick(
                    "{s.post} {s.org:gen:placed} {s} {s?рассказал|рассказала} {topic}.",
                    "С докладом {topic} {s?выступил|выступила} {s.post} {s.org:gen:placed} {s}.",
                    "Опыт {s.org:gen:placed} {s?представил|представила} {s.post} {s}.",
                    "{s::reversed}, {s.post} {s.org:gen:placed}, {s?рассказал|рассказала} {topic}.",
                )
            )
            if i == 1 and rng.random() < 0.6:
                talks.append(
                    w.pick(
                        "Доклад {s:gen:initials} вызвал оживлённую дискуссию.",
                        "По словам {s:gen:initials}, библиотеки готовы к новым совместным "
                        "проектам.",
                    )
                )
        w.paragraph(*talks)

        if story.agreement is not None:
            agreement = story.agreement
            w.bind(when_agr=self.when(agreement.start, year=False))
            w.paragraph(
                w.pick(
                    "{when_agr} в рамках {ev:gen} "
                    "{agr?был подписан|была подписана|было подписано|были подписаны} "
                    "{agr} между {venue:ins:short} и {partner:ins}.",
                    "В рамках {ev:gen} {venue:nom:short} и {partner} "
                    "{venue?подписал|подписала|подписало|подписали} {agr:acc}.",
                ),
                w.pick(
                    "Со стороны {partner:gen:short} документ {signer?подписал|подписала} "
                    "{signer.post} {signer}.",
                    "Подписи под документом поставили {opener::initials} и {signer::initials}.",
                ),
                "Документ предусматривает обмен изданиями, совместные выставки и стажировки "
                "сотрудников.",
            )
        if story.exhibition is not None:
            exhibition = story.exhibition
            w.bind(until=self.day(exhibition.end, year=False))
            w.paragraph(
                w.pick(
                    "В {venue:loc:short} {exh?открылся|открылась|открылось|открылись} "
                    "{exh::titled}: в экспозиции {q_books}.",
                    "В рамках {ev:gen} {exh?открылся|открылась|открылось|открылись} "
                    "{exh::titled}, где представлено {q_books}.",
                ),
                w.render("Экспозиция будет открыта до {until}."),
            )
        if story.round_table is not None:
            table = story.round_table
            w.bind(when_rt=self.when(table.start, year=False))
            w.paragraph(
                w.render("{when_rt} {rt?состоялся|состоялась|состоялось|состоялись} {rt::titled}."),
                w.pick(
                    "Модератором {moderator?выступил|выступила} {moderator.post} "
                    "{venue:gen:short} {moderator}.",
                    "Обсуждение {moderator?провёл|провела} {moderator.post} {moderator}.",
                ),
                w.render("В обсуждении приняли участие {q_rt}."),
            )
        if story.visit is not None:
            visit = story.visit
            w.bind(when_visit=self.when(visit.start, year=False))
            if visit.city is story.city:
                w.paragraph(
                    w.pick(
                        "{when_visit} участники {ev:gen} совершили {visit:acc} в {vlib:acc}.",
                        "{when_visit} в рамках {visit:gen} гости {ev:gen} посетили {vlib:acc}.",
                    )
                )
            else:
                w.paragraph(
                    w.render(
                        "{when_visit} в ходе {visit:gen} в {vcity:acc} гости посетили {vlib:acc}."
                    )
                )
        if rng.random() < 0.6:
            w.paragraph(w.render("Пресс-служба {venue:gen}"))
