"""Kazakh (kk): language detection tables.

``LETTERS`` are the letters of the Kazakh Cyrillic alphabet that Russian lacks (Kyrgyz shares ң,
ө and ү, so Kazakh is also told apart by ә, ғ, қ, ұ, һ, і and by its stopwords). ``STOPWORDS``
are frequent function words, counted per paragraph to detect the language.
"""

CODE = "kk"
TAGS = ("kk",)
LETTERS = "әғқңөұүһі"
STOPWORDS = (
    "және",
    "мен",
    "бен",
    "пен",
    "үшін",
    "бойынша",
    "бұл",
    "осы",
    "бір",
    "да",
    "де",
    "та",
    "те",
    "ол",
    "оның",
    "олар",
    "арасында",
    "тарапынан",
    "туралы",
    "жылы",
    "сондай-ақ",
    "бірге",
    "кезінде",
    "барлық",
    "болды",
    "өтті",
    "жөнінде",
    "ретінде",
    "қатысты",
    "деп",
    "өз",
    "ал",
    "болып",
    "аясында",
    "арқылы",
)
