"""Turkmen (tk): nouns that name events, and words about how an event is held.

``EVENT_WORDS`` maps an event noun (dictionary form; several words allowed) to its event type;
entries and text are stemmed alike, so maslahatyna, sergisinde, forumyň match. Where the stem
changes before a vowel (duşuşyk -> duşuşygy, ylalaşyk -> ylalaşygy) both forms are listed.
``ONLINE_WORDS`` mark an online event, ``PART_WORDS`` a stage or session of a larger event,
``OPENING_WORDS`` and ``CLOSING_WORDS`` its opening and closing.
"""

EVENT_WORDS = {
    "maslahat": "Conference",
    "ylmy maslahat": "Conference",
    "ylmy-amaly maslahat": "Conference",
    "onlaýn-maslahat": "Conference",
    "wideomaslahat": "Conference",
    "konferensiýa": "Conference",
    "simpozium": "Conference",
    "kongres": "Congress",
    "kongresi": "Congress",
    "gurultaý": "Congress",
    "seminar": "Seminar",
    "onlaýn-seminar": "Seminar",
    "okuw-maslahat": "Training",
    "okuw": "Training",
    "okuw sapagy": "Training",
    "trening": "Training",
    "ussatlyk sapagy": "Training",
    "hünär derejesini ýokarlandyrmak": "Training",
    "forum": "Forum",
    "duşuşyk": "Meeting",
    "duşuşygy": "Meeting",
    "maslahatlaşyk": "Meeting",
    "maslahatlaşygy": "Meeting",
    "gepleşik": "Meeting",
    "gepleşigi": "Meeting",
    "tegelek stol": "Meeting",
    "ýygnanyşyk": "Meeting",
    "ýygnanyşygy": "Meeting",
    "sergi": "Exhibition",
    "kitap sergisi": "Exhibition",
    "sergi-ýarmarka": "Exhibition",
    "ýarmarka": "Exhibition",
    "sapar": "Visit",
    "iş sapary": "Visit",
    "ylalaşyk": "Agreement",
    "ylalaşygy": "Agreement",
    "memorandum": "Agreement",
    "şertnama": "Agreement",
    "taslama": "Project",
    "maksatnama": "Programme",
    "festiwal": "Other",
    "bäsleşik": "Other",
    "bäsleşigi": "Other",
    "tanyşdyryş": "Other",
    "dabara": "Other",
}
ONLINE_WORDS = (
    "onlaýn",
    "onlaýn-maslahat",
    "wideoaragatnaşyk",
    "wideoaragatnaşygy",
    "wideomaslahat",
    "wirtual",
    "aralykdan",
    "sanly ulgam arkaly",
    "zoom",
)
PART_WORDS = ("tapgyr", "sessiýa", "seksiýa", "bölüm", "bölek", "mejlis", "plenar")
OPENING_WORDS = ("açylyş", "açylyş dabarasy", "açyldy", "başlandy", "açmak")
CLOSING_WORDS = ("ýapylyş", "ýapylyş dabarasy", "tamamlandy", "jemleýji", "jemlenildi")
