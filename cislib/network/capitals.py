"""The capital of each country of the reference data, where a country node is drawn on a map.

Countries carry no coordinates of their own; a country node takes those of its capital, a city
of ``cislib/seeds/reference/cities.ttl``. Keys are ISO 3166-1 alpha-2 codes, values the keys of
the capitals' city IRIs (``https://w3id.org/cislib/id/city/{key}``). A country missing here is
simply left off geographic layouts.
"""

from __future__ import annotations

from cislib.identifiers import mint

CAPITALS = {
    "AM": "yerevan",
    "AZ": "baku",
    "BY": "minsk",
    "CN": "beijing",
    "CU": "havana",
    "GE": "tbilisi",
    "IN": "new-delhi",
    "IR": "tehran",
    "KG": "bishkek",
    "KZ": "astana",
    "MD": "chisinau",
    "MN": "ulaanbaatar",
    "RS": "belgrade",
    "RU": "moscow",
    "TJ": "dushanbe",
    "TM": "ashgabat",
    "TR": "ankara",
    "UA": "kyiv",
    "UZ": "tashkent",
    "VN": "hanoi",
}


def capital_iri(code: str | None) -> str | None:
    """The IRI of the capital of the country with this ISO code, or None when not known.

    Example:
        >>> capital_iri("uz")
        'https://w3id.org/cislib/id/city/tashkent'
    """
    key = CAPITALS.get((code or "").upper())
    return mint("city", key) if key else None
