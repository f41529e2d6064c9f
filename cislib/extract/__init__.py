"""Reading reports: text in, extraction record out (see ``record``). Knows nothing of RDF."""

from cislib.extract.document import Document, read_report
from cislib.extract.pipeline import extract_document, extract_file
from cislib.extract.record import ExtractionRecord

__all__ = ["Document", "ExtractionRecord", "extract_document", "extract_file", "read_report"]
