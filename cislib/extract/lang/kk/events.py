"""Kazakh (kk): nouns that name events, and words about how an event is held.

``EVENT_WORDS`` maps an event noun (dictionary form; several words allowed) to its event type;
entries and text are stemmed alike, so конференциясында, көрмесі, кездесуге match. Nouns ending
in с lose it before the possessive ending, so their possessive forms are listed too (отырысы).
``ONLINE_WORDS`` mark an online event, ``PART_WORDS`` a stage or session of a larger event,
``OPENING_WORDS`` and ``CLOSING_WORDS`` its opening and closing.
"""

EVENT_WORDS = {
    "конференция": "Conference",
    "ғылыми конференция": "Conference",
    "ғылыми-тәжірибелік конференция": "Conference",
    "симпозиум": "Conference",
    "конгресс": "Congress",
    "конгресі": "Congress",
    "құрылтай": "Congress",
    "съезд": "Congress",
    "семинар": "Seminar",
    "вебинар": "Seminar",
    "семинар-кеңес": "Seminar",
    "семинар-тренинг": "Training",
    "тренинг": "Training",
    "оқыту": "Training",
    "біліктілікті арттыру": "Training",
    "біліктілікті арттыру курсы": "Training",
    "оқу курсы": "Training",
    "шеберлік сыныбы": "Training",
    "мастер-класс": "Training",
    "тағылымдама": "Training",
    "форум": "Forum",
    "кездесу": "Meeting",
    "жиналыс": "Meeting",
    "отырыс": "Meeting",
    "кеңес отырысы": "Meeting",
    "жиналысы": "Meeting",
    "отырысы": "Meeting",
    "дөңгелек үстел": "Meeting",
    "келіссөз": "Meeting",
    "көрме": "Exhibition",
    "кітап көрмесі": "Exhibition",
    "жәрмеңке": "Exhibition",
    "сапар": "Visit",
    "іссапар": "Visit",
    "жұмыс сапары": "Visit",
    "келісім": "Agreement",
    "келісімшарт": "Agreement",
    "меморандум": "Agreement",
    "ынтымақтастық туралы меморандум": "Agreement",
    "жоба": "Project",
    "бағдарлама": "Programme",
    "фестиваль": "Other",
    "байқау": "Other",
    "таныстырылым": "Other",
    "тұсаукесер": "Other",
    "акция": "Other",
    "салтанат": "Other",
}
ONLINE_WORDS = (
    "онлайн",
    "онлайн-формат",
    "онлайн форматта",
    "қашықтықтан",
    "бейнеконференция",
    "бейнебайланыс",
    "виртуалды",
    "вебинар",
    "zoom",
)
PART_WORDS = ("кезең", "сессия", "секция", "пленарлық", "модуль", "блок", "бөлігі")
OPENING_WORDS = (
    "ашылу",
    "ашылуы",
    "ашылу салтанаты",
    "салтанатты ашылу",
    "ашылды",
    "басталды",
)
CLOSING_WORDS = (
    "жабылу",
    "жабылуы",
    "жабылу салтанаты",
    "аяқталды",
    "қорытынды",
    "қорытындылау",
)
