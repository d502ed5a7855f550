"""`make ablation`: what each rule adds or costs on every evaluation set.

Each set's texts are parsed once by the base model (cleanup included); then, for every rule, the
project's stages run again on those parses with that one rule switched off, and every measure is
scored again. A measure that drops when a rule is off is what the rule earns; one that rises is
what it costs. Sets whose data is not in ../shared are left out, saying so.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.evaluation.cast import check_cast_records
from extract.evaluation.gap import decide, read_gap, score
from extract.evaluation.gold import SCORED_KINDS, evaluate_records
from extract.evaluation.litbank import Excerpt, read_litbank, score_litbank_docs
from extract.io.inputs import Document
from extract.io.records import document_records
from extract.pipeline import DEFAULT_MODEL, STAGES, build_nlp
from extract.rules import rule_table

Measures = dict[str, float]
GAP_FILES = (("GAP dev", "gap-development.tsv"), ("GAP validation", "gap-validation.tsv"))


@dataclass(frozen=True)
class EvaluationSet:
    """Texts to parse and a scorer of the Docs the stages make of them."""

    name: str
    ids: list[str]
    texts: list[str]
    scorer: Callable[[list[str], list[Doc]], Measures]


def records_by_id(ids: list[str], docs: list[Doc]) -> dict[str, dict[str, list[dict]]]:
    """Doc id -> the records of its Doc, by kind."""
    return {
        doc_id: document_records(Document(doc_id, "", ""), doc)
        for doc_id, doc in zip(ids, docs, strict=True)
    }


def gold_scorer(gold_dir: Path) -> Callable[[list[str], list[Doc]], Measures]:
    def scorer(ids: list[str], docs: list[Doc]) -> Measures:
        records = records_by_id(ids, docs)
        predicted = {
            kind: {doc_id: by_kind[kind] for doc_id, by_kind in records.items()}
            for kind in SCORED_KINDS
        }
        evaluation = evaluate_records(gold_dir, predicted)
        return {
            "named F1": evaluation.named.f1,
            "nominal F1": evaluation.nominal.f1,
            "gender": evaluation.gender_accuracy,
            "relations F1": evaluation.relations.f1,
            "events F1": evaluation.events.f1,
        }

    return scorer


def gap_scorer(path: Path) -> Callable[[list[str], list[Doc]], Measures]:
    rows = list(read_gap(path))

    def scorer(_ids: list[str], docs: list[Doc]) -> Measures:
        scores = score(rows, [decide(row, doc) for row, doc in zip(rows, docs, strict=True)])
        return {"F1": scores.overall.f1, "bias": scores.bias}

    return scorer


def cast_scorer(plots: list[dict]) -> Callable[[list[str], list[Doc]], Measures]:
    def scorer(ids: list[str], docs: list[Doc]) -> Measures:
        characters = {
            doc_id: by_kind["characters"] for doc_id, by_kind in records_by_id(ids, docs).items()
        }
        # higher is better, as for every other measure: the cast actors kept out of characters
        return {"actors not made characters": 1 - check_cast_records(plots, characters).share}

    return scorer


def litbank_scorer(excerpts: list[Excerpt]) -> Callable[[list[str], list[Doc]], Measures]:
    def scorer(_ids: list[str], docs: list[Doc]) -> Measures:
        scores = score_litbank_docs(excerpts, docs)
        return {"named F1": scores.named.f1, "gender": scores.gender_accuracy}

    return scorer


def evaluation_sets(shared: Path) -> tuple[list[EvaluationSet], list[str]]:
    """The sets found under `shared`, and a note for each one missing."""
    sets, missing = [], []
    cmu = shared / "corpus" / "cmu-dev" / "plot_summaries.tsv"
    if cmu.is_file() and (shared / "gold" / "cmu-dev").is_dir():
        pairs = [line.split("\t", 1) for line in cmu.read_text(encoding="utf-8").splitlines()]
        sets.append(
            EvaluationSet(
                "cmu-dev",
                [doc_id for doc_id, _ in pairs],
                [text for _, text in pairs],
                gold_scorer(shared / "gold" / "cmu-dev"),
            )
        )
    else:
        missing.append(f"cmu-dev: {cmu} or its gold not found")
    plots_path = shared / "corpus" / "wikiplots" / "plots.jsonl"
    lines = plots_path.read_text(encoding="utf-8").splitlines() if plots_path.is_file() else []
    gold = shared / "gold" / "wikiplots-dev"
    if lines and gold.is_dir():
        wanted = {path.stem for path in gold.glob("*.json")}
        chosen = [plot for plot in map(json.loads, lines) if plot["id"] in wanted]
        sets.append(
            EvaluationSet(
                "wikiplots-dev",
                [plot["id"] for plot in chosen],
                [plot["text"] for plot in chosen],
                gold_scorer(gold),
            )
        )
    else:
        missing.append(f"wikiplots-dev: {plots_path} or {gold} not found")
    if lines:
        every_third = [plot for plot in map(json.loads, lines[::3]) if plot.get("cast")]
        sets.append(
            EvaluationSet(
                "cast (every 3rd plot)",
                [plot["id"] for plot in every_third],
                [plot["text"] for plot in every_third],
                cast_scorer(every_third),
            )
        )
    else:
        missing.append(f"cast: {plots_path} not found")
    litbank = shared / "litbank"
    if (litbank / "coref" / "conll").is_dir():
        excerpts = read_litbank(litbank)
        sets.append(
            EvaluationSet(
                "LitBank",
                [excerpt.name for excerpt in excerpts],
                [excerpt.text for excerpt in excerpts],
                litbank_scorer(excerpts),
            )
        )
    else:
        missing.append(f"LitBank: {litbank} not found")
    for name, file in GAP_FILES:
        path = shared / "gap" / file
        if path.is_file():
            rows = list(read_gap(path))
            sets.append(
                EvaluationSet(name, [r.id for r in rows], [r.text for r in rows], gap_scorer(path))
            )
        else:
            missing.append(f"{name}: {path} not found")
    return sets, missing


# the state a worker process shares with the parent (set before the pool forks)
_parsed: dict[str, list[bytes]] = {}
_sets: list[EvaluationSet] = []
_nlp: Language | None = None


def measure(disabled: tuple[str, ...]) -> dict[str, Measures]:
    """Every measure of every set with the `disabled` rules switched off."""
    stages = [
        _nlp.create_pipe(stage, config={"disabled_rules": list(disabled)}) for stage in STAGES
    ]
    results = {}
    for evaluation_set in _sets:
        docs = []
        for data in _parsed[evaluation_set.name]:
            doc = Doc(_nlp.vocab).from_bytes(data)
            for stage in stages:
                doc = stage(doc)
            docs.append(doc)
        results[evaluation_set.name] = evaluation_set.scorer(evaluation_set.ids, docs)
    return results


@dataclass
class Ablation:
    """The measures with every rule on, and with each rule off in turn."""

    baseline: dict[str, Measures]
    without: dict[str, dict[str, Measures]]
    missing: list[str]

    def deltas(self, rule: str) -> dict[tuple[str, str], float]:
        """(set, measure) -> the change when the rule is off."""
        return {
            (name, measure_name): value - self.baseline[name][measure_name]
            for name, measures in self.without[rule].items()
            for measure_name, value in measures.items()
        }


def run_ablation(
    shared: Path,
    rules: list[str] | None = None,
    model: str = DEFAULT_MODEL,
    workers: int = 1,
    on_progress: Callable[[], None] = lambda: None,
) -> Ablation:
    """Measure every set with all rules on, then with each of `rules` (default: all) off."""
    global _nlp
    names = rules or list(rule_table())
    sets, missing = evaluation_sets(shared)
    _nlp = build_nlp(model, disabled_rules=[])
    _sets[:] = sets
    with _nlp.select_pipes(disable=list(STAGES)):
        for evaluation_set in sets:
            _parsed[evaluation_set.name] = [
                doc.to_bytes() for doc in _nlp.pipe(evaluation_set.texts, batch_size=64)
            ]
    baseline = measure(())
    without: dict[str, dict[str, Measures]] = {}
    for rule, measures in zip(names, measure_each(names, workers), strict=True):
        without[rule] = measures
        on_progress()
    return Ablation(baseline, without, missing)


def measure_each(rules: list[str], workers: int) -> Iterator[dict[str, Measures]]:
    if workers == 1:
        yield from (measure((rule,)) for rule in rules)
        return
    with ProcessPoolExecutor(workers) as pool:  # forked workers share the parses
        yield from pool.map(measure, [(rule,) for rule in rules])


def ablation_rows(ablation: Ablation) -> list[tuple[str, str, dict[tuple[str, str], float]]]:
    """(rule, stage and kind, deltas) per rule, the most useful first (largest summed drop)."""
    table = rule_table()
    rows = [
        (rule, f"{table[rule].stage} {table[rule].kind}", ablation.deltas(rule))
        for rule in ablation.without
    ]
    return sorted(rows, key=lambda row: sum(row[2].values()))
