"""Report files in, decoded text out, with the checks a file from many hands needs."""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from cislib.errors import ReportError
from cislib.identifiers import mint

#: Larger files are refused before they are read: a report is a news item, not a book.
MAX_REPORT_BYTES = 2 * 1024 * 1024

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_TITLE_MARKUP = re.compile(r"^[#*_\s>]+|[#*_\s]+$")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a report: ``document.text[start:end]``."""

    start: int
    end: int


@dataclass
class Document:
    """A decoded report: its text, file name and checksum.

    ``text`` is the file decoded (UTF-8, or UTF-16/UTF-32 with a BOM; the BOM removed) and
    cleaned by ``clean_text``, which changes nothing in a plain report; offsets into it are
    the offsets of the extraction record.
    """

    text: str
    file: str
    sha256: str
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The report's key: the first 16 hex digits of its checksum."""
        return self.sha256[:16]

    @property
    def iri(self) -> str:
        """The report's IRI."""
        return mint("report", self.key)

    @property
    def title(self) -> str:
        """The first non-empty line, without Markdown emphasis, as the report's title."""
        for line in self.text.splitlines():
            title = _TITLE_MARKUP.sub("", line).strip()
            if title:
                return title
        return self.file


def split_paragraphs(text: str) -> list[Paragraph]:
    """Split text at blank lines into paragraphs that hold some non-space text.

    Example:
        >>> [(p.start, p.end) for p in split_paragraphs("one\\n\\n two")]
        [(0, 3), (6, 9)]
    """
    paragraphs = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        paragraphs.append((start, brk.start()))
        start = brk.end()
    paragraphs.append((start, len(text)))
    out = []
    for s, e in paragraphs:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Paragraph(s, e))
    return out


def decode_report(data: bytes, name: str) -> str:
    """Decode a report's bytes and clean the text (see ``clean_text``).

    UTF-8 (a BOM removed), or UTF-16 or UTF-32 with a BOM. Text in a legacy encoding
    (Windows-1251, KOI8-R, ...) and UTF-8 that was decoded wrongly and saved again (mojibake)
    are refused rather than guessed at, so no garbled name is ever stored.

    Raises:
        ReportError: naming the file and the byte offset where decoding failed.

    Example:
        >>> decode_report("Oʻzbekiston".encode("utf-16"), "uz.txt")
        'Oʻzbekiston'
    """
    if not data.strip():
        raise ReportError(f"{name}: the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            if encoding == "utf-8":
                text = _decode_utf8(data[len(bom) :], name, skip=len(bom))
            else:
                text = _decode_with_bom(data, encoding, len(bom), name)
            break
    else:
        text = _decode_utf8(data, name)
    text = clean_text(text)
    if not text.strip():
        raise ReportError(f"{name}: the file holds no visible text")
    return text


#: Byte order marks and their encodings; UTF-32 first, since its little-endian mark starts
#: with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF8, "utf-8"),
)

#: Single-byte encodings that Cyrillic reports were saved in before UTF-8, named for messages.
LEGACY_CYRILLIC = (("cp1251", "Windows-1251"), ("koi8_r", "KOI8-R"), ("cp866", "DOS (CP866)"))

#: Encodings that UTF-8 text is most often misread in before it is saved again as UTF-8.
MISREAD_AS = (("cp1251", "Windows-1251"), ("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))


def _decode_with_bom(data: bytes, encoding: str, skip: int, name: str) -> str:
    label = encoding[:6].upper()
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        raise ReportError(f"{name}: invalid {label} at byte {skip + exc.start}") from None
    nul = text.find("\x00")
    if nul >= 0:
        at = skip + len(text[:nul].encode(encoding))
        raise ReportError(f"{name}: this is not a text file (a NUL character at byte {at})")
    # Binary data that happens to start like a BOM decodes to characters no text holds.
    odd = [i for i, ch in enumerate(text) if unicodedata.category(ch) in ("Cc", "Cn", "Co")]
    odd = [i for i in odd if text[i] not in "\t\n\r"]
    if len(odd) > max(2, len(text) // 50):
        at = skip + len(text[: odd[0]].encode(encoding))
        raise ReportError(
            f"{name}: this is not a text file (it starts like {label} but holds "
            f"{len(odd)} control, private or unassigned characters, the first at byte {at})"
        )
    return text


def _decode_utf8(data: bytes, name: str, skip: int = 0) -> str:
    """Decode UTF-8 (``skip`` bytes of BOM already cut off, counted in the offsets shown)."""
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_like_utf16(data):
            raise ReportError(
                f"{name}: this looks like UTF-16 text without a byte order mark (a NUL byte at "
                f"byte {skip + nul}); save the report as UTF-8 and try again"
            )
        raise ReportError(f"{name}: this is not a text file (a NUL byte at byte {skip + nul})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        legacy = _legacy_encoding(data)
        hint = f" (it reads as {legacy} text)" if legacy else ""
        raise ReportError(
            f"{name}: not valid UTF-8 at byte {skip + exc.start}{hint}; "
            "save the report as UTF-8 and try again"
        ) from None
    misread = _misread_as(text)
    if misread:
        label, first = misread
        at = skip + len(text[:first].encode("utf-8"))
        sample = text[first : first + 12].split()[0]
        raise ReportError(
            f"{name}: the text at byte {at} ({sample!r}) is garbled: UTF-8 that was read as "
            f"{label} and saved again; save the original text as UTF-8 and try again"
        )
    return text


def _looks_like_utf16(data: bytes) -> bool:
    """True when the NUL bytes fall on one side of each byte pair and the bytes read as
    UTF-16 text there (as the ASCII letters and digits of UTF-16 text do)."""
    sample = data[: 1 << 16]
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    # Even Cyrillic UTF-16 has a NUL in every space, digit and punctuation mark.
    if even + odd < max(2, len(sample) // 40) or max(even, odd) < 0.95 * (even + odd):
        return False
    try:
        text = sample.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return False
    readable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r")
    return readable >= 0.95 * len(text)


def _legacy_encoding(data: bytes) -> str | None:
    """The legacy Cyrillic encoding the bytes read best in, if they read as Cyrillic words.

    Cyrillic words are runs of bytes above 127; in the right encoding they are mostly lower
    case (each of these encodings puts the other's lower case where its own upper case is).
    Accented letters of Western text stand alone between ASCII letters, and are not counted.
    """
    high = [i for i, byte in enumerate(data) if byte > 127]
    if len(high) < 8:
        return None
    positions = set(high)
    in_runs = sum(1 for i in high if i - 1 in positions or i + 1 in positions)
    if in_runs < 0.8 * len(high):
        return None
    best, best_lower = None, 0.0
    for codec, label in LEGACY_CYRILLIC:
        text = data.decode(codec, errors="replace")
        letters = [ch for ch in text if "\u0400" <= ch <= "\u04ff"]
        lower = sum(1 for ch in letters if ch.islower()) / max(len(letters), 1)
        if len(letters) >= 0.8 * len(high) and lower > best_lower:
            best, best_lower = label, lower
    return best if best_lower >= 0.6 else None


@cache
def _misreadings() -> list[tuple[str, dict[str, int], re.Pattern]]:
    """For each of ``MISREAD_AS``: its name, its character -> byte table, and a pattern for
    a character that would be a UTF-8 lead byte followed by one that would continue it."""
    found = []
    for codec, label in MISREAD_AS:
        table: dict[str, int] = {}
        for byte in range(256):
            try:
                ch = bytes([byte]).decode(codec)
            except UnicodeDecodeError:
                ch = chr(byte)  # an unassigned byte, as Windows decodes it
            table.setdefault(ch, byte)
        lead = "".join(re.escape(ch) for ch, b in table.items() if 0xC2 <= b <= 0xF4)
        follow = "".join(re.escape(ch) for ch, b in table.items() if 0x80 <= b <= 0xBF)
        found.append((label, table, re.compile(f"[{lead}][{follow}]")))
    return found


def _misread_as(text: str) -> tuple[str, int] | None:
    """Where ``text`` holds UTF-8 that was misread in a single-byte encoding, and which.

    A word is garbled when its characters, written back in that encoding, are valid UTF-8
    with characters beyond ASCII; the text is taken for mojibake when its garbled words hold
    two or more such characters. Real Cyrillic or accented words practically never are
    garbled: every such letter would have to be followed by one of the few characters that
    encode as UTF-8 continuation bytes.

    Returns:
        (the encoding's name, the index in ``text`` of the first such word), or None.
    """
    if text.isascii():
        return None
    found = []
    for label, table, pattern in _misreadings():
        done, weight, first = 0, 0, None
        for suspect in pattern.finditer(text):
            if suspect.start() < done:
                continue
            start, end = suspect.start(), suspect.end()
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            while end < len(text) and not text[end].isspace():
                end += 1
            done = end
            word = text[start:end]
            if any(ch not in table for ch in word):
                continue
            try:
                repaired = bytes(table[ch] for ch in word).decode("utf-8")
            except UnicodeDecodeError:
                continue
            weight += sum(1 for ch in repaired if not ch.isascii())
            first = start if first is None else first
            if weight >= 2:
                found.append((first, label))
                break
    return min(found)[::-1] if found else None


#: Latin letters and the Cyrillic letters they cannot be told from on screen. A word written
#: mostly in one script gets these letters of the other script replaced by its own.
LOOKALIKES = {
    "A": "А",
    "B": "В",
    "C": "С",
    "E": "Е",
    "H": "Н",
    "I": "І",
    "J": "Ј",
    "K": "К",
    "M": "М",
    "O": "О",
    "P": "Р",
    "S": "Ѕ",
    "T": "Т",
    "X": "Х",
    "Y": "У",
    "a": "а",
    "c": "с",
    "e": "е",
    "h": "һ",
    "i": "і",
    "j": "ј",
    "o": "о",
    "p": "р",
    "s": "ѕ",
    "x": "х",
    "y": "у",
    "ë": "ё",
    "ï": "ї",
    "Ə": "Ә",
    "ə": "ә",
}
_CYRILLIC_TWIN = LOOKALIKES
_LATIN_TWIN = {cyrillic: latin for latin, cyrillic in LOOKALIKES.items()}
_CYRILLIC = re.compile(r"[\u0400-\u052f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u0259\u1e00-\u1eff]")
# Where a letter of one script touches a letter of the other: the only places to look.
_SEAM = re.compile(f"{_LATIN.pattern}{_CYRILLIC.pattern}|{_CYRILLIC.pattern}{_LATIN.pattern}")

#: Control characters become a space (a line break for vertical tab, form feed and the
#: Unicode line and paragraph separators), so that no stored text holds a character that
#: XML or a terminal cannot show; tab, line feed and carriage return stay.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]")
_BREAKS = "\x0b\x0c\u2028\u2029"


def _one_script(word: str) -> str:
    cyrillic = len(_CYRILLIC.findall(word))
    latin = len(_LATIN.findall(word))
    if cyrillic == latin:
        return word  # no main script to follow
    twin, other = (_CYRILLIC_TWIN, _LATIN) if cyrillic > latin else (_LATIN_TWIN, _CYRILLIC)
    if any(ch not in twin for ch in other.findall(word)):
        return word  # a letter with no look-alike: a real mixed word, left as written
    return other.sub(lambda m: twin[m.group()], word)


def _repair_lookalikes(text: str) -> str:
    """Write every word that mixes Latin and Cyrillic letters in its main script."""
    out, done = [], 0
    while seam := _SEAM.search(text, done):
        start, end = seam.start(), seam.end()
        while start > done and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        out.append(text[done:start])
        out.append(_one_script(text[start:end]))
        done = end
    out.append(text[done:])
    return "".join(out)


@cache
def _invisible_table() -> dict[int, str | None]:
    """``str.translate`` table: controls to a space or a line break, format characters
    (Unicode category Cf) to nothing."""
    table: dict[int, str | None] = {
        c: None for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf"
    }
    for c in range(0x10000):
        if _CONTROLS.match(chr(c)):
            table[c] = "\n" if chr(c) in _BREAKS else " "
    return table


def clean_text(text: str) -> str:
    """Make decoded text safe to store and to match, the same way for every report.

    * control characters become spaces (line breaks where they break lines);
    * invisible format characters (zero-width spaces and joiners, soft hyphens,
      right-to-left and other direction marks, a BOM inside the text) are removed;
    * the text is put in Unicode normal form C, so that a letter typed as a base letter and
      a combining accent is the same letter as the precomposed one;
    * in a word written mostly in Cyrillic, Latin letters that look the same are replaced by
      their Cyrillic twins, and the other way round (``LOOKALIKES``).

    Example:
        >>> clean_text("Kаза\u200bхстан\x07 Tu\u0308rkmenistan")
        'Казахстан  Türkmenistan'
    """
    if _CONTROLS.search(text) or any(unicodedata.category(ch) == "Cf" for ch in set(text)):
        text = text.translate(_invisible_table())
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _SEAM.search(text):
        text = _repair_lookalikes(text)
    return text


def document_from_text(text: str, file: str = "text.txt") -> Document:
    """Make a document from text already in memory (its checksum is of its UTF-8 bytes).

    The text is cleaned as a report file's is (``clean_text``).
    """
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    text = clean_text(text)
    return Document(text=text, file=file, sha256=digest, paragraphs=split_paragraphs(text))


def shown_path(path: str | Path) -> str:
    """A path as error messages show it: as typed, or quoted with escapes when it holds a
    line break, a control or format character, or bytes that are not UTF-8.

    Example:
        >>> shown_path("news/a\\nb.txt")
        "'news/a\\\\nb.txt'"
    """
    text = str(path)
    if text.isprintable():
        return text
    return repr(text)


def check_file_name(name: str, shown: str | None = None) -> str:
    """Return a report's file name, refusing one that cannot be stored and shown as it is.

    The name is stored with the report (``cis:fileName``) and identifies its versions, so a
    name with a control or invisible format character (a line break, a right-to-left
    override) or with bytes that are not UTF-8 is refused rather than altered: two such names
    could otherwise become one, and one report replace another.

    Raises:
        ReportError: naming the file and the position of the first such character.
    """
    for position, ch in enumerate(name):
        category = unicodedata.category(ch)
        if category == "Cs":
            raise ReportError(
                f"{shown or shown_path(name)}: the file name is not valid UTF-8 "
                f"(at character {position}); rename the file"
            )
        if category in ("Cc", "Cf", "Zl", "Zp"):
            raise ReportError(
                f"{shown or shown_path(name)}: the file name holds an invisible or control "
                f"character (U+{ord(ch):04X} at character {position}); rename the file"
            )
    return name


def read_report(path: str | Path) -> Document:
    """Read a report file, checking name, size and encoding before anything is stored.

    The size is checked before the file is read, and no more than the limit is ever read
    (a file that grows meanwhile is refused all the same).

    Raises:
        ReportError: for a missing, unreadable, empty, binary, oversized or badly encoded file,
            or a file name that cannot be stored.
    """
    path = Path(path)
    shown = shown_path(path)
    check_file_name(path.name, shown)
    try:
        if not path.is_file():
            path.stat()  # a missing path raises FileNotFoundError here
            raise ReportError(f"{shown}: not a file")
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise ReportError(
                f"{shown}: {size} bytes is over the {MAX_REPORT_BYTES} byte limit for one report"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_REPORT_BYTES + 1)
        if len(data) > MAX_REPORT_BYTES:
            raise ReportError(f"{shown}: over the {MAX_REPORT_BYTES} byte limit for one report")
    except FileNotFoundError:
        raise ReportError(f"{shown}: no such file") from None
    except PermissionError:
        raise ReportError(f"{shown}: permission denied") from None
    except IsADirectoryError:
        raise ReportError(f"{shown}: is a folder, not a report file") from None
    except OSError as exc:
        raise ReportError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:  # a NUL character in the path
        raise ReportError(f"{shown}: not a usable file name ({exc})") from None
    return document_from_bytes(data, path.name, shown=shown)


def document_from_bytes(data: bytes, file: str, shown: str | None = None) -> Document:
    """Make a document from a report file's bytes (``shown`` names it in error messages).

    Raises:
        ReportError: the bytes cannot be decoded, or the file name cannot be stored.
    """
    check_file_name(file, shown)
    text = decode_report(data, shown or shown_path(file))
    return Document(
        text=text,
        file=file,
        sha256=hashlib.sha256(data).hexdigest(),
        paragraphs=split_paragraphs(text),
    )
