"""English (en): counted nouns, classifier words and number words.

``QUANTITY_WORDS`` maps a counted noun to what it measures ("1500 specialists" -> specialists).
English needs no classifier between a number and its noun, so ``COUNTER_WORDS`` is empty.
``NUMBER_WORDS`` maps number words to their values.
"""

QUANTITY_WORDS = {
    "participant": "participants",
    "attendee": "participants",
    "listener": "participants",
    "specialist": "specialists",
    "professional": "specialists",
    "expert": "specialists",
    "librarian": "specialists",
    "guest": "guests",
    "visitor": "guests",
    "country": "countries",
    "state": "countries",
    "hour": "hours",
    "academic hour": "hours",
    "group": "groups",
    "people": "people",
    "person": "people",
    "staff member": "people",
    "delegate": "delegates",
    "representative": "delegates",
    "library": "libraries",
    "book": "books",
    "volume": "books",
    "organization": "organizations",
    "organisation": "organizations",
    "institution": "organizations",
    "city": "cities",
    "exhibit": "items exhibited",
    "exhibits": "items exhibited",
    "item": "items exhibited",
}
COUNTER_WORDS = ()
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "dozen": 12,
}
#: Words that make counted books a gift ("передал в дар 300 книг" -> books donated).
DONATION_WORDS = ("donate", "donated", "donation", "gift", "presented", "handed over", "gave")
#: Words that make counted books the items of an exhibition ("на выставке 300 изданий").
EXHIBITION_WORDS = ("exhibition", "display", "displayed", "exhibited", "on show")
#: Words for a thousand after a number ("13 мың" -> 13,000).
THOUSAND_WORDS = ("thousand",)
