"""Tests for extract.io.outputs: atomic JSONL writing and resume."""

import os

import jsonlines
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.io.outputs import OUTPUT_KINDS, OutputWriter, read_records

DOCS = {
    "d1": {
        "documents": {"doc_id": "d1", "title": "Amélie", "n_sentences": 2},
        "characters": {"doc_id": "d1", "name": "Amélie"},
        "events": {"doc_id": "d1", "verb": "help"},
        "relations": {"doc_id": "d1", "subject": "Amélie", "object": "Nino"},
    },
    "d2": {
        "documents": {"doc_id": "d2", "title": "東京物語", "n_sentences": 1},
        "characters": {"doc_id": "d2", "name": "Shūkichi"},
        "events": {"doc_id": "d2", "verb": "visit"},
        "relations": {"doc_id": "d2", "subject": "Shūkichi", "object": "Tomi"},
    },
}


def write_docs(writer: OutputWriter, *doc_ids: str) -> None:
    for doc_id in doc_ids:
        for kind, record in DOCS[doc_id].items():
            writer.write(kind, record)


def run(out_dir, *doc_ids, resume=False, errors=()):
    with OutputWriter(out_dir, resume=resume) as writer:
        write_docs(writer, *doc_ids)
        for error in errors:
            writer.write("errors", error)
    return writer


def snapshot(out_dir) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(out_dir.iterdir())}


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


def test_keys_keep_insertion_order_and_records_keep_write_order(tmp_path):
    with OutputWriter(tmp_path) as writer:
        writer.write("events", {"z": 1, "a": 2})
        writer.write("events", {"b": 3})
    assert (tmp_path / "events.jsonl").read_text(encoding="utf-8") == '{"z":1,"a":2}\n{"b":3}\n'


def test_same_records_give_byte_identical_files(tmp_path):
    run(tmp_path / "first", "d1", "d2")
    run(tmp_path / "second", "d1", "d2")
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "second")


def test_creates_missing_out_dir(tmp_path):
    out_dir = tmp_path / "deep" / "out"
    run(out_dir, "d1")
    assert (out_dir / "documents.jsonl").exists()


def test_no_temp_file_is_left_after_success(tmp_path):
    run(tmp_path, "d1")
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".")]


def test_records_stay_in_temp_files_until_the_end(tmp_path):
    run(tmp_path, "d1")
    before = snapshot(tmp_path)
    with OutputWriter(tmp_path) as writer:
        write_docs(writer, "d2")
        during = snapshot(tmp_path)
        assert {name: data for name, data in during.items() if name in before} == before
        assert any(name.startswith(".documents.jsonl.tmp-") for name in during)
    assert [r["doc_id"] for r in read_records(tmp_path / "documents.jsonl")] == ["d2"]


@pytest.mark.parametrize("interruption", [RuntimeError, KeyboardInterrupt])
def test_exception_inside_with_keeps_previous_files_and_removes_temp_files(tmp_path, interruption):
    run(tmp_path, "d1", errors=[{"doc_id": "d3", "error": "binary"}])
    before = snapshot(tmp_path)
    with pytest.raises(interruption), OutputWriter(tmp_path) as writer:
        write_docs(writer, "d2")
        raise interruption()
    assert snapshot(tmp_path) == before


def test_stale_temp_files_are_removed_at_start(tmp_path):
    stale = tmp_path / ".events.jsonl.tmp-99999"
    stale.write_text('{"doc_id":"half', encoding="utf-8")
    run(tmp_path, "d1")
    assert not stale.exists()


def test_unknown_kind_is_rejected(tmp_path):
    with pytest.raises(ValueError), OutputWriter(tmp_path) as writer:
        writer.write("mentions", {"doc_id": "d1"})


def test_write_outside_the_with_block_is_rejected(tmp_path):
    with pytest.raises(RuntimeError):
        OutputWriter(tmp_path).write("events", {"doc_id": "d1"})


def test_record_that_is_not_strict_json_is_rejected_without_a_partial_line(tmp_path):
    with OutputWriter(tmp_path) as writer:
        with pytest.raises(ValueError):
            writer.write("events", {"doc_id": "d1", "score": float("nan")})
        writer.write("events", {"doc_id": "d1"})
    assert list(read_records(tmp_path / "events.jsonl")) == [{"doc_id": "d1"}]


# --- resume ------------------------------------------------------------------------------------


def test_resume_without_previous_output_has_no_done_ids(tmp_path):
    assert OutputWriter(tmp_path / "none", resume=True).done_ids == frozenset()


def test_no_resume_has_no_done_ids_and_replaces_previous_output(tmp_path):
    run(tmp_path, "d1")
    writer = run(tmp_path, "d2")
    assert writer.done_ids == frozenset()
    assert [r["doc_id"] for r in read_records(tmp_path / "characters.jsonl")] == ["d2"]


def test_resume_keeps_done_documents_and_drops_old_errors(tmp_path):
    run(tmp_path, "d1", errors=[{"doc_id": "d2", "error": "timeout"}])
    with OutputWriter(tmp_path, resume=True) as writer:
        assert writer.done_ids == frozenset({"d1"})
        write_docs(writer, "d2")
    for kind in ("documents", "characters", "events", "relations"):
        assert [r["doc_id"] for r in read_records(tmp_path / f"{kind}.jsonl")] == ["d1", "d2"]
    assert list(read_records(tmp_path / "errors.jsonl")) == []


def test_resumed_run_is_byte_identical_to_a_full_run(tmp_path):
    run(tmp_path / "full", "d1", "d2")
    run(tmp_path / "resumed", "d1")
    run(tmp_path / "resumed", "d2", resume=True)
    assert snapshot(tmp_path / "resumed") == snapshot(tmp_path / "full")


def test_resume_drops_records_of_documents_that_are_not_done(tmp_path):
    """Records of a document missing from documents.jsonl are redone, so the old ones go."""
    run(tmp_path, "d1", "d2")
    with jsonlines.open(tmp_path / "documents.jsonl", "w") as documents:
        documents.write(DOCS["d1"]["documents"])
    with OutputWriter(tmp_path, resume=True) as writer:
        assert writer.done_ids == frozenset({"d1"})
    assert [r["doc_id"] for r in read_records(tmp_path / "characters.jsonl")] == ["d1"]


def test_resume_tolerates_a_truncated_last_line(tmp_path):
    run(tmp_path, "d1", "d2")
    for kind in ("documents", "characters"):
        path = tmp_path / f"{kind}.jsonl"
        data = path.read_bytes()
        path.write_bytes(data[: len(data) - 7])  # cut inside the last record
    with OutputWriter(tmp_path, resume=True) as writer:
        assert writer.done_ids == frozenset({"d1"})
    assert [r["doc_id"] for r in read_records(tmp_path / "characters.jsonl")] == ["d1"]


def test_resume_tolerates_a_last_line_cut_inside_a_utf8_character(tmp_path):
    run(tmp_path, "d2")
    path = tmp_path / "documents.jsonl"
    cut = path.read_bytes().index("東".encode()) + 1
    path.write_bytes(b'{"doc_id":"d1"}\n' + path.read_bytes()[:cut])
    assert OutputWriter(tmp_path, resume=True).done_ids == frozenset({"d1"})


def test_resume_refuses_a_malformed_line_before_the_last(tmp_path):
    (tmp_path / "documents.jsonl").write_text('{"doc_id":"d1"}\n{oops\n{"doc_id":"d2"}\n')
    with pytest.raises(jsonlines.InvalidLineError):
        OutputWriter(tmp_path, resume=True)


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
        for record in records:
            writer.write("relations", record)
    assert list(read_records(out_dir / "relations.jsonl")) == records
    assert (out_dir / "relations.jsonl").read_bytes().count(b"\n") == len(records)
