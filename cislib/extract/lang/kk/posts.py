"""Kazakh (kk): post titles and where the organisation stands relative to them.

``POST_WORDS`` maps a title (dictionary form; several words allowed) to a normalised English
role, matched by stems, longest first ("директордың орынбасары" before "директор"). Nouns ending
in н lose it with the possessive -ы (маманы), so those possessive forms are listed too.
``POST_ORG_ORDER`` is "before": the organisation stands before the title in the genitive or as
an izafet ("Ұлттық кітапхананың директоры", "кітапхана директоры").
"""

POST_WORDS = {
    "бас директор": "Director General",
    "бас директордың орынбасары": "Deputy Director General",
    "директор": "Director",
    "директордың орынбасары": "Deputy Director",
    "директор орынбасары": "Deputy Director",
    "атқарушы директор": "Executive Director",
    "президент": "President",
    "вице-президент": "Vice-President",
    "төраға": "Chairman",
    "төрағаның орынбасары": "Deputy Chairman",
    "басшы": "Head",
    "жетекші": "Head",
    "меңгеруші": "Head",
    "бөлім меңгерушісі": "Head of Department",
    "бөлімінің меңгерушісі": "Head of Department",
    "бөлім басшысы": "Head of Department",
    "сектор меңгерушісі": "Head of Sector",
    "ректор": "Rector",
    "проректор": "Vice-Rector",
    "декан": "Dean",
    "деканы": "Dean",
    "министр": "Minister",
    "вице-министр": "Deputy Minister",
    "министрдің орынбасары": "Deputy Minister",
    "елші": "Ambassador",
    "төтенше және өкілетті елші": "Ambassador",
    "бас кітапханашы": "Chief Librarian",
    "жетекші кітапханашы": "Librarian",
    "кітапханашы": "Librarian",
    "жетекші маман": "Leading Specialist",
    "жетекші маманы": "Leading Specialist",
    "бас маман": "Chief Specialist",
    "бас маманы": "Chief Specialist",
    "ғылыми қызметкер": "Researcher",
    "аға ғылыми қызметкер": "Researcher",
    "профессор": "Professor",
    "доцент": "Associate Professor",
    "бас хатшы": "Secretary General",
    "хатшы": "Secretary",
    "үйлестіруші": "Coordinator",
    "кеңесші": "Adviser",
    "бас редактор": "Editor-in-Chief",
    "әкім": "Governor",
}
POST_ORG_ORDER = "before"
