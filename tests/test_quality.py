"""Reading quality, measured with the evaluation the CLI offers (regression guards).

The bundled reports' gold must stay at the levels the project promises; the held-out test
reports (two per language, written for the project) must keep entity F1 at 0.90 or more.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cislib.extract import extract_file
from cislib.extract.evaluation import evaluate_files

DATA = Path(__file__).parent / "data"
BUNDLED = Path(__file__).parent.parent / "cislib" / "seeds" / "reports"


@pytest.fixture(scope="module")
def seed_summary():
    return evaluate_files(sorted((DATA / "gold").glob("*.json")), extract_file, reports_dir=BUNDLED)


@pytest.fixture(scope="module")
def held_out_summary():
    return evaluate_files(sorted((DATA / "reports").rglob("*.json")), extract_file)


@pytest.mark.parametrize("kind", ["Country", "City", "Library", "Organization", "Person"])
def test_seed_entities(seed_summary, kind):
    tally = seed_summary.overall.entities[kind]
    assert tally.recall >= 0.95 and tally.precision >= 0.90, tally


def test_seed_events_posts_and_links(seed_summary):
    scores = seed_summary.overall
    assert scores.event_dates.rate >= 0.90, scores.event_dates
    assert scores.participation.recall >= 0.85, scores.participation
    assert scores.posts.recall >= 0.90, scores.posts


def test_held_out_entity_f1_per_language(held_out_summary):
    low = {
        tag: round(scores.all_entities.f1, 3)
        for tag, scores in held_out_summary.by_language.items()
        if scores.all_entities.f1 < 0.90
    }
    assert not low, low
    assert set(held_out_summary.by_language) == {"ru", "uz-Cyrl", "uz-Latn", "tk", "kk", "ky", "en"}
