"""Kazakh (kk): grammatical markers that tie the words of a sentence to an event.

``FRAME_WORDS`` follow an event that frames another ("бағдарламасы аясында"); ``BY_WORDS``
follow the organiser of a passive ("X ұйымдастырған", "X тарапынан"); ``LOCATIVE_SUFFIXES`` end
a place or venue ("кітапханасында").
"""

FRAME_WORDS = ("аясында", "шеңберінде", "аясы")
BY_WORDS = ("тарапынан", "ұйымдастырған", "ұйымдастыруымен")
LOCATIVE_SUFFIXES = ("да", "де", "та", "те", "нда", "нде", "ында", "інде", "сында", "сінде")
LOCATIVE_PREPOSITIONS = ()
#: Plural endings: a head noun carrying one names institutions in general, not one of them.
PLURAL_SUFFIXES = ("лар", "лер", "дар", "дер", "тар", "тер", "ларының", "лерінің", "лары", "лері")
#: Words that join the items of a list ("A және B").
CONJUNCTIONS = ("және", "мен", "бен", "пен", "әрі")
#: Words that point back ("this centre", "бул борбор"): never the start of a name.
DEMONSTRATIVES = ("бұл", "осы", "сол", "бұның", "осының")
