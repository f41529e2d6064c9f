"""Uzbek (uz): counted nouns, classifier words and number words.

``QUANTITY_WORDS`` maps a counted noun (dictionary form) to what it measures ("50 нафар
иштирокчи" -> participants). ``COUNTER_WORDS`` stand between a number and its noun (нафар for
people, та for things). ``NUMBER_WORDS`` maps number words, also with the counter -та (иккита),
to their values. Written in Cyrillic.
"""

QUANTITY_WORDS = {
    "иштирокчи": "participants",
    "тингловчи": "participants",
    "мутахассис": "specialists",
    "кутубхоначи": "specialists",
    "меҳмон": "guests",
    "давлат": "countries",
    "мамлакат": "countries",
    "соат": "hours",
    "академик соат": "hours",
    "гуруҳ": "groups",
    "киши": "people",
    "одам": "people",
    "ходим": "people",
    "делегат": "delegates",
    "вакил": "delegates",
    "кутубхона": "libraries",
    "китоб": "books",
    "нусха": "books",
    "ташкилот": "organizations",
    "муассаса": "organizations",
    "шаҳар": "cities",
    "шаҳри": "cities",
    "экспонат": "items exhibited",
}
COUNTER_WORDS = ("нафар", "та", "дона", "нусха")
NUMBER_WORDS = {
    "бир": 1,
    "битта": 1,
    "икки": 2,
    "иккита": 2,
    "уч": 3,
    "учта": 3,
    "тўрт": 4,
    "тўртта": 4,
    "беш": 5,
    "бешта": 5,
    "олти": 6,
    "олтита": 6,
    "етти": 7,
    "еттита": 7,
    "саккиз": 8,
    "саккизта": 8,
    "тўққиз": 9,
    "тўққизта": 9,
    "ўн": 10,
    "ўнта": 10,
    "ўн бир": 11,
    "ўн икки": 12,
    "ўн уч": 13,
    "ўн тўрт": 14,
    "ўн беш": 15,
    "ўн олти": 16,
    "ўн етти": 17,
    "ўн саккиз": 18,
    "ўн тўққиз": 19,
    "йигирма": 20,
    "ўттиз": 30,
    "қирқ": 40,
    "эллик": 50,
    "олтмиш": 60,
    "етмиш": 70,
    "саксон": 80,
    "тўқсон": 90,
    "юз": 100,
    "минг": 1000,
}
#: Words that make counted books a gift ("передал в дар 300 книг" -> books donated).
DONATION_WORDS = ("совға", "совға қилди", "топширди", "ҳадя", "тақдим этди", "берди")
#: Words that make counted books the items of an exhibition ("на выставке 300 изданий").
EXHIBITION_WORDS = ("кўргазма", "кўргазмада", "намойиш", "экспозиция")
#: Words for a thousand after a number ("13 мың" -> 13,000).
THOUSAND_WORDS = ("минг", "мингдан")
