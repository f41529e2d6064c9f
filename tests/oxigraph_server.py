"""A real Oxigraph server for tests: started on a free loopback port, stopped afterwards.

The server is the ``oxigraph`` console program from PyPI's ``oxigraph`` package (not
``pyoxigraph``, which is the embedded library). Tests that need it are skipped, with the reason,
when it is not installed; set ``CISLIB_REQUIRE_OXIGRAPH=1`` (as CI should) to make its absence a
failure instead of a skip. ``OXIGRAPH_BIN`` names another program to use.

Example:
    >>> @pytest.fixture(scope="module")  # doctest: +SKIP
    ... def oxigraph(tmp_path_factory):
    ...     with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as server:
    ...         yield server
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

STARTUP_TIMEOUT_S = 20.0
STOP_TIMEOUT_S = 5.0
#: Tries with a new port, in case another process takes the free port before the server does.
START_TRIES = 3


@dataclass(frozen=True)
class OxigraphServer:
    """A running server: its base URL, SPARQL query endpoint and graph store."""

    base_url: str
    process: subprocess.Popen

    @property
    def query_url(self) -> str:
        """The SPARQL query endpoint, ``<base>/query``."""
        return f"{self.base_url}/query"

    @property
    def store_url(self) -> str:
        """The Graph Store Protocol endpoint, ``<base>/store``."""
        return f"{self.base_url}/store"


def _works(program: str) -> bool:
    # A pyenv shim exists for every program of every installed Python, and fails (127) when
    # the active one lacks it, so finding a file is not enough: it has to run.
    try:
        done = subprocess.run([program, "--version"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and b"oxigraph" in done.stdout.lower()


def find_oxigraph() -> str | None:
    """The path of a working ``oxigraph`` program, or None.

    Looked for in ``OXIGRAPH_BIN``, beside the running Python (where pip puts the console
    scripts of the environment the tests run in), then on ``PATH``.
    """
    candidates = [
        os.environ.get("OXIGRAPH_BIN"),
        str(Path(sys.executable).parent / "oxigraph"),
        shutil.which("oxigraph"),
    ]
    for candidate in candidates:
        if candidate and Path(candidate).is_file() and _works(candidate):
            return candidate
    return None


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nobody listens on right now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


#: Straight to the server: a proxy named in the environment cannot reach our loopback port.
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _answers(base_url: str) -> bool:
    try:
        with _DIRECT.open(f"{base_url}/query?query=ASK%7B%7D", timeout=1) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _start(program: str, location: Path, log: Path) -> OxigraphServer | None:
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            # The union default graph is what cislib's named queries expect of a store.
            [
                program,
                "serve",
                "--location",
                str(location),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return None  # most likely the port was taken meanwhile: the caller tries again
        if _answers(base_url):
            return OxigraphServer(base_url, process)
        time.sleep(0.05)
    _stop(process)
    pytest.fail(f"oxigraph serve did not answer on {base_url} within {STARTUP_TIMEOUT_S} s")


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[OxigraphServer]:
    """Run ``oxigraph serve`` on a free loopback port with its data in ``folder/data``.

    Waits until the server answers a query, yields it, and stops it on the way out.
    Skips the calling test when no ``oxigraph`` program is installed.
    """
    program = find_oxigraph()
    if program is None:
        reason = (
            "the Oxigraph server is not installed: no working 'oxigraph' program "
            "(pip install oxigraph, or set OXIGRAPH_BIN)"
        )
        if os.environ.get("CISLIB_REQUIRE_OXIGRAPH"):
            pytest.fail(reason)
        pytest.skip(reason)
    folder = Path(folder)
    log = folder / "oxigraph.log"
    server = None
    for attempt in range(START_TRIES):
        location = folder / f"data-{attempt}"
        location.mkdir(parents=True, exist_ok=True)
        server = _start(program, location, log)
        if server is not None:
            break
    if server is None:
        output = log.read_text("utf-8", "replace")[-2000:]
        pytest.fail(f"oxigraph serve exited at start {START_TRIES} times; last output:\n{output}")
    try:
        yield server
    finally:
        _stop(server.process)
