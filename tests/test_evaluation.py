"""Evaluation against gold annotations, on small hand-made gold files and records.

The extractor is not used here: every record is built by hand, so these tests pin down the
matching rules of docs/model.md ("Gold annotations") whatever state the extractor is in.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from cislib.errors import GoldError
from cislib.extract.evaluation import (
    Gold,
    GoldEntity,
    GoldEvent,
    Ratio,
    Tally,
    aggregate,
    evaluate_files,
    format_table,
    load_gold,
    map_entities,
    map_events,
    normalise_what,
    occurrences,
    score,
    summary_to_dict,
)
from cislib.extract.record import (
    Entity,
    Event,
    ExtractionRecord,
    Participant,
    Post,
    Quantity,
    ReportInfo,
    Span,
)

DATA = Path(__file__).parent / "data" / "reports"

TEXT = (
    "Қозон миллий кутубхонасида 2024 йил 15 апрелда семинар бўлди. "
    "Семинарда Россия ва Қозоғистон вакиллари қатнашди. "
    "Қозон миллий кутубхонаси директори Иван Петров семинарни очди. "
    "Ассамблея раиси Анна Смирнова кўргазмани очди. "
    "Семинарда 50 нафар иштирокчи 32 академик соат ўқиди."
)

GOLD = {
    "report": "report.txt",
    "language": "uz-Cyrl",
    "entities": [
        {"id": "ru", "type": "Country", "name_en": "Russia", "mentions": ["Россия"]},
        {"id": "kz", "type": "Country", "name_en": "Kazakhstan", "mentions": ["Қозоғистон"]},
        {
            "id": "kazan",
            "type": "City",
            "name_en": "Kazan",
            "country": "Russia",
            "mentions": ["Қозон миллий"],
        },
        {
            "id": "nlrt",
            "type": "Library",
            "name_en": "National Library of Tatarstan",
            "country": "Russia",
            "city": "kazan",
            "mentions": ["Қозон миллий кутубхонаси"],
        },
        {
            "id": "bae",
            "type": "Organization",
            "name_en": "Library Assembly of Eurasia",
            "mentions": ["Ассамблея"],
        },
        {"id": "petrov", "type": "Person", "name_en": "Ivan Petrov", "mentions": ["Иван Петров"]},
        {
            "id": "smirnova",
            "type": "Person",
            "name_en": "Anna Smirnova",
            "mentions": ["Анна Смирнова"],
        },
    ],
    "events": [
        {
            "id": "seminar",
            "name_en": "Seminar on reading",
            "event_type": "Seminar",
            "start": "2024-04-15",
            "end": "2024-04-15",
            "city": "kazan",
            "venue": "nlrt",
            "organizers": ["nlrt"],
            "participants": ["ru", "kz", "petrov"],
            "part_of": "programme",
        },
        {
            "id": "exhibition",
            "name_en": "Book exhibition",
            "event_type": "Exhibition",
            "start": "2024-04-15",
            "end": "2024-04-30",
            "city": "kazan",
            "venue": "nlrt",
            "organizers": ["bae"],
            "participants": ["smirnova"],
            "part_of": "programme",
        },
        {
            "id": "programme",
            "name_en": "Reading programme",
            "event_type": "Programme",
            "start": None,
            "end": None,
            "organizers": ["bae"],
            "participants": [],
            "part_of": None,
        },
    ],
    "posts": [
        {"person": "petrov", "role": "Director", "organization": "nlrt"},
        {"person": "smirnova", "role": "Chair", "organization": "bae"},
    ],
    "numbers": [
        {"what": "participants", "value": 50, "event": "seminar"},
        {"what": "academic hours", "value": 32, "event": "seminar"},
    ],
}


# --- helpers --------------------------------------------------------------------------------


def span(fragment: str, nth: int = 0, text: str = TEXT) -> Span:
    """The ``nth`` occurrence of ``fragment`` in ``text`` as a span."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(fragment, start + 1)
    return Span(start, start + len(fragment), fragment)


def write_gold(
    folder: Path,
    gold: dict | None = None,
    text: str = TEXT,
    name: str = "g.json",
    bom: bool = False,
) -> Path:
    """Write a gold file and its report into ``folder``; return the gold file's path."""
    gold = GOLD if gold is None else gold
    (folder / gold["report"]).write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode())
    path = folder / name
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def entity(iri: str, kind: str, *mentions: Span) -> Entity:
    return Entity(iri, kind, mentions[0].text if mentions else iri, False, list(mentions))


def record(entities=(), events=(), posts=(), quantities=(), language="uz-Cyrl"):
    return ExtractionRecord(
        report=ReportInfo("r:1", "report.txt", language, "title", "0" * 64),
        entities=list(entities),
        events=list(events),
        posts=list(posts),
        quantities=list(quantities),
    )


def perfect_record() -> ExtractionRecord:
    """What a perfect reader of TEXT would produce, with inflected mention spans."""
    return record(
        entities=[
            entity("p:ru", "Country", span("Россия")),
            entity("p:kz", "Country", span("Қозоғистон")),
            entity("p:kazan", "City", span("Қозон")),
            # the inflected form "...кутубхонасида" spans more than the gold mention
            entity(
                "p:nlrt",
                "Library",
                span("Қозон миллий кутубхонасида"),
                span("Қозон миллий кутубхонаси", 1),
            ),
            entity("p:bae", "Organization", span("Ассамблея")),
            entity("p:petrov", "Person", span("Иван Петров")),
            entity("p:smirnova", "Person", span("Анна Смирнова")),
            entity("p:seminar", "Event", span("семинар")),
        ],
        events=[
            Event(
                "p:seminar",
                "Seminar",
                "семинар",
                "2024-04-15",
                "2024-04-15",
                city="p:kazan",
                venue="p:nlrt",
                organizers=["p:nlrt"],
                part_of="p:programme",
                participants=[
                    Participant("p:ru", "participant"),
                    Participant("p:kz", "participant"),
                    Participant("p:petrov", "speaker"),
                ],
            ),
            Event(
                "p:exhibition",
                "Exhibition",
                "кўргазма",
                "2024-04-15",
                "2024-04-30",
                city="p:kazan",
                venue="p:nlrt",
                organizers=["p:bae"],
                part_of="p:programme",
                participants=[Participant("p:smirnova", "host")],
            ),
            Event("p:programme", "Programme", "дастур", organizers=["p:bae"]),
        ],
        posts=[
            Post("p:petrov", "директори", "director", "p:nlrt", span("директори")),
            Post("p:smirnova", "раиси", "Chair of the board", "p:bae", span("раиси")),
        ],
        quantities=[
            Quantity("p:seminar", "Participants", 50, span("50 нафар иштирокчи")),
            Quantity("p:seminar", "hours", 32, span("32 академик соат")),
        ],
    )


@pytest.fixture
def gold(tmp_path) -> Gold:
    return load_gold(write_gold(tmp_path))


def bare_gold(entities=(), events=(), text: str = TEXT) -> Gold:
    """A gold object made directly, for rules that need no file."""
    return Gold(
        Path("g.json"), Path("report.txt"), "ru", text, tuple(entities), tuple(events), (), ()
    )


def gold_event(id, kind, start, end=None, title="") -> GoldEvent:
    return GoldEvent(id=id, name_en=title or id, event_type=kind, start=start, end=end)


def predicted_event(iri, kind, start, end=None, title="") -> Event:
    return Event(iri=iri, type=kind, title=title or iri, start=start, end=end)


def pair(gold_entity_id, gold_type, mentions):
    occ = tuple(s for m in mentions for s in occurrences(TEXT, m))
    return GoldEntity(gold_entity_id, gold_type, gold_entity_id, tuple(mentions), occ)


# --- loading gold ---------------------------------------------------------------------------


def test_load_gold_expands_each_mention_into_all_its_occurrences(gold):
    library = gold.entity("nlrt")
    assert [(s.start, s.end) for s in library.occurrences] == [
        (span("Қозон миллий кутубхонаси").start, span("Қозон миллий кутубхонаси").end),
        (span("Қозон миллий кутубхонаси", 1).start, span("Қозон миллий кутубхонаси", 1).end),
    ]
    assert all(gold.text[s.start : s.end] == s.text for e in gold.entities for s in e.occurrences)
    assert gold.language == "uz-Cyrl"
    assert gold.entity("kazan").city is None and gold.entity("nlrt").city == "kazan"
    assert [e.id for e in gold.events] == ["seminar", "exhibition", "programme"]
    assert gold.events[2].city is None and gold.events[2].venue is None  # optional keys


def test_occurrences_include_overlapping_ones():
    assert [(s.start, s.end) for s in occurrences("aaa", "aa")] == [(0, 2), (1, 3)]


def test_offsets_are_into_the_text_without_its_bom(tmp_path):
    loaded = load_gold(write_gold(tmp_path, bom=True))
    assert loaded.text == TEXT
    assert loaded.entity("ru").occurrences[0] == span("Россия")


def test_the_report_is_looked_for_beside_the_gold_then_in_reports_dir(tmp_path):
    reports = tmp_path / "reports"
    golds = tmp_path / "gold"
    reports.mkdir()
    golds.mkdir()
    (reports / "report.txt").write_text(TEXT, encoding="utf-8")
    path = golds / "g.json"
    path.write_text(json.dumps(GOLD), encoding="utf-8")
    assert load_gold(path, reports_dir=reports).report_path == reports / "report.txt"

    (golds / "report.txt").write_text(TEXT, encoding="utf-8")
    assert load_gold(path, reports_dir=reports).report_path == golds / "report.txt"


def _set(path: str, value):
    """A mutation setting ``path`` ("events.1.start") in a gold dict."""

    def mutate(gold: dict) -> None:
        *parents, last = path.split(".")
        node = gold
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return mutate


def _delete(path: str):
    def mutate(gold: dict) -> None:
        *parents, last = path.split(".")
        node = gold
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        del node[last]

    return mutate


@pytest.mark.parametrize(
    ("mutate", "field", "problem"),
    [
        (_delete("numbers"), "numbers", "is missing"),
        (_set("surprise", 1), "surprise", "unknown key"),
        (_set("entities", {}), "entities", "must be a list"),
        (_delete("entities.3.mentions"), "entities[3].mentions", "is missing"),
        (_set("entities.2.citty", "kazan"), "entities[2].citty", "unknown key"),
        (_set("entities.4.type", "Company"), "entities[4].type", "'Company' is not one of"),
        (_set("entities.4.type", "Event"), "entities[4].type", "'Event' is not one of"),
        (_set("entities.0.mentions", []), "entities[0].mentions", "at least one"),
        (
            _set("entities.0.mentions.0", "Франция"),
            "entities[0].mentions[0]",
            "'Франция' does not occur in report.txt",
        ),
        (_set("entities.0.mentions.0", ""), "entities[0].mentions[0]", "non-empty string"),
        (_set("entities.1.id", "ru"), "entities[1].id", "'ru' is defined twice"),
        (_set("entities.3.city", "moscow"), "entities[3].city", "'moscow' is not defined"),
        (_set("entities.3.city", "ru"), "entities[3].city", "'ru' is a Country, not a City"),
        (_set("events.1.start", "2024-13-01"), "events[1].start", "'2024-13-01' is not a date"),
        (_set("events.1.end", "15.04.2024"), "events[1].end", "'15.04.2024' is not a date"),
        (_set("events.1.end", "2024-04-01"), "events[1].end", "before the start"),
        (_set("events.0.event_type", "Party"), "events[0].event_type", "'Party' is not one of"),
        (_delete("events.0.part_of"), "events[0].part_of", "is missing"),
        (_set("events.0.participants.1", "tm"), "events[0].participants[1]", "'tm' is not defined"),
        (_set("events.1.organizers", "bae"), "events[1].organizers", "must be a list"),
        (_set("events.0.organizers.0", "nla"), "events[0].organizers[0]", "is not defined"),
        (_set("events.0.city", "nlrt"), "events[0].city", "'nlrt' is a Library, not a City"),
        (_set("events.0.venue", "petrov"), "events[0].venue", "is a Person"),
        (_set("events.0.part_of", "festival"), "events[0].part_of", "'festival' is not defined"),
        (_set("events.2.part_of", "programme"), "events[2].part_of", "part of itself"),
        (_set("events.2.id", "seminar"), "events[2].id", "'seminar' is defined twice"),
        (_set("posts.0.person", "nobody"), "posts[0].person", "'nobody' is not defined"),
        (_set("posts.0.person", None), "posts[0].person", "non-empty string"),
        (_set("posts.1.organization", "ru"), "posts[1].organization", "is a Country"),
        (_set("posts.1.role", ""), "posts[1].role", "non-empty string"),
        (_set("numbers.0.value", "50"), "numbers[0].value", "'50' is not a whole number"),
        (_set("numbers.0.value", True), "numbers[0].value", "not a whole number"),
        (_set("numbers.1.event", "lecture"), "numbers[1].event", "'lecture' is not defined"),
        (_set("numbers.1", []), "numbers[1]", "must be an object"),
        (_set("language", ""), "language", "non-empty string"),
        (_set("report", "elsewhere.txt"), "report", "'elsewhere.txt' not found"),
    ],
)
def test_malformed_gold_names_the_file_and_the_field(tmp_path, mutate, field, problem):
    broken = copy.deepcopy(GOLD)
    path = write_gold(tmp_path, broken, name="broken.json")
    mutate(broken)
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: {field}: "), message
    assert problem in message


def test_bad_json_names_the_file_line_and_column(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"report": "report.txt",\n "language": }', encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.json: not valid JSON at line 2, column 14"):
        load_gold(path)


def test_a_gold_file_that_is_not_an_object_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[]", encoding="utf-8")
    with pytest.raises(GoldError, match=r"list\.json: must be an object, not a list"):
        load_gold(path)


def test_a_missing_gold_file_is_named(tmp_path):
    with pytest.raises(GoldError, match=r"absent\.json: no such file"):
        load_gold(tmp_path / "absent.json")


def test_an_unreadable_report_is_a_gold_error_on_the_report_field(tmp_path):
    path = write_gold(tmp_path)
    (tmp_path / "report.txt").write_bytes(b"\xd0\x9c\xd0 broken UTF-8")
    with pytest.raises(GoldError, match=r"g\.json: report: .*not valid UTF-8 at byte 2"):
        load_gold(path)


def test_every_gold_file_in_the_test_data_loads():
    paths = sorted(DATA.glob("*/*.json"))
    if not paths:
        pytest.skip("no gold files under tests/data/reports yet")
    for path in paths:
        loaded = load_gold(path)
        assert loaded.entities, path
        assert loaded.language == path.parent.name, path


# --- entities -------------------------------------------------------------------------------


def test_a_perfect_record_scores_full_marks(gold):
    scores = score(gold, perfect_record()).scores
    assert scores.all_entities == Tally(gold=7, found=7, predicted=7, correct=7)
    for tally in (
        scores.events,
        scores.event_organizers,
        scores.participation,
        scores.posts,
        scores.numbers,
    ):
        assert tally.precision == tally.recall == tally.f1 == 1.0
    for ratio in (
        scores.event_dates,
        scores.event_type,
        scores.event_city,
        scores.event_venue,
        scores.event_part_of,
        scores.post_roles,
    ):
        assert ratio.rate == 1.0


def test_inflected_and_partial_mentions_match_by_overlap(gold):
    predicted = record(
        entities=[
            # "Қозоғистон" read as "Қозоғисто" (a stem) still overlaps the gold mention
            entity(
                "p:kz",
                "Country",
                Span(span("Қозоғистон").start, span("Қозоғистон").end - 1, "Қозоғисто"),
            ),
            # only the second occurrence, with a longer inflected span
            entity("p:nlrt", "Library", span("Қозон миллий кутубхонаси директори")),
            # the surname alone overlaps "Иван Петров"
            entity("p:petrov", "Person", span("Петров")),
        ]
    )
    assert map_entities(gold, predicted) == {
        "kz": "p:kz",
        "nlrt": "p:nlrt",
        "petrov": "p:petrov",
    }


def test_types_must_agree(gold):
    predicted = record(
        entities=[
            entity("p:org", "Organization", span("Қозон миллий кутубхонаси")),
            entity("p:ru", "City", span("Россия")),
            entity("p:ev", "Event", span("Иван Петров")),  # events are not scored as entities
        ]
    )
    result = score(gold, predicted)
    assert result.entity_map == {}
    tallies = result.scores.entities
    assert tallies["Library"] == Tally(gold=1, found=0, predicted=0, correct=0)
    assert tallies["Organization"] == Tally(gold=1, found=0, predicted=1, correct=0)
    assert tallies["City"] == Tally(gold=1, found=0, predicted=1, correct=0)
    assert result.scores.all_entities.predicted == 2


def test_entity_precision_recall_and_f1_per_type(gold):
    predicted = record(
        entities=[
            entity("p:ru", "Country", span("Россия")),
            entity("p:fr", "Country", span("вакиллари")),  # matches nothing
            entity("p:petrov", "Person", span("Иван Петров")),
            entity("p:petrov2", "Person", span("Петров")),  # a second hit on the same person
        ]
    )
    tallies = score(gold, predicted).scores.entities
    country = tallies["Country"]
    assert (country.tp, country.fp, country.fn) == (1, 1, 1)
    assert (country.precision, country.recall, country.f1) == (0.5, 0.5, 0.5)
    person = tallies["Person"]
    assert (person.tp, person.fp, person.fn) == (1, 0, 1)
    assert person.precision == 1.0 and person.recall == 0.5
    assert person.f1 == pytest.approx(2 / 3)
    assert tallies["City"].precision is None and tallies["City"].recall == 0.0
    assert tallies["City"].f1 == 0.0


def test_the_mapping_prefers_the_prediction_with_most_overlapping_mentions(gold):
    predicted = record(
        entities=[
            entity("p:once", "Library", span("Қозон миллий кутубхонаси", 1)),
            entity(
                "p:twice",
                "Library",
                span("Қозон миллий кутубхонасида"),
                span("кутубхонаси директори"),
            ),
        ]
    )
    assert map_entities(gold, predicted) == {"nlrt": "p:twice"}
    assert score(gold, predicted).scores.entities["Library"] == Tally(1, 1, 2, 2)


def test_tally_with_nothing_to_count_is_undefined():
    assert Tally().f1 is None and Tally().precision is None and Tally().recall is None
    assert Ratio().rate is None


# --- events ---------------------------------------------------------------------------------


def test_events_sharing_a_start_date_are_paired_by_type_first():
    gold = bare_gold(
        events=[
            gold_event("sem", "Seminar", "2024-04-15"),
            gold_event("exh", "Exhibition", "2024-04-15"),
        ]
    )
    predicted = record(
        events=[
            predicted_event("p:exh", "Exhibition", "2024-04-15"),
            predicted_event("p:sem", "Seminar", "2024-04-15"),
        ]
    )
    assert map_events(gold, predicted) == {"sem": "p:sem", "exh": "p:exh"}


def test_then_by_shared_title_words():
    gold = bare_gold(
        events=[
            gold_event(
                "blogs", "Training", "2024-04-15", title="Communication in blogs and networks"
            ),
            gold_event("mgmt", "Training", "2024-04-15", title="Psychology of management"),
        ]
    )
    predicted = record(
        events=[
            predicted_event("p:mgmt", "Training", "2024-04-15", title="management psychology"),
            predicted_event("p:blogs", "Training", "2024-04-15", title="Blogs, social networks"),
        ]
    )
    assert map_events(gold, predicted) == {"blogs": "p:blogs", "mgmt": "p:mgmt"}


def test_then_by_end_date():
    gold = bare_gold(
        events=[
            gold_event("one", "Visit", "2024-04-15", "2024-04-15"),
            gold_event("two", "Visit", "2024-04-15", "2024-04-17"),
        ]
    )
    predicted = record(
        events=[
            predicted_event("p:two", "Visit", "2024-04-15", "2024-04-17"),
            predicted_event("p:one", "Visit", "2024-04-15", "2024-04-15"),
        ]
    )
    assert map_events(gold, predicted) == {"one": "p:one", "two": "p:two"}


def test_event_pairing_is_one_to_one():
    gold = bare_gold(
        events=[gold_event("a", "Seminar", "2024-04-15"), gold_event("b", "Seminar", "2024-04-15")]
    )
    predicted = record(
        events=[
            predicted_event("p:x", "Seminar", "2024-04-15"),
            predicted_event("p:late", "Seminar", "2024-04-16"),
        ]
    )
    assert map_events(gold, predicted) == {"a": "p:x"}


def test_a_gold_event_without_a_date_needs_an_undated_prediction_of_its_type():
    gold = bare_gold(events=[gold_event("prog", "Programme", None)])
    assert (
        map_events(
            gold,
            record(
                events=[
                    predicted_event("p:1", "Project", None),
                    predicted_event("p:2", "Programme", "2024-01-01"),
                ]
            ),
        )
        == {}
    )
    assert map_events(gold, record(events=[predicted_event("p:3", "Programme", None)])) == {
        "prog": "p:3"
    }


def test_event_attributes_are_compared_through_the_mappings(gold):
    predicted = perfect_record()
    seminar, exhibition, programme = predicted.events
    seminar.type = "Conference"  # wrong type
    seminar.city = "p:nowhere"  # wrong city
    seminar.organizers = ["p:bae"]  # wrong organiser
    exhibition.end = "2024-04-29"  # wrong end
    exhibition.venue = None  # venue missed
    exhibition.part_of = "p:seminar"  # wrong parent event
    scores = score(gold, predicted).scores
    assert scores.events == Tally(gold=3, found=3, predicted=3, correct=3)
    assert scores.event_dates == Ratio(2, 3)  # the undated programme has nothing to be wrong
    assert scores.event_type == Ratio(2, 3)
    assert scores.event_city == Ratio(1, 2)  # only events with a gold city are checked
    assert scores.event_venue == Ratio(1, 2)
    assert scores.event_part_of == Ratio(1, 2)
    # gold organisers: (seminar, nlrt), (exhibition, bae), (programme, bae)
    assert scores.event_organizers == Tally(gold=3, found=2, predicted=3, correct=2)


def test_a_gold_end_of_null_accepts_any_predicted_end(tmp_path):
    loose = copy.deepcopy(GOLD)
    loose["events"][1]["end"] = None
    gold = load_gold(write_gold(tmp_path, loose))
    predicted = perfect_record()
    assert score(gold, predicted).scores.event_dates == Ratio(3, 3)


def test_unmatched_events_lose_their_facts_and_count_against_precision(gold):
    predicted = perfect_record()
    predicted.events[1].start = "2024-04-16"  # the exhibition is no longer paired
    scores = score(gold, predicted).scores
    assert scores.events == Tally(gold=3, found=2, predicted=3, correct=2)
    assert scores.event_dates == Ratio(2, 3)
    assert scores.event_type == Ratio(2, 2)


# --- participation links --------------------------------------------------------------------


def test_participation_links_go_through_both_mappings(gold):
    predicted = perfect_record()
    seminar, exhibition, _ = predicted.events
    # Petrov taken off the participants, but the library still organises: links by any role
    seminar.participants = [
        Participant("p:ru", "guest"),
        Participant("p:kz", "participant"),
        Participant("p:stranger", "participant"),
    ]
    exhibition.start = "2024-05-01"  # unpaired: its links cannot be found or judged
    exhibition.participants.append(Participant("p:kz", "participant"))
    scores = score(gold, predicted).scores
    # gold links: seminar {ru, kz, petrov, nlrt}, exhibition {smirnova, bae}, programme {bae}
    # predicted links of paired events: seminar {ru, kz, stranger, nlrt}, programme {bae}
    assert scores.participation == Tally(gold=7, found=4, predicted=5, correct=4)
    assert scores.participation.recall == pytest.approx(4 / 7)
    assert scores.participation.precision == pytest.approx(4 / 5)


def test_a_participant_whose_entity_was_not_found_is_missed(gold):
    predicted = perfect_record()
    predicted.entities = [e for e in predicted.entities if e.iri != "p:petrov"]
    result = score(gold, predicted)
    assert "petrov" not in result.entity_map
    # the (seminar, petrov) link is missed; the predicted one cannot be confirmed either
    assert result.scores.participation == Tally(gold=7, found=6, predicted=7, correct=6)


def test_organisers_count_as_participants_in_gold_too(gold):
    predicted = perfect_record()
    predicted.events[2].organizers = []
    predicted.events[2].participants = [Participant("p:bae", "participant")]
    scores = score(gold, predicted).scores
    assert scores.participation.recall == 1.0
    assert scores.event_organizers == Tally(gold=3, found=2, predicted=2, correct=2)


# --- posts and numbers ----------------------------------------------------------------------


def test_posts_match_on_person_and_organisation_and_roles_share_a_word(gold):
    predicted = perfect_record()
    predicted.posts = [
        Post("p:petrov", "директор ўринбосари", "Deputy director", "p:nlrt", span("директори")),
        Post("p:smirnova", "раиси", "President", "p:bae", span("раиси")),
        Post("p:smirnova", "раиси", None, "p:nlrt", span("раиси")),  # wrong organisation
    ]
    scores = score(gold, predicted).scores
    assert scores.posts == Tally(gold=2, found=2, predicted=3, correct=2)
    assert scores.post_roles == Ratio(1, 2)  # "deputy director" shares "director"


def test_numbers_match_on_value_and_what(gold):
    predicted = perfect_record()
    predicted.quantities = [
        Quantity(None, "PARTICIPANTS", 50, span("50 нафар иштирокчи")),
        Quantity(None, "academic hours", 33, span("32 академик соат")),  # wrong value
        Quantity(None, "countries", 2, span("Россия ва Қозоғистон")),  # not in gold
    ]
    assert score(gold, predicted).scores.numbers == Tally(2, 1, 3, 1)
    predicted.quantities[1] = Quantity(None, "hours", 32, span("32 академик соат"))
    assert score(gold, predicted).scores.numbers == Tally(2, 2, 3, 2)


def test_normalise_what():
    assert normalise_what(" Academic   Hours ") == "hours"
    assert normalise_what("Items exhibited") == "items exhibited"


# --- many reports ---------------------------------------------------------------------------


def test_aggregate_sums_counts_per_language_and_overall(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    uz = load_gold(write_gold(tmp_path / "a"))
    english = copy.deepcopy(GOLD)
    english["language"] = "en"
    en = load_gold(write_gold(tmp_path / "b", english))

    half = perfect_record()
    half.entities = half.entities[:1]  # one of two countries, nothing else
    scores = [score(uz, perfect_record()), score(uz, half), score(en, half)]
    summary = aggregate(scores)

    assert list(summary.by_language) == ["en", "uz-Cyrl"]
    assert summary.by_language["uz-Cyrl"].reports == 2
    assert summary.by_language["uz-Cyrl"].entities["Country"] == Tally(4, 3, 3, 3)
    assert summary.by_language["en"].entities["Country"] == Tally(2, 1, 1, 1)
    overall = summary.overall
    assert overall.reports == 3
    # micro-averaged: 4 of 6 gold countries, not the mean of per-report recalls
    assert overall.entities["Country"] == Tally(6, 4, 4, 4)
    assert overall.all_entities == Tally(21, 9, 9, 9)
    assert overall.all_entities.recall == pytest.approx(9 / 21)


def test_aggregate_of_nothing_is_empty():
    summary = aggregate([])
    assert summary.by_language == {} and summary.overall.reports == 0


def test_evaluate_files_passes_each_report_path_to_extract(tmp_path):
    path = write_gold(tmp_path)
    seen = []

    def extract(report_path):
        seen.append(report_path)
        return perfect_record()

    summary = evaluate_files([path], extract)
    assert seen == [tmp_path / "report.txt"]
    assert summary.overall.all_entities.f1 == 1.0


def test_evaluate_files_checks_all_gold_before_extracting(tmp_path):
    good = write_gold(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")

    def extract(report_path):
        raise AssertionError("no report should be read while a gold file is broken")

    with pytest.raises(GoldError, match="bad.json"):
        evaluate_files([good, bad], extract)


def test_summary_to_dict_has_a_stable_shape(gold):
    summary = aggregate([score(gold, perfect_record())])
    data = summary_to_dict(summary)
    json.dumps(data)  # JSON-ready
    assert list(data) == ["languages", "overall"]
    assert list(data["languages"]) == ["uz-Cyrl"]
    overall = data["overall"]
    assert list(overall) == [
        "reports",
        "entities",
        "events",
        "event_dates",
        "event_type",
        "event_city",
        "event_venue",
        "event_organizers",
        "event_part_of",
        "participation",
        "posts",
        "post_roles",
        "numbers",
    ]
    assert list(overall["entities"]) == [
        "Country",
        "City",
        "Library",
        "Organization",
        "Person",
        "all",
    ]
    assert list(overall["posts"]) == [
        "gold",
        "predicted",
        "tp",
        "fp",
        "fn",
        "precision",
        "recall",
        "f1",
    ]
    assert list(overall["event_dates"]) == ["correct", "total", "rate"]
    assert overall["entities"]["all"]["tp"] == 7
    assert overall["event_dates"] == {"correct": 3, "total": 3, "rate": 1.0}


def test_summary_to_dict_writes_null_where_nothing_was_counted():
    data = summary_to_dict(aggregate([]))
    assert data["overall"]["numbers"]["precision"] is None
    assert data["overall"]["post_roles"]["rate"] is None


def test_format_table_has_a_row_per_measure_and_a_column_per_language(tmp_path):
    uz = load_gold(write_gold(tmp_path))
    half = perfect_record()
    half.entities = half.entities[:1]
    table = format_table(aggregate([score(uz, perfect_record()), score(uz, half)]))
    lines = table.splitlines()
    assert lines[0].split() == ["uz-Cyrl", "all"]
    labels = [
        "reports",
        "Country",
        "City",
        "Library",
        "Organization",
        "Person",
        "all entities",
        "events found",
        "events with correct dates",
        "event type",
        "place: city",
        "place: venue",
        "organisers",
        "part of",
        "participation links",
        "posts",
        "post roles",
        "numbers",
    ]
    for label in labels:
        assert any(line.startswith(label + " ") for line in lines), label
    country = next(line for line in lines if line.startswith("Country"))
    assert "100/75/86 (3/4)" in country
    dates = next(line for line in lines if line.startswith("events with correct dates"))
    assert "100% (6/6)" in dates
    assert "P/R/F1" in table
