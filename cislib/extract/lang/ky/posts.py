"""Kyrgyz (ky): post titles and where the organisation stands relative to them.

``POST_WORDS`` maps a title (dictionary form; several words allowed) to a normalised English
role, matched by stems, longest first ("директордун орун басары" before "директор"); "орун
басар" is written both as two words and as one. Nouns ending in с or н lose it before the
possessive ending (адиси, деканы), so those possessive forms are listed too. ``POST_ORG_ORDER``
is "before": the organisation stands before the title in the genitive or as an izafet ("Улуттук
китепкананын директору").
"""

POST_WORDS = {
    "башкы директор": "Director General",
    "башкы директордун орун басары": "Deputy Director General",
    "директор": "Director",
    "директордун орун басары": "Deputy Director",
    "директордун орунбасары": "Deputy Director",
    "аткаруучу директор": "Executive Director",
    "президент": "President",
    "вице-президент": "Vice-President",
    "төрага": "Chairman",
    "төраганын орун басары": "Deputy Chairman",
    "жетекчи": "Head",
    "башчы": "Head",
    "бөлүм башчысы": "Head of Department",
    "бөлүмүнүн башчысы": "Head of Department",
    "бөлүм жетекчиси": "Head of Department",
    "сектор башчысы": "Head of Sector",
    "ректор": "Rector",
    "проректор": "Vice-Rector",
    "декан": "Dean",
    "деканы": "Dean",
    "министр": "Minister",
    "министрдин орун басары": "Deputy Minister",
    "министрдин орунбасары": "Deputy Minister",
    "элчи": "Ambassador",
    "өзгөчө жана ыйгарым укуктуу элчи": "Ambassador",
    "башкы китепканачы": "Chief Librarian",
    "алдыңкы китепканачы": "Librarian",
    "китепканачы": "Librarian",
    "алдыңкы адис": "Leading Specialist",
    "алдыңкы адиси": "Leading Specialist",
    "башкы адис": "Chief Specialist",
    "башкы адиси": "Chief Specialist",
    "илимий кызматкер": "Researcher",
    "улук илимий кызматкер": "Researcher",
    "профессор": "Professor",
    "доцент": "Associate Professor",
    "башкы катчы": "Secretary General",
    "катчы": "Secretary",
    "координатор": "Coordinator",
    "кеңешчи": "Adviser",
    "башкы редактор": "Editor-in-Chief",
    "аким": "Governor",
}
POST_ORG_ORDER = "before"
