"""Turkmen (tk): how dates are written ("2021-nji ýylyň 11-nji martynda", "2023-nji ýylyň 5-7-nji
iýunynda", "20-nji sentýabryndan 25-nji sentýabryna çenli").

``MONTHS`` maps a month stem to its number; a word matches when it starts with the stem and has
at most six more letters (martynda, sentýabryndan). ``YEAR_WORDS`` follow a year number,
``DAY_WORDS`` a day number ("forumyň 1-nji güni"), ``ORDINAL_SUFFIXES`` are written after a
number with a hyphen, ``RANGE_WORDS`` are the words and endings that join two dates.
"""

MONTHS = {
    "ýanwar": 1,
    "fewral": 2,
    "mart": 3,
    "aprel": 4,
    "maý": 5,
    "iýun": 6,
    "iýul": 7,
    "awgust": 8,
    "sentýabr": 9,
    "oktýabr": 10,
    "noýabr": 11,
    "dekabr": 12,
}
YEAR_WORDS = ("ýyl", "ý.", "ý", "ýylyň", "ýylda", "ýylky")
DAY_WORDS = ("güni", "günleri", "gün")
ORDINAL_SUFFIXES = ("-nji", "-njy", "-inji", "-ynjy", "-unjy", "-ünji")
RANGE_WORDS = ("çenli", "aralygynda", "dan", "den", "we")
