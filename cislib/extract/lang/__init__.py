"""Language knowledge, one folder per language with the same small modules (spaCy style).

Each folder (``ru``, ``uz``, ``tk``, ``kk``, ``ky``, ``en``) holds ``morphology``, ``dates``,
``events``, ``posts``, ``names``, ``roles``, ``quantities``, ``sections`` and ``markers``,
each exporting UPPER_CASE tables. Uzbek holds both scripts: its tables are written in Cyrillic
and the Latin ones are derived with ``uz.script.to_latin``. A language is loaded when first
needed.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

#: The BCP 47 tags cislib reads, and the folder holding each one's tables.
FOLDERS = {
    "ru": "ru",
    "uz-Cyrl": "uz",
    "uz-Latn": "uz",
    "tk": "tk",
    "kk": "kk",
    "ky": "ky",
    "en": "en",
}
SUPPORTED_TAGS = tuple(FOLDERS)

#: The modules every language folder has.
MODULES = (
    "morphology",
    "dates",
    "events",
    "posts",
    "names",
    "roles",
    "quantities",
    "sections",
    "markers",
)


# Compared and hashed by identity: one instance per tag, made by ``load``.
@dataclass(frozen=True, eq=False)
class Language:
    """The tables of one language tag, read as attributes (``lang.SUFFIXES``)."""

    tag: str
    folder: str
    tables: dict

    def __getattr__(self, name: str):
        tables = object.__getattribute__(self, "tables")
        if name in tables:
            return tables[name]
        raise AttributeError(f"language {self.tag} has no table {name}")


@cache
def word_list(name: str) -> frozenset[str]:
    """A curated word list shipped beside the language folders (``<name>.txt``), one word a
    line, ``#`` lines are comments; compared in normalised form.

    Example:
        >>> "алишер" in word_list("first_names")
        True
    """
    from cislib.extract.text import normalise

    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(
        normalise(line.strip())
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def _tables_of(module) -> dict:
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


def _to_latin(value, convert):
    # Keys and list items are Uzbek words; dict values (English roles and types, numbers)
    # are not, so they stay as they are.
    if isinstance(value, str):
        return convert(value)
    if isinstance(value, tuple):
        return tuple(dict.fromkeys(convert(v) if isinstance(v, str) else v for v in value))
    if isinstance(value, dict):
        return {(convert(k) if isinstance(k, str) else k): v for k, v in value.items()}
    return value


@cache
def load(tag: str) -> Language:
    """The tables of a language tag, loaded once.

    Example:
        >>> load("uz-Latn").MONTHS["aprel"]
        4

    Raises:
        KeyError: the tag is not supported.
    """
    if tag not in FOLDERS:
        raise KeyError(f"unsupported language {tag!r}; supported: {', '.join(SUPPORTED_TAGS)}")
    folder = FOLDERS[tag]
    package = importlib.import_module(f"{__name__}.{folder}")
    tables = _tables_of(package)
    for module in MODULES:
        tables.update(_tables_of(importlib.import_module(f"{__name__}.{folder}.{module}")))
    if tag == "uz-Latn":
        script = importlib.import_module(f"{__name__}.uz.script")
        latin_stopwords = tables.pop("LATIN_STOPWORDS", ())
        latin_letters = tables.pop("LATIN_LETTERS", "")
        tables = {
            name: _to_latin(value, script.to_latin)
            for name, value in tables.items()
            if name not in ("CYRILLIC_TO_LATIN", "TAGS", "CODE")
        }
        tables["STOPWORDS"] = latin_stopwords
        # Transliterated Cyrillic letters (o, g, h) are common in English too; Uzbek Latin
        # has its own distinctive ones.
        tables["LETTERS"] = latin_letters
    return Language(tag=tag, folder=folder, tables=tables)
