"""English (en): how dates are written ("16 June 2022", "March 3, 2023", "from 15 to 24 May 2024",
"2 Nov 2023").

``MONTHS`` maps month names and their abbreviations to numbers; a word matches when it starts
with the stem and has at most six more letters. English puts no word after the year or the day,
so ``YEAR_WORDS`` and ``DAY_WORDS`` are empty. ``ORDINAL_SUFFIXES`` are the endings of ordinal
numbers, with and without a hyphen (16th, 16-th). ``RANGE_WORDS`` join two dates of a range.
"""

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
YEAR_WORDS = ()
DAY_WORDS = ()
ORDINAL_SUFFIXES = ("-th", "-st", "-nd", "-rd", "th", "st", "nd", "rd")
RANGE_WORDS = ("to", "until", "till", "through", "and")
