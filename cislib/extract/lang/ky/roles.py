"""Kyrgyz (ky): words that tell in which role someone takes part in an event.

``ROLE_WORDS`` maps a verb or noun (dictionary form; several words allowed) to a participant
role. Verbs in -уу/-үү meet the participle and converb through the verb endings of the
morphology tables (катышуу, катышкан, катышып -> катыш); the past tense is not stripped, so it
is listed as written (катышты, уюштурду, кол койду). ``BEHALF_WORDS`` mark on whose behalf
someone acts.
"""

ROLE_WORDS = {
    "катышуу": "participant",
    "катышты": "participant",
    "катышуучу": "participant",
    "катышышты": "participant",
    "делегат": "participant",
    "сөз сүйлөдү": "speaker",
    "сөз сүйлөгөн": "speaker",
    "баяндама": "speaker",
    "баяндама жасоо": "speaker",
    "баяндама жасады": "speaker",
    "баяндамачы": "speaker",
    "спикер": "speaker",
    "тааныштыруу": "speaker",
    "куттуктоо": "speaker",
    "модератор": "other",
    "уюштуруу": "organizer",
    "уюштурду": "organizer",
    "уюштуруучу": "organizer",
    "уюштурушту": "organizer",
    "тарабынан уюштурулган": "organizer",
    "демилгеси менен": "organizer",
    "кабыл алды": "host",
    "кабыл алган": "host",
    "кабыл алуучу тарап": "host",
    "конок": "guest",
    "мейман": "guest",
    "сапар менен келди": "guest",
    "кол койду": "signatory",
    "кол коюшту": "signatory",
    "кол коюлду": "signatory",
    "угуучу": "trainee",
    "окуучу": "trainee",
}
BEHALF_WORDS = ("атынан", "өкүлү", "өкүлдөрү", "өкүл", "делегация", "делегациясы")
