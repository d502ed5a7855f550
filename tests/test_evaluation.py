"""Gold scoring: per set and together, and the list of errors with their sentences, on a
hand-made gold file for a hand-written synopsis."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from extract.cli import app
from extract.evaluation.gap import GapRow, decide
from extract.evaluation.gold import evaluate_sets, sentence_at
from extract.run.batch import run_batch

TEXT = "Tom Baker marries Anna Berg. Later, Tom kills the butler. Anna hires a maid."
GOLD = {
    "doc_id": "toy",
    "characters": [
        {"name": "Tom Baker", "aliases": ["Tom Baker", "Tom"], "gender": "male", "named": True},
        {"name": "Anna Berg", "aliases": ["Anna Berg", "Anna"], "gender": "female", "named": True},
        {"name": "the butler", "aliases": ["the butler"], "gender": "male", "named": False},
        {"name": "Uma", "aliases": ["Uma"], "gender": "female", "named": True},
    ],
    "relations": [
        {"source": "Tom Baker", "type": "spouse", "target": "Anna Berg", "evidence": "marries"},
        {"source": "Anna Berg", "type": "friend", "target": "Uma", "evidence": "Uma is a friend"},
    ],
    "events": [
        {"agent": "Tom Baker", "predicate": "kill", "patient": "the butler", "evidence": "kills"},
    ],
}


def write_set(root, name: str, doc_id: str) -> tuple:
    gold_dir = root / "gold" / name
    gold_dir.mkdir(parents=True)
    (gold_dir / f"{doc_id}.json").write_text(json.dumps({**GOLD, "doc_id": doc_id}))
    source = root / f"{doc_id}.txt"
    source.write_text(TEXT)
    out = root / "out" / name
    run_batch([str(source)], out)
    return gold_dir, out


def test_each_set_and_both_together(tmp_path):
    first = write_set(tmp_path, "first", "toy1")
    second = write_set(tmp_path, "second", "toy2")
    evaluations = evaluate_sets([first[0], second[0]], [first[1], second[1]])
    assert list(evaluations) == ["first", "second", "together"]
    assert evaluations["together"].documents == 2
    assert evaluations["first"].named.gold == 3
    assert evaluations["together"].named.gold == 6
    assert evaluations["together"].relations.f1 == evaluations["first"].relations.f1


def test_errors_name_what_is_false_and_missed_with_its_sentence(tmp_path):
    gold_dir, out = write_set(tmp_path, "toy", "toy")
    (evaluation,) = evaluate_sets([gold_dir], [out]).values()
    errors = {(e.kind, e.error, e.item): e.sentence for e in evaluation.errors}
    assert errors[("character", "missed", "Uma")] == ""  # not in the text
    assert errors[("relation", "missed", "Anna Berg friend Uma")] == "Uma is a friend"
    assert errors[("character", "false", "a maid")] == "Anna hires a maid."
    assert errors[("event", "false", "Anna Berg hire a maid (c4, not in gold)")]
    assert not any(kind == "relation" and "spouse" in item for kind, _e, item in errors)


def test_errors_name_a_wrong_gender_with_the_first_mention(tmp_path):
    gold_dir, out = write_set(tmp_path, "toy", "toy")
    gold_path = gold_dir / "toy.json"
    gold = json.loads(gold_path.read_text())
    gold["characters"][1]["gender"] = "unknown"  # the text gives neither a gender
    gold_path.write_text(json.dumps(gold))
    (evaluation,) = evaluate_sets([gold_dir], [out]).values()
    wrong = [(e.item, e.sentence) for e in evaluation.errors if e.kind == "gender"]
    assert wrong == [("Tom Baker: unknown, gold male", "Tom Baker marries Anna Berg.")]


def test_sentence_at_an_offset():
    assert sentence_at(TEXT, TEXT.index("kills")) == "Later, Tom kills the butler."
    assert sentence_at(TEXT, 0) == "Tom Baker marries Anna Berg."
    assert sentence_at(TEXT, -1) == ""


def test_sentence_goes_on_after_an_abbreviated_title():
    text = "They flee. They are stopped by Mrs. Lowe and Dr. Black. They fight."
    assert sentence_at(text, text.index("Black")) == "They are stopped by Mrs. Lowe and Dr. Black."


def test_eval_command_lists_errors_and_prints_json(tmp_path):
    gold_dir, out = write_set(tmp_path, "toy", "toy")
    runner = CliRunner()
    result = runner.invoke(app, ["eval", str(out), "--gold", str(gold_dir), "--errors"])
    assert result.exit_code == 0, result.output
    assert "Uma" in result.stdout and "missed" in result.stdout
    result = runner.invoke(app, ["eval", str(out), "--gold", str(gold_dir), "--json"])
    assert json.loads(result.stdout)["toy"]["errors"]


def test_run_only_the_listed_ids(tmp_path):
    (tmp_path / "docs.jsonl").write_text(
        "\n".join(json.dumps({"id": i, "text": TEXT}) for i in ("a", "b", "c")) + "\n"
    )
    (tmp_path / "ids.txt").write_text("a\nc\n")
    out = tmp_path / "out"
    args = [
        "run",
        str(tmp_path / "docs.jsonl"),
        "--out",
        str(out),
        "--ids",
        str(tmp_path / "ids.txt"),
    ]
    assert CliRunner().invoke(app, args).exit_code == 0
    documents = [json.loads(line)["doc_id"] for line in (out / "documents.jsonl").open()]
    assert documents == ["a", "c"]


def test_gap_reads_an_actor_cut_after_a_possessive_as_the_possessor(nlp):
    text = "Liz dates Des Barnes' (Philip Roe) brother, Colin (Ian Doe), but he leaves her."
    row = GapRow(
        "t-1", text, "he", text.index("he leaves"),
        "Philip Roe", text.index("Philip"), False, "Ian Doe", text.index("Ian"), True,
    )  # fmt: skip
    decision = decide(row, nlp(text))
    assert (decision.a_coref, decision.b_coref) == (False, True)
