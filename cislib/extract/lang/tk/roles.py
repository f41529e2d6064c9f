"""Turkmen (tk): words that tell in which role someone takes part in an event.

``ROLE_WORDS`` maps a verb or noun (dictionary form; several words allowed) to a participant
role. Verbs meet their other forms through the verb endings of the morphology tables (gatnaşmak,
gatnaşdylar, gatnaşýar -> gatnaş); the singular past is not stripped, so it is listed as written
(gatnaşdy). For "noun + etmek" verbs the noun is listed on its own, since etmek and etdi share
no stem of three letters. "tarapyndan" (by) names the organiser of an event "held by" someone.
``BEHALF_WORDS`` mark on whose behalf someone acts.
"""

ROLE_WORDS = {
    "gatnaşmak": "participant",
    "gatnaş": "participant",
    "gatnaşdy": "participant",
    "gatnaşyjy": "participant",
    "wekil": "participant",
    "çykyş": "speaker",
    "çykyş etmek": "speaker",
    "çykyşçy": "speaker",
    "doklad": "speaker",
    "dokladçy": "speaker",
    "tanyşdyrmak": "speaker",
    "guramak": "organizer",
    "gura": "organizer",
    "gurady": "organizer",
    "guraýjy": "organizer",
    "gurnamak": "organizer",
    "gurnady": "organizer",
    "tarapyndan": "organizer",
    "başlangyjy bilen": "organizer",
    "kabul ediji": "host",
    "kabul ediji tarap": "host",
    "myhman": "guest",
    "sapar bilen": "guest",
    "gol çekmek": "signatory",
    "gol çek": "signatory",
    "gol çekdi": "signatory",
    "gol çekişmek": "signatory",
    "diňleýji": "trainee",
    "okuwçy": "trainee",
}
BEHALF_WORDS = ("adyndan", "wekili", "wekilleri", "wekiliýeti", "wekiliýet")
