"""Russian (ru): grammatical markers that tie the words of a sentence to an event.

``FRAME_WORDS`` follow or precede an event that frames another ("в рамках программы");
``BY_WORDS`` mark the organiser ("организованный X", "при поддержке X"); Russian marks a place
with a preposition (``LOCATIVE_PREPOSITIONS``: "в", "на") rather than a suffix.
"""

FRAME_WORDS = ("рамках", "рамки", "рамках программы")
BY_WORDS = ("организатор", "организаторы", "организованный", "организованной", "при")
LOCATIVE_SUFFIXES = ()
LOCATIVE_PREPOSITIONS = ("в", "во", "на")
#: Plural endings of head nouns (not used: Russian plural and genitive singular coincide).
PLURAL_SUFFIXES = ()
#: Words that join the items of a list ("A и B").
CONJUNCTIONS = ("и", "а также", "или")
#: Words that point back ("this centre", "бул борбор"): never the start of a name.
DEMONSTRATIVES = (
    "этот",
    "эта",
    "это",
    "эти",
    "этого",
    "этой",
    "этом",
    "этих",
    "данный",
    "данная",
    "данной",
    "данного",
    "тот",
    "та",
    "те",
)
