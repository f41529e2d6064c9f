"""Turkmen (tk): grammatical markers that tie the words of a sentence to an event.

``FRAME_WORDS`` follow an event that frames another ("maksatnamasynyň çäginde"); ``BY_WORDS``
follow the organiser of a passive ("X tarapyndan geçirildi"); ``LOCATIVE_SUFFIXES`` end a place
or venue ("kitaphanasynda").
"""

FRAME_WORDS = ("çäginde", "çäklerinde", "çägi")
BY_WORDS = ("tarapyndan",)
LOCATIVE_SUFFIXES = ("da", "de", "nda", "nde", "ynda", "inde", "synda", "sinde")
LOCATIVE_PREPOSITIONS = ()
#: Plural endings: a head noun carrying one names institutions in general, not one of them.
PLURAL_SUFFIXES = (
    "lar",
    "ler",
    "laryň",
    "leriň",
    "larynyň",
    "leriniň",
    "lary",
    "leri",
    "larda",
    "lerde",
)
#: Words that join the items of a list ("A we B").
CONJUNCTIONS = ("we", "hem-de", "hem", "bilen")
#: Words that point back ("this centre", "бул борбор"): never the start of a name.
DEMONSTRATIVES = ("bu", "şu", "şol", "ol")
