"""Uzbek (uz): language detection tables, for both scripts.

This folder serves ``uz-Cyrl`` and ``uz-Latn``. Its tables are written in Cyrillic; the loader
derives the Latin ones with ``script.to_latin``. ``LETTERS`` are the letters only Uzbek Cyrillic
has among the languages read here (Kazakh shares қ and ғ). ``STOPWORDS`` are frequent function
words (Cyrillic), counted per paragraph to detect the language; ``LATIN_STOPWORDS`` are the same
words in the Latin alphabet, with U+02BB in oʻ and gʻ. ``LATIN_LETTERS`` are the letters that
mark Uzbek Latin among the Latin-script languages read here (Turkmen has no q or x, English uses
them rarely): the Latin form of ``LETTERS`` (oʻqgʻh) would count every o, g and h of English and
Turkmen text, so the loader should use these instead.
"""

CODE = "uz"
TAGS = ("uz-Cyrl", "uz-Latn")
LETTERS = "ўқғҳ"
STOPWORDS = (
    "ва",
    "билан",
    "учун",
    "бўйича",
    "ҳам",
    "ҳамда",
    "бу",
    "ушбу",
    "шу",
    "мазкур",
    "эса",
    "бўлиб",
    "ўтди",
    "этди",
    "қилди",
    "этилди",
    "орасида",
    "ўртасида",
    "томонидан",
    "доирасида",
    "йил",
    "куни",
    "кўра",
    "каби",
    "барча",
    "ҳақида",
    "орқали",
    "бўлган",
    "ўз",
    "уларнинг",
    "янада",
    "ҳамкорлик",
    "номидаги",
    "иштирок",
    "этдилар",
    "ўтказди",
    "ўтказилди",
)
LATIN_LETTERS = "qxʻ"
LATIN_STOPWORDS = (
    "va",
    "bilan",
    "uchun",
    "boʻyicha",
    "ham",
    "hamda",
    "bu",
    "ushbu",
    "shu",
    "mazkur",
    "esa",
    "boʻlib",
    "oʻtdi",
    "etdi",
    "qildi",
    "etildi",
    "orasida",
    "oʻrtasida",
    "tomonidan",
    "doirasida",
    "yil",
    "kuni",
    "koʻra",
    "kabi",
    "barcha",
    "haqida",
    "orqali",
    "boʻlgan",
    "oʻz",
    "ularning",
    "yanada",
    "hamkorlik",
    "nomidagi",
    "ishtirok",
    "etdilar",
    "oʻtkazdi",
    "oʻtkazildi",
)
