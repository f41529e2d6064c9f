"""The embedded store: an on-disk Oxigraph database, one named graph per report.

Layout of a store folder::

    <store>/oxigraph/   the Oxigraph (RocksDB) database
    <store>/lock        taken exclusively by the one writer, shared by readers
    <store>/derived-pending
                        present while reports written without their derived data (a batch)
                        wait for ``refresh_derived()``; a writer opening the store finds it
                        after a crash and derives then

Every write is one transaction, a SPARQL Update request (or, for a new report of a batch, one
``extend`` of its quads): a report's graph is replaced (old version dropped, new quads
inserted, the derived data it affects updated) completely or not at all.
"""

from __future__ import annotations

import fcntl
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from cislib.errors import StoreError, StoreInUseError
from cislib.extract.record import ExtractionRecord
from cislib.graph.build import build_report_quads
from cislib.graph.terms import (
    DERIVED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    SYSTEM_GRAPHS,
    node,
    text,
)
from cislib.ontology import CIS, ORG, PROV, SCHEMA, SKOS, ontology_text
from cislib.seeds import reference_files

STORE_ENV = "CISLIB_STORE"
#: The file in a store folder that says a batch's derived data is still to be computed.
PENDING_MARKER = "derived-pending"
#: How many quads ``refresh_derived`` writes (or removes) in one transaction.
REFRESH_CHUNK = 50_000

_TYPE = node(RDF.type)
_ALT_LABEL = node(SKOS.altLabel)
#: The predicates a node's names are given by (its labels and its name keys derive from them).
_NAMES = (_ALT_LABEL, node(SKOS.prefLabel), node(SCHEMA.name))
_EVENT = node(CIS.event)
_AGENT = node(PROV.agent)
_COUNTRY = node(SCHEMA.Country)
_LIBRARY = node(SCHEMA.Library)
_EVENT_CLASS = node(SCHEMA.Event)
_COUNTRY_OF = node(CIS.country)
_ON_BEHALF_OF = node(CIS.onBehalfOf)
_LOCATION = node(SCHEMA.location)
_VENUE = node(CIS.venue)
_PERSON = node(SCHEMA.Person)
_MEMBER = node(ORG.member)
_ORGANIZATION = node(ORG.organization)
_INTEGER = node(XSD.integer)
_DECIMAL = node(XSD.decimal)

#: Prefixes available to every update this module sends (a prologue may only open a request).
UPDATE_PREFIXES = {
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "cis": str(CIS),
    "prov": str(PROV),
    "org": str(ORG),
}


#: The IRI of the tally of the events two countries (?a, ?b) were both involved in, in one
#: year (?year; unbound for undated events): minted by SPARQL, so reads and updates agree.
TALLY_NODE = (
    'IRI(CONCAT("https://w3id.org/cislib/id/cooperation/", '
    'MD5(CONCAT(STR(?a), " ", STR(?b), " ", COALESCE(STR(?year), "")))))'
)
#: The same for two libraries.
LIBRARY_TALLY_NODE = (
    'IRI(CONCAT("https://w3id.org/cislib/id/library-cooperation/", '
    'MD5(CONCAT(STR(?a), " ", STR(?b), " ", COALESCE(STR(?year), "")))))'
)


def hash_digits(text: str) -> str:
    """The SPARQL expression of the decimal digits of the MD5 of ``text`` (an expression
    giving a string), padded with zeros to at least eighteen: the derived sort keys' hashes,
    which keep nodes that tie on everything else in one fixed order.

    Example:
        >>> hash_digits("STR(?event)")
        'CONCAT(REPLACE(MD5(STR(?event)), "[a-f]", ""), "000000000000000000")'
    """
    return f'CONCAT(REPLACE(MD5({text}), "[a-f]", ""), "{"0" * 18}")'


#: ``cis:pairKey`` of a library tally: eighteen digits of the MD5 of its two libraries (?a,
#: ?b) after a decimal point, the same for every year of the pair, so that the library
#: cooperation listing sums and sorts the pairs by one number (two pairs with the same
#: eighteen digits, about one chance in five billion at 21,000 pairs, would be summed as one).
_PAIR = 'CONCAT(STR(?a), " ", STR(?b))'
PAIR_KEY = f'{_DECIMAL}(CONCAT("0.", SUBSTR({hash_digits(_PAIR)}, 1, 18)))'


def involvement_select(event_values: str = "") -> str:
    """SELECT of the countries each event involves (``?event ?country``), by the rules.

    A country took part (as agent or on whose behalf someone took part), one of its libraries
    or organisations did, or the event was held in one of its cities or libraries. A node
    named in many reports has its country and type stated in each: each pair comes once.
    """
    return f"""SELECT DISTINCT ?event ?country WHERE {{ {event_values}
  {{ GRAPH ?g {{ ?event a schema:Event ; schema:location|cis:venue ?place }}
     GRAPH ?h {{ ?place cis:country ?country }} }}
  UNION {{ GRAPH ?g {{ ?p cis:event ?event ; prov:agent|cis:onBehalfOf ?country }}
           FILTER EXISTS {{ GRAPH ?h {{ ?country a schema:Country }} }} }}
  UNION {{ GRAPH ?g {{ ?p cis:event ?event ; prov:agent|cis:onBehalfOf ?agent }}
           GRAPH ?h {{ ?agent cis:country ?country }} }}
}}"""


#: ``cis:sortKey`` of an event: its start date as a number (YYYYMMDD, 90000000 when it has
#: none), its end date (0 when none) and eighteen digits of its IRI's MD5, in one xsd:decimal.
SORT_KEY_START = 100_000_000_000
SORT_KEY_END = 1_000
SORT_KEY_UNDATED = 90_000_000


def sort_key_select(event_values: str = "") -> str:
    """SELECT of each event's ``cis:sortKey`` (``?event ?key``): one number ordering events
    by start date (undated ones last), then end date (none first), then a hash of the IRI.

    A listing sorts 30,000 events by it in milliseconds, where Oxigraph compares the IRIs of
    events on the same dates by reading them from disk. The hash takes eighteen digits (three
    before the point, fifteen after it), so that two events on the same dates, undated ones
    too, practically never tie and their IRIs are not compared. With several start or end
    dates (which the shapes refuse) the smallest key counts. Example: an event from
    2024-05-14 to 2024-05-16 gets 2024051420240516xyz.abcdefghijklmno, its digits from x on
    those of the MD5 of its IRI.
    """
    date = '"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"'
    return f"""SELECT ?event (MIN(?one_key) AS ?key) WHERE {{
  {{ SELECT DISTINCT ?event WHERE {{ {event_values} GRAPH ?g {{ ?event a schema:Event }} }} }}
  OPTIONAL {{ SELECT DISTINCT ?event ?start WHERE {{ {event_values}
    GRAPH ?h {{ ?event schema:startDate ?start }} }} }}
  OPTIONAL {{ SELECT DISTINCT ?event ?end WHERE {{ {event_values}
    GRAPH ?i {{ ?event schema:endDate ?end }} }} }}
  BIND(COALESCE(IF(REGEX(STR(?start), {date}), {_INTEGER}(REPLACE(STR(?start), "-", "")),
    {SORT_KEY_UNDATED}), {SORT_KEY_UNDATED}) AS ?start_day)
  BIND(COALESCE(IF(REGEX(STR(?end), {date}), {_INTEGER}(REPLACE(STR(?end), "-", "")), 0), 0)
    AS ?end_day)
  BIND({hash_digits("STR(?event)")} AS ?digits)
  BIND({_DECIMAL}(CONCAT(STR(?start_day * {SORT_KEY_START} + ?end_day * {SORT_KEY_END}
    + {_INTEGER}(SUBSTR(?digits, 1, 3))), ".", SUBSTR(?digits, 4, 15))) AS ?one_key)
}} GROUP BY ?event"""


def event_years_select(event_values: str = "") -> str:
    """SELECT of each event's year for the tallies (``?event ?year``): that of its earliest
    start date."""
    return f"""SELECT ?event (YEAR(MIN(?start)) AS ?year)
WHERE {{ {event_values} GRAPH ?g {{ ?event schema:startDate ?start }} }} GROUP BY ?event"""


def library_involvement_select(event_values: str = "") -> str:
    """SELECT of the libraries each event involves (``?event ?member``): its venue, the
    agents of its participations and whom they took part on behalf of, typed
    ``schema:Library``. Each pair comes once."""
    derived = f"<{DERIVED_GRAPH.value}>"
    return f"""SELECT DISTINCT ?event ?member WHERE {{ {event_values}
  {{ GRAPH ?g {{ ?event cis:venue ?member }} }}
  UNION {{ GRAPH ?g {{ ?p cis:event ?event ; prov:agent|cis:onBehalfOf ?member }}
           FILTER(?g != {derived}) }}
  FILTER EXISTS {{ GRAPH ?h {{ ?member a schema:Library }} }}
}}"""


def _country_edges_select(event_values: str = "") -> str:
    """SELECT of the derived graph's ``cis:involvesCountry`` edges (``?event ?member``)."""
    return f"""SELECT ?event (?country AS ?member) WHERE {{ {event_values}
  GRAPH <{DERIVED_GRAPH.value}> {{ ?event cis:involvesCountry ?country }} }}"""


@dataclass(frozen=True)
class Cooperation:
    """A kind of cooperation tally the derived graph keeps: for each pair of members
    (countries, libraries) and year, how many events both were involved in."""

    #: The tally's class and the property naming its two members.
    tally_class: ox.NamedNode
    partner: ox.NamedNode
    #: The SPARQL expression minting a tally's IRI from ``?a``, ``?b`` and ``?year``.
    node: str
    #: ``event_values`` -> a SELECT of the members each event involves (``?event ?member``).
    involved: Callable[[str], str]
    #: The SPARQL expression of the tally's ``cis:pairKey`` from ``?a`` and ``?b`` ('' for none).
    pair_key: str = ""

    def select(self, event_values: str = "") -> str:
        """SELECT of the tallies (``?node ?a ?b ?year ?events``, and ``?pair_key``).

        For each pair of members (``?a`` the one with the smaller IRI) and year, the number
        of events involving both; an event's year is that of its earliest start date, and
        events without one are tallied with ``?year`` unbound. With ``event_values`` only
        those events are counted.
        """
        involved = self.involved(event_values)
        key = f"BIND({self.pair_key} AS ?pair_key)" if self.pair_key else ""
        return f"""SELECT ?node ?a ?b ?year ?events ?pair_key WHERE {{
  {{ SELECT ?a ?b ?year (COUNT(?event) AS ?events) WHERE {{
    {{ SELECT DISTINCT ?event ?a ?b WHERE {{
       {{ SELECT ?event (?member AS ?a) WHERE {{ {{ {involved} }} }} }}
       {{ SELECT ?event (?member AS ?b) WHERE {{ {{ {involved} }} }} }}
       FILTER(STR(?a) < STR(?b)) }} }}
    OPTIONAL {{ {event_years_select(event_values)} }}
  }} GROUP BY ?a ?b ?year }}
  BIND({self.node} AS ?node)
  {key}
}}"""

    def insert(self, event_values: str = "") -> str:
        """The update adding the tallies of ``event_values``'s events (all: none given) to
        those of the derived graph, minting the ones that are new."""
        derived = f"<{DERIVED_GRAPH.value}>"
        key = " ; cis:pairKey ?pair_key" if self.pair_key else ""
        return f"""DELETE {{ GRAPH {derived} {{ ?node cis:eventCount ?old }} }}
INSERT {{ GRAPH {derived} {{ ?node a {self.tally_class} ; {self.partner} ?a , ?b ;
  cis:year ?year ; cis:eventCount ?total{key} }} }}
WHERE {{ {{ {self.select(event_values)} }}
  OPTIONAL {{ GRAPH {derived} {{ ?node cis:eventCount ?old }} }}
  BIND(COALESCE(?old, 0) + ?events AS ?total) }}"""

    def untally(self, counted: Iterable[dict]) -> str:
        """The update taking ``counted`` rows (of ``select``) off their tallies."""
        rows = [f"({_tally_key(r['a'], r['b'], r['year'])} {r['events']})" for r in counted]
        derived = f"<{DERIVED_GRAPH.value}>"
        return f"""DELETE {{ GRAPH {derived} {{ ?node cis:eventCount ?old }} }}
INSERT {{ GRAPH {derived} {{ ?node cis:eventCount ?left }} }}
WHERE {{ VALUES (?a ?b ?year ?events) {{ {" ".join(rows)} }}
  BIND({self.node} AS ?node)
  GRAPH {derived} {{ ?node cis:eventCount ?old }}
  BIND(?old - ?events AS ?left) }}"""


#: Countries, by the derived graph's ``cis:involvesCountry`` edges.
COUNTRY_COOPERATION = Cooperation(
    node(CIS.CountryCooperation), node(CIS.partnerCountry), TALLY_NODE, _country_edges_select
)
#: Libraries, by ``library_involvement_select``.
LIBRARY_COOPERATION = Cooperation(
    node(CIS.LibraryCooperation),
    node(CIS.partnerLibrary),
    LIBRARY_TALLY_NODE,
    library_involvement_select,
    PAIR_KEY,
)
COOPERATIONS = (COUNTRY_COOPERATION, LIBRARY_COOPERATION)


def association_select(person_values: str = "") -> str:
    """SELECT of the countries each person is associated with (``?person ?country``).

    That of an organisation they hold a post at, the country they took part on behalf of, or
    that of the organisation they took part on behalf of. Facts stated in many reports are
    matched once each (distinct subqueries), looked up per row.
    """
    derived = f"<{DERIVED_GRAPH.value}>"
    return f"""SELECT DISTINCT ?person ?country WHERE {{
  {{ SELECT DISTINCT ?person WHERE {{ {person_values} GRAPH ?g {{ ?person a schema:Person }} }} }}
  LATERAL {{
    {{ {{ SELECT DISTINCT ?person ?o WHERE {{
         GRAPH ?g {{ ?post org:member ?person }} GRAPH ?h {{ ?post org:organization ?o }} }} }}
       LATERAL {{ {{ SELECT DISTINCT ?o ?country WHERE {{
         GRAPH ?i {{ ?o cis:country ?country }} }} }} }} }}
    UNION
    {{ SELECT DISTINCT ?person ?country WHERE {{
         GRAPH ?g {{ ?p prov:agent ?person ; cis:onBehalfOf ?country }} FILTER(?g != {derived})
         FILTER EXISTS {{ GRAPH ?h {{ ?country a schema:Country }} }} }} }}
    UNION
    {{ {{ SELECT DISTINCT ?person ?o WHERE {{
         GRAPH ?g {{ ?p prov:agent ?person ; cis:onBehalfOf ?o }} FILTER(?g != {derived}) }} }}
       LATERAL {{ {{ SELECT DISTINCT ?o ?country WHERE {{
         GRAPH ?i {{ ?o cis:country ?country }} }} }} }} }}
  }}
}}"""


def name_key_select(label_values: str = "") -> str:
    """SELECT of every node's names in lower case (``?s ?key``), for finding it by name.

    The names are its ``skos:prefLabel``, ``skos:altLabel`` and ``schema:name`` in any graph but
    the derived one (whose preferred labels are among the names read), lower-cased by SPARQL's
    ``LCASE``, as the queries lower-case what they look for.
    """
    derived = f"<{DERIVED_GRAPH.value}>"
    return f"""SELECT DISTINCT ?s ?key WHERE {{ {label_values}
  GRAPH ?g {{ ?s skos:prefLabel|skos:altLabel|schema:name ?name }} FILTER(?g != {derived})
  BIND(LCASE(STR(?name)) AS ?key)
}}"""


#: The kinds of node the node listing (``node-places``) gives, in its order, each with the
#: class its nodes have (an organisation is one that is no library: ``kind_key_select``).
NODE_KINDS = (
    ("city", SCHEMA.City),
    ("country", SCHEMA.Country),
    ("event", SCHEMA.Event),
    ("library", SCHEMA.Library),
    ("organization", ORG.Organization),
    ("person", SCHEMA.Person),
)
_KIND_CLASSES = {node(cls) for _, cls in NODE_KINDS}


def kind_key_select(node_values: str = "") -> str:
    """SELECT of each node's ``cis:kindKey`` (``?node ?key``), one per kind it has: the kind's
    place in ``NODE_KINDS`` (from 1) before the decimal point, eighteen digits of the MD5 of
    its IRI after it.

    The node listing sorts 50,000 nodes by it in milliseconds, where sorting them by kind and
    IRI would read every IRI from disk. Types stated in the ontology and the derived graph do
    not count, and a node typed ``schema:Library`` is listed as a library only, not as an
    organisation too. Example: a library gets 4.xxxxxxxxxxxxxxxxxx.
    """
    skipped = f"<{ONTOLOGY_GRAPH.value}>, <{DERIVED_GRAPH.value}>"
    kinds = " ".join(f"(<{cls}> {place})" for place, (_, cls) in enumerate(NODE_KINDS, 1))
    return f"""SELECT ?node ?key WHERE {{
  {{ SELECT DISTINCT ?node ?place WHERE {{ {node_values}
     VALUES (?class ?place) {{ {kinds} }}
     GRAPH ?g {{ ?node a ?class }} FILTER(?g NOT IN ({skipped})) }} }}
  FILTER(?place != 5 || NOT EXISTS {{ GRAPH ?h {{ ?node a schema:Library }}
    FILTER(?h NOT IN ({skipped})) }})
  BIND({hash_digits("STR(?node)")} AS ?digits)
  BIND({_DECIMAL}(CONCAT(STR(?place), ".", SUBSTR(?digits, 1, 18))) AS ?key)
}}"""


def node_count_select() -> str:
    """SELECT of how many distinct nodes each class has (``?class ?nodes``): typed in the
    reference data, a report or a loaded graph (not by the ontology or the derived graph)."""
    skipped = f"<{ONTOLOGY_GRAPH.value}>, <{DERIVED_GRAPH.value}>"
    return f"""SELECT ?class (COUNT(DISTINCT ?node) AS ?nodes) WHERE {{
  GRAPH ?g {{ ?node a ?class }} FILTER(?g NOT IN ({skipped}))
}} GROUP BY ?class"""


#: ``association_select``'s rule over the whole store, each pattern a subquery that Oxigraph
#: hash-joins with the others (its per-person lookups suit the few people of one report).
ALL_ASSOCIATIONS = """SELECT DISTINCT ?person ?country WHERE {
  { SELECT DISTINCT ?person WHERE { GRAPH ?g { ?person a schema:Person } } }
  { { SELECT DISTINCT ?post ?person WHERE { GRAPH ?g { ?post org:member ?person } } }
    { SELECT DISTINCT ?post ?o WHERE { GRAPH ?g { ?post org:organization ?o } } }
    { SELECT DISTINCT ?o ?country WHERE { GRAPH ?g { ?o cis:country ?country } } } }
  UNION
  { { SELECT DISTINCT ?p ?person WHERE { GRAPH ?g { ?p prov:agent ?person } } }
    { SELECT DISTINCT ?p ?o WHERE { GRAPH ?g { ?p cis:onBehalfOf ?o } } }
    { { SELECT DISTINCT ?o ?country WHERE { GRAPH ?g { ?o cis:country ?country } } }
      UNION { SELECT DISTINCT ?o (?o AS ?country) WHERE { GRAPH ?g { ?o a schema:Country } } } } }
}"""


#: ``library_involvement_select``'s rule over the whole store, hash-joined (its per-row type
#: test suits the few events of one report).
ALL_LIBRARY_INVOLVEMENTS = f"""SELECT DISTINCT ?event ?member WHERE {{
  {{ {{ SELECT DISTINCT ?event ?member WHERE {{ GRAPH ?g {{ ?event cis:venue ?member }} }} }}
     UNION {{ SELECT DISTINCT ?event ?member WHERE {{
       GRAPH ?g {{ ?p cis:event ?event ; prov:agent|cis:onBehalfOf ?member }}
       FILTER(?g != <{DERIVED_GRAPH.value}>) }} }} }}
  {{ SELECT DISTINCT ?member WHERE {{ GRAPH ?h {{ ?member a schema:Library }} }} }}
}}"""


def derive_update(
    labels: Iterable[ox.NamedNode] | None = None,
    events: Iterable[ox.NamedNode] | None = None,
    people: Iterable[ox.NamedNode] | None = None,
    counted: Mapping[Cooperation, Iterable[dict]] | None = None,
    counts: dict[ox.NamedNode, int] | None = None,
    kinds: Iterable[ox.NamedNode] | None = None,
) -> str:
    """SPARQL Update that recomputes the derived graph, whole or for some nodes only.

    The derived graph holds a preferred label per language for nodes minted from reports (the
    longest name read, the smallest in code-point order on a tie), every node's names in lower
    case (``cis:nameKey``, ``name_key_select``), the schema.org shortcut
    triples implied by participations, the countries each event involves
    (``cis:involvesCountry``, ``involvement_select``), the countries each person is associated
    with (``cis:associatedCountry``, ``association_select``), for every pair of countries
    and year, a ``cis:CountryCooperation`` tally of the events both were involved in, and for
    every pair of libraries and year a ``cis:LibraryCooperation`` tally
    (``COOPERATIONS``), how many nodes each class has (``cis:nodeCount``,
    ``node_count_select``) and each node's kinds in the node listing's order (``cis:kindKey``,
    ``kind_key_select``). With no arguments it is rebuilt from scratch.

    Given ``labels``, ``events`` and ``people``, only the preferred labels of those nodes, the
    shortcuts and involved countries of those events and the countries of those people are
    dropped and recomputed from all graphs: the same rules, narrowed by VALUES, so the result
    is the one a full recomputation gives for them. The tallies are updated by difference:
    ``counted`` maps each ``Cooperation`` to the rows of its ``select`` for the same events
    read before the update (what they added to the tallies); they are taken off, and the
    events' new rows added. The node counts are updated by difference too: ``counts`` maps a
    class to the number of nodes it gains (or, negative, loses). The kind keys of the nodes
    ``kinds`` (those whose classes change) are dropped and recomputed.
    """
    full = labels is None and events is None and people is None and counts is None
    full = full and kinds is None
    derived, reference = f"<{DERIVED_GRAPH.value}>", f"<{REFERENCE_GRAPH.value}>"
    label_values = _values("?s", labels)
    event_values = _values("?event", events)
    person_values = _values("?person", people)
    kind_values = _values("?node", kinds)
    parts = []
    if full:
        parts.append(f"DROP SILENT GRAPH {derived}")
    if full or label_values:
        if not full:
            parts.append(_forget(label_values, "?s skos:prefLabel"))
        parts.append(f"""INSERT {{ GRAPH {derived} {{ ?s skos:prefLabel ?label }} }}
WHERE {{
  {{ SELECT ?s ?lang (MAX(STRLEN(STR(?l))) AS ?longest)
     WHERE {{ {label_values} GRAPH ?g {{ ?s skos:altLabel ?l }}
             FILTER(?g != {reference}) BIND(LANG(?l) AS ?lang) }}
     GROUP BY ?s ?lang }}
  {{ SELECT ?s ?lang ?length (MIN(STR(?l)) AS ?name)
     WHERE {{ {label_values} GRAPH ?g {{ ?s skos:altLabel ?l }}
             FILTER(?g != {reference})
             BIND(LANG(?l) AS ?lang) BIND(STRLEN(STR(?l)) AS ?length) }}
     GROUP BY ?s ?lang ?length }}
  FILTER(?length = ?longest && ?lang != "")
  FILTER NOT EXISTS {{ GRAPH {reference} {{ ?s skos:prefLabel ?any }} }}
  BIND(STRLANG(?name, ?lang) AS ?label)
}}""")
        parts += _rederived(full, label_values, "?s cis:nameKey ?key", name_key_select)
    if full or event_values:
        if not full:
            for cooperation, rows in (counted or {}).items():
                if rows:
                    parts.append(cooperation.untally(rows))
            parts.append(
                f"DELETE {{ GRAPH {derived} {{ ?event ?shortcut ?agent }} }}\n"
                f"WHERE {{ {event_values} VALUES ?shortcut "
                "{ schema:organizer schema:attendee cis:involvesCountry cis:sortKey }"
                f" GRAPH {derived} {{ ?event ?shortcut ?agent }} }}"
            )
        parts.append(
            f"INSERT {{ GRAPH {derived} {{ ?event cis:involvesCountry ?country }} }}\n"
            f"WHERE {{ {{ {involvement_select(event_values)} }} }}"
        )
        parts.append(
            f"INSERT {{ GRAPH {derived} {{ ?event cis:sortKey ?key }} }}\n"
            f"WHERE {{ {{ {sort_key_select(event_values)} }} }}"
        )
        parts.extend(cooperation.insert(event_values) for cooperation in COOPERATIONS)
        if not full:
            # a tally that fell to nothing goes, node and all
            parts.append(
                f"DELETE {{ GRAPH {derived} {{ ?node ?p ?o }} }}\n"
                f"WHERE {{ GRAPH {derived} {{ ?node cis:eventCount 0 ; ?p ?o }} }}"
            )
        parts.append(f"""INSERT {{ GRAPH {derived} {{ ?event schema:organizer ?agent }} }}
WHERE {{ {event_values}
  GRAPH ?g {{ ?p cis:event ?event ; prov:agent ?agent ; cis:role cis:roleOrganizer }} }}""")
        parts.append(f"""INSERT {{ GRAPH {derived} {{ ?event schema:attendee ?agent }} }}
WHERE {{ {event_values}
  GRAPH ?g {{ ?p cis:event ?event ; prov:agent ?agent ; cis:role ?role }}
  FILTER(?role != cis:roleOrganizer && ?role != cis:roleHost)
  FILTER NOT EXISTS {{ GRAPH ?any {{ ?agent a schema:Country }} }}
}}""")
    if full or kind_values:
        parts += _rederived(full, kind_values, "?node cis:kindKey ?key", kind_key_select)
    if full:
        parts.append(
            f"INSERT {{ GRAPH {derived} {{ ?class cis:nodeCount ?nodes }} }}\n"
            f"WHERE {{ {{ {node_count_select()} }} }}"
        )
    elif counts:
        changes = " ".join(f"({cls} {change})" for cls, change in sorted(counts.items(), key=str))
        parts.append(f"""DELETE {{ GRAPH {derived} {{ ?class cis:nodeCount ?old }} }}
INSERT {{ GRAPH {derived} {{ ?class cis:nodeCount ?nodes }} }}
WHERE {{ VALUES (?class ?change) {{ {changes} }}
  OPTIONAL {{ GRAPH {derived} {{ ?class cis:nodeCount ?old }} }}
  BIND(COALESCE(?old, 0) + ?change AS ?nodes) }}""")
        parts.append(f"DELETE WHERE {{ GRAPH {derived} {{ ?class cis:nodeCount 0 }} }}")
    if full or person_values:
        triple = "?person cis:associatedCountry ?country"
        parts += _rederived(full, person_values, triple, association_select)
    return " ;\n".join(parts)


def _rederived(full: bool, values: str, triple: str, select: Callable[[str], str]) -> list[str]:
    """The updates that drop what the derived graph says of the nodes a VALUES block lists with
    the predicate of ``triple`` (unless the whole graph is rebuilt: ``full``) and write it
    again from ``select(values)``, whose rows bind the triple's variables."""
    subject, predicate, _ = triple.split()
    parts = [] if full else [_forget(values, f"{subject} {predicate}")]
    parts.append(
        f"INSERT {{ GRAPH <{DERIVED_GRAPH.value}> {{ {triple} }} }}\n"
        f"WHERE {{ {{ {select(values)} }} }}"
    )
    return parts


def _forget(values: str, subject_and_predicate: str) -> str:
    """The update dropping what the derived graph says with a predicate of the nodes a VALUES
    block lists (``subject_and_predicate``: their variable and the predicate)."""
    derived = f"<{DERIVED_GRAPH.value}>"
    pattern = f"{subject_and_predicate} ?old"
    return (
        f"DELETE {{ GRAPH {derived} {{ {pattern} }} }}\n"
        f"WHERE {{ {values} GRAPH {derived} {{ {pattern} }} }}"
    )


def _tally_key(a: ox.NamedNode, b: ox.NamedNode, year: ox.Literal | None) -> str:
    """A tally's countries and year as terms of a VALUES row (``UNDEF`` for no year)."""
    return f"{a} {b} {'UNDEF' if year is None else year}"


def _values(variable: str, terms: Iterable[ox.NamedNode] | None) -> str:
    if terms is None:
        return ""
    listed = " ".join(str(t) for t in sorted(set(terms), key=str))
    return f"VALUES {variable} {{ {listed} }}" if listed else ""


#: SPARQL Update that recomputes the whole derived graph.
DERIVE_UPDATE = derive_update()


def default_store_path() -> Path:
    """Where the store lives unless ``--store`` or ``CISLIB_STORE`` says otherwise.

    ``$XDG_DATA_HOME/cislib/store``, that is ``~/.local/share/cislib/store`` by default.
    """
    if os.environ.get(STORE_ENV):
        return Path(os.environ[STORE_ENV])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "cislib" / "store"


@dataclass(frozen=True)
class IngestResult:
    """What one ingest did: the report graph written and the older versions it replaced."""

    report: str
    file: str
    triples: int
    replaced: tuple[str, ...]
    unchanged: bool
    #: The nodes whose validation the ingest may have changed: every node the new and the
    #: replaced versions mention, and, for a change of a node's classes, the nodes pointing
    #: at it. ``validation.validate_nodes(store, touched)`` checks just those.
    touched: tuple[str, ...] = ()


def _insert_data(graphs: dict[ox.NamedNode, Iterable[ox.Quad]]) -> str:
    lines = ["INSERT DATA {"]
    for graph, quads in graphs.items():
        lines.append(f"GRAPH {graph} {{")
        lines.extend(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        lines.append("}")
    lines.append("}")
    return "\n".join(lines)


class GraphStore:
    """The on-disk store. Open one writer, or any number of readers, at a time.

    Example:
        >>> with GraphStore.open(tmp_path, write=True) as store:  # doctest: +SKIP
        ...     store.load_base()
        ...     store.ingest(record)
    """

    def __init__(self, path: Path, store: ox.Store, lock_fd: int, write: bool):
        self.path = path
        self._store = store
        self._lock_fd = lock_fd
        self.write = write

    @classmethod
    def open(cls, path: str | Path | None = None, *, write: bool = False) -> GraphStore:
        """Open the store at ``path`` (default: ``default_store_path()``).

        Raises:
            StoreInUseError: another process is writing (or, for a writer, reading) it.
            StoreError: there is no store there (for a reader) or it cannot be opened.
        """
        path = Path(path) if path else default_store_path()
        data = path / "oxigraph"
        if not write and not data.is_dir():
            raise StoreError(f"no store at {path}: run 'cislib build' first")
        try:
            path.mkdir(parents=True, exist_ok=True)
            lock_fd = os.open(path / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc.strerror}") from None
        try:
            fcntl.flock(lock_fd, (fcntl.LOCK_EX if write else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(lock_fd)
            raise StoreInUseError(
                f"the store at {path} is in use by another cislib process; "
                "wait for it to finish, or use another --store"
            ) from None
        try:
            store = ox.Store(str(data)) if write else ox.Store.read_only(str(data))
        except (OSError, RuntimeError) as exc:  # RocksDB reports damage as RuntimeError
            fcntl.flock(lock_fd, fcntl.LOCK_UN)
            os.close(lock_fd)
            damaged = isinstance(exc, RuntimeError)
            advice = "; it is damaged: restore a backup or build a new one" if damaged else ""
            raise StoreError(f"cannot open the store at {path}: {exc}{advice}") from None
        opened = cls(path, store, lock_fd, write)
        if write and opened._pending_marker.exists():
            # a batch was cut off between writing its reports and deriving their data
            try:
                opened.refresh_derived()
            except BaseException:
                opened.close()
                raise
        return opened

    @property
    def _pending_marker(self) -> Path:
        return self.path / PENDING_MARKER

    def _mark_pending(self) -> None:
        """Note on disk, before writing, that the derived graph will lag behind the reports."""
        marker = self._pending_marker
        if marker.exists():
            return
        try:
            with open(marker, "wb") as handle:
                os.fsync(handle.fileno())
            directory = os.open(self.path, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
        except OSError as exc:
            raise StoreError(f"writing to the store at {self.path} failed: {exc}") from None

    def flush(self) -> None:
        """Write to disk what the database still holds in memory.

        Oxigraph's database keeps recent writes in memory until its buffers fill, which over
        a batch of thousands of reports costs gigabytes; flushing now and then keeps it small.
        """
        if self.write and self._store is not None:
            try:
                self._store.flush()
            except OSError as exc:
                raise StoreError(f"writing to the store at {self.path} failed: {exc}") from None

    def close(self) -> None:
        """Flush and release the store (released even when the flush fails).

        Raises:
            StoreError: the flush failed (a full disk): what was written before is kept.
        """
        if self._store is None:
            return
        try:
            if self.write:
                self._store.flush()
        except OSError as exc:
            raise StoreError(f"writing to the store at {self.path} failed: {exc}") from None
        finally:
            self._store = None
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            self.close()
        except StoreError:
            if kind is None:
                raise
            # Otherwise the error on its way out already says what went wrong (the same full
            # disk, as a rule): it is not hidden behind this one.

    # -- writing ------------------------------------------------------------------------

    def _update(self, request: str) -> None:
        if not self.write:
            raise StoreError("the store was opened read-only")
        try:
            self._store.update(request, prefixes=UPDATE_PREFIXES)
        except OSError as exc:
            raise StoreError(f"writing to the store at {self.path} failed: {exc}") from None

    def _extend(self, quads: list[ox.Quad]) -> None:
        if not self.write:
            raise StoreError("the store was opened read-only")
        try:
            self._store.extend(quads)
        except OSError as exc:
            raise StoreError(f"writing to the store at {self.path} failed: {exc}") from None

    def load_base(self) -> None:
        """Load (or reload) the ontology and the reference data into their graphs."""
        ontology = ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)
        reference: list[ox.Quad] = []
        for file in reference_files():
            reference.extend(ox.parse(file.read_text(encoding="utf-8"), format=ox.RdfFormat.TURTLE))
        self._update(
            f"DROP SILENT GRAPH {ONTOLOGY_GRAPH} ; DROP SILENT GRAPH {REFERENCE_GRAPH} ;\n"
            + _insert_data({ONTOLOGY_GRAPH: ontology, REFERENCE_GRAPH: reference})
            + " ;\n"
            + DERIVE_UPDATE
        )

    def ingest(
        self,
        record: ExtractionRecord,
        derive: bool = True,
        quads: list[ox.Quad] | None = None,
    ) -> IngestResult:
        """Store a record as its report's graph, replacing any earlier version of the report.

        An earlier version is a report graph with the same file name; it is dropped in the same
        SPARQL Update that writes the new one and updates the derived graph, so other reports
        are untouched and nothing is ever half-written. The derived graph is updated only for
        what changed (``derive_update``): the labels and name keys of the nodes named in the
        new or the dropped version, the shortcuts, countries and tallies of their events, the
        countries of their people and the counts of the classes their nodes gain or lose, at a
        cost that does not grow with the store. With ``derive=False`` it is left for one
        ``refresh_derived()`` after a batch; a new report is then written in one transaction
        without a SPARQL Update (``Store.extend``, about a third faster, just as atomic).

        ``quads`` are the record's quads when they were built already
        (``build_report_quads(record)``, by a worker process for instance).
        """
        graph = node(record.report.iri)
        quads = build_report_quads(record) if quads is None else quads
        older = [g for g in self.reports_by_file(record.report.file) if g != graph]
        stored = sorted(self.quads(graph), key=str)
        unchanged = not older and stored == quads
        touched: tuple[str, ...] = ()
        if not unchanged:
            dropped = [g for g in [*older, graph] if self._store.contains_named_graph(g)]
            derived = ""
            if derive:
                old_quads = [q for g in dropped for q in self.quads(g)]
                classes = self._class_changes(quads, old_quads, dropped)
                derived = self._derived_for(quads, old_quads, dropped, classes)
                touched = self._touched(quads, old_quads, classes)
            if dropped or derived:
                drops = "".join(f"DROP SILENT GRAPH {g} ;\n" for g in dropped)
                if not derive:
                    self._mark_pending()
                self._update(drops + _insert_data({graph: quads}) + derived)
            else:
                if not derive:
                    self._mark_pending()
                self._extend(quads)
        return IngestResult(
            report=record.report.iri,
            file=record.report.file,
            triples=len(quads),
            replaced=tuple(g.value for g in older),
            unchanged=unchanged,
            touched=touched,
        )

    def _derived_for(self, new: list[ox.Quad], old: list[ox.Quad], dropped, classes=None) -> str:
        """The derived graph's update for writing ``new`` and dropping ``old`` (of
        ``dropped``), to follow them in the same request ('' when nothing moves); ``classes``
        are their ``_class_changes`` when known."""
        labels, events, people = self._derive_scope(new, old, dropped)
        gained, lost = classes or self._class_changes(new, old, dropped)
        changes = Counter(cls for _, cls in gained)
        changes.subtract(cls for _, cls in lost)
        counts = {cls: change for cls, change in changes.items() if change}
        kinds = {
            n for n, cls in gained | lost if cls in _KIND_CLASSES and isinstance(n, ox.NamedNode)
        }
        # a node that becomes or stops being a library moves the library tallies of its events
        for library in {n for n, cls in gained | lost if cls == _LIBRARY}:
            events |= self._events_of(library)
        if not (labels or events or people or counts or kinds):
            return ""
        counted = {c: self._tallies(c, events) for c in COOPERATIONS} if events else None
        return " ;\n" + derive_update(labels, events, people, counted, counts, kinds)

    def _tallies(self, cooperation: Cooperation, events: Iterable[ox.NamedNode]) -> list[dict]:
        """The rows ``events`` add to a cooperation's tallies now (its ``select``)."""
        solutions = self._store.query(
            cooperation.select(_values("?event", events)), prefixes=UPDATE_PREFIXES
        )
        return [{v.value: row[v.value] for v in solutions.variables} for row in solutions]

    def _derive_scope(
        self, new: list[ox.Quad], old: list[ox.Quad], dropped: Iterable[ox.NamedNode]
    ) -> tuple[set, set, set]:
        """The nodes whose derived labels, the events whose shortcuts, involved countries and
        tallies, and the people whose associated countries the quads written (``new``) and
        dropped (``old``, from ``dropped``) move.

        Besides the events and people the quads name, a node that becomes or stops being a
        country, or gains or loses a country, changes what every event it took part in or
        hosted, and every person who holds a post at it or took part on its behalf, derives;
        those are recomputed too, but only when the fact is new to the store or leaves it: a
        library whose country each report restates moves nothing.
        """
        quads = [*new, *old]
        labels = {q.subject for q in quads if q.predicate in _NAMES}
        events = {q.object for q in quads if q.predicate == _EVENT}
        events |= {q.subject for q in quads if q.predicate == _TYPE and q.object == _EVENT_CLASS}
        # a post or a participation is stated whole in one report, with its person
        people = {q.object for q in quads if q.predicate in (_MEMBER, _AGENT)}
        people |= {q.subject for q in quads if q.predicate == _TYPE and q.object == _PERSON}
        people = {p for p in people if isinstance(p, ox.NamedNode)}
        besides = {*dropped, ONTOLOGY_GRAPH, DERIVED_GRAPH}

        def country_facts(some: list[ox.Quad]) -> set:
            return {
                (q.subject, q.predicate, q.object)
                for q in some
                if q.predicate == _COUNTRY_OF or (q.predicate == _TYPE and q.object == _COUNTRY)
            }

        # a fact both versions state moves nothing; one only written or only dropped moves
        # its subject's events unless another graph states it too
        for fact in sorted(country_facts(new) ^ country_facts(old), key=str):
            if not self._stored(*fact, besides):
                events |= self._events_of(fact[0])
                people |= self._people_of(fact[0])
        return labels, events, people

    def _stored(self, subject, predicate, obj, besides) -> bool:
        """Whether a graph other than ``besides`` states the triple (stops at the first copy:
        a fact about a node named in many reports has many)."""
        return any(
            q.graph_name not in besides
            for q in self._store.quads_for_pattern(subject, predicate, obj, None)
        )

    def _events_of(self, subject) -> set:
        """The events ``subject`` took part in (as agent or on whose behalf) or hosted."""
        events = set()
        for link in (_AGENT, _ON_BEHALF_OF):
            for part in self._store.quads_for_pattern(None, link, subject, None):
                for event in self._store.quads_for_pattern(
                    part.subject, _EVENT, None, part.graph_name
                ):
                    events.add(event.object)
        for place in (_LOCATION, _VENUE):
            events |= {q.subject for q in self._store.quads_for_pattern(None, place, subject, None)}
        return events

    def _people_of(self, subject) -> set:
        """The people holding a post at ``subject`` or who took part on its behalf."""
        people = set()
        for post in self._store.quads_for_pattern(None, _ORGANIZATION, subject, None):
            people |= {q.object for q in self._store.quads_for_pattern(post.subject, _MEMBER)}
        for part in self._store.quads_for_pattern(None, _ON_BEHALF_OF, subject, None):
            people |= {
                q.object
                for q in self._store.quads_for_pattern(part.subject, _AGENT, None, part.graph_name)
            }
        return {p for p in people if isinstance(p, ox.NamedNode)}

    def _class_changes(self, new: list[ox.Quad], old: list[ox.Quad], dropped) -> tuple[set, set]:
        """The (node, class) pairs writing ``new`` and dropping ``old`` (of ``dropped``) makes
        the store state that no graph stated (gained) and stop stating (lost); the ontology's
        and the derived graph's own types aside."""
        new_types = {(q.subject, q.object) for q in new if q.predicate == _TYPE}
        old_types = {(q.subject, q.object) for q in old if q.predicate == _TYPE}
        besides = {*dropped, ONTOLOGY_GRAPH, DERIVED_GRAPH}
        gained = {t for t in new_types - old_types if not self._stored(t[0], _TYPE, t[1], besides)}
        lost = {t for t in old_types - new_types if not self._stored(t[0], _TYPE, t[1], besides)}
        return gained, lost

    def _touched(self, new: list[ox.Quad], old: list[ox.Quad], classes) -> tuple[str, ...]:
        """The nodes the new and the dropped quads mention, and the nodes pointing at a node
        whose classes they change (``classes``: their ``_class_changes``; its class checks
        elsewhere may flip)."""
        mentioned = {q.subject for q in [*new, *old]}
        mentioned |= {
            q.object
            for q in [*new, *old]
            if isinstance(q.object, ox.NamedNode) and q.predicate != _TYPE
        }
        gained, lost = classes
        for subject in {s for s, _ in gained | lost}:
            mentioned |= {
                q.subject
                for q in self._store.quads_for_pattern(None, None, subject, None)
                if q.graph_name != ONTOLOGY_GRAPH
            }
        return tuple(sorted(n.value for n in mentioned if isinstance(n, ox.NamedNode)))

    def refresh_derived(self) -> None:
        """Recompute the derived graph (everything ``derive_update`` keeps) from scratch.

        For batches and repairs. The graph ``DERIVE_UPDATE`` would write is read first, by
        queries Oxigraph answers with hash joins and outside any transaction (inside an
        update every read also searches the pending writes, which made this take minutes on
        a large store); then what is no longer derived is removed and what is new added, in
        transactions of ``REFRESH_CHUNK`` quads: one SPARQL Update of half a million quads
        took a gigabyte to parse and hold. The derived graph is marked pending (on disk) until
        the last one is written, so an interrupted refresh runs again when the store is next
        opened for writing. This process holds the only write lock, so nothing else changes
        in between.
        """
        wanted = set(self._derived_now())
        current = set(self.quads(DERIVED_GRAPH))
        removed, added = current - wanted, wanted - current
        if removed or added:
            self._mark_pending()
        removed_in_order = sorted(removed, key=str)
        for start in range(0, len(removed_in_order), REFRESH_CHUNK):
            chunk = removed_in_order[start : start + REFRESH_CHUNK]
            self._update("DELETE" + _insert_data({DERIVED_GRAPH: chunk})[6:])
        added_in_order = sorted(added, key=str)
        for start in range(0, len(added_in_order), REFRESH_CHUNK):
            self._extend(added_in_order[start : start + REFRESH_CHUNK])
        self._pending_marker.unlink(missing_ok=True)

    def _derived_now(self) -> Iterator[ox.Quad]:
        """The derived graph's quads as ``DERIVE_UPDATE`` computes them (its rules, read)."""
        derived, reference = f"<{DERIVED_GRAPH.value}>", f"<{REFERENCE_GRAPH.value}>"
        pref_label = node(SKOS.prefLabel)
        labels = f"""
SELECT ?s ?name ?lang WHERE {{
  {{ SELECT ?s ?lang (MAX(STRLEN(STR(?l))) AS ?longest)
     WHERE {{ GRAPH ?g {{ ?s skos:altLabel ?l }} FILTER(?g != {reference} && ?g != {derived})
             BIND(LANG(?l) AS ?lang) }}
     GROUP BY ?s ?lang }}
  {{ SELECT ?s ?lang ?length (MIN(STR(?l)) AS ?name)
     WHERE {{ GRAPH ?g {{ ?s skos:altLabel ?l }} FILTER(?g != {reference} && ?g != {derived})
             BIND(LANG(?l) AS ?lang) BIND(STRLEN(STR(?l)) AS ?length) }}
     GROUP BY ?s ?lang ?length }}
  FILTER(?length = ?longest && ?lang != "")
  MINUS {{ SELECT DISTINCT ?s WHERE {{ GRAPH {reference} {{ ?s skos:prefLabel ?any }} }} }}
}}"""
        for row in self._store.query(labels, prefixes=UPDATE_PREFIXES):
            name = ox.Literal(row["name"].value, language=row["lang"].value)
            yield ox.Quad(row["s"], pref_label, name, DERIVED_GRAPH)
        name_key = node(CIS.nameKey)
        for row in self._store.query(name_key_select(), prefixes=UPDATE_PREFIXES):
            yield ox.Quad(row["s"], name_key, row["key"], DERIVED_GRAPH)
        # each participation's facts as sub-selects, hash-joined on the node and its graph
        facts = f"""
  {{ SELECT ?p ?g ?event WHERE {{ GRAPH ?g {{ ?p cis:event ?event }} FILTER(?g != {derived}) }} }}
  {{ SELECT ?p ?g ?agent WHERE {{ GRAPH ?g {{ ?p prov:agent ?agent }} }} }}
  {{ SELECT ?p ?g ?role WHERE {{ GRAPH ?g {{ ?p cis:role ?role }} }} }}"""
        shortcuts = f"""
SELECT DISTINCT ?event ?shortcut ?agent WHERE {{
  {{ {facts}
     FILTER(?role = cis:roleOrganizer) BIND(schema:organizer AS ?shortcut) }}
  UNION
  {{ {facts}
     FILTER(?role != cis:roleOrganizer && ?role != cis:roleHost)
     BIND(schema:attendee AS ?shortcut)
     MINUS {{ SELECT DISTINCT ?agent WHERE {{ GRAPH ?any {{ ?agent a schema:Country }}
                                             FILTER(?any != {derived}) }} }} }}
}}"""
        for row in self._store.query(shortcuts, prefixes=UPDATE_PREFIXES):
            yield ox.Quad(row["event"], row["shortcut"], row["agent"], DERIVED_GRAPH)
        involved = f"""SELECT DISTINCT ?event ?country WHERE {{
  {{ {{ SELECT DISTINCT ?event ?place WHERE {{
       GRAPH ?g {{ ?event a schema:Event ; schema:location|cis:venue ?place }} }} }}
     {{ SELECT DISTINCT ?place ?country WHERE {{ GRAPH ?h {{ ?place cis:country ?country }} }} }} }}
  UNION
  {{ {{ SELECT DISTINCT ?event ?agent WHERE {{
       GRAPH ?g {{ ?p cis:event ?event ; prov:agent|cis:onBehalfOf ?agent }}
       FILTER(?g != {derived}) }} }}
     {{ {{ SELECT DISTINCT ?agent ?country WHERE {{ GRAPH ?h {{ ?agent cis:country ?country }} }} }}
        UNION {{ SELECT DISTINCT ?agent (?agent AS ?country) WHERE {{
                   GRAPH ?h {{ ?agent a schema:Country }} FILTER(?h != {derived}) }} }} }} }}
}}"""
        involves = node(CIS.involvesCountry)
        countries_of = defaultdict(set)
        for row in self._store.query(involved, prefixes=UPDATE_PREFIXES):
            countries_of[row["event"]].add(row["country"])
            yield ox.Quad(row["event"], involves, row["country"], DERIVED_GRAPH)
        years = {
            row["event"]: row["year"]
            for row in self._store.query(event_years_select(), prefixes=UPDATE_PREFIXES)
        }
        yield from self._tallies_of(COUNTRY_COOPERATION, countries_of, years)
        libraries_of = defaultdict(set)
        for row in self._store.query(ALL_LIBRARY_INVOLVEMENTS, prefixes=UPDATE_PREFIXES):
            libraries_of[row["event"]].add(row["member"])
        yield from self._tallies_of(LIBRARY_COOPERATION, libraries_of, years)
        sort_key = node(CIS.sortKey)
        for row in self._store.query(sort_key_select(), prefixes=UPDATE_PREFIXES):
            yield ox.Quad(row["event"], sort_key, row["key"], DERIVED_GRAPH)
        node_count = node(CIS.nodeCount)
        for row in self._store.query(node_count_select(), prefixes=UPDATE_PREFIXES):
            yield ox.Quad(row["class"], node_count, row["nodes"], DERIVED_GRAPH)
        kind_key = node(CIS.kindKey)
        for row in self._store.query(kind_key_select(), prefixes=UPDATE_PREFIXES):
            yield ox.Quad(row["node"], kind_key, row["key"], DERIVED_GRAPH)
        associated = node(CIS.associatedCountry)
        for row in self._store.query(ALL_ASSOCIATIONS, prefixes=UPDATE_PREFIXES):
            yield ox.Quad(row["person"], associated, row["country"], DERIVED_GRAPH)

    def _tallies_of(
        self, cooperation: Cooperation, members_of: dict, years: dict
    ) -> Iterator[ox.Quad]:
        """A cooperation's tallies (its ``select``) of the events' members the rules give
        (``members_of``; ``years``: each event's, from ``event_years_select``), counted here:
        read from the derived graph they would be those of its present edges, and counted by
        SPARQL they would cost a second evaluation of the rules."""
        tallied: Counter = Counter()
        for event, members in members_of.items():
            # pairs in the order of STR(), as the select has them
            for a, b in combinations(sorted(members, key=lambda m: m.value), 2):
                tallied[(a, b, years.get(event))] += 1
        if not tallied:
            return
        keys = " ".join(f"({_tally_key(*key)})" for key in tallied)
        pair_key = f"BIND({cooperation.pair_key} AS ?pair_key)" if cooperation.pair_key else ""
        named = self._store.query(
            f"SELECT ?a ?b ?year ?node ?pair_key WHERE {{ VALUES (?a ?b ?year) {{ {keys} }} "
            f"BIND({cooperation.node} AS ?node) {pair_key} }}"
        )
        year, count, key = node(CIS.year), node(CIS.eventCount), node(CIS.pairKey)
        for row in named:
            tally = row["node"]
            yield ox.Quad(tally, _TYPE, cooperation.tally_class, DERIVED_GRAPH)
            yield ox.Quad(tally, cooperation.partner, row["a"], DERIVED_GRAPH)
            yield ox.Quad(tally, cooperation.partner, row["b"], DERIVED_GRAPH)
            if row["year"] is not None:
                yield ox.Quad(tally, year, row["year"], DERIVED_GRAPH)
            if row["pair_key"] is not None:
                yield ox.Quad(tally, key, row["pair_key"], DERIVED_GRAPH)
            events = tallied[(row["a"], row["b"], row["year"])]
            yield ox.Quad(tally, count, ox.Literal(str(events), datatype=_INTEGER), DERIVED_GRAPH)

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Replace a named graph's content with ``triples`` and recompute the derived graph,
        in one transaction (``cislib load``). The caller checks that the graph may be written.
        """
        self._update(
            f"DROP SILENT GRAPH {graph} ;\n"
            + _insert_data({graph: triples})
            + " ;\n"
            + DERIVE_UPDATE
        )

    def remove_report(self, report: str) -> bool:
        """Drop a report's graph; True when it was there."""
        graph = node(report)
        if not self._store.contains_named_graph(graph):
            return False
        derived = self._derived_for([], list(self.quads(graph)), [graph])
        self._update(f"DROP GRAPH {graph}" + derived)
        return True

    # -- reading ------------------------------------------------------------------------

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store, for queries."""
        return self._store

    def query(self, sparql: str, bindings: dict[str, object] | None = None):
        """Run a SPARQL query over all graphs (their union is the default graph).

        ``bindings`` maps variable names to terms; the engine substitutes them, so values are
        never pasted into query text.
        """
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return self._store.query(
            sparql, use_default_graph_as_union=True, substitutions=substitutions or None
        )

    def report_graphs(self) -> list[ox.NamedNode]:
        """The named graphs that hold reports, sorted."""
        return sorted((g for g in self._store.named_graphs() if g not in SYSTEM_GRAPHS), key=str)

    def reports_by_file(self, file: str) -> list[ox.NamedNode]:
        """The report graphs whose report has this file name."""
        found = {
            quad.graph_name
            for quad in self._store.quads_for_pattern(None, node(CIS.fileName), text(file))
            if quad.graph_name not in SYSTEM_GRAPHS and quad.subject == quad.graph_name
        }
        return sorted(found, key=str)

    def quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Every quad, or those of one graph."""
        return self._store.quads_for_pattern(None, None, None, graph)

    def count(self, graph: ox.NamedNode | None = None) -> int:
        """The number of quads, in all graphs or in one."""
        return sum(1 for _ in self.quads(graph))

    def dump_nquads(self) -> bytes:
        """The whole store as N-Quads, in the store's own order."""
        return self._store.dump(format=ox.RdfFormat.N_QUADS)
