"""Kyrgyz (ky): headings that open the parts of a report that are not news.

After a ``REFERENCE_HEADINGS`` heading the names are citations, not participants;
``ABSTRACT_HEADINGS`` open an abstract.
"""

REFERENCE_HEADINGS = (
    "колдонулган адабияттар",
    "адабияттар",
    "адабияттардын тизмеси",
    "колдонулган адабияттардын тизмеси",
    "булактар",
    "колдонулган булактар",
)
ABSTRACT_HEADINGS = ("аннотация", "кыскача мазмуну", "ачкыч сөздөр", "резюме")
