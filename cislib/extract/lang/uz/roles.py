"""Uzbek (uz): words that tell in which role someone takes part in an event.

``ROLE_WORDS`` maps a verb or noun (dictionary form; several words allowed) to a participant
role. Verbs meet their past forms through the verb endings of the morphology tables (қатнашмоқ
and қатнашдилар both stem to қатнаш); for "noun + этмоқ" verbs the noun is listed on its own,
because этмоқ, этди and этилди do not share a stem of three letters. ``BEHALF_WORDS`` mark on
whose behalf someone acts ("Қозоғистон номидан", "кутубхона вакиллари"). Cyrillic.
"""

ROLE_WORDS = {
    "иштирок": "participant",
    "иштирок этмоқ": "participant",
    "иштирокчи": "participant",
    "қатнашмоқ": "participant",
    "қатнаш": "participant",
    "делегат": "participant",
    "сўзга чиқмоқ": "speaker",
    "сўз олмоқ": "speaker",
    "маъруза": "speaker",
    "маърузачи": "speaker",
    "маъруза қилмоқ": "speaker",
    "тақдимот": "speaker",
    "нутқ": "speaker",
    "мурожаат": "speaker",
    "табрик": "speaker",
    "модератор": "other",
    "ташкил": "organizer",
    "ташкил этмоқ": "organizer",
    "ташкилотчи": "organizer",
    "томонидан ташкил": "organizer",
    "ўтказмоқ": "organizer",
    "амалга оширмоқ": "organizer",
    "ташаббуси билан": "organizer",
    "мезбон": "host",
    "мезбонлик": "host",
    "кутиб олмоқ": "host",
    "меҳмон": "guest",
    "ташриф буюрмоқ": "guest",
    "имзоламоқ": "signatory",
    "имзоланмоқ": "signatory",
    "имзо чекмоқ": "signatory",
    "тингловчи": "trainee",
    "ўқувчи": "trainee",
}
BEHALF_WORDS = (
    "номидан",
    "вакил",
    "вакили",
    "вакиллари",
    "делегация",
    "делегацияси",
    "делегация аъзоси",
)
