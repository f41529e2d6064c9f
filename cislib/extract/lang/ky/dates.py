"""Kyrgyz (ky): how dates are written ("2024-жылдын 15-майында", "2023-жылы 3-5-октябрда",
"10-июндан 14-июнга чейин", "17-май күнү").

Kyrgyz news write the months with their Russian-derived names (январь ... декабрь); ``MONTHS``
maps their stems to numbers, a word matching when it starts with the stem and has at most six
more letters (майында, октябрда). The traditional names (үчтүн айы, бугу, кулжа, ...) are listed
too; the two-word ones only match where the extractor reads phrases. ``YEAR_WORDS`` follow a
year number, ``DAY_WORDS`` a day number, ``ORDINAL_SUFFIXES`` are written after a number with a
hyphen, ``RANGE_WORDS`` are the words and endings that join two dates.
"""

MONTHS = {
    "январ": 1,
    "феврал": 2,
    "март": 3,
    "апрел": 4,
    "май": 5,
    "июн": 6,
    "июл": 7,
    "август": 8,
    "сентябр": 9,
    "октябр": 10,
    "ноябр": 11,
    "декабр": 12,
    "үчтүн айы": 1,
    "бирдин айы": 2,
    "жалган куран": 3,
    "чын куран": 4,
    "бугу": 5,
    "кулжа": 6,
    "теке": 7,
    "баш оона": 8,
    "аяк оона": 9,
    "тогуздун айы": 10,
    "жетинин айы": 11,
    "бештин айы": 12,
}
YEAR_WORDS = ("жыл", "ж.", "ж", "жылы", "жылдын", "жылкы")
DAY_WORDS = ("күнү", "күндөрү")
ORDINAL_SUFFIXES = (
    "-чи",
    "-чы",
    "-чу",
    "-чү",
    "-нчи",
    "-нчы",
    "-нчу",
    "-нчү",
    "-инчи",
    "-ынчы",
    "-унчу",
    "-үнчү",
)
RANGE_WORDS = ("чейин", "дейре", "аралыгында", "баштап", "жана", "дан", "ден", "дон", "дөн")
