"""The command line: help with examples, the main job end to end, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import rdflib
from click.testing import CliRunner

from cislib.cli import cli

COMMANDS = sorted(cli.commands)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store built from the bundled reports by 'cislib build', shared by these tests."""
    path = tmp_path_factory.mktemp("cli") / "store"
    result = CliRunner().invoke(cli, ["--store", str(path), "build"])
    assert result.exit_code == 0, result.output
    return path, result.output


def run(*args, store=None):
    prefix = ["--store", str(store)] if store else []
    return CliRunner().invoke(cli, [*prefix, *args], catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"cislib {command}" in result.output


def test_readme_shows_every_command():
    from pathlib import Path

    readme = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"cislib {command}" in readme, command


def test_build_reads_the_bundled_reports_and_validates(built):
    _, output = built
    assert "000_2f82120930cded86.txt" in output and "002_19bdad2eb3d9fcd2.txt" in output
    assert "the graph conforms" in output


def test_validate_exits_zero_on_the_built_graph(built):
    path, _ = built
    result = run("validate", store=path)
    assert result.exit_code == 0, result.output
    result = run("validate", "--format", "json", store=path)
    assert json.loads(result.output)["conforms"] is True


def test_stats_reports_and_explain(built):
    path, _ = built
    stats = run("stats", store=path)
    assert (
        stats.exit_code == 0
        and "schema:Country" in stats.output.replace("//schema.org/", "schema:")
        or "Country" in stats.output
    )
    reports = run("reports", store=path)
    assert "002_19bdad2eb3d9fcd2.txt" in reports.output and "tk" in reports.output
    explained = run(
        "explain", "https://w3id.org/cislib/id/library/russian-state-library", store=path
    )
    assert explained.exit_code == 0
    assert (
        "000_2f82120930cded86.txt" in explained.output
        and "Россия Давлат кутубхона" in explained.output
    )


@pytest.mark.parametrize(
    "fmt,parser", [("turtle", "turtle"), ("trig", "trig"), ("jsonld", "json-ld")]
)
def test_export_to_file_is_deterministic(built, tmp_path, fmt, parser):
    path, _ = built
    first, second = tmp_path / "a", tmp_path / "b"
    assert run("export", "--format", fmt, "-o", str(first), store=path).exit_code == 0
    assert run("export", "--format", fmt, "-o", str(second), store=path).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    rdflib.Dataset().parse(first, format=parser)


def test_extract_prints_the_record(tmp_path):
    from cislib.seeds import bundled_reports

    report = bundled_reports()[1]
    result = run("extract", str(report))
    record = json.loads(result.output)
    assert record["report"]["language"] == "tk"
    assert any(e["type"] == "Country" for e in record["entities"])
    text = report.read_text(encoding="utf-8")
    for entity in record["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize(
    "args,message",
    [
        (["ingest", "no-such-file.txt"], "no such file"),
        (["extract", "no-such-file.txt"], "no such file"),
        (["extract", "--lang", "xx", "x.txt"], "Invalid value"),
        (["export", "--format", "rdfxml"], "Invalid value"),
        (["evaluate", "no-such-gold.json"], "no-such-gold.json"),
        (["validate"], "cislib build"),
        (["explain", "Nothing Called This"], "cislib build"),
    ],
)
def test_bad_input_gives_a_clear_message_and_no_traceback(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "empty"), *args])
    assert result.exit_code != 0
    assert message in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_bad_report_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02abc")
    latin = tmp_path / "cp1251.txt"
    latin.write_bytes("Национальная библиотека".encode("cp1251"))
    for path, message in [
        (empty, "empty"),
        (binary, "not a text file"),
        (latin, "not valid UTF-8"),
    ]:
        result = CliRunner().invoke(cli, ["extract", str(path)])
        assert result.exit_code == 2 and message in result.output and str(path) in result.output


def test_ingest_of_a_bad_file_loses_nothing(built, tmp_path):
    path, _ = built
    before = run("reports", store=path).output
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc \xff\xfa broken")
    result = CliRunner().invoke(cli, ["--store", str(path), "ingest", str(bad)])
    assert result.exit_code == 2 and "bad.txt" in result.output
    assert run("reports", store=path).output == before


def test_python_dash_m_works():
    proc = subprocess.run(
        [sys.executable, "-m", "cislib", "--help"], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0 and "cislib build" in proc.stdout


def test_a_query_shows_a_page_of_its_rows(built):
    path, _ = built
    every = run("query", "events", "--format", "csv", store=path).stdout.splitlines()
    assert len(every) > 4  # the header and every event: the other formats are not cut
    page = run("query", "events", "--limit", "2", "--offset", "1", "--format", "csv", store=path)
    assert page.stdout.splitlines() == [every[0], *every[2:4]]
    table = run("query", "events", "--limit", "2", store=path)
    assert len(table.stdout.splitlines()) == 2 + 2  # the header, its rule and two rows
    assert "Rows 1 to 2 shown: --offset 2 for the next ones" in table.stderr
    last = run("query", "events", "--limit", "2", "--offset", str(len(every) - 2), store=path)
    assert last.stderr == ""  # one row left: no next page to speak of
    refused = run("query", "events", "--limit", "-1", store=path)
    assert refused.exit_code == 2 and "--limit" in refused.output
