"""Extraction record -> the quads of that report's named graph.

Every node is a minted IRI (never a blank node), so building the same record twice gives the
same quads and re-ingesting a report is idempotent. Every fact node (event, participation,
post, quantity) names the report it came from and points at the quote that supports it.
"""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF

from cislib import __version__
from cislib.extract.record import Entity, ExtractionRecord, Span
from cislib.graph.terms import XSD_DATE, XSD_INTEGER, node, text, typed
from cislib.identifiers import key_of, kind_of, mint, slugify
from cislib.ontology import CIS, DCTERMS, FOAF, OA, ORG, PROV, SCHEMA, SKOS

#: Record event types -> ontology classes.
EVENT_CLASSES = {
    "Conference": CIS.Conference,
    "Congress": CIS.Congress,
    "Seminar": CIS.Seminar,
    "Training": CIS.Training,
    "Forum": CIS.Forum,
    "Meeting": CIS.Meeting,
    "Exhibition": CIS.Exhibition,
    "Visit": CIS.Visit,
    "Agreement": CIS.AgreementSigning,
    "Project": CIS.Project,
    "Programme": CIS.Programme,
    "Other": CIS.OtherEvent,
}

#: Record roles -> concepts of the role scheme.
ROLE_CONCEPTS = {
    "participant": CIS.roleParticipant,
    "speaker": CIS.roleSpeaker,
    "organizer": CIS.roleOrganizer,
    "host": CIS.roleHost,
    "guest": CIS.roleGuest,
    "signatory": CIS.roleSignatory,
    "trainee": CIS.roleTrainee,
    "other": CIS.roleOther,
}

#: Record entity types -> the classes a node minted from a report carries.
ENTITY_CLASSES = {
    "Person": (SCHEMA.Person, FOAF.Person),
    "Library": (SCHEMA.Library, ORG.Organization),
    "Organization": (ORG.Organization, SCHEMA.Organization),
    "City": (SCHEMA.City,),
    "Country": (SCHEMA.Country,),
}

_TYPE = node(RDF.type)


class _Quads:
    """Collects the quads of one report graph, without duplicates, in a stable order."""

    def __init__(self, graph: ox.NamedNode):
        self.graph = graph
        self.seen: dict[ox.Quad, None] = {}

    def add(self, s, p, o) -> None:
        s = s if isinstance(s, ox.NamedNode) else node(s)
        p = p if isinstance(p, ox.NamedNode) else node(p)
        if not isinstance(o, ox.NamedNode | ox.Literal):
            o = node(o)
        self.seen[ox.Quad(s, p, o, self.graph)] = None


def quote_iri(report_key: str, span: Span) -> str:
    """The IRI of the quote node for a span of a report."""
    return mint("quote", f"{report_key}/{span.start}-{span.end}")


def _quote(q: _Quads, report: ox.NamedNode, report_key: str, span: Span) -> ox.NamedNode:
    iri = quote_iri(report_key, span)
    quote = node(iri)
    position, exact = node(iri + "#position"), node(iri + "#exact")
    q.add(quote, _TYPE, CIS.Quote)
    q.add(quote, _TYPE, OA.SpecificResource)
    q.add(quote, OA.hasSource, report)
    q.add(quote, OA.hasSelector, position)
    q.add(quote, OA.hasSelector, exact)
    q.add(position, _TYPE, OA.TextPositionSelector)
    q.add(position, OA.start, typed(span.start, XSD_INTEGER))
    q.add(position, OA.end, typed(span.end, XSD_INTEGER))
    q.add(exact, _TYPE, OA.TextQuoteSelector)
    q.add(exact, OA.exact, text(span.text))
    return quote


def _fact(q: _Quads, subject, report, report_key: str, spans: list[Span]) -> None:
    q.add(subject, PROV.wasDerivedFrom, report)
    for span in spans:
        q.add(subject, CIS.evidence, _quote(q, report, report_key, span))


def _entity(q: _Quads, entity: Entity, language: str) -> None:
    subject = node(entity.iri)
    if entity.from_reference:
        return  # its types and labels live in the reference graph
    for cls in ENTITY_CLASSES.get(entity.type, ()):
        q.add(subject, _TYPE, cls)
    q.add(subject, SKOS.altLabel, text(entity.label, entity.language or language))
    if entity.country:
        q.add(subject, CIS.country, entity.country)
    if entity.city and entity.type != "City":
        q.add(subject, SCHEMA.location, entity.city)


def _agent_key(iri: str) -> str:
    return f"{kind_of(iri) or 'agent'}-{slugify(key_of(iri))}"


def build_report_quads(record: ExtractionRecord) -> list[ox.Quad]:
    """Turn an extraction record into the quads of its report's named graph.

    The result is sorted, so the same record always gives the same list.
    """
    info = record.report
    report = node(info.iri)
    report_key = key_of(info.iri)
    q = _Quads(report)
    language = info.language

    run = node(mint("run", f"{report_key}-{__version__}"))
    q.add(report, _TYPE, SCHEMA.Report)
    q.add(report, _TYPE, PROV.Entity)
    q.add(report, CIS.fileName, text(info.file))
    q.add(report, DCTERMS.language, text(info.language))
    q.add(report, SCHEMA.name, text(info.title, language))
    q.add(report, CIS.sha256, text(info.sha256))
    q.add(report, CIS.characterCount, typed(info.characters, XSD_INTEGER))
    q.add(report, PROV.wasGeneratedBy, run)
    q.add(run, _TYPE, CIS.ExtractionRun)
    q.add(run, _TYPE, PROV.Activity)
    q.add(run, CIS.softwareVersion, text(__version__))
    q.add(run, PROV.used, report)

    events = {event.iri for event in record.events}
    for entity in record.entities:
        if entity.iri not in events:
            _entity(q, entity, language)
        for span in entity.mentions:
            mention = node(mint("mention", f"{report_key}/{span.start}-{span.end}"))
            q.add(mention, _TYPE, CIS.Mention)
            q.add(mention, _TYPE, OA.Annotation)
            q.add(mention, OA.motivatedBy, OA.identifying)
            q.add(mention, OA.hasBody, entity.iri)
            q.add(mention, OA.hasTarget, _quote(q, report, report_key, span))

    for event in record.events:
        subject = node(event.iri)
        event_language = event.language or language
        q.add(subject, _TYPE, SCHEMA.Event)
        q.add(subject, _TYPE, EVENT_CLASSES.get(event.type, CIS.OtherEvent))
        q.add(subject, SKOS.altLabel, text(event.title, event_language))
        q.add(subject, SCHEMA.name, text(event.title, event_language))
        if event.start:
            q.add(subject, SCHEMA.startDate, typed(event.start, XSD_DATE))
        if event.end:
            q.add(subject, SCHEMA.endDate, typed(event.end, XSD_DATE))
        if event.online:
            q.add(subject, SCHEMA.eventAttendanceMode, SCHEMA.OnlineEventAttendanceMode)
        if event.city:
            q.add(subject, SCHEMA.location, event.city)
        if event.venue:
            q.add(subject, CIS.venue, event.venue)
        if event.part_of:
            q.add(subject, SCHEMA.superEvent, event.part_of)
        _fact(q, subject, report, report_key, event.mentions[:1])
        roles = [(o, "organizer", None, None) for o in event.organizers]
        roles += [(p.agent, p.role, p.on_behalf_of, p.evidence) for p in event.participants]
        for agent, role, behalf, evidence in roles:
            key = f"{key_of(event.iri)}--{_agent_key(agent)}--{role}"
            participation = node(mint("participation", key))
            q.add(participation, _TYPE, CIS.Participation)
            q.add(participation, CIS.event, subject)
            q.add(participation, PROV.agent, agent)
            q.add(participation, CIS.role, ROLE_CONCEPTS.get(role, CIS.roleOther))
            if behalf:
                q.add(participation, CIS.onBehalfOf, behalf)
            spans = [evidence] if evidence else event.mentions[:1]
            _fact(q, participation, report, report_key, spans)

    for post in record.posts:
        role_slug = slugify(post.role or post.title)
        org_part = _agent_key(post.organization) if post.organization else "none"
        membership = node(mint("post", f"{_agent_key(post.person)}--{org_part}--{role_slug}"))
        q.add(membership, _TYPE, ORG.Membership)
        q.add(membership, ORG.member, post.person)
        if post.organization:
            q.add(membership, ORG.organization, post.organization)
        if post.role:
            role = node(mint("role", role_slug))
            q.add(membership, ORG.role, role)
            q.add(role, _TYPE, ORG.Role)
            q.add(role, _TYPE, SKOS.Concept)
            # a name read, like any node minted from reports: the derived graph holds the one
            # preferred label, so the label is not repeated once per report that names the role
            q.add(role, SKOS.altLabel, text(post.role, "en"))
        q.add(membership, CIS.postTitle, text(post.title, post.language or language))
        _fact(q, membership, report, report_key, [post.evidence])

    for quantity in record.quantities:
        owner = key_of(quantity.event) if quantity.event else report_key
        subject = node(
            mint("quantity", f"{owner}--{slugify(quantity.what)}-{quantity.evidence.start}")
        )
        q.add(subject, _TYPE, CIS.Quantity)
        if quantity.event:
            q.add(subject, CIS.quantityOf, quantity.event)
        q.add(subject, CIS.measure, text(quantity.what))
        q.add(subject, SCHEMA.value, typed(quantity.value, XSD_INTEGER))
        _fact(q, subject, report, report_key, [quantity.evidence])

    return sorted(q.seen, key=str)
