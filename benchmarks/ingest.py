"""Benchmark: ingest many distinct copies of the bundled reports, then export.

Each copy is a bundled report with one line appended, so it has its own checksum, file name
and named graph. Prints reports/s, triples/s, store size on disk, peak memory and export
times, and beside them the same work done by the naive stack (rdflib's in-memory Dataset and
rdflib's serialisers) in the same run, as a ratio. A benchmark, not a test: run it by hand.

    python benchmarks/ingest.py --copies 200
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from pathlib import Path

import rdflib

from cislib.extract import extract_document
from cislib.extract.document import document_from_text
from cislib.graph.build import build_report_quads
from cislib.graph.export import write_export
from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib
from cislib.seeds import bundled_reports


def copies(n: int):
    """n distinct report texts made from the bundled ones."""
    sources = [(f.name, f.read_text(encoding="utf-8")) for f in bundled_reports()]
    for i in range(n):
        name, text = sources[i % len(sources)]
        yield f"copy-{i:05d}-{name}", f"{text}\n\nCopy {i}.\n"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def naive_add(dataset: rdflib.Dataset, quads) -> int:
    """The naive stack's ingest: add quads (``cislib.graph.build`` quads) to an rdflib Dataset,
    each into the named graph it belongs to. Returns how many were added."""
    added = 0
    for q in quads:
        dataset.graph(to_rdflib(q.graph_name)).add(
            (to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object))
        )
        added += 1
    return added


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    started = time.perf_counter()
    records = [
        extract_document(document_from_text(text, name)) for name, text in copies(args.copies)
    ]
    extract_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        with GraphStore.open(path, write=True) as store:
            store.load_base()
            started = time.perf_counter()
            triples = sum(store.ingest(r, derive=False).triples for r in records)
            store.refresh_derived()
            ingest_s = time.perf_counter() - started
            started = time.perf_counter()
            turtle_bytes = write_export(store, "turtle", Path(tmp) / "export.ttl")
            turtle_s = time.perf_counter() - started
            started = time.perf_counter()
            trig_bytes = write_export(store, "trig", Path(tmp) / "export.trig")
            trig_s = time.perf_counter() - started
            quads = store.count()
        size = folder_size(path)

    # The naive stack: rdflib's in-memory Dataset and serialisers, same records.
    started = time.perf_counter()
    dataset = rdflib.Dataset()
    for record in records:
        naive_add(dataset, build_report_quads(record))
    naive_ingest_s = time.perf_counter() - started
    started = time.perf_counter()
    dataset.serialize(format="trig")
    naive_trig_s = time.perf_counter() - started

    figures = {
        "reports": args.copies,
        "triples_ingested": triples,
        "quads_in_store": quads,
        "extract_s": round(extract_s, 3),
        "ingest_s": round(ingest_s, 3),
        "reports_per_s": round(args.copies / ingest_s, 1),
        "triples_per_s": round(triples / ingest_s),
        "store_bytes": size,
        "peak_memory_mb": round(peak_mb(), 1),
        "export_turtle_s": round(turtle_s, 3),
        "export_trig_s": round(trig_s, 3),
        "turtle_bytes": turtle_bytes,
        "trig_bytes": trig_bytes,
        "naive_ingest_s": round(naive_ingest_s, 3),
        "naive_trig_s": round(naive_trig_s, 3),
        "ingest_ratio_naive_over_store": round(naive_ingest_s / ingest_s, 2),
        "trig_ratio_naive_over_store": round(naive_trig_s / trig_s, 2),
    }
    width = max(len(k) for k in figures)
    for key, value in figures.items():
        print(f"{key.ljust(width)}  {value}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
