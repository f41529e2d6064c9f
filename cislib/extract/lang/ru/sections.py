"""Russian (ru): headings that open the parts of a report that are not news.

After a ``REFERENCE_HEADINGS`` heading the names are citations, not participants;
``ABSTRACT_HEADINGS`` open an abstract.
"""

REFERENCE_HEADINGS = (
    "литература",
    "список литературы",
    "использованная литература",
    "список использованной литературы",
    "источники",
    "список источников",
    "список использованных источников",
    "библиография",
    "библиографический список",
    "примечания",
)
ABSTRACT_HEADINGS = ("аннотация", "резюме", "ключевые слова")
