"""Every command, given bad arguments, missing or unreadable files, or a broken store, answers
with a clear message and a non-zero exit: never a traceback, never "Internal error".

The commands are enumerated from ``cli.commands``, so a new command is covered without a change
here: it gets an unknown option, its required parameters left out, bad values for its typed
options, missing and wrong paths for its path parameters, and every kind of broken store.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import make_record

from cislib.cli import cli
from cislib.graph.store import GraphStore

COMMANDS = sorted(cli.commands)
#: Commands that create the store when it is missing (so a missing store is no error for them).
CREATE_THE_STORE = {"build", "ingest", "load"}
RUSSIAN = "14 сентября 2023 года в Национальной библиотеке Беларуси в Минске прошёл семинар."
#: Arguments that are right apart from the store, for the commands known today; a new command
#: gets placeholders made from its parameters (``valid_arguments``).
VALID = {
    "build": ["--no-validate"],
    "ingest": ["{report}"],
    "load": ["{turtle}"],
    "query": ["countries"],
    "explain": ["Minsk"],
    "extract": ["{report}"],
    "evaluate": ["{gold}"],
    "push": ["--endpoint", "http://127.0.0.1:9/query", "--timeout", "2"],
    "serve": ["--port", "0"],
}
#: Never run with a working store: it would serve until stopped.
RUNS_UNTIL_STOPPED = {"serve"}

counts: dict[str, int] = {}


@pytest.fixture(scope="module", autouse=True)
def figures():
    """Prints how many inputs each family tried, when the module is done (shown with -s)."""
    yield
    print("\nCLI inputs tried:", json.dumps(counts, sort_keys=True))


def count(family: str) -> None:
    counts[family] = counts.get(family, 0) + 1


@pytest.fixture(autouse=True)
def no_hang():
    """A command that hangs fails its test instead of the whole run."""

    def stop(signum, frame):
        raise TimeoutError("the command did not finish within 120 s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("cli-files")
    report = root / "report.txt"
    report.write_text(RUSSIAN, encoding="utf-8")
    turtle = root / "curated.ttl"
    turtle.write_text('<http://example.org/a> <http://example.org/b> "c" .\n', encoding="utf-8")
    gold = root / "report.json"
    gold.write_text(json.dumps({"file": "report.txt", "entities": []}), encoding="utf-8")
    folder = root / "folder"
    folder.mkdir()
    binary = root / "binary.rq"
    binary.write_bytes(b"\x00\x01\x02\xff not text")
    store = root / "store"
    with GraphStore.open(store, write=True) as opened:
        opened.load_base()
        opened.ingest(make_record())
    return {
        "report": report,
        "turtle": turtle,
        "gold": gold,
        "folder": folder,
        "binary": binary,
        "missing": root / "absent-folder" / "no-such-file.txt",
        "store": store,
        "root": root,
    }


@pytest.fixture(scope="module")
def needs_store(files, tmp_path_factory) -> set[str]:
    """The commands that open the store, found by running each against a missing one."""
    missing = tmp_path_factory.mktemp("no-store") / "nothing-here"
    found = set(CREATE_THE_STORE)
    for command in COMMANDS:
        if command in CREATE_THE_STORE:
            continue
        result = invoke([command, *valid_arguments(command, files)], store=missing)
        assert_clean(result, fails=False)
        if result.exit_code != 0 and "no store at" in result.output:
            found.add(command)
    return found


def fill(args: list[str], files: dict[str, Path]) -> list[str]:
    """The arguments with ``{name}`` replaced by the path of that file."""
    out = []
    for arg in args:
        for name, path in files.items():
            arg = arg.replace("{" + name + "}", str(path))
        out.append(arg)
    return out


def valid_arguments(name: str, files) -> list[str]:
    """Arguments a command accepts, known or made from its parameters."""
    if name in VALID:
        return fill(VALID[name], files)
    args: list[str] = []
    for param in cli.commands[name].params:
        if not param.required:
            continue
        if isinstance(param.type, click.Choice):
            value = str(param.type.choices[0])
        elif isinstance(param.type, click.Path) and param.type.file_okay is False:
            value = str(files["root"] / f"new-folder-{len(os.listdir(files['root']))}")
        elif isinstance(param.type, click.Path):
            value = str(files["report"])
        elif param.type in (click.INT, click.FLOAT) or isinstance(param.type, click.IntRange):
            value = "1"
        else:
            value = "x"
        if isinstance(param, click.Option):
            args += [param.opts[-1], value]
        else:
            args.append(value)
    return args


def invoke(args: list[str], store: Path | None = None):
    prefix = ["--store", str(store)] if store is not None else []
    return CliRunner().invoke(cli, [*prefix, *args])


def assert_clean(result, fails: bool = True) -> None:
    """No traceback and no internal error; when ``fails``, a message and a non-zero exit."""
    output = result.output
    assert "Traceback" not in output, output
    assert "Internal error" not in output, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    if fails:
        assert result.exit_code != 0, output
        assert output.strip(), "no message"
        assert all(len(line) < 2000 for line in output.splitlines())


# -- arguments --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_unknown_option(command):
    result = invoke([command, "--no-such-option"])
    assert_clean(result)
    assert result.exit_code == 2 and "No such option" in result.output
    count("unknown option")


REQUIRED = [c for c in COMMANDS if any(p.required for p in cli.commands[c].params)]


@pytest.mark.parametrize("command", REQUIRED)
def test_required_parameters_left_out(command, files):
    result = invoke([command], store=files["store"])
    assert_clean(result)
    assert result.exit_code == 2
    count("required parameter left out")


def _typed_options(command: str):
    """Each option with a type click checks, and values it must refuse. (Only refused values:
    an accepted one could start a long job, such as a synthetic corpus of a billion reports.)
    """
    for param in cli.commands[command].params:
        if not isinstance(param, click.Option) or param.is_flag or param.name == "help":
            continue
        if isinstance(param.type, click.Choice):
            yield param, ["no-such-choice"]
        elif isinstance(param.type, click.IntRange | click.FloatRange):
            values = ["not-a-number"]
            low, high = param.type.min, param.type.max
            if low is not None:
                values.append(str(low if param.type.min_open else low - 1))
            if high is not None:
                values.append(str(high if param.type.max_open else high + 1))
            yield param, values
        elif param.type in (click.INT, click.FLOAT):
            yield param, ["not-a-number", "1e999x"]


TYPED = [(c, p.name) for c in COMMANDS for p, _ in _typed_options(c)]


@pytest.mark.parametrize("command,option", TYPED)
def test_bad_option_values(command, option, files, tmp_path):
    param, values = next((p, v) for p, v in _typed_options(command) if p.name == option)
    # A store that cannot open: an accepted value must not start anything long.
    broken = tmp_path / "store-is-a-file"
    broken.write_text("not a store")
    for value in values:
        args = [command, *valid_arguments(command, files), param.opts[-1], value]
        result = invoke(args, store=broken)
        assert_clean(result)
        assert result.exit_code == 2 and "Invalid value" in result.output, result.output
        count("bad option value")


def _path_parameters(command: str):
    for param in cli.commands[command].params:
        if isinstance(param.type, click.Path):
            yield param


PATHS = [(c, p.name) for c in COMMANDS for p in _path_parameters(c)]


def _with_path(command: str, param: click.Parameter, value: str, files) -> list[str]:
    if isinstance(param, click.Option):
        return [command, *valid_arguments(command, files), param.opts[-1], value]
    rest = [a for a in valid_arguments(command, files) if not a.startswith(str(files["root"]))]
    return [command, *rest, value]


@pytest.mark.parametrize("command,name", PATHS)
def test_bad_paths(command, name, files, tmp_path):
    param = next(p for p in _path_parameters(command) if p.name == name)
    store = tmp_path / "store"
    shutil.copytree(files["store"], store)
    # Fresh files for each test: an output option may legitimately write over one.
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    binary = tmp_path / "binary.rq"
    binary.write_bytes(files["binary"].read_bytes())
    folder = tmp_path / "folder"
    folder.mkdir()
    values = [
        str(tmp_path / "absent" / "no-such-file.txt"),
        str(binary),
        str(a_file / "below-a-file"),
    ]
    if isinstance(param, click.Option):
        values.append("")  # an empty argument is the current folder, as "." is
    if param.type.dir_okay is False or isinstance(param, click.Argument):
        values.append(str(folder))
    if param.type.file_okay is False:
        values.append(str(a_file))
    for value in values:
        before = _state(value)
        result = invoke(_with_path(command, param, value, files), store=store)
        # Success is right only for an output: the command made or rewrote the path.
        wrote = result.exit_code == 0 and value and _state(value) not in (None, before)
        assert_clean(result, fails=not wrote)
        count("bad path")


def _state(value: str):
    try:
        info = os.stat(value)
    except (OSError, ValueError):
        return None
    return (info.st_mtime_ns, info.st_size, info.st_ino)


@pytest.mark.parametrize(
    "args,message",
    [
        (["query", "{missing}.rq"], "no such query file"),
        (["query", "{binary}"], "cannot read the query file"),
        (["query", "-e", "SELECT * WHERE { ?s ?p }"], "does not parse"),
        (["query", "countries", "--param", "novalue"], "KEY=VALUE"),
        (["query", "countries", "--param", "nope=1"], "unknown parameter"),
        (["query", "no-such-query"], "no named query"),
        (["query", "-e", "DROP ALL"], "Error"),
        (["explain", ""], "Error"),
        (["load", "{report}"], "unknown RDF file type"),
        (["load", "{gold}"], "unknown RDF file type"),
        (["load", "{turtle}", "--graph", "not an iri"], "IRI"),
        (["load", "{turtle}", "--graph", "https://w3id.org/cislib/id/graph/ontology"], "own"),
        (["evaluate", "{report}"], "Error"),
        (["evaluate", "{folder}"], "Error"),
        (["evaluate", "{gold}", "--reports", "{report}"], "Error"),
        (["push", "--endpoint", "ftp://example.org/"], "Error"),
        (["push", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "2"], "Error"),
        (["ingest", "{folder}"], "no report files"),
    ],
)
def test_specific_bad_input(args, message, files, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(files["store"], store)
    result = invoke(fill(args, files), store=store)
    assert_clean(result)
    assert message in result.output
    count("specific bad input")


# -- broken stores ----------------------------------------------------------------------------


def _damage(store: Path, kind: str) -> None:
    data = store / "oxigraph"
    if kind == "CURRENT garbage":
        (data / "CURRENT").write_text("garbage\n")
    elif kind == "CURRENT empty":
        (data / "CURRENT").write_bytes(b"")
    elif kind == "MANIFEST garbage":
        for manifest in data.glob("MANIFEST-*"):
            manifest.write_bytes(b"\x00\x01garbage" * 50)
    elif kind == "MANIFEST removed":
        for manifest in data.glob("MANIFEST-*"):
            manifest.unlink()
    elif kind == "SST truncated":
        for table in data.glob("*.sst"):
            with table.open("r+b") as handle:
                handle.truncate(100)
    elif kind == "SST removed":
        for table in data.glob("*.sst"):
            table.unlink()
    elif kind == "database is a file":
        shutil.rmtree(data)
        data.write_text("x")
    elif kind == "database emptied":
        shutil.rmtree(data)
        data.mkdir()
    elif kind == "store is a file":
        shutil.rmtree(store)
        store.write_text("x")


DAMAGE = [
    "CURRENT garbage",
    "CURRENT empty",
    "MANIFEST garbage",
    "MANIFEST removed",
    "SST truncated",
    "SST removed",
    "database is a file",
    "database emptied",
    "store is a file",
]


def test_the_commands_that_open_the_store_are_found(needs_store):
    assert {"stats", "export", "query", "validate", "serve", "push"} <= needs_store


@pytest.mark.parametrize("kind", DAMAGE)
def test_a_damaged_store_gives_a_clear_message_to_every_command(kind, files, tmp_path, needs_store):
    """Damage that RocksDB notices when the store opens (damage inside a data block can go
    unnoticed until it is read; see the module's description of faults in
    test_reliability_store.py)."""
    store = tmp_path / "store"
    shutil.copytree(files["store"], store)
    _damage(store, kind)
    for command in sorted(needs_store):
        if kind == "database emptied" and command in CREATE_THE_STORE:
            continue  # an empty database folder is a new store for a writer
        result = invoke([command, *valid_arguments(command, files)], store=store)
        assert_clean(result)
        assert str(store) in result.output, (command, result.output)
        count("damaged store")


def test_a_store_that_cannot_be_made(files, tmp_path, needs_store):
    (tmp_path / "a-file").write_text("x")
    store = tmp_path / "a-file" / "store"
    for command in sorted(needs_store):
        result = invoke([command, *valid_arguments(command, files)], store=store)
        assert_clean(result)
        assert str(store) in result.output, (command, result.output)
        count("missing store")


# -- unreadable files: real permissions, so not as root -----------------------------------------

UNREADABLE_SCRIPT = r"""
import json, sys
from click.testing import CliRunner
from cislib.cli import cli
results = []
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(cli, args)
    results.append({
        "args": args, "exit": result.exit_code, "output": result.output,
        "exception": None if result.exception is None or isinstance(result.exception, SystemExit)
        else repr(result.exception),
    })
print(json.dumps(results))
"""


def test_unreadable_files_and_store(tmp_path, files, needs_store):
    """Files, a folder and a store the user may not read (real file modes, in a process that
    cannot override them)."""
    root = Path(tempfile.mkdtemp(prefix="cislib-unreadable-"))
    try:
        os.chmod(root, 0o755)
        secret = {}
        for name, text in [
            ("report.txt", RUSSIAN),
            ("curated.ttl", '<http://a/b> <http://a/c> "d" .\n'),
            ("query.rq", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"),
            ("gold.json", "{}"),
        ]:
            path = root / name
            path.write_text(text, encoding="utf-8")
            path.chmod(0o000)
            secret[name] = str(path)
        locked_folder = root / "locked"
        locked_folder.mkdir()
        (locked_folder / "inside.txt").write_text(RUSSIAN, encoding="utf-8")
        locked_folder.chmod(0o000)
        store = root / "store"
        shutil.copytree(files["store"], store)
        for path in [store, *store.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        read_only = root / "read-only"
        read_only.mkdir()
        read_only.chmod(0o555)
        closed_store = root / "closed-store"
        shutil.copytree(files["store"], closed_store)
        closed_store.chmod(0o000)
        cases = [
            ["--store", str(store), "ingest", secret["report.txt"]],
            ["--store", str(store), "ingest", str(locked_folder)],
            ["--store", str(store), "build", "--no-validate", secret["report.txt"]],
            ["--store", str(store), "load", secret["curated.ttl"]],
            ["--store", str(store), "query", secret["query.rq"]],
            ["--store", str(store), "export", "-o", str(read_only / "x.ttl")],
            ["extract", secret["report.txt"]],
            ["evaluate", secret["gold.json"]],
            *[
                ["--store", str(closed_store), c, *valid_arguments(c, files)]
                for c in sorted(needs_store)
            ],
        ]
        prefix = []
        if os.geteuid() == 0:
            # Root reads everything; without these two capabilities it obeys file modes.
            if not shutil.which("setpriv"):
                pytest.skip("running as root and setpriv (util-linux) is not installed")
            prefix = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
        proc = subprocess.run(
            [*prefix, sys.executable, "-c", UNREADABLE_SCRIPT, json.dumps(cases)],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=root,
        )
        assert proc.returncode == 0, proc.stderr
        for outcome in json.loads(proc.stdout):
            assert outcome["exception"] is None, outcome
            assert "Traceback" not in outcome["output"], outcome
            assert "Internal error" not in outcome["output"], outcome
            assert outcome["exit"] != 0, outcome
            count("unreadable")
    finally:
        for path in (root / "locked", root / "closed-store", root / "read-only"):
            if path.exists():
                path.chmod(0o755)
        shutil.rmtree(root, ignore_errors=True)
