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


def read_kind(out, kind: str) -> list[dict]:
    return [json.loads(line) for line in (out / f"{kind}.jsonl").open()]


def test_run_explain_adds_valid_explanations(tmp_path, assert_valid):
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(SEED_003), "--out", str(out), "--explain"])
    assert result.exit_code == 0, result.output
    records = {kind: read_kind(out, kind) for kind in ("characters", "events", "relations")}
    assert_valid(records)
    raj = next(c for c in records["characters"] if c["name"] == "Raj")
    assert {"actor_note", "person_entity"} <= raj["explain"]["clues"].keys()
    pronouns = [m for c in records["characters"] for m in c["mentions"] if m["type"] == "pronoun"]
    assert pronouns and all(m["rule"] for m in pronouns)
    assert all(event["rules"] for event in records["events"])


def test_run_without_explain_adds_nothing(tmp_path):
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(SEED_003), "--out", str(out)]).exit_code == 0
    characters = read_kind(out, "characters")
    assert not any("explain" in c or "rule" in c["mentions"][0] for c in characters)


def test_run_with_a_rule_disabled(tmp_path):
    out = tmp_path / "out"
    args = ["run", str(SEED_003), "--out", str(out), "--disable-rule", "shared_predicate"]
    assert runner.invoke(app, args).exit_code == 0
    assert read_kind(out, "relations")
    assert not any(r["rule"] == "shared_predicate" for r in read_kind(out, "relations"))


def test_an_unknown_rule_is_a_usage_error(tmp_path):
    args = ["run", str(SEED_003), "--out", str(tmp_path / "o"), "--disable-rule", "no_such_rule"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "no_such_rule" in result.output


def test_show_explain_says_why(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    result = runner.invoke(app, ["show", str(SEED_003), "--explain"])
    assert result.exit_code == 0, result.output
    raj = next(line for line in result.stdout.splitlines() if "│ Raj " in line)
    assert "actor_note" in raj and "person_entity" in raj
    she = next(line for line in result.stdout.splitlines() if "[She] kills him" in line)
    him = next(line for line in result.stdout.splitlines() if "She kills [him]" in line)
    assert "Pooja's maid" in she and "salience" in she
    assert "the maid's husband" in him and "not: clause_subject" in him


def test_fit_weights_says_it_is_skipped_without_the_shared_gold(tmp_path):
    result = runner.invoke(app, ["fit-weights", "--shared", str(tmp_path)])
    assert result.exit_code == 0
    assert "fit-weights skipped" in result.stderr
