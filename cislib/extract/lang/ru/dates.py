"""Russian (ru): how dates are written ("с 15 по 24 мая 2024 г.", "16 апреля 2023 года").

``MONTHS`` maps a month stem to its number; a word matches when it starts with the stem and has
at most six more letters (марта, сентября, декабре). May is listed by its whole forms since "ма"
alone is too short. ``YEAR_WORDS`` follow a year number, ``DAY_WORDS`` a day number,
``ORDINAL_SUFFIXES`` are written after a number with a hyphen, ``RANGE_WORDS`` join two dates.
"""

MONTHS = {
    "январ": 1,
    "янв": 1,
    "феврал": 2,
    "февр": 2,
    "март": 3,
    "апрел": 4,
    "май": 5,
    "мая": 5,
    "мае": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "авг": 8,
    "сентябр": 9,
    "октябр": 10,
    "окт": 10,
    "ноябр": 11,
    "нояб": 11,
    "декабр": 12,
}
YEAR_WORDS = ("г.", "г", "гг.", "гг", "год", "года", "году", "годах")
DAY_WORDS = ("числа",)
ORDINAL_SUFFIXES = ("-го", "-е", "-ое", "-ого", "-й", "-м", "-ом")
RANGE_WORDS = ("по", "до", "и")
