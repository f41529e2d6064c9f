"""Russian (ru): post titles and where the organisation stands relative to them.

``POST_WORDS`` maps a title (dictionary form; several words allowed) to a normalised English
role; titles are matched by stems, longest first, so "заместителем генерального директора" is a
Deputy Director General and not a Director General. ``POST_ORG_ORDER`` is "after": the
organisation follows the title in the genitive ("директор Российской государственной
библиотеки").
"""

POST_WORDS = {
    "генеральный директор": "Director General",
    "заместитель генерального директора": "Deputy Director General",
    "первый заместитель генерального директора": "First Deputy Director General",
    "директор": "Director",
    "исполняющий обязанности директора": "Acting Director",
    "заместитель директора": "Deputy Director",
    "исполнительный директор": "Executive Director",
    "заместитель исполнительного директора": "Deputy Executive Director",
    "президент": "President",
    "вице-президент": "Vice-President",
    "председатель": "Chairman",
    "заместитель председателя": "Deputy Chairman",
    "руководитель": "Head",
    "начальник": "Head",
    "заведующий": "Head",
    "заведующая": "Head",
    "заведующий отделом": "Head of Department",
    "заведующая отделом": "Head of Department",
    "начальник отдела": "Head of Department",
    "руководитель отдела": "Head of Department",
    "заведующий сектором": "Head of Sector",
    "заведующая сектором": "Head of Sector",
    "руководитель сектора": "Head of Sector",
    "ректор": "Rector",
    "проректор": "Vice-Rector",
    "декан": "Dean",
    "министр": "Minister",
    "заместитель министра": "Deputy Minister",
    "первый заместитель министра": "First Deputy Minister",
    "посол": "Ambassador",
    "чрезвычайный и полномочный посол": "Ambassador",
    "главный библиотекарь": "Chief Librarian",
    "ведущий библиотекарь": "Librarian",
    "библиотекарь": "Librarian",
    "главный библиограф": "Chief Librarian",
    "ведущий специалист": "Leading Specialist",
    "главный специалист": "Chief Specialist",
    "научный сотрудник": "Researcher",
    "старший научный сотрудник": "Researcher",
    "ведущий научный сотрудник": "Researcher",
    "главный научный сотрудник": "Researcher",
    "профессор": "Professor",
    "доцент": "Associate Professor",
    "генеральный секретарь": "Secretary General",
    "ответственный секретарь": "Executive Secretary",
    "секретарь": "Secretary",
    "координатор": "Coordinator",
    "советник": "Adviser",
    "главный редактор": "Editor-in-Chief",
}
POST_ORG_ORDER = "after"
