"""The click application. Each command parses options, calls one library function, prints.

Errors a user can cause surface as one line on standard error and a non-zero exit status;
set ``CISLIB_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import click

from cislib import __version__
from cislib.cli.output import echo_table
from cislib.errors import CislibError
from cislib.extract import extract_file
from cislib.extract.evaluation import evaluate_files, format_table, summary_to_dict
from cislib.extract.lang import SUPPORTED_TAGS
from cislib.graph.description import describe
from cislib.graph.export import FORMATS as EXPORT_FORMATS
from cislib.graph.export import export_chunks, write_atomically
from cislib.graph.ingest import build, collect_reports, ingest_files
from cislib.graph.push import PushError, push, push_order
from cislib.graph.rdf_input import CURATED_GRAPH, load_files
from cislib.graph.store import STORE_ENV, GraphStore, default_store_path
from cislib.graph.validation import FORMATS as VALIDATION_FORMATS
from cislib.graph.validation import validate_store
from cislib.network import COLOUR_BY, NetworkRequest, format_for, network, write_output
from cislib.network import FORMATS as NETWORK_FORMATS
from cislib.network import KINDS as NETWORK_KINDS
from cislib.network import render as render_network
from cislib.ontology.documentation import ontology_html
from cislib.queries import load_query, named_queries, run_checks, select
from cislib.queries.explain import explain as explain_node
from cislib.queries.explain import shorten
from cislib.queries.formats import (
    DEFAULT_PAGE,
    parameter_descriptions,
    render,
    resolve_query,
    run_query,
)
from cislib.queries.formats import FORMATS as QUERY_FORMATS
from cislib.queries.remote import run_remote
from cislib.serve import serve
from cislib.serve.guard import check_local_query
from cislib.synth.corpus import generate_corpus

#: Exit status when validation finds problems.
EXIT_INVALID = 1
#: Exit status for an unexpected internal error.
EXIT_INTERNAL = 70
#: Exit status when the system refuses a read or a write (a full disk, a missing folder).
EXIT_OS_ERROR = 74


def _os_error_text(exc: OSError) -> str:
    """An operating-system error in one line: what failed, on which file."""
    if exc.strerror and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


class CislibGroup(click.Group):
    """A group that turns library errors into a clean message and exit status."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CislibError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            raise
        except OSError as exc:  # a full disk, a file that cannot be written: not a bug
            if os.environ.get("CISLIB_DEBUG"):
                raise
            click.echo(f"Error: {_os_error_text(exc)}", err=True)
            ctx.exit(EXIT_OS_ERROR)
        except KeyboardInterrupt:
            click.echo("Interrupted; nothing half-written was kept.", err=True)
            ctx.exit(130)
        except Exception as exc:  # the last line of defence: never a traceback for a user
            if os.environ.get("CISLIB_DEBUG"):
                raise
            click.echo(
                f"Internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in cislib; run again with CISLIB_DEBUG=1 to see the details.",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


def _progress(label: str, total: int):
    """A progress callback drawing a bar on standard error (silent for one item)."""
    if total < 2:
        return None, None
    bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True)
    bar.__enter__()

    def advance(done: int, total: int, name: str) -> None:
        bar.update(1)

    return advance, bar


def _open(ctx: click.Context, write: bool) -> GraphStore:
    return GraphStore.open(ctx.obj["store"], write=write)


@click.group(cls=CislibGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cislib")
@click.option(
    "--store",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=STORE_ENV,
    help=f"Store folder (default: ${STORE_ENV} or {default_store_path()}).",
)
@click.pass_context
def cli(ctx: click.Context, store: Path | None) -> None:
    """cislib: the knowledge graph of library cooperation across the CIS.

    Reads reports in Russian, Uzbek, Turkmen, Kazakh, Kyrgyz and English into an RDF graph of
    libraries, countries, cities, organisations, people and events, every fact traceable to
    the sentence it came from.

    \b
    Examples:
      cislib build                      # the bundled reports into the default store
      cislib --store ./kg ingest news/  # more reports into another store
      cislib validate --format json
      cislib export --format trig -o cislib.trig
    """
    ctx.ensure_object(dict)
    ctx.obj["store"] = store


def _output_option(command):
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file (atomically) instead of standard output.",
    )(command)


def _jobs_option(command):
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        help="Processes reading reports at once (default: the available cores; 1: read them "
        "in this process). The result is the same for any number.",
    )(command)


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation at the end.")
@_jobs_option
@click.pass_context
def build_command(
    ctx: click.Context, paths: tuple[Path, ...], no_validate: bool, jobs: int | None
) -> None:
    """Build the graph: reference data, the bundled reports and any PATHS, then validate.

    PATHS are report files or folders of them (*.txt, *.md). Exit status 1 when the graph does
    not validate, 2 when a report could not be read.

    \b
    Examples:
      cislib build
      cislib build reports/2024/ extra-report.txt
      cislib build --jobs 4 reports/
    """
    with _open(ctx, write=True) as store:
        total = len(paths) + 2
        advance, bar = _progress("Reading reports", total)
        try:
            summary = build(store, paths, progress=advance, jobs=jobs)
        finally:
            if bar:
                bar.__exit__(None, None, None)
        _print_ingest(summary)
        click.echo()
        _print_stats(store)
        if no_validate:
            status = 0
        else:
            result = validate_store(store)
            click.echo()
            click.echo(
                result.to_text() if not result.conforms else "Validation: the graph conforms."
            )
            status = 0 if result.conforms else EXIT_INVALID
    if summary.failed:
        ctx.exit(2)
    ctx.exit(status)


def _print_ingest(summary) -> None:
    for result in summary.ingested:
        if result.unchanged:
            state = "unchanged"
        elif result.replaced:
            state = f"replaced {len(result.replaced)} older version(s)"
        else:
            state = "stored"
        click.echo(f"{result.file}: {result.triples} triples, {state}")
    for _file, message in summary.failed:
        click.echo(f"Error: {message}", err=True)


def _print_stats(store: GraphStore) -> None:
    rows = select(store, load_query("class-counts"))
    for row in rows:
        row["class"] = shorten(row["class"])
    click.echo(f"Store: {store.path}  ({store.count()} quads)")
    echo_table(rows, ["class", "count"])


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(SUPPORTED_TAGS), help="Language of the reports.")
@_jobs_option
@click.pass_context
def ingest_command(
    ctx: click.Context, paths: tuple[Path, ...], lang: str | None, jobs: int | None
) -> None:
    """Read report files (or folders of them) into the store.

    A report whose file name is already in the store replaces its older version; other
    reports are untouched.

    \b
    Examples:
      cislib ingest news/2024-05-rsl.txt
      cislib ingest --lang uz-Latn reports/uz/
      cislib ingest --jobs 1 reports/
    """
    files = collect_reports(paths)
    with _open(ctx, write=True) as store:
        if not store.report_graphs() and store.count() == 0:
            store.load_base()
        advance, bar = _progress("Reading reports", len(files))
        try:
            summary = ingest_files(store, files, language=lang, progress=advance, jobs=jobs)
        finally:
            if bar:
                bar.__exit__(None, None, None)
    _print_ingest(summary)
    if summary.failed:
        ctx.exit(2)


@cli.command("load")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--graph",
    "graph_iri",
    metavar="IRI",
    help=f"The named graph to store them in (default {CURATED_GRAPH}); its content is replaced.",
)
@click.pass_context
def load_command(ctx: click.Context, files: tuple[Path, ...], graph_iri: str | None) -> None:
    """Store RDF files (curated additions) in a named graph of their own, all or nothing.

    FILES are Turtle, TriG, N-Triples, N-Quads, JSON-LD or RDF/XML, by suffix (.ttl .trig
    .nt .nq .jsonld .rdf .xml). The graph is replaced by what the files hold, so re-running
    converges. Nothing is fetched from the network: remote JSON-LD contexts, XML entities and
    DTDs are refused, and owl:imports or shapes in the files are stored as data, never followed.

    \b
    Examples:
      cislib load curated.ttl
      cislib load links.nt corrections.jsonld --graph https://example.org/graph/partner
    """
    with _open(ctx, write=True) as store:
        result = load_files(store, files, graph=graph_iri)
    click.echo(result.to_text())


@cli.command("validate")
@click.option(
    "--format", "fmt", type=click.Choice(VALIDATION_FORMATS), default="text", show_default=True
)
@click.option(
    "--lang",
    type=click.Choice(["en", "ru"]),
    default="en",
    show_default=True,
    help="Language of the messages.",
)
@click.pass_context
def validate_command(ctx: click.Context, fmt: str, lang: str) -> None:
    """Check the graph against the SHACL shapes. Exit status 1 when it does not conform.

    \b
    Examples:
      cislib validate
      cislib validate --format json --lang ru
    """
    with _open(ctx, write=False) as store:
        result = validate_store(store, language=lang)
        checks = run_checks(store)
    if fmt == "json":
        payload = json.loads(result.to_json())
        payload["checks"] = checks
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
    elif fmt == "turtle":
        click.echo(result.to_turtle())
    else:
        click.echo(result.to_text())
        for name, rows in checks.items():
            click.echo(f"\nCheck {name} found {len(rows)} problem(s):")
            echo_table(rows, list(rows[0]))
    ctx.exit(0 if result.conforms and not checks else EXIT_INVALID)


@cli.command("query")
@click.argument("query", required=False)
@click.option("-e", "--expression", help="SPARQL text to run instead of a named query or file.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter of the query, bound by the engine (repeatable).",
)
@click.option("--lang", default="en", show_default=True, help="Language of the labels.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    help="Output format (default: table, or turtle for CONSTRUCT and DESCRIBE).",
)
@click.option("--endpoint", help="Run on this SPARQL 1.1 endpoint instead of the store.")
@click.option(
    "--timeout",
    "timeout_s",
    type=float,
    default=30,
    show_default=True,
    help="Seconds to wait for --endpoint.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    help=f"Rows to show at most (default: {DEFAULT_PAGE} in a table, every row in the other "
    "formats; 0: every row).",
)
@click.option(
    "--offset",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Rows to skip first: with --limit, a later page.",
)
@click.option("--list", "list_", is_flag=True, help="List the named queries and stop.")
@click.pass_context
def query_command(
    ctx, query, expression, params, lang, fmt, endpoint, timeout_s, limit, offset, list_
) -> None:
    """Ask a question: a named query, a .rq file, or SPARQL text with -e.

    A table shows the first rows only (--limit); a listing query (events, events-in-period,
    event-involvements, participants-by-country, node-places, library-cooperation, people,
    reports, report-class-counts) then looks labels and details up for those rows alone, so a
    page comes back quickly from a big store.

    \b
    Examples:
      cislib query --list
      cislib query countries --lang ru
      cislib query events --param year=2024 --format csv
      cislib query events --limit 50 --offset 100
      cislib query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
      cislib query people --endpoint http://127.0.0.1:7878/query
    """
    if list_:
        for named in named_queries().values():
            click.echo(f"{named.name}\n    {named.purpose}")
            described = parameter_descriptions(named)
            if described:
                click.echo(f"    parameters: {described}")
            click.echo(f"    columns: {', '.join(named.columns)}")
        return
    if bool(query) == bool(expression):
        raise click.UsageError("give a query name or file, or -e SPARQL (one of them)")
    values = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{item!r} is not KEY=VALUE", param_hint="--param")
        values[key] = value
    target = expression or (Path(query) if query.endswith(".rq") else query)
    if limit is None:
        limit = DEFAULT_PAGE if fmt in (None, "table") else 0
    page = {"limit": limit or None, "offset": offset}
    if endpoint:
        result = run_remote(endpoint, target, values, lang=lang, timeout=timeout_s, **page)
    else:
        target = resolve_query(target)
        check_local_query(target.text)  # the store's engine would follow a SERVICE
        with _open(ctx, write=False) as store:
            result = run_query(store, target, values, lang=lang, **page)
    fmt = fmt or ("turtle" if result.form in ("CONSTRUCT", "DESCRIBE") else "table")
    click.echo(render(result, fmt, compact=(fmt == "table")), nl=False)
    if result.form == "SELECT" and limit and len(result.rows) == limit:
        click.echo(
            f"Rows {offset + 1} to {offset + limit} shown: --offset {offset + limit} for the "
            "next ones, --limit 0 for every row.",
            err=True,
        )


@cli.command("stats")
@click.pass_context
def stats_command(ctx: click.Context) -> None:
    """Counts of nodes per class, overall and per report.

    \b
    Example:
      cislib stats
    """
    with _open(ctx, write=False) as store:
        _print_stats(store)
        click.echo()
        echo_table(select(store, load_query("report-class-counts")), ["file", "class", "count"])


@cli.command("reports")
@click.pass_context
def reports_command(ctx: click.Context) -> None:
    """The reports in the store, with language, title and size.

    \b
    Example:
      cislib reports
    """
    with _open(ctx, write=False) as store:
        rows = select(store, load_query("reports"))
    echo_table(rows, ["file", "language", "triples", "title", "report"])


def _write_or_print(content: str | Iterable[str], output: Path | None) -> None:
    """Write ``content`` atomically to ``output`` and say so, or print it.

    ``content`` is a string or an iterable of strings (chunks), written as they come. When the
    reader of standard output goes away (``cislib export | head``), printing stops: not an
    error (click would otherwise exit with status 1 before ``main`` sees it).
    """
    if output:
        size = write_atomically(output, content)
        click.echo(f"Wrote {output} ({size} bytes)", err=True)
        return
    try:
        for chunk in (content,) if isinstance(content, str) else content:
            click.echo(chunk, nl=False)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)  # what is still buffered goes nowhere
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@cli.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True
)
@_output_option
@click.pass_context
def export_command(ctx: click.Context, fmt: str, output: Path | None) -> None:
    """Export the whole graph: the same graph always gives the same bytes.

    TriG, N-Quads and JSON-LD keep one named graph per report; Turtle and N-Triples merge them.
    The export is streamed, a graph (or, for Turtle and N-Triples, a subject) at a time: its
    memory grows with the largest graph or the number of subjects, not with the whole store.

    \b
    Examples:
      cislib export --format turtle > cislib.ttl
      cislib export --format trig -o cislib.trig
    """
    with _open(ctx, write=False) as store:  # streamed: open until the last chunk is out
        _write_or_print(export_chunks(store, fmt), output)


@cli.command("describe")
@click.option("--endpoint", help="The public SPARQL endpoint serving this data (optional).")
@click.option(
    "--download-base",
    metavar="URL",
    help="The URL the export files are published under (cislib.trig, cislib.ttl, ...).",
)
@_output_option
@click.pass_context
def describe_command(ctx, endpoint, download_base, output) -> None:
    """Describe the dataset in VoID and DCAT (Turtle): counts, vocabularies, licence, files.

    Counts of triples, entities, classes and properties (with a partition per class and per
    property), one subset per named graph, example resources, licence and creators from the
    ontology, the date of the newest event as dct:modified. The same graph gives the same bytes.

    \b
    Examples:
      cislib describe -o void.ttl
      cislib describe --endpoint https://kg.example.org/sparql \\
                      --download-base https://kg.example.org/dumps/
    """
    with _open(ctx, write=False) as store:
        content = describe(store, endpoint=endpoint, download_base=download_base)
    _write_or_print(content, output)


@cli.command("docs")
@_output_option
def docs_command(output: Path | None) -> None:
    """Write the ontology's documentation: one self-contained HTML page (no store needed).

    Every class, property, concept scheme and concept of cislib/ontology/cislib.ttl with its
    English and Russian labels and comments, domain, range and hierarchy; the anchor of each
    term is its local name (#Participation). The page loads nothing from the network.

    \b
    Example:
      cislib docs -o cislib-ontology.html
    """
    _write_or_print(ontology_html(), output)


@cli.command("explain")
@click.argument("node")
@click.pass_context
def explain_command(ctx: click.Context, node: str) -> None:
    """Everything known about a node, given by IRI or label, each fact with its quote.

    \b
    Examples:
      cislib explain "Russian State Library"
      cislib explain https://w3id.org/cislib/id/country/uz
    """
    with _open(ctx, write=False) as store:
        click.echo(explain_node(store, node).to_text())


@cli.command("extract")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(SUPPORTED_TAGS), help="Language (detected if omitted).")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True
)
def extract_command(file: Path, lang: str | None, fmt: str) -> None:
    """Print what is read from one report (the extraction record), without storing it.

    \b
    Examples:
      cislib extract report.txt
      cislib extract --lang tk --format table report.txt
    """
    record = extract_file(file, language=lang)
    if fmt == "json":
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{record.report.file}  [{record.report.language}]  {record.report.title}")
    rows = [
        {
            "type": e.type,
            "label": e.label,
            "reference": "yes" if e.from_reference else "new",
            "mentions": "; ".join(f"{m.text} [{m.start}:{m.end}]" for m in e.mentions),
        }
        for e in record.entities
    ]
    echo_table(rows, ["type", "label", "reference", "mentions"])
    if record.events:
        click.echo()
        echo_table(
            [
                {
                    "type": ev.type,
                    "start": ev.start,
                    "end": ev.end,
                    "title": ev.title,
                    "participants": len(ev.participants),
                }
                for ev in record.events
            ],
            ["type", "start", "end", "participants", "title"],
        )
    if record.posts:
        click.echo()
        echo_table(
            [
                {
                    "person": record.entity(p.person).label
                    if record.entity(p.person)
                    else p.person,
                    "role": p.role,
                    "title": p.title,
                    "organization": record.entity(p.organization).label
                    if p.organization and record.entity(p.organization)
                    else p.organization,
                }
                for p in record.posts
            ],
            ["person", "role", "organization", "title"],
        )


@cli.command("push")
@click.option("--endpoint", required=True, help="The SPARQL query endpoint of the other store.")
@click.option(
    "--graph-store", help="Its Graph Store Protocol URL (derived from --endpoint if omitted)."
)
@click.option("--user", help="User name (or $CISLIB_PUSH_USER).")
@click.option("--password", help="Password (or $CISLIB_PUSH_PASSWORD; asked for if missing).")
@click.option(
    "--timeout",
    "timeout_s",
    type=float,
    default=30,
    show_default=True,
    help="Seconds to wait for each network step.",
)
@click.pass_context
def push_command(ctx, endpoint, graph_store, user, password, timeout_s) -> None:
    """Copy the graph to another SPARQL store, named graph by named graph (PUT replaces).

    Re-running converges. Counts are checked per graph afterwards; on failure the report says
    which graphs were copied and which were not. Credentials never appear in the output.

    \b
    Examples:
      cislib push --endpoint http://127.0.0.1:7878/query
      cislib push --endpoint https://kg.example.org/sparql \\
                  --graph-store https://kg.example.org/store --user me
    """
    if user and password is None and not os.environ.get("CISLIB_PUSH_PASSWORD"):
        password = click.prompt("Password", hide_input=True)
    with _open(ctx, write=False) as store:
        advance, bar = _progress("Pushing graphs", len(push_order(store)))
        try:
            report = push(
                store,
                endpoint,
                graph_store,
                user=user,
                password=password,
                timeout_s=timeout_s,
                progress=advance,
            )
        except PushError as exc:
            if exc.report is not None:
                click.echo(exc.report.to_text(), err=True)
            raise
        finally:
            if bar:
                bar.__exit__(None, None, None)
    click.echo(report.to_text())


@cli.command("serve")
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback by default).",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--timeout",
    "timeout_s",
    type=click.FloatRange(min=0, min_open=True),
    default=10,
    show_default=True,
    help="Seconds a query may run before it is stopped (503).",
)
@click.option(
    "--row-cap",
    type=click.IntRange(min=1),
    default=10_000,
    show_default=True,
    help="Most rows (or triples) in one answer; X-Cislib-Truncated: true when cut.",
)
@click.pass_context
def serve_command(ctx, host, port, timeout_s, row_cap) -> None:
    """Serve the store read-only over the SPARQL 1.1 Protocol, with a query page at /.

    Only SELECT, ASK, CONSTRUCT and DESCRIBE; SERVICE, LOAD, FROM and every update are refused
    before they run; each query runs under a time limit in a worker process that is stopped
    when it overruns. The named queries answer at /query/NAME, a page of them with limit and
    offset (X-Cislib-Truncated: true when more rows follow). While it serves, the store cannot
    be written.

    \b
    Examples:
      cislib serve
      cislib serve --port 8080 --timeout 30 --row-cap 50000
      curl 'http://127.0.0.1:8000/query/events?year=2024&limit=100&offset=100'
    """
    logging.basicConfig(level=logging.INFO, format="%(message)s")  # access log on stderr
    serve(
        ctx.obj["store"],
        host,
        port,
        timeout_s=timeout_s,
        row_cap=row_cap,
        on_ready=lambda url: click.echo(
            f"Serving {url} (endpoint {url}sparql); Ctrl-C stops", err=True
        ),
    )


@cli.command("evaluate")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--reports",
    "reports_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the reports the gold files name (default: beside each gold file).",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def evaluate_command(gold: tuple[Path, ...], reports_dir: Path | None, fmt: str) -> None:
    """Score the reader against gold annotation files (or folders of them).

    Precision, recall and F1 per entity type; events found and with correct dates; event
    type, place and organiser accuracy; participation links; posts; per language and overall.
    Mentions match when their character spans overlap.

    \b
    Examples:
      cislib evaluate tests/data/reports/
      cislib evaluate gold/*.json --reports seeds/ --format json
    """
    files = []
    for path in gold:
        files.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
    if not files:
        raise click.BadParameter("the folders hold no gold files (*.json)", param_hint="GOLD")
    summary = evaluate_files(files, extract_file, reports_dir=reports_dir)
    if fmt == "json":
        click.echo(json.dumps(summary_to_dict(summary), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(summary))


@cli.command("synth")
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--reports", "count", type=click.IntRange(min=0), default=100, show_default=True)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="The same seed, the same bytes."
)
@click.option(
    "--jobs", type=click.IntRange(min=1), help="Worker processes (default: one less than the CPUs)."
)
def synth_command(out: Path, count: int, seed: int, jobs: int | None) -> None:
    """Generate a synthetic corpus: reports in every language, each with its gold file.

    Writes OUT/NNNNN_<lang>.txt and OUT/gold/NNNNN_<lang>.json, so that
    `cislib evaluate OUT/gold --reports OUT` measures the reader on it.

    \b
    Examples:
      cislib synth --reports 200 --seed 1 corpus/
      cislib evaluate corpus/gold --reports corpus
    """
    written = generate_corpus(out, count, seed, jobs=jobs)
    click.echo(f"Wrote {len(written)} reports and their gold files to {out}", err=True)


@cli.command("network")
@click.argument("kind", type=click.Choice(NETWORK_KINDS), metavar="KIND")
@click.option(
    "--from",
    "since",
    metavar="DATE",
    help="Only events ending on or after DATE (YYYY or YYYY-MM-DD).",
)
@click.option(
    "--to",
    "until",
    metavar="DATE",
    help="Only events starting on or before DATE (YYYY or YYYY-MM-DD).",
)
@click.option("--country", help="Only events this country was involved in (ISO code, IRI or name).")
@click.option(
    "--event-type",
    help="Only events of this type: a concept of the ontology's event type scheme "
    "(Conference, Seminar, ...; its name, label or IRI).",
)
@click.option("--lang", default="en", show_default=True, help="Language of the labels.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(NETWORK_FORMATS),
    help="Output format (default: from the --output file name, else json).",
)
@click.option(
    "--colour",
    "--color",
    "colour_by",
    type=click.Choice(COLOUR_BY),
    default="community",
    show_default=True,
    help="Colour nodes by community or country (png, svg, gexf, dot; the page starts so).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file (atomically) instead of standard output; png needs it.",
)
@click.pass_context
def network_command(ctx, kind, since, until, country, event_type, lang, fmt, colour_by, output):
    """A cooperation network: KIND is countries, libraries, organisations or people-events.

    Two countries (libraries, organisations; libraries count as organisations) are linked
    when both were involved in the same event, the link weighted by the number of such events
    and listing them; people-events links people to the events they took part in. Nodes
    carry label, type, country, coordinates when known, degree, weighted degree, betweenness
    and community.

    Formats: gexf (Gephi), graphml (Cytoscape, yEd), json (node-link), csv (edge list), dot,
    png and svg (a picture for reports), html (one offline page: zoom, details, years, map).

    \b
    Examples:
      cislib network countries --format gexf -o countries.gexf
      cislib network libraries --from 2021 --to 2024-06-30 --lang ru -o libraries.html
      cislib network countries --event-type Conference --country UZ --format csv
      cislib network people-events -o people.png
    """
    request = NetworkRequest.parse(kind, since, until, country, event_type, lang)
    fmt = format_for(fmt, output)
    with _open(ctx, write=False) as store:
        graph = network(store, request)
    content = render_network(graph, fmt, colour_by)
    if output:
        size = write_output(output, content)
        click.echo(
            f"Wrote {output} ({size} bytes; {graph.number_of_nodes()} nodes, "
            f"{graph.number_of_edges()} links)",
            err=True,
        )
    else:
        click.echo(content, nl=False)


def main() -> None:
    """Entry point of the ``cislib`` console script."""
    try:
        cli(obj={})
    except BrokenPipeError:
        # The reader of our output went away (``cislib export | head``): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
