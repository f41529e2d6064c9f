"""Reports in, graph out: read each file, store its record, and summarise what happened.

This is the library behind ``cislib build`` and ``cislib ingest``: a report that cannot be read
is reported with its file name and skipped, and nothing already stored is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cislib.errors import CislibError, ReportError
from cislib.extract import extract_file
from cislib.graph.store import GraphStore, IngestResult
from cislib.seeds import bundled_reports

#: Called after each file with (done, total, file name).
Progress = Callable[[int, int, str], None]

REPORT_SUFFIXES = (".txt", ".md")


@dataclass
class IngestSummary:
    """What an ingest run did, report by report."""

    ingested: list[IngestResult] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every file was read and stored."""
        return not self.failed


def collect_reports(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into report files (``*.txt``, ``*.md``), sorted per folder.

    Raises:
        ReportError: a path does not exist, or a folder holds no reports.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.suffix in REPORT_SUFFIXES and p.is_file()
            )
            if not found:
                raise ReportError(f"{path}: the folder holds no report files (*.txt, *.md)")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            raise ReportError(f"{path}: no such file or folder")
    return files


def ingest_files(
    store: GraphStore,
    files: Iterable[Path | object],
    language: str | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Extract and store each report file; a failing file is recorded, the rest go on."""
    files = list(files)
    summary = IngestSummary()
    batch = len(files) > 1
    try:
        for number, file in enumerate(files, 1):
            name = getattr(file, "name", str(file))
            try:
                record = extract_file(file, language=language)
                summary.ingested.append(store.ingest(record, derive=not batch))
            except CislibError as exc:
                summary.failed.append((str(file), str(exc)))
            if progress:
                progress(number, len(files), name)
    finally:
        # One recomputation for the whole batch, even when it was interrupted.
        if batch and any(not r.unchanged for r in summary.ingested):
            store.refresh_derived()
    return summary


def build(
    store: GraphStore,
    extra: Iterable[str | Path] = (),
    progress: Progress | None = None,
) -> IngestSummary:
    """Load the ontology and reference data, then ingest the bundled reports and ``extra``."""
    store.load_base()
    files: list = list(bundled_reports()) + collect_reports(extra)
    return ingest_files(store, files, progress=progress)
