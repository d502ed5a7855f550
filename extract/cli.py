"""The `extract` command: thin typer commands over the package's plain functions."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract.io.outputs import CHUNK_DOCUMENTS
from extract.pipeline import DEFAULT_MODEL

app = typer.Typer(
    help="Characters, events and relations from film plot synopses, as JSONL records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)
PIPED_WIDTH = 200  # columns of tables written to a file or a pipe, where no terminal says


def stdout_console() -> Console:
    """A console for tables: the terminal's width, or a wide one when output is piped."""
    return Console(width=None if sys.stdout.isatty() else PIPED_WIDTH)


class Backend(StrEnum):
    """Where `extract run` runs the pipeline."""

    local = "local"
    dask = "dask"


ModelOption = Annotated[str, typer.Option(help="spaCy base pipeline to load (package name).")]
ExplainOption = Annotated[
    bool, typer.Option(help="Add to the records the rules that made each decision.")
]
DisableRuleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--disable-rule",
        help="Switch a rule off (repeatable; names in models/rules/rules.tsv and "
        "person_evidence.tsv).",
    ),
]


def checked_rules(names: list[str] | None) -> list[str]:
    """The rule names to switch off; an unknown one is a usage error."""
    from extract.rules import RuleSet, UnknownRule

    try:
        return sorted(RuleSet(names or ()).disabled)
    except UnknownRule as error:
        raise typer.BadParameter(str(error), param_hint="--disable-rule") from None


@app.command()
def run(
    inputs: Annotated[
        list[str],
        typer.Argument(help=".txt, .tsv and .jsonl files, folders of them, or - for stdin."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder for the JSONL files.")],
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    model: ModelOption = DEFAULT_MODEL,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 32,
    chunk_size: Annotated[
        int, typer.Option(min=1, help="Documents per commit of the output files (or 5 s).")
    ] = CHUNK_DOCUMENTS,
    resume: Annotated[
        bool, typer.Option(help="Keep the documents already in the output, do the others.")
    ] = False,
    strict: Annotated[bool, typer.Option(help="Exit with 1 when any document failed.")] = False,
    explain: ExplainOption = False,
    disable_rule: DisableRuleOption = None,
    ids: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="Only the documents of these ids (a file, one a line).",
        ),
    ] = None,
    backend: Annotated[
        Backend, typer.Option(help="local: processes on this machine; dask: a Dask cluster.")
    ] = Backend.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Address of a Dask scheduler (--backend dask); "
            "default: a local cluster of --workers processes."
        ),
    ] = None,
) -> None:
    """Extract characters, events and relations from synopses into JSONL files in OUT."""
    from extract.io.inputs import count_inputs
    from extract.io.outputs import OutputFolderError
    from extract.run.backends import DaskMissing
    from extract.run.batch import run_batch

    disabled = checked_rules(disable_rule)
    if scheduler is not None and backend is not Backend.dask:
        raise typer.BadParameter("only with --backend dask", param_hint="--scheduler")
    show_progress = sys.stderr.isatty()
    with Progress(
        TextColumn("extract"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=stderr,
        disable=not show_progress,
        transient=True,
    ) as progress:
        task = progress.add_task("documents", total=count_inputs(inputs) if show_progress else None)
        try:
            summary = run_batch(
                inputs,
                out,
                model=model,
                workers=workers,
                batch_size=batch_size,
                chunk_size=chunk_size,
                resume=resume,
                explain=explain,
                disabled_rules=disabled,
                only_ids=frozenset(ids.read_text(encoding="utf-8").split()) if ids else None,
                backend=backend.value,
                scheduler=scheduler,
                stdin=sys.stdin.buffer,
                on_progress=lambda: progress.advance(task),
            )
        except (OutputFolderError, DaskMissing) as error:
            stderr.print(f"error: {error}", highlight=False)
            raise typer.Exit(2) from None
    stderr.print(summary.line(), highlight=False)
    if strict and summary.errors:
        raise typer.Exit(1)


@app.command("clean")
def clean_command(
    file: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="A synopsis .txt file.")
    ],
) -> None:
    """Print the cleaned text of one synopsis."""
    from extract.io.inputs import InputError, read_inputs
    from extract.stages.cleanup import clean

    for item in read_inputs([str(file)]):
        if isinstance(item, InputError):
            stderr.print(f"error: {item.source}: {item.message}", highlight=False)
            raise typer.Exit(1)
        typer.echo(clean(item.text).text)


@app.command()
def show(
    file: Annotated[Path, typer.Argument(exists=True, help="A synopsis (.txt, .tsv or .jsonl).")],
    model: ModelOption = DEFAULT_MODEL,
    explain: ExplainOption = False,
    disable_rule: DisableRuleOption = None,
) -> None:
    """Print the characters, events and relations of synopses as tables; with --explain, also
    why: the clues of each named character, the rule of each mention, event and relation."""
    from extract.io.inputs import InputError, read_inputs
    from extract.io.records import document_records
    from extract.pipeline import build_nlp, process_documents
    from extract.views.tables import record_tables

    console = stdout_console()
    items = list(read_inputs([str(file)]))
    for item in items:
        if isinstance(item, InputError):
            stderr.print(f"error: {item.source}: {item.message}", highlight=False)
    documents = [item for item in items if not isinstance(item, InputError)]
    nlp = build_nlp(model, checked_rules(disable_rule))
    for processed in process_documents(nlp, documents):
        records = document_records(processed.document, processed.doc, explain)
        for table in record_tables(records, explain):
            console.print(table)


RunFolder = Annotated[
    Path, typer.Argument(exists=True, file_okay=False, help="The output folder of `extract run`.")
]


class GraphFormat(StrEnum):
    """The file formats of `extract graph`."""

    gexf = "gexf"
    graphml = "graphml"
    json = "json"
    png = "png"
    svg = "svg"


def read_run_or_exit(out: Path):
    """The records of a run; a folder without them is an error."""
    from extract.views.stories import RunNotFound, read_run

    try:
        return read_run(out)
    except RunNotFound as missing:
        stderr.print(f"error: {missing}", highlight=False)
        raise typer.Exit(1) from None


@app.command()
def html(out: RunFolder) -> None:
    """Write OUT/html/: a page per document (its text with every character's mentions marked,
    characters, network, events, relations) and index.html."""
    from extract.views.html import write_html

    summary = write_html(read_run_or_exit(out), out / "html")
    stderr.print(f"{summary.pages} pages written; open {summary.index}", highlight=False)


@app.command()
def graph(
    out: RunFolder,
    graph_format: Annotated[
        GraphFormat, typer.Option("--format", "-f", help="File format of the graphs.")
    ] = GraphFormat.gexf,
    corpus: Annotated[
        bool, typer.Option(help="Also one graph of all documents, OUT/corpus.FORMAT.")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, help="Processes drawing PNG or SVG.")] = 2,
) -> None:
    """Write OUT/graph/DOC_ID.FORMAT: each document's character network (networkx), nodes the
    characters, edges their relations and interaction events."""
    from extract.views.graph import DRAWN_FORMATS, corpus_graph, write_graph, write_graphs

    if corpus and graph_format.value in DRAWN_FORMATS:
        raise typer.BadParameter(
            "a drawing of every document's characters is unreadable: use gexf, graphml or json",
            param_hint="--corpus",
        )
    run = read_run_or_exit(out)
    paths = write_graphs(run, out / "graph", graph_format.value, workers)
    stderr.print(f"{len(paths)} graphs written to {out / 'graph'}", highlight=False)
    if corpus:
        path = out / f"corpus.{graph_format.value}"
        write_graph(corpus_graph(run.stories), path, graph_format.value)
        stderr.print(f"corpus graph written to {path}", highlight=False)


@app.command("eval")
def eval_command(
    outputs: Annotated[
        list[Path], typer.Argument(help="Output folders of `extract run` (records merged).")
    ],
    gold: Annotated[
        list[Path] | None,
        typer.Option(help="Folder of gold .json files (repeatable: one column per folder)."),
    ] = None,
    errors: Annotated[
        bool, typer.Option(help="Also list every false and missed item with its sentence.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Precision, recall and F1 of characters, relations and events against gold files, per
    gold folder and, for several, together."""
    from extract.evaluation.gold import evaluate_sets
    from extract.views.tables import error_table, evaluation_table

    folders = gold or [Path("../shared/gold/cmu-dev")]
    missing = [folder for folder in folders if not folder.is_dir()]
    if missing:
        stderr.print(f"eval skipped: gold folder {missing[0]} not found", highlight=False)
        raise typer.Exit(1)
    evaluations = evaluate_sets(folders, outputs)
    if as_json:
        typer.echo(json.dumps({name: e.as_dict() for name, e in evaluations.items()}, indent=2))
        return
    console = stdout_console()
    console.print(evaluation_table(evaluations))
    if errors:
        console.print(error_table(list(evaluations.values())[-1]))


@app.command("eval-cast")
def eval_cast_command(
    outputs: Annotated[
        list[Path], typer.Argument(help="Output folders of `extract run` over the corpus.")
    ],
    corpus: Annotated[Path, typer.Option(help="plots.jsonl with each film's cast list.")] = Path(
        "../shared/corpus/wikiplots/plots.jsonl"
    ),
    errors: Annotated[bool, typer.Option(help="Also list each actor reported.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Of the cast-list actors whose full name appears in a plot, the share reported as one
    of its characters (an actor is never a character)."""
    from extract.evaluation.cast import check_cast
    from extract.views.tables import cast_table

    if not corpus.is_file():
        stderr.print(f"eval-cast skipped: {corpus} not found", highlight=False)
        raise typer.Exit(1)
    result = check_cast(corpus, outputs)
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        stdout_console().print(cast_table(result, errors))


@app.command("eval-litbank")
def eval_litbank_command(
    litbank: Annotated[Path, typer.Option(help="The LitBank folder.")] = Path("../shared/litbank"),
    model: ModelOption = DEFAULT_MODEL,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """Named characters of the LitBank excerpts against its person and coreference
    annotations: P/R/F1, gender, and a baseline of the base model's PERSON entities."""
    from extract.evaluation.litbank import read_litbank, score_litbank
    from extract.pipeline import build_nlp
    from extract.views.tables import litbank_table

    if not (litbank / "coref" / "conll").is_dir():
        stderr.print(f"eval-litbank skipped: {litbank}/coref/conll not found", highlight=False)
        raise typer.Exit(1)
    scores = score_litbank(build_nlp(model), read_litbank(litbank))
    if as_json:
        typer.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        stdout_console().print(litbank_table(scores))


@app.command("eval-gap")
def eval_gap_command(
    tsv: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="A GAP .tsv file.")],
    predictions: Annotated[
        Path | None, typer.Option(help="Also write the decisions in the official scorer's format.")
    ] = None,
    model: ModelOption = DEFAULT_MODEL,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
) -> None:
    """GAP coreference: F1 overall, masculine, feminine and bias, snippet-context."""
    from extract.evaluation.gap import predict, prediction_lines, read_gap, score
    from extract.io.outputs import write_lines_atomically
    from extract.pipeline import build_nlp
    from extract.views.tables import gap_table

    rows = list(read_gap(tsv))
    decisions = predict(build_nlp(model), rows)
    scores = score(rows, decisions)
    if predictions is not None:
        write_lines_atomically(predictions, prediction_lines(decisions))
    if as_json:
        typer.echo(json.dumps(scores.as_dict(), indent=2))
    else:
        stdout_console().print(gap_table(tsv.name, len(rows), scores))


@app.command()
def capabilities(
    model: ModelOption = DEFAULT_MODEL,
    failures: Annotated[bool, typer.Option(help="Also list every text that failed.")] = False,
) -> None:
    """Pass rate of each capability template, per culture of the names that fill it."""
    from extract.evaluation.capabilities import run_capabilities
    from extract.pipeline import build_nlp
    from extract.views.tables import capability_table

    try:
        results = run_capabilities(build_nlp(model))
    except ModuleNotFoundError as missing:  # faker comes with the test extra
        stderr.print(f"capabilities need {missing.name}: pip install 'extract[test]'")
        raise typer.Exit(1) from None
    stdout_console().print(capability_table(results, failures))


@app.command()
def ablation(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    rule: Annotated[
        list[str] | None, typer.Option(help="Only these rules (repeatable); default: all.")
    ] = None,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Per rule, the change in every evaluation measure when it is switched off."""
    from extract.evaluation.ablation import run_ablation
    from extract.views.tables import ablation_table

    rules = checked_rules(rule)
    if not shared.is_dir():
        stderr.print(f"ablation skipped: {shared} not found", highlight=False)
        return
    result = run_ablation(shared, rules or None, model=model, workers=workers)
    Console(width=None if sys.stdout.isatty() else 250).print(ablation_table(result))


@app.command("fit-weights")
def fit_weights(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    write: Annotated[
        bool, typer.Option(help="Write the fitted weights into the table if they win everywhere.")
    ] = False,
    model: ModelOption = DEFAULT_MODEL,
) -> None:
    """Refit the person-evidence clue weights on the gold (cmu-dev, wikiplots-dev, LitBank) and
    compare them with the hand weights under cross-validation."""
    from extract.evaluation.weights import WEIGHTS_TABLE, run_fit, wins_everywhere, write_weights
    from extract.views.tables import fit_table

    if not (shared / "gold").is_dir() or not (shared / "litbank").is_dir():
        stderr.print(f"fit-weights skipped: the gold of {shared} not found", highlight=False)
        return
    report = run_fit(shared, model=model)
    stdout_console().print(fit_table(report))
    if not write:
        return
    if not wins_everywhere(report):
        stderr.print("not written: the fitted weights lose on a set", highlight=False)
        raise typer.Exit(1)
    write_weights(report.weights)
    stderr.print(f"written to {WEIGHTS_TABLE}", highlight=False)


@app.command()
def bench(
    shared: Annotated[Path, typer.Option(help="The shared data folder.")] = Path("../shared"),
    documents: Annotated[int, typer.Option(min=1, help="Documents to time.")] = 1000,
    memory_size: Annotated[
        list[int] | None,
        typer.Option(help="Documents of a run whose peak memory is measured (repeatable).", min=1),
    ] = None,
    memory_workers: Annotated[int, typer.Option(min=1, help="Workers of those runs.")] = 2,
    batch_size: Annotated[int, typer.Option(min=1)] = 32,
    model: ModelOption = DEFAULT_MODEL,
    views_only: Annotated[bool, typer.Option(help="Time only the HTML and graph views.")] = False,
    run: Annotated[
        Path | None,
        typer.Option(
            exists=True,
            file_okay=False,
            help="Time the views on the records of this run (default: the CMU dev synopses).",
        ),
    ] = None,
    view_documents: Annotated[
        int, typer.Option(min=1, help="Documents whose HTML view and graphs are timed.")
    ] = 2000,
    drawing_workers: Annotated[
        int, typer.Option(min=1, help="Processes drawing PNG or SVG in the views' timing.")
    ] = 2,
) -> None:
    """Words/s of the full pipeline and of whole runs (1 and 2 workers, Dask) against the bare
    base model, stage costs, peak memory of runs of 2,000 and 20,000 documents, then the
    seconds of the HTML view and each graph format of 2,000 documents."""
    from extract.evaluation.bench import BenchDataMissing, run_bench, run_views_bench

    console = stdout_console()
    try:
        if not views_only:
            console.print(
                run_bench(
                    shared,
                    documents=documents,
                    memory_sizes=memory_size or [2000, 20000],
                    memory_workers=memory_workers,
                    batch_size=batch_size,
                    model=model,
                )
            )
        console.print(run_views_bench(shared, view_documents, run, drawing_workers, model))
    except BenchDataMissing as missing:
        stderr.print(f"bench skipped: {missing}", highlight=False)


if __name__ == "__main__":
    app()
