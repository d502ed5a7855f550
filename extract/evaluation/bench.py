"""`make bench`: speed and memory of the pipeline against the bare base model, and the time
the views take.

Texts: the CMU dev synopses from ../shared replicated to the requested number of documents;
for the views, their records (or those of a given run) replicated the same way. Numbers are
printed, never asserted.
"""

from __future__ import annotations

import json
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from rich.table import Table

from extract.io.inputs import Document, read_inputs
from extract.io.outputs import OUTPUT_KINDS, write_lines_atomically
from extract.io.records import document_records
from extract.pipeline import STAGES, build_nlp, process_documents
from extract.stages.cleanup import clean
from extract.views.graph import GRAPH_FORMATS, corpus_graph, write_graph, write_graphs
from extract.views.html import write_html
from extract.views.stories import Story, read_run

CMU_DEV = Path("corpus/cmu-dev/plot_summaries.tsv")
ADVERSARIAL_SIZE = 1_000_000
VIEWS_TARGET_SECONDS = 60  # for VIEWS_TARGET_DOCUMENTS (issue 21)
VIEWS_TARGET_DOCUMENTS = 2000


class BenchDataMissing(Exception):
    """The shared benchmark texts are not there."""


def run_bench(shared: Path, documents: int, batch_size: int, model: str) -> Table:
    """Words/s of the base model and of the full pipeline for 1 and 2 workers, the cost of
    each stage, cleanup throughput and peak memory, as one table."""
    texts = bench_texts(shared, documents)
    words = sum(len(text.split()) for text in texts)
    table = Table(
        title=f"extract bench: {len(texts)} documents, {words:,} words, batch {batch_size}"
    )
    for column in ("measure", "value", "note"):
        table.add_column(column)

    base = spacy.load(model)
    full = build_nlp(model)
    for workers in (1, 2):
        base_seconds = time_pipe(base, texts, workers, batch_size)
        full_seconds = time_pipe(full, texts, workers, batch_size)
        table.add_row(
            f"base model, {workers} worker(s)", f"{words / base_seconds:,.0f} words/s", ""
        )
        table.add_row(
            f"full pipeline, {workers} worker(s)",
            f"{words / full_seconds:,.0f} words/s",
            f"{full_seconds / base_seconds:.2f} x base time",
        )

    for stage, seconds, base_seconds in stage_costs(full, texts, batch_size):
        table.add_row(
            f"stage {stage}", f"{seconds:.2f} s", f"{100 * seconds / base_seconds:.1f}% of base"
        )

    started = time.perf_counter()
    for text in texts:
        clean(text)
    cleanup_seconds = time.perf_counter() - started
    table.add_row("cleanup alone", f"{words / cleanup_seconds:,.0f} words/s", "")
    table.add_row("cleanup, 1 MB adversarial markup", f"{adversarial_cleanup_seconds():.2f} s", "")

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    table.add_row("peak memory", f"{own:,.0f} MiB", f"largest worker process {children:,.0f} MiB")
    return table


def bench_texts(shared: Path, documents: int) -> list[str]:
    """The CMU dev synopses, repeated up to `documents` texts."""
    path = shared / CMU_DEV
    if not path.is_file():
        raise BenchDataMissing(f"{path} not found (the bench needs ../shared beside the project)")
    base = [item.text for item in read_inputs([str(path)]) if isinstance(item, Document)]
    return [base[i % len(base)] for i in range(max(documents, len(base)))]


def time_pipe(nlp, texts: list[str], workers: int, batch_size: int) -> float:
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, n_process=workers, batch_size=batch_size):
        pass
    return time.perf_counter() - started


def stage_costs(full, texts: list[str], batch_size: int) -> list[tuple[str, float, float]]:
    """(stage, seconds, base model seconds) for each of the project's stages, one process."""
    started = time.perf_counter()
    with full.select_pipes(disable=list(STAGES)):
        docs = list(full.pipe(texts, batch_size=batch_size))
    base_seconds = time.perf_counter() - started
    costs = []
    for stage in STAGES:
        component = full.get_pipe(stage)
        started = time.perf_counter()
        docs = [component(doc) for doc in docs]
        costs.append((stage, time.perf_counter() - started, base_seconds))
    return costs


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
