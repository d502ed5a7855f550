"""Golden regression: corpus/*.txt re-extracted and compared record by record with
corpus/golden/ (regenerate on purpose with `make golden` and review the diff)."""

import json

import pytest

from extract.io.outputs import OUTPUT_KINDS, read_records
from extract.run.batch import run_batch

from .conftest import CORPUS, REPO

GOLDEN = CORPUS / "golden"


@pytest.fixture(scope="module")
def fresh_output(tmp_path_factory):
    out = tmp_path_factory.mktemp("golden")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)  # sources are recorded as given: "corpus/<file>", as `make golden` does
        run_batch(sorted(str(path.relative_to(REPO)) for path in CORPUS.glob("*.txt")), out)
    return out


def record_key(record: dict) -> tuple:
    return (record.get("doc_id"), record.get("id") or record.get("source"))


def field_differences(expected: dict, actual: dict) -> list[str]:
    lines = []
    for field in dict.fromkeys([*expected, *actual]):
        if expected.get(field) != actual.get(field):
            lines.append(
                f"  field {field!r}:\n    golden: {json.dumps(expected.get(field))[:300]}\n"
                f"    now:    {json.dumps(actual.get(field))[:300]}"
            )
    return lines


@pytest.mark.parametrize("kind", OUTPUT_KINDS)
def test_output_matches_golden_records(fresh_output, kind):
    golden = {record_key(r): r for r in read_records(GOLDEN / f"{kind}.jsonl")}
    fresh = {record_key(r): r for r in read_records(fresh_output / f"{kind}.jsonl")}
    problems = []
    for key in dict.fromkeys([*golden, *fresh]):
        doc_id, record_id = key
        if key not in fresh:
            problems.append(f"{kind} {doc_id} {record_id}: missing now (in golden)")
        elif key not in golden:
            problems.append(f"{kind} {doc_id} {record_id}: new record (not in golden)")
        elif golden[key] != fresh[key]:
            problems.append(f"{kind} {doc_id} {record_id} changed:")
            problems.extend(field_differences(golden[key], fresh[key]))
    assert not problems, "golden mismatch (run `make golden` if intended):\n" + "\n".join(problems)


@pytest.mark.parametrize("kind", OUTPUT_KINDS)
def test_output_files_are_byte_identical_to_golden(fresh_output, kind):
    assert (fresh_output / f"{kind}.jsonl").read_bytes() == (GOLDEN / f"{kind}.jsonl").read_bytes()
