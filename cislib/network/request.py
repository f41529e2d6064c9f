"""What network is asked for: its kind and its filters, checked before anything is read.

``NetworkRequest.parse`` turns the words a user typed (``--from 2021``, ``--to 2024-06-30``) into
a request or a ``NetworkError`` naming the option at fault.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cislib.errors import CislibError

#: The networks that can be built: node kinds tied by the events they shared, and the
#: bipartite network of people and the events they took part in.
KINDS = ("countries", "libraries", "organisations", "people-events")

_YEAR = re.compile(r"[0-9]{4}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NetworkError(CislibError):
    """A network cannot be built or written as asked: bad kind, date, filter or format."""


def parse_date(value: str, option: str, end: bool = False) -> str:
    """An ISO date from ``YYYY`` or ``YYYY-MM-DD``; a bare year is its first day, or its last
    with ``end``.

    Raises:
        NetworkError: the value is neither form, or not a day of the calendar.

    Example:
        >>> parse_date("2021", "--to", end=True)
        '2021-12-31'
    """
    text = value.strip()
    if _YEAR.fullmatch(text):
        return f"{text}-12-31" if end else f"{text}-01-01"
    if _DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            raise NetworkError(f"{option}: {value!r} is not a day of the calendar") from None
    raise NetworkError(f"{option}: {value!r} is not a date; give YYYY or YYYY-MM-DD")


@dataclass(frozen=True)
class NetworkRequest:
    """A network to build.

    Attributes:
        kind: one of ``KINDS``.
        since: ISO date; only events that end on or after it (None: no bound).
        until: ISO date; only events that start on or before it (None: no bound).
        country: only events this country was involved in (ISO code, IRI or name).
        event_type: only events of this type (a concept of the ontology's event type scheme:
            name such as Conference, label, or class IRI).
        lang: language of the labels (BCP 47 tag); English, then any label, when missing.
    """

    kind: str
    since: str | None = None
    until: str | None = None
    country: str | None = None
    event_type: str | None = None
    lang: str = "en"

    @classmethod
    def parse(
        cls,
        kind: str,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        event_type: str | None = None,
        lang: str | None = "en",
    ) -> NetworkRequest:
        """A request from the words a user gave (dates as ``YYYY`` or ``YYYY-MM-DD``).

        Raises:
            NetworkError: an unknown kind, a bad date, a period that ends before it starts, or
                an empty filter.

        Example:
            >>> NetworkRequest.parse("countries", since="2021", until="2024").until
            '2024-12-31'
        """
        if kind not in KINDS:
            raise NetworkError(f"unknown network {kind!r}; choose one of {', '.join(KINDS)}")
        start = parse_date(since, "--from") if since else None
        end = parse_date(until, "--to", end=True) if until else None
        if start and end and start > end:
            raise NetworkError(f"--from {since} is after --to {until}")
        for option, value in (("--country", country), ("--event-type", event_type)):
            if value is not None and not value.strip():
                raise NetworkError(f"{option}: give a value or leave the option out")
        language = (lang or "en").strip()
        if not re.fullmatch(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*", language):
            raise NetworkError(f"--lang: {lang!r} is not a language tag such as en, ru or uz-Cyrl")
        return cls(
            kind=kind,
            since=start,
            until=end,
            country=country.strip() if country else None,
            event_type=event_type.strip() if event_type else None,
            lang=language,
        )

    def describe(self, country_label: str | None = None) -> str:
        """The filters in words, for titles and file metadata ("" when there are none).

        ``country_label`` names the country filter (default: the country as given).

        Example:
            >>> NetworkRequest("countries", since="2021-01-01", event_type="Seminar").describe()
            'Seminar events; from 2021-01-01'
        """
        parts = []
        if self.event_type:
            parts.append(f"{self.event_type} events")
        if self.country:
            parts.append(f"involving {country_label or self.country}")
        if self.since and self.until:
            parts.append(f"{self.since} to {self.until}")
        elif self.since:
            parts.append(f"from {self.since}")
        elif self.until:
            parts.append(f"until {self.until}")
        return "; ".join(parts)
