"""Russian (ru): nouns that name events, and words about how an event is held.

``EVENT_WORDS`` maps an event noun (dictionary form; several words allowed) to its event type.
Table entries and text are stemmed alike, so конференции, конференцию, круглого стола match.
``ONLINE_WORDS`` mark an online event, ``PART_WORDS`` a stage or session of a larger event,
``OPENING_WORDS`` and ``CLOSING_WORDS`` its opening and closing.
"""

EVENT_WORDS = {
    "конференция": "Conference",
    "научная конференция": "Conference",
    "научно-практическая конференция": "Conference",
    "видеоконференция": "Conference",
    "симпозиум": "Conference",
    "чтения": "Conference",
    "конгресс": "Congress",
    "съезд": "Congress",
    "семинар": "Seminar",
    "вебинар": "Seminar",
    "семинар-практикум": "Seminar",
    "практикум": "Training",
    "тренинг": "Training",
    "семинар-тренинг": "Training",
    "мастер-класс": "Training",
    "стажировка": "Training",
    "курсы повышения квалификации": "Training",
    "повышение квалификации": "Training",
    "обучающий курс": "Training",
    "форум": "Forum",
    "встреча": "Meeting",
    "совещание": "Meeting",
    "заседание": "Meeting",
    "круглый стол": "Meeting",
    "переговоры": "Meeting",
    "выставка": "Exhibition",
    "книжная выставка": "Exhibition",
    "книжная ярмарка": "Exhibition",
    "ярмарка": "Exhibition",
    "визит": "Visit",
    "посещение": "Visit",
    "рабочий визит": "Visit",
    "соглашение": "Agreement",
    "соглашение о сотрудничестве": "Agreement",
    "меморандум": "Agreement",
    "меморандум о сотрудничестве": "Agreement",
    "договор": "Agreement",
    "проект": "Project",
    "программа": "Programme",
    "фестиваль": "Other",
    "конкурс": "Other",
    "презентация": "Other",
    "акция": "Other",
    "марафон": "Other",
    "церемония": "Other",
}
ONLINE_WORDS = (
    "онлайн", "онлайн-формат", "онлайн-режим", "дистанционно", "дистанционный", "удаленный",
    "удаленно", "видеоконференция", "видеоконференцсвязь", "видеосвязь", "виртуальный",
    "вебинар", "zoom",
)
PART_WORDS = (
    "этап", "сессия", "секция", "пленарное заседание", "модуль", "блок", "часть", "тур",
)
OPENING_WORDS = (
    "открытие", "торжественное открытие", "открыл", "открылся", "открылась", "стартовал",
    "начало",
)
CLOSING_WORDS = (
    "закрытие", "торжественное закрытие", "закрыл", "завершение", "завершился", "завершилась",
    "подведение итогов", "итоги",
)
