"""Uzbek (uz): grammatical markers that tie the words of a sentence to an event.

``FRAME_WORDS`` follow an event that frames another ("дастур доирасида": within the programme);
``BY_WORDS`` follow the agent of a passive ("X томонидан ташкил этилган": organised by X);
``LOCATIVE_SUFFIXES`` end a place or venue ("кутубхонасида"); ``LOCATIVE_PREPOSITIONS`` stand
before one (none in Uzbek). Written in Cyrillic.
"""

FRAME_WORDS = ("доирасида", "доирасидаги", "доира", "доираси")
BY_WORDS = ("томонидан",)
LOCATIVE_SUFFIXES = ("да", "та", "нда", "даги", "ида", "сида")
LOCATIVE_PREPOSITIONS = ()
#: Plural endings: a head noun carrying one names institutions in general, not one of them.
PLURAL_SUFFIXES = ("лар", "ларнинг", "ларда", "лардан", "ларга", "ларни", "лари", "ларининг")
#: Words that join the items of a list ("A ва B").
CONJUNCTIONS = ("ва", "ҳамда", "ҳам", "билан")
#: Words that point back ("this centre", "бул борбор"): never the start of a name.
DEMONSTRATIVES = ("бу", "ушбу", "шу", "мазкур", "ўша")
