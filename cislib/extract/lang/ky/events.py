"""Kyrgyz (ky): nouns that name events, and words about how an event is held.

``EVENT_WORDS`` maps an event noun (dictionary form; several words allowed) to its event type;
entries and text are stemmed alike, so конференцияда, көргөзмөсү, жолугушууга match.
``ONLINE_WORDS`` mark an online event, ``PART_WORDS`` a stage or session of a larger event,
``OPENING_WORDS`` and ``CLOSING_WORDS`` its opening and closing.
"""

EVENT_WORDS = {
    "конференция": "Conference",
    "илимий конференция": "Conference",
    "илимий-практикалык конференция": "Conference",
    "симпозиум": "Conference",
    "конгресс": "Congress",
    "конгресси": "Congress",
    "курултай": "Congress",
    "съезд": "Congress",
    "семинар": "Seminar",
    "вебинар": "Seminar",
    "семинар-кеңешме": "Seminar",
    "семинар-тренинг": "Training",
    "тренинг": "Training",
    "окутуу": "Training",
    "квалификацияны жогорулатуу": "Training",
    "квалификацияны жогорулатуу курсу": "Training",
    "окуу курсу": "Training",
    "чеберчилик сабагы": "Training",
    "мастер-класс": "Training",
    "стажировка": "Training",
    "форум": "Forum",
    "жолугушуу": "Meeting",
    "жыйын": "Meeting",
    "жыйналыш": "Meeting",
    "кеңешме": "Meeting",
    "тегерек стол": "Meeting",
    "сүйлөшүү": "Meeting",
    "көргөзмө": "Exhibition",
    "китеп көргөзмөсү": "Exhibition",
    "жарманке": "Exhibition",
    "сапар": "Visit",
    "иш сапар": "Visit",
    "келишим": "Agreement",
    "макулдашуу": "Agreement",
    "меморандум": "Agreement",
    "кызматташтык жөнүндө меморандум": "Agreement",
    "долбоор": "Project",
    "программа": "Programme",
    "фестиваль": "Other",
    "сынак": "Other",
    "тааныштыруу": "Other",
    "бет ачар": "Other",
    "акция": "Other",
    "азем": "Other",
}
ONLINE_WORDS = (
    "онлайн",
    "онлайн-формат",
    "онлайн форматта",
    "аралыктан",
    "видеоконференция",
    "видеобайланыш",
    "виртуалдык",
    "вебинар",
    "zoom",
)
PART_WORDS = ("этап", "баскыч", "сессия", "секция", "пленардык", "модуль", "блок", "бөлүгү")
OPENING_WORDS = (
    "ачылыш",
    "ачылышы",
    "ачылыш аземи",
    "салтанаттуу ачылыш",
    "ачылды",
    "башталды",
)
CLOSING_WORDS = (
    "жабылыш",
    "жабылышы",
    "жабылыш аземи",
    "аяктады",
    "жыйынтык",
    "жыйынтыктоочу",
)
