"""Atomic JSONL writers for the five output files of a run, with resume support.

Records go to temporary files in the output folder; only a clean end of the `with` block
renames them onto `<kind>.jsonl`, so the files on disk are always complete: the previous ones
or the new ones. documents.jsonl is replaced last, so a run killed between the renames never
marks a document done whose other records are missing.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

import jsonlines

OUTPUT_KINDS = ("documents", "characters", "events", "relations", "errors")
DOC_ID_KEY = "doc_id"

_REPLACE_ORDER = ("characters", "events", "relations", "errors", "documents")
_NOT_CARRIED_ON_RESUME = frozenset({"errors"})
_dump_json_line = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), allow_nan=False
).encode


def read_records(path: Path) -> Iterator[dict]:
    """Yield the JSON objects of a JSONL file, one per line.

    Raises `jsonlines.InvalidLineError` (a ValueError) for a line that is not a JSON object.
    """
    with open(path, "rb") as file:
        yield from jsonlines.Reader(file).iter(type=dict)


def _read_previous_records(path: Path) -> Iterator[dict]:
    """Records of an earlier output file: none if it is missing, a malformed last line skipped.

    A malformed line anywhere else raises `jsonlines.InvalidLineError` (a ValueError).
    """
    if not path.exists():
        return
    with open(path, "rb") as file:
        reader = jsonlines.Reader(file)
        while True:
            try:
                record = reader.read(type=dict)
            except EOFError:
                return
            except jsonlines.InvalidLineError:
                if _is_exhausted(reader):
                    return
                raise
            yield record


def _is_exhausted(reader: jsonlines.Reader) -> bool:
    """True if the reader has no line left (it consumes the next line otherwise)."""
    try:
        reader.read(allow_none=True)
    except EOFError:
        return True
    except jsonlines.InvalidLineError:
        return False
    return False


def _doc_id_of(record: dict) -> str | None:
    doc_id = record.get(DOC_ID_KEY)
    return doc_id if isinstance(doc_id, str) else None


class OutputWriter:
    """Writes the five JSONL files of a run into out_dir atomically.

    With resume=True, `done_ids` holds the doc ids of the existing documents.jsonl, and the new
    files start with the existing records of those documents (old errors are dropped). An old
    file with a malformed line other than its last raises `jsonlines.InvalidLineError`.
    """

    def __init__(self, out_dir: Path, resume: bool = False) -> None:
        self.out_dir = Path(out_dir)
        self.resume = resume
        self.done_ids: frozenset[str] = frozenset()
        if resume:
            previous_documents = _read_previous_records(self._final_path("documents"))
            doc_ids = (_doc_id_of(record) for record in previous_documents)
            self.done_ids = frozenset(doc_id for doc_id in doc_ids if doc_id is not None)
        self._files: dict[str, BinaryIO] = {}
        self._writers: dict[str, jsonlines.Writer] = {}

    def write(self, kind: str, record: dict) -> None:
        """Append one record to the output of that kind."""
        if kind not in OUTPUT_KINDS:
            raise ValueError(f"unknown output kind {kind!r}; expected one of {OUTPUT_KINDS}")
        if kind not in self._writers:
            raise RuntimeError("OutputWriter.write() called outside its `with` block")
        self._writers[kind].write(record)

    def __enter__(self) -> OutputWriter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._remove_stale_temp_files()
        try:
            for kind in OUTPUT_KINDS:
                self._files[kind] = open(self._temp_path(kind), "xb")
                self._writers[kind] = jsonlines.Writer(self._files[kind], dumps=_dump_json_line)
                if self.resume and kind not in _NOT_CARRIED_ON_RESUME:
                    self._carry_over_done_records(kind)
        except BaseException:
            self._discard()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None:
            self._discard()
            return
        try:
            self._commit()
        except BaseException:
            self._discard()
            raise

    def _final_path(self, kind: str) -> Path:
        return self.out_dir / f"{kind}.jsonl"

    def _temp_path(self, kind: str) -> Path:
        return self.out_dir / f".{kind}.jsonl.tmp-{os.getpid()}"

    def _remove_stale_temp_files(self) -> None:
        for kind in OUTPUT_KINDS:
            for stale in self.out_dir.glob(f".{kind}.jsonl.tmp-*"):
                stale.unlink(missing_ok=True)

    def _carry_over_done_records(self, kind: str) -> None:
        for record in _read_previous_records(self._final_path(kind)):
            if _doc_id_of(record) in self.done_ids:
                self._writers[kind].write(record)

    def _commit(self) -> None:
        """Make the temp files durable, then rename each onto its final name."""
        for file in self._files.values():
            file.flush()
            os.fsync(file.fileno())
            file.close()
        for kind in _REPLACE_ORDER:
            os.replace(self._temp_path(kind), self._final_path(kind))
        self._fsync_out_dir()
        self._files.clear()
        self._writers.clear()

    def _discard(self) -> None:
        """Close and delete the temp files; the previous outputs stay as they were."""
        for file in self._files.values():
            with contextlib.suppress(OSError):
                file.close()
        for kind in OUTPUT_KINDS:
            self._temp_path(kind).unlink(missing_ok=True)
        self._files.clear()
        self._writers.clear()

    def _fsync_out_dir(self) -> None:
        """Persist the renames themselves (POSIX only; directories cannot be opened elsewhere)."""
        if os.name != "posix":
            return
        fd = os.open(self.out_dir, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


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
