"""Print docs/accuracy.md: the reader scored on every gold set the project has.

    python scripts/accuracy.py > docs/accuracy.md

Each table is what ``cislib evaluate`` prints for one set, so the page and the command always
agree.
"""

from __future__ import annotations

from pathlib import Path

from cislib.extract import extract_file
from cislib.extract.evaluation import evaluate_files, format_table

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SETS = [
    (
        "The untuned half of the development corpus (`tests/data/dev/untuned`)",
        "21 reports on real events, three per language tag, never looked at to change a rule: "
        "these are the figures to quote.",
        sorted((DATA / "dev" / "untuned").rglob("*.json")),
        None,
    ),
    (
        "The tuned half (`tests/data/dev/tuned`)",
        "The other 21 reports, whose misses the language tables and rules were improved on.",
        sorted((DATA / "dev" / "tuned").rglob("*.json")),
        None,
    ),
    (
        "The held-out test reports (`tests/data/reports`)",
        "Fourteen reports written for the project, two per language tag.",
        sorted((DATA / "reports").rglob("*.json")),
        None,
    ),
    (
        "The bundled reports (`tests/data/gold`)",
        "The two reports `cislib build` reads.",
        sorted((DATA / "gold").glob("*.json")),
        ROOT / "cislib" / "seeds" / "reports",
    ),
]


def main() -> None:
    """Print the page."""
    print("# How well cislib reads\n")
    print(
        "Each table is what `cislib evaluate` prints for one gold set: precision, recall and "
        "F1 in per cent with found/gold counts, accuracies in per cent with correct/checked "
        "counts. Made by `python scripts/accuracy.py > docs/accuracy.md`.\n"
    )
    for title, note, files, reports in SETS:
        summary = evaluate_files(files, extract_file, reports_dir=reports)
        print(f"## {title}\n\n{note}\n\n```text\n{format_table(summary)}\n```\n")


if __name__ == "__main__":
    main()
