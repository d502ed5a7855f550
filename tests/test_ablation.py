"""`extract ablation` on a tiny GAP-format set written here: what a rule earns shows as a drop."""

from __future__ import annotations

from extract.evaluation.ablation import ablation_rows, run_ablation

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL"


def gap_row(row_id: str, text: str, pronoun: str, a: str, a_coref: bool, b: str) -> str:
    """A GAP line whose pronoun is the last occurrence of `pronoun` in the text."""
    fields = [
        row_id,
        text,
        pronoun,
        str(text.rindex(f" {pronoun}") + 1),
        a,
        str(text.index(a)),
        str(a_coref).upper(),
        b,
        str(text.index(b)),
        str(not a_coref).upper(),
        "",
    ]
    return "\t".join(fields)


def test_a_rule_switched_off_shows_what_it_earns(tmp_path):
    gap = tmp_path / "gap"
    gap.mkdir()
    rows = [
        gap_row("t1", "Anna grabs Maria and pushes her.", "her", "Anna", False, "Maria"),
        gap_row("t2", "Tom meets Bill at the station. He smiles.", "He", "Tom", True, "Bill"),
    ]
    (gap / "gap-development.tsv").write_text("\n".join([HEADER, *rows]) + "\n")
    ablation = run_ablation(tmp_path, ["salience", "title"])
    assert ablation.baseline["GAP dev"]["F1"] == 1.0
    deltas = {rule: changes for rule, _kind, changes in ablation_rows(ablation)}
    assert deltas["salience"][("GAP dev", "F1")] < 0
    assert deltas["title"][("GAP dev", "F1")] == 0
    assert any("cmu-dev" in note for note in ablation.missing)
    assert any("GAP validation" in note for note in ablation.missing)
