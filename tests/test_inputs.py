"""Tests for extract.io.inputs: readers, decoding and input errors."""

import io
import json
import os
import random
import threading
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from extract.io.inputs import (
    BinaryInput,
    Document,
    InputError,
    count_inputs,
    decode_bytes,
    read_inputs,
)


def read_all(*paths, stdin=None):
    return list(read_inputs([str(path) for path in paths], stdin=stdin))


def only_error(items) -> InputError:
    assert len(items) == 1
    assert isinstance(items[0], InputError)
    return items[0]


# --- input kinds and ids ---------------------------------------------------------------------


def test_txt_file_is_one_document_named_by_its_stem(tmp_path):
    path = tmp_path / "Alien_1979.txt"
    path.write_text("Ripley wakes up.\n", encoding="utf-8")
    assert read_all(path) == [Document("Alien_1979", str(path), "Ripley wakes up.\n")]


def test_text_is_left_untouched(tmp_path):
    text = "  Line one.\r\n\r\n\tLine two.  \n\n"
    path = tmp_path / "raw.txt"
    path.write_bytes(text.encode("utf-8"))
    [document] = read_all(path)
    assert document.text == text


def test_txt_suffix_is_case_insensitive(tmp_path):
    path = tmp_path / "LOUD.TXT"
    path.write_text("Text.", encoding="utf-8")
    [document] = read_all(path)
    assert document.doc_id == "LOUD"


def test_folder_reads_every_supported_file_recursively_in_sorted_relative_path_order(tmp_path):
    for relative in ["b.txt", "a/z.txt", "a.b/c.txt", "a/sub/y.txt"]:
        path = tmp_path / "corpus" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Text of {relative}.", encoding="utf-8")
    (tmp_path / "corpus" / "d.jsonl").write_text('{"id": "j", "text": "From JSON."}\n')
    (tmp_path / "corpus" / "e.TSV").write_text("t\tFrom a table.\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    documents = read_all(folder)
    assert [d.source for d in documents] == [
        str(folder / "a" / "sub" / "y.txt"),
        str(folder / "a" / "z.txt"),
        str(folder / "a.b" / "c.txt"),
        str(folder / "b.txt"),
        f"{folder / 'd.jsonl'}:1",
        f"{folder / 'e.TSV'}:1",
    ]
    assert [d.doc_id for d in documents] == ["y", "z", "c", "b", "j", "t"]
    assert all(isinstance(d, Document) for d in documents)


def test_a_file_of_another_kind_in_a_folder_is_reported_not_skipped(tmp_path):
    (tmp_path / "notes.md").write_text("# Notes", encoding="utf-8")
    (tmp_path / "plot.txt").write_text("Text.", encoding="utf-8")
    error, document = read_all(tmp_path)
    assert (error.error, error.source, error.doc_id) == (
        "unsupported",
        str(tmp_path / "notes.md"),
        None,
    )
    assert document.doc_id == "plot"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_in_a_folder_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    error = only_error(read_all(tmp_path))
    assert (error.error, error.source) == ("unsupported", str(tmp_path / "pipe.txt"))
    assert "not a regular file" in error.message


@pytest.mark.skipif(os.name != "posix", reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_is_shown_with_replacement_characters(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Text.", encoding="utf-8")
    [document] = read_all(tmp_path)
    assert document.doc_id == "caf\ufffd"
    assert document.source == str(tmp_path / "caf\ufffd.txt")


def test_folder_skips_hidden_files_and_folders(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "inside.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / "shown.txt").write_text("Shown.", encoding="utf-8")
    assert [d.doc_id for d in read_all(tmp_path)] == ["shown"]


def test_tsv_gives_one_document_per_line_with_line_sources(tmp_path):
    path = tmp_path / "plots.tsv"
    path.write_bytes(b"101\tFirst plot.\r\n\n  \n202\tSecond\tplot.\n")
    assert read_all(path) == [
        Document("101", f"{path}:1", "First plot."),
        Document("202", f"{path}:4", "Second\tplot."),
    ]


def test_tsv_line_without_tab_or_id_is_bad_line_and_reading_goes_on(tmp_path):
    path = tmp_path / "plots.tsv"
    path.write_text("no tab here\n\tno id\n7\tKept.\n", encoding="utf-8")
    items = read_all(path)
    assert [(i.source, i.error) for i in items[:2]] == [
        (f"{path}:1", "bad_line"),
        (f"{path}:2", "bad_line"),
    ]
    assert items[2] == Document("7", f"{path}:3", "Kept.")


def test_jsonl_reads_id_and_text_and_turns_int_ids_into_str(tmp_path):
    path = tmp_path / "plots.jsonl"
    lines = [{"id": 5, "text": "Int id."}, {"id": "x", "text": "Str id.", "extra": 1}]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    assert read_all(path) == [
        Document("5", f"{path}:1", "Int id."),
        Document("x", f"{path}:2", "Str id."),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "{not json",
        "[1, 2]",
        '{"text": "no id"}',
        '{"id": "no text"}',
        '{"id": true, "text": "bool id"}',
        '{"id": 1.5, "text": "float id"}',
        '{"id": "", "text": "empty id"}',
        '{"id": "a", "text": 3}',
        '{"id": "a", "text": "lone \\ud800 surrogate"}',
        "[" * 100_000,
    ],
)
def test_jsonl_bad_line_is_reported_and_reading_goes_on(tmp_path, line):
    path = tmp_path / "plots.jsonl"
    path.write_text(line + '\n{"id": "ok", "text": "Kept."}\n', encoding="utf-8")
    error, document = read_all(path)
    assert (error.source, error.error) == (f"{path}:1", "bad_line")
    assert document == Document("ok", f"{path}:2", "Kept.")


def test_stdin_is_one_document(tmp_path):
    stdin = io.BytesIO("Story from a pipe. Café.".encode())
    assert read_all("-", stdin=stdin) == [Document("stdin", "<stdin>", "Story from a pipe. Café.")]


# --- errors ------------------------------------------------------------------------------------


def test_missing_path_is_not_found_and_reading_goes_on(tmp_path):
    kept = tmp_path / "kept.txt"
    kept.write_text("Text.", encoding="utf-8")
    missing, document = read_all(tmp_path / "missing.txt", kept)
    assert (missing.error, missing.source) == ("not_found", str(tmp_path / "missing.txt"))
    assert document.doc_id == "kept"


def test_other_extension_given_explicitly_is_unsupported(tmp_path):
    path = tmp_path / "plots.csv"
    path.write_text("id,text\n", encoding="utf-8")
    assert only_error(read_all(path)).error == "unsupported"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs POSIX non-root")
def test_file_without_read_permission_is_unreadable(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Secret.", encoding="utf-8")
    path.chmod(0)
    error = only_error(read_all(path))
    assert (error.error, error.doc_id) == ("unreadable", "locked")


def test_os_error_while_reading_is_unreadable(tmp_path, monkeypatch):
    path = tmp_path / "broken.txt"
    path.write_text("Text.", encoding="utf-8")

    def fail(self):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", fail)
    error = only_error(read_all(path))
    assert error.error == "unreadable"
    assert "Input/output error" in error.message


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n", "\ufeff \n".encode()])
def test_empty_or_whitespace_file_is_empty(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    error = only_error(read_all(path))
    assert (error.error, error.doc_id) == ("empty", "blank")


def test_tsv_row_with_empty_text_is_empty(tmp_path):
    path = tmp_path / "plots.tsv"
    path.write_text("1\t   \n", encoding="utf-8")
    error = only_error(read_all(path))
    assert (error.error, error.doc_id, error.source) == ("empty", "1", f"{path}:1")


def test_jsonl_row_with_empty_text_is_empty(tmp_path):
    path = tmp_path / "plots.jsonl"
    path.write_text('{"id": 1, "text": ""}\n', encoding="utf-8")
    assert only_error(read_all(path)).error == "empty"


def test_duplicate_id_keeps_the_first_and_names_its_source(tmp_path):
    first = tmp_path / "a" / "film.txt"
    second = tmp_path / "b" / "film.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(f"Text in {path.parent.name}.", encoding="utf-8")
    document, error = read_all(first, second)
    assert document.source == str(first)
    assert (error.error, error.doc_id, error.source) == ("duplicate_id", "film", str(second))
    assert str(first) in error.message


def test_duplicate_id_is_detected_across_input_kinds(tmp_path):
    txt = tmp_path / "42.txt"
    txt.write_text("From a file.", encoding="utf-8")
    tsv = tmp_path / "plots.tsv"
    tsv.write_text("42\tFrom a table.\n43\tOther.\n", encoding="utf-8")
    items = read_all(txt, tsv)
    assert [type(item) for item in items] == [Document, InputError, Document]
    assert items[1].error == "duplicate_id"


def test_failed_document_does_not_claim_its_id(tmp_path):
    tsv = tmp_path / "plots.tsv"
    tsv.write_text("9\t \n9\tSecond try.\n", encoding="utf-8")
    empty, document = read_all(tsv)
    assert empty.error == "empty"
    assert document == Document("9", f"{tsv}:2", "Second try.")


# --- decoding ----------------------------------------------------------------------------------


def test_valid_utf8_has_no_warning():
    assert decode_bytes("Amélie — 東京".encode()) == ("Amélie — 東京", ())


def test_utf8_bom_is_stripped():
    assert decode_bytes(b"\xef\xbb\xbfHello") == ("Hello", ())


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(codec):
    text = "Amélie and 東京.\n"
    data = text.encode(codec)
    if codec != "utf-16":
        data = ("\ufeff" + text).encode(codec)
    assert decode_bytes(data) == (text, ())


def test_cp1252_is_decoded_with_a_warning():
    text, warnings = decode_bytes("“Café” – naïve".encode("cp1252"))
    assert text == "“Café” – naïve"
    assert warnings == ("not valid UTF-8: decoded as cp1252",)


def test_latin1_is_used_when_cp1252_cannot_decode():
    text, warnings = decode_bytes(b"caf\xe9 \xa4 au lait, il y a \x81")  # 0x81: not cp1252
    assert text == "café ¤ au lait, il y a "
    assert warnings[0] == "not valid UTF-8: decoded as latin-1"


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a\x00\x01",
        b"text" * 10 + b"\x01\x02\x03\x04\x05\x06",
        b"\xff\xfe" + "binary\x00".encode("utf-16-le"),
        b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(4000),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 400 + b"/lib64/ld-linux-x86-64.so.2\x00" * 3,
    ],
    ids=["gif", "controls", "utf16-nul", "png", "elf"],
)
def test_binary_data_raises_binary_input(data):
    with pytest.raises(BinaryInput):
        decode_bytes(data)


def test_a_few_stray_control_bytes_are_removed_with_a_warning():
    data = b"Ripley\x00 wakes\x1b up.\x07\r\n" + "Café.\t\f\n".encode() * 3
    text, warnings = decode_bytes(data)
    assert text == "Ripley wakes up.\r\n" + "Café.\t\f\n" * 3
    assert warnings == ("3 control characters (NUL or the like) removed",)


def test_undecodable_utf16_is_removed_with_a_warning():
    data = "Amélie sings.".encode("utf-16") + b"\x00\xd8"  # a lone high surrogate
    assert decode_bytes(data) == (
        "Amélie sings.",
        (
            "invalid UTF-16: undecodable bytes removed",
            "1 control characters (NUL or the like) removed",
        ),
    )


def test_text_file_with_stray_nul_bytes_is_a_document(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_bytes(b"John meets Mary.\x00\x00 She thanks him.\n")
    [document] = read_all(path)
    assert document.text == "John meets Mary. She thanks him.\n"
    assert document.warnings == ("2 control characters (NUL or the like) removed",)


def test_binary_is_binary_whatever_the_extension(tmp_path):
    data = random.Random(3).randbytes(2000)
    (tmp_path / "photo.txt").write_bytes(data)
    error = only_error(read_all(tmp_path / "photo.txt"))
    assert error.error == "binary"


def test_binary_file_is_a_binary_error(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    error = only_error(read_all(path))
    assert (error.error, error.doc_id) == ("binary", "image")


def test_binary_tsv_is_one_binary_error_for_its_run_of_lines(tmp_path):
    path = tmp_path / "data.tsv"
    path.write_bytes(b"1\t\x00\x01\x02\n" * 100)
    error = only_error(read_all(path))
    assert (error.error, error.source) == ("binary", f"{path}:1-100")


def test_binary_lines_amid_good_ones_are_reported_by_line_and_the_good_ones_read(tmp_path):
    path = tmp_path / "plots.tsv"
    path.write_bytes(
        b"1\tFirst plot.\n\x00\x01\x02\x03\tjunk\n2\tSec\x00ond plot.\n"
        + b"\x89\x00\x1a\x00\n\x0e\x0f\x10\x11\n\n3\tThird plot.\n"
    )
    first, junk, second, more_junk, third = read_all(path)
    assert (first.doc_id, second.doc_id, third.doc_id) == ("1", "2", "3")
    assert second.text == "Second plot."
    assert (junk.error, junk.source) == ("binary", f"{path}:2")
    assert (more_junk.error, more_junk.source) == ("binary", f"{path}:4-5")


def test_jsonl_text_with_nul_escapes_or_raw_nul_bytes_is_cleaned(tmp_path):
    path = tmp_path / "plots.jsonl"
    path.write_bytes(
        b'{"id": 1, "text": "Ann\\u0000 sings."}\n{"id": 2, "text": "Bo\x00b runs."}\n'
    )
    first, second = read_all(path)
    assert (first.text, second.text) == ("Ann sings.", "Bob runs.")
    assert first.warnings == second.warnings == ("1 control characters (NUL or the like) removed",)


def test_jsonl_text_of_control_characters_is_binary(tmp_path):
    path = tmp_path / "plots.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "\x01\x02\x03 abc"}) + "\n", encoding="utf-8")
    error = only_error(read_all(path))
    assert (error.error, error.doc_id, error.source) == ("binary", "x", f"{path}:1")


def test_file_warning_is_attached_to_the_document(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("Café".encode("cp1252"))
    [document] = read_all(path)
    assert (document.text, document.warnings) == ("Café", ("not valid UTF-8: decoded as cp1252",))


def test_tsv_lines_are_decoded_like_files(tmp_path):
    path = tmp_path / "plots.tsv"
    path.write_bytes(b"\xef\xbb\xbf1\tCaf\xc3\xa9\n2\tCaf\xe9\n")
    first, second = read_all(path)
    assert (first.doc_id, first.text, first.warnings) == ("1", "Café", ())
    assert (second.text, second.warnings) == ("Café", ("not valid UTF-8: decoded as cp1252",))


def test_utf16_tsv_is_read_line_by_line(tmp_path):
    path = tmp_path / "plots.tsv"
    path.write_bytes("1\tAmélie.\r\n2\t東京.\r\n".encode("utf-16"))
    assert read_all(path) == [
        Document("1", f"{path}:1", "Amélie."),
        Document("2", f"{path}:2", "東京."),
    ]


@given(st.binary(max_size=2000))
def test_decode_bytes_only_ever_raises_binary_input(data):
    try:
        text, warnings = decode_bytes(data)
    except BinaryInput:
        return
    assert isinstance(text, str)
    assert all(isinstance(warning, str) for warning in warnings)


@given(st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc"))))
def test_utf8_text_round_trips_without_warnings(text):
    assume(not text.startswith("\ufeff"))
    assert decode_bytes(text.encode("utf-8")) == (text, ())


# --- streaming and counting --------------------------------------------------------------------


def test_count_inputs_counts_files_and_non_blank_lines(tmp_path):
    (tmp_path / "corpus" / "sub").mkdir(parents=True)
    for relative in ["a.txt", "sub/b.txt", ".hidden.txt", "skip.md"]:
        (tmp_path / "corpus" / relative).write_text("Text.", encoding="utf-8")
    (tmp_path / "corpus" / "sub" / "c.jsonl").write_text('{"id": 1, "text": "A."}\n\n')
    single = tmp_path / "one.txt"
    single.write_text("Text.", encoding="utf-8")
    tsv = tmp_path / "plots.tsv"
    tsv.write_text("1\tA.\n\n2\tB.\n   \n3\tC.", encoding="utf-8")
    paths = [str(tmp_path / "corpus"), str(single), str(tsv)]
    assert count_inputs(paths) == 4 + 1 + 3
    assert count_inputs(paths) == len(list(read_inputs(paths)))


def test_count_inputs_is_unknown_with_stdin(tmp_path):
    assert count_inputs(["-"]) is None


def test_count_inputs_does_not_read_documents_from_tsv(tmp_path):
    tsv = tmp_path / "plots.tsv"
    tsv.write_text("".join(f"{n}\tPlot number {n}.\n" for n in range(42_000)), encoding="utf-8")
    assert count_inputs([str(tsv)]) == 42_000


def test_read_inputs_is_lazy(tmp_path):
    tsv = tmp_path / "plots.tsv"
    tsv.write_text("1\tFirst.\n", encoding="utf-8")
    items = read_inputs([str(tsv), str(tmp_path / "missing.txt")])
    assert next(items).doc_id == "1"
    assert next(items).error == "not_found"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_tsv_documents_are_yielded_before_the_file_is_fully_written(tmp_path):
    fifo = tmp_path / "stream.tsv"
    os.mkfifo(fifo)
    reader_got_first = threading.Event()
    written_before_first_was_read: list[bool] = []

    def write_two_lines():
        with open(fifo, "w", encoding="utf-8") as pipe:
            pipe.write("1\tFirst.\n")
            pipe.flush()
            written_before_first_was_read.append(not reader_got_first.wait(timeout=10))
            pipe.write("2\tSecond.\n")

    writer = threading.Thread(target=write_two_lines)
    writer.start()
    items = read_inputs([str(fifo)])
    first = next(items)
    reader_got_first.set()
    rest = list(items)
    writer.join()
    assert written_before_first_was_read == [False]
    assert [first.doc_id] + [d.doc_id for d in rest] == ["1", "2"]
