"""Kazakh (kk): inflection endings stripped before names and trigger words are compared.

Kazakh is agglutinative, so endings are stripped repeatedly (``STRIP_REPEATEDLY``):
кітапханасының -> кітапхана, Ресейдің -> ресей. A stem need not be a word: -тан is also an
ablative ending, so Қазақстан, Қазақстанның and Қазақстанда all meet at "қазақс". The list holds
the case endings in all their vowel-harmony and assimilation variants, the possessive endings
and their chains, the plural, the relative -дағы/-дегі, "-лық/-лік" (қазақстандық, халықаралық)
and the commonest verb endings, so that a verb meets its other forms (қатысу, қатысқан, қатысып
-> қатыс). Left out on purpose: the bare dative -а/-е and -на/-не (they would eat кітапхана,
Астана; the chains after a possessive, -сына, -ына, are in), and -ды/-ді/-ты/-ті (accusative and
past tense), which would cut the possessive of a noun ending in д or т (университеті ->
университе instead of университет); trigger tables list past verbs as written (қатысты). A noun
ending in с loses it before the possessive -ы/-і (кеңесі -> кеңе): tables list such possessive
forms too. Consonant alternation (қ -> ғ, к -> г, п -> б) is not undone; tables list both forms
where it matters.
"""

SUFFIXES = (
    # genitive
    "ның", "нің", "дың", "дің", "тың", "тің",
    # accusative after a vowel (after a consonant it is -ды/-ты, left out: see above)
    "ны", "ні",
    # dative
    "ға", "ге", "қа", "ке",
    # locative
    "да", "де", "та", "те", "нда", "нде",
    # ablative
    "дан", "ден", "тан", "тен", "нан", "нен", "ндан", "нден",
    # instrumental
    "мен", "бен", "пен", "менен", "бенен", "пенен",
    # relative "-дағы" (the one in ...)
    "дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі",
    # possessive third person and its chains
    "ы", "і", "сы", "сі", "ының", "інің", "сының", "сінің", "ын", "ін", "сын", "сін",
    "ына", "іне", "сына", "сіне", "ында", "інде", "сында", "сінде",
    "ынан", "інен", "сынан", "сінен", "ындағы", "індегі", "сындағы", "сіндегі",
    # possessive first person plural ("еліміз", "елімізде")
    "мыз", "міз", "ымыз", "іміз", "ымыздың", "іміздің", "ымызда", "імізде",
    # plural and its chains
    "лар", "лер", "дар", "дер", "тар", "тер",
    "лары", "лері", "дары", "дері", "тары", "тері",
    "ларының", "лерінің", "дарының", "дерінің", "тарының", "терінің",
    "ларында", "лерінде", "дарында", "дерінде", "тарында", "терінде",
    "ларынан", "лерінен", "дарынан", "дерінен", "тарынан", "терінен",
    "ларға", "лерге", "дарға", "дерге", "тарға", "терге",
    "ларда", "лерде", "дарда", "дерде", "тарда", "терде",
    "лардан", "лерден", "дардан", "дерден", "тардан", "терден",
    # "-лық/-лік" (of, from; -ness)
    "лық", "лік", "дық", "дік", "тық", "тік",
    # verb endings: verbal noun, participle, converb, passive past
    "у", "ған", "ген", "қан", "кен", "ып", "іп",
    "ылды", "ілді", "лды", "лді", "ылған", "ілген", "лған", "лген",
)
MIN_STEM = 3
STRIP_REPEATEDLY = True
