"""Turkmen (tk): headings that open the parts of a report that are not news.

After a ``REFERENCE_HEADINGS`` heading the names are citations, not participants;
``ABSTRACT_HEADINGS`` open an abstract.
"""

REFERENCE_HEADINGS = (
    "edebiýatlar",
    "peýdalanylan edebiýatlar",
    "ulanylan edebiýatlar",
    "edebiýat sanawy",
    "peýdalanylan edebiýatlaryň sanawy",
    "çeşmeler",
    "peýdalanylan çeşmeler",
)
ABSTRACT_HEADINGS = ("annotasiýa", "gysgaça mazmuny", "açar sözler")
