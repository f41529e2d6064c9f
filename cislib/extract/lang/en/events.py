"""English (en): nouns that name events, and words about how an event is held.

``EVENT_WORDS`` maps an event noun (several words allowed) to its event type; entries and text
are stemmed alike, so conferences and conference's match. ``ONLINE_WORDS`` mark an online event,
``PART_WORDS`` a stage or session of a larger event, ``OPENING_WORDS`` and ``CLOSING_WORDS`` its
opening and closing.
"""

EVENT_WORDS = {
    "conference": "Conference",
    "scientific conference": "Conference",
    "research and practice conference": "Conference",
    "videoconference": "Conference",
    "symposium": "Conference",
    "congress": "Congress",
    "seminar": "Seminar",
    "webinar": "Seminar",
    "workshop": "Seminar",
    "training": "Training",
    "training course": "Training",
    "training seminar": "Training",
    "master class": "Training",
    "masterclass": "Training",
    "professional development course": "Training",
    "advanced training course": "Training",
    "internship": "Training",
    "summer school": "Training",
    "forum": "Forum",
    "meeting": "Meeting",
    "round table": "Meeting",
    "roundtable": "Meeting",
    "talks": "Meeting",
    "summit": "Meeting",
    "exhibition": "Exhibition",
    "book exhibition": "Exhibition",
    "book fair": "Exhibition",
    "fair": "Exhibition",
    "visit": "Visit",
    "working visit": "Visit",
    "study visit": "Visit",
    "agreement": "Agreement",
    "cooperation agreement": "Agreement",
    "memorandum": "Agreement",
    "memorandum of understanding": "Agreement",
    "memorandum of cooperation": "Agreement",
    "contract": "Agreement",
    "project": "Project",
    "programme": "Programme",
    "program": "Programme",
    "festival": "Other",
    "competition": "Other",
    "contest": "Other",
    "presentation": "Other",
    "book launch": "Other",
    "ceremony": "Other",
}
ONLINE_WORDS = (
    "online",
    "virtual",
    "virtually",
    "remote",
    "remotely",
    "videoconference",
    "video conference",
    "video link",
    "webinar",
    "zoom",
)
PART_WORDS = ("stage", "phase", "session", "section", "panel", "module", "block", "part", "plenary")
OPENING_WORDS = ("opening", "opening ceremony", "opened", "launch", "launched", "kick-off")
CLOSING_WORDS = (
    "closing",
    "closing ceremony",
    "closed",
    "concluded",
    "conclusion",
    "completion",
    "final session",
)
