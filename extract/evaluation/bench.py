"""`make bench`: speed and memory of the pipeline against the bare base model.

Texts: the CMU dev synopses from ../shared replicated to the requested number of documents.
Numbers are printed, never asserted.
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import spacy
from rich.table import Table

from extract.io.inputs import Document, read_inputs
from extract.pipeline import STAGES, build_nlp
from extract.stages.cleanup import clean

CMU_DEV = Path("corpus/cmu-dev/plot_summaries.tsv")
ADVERSARIAL_SIZE = 1_000_000


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
