"""Report files in, decoded text out, with the checks a file from many hands needs."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
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

    ``text`` is the file decoded as UTF-8 with a BOM removed and nothing else changed, so
    offsets into it are the offsets of the extraction record.
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
    """Decode a report's bytes: UTF-8 (a BOM removed) or UTF-16 with a BOM.

    Raises:
        ReportError: naming the file and the byte offset where decoding failed.
    """
    if not data.strip():
        raise ReportError(f"{name}: the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReportError(f"{name}: invalid UTF-16 at byte {exc.start}") from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ReportError(f"{name}: this is not a text file (a NUL byte at byte {nul})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReportError(
            f"{name}: not valid UTF-8 at byte {exc.start}; save the report as UTF-8 and try again"
        ) from None


def document_from_text(text: str, file: str = "text.txt") -> Document:
    """Make a document from text already in memory (its checksum is of its UTF-8 bytes)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(text=text, file=file, sha256=digest, paragraphs=split_paragraphs(text))


def read_report(path: str | Path) -> Document:
    """Read a report file, checking size and encoding before anything is stored.

    Raises:
        ReportError: for a missing, unreadable, empty, binary, oversized or badly encoded file.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise ReportError(f"{path}: not a file")
        if size > MAX_REPORT_BYTES:
            raise ReportError(
                f"{path}: {size} bytes is over the {MAX_REPORT_BYTES} byte limit for one report"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    except PermissionError:
        raise ReportError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ReportError(f"{path}: is a folder, not a report file") from None
    except OSError as exc:
        raise ReportError(f"{path}: cannot be read ({exc.strerror})") from None
    return document_from_bytes(data, path.name, shown=str(path))


def document_from_bytes(data: bytes, file: str, shown: str | None = None) -> Document:
    """Make a document from a report file's bytes (``shown`` names it in error messages)."""
    text = decode_report(data, shown or file)
    return Document(
        text=text,
        file=file,
        sha256=hashlib.sha256(data).hexdigest(),
        paragraphs=split_paragraphs(text),
    )
