"""The recognisers, in the order they run. Each takes the shared ``Reading`` and adds to it.

Order matters: names from the reference data claim their words first, so that the shape-based
recognisers do not read "Россия Давлат кутубхонаси" as something new, and people are looked
for only outside institution names ("А.С.Пушкин номидаги ... институти" is not a person).
"""

from cislib.extract.recognizers.events import recognise_events
from cislib.extract.recognizers.institutions import recognise_institutions
from cislib.extract.recognizers.people import recognise_people
from cislib.extract.recognizers.places import recognise_places
from cislib.extract.recognizers.posts import recognise_posts
from cislib.extract.recognizers.quantities import recognise_quantities
from cislib.extract.recognizers.reference import recognise_reference_names

RECOGNIZERS = (
    recognise_reference_names,
    recognise_places,
    recognise_institutions,
    recognise_people,
    recognise_posts,
    recognise_events,
    recognise_quantities,
)

__all__ = ["RECOGNIZERS"]
