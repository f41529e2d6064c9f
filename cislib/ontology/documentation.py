"""The ontology's documentation: one self-contained HTML page generated from ``cislib.ttl``.

The page lists the ontology's metadata (IRI, version IRI, licence, creators, description) and
every term it defines, grouped as classes, object properties, datatype properties, concept
schemes and concepts, each with its English and Russian labels, definitions and comments,
domain and range, and links to its super- and sub-classes or properties. Every term's anchor is
its local name, so ``https://w3id.org/cislib/def#Participation``, served as this page, lands
on the term. Reused terms of other vocabularies are listed at the end with anchors named by
their prefixed names (``schema:Event``) and links to their own documentation.

The page shell is ``documentation.html`` (a ``string.Template``); this module fills it. The
page loads nothing: no scripts, one inline style block, no fonts or images, so it works
offline and under a strict Content-Security-Policy. Terms are sorted, so the same ontology
always gives the same bytes.

Example:
    >>> page = ontology_html()
    >>> 'id="Participation"' in page and "участие" in page
    True
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from string import Template

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from cislib import __version__
from cislib.ontology import CIS, DCTERMS, ONTOLOGY_IRI, SKOS, ontology_text

VANN = "http://purl.org/vocab/vann/"
#: Languages shown first, in this order; other tags follow, sorted.
LANGUAGES = ("en", "ru")


@dataclass(frozen=True)
class Category:
    """A section of the page: the terms whose types include ``types`` (first match wins)."""

    key: str
    heading: str
    types: tuple[URIRef, ...]


#: The sections of defined terms, in page order. A term is shown once, in the first section
#: whose type it has: event types (classes and concepts) appear among the classes.
CATEGORIES = (
    Category("classes", "Classes", (OWL.Class, RDFS.Class)),
    Category("object-properties", "Object properties", (OWL.ObjectProperty,)),
    Category("datatype-properties", "Datatype properties", (OWL.DatatypeProperty,)),
    Category("annotation-properties", "Annotation properties", (OWL.AnnotationProperty,)),
    Category("concept-schemes", "Concept schemes", (SKOS.ConceptScheme,)),
    Category("concepts", "Concepts", (SKOS.Concept,)),
)

#: (predicate, row heading) of links from a term to other terms, in row order.
LINK_ROWS = (
    (RDFS.subClassOf, "Sub-class of"),
    (RDFS.subPropertyOf, "Sub-property of"),
    (RDFS.domain, "Domain"),
    (RDFS.range, "Range"),
    (SKOS.inScheme, "In scheme"),
    (SKOS.topConceptOf, "Top concept of"),
    (SKOS.hasTopConcept, "Top concepts"),
)
#: (predicate, row heading) of links to a term from other terms (the inverse direction).
INVERSE_ROWS = (
    (RDFS.subClassOf, "Super-class of"),
    (RDFS.subPropertyOf, "Super-property of"),
    (RDFS.domain, "In domain of"),
    (RDFS.range, "In range of"),
)
#: (predicate, row heading) of texts, shown in every language the ontology gives.
TEXT_ROWS = (
    (RDFS.label, "Label"),
    (SKOS.definition, "Definition"),
    (RDFS.comment, "Comment"),
)

_CURIE = re.compile(r"\b([a-z][a-z0-9]*):([A-Za-z_][A-Za-z0-9_]*)")


def _sort_key(iri: URIRef) -> tuple[str, str]:
    return (str(iri).lower(), str(iri))


class _Page:
    """What the page needs to know about the ontology, and how it writes a term."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.prefixes = sorted(
            ((prefix, str(namespace)) for prefix, namespace in graph.namespaces()),
            key=lambda item: (-len(item[1]), item[0]),
        )
        self.namespaces = dict(self.prefixes)
        self.defined = {
            s
            for s in graph.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI)
            if isinstance(s, URIRef) and str(s).startswith(str(CIS))
        }
        self.reused = {
            s
            for s, o in graph.subject_objects(RDFS.isDefinedBy)
            if isinstance(s, URIRef) and o != ONTOLOGY_IRI
        }

    # -- names and links --------------------------------------------------------------------

    def curie(self, iri: URIRef) -> str:
        """``cis:Participation`` for a term under a declared prefix, else the IRI itself."""
        for prefix, namespace in self.prefixes:
            if str(iri).startswith(namespace) and len(str(iri)) > len(namespace):
                return f"{prefix}:{str(iri)[len(namespace) :]}"
        return str(iri)

    def anchor(self, iri: URIRef) -> str | None:
        """The id of a term's entry on this page, or None when the page has no entry."""
        if iri in self.defined:
            return str(iri)[len(str(CIS)) :]
        if iri in self.reused:
            return self.curie(iri)
        return None

    def link(self, iri) -> str:
        """A link to a term: its entry on this page when there is one, else its own IRI."""
        if isinstance(iri, Literal):
            return self.text(iri)
        name = html.escape(self.curie(iri))
        anchor = self.anchor(iri)
        target = f"#{anchor}" if anchor else str(iri)
        return f'<a href="{html.escape(target)}"><code>{name}</code></a>'

    def text(self, literal) -> str:
        """Escaped text in which the prefixed names of terms on this page become links."""

        def replace(match: re.Match) -> str:
            prefix, local = match.group(1), match.group(2)
            namespace = self.namespaces.get(prefix)
            iri = URIRef(namespace + local) if namespace else None
            if iri is not None and self.anchor(iri):
                return self.link(iri)
            return match.group(0)

        return _CURIE.sub(replace, html.escape(str(literal)))

    # -- values -----------------------------------------------------------------------------

    def literals(self, subject: URIRef, predicate: URIRef) -> list[Literal]:
        """The literal values, English first, then Russian, then the rest by language tag."""
        values = [o for o in self.graph.objects(subject, predicate) if isinstance(o, Literal)]

        def order(value: Literal):
            language = value.language or ""
            rank = LANGUAGES.index(language) if language in LANGUAGES else len(LANGUAGES)
            return (rank, language, str(value))

        return sorted(values, key=order)

    def label(self, subject: URIRef, language: str) -> str | None:
        for value in self.literals(subject, RDFS.label):
            if value.language == language:
                return str(value)
        return None

    def texts(self, values: list[Literal]) -> str:
        paragraphs = []
        for value in values:
            language = value.language
            attribute = f' lang="{html.escape(language)}"' if language else ""
            tag = f"<code>{html.escape(language)}</code> " if language else ""
            paragraphs.append(f"<p{attribute}>{tag}{self.text(value)}</p>")
        return "".join(paragraphs)

    def links(self, iris) -> str:
        return ", ".join(self.link(i) for i in sorted(set(iris), key=_sort_key))

    # -- sections ---------------------------------------------------------------------------

    def categorised(self) -> dict[str, list[URIRef]]:
        """The defined terms of each section, sorted."""
        out: dict[str, list[URIRef]] = {c.key: [] for c in CATEGORIES}
        for term in sorted(self.defined, key=_sort_key):
            types = set(self.graph.objects(term, RDF.type))
            for category in CATEGORIES:
                if types & set(category.types):
                    out[category.key].append(term)
                    break
        return out

    def term(self, term: URIRef) -> str:
        """The entry of one defined term."""
        anchor = html.escape(self.anchor(term))
        english = self.label(term, "en") or self.curie(term)
        russian = self.label(term, "ru")
        heading = f'<a href="#{anchor}">{html.escape(english)}</a>'
        if russian:
            heading += f' <span lang="ru" class="ru">{html.escape(russian)}</span>'
        heading += f' <code class="curie">{html.escape(self.curie(term))}</code>'
        rows = [("IRI", f"<code>{html.escape(str(term))}</code>")]
        rows.append(("Type", self.links(self.graph.objects(term, RDF.type))))
        for predicate, title in TEXT_ROWS:
            values = self.literals(term, predicate)
            if values:
                rows.append((title, self.texts(values)))
        for predicate, title in LINK_ROWS:
            targets = list(self.graph.objects(term, predicate))
            if targets:
                rows.append((title, self.links(targets)))
        for predicate, title in INVERSE_ROWS:
            sources = [s for s in self.graph.subjects(predicate, term) if isinstance(s, URIRef)]
            if sources:
                rows.append((title, self.links(sources)))
        body = "".join(f"<dt>{html.escape(t)}</dt><dd>{v}</dd>" for t, v in rows)
        return (
            f'<section class="term" id="{anchor}">\n<h3>{heading}</h3>\n<dl>{body}</dl>\n</section>'
        )

    def reused_section(self) -> str:
        """The reused terms of other vocabularies, by vocabulary, each with its uses here."""
        items = []
        for term in sorted(self.reused, key=lambda t: (self.curie(t).lower(), str(t))):
            kinds = self.links(self.graph.objects(term, RDF.type))
            uses = []
            for predicate, title in INVERSE_ROWS:
                sources = [s for s in self.graph.subjects(predicate, term) if s in self.defined]
                if sources:
                    uses.append(f"{html.escape(title.lower())} {self.links(sources)}")
            used = f"; {'; '.join(uses)}" if uses else ""
            name = html.escape(self.curie(term))
            items.append(
                f'<li id="{html.escape(self.anchor(term))}"><a href="{html.escape(str(term))}">'
                f"<code>{name}</code></a> ({kinds}){used}</li>"
            )
        return (
            '<section id="reused-terms">\n<h2>Reused terms</h2>\n<p>Terms of other vocabularies '
            "that cislib uses as they are defined there; the links lead to their own "
            "documentation.</p>\n<ul>\n" + "\n".join(items) + "\n</ul>\n</section>"
        )

    def namespaces_section(self) -> str:
        rows = "".join(
            f"<tr><td><code>{html.escape(p)}:</code></td><td><code>{html.escape(n)}</code></td>"
            "</tr>"
            for p, n in sorted(self.prefixes)
        )
        return (
            '<section id="namespaces">\n<h2>Namespaces</h2>\n<table>\n'
            f"<tr><th>prefix</th><th>namespace</th></tr>{rows}\n</table>\n</section>"
        )

    def header(self) -> str:
        ontology = ONTOLOGY_IRI
        titles = self.literals(ontology, DCTERMS.title)
        english = next((str(t) for t in titles if t.language == "en"), str(ontology))
        others = "".join(
            f'<p class="subtitle" lang="{html.escape(t.language)}">{html.escape(str(t))}</p>'
            for t in titles
            if t.language and t.language != "en"
        )
        rows = [("IRI", f"<code>{html.escape(str(ontology))}</code>")]
        for predicate, title in (
            (OWL.versionIRI, "Version IRI"),
            (OWL.versionInfo, "Version"),
            (DCTERMS.license, "Licence"),
            (DCTERMS.creator, "Creators"),
            (URIRef(VANN + "preferredNamespacePrefix"), "Preferred prefix"),
            (URIRef(VANN + "preferredNamespaceUri"), "Namespace"),
        ):
            values = sorted(self.graph.objects(ontology, predicate), key=str)
            if not values:
                continue
            cells = []
            for value in values:
                if isinstance(value, URIRef):
                    iri = html.escape(str(value))
                    cells.append(f'<a href="{iri}"><code>{iri}</code></a>')
                elif predicate == DCTERMS.creator:
                    cells.append(html.escape(str(value)))
                else:
                    cells.append(f"<code>{html.escape(str(value))}</code>")
            rows.append((title, ", ".join(cells)))
        meta = "".join(f"<dt>{html.escape(t)}</dt><dd>{v}</dd>" for t, v in rows)
        description = self.texts(self.literals(ontology, DCTERMS.description))
        return (
            f'<h1 id="ontology">{html.escape(english)}</h1>\n{others}\n<dl>{meta}</dl>\n'
            f"{description}"
        )

    def contents(self, sections: dict[str, list[URIRef]]) -> str:
        parts = ["<h2>Contents</h2>"]
        for category in CATEGORIES:
            terms = sections[category.key]
            if not terms:
                continue
            links = "".join(
                f'<li><a href="#{html.escape(self.anchor(t))}">'
                f"{html.escape(self.curie(t))}</a></li>"
                for t in terms
            )
            parts.append(
                f'<h3><a href="#{category.key}">{html.escape(category.heading)}</a></h3>'
                f"<ul>{links}</ul>"
            )
        parts.append(
            '<p><a href="#reused-terms">Reused terms</a> · <a href="#namespaces">Namespaces</a></p>'
        )
        return "\n".join(parts)


def _graph() -> Graph:
    # Only the prefixes the file declares, so the names shown are the ontology's own.
    return Graph(bind_namespaces="none").parse(data=ontology_text(), format="turtle")


@cache
def ontology_html() -> str:
    """The documentation page of the shipped ontology, as HTML text (the same every time).

    Returns:
        A complete HTML document, UTF-8 text, that loads no external resources.
    """
    page = _Page(_graph())
    sections = page.categorised()
    blocks = []
    for category in CATEGORIES:
        terms = sections[category.key]
        if terms:
            entries = "\n".join(page.term(t) for t in terms)
            blocks.append(
                f'<section id="{category.key}">\n<h2>{html.escape(category.heading)}</h2>\n'
                f"{entries}\n</section>"
            )
    blocks.append(page.reused_section())
    blocks.append(page.namespaces_section())
    titles = page.literals(ONTOLOGY_IRI, DCTERMS.title)
    title = next((str(t) for t in titles if t.language == "en"), str(ONTOLOGY_IRI))
    template = Template(files(__package__).joinpath("documentation.html").read_text("utf-8"))
    return template.substitute(
        title=html.escape(title),
        version=html.escape(__version__),
        header=page.header(),
        contents=page.contents(sections),
        sections="\n".join(blocks),
    )
