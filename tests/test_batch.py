"""Batch runs: bad input gives error records and the batch goes on; determinism; resume,
also after real kills of the process."""

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.evaluation.bench import process_tree
from extract.io.outputs import OUTPUT_KINDS, PROGRESS_FILE, read_progress, read_records
from extract.run.batch import run_batch

from .conftest import schema_validators

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


def file_bytes(out: Path) -> dict[str, bytes]:
    return {kind: (out / f"{kind}.jsonl").read_bytes() for kind in OUTPUT_KINDS}


def test_workers_batch_and_chunk_sizes_give_byte_identical_files(mixed_folder, tmp_path):
    run_batch([str(mixed_folder)], tmp_path / "one", workers=1)
    run_batch([str(mixed_folder)], tmp_path / "two", workers=2, batch_size=1, chunk_size=1)
    run_batch([str(mixed_folder)], tmp_path / "three", batch_size=2, chunk_size=3)
    assert file_bytes(tmp_path / "two") == file_bytes(tmp_path / "one")
    assert file_bytes(tmp_path / "three") == file_bytes(tmp_path / "one")


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


# --- resume after real kills ---------------------------------------------------------------


SEEDS = sorted((Path(__file__).resolve().parent.parent / "corpus").glob("*.txt"))


def make_kill_inputs(folder: Path) -> list[str]:
    """Forty-odd documents with bad lines among them, a .jsonl and a folder of .txt."""
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    lines = []
    for number in range(40):
        lines.append(json.dumps({"id": f"doc{number:02}", "text": texts[number % len(texts)]}))
        if number % 7 == 3:
            lines.append("{not json")
    table = folder / "plots.jsonl"
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "more").mkdir()
    (folder / "more" / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "more" / "empty.txt").write_text(" ", encoding="utf-8")
    return [str(table), str(folder / "more")]


def extract_run(inputs: list[str], out: Path, *options: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "extract", "run", *inputs, "--out", str(out), *options]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def assert_committed_bytes_are_a_prefix(out: Path, reference: dict[str, bytes], note: str):
    committed = read_progress(out)
    for kind in OUTPUT_KINDS:
        data = (out / f"{kind}.jsonl").read_bytes()
        kept = data[: committed[kind]] if committed else data
        assert reference[kind].startswith(kept), f"{kind} after {note}"


def committed_documents(out: Path) -> int:
    """Documents committed in out so far (those of a complete run too)."""
    try:
        return json.loads((out / PROGRESS_FILE).read_text())["documents"]
    except FileNotFoundError:  # no run yet, or a complete one
        documents = out / "documents.jsonl"
        return len(list(read_records(documents))) if documents.exists() else 0


def kill_after_next_commit(process: subprocess.Popen, out: Path, delay: float) -> bool:
    """SIGKILL the run `delay` seconds after it commits documents; False if it ended first."""
    before = committed_documents(out)
    while process.poll() is None and committed_documents(out) <= before:
        time.sleep(0.01)
    time.sleep(delay)
    if process.poll() is not None:
        return False
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return True


def test_kills_at_random_moments_and_resumes_give_the_uninterrupted_files(tmp_path):
    inputs = make_kill_inputs(tmp_path)
    uninterrupted = extract_run(inputs, tmp_path / "reference")
    assert uninterrupted.wait(timeout=300) == 0, uninterrupted.stderr.read().decode()
    reference = file_bytes(tmp_path / "reference")
    assert reference["documents"].count(b"\n") == 41 and reference["errors"].count(b"\n") == 7

    out = tmp_path / "killed"
    rng = random.Random()
    early = extract_run(inputs, out, "--chunk-size", "1", "--batch-size", "2")
    time.sleep(rng.uniform(0.0, 2.0))  # while it starts up
    early.send_signal(signal.SIGKILL)
    early.wait(timeout=60)
    kills = []
    for attempt in range(5):
        options = ["--resume", "--workers", str(1 + attempt % 2), "--batch-size", "2"]
        options += ["--chunk-size", str(1 + attempt % 3)]
        delay = rng.uniform(0.0, 0.4)
        if kill_after_next_commit(extract_run(inputs, out, *options), out, delay):
            kills.append(f"{delay:.2f} s after a commit with {' '.join(options)}")
            assert_committed_bytes_are_a_prefix(out, reference, "; ".join(kills))
    assert len(kills) >= 4, "the runs ended before they were killed"
    finish = extract_run(inputs, out, "--resume", "--chunk-size", "2")
    assert finish.wait(timeout=300) == 0, finish.stderr.read().decode()
    assert file_bytes(out) == reference, "; ".join(kills)
    assert not (out / PROGRESS_FILE).exists()


def is_running(pid: int) -> bool:
    """The process exists and is no zombie (an orphan's reaper may be slow to collect it)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_workers_of_a_killed_run_exit_with_it(tmp_path):
    inputs = make_kill_inputs(tmp_path)
    run = extract_run(inputs, tmp_path / "out", "--workers", "2", "--batch-size", "1")
    workers: list[int] = []
    deadline = time.monotonic() + 120
    while run.poll() is None and len(workers) < 2 and time.monotonic() < deadline:
        workers = [pid for pid in process_tree(run.pid) if pid != run.pid and is_running(pid)]
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    run.send_signal(signal.SIGKILL)
    run.wait(timeout=60)
    deadline = time.monotonic() + 15
    while any(is_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(is_running(pid) for pid in workers), "workers outlived their killed run"


# --- hostile inputs through the whole run ----------------------------------------------------

VALIDATORS = schema_validators()
GOOD_TEXTS = [GOOD, ACCENTED, "Ravi marries Sita. Years later he leaves her."]
MARKUP = ["[[", "]]", "{{", "}}", "|", "<ref>", "</ref>", "<br/>", "'''", "''", "&nbsp;", "=="]
WORDS = ["Anna", "Tom Berg", " meets ", " her ", "He", " kills ", ". ", "(", ")", "\n", "\t", "é"]
wiki_markup = st.lists(st.sampled_from(MARKUP + WORDS), max_size=40).map("".join)
hostile_text = st.one_of(st.text(max_size=200), wiki_markup)
hostile_bytes = st.one_of(st.binary(max_size=300), hostile_text.map(str.encode))


@st.composite
def hostile_folders(draw) -> dict[str, bytes]:
    """Files of a folder (name -> bytes): good documents as .txt files and as lines of a .tsv
    and a .jsonl, among random bytes, random Unicode and random wiki markup in all three."""
    files: dict[str, bytes] = {}
    tsv_lines: list[bytes] = []
    jsonl_lines: list[bytes] = []
    for number in range(draw(st.integers(1, 4))):
        text = draw(st.sampled_from(GOOD_TEXTS))
        files[f"good-{number}.txt"] = text.encode()
        tsv_lines.append(f"good-tsv-{number}\t{text}".encode())
        jsonl_lines.append(json.dumps({"id": f"good-jsonl-{number}", "text": text}).encode())
    for number in range(draw(st.integers(0, 4))):
        files[f"x{number}.{draw(st.sampled_from(['txt', 'tsv', 'jsonl', 'bin']))}"] = draw(
            hostile_bytes
        )
        tsv_lines.insert(draw(st.integers(0, len(tsv_lines))), draw(hostile_bytes))
        jsonl_lines.insert(draw(st.integers(0, len(jsonl_lines))), draw(hostile_bytes))
        hostile_record = {"id": f"x-jsonl-{number}", "text": draw(hostile_text)}
        jsonl_lines.append(json.dumps(hostile_record, ensure_ascii=draw(st.booleans())).encode())
    files["plots.tsv"] = b"\n".join(tsv_lines) + b"\n"
    files["plots.jsonl"] = b"\n".join(jsonl_lines) + b"\n"
    return files


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_folders())
def test_hostile_inputs_never_raise_write_only_valid_lines_and_lose_no_good_document(
    tmp_path_factory, files
):
    folder = tmp_path_factory.mktemp("hostile")
    for name, data in files.items():
        (folder / name).write_bytes(data)
    out = folder / "out"
    run_batch([str(folder)], out, batch_size=4)
    for kind in OUTPUT_KINDS:
        data = (out / f"{kind}.jsonl").read_bytes()
        assert not data or data.endswith(b"\n")
        for line in data.splitlines():
            record = json.loads(line)
            assert not list(VALIDATORS[kind].iter_errors(record)), (kind, record)
    done = {record["doc_id"] for record in read_records(out / "documents.jsonl")}
    numbers = [name.removeprefix("good-").removesuffix(".txt") for name in files if "good" in name]
    good = {f"good{kind}-{number}" for kind in ("", "-tsv", "-jsonl") for number in numbers}
    assert good <= done
