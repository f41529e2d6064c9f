"""English (en): headings that open the parts of a report that are not news.

After a ``REFERENCE_HEADINGS`` heading the names are citations, not participants;
``ABSTRACT_HEADINGS`` open an abstract.
"""

REFERENCE_HEADINGS = (
    "references",
    "reference list",
    "list of references",
    "bibliography",
    "literature",
    "sources",
    "works cited",
    "notes",
)
ABSTRACT_HEADINGS = ("abstract", "summary", "annotation", "keywords", "key words")
