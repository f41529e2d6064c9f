"""Uzbek (uz): nouns that name events, and words about how an event is held.

``EVENT_WORDS`` maps an event noun (dictionary form; several words allowed) to its event type;
entries and text are stemmed alike, so конференцияда, семинарда, лойиҳанинг match.
``ONLINE_WORDS`` mark an online event, ``PART_WORDS`` a stage or session of a larger event,
``OPENING_WORDS`` and ``CLOSING_WORDS`` its opening and closing. Written in Cyrillic.
"""

EVENT_WORDS = {
    "конференция": "Conference",
    "илмий конференция": "Conference",
    "илмий-амалий конференция": "Conference",
    "анжуман": "Conference",
    "симпозиум": "Conference",
    "конгресс": "Congress",
    "конгресси": "Congress",
    "қурултой": "Congress",
    "съезд": "Congress",
    "семинар": "Seminar",
    "вебинар": "Seminar",
    "семинар-тренинг": "Training",
    "тренинг": "Training",
    "малака ошириш": "Training",
    "малака ошириш курси": "Training",
    "ўқув курси": "Training",
    "ўқув семинари": "Training",
    "амалий машғулот": "Training",
    "машғулот": "Training",
    "мастер-класс": "Training",
    "маҳорат дарси": "Training",
    "стажировка": "Training",
    "форум": "Forum",
    "учрашув": "Meeting",
    "йиғилиш": "Meeting",
    "мажлис": "Meeting",
    "мажлиси": "Meeting",
    "давра суҳбати": "Meeting",
    "музокара": "Meeting",
    "кўргазма": "Exhibition",
    "китоб кўргазмаси": "Exhibition",
    "ярмарка": "Exhibition",
    "ташриф": "Visit",
    "сафар": "Visit",
    "иш сафари": "Visit",
    "меморандум": "Agreement",
    "ҳамкорлик меморандуми": "Agreement",
    "шартнома": "Agreement",
    "келишув": "Agreement",
    "битим": "Agreement",
    "лойиҳа": "Project",
    "дастур": "Programme",
    "фестивал": "Other",
    "фестиваль": "Other",
    "танлов": "Other",
    "тақдимот": "Other",
    "акция": "Other",
    "маросим": "Other",
}
ONLINE_WORDS = (
    "онлайн", "онлайн-формат", "масофавий", "масофадан", "видеоконференция", "видеоалоқа",
    "виртуал", "вебинар", "zoom",
)
PART_WORDS = ("босқич", "сессия", "секция", "шўъба", "пленар", "блок", "модул", "қисм")
OPENING_WORDS = (
    "очилиш", "очилиши", "очилиш маросими", "тантанали очилиш", "очилди", "бошланди",
)
CLOSING_WORDS = (
    "ёпилиш", "ёпилиши", "ёпилиш маросими", "тантанали ёпилиш", "якунланди", "якун",
    "якуний",
)
