"""Turkmen (tk): language detection tables.

``LETTERS`` are the letters of the Turkmen Latin alphabet that English and Uzbek Latin do not
use; ``STOPWORDS`` are frequent function words, counted per paragraph to detect the language.
"""

CODE = "tk"
TAGS = ("tk",)
LETTERS = "äçňöşüýž"
STOPWORDS = (
    "we",
    "bilen",
    "üçin",
    "hem",
    "hem-de",
    "bu",
    "şu",
    "bir",
    "boýunça",
    "bolup",
    "bolsa",
    "ýyl",
    "ýylyň",
    "arasynda",
    "tarapyndan",
    "barada",
    "has",
    "iň",
    "ähli",
    "olar",
    "onuň",
    "geçirildi",
    "edildi",
    "ýaly",
    "görä",
    "özara",
    "soňra",
    "şeýle",
    "bolan",
    "edip",
    "çäginde",
    "maksady",
    "ýagny",
)
