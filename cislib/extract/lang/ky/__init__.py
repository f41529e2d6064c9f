"""Kyrgyz (ky): language detection tables.

``LETTERS`` are the letters of the Kyrgyz Cyrillic alphabet that Russian lacks; Kazakh has them
too, so Kyrgyz is told apart from Kazakh by the absence of ә, ғ, қ, ұ, һ, і and by its
stopwords. ``STOPWORDS`` are frequent function words, counted per paragraph to detect the
language.
"""

CODE = "ky"
TAGS = ("ky",)
LETTERS = "ңөү"
STOPWORDS = (
    "жана",
    "менен",
    "үчүн",
    "боюнча",
    "бул",
    "ошол",
    "бир",
    "да",
    "дагы",
    "ал",
    "анын",
    "алар",
    "ортосунда",
    "тарабынан",
    "тууралуу",
    "жөнүндө",
    "жылы",
    "ошондой",
    "эле",
    "бирге",
    "учурунда",
    "бардык",
    "болду",
    "өттү",
    "катары",
    "деп",
    "өз",
    "мындан",
    "кийин",
    "ар",
    "болуп",
    "алкагында",
    "аркылуу",
    "атындагы",
    "катышты",
    "болгон",
    "шаарында",
)
