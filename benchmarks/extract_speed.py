"""Benchmark: start-up time and extraction time of the 16 KB seed report.

Start-up is a fresh interpreter importing cislib and reading its first report (reference
data, language tables and the Russian morphology dictionary loaded); extraction is the same
report read again in the warm process (median of repeated runs). The baseline in the same run
is the bare interpreter start (``python -c pass``). A benchmark, not a test.

    python benchmarks/extract_speed.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from cislib.extract import extract_file
from cislib.seeds import bundled_reports

COLD = (
    "import time; t = time.perf_counter();"
    "from cislib.extract import extract_file; from cislib.seeds import bundled_reports;"
    "extract_file(bundled_reports()[0]); print(time.perf_counter() - t)"
)


def wall(args) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    report = bundled_reports()[0]
    size = len(report.read_bytes())
    bare = statistics.median(wall([sys.executable, "-c", "pass"]) for _ in range(3))
    cold_runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", COLD], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(3)
    ]
    cold_wall = statistics.median(wall([sys.executable, "-c", COLD]) for _ in range(3))
    extract_file(report)
    warm = []
    for _ in range(10):
        started = time.perf_counter()
        extract_file(report)
        warm.append(time.perf_counter() - started)
    print(f"report                          {report.name} ({size} bytes)")
    print(f"bare interpreter start (s)      {bare:.3f}")
    print(f"start-up + first report (s)     {statistics.median(cold_runs):.3f}  (in-process)")
    print(f"whole cold command (s)          {cold_wall:.3f}  ({cold_wall / bare:.1f}x bare start)")
    print(f"warm extraction, median (s)     {statistics.median(warm):.4f}")
    print(f"warm extraction, max (s)        {max(warm):.4f}")


if __name__ == "__main__":
    main()
