"""Kyrgyz (ky): inflection endings stripped before names and trigger words are compared.

Kyrgyz is agglutinative, so endings are stripped repeatedly (``STRIP_REPEATEDLY``):
китепканасынын -> китепкана, Бишкектеги -> бишкек. A stem need not be a word: -тан is also an
ablative ending, so Кыргызстан, Кыргызстандын and Кыргызстанда all meet at "кыргызс". Kyrgyz
vowel harmony gives most endings four variants (ы/и/у/ү, а/е/о/ө); all are listed for the case
endings, the possessive endings and their chains, the plural, the relative
-дагы/-деги/-догу/-дөгү, "-лык" and the commonest verb endings (катышуу, катышкан, катышып ->
катыш). Left out on purpose: the bare dative -а/-е and -на/-не (they would eat китепкана; the
chains after a possessive, -сына, -ына, are in), and -ды/-ди/-ду/-дү, -ты/-ти/-ту/-тү
(accusative and past tense), which would cut the possessive of a noun ending in д or т
(университети -> университе); trigger tables list past verbs as written (катышты). A noun ending
in с loses it before the possessive (адиси -> ади): tables list such possessive forms too.
Consonant alternation (к -> г, п -> б) is not undone.
"""

SUFFIXES = (
    # genitive
    "нын", "нин", "нун", "нүн", "дын", "дин", "дун", "дүн", "тын", "тин", "тун", "түн",
    # accusative after a vowel (after a consonant it is -ды/-ты, left out: see above)
    "ны", "ни", "ну", "нү",
    # dative
    "га", "ге", "го", "гө", "ка", "ке", "ко", "кө",
    # locative
    "да", "де", "до", "дө", "та", "те", "то", "тө", "нда", "нде", "ндо", "ндө",
    # ablative
    "дан", "ден", "дон", "дөн", "тан", "тен", "тон", "төн", "нан", "нен", "нон", "нөн",
    "ндан", "нден", "ндон", "ндөн",
    # relative "-дагы" (the one in ...)
    "дагы", "деги", "догу", "дөгү", "тагы", "теги", "тогу", "төгү",
    "ндагы", "ндеги", "ндогу", "ндөгү",
    # possessive third person and its chains
    "ы", "и", "у", "ү", "сы", "си", "су", "сү",
    "ынын", "инин", "унун", "үнүн", "сынын", "синин", "сунун", "сүнүн",
    "ын", "ин", "ун", "үн", "сын", "син", "сун", "сүн",
    "ына", "ине", "уна", "үнө", "сына", "сине", "суна", "сүнө",
    "ында", "инде", "унда", "үндө", "сында", "синде", "сунда", "сүндө",
    "ынан", "инен", "унан", "үнөн", "сынан", "синен", "сунан", "сүнөн",
    "ындагы", "индеги", "ундагы", "үндөгү", "сындагы", "синдеги", "сундагы", "сүндөгү",
    # plural and its chains
    "лар", "лер", "лор", "лөр", "дар", "дер", "дор", "дөр", "тар", "тер", "тор", "төр",
    "лары", "лери", "лору", "лөрү", "дары", "дери", "дору", "дөрү",
    "тары", "тери", "тору", "төрү",
    "лардын", "лердин", "лордун", "лөрдүн", "дардын", "дердин", "дордун", "дөрдүн",
    "лардан", "лерден", "лордон", "лөрдөн", "дардан", "дерден", "дордон", "дөрдөн",
    "ларда", "лерде", "лордо", "лөрдө", "дарда", "дерде", "дордо", "дөрдө",
    "ларга", "лерге", "лорго", "лөргө", "дарга", "дерге", "дорго", "дөргө",
    # "-лык" (of, from; -ness)
    "лык", "лик", "лук", "лүк", "дык", "дик", "дук", "дүк", "тык", "тик", "тук", "түк",
    # verb endings: verbal noun, participle, converb, passive past (the collective past
    # -ышты is left out too: it would eat the -ыш of катыш-)
    "уу", "үү", "ган", "ген", "гон", "гөн", "кан", "кен", "кон", "көн",
    "ып", "ип", "уп", "үп",
    "ылды", "илди", "улду", "үлдү",
)
MIN_STEM = 3
STRIP_REPEATEDLY = True
