"""Scoring extraction records against gold annotations (see docs/model.md, "Gold annotations").

A gold file says what a careful reader finds in one report. ``load_gold`` reads and checks it;
``score`` compares one extraction record with it; ``aggregate`` sums the scores of many reports
per language and overall; ``format_table`` and ``summary_to_dict`` present the result.

Matching rules, in short:

- Entities match when their types agree and a predicted mention overlaps an occurrence of a
  gold mention. Each gold entity is mapped to the predicted entity with most overlapping
  mentions; facts given by gold ids are compared through that mapping.
- Events match one-to-one on the start date (preferring the same type, then shared title words,
  then the same end date). A gold event with no start date matches only a predicted event with
  no start date and the same type.
- Participation links, organisers, posts and numbers are pairs compared through the mappings.

Counts are kept raw (not as ratios) so reports can be micro-averaged by summing them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cislib.errors import GoldError, ReportError
from cislib.extract.document import read_report
from cislib.extract.record import EVENT_TYPES, Entity, Event, ExtractionRecord, Span

#: Entity types a gold file may use; events are annotated apart, in ``events``.
GOLD_ENTITY_TYPES = ("Country", "City", "Library", "Organization", "Person")

#: Types an event's venue or a post's organisation may have.
ORGANIZATION_TYPES = ("Library", "Organization")

#: Keys of a gold file and of each of its items: required first, then optional.
_TOP_KEYS = (("report", "language", "entities", "events", "posts", "numbers"), ())
_ENTITY_KEYS = (("id", "type", "name_en", "mentions"), ("country", "city"))
_EVENT_KEYS = (
    ("id", "name_en", "event_type", "start", "end", "organizers", "participants", "part_of"),
    ("city", "venue"),
)
_POST_KEYS = (("person", "role", "organization"), ())
_NUMBER_KEYS = (("what", "value", "event"), ())

#: Different words for the same measured thing, after lower-casing.
_WHAT_ALIASES = {"academic hours": "hours"}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WORD = re.compile(r"\w+")

#: Title words shorter than this are left out when comparing event titles: in every supported
#: language they are mostly function words, which would tie unrelated titles together.
_MIN_TITLE_WORD = 4


# --- gold annotations -----------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    """A gold entity with every occurrence of its mentions in the report text."""

    id: str
    type: str
    name_en: str
    mentions: tuple[str, ...]
    occurrences: tuple[Span, ...]
    country: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """A gold event; ``city``, ``venue``, ``organizers``, ``participants`` are entity ids and
    ``part_of`` an event id."""

    id: str
    name_en: str
    event_type: str
    start: str | None
    end: str | None
    city: str | None = None
    venue: str | None = None
    organizers: tuple[str, ...] = ()
    participants: tuple[str, ...] = ()
    part_of: str | None = None


@dataclass(frozen=True)
class GoldPost:
    """A person's post in an organisation, by entity ids."""

    person: str
    role: str
    organization: str | None


@dataclass(frozen=True)
class GoldNumber:
    """A number the report gives, what it counts, and the event it belongs to (an event id)."""

    what: str
    value: int
    event: str | None


@dataclass(frozen=True)
class Gold:
    """One gold file, checked, with the text of the report it annotates."""

    path: Path
    report_path: Path
    language: str
    text: str
    entities: tuple[GoldEntity, ...]
    events: tuple[GoldEvent, ...]
    posts: tuple[GoldPost, ...]
    numbers: tuple[GoldNumber, ...]

    def entity(self, id: str) -> GoldEntity | None:
        """Return the gold entity with this id, or None."""
        return next((e for e in self.entities if e.id == id), None)


class _Checker:
    """Raises ``GoldError`` naming the gold file and the field at fault."""

    def __init__(self, name: str):
        self.name = name

    def fail(self, where: str, problem: str):
        prefix = f"{self.name}: {where}: " if where else f"{self.name}: "
        raise GoldError(prefix + problem)

    def keys(self, obj, where: str, keys: tuple[tuple[str, ...], tuple[str, ...]]) -> dict:
        required, optional = keys
        if not isinstance(obj, dict):
            self.fail(where, f"must be an object, not {_json_type(obj)}")
        for key in required:
            if key not in obj:
                self.fail(_field(where, key), "is missing")
        # Unknown keys are refused because a misspelt optional key ("venu") would otherwise
        # silently drop a fact from the gold standard.
        for key in obj:
            if key not in required and key not in optional:
                expected = ", ".join(required + optional)
                self.fail(_field(where, key), f"unknown key (expected one of {expected})")
        return obj

    def string(self, value, where: str, nullable: bool = False) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value.strip():
            self.fail(where, f"must be a non-empty string, not {value!r}")
        return value

    def array(self, value, where: str) -> list:
        if not isinstance(value, list):
            self.fail(where, f"must be a list, not {_json_type(value)}")
        return value

    def strings(self, value, where: str) -> tuple[str, ...]:
        items = self.array(value, where)
        return tuple(self.string(item, f"{where}[{i}]") for i, item in enumerate(items))

    def date(self, value, where: str) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str) or not _DATE.fullmatch(value) or not _is_date(value):
            self.fail(where, f"{value!r} is not a date (YYYY-MM-DD)")
        return value

    def choice(self, value, where: str, allowed: tuple[str, ...]) -> str:
        if value not in allowed:
            self.fail(where, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def reference(self, value, where: str, known: dict, kinds: tuple[str, ...] | None = None):
        """Check an id refers to something defined (and, for entities, of one of ``kinds``)."""
        if value is None:
            return None
        self.string(value, where)
        if value not in known:
            self.fail(where, f"{value!r} is not defined")
        if kinds is not None and known[value] not in kinds:
            self.fail(where, f"{value!r} is a {known[value]}, not a {' or '.join(kinds)}")
        return value


def _field(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _json_type(value) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _read_json(path: Path, check: _Checker):
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        check.fail("", "no such file")
    except UnicodeDecodeError as exc:
        check.fail("", f"not valid UTF-8 at byte {exc.start}")
    except OSError as exc:
        check.fail("", f"cannot be read ({exc.strerror})")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        check.fail("", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")


def _find_report(name: str, gold_path: Path, reports_dir, check: _Checker) -> Path:
    """The report file: beside the gold file first, then in ``reports_dir``."""
    folders = [gold_path.parent] + ([Path(reports_dir)] if reports_dir is not None else [])
    for folder in folders:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    check.fail("report", f"{name!r} not found in {' or '.join(str(f) for f in folders)}")


def _read_report_text(path: Path, check: _Checker) -> str:
    # The extractor decodes reports with the same function, so gold offsets and predicted
    # offsets index the same string.
    try:
        return read_report(path).text
    except ReportError as exc:
        check.fail("report", str(exc))


def occurrences(text: str, mention: str) -> list[Span]:
    """Every place ``mention`` occurs in ``text``, overlapping occurrences included.

    Example:
        >>> [(s.start, s.end) for s in occurrences("abab ab", "ab")]
        [(0, 2), (2, 4), (5, 7)]
    """
    found = []
    start = text.find(mention)
    while start >= 0:
        found.append(Span(start, start + len(mention), mention))
        start = text.find(mention, start + 1)
    return found


def _parse_entity(obj, where: str, text: str, report: str, check: _Checker) -> GoldEntity:
    check.keys(obj, where, _ENTITY_KEYS)
    mentions = check.strings(obj["mentions"], f"{where}.mentions")
    if not mentions:
        check.fail(f"{where}.mentions", "must name at least one mention")
    spans: set[Span] = set()
    for i, mention in enumerate(mentions):
        found = occurrences(text, mention)
        if not found:
            check.fail(f"{where}.mentions[{i}]", f"{mention!r} does not occur in {report}")
        spans.update(found)
    return GoldEntity(
        id=check.string(obj["id"], f"{where}.id"),
        type=check.choice(obj["type"], f"{where}.type", GOLD_ENTITY_TYPES),
        name_en=check.string(obj["name_en"], f"{where}.name_en"),
        mentions=mentions,
        occurrences=tuple(sorted(spans)),
        country=check.string(obj.get("country"), f"{where}.country", nullable=True),
        city=obj.get("city"),  # checked once every entity id is known
    )


def _parse_event(obj, where: str, check: _Checker) -> GoldEvent:
    check.keys(obj, where, _EVENT_KEYS)
    start = check.date(obj["start"], f"{where}.start")
    end = check.date(obj["end"], f"{where}.end")
    if start and end and end < start:
        check.fail(f"{where}.end", f"{end!r} is before the start {start!r}")
    return GoldEvent(
        id=check.string(obj["id"], f"{where}.id"),
        name_en=check.string(obj["name_en"], f"{where}.name_en"),
        event_type=check.choice(obj["event_type"], f"{where}.event_type", EVENT_TYPES),
        start=start,
        end=end,
        city=obj.get("city"),
        venue=obj.get("venue"),
        organizers=check.strings(obj["organizers"], f"{where}.organizers"),
        participants=check.strings(obj["participants"], f"{where}.participants"),
        part_of=obj["part_of"],
    )


def _parse_post(obj, where: str, check: _Checker) -> GoldPost:
    check.keys(obj, where, _POST_KEYS)
    return GoldPost(
        person=check.string(obj["person"], f"{where}.person"),
        role=check.string(obj["role"], f"{where}.role"),
        organization=obj["organization"],
    )


def _parse_number(obj, where: str, check: _Checker) -> GoldNumber:
    check.keys(obj, where, _NUMBER_KEYS)
    value = obj["value"]
    # bool is an int in Python, but ``true`` is no count.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        check.fail(f"{where}.value", f"{value!r} is not a whole number")
    return GoldNumber(
        what=check.string(obj["what"], f"{where}.what"), value=value, event=obj["event"]
    )


def _unique_ids(items: list[tuple[str, str]], where: str, check: _Checker) -> dict[str, str]:
    """Map each id to its type, given (id, type) pairs, refusing an id defined twice."""
    known: dict[str, str] = {}
    for i, (id, kind) in enumerate(items):
        if id in known:
            check.fail(f"{where}[{i}].id", f"{id!r} is defined twice")
        known[id] = kind
    return known


def _check_references(gold: Gold, check: _Checker) -> None:
    entity_types = _unique_ids([(e.id, e.type) for e in gold.entities], "entities", check)
    event_types = _unique_ids([(e.id, e.event_type) for e in gold.events], "events", check)
    for i, entity in enumerate(gold.entities):
        check.reference(entity.city, f"entities[{i}].city", entity_types, ("City",))
    for i, event in enumerate(gold.events):
        where = f"events[{i}]"
        check.reference(event.city, f"{where}.city", entity_types, ("City",))
        check.reference(event.venue, f"{where}.venue", entity_types, ORGANIZATION_TYPES)
        for key in ("organizers", "participants"):
            for j, agent in enumerate(getattr(event, key)):
                check.reference(agent, f"{where}.{key}[{j}]", entity_types)
        check.reference(event.part_of, f"{where}.part_of", event_types)
        if event.part_of == event.id:
            check.fail(f"{where}.part_of", f"{event.id!r} cannot be part of itself")
    for i, post in enumerate(gold.posts):
        check.reference(post.person, f"posts[{i}].person", entity_types, ("Person",))
        check.reference(
            post.organization, f"posts[{i}].organization", entity_types, ORGANIZATION_TYPES
        )
    for i, number in enumerate(gold.numbers):
        check.reference(number.event, f"numbers[{i}].event", event_types)


def load_gold(path: str | Path, reports_dir: str | Path | None = None) -> Gold:
    """Read and check a gold annotation file and the text of the report it annotates.

    Each gold mention stands for all its occurrences in the report, so every occurrence is
    found and kept as a span (code-point offsets into the text decoded as UTF-8, BOM removed).

    Args:
        path: the gold JSON file.
        reports_dir: where to look for the report when it is not beside the gold file.

    Returns:
        The checked gold annotations.

    Raises:
        GoldError: naming the file and the field, for bad JSON, a missing or unknown key, an
            unknown type, a malformed date, an id used but not defined (or defined twice), a
            mention that does not occur in the report, or a report that cannot be found.
    """
    path = Path(path)
    check = _Checker(str(path))
    data = check.keys(_read_json(path, check), "", _TOP_KEYS)
    report = check.string(data["report"], "report")
    report_path = _find_report(report, path, reports_dir, check)
    text = _read_report_text(report_path, check)
    gold = Gold(
        path=path,
        report_path=report_path,
        language=check.string(data["language"], "language"),
        text=text,
        entities=tuple(
            _parse_entity(obj, f"entities[{i}]", text, report, check)
            for i, obj in enumerate(check.array(data["entities"], "entities"))
        ),
        events=tuple(
            _parse_event(obj, f"events[{i}]", check)
            for i, obj in enumerate(check.array(data["events"], "events"))
        ),
        posts=tuple(
            _parse_post(obj, f"posts[{i}]", check)
            for i, obj in enumerate(check.array(data["posts"], "posts"))
        ),
        numbers=tuple(
            _parse_number(obj, f"numbers[{i}]", check)
            for i, obj in enumerate(check.array(data["numbers"], "numbers"))
        ),
    )
    _check_references(gold, check)
    return gold


# --- counts --------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for precision and recall.

    Recall counts gold items (``found`` of ``gold``); precision counts predicted items
    (``correct`` of ``predicted``). The two differ when several predictions hit one gold item,
    so both are kept: ``tp`` is ``found``, ``fn`` the gold items missed, ``fp`` the predicted
    items that match nothing.
    """

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def tp(self) -> int:
        """Gold items matched by some prediction."""
        return self.found

    @property
    def fn(self) -> int:
        """Gold items no prediction matched."""
        return self.gold - self.found

    @property
    def fp(self) -> int:
        """Predicted items matching no gold item."""
        return self.predicted - self.correct

    @property
    def precision(self) -> float | None:
        """Share of predictions that match; None when nothing was predicted."""
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        """Share of gold items found; None when there is no gold item."""
        return self.found / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of precision and recall; an undefined side counts as 0.

        None only when there is neither gold nor prediction: nothing to be right or wrong about.
        """
        if self.precision is None and self.recall is None:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.gold + other.gold,
            self.found + other.found,
            self.predicted + other.predicted,
            self.correct + other.correct,
        )


@dataclass
class Ratio:
    """``correct`` out of ``total``: an accuracy among items that could be checked."""

    correct: int = 0
    total: int = 0

    @property
    def rate(self) -> float | None:
        """``correct / total``, or None when there was nothing to check."""
        return self.correct / self.total if self.total else None

    def __add__(self, other: Ratio) -> Ratio:
        return Ratio(self.correct + other.correct, self.total + other.total)


def _entity_tallies() -> dict[str, Tally]:
    return {kind: Tally() for kind in GOLD_ENTITY_TYPES}


@dataclass
class Scores:
    """Summable counts for one report or many."""

    reports: int = 0
    entities: dict[str, Tally] = field(default_factory=_entity_tallies)
    events: Tally = field(default_factory=Tally)
    event_dates: Ratio = field(default_factory=Ratio)
    event_type: Ratio = field(default_factory=Ratio)
    event_city: Ratio = field(default_factory=Ratio)
    event_venue: Ratio = field(default_factory=Ratio)
    event_organizers: Tally = field(default_factory=Tally)
    event_part_of: Ratio = field(default_factory=Ratio)
    participation: Tally = field(default_factory=Tally)
    posts: Tally = field(default_factory=Tally)
    post_roles: Ratio = field(default_factory=Ratio)
    numbers: Tally = field(default_factory=Tally)

    @property
    def all_entities(self) -> Tally:
        """The entity counts of every type together."""
        return sum(self.entities.values(), Tally())

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            reports=self.reports + other.reports,
            entities={k: self.entities[k] + other.entities[k] for k in GOLD_ENTITY_TYPES},
            events=self.events + other.events,
            event_dates=self.event_dates + other.event_dates,
            event_type=self.event_type + other.event_type,
            event_city=self.event_city + other.event_city,
            event_venue=self.event_venue + other.event_venue,
            event_organizers=self.event_organizers + other.event_organizers,
            event_part_of=self.event_part_of + other.event_part_of,
            participation=self.participation + other.participation,
            posts=self.posts + other.posts,
            post_roles=self.post_roles + other.post_roles,
            numbers=self.numbers + other.numbers,
        )


@dataclass
class ReportScore:
    """The scores of one report, with the mappings they were computed through.

    ``entity_map`` maps gold entity ids to predicted IRIs; ``event_map`` gold event ids to
    predicted event IRIs. Both help a curator see why a fact was or was not found.
    """

    gold_file: str
    report: str
    language: str
    scores: Scores
    entity_map: dict[str, str] = field(default_factory=dict)
    event_map: dict[str, str] = field(default_factory=dict)


@dataclass
class Summary:
    """Micro-averaged scores per language (gold ``language``) and over all reports."""

    overall: Scores
    by_language: dict[str, Scores]


# --- entities ------------------------------------------------------------------------------


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _overlapping_mentions(predicted: Entity, gold: GoldEntity) -> int:
    """How many of the predicted entity's mentions overlap an occurrence of the gold entity."""
    return sum(
        1
        for mention in predicted.mentions
        if any(_overlaps(mention, occurrence) for occurrence in gold.occurrences)
    )


def _scored_entities(record: ExtractionRecord) -> list[Entity]:
    # Predicted entities of type Event are scored as events, not as entities.
    return [e for e in record.entities if e.type in GOLD_ENTITY_TYPES]


def _overlap_table(gold: Gold, record: ExtractionRecord) -> dict[tuple[str, str], int]:
    """Overlapping mention counts for every (gold id, predicted IRI) pair of the same type."""
    table = {}
    for predicted in _scored_entities(record):
        for entity in gold.entities:
            if entity.type == predicted.type:
                count = _overlapping_mentions(predicted, entity)
                if count:
                    table[entity.id, predicted.iri] = count
    return table


def map_entities(gold: Gold, record: ExtractionRecord) -> dict[str, str]:
    """Map each gold entity id to the predicted entity that best matches it.

    A predicted entity matches when its type agrees and one of its mentions overlaps an
    occurrence of a gold mention, so inflected or longer forms ("Қозон миллий кутубхонасида"
    for "Қозон миллий кутубхонаси") still match. The best match has most overlapping mentions;
    on a tie, the one listed first in the record. The mapping need not be one-to-one.

    Args:
        gold: the gold annotations.
        record: what the extractor read.

    Returns:
        Gold entity id to predicted IRI, for the gold entities that some prediction matches.
    """
    best: dict[str, tuple[int, str]] = {}
    for (gold_id, iri), count in _overlap_table(gold, record).items():
        if gold_id not in best or count > best[gold_id][0]:
            best[gold_id] = (count, iri)
    return {gold_id: iri for gold_id, (_, iri) in best.items()}


def score_entities(gold: Gold, record: ExtractionRecord) -> dict[str, Tally]:
    """Count gold entities found and predicted entities that match, per entity type.

    Args:
        gold: the gold annotations.
        record: what the extractor read.

    Returns:
        A ``Tally`` per type in ``GOLD_ENTITY_TYPES``.
    """
    table = _overlap_table(gold, record)
    matched_gold = {gold_id for gold_id, _ in table}
    matched_predicted = {iri for _, iri in table}
    tallies = _entity_tallies()
    for entity in gold.entities:
        tallies[entity.type].gold += 1
        tallies[entity.type].found += entity.id in matched_gold
    for predicted in _scored_entities(record):
        tallies[predicted.type].predicted += 1
        tallies[predicted.type].correct += predicted.iri in matched_predicted
    return tallies


# --- events --------------------------------------------------------------------------------


def _title_words(title: str) -> set[str]:
    return {w for w in _WORD.findall(title.lower()) if len(w) >= _MIN_TITLE_WORD}


def _can_match(gold_event: GoldEvent, predicted: Event) -> bool:
    if gold_event.start is None:
        # Without a date the type is all there is to go on.
        return predicted.start is None and predicted.type == gold_event.event_type
    return predicted.start == gold_event.start


def _pairing_order(gold_event: GoldEvent, predicted: Event, i: int, j: int) -> tuple:
    """Sort key putting the most alike (gold, predicted) pair first."""
    return (
        predicted.type != gold_event.event_type,
        -len(_title_words(gold_event.name_en) & _title_words(predicted.title)),
        predicted.end != gold_event.end,
        # Among equals, the events listed first, so the pairing never depends on chance.
        i,
        j,
    )


def map_events(gold: Gold, record: ExtractionRecord) -> dict[str, str]:
    """Pair gold events with predicted events one-to-one by start date.

    When several events share a start date, pairs are taken greedily, best first: same type,
    then more shared title words (of four letters or more), then same end date; remaining ties
    go to the events listed first. A gold event with no start date pairs only with a predicted
    event with no start date and the same type.

    Args:
        gold: the gold annotations.
        record: what the extractor read.

    Returns:
        Gold event id to predicted event IRI, for the gold events that were paired.
    """
    candidates = sorted(
        (_pairing_order(g, p, i, j), i, j)
        for i, g in enumerate(gold.events)
        for j, p in enumerate(record.events)
        if _can_match(g, p)
    )
    mapping: dict[str, str] = {}
    taken: set[int] = set()
    for _, i, j in candidates:
        gold_id = gold.events[i].id
        if gold_id not in mapping and j not in taken:
            mapping[gold_id] = record.events[j].iri
            taken.add(j)
    return mapping


def _same_reference(gold_id: str | None, predicted_iri: str | None, mapping: dict) -> bool:
    return gold_id in mapping and mapping[gold_id] == predicted_iri


def _tally_keys(gold_keys: list, predicted_keys: list) -> Tally:
    """Compare gold items, already put in terms of predicted IRIs, with predicted items.

    A gold key of None could not be translated (something it names was not found), so it
    counts as missed.
    """
    gold_set = {k for k in gold_keys if k is not None}
    predicted_set = set(predicted_keys)
    return Tally(
        gold=len(gold_keys),
        found=sum(1 for k in gold_keys if k is not None and k in predicted_set),
        predicted=len(predicted_keys),
        correct=sum(1 for k in predicted_keys if k in gold_set),
    )


def _translate(ids: tuple, mapping: dict) -> tuple | None:
    """Gold ids to predicted IRIs; None ids stay None, an unmapped id makes the whole None."""
    out = []
    for gold_id in ids:
        if gold_id is None:
            out.append(None)
        elif gold_id in mapping:
            out.append(mapping[gold_id])
        else:
            return None
    return tuple(out)


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))


def _link_key(event_id: str, agent_id: str, event_map: dict, entity_map: dict):
    if event_id in event_map and agent_id in entity_map:
        return event_map[event_id], entity_map[agent_id]
    return None


def _agent_links(
    gold: Gold,
    record: ExtractionRecord,
    entity_map: dict[str, str],
    event_map: dict[str, str],
    gold_agents: Callable[[GoldEvent], Iterable[str]],
    predicted_agents: Callable[[Event], Iterable[str]],
) -> Tally:
    """Tally (event, agent) pairs.

    Gold pairs come from every gold event, so those of unpaired events count as missed;
    predicted pairs only from paired events, since an event nobody annotated has already
    counted against event precision and its links cannot be judged.
    """
    gold_keys = [
        _link_key(event.id, agent, event_map, entity_map)
        for event in gold.events
        for agent in _unique(gold_agents(event))
    ]
    by_iri = {event.iri: event for event in record.events}
    predicted_keys = [
        (iri, agent)
        for iri in _unique(event_map.values())
        for agent in _unique(predicted_agents(by_iri[iri]))
    ]
    return _tally_keys(gold_keys, predicted_keys)


def score_events(
    gold: Gold, record: ExtractionRecord, entity_map: dict[str, str], event_map: dict[str, str]
) -> Scores:
    """Score events: how many were found, and how right their dates, type, place, organisers
    and parent events are.

    Args:
        gold: the gold annotations.
        record: what the extractor read.
        entity_map: from ``map_entities``.
        event_map: from ``map_events``.

    Returns:
        A ``Scores`` with only the event fields filled in.
    """
    by_iri = {event.iri: event for event in record.events}
    scores = Scores(
        events=Tally(len(gold.events), len(event_map), len(record.events), len(event_map))
    )
    scores.event_dates.total = len(gold.events)
    for event in gold.events:
        if event.id not in event_map:
            continue
        predicted = by_iri[event_map[event.id]]
        # The start already agrees (that is how events are paired); a gold end of null means
        # the report gives none, so there is nothing to compare it with.
        scores.event_dates.correct += event.end is None or predicted.end == event.end
        scores.event_type.total += 1
        scores.event_type.correct += predicted.type == event.event_type
        for gold_ref, predicted_ref, ratio, mapping in (
            (event.city, predicted.city, scores.event_city, entity_map),
            (event.venue, predicted.venue, scores.event_venue, entity_map),
            (event.part_of, predicted.part_of, scores.event_part_of, event_map),
        ):
            if gold_ref is not None:
                ratio.total += 1
                ratio.correct += _same_reference(gold_ref, predicted_ref, mapping)
    scores.event_organizers = _agent_links(
        gold,
        record,
        entity_map,
        event_map,
        lambda event: event.organizers,
        lambda event: event.organizers,
    )
    return scores


def score_participation(
    gold: Gold, record: ExtractionRecord, entity_map: dict[str, str], event_map: dict[str, str]
) -> Tally:
    """Tally (event, participant) links, organisers counting as participants.

    A gold link is found when the paired predicted event has the mapped agent among its
    participants (in any role) or its organisers.

    Args:
        gold: the gold annotations.
        record: what the extractor read.
        entity_map: from ``map_entities``.
        event_map: from ``map_events``.

    Returns:
        The link tally; precision counts only links of predicted events paired with gold ones.
    """
    return _agent_links(
        gold,
        record,
        entity_map,
        event_map,
        lambda event: (*event.participants, *event.organizers),
        lambda event: (*(p.agent for p in event.participants), *event.organizers),
    )


# --- posts and numbers ----------------------------------------------------------------------


def _role_words(role: str | None) -> set[str]:
    return set(_WORD.findall(role.lower())) if role else set()


def score_posts(
    gold: Gold, record: ExtractionRecord, entity_map: dict[str, str]
) -> tuple[Tally, Ratio]:
    """Tally (person, organisation) posts, and how many found posts agree on the role.

    The role text is not needed for a post to be found; the second count says how many found
    posts have a predicted role sharing a word with the gold role ("Deputy director" and
    "Director" share one).

    Args:
        gold: the gold annotations.
        record: what the extractor read.
        entity_map: from ``map_entities``.

    Returns:
        The post tally, and the role agreement among found posts.
    """
    gold_keys = [_translate((p.person, p.organization), entity_map) for p in gold.posts]
    predicted_keys = _unique((p.person, p.organization) for p in record.posts)
    tally = _tally_keys(gold_keys, predicted_keys)
    roles = Ratio()
    for post, key in zip(gold.posts, gold_keys, strict=True):
        if key is None or key not in predicted_keys:
            continue
        roles.total += 1
        predicted_roles = [p.role for p in record.posts if (p.person, p.organization) == key]
        roles.correct += any(_role_words(post.role) & _role_words(r) for r in predicted_roles)
    return tally, roles


def normalise_what(what: str) -> str:
    """What a number counts, in a form to compare: lower case, single spaces, aliases merged.

    Example:
        >>> normalise_what("Academic  Hours")
        'hours'
    """
    what = " ".join(what.lower().split())
    return _WHAT_ALIASES.get(what, what)


def score_numbers(gold: Gold, record: ExtractionRecord) -> Tally:
    """Tally numbers: a gold number is found by a predicted quantity with the same value and
    the same (normalised) ``what``; the event is not compared.

    Args:
        gold: the gold annotations.
        record: what the extractor read.
    """
    gold_keys = _unique((normalise_what(n.what), n.value) for n in gold.numbers)
    predicted_keys = _unique((normalise_what(q.what), q.value) for q in record.quantities)
    return _tally_keys(gold_keys, predicted_keys)


# --- one report, many reports ----------------------------------------------------------------


def score(gold: Gold, record: ExtractionRecord) -> ReportScore:
    """Compare one extraction record with the gold annotations of its report.

    Args:
        gold: from ``load_gold``.
        record: what the extractor read from ``gold.report_path``.

    Returns:
        The report's counts and the gold-to-predicted mappings they were computed through.
    """
    entity_map = map_entities(gold, record)
    event_map = map_events(gold, record)
    scores = score_events(gold, record, entity_map, event_map)
    scores.reports = 1
    scores.entities = score_entities(gold, record)
    scores.participation = score_participation(gold, record, entity_map, event_map)
    scores.posts, scores.post_roles = score_posts(gold, record, entity_map)
    scores.numbers = score_numbers(gold, record)
    return ReportScore(
        gold_file=str(gold.path),
        report=gold.report_path.name,
        language=gold.language,
        scores=scores,
        entity_map=entity_map,
        event_map=event_map,
    )


def aggregate(scores: list[ReportScore]) -> Summary:
    """Micro-average report scores per language and overall, by summing their counts.

    Args:
        scores: from ``score``, one per report.

    Returns:
        Languages in alphabetical order, and the total.
    """
    by_language: dict[str, Scores] = {}
    for report in scores:
        by_language[report.language] = by_language.get(report.language, Scores()) + report.scores
    overall = sum((report.scores for report in scores), Scores())
    return Summary(overall=overall, by_language=dict(sorted(by_language.items())))


def evaluate_files(
    gold_paths: Iterable[str | Path],
    extract: Callable[[Path], ExtractionRecord],
    reports_dir: str | Path | None = None,
) -> Summary:
    """Load gold files, extract their reports, score and aggregate.

    Every gold file is checked before any report is read, so a typo in the last file is
    reported at once rather than after a long run.

    Args:
        gold_paths: gold JSON files.
        extract: reads a report file into an extraction record (``cislib.extract.extract_file``).
        reports_dir: where to look for reports not found beside their gold file.

    Returns:
        The summary over all the reports.

    Raises:
        GoldError: for the first malformed gold file.
    """
    golds = [load_gold(path, reports_dir) for path in gold_paths]
    return aggregate([score(gold, extract(gold.report_path)) for gold in golds])


# --- presentation ----------------------------------------------------------------------------


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _tally_dict(tally: Tally) -> dict:
    return {
        "gold": tally.gold,
        "predicted": tally.predicted,
        "tp": tally.tp,
        "fp": tally.fp,
        "fn": tally.fn,
        "precision": _round(tally.precision),
        "recall": _round(tally.recall),
        "f1": _round(tally.f1),
    }


def _ratio_dict(ratio: Ratio) -> dict:
    return {"correct": ratio.correct, "total": ratio.total, "rate": _round(ratio.rate)}


def scores_to_dict(scores: Scores) -> dict:
    """The JSON form of one set of scores.

    Args:
        scores: one report's, one language's or the overall counts.

    Returns:
        A dict in the fixed key order shown in ``summary_to_dict``.
    """
    return {
        "reports": scores.reports,
        "entities": {
            **{kind: _tally_dict(scores.entities[kind]) for kind in GOLD_ENTITY_TYPES},
            "all": _tally_dict(scores.all_entities),
        },
        "events": _tally_dict(scores.events),
        "event_dates": _ratio_dict(scores.event_dates),
        "event_type": _ratio_dict(scores.event_type),
        "event_city": _ratio_dict(scores.event_city),
        "event_venue": _ratio_dict(scores.event_venue),
        "event_organizers": _tally_dict(scores.event_organizers),
        "event_part_of": _ratio_dict(scores.event_part_of),
        "participation": _tally_dict(scores.participation),
        "posts": _tally_dict(scores.posts),
        "post_roles": _ratio_dict(scores.post_roles),
        "numbers": _tally_dict(scores.numbers),
    }


def summary_to_dict(summary: Summary) -> dict:
    """The summary as JSON-ready data, keys in a fixed order so outputs diff cleanly.

    Shape: ``{"languages": {tag: scores, ...}, "overall": scores}`` where each ``scores`` is
    ``scores_to_dict`` output: tallies as ``{"gold", "predicted", "tp", "fp", "fn",
    "precision", "recall", "f1"}`` and accuracies as ``{"correct", "total", "rate"}``; a
    ratio with nothing to divide by is null.
    """
    return {
        "languages": {tag: scores_to_dict(s) for tag, s in summary.by_language.items()},
        "overall": scores_to_dict(summary.overall),
    }


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{round(100 * value)}"


def _tally_cell(tally: Tally) -> str:
    prf = "/".join(_percent(v) for v in (tally.precision, tally.recall, tally.f1))
    return f"{prf} ({tally.found}/{tally.gold})"


def _ratio_cell(ratio: Ratio) -> str:
    rate = "-" if ratio.rate is None else f"{_percent(ratio.rate)}%"
    return f"{rate} ({ratio.correct}/{ratio.total})"


#: The table's rows: a label and how to show that measure from a ``Scores``.
_ROWS: tuple[tuple[str, Callable[[Scores], str]], ...] = (
    ("reports", lambda s: str(s.reports)),
    *((kind, lambda s, kind=kind: _tally_cell(s.entities[kind])) for kind in GOLD_ENTITY_TYPES),
    ("all entities", lambda s: _tally_cell(s.all_entities)),
    ("events found", lambda s: _tally_cell(s.events)),
    ("events with correct dates", lambda s: _ratio_cell(s.event_dates)),
    ("event type", lambda s: _ratio_cell(s.event_type)),
    ("place: city", lambda s: _ratio_cell(s.event_city)),
    ("place: venue", lambda s: _ratio_cell(s.event_venue)),
    ("organisers", lambda s: _tally_cell(s.event_organizers)),
    ("part of", lambda s: _ratio_cell(s.event_part_of)),
    ("participation links", lambda s: _tally_cell(s.participation)),
    ("posts", lambda s: _tally_cell(s.posts)),
    ("post roles", lambda s: _ratio_cell(s.post_roles)),
    ("numbers", lambda s: _tally_cell(s.numbers)),
)

_LEGEND = (
    "P/R/F1 in per cent (found/gold); accuracies in per cent (correct/checked); "
    "'-' where there is nothing to count."
)


def format_table(summary: Summary) -> str:
    """A plain-text table: one row per measure, one column per language and one for all.

    Args:
        summary: from ``aggregate`` or ``evaluate_files``.

    Returns:
        The table, a blank line and a legend, ending in a newline.

    Example:
        >>> print(format_table(aggregate([])).splitlines()[0].split())
        ['all']
    """
    columns = [*summary.by_language.items(), ("all", summary.overall)]
    header = ["", *(tag for tag, _ in columns)]
    body = [[label, *(cell(s) for _, s in columns)] for label, cell in _ROWS]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]

    def line(row: list[str]) -> str:
        first = row[0].ljust(widths[0])
        rest = (cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True))
        return "  ".join([first, *rest]).rstrip()

    return "\n".join([line(header), *(line(row) for row in body), "", _LEGEND]) + "\n"
