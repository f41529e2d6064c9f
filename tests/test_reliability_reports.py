"""Report files from many hands: encodings, invisible characters, look-alike letters, odd names.

Each bad file is either read into the same entities as its clean twin, or refused with one line
that names the file (and the byte offset, for encodings); nothing garbled is ever stored, and a
refused file leaves the store as it was.
"""

from __future__ import annotations

import codecs
import os
import time
import unicodedata

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from cislib.cli import cli
from cislib.errors import ReportError
from cislib.extract.document import (
    MAX_REPORT_BYTES,
    clean_text,
    decode_report,
    document_from_bytes,
    document_from_text,
    read_report,
)
from cislib.extract.pipeline import extract_document, extract_file
from cislib.graph.build import build_report_quads
from cislib.graph.store import GraphStore

RUSSIAN = (
    "14 сентября 2023 года в Национальной библиотеке Беларуси в Минске состоялся семинар. "
    "В нём участвовали представители Казахстана, Узбекистана и России.\n\n"
    "Директор Российской государственной библиотеки Вадим Дуда выступил с докладом."
)
UZBEK = (
    "2023-yil 12-mayda Toshkentda Oʻzbekiston Milliy kutubxonasida seminar boʻlib oʻtdi. "
    "Seminarda Qoʻqon shahar axborot-kutubxona markazi direktori Gʻayrat Toʻlqinov maʼruza "
    "qildi. Tadbirda Turkmaniston Milliy kutubxonasi vakillari ishtirok etdi."
)
TURKMEN = "Türkmenistanyň Döwlet kitaphanasynda Gazagystanyň wekilleri bilen duşuşyk geçirildi."
#: What no stored text may hold: controls other than tab, line feed and carriage return, and
#: invisible format characters.
FORBIDDEN = {"Cc", "Cf", "Cs", "Zl", "Zp"}


def signature(record) -> set[tuple]:
    """What a record says, apart from the report's own key (which is the file's checksum, and
    is part of event IRIs): entities by IRI, events by type, title and dates."""
    found: set[tuple] = {(e.type, e.iri) for e in record.entities if e.type != "Event"}
    found |= {(e.type, e.title, e.start, e.end) for e in record.events}
    return found


def entities(text: str, file: str = "report.txt") -> set[tuple]:
    return signature(extract_document(document_from_text(text, file)))


def literals_are_clean(record) -> None:
    for quad in build_report_quads(record):
        if isinstance(quad.object, ox.Literal):
            bad = [
                ch
                for ch in quad.object.value
                if unicodedata.category(ch) in FORBIDDEN and ch not in "\t\n\r"
            ]
            assert not bad, (quad, bad)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path, *fragments: str) -> str:
    with pytest.raises(ReportError) as caught:
        read_report(path)
    message = str(caught.value)
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    return message


# -- sizes and kinds of file ------------------------------------------------------------------


@pytest.mark.parametrize(
    "data,fragment",
    [
        (b"", "empty"),
        (b" \n\t\r\n ", "empty"),
        ("\u200b\u200d\ufeff\n".encode(), "no visible text"),
        (codecs.BOM_UTF8, "empty"),
    ],
    ids=["zero bytes", "white space", "invisible characters", "a BOM alone"],
)
def test_empty_files_are_refused(tmp_path, data, fragment):
    path = write(tmp_path, "empty.txt", data)
    refused(path, str(path), fragment)


@pytest.mark.parametrize(
    "data,offset",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 8),
        (b"%PDF-1.7\n\x00binary", 9),
        ("Отчёт о визите\n".encode() + b"\x00" * 3, len("Отчёт о визите\n".encode())),
    ],
    ids=["png", "pdf", "text then NUL"],
)
def test_binary_files_are_refused_with_the_offset(tmp_path, data, offset):
    path = write(tmp_path, "binary.txt", data)
    refused(path, str(path), "not a text file", f"byte {offset}")


def test_a_huge_file_is_refused_before_it_is_read(tmp_path):
    """A sparse file of 64 GiB: reading it would take minutes and all the memory."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024**3)
    started = time.perf_counter()
    refused(path, str(path), f"{MAX_REPORT_BYTES} byte limit")
    assert time.perf_counter() - started < 1


def test_just_over_the_limit_is_refused_and_at_the_limit_is_read(tmp_path):
    body = ("Минск. " * (MAX_REPORT_BYTES // 10)).encode()
    at_limit = write(tmp_path, "at.txt", body[:MAX_REPORT_BYTES].rsplit(b" ", 1)[0])
    assert read_report(at_limit).text.startswith("Минск.")
    over = write(tmp_path, "over.txt", body[: MAX_REPORT_BYTES + 1])
    refused(over, "byte limit")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    started = time.perf_counter()
    refused(path, str(path), "not a file")
    assert time.perf_counter() - started < 1


# -- encodings --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "codec,name",
    [("cp1251", "Windows-1251"), ("koi8_r", "KOI8-R"), ("cp866", "DOS (CP866)")],
)
def test_legacy_cyrillic_is_refused_naming_the_byte_and_the_encoding(tmp_path, codec, name):
    data = ("Report 2023: " + RUSSIAN).encode(codec)
    with pytest.raises(UnicodeDecodeError) as python:
        data.decode("utf-8")
    path = write(tmp_path, f"{codec}.txt", data)
    refused(path, str(path), "not valid UTF-8", f"byte {python.value.start}", name, "save the")


@pytest.mark.parametrize(
    "data,offset",
    [
        (b"Minsk \xff\xfe library", 6),
        (b"Minsk \xd0", 6),  # a sequence cut off at the end
        (b"Minsk \xc0\xaf", 6),  # an overlong slash
        (b"Minsk \xed\xa0\x80 x", 6),  # an encoded surrogate
        (b"Minsk \xf4\x90\x80\x80", 6),  # beyond U+10FFFF
        (codecs.BOM_UTF8 + b"Minsk \x80", 9),  # the offset counts the BOM
    ],
    ids=["stray bytes", "truncated", "overlong", "surrogate", "too large", "after a BOM"],
)
def test_invalid_utf8_is_refused_with_the_byte_offset(tmp_path, data, offset):
    path = write(tmp_path, "broken.txt", data)
    refused(path, str(path), "not valid UTF-8", f"byte {offset}")


def misread(text: str, codec: str) -> str:
    """UTF-8 text decoded in a single-byte encoding, as Windows does (an unassigned byte
    becomes the control character of the same number)."""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in text.encode())


@pytest.mark.parametrize("codec", ["cp1251", "cp1252", "latin-1"])
@pytest.mark.parametrize("original", [RUSSIAN, UZBEK, TURKMEN], ids=["ru", "uz-Latn", "tk"])
def test_mojibake_is_refused(tmp_path, codec, original):
    """UTF-8 read in a single-byte encoding and saved again: valid UTF-8, garbled text."""
    text = "Report: " + misread(original, codec)
    first = next(i for i, ch in enumerate(text) if not ch.isascii())
    first = text.rfind(" ", 0, first) + 1  # the start of the first garbled word
    path = write(tmp_path, "garbled.txt", text.encode("utf-8"))
    refused(path, str(path), f"byte {first}", "garbled", "save the original text as UTF-8")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be", "utf-8-sig"])
def test_unicode_with_a_bom_is_decoded_to_the_same_record(tmp_path, encoding):
    data = RUSSIAN.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    if encoding == "utf-32-be":
        data = codecs.BOM_UTF32_BE + data
    path = write(tmp_path, "bom.txt", data)
    document = read_report(path)
    assert document.text == RUSSIAN
    record = extract_file(path)
    assert signature(record) == entities(RUSSIAN)
    for entity in record.entities:
        for mention in entity.mentions:
            assert document.text[mention.start : mention.end] == mention.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_refused_by_name(tmp_path, encoding):
    path = write(tmp_path, "utf16.txt", RUSSIAN.encode(encoding))
    refused(path, str(path), "UTF-16", "without a byte order mark", "byte")


def test_broken_utf16_is_refused_with_the_offset(tmp_path):
    data = codecs.BOM_UTF16_LE + "Минск".encode("utf-16-le") + b"\x00\xd8" + "x".encode("utf-16-le")
    path = write(tmp_path, "broken16.txt", data)
    refused(path, "invalid UTF-16", "byte 12")


@pytest.mark.parametrize(
    "encoding", ["utf-16-le", "utf-16-be", "utf-32-le"], ids=["utf-16-le", "utf-16-be", "utf-32"]
)
def test_binary_data_after_a_bom_is_refused(tmp_path, encoding):
    """Binary noise that decodes (no surrogates, no NUL) but holds no text."""
    import random

    rng = random.Random(7)
    top = 0x10FFFF if "32" in encoding else 0xFFFF
    points = [rng.randrange(1, top) for _ in range(2000)]
    noise = "".join(chr(c) for c in points if not 0xD800 <= c <= 0xDFFF)
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    path = write(
        tmp_path, "noise.txt", bom.get(encoding, codecs.BOM_UTF32_LE) + noise.encode(encoding)
    )
    refused(path, "not a text file", "control, private or unassigned")


def test_utf32_holding_nul_characters_is_binary(tmp_path):
    data = codecs.BOM_UTF32_LE + "Минск\x00".encode("utf-32-le")
    path = write(tmp_path, "nul32.txt", data)
    refused(path, "not a text file", "byte 24")


# -- invisible characters, normal forms, look-alike letters, apostrophes ----------------------


def _insert_every(text: str, char: str, step: int = 7) -> str:
    return "".join(
        ch + (char if i % step == 3 and ch.isalpha() else "") for i, ch in enumerate(text)
    )


@pytest.mark.parametrize(
    "char",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff", "\u202e", "\u200f", "\u2066"],
    ids=["zwsp", "zwnj", "zwj", "word joiner", "soft hyphen", "bom", "rlo", "rlm", "lri"],
)
@pytest.mark.parametrize("text", [RUSSIAN, UZBEK, TURKMEN], ids=["ru", "uz-Latn", "tk"])
def test_invisible_characters_inside_words_change_nothing(text, char):
    noisy = _insert_every(text, char)
    assert noisy != text
    assert entities(noisy) == entities(text)
    record = extract_document(document_from_text(noisy))
    literals_are_clean(record)


@pytest.mark.parametrize("char", ["\x07", "\x1b", "\x7f", "\x85", "\x0b", "\x0c", "\u2028"])
def test_control_characters_never_reach_the_graph(char):
    noisy = RUSSIAN.replace(" в Минске", f"{char}в Минске").replace("\n\n", f"\n{char}\n")
    record = extract_document(document_from_text(noisy))
    assert signature(record) == entities(RUSSIAN)
    literals_are_clean(record)


@pytest.mark.parametrize("text", [RUSSIAN, TURKMEN], ids=["ru", "tk"])
def test_nfd_reads_as_nfc(tmp_path, text):
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    path = write(tmp_path, "nfd.txt", decomposed.encode())
    document = read_report(path)
    assert document.text == unicodedata.normalize("NFC", text)
    assert signature(extract_file(path)) == entities(text)


@pytest.mark.parametrize(
    "original,spoofed",
    [
        ("Казахстана", "Kазахстана"),  # Latin K
        ("России", "Рoссии"),  # Latin o
        ("Российской государственной", "Poccийской гоcударcтвенной"),  # P, c, c
        ("Узбекистана", "Узбекиcтaнa"),  # Latin c, a, a
        ("Беларуси", "Бeлaруси"),
    ],
)
def test_latin_look_alikes_in_cyrillic_words_resolve_to_the_same_entity(original, spoofed):
    text = RUSSIAN.replace(original, spoofed)
    assert text != RUSSIAN
    assert entities(text) == entities(RUSSIAN)


@pytest.mark.parametrize(
    "original,spoofed",
    [("Türkmenistanyň", "Türkmenistаnyň"), ("Gazagystanyň", "Gаzаgystаnyň")],
)
def test_cyrillic_look_alikes_in_latin_words_resolve_to_the_same_entity(original, spoofed):
    text = TURKMEN.replace(original, spoofed)
    assert text != TURKMEN
    assert entities(text) == entities(TURKMEN)


def test_partly_garbled_text_is_refused(tmp_path):
    text = RUSSIAN + "\n\nПодробнее: " + misread("Национальная библиотека", "cp1251")
    path = write(tmp_path, "part.txt", text.encode())
    refused(path, f"byte {len(text[: text.index('РќР')].encode())}", "Windows-1251")


def test_real_words_that_look_like_mojibake_are_read():
    for text in ("Сёмга и «ёлка».", "Café Müller, Ñandú.", "Â¿Qué?", "РЎ"):
        assert decode_report(text.encode(), "x.txt") == text


def test_real_mixed_words_are_left_as_written():
    for word in ("IT-технологии", "Wi-Fi", "MSКО", "оn"):
        assert clean_text(word) == word


@pytest.mark.parametrize("apostrophe", ["'", "’", "‘", "`", "ʼ"])
def test_uzbek_apostrophe_variants_resolve_to_one_entity(apostrophe):
    text = UZBEK.replace("ʻ", apostrophe).replace("ʼ", apostrophe)
    record = extract_document(document_from_text(text, "uz.txt"))
    expected = extract_document(document_from_text(UZBEK, "uz.txt"))
    assert signature(record) == signature(expected)
    people = {e.iri: e.label for e in record.entities if e.type == "Person"}
    assert people == {e.iri: e.label for e in expected.entities if e.type == "Person"}
    assert people, "the reader should find Gʻayrat Toʻlqinov"
    # The quotes stay as written.
    for entity in record.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text


# -- file names -------------------------------------------------------------------------------


def test_a_path_with_dot_dot_stores_only_the_file_name(tmp_path):
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    write(folder, "report.txt", RUSSIAN.encode())
    document = read_report(folder / ".." / "b" / "report.txt")
    assert document.file == "report.txt"


@pytest.mark.parametrize("name", ['report "final".txt', "it's.txt", "<b>{x}<\\b>.txt", "a\\b.txt"])
def test_quotes_and_brackets_in_a_file_name_are_stored_exactly(tmp_path, name):
    path = write(tmp_path, name, RUSSIAN.encode())
    record = extract_file(path)
    assert record.report.file == name
    with GraphStore.open(tmp_path / "store", write=True) as store:
        store.ingest(record)
        assert store.reports_by_file(name) == [ox.NamedNode(record.report.iri)]


@pytest.mark.parametrize(
    "name,fragment",
    [
        ("line\nbreak.txt", "U+000A"),
        ("tab\there.txt", "U+0009"),
        ("rlo\u202etxt.exe", "U+202E"),
        ("bell\x07.txt", "U+0007"),
    ],
)
def test_control_characters_in_a_file_name_are_refused(tmp_path, name, fragment):
    path = write(tmp_path, name, RUSSIAN.encode())
    message = refused(path, fragment, "rename the file")
    assert repr(str(path)) in message


def test_a_file_name_that_is_not_utf8_is_refused(tmp_path):
    raw = os.fsencode(tmp_path) + b"/otch\xe5t.txt"
    with open(raw, "wb") as handle:
        handle.write(RUSSIAN.encode())
    refused(os.fsdecode(raw), "not valid UTF-8", "rename the file")


def test_document_from_bytes_checks_the_name_too():
    with pytest.raises(ReportError, match=r"U\+000A"):
        document_from_bytes(RUSSIAN.encode(), "a\nb.txt")
    assert decode_report(RUSSIAN.encode(), "x.txt") == RUSSIAN


# -- through the command line: one line, exit 2, nothing lost ---------------------------------


@pytest.fixture
def filled_store(tmp_path):
    path = tmp_path / "store"
    good = write(tmp_path, "good.txt", RUSSIAN.encode())
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", str(good)])
    assert result.exit_code == 0, result.output
    with GraphStore.open(path) as store:
        return path, store.dump_nquads()


def bad_files(tmp_path) -> list:
    folder = tmp_path / "bad"
    folder.mkdir()
    files = [
        write(folder, "cp1251.txt", RUSSIAN.encode("cp1251")),
        write(folder, "koi8.txt", RUSSIAN.encode("koi8_r")),
        write(folder, "utf16.txt", RUSSIAN.encode("utf-16-le")),
        write(folder, "binary.txt", b"\x00\x01\x02"),
        write(folder, "empty.txt", b""),
        write(folder, "name\nwith a break.txt", RUSSIAN.encode()),
        write(folder, "garbled.txt", RUSSIAN.encode().decode("cp1251", "ignore").encode()),
    ]
    huge = folder / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(MAX_REPORT_BYTES + 1)
    return [*files, huge]


def test_ingest_of_bad_files_loses_nothing_and_says_which(tmp_path, filled_store):
    path, before = filled_store
    files = bad_files(tmp_path)
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", *map(str, files)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "Internal error" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == len(files), result.output
    with GraphStore.open(path) as store:
        assert store.dump_nquads() == before


def test_a_folder_with_bad_files_stores_the_good_ones(tmp_path, filled_store):
    path, _ = filled_store
    files = bad_files(tmp_path)
    write(files[0].parent, "fine.txt", TURKMEN.encode())
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", str(files[0].parent)])
    assert result.exit_code == 2
    assert "fine.txt:" in result.output and "stored" in result.output
    with GraphStore.open(path) as store:
        assert {
            q.object.value for q in store.quads() if q.predicate.value.endswith("fileName")
        } == {
            "good.txt",
            "fine.txt",
        }
