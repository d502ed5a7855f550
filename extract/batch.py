"""A batch run: inputs -> pipeline -> records -> the output folder, with a summary."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from extract.io.inputs import Document, InputError, read_inputs
from extract.io.outputs import OutputWriter
from extract.io.records import document_records, error_record
from extract.pipeline import DEFAULT_MODEL, build_nlp, process_documents


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


def run_batch(
    inputs: Sequence[str],
    out_dir: Path,
    *,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    batch_size: int = 32,
    resume: bool = False,
    explain: bool = False,
    disabled_rules: Sequence[str] = (),
    only_ids: frozenset[str] | None = None,
    stdin: BinaryIO | None = None,
    on_progress: Callable[[], None] = lambda: None,
) -> RunSummary:
    """Process every input document into out_dir; bad documents become error records.

    Errors are written after the documents, in input order, so the output does not depend on
    how far ahead the worker processes read. With `explain`, records say which rules made
    them; `disabled_rules` are switched off (models/rules/rules.tsv). With `only_ids`, the
    documents of other ids are passed over (as are their input errors).
    """
    started = time.perf_counter()
    summary = RunSummary()
    nlp = build_nlp(model, disabled_rules)
    errors: list[tuple[int, dict]] = []
    with OutputWriter(out_dir, resume=resume) as writer:
        position_of: dict[str, int] = {}

        def documents_to_process() -> Iterator[Document]:
            for position, item in enumerate(read_inputs(inputs, stdin)):
                if only_ids is not None and item.doc_id not in only_ids:
                    on_progress()
                elif isinstance(item, InputError):
                    errors.append((position, error_record(item)))
                    on_progress()
                elif item.doc_id in writer.done_ids:
                    summary.skipped += 1
                    on_progress()
                else:
                    position_of[item.doc_id] = position
                    yield item

        for processed in process_documents(nlp, documents_to_process(), workers, batch_size):
            document, doc = processed.document, processed.doc
            on_progress()
            if len(doc) == 0:
                errors.append((position_of[document.doc_id], empty_after_cleanup(document)))
                continue
            records = document_records(document, doc, explain)
            for kind, kind_records in records.items():
                for record in kind_records:
                    writer.write(kind, record)
            summary.documents += 1
            summary.characters += len(records["characters"])
            summary.events += len(records["events"])
            summary.relations += len(records["relations"])
            summary.words += len(doc.text.split())
        for _position, record in sorted(errors, key=lambda pair: pair[0]):
            writer.write("errors", record)
    summary.errors = len(errors)
    summary.seconds = time.perf_counter() - started
    return summary


def empty_after_cleanup(document: Document) -> dict:
    return error_record(
        InputError(
            source=document.source,
            doc_id=document.doc_id,
            error="empty",
            message="nothing is left of the text once wiki markup is removed",
        )
    )
