"""Countries, cities, libraries and organisations of the reference data, in any inflection."""

from __future__ import annotations

from cislib.extract.gazetteer import gazetteer_for
from cislib.extract.reading import Reading


def recognise_reference_names(reading: Reading) -> None:
    """Add a mention for every reference name found in the report's paragraphs.

    A country named inside an institution's name ("Türkmenistanyň Döwlet ... kitaphanasy") is
    mentioned too, but only as context: it does not take part in anything by being there.
    """
    for section in reading.sections:
        gazetteer = gazetteer_for(section.tag)
        for match in gazetteer.find(reading.text, section.tokens):
            entity = match.entity
            if entity.type in ("Library", "Organization") and match.last > match.first:
                inner = section.tokens[match.first:match.last + 1]
                for sub in gazetteer.find(reading.text, inner[:-1]):
                    if sub.entity.type == "Country":
                        _add(reading, sub.entity, sub.start, sub.end)
                        reading.context_spans.add((sub.start, sub.end))
            _add(reading, entity, match.start, match.end)


def _add(reading: Reading, entity, start: int, end: int) -> None:
    reading.add_entity(
        entity.iri,
        entity.type,
        entity.label(reading.language),
        start,
        end,
        from_reference=True,
        language=reading.language if reading.language in entity.labels else "en",
        country=entity.country,
        city=entity.city if entity.type != "City" else None,
    )
