"""English (en): grammatical markers that tie the words of a sentence to an event.

``FRAME_WORDS`` precede or follow an event that frames another ("within the programme", "as part
of the project"); ``BY_WORDS`` mark the organiser ("organised by X"); English marks a place or
venue with a preposition (``LOCATIVE_PREPOSITIONS``).
"""

FRAME_WORDS = ("within", "framework")
BY_WORDS = ("by",)
LOCATIVE_SUFFIXES = ()
LOCATIVE_PREPOSITIONS = ("at", "in")
#: Plural endings of head nouns ("libraries" names no single library).
PLURAL_SUFFIXES = ("ies", "ries")
#: Words that join the items of a list ("A and B").
CONJUNCTIONS = ("and", "as well as", "or")
#: Words that point back ("this centre", "бул борбор"): never the start of a name.
DEMONSTRATIVES = ("this", "these", "that", "those", "the", "its", "their", "our")
