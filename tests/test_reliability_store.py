"""Store faults: kill -9 in the middle of work, a damaged store, a full disk.

``cislib ingest`` runs as a real process and is killed with SIGKILL at seeded random moments
after it opened the store; afterwards the store must open, every report graph must be exactly
what a clean ingest of that report gives or absent, and a re-run must complete the set. An
export killed the same way leaves the old file or the complete new one. A full disk (a small
tmpfs where mounting is allowed, a file-size limit otherwise) gives one clear line and loses
nothing stored before.

Damage that RocksDB notices when it opens the store (a garbled CURRENT or MANIFEST, missing or
truncated tables) is refused with a message naming the store; the command-line side of it is
in test_reliability_cli.py. Damage inside a data block of a table is not noticed at opening
(RocksDB checks those blocks when it reads them), so it is not simulated here: reading such a
block made pyoxigraph allocate memory without bound in a trial.
"""

from __future__ import annotations

import inspect
import json
import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from cislib.errors import StoreError
from cislib.graph.export import export
from cislib.graph.ingest import ingest_files
from cislib.graph.store import GraphStore
from cislib.graph.terms import DERIVED_GRAPH, ONTOLOGY_GRAPH, REFERENCE_GRAPH

DATA = Path(__file__).parent / "data" / "reports"
#: Small reports (the opening paragraphs of four test reports) keep each run short.
SOURCES = [
    DATA / "en" / "st-petersburg-summer-school.txt",
    DATA / "ru" / "minsk-forum-2023.txt",
    DATA / "uz-Latn" / "xorazm-dashoguz-hamkorligi.txt",
    DATA / "kk" / "qaragandy-omby-zhobasy.txt",
]
PARAGRAPHS = 4
SEED = 20240616
KILLS = 20
EXPORT_KILLS = 6

figures: dict[str, object] = {}


@pytest.fixture(scope="module", autouse=True)
def print_figures():
    """Prints the figures of the runs, when the module is done (shown with -s)."""
    yield
    print("\nStore faults:", json.dumps(figures, sort_keys=True))


def cislib(store: Path, *args: str, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "cislib", "--store", str(store), *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        **options,
    )


def graphs_of(path: Path) -> dict[ox.NamedNode, set[ox.Quad]]:
    """Every named graph of a store and its quads (opening it read-only, as a reader would)."""
    with GraphStore.open(path) as store:
        names = set(store.oxigraph.named_graphs())
        return {name: set(store.quads(name)) for name in names}


def first_write(proc: subprocess.Popen, store: Path, timeout: float = 60) -> float | None:
    """Wait until the process has opened the store and written its first report; the moment,
    or None when it exited first. (Opening replays the old write-ahead logs into tables and
    starts an empty one; the first report makes the log grow from its lowest size.)"""
    lowest = wal_size(store)
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        size = wal_size(store)
        if size > lowest + 16 * 1024:
            return time.monotonic()
        lowest = min(lowest, size)
        time.sleep(0.002)
    return None


def left_behind(marker: str) -> list[int]:
    """Processes still running whose environment carries ``marker`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


def one_process() -> list[str]:
    """``--jobs 1`` where ``cislib ingest`` has the option (reading in worker processes costs
    each short run a second of start-up)."""
    from cislib.cli import cli

    return ["--jobs", "1"] if any(p.name == "jobs" for p in cli.commands["ingest"].params) else []


def rerun(store: Path, reports: list[Path]):
    """``ingest_files`` in this process, reading in this process too where it can choose."""
    extra = {"jobs": 1} if "jobs" in inspect.signature(ingest_files).parameters else {}
    with GraphStore.open(store, write=True) as opened:
        return ingest_files(opened, reports, **extra)


def disk_size(store: Path) -> int:
    return sum(f.stat().st_size for f in store.rglob("*") if f.is_file())


def wal_size(store: Path) -> int:
    return sum(f.stat().st_size for f in (store / "oxigraph").glob("*.log") if f.exists())


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("reports")
    made = []
    for source in SOURCES:
        text = source.read_text(encoding="utf-8")
        path = folder / source.name
        path.write_text("\n\n".join(text.split("\n\n")[:PARAGRAPHS]) + "\n", encoding="utf-8")
        made.append(path)
    return made


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A store with the ontology and the reference data, copied for each run."""
    path = tmp_path_factory.mktemp("base") / "store"
    with GraphStore.open(path, write=True) as store:
        store.load_base()
    return path


@pytest.fixture(scope="module")
def clean(base, reports, tmp_path_factory):
    """The reference: a clean, uninterrupted ``cislib ingest`` of the reports, timed."""
    path = tmp_path_factory.mktemp("clean") / "store"
    shutil.copytree(base, path)
    started = time.monotonic()
    proc = cislib(path, "ingest", *one_process(), *map(str, reports))
    written = first_write(proc, path)
    proc.wait(timeout=120)
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert written is not None, "the log did not grow: the kill timing needs another signal"
    ended = time.monotonic()
    window = ended - written
    graphs = graphs_of(path)
    by_graph = {g: q for g, q in graphs.items() if g not in (ONTOLOGY_GRAPH, REFERENCE_GRAPH)}
    by_graph.pop(DERIVED_GRAPH, None)
    assert len(by_graph) == len(reports)
    figures["clean ingest (s)"] = round(ended - started, 2)
    figures["kill window from the first report stored to the exit (s)"] = round(window, 2)
    return path, graphs, by_graph, window


def test_kill_9_during_ingest_loses_nothing_and_a_rerun_completes(base, clean, reports, tmp_path):
    _, reference, reference_reports, window = clean
    rng = random.Random(SEED)
    base_graphs = graphs_of(base)
    landed = {"before any report": 0, "between reports": 0, "after every report": 0}
    stale_derived = lost = 0
    behind = 0
    for run in range(KILLS):
        store = tmp_path / f"run-{run}"
        shutil.copytree(base, store)
        marker = f"CISLIB_KILL_RUN={os.getpid()}-{run}"
        env = {**os.environ, "CISLIB_KILL_RUN": marker.split("=", 1)[1]}
        # Every fourth run reads in worker processes, as a plain "cislib ingest" does.
        jobs = [] if run % 4 == 3 else one_process()
        proc = cislib(store, "ingest", *jobs, *map(str, reports), env=env)
        if run % 5 == 4:
            time.sleep(rng.uniform(0, 1.5))  # now and then, while it starts and opens the store
        else:
            # From the first report stored on: the reports come in a burst, then the batch
            # derives labels and shortcuts, flushes and exits; the first half of that window.
            first_write(proc, store)
            time.sleep(rng.uniform(0, window * 0.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        # Nothing the killed process started may outlive it for long (reading workers watch
        # for their parent twice a second).
        deadline = time.monotonic() + 5
        while left_behind(marker) and time.monotonic() < deadline:
            time.sleep(0.1)
        stray = left_behind(marker)
        for pid in stray:  # do not leak them into the rest of the run
            os.kill(pid, signal.SIGKILL)
        behind += len(stray)
        assert not stray, f"run {run}: {len(stray)} processes outlived the killed ingest"

        # The store opens, and holds the base intact and whole report graphs only.
        after = graphs_of(store)
        for graph in (ONTOLOGY_GRAPH, REFERENCE_GRAPH):
            missing = base_graphs[graph] - after.get(graph, set())
            lost += len(missing)
            assert not missing, f"run {run}: {len(missing)} quads of {graph} lost"
        present = {g: q for g, q in after.items() if g in reference_reports}
        unknown = set(after) - set(reference_reports) - {ONTOLOGY_GRAPH, REFERENCE_GRAPH}
        assert unknown <= {DERIVED_GRAPH}, f"run {run}: unexpected graphs {unknown}"
        for graph, quads in present.items():
            lost += len(reference_reports[graph] - quads)
            assert quads == reference_reports[graph], f"run {run}: {graph} is half-written"
        if not present:
            landed["before any report"] += 1
        elif len(present) < len(reports):
            landed["between reports"] += 1
        else:
            landed["after every report"] += 1

        # A re-run completes the set.
        summary = rerun(store, reports)
        assert summary.ok, summary.failed
        final = graphs_of(store)
        for graph, quads in reference_reports.items():
            assert final.get(graph) == quads, f"run {run}: {graph} after the re-run"
        if final.get(DERIVED_GRAPH) != reference.get(DERIVED_GRAPH):
            stale_derived += 1
        assert final.get(DERIVED_GRAPH) == reference.get(DERIVED_GRAPH), (
            f"run {run}: derived graph after the re-run"
        )
        shutil.rmtree(store)
    figures["ingest kills"] = KILLS
    figures["ingest kills landed"] = landed
    figures["quads lost"] = lost
    figures["derived graph stale after a re-run"] = stale_derived
    figures["processes left behind by killed ingests"] = behind


def test_a_rerun_after_a_kill_before_derivation_derives(base, clean, reports, tmp_path):
    _, reference, _, _ = clean
    store = tmp_path / "store"
    shutil.copytree(base, store)
    with GraphStore.open(store, write=True) as opened:
        for report in reports:  # what a batch has done when the kill comes before the end
            from cislib.extract import extract_file

            opened.ingest(extract_file(report), derive=False)
    assert rerun(store, reports).ok
    assert graphs_of(store).get(DERIVED_GRAPH) == reference.get(DERIVED_GRAPH)


def test_kill_9_during_export_leaves_the_old_file_or_the_new_one(base, clean, tmp_path):
    path, _, _, _ = clean
    with GraphStore.open(path) as store:
        new = export(store, "nq").encode("utf-8")
    with GraphStore.open(base) as store:
        old = export(store, "nq").encode("utf-8")
    assert old != new
    out = tmp_path / "cislib.nq"
    rng = random.Random(SEED + 1)
    outcome = {"old file": 0, "new file": 0}
    leftovers = 0
    for run in range(EXPORT_KILLS):
        out.write_bytes(old)
        started = time.monotonic()
        proc = cislib(path, "export", "--format", "nq", "-o", str(out))
        if run % 2:
            # Right when the temporary file appears: the new content is being written.
            deadline = started + 60
            while (
                proc.poll() is None
                and not list(tmp_path.glob(".cislib.nq.*"))
                and time.monotonic() < deadline
            ):
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.002))
        else:
            time.sleep(rng.uniform(0.3, 2.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        content = out.read_bytes()
        assert content in (old, new), f"run {run}: {len(content)} bytes, neither file"
        outcome["old file" if content == old else "new file"] += 1
        leftovers += len(list(tmp_path.glob(".cislib.nq.*")))
    figures["export kills"] = EXPORT_KILLS
    figures["export kills landed"] = outcome
    figures["temporary files left by killed exports"] = leftovers


# -- a damaged store ------------------------------------------------------------------------


@pytest.mark.parametrize("write", [False, True], ids=["reader", "writer"])
@pytest.mark.parametrize("damage", ["CURRENT", "MANIFEST", "tables"])
def test_a_damaged_store_is_refused_with_a_clear_message(base, tmp_path, damage, write):
    store = tmp_path / "store"
    shutil.copytree(base, store)
    data = store / "oxigraph"
    if damage == "CURRENT":
        (data / "CURRENT").write_text("MANIFEST-999999\n")
    elif damage == "MANIFEST":
        for manifest in data.glob("MANIFEST-*"):
            manifest.write_bytes(os.urandom(64) * 8)
    else:
        for table in data.glob("*.sst"):
            with table.open("r+b") as handle:
                handle.truncate(table.stat().st_size // 2)
    with pytest.raises(StoreError) as caught:
        GraphStore.open(store, write=write)
    message = str(caught.value)
    assert str(store) in message and "\n" not in message.strip()
    # The lock was released: the same process can try again and gets the same answer.
    with pytest.raises(StoreError):
        GraphStore.open(store, write=write)


# -- a full disk ----------------------------------------------------------------------------


def _check_after_a_full_disk(store: Path, base: Path, reference_reports, stderr: str) -> None:
    """One clear line; the store opens with the disk still full; the base is intact and each
    report graph is whole or absent."""
    assert "Traceback" not in stderr and "Internal error" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, stderr
    after = graphs_of(store)  # opens, read-only, with the disk still full
    base_graphs = graphs_of(base)
    for graph in (ONTOLOGY_GRAPH, REFERENCE_GRAPH):
        assert after[graph] == base_graphs[graph]
    for graph, quads in after.items():
        if graph not in (ONTOLOGY_GRAPH, REFERENCE_GRAPH, DERIVED_GRAPH):
            assert quads == reference_reports[graph]


def _mount_tmpfs(where: Path, size: int) -> bool:
    where.mkdir()
    proc = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
    )
    return proc.returncode == 0


@pytest.fixture(scope="module")
def whole(base, tmp_path_factory) -> dict:
    """Each whole report's graph as a clean ingest stores it (the reference of the tmpfs run)."""
    path = tmp_path_factory.mktemp("whole") / "store"
    shutil.copytree(base, path)
    assert rerun(path, SOURCES).ok
    with GraphStore.open(path) as store:
        return {g: set(store.quads(g)) for g in store.report_graphs()}


def test_a_full_disk_on_a_small_tmpfs(base, whole, tmp_path):
    """A real full file system: a small tmpfs (mounting needs root outside restricted
    containers; skipped otherwise), filled but for a little room. With too little room the
    store cannot even open; with a little more, it opens and the writing fails. Either way:
    one clear line, nothing lost, and with room again a re-run completes the set."""
    mount = tmp_path / "small"
    if os.geteuid() != 0 or not _mount_tmpfs(mount, disk_size(base) + 4 * 1024 * 1024):
        pytest.skip("cannot mount a tmpfs here; test_a_full_disk_by_file_size_limit covers it")
    outcomes = []
    try:
        for room in (96 * 1024, 320 * 1024):
            store = mount / "store"
            shutil.copytree(base, store)
            free = shutil.disk_usage(mount).free
            (mount / "filler").write_bytes(b"\0" * max(free - room, 0))
            # Whole reports: more to write.
            proc = cislib(store, "ingest", *one_process(), *map(str, SOURCES))
            _, stderr = proc.communicate(timeout=120)
            stderr = stderr.decode()
            if proc.returncode != 0:
                assert "No space left on device" in stderr, stderr
                _check_after_a_full_disk(store, base, whole, stderr)
                outcomes.append("refused to open" if "cannot open" in stderr else "write failed")
            else:
                outcomes.append("room enough")
            (mount / "filler").unlink()
            proc = cislib(store, "ingest", *one_process(), *map(str, SOURCES))
            _, stderr = proc.communicate(timeout=120)
            assert proc.returncode == 0, stderr.decode()
            final = graphs_of(store)
            assert all(final[g] == q for g, q in whole.items())
            shutil.rmtree(store)
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)
    assert any(outcome != "room enough" for outcome in outcomes), outcomes
    figures["full disk (tmpfs)"] = outcomes


def test_a_full_disk_by_file_size_limit(base, clean, reports, tmp_path):
    """Where mounting is not allowed: RLIMIT_FSIZE makes every write past the limit fail
    (EFBIG, "File too large") as a full disk does, in the ingest process only."""
    _, _, reference_reports, _ = clean
    store = tmp_path / "store"
    shutil.copytree(base, store)
    limit = 700 * 1024

    def limited():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = cislib(store, "ingest", *one_process(), *map(str, reports), preexec_fn=limited)
    _, stderr = proc.communicate(timeout=120)
    stderr = stderr.decode()
    assert proc.returncode != 0 and "File too large" in stderr, stderr
    _check_after_a_full_disk(store, base, reference_reports, stderr)
    assert rerun(store, reports).ok
    final = graphs_of(store)
    assert all(final[g] == q for g, q in reference_reports.items())
