"""Kazakh (kk): counted nouns, classifier words and number words.

``QUANTITY_WORDS`` maps a counted noun (dictionary form) to what it measures ("150 қатысушы" ->
participants); where the stem changes before a vowel (топ -> тобы, кітап -> кітабы) both forms
are listed, and so are the case forms of ел (country), too short to lose an ending (10 елден).
``COUNTER_WORDS`` stand between a number and its noun. ``NUMBER_WORDS`` maps number words to
their values.
"""

QUANTITY_WORDS = {
    "қатысушы": "participants",
    "тыңдаушы": "participants",
    "маман": "specialists",
    "кітапханашы": "specialists",
    "сарапшы": "specialists",
    "қонақ": "guests",
    "ел": "countries",
    "елден": "countries",
    "елдің": "countries",
    "елдер": "countries",
    "мемлекет": "countries",
    "сағат": "hours",
    "академиялық сағат": "hours",
    "топ": "groups",
    "тобы": "groups",
    "адам": "people",
    "кісі": "people",
    "қызметкер": "people",
    "делегат": "delegates",
    "өкіл": "delegates",
    "кітапхана": "libraries",
    "кітап": "books",
    "кітабы": "books",
    "ұйым": "organizations",
    "мекеме": "organizations",
    "қала": "cities",
    "экспонат": "items exhibited",
}
COUNTER_WORDS = ("нәфер", "дана", "данасы")
NUMBER_WORDS = {
    "бір": 1,
    "екі": 2,
    "үш": 3,
    "төрт": 4,
    "бес": 5,
    "алты": 6,
    "жеті": 7,
    "сегіз": 8,
    "тоғыз": 9,
    "он": 10,
    "он бір": 11,
    "он екі": 12,
    "он үш": 13,
    "он төрт": 14,
    "он бес": 15,
    "он алты": 16,
    "он жеті": 17,
    "он сегіз": 18,
    "он тоғыз": 19,
    "жиырма": 20,
    "отыз": 30,
    "қырық": 40,
    "елу": 50,
    "алпыс": 60,
    "жетпіс": 70,
    "сексен": 80,
    "тоқсан": 90,
    "жүз": 100,
    "мың": 1000,
}
#: Words that make counted books a gift ("передал в дар 300 книг" -> books donated).
DONATION_WORDS = ("сыйлады", "сыйға", "сыйлау", "тапсырды", "табыстады", "берді", "сыйлық")
#: Words that make counted books the items of an exhibition ("на выставке 300 изданий").
EXHIBITION_WORDS = ("көрме", "көрмеде", "қойылды", "экспозиция")
#: Words for a thousand after a number ("13 мың" -> 13,000).
THOUSAND_WORDS = ("мың", "мыңнан")
