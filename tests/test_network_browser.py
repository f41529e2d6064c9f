"""The network page in a real browser, with the network cut off.

Headless Chromium (driven as in ``test_serve_browser``, whose ``Browser`` this reuses) opens
the page from a ``file://`` URL with the DevTools network emulation set to offline; host names
do not resolve and no proxy is used either. The tests check that the page loads with no console
message of level error or warning and no exception, that nothing but the page file was
requested, that every node of the network is drawn inside the canvas, and that hovering,
clicking, the year range and the switches work. A page of hostile names (markup, a closing
script tag, control characters, a right-to-left override) must show them as text and run
nothing of them.

The screenshot of the seed graph's countries network is saved to
``test-artifacts/network-page.png`` at the repository root.
"""

from __future__ import annotations

import base64
import time

import pytest
import test_serve_browser
from test_network import HOSTILE, hostile_graph
from test_serve_browser import ARTIFACTS, Browser

from cislib.graph.ingest import build
from cislib.graph.store import GraphStore
from cislib.network import NetworkRequest, network, render, write_output

# Skipped without Chromium, failed instead when CISLIB_REQUIRE_CHROMIUM is set, as the query
# page's browser test is.
pytestmark = test_serve_browser.pytestmark


@pytest.fixture(scope="module")
def countries(tmp_path_factory):
    """The countries network of the bundled reports, and its page."""
    folder = tmp_path_factory.mktemp("network-page")
    with GraphStore.open(folder / "store", write=True) as store:
        assert build(store).ok
        graph = network(store, NetworkRequest("countries"))
    page = folder / "countries.html"
    write_output(page, render(graph, "html"))
    return graph, page


@pytest.fixture
def browser(tmp_path):
    browser = Browser(tmp_path / "profile")
    yield browser
    browser.close()


def open_page(browser: Browser, path) -> str:
    """Open the page offline; return the DevTools session once the drawing is ready."""
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
        "sessionId"
    ]
    for domain in ("Network", "Page", "Runtime", "Log"):
        browser.send(f"{domain}.enable", session=session)
    browser.send(
        "Network.emulateNetworkConditions",
        {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        session,
    )
    browser.send("Page.navigate", {"url": path.as_uri()}, session)
    browser.wait_event("Page.loadEventFired")
    deadline = time.monotonic() + 20
    while not browser.evaluate(
        "typeof cislibNetwork === 'object' && cislibNetwork.network.body !== undefined", session
    ):
        assert time.monotonic() < deadline, "the page never drew the network"
        time.sleep(0.05)
    return session


def problems(browser: Browser) -> list[str]:
    """Console errors and warnings, exceptions, dialogs (alert) and log errors seen so far."""
    found = []
    for event in browser.events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(str(params["exceptionDetails"]))
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "warning"):
            found.append(str(params["args"]))
        elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
            found.append(params["entry"]["text"])
        elif method == "Page.javascriptDialogOpening":
            found.append("dialog: " + params["message"])
    return found


def requested(browser: Browser) -> list[str]:
    return [
        event["params"]["request"]["url"]
        for event in browser.events
        if event["method"] == "Network.requestWillBeSent"
    ]


DRAWN = """(() => {
  const net = cislibNetwork.network;
  const canvas = document.querySelector("#network canvas");
  const box = canvas.getBoundingClientRect();
  const ids = cislibNetwork.nodes.getIds();
  const inside = ids.filter((id) => {
    const p = net.canvasToDOM(net.getPositions([id])[id]);
    return p.x >= 0 && p.y >= 0 && p.x <= box.width && p.y <= box.height;
  });
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let coloured = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] > 0 && (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200)) {
      coloured += 1;
    }
  }
  return {data: cislibNetwork.data.nodes.map((n) => n.iri),
          labels: cislibNetwork.data.nodes.map((n) => n.label),
          dataset: cislibNetwork.nodes.length, edges: cislibNetwork.edges.length,
          drawn: Object.keys(net.body.nodes).length, inside: inside.length,
          hidden: cislibNetwork.nodes.get().filter((n) => n.hidden).length,
          coloured: coloured};
})()"""

#: A link whose middle is clear of nodes, in page coordinates, with the events behind it.
FREE_EDGE = """(() => {
  const net = cislibNetwork.network;
  const box = document.querySelector("#network canvas").getBoundingClientRect();
  for (const edge of cislibNetwork.edges.get()) {
    const ends = net.getPositions([edge.from, edge.to]);
    const middle = net.canvasToDOM({x: (ends[edge.from].x + ends[edge.to].x) / 2,
                                    y: (ends[edge.from].y + ends[edge.to].y) / 2});
    if (net.getEdgeAt(middle) === edge.id && net.getNodeAt(middle) === undefined) {
      const events = cislibNetwork.data.edges[edge.id].events;
      return {x: box.left + middle.x, y: box.top + middle.y,
              titles: events.map((i) => cislibNetwork.data.events[i].title)};
    }
  }
  return null;
})()"""

NODE_AT = """((index) => {
  const net = cislibNetwork.network;
  const box = document.querySelector("#network canvas").getBoundingClientRect();
  const p = net.canvasToDOM(net.getPositions([index])[index]);
  return {x: box.left + p.x, y: box.top + p.y};
})"""


def mouse(browser: Browser, session: str, kind: str, x: float, y: float) -> None:
    params = {"type": kind, "x": x, "y": y}
    if kind != "mouseMoved":
        params.update(button="left", clickCount=1)
    browser.send("Input.dispatchMouseEvent", params, session)


def click(browser: Browser, session: str, x: float, y: float) -> None:
    mouse(browser, session, "mouseMoved", x, y)
    mouse(browser, session, "mousePressed", x, y)
    mouse(browser, session, "mouseReleased", x, y)


def wait_for(browser: Browser, session: str, expression: str, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while True:
        value = browser.evaluate(expression, session)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


def test_page_draws_every_node_offline(countries, browser):
    graph, page = countries
    session = open_page(browser, page)
    drawn = browser.evaluate(DRAWN, session)
    assert drawn["data"] == sorted(graph)
    assert drawn["labels"] == [graph.nodes[n]["label"] for n in sorted(graph)]
    count = graph.number_of_nodes()
    assert drawn["dataset"] == drawn["drawn"] == drawn["inside"] == count > 10
    assert drawn["edges"] == graph.number_of_edges() and drawn["hidden"] == 0
    assert drawn["coloured"] > 2000  # nodes and links were painted
    status = browser.evaluate("document.getElementById('status').textContent", session)
    links = graph.number_of_edges()
    assert status == f"{count} of {count} nodes, {links} of {links} links shown"

    shot = browser.send("Page.captureScreenshot", {"format": "png"}, session)
    png = base64.b64decode(shot["data"])
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "network-page.png").write_bytes(png)
    assert png.startswith(b"\x89PNG")

    # hover over a node: its name in the tooltip
    first = sorted(graph)[0]
    where = browser.evaluate(f"{NODE_AT}(0)", session)
    mouse(browser, session, "mouseMoved", where["x"], where["y"])
    tooltip = wait_for(
        browser,
        session,
        "!document.getElementById('tooltip').hidden"
        " && document.getElementById('tooltip').textContent",
    )
    assert tooltip and graph.nodes[first]["label"] in tooltip

    # click a link: the events behind it are listed
    edge = browser.evaluate(FREE_EDGE, session)
    assert edge is not None, "no link is clear of nodes at its middle"
    click(browser, session, edge["x"], edge["y"])
    listed = wait_for(
        browser,
        session,
        "Array.from(document.querySelectorAll('#details-events .event-title'),"
        " (e) => e.textContent)",
    )
    assert listed == edge["titles"] and listed

    # the year range hides the links and nodes of other years
    browser.evaluate("cislibNetwork.setYears(2021, 2021), true", session)
    in_2021 = [(u, v) for u, v, d in graph.edges(data=True) if d.get("first_year") == 2021]
    hidden = browser.evaluate("cislibNetwork.edges.get().filter((e) => e.hidden).length", session)
    assert hidden == graph.number_of_edges() - len(in_2021)
    browser.evaluate("cislibNetwork.setYears(2021, 2024), true", session)

    # the map layout moves nodes to their places: Minsk west of Beijing
    before = browser.evaluate("cislibNetwork.network.getPositions()", session)
    browser.evaluate(
        "cislibNetwork.setLayout('map'), cislibNetwork.setColour('country'), 1", session
    )
    after = browser.evaluate("cislibNetwork.network.getPositions()", session)
    iris = browser.evaluate("cislibNetwork.data.nodes.map((n) => n.iri)", session)
    by, cn = (str(iris.index(f"https://w3id.org/cislib/id/country/{c}")) for c in ("by", "cn"))
    assert before != after and after[by]["x"] < after[cn]["x"]
    legend = browser.evaluate("document.getElementById('legend').textContent", session)
    assert "Kazakhstan" in legend

    assert problems(browser) == []
    assert requested(browser) == [page.as_uri()]


def test_hostile_names_are_shown_as_text(tmp_path, browser):
    graph = hostile_graph()
    page = tmp_path / "hostile.html"
    write_output(page, render(graph, "html"))
    session = open_page(browser, page)
    drawn = browser.evaluate(DRAWN, session)
    assert drawn["dataset"] == drawn["drawn"] == drawn["inside"] == graph.number_of_nodes()
    assert HOSTILE in drawn["labels"]
    # nothing of the names became markup or ran
    assert browser.evaluate("document.querySelectorAll('b, img').length", session) == 0
    assert browser.evaluate("document.querySelectorAll('script').length", session) == 3
    assert browser.evaluate("document.title", session) == graph.graph["title"]
    index = drawn["data"].index("urn:n:a")
    browser.evaluate(f"cislibNetwork.select('node', {index}), true", session)
    title = browser.evaluate("document.getElementById('details-title').textContent", session)
    events = browser.evaluate(
        "Array.from(document.querySelectorAll('#details-events .event-title'),"
        " (e) => e.textContent)",
        session,
    )
    assert title == HOSTILE and HOSTILE in events
    where = browser.evaluate(f"{NODE_AT}({index})", session)
    mouse(browser, session, "mouseMoved", where["x"], where["y"])
    tooltip = wait_for(
        browser,
        session,
        "!document.getElementById('tooltip').hidden"
        " && document.getElementById('tooltip').textContent",
    )
    assert tooltip and tooltip.startswith(HOSTILE)
    assert problems(browser) == []
    assert requested(browser) == [page.as_uri()]
