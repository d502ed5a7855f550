"""Durable JSONL writers for the five output files of a run: chunked commits and resume.

Records wait in memory until a commit, which appends them to every file, makes the files
durable (fsync), and only then records the committed byte length of each file in
`.progress.json` (written whole through a temporary file and a rename). A run killed at any
moment thus leaves files whose committed bytes are whole records of whole documents; what lies
beyond them is the chunk in flight, which the next run cuts off (`read_records` never reads
it). A run that ends cleanly removes `.progress.json`: files without one are complete.
"""

from __future__ import annotations

import contextlib
import json
import mmap
import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import jsonlines

OUTPUT_KINDS = ("documents", "characters", "events", "relations", "errors")
DOC_ID_KEY = "doc_id"
PROGRESS_FILE = ".progress.json"
CHUNK_DOCUMENTS = 100  # a commit after this many documents...
CHUNK_SECONDS = 5.0  # ...or once the oldest uncommitted record is this old

_REDONE_ON_RESUME = "errors"  # rewritten from the inputs by every resumed run
_encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
# line and paragraph separators are valid JSON but split lines for str.splitlines() readers
_ESCAPED_SEPARATORS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029"})

try:  # POSIX: one writer per output folder
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None


class OutputFolderError(Exception):
    """The output folder cannot be written or resumed (busy, or files shorter than recorded)."""


def encode_record(record: dict) -> bytes:
    """One compact UTF-8 JSON line; raises ValueError for NaN or infinite numbers."""
    return (_encode_json(record).translate(_ESCAPED_SEPARATORS) + "\n").encode("utf-8")


def read_records(path: Path) -> Iterator[dict]:
    """Yield the JSON objects of a JSONL file, one per line; of an output file of an
    unfinished run, only the committed ones.

    Raises `jsonlines.InvalidLineError` (a ValueError) for a line that is not a JSON object.
    """
    path = Path(path)
    committed = read_progress(path.parent).get(path.stem) if path.suffix == ".jsonl" else None
    with open(path, "rb") as file:
        lines = file if committed is None else _lines_within(file, committed)
        yield from jsonlines.Reader(lines).iter(type=dict)


def _lines_within(file: BinaryIO, length: int) -> Iterator[bytes]:
    """The lines of a file that end within its first `length` bytes."""
    read = 0
    for line in file:
        read += len(line)
        if read > length:
            return
        yield line


def read_progress(out_dir: Path) -> dict[str, int]:
    """The committed byte length of each output file of an unfinished run; {} when the run
    that wrote out_dir ended cleanly (or none did)."""
    try:
        return json.loads((Path(out_dir) / PROGRESS_FILE).read_text(encoding="utf-8"))["bytes"]
    except FileNotFoundError:
        return {}


class OutputWriter:
    """Writes the five JSONL files of a run into out_dir, committing them chunk by chunk.

    Without resume the files start empty. With resume=True they keep what the previous run
    committed (all of it, if that run ended cleanly), minus its errors, which the resumed run
    writes again as it rereads the inputs; `done_ids` holds the doc ids of the documents kept.
    """

    def __init__(
        self,
        out_dir: Path,
        resume: bool = False,
        chunk_documents: int = CHUNK_DOCUMENTS,
        chunk_seconds: float = CHUNK_SECONDS,
    ) -> None:
        self.out_dir = Path(out_dir)
        self.resume = resume
        self.chunk_documents = chunk_documents
        self.chunk_seconds = chunk_seconds
        self.done_ids: frozenset[str] = frozenset()
        self.committed_documents = 0
        self._lengths: dict[str, int] = {}
        self._chunk: dict[str, list[bytes]] = {kind: [] for kind in OUTPUT_KINDS}
        self._chunk_documents = 0
        self._chunk_started: float | None = None
        self._files: dict[str, BinaryIO] = {}
        self._folder_fd: int | None = None

    def add(self, records: dict[str, list[dict]]) -> None:
        """Add the records of one input item (a document's records by kind, or an error) to
        the chunk; commit the chunk when it holds enough documents or is old enough."""
        if not self._files:
            raise RuntimeError("OutputWriter.add() called outside its `with` block")
        unknown = records.keys() - set(OUTPUT_KINDS)
        if unknown:
            raise ValueError(f"unknown output kind {sorted(unknown)}; expected {OUTPUT_KINDS}")
        lines = {
            kind: [encode_record(record) for record in kind_records]
            for kind, kind_records in records.items()
        }
        for kind, kind_lines in lines.items():
            self._chunk[kind].extend(kind_lines)
        self._chunk_documents += len(records.get("documents", ()))
        if self._chunk_started is None:
            self._chunk_started = time.monotonic()
        if (
            self._chunk_documents >= self.chunk_documents
            or time.monotonic() - self._chunk_started >= self.chunk_seconds
        ):
            self.commit()

    def commit(self) -> None:
        """Append the chunk to the files, make them durable, then record their new lengths."""
        for kind, lines in self._chunk.items():
            if lines:
                file = self._files[kind]
                file.write(b"".join(lines))
                file.flush()
                os.fsync(file.fileno())
                self._lengths[kind] = file.tell()
                lines.clear()
        self.committed_documents += self._chunk_documents
        self._chunk_documents = 0
        self._chunk_started = None
        self._write_progress()

    def __enter__(self) -> OutputWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._lock_folder()
        try:
            self._lengths = self._kept_lengths()
            for kind in OUTPUT_KINDS:
                path = self._path(kind)
                path.touch()
                os.truncate(path, self._lengths[kind])
            self.done_ids = self._ids_of_kept_documents()
            self.committed_documents = len(self.done_ids)
            for kind in OUTPUT_KINDS:
                self._files[kind] = open(self._path(kind), "ab")
                self._files[kind].seek(0, os.SEEK_END)
            self._write_progress()
        except BaseException:
            self._close()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        """On a clean end, commit the last chunk and mark the files complete; after an
        exception, keep what was committed (the chunk in flight is dropped)."""
        try:
            if exc_type is None:
                self.commit()
                (self.out_dir / PROGRESS_FILE).unlink()
                self._fsync_folder()
        finally:
            self._close()

    def _path(self, kind: str) -> Path:
        return self.out_dir / f"{kind}.jsonl"

    def _kept_lengths(self) -> dict[str, int]:
        """The bytes of each file that this run keeps: none without resume; with it, those
        the previous run committed (of a complete file: up to its last line end)."""
        if not self.resume:
            return dict.fromkeys(OUTPUT_KINDS, 0)
        committed = read_progress(self.out_dir)
        lengths = {}
        for kind in OUTPUT_KINDS:
            path = self._path(kind)
            size = path.stat().st_size if path.exists() else 0
            length = committed.get(kind, _complete_lines_length(path) if size else 0)
            if length > size:
                raise OutputFolderError(
                    f"{path} is shorter than its {length} committed bytes; "
                    "run without --resume to start over"
                )
            lengths[kind] = length
        lengths[_REDONE_ON_RESUME] = 0
        return lengths

    def _ids_of_kept_documents(self) -> frozenset[str]:
        ids = (record.get(DOC_ID_KEY) for record in read_records(self._path("documents")))
        return frozenset(doc_id for doc_id in ids if isinstance(doc_id, str))

    def _write_progress(self) -> None:
        """Record the committed lengths: a whole new file renamed over the old one."""
        progress = {"documents": self.committed_documents, "bytes": self._lengths}
        temporary = self.out_dir / f"{PROGRESS_FILE}.tmp"
        with open(temporary, "w", encoding="utf-8") as file:
            json.dump(progress, file)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, self.out_dir / PROGRESS_FILE)
        self._fsync_folder()

    def _lock_folder(self) -> None:
        """Hold the folder for this run; another run on it is refused (POSIX only)."""
        if fcntl is None:
            return
        self._folder_fd = os.open(self.out_dir, os.O_RDONLY)
        try:
            fcntl.flock(self._folder_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._folder_fd)
            self._folder_fd = None
            raise OutputFolderError(f"another run is writing to {self.out_dir}") from None

    def _fsync_folder(self) -> None:
        """Persist renames and removals in the folder (POSIX only)."""
        if self._folder_fd is not None:
            os.fsync(self._folder_fd)

    def _close(self) -> None:
        for file in self._files.values():
            with contextlib.suppress(OSError):
                file.close()
        self._files.clear()
        if self._folder_fd is not None:
            os.close(self._folder_fd)  # releases the lock
            self._folder_fd = None


def _complete_lines_length(path: Path) -> int:
    """The length of a file up to and including its last line end (a cut last line is left
    out)."""
    with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return data.rfind(b"\n") + 1


def write_lines_atomically(path: Path, lines: Iterator[str]) -> None:
    """Write text lines to path through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(lines)
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
