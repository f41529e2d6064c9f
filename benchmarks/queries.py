"""Benchmark: the latency of every named query, on Oxigraph and on rdflib, small and big graph.

Each named query (``cislib/queries/*.rq``, ``checks/`` included) runs on two graphs: (a) the
graph of the bundled reports (``cislib build``) and (b) a graph of about a million quads made of
``--copies`` distinct copies of the bundled reports (as in ``benchmarks/ingest.py``). On each
graph it runs on the embedded store (``run_query``, parameters bound by Oxigraph) and on rdflib's
in-memory engine with the same data (an ``rdflib.Dataset`` with ``default_union=True`` loaded
from the store's N-Quads dump), the same query text and the same parameters (``initBindings``).

A latency is the median of 5 runs after one warm-up, in milliseconds, query parsing and the
materialising of the rows included on both sides. Neither engine can be interrupted in-process,
so every measurement runs in a child process: rdflib in a child forked per query from the parent,
which loaded the dataset once (the children share it copy-on-write); Oxigraph in a fresh child
(forkserver) that opens the store read-only. A run longer than its limit (``--rdflib-limit``,
default 60 s; ``--oxigraph-limit``, default the same) has the child killed and is shown as
``> limit``; the ratio is then a bound. Row counts of the two engines are compared and any
difference is listed under the table. Progress goes to stderr. A benchmark, not a test: run it
by hand, as a script (its folder must be on ``sys.path`` for ``from ingest import copies``).

    python benchmarks/queries.py                          # ~1M quads, rdflib limit 60 s
    python benchmarks/queries.py --copies 50 --rdflib-limit 10 --json /tmp/queries.json
    python benchmarks/queries.py --queries events library  # some queries only
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import multiprocessing
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import rdflib
from ingest import copies  # benchmarks/ingest.py: the script's folder is on sys.path

from cislib.extract import extract_document
from cislib.extract.document import document_from_text
from cislib.graph.ingest import build
from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib
from cislib.queries import named_queries
from cislib.queries.formats import bind_parameters, run_query

RSL = "https://w3id.org/cislib/id/library/russian-state-library"
#: Parameters of the queries that take one (``event`` is filled in per graph).
PARAMETERS: dict[str, dict[str, str]] = {
    "library": {"library": RSL},
    "provenance": {"node": RSL},
    "node-facts": {"node": RSL},
    "node-links": {"node": RSL},
    "find-node": {"name": "Russian State Library"},
    # one entity's mentions: without it the query lists every mention in the store
    "mentions": {"entity": RSL},
}
RUNS = 5
#: Seconds a child may take to start (import, open the store) before it is given up.
STARTUP_LIMIT = 300
#: Copies for about a million quads: the base graphs hold ~3,700, each copy ~1,760.
DEFAULT_COPIES = 566


def log(message: str) -> None:
    """A progress line on stderr."""
    print(message, file=sys.stderr, flush=True)


def parameters(store: GraphStore, name: str) -> dict[str, str]:
    """The parameters ``name`` runs with on this store (the first event for ``event``)."""
    if name == "event":
        return {"event": str(run_query(store, "events").values()[0]["event"])}
    return dict(PARAMETERS.get(name, {}))


def build_small(path: Path) -> None:
    """Write the graph of the bundled reports (as ``cislib build``) to a new store at ``path``."""
    with GraphStore.open(path, write=True) as store:
        if not build(store).ok:
            raise SystemExit("building the graph of the bundled reports failed")


def build_big(path: Path, n: int) -> None:
    """Write ``n`` distinct copies of the bundled reports to a new store at ``path``."""
    started = time.perf_counter()
    records = [extract_document(document_from_text(text, name)) for name, text in copies(n)]
    log(f"  extracted {n} copies in {time.perf_counter() - started:.1f} s")
    with GraphStore.open(path, write=True) as store:
        started = time.perf_counter()
        store.load_base()
        for record in records:
            store.ingest(record, derive=False)
        store.refresh_derived()
        log(f"  ingested in {time.perf_counter() - started:.1f} s")


def _send_runs(conn, run: Callable[[], int], runs: int) -> None:
    """In a child: call ``run`` 1 + ``runs`` times, sending (seconds, rows) after each call.

    A ``("ready", None)`` goes first, so that the child's start is not counted against the limit.
    """
    try:
        conn.send(("ready", None))
        for _ in range(runs + 1):
            started = time.perf_counter()
            rows = run()
            conn.send((time.perf_counter() - started, rows))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which prints it
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


def _oxigraph_child(conn, path: Path, name: str, params: dict, page: int | None, runs: int) -> None:
    """In a child: open the store read-only and time ``run_query`` (rows materialised): every
    row, or the first ``page`` rows."""
    with GraphStore.open(path) as store:
        _send_runs(
            conn, lambda: len(run_query(store, name, params, lang="en", limit=page).rows), runs
        )


def rdflib_child(conn, dataset: rdflib.Dataset, text: str, bindings: dict, runs: int) -> None:
    """In a forked child: time the query on the shared dataset (rows materialised)."""
    _send_runs(conn, lambda: len(list(dataset.query(text, initBindings=bindings))), runs)


def in_child(context, target, args: tuple, limit: float, runs: int = RUNS) -> dict:
    """Median latency of ``runs`` runs after a warm-up, timed in a child process.

    ``target(conn, *args, runs)`` sends ``("ready", None)``, then one (seconds, rows) per run; a
    run that takes more than ``limit`` seconds has the child killed. Returns ``{"ms", "rows"}``,
    ``{"timed_out": True}`` or ``{"error": message}``.
    """
    receiver, sender = context.Pipe(duplex=False)
    sys.stdout.flush()  # a forked child flushes its copy of these buffers when it ends
    sys.stderr.flush()
    child = context.Process(target=target, args=(sender, *args, runs), daemon=True)
    child.start()
    sender.close()
    times, rows = [], 0
    try:
        try:
            ready = receiver.recv() if receiver.poll(STARTUP_LIMIT) else None
        except EOFError:
            ready = None
        if ready != ("ready", None):
            return {"error": f"the child did not start ({ready or 'no word from it'})"}
        for _ in range(runs + 1):
            if not receiver.poll(limit):
                return {"timed_out": True}
            try:
                seconds, rows = receiver.recv()
            except EOFError:
                return {"error": f"the child died (exit code {child.exitcode})"}
            if seconds == "error":
                return {"error": rows}
            times.append(seconds * 1000)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    return {"ms": statistics.median(times[1:]), "rows": rows}


def _log_result(engine: str, name: str, result: dict) -> None:
    if "ms" in result:
        log(f"  {engine} {name}: {result['ms']:.1f} ms, {result['rows']} rows")
    else:
        log(f"  {engine} {name}: {result.get('error') or '> limit'}")


def measure_oxigraph(
    path: Path,
    params: dict[str, dict],
    limit: float,
    runs: int = RUNS,
    start: str = "forkserver",
    page: int | None = None,
) -> dict[str, dict]:
    """Each query's latency on the embedded store, each in a fresh child (forkserver).

    The children open the store read-only (the parent has closed it); a forkserver child starts
    clean, with none of the parent's RocksDB threads or locks. A parent that never opened a
    store may pass ``start="fork"``: its children start at once. With ``page``, each query
    answers its first ``page`` rows only (``run_query``'s ``limit``).
    """
    context = multiprocessing.get_context(start)
    results = {}
    for name, query_params in params.items():
        args = (path, name, query_params, page)
        results[name] = in_child(context, _oxigraph_child, args, limit, runs)
        _log_result("oxigraph", name, results[name])
    return results


def load_dataset(nquads: bytes) -> rdflib.Dataset:
    """An rdflib in-memory Dataset (default graph = union of the graphs) from N-Quads."""
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=nquads, format="nquads")
    return dataset


def measure_rdflib(
    nquads: bytes, params: dict[str, dict], limit: float, runs: int = RUNS
) -> dict[str, dict]:
    """Each query's latency on rdflib's in-memory engine, same data, text and parameters.

    The dataset is loaded once here; each query runs in a child forked from this process, so
    the children share it copy-on-write.
    """
    started = time.perf_counter()
    dataset = load_dataset(nquads)
    log(f"  rdflib loaded {len(dataset)} distinct triples in {time.perf_counter() - started:.1f} s")
    gc.collect()
    gc.freeze()  # keep the children's garbage collector from touching (copying) shared pages
    context = multiprocessing.get_context("fork")
    results = {}
    try:
        for name, query_params in params.items():
            query = named_queries()[name]
            bindings = {
                k: to_rdflib(v) for k, v in bind_parameters(query, query_params, "en").items()
            }
            args = (dataset, query.portable, bindings)
            results[name] = in_child(context, rdflib_child, args, limit, runs)
            _log_result("rdflib", name, results[name])
    finally:
        gc.unfreeze()
        del dataset
        gc.collect()
    return results


def _entry(params: dict, ox_result: dict, rd_result: dict) -> dict:
    """The JSON figures of one query on one graph."""
    entry = {"params": params}
    for engine, result in (("oxigraph", ox_result), ("rdflib", rd_result)):
        entry[f"{engine}_ms"] = round(result["ms"], 3) if "ms" in result else None
        entry[f"{engine}_rows"] = result.get("rows")
        entry[f"{engine}_timed_out"] = result.get("timed_out", False)
        entry[f"{engine}_error"] = result.get("error")
    if entry["oxigraph_ms"] and entry["rdflib_ms"] is not None:
        entry["ratio"] = round(rd_result["ms"] / ox_result["ms"], 2)
    return entry


def measure_graph(label: str, builder, names: list[str], limits: tuple[float, float]) -> dict:
    """Both engines on one graph: quads, time taken and per-query figures.

    ``builder(path)`` writes the graph to a new store; ``limits`` are the seconds a run may
    take on Oxigraph and on rdflib.
    """
    log(f"{label} graph:")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        builder(path)
        with GraphStore.open(path) as store:
            quads = store.count()
            params = {name: parameters(store, name) for name in names}
            nquads = store.dump_nquads()
        log(f"  {quads} quads, built in {time.perf_counter() - started:.1f} s")
        oxigraph = measure_oxigraph(path, params, limits[0])
    rdflib_results = measure_rdflib(nquads, params, limits[1])
    queries = {name: _entry(params[name], oxigraph[name], rdflib_results[name]) for name in names}
    return {"quads": quads, "seconds": round(time.perf_counter() - started, 1), "queries": queries}


def _ms(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}" if value < 1000 else f"{value:,.0f}"


def _time_cell(entry: dict, engine: str) -> str:
    if entry[f"{engine}_error"]:
        return "error"
    if entry[f"{engine}_timed_out"]:
        return "> limit"
    return _ms(entry[f"{engine}_ms"])


def _cells(entry: dict, limits: tuple[float, float]) -> list[str]:
    """Oxigraph ms, rdflib ms (or ``> limit``) and the ratio for one query on one graph.

    With one engine past its limit the ratio is a bound (``> 40``: rdflib is at least 40 times
    slower; ``< 0.5``); with both past it, or an error, it is left empty.
    """
    ox_ms, rd_ms = entry["oxigraph_ms"], entry["rdflib_ms"]
    if "ratio" in entry:
        ratio = f"{entry['ratio']:,.1f}"
    elif ox_ms and entry["rdflib_timed_out"]:
        ratio = f"> {limits[1] * 1000 / ox_ms:,.0f}"
    elif rd_ms is not None and entry["oxigraph_timed_out"]:
        ratio = f"< {rd_ms / (limits[0] * 1000):,.2g}"
    else:
        ratio = ""
    return [_time_cell(entry, "oxigraph"), _time_cell(entry, "rdflib"), ratio]


def table(figures: dict) -> str:
    """The printed table: one row per query, small and big graph side by side."""
    small, big = figures["small"], figures["big"]
    header = [
        "query",
        "small ox ms",
        "small rdflib ms",
        "ratio",
        "big ox ms",
        "big rdflib ms",
        "ratio",
    ]
    limits = (figures["oxigraph_limit_s"], figures["rdflib_limit_s"])
    rows = [
        [name, *_cells(small["queries"][name], limits), *_cells(big["queries"][name], limits)]
        for name in small["queries"]
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )

    out = [
        f"small: bundled reports, {small['quads']:,} quads; "
        f"big: {figures['copies']} copies, {big['quads']:,} quads; "
        f"median of {RUNS} runs after a warm-up, ms; a run may take {limits[0]:g} s on Oxigraph, "
        f"{limits[1]:g} s on rdflib; ratio = rdflib / oxigraph",
        "",
        line(header),
        line(["-" * w for w in widths]),
        *(line(r) for r in rows),
    ]
    notes = []
    for size in ("small", "big"):
        for name, entry in figures[size]["queries"].items():
            for engine in ("oxigraph", "rdflib"):
                if entry[f"{engine}_error"]:
                    notes.append(f"{size} {name}: {engine} failed: {entry[f'{engine}_error']}")
            if (
                None not in (entry["rdflib_rows"], entry["oxigraph_rows"])
                and entry["rdflib_rows"] != entry["oxigraph_rows"]
            ):
                notes.append(
                    f"{size} {name}: rows differ: oxigraph {entry['oxigraph_rows']}, "
                    f"rdflib {entry['rdflib_rows']}"
                )
    if notes:
        out += ["", *notes]
    return "\n".join(out)


def main() -> None:
    """Parse the options, measure both graphs, print the table and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--copies",
        type=int,
        default=DEFAULT_COPIES,
        help=f"copies of the reports in the big graph (default {DEFAULT_COPIES}, ~1M quads)",
    )
    parser.add_argument(
        "--rdflib-limit",
        type=float,
        default=60.0,
        help="seconds one rdflib run may take before it is killed (default 60)",
    )
    parser.add_argument(
        "--oxigraph-limit",
        type=float,
        help="seconds one Oxigraph run may take before it is killed (default: the rdflib limit)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--queries", nargs="+", metavar="NAME", help="only these named queries")
    args = parser.parse_args()

    names = args.queries or list(named_queries())
    unknown = sorted(set(names) - set(named_queries()))
    if unknown:
        parser.error(f"no named query {', '.join(unknown)}")
    started = time.perf_counter()
    limits = (args.oxigraph_limit or args.rdflib_limit, args.rdflib_limit)
    figures = {
        "copies": args.copies,
        "runs": RUNS,
        "oxigraph_limit_s": limits[0],
        "rdflib_limit_s": limits[1],
    }
    figures["small"] = measure_graph("small", build_small, names, limits)
    figures["big"] = measure_graph(
        "big", functools.partial(build_big, n=args.copies), names, limits
    )
    figures["wall_s"] = round(time.perf_counter() - started, 1)
    print(table(figures))
    print(f"\ntotal wall time {figures['wall_s']:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
