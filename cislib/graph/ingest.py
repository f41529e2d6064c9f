"""Reports in, graph out: read each file, store its record, and summarise what happened.

This is the library behind ``cislib build`` and ``cislib ingest``: a report that cannot be read
is reported with its file name and skipped, and nothing already stored is lost.

Reading (extraction) can run in worker processes, ``jobs`` at a time; the store keeps a single
writer, this process, which stores the records in the order of the files, so the store ends up
exactly as a one-process run leaves it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from cislib.errors import CislibError, ReportError
from cislib.extract import extract_file
from cislib.extract.record import ExtractionRecord
from cislib.graph.build import build_report_quads
from cislib.graph.store import GraphStore, IngestResult
from cislib.graph.workers import default_jobs, pool
from cislib.seeds import bundled_reports

#: Called after each file with (done, total, file name).
Progress = Callable[[int, int, str], None]

REPORT_SUFFIXES = (".txt", ".md")

#: Below this many files per worker, starting processes costs more than it saves.
FILES_PER_WORKER = 2
#: Files handed out ahead of the one being stored, per worker (bounds the records in memory).
AHEAD_PER_WORKER = 4
#: A batch flushes the store's write buffers after about this many quads (see
#: ``GraphStore.flush``): without it, memory grows by about half a gigabyte per million quads.
FLUSH_EVERY_QUADS = 200_000
#: A batch derives each report's labels and shortcuts as it goes while it is at most this
#: fraction of the reports already stored; a larger batch recomputes them once at the end.
INCREMENTAL_BATCH_SHARE = 0.1


@dataclass(frozen=True)
class PackagedReport:
    """A report shipped inside the package, passed to a worker as its name and bytes."""

    name: str
    data: bytes

    def read_bytes(self) -> bytes:
        """The file's content (what ``extract_file`` reads from a packaged resource)."""
        return self.data


@dataclass
class ReadReport:
    """What reading one file gave: its record and its graph's quads, or why it failed."""

    file: object
    record: ExtractionRecord | None = None
    quads: list[ox.Quad] | None = None
    error: str | None = None


def _read(file, language: str | None) -> tuple[ExtractionRecord | None, str | None]:
    """Extract one file: its record, or the message saying why it cannot be read."""
    try:
        return extract_file(file, language=language), None
    except CislibError as exc:
        return None, str(exc)


def _read_in_worker(file, language: str | None) -> tuple:
    """``_read`` plus the report graph's quads, built here rather than in the one writer.

    The quads travel as N-Quads bytes: pyoxigraph writes and reads them far faster than
    pickle handles term objects.
    """
    record, error = _read(file, language)
    if record is None:
        return None, None, error
    data = ox.serialize(build_report_quads(record), format=ox.RdfFormat.N_QUADS)
    return record, data, None


def _portable(file):
    return file if isinstance(file, str | Path) else PackagedReport(file.name, file.read_bytes())


def read_reports(files: list, language: str | None = None, jobs: int = 1) -> Iterator[ReadReport]:
    """Extract each file, yielding a ``ReadReport`` per file, in the order of ``files``.

    With ``jobs`` > 1 (and enough files) extraction, and building each report's quads, runs in
    that many worker processes, a few files ahead of the consumer; closing the generator (or
    an interrupt) cancels what has not started and waits for the files in hand, so no worker
    is left behind (``cislib.graph.workers``). A script calling this with ``jobs`` > 1 needs
    the usual ``if __name__ == "__main__":`` guard.
    """
    workers = min(jobs, len(files) // FILES_PER_WORKER)
    if workers < 2:
        for file in files:
            record, error = _read(file, language)
            yield ReadReport(file, record, None, error)
        return
    executor = pool(workers)
    try:
        waiting = iter(files)
        pending: deque = deque()

        def submit() -> None:
            file = next(waiting, None)
            if file is not None:
                job = executor.submit(_read_in_worker, _portable(file), language)
                pending.append((file, job))

        for _ in range(workers * AHEAD_PER_WORKER):
            submit()
        while pending:
            file, future = pending.popleft()
            record, data, error = future.result()
            submit()
            quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) if data else None
            yield ReadReport(file, record, quads, error)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


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
    jobs: int | None = None,
) -> IngestSummary:
    """Extract and store each report file; a failing file is recorded, the rest go on.

    ``jobs`` processes read the files (None, the default: ``default_jobs()``; 1: this process
    reads them); records are stored in file order by this process alone. A small batch (or a
    single file) updates the derived graph report by report, a large one recomputes it once
    at the end; both leave the same graph.
    """
    files = list(files)
    summary = IngestSummary()
    stored = len(store.report_graphs())
    derive_each = len(files) <= 1 or len(files) <= stored * INCREMENTAL_BATCH_SHARE
    reading = read_reports(files, language, default_jobs() if jobs is None else jobs)
    unflushed = 0
    try:
        for number, read in enumerate(reading, 1):
            file = read.file
            name = getattr(file, "name", str(file))
            if read.error is not None:
                summary.failed.append((str(file), read.error))
            else:
                try:
                    result = store.ingest(read.record, derive=derive_each, quads=read.quads)
                    summary.ingested.append(result)
                    unflushed += 0 if result.unchanged else result.triples
                except CislibError as exc:
                    summary.failed.append((str(file), str(exc)))
                if unflushed >= FLUSH_EVERY_QUADS:
                    store.flush()
                    unflushed = 0
            if progress:
                progress(number, len(files), name)
    finally:
        reading.close()
        # One recomputation for the whole batch, even when it was interrupted.
        if not derive_each and any(not r.unchanged for r in summary.ingested):
            store.refresh_derived()
    return summary


def build(
    store: GraphStore,
    extra: Iterable[str | Path] = (),
    progress: Progress | None = None,
    jobs: int | None = None,
) -> IngestSummary:
    """Load the ontology and reference data, then ingest the bundled reports and ``extra``.

    ``jobs`` processes read the reports (None: ``default_jobs()``).
    """
    store.load_base()
    files: list = list(bundled_reports()) + collect_reports(extra)
    return ingest_files(store, files, progress=progress, jobs=jobs)
