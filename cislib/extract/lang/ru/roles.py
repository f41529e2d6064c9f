"""Russian (ru): words that tell in which role someone takes part in an event.

``ROLE_WORDS`` maps a verb or noun (several words allowed) to a participant role. Russian is
stemmed without verb endings, so past-tense verbs are listed in their masculine form, which
covers the feminine and plural too (выступил: выступила, выступили). ``BEHALF_WORDS`` mark on
whose behalf someone acts.
"""

ROLE_WORDS = {
    "участвовать": "participant",
    "участвовал": "participant",
    "принять участие": "participant",
    "принял участие": "participant",
    "принимал участие": "participant",
    "при участии": "participant",
    "участник": "participant",
    "присутствовал": "participant",
    "делегат": "participant",
    "выступить": "speaker",
    "выступил": "speaker",
    "выступление": "speaker",
    "доклад": "speaker",
    "докладчик": "speaker",
    "спикер": "speaker",
    "презентовал": "speaker",
    "приветственное слово": "speaker",
    "обратился": "speaker",
    "модератор": "other",
    "организовать": "organizer",
    "организовал": "organizer",
    "организован": "organizer",
    "организатор": "organizer",
    "провел": "organizer",
    "по инициативе": "organizer",
    "на базе": "host",
    "в стенах": "host",
    "принимающая сторона": "host",
    "гость": "guest",
    "почетный гость": "guest",
    "посетил": "guest",
    "с визитом": "guest",
    "подписать": "signatory",
    "подписал": "signatory",
    "подписан": "signatory",
    "подписание": "signatory",
    "слушатель": "trainee",
    "стажер": "trainee",
    "прошел обучение": "trainee",
}
BEHALF_WORDS = (
    "от имени",
    "представитель",
    "представители",
    "представлял",
    "делегация",
    "в составе делегации",
)
