"""Russian (ru): language detection tables.

``LETTERS`` are letters frequent in Russian and rare in the Turkic languages written in Cyrillic
(Kazakh and Kyrgyz use them only in loanwords; ы and э are left out because Kazakh and Kyrgyz
use them all the time). Russian is told apart mostly by its stopwords and by the absence of the
Turkic letters. ``STOPWORDS`` are frequent function words, counted per paragraph to detect the
language.
"""

CODE = "ru"
TAGS = ("ru",)
LETTERS = "щъь"
STOPWORDS = (
    "и",
    "в",
    "во",
    "на",
    "с",
    "со",
    "по",
    "для",
    "из",
    "от",
    "к",
    "о",
    "об",
    "что",
    "это",
    "как",
    "также",
    "был",
    "была",
    "были",
    "было",
    "его",
    "их",
    "который",
    "которые",
    "которая",
    "при",
    "не",
    "за",
    "до",
    "а",
    "но",
    "года",
    "году",
    "между",
    "этом",
    "том",
    "ходе",
    "рамках",
)
