"""The query page in a real browser: headless Chromium types a query, clicks Run, reads the table.

Chromium is driven over the Chrome DevTools Protocol through ``--remote-debugging-pipe``
(NUL-separated JSON on file descriptors 3 and 4), so the test needs nothing but the standard
library and the Debian ``chromium`` package; it is skipped when Chromium is not installed. The
browser may reach nothing but the test server: host names do not resolve, no proxy is used,
background networking is off, and the test checks that every request went to the server.

The screenshot is saved to ``test-artifacts/serve-page.png`` at the repository root.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cislib.graph.ingest import build
from cislib.graph.store import GraphStore
from cislib.serve import make_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

# The test script installs Chromium and sets CISLIB_REQUIRE_CHROMIUM: there a missing browser
# is a failure, not a quiet skip.
pytestmark = pytest.mark.skipif(
    not os.access(CHROMIUM, os.X_OK) and not os.environ.get("CISLIB_REQUIRE_CHROMIUM"),
    reason="Chromium is not installed (apt-get install chromium)",
)

QUERY = """PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX cis: <https://w3id.org/cislib/def#>
SELECT ?code ?name
WHERE {
  ?country a schema:Country ; cis:isoCode ?code ; skos:prefLabel ?name .
  FILTER(LANG(?name) = "ru")
}
ORDER BY ?code"""


def _above_nine(fd: int) -> int:
    high = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return high


class Browser:
    """Headless Chromium on the DevTools pipe: send commands, wait for answers and events."""

    def __init__(self, profile: Path):
        to_browser_r, self._out = os.pipe()
        self._in, from_browser_w = os.pipe()
        # Move the child's ends above 9, so that putting them on 3 and 4 cannot overwrite one
        # with the other (pytest leaves low descriptors free).
        to_browser_r, from_browser_w = (_above_nine(fd) for fd in (to_browser_r, from_browser_w))
        arguments = [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--no-proxy-server",
            # Nothing but loopback resolves: the page can fetch from nowhere else.
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            "--window-size=1100,1000",
            f"--user-data-dir={profile}",
            "--remote-debugging-pipe",
            "about:blank",
        ]
        # The protocol is spoken on descriptors 3 (to the browser) and 4 (from it); a small
        # launcher puts the pipe ends there and execs Chromium (dash cannot name fds above 9).
        launcher = (
            "import os, sys\n"
            "os.dup2(int(sys.argv[1]), 3)\n"
            "os.dup2(int(sys.argv[2]), 4)\n"
            "os.execv(sys.argv[3], sys.argv[3:])\n"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", launcher, str(to_browser_r), str(from_browser_w), *arguments],
            pass_fds=(to_browser_r, from_browser_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._next_id = 0
        self._answers: dict[int, dict] = {}
        self.events: list[dict] = []
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = os.read(self._in, 1 << 16)
            if not chunk:
                break
            buffer += chunk
            *messages, buffer = buffer.split(b"\0")
            with self._changed:
                for raw in messages:
                    message = json.loads(raw)
                    if "id" in message:
                        self._answers[message["id"]] = message
                    else:
                        self.events.append(message)
                self._changed.notify_all()
        with self._changed:
            self._changed.notify_all()

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        """Send one command and return its result (fails the test on a protocol error)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + 30
        with self._changed:
            while self._next_id not in self._answers:
                left = deadline - time.monotonic()
                assert left > 0 and self.process.poll() is None, f"no answer to {method}"
                self._changed.wait(left)
            answer = self._answers.pop(self._next_id)
        assert "error" not in answer, f"{method}: {answer['error']}"
        return answer["result"]

    def wait_event(self, method: str, timeout: float = 30) -> dict:
        """Wait for the first event of this kind."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for event in self.events:
                    if event["method"] == method:
                        return event
                left = deadline - time.monotonic()
                assert left > 0, f"no {method} event"
                self._changed.wait(left)

    def evaluate(self, expression: str, session: str):
        """The value of a JavaScript expression in the page."""
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session,
        )
        assert "exceptionDetails" not in result, result["exceptionDetails"]
        return result["result"].get("value")

    def close(self) -> None:
        try:
            self.send("Browser.close")
        except (AssertionError, OSError):
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._out)
        os.close(self._in)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    path = tmp_path_factory.mktemp("browser") / "store"
    with GraphStore.open(path, write=True) as store:
        assert build(store).ok
    server = make_server(path, port=0, timeout_s=10)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def browser(tmp_path):
    browser = Browser(tmp_path / "profile")  # a fresh profile for every run
    yield browser
    browser.close()


READ_TABLE = """(() => {
  const error = document.getElementById("error");
  if (!error.hidden) { return {error: error.textContent}; }
  const table = document.getElementById("results");
  if (table.hidden) { return null; }
  const cells = (row) => Array.from(row.cells, (cell) => cell.textContent);
  return {head: cells(table.tHead.rows[0]), rows: Array.from(table.tBodies[0].rows, cells),
          status: document.getElementById("status").textContent};
})()"""


def test_page_runs_a_query_and_shows_the_table(server, browser):
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    for domain in ("Network", "Page", "Runtime"):
        browser.send(f"{domain}.enable", session=session)
    browser.send("Page.navigate", {"url": server.url}, session)
    browser.wait_event("Page.loadEventFired")

    # Type the query into the box (replacing the example) and click Run with the mouse.
    browser.evaluate("document.getElementById('query').select(), true", session)
    browser.send("Input.insertText", {"text": QUERY}, session)
    assert browser.evaluate("document.getElementById('query').value", session) == QUERY
    x, y = browser.evaluate(
        "(() => { const r = document.getElementById('run').getBoundingClientRect();"
        " return [r.x + r.width / 2, r.y + r.height / 2]; })()",
        session,
    )
    for kind in ("mousePressed", "mouseReleased"):
        browser.send(
            "Input.dispatchMouseEvent",
            {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            session,
        )

    deadline = time.monotonic() + 20
    table = None
    while table is None and time.monotonic() < deadline:
        table = browser.evaluate(READ_TABLE, session)
        if table is None:
            time.sleep(0.05)
    assert table is not None, "the results table never appeared"
    assert "error" not in table, table.get("error")

    assert table["head"] == ["code", "name"]
    rows = table["rows"]
    assert len(rows) == 20 and table["status"].startswith("20 rows")
    assert ["RU", "Россия@ru"] in rows and ["KZ", "Казахстан@ru"] in rows
    assert [code for code, _ in rows] == sorted(code for code, _ in rows)

    shot = browser.send(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session
    )
    ARTIFACTS.mkdir(exist_ok=True)
    png = base64.b64decode(shot["data"])
    (ARTIFACTS / "serve-page.png").write_bytes(png)
    assert png.startswith(b"\x89PNG")

    # Everything the page loaded came from the server (the icon is an inline data: URL).
    requested = [
        e["params"]["request"]["url"]
        for e in browser.events
        if e["method"] == "Network.requestWillBeSent"
    ]
    assert server.url + "sparql" in requested
    assert all(u.startswith((server.url, "data:", "about:")) for u in requested), requested
