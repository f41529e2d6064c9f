"""Kazakh (kk): headings that open the parts of a report that are not news.

After a ``REFERENCE_HEADINGS`` heading the names are citations, not participants;
``ABSTRACT_HEADINGS`` open an abstract.
"""

REFERENCE_HEADINGS = (
    "пайдаланылған әдебиеттер",
    "әдебиеттер",
    "әдебиеттер тізімі",
    "пайдаланылған әдебиеттер тізімі",
    "дереккөздер",
    "пайдаланылған дереккөздер",
)
ABSTRACT_HEADINGS = ("аңдатпа", "аннотация", "түйін", "түйінді сөздер", "резюме")
