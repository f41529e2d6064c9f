"""SHACL validation of the store, reported so that a librarian can act on it.

Each problem names the offending node by its label (never a blank-node dump), says the rule in
plain words (the shape's own message, in English or Russian), and gives the report and the
quote the fact came from.

Three ways in, one verdict:

- ``validate_store``: everything, with the shapes run as SPARQL on the store's engine
  (``cislib.graph.shape_queries``), so a store of millions of triples validates in seconds and
  in little memory;
- ``validate_report`` and ``validate_nodes``: only what one ingest touched, the same queries
  narrowed to those focus nodes, so one more report is checked in a fraction of a second;
- ``validate_graph``: pyshacl over an rdflib graph, the reference the other two are tested
  against (and the way to check a graph that is not in a store).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache

import pyoxigraph as ox
import pyshacl
import rdflib
import rdflib.collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from cislib.graph.shape_queries import (
    ONT,
    Origin,
    Plan,
    Result,
    Runner,
    compile_shapes,
)
from cislib.graph.store import GraphStore
from cislib.graph.terms import ONTOLOGY_GRAPH, node, to_rdflib
from cislib.graph.workers import default_jobs, pool
from cislib.ontology import CIS, DCTERMS, FOAF, OA, ORG, PROV, SCHEMA, SKOS, WD, load_shapes

FORMATS = ("text", "json", "turtle")

#: Prefixes for showing IRIs (a fixed table, so the same node always reads the same).
PREFIXES = (
    ("cis", str(CIS)),
    ("schema", str(SCHEMA)),
    ("org", str(ORG)),
    ("prov", str(PROV)),
    ("skos", str(SKOS)),
    ("foaf", str(FOAF)),
    ("dcterms", str(DCTERMS)),
    ("oa", str(OA)),
    ("wd", str(WD)),
    ("owl", str(OWL)),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("xsd", str(XSD)),
    ("sh", str(SH)),
)

#: Forward steps the pyshacl fallback of ``validate_nodes`` follows from each focus node.
NEIGHBOURHOOD_DEPTH = 3
#: From this many stored reports on, ``validate_store`` spreads the work over processes
#: (below it, starting them costs more than they save).
PARALLEL_FROM_REPORTS = 500


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


class StoreView:
    """The store read as the data graph pyshacl sees (every graph but the ontology).

    It offers the few rdflib ``Graph`` methods that labels and provenance use, so that a
    problem reads the same whether it was found in the store or in an rdflib graph.
    """

    def __init__(self, store: GraphStore):
        self._store = store.oxigraph

    @staticmethod
    def _term(term):
        if term is None:
            return None
        if isinstance(term, rdflib.URIRef):
            return ox.NamedNode(str(term))
        if isinstance(term, rdflib.BNode):
            return ox.BlankNode(str(term))
        if isinstance(term, rdflib.Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype:
                return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
            return ox.Literal(str(term))
        raise TypeError(f"cannot convert {term!r}")

    def _quads(self, s, p, o):
        if isinstance(s, rdflib.Literal):
            return
        for quad in self._store.quads_for_pattern(self._term(s), self._term(p), self._term(o)):
            if quad.graph_name != ONTOLOGY_GRAPH:
                yield quad

    def objects(self, subject, predicate):
        """The distinct objects of a subject and predicate."""
        return iter({to_rdflib(q.object) for q in self._quads(subject, predicate, None)})

    def subjects(self, predicate, obj):
        """The distinct subjects of a predicate and object."""
        return iter({to_rdflib(q.subject) for q in self._quads(None, predicate, obj)})


def _first(graph, subject, predicate):
    """The smallest object (so a repeated property gives the same answer every time)."""
    values = sorted(graph.objects(subject, predicate))
    return values[0] if values else None


def _short(term) -> str:
    if isinstance(term, rdflib.URIRef):
        text = str(term)
        for prefix, namespace in PREFIXES:
            if text.startswith(namespace) and len(text) > len(namespace):
                local = text[len(namespace) :]
                if all(ch.isalnum() or ch in "_-." for ch in local):
                    return f"{prefix}:{local}"
        return f"<{text}>"
    return str(term)


def _path_text(graph: rdflib.Graph, path) -> str:
    """A property path for people: "oa:hasSelector / oa:start", "a | b", "^p"."""
    if isinstance(path, rdflib.BNode):
        if (path, RDF.first, None) in graph:
            steps = list(rdflib.collection.Collection(graph, path))
            return " / ".join(_path_text(graph, step) for step in steps)
        alternatives = graph.value(path, SH.alternativePath)
        if alternatives is not None:
            steps = list(rdflib.collection.Collection(graph, alternatives))
            return " | ".join(_path_text(graph, step) for step in steps)
        for predicate, mark in (
            (SH.inversePath, "^"),
            (SH.zeroOrMorePath, "*"),
            (SH.oneOrMorePath, "+"),
            (SH.zeroOrOnePath, "?"),
        ):
            inner = graph.value(path, predicate)
            if inner is not None:
                text = _path_text(graph, inner)
                return f"^{text}" if mark == "^" else f"({text}){mark}"
        return "a property path"
    return _short(path)


def _pick(values, language: str):
    values = list(values)
    for wanted in (language, "en", None):
        for value in sorted(values):
            if getattr(value, "language", None) == wanted:
                return value
    return sorted(values)[0] if values else None


def node_label(graph, node, language: str = "en") -> str:
    """A readable name for any node: its label, or what a fact node is about.

    ``graph`` is an rdflib graph or a ``StoreView``.
    """
    for predicate in (SKOS.prefLabel, SKOS.altLabel, SCHEMA.name):
        value = _pick(graph.objects(node, predicate), language)
        if value is not None:
            return str(value)
    types = set(graph.objects(node, RDF.type))
    if CIS.Participation in types:
        agent = _first(graph, node, PROV.agent)
        event = _first(graph, node, CIS.event)
        agent_name = node_label(graph, agent, language) if agent else "someone"
        event_name = node_label(graph, event, language) if event else "an event"
        return f"participation of {agent_name} in {event_name}"
    if ORG.Membership in types:
        person = _first(graph, node, ORG.member)
        title = _first(graph, node, CIS.postTitle)
        who = node_label(graph, person, language) if person else "someone"
        return f"post of {who}" + (f" ({title})" if title else "")
    if CIS.Quantity in types:
        return f"number of {_first(graph, node, CIS.measure)}"
    if CIS.Quote in types:
        return "quote"
    return _short(node) if isinstance(node, rdflib.URIRef) else "a node"


def provenance(graph, node) -> tuple[list[str], list[str]]:
    """The report files and quotes behind a node (``graph``: rdflib graph or ``StoreView``)."""
    reports, quotes = set(), set()
    for report in graph.objects(node, PROV.wasDerivedFrom):
        reports.add(str(_first(graph, report, CIS.fileName) or report))
    targets = list(graph.objects(node, CIS.evidence))
    for mention in graph.subjects(OA.hasBody, node):
        targets.extend(graph.objects(mention, OA.hasTarget))
    for quote in targets:
        source = _first(graph, quote, OA.hasSource)
        if source is not None:
            reports.add(str(_first(graph, source, CIS.fileName) or source))
        for selector in graph.objects(quote, OA.hasSelector):
            exact = _first(graph, selector, OA.exact)
            if exact is not None:
                quotes.add(str(exact))
    return sorted(reports), sorted(quotes)


# -- from results to problems ----------------------------------------------------------------


@dataclass(frozen=True)
class _Finding:
    """A result and the graph that holds its path's structure."""

    result: Result
    severity: rdflib.term.Node
    path_graph: rdflib.Graph | None


def _findings_from_report(report: rdflib.Graph, shapes: rdflib.Graph) -> list[_Finding]:
    """pyshacl's results, with the messages (language-tagged) taken from the shapes."""
    findings = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        shape = report.value(result, SH.sourceShape)
        constraint = report.value(result, SH.sourceConstraint)
        messages = tuple(shapes.objects(constraint, SH.message)) if constraint else ()
        # pyshacl drops the language tags of messages it copies, so they are read again from
        # the shapes; its own generated messages (for shapes without one) are kept.
        messages = messages or tuple(shapes.objects(shape, SH.message))
        messages = messages or tuple(report.objects(result, SH.resultMessage))
        findings.append(
            _Finding(
                Result(
                    focus=report.value(result, SH.focusNode),
                    shape=shape,
                    component=report.value(result, SH.sourceConstraintComponent),
                    path=report.value(result, SH.resultPath),
                    value=report.value(result, SH.value),
                    constraint=constraint,
                    messages=messages,
                ),
                report.value(result, SH.resultSeverity) or SH.Violation,
                report,
            )
        )
    return findings


def _problems(findings: Iterable[_Finding], data, language: str) -> list[Problem]:
    problems = []
    cache: dict = {}
    for finding in findings:
        result = finding.result
        focus = result.focus
        if focus not in cache:
            cache[focus] = (node_label(data, focus, language), provenance(data, focus))
        label, (reports, quotes) = cache[focus]
        message = _pick(result.messages, language)
        path = result.path
        problems.append(
            Problem(
                node=str(focus),
                label=label,
                message=str(message) if message else "a rule of the shapes is broken",
                severity=str(finding.severity).split("#")[-1],
                path=_path_text(finding.path_graph, path) if path is not None else None,
                value=str(result.value) if result.value is not None else None,
                reports=list(reports),
                quotes=list(quotes),
            )
        )
    problems.sort(key=lambda p: (p.label, p.node, p.message, p.path or "", p.value or ""))
    return problems


def _copy_path(source: rdflib.Graph, target: rdflib.Graph, path) -> None:
    todo = [path]
    while todo:
        current = todo.pop()
        if not isinstance(current, rdflib.BNode) or (current, None, None) in target:
            continue
        for predicate, value in source.predicate_objects(current):
            target.add((current, predicate, value))
            todo.append(value)


def _report_graph(findings: Sequence[_Finding], conforms: bool) -> rdflib.Graph:
    """A SHACL validation report with the results, shaped as pyshacl writes them."""
    report = rdflib.Graph()
    report.bind("sh", SH)
    root = rdflib.BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    report.add((root, SH.conforms, rdflib.Literal(conforms)))
    for finding in findings:
        result = finding.result
        entry = rdflib.BNode()
        report.add((root, SH.result, entry))
        report.add((entry, RDF.type, SH.ValidationResult))
        report.add((entry, SH.focusNode, result.focus))
        report.add((entry, SH.sourceShape, result.shape))
        report.add((entry, SH.sourceConstraintComponent, result.component))
        report.add((entry, SH.resultSeverity, finding.severity))
        if result.constraint is not None:
            report.add((entry, SH.sourceConstraint, result.constraint))
        if result.value is not None:
            report.add((entry, SH.value, result.value))
        if result.path is not None:
            report.add((entry, SH.resultPath, result.path))
            _copy_path(finding.path_graph, report, result.path)
        for message in result.messages:
            report.add((entry, SH.resultMessage, message))
    return report


def _outcome(findings: list[_Finding], data, language: str) -> ValidationResult:
    problems = _problems(findings, data, language)
    conforms = not any(p.severity == "Violation" for p in problems)
    return ValidationResult(conforms, problems, _report_graph(findings, conforms))


# -- validating -----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _bundled_plan() -> Plan:
    return compile_shapes(load_shapes())


def _plan(shapes: rdflib.Graph | None) -> Plan:
    return _bundled_plan() if shapes is None else compile_shapes(shapes)


def _subclasses(store: GraphStore) -> dict:
    """Every class of the data (not the ontology) with all its subclasses, transitively."""
    return _subclasses_of(store.query)


def _subclasses_of(query) -> dict:
    direct: dict = {}
    rows = query(
        f"SELECT ?sub ?sup WHERE {{ GRAPH ?g {{ ?sub <{RDFS.subClassOf}> ?sup }} "
        f"FILTER(?g != {ONT}) }}"
    )
    for row in rows:
        direct.setdefault(to_rdflib(row["sup"]), set()).add(to_rdflib(row["sub"]))
    closure = {}
    for cls in direct:
        found, todo = set(), [cls]
        while todo:
            for sub in direct.get(todo.pop(), ()):
                if sub not in found:
                    found.add(sub)
                    todo.append(sub)
        closure[cls] = found
    return closure


def _runner(store: GraphStore, plan: Plan) -> Runner:
    return Runner(plan, store.query, _subclasses(store))


def _severities(plan: Plan, results: Iterable[Result]) -> list[_Finding]:
    return [_Finding(r, plan.severity(r.shape), plan.shapes) for r in results]


def _pyshacl(data: rdflib.Graph, shapes: rdflib.Graph, originals: rdflib.Graph) -> list[_Finding]:
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    return _findings_from_report(report, originals)


def validate_graph(
    data: rdflib.Graph,
    language: str = "en",
    store: GraphStore | None = None,
    shapes: rdflib.Graph | None = None,
) -> ValidationResult:
    """Validate an rdflib graph with pyshacl against the package's shapes (or ``shapes``).

    With ``store`` (holding the same data), the SHACL-SPARQL constraints run on the store's
    engine; without it, pyshacl runs them too (fine for small graphs such as test fixtures).
    This is the reference ``validate_store`` is tested against; it needs the whole graph in
    memory, so use ``validate_store`` for a store.
    """
    shapes = load_shapes() if shapes is None else shapes
    core = shapes
    findings: list[_Finding] = []
    if store is not None:
        plan = compile_shapes(shapes)
        core = rdflib.Graph()
        for triple in shapes:
            if triple[1] != SH.sparql:
                core.add(triple)
        runner = _runner(store, plan)
        for origin in plan.origins:
            sparql_only = Origin(origin.shape, origin.targets, [], origin.sparql)
            findings.extend(_severities(plan, runner.run(sparql_only, None)))
    findings = _pyshacl(data, core, shapes) + findings
    return _outcome(findings, data, language)


def validate_store(
    store: GraphStore,
    language: str = "en",
    shapes: rdflib.Graph | None = None,
    jobs: int | None = None,
) -> ValidationResult:
    """Validate everything in the store: the verdict and problems pyshacl would give.

    Every constraint runs as SPARQL on the store (see ``cislib.graph.shape_queries``); only
    constraints that module does not translate (none in cislib's shapes) go to pyshacl, over
    the whole data graph. A large store is validated by ``jobs`` worker processes (None: the
    available cores), each reading the store and taking the next part of the shapes; the
    result does not depend on their number.
    """
    plan = _plan(shapes)
    parts = [(i, p) for i, origin in enumerate(plan.origins) for p in range(Runner.parts(origin))]
    workers = min(default_jobs() if jobs is None else jobs, len(parts))
    if workers > 1 and len(store.report_graphs()) >= PARALLEL_FROM_REPORTS:
        results = _parallel_results(store, plan, parts, workers)
    else:
        runner = _runner(store, plan)
        results = [
            result for i, part in parts for result in runner.run_part(plan.origins[i], part, None)
        ]
    findings = _severities(plan, results)
    if plan.residual is not None:
        findings.extend(_pyshacl(data_graph(store), plan.residual, plan.shapes))
    return _outcome(findings, StoreView(store), language)


#: The worker's own read-only view of the store and the translated shapes.
_reader: dict = {}


def _open_reader(path: str, shapes: rdflib.Graph) -> None:
    store = ox.Store.read_only(path)

    def query(sparql: str):
        return store.query(sparql, use_default_graph_as_union=True)

    plan = compile_shapes(shapes)
    _reader["plan"] = plan
    _reader["runner"] = Runner(plan, query, _subclasses_of(query))


def _run_part(origin: int, part: int) -> list[Result]:
    plan, runner = _reader["plan"], _reader["runner"]
    return list(runner.run_part(plan.origins[origin], part, None))


def _parallel_results(store: GraphStore, plan: Plan, parts, workers: int) -> list[Result]:
    """The parts run by worker processes, each with the store opened read-only.

    The shapes graph travels whole (pickled with its blank-node names), so a worker's plan is
    the very same as this one's, down to the paths its results point at.
    """
    store.flush()  # the workers read what is on disk
    executor = pool(workers, _open_reader, (str(store.path / "oxigraph"), plan.shapes))
    try:
        futures = [executor.submit(_run_part, origin, part) for origin, part in parts]
        return [result for future in futures for result in future.result()]
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _as_terms(nodes: Iterable[str | ox.NamedNode]) -> list[ox.NamedNode]:
    terms = {n if isinstance(n, ox.NamedNode) else node(str(n)) for n in nodes}
    return sorted(terms, key=str)


def _focus_nodes(store: GraphStore, plan: Plan, runner: Runner, nodes: list) -> dict:
    """For each shape with targets, which of ``nodes`` are its focus nodes."""
    types: dict = {}
    chunk = 500
    for start in range(0, len(nodes), chunk):
        part = " ".join(str(n) for n in nodes[start : start + chunk])
        rows = store.query(
            f"SELECT DISTINCT ?this ?type WHERE {{ VALUES ?this {{ {part} }} "
            f"GRAPH ?g {{ ?this <{RDF.type}> ?type }} FILTER(?g != {ONT}) }}"
        )
        for row in rows:
            types.setdefault(row["this"], set()).add(to_rdflib(row["type"]))
    context = runner.context()
    focus: dict = {}
    for origin in plan.origins:
        targets = origin.targets
        classes = set(context.instances_of(targets.classes))
        chosen = {n for n in nodes if types.get(n, set()) & classes}
        chosen |= {n for n in nodes if to_rdflib(n) in set(targets.nodes)}
        for predicate, pattern in [(p, "?this {p} ?any") for p in targets.subjects_of] + [
            (p, "?any {p} ?this") for p in targets.objects_of
        ]:
            values = " ".join(str(n) for n in nodes)
            triple = pattern.format(p=predicate.n3())
            rows = store.query(
                f"SELECT DISTINCT ?this WHERE {{ VALUES ?this {{ {values} }} "
                f"GRAPH ?g {{ {triple} }} FILTER(?g != {ONT}) }}"
            )
            chosen |= {row["this"] for row in rows}
        focus[origin.shape] = sorted(chosen, key=str)
    return focus


def _neighbourhood(store: GraphStore, nodes: Sequence[ox.NamedNode]) -> rdflib.Graph:
    """The nodes' triples and those of what they lead to, for the pyshacl fallback."""
    graph = rdflib.Graph()
    frontier, seen = set(nodes), set()
    for _ in range(NEIGHBOURHOOD_DEPTH + 1):
        following = set()
        for current in frontier - seen:
            seen.add(current)
            for quad in store.oxigraph.quads_for_pattern(current, None, None):
                if quad.graph_name == ONTOLOGY_GRAPH:
                    continue
                graph.add(
                    (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object))
                )
                if not isinstance(quad.object, ox.Literal):
                    following.add(quad.object)
        frontier = following
    for quad in store.oxigraph.quads_for_pattern(None, node(str(RDFS.subClassOf)), None):
        if quad.graph_name != ONTOLOGY_GRAPH:
            graph.add((to_rdflib(quad.subject), RDFS.subClassOf, to_rdflib(quad.object)))
    return graph


def validate_nodes(
    store: GraphStore,
    nodes: Iterable[str | ox.NamedNode],
    language: str = "en",
    shapes: rdflib.Graph | None = None,
) -> ValidationResult:
    """Validate only these nodes as focus nodes: what ``validate_store`` says about them.

    Each node is checked with its triples from every graph and whatever its shapes reach
    (the classes of the values it points to, the report its quotes come from), so the
    problems are exactly those of a full validation whose focus node is one of ``nodes``.
    The cost grows with the number of nodes, not with the store.

    Example:
        >>> result = store.ingest(record)  # doctest: +SKIP
        >>> validate_nodes(store, result.touched).conforms  # doctest: +SKIP
        True
    """
    plan = _plan(shapes)
    runner = _runner(store, plan)
    terms = _as_terms(nodes)
    focus = _focus_nodes(store, plan, runner, terms)
    findings = [
        finding
        for origin in plan.origins
        for finding in _severities(plan, runner.run(origin, focus[origin.shape]))
    ]
    if plan.residual is not None and terms:
        wanted = {to_rdflib(t) for t in terms}
        findings.extend(
            f
            for f in _pyshacl(_neighbourhood(store, terms), plan.residual, plan.shapes)
            if f.result.focus in wanted
        )
    return _outcome(findings, StoreView(store), language)


def report_nodes(store: GraphStore, report: str | ox.NamedNode) -> list[ox.NamedNode]:
    """The nodes a report's graph touches: every subject, and every IRI it points to.

    Classes (the objects of ``rdf:type``) are left out: they are not data.
    """
    graph = report if isinstance(report, ox.NamedNode) else node(str(report))
    found: set = set()
    rdf_type = node(str(RDF.type))
    for quad in store.quads(graph):
        found.add(quad.subject)
        if isinstance(quad.object, ox.NamedNode) and quad.predicate != rdf_type:
            found.add(quad.object)
    return sorted((n for n in found if isinstance(n, ox.NamedNode)), key=str)


def validate_report(
    store: GraphStore,
    report: str | ox.NamedNode,
    language: str = "en",
    shapes: rdflib.Graph | None = None,
    also: Iterable[str | ox.NamedNode] = (),
) -> ValidationResult:
    """Validate what one stored report touches (``report_nodes``), plus the nodes in ``also``.

    After ``store.ingest(record)``, pass ``also=result.touched`` to cover what the ingest
    changed elsewhere too (the nodes of a replaced version, the events whose shortcuts moved).
    The verdict and problems equal those of ``validate_store`` for these nodes.

    Example:
        >>> result = store.ingest(record)  # doctest: +SKIP
        >>> validate_report(store, result.report, also=result.touched).conforms  # doctest: +SKIP
        True
    """
    nodes = [*report_nodes(store, report), *_as_terms(also)]
    return validate_nodes(store, nodes, language, shapes)
