"""Uzbek (uz): how dates are written ("2024 йил 15 апрелдан 24 майга қадар", "15-26 апрел кунлари",
"17 май куни").

``MONTHS`` maps a month stem to its number; a word matches when it starts with the stem and has
at most six more letters (апрелдан, майгача, сентябрида). сентабр and октабр are the spellings
of the Latin orthography (sentabr, oktabr), listed so that the derived Latin table has them.
``YEAR_WORDS`` follow a year number, ``DAY_WORDS`` a day number, ``ORDINAL_SUFFIXES`` are
written after a number with a hyphen, ``RANGE_WORDS`` are the words and endings that join two
dates ("...дан ... га қадар", "...гача").
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
    "сентабр": 9,
    "октябр": 10,
    "октабр": 10,
    "ноябр": 11,
    "декабр": 12,
}
YEAR_WORDS = ("йил", "й.", "й", "йилнинг", "йилда", "йилги")
DAY_WORDS = ("куни", "кунлари", "кундан", "кунига")
ORDINAL_SUFFIXES = ("-чи", "-нчи", "-инчи")
RANGE_WORDS = ("қадар", "гача", "дан", "ва", "то")
