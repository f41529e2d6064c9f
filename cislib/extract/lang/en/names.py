"""English (en): the shapes of names of libraries, organisations, people and cities.

Libraries missing from the reference data are recognised from these shapes: "Almaty Regional
Universal Library", "Namangan Regional Information and Library Centre named after N. Nazarov".
``HEAD_POSITION`` is "last" ("... Library"); names with "of" after the head ("National Library
of Belarus") are covered by "of" among the ``NAME_MODIFIERS``.
"""

LIBRARY_HEADS = (
    "library", "library system", "centralized library system", "centralised library system",
    "information and library centre", "information and library center",
    "library and information centre", "library and information center",
    "information resource centre", "information resource center",
)
ORGANIZATION_HEADS = (
    "university", "institute", "academy", "fund", "foundation", "association", "assembly",
    "ministry", "agency", "centre", "center", "committee", "union", "council", "museum",
    "archive", "archives", "chamber", "college", "organization", "organisation", "society",
    "school", "embassy", "commonwealth", "publishing house", "department",
)
HEAD_POSITION = "last"
NAMED_AFTER = ("named after",)
NAME_MODIFIERS = (
    "national", "state", "republican", "regional", "oblast", "city", "municipal", "district",
    "central", "centralized", "centralised", "children's", "children", "youth", "scientific",
    "public", "information", "universal", "presidential", "academic", "international",
    "research", "technical", "medical", "pedagogical", "and", "of", "for", "the",
)
PATRONYMIC_ENDINGS = (
    "ovich", "evich", "yevich", "ievich", "ovna", "evna", "yevna", "ievna", "ich", "ichna",
    "ogly", "oglu", "ugli", "uly", "uulu", "kyzy", "qizi", "gyzy",
)
SURNAME_ENDINGS = (
    "ov", "ova", "ev", "eva", "yev", "yeva", "in", "ina", "sky", "skiy", "skaya", "ko",
    "enko", "uk", "yuk", "yan", "yants", "shvili", "dze",
)
CITY_WORDS = ("city", "city of")
HONORIFICS = (
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "professor",
    "academician", "doctor", "sir", "madam", "his excellency", "her excellency", "h.e.",
)
