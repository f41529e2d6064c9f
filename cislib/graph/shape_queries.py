"""The SHACL shapes as SPARQL queries on the store's engine, so validation scales with the store.

pyshacl walks an in-memory rdflib copy of the data focus node by focus node: about 20 s and
several hundred megabytes per 100,000 triples. Here every constraint of the shapes graph becomes
a SPARQL query that Oxigraph answers for all focus nodes at once, on the on-disk store, and only
the violations come back to Python. The same queries, given a list of focus nodes, validate
just the nodes one ingest touched. The translation reads the shapes graph generically: nothing
here knows cislib's shapes.

The data graph is the one pyshacl is given by ``cislib.graph.validation.data_graph``: the union
of every graph in the store except the ontology, without inference. The ``rdfs:subClassOf``
triples of that data (not of the ontology) widen ``sh:targetClass`` and ``sh:class`` as SHACL
says. Each result is what pyshacl reports: focus node, value (where pyshacl gives one), path,
source shape, constraint component, severity and the shape's messages.

Translated to SPARQL:

- targets: ``sh:targetClass`` (and shapes that are classes themselves), ``sh:targetNode``,
  ``sh:targetSubjectsOf``, ``sh:targetObjectsOf``;
- paths: predicates, sequence, alternative and inverse paths;
- components: ``sh:class``, ``sh:datatype``, ``sh:nodeKind``, ``sh:minCount``, ``sh:maxCount``,
  ``sh:minLength``, ``sh:maxLength``, ``sh:pattern`` (with ``sh:flags``), ``sh:languageIn``,
  ``sh:uniqueLang``, ``sh:in``, ``sh:hasValue``, ``sh:minInclusive``, ``sh:maxInclusive``,
  ``sh:minExclusive``, ``sh:maxExclusive``, ``sh:qualifiedValueShape`` with
  ``sh:qualifiedMinCount``/``sh:qualifiedMaxCount``, and ``sh:or``, ``sh:and``, ``sh:not``,
  ``sh:xone``, ``sh:node`` whose member shapes test single values with the components above;
- SHACL-SPARQL constraints (``sh:sparql`` with ``sh:select`` on a shape with targets).

Left to pyshacl, which then validates that node shape's own constraints, or that property
shape, whole: ``sh:closed``, ``sh:equals``, ``sh:disjoint``, ``sh:lessThan``,
``sh:lessThanOrEquals``, ``sh:property`` under a property shape or a member shape,
``sh:qualifiedValueShapesDisjoint``, ``sh:zeroOrMorePath``, ``sh:oneOrMorePath``,
``sh:zeroOrOnePath``, SHACL-AF ``sh:target``, SPARQL-based constraint components, SHACL-SPARQL
constraints on property shapes or without ``sh:select``. cislib's own shapes use none of them.

How the queries are shaped for Oxigraph, whose index lookups (a RocksDB seek each) cost far
more per row than a scan: over every focus node, each triple pattern is a sub-select, so it is
scanned once and hash-joined; the rules of one property path share one grouped query that
finds the focus nodes with any problem, and only those are then read in detail; a
SHACL-SPARQL select is rewritten the same way (each pattern of its main BGP a sub-select,
through rdflib's algebra). Over given focus nodes, patterns start from them instead.

Where the two can differ, on data cislib never writes: a top-level ``sh:pattern`` is matched in
Python exactly as pyshacl does, but inside a member shape it becomes SPARQL ``REGEX`` (XPath
syntax); literals are well-formed by Oxigraph's rules (which reject ``" 7"^^xsd:integer``, as
the XSD lexical space does, where rdflib's ``int()`` accepts it); a shape without ``sh:message``
gets no generated message; SHACL-SPARQL constraints see every graph, the ontology included, as
they always did.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib
import rdflib.collection
from rdflib.namespace import RDF, RDFS, SH, XSD
from rdflib.term import Node

from cislib.graph.terms import ONTOLOGY_GRAPH, to_rdflib

ONT = f"<{ONTOLOGY_GRAPH.value}>"
RDF_TYPE = f"<{RDF.type}>"
SUBCLASS = f"<{RDFS.subClassOf}>"

#: Predicates of a shape that are not constraints (or that the caller handles itself).
NOT_CONSTRAINTS = frozenset(
    {
        RDF.type,
        RDFS.label,
        RDFS.comment,
        SH.path,
        SH.message,
        SH.name,
        SH.description,
        SH.severity,
        SH.deactivated,
        SH.order,
        SH.group,
        SH.defaultValue,
        SH.targetClass,
        SH.targetNode,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        SH.property,
        SH.sparql,
        SH.qualifiedMinCount,
        SH.qualifiedMaxCount,
        SH.flags,
    }
)

#: Datatypes whose well-formed literals are exactly those the SPARQL cast gives back unchanged.
CASTABLE_DATATYPES = frozenset(
    {
        XSD.integer,
        XSD.decimal,
        XSD.date,
        XSD.dateTime,
        XSD.time,
        XSD.boolean,
        XSD.float,
        XSD.double,
    }
)

RANGES = {
    SH.minInclusive: (">=", SH.MinInclusiveConstraintComponent),
    SH.maxInclusive: ("<=", SH.MaxInclusiveConstraintComponent),
    SH.minExclusive: (">", SH.MinExclusiveConstraintComponent),
    SH.maxExclusive: ("<", SH.MaxExclusiveConstraintComponent),
}

LOGICAL = {
    SH["or"]: SH.OrConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH.xone: SH.XoneConstraintComponent,
}


class Untranslated(Exception):
    """A shape uses something this module does not translate; pyshacl validates it."""


# -- value tests ------------------------------------------------------------------------------


class Context:
    """What rendering needs from the store: subclasses, and fresh variable names."""

    def __init__(self, subclasses: dict[Node, set[Node]] | None = None):
        self.subclasses = subclasses or {}
        self._counter = itertools.count()

    def fresh(self, stem: str) -> str:
        """A variable name not used elsewhere in the query."""
        return f"?{stem}{next(self._counter)}"

    def instances_of(self, classes: Iterable[Node]) -> list[Node]:
        """The classes and every subclass of them in the data, sorted."""
        out: set[Node] = set()
        for cls in classes:
            out.add(cls)
            out.update(self.subclasses.get(cls, ()))
        return sorted(out)


class Test:
    """A condition a value node meets when it conforms (a member shape, or one constraint)."""

    def expr(self, var: str, ctx: Context) -> str:
        """A SPARQL expression, true when the node in ``var`` conforms (never an error)."""
        raise NotImplementedError

    def classes(self) -> frozenset | None:
        """The classes when the test is "an instance of one of these classes", else None."""
        return None


@dataclass(frozen=True)
class IsInstance(Test):
    """sh:class: the node is a SHACL instance of ``cls``."""

    cls: Node

    def expr(self, var: str, ctx: Context) -> str:
        graph, cls = ctx.fresh("cg"), ctx.fresh("ct")
        values = " ".join(c.n3() for c in ctx.instances_of([self.cls]))
        return (
            f"EXISTS {{ VALUES {cls} {{ {values} }} GRAPH {graph} {{ {var} {RDF_TYPE} {cls} }} "
            f"FILTER({graph} != {ONT}) }}"
        )

    def classes(self) -> frozenset:
        return frozenset([self.cls])


@dataclass(frozen=True)
class Expr(Test):
    """Any other single-value test, as an expression of the node's variable."""

    render: Callable[[str], str] = field(compare=False)
    key: str = ""

    def expr(self, var: str, ctx: Context) -> str:
        return f"COALESCE({self.render(var)}, false)"


@dataclass(frozen=True)
class AllOf(Test):
    """sh:and, or a member shape with several constraints."""

    parts: tuple[Test, ...]

    def expr(self, var: str, ctx: Context) -> str:
        if not self.parts:
            return "true"
        return "(" + " && ".join(p.expr(var, ctx) for p in self.parts) + ")"

    def classes(self) -> frozenset | None:
        return self.parts[0].classes() if len(self.parts) == 1 else None


@dataclass(frozen=True)
class AnyOf(Test):
    """sh:or."""

    parts: tuple[Test, ...]

    def expr(self, var: str, ctx: Context) -> str:
        if not self.parts:
            return "false"
        return "(" + " || ".join(p.expr(var, ctx) for p in self.parts) + ")"

    def classes(self) -> frozenset | None:
        found = [p.classes() for p in self.parts]
        if not found or any(c is None for c in found):
            return None
        return frozenset().union(*found)


@dataclass(frozen=True)
class NoneOf(Test):
    """sh:not."""

    part: Test

    def expr(self, var: str, ctx: Context) -> str:
        return f"(!{self.part.expr(var, ctx)})"


@dataclass(frozen=True)
class OneOf(Test):
    """sh:xone: exactly one member conforms."""

    parts: tuple[Test, ...]

    def expr(self, var: str, ctx: Context) -> str:
        if not self.parts:
            return "false"
        counts = " + ".join(f"IF({p.expr(var, ctx)}, 1, 0)" for p in self.parts)
        return f"(({counts}) = 1)"


def _datatype_test(datatype: Node) -> Test:
    if datatype == RDF.langString:
        return Expr(lambda v: f'(isLiteral({v}) && LANG({v}) != "")', "langString")
    if datatype == XSD.string:
        return Expr(lambda v: f"sameTerm(STR({v}), {v})", "string")
    if datatype == RDFS.Literal:
        return Expr(lambda v: f"isLiteral({v})", "literal")
    if datatype == RDFS.Datatype:
        return Expr(
            lambda v: f'(isLiteral({v}) && LANG({v}) = "" && !sameTerm(STR({v}), {v}))',
            "datatype",
        )
    if datatype in CASTABLE_DATATYPES:
        # Oxigraph stores well-formed literals of these types in canonical form and cannot
        # cast an ill-formed one: the cast gives the very same term back exactly when the
        # literal has this datatype and is well-formed.
        return Expr(lambda v: f"sameTerm({datatype.n3()}({v}), {v})", str(datatype))
    return Expr(lambda v: f"(isLiteral({v}) && DATATYPE({v}) = {datatype.n3()})", str(datatype))


NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "!isLiteral({v})",
    SH.BlankNodeOrLiteral: "!isIRI({v})",
    SH.IRIOrLiteral: "!isBlank({v})",
}


def _node_kind_test(kind: Node) -> Test:
    if kind not in NODE_KINDS:
        raise Untranslated(f"sh:nodeKind {kind}")
    template = NODE_KINDS[kind]
    return Expr(lambda v: template.format(v=v), str(kind))


def _in_test(members: Sequence[Node]) -> Test:
    if any(isinstance(m, rdflib.BNode) for m in members):
        raise Untranslated("sh:in with a blank node")
    if not members:
        return Expr(lambda v: "false", "in()")
    return Expr(
        lambda v: "(" + " || ".join(f"sameTerm({v}, {m.n3()})" for m in members) + ")",
        "in " + " ".join(sorted(map(str, members))),
    )


def _language_in_test(tags: Sequence[Node]) -> Test:
    wanted = sorted({str(t).lower() for t in tags})
    if "*" in wanted:
        return Expr(lambda v: f'(isLiteral({v}) && LANG({v}) != "")', "languageIn *")
    listed = ", ".join(rdflib.Literal(t).n3() for t in wanted)
    # pyshacl accepts a tag equal to a listed one or whose first subtag is listed (not every
    # prefix, as langMatches would).
    return Expr(
        lambda v: (
            f'(isLiteral({v}) && LANG({v}) != "" && (LCASE(LANG({v})) IN ({listed}) || '
            f'LCASE(STRBEFORE(CONCAT(LANG({v}), "-"), "-")) IN ({listed})))'
        ),
        "languageIn " + listed,
    )


def _length_test(bound: Node, operator: str) -> Test:
    if not isinstance(bound, rdflib.Literal) or not isinstance(bound.value, int):
        raise Untranslated("a length that is not an integer")
    if operator == ">=" and bound.value == 0:
        return Expr(lambda v: "true", "minLength 0")
    return Expr(
        lambda v: f"(!isBlank({v}) && STRLEN(STR({v})) {operator} {int(bound.value)})",
        f"length {operator} {bound}",
    )


def _regex_test(pattern: Node, flags: Node | None) -> Test:
    text = rdflib.Literal(str(pattern)).n3()
    options = rdflib.Literal(str(flags or "")).n3()
    return Expr(lambda v: f"(!isBlank({v}) && REGEX(STR({v}), {text}, {options}))", str(pattern))


def _range_test(bound: Node, operator: str) -> Test:
    if not isinstance(bound, rdflib.Literal):
        raise Untranslated("a range bound that is not a literal")
    return Expr(lambda v: f"({v} {operator} {bound.n3()})", f"{operator} {bound.n3()}")


# -- rules ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One constraint of one shape: what a result of it says besides focus node and value."""

    shape: Node
    component: Node
    path: Node | None


@dataclass(frozen=True)
class ValueRule(Rule):
    """A result for every value node that fails ``test``, with the value."""

    test: Test


@dataclass(frozen=True)
class PatternRule(Rule):
    """sh:pattern: checked in Python with pyshacl's own matching."""

    pattern: str
    flags: int


@dataclass(frozen=True)
class CountRule(Rule):
    """A result per focus node whose number of (conforming) values is out of bounds."""

    minimum: int | None
    maximum: int | None
    test: Test | None = None
    #: The components of a too small and of a too large count.
    below: Node | None = None
    above: Node | None = None


@dataclass(frozen=True)
class UniqueLangRule(Rule):
    """sh:uniqueLang: a result per focus node and language used by two values or more."""


@dataclass(frozen=True)
class HasValueRule(Rule):
    """sh:hasValue: a result per focus node none of whose values is ``term``."""

    term: Node


@dataclass(frozen=True)
class SparqlRule:
    """A SHACL-SPARQL constraint: its select with ``$this`` as ``?this``, and its messages."""

    shape: Node
    constraint: Node
    select: str
    prefixes: str
    messages: tuple


@dataclass(frozen=True)
class Targets:
    """Where a shape's focus nodes come from."""

    classes: tuple[Node, ...] = ()
    nodes: tuple[Node, ...] = ()
    subjects_of: tuple[Node, ...] = ()
    objects_of: tuple[Node, ...] = ()


@dataclass
class Origin:
    """A shape with targets, and the rules checked on its focus nodes."""

    shape: Node
    targets: Targets
    rules: list[Rule] = field(default_factory=list)
    sparql: list[SparqlRule] = field(default_factory=list)


@dataclass
class Plan:
    """The shapes graph translated: origins with their rules, and what pyshacl must do."""

    shapes: rdflib.Graph
    origins: list[Origin]
    #: The shapes left to pyshacl (only their untranslated parts), or None when there are none.
    residual: rdflib.Graph | None
    details: dict[Node, tuple[Node, tuple, Node]]

    def severity(self, shape: Node) -> Node:
        """The severity of a shape's results."""
        return self.details[shape][0]

    def messages(self, shape: Node) -> tuple:
        """The messages of a shape's results."""
        return self.details[shape][1]


def _list(graph: rdflib.Graph, node: Node) -> list[Node]:
    return list(rdflib.collection.Collection(graph, node))


def _one(graph: rdflib.Graph, shape: Node, predicate: Node) -> Node | None:
    values = sorted(graph.objects(shape, predicate))
    if len(values) > 1:
        raise Untranslated(f"{predicate} given {len(values)} times")
    return values[0] if values else None


def _true(graph: rdflib.Graph, shape: Node, predicate: Node) -> bool:
    return any(bool(getattr(v, "value", False)) for v in graph.objects(shape, predicate))


def _integer(value: Node | None) -> int | None:
    if value is None:
        return None
    if not isinstance(value, rdflib.Literal) or not isinstance(value.value, int):
        raise Untranslated(f"{value} is not an integer")
    return int(value.value)


def _check_path(graph: rdflib.Graph, path: Node) -> None:
    if isinstance(path, rdflib.URIRef):
        return
    if (path, RDF.first, None) in graph:
        for step in _list(graph, path):
            _check_path(graph, step)
        return
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        _check_path(graph, inverse)
        return
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        for step in _list(graph, alternatives):
            _check_path(graph, step)
        return
    raise Untranslated(f"the path {path}")


class Translator:
    """Turns the shapes graph into rules; raises Untranslated for what it cannot."""

    def __init__(self, shapes: rdflib.Graph):
        self.shapes = shapes
        self.custom_parameters = {
            parameter
            for component in shapes.subjects(RDF.type, SH.ConstraintComponent)
            for declaration in shapes.objects(component, SH.parameter)
            for parameter in shapes.objects(declaration, SH.path)
        }

    def deactivated(self, shape: Node) -> bool:
        """True when the shape is switched off with sh:deactivated true."""
        return _true(self.shapes, shape, SH.deactivated)

    def _parameters(self, shape: Node) -> list[Node]:
        predicates = sorted(set(self.shapes.predicates(shape)))
        for predicate in predicates:
            if predicate in self.custom_parameters:
                raise Untranslated(f"the custom constraint parameter {predicate}")
        return predicates

    def member(self, shape: Node, seen: tuple = ()) -> Test:
        """A shape used as a value test (a member of sh:or, sh:node, sh:qualifiedValueShape)."""
        if shape in seen:
            raise Untranslated("recursive shapes")
        if self.deactivated(shape):
            return AllOf(())
        graph = self.shapes
        if graph.value(shape, SH.path) is not None:
            raise Untranslated("a property shape as a member shape")
        tests: list[Test] = []
        for predicate in self._parameters(shape):
            if predicate in (SH.property, SH.sparql):
                raise Untranslated(f"{predicate} in a member shape")
            if predicate in NOT_CONSTRAINTS or not str(predicate).startswith(str(SH)):
                continue  # targets of a shape used as a member do not apply, nor do its names
            tests.extend(
                test for _component, test in self.value_tests(shape, predicate, (*seen, shape))
            )
        return AllOf(tuple(tests))

    def value_tests(self, shape: Node, predicate: Node, seen: tuple) -> list[tuple[Node, Test]]:
        """The value tests one constraint parameter of a shape makes, with their components."""
        graph = self.shapes
        values = sorted(graph.objects(shape, predicate))
        if predicate == SH["class"]:
            return [(SH.ClassConstraintComponent, IsInstance(c)) for c in values]
        if predicate == SH.datatype:
            return [(SH.DatatypeConstraintComponent, _datatype_test(d)) for d in values]
        if predicate == SH.nodeKind:
            return [(SH.NodeKindConstraintComponent, _node_kind_test(k)) for k in values]
        if predicate == SH.minLength:
            return [(SH.MinLengthConstraintComponent, _length_test(n, ">=")) for n in values]
        if predicate == SH.maxLength:
            return [(SH.MaxLengthConstraintComponent, _length_test(n, "<=")) for n in values]
        if predicate == SH.pattern:
            flags = _one(graph, shape, SH.flags)
            return [(SH.PatternConstraintComponent, _regex_test(p, flags)) for p in values]
        if predicate == SH.languageIn:
            return [
                (SH.LanguageInConstraintComponent, _language_in_test(_list(graph, v)))
                for v in values
            ]
        if predicate == SH["in"]:
            return [(SH.InConstraintComponent, _in_test(_list(graph, v))) for v in values]
        if predicate == SH.hasValue:
            return [
                (SH.HasValueConstraintComponent, Expr(lambda x, t=t: f"sameTerm({x}, {t.n3()})"))
                for t in values
            ]
        if predicate in RANGES:
            operator, component = RANGES[predicate]
            return [(component, _range_test(b, operator)) for b in values]
        if predicate in LOGICAL:
            combine = {SH["or"]: AnyOf, SH["and"]: AllOf, SH.xone: OneOf}[predicate]
            return [
                (
                    LOGICAL[predicate],
                    combine(tuple(self.member(m, seen) for m in _list(graph, v))),
                )
                for v in values
            ]
        if predicate == SH["not"]:
            return [(SH.NotConstraintComponent, NoneOf(self.member(v, seen))) for v in values]
        if predicate == SH.node:
            return [(SH.NodeConstraintComponent, self.member(v, seen)) for v in values]
        raise Untranslated(f"the constraint parameter {predicate}")

    def rules(self, shape: Node, path: Node | None) -> list[Rule]:
        """The rules of one shape's own constraints (not its sh:property shapes)."""
        graph = self.shapes
        if path is not None:
            _check_path(graph, path)
        rules: list[Rule] = []
        counted = False
        for predicate in self._parameters(shape):
            if predicate in NOT_CONSTRAINTS or not str(predicate).startswith(str(SH)):
                if predicate in (SH.qualifiedMinCount, SH.qualifiedMaxCount) and (
                    graph.value(shape, SH.qualifiedValueShape) is None
                ):
                    raise Untranslated("a qualified count without a qualified value shape")
                continue
            if predicate in (SH.minCount, SH.maxCount):
                if path is None:
                    raise Untranslated(f"{predicate} on a node shape")
                if not counted:
                    counted = True
                    rules.append(
                        CountRule(
                            shape,
                            SH.MinCountConstraintComponent,
                            path,
                            minimum=_integer(_one(graph, shape, SH.minCount)),
                            maximum=_integer(_one(graph, shape, SH.maxCount)),
                            below=SH.MinCountConstraintComponent,
                            above=SH.MaxCountConstraintComponent,
                        )
                    )
                continue
            if predicate == SH.qualifiedValueShape:
                if path is None:
                    raise Untranslated("sh:qualifiedValueShape on a node shape")
                if _true(graph, shape, SH.qualifiedValueShapesDisjoint):
                    raise Untranslated("sh:qualifiedValueShapesDisjoint")
                for value_shape in sorted(graph.objects(shape, predicate)):
                    rules.append(
                        CountRule(
                            shape,
                            SH.QualifiedMinCountConstraintComponent,
                            path,
                            minimum=_integer(_one(graph, shape, SH.qualifiedMinCount)),
                            maximum=_integer(_one(graph, shape, SH.qualifiedMaxCount)),
                            test=self.member(value_shape),
                            below=SH.QualifiedMinCountConstraintComponent,
                            above=SH.QualifiedMaxCountConstraintComponent,
                        )
                    )
                continue
            if predicate == SH.qualifiedValueShapesDisjoint:
                continue
            if predicate == SH.uniqueLang:
                if path is None:
                    raise Untranslated("sh:uniqueLang on a node shape")
                if _true(graph, shape, predicate):
                    rules.append(UniqueLangRule(shape, SH.UniqueLangConstraintComponent, path))
                continue
            if predicate == SH.hasValue:
                for term in sorted(graph.objects(shape, predicate)):
                    rules.append(HasValueRule(shape, SH.HasValueConstraintComponent, path, term))
                continue
            if predicate == SH.pattern:
                flags = str(_one(graph, shape, SH.flags) or "").lower()
                compiled = (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0)
                for pattern in sorted(graph.objects(shape, predicate)):
                    text = str(getattr(pattern, "value", None) or pattern)
                    rules.append(
                        PatternRule(shape, SH.PatternConstraintComponent, path, text, compiled)
                    )
                continue
            for component, test in self.value_tests(shape, predicate, (shape,)):
                rules.append(ValueRule(shape, component, path, test))
        return rules


def _targets(shapes: rdflib.Graph, shape: Node) -> Targets:
    classes = set(shapes.objects(shape, SH.targetClass))
    types = set(shapes.objects(shape, RDF.type))
    if RDFS.Class in types or rdflib.OWL.Class in types:
        classes.add(shape)  # implicit class target
    return Targets(
        classes=tuple(sorted(classes)),
        nodes=tuple(sorted(shapes.objects(shape, SH.targetNode))),
        subjects_of=tuple(sorted(shapes.objects(shape, SH.targetSubjectsOf))),
        objects_of=tuple(sorted(shapes.objects(shape, SH.targetObjectsOf))),
    )


TARGET_PREDICATES = (
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
)


def _copy_closure(source: rdflib.Graph, target: rdflib.Graph, node: Node, skip=()) -> None:
    """Copy a node's triples and those of the blank nodes and member shapes it leads to.

    A named shape reached as a member is copied without its targets, so that pyshacl does not
    validate it a second time on its own.
    """
    todo, done = [node], set()
    while todo:
        current = todo.pop()
        if current in done:
            continue
        done.add(current)
        for predicate, value in source.predicate_objects(current):
            if current == node and predicate in skip:
                continue
            if current != node and isinstance(current, rdflib.URIRef):
                if predicate in TARGET_PREDICATES:
                    continue
            target.add((current, predicate, value))
            if isinstance(value, rdflib.BNode) or (
                isinstance(value, rdflib.URIRef)
                and predicate not in (RDF.type, SH.path, SH.targetClass)
                and (value, RDF.type, SH.NodeShape) in source
            ):
                todo.append(value)


def _sparql_rule(shapes: rdflib.Graph, shape: Node, constraint: Node) -> SparqlRule:
    select = shapes.value(constraint, SH.select)
    if select is None:
        raise Untranslated("a SHACL-SPARQL constraint without sh:select")
    prefixes = "".join(
        f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
        for source in sorted(shapes.objects(constraint, SH.prefixes))
        for d in sorted(shapes.objects(source, SH.declare))
    )
    messages = tuple(shapes.objects(constraint, SH.message)) or tuple(
        shapes.objects(shape, SH.message)
    )
    return SparqlRule(shape, constraint, str(select).replace("$this", "?this"), prefixes, messages)


def compile_shapes(shapes: rdflib.Graph) -> Plan:
    """Translate a shapes graph; what cannot be translated goes to ``Plan.residual``."""
    translator = Translator(shapes)
    residual = rdflib.Graph()
    origins: list[Origin] = []
    details: dict[Node, tuple[Node, tuple, Node]] = {}

    def remember(shape: Node) -> None:
        severity = shapes.value(shape, SH.severity) or SH.Violation
        details[shape] = (severity, tuple(shapes.objects(shape, SH.message)), shape)

    with_targets = {s for p in TARGET_PREDICATES for s in shapes.subjects(p, None)}
    with_targets |= {
        s
        for cls in (RDFS.Class, rdflib.OWL.Class)
        for s in shapes.subjects(RDF.type, cls)
        if (s, RDF.type, SH.NodeShape) in shapes or (s, RDF.type, SH.PropertyShape) in shapes
    }
    for shape in sorted(with_targets):
        if translator.deactivated(shape):
            continue
        remember(shape)
        origin = Origin(shape, _targets(shapes, shape))
        delegated_own = False
        delegated: list[Node] = []
        nested = shapes.value(shape, SH.path) is not None and (shape, SH.property, None) in shapes
        if (shape, SH.target, None) in shapes or nested:
            delegated_own = True
            delegated = sorted(shapes.objects(shape, SH.property))
        else:
            try:
                origin.rules.extend(translator.rules(shape, shapes.value(shape, SH.path)))
            except Untranslated:
                delegated_own = True
            for prop in sorted(shapes.objects(shape, SH.property)):
                if translator.deactivated(prop):
                    continue
                remember(prop)
                try:
                    if (prop, SH.property, None) in shapes or (prop, SH.sparql, None) in shapes:
                        raise Untranslated("sh:property or sh:sparql under a property shape")
                    path = shapes.value(prop, SH.path)
                    if path is None:
                        raise Untranslated("a property shape without a path")
                    origin.rules.extend(translator.rules(prop, path))
                except Untranslated:
                    delegated.append(prop)
        sparql_delegated = []
        for constraint in sorted(shapes.objects(shape, SH.sparql)):
            try:
                if shapes.value(shape, SH.path) is not None or delegated_own:
                    raise Untranslated("a SHACL-SPARQL constraint on a property shape")
                origin.sparql.append(_sparql_rule(shapes, shape, constraint))
            except Untranslated:
                sparql_delegated.append(constraint)
        if delegated_own or delegated or sparql_delegated:
            _residual_shape(shapes, residual, shape, delegated_own, delegated, sparql_delegated)
        origins.append(origin)
    return Plan(shapes, origins, residual if len(residual) else None, details)


def _residual_shape(shapes, residual, shape, own: bool, properties, sparql) -> None:
    """Copy into ``residual`` what pyshacl must check of one shape with targets."""
    if own:
        _copy_closure(shapes, residual, shape, skip=(SH.property, SH.sparql))
    else:
        for predicate in (RDF.type, *TARGET_PREDICATES, SH.severity, SH.message, SH.path):
            for value in shapes.objects(shape, predicate):
                residual.add((shape, predicate, value))
                if isinstance(value, rdflib.BNode):
                    _copy_closure(shapes, residual, value)
    for prop in properties:
        residual.add((shape, SH.property, prop))
        _copy_closure(shapes, residual, prop)
    for constraint in sparql:
        residual.add((shape, SH.sparql, constraint))
        _copy_closure(shapes, residual, constraint)
        for source in shapes.objects(constraint, SH.prefixes):
            _copy_closure(shapes, residual, source)


# -- rendering --------------------------------------------------------------------------------


def _projection(*names: str) -> str:
    return " ".join(n for n in names if n.startswith("?"))


def _triple(subject: str, predicate: Node, obj: str, ctx: Context, full: bool) -> str:
    graph = ctx.fresh("g")
    pattern = f"GRAPH {graph} {{ {subject} {predicate.n3()} {obj} }} FILTER({graph} != {ONT})"
    if full and predicate != RDF.type:
        # A sub-select is evaluated on its own and hash-joined: one scan of the predicate
        # instead of an index lookup per focus node, which is what makes the full pass fast.
        # rdf:type is the exception: every node has types, and looking up those of the focus
        # nodes costs far less than reading every type in the store.
        return f"{{ SELECT {_projection(subject, obj)} WHERE {{ {pattern} }} }}"
    return f"{{ {pattern} }}"


def path_pattern(
    shapes: rdflib.Graph, path: Node, subject: str, obj: str, ctx: Context, full: bool
) -> str:
    """A graph pattern binding ``obj`` to every value of ``path`` from ``subject``."""
    if isinstance(path, rdflib.URIRef):
        return _triple(subject, path, obj, ctx, full)
    if (path, RDF.first, None) in shapes:
        steps = _list(shapes, path)
        names = [subject] + [ctx.fresh("m") for _ in steps[1:]] + [obj]
        inner = " ".join(
            path_pattern(shapes, step, names[i], names[i + 1], ctx, full)
            for i, step in enumerate(steps)
        )
        return _group(subject, obj, inner, full)
    inverse = shapes.value(path, SH.inversePath)
    if inverse is not None:
        return path_pattern(shapes, inverse, obj, subject, ctx, full)
    alternatives = shapes.value(path, SH.alternativePath)
    branches = " UNION ".join(
        "{ " + path_pattern(shapes, step, subject, obj, ctx, full) + " }"
        for step in _list(shapes, alternatives)
    )
    return _group(subject, obj, branches, full)


def _group(subject: str, obj: str, inner: str, full: bool) -> str:
    if full:
        return f"{{ SELECT DISTINCT {_projection(subject, obj)} WHERE {{ {inner} }} }}"
    return f"{{ {inner} }}"


#: Focus nodes per query when the nodes are listed in it.
CHUNK = 2000


def _chunks(nodes: list) -> Iterator[list]:
    for start in range(0, len(nodes), CHUNK):
        yield nodes[start : start + CHUNK]


def _values(name: str, terms: Iterable[ox.Term]) -> str:
    return f"VALUES {name} {{ {' '.join(str(t) for t in terms)} }}"


def focus_pattern(targets: Targets, ctx: Context, nodes: Sequence[ox.Term] | None) -> str:
    """The focus nodes: every target (a sub-select), or the given nodes."""
    if nodes is not None:
        return _values("?this", nodes)
    branches = []
    if targets.classes:
        graph, cls = ctx.fresh("tg"), ctx.fresh("tc")
        classes = " ".join(c.n3() for c in ctx.instances_of(targets.classes))
        branches.append(
            f"{{ VALUES {cls} {{ {classes} }} GRAPH {graph} {{ ?this {RDF_TYPE} {cls} }} "
            f"FILTER({graph} != {ONT}) }}"
        )
    if targets.nodes:
        branches.append("{ VALUES ?this { " + " ".join(n.n3() for n in targets.nodes) + " } }")
    for predicate in targets.subjects_of:
        graph = ctx.fresh("tg")
        branches.append(
            f"{{ GRAPH {graph} {{ ?this {predicate.n3()} {ctx.fresh('any')} }} "
            f"FILTER({graph} != {ONT}) }}"
        )
    for predicate in targets.objects_of:
        graph = ctx.fresh("tg")
        branches.append(
            f"{{ GRAPH {graph} {{ {ctx.fresh('any')} {predicate.n3()} ?this }} "
            f"FILTER({graph} != {ONT}) }}"
        )
    if not branches:
        return "VALUES ?this { }"
    return "{ SELECT DISTINCT ?this WHERE { " + " UNION ".join(branches) + " } }"


def _instances(classes: frozenset, ctx: Context) -> str:
    graph, cls = ctx.fresh("cg"), ctx.fresh("ct")
    values = " ".join(c.n3() for c in ctx.instances_of(classes))
    return (
        f"{{ SELECT DISTINCT ?value WHERE {{ VALUES {cls} {{ {values} }} "
        f"GRAPH {graph} {{ ?value {RDF_TYPE} {cls} }} FILTER({graph} != {ONT}) }} }}"
    )


@dataclass(frozen=True)
class Result:
    """One validation result, as pyshacl would report it."""

    focus: Node
    shape: Node
    component: Node
    path: Node | None = None
    value: Node | None = None
    constraint: Node | None = None
    messages: tuple = ()


def _hash_join_select(select: str, prefixes: str) -> str:
    """The constraint's query with each triple pattern of its main BGP in its own sub-select.

    Oxigraph evaluates a multi-pattern BGP with an index lookup per row, about a RocksDB seek
    each; over every quote of a large store that takes minutes. Separate sub-selects are
    scanned once each and hash-joined, several times faster, with the same answers. The text
    is regenerated from rdflib's algebra; a query it cannot rewrite (a blank node in the BGP,
    an expression rdflib cannot print back) is used as written.
    """
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.plugins.sparql.algebra import BGP, Join, Project, ToMultiSet, translateAlgebra
    from rdflib.plugins.sparql.parserutils import CompValue

    def split(part):
        if not isinstance(part, CompValue):
            return part
        if part.name == "BGP" and len(part.triples) > 1:
            if any(isinstance(term, rdflib.BNode) for triple in part.triples for term in triple):
                raise ValueError("blank nodes in the pattern")
            joined = None
            for triple in part.triples:
                names = list(dict.fromkeys(t for t in triple if isinstance(t, rdflib.Variable)))
                single = ToMultiSet(Project(BGP([triple]), names))
                joined = single if joined is None else Join(joined, single)
            return joined
        if part.name in ("SelectQuery", "Project", "Extend", "Filter", "Distinct", "Join"):
            for key in ("p", "p1", "p2"):
                if key in part and isinstance(part[key], CompValue):
                    part[key] = split(part[key])
        return part

    try:
        query = prepareQuery(prefixes + select)
        query.algebra = split(query.algebra)
        return translateAlgebra(query)
    except Exception:  # any query rdflib cannot take apart and print back is kept as written
        return select


class Runner:
    """Runs a plan's queries on a store, over every focus node or over given ones.

    Over every focus node (``nodes`` None) the queries join whole scans with hash joins; over
    given nodes they start from them and look up only what those nodes need. The rules of one
    property shape share their queries: one for the value tests, one for the counts, one for
    the focus nodes with no value at all.
    """

    def __init__(self, plan: Plan, query: Callable[[str], Iterable], subclasses):
        self.plan = plan
        self.shapes = plan.shapes
        self._query = query
        self.subclasses = subclasses
        self._rewritten: dict[Node, str] = {}

    def context(self) -> Context:
        """A fresh rendering context."""
        return Context(self.subclasses)

    def rows(self, sparql: str) -> Iterator:
        """Answers to one query."""
        return iter(self._query(sparql))

    def _values_of(self, path: Node | None, ctx: Context, nodes) -> str:
        """A pattern binding ?value to each value of ``path`` from ?this.

        For given focus nodes the values are made distinct first: a node named in many reports
        has the same triple in many graphs, and each copy would otherwise be tested again.
        """
        if path is None:
            return "BIND(?this AS ?value)"
        if nodes is None:
            return path_pattern(self.shapes, path, "?this", "?value", ctx, True)
        pattern = path_pattern(self.shapes, path, "?this", "?value", ctx, False)
        return f"{{ SELECT DISTINCT ?this ?value WHERE {{ {_values('?this', nodes)} {pattern} }} }}"

    def run(self, origin: Origin, nodes: Sequence[ox.Term] | None) -> Iterator[Result]:
        """Every result of the origin's rules (on ``nodes`` when given)."""
        for part in range(self.parts(origin)):
            yield from self.run_part(origin, part, nodes)

    @staticmethod
    def _groups(origin: Origin) -> list[tuple[Node | None, list[Rule]]]:
        groups: dict[Node | None, list[Rule]] = {}
        for rule in origin.rules:
            groups.setdefault(rule.path, []).append(rule)
        return list(groups.items())

    @staticmethod
    def parts(origin: Origin) -> int:
        """How many independent parts the origin's validation has (``run_part``)."""
        return len(Runner._groups(origin)) + len(origin.sparql)

    def run_part(
        self, origin: Origin, part: int, nodes: Sequence[ox.Term] | None
    ) -> Iterator[Result]:
        """The results of one part: the rules of one path, or one SHACL-SPARQL constraint.

        Parts share nothing, so they can run in different processes.
        """
        if nodes is not None and not nodes:
            return
        groups = self._groups(origin)
        if part >= len(groups):
            yield from self._sparql_rule(origin, origin.sparql[part - len(groups)], nodes)
            return
        path, rules = groups[part]
        values = [r for r in rules if isinstance(r, ValueRule)]
        patterns = [r for r in rules if isinstance(r, PatternRule)]
        counts = [r for r in rules if isinstance(r, CountRule)]
        present = [r for r in rules if isinstance(r, HasValueRule)]
        if path is None:
            if values:
                yield from self._value_rules(origin, path, values, nodes)
            for rule in present:
                yield from self._node_has_value(origin, rule, nodes)
        elif nodes is None and (values or counts or present):
            for chunk in _chunks(self._screen(origin, path, values, counts, present)):
                if values:
                    yield from self._value_rules(origin, path, values, chunk)
                if counts or present:
                    yield from self._count_rules(origin, path, counts, present, chunk)
        else:
            if values:
                yield from self._value_rules(origin, path, values, nodes)
            if counts or present:
                yield from self._count_rules(origin, path, counts, present, nodes)
        if patterns:
            yield from self._pattern_rules(origin, path, patterns, nodes)
        for rule in rules:
            if isinstance(rule, UniqueLangRule):
                yield from self._unique_lang_rule(origin, rule, nodes)

    def _screen(self, origin, path, values, counts, present) -> list:
        """The focus nodes that break any value test or count of one path: one pass.

        Over every focus node, one grouped query per path finds the nodes with a problem;
        the exact results are then read for those few nodes only, with the queries that
        validate given nodes. Every rule of the path thus costs one scan of the store, not
        two or three.
        """
        ctx = self.context()
        tested = self._tested(counts, present)
        tests = [r.test for r in values] + [t for _, t, _, _ in tested if t is not None]
        conditions, joins = self._conditions(tests, ctx, True)
        value_conditions = conditions[: len(values)]
        aggregates, bounds, _names = self._aggregates(tested, conditions[len(values) :])
        part = f"{self._values_of(path, ctx, None)} {joins}"
        if value_conditions:
            ok = " && ".join(value_conditions)
            part += f" BIND(IF({ok}, 0, 1) AS ?bad)"
            aggregates.append("(SUM(COALESCE(?bad, 0)) AS ?failing)")
            bounds.append("?failing > 0")
        if not self._always_valued(origin, path):
            part = f"OPTIONAL {{ {part} }}"
        query = (
            f"SELECT ?this WHERE {{ {{ SELECT ?this {' '.join(aggregates)} "
            f"WHERE {{ {focus_pattern(origin.targets, ctx, None)} {part} }} "
            f"GROUP BY ?this }} FILTER({' || '.join(bounds)}) }}"
        )
        return sorted((row["this"] for row in self.rows(query)), key=str)

    def _result(self, rule: Rule, focus, value=None, component=None) -> Result:
        return Result(
            focus=to_rdflib(focus),
            shape=rule.shape,
            component=component or rule.component,
            path=rule.path,
            value=to_rdflib(value) if value is not None else None,
            messages=self.plan.messages(rule.shape),
        )

    def _conditions(self, tests: Sequence[Test], ctx: Context, full: bool):
        """SPARQL conditions for tests on ?value, and the OPTIONAL joins some of them need.

        Over every focus node a class test is a left hash join with the class's instances
        (a flag variable bound when the value is one); over given nodes it is an EXISTS
        lookup per value.
        """
        conditions, joins = [], []
        for test in tests:
            classes = test.classes()
            if full and classes is not None:
                flag = ctx.fresh("is")
                joins.append(f"OPTIONAL {{ {_instances(classes, ctx)} BIND(true AS {flag}) }}")
                conditions.append(f"BOUND({flag})")
            else:
                conditions.append(test.expr("?value", ctx))
        return conditions, " ".join(joins)

    def _value_rules(self, origin, path, rules: list[ValueRule], nodes) -> Iterator[Result]:
        ctx = self.context()
        full = nodes is None
        conditions, joins = self._conditions([r.test for r in rules], ctx, full)
        flags = ", ".join(
            f'IF({condition}, "", "{number} ")' for number, condition in enumerate(conditions)
        )
        query = (
            "SELECT DISTINCT ?this ?value ?fails WHERE { "
            f"{focus_pattern(origin.targets, ctx, nodes)} {self._values_of(path, ctx, nodes)} "
            f'{joins} BIND(CONCAT({flags}, "") AS ?fails) FILTER(?fails != "") }}'
        )
        for row in self.rows(query):
            for number in row["fails"].value.split():
                yield self._result(rules[int(number)], row["this"], row["value"])

    def _pattern_rules(self, origin, path, rules: list[PatternRule], nodes) -> Iterator[Result]:
        ctx = self.context()
        query = (
            "SELECT DISTINCT ?this ?value WHERE { "
            f"{focus_pattern(origin.targets, ctx, nodes)} {self._values_of(path, ctx, nodes)} }}"
        )
        matchers = [(rule, re.compile(rule.pattern, rule.flags)) for rule in rules]
        for row in self.rows(query):
            value = row["value"]
            for rule, matcher in matchers:
                # pyshacl's test: a blank node never matches; anything else by its string
                if isinstance(value, ox.BlankNode) or not matcher.search(value.value):
                    yield self._result(rule, row["this"], value)

    @staticmethod
    def _tested(counts, present) -> list[tuple[Rule, Test | None, int | None, int | None]]:
        """Each count rule as (rule, test counted values meet or None, minimum, maximum)."""
        tested: list[tuple[Rule, Test | None, int | None, int | None]] = [
            (rule, rule.test, rule.minimum, rule.maximum) for rule in counts
        ]
        for rule in present:
            term = rule.term.n3()
            test = Expr(lambda v, t=term: f"sameTerm({v}, {t})", f"hasValue {term}")
            tested.append((rule, test, 1, None))
        return tested

    @staticmethod
    def _aggregates(tested, conditions) -> tuple[list[str], list[str], list[str]]:
        """Per count rule, a COUNT of distinct (conforming) values and its bounds."""
        aggregates, bounds, names = [], [], []
        condition = iter(conditions)
        for number, (_rule, test, minimum, maximum) in enumerate(tested):
            name = f"?n{number}"
            names.append(name)
            counted = "?value" if test is None else f"IF({next(condition)}, ?value, ?none)"
            aggregates.append(f"(COUNT(DISTINCT {counted}) AS {name})")
            if minimum is not None and minimum >= 1:
                bounds.append(f"{name} < {minimum}")
            if maximum is not None:
                bounds.append(f"{name} > {maximum}")
        return aggregates, bounds, names

    def _count_rules(self, origin, path, counts, present, nodes) -> Iterator[Result]:
        """Cardinalities, qualified cardinalities and sh:hasValue of one property path.

        One grouped query counts, per focus node, its distinct values and those meeting each
        test; the values are an OPTIONAL part, so a focus node without any counts zero.
        """
        full = nodes is None
        tested = self._tested(counts, present)
        ctx = self.context()
        conditions, joins = self._conditions(
            [test for _, test, _, _ in tested if test is not None], ctx, full
        )
        aggregates, bounds, names = self._aggregates(tested, conditions)
        if not bounds:
            return
        values = f"{self._values_of(path, ctx, nodes)} {joins}"
        if not self._always_valued(origin, path):
            values = f"OPTIONAL {{ {values} }}"
        query = (
            f"SELECT ?this {' '.join(names)} WHERE {{ {{ SELECT ?this {' '.join(aggregates)} "
            f"WHERE {{ {focus_pattern(origin.targets, ctx, nodes)} {values} }} "
            f"GROUP BY ?this }} FILTER({' || '.join(bounds)}) }}"
        )
        for row in self.rows(query):
            for number, (rule, _test, minimum, maximum) in enumerate(tested):
                count = int(row[f"n{number}"].value)
                if minimum is not None and count < minimum:
                    yield self._count_result(rule, row["this"], below=True)
                if maximum is not None and count > maximum:
                    yield self._count_result(rule, row["this"], below=False)

    @staticmethod
    def _always_valued(origin: Origin, path: Node) -> bool:
        """True when every focus node has a value: rdf:type of nodes targeted by class."""
        targets = origin.targets
        return (
            path == RDF.type
            and bool(targets.classes)
            and not (targets.nodes or targets.subjects_of or targets.objects_of)
        )

    def _count_result(self, rule: Rule, focus, below: bool) -> Result:
        if isinstance(rule, CountRule):
            return self._result(rule, focus, component=rule.below if below else rule.above)
        return self._result(rule, focus)

    def _unique_lang_rule(self, origin: Origin, rule: UniqueLangRule, nodes) -> Iterator[Result]:
        ctx = self.context()
        query = (
            "SELECT ?this ?lang WHERE { { SELECT ?this ?lang (COUNT(DISTINCT ?value) AS ?n) "
            f"WHERE {{ {focus_pattern(origin.targets, ctx, nodes)} "
            f"{self._values_of(rule.path, ctx, nodes)} "
            'BIND(LCASE(LANG(?value)) AS ?lang) FILTER(?lang != "") } GROUP BY ?this ?lang } '
            "FILTER(?n > 1) }"
        )
        for row in self.rows(query):
            yield self._result(rule, row["this"])

    def _node_has_value(self, origin: Origin, rule: HasValueRule, nodes) -> Iterator[Result]:
        ctx = self.context()
        focus = focus_pattern(origin.targets, ctx, nodes)
        query = (
            f"SELECT DISTINCT ?this WHERE {{ {focus} FILTER(!sameTerm(?this, {rule.term.n3()})) }}"
        )
        for row in self.rows(query):
            yield self._result(rule, row["this"])

    def _sparql_rule(self, origin: Origin, rule: SparqlRule, nodes) -> Iterator[Result]:
        """A SHACL-SPARQL constraint's results, with its select as written as the fallback.

        Over every focus node the select runs rewritten for hash joins; over given nodes
        they go inside its WHERE clause (a sub-select is evaluated on its own, so VALUES
        outside it would not narrow it). Should the changed text not parse, the select runs
        as written, narrowed from outside: slower, the same answers.
        """
        if nodes is None:
            if rule.constraint not in self._rewritten:
                self._rewritten[rule.constraint] = _hash_join_select(rule.select, rule.prefixes)
            focus = focus_pattern(origin.targets, self.context(), None)
            fast = f"{focus} {{ {self._rewritten[rule.constraint]} }}"
            plain = f"{focus} {{ {rule.select} }}"
        else:
            opening = rule.select.find("{")
            select = (
                rule.select[: opening + 1]
                + f" {_values('?this', nodes)} "
                + rule.select[opening + 1 :]
            )
            fast = f"{_values('?this', nodes)} {{ {select} }}"
            plain = f"{_values('?this', nodes)} {{ {rule.select} }}"
        head = f"{rule.prefixes}SELECT DISTINCT ?this ?value ?path WHERE "
        try:
            rows = list(self.rows(head + f"{{ {fast} }}"))
        except SyntaxError:
            rows = list(self.rows(head + f"{{ {plain} }}"))
        for row in rows:
            path = row["path"]
            yield Result(
                focus=to_rdflib(row["this"]),
                shape=rule.shape,
                component=SH.SPARQLConstraintComponent,
                path=to_rdflib(path) if path is not None else None,
                value=to_rdflib(row["value"]) if row["value"] is not None else None,
                constraint=rule.constraint,
                messages=rule.messages,
            )
