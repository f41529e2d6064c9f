"""A VoID and DCAT description of the dataset the exports hold, for catalogues and partners.

``describe(store)`` returns Turtle about one node, ``id/dataset/cislib``, typed both
``void:Dataset`` and ``dcat:Dataset``: how many triples, entities, classes and properties the
graph holds (with a ``void:classPartition`` per class and a ``void:propertyPartition`` per
property), which vocabularies it uses, its licence and creators (taken from the ontology), when
it last changed, a few example resources, one ``void:subset`` per named graph, the export files
as ``dcat:distribution`` entries, and the SPARQL endpoint when one is given.

Everything comes from the store, through SPARQL, so the same graph always gives the same bytes:
``dct:modified`` is the latest date the reports speak of (an event's start or end date), never
the clock. The counts describe exactly what ``cislib export`` writes: every named graph
(ontology, reference data, derived graph, one per report); the dataset's ``void:triples`` counts
distinct triples of their union (the Turtle export), each subset's the triples of its graph.
Partition, subset and distribution nodes get IRIs under the dataset's (no blank nodes), so a
catalogue can link to them and a later description of the same data names them the same way.

Example:
    >>> print(describe(store, endpoint="https://kg.example.org/sparql"))  # doctest: +SKIP
    @prefix void: <http://rdfs.org/ns/void#> .
    ...
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pyoxigraph as ox

from cislib.errors import CislibError
from cislib.graph.export import PREFIXES, to_turtle
from cislib.graph.store import GraphStore
from cislib.graph.terms import (
    DERIVED_GRAPH,
    ONTOLOGY_GRAPH,
    REFERENCE_GRAPH,
    SYSTEM_GRAPHS,
    XSD_INTEGER,
    text,
    typed,
)
from cislib.identifiers import ID_BASE
from cislib.ontology import CIS, DCTERMS, ID, ONTOLOGY_IRI, PROV, SCHEMA, SHAPES_IRI

VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS_NS = "http://www.w3.org/ns/formats/"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types/"
SPARQL_PROTOCOL = "https://www.w3.org/TR/sparql11-protocol/"
RDF_TYPE = PREFIXES["rdf"] + "type"
XSD_DATE = PREFIXES["xsd"] + "date"

#: The dataset every description is about.
DATASET = ID["dataset/cislib"]

#: Prefixes of the description's Turtle: the export's, and the vocabularies of descriptions.
DESCRIPTION_PREFIXES = {
    "void": VOID,
    "dcat": DCAT,
    "sd": SD,
    "formats": FORMATS_NS,
    "dct": str(DCTERMS),
    **{k: v for k, v in PREFIXES.items() if k != "dcterms"},
}

TITLES = {
    "en": "cislib: the knowledge graph of library cooperation across the CIS",
    "ru": "cislib: граф знаний о сотрудничестве библиотек стран СНГ",
}
DESCRIPTIONS = {
    "en": (
        "Libraries, countries, cities, organisations, people and events of library cooperation "
        "across the Commonwealth of Independent States, read from reports in Russian, Uzbek, "
        "Turkmen, Kazakh, Kyrgyz and English: who took part in which event, in which role and "
        "on whose behalf, who holds which post, each fact with the quote it was read from. "
        "One named graph per report."
    ),
    "ru": (
        "Библиотеки, страны, города, организации, люди и мероприятия библиотечного "
        "сотрудничества стран Содружества Независимых Государств, прочитанные из сообщений "
        "на русском, узбекском, туркменском, казахском, киргизском и английском языках: кто "
        "участвовал в каком мероприятии, в какой роли и от чьего имени, кто какую должность "
        "занимает, каждый факт с цитатой, из которой он прочитан. Один именованный граф на "
        "сообщение."
    ),
}
#: Titles of the subsets that are not reports.
SYSTEM_GRAPH_TITLES = {
    ONTOLOGY_GRAPH: "the cislib ontology",
    REFERENCE_GRAPH: "reference data: countries, cities, libraries, organisations",
    DERIVED_GRAPH: "derived preferred labels and schema.org shortcut triples",
}


@dataclass(frozen=True)
class Dump:
    """One export file offered as a distribution."""

    fmt: str
    file_name: str
    media_type: str
    w3c_format: str
    title: str


#: The export files, in the order they are listed.
DUMPS = (
    Dump("trig", "cislib.trig", "application/trig", "TriG", "TriG, one named graph per report"),
    Dump("nq", "cislib.nq", "application/n-quads", "N-Quads", "N-Quads, one graph per report"),
    Dump(
        "jsonld",
        "cislib.jsonld",
        "application/ld+json",
        "JSON-LD",
        "JSON-LD, one named graph per report, the context embedded",
    ),
    Dump("turtle", "cislib.ttl", "text/turtle", "Turtle", "Turtle, all graphs merged"),
    Dump("nt", "cislib.nt", "application/n-triples", "N-Triples", "N-Triples, all graphs merged"),
)

#: Classes from which example resources are picked (one each, when the graph has any).
EXAMPLE_CLASSES = (SCHEMA.Library, SCHEMA.Country, SCHEMA.Event, SCHEMA.Person)

# Counts over distinct triples of the union of all graphs: what the Turtle export holds.
# GraphStore.query makes the default graph the union of all graphs (faster to scan than
# GRAPH ?g); a triple in two graphs is met twice there, hence DISTINCT.
_DISTINCT = "{ SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
TOTALS_QUERY = f"""
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
       (COUNT(DISTINCT ?p) AS ?properties) (COUNT(DISTINCT ?o) AS ?objects)
WHERE {_DISTINCT}
"""
ENTITIES_QUERY = f"""
SELECT (COUNT(*) AS ?entities)
WHERE {{ {{ SELECT DISTINCT ?s WHERE {{ ?s ?p ?o }} }}
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), "{ID_BASE}")) }}
"""
CLASSES_QUERY = f"""
SELECT ?class (COUNT(DISTINCT ?s) AS ?entities)
WHERE {{ GRAPH ?g {{ ?s <{RDF_TYPE}> ?class }} }}
GROUP BY ?class
"""
PROPERTIES_QUERY = f"""
SELECT ?p (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects)
       (COUNT(DISTINCT ?o) AS ?objects)
WHERE {_DISTINCT}
GROUP BY ?p
"""
GRAPHS_QUERY = """
SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g
"""
REPORTS_QUERY = f"""
SELECT ?report ?file ?title ?language
WHERE {{ GRAPH ?report {{ ?report <{CIS.fileName}> ?file
  OPTIONAL {{ ?report <{SCHEMA.name}> ?title }}
  OPTIONAL {{ ?report <{DCTERMS.language}> ?language }} }} }}
"""
# Dates of events in report graphs: the reference data and the ontology hold none.
DATES_QUERY = f"""
SELECT (MIN(?start) AS ?earliest) (MAX(?date) AS ?latest)
WHERE {{
  GRAPH ?g {{ ?event <{SCHEMA.startDate}> ?start .
             {{ ?event <{SCHEMA.startDate}> ?date }} UNION {{ ?event <{SCHEMA.endDate}> ?date }} }}
  FILTER(?g NOT IN ({", ".join(str(g) for g in SYSTEM_GRAPHS)}))
  FILTER(DATATYPE(?start) = <{XSD_DATE}> && DATATYPE(?date) = <{XSD_DATE}>)
}}
"""
ONTOLOGY_QUERY = f"""
SELECT ?p ?o
WHERE {{ GRAPH {ONTOLOGY_GRAPH} {{ <{ONTOLOGY_IRI}> ?p ?o
  VALUES ?p {{ <{DCTERMS.license}> <{DCTERMS.creator}> }} }} }}
"""
# The best-linked node of each example class, ties broken by the smaller IRI.
EXAMPLES_QUERY = f"""
SELECT ?class ?node (COUNT(DISTINCT ?from) AS ?links)
WHERE {{
  VALUES ?class {{ {" ".join(f"<{c}>" for c in EXAMPLE_CLASSES)} }}
  GRAPH ?t {{ ?node <{RDF_TYPE}> ?class }}
  FILTER(isIRI(?node))
  OPTIONAL {{ GRAPH ?l {{ ?from ?link ?node }} FILTER(?link != <{PROV.wasDerivedFrom}>) }}
}}
GROUP BY ?class ?node
"""


def _value(term) -> int:
    return int(term.value)


def _check_url(option: str, url: str | None) -> str | None:
    if url is None:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise CislibError(f"{option}: {url!r} is not an absolute http(s) URL")
    try:
        ox.NamedNode(url)
    except ValueError as exc:
        raise CislibError(f"{option}: {url!r} is not a valid IRI ({exc})") from None
    return url


def _namespace(iri: str) -> str:
    """The vocabulary an IRI belongs to: a known prefix's namespace, else up to its last # or /."""
    for namespace in sorted(DESCRIPTION_PREFIXES.values(), key=len, reverse=True):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return namespace
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else iri


def _slug(iri: str) -> str:
    """A readable, stable key for a class or property: ``schema-Event``, else a hash."""
    for prefix, namespace in PREFIXES.items():
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local.replace("_", "").replace("-", "").isalnum():
            return f"{prefix}-{local}"
    return "iri-" + hashlib.sha256(iri.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Builder:
    triples: list[ox.Triple] = field(default_factory=list)

    def add(self, subject: str, predicate: str, obj) -> None:
        if isinstance(obj, str):
            obj = ox.NamedNode(obj)
        self.triples.append(ox.Triple(ox.NamedNode(subject), ox.NamedNode(predicate), obj))


def _rows(store: GraphStore, query: str) -> list:
    return list(store.query(query))


def description_triples(
    store: GraphStore,
    *,
    endpoint: str | None = None,
    download_base: str | None = None,
) -> list[ox.Triple]:
    """The description as triples (see the module documentation for what it says).

    Args:
        store: the store to describe.
        endpoint: the SPARQL endpoint that serves this data (``void:sparqlEndpoint`` and a
            ``dcat:DataService``); left out when None.
        download_base: the URL the export files are published under; each distribution then
            gets ``dcat:downloadURL <download_base + file name>`` (``cislib.trig``, ...) and the
            dataset a ``void:dataDump``. Without it the distributions say how to make the file.

    Raises:
        CislibError: a URL is not an absolute http(s) IRI.
    """
    endpoint = _check_url("--endpoint", endpoint)
    download_base = _check_url("--download-base", download_base)
    if download_base and not download_base.endswith("/"):
        download_base += "/"
    dataset = str(DATASET)
    out = _Builder()
    add = out.add
    add(dataset, RDF_TYPE, VOID + "Dataset")
    add(dataset, RDF_TYPE, DCAT + "Dataset")
    for language, title in TITLES.items():
        add(dataset, DCTERMS["title"], text(title, language))
    for language, description in DESCRIPTIONS.items():
        add(dataset, DCTERMS.description, text(description, language))
    add(dataset, DCTERMS.conformsTo, str(ONTOLOGY_IRI))
    add(dataset, DCTERMS.conformsTo, str(SHAPES_IRI))
    add(dataset, VOID + "uriSpace", text(ID_BASE))
    for row in _rows(store, ONTOLOGY_QUERY):
        add(dataset, row["p"].value, row["o"])

    totals = _rows(store, TOTALS_QUERY)[0]
    entities = _rows(store, ENTITIES_QUERY)[0]["entities"]
    classes = sorted((r["class"].value, _value(r["entities"])) for r in _rows(store, CLASSES_QUERY))
    properties = sorted(
        (r["p"].value, _value(r["triples"]), _value(r["subjects"]), _value(r["objects"]))
        for r in _rows(store, PROPERTIES_QUERY)
    )
    add(dataset, VOID + "triples", typed(_value(totals["triples"]), XSD_INTEGER))
    add(dataset, VOID + "entities", typed(_value(entities), XSD_INTEGER))
    add(dataset, VOID + "classes", typed(len(classes), XSD_INTEGER))
    add(dataset, VOID + "properties", typed(_value(totals["properties"]), XSD_INTEGER))
    add(dataset, VOID + "distinctSubjects", typed(_value(totals["subjects"]), XSD_INTEGER))
    add(dataset, VOID + "distinctObjects", typed(_value(totals["objects"]), XSD_INTEGER))

    vocabularies = {_namespace(iri) for iri, _ in classes} | {
        _namespace(iri) for iri, *_ in properties
    }
    for vocabulary in sorted(vocabularies):
        add(dataset, VOID + "vocabulary", vocabulary)
    for iri, count in classes:
        partition = f"{dataset}/class/{_slug(iri)}"
        add(dataset, VOID + "classPartition", partition)
        add(partition, RDF_TYPE, VOID + "Dataset")
        add(partition, VOID + "class", iri)
        add(partition, VOID + "entities", typed(count, XSD_INTEGER))
    for iri, count, subjects, objects in properties:
        partition = f"{dataset}/property/{_slug(iri)}"
        add(dataset, VOID + "propertyPartition", partition)
        add(partition, RDF_TYPE, VOID + "Dataset")
        add(partition, VOID + "property", iri)
        add(partition, VOID + "triples", typed(count, XSD_INTEGER))
        add(partition, VOID + "distinctSubjects", typed(subjects, XSD_INTEGER))
        add(partition, VOID + "distinctObjects", typed(objects, XSD_INTEGER))

    _dates(store, dataset, add)
    _examples(store, dataset, add)
    _subsets(store, dataset, add)
    _distributions(dataset, add, download_base, endpoint)
    return out.triples


def _dates(store: GraphStore, dataset: str, add) -> None:
    """dct:modified and dct:temporal from the event dates in the reports (none: left out)."""
    row = _rows(store, DATES_QUERY)[0]
    earliest, latest = row["earliest"], row["latest"]
    if latest is None:
        return
    add(dataset, DCTERMS.modified, latest)
    period = f"{dataset}/period"
    add(dataset, DCTERMS.temporal, period)
    add(period, RDF_TYPE, DCTERMS.PeriodOfTime)
    add(period, DCAT + "startDate", earliest)
    add(period, DCAT + "endDate", latest)


def _examples(store: GraphStore, dataset: str, add) -> None:
    best: dict[str, tuple[int, str]] = {}
    for row in _rows(store, EXAMPLES_QUERY):
        candidate = (-_value(row["links"]), row["node"].value)
        cls = row["class"].value
        if cls not in best or candidate < best[cls]:
            best[cls] = candidate
    for iri in sorted({iri for _, iri in best.values()}):
        add(dataset, VOID + "exampleResource", iri)


def _subsets(store: GraphStore, dataset: str, add) -> None:
    reports = {r["report"].value: r for r in _rows(store, REPORTS_QUERY)}
    for row in sorted(_rows(store, GRAPHS_QUERY), key=lambda r: r["g"].value):
        graph = row["g"]
        subset = f"{dataset}/{graph.value.removeprefix(ID_BASE)}"
        add(dataset, VOID + "subset", subset)
        add(subset, RDF_TYPE, VOID + "Dataset")
        add(subset, RDF_TYPE, SD + "NamedGraph")
        add(subset, SD + "name", graph)
        add(subset, VOID + "triples", typed(_value(row["triples"]), XSD_INTEGER))
        if graph in SYSTEM_GRAPH_TITLES:
            add(subset, DCTERMS["title"], text(SYSTEM_GRAPH_TITLES[graph], "en"))
        elif graph.value in reports:
            report = reports[graph.value]
            add(subset, DCTERMS.source, graph)
            add(subset, DCTERMS["title"], report["title"] or report["file"])
            if report["language"] is not None:
                add(subset, DCTERMS.language, report["language"])


def _distributions(dataset: str, add, download_base: str | None, endpoint: str | None) -> None:
    for dump in DUMPS:
        distribution = f"{dataset}/distribution/{dump.fmt}"
        add(dataset, DCAT + "distribution", distribution)
        add(distribution, RDF_TYPE, DCAT + "Distribution")
        add(distribution, DCTERMS["title"], text(dump.title, "en"))
        add(distribution, DCAT + "mediaType", IANA_MEDIA_TYPES + dump.media_type)
        add(distribution, DCTERMS["format"], FORMATS_NS + dump.w3c_format)
        add(distribution, DCTERMS.description, text(_made_by(dump), "en"))
        add(dataset, VOID + "feature", FORMATS_NS + dump.w3c_format)
        if download_base:
            url = download_base + dump.file_name
            add(distribution, DCAT + "downloadURL", url)
            add(distribution, DCAT + "accessURL", url)
            add(dataset, VOID + "dataDump", url)
    if endpoint:
        service = f"{dataset}/service/sparql"
        distribution = f"{dataset}/distribution/sparql"
        add(dataset, VOID + "sparqlEndpoint", endpoint)
        add(dataset, DCAT + "distribution", distribution)
        add(distribution, RDF_TYPE, DCAT + "Distribution")
        add(distribution, DCTERMS["title"], text("SPARQL 1.1 endpoint", "en"))
        add(distribution, DCAT + "accessURL", endpoint)
        add(distribution, DCAT + "accessService", service)
        add(service, RDF_TYPE, DCAT + "DataService")
        add(service, DCAT + "endpointURL", endpoint)
        add(service, DCAT + "servesDataset", dataset)
        add(service, DCTERMS.conformsTo, SPARQL_PROTOCOL)


def _made_by(dump: Dump) -> str:
    return f"Made with: cislib export --format {dump.fmt} -o {dump.file_name}"


def describe(
    store: GraphStore, *, endpoint: str | None = None, download_base: str | None = None
) -> str:
    """The VoID and DCAT description of the store's dataset, as deterministic Turtle.

    Arguments are those of :func:`description_triples`.
    """
    triples = description_triples(store, endpoint=endpoint, download_base=download_base)
    return to_turtle(triples, DESCRIPTION_PREFIXES, first=ox.NamedNode(str(DATASET)))
