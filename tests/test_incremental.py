"""What one ingest changes is all that is recomputed: derived data and validation.

The derived graph after any sequence of ingests, replacements and removals must be the one a
from-scratch recomputation gives, and validating the nodes one report touches must say what a
full validation says about them.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import asdict, replace
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import RSL, make_record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cislib.errors import StoreError
from cislib.extract.record import Entity, Participant, Span
from cislib.graph import store as store_module
from cislib.graph.build import build_report_quads
from cislib.graph.store import DERIVE_UPDATE, GraphStore
from cislib.graph.terms import DERIVED_GRAPH
from cislib.graph.validation import report_nodes, validate_nodes, validate_report, validate_store
from cislib.identifiers import mint

#: A country minted from reports (not in the reference data): typing it in one report changes
#: whether it counts as an attendee of events told about in other reports.
ATLANTIS = mint("country", "atlantis")
NAMES = ("Ivan Petrov", "Ivan Petrovich Petrov", "Иван Петров", "I. Petrov")
ROLES = ("speaker", "organizer", "host", "participant")


def variant(file: str, name: int, role: int, country: bool, language: str):
    """A small record; its knobs move labels, shortcuts and the country rule."""
    person = NAMES[name]
    text = (
        f"On 16 June 2022 the Russian State Library in Moscow hosted a seminar. "
        f"{person}, director, spoke for Uzbekistan. 50 participants attended. "
        f"Atlantis came too. Variant {file} {name} {role} {country} {language}."
    )
    record = make_record(file, text=text, person=person)
    for entity in record.entities:
        if entity.type == "Person":
            entity.language = language
    event = record.events[0]
    start = text.index("Atlantis")
    atlantis = Span(start, start + len("Atlantis"), "Atlantis")
    participants = [replace(event.participants[0], role=ROLES[role]), *event.participants[1:]]
    participants.append(Participant(ATLANTIS, "participant", None, atlantis))
    record.events[0] = replace(event, participants=participants)
    if country:
        record.entities.append(Entity(ATLANTIS, "Country", "Atlantis", False, [atlantis], "en"))
    return record


def derived(store: GraphStore) -> frozenset[ox.Triple]:
    """The derived graph's triples. It has no blank nodes, so two derived graphs are
    isomorphic exactly when their sets of triples are equal (which is much faster to test)."""
    triples = frozenset(quad.triple for quad in store.quads(DERIVED_GRAPH))
    assert not any(isinstance(t.subject, ox.BlankNode) for t in triples)
    assert not any(isinstance(t.object, ox.BlankNode) for t in triples)
    return triples


operations = st.lists(
    st.tuples(
        st.sampled_from(["ingest", "ingest", "ingest", "remove"]),
        st.integers(0, 2),  # file
        st.integers(0, len(NAMES) - 1),
        st.integers(0, len(ROLES) - 1),
        st.booleans(),  # the report types Atlantis as a country
        st.sampled_from(["en", "ru"]),
    ),
    min_size=1,
    max_size=7,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(operations)
def test_incremental_derived_graph_equals_full_recomputation(steps):
    with tempfile.TemporaryDirectory() as tmp, GraphStore.open(Path(tmp), write=True) as store:
        store.load_base()
        stored: dict[str, str] = {}
        for action, file, name, role, country, language in steps:
            name_of_file = f"report-{file}.txt"
            if action == "remove":
                if name_of_file in stored:
                    assert store.remove_report(stored.pop(name_of_file))
            else:
                record = variant(name_of_file, name, role, country, language)
                store.ingest(record)  # replaces an earlier version of the same file
                stored[name_of_file] = record.report.iri
            incremental = derived(store)
            store._update(DERIVE_UPDATE)  # the rules, recomputed from scratch in one update
            assert incremental == derived(store), steps
            store.refresh_derived()  # the same rules, read first and written as a difference
            assert incremental == derived(store), steps


@pytest.mark.parametrize("chunk", [50_000, 7])
def test_refresh_after_a_batch_equals_the_rules_applied_in_one_update(store, monkeypatch, chunk):
    """However many transactions the refresh writes the difference in."""
    monkeypatch.setattr(store_module, "REFRESH_CHUNK", chunk)
    records = [
        variant(f"r{n}.txt", n % 4, n % 4, n % 3 == 0, "ru" if n % 2 else "en") for n in range(8)
    ]
    for record in records:
        store.ingest(record, derive=False)
    store.refresh_derived()
    refreshed = derived(store)
    assert len(refreshed) > 10
    store._update(DERIVE_UPDATE)
    assert refreshed == derived(store)
    store.remove_report(records[0].report.iri)
    store.ingest(variant("r1.txt", 3, 2, True, "en"), derive=False)  # a replacement, not derived
    store.refresh_derived()
    refreshed = derived(store)
    store._update(DERIVE_UPDATE)
    assert refreshed == derived(store)


def test_a_refresh_cut_short_runs_again_when_the_store_is_next_opened(store_path, monkeypatch):
    """The refresh writes in several transactions; one that fails leaves the derived graph
    marked pending, and the next writer to open the store completes it."""
    monkeypatch.setattr(store_module, "REFRESH_CHUNK", 5)
    with GraphStore.open(store_path, write=True) as store:
        store.load_base()
        for n in range(3):
            store.ingest(variant(f"r{n}.txt", n, n, n == 0, "en"), derive=False)
        written = []

        def extend_then_fail(quads):
            if written:
                raise StoreError("the disk is full")
            written.append(quads)
            store._store.extend(quads)

        monkeypatch.setattr(store, "_extend", extend_then_fail)
        with pytest.raises(StoreError, match="disk is full"):
            store.refresh_derived()
        assert (store_path / store_module.PENDING_MARKER).exists()
    monkeypatch.undo()
    with GraphStore.open(store_path, write=True) as store:
        assert not (store_path / store_module.PENDING_MARKER).exists()
        refreshed = derived(store)
        store._update(DERIVE_UPDATE)
        assert refreshed == derived(store)


def test_each_ingest_is_one_update(store):
    sent = []
    write = store._update

    def spy(request):
        sent.append(request)
        write(request)

    store._update = spy
    store.ingest(variant("a.txt", 0, 0, True, "en"))
    store.ingest(variant("a.txt", 1, 1, False, "ru"))  # a replacement
    assert len(sent) == 2
    assert "DROP SILENT GRAPH" in sent[1] and "INSERT DATA" in sent[1]


def test_derived_update_is_narrowed_to_the_report(store):
    """An ingest recomputes only the labels and shortcuts of what the report names."""
    first = variant("a.txt", 0, 0, False, "en")
    store.ingest(first)
    other = make_record("b.txt", person="Anna Ivanova")
    labels, events, _people = store._derive_scope(build_report_quads(other), [], [])
    event = ox.NamedNode(other.events[0].iri)
    # the person, the post role and the event it names, and the report (by its title); not
    # the reference library, not the other report's event
    named = {
        ox.NamedNode(mint(kind, key))
        for kind, key in [("person", "petrov-i"), ("role", "director")]
    }
    assert labels == named | {event, ox.NamedNode(other.report.iri)}
    assert events == {event}
    assert ox.NamedNode(first.events[0].iri) not in labels | events


def with_library(file: str, country: str | None):
    """A report whose seminar a library minted from reports took part in; with ``country``,
    the report also says which country the library is in."""
    text = (
        "On 16 June 2022 the Russian State Library in Moscow hosted a seminar. "
        f"Ivan Petrov, director, spoke for Uzbekistan. 50 participants attended. "
        f"The Atlantis City Library took part. Told in {file}."
    )
    record = make_record(file, text=text)
    start = text.index("Atlantis City Library")
    span = Span(start, start + len("Atlantis City Library"), "Atlantis City Library")
    library = mint("library", "atlantis-city-library")
    record.entities.append(
        Entity(library, "Library", "Atlantis City Library", False, [span], "en", country=country)
    )
    event = record.events[0]
    participants = [*event.participants, Participant(library, "participant", None, span)]
    record.events[0] = replace(event, participants=participants)
    return record


def involved(store: GraphStore, record) -> set[str]:
    event = ox.NamedNode(record.events[0].iri)
    involves = ox.NamedNode("https://w3id.org/cislib/def#involvesCountry")
    return {q.object.value for q in store.oxigraph.quads_for_pattern(event, involves, None, None)}


def test_a_country_stated_in_one_report_reaches_the_events_of_another(store):
    """The countries an event involves follow a participant's country stated elsewhere, as it
    comes and goes, and the update stays equal to a full recomputation."""
    first = with_library("a.txt", None)
    store.ingest(first)
    before = involved(store, first)
    assert mint("country", "uz") in before and ATLANTIS not in before
    second = with_library("b.txt", ATLANTIS)
    store.ingest(second)
    assert involved(store, first) == before | {ATLANTIS}
    incremental = derived(store)
    store._update(DERIVE_UPDATE)
    assert incremental == derived(store)
    store.remove_report(second.report.iri)
    assert involved(store, first) == before
    incremental = derived(store)
    store._update(DERIVE_UPDATE)
    assert incremental == derived(store)


def tallies(store: GraphStore, kind: str = "Country") -> dict[tuple[str, str, int | None], int]:
    """The derived country (or library) cooperation tallies: (a, b, year) -> events."""
    rows = store.query(
        f"""PREFIX cis: <https://w3id.org/cislib/def#>
        SELECT ?a ?b ?year ?events WHERE {{
          ?t a cis:{kind}Cooperation ; cis:partner{kind} ?a , ?b ; cis:eventCount ?events
          FILTER(STR(?a) < STR(?b)) OPTIONAL {{ ?t cis:year ?year }} }}"""
    )
    return {
        (r["a"].value, r["b"].value, int(r["year"].value) if r["year"] else None): int(
            r["events"].value
        )
        for r in rows
    }


def associated(store: GraphStore, person: str) -> set[str]:
    link = ox.NamedNode("https://w3id.org/cislib/def#associatedCountry")
    return {
        q.object.value
        for q in store.oxigraph.quads_for_pattern(ox.NamedNode(person), link, None, None)
    }


def dated(record, start: str | None):
    """The record with its event moved to ``start`` (undated with None)."""
    record.events[0] = replace(record.events[0], start=start, end=start)
    return record


def test_tallies_count_each_pair_per_year_and_follow_every_change(store):
    """Ingests, a replacement that moves an event to another year or leaves it undated, and
    removals move the tallies by exactly the events concerned, as a recomputation says."""
    ru, uz = mint("country", "ru"), mint("country", "uz")
    pair_2022, pair_2023, pair_undated = (ru, uz, 2022), (ru, uz, 2023), (ru, uz, None)
    first = variant("a.txt", 0, 0, False, "en")
    store.ingest(first)
    assert tallies(store)[pair_2022] == 1
    store.ingest(variant("b.txt", 1, 1, False, "ru"))
    assert tallies(store)[pair_2022] == 2
    store.ingest(dated(variant("b.txt", 1, 1, False, "ru"), "2023-02-01"))  # a replacement
    assert tallies(store)[pair_2022] == 1 and tallies(store)[pair_2023] == 1
    store.ingest(dated(variant("b.txt", 1, 1, False, "ru"), None))
    assert pair_2023 not in tallies(store) and tallies(store)[pair_undated] == 1
    incremental = derived(store)
    store._update(DERIVE_UPDATE)
    assert incremental == derived(store)
    store.remove_report(first.report.iri)
    assert pair_2022 not in tallies(store) and tallies(store)[pair_undated] == 1
    # every tally that is left is positive, and a pair is counted under one order only
    assert all(n > 0 for n in tallies(store).values())
    assert not any((b, a, y) in tallies(store) for a, b, y in tallies(store))


def joined_by_library(record, library: str, typed: bool = True):
    """The record with ``library`` taking part in its event (and typed a library by it)."""
    event = record.events[0]
    hosted = event.participants[1].evidence
    participant = Participant(library, "participant", None, hosted)
    record.events[0] = replace(event, participants=[*event.participants, participant])
    if typed:
        record.entities.append(Entity(library, "Library", "A library", False, [hosted], "en"))
    return record


def test_library_tallies_count_each_pair_per_year_and_follow_every_change(store):
    """The pair of the host (the RSL, venue) and a library taking part, per year; a report
    replaced or removed takes its events off, and a node that becomes a library in one report
    joins the pairs of the events of others."""
    belarus, minted = mint("library", "national-library-of-belarus"), mint("library", "x-lib")
    pair = tuple(sorted((RSL, belarus)))

    def check(expected):
        assert tallies(store, "Library") == expected
        incremental = derived(store)
        store._update(DERIVE_UPDATE)
        assert incremental == derived(store)
        store.refresh_derived()
        assert incremental == derived(store)

    check({})
    first = joined_by_library(variant("a.txt", 0, 0, False, "en"), belarus)
    store.ingest(first)
    check({(*pair, 2022): 1})
    store.ingest(joined_by_library(variant("b.txt", 1, 1, False, "en"), belarus))
    check({(*pair, 2022): 2})
    store.ingest(variant("b.txt", 1, 1, False, "en"))  # the replacement names no second library
    check({(*pair, 2022): 1})
    # a node that no report types as a library counts once one does
    store.ingest(joined_by_library(variant("c.txt", 2, 2, False, "en"), minted, typed=False))
    check({(*pair, 2022): 1})
    store.ingest(joined_by_library(variant("d.txt", 3, 3, False, "ru"), minted))
    with_minted = {(*sorted((RSL, minted)), 2022): 2}
    check({(*pair, 2022): 1, **with_minted})
    store.remove_report(first.report.iri)
    check(with_minted)


def sort_keys(store) -> dict:
    """Event IRI -> its cis:sortKey in the derived graph."""
    rows = store.query(
        "SELECT ?event ?key WHERE { GRAPH ?g { ?event <https://w3id.org/cislib/def#sortKey> ?key }"
        f" FILTER(?g = <{DERIVED_GRAPH.value}>) }}"
    )
    return {row["event"].value: Decimal(row["key"].value) for row in rows}


def test_sort_keys_order_events_by_start_then_end_and_follow_a_replacement(store):
    """Undated events last, an event without an end before those on its start date with one,
    the start year readable from the key, events on the same dates apart by their hashes; a
    replacement that moves the dates moves the key."""
    dates = {"a": ("2022-06-16", "2022-06-18"), "b": ("2022-06-16", None), "c": (None, None),
             "d": ("2021-12-31", "2022-01-02"), "e": (None, None)}  # fmt: skip
    events = {}
    for name, (start, end) in dates.items():
        record = variant(f"{name}.txt", 0, 0, False, "en")
        record.events[0] = replace(record.events[0], start=start, end=end)
        store.ingest(record)
        events[record.events[0].iri] = name
    keys = sort_keys(store)
    order = [events[e] for e in sorted(keys, key=keys.get)]
    assert order[:3] == ["d", "b", "a"] and set(order[3:]) == {"c", "e"}
    # two undated events get keys of their own, the hash going on after the point
    undated = [key for e, key in keys.items() if events[e] in "ce"]
    assert undated[0] != undated[1] and all(key != int(key) for key in undated)
    year = {events[e]: int(key // 10**15) for e, key in keys.items()}
    assert year["d"] == 2021 and year["a"] == year["b"] == 2022
    moved = variant("d.txt", 0, 0, False, "en")
    moved.events[0] = replace(moved.events[0], start="2030-01-01", end=None)
    store.ingest(moved)
    keys = sort_keys(store)
    assert [events[e] for e in sorted(keys, key=keys.get)][:3] == ["b", "a", "d"]
    incremental = derived(store)
    store._update(DERIVE_UPDATE)
    assert incremental == derived(store)


def test_a_person_is_associated_with_the_countries_of_posts_and_of_whom_they_spoke_for(store):
    record = make_record("a.txt", person="Anna Ivanova")  # director at the RSL, spoke for UZ
    person = next(e.iri for e in record.entities if e.type == "Person")
    store.ingest(record)
    assert associated(store, person) == {mint("country", "ru"), mint("country", "uz")}
    record.events[0] = replace(
        record.events[0],
        participants=[replace(p, on_behalf_of=None) for p in record.events[0].participants],
    )
    store.ingest(record)  # the same report, now without whom she spoke for
    assert associated(store, person) == {mint("country", "ru")}
    belarus_library = mint("library", "national-library-of-belarus")
    record.events[0] = replace(
        record.events[0],
        participants=[
            replace(p, on_behalf_of=belarus_library) for p in record.events[0].participants
        ],
    )
    store.ingest(record)  # now she spoke for a library: its country counts
    assert associated(store, person) == {mint("country", "ru"), mint("country", "by")}
    incremental = derived(store)
    store.refresh_derived()  # the rules over the whole store, read: the same
    assert incremental == derived(store)
    store.remove_report(record.report.iri)
    assert associated(store, person) == set()


def node_count(store: GraphStore, cls: str) -> int:
    counts = store.oxigraph.quads_for_pattern(
        ox.NamedNode(cls), ox.NamedNode("https://w3id.org/cislib/def#nodeCount"), None, None
    )
    return sum(int(q.object.value) for q in counts)


def kinds(store, node: str) -> set[int]:
    """The places of a node's kinds in the node listing, read from its cis:kindKey values."""
    rows = store.query(
        f"SELECT ?key WHERE {{ GRAPH <{DERIVED_GRAPH.value}> {{ <{node}> "
        "<https://w3id.org/cislib/def#kindKey> ?key } }"
    )
    return {int(Decimal(row["key"].value)) for row in rows}


def test_class_counts_move_only_when_a_node_gains_or_loses_a_class(store):
    """And the node's kind keys with them (a country is the second kind of node-places)."""
    country = "https://schema.org/Country"
    before = node_count(store, country)
    assert kinds(store, ATLANTIS) == set()
    first = variant("a.txt", 0, 0, True, "en")  # types Atlantis as a country
    store.ingest(first)
    assert node_count(store, country) == before + 1
    assert kinds(store, ATLANTIS) == {2}
    second = variant("b.txt", 1, 1, True, "ru")  # says so again: still one node
    store.ingest(second)
    assert node_count(store, country) == before + 1
    store.remove_report(first.report.iri)
    assert node_count(store, country) == before + 1
    store.ingest(variant("b.txt", 1, 1, False, "ru"))  # the replacement no longer says so
    assert node_count(store, country) == before
    assert kinds(store, ATLANTIS) == set()
    incremental = derived(store)
    store._update(DERIVE_UPDATE)
    assert incremental == derived(store)


def bad_record(file: str = "bad.txt"):
    """A report that breaks core rules and a SHACL-SPARQL rule at once."""
    record = make_record(file, person="Olga Smirnova")
    event = record.events[0]
    record.events[0] = replace(
        event,
        start="2022-06-16",
        end="2022-06-01",  # EventShape-endNotBeforeStart (SHACL-SPARQL)
        participants=[
            *event.participants,
            # an agent that is nothing in the graph (ParticipationShape-agent, sh:or of classes)
            Participant(mint("person", "nobody-n"), "guest", None, event.participants[0].evidence),
        ],
    )
    record.quantities[0] = replace(record.quantities[0], value=0)  # sh:minExclusive 0
    return record


def as_dicts(problems):
    return [asdict(p) for p in problems]


def test_a_good_report_conforms_both_ways(store):
    good = make_record("good.txt")
    result = store.ingest(good)
    assert validate_store(store).conforms
    assert validate_report(store, good.report.iri).conforms
    assert validate_nodes(store, result.touched).conforms


def test_incremental_verdict_on_a_bad_report_equals_the_full_one(store):
    store.ingest(make_record("good.txt"))
    bad = bad_record()
    result = store.ingest(bad)
    full = validate_store(store)
    assert not full.conforms
    nodes = {n.value for n in report_nodes(store, bad.report.iri)}
    expected = [p for p in full.problems if p.node in nodes]
    messages = " ".join(p.message for p in expected)
    assert "end date is before the start date" in messages  # SHACL-SPARQL
    assert "greater than zero" in messages  # core, a value test
    assert "participant" in messages  # core, sh:or of classes
    incremental = validate_report(store, bad.report.iri)
    assert not incremental.conforms
    assert as_dicts(incremental.problems) == as_dicts(expected)
    touched = validate_nodes(store, result.touched)
    assert as_dicts(touched.problems) == as_dicts(
        [p for p in full.problems if p.node in set(result.touched)]
    )


def test_touched_nodes_cover_a_replaced_version(store):
    first = make_record("a.txt", person="Ivan Petrov")
    store.ingest(first)
    corrected = make_record("a.txt", person="Ivan Sidorov")
    result = store.ingest(corrected)
    assert result.replaced == (first.report.iri,)
    assert first.events[0].iri in result.touched  # named only by the dropped version
    assert corrected.events[0].iri in result.touched


def test_a_class_change_touches_the_nodes_pointing_at_the_node(store):
    """A report that gives a node a new class can settle other reports' sh:class checks."""
    record = make_record("a.txt")
    event = record.events[0]
    record.events[0] = replace(
        event,
        participants=[
            *event.participants,
            Participant(ATLANTIS, "guest", None, event.participants[0].evidence),
        ],
    )
    store.ingest(record)
    participation = next(
        q.subject.value
        for q in store.quads()
        if q.predicate.value.endswith("#agent") and q.object.value == ATLANTIS
    )
    assert not validate_nodes(store, [participation]).conforms  # Atlantis is nothing yet
    text = "Atlantis is a country."
    sha = hashlib.sha256(text.encode()).hexdigest()
    typing = make_record("atlantis.txt")
    typing.entities = [Entity(ATLANTIS, "Country", "Atlantis", False, [Span(0, 8, "Atlantis")])]
    typing.events, typing.posts, typing.quantities = [], [], []
    typing.report = replace(
        typing.report, iri=mint("report", sha[:16]), sha256=sha, characters=len(text)
    )
    result = store.ingest(typing)
    assert participation in result.touched
    assert validate_nodes(store, result.touched).problems == [
        p for p in validate_store(store).problems if p.node in set(result.touched)
    ]
