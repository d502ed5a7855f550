"""Input readers: .txt files, folders, .tsv, .jsonl and stdin -> documents or input errors.

Every problem with one document or file becomes an `InputError` and reading goes on with the
next one; `read_inputs` never raises for bad input.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

STDIN_PATH = "-"
STDIN_DOC_ID = "stdin"
STDIN_SOURCE = "<stdin>"

_MAX_CONTROL_SHARE = 0.10  # more control characters than this: binary, not text
# the control characters (C0, DEL, C1) that are not whitespace of a text
_STRAY_CONTROLS = dict.fromkeys(
    [code for code in (*range(32), *range(127, 160)) if chr(code) not in "\t\n\r\f"]
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
SUPPORTED_SUFFIXES = (".txt", ".tsv", ".jsonl")


@dataclass(frozen=True)
class Document:
    """One synopsis as read: raw decoded text, not cleaned up."""

    doc_id: str
    source: str
    text: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class InputError:
    """A document or file that could not be read; `error` is a short code."""

    source: str
    doc_id: str | None
    error: str
    message: str


# undecodable UTF-16 becomes NUL, which then counts, and goes, as a control character
_UNDECODABLE_AS_NUL = "extract.undecodable-as-nul"
codecs.register_error(_UNDECODABLE_AS_NUL, lambda error: ("\x00", error.end))


class BinaryInput(ValueError):
    """Raised by `decode_bytes` for data that looks binary rather than text."""


class _BadLine(ValueError):
    """A .tsv/.jsonl line that does not hold an id and a text."""


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode text bytes, returning the text and warnings about the encoding used and about
    stray control characters (NUL and the like), which are removed.

    UTF-16 with a BOM and UTF-8 (BOM stripped) decode without warning; anything else falls back
    to cp1252, then latin-1, with a warning. Raises `BinaryInput` for data that is mostly
    undecodable or control characters (more than 10%), whatever the encoding.
    """
    text, warnings = _decode(data)
    text, control_warnings = remove_stray_controls(text)
    return text, warnings + control_warnings


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode BOM-marked UTF-16, else UTF-8 (BOM stripped), else cp1252, else latin-1."""
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), ()
        except UnicodeDecodeError:
            text = data.decode("utf-16", errors=_UNDECODABLE_AS_NUL)
            return text, ("invalid UTF-16: undecodable bytes removed",)
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ("not valid UTF-8: decoded as cp1252",)
    except UnicodeDecodeError:
        return data.decode("latin-1"), ("not valid UTF-8: decoded as latin-1",)


def remove_stray_controls(text: str) -> tuple[str, tuple[str, ...]]:
    """The text without its control characters other than tab, line ends and form feed,
    with a warning saying how many went; `BinaryInput` if they are more than 10% of it."""
    cleaned = text.translate(_STRAY_CONTROLS)
    removed = len(text) - len(cleaned)
    if not removed:
        return text, ()
    if removed > _MAX_CONTROL_SHARE * len(text):
        raise BinaryInput(f"{removed} of {len(text)} characters are control characters")
    return cleaned, (f"{removed} control characters (NUL or the like) removed",)


def read_inputs(
    paths: Sequence[str], stdin: BinaryIO | None = None
) -> Iterator[Document | InputError]:
    """Yield the documents of all inputs in order, one at a time, with an error for each problem.

    A doc id already read earlier in this call gives a `duplicate_id` error; the first is kept.
    """
    first_source_by_id: dict[str, str] = {}
    for path in paths:
        for item in _read_path(path, stdin):
            item = _with_printable_names(item)
            if isinstance(item, Document) and item.doc_id in first_source_by_id:
                item = InputError(
                    item.source,
                    item.doc_id,
                    "duplicate_id",
                    f"Document id {item.doc_id!r} was already read from "
                    f"{first_source_by_id[item.doc_id]}; this one is skipped.",
                )
            elif isinstance(item, Document):
                first_source_by_id[item.doc_id] = item.source
            yield item


def _with_printable_names(item: Document | InputError) -> Document | InputError:
    """The item with the bytes of a file name that are not UTF-8 shown as U+FFFD."""
    if _is_encodable(item.source) and (item.doc_id is None or _is_encodable(item.doc_id)):
        return item
    source = os.fsencode(item.source).decode("utf-8", errors="replace")
    doc_id = None if item.doc_id is None else os.fsencode(item.doc_id).decode("utf-8", "replace")
    return replace(item, source=source, doc_id=doc_id)


def count_inputs(paths: Sequence[str]) -> int | None:
    """Roughly how many items `read_inputs` will yield (for a progress bar); None with stdin."""
    if STDIN_PATH in paths:
        return None
    return sum(_count_path(path) for path in paths)


def _count_path(path: str) -> int:
    if os.path.isdir(path):
        files, walk_errors = _files_in(path)
        return sum(_count_file(file) for file in files) + len(walk_errors)
    return _count_file(path)


def _count_file(path: str) -> int:
    if _suffix(path) in _TABLE_PARSERS and os.path.isfile(path):
        try:
            return sum(1 for _, line in _numbered_lines(path) if line.strip())
        except OSError:
            return 1
    return 1


def _read_path(path: str, stdin: BinaryIO | None) -> Iterator[Document | InputError]:
    """Yield the documents and errors of one input path."""
    if path == STDIN_PATH:
        yield _read_stdin(stdin if stdin is not None else sys.stdin.buffer)
    elif os.path.isdir(path):
        yield from _read_folder(path)
    elif not os.path.exists(path):
        yield InputError(path, None, "not_found", f"{path} does not exist.")
    else:
        yield from _read_file(path)


def _read_file(path: str) -> Iterator[Document | InputError]:
    """The documents of a file, by its suffix; an `unsupported` error for another suffix."""
    if _suffix(path) == ".txt":
        yield _read_txt(path)
    elif _suffix(path) in _TABLE_PARSERS:
        yield from _read_table(path, _TABLE_PARSERS[_suffix(path)])
    else:
        yield _unsupported(
            path,
            f"{path} is not a supported input: expected a .txt, .tsv or .jsonl file, "
            f"a folder, or '{STDIN_PATH}' for stdin.",
        )


def _suffix(path: str) -> str:
    return Path(path).suffix.lower()


def _read_stdin(stdin: BinaryIO) -> Document | InputError:
    try:
        data = stdin.read()
    except OSError as exc:
        return _unreadable(STDIN_SOURCE, STDIN_DOC_ID, exc)
    return _document(STDIN_SOURCE, STDIN_DOC_ID, data)


def _read_txt(path: str) -> Document | InputError:
    doc_id = Path(path).stem
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return _unreadable(path, doc_id, exc)
    return _document(path, doc_id, data)


def _document(source: str, doc_id: str, data: bytes) -> Document | InputError:
    """Decode one whole document, or describe why it cannot be used."""
    text, warnings = _decode(data)
    return _checked_document(source, doc_id, text, warnings)


def _checked_document(
    source: str, doc_id: str, text: str, warnings: tuple[str, ...]
) -> Document | InputError:
    """The document without stray control characters; an error if it is binary or empty."""
    try:
        text, control_warnings = remove_stray_controls(text)
    except BinaryInput:
        return _binary(source, doc_id)
    if not text.strip():
        return InputError(source, doc_id, "empty", f"{source} has no text (empty or whitespace).")
    return Document(doc_id, source, text, warnings + control_warnings)


def _binary(source: str, doc_id: str | None) -> InputError:
    return InputError(source, doc_id, "binary", f"{source} looks like binary data, not text.")


def _unreadable(source: str, doc_id: str | None, exc: OSError) -> InputError:
    reason = exc.strerror or str(exc)
    return InputError(source, doc_id, "unreadable", f"Cannot read {source}: {reason}.")


def _unsupported(path: str, message: str) -> InputError:
    return InputError(path, None, "unsupported", message)


def _read_folder(folder: str) -> Iterator[Document | InputError]:
    """The documents of every file under folder; an error for each other file."""
    files, walk_errors = _files_in(folder)
    for exc in walk_errors:
        yield _unreadable(exc.filename or folder, None, exc)
    for path in files:
        if not os.path.isfile(path):
            yield _unsupported(path, f"{path} is not a regular file; it is passed over.")
        elif _suffix(path) not in SUPPORTED_SUFFIXES:
            yield _unsupported(
                path, f"{path} is not a .txt, .tsv or .jsonl file; it is passed over."
            )
        else:
            yield from _read_file(path)


def _files_in(folder: str) -> tuple[list[str], list[OSError]]:
    """All files under folder but hidden ones (and those of hidden folders), sorted by
    relative path, and the errors of listing them."""
    walk_errors: list[OSError] = []
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder, onerror=walk_errors.append):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        for name in files:
            if not name.startswith("."):
                path = os.path.join(root, name)
                found.append((Path(os.path.relpath(path, folder)).parts, path))
    return [path for _, path in sorted(found)], walk_errors


def _read_table(
    path: str, parse_line: Callable[[str], tuple[str, str]]
) -> Iterator[Document | InputError]:
    """One document per non-blank line of a .tsv/.jsonl file, read line by line; an error
    for each bad line, and one for each run of binary lines."""
    binary_lines: list[int] = []
    try:
        for number, raw in _numbered_lines(path):
            line, warnings = (raw, ()) if isinstance(raw, str) else _decode(raw)
            if not line.strip():
                continue
            try:
                line, control_warnings = remove_stray_controls(line)
            except BinaryInput:
                binary_lines.append(number)
                continue
            if binary_lines:
                yield _binary_lines(path, binary_lines)
                binary_lines = []
            source = f"{path}:{number}"
            yield _table_document(source, line, warnings + control_warnings, parse_line)
    except OSError as exc:
        yield _unreadable(path, None, exc)
    if binary_lines:
        yield _binary_lines(path, binary_lines)


def _binary_lines(path: str, numbers: list[int]) -> InputError:
    """One error for consecutive binary lines: `path:first` or `path:first-last`."""
    lines = str(numbers[0]) if len(numbers) == 1 else f"{numbers[0]}-{numbers[-1]}"
    return _binary(f"{path}:{lines}", None)


def _table_document(
    source: str,
    line: str,
    warnings: tuple[str, ...],
    parse_line: Callable[[str], tuple[str, str]],
) -> Document | InputError:
    try:
        doc_id, text = parse_line(line)
        doc_id = doc_id.strip()
        if not doc_id:
            raise _BadLine("the id is empty")
    except _BadLine as exc:
        return InputError(source, None, "bad_line", f"Skipped line {source}: {exc}.")
    return _checked_document(source, doc_id, text, warnings)


def _numbered_lines(path: str) -> Iterator[tuple[int, bytes | str]]:
    """(1-based number, line without its line end) for each line of a file, streamed.

    Lines are bytes, except for a UTF-16 file (BOM), whose lines are decoded here
    (undecodable bytes as NUL).
    """
    with open(path, "rb") as file:
        if file.peek(2)[:2] in _UTF16_BOMS:
            with io.TextIOWrapper(
                file, encoding="utf-16", errors=_UNDECODABLE_AS_NUL, newline="\n"
            ) as text:
                for number, line in enumerate(text, start=1):
                    yield number, line.rstrip("\r\n")
            return
        for number, line in enumerate(file, start=1):
            yield number, line.rstrip(b"\r\n")


def _parse_tsv_line(line: str) -> tuple[str, str]:
    """Split `id<TAB>text`; the text is everything after the first tab."""
    doc_id, tab, text = line.partition("\t")
    if not tab:
        raise _BadLine("no tab between id and text")
    return doc_id, text


def _parse_jsonl_line(line: str) -> tuple[str, str]:
    """Read `{"id": str | int, "text": str}`."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise _BadLine(f"not valid JSON ({exc})") from exc
    if not isinstance(record, dict):
        raise _BadLine("not a JSON object")
    doc_id, text = record.get("id"), record.get("text")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int):
        raise _BadLine('"id" is missing or not a string or integer')
    if not isinstance(text, str):
        raise _BadLine('"text" is missing or not a string')
    if not _is_encodable(str(doc_id)) or not _is_encodable(text):
        raise _BadLine("contains an unpaired surrogate escape")
    return str(doc_id), text


def _is_encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_TABLE_PARSERS: dict[str, Callable[[str], tuple[str, str]]] = {
    ".tsv": _parse_tsv_line,
    ".jsonl": _parse_jsonl_line,
}
