"""Reading what a network is made of from the store, through the named queries.

Four named queries supply the rows (see their headers in ``cislib/queries``):
``events-in-period`` (the events the filters select, with dates, type and title),
``event-involvements`` (who was involved in each event, and how), ``node-places`` (labels,
countries, cities and coordinates of every node) and ``event-types`` (to check ``--event-type``).
Filters are bound by the engine, never pasted into query text. A ``--country`` or
``--event-type`` that names nothing in the store is an error listing what would do.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from cislib.graph.store import GraphStore
from cislib.network.request import NetworkError, NetworkRequest
from cislib.queries.formats import run_query


@dataclass(frozen=True)
class EventRow:
    """One selected event: IRI, title (in the language asked for), dates, type name."""

    iri: str
    title: str
    start: str | None = None
    end: str | None = None
    type: str | None = None


@dataclass(frozen=True)
class NodeRow:
    """What is known of a node: kind, label, country and city, coordinates of the city."""

    iri: str
    kind: str
    label: str
    country: str | None = None
    country_code: str | None = None
    country_label: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Involvement:
    """A node involved in an event, as one of the kinds of ``event-involvements``."""

    event: str
    node: str
    kind: str
    roles: tuple[str, ...] = ()


@dataclass
class NetworkRows:
    """The rows a network is built from.

    Attributes:
        events: the events the filters selected, by IRI, in date order.
        involvements: who was involved in which event (events not selected included).
        nodes: labels and places of the nodes, by IRI (cities included, for capitals).
        country: the IRI of the ``--country`` filter, when there is one.
        country_label: its label.
    """

    events: dict[str, EventRow] = field(default_factory=dict)
    involvements: list[Involvement] = field(default_factory=list)
    nodes: dict[str, NodeRow] = field(default_factory=dict)
    country: str | None = None
    country_label: str | None = None


def _float(value) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _text(value) -> str | None:
    return None if value in (None, "") else str(value)


def read_nodes(store: GraphStore, lang: str) -> dict[str, NodeRow]:
    """Every node of the store with its label, country and place (``node-places``)."""
    nodes = {}
    for row in run_query(store, "node-places", lang=lang).values():
        iri = str(row["node"])
        nodes[iri] = NodeRow(
            iri=iri,
            kind=str(row["kind"]),
            label=_text(row["label"]) or iri,
            country=_text(row["country"]),
            country_code=_text(row["country_code"]),
            country_label=_text(row["country_label"]),
            city=_text(row["city"]),
            latitude=_float(row["latitude"]),
            longitude=_float(row["longitude"]),
        )
    return nodes


def resolve_country(nodes: dict[str, NodeRow], wanted: str) -> NodeRow:
    """The country meant by an ISO code, an IRI or a label (case-insensitive).

    Raises:
        NetworkError: no country of the store answers to it (the message lists the codes).
    """
    countries = [n for n in nodes.values() if n.kind == "country"]
    key = wanted.strip().casefold()
    for country in countries:
        if key in (country.iri.casefold(), (country.country_code or "").casefold()):
            return country
    for country in countries:
        if key == country.label.casefold():
            return country
    codes = ", ".join(sorted(c.country_code or c.iri for c in countries)) or "none"
    raise NetworkError(f"--country: no country {wanted!r} in the store; known codes: {codes}")


def resolve_event_type(store: GraphStore, wanted: str, lang: str) -> str:
    """The class IRI of the event type meant by a name, label (any language) or IRI.

    Raises:
        NetworkError: no concept of the event type scheme answers to it.
    """
    key = wanted.strip().casefold()
    rows = run_query(store, "event-types", lang=lang).values()
    for row in rows:
        labels = {label.casefold() for label in str(row["labels"] or "").split("|") if label}
        if key in {str(row["type"]).casefold(), str(row["name"]).casefold()} | labels:
            return str(row["type"])
    names = ", ".join(str(row["name"]) for row in rows) or "none (run 'cislib build')"
    raise NetworkError(f"--event-type: no event type {wanted!r}; choose one of {names}")


def read_rows(store: GraphStore, request: NetworkRequest) -> NetworkRows:
    """The events, involvements and nodes of the network asked for.

    Raises:
        NetworkError: an unknown ``--country`` or ``--event-type``.
        QueryError: a query failed.
    """
    nodes = read_nodes(store, request.lang)
    params: dict[str, object] = {"since": request.since, "until": request.until}
    country = None
    if request.country:
        country = resolve_country(nodes, request.country)
        params["country"] = ox.NamedNode(country.iri)
    if request.event_type:
        params["type"] = ox.NamedNode(resolve_event_type(store, request.event_type, request.lang))
    events: dict[str, EventRow] = {}
    for row in run_query(store, "events-in-period", params, lang=request.lang).values():
        iri = str(row["event"])
        if iri in events:  # conflicting dates from two reports: keep the first, in date order
            continue
        events[iri] = EventRow(
            iri=iri,
            title=_text(row["title"]) or iri,
            start=_text(row["start"]),
            end=_text(row["end"]),
            type=_text(row["event_type"]),
        )
    involvements = [
        Involvement(
            event=str(row["event"]),
            node=str(row["node"]),
            kind=str(row["kind"]),
            roles=tuple(sorted(set(str(row["roles"] or "").split()))),
        )
        for row in run_query(store, "event-involvements").values()
    ]
    return NetworkRows(
        events=events,
        involvements=involvements,
        nodes=nodes,
        country=country.iri if country else None,
        country_label=country.label if country else None,
    )
