"""Uzbek (uz): inflection endings stripped before names and trigger words are compared.

Uzbek is agglutinative, so endings are stripped repeatedly (``STRIP_REPEATEDLY``): the longest
ending that leaves at least ``MIN_STEM`` letters goes, then the next, so кутубхоналарининг ->
кутубхона and Ўзбекистондаги -> Ўзбекистон. The list holds case endings, possessive endings and
their chains, the plural, "-лик"/"-лиги" (ўзбекистонлик, ҳамдўстлиги) and the commonest verb
endings, so that a verb in a table meets its past forms (қатнашмоқ, қатнашдилар, қатнашишди ->
қатнаш). Written in Cyrillic; the Latin endings are derived from it.
"""

SUFFIXES = (
    # case endings
    "нинг",
    "ни",
    "га",
    "ка",
    "қа",
    "да",
    "дан",
    "даги",
    "гача",
    # possessive endings
    "и",
    "си",
    "лари",
    "миз",
    "имиз",
    "ингиз",
    # possessive + case
    "ининг",
    "ини",
    "ига",
    "ида",
    "идан",
    "идаги",
    "сининг",
    "сини",
    "сига",
    "сида",
    "сидан",
    "сидаги",
    "ларининг",
    "ларини",
    "ларига",
    "ларида",
    "ларидан",
    "ларидаги",
    "мизнинг",
    "мизни",
    "мизга",
    "мизда",
    "миздан",
    "миздаги",
    # plural and plural + case
    "лар",
    "ларнинг",
    "ларни",
    "ларга",
    "ларда",
    "лардан",
    "лардаги",
    # "-лик" (from, of; -ness)
    "лик",
    "лиги",
    "ликлар",
    "ликнинг",
    "ликда",
    "ликдан",
    "ликка",
    # verb endings: infinitive, past, participle, converb, passive and reciprocal past
    "моқ",
    "моқда",
    "ди",
    "дилар",
    "дик",
    "дим",
    "ган",
    "ганлар",
    "ганда",
    "иб",
    "илди",
    "илган",
    "ишди",
    "ишдилар",
    "ишган",
)
MIN_STEM = 3
STRIP_REPEATEDLY = True
