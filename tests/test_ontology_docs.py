"""The ontology's documentation page, and ``cislib serve`` answering the ontology's IRI.

The page is checked against the ontology itself (every term it defines has an anchor, its
labels, its links), parsed for unclosed tags, and searched for anything it would load. The
server runs for real on a free loopback port; clients are urllib and curl.
"""

from __future__ import annotations

import base64
import hashlib
import html
import html.parser
import re
import shutil
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib import OWL, RDF, RDFS, URIRef
from rdflib.compare import isomorphic

from cislib.cli import cli
from cislib.graph.store import GraphStore
from cislib.ontology import (
    DCTERMS,
    ONTOLOGY_IRI,
    ONTOLOGY_VERSION_IRI,
    SKOS,
    load_ontology,
    ontology_text,
)
from cislib.ontology.documentation import ontology_html
from cislib.serve import make_server

NAMESPACE = "https://w3id.org/cislib/def#"
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                 "source", "track", "wbr"}  # fmt: skip
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Page(html.parser.HTMLParser):
    """Parses a page and records open/close mismatches, ids, links and loaded resources."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: dict[str, int] = {}
        self.hrefs: list[str] = []
        self.loads: list[tuple[str, str, str]] = []
        self.tags: set[str] = set()
        self.styles: list[str] = []
        self._in_style = False
        self.feed(text)
        self.close()
        if self.stack:
            self.problems.append(f"unclosed at the end: {self.stack}")

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids[attributes["id"]] = self.ids.get(attributes["id"], 0) + 1
        if tag == "a" and "href" in attributes:
            self.hrefs.append(attributes["href"])
        for name in ("src", "srcset", "data", "poster"):
            if name in attributes:
                self.loads.append((tag, name, attributes[name]))
        if tag == "link":
            self.loads.append((tag, "href", attributes.get("href", "")))
        if tag == "style":
            self._in_style = True
        if tag not in VOID_ELEMENTS:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.stack.pop()

    def handle_endtag(self, tag):
        self._in_style = False
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:]}")
            return
        self.stack.pop()

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


@pytest.fixture(scope="module")
def page_text():
    return ontology_html()


@pytest.fixture(scope="module")
def page(page_text):
    return Page(page_text)


@pytest.fixture(scope="module")
def ontology():
    return load_ontology()


def defined_terms(ontology) -> list[URIRef]:
    return sorted(
        s for s in ontology.subjects(RDFS.isDefinedBy, ONTOLOGY_IRI) if str(s).startswith(NAMESPACE)
    )


def entry(page_text: str, anchor: str) -> str:
    """The HTML of one term's entry."""
    match = re.search(rf'<section class="term" id="{re.escape(anchor)}">(.*?)</section>',
                      page_text, flags=re.DOTALL)  # fmt: skip
    assert match, anchor
    return match.group(1)


# -- the page ------------------------------------------------------------------------------


def test_the_page_is_well_formed(page, page_text):
    assert page_text.startswith("<!DOCTYPE html>")
    assert page.problems == []
    assert {"html", "head", "title", "body", "main"} <= page.tags


def test_every_term_has_one_anchor_with_its_labels(ontology, page, page_text):
    terms = defined_terms(ontology)
    assert len(terms) >= 40
    for term in terms:
        local = str(term)[len(NAMESPACE) :]
        assert page.ids.get(local) == 1, local
        html_of_term = entry(page_text, local)
        for language in ("en", "ru"):
            labels = [str(v) for v in ontology.objects(term, RDFS.label) if v.language == language]
            assert labels, (term, language)
            assert all(html.escape(label) in html_of_term for label in labels)
        comments = [v for v in ontology.objects(term, RDFS.comment) if v.language == "ru"]
        assert comments and f"cis:{local}" in html_of_term


def test_every_category_is_there(ontology, page_text):
    sections = {
        "classes": OWL.Class,
        "object-properties": OWL.ObjectProperty,
        "datatype-properties": OWL.DatatypeProperty,
        "concept-schemes": SKOS.ConceptScheme,
    }
    for section, kind in sections.items():
        match = re.search(rf'<section id="{section}">(.*?)\n</section>\n<section id=', page_text,
                          flags=re.DOTALL)  # fmt: skip
        assert match, section
        for term in defined_terms(ontology):
            if kind in set(ontology.objects(term, RDF.type)):
                assert f'id="{str(term)[len(NAMESPACE) :]}"' in match.group(1)


def test_internal_links_all_land(page):
    fragments = [h[1:] for h in page.hrefs if h.startswith("#")]
    assert len(fragments) > 200
    missing = sorted({f for f in fragments if f not in page.ids})
    assert missing == []


def test_hierarchy_domain_and_range_are_links(page_text):
    assert '<a href="#schema:Event"><code>schema:Event</code></a>' in entry(page_text, "Conference")
    role = entry(page_text, "role")
    assert "Sub-property of" in role and '<a href="#prov:hadRole">' in role
    assert "Domain" in role and '<a href="#Participation">' in role
    participation = entry(page_text, "Participation")
    assert "In domain of" in participation and '<a href="#onBehalfOf">' in participation
    scheme = entry(page_text, "RoleScheme")
    assert "Top concepts" in scheme and '<a href="#roleSignatory">' in scheme


def test_the_ontologys_metadata_is_shown(ontology, page_text):
    assert str(ONTOLOGY_VERSION_IRI) in page_text
    for predicate in (DCTERMS.license, DCTERMS.creator):
        for value in ontology.objects(ONTOLOGY_IRI, predicate):
            assert str(value) in page_text
    for title in ontology.objects(ONTOLOGY_IRI, DCTERMS.title):
        assert str(title) in page_text


def test_the_page_loads_nothing(page, page_text):
    assert page.loads == []
    assert "script" not in page.tags and "iframe" not in page.tags
    assert len(page.styles) == 1
    assert "url(" not in page.styles[0] and "@import" not in page.styles[0]
    external = [h for h in page.hrefs if h.startswith(("http:", "https:"))]
    assert external  # links out to other vocabularies are fine: they are not loaded
    assert not re.search(r"""(src|href)\s*=\s*["']?//""", page_text)


def test_docs_command_is_deterministic(tmp_path):
    outputs = []
    for name in ("a.html", "b.html"):
        target = tmp_path / name
        result = CliRunner().invoke(cli, ["docs", "--output", str(target)])
        assert result.exit_code == 0, result.output
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    # Built afresh in a new process (not from this one's cache): still the same bytes.
    fresh = subprocess.run(
        [sys.executable, "-m", "cislib", "docs"], capture_output=True, timeout=120, check=True
    )
    assert fresh.stdout == outputs[0]


# -- cislib serve answers the ontology IRI --------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("serve-ontology") / "store"
    with GraphStore.open(path, write=True) as store:
        store.load_base()
    server = make_server(path, port=0, workers=1, queue=2, timeout_s=5)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


ONTOLOGY_PATH = urlsplit(str(ONTOLOGY_IRI)).path
VERSION_PATH = urlsplit(str(ONTOLOGY_VERSION_IRI)).path


def fetch(server, path, accept=None, method="GET"):
    """(status, headers, body) from the server through urllib."""
    request = urllib.request.Request(server.url.rstrip("/") + path, method=method)
    if accept is not None:
        request.add_header("Accept", accept)
    try:
        with DIRECT.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_browsers_get_the_page(server):
    status, headers, body = fetch(server, ONTOLOGY_PATH, BROWSER_ACCEPT)
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Vary"] == "Accept"
    assert body.decode("utf-8") == ontology_html()


def test_the_page_policy_allows_exactly_its_style(server):
    _, headers, body = fetch(server, ONTOLOGY_PATH, "text/html")
    style = re.search(r"<style>(.*?)</style>", body.decode("utf-8"), flags=re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    policy = headers["Content-Security-Policy"]
    assert f"style-src 'sha256-{digest}'" in policy and "default-src 'none'" in policy
    assert "script-src" not in policy


@pytest.mark.parametrize("path", [ONTOLOGY_PATH, VERSION_PATH])
def test_rdf_clients_get_turtle(server, path):
    status, headers, body = fetch(server, path, "text/turtle")
    assert status == 200
    assert headers["Content-Type"] == "text/turtle; charset=utf-8"
    assert headers["Vary"] == "Accept"
    assert body.decode("utf-8") == ontology_text()
    served = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert isomorphic(served, load_ontology())


@pytest.mark.parametrize(
    "accept,media,reader",
    [
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/rdf+xml;q=1, text/html;q=0.5", "application/rdf+xml", "xml"),
        ("text/turtle;q=0.9, text/html;q=0.3", "text/turtle", "turtle"),
    ],
)
def test_other_rdf_formats_by_accept(server, accept, media, reader):
    status, headers, body = fetch(server, ONTOLOGY_PATH, accept)
    assert status == 200 and headers["Content-Type"].startswith(media)
    assert headers["Vary"] == "Accept"
    served = rdflib.Graph().parse(data=body, format=reader)
    assert isomorphic(served, load_ontology())


def test_format_parameter_wins(server):
    status, headers, body = fetch(server, ONTOLOGY_PATH + "?format=turtle", BROWSER_ACCEPT)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert body.decode("utf-8") == ontology_text()


def test_nothing_acceptable_is_a_406_that_varies(server):
    status, headers, body = fetch(server, ONTOLOGY_PATH, "image/png")
    assert status == 406 and headers["Vary"] == "Accept"
    assert b"text/turtle" in body and b"text/html" in body


def test_head_and_refused_methods(server):
    status, headers, body = fetch(server, ONTOLOGY_PATH, "text/turtle", method="HEAD")
    assert status == 200 and body == b""
    assert int(headers["Content-Length"]) == len(ontology_text().encode("utf-8"))
    status, headers, _ = fetch(server, ONTOLOGY_PATH, "text/turtle", method="POST")
    assert status == 405 and "GET" in headers["Allow"]
    assert fetch(server, ONTOLOGY_PATH + "/0.0.1", "text/turtle")[0] == 404


def test_alternates_are_announced(server):
    _, headers, _ = fetch(server, ONTOLOGY_PATH, "text/html")
    link = headers["Link"]
    assert f'<{ONTOLOGY_PATH}?format=turtle>; rel="alternate"; type="text/turtle"' in link


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl not installed")
def test_curl_negotiates_too(server):
    """curl sends Accept: */*, which gets the page; -H Accept: text/turtle gets the ontology."""
    url = server.url.rstrip("/") + ONTOLOGY_PATH + "#Participation"
    base = ["curl", "-sS", "--noproxy", "*", "-D", "-", "--max-time", "30"]
    default = subprocess.run([*base, url], capture_output=True, timeout=60, check=True).stdout
    assert b"content-type: text/html" in default.lower() and b'id="Participation"' in default
    turtle = subprocess.run(
        [*base, "-H", "Accept: text/turtle", url], capture_output=True, timeout=60, check=True
    ).stdout
    head, _, body = turtle.partition(b"\r\n\r\n")
    assert b"vary: accept" in head.lower()
    triples = list(ox.parse(body, format=ox.RdfFormat.TURTLE))
    assert any(t.subject.value == NAMESPACE + "Participation" for t in triples)
