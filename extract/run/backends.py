"""Where the pipeline runs: in this process, in local worker processes, or on a Dask cluster.

Every backend takes batches of documents in input order and yields, batch by batch in the same
order, the records of each document, so that the one writer sees the same stream whatever the
backend and the number of workers. Each worker process loads the pipeline once
(`load_pipeline`) and sends back records, not Docs.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Protocol

from spacy.language import Language

from extract.io.inputs import Document, InputError
from extract.io.records import document_records, error_record
from extract.pipeline import build_nlp, process_documents

BACKENDS = ("local", "dask")
BATCHES_AHEAD_PER_WORKER = 2  # batches sent ahead of the writer, per worker: memory stays flat
PARENT_CHECK_SECONDS = 1.0  # how often a local worker checks that its run is still alive


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker needs to build the pipeline and the records (sent along with each batch)."""

    model: str
    disabled_rules: tuple[str, ...] = ()
    explain: bool = False


@dataclass(frozen=True)
class DocumentResult:
    """The records of one document by kind (or its `empty` error) and its word count."""

    records: dict[str, list[dict]]
    words: int


_pipelines: dict[tuple[str, tuple[str, ...]], Language] = {}
_pipelines_lock = threading.Lock()


def load_pipeline(model: str, disabled_rules: tuple[str, ...]) -> Language:
    """The pipeline of this process for that model and rules, built on first use."""
    with _pipelines_lock:
        key = (model, disabled_rules)
        if key not in _pipelines:
            _pipelines[key] = build_nlp(model, disabled_rules)
        return _pipelines[key]


def process_batch(spec: PipelineSpec, documents: list[Document]) -> list[DocumentResult]:
    """The records of each document of a batch, in order, by this process's pipeline."""
    nlp = load_pipeline(spec.model, spec.disabled_rules)
    results = []
    for processed in process_documents(nlp, documents, batch_size=max(len(documents), 1)):
        document, doc = processed.document, processed.doc
        if len(doc) == 0:
            results.append(DocumentResult({"errors": [empty_after_cleanup(document)]}, 0))
        else:
            records = document_records(document, doc, spec.explain)
            results.append(DocumentResult(records, len(doc.text.split())))
    return results


def empty_after_cleanup(document: Document) -> dict:
    return error_record(
        InputError(
            source=document.source,
            doc_id=document.doc_id,
            error="empty",
            message="nothing is left of the text once wiki markup is removed",
        )
    )


class Executor(Protocol):
    """What every backend does: batches of documents in, their results out, in order."""

    def map_batches(self, batches: Iterable[list[Document]]) -> Iterator[list[DocumentResult]]:
        """The results of each batch, in the order of the batches."""


class _Finished:
    """A result already at hand, with the `result()` of a future."""

    def __init__(self, value: list[DocumentResult]) -> None:
        self.value = value

    def result(self) -> list[DocumentResult]:
        return self.value


def in_order(
    submit: Callable[[list[Document]], object], batches: Iterable[list[Document]], ahead: int
) -> Iterator[list[DocumentResult]]:
    """Submit batches, at most `ahead` of the one awaited, and yield their results in order
    as each oldest one completes (the later ones wait in their futures)."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch) if batch else _Finished([]))
        if len(pending) > ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class InProcessBackend:
    """One worker: this process."""

    def __init__(self, spec: PipelineSpec) -> None:
        self.spec = spec

    def map_batches(self, batches: Iterable[list[Document]]) -> Iterator[list[DocumentResult]]:
        for batch in batches:
            yield process_batch(self.spec, batch) if batch else []


class ProcessPoolBackend:
    """Local worker processes (spawned: each imports the package and loads the pipeline)."""

    def __init__(self, spec: PipelineSpec, pool: ProcessPoolExecutor, workers: int) -> None:
        self.spec, self.pool, self.workers = spec, pool, workers

    def map_batches(self, batches: Iterable[list[Document]]) -> Iterator[list[DocumentResult]]:
        def submit(batch: list[Document]):
            return self.pool.submit(process_batch, self.spec, batch)

        yield from in_order(submit, batches, BATCHES_AHEAD_PER_WORKER * self.workers)


class DaskBackend:
    """The workers of a Dask cluster; batches go out as tasks, records come back."""

    def __init__(self, spec: PipelineSpec, client) -> None:
        self.spec, self.client = spec, client

    def map_batches(self, batches: Iterable[list[Document]]) -> Iterator[list[DocumentResult]]:
        threads = sum(self.client.nthreads().values()) or 1

        def submit(batch: list[Document]):
            return self.client.submit(process_batch, self.spec, batch, pure=False)

        yield from in_order(submit, batches, BATCHES_AHEAD_PER_WORKER * threads)


class DaskMissing(ImportError):
    """The Dask backend was asked for without the `dask` extra installed."""


@contextlib.contextmanager
def open_backend(
    name: str, spec: PipelineSpec, workers: int, scheduler: str | None = None
) -> Iterator[Executor]:
    """The backend of that name for the run, shut down on leaving: `local` (this process for
    one worker, else a pool of processes) or `dask` (the cluster at `scheduler`, else a
    LocalCluster of `workers` processes on this machine)."""
    if name == "dask":
        with _dask_client(workers, scheduler) as client:
            yield DaskBackend(spec, client)
    elif name != "local":
        raise ValueError(f"unknown backend {name!r}; expected one of {BACKENDS}")
    elif workers == 1:
        yield InProcessBackend(spec)
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=exit_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            yield ProcessPoolBackend(spec, pool, workers)


def exit_with_parent(parent: int) -> None:
    """Worker initializer: a worker whose run was killed (`kill -9` leaves no one to stop it)
    exits within a second or so instead of lingering with its pipeline in memory."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


@contextlib.contextmanager
def _dask_client(workers: int, scheduler: str | None) -> Iterator:
    try:
        from distributed import Client, LocalCluster
    except ImportError as missing:
        raise DaskMissing("the dask backend needs: pip install 'extract[dask]'") from missing
    if scheduler is not None:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client
