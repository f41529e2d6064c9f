"""Kyrgyz (ky): counted nouns, classifier words and number words.

``QUANTITY_WORDS`` maps a counted noun (dictionary form) to what it measures ("60 катышуучу" ->
participants); where the stem changes before a vowel (топ -> тобу, китеп -> китеби) both forms
are listed. ``COUNTER_WORDS`` stand between a number and its noun. ``NUMBER_WORDS`` maps number
words to their values.
"""

QUANTITY_WORDS = {
    "катышуучу": "participants",
    "угуучу": "participants",
    "адис": "specialists",
    "китепканачы": "specialists",
    "эксперт": "specialists",
    "конок": "guests",
    "мейман": "guests",
    "өлкө": "countries",
    "мамлекет": "countries",
    "саат": "hours",
    "академиялык саат": "hours",
    "топ": "groups",
    "тобу": "groups",
    "адам": "people",
    "киши": "people",
    "кызматкер": "people",
    "делегат": "delegates",
    "өкүл": "delegates",
    "китепкана": "libraries",
    "китеп": "books",
    "китеби": "books",
    "уюм": "organizations",
    "мекеме": "organizations",
    "шаар": "cities",
    "экспонат": "items exhibited",
}
COUNTER_WORDS = ("даана", "нуска")
NUMBER_WORDS = {
    "бир": 1,
    "эки": 2,
    "үч": 3,
    "төрт": 4,
    "беш": 5,
    "алты": 6,
    "жети": 7,
    "сегиз": 8,
    "тогуз": 9,
    "он": 10,
    "он бир": 11,
    "он эки": 12,
    "он үч": 13,
    "он төрт": 14,
    "он беш": 15,
    "он алты": 16,
    "он жети": 17,
    "он сегиз": 18,
    "он тогуз": 19,
    "жыйырма": 20,
    "отуз": 30,
    "кырк": 40,
    "элүү": 50,
    "алтымыш": 60,
    "жетимиш": 70,
    "сексен": 80,
    "токсон": 90,
    "жүз": 100,
    "миң": 1000,
}
#: Words that make counted books a gift ("передал в дар 300 книг" -> books donated).
DONATION_WORDS = ("тартуулады", "тартуу", "тартуулоо", "белек", "берди", "тапшырды")
#: Words that make counted books the items of an exhibition ("на выставке 300 изданий").
EXHIBITION_WORDS = ("көргөзмө", "коюлду", "экспозиция")
#: Words for a thousand after a number ("13 мың" -> 13,000).
THOUSAND_WORDS = ("миң", "миңден")
