"""A batch run: inputs -> a backend running the pipeline -> records -> the output folder,
committed chunk by chunk, with a summary."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from extract.io.inputs import Document, InputError, read_inputs
from extract.io.outputs import CHUNK_DOCUMENTS, CHUNK_SECONDS, OutputWriter
from extract.io.records import error_record
from extract.pipeline import DEFAULT_MODEL
from extract.run.backends import PipelineSpec, open_backend


@dataclass
class RunSummary:
    """Counts of one run."""

    documents: int = 0
    skipped: int = 0
    characters: int = 0
    events: int = 0
    relations: int = 0
    errors: int = 0
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        skipped = f" ({self.skipped} already done)" if self.skipped else ""
        return (
            f"{self.documents} documents{skipped}, {self.characters} characters, "
            f"{self.events} events, {self.relations} relations, {self.errors} errors "
            f"in {self.seconds:.1f} s ({self.words_per_second:,.0f} words/s)"
        )


@dataclass
class Batch:
    """Consecutive input items: the documents to process and, in input order, every item
    whose records go to the output (documents and input errors)."""

    items: list[Document | InputError]
    documents: list[Document]


def run_batch(
    inputs: Sequence[str],
    out_dir: Path,
    *,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    batch_size: int = 32,
    chunk_size: int = CHUNK_DOCUMENTS,
    chunk_seconds: float = CHUNK_SECONDS,
    resume: bool = False,
    explain: bool = False,
    disabled_rules: Sequence[str] = (),
    only_ids: frozenset[str] | None = None,
    backend: str = "local",
    scheduler: str | None = None,
    stdin: BinaryIO | None = None,
    on_progress: Callable[[], None] = lambda: None,
) -> RunSummary:
    """Process every input document into out_dir; bad documents become error records.

    Records are written in input order, whatever the backend and the number of workers, and
    committed every `chunk_size` documents or `chunk_seconds` seconds. With `resume`, the
    documents the output folder already holds are passed over. With `explain`, records say
    which rules made them; `disabled_rules` are switched off (models/rules/rules.tsv). With
    `only_ids`, the documents of other ids are passed over (as are their input errors).
    """
    started = time.perf_counter()
    summary = RunSummary()
    spec = PipelineSpec(model, tuple(sorted(disabled_rules)), explain)
    with (
        OutputWriter(
            out_dir, resume=resume, chunk_documents=chunk_size, chunk_seconds=chunk_seconds
        ) as writer,
        open_backend(backend, spec, workers, scheduler) as executor,
    ):

        def items_to_write() -> Iterator[Document | InputError]:
            for item in read_inputs(inputs, stdin):
                if only_ids is not None and item.doc_id not in only_ids:
                    on_progress()
                elif isinstance(item, Document) and item.doc_id in writer.done_ids:
                    summary.skipped += 1
                    on_progress()
                else:
                    yield item

        batches = list_batches(items_to_write(), batch_size)
        pending: deque[Batch] = deque()

        def documents_of_batches() -> Iterator[list[Document]]:
            for batch in batches:
                pending.append(batch)
                yield batch.documents

        for results in executor.map_batches(documents_of_batches()):
            batch = pending.popleft()
            document_results = iter(results)
            for item in batch.items:
                if isinstance(item, InputError):
                    records = {"errors": [error_record(item)]}
                else:
                    result = next(document_results)
                    records = result.records
                    summary.words += result.words
                writer.add(records)
                count(summary, records)
                on_progress()
    summary.seconds = time.perf_counter() - started
    return summary


def list_batches(items: Iterable[Document | InputError], batch_size: int) -> Iterator[Batch]:
    """Consecutive items in batches of `batch_size` (input errors travel with the documents
    around them)."""
    batch = Batch([], [])
    for item in items:
        batch.items.append(item)
        if isinstance(item, Document):
            batch.documents.append(item)
        if len(batch.items) == batch_size:
            yield batch
            batch = Batch([], [])
    if batch.items:
        yield batch


def count(summary: RunSummary, records: dict[str, list[dict]]) -> None:
    summary.documents += len(records.get("documents", ()))
    summary.characters += len(records.get("characters", ()))
    summary.events += len(records.get("events", ()))
    summary.relations += len(records.get("relations", ()))
    summary.errors += len(records.get("errors", ()))
