"""Tests for extract.io.outputs: chunked durable JSONL writing and resume."""

import json
import os

import jsonlines
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.io.outputs import (
    OUTPUT_KINDS,
    PROGRESS_FILE,
    OutputFolderError,
    OutputWriter,
    encode_record,
    read_progress,
    read_records,
)

DOCS = {
    "d1": {
        "documents": [{"doc_id": "d1", "title": "Amélie", "n_sentences": 2}],
        "characters": [{"doc_id": "d1", "name": "Amélie"}],
        "events": [{"doc_id": "d1", "verb": "help"}],
        "relations": [{"doc_id": "d1", "subject": "Amélie", "object": "Nino"}],
    },
    "d2": {
        "documents": [{"doc_id": "d2", "title": "東京物語", "n_sentences": 1}],
        "characters": [{"doc_id": "d2", "name": "Shūkichi"}],
        "events": [{"doc_id": "d2", "verb": "visit"}],
        "relations": [{"doc_id": "d2", "subject": "Shūkichi", "object": "Tomi"}],
    },
    "d3": {"documents": [{"doc_id": "d3", "title": "Ran", "n_sentences": 1}]},
}


def run(out_dir, *doc_ids, resume=False, errors=(), chunk_documents=100):
    with OutputWriter(out_dir, resume=resume, chunk_documents=chunk_documents) as writer:
        for doc_id in doc_ids:
            writer.add(DOCS[doc_id])
        for error in errors:
            writer.add({"errors": [error]})
    return writer


def snapshot(out_dir) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out_dir.iterdir())}


def doc_ids(out_dir, kind="documents") -> list[str]:
    return [record["doc_id"] for record in read_records(out_dir / f"{kind}.jsonl")]


def test_writes_all_five_files_as_compact_utf8_jsonl(tmp_path):
    run(tmp_path, "d1", errors=[{"doc_id": "d9", "error": "empty"}])
    assert sorted(os.listdir(tmp_path)) == sorted(f"{kind}.jsonl" for kind in OUTPUT_KINDS)
    assert (tmp_path / "characters.jsonl").read_bytes() == (
        '{"doc_id":"d1","name":"Amélie"}\n'.encode()
    )
    assert list(read_records(tmp_path / "errors.jsonl")) == [{"doc_id": "d9", "error": "empty"}]


def test_kinds_without_records_give_empty_files(tmp_path):
    run(tmp_path)
    assert all(value == b"" for value in snapshot(tmp_path).values())


def test_keys_keep_insertion_order_and_records_keep_add_order(tmp_path):
    with OutputWriter(tmp_path) as writer:
        writer.add({"events": [{"z": 1, "a": 2}, {"b": 3}]})
        writer.add({"events": [{"c": 4}]})
    assert (tmp_path / "events.jsonl").read_text(encoding="utf-8") == (
        '{"z":1,"a":2}\n{"b":3}\n{"c":4}\n'
    )


def test_line_separators_are_escaped_so_that_every_reader_sees_one_line_per_record():
    line = encode_record({"text": "a\u2028b\u2029c\nd"})
    assert len(line.decode("utf-8").splitlines()) == 1
    assert json.loads(line) == {"text": "a\u2028b\u2029c\nd"}


def test_creates_missing_out_dir(tmp_path):
    out_dir = tmp_path / "deep" / "out"
    run(out_dir, "d1")
    assert (out_dir / "documents.jsonl").exists()


def test_a_run_without_resume_starts_the_files_anew(tmp_path):
    run(tmp_path, "d1")
    writer = run(tmp_path, "d2")
    assert writer.done_ids == frozenset()
    assert doc_ids(tmp_path, "characters") == ["d2"]


def test_a_full_chunk_is_committed_while_the_run_goes_on(tmp_path):
    with OutputWriter(tmp_path, chunk_documents=2) as writer:
        writer.add(DOCS["d1"])
        assert (tmp_path / "documents.jsonl").read_bytes() == b""
        writer.add({"errors": [{"doc_id": None, "error": "bad_line"}]})
        writer.add(DOCS["d2"])
        assert doc_ids(tmp_path) == ["d1", "d2"]
        assert len(list(read_records(tmp_path / "errors.jsonl"))) == 1
        assert read_progress(tmp_path)["documents"] == (tmp_path / "documents.jsonl").stat().st_size
        writer.add(DOCS["d3"])
        assert doc_ids(tmp_path) == ["d1", "d2"]
    assert doc_ids(tmp_path) == ["d1", "d2", "d3"]


def test_an_old_chunk_is_committed_after_chunk_seconds(tmp_path):
    with OutputWriter(tmp_path, chunk_documents=1000, chunk_seconds=0.0) as writer:
        writer.add(DOCS["d1"])
        assert doc_ids(tmp_path) == ["d1"]


def test_progress_is_recorded_during_the_run_and_removed_at_its_clean_end(tmp_path):
    with OutputWriter(tmp_path, chunk_documents=1) as writer:
        writer.add(DOCS["d1"])
        progress = json.loads((tmp_path / PROGRESS_FILE).read_text())
        assert progress["documents"] == 1
        assert progress["bytes"] == {
            kind: (tmp_path / f"{kind}.jsonl").stat().st_size for kind in OUTPUT_KINDS
        }
    assert not (tmp_path / PROGRESS_FILE).exists()
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".")]


@pytest.mark.parametrize("interruption", [RuntimeError, KeyboardInterrupt])
def test_an_exception_keeps_the_committed_chunks_and_drops_the_one_in_flight(
    tmp_path, interruption
):
    with pytest.raises(interruption), OutputWriter(tmp_path, chunk_documents=1) as writer:
        writer.add(DOCS["d1"])
        writer.chunk_documents = 10
        writer.add(DOCS["d2"])
        raise interruption()
    assert doc_ids(tmp_path) == ["d1"]
    assert (tmp_path / PROGRESS_FILE).exists()


def test_read_records_reads_only_the_committed_records_of_an_unfinished_run(tmp_path):
    with pytest.raises(KeyboardInterrupt), OutputWriter(tmp_path, chunk_documents=1) as writer:
        writer.add(DOCS["d1"])
        raise KeyboardInterrupt
    with open(tmp_path / "documents.jsonl", "ab") as file:
        file.write(b'{"doc_id":"d2","ti')  # what a kill in the middle of a commit leaves
    assert doc_ids(tmp_path) == ["d1"]


def test_unknown_kind_is_rejected(tmp_path):
    with pytest.raises(ValueError), OutputWriter(tmp_path) as writer:
        writer.add({"mentions": [{"doc_id": "d1"}]})


def test_add_outside_the_with_block_is_rejected(tmp_path):
    with pytest.raises(RuntimeError):
        OutputWriter(tmp_path).add({"events": [{"doc_id": "d1"}]})


def test_a_record_that_is_not_strict_json_is_rejected_with_nothing_of_its_item_written(tmp_path):
    with OutputWriter(tmp_path) as writer:
        with pytest.raises(ValueError):
            writer.add({"documents": [{"doc_id": "d1"}], "events": [{"score": float("nan")}]})
        writer.add({"events": [{"doc_id": "d2"}]})
    assert doc_ids(tmp_path, "events") == ["d2"]
    assert doc_ids(tmp_path) == []


@pytest.mark.skipif(os.name != "posix", reason="folder locks are POSIX")
def test_a_second_writer_on_the_same_folder_is_refused(tmp_path):
    with OutputWriter(tmp_path), pytest.raises(OutputFolderError, match="another run"):
        OutputWriter(tmp_path).__enter__()
    run(tmp_path, "d1")  # the lock is released with the first writer


# --- resume ------------------------------------------------------------------------------------


def test_resume_without_previous_output_has_no_done_ids(tmp_path):
    assert run(tmp_path / "none", resume=True).done_ids == frozenset()


def test_resume_keeps_done_documents_and_drops_old_errors(tmp_path):
    run(tmp_path, "d1", errors=[{"doc_id": "d2", "error": "empty"}])
    with OutputWriter(tmp_path, resume=True) as writer:
        assert writer.done_ids == frozenset({"d1"})
        writer.add(DOCS["d2"])
    for kind in ("documents", "characters", "events", "relations"):
        assert doc_ids(tmp_path, kind) == ["d1", "d2"]
    assert list(read_records(tmp_path / "errors.jsonl")) == []


def test_resumed_run_is_byte_identical_to_a_full_run(tmp_path):
    run(tmp_path / "full", "d1", "d2", "d3", errors=[{"doc_id": "x", "error": "empty"}])
    run(tmp_path / "resumed", "d1")
    run(tmp_path / "resumed", "d2", "d3", resume=True, errors=[{"doc_id": "x", "error": "empty"}])
    assert snapshot(tmp_path / "resumed") == snapshot(tmp_path / "full")


def test_resume_cuts_the_chunk_in_flight_off_every_file(tmp_path):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt), OutputWriter(out, chunk_documents=1) as writer:
        writer.add(DOCS["d1"])
        raise KeyboardInterrupt
    for kind in ("documents", "characters", "errors"):
        with open(out / f"{kind}.jsonl", "ab") as file:
            file.write(b'{"doc_id":"d2","na')
    with OutputWriter(out, resume=True) as writer:
        assert writer.done_ids == frozenset({"d1"})
        writer.add(DOCS["d2"])
    run(tmp_path / "full", "d1", "d2")
    assert snapshot(out) == snapshot(tmp_path / "full")


def test_resume_of_a_complete_run_tolerates_a_cut_last_line(tmp_path):
    run(tmp_path, "d1", "d2")
    for kind in ("documents", "characters"):
        path = tmp_path / f"{kind}.jsonl"
        data = path.read_bytes()
        path.write_bytes(data[: len(data) - 7])  # cut inside the last record
    with OutputWriter(tmp_path, resume=True) as writer:
        assert writer.done_ids == frozenset({"d1"})
    assert doc_ids(tmp_path, "characters") == ["d1"]


def test_resume_refuses_a_malformed_line_before_the_last(tmp_path):
    (tmp_path / "documents.jsonl").write_text('{"doc_id":"d1"}\n{oops\n{"doc_id":"d2"}\n')
    with pytest.raises(jsonlines.InvalidLineError):
        OutputWriter(tmp_path, resume=True).__enter__()


def test_resume_refuses_a_file_shorter_than_its_committed_length(tmp_path):
    with pytest.raises(KeyboardInterrupt), OutputWriter(tmp_path, chunk_documents=1) as writer:
        writer.add(DOCS["d1"])
        raise KeyboardInterrupt
    (tmp_path / "events.jsonl").write_bytes(b"")
    with pytest.raises(OutputFolderError, match="shorter"):
        OutputWriter(tmp_path, resume=True).__enter__()


@settings(deadline=None)  # file writes: no timing in tests
@given(
    st.lists(
        st.dictionaries(
            st.text(),
            st.none() | st.booleans() | st.integers() | st.text() | st.lists(st.text()),
        ),
        max_size=5,
    )
)
def test_records_round_trip_through_read_records(tmp_path_factory, records):
    out_dir = tmp_path_factory.mktemp("out")
    with OutputWriter(out_dir) as writer:
        writer.add({"relations": records})
    assert list(read_records(out_dir / "relations.jsonl")) == records
    assert (out_dir / "relations.jsonl").read_bytes().count(b"\n") == len(records)
