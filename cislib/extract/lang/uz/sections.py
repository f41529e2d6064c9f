"""Uzbek (uz): headings that open the parts of a report that are not news.

After a ``REFERENCE_HEADINGS`` heading the names are citations, not participants;
``ABSTRACT_HEADINGS`` open an abstract. Written in Cyrillic.
"""

REFERENCE_HEADINGS = (
    "фойдаланилган адабиётлар",
    "адабиётлар",
    "адабиётлар рўйхати",
    "фойдаланилган адабиётлар рўйхати",
    "манбалар",
    "фойдаланилган манбалар",
    "библиография",
)
ABSTRACT_HEADINGS = ("аннотация", "аннотатсия", "резюме", "калит сўзлар")
