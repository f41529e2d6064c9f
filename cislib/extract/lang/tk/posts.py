"""Turkmen (tk): post titles and where the organisation stands relative to them.

``POST_WORDS`` maps a title (dictionary form; several words allowed) to a normalised English
role, matched by stems, longest first. Where the stem changes before a vowel (başlyk -> başlygy)
both forms are listed. ``POST_ORG_ORDER`` is "before": the organisation stands before the title
in the genitive ("kitaphananyň direktory").
"""

POST_WORDS = {
    "baş direktor": "Director General",
    "direktor": "Director",
    "direktoryň orunbasary": "Deputy Director",
    "direktor orunbasary": "Deputy Director",
    "ýerine ýetiriji direktor": "Executive Director",
    "müdir": "Director",
    "müdiriň orunbasary": "Deputy Director",
    "prezident": "President",
    "wise-prezident": "Vice-President",
    "başlyk": "Chairman",
    "başlygy": "Chairman",
    "başlygyň orunbasary": "Deputy Chairman",
    "ýolbaşçy": "Head",
    "ýolbaşçysy": "Head",
    "bölüm müdiri": "Head of Department",
    "bölümiň müdiri": "Head of Department",
    "bölüm başlygy": "Head of Department",
    "bölümiň başlygy": "Head of Department",
    "sektor müdiri": "Head of Sector",
    "rektor": "Rector",
    "prorektor": "Vice-Rector",
    "dekan": "Dean",
    "dekany": "Dean",
    "ministr": "Minister",
    "ministriň orunbasary": "Deputy Minister",
    "ilçi": "Ambassador",
    "adatdan daşary we doly ygtyýarly ilçi": "Ambassador",
    "baş kitaphanaçy": "Chief Librarian",
    "öňdebaryjy kitaphanaçy": "Librarian",
    "kitaphanaçy": "Librarian",
    "öňdebaryjy hünärmen": "Leading Specialist",
    "öňdebaryjy hünärmeni": "Leading Specialist",
    "baş hünärmen": "Chief Specialist",
    "baş hünärmeni": "Chief Specialist",
    "ylmy işgär": "Researcher",
    "uly ylmy işgär": "Researcher",
    "professor": "Professor",
    "dosent": "Associate Professor",
    "baş sekretar": "Secretary General",
    "sekretar": "Secretary",
    "koordinator": "Coordinator",
    "utgaşdyryjy": "Coordinator",
    "geňeşçi": "Adviser",
    "baş redaktor": "Editor-in-Chief",
    "häkim": "Governor",
}
POST_ORG_ORDER = "before"
