"""Kazakh (kk): words that tell in which role someone takes part in an event.

``ROLE_WORDS`` maps a verb or noun (dictionary form; several words allowed) to a participant
role. Verbs are given in the -у form, which meets the participle and converb through the verb
endings of the morphology tables (қатысу, қатысқан, қатысып -> қатыс), and in the past tense as
written (қатысты), since the past ending is not stripped. ``BEHALF_WORDS`` mark on whose behalf
someone acts.
"""

ROLE_WORDS = {
    "қатысу": "participant",
    "қатысты": "participant",
    "қатысушы": "participant",
    "делегат": "participant",
    "сөз сөйлеу": "speaker",
    "сөз сөйледі": "speaker",
    "баяндама": "speaker",
    "баяндама жасау": "speaker",
    "баяндама жасады": "speaker",
    "баяндамашы": "speaker",
    "спикер": "speaker",
    "таныстыру": "speaker",
    "таныстырды": "speaker",
    "құттықтау": "speaker",
    "модератор": "other",
    "ұйымдастыру": "organizer",
    "ұйымдастырды": "organizer",
    "ұйымдастырушы": "organizer",
    "тарапынан ұйымдастыру": "organizer",
    "бастамасымен": "organizer",
    "қабылдау": "host",
    "қабылдады": "host",
    "қабылдаушы тарап": "host",
    "қонақ": "guest",
    "сапармен келу": "guest",
    "қол қою": "signatory",
    "қол қой": "signatory",
    "қол қойды": "signatory",
    "тыңдаушы": "trainee",
    "білім алушы": "trainee",
}
BEHALF_WORDS = ("атынан", "өкілі", "өкілдері", "өкіл", "делегация", "делегациясы")
