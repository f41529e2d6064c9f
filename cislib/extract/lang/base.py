"""Tables shared by every language: quotation marks, apostrophes, dashes."""

#: Opening -> closing quotation marks used around titles.
QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "”": "”", "‘": "’"}

#: Apostrophe look-alikes, all read as one letter when names are compared (Uzbek Latin writes
#: oʻ, o', o’ and o‘ for the same letter).
APOSTROPHES = "'ʻʼ’‘`´ʹ"

#: Dashes and hyphens between the two ends of a range ("15-26", "15–26").
RANGE_DASHES = "-–—‒"

#: Letters Latin and Cyrillic share in shape; a word mixing scripts is read in the script of
#: most of its letters.
LOOKALIKES_LATIN_TO_CYRILLIC = {
    "a": "а",
    "c": "с",
    "e": "е",
    "o": "о",
    "p": "р",
    "x": "х",
    "y": "у",
    "A": "А",
    "B": "В",
    "C": "С",
    "E": "Е",
    "H": "Н",
    "K": "К",
    "M": "М",
    "O": "О",
    "P": "Р",
    "T": "Т",
    "X": "Х",
}
