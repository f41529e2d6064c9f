"""Answer formats: content negotiation and the writers for capped results.

Results tables (SELECT) are written here rather than by pyoxigraph because the endpoint stops
reading after ``row_cap`` rows and says so, and pyoxigraph can only serialise a complete result.
The output follows the W3C formats (SPARQL 1.1 Query Results JSON, XML, CSV and TSV); the JSON
carries one extra top-level member, ``"truncated"``, which standard clients ignore. Booleans
(ASK) and graphs (CONSTRUCT, DESCRIBE) are written by pyoxigraph.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from cislib.serve.guard import QueryKind, Refused

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True)
class Format:
    """One answer format: a short name, the media type sent, and the names it answers to."""

    name: str
    media_type: str
    aliases: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        """The Content-Type header value (text formats declare UTF-8)."""
        return f"{self.media_type}; charset=utf-8"


JSON = Format(
    "json",
    "application/sparql-results+json",
    ("json", "application/json", "text/javascript", "application/javascript"),
)
XML = Format("xml", "application/sparql-results+xml", ("xml", "application/xml", "text/xml"))
CSV = Format("csv", "text/csv", ("csv",))
TSV = Format("tsv", "text/tab-separated-values", ("tsv", "tab-separated-values"))
TURTLE = Format(
    "turtle",
    "text/turtle",
    ("turtle", "ttl", "application/turtle", "application/x-turtle", "n3", "text/n3", "text/rdf+n3"),
)
N_TRIPLES = Format(
    "ntriples", "application/n-triples", ("nt", "ntriples", "n-triples", "text/plain")
)
JSON_LD = Format(
    "jsonld", "application/ld+json", ("jsonld", "json-ld", "json", "application/x-json+ld")
)
RDF_XML = Format("rdfxml", "application/rdf+xml", ("rdfxml", "rdf+xml", "rdf", "xml"))
HTML = Format("html", "text/html", ("html", "htm", "application/xhtml+xml"))

#: Formats per kind of answer, the default first (it answers Accept: */* and no Accept).
RESULT_FORMATS = (JSON, XML, CSV, TSV)
GRAPH_FORMATS = (TURTLE, N_TRIPLES, JSON_LD, RDF_XML)
#: Formats of the ontology document: its documentation page for browsers (and for */*), the
#: ontology itself for RDF clients.
ONTOLOGY_FORMATS = (HTML, TURTLE, JSON_LD, N_TRIPLES, RDF_XML)

_RDF_FORMATS = {
    TURTLE.name: ox.RdfFormat.TURTLE,
    N_TRIPLES.name: ox.RdfFormat.N_TRIPLES,
    JSON_LD.name: ox.RdfFormat.JSON_LD,
    RDF_XML.name: ox.RdfFormat.RDF_XML,
}
_BOOLEAN_FORMATS = {
    JSON.name: ox.QueryResultsFormat.JSON,
    XML.name: ox.QueryResultsFormat.XML,
    CSV.name: ox.QueryResultsFormat.CSV,
    TSV.name: ox.QueryResultsFormat.TSV,
}


def _parse_accept(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        quality = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    quality = 0.0
        ranges.append((media, quality))
    return ranges


def _quality(candidate: Format, ranges: list[tuple[str, float]]) -> float:
    """The q-value the most specific matching media range gives a format (RFC 9110 12.5.1)."""
    names = [candidate.media_type, *(a for a in candidate.aliases if "/" in a)]
    best: tuple[int, float] | None = None
    for media, quality in ranges:
        if media in names:
            specificity = 2
        elif media.endswith("/*") and any(n.startswith(media[:-1]) for n in names):
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        if best is None or specificity > best[0]:
            best = (specificity, quality)
    return best[1] if best else 0.0


def negotiate(kind: QueryKind, accept: str | None, requested: Sequence[str] = ()) -> Format:
    """Choose the answer format for a query form.

    A ``format`` parameter wins over the Accept header. It may be a short name (``json``,
    ``csv``, ``turtle``, ``nt``, ``jsonld``...) or a media type, and may be given several times
    or as a comma-separated list (SPARQLWrapper sends ``format=tsv&format=text/tab-...``); the
    first value that names a format for this query form is used.

    Args:
        kind: the query form.
        accept: the Accept header, or None.
        requested: the values of the ``format`` parameter.

    Returns:
        The format to answer in.

    Raises:
        Refused: 406 when nothing asked for can be produced for this query form.

    Example:
        >>> negotiate(QueryKind.SELECT, "text/csv, */*;q=0.1").name
        'csv'
    """
    offered = GRAPH_FORMATS if kind.returns_graph else RESULT_FORMATS
    what = "graphs (CONSTRUCT, DESCRIBE)" if kind.returns_graph else "SELECT and ASK results"
    return choose_format(offered, what, accept, requested)


def choose_format(
    offered: Sequence[Format], what: str, accept: str | None, requested: Sequence[str] = ()
) -> Format:
    """Choose among ``offered`` (the default first) as ``negotiate`` does for query answers.

    ``what`` names the answer in the 406 message ("the ontology", "graphs ...").

    Example:
        >>> accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
        >>> choose_format(ONTOLOGY_FORMATS, "the ontology", accept).name
        'html'
        >>> choose_format(ONTOLOGY_FORMATS, "the ontology", "text/turtle").name
        'turtle'
    """
    names = ", ".join(f.name for f in offered)
    values = [v.strip().lower() for value in requested for v in value.split(",") if v.strip()]
    if values:
        for value in values:
            media = value.split(";")[0].strip()
            for candidate in offered:
                if media == candidate.name or media == candidate.media_type:
                    return candidate
                if media in candidate.aliases:
                    return candidate
        raise Refused(406, f"format {values[0]!r} is not available for {what}; use one of {names}")
    if not accept or not accept.strip():
        return offered[0]
    ranges = _parse_accept(accept)
    scored = [(_quality(f, ranges), -i, f) for i, f in enumerate(offered)]
    quality, _, chosen = max(scored, key=lambda item: item[:2])
    if quality <= 0:
        media = ", ".join(f.media_type for f in offered)
        raise Refused(
            406, f"none of the types in the Accept header is available for {what}; use {media}"
        )
    return chosen


# -- results tables ------------------------------------------------------------------------


def _json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    raise TypeError(f"unexpected term {term!r}")


def _xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value == XSD_STRING:
            return f"<literal>{escape(term.value)}</literal>"
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        parts = (("subject", term.subject), ("predicate", term.predicate), ("object", term.object))
        inner = "".join(f"<{name}>{_xml_term(t)}</{name}>" for name, t in parts)
        return f"<triple>{inner}</triple>"
    raise TypeError(f"unexpected term {term!r}")


def _csv_value(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode | ox.Literal):
        return term.value
    return str(term)


XSD = "http://www.w3.org/2001/XMLSchema#"
# Datatypes whose literals Turtle can write bare, with the lexical forms it accepts bare.
_BARE = {
    XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    XSD + "boolean": re.compile(r"true|false"),
}


def _tsv_value(term) -> str:
    """A term in Turtle syntax; numbers and booleans bare, as Oxigraph's own TSV writes them."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        bare = _BARE.get(term.datatype.value)
        if bare and bare.fullmatch(term.value):
            return term.value
    # pyoxigraph writes terms in N-Triples syntax with tabs and newlines escaped, which is
    # the TSV results encoding.
    return str(term)


def write_table(
    fmt: Format, variables: Sequence[str], rows: Iterable[Sequence], truncated: bool
) -> bytes:
    """Write a SELECT result in one of the four results formats.

    Args:
        fmt: JSON, XML, CSV or TSV.
        variables: the projected variable names, without ``?``.
        rows: one sequence of terms (or None when unbound) per solution, in variable order.
        truncated: whether rows were left out because of the row cap; recorded in the JSON
            (``"truncated"``) and in an XML comment. CSV and TSV have no place for it: the
            ``X-Cislib-Truncated`` header says it for every format.

    Returns:
        The UTF-8 encoded document.
    """
    if fmt is JSON:
        bindings = [
            {
                name: _json_term(term)
                for name, term in zip(variables, row, strict=True)
                if term is not None
            }
            for row in rows
        ]
        # "truncated" goes before "results": Oxigraph's streaming parser accepts an extra
        # member there but not after the bindings.
        document = {
            "head": {"vars": list(variables)},
            "truncated": truncated,
            "results": {"bindings": bindings},
        }
        return json.dumps(document, ensure_ascii=False).encode("utf-8")
    if fmt is XML:
        out = ['<?xml version="1.0" encoding="utf-8"?>\n']
        out.append('<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>')
        out.extend(f"<variable name={quoteattr(name)}/>" for name in variables)
        out.append("</head>")
        if truncated:
            out.append("<!-- truncated: more rows matched than the endpoint's row cap -->")
        out.append("<results>")
        for row in rows:
            out.append("<result>")
            out.extend(
                f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>"
                for name, term in zip(variables, row, strict=True)
                if term is not None
            )
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode("utf-8")
    if fmt is CSV:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_csv_value(term) for term in row] for row in rows)
        return buffer.getvalue().encode("utf-8")
    if fmt is TSV:
        lines = ["\t".join(f"?{name}" for name in variables)]
        lines.extend("\t".join(_tsv_value(term) for term in row) for row in rows)
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise ValueError(f"{fmt.name} is not a results format")


def write_boolean(fmt: Format, answer: ox.QueryBoolean) -> bytes:
    """Write an ASK answer (pyoxigraph's writer: it is one value, nothing to cap)."""
    return answer.serialize(format=_BOOLEAN_FORMATS[fmt.name])


def write_graph(fmt: Format, triples: Iterable[ox.Triple], prefixes: dict[str, str]) -> bytes:
    """Write CONSTRUCT or DESCRIBE triples with pyoxigraph (prefixes are used by Turtle)."""
    rdf_format = _RDF_FORMATS[fmt.name]
    if rdf_format is ox.RdfFormat.TURTLE:
        return ox.serialize(triples, format=rdf_format, prefixes=prefixes)
    return ox.serialize(triples, format=rdf_format)
