"""SHACL validation of the store, reported so that a librarian can act on it.

Each problem names the offending node by its label (never a blank-node dump), says the rule in
plain words (the shape's own message, in English or Russian), and gives the report and the
quote the fact came from.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

import pyshacl
import rdflib
import rdflib.collection
from rdflib.namespace import RDF, SH

from cislib.graph.store import GraphStore
from cislib.graph.terms import ONTOLOGY_GRAPH, to_rdflib
from cislib.ontology import CIS, OA, ORG, PROV, SCHEMA, SKOS, load_shapes

FORMATS = ("text", "json", "turtle")


@dataclass
class Problem:
    """One broken rule, in a reader's terms."""

    node: str
    label: str
    message: str
    severity: str
    path: str | None = None
    value: str | None = None
    reports: list[str] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)


@dataclass
class ValidationResult:
    """The outcome of validating the store."""

    conforms: bool
    problems: list[Problem]
    report_graph: rdflib.Graph = field(repr=False)

    def to_json(self) -> str:
        """The result as JSON: ``{"conforms": bool, "problems": [...]}``."""
        payload = {"conforms": self.conforms, "problems": [asdict(p) for p in self.problems]}
        return json.dumps(payload, ensure_ascii=False, indent=2)

    def to_turtle(self) -> str:
        """The SHACL validation report graph as Turtle."""
        return self.report_graph.serialize(format="turtle")

    def to_text(self) -> str:
        """A plain-language report, one paragraph per problem."""
        if self.conforms:
            return "The graph conforms: no problems found."
        lines = [f"The graph does not conform: {len(self.problems)} problem(s)."]
        for number, problem in enumerate(self.problems, 1):
            lines.append("")
            lines.append(f"{number}. {problem.label}  <{problem.node}>")
            lines.append(f"   {problem.severity}: {problem.message}")
            if problem.path:
                detail = f"   property: {problem.path}"
                if problem.value:
                    detail += f"   value: {problem.value}"
                lines.append(detail)
            for report in problem.reports:
                lines.append(f"   from report: {report}")
            for quote in problem.quotes[:3]:
                lines.append(f"   quote: \u201c{quote}\u201d")
        return "\n".join(lines)


def data_graph(store: GraphStore) -> rdflib.Graph:
    """The union of every graph but the ontology, as an rdflib graph for pyshacl."""
    graph = rdflib.Graph()
    for quad in store.quads():
        if quad.graph_name == ONTOLOGY_GRAPH:
            continue
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return graph


def _short(graph: rdflib.Graph, term) -> str:
    if isinstance(term, rdflib.URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # an IRI that no prefix covers is shown whole
            return f"<{term}>"
    return str(term)


def _path_text(report: rdflib.Graph, data: rdflib.Graph, path) -> str:
    """A property path for people: "oa:hasSelector / oa:start" for a sequence path."""
    if isinstance(path, rdflib.BNode):
        steps = list(rdflib.collection.Collection(report, path))
        if steps:
            return " / ".join(_short(data, step) for step in steps)
    return _short(data, path)


def _pick(values, language: str):
    values = list(values)
    for wanted in (language, "en", None):
        for value in sorted(values):
            if getattr(value, "language", None) == wanted:
                return value
    return sorted(values)[0] if values else None


def node_label(graph: rdflib.Graph, node, language: str = "en") -> str:
    """A readable name for any node: its label, or what a fact node is about."""
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SCHEMA.name):
        value = _pick(graph.objects(node, predicate), language)
        if value is not None:
            return str(value)
    types = set(graph.objects(node, RDF.type))
    if CIS.Participation in types:
        agent = graph.value(node, PROV.agent)
        event = graph.value(node, CIS.event)
        agent_name = node_label(graph, agent, language) if agent else "someone"
        event_name = node_label(graph, event, language) if event else "an event"
        return f"participation of {agent_name} in {event_name}"
    if ORG.Membership in types:
        person = graph.value(node, ORG.member)
        title = graph.value(node, CIS.postTitle)
        who = node_label(graph, person, language) if person else "someone"
        return f"post of {who}" + (f" ({title})" if title else "")
    if CIS.Quantity in types:
        return f"number of {graph.value(node, CIS.measure)}"
    if CIS.Quote in types:
        return "quote"
    return _short(graph, node) if isinstance(node, rdflib.URIRef) else "a node"


def provenance(graph: rdflib.Graph, node) -> tuple[list[str], list[str]]:
    """The report files and quotes behind a node."""
    reports, quotes = set(), set()
    for report in graph.objects(node, PROV.wasDerivedFrom):
        reports.add(str(graph.value(report, CIS.fileName) or report))
    targets = list(graph.objects(node, CIS.evidence))
    for mention in graph.subjects(OA.hasBody, node):
        targets.extend(graph.objects(mention, OA.hasTarget))
    for quote in targets:
        source = graph.value(quote, OA.hasSource)
        if source is not None:
            reports.add(str(graph.value(source, CIS.fileName) or source))
        for selector in graph.objects(quote, OA.hasSelector):
            exact = graph.value(selector, OA.exact)
            if exact is not None:
                quotes.add(str(exact))
    return sorted(reports), sorted(quotes)


@dataclass(frozen=True)
class SparqlConstraint:
    """A SHACL-SPARQL constraint of the shapes, as one query over every focus node at once."""

    node: rdflib.term.Node
    shape: rdflib.term.Node
    query: str
    messages: tuple


def split_shapes(shapes: rdflib.Graph) -> tuple[rdflib.Graph, list[SparqlConstraint]]:
    """The core shapes (for pyshacl) and the SPARQL constraints (for the store's engine).

    pyshacl runs a SPARQL constraint once per focus node on rdflib's engine, which takes
    minutes on a few thousand quotes; Oxigraph answers the same question for all of them in
    one query. The constraint text is the one in shapes.ttl: ``$this`` becomes a variable
    bound to each instance of the shape's target classes.
    """
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for d in sorted(shapes.objects(None, SH.declare))
    )
    constraints = []
    for shape, node in sorted(shapes.subject_objects(SH.sparql)):
        select = str(shapes.value(node, SH.select)).replace("$this", "?this")
        for target in sorted(shapes.objects(shape, SH.targetClass)):
            query = (
                f"{prefixes}SELECT DISTINCT ?this ?value ?path WHERE {{\n"
                f"  ?this a <{target}> .\n  {{ {select} }}\n}}"
            )
            messages = tuple(shapes.objects(node, SH.message)) or tuple(
                shapes.objects(shape, SH.message)
            )
            constraints.append(SparqlConstraint(node, shape, query, messages))
    core = rdflib.Graph()
    for triple in shapes:
        if triple[1] != SH.sparql:
            core.add(triple)
    return core, constraints


def _sparql_results(store: GraphStore, constraints: list[SparqlConstraint], report: rdflib.Graph):
    """Run the SPARQL constraints on the store; add their results to the report graph."""
    for constraint in constraints:
        for row in store.query(constraint.query):
            result = rdflib.BNode()
            report.add((result, RDF.type, SH.ValidationResult))
            report.add((result, SH.focusNode, to_rdflib(row["this"])))
            report.add((result, SH.sourceShape, constraint.shape))
            report.add((result, SH.sourceConstraint, constraint.node))
            report.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
            report.add((result, SH.resultSeverity, SH.Violation))
            if row["value"] is not None:
                report.add((result, SH.value, to_rdflib(row["value"])))
            if row["path"] is not None:
                report.add((result, SH.resultPath, to_rdflib(row["path"])))
            for message in constraint.messages:
                report.add((result, SH.resultMessage, message))


def validate_graph(
    data: rdflib.Graph, language: str = "en", store: GraphStore | None = None
) -> ValidationResult:
    """Validate a graph against the package's shapes (never shapes from elsewhere).

    With ``store`` (holding the same data), the SHACL-SPARQL constraints run on the store's
    engine; without it, pyshacl runs them too (fine for small graphs such as test fixtures).
    """
    shapes = load_shapes()
    constraints: list[SparqlConstraint] = []
    if store is not None:
        shapes, constraints = split_shapes(shapes)
    _, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if store is not None:
        _sparql_results(store, constraints, report)
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        message = _pick(report.objects(result, SH.resultMessage), language)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        severity = report.value(result, SH.resultSeverity)
        reports, quotes = provenance(data, focus)
        problems.append(
            Problem(
                node=str(focus),
                label=node_label(data, focus, language),
                message=str(message) if message else "a rule of the shapes is broken",
                severity=severity.split("#")[-1] if severity else "Violation",
                path=_path_text(report, data, path) if path is not None else None,
                value=str(value) if value is not None else None,
                reports=reports,
                quotes=quotes,
            )
        )
    problems.sort(key=lambda p: (p.label, p.node, p.message, p.path or "", p.value or ""))
    conforms = not any(p.severity == "Violation" for p in problems)
    report.set(
        (
            next(report.subjects(RDF.type, SH.ValidationReport)),
            SH.conforms,
            rdflib.Literal(conforms),
        )
    )
    return ValidationResult(conforms=conforms, problems=problems, report_graph=report)


def validate_store(store: GraphStore, language: str = "en") -> ValidationResult:
    """Validate everything in the store."""
    return validate_graph(data_graph(store), language, store=store)
