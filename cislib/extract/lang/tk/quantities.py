"""Turkmen (tk): counted nouns, classifier words and number words.

``QUANTITY_WORDS`` maps a counted noun (dictionary form) to what it measures ("120 sany
gatnaşyjy" -> participants); where the stem changes before a vowel (ýurt -> ýurdy, sagat ->
sagady) both forms are listed, and so is the adjective in -lyk ("36 sagatlyk"), since -lyk is
not stripped (it would cut başlyk to baş). ``COUNTER_WORDS`` stand between a number and its
noun. ``NUMBER_WORDS`` maps number words to their values.
"""

QUANTITY_WORDS = {
    "gatnaşyjy": "participants",
    "diňleýji": "participants",
    "hünärmen": "specialists",
    "kitaphanaçy": "specialists",
    "myhman": "guests",
    "ýurt": "countries",
    "ýurdy": "countries",
    "döwlet": "countries",
    "sagat": "hours",
    "sagady": "hours",
    "sagatlyk": "hours",
    "okuw sagady": "hours",
    "topar": "groups",
    "adam": "people",
    "işgär": "people",
    "wekil": "delegates",
    "kitaphana": "libraries",
    "kitap": "books",
    "kitaby": "books",
    "gurama": "organizations",
    "edara": "organizations",
    "şäher": "cities",
    "eksponat": "items exhibited",
}
COUNTER_WORDS = ("sany", "adam", "nusga")
NUMBER_WORDS = {
    "bir": 1,
    "iki": 2,
    "üç": 3,
    "dört": 4,
    "bäş": 5,
    "alty": 6,
    "ýedi": 7,
    "sekiz": 8,
    "dokuz": 9,
    "on": 10,
    "on bir": 11,
    "on iki": 12,
    "on üç": 13,
    "on dört": 14,
    "on bäş": 15,
    "on alty": 16,
    "on ýedi": 17,
    "on sekiz": 18,
    "on dokuz": 19,
    "ýigrimi": 20,
    "otuz": 30,
    "kyrk": 40,
    "elli": 50,
    "altmyş": 60,
    "ýetmiş": 70,
    "segsen": 80,
    "togsan": 90,
    "ýüz": 100,
    "müň": 1000,
}
#: Words that make counted books a gift ("передал в дар 300 книг" -> books donated).
DONATION_WORDS = ("sowgat", "sowgat etdi", "gowşurdy", "berdi", "peşgeş")
#: Words that make counted books the items of an exhibition ("на выставке 300 изданий").
EXHIBITION_WORDS = ("sergi", "sergide", "goýuldy", "ekspozisiýa")
#: Words for a thousand after a number ("13 мың" -> 13,000).
THOUSAND_WORDS = ("müň", "müňden")
