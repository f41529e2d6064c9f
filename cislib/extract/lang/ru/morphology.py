"""Russian (ru): inflection endings stripped before names and trigger words are compared.

Russian is stemmed once (``STRIP_REPEATEDLY`` is False): the longest ending that leaves at least
``MIN_STEM`` letters is removed. The list covers noun and adjective case endings. Verb endings
are left out on purpose: "ет", "ит", "ал" would eat the stems of университет, совет, журнал;
trigger tables list past-tense forms instead (выступил covers выступила, выступили). The
``-ов``/``-ев`` paradigms are listed whole so that Иванов, Иванова, Ивановым and Ростов,
Ростова, Ростове all meet at one stem.
"""

SUFFIXES = (
    # adjectives
    "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ою", "ею", "ую", "юю", "ая", "яя",
    "ое", "ее", "ые", "ие", "ый", "ий", "ых", "их", "ым", "им",
    # nouns, plural and oblique cases
    "ами", "ями", "ах", "ях", "ам", "ям", "ом", "ем",
    "ией", "ием", "иям", "иях", "иями", "ия", "ии", "ию",
    "ья", "ьи", "ью", "ье", "ьей", "ьем",
    # -ов/-ев surnames, towns and genitive plurals, whole paradigm
    "ов", "ова", "ову", "овым", "ове", "овом", "овой", "овы", "овых", "овыми",
    "ев", "ева", "еву", "евым", "еве", "евом", "евой", "евы", "евых", "евыми",
    # single letters
    "ы", "и", "е", "у", "ю", "а", "я", "о", "ь", "й",
)
MIN_STEM = 3
STRIP_REPEATEDLY = False
