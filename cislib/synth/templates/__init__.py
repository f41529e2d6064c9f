"""Sentence templates of the report languages, one module per language (Uzbek holds both
scripts). ``language_for(tag)`` gives the ``Language`` that writes reports in a tag."""

from __future__ import annotations

import importlib
from functools import cache

from cislib.synth.language import Language

#: The module and class writing each language tag.
CLASSES = {
    "ru": ("ru", "Russian"),
    "uz-Cyrl": ("uz", "UzbekCyrillic"),
    "uz-Latn": ("uz", "UzbekLatin"),
    "tk": ("tk", "Turkmen"),
    "kk": ("kk", "Kazakh"),
    "ky": ("ky", "Kyrgyz"),
    "en": ("en", "English"),
}


@cache
def language_for(tag: str) -> Language:
    """The language object writing reports in ``tag`` (one of ``SUPPORTED_TAGS``)."""
    module, name = CLASSES[tag]
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)()
