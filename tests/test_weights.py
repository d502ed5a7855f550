"""The refit of the person-evidence weights, on made-up names."""

import shutil

from extract.evaluation.gold import Score
from extract.evaluation.weights import (
    WEIGHTS_TABLE,
    FitReport,
    NameSample,
    cross_validate,
    fitted_weights,
    keeps,
    wins_everywhere,
    write_weights,
)
from extract.lexicons import read_table


def samples():
    """Names with a title are characters, names after "in" are places, in two sets."""
    made = []
    for doc_set in ("a", "b"):
        for index in range(30):
            made.append(NameSample(doc_set, f"{doc_set}{index}", "X", {"title": 1.0}, True))
            made.append(
                NameSample(doc_set, f"{doc_set}{index}", "Y", {"locative_object": 1.0}, False)
            )
            made.append(
                NameSample(doc_set, f"{doc_set}{index}", "Z", {"title": 1.0, "subject": 2.0}, True)
            )
    return made


def test_fitted_weights_keep_the_names_the_gold_has_at_threshold_one():
    weights = fitted_weights(samples(), ["locative_object", "subject", "title"])
    assert weights["threshold"] == 1
    assert weights["title"] >= 1 > weights["locative_object"]
    assert all(keeps(sample, weights) == sample.is_character for sample in samples())


def test_cross_validation_scores_hand_and_fitted_weights_per_set():
    report = cross_validate(samples())
    assert set(report.hand) == set(report.fitted) == {"a", "b"}
    assert report.fitted["a"].f1 == 1.0
    assert wins_everywhere(report)


def test_weights_are_written_only_as_the_weight_column(tmp_path):
    table = tmp_path / "person_evidence.tsv"
    shutil.copy(WEIGHTS_TABLE, table)
    write_weights({"title": 2.5}, table)
    before = WEIGHTS_TABLE.read_text(encoding="utf-8").splitlines()
    after = table.read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1 and changed[0][1].startswith("title\t2.5\t")
    assert read_table("rules/person_evidence.tsv")  # the table itself is untouched


def test_fitted_weights_that_lose_on_one_set_are_not_a_win():
    report = FitReport(
        hand={"a": Score(9, 10, 9, 10), "b": Score(9, 10, 9, 10)},
        fitted={"a": Score(10, 10, 10, 10), "b": Score(8, 10, 8, 10)},
    )
    assert not wins_everywhere(report)
