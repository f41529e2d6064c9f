"""English (en): inflection endings stripped before names and trigger words are compared.

English is stemmed once (``STRIP_REPEATEDLY`` is False) and lightly: possessives and plurals.
"-ies" and "-y" are both stripped so that library and libraries meet at "librar"; "-es", "-ed"
and "-ing" are left out because they would part State from States or meeting from meetings.
"""

SUFFIXES = ("'s", "’s", "s'", "s’", "ies", "s", "y")
MIN_STEM = 3
STRIP_REPEATEDLY = False
