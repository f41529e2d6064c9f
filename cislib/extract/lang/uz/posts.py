"""Uzbek (uz): post titles and where the organisation stands relative to them.

``POST_WORDS`` maps a title (dictionary form; several words allowed) to a normalised English
role, matched by stems, longest first ("директор ўринбосари" before "директор"). Where the stem
changes in the possessive (бошлиқ -> бошлиғи), or a final с is lost with the possessive ending
-и (раиси, мутахассиси), both forms are listed. ``POST_ORG_ORDER`` is "before": the organisation
stands before the title, in the genitive or as an izafet ("Россия Давлат кутубхонаси бош
директори"). Written in Cyrillic.
"""

POST_WORDS = {
    "бош директор": "Director General",
    "бош директор ўринбосари": "Deputy Director General",
    "бош директорнинг биринчи ўринбосари": "First Deputy Director General",
    "директор": "Director",
    "директор ўринбосари": "Deputy Director",
    "директорнинг ўринбосари": "Deputy Director",
    "ижрочи директор": "Executive Director",
    "ижрочи директор ўринбосари": "Deputy Executive Director",
    "ижрочи директорнинг ўринбосари": "Deputy Executive Director",
    "президент": "President",
    "вице-президент": "Vice-President",
    "раис": "Chairman",
    "раиси": "Chairman",
    "раис ўринбосари": "Deputy Chairman",
    "раисининг ўринбосари": "Deputy Chairman",
    "раҳбар": "Head",
    "раҳбар ўринбосари": "Deputy Head",
    "бошлиқ": "Head",
    "бошлиғи": "Head",
    "мудир": "Head",
    "бўлим мудири": "Head of Department",
    "бўлим бошлиғи": "Head of Department",
    "бўлим бошлиқ": "Head of Department",
    "сектор мудири": "Head of Sector",
    "сектор раҳбари": "Head of Sector",
    "ректор": "Rector",
    "проректор": "Vice-Rector",
    "декан": "Dean",
    "вазир": "Minister",
    "вазир ўринбосари": "Deputy Minister",
    "вазирнинг биринчи ўринбосари": "First Deputy Minister",
    "элчи": "Ambassador",
    "фавқулодда ва мухтор элчи": "Ambassador",
    "бош кутубхоначи": "Chief Librarian",
    "етакчи кутубхоначи": "Librarian",
    "кутубхоначи": "Librarian",
    "етакчи мутахассис": "Leading Specialist",
    "етакчи мутахассиси": "Leading Specialist",
    "бош мутахассис": "Chief Specialist",
    "бош мутахассиси": "Chief Specialist",
    "илмий ходим": "Researcher",
    "катта илмий ходим": "Researcher",
    "етакчи илмий ходим": "Researcher",
    "профессор": "Professor",
    "доцент": "Associate Professor",
    "бош котиб": "Secretary General",
    "котиб": "Secretary",
    "координатор": "Coordinator",
    "мувофиқлаштирувчи": "Coordinator",
    "маслаҳатчи": "Adviser",
    "бош муҳаррир": "Editor-in-Chief",
    "ҳоким": "Governor",
}
POST_ORG_ORDER = "before"
