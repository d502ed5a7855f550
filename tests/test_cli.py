"""The typer commands, through typer's test runner."""

import json

from typer.testing import CliRunner

from extract.cli import app

from .conftest import CORPUS

runner = CliRunner()
SEED_003 = CORPUS / "003_febaaafc5e12a962.txt"


def test_clean_prints_the_cleaned_seed():
    result = runner.invoke(app, ["clean", str(SEED_003)])
    assert result.exit_code == 0
    text = result.stdout
    for residue in ("[[", "]]", "{{", "}}", "  ", " ,"):
        assert residue not in text
    assert "She is helped by Raj to surpass" in text


def test_run_writes_records_and_a_summary(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(SEED_003), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.stderr
    characters = [json.loads(line) for line in (out / "characters.jsonl").open()]
    raj = next(c for c in characters if c["name"] == "Raj")
    assert raj["actor"] == "Raj Kiran"


def test_run_exits_zero_with_errors_and_one_when_strict(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    args = ["run", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "out")]
    assert runner.invoke(app, args).exit_code == 0
    assert runner.invoke(app, [*args, "--strict"]).exit_code == 1


def test_run_reads_stdin(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", "-", "--out", str(out)], input="John Miller sleeps.")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "documents.jsonl").read_text())["doc_id"] == "stdin"


def test_usage_error_exits_non_zero(tmp_path):
    assert runner.invoke(app, ["run", "x.txt"]).exit_code == 2
    assert runner.invoke(app, ["run", "x.txt", "--out", "o", "--workers", "0"]).exit_code == 2


def test_show_prints_tables():
    result = runner.invoke(app, ["show", str(SEED_003)])
    assert result.exit_code == 0, result.output
    assert "characters" in result.stdout and "Pooja" in result.stdout
