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
                for token in section.tokens[match.first : match.last]:
                    country = _country_word(gazetteer, token)
                    if country is not None:
                        _add(reading, country, token.start, token.end)
                        reading.context_spans.add((token.start, token.end))
            _add(reading, entity, match.start, match.end)


def _country_word(gazetteer, token):
    """The country a single capitalised word names (any inflection), if any."""
    if not token.capitalised:
        return None
    for variant in sorted(token.variants):
        for key, entity in gazetteer.table.by_first.get(variant, ()):
            if len(key) == 1 and entity.type == "Country":
                return entity
    return None


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
