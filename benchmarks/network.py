"""Benchmark: build a large cooperation network (metrics included) and write it in every format.

The network is synthetic, made as ``cislib network`` makes one from query rows: ``--nodes``
libraries (default 10,000) in 20 countries, most with coordinates, and ``--edges`` distinct
pairs of them (default 100,000), each pair sharing one dated event, plus ``--repeat`` (default
20%) more events on pairs drawn again, so that weights vary. Random choices are seeded, so
every run builds the same network.

Prints the time to build the graph with its metrics (degree, weighted degree, betweenness,
Louvain communities; betweenness is estimated from ``BETWEENNESS_SAMPLES`` sampled sources above
``BETWEENNESS_EXACT_LIMIT`` nodes, see ``cislib/network/build.py``), the time of each metric
alone, of the two layouts, and for each format the time to render and write the file and its
size; beside GEXF, GraphML and JSON, networkx's own writers on the same graph (its attributes
flattened as cislib writes them) as a baseline. A benchmark, not a test: run it by hand.

    python benchmarks/network.py
    python benchmarks/network.py --nodes 2000 --edges 20000 --formats gexf json html
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import time
from pathlib import Path

import networkx as nx

from cislib.network import FORMATS, NetworkRequest, render, write_output
from cislib.network.build import (
    BETWEENNESS_EXACT_LIMIT,
    BETWEENNESS_SAMPLES,
    SEED,
    build_network,
    communities,
)
from cislib.network.formats import flat_graph
from cislib.network.layout import SPRING_LAYOUT_LIMIT, map_layout, network_layout
from cislib.network.source import EventRow, Involvement, NetworkRows, NodeRow

CODES = [chr(65 + i) * 2 for i in range(20)]  # AA, BB, ...
COUNTRIES = [f"https://w3id.org/cislib/id/country/{code.lower()}" for code in CODES]
TYPES = ("Conference", "Seminar", "Training", "Forum", "Meeting", "Project")


def synthetic_rows(nodes: int, edges: int, repeat: float, seed: int = 7) -> NetworkRows:
    """Query rows for ``nodes`` libraries tied by ``edges`` distinct pairs (see the module)."""
    rng = random.Random(seed)
    iris = [f"https://w3id.org/cislib/id/library/synthetic-{i:06d}" for i in range(nodes)]
    rows = NetworkRows()
    for i, iri in enumerate(iris):
        country = COUNTRIES[i % len(COUNTRIES)]
        placed = rng.random() < 0.8
        rows.nodes[iri] = NodeRow(
            iri=iri,
            kind="library",
            label=f"Библиотека № {i} «Synthetic {i}»",
            country=country,
            country_code=CODES[i % len(CODES)],
            country_label=f"Country {CODES[i % len(CODES)]}",
            city=f"https://w3id.org/cislib/id/city/synthetic-{i % 300}" if placed else None,
            latitude=round(rng.uniform(35, 60), 4) if placed else None,
            longitude=round(rng.uniform(20, 90), 4) if placed else None,
        )
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < edges:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    ordered = sorted(pairs)
    chosen = ordered + [rng.choice(ordered) for _ in range(int(edges * repeat))]
    for n, (a, b) in enumerate(chosen):
        event = f"https://w3id.org/cislib/id/event/synthetic-{n:07d}"
        start = f"{rng.randrange(2015, 2025)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        rows.events[event] = EventRow(
            event, f"Event {n}: «Сотрудничество»", start, start, rng.choice(TYPES)
        )
        rows.involvements.append(Involvement(event, iris[a], "library"))
        rows.involvements.append(Involvement(event, iris[b], "library"))
    return rows


def timed(work):
    started = time.perf_counter()
    value = work()
    return value, time.perf_counter() - started


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=100_000)
    parser.add_argument("--repeat", type=float, default=0.2, help="share of events on old pairs")
    parser.add_argument("--formats", nargs="+", choices=FORMATS, default=list(FORMATS))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--keep", type=Path, help="write the files to this folder and keep them")
    args = parser.parse_args()

    rows, rows_s = timed(lambda: synthetic_rows(args.nodes, args.edges, args.repeat))
    graph, build_s = timed(lambda: build_network(rows, NetworkRequest("libraries")))
    figures = {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "events": len(rows.events),
        "rows_s": rows_s,
        "build_s": build_s,
        "betweenness": graph.graph["betweenness"],
    }
    print(
        f"network: {figures['nodes']} nodes, {figures['edges']} edges, "
        f"{figures['events']} events (rows made in {rows_s:.1f} s)"
    )
    print(
        f"build with metrics (s)        {build_s:8.2f}   betweenness {graph.graph['betweenness']}"
        f" (exact up to {BETWEENNESS_EXACT_LIMIT} nodes, else {BETWEENNESS_SAMPLES} samples)"
    )
    _, degree_s = timed(lambda: (dict(graph.degree()), dict(graph.degree(weight="weight"))))
    if graph.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        _, betweenness_s = timed(
            lambda: nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLES, seed=SEED)
        )
    else:
        _, betweenness_s = timed(lambda: nx.betweenness_centrality(graph))
    _, louvain_s = timed(lambda: communities(graph))
    _, layout_s = timed(lambda: network_layout(graph))
    _, map_s = timed(lambda: map_layout(graph))
    figures.update(
        degree_s=degree_s,
        betweenness_s=betweenness_s,
        louvain_s=louvain_s,
        layout_s=layout_s,
        map_layout_s=map_s,
    )
    print(f"  of which degrees (s)        {degree_s:8.2f}")
    print(f"  of which betweenness (s)    {betweenness_s:8.2f}")
    print(f"  of which communities (s)    {louvain_s:8.2f}")
    layout = "spring" if graph.number_of_nodes() < SPRING_LAYOUT_LIMIT else "pivot MDS"
    print(
        f"network layout (s)            {layout_s:8.2f}   {layout}; png, svg and html each run it"
    )
    print(f"map layout (s)                {map_s:8.2f}   (html)")
    print()
    flat = flat_graph(graph)
    baselines = {
        "gexf": lambda path: nx.write_gexf(flat, path),
        "graphml": lambda path: nx.write_graphml_xml(flat, path),
        "json": lambda path: path.write_text(
            json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False)
        ),
    }
    print("format      seconds         bytes   networkx (s)")
    print("-------  ----------  ------------  -------------")
    figures["formats"] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for fmt in args.formats:
            path = folder / f"network.{fmt}"
            size, seconds = timed(lambda fmt=fmt, path=path: write_output(path, render(graph, fmt)))
            figures["formats"][fmt] = {"seconds": seconds, "bytes": size}
            baseline = ""
            if fmt in baselines:
                other = folder / f"networkx.{fmt}"
                _, base_s = timed(lambda fmt=fmt, other=other: baselines[fmt](other))
                figures["formats"][fmt]["networkx_seconds"] = base_s
                baseline = f"{base_s:13.2f}"
            print(f"{fmt:<7}  {seconds:10.2f}  {size:12,d}  {baseline}")
    figures["peak_mb"] = peak_mb()
    print(f"\npeak memory (MB)  {figures['peak_mb']:.0f}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
