"""Benchmark: cislib at scale, beside the naive stack, on generated corpora of growing size.

For each size (``--sizes``, default 100, 1,000 and 10,000 reports) a corpus is generated
(``cislib.synth``) into a temporary folder, then measured on cislib's stack:

- extraction + ingest: ``load_base`` and ``ingest_files`` into an empty on-disk store (what
  ``cislib build`` and ``cislib ingest`` call; ``--jobs`` is passed on when ``ingest_files``
  takes it): seconds, reports/s, triples/s, peak memory of the process doing it (and of any
  worker processes it starts), store size on disk;
- full validation (``validate_store``);
- one more report ingested (``ingest_files``) and validated: with ``validate_report`` on what
  it touched when that function exists, else with a full validation (the row says which);
- every named query (median of 3 runs after a warm-up, parameters as in benchmarks/queries.py;
  a run over ``--query-limit`` seconds, default 60, is stopped and shown as ``> 60,000 ms``),
  and each listing query's first page of 100 rows, as ``cislib query`` shows it in a table;
- Turtle and TriG export into a file (``cislib.graph.export.write_export``);
- building the country cooperation network (``cislib.network``), when that package exists;

and beside each figure the same work on the naive stack: an rdflib in-memory ``Dataset`` the
reports' quads are added to, pyshacl over the whole graph, rdflib's SPARQL engine and
serialisers. Every measurement runs in a child process, so its time and memory are its own.
The naive steps of one size run in one child, in this order: ingest, full validation, one more
report, exports, queries; when ``--naive-limit`` seconds (default 600) are spent, the child is
killed, the step it was in shows as ``> N s`` (N: the seconds it had run) and the steps after it
as "not run". Ratios are naive / cislib (a lower bound after ``>``). Each measuring process
may allocate ``--memory-cap`` GiB of data (default 8): past it, the step fails with a
MemoryError rather than exhaust a shared machine.

Progress goes to stderr; the table to stdout; ``--json FILE`` writes the figures. Run it as a
script (its folder on ``sys.path`` for ``from queries import ...``):

    python benchmarks/run.py                                  # 100, 1,000, 10,000 reports
    python benchmarks/run.py --sizes 20 --naive-limit 30      # a quick check, under a minute
    python benchmarks/run.py --sizes 1000 --json /tmp/bench.json
"""

from __future__ import annotations

import argparse
import inspect
import json
import multiprocessing
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import rdflib
from ingest import folder_size, naive_add  # benchmarks/ingest.py
from queries import log, measure_oxigraph, parameters  # benchmarks/queries.py

from cislib.extract import extract_file
from cislib.graph.build import build_report_quads
from cislib.graph.export import write_export
from cislib.graph.ingest import collect_reports, ingest_files
from cislib.graph.store import GraphStore
from cislib.graph.terms import to_rdflib
from cislib.ontology import load_shapes, ontology_text
from cislib.queries import named_queries
from cislib.queries.formats import DEFAULT_PAGE, bind_parameters
from cislib.seeds import reference_files
from cislib.synth.corpus import generate_corpus, generate_report

DEFAULT_SIZES = (100, 1000, 10000)
#: Runs of each query (after one warm-up); the figure is their median.
QUERY_RUNS = 3
#: Seconds a step of cislib's stack may take before it is given up (it should never be near).
OWN_LIMIT = 6 * 3600.0
#: Seconds one run of a named query on cislib's stack may take before it is given up.
QUERY_LIMIT = 60.0
#: The corpus seed: every size is the first reports of the same corpus.
SEED = 0
#: Modules the children's forkserver imports once, before it forks them.
PRELOAD = [
    "rdflib",
    "pyshacl",
    "pyoxigraph",
    "cislib.extract",
    "cislib.graph.ingest",
    "cislib.graph.validation",
    "cislib.graph.export",
    "cislib.queries.formats",
    "cislib.synth.corpus",
]
#: Network of the benchmark: countries that took part in the same events.
NETWORK_KIND = "countries"


# --- running a step in a child process ---------------------------------------------------------


def _peak_mb() -> float:
    """This process's peak memory, or that of a worker process it waited for, if larger."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, workers) / 1024, 1)


#: Bytes of data (heap and anonymous maps) a child may allocate, 0 for no cap; set in main().
MEMORY_CAP = [0]


def _cap_memory(cap: int) -> None:
    """Cap this process's data segment, so that a step needing too much memory fails with a
    MemoryError instead of pushing the shared machine into swapping or the OOM killer."""
    if cap:
        resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))


def _failure(exc: BaseException, cap: int) -> str:
    if isinstance(exc, MemoryError) and cap:
        return f"MemoryError: over the cap of {cap / 2**30:g} GiB"
    return f"{type(exc).__name__}: {exc}"


def _child(conn, function, args, cap: int) -> None:
    _cap_memory(cap)
    try:
        result = function(*args)
        result["peak_mb"] = _peak_mb()
        conn.send(("ok", result))
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which prints it
        conn.send(("error", _failure(exc, cap)))
    finally:
        conn.close()


def in_child(function, args: tuple, limit: float, start: str = "forkserver") -> dict:
    """``function(*args)`` (a dict of figures) run in a child, killed after ``limit`` seconds.

    Returns the figures with ``peak_mb``, ``{"timed_out": True}`` or ``{"error": message}``.
    A forkserver child starts clean (none of this process's memory counts as its own).
    """
    context = multiprocessing.get_context(start)
    receiver, sender = context.Pipe(duplex=False)
    sys.stdout.flush()
    sys.stderr.flush()
    process = context.Process(target=_child, args=(sender, function, args, MEMORY_CAP[0]))
    process.start()
    sender.close()
    try:
        if not receiver.poll(limit):
            return {"timed_out": True}
        try:
            status, value = receiver.recv()
        except EOFError:
            return {"error": f"the child died (exit code {process.exitcode})"}
        return value if status == "ok" else {"error": value}
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()


# --- cislib's stack: the steps ----------------------------------------------------------------


def _accepts(function, name: str) -> bool:
    return name in inspect.signature(function).parameters


def step_ingest(store_path: Path, corpus: Path, jobs: int | None) -> dict:
    """Base graphs and every report of ``corpus`` into a new store, as ``cislib build`` does."""
    files = collect_reports([corpus])
    options = {"jobs": jobs} if jobs and _accepts(ingest_files, "jobs") else {}
    with GraphStore.open(store_path, write=True) as store:
        started = time.perf_counter()
        store.load_base()
        summary = ingest_files(store, files, **options)
        seconds = time.perf_counter() - started
        quads = store.count()
    if summary.failed:
        raise RuntimeError(f"{len(summary.failed)} reports failed: {summary.failed[0][1]}")
    return {
        "seconds": seconds,
        "reports": len(summary.ingested),
        "triples": sum(r.triples for r in summary.ingested),
        "quads": quads,
        "jobs": options.get("jobs", "default" if _accepts(ingest_files, "jobs") else 1),
    }


def step_validate(store_path: Path) -> dict:
    """Full SHACL validation of the store (``validate_store``)."""
    from cislib.graph.validation import validate_store

    with GraphStore.open(store_path) as store:
        started = time.perf_counter()
        result = validate_store(store)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "conforms": result.conforms, "problems": len(result.problems)}


def step_one_more(store_path: Path, report: Path) -> dict:
    """One more report ingested (``ingest_files``) and validated: on what it touched with
    ``validate_report`` when cislib has it, else with a full ``validate_store``."""
    from cislib.graph import validation

    with GraphStore.open(store_path, write=True) as store:
        started = time.perf_counter()
        summary = ingest_files(store, [report])
        ingest_s = time.perf_counter() - started
        if summary.failed:
            raise RuntimeError(summary.failed[0][1])
        result = summary.ingested[0]
        started = time.perf_counter()
        if hasattr(validation, "validate_report"):
            extra = {"also": result.touched} if hasattr(result, "touched") else {}
            outcome = validation.validate_report(store, result.report, **extra)
            how = "validate_report"
        else:
            outcome = validation.validate_store(store)
            how = "full validation"
        validate_s = time.perf_counter() - started
    return {
        "ingest_s": ingest_s,
        "validate_s": validate_s,
        "seconds": ingest_s + validate_s,
        "how": how,
        "conforms": outcome.conforms,
    }


def step_export(store_path: Path, fmt: str) -> dict:
    """The whole store exported as ``fmt`` into a file, as ``cislib export -o`` does
    (``cislib.graph.export.write_export``: streamed, synced, renamed into place)."""
    with (
        GraphStore.open(store_path) as store,
        tempfile.TemporaryDirectory(dir=store_path.parent, prefix="export-") as tmp,
    ):
        started = time.perf_counter()
        size = write_export(store, fmt, Path(tmp) / f"export.{fmt}")
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "bytes": size}


def step_network(store_path: Path) -> dict:
    """The country cooperation network built from the store (``cislib.network``)."""
    from cislib.network import NetworkRequest, network

    with GraphStore.open(store_path) as store:
        started = time.perf_counter()
        graph = network(store, NetworkRequest.parse(NETWORK_KIND))
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}


def query_figures(
    store_path: Path, params: dict[str, dict], limit: float, page: int | None = None
) -> dict[str, dict]:
    """Each query's latency (every row, or its first ``page`` rows), keyed ``query:NAME`` (or
    ``page:NAME``); a run over ``limit`` seconds is marked ``at_least_s``.

    Query children are forked from this process, which never opens a store: they start at once
    and hold no store state but their own.
    """
    figures = {}
    results = measure_oxigraph(store_path, params, limit, runs=QUERY_RUNS, start="fork", page=page)
    for name, result in results.items():
        if result.get("timed_out"):
            result["at_least_s"] = limit
        figures[f"{'page' if page else 'query'}:{name}"] = result
        what = f"{name}, first {page} rows" if page else name
        log(f"  cislib query {what}: {_describe(result)}")
    return figures


def step_query_parameters(store_path: Path, names: list[str]) -> dict:
    """The parameters each named query runs with (``benchmarks/queries.py``)."""
    with GraphStore.open(store_path) as store:
        return {"params": {name: parameters(store, name) for name in names}}


def network_available() -> bool:
    """True when the ``cislib.network`` package can be imported."""
    try:
        import cislib.network  # noqa: F401
    except ImportError:
        return False
    return True


# --- the naive stack: rdflib and pyshacl, in one child ----------------------------------------


def _naive_base(dataset: rdflib.Dataset) -> None:
    """The ontology and reference data, parsed into their graphs (as ``load_base`` does)."""
    from cislib.graph.terms import ONTOLOGY_GRAPH, REFERENCE_GRAPH

    dataset.graph(to_rdflib(ONTOLOGY_GRAPH)).parse(data=ontology_text(), format="turtle")
    reference = dataset.graph(to_rdflib(REFERENCE_GRAPH))
    for file in reference_files():
        reference.parse(data=file.read_text(encoding="utf-8"), format="turtle")


def _naive_ingest(dataset: rdflib.Dataset, files) -> int:
    return sum(naive_add(dataset, build_report_quads(extract_file(f))) for f in files)


def _naive_validate(dataset: rdflib.Dataset, shapes: rdflib.Graph):
    """pyshacl over the union of every graph but the ontology (the data cislib validates)."""
    import pyshacl

    from cislib.graph.terms import ONTOLOGY_GRAPH

    data = rdflib.Graph()
    ontology = to_rdflib(ONTOLOGY_GRAPH)
    for graph in dataset.graphs():
        if graph.identifier != ontology:
            for triple in graph:
                data.add(triple)
    conforms, _, _ = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", advanced=True, allow_warnings=True
    )
    return conforms


def _median_ms(run, runs: int) -> dict:
    """``run()`` once to warm up, then ``runs`` times: the median in ms and the rows."""
    rows = run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        rows = run()
        times.append((time.perf_counter() - started) * 1000)
    return {"ms": statistics.median(times), "rows": rows}


def naive_worker(conn, corpus: Path, one_more: Path, params: dict, cap: int) -> None:
    """In a child: every naive step in turn, sending ``(step, figures)`` after each one.

    Order: ingest, full validation, one more report (pyshacl over the whole graph again),
    exports, queries; the parent kills the child when the time allowed is spent.
    """

    def send(step: str, figures: dict) -> None:
        figures["peak_mb"] = _peak_mb()
        conn.send((step, figures))

    _cap_memory(cap)
    try:
        files = collect_reports([corpus])
        dataset = rdflib.Dataset(default_union=True)
        started = time.perf_counter()
        _naive_base(dataset)
        triples = _naive_ingest(dataset, files)
        send(
            "ingest",
            {"seconds": time.perf_counter() - started, "reports": len(files), "triples": triples},
        )
        shapes = load_shapes()
        started = time.perf_counter()
        conforms = _naive_validate(dataset, shapes)
        send("validate", {"seconds": time.perf_counter() - started, "conforms": conforms})
        started = time.perf_counter()
        _naive_ingest(dataset, [one_more])
        ingest_s = time.perf_counter() - started
        conforms = _naive_validate(dataset, shapes)
        send(
            "one_more",
            {"seconds": time.perf_counter() - started, "ingest_s": ingest_s, "conforms": conforms},
        )
        for step, fmt in (("export_turtle", "turtle"), ("export_trig", "trig")):
            started = time.perf_counter()
            if fmt == "turtle":
                union = rdflib.Graph()
                for triple in dataset.triples((None, None, None)):
                    union.add(triple)
                text = union.serialize(format=fmt)
            else:
                text = dataset.serialize(format=fmt)
            send(step, {"seconds": time.perf_counter() - started, "bytes": len(text.encode())})
        for name, query_params in params.items():
            query = named_queries()[name]
            try:
                bound = bind_parameters(query, query_params, "en")
                bindings = {k: to_rdflib(v) for k, v in bound.items()}
                text = query.portable  # rdflib has no LATERAL
                figures = _median_ms(
                    lambda t=text, b=bindings: len(list(dataset.query(t, initBindings=b))),
                    QUERY_RUNS,
                )
            except Exception as exc:  # noqa: BLE001 - a query rdflib cannot run
                figures = {"error": f"{type(exc).__name__}: {exc}"}
            send(f"query:{name}", figures)
    except BaseException as exc:  # noqa: BLE001 - reported to the parent
        conn.send(("error", _failure(exc, cap)))
    finally:
        conn.close()


def measure_naive(corpus: Path, one_more: Path, params: dict, limit: float) -> dict:
    """The naive steps' figures by step, within ``limit`` seconds for them all: the step
    running when the time is spent is stopped (``timed_out``, with the seconds it had) and the
    steps after it are ``not_run``."""
    steps = ["ingest", "validate", "one_more", "export_turtle", "export_trig"]
    steps += [f"query:{n}" for n in params]
    context = multiprocessing.get_context("forkserver")
    receiver, sender = context.Pipe(duplex=False)
    sys.stdout.flush()
    sys.stderr.flush()
    process = context.Process(
        target=naive_worker, args=(sender, corpus, one_more, params, MEMORY_CAP[0])
    )
    process.start()
    sender.close()
    results: dict[str, dict] = {}
    deadline = time.perf_counter() + limit
    step_started = time.perf_counter()
    try:
        for step in steps:
            if not receiver.poll(max(0.0, deadline - time.perf_counter())):
                spent = time.perf_counter() - step_started
                results[step] = {"timed_out": True, "at_least_s": spent}
                log(f"  naive {step}: stopped after {spent:.1f} s (the naive limit is spent)")
                break
            try:
                name, figures = receiver.recv()
            except EOFError:
                results[step] = {"error": f"the child died (exit code {process.exitcode})"}
                break
            if name == "error":
                results[step] = {"error": figures}
                log(f"  naive {step}: failed: {figures}")
                break
            results[name] = figures
            step_started = time.perf_counter()
            log(f"  naive {name}: {_describe(figures)}")
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    for step in steps:
        results.setdefault(step, {"not_run": True})
    return results


# --- one size ---------------------------------------------------------------------------------


def _describe(figures: dict) -> str:
    if "ms" in figures:
        return f"{figures['ms']:.1f} ms"
    if "seconds" in figures:
        return f"{figures['seconds']:.2f} s, peak {figures.get('peak_mb', 0):.0f} MB"
    if figures.get("timed_out"):
        return "over the limit"
    return figures.get("error", "not run")


def measure_size(size: int, args, names: list[str], workdir: Path) -> dict:
    """Every figure of one corpus size, cislib's and the naive stack's."""
    log(f"{size} reports:")
    corpus = workdir / f"corpus-{size}"
    store_path = workdir / f"store-{size}"
    started = time.perf_counter()
    generate_corpus(corpus, size, SEED, jobs=args.jobs)
    generation_s = time.perf_counter() - started
    log(f"  generated in {generation_s:.1f} s")
    extra = generate_report(size + 1, SEED)
    one_more = workdir / f"one-more-{size}" / extra.file_name
    one_more.parent.mkdir()
    one_more.write_text(extra.text, encoding="utf-8")

    ours: dict[str, dict] = {"generate": {"seconds": generation_s}}
    ours["ingest"] = in_child(step_ingest, (store_path, corpus, args.jobs), OWN_LIMIT)
    log(f"  cislib ingest: {_describe(ours['ingest'])}")
    if "seconds" not in ours["ingest"]:
        raise SystemExit(f"ingest failed: {ours['ingest']}")
    ours["ingest"]["store_bytes"] = folder_size(store_path)
    ours["validate"] = in_child(step_validate, (store_path,), OWN_LIMIT)
    log(f"  cislib validation: {_describe(ours['validate'])}")
    for fmt in ("turtle", "trig"):
        ours[f"export_{fmt}"] = in_child(step_export, (store_path, fmt), OWN_LIMIT)
        log(f"  cislib export {fmt}: {_describe(ours[f'export_{fmt}'])}")
    if network_available():
        ours["network"] = in_child(step_network, (store_path,), OWN_LIMIT)
        log(f"  cislib network: {_describe(ours['network'])}")
    else:
        ours["network"] = {"not_available": True}
    params = in_child(step_query_parameters, (store_path, names), OWN_LIMIT)
    if "params" not in params:
        raise SystemExit(f"reading the query parameters failed: {params}")
    params = params["params"]
    ours.update(query_figures(store_path, params, args.query_limit))
    # the listings also answer a page, as a table shows it
    paged = {name: p for name, p in params.items() if named_queries()[name].paged}
    ours.update(query_figures(store_path, paged, args.query_limit, page=DEFAULT_PAGE))
    ours["one_more"] = in_child(step_one_more, (store_path, one_more), OWN_LIMIT)
    log(f"  cislib one more report: {_describe(ours['one_more'])}")

    naive = measure_naive(corpus, one_more, params, args.naive_limit)
    shutil.rmtree(store_path, ignore_errors=True)
    shutil.rmtree(corpus, ignore_errors=True)
    return {"reports": size, "cislib": ours, "naive": naive}


# --- the table --------------------------------------------------------------------------------


def _seconds(figures: dict | None, key: str = "seconds") -> str:
    if not figures:
        return ""
    if figures.get("timed_out"):
        return f"> {figures['at_least_s']:,.0f} s"
    if figures.get("not_run"):
        return "not run"
    if figures.get("not_available"):
        return "n/a"
    if figures.get("error"):
        return _error_cell(figures["error"])
    value = figures.get(key)
    return "" if value is None else f"{value:,.2f} s"


def _ms(figures: dict | None) -> str:
    if not figures:
        return ""
    if figures.get("timed_out"):
        return f"> {figures['at_least_s'] * 1000:,.0f} ms"
    if figures.get("not_run"):
        return "not run"
    if figures.get("error"):
        return _error_cell(figures["error"])
    return f"{figures['ms']:,.1f} ms" if "ms" in figures else ""


def _error_cell(message: str) -> str:
    """ "out of memory (> 8 GiB)" for a step stopped by the memory cap, else "error"."""
    if message.startswith("MemoryError: over the cap of "):
        return f"out of memory (> {message.rsplit(' ', 2)[1]} GiB)"
    return "error"


def _ratio(ours: float | None, naive: dict | None, key: str) -> str:
    """naive / cislib; a lower bound (``> 40``) when the naive step was stopped."""
    if not ours or not naive:
        return ""
    if naive.get("timed_out"):
        scale = 1000 if key == "ms" else 1
        return f"> {naive['at_least_s'] * scale / ours:,.0f}"
    if naive.get(key) is not None:
        return f"{naive[key] / ours:,.1f}"
    return ""


def rows_of(figures: dict) -> list[tuple[str, str, str, str]]:
    """(measure, cislib, naive, ratio) rows for one size."""
    ours, naive = figures["cislib"], figures["naive"]
    ingest, n_ingest = ours["ingest"], naive.get("ingest", {})
    size = figures["reports"]
    rows = [
        ("corpus generated", _seconds(ours["generate"]), "", ""),
        (
            "extract + ingest",
            _seconds(ingest),
            _seconds(n_ingest),
            _ratio(ingest.get("seconds"), n_ingest, "seconds"),
        ),
        (
            "  reports/s",
            f"{size / ingest['seconds']:,.1f}",
            f"{size / n_ingest['seconds']:,.1f}" if "seconds" in n_ingest else "",
            "",
        ),
        (
            "  triples/s",
            f"{ingest['triples'] / ingest['seconds']:,.0f}",
            f"{n_ingest['triples'] / n_ingest['seconds']:,.0f}" if "seconds" in n_ingest else "",
            "",
        ),
        (
            "  peak memory",
            f"{ingest['peak_mb']:,.0f} MB",
            f"{n_ingest['peak_mb']:,.0f} MB" if "peak_mb" in n_ingest else "",
            "",
        ),
        ("  store on disk", f"{ingest['store_bytes'] / 2**20:,.1f} MB", "in memory", ""),
        (
            "full validation",
            _seconds(ours["validate"]),
            _seconds(naive.get("validate")),
            _ratio(ours["validate"].get("seconds"), naive.get("validate"), "seconds"),
        ),
    ]
    both = ingest["seconds"] + ours["validate"].get("seconds", 0)
    n_validate = naive.get("validate", {})
    if "seconds" in n_ingest and "seconds" in n_validate:
        naive_both = {"seconds": n_ingest["seconds"] + n_validate["seconds"]}
    elif n_ingest.get("timed_out"):
        naive_both = n_ingest
    elif "seconds" in n_ingest and n_validate.get("timed_out"):
        naive_both = {
            "timed_out": True,
            "at_least_s": n_ingest["seconds"] + n_validate["at_least_s"],
        }
    else:
        naive_both = {"not_run": True}
    rows.append(
        (
            "ingest + validation",
            f"{both:,.2f} s",
            _seconds(naive_both),
            _ratio(both, naive_both, "seconds"),
        )
    )
    one = ours["one_more"]
    label = "one more report: ingest + " + (
        "validate_report" if one.get("how") == "validate_report" else "full validation"
    )
    rows.append(
        (
            label,
            _seconds(one),
            _seconds(naive.get("one_more")),
            _ratio(one.get("seconds"), naive.get("one_more"), "seconds"),
        )
    )
    for key in sorted(k for k in ours if k.startswith("query:")):
        name = key.split(":", 1)[1]
        rows.append(
            (
                f"query {name}",
                _ms(ours[key]),
                _ms(naive.get(key)),
                _ratio(ours[key].get("ms"), naive.get(key), "ms"),
            )
        )
    for key in sorted(k for k in ours if k.startswith("page:")):
        name = key.split(":", 1)[1]
        rows.append((f"query {name}, first {DEFAULT_PAGE} rows", _ms(ours[key]), "", ""))
    for fmt, title in (("turtle", "Turtle"), ("trig", "TriG")):
        key = f"export_{fmt}"
        rows.append(
            (
                f"export {title}",
                _seconds(ours[key]),
                _seconds(naive.get(key)),
                _ratio(ours[key].get("seconds"), naive.get(key), "seconds"),
            )
        )
    rows.append(("network build", _seconds(ours["network"]), "", ""))
    return rows


def _legend(limit: float) -> str:
    return (
        f"Generated corpora (cislib synth, seed {SEED}); ratio = naive / cislib; naive = rdflib "
        f"Dataset + pyshacl + rdflib SPARQL and serialisers, given {limit:g} s per corpus size "
        f"(the step running then is stopped: > its seconds so far); queries: median of "
        f"{QUERY_RUNS} runs after a warm-up."
    )


def _grid(results: list[dict]) -> tuple[list[str], list[list[str]]]:
    """The header and rows: one row per measure; cislib, naive and ratio per corpus size."""
    per_size = [rows_of(figures) for figures in results]
    header = ["measure"]
    for figures in results:
        n = figures["reports"]
        header += [f"{n:,} cislib", f"{n:,} naive", "ratio"]
    rows = []
    for i, (label, *_) in enumerate(per_size[0]):
        row = [label]
        for size_rows in per_size:
            row += list(size_rows[i][1:])
        rows.append(row)
    return header, rows


def table(results: list[dict], limit: float) -> str:
    """The table as plain text."""
    header, rows = _grid(results)
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    body = [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    return "\n".join([_legend(limit), "", *body])


def markdown(results: list[dict], limit: float) -> str:
    """The table as Markdown, with the legend under it."""
    header, rows = _grid(results)

    def line(cells: list[str]) -> str:
        label, *figures = cells
        # An indented measure belongs to the one above it: "extract + ingest: reports/s".
        label = f"· {label.strip()}" if label.startswith(" ") else label
        return "| " + " | ".join([label, *(c or " " for c in figures)]) + " |"

    align = "| --- | " + " | ".join("---:" for _ in header[1:]) + " |"
    return "\n".join([line(header), align, *(line(r) for r in rows), "", _legend(limit)]) + "\n"


def main() -> None:
    """Parse the options, measure every size, print the table and write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument(
        "--naive-limit",
        type=float,
        default=600.0,
        help="seconds the naive stack may take for one corpus size (default 600)",
    )
    parser.add_argument(
        "--query-limit",
        type=float,
        default=QUERY_LIMIT,
        help=f"seconds one run of a query on cislib may take (default {QUERY_LIMIT:g})",
    )
    parser.add_argument(
        "--memory-cap",
        type=float,
        default=8.0,
        help="GiB of data a measuring process may allocate before it fails (default 8; 0: none)",
    )
    parser.add_argument("--jobs", type=int, help="worker processes for generation and ingest")
    parser.add_argument("--queries", nargs="+", metavar="NAME", help="only these named queries")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--markdown", type=Path, help="also write the table here, as Markdown")
    args = parser.parse_args()
    names = args.queries or list(named_queries())
    unknown = sorted(set(names) - set(named_queries()))
    if unknown:
        parser.error(f"no named query {', '.join(unknown)}")
    if any(size < 1 for size in args.sizes):
        parser.error("sizes must be 1 or more")

    MEMORY_CAP[0] = int(args.memory_cap * 2**30)
    # Children start from a server that has imported what they need once, not each for itself.
    multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
    started = time.perf_counter()
    results: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="cislib-bench-") as tmp:
        for size in args.sizes:
            figures = measure_size(size, args, names, Path(tmp))
            figures["rows"] = [list(row) for row in rows_of(figures)]
            results.append(figures)
            # Written after every size, so a long run keeps what it has measured so far.
            write_outputs(args, results, time.perf_counter() - started)
    print(table(results, args.naive_limit))
    print(f"\ntotal wall time {time.perf_counter() - started:.0f} s")


def write_outputs(args, results: list[dict], seconds: float) -> None:
    """The JSON figures and the Markdown table, where the options ask for them."""
    figures = {
        "sizes": [r["reports"] for r in results],
        "naive_limit_s": args.naive_limit,
        "query_limit_s": args.query_limit,
        "query_runs": QUERY_RUNS,
        "seed": SEED,
        "cpus": os.cpu_count(),
        "results": results,
        "wall_s": round(seconds, 1),
    }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
    if args.markdown:
        args.markdown.write_text(markdown(results, args.naive_limit), encoding="utf-8")


if __name__ == "__main__":
    main()
