"""Batch runs: bad input gives error records and the batch goes on; determinism; resume."""

from pathlib import Path

import pytest

from extract.batch import run_batch
from extract.io.outputs import OUTPUT_KINDS, read_records

GOOD = "Anna Berg meets Tom Berg. She thanks him."
ACCENTED = "José Pérez meets Inés Díaz in Málaga. He thanks her."


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "latin.txt").write_bytes(ACCENTED.encode("latin-1"))
    (folder / "markup_only.txt").write_text("{{Infobox film}}<ref>x</ref>", encoding="utf-8")
    return folder


def outputs(out: Path) -> dict[str, list[dict]]:
    return {kind: list(read_records(out / f"{kind}.jsonl")) for kind in OUTPUT_KINDS}


def test_good_and_latin1_documents_are_processed_the_others_are_errors(mixed_folder, tmp_path):
    summary = run_batch([str(mixed_folder)], tmp_path / "out")
    records = outputs(tmp_path / "out")
    assert [d["doc_id"] for d in records["documents"]] == ["good", "latin"]
    latin = records["documents"][1]
    assert "José Pérez" in latin["text"]
    assert any("latin-1" in warning or "cp1252" in warning for warning in latin["warnings"])
    errors = {e["doc_id"]: e["error"] for e in records["errors"]}
    assert errors == {"binary": "binary", "empty": "empty", "markup_only": "empty"}
    assert summary.documents == 2 and summary.errors == 3


def test_records_of_a_run_validate_against_the_schemas(mixed_folder, tmp_path, assert_valid):
    run_batch([str(mixed_folder)], tmp_path / "out")
    assert_valid(outputs(tmp_path / "out"))


def test_one_and_two_workers_give_byte_identical_files(mixed_folder, tmp_path):
    run_batch([str(mixed_folder)], tmp_path / "one", workers=1)
    run_batch([str(mixed_folder)], tmp_path / "two", workers=2, batch_size=1)
    for kind in OUTPUT_KINDS:
        one = (tmp_path / "one" / f"{kind}.jsonl").read_bytes()
        assert one == (tmp_path / "two" / f"{kind}.jsonl").read_bytes(), kind


def test_resume_skips_documents_already_done(mixed_folder, tmp_path):
    out = tmp_path / "out"
    run_batch([str(mixed_folder / "good.txt")], out)
    summary = run_batch([str(mixed_folder)], out, resume=True)
    assert summary.skipped == 1 and summary.documents == 1
    assert [d["doc_id"] for d in outputs(out)["documents"]] == ["good", "latin"]


def test_duplicate_ids_across_inputs_give_an_error(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text(GOOD, encoding="utf-8")
    run_batch([str(tmp_path / "a"), str(tmp_path / "b")], tmp_path / "out")
    records = outputs(tmp_path / "out")
    assert len(records["documents"]) == 1
    assert [e["error"] for e in records["errors"]] == ["duplicate_id"]
