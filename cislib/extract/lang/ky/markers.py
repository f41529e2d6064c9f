"""Kyrgyz (ky): grammatical markers that tie the words of a sentence to an event.

``FRAME_WORDS`` follow an event that frames another ("программасынын алкагында"); ``BY_WORDS``
follow the organiser of a passive ("X тарабынан уюштурулган"); ``LOCATIVE_SUFFIXES`` end a place
or venue ("китепканасында").
"""

FRAME_WORDS = ("алкагында", "чегинде", "алкак")
BY_WORDS = ("тарабынан", "уюштурган", "уюштуруусу")
LOCATIVE_SUFFIXES = (
    "да",
    "де",
    "до",
    "дө",
    "та",
    "те",
    "то",
    "тө",
    "нда",
    "нде",
    "ында",
    "инде",
    "сында",
    "синде",
    "сунда",
    "сүндө",
)
LOCATIVE_PREPOSITIONS = ()
#: Plural endings: a head noun carrying one names institutions in general, not one of them.
PLURAL_SUFFIXES = (
    "лар",
    "лер",
    "лор",
    "лөр",
    "дар",
    "дер",
    "дор",
    "дөр",
    "тар",
    "тер",
    "тор",
    "төр",
)
#: Words that join the items of a list ("A жана B").
CONJUNCTIONS = ("жана", "менен", "дагы")
#: Words that point back ("this centre", "бул борбор"): never the start of a name.
DEMONSTRATIVES = ("бул", "ушул", "ошол", "бу")
