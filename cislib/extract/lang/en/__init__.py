"""English (en): language detection tables.

English has no letters of its own among the languages read here, so ``LETTERS`` is empty and
English is told apart from Turkmen and Uzbek Latin by its stopwords (and by the absence of their
letters). ``STOPWORDS`` are frequent function words, counted per paragraph.
"""

CODE = "en"
TAGS = ("en",)
LETTERS = ""
STOPWORDS = (
    "the",
    "of",
    "and",
    "in",
    "to",
    "a",
    "for",
    "with",
    "on",
    "was",
    "were",
    "by",
    "from",
    "at",
    "is",
    "as",
    "this",
    "that",
    "an",
    "which",
    "their",
    "its",
    "also",
    "has",
    "have",
    "be",
    "it",
    "are",
    "between",
    "during",
    "held",
    "will",
    "more",
    "than",
)
