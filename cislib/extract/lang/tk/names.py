"""Turkmen (tk): the shapes of names of libraries, organisations, people and cities.

Libraries missing from the reference data are recognised from these shapes: "Lebap welaýat
kitaphanasy", "... etrap kitaphanasy", "Magtymguly adyndaky ...". The head noun ends the name
(``HEAD_POSITION`` "last"). Heads and modifiers are in dictionary form; text is stemmed before
it is compared. Where the stem changes before a vowel (birleşik -> birleşigi) both forms are
listed.
"""

LIBRARY_HEADS = (
    "kitaphana",
    "kitaphana ulgamy",
    "merkezleşdirilen kitaphana ulgamy",
    "kitaphana-maglumat merkezi",
    "maglumat-kitaphana merkezi",
)
ORGANIZATION_HEADS = (
    "uniwersitet",
    "institut",
    "akademiýa",
    "gazna",
    "fond",
    "assosiasiýa",
    "assambleýa",
    "ministrlik",
    "ministrligi",
    "agentlik",
    "agentligi",
    "merkez",
    "komitet",
    "komissiýa",
    "birleşik",
    "birleşigi",
    "arkalaşyk",
    "arkalaşygy",
    "geňeş",
    "muzeý",
    "arhiw",
    "edara",
    "gurama",
    "jemgyýet",
    "mekdep",
    "mekdebi",
    "kollej",
    "ilçihana",
    "neşirýat",
    "häkimlik",
    "häkimligi",
    "palata",
    "wekilhana",
    "konsullyk",
    "konsullygy",
    "hökümet",
    "hökümeti",
    "administrasiýa",
    "galereýa",
    "öýi",
    "kompaniýa",
    "klub",
)
HEAD_POSITION = "last"
NAMED_AFTER = ("adyndaky", "adyny göterýän")
NAME_MODIFIERS = (
    "milli",
    "döwlet",
    "welaýat",
    "etrap",
    "şäher",
    "merkezi",
    "merkezleşdirilen",
    "çagalar",
    "ýaşlar",
    "ylmy",
    "ylmy-tehniki",
    "köpçülik",
    "halkara",
    "maglumat",
    "medeniýet",
    "sungat",
    "ylym",
    "tehniki",
    "lukmançylyk",
    "we",
)
PATRONYMIC_ENDINGS = (
    "owiç",
    "ewiç",
    "ýewiç",
    "owna",
    "ewna",
    "ýewna",
    "wiç",
    "wna",
    "ogly",
    "gyzy",
)
SURNAME_ENDINGS = (
    "ow",
    "owa",
    "ew",
    "ewa",
    "ýew",
    "ýewa",
    "in",
    "ina",
    "ski",
    "skiý",
    "skaýa",
    "ko",
    "ýan",
    "şwili",
    "dze",
)
CITY_WORDS = ("şäher", "şäheri", "ş.")
HONORIFICS = ("professor", "akademik", "doktor", "dosent", "mugallym", "jenap", "hanym")
