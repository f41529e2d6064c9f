"""Turkmen (tk): inflection endings stripped before names and trigger words are compared.

Turkmen is agglutinative, so endings are stripped repeatedly (``STRIP_REPEATEDLY``):
kitaphanalarynyň, kitaphanasynda and kitaphana meet at one stem, and so do Türkmenistanyň and
Türkmenistanda. A stem need not be a word (kitaphana -> "kitaph", since -a and the n are
stripped too); only equality of stems matters. Turkmen writes the locative and ablative with d only
(Aşgabatda, Aşgabatdan) and the dative as -a/-e, so -ta, -tan and -ga, -ka are not endings here:
they would cut maslahata to maslah and duşuşyga to duşuşy. The list holds the case endings in
their vowel-harmony variants (genitive -yň/-iň/-nyň/-niň, dative, locative, ablative), the
possessive endings and their chains, the plural, the relative -daky/-däki and the commonest verb
endings, so that a verb meets its other forms (gatnaşmak, gatnaşdylar, gatnaşýar -> gatnaş). The
singular past -dy/-di is left out: it would cut the possessive of a noun ending in d (fondy ->
fon); trigger tables list such verbs as written (gatnaşdy). A noun ending in s loses it before
the possessive -y/-i (kongresi -> kongr); tables list such forms where it matters. A name ending
in n, on the other hand, meets its genitive (Türkmenistan, Türkmenistanyň) because the n is
stripped too (see below). Consonant alternation (duşuşyk -> duşuşygy) is not undone here either.
"""

SUFFIXES = (
    # genitive
    "yň",
    "iň",
    "uň",
    "üň",
    "nyň",
    "niň",
    # the "pronominal n" between a possessive and a case ending (kitaphanasy-n-da), stripped on
    # its own so that a name ending in n meets its genitive: Türkmenistanyň could be read as
    # Türkmenista + nyň, so Türkmenistan itself must lose the n too
    "n",
    # accusative
    "y",
    "i",
    "u",
    "ü",
    "ny",
    "ni",
    # dative (-a/-e; after a vowel the vowel itself changes: sergi -> sergä)
    "a",
    "e",
    "ä",
    # locative (always -da/-de: Aşgabatda)
    "da",
    "de",
    "nda",
    "nde",
    # ablative
    "dan",
    "den",
    "ndan",
    "nden",
    # relative "-daky" (the one in ...)
    "daky",
    "däki",
    "ndaky",
    "ndäki",
    # possessive third person and its chains
    "sy",
    "si",
    "synyň",
    "siniň",
    "ynyň",
    "iniň",
    "yny",
    "ini",
    "syny",
    "sini",
    "yna",
    "ine",
    "syna",
    "sine",
    "ynda",
    "inde",
    "synda",
    "sinde",
    "yndan",
    "inden",
    "syndan",
    "sinden",
    "yndaky",
    "indäki",
    "syndaky",
    "sindäki",
    # possessive first person plural ("ýurdumyz", "ýurdumyzyň")
    "myz",
    "miz",
    "ymyz",
    "imiz",
    "umyz",
    "ümiz",
    "ymyzyň",
    "imiziň",
    "umyzyň",
    "ümiziň",
    "ymyzda",
    "imizde",
    "umyzda",
    "ümizde",
    # plural and its chains
    "lar",
    "ler",
    "laryň",
    "leriň",
    "lary",
    "leri",
    "larynyň",
    "leriniň",
    "lara",
    "lere",
    "larda",
    "lerde",
    "lardan",
    "lerden",
    "larynda",
    "lerinde",
    "laryndan",
    "lerinden",
    "laryna",
    "lerine",
    # verb endings: infinitive, plural past, present, converb, passive past
    "mak",
    "mek",
    "dylar",
    "diler",
    "ýar",
    "ýär",
    "ýarlar",
    "ýärler",
    "yp",
    "ip",
    "up",
    "üp",
    "yldy",
    "ildi",
    "uldy",
    "üldi",
    "ypdyr",
    "ipdir",
)
MIN_STEM = 3
STRIP_REPEATEDLY = True
