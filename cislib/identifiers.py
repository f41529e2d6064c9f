"""Instance IRIs: ``https://w3id.org/cislib/id/{kind}/{key}`` with readable, stable keys.

Keys are ASCII slugs transliterated from a name, so the same name always mints the same IRI,
in any process and on any machine. This module knows the IRI scheme and nothing of RDF; both
``extract`` (which mints IRIs for what it reads) and ``graph`` use it.
"""

import re
import unicodedata

ID_BASE = "https://w3id.org/cislib/id/"

#: Cyrillic letters of Russian, Uzbek, Kazakh and Kyrgyz, to ASCII (a simple, lossy scheme
#: chosen for stable keys, not for display).
CYRILLIC_TO_ASCII = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "ў": "o",
    "қ": "q",
    "ғ": "g",
    "ҳ": "h",
    "ә": "a",
    "ө": "o",
    "ү": "u",
    "ұ": "u",
    "ң": "ng",
    "һ": "h",
    "і": "i",
    "ј": "j",
}

#: Latin letters that Unicode decomposition does not reduce to ASCII.
LATIN_TO_ASCII = {"ı": "i", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l"}

KINDS = (
    "country",
    "city",
    "library",
    "organization",
    "person",
    "event",
    "report",
    "participation",
    "post",
    "role",
    "quantity",
    "quote",
    "mention",
    "run",
    "graph",
)

#: The apostrophe of Uzbek Latin (oʻ, gʻ, tutuq belgisi) and the characters typed for it. They
#: are dropped inside a key rather than split it, so "Gʻulom", "G'ulom" and "G’ulom" share one.
APOSTROPHES = "'ʻʼ’‘`´ʹ"

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_DROPPED = str.maketrans("", "", APOSTROPHES)
#: An instance key: ASCII letters, digits and ``._/-``, starting with a letter or digit.
_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._/-]*")


def slugify(name: str, max_length: int = 60) -> str:
    """Turn a name in any supported script into an ASCII key.

    Example:
        >>> slugify("Россия Давлат кутубхонаси")
        'rossiya-davlat-kutubkhonasi'
        >>> slugify("Türkmenistanyň Döwlet kitaphanasy")
        'turkmenistanyn-dowlet-kitaphanasy'
        >>> slugify("Gʻafur Gʻulom") == slugify("G'afur G'ulom") == slugify("G’afur G’ulom")
        True
    """
    out = []
    for ch in name.translate(_DROPPED).lower():
        if ch in CYRILLIC_TO_ASCII:
            out.append(CYRILLIC_TO_ASCII[ch])
        elif ch in LATIN_TO_ASCII:
            out.append(LATIN_TO_ASCII[ch])
        else:
            out.append(unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode())
    slug = _NON_SLUG.sub("-", "".join(out)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "unnamed"


def mint(kind: str, key: str) -> str:
    """Return the IRI of an instance of ``kind`` with an already-made ``key``.

    Example:
        >>> mint("country", "uz")
        'https://w3id.org/cislib/id/country/uz'
    """
    if kind not in KINDS:
        raise ValueError(f"unknown instance kind {kind!r}")
    # Empty and dot segments ("a//b", "a/../b") are refused too: IRI resolution and some
    # stores rewrite them, and the IRI would then not survive a round trip.
    segments = key.split("/")
    if not _KEY.fullmatch(key) or any(s in ("", ".", "..") for s in segments):
        raise ValueError(f"invalid key {key!r} for kind {kind!r}")
    return f"{ID_BASE}{kind}/{key}"


def key_of(iri: str) -> str:
    """Return the key part of an instance IRI (what follows the kind)."""
    rest = iri[len(ID_BASE) :] if iri.startswith(ID_BASE) else iri.rsplit("/", 1)[-1]
    return rest.split("/", 1)[1] if "/" in rest else rest


def kind_of(iri: str) -> str | None:
    """Return the kind of an instance IRI, or None when it is not a cislib instance."""
    if not iri.startswith(ID_BASE):
        return None
    return iri[len(ID_BASE) :].split("/", 1)[0]
