"""`make bench`: speed and memory of the pipeline and of whole runs, and the time the views take.

Texts: the wikiplots plots from ../shared, replicated (with new ids) to the requested number of
documents. Speed: the bare base model against the full pipeline and the cost of each stage (one
process), then whole `extract run`s (reading, pipeline, records, durable writing) with 1 and 2
local workers and on a Dask LocalCluster of 2 workers. Memory: the peak resident memory of
`extract run` processes (with their workers) for each corpus size. Views: the records of the
CMU dev synopses (or of a given run) replicated the same way. Numbers are printed, never
asserted.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy
from rich.table import Table

from extract.io.inputs import Document, read_inputs
from extract.io.outputs import OUTPUT_KINDS, write_lines_atomically
from extract.io.records import document_records
from extract.pipeline import STAGES, build_nlp, process_documents
from extract.run.backends import DaskMissing
from extract.run.batch import run_batch
from extract.stages.cleanup import clean
from extract.views.graph import GRAPH_FORMATS, corpus_graph, write_graph, write_graphs
from extract.views.html import write_html
from extract.views.stories import Story, read_run

PLOTS = Path("corpus/wikiplots/plots.jsonl")
CMU_DEV = Path("corpus/cmu-dev/plot_summaries.tsv")
ADVERSARIAL_SIZE = 1_000_000
MEMORY_SAMPLE_SECONDS = 0.2
VIEWS_TARGET_SECONDS = 60  # for VIEWS_TARGET_DOCUMENTS (issue 21)
VIEWS_TARGET_DOCUMENTS = 2000


class BenchDataMissing(Exception):
    """The shared benchmark texts are not there."""


def run_bench(
    shared: Path,
    documents: int,
    memory_sizes: Sequence[int],
    memory_workers: int,
    batch_size: int,
    model: str,
    repeats: int = 3,
) -> Table:
    """Words/s of the base model, the full pipeline and whole runs; stage costs; cleanup
    throughput; peak memory of runs of each of `memory_sizes` documents, as one table. The
    base model and the pipeline are timed in turn `repeats` times, and the best of each
    counts: on a shared machine one timing alone moves by a third."""
    plots = read_plots(shared)
    texts = [plots[i % len(plots)] for i in range(documents)]
    words = sum(len(text.split()) for text in texts)
    table = Table(title=f"extract bench: {len(texts)} wikiplots documents, {words:,} words")
    for column in ("measure", "value", "note"):
        table.add_column(column)

    base, full = spacy.load(model), build_nlp(model)
    base_timings, full_timings = [], []
    for _ in range(repeats):
        base_timings.append(time_pipe(base, texts, batch_size))
        full_timings.append(time_pipe(full, texts, batch_size))
    base_seconds, full_seconds = min(base_timings), min(full_timings)
    table.add_row(
        "base model, 1 process", f"{words / base_seconds:,.0f} words/s", f"best of {repeats}"
    )
    table.add_row(
        "full pipeline, 1 process",
        f"{words / full_seconds:,.0f} words/s",
        f"{base_seconds / full_seconds:.2f} x base model's words/s",
    )
    for stage, seconds in stage_costs(full, texts, batch_size):
        table.add_row(
            f"stage {stage}", f"{seconds:.2f} s", f"{100 * seconds / base_seconds:.1f}% of base"
        )
    started = time.perf_counter()
    for text in texts:
        clean(text)
    cleanup_seconds = time.perf_counter() - started
    table.add_row("cleanup alone", f"{words / cleanup_seconds:,.0f} words/s", "")
    table.add_row("cleanup, 1 MB adversarial markup", f"{adversarial_cleanup_seconds():.2f} s", "")

    with tempfile.TemporaryDirectory(prefix="extract-bench-") as scratch:
        corpus = write_corpus(Path(scratch) / "plots.jsonl", plots, documents)
        one, two, dask = (
            time_run(corpus, Path(scratch) / name, batch_size, **options)
            for name, options in (
                ("one", {"workers": 1}),
                ("two", {"workers": 2}),
                ("dask", {"workers": 2, "backend": "dask"}),
            )
        )
        table.add_row(
            "extract run, 1 worker",
            f"{words / one:,.0f} words/s",
            f"{base_seconds / one:.2f} x base model's words/s",
        )
        table.add_row(
            "extract run, 2 workers", f"{words / two:,.0f} words/s", f"{one / two:.2f} x 1 worker"
        )
        if dask is not None:
            table.add_row(
                "extract run, Dask LocalCluster of 2",
                f"{words / dask:,.0f} words/s",
                f"{two / dask:.2f} x 2 local workers (cluster start-up included)",
            )
        for size in memory_sizes:
            path = write_corpus(Path(scratch) / f"memory-{size}.jsonl", plots, size)
            peak, main = peak_memory_of_run(path, Path(scratch) / f"out-{size}", memory_workers)
            table.add_row(
                f"peak memory, {size:,} documents",
                f"{peak:,.0f} MiB",
                f"extract run --workers {memory_workers}, all processes; main {main:,.0f} MiB",
            )
    return table


def read_plots(shared: Path) -> list[str]:
    path = shared / PLOTS
    if not path.is_file():
        raise BenchDataMissing(f"{path} not found (the bench needs ../shared beside the project)")
    with open(path, encoding="utf-8") as file:
        return [json.loads(line)["text"] for line in file if line.strip()]


def write_corpus(path: Path, plots: list[str], documents: int) -> Path:
    """A .jsonl of `documents` plots, the corpus repeated as often as needed."""
    lines = (
        json.dumps({"id": f"bench{number}", "text": plots[number % len(plots)]}) + "\n"
        for number in range(documents)
    )
    write_lines_atomically(path, lines)
    return path


def time_pipe(nlp, texts: list[str], batch_size: int) -> float:
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def time_run(corpus: Path, out: Path, batch_size: int, **options) -> float | None:
    """Seconds of a whole run, start-up included; None for Dask without the dask extra."""
    started = time.perf_counter()
    try:
        run_batch([str(corpus)], out, batch_size=batch_size, **options)
    except DaskMissing:
        return None
    return time.perf_counter() - started


def stage_costs(full, texts: list[str], batch_size: int) -> list[tuple[str, float]]:
    """(stage, seconds) for each of the project's stages, one process."""
    with full.select_pipes(disable=list(STAGES)):
        docs = list(full.pipe(texts, batch_size=batch_size))
    costs = []
    for stage in STAGES:
        component = full.get_pipe(stage)
        started = time.perf_counter()
        docs = [component(doc) for doc in docs]
        costs.append((stage, time.perf_counter() - started))
    return costs


def peak_memory_of_run(corpus: Path, out: Path, workers: int) -> tuple[float, float]:
    """The peak resident memory (MiB) of an `extract run` process with all its workers, and
    of the main process alone, sampled every 0.2 s (Linux /proc)."""
    command = [sys.executable, "-m", "extract", "run", str(corpus), "--out", str(out)]
    process = subprocess.Popen([*command, "--workers", str(workers)], stderr=subprocess.DEVNULL)
    peak = main = 0.0
    while process.poll() is None:
        peak = max(peak, sum(resident_mib(pid) for pid in process_tree(process.pid)))
        main = max(main, resident_mib(process.pid))
        time.sleep(MEMORY_SAMPLE_SECONDS)
    return peak, main


def process_tree(root: int) -> list[int]:
    """The process and all its descendants."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    tree, stack = [], [root]
    while stack:
        pid = stack.pop()
        tree.append(pid)
        stack.extend(children.get(pid, []))
    return tree


def resident_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def adversarial_cleanup_seconds() -> float:
    """Cleanup time of 1 MB of nested and unbalanced markup."""
    unit = "[[A {{b| ''c <ref>d [[e|f ( '''g {{h [http://x "
    text = (unit * (ADVERSARIAL_SIZE // len(unit) + 1))[:ADVERSARIAL_SIZE]
    started = time.perf_counter()
    clean(text)
    return time.perf_counter() - started


def run_views_bench(
    shared: Path, documents: int, run: Path | None, workers: int, model: str
) -> Table:
    """Seconds `extract html` and `extract graph` (each format, and the corpus graph) take on
    `documents` documents: the records of `run`, or of the CMU dev synopses, repeated under new
    ids. Each step reads the records from disk, as the command does; "under a minute" is for
    2,000 documents, at the rate measured."""
    stories = read_run(run).stories if run else cmu_dev_stories(shared, model)
    with tempfile.TemporaryDirectory(prefix="extract-bench-") as folder:
        out = Path(folder)
        write_stories(out, repeated_stories(stories, documents))
        source = f"records of {run}" if run else "records of the CMU dev synopses"
        table = Table(title=f"extract bench, views: {documents} documents ({source}, repeated)")
        for column in ("view", "seconds", "documents/s", "CPU seconds", "under a minute"):
            table.add_column(column)
        steps: dict[str, Callable[[], object]] = {
            "html": lambda: write_html(read_run(out), out / "html"),
            **{
                f"graph --format {graph_format}": lambda graph_format=graph_format: write_graphs(
                    read_run(out), out / "graph", graph_format, workers
                )
                for graph_format in GRAPH_FORMATS
            },
            "graph --corpus (gexf)": lambda: write_graph(
                corpus_graph(read_run(out).stories), out / "corpus.gexf", "gexf"
            ),
        }
        for name, step in steps.items():
            started, cpu_started = time.perf_counter(), cpu_seconds()
            step()
            seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
            within = seconds * VIEWS_TARGET_DOCUMENTS / documents < VIEWS_TARGET_SECONDS
            table.add_row(
                name,
                f"{seconds:.1f}",
                f"{documents / seconds:,.0f}",
                f"{cpu:.1f}",
                "yes" if within else "NO",
            )
    return table


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the drawing processes): on an
    idle machine, a step's seconds are about this over the processes it keeps busy."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cmu_dev_stories(shared: Path, model: str) -> list[Story]:
    """The records of the CMU dev synopses, extracted now."""
    path = shared / CMU_DEV
    if not path.is_file():
        raise BenchDataMissing(f"{path} not found (or give the records of a run: --run OUT)")
    items = [item for item in read_inputs([str(path)]) if isinstance(item, Document)]
    stories = []
    for processed in process_documents(build_nlp(model), items):
        records = document_records(processed.document, processed.doc)
        stories.append(
            Story(
                records["documents"][0],
                records["characters"],
                records["events"],
                records["relations"],
            )
        )
    return stories


def repeated_stories(stories: list[Story], documents: int) -> list[Story]:
    """`documents` stories, the given ones in turn; the n-th repeat of one gets `~n` on its id."""
    repeated = []
    for number in range(documents):
        story = stories[number % len(stories)]
        copy = number // len(stories)
        doc_id = f"{story.doc_id}~{copy}" if copy else story.doc_id
        repeated.append(
            Story(
                {**story.document, "doc_id": doc_id},
                *(
                    [{**record, "doc_id": doc_id} for record in records]
                    for records in (story.characters, story.events, story.relations)
                ),
            )
        )
    return repeated


def write_stories(out: Path, stories: list[Story]) -> None:
    """The five JSONL files of a run holding these stories."""
    records = {
        "documents": [story.document for story in stories],
        "characters": [c for story in stories for c in story.characters],
        "events": [e for story in stories for e in story.events],
        "relations": [r for story in stories for r in story.relations],
        "errors": [],
    }
    for kind in OUTPUT_KINDS:
        lines = (json.dumps(record, ensure_ascii=False) + "\n" for record in records[kind])
        write_lines_atomically(out / f"{kind}.jsonl", lines)
