"""Kazakh (kk): how dates are written ("2023 жылғы 5 қазанда", "2024 жылғы 20-22 мамырда", "28
ақпаннан 3 наурызға дейін").

``MONTHS`` maps a month stem to its number; a word matches when it starts with the stem and has
at most six more letters (қазанда, наурыздан). қазан is also the city of Kazan and a cauldron;
the extractor only reads it as a month beside a day number. ``YEAR_WORDS`` follow a year number,
``DAY_WORDS`` a day number, ``ORDINAL_SUFFIXES`` are written after a number with a hyphen,
``RANGE_WORDS`` are the words and endings that join two dates.
"""

MONTHS = {
    "қаңтар": 1,
    "ақпан": 2,
    "наурыз": 3,
    "сәуір": 4,
    "мамыр": 5,
    "маусым": 6,
    "шілде": 7,
    "тамыз": 8,
    "қыркүйек": 9,
    "қазан": 10,
    "қараша": 11,
    "желтоқсан": 12,
}
YEAR_WORDS = ("жыл", "ж.", "ж", "жылғы", "жылы")
DAY_WORDS = ("күні", "күндері")
ORDINAL_SUFFIXES = ("-шы", "-ші", "-ншы", "-нші", "-ыншы", "-інші")
RANGE_WORDS = ("дейін", "шейін", "аралығында", "бастап", "және", "дан", "ден", "нан", "нен")
